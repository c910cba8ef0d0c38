"""What becomes of a package at the street: the statuses recorded in ``sync_package`` and the
refusal that carries a held or refused package's reason."""

from __future__ import annotations

from typing import Any, Final

from redoffice.kit.errors import UserError

APPLIED: Final = "applied"
DUPLICATE: Final = "duplicate"
HELD: Final = "held"
REFUSED: Final = "refused"
SENT: Final = "sent"
CHUNK: Final = 500  # rows read, decoded or written at a time


class Refused(Exception):
    """A package turned away (``status`` refused or held) with its reason in words."""

    def __init__(self, status: str, error: UserError) -> None:
        super().__init__(error.text)
        self.status = status
        self.error = error


def refuse(code: str, **params: Any) -> Refused:
    return Refused(REFUSED, UserError(code, **params))


def hold(code: str, **params: Any) -> Refused:
    return Refused(HELD, UserError(code, **params))
