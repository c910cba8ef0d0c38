"""红色基金's papers: the 申请审批表, the 公示 (A4 and A3, masked names only), the 发放签收单,
the 捐赠收据 and 荣誉证书, the 基金台账 (a plain canvas table: 10,000 entries in well under two
seconds) and the quarterly 收支情况 report with its chart. Inputs are plain data; amounts are
integer fen, shown here in figures and in capitals.

The 公示's dataclasses have no field for an ID number, a phone (but the 监督电话), an address, a
reason or an income: they cannot be printed by mistake."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from io import BytesIO
from typing import Any, Final

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.rl_accel import escapePDF
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from redoffice.kit.money import capitals, yuan_mark
from redoffice.kit.steps import QUIET, Steps
from redoffice.reports.base import (
    DATE_LINE,
    MARGIN,
    Page,
    field_pairs,
    form_heading,
    grid_style,
    labelled_box,
    para,
    render,
    signature_lines,
    style,
    table,
    usable_width,
)
from redoffice.reports.fonts import FONT, draw_text, markup, maybe_rare, printable, register_font

LABEL_FILL: Final = colors.HexColor("#f2dcdb")
RED: Final = colors.HexColor("#b22222")
BLANK_NAME: Final = "_" * 12  # room to write a name by hand


def money_line(fen: int | None) -> str:
    """An amount in figures and in capitals: ¥1,234.50（大写：壹仟贰佰叁拾肆元伍角）."""
    if fen is None:
        return ""
    return f"{yuan_mark(fen)}（大写：{capitals(fen)}）"


def _pairs(pairs: Sequence[tuple[str, str]], width: float) -> list[Flowable]:
    """Label/value pairs two a row with no empty label cell: an odd last pair takes the whole
    row (its value spans the rest)."""
    even = len(pairs) - len(pairs) % 2
    out: list[Flowable] = [field_pairs(pairs[:even], width)] if even else []
    if len(pairs) % 2:
        out.append(field_pairs(pairs[even:], width * 2))
    return out


# --- 红色基金申请审批表 ----------------------------------------------------------------


@dataclass(frozen=True)
class StepOpinion:
    """One decision block of the 审批表: empty opinion/signer/date leave room to write by hand."""

    title: str  # 支部/网格初审意见, 社区党组织审核意见, 上级审批意见
    opinion: str = ""
    signer: str = ""
    signed_on: str = ""
    amount: int | None = None  # the amount approved at this step, fen


@dataclass(frozen=True)
class ApplicationForm:
    community: str
    number: str
    applied_on: str
    applicant: str
    gender: str
    born: str  # 1958年3月
    joined_party: str  # 入党时间, members only ("" otherwise)
    branch_or_grid: str  # 所在支部 / 网格
    family_size: str
    income_per_capita: str  # 元/月, as text
    hardship: str  # label
    use: str  # label
    reason: str
    amount_asked: int  # fen
    attachments: Sequence[str] = ()
    steps: Sequence[StepOpinion] = ()
    notice_period: str = ""  # 公示起止
    objections: str = ""  # 异议情况
    pay_method: str = ""
    paid_on: str = ""
    amount_paid: int | None = None


STEP_TITLES: Final = ("支部/网格初审意见", "社区党组织审核意见", "上级审批意见")


def _step_block(step: StepOpinion, width: float) -> Table:
    label_w = 38 * mm
    opinion = step.opinion
    if step.amount is not None:
        opinion = (opinion + "\n" if opinion else "") + f"核定金额：{money_line(step.amount)}"
    body = para(opinion) if opinion else para("")
    sign = para(
        f"签字：{step.signer or BLANK_NAME}\u3000\u3000"
        + (f"日期：{step.signed_on}" if step.signed_on else DATE_LINE),
        10,
        align=2,
    )
    result = Table(
        [[para(step.title, 10, align=1), body], ["", sign]],
        colWidths=[label_w, width - label_w],
        rowHeights=[None if opinion else 22 * mm, 9 * mm],
    )
    result.setStyle(
        grid_style(
            [
                ("SPAN", (0, 0), (0, 1)),
                ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
                ("LINEBELOW", (1, 0), (1, 0), 0, colors.white),
                ("VALIGN", (1, 0), (1, 0), "TOP"),
            ]
        )
    )
    return result


def application_form(form: ApplicationForm) -> bytes:
    """红色基金申请审批表, A4: the applicant, the request, one block per decision, the 公示 and
    the payment."""
    page = Page("红色基金申请审批表", form.community)
    width = usable_width(page)
    pairs = [
        ("申请人", form.applicant),
        ("性别", form.gender),
        ("出生年月", form.born),
        ("入党时间", form.joined_party or "—"),
        ("支部/网格", form.branch_or_grid),
        ("家庭人口", form.family_size),
        ("人均月收入", form.income_per_capita),
        ("困难类型", form.hardship),
        ("申请类别", form.use),
        ("申请日期", form.applied_on),
    ]
    steps = {s.title: s for s in form.steps}
    story: list[Flowable] = [
        *form_heading(f"{form.community}红色基金申请审批表", pairs, width, f"编号：{form.number}"),
        labelled_box("申请事由", form.reason, width),
        field_pairs([("申请金额", money_line(form.amount_asked))], width * 2),
        labelled_box(
            "附件",
            "\n".join(f"{n}. {name}" for n, name in enumerate(form.attachments, 1)) or "无",
            width,
            1,
        ),
        Spacer(1, 3 * mm),
        *(_step_block(steps.get(title, StepOpinion(title)), width) for title in STEP_TITLES),
        Spacer(1, 3 * mm),
        field_pairs(
            [
                ("公示起止", form.notice_period),
                ("异议情况", form.objections),
                ("发放方式", form.pay_method),
                ("发放日期", form.paid_on),
            ],
            width,
        ),
    ]
    if form.amount_paid is not None:
        story.append(field_pairs([("发放金额", money_line(form.amount_paid))], width * 2))
    story += [
        Spacer(1, 6 * mm),
        signature_lines(("领款人签字：", "经办人：", "社区党组织（盖章）："), width, dated=True),
    ]
    return render(page, story)


# --- 公示 ----------------------------------------------------------------------------


@dataclass(frozen=True)
class NoticeLine:
    """One row of a 公示: nothing but these (no ID number, phone, address, reason or income)."""

    name: str  # masked already: 王*明
    place: str  # 网格 or 小区
    category: str  # the use's label
    amount: int  # fen


@dataclass(frozen=True)
class Notice:
    community: str
    number: str
    title: str
    basis: str
    lines: Sequence[NoticeLine]
    starts_on: str  # 2026年11月3日
    ends_on: str
    supervision_phone: str
    issuer: str
    issued_on: str
    paper: str = "A4"  # or A3 for the notice board


_NOTICE_WIDTHS: Final = (14, 28, 0, 30, 34)  # mm on A4; 0 takes the rest
OBJECTION_TEXT: Final = (
    "公示期内，如对上述人员或金额有异议，请以实名方式通过监督电话或书面材料向社区党组织反映，"
    "我们将及时核实并予以答复。"
)


def notice(data: Notice, paper: str | None = None) -> bytes:
    """公示, A4 portrait, or A3 for the notice board (the same layout scaled by √2); ``paper``
    overrides the notice's own."""
    paper = paper or data.paper
    page = Page("红色基金公示", data.community, paper=paper)
    width = usable_width(page)
    scale = 1.414 if paper == "A3" else 1.0
    fixed = sum(w * mm * scale for w in _NOTICE_WIDTHS)
    total = sum(ln.amount for ln in data.lines)
    rows = [
        (str(n), ln.name, ln.place, ln.category, yuan_mark(ln.amount))
        for n, ln in enumerate(data.lines, 1)
    ]
    rows.append(("合计", f"{len(data.lines)} 人", "", "", yuan_mark(total)))
    body = table(
        ("序号", "姓名", "网格或小区", "事由类别", "金额（元）"),
        rows,
        [w * mm * scale if w else width - fixed for w in _NOTICE_WIDTHS],
        size=11 * scale,
        min_row_height=9 * mm * scale,
    )
    body.setStyle(
        TableStyle([("ALIGN", (4, 1), (4, -1), "RIGHT"), ("ALIGN", (0, 1), (0, -1), "CENTER")])
    )
    text = 12 * scale
    story: list[Flowable] = [
        para(data.title or f"{data.community}红色基金救助公示", 20 * scale, align=1),
        para(f"（{data.number}）" if data.number else "", 11 * scale, align=1),
        Spacer(1, 4 * mm * scale),
        para(data.basis, text),
        Spacer(1, 4 * mm * scale),
        body,
        Spacer(1, 4 * mm * scale),
        para(f"公示期：{data.starts_on} 至 {data.ends_on}", text),
        para(f"监督电话：{data.supervision_phone or BLANK_NAME}", text),
        para(OBJECTION_TEXT, text),
        Spacer(1, 10 * mm * scale),
        para(data.issuer, text, align=2),
        para(data.issued_on, text, align=2),
    ]
    return render(page, story)


