"""What the meeting form and the minutes editor hand to the service and get back: plain data.
The minutes as JSON (autosaved drafts, the minutes kept by a revision)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from datetime import date, time
from typing import Any


@dataclass(frozen=True)
class AttendeeInput:
    party: str
    name: str
    unit: str = ""
    post: str = ""
    phone: str = ""
    attendance: str = "present"
    note: str = ""


@dataclass(frozen=True)
class ResolutionInput:
    text: str
    party: str
    deadline: date | None
    unit: str = ""
    person: str = ""
    org_id: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class ItemInput:
    title: str
    discussion: str = ""
    resolutions: tuple[ResolutionInput, ...] = ()
    source: str = "new"
    case_id: str | None = None
    carried_resolution_id: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class MeetingInput:
    kind: str
    title: str
    meeting_date: date
    estate_ids: tuple[str, ...]
    start_time: time | None = None
    place: str = ""
    convener: str = ""
    host: str = ""
    recorder: str = ""
    notice_date: date | None = None
    case_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Minutes:
    """What the minutes editor edits: attendees, agenda items with their resolutions, and
    下次会议安排. Saved as a whole (and autosaved as a draft)."""

    attendees: tuple[AttendeeInput, ...] = ()
    items: tuple[ItemInput, ...] = ()
    next_meeting: str = ""


def with_ids(typed: Minutes, saved: Minutes) -> Minutes:
    """``typed`` with the ids that saving gave its new items and resolutions (matched by
    position), so that saving it again updates them instead of adding them once more."""
    items = tuple(
        replace(
            item,
            id=item.id or stored.id,
            resolutions=tuple(
                replace(r, id=r.id or s.id)
                for r, s in zip(item.resolutions, stored.resolutions, strict=False)
            )
            + item.resolutions[len(stored.resolutions) :],
        )
        for item, stored in zip(typed.items, saved.items, strict=False)
    )
    return replace(typed, items=items + typed.items[len(saved.items) :])


def minutes_to_json(minutes: Minutes) -> str:
    return json.dumps(asdict(minutes), ensure_ascii=False, default=str)


def minutes_from_json(text: str) -> Minutes:
    raw = json.loads(text)

    def resolution(r: dict[str, Any]) -> ResolutionInput:
        deadline = date.fromisoformat(r["deadline"]) if r.get("deadline") else None
        return ResolutionInput(**{**r, "deadline": deadline})

    return Minutes(
        attendees=tuple(AttendeeInput(**a) for a in raw["attendees"]),
        items=tuple(
            ItemInput(**{**i, "resolutions": tuple(resolution(r) for r in i["resolutions"])})
            for i in raw["items"]
        ),
        next_meeting=raw["next_meeting"],
    )
