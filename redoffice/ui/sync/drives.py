"""Where a package can go: the folder used last time, and the removable drives (USB sticks)
plugged in now — mounted under /media or /run/media on Linux, drive letters of removable
drives on Windows."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from PySide6.QtCore import QStorageInfo

LINUX_MOUNTS: Final = ("/media/", "/run/media/")
DRIVE_REMOVABLE: Final = 2  # GetDriveTypeW


@dataclass(frozen=True)
class Drive:
    root: str
    name: str


def _removable_letter(root: str) -> bool:
    if sys.platform != "win32":
        return False
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    return bool(kernel.GetDriveTypeW(root.replace("/", "\\")) == DRIVE_REMOVABLE)


def is_removable(root: str) -> bool:
    if sys.platform == "win32":
        return _removable_letter(root)
    return root.startswith(LINUX_MOUNTS)


def removable_drives() -> list[Drive]:
    """The removable drives ready for writing, in the order the system lists them."""
    found = []
    for volume in QStorageInfo.mountedVolumes():
        root = volume.rootPath()
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        if is_removable(root):
            found.append(Drive(root, volume.displayName() or Path(root).name or root))
    return found
