"""Record ids made in bulk (kit.ids.new_ids) are UUIDv7s like new_id's: the clock's
millisecond, version 7, RFC 9562's variant, unique, ascending; and a bulk-built row keeps the
id it is given (changes.new_record makes none then)."""

import uuid
from datetime import date

import pytest

from redoffice.kit import changes, clock, ids


def test_bulk_ids_are_unique_ascending_uuid7s_of_the_clocks_millisecond() -> None:
    with clock.frozen(date(2027, 1, 4)):
        stamp = int(clock.utcnow().timestamp() * 1000)
        made = ids.new_ids(5000)
    assert len(set(made)) == 5000 and made == sorted(made)
    for text in made:
        parsed = uuid.UUID(text)
        assert str(parsed) == text
        assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
        assert abs((parsed.int >> 80) - stamp) < 1000
    assert ids.new_ids(0) == []
    assert len(ids.new_id()) == len(made[0])


def test_a_bulk_row_keeps_the_id_it_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fresh_id() -> str:
        raise AssertionError("a fresh id made for a row that has one")

    monkeypatch.setattr(changes, "new_id", no_fresh_id)
    row = changes.new_record("node", id="given", name="张三")
    assert row["id"] == "given" and row["owner_node"] == "node" and row["version"] == 1
