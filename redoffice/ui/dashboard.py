"""工作台: registry figures at a glance — households, residents per 网格, special groups."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redoffice.services import stats
from redoffice.services.stats import RegistryStats
from redoffice.ui.context import AppContext

RED = QColor("#c0392b")


class Card(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "Card { background: #fff; border: 1px solid #e3c8c4; border-radius: 6px; }"
        )
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 26px; font-weight: bold; color: #c0392b;")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title))
        layout.addWidget(self.value)


class BarChart(QWidget):
    """Horizontal bars, one per special group, drawn with QPainter (no chart dependency)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[tuple[str, int]] = []
        self.setMinimumSize(360, 260)

    def set_items(self, items: list[tuple[str, int]]) -> None:
        self.items = items
        self.setMinimumHeight(max(120, 26 * len(items) + 10))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = max((count for _, count in self.items), default=0) or 1
        label_w, value_w = 90, 60
        width = max(self.width() - label_w - value_w - 10, 10)
        for n, (label, count) in enumerate(self.items):
            y = 6 + n * 26
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(
                QRectF(0, y, label_w - 8, 20),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            painter.fillRect(QRectF(label_w, y + 3, width * count / top, 14), RED)
            painter.drawText(
                QRectF(label_w + width * count / top + 6, y, value_w, 20),
                int(Qt.AlignmentFlag.AlignVCenter),
                str(count),
            )
        painter.end()


class Dashboard(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cards = {
            key: Card(title)
            for key, title in (
                ("households", self.tr("Households")),
                ("residents", self.tr("Residents")),
                ("party_members", self.tr("Party members")),
                ("floating", self.tr("Floating population")),
            )
        }
        cards = QHBoxLayout()
        for card in self.cards.values():
            cards.addWidget(card)
        self.grids = QTableWidget(0, 3)
        self.grids.setHorizontalHeaderLabels(
            [self.tr("Grid"), self.tr("Households"), self.tr("Residents")]
        )
        self.grids.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grids.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.groups = BarChart()
        lower = QGridLayout()
        lower.addWidget(self._title(self.tr("Residents per grid")), 0, 0)
        lower.addWidget(self._title(self.tr("Special groups")), 0, 1)
        lower.addWidget(self.grids, 1, 0)
        lower.addWidget(self.groups, 1, 1, Qt.AlignmentFlag.AlignTop)
        lower.setColumnStretch(0, 1)
        lower.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(cards)
        layout.addLayout(lower, 1)
        ctx.changed.connect(
            lambda table: self.reload() if table in ("resident", "household", "grid") else None
        )
        self.reload()

    @staticmethod
    def _title(text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: bold; font-size: 14px;")
        return label

    def reload(self) -> None:
        self.ctx.query(partial(stats.registry_stats, self.ctx.db), self.show_stats)

    def show_stats(self, result: RegistryStats) -> None:
        for key, card in self.cards.items():
            card.value.setText(f"{getattr(result, key):,}")
        self.grids.setRowCount(len(result.by_grid))
        for n, g in enumerate(result.by_grid):
            for column, text in enumerate(
                (f"{g.code} {g.name}".strip(), str(g.households), str(g.residents))
            ):
                self.grids.setItem(n, column, QTableWidgetItem(text))
        self.groups.set_items([(label, count) for _, label, count in result.by_tag])
