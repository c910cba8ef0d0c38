"""The bundled font and the translations."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


FONT_FILE = "fonts/wqy-microhei.ttc"
TRANSLATION = "i18n/redoffice_zh_CN.qm"


def install_font(app: QApplication) -> str:
    """Register WenQuanYi Micro Hei and make it the application font; return its family."""
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return app.font().family()
    font = QFont(families[0])
    font.setPointSize(10)
    app.setFont(font)
    return families[0]


def install_translators(app: QApplication, language: str = "zh_CN") -> list[QTranslator]:
    """Qt's own translations first, then RedOffice's; kept alive by the caller."""
    QLocale.setDefault(QLocale(language))
    translators = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (
        (f"qtbase_{language}", qt_dir),
        (f"redoffice_{language}", str(resources_dir() / "i18n")),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators
