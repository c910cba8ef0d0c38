"""The bundled font and the rare characters it lacks: WenQuanYi Micro Hei for the text, the
Hanazono Mincho fonts character by character for rare name characters (resources/fonts/README.md),
and a ToUnicode map that gives the stored text back when a PDF is copied or searched."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Final
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from redoffice.kit.validation import without_controls

FONT = "WQYMicroHei"


# Rare name characters WenQuanYi lacks (Extension A, and 𠮷 𪚥 of Extensions B-F) come from
# the Hanazono Mincho fonts, character by character; resources/fonts/README.md
FALLBACK_FONTS: Final = (("HanaMinA", "HanaMinA-ExtA.ttf"), ("HanaMinB", "HanaMinB.ttf"))
# characters outside the basic CJK block: only text holding one needs the per-character look-up
_MAYBE_RARE = re.compile(r"[\u3400-\u4dbf\u9fa6-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


_plain_to_unicode = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """ReportLab's ToUnicode map, with characters beyond U+FFFF as UTF-16 surrogate pairs as
    PDF requires (it writes 𠮷 as <20BB7>, which readers take for U+20BB ₻ and a stray 7):
    copying or searching the PDF then gives the stored name back."""
    cmap: str = _plain_to_unicode(fontname, subset)
    for code, char in enumerate(subset):
        if char > 0xFFFF:
            utf16 = chr(char).encode("utf-16-be").hex().upper()
            cmap = cmap.replace(f"<{code:02X}> <{char:04X}>", f"<{code:02X}> <{utf16}>")
    return cmap


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def _font_file(name: str = "wqy-microhei.ttc") -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    root = Path(frozen) if frozen else Path(__file__).resolve().parents[2]
    return root / "resources" / "fonts" / name


@cache
def register_font() -> str:
    """Register the bundled WenQuanYi Micro Hei (TrueType outlines, embedded as a subset of
    the characters used)."""
    pdfmetrics.registerFont(TTFont(FONT, str(_font_file()), subfontIndex=0))
    return FONT


@cache
def _fallback_fonts() -> tuple[str, ...]:
    """The fallback fonts, registered when a character first needs one (HanaMinB is 30 MB:
    most documents never load it)."""
    for name, file in FALLBACK_FONTS:
        pdfmetrics.registerFont(TTFont(name, str(_font_file(file))))
    return tuple(name for name, _file in FALLBACK_FONTS)


@cache
def _font_for(char: str) -> str:
    """The first font with a glyph for ``char`` (the main font when none has)."""
    if ord(char) in pdfmetrics.getFont(register_font()).face.charToGlyph:
        return FONT
    for name in _fallback_fonts():
        if ord(char) in pdfmetrics.getFont(name).face.charToGlyph:
            return name
    return FONT


def maybe_rare(text: str) -> bool:
    """Whether ``text`` holds a character outside the basic CJK block (one the main font may
    lack): only such text needs the per-character look-up."""
    return _MAYBE_RARE.search(text) is not None


def printable(text: str) -> str:
    """``text`` as a page shows it: control characters left out (a NUL or a bell stored by an
    older version or another tool was drawn as a box and split the name), a tab as a space;
    line breaks kept. Every stored text reaches a PDF through here."""
    if text.isprintable():
        return text
    return without_controls(text).replace("\r", "").replace("\t", " ")


def font_runs(text: str) -> list[tuple[str, str]]:
    """``text`` (printable) cut into (font, part) runs so that every character is drawn by a
    font that has it: 𠮷野家 -> [("HanaMinB", "𠮷"), (FONT, "野家")]."""
    text = printable(text)
    if not maybe_rare(text):
        return [(FONT, text)]
    runs: list[tuple[str, str]] = []
    for char in text:
        font = _font_for(char)
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + char)
        else:
            runs.append((font, char))
    return runs


def markup(text: str) -> str:
    """Paragraph markup for plain ``text``: escaped, rare characters in a fallback font."""
    return "".join(
        escape(part) if font == FONT else f'<font name="{font}">{escape(part)}</font>'
        for font, part in font_runs(text)
    )


def draw_text(
    canvas: Canvas, x: float, y: float, text: str, size: float, align: str = "left"
) -> None:
    """``canvas.drawString`` with the fallback fonts; ``align``: left, centre or right of x."""
    runs = font_runs(text)
    width = sum(pdfmetrics.stringWidth(part, font, size) for font, part in runs)
    x -= {"left": 0, "centre": width / 2, "right": width}[align]
    for font, part in runs:
        canvas.setFont(font, size)
        canvas.drawString(x, y, part)
        x += pdfmetrics.stringWidth(part, font, size)
