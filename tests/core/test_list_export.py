"""Exports are the list as the screen shows it (the ids in their order), 户号 is the household's
number in the register, and the figures (走访覆盖率, 诉求统计) are made for any dates."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from redoffice.cases import exports as case_exports
from redoffice.cases.queries import CaseFilter, case_ids
from redoffice.kit import clock, exports
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.meetings import documents as meeting_documents
from redoffice.models import Household
from redoffice.registry import search
from redoffice.registry.search import HouseholdQuery, ResidentQuery
from redoffice.visits import exports as visit_exports
from redoffice.visits import queries as visit_queries
from tests.conftest import Templates, opened_copy

pytestmark = pytest.mark.dates  # also run at other dates by `make test`


@pytest.fixture
def demo(templates: Templates, tmp_path: Path) -> Iterator[Database]:
    with opened_copy(templates.demo(30, 5), tmp_path / "redoffice.sqlite") as db:
        yield db


def _rows(data: bytes, first: int = 2) -> list[tuple[object, ...]]:
    sheet = load_workbook(BytesIO(data)).active
    assert sheet is not None
    return list(sheet.iter_rows(min_row=first, values_only=True))


def test_resident_export_is_the_given_ids_in_their_order(demo: Database) -> None:
    ids = search.resident_ids(demo, ResidentQuery(text="王", sort="birth_date", descending=True))
    exported = exports.export_rows(demo, "residents", ids=ids)
    rows = _rows(exported.data)
    assert exported.count == len(rows) == len(ids) > 1
    assert [r[0] for r in rows] == [r.name for r in search.resident_rows(demo, ids)]
    births = [r[3] for r in rows]
    assert births == sorted(births, reverse=True)  # type: ignore[type-var]


def test_an_extra_column_follows_each_row_and_skips_a_record_gone(demo: Database) -> None:
    """export_rows(extra=…) (the street's 社区): the column after the list's own, each row's
    text by its id; an id no longer in the table (gone since the list was read) is left out,
    so no row gets another's text."""
    ids = search.resident_ids(demo, ResidentQuery(text="王", sort="name"))
    asked = [ids[0], "gone-since", *ids[1:]]
    names = {r.id: r.name for r in search.resident_rows(demo, ids)}

    def texts(chunk: Sequence[str]) -> dict[str, str]:
        return {i: f"社区·{names[i]}" for i in chunk if i in names}

    exported = exports.export_rows(demo, "residents", ids=asked, extra=("社区", texts))
    heading = _rows(exported.data, first=1)[0]
    rows = _rows(exported.data)
    assert heading[-1] == "社区" and exported.count == len(rows) == len(ids) > 1
    assert [r[-1] for r in rows] == [f"社区·{r[0]}" for r in rows]


def test_household_number_is_the_place_in_the_register_not_an_id(demo: Database) -> None:
    with demo.read() as s:
        in_order = list(
            s.scalars(
                select(Household.id)
                .where(Household.deleted.is_(False))
                .order_by(Household.address_sort, Household.id)
            )
        )
    some = search.household_ids(demo, HouseholdQuery(text="幸福里"))
    rows = _rows(exports.export_rows(demo, "households", ids=some).data)
    assert [r[0] for r in rows] == [in_order.index(h) + 1 for h in some]
    members = _rows(exports.export_rows(demo, "residents").data)
    numbers = {r[8] for r in members}
    assert numbers <= set(range(1, len(in_order) + 1))  # the same numbers in both exports
    assert not any(isinstance(c, str) and c.count("-") == 4 for r in members for c in r)


def test_cases_export_follows_the_filter(demo: Database) -> None:
    f = CaseFilter(open_only=True, sort="due")
    ids = case_ids(demo, f)
    rows = _rows(exports.export_rows(demo, "cases", ids=ids).data)
    assert len(rows) == len(ids) > 0
    assert all(r[8] in ("受理", "办理中") or str(r[8]).endswith("（逾期）") for r in rows)
    assert [r[7] for r in rows] == sorted(r[7] for r in rows)  # type: ignore[type-var]


def test_coverage_for_any_dates(demo: Database) -> None:
    today = clock.today()
    year = visit_queries.coverage_between(demo, today - timedelta(days=365), today)
    week = visit_queries.coverage_between(demo, today - timedelta(days=6), today)
    assert year.total.households == week.total.households > 0
    assert year.total.visited >= week.total.visited
    assert year.total.visited == sum(r.visited for r in year.by_grid)
    with pytest.raises(UserError, match="结束日期不能早于开始日期"):
        visit_queries.coverage_between(demo, today, today - timedelta(days=1))


def test_figures_workbooks_carry_the_period_and_every_row(demo: Database) -> None:
    start, end = clock.today() - timedelta(days=365), clock.today()
    coverage = _rows(visit_exports.coverage_xlsx(demo, start, end), first=1)
    assert coverage[0][0] == f"走访覆盖率 {start.isoformat()} 至 {end.isoformat()}"
    assert coverage[1] == ("分组", "名称", "户数", "已走访", "覆盖率")
    found = visit_queries.coverage_between(demo, start, end)
    assert [r[1] for r in coverage[2:]] == [
        *(r.label for r in found.by_grid),
        "全社区",
        *(r.label for r in found.by_group),
    ]
    stats = _rows(case_exports.case_stats_xlsx(demo, "category", start, end), first=1)
    assert stats[1] == ("类别", "受理", "办结", "办结率", "按时办结率", "满意率")
    total = stats[-1]
    assert total[0] == "合计" and int(str(total[1])) == sum(int(str(r[1])) for r in stats[2:-1])


def test_follow_up_sheet_names_its_filters(demo: Database, tmp_path: Path) -> None:
    from redoffice.meetings.resolutions import ResolutionFilter
    from redoffice.registry import reference as registry
    from tests.reports.conftest import pdf_text

    estate, estate_id = registry.estate_choices(demo)[0]
    deadline = clock.today() + timedelta(days=30)
    f = ResolutionFilter(
        open_only=True, party="property", estate_id=estate_id, deadline_to=deadline
    )
    text = "".join(pdf_text(meeting_documents.follow_up_pdf(demo, f), tmp_path)).replace(" ", "")
    assert f"未完成事项，物业服务企业，{estate}，时限至{deadline.isoformat()}" in text
