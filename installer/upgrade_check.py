"""Upgrade check (issue 17): version N, frozen from an earlier commit, makes a community's data;
version N+1 (what `make dist` just built) opens the same data folder; every record must still
be there, the keys and the backup too; a database from a newer version must be refused and
left byte for byte as it was.

    python3 installer/upgrade_check.py [--old-commit 237c26b] [--new build/dist/redoffice]

N is built once per commit (cached in build/upgrade/<commit>/): a `git worktree` of the commit
gets this checkout's installer/ (N predates it) and is frozen with the same spec and the same
build environment. Exit 1 on any difference. Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "upgrade-check passphrase 口令"
SAMPLED = ("resident", "household", "visit", "case_record", "meeting", "wish", "fund_entry")


class Failed(Exception):
    pass


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)


def build_old(commit: str, python: Path) -> Path:
    """The frozen one-folder build of ``commit`` (cached)."""
    full = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--verify", f"{commit}^{{commit}}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    cache = ROOT / "build" / "upgrade" / full[:12]
    bundle = cache / "dist" / "redoffice"
    if (bundle / "redoffice-cli").exists() or (bundle / "redoffice-cli.exe").exists():
        return bundle
    tree = cache / "tree"
    if tree.exists():
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False
        )
        shutil.rmtree(tree, ignore_errors=True)
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), full],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        shutil.copytree(ROOT / "installer", tree / "installer", dirs_exist_ok=True)
        for qm in ("redoffice_zh_CN", "qtbase_extra_zh_CN"):  # `make translations` of N
            subprocess.run(
                [
                    str(python.parent / "pyside6-lrelease"),
                    f"resources/i18n/{qm}.ts",
                    "-qm",
                    f"resources/i18n/{qm}.qm",
                ],
                cwd=tree,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        subprocess.run(
            [
                str(python),
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--log-level",
                "WARN",
                "--distpath",
                str(cache / "dist"),
                "--workpath",
                str(cache / "work"),
                "installer/redoffice.spec",
            ],
            cwd=tree,
            check=True,
        )
    finally:
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False
        )
    return bundle


class Program:
    """One frozen version, run in the shared temporary HOME."""

    def __init__(self, folder: Path, home: Path, label: str) -> None:
        exe = ".exe" if sys.platform == "win32" else ""
        self.cli = folder / f"redoffice-cli{exe}"
        self.gui = folder / f"redoffice{exe}"
        self.label = label
        self.env = dict(
            os.environ,
            HOME=str(home),
            USERPROFILE=str(home),
            LOCALAPPDATA=str(home / "AppData/Local"),
            XDG_DATA_HOME=str(home / ".local/share"),
            XDG_CONFIG_HOME=str(home / ".config"),
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
            REDOFFICE_KEY_PASSPHRASE=PASSPHRASE,
            QT_QPA_PLATFORM="offscreen",
        )
        self.env.pop("REDOFFICE_DB", None)

    def run(self, *args: str, expect: int = 0, gui: bool = False) -> str:
        exe = self.gui if gui else self.cli
        done = subprocess.run(
            [str(exe), *args], env=self.env, capture_output=True, timeout=900, check=False
        )
        out = done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")
        _check(
            done.returncode == expect,
            f"{self.label} {' '.join(args)}: exit {done.returncode}, expected {expect}\n{out}",
        )
        print(f"  {self.label:4} {' '.join(args)[:70]:72} exit {done.returncode}")
        return out


def snapshot(db: Path) -> dict[str, Any]:
    """Every table's row count, a few whole records of the main tables, the schema revision."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE '%_fts%' ORDER BY name"
            )
        ]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        records: dict[str, list[dict[str, object]]] = {}
        for table in SAMPLED:
            if table not in counts:
                continue
            cursor = conn.execute(
                f'SELECT * FROM "{table}" WHERE rowid IN (SELECT rowid FROM "{table}" ORDER BY '
                f'rowid LIMIT 3) OR rowid IN (SELECT rowid FROM "{table}" ORDER BY rowid DESC'
                " LIMIT 3) ORDER BY rowid"
            )
            names = [d[0] for d in cursor.description]
            records[table] = [dict(zip(names, row, strict=True)) for row in cursor]
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()
    return {"counts": counts, "records": records, "revision": revision}


