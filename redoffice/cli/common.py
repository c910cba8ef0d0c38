"""Output helpers shared by the command groups."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import Staff
from redoffice.registry import reference as registry
from redoffice.settings import community
from redoffice.street.communities import community_node

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


def community_option(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """``--community NODE`` on a read-only command: on a street database its reads show only
    that community's rows (node id, code or name); refused on a community database."""
    parser.add_argument(
        "--community",
        dest="scope_community",
        metavar="NODE",
        help="街道办：只看该社区（节点编号、社区代码或名称）",
    )
    handler: Handler = parser.get_default("handler")

    def scoped(db: Database, args: argparse.Namespace) -> int:
        if args.scope_community:
            db.community = _community(db, args.scope_community)
        return handler(db, args)

    parser.set_defaults(handler=scoped)
    return parser


def _community(db: Database, text: str) -> str:
    if not db.is_street:
        raise UserError("street.community_street_only")
    return community_node(db, text)


def staff_ref(db: Database, ref: str | None, option: str = "--by") -> str:
    """A staff id from an id or a unique name (an option such as ``--by``, ``--staff``); the
    operator's own record when not given."""
    if ref is None or not ref.strip():
        name = db.actor or community.operator(db)  # --operator, else the stored one
        found = registry.staff_named(db, name) if name else None
        if found is None:
            raise UserError("cli.fund_staff_needed", option=option, name=name)
        return found
    ref = ref.strip()
    with db.read() as s:
        if s.scalar(select(Staff.id).where(Staff.id == ref, Staff.deleted.is_(False))):
            return ref
    found = registry.staff_named(db, ref)
    if found is None:
        known = any(st.name == ref for st in registry.list_staff(db))
        raise UserError("cli.staff_ambiguous" if known else "cli.staff_unknown", name=ref)
    return found
