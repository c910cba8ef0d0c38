"""Retention (issue 16, PIPL): residents moved out or deceased for the setting's years (3 by
default) are offered for erasure — by the clock, not before the day; erasing them audits each
and leaves the others; one refused by law is reported, not erased; the CLI lists and erases."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from redoffice.cli import main
from redoffice.kit import clock
from redoffice.kit.codes import ERASED_NAME
from redoffice.kit.db import Database, open_database
from redoffice.models import AuditLog, Resident
from redoffice.registry import retention
from redoffice.registry.residents import set_status
from redoffice.settings import config
from tests.core.test_cli import dbfile
from tests.core.test_fund_applications import World, _to, w

__all__ = ["dbfile", "w"]  # fixtures, imported
LEFT = date(2023, 3, 15)


def _names(db: Database) -> list[str]:
    return [d.name for d in retention.due(db)]


def test_offered_from_the_day_the_period_is_reached_and_by_the_setting(
    db: Database, w: World
) -> None:
    set_status(db, w["spouse"], "moved_out", LEFT, "迁往上海")
    set_status(db, w["neighbour"], "deceased", LEFT + timedelta(days=40), "病故")
    clock.set_today(date(2026, 3, 14))
    assert _names(db) == []
    clock.set_today(date(2026, 3, 15))
    assert _names(db) == ["李芳"]
    assert retention.due(db)[0].status == "已迁出"
    clock.set_today(date(2026, 5, 1))
    assert _names(db) == ["李芳", "赵大伟"]
    config.update(db, {"privacy.retention_years": 5})
    assert _names(db) == []


def test_erasing_the_due_audits_each_and_reports_a_refusal(db: Database, w: World) -> None:
    _to(db, w, "on_notice")  # 王小明's application is being handled: the law keeps it
    for person in ("applicant", "spouse"):
        set_status(db, w[person], "moved_out", LEFT, "迁往上海")
    clock.set_today(date(2026, 6, 1))
    erased, refused = retention.erase_due(db, [d.id for d in retention.due(db)])
    assert erased == 1
    assert [(r.name, "社会救助暂行办法" in r.reason) for r in refused] == [("王小明", True)]
    assert _names(db) == ["王小明"]
    with db.read() as s:
        spouse = s.get(Resident, w["spouse"])
        assert spouse is not None and spouse.name == ERASED_NAME
        audits = s.scalars(select(AuditLog).where(AuditLog.action == "erase")).all()
    assert [a.row_id for a in audits] == [w["spouse"]]
    assert "保存期限届满" in (audits[0].fields or "")


def test_cli_retention_lists_then_erases(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = open_database(f"sqlite:///{dbfile}")
    with db.read() as s:
        person = s.scalars(
            select(Resident).where(Resident.status == "active").order_by(Resident.id).limit(1)
        ).one()
        resident_id, name = person.id, person.name
    set_status(db, resident_id, "deceased", clock.today() - timedelta(days=4 * 366), "病故")
    db.close()
    capsys.readouterr()
    assert main(["--db", str(dbfile), "resident", "retention"]) == 0
    listed = capsys.readouterr().out
    assert f"{resident_id}\t{name}\t已去世" in listed
    assert main(["--db", str(dbfile), "resident", "retention", "--erase"]) == 0
    assert "已清除" in capsys.readouterr().out
    assert main(["--db", str(dbfile), "resident", "retention"]) == 0
    assert resident_id not in capsys.readouterr().out
