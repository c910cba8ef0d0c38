"""The printing pipeline every form uses: A4 pages, header with the community's name, "第 x 页
共 y 页" footer, Chinese line breaking, tables that repeat their header row; the font is
:mod:`redoffice.reports.fonts`'s."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from typing import Any, Final

from reportlab.lib import colors
from reportlab.lib import textsplit as _textsplit
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus import paragraph as _paragraph

from redoffice.kit.steps import QUIET, Steps
from redoffice.reports.fonts import FONT, draw_text, markup, maybe_rare, printable, register_font

MARGIN = 15 * mm
STEP_ROWS = 100  # a long table reports its progress (and can be stopped) every 100 rows
# ReportLab's CJK wrapping keeps these off the start of a line by letting them hang; its own
# list lacks the full-width comma, colon and semicolon and several closing brackets.
NO_LINE_START = "，。、：；！？）」』》〉】〕…—"
# both modules hold the list: the paragraph's wrapping and textsplit's splitting of long runs
_paragraph.ALL_CANNOT_START = _paragraph.ALL_CANNOT_START + NO_LINE_START
_textsplit.ALL_CANNOT_START = _paragraph.ALL_CANNOT_START


@cache
def style(size: float = 10, leading: float | None = None, align: int = 0) -> ParagraphStyle:
    """A paragraph style in the bundled font that wraps Chinese text anywhere (CJK rules)."""
    return ParagraphStyle(
        f"s{size}-{align}",
        fontName=register_font(),
        fontSize=size,
        leading=leading or size * 1.4,
        wordWrap="CJK",
        alignment=align,
        bulletFontName=FONT,
    )


def para(text: str, size: float = 10, align: int = 0) -> Paragraph:
    """Plain text (escaped; line breaks kept) as a wrapping paragraph."""
    return Paragraph(markup(text).replace("\n", "<br/>"), style(size, align=align))


@dataclass(frozen=True)
class Page:
    """What every page shows around the content."""

    title: str
    community: str
    landscape: bool = False
    paper: str = "A4"  # or A3 (the wish wall)

    @property
    def size(self) -> tuple[float, float]:
        size = A3 if self.paper == "A3" else A4
        width, height = landscape(size) if self.landscape else size
        return float(width), float(height)


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Draws "第 x 页 共 y 页" once the total is known (pages are buffered until save)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            width, _ = self._pagesize
            self.setFont(FONT, 9)
            self.drawCentredString(width / 2, MARGIN / 2, f"第 {number} 页 共 {total} 页")
            super().showPage()
        super().save()


def _header(page: Page) -> Any:
    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        width, height = doc.pagesize
        canvas.saveState()
        canvas.setFont(FONT, 9)
        top = height - MARGIN / 2 - 3
        draw_text(canvas, MARGIN, top, page.community, 9)
        draw_text(canvas, width - MARGIN, top, page.title, 9, "right")
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, top - 4, width - MARGIN, top - 4)
        canvas.restoreState()

    return draw


def _table_rows(flowables: Sequence[Flowable]) -> int:
    """Body rows still to lay out (a table's remaining part repeats its header rows)."""
    tables = [f for f in flowables if isinstance(f, Table)]
    rows = sum(t._nrows - (t.repeatRows if isinstance(t.repeatRows, int) else 0) for t in tables)
    return int(rows) + sum(f.rows_left for f in flowables if isinstance(f, LongTable))


class _Document(SimpleDocTemplate):  # type: ignore[misc]
    """Reports the table rows laid out so far after each page's part (and stops there when
    cancelled): a long table is one flowable, split page by page."""

    def __init__(self, out: BytesIO, steps: Steps, **options: Any) -> None:
        super().__init__(out, **options)
        self._steps = steps
        self._story: list[Flowable] = []
        self._rows = 0

    def build(self, flowables: list[Flowable], **options: Any) -> None:
        self._story, self._rows = flowables, _table_rows(flowables)
        super().build(flowables, **options)

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        super().handle_flowable(flowables)
        if flowables is self._story:  # not a page break ReportLab handles on the side
            self._steps.report(self._rows - _table_rows(flowables), self._rows)


def render(page: Page, story: Sequence[Flowable], steps: Steps = QUIET) -> bytes:
    """Lay out ``story`` on A4 (or A3) pages and return the PDF; ``steps`` follows the rows of
    its tables as they are laid out."""
    register_font()
    out = BytesIO()
    size = page.size
    doc = _Document(
        out,
        steps,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 4 * mm,
        bottomMargin=MARGIN + 2 * mm,
        title=page.title,
        author=page.community,
        creator="RedOffice",
        initialFontName=FONT,  # else an unembedded Helvetica is referenced
    )
    draw = _header(page)
    doc.build(list(story), onFirstPage=draw, onLaterPages=draw, canvasmaker=_NumberedCanvas)
    return out.getvalue()


def usable_width(page: Page) -> float:
    return float(page.size[0] - 2 * MARGIN)


def _cell(text: str, room: float, size: float) -> Paragraph | str:
    """Text that fits on one line stays a plain string (drawn as is, ~20x cheaper than a
    Paragraph); anything longer becomes a wrapping Paragraph."""
    text = printable(text)
    if (
        "\n" not in text
        and not maybe_rare(text)
        and pdfmetrics.stringWidth(text, register_font(), size) <= room
    ):
        return text
    return para(text, size)


def _cells(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    size: float,
    steps: Steps,
    header_size: float | None = None,
) -> tuple[list[Paragraph | str], list[list[Paragraph | str]]]:
    """The header row (in ``header_size``, else ``size``) and the body rows' cells; ``steps``
    follows the rows as they are made."""
    padding = 3 + size * 0.6 + 2
    header: list[Paragraph | str] = [para(h, header_size or size, align=1) for h in headers]
    body: list[list[Paragraph | str]] = []
    for n, row in enumerate(rows):
        if n % STEP_ROWS == 0:
            steps.report(n, len(rows))
        body.append(
            [_cell(str(v), width - padding, size) for v, width in zip(row, widths, strict=True)]
        )
    return header, body


def _grid(size: float, header_rows: int) -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), FONT, size),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#f2dcdb")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            # room on the right for punctuation that hangs instead of starting a line
            ("RIGHTPADDING", (0, 0), (-1, -1), size * 0.6 + 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ]
    )


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    size: float = 9,
    header_rows: int = 1,
    min_row_height: float = 0,
    steps: Steps = QUIET,
    header_size: float | None = None,
) -> Table:
    """A grid whose header row repeats on every page; long cells wrap inside their column.
    ``steps`` follows the rows as their cells are made; ``header_size``: the headers' font
    size when smaller than the body's."""
    header, body = _cells(headers, rows, widths, size, steps, header_size)
    result = Table(
        [header, *body],
        colWidths=list(widths),
        repeatRows=header_rows,
        minRowHeights=[0] * header_rows + [min_row_height] * len(rows),
    )
    result.setStyle(_grid(size, header_rows))
    return result


