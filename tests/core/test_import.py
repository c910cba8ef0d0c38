"""Importing messy 台账 workbooks: header found, cells cleaned, bad rows refused with reasons,
households grouped, duplicates handled, dry run, one transaction, cancel, failure workbook,
export and re-import."""

import json
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from redoffice.kit import exports
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.messages import message
from redoffice.kit.workbook import rows_workbook
from redoffice.models import AuditLog, Household, Resident, ResidentTag
from redoffice.registry import exports as registry_exports
from redoffice.registry import importer, search
from redoffice.registry.importer import ImportOptions
from redoffice.registry.search import HouseholdQuery, ResidentQuery
from tests import excel_corpus as corpus
from tests.factories import add_resident, setup_place


@pytest.fixture
def place(db: Database) -> tuple[str, str, str]:
    return setup_place(db)  # 第一网格 (G01), 阳光花园, 3栋2单元301室


def _count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.parametrize(
    "make", [corpus.title_and_merged, corpus.two_row_header, corpus.gbk_csv, corpus.old_xls]
)
def test_layouts_are_read(db: Database, place: object, tmp_path: Path, make: object) -> None:
    plan = importer.plan_import(db, make(tmp_path))  # type: ignore[operator]
    assert plan.summary()["errors"] == []
    assert [r.action for r in plan.rows] == ["new"] * 3
    first = plan.rows[0].values
    assert (first["name"], first["gender"], first["relation"]) == ("王建国", "male", "0")
    assert first["birth_date"].isoformat() == "1950-03-02"
    assert plan.rows[2].values["tags"] == ("disabled", "subsistence")


def test_title_rows_and_blank_lines_keep_excel_row_numbers(
    db: Database, place: object, tmp_path: Path
) -> None:
    plan = importer.plan_import(db, corpus.title_and_merged(tmp_path))
    assert plan.header.first_row == 2 and [r.row for r in plan.rows] == [4, 5, 7]


def test_bad_cells_are_refused_with_reasons(db: Database, place: object, tmp_path: Path) -> None:
    plan = importer.plan_import(db, corpus.broken_cells(tmp_path))
    errors = {e["row"]: e for e in plan.summary()["errors"]}
    assert [r.action for r in plan.rows] == [
        "new",
        "failed",
        "failed",
        "new",
        "failed",
        "failed",
        "failed",
        "failed",
        "new",
    ]
    assert "被Excel转成了数字" in errors[3]["message"] and errors[3]["column"] == "公民身份号码"
    assert "校验位" in errors[4]["message"]
    assert "出生日期与身份证号不一致" in errors[6]["message"]
    assert "第九十九网格" in errors[7]["message"] and errors[7]["column"] == "所属网格"
    assert errors[8]["message"] == "姓名必须填写"
    assert errors[9]["message"] == "与第 2 行的身份证号重复，两行内容不同，请核对后只保留一行"
    wide = plan.rows[3].values
    assert wide["id_number"].isdigit() and wide["phone"] == "13700000000"


def test_unknown_grid_can_be_created(db: Database, place: object, tmp_path: Path) -> None:
    options = ImportOptions(create_places=True)
    plan = importer.plan_import(db, corpus.broken_cells(tmp_path), options)
    assert plan.rows[5].action == "new" and plan.new_places.grids == ("第九十九网格",)


def test_apply_then_the_same_file_is_unchanged(
    db: Database, place: tuple[str, str, str], tmp_path: Path
) -> None:
    path = corpus.two_row_header(tmp_path)
    plan = importer.plan_import(db, path)
    assert _count(db, Resident) == 0  # a dry run writes nothing
    result = importer.apply_import(db, plan)
    assert (result.new, result.failed) == (3, 0)
    assert _count(db, Household) == 2  # 3栋2单元301室 existed; 5栋1单元502室 is new
    with db.read() as s:
        heads = s.scalars(select(Resident.name).where(Resident.relation == "0")).all()
        assert sorted(heads) == ["张伟", "王建国"]
        assert s.scalar(select(func.count()).select_from(ResidentTag)) == 3
        entry = s.scalars(select(AuditLog).where(AuditLog.action == "import")).one()
        assert json.loads(entry.fields or "")["counts"]["resident"] == {"create": 3}
    # the search indexes were filled at the end of the bulk insert (deferred_indexing)
    assert [r.name for r in search.search_residents(db, ResidentQuery(text="建国"))] == ["王建国"]
    assert len(search.household_ids(db, HouseholdQuery(text="5栋1单元502"))) == 1
    again = importer.plan_import(db, path)
    assert [r.action for r in again.rows] == ["unchanged"] * 3
    skipped = importer.plan_import(db, path, ImportOptions(on_duplicate="skip"))
    assert [r.action for r in skipped.rows] == ["skipped"] * 3
    refused = importer.plan_import(db, path, ImportOptions(on_duplicate="error"))
    assert all(e["message"].startswith("该身份证号已登记") for e in refused.summary()["errors"])


