"""Printed forms and workbooks as bytes, from the database (to be split into the features)."""

# The modules other features may import (tests/core/test_layout.py).
__all__ = ["documents", "exporting", "printing"]
