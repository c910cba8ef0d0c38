"""文件 → 备份到… and 从备份恢复…: the questions, then the work on the worker thread."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from redoffice.kit import backups, clock
from redoffice.kit.db import Database, open_database
from redoffice.kit.touched import Changes
from redoffice.ui.kit import ask
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report

translate = QCoreApplication.translate


def _filters() -> str:
    return translate("backup", "RedOffice backups (*.sqlite *.db);;All files (*)")


def back_up(ctx: AppContext, parent: QWidget) -> None:
    """Copy the database to a file the user chooses (a USB stick, a shared folder)."""
    suggested = translate("backup", "RedOffice-backup-%1.sqlite").replace(
        "%1", f"{clock.today():%Y%m%d}"
    )
    path = ask.save_path(parent, translate("backup", "Back up to"), suggested, _filters())
    if path is None:
        return

    def done(info: backups.BackupInfo) -> None:
        ask.inform(
            parent,
            translate("backup", "Back up to"),
            translate(
                "backup",
                "Backed up to %1.\nPhotos and scans are kept as files in %2: copy that folder "
                "too to keep them.",
            )
            .replace("%1", str(info.path))
            .replace("%2", str(ctx.db.attachments_dir)),
        )

    ctx.query(partial(backups.backup_to, ctx.db, Path(path)), done, partial(report, parent))


def describe(info: backups.BackupInfo) -> str:
    """What the restore question shows about a backup."""
    last = info.last_change.astimezone().strftime("%Y-%m-%d %H:%M") if info.last_change else "—"
    counts = "、".join(f"{label} {n}" for label, n in info.counts)
    return (
        translate(
            "backup",
            "Backup file: %1\nCommunity: %2\nSaved: %3\nLast change in it: %4\nRecords: %5",
        )
        .replace("%1", str(info.path))
        .replace("%2", info.community)
        .replace("%3", info.saved_at.strftime("%Y-%m-%d %H:%M"))
        .replace("%4", last)
        .replace("%5", counts)
    )


def restore(ctx: AppContext, parent: QWidget) -> None:
    """Choose a backup, see what it holds, confirm; the current database is kept aside."""
    path = ask.open_path(parent, translate("backup", "Restore from backup"), _filters())
    if path is None:
        return

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

    def job() -> tuple[Path, Database]:
        aside = backups.restore(old, backup)
        db = open_database(url)
        db.actor = old.actor
        return aside, db

    def done(result: tuple[Path, Database]) -> None:
        aside, db = result
        ctx.db = db
        ctx.announce(Changes.everything())  # every view shows the restored data
        ask.inform(
            parent,
            translate("backup", "Restore from backup"),
            translate("backup", "Restored. The database as it was before is kept as %1.").replace(
                "%1", str(aside)
            ),
        )

    ctx.query(job, done, partial(report, parent))
