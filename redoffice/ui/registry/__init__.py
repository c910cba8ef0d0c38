"""Screens of the registry: residents, households, grids and units, the Excel import."""

# The modules other screens may import (tests/core/test_layout.py).
__all__ = ["privacy_dialogs"]
