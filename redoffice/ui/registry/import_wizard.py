"""导入居民台账: choose the file and sheet, check the column mapping against a preview, see the dry
run's counts, every row error and warning and the 网格/小区/楼栋 the import will create, then
import (one confirmation for the new places) with a progress bar and Cancel (nothing written).
Every step has 取消, which closes the wizard having written nothing; once the import is over
its page offers only 关闭. The failed rows can be saved as a workbook to fix in Excel and import
again."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redoffice.kit.errors import UserError
from redoffice.kit.sheets import FIELD_LABELS
from redoffice.registry import cleaning, importer
from redoffice.registry.importer import ImportOptions, ImportPlan, ImportResult, SheetPreview
from redoffice.ui.kit import ask
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.export import save_bytes
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.widgets import button_row, fill_combo

WORKBOOKS = "Excel、WPS 或 CSV (*.xlsx *.xls *.xlsm *.ods *.csv)"
DUPLICATES = {"update": "更新已有居民", "skip": "跳过已有居民", "error": "已有居民算作错误"}
GROUPING = {
    "auto": "有户号列时按户号分户",
    "household_no": "按户号分户",
    "address": "按住址和户主分户",
}
PREVIEW_WIDEST = 260  # px: a preview column fits its contents (an 18-digit ID number) up to this


class ProgressRelay(QObject):
    """Carries the worker's progress calls to the GUI thread."""

    progressed = Signal(int, int)


