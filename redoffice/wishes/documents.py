"""What the 心愿墙, the 认领卡, the 兑现回执, the round's 汇总 and a party member's 服务记录 print,
read from the database (beneficiaries' names masked wherever the public sees them), and the PDFs."""

from __future__ import annotations

from datetime import date
from typing import Final

from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.money import yuan
from redoffice.kit.validation import mask_name
from redoffice.registry import party_members
from redoffice.registry.party_members import hours
from redoffice.reports import wishes as forms
from redoffice.reports.lists import period_text
from redoffice.reports.wishes import BoardLine, MemberSheet, ServiceLine, SummaryLine, WishCard
from redoffice.settings import community
from redoffice.wishes import queries
from redoffice.wishes.queries import WishFilter

BOARD_STATES: Final = {"published": "待认领", "claimed": "已认领", "fulfilled": "已兑现"}


def _round_id(db: Database, round_id: str | None) -> tuple[str, str]:
    """(id, name) of the round, by default the latest."""
    found = queries.rounds(db)
    chosen = [r for r in found if r.id == round_id] if round_id else found[-1:]
    if not chosen:
        raise UserError("wish.no_round")
    return chosen[0].id, chosen[0].name


def wish_board(db: Database, round_id: str | None = None, paper: str = "A4") -> bytes:
    """心愿墙 / 公示 of a round: names masked, nothing else about the person."""
    rid, name = _round_id(db, round_id)
    rows = queries.list_wishes(db, WishFilter(round_id=rid))
    lines = [
        BoardLine(
            r.number,
            mask_name(r.beneficiary_name),
            r.wish,
            r.category,
            BOARD_STATES.get(r.status, "已兑现"),
            r.priority,
        )
        for r in rows
        if r.status in ("published", "claimed", "fulfilled", "closed")
    ]
    return forms.wish_board(community.heading_name(db), name, lines, paper)


def _card(db: Database, wish_id: str, masked: bool) -> WishCard:
    d = queries.wish_detail(db, wish_id)
    r = d.row
    return WishCard(
        community.heading_name(db),
        r.number,
        r.round,
        mask_name(r.beneficiary_name) if masked else r.beneficiary_name,
        r.grid,
        r.wish,
        r.category,
        yuan(r.estimated_value),
        d.verified,
        r.claimer_name,
        d.claimer_contact,
        r.claimed_on.isoformat() if r.claimed_on else "",
        r.contact_due.isoformat() if r.contact_due else "",
        r.fulfilled_on.isoformat() if r.fulfilled_on else "",
        yuan(d.actual_value),
    )


def claim_card(db: Database, wish_id: str) -> bytes:
    return forms.claim_card(_card(db, wish_id, masked=True))


def wish_receipt(db: Database, wish_id: str) -> bytes:
    return forms.receipt(_card(db, wish_id, masked=False))


def round_summary(db: Database, round_id: str | None = None) -> bytes:
    rid, name = _round_id(db, round_id)
    rows = queries.list_wishes(db, WishFilter(round_id=rid))
    counts = [
        ("心愿数", str(len(rows))),
        ("已认领", str(sum(r.claimer_name != "" for r in rows))),
        ("已兑现", str(sum(r.fulfilled_on is not None for r in rows))),
        ("待认领", str(sum(r.status == "published" for r in rows))),
    ]
    lines = [
        SummaryLine(
            r.number,
            mask_name(r.beneficiary_name),
            r.wish,
            r.status_label,
            r.claimer_name,
            r.fulfilled_on.isoformat() if r.fulfilled_on else "",
        )
        for r in rows
    ]
    return forms.round_summary(community.heading_name(db), name, counts, lines)


def member_service(db: Database, member_id: str, start: date, end: date) -> bytes:
    """The service record of one member for a period, for the employer."""
    m = party_members.get_member(db, member_id)
    rows = party_members.service_records(db, member_id, start, end)
    lines = [
        ServiceLine(
            r.service_date.isoformat(),
            r.activity,
            hours(r.minutes),
            "、".join(x for x in (r.wish_number, r.case_number) if x),
        )
        for r in rows
    ]
    sheet = MemberSheet(
        community.heading_name(db),
        m.name,
        m.workplace,
        m.party_org,
        m.reported_on.isoformat() if m.reported_on else "",
        m.commitments,
        period_text(start, end),
        lines,
        hours(sum(r.minutes for r in rows)),
    )
    return forms.member_service(sheet)
