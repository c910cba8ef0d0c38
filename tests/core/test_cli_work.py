"""visits / cases / report commands."""

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from redoffice.cli import main
from redoffice.kit import clock
from tests.conftest import Templates
from tests.core.test_cli import cli_demo

pytestmark = pytest.mark.dates  # also run at other dates by `make test`


@pytest.fixture
def dbfile(templates: Templates, tmp_path: Path) -> str:
    return str(templates.copy("cli-20-4", cli_demo(20, 4), tmp_path / "work.sqlite"))


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def _staff_name(dbfile: str) -> str:
    import sqlite3

    return str(sqlite3.connect(dbfile).execute("SELECT name FROM staff LIMIT 1").fetchone()[0])


def _visited_since(dbfile: str, day: str) -> int:
    """Households with a visit from ``day`` on (none in the first days of January)."""
    import sqlite3

    sql = "SELECT count(DISTINCT household_id) FROM visit WHERE NOT deleted AND visit_date >= ?"
    return int(sqlite3.connect(dbfile).execute(sql, (day,)).fetchone()[0])


def test_visit_then_due_list(dbfile: str, capsys: pytest.CaptureFixture[str]) -> None:
    due = _json(capsys, "--db", dbfile, "visits", "due", "--json")
    assert 0 < len(due) < 20  # the demo visited most households lately
    household = str(due[0]["household_id"])
    mine = _json(capsys, "--db", dbfile, "visits", "due", "--worker", _staff_name(dbfile), "--json")
    assert {d["grid"] for d in mine} <= {d["grid"] for d in due} and len(mine) < len(due)
    assert (
        main(
            [
                "--db",
                dbfile,
                "visits",
                "add",
                "--household",
                household,
                "--date",
                clock.today().isoformat(),
                "--visitor",
                _staff_name(dbfile),
                "--purpose",
                "听民意",
            ]
        )
        == 0
    )
    after = _json(capsys, "--db", dbfile, "visits", "due", "--json")
    assert household not in [d["household_id"] for d in after]


def test_case_lifecycle(dbfile: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "--db",
                dbfile,
                "cases",
                "add",
                "--category",
                "环境卫生",
                "--urgency",
                "一般",
                "--description",
                "垃圾桶满了没人清",
                "--source",
                "12345热线",
            ]
        )
        == 0
    )
    case_id = capsys.readouterr().out.strip()
    (case,) = [
        c for c in _json(capsys, "--db", dbfile, "cases", "list", "--json") if c["id"] == case_id
    ]
    number = str(case["number"])
    assert (case["status"], case["source"]) == ("受理", "12345热线")
    assert main(["--db", dbfile, "cases", "transition", number, "--to", "办理中"]) == 0
    capsys.readouterr()
    assert main(["--db", dbfile, "cases", "transition", number, "--to", "已办结"]) == 1
    assert "办结须填写说明" in capsys.readouterr().err
    done = ["cases", "transition", number, "--to", "已办结", "--note", "已通知环卫清运"]
    assert main(["--db", dbfile, *done]) == 0
    assert (
        main(
            [
                "--db",
                dbfile,
                "cases",
                "transition",
                number,
                "--to",
                "已回访",
                "--satisfaction",
                "满意",
            ]
        )
        == 0
    )
    called_back = _json(capsys, "--db", dbfile, "cases", "list", "--status", "已回访", "--json")
    assert [c["satisfaction"] for c in called_back if c["id"] == case_id] == ["满意"]