def compare(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """What N+1 lost or changed of N's data (new tables and new columns are allowed)."""
    problems = []
    for table, count in before["counts"].items():
        if table == "alembic_version":
            continue
        if table not in after["counts"]:
            problems.append(f"table {table} gone ({count} rows)")
        elif after["counts"][table] != count:
            problems.append(f"{table}: {count} rows before, {after['counts'][table]} after")
    for table, rows in before["records"].items():
        later = after["records"].get(table, [])
        for old, new in zip(rows, later, strict=False):
            changed = {k: (v, new.get(k)) for k, v in old.items() if new.get(k, v) != v}
            if changed:
                problems.append(f"{table} {old.get('id')}: {changed}")
        if len(later) != len(rows):
            problems.append(f"{table}: sampled {len(rows)} records before, {len(later)} after")
    return problems


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fingerprint(program: Program) -> str:
    out = program.run("sync", "keys", "--key-file", "--json")
    return str(json.loads(out[out.index("{") : out.rindex("}") + 1])["fingerprint"])


def check(old: Path, new: Path, work: Path, households: int) -> None:
    home = work / "home"
    home.mkdir()
    n, n1 = Program(old, home, "N"), Program(new, home, "N+1")
    data = home / ".local/share/RedOffice"
    db = data / "redoffice.sqlite"  # the default data folder: neither version is told a path

    n.run(
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
    )
    n.run("demo", "--households", str(households))
    keys_before = _fingerprint(n)
    before = snapshot(db)
    print(
        f"  N:   schema {before['revision']}, {sum(before['counts'].values())} rows in "
        f"{len(before['counts'])} tables"
    )

    n1.run("stats", "--json")  # the first open: backup, then migration
    after = snapshot(db)
    print(
        f"  N+1: schema {after['revision']}, {sum(after['counts'].values())} rows in "
        f"{len(after['counts'])} tables"
    )
    problems = compare(before, after)
    _check(not problems, "records changed by the upgrade:\n  " + "\n  ".join(problems))
    if after["revision"] != before["revision"]:
        backups = sorted((data / "backups").glob("*.sqlite*"))
        _check(bool(backups), f"no backup in {data / 'backups'} before the migration")
        print(f"  backup before the migration: {backups[-1].name}")
    _check(_fingerprint(n1) == keys_before, "the sync keys changed with the upgrade")
    n1.run("audit", "verify")
    n1.run("fund", "verify")
    n1.run("--db", str(db), "--self-test", gui=True)

    # a database from a newer version: refused, not a byte changed, no backup made
    if after["revision"] != before["revision"]:
        _refused_untouched(n, db, data, "N opening N+1's database")
    future = work / "future.sqlite"
    shutil.copy(db, future)
    conn = sqlite3.connect(future)
    # (stays in WAL mode as RedOffice leaves it: switching modes would itself rewrite the header)
    conn.execute("UPDATE alembic_version SET version_num='9999'")
    conn.commit()
    conn.close()
    _refused_untouched(
        n1, future, work, "N+1 opening a database of a future version", "--db", str(future)
    )


def _refused_untouched(program: Program, db: Path, folder: Path, what: str, *db_args: str) -> None:
    digest, files = sha256(db), sorted(p.name for p in folder.rglob("*"))
    out = program.run(*db_args, "stats", "--json", expect=1)
    _check("更新版本" in out, f"{what}: the refusal does not name the newer version: {out}")
    _check(sha256(db) == digest, f"{what}: the database changed")
    now = sorted(p.name for p in folder.rglob("*") if not p.name.endswith(("-wal", "-shm")))
    _check(
        now == [f for f in files if not f.endswith(("-wal", "-shm"))],
        f"{what}: files appeared: {sorted(set(now) - set(files))}",
    )
    print(f"  {what}: refused, unchanged ({out.strip().splitlines()[-1]})")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--old-commit", default="237c26b", help="version N (default: 237c26b)")
    p.add_argument("--old", type=Path, help="an already built N (skips building)")
    p.add_argument("--new", type=Path, default=ROOT / "build/dist/redoffice")
    p.add_argument(
        "--python",
        type=Path,
        default=Path(sys.executable),
        help="the build environment's python (with PyInstaller)",
    )
    p.add_argument("--households", type=int, default=200)
    args = p.parse_args(argv)
    # not resolve(): a virtual environment's python is a link to the base interpreter
    old = args.old or build_old(args.old_commit, args.python.absolute())
    work = Path(tempfile.mkdtemp(prefix="redoffice-upgrade-"))
    print(f"upgrade check: N = {old}, N+1 = {args.new}")
    try:
        check(old, args.new.resolve(), work, args.households)
    except (Failed, subprocess.TimeoutExpired) as exc:
        print(f"upgrade check FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("upgrade check ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
