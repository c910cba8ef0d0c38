"""Street decisions back to a community with the street office on SQLite and on PostgreSQL (issue
15): a community's own application brought to 待上级审批 and its escalated case travel to the
street; the street's decision, reply and notice come back in the receipt; the 完成 goes back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from redoffice.cases import service as cases
from redoffice.cases.service import CaseInput
from redoffice.fund import applications as fund
from redoffice.fund import ledger
from redoffice.fund.applications import ApplicationInput, StepInput
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.models import FundAccount, FundApplication
from redoffice.registry import reference as registry
from redoffice.street import decisions, notices
from redoffice.sync import acks, keys, packages
from tests.conftest import Templates
from tests.core.sync_support import BACKENDS, street_pair
from tests.factories import add_resident, setup_place

APPLIED = clock.today() - timedelta(days=30)


@pytest.fixture(params=BACKENDS)
def pair(
    request: pytest.FixtureRequest, tmp_path: Path, templates: Templates
) -> Iterator[tuple[Database, Database, Path]]:
    with street_pair(request, tmp_path, templates) as found:
        yield found


def _staff(c: Database, name: str, role: str) -> str:
    data = registry.StaffInput(name=name, role="community_worker", fund_roles=(role,))
    return registry.save_staff(c, data)


def _awaiting_higher(c: Database) -> str:
    """An application of ¥4,000 (above the ¥3,000 threshold) reviewed and approved here."""
    _grid, _estate, household = setup_place(c)
    applicant = add_resident(c, "王小明", household=household, relation="0", seq=11)
    handler = _staff(c, "张经办", "handler")
    with c.uow() as s:
        account = FundAccount(name="红色基金专户", kind="special", opened_on=date(2026, 1, 1))
        s.add(account)
        s.flush()
        ledger.append(
            s,
            account_id=account.id,
            kind="income",
            entry_date=APPLIED - timedelta(days=1),
            amount=2_000_000,
            handled_by=handler,
            source="fiscal",
        )
        account_id = account.id
    app = fund.apply(
        c,
        ApplicationInput(
            account_id=account_id,
            hardship="illness",
            use="relief",
            amount_asked="4000",
            reason="突发重病住院",
            applied_on=APPLIED,
            entered_by=handler,
            resident_id=applicant,
        ),
    )
    on = APPLIED + timedelta(days=1)
    fund.take_step(c, app, "review", StepInput(by=_staff(c, "李审核", "reviewer"), on=on))
    fund.take_step(c, app, "approve", StepInput(by=_staff(c, "陈审核", "reviewer"), on=on))
    return app


def test_decision_reply_and_notice_travel_back_and_the_completion_returns(
    pair: tuple[Database, Database, Path],
) -> None:
    c, s, usb = pair
    app = _awaiting_higher(c)
    case = cases.create_case(c, CaseInput(category="其他", description="小区路灯坏了"))
    cases.escalate(c, case, "需街道协调供电部门")
    sent = packages.export_package(c, usb)
    assert packages.import_package(s, usb / sent.file).status == packages.APPLIED

    assert [a.id for a in decisions.awaiting(s)] == [app]
    assert [e.id for e in decisions.escalated(s)] == [case]
    decisions.decide(s, app, decisions.REJECT, "家庭收入超过救助标准")
    decisions.reply(s, case, "城建科", "已转供电所处理")
    notices.issue(s, None, "冬季安全检查", clock.today() + timedelta(days=5), kind="task")
    assert decisions.awaiting(s) == [] and decisions.escalated(s) == []
    receipt = acks.write_receipt(s, keys.load_keys(s), c.node_id, usb)

    got = acks.import_ack(c, receipt)

    assert (got.street_new, got.street_reports) == (3, ())
    with c.read() as cs:
        rejected = cs.get(FundApplication, app)
        assert rejected is not None
        assert (rejected.status, rejected.closed_reason) == ("rejected", "家庭收入超过救助标准")
    assert cases.timeline(c, case)[-1].note == "街道答复（承办部门：城建科）：已转供电所处理"
    (task,) = notices.received(c)
    notices.complete(c, task.id, "已检查")
    again = packages.export_package(c, usb)
    assert packages.import_package(s, usb / again.file).status == packages.APPLIED
    (progress,) = notices.progress(s)
    assert progress.done and not progress.waiting
    with s.read() as ss:  # the community's rejection reached the street's copy
        assert ss.scalar(select(FundApplication.status).where(FundApplication.id == app)) == (
            "rejected"
        )
    # and the street's next receipt carries nothing again
    assert (
        acks.import_ack(c, acks.write_receipt(s, keys.load_keys(s), c.node_id, usb)).street_new == 0
    )
