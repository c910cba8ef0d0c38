"""Review 10 (issue 16): 附件 → 添加… is greyed for a role without the permission of the record
the files hang on (accounts/guard.ATTACHED), its tooltip naming the roles that may; 打开 and
关闭 stay. A 出纳 looks at a 民情诉求's scans and cannot add one; the 书记 can."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from redoffice.accounts import service as accounts
from redoffice.models import Case
from redoffice.ui.kit.attachments_dialog import AttachmentsDialog
from redoffice.ui.kit.context import AppContext
from tests.ui.driver import button

PASSWORD = "review10-secret"


def _dialog(qtbot: QtBot, ctx: AppContext) -> AttachmentsDialog:
    with ctx.db.read() as s:
        case = str(s.scalars(select(Case.id).limit(1)).one())
    dialog = AttachmentsDialog(ctx, "case_record", case, "门禁坏了")
    qtbot.addWidget(dialog)
    return dialog


def test_add_is_greyed_for_a_cashier_on_a_request_and_open_for_the_secretary(
    qtbot: QtBot, ctx: AppContext
) -> None:
    accounts.add(ctx.db, "wang", "王书记", "admin", PASSWORD)
    accounts.login(ctx.db, "wang", PASSWORD)
    secretary = _dialog(qtbot, ctx)
    assert button(secretary, "添加").isEnabled()
    accounts.add(ctx.db, "zhou", "周出纳", "cashier", PASSWORD)
    accounts.login(ctx.db, "zhou", PASSWORD)
    cashier = _dialog(qtbot, ctx)
    add = button(cashier, "添加")
    assert not add.isEnabled() and "书记/管理员" in add.toolTip()
    assert button(cashier, "打开").isEnabled() and button(cashier, "关闭").isEnabled()
