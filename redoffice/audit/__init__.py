"""Reading the audit trail: a record's 变更记录 in the secretary's words, and the check that
the hash-chained log is intact."""

# The modules other features may import (tests/core/test_layout.py).
__all__ = ["chain", "history"]
