"""入户走访记录表. Inputs are plain data already masked for print."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from redoffice.reports.base import (
    Page,
    form_heading,
    labelled_box,
    para,
    render,
    signature_lines,
    table,
    usable_width,
)

SIGNATURES = ("户主签字（手印）：", "走访人签字：", "社区（盖章）：")


@dataclass(frozen=True)
class Member:
    name: str
    relation: str
    age: str
    tags: str


@dataclass(frozen=True)
class VisitFormData:
    """A visit form: blank for field use (``visit_date`` empty) or filled from a visit."""

    community: str
    grid: str
    address: str
    head: str
    members: Sequence[Member]
    visit_date: str = ""
    time_span: str = ""
    visitors: str = ""
    purposes: str = ""
    situation: str = ""
    issues: Sequence[str] = field(default_factory=tuple)
    resolved_on_spot: str = ""
    referrals: Sequence[str] = field(default_factory=tuple)
    next_visit: str = ""


def visit_form(data: VisitFormData) -> bytes:
    """入户走访记录表, A4 portrait; no ID numbers or phone numbers are printed."""
    page = Page("入户走访记录表", data.community)
    width = usable_width(page)
    members = table(
        ["姓名", "与户主关系", "年龄", "人群标签"],
        [(m.name, m.relation, m.age, m.tags) for m in data.members] or [("", "", "", "")],
        [width * 0.25, width * 0.2, width * 0.12, width * 0.43],
        size=10,
    )
    issues = "\n".join(f"{n}. {text}" for n, text in enumerate(data.issues, start=1))
    story: list[Flowable] = [
        *form_heading(
            f"{data.community}入户走访记录表",
            [
                ("走访日期", data.visit_date),
                ("走访时段", data.time_span),
                ("走访人", data.visitors),
                ("所属网格", data.grid),
                ("户址", data.address),
                ("户主", data.head),
            ],
            width,
        ),
        Spacer(1, 3 * mm),
        para("家庭成员", 11),
        Spacer(1, 1 * mm),
        members,
        Spacer(1, 3 * mm),
        labelled_box("走访目的", data.purposes, width, 1),
        labelled_box("家庭情况", data.situation, width, 4),
        labelled_box("反映问题\n诉求", issues, width, 4),
        labelled_box("现场答复\n解决情况", data.resolved_on_spot, width, 3),
        labelled_box("转办去向\n办结时限", "\n".join(data.referrals), width, 2),
        labelled_box("下次走访", data.next_visit, width, 1),
        Spacer(1, 8 * mm),
        signature_lines(SIGNATURES, width, dated=True),
    ]
    return render(page, story)
