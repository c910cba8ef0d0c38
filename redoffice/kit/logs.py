"""The error log in the user data folder: tracebacks go there, never onto a user's screen."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from redoffice.kit.paths import data_dir

_configured: Path | None = None


def log_file() -> Path:
    """Configure (once) and return the rotating log file."""
    global _configured
    if _configured is None:
        _configured = data_dir() / "redoffice.log"
        handler = RotatingFileHandler(
            _configured, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        logging.getLogger("redoffice").addHandler(handler)
        logging.getLogger("redoffice").setLevel(logging.INFO)
    return _configured


def log_exception(context: str, error: BaseException | None = None) -> Path:
    """Record ``error`` (default: the exception being handled); return where it was written."""
    path = log_file()
    logging.getLogger("redoffice").error("%s", context, exc_info=error or True)
    return path
