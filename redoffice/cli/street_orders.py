"""``street`` commands of the street's decisions back to communities (issue 15): ``decide``,
``reply``, ``notice``, ``receipt`` (a receipt carrying them now) at the street; ``notices``
(street: each notice and who completed it; community: those received) and ``complete`` (at a
community). Registered on the ``street`` group by :func:`register`."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from redoffice.cli.common import out, out_json, parse_date
from redoffice.cli.sync import _passphrase
from redoffice.cli.work import command
from redoffice.kit.db import Database
from redoffice.street import decisions, notices
from redoffice.sync import acks, keys, node


def cmd_decide(db: Database, args: argparse.Namespace) -> int:
    outcome = decisions.APPROVE if args.approve else decisions.REJECT
    done = decisions.decide(db, args.application, outcome, args.opinion or "", args.community)
    if args.json:
        out_json(asdict(done))
    else:
        verdict = decisions.OUTCOMES[outcome]
        out(f"已{verdict}{done.community}的申请 {done.record}，将随下一张回执发回该社区")
    return 0


def cmd_reply(db: Database, args: argparse.Namespace) -> int:
    done = decisions.reply(db, args.case, args.department, args.text, args.community)
    if args.json:
        out_json(asdict(done))
    else:
        out(f"已答复{done.community}的诉求 {done.record}，将随下一张回执发回该社区")
    return 0


def cmd_notice(db: Database, args: argparse.Namespace) -> int:
    to = None if args.all else args.to.split(",")
    done = notices.issue(db, to, args.title, args.due, body=args.text or "", kind=args.kind)
    if args.json:
        out_json(asdict(done))
    else:
        out(f"已发出“{done.title}”（{done.due_on} 前完成）给：{'、'.join(done.communities)}")
    return 0


def cmd_notices(db: Database, args: argparse.Namespace) -> int:
    if node.role(db) == node.STREET:
        rows: list[Any] = notices.progress(db)
        if args.json:
            out_json([asdict(r) for r in rows])
            return 0
        for p in rows:
            out(f"{p.id}\t{p.due_on}\t{p.title}\t已完成：{'、'.join(p.done) or '无'}")
            for done in p.completions:
                out(f"\t\t{done.line}")
            if p.waiting:
                out(f"\t\t未完成：{'、'.join(p.waiting)}")
        return 0
    return _received(db, args)


def _received(db: Database, args: argparse.Namespace) -> int:
    rows = notices.received(db)
    if args.json:
        out_json([asdict(r) for r in rows])
        return 0
    for r in rows:
        state = f"已完成（{r.done_by}）{r.note and '：' + r.note}" if r.done_at else "未完成"
        out(f"{r.id}\t{notices.KINDS[r.kind]}\t{r.due_on} 前\t{r.title}\t{state}")
    if not rows:
        out("街道还没有发来通知或任务")
    return 0


def cmd_complete(db: Database, args: argparse.Namespace) -> int:
    notices.complete(db, args.notice, args.note or "")
    out("已记录完成，将随下一个数据包报给街道")
    return 0


def cmd_receipt(db: Database, args: argparse.Namespace) -> int:
    own = keys.load_keys(db, _passphrase(db, args))
    made = acks.write_receipt(db, own, args.to, Path(args.out))
    if args.json:
        out_json({"file": str(made)})
    else:
        out(f"回执：{made}（请交给该社区导入）")
    return 0


def register(street: Any) -> None:
    """Add these commands to the ``street`` command group (its subparsers)."""
    d = command(street, "decide", cmd_decide, "审批待上级审批的救助申请", writes=True)
    d.add_argument("application", metavar="APPLICATION", help="申请的 ID 或编号")
    verdict = d.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--approve", action="store_true", help="批准")
    verdict.add_argument("--reject", action="store_true", help="驳回（须写意见）")
    d.add_argument("--opinion", help="审批意见")
    d.add_argument("--community", metavar="NODE", help="编号在多个社区重复时指明社区")
    d.add_argument("--json", action="store_true")
    r = command(street, "reply", cmd_reply, "答复社区转街道的诉求", writes=True)
    r.add_argument("case", metavar="CASE", help="诉求的 ID 或编号")
    r.add_argument("--department", required=True, help="承办部门")
    r.add_argument("--text", required=True, help="答复内容")
    r.add_argument("--community", metavar="NODE", help="编号在多个社区重复时指明社区")
    r.add_argument("--json", action="store_true")
    n = command(street, "notice", cmd_notice, "给社区发通知或任务", writes=True)
    to = n.add_mutually_exclusive_group(required=True)
    to.add_argument("--to", metavar="NODE[,NODE]", help="社区编号或节点编号，逗号分隔")
    to.add_argument("--all", action="store_true", help="发给全部社区")
    n.add_argument("--title", required=True)
    n.add_argument("--due", required=True, type=parse_date, help="完成期限 YYYY-MM-DD")
    n.add_argument("--text", help="内容")
    n.add_argument("--kind", choices=sorted(notices.KINDS), default="notice")
    n.add_argument("--json", action="store_true")
    ls = command(
        street,
        "notices",
        cmd_notices,
        "通知和任务（街道：各社区完成情况；社区：收到的）",
        writes=False,
    )
    ls.add_argument("--json", action="store_true")
    done = command(
        street, "complete", cmd_complete, "记录完成街道的通知或任务（社区）", writes=True
    )
    done.add_argument("notice", metavar="NOTICE", help="通知的 ID（street notices 列出）")
    done.add_argument("--note", help="完成情况")
    rc = command(
        street, "receipt", cmd_receipt, "生成给社区的回执（带上审批、答复和通知）", writes=True
    )
    rc.add_argument("--to", required=True, metavar="NODE", help="社区编号或节点编号")
    rc.add_argument("--out", required=True, metavar="DIR")
    rc.add_argument("--json", action="store_true")
