"""File-based sync between communities and their street office (issue 14, decision 0017):
node keys, enrolment, signed and encrypted packages, verified import, acknowledgements."""

# The modules other features may import (tests/core/test_layout.py).
__all__ = ["acks", "conflicts", "enrol", "held", "keys", "node", "packages", "status", "wire"]
