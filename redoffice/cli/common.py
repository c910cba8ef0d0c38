"""Output helpers shared by the command groups."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from redoffice.db import Database
from redoffice.errors import UserError

Handler = Callable[[Database, argparse.Namespace], int]


def out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def out_json(value: Any) -> None:
    out(json.dumps(value, ensure_ascii=False, indent=1, default=_default))


def parse_date(text: str) -> date:
    """An argparse type: YYYY-MM-DD, with a Chinese message when it is not."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from exc


def write_file(path: str, data: bytes) -> None:
    """Write via a temporary file so that a failed run never leaves half a PDF behind."""
    target = Path(path)
    temp = target.with_name(target.name + ".part")
    try:
        temp.write_bytes(data)
        temp.replace(target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise UserError("file.cannot_write", path=path, detail=exc.strerror or str(exc)) from exc
