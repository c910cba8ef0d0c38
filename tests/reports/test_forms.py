"""入户走访记录表 and 民情台账 from real records, reopened with poppler."""

import re
from datetime import date
from pathlib import Path

import pytest

from redoffice.cases import documents as case_documents
from redoffice.cases import service as cases
from redoffice.cases.service import CaseInput
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.registry import reference as registry
from redoffice.reports import cases as case_forms
from redoffice.reports import visits as visit_forms
from redoffice.visits import documents as visit_documents
from redoffice.visits import service as visits
from redoffice.visits.service import IssueInput, VisitInput
from tests.factories import add_resident, setup_place
from tests.reports.conftest import pdf_fonts, pdf_text

pytestmark = pytest.mark.dates  # also run at other dates by `make test`

ID_OR_PHONE = re.compile(r"\d{11,}")


def _household(db: Database) -> tuple[str, str]:
    grid, _, household = setup_place(db)
    add_resident(db, "王小明", household=household, relation="0", phone="13812345678")
    add_resident(db, "李芳", household=household, relation="1", gender="female", seq=40)
    staff = registry.save_staff(
        db, registry.StaffInput(name="赵网格员", role="grid_worker", grid_id=grid)
    )
    return household, staff


def test_blank_visit_form_for_field_use(sqlite_db: Database, tmp_path: Path) -> None:
    household, _ = _household(sqlite_db)
    pdf = visit_forms.visit_form(visit_documents.visit_form_data(sqlite_db, household_id=household))
    (page,) = pdf_text(pdf, tmp_path)
    for expected in (
        "幸福社区入户走访记录表",
        "阳光花园3栋2单元301室",
        "王小明",
        "李芳",
        "配偶",
        "第一网格",
        "户主签字",
        "走访人签字",
        "第 1 页 共 1 页",
    ):
        assert expected in page or expected.replace(" ", "") in page.replace(" ", "")
    assert not ID_OR_PHONE.search(page), "no ID or phone numbers on the form"
    assert [f[3] for f in pdf_fonts(pdf, tmp_path)] == ["yes"]


def test_visit_form_filled_from_a_visit(sqlite_db: Database, tmp_path: Path) -> None:
    household, staff = _household(sqlite_db)
    visit = visits.record_visit(
        sqlite_db,
        VisitInput(
            household_id=household,
            visit_date=date(2026, 11, 2),
            visitor_ids=(staff,),
            purposes=("听民意", "帮困难"),
            companions=(("volunteer", "陈志愿"),),
            situation="老两口身体尚可，孙子在外地读书。",
            resolved_on_spot=1,
            issues=(IssueInput("设施维修", "单元门禁损坏，进出不便"),),
        ),
    )
    pdf = visit_forms.visit_form(visit_documents.visit_form_data(sqlite_db, visit_id=visit))
    text = "".join(pdf_text(pdf, tmp_path))
    for expected in (
        "2026-11-02",
        "赵网格员",
        "陈志愿（志愿者）",
        "听民意、帮困难",
        "老两口身体尚可",
        "单元门禁损坏",
        "现场解决问题 1 个",
        "转社区办理，时限",  # the issue became a case with no assignee yet
    ):
        assert expected in text


def test_case_ledger_masks_reporters_and_repeats_its_header(
    sqlite_db: Database, tmp_path: Path
) -> None:
    household, _ = _household(sqlite_db)
    for n in range(60):
        case = cases.create_case(
            sqlite_db,
            CaseInput(
                category="物业服务",
                description=f"第{n}号诉求：楼道灯坏了，晚上看不见，老人容易摔倒。" * 2,
                reporter_name="王小明",
                household_id=household,
                urgency="urgent" if n % 5 else "normal",
            ),
        )
        if n % 3 == 0:
            cases.transition(sqlite_db, case, "in_progress")
    rows = case_documents.ledger_rows(sqlite_db, None, None)
    pdf = case_forms.case_ledger("幸福社区", "2026年", rows)
    pages = pdf_text(pdf, tmp_path)
    assert len(pages) >= 2
    assert all("内容摘要" in page and "回访结果" in page for page in pages)
    text = "".join(pages)
    assert "王*明" in text and "王小明" not in text
    assert f"{clock.today().year}-00060" in text  # numbered in the year of acceptance
    assert [f[3] for f in pdf_fonts(pdf, tmp_path)] == ["yes"]
