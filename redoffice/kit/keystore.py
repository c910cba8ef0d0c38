"""The operating system's keyring (``keyring``: Windows Credential Manager, the Secret Service on
Linux desktops), service ``RedOffice``: where the sync node's private keys and the database key
are kept, outside the database. One place decides whether a real keyring is there and turns its
failures into a user's message."""

from __future__ import annotations

from typing import Final

import keyring
import keyring.backends.chainer
import keyring.backends.fail
import keyring.errors

from redoffice.kit.errors import UserError

SERVICE: Final = "RedOffice"


def keyring_available() -> bool:
    """Whether a real keyring backend is in use (not the failing one, not an empty chain)."""
    backend = keyring.get_keyring()
    if isinstance(backend, keyring.backends.fail.Keyring):
        return False
    if isinstance(backend, keyring.backends.chainer.ChainerBackend):
        return bool(backend.backends)
    return True


def read(user: str) -> str | None:
    """The entry ``user`` of RedOffice's service; None when there is none."""
    try:
        return keyring.get_password(SERVICE, user)
    except keyring.errors.KeyringError as exc:
        raise UserError("sync.keyring_failed", detail=str(exc)) from exc


def write(user: str, value: str) -> None:
    try:
        keyring.set_password(SERVICE, user, value)
    except keyring.errors.KeyringError as exc:
        raise UserError("sync.keyring_failed", detail=str(exc)) from exc
