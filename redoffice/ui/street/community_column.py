"""The 社区 column the street office's lists get: the community holding each row, read with
each page of rows (:func:`redoffice.street.owners.community_of`)."""

from __future__ import annotations

from functools import partial
from typing import Any, Final

from PySide6.QtCore import QCoreApplication

from redoffice.street.owners import community_of
from redoffice.ui.kit.list_view import SearchableList

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
    table = TABLES.get(found.state_key or "")
    if table is not None:
        found.add_keyed_column(
            QCoreApplication.translate("street", "Community"),
            partial(community_of, found.ctx.db, table),
            80,
        )
