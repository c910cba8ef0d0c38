"""Sync export and import report progress and stop when cancelled (``steps``): a cancelled
export leaves no file (not even the temporary one) and records nothing; a cancelled import
applies, records and acknowledges nothing, and the same file imports whole afterwards."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.steps import Steps
from redoffice.models import SyncPackage, SyncPartner
from redoffice.sync import packages
from tests.core.test_sync_roundtrip import pair, synced_rows  # noqa: F401
from tests.factories import add_resident, setup_place


class Recorder:
    """Steps that note every report and cancel at the ``stop_at``-th check (0 the first)."""

    def __init__(self, stop_at: int = -1) -> None:
        self.reports: list[tuple[int, int]] = []
        self.checks, self.stop_at = 0, stop_at

    def _cancelled(self) -> bool:
        self.checks += 1
        return self.checks - 1 == self.stop_at

    @property
    def steps(self) -> Steps:
        return Steps(lambda done, total: self.reports.append((done, total)), self._cancelled)


def _counts(db: Database) -> tuple[int, int]:
    with db.read() as s:
        packages_ = s.scalar(select(func.count()).select_from(SyncPackage)) or 0
        partner = s.scalars(select(SyncPartner)).one()
        return int(packages_), partner.sent_seq + partner.applied_seq


def _people(c: Database, n: int) -> None:
    _g, _e, household = setup_place(c)
    for k in range(n):
        add_resident(c, f"居民{k}", household=household, seq=k + 1)


def _progress(reports: list[tuple[int, int]], total: int) -> None:
    """Counted reports go up to ``total`` and never back."""
    done = [d for d, t in reports if t]
    assert {t for _d, t in reports if t} == {total}
    assert done == sorted(done) and done[-1] == total


def test_export_reports_progress_and_a_cancel_at_any_step_leaves_no_file(
    pair: tuple[Database, Database, Path],  # noqa: F811
) -> None:
    c, _s, usb = pair
    _people(c, 3)
    before = _counts(c)
    stop_at = 0
    while True:  # cancelled at each of its checks in turn, until one runs through
        heard = Recorder(stop_at)
        try:
            sent = packages.export_package(c, usb, steps=heard.steps)
        except UserError as stopped:
            assert stopped.code == "job.cancelled"
            assert list(usb.iterdir()) == []  # no package, no .part
            assert _counts(c) == before
            stop_at += 1
            continue
        break
    assert stop_at >= 3  # at the start, while reading the rows, before the rename
    assert [p.name for p in usb.iterdir()] == [sent.file]
    _progress(heard.reports, sent.records + 1)


def test_import_reports_progress_and_a_cancel_at_any_step_applies_nothing(
    pair: tuple[Database, Database, Path],  # noqa: F811
) -> None:
    c, s, usb = pair
    _people(c, 3)
    sent = packages.export_package(c, usb)
    before = synced_rows(s, c.node_id)
    stop_at = 0
    while True:
        heard = Recorder(stop_at)
        try:
            got = packages.import_package(s, usb / sent.file, steps=heard.steps)
        except UserError as stopped:
            assert stopped.code == "job.cancelled"
            assert synced_rows(s, c.node_id) == before
            assert _counts(s) == (0, 0)  # no package recorded, nothing applied
            assert [p.name for p in usb.iterdir()] == [sent.file]  # no acknowledgement
            stop_at += 1
            continue
        break
    assert stop_at >= 4  # at the start, decoding, applying, before the commit
    assert got.status == packages.APPLIED, got.reason
    assert synced_rows(s, c.node_id) == synced_rows(c, c.node_id)
    assert got.ack
    _progress(heard.reports, 2 * sent.records)
