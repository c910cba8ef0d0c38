"""``redoffice-cli fund …`` and the fund reports, run as the office runs them: on a database made
by ``init`` + ``demo`` (whose year of fund activity includes the staff 王经办 经办人, 周支书 and
陈书记 审核人, 刘会计 会计, 赵出纳 出纳)."""

import json
import sqlite3
import subprocess
import sys
from dataclasses import fields
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from redoffice.cli import main
from redoffice.fund import applications
from redoffice.kit import clock
from tests.conftest import Templates
from tests.core.test_cli import cli_demo

pytestmark = pytest.mark.dates  # also run at other dates by `make test`


@pytest.fixture
def dbfile(templates: Templates, tmp_path: Path) -> str:
    return str(templates.copy("cli-30-7", cli_demo(30, 7), tmp_path / "fund.sqlite"))


def _ok(capsys: pytest.CaptureFixture[str], dbfile: str, *args: str) -> Any:
    """Run a command with --json; its parsed output."""
    capsys.readouterr()
    assert main(["--db", dbfile, *args, "--json"]) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def _refused(capsys: pytest.CaptureFixture[str], dbfile: str, *args: str) -> str:
    """Run a command that must be refused: exit 1, one Chinese line on stderr; the line."""
    capsys.readouterr()
    assert main(["--db", dbfile, *args]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("错误：") and captured.err.count("\n") == 1, captured.err
    return captured.err


def _count(dbfile: str, table: str) -> int:
    with sqlite3.connect(dbfile) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _day(days_ago: int) -> str:
    return (clock.today() - timedelta(days=days_ago)).isoformat()


def test_the_demo_s_fund_as_the_lists_show_it(
    dbfile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    apps = _ok(capsys, dbfile, "fund", "list")
    statuses = {a["status"] for a in apps}
    assert statuses == {
        "applied",
        "reviewed",
        "pending_higher",
        "approved",
        "on_notice",
        "paid",
        "rejected",
        "withdrawn",
    }
    first = apps[0]
    assert {"id", "number", "status", "status_label", "waiting_for", "applicant"} <= set(first)
    assert first["amount_asked_text"].startswith("¥") and isinstance(first["amount_asked"], int)
    waiting = _ok(capsys, dbfile, "fund", "list", "--status", "待上级审批")
    assert [a["status"] for a in waiting] == ["pending_higher"]

    ledger = _ok(capsys, dbfile, "fund", "ledger")
    assert [e["number"] for e in ledger] == list(range(1, len(ledger) + 1))
    assert {e["kind"] for e in ledger} == {"income", "payment", "reversal"}
    payment = next(e for e in ledger if e["kind"] == "payment")
    assert payment["amount"] < 0 and payment["amount_text"].startswith("-¥")
    assert payment["balance_after_text"].startswith("¥")
    recent = _ok(capsys, dbfile, "fund", "ledger", "--from", _day(60), "--to", _day(0))
    assert 0 < len(recent) < len(ledger)
    assert all(_day(60) <= e["entry_date"] <= _day(0) for e in recent)

    balances = _ok(capsys, dbfile, "fund", "balance")
    assert len(balances) == 2 and all(b["balance"] >= 0 for b in balances)
    assert {b["balance_text"][0] for b in balances} == {"¥"}
    accounts = _ok(capsys, dbfile, "fund", "account", "list")
    assert {a["name"] for a in accounts} == {"红色基金专户", "社区慈善基金"}

    result = _ok(capsys, dbfile, "fund", "verify")
    assert result["ok"] is True and result["entries"] == len(ledger)
    capsys.readouterr()
    assert main(["--db", dbfile, "fund", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(apps) and "¥" in lines[0]


def _resident_not_helped(capsys: pytest.CaptureFixture[str], dbfile: str) -> str:
    helped = {a["resident_id"] for a in _ok(capsys, dbfile, "fund", "list")}
    residents = _ok(capsys, dbfile, "residents", "list")
    return next(str(r["id"]) for r in residents if r["id"] not in helped)


def test_an_application_from_income_to_payment(
    dbfile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    added = _ok(capsys, dbfile, "fund", "account", "add", "--name", "测试专户", "--kind", "专户")
    account = added["id"]
    income = _ok(
        capsys,
        dbfile,
        "--operator",  # no --by: the operator's own staff record is the 经办人
        "刘会计",
        "fund",
        "income",
        "add",
        "--account",
        "测试专户",
        "--source",
        "社会捐赠",
        "--amount",
        "6000.50",
        "--donor",
        "某某公司",
        "--donor-kind",
        "单位",
        "--voucher",
        "记-001",
    )
    assert income["amount"] == 600050 and income["amount_text"] == "¥6,000.50"
    assert income["handled_by_name"] == "刘会计"
    assert income["receipt_no"]  # a donation: a 捐赠收据 number
    person = _resident_not_helped(capsys, dbfile)
    app = _ok(
        capsys,
        dbfile,
        "fund",
        "apply",
        "--applicant",
        person,
        "--account",
        account,
        "--use",
        "困难救助",
        "--hardship",
        "病",
        "--amount",
        "800",
        "--reason",
        "住院治疗，自付费用较高",
        "--family-size",
        "3",
        "--income-per-capita",
        "650",
        "--date",
        _day(40),
        "--by",
        "王经办",
    )
    assert app["status"] == "applied" and app["amount_asked"] == 80000
    number = app["number"]
    step = ["fund", "step", number]
    assert _ok(capsys, dbfile, *step, "--review", "--by", "周支书", "--date", _day(38))[
        "status"
    ] == ("reviewed")
    # the 经办人 who entered it cannot approve it (and holds no 审核人 role anyway)
    assert "审核人" in _refused(capsys, dbfile, *step, "--approve", "--by", "王经办")
    approved = _ok(
        capsys, dbfile, *step, "--approve", "--by", "陈书记", "--amount", "700", "--date", _day(36)
    )
    assert approved["status"] == "approved" and approved["amount_approved"] == 70000
    # a step from another state is refused and writes nothing
    steps = _count(dbfile, "fund_step")
    assert "不能初审" in _refused(capsys, dbfile, *step, "--review", "--by", "周支书")
    assert _count(dbfile, "fund_step") == steps
    notice_options = ["--from", _day(30), "--by", "王经办", "--phone", "027-88886666"]
    if "late_reason" in {f.name for f in fields(applications.NoticeInput)}:
        # a notice dated before today is a late entry (补录) and says why; the field arrives
        # with that rule (issue 13), this test runs before and after it
        notice_options += ["--late-reason", "按已张贴的公示补录"]
    notice = _ok(capsys, dbfile, "fund", "notice", number, *notice_options)
    assert notice["number"] and notice["ends_on"] < clock.today().isoformat()

    entries = _count(dbfile, "fund_entry")
    pay = ["fund", "pay", number, "--by", "赵出纳", "--checked-by", "刘会计"]
    over = _refused(capsys, dbfile, *pay, "--amount", "800")
    assert "违反" in over and "批准" in over  # paid ≤ approved, the rule named
    same = ["--by", "刘会计", "--checked-by", "刘会计", "--amount", "700"]
    assert "出纳" in _refused(capsys, dbfile, *pay[:3], *same)
    assert _count(dbfile, "fund_entry") == entries
    how = ["--method", "银行转账", "--place", "上门发放"]
    paid = _ok(capsys, dbfile, *pay, "--amount", "700", *how)
    assert paid["amount"] == -70000 and paid["amount_text"] == "-¥700.00"
    assert paid["application_number"] == number and paid["payment_text"] == "¥700.00"
    listed = _ok(capsys, dbfile, "fund", "list", "--text", number)
    assert [a["status"] for a in listed] == ["paid"]

    reverse = ["fund", "reverse", str(paid["number"]), "--by", "刘会计", "--reason"]
    reversal = _ok(capsys, dbfile, *reverse, "金额错误")
    assert reversal["amount"] == 70000 and reversal["reverses_number"] == paid["number"]
    again = _refused(capsys, dbfile, *reverse, "又错了")
    assert "冲正过" in again
    assert _ok(capsys, dbfile, "fund", "verify")["ok"] is True


def test_refusals_name_the_rule_and_write_nothing(
    dbfile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    entries = _count(dbfile, "fund_entry")
    closed = _ok(capsys, dbfile, "fund", "ledger")  # the demo closed the last complete quarter
    with sqlite3.connect(dbfile) as conn:
        period, starts = conn.execute("SELECT period, starts_on FROM fund_period_close").fetchone()
    income = ["fund", "income", "add", "--account", "红色基金专户", "--source", "财政拨款"]
    err = _refused(capsys, dbfile, *income, "--amount", "100", "--date", starts, "--by", "刘会计")
    assert period in err and "结账" in err
    err = _refused(capsys, dbfile, *income, "--amount", "100", "--by", "赵出纳")
    assert "赵出纳" in err and "经办人" in err  # a 出纳 does not record income
    err = _refused(capsys, dbfile, "--operator", "路人甲", *income, "--amount", "100")  # no --by:
    assert "--by" in err and "路人甲" in err  # the operator is not on the staff list
    err = _refused(capsys, dbfile, *income, "--source", "天上掉的", "--amount", "1")
    assert "财政拨款" in err  # the choices listed
    err = _refused(capsys, dbfile, *income[:3], "--source", "财政拨款", "--amount", "1")
    assert "--account" in err  # two accounts: which one
    err = _refused(capsys, dbfile, "fund", "close", "--period", period, "--by", "刘会计")
    assert "已于" in err and period in err
    err = _refused(capsys, dbfile, "fund", "close", "--period", "2026Q5", "--by", "刘会计")
    assert "2026Q5" in err
    err = _refused(capsys, dbfile, "fund", "reverse", "99999", "--reason", "x", "--by", "刘会计")
    assert "99999" in err
    err = _refused(capsys, dbfile, "fund", "step", "2000-JJ999", "--review", "--by", "周支书")
    assert "找不到" in err
    running = _ok(capsys, dbfile, "fund", "list", "--status", "公示中")
    objection = next(a for a in running if a["open_objections"])
    pay = ["--amount", "1", "--by", "赵出纳", "--checked-by", "刘会计"]
    err = _refused(capsys, dbfile, "fund", "pay", objection["number"], *pay)
    assert "违反" in err
    assert _count(dbfile, "fund_entry") == entries
    assert len(_ok(capsys, dbfile, "fund", "ledger")) == len(closed)


def test_objections_are_recorded_and_resolved(
    dbfile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    running = [
        a
        for a in _ok(capsys, dbfile, "fund", "list", "--status", "on_notice")
        if not a["open_objections"]
    ]
    number = running[0]["number"]
    added = _ok(capsys, dbfile, "fund", "objection", number, "--text", "反映其家中有车辆")
    assert added["application"]["open_objections"] == 1
    resolve = ["fund", "objection", "--resolve", added["id"], "--by", "陈书记", "--outcome"]
    resolved = _ok(capsys, dbfile, *resolve, "异议不成立", "--resolution", "车辆已于去年转让")
    assert resolved["outcome"] == "dismissed"
    row = _ok(capsys, dbfile, "fund", "list", "--text", number)[0]
    assert row["open_objections"] == 0
    err = _refused(capsys, dbfile, *resolve, "dismissed", "--resolution", "x")
    assert "处理过" in err
    assert "--resolve" in _refused(capsys, dbfile, "fund", "objection", number)


def test_higher_approval_rejection_and_withdrawal(
    dbfile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    higher = _ok(capsys, dbfile, "fund", "list", "--status", "pending_higher")[0]["number"]
    step = ["fund", "step", higher, "--by", "陈书记"]
    done = _ok(capsys, dbfile, *step, "--approve-higher", "--opinion", "街道党工委批复同意")
    assert done["status"] == "approved" and done["status_label"] == "待公示"
    waiting = _ok(capsys, dbfile, "fund", "list", "--status", "applied")
    first, second = waiting[0]["number"], waiting[1]["number"]
    err = _refused(capsys, dbfile, "fund", "step", first, "--withdraw", "--by", "王经办")
    assert "意见" in err  # a reason is required
    withdrawn = ["fund", "step", first, "--withdraw", "--by", "王经办", "--opinion", "已获医保报销"]
    assert _ok(capsys, dbfile, *withdrawn)["status"] == "withdrawn"
    reject = ["--reject", "--by", "周支书", "--opinion", "家庭收入高于救助标准"]
    assert _ok(capsys, dbfile, "fund", "step", second, *reject)["status"] == "rejected"
    err = _refused(capsys, dbfile, "fund", "step", second, "--review", "--by", "周支书")
    assert "不予批准" in err


def _tamper(dbfile: str, sql: str) -> None:
    with sqlite3.connect(dbfile) as conn:
        conn.execute(sql)


def _insert_copy_of_last_entry(dbfile: str) -> None:
    """An entry added with plain SQL: a copy of the last one under the next number."""
    with sqlite3.connect(dbfile) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(fund_entry)")]
        values = [
            "'x' || id" if c == "id" else "number + 1" if c == "number" else c for c in columns
        ]
        conn.execute(
            f"INSERT INTO fund_entry ({', '.join(columns)}) SELECT {', '.join(values)}"
            " FROM fund_entry WHERE number = (SELECT max(number) FROM fund_entry)"
        )


def _verify(dbfile: str) -> subprocess.CompletedProcess[str]:
    """``redoffice-cli fund verify`` in a process of its own, as the office runs it."""
    return subprocess.run(
        [sys.executable, "-m", "redoffice.cli", "--db", dbfile, "fund", "verify"],
        capture_output=True,
        text=True,
        check=False,
    )


def test_verify_names_the_entry_changed_removed_or_inserted(
    dbfile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--db", dbfile, "fund", "verify"]) == 0
    assert "台账完整" in capsys.readouterr().out
    copies = {}
    for name in ("changed", "removed", "inserted"):
        copies[name] = str(tmp_path / f"{name}.sqlite")
        Path(copies[name]).write_bytes(Path(dbfile).read_bytes())
    _tamper(copies["changed"], "UPDATE fund_entry SET amount = amount + 100 WHERE number = 3")
    _tamper(copies["removed"], "DELETE FROM fund_entry WHERE number = 5")
    _insert_copy_of_last_entry(copies["inserted"])
    # as the office runs it: a process of its own, its exit code and its one line
    found = _verify(copies["changed"])
    assert found.returncode == 1 and found.stdout == ""
    assert found.stderr.count("\n") == 1 and "第 3 笔" in found.stderr, found.stderr
    assert "改动" in found.stderr
    err = _refused(capsys, copies["removed"], "fund", "verify")
    assert "第 5 笔" in err and "缺失" in err
    err = _refused(capsys, copies["inserted"], "fund", "verify")
    assert "不是由本系统记入" in err
    capsys.readouterr()
    assert main(["--db", copies["changed"], "fund", "verify", "--json"]) == 1
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert result["ok"] is False and result["first_number"] == 3
    assert "第 3 笔" in captured.err


def test_the_fund_reports_are_written(
    dbfile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    apps = _ok(capsys, dbfile, "fund", "list")
    paid = next(a["number"] for a in apps if a["status"] == "paid")
    noticed = next(a["number"] for a in apps if a["status"] == "on_notice")
    ledger = _ok(capsys, dbfile, "fund", "ledger")
    gift = next(e for e in ledger if e["honour"])  # the unit's ¥8,000: a certificate too
    payment = next(e for e in ledger if e["kind"] == "payment")
    quarter = f"{clock.today().year}Q{(clock.today().month - 1) // 3 + 1}"
    reports = {
        "application.pdf": ["fund-application", "--application", paid],
        "notice.pdf": ["fund-notice", "--application", noticed, "--paper", "A3"],
        "receipt.pdf": ["fund-receipt", "--entry", str(gift["number"])],
        "certificate.pdf": ["fund-receipt", "--entry", str(gift["number"]), "--certificate"],
        "slip.pdf": ["fund-slip", "--application", paid],
        "slip2.pdf": ["fund-slip", "--entry", payment["id"]],
        "ledger.pdf": ["fund-ledger", "--from", _day(400), "--to", _day(0)],
        "ledger.xlsx": ["fund-ledger", "--period", quarter, "--account", "红色基金专户"],
        "quarterly.pdf": ["fund-quarterly", "--period", quarter],
    }
    for name, args in reports.items():
        out = tmp_path / name
        assert main(["--db", dbfile, "report", *args, "--out", str(out)]) == 0, name
        assert out.read_bytes()[:4] == (b"PK\x03\x04" if name.endswith("xlsx") else b"%PDF")
    assert "捐赠" in _refused(
        capsys, dbfile, "report", "fund-receipt", "--entry", payment["id"], "--out", "x.pdf"
    )
    waiting = next(a["number"] for a in apps if a["status"] == "applied")
    err = _refused(capsys, dbfile, "report", "fund-notice", "--application", waiting, "--out", "x")
    assert "公示" in err
    err = _refused(capsys, dbfile, "report", "fund-ledger", "--out", str(tmp_path / "x.pdf"))
    assert "--period" in err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.postgresql
def test_fund_commands_on_postgresql(pg_server: str, capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy import create_engine, text

    from tests.core.test_cli import INIT

    admin = create_engine(f"{pg_server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS cli_fund_test"))
        conn.execute(text("CREATE DATABASE cli_fund_test"))
    admin.dispose()
    url = f"{pg_server}/cli_fund_test"
    assert main(["--db-url", url, *INIT]) == 0
    assert main(["--db-url", url, "demo", "--households", "15", "--seed", "2"]) == 0
    where = ["--db-url", url]
    capsys.readouterr()
    assert main([*where, "fund", "list", "--json"]) == 0
    statuses = {a["status"] for a in json.loads(capsys.readouterr().out)}
    assert {"paid", "on_notice", "pending_higher", "rejected", "withdrawn"} <= statuses
    income = ["fund", "income", "add", "--account", "红色基金专户", "--source", "其他"]
    assert main([*where, *income, "--amount", "12.34", "--by", "刘会计", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["amount"] == 1234
    assert main([*where, "fund", "verify", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE fund_entry SET counterparty = 'x' WHERE number = 4"))
    engine.dispose()
    assert main([*where, "fund", "verify"]) == 1
    assert "第 4 笔" in capsys.readouterr().err
