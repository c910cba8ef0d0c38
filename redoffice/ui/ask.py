"""Questions to the user, in one place so tests can answer them (pytest-qt note_dialogs)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def choose(parent: QWidget | None, title: str, label: str, items: list[str]) -> str | None:
    item, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return item if ok else None
