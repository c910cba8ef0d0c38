"""The street office's community filter, above every page: 全部社区 or one community by name.
Choosing one scopes every read to that community's records (``db.community``) and every view
reloads (:meth:`AppContext.set_community`)."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from redoffice.kit.scope import community_names
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.widgets import fill_combo

PARTNERS_SHOWN = frozenset({"sync_partner"})  # a community enrolled or revoked


class CommunityFilter(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.combo = QComboBox()
        self.combo.setObjectName("community-filter")
        self.combo.setMinimumWidth(200)
        self.combo.addItem(self.tr("All communities"), "")
        self.combo.currentIndexChanged.connect(self._chosen)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 0)
        row.addWidget(QLabel(self.tr("Community")))
        row.addWidget(self.combo)
        hint = QLabel(
            self.tr(
                "The communities' records are read-only here: they change at the community "
                "and arrive with its next package."
            )
        )
        hint.setStyleSheet("color: #666;")
        row.addWidget(hint)
        row.addStretch(1)
        refresh_on(ctx, self, PARTNERS_SHOWN, self.reload)
        self.reload()

    def reload(self) -> None:
        self.ctx.query(partial(community_names, self.ctx.db), self._fill, partial(report, self))

    def _fill(self, names: dict[str, str]) -> None:
        chosen = self.combo.currentData()
        fill_combo(
            self.combo, sorted(((n, i) for i, n in names.items())), self.tr("All communities")
        )
        if self.combo.currentData() != chosen:  # the chosen community is no longer listed
            self._chosen()

    def _chosen(self) -> None:
        self.ctx.set_community(str(self.combo.currentData()) or None)

    def community(self) -> str | None:
        return str(self.combo.currentData()) or None
