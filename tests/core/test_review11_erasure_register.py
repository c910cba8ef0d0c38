"""Review 11: an erasure's line in the register beside the database must not depend on its
copies kept with the backups (issue 16, PIPL, decision 0030).

``backups.note_erasure`` builds the list of registers — the one beside the database, then the
copies in the backup folder and the second folder (``_register_copies``: ``is_dir`` on each,
the second folder read from the settings) — before writing any of them. When looking at the
second folder raises (a folder on a share the PC can no longer reach with its credentials:
``PermissionError``; here, as the tests run as root, a name the file system refuses:
``ENAMETOOLONG``), the erasure is committed, the user is shown an error, and the register
beside the database never gets its line: a restore later brings the erased person back."""

from __future__ import annotations

from pathlib import Path

import pytest

from redoffice.kit import backups
from redoffice.kit.codes import ERASED_NAME
from redoffice.kit.db import Database
from redoffice.kit.stored_settings import put_value
from redoffice.registry import erasure
from tests.core.test_backups import names
from tests.factories import add_resident, setup_place


@pytest.mark.xfail(
    strict=True,
    reason="review11: note_erasure lists the register copies (is_dir on the second folder) "
    "before writing the register beside the database; an OSError there loses its line",
)
def test_an_unreachable_second_folder_does_not_lose_the_erasure_line(
    sqlite_db: Database, tmp_path: Path
) -> None:
    _grid, _estate, household = setup_place(sqlite_db)
    wang = add_resident(sqlite_db, "王小明", household=household, relation="0", seq=1)
    unreachable = tmp_path / ("共享" * 60)  # stat() raises OSError, as an offline share may
    with sqlite_db.uow() as s:  # chosen when it was reachable; set_second_folder checks is_dir
        put_value(s, backups.SECOND_FOLDER, str(unreachable))
    database = Path(str(sqlite_db.engine.url.database)).resolve()
    try:
        erasure.erase_resident(sqlite_db, wang, "本人申请删除")
    finally:  # the erasure is committed whatever was said to the user
        assert ERASED_NAME in names(sqlite_db)
    noted = {i for _at, i in backups.noted_erasures(database, "resident")}
    assert wang in noted, "the register beside the database lost the erasure"
