"""resident's unique (owner_node, id_number): a unique index instead of a table constraint, with
the same name and the same meaning, so that a bulk load can drop it and build it once after its
rows (kit.bulk_load: 110k residents' inserts ~1.3 → ~0.9 s CPU)

SQLite cannot drop a table constraint: the table is rebuilt (the documented procedure: a new
table, the rows copied with their rowids — the name search's FTS index points at them — the old
one dropped, the new one renamed, its indexes and triggers made again; foreign keys are off
during the upgrade, kit.db.upgrade, and checked here at the end).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03 15:55:00
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0020"
down_revision: str | Sequence[str] | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "uq_resident_owner_node_id_number"
CONSTRAINT = f"CONSTRAINT {NAME} UNIQUE (owner_node, id_number)"
INDEX = f"CREATE UNIQUE INDEX {NAME} ON resident (owner_node, id_number)"
HEAD = re.compile(r'^CREATE TABLE "?resident"? \(')  # quoted once the table was renamed


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        op.drop_constraint(NAME, "resident", type_="unique")
        op.create_index(NAME, "resident", ["owner_node", "id_number"], unique=True)
        return
    table = _table_sql(bind)
    if CONSTRAINT not in table:
        raise RuntimeError(f"resident has no {NAME} to convert")
    kept = table.replace(f", \n\t{CONSTRAINT}", "").replace(f",\n\t{CONSTRAINT}", "")
    _rebuild(bind, kept)
    bind.exec_driver_sql(INDEX)
    _statistics_again(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        op.drop_index(NAME, table_name="resident")
        op.create_unique_constraint(NAME, "resident", ["owner_node", "id_number"])
        return
    table = _table_sql(bind)
    bind.exec_driver_sql(f"DROP INDEX {NAME}")
    body = table.rstrip().removesuffix(")").rstrip()
    _rebuild(bind, f"{body}, \n\t{CONSTRAINT}\n)")
    _statistics_again(bind)


def _statistics_again(bind: sa.Connection) -> None:
    """The planner statistics the dropped table took with it, gathered again where the
    database keeps some: without them SQLite picks the list index to count the residents and
    walks it (0.1 s became 0.4-1.6 s on the demo and street databases)."""
    kept = bind.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
    ).first()
    if kept:
        bind.exec_driver_sql("ANALYZE resident")


def _table_sql(bind: sa.Connection) -> str:
    return str(
        bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'resident'"
        ).scalar()
    )


def _rebuild(bind: sa.Connection, table: str) -> None:
    """resident made again as ``table`` (its CREATE TABLE), rows, rowids, indexes and triggers
    kept; the foreign keys pointing at it checked."""
    new, found = HEAD.subn("CREATE TABLE _resident_new (", table, count=1)
    if not found:
        raise RuntimeError("unexpected resident table")
    others = [
        sql
        for (sql,) in bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'resident' AND type IN "
            f"('index', 'trigger') AND sql IS NOT NULL AND name != '{NAME}'"
        )
    ]
    names = [row[1] for row in bind.exec_driver_sql("PRAGMA table_info(resident)")]
    columns = ", ".join(f'"{name}"' for name in names)
    bind.exec_driver_sql(new)
    bind.exec_driver_sql(
        f"INSERT INTO _resident_new (rowid, {columns}) SELECT rowid, {columns} FROM resident"
    )
    bind.exec_driver_sql("DROP TABLE resident")
    bind.exec_driver_sql("ALTER TABLE _resident_new RENAME TO resident")
    for sql in others:
        bind.exec_driver_sql(sql)
    for child in _pointing_at_resident(bind):
        for broken in bind.exec_driver_sql(f'PRAGMA foreign_key_check("{child}")'):
            if broken[2] == "resident":
                raise RuntimeError(f"a row of {child} lost its resident: {tuple(broken)}")


def _pointing_at_resident(bind: sa.Connection) -> list[str]:
    """The tables with a foreign key to resident."""
    tables = (
        bind.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        .scalars()
        .all()
    )
    return [
        name
        for name in tables
        if any(
            fk[2] == "resident" for fk in bind.exec_driver_sql(f'PRAGMA foreign_key_list("{name}")')
        )
    ]
