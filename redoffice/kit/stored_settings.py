"""Settings stored in the ``setting`` table as JSON, read with their defaults: the one way every
layer (kit's backups as well as the features' settings) reads and writes a stored setting."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from redoffice.kit.defaults import DEFAULTS
from redoffice.models import Setting


def get_value(s: Session, key: str) -> Any:
    """The stored value, else the default (None when there is neither)."""
    row = s.get(Setting, key)
    if row is None:
        return DEFAULTS.get(key)
    return json.loads(row.value)


def put_value(s: Session, key: str, value: Any) -> None:
    """Store ``value``; writes nothing (and so no audit row) when it is unchanged."""
    encoded = json.dumps(value, ensure_ascii=False)
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=encoded))
    elif row.value != encoded:
        row.value = encoded
