"""Run what `make dist` built: the frozen ``redoffice --self-test`` (offscreen) and
``redoffice-cli``'s core commands, each in a fresh temporary HOME (data folder, key file), and
fail (exit 1) when any of them fails or gives the wrong result.

    python3 installer/smoke_test.py build/dist/redoffice        # the one-folder build
    python3 installer/smoke_test.py /opt/redoffice               # an installed .deb

Standard library only: it runs with any Python 3.11, not inside the build.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "smoke-test passphrase 口令"


class Failed(Exception):
    pass


class Runner:
    def __init__(self, folder: Path, home: Path) -> None:
        exe = ".exe" if sys.platform == "win32" else ""
        self.gui = folder / f"redoffice{exe}"
        self.cli = folder / f"redoffice-cli{exe}"
        self.home = home
        self.env = dict(
            os.environ,
            HOME=str(home),
            USERPROFILE=str(home),
            LOCALAPPDATA=str(home / "AppData/Local"),
            APPDATA=str(home / "AppData/Roaming"),
            XDG_DATA_HOME=str(home / ".local/share"),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_CACHE_HOME=str(home / ".cache"),
            # no keyring of the user's is touched: the keys go to a passphrase-protected file
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
            REDOFFICE_KEY_PASSPHRASE=PASSPHRASE,
            QT_QPA_PLATFORM="offscreen",
        )
        self.env.pop("REDOFFICE_DB", None)
        self.results: list[tuple[str, float, str]] = []

    def run(self, what: str, command: list[str], timeout: int = 600) -> str:
        started = time.monotonic()
        done = subprocess.run(
            command, env=self.env, capture_output=True, timeout=timeout, check=False
        )
        seconds = time.monotonic() - started
        out = done.stdout.decode("utf-8", "replace")
        err = done.stderr.decode("utf-8", "replace")
        if done.returncode != 0:
            self.results.append((what, seconds, f"FAILED (exit {done.returncode})"))
            raise Failed(f"{what}: exit {done.returncode}\n$ {' '.join(command)}\n{out}\n{err}")
        self.results.append((what, seconds, "ok"))
        return out

    def cli_run(self, what: str, db: Path, *args: str) -> str:
        return self.run(what, [str(self.cli), "--db", str(db), *args])


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)


def smoke(r: Runner, work: Path, households: int) -> None:
    r.home.mkdir()
    c, s = work / "社区.sqlite", work / "街道.sqlite"

    out = r.run("redoffice --self-test", [str(r.gui), "--self-test"])
    # a windowed Windows program may have no stdout (launch_gui.py): its exit code says it all
    if out or sys.platform != "win32":
        _check("self-test ok" in out, f"--self-test said: {out!r}")
    out = r.run("redoffice-cli --help", [str(r.cli), "--help"])
    _check("redoffice-cli" in out or "usage" in out, "no help text")

    r.cli_run(
        "init",
        c,
        "init",
        *("--community-name", "幸福社区", "--community-code", "420106001001"),
        *("--street-name", "中南路街道", "--street-code", "420106001", "--operator", "张秘书"),
    )
    r.cli_run(f"demo --households {households}", c, "demo", "--households", str(households))
    stats = json.loads(r.cli_run("stats --json", c, "stats", "--json"))
    _check(stats.get("households", 0) >= households, f"stats after the demo: {stats}")
    r.cli_run("audit verify", c, "audit", "verify")
    r.cli_run("fund verify", c, "fund", "verify")

    pdf = work / "民情台账.pdf"
    r.cli_run(
        "report case-ledger (PDF)",
        c,
        "report",
        "case-ledger",
        "--from",
        "2000-01-01",
        "--out",
        str(pdf),
    )
    _check(pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 2000, "not a PDF")
    _check_pdf_font(pdf)
    xlsx = work / "居民.xlsx"
    r.cli_run("export-excel residents", c, "export-excel", "residents", str(xlsx))
    _check(xlsx.read_bytes()[:2] == b"PK" and xlsx.stat().st_size > 5000, "not a workbook")
    dry = json.loads(
        r.cli_run(
            "import-excel --dry-run (calamine)", c, "import-excel", str(xlsx), "--dry-run", "--json"
        )
    )
    _check(isinstance(dry, dict), f"import-excel --dry-run: {dry}")

    # sync: a community and its street office exchange enrolments, the community exports a
    # package and the street office imports it (keys in passphrase-protected files)
    r.cli_run(
        "init --street",
        s,
        "init",
        "--street",
        "--street-name",
        "中南路街道",
        "--street-code",
        "420106001",
        "--operator",
        "王主任",
    )
    c_keys = json.loads(
        r.cli_run("sync keys (community)", c, "sync", "keys", "--key-file", "--json")
    )
    s_keys = json.loads(r.cli_run("sync keys (street)", s, "sync", "keys", "--key-file", "--json"))
    _check(c_keys.get("store") == "file", f"keys not in the key file: {c_keys}")
    r.cli_run(
        "sync enrol-export (community)",
        c,
        "sync",
        "enrol-export",
        "--key-file",
        "--out",
        str(work / "c.enrol"),
    )
    r.cli_run(
        "sync enrol-export (street)",
        s,
        "sync",
        "enrol-export",
        "--key-file",
        "--out",
        str(work / "s.enrol"),
    )
    r.cli_run(
        "sync enrol-import (street)",
        s,
        "sync",
        "enrol-import",
        str(work / "c.enrol"),
        "--fingerprint",
        c_keys["fingerprint"],
    )
    r.cli_run(
        "sync enrol-import (community)",
        c,
        "sync",
        "enrol-import",
        str(work / "s.enrol"),
        "--fingerprint",
        s_keys["fingerprint"],
    )
    usb = work / "usb"
    usb.mkdir()
    r.cli_run("sync export", c, "sync", "export", "--out", str(usb))
    packages = sorted(usb.glob("*.rosync"))
    _check(len(packages) == 1, f"sync export wrote {sorted(p.name for p in usb.iterdir())}")
    r.cli_run("sync import (street)", s, "sync", "import", str(packages[0]))
    _encryption(r, work, c)


def _encryption(r: Runner, work: Path, c: Path) -> None:
    """The frozen sqlcipher3 module (decision 0028): a copy of the community's database
    encrypted with a passphrase (no keyring here), the recovery sheet written elsewhere, the
    same counts read back with the passphrase."""
    folder = work / "encrypted"
    folder.mkdir()
    e = folder / "社区.sqlite"
    shutil.copyfile(c, e)
    sheet = work / "恢复密钥单.pdf"
    stats = json.loads(r.cli_run("stats --json (plain)", c, "stats", "--json"))
    r.env["REDOFFICE_DB_PASSPHRASE"] = PASSPHRASE
    try:
        r.cli_run("db encrypt (SQLCipher)", e, "db", "encrypt", "--recovery-sheet", str(sheet))
        again = json.loads(r.cli_run("stats --json (encrypted)", e, "stats", "--json"))
    finally:
        del r.env["REDOFFICE_DB_PASSPHRASE"]
    _check(e.read_bytes()[:16] != b"SQLite format 3\x00", "db encrypt left a plain file")
    _check(sheet.read_bytes()[:5] == b"%PDF-", "no recovery sheet")
    _check(again == stats, f"stats of the encrypted copy: {again} (plain: {stats})")


def _check_pdf_font(pdf: Path) -> None:
    """The bundled Chinese font is embedded (pdffonts, where poppler is installed)."""
    if shutil.which("pdffonts") is None:
        return
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    _check(
        "WenQuanYi" in fonts.stdout and " yes " in fonts.stdout,
        f"font not embedded:\n{fonts.stdout}",
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("folder", type=Path, help="the folder holding redoffice and redoffice-cli")
    p.add_argument("--households", type=int, default=50)
    p.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = p.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="redoffice-smoke-"))
    failure = None
    r = Runner(args.folder.resolve(), work / "home")
    try:
        smoke(r, work, args.households)
    except (Failed, subprocess.TimeoutExpired) as exc:
        failure = str(exc)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    for what, seconds, verdict in r.results:
        print(f"  {what:44} {seconds:6.1f} s  {verdict}")
    if failure:
        print(f"smoke test FAILED: {failure}", file=sys.stderr)
        return 1
    print(f"smoke test ok: {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
