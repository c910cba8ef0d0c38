"""Field checks shared by every service: ID numbers (GB 11643), phones, text and dates."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from stdnum.cn import ric

from redoffice.kit import clock
from redoffice.kit.codes import Labels
from redoffice.kit.errors import Collector

# Province-level prefixes of GB/T 2260 (plus 81-83 for 港澳台居民居住证); county codes are not
# checked because abolished codes stay valid on old cards.
PROVINCES = frozenset(
    [
        *range(11, 16),
        *range(21, 24),
        *range(31, 38),
        *range(41, 47),
        *range(50, 55),
        *range(61, 66),
        71,
        81,
        82,
        83,
    ]
)
MIN_BIRTH_YEAR = 1900
MOBILE = re.compile(r"1[3-9]\d{9}")
# 3-digit area codes are 010 and 02X; every other area code has 4 digits.
LANDLINE = re.compile(r"(0[12]\d|0[3-9]\d{2})-?([2-9]\d{6,7})(?:-(\d{1,6}))?")


class IdNumber(NamedTuple):
    """A checked ID number with what it says about its holder (a named tuple: an import makes
    110,000 of them, a frozen dataclass cost 0.8 µs more each)."""

    number: str
    birth_date: date
    gender: str
    upgraded_from_15: bool = False
    foreign: bool = False


class IdNumberError(ValueError):
    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def normalize(text: str) -> str:
    """For codes and search keys: full-width digits and letters to half-width, ends trimmed.

    Not for prose: NFKC also turns Chinese punctuation （，：；） into ASCII.
    """
    return unicodedata.normalize("NFKC", text).strip()


# Control characters (C0 but tab, line feed and carriage return; DEL): typed, pasted or
# imported, they are never stored (a name holding a NUL made the residents export fail)
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_controls(text: str) -> str:
    return CONTROLS.sub("", text)


def clean_text(text: str) -> str:
    """Typed or pasted prose: control and zero-width characters removed, spaces (also 　 and
    NBSP) trimmed."""
    visible = without_controls(re.sub(r"[\u200b-\u200d\ufeff]", "", text))
    return visible.strip(" \t\r\n\u3000\xa0")


def spaced_chars(text: str) -> str:
    """``王小明`` -> ``王 小 明``: the form the FTS5 phrase indexes hold (migration 0002)."""
    return " ".join(ch for ch in normalize(text) if not ch.isspace())


def natural_key(text: str) -> str:
    """Digits zero-padded so that text order is natural order: 3栋 before 10栋 (0002)."""
    return re.sub(r"\d+", lambda m: m.group().zfill(8), text)


def _compact(raw: str) -> str:
    if raw.isascii() and raw.isalnum():  # as typed (or cleaned by the import): nothing to fold
        return raw.upper()
    return re.sub(r"\s+", "", normalize(raw)).upper()


@lru_cache(maxsize=65536)  # 110,000 people of a ledger are born on ~30,000 days
def _day(digits: str) -> date:
    """``YYYYMMDD`` as a date (ValueError when it is none)."""
    return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))


def _birth_date(number: str, today: date) -> date:
    try:  # the number is already compact: ric.get_birth_date would clean it once more
        born = _day(number[6:14])
    except ValueError as exc:
        raise IdNumberError("id.birth_date") from exc
    if born > today:
        raise IdNumberError("id.birth_future")
    if born.year < MIN_BIRTH_YEAR:
        raise IdNumberError("id.birth_too_old")
    return born


def _upgrade_15(number: str) -> str:
    body = number[:6] + "19" + number[6:]
    return body + ric.calc_check_digit(body + "0")


def parse_id_number(raw: str, today: date | None = None) -> IdNumber:
    """Check an ID number per GB 11643; raise IdNumberError with a message code.

    15-digit numbers (GB 11643-1989) are upgraded to 18 digits; numbers of the 2023
    外国人永久居留身份证 (leading 9) use the same check digit and are accepted.
    """
    today = today or clock.today()
    number = _compact(raw)
    upgraded = False
    if len(number) == 15:
        if not number.isdigit():
            raise IdNumberError("id.format")
        number = _upgrade_15(number)
        upgraded = True
    if len(number) != 18:
        raise IdNumberError("id.length")
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise IdNumberError("id.format")
    if number[17] != ric.calc_check_digit(number):
        raise IdNumberError("id.checksum")
    foreign = number[0] == "9"
    prefix = number[1:3] if foreign else number[:2]
    if int(prefix) not in PROVINCES:
        raise IdNumberError("id.region", prefix=prefix)
    try:
        born = _birth_date(number, today)
    except IdNumberError as exc:
        raise IdNumberError("id.legacy_invalid" if upgraded else exc.code) from exc
    gender = "male" if int(number[16]) % 2 else "female"
    return IdNumber(number, born, gender, upgraded_from_15=upgraded, foreign=foreign)


def normalize_phone(raw: str) -> str | None:
    """A mainland mobile (11 digits) or landline with area code, normalized; None if invalid."""
    if raw.isascii() and MOBILE.fullmatch(raw):  # already normal: most cells of an import
        return raw
    text = re.sub(r"[\s()（）]", "", normalize(raw)).replace("—", "-").replace("－", "-")
    if text.startswith("+86"):
        text = text[3:]
    if MOBILE.fullmatch(text):
        return text
    match = LANDLINE.fullmatch(text)
    if match is None:
        return None
    area, local, ext = match.groups()
    return f"{area}-{local}" + (f"-{ext}" if ext else "")


def mask_id_number(number: str | None) -> str:
    """110105********1234: the first 6 and the last 4 characters (hides the birth date)."""
    if not number:
        return ""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(phone: str | None) -> str:
    """138****5678 for mobiles, 010-****5678 for landlines."""
    if not phone:
        return ""
    if "-" in phone:
        area, _, rest = phone.partition("-")
        return f"{area}-{'*' * max(len(rest) - 4, 0)}{rest[-4:]}"
    if len(phone) <= 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_name(name: str) -> str:
    """王*明 / 李*: for notices on a board."""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


class Checker(Collector):
    """A Collector with the common field checks; each returns the cleaned value."""

    def text(self, field: str, value: str | None, *, required: bool = False, max_len: int) -> str:
        cleaned = clean_text(value or "")
        if required and not cleaned:
            self.add(field, "required")
        elif len(cleaned) > max_len:
            self.add(field, "too_long", max=max_len)
        return cleaned

    def choice(self, field: str, value: str | None, codes: Labels, *, required: bool = True) -> str:
        if not value:
            if required:
                self.add(field, "required")
            return ""
        if value not in codes:
            self.add(field, "invalid_choice", value=value)
        return value

    def phone(self, field: str, value: str | None) -> str:
        if not value or not normalize(value):
            return ""
        cleaned = normalize_phone(value)
        if cleaned is None:
            self.add(field, "phone.invalid")
            return normalize(value)
        return cleaned

    def past_date(self, field: str, value: date | None, today: date) -> date | None:
        if value is not None and value > today:
            self.add(field, "date_in_future")
        return value


def required_text(field: str, value: str, max_len: int) -> str:
    """One required line or paragraph of prose, cleaned; a ValidationFailed naming ``field``."""
    c = Checker()
    text = c.text(field, value, required=True, max_len=max_len)
    c.raise_if_any()
    return text
