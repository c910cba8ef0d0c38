"""The fund's printed forms through the one preview (打印, 另存为 PDF) and the ledger workbook:
the data read on the worker by fund/documents.py, laid out by reports/fund.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from redoffice.fund import documents, exports
from redoffice.kit.db import Database
from redoffice.reports import fund as forms
from redoffice.ui.kit import ask
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.export import offer_folder, save_bytes
from redoffice.ui.kit.preview import show_long_report, show_report

translate = QCoreApplication.translate


def _pdf(read: Callable[[], Any]) -> Callable[[], bytes]:
    """A worker job: read the paper's data, then lay it out."""
    return lambda: documents.pdf(read())


@dataclass(frozen=True)
class LedgerChoice:
    """The ledger asked for: an account (None: all), and a named quarter or year (``period``)
    or else the dates."""

    account_id: str | None
    start: date | None
    end: date | None
    period: str

    def reader(self, read: Callable[..., Any], db: Database) -> Callable[[], Any]:
        """``read`` (the ledger's data, or its workbook) of this choice, as a worker job."""
        named = bool(self.period)
        return partial(
            read,
            db,
            self.period or None,
            date_from=None if named else self.start,
            date_to=None if named else self.end,
            account_id=self.account_id,
        )


def ledger_pdf(ctx: AppContext, parent: QWidget, choice: LedgerChoice) -> None:
    """基金台账 of the dates (a quarter or year by name), laid out in a process of its own with
    its progress shown: 10,000 entries take a second or two."""
    load = choice.reader(documents.ledger, ctx.db)
    title = translate("fund_printing", "Fund ledger")
    show_long_report(ctx, parent, title, f"基金台账{choice.period}.pdf", load, forms.ledger)


def ledger_xlsx(ctx: AppContext, parent: QWidget, choice: LedgerChoice) -> None:
    title = translate("fund_printing", "Ledger to Excel")
    path = ask.save_path(parent, title, f"基金台账{choice.period}.xlsx", "Excel (*.xlsx)")
    if not path:
        return
    make = choice.reader(exports.ledger_xlsx, ctx.db)
    save_bytes(ctx, parent, path, make, partial(_saved, parent, path))


def _saved(parent: QWidget, path: str, _result: object) -> None:
    offer_folder(parent, translate("fund_printing", "Saved %1.").replace("%1", path), path)


def entry_document(ctx: AppContext, parent: QWidget, which: str, entry_id: str, label: str) -> None:
    """捐赠收据 (``receipt``), 荣誉证书 (``honour``) of an income entry, or the 发放签收单
    (``slip``) of a payment."""
    if which == "receipt":
        make = _pdf(partial(documents.receipt, ctx.db, entry_id))
        title = translate("fund_printing", "Donation receipt")
    elif which == "honour":
        make = _pdf(partial(documents.certificate, ctx.db, entry_id))
        title = translate("fund_printing", "Honour certificate")
    else:
        make = _pdf(partial(documents.slip, ctx.db, entry_id))
        title = translate("fund_printing", "Payment receipt slip")
    show_report(ctx, parent, title, f"{title}-{label}.pdf", make)


def application_form(ctx: AppContext, parent: QWidget, application_id: str, number: str) -> None:
    """红色基金申请审批表."""
    make = _pdf(partial(documents.application_form, ctx.db, application_id))
    title = translate("fund_printing", "Application and approval form")
    show_report(ctx, parent, title, f"{title}-{number}.pdf", make)


def notice_pdf(ctx: AppContext, parent: QWidget, notice_id: str, number: str, paper: str) -> None:
    make = _pdf(partial(documents.notice, ctx.db, notice_id, paper))
    title = translate("fund_printing", "Public notice")
    show_report(ctx, parent, title, f"{title}-{number}-{paper}.pdf", make)


def quarterly_job(ctx: AppContext, period: str) -> Callable[[], bytes]:
    """The worker job that makes the 收支情况 report of ``period``."""
    return _pdf(partial(documents.quarterly, ctx.db, period))


def quarterly_pdf(ctx: AppContext, parent: QWidget, period: str) -> None:
    make = quarterly_job(ctx, period)
    title = translate("fund_printing", "Income and spending report")
    show_report(ctx, parent, title, f"{title}-{period}.pdf", make)
