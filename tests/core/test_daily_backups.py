"""The daily backup on opening (kit.backups.backup_if_due): judged by the stamps in the copies'
names, robust to a clock that was ahead, and blind to other databases' copies."""

from datetime import datetime
from pathlib import Path

from redoffice.kit import clock
from redoffice.kit.backups import KEEP_DAILY, STAMP, backup_if_due, backup_sqlite
from redoffice.kit.db import Database

AHEAD = datetime(2027, 12, 31, 8, 0)  # the day a PC clock or a fixed test day said
TODAY = datetime(2027, 3, 17, 9, 0)


def _stem(db: Database) -> str:
    return Path(str(db.engine.url.database)).stem


def _copies(folder: Path, stem: str) -> list[str]:
    return sorted(p.name for p in folder.glob(f"{stem}-*.sqlite"))


def test_a_copy_stamped_in_the_future_does_not_stop_the_daily_backup(
    sqlite_db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    with clock.frozen(AHEAD):
        ahead = backup_if_due(sqlite_db.engine, folder)
    assert ahead is not None
    with clock.frozen(TODAY):  # the clock corrected: nine months earlier
        made = backup_if_due(sqlite_db.engine, folder)
        assert made is not None and made.name.startswith(f"{_stem(sqlite_db)}-20270317-0900")
        assert backup_if_due(sqlite_db.engine, folder) is None  # today's copy counts
    assert ahead.exists()


def test_copies_stamped_in_the_future_are_pruned_first(sqlite_db: Database, tmp_path: Path) -> None:
    """Seven copies from a clock that was ahead: the copies made since on the right clock
    replace them one by one; the copy just made is never the one removed."""
    folder, stem = tmp_path / "backups", _stem(sqlite_db)
    for day in range(1, KEEP_DAILY + 1):
        with clock.frozen(AHEAD.replace(day=day)):
            backup_sqlite(sqlite_db.engine, folder)
    made = []
    for day in (17, 18, 19):
        with clock.frozen(TODAY.replace(day=day)):
            found = backup_if_due(sqlite_db.engine, folder)
            assert found is not None
            made.append(found.name)
    left = _copies(folder, stem)
    assert len(left) == KEEP_DAILY and set(made) <= set(left)
    kept = [n.removeprefix(f"{stem}-")[:8] for n in left if n not in made]
    assert kept == ["20271204", "20271205", "20271206", "20271207"]


def test_another_databases_copies_are_neither_counted_nor_pruned(
    sqlite_db: Database, tmp_path: Path
) -> None:
    """``redoffice.sqlite`` and ``redoffice-2025.sqlite`` backed up into one folder."""
    folder, stem = tmp_path / "backups", _stem(sqlite_db)
    folder.mkdir()
    theirs = [
        folder / f"{stem}-2025-{TODAY.replace(day=d).strftime(STAMP)}.sqlite" for d in range(1, 10)
    ]
    for path in theirs:
        path.write_bytes(b"another database's copy")
    with clock.frozen(TODAY):
        assert backup_if_due(sqlite_db.engine, folder) is not None
        for _ in range(KEEP_DAILY + 2):
            newest = backup_sqlite(sqlite_db.engine, folder)
    assert all(path.exists() for path in theirs)
    mine = [n for n in _copies(folder, stem) if not n.startswith(f"{stem}-2025-")]
    assert newest is not None and mine == [newest.name], "one a day: the newest of the day"
