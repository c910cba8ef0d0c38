"""The street's monthly and quarterly report (:mod:`redoffice.street.reports` assembles it) as
an Excel workbook (a summary sheet, then one sheet per area; figures as numbers, shares as
percentages, money in yuan) and as a PDF with a bar chart per area. Pure rendering."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Final

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from redoffice.kit.workbook import HEADER_ALIGNMENT, HEADER_FILL, HEADER_FONT, display_width
from redoffice.reports.base import Page, para, render, table, usable_width
from redoffice.reports.fonts import FONT, register_font

COUNT: Final = "count"
RATE: Final = "rate"  # a share (0..1), shown as a percentage
YUAN: Final = "yuan"  # fen, shown in yuan
FORMATS: Final = {RATE: "0.0%", YUAN: "#,##0.00"}
Value = float | int | None


@dataclass(frozen=True)
class Column:
    title: str
    kind: str  # COUNT, RATE or YUAN


@dataclass(frozen=True)
class Area:
    """One table: a row (name, values) per community, the total last; ``chart`` names the
    columns (of one kind) charted per community."""

    title: str  # the sheet's name too
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, tuple[Value, ...]], ...]
    chart: tuple[str, ...] = ()


@dataclass(frozen=True)
class StreetReport:
    title: str
    street: str
    period: str  # "2026-11" / "2026Q4"
    summary: Area
    areas: tuple[Area, ...]


def _number(column: Column, value: Value) -> Value:
    """The cell's value: yuan for money (fen stored), shares as they are."""
    if value is None:
        return None
    return value / 100 if column.kind == YUAN else value


def cell_text(kind: str, value: Value) -> str:
    """A figure as the screen and the PDF write it: ``12.5%``, ``3,400.00`` (yuan), ``—``."""
    if value is None:
        return "—"
    if kind == RATE:
        return f"{value:.1%}"
    if kind == YUAN:
        return f"{value / 100:,.2f}"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _heading(report: StreetReport) -> str:
    return f"{report.street} {report.title}（{report.period}）"


# ── the workbook ──────────────────────────────────────────────────────────────────────────────


def street_workbook(report: StreetReport) -> bytes:
    """Sheet 汇总 and one sheet per area: a title row, the header row, a row per community,
    the 合计 row."""
    book = Workbook()
    for sheet in book.worksheets:  # the empty default sheet
        book.remove(sheet)
    for area in (report.summary, *report.areas):
        _sheet(book, report, area)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet(book: Workbook, report: StreetReport, area: Area) -> None:
    sheet = book.create_sheet(area.title[:31])
    sheet.append([_heading(report)])
    sheet["A1"].font = Font(bold=True, size=12)
    headers = ["社区", *(c.title for c in area.columns)]
    sheet.append(headers)
    for cell in sheet[2]:
        cell.fill, cell.font, cell.alignment = HEADER_FILL, HEADER_FONT, HEADER_ALIGNMENT
    for name, row in area.rows:
        sheet.append([name, *(_number(c, v) for c, v in zip(area.columns, row, strict=True))])
        for column, cell in zip(area.columns, sheet[sheet.max_row][1:], strict=True):
            cell.number_format = FORMATS.get(column.kind, "General")
    for cell in sheet[sheet.max_row]:
        cell.font = HEADER_FONT  # the total
    sheet.freeze_panes = "B3"
    _page_setup(sheet, len(headers))
    names = [name for name, _row in area.rows]
    for n, title in enumerate(headers, start=1):
        width = max(display_width(str(t)) for t in (title, *(names if n == 1 else ())))
        sheet.column_dimensions[get_column_letter(n)].width = min(max(width + 2, 10), 30)


WIDE: Final = 8  # a sheet of more columns prints landscape


def _page_setup(sheet: Worksheet, columns: int) -> None:
    """Printed on A4 (landscape when wide), fitted to the page's width, the title and the
    header rows repeated on every page."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if columns > WIDE else "portrait"
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows take
    sheet.print_title_rows = "1:2"
    sheet.print_options.horizontalCentered = True


# ── the PDF ───────────────────────────────────────────────────────────────────────────────────


def street_pdf(report: StreetReport) -> bytes:
    """The summary table, then each area's table and its chart of one figure per community."""
    page = Page(report.title, report.street, landscape=True)
    width = usable_width(page)
    story: list[Flowable] = [para(_heading(report), 14, align=1), Spacer(0, 4 * mm)]
    story += _area_table(report.summary, width)
    for area in report.areas:
        story.append(Spacer(0, 6 * mm))
        story.append(
            KeepTogether(
                [
                    para(area.title, 12),
                    Spacer(0, 2 * mm),
                    *_area_table(area, width),
                    Spacer(0, 3 * mm),
                    _chart(area, width),
                ]
            )
        )
    return render(page, story)


