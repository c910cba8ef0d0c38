"""The street's derived data of the rows a package brings (decision 0019): the apply writes
rows with Core statements, past the session hooks that keep derived data current for local
writes, so it runs the same derivations itself, in bulk, in its transaction.

Derived data there is, and what keeps it right for synced rows:

- ``household_visit_state`` (last visit, interval, due date per household; the visits' flush
  hook for local writes): recomputed here for the households a package touches and no
  other — households, visits and residents (their old and new household), residents' tags.
- Search and sort columns on the rows (``name_pinyin``, ``search_name``, ``search_address``,
  ``id_number_rev`` …, declared ``derived()``): part of the row, they travel with it and
  arrive as the owner computed them.
- The SQLite full-text indexes (``resident_name_fts``, ``household_address_fts``): kept by
  triggers, which fire for Core statements too.
- ``fund_ledger_head``: the node's own ledger lock and head, read only for its own entries
  (``fund.ledger`` works on ``owner_node`` = this node); nothing at the street reads it for a
  community's entries.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Connection, MetaData, String, Table, bindparam, insert, select

from redoffice.kit import clock
from redoffice.models import Resident, Visit
from redoffice.visits import state as visit_state

CHUNK = 500  # ids per statement: far below any SQL variable limit, and an index lookup each
Rows = dict[str, list[tuple[dict[str, Any], dict[str, Any]]]]
# the households a package touches, for the one pass of the visit state (a session's own)
_TOUCHED = Table(
    "sync_touched_household",
    MetaData(),
    Column("id", String(36), primary_key=True),
    prefixes=["TEMPORARY"],
)


def _ids(rows: Rows, table: str) -> list[str]:
    return [decoded["id"] for _sent, decoded in rows.get(table, [])]


def _households_of(conn: Connection, model: Any, ids: list[str]) -> set[str]:
    found: set[str] = set()
    chosen = select(model.household_id).where(model.id.in_(bindparam("ids", expanding=True)))
    for start in range(0, len(ids), CHUNK):
        found.update(conn.scalars(chosen, {"ids": ids[start : start + CHUNK]}))
    return {h for h in found if h}


def _named(rows: Rows) -> set[str]:
    """The households the package's rows name: its households, its residents' and visits'."""
    found = set(_ids(rows, "household"))
    for table in ("resident", "visit"):
        found.update(d["household_id"] for _s, d in rows.get(table, []) if d["household_id"])
    return found


def households_before(conn: Connection, rows: Rows, new: set[str]) -> set[str]:
    """The households the package's residents and visits belong to here before it is applied
    (a resident or visit moved away leaves its old household's due date to recompute). ``new``:
    the tables none of whose rows are here yet (a sender's first package): nothing to look up
    there (110,000 residents of a first package: ~0.25 s of lookups finding nothing)."""
    found: set[str] = set()
    for table, model in (("resident", Resident), ("visit", Visit)):
        if table not in new:
            found |= _households_of(conn, model, _ids(rows, table))
    return found


def refresh(conn: Connection, rows: Rows, before: set[str]) -> None:
    """Recompute the visit state of the households the applied rows touch, and of those only:
    a community's package leaves the other communities' households as they are (each of the
    street's 40 packages recomputing every household cost 2.5 M recomputes instead of 120 k).
    The households go into a temporary table, recomputed in one pass: in passes of 500 ids, a
    first package of 35,000 households took 12.5 s CPU (70 passes, each walking every active
    resident for the tags when the planner's statistics did not steer it to the household
    index), in one pass ~0.3 s. The table is made and dropped inside the caller's transaction
    (a rollback takes it away too)."""
    tagged = sorted({d["resident_id"] for _s, d in rows.get("resident_tag", [])})
    touched = before | _named(rows) | _households_of(conn, Resident, tagged)
    if not touched:
        return
    _TOUCHED.create(conn)
    conn.execute(insert(_TOUCHED), [{"id": h} for h in sorted(touched)])
    visit_state.recompute(conn, select(_TOUCHED.c.id), clock.today())
    _TOUCHED.drop(conn)
