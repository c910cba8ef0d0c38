"""Autosaved minutes: what the editor holds, unchecked and outside the audit (a cache of the
editor, decision 0008), so that a crash or a power cut loses nothing typed."""

from __future__ import annotations

from redoffice.kit.clock import utcnow
from redoffice.kit.db import Database
from redoffice.meetings.inputs import Minutes, minutes_from_json, minutes_to_json
from redoffice.models import MinutesDraft


def save_draft(db: Database, meeting_id: str, minutes: Minutes) -> None:
    """Autosave: the minutes being typed, unchecked, outside the audit (a cache of the editor)."""
    with db.uow() as s:
        draft = s.get(MinutesDraft, meeting_id) or MinutesDraft(meeting_id=meeting_id)
        draft.payload, draft.saved_at = minutes_to_json(minutes), utcnow()
        s.add(draft)


def load_draft(db: Database, meeting_id: str) -> Minutes | None:
    """The autosaved minutes left by an editor that did not save (crash, power cut)."""
    with db.read() as s:
        draft = s.get(MinutesDraft, meeting_id)
        return minutes_from_json(draft.payload) if draft else None


def discard_draft(db: Database, meeting_id: str) -> None:
    with db.uow() as s:
        draft = s.get(MinutesDraft, meeting_id)
        if draft is not None:
            s.delete(draft)
