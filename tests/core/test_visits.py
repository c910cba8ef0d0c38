from collections.abc import Iterator
from datetime import date, time

import pytest
from sqlalchemy import select

from redoffice.cases import queries as case_queries
from redoffice.cases import service as cases
from redoffice.cases.queries import CaseFilter
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.errors import ValidationFailed
from redoffice.models import Case, Visit, VisitParticipant
from redoffice.registry import reference as registry
from redoffice.registry.households import HouseholdInput, save_household
from redoffice.registry.residents import TagInput
from redoffice.visits import queries as visit_queries
from redoffice.visits import service as visits
from redoffice.visits.service import IssueInput, VisitInput
from tests.factories import add_resident, setup_place

pytestmark = pytest.mark.dates  # also run at other dates by `make test`

TODAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def _on_today() -> Iterator[None]:
    """The clock at ``TODAY``: the due dates written with the visits are read on that day."""
    with clock.frozen(TODAY):
        yield


@pytest.fixture
def place(db: Database) -> dict[str, str]:
    grid, estate, household = setup_place(db)
    staff = registry.save_staff(
        db, registry.StaffInput(name="李网格员", role="grid_worker", grid_id=grid)
    )
    return {"grid": grid, "estate": estate, "household": household, "staff": staff}


def _visit(place: dict[str, str], **extra: object) -> VisitInput:
    values: dict[str, object] = {
        "household_id": place["household"],
        "visit_date": date(2026, 11, 2),
        "visitor_ids": (place["staff"],),
        "purposes": ("听民意",),
        "start_time": time(9, 30),
        "end_time": time(10, 5),
    }
    values.update(extra)
    return VisitInput(**values)  # type: ignore[arg-type]


def test_visit_with_issues_creates_linked_cases(db: Database, place: dict[str, str]) -> None:
    visit_id = visits.record_visit(
        db,
        _visit(
            place,
            companions=(("party_member", "王党员"),),
            situation="老人独居，身体尚可",
            issues=(
                IssueInput("设施维修", "单元门禁损坏"),
                IssueInput("环境卫生", "楼道堆物", "urgent"),
            ),
        ),
    )
    with db.read() as s:
        cases = s.scalars(select(Case).where(Case.visit_id == visit_id)).all()
        people = s.scalars(select(VisitParticipant).where(VisitParticipant.visit_id == visit_id))
        assert sorted(c.category for c in cases) == ["环境卫生", "设施维修"]
        assert {c.source for c in cases} == {"visit"}
        assert {c.household_id for c in cases} == {place["household"]}
        assert sorted((p.role, p.name) for p in people) == [
            ("party_member", "王党员"),
            ("staff", "李网格员"),
        ]


def test_an_issue_is_raised_by_the_visited_household(db: Database, place: dict[str, str]) -> None:
    household = place["household"]
    add_resident(db, "张老先生", household=household, relation="3", born=date(1936, 2, 1), seq=1)
    head = add_resident(db, "张建国", household=household, relation="0", born=date(1968, 4, 5))
    son = add_resident(
        db, "张小军", household=household, relation="2", born=date(1995, 8, 9), seq=3
    )
    issues = (
        IssueInput("设施维修", "单元门禁损坏"),
        IssueInput("环境卫生", "楼道堆物", reporter_resident_id=son),
    )
    visit_id = visits.record_visit(db, _visit(place, issues=issues))
    rows = case_queries.list_cases(db, CaseFilter())
    with db.read() as s:
        found = s.execute(
            select(Case.description, Case.reporter_resident_id).where(Case.visit_id == visit_id)
        ).all()
    assert dict(found) == {"单元门禁损坏": head, "楼道堆物": son}
    assert sorted(r.reporter_masked for r in rows) == ["张*军", "张*国"]  # not 匿名
    people = visits.household_people(db, household)  # the visit form's choices, default first
    expected = ["张建国（户主）", "张老先生（父母）", "张小军（子女）"]
    assert [label for label, _ in people] == expected


