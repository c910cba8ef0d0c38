"""The store of photos and scans, addressed by the SHA-256 of their content: where a file lives
(``<store>/ab/abcdef…``) and copying one in whole or not at all. The attachments feature fills
the store; backups copy it by hash and bring it back."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path


def blob_path(store: Path, sha256: str) -> Path:
    return store / sha256[:2] / sha256


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def copy_new(source: Path, target: Path) -> None:
    """Copy to a temporary name beside ``target``, then rename: never a half-written blob. A
    blob already there is the same content and is kept."""
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            shutil.copyfileobj(src, out, 1 << 20)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
