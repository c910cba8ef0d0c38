"""Properties of the fund's books under random operations, valid or not (Hypothesis): income,
reversal, period close, and applications taken through their steps, 公示 and payment with
random amounts, dates and staff. After every operation:

- each account's balance is Σ income − Σ payments (reversals included) and never below 0;
- :func:`ledger.verify` finds the ledger whole;
- a refused operation changed nothing in the fund's tables;
- a closed period's entries are as they were when it was closed.

SQLite only (a fresh copy of the initialized office per example), kept to ~30 examples."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import Table, func, select

from redoffice.fund import accounts, applications, books, ledger, periods
from redoffice.fund.accounts import AccountInput
from redoffice.fund.applications import ApplicationInput, NoticeInput, PayInput, StepInput
from redoffice.fund.ledger import IncomeInput
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import Base, FundApplication, FundEntry, FundPeriodClose
from redoffice.registry import reference as registry
from tests.conftest import opened_copy
from tests.factories import add_resident, setup_place

TODAY = clock.today()
FUND_TABLES = [t for name, t in Base.metadata.tables.items() if name.startswith("fund_")]
# staff with their roles: some can do a step, some cannot; 全能 lives with applicant 0
STAFF = {
    "张经办": ("handler",),
    "李审核": ("reviewer",),
    "王会计": ("accountant",),
    "赵出纳": ("cashier",),
    "全能": ("handler", "reviewer", "accountant", "cashier"),
}
PERIODS = [periods.quarter_of(TODAY - timedelta(days=d)).name for d in (100, 200, 300)] + [
    str(TODAY.year - 1),
    periods.quarter_of(TODAY).name,
]

days = st.integers(min_value=0, max_value=400)
yuan = st.integers(min_value=1, max_value=4000)
pick = st.integers(min_value=0, max_value=50)
staff = st.sampled_from(sorted(STAFF))


def mostly(name: str) -> st.SearchStrategy[str]:
    """The staff member who holds the role 10 times in 14; anyone (maybe them) otherwise."""
    return st.sampled_from([name] * 9 + sorted(STAFF))


operation = st.one_of(
    st.tuples(
        st.just("income"),
        st.integers(0, 1),
        st.integers(1, 9000),
        days,
        st.sampled_from(["fiscal", "party_fee", "party_donation", "social_donation", "other"]),
        st.sampled_from(["", "person", "anonymous", "unit"]),
        mostly("张经办"),
    ),
    st.tuples(st.just("reverse"), pick, mostly("王会计"), st.integers(0, 30)),
    st.tuples(st.just("close"), st.sampled_from(PERIODS), mostly("王会计")),
    # an application taken along its whole path, each step its own (checked) operation
    st.tuples(
        st.just("path"),
        st.integers(0, 1),
        st.integers(0, 2),
        yuan,
        st.integers(20, 60),
        st.tuples(mostly("张经办"), mostly("李审核"), mostly("李审核"), mostly("张经办")),
        st.tuples(mostly("赵出纳"), mostly("王会计")),
        st.one_of(st.none(), yuan.map(str)),
        st.one_of(st.none(), st.none(), yuan),  # None: the amount approved
        st.integers(0, 3),
    ),
    st.tuples(st.just("apply"), st.integers(0, 1), st.integers(0, 2), yuan, staff, days),
    st.tuples(
        st.just("step"),
        pick,
        st.sampled_from(["review", "approve", "approve_higher", "reject", "withdraw"]),
        staff,
        st.one_of(st.none(), yuan.map(str)),
    ),
    st.tuples(st.just("notice"), pick, staff, st.integers(10, 60)),
    st.tuples(st.just("pay"), pick, yuan, staff, staff, st.integers(0, 5)),
)


class World:
    """One office with two accounts, staff of every role and three applicants."""

    def __init__(self, db: Database) -> None:
        self.db = db
        _grid, _estate, household = setup_place(db)
        self.residents = [
            add_resident(db, name, household=household if i == 0 else None, seq=10 + i)
            for i, name in enumerate(("甲居民", "乙居民", "丙居民"))
        ]
        self.staff = {
            name: registry.save_staff(
                db,
                registry.StaffInput(
                    name=name,
                    role="community_worker",
                    fund_roles=r,
                    resident_id=self.residents[0] if name == "全能" else None,
                ),
            )
            for name, r in STAFF.items()
        }
        self.accounts = [
            accounts.save_account(
                db, AccountInput(name=n, kind="special", opened_on=TODAY - timedelta(days=500))
            )
            for n in ("专户", "党费专项科目")
        ]
        for account in self.accounts:  # something to pay from
            ledger.add_income(
                db,
                IncomeInput(
                    account_id=account,
                    source="fiscal",
                    amount="20000",
                    entry_date=TODAY - timedelta(days=450),
                    handled_by=self.staff["张经办"],
                ),
            )
        self.apps: list[str] = []
        self.closed: dict[str, list[tuple[Any, ...]]] = {}  # period → its entries at the close

    def _nth(self, items: list[str], n: int) -> str:
        return items[n % len(items)] if items else "missing"

    def entries(self) -> list[str]:
        with self.db.read() as s:
            return list(s.scalars(select(FundEntry.id).order_by(FundEntry.number)))

    def _path(self, op: tuple[Any, ...]) -> list[Callable[[], object]]:
        _, acc, applicant, asked, ago, (entered, rev, appr, noticer), (cashier, checker) = op[:7]
        approved, paid, paid_ago = op[7:]
        db, who = self.db, self.staff
        start = TODAY - timedelta(days=ago)
        state: dict[str, str] = {}

        def app() -> str:
            return state.get("app", "missing")

        def apply() -> None:
            state["app"] = applications.apply(
                db,
                ApplicationInput(
                    account_id=self.accounts[acc],
                    hardship="illness",
                    use="relief",
                    amount_asked=str(asked),
                    reason="因病致困",
                    applied_on=start,
                    entered_by=who[entered],
                    resident_id=self.residents[applicant],
                    repeat_override="再次困难",
                ),
            )
            self.apps.append(state["app"])

        def step(name: str, by: str, day: int, amount: str | None = None) -> None:
            applications.take_step(
                db, app(), name, StepInput(who[by], start + timedelta(days=day), "同意", amount)
            )

        def higher() -> None:
            with db.read() as s:
                pending = s.get(FundApplication, app())
                if pending is None or pending.status != "pending_higher":
                    return
            step("approve_higher", appr, 3)

        def notice() -> None:
            applications.open_notice(
                db,
                [app()],
                NoticeInput(start + timedelta(days=4), "红色基金救助公示", by=who[noticer]),
            )

        def pay() -> None:
            amount = str(paid) if paid is not None else (approved or str(asked))
            applications.pay(
                db,
                app(),
                PayInput(amount, TODAY - timedelta(days=paid_ago), who[cashier], who[checker]),
            )

        return [
            apply,
            lambda: step("review", rev, 1),
            lambda: step("approve", appr, 2, approved),
            higher,
            notice,
            pay,
        ]

    def run(self, op: tuple[Any, ...]) -> list[Callable[[], object]]:
        """The calls that perform ``op``, one after the other (each may be refused)."""
        return [self._run(op)] if op[0] != "path" else self._path(op)

    def _run(self, op: tuple[Any, ...]) -> Callable[[], object]:
        """The call that performs ``op`` (it may be refused)."""
        db, kind = self.db, op[0]
        if kind == "income":
            _, acc, amount, ago, source, donor, who = op
            return lambda: ledger.add_income(
                db,
                IncomeInput(
                    account_id=self.accounts[acc],
                    source=source,
                    amount=str(amount),
                    entry_date=TODAY - timedelta(days=ago),
                    handled_by=self.staff[who],
                    donor_kind=donor,
                    donor_name="某捐赠人" if donor in ("person", "unit") else "",
                ),
            )
        if kind == "reverse":
            _, n, who, ago = op
            target = self._nth(self.entries(), n)
            on = TODAY - timedelta(days=ago)
            return lambda: ledger.reverse(db, target, "冲正", self.staff[who], on)
        if kind == "close":
            _, period, who = op
            return lambda: ledger.close_period(db, period, self.staff[who])
        if kind == "apply":
            _, acc, applicant, amount, who, ago = op

            def apply() -> str:
                app = applications.apply(
                    db,
                    ApplicationInput(
                        account_id=self.accounts[acc],
                        hardship="illness",
                        use="relief",
                        amount_asked=str(amount),
                        reason="因病致困",
                        applied_on=TODAY - timedelta(days=ago),
                        entered_by=self.staff[who],
                        resident_id=self.residents[applicant],
                        repeat_override="再次困难",
                    ),
                )
                self.apps.append(app)
                return app

            return apply
        if kind == "step":
            _, n, step, who, amount = op
            app = self._nth(self.apps, n)
            step_data = StepInput(by=self.staff[who], on=TODAY, opinion="同意", amount=amount)
            return lambda: applications.take_step(db, app, step, step_data)
        if kind == "notice":
            _, n, who, ago = op
            app = self._nth(self.apps, n)
            notice_data = NoticeInput(
                starts_on=TODAY - timedelta(days=ago), title="红色基金救助公示", by=self.staff[who]
            )
            return lambda: applications.open_notice(db, [app], notice_data)
        _, n, amount, cashier, checker, ago = op
        app = self._nth(self.apps, n)
        pay = PayInput(
            amount=str(amount),
            entry_date=TODAY - timedelta(days=ago),
            by=self.staff[cashier],
            checked_by=self.staff[checker],
        )
        return lambda: applications.pay(db, app, pay)

    # ── what must hold ──────────────────────────────────────────────────────────────────────

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        with self.db.read() as s:
            return {
                t.name: sorted(tuple(map(repr, r)) for r in s.execute(select(t)).all())
                for t in FUND_TABLES
                if isinstance(t, Table)
            }

    def period_entries(self, period: str) -> list[tuple[Any, ...]]:
        span = periods.parse_period(period)
        with self.db.read() as s:
            return [
                tuple(r)
                for r in s.execute(
                    select(FundEntry.id, FundEntry.number, FundEntry.amount, FundEntry.hash)
                    .where(FundEntry.entry_date.between(span.starts_on, span.ends_on))
                    .order_by(FundEntry.number)
                )
            ]

    def check(self) -> None:
        with self.db.read() as s:
            sums = dict(
                s.execute(
                    select(FundEntry.account_id, func.sum(FundEntry.amount)).group_by(
                        FundEntry.account_id
                    )
                ).all()
            )
            closes = list(s.scalars(select(FundPeriodClose.period)))
        for balance in books.balances(self.db):
            assert balance.balance == int(sums.get(balance.account_id) or 0) >= 0
        found = ledger.verify(self.db)
        assert found.ok, found.message
        for period in closes:
            if period not in self.closed:
                self.closed[period] = self.period_entries(period)
            assert self.period_entries(period) == self.closed[period], period


_copies = itertools.count()


@settings(
    max_examples=30,
    deadline=None,
    database=None,  # no .hypothesis folder in the checkout
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=st.lists(operation, min_size=1, max_size=8))
def test_random_operations_keep_the_books_whole(
    sqlite_template: Path, tmp_path: Path, ops: list[tuple[Any, ...]]
) -> None:
    with opened_copy(sqlite_template, tmp_path / f"fund-{next(_copies)}.sqlite") as db:
        world = World(db)
        for op in ops:
            for i, call in enumerate(world.run(op)):
                name = op[0] if op[0] != "path" else f"path {i}"
                before = world.snapshot()
                try:
                    call()
                except UserError as err:
                    event(f"{name} refused: {err.code}")
                    assert world.snapshot() == before, op
                else:
                    event(f"{name} done")
                world.check()
