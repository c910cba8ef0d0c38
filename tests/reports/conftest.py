"""PDF checks with poppler (installed by `make test`)."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pdf_text(data: bytes, tmp_path: Path, *, layout: bool = False) -> list[str]:
    """The text of each page."""
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    flags = ["-layout"] if layout else []
    text = subprocess.run(
        ["pdftotext", *flags, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def pdf_fonts(data: bytes, tmp_path: Path) -> list[list[str]]:
    """pdffonts rows: name, type, encoding, emb, sub, uni, ..."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    return [line.split() for line in lines]
