"""数据库恢复密钥单: printed when a database is encrypted, kept in the office's safe. Its
recovery key opens the database on another PC when this one's keyring is lost."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from redoffice.reports.base import (
    Page,
    form_heading,
    grid_style,
    para,
    render,
    signature_lines,
    usable_width,
)

PER_ROW = 4


@dataclass(frozen=True)
class RecoverySheet:
    """What the sheet shows; ``recovery`` already in groups (``AKJV 68NT …``)."""

    office: str
    file_name: str
    made_on: str
    recovery: str


def recovery_sheet(data: RecoverySheet) -> bytes:
    page = Page("数据库恢复密钥单", data.office)
    width = usable_width(page)
    pairs = [("单位", data.office), ("数据库文件", data.file_name), ("加密日期", data.made_on)]
    groups = data.recovery.split()
    rows = [groups[i : i + PER_ROW] for i in range(0, len(groups), PER_ROW)]
    rows[-1] += [""] * (PER_ROW - len(rows[-1]))
    key = Table(
        [[para(g, 22, align=1) for g in row] for row in rows],
        colWidths=[width / PER_ROW] * PER_ROW,
        rowHeights=[14 * mm] * len(rows),
    )
    key.setStyle(grid_style([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fbeeee"))]))
    story: list[Flowable] = [
        *form_heading(f"{data.office}数据库恢复密钥单", pairs, width),
        Spacer(1, 6 * mm),
        para(f"恢复密钥（{len(groups)} 组，每组 4 位数字或字母）", 12),
        Spacer(1, 2 * mm),
        key,
        Spacer(1, 6 * mm),
        para(
            "数据库已加密，平时由本机的系统密钥库自动解锁。换电脑、重装系统或密钥库损坏时，"
            "须用本单上的恢复密钥解锁（打开数据库时输入，或 redoffice-cli db unlock "
            "--recovery-key）。丢失恢复密钥又丢失本机密钥库，数据库将无法打开，任何人都无法恢复。"
            "请将本单封存于保险柜，不要拍照、复印或保存在电脑上。",
            10,
        ),
        Spacer(1, 10 * mm),
        signature_lines(["经办人：", "保管人：", "单位盖章："], width, dated=True),
    ]
    return render(page, story)
