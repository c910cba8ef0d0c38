"""发送 (community): the package for the street office exported to a folder or a USB stick, and
the street's acknowledgements imported. 接收 (street office): packages chosen or dropped onto
the page, several at once, verified and applied on the worker as one batch with progress and
取消, each result listed with its reason in Chinese as its package ends."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QHelpEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from redoffice.kit import backups
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.steps import Steps
from redoffice.sync import acks, packages, wire
from redoffice.sync.acks import AckImported
from redoffice.sync.packages import Exported, Imported
from redoffice.sync.status import PartnerStatus
from redoffice.ui.kit import ask, ui_state
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.list_table import ROW_HEIGHT
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.sync.common import (
    LongWork,
    NodeState,
    Passphrase,
    SyncTab,
    cancelled,
    heading,
    left_row,
    note,
    state_text,
)
from redoffice.ui.sync.dialogs import ask_passphrase, refusal
from redoffice.ui.sync.drives import removable_drives

LAST_FOLDER = "sync/export_folder"
PACKAGES = f"数据包 (*{wire.SUFFIX});;所有文件 (*)"
ACKS = f"回执 (*{acks.SUFFIX});;所有文件 (*)"


def _failure(error: BaseException, when_cancelled: str) -> str:
    """The refusal in words; 取消 said for this page (the generic words speak of printing)."""
    return UserError(when_cancelled).text if cancelled(error) else refusal(error)


@dataclass(frozen=True)
class Told:
    """What a batch's job tells the page of its ``number``-th file: the package starts
    (``outcome`` None), or what became of it — its result, or why it was not imported."""

    path: Path
    number: int
    outcome: Imported | Exception | None = None


@dataclass
class _Batch:
    """The files of one import, and how many of them have their row."""

    files: list[Path]
    reported: int = 0


def import_batch(
    db: Database,
    files: list[Path],
    passphrase: str | None,
    steps: Steps,
    *,
    tell: Callable[[Told], None],
) -> None:
    """On the worker: the packages as one batch (:func:`packages.batch`) after one verified
    copy of the database (issue 16), each told as it starts and as it ends. One refused, held
    or failing does not stop the others; after 取消 the package running commits nothing and
    each one left stops at once (no copy either when 取消 came before the batch started)."""
    steps.report(0, 0)
    backups.backup_before(db, "sync")
    with packages.batch(db, passphrase=passphrase) as import_one:
        for number, path in enumerate(files, start=1):
            tell(Told(path, number))
            try:
                outcome: Imported | Exception = import_one(path, steps)
            except Exception as error:  # the file's row says why; the next file is imported
                outcome = error
            tell(Told(path, number, outcome))


class ResultsTable(SimpleTable):
    """The results of this session: a long reason wraps (its row grows), and every cell shows
    its whole text as a tooltip."""

    def __init__(self, headers: list[str], stretch: int) -> None:
        super().__init__(headers, stretch=stretch)
        self.setWordWrap(True)
        rows = self.verticalHeader()
        rows.setMinimumSectionSize(ROW_HEIGHT)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.indexAt(event.pos())
            text = self.text(index.row(), index.column()) if index.isValid() else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)


def _needs_passphrase(tab: QWidget, state: NodeState | None, passphrase: Passphrase) -> bool:
    """Keys in a key file: its passphrase asked once per session. False: the user declined."""
    if state is None or not state.in_file or passphrase.value:
        return True
    passphrase.value = ask_passphrase(tab, new=False)
    return bool(passphrase.value)


def fill_targets(target: QComboBox, chosen: str | None = None) -> None:
    """``target`` offers the folder used last for sync files (or just chosen) and the USB
    sticks plugged in now (also the street's 发送回执…)."""
    current = chosen or target.currentData() or ui_state.load(LAST_FOLDER)
    target.clear()
    seen: set[str] = set()
    if isinstance(current, str) and current and Path(current).is_dir():
        target.addItem(_tr("Folder: %1").replace("%1", current), current)
        seen.add(current)
    for drive in removable_drives():
        if drive.root not in seen:
            label = _tr("USB stick %1 (%2)").replace("%1", drive.name)
            target.addItem(label.replace("%2", drive.root), drive.root)
            seen.add(drive.root)
    if not target.count():
        target.addItem(_tr("(choose a folder)"), "")


def _tr(text: str) -> str:
    return QCoreApplication.translate("SendTab", text)


class SendTab(SyncTab):
    """Community: 导出数据包 into the folder chosen (the last one, or a USB stick), 导入回执."""

    def __init__(
        self, ctx: AppContext, passphrase: Passphrase, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, passphrase, parent)
        self.summary = note()
        self.summary.setObjectName("send-summary")
        self.summary.setStyleSheet("font-size: 14px;")
        self.target = QComboBox()
        self.target.setObjectName("export-target")
        self.target.setMinimumWidth(420)
        choose = QPushButton(self.tr("Choose folder…"))
        on_click(choose, self.choose_folder)
        self.drives_button = QPushButton(self.tr("Look for USB sticks"))
        on_click(self.drives_button, self.fill_targets)
        self.export_button = QPushButton(self.tr("Export package"))
        self.export_button.setObjectName("export-package")
        self.export_button.setStyleSheet("font-weight: bold; padding: 6px 18px;")
        on_click(self.export_button, self.export_package)
        self.work = LongWork(ctx, self)
        self.export_result = note()
        self.export_result.setObjectName("export-result")
        self.ack_button = QPushButton(self.tr("Import acknowledgement…"))
        on_click(self.ack_button, self.import_acks)
        self.ack_result = note()
        self.ack_result.setObjectName("ack-result")
        out = QGroupBox(self.tr("Package for the street office"))
        column = QVBoxLayout(out)
        column.addWidget(
            note(
                self.tr(
                    "The package holds every record changed since the street office last "
                    "acknowledged one, signed and encrypted for the street office only. A "
                    "package lost on the way does no harm: the next one includes it again."
                )
            )
        )
        where = QHBoxLayout()
        where.addWidget(QLabel(self.tr("Save to:")))
        where.addWidget(self.target, 1)
        where.addWidget(choose)
        where.addWidget(self.drives_button)
        column.addLayout(where)
        go = QHBoxLayout()
        go.addWidget(self.export_button)
        go.addWidget(self.work, 1)
        go.addStretch(0)
        column.addLayout(go)
        column.addWidget(self.export_result)
        back = QGroupBox(self.tr("Acknowledgement from the street office"))
        column2 = QVBoxLayout(back)
        column2.addWidget(
            note(
                self.tr(
                    "The street office answers each package with an acknowledgement file "
                    "(.rosack). Importing it tells this office what the street has received, "
                    "so the next package starts after it."
                )
            )
        )
        column2.addLayout(left_row(self.ack_button))
        column2.addWidget(self.ack_result)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(out)
        layout.addWidget(back)
        layout.addStretch(1)
        self.fill_targets()

    # -- where to ------------------------------------------------------------------------
    def fill_targets(self, chosen: str | None = None) -> None:
        fill_targets(self.target, chosen)

    def choose_folder(self) -> None:
        start = str(self.target.currentData() or "")
        chosen = ask.folder(self, self.tr("Save the package to"), start)
        if chosen:
            self.fill_targets(chosen)

    # -- showing --------------------------------------------------------------------------
    def show_state(self, state: NodeState, partners: list[PartnerStatus]) -> None:
        self.state = state
        street = next((p for p in partners if p.status == "enrolled"), None)
        if street is None:
            self.summary.setText(
                self.tr(
                    "No street office enrolled yet: import its enrolment file on the "
                    "Enrolment tab first."
                )
            )
        else:
            self.summary.setText(
                self.tr("To %1: sent up to no. %2, acknowledged up to no. %3.")
                .replace("%1", street.name)
                .replace("%2", str(street.sent_seq))
                .replace("%3", str(street.acked_seq))
            )

    # -- export ---------------------------------------------------------------------------
    def export_package(self) -> None:
        folder = str(self.target.currentData() or "")
        if not folder:
            self.choose_folder()
            folder = str(self.target.currentData() or "")
            if not folder:
                return
        if not _needs_passphrase(self, self.state, self.passphrase):
            return
        ui_state.save(LAST_FOLDER, folder)
        self.export_button.setEnabled(False)
        self.export_result.clear()
        db, passphrase = self.ctx.db, self.passphrase.value

        def job(steps: Steps) -> Exported:
            return packages.export_package(db, Path(folder), passphrase=passphrase, steps=steps)

        self.work.start(
            self.tr("Exporting…"), job, partial(self._exported, folder), self._export_failed
        )

    def _exported(self, folder: str, done: Exported) -> None:
        self.export_button.setEnabled(True)
        self.export_result.setStyleSheet("")
        self.export_result.setText(
            self.tr("Exported %1 to %2: nos. %3–%4, %5 records, %6 kB.")
            .replace("%1", done.file)
            .replace("%2", folder)
            .replace("%3", str(done.seq_from))
            .replace("%4", str(done.seq_to))
            .replace("%5", str(done.records))
            .replace("%6", f"{done.bytes / 1024:,.0f}")
        )

    def _export_failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.passphrase.forget_if_wrong(error)
        self.export_result.setStyleSheet("color: #c0392b;")
        self.export_result.setText(_failure(error, "sync.export_cancelled"))
        if not cancelled(error):
            report(self, error)

    # -- acknowledgements ----------------------------------------------------------------
    def import_acks(self) -> None:
        chosen = ask.open_paths(self, self.tr("Import acknowledgement"), ACKS)
        if chosen:
            self.import_ack_files([Path(name) for name in chosen])

    def import_ack_files(self, files: list[Path]) -> None:
        """The street office's acknowledgements, one job each, in the order given."""
        self.ack_result.clear()
        if not _needs_passphrase(self, self.state, self.passphrase):  # the street's records
            return
        for path in files:
            self.ctx.write(
                partial(acks.import_ack, self.ctx.db, path, self.passphrase.value),
                partial(self._ack_done, path),
                partial(self._ack_failed, path),
                self,
            )

    def _add_ack_line(self, text: str) -> None:
        before = self.ack_result.text()
        self.ack_result.setText(f"{before}\n{text}" if before else text)

    def _ack_done(self, path: Path, got: AckImported) -> None:
        text = self.tr("%1: the street office has received up to no. %2 (%3).")
        text = (
            text.replace("%1", path.name)
            .replace("%2", str(got.acked_seq))
            .replace("%3", state_text(got.package_status))
        )
        if got.reason:
            text += " " + got.reason
        if got.conflicts:
            text += " " + self.tr(
                "%1 record(s) were also changed at the street office: this office's version "
                "was kept, the street keeps its own for review."
            ).replace("%1", str(got.conflicts))
        if got.street_new:
            text += " " + self.tr(
                "%1 decision(s), reply(ies) or notice(s) from the street office received."
            ).replace("%1", str(got.street_new))
        self._add_ack_line(" ".join([text, *got.street_reports]))

    def _ack_failed(self, path: Path, error: BaseException) -> None:
        self.passphrase.forget_if_wrong(error)
        self._add_ack_line(f"{path.name}：{refusal(error)}")


class ReceiveTab(SyncTab):
    """Street office: 导入数据包 (several files, or dropped onto the tab), each result listed."""

    imported = Signal()

    def __init__(
        self, ctx: AppContext, passphrase: Passphrase, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, passphrase, parent)
        self.setAcceptDrops(True)
        self.import_button = QPushButton(self.tr("Import packages…"))
        self.import_button.setObjectName("import-packages")
        self.import_button.setStyleSheet("font-weight: bold; padding: 6px 18px;")
        on_click(self.import_button, self.choose_packages)
        self.work = LongWork(ctx, self)
        self.drop_hint = QLabel(
            self.tr("…or drop package files (.rosync) from a USB stick onto this page.")
        )
        self.drop_hint.setStyleSheet("color: #666;")
        self.results = ResultsTable(
            [
                self.tr("File"),
                self.tr("Result"),
                self.tr("Reason"),
                self.tr("Records"),
                self.tr("Conflicts"),
                self.tr("Acknowledgement"),
            ],
            stretch=2,
        )
        self.results.setObjectName("import-results")
        self.results.current_changed.connect(lambda _key: self._show_detail())
        # the whole reason of the row selected (else of the latest), however long
        self.detail = note()
        self.detail.setObjectName("import-detail")
        self.rows: list[list[str]] = []
        row = left_row(self.import_button, self.drop_hint)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "Each package is checked before anything is applied: who sent it, its "
                    "signature, every file in it, the order of its numbers. A package that "
                    "fails is refused or held with the reason, and nothing of it is applied. "
                    "The acknowledgement for the community is written next to the package."
                )
            )
        )
        layout.addLayout(row)
        layout.addWidget(self.work)
        layout.addWidget(heading(self.tr("Imported in this session")))
        layout.addWidget(self.results, 1)
        layout.addWidget(self.detail)

    def show_state(self, state: NodeState) -> None:
        self.state = state

    # -- choosing and dropping ------------------------------------------------------------
    def choose_packages(self) -> None:
        chosen = ask.open_paths(self, self.tr("Import packages"), PACKAGES)
        if chosen:
            self.import_files([Path(p) for p in chosen])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._dropped_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.import_files(files)

    @staticmethod
    def _dropped_files(data: object) -> list[Path]:
        from PySide6.QtCore import QMimeData

        if not isinstance(data, QMimeData) or not data.hasUrls():
            return []
        return [
            Path(url.toLocalFile())
            for url in data.urls()
            if url.isLocalFile() and Path(url.toLocalFile()).is_file()
        ]

    # -- importing ------------------------------------------------------------------------
    def import_files(self, files: list[Path]) -> None:
        """One job for the files, in the order given, each row added as its package ends;
        取消 stops the one running and the rest."""
        if not _needs_passphrase(self, self.state, self.passphrase):
            return
        batch = _Batch(files)
        job = partial(
            import_batch,
            self.ctx.db,
            files,
            self.passphrase.value,
            tell=self.ctx.tasks.relay(partial(self._told, batch)),
        )
        self.work.start(
            self._doing(files[0], 1, len(files)),
            job,
            lambda _none: None,
            partial(self._batch_failed, batch),
        )

    def _doing(self, path: Path, number: int, of: int) -> str:
        return (
            self.tr("Importing %1 (%2 of %3)…")
            .replace("%1", path.name)
            .replace("%2", str(number))
            .replace("%3", str(of))
        )

    def _told(self, batch: _Batch, told: Told) -> None:
        if told.outcome is None:
            self.work.say(self._doing(told.path, told.number, len(batch.files)))
            return
        batch.reported = told.number
        if isinstance(told.outcome, Imported):
            self._imported(told.path, told.outcome)
        else:
            self._import_failed(told.path, told.outcome)

    def _batch_failed(self, batch: _Batch, error: BaseException) -> None:
        """The batch stopped before its packages (the copy before them failed, 取消 pressed
        while it waited): every file without its row gets one with the reason."""
        for path in batch.files[batch.reported :]:
            self._import_failed(path, error)

    def _add(self, cells: list[str]) -> None:
        self.rows.insert(0, cells)
        # keyed by position from the oldest, so the row selected stays selected
        self.results.set_rows(self.rows, list(range(len(self.rows) - 1, -1, -1)))
        self._show_detail()

    def _show_detail(self) -> None:
        if not self.rows:
            self.detail.clear()
            return
        key = self.results.current_key()
        cells = self.rows[len(self.rows) - 1 - key] if key is not None else self.rows[0]
        file, result, reason = cells[0], cells[1], cells[2]
        said = reason if reason.startswith(result) else "。".join(filter(None, [result, reason]))
        self.detail.setText(f"{file}：{said.rstrip('。')}。")  # the result not said twice

    def _imported(self, path: Path, got: Imported) -> None:
        conflicts = len(got.conflicts)
        self._add(
            [
                path.name,
                state_text(got.status),
                got.reason or self._plain(got),
                str(got.records),
                str(conflicts),
                Path(got.ack).name if got.ack else "",
            ]
        )
        self.imported.emit()

    def _plain(self, got: Imported) -> str:
        if got.status == packages.APPLIED:
            return (
                self.tr("Nos. %1–%2 applied.")
                .replace("%1", str(got.seq_from))
                .replace("%2", str(got.seq_to))
            )
        if got.status == packages.DUPLICATE:
            return self.tr("Already imported: nothing changed, acknowledgement written again.")
        return ""

    def _import_failed(self, path: Path, error: BaseException) -> None:
        self.passphrase.forget_if_wrong(error)
        result = self.tr("Cancelled") if cancelled(error) else self.tr("Not imported")
        self._add([path.name, result, _failure(error, "sync.import_cancelled"), "0", "0", ""])
