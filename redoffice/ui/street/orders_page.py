"""The street's decisions back to its communities (issue 15), street side: 待审批 (applications
awaiting the 上级审批: 批准… / 驳回… with an opinion), 转街道 (escalated cases: 答复… with the
承办部门) and 通知/任务 (新建…, and who has completed each). What is decided travels in the next
receipt to the community (数据同步 › 导入数据包, or ``street receipt``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, Final

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from redoffice.kit import clock
from redoffice.street import decisions, notices
from redoffice.street.decisions import Awaiting
from redoffice.street.notices import Progress
from redoffice.ui.kit.check_list import checkable_list, checked_data
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.save_dialog import SaveDialog
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.widgets import code_combo, combo_value

SHOWS: Final = frozenset(
    {"fund_application", "case_record", "street_decision", "street_reply", "street_notice"}
)
NOTICES_SHOW: Final = frozenset({"street_notice", "notice_completion", "sync_partner"})


def text_box(height: int = 90) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMaximumHeight(height)
    return box


class ListTab(QWidget):
    """A list read on the worker with buttons acting on its selected row."""

    def __init__(
        self, ctx: AppContext, headers: list[str], shows: frozenset[str], name: str
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.table = SimpleTable(headers, stretch=len(headers) - 1)
        self.table.setObjectName(name)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.buttons)
        layout.addWidget(self.table, 1)
        refresh_on(ctx, self, shows, self.reload).request()

    def add_button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        on_click(button, slot)
        self.buttons.addWidget(button)
        return button

    def reload(self) -> None:
        self.ctx.query(self.read, self.show_rows, partial(report, self))

    def read(self) -> Any:
        raise NotImplementedError

    def show_rows(self, rows: Any) -> None:
        raise NotImplementedError

    def open_dialog(self, dialog: SaveDialog) -> None:
        dialog.saved.connect(lambda _result: self.reload())
        dialog.open()


class AwaitingTab(ListTab):
    """A list of community records awaiting the street (community, number, …)."""

    def show_rows(self, rows: list[Awaiting]) -> None:
        self.table.set_rows(
            [[r.community, r.number, r.who, r.since.isoformat(), r.what] for r in rows],
            [r.id for r in rows],
        )

    def chosen(self) -> tuple[str, str] | None:
        """The selected record's id and its community and number, for a dialog's title."""
        key = self.table.current_key()
        if key is None:
            return None
        row = self.table.currentRow()
        return key, f"{self.table.text(row, 0)} {self.table.text(row, 1)}"


class ApprovalsTab(AwaitingTab):
    """待审批: applications awaiting the street's 上级审批."""

    def __init__(self, ctx: AppContext) -> None:
        headers = [self.tr("Community"), self.tr("No."), self.tr("Applicant")]
        headers += [self.tr("Since"), self.tr("Amount and use")]
        super().__init__(ctx, headers, SHOWS, "awaiting")
        self.add_button(self.tr("Approve…"), "approve", partial(self.decide, decisions.APPROVE))
        self.add_button(self.tr("Reject…"), "reject", partial(self.decide, decisions.REJECT))
        self.buttons.addStretch(1)

    def read(self) -> list[Awaiting]:
        return decisions.awaiting(self.ctx.db)

    def decide(self, outcome: str) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.open_dialog(DecisionDialog(self.ctx, *chosen, outcome, self))


class DecisionDialog(SaveDialog):
    """批准 or 驳回 with the 意见 (required for 驳回)."""

    def __init__(
        self, ctx: AppContext, application: str, label: str, outcome: str, parent: QWidget
    ) -> None:
        title = self.tr("Approve %1") if outcome == decisions.APPROVE else self.tr("Reject %1")
        super().__init__(ctx, title.replace("%1", label), parent)
        self.application, self.outcome = application, outcome
        self.opinion = text_box()
        self.form.add_row("street_opinion", self.tr("Opinion"), self.opinion)
        self.resize(520, 260)

    def action(self) -> Callable[[], Any]:
        db, opinion = self.ctx.db, self.opinion.toPlainText()
        return partial(decisions.decide, db, self.application, self.outcome, opinion)


