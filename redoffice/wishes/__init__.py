"""微心愿: collected, verified, published, claimed, fulfilled and called back."""

# The modules other features may import (tests/core/test_layout.py).
__all__ = ["documents", "exports", "queries", "service"]
