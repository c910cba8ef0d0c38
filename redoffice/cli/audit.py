"""``audit`` commands: ``audit verify`` checks that the hash-chained audit log is intact."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from redoffice.audit import chain
from redoffice.cli.common import out, out_json
from redoffice.cli.work import command
from redoffice.kit.db import Database


def cmd_audit_verify(db: Database, args: argparse.Namespace) -> int:
    """Exit 0 when the chain is intact, 1 naming the first entry altered, removed or inserted
    outside the application."""
    verdict = chain.verify(db)
    if args.json:
        out_json(asdict(verdict))
    else:
        out(verdict.text())
    return 0 if verdict.ok else 1


def register(sub: Any) -> None:
    a = sub.add_parser("audit", help="审计记录").add_subparsers(dest="action", required=True)
    ver = command(a, "verify", cmd_audit_verify, "检查审计记录的哈希链是否完整", writes=False)
    ver.add_argument("--json", action="store_true")
