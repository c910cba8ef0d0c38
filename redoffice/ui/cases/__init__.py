"""Screens of 民情诉求."""

# The modules other screens may import (tests/core/test_layout.py).
__all__ = ["case_dialogs"]
