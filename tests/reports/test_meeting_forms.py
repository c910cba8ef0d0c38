"""签到表, 会议纪要 and 督办表 from real meetings, reopened with poppler and openpyxl."""

from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from redoffice.cases import service as cases
from redoffice.cases.service import CaseInput
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.workbook import table_workbook
from redoffice.meetings import documents, resolutions
from redoffice.meetings import minutes as meeting_minutes
from redoffice.meetings import queries as meeting_queries
from redoffice.meetings import service as meetings
from redoffice.meetings.inputs import (
    AttendeeInput,
    ItemInput,
    MeetingInput,
    Minutes,
    ResolutionInput,
)
from redoffice.reports import meetings as forms
from tests.factories import setup_place
from tests.reports.conftest import pdf_fonts, pdf_text

pytestmark = pytest.mark.dates  # also run at other dates by `make test`

TODAY = clock.today()


@pytest.fixture
def meeting(sqlite_db: Database) -> str:
    db = sqlite_db
    estate = setup_place(db)[1]
    case = cases.create_case(db, CaseInput(category="物业服务", description="电梯经常停运"))
    first = meetings.create_meeting(
        db,
        MeetingInput("三方联席会议", "10月三方联席会议", TODAY - timedelta(days=40), (estate,)),
    )
    meeting_minutes.save_minutes(
        db,
        first,
        Minutes(
            items=(
                ItemInput(
                    "楼道照明",
                    "物业同意更换",
                    (ResolutionInput("更换楼道灯", "property", TODAY - timedelta(days=5), "物业"),),
                ),
            )
        ),
    )
    second = meetings.create_meeting(
        db,
        MeetingInput(
            "三方联席会议",
            "11月三方联席会议",
            TODAY,
            (estate,),
            place="社区会议室",
            host="王书记",
            recorder="李委员",
            case_ids=(case,),
        ),
    )
    detail = meeting_queries.get_meeting(db, second)
    carried, from_case = detail.minutes.items
    meeting_minutes.save_minutes(
        db,
        second,
        Minutes(
            attendees=(
                AttendeeInput("community", "王书记", "幸福社区", "书记", "13812345678"),
                AttendeeInput("property", "张经理", "阳光物业", "经理", "13987654321"),
                AttendeeInput("owners_committee", "赵主任", "业委会", "主任", attendance="absent"),
            ),
            items=(
                carried,
                ItemInput(
                    from_case.title,
                    "物业称电梯控制板老化，业委会同意动用公共收益更换。" * 3,
                    (
                        ResolutionInput(
                            "一周内更换电梯控制板",
                            "property",
                            TODAY + timedelta(days=7),
                            "阳光物业",
                            "张经理",
                        ),
                        ResolutionInput(
                            "公示公共收益使用情况",
                            "owners_committee",
                            TODAY + timedelta(days=14),
                            "业委会",
                        ),
                    ),
                    from_case.source,
                    from_case.case_id,
                    id=from_case.id,
                ),
            ),
            next_meeting="12月上旬",
        ),
    )
    return second


def test_minutes_pdf(sqlite_db: Database, meeting: str, tmp_path: Path) -> None:
    pdf = forms.minutes(documents.meeting_sheet(sqlite_db, meeting))
    pages = pdf_text(pdf, tmp_path)
    text = "".join(pages).replace("\n", "").replace(" ", "")
    for expected in (
        "幸福社区三方联席会议纪要",
        "上次议定事项落实情况",
        "更换楼道灯",
        "待办（逾期）",
        "议题：物业服务：电梯经常停运",
        "一周内更换电梯控制板",
        "12月上旬",
        "业委会代表（签字）",
        "物业服务企业代表（签字）",
        "赵主任",  # listed under 缺席
        f"第1页共{len(pages)}页",
    ):
        assert expected in text, expected
    assert "13812345678" not in text
    fonts = pdf_fonts(pdf, tmp_path)
    assert fonts and all(f[0].endswith("WenQuanYiMicroHei-0") and f[3] == "yes" for f in fonts)


def test_sign_in_sheet_masks_phones(sqlite_db: Database, meeting: str, tmp_path: Path) -> None:
    pdf = forms.sign_in_sheet(documents.meeting_sheet(sqlite_db, meeting))
    text = "".join(pdf_text(pdf, tmp_path))
    assert "王书记" in text and "签到时间" in text and "签名" in text
    assert "138****5678" in text and "13812345678" not in text


def test_follow_up_pdf_and_workbook(sqlite_db: Database, meeting: str, tmp_path: Path) -> None:
    rows = resolutions.list_resolutions(sqlite_db)
    pdf = forms.follow_up_sheet("幸福社区", "全部事项", documents.follow_up_lines(rows))
    text = "".join(pdf_text(pdf, tmp_path))
    assert "议定事项督办表" in text and "共 3 项" in text and "核验人" in text
    data = table_workbook("议定事项督办表", forms.FOLLOW_UP_COLUMNS, documents.follow_up_rows(rows))
    sheet = load_workbook(BytesIO(data)).active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == list(forms.FOLLOW_UP_COLUMNS)
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    assert sheet.cell(2, 1).value == rows[0].number
    assert sheet.cell(2, 2).is_date and sheet.cell(2, 5).is_date
    assert sheet.max_row == 1 + len(rows)


def test_workbook_never_runs_typed_formulas() -> None:
    data = table_workbook(
        "表", ["内容", "号码"], [('=HYPERLINK("http://x")', "110105194912310021")]
    )
    sheet = load_workbook(BytesIO(data)).active
    assert sheet is not None
    cell, number = sheet.cell(2, 1), sheet.cell(2, 2)
    assert cell.data_type == "s" and cell.quotePrefix
    assert number.data_type == "s" and number.value == "110105194912310021"
