"""附件: the photos and scans of a visit, a case, a meeting, a wish or a fund application; add
more (添加… greyed, with the roles that may in its tooltip, for a role without the permission
the record needs: :data:`redoffice.accounts.guard.ATTACHED`), open one."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redoffice.accounts.guard import ATTACHED
from redoffice.attachments import service as attachments
from redoffice.attachments.service import AttachmentRow
from redoffice.ui.kit import ask
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.role_gate import gate
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.widgets import mark_writes

FILTER = "照片、扫描件或PDF (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.pdf)"
KINDS = {
    "image/jpeg": "JPG",
    "image/png": "PNG",
    "image/bmp": "BMP",
    "image/tiff": "TIFF",
    "application/pdf": "PDF",
}


def open_with_system(path: Path) -> None:
    """Hand a file to the system viewer (the edge of the machine; tests replace it)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def beside(main: QWidget, button: QPushButton) -> QWidget:
    """A widget with a button to its right (top-aligned)."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(main, 1)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    return box


class AttachmentPicker(QWidget):
    """Files chosen for a record not saved yet; stored with the record when it is saved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths: list[Path] = []
        self.list = QListWidget()
        self.list.setMaximumHeight(56)
        add = QPushButton(self.tr("Add photos or scans…"))
        on_click(add, self.choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(beside(self.list, add))

    def choose(self) -> None:
        for path in ask.open_paths(self, self.tr("Add photos or scans"), FILTER):
            self.add(Path(path))

    def add(self, path: Path) -> None:
        self.paths.append(path)
        self.list.addItem(path.name)


class AttachmentsDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        owner_table: str,
        owner_id: str,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.owner_table, self.owner_id = ctx, owner_table, owner_id
        self.setWindowTitle(self.tr("Attachments: %1").replace("%1", title))
        self.table = SimpleTable([self.tr("File"), self.tr("Type"), self.tr("Size")], stretch=0)
        self.table.activated_key.connect(self.open_file)
        row = QHBoxLayout()
        buttons = []
        for text, slot in (
            (self.tr("Add…"), self.add),
            (self.tr("Open"), lambda: self.open_file(self.table.current_key())),
            (self.tr("Close"), self.accept),
        ):
            buttons.append(QPushButton(text))
            on_click(buttons[-1], slot)
            row.addWidget(buttons[-1])
        mark_writes(buttons[0])  # 添加…
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        gate(self, ctx, ATTACHED[owner_table][1])
        self.resize(560, 320)
        self.reload()

    def reload(self) -> None:
        job = partial(attachments.list_for, self.ctx.db, self.owner_table, self.owner_id)
        self.ctx.query(job, self._show)

    def _show(self, rows: list[AttachmentRow]) -> None:
        self.table.set_rows(
            [
                (r.name, KINDS.get(r.content_type, r.content_type), f"{r.size / 1024:,.0f} KB")
                for r in rows
            ],
            rows,
        )

    def add(self) -> None:
        self.add_paths([Path(p) for p in ask.open_paths(self, self.tr("Add attachments"), FILTER)])

    def add_paths(self, paths: list[Path]) -> None:
        if not paths:
            return
        job = partial(attachments.add, self.ctx.db, self.owner_table, self.owner_id, tuple(paths))
        self.ctx.write(job, lambda _: self.reload(), parent=self)

    def open_file(self, row: AttachmentRow | None) -> None:
        """The file in the system's viewer. Found on the worker: an encrypted database's photo
        is first decrypted into a private copy (its key read from the database's keyring
        entry, the file possibly large). A file gone or damaged is reported."""
        if row is None:
            return
        job = partial(attachments.file_path, self.ctx.db, row)
        self.ctx.query(job, open_with_system, partial(report, self))
