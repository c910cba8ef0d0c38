"""The store of photos and scans, addressed by the SHA-256 of their content: where a file lives
(``<store>/ab/abcdef…``), writing one in whole or not at all, and reading it back. The
attachments feature fills the store; backups copy it by hash; sync packages carry its blobs.

On an encrypted database (decision 0028) the blobs are encrypted too, with a key derived from
the database key by HKDF-SHA256: a blob is :data:`MAGIC`, an 8-byte random nonce prefix, then
chunks of at most 1 MiB of plain content, each AES-256-GCM with the nonce ``prefix ‖ chunk
number (3 bytes) ‖ last (1 byte)`` and the blob's hash as associated data — a chunk dropped,
moved or cut off, or a blob renamed, fails to read. The name stays the SHA-256 of the *plain*
content, so sync and deduplication work as before. A file without the mark is a plain blob (a
plain database's store, or one brought back from a plain backup) and is read as it is."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from redoffice.kit import cipher
from redoffice.kit.errors import UserError
from redoffice.kit.files import sync_to_disk

if TYPE_CHECKING:
    from redoffice.kit.db import Database

MAGIC: Final = b"RedOffice blob\x00\x01"
PREFIX: Final = 8
CHUNK: Final = 1 << 20
TAG: Final = 16
INFO: Final = b"RedOffice attachments v1"


def blob_path(store: Path, sha256: str) -> Path:
    return store / sha256[:2] / sha256


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


def blob_key(database_key: bytes) -> bytes:
    """The attachments' key: HKDF-SHA256 of the database key (never the database key itself)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=INFO).derive(database_key)


def key_of(database: Path | None) -> bytes | None:
    """The blob key of the SQLite file ``database`` (its key from the keyring or the
    passphrase, checked): None for a plain file or a server database."""
    key = cipher.key_for(database) if database is not None else None
    return None if key is None else blob_key(key)


def store_of(db: Database) -> Store:
    """The attachments store of the open database ``db``, with its key when it is encrypted."""
    source = db.engine.url.database
    file = Path(source) if db.is_sqlite and source and source != ":memory:" else None
    return Store(db.attachments_dir, key_of(file))


