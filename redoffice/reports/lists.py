"""A list printed as it is shown on screen (居民, 住户, 走访, 诉求 …) and the figures tables
(走访覆盖率, 诉求统计): A4 landscape, the filters in the title, the header row on every page; the
figures also as a workbook."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from redoffice.kit.steps import QUIET, Steps
from redoffice.kit.workbook import rows_workbook
from redoffice.reports.base import Page, para, render, table, usable_width


@dataclass(frozen=True)
class ListSheet:
    """What the screen shows: the list's name, its filters in words, the visible columns in
    their order and their on-screen widths (pixels; the page keeps their proportions)."""

    name: str
    filters: str
    headers: Sequence[str]
    widths: Sequence[int]

    @property
    def title(self) -> str:
        return f"{self.name}（{self.filters}）" if self.filters else self.name


def _widths(pixels: Sequence[int], room: float) -> list[float]:
    total = sum(max(p, 30) for p in pixels) or 1
    return [room * max(p, 30) / total for p in pixels]


def list_sheet(
    community: str, sheet: ListSheet, rows: Sequence[Sequence[str]], steps: Steps = QUIET
) -> bytes:
    """The rows under the list's title; ``steps`` follows the rows made, then laid out."""
    page = Page(sheet.title, community, landscape=True)
    lines = list(rows)
    size = 8 if len(sheet.headers) > 8 else 9
    story: list[Flowable] = [
        para(f"{community}{sheet.title}", 14, align=1),
        para(f"共 {len(lines)} 条", 9, align=1),
        Spacer(1, 3 * mm),
        table(
            sheet.headers,
            lines,
            _widths(sheet.widths, usable_width(page)),
            size=size,
            steps=steps.stage(0, 2 * len(lines)),
        ),
    ]
    return render(page, story, steps.stage(len(lines), 2 * len(lines)))


@dataclass(frozen=True)
class ListPrint:
    """A list as the screen shows it, read from the database: plain data for the process that
    lays out a long list."""

    community: str
    sheet: ListSheet
    rows: Sequence[Sequence[str]]


def list_pdf(data: ListPrint, steps: Steps = QUIET) -> bytes:
    """The list laid out; ``steps`` follows it (the whole registry is thousands of pages)."""
    return list_sheet(data.community, data.sheet, data.rows, steps)


def period_text(start: date, end: date) -> str:
    """A period as the titles of figures and service records name it."""
    return f"{start.isoformat()} 至 {end.isoformat()}"


@dataclass(frozen=True)
class FigureTable:
    """One table of figures: a caption, the column headings and the rows."""

    caption: str
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]


def figures(community: str, title: str, period: str, tables: Sequence[FigureTable]) -> bytes:
    """走访覆盖率 / 诉求统计 for a period: one table under another."""
    page = Page(title, community, landscape=True)
    room = usable_width(page)
    story: list[Flowable] = [
        para(f"{community}{title}", 15, align=1),
        para(period, 10, align=1),
    ]
    for t in tables:
        first = room * 0.3
        rest = (room - first) / max(len(t.headers) - 1, 1)
        story += [
            Spacer(1, 4 * mm),
            para(t.caption, 11),
            Spacer(1, 1 * mm),
            table(t.headers, t.rows, [first] + [rest] * (len(t.headers) - 1), size=10),
        ]
    return render(page, story)


def figures_workbook(title: str, tables: Sequence[FigureTable]) -> bytes:
    """Figure tables in one sheet: the title above, each table's rows led by its caption."""
    width = max(len(t.headers) for t in tables)
    headers = ["分组", "名称", *tables[0].headers[1:]][: width + 1]
    rows = [[t.caption, *cells] for t in tables for cells in t.rows]
    return rows_workbook(title, [[title], headers], rows)
