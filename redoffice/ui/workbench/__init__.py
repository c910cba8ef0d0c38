"""The 工作台."""

# The modules other screens may import (tests/core/test_layout.py).
__all__ = []
