"""社区名称/社区代码/所属街道/街道代码 and 经办人: the first-start dialog and the settings page."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from redoffice.services.community import Identity
from redoffice.ui.widgets import FieldForm


class IdentityForm(FieldForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.community_name, self.community_code = QLineEdit(), QLineEdit()
        self.street_name, self.street_code = QLineEdit(), QLineEdit()
        self.operator = QLineEdit()
        self.community_name.setPlaceholderText(self.tr("e.g. 幸福社区"))
        self.community_code.setPlaceholderText(self.tr("e.g. 420106001001"))
        for field, label, widget in (
            ("community_name", self.tr("Community name"), self.community_name),
            ("community_code", self.tr("Community code"), self.community_code),
            ("street_name", self.tr("Street office"), self.street_name),
            ("street_code", self.tr("Street code"), self.street_code),
            ("operator", self.tr("Operator"), self.operator),
        ):
            self.add_row(field, label, widget)

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
        self.operator.setText(operator)
