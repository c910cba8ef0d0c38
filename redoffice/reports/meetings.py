"""签到表, 会议纪要 and 议定事项督办表. Inputs are plain data, phones already masked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

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


@dataclass(frozen=True)
class AttendeeLine:
    party: str
    name: str
    unit: str
    post: str
    phone: str  # masked
    attendance: str
    note: str = ""


@dataclass(frozen=True)
class ResolutionLine:
    number: str
    text: str
    responsible: str
    deadline: str
    status: str = ""
    progress: str = ""


@dataclass(frozen=True)
class ItemBlock:
    title: str
    discussion: str
    resolutions: Sequence[ResolutionLine] = field(default_factory=tuple)


@dataclass(frozen=True)
class MeetingSheet:
    community: str
    title: str
    kind: str
    when: str
    place: str
    estates: str
    convener: str
    host: str
    recorder: str
    attendees: Sequence[AttendeeLine]
    carried: Sequence[ResolutionLine] = field(default_factory=tuple)
    items: Sequence[ItemBlock] = field(default_factory=tuple)
    next_meeting: str = ""
    signing_parties: Sequence[str] = field(default_factory=tuple)
    revision: str = ""


@dataclass(frozen=True)
class FollowUpLine:
    """One row of the 督办表."""

    number: str
    meeting_date: str
    text: str
    party: str
    deadline: str
    progress: str
    completed: str
    verifier: str
    feedback: str


def sign_in_sheet(sheet: MeetingSheet, blank_rows: int = 6) -> bytes:
    """会议签到表: the invited names printed, 签到时间 and 签名 left blank, plus blank rows."""
    page = Page("会议签到表", sheet.community)
    width = usable_width(page)
    rows = [
        (str(n), a.name, a.unit, a.post, a.phone, "", "", a.note)
        for n, a in enumerate(sheet.attendees, 1)
    ]
    rows += [(str(len(rows) + n), "", "", "", "", "", "", "") for n in range(1, blank_rows + 1)]
    widths = [12, 22, 0, 24, 26, 20, 26, 16]
    fixed = sum(w * mm for w in widths)
    body = table(
        ["序号", "姓名", "单位", "职务", "联系电话", "签到时间", "签名", "备注"],
        rows,
        [w * mm if w else width - fixed for w in widths],
        size=10,
        min_row_height=10 * mm,  # room to sign
    )
    story: list[Flowable] = [
        *form_heading(
            f"{sheet.title}签到表",
            [
                ("会议名称", sheet.title),
                ("会议时间", sheet.when),
                ("会议地点", sheet.place),
                ("主持人", sheet.host),
            ],
            width,
        ),
        Spacer(1, 4 * mm),
        body,
    ]
    return render(page, story)


def _resolution_table(lines: Sequence[ResolutionLine], width: float, progress: bool) -> Table:
    headers = ["编号", "议定事项", "责任单位/人", "完成时限"]
    widths = [24 * mm, 0.0, 40 * mm, 24 * mm]
    if progress:
        headers += ["落实情况"]
        widths += [50 * mm]
    widths[1] = width - sum(widths)
    rows = [
        (r.number, r.text, r.responsible, r.deadline)
        + ((f"{r.status}{'：' + r.progress if r.progress else ''}",) if progress else ())
        for r in lines
    ]
    return table(headers, rows, widths, size=9)


def _attendance(sheet: MeetingSheet) -> list[tuple[str, str]]:
    groups: dict[str, list[str]] = {"出席": [], "列席": [], "缺席": []}
    for a in sheet.attendees:
        groups.setdefault(a.attendance, []).append(f"{a.name}（{a.unit or a.party}{a.post}）")
    return [(label, "、".join(names) or "无") for label, names in groups.items()]


def minutes(sheet: MeetingSheet) -> bytes:
    """会议纪要: header, who attended, 上次议定事项落实情况, each 议题 with 讨论情况 and its
    议定事项, 下次会议安排, and a signature line for each party's representative."""
    page = Page("会议纪要", sheet.community)
    width = usable_width(page)
    story: list[Flowable] = [
        *form_heading(
            f"{sheet.community}{sheet.kind}纪要",
            [
                ("时间", sheet.when),
                ("地点", sheet.place),
                ("主持人", sheet.host),
                ("记录人", sheet.recorder),
                ("召集人", sheet.convener),
                ("涉及小区", sheet.estates),
            ],
            width,
            sheet.title + (f"（{sheet.revision}）" if sheet.revision else ""),
            11,
        ),
        *(labelled_box(label, names, width, 1) for label, names in _attendance(sheet)),
    ]
    if sheet.carried:
        story += [
            Spacer(1, 4 * mm),
            para("一、上次议定事项落实情况", 12),
            Spacer(1, 1 * mm),
            _resolution_table(sheet.carried, width, progress=True),
        ]
    numbers = "二三四五六七八九十" if sheet.carried else "一二三四五六七八九十"
    for n, item in enumerate(sheet.items):
        heading = f"{numbers[n] if n < len(numbers) else n + 1}、议题：{item.title}"
        story += [Spacer(1, 4 * mm), para(heading, 12), Spacer(1, 1 * mm)]
        story.append(labelled_box("讨论情况", item.discussion, width, 3))
        if item.resolutions:
            story += [Spacer(1, 2 * mm), para("议定事项：", 10)]
            story.append(_resolution_table(item.resolutions, width, progress=False))
    story += [
        Spacer(1, 4 * mm),
        labelled_box("下次会议\n安排", sheet.next_meeting, width, 1),
        Spacer(1, 8 * mm),
        signature_lines([f"{p}代表（签字）：" for p in sheet.signing_parties], width),
    ]
    return render(page, story)


FOLLOW_UP_COLUMNS = (
    "编号",
    "会议日期",
    "事项",
    "责任方",
    "时限",
    "进展",
    "完成日期",
    "核验人",
    "居民反馈",
)
_FOLLOW_UP_WIDTHS = (26, 20, 0, 34, 20, 50, 20, 16, 36)


def follow_up_sheet(community: str, subtitle: str, rows: Sequence[FollowUpLine]) -> bytes:
    """议定事项督办表, A4 landscape."""
    page = Page("议定事项督办表", community, landscape=True)
    width = usable_width(page)
    fixed = sum(w * mm for w in _FOLLOW_UP_WIDTHS)
    body = table(
        FOLLOW_UP_COLUMNS,
        [
            (
                r.number,
                r.meeting_date,
                r.text,
                r.party,
                r.deadline,
                r.progress,
                r.completed,
                r.verifier,
                r.feedback,
            )
            for r in rows
        ],
        [w * mm if w else width - fixed for w in _FOLLOW_UP_WIDTHS],
        size=8,
    )
    return render(
        page,
        [
            para(f"{community}议定事项督办表", 15, align=1),
            para(f"{subtitle}　共 {len(rows)} 项", 10, align=1),
            Spacer(1, 3 * mm),
            body,
        ],
    )
