"""Photos and scans of an encrypted database (issue 16, decision 0028): stored encrypted with a
key derived from the database key, named by the SHA-256 of their plain content (deduplication
and sync unchanged), read back through the store; 加密此数据库 converts those already there;
backups carry them encrypted and put them back; sync packages carry them. The keyring is the
one stand-in."""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from redoffice.attachments import service as attachments
from redoffice.cases import service as cases
from redoffice.cases.service import CaseInput
from redoffice.kit import backups, blobs, cipher, restoring
from redoffice.kit.db import Database, open_database
from redoffice.kit.errors import UserError
from redoffice.settings.encryption import encrypt_database
from redoffice.sync import packages
from tests.conftest import OPERATOR, Templates
from tests.core.sync_support import (
    MemoryKeyring,
    community_db,
    enrol_both,
    memory_keyring,
    street_db,
)

ROOT = Path(__file__).resolve().parents[2]
SECRET = "王小明 身份证 110101199003077777".encode()
# a photo over two chunks of the encrypted format, the marker in its last one
PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(blobs.CHUNK * 2) + SECRET
SCAN = b"%PDF-1.4\n" + SECRET + b"\n%%EOF\n"


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    with memory_keyring() as found:
        yield found


@pytest.fixture
def usb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("usb")


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def add_case(db: Database, folder: Path, *files: tuple[str, bytes]) -> str:
    paths = []
    for name, data in files:
        paths.append(folder / name)
        paths[-1].write_bytes(data)
    return cases.create_case(db, CaseInput("设施维修", "门禁坏了", attachments=tuple(paths)))


def contents(db: Database, case: str) -> dict[str, bytes]:
    rows = attachments.list_for(db, "case_record", case)
    return {r.name: attachments.file_path(db, r).read_bytes() for r in rows}


def stored_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def assert_sealed(folder: Path, count: int) -> None:
    found = stored_files(folder)
    assert len(found) == count, found
    for path in found:
        raw = path.read_bytes()
        assert raw.startswith(blobs.MAGIC) and SECRET not in raw, path


def reopened(path: Path) -> Database:
    db = open_database(f"sqlite:///{path}")
    db.actor = OPERATOR
    return db


def encrypted(sqlite_db: Database, usb: Path) -> Path:
    path = Path(str(sqlite_db.engine.url.database))
    encrypt_database(sqlite_db, usb / "恢复密钥单.pdf")
    return path


def test_new_attachments_of_an_encrypted_database_are_stored_encrypted(
    ring: MemoryKeyring, sqlite_db: Database, tmp_path: Path, usb: Path
) -> None:
    db = reopened(encrypted(sqlite_db, usb))
    try:
        case = add_case(db, tmp_path, ("门禁照片.png", PHOTO), ("签字扫描.pdf", SCAN))
        add_case(db, tmp_path, ("again.png", PHOTO))  # the same photo: stored once
        assert_sealed(db.attachments_dir, 2)
        assert blobs.blob_path(db.attachments_dir, sha(PHOTO)).is_file(), "named by plain hash"
        assert contents(db, case) == {"门禁照片.png": PHOTO, "签字扫描.pdf": SCAN}
        (row,) = [r for r in attachments.list_for(db, "case_record", case) if r.size == len(SCAN)]
        copy = attachments.file_path(db, row)
        assert copy.suffix == ".pdf" and stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
        blob = blobs.blob_path(db.attachments_dir, row.sha256)
        raw = bytearray(blob.read_bytes())
        raw[-5] ^= 1  # one bit changed on the disk
        blob.write_bytes(bytes(raw))
        with pytest.raises(UserError) as caught:
            attachments.file_path(db, row)
        assert caught.value.code == "attachment.damaged"
    finally:
        db.close()


def test_encrypting_converts_the_attachments_and_backups_carry_them_encrypted(
    ring: MemoryKeyring, sqlite_db: Database, tmp_path: Path, usb: Path
) -> None:
    case = add_case(sqlite_db, tmp_path, ("门禁照片.png", PHOTO), ("签字扫描.pdf", SCAN))
    store = sqlite_db.attachments_dir
    assert SECRET in blobs.blob_path(store, sha(SCAN)).read_bytes()
    done = encrypt_database(sqlite_db, usb / "恢复密钥单.pdf")
    assert done.attachments == 2
    assert_sealed(store, 2)
    db = reopened(done.database)
    try:
        assert contents(db, case) == {"门禁照片.png": PHOTO, "签字扫描.pdf": SCAN}
        info = backups.backup_to(db, usb / "社区备份.sqlite")
        assert (info.attachments, info.attachments_kept) == (2, 2)
        assert_sealed(info.files_folder, 2)
        for blob in stored_files(store):
            blob.unlink()  # the photos lost on this computer
        restored = restoring.restore(db, info.path)
    finally:
        db.close()
    assert (restored.attachments, restored.attachments_missing) == (2, 0)
    db = reopened(done.database)
    try:
        assert contents(db, case) == {"门禁照片.png": PHOTO, "签字扫描.pdf": SCAN}
    finally:
        db.close()


