"""Review 9 (issue 16: "the log file never holds names, ID numbers or phones"; no key in clear),
fixed by kit/logs.py's scrubbing formatter. What the review found:

- An internal error in the CLI logs the whole command line (cli/__init__.main:
  ``log_exception("redoffice-cli " + " ".join(sys.argv[1:]))``): a search for a name, or
  ``db unlock --recovery-key`` — the database key itself — lands in redoffice.log.
- A database error is logged with SQLAlchemy's message, which carries the statement's bound
  values (``[parameters: (...)]``): the engines are made without ``hide_parameters``, so the
  ID number being written goes into the log."""

from __future__ import annotations

import sys

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from redoffice.cli import main as cli
from redoffice.kit import cipher
from redoffice.kit.db import Database
from redoffice.kit.logs import log_exception, log_file
from redoffice.registry import search
from tests.core.test_cli import INIT

NAME = "王小明"
ID_NUMBER = "110101199003077777"


def _crash(*_args: object, **_kw: object) -> None:
    raise RuntimeError("boom")  # any internal error; its text holds nothing personal


def test_an_internal_cli_error_logs_no_name_and_no_key(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = f"{tmp_path}/office.sqlite"
    assert cli(["--db", path, *INIT]) == 0
    monkeypatch.setattr(search, "search_residents", _crash)
    key = cipher.recovery_key(bytes(range(32)))
    for argv in (
        ["--db", path, "residents", "search", NAME],
        ["--db", path, "db", "unlock", "--recovery-key", key],
    ):
        monkeypatch.setattr(sys, "argv", ["redoffice-cli", *argv])
        monkeypatch.setattr(cipher, "unlock", _crash)
        assert cli(argv) == 3
    logged = log_file().read_text(encoding="utf-8")
    assert "boom" in logged  # both errors were logged
    assert [secret for secret in (NAME, key) if secret in logged] == []


def test_a_logged_database_error_holds_no_id_number(sqlite_db: Database) -> None:
    with pytest.raises(DBAPIError) as caught, sqlite_db.uow() as s:
        s.execute(
            text("INSERT INTO resident (id, id_number) VALUES (:id, :number)"),
            {"id": "r-1", "number": ID_NUMBER},
        )  # NOT NULL columns left out: the driver refuses it
    log_exception("保存居民", caught.value)
    assert ID_NUMBER not in log_file().read_text(encoding="utf-8")
