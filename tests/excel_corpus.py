"""Messy workbooks as offices make them, written by the tests themselves."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from tests.factories import id_number

# (name, gender, ID, birth, phone, relation, 小区, 楼栋, 单元, 房号, 网格, 人员类别)
PEOPLE = [
    (
        "王建国",
        "男",
        id_number(date(1950, 3, 2), "male", seq=101),
        "1950-03-02",
        "13812345678",
        "户主",
        "阳光花园",
        "3",
        "2",
        "301",
        "第一网格",
        "独居老人",
    ),
    (
        "李秀英",
        "女",
        id_number(date(1955, 7, 9), "female", seq=102),
        "1955年7月9日",
        "13912345678",
        "配偶",
        "阳光花园",
        "3",
        "2",
        "301",
        "第一网格",
        "",
    ),
    (
        "张伟",
        "男",
        id_number(date(1980, 1, 15), "male", seq=103),
        "19800115",
        "",
        "户主",
        "阳光花园",
        "5",
        "1",
        "502",
        "G01",
        "残疾人、低保",
    ),
]


def write_xlsx(
    path: Path, rows: Sequence[Sequence[Any]], merges: Sequence[str] = (), hide: str = ""
) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "居民台账"
    for row in rows:
        sheet.append(list(row))
    for area in merges:
        sheet.merge_cells(area)
    if hide:
        sheet.column_dimensions[hide].hidden = True
    book.save(path)
    return path


HEADER = [
    "姓名",
    "性别",
    "公民身份号码",
    "出生年月",
    "联系电话",
    "与户主关系",
    "小区",
    "楼栋",
    "单元",
    "房号",
    "所属网格",
    "人员类别",
]


def title_and_merged(tmp: Path) -> Path:
    """Two title rows, a merged title, a blank row between blocks, a hidden column."""
    rows: list[list[Any]] = [["幸福社区居民信息台账"], ["填报单位：幸福社区　2026年11月"], HEADER]
    rows += [list(p) for p in PEOPLE[:2]]
    rows += [[None] * len(HEADER)]
    rows += [list(PEOPLE[2])]
    return write_xlsx(tmp / "title.xlsx", rows, merges=["A1:L1"], hide="E")


def two_row_header(tmp: Path) -> Path:
    """住址 merged over 小区/楼栋/单元/房号, the other headers merged over two rows."""
    top = [
        "姓名",
        "性别",
        "身份证号",
        "出生日期",
        "电话",
        "关系",
        "住址",
        None,
        None,
        None,
        "网格",
        "特殊人群",
    ]
    low = [None, None, None, None, None, None, "小区", "楼栋", "单元", "房号", None, None]
    merges = ["G1:J1"] + [f"{c}1:{c}2" for c in "ABCDEFKL"]
    return write_xlsx(tmp / "two_rows.xlsx", [top, low, *[list(p) for p in PEOPLE]], merges=merges)


def _row(
    name: str | None,
    gender: str,
    number: Any,
    birth: str,
    relation: str,
    room: tuple[str, str, str] = ("3", "2", "301"),
    grid: str = "第一网格",
    phone: str = "",
) -> list[Any]:
    return [name, gender, number, birth, phone, relation, "阳光花园", *room, grid, ""]


def broken_cells(tmp: Path) -> Path:
    """An ID turned into a number, a wrong check digit, full-width digits, a date contradicting
    the ID, an unknown 网格, a missing name, a duplicate within the file, a formula."""
    good = list(PEOPLE[0])
    as_number = list(PEOPLE[1])
    as_number[2] = float(as_number[2])  # what Excel does to an 18-digit number
    bad_check = list(PEOPLE[2])
    bad_check[2] = bad_check[2][:-1] + ("0" if bad_check[2][-1] != "0" else "1")
    wide_id = _full_width(id_number(date(1990, 5, 20), "female", seq=104))
    rows = [
        HEADER,
        good,
        as_number,
        bad_check,
        _row("赵敏", "女", wide_id, "1990/5/20", "子女", phone="１３７００００００００"),
        _row("钱进", "男", id_number(date(1970, 2, 2), "male", seq=105), "1971-02-02", "其他"),
        _row(
            "孙丽",
            "女",
            id_number(date(1985, 8, 8), "female", seq=106),
            "",
            "户主",
            ("9", "9", "909"),
            "第九十九网格",
        ),
        _row(
            None, "男", id_number(date(1960, 6, 6), "male", seq=107), "", "户主", ("8", "1", "101")
        ),
        _row("王建国2", "男", PEOPLE[0][2], "", "其他"),
        _row(
            "周杰",
            "男",
            id_number(date(2000, 1, 1), "male", seq=108),
            "=DATE(2000,1,1)",
            "子女",
            ("5", "1", "502"),
        ),
    ]
    return write_xlsx(tmp / "broken.xlsx", rows)


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


def gbk_csv(tmp: Path) -> Path:
    path = tmp / "台账.csv"
    lines = [",".join(HEADER)] + [",".join(p) for p in PEOPLE]
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    return path


def old_xls(tmp: Path) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    for r, row in enumerate([HEADER, *PEOPLE]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    path = tmp / "old.xls"
    book.save(str(path))
    return path


# a new office's 居民信息台账: (name, gender, ID, phone, relation, 小区, 楼栋, 单元, 房号, 网格,
# 人员类别, 备注); 人员类别 holds residence types and special groups, alone or together
LEDGER_PEOPLE = [
    ("刘德明", "男", id_number(date(1958, 4, 12), "male", seq=201), "13871000001", "户主",
     "东湖新村", "1", "1", "101", "东湖一网格", "户籍", ""),
    ("陈桂芳", "女", id_number(date(1960, 9, 3), "female", seq=202), "", "配偶",
     "东湖新村", "1", "1", "101", "东湖一网格", "户籍人口、低保户", ""),
    ("刘洋", "男", id_number(date(1985, 1, 20), "male", seq=203), "", "儿子",
     "东湖新村", "1", "1", "101", "东湖一网格", "户籍", ""),
    ("赵强", "男", id_number(date(1990, 6, 6), "male", seq=204), "13871000004", "户主",
     "东湖新村", "2", "1", "202", "东湖一网格", "流动人口、残疾人", ""),
    ("孙莉", "女", id_number(date(1992, 2, 14), "female", seq=205), "", "配偶",
     "东湖新村", "2", "1", "202", "东湖一网格", "寄住", ""),
    ("周福生", "男", id_number(date(1940, 11, 11), "male", seq=206), "", "户主",
     "东湖新村", "3", "2", "301", "东湖二网格", "独居老人", ""),
    ("吴敏", "女", id_number(date(1975, 5, 5), "female", seq=207), "", "户主",
     "滨江花园", "5", "1", "502", "东湖二网格", "人户分离、党支部书记", ""),
    ("郑华", "男", id_number(date(1980, 8, 8), "male", seq=208), "", "户主",
     "滨江花园", "5", "1", "602", "东湖二网格", "空挂户", "长期在外务工"),
]  # fmt: skip
LEDGER_TOP = [
    "序号", "姓名", "性别", "公民身份号码", "联系电话", "与户主关系",
    "现住址", None, None, None, "所属网格", "人员类别", "备注",
]  # fmt: skip
LEDGER_LOW = [None] * 6 + ["小区", "楼栋", "单元", "房号"] + [None] * 3


def community_ledger(
    tmp: Path, people: Sequence[Sequence[Any]] = LEDGER_PEOPLE, name: str = "台账.xlsx"
) -> Path:
    """A common 居民信息台账: a merged title and a 填报单位 line, a two-row merged header (现住址
    over 小区/楼栋/单元/房号), a 序号 column, then a 合计 row, a 填表人 line and a merged 说明."""
    width = len(LEDGER_TOP)
    rows: list[list[Any]] = [
        ["东湖社区居民信息台账", *[None] * (width - 1)],
        ["填报单位：东湖社区居民委员会", *[None] * (width - 1)],
        LEDGER_TOP,
        LEDGER_LOW,
        *([n, *p] for n, p in enumerate(people, start=1)),
        ["合计", f"共 {len(people)} 人", *[None] * (width - 2)],
        ["填表人：刘红", None, None, None, "审核人：陈明", *[None] * (width - 5)],
        ["说明：人员类别填写户籍人口、流动人口或特殊人群。", *[None] * (width - 1)],
    ]
    last = len(rows)
    vertical = [f"{c}3:{c}4" for c in "ABCDEFKLM"]
    merges = ["A1:M1", "A2:M2", "G3:J3", *vertical, f"A{last}:M{last}"]
    return write_xlsx(tmp / name, rows, merges=merges)


def ledger_row(n: int, category: str = "户籍") -> list[Any]:
    """Person ``n`` of a long ledger, the 户主 of his own flat in 东湖新村."""
    gender = "male" if n % 2 else "female"
    number = id_number(date(1950 + n % 40, 1 + n % 12, 1 + n % 28), gender, seq=n)
    return [f"居民{n}", "男" if n % 2 else "女", number, "", "户主", "东湖新村",
            str(1 + n % 4), "1", str(100 + n), "东湖一网格", category, ""]  # fmt: skip


# -- a 居民信息台账 naming the room 门牌号 ------------------------------------------------------

DOOR_HEADER = ["序号", "姓名", "性别", "身份证号", "联系电话", "人员类别", "网格", "小区", "楼栋",
               "单元", "门牌号"]  # fmt: skip


def door_number_row(n: int, building: str, room: str) -> list[Any]:
    """Person ``n`` of 东湖新村, a 户籍 resident, the only one of his flat."""
    gender = "male" if n % 2 else "female"
    number = id_number(date(1960 + n, 1 + n % 12, 1 + n), gender, seq=200 + n)
    return [n, f"居民{n}", "男" if n % 2 else "女", number, f"1390000{n:04d}", "户籍",
            "东湖一网格", "东湖新村", building, "1", room]  # fmt: skip


def door_number_ledger(tmp: Path, people: Sequence[Sequence[Any]]) -> Path:
    """A 居民信息台账 as QA had it: a merged title, 门牌号 for the room, a 合计 row."""
    width = len(DOOR_HEADER)
    rows = [
        ["东湖社区居民信息台账", *[None] * (width - 1)],
        DOOR_HEADER,
        *people,
        ["合计", f"{len(people)} 人", *[None] * (width - 2)],
    ]
    return write_xlsx(tmp / "居民信息台账.xlsx", rows, merges=["A1:K1"])
