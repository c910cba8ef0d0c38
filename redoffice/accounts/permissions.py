"""Who may do what: the one permission table every check reads (issue 16, decision 0027).

An account holds one role; :func:`allowed` answers whether that role holds a permission. A
database without accounts (or a session nobody logged into: the CLI without ``--user``, the
tests) has a single implicit administrator: :func:`permits` is true for everything then.
"""

from __future__ import annotations

from enum import Enum
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from redoffice.kit.db import Database


class Permission(Enum):
    REVEAL_ID = "reveal_id"  # a resident's full ID number on screen (audited)
    REVEAL_PHONE = "reveal_phone"  # a resident's full phone number on screen (audited)
    EXPORT_UNMASKED = "export_unmasked"  # exports and prints with full ID numbers and phones
    MANAGE_ACCOUNTS = "manage_accounts"  # add, reset, unlock, disable accounts
    MANAGE_SETTINGS = "manage_settings"  # the office's settings, backups, encryption
    EDIT_REGISTRY = "edit_registry"  # residents, households, visits, cases
    EDIT_MEETINGS = "edit_meetings"  # 三方联席会议: meetings, sign-in, minutes, resolutions
    EDIT_WISHES = "edit_wishes"  # 微心愿: rounds, wishes, claims, events; party members, services
    EDIT_BASE_DATA = "edit_base_data"  # 基础数据: grids, estates, organizations, the staff list
    ERASE_PERSONAL = "erase_personal"  # PIPL erasure and data-subject exports
    FUND_HANDLE = "fund_handle"  # 经办人: applications, income, 公示
    FUND_REVIEW = "fund_review"  # 审核人: 初审 and 审核
    FUND_ACCOUNT = "fund_account"  # 会计: 复核, 冲正, 结账
    FUND_PAY = "fund_pay"  # 出纳: 发放
    SYNC = "sync"  # export packages, import receipts (and at the street, packages)
    STREET_DECIDE = "street_decide"  # the street's 上级审批, replies and notices


ROLES: Final = MappingProxyType(
    {
        "admin": "书记/管理员",
        "worker": "社区工作者",
        "grid": "网格员",
        "accountant": "会计",
        "cashier": "出纳",
        "street_admin": "街道管理员",
        "street_staff": "街道工作人员",
    }
)
ADMIN_ROLES: Final = frozenset({"admin", "street_admin"})
STREET_ROLES: Final = frozenset({"street_admin", "street_staff"})  # the only ones at a street

_P = Permission
# EDIT_BASE_DATA is the administrators' alone: the staff list holds the 红色基金's roles
_EVERYTHING = frozenset(Permission)
_WORKER = frozenset(
    {_P.REVEAL_PHONE, _P.EDIT_REGISTRY, _P.EDIT_MEETINGS, _P.EDIT_WISHES, _P.FUND_HANDLE, _P.SYNC}
)
_TABLE: Final = MappingProxyType(
    {
        "admin": _EVERYTHING - {_P.FUND_ACCOUNT, _P.FUND_PAY, _P.STREET_DECIDE},
        "worker": _WORKER,
        # not meetings and wishes: neither is limited to their grids (decision 0027)
        "grid": frozenset({_P.REVEAL_PHONE, _P.EDIT_REGISTRY, _P.FUND_HANDLE}),
        "accountant": frozenset({_P.FUND_ACCOUNT}),
        "cashier": frozenset({_P.FUND_PAY}),
        "street_admin": _EVERYTHING - {_P.FUND_ACCOUNT, _P.FUND_PAY},
        # EDIT_REGISTRY: importing the communities' packages writes their registry copies
        "street_staff": frozenset({_P.REVEAL_PHONE, _P.EDIT_REGISTRY, _P.STREET_DECIDE, _P.SYNC}),
    }
)


def allowed(role: str, permission: Permission) -> bool:
    """Whether ``role`` (a key of :data:`ROLES`) holds ``permission``; an unknown role holds
    nothing."""
    return permission in _TABLE.get(role, frozenset())


def holders(permission: Permission, street: bool) -> list[str]:
    """The names of the roles holding ``permission`` at a street office (``street``) or a
    community, in :data:`ROLES`' order (what a disabled button's tooltip names)."""
    return [
        label
        for role, label in ROLES.items()
        if allowed(role, permission) and (role in STREET_ROLES) == street
    ]


def permits(db: Database, permission: Permission) -> bool:
    """Whether the person logged into ``db`` holds ``permission`` — always true while nobody
    is (a database without accounts, the CLI without ``--user``, the tests)."""
    return db.user is None or allowed(db.user.role, permission)
