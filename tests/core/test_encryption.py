"""加密此数据库 (issue 16, decision 0028): the SQLite file encrypted at rest with SQLCipher, its
key in the keyring (or from a passphrase), the recovery key that opens it on another PC, and a
missing or wrong key refused with the file untouched. The keyring is the one stand-in (an
in-memory one; a file one where another process must share it)."""

from __future__ import annotations

import hashlib
import os
import pty
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import keyring
import pytest

from redoffice.cli import main as cli
from redoffice.kit import backups, cipher, restoring
from redoffice.kit.db import Database, copy_sqlite, open_database
from redoffice.kit.errors import UserError
from redoffice.registry import search
from redoffice.registry.search import ResidentQuery
from redoffice.settings.encryption import encrypt_database
from tests.conftest import OPERATOR, Templates
from tests.core.file_keyring import FileKeyring
from tests.core.sync_support import MemoryKeyring, memory_keyring, no_keyring
from tests.factories import add_resident, setup_place

ROOT = Path(__file__).resolve().parents[2]


def names(db: Database) -> list[str]:
    return sorted(r.name for r in search.search_residents(db, ResidentQuery(), limit=100))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def opened(path: Path) -> Database:
    db = open_database(f"sqlite:///{path}")
    db.actor = OPERATOR
    return db


def refused(path: Path) -> str:
    with pytest.raises(UserError) as caught:
        open_database(f"sqlite:///{path}")
    return caught.value.code


@pytest.fixture
def usb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder away from the database's (a USB stick): where a recovery sheet may go."""
    return tmp_path_factory.mktemp("usb")


@pytest.fixture
def ring() -> MemoryKeyring:
    with memory_keyring() as found:
        yield found


def with_wang(sqlite_db: Database) -> Path:
    """The test's database holding one resident, 王小明; its path."""
    _grid, _estate, household = setup_place(sqlite_db)
    add_resident(sqlite_db, "王小明", household=household, relation="0")
    return Path(str(sqlite_db.engine.url.database))


