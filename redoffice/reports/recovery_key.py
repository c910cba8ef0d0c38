"""数据库恢复密钥单: printed when a database is encrypted, kept in the office's safe. Its
recovery key opens the database on another PC when this one's keyring is lost."""

from __future__ import annotations

from dataclasses import dataclass

from redoffice.reports.base import Page
from redoffice.reports.code_sheet import CodeSheet, code_sheet

PER_ROW = 4
KEEP = "请将本单封存于保险柜，不要拍照、复印或保存在电脑上。"
NOTE = (
    "数据库已加密，平时由本机的系统密钥库自动解锁。换电脑、重装系统或密钥库损坏时，"
    "须用本单上的恢复密钥解锁（打开数据库时输入，或 redoffice-cli db unlock "
    "--recovery-key）。丢失恢复密钥又丢失本机密钥库，数据库将无法打开，任何人都无法恢复。" + KEEP
)
# passphrase mode (a PC without keyring): typed at every start, on any PC
NOTE_PASSPHRASE = (
    "数据库已加密，每次启动时输入加密时设置的数据库口令打开（在别的电脑上也可以）。忘记口令时，"
    "须用本单上的恢复密钥打开（打开数据库时输入）。恢复密钥和口令都丢失，数据库将无法打开，"
    "任何人都无法恢复。" + KEEP
)


@dataclass(frozen=True)
class RecoverySheet:
    """What the sheet shows; ``recovery`` already in groups (``AKJV 68NT …``)."""

    office: str
    file_name: str
    made_on: str
    recovery: str
    kept: bool = True  # the key in this PC's keyring; False: derived from a passphrase


def recovery_sheet(data: RecoverySheet) -> bytes:
    unlocked = "本机系统密钥库自动解锁" if data.kept else "每次启动输入数据库口令"
    pairs = [
        ("单位", data.office),
        ("数据库文件", data.file_name),
        ("加密日期", data.made_on),
        ("平时打开", unlocked),  # four pairs: two full rows (a third alone left an empty cell)
    ]
    groups = data.recovery.split()
    sheet = CodeSheet(
        f"{data.office}数据库恢复密钥单",
        pairs,
        f"恢复密钥（{len(groups)} 组，每组 4 位数字或字母）",
        groups,
        PER_ROW,
        NOTE if data.kept else NOTE_PASSPHRASE,
        ["经办人：", "保管人：", "单位盖章："],
    )
    return code_sheet(Page("数据库恢复密钥单", data.office), sheet)
