"""The fund's codes and their Chinese labels (code → label)."""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

SOURCES: Final = MappingProxyType(
    {
        "fiscal": "财政拨款",
        "party_fee": "留存党费/代管党费划拨",
        "party_donation": "党内捐款",
        "social_donation": "社会捐赠",
        "other": "其他",
    }
)
USES: Final = MappingProxyType(
    {
        "relief": "困难救助",
        "startup": "创业帮扶",
        "model_care": "典型关爱",
        "commendation": "表彰奖励",
        "position_building": "阵地建设",
    }
)
HARDSHIPS: Final = MappingProxyType(
    {"illness": "病", "disaster": "灾", "accident": "事故", "other": "其他"}
)
ACCOUNT_KINDS: Final = MappingProxyType(
    {"special": "专户", "party_fee": "党费专项科目", "charity": "社区慈善基金"}
)
DONOR_KINDS: Final = MappingProxyType(
    {"person": "个人", "party_member": "党员", "unit": "单位", "anonymous": "匿名"}
)
PAY_METHODS: Final = MappingProxyType({"cash": "现金", "bank": "银行转账", "in_kind": "实物"})
PAY_PLACES: Final = MappingProxyType({"home": "上门发放", "office": "社区发放"})
ROLES: Final = MappingProxyType(
    {"handler": "经办人", "reviewer": "审核人", "accountant": "会计", "cashier": "出纳"}
)
STATUSES: Final = MappingProxyType(
    {
        "applied": "待初审",
        "reviewed": "待审核",
        "pending_higher": "待上级审批",
        "approved": "待公示",
        "on_notice": "公示中",
        "paid": "已发放",
        "rejected": "不予批准",
        "withdrawn": "已撤回",
    }
)
ENTRY_KINDS: Final = MappingProxyType({"income": "收入", "payment": "支出", "reversal": "冲正"})
# the sources whose every entry gets a 捐赠收据 number
DONATIONS: Final = frozenset({"party_donation", "social_donation"})
