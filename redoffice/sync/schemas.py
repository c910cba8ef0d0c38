"""Packages from another schema version (decision 0019).

- **Newer** than this program (``SCHEMA_HEAD``): held with "请先升级", kept
  (:mod:`redoffice.sync.held`) and applied once this program is upgraded.
- **Slightly older**: a schema from which a chain of known converters leads to ``SCHEMA_HEAD``,
  one per migration that changed a synced table. Each line of the package is converted (its row
  brought up, migration by migration) before it is validated strictly as a line of the current
  schema. A step whose migration changed no synced table converts nothing: the lines are read
  as they are.
- **Much older**: no chain — refused, the sender to upgrade and export again.

For us "slightly older" is the schemas since the sync began: 0013 (the synced tables as they
are, before the sync tables of 0014), 0014, and each later one that declares its converter here.
A migration that changes a synced table adds a converter for the schema before it (the rows of
that schema → the rows after it) — or, if none can be written, moves ``OLDEST`` up to itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from redoffice.kit.db import SCHEMA_HEAD

Converter = Callable[[str, dict[str, Any]], dict[str, Any]]

# schema → the converter of its rows to the next schema (None: no synced table changed)
CONVERTERS: dict[str, Converter | None] = {
    "0013": None,  # 0014 added the sync's own tables only
    "0014": None,  # 0015 added local tables and conflict review columns only
    "0015": None,  # 0016 added the app_release stamp only
    "0016": None,  # 0017 added the street's tables only (an older package has none of them)
    "0017": None,  # 0018 added a unique index on street_decision only (no column changed)
    "0018": None,  # 0019 added the local account table only (accounts are never synced)
    "0019": None,  # 0020 made resident's unique (owner_node, id_number) an index (no column)
}
NEWER: Final = "newer"
CURRENT: Final = "current"
CONVERTED: Final = "converted"
TOO_OLD: Final = "too_old"


def _next(schema: str) -> str:
    return f"{int(schema) + 1:04d}"


def chain(schema: str) -> list[Converter | None] | None:
    """The converters from ``schema`` up to ``SCHEMA_HEAD``, or None when there is no chain."""
    steps: list[Converter | None] = []
    while int(schema) < int(SCHEMA_HEAD):
        if schema not in CONVERTERS:
            return None
        steps.append(CONVERTERS[schema])
        schema = _next(schema)
    return steps


def judge(schema: str) -> str:
    """newer / current / converted / too_old."""
    if int(schema) > int(SCHEMA_HEAD):
        return NEWER
    if int(schema) == int(SCHEMA_HEAD):
        return CURRENT
    return CONVERTED if chain(schema) is not None else TOO_OLD


def oldest() -> str:
    """The oldest schema a package may come from."""
    schema = SCHEMA_HEAD
    while chain(f"{int(schema) - 1:04d}") is not None and int(schema) > 1:
        schema = f"{int(schema) - 1:04d}"
    return schema


def row_converter(schema: str) -> Converter | None:
    """What brings a row of ``schema`` (a line's row, parsed strictly: duplicate keys and NaN
    refused before) to the current schema; None when rows are read as they are (the current
    schema, or only steps that change nothing)."""
    steps = [step for step in chain(schema) or [] if step is not None]
    if not steps:
        return None

    def convert(table: str, row: dict[str, Any]) -> dict[str, Any]:
        for step in steps:
            row = step(table, row)
        return row

    return convert
