"""Print preview: a generated PDF shown with QtPdf, with 打印 (system print dialog) and 另存为 PDF.

Reports are generated on the worker thread (``show_report``); the window opens when the bytes
arrive, so generating never blocks the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QKeySequence, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from redoffice.errors import UserError
from redoffice.files import write_file
from redoffice.ui import ask
from redoffice.ui.connect import on_click
from redoffice.ui.context import AppContext
from redoffice.ui.errors import report

PRINT_DPI = 300


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

    def done(pdf: bytes) -> None:
        window = PreviewWindow(title, pdf, file_name, parent)
        window.setObjectName("preview")
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()

    ctx.query(make, done, lambda exc: report(parent, exc))
