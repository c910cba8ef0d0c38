"""The 社区 column the street office's lists get: the community holding each row, read with
each page of rows (:func:`redoffice.street.owners.community_of`); and the 网格 and 小区 filters
naming each place's community while every community is shown (several have a 第1网格)."""

from __future__ import annotations

from functools import partial
from typing import Any, Final

from PySide6.QtCore import QCoreApplication

from redoffice.kit.db import Database
from redoffice.registry import reference as registry
from redoffice.street.owners import community_of
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.list_view import SearchableList
from redoffice.ui.kit.place_filters import Choices, PlaceFilters
from redoffice.ui.kit.simple_table import SimpleTable

# each long list (by the key it remembers its layout under) and the table its ids are of
TABLES: Final = {
    "residents": "resident",
    "households": "household",
    "visits": "visit",
    "visit_plan": "household",
    "cases": "case_record",
    "meetings": "meeting",
    "resolutions": "resolution",
    "wishes": "wish",
    "fund_ledger": "fund_entry",
}


def add_community_column(found: SearchableList[Any]) -> None:
    """Give ``found`` its 社区 column (a list not in :data:`TABLES` stays as it is)."""
    key = found.state_key or ""
    table = TABLES.get(key)
    if table is not None:
        found.add_keyed_column(
            QCoreApplication.translate("street", "Community"),
            partial(community_of, found.ctx.db, table),
            80,
            layout_key=f"street/{key}",  # the street's layout apart from a community's
        )


# the short lists held in memory — by the class of the widget holding one and the attribute
# it is held in — and the table their keys are ids of
SHORT_LISTS: Final = {
    ("ApplicationsTab", "table"): "fund_application",
    ("NoticesTab", "table"): "fund_notice",
    ("OverviewTab", "table"): "fund_account",
    ("OverviewTab", "notices"): "fund_notice",
}


def _short_list_table(found: SimpleTable) -> str | None:
    """The table ``found``'s keys are ids of, if it is one of :data:`SHORT_LISTS`."""
    holder = found.parentWidget()
    while holder is not None:
        for (kind, attribute), table in SHORT_LISTS.items():
            if type(holder).__name__ == kind and getattr(holder, attribute, None) is found:
                return table
        holder = holder.parentWidget()
    return None


def add_short_community_column(found: SimpleTable, ctx: AppContext) -> None:
    """Give ``found`` its 社区 column, shown second (after the row's name or number), when it
    is one of :data:`SHORT_LISTS` (another short list stays as it is)."""
    table = _short_list_table(found)
    if table is not None:
        found.add_keyed_column(
            ctx,
            QCoreApplication.translate("street", "Community"),
            partial(community_of, ctx.db, table),
        )
        found.horizontalHeader().moveSection(found.rows_model.columnCount() - 1, 1)


def _named(db: Database, table: str, choices: registry.Choices) -> registry.Choices:
    """``choices`` as ``东湖社区·G001 第1网格``, by community (in their order within one)."""
    communities = community_of(db, table, [place for _label, place in choices])
    named = [(f"{communities.get(place, '')}·{label}", place) for label, place in choices]
    return sorted(named, key=lambda choice: choice[0].split("·", 1)[0])


def places_by_community(db: Database) -> Choices:
    """The place filters' choices at the street: every community's places named with their
    community under 全部社区; one community's (the scope narrows the read) once one is chosen."""
    grids, estates = registry.place_choices(db)
    if db.community is not None:
        return grids, estates
    return _named(db, "grid", grids), _named(db, "estate", estates)


def name_places(places: PlaceFilters) -> None:
    """``places`` offer :func:`places_by_community` from their next reading on."""
    places.choices = places_by_community
