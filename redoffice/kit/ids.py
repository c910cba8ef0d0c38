"""Record identifiers: UUIDv7 strings, globally unique and roughly time-ordered."""

from uuid6 import uuid7


def new_id() -> str:
    """Return a fresh UUIDv7 as a 36-character lowercase string."""
    return str(uuid7())
