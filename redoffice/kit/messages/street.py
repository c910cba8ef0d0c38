"""Messages of the street office's decisions, notices, scope and reports (issue 15)."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, str]] = {
    # issue 15: the street's decisions, replies and notices (redoffice/street/)
    "street.application_not_found": "没有找到救助申请“{ref}”",
    "street.case_not_found": "没有找到诉求“{ref}”",
    "street.ambiguous": "“{ref}”在多个社区都有（{communities}），请用记录编号（ID）指明",
    "street.not_awaiting": "申请 {number} 现在是“{status}”，不是待上级审批，不能审批",
    "street.already_decided": "申请 {number} 已经审批过，一份申请只审批一次",
    "street.not_escalated": "诉求 {number} 没有转街道，不能答复",
    "street.unknown_community": "没有登记名为“{name}”的社区（请用社区编号或节点编号）",
    "street.no_recipient": "请指定通知发给哪些社区（--to），或发给全部社区（--all）",
    "street.receipt_to": "请勾选要发回执的社区",
    "street.receipt_folder": "请选择回执保存到哪个文件夹（或插入U盘）",
    "street.no_package_yet": "{name}还没有发来过数据包，先导入它的数据包再发回执",
    "street.notice_not_found": "没有找到这条通知",
    "street.notice_done": "通知“{title}”已经完成过",
    "street.not_addressed": "回执里有一条不是发给本社区的记录（{table} {row}），回执无效",
    "street.decision_unknown": "街道的审批（{outcome}）对应的申请在本社区不存在，已保存、未执行",
    "street.decision_kept": (
        "街道对申请 {number} 的审批（{outcome}）已保存，但申请现在是“{status}”，没有改动"
    ),
    "street.reply_unknown": "街道（{department}）的答复对应的诉求在本社区不存在，答复已保存",
    "street.reply_note": "街道答复（承办部门：{department}）：{text}",
    # issue 15: the street's scope, figures and reports (redoffice/street/, cli/street.py)
    "street.period_invalid": (
        "“{period}”不是统计期间，请写成 2026-11（月）、2026Q4（季度）或 2026（年）"
    ),
    "street.period_kind": (
        "“{period}”不是{kind}的期间（月报写 2026-11，季报写 2026Q4，年报写 2026）"
    ),
    "street.community_street_only": (
        "--community 只能在街道办的数据库中使用：本数据库是社区的，只有本社区的数据"
    ),
    "street.report_format": "报表文件“{name}”应以 .xlsx（Excel）或 .pdf 结尾",
}
