"""Issue 15: the street's monthly, quarterly and annual report, written by the CLI as a workbook
(reopened with openpyxl, its figures checked against the imported rows, no person in it) and
as a PDF (its text, its embedded fonts, its pages rendered)."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from redoffice.cli import main
from redoffice.reports.street import YUAN, _broken, cell_text
from redoffice.street.reports import AREAS, QUARTERLY, SCREEN, SUMMARY, street_report
from tests.conftest import Templates
from tests.core.test_street_stats import expected_figures
from tests.street_support import StreetTown, street_with_communities

POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdftoppm"))


@pytest.fixture
def town(tmp_path: Path, templates: Templates) -> Iterator[StreetTown]:
    with street_with_communities(tmp_path, templates) as found:
        yield found


def _report(town: StreetTown, *args: str) -> int:
    return main(["--db", str(town.folder / "street.sqlite"), "report", *args])


def _people(town: StreetTown) -> set[str]:
    """Every resident's name and ID number: none may appear in the report."""
    with town.street.engine.connect() as conn:
        rows = conn.execute(text("SELECT name, id_number FROM resident")).all()
    return {v for row in rows for v in row if v and len(v) >= 2}


def test_monthly_workbook_figures_match_the_rows(town: StreetTown) -> None:
    out = town.folder / "街道月报.xlsx"
    assert _report(town, "street-monthly", "--month", "2026-11", "--out", str(out)) == 0
    book = load_workbook(out)
    assert book.sheetnames == ["汇总", *(a.title for a in AREAS)]
    names = sorted(c.name for c in town.communities)
    for sheet in book.worksheets:
        assert "中南路街道" in sheet["A1"].value and "2026-11" in sheet["A1"].value
        assert [sheet.cell(r, 1).value for r in range(3, sheet.max_row + 1)] == [*names, "合计"]
    cases = book["民情诉求"]
    headers = [c.value for c in cases[2]]
    by_name = {c.name: c for c in town.communities}
    for r in range(3, 6):
        want = expected_figures(
            town, by_name[cases.cell(r, 1).value].node_id, date(2026, 11, 1), date(2026, 11, 30)
        )
        row = dict(zip(headers, (c.value for c in cases[r]), strict=True))
        assert (row["受理诉求"], row["办结"], row["按时办结"]) == (
            want["cases"],
            want["closed"],
            want["closed_on_time"],
        )
        assert row["办结率"] == (want["closed"] / want["cases"] if want["cases"] else None)
    total = dict(zip(headers, (c.value for c in cases[6]), strict=True))
    assert total["受理诉求"] == sum(cases.cell(r, 2).value for r in range(3, 6))
    assert cases.cell(3, headers.index("办结率") + 1).number_format == "0.0%"
    fund = book["红色基金"]
    fund_headers = [c.value for c in fund[2]]
    income = fund.cell(6, fund_headers.index("基金收入（元）") + 1).value
    all_income = sum(
        expected_figures(town, c.node_id, date(2026, 11, 1), date(2026, 11, 30))["income"]
        for c in town.communities
    )
    assert income == pytest.approx(all_income / 100)
    cells = {str(c.value) for s in book.worksheets for row in s.iter_rows() for c in row}
    assert not {v for v in cells for p in _people(town) if p in v}  # de-identified


def test_quarterly_workbook_and_wrong_periods(town: StreetTown) -> None:
    out = town.folder / "q.xlsx"
    assert _report(town, "street-quarterly", "--quarter", "2026Q4", "--out", str(out)) == 0
    visits = load_workbook(out)["入户走访"]
    want = [
        expected_figures(town, c.node_id, date(2026, 10, 1), date(2026, 12, 31))["visited"]
        for c in sorted(town.communities, key=lambda c: c.name)
    ]
    assert [visits.cell(r, 3).value for r in range(3, 6)] == want
    assert _report(town, "street-quarterly", "--quarter", "2026-11", "--out", str(out)) == 1
    assert _report(town, "street-monthly", "--month", "2026-11", "--out", "x.docx") == 1


def test_annual_workbook_figures_are_the_years(town: StreetTown) -> None:
    """``report street-annual --year 2026``: every area's figures over the whole year, per
    community and in total, as the rows count them; a quarter or a month is refused."""
    out = town.folder / "年报.xlsx"
    assert _report(town, "street-annual", "--year", "2026", "--out", str(out)) == 0
    book = load_workbook(out)
    assert book.sheetnames == ["汇总", *(a.title for a in AREAS)]
    assert book["汇总"]["A1"].value == "中南路街道 街道年度工作报表（2026）"
    names = sorted(c.name for c in town.communities)
    by_name = {c.name: c for c in town.communities}
    year = {
        c.name: expected_figures(town, c.node_id, date(2026, 1, 1), date(2026, 12, 31))
        for c in town.communities
    }
    checked = {
        "入户走访": ("已走访户数", "visited"),
        "民情诉求": ("受理诉求", "cases"),
        "红色基金": ("基金收入（元）", "income"),
    }
    for sheet_name, (heading, key) in checked.items():
        sheet = book[sheet_name]
        at = [c.value for c in sheet[2]].index(heading) + 1
        shown = {sheet.cell(r, 1).value: sheet.cell(r, at).value for r in range(3, 7)}
        scale = 100 if key == "income" else 1
        want = {n: year[n][key] / scale for n in names}
        assert {n: shown[n] for n in names} == pytest.approx(want), sheet_name
        assert shown["合计"] == pytest.approx(sum(want.values())), sheet_name
    assert sum(year[n]["cases"] for n in names) > sum(  # more than one quarter's
        expected_figures(town, by_name[n].node_id, date(2026, 10, 1), date(2026, 12, 31))["cases"]
        for n in names
    )
    assert _report(town, "street-annual", "--year", "2026Q4", "--out", str(out)) == 1
    assert _report(town, "street-monthly", "--month", "2026", "--out", str(out)) == 1


