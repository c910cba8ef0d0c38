"""GUI tests: offscreen, real windows, a real SQLite file, translations loaded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from redoffice.db import Database
from redoffice.services.demo import create_demo
from redoffice.ui.context import AppContext
from redoffice.ui.resources import install_font, install_translators
from redoffice.ui.screen_fit import install_screen_fit

_translators: list[QTranslator] = []


@pytest.fixture(scope="session", autouse=True)
def chinese_ui(qapp: QApplication) -> str:
    family = install_font(qapp)
    _translators.extend(install_translators(qapp))
    install_screen_fit(qapp)  # as the application does
    return family


@pytest.fixture
def ctx(sqlite_db: Database) -> Iterator[AppContext]:
    create_demo(sqlite_db, 40, seed=3)
    context = AppContext(sqlite_db)
    yield context
    context.tasks.wait_idle(5, 0.05)
    context.tasks.shutdown()


@pytest.fixture
def no_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer every confirmation with Yes and record the questions."""
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr("redoffice.ui.ask.confirm", confirm)
    return asked
