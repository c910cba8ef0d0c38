"""Screens of 入户走访."""

# The modules other screens may import (tests/core/test_layout.py).
__all__ = ["visit_dialog"]
