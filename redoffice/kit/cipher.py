"""The SQLite database encrypted at rest with SQLCipher 4 (decision 0028).

An encrypted file is AES-256 throughout; its first 16 bytes are SQLCipher's salt, readable
without the key. RedOffice makes the key (32 random bytes) when it encrypts a database and
gives SQLCipher the key *and* the salt (``PRAGMA key = "x'<key><salt>'"``): every copy made
with that key — backups, the test templates — has the same salt, so the salt names the key in
the operating system's keyring (entry ``database/<salt>``), whatever the file is called.

Where the PC has no keyring, the key is derived from a passphrase with scrypt (the file's salt
as scrypt's salt) and nothing is stored. Either way the key itself, written as the recovery
key (14 groups of 4 digits and letters, with a check), opens the file on another PC.

A plain file is opened with Python's own ``sqlite3`` exactly as before; only an encrypted one
goes through ``sqlcipher3``."""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Final, cast

import sqlcipher3.dbapi2 as sqlcipher

from redoffice.kit import keystore
from redoffice.kit.errors import UserError
from redoffice.kit.files import journal_files, private_file, sync_to_disk

PLAIN_HEADER: Final = b"SQLite format 3\x00"
KEY_BYTES: Final = 32
SALT_BYTES: Final = 16
CHECK_BYTES: Final = 3
GROUP: Final = 4
# Crockford's base 32: digits and capitals without I, L, O, U (nothing to misread on paper)
ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
MISREAD: Final = {"O": "0", "I": "1", "L": "1", "U": "V"}
SCRYPT: Final = {"n": 2**15, "r": 8, "p": 1}
PASSPHRASE_MIN: Final = 8
MIN_PAGE: Final = 512  # SQLite's smallest page: an encrypted file is whole pages
PASSPHRASE_ENV: Final = "REDOFFICE_DB_PASSPHRASE"  # where a PC without keyring gives it
ERRORS: Final = (sqlite3.Error, sqlcipher.Error)  # what either driver raises
# SQLCipher's words for an encrypted file its key opens but whose pages are damaged (a cut-short
# copy: "database disk image is malformed"); a wrong key reads "file is not a database"
DAMAGED: Final = ("malformed", "corrupt", "disk i/o error")
dbapi = sqlcipher  # the DB-API module SQLAlchemy uses for an encrypted file


def is_encrypted(path: Path) -> bool:
    """A file that is there, whose header is not SQLite's plain one and whose size is a whole
    number of pages (SQLCipher writes pages of 512 bytes or a multiple). An empty or missing file
    is a new plain database; a text file or a workbook picked by mistake (its size is no whole
    number of pages) is not taken for an encrypted database, so nobody is sent for a key."""
    try:
        with path.open("rb") as f:
            head = f.read(len(PLAIN_HEADER))
        size = path.stat().st_size
    except (FileNotFoundError, IsADirectoryError):
        return False
    pages = size > 0 and size % MIN_PAGE == 0
    return pages and len(head) == len(PLAIN_HEADER) and head != PLAIN_HEADER


def file_salt(path: Path) -> bytes:
    with path.open("rb") as f:
        return f.read(SALT_BYTES)


def _entry(salt: bytes) -> str:
    return f"database/{salt.hex()}"


def raw_key(key: bytes, salt: bytes) -> str:
    """SQLCipher's raw key with its salt: no key derivation, the salt written in the file."""
    return f"x'{key.hex()}{salt.hex()}'"


def key_pragma(key: bytes, salt: bytes) -> str:
    return f'PRAGMA key = "{raw_key(key, salt)}"'


# SQLCipher's own log (English "ERROR CORE sqlcipher_page_cipher: hmac check failed …" on
# stderr at a wrong key): off on every connection, the refusal is said in words instead
QUIET: Final = "PRAGMA cipher_log_level = NONE"


