"""Defaults of the business settings (``services.config`` stores changes in the ``setting``
table). Kept apart so that low-level modules can read them without importing the services."""

from __future__ import annotations

from typing import Any, Final

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
    "meeting.types": ["三方联席会议", "居民议事会", "党建联席会议"],
    "attachment.max_mb": 20,
    "wish.value_cap_yuan": 500,  # a product choice (domain.md §1.2), not a rule
    "wish.contact_days": 7,
    # 红色基金 (issue 13)
    "fund.higher_approval_yuan": 3000,  # above it the 上级 (街道) approves too
    "fund.notice_working_days": 7,  # 公示期
    "fund.yearly_cap_yuan": 5000,  # paid to one person in a calendar year
    "fund.repeat_months": 12,  # no help again within this many months of the last payment
    "fund.honour_yuan": 5000,  # 荣誉证书 for a donation of at least this much
    "fund.supervision_phone": "",  # 监督电话 on the 公示; empty: the community's phone
    # PIPL: residents moved out or deceased this many years are offered for erasure
    "privacy.retention_years": 3,
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
