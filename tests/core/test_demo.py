from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redoffice.cli import main
from redoffice.demo.build import create_demo
from redoffice.fund import books, codes, ledger, periods
from redoffice.fund import queries as fund_queries
from redoffice.kit import clock
from redoffice.kit.db import Database, open_database
from redoffice.kit.validation import parse_id_number
from redoffice.models import (
    AgendaItem,
    AuditBatch,
    Case,
    CaseEvent,
    FundEntry,
    FundObjection,
    FundPeriodClose,
    Meeting,
    MeetingEstate,
    Resident,
    ResidentTag,
    Resolution,
    Staff,
    Visit,
)
from redoffice.registry import party_members
from redoffice.settings.calendar import SHANGHAI
from redoffice.wishes import queries as wish_queries
from redoffice.wishes import service as wishes
from tests.conftest import OPERATOR
from tests.core.test_cli import INIT

pytestmark = pytest.mark.dates  # also run at other dates by `make test`


def _people(db: Database) -> list[tuple[str, str | None, str, str | None]]:
    with db.read() as s:
        rows = s.execute(
            select(Resident.name, Resident.id_number, Resident.gender, Resident.relation)
        ).all()
        return sorted((r[0], r[1], r[2], r[3]) for r in rows)


def _fund(db: Database) -> list[tuple[str, str, str, int, date]]:
    """The demo's fund applications as numbers, states, applicants, amounts and dates."""
    return sorted(
        (r.number, r.status, r.applicant, r.amount_asked, r.applied_on)
        for r in fund_queries.application_rows(db)
    )


def test_demo_is_plausible_and_repeatable(db: Database, sqlite_db: Database) -> None:
    counts = create_demo(db, 120, seed=11)
    people = _people(db)
    assert counts["household"] == 120 and len(people) == counts["resident"]
    numbers = [p[1] for p in people]
    assert len(set(numbers)) == len(numbers)
    for _, number, gender, _ in people:
        assert number is not None
        assert parse_id_number(number).gender == gender
    with db.read() as s:
        tagged = s.scalar(select(func.count(func.distinct(ResidentTag.resident_id)))) or 0
        party = s.scalar(select(func.count()).where(Resident.political_status == "party_member"))
        heads = s.scalar(select(func.count()).where(Resident.relation == "0"))
        batch = s.scalars(select(AuditBatch)).one()  # the demo is one audited batch
        stamped = s.scalar(select(func.count()).where(Resident.created_seq == batch.seq))
    assert 0.10 < tagged / len(people) < 0.22
    assert 0.05 < (party or 0) / len(people) < 0.11
    assert heads == 120
    assert batch.kind == "demo" and stamped == counts["resident"]
    born = {p[1][6:14] for p in people if p[1]}
    assert all(b <= clock.today().strftime("%Y%m%d") for b in born)
    if db is not sqlite_db:
        create_demo(sqlite_db, 120, seed=11)
        assert _people(sqlite_db) == people
        assert _fund(sqlite_db) == _fund(db)  # the fund's year too


def test_demo_has_a_year_of_work_in_every_state(db: Database) -> None:
    counts = create_demo(db, 300, seed=5)
    assert 1.0 < counts["visit"] / 300 < 3.2
    assert 0.3 < counts["case_record"] / 300 < 1.2
    with db.read() as s:
        states = dict(s.execute(select(Case.status, func.count()).group_by(Case.status)).all())
        reopened = s.scalar(select(func.count()).where(CaseEvent.kind == "reopened"))
        first, last = s.execute(
            select(func.min(Visit.visit_date), func.max(Visit.visit_date))
        ).one()
        numbers = s.scalars(select(Case.number)).all()
    assert set(states) == {"accepted", "in_progress", "resolved", "called_back"}
    assert (reopened or 0) > 0
    assert (clock.today() - first).days > 300 and last < clock.today()
    assert len(set(numbers)) == len(numbers)


@pytest.mark.parametrize(
    "today", [None, date(2026, 12, 1), date(2027, 1, 1), date(2027, 3, 31), date(2028, 2, 29)]
)
def test_demo_has_a_year_of_meetings(db: Database, today: date | None) -> None:
    counts = create_demo(db, 300, seed=5, today=today)
    with db.read() as s:
        estates = s.scalar(select(func.count(func.distinct(MeetingEstate.estate_id))))
        months = {(d.year, d.month) for d in s.scalars(select(Meeting.meeting_date))}
        last = s.scalar(select(func.max(Meeting.meeting_date)))
    assert estates and estates >= 2
    assert counts["meeting"] == 12 * estates  # monthly, in every 小区
    assert len(months) == 12 and last and last <= (today or clock.today())
    with db.read() as s:
        states = set(s.scalars(select(Resolution.status).distinct()))
        sources = set(s.scalars(select(AgendaItem.source).distinct()))
        final = s.scalar(select(func.count()).where(Meeting.status == "final"))
    assert states == {"pending", "in_progress", "done", "cancelled"}
    assert sources == {"new", "case", "carried"}
    assert final and final < counts["meeting"]