class RepliesTab(AwaitingTab):
    """转街道: escalated cases awaiting the street's 答复."""

    def __init__(self, ctx: AppContext) -> None:
        headers = [self.tr("Community"), self.tr("No."), self.tr("Category")]
        headers += [self.tr("Accepted"), self.tr("Reason for escalating")]
        super().__init__(ctx, headers, SHOWS, "escalated")
        self.add_button(self.tr("Reply…"), "reply", self.reply)
        self.buttons.addStretch(1)

    def read(self) -> list[Awaiting]:
        return decisions.escalated(self.ctx.db)

    def reply(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.open_dialog(ReplyDialog(self.ctx, *chosen, self))


class ReplyDialog(SaveDialog):
    """答复 with the 承办部门."""

    def __init__(self, ctx: AppContext, case: str, label: str, parent: QWidget) -> None:
        super().__init__(ctx, self.tr("Reply to %1").replace("%1", label), parent)
        self.case = case
        self.department = QLineEdit()
        self.department.setMaxLength(64)
        self.text = text_box(120)
        self.form.add_row("street_department", self.tr("Handling department"), self.department)
        self.form.add_row("street_reply", self.tr("Reply"), self.text)
        self.resize(560, 320)

    def action(self) -> Callable[[], Any]:
        db, dept, text = self.ctx.db, self.department.text(), self.text.toPlainText()
        return partial(decisions.reply, db, self.case, dept, text)


class StreetNoticesTab(ListTab):
    """通知/任务: each notice, who has completed it and who not yet; 新建…"""

    def __init__(self, ctx: AppContext) -> None:
        headers = [self.tr("Kind"), self.tr("Title"), self.tr("Due")]
        headers += [self.tr("Not yet completed"), self.tr("Completed")]
        super().__init__(ctx, headers, NOTICES_SHOW, "street-notices")
        self.add_button(self.tr("New notice…"), "new-notice", self.new_notice)
        self.buttons.addStretch(1)
        self.communities: list[tuple[str, str]] = []

    def read(self) -> tuple[list[Progress], list[tuple[str, str]]]:
        return notices.progress(self.ctx.db), notices.communities(self.ctx.db)

    def show_rows(self, found: tuple[list[Progress], list[tuple[str, str]]]) -> None:
        rows, self.communities = found
        self.table.set_rows(
            [
                [
                    notices.KINDS[p.kind],
                    p.title,
                    p.due_on.isoformat(),
                    "、".join(p.waiting),
                    "、".join(p.done),
                ]
                for p in rows
            ],
            [p.id for p in rows],
        )

    def new_notice(self) -> None:
        self.open_dialog(StreetNoticeDialog(self.ctx, self.communities, self))


class StreetNoticeDialog(SaveDialog):
    """新建通知/任务: to all communities, or to those ticked."""

    def __init__(
        self, ctx: AppContext, communities: list[tuple[str, str]], parent: QWidget
    ) -> None:
        super().__init__(ctx, self.tr("New notice or task"), parent)
        self.kind: QComboBox = code_combo(notices.KINDS)
        self.title = QLineEdit()
        self.title.setMaxLength(128)
        self.due = DateField(required=True, opens_at=clock.today())
        self.to_all = QCheckBox(self.tr("All communities"))
        self.to_all.setChecked(True)
        self.chosen = checkable_list([(name, node) for node, name in communities], set())
        self.chosen.setMaximumHeight(120)
        self.chosen.setEnabled(False)
        self.to_all.toggled.connect(lambda on: self.chosen.setEnabled(not on))
        self.body_text = text_box(120)
        self.form.add_row("street_notice_kind", self.tr("Kind"), self.kind)
        self.form.add_row("street_notice_title", self.tr("Title"), self.title)
        self.form.add_row("street_notice_due", self.tr("Due"), self.due)
        self.form.add_row("street_notice_to", self.tr("To"), self.to_all)
        self.form.add_row("street_notice_communities", "", self.chosen)
        self.form.add_row("street_notice_body", self.tr("Text"), self.body_text)
        self.resize(600, 520)

    def action(self) -> Callable[[], Any]:
        to = None if self.to_all.isChecked() else [str(n) for n in checked_data(self.chosen)]
        return partial(
            notices.issue,
            self.ctx.db,
            to,
            self.title.text(),
            self.due.value(),
            body=self.body_text.toPlainText(),
            kind=combo_value(self.kind) or "",
        )


class OrdersPage(QTabWidget):
    """The street's 审批与通知 page: the three tabs."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.approvals = ApprovalsTab(ctx)
        self.replies = RepliesTab(ctx)
        self.notices = StreetNoticesTab(ctx)
        self.addTab(self.approvals, self.tr("Awaiting approval"))
        self.addTab(self.replies, self.tr("Escalated cases"))
        self.addTab(self.notices, self.tr("Notices and tasks"))
