"""GUI tests: offscreen, real windows, a real SQLite file, translations loaded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from redoffice.kit.db import Database
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.resources import install_font, install_translators
from redoffice.ui.kit.screen_fit import install_screen_fit

_translators: list[QTranslator] = []


@pytest.fixture(scope="session", autouse=True)
def chinese_ui(qapp: QApplication) -> str:
    family = install_font(qapp)
    _translators.extend(install_translators(qapp))
    install_screen_fit(qapp)  # as the application does
    return family


@pytest.fixture(autouse=True)
def hide_leftover_windows(qapp: QApplication) -> Iterator[None]:
    """A dialog a test left open must not be taken for the one the next test opens."""
    yield
    for window in qapp.topLevelWidgets():
        if window.isVisible():
            window.hide()


@pytest.fixture(autouse=True)
def screen_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Remembered columns, filters and window places go to a folder of this test only, never
    to the user's settings."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def ctx(demo_db: Database) -> Iterator[AppContext]:
    context = AppContext(demo_db)
    yield context
    context.tasks.wait_idle(5)
    context.tasks.shutdown()


@pytest.fixture
def no_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer every question with Yes (the risky ones too) and record the questions."""
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr("redoffice.ui.kit.ask.confirm", confirm)
    monkeypatch.setattr("redoffice.ui.kit.ask.risky", confirm)
    return asked
