"""迁出/去世 keep the date and the reason; back to 在册 clears both."""

from datetime import timedelta

import pytest

from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.errors import ValidationFailed
from redoffice.registry import residents
from tests.factories import add_resident, setup_place

pytestmark = pytest.mark.dates  # also run at other dates by `make test`


def test_moving_out_stores_the_date_and_the_reason(db: Database) -> None:
    _, _, household = setup_place(db)
    rid = add_resident(db, "王小明", household=household, relation="0")
    day = clock.today() - timedelta(days=3)
    residents.set_status(db, rid, "moved_out", day, "  迁往上海市浦东新区  ")
    detail = residents.get_resident(db, rid)
    assert (detail.status, detail.status_date, detail.status_reason) == (
        "moved_out",
        day,
        "迁往上海市浦东新区",
    )
    residents.set_status(db, rid, "active")
    detail = residents.get_resident(db, rid)
    assert (detail.status, detail.status_date, detail.status_reason) == ("active", None, "")


def test_a_status_date_in_the_future_or_an_overlong_reason_is_refused(db: Database) -> None:
    _, _, household = setup_place(db)
    rid = add_resident(db, "王小明", household=household, relation="0")
    with pytest.raises(ValidationFailed) as failure:
        residents.set_status(db, rid, "deceased", clock.today() + timedelta(days=1), "病" * 201)
    assert {e.field for e in failure.value.errors} == {"status_date", "status_reason"}
    assert residents.get_resident(db, rid).status == "active"
