"""社区名称/社区代码/所属街道/街道代码 and 经办人: the first-start dialog and the settings page.

The codes are 统计用区划代码 (国家统计局): the community's 12 digits begin with its street's 9;
each is explained beside its field, and the street code follows the community code until the
user types one of their own."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from redoffice.settings.community import COMMUNITY_CODE_DIGITS, STREET_CODE_DIGITS, Identity
from redoffice.ui.kit.widgets import FieldForm


def _explained(edit: QLineEdit, text: str) -> QWidget:
    """The field with a short grey explanation beside it."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    edit.setFixedWidth(_fitting_width(edit))
    hint = QLabel(text)
    hint.setObjectName("hint")
    hint.setStyleSheet("color: #666;")
    hint.setWordWrap(True)
    row.addWidget(edit)
    row.addWidget(hint, 1)
    return box


def _fitting_width(edit: QLineEdit) -> int:
    """Wide enough for the example in the field (and a code typed in groups of three)."""
    metrics = edit.fontMetrics()
    text = max(edit.placeholderText(), "000 000 000 000", key=metrics.horizontalAdvance)
    return metrics.horizontalAdvance(text) + 24  # frame and the line edit's text margins


def _digits_only(edit: QLineEdit, digits: int) -> None:
    """At most ``digits`` digits, spaces allowed between the groups."""
    pattern = QRegularExpression(rf"\s*(\d\s*){{0,{digits}}}")
    edit.setValidator(QRegularExpressionValidator(pattern, edit))


class IdentityForm(FieldForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.community_name, self.community_code = QLineEdit(), QLineEdit()
        self.street_name, self.street_code = QLineEdit(), QLineEdit()
        self.operator = QLineEdit()
        self.community_name.setPlaceholderText(self.tr("e.g. 幸福社区"))
        self.community_code.setPlaceholderText(self.tr("e.g. 420106001001"))
        self.street_code.setPlaceholderText(self.tr("e.g. 420106001"))
        _digits_only(self.community_code, COMMUNITY_CODE_DIGITS)
        _digits_only(self.street_code, STREET_CODE_DIGITS)
        community_hint = self.tr(
            "12-digit statistical area code of the community (居委会), as published by the "
            "National Bureau of Statistics; ask the street office if unsure"
        )
        street_hint = self.tr("9 digits: the first nine of the community code")
        for field, label, widget in (
            ("community_name", self.tr("Community name"), self.community_name),
            (
                "community_code",
                self.tr("Community code"),
                _explained(self.community_code, community_hint),
            ),
            ("street_name", self.tr("Street office"), self.street_name),
            ("street_code", self.tr("Street code"), _explained(self.street_code, street_hint)),
            ("operator", self.tr("Operator"), self.operator),
        ):
            self.add_row(field, label, widget)
        self._street_typed = False
        self.street_code.textEdited.connect(self._street_edited)
        self.community_code.textChanged.connect(self._suggest_street)

    def _street_edited(self, text: str) -> None:
        self._street_typed = bool(text)

    def _suggest_street(self, community_code: str) -> None:
        """The street code is the community code's first nine digits."""
        digits = "".join(ch for ch in community_code if ch.isdigit())
        if not self._street_typed and len(digits) >= STREET_CODE_DIGITS:
            self.street_code.setText(digits[:STREET_CODE_DIGITS])

    def identity(self) -> Identity:
        return Identity(
            self.community_name.text(),
            self.community_code.text(),
            self.street_name.text(),
            self.street_code.text(),
        )

    def set_values(self, identity: Identity, operator: str) -> None:
        self.community_name.setText(identity.community_name)
        self.community_code.setText(identity.community_code)
        self.street_name.setText(identity.street_name)
        self.street_code.setText(identity.street_code)
        self._street_typed = bool(identity.street_code)
        self.operator.setText(operator)
