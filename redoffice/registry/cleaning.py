"""Cleaning what a 台账 cell holds, without guessing: full-width characters, stray spaces, dates
typed five ways or stored as Excel serial numbers, ID numbers Excel turned into numbers.

Each function returns the cleaned value or raises :class:`CellError` with a Chinese reason."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from redoffice.kit import codes
from redoffice.kit.date_input import DATE_PATTERNS
from redoffice.kit.validation import CONTROLS, clean_text, normalize

EXCEL_EPOCH = date(1899, 12, 30)
_MONTH_PATTERNS = (re.compile(r"^(\d{4})[.\-/年](\d{1,2})月?$"), re.compile(r"^(\d{4})(\d{2})$"))
RELATION_WORDS = {
    "本人": "0",
    "户主本人": "0",
    "妻子": "1",
    "丈夫": "1",
    "妻": "1",
    "夫": "1",
    "儿子": "2",
    "女儿": "2",
    "长子": "2",
    "长女": "2",
    "次子": "2",
    "次女": "2",
    "子": "2",
    "女": "2",
    "父亲": "3",
    "母亲": "3",
    "父": "3",
    "母": "3",
    "岳父": "4",
    "岳母": "4",
    "公公": "4",
    "婆婆": "4",
    "祖父": "5",
    "祖母": "5",
    "爷爷": "5",
    "奶奶": "5",
    "外公": "5",
    "外婆": "5",
    "儿媳": "6",
    "女婿": "6",
    "孙子": "7",
    "孙女": "7",
    "外孙": "7",
    "外孙女": "7",
    "哥哥": "8",
    "姐姐": "8",
    "弟弟": "8",
    "妹妹": "8",
}
GENDER_WORDS = {
    "男": "male",
    "女": "female",
    "m": "male",
    "f": "female",
    "男性": "male",
    "女性": "female",
}
POLITICAL_WORDS = {
    "党员": "party_member",
    "预备党员": "probationary_party_member",
    "团员": "youth_league_member",
}
TAG_WORDS = {
    "独居": "living_alone",
    "空巢": "empty_nester",
    "高龄老人": "very_elderly",
    "残疾": "disabled",
    "低保": "subsistence",
    "特困户": "extreme_poverty",
    "特困人员": "extreme_poverty",
    "五保户": "extreme_poverty",
    "留守": "left_behind_child",
    "退役": "veteran",
    "失能": "disabled_elderly",
    "社区矫正人员": "community_correction",
}
# residence type words; True: the word says exactly that, False: the nearest type (the word is
# kept in 备注 so nothing the ledger said is lost)
RESIDENCE_WORDS: dict[str, tuple[str, bool]] = {
    "户籍": ("registered", True),
    "常住": ("registered", True),
    "常住人口": ("registered", True),
    "本地户籍": ("registered", True),
    "人户一致": ("registered", True),
    "人户分离": ("registered", False),
    "空挂户": ("registered", False),
    "流动": ("floating", True),
    "外来": ("floating", True),
    "外来人口": ("floating", True),
    "暂住": ("floating", True),
    "暂住人口": ("floating", True),
    "寄住": ("floating", False),
    "寄住人口": ("floating", False),
    "境外": ("overseas", True),
    "外籍": ("overseas", True),
}
CONTROL = CONTROLS  # kit.validation's, one pattern for the import and the dialogs
ROUNDED = re.compile(r"\d(\.\d+)?E\+\d+")  # an ID number Excel showed as 4.20102E+17


class CellError(Exception):
    """The cell's value cannot be trusted; ``text`` says why, in Chinese."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def text(value: Any) -> str:
    """Any cell as clean text: full-width folded, NBSP and stray spaces removed at the ends."""
    if value is None:
        return ""
    if isinstance(value, str) and value.isascii():  # nothing to fold: the common case, fast
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return normalize(str(value)).strip()


def prose(value: Any) -> str:
    """Free text (notes, addresses): Chinese punctuation kept, invisible characters removed."""
    return clean_text(text_keep(value))


