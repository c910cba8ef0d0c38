"""The register of erasures a restore must not undo (PIPL; decisions 0030, 0031).

A line ``{UTC instant}\t{table}\t{id}`` for every resident erased (here, or by a sync
package's purge) in ``{database}.erasures`` beside the SQLite file — outside it, so a restore
brings back the database as the backup had it and the register stays — and in a copy kept with
each backup folder's copies (``backups/{stem}.erasures``, the second folder's): a backup
restored on another PC finds the erasures made after it. Ids only: no name, no number.
:mod:`redoffice.kit.restoring` gathers the registers before a restore; the replay
(:mod:`redoffice.registry.erasure_replay`) reads :func:`noted_erasures`."""

from __future__ import annotations

import json
from collections.abc import Iterable
from contextlib import suppress
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, text

from redoffice.kit import clock, logs
from redoffice.kit.backup_paths import RESTORING, SECOND_FOLDER, backup_folder_of, sqlite_file
from redoffice.kit.errors import UserError
from redoffice.kit.files import append_to_disk

ERASURES = ".erasures"  # beside the database: when and which record was erased (ids only)


def erasure_register(database: Path) -> Path:
    """The register of erasures beside the database file, outside it: a restore brings back
    the database as the backup had it, the register stays."""
    return database.with_name(database.name + ERASURES)


def note_erasure(engine: Engine, table: str, row_id: str) -> None:
    """Record that ``row_id`` of ``table`` was erased in the database of ``engine`` (here, after
    the erasure's commit; or by a sync package's purge): a line ``{UTC instant}\t{table}\t{id}``
    appended to :func:`erasure_register` and to its copies in the backup folder and the second
    folder (when plugged in: else the next copy there brings it, :func:`share_register`),
    0600, flushed to disk. No name, no number: ids only. A server database: nothing (its
    administrator's restore is outside RedOffice, decision 0030)."""
    source = sqlite_file(engine)
    if source is None:
        return
    line = f"{clock.utcnow().isoformat()}\t{table}\t{row_id}\n".encode()
    _append_logged(erasure_register(source), line)  # first: it must not wait on the copies
    try:
        copies = _register_copies(source, engine)
    except OSError:  # a folder that cannot be looked at (an offline share): the next copy
        logs.log_exception("finding the erasure register's copies")  # there brings the line
        return
    for register in copies:
        _append_logged(register, line)


def _append_logged(register: Path, line: bytes) -> None:
    try:
        append_to_disk(register, line)
    except OSError:  # the erasure itself is committed; a restore will not know to repeat it
        logs.log_exception(f"noting an erasure in {register}")


def _register_copies(source: Path, engine: Engine) -> list[Path]:
    """The copies of ``source``'s register kept with its backups, in the folders there now
    (none for a restore's ``.restoring`` copy: its replay's notes are its own)."""
    if source.name.endswith(RESTORING):
        return []
    folders = [backup_folder_of(source), _second_of_engine(engine)]
    return [folder_register(f, source.stem) for f in folders if f is not None and f.is_dir()]


def _second_of_engine(engine: Engine) -> Path | None:
    with engine.connect() as conn:
        value = conn.execute(
            text("SELECT value FROM setting WHERE key = :key"), {"key": SECOND_FOLDER}
        ).scalar()
    folder = json.loads(value) if value else ""
    return Path(folder) if folder else None


def folder_register(folder: Path, stem: str) -> Path:
    """The copy, in a backup folder, of the register of the database ``stem`` whose copies are
    there: a backup restored on another PC (from the USB stick, the second folder) finds the
    erasures made after it (decision 0030)."""
    return folder / f"{stem}{ERASURES}"


def share_register(source: Path, register: Path) -> None:
    """Merge ``source``'s register into ``register`` (a copy kept with a backup): every line
    of either kept, none twice. A copy that cannot be written is logged; the backup stands."""
    try:
        _merge_registers(register, [erasure_register(source)])
    except (OSError, UserError):
        logs.log_exception(f"copying the erasure register to {register}")


def _merge_registers(target: Path, sources: Iterable[Path]) -> None:
    """``target`` made to hold every line of itself and of ``sources``: the lines it lacks
    appended and flushed to disk, as an erasure's own line is — never written whole again,
    so neither a power cut nor an erasure noted meanwhile by another program loses a line (a
    last line cut short by a kill is ended first, then left out by the reader)."""
    content = _register_text(target)
    seen = set(_whole_lines(content))
    new: list[str] = []
    for source in sources:
        for line in _whole_lines(_register_text(source)):
            if line not in seen:
                seen.add(line)
                new.append(line)
    if new:
        cut = "\n" if content and not content.endswith("\n") else ""
        append_to_disk(target, (cut + "".join(f"{line}\n" for line in new)).encode())


def _register_text(register: Path) -> str:
    return register.read_text(encoding="utf-8") if register.is_file() else ""


def _whole_lines(content: str) -> list[str]:
    """The whole lines of a register's text (one cut short by a kill is left out)."""
    return [line for line in content.splitlines() if line.count("\t") == 2]


def gather_registers(current: Path, backup: Path) -> None:
    """Before a restore: ``current``'s register made to hold, besides its own lines, those kept
    with its backups and with the backup restored — beside it (a 备份到… file) or in its
    folder (a backup folder, a second folder or USB stick brought from another PC): the
    replay then erases again every erasure any of them knows, and this PC keeps them all."""
    found = [folder_register(backup_folder_of(current), current.stem), erasure_register(backup)]
    found += [
        register
        for register in backup.parent.glob(f"*{ERASURES}")
        if backup.name.startswith(register.name.removesuffix(ERASURES) + "-")
    ]
    _merge_registers(erasure_register(current), found)


def noted_erasures(database: Path, table: str) -> list[tuple[datetime, str]]:
    """When and which rows of ``table`` the register says were erased, oldest first (a line
    cut short by a kill is skipped)."""
    register = erasure_register(database)
    if not register.is_file():
        return []
    found = []
    for line in register.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[1] == table and parts[2]:
            with suppress(ValueError):
                found.append((datetime.fromisoformat(parts[0]), parts[2]))
    return found