class ImportWizard(QDialog):
    imported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Import residents from Excel"))
        self.preview: SheetPreview | None = None
        self.plan: ImportPlan | None = None
        self.cancel_flag = threading.Event()
        self.relay = ProgressRelay(self)
        self.sources: list[QLabel] = []  # the file and sheet, on every page after the first
        self.pages = QStackedWidget()
        for page in (self._file_page(), self._mapping_page(), self._check_page(), self._run_page()):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        self.resize(980, 640)

    # -- 1. file and sheet ---------------------------------------------------------------
    def _file_page(self) -> QWidget:
        self.path = QLineEdit()
        self.sheet = QComboBox()
        self.sheet.currentTextChanged.connect(self._sheet_chosen)
        browse = QPushButton(self.tr("Choose file…"))
        on_click(browse, self.choose_file)
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout.addWidget(QLabel(self.tr("Workbook (.xlsx, .xls from WPS or Excel 2003, .csv)")))
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Sheet")))
        layout.addWidget(self.sheet)
        layout.addStretch(1)
        layout.addLayout(button_row((self.tr("Next"), self.load_preview), self._cancel()))
        return page

    def _source_label(self) -> QLabel:
        """Which file (and sheet) the page is about."""
        label = QLabel()
        label.setObjectName("source")
        label.setWordWrap(True)
        self.sources.append(label)
        return label

    def _show_source(self, found: SheetPreview) -> None:
        path = Path(self.path.text())
        text = self.tr("File: %1").replace("%1", path.name)
        if path.suffix.lower() != ".csv":  # a CSV file has one sheet, named as the file
            text += "　" + self.tr("Sheet: %1").replace("%1", found.sheet)
        for label in self.sources:
            label.setText(text)
            label.setToolTip(self.path.text())

    def _cancel(self) -> tuple[str, Callable[[], object]]:
        """取消 on a step before the import: the wizard closes, nothing written."""
        return (self.tr("Cancel"), self.reject)

    def choose_file(self) -> None:
        chosen = ask.open_paths(self, self.tr("Choose a workbook"), WORKBOOKS)
        if chosen:
            self.open_file(Path(chosen[0]))

    def open_file(self, path: Path, sheet: str | None = None) -> None:
        self.path.setText(str(path))
        job = partial(importer.preview, self.ctx.db, path, sheet)
        self.ctx.query(job, self._show_preview, partial(report, self))

    def _sheet_chosen(self, name: str) -> None:
        if self.preview is not None and name and name != self.preview.sheet:
            self.open_file(Path(self.path.text()), name)

    def load_preview(self) -> None:
        if self.preview is None:
            self.open_file(Path(self.path.text()))
        else:
            self.pages.setCurrentIndex(1)

    # -- 2. mapping ----------------------------------------------------------------------
    def _mapping_page(self) -> QWidget:
        self.mapping_table = QTableWidget()
        self.mapping_table.verticalHeader().hide()
        self.on_duplicate = QComboBox()
        for code, label in DUPLICATES.items():
            self.on_duplicate.addItem(label, code)
        self.group_by = QComboBox()
        for code, label in GROUPING.items():
            self.group_by.addItem(label, code)
        self.all_or_nothing = QCheckBox(self.tr("Import only if every row is good"))
        self.remember = QCheckBox(self.tr("Remember this mapping for workbooks like this"))
        self.remember.setChecked(True)
        options = QHBoxLayout()
        for widget in (
            self.on_duplicate,
            self.group_by,
            self.all_or_nothing,
            self.remember,
        ):
            options.addWidget(widget)
        options.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self._source_label())
        layout.addWidget(
            QLabel(self.tr("Check which field each column fills (first rows shown below)."))
        )
        layout.addWidget(self.mapping_table, 1)
        layout.addLayout(options)
        layout.addLayout(
            button_row(
                (self.tr("Back"), lambda: self.pages.setCurrentIndex(0)),
                (self.tr("Check (dry run)"), self.dry_run),
                self._cancel(),
            )
        )
        return page

    def _show_preview(self, found: SheetPreview) -> None:
        self.preview = found
        self.sheet.blockSignals(True)
        fill_combo(self.sheet, [(n, n) for n in found.sheets], None)
        self.sheet.setCurrentText(found.sheet)
        self.sheet.blockSignals(False)
        self._show_source(found)
        texts = found.header.texts
        table = self.mapping_table
        table.clear()
        table.setColumnCount(len(texts))
        table.setRowCount(1 + len(found.rows))
        table.setHorizontalHeaderLabels([t or "—" for t in texts])
        for column in range(len(texts)):
            combo = QComboBox()
            fill_combo(combo, [(label, key) for key, label in FIELD_LABELS.items()], "（不导入）")
            combo.setCurrentIndex(max(combo.findData(found.mapping.get(column, "")), 0))
            table.setCellWidget(0, column, combo)
            for r, row in enumerate(found.rows, start=1):
                value = row[column] if column < len(row) else None
                table.setItem(r, column, QTableWidgetItem(cleaning.text_keep(value)))
        self._fit_preview_columns()
        self.pages.setCurrentIndex(1)

    def _fit_preview_columns(self) -> None:
        """Each column as wide as its header, field choice and first rows, at most
        PREVIEW_WIDEST (a long 住址 does not push the other columns out of sight)."""
        table = self.mapping_table
        table.horizontalHeader().resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        for column in range(table.columnCount()):
            table.setColumnWidth(column, min(table.columnWidth(column), PREVIEW_WIDEST))

    def mapping(self) -> dict[int, str]:
        result = {}
        for column in range(self.mapping_table.columnCount()):
            combo = self.mapping_table.cellWidget(0, column)
            if isinstance(combo, QComboBox) and combo.currentData():
                result[column] = str(combo.currentData())
        return result

    def options(self) -> ImportOptions:
        return ImportOptions(
            sheet=self.preview.sheet if self.preview else None,
            mapping=self.mapping(),
            on_duplicate=str(self.on_duplicate.currentData()),
            all_or_nothing=self.all_or_nothing.isChecked(),
            create_places=True,  # listed by the dry run, created on confirmation
            group_by=str(self.group_by.currentData()),
        )

    # -- 3. dry run ----------------------------------------------------------------------
    def _check_page(self) -> QWidget:
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.errors = SimpleTable([self.tr("Row"), self.tr("Column"), self.tr("Reason")], stretch=2)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self._source_label())
        layout.addWidget(self.counts)
        layout.addWidget(self.errors, 1)
        buttons = button_row(
            (self.tr("Back"), lambda: self.pages.setCurrentIndex(1)),
            (self.tr("Import"), self.run_import),
            self._cancel(),
        )
        self.save_failed = QPushButton(self.tr("Save failed rows…"))  # only when there are some
        on_click(self.save_failed, self.save_failures)
        buttons.insertWidget(1, self.save_failed)
        layout.addLayout(buttons)
        return page

    def dry_run(self) -> None:
        job = partial(importer.plan_import, self.ctx.db, Path(self.path.text()), self.options())
        self.ctx.query(job, self._show_plan, partial(report, self))

    def _show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        s = plan.summary()
        self.counts.setText(plan.text())
        self.save_failed.setEnabled(plan.count("failed") > 0)
        note = self.tr("Note: ")
        found = [(e["row"], e["column"], e["message"]) for e in s["errors"]]
        found += [(e["row"], e["column"], note + e["message"]) for e in s["warnings"]]
        found.sort(key=lambda e: e[0])  # in the file's order, a row's errors before its notes
        self.errors.set_rows([(str(row), column, text) for row, column, text in found])
        self.pages.setCurrentIndex(2)

    def save_failures(self) -> None:
        if self.plan is None:
            return
        path = ask.save_path(
            self, self.tr("Save failed rows"), "导入失败的行.xlsx", "Excel (*.xlsx)"
        )
        if path:  # the failed rows are read again from the file: on the worker
            save_bytes(self.ctx, self, path, partial(importer.failure_workbook, self.plan))

    # -- 4. import with progress and cancel ----------------------------------------------
    def _run_page(self) -> QWidget:
        self.progress = QProgressBar()
        self.run_status = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))  # stops the import
        on_click(self.cancel_button, self.cancel_flag.set)
        self.close_button = QPushButton(self.tr("Close"))  # once the import is over
        on_click(self.close_button, self.accept)
        self.relay.progressed.connect(self._progressed)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self._source_label())
        layout.addWidget(self.progress)
        layout.addWidget(self.run_status)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return page

    def run_import(self) -> None:
        plan = self.plan
        if plan is None or not self._places_confirmed(plan):
            return
        self.cancel_flag.clear()
        self.progress.setValue(0)
        self._running(True)
        self.run_status.setText(self.tr("Importing…"))
        self.pages.setCurrentIndex(3)
        db, mapping = self.ctx.db, self.mapping()
        header = self.preview.header if self.preview and self.remember.isChecked() else None

        def job() -> ImportResult:
            result = importer.apply_import(
                db, plan, self.relay.progressed.emit, self.cancel_flag.is_set
            )
            if header is not None:  # only an import that happened keeps its mapping
                importer.remember_mapping(db, header, mapping)
            return result

        self.ctx.write(job, self._done, self._stopped, self)

    def _places_confirmed(self, plan: ImportPlan) -> bool:
        """The 网格 and 小区 not yet registered are created on one confirmation."""
        if not plan.new_places.registered:
            return True
        return ask.confirm(
            self,
            self.tr("Create places"),
            self.tr("The import will also create: %1. Continue?").replace(
                "%1", plan.new_places.describe()
            ),
        )

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _running(self, running: bool) -> None:
        """取消 while the import runs, 关闭 once it is over (done, cancelled or failed)."""
        self.cancel_button.setVisible(running)
        self.close_button.setVisible(not running)

    def _done(self, result: ImportResult) -> None:
        self._running(False)
        self.progress.setValue(self.progress.maximum())
        self.run_status.setText(result.text())
        self.imported.emit(result)

    def _stopped(self, error: BaseException) -> None:
        """Cancelled: say so on the page; anything else also in a message."""
        self._running(False)
        cancelled = isinstance(error, UserError) and error.code == "import.cancelled"
        self.run_status.setText(error.text if isinstance(error, UserError) else "")
        if not cancelled:
            report(self, error)


def open_import_wizard(ctx: AppContext, parent: QWidget | None) -> ImportWizard:
    wizard = ImportWizard(ctx, parent)
    wizard.open()
    return wizard
