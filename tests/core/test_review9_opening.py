"""Review 9 (issue 16: "A mistyped --db path … silently becomes a new empty database …
Opening never creates a database except at setup"). a066059 gave open_database a ``create``
flag, but it defaults to True and the CLI (backups.open_checked) never passes False: a typo
in ``--db`` still leaves a new 1.2 MB database behind, and the clerk is told to run ``init``
on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from redoffice.cli import main as cli


@pytest.mark.xfail(
    strict=True,
    reason="review9: redoffice-cli --db <mistyped path> creates a new empty database there "
    "(open_database(create=True) is the default and no caller but setup should create)",
)
def test_a_mistyped_db_path_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "redofice.sqlite"
    assert cli(["--db", str(typo), "stats"]) == 1
    assert not typo.exists(), capsys.readouterr().err
