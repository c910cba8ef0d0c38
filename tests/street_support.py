"""A street office with three enrolled communities whose demo data travelled for real: each
community made its demo (its own seed, a year of work ending on the suite's day, fund books),
exported a sync package, and the street imported it.

API (used by the street tests of the core, the UI and the street decisions)::

    with street_with_communities(tmp_path, templates) as town:
        town.street            # the street Database (actor 王主任), a copy of its own
        town.communities       # [Community(node_id, name, path)], in enrolment order
        town.open(community)   # that community's Database (a copy of its own; closed at exit)
        town.usb               # an empty folder between them

Built once per run and clock day (~10 s), copied per test (ms). The keys stay in a memory
keyring for the duration of the ``with``, so packages can travel both ways again.

Planted cross-community duplicates (the same ID number in two communities, both live):
``PLANTED_AID`` — the second community's resident who got fund aid in the same half-year as one
of the first community's (both applications paid); ``PLANTED_WISH`` — the third community's wish
beneficiary copied from a wish beneficiary of the first. Both sides travelled as edits through the
sync like any other change.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select

from redoffice.demo.build import create_demo
from redoffice.kit.db import Database, copy_sqlite, open_database
from redoffice.models import FundApplication, Resident, Wish
from redoffice.settings import community
from redoffice.sync import packages
from tests.conftest import IDENTITY, OPERATOR, Templates
from tests.core.sync_support import enrol_both, memory_keyring, street_db

COMMUNITIES = (
    ("幸福社区", "420106001001", 11),
    ("和平社区", "420106001002", 12),
    ("晴川社区", "420106001003", 13),
)
HOUSEHOLDS = 40
PLANTED_AID = "aid"
PLANTED_WISH = "wish"


@dataclass(frozen=True)
class Community:
    node_id: str
    name: str
    path: Path  # the template's file: open a copy with StreetTown.open


@dataclass
class StreetTown:
    street: Database
    communities: list[Community]
    usb: Path
    folder: Path
    planted: dict[str, str] = field(default_factory=dict)  # kind → the shared ID number
    _stack: ExitStack = field(default_factory=ExitStack)

    def open(self, which: Community) -> Database:
        """A copy of ``which``'s database for this test, closed when the town is."""
        path = self.folder / f"{which.node_id}.sqlite"
        shutil.copy(which.path, path)
        db = open_database(f"sqlite:///{path}")
        db.actor = OPERATOR
        self._stack.callback(db.close)
        return db


@dataclass(frozen=True)
class _Built:
    street: Path
    communities: list[Community]
    planted: dict[str, str]
    secrets: dict[tuple[str, str], str]


_built: dict[str, _Built] = {}


@contextmanager
def street_with_communities(folder: Path, templates: Templates) -> Iterator[StreetTown]:
    """The town of the module docstring, copied into ``folder``."""
    built = _build(templates)
    with memory_keyring() as ring:
        ring.secrets.update(built.secrets)
        shutil.copy(built.street, folder / "street.sqlite")
        street = open_database(f"sqlite:///{folder / 'street.sqlite'}")
        street.actor = "王主任"
        usb = folder / "usb"
        usb.mkdir()
        town = StreetTown(street, built.communities, usb, folder, dict(built.planted))
        try:
            yield town
        finally:
            town._stack.close()
            street.close()


def _build(templates: Templates) -> _Built:
    key = str(templates.initialized())  # one per run and clock day
    if key not in _built:
        made: dict[str, Any] = {}

        def recipe(path: Path) -> None:
            with memory_keyring() as ring:
                made.update(_make(path, templates))
                made["secrets"] = dict(ring.secrets)

        made["street"] = templates.build("street-town", recipe)
        _built[key] = _Built(made["street"], made["communities"], made["planted"], made["secrets"])
    return _built[key]


def _make(path: Path, templates: Templates) -> dict[str, Any]:
    """Enrol three demo communities with the street at ``path``, plant the duplicates, send
    every community's package and import it."""
    folder = path.parent
    street = street_db(folder / "street-work.sqlite", templates)
    dbs = [_community(folder, name, code, seed) for name, code, seed in COMMUNITIES]
    for i, db in enumerate(dbs):
        enrol_folder = folder / f"enrol-{i}"
        enrol_folder.mkdir()
        enrol_both(db, street, enrol_folder)
    planted = {
        PLANTED_AID: _share_aid(dbs[0], dbs[1]),
        PLANTED_WISH: _share_wish(dbs[0], dbs[2]),
    }
    usb = folder / "usb"
    usb.mkdir()
    for db in dbs:
        sent = packages.export_package(db, usb)
        got = packages.import_package(street, usb / sent.file)
        assert got.status == packages.APPLIED, got.reason
    communities = []
    for db, (name, _code, _seed) in zip(dbs, COMMUNITIES, strict=True):
        db.close()
        saved = folder / f"community-{db.node_id}.sqlite"
        copy_sqlite(Path(str(db.engine.url.database)), saved)
        communities.append(Community(db.node_id, name, saved))
    street.close()
    copy_sqlite(folder / "street-work.sqlite", path)
    return {"communities": communities, "planted": planted}


def _community(folder: Path, name: str, code: str, seed: int) -> Database:
    path = folder / f"{code}.sqlite"
    db = open_database(f"sqlite:///{path}", create=True)
    community.initialize(db, replace(IDENTITY, community_name=name, community_code=code), OPERATOR)
    db.actor = OPERATOR
    create_demo(db, HOUSEHOLDS, seed=seed)
    return db


def _live(s: Any, *cond: Any) -> list[Resident]:
    return list(
        s.scalars(
            select(Resident)
            .where(Resident.status == "active", Resident.deleted.is_(False), *cond)
            .order_by(Resident.id)
        )
    )


def _paid_aid(db: Database) -> list[tuple[Resident, int]]:
    """Live residents paid fund aid, with the half-year (year*2 + 0|1) it was asked in."""
    with db.read() as s:
        rows = s.execute(
            select(Resident, FundApplication.applied_on)
            .join(FundApplication, FundApplication.resident_id == Resident.id)
            .where(
                FundApplication.status == "paid",
                FundApplication.deleted.is_(False),
                Resident.status == "active",
                Resident.deleted.is_(False),
            )
            .order_by(FundApplication.applied_on, Resident.id)
        ).all()
    return [(r, day.year * 2 + (day.month > 6)) for r, day in rows]


def _share_aid(first: Database, second: Database) -> str:
    """Give a resident of ``second`` paid aid in the same half-year the ID number of one of
    ``first``'s; the shared number."""
    halves = {half: r for r, half in _paid_aid(first)}
    for target, half in _paid_aid(second):
        if half in halves:
            return _copy_id(halves[half], second, target.id)
    raise AssertionError("no half-year with paid aid in both communities")


def _share_wish(first: Database, third: Database) -> str:
    with first.read() as s:
        source = _live(s, Resident.id.in_(select(Wish.beneficiary_id)), Resident.id_number != "")
    with third.read() as s:
        target = _live(s, Resident.id.in_(select(Wish.beneficiary_id)))
    return _copy_id(source[0], third, target[0].id)


def _copy_id(source: Resident, db: Database, resident_id: str) -> str:
    with db.uow() as s:
        row = s.get(Resident, resident_id)
        assert row is not None and source.id_number
        row.id_number = source.id_number
        row.birth_date = source.birth_date
        row.gender = source.gender
    return source.id_number
