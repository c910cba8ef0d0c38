"""Long reports follow ``Steps``: progress(done, total) as rows are made and laid out, and a
cancel flag checked on the way (the CLI and the GUI share them)."""

from __future__ import annotations

import pytest

from redoffice.kit.errors import UserError
from redoffice.kit.steps import Steps
from redoffice.reports import cases as forms

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
