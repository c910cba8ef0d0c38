"""The street office's screens: 社区 (each community's sync state), 统计 and the read-only
community pages with a community filter."""

# The modules other screens may import (tests/core/test_layout.py).
__all__: list[str] = []
