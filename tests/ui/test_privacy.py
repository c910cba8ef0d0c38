"""Issue 16 on screen: a stored resident's ID number and phone shown masked, 显示 revealing one
(audited) for a role allowed to and not there for others, a save keeping what was not revealed;
the full-export question asked only of a role allowed to export unmasked; 个人信息查询… writing
the workbook and the PDF; 设置's 到期清除… erasing the ticked residents."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from redoffice.accounts import service as accounts
from redoffice.kit import clock
from redoffice.kit.codes import ERASED_NAME
from redoffice.kit.validation import mask_id_number, mask_phone
from redoffice.models import AuditLog, Household, Resident
from redoffice.registry.households import HouseholdInput, get_household, save_household
from redoffice.registry.residents import get_resident, set_status
from redoffice.ui.kit.context import AppContext
from redoffice.ui.registry.household_dialog import HouseholdDialog
from redoffice.ui.registry.privacy_dialogs import RetentionDialog
from redoffice.ui.registry.resident_dialog import ResidentDialog
from redoffice.ui.registry.residents_page import ResidentsPage
from redoffice.ui.settings.work_settings import WorkSettings
from tests.core.test_accounts import PASSWORD
from tests.ui.driver import button, click, opened, type_into


def _someone(ctx: AppContext) -> Resident:
    with ctx.db.read() as s:
        found = s.scalars(
            select(Resident)
            .where(Resident.phone != "", Resident.id_number.is_not(None))
            .order_by(Resident.id)
            .limit(1)
        ).one()
        s.expunge(found)
        return found


def _dialog(qtbot: QtBot, ctx: AppContext, resident_id: str) -> ResidentDialog:
    dialog = ResidentDialog(ctx, get_resident(ctx.db, resident_id))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _reveals(ctx: AppContext) -> list[str]:
    with ctx.db.read() as s:
        return [
            a.fields or "" for a in s.scalars(select(AuditLog).where(AuditLog.action == "reveal"))
        ]


def test_show_reveals_one_field_audited_and_a_save_keeps_the_other(
    qtbot: QtBot, ctx: AppContext
) -> None:
    person = _someone(ctx)
    dialog = _dialog(qtbot, ctx, person.id)
    assert dialog.id_number.text() == mask_id_number(person.id_number)
    assert dialog.phone.text() == mask_phone(person.phone)
    assert dialog.id_number.isReadOnly() and dialog.phone.isReadOnly()
    qtbot.mouseClick(dialog.id_reveal.show_button, Qt.MouseButton.LeftButton)
    assert ctx.tasks.wait_idle()
    assert dialog.id_number.text() == person.id_number and not dialog.id_number.isReadOnly()
    assert not dialog.id_reveal.show_button.isVisible()
    assert _reveals(ctx) == ['{"field":"id_number"}']
    type_into(qtbot, dialog.notes, "已核对")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, dialog, "保存")
    assert ctx.tasks.wait_idle()
    after = get_resident(ctx.db, person.id).data
    assert (after.phone, after.id_number) == (person.phone, person.id_number)  # not the masks


def test_showing_both_values_is_not_an_edit_so_cancel_closes_without_asking(
    qtbot: QtBot, ctx: AppContext, no_questions: list[str]
) -> None:
    dialog = _dialog(qtbot, ctx, _someone(ctx).id)
    for reveal in (dialog.id_reveal, dialog.phone_reveal):
        qtbot.mouseClick(reveal.show_button, Qt.MouseButton.LeftButton)
        assert ctx.tasks.wait_idle()
    assert not dialog.id_number.isReadOnly() and not dialog.phone.isReadOnly()
    click(qtbot, dialog, "取消")
    assert no_questions == [] and not dialog.isVisible()


@pytest.fixture
def accountant(ctx: AppContext) -> AppContext:
    """An administrator and a 会计; the 会计 logged in (no reveal, no unmasked export)."""
    accounts.add(ctx.db, "admin", "王书记", "admin", PASSWORD)
    accounts.login(ctx.db, "admin", PASSWORD)
    accounts.add(ctx.db, "kuaiji", "吴会计", "accountant", PASSWORD)
    accounts.login(ctx.db, "kuaiji", PASSWORD)
    return ctx


def test_a_role_without_the_permission_has_no_show_and_no_full_export_question(
    qtbot: QtBot,
    accountant: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    no_questions: list[str],
) -> None:
    ctx = accountant
    dialog = _dialog(qtbot, ctx, _someone(ctx).id)
    assert dialog.id_number.isReadOnly() and "*" in dialog.id_number.text()
    assert not dialog.id_reveal.show_button.isVisibleTo(dialog)
    assert not dialog.phone_reveal.show_button.isVisibleTo(dialog)
    assert not hasattr(dialog, "subject_button")  # 个人信息查询: not this role's
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert ctx.tasks.wait_idle()
    saved = tmp_path / "居民.xlsx"
    monkeypatch.setattr("redoffice.ui.kit.ask.save_path", lambda *_a: str(saved))
    monkeypatch.setattr("redoffice.ui.kit.export.QDesktopServices.openUrl", lambda _u: None)
    click(qtbot, page, "导出 Excel")
    assert ctx.tasks.wait_idle()
    assert len(no_questions) == 1 and no_questions[0].startswith("已导出")  # no full-ID question
    sheet = load_workbook(saved).active
    assert sheet is not None and "*" in str(sheet.cell(2, 3).value)


def test_subject_request_writes_the_workbook_and_the_pdf(
    qtbot: QtBot,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    no_questions: list[str],
) -> None:
    person = _someone(ctx)
    dialog = _dialog(qtbot, ctx, person.id)
    saved = tmp_path / "查询.xlsx"
    monkeypatch.setattr("redoffice.ui.kit.ask.save_path", lambda *_a: str(saved))
    monkeypatch.setattr("redoffice.ui.kit.export.QDesktopServices.openUrl", lambda _u: None)
    click(qtbot, dialog, "个人信息查询…")
    assert ctx.tasks.wait_idle()
    assert no_questions == ["已导出：查询.xlsx 和 查询.pdf。\n打开所在文件夹？"]
    sheet = load_workbook(saved).active
    assert sheet is not None
    values = {str(row[3]) for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert {person.name, person.id_number, person.phone} <= values
    assert saved.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


def test_settings_lists_those_past_the_period_and_erases_the_ticked(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, no_questions: list[str]
) -> None:
    person = _someone(ctx)
    set_status(ctx.db, person.id, "moved_out", clock.today() - timedelta(days=3 * 366), "外省")
    told: list[str] = []
    monkeypatch.setattr("redoffice.ui.kit.ask.inform", lambda _p, _t, text: told.append(text))
    settings = WorkSettings(ctx)
    qtbot.addWidget(settings)
    settings.show()
    assert ctx.tasks.wait_idle()
    click(qtbot, settings, "到期清除…")
    dialog = opened(RetentionDialog)
    assert ctx.tasks.wait_idle()
    people = dialog.people
    rows = [people.item(n).text() for n in range(people.count())]
    mine = next(n for n, text in enumerate(rows) if text.startswith(person.name))
    people.setFocus()
    people.setCurrentRow(mine)
    qtbot.keyClick(people, Qt.Key.Key_Space)
    assert people.item(mine).checkState() == Qt.CheckState.Checked
    click(qtbot, dialog, "清除所选…")
    assert ctx.tasks.wait_idle()
    assert no_questions == ["清除这 1 名居民的个人信息？清除后无法恢复。"]
    assert told == ["已清除 1 名。"]
    assert get_resident(ctx.db, person.id).data.name == ERASED_NAME
    assert button(dialog, "清除所选…").isEnabled() is (people.count() > 0)
    assert all(not people.item(n).text().startswith(ERASED_NAME) for n in range(people.count()))


def test_a_households_phone_is_masked_until_shown_and_kept_on_save(
    qtbot: QtBot, ctx: AppContext
) -> None:
    with ctx.db.read() as s:
        home_id = s.scalars(select(Household.id).order_by(Household.id).limit(1)).one()
    d = get_household(ctx.db, home_id)
    phone = "027-88886666"
    fields = ("estate_id", "building", "unit", "room", "address_text", "grid_id", "notes")
    kept = {name: getattr(d, name) for name in fields}
    save_household(
        ctx.db, HouseholdInput(**kept, phone=phone, residence_status=d.residence_status), home_id
    )
    dialog = HouseholdDialog(ctx, get_household(ctx.db, home_id))
    qtbot.addWidget(dialog)
    dialog.show()
    assert ctx.tasks.wait_idle()
    assert dialog.phone.text() == mask_phone(phone) and dialog.phone.isReadOnly()
    type_into(qtbot, dialog.notes, "电话已核实")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, dialog, "保存")
    assert ctx.tasks.wait_idle()
    assert get_household(ctx.db, home_id).phone == phone  # not the mask
    again = HouseholdDialog(ctx, get_household(ctx.db, home_id))
    qtbot.addWidget(again)
    again.show()
    assert ctx.tasks.wait_idle()
    click(qtbot, again, "显示")
    assert ctx.tasks.wait_idle()
    assert again.phone.text() == phone
    with ctx.db.read() as s:
        seen = s.scalars(select(AuditLog).where(AuditLog.action == "reveal")).one()
    assert (seen.table_name, seen.row_id, seen.fields) == (
        "household",
        home_id,
        '{"field":"phone"}',
    )
