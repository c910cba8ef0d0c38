"""Screens of 三方联席会议 and 督办."""

# The modules other screens may import (tests/core/test_layout.py).
__all__ = []