def _area_table(area: Area, width: float) -> list[Flowable]:
    """The area's table: figures right-aligned, each heading broken only where its words
    part (after ·, at /, before （) in a font small enough for its column."""
    first = 28 * mm
    rest = (width - first) / len(area.columns)
    rows = [
        [name, *(cell_text(c.kind, v) for c, v in zip(area.columns, row, strict=True))]
        for name, row in area.rows
    ]
    size = 8 if len(area.columns) > 8 else 9
    headers = ["社区", *(_broken(c.title) for c in area.columns)]
    fitted = min(_header_size(h, rest, size) for h in headers[1:])
    grid = table(headers, rows, [first, *[rest] * len(area.columns)], size, header_size=fitted)
    grid.setStyle(TableStyle([("ALIGN", (1, 1), (-1, -1), "RIGHT")]))
    return [grid]


def _broken(title: str) -> str:
    """``收入·财政拨款`` as ``收入·`` / ``财政拨款``: the places a heading may break."""
    return title.replace("·", "·\n").replace("/", "/\n").replace("（", "\n（")


def _header_size(header: str, width: float, size: float) -> float:
    """The largest font size (half points, 6 at least, ``size`` at most) in which each line of
    ``header`` fits ``width`` within the cell's padding (3 + 0.6·size + 2)."""
    widest = max(stringWidth(line, register_font(), 1) for line in header.split("\n"))
    fits = (width - 5) / (widest + 0.6)
    return max(6.0, min(size, int(fits * 2) / 2))


SERIES: Final = (colors.HexColor("#b22222"), colors.HexColor("#e08a3c"), colors.HexColor("#6b7fa8"))
UNITS: Final = {RATE: "%", YUAN: "元"}


def _chart(area: Area, width: float) -> Drawing:
    """Horizontal bars, a group per community (the total left out): the area's chart
    figures (of one kind)."""
    at = [n for n, c in enumerate(area.columns) if c.title in area.chart]
    columns = [area.columns[n] for n in at]
    kind = columns[0].kind
    rows = area.rows[:-1]
    data = [[_bar(area.columns[n], row[n]) for _name, row in rows] or [0] for n in at]
    unit = UNITS.get(kind, "")
    height = max(len(rows), 1) * (8 + 10 * len(columns)) + 44
    drawing = Drawing(width, height, initialFontName=FONT)  # else an unembedded Helvetica
    suffix = f"（{unit}）" if unit else ""
    title = "、".join(name.removesuffix(suffix) for name in area.chart) + suffix
    drawing.add(String(0, height - 12, title, fontName=FONT, fontSize=10))
    chart = HorizontalBarChart()
    chart.x, chart.y = 90, 18
    chart.width, chart.height = min(width - 250, 420), height - 44
    chart.data = data
    for n in range(len(columns)):
        chart.bars[n].fillColor = SERIES[n % len(SERIES)]
    chart.bars.strokeColor = None
    chart.categoryAxis.categoryNames = [name for name, _row in rows] or [""]
    chart.categoryAxis.reverseDirection = True
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100 if kind == RATE else max(1, *(max(d) for d in data))
    chart.barLabelFormat = _bar_label(kind)
    if kind == YUAN:
        chart.valueAxis.labelTextFormat = "{:,.0f}".format
    for labels in (chart.categoryAxis.labels, chart.valueAxis.labels, chart.barLabels):
        labels.fontName = FONT
        labels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    if len(columns) > 1:
        drawing.add(_legend(columns, chart.x + chart.width + 60, height - 24))
    return drawing


def _bar_label(kind: str) -> Callable[[float], str]:
    """A bar's label as the table writes the figure (``12.5%``, ``3,400.00``)."""
    if kind == RATE:
        return lambda value: f"{value:.1f}%"
    if kind == YUAN:
        return lambda value: f"{value:,.2f}"
    return lambda value: f"{value:g}"


def _bar(column: Column, value: Value) -> float:
    value = _number(column, value) or 0
    return value * 100 if column.kind == RATE else value


def _legend(columns: Sequence[Column], x: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = FONT, 8
    legend.alignment = "right"
    legend.colorNamePairs = [(SERIES[n % len(SERIES)], c.title) for n, c in enumerate(columns)]
    return legend
