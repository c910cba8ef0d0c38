"""Review (session 8): the street's decisions, replies and notices (street-owned rows) read
under the street window's community filter (db.community, kit/scope.py). The 审批与通知 page
(ui/street/orders_page, in the street's navigation since 04e417e) reads decisions.awaiting,
decisions.escalated and notices.progress through db.read(), which the filter scopes: the ORM
criteria ``owner_node == community`` also hit StreetDecision, StreetReply and StreetNotice,
whose owner is the street itself."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from redoffice.cases import service as cases
from redoffice.kit import clock
from redoffice.models import Case, FundApplication
from redoffice.street import decisions, notices
from redoffice.sync import packages
from tests.conftest import Templates
from tests.street_support import StreetTown, street_with_communities


@pytest.fixture
def town(tmp_path: Path, templates: Templates) -> Iterator[StreetTown]:
    with street_with_communities(tmp_path, templates) as found:
        yield found


def _pending_higher(town: StreetTown, community: str) -> str:
    with town.street.read() as s:
        found = s.scalars(
            select(FundApplication.id)
            .where(
                FundApplication.owner_node == community,
                FundApplication.status == "pending_higher",
            )
            .order_by(FundApplication.number)
        ).first()
    assert found is not None
    return found


def _escalated(town: StreetTown) -> str:
    """A case of the first community escalated (转街道) and sent to the street."""
    c = town.open(town.communities[0])
    with c.read() as cs:
        found = cs.scalars(select(Case.id).where(Case.deleted.is_(False))).first()
    assert found is not None
    cases.escalate(c, found, "涉及供电部门，需街道协调")
    sent = packages.export_package(c, town.usb)
    assert packages.import_package(town.street, town.usb / sent.file).status == packages.APPLIED
    return found


def test_a_decided_application_stays_off_the_list_under_the_filter(town: StreetTown) -> None:
    street, first = town.street, town.communities[0]
    app = _pending_higher(town, first.node_id)
    decisions.decide(street, app, decisions.APPROVE, "同意救助")
    assert app not in [a.id for a in decisions.awaiting(street)]  # 全部社区
    street.community = first.node_id  # the filter set to that community
    assert app not in [a.id for a in decisions.awaiting(street)]


def test_an_answered_case_stays_off_the_list_under_the_filter(town: StreetTown) -> None:
    street, first = town.street, town.communities[0]
    case = _escalated(town)
    decisions.reply(street, case, "城管科", "已联系供电所，三日内修复")
    assert case not in [c.id for c in decisions.escalated(street)]
    street.community = first.node_id
    assert case not in [c.id for c in decisions.escalated(street)]


def test_notices_to_the_chosen_community_are_listed_under_the_filter(town: StreetTown) -> None:
    street, first = town.street, town.communities[0]
    due = clock.today() + timedelta(days=7)
    issued = notices.issue(street, [first.node_id], "报送十二月走访台账", due)
    assert [p.id for p in notices.progress(street)] == [issued.id]
    street.community = first.node_id
    assert [p.id for p in notices.progress(street)] == [issued.id]
