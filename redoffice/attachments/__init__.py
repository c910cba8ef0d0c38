"""Photos and scans kept beside the database, addressed by content."""

# The modules other features may import (tests/core/test_layout.py).
__all__ = ["service"]