def test_all_or_nothing_and_cancel_write_nothing(
    db: Database, place: object, tmp_path: Path
) -> None:
    broken = importer.plan_import(
        db, corpus.broken_cells(tmp_path), ImportOptions(all_or_nothing=True)
    )
    with pytest.raises(UserError, match="没有导入任何数据"):
        importer.apply_import(db, broken)
    good = importer.plan_import(db, corpus.title_and_merged(tmp_path))
    with pytest.raises(UserError, match="导入已取消"):
        importer.apply_import(db, good, cancelled=lambda: True)
    assert _count(db, Resident) == 0
    seen: list[tuple[int, int]] = []
    importer.apply_import(db, good, progress=lambda n, total: seen.append((n, total)))
    assert seen[-1] == (3, 3) and _count(db, Resident) == 3
    # a resident saved after the import (and the cancelled one) is still indexed row by row
    registry_name = "欧阳娜娜"
    add_resident(db, registry_name, seq=77)
    found = search.search_residents(db, ResidentQuery(text="阳娜"))
    assert [r.name for r in found] == [registry_name]


def test_failure_workbook_keeps_the_layout(db: Database, place: object, tmp_path: Path) -> None:
    plan = importer.plan_import(db, corpus.broken_cells(tmp_path))
    header, failed = importer.failure_rows(plan)
    sheet = load_workbook(BytesIO(rows_workbook("导入失败", header, failed))).active
    assert sheet is not None
    assert [c.value for c in sheet[1]][-1] == "错误原因"
    assert [c.value for c in sheet[1]][:3] == ["姓名", "性别", "公民身份号码"]
    assert sheet.max_row == 1 + 6
    assert "与第 2 行的身份证号重复" in str(sheet.cell(7, 13).value)
    assert sheet.cell(3, 3).data_type == "s"  # IDs stay text


def test_export_masks_unless_asked_and_reimports(
    db: Database, place: object, tmp_path: Path
) -> None:
    importer.apply_import(db, importer.plan_import(db, corpus.two_row_header(tmp_path)))
    masked = load_workbook(BytesIO(exports.export_workbook(db, "residents"))).active
    assert masked is not None and "*" in str(masked.cell(2, 3).value)
    with db.read() as s:
        assert s.scalar(select(func.count()).where(AuditLog.action == "export")) == 0
    data = exports.export_workbook(db, "residents", unmasked=True)
    with db.read() as s:
        assert s.scalar(select(func.count()).where(AuditLog.action == "export")) == 1
    path = tmp_path / "export.xlsx"
    path.write_bytes(data)
    # the search indexes were filled at the end of the bulk insert (deferred_indexing)
    assert [r.name for r in search.search_residents(db, ResidentQuery(text="建国"))] == ["王建国"]
    assert len(search.household_ids(db, HouseholdQuery(text="5栋1单元502"))) == 1
    again = importer.plan_import(db, path)
    assert [r.action for r in again.rows] == ["unchanged"] * 3
    for kind in ("households", "visits", "cases", "resolutions"):
        sheet = load_workbook(BytesIO(exports.export_workbook(db, kind))).active
        assert sheet is not None and sheet.freeze_panes == "A2"


def test_template_has_drop_downs_and_an_example(db: Database, place: object) -> None:
    sheet = load_workbook(BytesIO(registry_exports.template_workbook(db))).active
    assert sheet is not None
    assert sheet.cell(1, 1).value == "姓名" and sheet.cell(2, 1).value == "王小明"
    lists = [v.formula1 for v in sheet.data_validations.dataValidation]
    assert any("户主" in f for f in lists) and any("第一网格" in f for f in lists)


