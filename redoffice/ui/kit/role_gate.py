"""Buttons reflect the role (issue 16): on a page whose records need a permission (居民, 住户,
走访 and 民情诉求 need EDIT_REGISTRY; 三方联席会议 EDIT_MEETINGS, 微心愿 EDIT_WISHES, 基础数据
EDIT_BASE_DATA; the street's 审批与通知 STREET_DECIDE), every button marked as changing records
(``Writes``, :func:`redoffice.ui.kit.widgets.mark_writes`) stays disabled for a person whose
role lacks it, with a tooltip naming the roles that may — also when the page enables it again
for a chosen row, and on the parts and tabs built later; a row double-clicked opens its dialog
read-only (:func:`redoffice.ui.kit.save_dialog.read_only_why`). A button needing a permission
of its own (``Writes(..., needs=...)``: each 红色基金 step) follows that one instead, whatever
its page. One place, reading the permission table
(:func:`redoffice.accounts.permissions.permits`), for every page.

The role is read when the page is built: 切换用户 builds the pages again
(:meth:`redoffice.ui.main_window.MainWindow.rebuild_pages`)."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractButton, QWidget

from redoffice.accounts.permissions import ROLES, Permission, holders, permits
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.save_dialog import READ_ONLY
from redoffice.ui.kit.staged import LazyPart, LazyTabs
from redoffice.ui.kit.widgets import needs, writes

GATED: Final = "role_gated"  # the property of a button (or a lazy part) already followed


class RoleGate(QObject):
    def __init__(self, page: QWidget, ctx: AppContext, permission: Permission | None) -> None:
        super().__init__(page)
        self.page, self.ctx = page, ctx
        self.permissions = () if permission is None else (permission,)
        if permission is not None and not permits(ctx.db, permission):  # its rows' dialogs
            why = self.tr("Read only: only %1 may change this")
            page.setProperty(READ_ONLY, why.replace("%1", self._who(self.permissions)))
        page.installEventFilter(self)
        self.scan()

    def scan(self) -> None:
        """Follow the page's writing buttons not yet followed (not those of its dialogs)."""
        window = self.page.window()
        for button in self.page.findChildren(QAbstractButton):
            if button.window() is window and writes(button) and not button.property(GATED):
                button.setProperty(GATED, True)
                self._follow(button)
        lazies: list[LazyPart | LazyTabs] = [
            *self.page.findChildren(LazyPart),
            *self.page.findChildren(LazyTabs),
        ]
        if isinstance(self.page, LazyTabs):
            lazies.append(self.page)
        for lazy in lazies:
            if not lazy.property(GATED):
                lazy.setProperty(GATED, True)
                lazy.built.connect(self.scan)

    def _follow(self, button: QAbstractButton) -> None:
        """Disable ``button`` for good unless the role holds one of the permissions it needs."""
        permissions = needs(button) or self.permissions
        if not permissions or any(permits(self.ctx.db, p) for p in permissions):
            return
        button.setToolTip(self.tr("Only %1 may do this").replace("%1", self._who(permissions)))
        button.setEnabled(False)
        button.installEventFilter(self)

    def _who(self, permissions: tuple[Permission, ...]) -> str:
        """The roles holding any of ``permissions``, in the table's order."""
        street = self.ctx.db.is_street
        names = {name for p in permissions for name in holders(p, street)}
        return "、".join(name for name in ROLES.values() if name in names)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.page and kind == QEvent.Type.Show:
            self.scan()
        elif kind == QEvent.Type.EnabledChange and isinstance(watched, QAbstractButton):
            watched.setEnabled(False)  # the page enabled it again for a chosen row
        return False


def gate(page: QWidget, ctx: AppContext, permission: Permission | None) -> None:
    """Keep ``page``'s writing buttons disabled unless the logged-in role holds ``permission``
    (None: the page's records need none beyond what the services check themselves) or, for a
    button needing its own, that one. Nobody logged in: nothing to follow."""
    if ctx.db.user is not None:
        RoleGate(page, ctx, permission)
