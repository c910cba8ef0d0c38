"""A printed list: A4 landscape, the filters in the title, the header on every page, the columns
in the screen's order and proportions; the figures tables with their period."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from redoffice.kit.errors import UserError
from redoffice.kit.steps import Steps
from redoffice.reports.lists import FigureTable, ListSheet, figures, list_sheet
from tests.reports.conftest import pdf_fonts, pdf_text

SHEET = ListSheet(
    "居民名单", "第1网格，独居老人，搜索“王”", ("姓名", "住址", "电话"), (80, 240, 100)
)


def _page_size(data: bytes, tmp_path: Path) -> tuple[float, float]:
    path = tmp_path / "size.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Page size:"))
    width, _x, height = line.split(":")[1].split()[:3]
    return float(width), float(height)


def test_a_list_prints_landscape_with_its_filters_in_the_title(tmp_path: Path) -> None:
    rows = [(f"王{n:03d}", f"阳光花园{n}栋1单元101室", f"138****{n:04d}") for n in range(90)]
    data = list_sheet("幸福社区", SHEET, rows)
    width, height = _page_size(data, tmp_path)
    assert (round(width), round(height)) == (842, 595)  # A4 landscape
    pages = pdf_text(data, tmp_path)
    assert len(pages) > 1
    assert "幸福社区居民名单（第1网格，独居老人，搜索“王”）" in pages[0].replace("\n", "")
    assert "共90条" in pages[0].replace(" ", "")
    for page in pages:
        assert "姓名" in page and "住址" in page  # the header row on every page
    text = "".join(pages)
    assert all(f"王{n:03d}" in text for n in range(90))
    fonts = pdf_fonts(data, tmp_path)
    assert fonts and all(row[3] == "yes" for row in fonts)


def test_columns_keep_the_screen_order_and_proportions(tmp_path: Path) -> None:
    data = list_sheet("幸福社区", SHEET, [("王小明", "阳光花园3栋", "138****0000")])
    line = next(x for x in pdf_text(data, tmp_path, layout=True)[0].splitlines() if "王小明" in x)
    name, address, phone = (line.index(t) for t in ("王小明", "阳光花园", "138"))
    assert name < address < phone
    assert phone - address > 2 * (address - name)  # 住址 is three times as wide as 姓名


def test_no_filters_no_brackets(tmp_path: Path) -> None:
    sheet = ListSheet("走访记录", "", ("日期",), (90,))
    text = pdf_text(list_sheet("幸福社区", sheet, []), tmp_path)[0].replace(" ", "")
    assert "幸福社区走访记录" in text and "（" not in text and "共0条" in text


def test_figures_print_each_table_with_the_period(tmp_path: Path) -> None:
    tables = [
        FigureTable(
            "按网格", ("网格", "户数", "已走访", "覆盖率"), [("第1网格", "10", "4", "40.0%")]
        ),
        FigureTable(
            "按特殊人群",
            ("特殊人群", "户数", "已走访", "覆盖率"),
            [("独居老人", "3", "3", "100.0%")],
        ),
    ]
    data = figures("幸福社区", "走访覆盖率", "2026-01-01 至 2026-03-31", tables)
    text = "".join(pdf_text(data, tmp_path))
    for expected in ("幸福社区走访覆盖率", "2026-01-01 至 2026-03-31", "按特殊人群", "100.0%"):
        assert expected in text
    assert _page_size(data, tmp_path)[0] > _page_size(data, tmp_path)[1]


def test_a_long_list_reports_progress_and_can_be_stopped() -> None:
    rows = [(f"王{n:04d}", "阳光花园3栋2单元301室", "138****0000") for n in range(600)]
    seen: list[tuple[int, int]] = []
    list_sheet("幸福社区", SHEET, rows, Steps(lambda done, total: seen.append((done, total))))
    assert seen and seen[-1][1] == 1200 and seen[-1][0] >= 600
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    with pytest.raises(UserError, match="没有打印"):
        list_sheet("幸福社区", SHEET, rows, Steps(cancelled=lambda: True))