# --- 发放签收单 --------------------------------------------------------------------------


@dataclass(frozen=True)
class PaymentSlip:
    community: str
    application_number: str
    voucher_no: str
    recipient: str
    use: str
    amount: int  # fen
    method: str
    place: str
    paid_on: str
    handler: str  # 经办人
    checker: str  # 复核人


def payment_slip(slip: PaymentSlip) -> bytes:
    """红色基金发放签收单: signed by the recipient on payment."""
    page = Page("红色基金发放签收单", slip.community)
    width = usable_width(page)
    story: list[Flowable] = [
        *form_heading(
            f"{slip.community}红色基金发放签收单",
            [
                ("申请编号", slip.application_number),
                ("凭证号", slip.voucher_no),
                ("领款人", slip.recipient),
                ("救助类别", slip.use),
                ("发放方式", slip.method),
                ("发放地点", slip.place),
            ],
            width,
        ),
        *_pairs([("发放日期", slip.paid_on)], width),
        field_pairs([("发放金额", money_line(slip.amount))], width * 2),
        field_pairs([("经办人", slip.handler), ("复核人", slip.checker)], width),
        labelled_box("领款人确认", "本人已足额领取上述款项（物资）。", width),
        Spacer(1, 8 * mm),
        signature_lines(("领款人签字：", "经办人签字：", "复核人签字："), width, dated=True),
    ]
    return render(page, story)


