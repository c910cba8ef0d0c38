"""The main window: navigation on the left, one page per area of work."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from redoffice.ui.kit import ui_state
from redoffice.ui.kit.connect import on_trigger
from redoffice.ui.kit.show_gate import refresh_on

# Only PySide6 and Qt-only helpers above: the window frame shows before SQLAlchemy, the models
# and the pages are imported (issue 12 §4: start ≤ 3× a bare PySide6 window)
if TYPE_CHECKING:
    from redoffice.settings.community import Identity
    from redoffice.ui.cases.cases_page import CasesPage
    from redoffice.ui.fund.fund_page import FundPage
    from redoffice.ui.kit.context import AppContext
    from redoffice.ui.kit.help_window import HelpDialog
    from redoffice.ui.meetings.meetings_page import MeetingsPage
    from redoffice.ui.street.communities_page import CommunitiesPage
    from redoffice.ui.sync.sync_page import SyncPage
    from redoffice.ui.visits.visits_page import VisitsPage
    from redoffice.ui.wishes.wishes_page import WishesPage
    from redoffice.ui.workbench.dashboard import Dashboard


PAGE_MODULES = (
    "visits.visits_page",
    "cases.cases_page",
    "meetings.meetings_page",
    "wishes.wishes_page",
    "fund.fund_page",
    "registry.residents_page",
    "registry.households_page",
    "registry.reference_page",
    "sync.sync_page",
    "settings.settings_page",
)


# the permission a page's writing buttons need (ui/kit/role_gate.py); the other pages'
# writes are checked by their services alone
PAGE_PERMISSIONS = {
    "visits": "edit_registry",
    "cases": "edit_registry",
    "meetings": "edit_meetings",
    "wishes": "edit_wishes",
    "residents": "edit_registry",
    "households": "edit_registry",
    "reference": "edit_base_data",
    "orders": "street_decide",
}  # the 红色基金's buttons each name their step's permission (Writes.needs)


def _lazy(module: str, name: str) -> Callable[[AppContext], QWidget]:
    """A page class imported when the page is first built (its reports, PDF viewer and Excel
    libraries are not needed to show the window)."""

    def build(ctx: AppContext) -> QWidget:
        page: QWidget = getattr(importlib.import_module(f"redoffice.ui.{module}"), name)(ctx)
        return page

    return build


def _read_only(build: Callable[[AppContext], QWidget]) -> Callable[[AppContext], QWidget]:
    """A community's page as the street office sees it: no button that would change the
    community's records."""

    def build_read_only(ctx: AppContext) -> QWidget:
        from redoffice.ui.street.read_only import make_read_only

        page = build(ctx)
        make_read_only(page, ctx)
        return page

    return build_read_only


def warm_up() -> None:
    """Run on the worker once the window shows: import the pages' modules ahead of the first
    click, so opening a page does not stall on imports."""
    for module in PAGE_MODULES:
        importlib.import_module(f"redoffice.ui.{module}")


