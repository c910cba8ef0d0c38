"""Which community's rows a read shows: the street office's scope, in one place.

A street database holds every enrolled community's synced rows, each marked by ``owner_node``
(the community's node id). ``db.community`` names the community a street clerk is looking at;
``None`` (the default, and always on a community database) shows every row.

- ORM reads: every SELECT a :meth:`Database.read` session runs gets
  ``with_loader_criteria(SyncedRecord, owner_node == community, include_aliases=True)`` from
  a ``do_orm_execute`` event (SQLAlchemy's documented multi-tenant recipe): each synced entity
  in the statement, joined, aliased or in a subquery, is filtered. Writes (``db.uow()``
  sessions) are never filtered. The street's own tables (``__street_owned__``: its decisions,
  replies and notices, owned by the street's node) are left out: a decision or reply is
  found through the community's application or case, which the scope already filters, and a
  notice lists each recipient's progress.
- Core reads (``select(Case.__table__)``, ``table.c`` columns): the ORM event cannot see a
  plain table, so such queries add :func:`owned` for their table themselves.

Only read sessions carry the scope: it travels in the session's ``info`` (``SCOPE_KEY``).

A 网格员 (``db.user.grids`` not None, issue 16) sees only the households of their grids and
what hangs on them — residents, visits, 民情诉求 — through the same event: a second criterion,
``GRIDS_KEY`` in the read session's ``info``, on :data:`GRID_BOUND` (a case without a
household, filed for the whole community, stays visible).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import ColumnElement, Select, Table, event, literal_column, select, true
from sqlalchemy.orm import ORMExecuteState, with_loader_criteria

from redoffice.models import Case, Household, Resident, SyncPartner, Visit
from redoffice.models.base import SyncedRecord

if TYPE_CHECKING:
    from redoffice.kit.db import Database

SCOPE_KEY: Final = "community"
GRIDS_KEY: Final = "grids"
EVERY: Final = ""  # the key of a statistic's one row when it is not grouped by owner


def install(session_factory: Any) -> None:
    """Attach the scope to a ``sessionmaker`` (done once by :class:`Database`)."""
    event.listen(session_factory, "do_orm_execute", _scoped)


def read_info(db: Database) -> dict[str, Any]:
    """The ``info`` a read session of ``db`` carries: the community and the user's grids."""
    grids = None if db.user is None else db.user.grids
    return {SCOPE_KEY: db.community, GRIDS_KEY: grids}


def _in_grids(grids: frozenset[str]) -> list[Any]:
    """The grid-bound entities' criteria: each row's household lies in one of ``grids`` (as
    lambdas, so that an aliased entity — a case's reporter — is filtered under its alias)."""
    ids = tuple(sorted(grids))
    return [
        with_loader_criteria(Household, lambda cls: cls.grid_id.in_(ids), include_aliases=True),
        *(
            with_loader_criteria(
                entity,
                lambda cls: cls.household_id.in_(
                    select(Household.id).where(Household.grid_id.in_(ids))
                ),
                include_aliases=True,
            )
            for entity in (Resident, Visit)
        ),
        with_loader_criteria(
            Case,
            lambda cls: (
                cls.household_id.is_(None)
                | cls.household_id.in_(select(Household.id).where(Household.grid_id.in_(ids)))
            ),
            include_aliases=True,
        ),
    ]


def _scoped(state: ORMExecuteState) -> None:
    if not state.is_select or state.is_column_load:
        return
    grids = state.session.info.get(GRIDS_KEY)
    if grids is not None:
        state.statement = state.statement.options(*_in_grids(grids))
    node = state.session.info.get(SCOPE_KEY)
    if node is None:
        return
    state.statement = state.statement.options(
        with_loader_criteria(
            SyncedRecord,
            lambda cls: (
                true() if getattr(cls, "__street_owned__", False) else cls.owner_node == node
            ),
            include_aliases=True,
        )
    )


@contextmanager
def scoped(db: Database, node: str | None) -> Iterator[None]:
    """Reads of ``db`` show only ``node``'s rows (None: every community's) until the block
    ends; the scope before it is given back."""
    before = db.community
    db.community = node
    try:
        yield
    finally:
        db.community = before


def owned(db: Database, table: Table | Any) -> ColumnElement[bool]:
    """The condition a Core query (a plain ``Table`` or alias) adds to show only the rows of
    ``db.community`` and, for a 网格员, of a table with a ``household_id`` only the rows of
    their grids' households (or of none); always true when neither applies."""
    shown = true() if db.community is None else table.c.owner_node == db.community
    grids = None if db.user is None else db.user.grids
    if grids is None or "household_id" not in table.c:
        return shown
    households = select(Household.id).where(Household.grid_id.in_(grids))
    return shown & (table.c.household_id.is_(None) | table.c.household_id.in_(households))


def owner(db: Database) -> str | None:
    """The one node whose rows a node-bound read (a community's fund books: numbering and
    balances run per community) shows: the chosen community on a street database, every
    community's (None) when none is chosen there, and the database's own on a community's."""
    if db.community is not None:
        return db.community
    return None if db.is_street else db.node_id


def community_names(db: Database) -> dict[str, str]:
    """Each enrolled community's node id and name (for columns and filters), by name."""
    with db.read() as s:
        rows = s.execute(
            select(SyncPartner.node_id, SyncPartner.name)
            .where(SyncPartner.role == "community")
            .order_by(SyncPartner.name)
        ).all()
    return {node: name for node, name in rows}


def own(db: Database, column: Any) -> ColumnElement[bool]:
    """``column == owner(db)`` for a node-bound read; always true when every community's rows
    are shown (the ORM scope, if any, does the filtering then)."""
    node = owner(db)
    return true() if node is None else column == node


def per_owner(owner_column: Any | None, *columns: Any) -> Select[Any]:
    """``select(owner, *columns)`` grouped by ``owner_column`` (a table's ``owner_node``): one
    row per community; or, with None, the one row of ``columns`` keyed :data:`EVERY`. A
    statistic written once over this gives the street every community's figures in one
    statement and a single community (or a community's own database) its one row."""
    if owner_column is None:
        return select(literal_column("''").label("owner"), *columns)
    return select(owner_column, *columns).group_by(owner_column)
