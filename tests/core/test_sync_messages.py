"""Sync messages a secretary understands (QA findings 4, 7): a receipt never overwrites an
earlier one; the fingerprint check says how many digits were typed and which group differs;
an unknown sender is named as a community, not a bare node id."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.sync import acks, enrol, keys, packages
from tests.core.sync_support import community_db, memory_keyring, street_db
from tests.core.test_sync_roundtrip import pair  # noqa: F401
from tests.factories import add_resident, setup_place


def _body(path: Path) -> dict[str, object]:
    body = orjson.loads(path.read_bytes())["body"]
    assert isinstance(body, dict)
    return body


def test_a_receipt_never_overwrites_an_earlier_one(
    pair: tuple[Database, Database, Path],  # noqa: F811
) -> None:
    c, s, usb = pair
    _g, _e, household = setup_place(c)
    add_resident(c, "李四", household=household, seq=1)
    sent = usb / packages.export_package(c, usb).file
    first = packages.import_package(s, sent)
    assert first.status == packages.APPLIED
    again = packages.import_package(s, sent)  # the same package, imported twice
    assert again.status == packages.DUPLICATE
    assert again.ack != first.ack
    assert Path(again.ack).name == Path(first.ack).name.replace(".rosack", "-2.rosack")
    # the first receipt still says 已导入, the second 重复
    assert _body(Path(first.ack))["status"] == packages.APPLIED
    assert _body(Path(again.ack))["status"] == packages.DUPLICATE
    third = packages.import_package(s, sent)
    assert Path(third.ack).name.endswith("-3.rosack")
    assert len(list(usb.glob("*.rosack"))) == 3
    # the community takes the first one: it moves its acknowledged number
    assert acks.import_ack(c, Path(first.ack)).status == "moved"


def test_the_fingerprint_check_says_what_is_wrong(tmp_path: Path) -> None:
    with memory_keyring():
        c = community_db(tmp_path / "c.sqlite")
        street = street_db(tmp_path / "s.sqlite")
        try:
            file = tmp_path / "c.enrol"
            made = enrol.export_enrolment(c, file)
            right = made.fingerprint
            with pytest.raises(UserError) as short:
                enrol.import_enrolment(street, file, keys.grouped(right[:-1]))
            assert short.value.text.startswith("指纹只输入了 39 位，应为 40 位。")
            assert short.value.text.endswith("。")
            with pytest.raises(UserError) as long:
                enrol.import_enrolment(street, file, right + "12")
            assert "输入了 42 位，多了 2 位，应为 40 位。" in long.value.text
            # the 8th group (digits 36–40) and the 2nd differ
            wrong = list(right)
            wrong[37] = str((int(wrong[37]) + 1) % 10)
            with pytest.raises(UserError) as one:
                enrol.import_enrolment(street, file, "".join(wrong))
            assert "第 8 组不同" in one.value.text and one.value.text.endswith("。")
            wrong[6] = str((int(wrong[6]) + 1) % 10)
            with pytest.raises(UserError) as two:
                enrol.import_enrolment(street, file, "".join(wrong))
            assert "第 2、8 组不同" in two.value.text
            assert enrol.partners(street) == []  # nothing stored on any refusal
            with pytest.raises(UserError) as needed:
                enrol.import_enrolment(street, file, None)
            assert needed.value.text.endswith("。")
            enrol.import_enrolment(street, file, keys.grouped(right))
            assert [p.name for p in enrol.partners(street)] == ["幸福社区"]
        finally:
            c.close()
            street.close()
