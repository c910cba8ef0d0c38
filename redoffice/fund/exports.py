"""红色基金 to Excel: the 基金台账 of a period, in the order and with the balances of its PDF
and of the screen (entry number, each entry's own account's balance), plus 账户 and 类型."""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from redoffice.fund import documents
from redoffice.fund.periods import Period
from redoffice.kit.db import Database
from redoffice.kit.money import yuan_mark
from redoffice.kit.workbook import display_width, rows_workbook

YUAN_FORMAT: Final = '"¥"#,##0.00;-"¥"#,##0.00'
LEDGER_XLSX_COLUMNS: Final = (
    "序号",
    "日期",
    "凭证号",
    "账户",
    "类型",
    "来源/用途",
    "对方",
    "收入",
    "支出",
    "余额（本账户）",
    "审批单号",
    "经办人",
    "复核人",
)
_DATE, _WHAT, _INCOME, _SPENDING, _BALANCE = 1, 5, 7, 8, 9
_AMOUNTS: Final = (_INCOME, _SPENDING, _BALANCE)


def _yuan(fen: int | None) -> float | None:
    return None if fen is None else fen / 100


def _day(text: str) -> date | str:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text


def ledger_xlsx(
    db: Database,
    period: str | Period | None = None,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    account_id: str | None = None,
) -> bytes:
    """基金台账 as a workbook: the period in the title row, the column headings frozen, the
    opening balance first, then the entries by number (记账顺序) with their account, kind and
    own account's balance, dates as dates, amounts as numbers in yuan with a ¥ format in
    columns wide enough for them, the period's totals and the closing balance last."""
    data = documents.ledger(db, period, date_from=date_from, date_to=date_to, account_id=account_id)
    title = f"{data.community}红色基金台账　{data.period}　账户：{data.account}"
    blank = [None] * len(LEDGER_XLSX_COLUMNS)

    def line(
        label: str, income: Any = None, spending: Any = None, balance: Any = None
    ) -> list[Any]:
        row: list[Any] = list(blank)
        row[_WHAT], row[_INCOME], row[_SPENDING], row[_BALANCE] = label, income, spending, balance
        return row

    opening = line("期初余额", balance=_yuan(data.opening))
    opening[_DATE] = _day(data.opened_on) if data.opened_on else None
    rows: list[list[Any]] = [opening]
    rows += [
        [
            ln.number,
            _day(ln.entry_date),
            ln.voucher_no,
            ln.account,
            ln.kind,
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
    income = sum(ln.income or 0 for ln in data.lines)
    spending = sum(ln.spending or 0 for ln in data.lines)
    rows.append(line("本期合计", _yuan(income), _yuan(spending)))
    rows.append(line("期末余额", balance=_yuan(data.closing)))
    largest = max(
        [abs(data.opening), abs(data.closing), income, spending]
        + [abs(ln.balance) for ln in data.lines],
    )
    amount_width = display_width(yuan_mark(-largest)) + 4
    return rows_workbook(
        "基金台账",
        [[title], list(LEDGER_XLSX_COLUMNS)],
        rows,
        formats={c: YUAN_FORMAT for c in _AMOUNTS},
        min_widths={**dict.fromkeys(_AMOUNTS, amount_width), _DATE: 12},
    )
