"""工作台: what needs doing today, in one read."""

# The modules other features may import (tests/core/test_layout.py).
__all__ = ["queries"]
