from datetime import date

import pytest
from sqlalchemy import func, select

from redoffice.audit import history
from redoffice.kit import records
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError, ValidationFailed
from redoffice.models import AuditLog, Resident, ResidentTag, SyncCounter
from redoffice.registry import residents
from redoffice.registry.residents import ResidentInput, TagInput
from tests.factories import add_resident, id_number, setup_place


def _counts(db: Database) -> tuple[int, int, int]:
    with db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Resident)) or 0,
            s.scalar(select(func.count()).select_from(AuditLog)) or 0,
            s.scalar(select(SyncCounter.last_seq)) or 0,
        )


def test_create_and_read_back(db: Database) -> None:
    _, _, household = setup_place(db)
    rid = add_resident(
        db,
        "王小明",
        household=household,
        relation="0",
        phone="138 1234 5678",
        tags=(TagInput("living_alone", since=date(2024, 1, 1)),),
    )
    detail = residents.get_resident(db, rid)
    assert detail.data.name == "王小明"
    assert detail.data.phone == "13812345678"
    assert detail.data.birth_date == date(1980, 5, 17)
    assert detail.data.tags == (TagInput("living_alone", date(2024, 1, 1), None, ""),)
    with db.read() as s:
        row = s.get(Resident, rid)
        assert row is not None
        assert (row.name_pinyin, row.name_initials) == ("wangxiaoming", "wxm")
        assert row.owner_node == db.node_id and row.version == 1


def test_wrong_check_digit_writes_nothing(db: Database) -> None:
    before = _counts(db)
    with pytest.raises(ValidationFailed) as info:
        residents.save_resident(
            db, ResidentInput(name="李四", gender="male", id_number="110105194912310021")
        )
    assert info.value.for_field("id_number") == ["身份证号校验位错误，请核对每一位数字"]
    assert _counts(db) == before


def test_all_field_errors_are_reported_together(db: Database) -> None:
    with pytest.raises(ValidationFailed) as info:
        residents.save_resident(db, ResidentInput(name="", gender="", id_number="", phone="123"))
    fields = {e.field for e in info.value.errors}
    assert {"name", "id_number", "phone", "gender"} <= fields


def test_duplicate_id_number_names_the_holder(db: Database) -> None:
    add_resident(db, "王小明")
    with pytest.raises(ValidationFailed) as info:
        add_resident(db, "王晓明")
    assert info.value.for_field("id_number") == ["该身份证号已登记在居民“王小明”名下"]


def test_gender_and_birth_date_must_match_the_id_number(db: Database) -> None:
    number = id_number(date(1980, 5, 17), "male")
    with pytest.raises(ValidationFailed) as info:
        residents.save_resident(
            db,
            ResidentInput(
                name="赵敏", gender="female", id_number=number, birth_date=date(1981, 1, 1)
            ),
        )
    assert info.value.for_field("gender") == ["性别与身份证号不一致（身份证号为男性）"]
    assert info.value.for_field("birth_date") == [
        "出生日期与身份证号不一致（身份证号为 1980-05-17）"
    ]


def test_gender_and_birth_date_are_taken_from_the_id_number(db: Database) -> None:
    number = id_number(date(1975, 2, 3), "female").lower()
    rid = residents.save_resident(db, ResidentInput(name="刘芳", id_number=number))
    data = residents.get_resident(db, rid).data
    assert (data.gender, data.birth_date, data.id_number) == (
        "female",
        date(1975, 2, 3),
        number.upper(),
    )


def test_one_head_per_household(db: Database) -> None:
    _, _, household = setup_place(db)
    add_resident(db, "王小明", household=household, relation="0")
    with pytest.raises(ValidationFailed) as info:
        add_resident(db, "王大明", household=household, relation="0", seq=13)
    assert info.value.for_field("relation") == ["该户已有户主“王小明”"]


def test_tags_are_synced_and_removed_ones_soft_deleted(db: Database) -> None:
    rid = add_resident(db, "王小明", tags=(TagInput("disabled"), TagInput("veteran")))
    data = residents.get_resident(db, rid).data
    from dataclasses import replace

    residents.save_resident(db, replace(data, tags=(TagInput("veteran"),)), rid)
    assert residents.get_resident(db, rid).data.tags == (TagInput("veteran"),)
    with db.read() as s:
        rows = s.scalars(select(ResidentTag).where(ResidentTag.resident_id == rid)).all()
        assert sorted((t.tag, t.deleted) for t in rows) == [("disabled", True), ("veteran", False)]


def test_move_mark_and_soft_delete(db: Database) -> None:
    _, _, household = setup_place(db)
    from redoffice.registry.households import HouseholdInput, save_household

    other = save_household(db, HouseholdInput(address_text="胜利街8号"))
    rid = add_resident(db, "王小明", household=household, relation="0")
    residents.move_resident(db, rid, other, "0")
    assert residents.get_resident(db, rid).data.household_id == other
    residents.set_status(db, rid, "deceased", date(2026, 1, 2))
    detail = residents.get_resident(db, rid)
    assert (detail.status, detail.status_date) == ("deceased", date(2026, 1, 2))
    records.set_deleted(db, "resident", rid, True)
    assert residents.get_resident(db, rid).deleted
    with pytest.raises(UserError):
        residents.move_resident(db, rid, household, "0")
    records.set_deleted(db, "resident", rid, False)
    assert not residents.get_resident(db, rid).deleted


def test_edit_keeps_version_and_history(db: Database) -> None:
    rid = add_resident(db, "王小明")
    data = residents.get_resident(db, rid).data
    from dataclasses import replace

    residents.save_resident(db, replace(data, phone="13900001111"), rid)
    entries = history.history(db, "resident", rid)
    assert [h.action for h in entries] == ["create", "update"]
    assert entries[1].changes == (history.Change("联系电话", "—", "139****1111"),)
    assert entries[1].actor == "张秘书"
    with db.read() as s:
        assert s.get(Resident, rid).version == 2  # type: ignore[union-attr]
