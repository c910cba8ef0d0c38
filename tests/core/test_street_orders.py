"""Street decisions back to communities (issue 15), end to end with real packages and receipts:
the street decides a 上级审批 application, answers an escalated case and sends a notice; the
receipt moves the application, puts the answer in the case's timeline and lists the notice at
the community; its 完成 comes back in the next package."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redoffice.cases import service as cases
from redoffice.cli import main
from redoffice.fund import applications as fund
from redoffice.fund import queries as fund_queries
from redoffice.fund.applications import StepInput
from redoffice.fund.codes import HARDSHIPS
from redoffice.kit import clock, records
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.money import yuan
from redoffice.models import (
    AuditLog,
    Case,
    FundApplication,
    FundStep,
    Staff,
    StreetDecision,
    StreetInbox,
    StreetNotice,
)
from redoffice.settings.calendar import SHANGHAI
from redoffice.street import decisions, notices, orders
from redoffice.sync import acks, keys, packages, wire
from tests.conftest import Templates
from tests.core.test_history import assert_history_readable
from tests.street_support import StreetTown, street_with_communities


@pytest.fixture
def town(tmp_path: Path, templates: Templates) -> Iterator[StreetTown]:
    with street_with_communities(tmp_path, templates) as found:
        yield found


def _awaiting(s: Database, community: str) -> FundApplication:
    """One of ``community``'s applications awaiting 上级审批, as the street holds it."""
    with s.read() as ss:
        found = ss.scalars(
            select(FundApplication)
            .where(
                FundApplication.owner_node == community, FundApplication.status == "pending_higher"
            )
            .order_by(FundApplication.number)
        ).first()
    assert found is not None
    return found


def _escalated(town: StreetTown, c: Database) -> str:
    """A case the community escalates (转街道) and sends to the street; its id."""
    with c.read() as cs:
        found = cs.scalars(
            select(Case.id).where(Case.deleted.is_(False)).order_by(Case.number)
        ).first()
    assert found is not None
    cases.escalate(c, found, "涉及供电部门，需街道协调")
    _send_package(town, c)
    return found


def _receipt(town: StreetTown, community: str) -> Path:
    own = keys.load_keys(town.street)
    return acks.write_receipt(town.street, own, community, town.usb)


def _send_package(town: StreetTown, c: Database) -> packages.Imported:
    sent = packages.export_package(c, town.usb)
    got = packages.import_package(town.street, town.usb / sent.file)
    assert got.status == packages.APPLIED, got.reason
    return got


def _state(db: Database) -> tuple[int, ...]:
    """What a replayed receipt must leave as it was: row counts and the sequence number."""
    with db.read() as s:
        counts = tuple(
            int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (StreetDecision, StreetNotice, StreetInbox, FundStep, AuditLog)
        )
        return (*counts, int(s.scalar(select(func.max(FundStep.sync_seq))) or 0))


def test_decide_reply_notify_back_and_completion_returns(town: StreetTown) -> None:
    first = town.communities[0]
    c = town.open(first)
    s = town.street
    case = _escalated(town, c)
    app = _awaiting(s, first.node_id)
    decided = decisions.decide(s, app.id, decisions.APPROVE, "同意救助")
    assert (decided.record, decided.community) == (app.number, first.name)
    decisions.reply(s, case, "城管科", "已联系供电所，三日内修复")
    due = clock.today() + timedelta(days=7)
    issued = notices.issue(s, [first.node_id], "报送十二月走访台账", due, body="月底前报送")
    assert issued.communities == [first.name]

    got = acks.import_ack(c, _receipt(town, first.node_id))

    assert got.street_new == 3 and got.street_reports == ()
    with c.read() as cs:
        moved = cs.get(FundApplication, app.id)
        assert moved is not None and moved.status == "approved"
        step = cs.scalars(
            select(FundStep)
            .where(FundStep.application_id == app.id)
            .order_by(FundStep.sync_seq.desc())
        ).first()
        assert step is not None
        assert (step.step, step.from_status, step.opinion) == (
            "approved_higher",
            "pending_higher",
            "同意救助",
        )
        assert step.staff_id is None  # the street decided, no staff member of the community
    timeline = cases.timeline(c, case)
    assert timeline[-1].note == "街道答复（承办部门：城管科）：已联系供电所，三日内修复"
    assert timeline[-1].actor == f"街道办·{s.actor}"  # the clerk who answered
    listed = notices.received(c)
    assert [(n.title, n.due_on, n.done_at) for n in listed] == [("报送十二月走访台账", due, None)]

    notices.complete(c, listed[0].id, "已报送")
    assert notices.received(c)[0].done_by == c.actor
    _send_package(town, c)
    (progress,) = notices.progress(s)
    assert (progress.done, progress.waiting) == ([first.name], [])
    (done,) = progress.completions
    assert (done.community, done.done_by, done.note) == (first.name, c.actor, "已报送")
    assert done.done_at == notices.received(c)[0].done_at
    with s.read() as ss:  # the street's copy of the application moved with the package
        assert ss.get(FundApplication, app.id).status == "approved"  # type: ignore[union-attr]


