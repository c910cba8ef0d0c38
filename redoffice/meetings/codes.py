"""三方联席会议's code lists: the parties at the table, attendance, the states of a meeting and
of a resolution that is still open, and which party an organization in the registry speaks for."""

from __future__ import annotations

from datetime import date
from types import MappingProxyType
from typing import Final

PARTIES: Final = MappingProxyType(
    {
        "community": "社区党组织/居委会",
        "owners_committee": "业委会",
        "property": "物业服务企业",
        "street": "街道包保干部",
        "grid_worker": "网格员",
        "police": "片区民警",
        "resident_rep": "居民代表",
        "other": "其他",
    }
)

# the three parties whose representatives sign the minutes of a 三方联席会议, present or not
SIGNING_PARTIES: Final = ("community", "owners_committee", "property")

ATTENDANCE: Final = MappingProxyType({"present": "出席", "observer": "列席", "absent": "缺席"})

OPEN_RESOLUTION: Final = ("pending", "in_progress")

STATUSES: Final = MappingProxyType({"draft": "草稿", "final": "已定稿"})

ORG_PARTY: Final = MappingProxyType(
    {
        "property_company": "property",
        "owners_committee": "owners_committee",
        "street_department": "street",
        "partner_unit": "other",
    }
)


def status_label(status: str, cancelled_on: date | None) -> str:
    """草稿, 已定稿, or 已取消 for a draft called off."""
    return "已取消" if cancelled_on else STATUSES.get(status, status)
