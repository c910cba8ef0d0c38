"""Realistic demo data relative to a given date."""

# The modules other features may import (tests/core/test_layout.py).
__all__ = ["build"]
