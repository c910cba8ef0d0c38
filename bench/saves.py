"""Issue 12 §4: saving a resident, a visit and a case ≤ 10 ms each (validation, the row and
its parts, change capture: sequence numbers and the audit chain, derived state), on the bench
database. Each save is its own transaction, as a clerk's 保存."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from itertools import count
from pathlib import Path

from sqlalchemy import select
from stdnum.cn import ric

import redoffice.features  # noqa: F401  (registers the features' session hooks)
from bench.run import percentile, timed
from redoffice.cases.service import CaseInput, create_case
from redoffice.kit import clock
from redoffice.kit.db import Database, open_database
from redoffice.models import Household, Resident, Staff
from redoffice.registry.residents import ResidentInput, get_resident, save_resident
from redoffice.settings import community, config
from redoffice.visits.service import VisitInput, record_visit

TARGET_MS = 10.0
RUNS = 30
BENCH_NOTE = "基准测试"


def _line(label: str, times: list[float]) -> None:
    p50, p95 = percentile(times, 50), percentile(times, 95)
    verdict = "ok" if p50 <= TARGET_MS else "NOT MET"
    print(f"  {label:36} p50 {p50:6.1f}  p95 {p95:6.1f} ms   (target ≤ {TARGET_MS:.0f}: {verdict})")


def _new_id_numbers(db: Database, region: str) -> Iterator[str]:
    """Valid ID numbers of men (born 1950–2004) that are not registered yet."""
    rng = random.Random()
    candidates = set()
    while len(candidates) < 2 * RUNS:
        born = date(1950, 1, 1) + timedelta(days=rng.randrange(20000))
        body = f"{region}{born:%Y%m%d}{rng.randrange(500) * 2 + 1:03d}"
        candidates.add(body + ric.calc_check_digit(body + "0"))
    with db.read() as s:
        taken = set(s.scalars(select(Resident.id_number).where(Resident.id_number.in_(candidates))))
    return iter(sorted(candidates - taken))


def _savers(db: Database) -> dict[str, Callable[[], object]]:
    with db.read() as s:
        household = str(s.scalar(select(Household.id).order_by(Household.id).limit(1)))
        staff = str(s.scalar(select(Staff.id).limit(1)))
        resident = str(s.scalar(select(Resident.id).where(Resident.id_number != "").limit(1)))
        category = config.get_value(s, "case.categories")[0]
    numbers = count(1)
    edited = get_resident(db, resident).data
    id_numbers = _new_id_numbers(db, edited.id_number[:6])
    visit = VisitInput(
        household_id=household,
        visit_date=clock.today(),
        visitor_ids=(staff,),
        purposes=("常规走访",),
        situation=BENCH_NOTE,
    )
    case = CaseInput(category=category, description=BENCH_NOTE, household_id=household)
    return {
        "new resident (into a household)": lambda: save_resident(
            db, _newcomer(next(id_numbers), household), None
        ),
        "resident changed (phone, notes)": lambda: save_resident(
            db, _changed(edited, next(numbers)), resident
        ),
        "new visit (one visitor)": lambda: record_visit(db, visit),
        "new case (受理)": lambda: create_case(db, case),
    }


def _newcomer(id_number: str, household: str) -> ResidentInput:
    return ResidentInput(
        name="测试居民", gender="male", id_number=id_number, household_id=household, relation="9"
    )


def _changed(data: ResidentInput, n: int) -> ResidentInput:
    return replace(data, phone=f"139{n:08d}", notes=f"{BENCH_NOTE} {n}")


def bench_saves(path: Path) -> None:
    db = open_database(f"sqlite:///{path}")
    db.actor = community.operator(db)
    print(f"\nsaving one record, each in its own transaction ({RUNS} runs)")
    for label, save in _savers(db).items():
        _line(label, timed(save, RUNS))
    db.close()
