"""Issue 16, QA 11's findings on accounts, through the service on a real file.

- S7: the lock's end is the stored one, the same second at every try."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from redoffice.accounts import service as accounts
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import Account
from tests.core.accounts_support import PASSWORD

# --- S7: the lock's end --------------------------------------------------------------------


def test_the_unlock_time_is_the_stored_end_at_every_try(db: Database) -> None:
    accounts.add(db, "admin", "王书记", "admin", PASSWORD)
    with clock.frozen(datetime(2026, 12, 3, 10, 0)):
        for _ in range(4):
            with pytest.raises(UserError):
                accounts.login(db, "admin", "wrong-password")
    # the fifth try a hundredth of a second before 10:00:01: the lock ends at 10:05:00.99…,
    # the password's check (tens of ms) must not carry the time said over to 10:05:01
    said = []
    for at in (datetime(2026, 12, 3, 10, 0, 0, 990000), datetime(2026, 12, 3, 10, 2, 30, 500000)):
        with clock.frozen(at), pytest.raises(UserError) as locked:
            accounts.login(db, "admin", "wrong-password")
        said.append(locked.value.text)
    with db.read() as s:
        until = s.scalar(select(Account.locked_until))
    assert until is not None
    shown = until.astimezone().strftime("%H:%M:%S")
    assert shown == "10:05:00"
    assert all(f"（{shown} 解锁）" in text for text in said), said
