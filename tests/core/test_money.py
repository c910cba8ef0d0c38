"""Money shown: ¥ with thousands separators, and the 大写 (capitals) of Chinese finance."""

from __future__ import annotations

import pytest

from redoffice.kit.money import capitals, parse_yuan, yuan, yuan_mark


@pytest.mark.parametrize(
    ("fen", "shown"),
    [
        (0, "¥0.00"),
        (5, "¥0.05"),
        (50, "¥0.50"),
        (1200, "¥12.00"),
        (123450, "¥1,234.50"),
        (100000000, "¥1,000,000.00"),
        (10000000000, "¥100,000,000.00"),
        (-1200, "-¥12.00"),
        (-123456789, "-¥1,234,567.89"),
    ],
)
def test_yuan_mark(fen: int, shown: str) -> None:
    assert yuan_mark(fen) == shown


@pytest.mark.parametrize(
    ("fen", "words"),
    [
        (0, "零元整"),
        (1, "壹分"),
        (10, "壹角"),
        (50, "伍角"),
        (55, "伍角伍分"),
        (100, "壹元整"),
        (101, "壹元零壹分"),
        (110, "壹元壹角"),
        (1000, "壹拾元整"),
        (1005, "壹拾元零伍分"),
        (1200, "壹拾贰元整"),
        (10000, "壹佰元整"),
        (10100, "壹佰零壹元整"),
        (100100, "壹仟零壹元整"),
        (101000, "壹仟零壹拾元整"),
        (123450, "壹仟贰佰叁拾肆元伍角"),
        (1000000, "壹万元整"),
        (1000500, "壹万零伍元整"),
        (1050000, "壹万零伍佰元整"),
        (1500000, "壹万伍仟元整"),
        (10000000, "壹拾万元整"),
        (100000100, "壹佰万零壹元整"),  # 1,000,001 元
        (100010000, "壹佰万零壹佰元整"),
        (2003000000, "贰仟零叁万元整"),
        (10000000000, "壹亿元整"),  # 100,000,000 元
        (10001000000, "壹亿零壹万元整"),
        (10000100000, "壹亿零壹仟元整"),
        (10010000000, "壹亿零壹拾万元整"),
        (12345678901, "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元零壹分"),
        (1000000000100, "壹佰亿零壹元整"),
        (-1200, "负壹拾贰元整"),
    ],
)
def test_capitals(fen: int, words: str) -> None:
    assert capitals(fen) == words


def test_capitals_of_10_05_and_0_5_typed_in_yuan() -> None:
    assert capitals(parse_yuan("10.05") or 0) == "壹拾元零伍分"
    assert capitals(parse_yuan("0.5") or 0) == "伍角"
    assert capitals(parse_yuan("100000000") or 0) == "壹亿元整"
    assert capitals(parse_yuan("1000001") or 0) == "壹佰万零壹元整"


def test_every_amount_up_to_a_hundred_thousand_reads_back() -> None:
    """Capitals read back (a small parser of the 大写) give the amount, for every whole yuan up
    to 100,000 and a sample of 角/分: no 零 lost or doubled."""
    digits = {c: n for n, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
    units = {"拾": 10, "佰": 100, "仟": 1000}

    def read(text: str) -> int:
        text = text.removesuffix("整")
        whole_text, _, small = text.partition("元") if "元" in text else ("", "", text)
        total = section = digit = 0
        for ch in whole_text:
            if ch in digits:
                digit = digits[ch]
            elif ch in units:
                section += digit * units[ch]
                digit = 0
            elif ch == "万":
                total += (section + digit) * 10_000
                section = digit = 0
            elif ch == "亿":
                total = (total + section + digit) * 100_000_000
                section = digit = 0
        fen = (total + section + digit) * 100
        jiao = small.split("角")[0] if "角" in small else ""
        fen += digits[jiao[-1]] * 10 if jiao else 0
        fen += digits[small[-2]] if small.endswith("分") else 0
        return fen

    for yuan_whole in range(0, 100_001, 7):
        for cents in (0, 5, 30, 99):
            fen = yuan_whole * 100 + cents
            words = capitals(fen)
            assert "零零" not in words and (fen == 0 or not words.startswith("零"))
            assert read(words) == fen, (fen, words)


def test_yuan_unchanged() -> None:
    assert (yuan(1250), yuan(1200), yuan(None)) == ("12.50", "12", "")
