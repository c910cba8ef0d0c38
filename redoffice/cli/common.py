"""Output helpers shared by the command groups."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from redoffice.kit.db import Database

Handler = Callable[[Database, argparse.Namespace], int]


def out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def out_json(value: Any) -> None:
    out(json.dumps(value, ensure_ascii=False, indent=1, default=_default))


def out_rows(args: argparse.Namespace, rows: Sequence[Any], line: Callable[[Any], str]) -> int:
    """Dataclass rows as a JSON list (``--json``) or one tab-separated line each."""
    if args.json:
        out_json([asdict(r) for r in rows])
    else:
        for r in rows:
            out(line(r))
    return 0


def parse_date(text: str) -> date:
    """An argparse type: YYYY-MM-DD, with a Chinese message when it is not."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from exc
