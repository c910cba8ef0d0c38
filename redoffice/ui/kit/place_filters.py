"""The 网格 and 小区 filter combos of the list pages, kept current as the registry changes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox

from redoffice.kit.db import Database
from redoffice.registry import reference as registry
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.widgets import combo_value, fill_combo

Choices = tuple[registry.Choices, registry.Choices]


class PlaceFilters(QObject):
    changed = Signal()
    SHOWS = frozenset({"grid", "estate"})

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # what the combos offer, read on the worker (the street office names each place's
        # community: redoffice.ui.street.community_column.places_by_community)
        self.choices: Callable[[Database], Choices] = registry.place_choices
        self.grid, self.estate = QComboBox(), QComboBox()
        self._filled = False
        self.grid.currentIndexChanged.connect(self.changed)
        self.estate.currentIndexChanged.connect(self.changed)
        refresh_on(ctx, self.grid, self.SHOWS, self.reload)  # the combos show with their list

    def reload(self) -> None:
        self.ctx.query(partial(self.choices, self.ctx.db), self._show)

    def _show(self, choices: Choices) -> None:
        grids, estates = choices
        chosen = self._filled and (self.grid_id(), self.estate_id())
        fill_combo(self.grid, grids, self.tr("All grids"))
        fill_combo(self.estate, estates, self.tr("All estates"))
        self._filled = True
        if chosen != (self.grid_id(), self.estate_id()):  # the first filling (the lists read
            self.changed.emit()  # on it), or a chosen place gone; the street's second
            # reading, naming each place's community, changes no choice: read once (0.2-0.4 s)

    def grid_id(self) -> str | None:
        return combo_value(self.grid)

    def estate_id(self) -> str | None:
        return combo_value(self.estate)