def quiet(conn: sqlcipher.Connection) -> sqlcipher.Connection:
    """``conn`` with SQLCipher's log off (see :data:`QUIET`)."""
    conn.execute(QUIET)
    return conn


def connect(
    path: Path, key: bytes | None, *, read_only: bool = False, salt: bytes | None = None
) -> sqlite3.Connection:
    """A DB-API connection to ``path``: Python's ``sqlite3`` for a plain file (``key`` None),
    else SQLCipher's with the key given first — with the file's own salt, or ``salt`` for a
    copy being made. ``read_only`` never writes to the file (nor creates it)."""
    target = f"{path.resolve().as_uri()}?mode=ro" if read_only else str(path)
    if key is None:
        return sqlite3.connect(target, uri=read_only)
    conn = quiet(sqlcipher.connect(target, uri=read_only))
    conn.execute(key_pragma(key, salt or file_salt(path)))
    return cast(sqlite3.Connection, conn)


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


# ── finding the key of a file ──────────────────────────────────────────────────────────────


def key_for(path: Path, passphrase: str | None = None) -> bytes | None:
    """The key of the file at ``path``: None for a plain one; derived from ``passphrase``
    (or ``REDOFFICE_DB_PASSPHRASE``), else the one :func:`hold` was given, else the keyring's;
    checked against the file (read-only). Refused, with the way out in
    the message, when it is not known or does not open the file."""
    if not is_encrypted(path):
        return None
    salt = file_salt(path)
    passphrase = passphrase or os.environ.get(PASSPHRASE_ENV)
    if passphrase:
        key = from_passphrase(passphrase, salt)
    elif (stored := _held.get(salt) or _stored(salt)) is not None:
        key = stored
    elif keystore.keyring_available():
        raise UserError("db.key_missing", path=str(path))
    else:
        raise UserError("db.passphrase_needed", path=str(path))
    check_key(path, key, "db.passphrase_wrong" if passphrase else "db.key_wrong")
    return key


# keys typed at opening (the recovery key or the passphrase) that the user chose not to keep in
# the keyring: used by this process only, by salt like the keyring's entries, never written
_held: dict[bytes, bytes] = {}


def hold(path: Path, key: bytes) -> None:
    """Open ``path`` with ``key`` for as long as this program runs, without the keyring."""
    _held[file_salt(path)] = key


def _stored(salt: bytes) -> bytes | None:
    if not keystore.keyring_available():
        return None
    text = keystore.read(_entry(salt))
    return None if text is None else bytes.fromhex(text)


def check_key(path: Path, key: bytes, wrong: str = "db.key_wrong") -> None:
    """Refuse (with the message ``wrong``) a key that does not open ``path``; the file is
    only read. A damaged file its key opens is not refused here."""
    conn = connect(path, key, read_only=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except ERRORS as exc:
        # a key that decrypts the first page of a damaged file is its key (a wrong one reads
        # as "not a database"): the damage is said by the opening, with its way out (a backup)
        if not any(sign in str(exc).lower() for sign in DAMAGED):
            raise UserError(wrong, path=str(path)) from exc
    finally:
        conn.close()


def remember(path: Path, key: bytes) -> None:
    """Keep the key of the encrypted file ``path`` in this PC's keyring."""
    keystore.write(_entry(file_salt(path)), key.hex())


def from_passphrase(passphrase: str, salt: bytes) -> bytes:
    if len(passphrase) < PASSPHRASE_MIN:
        raise UserError("db.passphrase_short", min=PASSPHRASE_MIN)
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, dklen=KEY_BYTES, maxmem=2**26, **SCRYPT
    )


def unlock(path: Path, recovery: str) -> None:
    """Open ``path`` on this PC with the recovery key from the safe: checked against the file,
    then kept in the keyring so the database opens as usual from now on."""
    if not is_encrypted(path):
        raise UserError("db.not_encrypted", path=str(path))
    key = parse_recovery_key(recovery)
    check_key(path, key, "db.recovery_key_wrong")
    if not keystore.keyring_available():
        raise UserError("db.unlock_no_keyring")
    remember(path, key)


