"""数据同步登记表: the enrolment sheet a node prints beside its enrolment file, with the key
fingerprint large, to be compared digit by digit by the office that imports the file."""

from __future__ import annotations

from dataclasses import dataclass

from redoffice.reports.base import Page
from redoffice.reports.code_sheet import CodeSheet, code_sheet

NOTE = (
    "对方导入登记文件时，会显示同样的 40 位数字。请通过电话或当面逐组核对；"
    "任何一位不同都不要登记，并立即与本单位联系。更换电脑或重新生成密钥后，"
    "须打印新的登记表重新核对。"
)


@dataclass(frozen=True)
class EnrolmentSheet:
    """What the sheet shows; ``fingerprint`` already in groups (``12345 67890 …``)."""

    title_name: str
    role: str
    name: str
    code: str
    street: str
    node_id: str
    key_id: str
    fingerprint: str
    made_on: str
    file_name: str


def enrolment_sheet(data: EnrolmentSheet) -> bytes:
    pairs = [
        ("单位", data.name),
        ("类型", data.role),
        ("代码", data.code),
        ("所属街道", data.street),
        ("节点编号", data.node_id),
        ("密钥编号", data.key_id),
        ("生成日期", data.made_on),
        ("登记文件", data.file_name),
    ]
    sheet = CodeSheet(
        f"{data.name}数据同步登记表",
        pairs,
        "密钥指纹（请对方逐组核对）",
        data.fingerprint.split(),
        4,
        NOTE,
        ["经办人：", "核对人：", "单位盖章："],
    )
    return code_sheet(Page("数据同步登记表", data.title_name), sheet)