# --- 捐赠收据 and 荣誉证书 -------------------------------------------------------------


@dataclass(frozen=True)
class DonationReceipt:
    community: str
    receipt_no: str
    donor: str
    donor_kind: str  # label
    source: str  # label: 党内捐款 / 社会捐赠
    amount: int  # fen
    received_on: str
    receiver: str  # the 慈善组织 (channel) or the fund's account holder: never the 居委会
    purpose: str  # 定向用于……
    handler: str
    void: str = ""  # why this receipt no longer stands (已冲正 …): printed as 作废


VOID_MARK: Final = "作废"


def _void_banner(text: str, width: float) -> list[Flowable]:
    """A red 作废 line and the reason, at the top of a voided paper."""
    mark = Paragraph(f'<font color="#b22222">【{VOID_MARK}】</font>', style(22, align=1))
    return [mark, Spacer(1, 2 * mm), labelled_box(VOID_MARK, text, width, 1), Spacer(1, 3 * mm)]


def donation_receipt(data: DonationReceipt) -> bytes:
    """捐赠收据, numbered; the receiving body is the channel the donation came through. A
    reversed donation's receipt prints with 作废 at the top and the reversing entry named."""
    page = Page("捐赠收据（作废）" if data.void else "捐赠收据", data.receiver)
    width = usable_width(page)
    story: list[Flowable] = [
        *(_void_banner(data.void, width) if data.void else []),
        *form_heading(
            "捐赠收据（作废）" if data.void else "捐赠收据",
            [
                ("收据编号", data.receipt_no),
                ("收款日期", data.received_on),
                ("捐赠人", data.donor),
                ("捐赠人类别", data.donor_kind),
                ("款项来源", data.source),
                ("收款单位", data.receiver),
            ],
            width,
        ),
        field_pairs([("捐赠金额", money_line(data.amount))], width * 2),
        labelled_box("用途", data.purpose, width, 1),
        labelled_box(
            "说明",
            f"兹收到上述捐赠，由{data.receiver}接收并专款专用，接受捐赠人和社会监督。"
            "本收据不作为税前扣除凭证。",
            width,
            1,
        ),
        Spacer(1, 8 * mm),
        signature_lines(("收款单位（盖章）：", f"经手人：{data.handler}", ""), width, dated=True),
    ]
    return render(page, story)


