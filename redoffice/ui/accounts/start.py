"""Whether the window's frame shows before the database opens (issue 16, session 10): not when
the last start asked for a login — the login dialog then comes first, alone, and the window
appears only after a successful login (退出 leaves no window behind). Qt-only: read before
SQLAlchemy and the models are imported."""

from __future__ import annotations

from typing import Final

from redoffice.ui.kit import ui_state

LOGIN_AT_START: Final = "accounts/login_at_start"  # this PC's last start asked for a login


def frame_first() -> bool:
    return str(ui_state.load(LOGIN_AT_START)).lower() != "true"


def remember_login(needed: bool) -> None:
    ui_state.save(LOGIN_AT_START, needed)
