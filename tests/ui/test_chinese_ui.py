"""The UI is Chinese: every string translated, Qt's own strings too, the bundled font used."""

import gc
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from redoffice.ui.kit.resources import FONT_FILE, _loaded, resources_dir

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "redoffice_zh_CN.ts"


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_every_source_string_is_in_the_ts_file(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (ROOT / "redoffice" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    missing = set(_messages(fresh)) - set(_messages(TS))
    assert not missing, f"run `make i18n` and translate: {sorted(missing)}"


def test_every_string_has_a_translation() -> None:
    untranslated = []
    for key, message in _messages(TS).items():
        translation = message.find("translation")
        assert translation is not None
        text = "".join(translation.itertext()).strip()
        if translation.get("type") in ("unfinished", "obsolete", "vanished") or not text:
            untranslated.append(key)
    assert not untranslated


def test_translations_are_loaded() -> None:
    assert QCoreApplication.translate("MainWindow", "Residents") == "居民"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_bundled_font_is_registered(chinese_ui: str) -> None:
    assert chinese_ui == "WenQuanYi Micro Hei"
    assert (resources_dir() / FONT_FILE).exists()
    assert "WenQuanYi Micro Hei" in QFontDatabase.families()


def test_signal_emit_keeps_reference_counts() -> None:
    """PySide6 6.12.0's emit() dropped a reference to True on every call and crashed the app
    (docs/decisions/0004); fail loudly if a version with that bug is installed."""

    class Emitter(QObject):
        fired = Signal(int)

    emitter = Emitter()
    emitter.fired.connect(lambda _n: None)
    before = sys.getrefcount(True)
    for n in range(200):
        emitter.fired.emit(n)
    assert sys.getrefcount(True) >= before - 5


def test_a_translation_file_replaced_while_running_changes_nothing(
    qapp: QApplication, tmp_path: Path
) -> None:
    """The translations are read into memory: an update or `make translations` replacing the
    .qm file while RedOffice runs crashed it at the next dialog (Qt had mapped the file)."""
    copy = tmp_path / "redoffice_zh_CN.qm"
    shutil.copy(resources_dir() / "i18n" / copy.name, copy)
    translator = _loaded(qapp, copy)
    assert translator is not None
    copy.write_bytes(b"\0" * 64)  # rewritten in place, shorter
    copy.unlink()
    gc.collect()
    assert translator.translate("SyncPage", "Conflicts") == "冲突"
