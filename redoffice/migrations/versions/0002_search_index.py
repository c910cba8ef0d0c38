"""Search index: spaced-character columns, FTS5 phrase indexes (SQLite), list indexes, and a
natural sort key for addresses (3栋 before 10栋).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

Names and addresses are stored once more with a space between characters ("王 小 明") so that
an FTS5 unicode61 phrase query finds any substring of one or more characters; SQLite's trigram
tokenizer cannot match the 1-2 character queries most Chinese name searches are. Triggers keep
the FTS tables in step with every write, bulk inserts included. On PostgreSQL (or a SQLite
without FTS5) the columns exist and search falls back to LIKE.
"""

import re
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FTS = {
    # fts table: (content table, column)
    "resident_name_fts": ("resident", "search_name"),
    "household_address_fts": ("household", "search_address"),
}


def _spaced(text: str | None) -> str:
    return " ".join(ch for ch in (text or "") if not ch.isspace())


def _natural(text: str | None) -> str:
    return re.sub(r"\d+", lambda m: m.group().zfill(8), text or "")


def _has_fts5(bind: sa.engine.Connection) -> bool:
    try:
        bind.exec_driver_sql("CREATE VIRTUAL TABLE temp._fts5_probe USING fts5(x)")
    except sa.exc.OperationalError:
        return False
    bind.exec_driver_sql("DROP TABLE temp._fts5_probe")
    return True


def _backfill(
    bind: sa.engine.Connection, table: str, source: str, target: str, fn: Callable[[str], str]
) -> None:
    rows = bind.execute(sa.text(f"SELECT id, {source} FROM {table}")).all()
    if rows:
        bind.execute(
            sa.text(f"UPDATE {table} SET {target} = :value WHERE id = :id"),
            [{"id": row[0], "value": fn(row[1])} for row in rows],
        )


def _create_fts(bind: sa.engine.Connection, fts: str, table: str, column: str) -> None:
    bind.exec_driver_sql(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({column}, content='{table}', "
        f"content_rowid='rowid', tokenize='unicode61')"
    )
    bind.exec_driver_sql(
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {column}) VALUES (new.rowid, new.{column}); END"
    )
    bind.exec_driver_sql(
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.rowid, old.{column}); END"
    )
    bind.exec_driver_sql(
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {column} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.rowid, old.{column}); "
        f"INSERT INTO {fts}(rowid, {column}) VALUES (new.rowid, new.{column}); END"
    )
    bind.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def upgrade() -> None:
    with op.batch_alter_table("resident") as batch:
        batch.add_column(sa.Column("search_name", sa.String(128), nullable=False,
                                   server_default=""))
        batch.create_index("ix_resident_list", ["deleted", "status", "name_pinyin", "id"])
    with op.batch_alter_table("household") as batch:
        batch.add_column(sa.Column("search_address", sa.String(512), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("address_sort", sa.String(512), nullable=False,
                                   server_default=""))
        batch.create_index("ix_household_address_sort", ["address_sort"])
    bind = op.get_bind()
    _backfill(bind, "resident", "name", "search_name", _spaced)
    _backfill(bind, "household", "address", "search_address", _spaced)
    _backfill(bind, "household", "address", "address_sort", _natural)
    if bind.dialect.name == "sqlite" and _has_fts5(bind):
        for fts, (table, column) in FTS.items():
            _create_fts(bind, fts, table, column)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for fts in FTS:
            for suffix in ("ai", "ad", "au"):
                bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            bind.exec_driver_sql(f"DROP TABLE IF EXISTS {fts}")
    with op.batch_alter_table("household") as batch:
        batch.drop_index("ix_household_address_sort")
        batch.drop_column("address_sort")
        batch.drop_column("search_address")
    with op.batch_alter_table("resident") as batch:
        batch.drop_index("ix_resident_list")
        batch.drop_column("search_name")
