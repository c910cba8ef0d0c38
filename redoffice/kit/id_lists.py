"""The ordered ids a long list shows, read whole or by its first page.

A list screen reads the ids of everything that matches, in display order, then the rows of the
visible ids only. Over a street's 40 communities that is 376,000 residents' ids before the first
row shows; :meth:`IdQuery.first` reads the first page and counts the rest instead, and the whole
list is read only when it is needed (scrolling past the first page, an export, a jump to a row)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select

from redoffice.kit.db import Database


@dataclass(frozen=True)
class FirstPage:
    """The first ids of a list and how many it holds; ``ids`` is the whole list when
    ``len(ids) == total``."""

    ids: list[str]
    total: int

    @property
    def whole(self) -> bool:
        return len(self.ids) == self.total


@dataclass(frozen=True)
class IdQuery:
    """``query`` selects the ids in display order (its ORDER BY ends with the id, so the order
    is total); calling the object reads them all (a worker job)."""

    db: Database
    query: Select[Any]

    def __call__(self) -> list[str]:
        with self.db.read() as s:
            return list(s.scalars(self.query))

    def first(self, page: int, whole_up_to: int) -> FirstPage:
        """The first ``page`` ids and the count, in one read; every id when the list holds
        at most ``whole_up_to`` (a community's list is read whole, as cheap as its count)."""
        with self.db.read() as s:
            ids = list(s.scalars(self.query.limit(page)))
            if len(ids) < page:
                return FirstPage(ids, len(ids))
            counted = select(func.count()).select_from(self.query.order_by(None).subquery())
            total = int(s.scalar(counted) or 0)
            if total <= whole_up_to:
                ids = list(s.scalars(self.query))
                return FirstPage(ids, len(ids))
            return FirstPage(ids, total)
