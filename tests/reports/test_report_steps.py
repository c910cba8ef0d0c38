"""Long reports follow ``Steps``: progress(done, total) as rows are made and laid out, and a
cancel flag checked on the way (the CLI and the GUI share them)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from reportlab.platypus import Table

from redoffice.kit.errors import UserError
from redoffice.kit.steps import Steps
from redoffice.reports import base
from redoffice.reports import cases as forms
from tests.reports.conftest import pdf_text

ROWS = [
    forms.LedgerRow(
        f"2026-{n:05d}",
        "2026-03-01",
        "走访",
        "王*明",
        "环境卫生",
        "楼道灯不亮，需要维修" * (n % 4),
        "李网格员",
        "2026-03-05",
        "已办结",
        "2026-03-04",
        "满意",
    )
    for n in range(450)
]


def test_ledger_reports_rows_made_then_laid_out() -> None:
    seen: list[tuple[int, int]] = []
    pdf = forms.case_ledger("幸福社区", "2026年", ROWS, Steps(lambda d, t: seen.append((d, t))))
    assert pdf.startswith(b"%PDF")
    assert {t for _d, t in seen} == {2 * len(ROWS)}
    done = [d for d, _t in seen]
    assert done == sorted(done) and done[0] == 0 and done[-1] == 2 * len(ROWS)
    assert any(len(ROWS) < d < 2 * len(ROWS) for d in done), "pages report as they are laid out"


@pytest.mark.parametrize("stop_after", [1, 8])
def test_ledger_stops_when_cancelled(stop_after: int) -> None:
    """Stopped while the cells are made (1) or while pages are laid out (8)."""
    seen: list[int] = []
    steps = Steps(lambda d, _t: seen.append(d), lambda: len(seen) >= stop_after)
    with pytest.raises(UserError) as stopped:
        forms.case_ledger("幸福社区", "2026年", ROWS, steps)
    assert stopped.value.code == "job.cancelled"
    assert len(seen) == stop_after


def test_without_steps_nothing_changes() -> None:
    assert forms.case_ledger("幸福社区", "2026年", ROWS[:3]).startswith(b"%PDF")


def test_a_long_ledger_is_laid_out_in_time_linear_in_its_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ReportLab splitting one long Table makes a new Table of all the remaining rows on every
    page (a year's ledger: 25 s before the first page, with the bar standing still); the
    ledger's table hands it only the next page's worth of rows, so the rows put into tables
    stay a small multiple of the ledger's (not ~rows² / rows per page)."""
    rows = ROWS * 4  # 1,800 rows, ~100 pages
    made: list[int] = []
    original = Table.__init__

    def counting(self: Table, data: list[object], *args: object, **kwargs: object) -> None:
        made.append(len(data))
        original(self, data, *args, **kwargs)

    monkeypatch.setattr(Table, "__init__", counting)
    seen: list[int] = []
    forms.case_ledger("幸福社区", "2026年", rows, Steps(lambda d, _t: seen.append(d)))
    assert sum(made) < 10 * len(rows)  # one long Table: 70,462 here
    laid_out = [d - len(rows) for d in seen if d > len(rows)]
    pages = len(laid_out)
    assert pages > 50 and max(b - a for a, b in pairwise(laid_out)) < 40


def test_the_long_table_prints_what_one_table_would(tmp_path: Path) -> None:
    """The same pages, header on each, as the single Table it replaces."""
    page = base.Page("民情台账", "幸福社区", landscape=True)
    width = base.usable_width(page)
    widths = [width / 11] * 11
    cells = [tuple(str(v) for v in vars(r).values()) for r in ROWS[:300]]
    one = base.render(page, [base.table(forms.LEDGER_COLUMNS, cells, widths, size=8)])
    chunked = base.render(page, [base.long_table(forms.LEDGER_COLUMNS, cells, widths, size=8)])
    pages = pdf_text(one, tmp_path, layout=True)
    assert pdf_text(chunked, tmp_path, layout=True) == pages
    assert len(pages) > 10 and all("内容摘要" in text for text in pages)
