"""Password hashes: scrypt from the standard library (decision 0027: no new dependency, memory-
hard, tunable), stored as ``scrypt$n$r$p$salt$hash`` (base64) so that the cost can grow later."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from typing import Final

N: Final = 2**14  # about 50 ms and 16 MB per hash on an office PC
R: Final = 8
P: Final = 1
MIN_LENGTH: Final = 8


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r, dklen=32
    )


def hash_password(password: str) -> str:
    """The stored form of ``password`` under a fresh random salt."""
    salt = os.urandom(16)
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(_scrypt(password, salt, N, R, P))}"


def verify(password: str, stored: str) -> bool:
    """Whether ``password`` is the one ``stored`` was made from (constant-time compare)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, base64.b64decode(digest))
