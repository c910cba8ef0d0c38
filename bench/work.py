"""Issue 3 targets on the bench database (≈100k residents, ≈50k visits, ≈20k cases):
工作台 computed ≤ 200 ms; a visit form PDF ≤ 150 ms; a 1,000-case ledger PDF ≤ 2 s. (Saving a
visit, ≤ 100 ms then, is in bench/saves.py with issue 12's ≤ 10 ms.)"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select

import redoffice.features  # noqa: F401  (registers the features' session hooks)
from bench.run import percentile, timed
from redoffice.cases import documents as case_documents
from redoffice.kit import clock
from redoffice.kit.db import Database, open_database
from redoffice.models import Case, Staff, Visit
from redoffice.reports import cases as case_forms
from redoffice.reports import visits as visit_forms
from redoffice.settings import community
from redoffice.settings.calendar import local_date
from redoffice.visits import documents as visit_documents
from redoffice.workbench import queries as workbench


def line(label: str, times: list[float], target: float) -> None:
    p50, p95 = percentile(times, 50), percentile(times, 95)
    verdict = "ok" if p95 <= target else "OVER TARGET"
    print(f"  {label:34} p50 {p50:7.1f}  p95 {p95:7.1f} ms   (target ≤ {target:.0f}: {verdict})")


def _ledger_period(db: Database, size: int) -> tuple[date, date]:
    """The most recent period holding about ``size`` cases."""
    with db.read() as s:
        accepted = s.scalars(select(Case.accepted_at).order_by(Case.accepted_at.desc())).all()
    last = accepted[min(size, len(accepted)) - 1]
    return local_date(last), clock.today()


def bench_work(path: Path) -> None:
    db = open_database(f"sqlite:///{path}")
    db.actor = community.operator(db)
    with db.read() as s:
        visits = s.scalar(select(func.count()).select_from(Visit))
        cases = s.scalar(select(func.count()).select_from(Case))
        visit_id = s.scalar(select(Visit.id).order_by(Visit.visit_date.desc()).limit(1))
        staff = s.scalar(select(Staff.id).limit(1))
    print(f"\nvisits and cases ({visits:,} visits, {cases:,} cases)")
    line("工作台, whole community", timed(lambda: workbench.workbench(db), 10), 200)
    line("工作台, one grid worker", timed(lambda: workbench.workbench(db, worker=staff), 10), 200)
    line(
        "visit form PDF (filled)",
        timed(
            lambda: visit_forms.visit_form(visit_documents.visit_form_data(db, visit_id=visit_id)),
            20,
        ),
        150,
    )
    start, end = _ledger_period(db, 1000)
    rows = case_documents.ledger_rows(db, start, end)
    name = community.identity(db).community_name
    line(
        f"民情台账 PDF, {len(rows)} cases",
        timed(
            lambda: case_forms.case_ledger(name, "", case_documents.ledger_rows(db, start, end)), 3
        ),
        2000,
    )
    db.close()