@dataclass(frozen=True)
class HonourCertificate:
    community: str
    number: str  # the receipt number
    donor: str
    amount: int  # fen
    donated_on: str  # 2026年11月2日
    issuer: str  # the channel / holder, as on the receipt
    issued_on: str
    void: str = ""  # why this certificate no longer stands (已冲正 …): printed as 作废


def _paragraph_at(
    canvas: Canvas, text: str, x: float, y: float, width: float, size: float
) -> float:
    """Draws wrapping text with its top at y; returns its height."""
    p = Paragraph(text, style(size, leading=size * 1.8))
    _, height = p.wrapOn(canvas, width, 1000)
    p.drawOn(canvas, x, y - height)
    return float(height)


def honour_certificate(data: HonourCertificate) -> bytes:
    """荣誉证书 for a donation at or above the threshold: one landscape A4 page."""
    register_font()
    out = BytesIO()
    width, height = landscape(A4)
    c = Canvas(out, pagesize=(width, height), initialFontName=FONT)
    c.setTitle("荣誉证书")
    c.setAuthor(data.issuer)
    c.setCreator("RedOffice")
    c.setStrokeColor(RED)
    c.setLineWidth(4)
    c.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    c.setLineWidth(1)
    c.rect(16 * mm, 16 * mm, width - 32 * mm, height - 32 * mm)
    c.setFillColor(RED)
    draw_text(c, width / 2, height - 50 * mm, "荣 誉 证 书", 40, "centre")
    c.setFillColor(colors.black)
    inner = width - 80 * mm
    top = height - 75 * mm
    donor, issuer, community = (markup(t) for t in (data.donor, data.issuer, data.community))
    top -= _paragraph_at(c, f"<b>{donor}</b>：", 40 * mm, top, inner, 18) + 4 * mm
    _paragraph_at(  # stored names as markup: escaped (a donor "A&B" or "<b>"), rare characters
        c,
        f"\u3000\u3000您于{data.donated_on}向{issuer}捐赠人民币"
        f"{yuan_mark(data.amount)}（{capitals(data.amount)}），"
        f"定向用于{community}红色基金，帮扶困难群众。您的善举彰显了守望相助的大爱情怀，"
        "特发此证，以资鸣谢！",
        40 * mm,
        top,
        inner,
        18,
    )
    draw_text(c, width - 40 * mm, 50 * mm, data.issuer, 16, "right")
    draw_text(c, width - 40 * mm, 40 * mm, data.issued_on, 14, "right")
    draw_text(c, 40 * mm, 26 * mm, f"证书编号：{data.number}", 10)
    if data.void:  # a large red 作废 across the page and why, under the border
        c.saveState()
        c.setFillColor(RED)
        c.translate(width / 2, height / 2)
        c.rotate(20)
        draw_text(c, 0, -20, VOID_MARK, 110, "centre")
        c.restoreState()
        c.setFillColor(RED)
        text = f'<font color="#b22222">{markup(data.void)}</font>'
        _paragraph_at(c, text, 40 * mm, 46 * mm, width - 150 * mm, 10)
        c.setFillColor(colors.black)
    c.showPage()
    c.save()
    return out.getvalue()


# --- 基金台账 ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LedgerLine:
    """One entry of the 基金台账, in entry order (序号 = the entry's number: the order the money
    moved in the books, 记账顺序); ``balance`` is the entry's own account's balance after it."""

    entry_date: str
    voucher_no: str
    what: str  # 来源/用途 label (冲正 noted)
    counterparty: str
    income: int | None  # fen
    spending: int | None  # fen, positive
    balance: int  # fen, the balance of the entry's account after it (balance_after)
    application_number: str
    handler: str
    checker: str
    number: int = 0  # the entry's number (序号)
    account: str = ""  # the account's name (printed when several accounts are shown)
    kind: str = ""  # 收入 / 支出 / 冲正


@dataclass(frozen=True)
class Ledger:
    community: str
    period: str  # 2026Q3（2026-07-01 至 2026-09-30）
    account: str  # the account's name, or 全部账户
    opening: int
    lines: Sequence[LedgerLine]
    closing: int = 0
    opened_on: str = ""  # the period's first day, for the 期初余额 line
    several_accounts: bool = False  # print the 账户 column (each line's balance is its account's)


