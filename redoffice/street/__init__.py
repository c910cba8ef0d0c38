"""The street office's own work (issue 15): its communities, the figures per community and in
total, the cross-community checks, the monthly and quarterly report, and its decisions,
replies and notices back to the communities."""

# The modules other features may import (tests/core/test_layout.py).
__all__ = [
    "communities",
    "decisions",
    "duplicates",
    "notices",
    "orders",
    "reports",
    "stats",
]