class LongTable(Flowable):  # type: ignore[misc]
    """A table of thousands of rows laid out a page at a time, in time linear in its rows.

    ReportLab splits one long ``Table`` page by page, and each split measures and restyles the
    whole remainder again (a year's 民情台账, 19,000 rows: 25 s before its first page, ~50 s in
    all). This one hands ReportLab a ``Table`` of the header and only the next rows — about
    twice as many as the last page took — lets it split that, and keeps the rest for the next
    page. The pages look as one ``Table``'s would: the header on top of each, rows unbroken."""

    MIN_CHUNK = 40

    def __init__(
        self,
        header: list[Paragraph | str],
        body: list[list[Paragraph | str]],
        widths: Sequence[float],
        size: float,
        start: int = 0,
        chunk: int = MIN_CHUNK,
    ) -> None:
        super().__init__()
        self.hAlign = "CENTER"  # as a Table: centred in the frame
        self._header, self._body, self._widths, self._size = header, body, list(widths), size
        self._start, self._chunk = start, max(chunk, self.MIN_CHUNK)
        self._part: Table | None = None  # the rows tried last (all the rest when it fits)
        self._part_for: tuple[float, float] | None = None

    @property
    def rows_left(self) -> int:
        return len(self._body) - self._start

    def _table(self, rows: int) -> Table:
        part = Table(
            [self._header, *self._body[self._start : self._start + rows]],
            colWidths=self._widths,
            repeatRows=1,
        )
        part.setStyle(_grid(self._size, 1))
        return part

    def _try(self, avail_width: float, avail_height: float) -> tuple[Table, float, float]:
        """The next rows as a ``Table``, with more rows each try until they overflow the room
        or are all the rest; the table and its size."""
        rows = self._chunk
        while True:
            part = self._table(rows)
            width, height = part.wrapOn(getattr(self, "canv", None), avail_width, avail_height)
            if height > avail_height or rows >= self.rows_left:
                self._part, self._part_for = part, (avail_width, avail_height)
                return part, width, height
            rows *= 2

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _part, width, height = self._try(avail_width, avail_height)
        return width, height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        part = self._part
        if part is None or self._part_for != (avail_width, avail_height):
            part = self._try(avail_width, avail_height)[0]
        pieces = part.split(avail_width, avail_height)
        if not pieces:
            return []
        first = pieces[0]
        taken = first._nrows - 1
        if taken >= self.rows_left:
            return [first]
        rest = LongTable(
            self._header, self._body, self._widths, self._size, self._start + taken, 2 * taken
        )
        return [first, rest]

    def draw(self) -> None:  # only when all the rest fitted (wrap's table has every row)
        assert self._part is not None
        self._part.drawOn(self.canv, 0, 0)


