"""Helpers of the sync tests: an in-memory keyring (the one stand-in they use: the edge of the
machine) and a community and a street office as two real SQLite databases."""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import pytest
from keyring.backends import fail

from redoffice.kit import clock
from redoffice.kit.db import Database, copy_sqlite, open_database
from redoffice.settings import community
from tests.conftest import IDENTITY, OPERATOR, Templates, run_admin


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that keeps its secrets in a dict (one per test)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@contextmanager
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    try:
        yield ring
    finally:
        keyring.set_keyring(before)


@contextmanager
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    try:
        yield
    finally:
        keyring.set_keyring(before)


def community_db(
    path: Path, templates: Templates | None = None, *, initialize: bool = True
) -> Database:
    """A new community office at ``path`` (a copy of the run's template when given; the file
    already there when not ``initialize``)."""
    if templates is not None or not initialize:
        if templates is not None:
            shutil.copy(templates.initialized(), path)
        db = open_database(f"sqlite:///{path}")
    else:
        db = open_database(f"sqlite:///{path}", create=True)
        community.initialize(db, IDENTITY, OPERATOR)
    db.actor = OPERATOR
    return db


def _street(path: Path) -> None:
    from redoffice.sync import node

    db = open_database(f"sqlite:///{path}", create=True)
    node.initialize_street(db, "中南路街道", "420106001", "王主任")
    db.close()


def street_db(path: Path, templates: Templates | None = None) -> Database:
    """A new street office at ``path`` (a copy of the run's template when given)."""
    if templates is not None:
        templates.copy("street", _street, path)
    else:
        _street(path)
    db = open_database(f"sqlite:///{path}")
    db.actor = "王主任"
    return db


@contextmanager
def enrolled_pair(folder: Path, templates: Templates) -> Iterator[tuple[Database, Database, Path]]:
    """A community and its street office in ``folder``, enrolled both ways, their keys in a
    memory keyring, and the folder ``usb`` between them: copies of a pair made once per run
    and day (enrolling costs ~0.3 s of key and audit writes a test; copying two files, ms)."""
    community, street, secrets = _prepared_pair(templates)
    with memory_keyring() as ring:
        ring.secrets.update(secrets)
        shutil.copy(community, folder / "c.sqlite")
        shutil.copy(street, folder / "s.sqlite")
        for name in ENROLMENT_FILES:  # as enrol_both leaves them
            shutil.copy(street.with_name(name), folder / name)
        c = community_db(folder / "c.sqlite", initialize=False)
        s = open_database(f"sqlite:///{folder / 's.sqlite'}")
        s.actor = "王主任"
        usb = folder / "usb"
        usb.mkdir()
        try:
            yield c, s, usb
        finally:
            c.close()
            s.close()


_pairs: dict[str, tuple[Path, Path, dict[tuple[str, str], str]]] = {}


def _prepared_pair(templates: Templates) -> tuple[Path, Path, dict[tuple[str, str], str]]:
    """The pair's two database files and keyring secrets, made on the clock's day."""
    day = clock.today().isoformat()
    if day not in _pairs:
        made: dict[str, Any] = {}

        def recipe(path: Path) -> None:
            with memory_keyring() as ring:
                c = community_db(path, templates)
                s = street_db(path.with_name("street-work.sqlite"), templates)
                enrol_both(c, s, path.parent)
                c.close()
                s.close()
                copy_sqlite(path.with_name("street-work.sqlite"), path.with_name("street.sqlite"))
                made["street"], made["secrets"] = path.with_name("street.sqlite"), ring.secrets

        community = templates.build("sync-pair", recipe)
        _pairs[day] = (community, made["street"], dict(made["secrets"]))
    return _pairs[day]


ENROLMENT_FILES = ("community.enrol", "street.enrol")


def enrol_both(community_db: Database, street: Database, folder: Path) -> None:
    """Each side imports the other's enrolment file after comparing the fingerprint."""
    from redoffice.sync import enrol

    c_file, s_file = (folder / name for name in ENROLMENT_FILES)
    mine = enrol.export_enrolment(community_db, c_file)
    theirs = enrol.export_enrolment(street, s_file)
    enrol.import_enrolment(street, c_file, mine.fingerprint)
    enrol.import_enrolment(community_db, s_file, theirs.fingerprint)


PG_STREET_TEMPLATE = "redoffice_street_template"
_pg_counter = itertools.count()


def pg_street_template(server: str) -> None:
    """A street office on PostgreSQL, built once per run, copied by each test."""
    if PG_STREET_TEMPLATE in _built:
        return
    run_admin(
        server,
        f"DROP DATABASE IF EXISTS {PG_STREET_TEMPLATE}",
        f"CREATE DATABASE {PG_STREET_TEMPLATE}",
    )
    from redoffice.sync import node

    db = open_database(f"{server}/{PG_STREET_TEMPLATE}")
    node.initialize_street(db, "中南路街道", "420106001", "王主任")
    db.close()
    _built.add(PG_STREET_TEMPLATE)


_built: set[str] = set()


@contextmanager
def pg_street(server: str) -> Iterator[Database]:
    """A street office of its own on the run's PostgreSQL server (real commits)."""
    pg_street_template(server)
    name = f"street_{os.getpid()}_{next(_pg_counter)}"
    run_admin(server, f"CREATE DATABASE {name} TEMPLATE {PG_STREET_TEMPLATE}")
    db = open_database(f"{server}/{name}")
    db.actor = "王主任"
    try:
        yield db
    finally:
        db.close()
        run_admin(server, f"DROP DATABASE {name}")


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


@contextmanager
def any_street(
    request: pytest.FixtureRequest, folder: Path, templates: Templates
) -> Iterator[Database]:
    """A street office on the backend of ``request.param`` (one of ``BACKENDS``): a SQLite file
    in ``folder``, or a database of its own on the run's PostgreSQL server."""
    if request.param == "sqlite":
        street = street_db(folder / "s.sqlite", templates)
        try:
            yield street
        finally:
            street.close()
        return
    with pg_street(request.getfixturevalue("pg_server")) as street:
        yield street


@contextmanager
def street_pair(
    request: pytest.FixtureRequest, folder: Path, templates: Templates
) -> Iterator[tuple[Database, Database, Path]]:
    """``enrolled_pair`` with the street office on the backend of ``request.param``: the
    community is a SQLite file either way (one PC); the street may share a PostgreSQL server."""
    if request.param == "sqlite":
        with enrolled_pair(folder, templates) as found:
            yield found
        return
    with memory_keyring(), any_street(request, folder, templates) as street:
        c = community_db(folder / "c.sqlite", templates)
        usb = folder / "usb"
        usb.mkdir()
        try:
            enrol_both(c, street, folder)
            yield c, street, usb
        finally:
            c.close()
