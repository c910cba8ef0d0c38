"""Review 9 (issue 16: "lock after 5 failed attempts for 5 minutes"): parallel guesses on
PostgreSQL (a street office, many clerks' PCs on one server) still lock the account.

accounts.service.login used to read the account, spend ~50 ms on scrypt, then write
``failed_attempts + 1`` computed in Python without a row lock: ten wrong passwords at once
counted as one. It now reads the account ``FOR UPDATE``: the guesses are counted in turn."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from redoffice.accounts import service as accounts
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError

PASSWORD = "review9-secret"
GUESSES = 10


def _guess(db: Database, n: int) -> str:
    try:
        accounts.login(db, "admin", f"guess-{n:04d}")
    except UserError as exc:
        return exc.code
    return "logged in"


@pytest.mark.real_commits
def test_parallel_wrong_passwords_still_lock_the_account(pg_db: Database) -> None:
    accounts.add(pg_db, "admin", "王书记", "admin", PASSWORD)
    with ThreadPoolExecutor(GUESSES) as pool:
        codes = list(pool.map(lambda n: _guess(pg_db, n), range(GUESSES)))
    assert "logged in" not in codes
    locked = [r.locked_until is not None for r in accounts.accounts(pg_db)]
    assert locked == [True], codes
