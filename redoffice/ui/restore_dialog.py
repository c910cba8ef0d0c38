"""从备份恢复…: the copies in the backup folder and the second folder, newest first, each with
its date, kind, size and what it holds; 其他文件… for a backup elsewhere (a USB stick), the
file dialog opening in the backup folder."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redoffice.kit import backups
from redoffice.ui.kit import ask
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report

translate = QCoreApplication.translate
RECORDS = 3  # the column of what a copy holds


def size_text(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def backup_filters() -> str:
    return translate("backup", "RedOffice backups (*.sqlite *.db);;All files (*)")


class RestoreDialog(QDialog):
    """Choose the backup to restore: ``chosen`` is its path once accepted."""

    def __init__(self, ctx: AppContext, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.folder = folder
        self.chosen: Path | None = None
        self.setWindowTitle(self.tr("Restore from backup"))
        self.heading = QLabel(
            self.tr("Backups in %1 and the second folder:").replace("%1", str(folder))
        )
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Made"), self.tr("Kind"), self.tr("Size"), self.tr("Records"), self.tr("File")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._size_columns()
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(self.tr("Restore this backup…"))
        self.restore_button.setEnabled(False)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_button.click())
        self.other_button = QPushButton(self.tr("Other file…"))
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.rejected.connect(self.reject)
        on_click(self.restore_button, self._take_selected)
        on_click(self.other_button, self._other_file)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(1160, 460)  # a 1366×768 screen: each row on one line, the names whole
        self.listed: list[backups.Listed] = []
        ctx.query(partial(backups.listing, ctx.db), self._fill, partial(report, self))

    def _size_columns(self) -> None:
        """Every column as wide as its texts — the file names whole — but 内容 (what a copy
        holds, or why it cannot be read), which takes the room left and wraps."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RECORDS, QHeaderView.ResizeMode.Stretch)
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(rows.defaultSectionSize())  # as high as before, or more
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.hide()
        self.table.setWordWrap(True)

    def _fill(self, listed: list[backups.Listed]) -> None:
        self.listed = [entry for entry in listed if entry.info is not None] + [
            entry for entry in listed if entry.info is None
        ]
        self.table.setRowCount(len(self.listed))
        for row, entry in enumerate(self.listed):
            copy = entry.copy
            texts = (
                f"{copy.made:%Y-%m-%d %H:%M:%S}",  # copies of one minute told apart
                copy.kind,
                size_text(copy.size),
                _records(entry),
                self._where(copy.path),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(str(copy.path) if column == len(texts) - 1 else text)
                self.table.setItem(row, column, item)
        if self.listed and self.listed[0].info is not None:
            self.table.selectRow(0)

    def _where(self, copy: Path) -> str:
        """A copy's file name (the heading names the backup folder); one in the second
        folder says so. The whole path is its tooltip."""
        if copy.parent.resolve() == self.folder.resolve():
            return copy.name
        return self.tr("%1 (second folder)").replace("%1", copy.name)

    def _selection_changed(self) -> None:
        row = self.table.currentRow()
        readable = 0 <= row < len(self.listed) and self.listed[row].info is not None
        self.restore_button.setEnabled(readable and bool(self.table.selectedItems()))

    def _take_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.listed) and self.listed[row].info is not None:
            self.chosen = self.listed[row].copy.path
            self.accept()

    def _other_file(self) -> None:
        path = ask.open_path(
            self,
            self.tr("Restore from backup"),
            backup_filters(),
            str(self.folder),
        )
        if path is not None:
            self.chosen = Path(path)
            self.accept()


def _records(entry: backups.Listed) -> str:
    if entry.info is None:
        return entry.problem
    return "、".join(f"{label} {n}" for label, n in entry.info.counts)