def test_corrected_mapping_is_remembered(db: Database, place: object, tmp_path: Path) -> None:
    path = corpus.gbk_csv(tmp_path)
    plan = importer.plan_import(db, path)
    corrected = {k: v for k, v in plan.mapping.items() if v != "tags"}
    importer.remember_mapping(db, plan.header, corrected)
    again = importer.plan_import(db, path)
    assert "tags" not in again.mapping.values()
    assert "tags" not in again.rows[2].values


def test_unreadable_file_is_a_clear_error(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "坏文件.xlsx"
    path.write_bytes(b"not a workbook")
    with pytest.raises(UserError, match=r"无法读取文件“坏文件\.xlsx”"):
        importer.plan_import(db, path)
    with pytest.raises(UserError, match="不支持"):
        importer.plan_import(db, tmp_path / "x.docx")


def test_registered_head_and_bad_phone_are_row_errors(
    db: Database, place: tuple[str, str, str], tmp_path: Path
) -> None:
    from datetime import date

    from tests.factories import add_resident, id_number

    add_resident(db, "老户主", household=place[2], relation="0", seq=300)
    place_cells = ["阳光花园", "3", "2", "301", "第一网格", ""]
    head = ["新户主", "男", id_number(date(1960, 1, 1), "male", seq=301), "", "", "户主"]
    spouse = ["新成员", "女", id_number(date(1962, 1, 1), "female", seq=302), "", "12", "配偶"]
    rows = [corpus.HEADER, head + place_cells, spouse + place_cells]
    plan = importer.plan_import(db, corpus.write_xlsx(tmp_path / "heads.xlsx", rows))
    messages = {e["column"]: e["message"] for e in plan.summary()["errors"]}
    assert "已登记户主“老户主”" in messages["与户主关系"]
    assert "电话号码无效" in messages["联系电话"]


def test_two_households_at_one_address_survive_a_round_trip(
    db: Database, place: object, tmp_path: Path
) -> None:
    from redoffice.registry.households import HouseholdInput, save_household
    from tests.factories import add_resident

    for n in (1, 2):
        household = save_household(db, HouseholdInput(address_text="胜利街1号"))
        add_resident(db, f"户主{n}", household=household, relation="0", seq=400 + n)
    path = tmp_path / "export.xlsx"
    path.write_bytes(exports.export_workbook(db, "residents", unmasked=True))
    plan = importer.plan_import(db, path)
    assert plan.summary()["errors"] == []
    assert [r.action for r in plan.rows] == ["unchanged", "unchanged"]


def test_grouping_by_address_or_by_household_number(
    db: Database, place: object, tmp_path: Path
) -> None:
    from datetime import date

    from tests.factories import id_number

    header = ["户号", "姓名", "性别", "身份证号", "与户主关系", "住址"]
    rows = [
        header,
        ["A1", "甲", "男", id_number(date(1950, 1, 1), "male", seq=61), "户主", "胜利街2号"],
        ["A2", "乙", "男", id_number(date(1951, 1, 1), "male", seq=62), "户主", "胜利街2号"],
    ]
    path = corpus.write_xlsx(tmp_path / "groups.xlsx", rows)
    by_number = importer.plan_import(db, path)
    assert [r.action for r in by_number.rows] == ["new", "new"]  # two households
    by_address = importer.plan_import(db, path, ImportOptions(group_by="address"))
    assert by_address.rows[1].errors[0].message.startswith("与第 2 行同属一户")
    no_column = corpus.write_xlsx(
        tmp_path / "no_number.xlsx", [header[1:]] + [r[1:] for r in rows[1:]]
    )
    with pytest.raises(UserError, match="户号"):
        importer.plan_import(db, no_column, ImportOptions(group_by="household_no"))


# -- a real ledger: classification by content, new places, notes and totals -----------------


def _fresh_database(tmp_path: Path) -> Database:
    from redoffice.kit.db import open_database
    from redoffice.settings import community
    from tests.conftest import IDENTITY, OPERATOR

    fresh = open_database(f"sqlite:///{tmp_path / 'new-office.sqlite'}", create=True)
    community.initialize(fresh, IDENTITY, OPERATOR)
    fresh.actor = OPERATOR
    return fresh


def _people(db: Database) -> dict[str, tuple[str, tuple[str, ...], str]]:
    """ID number -> (residence type, live tags, 备注)."""
    with db.read() as s:
        tags: dict[str, list[str]] = {}
        for number, tag in s.execute(
            select(Resident.id_number, ResidentTag.tag)
            .join(ResidentTag, ResidentTag.resident_id == Resident.id)
            .where(ResidentTag.deleted.is_(False))
        ):
            tags.setdefault(number, []).append(tag)
        return {
            number: (kind, tuple(sorted(tags.get(number, []))), notes)
            for number, kind, notes in s.execute(
                select(Resident.id_number, Resident.residence_type, Resident.notes)
            )
        }


def test_classification_columns_are_read_value_by_value(db: Database, tmp_path: Path) -> None:
    plan = importer.plan_import(
        db, corpus.community_ledger(tmp_path), ImportOptions(create_places=True)
    )
    assert plan.summary()["errors"] == []
    assert [r.action for r in plan.rows] == ["new"] * 8
    assert [r.row for r in plan.rows] == list(range(5, 13))  # as Excel numbers them
    assert plan.ignored == [13, 14, 15]  # 合计, 填表人, 说明: not people
    warnings = [(w.row, w.column, w.message) for r in plan.rows for w in r.warnings]
    assert warnings == [(11, "人员类别", "“党支部书记”不是已知的人员类型或人群类别，已记入备注")]
    importer.apply_import(db, plan)
    ids = [p[2] for p in corpus.LEDGER_PEOPLE]
    assert [_people(db)[n] for n in ids] == [
        ("registered", (), ""),
        ("registered", ("subsistence",), ""),
        ("registered", (), ""),
        ("floating", ("disabled",), ""),
        ("floating", (), "人员类别：寄住"),  # the nearest type; the ledger's word kept
        ("registered", ("living_alone",), ""),
        ("registered", (), "人员类别：人户分离、党支部书记"),
        ("registered", (), "长期在外务工；人员类别：空挂户"),
    ]
    again = importer.plan_import(db, corpus.community_ledger(tmp_path))
    assert [r.action for r in again.rows] == ["unchanged"] * 8


def test_contradicting_residence_types_are_kept_in_notes(db: Database, tmp_path: Path) -> None:
    header = ["姓名", "性别", "身份证号", "住址", "人员类别", "人员类型"]
    numbers = [p[2] for p in corpus.LEDGER_PEOPLE[:2]]
    rows = [
        header,
        ["刘德明", "男", numbers[0], "胜利街1号", "户籍、残疾人", "流动人口"],
        ["陈桂芳", "女", numbers[1], "胜利街2号", "户籍、流动", None],
    ]
    plan = importer.plan_import(db, corpus.write_xlsx(tmp_path / "both.xlsx", rows))
    first, second = (r.values for r in plan.rows)
    assert (first["residence_type"], first["tags"], first["notes"]) == (
        "floating",  # the 人员类型 column's word wins
        ("disabled",),
        "人员类别：户籍",
    )
    assert (second["residence_type"], second["notes"]) == ("registered", "人员类别：流动")
    assert [w.message for r in plan.rows for w in r.warnings] == [
        "“户籍”与已填的人员类型“流动人口”不一致，已记入备注",
        "“流动”与已填的人员类型“户籍人口”不一致，已记入备注",
    ]
    assert [r.action for r in plan.rows] == ["new", "new"]


def test_overlong_cells_are_row_errors_naming_their_column(db: Database, tmp_path: Path) -> None:
    header = ["姓名", "性别", "身份证号", "住址", "人员类别", "备注", "联系电话"]
    people = [(p[0], p[1], p[2]) for p in corpus.LEDGER_PEOPLE[:4]]
    rows = [
        header,
        ["王" * 65, *people[0][1:], "胜利街1号", None, None, None],
        [*people[1], "胜利街2号", "寄住", "记" * 1995, None],  # + "；人员类别：寄住": 2003
        [*people[2], "胜" * 256, None, "记" * 2000, "+86 138 0000 0000"],
        [*people[3], "胜利街4号", "户籍", "记" * 2000, "0271234"],
    ]
    plan = importer.plan_import(db, corpus.write_xlsx(tmp_path / "long.xlsx", rows))
    errors = [(e.row, e.column, e.message) for r in plan.rows for e in r.errors]
    assert errors == [
        (2, "姓名", "不能超过 64 个字"),
        (3, "备注", "不能超过 2000 个字"),
        (4, "住址", "不能超过 255 个字"),
        (5, "联系电话", message("phone.invalid")),
    ]
    assert plan.rows[2].values["phone"] == "13800000000"  # normalized, the row failed on 住址


def test_rows_numbered_in_advance_are_blank_lines(db: Database, tmp_path: Path) -> None:
    header = ["序号", "姓名", "性别", "身份证号", "住址", "人员类型"]
    person = [1, "王芳", "女", corpus.LEDGER_PEOPLE[1][2], "胜利街3号", "户籍人口"]
    rows = [header, person, *([n, None, None, None, None, None] for n in range(2, 30))]
    plan = importer.plan_import(db, corpus.write_xlsx(tmp_path / "numbered.xlsx", rows))
    assert [(r.row, r.action) for r in plan.rows] == [(2, "new")] and plan.ignored == []
    assert plan.rows[0].values["residence_type"] == "registered"


def test_a_ledger_reading_户籍_on_every_row_imports(db: Database, tmp_path: Path) -> None:
    people = [corpus.ledger_row(n) for n in range(1, 41)]
    path = corpus.community_ledger(tmp_path, people)
    result = importer.apply_import(
        db, importer.plan_import(db, path, ImportOptions(create_places=True))
    )
    assert (result.new, result.failed) == (40, 0)
    assert set(_people(db).values()) == {("registered", (), "")}


def test_a_new_office_creates_its_places_in_the_import(db: Database, tmp_path: Path) -> None:
    from redoffice.models import Estate, Grid

    path = corpus.community_ledger(tmp_path)
    refused = importer.plan_import(db, path)
    assert refused.count("failed") == 8 and not refused.new_places
    first = {e.column: e.message for e in refused.rows[0].errors}
    assert first["小区"].startswith("小区“东湖新村”不存在：请先在基础数据中添加")
    plan = importer.plan_import(db, path, ImportOptions(create_places=True))
    places = plan.new_places
    assert places.grids == ("东湖一网格", "东湖二网格")
    assert places.estates == ("东湖新村", "滨江花园")
    assert places.buildings == (
        ("东湖新村", "1栋"),
        ("东湖新村", "2栋"),
        ("东湖新村", "3栋"),
        ("滨江花园", "5栋"),
    )
    assert "将新建网格 2 个（东湖一网格、东湖二网格）；小区 2 个" in plan.text()
    assert _count(db, Resident) == _count(db, Grid) == 0  # the dry run wrote nothing
    result = importer.apply_import(db, plan)
    assert result.text() == (
        "已导入：新增 8 人，更新 0 人，新建网格 2 个，新建小区 2 个；"
        "无变化 0 人，跳过 0 人，不能导入 0 行"
    )
    assert (_count(db, Resident), _count(db, Grid), _count(db, Estate)) == (8, 2, 2)
    assert _count(db, Household) == 5
    with db.read() as s:
        entry = s.scalars(select(AuditLog).where(AuditLog.action == "import")).one()
        counts = json.loads(entry.fields or "")["counts"]
        assert counts["grid"] == counts["estate"] == {"create": 2}
        codes = s.scalars(select(Grid.code).order_by(Grid.code)).all()
    assert codes == ["IMP001", "IMP002"]
    more = corpus.community_ledger(tmp_path, [corpus.ledger_row(1)], name="more.xlsx")
    later = importer.plan_import(db, more, ImportOptions(create_places=True))
    assert not later.new_places and later.rows[0].action == "new"  # the places now exist


def _registry(db: Database) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Every active resident with his household's place, and every household's members."""
    from redoffice.models import Estate, Grid

    with db.read() as s:
        tags: dict[str, list[str]] = {}
        for resident_id, tag in s.execute(
            select(ResidentTag.resident_id, ResidentTag.tag).where(ResidentTag.deleted.is_(False))
        ):
            tags.setdefault(resident_id, []).append(tag)
        people = s.execute(
            select(
                Resident.id,
                Resident.name,
                Resident.gender,
                Resident.id_number,
                Resident.birth_date,
                Resident.ethnicity,
                Resident.phone,
                Resident.political_status,
                Resident.relation,
                Resident.residence_type,
                Resident.hukou_place,
                Resident.notes,
                Household.id.label("home"),
                Household.address,
                Grid.name.label("grid"),
                Estate.name.label("estate"),
            )
            .join(Household, Household.id == Resident.household_id)
            .outerjoin(Grid, Grid.id == Household.grid_id)
            .outerjoin(Estate, Estate.id == Household.estate_id)
            .where(Resident.status == "active", Resident.deleted.is_(False))
        ).all()
    members: dict[str, list[str]] = {}
    for p in people:
        members.setdefault(p.home, []).append(f"{p.name}{p.id_number}")
    residents = sorted((*p[1:12], *p[13:], tuple(sorted(tags.get(p.id, [])))) for p in people)
    by_household = {p.home: (p.address, p.grid, p.estate) for p in people}
    households = sorted((*by_household[h], tuple(sorted(m))) for h, m in members.items())
    return residents, households


@pytest.mark.dates  # the demo's youngest are born days before the clock's today
def test_export_then_import_into_a_new_database_gives_the_same_registry(
    db: Database, tmp_path: Path
) -> None:
    from redoffice.demo.build import create_demo

    create_demo(db, 30, seed=11)
    path = tmp_path / "居民.xlsx"
    path.write_bytes(exports.export_workbook(db, "residents", unmasked=True))
    fresh = _fresh_database(tmp_path)
    try:
        plan = importer.plan_import(fresh, path, ImportOptions(create_places=True))
        assert plan.summary()["errors"] == []
        result = importer.apply_import(fresh, plan)
        assert result.new == len(plan.rows) and result.failed == 0
        assert _registry(fresh) == _registry(db)
    finally:
        fresh.close()


@pytest.mark.parametrize("choice", ["update", "skip", "error"])
def test_a_registered_person_listed_twice(
    db: Database, place: object, tmp_path: Path, choice: str
) -> None:
    people = [list(p) for p in corpus.PEOPLE]
    importer.apply_import(
        db,
        importer.plan_import(db, corpus.write_xlsx(tmp_path / "a.xlsx", [corpus.HEADER, *people])),
    )
    twice = corpus.write_xlsx(tmp_path / "b.xlsx", [corpus.HEADER, *people, people[0]])
    plan = importer.plan_import(db, twice, ImportOptions(on_duplicate=choice))
    expected = {
        "update": ["unchanged", "unchanged", "unchanged", "skipped"],
        "skip": ["skipped"] * 4,
        "error": ["failed"] * 4,
    }[choice]
    assert [r.action for r in plan.rows] == expected
    last = plan.rows[3]
    assert "与第 2 行的身份证号重复" in (last.errors or last.warnings)[0].message
    result = importer.apply_import(db, plan)  # no internal error, whatever the choice
    assert (result.new, result.updated) == (0, 0) and _count(db, Resident) == 3
    assert result.text().startswith("没有写入任何数据")


def test_a_new_person_listed_twice_is_imported_once(
    db: Database, place: object, tmp_path: Path
) -> None:
    people = [list(p) for p in corpus.PEOPLE]
    path = corpus.write_xlsx(tmp_path / "twice.xlsx", [corpus.HEADER, *people, people[1]])
    plan = importer.plan_import(db, path)
    assert [r.action for r in plan.rows] == ["new", "new", "new", "skipped"]
    result = importer.apply_import(db, plan)
    assert (result.new, result.skipped) == (3, 1) and _count(db, Resident) == 3


def test_control_characters_and_the_failure_workbook_from_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from redoffice.cli import main
    from tests.core.test_cli import INIT

    url = str(tmp_path / "cli.sqlite")
    assert main(["--db", url, *INIT]) == 0
    people = [list(p) for p in corpus.LEDGER_PEOPLE[:4]]
    people[1][0] = "陈_x0007_桂芳"  # how Excel stores a control character: read back as \x07
    people[2][0] = "刘_x0001_洋"
    people[2][2] = people[2][2][:-1] + ("1" if people[2][2][-1] == "0" else "0")  # check digit
    path = corpus.community_ledger(tmp_path, people)
    failures = tmp_path / "失败.xlsx"
    args = ["--db", url, "import-excel", str(path), "--failures", str(failures)]
    # all or nothing (and the earlier name of --create-places): nothing written, rows saved
    assert main([*args, "--create-grids", "--all-or-nothing"]) == 1
    assert "有 1 行不能导入" in capsys.readouterr().err
    assert failures.exists() and _residents_in(url) == set()
    failures.unlink()
    assert main([*args, "--create-places"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert "第 6 行 姓名（提示）：含有不可见的控制字符，已删除" in said
    assert said[-1] == (
        "已导入：新增 3 人，更新 0 人，新建网格 1 个，新建小区 1 个；"
        "无变化 0 人，跳过 0 人，不能导入 1 行"
    )
    assert _residents_in(url) == {"刘德明", "陈桂芳", "赵强"}  # as the message says
    sheet = load_workbook(failures).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "东湖社区居民信息台账" and rows[1][0] == "填报单位：东湖社区居民委员会"
    assert rows[2][:2] == ("序号", "姓名") and rows[3][6:10] == ("小区", "楼栋", "单元", "房号")
    assert rows[3][-1] == "错误原因" and len(rows) == 5
    assert rows[4][1] == "刘洋" and str(rows[4][-1]).startswith("原表第 7 行：公民身份号码：")


def _residents_in(path: str) -> set[str]:
    from redoffice.kit.db import open_database

    db = open_database(f"sqlite:///{path}")
    with db.read() as s:
        names = set(s.scalars(select(Resident.name)))
    db.close()
    return names


# -- 门牌号: the room in a 小区, the street address elsewhere -----------------------------------


def _homes(db: Database) -> list[tuple[str, str, str, str]]:
    with db.read() as s:
        found = s.execute(
            select(Household.building, Household.unit, Household.room, Household.address_text)
        )
        return sorted((b, u, r, a) for b, u, r, a in found)


def test_a_ledger_naming_the_room_门牌号_imports_every_row(db: Database, tmp_path: Path) -> None:
    people = [
        corpus.door_number_row(1, "3栋", "502"),
        corpus.door_number_row(2, "3", "601"),
        corpus.door_number_row(3, "1栋", "101"),
        corpus.door_number_row(4, "2号楼", "202"),
    ]
    path = corpus.door_number_ledger(tmp_path, people)
    plan = importer.plan_import(db, path, ImportOptions(create_places=True))
    assert plan.mapping[10] == "room" and "address" not in plan.mapping.values()
    assert plan.summary()["errors"] == [] and plan.ignored == [7]  # the 合计 row
    # 3 and 3栋 are one 楼栋, read as 3栋 (never 3栋栋); 2号楼 as it is
    assert "楼栋 3 个（东湖新村 1栋、东湖新村 2号楼、东湖新村 3栋）" in plan.text()
    assert "栋栋" not in plan.text()
    result = importer.apply_import(db, plan)
    assert (result.new, result.failed, result.grids, result.estates) == (4, 0, 1, 1)
    assert _homes(db) == [
        ("1栋", "1", "101", ""),
        ("2号楼", "1", "202", ""),
        ("3", "1", "601", ""),
        ("3栋", "1", "502", ""),
    ]
    assert set(_people(db).values()) == {("registered", (), "")}
    again = corpus.door_number_ledger(tmp_path, [corpus.door_number_row(5, "3", "503")])
    later = importer.plan_import(db, again, ImportOptions(create_places=True))
    assert not later.new_places  # 3 is the 3栋 registered: no new 楼栋


def test_门牌号_without_小区_columns_is_the_street_address(db: Database, tmp_path: Path) -> None:
    header = ["序号", "姓名", "性别", "身份证号", "门牌号", "人员类别"]
    person = [1, "王芳", "女", corpus.LEDGER_PEOPLE[1][2], "胜利街118号", "户籍"]
    plan = importer.plan_import(db, corpus.write_xlsx(tmp_path / "街道.xlsx", [header, person]))
    assert plan.mapping[4] == "address" and "room" not in plan.mapping.values()
    assert plan.summary()["errors"] == []
    importer.apply_import(db, plan)
    assert _homes(db) == [("", "", "", "胜利街118号")]


def test_a_required_field_without_a_column_says_which_column_to_map(
    db: Database, tmp_path: Path
) -> None:
    path = corpus.door_number_ledger(tmp_path, [corpus.door_number_row(1, "3", "502")])
    without_room = {1: "name", 3: "id_number", 7: "estate", 8: "building", 9: "unit"}
    plan = importer.plan_import(db, path, ImportOptions(mapping=without_room, create_places=True))
    [error] = plan.rows[0].errors
    assert (error.column, error.message) == (
        "房号",
        "没有对应“房号”的列：请在“对应字段”一步把门牌号/房号所在的列对应到“房号”"
        "（命令行 --mapping）",
    )
    mapped_but_empty = {**without_room, 10: "room"}
    empty = corpus.door_number_ledger(tmp_path, [corpus.door_number_row(1, "3", "")])
    options = ImportOptions(mapping=mapped_but_empty, create_places=True)
    plan = importer.plan_import(db, empty, options)
    assert [(e.column, e.message) for e in plan.rows[0].errors] == [
        ("门牌号", "小区住户必须填写房号")
    ]
