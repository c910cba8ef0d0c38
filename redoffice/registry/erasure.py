"""Erasure of a resident's personal information (PIPL 第四十七条, decision 0019): the personal
fields blanked, the record kept (its id, household, relation, status and the records that point
at it stay, so counts and histories hold), marked by the name ``（已清除）``.

The blanking is one Core UPDATE stamped as a change (new ``version``, this transaction's
``sync_seq``) and one audit entry ``erase`` with the reason: written through the ORM, change
capture would copy every old value into the audit log, which is what erasure must not leave.
The sync carries the blanked row to the street office, which recognises the erasure as a purge
(:mod:`redoffice.sync.purge`): it blanks the same fields and refuses any later copy of the
record that carries personal information again."""

from __future__ import annotations

from typing import Any, Final

from sqlalchemy import Table, or_, select, update
from sqlalchemy.orm import Session

from redoffice.accounts.permissions import Permission
from redoffice.attachments import service as attachments
from redoffice.fund.ledger import entry_hash
from redoffice.kit import audit_log, clock, erasures, sync_state
from redoffice.kit.clock import utcnow
from redoffice.kit.codes import ERASED_NAME
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import Base, FundApplication, FundEntry, Resident, ResidentTag
from redoffice.models.base import derived_columns
from redoffice.registry import access

# every personal field of a resident and its derived search keys, with its blank value
BLANK: Final[dict[str, Any]] = {
    "name": ERASED_NAME,
    "name_pinyin": "",
    "name_initials": "",
    "search_name": "",
    "id_number": None,
    "id_number_rev": None,
    "birth_date": None,
    "ethnicity": "",
    "phone": "",
    "phone_rev": "",
    "party_org": "",
    "party_join_date": None,
    "hukou_place": "",
    "current_address": "",
    "status_reason": "",
    "notes": "",
}
TAG_BLANK: Final[dict[str, Any]] = {"note": ""}
# an application still being handled: its papers are not complete
OPEN_APPLICATION: Final = ("applied", "reviewed", "pending_higher", "approved", "on_notice")


def is_erased(row: Any) -> bool:
    """Whether a resident row (an object, a Row or a dict) is an erased one."""
    name = row["name"] if isinstance(row, dict) else row.name
    return bool(name == ERASED_NAME)


# the personal fields an erased record has blank (its search keys follow from them)
_PERSONAL: Final = {
    k: v for k, v in BLANK.items() if k not in derived_columns(Base.metadata)["resident"]
}


def personal_left(row: Any) -> bool:
    """Whether a resident row (an object, a Row or a dict) holds personal information: a name
    other than the mark, or any personal field filled in again after an erasure (the mark
    （已清除） kept does not make a record blank)."""
    get = row.__getitem__ if isinstance(row, dict) else lambda k: getattr(row, k)
    return any(get(k) != blank for k, blank in _PERSONAL.items())


def erase_resident(db: Database, resident_id: str, reason: str) -> None:
    """Blank the personal fields of a resident (and the notes of its special-group tags, the
    name and phone on the requests they reported, the scans of their fund applications; the
    fund's papers as :func:`_erase_fund_papers` says), keeping the record; audited with the
    reason. Refused for a role without ERASE_PERSONAL, where a law keeps the record, without
    a reason, or done already (nothing personal left: an erased record whose fields were
    filled in again is erased again)."""
    access.require(db, Permission.ERASE_PERSONAL)
    reason = reason.strip()
    if not reason:
        raise UserError("registry.erase_reason")
    _erase(db, resident_id, reason, replay=False)


def erase_restored(db: Database, resident_id: str, reason: str) -> None:
    """Erase again, in a database just restored from a backup, a resident the erasure register
    names (:mod:`redoffice.registry.erasure_replay`): the erasure was lawful when it was made,
    so neither a legal hold the older copy may still show (an application open then, a
    correction since ended or removed) nor the recycle bin keeps the person. Refused, nothing
    written or audited, when the copy holds them blank or not at all."""
    _erase(db, resident_id, reason, replay=True)


