"""A dialog that saves through a service on the worker and shows field errors in place.

It opens with the focus on its first field, scrolls when the screen is small, stays open with
everything typed when the input is refused, and asks before Esc, 取消 or closing throws away
what was typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from redoffice.kit.errors import ValidationFailed
from redoffice.ui.kit import ask
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import TypedField
from redoffice.ui.kit.dialog_parts import message_line, submit_buttons
from redoffice.ui.kit.errors import describe
from redoffice.ui.kit.screen_fit import FormScroll, available_area
from redoffice.ui.kit.widgets import FieldForm

READ_ONLY: Final = "read_only_why"  # a page's: its records are read-only to this person, and why
NOT_AN_EDIT: Final = "not_an_edit"  # a button's: pressing it changes nothing (显示 reveals a value)


def read_only_why(widget: QWidget) -> str:
    """Why the records of the page ``widget`` was opened from are read-only to the person
    logged in ("": they are not) — set on a page whose permission they lack by
    :mod:`redoffice.ui.kit.role_gate`."""
    found = widget.parentWidget()
    while found is not None:
        why = found.property(READ_ONLY)
        if why:
            return str(why)
        found = found.parentWidget()
    return ""


def watch_edits(root: QWidget, changed: Callable[[], None]) -> None:
    """Call ``changed`` whenever the user edits any input under ``root`` (signals that only
    the user's typing and clicking send, so lists and choices filled later do not count)."""
    for edit in root.findChildren(QLineEdit):
        edit.textEdited.connect(changed)
    for plain in root.findChildren(QPlainTextEdit):
        plain.textChanged.connect(changed)
    for rich in root.findChildren(QTextEdit):
        rich.textChanged.connect(changed)
    for combo in root.findChildren(QComboBox):
        combo.activated.connect(changed)
    for spin in root.findChildren(QSpinBox):
        spin.valueChanged.connect(changed)
    for button in root.findChildren(QAbstractButton):
        # a check box toggled, or a button that adds a row, a file, a household …
        if not button.property(NOT_AN_EDIT):
            button.clicked.connect(changed)
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None:  # a box ticked in a list; lists filled later do not count
            model.dataChanged.connect(changed)
    for field in root.findChildren(TypedField):
        field.edited.connect(changed)
    for widget in root.findChildren(QWidget):
        if widget.metaObject().indexOfSignal("changed(QString)") >= 0:  # a picker field
            getattr(widget, "changed").connect(changed)  # noqa: B009 (not every QWidget has it)


def first_input(root: QWidget) -> QWidget | None:
    """The first widget under ``root`` that Tab reaches."""
    widget = root.nextInFocusChain()
    while widget is not root and widget is not None:
        takes_tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if (
            takes_tab
            and widget.isEnabled()
            and widget.isVisibleTo(root)
            and root.isAncestorOf(widget)
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None


class SaveDialog(QDialog):
    """Subclasses fill ``self.form`` and implement ``action()``: the service call to run."""

    saved = Signal(object)
    failed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        parent: QWidget | None = None,
        form: FieldForm | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.form = form or FieldForm()
        self.message = message_line()
        self.buttons = submit_buttons(self, self.submit, QDialogButtonBox.StandardButton.Save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.submit)
        self.body = QVBoxLayout(self)
        self.form_scroll = FormScroll(self.form)
        self.body.addWidget(self.form_scroll, 1)
        self.body.addWidget(self.message)
        self.body.addWidget(self.buttons)
        self.edited = False
        self._watching = False

    def action(self) -> Callable[[], Any]:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        """The first time: watch the user's edits from here on (or show the record read-only)
        and focus the first field."""
        super().showEvent(event)
        if not self._watching:
            self._watching = True
            why = read_only_why(self)
            if why:
                self._read_only(why)
            else:
                watch_edits(self.form, self._mark_changed)
            first = first_input(self.form)
            if first is not None:
                first.setFocus(Qt.FocusReason.TabFocusReason)

    def _read_only(self, why: str) -> None:
        """Opened (a double-click on a row) from a page whose records this person may not
        change: the record shown with its fields disabled, 关闭 instead of 保存, and why."""
        self.form.setEnabled(False)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.message.setText(why)
        self.message.show()

    def _mark_changed(self, *_args: object) -> None:
        self.edited = True

    def reject(self) -> None:
        """Esc, 取消 and the close box: ask first when something was typed."""
        if self.edited and not ask.risky(
            self,
            self.windowTitle(),
            self.tr("Discard what you have entered in this form?"),
        ):
            return
        super().reject()

    def submit(self) -> None:
        """Save in the background; stay open with the messages when the input is refused."""
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if not self.buttons.isEnabled() or save is None:  # a save under way, or read-only
            return
        self.form.clear_errors()
        self.message.hide()
        if not self._typed_fields_readable():
            return
        self.buttons.setEnabled(False)
        self.ctx.write(self.action(), self._done, self._refused, self)

    def _typed_fields_readable(self) -> bool:
        """Every date and time field readable (each marks itself); the first bad one focused."""
        bad = [f for f in self.findChildren(TypedField) if not f.check()]
        if bad:
            bad[0].setFocus(Qt.FocusReason.OtherFocusReason)
        return not bad

    def _done(self, result: Any) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        unplaced = (
            self.form.show_errors(error)
            if isinstance(error, ValidationFailed)
            else [describe(error)]
        )
        if unplaced:
            self.message.setText("\n".join(unplaced))
            self.message.show()
        self.grow_to_fit()
        self.failed.emit()

    def grow_to_fit(self) -> None:
        """After messages appeared: taller, up to the screen's free height, so that no field
        hides behind them; on a small screen the form scrolls instead, to the first message."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        wanted = self.sizeHint().height()
        area = available_area(self)  # the application is asked: see screen_fit.screen_of
        room = area.height() - 40
        height = min(max(wanted, self.height()), room)
        if height > self.height():
            self.resize(self.width(), height)
            top = self.frameGeometry().top()
            free = area.bottom()
            if top + self.frameGeometry().height() > free:
                self.move(self.x(), max(0, free - self.frameGeometry().height()))
        shown = [label for label in self.form.findChildren(QLabel) if self._is_error(label)]
        if shown:
            self.form_scroll.ensureWidgetVisible(shown[0])

    def _is_error(self, label: QLabel) -> bool:
        return label.isVisibleTo(self.form) and label in self.form.error_labels()