def test_a_blob_of_another_database_or_renamed_does_not_read(tmp_path: Path) -> None:
    mine, other = blobs.blob_key(cipher.new_key()), blobs.blob_key(cipher.new_key())
    store = blobs.Store(tmp_path / "attachments", mine)
    store.put(sha(SCAN), SCAN)
    assert store.read(sha(SCAN)) == SCAN and store.intact(sha(SCAN))
    assert not blobs.Store(store.folder, other).intact(sha(SCAN))
    renamed = store.path(sha(PHOTO))
    renamed.parent.mkdir(parents=True, exist_ok=True)
    renamed.write_bytes(store.path(sha(SCAN)).read_bytes())
    with pytest.raises(UserError):
        store.read(sha(PHOTO))
    with pytest.raises(UserError):
        blobs.Store(store.folder).read(sha(SCAN))  # no key: refused, not shown as garbage


SEAL = "import sys; from pathlib import Path; from redoffice.kit import blobs; " + (
    "blobs.Store(Path(sys.argv[1]), bytes.fromhex(sys.argv[2])).seal()"
)


def test_killed_while_converting_every_blob_is_whole(tmp_path: Path) -> None:
    """The conversion of a plain store in another process, killed (SIGKILL) at moments spread
    over its run: every blob reads back whole each time, plain or encrypted, and a second
    run finishes the conversion."""
    key = blobs.blob_key(cipher.new_key())
    folder = tmp_path / "attachments"
    photos = [b"\xff\xd8\xff\xe0" + os.urandom(300_000) + SECRET for _ in range(40)]
    command = [sys.executable, "-c", SEAL, str(folder), key.hex()]
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    fill(folder, photos)
    started = time.monotonic()
    subprocess.run(command, env=env, check=True)
    full = time.monotonic() - started
    kinds = set()
    for tenth in range(1, 10):
        fill(folder, photos)
        proc = subprocess.Popen(command, env=env)
        time.sleep(full * tenth / 10)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        store = blobs.Store(folder, key)
        assert all(store.intact(sha(p)) for p in photos)
        kinds |= {blobs.is_sealed(store.path(sha(p))) for p in photos}
    assert kinds == {True, False}, "killed half-way at least once"
    subprocess.run(command, env=env, check=True)
    assert_sealed(folder, len(photos))


def fill(folder: Path, photos: list[bytes]) -> None:
    """``folder`` a plain store of ``photos`` again."""
    for path in stored_files(folder):
        path.unlink()
    plain = blobs.Store(folder)
    for photo in photos:
        plain.put(sha(photo), photo)


def encrypted_copy(path: Path, usb: Path, actor: str) -> Database:
    """The database at ``path`` encrypted (加密此数据库) and opened again."""
    encrypt_database(open_database(f"sqlite:///{path}"), usb / f"{path.stem}-单.pdf")
    db = open_database(f"sqlite:///{path}")
    db.actor = actor
    return db


@pytest.mark.parametrize("encrypted_side", ["community", "street"])
def test_a_sync_package_carries_the_photo_from_and_to_an_encrypted_database(
    encrypted_side: str, tmp_path: Path, templates: Templates, usb: Path
) -> None:
    """The package holds the plain photo (itself encrypted to the street's key, decision
    0017); each side stores it its own way and reads it back."""
    (tmp_path / "c").mkdir()
    (tmp_path / "s").mkdir()
    with memory_keyring():
        c = community_db(tmp_path / "c" / "c.sqlite", templates)
        s = street_db(tmp_path / "s" / "s.sqlite", templates)
        if encrypted_side == "community":
            c.close()
            c = encrypted_copy(tmp_path / "c" / "c.sqlite", usb, OPERATOR)
        else:
            s.close()
            s = encrypted_copy(tmp_path / "s" / "s.sqlite", usb, "王主任")
        try:
            enrol_both(c, s, tmp_path)
            add_case(c, tmp_path, ("门禁照片.png", PHOTO))
            sent = packages.export_package(c, usb)
            got = packages.import_package(s, usb / sent.file)
            assert got.status == packages.APPLIED, got.reason
            sealed = c if encrypted_side == "community" else s
            assert_sealed(sealed.attachments_dir, 1)
            for db in (c, s):
                assert blobs.store_of(db).read(sha(PHOTO)) == PHOTO
        finally:
            c.close()
            s.close()
