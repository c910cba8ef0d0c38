"""设置 → 账号 → 修改…: an administrator changes the chosen account's role and staff link
(``accounts.set_role``: the rules of adding one, never the unit's last administrator); the
account's next login (or 切换用户) takes the new role."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from redoffice.accounts import service as accounts
from redoffice.accounts.permissions import ROLES, STREET_ROLES
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.save_dialog import SaveDialog


def role_choices(combo: QComboBox, street: bool) -> None:
    """The roles an account may take here: a street office its two, a community its own."""
    for code, label in ROLES.items():
        if (code in STREET_ROLES) == street:
            combo.addItem(label, code)


def staff_choices(combo: QComboBox, staff: list[tuple[str, str]], none: str) -> None:
    """(无) first, then every live staff member."""
    combo.clear()
    combo.addItem(none, None)
    for staff_id, name in staff:
        combo.addItem(name, staff_id)


class RoleDialog(SaveDialog):
    def __init__(
        self,
        ctx: AppContext,
        row: accounts.AccountRow,
        staff: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Change account %1").replace("%1", row.login)
        super().__init__(ctx, title, parent)
        self.login = row.login
        self.role = QComboBox()
        role_choices(self.role, ctx.db.is_street)
        self.role.setCurrentIndex(max(self.role.findData(row.role_code), 0))
        self.staff = QComboBox()
        staff_choices(self.staff, staff, self.tr("(none)"))
        self.staff.setCurrentIndex(max(self.staff.findData(row.staff_id), 0))
        self.form.add_row("login", self.tr("Login name"), QLabel(f"{row.login}（{row.name}）"))
        self.form.add_row("role", self.tr("Role"), self.role)
        self.form.add_row("staff", self.tr("Staff member"), self.staff)
        note = QLabel(self.tr("The new role applies from the account's next login."))
        note.setWordWrap(True)
        self.form.add_row("note", "", note)
        self.resize(420, 220)  # the title (修改账号 …) whole on an old PC's frame

    def action(self) -> Callable[[], Any]:
        role, staff = str(self.role.currentData()), self.staff.currentData()
        return partial(accounts.set_role, self.ctx.db, self.login, role, staff)
