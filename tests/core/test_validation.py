from datetime import date

import pytest

from redoffice.kit.validation import (
    IdNumberError,
    mask_id_number,
    mask_name,
    mask_phone,
    normalize_phone,
    parse_id_number,
)
from tests.factories import id_number

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    "raw",
    [
        "11010519491231002X",
        "11010519491231002x",
        " 110105 19491231 002X ",
        "１１０１０５１９４９１２３１００２Ｘ",
    ],
)
def test_valid_id_numbers_are_normalized(raw: str) -> None:
    parsed = parse_id_number(raw, TODAY)
    assert parsed.number == "11010519491231002X"
    assert parsed.birth_date == date(1949, 12, 31)
    assert parsed.gender == "female"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("110105194912310021", "id.checksum"),
        ("1101051949123100", "id.length"),
        ("11010519491231002A", "id.format"),
        ("440524188001010014", "id.birth_too_old"),
        (id_number(date(2026, 12, 1)), "id.birth_future"),
        (id_number(date(1990, 1, 1), region="990101"), "id.region"),
    ],
)
def test_invalid_id_numbers(raw: str, code: str) -> None:
    with pytest.raises(IdNumberError) as info:
        parse_id_number(raw, TODAY)
    assert info.value.code == code


def test_impossible_birth_date_is_refused() -> None:
    body = "42010619870230001"  # 30 February
    from stdnum.cn import ric

    with pytest.raises(IdNumberError) as info:
        parse_id_number(body + ric.calc_check_digit(body + "0"), TODAY)
    assert info.value.code == "id.birth_date"


def test_legacy_15_digit_number_is_upgraded() -> None:
    parsed = parse_id_number("110105491231002", TODAY)
    assert parsed.number == "11010519491231002X"
    assert parsed.upgraded_from_15


def test_foreign_permanent_residence_number_is_accepted() -> None:
    from stdnum.cn import ric

    body = "94215619850302011"
    parsed = parse_id_number(body + ric.calc_check_digit(body + "0"), TODAY)
    assert parsed.foreign and parsed.birth_date == date(1985, 3, 2) and parsed.gender == "male"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("+86 13812345678", "13812345678"),
        ("010-65123456", "010-65123456"),
        ("(0755)23456789", "0755-23456789"),
        ("02787654321", "027-87654321"),
        ("12345678", None),
        ("23812345678", None),
        ("abc", None),
    ],
)
def test_phone_numbers(raw: str, expected: str | None) -> None:
    assert normalize_phone(raw) == expected


def test_masks() -> None:
    assert mask_id_number("110105194912311234") == "110105********1234"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("010-65123456") == "010-****3456"
    assert mask_name("王小明") == "王*明"
    assert mask_name("李四") == "李*"


def test_prose_keeps_chinese_punctuation() -> None:
    from redoffice.kit.validation import Checker

    c = Checker()
    text = c.text("note", "\u3000楼道灯坏了，晚上看不见：请尽快（今天）修。\u200b ", max_len=100)
    assert text == "楼道灯坏了，晚上看不见：请尽快（今天）修。"
