"""Messages shared by every feature: validation, ID numbers, dates, the CLI, jobs, printing."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, str]] = {
    "validation_failed": "有 {count} 处填写有误",
    "required": "必须填写",
    "too_long": "不能超过 {max} 个字",
    "invalid_choice": "“{value}”不是有效选项",
    "invalid_date": "日期无效",
    "date_in_future": "不能晚于今天",
    "date_order": "结束日期不能早于开始日期",
    "time_order": "结束时间不能早于开始时间",
    "date.unreadable": "“{text}”不是日期，请写成 1965-03-12、1965.3.12、19650312 或 1965年3月12日",
    "date.no_such_day": "没有 {text} 这一天",
    "time.unreadable": "“{text}”不是时间，请写成 9:30 或 0930",
    "time.no_such_time": "没有 {text} 这个时刻（小时 0–23，分钟 0–59）",
    "id.length": "身份证号应为18位（或15位旧号码）",
    "id.format": "身份证号只能由数字和末位X组成",
    "id.checksum": "身份证号校验位错误，请核对每一位数字",
    "id.birth_date": "身份证号中的出生日期无效",
    "id.birth_future": "身份证号中的出生日期晚于今天",
    "id.birth_too_old": "身份证号中的出生年份早于1900年",
    "id.region": "身份证号前两位“{prefix}”不是有效的省级行政区代码",
    "id.legacy_invalid": "15位旧身份证号中的出生日期无效",
    "id.duplicate": "该身份证号已登记在居民“{name}”名下{where}",
    "id.other_grid": "该身份证号已登记在其他网格",  # to a 网格员, of a person they do not see
    "id.birth_mismatch": "出生日期与身份证号不一致（身份证号为 {expected}）",
    "id.gender_mismatch": "性别与身份证号不一致（身份证号为{expected}性）",
    "phone.invalid": "电话号码无效：手机号为1开头的11位数字，固话须带区号（如 010-65123456）",
    "record.not_found": "找不到该记录（可能已被删除）",
    "record.append_only": "已入账的记录不能修改或删除；如有差错，请登记冲正",
    "record.changed_elsewhere": "该记录已被其他人修改，请重新打开后再保存",
    "audit.head_missing": (
        "审计记录的链头在程序之外被删除了，为保护审计记录暂不能保存；"
        "请用“redoffice-cli audit verify”检查并联系技术支持"
    ),
    "operator.required": "请先设置经办人",
    "cli.unknown_value": "{field} 不能为“{value}”，可选：{choices}",
    "cli.staff_unknown": "找不到名为“{name}”的工作人员",
    "cli.staff_ambiguous": "有多名工作人员叫“{name}”，请在程序中选择",
    "cli.estate_unknown": "找不到名为“{name}”的小区",
    "cli.nothing_to_correct": "没有要修改的内容：请用 --title、--date、--estate 等指明修改项",
    "cli.fund_staff_needed": (
        "请用 {option} 指明经办的工作人员（当前经办人“{name}”不在工作人员名册中，或有重名）"
    ),
    "cli.fund_account_needed": "有 {count} 个在用的基金账户，请用 --account 指明账户",
    "cli.fund_entry_unknown": "台账中没有第“{entry}”笔（请给出台账序号或 ID）",
    "cli.fund_span": "起始日期 {start} 晚于截止日期 {end}",
    "cli.fund_objection_either": (
        "登记异议：fund objection 申请编号 --text 内容；处理异议：fund objection --resolve 异议ID"
    ),
    "cli.fund_verify_failed": "台账校验未通过：{problem}",
    "cli.fund_notice_unknown": "找不到公示“{notice}”（请给出公示编号或 ID）",
    "cli.fund_not_noticed": "该申请还没有公示",
    "cli.fund_not_paid": "该申请还没有发放记录（或已全部冲正）",
    "cli.fund_period_or_dates": "请用 --period 给出期间，或用 --from/--to 给出日期范围（二者选一）",
    "print.failed": "无法开始打印，请检查打印机是否可用",
    "job.cancelled": "已取消，没有打印或保存任何内容",
    "money.invalid": "金额无效，请填写数字（如 120 或 99.50）",
    "privacy.not_allowed": "当前登录账号的角色无权查看或导出完整的身份证号和电话",
    "privacy.subject_not_allowed": "当前登录账号的角色无权办理个人信息查询或删除，"
    "请由书记/管理员办理",
    "privacy.retention_none": "没有迁出或去世已满 {years} 年、尚未清除个人信息的居民",
}
