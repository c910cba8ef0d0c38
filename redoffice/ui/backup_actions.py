"""文件 → 备份到… and 从备份恢复…: the questions, then the work on the worker thread."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMessageBox, QSizePolicy, QWidget

from redoffice.accounts.permissions import Permission, permits
from redoffice.kit import backups, clock, restoring
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.touched import Changes
from redoffice.ui.kit import ask
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.waiting import wait_for
from redoffice.ui.restore_dialog import RestoreDialog, backup_filters, size_text

translate = QCoreApplication.translate


def enable(back_up_to: QAction, restore_from: QAction, db: Database) -> None:
    """备份到… for the roles that may carry full ID numbers away (EXPORT_UNMASKED), 从备份恢复…
    for those who manage the office's settings (MANAGE_SETTINGS, as ``backup restore``)."""
    back_up_to.setEnabled(backups.may_back_up_to(db))
    restore_from.setEnabled(permits(db, Permission.MANAGE_SETTINGS))


def back_up(ctx: AppContext, parent: QWidget) -> None:
    """Copy the database to a file the user chooses (a USB stick, a shared folder)."""
    suggested = translate("backup", "RedOffice-backup-%1.sqlite").replace(
        "%1", f"{clock.today():%Y%m%d}"
    )
    path = ask.save_path(parent, translate("backup", "Back up to"), suggested, backup_filters())
    if path is None:
        return

    def done(info: backups.BackupInfo) -> None:
        ask.inform(parent, translate("backup", "Back up to"), backed_up(info))

    ctx.query(partial(backups.backup_to, ctx.db, Path(path)), done, partial(report, parent))


def backed_up(info: backups.BackupInfo) -> str:
    """What a backup copied: the database, and its photos and scans in the folder beside it
    (those no longer found on this computer named as missing)."""
    text = translate("backup", "Backed up to %1.").replace("%1", str(info.path))
    if not info.attachments:
        return text + "\n" + translate("backup", "There are no photos or scans to copy.")
    text += "\n" + translate("backup", "%1 photos and scans copied to %2.").replace(
        "%1", str(info.attachments_kept)
    ).replace("%2", str(info.files_folder))
    lost = info.attachments - info.attachments_kept
    if lost:
        text += "\n" + translate(
            "backup", "%1 photos or scans are missing on this computer and were not copied."
        ).replace("%1", str(lost))
    return text


def describe(info: backups.BackupInfo) -> str:
    """What the restore question shows about a backup."""
    last = info.last_change.astimezone().strftime("%Y-%m-%d %H:%M") if info.last_change else "—"
    counts = "、".join(f"{label} {n}" for label, n in info.counts)
    return (
        translate(
            "backup",
            "Backup file: %1\nOffice: %2\nSaved: %3\nLast change in it: %4\nRecords: %5"
            "\nPhotos and scans: %6 (%7 beside the backup)",
        )
        .replace("%1", str(info.path))
        .replace("%2", info.community)
        .replace("%3", info.saved_at.strftime("%Y-%m-%d %H:%M"))
        .replace("%4", last)
        .replace("%5", counts)
        .replace("%6", str(info.attachments))
        .replace("%7", str(info.attachments_kept))
    )


