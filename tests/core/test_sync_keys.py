"""Node keys (issue 14): made at first use, private halves in the keyring or a passphrase file,
never in the database; fingerprints for reading aloud. The tests of a node's keys run on a
community (SQLite) and on a street office on each backend (its own PostgreSQL database too)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends.chainer import ChainerBackend
from sqlalchemy import text

from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.sync import keys
from tests.conftest import Templates
from tests.core.sync_support import BACKENDS, any_street, community_db, memory_keyring, no_keyring

COMMUNITY = "community"


@pytest.fixture(params=[COMMUNITY, *BACKENDS])
def office(
    request: pytest.FixtureRequest, tmp_path: Path, templates: Templates
) -> Iterator[Database]:
    """A community office (SQLite), or a street office on SQLite or on PostgreSQL: no keys yet."""
    if request.param == COMMUNITY:
        db = community_db(tmp_path / "c.sqlite")
        yield db
        db.close()
        return
    with any_street(request, tmp_path, templates) as street:
        yield street


def test_keys_are_made_once_kept_in_the_keyring_and_not_in_the_database(office: Database) -> None:
    db = office
    with memory_keyring() as ring:
        made = keys.ensure_keys(db)
        again = keys.ensure_keys(db)
        assert again.key_id == made.key_id
        assert {u for _s, u in ring.secrets} == {f"{db.node_id}/sign", f"{db.node_id}/box"}
        private = keys._raw_private(made.sign)
        with db.engine.connect() as conn:
            values = " ".join(r[0] for r in conn.execute(text("SELECT value FROM setting")))
            audit = " ".join(str(r[0]) for r in conn.execute(text("SELECT fields FROM audit_log")))
        assert keys.b64(private) not in values + audit
        assert keys.b64(keys._raw_private(made.box)) not in values + audit
        info = keys.info(db)
        assert info.key_id == made.key_id and info.store == keys.KEYRING
        assert len(info.fingerprint) == 40 and info.fingerprint.isdigit()


def test_fingerprint_is_grouped_for_reading_aloud() -> None:
    fp = "1234567890" * 4
    assert keys.grouped(fp) == "12345 67890 12345 67890 12345 67890 12345 67890"
    assert keys.digits_only("12345 67890-１２３") == "1234567890123"


def test_without_a_keyring_the_user_is_told_and_may_choose_a_key_file(office: Database) -> None:
    db = office
    with no_keyring():
        with pytest.raises(UserError) as refused:
            keys.ensure_keys(db)
        assert "系统密钥库" in refused.value.text and "--key-file" in refused.value.text
        assert not keys.has_keys(db)
        with pytest.raises(UserError, match="至少要 8 位"):
            keys.ensure_keys(db, use_file=True, passphrase="short")
        made = keys.ensure_keys(db, use_file=True, passphrase="长城长城长城长城")
        assert keys.key_file(db.node_id).exists()
        with pytest.raises(UserError, match="请输入口令"):
            keys.load_keys(db)
        with pytest.raises(UserError, match="口令不对"):
            keys.load_keys(db, "wrong passphrase")
        assert keys.load_keys(db, "长城长城长城长城").key_id == made.key_id
        assert keys.info(db).store == keys.KEY_FILE


def test_a_database_copied_to_another_pc_has_no_keys_there(office: Database) -> None:
    """A database file copied, or a shared server's database opened from a PC whose keyring
    does not hold its keys."""
    db = office
    with memory_keyring():
        keys.ensure_keys(db)
    with memory_keyring():  # the other PC's keyring
        with pytest.raises(UserError, match="sync rekey"):
            keys.load_keys(db)
        old = keys.info(db).key_id
        new = keys.rekey(db)
        assert new.key_id != old and keys.previous_key_ids(db) == [old]
        assert keys.load_keys(db).key_id == new.key_id


def test_an_empty_keyring_chain_counts_as_no_keyring(tmp_path: Path) -> None:
    class EmptyChain(ChainerBackend):
        @property
        def backends(self) -> list[Any]:
            return []

    before = keyring.get_keyring()
    keyring.set_keyring(EmptyChain())  # type: ignore[no-untyped-call]
    try:
        assert not keys.keyring_available()
        db = community_db(tmp_path / "c.sqlite")
        with pytest.raises(UserError, match="系统密钥库"):
            keys.ensure_keys(db)
        db.close()
    finally:
        keyring.set_keyring(before)
