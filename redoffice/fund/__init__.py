"""红色基金: accounts, the hash-chained ledger, applications through 公示 to payment."""

# The modules other features may import (tests/core/test_layout.py).
__all__ = [
    "accounts",
    "applications",
    "books",
    "codes",
    "documents",
    "exports",
    "ledger",
    "periods",
    "queries",
    "roles",
    "rules",
]
