"""The forms that record something about a household (a visit, a request) offer the same
choices — staff, purposes, categories: they are read on the worker, then the form opens."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QWidget

from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.save_dialog import SaveDialog
from redoffice.visits import service as visits
from redoffice.visits.service import EntryChoices

EntryDialog = Callable[
    [AppContext, EntryChoices, tuple[str, str] | None, QWidget | None], SaveDialog
]


def open_entry_dialog(
    make: EntryDialog,
    ctx: AppContext,
    parent: QWidget | None,
    household: tuple[str, str] | None = None,
) -> None:
    """Load the choices on the worker, then open ``make(ctx, choices, household, parent)``
    (``household``: (id, address) to start with, or None to pick one)."""
    ctx.query(
        partial(visits.entry_choices, ctx.db),
        lambda choices: make(ctx, choices, household, parent).open(),
    )
