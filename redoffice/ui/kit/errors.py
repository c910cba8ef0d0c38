"""Showing failures: user errors in their own words, anything else logged, never a traceback."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from redoffice.kit.errors import UserError
from redoffice.kit.logs import log_exception


def describe(error: BaseException) -> str:
    """The Chinese text for an error; unexpected ones are written to the log first."""
    if isinstance(error, UserError):
        return error.text
    path = log_exception("unexpected error in the GUI", error)
    return QCoreApplication.translate(
        "errors", "Something went wrong and nothing was saved. Details were written to {0}."
    ).format(path)


_collected: list[str] | None = None


def collect_instead_of_showing() -> list[str]:
    """For unattended runs (--self-test): gather messages in a list instead of message boxes."""
    global _collected
    if _collected is None:
        _collected = []
    return _collected


def report(parent: QWidget | None, error: BaseException) -> None:
    text = describe(error)
    if _collected is not None:
        _collected.append(text)
        return
    QMessageBox.warning(parent, QCoreApplication.translate("errors", "RedOffice"), text)
