"""What a logged-in person may change in the registry and the daily work (issue 16): the
households, residents, visits and 民情诉求 need a role holding ``EDIT_REGISTRY``, and a 网格员
changes only those of their own grids (a case filed for no household stays open to them).

The other records need their own permission, whoever calls the service (:data:`RECORDS`):
三方联席会议 ``EDIT_MEETINGS``, 微心愿 and the party members ``EDIT_WISHES``, 基础数据 (grids,
estates, organizations, the staff list with its 红色基金 roles) ``EDIT_BASE_DATA``, and the
street's own records (上级审批, replies, notices) ``STREET_DECIDE``. A photo or scan added to a
record (or taken off it) needs the permission of that record (:data:`ATTACHED`): a visit's or a
民情诉求's ``EDIT_REGISTRY`` and, for a 网格员, the record in their grids; a meeting's, a
微心愿's, a 红色基金 application's (``FUND_HANDLE``) their own.

One ``before_flush`` check on every unit of work (registered in ``redoffice.features``), so that
no service can forget it; the person travels in the session's ``info``
(``kit.identity.SESSION_KEY``). Rows another node owns — a sync import's — are not this
person's edits and are not checked."""

from __future__ import annotations

from itertools import chain
from typing import Any, Final

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from redoffice.accounts.permissions import ROLES, STREET_ROLES, Permission, allowed, holders
from redoffice.kit.errors import UserError
from redoffice.kit.identity import SESSION_KEY, User
from redoffice.models import (
    AgendaItem,
    Attachment,
    Case,
    CaseEvent,
    Estate,
    FundApplication,
    Grid,
    Household,
    Meeting,
    MeetingAttendee,
    MeetingEstate,
    MeetingRevision,
    Organization,
    PartyMember,
    Resident,
    ResidentTag,
    Resolution,
    ResolutionNote,
    ServiceRecord,
    Setting,
    Staff,
    StreetDecision,
    StreetNotice,
    StreetReply,
    Visit,
    VisitParticipant,
    Wish,
    WishClaim,
    WishClaimMember,
    WishEvent,
    WishRound,
)
from redoffice.models.base import SyncedRecord

GUARDED: Final = (Household, Resident, ResidentTag, Visit, VisitParticipant, Case, CaseEvent)
# the records each other permission guards, and what the refusal calls them
RECORDS: Final = (
    (
        (
            Meeting,
            MeetingEstate,
            MeetingAttendee,
            AgendaItem,
            Resolution,
            ResolutionNote,
            MeetingRevision,
        ),
        Permission.EDIT_MEETINGS,
        "三方联席会议的会议、签到、纪要和决议",
    ),
    (
        (WishRound, Wish, WishClaim, WishClaimMember, WishEvent, PartyMember, ServiceRecord),
        Permission.EDIT_WISHES,
        "微心愿和党员服务",
    ),
    (
        (Grid, Estate, Organization, Staff),
        Permission.EDIT_BASE_DATA,
        "基础数据（网格、小区、单位、工作人员）",
    ),
    (
        (StreetDecision, StreetReply, StreetNotice),
        Permission.STREET_DECIDE,
        "街道的上级审批、答复和通知",
    ),
)
# the records a photo or scan hangs on (attachment.owner_table): the model, the permission
# that adding one to it (or taking one off) needs, and what the refusal calls it
ATTACHED: Final[dict[str, tuple[type[SyncedRecord], Permission, str]]] = {
    "resident": (Resident, Permission.EDIT_REGISTRY, "居民的附件"),
    "visit": (Visit, Permission.EDIT_REGISTRY, "入户走访的附件"),
    "case_record": (Case, Permission.EDIT_REGISTRY, "民情诉求的附件"),
    "meeting": (Meeting, Permission.EDIT_MEETINGS, "三方联席会议的附件"),
    "wish": (Wish, Permission.EDIT_WISHES, "微心愿的附件"),
    "fund_application": (FundApplication, Permission.FUND_HANDLE, "红色基金申请的附件"),
}
GUARDED_TABLES: Final = frozenset(m.__tablename__ for m in GUARDED)
TOUCHED_KEY: Final = "redoffice.touched"  # kit.touched's set of the tables a session wrote
# settings the daily work writes: the import's remembered columns, the sync's own state
SETTING_PERMISSIONS: Final = (
    ("import.", Permission.EDIT_REGISTRY),
    ("sync.", Permission.SYNC),
)