# (key, title, width in mm — 0 takes the rest)
_LEDGER_LAYOUT: Final[tuple[tuple[str, str, int], ...]] = (
    ("number", "序号", 12),
    ("date", "日期", 20),
    ("voucher", "凭证号", 22),
    ("account", "账户", 24),
    ("what", "来源/用途", 26),
    ("party", "对方", 0),
    ("income", "收入", 24),
    ("spending", "支出", 24),
    ("balance", "余额", 26),
    ("application", "审批单号", 24),
    ("handler", "经办人", 16),
    ("checker", "复核人", 16),
)
_RIGHT_KEYS: Final = frozenset({"number", "income", "spending", "balance"})
_WRAPPED_KEYS: Final = frozenset(
    {"voucher", "account", "what", "party", "application", "handler", "checker"}
)


def ledger_columns(several_accounts: bool = False) -> tuple[str, ...]:
    """The 基金台账's column titles; 账户 only when several accounts are shown (the 余额 is then
    each line's own account's, and says so)."""
    return tuple(
        "余额（本账户）" if key == "balance" and several_accounts else title
        for key, title, _ in _LEDGER_LAYOUT
        if several_accounts or key != "account"
    )


LEDGER_COLUMNS: Final = ledger_columns()
_SIZE: Final = 8.0
_LINE: Final = 10.0  # points per text line
_PAD: Final = 3.0


@cache
def _char_width(ch: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(ch, FONT, size))


def _wrap(text: str, room: float, size: float) -> list[str]:
    """Cut ``text`` into lines that fit ``room`` (characters, so Chinese wraps anywhere)."""
    if len(text) * size <= room or sum(_char_width(ch, size) for ch in text) <= room:
        return [text]  # (no character is wider than the font size)
    lines, line, used = [], "", 0.0
    for ch in text:
        w = _char_width(ch, size)
        if line and used + w > room:
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += w
    return [*lines, line]


def _money(fen: int | None) -> str:
    return "" if fen is None else yuan_mark(fen)