# ── the recovery key ───────────────────────────────────────────────────────────────────────


def _check(key: bytes) -> bytes:
    return hashlib.sha256(b"RedOffice recovery key\0" + key).digest()[:CHECK_BYTES]


def recovery_key(key: bytes) -> str:
    """The key and a 3-byte check as 56 base-32 characters in 14 groups of 4."""
    number = int.from_bytes(key + _check(key), "big")
    count = (KEY_BYTES + CHECK_BYTES) * 8 // 5
    chars = [ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(count))]
    text = "".join(chars)
    return " ".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def parse_recovery_key(text: str) -> bytes:
    """The key from a recovery key as typed: spaces, dashes, lower case, full-width characters
    and O/I/L read as 0/1 are forgiven; a wrong character or a missing group is refused."""
    cleaned = "".join(ch for ch in _half_width(text).upper() if ch.isalnum())
    cleaned = "".join(MISREAD.get(ch, ch) for ch in cleaned)
    count = (KEY_BYTES + CHECK_BYTES) * 8 // 5
    if len(cleaned) != count or any(ch not in ALPHABET for ch in cleaned):
        raise UserError("db.recovery_key_invalid")
    number = 0
    for ch in cleaned:
        number = number << 5 | ALPHABET.index(ch)
    raw = number.to_bytes(KEY_BYTES + CHECK_BYTES, "big")
    key, check = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if _check(key) != check:  # well-formed, but a character is wrong
        raise UserError("db.recovery_key_wrong")
    return key


def _half_width(text: str) -> str:
    return "".join(chr(ord(ch) - 0xFEE0) if "！" <= ch <= "～" else ch for ch in text)


# ── 加密此数据库 ───────────────────────────────────────────────────────────────────────────


