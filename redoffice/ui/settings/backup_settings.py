"""设置 → 备份: where the automatic copies are, how many and how large, the second folder (another
disk or a USB stick), the same-disk warning, and 立即备份."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from redoffice.kit import backups
from redoffice.ui.kit import ask
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.show_gate import refresh_on


class BackupSettings(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.folder = QLabel()
        self.copies = QLabel()
        self.second = QLabel()
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose the second folder…"))
        self.forget_button = QPushButton(self.tr("No second folder"))
        self.backup_button = QPushButton(self.tr("Back up now"))
        on_click(self.choose_button, self.choose_second)
        on_click(self.forget_button, partial(self._set_second, None))
        on_click(self.backup_button, self.back_up_now)
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.choose_button, self.forget_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        for label in (self.folder, self.copies, self.second, self.warning):
            layout.addWidget(label)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        refresh_on(ctx, self, {backups.COPIES, "setting"}, self.load)
        self.load()

    def load(self) -> None:
        self.ctx.query(partial(backups.summary, self.ctx.db), self._show, partial(report, self))

    def _show(self, summary: backups.Summary) -> None:
        if summary.folder is None:
            self.folder.setText(self.tr("Backups: by the database administrator"))
            for widget in (self.choose_button, self.forget_button, self.backup_button):
                widget.setEnabled(False)
            return
        self.folder.setText(self.tr("Backup folder: %1").replace("%1", str(summary.folder)))
        newest = summary.copies[0].made.strftime("%Y-%m-%d %H:%M") if summary.copies else "—"
        self.copies.setText(
            self.tr("Copies: %1, %2 MB in all; the newest: %3")
            .replace("%1", str(len(summary.copies)))
            .replace("%2", f"{sum(c.size for c in summary.copies) / 1_000_000:.1f}")
            .replace("%3", newest)
        )
        second = str(summary.second) if summary.second else self.tr("none")
        self.second.setText(self.tr("Second folder: %1").replace("%1", second))
        self.warning.setText(summary.warning)
        self.warning.setVisible(bool(summary.warning))

    def choose_second(self) -> None:
        folder = ask.folder(self, self.tr("Choose the second folder…"))
        if folder:
            self._set_second(Path(folder))

    def _set_second(self, folder: Path | None) -> None:
        job = partial(backups.set_second_folder, self.ctx.db, folder)
        self.ctx.write(job, lambda _r: None, partial(report, self), parent=self)  # "setting": load

    def back_up_now(self) -> None:
        def done(made: backups.Made) -> None:
            text = self.tr("Backed up and verified: %1 (%2 MB)").replace("%1", str(made.path))
            text = text.replace("%2", f"{made.size / 1_000_000:.1f}")
            self.status.setText("\n".join(t for t in (text, made.note) if t))
            self.ctx.announce(backups.COPIES_CHANGED)  # this page, the status bar's warning

        self.ctx.query(
            partial(backups.make_backup, self.ctx.db, manual=True), done, partial(report, self)
        )
