"""``fund`` commands (红色基金) and the fund reports.

Amounts are typed in yuan (``800``, ``1234.5``); ``--json`` prints ids, numbers, states and every
amount both in fen (an integer) and as text (``¥1,234.50``, the ``*_text`` key next to it).
Staff options (``--by``, ``--checked-by``) take a staff id or a unique name; where ``--by`` is
optional it is the operator's own staff record, as in the program. Every refusal is one Chinese
line naming the rule, exit 1, nothing written (the services check before they write).
"""

from __future__ import annotations

import argparse
from dataclasses import asdict, fields, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select

from redoffice.cli.common import community_option, out, out_json, parse_date, staff_ref
from redoffice.cli.work import command
from redoffice.fund import accounts, applications, books, codes, documents, ledger, periods
from redoffice.fund import queries as fund_queries
from redoffice.fund.periods import Period
from redoffice.kit import clock
from redoffice.kit.codes import Labels
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.files import write_file
from redoffice.kit.money import yuan_mark
from redoffice.kit.scope import own
from redoffice.models import (
    FundAccount,
    FundApplication,
    FundEntry,
    FundNotice,
    PartyMember,
    Resident,
)

# ── Arguments → codes and ids ────────────────────────────────────────────────────────────────


def _code(labels: Labels, text: str | None, field: str) -> str:
    """A code from its code or its Chinese label (either is accepted)."""
    raw = (text or "").strip()
    for code, label in labels.items():
        if raw in (code, label):
            return code
    raise UserError("cli.unknown_value", field=field, value=raw, choices="、".join(labels.values()))


def _account(db: Database, ref: str | None) -> str:
    """An account id from its id or name; the only active account when not given."""
    with db.read() as s:
        live = select(FundAccount.id).where(
            FundAccount.deleted.is_(False), own(db, FundAccount.owner_node)
        )
        if ref and ref.strip():
            found = s.scalar(
                live.where(or_(FundAccount.id == ref.strip(), FundAccount.name == ref.strip()))
            )
            if found is None:
                raise UserError("fund.account_not_found")
            return str(found)
        active = s.scalars(live.where(FundAccount.active.is_(True))).all()
    if len(active) != 1:
        raise UserError("cli.fund_account_needed", count=len(active))
    return str(active[0])


def _application(db: Database, ref: str) -> str:
    """An application id from its id or its number (2026-JJ001)."""
    with db.read() as s:
        found = s.scalar(
            select(FundApplication.id).where(
                FundApplication.deleted.is_(False),
                or_(FundApplication.id == ref.strip(), FundApplication.number == ref.strip()),
            )
        )
    if found is None:
        raise UserError("fund.application_not_found")
    return str(found)


def _entry(db: Database, ref: str) -> str:
    """A ledger entry id from its id or its number in the ledger (第 N 笔)."""
    ref = ref.strip()
    with db.read() as s:
        query = select(FundEntry.id).where(own(db, FundEntry.owner_node))
        if ref.isdigit():
            found = s.scalar(query.where(FundEntry.number == int(ref)))
        else:
            found = s.scalar(query.where(FundEntry.id == ref))
    if found is None:
        raise UserError("cli.fund_entry_unknown", entry=ref)
    return str(found)


def _applicant(db: Database, ref: str) -> tuple[str | None, str | None]:
    """(resident_id, member_id): the applicant is a resident or a 双报到 party member."""
    with db.read() as s:
        if s.scalar(select(Resident.id).where(Resident.id == ref, Resident.deleted.is_(False))):
            return ref, None
        if s.scalar(
            select(PartyMember.id).where(PartyMember.id == ref, PartyMember.deleted.is_(False))
        ):
            return None, ref
    raise UserError("fund.applicant_not_found")


def _span(args: argparse.Namespace) -> tuple[date | None, date | None]:
    start, end = args.date_from, args.date_to
    if start and end and start > end:
        raise UserError("cli.fund_span", start=start.isoformat(), end=end.isoformat())
    return start, end


# ── JSON: amounts in fen and as text ─────────────────────────────────────────────────────────

MONEY = frozenset(
    {
        "amount",
        "amount_asked",
        "amount_approved",
        "amount_paid",
        "balance",
        "balance_after",
        "income",
        "payment",
        "spending",
        "opening",
        "closing",
        "income_per_capita",
    }
)