def text_keep(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def id_number(value: Any) -> str:
    """The ID number as typed, or an error when Excel has already rounded it."""
    if isinstance(value, bool):
        raise CellError("身份证号无效")
    if isinstance(value, int | float):
        digits = f"{value:.0f}" if isinstance(value, float) else str(value)
        if len(digits) > 15:
            raise CellError("身份证号被Excel转成了数字，后几位已丢失，请把该列设为文本后重新录入")
        return digits
    raw = text(value).replace(" ", "").upper()
    if "E" in raw and ROUNDED.fullmatch(raw):
        raise CellError("身份证号被Excel转成了数字，后几位已丢失，请把该列设为文本后重新录入")
    return raw


def a_date(value: Any) -> date | None:
    """Excel serials, datetimes, and 1985.3.2 / 1985-03-02 / 1985/3/2 / 1985年3月2日 / 19850302;
    1985.3 or 198503 (出生年月) is the first of the month."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 10000 < value < 80000:  # an Excel serial date (1927–2119)
            return EXCEL_EPOCH + timedelta(days=int(value))
        value = str(int(value))
    raw = text(value).replace(" ", "")
    for pattern in DATE_PATTERNS:
        found = pattern.match(raw)
        if found:
            year, month, day = found.groups()
            return _make(year, month, day)
    for pattern in _MONTH_PATTERNS:
        found = pattern.match(raw)
        if found:
            year, month = found.groups()
            return _make(year, month, "1")
    raise CellError(f"日期“{raw}”无法识别，请写成 1985-03-02")


def _make(year: str, month: str, day: str) -> date:
    try:
        return date(int(year), int(month), int(day))
    except ValueError as exc:
        raise CellError(f"日期 {year}-{month}-{day} 不存在") from exc


_REVERSED: dict[int, dict[str, str]] = {}


def _by_label(labels: codes.Labels) -> dict[str, str]:
    """Label -> code (and code -> code), built once per code list."""
    found = _REVERSED.get(id(labels))
    if found is None:
        found = {label: code for code, label in labels.items()} | {c: c for c in labels}
        _REVERSED[id(labels)] = found
    return found


def code(value: Any, labels: codes.Labels, words: dict[str, str], what: str) -> str:
    """A code from its label (中共党员), a common word for it (党员), or the code itself."""
    raw = text(value).replace(" ", "")
    if not raw:
        return ""
    found = _by_label(labels).get(raw) or words.get(raw.lower()) or words.get(raw)
    if found is None:
        raise CellError(f"{what}“{raw}”无法识别，可填：{'、'.join(labels.values())}")
    return found


def gender(value: Any) -> str:
    return code(value, codes.GENDERS, GENDER_WORDS, "性别")


def relation(value: Any) -> str:
    return code(value, codes.RELATIONS, RELATION_WORDS, "与户主关系")


def political_status(value: Any) -> str:
    return code(value, codes.POLITICAL_STATUSES, POLITICAL_WORDS, "政治面貌")


@dataclass(frozen=True)
class Classes:
    """What a classification cell (人员类别, 人员类型) says, read value by value."""

    residences: tuple[tuple[str, str, bool], ...] = ()  # (word, code, says exactly that)
    tags: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()  # words that are neither: kept in 备注, with a warning


def classes(value: Any) -> Classes:
    """户籍、残疾人 -> the residence types and the groups it names; several values in one cell
    are separated by 、 , ， ; / or spaces. Nothing here refuses a row."""
    residences, tags, unknown = [], [], []
    for part in (p for p in re.split(r"[、,，;；/\s]+", text(value)) if p):
        tag = codes.code_for(codes.TAGS, part) or TAG_WORDS.get(part)
        found = None if tag else residence_word(part)
        if tag:
            tags.append(tag)
        elif found:
            residences.append((part, *found))
        else:
            unknown.append(part)
    return Classes(tuple(residences), tuple(dict.fromkeys(tags)), tuple(unknown))


def residence_word(word: str) -> tuple[str, bool] | None:
    """(residence type code, whether the word says exactly that) for 户籍人口, 流动, 寄住 …"""
    code = _by_label(codes.RESIDENCE_TYPES).get(word)
    return (code, True) if code else RESIDENCE_WORDS.get(word)


def without_controls(value: str) -> str | None:
    """The text without control characters, or None when it holds none."""
    if value.isprintable() or not CONTROL.search(value):  # isprintable: the fast common case
        return None
    return CONTROL.sub("", value)