def test_an_issue_becomes_the_same_case_as_one_accepted_on_the_cases_page(
    db: Database, place: dict[str, str]
) -> None:
    """承办人 and 承办单位 chosen for a visit's issue reach the case; its fields and timeline are
    those of the request accepted with the same values on the 民情诉求 page."""
    head = add_resident(db, "张建国", household=place["household"], relation="0")
    org = registry.save_organization(
        db, registry.OrganizationInput(kind="property_company", name="安居物业")
    )
    issue = IssueInput(
        "设施维修", "单元门禁损坏", "urgent", assignee_staff_id=place["staff"], assignee_org_id=org
    )
    visit_id = visits.record_visit(db, _visit(place, issues=(issue,)))
    direct = cases.create_case(db, issue.case_input(place["household"], head))
    fields = (
        Case.category,
        Case.description,
        Case.urgency,
        Case.source,
        Case.household_id,
        Case.reporter_resident_id,
        Case.assignee_staff_id,
        Case.assignee_org_id,
        Case.status,
    )
    with db.read() as s:
        from_visit = s.execute(select(Case.id, *fields).where(Case.visit_id == visit_id)).one()
        accepted = s.execute(select(Case.id, *fields).where(Case.id == direct)).one()
    assert from_visit[1:] == accepted[1:]
    assert from_visit[1:] == (
        "设施维修", "单元门禁损坏", "urgent", "visit", place["household"], head,
        place["staff"], org, "accepted",
    )  # fmt: skip

    def steps(case_id: str) -> list[tuple[str, str | None, str]]:
        return [(e.kind, e.to_status, e.note) for e in cases.timeline(db, case_id)]

    assert steps(from_visit[0]) == steps(direct) == [("created", "accepted", "单元门禁损坏")]


def test_without_a_head_the_eldest_member_raises_the_issue(
    db: Database, place: dict[str, str]
) -> None:
    add_resident(db, "李阿姨", household=place["household"], born=date(1950, 1, 1), seq=4)
    eldest = add_resident(db, "李奶奶", household=place["household"], born=date(1931, 1, 1), seq=5)
    visits.record_visit(db, _visit(place, issues=(IssueInput("其他", "想办老年卡"),)))
    with db.read() as s:
        assert s.scalar(select(Case.reporter_resident_id)) == eldest


def test_a_bad_issue_saves_no_visit(db: Database, place: dict[str, str]) -> None:
    with pytest.raises(ValidationFailed):
        visits.record_visit(db, _visit(place, issues=(IssueInput("天气", "太热"),)))
    with db.read() as s:
        assert s.scalars(select(Visit)).all() == []


def test_visit_needs_visitor_and_known_purpose(db: Database, place: dict[str, str]) -> None:
    with pytest.raises(ValidationFailed) as info:
        visits.record_visit(
            db,
            _visit(
                place,
                visitor_ids=(),
                purposes=("串门",),
                start_time=time(11, 0),
                end_time=time(10, 0),
            ),
        )
    assert {e.field for e in info.value.errors} == {"visitors", "purposes", "end_time"}


def test_plan_uses_the_strictest_active_tag(db: Database, place: dict[str, str]) -> None:
    plain = save_household(db, HouseholdInput(address_text="胜利街8号", grid_id=place["grid"]))
    disabled = save_household(db, HouseholdInput(address_text="胜利街9号"))
    add_resident(
        db,
        "独居老人",
        household=place["household"],
        relation="0",
        tags=(TagInput("living_alone"), TagInput("disabled")),
    )
    add_resident(
        db, "残疾人", household=disabled, relation="0", seq=31, tags=(TagInput("disabled"),)
    )
    add_resident(
        db,
        "普通人",
        household=plain,
        relation="0",
        seq=32,
        tags=(TagInput("living_alone", until=date(2020, 1, 1)),),
    )
    for household in (place["household"], plain, disabled):
        visits.record_visit(db, _visit(place, household_id=household, visit_date=date(2026, 10, 1)))
    due = {d.household_id: d for d in visits.visit_plan(db, TODAY, within_days=60)}
    assert due[place["household"]].interval_days == 30
    assert due[place["household"]].due == date(2026, 10, 31)  # overdue
    assert due[disabled].interval_days == 91
    assert plain not in due  # half-yearly: due in March
    only_grid = visits.visit_plan(db, TODAY, grid_id=place["grid"], within_days=400)
    assert {d.household_id for d in only_grid} == {place["household"], plain}


def test_never_visited_household_is_due_today(db: Database, place: dict[str, str]) -> None:
    (entry,) = visits.visit_plan(db, TODAY)
    assert (entry.household_id, entry.last_visit, entry.due) == (place["household"], None, TODAY)


