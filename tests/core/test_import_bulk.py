"""What keeps a large import fast without changing what it writes: the rows it builds for new
residents and households hold every column of their table (one left out, e.g. a column added by
a later migration, sends all 110k rows through SQLAlchemy's per-row parameters: ~3 s more), and
the visit state of the households it touched is recomputed — all at once when they are most of
the registry — exactly as a full recompute would leave it. One ID number is one resident also
when the unique index is rebuilt after the rows: a person registered meanwhile fails the import
as a whole."""

from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, inspect, select

from redoffice.kit import bulk_load, changes, clock, sync_state
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.messages import message
from redoffice.models import Base, Household, HouseholdVisitState, Resident
from redoffice.registry import importer
from redoffice.registry.households import HouseholdInput, save_household
from redoffice.registry.importer_households import (
    HOUSEHOLD_COLUMNS,
    _new_household,
    household_shared,
)
from redoffice.registry.importer_rows import ImportRow
from redoffice.registry.importer_write import RESIDENT_COLUMNS, NameKeys, _new_resident, _shared
from redoffice.registry.residents import ResidentInput, save_resident
from redoffice.visits import state as visit_state
from tests import excel_corpus as corpus
from tests.factories import setup_place

NOW = datetime(2027, 1, 4, 1, 0, tzinfo=UTC)


def _missing(db: Database, model: type[Base], rows: changes.Rows) -> set[str]:
    with db.uow() as s:  # what insert_rows adds: owner, version, deleted, sequence numbers
        stamped = rows.stamped(db.node_id, sync_state.transaction_seq(s))
    return {column.key for column in model.__table__.columns} - {*rows.columns, *stamped.shared}


def test_a_new_resident_row_fills_every_column(db: Database) -> None:
    row = _new_resident({"name": "张三"}, "household-id", "resident-id", NameKeys())
    rows = changes.Rows(RESIDENT_COLUMNS, [row], _shared(NOW))
    assert len(row) == len(RESIDENT_COLUMNS)
    assert _missing(db, Resident, rows) == set()


def test_a_new_household_row_fills_every_column(db: Database) -> None:
    row = _new_household(ImportRow(row=2, values={"address": "幸福路1号"}), "household-id")
    rows = changes.Rows(HOUSEHOLD_COLUMNS, [row], household_shared(NOW))
    assert len(row) == len(HOUSEHOLD_COLUMNS)
    assert _missing(db, Household, rows) == set()


def _states(db: Database) -> dict[str, tuple[Any, ...]]:
    with db.read() as s:
        rows = s.execute(
            select(
                HouseholdVisitState.household_id,
                HouseholdVisitState.grid_id,
                HouseholdVisitState.last_visit_date,
                HouseholdVisitState.interval_days,
                HouseholdVisitState.due_date,
            )
        ).all()
    return {row[0]: tuple(row[1:]) for row in rows}


@pytest.mark.parametrize("other_households", [0, 4])  # most of the registry, or a few of it
def test_the_import_leaves_the_visit_state_of_a_full_recompute(
    db: Database, tmp_path: Path, other_households: int
) -> None:
    _grid, estate, _household = setup_place(db)
    for room in range(other_households):
        save_household(
            db, HouseholdInput(estate_id=estate, building="9", unit="1", room=f"{room}01")
        )
    importer.apply_import(db, importer.plan_import(db, corpus.two_row_header(tmp_path)))
    imported = _states(db)
    with db.read() as s:
        live = set(s.scalars(select(Household.id).where(Household.deleted.is_(False))))
    assert set(imported) == live and len(live) == 2 + other_households
    with db.engine.begin() as conn:
        visit_state.recompute(conn, visit_state.ALL, clock.today())
    assert _states(db) == imported


PINYIN_NAMES = (
    "王小明",
    "重庆",  # polyphonic: chóng in the word, zhòng alone
    "曾经",
    "单于",
    "尉迟恭",
    "朝阳",
    "长安",
    "银行行长",
    "乐乐",
    "阿依古丽·买买提",
    "Tom李",
    "李 Tom",
    "王1号",
    "ＡＢＣ王",
    "",
    "覃",
)


def test_pinyin_keys_word_by_word_are_lazy_pinyins() -> None:
    """The import's pinyin is made word by word and each word's syllables remembered: the keys
    are exactly those of pypinyin converting the whole name (polyphonic words, non-Chinese
    characters and empty names included)."""
    from pypinyin import lazy_pinyin
    from pypinyin.constants import PHRASES_DICT

    from redoffice.registry.residents import pinyin_keys

    phrases = list(PHRASES_DICT)[:3000]
    names = [*PINYIN_NAMES, *phrases, *(a + b for a, b in pairwise(phrases))]
    for name in names:
        syllables = [p.lower() for p in lazy_pinyin(name, errors="ignore") if p]
        expected = "".join(syllables), "".join(p[0] for p in syllables)
        assert pinyin_keys(name) == expected, name


@pytest.mark.parametrize(
    "rebuilt", [True, False]
)  # the unique index rebuilt after the rows, or kept
def test_a_person_registered_after_the_dry_run_fails_the_whole_import(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rebuilt: bool
) -> None:
    """Another clerk registers the third person of the 台账 between the dry run and the write:
    one ID number is one resident, so the import writes nothing and says which row."""
    if rebuilt:  # the 8 rows of the ledger count as a large load: indexes dropped and rebuilt
        monkeypatch.setattr(bulk_load, "MIN_ROWS", 1)
    path = corpus.community_ledger(tmp_path)
    plan = importer.plan_import(db, path, importer.ImportOptions(create_places=True))
    assert plan.count("new") == len(corpus.LEDGER_PEOPLE)
    name, _gender, number = corpus.LEDGER_PEOPLE[2][:3]
    save_resident(db, ResidentInput(name=name, gender="male", id_number=number))
    with pytest.raises(UserError) as refused:
        importer.apply_import(db, plan)
    row = next(r.row for r in plan.rows if r.values.get("id_number") == number)
    assert refused.value.text == message("import.registered_since", rows=str(row))
    assert "本次导入未写入任何内容" in refused.value.text
    with db.read() as s:
        assert s.scalars(select(Resident.id_number)).all() == [number]  # the clerk's only
        assert s.scalar(select(func.count()).select_from(Household)) == 0
    with db.engine.connect() as conn:
        assert "uq_resident_owner_node_id_number" in {
            i["name"] for i in inspect(conn).get_indexes("resident")
        }
