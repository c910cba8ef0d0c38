"""The street's decisions back to its communities (issue 15), street side: 待审批 (applications
awaiting the 上级审批: 批准… / 驳回… with an opinion), 转街道 (escalated cases: 答复… with the
承办部门) and 通知/任务 (新建…, and who has completed each). What is decided travels in the next
receipt to the community (数据同步 › 导入数据包, or ``street receipt``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, Final

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.street import decisions, notices
from redoffice.street.decisions import Awaiting
from redoffice.street.notices import Progress
from redoffice.sync import acks, keys
from redoffice.ui.kit import ask, ui_state
from redoffice.ui.kit.check_list import checkable_list, checked_data
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.save_dialog import SaveDialog
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.widgets import code_combo, combo_value, mark_writes
from redoffice.ui.sync.transfer_tab import LAST_FOLDER, fill_targets

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
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.buttons)
        self.body.addWidget(self.table, 1)
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


def facts_text(record: Awaiting) -> str:
    """What to judge ``record`` by, one 「label：value」 a line."""
    return "\n".join(f"{label}：{value}" for label, value in record.details)


class AwaitingTab(ListTab):
    """A list of community records awaiting the street (community, number, …), the chosen
    one's facts in a pane below."""

    def __init__(
        self, ctx: AppContext, headers: list[str], shows: frozenset[str], name: str
    ) -> None:
        super().__init__(ctx, headers, shows, name)
        self.records: dict[str, Awaiting] = {}
        self.detail = QPlainTextEdit()
        self.detail.setObjectName(f"{name}-facts")
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(170)
        self.body.addWidget(self.detail)
        self.table.current_changed.connect(self.show_detail)

    def show_rows(self, rows: list[Awaiting]) -> None:
        self.records = {r.id: r for r in rows}
        shown = [r for r in rows if self.listed(r)]
        self.table.set_rows([self.cells(r) for r in shown], [r.id for r in shown])
        self.show_detail(self.table.current_key())

    def listed(self, record: Awaiting) -> bool:
        return True

    def cells(self, r: Awaiting) -> list[str]:
        return [r.community, r.number, r.who, r.since.isoformat(), r.what]

    def show_detail(self, key: object) -> None:
        found = self.records.get(str(key)) if key is not None else None
        self.detail.setPlainText(facts_text(found) if found is not None else "")

    def chosen(self) -> Awaiting | None:
        key = self.table.current_key()
        return None if key is None else self.records.get(str(key))


class ApprovalsTab(AwaitingTab):
    """待审批: applications awaiting the street's 上级审批."""

    def __init__(self, ctx: AppContext) -> None:
        headers = [self.tr("Community"), self.tr("No."), self.tr("Applicant")]
        headers += [self.tr("Since"), self.tr("Amount and use")]
        super().__init__(ctx, headers, SHOWS, "awaiting")
        mark_writes(  # the street's own records: STREET_DECIDE (ui/kit/role_gate.py)
            self.add_button(
                self.tr("Approve…"), "approve", partial(self.decide, decisions.APPROVE)
            ),
            self.add_button(self.tr("Reject…"), "reject", partial(self.decide, decisions.REJECT)),
        )
        self.buttons.addStretch(1)

    def read(self) -> list[Awaiting]:
        return decisions.awaiting(self.ctx.db)

    def decide(self, outcome: str) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.open_dialog(DecisionDialog(self.ctx, chosen, outcome, self))


class DecisionDialog(SaveDialog):
    """批准 or 驳回 with the 意见 (required for 驳回)."""

    def __init__(
        self, ctx: AppContext, application: Awaiting, outcome: str, parent: QWidget
    ) -> None:
        title = self.tr("Approve %1") if outcome == decisions.APPROVE else self.tr("Reject %1")
        label = f"{application.community} {application.number}"
        super().__init__(ctx, title.replace("%1", label), parent)
        self.application, self.outcome = application.id, outcome
        self.facts = QLabel(f"{self.tr('Applicant')}：{application.who}\n{facts_text(application)}")
        self.facts.setObjectName("street-application-facts")
        self.facts.setWordWrap(True)
        self.opinion = text_box()
        self.form.add_row("street_application", self.tr("Application"), self.facts)
        self.form.add_row("street_opinion", self.tr("Opinion"), self.opinion)
        self.resize(560, 460)

    def action(self) -> Callable[[], Any]:
        db, opinion = self.ctx.db, self.opinion.toPlainText()
        return partial(decisions.decide, db, self.application, self.outcome, opinion)


