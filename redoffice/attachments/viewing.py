"""The viewing folder (``<data folder>/viewing``, 0700 — never the system's TEMP): the plain
copies of encrypted photos and scans handed to the system's viewer (decision 0028).

What a run left there — killed before its exit (a crash, the task manager, a power cut), or a
copy a Windows viewer still held open at exit — is overwritten and removed when the next run
starts (:func:`empty_left_copies`, called by the window's start, ``ui/app.py``) and, should
that not have run, when it first opens a file; the folder is emptied again when the run ends.
No CLI command opens an attachment for viewing."""

from __future__ import annotations

import atexit
from contextlib import suppress
from pathlib import Path
from typing import Final

from redoffice.kit import cipher
from redoffice.kit.files import private_folder
from redoffice.kit.paths import data_dir

VIEWING: Final = "viewing"  # under the data folder

_emptied: set[Path] = set()  # the viewing folders this run has emptied (and will at its exit)


def empty_left_copies() -> None:
    """Once per run and folder: remove what earlier runs left in the viewing folder, and empty
    it again at this run's exit."""
    folder = data_dir() / VIEWING
    if folder in _emptied:
        return
    _emptied.add(folder)
    clear_viewing(folder)
    atexit.register(clear_viewing, folder)


def viewing_folder() -> Path:
    """This user's one folder of viewer copies, emptied of earlier runs' copies first."""
    empty_left_copies()
    return private_folder(data_dir() / VIEWING)


def clear_viewing(folder: Path) -> None:
    """Overwrite and remove every viewer copy in ``folder`` (:func:`cipher.wipe`)."""
    for copy in folder.iterdir() if folder.is_dir() else ():
        with suppress(OSError):  # held open by a viewer on Windows: the next run's
            cipher.wipe(copy)