def restore(ctx: AppContext, parent: QWidget) -> None:
    """Choose a backup from those listed (or 其他文件…), see what it holds, confirm; the
    current database is kept aside."""
    folder = backups.default_backup_folder(ctx.db.engine)
    if folder is None:
        report(parent, UserError("backup.not_sqlite"))
        return
    dialog = RestoreDialog(ctx, folder, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
        return
    path = dialog.chosen

    def confirm(info: backups.BackupInfo) -> None:
        question = (
            describe(info)
            + "\n\n"
            + translate(
                "backup",
                "Replace the current data with this backup? The current database is kept in "
                "the backup folder first.",
            )
        )
        if ask.risky(parent, translate("backup", "Restore from backup"), question):
            _replace(ctx, parent, info.path)

    ctx.query(partial(backups.describe, Path(path)), confirm, partial(report, parent))


def _replace(ctx: AppContext, parent: QWidget, backup: Path) -> None:
    old = ctx.db
    url = old.engine.url.render_as_string(hide_password=False)

    def job() -> tuple[restoring.Restored, Database]:
        restored = restoring.restore(old, backup)
        db = restoring.open_restored(url, restored, old.actor)
        db.user = old.user
        return restored, db

    def done(result: tuple[restoring.Restored, Database]) -> None:
        restored, db = result
        ctx.db = db
        ctx.announce(Changes.everything() | backups.COPIES_CHANGED)  # every view: restored
        ask.inform(parent, translate("backup", "Restore from backup"), _restored(restored))

    ctx.query(job, done, partial(report, parent))


def open_or_recover(window: QWidget, url: str) -> Database:
    """Open ``url`` after its integrity check; a damaged database: the message, the backups
    found, and the way out (restore the newest good one, then open it). Raises the
    :class:`UserError` when the user declines or no backup passes the check. The check and the
    restore run off the GUI thread (no worker yet): the window keeps painting."""
    try:
        return wait_for(partial(backups.open_checked, url))
    except backups.Damaged as damaged:
        if not damaged.copies or not _offer_recovery(window, damaged):
            raise
        restored, db = wait_for(partial(_restore_at_start, damaged, url))
    ask.inform(window, translate("backup", "Restore from backup"), _restored(restored))
    return db


def _restore_at_start(damaged: backups.Damaged, url: str) -> tuple[restoring.Restored, Database]:
    info = backups.newest_good(damaged.copies)
    restored = restoring.restore_file(damaged.path, info, backups.attachments_of(damaged.path))
    return restored, restoring.open_restored(url, restored, "system")  # before anyone logs in


def _offer_recovery(window: QWidget, damaged: backups.Damaged) -> bool:
    box = QMessageBox(QMessageBox.Icon.Critical, "RedOffice", damaged.text, parent=window)
    box.setDetailedText(
        "\n".join(
            f"{c.made:%Y-%m-%d %H:%M}  {c.kind}  {size_text(c.size)}  {c.path}"
            for c in damaged.copies
        )
    )
    restore = box.addButton(
        translate("backup", "Restore the newest good backup"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(translate("backup", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


class BackupWarning(QLabel):
    """The status bar's backup warning (no copy off the database's disk; the second folder
    absent), left of the 经办人 label and never over it: cut to the room there is, the whole
    text in its tooltip."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.note = ""  # the last automatic copy's own note
        self.full = ""
        self.setObjectName("backup_warning")
        self.setStyleSheet("color: #b00020;")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        refresh_on(ctx, self, {backups.COPIES, "setting"}, self.load)

    def load(self) -> None:
        self.ctx.query(partial(backups.disk_warning, self.ctx.db), self._show, lambda _e: None)

    def _show(self, warning: str) -> None:
        self.full = "；".join(t for t in (self.note, warning) if t)
        self.setToolTip(self.full)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(0, self.contentsRect().width())
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self.full, Qt.TextElideMode.ElideRight, width))


def automatic(ctx: AppContext, window: QMainWindow) -> None:
    """The daily copy on the worker; then its note (the second folder absent) and the
    same-disk warning in the status bar's :class:`BackupWarning`."""
    warning = BackupWarning(ctx, window)
    window.statusBar().addWidget(warning, 1)

    def done(made: backups.Made | None) -> None:
        warning.note = made.note if made else ""
        ctx.announce(backups.COPIES_CHANGED)

    ctx.query(partial(backups.automatic_backup, ctx.db), done, lambda _error: warning.load())


def _restored(restored: restoring.Restored) -> str:
    text = translate("backup", "Restored. The database as it was before is kept as %1.").replace(
        "%1", str(restored.aside)
    )
    if restored.attachments:
        text += "\n" + translate("backup", "%1 photos and scans put back.").replace(
            "%1", str(restored.attachments)
        )
    if restored.attachments_missing:
        text += "\n" + translate(
            "backup", "%1 photos or scans of the backup were not found beside it."
        ).replace("%1", str(restored.attachments_missing))
    return text
