"""Screens of 微心愿."""

# The modules other screens may import (tests/core/test_layout.py).
__all__ = []
