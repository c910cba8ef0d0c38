"""``sync`` commands (issue 14): node keys, enrolment, packages and acknowledgements by file.

A refused or held package exits 1 with one Chinese line saying why and what to do; ``--json``
prints the result on refusal too."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from redoffice.cli.common import out, out_json
from redoffice.cli.work import command
from redoffice.kit import backups
from redoffice.kit.db import Database
from redoffice.kit.messages import message
from redoffice.sync import acks, conflicts, enrol, held, keys, packages, status

PASSPHRASE_ENV = "REDOFFICE_KEY_PASSPHRASE"


def _passphrase(db: Database, args: argparse.Namespace) -> str | None:
    """The key file's passphrase, when the keys are (or are to be) in a key file: from
    ``REDOFFICE_KEY_PASSPHRASE``, else asked for on the terminal."""
    in_file = getattr(args, "key_file", False)
    if not in_file and keys.has_keys(db):
        in_file = keys.info(db).store == keys.KEY_FILE
    if not in_file:
        return None
    found = os.environ.get(PASSPHRASE_ENV)
    if found:
        return found
    if sys.stdin.isatty():
        return getpass.getpass("密钥文件口令：")
    return None


def cmd_keys(db: Database, args: argparse.Namespace) -> int:
    if not keys.has_keys(db):
        keys.ensure_keys(db, use_file=args.key_file, passphrase=_passphrase(db, args))
    found = keys.info(db)
    if args.json:
        out_json(asdict(found) | {"fingerprint_grouped": keys.grouped(found.fingerprint)})
        return 0
    out(f"节点：{found.node_id}")
    out(f"密钥编号：{found.key_id}")
    out(f"指纹：{keys.grouped(found.fingerprint)}")
    out(f"私钥保存在：{found.where}")
    return 0


def cmd_rekey(db: Database, args: argparse.Namespace) -> int:
    made = keys.rekey(db, use_file=args.key_file, passphrase=_passphrase(db, args))
    out(f"已生成新密钥 {made.key_id}，指纹 {keys.grouped(made.public.fingerprint)}")
    out("请导出新的登记文件（sync enrol-export），交对方核对指纹后重新导入；旧密钥随之作废")
    return 0


def cmd_enrol_export(db: Database, args: argparse.Namespace) -> int:
    made = enrol.export_enrolment(
        db,
        Path(args.out),
        use_file=args.key_file,
        passphrase=_passphrase(db, args),
        sheet=Path(args.sheet) if args.sheet else None,
    )
    out(f"已导出登记文件 {args.out}")
    if args.sheet:
        out(f"登记表：{args.sheet}（请打印，供对方核对指纹）")
    out(f"指纹：{keys.grouped(made.fingerprint)}（请对方导入时核对）")
    return 0


def cmd_enrol_import(db: Database, args: argparse.Namespace) -> int:
    found = enrol.import_enrolment(db, Path(args.file), args.fingerprint)
    if args.json:
        out_json(
            {
                "node_id": found.node_id,
                "role": found.role,
                "name": found.name,
                "code": found.code,
                "key_id": found.public.key_id,
                "fingerprint": found.fingerprint,
            }
        )
    else:
        out(f"已登记 {found.name}（{found.code}），指纹 {keys.grouped(found.fingerprint)}")
    return 0


def cmd_export(db: Database, args: argparse.Namespace) -> int:
    done = packages.export_package(db, Path(args.out), to=args.to, passphrase=_passphrase(db, args))
    if args.json:
        out_json(
            {
                "file": str(Path(args.out) / done.file),
                "seq_from": done.seq_from,
                "seq_to": done.seq_to,
                "records": done.records,
                "bytes": done.bytes,
                "epoch": done.epoch,
                "package_id": done.package_id,
            }
        )
    else:
        out(
            f"已导出 {done.file}：第 {done.seq_from}–{done.seq_to} 号，"
            f"{done.records} 条记录，{done.bytes} 字节"
        )
    return 0


def cmd_import(db: Database, args: argparse.Namespace) -> int:
    worst = 0
    results: list[dict[str, Any]] = []
    ack_folder = Path(args.ack_out) if args.ack_out else None
    backups.backup_before(db, "sync")  # one verified copy before the packages (issue 16)
    files = [Path(name) for name in args.files]
    imported = packages.import_packages(
        db, files, ack_folder=ack_folder, passphrase=_passphrase(db, args)
    )
    for name, got in zip(args.files, imported, strict=True):
        results.append(
            {
                "file": name,
                "status": got.status,
                "reason": got.reason,
                "records": got.records,
                "conflicts": got.conflicts,
                "seq_from": got.seq_from,
                "seq_to": got.seq_to,
                "ack": got.ack,
                "released": [
                    {"file": r.file, "status": r.status, "reason": r.reason, "records": r.records}
                    for r in got.released
                ],
            }
        )
        if got.status in (packages.REFUSED, packages.HELD):
            worst = 1
            if not args.json:
                kept = got.status == packages.HELD and "暂存" not in got.reason
                tail = f"（{message('sync.held_stored')}）" if kept else ""
                sys.stderr.write(f"错误：{got.reason}{tail}\n")  # one line
        elif not args.json:
            words = "已导入" if got.status == packages.APPLIED else "已导入过，未作更改"
            out(f"{words}：{Path(name).name}，{got.records} 条记录，冲突 {len(got.conflicts)} 条")
            out(f"回执：{got.ack}")
            for r in got.released:
                out(f"暂存的数据包 {r.file}：{r.status}，{r.records} 条记录 {r.reason}".rstrip())
    if args.json:
        out_json(results[0] if len(results) == 1 else results)
    return worst


def cmd_ack_import(db: Database, args: argparse.Namespace) -> int:
    got = acks.import_ack(db, Path(args.file), passphrase=_passphrase(db, args))
    if args.json:
        out_json(asdict(got))
    else:
        out(f"街道已确认到第 {got.acked_seq} 号（{acks.status_words(got.package_status)}）")
        if got.reason:
            out(f"街道说明：{got.reason}")
        if got.conflicts:
            out(f"有 {got.conflicts} 条记录街道也改过，已以本社区的为准，街道保留了它的版本供核对")
        if got.street_new:
            out(f"收到街道的审批、答复或通知 {got.street_new} 条（通知见 street notices）")
        for report in got.street_reports:
            out(report)
    return 0


def cmd_peers(db: Database, args: argparse.Namespace) -> int:
    rows = enrol.partners(db)
    if args.json:
        out_json([asdict(r) for r in rows])
        return 0
    for r in rows:
        state = "已登记" if r.status == enrol.ENROLLED else "已撤销"
        out(f"{r.name}\t{r.code}\t{state}\t{r.node_id}\t{keys.grouped(r.fingerprint)}")
    return 0


def cmd_status(db: Database, args: argparse.Namespace) -> int:
    rows = status.partner_status(db)
    if args.json:
        out_json([asdict(r) for r in rows])
        return 0
    for r in rows:
        out(
            f"{r.name}\t已发出至 {r.sent_seq}\t已确认至 {r.acked_seq}\t已导入至 {r.applied_seq}"
            f"\t暂缓 {r.held}\t拒收 {r.refused}\t冲突 {r.conflicts}"
        )
    return 0


def cmd_held(db: Database, args: argparse.Namespace) -> int:
    released = held.release(db, passphrase=_passphrase(db, args)) if args.retry else []
    rows = held.listing(db)
    if args.json:
        out_json(
            {
                "held": [asdict(r) | {"at": r.at.isoformat()} for r in rows],
                "released": [
                    {"file": r.file, "status": r.status, "reason": r.reason, "records": r.records}
                    for r in released
                ],
            }
        )
        return 0
    for r in released:
        out(f"已处理暂存的数据包 {r.file}：{r.status} {r.reason}".rstrip())
    for h in rows:
        out(f"{h.partner}\t第 {h.seq_from}–{h.seq_to} 号\t{h.file_name}\t{h.reason}")
    if not rows:
        out("没有暂存的数据包")
    return 0


def cmd_conflicts(db: Database, args: argparse.Namespace) -> int:
    rows = conflicts.open_conflicts(db, resolved=args.all)
    if args.json:
        out_json(
            [
                asdict(r)
                | {
                    "at": r.at.isoformat(),
                    "resolved_at": r.resolved_at.isoformat() if r.resolved_at else None,
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        state = "已处理" if r.resolved else "待核对"
        out(f"#{r.id}\t{r.partner}\t{r.table_label}\t{r.row_id}\t{state}")
        for f in r.fields:
            out(f"\t{f.label}：本单位 {f.local} → 对方 {f.owner}")
    if not rows:
        out("没有待核对的冲突")
    return 0


def cmd_resolve(db: Database, args: argparse.Namespace) -> int:
    conflicts.resolve(db, args.id, args.note or "")
    out(f"第 {args.id} 号冲突已标记为已处理")
    return 0


def cmd_revoke(db: Database, args: argparse.Namespace) -> int:
    done = enrol.revoke(db, args.node)
    out(f"已撤销 {done.name}（{done.node_id}）的登记，它的数据包和回执将被拒收")
    return 0


def register(sub: Any) -> None:
    s = sub.add_parser("sync", help="数据同步").add_subparsers(dest="action", required=True)

    def key_file(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--key-file",
            action="store_true",
            help=(
                "没有系统密钥库时，把密钥存入口令保护的文件"
                f"（口令取自 {PASSPHRASE_ENV} 或终端输入）"
            ),
        )

    k = command(s, "keys", cmd_keys, "本机节点、密钥指纹和保存位置", writes=True)
    k.add_argument("--json", action="store_true")
    key_file(k)
    key_file(command(s, "rekey", cmd_rekey, "生成新密钥（换电脑时），旧密钥作废", writes=True))
    ex = command(s, "enrol-export", cmd_enrol_export, "导出本机的登记文件", writes=True)
    ex.add_argument("--out", required=True, metavar="FILE")
    ex.add_argument("--sheet", metavar="FILE.pdf", help="同时生成登记表（PDF，指纹大字）")
    key_file(ex)
    im = command(
        s, "enrol-import", cmd_enrol_import, "导入对方的登记文件（须核对指纹）", writes=True
    )
    im.add_argument("file", metavar="FILE")
    im.add_argument("--fingerprint", metavar="DIGITS", help="对方电话告知或登记表上的指纹")
    im.add_argument("--json", action="store_true")
    exp = command(s, "export", cmd_export, "导出给街道办的数据包", writes=True)
    exp.add_argument("--to", metavar="NODE")
    exp.add_argument("--out", required=True, metavar="DIR")
    exp.add_argument("--json", action="store_true")
    imp = command(s, "import", cmd_import, "导入社区的数据包（街道办）", writes=True)
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--ack-out", metavar="DIR", help="回执写到哪个文件夹（默认数据包所在文件夹）")
    imp.add_argument("--json", action="store_true")
    ack = command(s, "ack-import", cmd_ack_import, "导入街道办的回执", writes=True)
    ack.add_argument("file", metavar="FILE")
    ack.add_argument("--json", action="store_true")
    peers = command(s, "peers", cmd_peers, "已登记的单位", writes=False)
    peers.add_argument("--json", action="store_true")
    st = command(s, "status", cmd_status, "各单位的同步情况", writes=False)
    st.add_argument("--json", action="store_true")
    hd = command(s, "held", cmd_held, "暂存的数据包（缺少前面的部分等）", writes=True)
    hd.add_argument("--retry", action="store_true", help="再试一次导入能导入的")
    hd.add_argument("--json", action="store_true")
    cf = command(s, "conflicts", cmd_conflicts, "双方都改过的记录（待核对）", writes=False)
    cf.add_argument("--all", action="store_true", help="包括已处理的")
    cf.add_argument("--json", action="store_true")
    rs = command(s, "resolve", cmd_resolve, "把一条冲突标记为已处理", writes=True)
    rs.add_argument("id", type=int, metavar="ID")
    rs.add_argument("--note", metavar="TEXT", help="处理说明")
    rv = command(s, "revoke", cmd_revoke, "撤销一个单位的登记", writes=True)
    rv.add_argument("node", metavar="NODE")
