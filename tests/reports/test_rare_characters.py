"""Names with characters outside the bundled WenQuanYi font (CJK Extensions A-F) print exactly
as stored: the missing characters come from the embedded Hanazono Mincho fallback fonts."""

import re
from pathlib import Path

from redoffice.kit.db import Database
from redoffice.reports import base
from redoffice.reports import visits as visit_forms
from redoffice.reports.fonts import FONT, font_runs, markup
from redoffice.visits import documents as visit_documents
from tests.factories import add_resident, setup_place
from tests.reports.conftest import pdf_fonts, pdf_text

NAMES = ("𠮷野家", "王𪚥", "刘䶮")  # Extension B, Extension B, Extension A


def test_font_runs_split_only_where_the_font_changes() -> None:
    assert font_runs("王小明") == [(FONT, "王小明")]
    assert font_runs("𠮷野家") == [("HanaMinB", "𠮷"), (FONT, "野家")]
    assert font_runs("刘䶮") == [(FONT, "刘"), ("HanaMinA", "䶮")]
    assert markup("<𠮷>") == '&lt;<font name="HanaMinB">𠮷</font>&gt;'


def test_the_visit_form_prints_rare_names_whole(sqlite_db: Database, tmp_path: Path) -> None:
    _grid, _estate, household = setup_place(sqlite_db)
    for seq, name in enumerate(NAMES):
        add_resident(
            sqlite_db, name, household=household, relation="0" if seq == 0 else "2", seq=10 + seq
        )
    pdf = visit_forms.visit_form(visit_documents.visit_form_data(sqlite_db, household_id=household))
    (page,) = pdf_text(pdf, tmp_path)
    for name in NAMES:
        assert name in page
    # subset names: AAAAAA+HanaMinB-0
    fonts = {re.sub(r"-\d+$", "", row[0].split("+")[-1]): row for row in pdf_fonts(pdf, tmp_path)}
    assert set(fonts) == {"WenQuanYiMicroHei", "HanaMinA", "HanaMinB"}
    assert all(row[3] == "yes" and row[4] == "yes" for row in fonts.values()), "embedded subsets"


def test_a_page_header_with_a_rare_character(tmp_path: Path) -> None:
    page = base.Page(title="𠮷祥社区走访表", community="𪚥社区")
    pdf = base.render(page, [base.para("正文"), base.table(["姓名"], [["𠮷野家"]], [200])])
    (text,) = pdf_text(pdf, tmp_path)
    for expected in ("𠮷祥社区走访表", "𪚥社区", "𠮷野家"):
        assert expected in text
