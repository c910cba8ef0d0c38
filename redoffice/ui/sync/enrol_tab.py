"""登记: the enrolment steps. 1. This node's keys, the fingerprint large; where no keyring exists,
a passphrase-protected key file. 2. Export the enrolment file and print its sheet. 3. Import the
partner's file, comparing the fingerprint read out. The partners enrolled, and (street office)
revoking one."""

from __future__ import annotations

import tempfile
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from redoffice.kit.db import Database
from redoffice.sync import enrol, keys, node
from redoffice.ui.kit import ask
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.preview import PreviewWindow
from redoffice.ui.kit.row_buttons import RowButtons
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.sync.common import (
    NodeState,
    Passphrase,
    SyncTab,
    heading,
    left_row,
    note,
    state_text,
)
from redoffice.ui.sync.dialogs import EnrolImportDialog, ask_passphrase, fingerprint_label

ENROLMENT_FILES = "登记文件 (*.roenrol);;所有文件 (*)"


def _export(
    db: Database, out: Path, use_file: bool, passphrase: str | None
) -> tuple[enrol.Enrolment, bytes]:
    """On the worker: the enrolment file at ``out`` and the sheet's PDF (for the preview)."""
    with tempfile.TemporaryDirectory() as folder:
        sheet = Path(folder) / "登记表.pdf"
        found = enrol.export_enrolment(
            db, out, use_file=use_file, passphrase=passphrase, sheet=sheet
        )
        return found, sheet.read_bytes()


