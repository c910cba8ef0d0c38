"""Small widgets shared by the dialogs: code pickers, per-field error labels (dates and times:
:mod:`redoffice.ui.kit.date_fields`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Final, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redoffice.accounts.permissions import Permission
from redoffice.kit.codes import Labels
from redoffice.kit.errors import ValidationFailed
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.errors import report

UNBOUNDED = (1 << 24) - 1  # Qt's QWIDGETSIZE_MAX: no maximum height set
WRITES: Final = "writes"  # the property of a button that changes records
NEEDS: Final = "needs"  # a writing button's own permissions (accounts.permissions values)


class Writes(NamedTuple):
    """A :func:`button_row` action that changes records: its button is marked
    (:func:`mark_writes`) and hidden where the records are read-only (the street office's
    community pages, :mod:`redoffice.ui.street.read_only`)."""

    text: str
    slot: Callable[[], object]
    # the permissions (any of) this button needs when it differs from its page's
    # (ui/kit/role_gate.py reads them)
    needs: tuple[Permission, ...] = ()


def mark_writes(*buttons: QAbstractButton) -> None:
    """Mark ``buttons`` as changing records (see :class:`Writes`)."""
    for button in buttons:
        button.setProperty(WRITES, True)


def writes(button: QAbstractButton) -> bool:
    return bool(button.property(WRITES))


def needs(button: QAbstractButton) -> tuple[Permission, ...]:
    """The permissions a writing button needs of its own (empty: its page's)."""
    return tuple(Permission(p) for p in str(button.property(NEEDS) or "").split())


def code_combo(codes: Labels, *, empty: str | None = None) -> QComboBox:
    """A combo of Chinese labels carrying the stored codes as item data."""
    combo = QComboBox()
    if empty is not None:
        combo.addItem(empty, "")
    for code, label in codes.items():
        combo.addItem(label, code)
    return combo


def fill_combo(combo: QComboBox, items: Iterable[tuple[str, Any]], empty: str | None) -> None:
    """Replace the items, keeping the current choice when it is still offered."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if empty is not None:
        combo.addItem(empty, "")
    for text, data in items:
        combo.addItem(text, data)
    select_data(combo, current)
    combo.blockSignals(False)


def select_data(combo: QComboBox, data: Any) -> None:
    position = combo.findData(data)
    combo.setCurrentIndex(max(position, 0))


def combo_value(combo: QComboBox) -> str | None:
    value = combo.currentData()
    return str(value) if value else None


class FieldForm(QWidget):
    """A form whose rows each carry a red message line, filled from ValidationFailed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._errors: dict[str, QLabel] = {}

    def add_row(self, field: str, label: str, widget: QWidget) -> None:
        """The widget with its (hidden) red message right under it. The row grows only when the
        widget does (a list, a table), so a label stays level with the top of its field."""
        box = QWidget()
        grows = (
            bool(widget.sizePolicy().expandingDirections() & Qt.Orientation.Vertical)
            and widget.maximumHeight() == UNBOUNDED  # not a list kept short
        )
        box.setSizePolicy(
            QSizePolicy.Policy.Preferred,
            QSizePolicy.Policy.Expanding if grows else QSizePolicy.Policy.Maximum,
        )
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.setAlignment(Qt.AlignmentFlag.AlignTop)
        column.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{field}")
        error.setStyleSheet("color: #c0392b;")
        error.setWordWrap(True)
        error.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        error.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        error.hide()
        column.addWidget(error)
        self._errors[field] = error
        self.layout_.addRow(label, box)

    def show_errors(self, failure: ValidationFailed) -> list[str]:
        """Put each message next to its field; return messages that have no field here."""
        self.clear_errors()
        unplaced = []
        for e in failure.errors:
            label = self._errors.get(e.field)
            if label is None:
                unplaced.append(e.text)
                continue
            label.setText((label.text() + "\n" if label.isVisible() else "") + e.text)
            label.show()
        return unplaced

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()

    def show_refusal(self, error: BaseException, parent: QWidget) -> None:
        """Field messages in place; any other failure in a message box."""
        if isinstance(error, ValidationFailed):
            self.show_errors(error)
        else:
            report(parent, error)

    def error_labels(self) -> list[QLabel]:
        return list(self._errors.values())

    def error_text(self, field: str) -> str:
        label = self._errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""


def button_row(*actions: tuple[str, Callable[[], object]] | Writes) -> QHBoxLayout:
    """A row of push buttons, left-aligned, each calling its slot (a :class:`Writes` action's
    button marked as changing records)."""
    row = QHBoxLayout()
    for action in actions:
        text, slot = action[:2]
        button = QPushButton(text)
        if isinstance(action, Writes):
            mark_writes(button)
            button.setProperty(NEEDS, " ".join(p.value for p in action.needs))
        on_click(button, slot)
        row.addWidget(button)
    row.addStretch(1)
    return row


def fit_columns(table: QTableView, stretch: int) -> None:
    """Every column as wide as its content (a date with its ▾ button, the longest choice of a
    combo); the text column ``stretch`` takes the rest of the width."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def align_right(widget: QLabel) -> QLabel:
    widget.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return widget


def splitter(orientation: Qt.Orientation, sizes: list[int], *widgets: QWidget) -> QSplitter:
    """Panes the user can resize, starting at ``sizes`` pixels."""
    split = QSplitter(orientation)
    for widget in widgets:
        split.addWidget(widget)
    split.setSizes(sizes)
    return split


def stacked(*widgets: QWidget) -> QWidget:
    """Widgets one under the other, without margins (e.g. a detail line above a timeline)."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        column.addWidget(widget)
    return box
