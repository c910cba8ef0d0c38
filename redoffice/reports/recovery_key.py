"""数据库恢复密钥单: printed when a database is encrypted, kept in the office's safe. Its
recovery key opens the database on another PC when this one's keyring is lost."""

from __future__ import annotations

from dataclasses import dataclass

from redoffice.reports.base import Page
from redoffice.reports.code_sheet import CodeSheet, code_sheet

PER_ROW = 4
NOTE = (
    "数据库已加密，平时由本机的系统密钥库自动解锁。换电脑、重装系统或密钥库损坏时，"
    "须用本单上的恢复密钥解锁（打开数据库时输入，或 redoffice-cli db unlock "
    "--recovery-key）。丢失恢复密钥又丢失本机密钥库，数据库将无法打开，任何人都无法恢复。"
    "请将本单封存于保险柜，不要拍照、复印或保存在电脑上。"
)


@dataclass(frozen=True)
class RecoverySheet:
    """What the sheet shows; ``recovery`` already in groups (``AKJV 68NT …``)."""

    office: str
    file_name: str
    made_on: str
    recovery: str


def recovery_sheet(data: RecoverySheet) -> bytes:
    pairs = [("单位", data.office), ("数据库文件", data.file_name), ("加密日期", data.made_on)]
    groups = data.recovery.split()
    sheet = CodeSheet(
        f"{data.office}数据库恢复密钥单",
        pairs,
        f"恢复密钥（{len(groups)} 组，每组 4 位数字或字母）",
        groups,
        PER_ROW,
        NOTE,
        ["经办人：", "保管人：", "单位盖章："],
    )
    return code_sheet(Page("数据库恢复密钥单", data.office), sheet)
