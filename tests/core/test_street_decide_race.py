"""Review (session 8): one decision per application (decision 0022) is checked by a read
(``street.decisions.decide``: is there an earlier decision?) with nothing that holds between
that read and the insert — no lock, no unique constraint on street_decision.application_id.
Two clerks deciding the same application at once (several clerks share one street database,
67a79d3) both pass the check: here the second clerk decides while the first is between its
check and its write (the first clerk's ``utcnow`` runs in that window), on its own
connection. The application then has an approval and a rejection, both sent to the
community, which applies the first and reports the second."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from redoffice.kit import clock
from redoffice.kit.db import open_database
from redoffice.kit.errors import UserError
from redoffice.models import FundApplication, StreetDecision
from redoffice.street import decisions
from tests.conftest import Templates
from tests.street_support import StreetTown, street_with_communities


@pytest.fixture
def town(tmp_path: Path, templates: Templates) -> Iterator[StreetTown]:
    with street_with_communities(tmp_path, templates) as found:
        yield found


def test_two_clerks_deciding_at_once_leave_one_decision(
    town: StreetTown, monkeypatch: pytest.MonkeyPatch
) -> None:
    street = town.street
    with street.read() as s:
        app = s.scalars(
            select(FundApplication.id).where(FundApplication.status == "pending_higher")
        ).first()
    assert app is not None
    url = street.engine.url.render_as_string(hide_password=False)
    second = open_database(url)  # another clerk's connection to the same street database
    second.actor = "李科长"
    started: list[bool] = []

    def between_check_and_write() -> Any:
        if not started:  # the first clerk only, once: the other clerk decides meanwhile
            started.append(True)
            # SQLite: the first clerk's unit of work holds the write lock (kit.db): the other
            # waits the busy timeout, then is told to retry
            with suppress(UserError):
                decisions.decide(second, app, decisions.REJECT, "材料不全")
        return clock.utcnow()

    monkeypatch.setattr(decisions, "utcnow", between_check_and_write)
    try:
        decisions.decide(street, app, decisions.APPROVE, "同意救助")
    except UserError:
        pass  # refused as already decided: what one decision per application asks
    finally:
        second.close()
    with street.read() as s:
        count = s.scalar(
            select(func.count()).where(
                StreetDecision.application_id == app, StreetDecision.deleted.is_(False)
            )
        )
    assert count == 1
