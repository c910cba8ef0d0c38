"""民情诉求: requests worked through to closure and the satisfaction call-back."""

# The modules other features may import (tests/core/test_layout.py).
__all__ = ["documents", "exports", "queries", "service"]
