"""Messages of accounts, login and roles (issue 16)."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, str]] = {
    # issue 16: accounts and login (redoffice/accounts/)
    "account.login_required": "请填写登录名",
    "account.login_taken": "登录名“{login}”已被使用",
    "account.not_found": "没有登录名为“{login}”的账号",
    "account.password_short": "密码至少 {min} 位",
    "account.password_mismatch": "两次输入的密码不一致，请重新输入",
    "account.first_admin": "第一个账号必须是书记/管理员（或街道管理员）",
    "account.not_allowed": "当前登录账号的角色无权管理账号，请由书记/管理员办理",
    "account.disable_self": "不能停用自己正在使用的账号",
    "account.last_admin": "这是最后一个可用的管理员账号，不能停用",
    "account.wrong_password_unknown": "登录名或密码不正确",
    "account.wrong_password": "登录名或密码不正确，还可以再试 {left} 次，之后账号将锁定 5 分钟",
    "account.locked": (
        "连续 5 次密码错误，账号已锁定：请 {wait}后再试（{until} 解锁），或请管理员解锁"
    ),
    "account.login_needed": (
        "这个数据库已设置登录账号，请用 --user 登录名 登录"
        "（密码在提示时输入或放在环境变量 REDOFFICE_PASSWORD 中）"
    ),
    "account.no_password": "请输入密码（或设置环境变量 {env}）",
    "account.no_terminal": (
        "无法在这里输入密码（没有终端，或输入已结束），未保存任何更改："
        "请把密码放在环境变量 {env} 中"
    ),
    "account.edit_not_allowed": "当前登录账号（{name}，{role}）无权修改住户、居民、走访和民情诉求",
    "account.street_roles_only": (
        "这是街道办的数据库，{role}是社区的角色：街道办只能使用街道管理员或街道工作人员的账号"
    ),
    "account.community_roles_only": (
        "这是社区的数据库，{role}是街道办的角色：社区只能使用社区的角色（书记/管理员、社区工作者、网格员、会计、出纳）"
    ),
    "account.grid_needs_staff": "网格员账号须对应一名工作人员（其所在或负责的网格）",
    "account.grid_no_staff": (
        "账号“{login}”是网格员，但未关联工作人员，看不到任何网格："
        "请书记/管理员在 设置 → 账号 中关联"
    ),
    "account.staff_no_grid": (
        "工作人员“{staff}”不属于也不负责任何网格，网格员账号看不到任何居民："
        "请先在 基础数据 → 工作人员 中给其指定网格（或在 基础数据 → 网格 中设为网格长），"
        "或选择其他角色"
    ),
    "account.grid_no_grid": (
        "账号“{login}”是网格员，但对应的工作人员“{staff}”未负责任何网格，看不到任何居民："
        "请书记/管理员在 设置 → 账号 中处理"
    ),
    "account.last_admin_role": (
        "“{login}”是最后一个可用的管理员账号，不能改为其他角色：请先给另一个账号管理员角色"
    ),
    "account.records_not_allowed": "当前登录账号（{name}，{role}）无权办理{what}，请由{who}办理",
    "account.outside_grids": "{name}是网格员，只能修改本人网格内的住户、居民、走访和民情诉求",
    "account.settings_not_allowed": (
        "当前登录账号（{name}，{role}）无权修改本单位的设置，请由书记/管理员办理"
    ),
}
