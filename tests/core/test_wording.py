"""Messages say what the field holds: times are times, not dates."""

from datetime import time, timedelta

import pytest

from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.errors import ValidationFailed
from redoffice.registry import reference as registry
from redoffice.visits import service as visits
from tests.factories import setup_place


def test_a_visit_ending_before_it_starts_is_refused_in_terms_of_time(db: Database) -> None:
    _grid, _estate, household = setup_place(db)
    staff = registry.save_staff(db, registry.StaffInput(name="赵网格员", role="grid_worker"))
    data = visits.VisitInput(
        household_id=household,
        visit_date=clock.today() - timedelta(days=1),
        visitor_ids=(staff,),
        purposes=("听民意",),
        start_time=time(15, 0),
        end_time=time(14, 30),
    )
    with pytest.raises(ValidationFailed) as refused:
        visits.record_visit(db, data)
    assert refused.value.for_field("end_time") == ["结束时间不能早于开始时间"]