def test_a_replayed_or_later_receipt_changes_nothing_and_only_new_records_travel(
    town: StreetTown,
) -> None:
    first = town.communities[0]
    c = town.open(first)
    s = town.street
    app = _awaiting(s, first.node_id)
    with pytest.raises(UserError) as ambiguous:  # every demo community numbers alike
        decisions.decide(s, app.number, decisions.REJECT, "家庭收入超过标准")
    assert ambiguous.value.code == "street.ambiguous"
    decisions.decide(s, app.number, decisions.REJECT, "家庭收入超过标准", first.node_id)
    receipt = _receipt(town, first.node_id)
    assert acks.import_ack(c, receipt).street_new == 1
    with c.read() as cs:
        rejected = cs.get(FundApplication, app.id)
        assert rejected is not None
        assert (rejected.status, rejected.closed_reason) == ("rejected", "家庭收入超过标准")
    before = _state(c)
    again = acks.import_ack(c, receipt)
    assert (again.street_new, again.street_reports) == (0, ())
    assert _state(c) == before
    # the community confirms with its next package: the street's next receipt is empty of them
    _send_package(town, c)
    later = _receipt(town, first.node_id)
    assert acks.import_ack(c, later).street_new == 0
    assert _state(c)[:4] == before[:4]


def test_a_lost_receipt_is_healed_by_the_next(town: StreetTown) -> None:
    first = town.communities[0]
    c = town.open(first)
    s = town.street
    decisions.decide(s, _awaiting(s, first.node_id).id, decisions.APPROVE, "")
    _receipt(town, first.node_id).unlink()  # the stick was lost
    notices.issue(s, None, "冬季防火检查", clock.today() + timedelta(days=3), kind="task")
    assert acks.import_ack(c, _receipt(town, first.node_id)).street_new == 2


def test_a_decision_for_an_application_no_longer_waiting_is_kept_and_reported(
    town: StreetTown,
) -> None:
    first = town.communities[0]
    c = town.open(first)
    s = town.street
    app = _awaiting(s, first.node_id)
    decisions.decide(s, app.id, decisions.APPROVE, "同意")
    with pytest.raises(UserError) as twice:
        decisions.decide(s, app.id, decisions.REJECT, "不同意")
    assert twice.value.code == "street.already_decided"
    # meanwhile the community withdrew it
    with c.read() as cs:
        handler = cs.scalars(select(Staff.id).where(Staff.fund_roles.like("%handler%"))).first()
    assert handler is not None
    fund.take_step(
        c, app.id, "withdraw", StepInput(by=handler, on=clock.today(), opinion="申请人撤回")
    )

    got = acks.import_ack(c, _receipt(town, first.node_id))

    assert got.street_new == 1
    assert got.street_reports == (
        f"街道对申请 {app.number} 的审批（批准）已保存，但申请现在是“已撤回”，没有改动",
    )
    with c.read() as cs:
        assert cs.get(FundApplication, app.id).status == "withdrawn"  # type: ignore[union-attr]
        assert cs.get(StreetDecision, got_decision(s, app.id)) is not None


def got_decision(s: Database, application: str) -> str:
    with s.read() as ss:
        found = ss.scalar(
            select(StreetDecision.id).where(StreetDecision.application_id == application)
        )
    assert found is not None
    return found


def test_only_an_application_awaiting_the_street_can_be_decided(town: StreetTown) -> None:
    first = town.communities[0]
    with town.street.read() as ss:
        paid = ss.scalars(
            select(FundApplication).where(
                FundApplication.owner_node == first.node_id, FundApplication.status == "paid"
            )
        ).first()
    assert paid is not None
    with pytest.raises(UserError) as refused:
        decisions.decide(town.street, paid.id, decisions.APPROVE, "")
    assert refused.value.code == "street.not_awaiting"
    with pytest.raises(UserError) as no_reason:
        decisions.decide(
            town.street, _awaiting(town.street, first.node_id).id, decisions.REJECT, " "
        )
    assert "审批意见" in no_reason.value.text


def test_a_notice_to_all_reaches_each_community_and_one_to_another_does_not(
    town: StreetTown,
) -> None:
    s = town.street
    first, second, third = town.communities
    due = clock.today() + timedelta(days=10)
    everyone = notices.issue(s, None, "学习贯彻会议精神", due)
    assert sorted(everyone.communities) == sorted(c.name for c in town.communities)
    notices.issue(s, [second.node_id], "只给和平社区", due)
    for community in town.communities:
        db = town.open(community)
        acks.import_ack(db, _receipt(town, community.node_id))
        titles = sorted(n.title for n in notices.received(db))
        expected = ["学习贯彻会议精神"] + (["只给和平社区"] if community is second else [])
        assert titles == sorted(expected), community.name
    waiting = {p.title: p.waiting for p in notices.progress(s)}
    assert sorted(waiting["学习贯彻会议精神"]) == sorted([first.name, second.name, third.name])
    assert waiting["只给和平社区"] == [second.name]