def install(session_factory: Any) -> None:
    event.listen(session_factory, "before_flush", _check)
    event.listen(session_factory, "before_commit", _check_bulk)


def _refuse_edit(user: User) -> UserError:
    return UserError("account.edit_not_allowed", name=user.name, role=ROLES[user.role])


def _check_bulk(session: Session) -> None:
    """Writes that bypass the flush (the import's and the demo's Core bulk inserts): the
    tables the unit of work wrote (kit.touched) need EDIT_REGISTRY too."""
    user: User | None = session.info.get(SESSION_KEY)
    written = session.info.get(TOUCHED_KEY, ())
    editing = GUARDED_TABLES & set(written)
    if user is not None and editing and not allowed(user.role, Permission.EDIT_REGISTRY):
        raise _refuse_edit(user)


def _setting_permission(key: str) -> Permission:
    for prefix, permission in SETTING_PERMISSIONS:
        if key.startswith(prefix):
            return permission
    return Permission.MANAGE_SETTINGS


def _check_settings(session: Session, user: User) -> None:
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Setting) and not allowed(user.role, _setting_permission(obj.key)):
            raise UserError("account.settings_not_allowed", name=user.name, role=ROLES[user.role])


def _check_records(session: Session, user: User, node: str | None) -> None:
    """This node's 会议, 微心愿, 基础数据 and street records need their permission
    (:data:`RECORDS`)."""
    for obj in chain(session.new, session.dirty, session.deleted):
        for models, permission, what in RECORDS:
            if isinstance(obj, models) and _own(obj, node) and not allowed(user.role, permission):
                raise _refuse_records(user, permission, what)


def _refuse_records(user: User, permission: Permission, what: str) -> UserError:
    return UserError(
        "account.records_not_allowed",
        name=user.name,
        role=ROLES[user.role],
        what=what,
        who="、".join(holders(permission, user.role in STREET_ROLES)),
    )


def _check_attachments(session: Session, user: User, node: str | None) -> None:
    """This node's photos and scans need the permission of the record they hang on
    (:data:`ATTACHED`); a 网格员's visit or 民情诉求 in their own grids."""
    for obj in chain(session.new, session.dirty, session.deleted):
        if not isinstance(obj, Attachment) or not _own(obj, node):
            continue
        model, permission, what = ATTACHED[obj.owner_table]
        if not allowed(user.role, permission):
            raise _refuse_records(user, permission, what)
        if permission is not Permission.EDIT_REGISTRY or user.grids is None:
            continue
        with session.no_autoflush:
            record = session.get(model, obj.owner_id)
            if record is not None and not _in_grids(session, record, user.grids):
                raise UserError("account.outside_grids", name=user.name)


def _check(session: Session, _context: Any, _instances: Any) -> None:
    user: User | None = session.info.get(SESSION_KEY)
    if user is None:
        return
    _check_settings(session, user)
    node = session.info.get("node_id")
    _check_records(session, user, node)
    _check_attachments(session, user, node)
    rows = [
        obj
        for obj in chain(session.new, session.dirty, session.deleted)
        if isinstance(obj, GUARDED) and _own(obj, node)
    ]
    if not rows:
        return
    if not allowed(user.role, Permission.EDIT_REGISTRY):
        raise _refuse_edit(user)
    if user.grids is None:
        return
    with session.no_autoflush:
        for obj in rows:
            if not (_in_grids(session, obj, user.grids) and _was_in(session, obj, user.grids)):
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


def _was_in(session: Session, obj: Any, grids: frozenset[str]) -> bool:
    """A changed row was in ``grids`` before the change too (a resident moved in from another
    grid, a household given to one's own grid, are not one's own to move)."""
    state = inspect(obj)
    if state.pending:
        return True
    column = "grid_id" if isinstance(obj, Household) else "household_id"
    if column not in state.attrs:
        return True
    before = state.attrs[column].history.deleted
    if not before or before[0] is None:
        return True
    if isinstance(obj, Household):
        return before[0] in grids
    household = session.get(Household, before[0])
    return household is not None and household.grid_id in grids