def _erase(db: Database, resident_id: str, reason: str, *, replay: bool) -> None:
    """The erasure itself (see :func:`erase_resident`); a ``replay`` checks no legal hold and
    erases a resident in the recycle bin too."""
    with db.uow() as s:
        row = s.get(Resident, resident_id)
        if row is None or (row.deleted and not replay):
            raise UserError("resident.not_found")
        if not personal_left(row):
            raise UserError("registry.erased")
        if not replay:
            _refuse_if_kept(s, resident_id)
        seq = sync_state.transaction_seq(s)  # the counter first (decision 0012's lock order)
        people = Base.metadata.tables["resident"]
        _stamp(s, people, BLANK, seq, people.c.id == resident_id)
        tags = Base.metadata.tables["resident_tag"]
        _stamp(s, tags, TAG_BLANK, seq, tags.c.resident_id == resident_id, tags.c.note != "")
        audit_log.record(s, "erase", "resident", resident_id, {"reason": reason})
        scans = _erase_what_points_at(s, resident_id, seq)
        _erase_fund_papers(s, resident_id, seq)
        s.expire_all()
    erasures.note_erasure(db.engine, "resident", resident_id)  # a restore erases them again
    attachments.remove_unused(db, scans)


def _stamp(s: Session, table: Table, values: dict[str, Any], seq: int, *where: Any) -> None:
    """One Core UPDATE of the rows ``where`` picks, stamped as a change (no audit copy of the
    old values): a new version, this transaction's sync_seq."""
    stamp = {"version": table.c.version + 1, "sync_seq": seq, "updated_at": utcnow()}
    s.connection().execute(update(table).where(*where).values(**values, **stamp))


def _erase_what_points_at(s: Session, resident_id: str, seq: int) -> list[str]:
    """What the person gave on records that point at them: the name and phone on the requests
    they reported (the request itself is kept), and the scans on their fund applications
    (taken out, their file names replaced). Returns the scans' hashes: their files are removed
    after the commit where no other record uses them."""
    cases = Base.metadata.tables["case_record"]
    reported = cases.c.reporter_resident_id == resident_id
    given = or_(cases.c.reporter_phone != "", cases.c.reporter_name != "")
    _stamp(s, cases, {"reporter_phone": "", "reporter_name": ""}, seq, reported, given)
    files = Base.metadata.tables["attachment"]
    apps = select(FundApplication.id).where(FundApplication.resident_id == resident_id)
    owned = or_(
        (files.c.owner_table == "fund_application") & files.c.owner_id.in_(apps),
        (files.c.owner_table == "resident") & (files.c.owner_id == resident_id),
    )
    named = or_(files.c.original_name != ERASED_NAME, files.c.deleted.is_(False))
    scans = list(s.scalars(select(files.c.sha256).where(owned).distinct()))
    _stamp(s, files, {"original_name": ERASED_NAME, "deleted": True}, seq, owned, named)
    return scans


def _refuse_if_kept(s: Session, resident_id: str) -> None:
    """Refuse in words where a law requires the record now (nothing is written)."""
    number = s.scalar(
        select(FundApplication.number).where(
            FundApplication.resident_id == resident_id,
            FundApplication.deleted.is_(False),
            FundApplication.status.in_(OPEN_APPLICATION),
        )
    )
    if number is not None:
        raise UserError("registry.erase_fund_open", number=number)
    today = clock.today()
    correction = s.scalar(
        select(ResidentTag.id).where(
            ResidentTag.resident_id == resident_id,
            ResidentTag.deleted.is_(False),
            ResidentTag.tag == "community_correction",
            or_(ResidentTag.until.is_(None), ResidentTag.until >= today),
        )
    )
    if correction is not None:
        raise UserError("registry.erase_correction")


def _erase_fund_papers(s: Session, resident_id: str, seq: int) -> None:
    """The person's fund applications keep their amounts with 申请事由 replaced; the ledger
    entries paid to them or given by them keep amount and date with 对方 replaced, each with an
    audit entry holding the hash the entry now verifies against."""
    now = utcnow()
    conn = s.connection()
    apps = Base.metadata.tables["fund_application"]
    mine = apps.c.resident_id == resident_id
    _stamp(s, apps, {"reason": ERASED_NAME}, seq, mine, apps.c.reason != ERASED_NAME)
    paid = select(FundApplication.id).where(FundApplication.resident_id == resident_id)
    entries = s.scalars(
        select(FundEntry).where(
            or_(FundEntry.application_id.in_(paid), FundEntry.donor_resident_id == resident_id),
            FundEntry.counterparty != ERASED_NAME,
        )
    ).all()
    table = Base.metadata.tables["fund_entry"]
    for entry in entries:
        values = {c.name: getattr(entry, c.name) for c in table.c} | {"counterparty": ERASED_NAME}
        stamp = {"version": entry.version + 1, "sync_seq": seq, "updated_at": now}
        conn.execute(
            update(table).where(table.c.id == entry.id).values(counterparty=ERASED_NAME, **stamp)
        )
        redacted = entry_hash(values, bytes(entry.prev_hash)).hex()
        audit_log.record(s, "erase", "fund_entry", entry.id, {"hash": redacted})
