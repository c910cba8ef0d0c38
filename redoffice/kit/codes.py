"""Domain code lists: stored code -> Chinese label (see docs/glossary.md).

Codes are stable English identifiers stored in the database; labels are what users read on
screens, in exports and on printed forms.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

Labels = MappingProxyType[str, str]

GENDERS: Final = MappingProxyType({"male": "男", "female": "女"})

# 与户主关系, census codes (七普短表).
RELATIONS: Final = MappingProxyType(
    {
        "0": "户主",
        "1": "配偶",
        "2": "子女",
        "3": "父母",
        "4": "岳父母或公婆",
        "5": "祖父母",
        "6": "媳婿",
        "7": "孙子女",
        "8": "兄弟姐妹",
        "9": "其他",
    }
)
HEAD_OF_HOUSEHOLD: Final = "0"
# the name an erased person's records carry (PIPL; registry.erasure, the fund's ledger)
ERASED_NAME: Final = "（已清除）"

POLITICAL_STATUSES: Final = MappingProxyType(
    {
        "party_member": "中共党员",
        "probationary_party_member": "中共预备党员",
        "youth_league_member": "共青团员",
        "democratic_party_member": "民主党派成员",
        "non_partisan": "无党派人士",
        "masses": "群众",
    }
)
PARTY_STATUSES: Final = frozenset({"party_member", "probationary_party_member"})

RESIDENCE_TYPES: Final = MappingProxyType(
    {"registered": "户籍人口", "floating": "流动人口", "overseas": "境外人员"}
)

# 人户状态
HOUSEHOLD_STATUSES: Final = MappingProxyType(
    {
        "consistent": "人户一致",
        "person_without_hukou": "人在户不在",
        "hukou_without_person": "户在人不在",
    }
)

RESIDENT_STATUSES: Final = MappingProxyType(
    {"active": "在册", "moved_out": "已迁出", "deceased": "已去世"}
)

ORGANIZATION_KINDS: Final = MappingProxyType(
    {
        "property_company": "物业服务企业",
        "owners_committee": "业主委员会",
        "partner_unit": "共建单位",
        "street_department": "街道部门",
    }
)

STAFF_ROLES: Final = MappingProxyType({"community_worker": "社区工作者", "grid_worker": "网格员"})

# who went on a visit (入户走访)
VISIT_ROLES: Final = MappingProxyType(
    {"staff": "走访人", "party_member": "党员", "volunteer": "志愿者"}
)

# a line of a 民情诉求's timeline
CASE_EVENT_KINDS: Final = MappingProxyType(
    {
        "created": "受理",
        "transition": "办理",
        "reopened": "重新办理",
        "note": "进展",
        "escalated": "上报街道",
    }
)

# where a meeting's 议题 came from
AGENDA_SOURCES: Final = MappingProxyType(
    {"new": "新议题", "case": "民情诉求", "carried": "上次议定事项"}
)

# 微心愿 认领
CLAIM_STATUSES: Final = MappingProxyType(
    {"live": "有效", "cancelled": "已取消", "fulfilled": "已兑现"}
)

# 特殊人群 tags: dated, several per resident.
TAGS: Final = MappingProxyType(
    {
        "living_alone": "独居老人",
        "empty_nester": "空巢老人",
        "very_elderly": "高龄",
        "disabled": "残疾人",
        "subsistence": "低保户",
        "extreme_poverty": "特困",
        "needy_party_member": "困难党员",
        "left_behind_child": "留守儿童",
        "veteran": "退役军人",
        "community_correction": "社区矫正",
        "disabled_elderly": "失能老人",
        "needy_child": "困境儿童",
    }
)

ETHNIC_GROUPS: Final = [
    "汉族",
    "蒙古族",
    "回族",
    "藏族",
    "维吾尔族",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
    "其他",
    "外国血统",
]


def label(codes: Labels, code: str | None) -> str:
    """The Chinese label of a code, or the code itself when unknown (never raises)."""
    if code is None:
        return ""
    return codes.get(code, code)


def code_for(codes: Labels, text: str) -> str | None:
    """The code whose label or code equals ``text`` (used by the CLI and importers)."""
    text = text.strip()
    if text in codes:
        return text
    return next((code for code, name in codes.items() if name == text), None)
