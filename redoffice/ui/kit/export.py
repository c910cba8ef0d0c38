"""导出 Excel from any list: what the list shows (its search, filters and order), masked by
default; the full ID numbers and phones only when the user says so, which the core records in
the audit log — and the question is asked only of a role allowed to export them (issue 16; with
no accounts, of everyone). Afterwards the count, and the folder opened on request."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from redoffice.kit import exports
from redoffice.kit.exports import KeyedColumn
from redoffice.kit.files import write_file
from redoffice.ui.kit import ask
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.list_view import SearchableList

translate = QCoreApplication.translate


def export_list(ctx: AppContext, parent: QWidget, kind: str, listing: SearchableList[Any]) -> None:
    """The records ``listing`` shows, in its order, once it shows the latest search."""
    listing.when_ready(lambda: _export(ctx, parent, kind, listing.ids(), listing.keyed_column))


def _export(
    ctx: AppContext, parent: QWidget, kind: str, ids: list[str], extra: KeyedColumn | None
) -> None:
    name = exports.kinds()[kind]
    title = translate("export", "Export to Excel")
    path = ask.save_path(parent, title, f"{name}.xlsx", "Excel (*.xlsx)")
    if not path:
        return
    unmasked = (
        kind == "residents"
        and exports.may_unmask(ctx.db)
        and ask.risky(
            parent,
            title,
            translate(
                "export",
                "Export full ID numbers and phone numbers? Choose No to mask them. "
                "A full export is recorded in the audit log.",
            ),
        )
    )
    make = partial(exports.export_rows, ctx.db, kind, unmasked, ids, extra)

    def write() -> int:
        exported = make()
        write_file(path, exported.data)
        return exported.count

    ctx.query(write, partial(exported, parent, path), partial(report, parent))


def exported(parent: QWidget, path: str, count: int) -> None:
    """Say how many rows were written and offer to open the folder."""
    text = (
        translate("export", "Exported %1 rows to %2.")
        .replace("%1", f"{count:,}")
        .replace("%2", Path(path).name)
    )
    offer_folder(parent, text, path)


def offer_folder(parent: QWidget, text: str, path: str) -> None:
    """Say what was written and offer to open the folder holding ``path``."""
    question = text + "\n" + translate("export", "Open the folder?")
    if ask.confirm(parent, translate("export", "Export to Excel"), question):
        open_folder(path)


def open_folder(path: str) -> None:
    """The file manager at the folder holding ``path``."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).resolve().parent)))


def save_bytes(
    ctx: AppContext,
    parent: QWidget,
    path: str,
    make: Callable[[], bytes],
    done: Callable[[object], None] = lambda _r: None,
) -> None:
    """A workbook or PDF made and written on the worker; a refusal is shown to the user."""
    ctx.query(lambda: write_file(path, make()), done, partial(report, parent))