class MainWindow(QMainWindow):
    """``MainWindow(ctx)`` builds the whole window. The app first shows the frame alone
    (``MainWindow()``: navigation, menus, empty pages), then imports the rest, opens the database
    and calls :meth:`attach`: the window appears as soon as Qt itself is up."""

    ctx: AppContext
    dashboard: Dashboard

    def __init__(self, ctx: AppContext | None = None) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("RedOffice Community Workbench"))
        self.nav = QListWidget()
        self.nav.setFixedWidth(150)
        self.nav.setIconSize(QSize(0, 0))
        self.nav.setStyleSheet(
            "QListWidget { background: #9e1f1f; color: white; font-size: 15px; border: none; }"
            "QListWidget::item { padding: 12px 16px; }"
            "QListWidget::item:selected { background: #c0392b; color: white; }"
        )
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self._add_pages(self._community_pages())
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        self.work_area = QVBoxLayout()  # the street's community filter goes above the pages
        self.work_area.addWidget(self.stack, 1)
        layout.addLayout(self.work_area, 1)
        self.setCentralWidget(central)
        self._menus()
        self.identity_label = QLabel()
        self.statusBar().addPermanentWidget(self.identity_label)
        self.resize(1200, 760)
        ui_state.restore_geometry(self, "main_window")  # where it was closed last time
        if ctx is not None:
            self.attach(ctx)

    def _community_pages(self) -> list[tuple[str, str, Callable[[AppContext], QWidget]]]:
        return [
            ("dashboard", self.tr("Workbench"), _lazy("workbench.dashboard", "Dashboard")),
            ("visits", self.tr("Visits"), _lazy("visits.visits_page", "VisitsPage")),
            ("cases", self.tr("Requests"), _lazy("cases.cases_page", "CasesPage")),
            (
                "meetings",
                self.tr("Joint meetings"),
                _lazy("meetings.meetings_page", "MeetingsPage"),
            ),
            ("wishes", self.tr("Micro-wishes"), _lazy("wishes.wishes_page", "WishesPage")),
            ("fund", self.tr("Red fund"), _lazy("fund.fund_page", "FundPage")),
            ("residents", self.tr("Residents"), _lazy("registry.residents_page", "ResidentsPage")),
            (
                "households",
                self.tr("Households"),
                _lazy("registry.households_page", "HouseholdsPage"),
            ),
            (
                "reference",
                self.tr("Grids & units"),
                _lazy("registry.reference_page", "ReferencePage"),
            ),
            (
                "street_notices",
                self.tr("Street notices"),
                _lazy("street.orders_inbox", "NoticesInbox"),
            ),
            ("sync", self.tr("Data sync"), _lazy("sync.sync_page", "SyncPage")),
            ("settings", self.tr("Settings"), _lazy("settings.settings_page", "SettingsPage")),
        ]

    def _street_pages(self) -> list[tuple[str, str, Callable[[AppContext], QWidget]]]:
        """社区 first, then the communities' pages read-only (no 工作台 or 网格与单位: the street
        plans no visits and keeps no places of its own), 统计, 审批与通知 (the street's own
        decisions, replies and notices) and 数据同步."""
        community = {key: (title, build) for key, title, build in self._community_pages()}
        shown = ("residents", "households", "visits", "cases", "meetings", "wishes", "fund")
        return [
            (
                "communities",
                self.tr("Communities"),
                _lazy("street.communities_page", "CommunitiesPage"),
            ),
            *((key, community[key][0], _read_only(community[key][1])) for key in shown),
            ("stats", self.tr("Statistics"), _lazy("street.stats_page", "StatsPage")),
            ("orders", self.tr("Decisions & notices"), _lazy("street.orders_page", "OrdersPage")),
            ("sync", community["sync"][0], community["sync"][1]),
            ("settings", community["settings"][0], community["settings"][1]),
        ]

    def _add_pages(self, entries: list[tuple[str, str, Callable[[AppContext], QWidget]]]) -> None:
        """Navigation entries with empty pages in the stack, each built on first use (the
        工作台 once attached): the window appears sooner. Entries there before are replaced
        (the frame shows the community's; a street office's database brings its own)."""
        for placeholder in self.pages.values():
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        self.nav.clear()
        self.pages = {}
        self._factories: dict[str, Callable[[AppContext], QWidget]] = {}
        for key, title, factory in entries:
            self._factories[key] = factory
            self.pages[key] = QWidget()
            self.nav.addItem(title)
            self.stack.addWidget(self.pages[key])
        self.nav.setCurrentRow(0)

    def attach(self, ctx: AppContext) -> None:
        """The window's work: the 工作台 (a street office: 社区) and the pages built on first
        use, with ``ctx``."""
        from redoffice.sync import node

        self.ctx = ctx
        # the first page painted in the next turn of the event loop, not in this one: building
        # it and its first paint held the GUI thread 53–75 ms in one piece (issue 11 §5)
        self.setUpdatesEnabled(False)
        QTimer.singleShot(0, self, lambda: self.setUpdatesEnabled(True))
        self.street = node.role(ctx.db) == node.STREET  # one setting, read before the first page
        if self.street:
            self._attach_street()
        else:
            self._attach_community()
        self._connect_pages()
        self.nav.currentRowChanged.connect(self._show_row)
        self._show_row(self.nav.currentRow())
        refresh_on(ctx, self, {"setting"}, self.show_identity)
        ctx.replaced.connect(self.rebuild_pages)  # the file encrypted or restored in place
        self.show_identity()
        self.switch_user_action.setVisible(ctx.db.user is not None)

    def _attach_community(self) -> None:
        from redoffice.ui.visits.plan_upkeep import PlanUpkeep

        self.plan_upkeep = PlanUpkeep(self.ctx, self)  # before the 工作台 reads the plan

    def _connect_pages(self) -> None:
        """The first page built, and the links from it to the others."""
        if self.street:
            communities = cast("CommunitiesPage", self.page("communities"))
            communities.open_history.connect(self.open_sync_history)
            return
        self.dashboard = cast("Dashboard", self.page("dashboard"))
        self.dashboard.open_household_visit.connect(self.record_visit)
        self.dashboard.open_case.connect(self.open_case)
        self.dashboard.open_resolution.connect(self.open_resolution)
        self.dashboard.open_wish.connect(self.open_wish)
        self.dashboard.open_fund.connect(self.open_fund)

    def rebuild_pages(self) -> None:
        """After 切换用户: every page built again, on first use as at start, for the person now
        logged in — what their role shows and enables, a 网格员's lists — and nothing of the
        previous person's kept on screen; the same entry stays chosen."""
        row = self.nav.currentRow()
        self.nav.blockSignals(True)
        self._add_pages(self._street_pages() if self.street else self._community_pages())
        self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)
        self._connect_pages()
        self._show_row(row)

    def _attach_street(self) -> None:
        """The street office's navigation and, above every page, the community filter."""
        from redoffice.ui.street.community_filter import CommunityFilter
        from redoffice.ui.visits.plan_upkeep import PlanUpkeep

        self.setWindowTitle(self.tr("RedOffice Street Office"))
        self._add_pages(self._street_pages())
        self.community_filter = CommunityFilter(self.ctx, self)
        self.work_area.insertWidget(0, self.community_filter)
        # the 走访计划's due dates move daily at the street too; after the 社区 page's read, on
        # the serial worker: every community's plan (120,000 households) takes seconds
        self.plan_upkeep = PlanUpkeep(self.ctx, self)

    def open_sync_history(self, node_id: str) -> None:
        """数据同步 › 记录, showing ``node_id``'s packages."""
        self.show_page("sync")
        cast("SyncPage", self.page("sync")).show_partner(node_id)

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.backup_action = QAction(self.tr("&Back up to…"), self)
        on_trigger(self.backup_action, self._back_up)
        self.restore_action = QAction(self.tr("&Restore from backup…"), self)
        on_trigger(self.restore_action, self._restore)
        for action in (self.backup_action, self.restore_action):
            action.setEnabled(False)  # until a database is attached
        self.switch_user_action = QAction(self.tr("Log out / &switch user…"), self)
        on_trigger(self.switch_user_action, self._switch_user)
        self.switch_user_action.setVisible(False)  # until someone has logged in
        quit_action = QAction(self.tr("E&xit"), self)
        on_trigger(quit_action, self.close)
        file_menu.addActions([self.backup_action, self.restore_action])
        file_menu.addSeparator()
        file_menu.addActions([self.switch_user_action, quit_action])
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_action = QAction(self.tr("&Help contents"), self)
        self.help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        on_trigger(self.help_action, self.show_help)
        about = QAction(self.tr("&About RedOffice"), self)
        on_trigger(about, self.about)
        help_menu.addActions([self.help_action, about])
        self.help_window: HelpDialog | None = None

    def _back_up(self) -> None:
        from redoffice.ui import backup_actions

        backup_actions.back_up(self.ctx, self)

    def _restore(self) -> None:
        from redoffice.ui import backup_actions

        backup_actions.restore(self.ctx, self)

    def show_help(self) -> None:
        """F1: the help beside the work (one window, brought to the front again)."""
        from redoffice.ui.kit.help_window import show_help

        self.help_window = show_help()

    def page(self, key: str) -> QWidget:
        """The page, built on first use in place of its placeholder."""
        factory = self._factories.pop(key, None)
        if factory is not None:
            from redoffice.accounts.permissions import Permission
            from redoffice.ui.kit.role_gate import gate

            placeholder = self.pages[key]
            self.pages[key] = factory(self.ctx)
            needs = PAGE_PERMISSIONS.get(key)
            gate(self.pages[key], self.ctx, None if needs is None else Permission(needs))
            index = self.stack.indexOf(placeholder)
            self.stack.insertWidget(index, self.pages[key])
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        return self.pages[key]

    def _show_row(self, row: int) -> None:
        self.stack.setCurrentWidget(self.page(list(self.pages)[row]))

    @property
    def visits(self) -> VisitsPage:
        return cast("VisitsPage", self.page("visits"))

    @property
    def cases(self) -> CasesPage:
        return cast("CasesPage", self.page("cases"))

    @property
    def meetings(self) -> MeetingsPage:
        return cast("MeetingsPage", self.page("meetings"))

    def record_visit(self, household: str, address: str) -> None:
        """From the 工作台's due households: 新增走访 for it — or, for a role that records no
        visits, the 走访 page (its buttons disabled, saying who may)."""
        from redoffice.accounts.permissions import Permission, permits

        if permits(self.ctx.db, Permission(PAGE_PERMISSIONS["visits"])):
            self.visits.new_visit((household, address))
        else:
            self.show_page("visits")

    def open_case(self, case_id: str) -> None:
        self.show_page("cases")
        self.cases.open_case(case_id)

    def open_resolution(self, resolution_id: str) -> None:
        self.show_page("meetings")
        self.meetings.show_resolution(resolution_id)

    def open_wish(self, wish_id: str) -> None:
        self.show_page("wishes")
        cast("WishesPage", self.page("wishes")).select_wish(wish_id)

    def open_fund(self, which: str) -> None:
        """From the 工作台: the 基金 page's applications filtered (``mine``, ``due``), or its
        notices (``notices``)."""
        self.show_page("fund")
        page = cast("FundPage", self.page("fund"))
        if which == "notices":
            page.show_notices("ending")  # 本周公示期满: the notices the card counts
        else:
            page.show_applications(which)

    def open_files(self, files: list[Path]) -> None:
        """Sync packages or acknowledgements the program was started with (a double-click in
        the file manager): the 数据同步 page imports them."""
        self.show_page("sync")
        cast("SyncPage", self.page("sync")).open_files(files)

    def _switch_user(self) -> None:
        from redoffice.ui.accounts.login_dialog import switch_user

        switch_user(self.ctx, self, self.rebuild_pages)

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(list(self.pages).index(key))

    def show_identity(self) -> None:
        from redoffice.settings import community
        from redoffice.ui import backup_actions

        db = self.ctx.db

        def show(values: tuple[Identity, str]) -> None:
            identity, operator = values
            if db.user is not None:  # logged in: that person, not the stored 经办人
                operator = db.user.name
            db.actor = operator
            backup_actions.enable(self.backup_action, self.restore_action, db)  # by the role
            self.identity_label.setText(
                self.tr("%1 · %2 · operator: %3")
                .replace("%1", identity.street_name)
                .replace("%2", self.tr("Street office") if self.street else identity.community_name)
                .replace("%3", operator)
            )

        self.ctx.query(partial(community.identity_and_operator, db), show)

    def about(self) -> None:
        from redoffice.ui.kit.help_window import about_text

        QMessageBox.about(self, self.tr("About RedOffice"), about_text(self.ctx.db))

    def closeEvent(self, event: QCloseEvent) -> None:
        from redoffice.ui.kit.help_window import close_help

        close_help()
        ui_state.save_geometry(self, "main_window")
        if hasattr(self, "ctx"):
            self.ctx.tasks.shutdown()
        super().closeEvent(event)
