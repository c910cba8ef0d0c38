"""F1 使用说明 (resources/help/help.html, shipped with the program) and 关于: the version and
where the data, the backups and the log are."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from redoffice import __version__
from redoffice.kit.backups import KEEP_DAILY, KEEP_MONTHLY, KEEP_WEEKLY, default_backup_folder
from redoffice.kit.db import Database
from redoffice.kit.logs import log_file
from redoffice.ui.kit.resources import resources_dir

translate = QCoreApplication.translate
HELP_FILE = "help/help.html"


class HelpDialog(QDialog):
    """The short Chinese help, non-modal so that it can stay open beside the work."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("RedOffice help"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(QUrl.fromLocalFile(str(resources_dir() / HELP_FILE)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 560)


_window: HelpDialog | None = None


def show_help() -> HelpDialog:
    """F1 anywhere (the main window or an open dialog): the one help window, a window of its
    own so that a dialog waiting for input does not block it."""
    global _window
    if _window is None or not shiboken6.isValid(_window):
        _window = HelpDialog()
    _window.show()
    _window.raise_()
    _window.activateWindow()
    return _window


def close_help() -> None:
    """With the main window: a help window left open would keep the program running."""
    if _window is not None and shiboken6.isValid(_window):
        _window.close()


def about_text(db: Database) -> str:
    """Version, database, backups and log, as HTML lines."""
    where = db.engine.url.database if db.is_sqlite else db.engine.url.render_as_string()
    folder = default_backup_folder(db.engine)
    kept = (
        translate(
            "about",
            "Automatic backups: %1 (one a day; kept: one of each of the last %2 days, "
            "%3 weeks, %4 months)",
        )
        .replace("%1", str(folder))
        .replace("%2", str(KEEP_DAILY))
        .replace("%3", str(KEEP_WEEKLY))
        .replace("%4", str(KEEP_MONTHLY))
        if folder
        else translate("about", "Automatic backups: by the database administrator")
    )
    lines = [
        "<b>"
        + translate("about", "RedOffice Community Workbench %1").replace("%1", __version__)
        + "</b>",
        translate("about", "Database: %1").replace("%1", str(where)),
        kept,
        translate("about", "Log: %1").replace("%1", str(log_file())),
    ]
    return "<br>".join(lines)
