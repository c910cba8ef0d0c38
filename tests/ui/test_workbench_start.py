"""The 工作台 at the window start (issue 11 §5): the page shows the 工作台's, the registry's and
the 基金's figures without a click; an error in one of these reads is shown as any read's
error, once, and the other figures still show."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from redoffice.registry.stats import registry_figures
from redoffice.ui.kit.context import AppContext
from redoffice.ui.main_window import MainWindow
from redoffice.workbench.queries import fund_cards, workbench


def _started(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert ctx.tasks.wait_idle()
    return window


def _rename_table(ctx: AppContext, table: str) -> None:
    with ctx.db.engine.begin() as conn:
        conn.exec_driver_sql(f"ALTER TABLE {table} RENAME TO {table}_gone")


def _caught(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        "redoffice.ui.kit.errors.QMessageBox.warning", lambda *a: shown.append(a[2])
    )
    return shown


def test_the_workbench_shows_every_figure_after_the_start_without_a_click(
    qtbot: QtBot, ctx: AppContext
) -> None:
    registry = registry_figures(ctx.db)
    work = workbench(ctx.db)
    fund = fund_cards(ctx.db)
    cards = _started(qtbot, ctx).dashboard.cards
    assert cards["residents"].value.text() == f"{registry.residents:,}"
    assert cards["households"].value.text() == f"{registry.households:,}"
    assert cards["party_members"].value.text() == f"{registry.party_members:,}"
    assert cards["cases_overdue"].value.text() == f"{work.cases_overdue.total:,}"
    assert cards["visits_due_week"].value.text() == f"{work.visits_due_week.total:,}"
    assert cards["fund_payments_due"].value.text() == f"{fund.payments_due.total:,}"


@pytest.mark.parametrize(
    ("table", "blank", "shown_card"),
    [
        ("resident_tag", "residents", "cases_overdue"),  # the registry figures' read fails
        ("resolution", "cases_overdue", "residents"),  # the 工作台 read fails
    ],
)
def test_an_error_in_a_read_at_the_start_is_shown_once_and_the_other_figures_show(
    qtbot: QtBot,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    table: str,
    blank: str,
    shown_card: str,
) -> None:
    expected = {
        "cases_overdue": f"{workbench(ctx.db).cases_overdue.total:,}",
        "residents": f"{registry_figures(ctx.db).residents:,}",
    }
    fund = fund_cards(ctx.db)
    _rename_table(ctx, table)
    shown = _caught(monkeypatch)
    cards = _started(qtbot, ctx).dashboard.cards
    assert len(shown) == 1 and "未保存任何更改" in shown[0]
    assert cards[blank].value.text() == "—"
    assert cards[shown_card].value.text() == expected[shown_card]
    assert cards["fund_payments_due"].value.text() == f"{fund.payments_due.total:,}"
