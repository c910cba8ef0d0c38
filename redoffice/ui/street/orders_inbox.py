"""街道通知 at a community (issue 15): the notices and tasks its street sent (they arrive with the
street's receipts), the open ones first, each with 完成… (a note; it travels back to the street
in the next package)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, Final

from PySide6.QtWidgets import QLabel, QWidget

from redoffice.street import notices
from redoffice.street.notices import Received
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.save_dialog import SaveDialog
from redoffice.ui.street.orders_page import ListTab, text_box

SHOWS: Final = frozenset({"street_notice", "notice_completion"})


class NoticesInbox(ListTab):
    def __init__(self, ctx: AppContext) -> None:
        headers = [self.tr("Kind"), self.tr("Title"), self.tr("Due"), self.tr("State")]
        headers += [self.tr("How it was done"), self.tr("Text")]
        super().__init__(ctx, headers, SHOWS, "received-notices")
        self.done_button = self.add_button(self.tr("Completed…"), "complete", self.complete)
        self.done_button.setEnabled(False)
        self.buttons.addStretch(1)
        self.rows: dict[str, Received] = {}
        self.table.current_changed.connect(self._chosen)

    def _chosen(self, key: object) -> None:
        """完成… only for a notice chosen and not completed yet."""
        found = self.rows.get(str(key)) if key is not None else None
        self.done_button.setEnabled(found is not None and found.done_at is None)

    def read(self) -> list[Received]:
        return notices.received(self.ctx.db)

    def show_rows(self, rows: list[Received]) -> None:
        self.rows = {r.id: r for r in rows}
        self.table.set_rows([self._cells(r) for r in rows], [r.id for r in rows])
        self._chosen(self.table.current_key())

    def _cells(self, r: Received) -> list[str]:
        state = (
            self.tr("Completed (%1)").replace("%1", r.done_by)
            if r.done_at
            else self.tr("Not yet completed")
        )
        return [notices.KINDS[r.kind], r.title, r.due_on.isoformat(), state, r.note, r.body]

    def complete(self) -> None:
        found = self.rows.get(self.table.current_key())
        if found is not None and found.done_at is None:
            self.open_dialog(NoticeDoneDialog(self.ctx, found, self))


class NoticeDoneDialog(SaveDialog):
    """完成: how it was done (optional)."""

    def __init__(self, ctx: AppContext, notice: Received, parent: QWidget) -> None:
        super().__init__(ctx, self.tr("Complete %1").replace("%1", notice.title), parent)
        self.notice = notice.id
        text = QLabel(notice.body or notice.title)
        text.setWordWrap(True)
        self.note = text_box()
        self.form.add_row("street_notice_text", self.tr("Notice"), text)
        self.form.add_row("street_notice_note", self.tr("How it was done"), self.note)
        self.resize(520, 300)

    def action(self) -> Callable[[], Any]:
        return partial(notices.complete, self.ctx.db, self.notice, self.note.toPlainText())
