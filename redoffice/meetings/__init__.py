"""三方联席会议: meetings, minutes, and the 督办 of their 议定事项."""

# The modules other features may import (tests/core/test_layout.py).
__all__ = [
    "codes",
    "documents",
    "exports",
    "inputs",
    "minutes",
    "queries",
    "resolutions",
    "service",
]
