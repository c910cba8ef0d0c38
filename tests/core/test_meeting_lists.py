"""The meetings and the 督办 list as the lazily loaded lists read them: ids in the order asked,
narrowed by a search, and the rows of a page of ids in that order."""

from datetime import timedelta

import pytest

from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.meetings import queries as meeting_queries
from redoffice.meetings import resolutions
from redoffice.meetings.resolutions import ResolutionFilter
from tests.core.test_meetings import _decide, _meeting
from tests.factories import setup_place

pytestmark = pytest.mark.dates  # also run at other dates by `make test`

TODAY = clock.today()


@pytest.fixture
def three(db: Database) -> list[str]:
    """Three meetings a month apart, oldest first, each with two resolutions."""
    estate = setup_place(db)[1]
    ids = []
    for months in (3, 2, 1):
        meeting = _meeting(
            db,
            estate,
            TODAY - timedelta(days=30 * months),
            kind="居民议事会" if months == 2 else "三方联席会议",
        )
        _decide(
            db,
            meeting,
            f"加装路灯{months}",
            f"清理楼道{months}",
            deadline=TODAY + timedelta(days=months),
        )
        ids.append(meeting)
    return ids


def test_meeting_ids_sort_and_search(db: Database, three: list[str]) -> None:
    assert meeting_queries.meeting_ids(db) == three[::-1]  # newest first
    assert meeting_queries.meeting_ids(db, sort="date", descending=False) == three
    assert meeting_queries.meeting_ids(db, "议事") == [three[1]]
    number = meeting_queries.get_meeting(db, three[0]).number
    assert meeting_queries.meeting_ids(db, number) == [three[0]]


def test_a_page_of_meetings_comes_in_the_order_asked(db: Database, three: list[str]) -> None:
    page = meeting_queries.get_meetings(db, [three[1], three[0]])
    assert [m.id for m in page] == [three[1], three[0]]
    assert page[0].open_resolutions == 2 and page[0].estates == "阳光花园"
    assert meeting_queries.list_meetings(db) == meeting_queries.get_meetings(
        db, meeting_queries.meeting_ids(db)
    )


def test_resolution_ids_sort_filter_and_search(db: Database, three: list[str]) -> None:
    by_deadline = resolutions.resolution_ids(db)
    rows = resolutions.get_resolutions(db, by_deadline)
    assert [r.deadline for r in rows] == sorted(r.deadline for r in rows) and len(rows) == 6
    latest_first = resolutions.resolution_ids(db, sort="deadline", descending=True)
    assert latest_first[:2] != by_deadline[:2] and set(latest_first) == set(by_deadline)
    found = resolutions.resolution_ids(db, ResolutionFilter(text="路灯2"))
    assert [r.text for r in resolutions.get_resolutions(db, found)] == ["加装路灯2"]
    one = resolutions.resolution_ids(db, ResolutionFilter(meeting_id=three[2], text="楼道"))
    assert [r.text for r in resolutions.get_resolutions(db, one)] == ["清理楼道1"]
    listed = resolutions.list_resolutions(db, ResolutionFilter(open_only=True))
    assert [r.id for r in listed] == resolutions.resolution_ids(
        db, ResolutionFilter(open_only=True)
    )


def test_a_search_takes_percent_and_underscore_literally(db: Database, three: list[str]) -> None:
    assert meeting_queries.meeting_ids(db, "  议事 ") == [three[1]]  # surrounding spaces ignored
    assert meeting_queries.meeting_ids(db, "%") == []  # not "anything"
    assert meeting_queries.meeting_ids(db, "_") == []
    assert resolutions.resolution_ids(db, ResolutionFilter(text="加装路灯_")) == []
