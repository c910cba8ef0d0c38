"""Chinese wording of every user-facing error code and field name (CLI and GUI share it).

The wording lives in one module per area (``common``, ``work``, ``storage``, ``fund``, ``sync``,
``accounts``, ``street``; field names in ``fields``); ``MESSAGES`` is their union, and a code
may be defined in one area only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from redoffice.kit.messages import accounts, common, fund, storage, street, sync, work
from redoffice.kit.messages.fields import FIELDS

__all__ = ["FIELDS", "MESSAGES", "message"]


def _union(*areas: Mapping[str, str]) -> dict[str, str]:
    merged: dict[str, str] = {}
    for area in areas:
        twice = merged.keys() & area.keys()
        if twice:
            raise ValueError(f"message codes defined in two areas: {sorted(twice)}")
        merged.update(area)
    return merged


MESSAGES: Final[dict[str, str]] = _union(
    common.MESSAGES,
    work.MESSAGES,
    storage.MESSAGES,
    fund.MESSAGES,
    sync.MESSAGES,
    accounts.MESSAGES,
    street.MESSAGES,
)


def message(code: str, /, **params: Any) -> str:
    """The Chinese text for ``code`` (a field name for ``field.<name>``), never raising."""
    if code.startswith("field."):
        return FIELDS.get(code[6:], code[6:])
    template = MESSAGES.get(code)
    if template is None:
        return code
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
