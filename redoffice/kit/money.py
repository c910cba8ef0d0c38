"""Money is integer fen (分) everywhere; typed and shown in yuan (元)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Final

from redoffice.kit.validation import normalize


def parse_yuan(text: str | int | float | Decimal) -> int | None:
    """ "12.5" / "¥12.50" / "12元" -> 1250 fen; None when it is not an amount of money (negative,
    more than two decimals, or not a number)."""
    raw = normalize(str(text)).replace("¥", "").replace("元", "").replace(",", "").strip()
    if not raw or any(ch in raw for ch in "eE"):
        return None
    try:
        amount = Decimal(raw)
    except InvalidOperation:
        return None
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")):
        return None
    return int(amount * 100)


def yuan(fen: int | None) -> str:
    """1250 -> "12.50"; 1200 -> "12"."""
    if fen is None:
        return ""
    whole, cents = divmod(fen, 100)
    return f"{whole}" if cents == 0 else f"{whole}.{cents:02d}"


def yuan_mark(fen: int) -> str:
    """1234 50 fen -> "¥1,234.50" (two decimals, thousands separators); -1200 -> "-¥12.00"."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}¥{whole:,}.{cents:02d}"


_DIGITS: Final = "零壹贰叁肆伍陆柒捌玖"
_PLACES: Final = ("", "拾", "佰", "仟")
_SECTIONS: Final = ("", "万", "亿", "万亿")


def _section(value: int) -> str:
    """0 < value < 10000 in capitals with its 零 inside (1001 -> 壹仟零壹)."""
    text, zero = "", False
    for place in range(3, -1, -1):
        digit = value // 10**place % 10
        if digit == 0:
            zero = bool(text)
            continue
        if zero:
            text += "零"
            zero = False
        text += _DIGITS[digit] + _PLACES[place]
    return text


def capitals(fen: int) -> str:
    """The 大写 of Chinese finance: 123450 -> "壹仟贰佰叁拾肆元伍角"; 1005 -> "壹拾元零伍分";
    50 -> "伍角"; 0 -> "零元整"; 整 when there are no 角 and 分; negative amounts lead with 负."""
    if fen < 0:
        return "负" + capitals(-fen)
    whole, cents = divmod(fen, 100)
    jiao, fen_digit = divmod(cents, 10)
    text = ""
    sections: list[int] = []
    rest = whole
    while rest:
        sections.append(rest % 10000)
        rest //= 10000
    need_zero = False
    for index in range(len(sections) - 1, -1, -1):
        value = sections[index]
        if value == 0:
            need_zero = bool(text)
            continue
        if text and (need_zero or value < 1000):
            text += "零"
        need_zero = False
        text += _section(value) + _SECTIONS[index]
    if text:
        text += "元"
    if not cents:
        return (text or "零元") + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif text:
        text += "零"
    if fen_digit:
        text += _DIGITS[fen_digit] + "分"
    return text
