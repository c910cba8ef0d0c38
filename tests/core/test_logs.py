"""The log's privacy at its sources (issue 16): what is written is kept free of values before
the scrubber sees it — the CLI logs its command and option names, the engines hide a failed
statement's bound values (the scrubber in kit/logs.py is the second line)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from redoffice.cli import main as cli
from redoffice.kit.db import Database
from redoffice.kit.logs import log_exception, log_file
from redoffice.registry import search
from tests.core.test_cli import INIT

PINYIN = "wangxiaoming"


def _crash(*_args: object, **_kw: object) -> None:
    raise RuntimeError("boom")


def test_an_internal_cli_error_logs_the_command_and_its_option_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "office.sqlite")
    assert cli(["--db", path, *INIT]) == 0
    monkeypatch.setattr(search, "search_residents", _crash)
    argv = ["--db", path, "resident", "search", PINYIN, "--limit=7", "--json"]
    monkeypatch.setattr(sys, "argv", ["redoffice-cli", *argv])
    assert cli(argv) == 3
    logged = log_file().read_text(encoding="utf-8")
    assert "redoffice-cli resident search --db --limit --json" in logged
    assert [value for value in (PINYIN, path, "=7") if value in logged] == []


def test_a_failed_statement_logs_no_value(db: Database) -> None:
    """SQLAlchemy's message would print ``[parameters: ('r-1', 'wangxiaoming')]`` and
    PostgreSQL adds ``DETAIL: Failing row contains (…)``: both hidden."""
    with pytest.raises(DBAPIError) as caught, db.uow() as s:
        s.execute(
            text("INSERT INTO resident (id, name_pinyin) VALUES (:id, :pinyin)"),
            {"id": "r-1", "pinyin": PINYIN},
        )  # NOT NULL columns left out: refused
    assert "parameters hidden" in str(caught.value)
    logged = log_exception("saving a resident", caught.value).read_text(encoding="utf-8")
    assert "saving a resident" in logged and PINYIN not in logged
