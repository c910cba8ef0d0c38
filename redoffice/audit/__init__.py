"""Reading the audit trail: a record's 变更记录 in the secretary's words."""

# The modules other features may import (tests/core/test_layout.py).
__all__ = ["history"]
