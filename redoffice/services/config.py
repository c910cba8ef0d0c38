"""Business settings stored in the ``setting`` table as JSON, with their defaults."""

from __future__ import annotations

import json
from typing import Any, Final

from sqlalchemy.orm import Session

from redoffice.models import Setting

MONTH, QUARTER, HALF_YEAR = 30, 91, 182

DEFAULTS: Final[dict[str, Any]] = {
    "visit.purposes": ["听民意", "讲政策", "解矛盾", "帮困难", "看病患", "常规走访"],
    "case.categories": [
        "物业服务",
        "环境卫生",
        "矛盾纠纷",
        "治安消防",
        "困难救助",
        "政策咨询",
        "设施维修",
        "其他",
    ],
    "case.normal_working_days": 5,
    # days between visits per special-group tag; "*" for every other household
    "visit.intervals": {
        "living_alone": MONTH,
        "empty_nester": MONTH,
        "very_elderly": MONTH,
        "subsistence": MONTH,
        "extreme_poverty": MONTH,
        "community_correction": MONTH,
        "disabled": QUARTER,
        "*": HALF_YEAR,
    },
}


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