def test_encrypting_keeps_every_row_and_hides_every_name(
    ring: MemoryKeyring, sqlite_db: Database, tmp_path: Path, usb: Path
) -> None:
    path = with_wang(sqlite_db)
    sheet = usb / "恢复密钥单.pdf"
    done = encrypt_database(sqlite_db, sheet)
    assert sqlite_db.closed
    raw = path.read_bytes()
    assert not raw.startswith(b"SQLite format 3") and "王小明".encode() not in raw
    assert not list(tmp_path.glob("*.encrypting*"))
    db = opened(path)
    try:
        assert names(db) == ["王小明"]
        add_resident(db, "李芳", household=None, seq=30)
        assert names(db) == ["李芳", "王小明"]
    finally:
        db.close()
    assert cipher.parse_recovery_key(done.recovery) == cipher.key_for(path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(sheet), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert all(group in text for group in done.recovery.split()), text
    assert done.backup is not None and cipher.is_encrypted(done.backup)
    assert names_in_plain(done.backup) == ["王小明"], "the backup opens with the same key"
    with pytest.raises(UserError) as again:
        encrypt_database(opened(path), usb / "again.pdf")
    assert again.value.code == "db.already_encrypted"


def names_in_plain(path: Path) -> list[str]:
    db = open_database(f"sqlite:///{path}")
    try:
        return names(db)
    finally:
        db.close()


def test_a_missing_or_wrong_key_is_refused_and_the_file_left_byte_identical(
    sqlite_db: Database, tmp_path: Path, usb: Path
) -> None:
    path = with_wang(sqlite_db)
    with memory_keyring():
        recovery = encrypt_database(sqlite_db, usb / "sheet.pdf").recovery
    before = digest(path)
    with memory_keyring() as other_pc:
        assert refused(path) == "db.key_missing"
        assert "恢复密钥" in UserError("db.key_missing", path=str(path)).text
        salt = path.read_bytes()[:16].hex()
        other_pc.set_password("RedOffice", f"database/{salt}", cipher.new_key().hex())
        assert refused(path) == "db.key_wrong"
        assert digest(path) == before
        assert not path.with_name(path.name + "-wal").exists()

        other_pc.secrets.clear()
        with pytest.raises(UserError) as typo:
            cipher.unlock(
                path, recovery.replace(recovery[5], "Z" if recovery[5] != "Z" else "Y", 1)
            )
        assert typo.value.code == "db.recovery_key_wrong"  # well-formed, one character wrong
        assert typo.value.text.startswith("恢复密钥不对（格式正确")
        with pytest.raises(UserError) as short:
            cipher.unlock(path, recovery[:-5])
        assert short.value.code == "db.recovery_key_invalid"  # a group missing
        cipher.unlock(path, recovery.lower().replace(" ", "-").replace("0", "o"))
        db = opened(path)
        try:
            assert names(db) == ["王小明"]
        finally:
            db.close()


def test_another_databases_recovery_key_does_not_open_this_one(
    ring: MemoryKeyring, sqlite_db: Database, tmp_path: Path, sqlite_template: Path, usb: Path
) -> None:
    path = with_wang(sqlite_db)
    encrypt_database(sqlite_db, usb / "sheet.pdf")
    other = tmp_path / "other.sqlite"
    other_recovery = encrypt_database(opened(copy_of(sqlite_template, other)), usb / "o.pdf")
    ring.secrets.clear()
    with pytest.raises(UserError) as caught:
        cipher.unlock(path, other_recovery.recovery)
    assert caught.value.code == "db.recovery_key_wrong"


def copy_of(template: Path, target: Path) -> Path:
    target.write_bytes(template.read_bytes())
    return target


def test_without_a_keyring_the_key_comes_from_a_passphrase(
    sqlite_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    usb: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = with_wang(sqlite_db)
    with no_keyring():
        for given, code in ((None, "db.passphrase_to_encrypt"), ("短口令", "db.passphrase_short")):
            with pytest.raises(UserError) as caught:
                encrypt_database(sqlite_db, usb / "sheet.pdf", given)
            assert caught.value.code == code
        assert not cipher.is_encrypted(path)
        encrypt_database(sqlite_db, usb / "sheet.pdf", "红色工作台的口令")
        assert refused(path) == "db.passphrase_needed"
        assert cli(["--db", str(path), "residents", "list"]) == 1
        said, step = capsys.readouterr().err.splitlines()
        assert "恢复密钥" in said and "REDOFFICE_DB_PASSPHRASE" not in said
        assert step.startswith("命令行：") and cipher.PASSPHRASE_ENV in step
        monkeypatch.setenv(cipher.PASSPHRASE_ENV, "红色工作台的口令X")
        assert refused(path) == "db.passphrase_wrong"
        monkeypatch.setenv(cipher.PASSPHRASE_ENV, "红色工作台的口令")
        db = opened(path)
        try:
            assert names(db) == ["王小明"]
        finally:
            db.close()


def test_encryption_is_refused_while_another_window_has_the_database_open(
    ring: MemoryKeyring, sqlite_db: Database, tmp_path: Path, usb: Path
) -> None:
    path = with_wang(sqlite_db)
    other_window = opened(path)
    try:
        assert names(other_window) == ["王小明"]
        with pytest.raises(UserError) as caught:
            encrypt_database(sqlite_db, usb / "sheet.pdf")
        assert caught.value.code == "db.encrypt_busy"
    finally:
        other_window.close()
    assert not cipher.is_encrypted(path) and names_in_plain(path) == ["王小明"]


def test_a_copy_of_an_encrypted_database_is_encrypted_with_the_same_key(
    ring: MemoryKeyring, sqlite_db: Database, tmp_path: Path, usb: Path
) -> None:
    path = with_wang(sqlite_db)
    encrypt_database(sqlite_db, usb / "sheet.pdf")
    copy = tmp_path / "copy.sqlite"
    copy_sqlite(path, copy)
    assert cipher.is_encrypted(copy) and "王小明".encode() not in copy.read_bytes()
    assert copy.read_bytes()[:16] == path.read_bytes()[:16], "one salt: one keyring entry"
    assert names_in_plain(copy) == ["王小明"]


def test_backups_and_restores_of_an_encrypted_database_stay_encrypted(
    ring: MemoryKeyring, sqlite_db: Database, tmp_path: Path, usb: Path
) -> None:
    path = with_wang(sqlite_db)
    encrypt_database(sqlite_db, usb / "sheet.pdf")
    db = opened(path)
    target = tmp_path / "备份.sqlite"
    try:
        info = backups.backup_to(db, target)
        assert dict(info.counts)["居民"] == 1
        assert cipher.is_encrypted(target) and "王小明".encode() not in target.read_bytes()
        add_resident(db, "李芳", household=None, seq=30)
        aside = restoring.restore(db, target).aside
    finally:
        db.close()
    assert cipher.is_encrypted(aside)
    assert names_in_plain(path) == ["王小明"]


def test_the_cli_encrypts_and_another_pc_unlocks_with_the_recovery_key(
    ring: MemoryKeyring,
    sqlite_db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    usb: Path,
) -> None:
    path = with_wang(sqlite_db)
    sqlite_db.close()
    sheet = usb / "单.pdf"
    assert cli(["--db", str(path), "db", "encrypt", "--recovery-sheet", str(sheet)]) == 0
    printed = capsys.readouterr().out
    recovery = printed.split("恢复密钥：")[1].strip()
    assert sheet.exists() and cipher.is_encrypted(path)
    ring.secrets.clear()
    assert cli(["--db", str(path), "residents", "list"]) == 1
    said, step = capsys.readouterr().err.splitlines()
    assert "恢复密钥" in said and "redoffice-cli" not in said  # as the window's key dialog says
    assert step.startswith("命令行：redoffice-cli db unlock --recovery-key")
    assert cli(["--db", str(path), "db", "unlock", "--recovery-key", "0000"]) == 1
    assert "14 组" in capsys.readouterr().err
    assert cli(["--db", str(path), "db", "unlock", "--recovery-key", recovery]) == 0
    capsys.readouterr()
    assert cli(["--db", str(path), "residents", "list"]) == 0
    assert "王小明" in capsys.readouterr().out


def test_killed_at_any_moment_the_file_is_whole_plain_or_whole_encrypted(
    templates: Templates, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, usb: Path
) -> None:
    """``db encrypt`` in another process, killed (SIGKILL) at moments spread over its run (from a
    tenth of a whole run's time, so that a busy machine's slower first run still leaves kills
    before the end): the file is each time either the whole plain one (integrity check passed,
    every table's rows) or the encrypted one that opens (where running it again finishes the
    backups' encryption)."""
    template = templates.demo(300, 5)
    monkeypatch.setenv("REDOFFICE_TEST_KEYRING", str(tmp_path / "keyring.json"))
    env = os.environ | {
        "PYTHON_KEYRING_BACKEND": "tests.core.file_keyring.FileKeyring",
        "PYTHONPATH": str(ROOT),
    }
    path = tmp_path / "run.sqlite"
    command = [sys.executable, "-m", "redoffice.cli", "--db", str(path), "db", "encrypt"]
    command += ["--recovery-sheet", str(usb / "单.pdf")]
    fresh(template, path)
    started = time.monotonic()
    assert subprocess.run(command, env=env, capture_output=True, check=False).returncode == 0
    full = time.monotonic() - started
    outcomes = [
        killed_run(command, env, template, path, full * tenth / 10) for tenth in range(1, 11)
    ]
    assert set(outcomes) <= {"plain", "encrypted"} and "plain" in outcomes, outcomes


def fresh(template: Path, path: Path) -> dict[str, int]:
    """``path`` a copy of ``template`` again, nothing beside it; its rows per table."""
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    path.write_bytes(template.read_bytes())
    return rows(path)


def rows(path: Path) -> dict[str, int]:
    """The rows of every table of a plain file, after SQLite's integrity check passed."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for (t,) in tables}
    finally:
        conn.close()


def killed_run(
    command: list[str], env: dict[str, str], template: Path, path: Path, after: float
) -> str:
    """``command`` killed ``after`` seconds: the file plain and whole, or encrypted — and then
    加密此数据库 again leaves no plain copy in the backup folder."""
    sheet = Path(command[-1])
    plain = fresh(template, path)
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    time.sleep(after)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    if not cipher.is_encrypted(path):
        assert rows(path) == plain
        return "plain"
    keyring.set_keyring(FileKeyring())
    try:
        with pytest.raises(UserError) as again:  # run again: finishes what the kill left
            encrypt_database(open_database(f"sqlite:///{path}"), sheet)
    finally:
        keyring.set_keyring(MemoryKeyring())
    assert again.value.code == "db.already_encrypted"
    copies = (path.parent / "backups").glob("*.sqlite")
    assert not [c for c in copies if c.read_bytes().startswith(cipher.PLAIN_HEADER)]
    return "encrypted"


def test_the_recovery_sheet_is_asked_for_and_never_beside_the_database(
    ring: MemoryKeyring, sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = with_wang(sqlite_db)
    sqlite_db.close()
    before = digest(path)
    assert cli(["--db", str(path), "db", "encrypt"]) == 1
    assert "--recovery-sheet" in capsys.readouterr().err
    for beside in (tmp_path / "单.pdf", tmp_path / "backups" / "单.pdf"):
        assert cli(["--db", str(path), "db", "encrypt", "--recovery-sheet", str(beside)]) == 1
        assert "不能保存在数据库所在的文件夹" in capsys.readouterr().err
        assert not beside.exists()
    assert digest(path) == before and not (tmp_path / "backups").exists()


PROMPTS = ("数据库口令（至少 8 位）：", "再输入一次数据库口令：")


def encrypt_in_a_terminal(path: Path, sheet: Path, answers: list[str]) -> tuple[int, str]:
    """``db encrypt`` in another process on a terminal (a pseudo-terminal) and without a
    keyring, answering each passphrase prompt in turn; its exit status and what it showed."""
    env = os.environ | {
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "PYTHONPATH": str(ROOT),
    }
    env.pop(cipher.PASSPHRASE_ENV, None)
    command = [sys.executable, "-m", "redoffice.cli", "--db", str(path), "db", "encrypt"]
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, its terminal the pseudo-terminal
        os.execve(sys.executable, [*command, "--recovery-sheet", str(sheet)], env)
    shown, given = b"", 0
    while True:
        try:
            chunk = os.read(fd, 1024)
        except OSError:  # the child has ended (EIO)
            break
        if not chunk:
            break
        shown += chunk  # a prompt may come in pieces, a character split between them
        # one answer per prompt shown, never earlier: getpass flushes what was typed before
        if given < min(len(answers), sum(shown.count(p.encode()) for p in PROMPTS)):
            os.write(fd, (answers[given] + "\n").encode())
            given += 1
    os.close(fd)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), shown.decode("utf-8", "replace")


def test_without_a_keyring_the_cli_asks_the_passphrase_twice(
    sqlite_db: Database, tmp_path: Path, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = with_wang(sqlite_db)
    sqlite_db.close()
    sheet = usb / "单.pdf"
    code, shown = encrypt_in_a_terminal(path, sheet, ["红色工作台的口令", "红色工作台的口令X"])
    assert code == 1 and "两次输入的数据库口令不一致" in shown, shown
    assert not cipher.is_encrypted(path) and not sheet.exists()
    assert not (tmp_path / "backups").exists(), "nothing written"
    code, shown = encrypt_in_a_terminal(path, sheet, ["红色工作台的口令"] * 2)
    assert code == 0 and "再输入一次" in shown, shown
    assert cipher.is_encrypted(path) and sheet.exists()
    monkeypatch.setenv(cipher.PASSPHRASE_ENV, "红色工作台的口令")
    with no_keyring():
        assert names_in_plain(path) == ["王小明"]