def _tables(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _verify(plain: Path, encrypted: Path, key: bytes) -> None:
    """The encrypted copy passes SQLite's integrity check and holds as many rows in every
    table as the plain file."""
    with_plain = connect(plain, None, read_only=True)
    with_key = connect(encrypted, key, read_only=True)
    try:
        checked = with_key.execute("PRAGMA integrity_check").fetchone()[0]
        if checked != "ok":
            raise UserError("db.encrypt_verify_failed", detail=str(checked))
        if _tables(with_plain) != _tables(with_key):
            raise UserError("db.encrypt_verify_failed", detail="各表行数不一致")
    finally:
        with_plain.close()
        with_key.close()


def _export(plain: Path, target: Path, key: bytes, salt: bytes) -> None:
    """``sqlcipher_export`` of the plain file into a new encrypted file."""
    target.unlink(missing_ok=True)
    private_file(target)  # 0600 before a byte is written (SQLite keeps the mode)
    conn = quiet(sqlcipher.connect(str(plain)))
    try:
        attach = "ATTACH DATABASE ? AS encrypted KEY ?"
        conn.execute(attach, (str(target), raw_key(key, salt)))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()


@dataclass(frozen=True)
class NewKey:
    """The key a database is about to be encrypted with, and its salt; ``kept``: in the
    keyring (else derived from a passphrase, and nothing is stored)."""

    key: bytes
    salt: bytes
    kept: bool

    @property
    def recovery(self) -> str:
        return recovery_key(self.key)


def new_database_key(path: Path, passphrase: str | None = None) -> NewKey:
    """A new key: 32 random bytes for the keyring, or derived from ``passphrase`` where this
    PC has no keyring (refused without one)."""
    salt = new_salt()
    if passphrase:
        return NewKey(from_passphrase(passphrase, salt), salt, kept=False)
    if not keystore.keyring_available():
        raise UserError("db.passphrase_to_encrypt", path=str(path))
    return NewKey(new_key(), salt, kept=True)


def encrypt_file(path: Path, new: NewKey) -> None:
    """Encrypt the plain SQLite file ``path`` in place with ``new``; no connection may be open
    on it.

    The plain file is held locked for writing from its checkpoint to the rename (readers
    may read it; another writer waits and is told the database is busy): no change can be
    committed to it after the export and then renamed away. The encrypted copy is written
    beside it (``<name>.encrypting``), verified, its key kept in the keyring, and only then
    renamed over the plain file — one atomic rename: killed at any moment, ``path`` is either
    the whole plain file or the whole encrypted one. The plain bytes are then overwritten
    (:func:`replace_wiping`). A full disk is said in words, ``path`` unchanged."""
    if is_encrypted(path):
        raise UserError("db.already_encrypted", path=str(path))
    target = path.with_name(path.name + ".encrypting")
    lock = _hold_for_writing(path)
    try:
        _export(path, target, new.key, new.salt)
        _verify(path, target, new.key)
        if new.kept:
            keystore.write(_entry(new.salt), new.key.hex())
        sync_to_disk(target)
        replace_wiping(target, path)
    except (*ERRORS, OSError) as exc:
        if _disk_full(exc):
            raise UserError("db.encrypt_disk_full", path=str(path)) from exc
        raise
    finally:
        lock.close()
        for leftover in (target, *journal_files(target)):
            leftover.unlink(missing_ok=True)


def _disk_full(exc: Exception) -> bool:
    if isinstance(exc, OSError):
        return exc.errno == errno.ENOSPC
    return "database or disk is full" in str(exc).lower()


def _hold_for_writing(path: Path) -> sqlite3.Connection:
    """A connection holding ``path``'s write lock (``BEGIN IMMEDIATE``), once the WAL's pages
    are moved into the file and the WAL emptied and left (so the renamed-over file leaves no
    WAL of the plain database behind for the encrypted one to read). Refused while another
    connection holds the file — also one that opened it just before the lock was taken: with
    the lock held, nobody can switch the file back to WAL (a RedOffice connection opening now
    is told the database is busy), so no writer waits for it and then writes to the plain file
    renamed away (its commit lost, a plain WAL left beside the encrypted file)."""
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("BEGIN IMMEDIATE")
        # checked with the lock held: a connection that came in before it (switching the file
        # back to WAL) would otherwise wait for the lock, then write to the renamed-away file
        if busy or any(p.exists() and p.stat().st_size for p in journal_files(path)):
            raise UserError("db.encrypt_busy", path=str(path))
    except sqlite3.OperationalError as exc:  # another connection holds it
        conn.close()
        raise UserError("db.encrypt_busy", path=str(path)) from exc
    except UserError:
        conn.close()
        raise
    return conn


def replace_wiping(new: Path, old: Path) -> None:
    """Rename ``new`` over ``old`` (atomic), then overwrite the replaced file's bytes with zeros
    where the system allows it: on Linux through a descriptor held across the rename, so a
    kill at any moment leaves ``old`` whole (the old content or the new). On Windows an open
    file cannot be renamed over: the old file is only removed. Best effort either way — an SSD
    or a copy-on-write file system may keep the old blocks (decision 0028)."""
    if os.name == "nt":
        os.replace(new, old)
        return
    fd = os.open(old, os.O_WRONLY)
    try:
        os.replace(new, old)
        _zero(fd)
    finally:
        os.close(fd)


def wipe(path: Path) -> None:
    """Overwrite the file ``path`` with zeros, then remove it (best effort, as above)."""
    if os.name != "nt":
        fd = os.open(path, os.O_WRONLY)
        try:
            _zero(fd)
        finally:
            os.close(fd)
    path.unlink()


def _zero(fd: int) -> None:
    size = os.fstat(fd).st_size
    zeros = bytes(1 << 20)
    os.lseek(fd, 0, os.SEEK_SET)
    for start in range(0, size, len(zeros)):
        os.write(fd, zeros[: min(len(zeros), size - start)])
    os.fsync(fd)
