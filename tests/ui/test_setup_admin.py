"""The first-run dialog's administrator step (issue 16): a login name and password typed with the
community's identity create the first administrator, named as the operator; a short password
is refused before anything is written; left empty, nobody logs in."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from redoffice.accounts import service as accounts
from redoffice.kit.db import open_database
from redoffice.settings import community
from redoffice.ui.kit.context import AppContext
from redoffice.ui.settings.setup_dialog import SetupDialog
from tests.ui.driver import click, type_into


def test_the_first_administrator_is_created_at_setup(qtbot: QtBot, tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'new.sqlite'}", create=True)
    ctx = AppContext(db)
    dialog = SetupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.identity_form
    type_into(qtbot, form.community_name, "幸福社区")
    type_into(qtbot, form.community_code, "420106001001")
    type_into(qtbot, form.street_name, "中南路街道")
    type_into(qtbot, form.operator, "张秘书")
    type_into(qtbot, dialog.admin_login, "zhang")
    type_into(qtbot, dialog.admin_password, "short")
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        click(qtbot, dialog, "保存")
    assert "密码至少 8 位" in dialog.message.text()
    assert not community.is_initialized(db) and not accounts.has_accounts(db)
    type_into(qtbot, dialog.admin_password, "-secret")
    type_into(qtbot, dialog.admin_again, "short-secrets")
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        click(qtbot, dialog, "保存")
    assert dialog.message.text() == "两次输入的密码不一致，请重新输入"
    assert not community.is_initialized(db) and not accounts.has_accounts(db)
    dialog.admin_again.clear()
    type_into(qtbot, dialog.admin_again, "short-secret")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, dialog, "保存")
    rows = accounts.accounts(db)
    assert [(r.login, r.name, r.role) for r in rows] == [("zhang", "张秘书", "书记/管理员")]
    assert accounts.login(db, "zhang", "short-secret").role == "admin"
    ctx.tasks.shutdown()
    db.close()
