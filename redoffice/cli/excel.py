"""``import-excel``, ``export-excel`` and ``template``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from redoffice.cli.common import out, out_json
from redoffice.cli.work import command
from redoffice.kit import exports
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.files import write_file
from redoffice.kit.sheets import FIELD_LABELS, field_for, head_and_header, stream_sheet
from redoffice.registry import exports as registry_exports
from redoffice.registry import importer
from redoffice.registry.importer import ImportOptions

DUPLICATE_CHOICES = {"update": "update", "skip": "skip", "error": "error"}
GROUPING = {"自动": "auto", "户号": "household_no", "住址": "address"}


def _mapping(path: str | None, source: Path, sheet: str | None) -> dict[int, str] | None:
    """A JSON object of header text -> field (a field name or its Chinese label)."""
    if path is None:
        return None
    try:
        given = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError("import.mapping_file", path=path, detail=str(exc)[:120]) from exc
    _head, header = head_and_header(stream_sheet(source, sheet))
    labels = {label: key for key, label in FIELD_LABELS.items()}
    mapping = {}
    for column, text in enumerate(header.texts):
        wanted = given.get(text)
        if wanted:
            mapping[column] = (
                wanted if wanted in FIELD_LABELS else labels.get(wanted) or field_for(wanted)
            )
    return {k: v for k, v in mapping.items() if v}


def cmd_import(db: Database, args: argparse.Namespace) -> int:
    """The dry run's findings first; the failed rows saved whether or not anything is then
    written; the last line says what was written."""
    source = Path(args.file)
    options = ImportOptions(
        sheet=args.sheet,
        mapping=_mapping(args.mapping, source, args.sheet),
        on_duplicate=args.on_duplicate,
        all_or_nothing=args.all_or_nothing,
        create_places=args.create_places,
        group_by=GROUPING[args.group_by],
    )
    plan = importer.plan_import(db, source, options)
    if args.failures:
        write_file(args.failures, importer.failure_workbook(plan))
    if args.json:
        summary = plan.summary()
        if not args.dry_run:
            summary["imported"] = importer.apply_import(db, plan).__dict__
        out_json(summary)
        return 0
    _print_rows(plan)
    out(f"预检（未写入）：{plan.text()}")
    if not args.dry_run:
        out(importer.apply_import(db, plan).text())
    return 0


def _print_rows(plan: importer.ImportPlan) -> None:
    summary = plan.summary()
    for e in summary["errors"]:
        out(f"第 {e['row']} 行 {e['column']}：{e['message']}")
    for e in summary["warnings"]:
        out(f"第 {e['row']} 行 {e['column']}（提示）：{e['message']}")
    if plan.ignored:
        out(f"略过的合计/说明行：第 {'、'.join(map(str, plan.ignored))} 行")


def cmd_export(db: Database, args: argparse.Namespace) -> int:
    write_file(args.out, exports.export_workbook(db, args.kind, args.unmasked))
    return 0


def cmd_template(db: Database, args: argparse.Namespace) -> int:
    write_file(args.out, registry_exports.template_workbook(db))
    return 0


def register(sub: Any) -> None:
    imp = command(sub, "import-excel", cmd_import, "从 Excel/WPS/CSV 导入居民台账", writes=True)
    imp.add_argument("file")
    imp.add_argument("--sheet")
    imp.add_argument("--mapping", metavar="FILE.json", help='列对应：{"表头": "字段"}')
    imp.add_argument("--on-duplicate", choices=list(DUPLICATE_CHOICES), default="update")
    imp.add_argument("--all-or-nothing", action="store_true", help="有任何一行失败就不导入")
    imp.add_argument(
        "--create-places",
        "--create-grids",  # the earlier name, kept working
        dest="create_places",
        action="store_true",
        help="新建表中出现的、尚未登记的网格和小区（与导入在同一事务中，记入审计日志）",
    )
    imp.add_argument(
        "--group-by", choices=list(GROUPING), default="自动", help="分户：按户号，或按住址和户主"
    )
    imp.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    imp.add_argument("--failures", metavar="OUT.xlsx", help="把失败的行另存为工作簿")
    imp.add_argument("--json", action="store_true")
    exp = command(sub, "export-excel", cmd_export, "导出列表到 Excel", writes=False)
    exp.add_argument("kind", choices=list(exports.kinds()))
    exp.add_argument("out")
    exp.add_argument("--unmasked", action="store_true", help="不打码（记入审计日志）")
    tpl = command(sub, "template", cmd_template, "空白导入模板", writes=False)
    tpl.add_argument("what", choices=["residents"])
    tpl.add_argument("out")
