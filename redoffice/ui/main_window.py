"""The main window: navigation on the left, one page per area of work."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from redoffice import __version__
from redoffice.services import community
from redoffice.ui.cases_page import CasesPage
from redoffice.ui.context import AppContext
from redoffice.ui.dashboard import Dashboard
from redoffice.ui.households_page import HouseholdsPage
from redoffice.ui.meetings_page import MeetingsPage
from redoffice.ui.reference_page import ReferencePage
from redoffice.ui.residents_page import ResidentsPage
from redoffice.ui.settings_page import SettingsPage
from redoffice.ui.visits_page import VisitsPage


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
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
        self.dashboard, self.visits, self.cases = Dashboard(ctx), VisitsPage(ctx), CasesPage(ctx)
        self.meetings = MeetingsPage(ctx)
        for key, title, page in (
            ("dashboard", self.tr("Workbench"), self.dashboard),
            ("visits", self.tr("Visits"), self.visits),
            ("cases", self.tr("Requests"), self.cases),
            ("meetings", self.tr("Joint meetings"), self.meetings),
            ("residents", self.tr("Residents"), ResidentsPage(ctx)),
            ("households", self.tr("Households"), HouseholdsPage(ctx)),
            ("reference", self.tr("Grids & units"), ReferencePage(ctx)),
            ("settings", self.tr("Settings"), SettingsPage(ctx)),
        ):
            self.pages[key] = page
            self.nav.addItem(title)
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.dashboard.open_household_visit.connect(
            lambda household, address: self.visits.new_visit((household, address))
        )
        self.dashboard.open_case.connect(self.open_case)
        self.dashboard.open_resolution.connect(self.open_resolution)
        self.nav.setCurrentRow(0)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._menus()
        self.identity_label = QLabel()
        self.statusBar().addPermanentWidget(self.identity_label)
        ctx.changed.connect(lambda table: self.show_identity() if table == "setting" else None)
        self.show_identity()
        self.resize(1200, 760)

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("E&xit"), self)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About RedOffice"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def open_case(self, case_id: str) -> None:
        self.show_page("cases")
        self.cases.open_case(case_id)

    def open_resolution(self, resolution_id: str) -> None:
        self.show_page("meetings")
        self.meetings.show_resolution(resolution_id)

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(list(self.pages).index(key))

    def show_identity(self) -> None:
        db = self.ctx.db

        def load() -> tuple[community.Identity, str]:
            return community.identity(db), community.operator(db)

        def show(values: tuple[community.Identity, str]) -> None:
            identity, operator = values
            db.actor = operator
            self.identity_label.setText(
                self.tr("%1 · %2 · operator: %3")
                .replace("%1", identity.street_name)
                .replace("%2", identity.community_name)
                .replace("%3", operator)
            )

        self.ctx.query(partial(load), show)

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About RedOffice"),
            self.tr("RedOffice Community Workbench %1").replace("%1", __version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.tasks.shutdown()
        super().closeEvent(event)
