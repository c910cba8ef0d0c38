"""What a logged-in person may change in the registry and the daily work (issue 16): the
households, residents, visits and 民情诉求 need a role holding ``EDIT_REGISTRY``, and a 网格员
changes only those of their own grids (a case filed for no household stays open to them).

One ``before_flush`` check on every unit of work (registered in ``redoffice.features``), so that
no service can forget it; the person travels in the session's ``info``
(``kit.identity.SESSION_KEY``). Rows another node owns — a sync import's — are not this
person's edits and are not checked."""

from __future__ import annotations

from itertools import chain
from typing import Any, Final

from sqlalchemy import event
from sqlalchemy.orm import Session

from redoffice.accounts.permissions import ROLES, Permission, allowed
from redoffice.kit.errors import UserError
from redoffice.kit.identity import SESSION_KEY, User
from redoffice.models import (
    Case,
    CaseEvent,
    Household,
    Resident,
    ResidentTag,
    Visit,
    VisitParticipant,
)
from redoffice.models.base import SyncedRecord

GUARDED: Final = (Household, Resident, ResidentTag, Visit, VisitParticipant, Case, CaseEvent)


def install(session_factory: Any) -> None:
    event.listen(session_factory, "before_flush", _check)


def _check(session: Session, _context: Any, _instances: Any) -> None:
    user: User | None = session.info.get(SESSION_KEY)
    if user is None:
        return
    node = session.info.get("node_id")
    rows = [
        obj
        for obj in chain(session.new, session.dirty, session.deleted)
        if isinstance(obj, GUARDED) and _own(obj, node)
    ]
    if not rows:
        return
    if not allowed(user.role, Permission.EDIT_REGISTRY):
        raise UserError("account.edit_not_allowed", name=user.name, role=ROLES[user.role])
    if user.grids is None:
        return
    with session.no_autoflush:
        for obj in rows:
            if not _in_grids(session, obj, user.grids):
                raise UserError("account.outside_grids", name=user.name)


def _own(obj: SyncedRecord, node: str | None) -> bool:
    return obj.owner_node is None or obj.owner_node == node


def _household_id(session: Session, obj: Any) -> str | None:
    """The household a guarded row hangs on (None: none)."""
    if isinstance(obj, Household):
        return str(obj.id)
    if isinstance(obj, ResidentTag):
        obj = session.get(Resident, obj.resident_id)
    elif isinstance(obj, VisitParticipant):
        obj = session.get(Visit, obj.visit_id)
    elif isinstance(obj, CaseEvent):
        obj = session.get(Case, obj.case_id)
    return None if obj is None else obj.household_id


def _in_grids(session: Session, obj: Any, grids: frozenset[str]) -> bool:
    if isinstance(obj, Household):
        return obj.grid_id in grids
    household_id = _household_id(session, obj)
    if household_id is None:
        return isinstance(obj, Case | CaseEvent)  # a case for the whole community
    household = session.get(Household, household_id)
    return household is not None and household.grid_id in grids