def is_sealed(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(len(MAGIC)) == MAGIC


@dataclass(frozen=True)
class Store:
    """A folder of blobs; ``key`` (a :func:`blob_key`): new blobs are written encrypted."""

    folder: Path
    key: bytes | None = None

    def path(self, sha256: str) -> Path:
        return blob_path(self.folder, sha256)

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def chunks(self, sha256: str) -> Iterator[bytes]:
        """The plain content of a blob, piece by piece; a blob that does not decrypt (damaged,
        or another database's) is refused in words."""
        return self._content(self.path(sha256), sha256)

    def _content(self, path: Path, sha256: str) -> Iterator[bytes]:
        with path.open("rb") as f:
            if f.read(len(MAGIC)) != MAGIC:
                f.seek(0)
                yield from iter(lambda: f.read(CHUNK), b"")
                return
            if self.key is None:
                raise UserError("attachment.damaged", file=path.name)
            yield from _decrypt(f, path.stat().st_size, self.key, sha256, path.name)

    def read(self, sha256: str) -> bytes:
        return b"".join(self.chunks(sha256))

    def intact(self, sha256: str) -> bool:
        """Whether the blob is there, reads (decrypts) and its content matches its hash."""
        h = hashlib.sha256()
        try:
            for chunk in self.chunks(sha256):
                h.update(chunk)
        except (OSError, UserError):
            return False
        return h.hexdigest() == sha256

    def export(self, sha256: str, target: Path) -> None:
        """The plain content written to ``target`` (a viewer's copy)."""
        _write_whole(target, lambda out: out.writelines(self.chunks(sha256)))

    def put_file(self, source: Path, sha256: str) -> None:
        """Store the file ``source`` (whose content hashes to ``sha256``) unless the blob is
        there already: through a temporary name, synced, renamed — never half a blob."""
        if not self.has(sha256):
            with source.open("rb") as src:
                _write_whole(self.path(sha256), self._writer(src, sha256))

    def put(self, sha256: str, data: bytes) -> None:
        """Store ``data`` (a sync package's attachment) as :meth:`put_file`."""
        if not self.has(sha256):
            pieces = iter([data[i : i + CHUNK] for i in range(0, len(data), CHUNK)] or [b""])
            _write_whole(self.path(sha256), self._writer_of(pieces, sha256))

    def seal(self) -> int:
        """Encrypt every plain blob of the store in place (``key`` needed): each encrypted
        copy written beside it, read back and checked, renamed over it, and the plain bytes
        overwritten (:func:`cipher.replace_wiping`); a kill leaves each blob whole, plain or
        encrypted (and at most a temporary file, removed by the next run). Returns how many
        were encrypted."""
        if self.key is None:
            raise ValueError("a store is sealed with a key")
        done = 0
        for path in sorted(self.folder.glob("??/*")) if self.folder.is_dir() else ():
            if path.name.startswith("."):  # a temporary file a kill left
                path.unlink()
            elif path.is_file() and not is_sealed(path):
                self._seal_one(path)
                done += 1
        return done

    def _seal_one(self, path: Path) -> None:
        sha256 = path.name
        temp = path.with_name(f".sealing-{sha256}")
        with path.open("rb") as src:
            _write_whole(temp, self._writer(src, sha256))
        copied = hashlib.sha256(b"".join(self._content(temp, sha256))).hexdigest()
        if not is_sealed(temp) or copied != file_sha256(path):
            temp.unlink()
            raise UserError("attachment.damaged", file=path.name)
        cipher.replace_wiping(temp, path)

    def _writer(self, src: IO[bytes], sha256: str) -> Callable[[IO[bytes]], None]:
        return self._writer_of(iter(lambda: src.read(CHUNK), b""), sha256)

    def _writer_of(self, pieces: Iterator[bytes], sha256: str) -> Callable[[IO[bytes]], None]:
        key = self.key
        if key is None:
            return lambda out: out.writelines(pieces)
        return lambda out: _encrypt(pieces, out, key, sha256)


def _nonce(prefix: bytes, number: int, last: bool) -> bytes:
    return prefix + number.to_bytes(3, "big") + (b"\x01" if last else b"\x00")


def _encrypt(pieces: Iterator[bytes], out: IO[bytes], key: bytes, sha256: str) -> None:
    aead, prefix, aad = AESGCM(key), os.urandom(PREFIX), sha256.encode()
    out.write(MAGIC + prefix)
    current = next(pieces, b"")
    number = 0
    while True:
        following = next(pieces, None)
        out.write(aead.encrypt(_nonce(prefix, number, following is None), current, aad))
        if following is None:
            return
        current, number = following, number + 1


def _decrypt(f: IO[bytes], size: int, key: bytes, sha256: str, name: str) -> Iterator[bytes]:
    aead, aad = AESGCM(key), sha256.encode()
    prefix = f.read(PREFIX)
    body = size - len(MAGIC) - PREFIX
    count = max(1, -(-body // (CHUNK + TAG)))
    for number in range(count):
        sealed = f.read(CHUNK + TAG)
        try:
            yield aead.decrypt(_nonce(prefix, number, number == count - 1), sealed, aad)
        except (InvalidTag, ValueError) as exc:
            raise UserError("attachment.damaged", file=name) from exc


def _write_whole(target: Path, fill: Callable[[IO[bytes]], None]) -> None:
    """Write ``target`` through a temporary name beside it, synced to disk before the rename
    and the folder after it: a kill or a full disk never leaves half a blob under its name."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as out:
            fill(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    sync_to_disk(target.parent)


def copy_new(source: Path, target: Path) -> None:
    """Copy a blob file as it is (plain or encrypted) to ``target`` unless one is there: a
    backup's copy keeps the blob's encryption (the backup has the database's key)."""
    if not target.exists():
        with source.open("rb") as src:
            _write_whole(target, lambda out: out.writelines(iter(lambda: src.read(CHUNK), b"")))
