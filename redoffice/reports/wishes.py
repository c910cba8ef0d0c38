"""心愿墙 / 公示, 认领登记卡, 兑现签收单, round summary, and the 在职党员 service record for the
employer. Inputs are plain data: the board gets masked names only — never an address, phone,
ID number, group, health or income detail."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from redoffice.reports.base import (
    Page,
    field_pairs,
    form_heading,
    labelled_box,
    para,
    render,
    signature_lines,
    table,
    usable_width,
)


@dataclass(frozen=True)
class BoardLine:
    number: str
    name: str  # masked: 王*明
    wish: str
    category: str
    state: str  # 待认领 / 已认领 / 已兑现
    priority: bool = False


@dataclass(frozen=True)
class WishCard:
    """One wish with its claim, for the 认领登记卡 and the 兑现签收单 (internal papers)."""

    community: str
    number: str
    round: str
    beneficiary: str  # masked on the claim card, in full on the receipt
    grid: str
    wish: str
    category: str
    estimated_value: str
    verified: str
    claimer: str
    claimer_contact: str
    claimed_on: str
    contact_due: str
    fulfilled_on: str = ""
    actual_value: str = ""


@dataclass(frozen=True)
class SummaryLine:
    number: str
    name: str  # masked
    wish: str
    status: str
    claimer: str
    fulfilled_on: str


@dataclass(frozen=True)
class ServiceLine:
    service_date: str
    activity: str
    hours: str
    linked: str


@dataclass(frozen=True)
class MemberSheet:
    community: str
    name: str
    workplace: str
    party_org: str
    reported_on: str
    commitments: str
    period: str
    lines: Sequence[ServiceLine]
    total_hours: str


_BOARD_WIDTHS = (28, 24, 0, 20, 30)  # mm; 0 takes the rest


def wish_board(
    community: str, round_name: str, lines: Sequence[BoardLine], paper: str = "A4"
) -> bytes:
    """心愿墙 / 公示 for the notice board, landscape A4 or A3."""
    page = Page("微心愿公示", community, landscape=True, paper=paper)
    width = usable_width(page)
    size = 13 if paper == "A3" else 10
    scale = 1.4 if paper == "A3" else 1.0
    fixed = sum(w * mm * scale for w in _BOARD_WIDTHS)
    rows = [
        (
            ln.number,
            ln.name,
            ln.wish,
            ln.category,
            ln.state + ("（优先）" if ln.priority else ""),
        )
        for ln in lines
    ]
    body = table(
        ("编号", "心愿人", "心愿内容", "类别", "认领情况"),
        rows,
        [w * mm * scale if w else width - fixed for w in _BOARD_WIDTHS],
        size=size,
        min_row_height=10 * mm * scale,
    )
    story: list[Flowable] = [
        para(f"{community}微心愿公示", 18 * scale, align=1),
        para(f"{round_name}　共 {len(lines)} 个心愿", 11 * scale, align=1),
        Spacer(1, 4 * mm),
        body,
        Spacer(1, 4 * mm),
        para(
            "认领方式：请到社区党群服务中心登记认领，由社区联系心愿人。"
            "为保护心愿人隐私，本公示只列姓名（部分隐去）和心愿内容。",
            10 * scale,
        ),
    ]
    return render(page, story)


def _card_fields(card: WishCard) -> list[tuple[str, str]]:
    return [
        ("心愿编号", card.number),
        ("批次", card.round),
        ("心愿人", card.beneficiary),
        ("所属网格", card.grid),
        ("类别", card.category),
        ("估价（元）", card.estimated_value),
        ("核实情况", card.verified),
        ("认领日期", card.claimed_on),
    ]


def claim_card(card: WishCard) -> bytes:
    """微心愿认领登记卡: given to the claimer; the beneficiary is reached through the community."""
    page = Page("微心愿认领登记卡", card.community)
    width = usable_width(page)
    story: list[Flowable] = [
        *form_heading(f"{card.community}微心愿认领登记卡", _card_fields(card), width),
        labelled_box("心愿内容", card.wish, width),
        field_pairs(
            [
                ("认领人/单位", card.claimer),
                ("联系方式", card.claimer_contact),
                ("对接截止", card.contact_due),
                ("联系心愿人", "由社区居委会联系安排"),
            ],
            width,
        ),
        labelled_box(
            "认领承诺",
            f"本人/本单位自愿认领上述微心愿，将于 {card.contact_due} 前经社区与心愿人对接，"
            "按约兑现，并对心愿人个人信息保密。",
            width,
        ),
        Spacer(1, 8 * mm),
        signature_lines(("认领人签字：", "社区经办人：", "社区（盖章）："), width, dated=True),
    ]
    return render(page, story)


def receipt(card: WishCard) -> bytes:
    """微心愿兑现签收单, signed by the beneficiary, the claimer and the community."""
    page = Page("微心愿兑现签收单", card.community)
    width = usable_width(page)
    story: list[Flowable] = [
        *form_heading(
            f"{card.community}微心愿兑现签收单",
            [
                *_card_fields(card)[:6],
                ("认领人/单位", card.claimer),
                ("兑现日期", card.fulfilled_on),
                ("实际价值（元）", card.actual_value),
                ("核实情况", card.verified),
            ],
            width,
        ),
        labelled_box("心愿内容", card.wish, width),
        labelled_box("心愿人意见", "", width, 2),
        Spacer(1, 8 * mm),
        signature_lines(("心愿人签收：", "认领人签字：", "社区经办人："), width, dated=True),
    ]
    return render(page, story)


def round_summary(
    community: str, round_name: str, counts: Sequence[tuple[str, str]], lines: Sequence[SummaryLine]
) -> bytes:
    """A round's figures and each wish's outcome (names masked), A4 landscape."""
    page = Page("微心愿批次汇总", community, landscape=True)
    width = usable_width(page)
    widths = (26, 22, 0, 20, 50, 24)
    fixed = sum(w * mm for w in widths)
    story: list[Flowable] = [
        para(f"{community}微心愿汇总　{round_name}", 15, align=1),
        Spacer(1, 3 * mm),
        field_pairs(list(counts), width),
        Spacer(1, 3 * mm),
        table(
            ("编号", "心愿人", "心愿内容", "状态", "认领人/单位", "兑现日期"),
            [(ln.number, ln.name, ln.wish, ln.status, ln.claimer, ln.fulfilled_on) for ln in lines],
            [w * mm if w else width - fixed for w in widths],
            size=9,
        ),
    ]
    return render(page, story)


def member_service(sheet: MemberSheet) -> bytes:
    """在职党员到社区报到服务记录: the return to the member's employer for a period."""
    page = Page("在职党员服务记录", sheet.community)
    width = usable_width(page)
    widths = (26, 0, 26, 36)
    fixed = sum(w * mm for w in widths)
    story: list[Flowable] = [
        *form_heading(
            "在职党员到社区报到服务情况反馈表",
            [
                ("姓名", sheet.name),
                ("工作单位", sheet.workplace),
                ("所在党组织", sheet.party_org),
                ("报到日期", sheet.reported_on),
                ("报到社区", sheet.community),
                ("服务时长合计", f"{sheet.total_hours} 小时"),
            ],
            width,
            sheet.period,
        ),
        labelled_box("服务承诺", sheet.commitments, width, 2),
        Spacer(1, 3 * mm),
        table(
            ("服务日期", "服务内容", "时长（小时）", "关联心愿/诉求"),
            [(ln.service_date, ln.activity, ln.hours, ln.linked) for ln in sheet.lines]
            or [("", "本期没有服务记录", "", "")],
            [w * mm if w else width - fixed for w in widths],
        ),
        Spacer(1, 4 * mm),
        labelled_box("社区党组织评价", "", width, 3),
        Spacer(1, 8 * mm),
        signature_lines(("社区党组织（盖章）：", "经办人：", ""), width, dated=True),
    ]
    return render(page, story)
