"""Business settings, the community's identity and the working-day calendar."""

# The modules other features may import (tests/core/test_layout.py).
__all__ = ["calendar", "community", "config", "encryption"]
