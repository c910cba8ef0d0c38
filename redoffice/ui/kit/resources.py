"""The bundled font and the translations."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[3] / "resources"


FONT_FILE = "fonts/wqy-microhei.ttc"
# rare name characters WenQuanYi lacks (CJK Extension A, Extensions B-F): resources/fonts/README.md
FALLBACK_FONT_FILES = ("fonts/HanaMinA-ExtA.ttf", "fonts/HanaMinB.ttf")
TRANSLATION = "i18n/redoffice_zh_CN.qm"


def _add_font(relative: str) -> list[str]:
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / relative))
    return QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []


def install_font(app: QApplication) -> str:
    """Register WenQuanYi Micro Hei and make it the application font, with the Hanazono
    fonts as fallbacks for rare characters (𠮷); return its family."""
    families = _add_font(FONT_FILE)
    if not families:
        return app.font().family()
    fallbacks = [family for file in FALLBACK_FONT_FILES for family in _add_font(file)[:1]]
    font = QFont(families[0])
    font.setFamilies([families[0], *fallbacks])
    font.setPointSize(10)
    app.setFont(font)
    return families[0]


def prefer_chinese_dates() -> None:
    """Before the QApplication exists: where no locale is chosen (LANG=C, as on a bare
    Linux or under xvfb-run), Qt's file dialog writes dates as "2 12 2026" and sizes as
    "0 bytes"; ask for Chinese dates and numbers instead. A locale the user chose is kept."""
    chosen = next((os.environ[k] for k in ("LC_ALL", "LC_TIME", "LANG") if os.environ.get(k)), "")
    if chosen.split(".")[0] in ("", "C", "POSIX"):
        for category in ("LC_MESSAGES", "LC_TIME", "LC_NUMERIC"):
            os.environ[category] = "zh_CN.UTF-8"
        os.environ.pop("LC_ALL", None)


def install_translators(app: QApplication, language: str = "zh_CN") -> list[QTranslator]:
    """Qt's own translations first (with RedOffice's supplement for strings PySide6's
    qtbase_zh_CN leaves in English), then RedOffice's; kept alive by the caller."""
    QLocale.setDefault(QLocale(language))
    translators = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = str(resources_dir() / "i18n")
    for name, folder in (
        (f"qtbase_{language}", qt_dir),
        (f"qtbase_extra_{language}", ours),
        (f"redoffice_{language}", ours),
    ):
        translator = _loaded(app, Path(folder) / f"{name}.qm")
        if translator is not None:
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def _loaded(app: QApplication, path: Path) -> QTranslator | None:
    """A translator holding its own copy of ``path``: Qt otherwise maps the file and reads it
    for every translated string, and a file replaced while the program runs (an update, a
    rebuild of the translations) crashed it at the next dialog."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    translator = QTranslator(app)
    if not translator.load(data):
        return None
    translator.qm_data = data  # type: ignore[attr-defined]  # Qt reads it, does not copy it
    return translator
