"""Screens of the settings and the first set-up."""

# The modules other screens may import (tests/core/test_layout.py).
__all__ = []
