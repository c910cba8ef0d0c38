"""Labelled bars drawn with QPainter (QtCharts is not bundled): the 工作台's charts and the
street office's 统计."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

RED = QColor("#c0392b")
LIGHT_RED = QColor("#e8a49c")


def _count(value: float) -> str:
    """A value's label by default: the whole number."""
    return str(round(value))


class BarChart(QWidget):
    """Labelled bars drawn with QPainter (no chart dependency): horizontal, or vertical
    columns for a time series whose last column may be a period still running (drawn
    lighter, marked 本月至今)."""

    def __init__(self, vertical: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vertical = vertical
        self.items: list[tuple[str, float]] = []
        self.partial_last = False
        self.full: float | None = None  # the value of a full-length bar (None: the largest)
        self.shown: Callable[[float], str] = _count  # a value's label
        self.setMinimumSize(260, 170)

    def set_items(
        self,
        items: Sequence[tuple[str, float]],
        partial_last: bool = False,
        full: float | None = None,
        shown: Callable[[float], str] | None = None,
    ) -> None:
        """``full``: the value drawn as a full-length bar (100 for percentages), else the
        largest value; ``shown``: a value's label as the table beside the chart writes it
        (``12.5%``), else the whole number."""
        self.items = list(items)
        self.full = full
        self.shown = shown or _count
        self.partial_last = partial_last and bool(items)
        if partial_last and items:
            label, count = items[-1]
            self.setToolTip(
                self.tr("%1: %2 so far this month (up to today)")
                .replace("%1", label)
                .replace("%2", self.shown(count))
            )
        if not self.vertical:
            self.setMinimumHeight(max(120, 22 * len(items) + 10))
        self.update()  # drawn with the next paint, not inside the answer's event

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = self.full or max((count for _, count in self.items), default=0) or 1
        if self.vertical:
            self._columns(painter, top)
        else:
            self._bars(painter, top)
        painter.end()

    def _bars(self, painter: QPainter, top: float) -> None:
        metrics = painter.fontMetrics()
        values = [self.shown(count) for _, count in self.items]
        value_w = max((metrics.horizontalAdvance(v) for v in values), default=0) + 12
        longest = max((metrics.horizontalAdvance(label) for label, _ in self.items), default=0)
        label_w = min(longest + 12, self.width() * 2 // 5)
        width = max(self.width() - label_w - value_w - 10, 10)
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for n, (label, count) in enumerate(self.items):
            y = 4 + n * 22
            painter.setPen(Qt.GlobalColor.black)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideMiddle, label_w - 8)
            painter.drawText(QRectF(0, y, label_w - 8, 18), right, shown)
            painter.fillRect(QRectF(label_w, y + 3, width * count / top, 12), RED)
            painter.drawText(
                QRectF(label_w + width * count / top + 6, y, value_w, 18),
                int(Qt.AlignmentFlag.AlignVCenter),
                values[n],
            )

    def column_layout(self) -> ColumnLayout:
        """Where the columns' labels and values go, in fonts small enough that none of them
        touches its neighbour: month labels lose their 月 (the chart says 月) and, on a very
        narrow chart, only every other month is named."""
        step = self.width() / max(len(self.items), 1)
        labels = [label for label, _ in self.items]
        label_font = self.font()
        fits = _fits(QFontMetrics(label_font), step)
        if not fits(labels):
            labels = [label.removesuffix("月") for label in labels]
        if not fits(labels):
            last = len(labels) - 1
            labels = [label if (last - n) % 2 == 0 else "" for n, label in enumerate(labels)]
        value_font = QFont(self.font())
        values = [self.shown(count) for _, count in self.items]
        while value_font.pointSizeF() > 6 and not _fits(QFontMetrics(value_font), step)(values):
            value_font.setPointSizeF(value_font.pointSizeF() - 0.5)
        return ColumnLayout(step, labels, label_font, values, value_font)

    def _columns(self, painter: QPainter, top: float) -> None:
        if not self.items:
            return
        layout = self.column_layout()
        step = layout.step
        head = 18 + (18 if self.partial_last else 0)
        height = max(self.height() - head - 22, 10)
        center = int(Qt.AlignmentFlag.AlignCenter)
        last = len(self.items) - 1
        for n, (_label, count) in enumerate(self.items):
            x = n * step
            bar = height * count / top
            colour = LIGHT_RED if self.partial_last and n == last else RED
            painter.fillRect(QRectF(x + step * 0.2, head + height - bar, step * 0.6, bar), colour)
            painter.setPen(Qt.GlobalColor.black)
            painter.setFont(layout.value_font)
            painter.drawText(
                QRectF(x, head + height - bar - 16, step, 16), center, layout.values[n]
            )
            painter.setFont(layout.label_font)
            painter.drawText(QRectF(x, self.height() - 20, step, 18), center, layout.labels[n])
        if self.partial_last:
            self._partial_legend(painter)

    def _partial_legend(self, painter: QPainter) -> None:
        """浅色 = 本月至今: the running month is not comparable with the full ones."""
        text = self.tr("light: this month so far")
        width = painter.fontMetrics().horizontalAdvance(text)
        x = self.width() - width - 4
        painter.fillRect(QRectF(x - 16, 4, 11, 11), LIGHT_RED)
        painter.drawText(QRectF(x, 0, width + 4, 18), int(Qt.AlignmentFlag.AlignVCenter), text)


@dataclass(frozen=True)
class ColumnLayout:
    step: float
    labels: list[str]
    label_font: QFont
    values: list[str]
    value_font: QFont


def _fits(metrics: QFontMetrics, step: float) -> Callable[[list[str]], bool]:
    """Whether every text fits in a column ``step`` wide with a little room either side."""
    return lambda texts: all(metrics.horizontalAdvance(t) + 4 <= step for t in texts)
