"""The community's identity: 统计用区划代码 of 12 digits for the community and 9 for its street,
the street's being the community's first nine; checked on first start, in settings and by the
CLI alike."""

from pathlib import Path

import pytest

from redoffice.kit.db import open_database
from redoffice.kit.errors import ValidationFailed
from redoffice.settings import community
from redoffice.settings.community import Identity
from tests.conftest import IDENTITY, OPERATOR


def _refusals(identity: Identity) -> dict[str, list[str]]:
    with pytest.raises(ValidationFailed) as refused:
        community._check(identity, OPERATOR)
    return {e.field: refused.value.for_field(e.field) for e in refused.value.errors}


def test_the_demo_identity_is_valid() -> None:
    assert community._check(IDENTITY, OPERATOR) == (IDENTITY, OPERATOR)


@pytest.mark.parametrize(
    ("community_code", "street_code", "expected"),
    [
        (
            "420106001",
            "420106",
            {
                "community_code": ["应为12位数字的统计用区划代码，“420106001”不是"],
                "street_code": ["应为9位数字的统计用区划代码，“420106”不是"],
            },
        ),
        (
            "42010600100A",
            "420106001",
            {"community_code": ["应为12位数字的统计用区划代码，“42010600100A”不是"]},
        ),
        (
            "990106001001",
            "990106001",
            {
                "community_code": ["前两位“99”不是有效的省级区划代码"],
                "street_code": ["前两位“99”不是有效的省级区划代码"],
            },
        ),
        (
            "420106001001",
            "420106002",
            {"street_code": ["街道代码应为社区代码的前9位（420106001）"]},
        ),
        ("", "", {"community_code": ["必须填写"], "street_code": ["必须填写"]}),
    ],
)
def test_bad_codes_are_explained(
    community_code: str, street_code: str, expected: dict[str, list[str]]
) -> None:
    identity = Identity("幸福社区", community_code, "中南路街道", street_code)
    assert _refusals(identity) == expected


def test_codes_typed_with_spaces_or_full_width_digits_are_kept_as_digits() -> None:
    typed = Identity("幸福社区", "4201 0600 1001", "中南路街道", "４２０１０６００１")
    cleaned, _ = community._check(typed, OPERATOR)
    assert (cleaned.community_code, cleaned.street_code) == ("420106001001", "420106001")


def test_a_refused_identity_initializes_nothing(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'new.sqlite'}", create=True)
    try:
        with pytest.raises(ValidationFailed):
            community.initialize(
                db, Identity("幸福社区", "420106001", "中南路街道", "420106"), "张秘书"
            )
        assert not community.is_initialized(db)
        community.initialize(db, IDENTITY, OPERATOR)
        with pytest.raises(ValidationFailed):
            community.update_identity(
                db, Identity("幸福社区", "420106001001", "中南路街道", "420107001"), OPERATOR
            )
        assert community.identity(db) == IDENTITY
    finally:
        db.close()