def test_a_community_cannot_send_a_street_owned_record(
    town: StreetTown, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A package line of a street table is refused, whoever it names as owner."""
    first = town.communities[0]
    c = town.open(first)
    app = _awaiting(town.street, first.node_id)
    with c.uow() as cs:
        cs.add(
            StreetDecision(
                community_node=c.node_id,
                application_id=app.id,
                outcome="approve",
                opinion="自己批准自己",
                decided_by="冒充",
                decided_at=clock.utcnow(),
            )
        )
    everything = [*wire.synced_tables(), StreetDecision.__table__]
    monkeypatch.setattr(wire, "synced_tables", lambda: everything)
    monkeypatch.setitem(wire.CODECS, "street_decision", wire.TableCodec(StreetDecision.__table__))  # type: ignore[arg-type]
    sent = packages.export_package(c, town.usb)
    monkeypatch.undo()

    got = packages.import_package(town.street, town.usb / sent.file)

    # the manifest's counts name a table no package may carry: refused before any row is read
    assert got.status == packages.REFUSED and "清单无效" in got.reason
    with town.street.read() as ss:
        assert ss.scalar(select(func.count()).select_from(StreetDecision)) == 0


def test_deciding_is_the_street_s_and_answering_needs_an_escalated_case(
    town: StreetTown,
) -> None:
    first = town.communities[0]
    c = town.open(first)
    with pytest.raises(UserError) as not_street:
        decisions.decide(c, "x", decisions.APPROVE, "")
    assert not_street.value.code.startswith("sync.")
    with town.street.read() as ss:
        plain = ss.scalars(
            select(Case).where(Case.owner_node == first.node_id, Case.escalated.is_(False))
        ).first()
    assert plain is not None
    with pytest.raises(UserError) as refused:
        decisions.reply(town.street, plain.id, "城管科", "答复")
    assert refused.value.code == "street.not_escalated"


def _cli(capsys: pytest.CaptureFixture[str], db: Database, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--db", str(db.engine.url.database), *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_the_street_commands_decide_notify_and_the_community_completes(
    town: StreetTown, capsys: pytest.CaptureFixture[str]
) -> None:
    first = town.communities[0]
    c = town.open(first)
    s = town.street
    app = _awaiting(s, first.node_id)
    code, said = _cli(capsys, s, "street", "decide", app.id, "--approve", "--opinion", "同意")
    assert code == 0 and said.strip() == (
        f"已批准{first.name}的申请 {app.number}，将随下一张回执发回该社区"
    )
    code, said = _cli(capsys, s, "street", "decide", app.id, "--reject", "--opinion", "不")
    assert code == 1 and f"申请 {app.number} 已经审批过" in said
    due = (clock.today() + timedelta(days=5)).isoformat()
    code, said = _cli(
        capsys, s, "street", "notice", "--all", "--title", "防汛检查", "--due", due, "--json"
    )
    assert code == 0 and len(json.loads(said)["communities"]) == len(town.communities)
    code, said = _cli(capsys, s, "street", "receipt", "--to", first.node_id, "--out", str(town.usb))
    assert code == 0
    receipt = said.split("回执：")[1].split("（")[0]

    code, said = _cli(capsys, c, "sync", "ack-import", receipt)
    assert code == 0 and "收到街道的审批、答复或通知 2 条" in said
    assert "（街道主动发送，不对应数据包）\n" in said  # the status in words, not "current"
    code, said = _cli(capsys, c, "street", "notices", "--json")
    (listed,) = json.loads(said)
    assert (listed["title"], listed["due_on"], listed["done_at"]) == ("防汛检查", due, None)
    code, said = _cli(capsys, c, "street", "complete", listed["id"], "--note", "已检查完毕")
    assert code == 0 and "已记录完成" in said
    code, said = _cli(capsys, c, "street", "notices")
    assert f"\t防汛检查\t已完成（{c.actor}）：已检查完毕\n" in said
    _send_package(town, c)
    code, said = _cli(capsys, s, "street", "notices", "--json")
    (progress,) = json.loads(said)
    assert progress["done"] == [first.name]
    assert sorted(progress["waiting"]) == sorted(x.name for x in town.communities[1:])
    code, said = _cli(capsys, s, "street", "notices")
    (done,) = notices.progress(s)[0].completions
    when = done.done_at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
    assert f"\t\t{first.name} · {c.actor} · {when} 完成 · 已检查完毕\n" in said


def test_a_receipt_with_a_record_for_another_community_is_refused_whole(
    town: StreetTown, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even signed by the street: the community checks each record is addressed to it."""
    first, second = town.communities[:2]
    c = town.open(first)
    s = town.street
    due = clock.today() + timedelta(days=3)
    notices.issue(s, [first.node_id], "给幸福社区", due)
    notices.issue(s, [second.node_id], "只给和平社区", due)
    monkeypatch.setattr(orders, "_addressed", lambda *_args: True)  # a street that errs
    receipt = _receipt(town, first.node_id)
    monkeypatch.undo()
    before = _state(c)

    with pytest.raises(UserError) as refused:
        acks.import_ack(c, receipt)

    assert refused.value.code == "street.not_addressed"
    assert _state(c) == before and notices.received(c) == []


def test_the_street_orders_records_speak_chinese_on_both_sides(town: StreetTown) -> None:
    """The 变更记录 of the street's decisions, replies and notices (at the street) and of the
    community's completions and inbox (at the community): Chinese fields and values, no ids."""
    first = town.communities[0]
    c = town.open(first)
    s = town.street
    case = _escalated(town, c)
    decisions.decide(s, _awaiting(s, first.node_id).id, decisions.REJECT, "不符合救助条件")
    decisions.reply(s, case, "民政科", "已转民政科核实")
    notices.issue(s, [first.node_id], "报送走访台账", clock.today() + timedelta(days=3))
    acks.import_ack(c, _receipt(town, first.node_id))
    notices.complete(c, notices.received(c)[0].id, "已报送")
    for db, tables in (
        (s, ("street_decision", "street_reply", "street_notice")),
        (c, ("notice_completion", "street_inbox")),
    ):
        for table in tables:
            model = records.RECORD_TABLES[table]
            with db.read() as ss:
                ids = list(ss.scalars(select(model.id)))  # type: ignore[attr-defined]
            assert ids, table
            for record_id in ids:
                assert_history_readable(db, table, record_id, ("手工录入", "同步导入"))


def test_the_street_judges_by_the_facts_and_sees_which_escalations_are_closed(
    town: StreetTown,
) -> None:
    """待审批 carries the 审批表's facts; 转街道 names each case's status and marks those
    already 办结 at the community."""
    first = town.communities[0]
    c = town.open(first)
    s = town.street
    app = _awaiting(s, first.node_id)
    (listed,) = [a for a in decisions.awaiting(s) if a.id == app.id]
    facts = dict(listed.details)
    assert facts["申请金额"] == f"{yuan(app.amount_asked)} 元"
    assert facts["困难类型"] == HARDSHIPS[app.hardship]
    assert facts["申请事由"] == app.reason
    assert facts["家庭人口"] == ("未填写" if app.family_size is None else f"{app.family_size} 人")
    with c.read() as cs:
        doing, done = (
            cs.scalars(
                select(Case).where(Case.deleted.is_(False), chosen).order_by(Case.number)
            ).first()
            for chosen in (Case.status.in_(cases.OPEN), Case.status.not_in(cases.OPEN))
        )
    assert doing is not None and done is not None
    for case in (doing, done):
        cases.escalate(c, case.id, "需街道协调")
    _send_package(town, c)
    seen = {a.id: a for a in decisions.escalated(s)}
    for case, closed in ((doing, False), (done, True)):
        listed = seen[case.id]
        assert (listed.state, listed.closed) == (cases.STATUSES[case.status], closed)
        assert dict(listed.details)["诉求内容"] == case.description


def test_a_street_rejection_clears_the_amount_and_a_reply_names_the_clerk(
    town: StreetTown,
) -> None:
    first = town.communities[0]
    c = town.open(first)
    s = town.street
    case = _escalated(town, c)
    app = _awaiting(s, first.node_id)
    decisions.decide(s, app.id, decisions.REJECT, "不符合条件")
    decisions.reply(s, case, "城管科", "已联系供电所")
    (row,) = [r for r in fund_queries.application_rows(s) if r.id == app.id]
    assert (row.status, row.status_label) == (
        "pending_higher",  # the community's row, untouched at the street
        "待上级审批（街道已驳回，待社区回传）",
    )
    acks.import_ack(c, _receipt(town, first.node_id))
    with c.read() as cs:
        rejected = cs.get(FundApplication, app.id)
        assert rejected is not None
        assert (rejected.status, rejected.amount_approved) == ("rejected", None)
        assert rejected.closed_reason == "不符合条件"
    last = fund_queries.application_detail(c, app.id).steps[-1]
    assert (last.step, last.staff) == ("rejected", f"街道办·{s.actor}")  # the 办理人
    assert s.actor and cases.timeline(c, case)[-1].actor == f"街道办·{s.actor}"
