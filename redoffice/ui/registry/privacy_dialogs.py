"""Personal information on screen (issue 16): an ID number or phone shown masked with 显示 (an
allowed, audited reveal of that one record's value), 个人信息查询… (the person's workbook and
PDF), and 到期清除… (residents past the retention period, erased once chosen and confirmed)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redoffice.accounts.permissions import Permission, permits
from redoffice.kit import clock
from redoffice.kit.files import write_file
from redoffice.kit.validation import mask_id_number, mask_phone
from redoffice.registry import access, retention, subject_request
from redoffice.ui.kit import ask
from redoffice.ui.kit.check_list import checked_data, fill_checkable
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.export import offer_folder
from redoffice.ui.kit.save_dialog import NOT_AN_EDIT

translate = QCoreApplication.translate
MASKS = {"id_number": mask_id_number, "phone": mask_phone}


class RevealField(QWidget):
    """A resident's ID number or phone, a household's phone: typed freely for a new record; for
    a stored one shown
    masked and read-only, with 显示 for a role allowed to see it (the button is not there for
    others). The full value is read from the database when 显示 is pressed, and the reveal is
    audited; until then :meth:`value` is the stored value, unchanged."""

    def __init__(self, ctx: AppContext, table: str, field: str, edit: QLineEdit) -> None:
        super().__init__()
        self.ctx, self.table, self.field, self.edit = ctx, table, field, edit
        self.record_id: str | None = None
        self._stored = ""
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setToolTip(self.tr("Show the full value (recorded in the audit log)"))
        self.show_button.setProperty(NOT_AN_EDIT, True)  # revealing is not an edit to discard
        on_click(self.show_button, self._reveal)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        row.addWidget(self.show_button)
        self.show_button.hide()

    def load(self, record_id: str, value: str) -> None:
        """A stored record's value, masked (an empty one stays typeable)."""
        if not value:
            return
        self.record_id, self._stored = record_id, value
        self.edit.setText(MASKS[self.field](value))
        self.edit.setReadOnly(True)
        self.show_button.setVisible(access.may_reveal(self.ctx.db, self.field))

    def masked(self) -> bool:
        return self.record_id is not None and self.edit.isReadOnly()

    def value(self) -> str:
        return self._stored if self.masked() else self.edit.text()

    def _reveal(self) -> None:
        if self.record_id is None:
            return
        fetch = partial(access.reveal, self.ctx.db, self.table, self.record_id, self.field)
        self.ctx.write(fetch, self._revealed, partial(report, self), parent=self)

    def _revealed(self, value: object) -> None:
        self.edit.setText(str(value))
        self.edit.setReadOnly(False)
        self.show_button.hide()


def may_answer(ctx: AppContext) -> bool:
    """Whether the logged-in role handles data-subject requests (查询, 删除)."""
    return permits(ctx.db, Permission.ERASE_PERSONAL)


def export_subject(ctx: AppContext, parent: QWidget, resident_id: str, name: str) -> None:
    """个人信息查询: the workbook where the user chooses, the PDF beside it (one audited read)."""
    title = translate("privacy", "Personal information request")
    suggested = translate("privacy", "Personal information of %1").replace("%1", name) + ".xlsx"
    path = ask.save_path(parent, title, suggested, "Excel (*.xlsx)")
    if not path:
        return
    pdf = str(Path(path).with_suffix(".pdf"))

    def write() -> None:
        _name, workbook, document = subject_request.export_answer(
            ctx.db, resident_id, clock.today()
        )
        write_file(path, workbook)
        write_file(pdf, document)

    def done(_result: object) -> None:
        text = translate("privacy", "Written: %1 and %2.")
        offer_folder(
            parent, text.replace("%1", Path(path).name).replace("%2", Path(pdf).name), path
        )

    ctx.write(write, done, partial(report, parent), parent=parent)


class RetentionDialog(QDialog):
    """到期清除: the residents moved out or deceased longer than the retention period, ticked
    to erase; 清除所选… asks once, then erases each (audited, a purge at the street) and
    lists any the law keeps."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Past the retention period"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.people = QListWidget()
        self.erase_button = QPushButton(self.tr("Erase selected…"))
        on_click(self.erase_button, self._erase)
        self.erase_button.setVisible(may_answer(ctx))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.people, 1)
        layout.addWidget(buttons)
        self.resize(640, 480)
        self.reload()

    def reload(self) -> None:
        def read() -> tuple[int, list[retention.Due]]:
            return retention.retention_years(self.ctx.db), retention.due(self.ctx.db)

        self.ctx.query(read, self._show, partial(report, self))

    def _show(self, found: tuple[int, list[retention.Due]]) -> None:
        years, due = found
        note = self.tr(
            "Residents moved out or deceased %1 years or more ago whose personal information "
            "is still kept. Tick those to erase (the record stays, its personal fields are "
            "blanked, and the street erases its copy)."
        )
        self.note.setText(note.replace("%1", str(years)))
        items = [
            (f"{d.name}　{d.status} {d.status_date.isoformat()}　{d.address}", d.id) for d in due
        ]
        fill_checkable(self.people, items, set())
        self.erase_button.setEnabled(bool(items))

    def _erase(self) -> None:
        chosen = list(checked_data(self.people))
        if not chosen:
            ask.inform(self, self.windowTitle(), self.tr("Tick the residents to erase first."))
            return
        question = self.tr(
            "Erase the personal information of %1 residents? This cannot be undone."
        ).replace("%1", str(len(chosen)))
        if not ask.risky(self, self.windowTitle(), question):
            return
        erase = partial(retention.erase_due, self.ctx.db, chosen)
        self.ctx.write(erase, self._erased, partial(report, self), parent=self)

    def _erased(self, outcome: tuple[int, list[retention.Refusal]]) -> None:
        erased, refused = outcome
        lines = [self.tr("Erased: %1.").replace("%1", str(erased))]
        lines += [f"{r.name}：{r.reason}" for r in refused]
        ask.inform(self, self.windowTitle(), "\n".join(lines))
        self.reload()
