"""Review 11: an erasure's line in the register beside the database must not depend on its
copies kept with the backups (issue 16, PIPL, decision 0030).

``erasures.note_erasure`` builds the list of registers — the one beside the database, then the
copies in the backup folder and the second folder (``_register_copies``: ``is_dir`` on each,
the second folder read from the settings) — before writing any of them. When looking at the
second folder raises (a folder on a share the PC can no longer reach with its credentials:
``PermissionError``; here, as the tests run as root, a name the file system refuses:
``ENAMETOOLONG``), the erasure is committed, the user is shown an error, and the register
beside the database never gets its line: a restore later brings the erased person back."""

from __future__ import annotations

from pathlib import Path

from redoffice.kit import backup_paths, erasures
from redoffice.kit.codes import ERASED_NAME
from redoffice.kit.db import Database
from redoffice.kit.stored_settings import put_value
from redoffice.registry import erasure
from tests.core.test_backups import names
from tests.factories import add_resident, setup_place


def test_an_unreachable_second_folder_does_not_lose_the_erasure_line(
    sqlite_db: Database, tmp_path: Path
) -> None:
    _grid, _estate, household = setup_place(sqlite_db)
    wang = add_resident(sqlite_db, "王小明", household=household, relation="0", seq=1)
    unreachable = tmp_path / ("共享" * 60)  # stat() raises OSError, as an offline share may
    with sqlite_db.uow() as s:  # chosen when it was reachable; set_second_folder checks is_dir
        put_value(s, backup_paths.SECOND_FOLDER, str(unreachable))
    database = Path(str(sqlite_db.engine.url.database)).resolve()
    try:
        erasure.erase_resident(sqlite_db, wang, "本人申请删除")
    finally:  # the erasure is committed whatever was said to the user
        assert ERASED_NAME in names(sqlite_db)
    noted = {i for _at, i in erasures.noted_erasures(database, "resident")}
    assert wang in noted, "the register beside the database lost the erasure"


def test_a_register_is_merged_by_appending_after_a_line_cut_short(tmp_path: Path) -> None:
    """A register merged into another (a copy with the backups, or the database's own before a
    restore) gets the lines it lacks appended and flushed, as an erasure's own line is — the file
    is not written whole again (a power cut then could leave it empty; an erasure noted meanwhile
    by another program would be lost) — and a last line a kill cut short does not swallow them."""
    database = tmp_path / "x.sqlite"
    own = erasures.erasure_register(database)
    own.write_text(
        "2026-11-01T08:00:00+00:00\tresident\ta1\n2026-11-02T08:00:00+00:00\tresident\ta2\n"
    )
    kept = tmp_path / "usb" / "x.erasures"
    kept.parent.mkdir()
    kept.write_text("2026-11-01T08:00:00+00:00\tresident\ta1\n2026-11-0")  # killed while noting
    inode = kept.stat().st_ino
    erasures.share_register(database, kept)
    assert kept.stat().st_ino == inode  # appended to, not replaced
    lines = kept.read_text().splitlines()
    assert lines == [
        "2026-11-01T08:00:00+00:00\tresident\ta1",
        "2026-11-0",
        "2026-11-02T08:00:00+00:00\tresident\ta2",
    ]
