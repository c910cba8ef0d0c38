"""导出 Excel from any list: masked by default; the full ID numbers and phones only when the
user says so, which the core records in the audit log."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from redoffice.files import write_file
from redoffice.services import exporting
from redoffice.ui import ask
from redoffice.ui.context import AppContext
from redoffice.ui.errors import report

translate = QCoreApplication.translate


def export_list(ctx: AppContext, parent: QWidget, kind: str) -> None:
    name = exporting.KINDS[kind]
    path = ask.save_path(
        parent, translate("export", "Export to Excel"), f"{name}.xlsx", "Excel (*.xlsx)"
    )
    if not path:
        return
    unmasked = kind == "residents" and ask.confirm(
        parent,
        translate("export", "Export to Excel"),
        translate(
            "export",
            "Export full ID numbers and phone numbers? Choose No to mask them. "
            "A full export is recorded in the audit log.",
        ),
    )
    save_bytes(ctx, parent, path, partial(exporting.export_workbook, ctx.db, kind, unmasked))


def save_bytes(
    ctx: AppContext,
    parent: QWidget,
    path: str,
    make: Callable[[], bytes],
    done: Callable[[object], None] = lambda _r: None,
) -> None:
    """A workbook or PDF made and written on the worker; a refusal is shown to the user."""
    ctx.query(lambda: write_file(path, make()), done, partial(report, parent))