@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_annual_pdf_is_headed_with_the_year_and_names_no_one(town: StreetTown) -> None:
    out = town.folder / "年报.pdf"
    assert _report(town, "street-annual", "--year", "2026", "--out", str(out)) == 0
    shown = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "街道年度工作报表（2026）" in shown.replace(" ", "")
    assert all(area.title in shown for area in AREAS) and "合计" in shown
    assert not {p for p in _people(town) if p in shown}


@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_pdf_has_the_text_embedded_fonts_and_renders(town: StreetTown) -> None:
    out = town.folder / "月报.pdf"
    assert _report(town, "street-monthly", "--month", "2026-11", "--out", str(out)) == 0
    shown = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in ("街道月度工作报表", "中南路街道", "2026-11", "走访覆盖率", "办结率", "合计"):
        assert words in shown, words
    for area in AREAS:
        assert area.title in shown
    assert not {p for p in _people(town) if p in shown}
    fonts = subprocess.run(
        ["pdffonts", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # emb: every font embedded
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", str(out), str(town.folder / "page")], check=True
    )
    assert list(town.folder.glob("page*.png"))


def test_the_workbooks_headings_are_the_screens_and_it_prints_on_a4(town: StreetTown) -> None:
    """汇总's headings are 统计's (one set: 受理诉求, 联席会议, 议定事项按时完成率); every sheet
    prints on A4, landscape when wide, fitted to the width, title and header on each page."""
    out = town.folder / "月报.xlsx"
    assert _report(town, "street-monthly", "--month", "2026-11", "--out", str(out)) == 0
    book = load_workbook(out)
    summary = [c.value for c in book["汇总"][2]]
    assert summary == ["社区", *(c.title for c in SUMMARY.columns)]
    screen = {c.title for c in SCREEN}
    assert set(summary[1:]) <= screen
    assert {"受理诉求", "联席会议", "议定事项按时完成率"} <= set(summary)
    for sheet in book.worksheets:
        wide = sheet.max_column > 8
        setup = sheet.page_setup
        assert (int(setup.paperSize), setup.orientation) == (
            int(sheet.PAPERSIZE_A4),
            "landscape" if wide else "portrait",
        ), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), sheet.title
        assert sheet.print_title_rows == "$1:$2", sheet.title
    assert book["红色基金"].page_setup.orientation == "landscape"
    assert book["入户走访"].page_setup.orientation == "portrait"


def _words(pdf: Path, page: int) -> list[tuple[float, float, float, str]]:
    """The page's words as pdftotext -bbox finds them: (top, left, right, text)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html
    )
    return [(float(y), float(x0), float(x1), word) for x0, y, x1, word in found]


@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_pdf_figures_right_aligned_headings_whole_chart_labels_as_the_table(
    town: StreetTown,
) -> None:
    out = town.folder / "季报.pdf"
    assert _report(town, "street-quarterly", "--quarter", "2026Q4", "--out", str(out)) == 0
    names = sorted(c.name for c in town.communities)
    words = _words(out, 1)  # the 汇总 table first
    rows = [
        sorted((x1, w) for y2, _x0, x1, w in words if abs(y2 - y) < 1)
        for y, _x0, _x1, word in words
        if word in (*names, "合计")
    ][:4]
    assert len(rows) == 4 and len({len(r) for r in rows}) == 1
    for column in range(1, len(rows[0])):  # each figure ends where the others below it end
        rights = [row[column][0] for row in rows]
        assert max(rights) - min(rights) < 0.5, [row[column][1] for row in rows]
    shown = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    for title in (c.title for area in AREAS for c in area.columns):
        for part in _broken(title).split("\n"):  # broken only between its words
            assert part in shown, part
    assert "基金收入、基金支出（元）" in shown  # the chart's title names the unit once
    fund = next(
        a for a in street_report(town.street, QUARTERLY, "2026Q4").areas if a.title == "红色基金"
    )
    for _name, row in fund.rows[:-1]:  # the chart's labels written as the table's
        assert shown.count(cell_text(YUAN, row[0])) >= 2
        assert "," in cell_text(YUAN, row[0]) or row[0] < 100_000
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(out), str(town.folder / "q")], check=True)
    assert len(list(town.folder.glob("q*.png"))) >= 3
