"""通知/任务 from the street office to one, several or all of its communities, and their
completion (issue 15).

The street issues a notice (:func:`issue`, a street-owned record); it reaches each community it
is addressed to in that community's next receipt (:mod:`redoffice.street.orders`). The
community lists what it received (:func:`received`) and records 完成 (:func:`complete`: a
community-owned record, which travels back in its next package); the street sees, per notice,
who has completed it (:func:`progress`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from redoffice.kit.clock import utcnow
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.validation import Checker
from redoffice.models import NoticeCompletion, StreetNotice, SyncPartner
from redoffice.settings.calendar import SHANGHAI
from redoffice.sync import node
from redoffice.sync.enrol import ENROLLED

KINDS: Final = MappingProxyType({"notice": "通知", "task": "任务"})


@dataclass(frozen=True)
class Issued:
    id: str
    title: str
    due_on: date
    communities: list[str]  # names; every enrolled community for a notice to all


@dataclass(frozen=True)
class Received:
    """A notice as a community sees it."""

    id: str
    kind: str
    title: str
    body: str
    due_on: date
    issued_at: datetime
    done_at: datetime | None
    done_by: str
    note: str


@dataclass(frozen=True)
class Completion:
    """A community's 完成 of a notice as the street sees it."""

    community: str  # its name
    done_by: str
    done_at: datetime
    note: str

    @property
    def line(self) -> str:
        """One line in words: 社区 · who · when (Beijing time) · the note (完成情况)."""
        when = self.done_at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
        note = self.note or "（未填写完成情况）"
        return f"{self.community} · {self.done_by or '（未记录）'} · {when} 完成 · {note}"


@dataclass(frozen=True)
class Progress:
    """A notice as the street sees it: who has completed it (with when and the note), who
    not yet."""

    id: str
    kind: str
    title: str
    due_on: date
    done: list[str]  # community names
    waiting: list[str]
    completions: list[Completion]  # in the order of ``done``


def _communities(s: Session) -> dict[str, str]:
    """The enrolled communities, node id → name."""
    chosen = select(SyncPartner).where(
        SyncPartner.role == node.COMMUNITY, SyncPartner.status == ENROLLED
    )
    return {p.node_id: p.name for p in s.scalars(chosen.order_by(SyncPartner.name))}


def communities(db: Database) -> list[tuple[str, str]]:
    """The enrolled communities a notice may go to: (node id, name), by name."""
    with db.read() as s:
        return list(_communities(s).items())


def _recipients(s: Session, to: list[str] | None) -> list[str]:
    """Node ids for ``to`` (node ids or community codes; None = all)."""
    known = _communities(s)
    if to is None:
        return []
    by_code = {p.code: p.node_id for p in s.scalars(select(SyncPartner)) if p.node_id in known}
    chosen: list[str] = []
    for name in dict.fromkeys(t.strip() for t in to if t.strip()):
        found = name if name in known else by_code.get(name)
        if found is None:
            raise UserError("street.unknown_community", name=name)
        chosen.append(found)
    if not chosen:
        raise UserError("street.no_recipient")
    return chosen


def issue(
    db: Database,
    to: list[str] | None,
    title: str,
    due_on: date | None,
    body: str = "",
    kind: str = "notice",
) -> Issued:
    """A notice or task to the communities ``to`` (node ids or codes), or all when None."""
    node.require(db, node.STREET)
    c = Checker()
    c.choice("street_notice_kind", kind, KINDS)
    head = c.text("street_notice_title", title, required=True, max_len=128)
    text = c.text("street_notice_body", body, max_len=4000)
    if due_on is None:
        c.add("street_notice_due", "required")
    c.raise_if_any()
    assert due_on is not None
    with db.uow() as s:
        chosen = _recipients(s, to)
        notice = StreetNotice(
            kind=kind,
            title=head,
            body=text,
            due_on=due_on,
            recipients=" ".join(chosen),
            issued_by=str(s.info.get("actor") or ""),
            issued_at=utcnow(),
        )
        s.add(notice)
        s.flush()
        names = _communities(s)
        reached = chosen or list(names)
        return Issued(notice.id, head, due_on, [names.get(n, n) for n in reached])


def received(db: Database) -> list[Received]:
    """At a community: the notices from its street, the open ones first, by due date."""
    with db.read() as s:
        done = {
            c.notice_id: c
            for c in s.scalars(
                select(NoticeCompletion).where(
                    NoticeCompletion.owner_node == db.node_id,
                    NoticeCompletion.deleted.is_(False),
                )
            )
        }
        rows = s.scalars(
            select(StreetNotice)
            .where(StreetNotice.deleted.is_(False))
            .order_by(StreetNotice.due_on, StreetNotice.issued_at)
        )
        found = [_received(n, done.get(n.id)) for n in rows]
    return sorted(found, key=lambda r: r.done_at is not None)


def _received(n: StreetNotice, done: NoticeCompletion | None) -> Received:
    return Received(
        n.id,
        n.kind,
        n.title,
        n.body,
        n.due_on,
        n.issued_at,
        done.done_at if done else None,
        done.done_by if done else "",
        done.note if done else "",
    )


def complete(db: Database, notice_id: str, note: str = "") -> None:
    """完成 of a notice at a community (once; recorded with who and when)."""
    node.require(db, node.COMMUNITY)
    c = Checker()
    text = c.text("street_notice_note", note, max_len=2000)
    c.raise_if_any()
    with db.uow() as s:
        notice = s.get(StreetNotice, notice_id.strip())
        if notice is None or notice.deleted:
            raise UserError("street.notice_not_found")
        earlier = s.scalar(
            select(NoticeCompletion.id).where(
                NoticeCompletion.notice_id == notice.id,
                NoticeCompletion.owner_node == db.node_id,
            )
        )
        if earlier is not None:
            raise UserError("street.notice_done", title=notice.title)
        s.add(
            NoticeCompletion(
                notice_id=notice.id,
                note=text,
                done_by=str(s.info.get("actor") or ""),
                done_at=utcnow(),
            )
        )


def progress(db: Database) -> list[Progress]:
    """At the street: each of its notices with the communities that completed it and those
    that have not yet (as their packages tell)."""
    node.require(db, node.STREET)
    with db.read() as s:
        names = _communities(s)
        done: dict[str, dict[str, NoticeCompletion]] = {}
        for c in s.scalars(select(NoticeCompletion).where(NoticeCompletion.deleted.is_(False))):
            done.setdefault(c.notice_id, {})[c.owner_node] = c
        notices = list(
            s.scalars(
                select(StreetNotice)
                .where(StreetNotice.owner_node == db.node_id, StreetNotice.deleted.is_(False))
                .order_by(StreetNotice.due_on, StreetNotice.issued_at)
            )
        )
    found: list[Progress] = []
    for n in notices:
        meant = n.recipients.split() or list(names)
        finished = done.get(n.id, {})
        completions = [
            Completion(names.get(m, m), finished[m].done_by, finished[m].done_at, finished[m].note)
            for m in meant
            if m in finished
        ]
        found.append(
            Progress(
                n.id,
                n.kind,
                n.title,
                n.due_on,
                [c.community for c in completions],
                [names.get(m, m) for m in meant if m not in finished],
                completions,
            )
        )
    return found
