"""个人信息查询结果: one person's record, part after part, each record as label/value pairs, on A4
portrait in the bundled (embedded) font. Plain data in: the parts were read and chosen by
:mod:`redoffice.registry.subject_request`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from redoffice.reports.base import Page, field_pairs, para, render, usable_width

CLOSING = "以上为本社区截至出具日期保存的您的个人信息。如需更正或删除，请向社区工作人员提出。"
Part = tuple[str, Sequence[Sequence[tuple[str, str]]]]
"""A part's title and its records, each a list of (项目, 内容)."""


def subject_pdf(community: str, name: str, made_on: date, parts: Sequence[Part]) -> bytes:
    page = Page("个人信息查询结果", community)
    room = usable_width(page)
    story: list[Flowable] = [
        para(f"{community}个人信息查询结果", 15, align=1),
        para(f"查询对象：{name}　　出具日期：{made_on.isoformat()}", 10, align=1),
    ]
    for title, records in parts:
        story += [Spacer(1, 4 * mm), para(title, 12), Spacer(1, 1 * mm)]
        if not records:
            story.append(para("无", 10))
        for record in records:
            story += [field_pairs(list(record), room), Spacer(1, 2 * mm)]
    story += [
        Spacer(1, 6 * mm),
        para(
            "以上为本社区截至出具日期保存的您的个人信息。如需更正或删除，请向社区工作人员提出。", 10
        ),
    ]
    return render(page, story)