class RepliesTab(AwaitingTab):
    """转街道: escalated cases awaiting the street's 答复, with the case's status at its
    community and its 诉求内容; those already 办结 there hidden unless 只看未办结 is cleared."""

    def __init__(self, ctx: AppContext) -> None:
        headers = [self.tr("Community"), self.tr("No."), self.tr("Category")]
        headers += [self.tr("Accepted"), self.tr("Status"), self.tr("Reason for escalating")]
        headers += [self.tr("Case")]
        super().__init__(ctx, headers, SHOWS, "escalated")
        mark_writes(self.add_button(self.tr("Reply…"), "reply", self.reply))
        self.open_only = QCheckBox(self.tr("Only cases not yet closed"))
        self.open_only.setObjectName("escalated-open-only")
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(lambda _on: self.show_rows(list(self.records.values())))
        self.buttons.addWidget(self.open_only)
        self.buttons.addStretch(1)

    def listed(self, record: Awaiting) -> bool:
        return not (record.closed and self.open_only.isChecked())

    def cells(self, r: Awaiting) -> list[str]:
        state = (
            self.tr("%1 (closed at the community)").replace("%1", r.state) if r.closed else r.state
        )
        case = dict(r.details).get("诉求内容", "")
        return [r.community, r.number, r.who, r.since.isoformat(), state, r.what, case]

    def read(self) -> list[Awaiting]:
        return decisions.escalated(self.ctx.db)

    def reply(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.open_dialog(
                ReplyDialog(self.ctx, chosen.id, f"{chosen.community} {chosen.number}", self)
            )


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
    """通知/任务: each notice, who has completed it and who not yet; 新建…; below, the
    chosen notice's completions: which community, who, when and its 完成情况."""

    def __init__(self, ctx: AppContext) -> None:
        headers = [self.tr("Kind"), self.tr("Title"), self.tr("Due"), self.tr("Completion")]
        headers += [self.tr("Not yet completed"), self.tr("Completed")]
        super().__init__(ctx, headers, NOTICES_SHOW, "street-notices")
        mark_writes(self.add_button(self.tr("New notice…"), "new-notice", self.new_notice))
        self.buttons.addStretch(1)
        self.communities: list[tuple[str, str]] = []
        self.progress: dict[str, Progress] = {}
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("notice-completions")
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(150)
        self.detail.setPlaceholderText(self.tr("Choose a notice to see how it was completed."))
        self.body.addWidget(self.detail)
        self.table.current_changed.connect(self.show_detail)
        self.table.activated_key.connect(self.show_detail)

    def show_detail(self, key: object) -> None:
        found = self.progress.get(str(key)) if key is not None else None
        if found is None:
            self.detail.clear()
            return
        lines = [c.line for c in found.completions] or [
            self.tr("No community has completed it yet.")
        ]
        if found.waiting:
            lines.append(self.tr("Not yet completed: %1").replace("%1", "、".join(found.waiting)))
        self.detail.setPlainText("\n".join(lines))

    def read(self) -> tuple[list[Progress], list[tuple[str, str]]]:
        return notices.progress(self.ctx.db), notices.communities(self.ctx.db)

    def show_rows(self, found: tuple[list[Progress], list[tuple[str, str]]]) -> None:
        rows, self.communities = found
        self.progress = {p.id: p for p in rows}
        self.table.set_rows(
            [
                [
                    notices.KINDS[p.kind],
                    p.title,
                    p.due_on.isoformat(),
                    f"{len(p.done)}/{len(p.done) + len(p.waiting)}",
                    "、".join(p.waiting),
                    "、".join(p.done),
                ]
                for p in rows
            ],
            [p.id for p in rows],
        )
        self.show_detail(self.table.current_key())

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


def write_receipts(db: Database, to: list[str], folder: str, passphrase: str | None) -> list[Path]:
    """A receipt for each community ``to`` (node ids) into ``folder``, carrying what the street
    decided, answered and sent for it not yet confirmed."""
    if not to:
        raise UserError("street.receipt_to")
    if not folder:
        raise UserError("street.receipt_folder")
    own = keys.load_keys(db, passphrase or None)
    return [acks.write_receipt(db, own, node_id, Path(folder)) for node_id in to]


class ReceiptDialog(SaveDialog):
    """发送回执: to the communities ticked, into the folder used last for sync files or a USB
    stick plugged in (数据同步's memory), with the key file's passphrase when the keys are in
    one."""

    def __init__(
        self, ctx: AppContext, communities: list[tuple[str, str]], in_file: bool, parent: QWidget
    ) -> None:
        super().__init__(ctx, self.tr("Send receipts"), parent)
        self.chosen = checkable_list([(name, node_id) for node_id, name in communities], set())
        self.target = QComboBox()
        self.target.setMinimumWidth(360)
        fill_targets(self.target)
        browse = QPushButton(self.tr("Choose folder…"))
        on_click(browse, self.choose_folder)
        where = QHBoxLayout()
        where.addWidget(self.target, 1)
        where.addWidget(browse)
        holder = QWidget()
        holder.setLayout(where)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add_row("street_receipt_to", self.tr("To"), self.chosen)
        self.form.add_row("street_receipt_folder", self.tr("Folder"), holder)
        if in_file:
            self.form.add_row("street_receipt_passphrase", self.tr("Passphrase"), self.passphrase)
        self.resize(620, 360)

    def choose_folder(self) -> None:
        start = str(self.target.currentData() or "")
        chosen = ask.folder(self, self.tr("Save the receipts to"), start)
        if chosen:
            fill_targets(self.target, chosen)

    def action(self) -> Callable[[], Any]:
        folder = str(self.target.currentData() or "")
        if folder:
            ui_state.save(LAST_FOLDER, folder)
        to = [str(n) for n in checked_data(self.chosen)]
        return partial(write_receipts, self.ctx.db, to, folder, self.passphrase.text())


class OrdersPage(QWidget):
    """The street's 审批与通知 page: the three tabs, and 发送回执… (the decisions, answers and
    notices to the communities now, without waiting for their next package). The tabs sit in
    the page's margins as every other page's do."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        corner = QWidget()
        row = QHBoxLayout(corner)
        row.setContentsMargins(0, 0, 4, 0)
        self.receipt_result = QLabel()
        self.receipt_result.setObjectName("receipt-result")
        row.addWidget(self.receipt_result)
        send = QPushButton(self.tr("Send receipt…"))
        send.setObjectName("send-receipt")
        on_click(send, self.send_receipt)
        row.addWidget(send)
        self.tabs.setCornerWidget(corner)
        self.approvals = ApprovalsTab(ctx)
        self.replies = RepliesTab(ctx)
        self.notices = StreetNoticesTab(ctx)
        self.tabs.addTab(self.approvals, self.tr("Awaiting approval"))
        self.tabs.addTab(self.replies, self.tr("Escalated cases"))
        self.tabs.addTab(self.notices, self.tr("Notices and tasks"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def send_receipt(self) -> None:
        db = self.ctx.db
        self.ctx.query(
            lambda: (notices.communities(db), keys.info(db).store == keys.KEY_FILE),
            self._ask_receipt,
            partial(report, self),
        )

    def _ask_receipt(self, found: tuple[list[tuple[str, str]], bool]) -> None:
        dialog = ReceiptDialog(self.ctx, *found, self)
        dialog.saved.connect(self._sent)
        dialog.open()

    def _sent(self, made: list[Path]) -> None:
        self.receipt_result.setText(
            self.tr("Receipts written: %1").replace("%1", "、".join(p.name for p in made))
        )
