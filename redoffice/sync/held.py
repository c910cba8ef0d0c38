"""Held packages (decision 0019): a package that cannot be applied yet — a gap before it, a new
epoch without its start, a newer schema — is kept, not just recorded. Its file is copied into
``sync/held/<package_id>.rosync`` beside the database (the data folder for a server database),
listed with why it waits, and applied by itself, in sequence order, once what it waits for has
arrived: each verified again from the kept file, as any import. A held package made obsolete by
a later cumulative one (its range already applied, or an older epoch) is dropped."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import delete, select

from redoffice.kit.clock import utcnow
from redoffice.kit.db import SCHEMA_HEAD, Database
from redoffice.kit.paths import data_dir
from redoffice.models import SyncHeld, SyncPartner

if TYPE_CHECKING:
    from redoffice.sync.packages import Imported

SUFFIX: Final = ".rosync"


@dataclass(frozen=True)
class HeldPackage:
    """A package waiting, for the 数据同步 page and ``sync status``."""

    package_id: str
    sender: str
    partner: str
    epoch: int
    seq_from: int
    seq_to: int
    file_name: str
    reason: str
    at: datetime
    path: str


def folder(db: Database) -> Path:
    """Where held packages are kept: ``sync/held`` beside a SQLite file, else in the data
    folder under the database's name."""
    source = db.engine.url.database
    if db.is_sqlite and source and source != ":memory:":
        return Path(source).resolve().parent / "sync" / "held"
    return data_dir() / "sync" / "held" / (source or "memory")


def _path(db: Database, package_id: str) -> Path:
    return folder(db) / f"{package_id}{SUFFIX}"


def store(
    db: Database, source: Path, manifest: dict[str, Any], file_hash: str, reason: str
) -> Path:
    """Keep a held package (its signature and members were verified before it was held): the
    file copied (temporary name, fsync, rename) and listed. Holding the same package again
    only renews the reason."""
    package_id = str(manifest["package_id"])
    target = _path(db, package_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        temp = target.with_name(f".{target.name}.part")
        try:
            with source.open("rb") as f_in, temp.open("wb") as f_out:
                shutil.copyfileobj(f_in, f_out)
                f_out.flush()
                os.fsync(f_out.fileno())
            temp.replace(target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
    with db.uow() as s:
        row = s.get(SyncHeld, package_id)
        if row is None:
            s.add(
                SyncHeld(
                    package_id=package_id,
                    sender=str(manifest["node"]),
                    epoch=int(manifest["epoch"]),
                    seq_from=int(manifest["seq_from"]),
                    seq_to=int(manifest["seq_to"]),
                    schema=str(manifest["schema"])[:8],
                    file_name=source.name[:255],
                    file_sha256=file_hash,
                    reason=reason,
                    at=utcnow(),
                )
            )
        else:
            row.reason, row.at = reason, utcnow()
    return target


def listing(db: Database) -> list[HeldPackage]:
    """The packages held now, per partner in sequence order, with why they wait."""
    with db.read() as s:
        names = {p.node_id: p.name for p in s.scalars(select(SyncPartner))}
        rows = s.scalars(
            select(SyncHeld).order_by(SyncHeld.sender, SyncHeld.epoch, SyncHeld.seq_from)
        )
        return [
            HeldPackage(
                r.package_id,
                r.sender,
                names.get(r.sender, r.sender),
                r.epoch,
                r.seq_from,
                r.seq_to,
                r.file_name,
                r.reason,
                r.at,
                str(_path(db, r.package_id)),
            )
            for r in rows
        ]


def _drop(db: Database, package_ids: list[str]) -> None:
    if not package_ids:
        return
    with db.uow() as s:
        s.execute(delete(SyncHeld).where(SyncHeld.package_id.in_(package_ids)))
    for package_id in package_ids:
        _path(db, package_id).unlink(missing_ok=True)


def _obsolete(rows: list[SyncHeld], partners: dict[str, SyncPartner]) -> list[str]:
    """Held packages a later one made obsolete: an older epoch, or a range already applied."""
    found = []
    for r in rows:
        p = partners.get(r.sender)
        if p is None:
            continue
        if r.epoch < p.epoch or (r.epoch == p.epoch and r.seq_to <= p.applied_seq):
            found.append(r.package_id)
    return found


def _ready(r: SyncHeld, p: SyncPartner) -> bool:
    if int(r.schema or "0") > int(SCHEMA_HEAD):
        return False
    if r.epoch == p.epoch:
        return r.seq_from <= p.applied_seq + 1
    return r.epoch > p.epoch and r.seq_from == 1


def release(
    db: Database,
    *,
    sender: str | None = None,
    ack_folder: Path | None = None,
    passphrase: str | None = None,
) -> list[Imported]:
    """Drop the held packages made obsolete, then import, in sequence order, each one whose
    wait is over (verified again from the kept file). Returns what each import gave."""
    from redoffice.sync import packages

    done: list[Imported] = []
    tried: set[str] = set()
    while True:
        with db.read() as s:
            chosen = select(SyncHeld).order_by(
                SyncHeld.epoch, SyncHeld.seq_from, SyncHeld.seq_to.desc()
            )
            if sender is not None:
                chosen = chosen.where(SyncHeld.sender == sender)
            rows = list(s.scalars(chosen))
            partners = {p.node_id: p for p in s.scalars(select(SyncPartner))}
        stale = _obsolete(rows, partners)
        _drop(db, stale)
        ready = [
            r
            for r in rows
            if r.package_id not in stale
            and r.package_id not in tried
            and r.sender in partners
            and _ready(r, partners[r.sender])
        ]
        if not ready:
            return done
        r = ready[0]
        tried.add(r.package_id)
        path = _path(db, r.package_id)
        if not path.exists():  # removed by hand: nothing to apply, the next package heals it
            _drop(db, [r.package_id])
            continue
        got = packages.import_package(
            db, path, ack_folder=ack_folder, passphrase=passphrase, release=False
        )
        got.file = r.file_name
        done.append(got)
        if got.status != packages.HELD:  # applied, a duplicate, or refused (recorded as such)
            _drop(db, [r.package_id])