def test_refused_transition_is_a_one_line_user_error(
    dbfile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "--db",
                dbfile,
                "cases",
                "add",
                "--category",
                "其他",
                "--urgency",
                "紧急",
                "--description",
                "x",
            ]
        )
        == 0
    )
    case_id = capsys.readouterr().out.strip()
    assert main(["--db", dbfile, "cases", "transition", case_id, "--to", "已办结"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "不能改为" in err
    assert (
        main(
            [
                "--db",
                dbfile,
                "cases",
                "add",
                "--category",
                "其他",
                "--urgency",
                "很急",
                "--description",
                "x",
            ]
        )
        == 1
    )
    assert "紧急程度" in capsys.readouterr().err


def test_reports_are_written(
    dbfile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    household = str(_json(capsys, "--db", dbfile, "visits", "due", "--json")[0]["household_id"])
    form, ledger = tmp_path / "form.pdf", tmp_path / "ledger.pdf"
    assert (
        main(["--db", dbfile, "report", "visit-form", "--household", household, "--out", str(form)])
        == 0
    )
    assert (
        main(
            ["--db", dbfile, "report", "case-ledger", "--from", "2026-01-01", "--out", str(ledger)]
        )
        == 0
    )
    assert form.read_bytes().startswith(b"%PDF") and ledger.read_bytes().startswith(b"%PDF")
    assert (
        main(["--db", dbfile, "report", "case-ledger", "--out", str(tmp_path / "no" / "x.pdf")])
        == 1
    )
    assert "无法写入文件" in capsys.readouterr().err


def test_coverage_and_statistics(dbfile: str, capsys: pytest.CaptureFixture[str]) -> None:
    report = _json(capsys, "--db", dbfile, "visits", "coverage", "--period", "本年度", "--json")
    rows: list[dict[str, object]] = report["rows"]  # type: ignore[call-overload]
    total = rows[0]
    assert total["label"] == "全社区" and total["households"] == 20
    assert total["visited"] == _visited_since(dbfile, f"{clock.today().year}-01-01")
    assert {r["kind"] for r in rows} >= {"网格"}
    stats = _json(capsys, "--db", dbfile, "cases", "stats", "--by", "月份", "--json")
    assert stats[-1]["key"] == "合计"
    assert sum(int(str(r["total"])) for r in stats[:-1]) == stats[-1]["total"]
    capsys.readouterr()
    assert main(["--db", dbfile, "cases", "stats", "--by", "颜色"]) == 1
    assert "类别、网格、月份" in capsys.readouterr().err


def test_meetings_and_their_reports(
    dbfile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = _json(capsys, "--db", dbfile, "meetings", "list", "--json")
    assert len(listed) >= 12 and {m["kind"] for m in listed} == {"三方联席会议"}
    open_ = _json(capsys, "--db", dbfile, "meetings", "list", "--open-resolutions", "--json")
    assert open_ and {r["status"] for r in open_} <= {"待办", "推进中"}
    number = str(listed[0]["number"])
    sign_in, minutes = tmp_path / "sign.pdf", tmp_path / "minutes.pdf"
    pdf, xlsx = tmp_path / "follow.pdf", tmp_path / "follow.xlsx"
    for args in (
        ["sign-in", "--meeting", number, "--out", str(sign_in)],
        ["minutes", "--meeting", number, "--out", str(minutes)],
        ["resolutions", "--out", str(pdf)],
        ["resolutions", "--open", "--out", str(xlsx)],
    ):
        assert main(["--db", dbfile, "report", *args]) == 0, args
    for path in (sign_in, minutes, pdf):
        assert path.read_bytes().startswith(b"%PDF")
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).active
    assert sheet is not None and sheet.max_row == 1 + len(open_)
    capsys.readouterr()
    assert (
        main(["--db", dbfile, "report", "minutes", "--meeting", "1999-H999", "--out", str(minutes)])
        == 1
    )
    assert "找不到该会议" in capsys.readouterr().err


def test_excel_commands(dbfile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exported, template = tmp_path / "居民.xlsx", tmp_path / "模板.xlsx"
    assert main(["--db", dbfile, "export-excel", "residents", str(exported), "--unmasked"]) == 0
    assert main(["--db", dbfile, "template", "residents", str(template)]) == 0
    summary = _json(capsys, "--db", dbfile, "import-excel", str(exported), "--dry-run", "--json")
    assert summary["rows"] == summary["unchanged"] and summary["failed"] == 0  # type: ignore[call-overload]
    failures = tmp_path / "失败.xlsx"
    result = _json(
        capsys, "--db", dbfile, "import-excel", str(template), "--json", "--failures", str(failures)
    )
    assert result["failed"] == 1 and failures.exists()  # type: ignore[call-overload]
    error = result["errors"][0]  # type: ignore[call-overload]
    assert error["row"] == 2 and error["column"] and error["message"]
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"junk")
    capsys.readouterr()
    assert main(["--db", dbfile, "import-excel", str(broken)]) == 1
    assert "无法读取文件" in capsys.readouterr().err


def test_wish_commands(dbfile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    waiting = _json(capsys, "--db", dbfile, "wishes", "list", "--status", "待认领", "--json")
    assert waiting and {w["status"] for w in waiting} == {"published"}
    keys = {"id", "number", "status", "round", "beneficiary_id", "beneficiary_name", "wish"}
    assert keys | {"category", "estimated_value", "claimer_name"} <= set(waiting[0])
    members = _json(capsys, "--db", dbfile, "wishes", "members", "--json")
    member = str(members[0]["id"])
    units = _json(capsys, "--db", dbfile, "wishes", "units", "--json")
    assert units and {"id", "name", "contact_person", "members"} <= set(units[0])
    number = str(waiting[0]["number"])
    db = ["--db", dbfile, "--operator", "书记"]
    assert main([*db, "wishes", "claim", number, "--member", member]) == 0
    assert "已认领" in capsys.readouterr().out
    assert main([*db, "wishes", "claim", number, "--member", member]) == 1
    assert "只能有一个有效认领" in capsys.readouterr().err
    today = clock.today().isoformat()
    assert main([*db, "wishes", "fulfil", number, "--date", today, "--value", "88"]) == 0
    done = _json(capsys, "--db", dbfile, "wishes", "list", "--status", "fulfilled", "--json")
    assert number in [w["number"] for w in done]
    by_claimer = _json(capsys, "--db", dbfile, "wishes", "stats", "--by", "认领人", "--json")
    assert by_claimer[-1]["key"] == "合计" and int(by_claimer[-1]["fulfilled"]) >= 1  # type: ignore[call-overload]
    board, service = tmp_path / "board.pdf", tmp_path / "service.pdf"
    assert main(["--db", dbfile, "report", "wish-board", "--round", "2", "--out", str(board)]) == 0
    args = ["--member", member, "--from", "2026-01-01", "--to", today, "--out", str(service)]
    assert main(["--db", dbfile, "report", "member-service", *args]) == 0
    assert board.read_bytes().startswith(b"%PDF") and service.read_bytes().startswith(b"%PDF")


def test_a_draft_meeting_is_cancelled_from_the_command_line(
    dbfile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = _json(capsys, "--db", dbfile, "meetings", "list", "--json")
    draft = next(m for m in listed if m["status"] == "草稿")
    final = next(m for m in listed if m["status"] == "已定稿")
    cancel = ["--db", dbfile, "meetings", "cancel", str(draft["number"]), "--reason", "延期"]
    assert main(cancel) == 0
    assert f"会议 {draft['number']} 已取消" in capsys.readouterr().out
    again = _json(capsys, "--db", dbfile, "meetings", "list", "--json")
    assert next(m for m in again if m["id"] == draft["id"])["status"] == "已取消"
    assert main(["--db", dbfile, "meetings", "cancel", str(final["number"]), "--reason", "x"]) == 1
    assert "纪要已定稿，会议不能再修改或取消" in capsys.readouterr().err


def test_a_draft_meeting_is_corrected_from_the_command_line(
    dbfile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """修改 as on the meetings page: a draft's fields change, the rest is kept; a final one is
    refused with the service's reason; nothing to change is refused too."""
    listed = _json(capsys, "--db", dbfile, "meetings", "list", "--json")
    draft = next(m for m in listed if m["status"] == "草稿")
    final = next(m for m in listed if m["status"] == "已定稿")
    estate = str(next(m for m in listed if m["estates"])["estates"]).split("、")[0]
    later = (date.fromisoformat(str(draft["meeting_date"])) + timedelta(days=1)).isoformat()
    db = ["--db", dbfile, "meetings", "correct"]
    args = ["--title", "电梯加装协调会（改期）", "--date", later, "--estate", estate]
    assert main([*db, str(draft["number"]), *args]) == 0
    assert f"会议 {draft['number']} 已修改" in capsys.readouterr().out
    after = next(m for m in _json(capsys, "--db", dbfile, "meetings", "list", "--json")
                 if m["id"] == draft["id"])  # fmt: skip
    assert (after["title"], after["meeting_date"], after["estates"]) == (
        "电梯加装协调会（改期）", later, estate,
    )  # fmt: skip
    assert (after["kind"], after["status"]) == (draft["kind"], "草稿")
    assert main([*db, str(final["number"]), "--title", "改名"]) == 1
    assert "纪要已定稿，会议不能再修改或取消" in capsys.readouterr().err
    assert main([*db, str(draft["number"])]) == 1
    assert "没有要修改的内容" in capsys.readouterr().err
    assert main([*db, str(draft["number"]), "--estate", "不存在的小区"]) == 1
    assert "找不到名为“不存在的小区”的小区" in capsys.readouterr().err


def test_a_cancelled_meeting_has_no_minutes_to_print(
    dbfile: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    listed = _json(capsys, "--db", dbfile, "meetings", "list", "--json")
    draft = str(next(m for m in listed if m["status"] == "草稿")["number"])
    out = tmp_path / "纪要.pdf"
    assert main(["--db", dbfile, "report", "minutes", "--meeting", draft, "--out", str(out)]) == 0
    out.unlink()
    assert main(["--db", dbfile, "meetings", "cancel", draft, "--reason", "延期"]) == 0
    assert main(["--db", dbfile, "meetings", "correct", draft, "--title", "x"]) == 1
    assert f"会议 {draft} 已取消，不能再修改" in capsys.readouterr().err
    for report in ("minutes", "sign-in"):
        assert main(["--db", dbfile, "report", report, "--meeting", draft, "--out", str(out)]) == 1
        assert f"会议 {draft} 已取消，没有会议纪要或签到表可打印" in capsys.readouterr().err
        assert not out.exists()
