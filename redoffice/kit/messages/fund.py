"""Messages of the hardship fund (红色基金)."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, str]] = {
    # 红色基金
    "fund.period_invalid": (
        "“{period}”不是会计期间，请写成 2026Q3（季度）、2026H1（半年）或 2026（年度）"
    ),
    "fund.role_missing": (
        "{name} 没有“{role}”的基金角色，不能办理这一步（角色在工作人员信息中登记）"
    ),
    "fund.period_closed": (
        "{day} 在已结账的期间 {period} 内，不能再记账（更正请在以后的日期记冲正）"
    ),
    "fund.over_balance": "账户余额只有 {balance} 元，支出 {amount} 元后将为负数，不能记账",
    "fund.amount_sign": "金额方向与类别不符：收入应为正数，支出应为负数",
    "fund.already_reversed": "第 {number} 笔已经冲正过，一笔账只能冲正一次",
    "fund.reverse_reversal": "第 {number} 笔本身是冲正记录，不能再冲正",
    "fund.reversal_amount": "冲正金额必须与被冲正的第 {number} 笔金额相反",
    "fund.reversal_target": "冲正记录必须指明被冲正的那一笔",
    "fund.reverse_before": "冲正日期不能早于被冲正的第 {number} 笔的日期 {day}",
    "fund.period_not_ended": "期间 {period} 到 {ends} 才结束，结束后才能结账",
    "fund.period_already_closed": "期间 {period} 已于 {on} 结账，不能重复结账",
    "fund.account_inactive": "账户“{name}”已停用，不能再记账",
    "fund.account_name_taken": "已有名为“{name}”的基金账户（可能在回收站中）",
    "fund.charity_holder": "社区慈善基金须填写托管的慈善组织（居委会不能作为募捐主体）",
    "fund.amount_zero": "金额不能为 0",
    "fund.verify.ok": "台账完整：共 {count} 笔，校验值、连续编号和余额均无误",
    "fund.verify.changed": "第 {number} 笔的内容被改动过（与记账时的校验值不符）",
    "fund.verify.removed": "第 {number} 笔账目缺失（被删除）",
    "fund.verify.deleted": "第 {number} 笔被标记为删除（台账只能冲正，不能删除）",
    "fund.verify.duplicate": "第 {number} 笔编号重复，有账目不是由本系统记入的",
    "fund.verify.inserted": "第 {number} 笔不是由本系统记入的（记账记录中没有这一笔）",
    "fund.verify.unlinked": "第 {number} 笔与前一笔衔接不上：其前有账目被删除、插入或改动",
    "fund.verify.balance": "第 {number} 笔的余额不对（与前面各笔累计不符或为负数）",
    "fund.verify.last_removed": "第 {number} 笔（最后一笔）账目缺失（被删除）",
    "fund.verify.head": "第 {number} 笔起的账目与记账记录不符：有账目被改写或不是由本系统记入的",
    "fund.verify.close_changed": (
        "已结账期间 {period} 的账目被改动过（截至第 {number} 笔的校验值不符）"
    ),
    "fund.verify.close_deleted": "期间 {period} 的结账记录被删除（结账不能撤销）",
    "fund.verify.closes": "结账记录与记账记录不符：有结账被删除、改动或不是由本系统记入的",
    "fund.verify.after_close": "第 {number} 笔日期在已结账期间 {period} 内，是结账后补记的",
    "fund.operator_not_staff": (
        "当前操作员“{name}”不在工作人员名单中（或有重名），不能办理基金事务："
        "请在“基础数据 › 工作人员”中登记并勾选基金角色"
    ),
    # 红色基金: applications, 公示, payment (fund.applications, fund.rules)
    "fund.application_not_found": "找不到该基金申请（可能已被删除）",
    "fund.applicant_not_found": "找不到申请人（居民或党员可能已被删除）",
    "fund.account_not_found": "找不到该基金账户（可能已被删除）",
    "fund.amount_positive": "金额必须大于 0",
    "fund.transition_refused": "申请当前为“{old}”，不能{step}",
    "fund.before_applied": "{step}日期不能早于申请日期",
    "fund.objection_not_on_notice": "申请当前为“{status}”，只有公示中的申请才能登记或处理异议",
    "fund.objection_not_found": "找不到该异议（可能已被删除）",
    "fund.objection_resolved": "该异议已经处理过",
    "fund.resolved_before_received": "处理日期不能早于收到异议的日期",
    "fund.rule.over_balance": (
        "违反“支出不超过账户余额”：账户余额 {balance} 元，不能支出 {amount} 元"
    ),
    "fund.rule.over_approved": (
        "违反“发放金额不超过批准金额”：批准 {approved} 元，不能发放 {amount} 元"
    ),
    "fund.rule.over_asked": "违反“批准金额不超过申请金额”：申请 {asked} 元，不能批准 {amount} 元",
    "fund.rule.yearly_cap": (
        "违反“每人每年救助上限”：{year} 年已发放 {paid} 元，再发 {amount} 元将超过上限 {cap} 元"
    ),
    "fund.rule.repeat": (
        "违反“{months} 个月内不重复救助”：上次发放在 {last}，{until} 前再次申请须填写特殊情况说明"
    ),
    "fund.rule.entered_by_approves": "违反“录入人不审批”：{name} 录入了这份申请，不能审核它",
    "fund.rule.accountant_is_cashier": "违反“会计出纳分设”：{name} 不能既当出纳又当会计",
    "fund.rule.own_household": (
        "违反“本人及家庭回避”：申请人是 {name} 本人或其家庭成员，{name} 不能办理这一步"
    ),
    "fund.rule.notice_not_ended": "违反“公示期满方可发放”：公示到 {ends} 结束，期满后才能发放",
    "fund.rule.repeat_pay": (
        "违反“{months} 个月内不重复救助”：该申请人上次获发放在 {last}，{until} 前再次发放须在申请中"
        "填写特殊情况说明（可撤回后重新申请并说明）"
    ),
    "fund.rule.over_balance_on": (
        "违反“支出不超过账户余额”：按记账日期，{day} 及以后账户可支出的余额只有 {balance} 元，"
        "不能支出 {amount} 元（之后才到账的钱，当日还不能支出）"
    ),
    "fund.before_previous_step": "{step}日期 {day} 不能早于申请 {number} 上一步的日期 {last}",
    "fund.objection_before_notice": "收到异议的日期 {day} 早于公示开始的日期 {starts}",
    "fund.amount_too_large": "金额过大，不能超过 {max} 元",
    "fund.rule.checker_is_handler": "违反“经办与复核分设”：{name} 不能复核自己经办的账目",
    "fund.rule.higher_over_approved": (
        "上级审批金额 {amount} 元不能高于社区党组织审核批准的 {approved} 元"
    ),
    "fund.rule.objection_open": (
        "违反“异议未处理不得发放”：有 {count} 条异议尚未处理或异议成立，不能发放"
    ),
    "fund.rule.notice_backdated": (
        "违反“公示自登记之日起算”：公示开始日期 {day} 早于今天 {today}，"
        "补录以前已张贴的公示须填写补录原因"
    ),
    "fund.rule.notice_phone_missing": (
        "违反“公示须公布监督电话”：请填写监督电话（设置中也没有默认的监督电话）"
    ),
    "fund.rule.reviewer_is_entrant": "违反“录入人不初审”：{name} 录入了这份申请，不能初审它",
    "fund.rule.approver_is_reviewer": (
        "违反“两级审核由两人办理”：{name} 已初审这份申请，不能再审核它"
    ),
    "fund.rule.reject_reason": "违反“不予批准须说明理由”：请在意见中写明不予批准的理由",
    "fund.rule.withdraw_reason": "违反“撤回须说明原因”：请在意见中写明撤回的原因",
    "fund.voucher_taken": "凭证号 {voucher} 已用于第 {number} 笔（{day}），同一凭证号不能再记一笔",
    # 红色基金: papers (fund.documents)
    "fund.doc.not_income": "第 {number} 笔不是捐赠收入，没有捐赠收据",
    "fund.doc.not_payment": "第 {number} 笔不是救助发放，没有发放签收单",
    "fund.doc.below_honour": "第 {number} 笔捐赠 {amount} 元，不足 {honour} 元，不发荣誉证书",
    "fund.doc.no_period": "请选择台账的期间或起止日期",
    "fund.account_no_staff": (
        "账号“{name}”未关联工作人员，不能办理红色基金事务；请管理员在 设置 → 账号 中关联"
    ),
    "fund.step_not_allowed": "当前登录账号（{name}，{role}）无权办理“{step}”",
    "fund.step_as_other": "当前登录的是{name}，不能以{staff}的名义办理；请{staff}用本人账号登录",
}
