"""The registry: 网格, 小区/楼栋, households and residents, special groups, party members and
their 双报到 units, search and statistics, and the Excel import of a 居民台账."""

# The modules other features may import (tests/core/test_layout.py).
__all__ = [
    "access",
    "addresses",
    "erasure",
    "exports",
    "households",
    "importer",
    "party_members",
    "reference",
    "residents",
    "retention",
    "search",
    "stats",
    "subject_request",
]