def _money(value: Any) -> Any:
    """A dataclass / dict / list as JSON-ready data, each amount (by name) also as text."""
    if is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in fields(value)}
    if isinstance(value, dict):
        done: dict[str, Any] = {}
        for key, item in value.items():
            done[key] = _money(item)
            if key in MONEY and isinstance(item, int) and not isinstance(item, bool):
                done[f"{key}_text"] = yuan_mark(item)
            elif key in MONEY and item is None:
                done[f"{key}_text"] = ""
        return done
    if isinstance(value, list | tuple):
        return [_money(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(value)
    return value


def _written(args: argparse.Namespace, text: str, data: dict[str, Any]) -> int:
    if args.json:
        out_json(_money(data))
    else:
        out(text)
    return 0


def _application_json(db: Database, application_id: str) -> dict[str, Any]:
    row = fund_queries.application_detail(db, application_id).row
    return asdict(row)


# ── Accounts ──────────────────────────────────────────────────────────────────────────────────


def cmd_account_add(db: Database, args: argparse.Namespace) -> int:
    data = accounts.AccountInput(
        name=args.name,
        kind=_code(codes.ACCOUNT_KINDS, args.kind, "账户类型"),
        holder=args.holder or "",
        bank_account=args.bank_account or "",
        opened_on=args.opened_on,
        notes=args.note or "",
    )
    account_id = accounts.save_account(db, data)
    return _written(args, account_id, {"id": account_id, "name": args.name, "kind": data.kind})


def cmd_account_list(db: Database, args: argparse.Namespace) -> int:
    rows = books.balances(db)
    if args.json:
        out_json(_money(rows))
        return 0
    for r in rows:
        out("\t".join(str(v) for v in _balance_line(r)))
    return 0


# ── Money in ──────────────────────────────────────────────────────────────────────────────────


def cmd_income_add(db: Database, args: argparse.Namespace) -> int:
    source = _code(codes.SOURCES, args.source, "来源")
    donor_kind = ""
    if args.donor_kind:
        donor_kind = _code(codes.DONOR_KINDS, args.donor_kind, "捐赠人类别")
    elif (args.donor or "").strip() == ledger.ANONYMOUS:
        donor_kind = "anonymous"
    elif args.donor:
        donor_kind = "person"
    data = ledger.IncomeInput(
        account_id=_account(db, args.account),
        source=source,
        amount=args.amount,
        entry_date=args.date or clock.today(),
        handled_by=staff_ref(db, args.by),
        donor_kind=donor_kind,
        donor_name="" if donor_kind == "anonymous" else (args.donor or ""),
        channel=args.channel or "",
        voucher_no=args.voucher or "",
        note=args.note or "",
        checked_by=staff_ref(db, args.checked_by, "--checked-by") if args.checked_by else None,
    )
    entry_id = ledger.add_income(db, data)
    line = _line_of(db, entry_id)
    text = f"已入账：第 {line['number']} 笔，{line['source_label']} {yuan_mark(line['amount'])}"
    if line["receipt_no"]:
        text += f"，捐赠收据 {line['receipt_no']}"
    return _written(args, text, line)


def _line_of(db: Database, entry_id: str) -> dict[str, Any]:
    """The ledger row of one entry, as ``fund ledger --json`` shows it."""
    with db.read() as s:
        day = s.scalar(select(FundEntry.entry_date).where(FundEntry.id == entry_id))
    for row in books.ledger_rows(db, date_from=day, date_to=day):
        if row.id == entry_id:
            return asdict(row)
    raise UserError("cli.fund_entry_unknown", entry=entry_id)


# ── Applications ─────────────────────────────────────────────────────────────────────────────


def cmd_apply(db: Database, args: argparse.Namespace) -> int:
    resident_id, member_id = _applicant(db, args.applicant)
    data = applications.ApplicationInput(
        account_id=_account(db, args.account),
        hardship=_code(codes.HARDSHIPS, args.hardship, "困难类型"),
        use=_code(codes.USES, args.use, "资金用途"),
        amount_asked=args.amount,
        reason=args.reason,
        applied_on=args.date or clock.today(),
        entered_by=staff_ref(db, args.by),
        resident_id=resident_id,
        member_id=member_id,
        family_size=args.family_size,
        income_per_capita=args.income_per_capita or "",
        repeat_override=args.repeat_reason or "",
        attachments=tuple(Path(p) for p in args.attach or ()),
    )
    app_id = applications.apply(db, data)
    row = _application_json(db, app_id)
    return _written(args, f"已登记申请：{row['number']}（{row['status_label']}）", row)


STEP_OPTIONS = {
    "review": "--review",
    "approve": "--approve",
    "approve_higher": "--approve-higher",
    "reject": "--reject",
    "withdraw": "--withdraw",
}


def cmd_step(db: Database, args: argparse.Namespace) -> int:
    app_id = _application(db, args.application)
    data = applications.StepInput(
        by=staff_ref(db, args.by),
        on=args.date or clock.today(),
        opinion=args.opinion or "",
        amount=args.amount,
    )
    applications.take_step(db, app_id, args.step, data)
    row = _application_json(db, app_id)
    label = applications.TRANSITIONS[args.step][0]
    return _written(args, f"{row['number']}：已{label}，现为“{row['status_label']}”", row)


def cmd_notice(db: Database, args: argparse.Namespace) -> int:
    ids = [_application(db, a) for a in args.application]
    start = getattr(args, "from")
    data = applications.NoticeInput(
        starts_on=start,
        title=args.title or f"{start.year}年红色基金拟救助对象公示",
        basis=args.basis or "",
        working_days=args.days,
        phone=args.phone,
        issuer=args.issuer,
        by=staff_ref(db, args.by) if args.by else None,
        late_reason=args.late_reason or "",
    )
    notice_id = applications.open_notice(db, ids, data)
    notice = next(n for n in fund_queries.notice_rows(db) if n.id == notice_id)
    text = f"已公示：{notice.number}，{notice.starts_on} 至 {notice.ends_on}，共 {len(ids)} 份申请"
    return _written(args, text, asdict(notice))


def cmd_objection(db: Database, args: argparse.Namespace) -> int:
    if args.resolve:
        if args.application or args.text:
            raise UserError("cli.fund_objection_either")
        outcome = _code(applications.OUTCOMES, args.outcome, "处理结果")
        by = staff_ref(db, args.by)
        applications.resolve_objection(
            db, args.resolve, outcome, args.resolution or "", by, args.date or clock.today()
        )
        data = {"id": args.resolve, "outcome": outcome}
        return _written(args, f"异议已处理：{applications.OUTCOMES[outcome]}", data)
    if not args.application or args.text is None:
        raise UserError("cli.fund_objection_either")
    app_id = _application(db, args.application)
    recorder = staff_ref(db, args.by) if args.by else None  # who recorded it, named on the step
    objection_id = applications.add_objection(
        db, app_id, args.text, args.date or clock.today(), recorder
    )
    row = _application_json(db, app_id)
    data = {"id": objection_id, "application": row}
    return _written(args, f"已登记异议：{objection_id}（{row['number']} 暂停发放）", data)


def cmd_pay(db: Database, args: argparse.Namespace) -> int:
    app_id = _application(db, args.application)
    data = applications.PayInput(
        amount=args.amount,
        entry_date=args.date or clock.today(),
        by=staff_ref(db, args.by),
        checked_by=staff_ref(db, args.checked_by, "--checked-by"),
        method=_code(codes.PAY_METHODS, args.method, "发放方式"),
        place=_code(codes.PAY_PLACES, args.place, "发放地点"),
        voucher_no=args.voucher or "",
    )
    entry_id = applications.pay(db, app_id, data)
    line = _line_of(db, entry_id)
    text = f"已发放：第 {line['number']} 笔，{line['counterparty']} {yuan_mark(-line['amount'])}"
    return _written(args, text, line)


def cmd_reverse(db: Database, args: argparse.Namespace) -> int:
    entry_id = _entry(db, args.entry)
    new_id = ledger.reverse(db, entry_id, args.reason, staff_ref(db, args.by), args.date)
    line = _line_of(db, new_id)
    amount = yuan_mark(line["amount"])
    text = f"已冲正：第 {line['number']} 笔冲正第 {line['reverses_number']} 笔，{amount}"
    return _written(args, text, line)


def cmd_close(db: Database, args: argparse.Namespace) -> int:
    period = periods.parse_period(args.period)
    close_id = ledger.close_period(db, period.name, staff_ref(db, args.by), args.date)
    data = {
        "id": close_id,
        "period": period.name,
        "starts_on": period.starts_on,
        "ends_on": period.ends_on,
    }
    return _written(args, f"已结账：{period.name}（{period.starts_on} 至 {period.ends_on}）", data)


# ── Reading ───────────────────────────────────────────────────────────────────────────────────


def cmd_list(db: Database, args: argparse.Namespace) -> int:
    status = _code(codes.STATUSES, args.status, "状态") if args.status else None
    start, end = _span(args)
    rows = [
        r
        for r in fund_queries.application_rows(db, status, args.text or "")
        if (start is None or r.applied_on >= start) and (end is None or r.applied_on <= end)
    ]
    if args.json:
        out_json(_money(rows))
        return 0
    for r in rows:
        amount = r.amount_approved if r.amount_approved is not None else r.amount_asked
        out(
            f"{r.number}\t{r.applied_on}\t{r.applicant}\t{r.grid}\t{r.use_label}"
            f"\t{yuan_mark(amount)}\t{r.status_label}\t{r.waiting_for}"
        )
    return 0


def cmd_ledger(db: Database, args: argparse.Namespace) -> int:
    start, end = _span(args)
    account = _account(db, args.account) if args.account else None
    rows = books.ledger_rows(db, account, start, end)
    words = (args.text or "").strip()
    if words:
        rows = [
            r
            for r in rows
            if any(words in v for v in (r.voucher_no, r.counterparty, r.receipt_no, r.note))
        ]
    if args.json:
        out_json(_money(rows))
        return 0
    for r in rows:
        out(
            f"{r.number}\t{r.entry_date}\t{r.account_name}\t{r.kind_label}\t{r.voucher_no}"
            f"\t{r.source_label or r.use_label}\t{r.counterparty}\t{yuan_mark(r.amount)}"
            f"\t{yuan_mark(r.balance_after)}"
        )
    return 0


def _balance_line(r: books.AccountBalance) -> list[Any]:
    state = "" if r.active else "（停用）"
    return [r.account_id, r.name + state, r.kind_label, r.holder, yuan_mark(r.balance)]


def cmd_balance(db: Database, args: argparse.Namespace) -> int:
    """The balance of each account now; with --from/--to, each account's opening balance,
    income, spending and closing balance over those days, and the income by source and the
    spending by use (reversals netted)."""
    start, end = _span(args)
    if start is None and end is None:
        rows = books.balances(db)
        if args.json:
            out_json(_money(rows))
            return 0
        for r in rows:
            out("\t".join(str(v) for v in _balance_line(r)))
        return 0
    first, last = start or date(1900, 1, 1), end or clock.today()
    result = books.totals(db, Period(f"{first}~{last}", first, last))
    if args.json:
        data = asdict(result)
        data["by_source"] = [
            {"source": k, "label": codes.SOURCES[k], "amount": v}
            for k, v in result.income_by_source.items()
        ]
        data["by_use"] = [
            {"use": k, "label": codes.USES[k], "amount": v}
            for k, v in result.spending_by_use.items()
        ]
        out_json(_money(data))
        return 0
    out(f"{first} 至 {last}")
    for a in result.accounts:
        out(
            f"{a.name}\t期初 {yuan_mark(a.opening)}\t收入 {yuan_mark(a.income)}"
            f"\t支出 {yuan_mark(a.spending)}\t期末 {yuan_mark(a.closing)}"
        )
    for code, fen in result.income_by_source.items():
        out(f"收入\t{codes.SOURCES[code]}\t{yuan_mark(fen)}")
    for code, fen in result.spending_by_use.items():
        out(f"支出\t{codes.USES[code]}\t{yuan_mark(fen)}")
    return 0


def cmd_verify(db: Database, args: argparse.Namespace) -> int:
    result = ledger.verify(db)
    if args.json:
        out_json(asdict(result))
    if result.ok:
        if not args.json:
            out(result.message)
        return 0
    raise UserError("cli.fund_verify_failed", problem=result.message)


# ── Parser ────────────────────────────────────────────────────────────────────────────────────


def _dates(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", type=parse_date, help="起始日期 YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", type=parse_date, help="截止日期 YYYY-MM-DD")


def _json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true")


def register(sub: Any, report: Any) -> None:
    f = sub.add_parser("fund", help="红色基金").add_subparsers(dest="action", required=True)
    _accounts(f)
    income = f.add_parser("income", help="基金收入").add_subparsers(dest="what", required=True)
    add = command(income, "add", cmd_income_add, "登记一笔收入", writes=True)
    add.add_argument("--account", metavar="ID", help="账户 ID 或名称（只有一个账户时可省略）")
    add.add_argument("--source", required=True, help="、".join(codes.SOURCES.values()))
    add.add_argument("--amount", required=True, metavar="YUAN", help="金额（元）")
    add.add_argument("--date", type=parse_date, help="入账日期，默认今天")
    add.add_argument("--donor", help="捐赠人（个人、党员或单位名称；“匿名”为匿名捐赠）")
    add.add_argument("--donor-kind", help="、".join(codes.DONOR_KINDS.values()))
    add.add_argument("--channel", help="经由的慈善组织")
    add.add_argument("--voucher", help="凭证号")
    add.add_argument("--note", help="备注")
    add.add_argument("--by", metavar="STAFF", help="经办人（工作人员 ID 或姓名），默认本人")
    add.add_argument("--checked-by", metavar="STAFF", help="复核人")
    _json(add)
    _application_commands(f)
    _reading_commands(f)
    _reports(report)


def _accounts(f: Any) -> None:
    acc = f.add_parser("account", help="基金账户").add_subparsers(dest="what", required=True)
    add = command(acc, "add", cmd_account_add, "新建基金账户", writes=True)
    add.add_argument("--name", required=True)
    add.add_argument("--kind", required=True, help="、".join(codes.ACCOUNT_KINDS.values()))
    add.add_argument("--holder", help="托管的慈善组织 / 开户单位（社区慈善基金必填）")
    add.add_argument("--bank-account", help="银行账号")
    add.add_argument("--opened-on", type=parse_date, help="开立日期，默认今天")
    add.add_argument("--note", help="备注")
    _json(add)
    lst = command(acc, "list", cmd_account_list, "列出基金账户及余额", writes=False)
    _json(lst)


def _application_commands(f: Any) -> None:
    apply = command(f, "apply", cmd_apply, "登记救助申请", writes=True)
    apply.add_argument("--applicant", required=True, metavar="ID", help="居民 ID 或双报到党员 ID")
    apply.add_argument("--use", required=True, help="、".join(codes.USES.values()))
    apply.add_argument("--hardship", required=True, help="、".join(codes.HARDSHIPS.values()))
    apply.add_argument("--amount", required=True, metavar="YUAN", help="申请金额（元）")
    apply.add_argument("--reason", required=True)
    apply.add_argument("--family-size", type=int)
    apply.add_argument("--income-per-capita", metavar="YUAN", help="家庭人均月收入（元）")
    apply.add_argument("--account", metavar="ID", help="账户 ID 或名称（只有一个账户时可省略）")
    apply.add_argument("--date", type=parse_date, help="申请日期，默认今天")
    apply.add_argument("--by", metavar="STAFF", help="录入的经办人，默认本人")
    apply.add_argument("--repeat-reason", help="再次救助的特殊情况说明（未满间隔期时）")
    apply.add_argument("--attach", action="append", metavar="FILE", help="诊断证明等附件")
    _json(apply)

    step = command(f, "step", cmd_step, "初审、审核、上级审批、不予批准或撤回", writes=True)
    step.add_argument("application", metavar="APPLICATION", help="申请编号或 ID")
    which = step.add_mutually_exclusive_group(required=True)
    for code, option in STEP_OPTIONS.items():
        label = applications.TRANSITIONS[code][0]
        which.add_argument(option, dest="step", action="store_const", const=code, help=label)
    step.add_argument("--by", required=True, metavar="STAFF", help="办理人（工作人员 ID 或姓名）")
    step.add_argument("--opinion", help="意见（不予批准、撤回时必填原因）")
    step.add_argument("--amount", metavar="YUAN", help="批准金额（审核时；默认申请金额）")
    step.add_argument("--date", type=parse_date, help="办理日期，默认今天")
    _json(step)

    notice = command(f, "notice", cmd_notice, "公示已批准的申请", writes=True)
    notice.add_argument("application", nargs="+", metavar="APPLICATION", help="申请编号或 ID")
    notice.add_argument("--from", required=True, type=parse_date, help="公示开始日期")
    notice.add_argument("--days", type=int, help="公示期（工作日），默认按设置")
    notice.add_argument("--title", help="公示标题")
    notice.add_argument("--basis", help="公示依据")
    notice.add_argument("--phone", help="监督电话，默认按设置")
    notice.add_argument("--issuer", help="公示单位，默认社区名称")
    notice.add_argument("--by", metavar="STAFF", help="经办人")
    notice.add_argument(
        "--late-reason", metavar="TEXT", help="补录原因（公示开始日期早于今天时必填）"
    )
    _json(notice)

    obj = command(f, "objection", cmd_objection, "登记或处理公示期间的异议", writes=True)
    obj.add_argument("application", nargs="?", metavar="APPLICATION", help="申请编号或 ID")
    obj.add_argument("--text", help="异议内容（登记时）")
    obj.add_argument("--resolve", metavar="ID", help="要处理的异议 ID")
    obj.add_argument("--outcome", help="处理结果：" + "、".join(applications.OUTCOMES.values()))
    obj.add_argument("--resolution", help="处理情况")
    obj.add_argument("--by", metavar="STAFF", help="登记人或处理人（审核人），处理时默认本人")
    obj.add_argument("--date", type=parse_date, help="收到或处理日期，默认今天")
    _json(obj)

    pay = command(f, "pay", cmd_pay, "发放（出纳发放，会计复核）", writes=True)
    pay.add_argument("application", metavar="APPLICATION", help="申请编号或 ID")
    pay.add_argument("--amount", required=True, metavar="YUAN", help="发放金额（元）")
    pay.add_argument("--date", type=parse_date, help="发放日期，默认今天")
    pay.add_argument("--by", required=True, metavar="STAFF", help="出纳（工作人员 ID 或姓名）")
    pay.add_argument("--checked-by", required=True, metavar="STAFF", help="会计")
    pay.add_argument("--method", default="cash", help="、".join(codes.PAY_METHODS.values()))
    pay.add_argument("--place", default="office", help="、".join(codes.PAY_PLACES.values()))
    pay.add_argument("--voucher", help="凭证号")
    _json(pay)

    rev = command(f, "reverse", cmd_reverse, "冲正一笔账（不修改、不删除原账）", writes=True)
    rev.add_argument("entry", metavar="ENTRY", help="台账序号或 ID")
    rev.add_argument("--reason", required=True)
    rev.add_argument("--by", required=True, metavar="STAFF", help="会计（工作人员 ID 或姓名）")
    rev.add_argument("--date", type=parse_date, help="冲正日期，默认今天")
    _json(rev)

    close = command(
        f, "close", cmd_close, "期间结账：季度 2026Q3、半年 2026H1、年度 2026", writes=True
    )
    close.add_argument("--period", required=True)
    close.add_argument("--by", required=True, metavar="STAFF", help="会计（工作人员 ID 或姓名）")
    close.add_argument("--date", type=parse_date, help="结账日期，默认今天")
    _json(close)


def _reading_commands(f: Any) -> None:
    lst = community_option(command(f, "list", cmd_list, "列出救助申请及其等待的环节", writes=False))
    lst.add_argument("--status", help="、".join(codes.STATUSES.values()))
    lst.add_argument("--text", help="编号或申请人姓名")
    _dates(lst)
    _json(lst)
    led = community_option(command(f, "ledger", cmd_ledger, "基金台账", writes=False))
    led.add_argument("--account", metavar="ID", help="账户 ID 或名称，默认全部")
    led.add_argument("--text", help="凭证号、对方、收据号或备注中的文字")
    _dates(led)
    _json(led)
    bal = community_option(
        command(f, "balance", cmd_balance, "账户余额；给出日期时为期间收支", writes=False)
    )
    _dates(bal)
    _json(bal)
    ver = command(f, "verify", cmd_verify, "校验台账：校验值链、编号与余额", writes=False)
    _json(ver)


def _reports(report: Any) -> None:
    form = command(
        report, "fund-application", cmd_report_application, "红色基金申请审批表", writes=False
    )
    form.add_argument("--application", required=True, metavar="ID", help="申请编号或 ID")
    form.add_argument("--out", required=True)
    notice = command(report, "fund-notice", cmd_report_notice, "红色基金公示", writes=False)
    which = notice.add_mutually_exclusive_group(required=True)
    which.add_argument("--notice", metavar="ID", help="公示编号或 ID")
    which.add_argument("--application", metavar="ID", help="公示中的一份申请（编号或 ID）")
    notice.add_argument("--paper", choices=("A4", "A3"), default="A4", help="A3 用于公示栏")
    notice.add_argument("--out", required=True)
    receipt = command(report, "fund-receipt", cmd_report_receipt, "捐赠收据", writes=False)
    receipt.add_argument("--entry", required=True, metavar="ENTRY", help="台账序号或 ID")
    receipt.add_argument("--certificate", action="store_true", help="改为打印荣誉证书")
    receipt.add_argument("--out", required=True)
    slip = command(report, "fund-slip", cmd_report_slip, "发放签收单", writes=False)
    paid = slip.add_mutually_exclusive_group(required=True)
    paid.add_argument("--entry", metavar="ENTRY", help="发放的台账序号或 ID")
    paid.add_argument("--application", metavar="ID", help="已发放的申请（编号或 ID）")
    slip.add_argument("--out", required=True)
    book = command(report, "fund-ledger", cmd_report_ledger, "基金台账", writes=False)
    book.add_argument("--period", help="期间：2026Q3、2026H1 或 2026（或用 --from/--to）")
    _dates(book)
    book.add_argument("--account", metavar="ID", help="账户 ID 或名称，默认全部")
    book.add_argument("--out", required=True, help="FILE.pdf 或 FILE.xlsx")
    quarterly = command(
        report, "fund-quarterly", cmd_report_quarterly, "红色基金收支情况", writes=False
    )
    quarterly.add_argument("--period", required=True, help="2026Q3、2026H1 或 2026")
    quarterly.add_argument("--out", required=True)


# ── Reports ───────────────────────────────────────────────────────────────────────────────────


def cmd_report_application(db: Database, args: argparse.Namespace) -> int:
    app_id = _application(db, args.application)
    write_file(args.out, documents.pdf(documents.application_form(db, app_id)))
    return 0


def _notice(db: Database, ref: str) -> str:
    with db.read() as s:
        found = s.scalar(
            select(FundNotice.id).where(
                FundNotice.deleted.is_(False),
                or_(FundNotice.id == ref.strip(), FundNotice.number == ref.strip()),
            )
        )
    if found is None:
        raise UserError("cli.fund_notice_unknown", notice=ref)
    return str(found)


def cmd_report_notice(db: Database, args: argparse.Namespace) -> int:
    if args.notice:
        notice_id = _notice(db, args.notice)
    else:
        notice = fund_queries.application_detail(db, _application(db, args.application)).notice
        if notice is None:
            raise UserError("cli.fund_not_noticed")
        notice_id = notice.id
    write_file(args.out, documents.pdf(documents.notice(db, notice_id, args.paper)))
    return 0


def cmd_report_receipt(db: Database, args: argparse.Namespace) -> int:
    entry_id = _entry(db, args.entry)
    data = documents.certificate(db, entry_id) if args.certificate else None
    write_file(args.out, documents.pdf(data or documents.receipt(db, entry_id)))
    return 0


def cmd_report_slip(db: Database, args: argparse.Namespace) -> int:
    if args.entry:
        entry_id = _entry(db, args.entry)
    else:
        payments = fund_queries.application_detail(db, _application(db, args.application))
        live = [p for p in payments.payments if not p.reversed]
        if not live:
            raise UserError("cli.fund_not_paid")
        entry_id = live[-1].entry_id
    write_file(args.out, documents.pdf(documents.slip(db, entry_id)))
    return 0


def cmd_report_ledger(db: Database, args: argparse.Namespace) -> int:
    start, end = _span(args)
    if args.period and (start or end):
        raise UserError("cli.fund_period_or_dates")
    if not args.period and start is None and end is None:
        raise UserError("cli.fund_period_or_dates")
    account = _account(db, args.account) if args.account else None
    if not args.period:
        start, end = start or date(1900, 1, 1), end or clock.today()
    if Path(args.out).suffix.lower() == ".xlsx":
        from redoffice.fund import exports

        content = exports.ledger_xlsx(
            db, args.period, date_from=start, date_to=end, account_id=account
        )
    else:
        data = documents.ledger(db, args.period, date_from=start, date_to=end, account_id=account)
        content = documents.pdf(data)
    write_file(args.out, content)
    return 0


def cmd_report_quarterly(db: Database, args: argparse.Namespace) -> int:
    write_file(args.out, documents.pdf(documents.quarterly(db, args.period)))
    return 0
