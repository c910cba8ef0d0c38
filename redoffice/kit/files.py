"""Writing the files users ask for (PDFs, workbooks): whole or not at all."""

from __future__ import annotations

from pathlib import Path

from redoffice.kit.errors import UserError


def write_file(path: str | Path, data: bytes) -> None:
    """Write via a temporary file so that a failed write never leaves half a file behind."""
    target = Path(path)
    temp = target.with_name(target.name + ".part")
    try:
        temp.write_bytes(data)
        temp.replace(target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise UserError(
            "file.cannot_write", path=str(path), detail=exc.strerror or str(exc)
        ) from exc


def unused_path(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem+suffix``, or ``stem-2``, ``-3`` … : a file already there is never
    overwritten (a package or receipt written twice on one day)."""
    path = folder / f"{stem}{suffix}"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path
