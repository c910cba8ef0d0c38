"""入户走访: visits, the visit plan and each household's derived visit state."""

# The modules other features may import (tests/core/test_layout.py).
__all__ = ["documents", "exports", "plan", "queries", "service", "state"]
