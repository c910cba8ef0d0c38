"""A throw-away PostgreSQL server on 127.0.0.1 for the test run (platform-notes.md recipe)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    return Path(found[-1]) if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@contextmanager
def running_server() -> Iterator[str | None]:
    """Yield a server URL prefix (``postgresql+psycopg://postgres@127.0.0.1:PORT``) or None."""
    given = os.environ.get("REDOFFICE_TEST_PG_URL")
    if given:
        yield given.rstrip("/")
        return
    bindir = _bin_dir()
    if bindir is None:
        yield None
        return
    root = Path(tempfile.mkdtemp(prefix="pgtest."))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    data, port = root / "data", _free_port()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    subprocess.run(
        _as_postgres(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        check=True,
        **quiet,
    )
    options = (
        f"-k {root} -h 127.0.0.1 -p {port} -c fsync=off -c full_page_writes=off "
        "-c synchronous_commit=off"
    )
    ctl = [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"), "-w"]
    subprocess.run(_as_postgres([*ctl, "-t", "30", "-o", options, "start"]), check=True, **quiet)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(_as_postgres([*ctl, "-m", "fast", "stop"]), check=False, **quiet)
        shutil.rmtree(root, ignore_errors=True)
