"""What the screens remember between runs (QSettings): window geometry, each list's columns,
sort and filters. Nothing here is data: losing it only brings back the defaults."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QObject,
    QSettings,
    QStandardPaths,
    QTimer,
)
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from redoffice.kit.files import owner_only

ORGANIZATION = "RedOffice"
APPLICATION = "RedOffice"


def settings() -> QSettings:
    """The user's screen settings (an ini file in the user's config folder; tests point
    ``QSettings.setPath`` at a temporary folder)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


# Values saved but not yet written, by settings file: writing the file (every list's header
# state is in it) took 16–24 ms of the GUI thread, once each time a page with a changed list
# was left (issue 11 §5); it is written once a second at most, and when the window closes.
_unwritten: dict[str, dict[str, Any]] = {}
WRITE_AFTER_MS = 1000


def load(key: str) -> Any:
    store = settings()
    unwritten = _unwritten.get(store.fileName(), {})
    return unwritten[key] if key in unwritten else store.value(key)


def save(key: str, value: Any) -> None:
    """Remember ``value``; the file is written within a second (or by :func:`write_now`)."""
    _unwritten.setdefault(settings().fileName(), {})[key] = value
    app = QCoreApplication.instance()
    if app is None:
        write_now()
        return
    writer = app.findChild(QTimer, "ui_state_writer")
    if writer is None:
        writer = QTimer(app, singleShot=True, interval=WRITE_AFTER_MS)
        writer.setObjectName("ui_state_writer")
        writer.timeout.connect(write_now)
        app.aboutToQuit.connect(write_now)
    if not writer.isActive():
        writer.start()


def write_now() -> None:
    """Write what was saved to the settings files, readable by the user only (the folders
    last used name the office's files; Qt writes each file anew, 0644)."""
    while _unwritten:
        name, values = _unwritten.popitem()
        store = QSettings(name, QSettings.Format.IniFormat)
        for key, value in values.items():
            store.setValue(key, value)
        store.sync()
        owner_only(Path(name))


def start_folder() -> Path:
    """Where file dialogs open: the folder last used, else 文档 (never the program's folder,
    which on Windows is where it is installed)."""
    last = load("folders/last")
    if isinstance(last, str) and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_folder(path: str) -> str:
    """Remember the folder of a file the user chose (or nothing, for ""); returns ``path``."""
    if path:
        save("folders/last", str(Path(path).parent))
    return path


def restore_geometry(window: QWidget, key: str) -> bool:
    """Put the window where it was last closed; False when nothing was saved."""
    saved = load(f"geometry/{key}")
    return isinstance(saved, QByteArray) and window.restoreGeometry(saved)


def save_geometry(window: QWidget, key: str) -> None:
    """Remember where ``window`` is (it is closing: written at once, with what waits)."""
    save(f"geometry/{key}", window.saveGeometry())
    write_now()


def filter_value(widget: QWidget) -> Any:
    """What a filter widget is set to: a combo's item data, a check box's state."""
    if isinstance(widget, QComboBox):
        return str(widget.currentData() or "")
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    return None


def drop_pending(combo: QComboBox) -> None:
    """Forget a remembered choice still waiting for the combo's items (the screen was told
    what to show instead)."""
    for pending in combo.findChildren(_PendingChoice):
        pending.drop()


def set_filter_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QCheckBox):
        widget.setChecked(str(value).lower() == "true")
    elif isinstance(widget, QComboBox) and value:
        _PendingChoice(widget, str(value))


class _PendingChoice(QObject):
    """Chooses ``value`` in a combo now, or as soon as the combo is filled with it (the 网格 and
    类别 lists arrive from the worker after the page opens). A choice made by the user first
    wins."""

    def __init__(self, combo: QComboBox, value: str) -> None:
        super().__init__(combo)
        self.combo, self.value = combo, value
        self._applying = False
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._try)
        combo.model().rowsInserted.connect(self._later)
        # a bound method, not a lambda: Qt disconnects it when this object is deleted, while a
        # lambda would outlive it and fail on every later choice ("already deleted")
        combo.activated.connect(self._user_chose)
        self._try()

    def _user_chose(self, _index: int) -> None:
        self.drop()

    def drop(self) -> None:
        self._applying = True  # never again
        self.deleteLater()

    def _later(self, *_args: Any) -> None:
        self._timer.start()  # after fill_combo has finished its own selecting

    def _try(self) -> None:
        if self._applying:
            return
        position = self.combo.findData(self.value)
        if position >= 0:
            self._applying = True
            self.combo.model().rowsInserted.disconnect(self._later)
            self.combo.setCurrentIndex(position)
            self.deleteLater()
