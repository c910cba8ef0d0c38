"""The person logged into a :class:`~redoffice.kit.db.Database` (``db.user``; issue 16).

``None`` — the default — is the single implicit administrator of a database without accounts,
and of the CLI and the tests until someone logs in. ``redoffice.accounts`` fills it in at login;
the kit only carries it: the audit's operator (``db.actor``) and a 网格员's read scope
(:mod:`redoffice.kit.scope`) come from it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

SESSION_KEY: Final = "user"  # where a unit of work's session carries the logged-in person


@dataclass(frozen=True)
class User:
    account_id: str
    login: str
    name: str  # the operator written into every audit entry of this person's changes
    role: str  # a key of redoffice.accounts.permissions.ROLES
    staff_id: str | None
    grids: frozenset[str] | None  # the grids whose households this person sees; None: all
