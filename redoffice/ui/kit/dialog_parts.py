"""What the dialogs that submit share: the red message line under the form (hidden until
something is refused) and the button box whose first button submits and whose 取消 rejects."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

ERROR_COLOUR = "#c0392b"


def message_line() -> QLabel:
    """The refusal said in the dialog: red, wrapped, hidden until set and shown."""
    message = QLabel()
    message.setObjectName("dialog_message")
    message.setStyleSheet(f"color: {ERROR_COLOUR};")
    message.setWordWrap(True)
    message.hide()
    return message


def submit_buttons(
    dialog: QDialog,
    submit: Callable[[], None],
    first: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok,
) -> QDialogButtonBox:
    """``first`` (OK, 保存 …) and 取消: the first calls ``submit``, 取消 the dialog's reject."""
    buttons = QDialogButtonBox(first | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(submit)
    buttons.rejected.connect(dialog.reject)
    return buttons
