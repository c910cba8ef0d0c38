"""Packages, community → street office: export everything changed since the last acknowledged
sequence number (cumulative), and import it at the street after verifying everything, in the
order of the design's "Import" (../shared/docs/sync-protocol.md), applying in one transaction.

Nothing of a refused or held package is applied; its arrival is recorded (``sync_package``) in
a transaction of its own, so the history says what came and why it was turned away."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from redoffice.kit import audit_log, bulk_load
from redoffice.kit.clock import utcnow
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.steps import QUIET, Steps
from redoffice.models import SyncPackage
from redoffice.sync import acks, apply, checkpoints, held, keys, node, verify
from redoffice.sync.export import Exported, export_package
from redoffice.sync.outcome import APPLIED, DUPLICATE, HELD, REFUSED, SENT, Refused

__all__ = [
    "APPLIED",
    "DUPLICATE",
    "HELD",
    "REFUSED",
    "SENT",
    "Exported",
    "ImportOne",
    "Imported",
    "Refused",
    "batch",
    "export_package",
    "import_package",
    "import_packages",
]


@dataclass
class Imported:
    """What ``sync import`` reports; ``status`` applied / duplicate / held / refused."""

    status: str
    reason: str = ""
    records: int = 0
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    file: str = ""
    sender: str = ""
    package_id: str = ""
    seq_from: int = 0
    seq_to: int = 0
    ack: str = ""
    released: list[Imported] = field(default_factory=list)  # held packages applied after it


def import_package(
    db: Database,
    path: Path,
    *,
    ack_folder: Path | None = None,
    passphrase: str | None = None,
    steps: Steps = QUIET,
    release: bool = True,
    ready: Callable[[], None] = lambda: None,
) -> Imported:
    """Verify and apply one package (street office). Never raises for a bad package: the result
    says refused or held and why, and nothing was applied.

    A held package is kept (:mod:`redoffice.sync.held`); once one is applied, the held
    packages of its sender whose wait is over are applied after it (``released``; not when
    ``release`` is False, as for those themselves).

    ``steps`` hears of the records decoded, then of the records applied (twice the package's
    records in all); cancelled, it raises ``UserError("job.cancelled")`` before anything is
    committed: nothing applied, nothing recorded, no acknowledgement written.

    Several clerks may import at once (one PostgreSQL database): the applies take turns
    (:mod:`redoffice.sync.apply`), and one that finds its sender moved on meanwhile starts
    over — the same package imported twice at once is applied once, the other import sees it
    applied.

    ``ready`` is called after the package is verified, before it is applied (a batch waits
    there for its checkpoint: :func:`batch`)."""
    node.require(db, node.STREET)
    steps.report(0, 0)
    own = keys.load_keys(db, passphrase)
    while True:
        try:
            with bulk_load.collector_paused():  # the decoded rows: none cyclic
                got = _import_once(db, path, own, ack_folder, passphrase, steps, release, ready)
        except apply.Again:
            continue
        if got.status == APPLIED and got.records >= bulk_load.MIN_ROWS:
            db.optimize()  # the planner's statistics: without them the next package's lookups
            # walk whole tables (the street's 40 packages in one run: 5-7 s CPU each, not ~2)
        return got


ImportOne = Callable[[Path, Steps], Imported]


@contextmanager
def batch(
    db: Database, *, ack_folder: Path | None = None, passphrase: str | None = None
) -> Iterator[ImportOne]:
    """For the block, a function that imports one package after another (:func:`import_package`
    with the ``steps`` given for it). On SQLite the pages each package's commit logged are
    copied into the database file on a second thread while the next package is verified
    (:mod:`redoffice.sync.checkpoints`). A package that raises (cancelled, its file gone)
    committed nothing; the next one is imported as if it had not been given."""
    with checkpoints.behind(db) as behind:

        def one(path: Path, steps: Steps) -> Imported:
            got = import_package(
                db,
                path,
                ack_folder=ack_folder,
                passphrase=passphrase,
                steps=steps,
                ready=behind.wait,
            )
            behind.start()
            return got

        yield one


def import_packages(
    db: Database,
    paths: Sequence[Path],
    *,
    ack_folder: Path | None = None,
    passphrase: str | None = None,
) -> Iterator[Imported]:
    """:func:`import_package` for each of ``paths`` in turn, each result as it comes (the same
    checks, order and one transaction per package; a package refused or held affects neither
    its neighbours nor their order), in one :func:`batch`."""
    with batch(db, ack_folder=ack_folder, passphrase=passphrase) as one:
        for path in paths:
            yield one(path, QUIET)


def _import_once(
    db: Database,
    path: Path,
    own: keys.NodeKeys,
    ack_folder: Path | None,
    passphrase: str | None,
    steps: Steps,
    release: bool,
    ready: Callable[[], None],
) -> Imported:
    result = Imported(status=REFUSED, file=path.name)
    manifest_hash = verify.manifest_hash(path)
    seen = _seen(db, SyncPackage.manifest_hash == manifest_hash) if manifest_hash else None
    try:
        file_hash = "" if seen is not None else audit_log.file_sha256(path)
    except OSError as exc:
        raise UserError("sync.file_unreadable", name=path.name, detail=str(exc)) from exc
    seen = seen or _seen(db, SyncPackage.file_sha256 == file_hash)
    if seen is not None:
        result.status, result.sender, result.package_id = DUPLICATE, seen.sender, seen.package_id
        result.seq_from, result.seq_to = seen.seq_from, seen.seq_to
    manifest: dict[str, Any] = {}
    try:
        if result.status == DUPLICATE:
            raise verify.Duplicate
        verified = verify.verify(db, path, own, steps)
        ready()
        manifest = verified.manifest
        result.sender, result.package_id = manifest["node"], manifest["package_id"]
        result.seq_from, result.seq_to = manifest["seq_from"], manifest["seq_to"]
        result.records, result.conflicts = apply.apply(db, path.name, file_hash, verified, steps)
        result.status = APPLIED
    except verify.Duplicate as duplicate:
        result.status = DUPLICATE
        manifest = manifest or duplicate.manifest
        if manifest:  # recognised by its sequence numbers: acknowledged again like any other
            result.sender, result.package_id = manifest["node"], manifest["package_id"]
            result.seq_from, result.seq_to = manifest["seq_from"], manifest["seq_to"]
            _record(db, result, file_hash, manifest, "")
    except Refused as refused:
        result.status, result.reason = refused.status, refused.error.text
        result.records, result.conflicts = 0, []
        if result.status == HELD and not manifest:  # held after its signature was verified
            manifest = verify.signed_manifest(path)
            result.sender, result.package_id = manifest["node"], manifest["package_id"]
            result.seq_from, result.seq_to = manifest["seq_from"], manifest["seq_to"]
        _record(db, result, file_hash, manifest, result.reason)
    if result.status == HELD:
        held.store(db, path, manifest, file_hash, result.reason)
    if result.status in (APPLIED, DUPLICATE, HELD) and result.sender:
        result.ack = str(acks.write_ack(db, own, result, ack_folder or path.parent))
    if result.status == APPLIED and release:
        result.released = held.release(
            db, sender=result.sender, ack_folder=ack_folder or path.parent, passphrase=passphrase
        )
    return result


def _seen(db: Database, same: Any) -> SyncPackage | None:
    """The package received before that ``same`` finds, if it was applied or recognised."""
    with db.read() as s:
        return s.scalars(
            select(SyncPackage).where(
                same,
                SyncPackage.direction == "in",
                SyncPackage.status.in_([APPLIED, DUPLICATE]),
            )
        ).first()


def _record(
    db: Database, result: Imported, file_hash: str, manifest: dict[str, Any], reason: str
) -> None:
    with db.uow() as s:
        s.add(
            SyncPackage(
                kind="package",
                direction="in",
                package_id=str(manifest.get("package_id", ""))[:36],
                sender=str(manifest.get("node", ""))[:36],
                recipient=db.node_id,
                epoch=int(manifest.get("epoch", 0) or 0),
                seq_from=int(manifest.get("seq_from", 0) or 0),
                seq_to=int(manifest.get("seq_to", 0) or 0),
                file_name=result.file[:255],
                file_sha256=file_hash,
                manifest_hash="",
                payload_hash=str(manifest.get("payload", {}).get("plain_sha256", "")),
                status=result.status,
                reason=reason,
                records=0,
                conflicts=0,
                at=utcnow(),
            )
        )
