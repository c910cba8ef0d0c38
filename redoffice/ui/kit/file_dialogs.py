"""The file dialogs: Qt's own on Linux, with icons and types read from names only.

On Linux, closing *any* descriptor of a file drops every POSIX lock the process holds on it — the
hazard SQLite's documentation calls "locks cancelled by close()". Qt's widget dialog (and GTK's,
in-process) opens each file of the folder it lists to guess its type from its content, so browsing
the database's folder (``--db 社区.sqlite`` in the working folder, the backup folder) silently
dropped the app's locks on the database and its ``-shm``: another process (the CLI, a second
window, a backup) then believed it was alone, checkpointed and deleted the WAL under the running
app, and commits were lost or indexes corrupted. :class:`NameOnlyIcons` never opens a file, so the
dialog only lists and stats. Windows keeps its native dialog (its locks belong to handles).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QFileInfo, QMimeDatabase
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget


class NameOnlyIcons(QAbstractFileIconProvider):
    """Folder and file icons, and a type named from the file's extension — no file is opened."""

    def __init__(self) -> None:
        super().__init__()
        self._mime = QMimeDatabase()
        style = QApplication.style()
        self._folder = style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        self._file = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def icon(self, what: object) -> QIcon:
        if isinstance(what, QFileInfo):
            return self._folder if what.isDir() else self._file
        return super().icon(what)  # type: ignore[call-overload, no-any-return]

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return super().type(info)
        by_name = QMimeDatabase.MatchMode.MatchExtension
        return self._mime.mimeTypeForFile(info.fileName(), by_name).comment()


def choose_files(
    parent: QWidget | None, title: str, start: str, filters: str, mode: QFileDialog.FileMode
) -> list[str]:
    """Run a file dialog; ``mode`` AnyFile asks for a file to write (with 保存), the others open."""
    dialog = QFileDialog(parent, title, start, filters)
    dialog.setFileMode(mode)
    if mode == QFileDialog.FileMode.AnyFile:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if sys.platform != "win32":
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        icons = NameOnlyIcons()
        dialog.setIconProvider(icons)
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return []
    return dialog.selectedFiles()
