"""``redoffice-cli sync …`` (issue 14): the round trip from the command line, two databases,
files in between (the street on SQLite and on PostgreSQL); a refused package exits 1 with one
Chinese line (and JSON with ``--json``)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from redoffice.cli import main
from redoffice.kit import backups
from tests.conftest import run_admin
from tests.core.sync_support import BACKENDS, memory_keyring
from tests.core.test_cli import INIT

STREET = [
    "init",
    "--street",
    "--street-name",
    "中南路街道",
    "--street-code",
    "420106",
    "--operator",
    "王主任",
]


@pytest.fixture(autouse=True)
def _keyring() -> Iterator[None]:
    with memory_keyring():
        yield


@pytest.fixture(params=BACKENDS)
def street_at(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path | str]:
    """Where the street office's database is: a SQLite file, or an empty PostgreSQL database
    (``--db-url``) that ``init --street`` sets up."""
    if request.param == "sqlite":
        yield tmp_path / "s.sqlite"
        return
    server = request.getfixturevalue("pg_server")
    name = f"cli_street_{os.getpid()}"
    run_admin(server, f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}")
    try:
        yield f"{server}/{name}"
    finally:
        run_admin(server, f"DROP DATABASE {name}")


def run(capsys: pytest.CaptureFixture[str], db: Path | str, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    where = ["--db-url", db] if isinstance(db, str) else ["--db", str(db)]
    code = main([*where, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(capsys: pytest.CaptureFixture[str], db: Path | str, *args: str) -> Any:
    code, out, err = run(capsys, db, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_the_round_trip_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], street_at: Path | str
) -> None:
    c, s, usb = tmp_path / "c.sqlite", street_at, tmp_path / "usb"
    usb.mkdir()
    assert run(capsys, c, *INIT)[0] == 0
    code, out, _err = run(capsys, s, *STREET)
    assert code == 0 and "已初始化街道办" in out
    c_keys = run_json(capsys, c, "sync", "keys")
    s_keys = run_json(capsys, s, "sync", "keys")
    assert len(c_keys["fingerprint"]) == 40 and c_keys["store"] == "keyring"
    assert run(capsys, c, "sync", "enrol-export", "--out", str(tmp_path / "c.enrol"))[0] == 0
    assert run(capsys, s, "sync", "enrol-export", "--out", str(tmp_path / "s.enrol"))[0] == 0
    code, _out, err = run(capsys, s, "sync", "enrol-import", str(tmp_path / "c.enrol"))
    assert code == 1 and c_keys["fingerprint_grouped"] in err
    peer = run_json(
        capsys,
        s,
        "sync",
        "enrol-import",
        str(tmp_path / "c.enrol"),
        "--fingerprint",
        c_keys["fingerprint_grouped"],
    )
    assert peer["name"] == "幸福社区"
    run_json(
        capsys,
        c,
        "sync",
        "enrol-import",
        str(tmp_path / "s.enrol"),
        "--fingerprint",
        s_keys["fingerprint"],
    )
    sent = run_json(capsys, c, "sync", "export", "--out", str(usb))
    assert set(sent) >= {"file", "seq_from", "seq_to", "records", "bytes"}
    got = run_json(capsys, s, "sync", "import", sent["file"])
    assert got["status"] == "applied" and got["conflicts"] == []
    if isinstance(s, Path):  # a verified copy of the street's file first (issue 16)
        assert [c.kind for c in backups.copies(s.resolve())] == ["同步导入前"]
    again = run_json(capsys, s, "sync", "import", sent["file"])
    assert again["status"] == "duplicate" and again["records"] == 0
    acked = run_json(capsys, c, "sync", "ack-import", got["ack"])
    assert acked["acked_seq"] == sent["seq_to"]
    [street] = run_json(capsys, c, "sync", "status")
    assert street["acked_seq"] == sent["seq_to"] == street["sent_seq"]
    [community] = run_json(capsys, s, "sync", "peers")
    assert community["status"] == "enrolled"
    # a refused package: exit 1, one line, JSON too
    broken = usb / "broken.rosync"
    broken.write_bytes(Path(sent["file"]).read_bytes()[:100])
    code, out, err = run(capsys, s, "sync", "import", str(broken))
    assert code == 1 and err.startswith("错误：") and "不完整" in err and err.count("\n") == 1
    code, out, _err = run(capsys, s, "sync", "import", str(broken), "--json")
    assert code == 1 and json.loads(out)["status"] == "refused"
    code, out, _err = run(capsys, s, "sync", "revoke", community["node_id"])
    assert code == 0 and "已撤销" in out
    later = run_json(capsys, c, "sync", "export", "--out", str(usb))
    code, _out, err = run(capsys, s, "sync", "import", later["file"])
    assert code == 1 and "已撤销登记" in err
