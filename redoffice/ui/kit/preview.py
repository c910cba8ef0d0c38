"""Print preview: a generated PDF shown with QtPdf, with 打印 (system print dialog) and 另存为 PDF.

Reports are generated on the worker thread (``show_report``); the window opens when the bytes
arrive, so generating never blocks the window."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QKeySequence, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redoffice.kit.errors import UserError
from redoffice.kit.files import write_file
from redoffice.kit.steps import Steps
from redoffice.ui.kit import ask
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.tasks import BackgroundJob

PRINT_DPI = 300
T = TypeVar("T")


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Render every page onto the printer at its resolution, each page in its own orientation.
    Returns the number of pages sent."""
    printer.setFullPage(True)  # the PDF carries its own margins
    painter = QPainter()
    pages = document.pageCount()
    for page in range(pages):
        size = document.pagePointSize(page)
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape
            if size.width() > size.height()
            else QPageLayout.Orientation.Portrait
        )
        if page == 0:
            if not painter.begin(printer):
                raise UserError("print.failed")
        else:
            printer.newPage()
        target = printer.pageLayout().fullRectPixels(printer.resolution())
        image = document.render(page, QSize(target.width(), target.height()))
        painter.drawImage(QRectF(0, 0, target.width(), target.height()), image)
    painter.end()
    return pages


class PreviewWindow(QDialog):
    def __init__(
        self, title: str, pdf: bytes, file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.pdf = pdf
        self.file_name = file_name
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages = QLabel(self.tr("%n page(s)", "", self.document.pageCount()))
        layout = QVBoxLayout(self)
        layout.addLayout(self._toolbar())
        layout.addWidget(self.view, 1)
        self.resize(900, 1000)

    def _toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, key, slot in (
            (self.tr("Print…"), QKeySequence.StandardKey.Print, self.print_),
            (self.tr("Save as PDF…"), QKeySequence.StandardKey.Save, self.save_as),
            (self.tr("Fit width"), None, self.fit_width),
            (self.tr("Whole page"), None, self.whole_page),
        ):
            button = QPushButton(text)
            if key is not None:
                button.setShortcut(QKeySequence(key))
            on_click(button, slot)
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.pages)
        return row

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def whole_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def print_(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        printer.setDocName(self.windowTitle())
        if ask.printer_setup(self, printer):
            try:
                print_document(self.document, printer)
            except UserError as exc:
                report(self, exc)

    def save_as(self) -> None:
        path = ask.save_path(self, self.tr("Save as PDF"), self.file_name, "PDF (*.pdf)")
        if not path:
            return
        try:
            write_file(path, self.pdf)
        except UserError as exc:
            report(self, exc)


def show_report(
    ctx: AppContext,
    parent: QWidget | None,
    title: str,
    file_name: str,
    make: Callable[[], bytes],
) -> None:
    """Generate the PDF on the worker, then open the preview (errors shown in a message)."""

    ctx.query(make, partial(_open_preview, parent, title, file_name), partial(report, parent))


def _open_preview(parent: QWidget | None, title: str, file_name: str, pdf: bytes) -> None:
    window = PreviewWindow(title, pdf, file_name, parent)
    window.setObjectName("preview")
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()


class ReportProgress(QProgressDialog):
    """A long report being made: how far it is, and 取消. Not modal: the other pages stay
    usable meanwhile."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setObjectName("report-progress")
        self.setWindowTitle(title)
        self.setLabelText(self.tr("Preparing “%1”…").replace("%1", title))
        self.setCancelButtonText(self.tr("Cancel"))
        self.setRange(0, 0)  # busy until the first progress arrives
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        self.job: BackgroundJob | None = None

    def follow(self, done: int, total: int) -> None:
        self.setMaximum(max(total, 1))
        self.setValue(min(done, total))


def show_long_report(
    ctx: AppContext,
    parent: QWidget | None,
    title: str,
    file_name: str,
    load: Callable[[], T],
    make: Callable[[T, Steps], bytes],
) -> ReportProgress:
    """A long report (hundreds of pages): ``load`` reads its data on the database worker, then
    ``make(data, steps)`` lays it out in a process of its own while a progress dialog shows how
    far it is; 取消 stops it and says that nothing was printed. The preview opens at the end."""
    progress = ReportProgress(parent, title)
    progress.show()

    def failed(error: BaseException) -> None:
        progress.close()
        if isinstance(error, UserError) and error.code == "job.cancelled":
            ask.inform(parent, title, error.text)
        else:
            report(parent, error)

    def made(pdf: bytes) -> None:
        progress.close()
        _open_preview(parent, title, file_name, pdf)

    def loaded(data: Any) -> None:
        if progress.wasCanceled():
            failed(UserError("job.cancelled"))
            return
        progress.job = BackgroundJob(partial(make, data), made, failed, progress)
        progress.job.progressed.connect(progress.follow)
        progress.canceled.connect(progress.job.cancel)
        progress.job.start()

    ctx.query(load, loaded, failed)
    return progress