def test_plan_per_worker_and_planned_next_visit(db: Database, place: dict[str, str]) -> None:
    other_grid = registry.save_grid(db, registry.GridInput(code="G02", name="第二网格"))
    leader = registry.save_staff(db, registry.StaffInput(name="赵网格长", role="grid_worker"))
    registry.save_grid(
        db, registry.GridInput(code="G02", name="第二网格", leader_id=leader), other_grid
    )
    elsewhere = save_household(db, HouseholdInput(address_text="胜利街10号", grid_id=other_grid))
    visits.record_visit(
        db, _visit(place, visit_date=date(2026, 11, 1), next_visit_date=date(2026, 11, 20))
    )
    mine = visits.visit_plan(db, TODAY, staff_id=place["staff"])
    assert [(d.household_id, d.due) for d in mine] == [(place["household"], date(2026, 11, 20))]
    assert mine[0].grid == "第一网格"
    theirs = visits.visit_plan(db, TODAY, staff_id=leader)
    assert [d.household_id for d in theirs] == [elsewhere]


def test_period_bounds() -> None:
    assert visit_queries.period_bounds("month", date(2026, 12, 5)) == (
        date(2026, 12, 1),
        date(2026, 12, 31),
    )
    assert visit_queries.period_bounds("quarter", date(2026, 11, 24)) == (
        date(2026, 10, 1),
        date(2026, 12, 31),
    )
    assert visit_queries.period_bounds("quarter", date(2026, 2, 1)) == (
        date(2026, 1, 1),
        date(2026, 3, 31),
    )
    assert visit_queries.period_bounds("year", date(2026, 2, 1)) == (
        date(2026, 1, 1),
        date(2026, 12, 31),
    )


def test_coverage_per_grid_and_group(db: Database, place: dict[str, str]) -> None:
    second = save_household(db, HouseholdInput(address_text="胜利街8号", grid_id=place["grid"]))
    add_resident(db, "独居老人", household=second, relation="0", tags=(TagInput("living_alone"),))
    visits.record_visit(db, _visit(place, household_id=second, visit_date=date(2026, 11, 3)))
    visits.record_visit(db, _visit(place, visit_date=date(2026, 9, 3)))
    month = visit_queries.coverage(db, "month", TODAY)
    assert (month.total.households, month.total.visited, month.total.rate) == (2, 1, 0.5)
    assert [(r.label, r.households, r.visited) for r in month.by_grid] == [("第一网格", 2, 1)]
    assert [(r.key, r.households, r.visited) for r in month.by_group] == [("living_alone", 1, 1)]
    assert visit_queries.coverage(db, "quarter", TODAY).total.visited == 1
    assert visit_queries.coverage(db, "year", TODAY).total.visited == 2


def test_visit_list_rows_and_entry_choices(db: Database, place: dict[str, str]) -> None:
    from redoffice.visits.queries import VisitQuery, visit_ids, visit_rows

    older = visits.record_visit(db, _visit(place, visit_date=date(2026, 9, 3)))
    newer = visits.record_visit(
        db,
        _visit(
            place,
            companions=(("volunteer", "志愿者甲"),),
            issues=(IssueInput("设施维修", "门禁坏了"),),
        ),
    )
    assert visit_ids(db, VisitQuery()) == [newer, older]
    assert visit_ids(db, VisitQuery(descending=False)) == [older, newer]
    assert visit_ids(db, VisitQuery(text="阳光花园3栋")) == [newer, older]
    assert visit_ids(db, VisitQuery(text="胜利街")) == []
    assert visit_ids(db, VisitQuery(date_from=date(2026, 10, 1))) == [newer]
    row = visit_rows(db, [newer])[0]
    assert (row.visitors, row.purposes, row.issues, row.grid) == (
        "李网格员、志愿者甲",
        "听民意",
        1,
        "第一网格",
    )
    choices = visits.entry_choices(db)
    assert choices.staff == [("李网格员", place["staff"])]
    assert "听民意" in choices.purposes and "设施维修" in choices.categories
    assert choices.operator_staff_id is None  # the operator 张秘书 is not on the staff list


def test_visit_needs_a_household(db: Database, place: dict[str, str]) -> None:
    with pytest.raises(ValidationFailed) as info:
        visits.record_visit(db, _visit(place, household_id=""))
    assert info.value.for_field("household_id") == ["必须填写"]