def long_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    size: float = 9,
    steps: Steps = QUIET,
) -> LongTable:
    """:func:`table` for thousands of rows (one header row, no minimum row height): laid out
    page by page in linear time."""
    header, body = _cells(headers, rows, widths, size, steps)
    return LongTable(header, body, widths, size)


def field_pairs(pairs: Sequence[tuple[str, str]], width: float) -> Table:
    """Label/value pairs, two per row."""
    rows = []
    for i in range(0, len(pairs), 2):
        row: list[Flowable] = []
        for label, value in pairs[i : i + 2]:
            row += [para(label, 10, align=1), para(value, 10)]
        rows.append(row)
    label_w = 22 * mm
    value_w = width / 2 - label_w
    result = Table(rows, colWidths=[label_w, value_w, label_w, value_w])
    result.setStyle(
        grid_style(
            [
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2dcdb")),
                ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#f2dcdb")),
            ]
        )
    )
    return result


def form_heading(
    title: str,
    pairs: Sequence[tuple[str, str]],
    width: float,
    subtitle: str = "",
    subtitle_size: float = 10,
) -> list[Flowable]:
    """The top of a form: its title centred, a subtitle under it if any, then its label/value
    pairs."""
    under = [para(subtitle, subtitle_size, align=1)] if subtitle else []
    return [para(title, 16, align=1), *under, Spacer(1, 4 * mm), field_pairs(pairs, width)]


def grid_style(extra: list[tuple[object, ...]]) -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), FONT, 10),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            *extra,
        ]
    )


def labelled_box(label: str, text: str, width: float, blank_lines: int = 3) -> Table:
    """A labelled area: the recorded text, or ruled space to write in by hand."""
    body = para(text) if text else para("\n" * blank_lines)
    result = Table(
        [[para(label, 10, align=1), body]],
        colWidths=[22 * mm, width - 22 * mm],
        minRowHeights=[0 if text else blank_lines * 8 * mm],
    )
    result.setStyle(grid_style([("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2dcdb"))]))
    return result


DATE_LINE: Final = "日期：\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"


def signature_lines(labels: Sequence[str], width: float, dated: bool = False) -> Table:
    """Room to sign: three labels a row, each with a date line below when ``dated``."""
    rows: list[list[Flowable]] = []
    heights: list[float] = []
    for i in range(0, max(len(labels), 1), 3):
        part = list(labels[i : i + 3])
        part += [""] * (3 - len(part))
        rows.append([para(label, 11 if dated else 10) for label in part])
        heights.append(16 * mm)
        if dated:
            rows.append([para(DATE_LINE if label else "", 10) for label in part])
            heights.append(8 * mm)
    result = Table(
        rows or [[para("", 10)] * 3], colWidths=[width / 3] * 3, rowHeights=heights or 16 * mm
    )
    result.setStyle(
        TableStyle([("FONT", (0, 0), (-1, -1), FONT, 10), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return result