class _LedgerWriter:
    """Draws the ledger straight onto a canvas: fixed columns, rows that grow for wrapped text,
    the header on every page, each page's totals under it and the period's on the last."""

    def __init__(self, data: Ledger) -> None:
        register_font()
        self.data = data
        self.width, self.height = (float(v) for v in landscape(A4))
        room = self.width - 2 * MARGIN
        layout = [c for c in _LEDGER_LAYOUT if data.several_accounts or c[0] != "account"]
        self.keys = [key for key, _, _ in layout]
        self.titles = ledger_columns(data.several_accounts)
        self.right = frozenset(i for i, key in enumerate(self.keys) if key in _RIGHT_KEYS)
        self.wrapped = frozenset(i for i, key in enumerate(self.keys) if key in _WRAPPED_KEYS)
        fixed = sum(w * mm for _, _, w in layout)
        self.widths = [w * mm if w else room - fixed for _, _, w in layout]
        self.xs = [MARGIN]
        for w in self.widths:
            self.xs.append(self.xs[-1] + w)
        self.header_h = 16.0
        self.top_first = self.height - MARGIN - 4 * mm - 40
        self.top_later = self.height - MARGIN - 4 * mm
        self.bottom = MARGIN + 6 * mm
        self._left = [f"{x + _PAD:.2f}" for x in self.xs[:-1]]  # where left-aligned text starts
        self._split: dict[str, list[tuple[str, str]]] = {}
        self._ops: list[str] = []
        self._rare: list[tuple[float, float, str]] = []
        self._doc: Any = None
        self._font: Any = None
        self._codes: dict[int, str] = {}
        self._subsets: dict[int, str] = {}
        self._names: dict[str, str] = {}
        self._encoded: dict[str, str] = {}
        self._char_widths = {
            ch: float(pdfmetrics.stringWidth(ch, FONT, _SIZE)) for ch in "¥,.-0123456789"
        }

    def cells(self, line: LedgerLine) -> list[list[str]]:
        values = [
            str(line.number) if line.number else "",
            line.entry_date,
            line.voucher_no,
            line.account,
            line.what,
            line.counterparty,
            _money(line.income),
            _money(line.spending),
            _money(line.balance),
            line.application_number,
            line.handler,
            line.checker,
        ]
        if not self.data.several_accounts:
            del values[3]
        wrapped, widths = self.wrapped, self.widths
        return [
            _wrap(v, widths[i] - 2 * _PAD, _SIZE) if i in wrapped and v else [v]
            for i, v in enumerate(map(printable, values))
        ]

    def summary(
        self,
        label: str,
        income: int | None = None,
        spending: int | None = None,
        balance: int | None = None,
        day: str = "",
    ) -> list[list[str]]:
        """A line of the ledger that is not an entry: 期初余额, 本页合计, 本期合计, 期末余额."""
        values = {
            "date": day,
            "what": label,
            "income": _money(income),
            "spending": _money(spending),
            "balance": _money(balance),
        }
        return [[values.get(key, "")] for key in self.keys]

    def paginate(self, rows: list[list[list[str]]]) -> list[list[int]]:
        """Row indexes per page, leaving room for the page's totals (and the period's)."""
        pages: list[list[int]] = [[]]
        y = self.top_first - self.header_h - _LINE  # the 期初余额 line
        limit = self.bottom + _LINE + 4  # a 本页合计 line stays free
        for n, cells in enumerate(rows):
            h = max(len(c) for c in cells) * _LINE + 4
            if y - h < limit and pages[-1]:
                pages.append([])
                y = self.top_later - self.header_h
            pages[-1].append(n)
            y -= h
        if y - 2 * (_LINE + 4) < limit:  # 本期合计 and 期末余额 need a page of their own
            pages.append([])
        return pages

    def header(self, c: Canvas, page: int, pages: int) -> float:
        d = self.data
        c.setFont(FONT, 9)
        top = self.height - MARGIN / 2 - 3
        draw_text(c, MARGIN, top, d.community, 9)
        draw_text(c, self.width - MARGIN, top, "红色基金台账", 9, "right")
        c.setLineWidth(0.5)
        c.line(MARGIN, top - 4, self.width - MARGIN, top - 4)
        c.drawCentredString(self.width / 2, MARGIN / 2, f"第 {page} 页 共 {pages} 页")
        y = self.top_later
        if page == 1:
            draw_text(c, self.width / 2, y - 16, f"{d.community}红色基金台账", 15, "centre")
            draw_text(c, self.width / 2, y - 32, f"{d.period}　账户：{d.account}", 10, "centre")
            y = self.top_first
        c.setFillColor(LABEL_FILL)
        c.rect(MARGIN, y - self.header_h, self.xs[-1] - MARGIN, self.header_h, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setFont(FONT, 9)
        for i, title in enumerate(self.titles):
            c.drawCentredString(self.xs[i] + self.widths[i] / 2, y - 11.5, title)
        return float(y)

    def width_of(self, text: str) -> float:
        """The width of an amount: the sum of its characters' (TrueType text is not kerned)."""
        try:
            return sum(map(self._char_widths.__getitem__, text))
        except KeyError:
            return float(pdfmetrics.stringWidth(text, FONT, _SIZE))

    def prepare(self, c: Canvas, texts: Sequence[str]) -> None:
        """Gives every character of ``texts`` its code in a subset of the font once (the way
        ReportLab's TTFont.splitString does for each string drawn) and keeps the tables that
        turn a string into those codes with ``str.translate``: drawString per cell built a
        text object and split its string each time, 5 s for 10,000 entries."""
        self._doc, self._font = c._doc, pdfmetrics.getFont(FONT)
        chars = sorted(set("".join(texts)))
        self._font.splitString("".join(chars), self._doc)
        assigned = self._font.state[self._doc].assignments
        self._codes = {ord(ch): chr(assigned.get(ord(ch), 0) & 0xFF) for ch in chars}
        self._subsets = {ord(ch): chr(assigned.get(ord(ch), 0) >> 8) for ch in chars}
        self._names = {
            chr(n): self._font.getSubsetInternalName(n, self._doc)
            for n in sorted({ord(v) for v in self._subsets.values()})
        }

    def encoded(self, text: str) -> str:
        """``text`` as "/F1+0 8 Tf (codes) Tj" operators (a font switch only where needed);
        "" for text that needs a fallback font (drawn character by character instead)."""
        if maybe_rare(text):
            self._encoded[text] = ""
            return ""
        marks = text.translate(self._subsets)
        codes = text.translate(self._codes)
        if marks.count(marks[0]) == len(marks):  # nearly always: one subset
            chunk = escapePDF(codes.encode("latin-1"))
            ops = self._encoded[text] = f"{self._names[marks[0]]} {_SIZE:g} Tf ({chunk}) Tj"
            return ops
        parts, start = [], 0
        for end in range(1, len(marks) + 1):
            if end == len(marks) or marks[end] != marks[start]:
                chunk = escapePDF(codes[start:end].encode("latin-1"))
                parts.append(f"{self._names[marks[start]]} {_SIZE:g} Tf ({chunk}) Tj")
                start = end
        ops = self._encoded[text] = " ".join(parts)
        return ops

    def flush(self, c: Canvas) -> None:
        """Writes the page's queued text, then any text needing a fallback font."""
        if self._ops:
            c._code.append("BT\n" + "\n".join(self._ops) + "\nET")
        self._ops = []
        for x, y, text in self._rare:
            draw_text(c, x, y, text, _SIZE)
        self._rare = []

    def row(self, y: float, cells: Sequence[Sequence[str]]) -> float:
        """Queues a row's text (the page's text is written at once by :meth:`flush`)."""
        encoded, ops, left, right = self._encoded, self._ops, self._left, self.right
        tallest = 1
        for i, lines in enumerate(cells):
            if len(lines) > tallest:
                tallest = len(lines)
            for k, text in enumerate(lines):
                if not text:
                    continue
                ty = y - 9 - k * _LINE
                code = encoded.get(text)
                if code is None:
                    code = self.encoded(text)
                if i in right:
                    tx = self.xs[i + 1] - _PAD - self.width_of(text)
                else:
                    tx = self.xs[i] + _PAD
                if code:
                    x = left[i] if i not in right else f"{tx:.2f}"
                    ops.append(f"1 0 0 1 {x} {ty:.2f} Tm {code}")
                else:
                    self._rare.append((tx, ty, text))
        return y - tallest * _LINE - 4

    def grid(self, c: Canvas, top: float, ys: list[float]) -> None:
        """The page's rules as one path (c.line per rule formats each number the slow way)."""
        left, right, bottom = MARGIN, self.xs[-1], ys[-1]
        rules = [f"{x:.2f} {top:.2f} m {x:.2f} {bottom:.2f} l" for x in self.xs]
        rules += [
            f"{left:.2f} {y:.2f} m {right:.2f} {y:.2f} l" for y in (top, top - self.header_h, *ys)
        ]
        c._code.append("0.4 w\n" + "\n".join(rules) + "\nS")

    def write(self, steps: Steps) -> bytes:
        d = self.data
        register_font()
        rows = []
        for n, line in enumerate(d.lines):
            if n % 1000 == 0:
                steps.report(n, 2 * len(d.lines))
            rows.append(self.cells(line))
        pages = self.paginate(rows)
        out = BytesIO()
        c = Canvas(out, pagesize=(self.width, self.height), initialFontName=FONT)
        self.prepare(
            c,
            [
                "期初余额本页合计本期合计期末余额¥,.-0123456789",
                *(text for cells in rows for lines in cells for text in lines),
            ],
        )
        c.setTitle(f"红色基金台账 {d.period}")
        c.setAuthor(d.community)
        c.setCreator("RedOffice")
        income_total = sum(ln.income or 0 for ln in d.lines)
        spending_total = sum(ln.spending or 0 for ln in d.lines)
        done = 0
        for p, indexes in enumerate(pages, 1):
            top = self.header(c, p, len(pages))
            y = top - self.header_h
            ys = []
            if p == 1:
                y = self.row(y, self.summary("期初余额", balance=d.opening, day=d.opened_on))
                ys.append(y)
            page_in = page_out = 0
            for n in indexes:
                y = self.row(y, rows[n])
                ys.append(y)
                page_in += d.lines[n].income or 0
                page_out += d.lines[n].spending or 0
            done += len(indexes)
            if indexes:
                y = self.row(y, self.summary("本页合计", page_in, page_out))
                ys.append(y)
            if p == len(pages):
                y = self.row(y, self.summary("本期合计", income_total, spending_total))
                ys.append(y)
                y = self.row(y, self.summary("期末余额", balance=d.closing))
                ys.append(y)
            self.flush(c)
            self.grid(c, top, ys or [top - self.header_h])
            c.showPage()
            steps.report(len(d.lines) + done, 2 * len(d.lines))
        c.save()
        return out.getvalue()


def ledger(data: Ledger, steps: Steps = QUIET) -> bytes:
    """基金台账, A4 landscape: opening balance, the entries with their running balance, each
    page's totals, the period's totals and the closing balance."""
    return _LedgerWriter(data).write(steps)


# --- 收支情况 (quarterly) ------------------------------------------------------------------


@dataclass(frozen=True)
class Quarterly:
    """A period's income and spending: no person named (donors and recipients are counted in
    their category only)."""

    community: str
    period: str  # 2026年第三季度
    span: str  # 2026-07-01 至 2026-09-30
    opening: int
    income: Sequence[tuple[str, int]]  # (source label, fen), every source
    spending: Sequence[tuple[str, int]]  # (use label, fen), every use
    closing: int
    accounts: Sequence[tuple[str, int]] = field(default_factory=tuple)  # (account, closing fen)
    counts: Sequence[tuple[str, str]] = field(default_factory=tuple)  # (救助人次, "12") ...
    issuer: str = ""
    issued_on: str = ""


def _bars(title: str, items: Sequence[tuple[str, int]], width: float, colour: object) -> Drawing:
    """A horizontal bar chart of yuan by category."""
    height = max(len(items), 1) * 16 + 36
    drawing = Drawing(width, height, initialFontName=FONT)  # else an unembedded Helvetica
    drawing.add(String(0, height - 12, title, fontName=FONT, fontSize=10))
    chart = HorizontalBarChart()
    chart.x, chart.y = 110, 18
    chart.width, chart.height = width - 150, height - 40
    chart.data = [[fen / 100 for _, fen in items] or [0]]
    chart.bars[0].fillColor = colour
    chart.bars.strokeColor = None
    chart.categoryAxis.categoryNames = [label for label, _ in items] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.reverseDirection = True
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.barLabelFormat = "%.2f"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def quarterly(data: Quarterly) -> bytes:
    """红色基金收支情况: income by source and spending by use, with charts, opening and closing
    balance; for the half-yearly public notice of income and spending."""
    page = Page("红色基金收支情况", data.community)
    width = usable_width(page)
    income_total = sum(fen for _, fen in data.income)
    spending_total = sum(fen for _, fen in data.spending)

    def money_table(head: str, items: Sequence[tuple[str, int]], total: int) -> Table:
        rows = [
            (label, yuan_mark(fen), f"{fen / total:.1%}" if total else "—") for label, fen in items
        ]
        rows.append(("合计", yuan_mark(total), "100.0%" if total else "—"))
        t = table(
            (head, "金额（元）", "占比"), rows, [width * 0.5, width * 0.3, width * 0.2], size=10
        )
        t.setStyle(TableStyle([("ALIGN", (1, 1), (-1, -1), "RIGHT")]))
        return t

    story: list[Flowable] = [
        para(f"{data.community}红色基金收支情况", 16, align=1),
        para(f"{data.period}（{data.span}）", 10, align=1),
        Spacer(1, 4 * mm),
        *_pairs(
            [
                ("期初余额", yuan_mark(data.opening)),
                ("本期收入", yuan_mark(income_total)),
                ("本期支出", yuan_mark(spending_total)),
                ("期末余额", yuan_mark(data.closing)),
                *data.counts,
            ],
            width,
        ),
        Spacer(1, 4 * mm),
        para("一、收入（按来源）", 11),
        Spacer(1, 1 * mm),
        money_table("来源", data.income, income_total),
        Spacer(1, 2 * mm),
        _bars("收入构成（元）", data.income, width, colors.HexColor("#c0392b")),
        Spacer(1, 3 * mm),
        para("二、支出（按用途）", 11),
        Spacer(1, 1 * mm),
        money_table("用途", data.spending, spending_total),
        Spacer(1, 2 * mm),
        _bars("支出构成（元）", data.spending, width, colors.HexColor("#e67e22")),
    ]
    if data.accounts:
        story += [
            Spacer(1, 3 * mm),
            KeepTogether(
                [
                    para("三、各账户期末余额", 11),
                    Spacer(1, 1 * mm),
                    table(
                        ("账户", "期末余额（元）"),
                        [(name, yuan_mark(fen)) for name, fen in data.accounts],
                        [width * 0.6, width * 0.4],
                        size=10,
                    ),
                ]
            ),
        ]
    story += [
        Spacer(1, 6 * mm),
        para("以上收支情况予以公开，接受党员群众监督。", 10),
        Spacer(1, 6 * mm),
        para(data.issuer, 11, align=2),
        para(data.issued_on, 11, align=2),
    ]
    return render(page, story)
