"""设置 for daily work: visit purposes, case categories, deadlines, visit intervals per special
group, the attachment size limit, and the calendar of public holidays and 调休 working days."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from redoffice.kit import clock, codes
from redoffice.settings import calendar, config
from redoffice.ui.kit import ask
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.widgets import FieldForm
from redoffice.ui.registry.privacy_dialogs import RetentionDialog
from redoffice.ui.settings.holiday_paste import HolidayPasteDialog

CALENDAR_KINDS = {"holiday": "法定节假日（休息）", "workday": "调休上班"}


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


NUMBERS = (
    "case.normal_working_days",
    "attachment.max_mb",
    "wish.value_cap_yuan",
    "wish.contact_days",
    "fund.higher_approval_yuan",
    "fund.notice_working_days",
    "fund.yearly_cap_yuan",
    "fund.repeat_months",
    "fund.honour_yuan",
    "privacy.retention_years",
)


class WorkSettings(QWidget):
    """Daily work (visits, requests, meetings, wishes, the fund): every value checked by the
    service before anything is stored."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = FieldForm()
        self.purposes, self.categories = QPlainTextEdit(), QPlainTextEdit()
        self.meeting_types = QPlainTextEdit()
        for edit in (self.purposes, self.categories, self.meeting_types):
            edit.setFixedHeight(90)
            edit.setTabChangesFocus(True)
        self.numbers: dict[str, QSpinBox] = {}
        for key in NUMBERS:
            self.numbers[key] = QSpinBox()
            self.numbers[key].setRange(*config.RANGES[key])
        self.intervals: dict[str, QSpinBox] = {}
        interval_box = QWidget()
        grid = QHBoxLayout(interval_box)
        grid.setContentsMargins(0, 0, 0, 0)
        column = QVBoxLayout()
        for n, (tag, label) in enumerate([*codes.TAGS.items(), ("*", self.tr("Everyone else"))]):
            spin = QSpinBox()
            spin.setRange(0, 730)
            spin.setSpecialValueText(self.tr("no rule"))
            spin.setSuffix(self.tr(" days"))
            self.intervals[tag] = spin
            row = QHBoxLayout()
            row.addWidget(QLabel(label), 1)
            row.addWidget(spin)
            column.addLayout(row)
            if n % 6 == 5:
                grid.addLayout(column)
                column = QVBoxLayout()
        column.addStretch(1)
        grid.addLayout(column)
        f = self.form
        f.add_row("visit.purposes", self.tr("Visit purposes (one per line)"), self.purposes)
        f.add_row("case.categories", self.tr("Request categories (one per line)"), self.categories)
        f.add_row(
            "case.normal_working_days",
            self.tr("Normal requests: working days"),
            self.numbers["case.normal_working_days"],
        )
        f.add_row("visit.intervals", self.tr("Visit every … days"), interval_box)
        f.add_row("meeting.types", self.tr("Meeting types (one per line)"), self.meeting_types)
        for key, label in (
            ("attachment.max_mb", self.tr("Largest attachment (MB)")),
            ("wish.value_cap_yuan", self.tr("Micro-wish value cap (yuan)")),
            ("wish.contact_days", self.tr("Claimer contacts the beneficiary within (days)")),
            ("fund.higher_approval_yuan", self.tr("Fund: higher approval above (yuan)")),
            ("fund.notice_working_days", self.tr("Fund: public notice (working days)")),
            ("fund.yearly_cap_yuan", self.tr("Fund: paid to one person a year at most (yuan)")),
            ("fund.repeat_months", self.tr("Fund: not helped again within (months)")),
            ("fund.honour_yuan", self.tr("Fund: honour certificate from (yuan)")),
        ):
            f.add_row(key, label, self.numbers[key])
        self.supervision_phone = QLineEdit()
        self.supervision_phone.setPlaceholderText(self.tr("Printed on every fund notice"))
        self.supervision_phone.setMaximumWidth(220)
        f.add_row(
            "fund.supervision_phone", self.tr("Fund: supervision phone"), self.supervision_phone
        )
        f.add_row(
            "privacy.retention_years",
            self.tr("Keep personal information after moving out or death (years)"),
            self._retention_row(),
        )
        self.status = QLabel()
        save = QPushButton(self.tr("Save"))
        on_click(save, self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.load()

    def _retention_row(self) -> QWidget:
        """The years, and 到期清除… listing those past them (PIPL, issue 16)."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.numbers["privacy.retention_years"])
        self.retention_button = QPushButton(self.tr("Past the period…"))
        on_click(self.retention_button, lambda: RetentionDialog(self.ctx, self).open())
        row.addWidget(self.retention_button)
        row.addStretch(1)
        return box

    def load(self) -> None:
        self.ctx.query(partial(config.values, self.ctx.db), self.show_values)

    def show_values(self, values: dict[str, Any]) -> None:
        self.purposes.setPlainText("\n".join(values["visit.purposes"]))
        self.categories.setPlainText("\n".join(values["case.categories"]))
        self.meeting_types.setPlainText("\n".join(values["meeting.types"]))
        for key, spin in self.numbers.items():
            spin.setValue(int(values[key]))
        for tag, spin in self.intervals.items():
            spin.setValue(int(values["visit.intervals"].get(tag, 0)))
        self.supervision_phone.setText(str(values.get("fund.supervision_phone") or ""))

    def values(self) -> dict[str, Any]:
        return {
            "visit.purposes": _lines(self.purposes),
            "case.categories": _lines(self.categories),
            "meeting.types": _lines(self.meeting_types),
            **{key: spin.value() for key, spin in self.numbers.items()},
            "visit.intervals": {t: s.value() for t, s in self.intervals.items() if s.value()},
            "fund.supervision_phone": self.supervision_phone.text().strip(),
        }

    def save(self) -> None:
        self.form.clear_errors()
        self.status.clear()
        job = partial(config.update, self.ctx.db, self.values())
        self.ctx.write(
            job,
            lambda _r: self.status.setText(self.tr("Saved.")),
            partial(self.form.show_refusal, parent=self),
        )


class CalendarSettings(QWidget):
    """节假日与调休: the exceptions to Monday–Friday that deadlines are counted on."""

    SHOWS = frozenset({"calendar_day"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(clock.today().year)
        self.year.valueChanged.connect(self.reload)
        self.table = SimpleTable([self.tr("Date"), self.tr("Kind"), self.tr("Name")], stretch=2)
        self.day = DateField(required=True)
        self.day.set_value(clock.today())
        self.kind = QComboBox()
        for code, label in CALENDAR_KINDS.items():
            self.kind.addItem(label, code)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 国庆节"))
        self.name.setMaxLength(32)
        add, remove = QPushButton(self.tr("Add")), QPushButton(self.tr("Remove selected"))
        on_click(add, self.add_day)
        on_click(remove, self.remove_day)
        self.remove = remove
        remove.setEnabled(False)
        self.table.current_changed.connect(lambda key: remove.setEnabled(key is not None))
        self.import_button = QPushButton(self.tr("Import list…"))
        self.import_button.setToolTip(
            self.tr(
                "A text or CSV file, one day or range a line: "
                "2027-01-01,元旦,休 / 2027-02-10~2027-02-16,春节,休 / 2027-02-07,春节调休,班; "
                "or the State Council's notice on the year's holidays, pasted into a text file"
            )
        )
        on_click(self.import_button, self.import_list)
        self.paste_button = QPushButton(self.tr("Paste notice…"))
        on_click(self.paste_button, self.paste_notice)
        self.import_status = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addWidget(self.import_button)
        top.addWidget(self.paste_button)
        top.addWidget(self.import_status, 1)
        entry = QHBoxLayout()
        for widget in (self.day, self.kind, self.name, add, remove):
            entry.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(entry)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Deadlines of normal requests count working days: Monday to Friday, "
                    "without public holidays, plus 调休 working weekends."
                )
            )
        )
        refresh_on(ctx, self, self.SHOWS, self.reload)
        self.reload()

    def reload(self) -> None:
        self.ctx.query(partial(calendar.list_days, self.ctx.db, self.year.value()), self._show)

    def _show(self, days: list[tuple[date, str, str]]) -> None:
        self.table.set_rows(
            [(d.isoformat(), CALENDAR_KINDS[k], name) for d, k, name in days],
            [d for d, _, _ in days],
        )

    def add_day(self) -> None:
        if not self.day.check():
            return
        day = self.day.required_value()
        job = partial(
            calendar.set_day,
            self.ctx.db,
            day,
            str(self.kind.currentData()),
            self.name.text().strip(),
        )
        self.ctx.write(job, lambda _r: self.year.setValue(day.year), parent=self)

    def import_list(self) -> None:
        """The year's 法定节假日 and 调休 from a list, checked whole before anything is stored."""
        path = ask.open_path(
            self,
            self.tr("Import public holidays and 调休 working days"),
            self.tr("Text or CSV (*.txt *.csv);;All files (*)"),
        )
        if path is None:
            return
        db = self.ctx.db

        def job() -> calendar.ImportedDays:
            return calendar.import_days(db, calendar.read_day_list(Path(path)))

        self.import_status.clear()
        self.ctx.write(job, self._imported, parent=self)

    def paste_notice(self) -> HolidayPasteDialog:
        """The notice copied from the web page, pasted and checked in a dialog."""
        dialog = HolidayPasteDialog(self)
        dialog.parsed.connect(self._store_pasted)
        dialog.open()
        return dialog

    def _store_pasted(self, days: list[calendar.ListedDay]) -> None:
        self.import_status.clear()
        job = partial(calendar.import_days, self.ctx.db, days)
        self.ctx.write(job, self._imported, parent=self)

    def _imported(self, result: calendar.ImportedDays) -> None:
        total = result.added + result.changed + result.unchanged
        self.import_status.setText(
            self.tr("Imported %1 days: %2 new, %3 changed, %4 already so.")
            .replace("%1", str(total))
            .replace("%2", str(result.added))
            .replace("%3", str(result.changed))
            .replace("%4", str(result.unchanged))
        )
        self.year.setValue(result.years[0])

    def remove_day(self) -> None:
        day = self.table.current_key()
        if day is not None:
            job = partial(calendar.set_day, self.ctx.db, day, None)
            self.ctx.write(job, lambda _r: None, parent=self)