class EnrolTab(SyncTab):
    """``changed_keys``: keys were made (the page reads the node's state again)."""

    changed_keys = Signal()

    def __init__(
        self, ctx: AppContext, passphrase: Passphrase, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, passphrase, parent)
        # 1. this node's keys
        self.identity = note()
        self.identity.setObjectName("identity")
        self.fingerprint = fingerprint_label("")
        self.key_where = note()
        self.no_keyring = note()
        self.no_keyring.setStyleSheet("color: #c0392b;")
        self.make_keys_button = QPushButton(self.tr("Make the sync keys"))
        on_click(self.make_keys_button, self.make_keys)
        mine = QGroupBox(self.tr("1. This computer's key"))
        column = QVBoxLayout(mine)
        column.addWidget(self.identity)
        column.addLayout(left_row(self.fingerprint))
        column.addWidget(self.key_where)
        column.addWidget(self.no_keyring)
        column.addLayout(left_row(self.make_keys_button))
        # 2. export, 3. import
        self.export_button = QPushButton(self.tr("Export enrolment file and sheet…"))
        on_click(self.export_button, self.export_enrolment)
        self.import_button = QPushButton(self.tr("Import the partner's enrolment file…"))
        on_click(self.import_button, self.import_enrolment)
        self.export_note = note()
        self.import_note = note()
        steps = QGroupBox(self.tr("2. Exchange enrolment files"))
        grid = QVBoxLayout(steps)
        self.export_explain = note()
        grid.addWidget(self.export_explain)
        grid.addLayout(left_row(self.export_button))
        grid.addWidget(self.export_note)
        self.import_explain = note()
        grid.addWidget(self.import_explain)
        grid.addLayout(left_row(self.import_button))
        grid.addWidget(self.import_note)
        # the partners
        self.partners = SimpleTable(
            [
                self.tr("Name"),
                self.tr("Code"),
                self.tr("Kind"),
                self.tr("State"),
                self.tr("Key fingerprint"),
            ],
            stretch=4,
        )
        self.partners.setObjectName("partners")
        self.revoke_button = QPushButton(self.tr("Revoke enrolment…"))
        on_click(self.revoke_button, self.revoke)
        self.row_buttons = RowButtons(self.partners.current_key, self)
        self.row_buttons.add(self.revoke_button, self._revocable)
        self.row_buttons.watch(self.partners)
        self.partners.set_row_actions([self.revoke_button])
        self.partners_title = heading("")
        top = QHBoxLayout()
        top.addWidget(mine, 3)
        top.addWidget(steps, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        title_row = QHBoxLayout()
        title_row.addWidget(self.partners_title)
        title_row.addStretch(1)
        title_row.addWidget(self.revoke_button)
        layout.addLayout(title_row)
        layout.addWidget(self.partners, 1)

    # -- showing --------------------------------------------------------------------------
    def show_state(self, state: NodeState) -> None:
        self.state = state
        me = state.me
        role = node.ROLE_NAMES.get(me.role, me.role)
        self.identity.setText(
            self.tr("%1 %2 (%3) · node %4")
            .replace("%1", role)
            .replace("%2", me.name)
            .replace("%3", me.code)
            .replace("%4", me.node_id)
        )
        if state.keys is None:
            self.fingerprint.setText(self.tr("No keys yet"))
            self.key_where.setText(
                self.tr(
                    "The keys are made at the first sync step (exporting the enrolment file) "
                    "or with the button below."
                )
            )
        else:
            groups = keys.grouped(state.keys.fingerprint).split()
            self.fingerprint.setText(" ".join(groups[:4]) + "\n" + " ".join(groups[4:]))
            self.key_where.setText(
                self.tr("Key %1 · private key kept in: %2")
                .replace("%1", state.keys.key_id)
                .replace("%2", state.keys.where)
            )
        no_ring = state.keys is None and not state.keyring
        self.no_keyring.setVisible(no_ring)
        self.no_keyring.setText(
            self.tr(
                "This computer has no system keyring to keep the private keys safely. You may "
                "keep them in a file protected by a passphrase instead."
            )
        )
        self.make_keys_button.setVisible(state.keys is None)
        self.make_keys_button.setText(
            self.tr("Use a passphrase-protected key file…")
            if no_ring
            else self.tr("Make the sync keys")
        )
        partner = self.tr("the street office") if not state.street else self.tr("a community")
        self.export_explain.setText(
            self.tr(
                "Give the enrolment file to %1 (USB stick, WeChat, e-mail) and print the "
                "sheet: they compare its fingerprint before enrolling this office."
            ).replace("%1", partner)
        )
        self.import_explain.setText(
            self.tr(
                "Import the enrolment file of %1 and compare its fingerprint with the one "
                "read out over the phone or printed on its sheet."
            ).replace("%1", partner)
        )
        self.partners_title.setText(
            self.tr("Communities enrolled") if state.street else self.tr("Street office enrolled")
        )
        self.revoke_button.setVisible(state.street)
        self.row_buttons.update()
        self.partners.set_rows(
            [
                [
                    p.name,
                    p.code,
                    node.ROLE_NAMES.get(p.role, p.role),
                    state_text(p.status),
                    keys.grouped(p.fingerprint),
                ]
                for p in state.partners
            ],
            [p.node_id for p in state.partners],
        )

    # -- keys -----------------------------------------------------------------------------
    def _key_choice(self) -> tuple[bool, str | None] | None:
        """How to keep keys not made yet: keyring (False, None) or file (True, passphrase);
        None when the user declined. Keys already made: their passphrase if in a file."""
        state = self.state
        if state is None:
            return None
        if state.keys is not None:
            if not state.in_file:
                return False, None
            if self.passphrase.value is None:
                self.passphrase.value = ask_passphrase(self, new=False)
            return (False, self.passphrase.value) if self.passphrase.value else None
        if state.keyring:
            return False, None
        chosen = ask_passphrase(self, new=True)
        if not chosen:
            return None
        self.passphrase.value = chosen
        return True, chosen

    def make_keys(self) -> None:
        choice = self._key_choice()
        if choice is None:
            return
        use_file, passphrase = choice
        db = self.ctx.db
        self.ctx.write(
            partial(keys.ensure_keys, db, use_file=use_file, passphrase=passphrase),
            lambda _made: self.changed_keys.emit(),
            self._failed,
            self,
        )

    def _failed(self, error: BaseException) -> None:
        self.passphrase.forget_if_wrong(error)
        report(self, error)

    # -- enrolment files ------------------------------------------------------------------
    def export_enrolment(self) -> None:
        state = self.state
        if state is None:
            return
        choice = self._key_choice()
        if choice is None:
            return
        suggested = f"{state.me.name}_登记文件.roenrol"
        target = ask.save_path(self, self.tr("Export enrolment file"), suggested, ENROLMENT_FILES)
        if not target:
            return
        use_file, passphrase = choice
        self.ctx.write(
            partial(_export, self.ctx.db, Path(target), use_file, passphrase),
            partial(self._exported, Path(target)),
            self._failed,
            self,
        )

    def _exported(self, target: Path, result: tuple[enrol.Enrolment, bytes]) -> None:
        found, sheet = result
        self.export_note.setText(
            self.tr("Saved %1. Fingerprint: %2")
            .replace("%1", str(target))
            .replace("%2", keys.grouped(found.fingerprint))
        )
        self.changed_keys.emit()
        window = PreviewWindow(self.tr("Enrolment sheet"), sheet, f"{target.stem}_登记表.pdf", self)
        window.setObjectName("preview")
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()

    def import_enrolment(self) -> None:
        chosen = ask.open_path(self, self.tr("Import enrolment file"), ENROLMENT_FILES)
        if not chosen:
            return
        path = Path(chosen)
        self.ctx.query(
            partial(enrol.read_enrolment, path),
            partial(self._check_fingerprint, path),
            partial(report, self),
        )

    def _check_fingerprint(self, path: Path, found: enrol.Enrolment) -> None:
        """Opened, not exec()'d: this runs as the worker's answer, and a nested event loop
        there (the dialog's own enrolment answered inside it) crashed Qt now and then."""
        dialog = EnrolImportDialog(self.ctx, path, found, self)
        dialog.setObjectName("enrol-import")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(partial(self._enrolled, dialog))
        dialog.open()

    def _enrolled(self, dialog: EnrolImportDialog) -> None:
        done = dialog.enrolled
        if done is not None:
            self.import_note.setText(
                self.tr("Enrolled %1 (%2).").replace("%1", done.name).replace("%2", done.code)
            )

    def _revocable(self, node_id: str) -> bool:
        state = self.state
        return state is not None and any(
            p.node_id == node_id and p.status == enrol.ENROLLED for p in state.partners
        )

    def revoke(self) -> None:
        node_id = self.partners.current_key()
        state = self.state
        if node_id is None or state is None:
            return
        partner = next((p for p in state.partners if p.node_id == node_id), None)
        if partner is None or partner.status == enrol.REVOKED:
            return
        if not ask.risky(
            self,
            self.tr("Revoke enrolment"),
            self.tr(
                "Revoke the enrolment of %1 (%2)? Its packages will be refused from now on; "
                "it has to be enrolled again with a new key to send any."
            )
            .replace("%1", partner.name)
            .replace("%2", partner.code),
        ):
            return
        self.ctx.write(
            partial(enrol.revoke, self.ctx.db, node_id), lambda _done: None, self._failed, self
        )