def test_demo_has_two_rounds_of_wishes_in_every_state(db: Database) -> None:
    create_demo(db, 300, seed=5)
    rounds = wish_queries.rounds(db)
    assert [(r.name, r.closed_on is None) for r in rounds] == [("第一批", False), ("第二批", True)]
    found = wish_queries.list_wishes(db)
    assert {r.status for r in found} == set(wishes.STATUSES)
    assert any(r.priority and r.status == "published" for r in found)  # rolled over
    assert wish_queries.overdue_claims(db)  # claims past the contact deadline
    assert len(party_members.list_members(db)) == 20
    assert all(u.members for u in party_members.partner_units(db))
    # the events tell the same story as the states: a claimed wish has a claimed event
    stats = wish_queries.statistics(db, clock.today() - timedelta(days=400), clock.today())
    total = stats[-1].counts
    assert total["collected"] == len(found) and total["fulfilled"] > 0


@pytest.mark.parametrize("today", [None, date(2027, 1, 1), date(2028, 2, 29)])
def test_demo_has_a_year_of_fund_activity(db: Database, today: date | None) -> None:
    counts = create_demo(db, 30, seed=5, today=today)
    day = today or clock.today()
    apps = fund_queries.application_rows(db)
    assert {a.status for a in apps} == set(codes.STATUSES)  # every state, incl. 待上级审批
    assert counts["fund_application"] == len(apps)
    assert any(a.member_id for a in apps)  # a 双报到 party member among the applicants
    result = ledger.verify(db)
    assert result.ok, result.message
    balances = books.balances(db)
    assert sorted(b.kind for b in balances) == ["charity", "special"]
    assert all(b.balance >= 0 for b in balances)
    assert [b.holder for b in balances if b.kind == "charity"] == ["市慈善总会"]
    rows = books.ledger_rows(db)
    assert {r.source for r in rows if r.kind == "income"} == set(codes.SOURCES)
    assert any(r.donor_kind_label == "匿名" for r in rows)
    assert any(r.honour for r in rows)  # a donation of at least ¥5,000
    assert {r.kind for r in rows} == {"income", "payment", "reversal"}
    assert all(r.balance_after >= 0 for r in rows)
    assert day - timedelta(days=400) < rows[0].entry_date and rows[-1].entry_date <= day
    assert [r.entry_date for r in rows] == sorted(r.entry_date for r in rows)
    last_quarter = periods.quarter_of(periods.quarter_of(day).starts_on - timedelta(days=1))
    with db.read() as s:
        closed = s.scalars(select(FundPeriodClose.period)).all()
        resolved = sorted(o is not None for o in s.scalars(select(FundObjection.resolved_on)))
        roles = dict(
            s.execute(select(Staff.name, Staff.fund_roles).where(Staff.fund_roles != "")).all()
        )
        entries = s.scalar(select(func.count()).select_from(FundEntry))
    assert closed == [last_quarter.name]
    assert resolved == [False, True]  # one objection open, one resolved
    # 经办人, 审核人, 会计, 出纳: different people, each one role; whoever set the office up
    # (the one trying the demo) is a 经办人 too, so 登记收入 and 新建申请 work at once
    assert roles.pop(OPERATOR) == "handler"
    assert sorted(roles.values()) == ["accountant", "cashier", "handler", "reviewer", "reviewer"]
    assert entries == len(rows) and 20 <= len(rows) <= 40


def _last_work(path: Path) -> tuple[date, date]:
    """The last visit and the last case accepted in a demo database."""
    db = open_database(f"sqlite:///{path}")
    try:
        with db.read() as s:
            visit = s.scalar(select(func.max(Visit.visit_date)))
            accepted = s.scalar(select(func.max(Case.accepted_at)))
    finally:
        db.close()
    assert visit is not None and accepted is not None
    return visit, accepted.astimezone(SHANGHAI).date()


def test_the_cli_builds_the_demo_as_of_a_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    leap, default = tmp_path / "leap.sqlite", tmp_path / "default.sqlite"
    for path, extra in ((leap, ["--today", "2028-02-29"]), (default, [])):
        assert main(["--db", str(path), *INIT]) == 0
        assert main(["--db", str(path), "demo", "--households", "20", *extra]) == 0
    visit, accepted = _last_work(leap)
    leap_day = date(2028, 2, 29)
    assert leap_day - timedelta(days=90) < visit < leap_day == accepted  # fresh cases today
    visit, accepted = _last_work(default)  # the clock's day
    assert clock.today() - timedelta(days=90) < visit < clock.today() == accepted
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["--db", str(leap), "demo", "--households", "2", "--today", "2027-02-29"])
    assert "日期格式应为 YYYY-MM-DD：2027-02-29" in capsys.readouterr().err
