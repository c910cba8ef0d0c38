"""Who may see a resident's full ID number and phone, a household's or a party member's phone
(issue 16): lists, dialogs, exports and prints show them masked; a 显示 reveals one record's
full value to a role allowed to (:class:`~redoffice.accounts.permissions.Permission` REVEAL_ID /
REVEAL_PHONE), and every reveal is an audit entry naming who, whose record and which field —
never the value. A database without accounts (``db.user`` None: the CLI without ``--user``, the
tests, an office that has not set up logins) behaves as before: its single implicit
administrator may do everything."""

from __future__ import annotations

from typing import Final

from sqlalchemy import select

from redoffice.accounts.permissions import Permission, permits
from redoffice.kit import audit_log
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.records import live
from redoffice.models import Household, PartyMember, Resident

# the fields a 显示 reveals, with the permission each needs
REVEALABLE: Final = {"id_number": Permission.REVEAL_ID, "phone": Permission.REVEAL_PHONE}
TABLES: Final[dict[str, tuple[type[Resident] | type[Household] | type[PartyMember], str]]] = {
    "resident": (Resident, "resident.not_found"),
    "household": (Household, "record.not_found"),
    "party_member": (PartyMember, "record.not_found"),
}


def may_export_unmasked(db: Database) -> bool:
    return permits(db, Permission.EXPORT_UNMASKED)


def require(db: Database, permission: Permission) -> None:
    """Refuse in words when the logged-in role does not hold ``permission``."""
    if not permits(db, permission):
        subject = permission is Permission.ERASE_PERSONAL  # 查询 and 删除
        raise UserError("privacy.subject_not_allowed" if subject else "privacy.not_allowed")


def may_reveal(db: Database, field: str) -> bool:
    return field in REVEALABLE and permits(db, REVEALABLE[field])


def reveal(db: Database, table: str, record_id: str, field: str) -> str:
    """The full ``field`` (a resident's id_number or phone, a household's phone) of one record,
    for a role allowed to see it; the reveal is audited (who, whose, which field; not the
    value). A record outside the reader's scope is not found."""
    if table not in TABLES or field not in REVEALABLE or not hasattr(TABLES[table][0], field):
        raise UserError("invalid_choice", value=field)
    require(db, REVEALABLE[field])
    model, missing = TABLES[table]
    with db.read() as s:  # the reader's scope (a 网格员's grids) decides what exists for them
        if s.scalar(select(model.id).where(model.id == record_id)) is None:
            raise UserError(missing)
    with db.uow() as s:
        row = live(s, model, record_id, missing)
        value = str(getattr(row, field) or "")
        audit_log.record(s, "reveal", table, record_id, {"field": field})
        return value
