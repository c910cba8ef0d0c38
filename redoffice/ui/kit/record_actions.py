"""The record actions every list offers: move to the recycle bin, restore, show history."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from redoffice.kit import records
from redoffice.ui.kit import ask
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.history_dialog import HistoryDialog


def set_deleted(
    ctx: AppContext, parent: QWidget, table: str, record_id: str, label: str, deleted: bool
) -> None:
    """Soft delete after a confirmation naming the record, or restore without asking."""
    question = QCoreApplication.translate(
        "record_actions", "Move %1 to the recycle bin? It can be restored later."
    ).replace("%1", label)
    title = QCoreApplication.translate("record_actions", "Delete")
    if deleted and not ask.risky(parent, title, question):
        return
    ctx.write(
        partial(records.set_deleted, ctx.db, table, record_id, deleted),
        lambda _r: None,
        parent=parent,
    )


def show_history(ctx: AppContext, parent: QWidget, table: str, record_id: str | None) -> None:
    if record_id:
        HistoryDialog(ctx, table, record_id, parent).open()
