"""Questions to the user, in one place so tests can answer them (pytest-qt note_dialogs)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from redoffice.ui.kit import ui_state
from redoffice.ui.kit.file_dialogs import choose_files


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def risky(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question whose safe answer is No: No has the focus, so Enter declines."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def choose(parent: QWidget | None, title: str, label: str, items: list[str]) -> str | None:
    item, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return item if ok else None


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
    """A file to write; a suggested bare name opens in :func:`start_folder`."""
    start = (
        Path(suggested) if Path(suggested).is_absolute() else ui_state.start_folder() / suggested
    )
    paths = choose_files(parent, title, str(start), filters, QFileDialog.FileMode.AnyFile)
    return ui_state.remember_folder(paths[0]) if paths else None


def open_paths(parent: QWidget | None, title: str, filters: str) -> list[str]:
    start = str(ui_state.start_folder())
    paths = choose_files(parent, title, start, filters, QFileDialog.FileMode.ExistingFiles)
    return [ui_state.remember_folder(p) for p in paths]


def open_path(parent: QWidget | None, title: str, filters: str, start: str = "") -> str | None:
    """A file to read, the dialog opening at ``start`` or :func:`start_folder`."""
    start = start or str(ui_state.start_folder())
    paths = choose_files(parent, title, start, filters, QFileDialog.FileMode.ExistingFile)
    return ui_state.remember_folder(paths[0]) if paths else None


def folder(parent: QWidget | None, title: str, start: str = "") -> str | None:
    """A folder to write into (a USB stick's), opening at ``start`` or :func:`start_folder`."""
    begin = start or str(ui_state.start_folder())
    paths = choose_files(parent, title, begin, "", QFileDialog.FileMode.Directory)
    return paths[0] if paths else None


def printer_setup(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system print dialog (printer, copies, pages); False when cancelled."""
    return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted


def text(parent: QWidget | None, title: str, label: str) -> str | None:
    value, ok = QInputDialog.getText(parent, title, label)
    return value.strip() if ok else None
