"""民情台账. Inputs are plain data already masked for print (诉求人 names arrive masked)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from redoffice.kit.steps import QUIET, Steps
from redoffice.reports.base import Page, long_table, para, render, usable_width


@dataclass(frozen=True)
class LedgerRow:
    number: str
    accepted: str
    source: str
    reporter: str
    category: str
    summary: str
    assignee: str
    due: str
    status: str
    resolved: str
    call_back: str


LEDGER_COLUMNS = (
    "编号",
    "受理日期",
    "来源",
    "诉求人",
    "类别",
    "内容摘要",
    "承办",
    "时限",
    "状态",
    "办结日期",
    "回访结果",
)
_LEDGER_WIDTHS = (22, 20, 16, 16, 18, 0, 24, 20, 14, 20, 18)


def case_ledger(
    community: str, period: str, rows: Sequence[LedgerRow], steps: Steps = QUIET
) -> bytes:
    """民情台账, A4 landscape; 诉求人 names arrive masked. ``steps`` follows the rows twice:
    as their cells are made, then as they are laid out on pages."""
    page = Page("民情台账", community, landscape=True)
    width = usable_width(page)
    fixed = sum(w * mm for w in _LEDGER_WIDTHS)
    widths = [w * mm if w else width - fixed for w in _LEDGER_WIDTHS]
    body = long_table(
        LEDGER_COLUMNS,
        [
            (
                r.number,
                r.accepted,
                r.source,
                r.reporter,
                r.category,
                r.summary,
                r.assignee,
                r.due,
                r.status,
                r.resolved,
                r.call_back,
            )
            for r in rows
        ],
        widths,
        size=8,
        steps=steps.stage(0, 2 * len(rows)),
    )
    story = [
        para(f"{community}民情台账", 15, align=1),
        para(f"{period}　共 {len(rows)} 件", 10, align=1),
        Spacer(1, 3 * mm),
        body,
    ]
    return render(page, story, steps.stage(len(rows), 2 * len(rows)))
