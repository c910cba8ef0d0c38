"""The error log in the user data folder: tracebacks go there, never onto a user's screen.

The log never holds personal data or keys (issue 16): every line, traceback included, is
scrubbed as it is written — ID numbers, phone numbers, Chinese text (names, addresses), a
statement's bound values (PostgreSQL's DETAIL line too), keys and passwords on a command line.
The engines hide bound values and the CLI logs no value it was given (cli/logged.py) before
that. It is readable by the user only (0600) and rotated (3 files of 2 MB)."""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Final

from redoffice.kit.files import private_file
from redoffice.kit.paths import data_dir

_configured: Path | None = None

# (pattern, what it becomes), applied in order to each formatted record
SCRUBS: Final = (
    (re.compile(r"(--(?:recovery-key|password|passphrase|db-url))[^\n]*"), r"\1 <已隐藏>"),
    (re.compile(r"\[parameters: [^\n]*"), "[parameters: <已隐藏>]"),  # SQLAlchemy's bound values
    (re.compile(r"DETAIL: [^\n]*"), "DETAIL: <已隐藏>"),  # PostgreSQL's failing row, its key
    (re.compile(r"(?:[A-Z0-9]{4}[ -]){13}[A-Z0-9]{4}"), "<密钥>"),  # a recovery key
    (re.compile(r"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9])"), "<身份证号>"),
    (re.compile(r"(?<![0-9])(?:1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})(?![0-9])"), "<电话>"),
    (re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+"), "<文字>"),
)


def scrub(text: str) -> str:
    """``text`` without ID numbers, phones, Chinese words (names), bound values or keys."""
    for pattern, replacement in SCRUBS:
        text = pattern.sub(replacement, text)
    return text


class ScrubbingFormatter(logging.Formatter):
    """Formats a record as usual, then scrubs the whole text, traceback included."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


class PrivateRotatingFileHandler(RotatingFileHandler):
    """Each file it opens (the first, and the new one after a rotation) readable by the user
    only."""

    def _open(self):  # type: ignore[no-untyped-def]  # logging's own signature
        stream = super()._open()
        private_file(Path(self.baseFilename))
        return stream


def log_file() -> Path:
    """Configure (once) and return the rotating log file."""
    global _configured
    if _configured is None:
        _configured = private_file(data_dir() / "redoffice.log")
        handler = PrivateRotatingFileHandler(
            _configured, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        logging.getLogger("redoffice").addHandler(handler)
        logging.getLogger("redoffice").setLevel(logging.INFO)
    return _configured


def log_exception(context: str, error: BaseException | None = None) -> Path:
    """Record ``error`` (default: the exception being handled); return where it was written."""
    path = log_file()
    logging.getLogger("redoffice").error("%s", context, exc_info=error or True)
    return path
