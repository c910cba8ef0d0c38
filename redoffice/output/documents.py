"""Every printed form and workbook as bytes, from the database: the one place the CLI and the
screens ask for them (the screens run these on the worker and show the preview)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from redoffice.cases import queries as case_queries
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.money import yuan
from redoffice.kit.steps import QUIET, Steps
from redoffice.kit.validation import mask_name
from redoffice.meetings import resolutions
from redoffice.meetings import service as meetings
from redoffice.meetings.resolutions import ResolutionFilter
from redoffice.output import printing
from redoffice.registry import party_members
from redoffice.registry import reference as registry
from redoffice.registry.party_members import hours
from redoffice.reports import forms, lists
from redoffice.reports import meetings as meeting_forms
from redoffice.reports import wishes as wish_forms
from redoffice.reports.forms import LedgerRow
from redoffice.reports.lists import FigureTable, ListSheet
from redoffice.reports.wishes import BoardLine, MemberSheet, ServiceLine, SummaryLine, WishCard
from redoffice.reports.workbook import rows_workbook, table_workbook
from redoffice.settings import community
from redoffice.visits import queries as visit_queries
from redoffice.wishes import queries as wish_queries
from redoffice.wishes.queries import WishFilter


def visit_form(db: Database, household_id: str | None = None, visit_id: str | None = None) -> bytes:
    """入户走访记录表: blank for a household, or filled from a visit."""
    data = printing.visit_form_data(db, household_id=household_id, visit_id=visit_id)
    return forms.visit_form(data)


@dataclass(frozen=True)
class Ledger:
    """What the 民情台账 prints, read from the database (plain data: it can be handed to the
    process that lays out a long ledger)."""

    community: str
    period: str
    rows: list[LedgerRow]


def case_ledger_data(db: Database, date_from: date | None, date_to: date | None) -> Ledger:
    """The cases accepted in the period (inclusive; open ends allowed)."""
    rows = printing.ledger_rows(db, date_from, date_to)
    period = f"{date_from or '最早'} 至 {date_to or '今'}"
    return Ledger(community.identity(db).community_name, period, list(rows))


def case_ledger_pdf(ledger: Ledger, steps: Steps = QUIET) -> bytes:
    """The 民情台账 laid out; ``steps`` follows it (a year's ledger is some 500 pages)."""
    return forms.case_ledger(ledger.community, ledger.period, ledger.rows, steps)


def case_ledger(
    db: Database, date_from: date | None, date_to: date | None, steps: Steps = QUIET
) -> bytes:
    """民情台账 of the cases accepted in the period."""
    return case_ledger_pdf(case_ledger_data(db, date_from, date_to), steps)


@dataclass(frozen=True)
class ListPrint:
    """A list as the screen shows it, read from the database (plain data for the process that
    lays out a long list)."""

    community: str
    sheet: ListSheet
    rows: list[list[str]]


def list_data(
    db: Database, sheet: ListSheet, rows: Callable[[], Iterable[Sequence[str]]]
) -> ListPrint:
    """The cells of the list (``rows`` reads them, on the database worker)."""
    return ListPrint(community.identity(db).community_name, sheet, [list(r) for r in rows()])


def list_pdf(data: ListPrint, steps: Steps = QUIET) -> bytes:
    """The list laid out; ``steps`` follows it (the whole registry is thousands of pages)."""
    return lists.list_sheet(data.community, data.sheet, data.rows, steps)


def _period(start: date, end: date) -> str:
    return f"{start.isoformat()} 至 {end.isoformat()}"


def _coverage_tables(db: Database, start: date, end: date) -> list[FigureTable]:
    found = visit_queries.coverage_between(db, start, end)
    by_grid = [printing.coverage_cells(r) for r in [*found.by_grid, found.total]]
    by_group = [printing.coverage_cells(r) for r in found.by_group]
    return [
        FigureTable("按网格", ("网格", *printing.COVERAGE_COLUMNS), by_grid),
        FigureTable("按特殊人群", ("特殊人群", *printing.COVERAGE_COLUMNS), by_group),
    ]


def coverage_pdf(db: Database, start: date, end: date) -> bytes:
    """走访覆盖率 of a period, by 网格 and by special group."""
    tables = _coverage_tables(db, start, end)
    name = community.identity(db).community_name
    return lists.figures(name, "走访覆盖率", _period(start, end), tables)


def _figures_xlsx(title: str, tables: Sequence[FigureTable]) -> bytes:
    """Figure tables in one sheet: the title above, each table's rows led by its caption."""
    width = max(len(t.headers) for t in tables)
    headers = ["分组", "名称", *tables[0].headers[1:]][: width + 1]
    rows = [[t.caption, *cells] for t in tables for cells in t.rows]
    return rows_workbook(title, [[title], headers], rows)


def coverage_xlsx(db: Database, start: date, end: date) -> bytes:
    return _figures_xlsx(f"走访覆盖率 {_period(start, end)}", _coverage_tables(db, start, end))


def _stats_table(db: Database, by: str, start: date, end: date) -> FigureTable:
    total, rows = case_queries.case_stats(db, by, start, end)
    return FigureTable(
        "按" + case_queries.STATS_BY[by],
        (case_queries.STATS_BY[by], *printing.STATS_COLUMNS),
        [printing.stats_cells(r) for r in [*rows, total]],
    )


def case_stats_pdf(db: Database, by: str, start: date, end: date) -> bytes:
    """诉求统计 of the cases accepted in a period: 办结率, 按时办结率, 满意率."""
    name = community.identity(db).community_name
    table = _stats_table(db, by, start, end)
    return lists.figures(name, "民情诉求统计", _period(start, end), [table])


def case_stats_xlsx(db: Database, by: str, start: date, end: date) -> bytes:
    table = _stats_table(db, by, start, end)
    title = f"民情诉求统计 {_period(start, end)}"
    return rows_workbook(title, [[title], list(table.headers)], [list(r) for r in table.rows])


def sign_in_sheet(db: Database, meeting_id: str) -> bytes:
    return meeting_forms.sign_in_sheet(printing.meeting_sheet(db, meeting_id))


def minutes(db: Database, meeting_id: str) -> bytes:
    return meeting_forms.minutes(printing.meeting_sheet(db, meeting_id))


def _subtitle(db: Database, f: ResolutionFilter) -> str:
    """The filters of a 督办表 in words: which items, whose, where, due by when."""
    which = "逾期事项" if f.overdue_only else "未完成事项" if f.open_only else "全部事项"
    estates = dict((i, n) for n, i in registry.estate_choices(db)) if f.estate_id else {}
    parts = [
        which,
        meetings.PARTIES.get(f.party, "") if f.party else "",
        estates.get(f.estate_id or "", ""),
        f"时限至 {f.deadline_to.isoformat()}" if f.deadline_to else "",
    ]
    return "，".join(p for p in parts if p)


def follow_up_pdf(db: Database, f: ResolutionFilter) -> bytes:
    """议定事项督办表 of the resolutions the filter selects."""
    rows = printing.follow_up_lines(resolutions.list_resolutions(db, f))
    name = community.identity(db).community_name
    return meeting_forms.follow_up_sheet(name, _subtitle(db, f), rows)


def follow_up_xlsx(db: Database, f: ResolutionFilter) -> bytes:
    rows = printing.follow_up_rows(resolutions.list_resolutions(db, f))
    return table_workbook("议定事项督办表", meeting_forms.FOLLOW_UP_COLUMNS, rows)


BOARD_STATES: Final = {"published": "待认领", "claimed": "已认领", "fulfilled": "已兑现"}


def _round_id(db: Database, round_id: str | None) -> tuple[str, str]:
    """(id, name) of the round, by default the latest."""
    found = wish_queries.rounds(db)
    chosen = [r for r in found if r.id == round_id] if round_id else found[-1:]
    if not chosen:
        raise UserError("wish.no_round")
    return chosen[0].id, chosen[0].name


def wish_board(db: Database, round_id: str | None = None, paper: str = "A4") -> bytes:
    """心愿墙 / 公示 of a round: names masked, nothing else about the person."""
    rid, name = _round_id(db, round_id)
    rows = wish_queries.list_wishes(db, WishFilter(round_id=rid))
    lines = [
        BoardLine(
            r.number,
            mask_name(r.beneficiary_name),
            r.wish,
            r.category,
            BOARD_STATES.get(r.status, "已兑现"),
            r.priority,
        )
        for r in rows
        if r.status in ("published", "claimed", "fulfilled", "closed")
    ]
    return wish_forms.wish_board(community.identity(db).community_name, name, lines, paper)


def _card(db: Database, wish_id: str, masked: bool) -> WishCard:
    d = wish_queries.wish_detail(db, wish_id)
    r = d.row
    return WishCard(
        community.identity(db).community_name,
        r.number,
        r.round,
        mask_name(r.beneficiary_name) if masked else r.beneficiary_name,
        r.grid,
        r.wish,
        r.category,
        yuan(r.estimated_value),
        d.verified,
        r.claimer_name,
        d.claimer_contact,
        r.claimed_on.isoformat() if r.claimed_on else "",
        r.contact_due.isoformat() if r.contact_due else "",
        r.fulfilled_on.isoformat() if r.fulfilled_on else "",
        yuan(d.actual_value),
    )


def claim_card(db: Database, wish_id: str) -> bytes:
    return wish_forms.claim_card(_card(db, wish_id, masked=True))


def wish_receipt(db: Database, wish_id: str) -> bytes:
    return wish_forms.receipt(_card(db, wish_id, masked=False))


def round_summary(db: Database, round_id: str | None = None) -> bytes:
    rid, name = _round_id(db, round_id)
    rows = wish_queries.list_wishes(db, WishFilter(round_id=rid))
    counts = [
        ("心愿数", str(len(rows))),
        ("已认领", str(sum(r.claimer_name != "" for r in rows))),
        ("已兑现", str(sum(r.fulfilled_on is not None for r in rows))),
        ("待认领", str(sum(r.status == "published" for r in rows))),
    ]
    lines = [
        SummaryLine(
            r.number,
            mask_name(r.beneficiary_name),
            r.wish,
            r.status_label,
            r.claimer_name,
            r.fulfilled_on.isoformat() if r.fulfilled_on else "",
        )
        for r in rows
    ]
    return wish_forms.round_summary(community.identity(db).community_name, name, counts, lines)


def member_service(db: Database, member_id: str, start: date, end: date) -> bytes:
    """The service record of one member for a period, for the employer."""
    m = party_members.get_member(db, member_id)
    rows = party_members.service_records(db, member_id, start, end)
    lines = [
        ServiceLine(
            r.service_date.isoformat(),
            r.activity,
            hours(r.minutes),
            "、".join(x for x in (r.wish_number, r.case_number) if x),
        )
        for r in rows
    ]
    sheet = MemberSheet(
        community.identity(db).community_name,
        m.name,
        m.workplace,
        m.party_org,
        m.reported_on.isoformat() if m.reported_on else "",
        m.commitments,
        f"{start.isoformat()} 至 {end.isoformat()}",
        lines,
        hours(sum(r.minutes for r in rows)),
    )
    return wish_forms.member_service(sheet)


STATS_COLUMNS: Final = ("征集", "核实", "发布", "认领", "兑现", "认领率", "兑现率")


def wish_stats_xlsx(db: Database, start: date, end: date, by: str) -> bytes:
    """The 微心愿 figures of a period (counted by the date of each step), as a workbook."""
    rows = wish_queries.statistics(db, start, end, by)
    headers = (wish_queries.STATS_BY[by], *STATS_COLUMNS)
    return table_workbook(
        f"微心愿统计 {start.isoformat()} 至 {end.isoformat()}",
        headers,
        [
            (
                r.key,
                *(r.counts[k] for k in wish_queries.COUNTED),
                _percent(r.claim_rate),
                _percent(r.fulfil_rate),
            )
            for r in rows
        ],
    )


def _percent(rate: float | None) -> str:
    return "" if rate is None else f"{rate:.0%}"
