"""红色基金 to Excel: the 基金台账 of a period, with the same columns as its PDF."""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from redoffice.fund import documents
from redoffice.fund.periods import Period
from redoffice.kit.db import Database
from redoffice.kit.workbook import rows_workbook
from redoffice.reports.fund import LEDGER_COLUMNS

YUAN_FORMAT: Final = '"¥"#,##0.00;-"¥"#,##0.00'
_AMOUNTS: Final = (4, 5, 6)  # 收入, 支出, 余额


def _yuan(fen: int | None) -> float | None:
    return None if fen is None else fen / 100


def ledger_xlsx(
    db: Database,
    period: str | Period | None = None,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    account_id: str | None = None,
) -> bytes:
    """基金台账 as a workbook: the period in the title row, the column headings frozen, the
    opening balance first, amounts as numbers in yuan with a ¥ format, the period's totals and
    the closing balance last."""
    data = documents.ledger(db, period, date_from=date_from, date_to=date_to, account_id=account_id)
    title = f"{data.community}红色基金台账　{data.period}　账户：{data.account}"
    blank = [""] * len(LEDGER_COLUMNS)

    def line(
        label: str, income: Any = None, spending: Any = None, balance: Any = None
    ) -> list[Any]:
        row: list[Any] = list(blank)
        row[2], row[4], row[5], row[6] = label, income, spending, balance
        return row

    opening = line("期初余额", balance=_yuan(data.opening))
    opening[0] = data.opened_on
    rows: list[list[Any]] = [opening]
    rows += [
        [
            ln.entry_date,
            ln.voucher_no,
            ln.what,
            ln.counterparty,
            _yuan(ln.income),
            _yuan(ln.spending),
            _yuan(ln.balance),
            ln.application_number,
            ln.handler,
            ln.checker,
        ]
        for ln in data.lines
    ]
    rows.append(
        line(
            "本期合计",
            _yuan(sum(ln.income or 0 for ln in data.lines)),
            _yuan(sum(ln.spending or 0 for ln in data.lines)),
        )
    )
    rows.append(line("期末余额", balance=_yuan(data.closing)))
    return rows_workbook(
        "基金台账",
        [[title], list(LEDGER_COLUMNS)],
        rows,
        formats={c: YUAN_FORMAT for c in _AMOUNTS},
    )
