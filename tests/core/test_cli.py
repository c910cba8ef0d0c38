"""redoffice-cli: same services, JSON output, exit codes, no Qt."""

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from redoffice import __version__
from redoffice.cli import main
from tests.conftest import Templates

INIT = [
    "init",
    "--community-name",
    "幸福社区",
    "--community-code",
    "420106001001",
    "--street-name",
    "中南路街道",
    "--street-code",
    "420106001",
    "--operator",
    "张秘书",
]


def cli_demo(households: int, seed: int) -> Callable[[Path], None]:
    """A database made as the office makes one: ``init``, then ``demo``."""

    def recipe(path: Path) -> None:
        assert main(["--db", str(path), *INIT]) == 0
        demo = ["demo", "--households", str(households), "--seed", str(seed)]
        assert main(["--db", str(path), *demo]) == 0

    return recipe


@pytest.fixture
def dbfile(templates: Templates, tmp_path: Path) -> Path:
    return templates.copy("cli-40-5", cli_demo(40, 5), tmp_path / "cli.sqlite")


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    capsys.readouterr()
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_residents_list_json_has_the_documented_fields(
    dbfile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = run_json(capsys, "--db", str(dbfile), "residents", "list", "--json")
    assert isinstance(rows, list) and len(rows) > 40
    keys = {
        "id",
        "name",
        "gender",
        "birth_date",
        "id_number_masked",
        "phone_masked",
        "household_id",
        "address",
        "grid",
        "tags",
        "party_member",
    }
    assert keys <= set(rows[0])
    assert all("*" in r["id_number_masked"] for r in rows)


def test_list_by_grid_and_tag(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    all_rows = run_json(capsys, "--db", str(dbfile), "residents", "list", "--json")
    g1 = run_json(capsys, "--db", str(dbfile), "residents", "list", "--grid", "G001", "--json")
    assert 0 < len(g1) < len(all_rows)  # type: ignore[arg-type]
    assert {r["grid"] for r in g1} == {"第1网格"}  # type: ignore[union-attr]
    old = run_json(capsys, "--db", str(dbfile), "residents", "list", "--tag", "高龄", "--json")
    assert old and all("高龄" in r["tags"] for r in old)  # type: ignore[union-attr]


def test_search_finds_by_initials(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = run_json(capsys, "--db", str(dbfile), "residents", "list", "--json")
    first = rows[0]  # type: ignore[index]
    from redoffice.registry.residents import pinyin_keys

    initials = pinyin_keys(first["name"])[1]
    found = run_json(capsys, "--db", str(dbfile), "residents", "search", initials, "--json")
    assert first["id"] in [r["id"] for r in found]  # type: ignore[union-attr]


def test_stats_json(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_json(capsys, "--db", str(dbfile), "stats", "--json")
    assert result["households"] == 40  # type: ignore[index]
    assert sum(g["households"] for g in result["by_grid"]) == 40  # type: ignore[index]


def test_user_error_is_one_line_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "x.sqlite"), "stats"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "找不到数据库文件" in err and "Traceback" not in err


def test_unknown_grid_is_a_user_error(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(dbfile), "residents", "list", "--grid", "NOPE"]) == 1
    assert "NOPE" in capsys.readouterr().err


def test_second_init_is_refused(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(dbfile), *INIT]) == 1
    assert "已初始化" in capsys.readouterr().err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["residents", "frobnicate"])
    assert info.value.code == 2


def test_environment_variable_chooses_the_database(
    dbfile: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDOFFICE_DB", str(dbfile))
    result = run_json(capsys, "stats", "--json")
    assert result["households"] == 40  # type: ignore[index]


def test_version_and_no_qt_in_the_core() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "redoffice.cli", "--version"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert __version__ in out
    probe = (
        "import sys, redoffice.cli, redoffice.demo.build, redoffice.registry.search, "
        "redoffice.registry.stats, redoffice.kit.db; "
        "assert 'PySide6' not in sys.modules, 'core imports Qt'"
    )
    subprocess.run([sys.executable, "-c", probe], check=True)


@pytest.mark.postgresql
def test_cli_on_postgresql(
    pg_server: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(f"{pg_server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS cli_test"))
        conn.execute(text("CREATE DATABASE cli_test"))
    admin.dispose()
    url = f"{pg_server}/cli_test"
    assert main(["--db-url", url, *INIT]) == 0
    assert main(["--db-url", url, "demo", "--households", "15", "--seed", "2"]) == 0
    result = run_json(capsys, "--db-url", url, "stats", "--json")
    assert result["households"] == 15  # type: ignore[index]
    rows = run_json(capsys, "--db-url", url, "residents", "list", "--json")
    assert len(rows) == result["residents"]  # type: ignore[arg-type,index]
    name = rows[0]["name"]  # type: ignore[index]
    found = run_json(capsys, "--db-url", url, "residents", "search", name[-2:], "--json")
    assert name in [r["name"] for r in found]  # type: ignore[union-attr]


def test_init_checks_the_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = list(INIT)  # the 9- and 6-digit codes earlier versions took
    old[old.index("--community-code") + 1] = "420106001"
    old[old.index("--street-code") + 1] = "420106"
    assert main(["--db", str(tmp_path / "new.sqlite"), *old]) == 1
    err = capsys.readouterr().err
    assert "应为12位数字的统计用区划代码" in err and "应为9位数字的统计用区划代码" in err
