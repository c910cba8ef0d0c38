"""Review 9 (issue 16: the log "never holds names, ID numbers or phones"), after 1c0a20c.

The log's scrubber replaces Chinese text, ID numbers and phones, but an internal CLI error
still logs the whole command line (cli/__init__.main), and a name is searched as often by its
pinyin (the search's name_pinyin/name_initials keys): ``residents search wangxiaoming`` lands in
redoffice.log as typed, as does a phone typed with spaces. Logging the command's name only
(``residents search``) would keep every such value out."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from redoffice.cli import main as cli
from redoffice.kit.logs import log_file
from redoffice.registry import search
from tests.core.test_cli import INIT


def _crash(*_args: object, **_kw: object) -> None:
    raise RuntimeError("boom")  # any internal error; its text holds nothing personal


@pytest.mark.parametrize("searched", ["wangxiaoming", "138 1234 5678"])
def test_an_internal_cli_error_logs_no_searched_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, searched: str
) -> None:
    path = str(tmp_path / "office.sqlite")
    assert cli(["--db", path, *INIT]) == 0
    monkeypatch.setattr(search, "search_residents", _crash)
    argv = ["--db", path, "residents", "search", searched]
    monkeypatch.setattr(sys, "argv", ["redoffice-cli", *argv])
    assert cli(argv) == 3
    logged = log_file().read_text(encoding="utf-8")
    assert "boom" in logged
    assert searched not in logged
