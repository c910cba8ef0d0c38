"""A batch of packages cancelled part-way (the 数据同步 page's 取消, issue 15/16): the package
running when 取消 was pressed commits nothing — no row, no record of its arrival, the sender's
high-water mark unchanged — and the batch stays usable: the next package given is imported as
if the cancelled one had never been, and the street's connections checkpoint by themselves
again afterwards."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from redoffice.kit.errors import UserError
from redoffice.kit.steps import QUIET, Steps
from redoffice.models import SyncPackage, SyncPartner
from redoffice.sync import acks, packages
from tests.core.test_sync_faults import Pair, pair  # noqa: F401
from tests.core.test_sync_roundtrip import synced_rows
from tests.factories import add_resident


def _arrivals(p: Pair) -> tuple[int, int]:
    """The packages the street recorded, and how far its sender's packages are applied."""
    with p.s.read() as s:
        recorded = int(s.scalar(select(func.count()).select_from(SyncPackage)) or 0)
        return recorded, s.scalars(select(SyncPartner)).one().applied_seq


def _acks(p: Pair) -> list[str]:
    return sorted(f.name for f in p.usb.glob(f"*{acks.SUFFIX}"))


def _cancelled_once_applying() -> Steps:
    """取消 as pressed while a package is applied: from the first report after its records
    were decoded (half of the reports' total) on."""
    seen: list[tuple[int, int]] = []

    def applying() -> bool:
        return bool(seen) and seen[-1][1] > 0 and seen[-1][0] * 2 >= seen[-1][1]

    return Steps(lambda done, total: seen.append((done, total)), applying)


def test_a_package_cancelled_in_a_batch_commits_nothing_and_the_next_is_imported(
    pair: Pair,  # noqa: F811
) -> None:
    one = pair.export()
    add_resident(pair.c, "王五", household=pair.household, seq=2)
    two = pair.export()  # not acknowledged: cumulative, 李四 and 王五
    with packages.batch(pair.s) as import_one:
        assert import_one(one, QUIET).status == packages.APPLIED
        rows, arrivals, answers = pair.street_rows(), _arrivals(pair), _acks(pair)
        with pytest.raises(UserError) as stopped:
            import_one(two, _cancelled_once_applying())
        assert stopped.value.code == "job.cancelled"
        assert pair.street_rows() == rows and _arrivals(pair) == arrivals
        assert _acks(pair) == answers  # no acknowledgement written either
        again = import_one(two, QUIET)
    assert again.status == packages.APPLIED and again.records == 1  # 王五: 李四 came with one
    assert synced_rows(pair.s, pair.c.node_id) == synced_rows(pair.c, pair.c.node_id)
    if pair.s.is_sqlite:
        with pair.s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1000
