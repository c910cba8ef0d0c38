"""Who may see a resident's full ID number and phone (issue 16): lists, dialogs, exports and
prints show them masked; a 显示 reveals one record's full value to a role allowed to
(:class:`~redoffice.accounts.permissions.Permission` REVEAL_ID / REVEAL_PHONE), and every reveal
is an audit entry naming who, whose record and which field — never the value. A database
without accounts (``db.user`` None: the CLI without ``--user``, the tests, an office that has
not set up logins) behaves as before: its single implicit administrator may do everything."""

from __future__ import annotations

from typing import Final

from redoffice.accounts.permissions import Permission, permits
from redoffice.kit import audit_log
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.records import live
from redoffice.models import Resident

# the fields a 显示 reveals, with the permission each needs
REVEALABLE: Final = {"id_number": Permission.REVEAL_ID, "phone": Permission.REVEAL_PHONE}


def may_export_unmasked(db: Database) -> bool:
    return permits(db, Permission.EXPORT_UNMASKED)


def require(db: Database, permission: Permission) -> None:
    """Refuse in words when the logged-in role does not hold ``permission``."""
    if not permits(db, permission):
        subject = permission is Permission.ERASE_PERSONAL  # 查询 and 删除
        raise UserError("privacy.subject_not_allowed" if subject else "privacy.not_allowed")


def may_reveal(db: Database, field: str) -> bool:
    return field in REVEALABLE and permits(db, REVEALABLE[field])


def reveal(db: Database, resident_id: str, field: str) -> str:
    """The full ``field`` (id_number or phone) of one resident, for a role allowed to see it;
    the reveal is audited (who, whose, which field; not the value)."""
    if field not in REVEALABLE:
        raise UserError("invalid_choice", value=field)
    require(db, REVEALABLE[field])
    with db.uow() as s:
        row = live(s, Resident, resident_id, "resident.not_found")
        value = str(getattr(row, field) or "")
        audit_log.record(s, "reveal", "resident", resident_id, {"field": field})
        return value
