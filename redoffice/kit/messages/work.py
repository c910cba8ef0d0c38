"""Messages of the community's daily work: registry, import, visits, cases, meetings, wishes."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, str]] = {
    "grid.code_duplicate": "网格编码“{code}”已被“{name}”使用",
    "household.head_exists": "该户已有户主“{name}”",
    "household.not_found": "找不到该户（可能已被删除）",
    "resident.not_found": "找不到该居民（可能已被删除）",
    "resident.same_household": "该居民已在此户中",
    "resident.status_invalid": "“{status}”不是有效的人员状态",
    "tag.unknown": "未知的人群类别“{tag}”",
    "community.not_initialized": "数据库尚未初始化，请先设置社区信息（redoffice-cli init）",
    "community.already_initialized": "数据库已初始化（社区：{name}）",
    "community.code_digits": "应为{digits}位数字的统计用区划代码，“{value}”不是",
    "community.code_province": "前两位“{prefix}”不是有效的省级区划代码",
    "community.street_not_prefix": "街道代码应为社区代码的前9位（{prefix}）",
    "calendar.bad_lines": "节假日清单有 {count} 行无法读取，未导入任何日期：\n{lines}",
    "calendar.empty": "节假日清单中没有日期（每行如：2027-01-01,元旦,休）",
    "calendar.cannot_read": "无法读取文件 {path}：{detail}",
    "calendar.line_date": "第{line}行：“{value}”不是有效日期（应如 2027-01-01 或 2027年1月1日）",
    "calendar.line_kind": "第{line}行：缺少“休”或“班”（放假写“休”，调休上班写“班”）",
    "calendar.line_range": "第{line}行：结束日期早于开始日期，或跨度超过31天",
    "calendar.line_twice": "第{line}行：{day} 在第{first}行已列为“{kind}”",
    "calendar.line_name": "第{line}行：名称不能超过32个字",
    "calendar.line_notice": "第{line}行：“{name}”中找不到放假的日期",
    "case.not_found": "找不到该诉求（可能已被删除）",
    "case.transition_refused": "诉求当前为“{old}”，不能改为“{new}”",
    "case.finished": "诉求 {number} 已回访，办理完毕；如需补充，请添加进展说明",
    "case.resolution_note": "办结须填写说明：问题是怎样解决的",
    "case.satisfaction_required": "回访时必须选择满意度（满意、基本满意或不满意）",
    "visit.visitor_required": "至少选择一名走访人",
    "visit.purpose_unknown": "“{value}”不在走访目的列表中",
    "settings.range": "应为 {min} 到 {max} 之间的整数",
    "settings.list_empty": "至少保留一项",
    "settings.duplicate": "“{value}”重复",
    "meeting.not_found": "找不到该会议（可能已被删除）",
    "meeting.notice_after": "通知日期不能晚于会议日期",
    "meeting.attendee_name": "第 {row} 位参会人员没有填写姓名",
    "meeting.attendee_party": "第 {row} 位参会人员的所属方或出席情况无效",
    "meeting.item_title": "第 {row} 个议题没有填写标题",
    "meeting.resolution_text": "第 {item} 个议题的第 {row} 条议定事项没有填写内容",
    "meeting.resolution_party": "第 {item} 个议题的第 {row} 条议定事项没有选择责任方",
    "meeting.resolution_deadline": "第 {item} 个议题的第 {row} 条议定事项没有填写完成时限",
    "meeting.resolution_followed": "议定事项 {number} 已有落实记录，不能删除（可改为“已取消”）",
    "meeting.revision_reason": "会议纪要已定稿，修改须填写修订原因",
    "meeting.already_final": "会议纪要已经定稿",
    "meeting.no_items": "会议还没有议题，不能定稿",
    "meeting.final_fixed": (
        "会议 {number} 的纪要已定稿，会议不能再修改或取消（纪要可填写修订原因后修改）"
    ),
    "meeting.cancelled": "会议 {number} 已取消，不能再修改或编辑纪要",
    "meeting.cancelled_no_papers": "会议 {number} 已取消，没有会议纪要或签到表可打印",
    "wish.not_found": "找不到该心愿（可能已被删除）",
    "wish.not_editable": "心愿当前为“{status}”，登记内容只能在发布前修改",
    "wish.over_cap": "估价超过上限 {cap} 元，不能登记（上限可在设置中调整）",
    "wish.group_not_tagged": "心愿人没有这个人群类别，请先在居民信息中登记",
    "wish.group_required": "请选择人群类别（心愿人属于：{groups}）",
    "wish.transition_refused": "心愿当前为“{old}”，不能{step}",
    "wish.no_round": "还没有开启批次，请先开启一个批次再发布",
    "wish.round_before_current": "新批次的开始日期不能早于当前批次“{name}”",
    "wish.round_not_found": "找不到批次“{name}”",
    "wish.no_consent": "心愿人尚未同意公开心愿（个人信息保护法第二十五条），不能发布",
    "wish.no_guardian_consent": (
        "心愿人未满14周岁（{age}岁），须先登记监护人同意（个人信息保护法第三十一条）"
    ),
    "wish.no_claimer": "请选择认领的党员或共建单位",
    "wish.already_claimed": "该心愿已由“{claimer}”认领，一个心愿只能有一个有效认领",
    "wish.no_live_claim": "该心愿当前为“{status}”，没有有效的认领",
    "wish.contact_before_claim": "对接日期不能早于认领日期",
    "wish.fulfil_before_claim": "兑现日期不能早于认领日期",
    "member.not_found": "找不到该党员（可能已被删除）",
    "member.not_partner_unit": "所选单位不是共建单位",
    "member.hours_range": "服务时长应在 0.25 到 24 小时之间",
    "resolution.not_found": "找不到该议定事项（可能已被删除）",
    "resolution.closed": "该议定事项已{status}，不能再添加进展",
    "resolution.transition_refused": "议定事项当前为“{old}”，不能改为“{new}”",
    "import.unsupported": "不支持文件“{name}”：请选择 Excel（.xlsx、.xls）、WPS 表格或 CSV 文件",
    "import.unreadable": "无法读取文件“{name}”（文件可能已损坏或正被其他程序占用）：{detail}",
    "import.too_big.unpacked": (
        "工作簿“{name}”解压后有 {found} 字节，超过导入上限 {bound} 字节，未读取："
        "请删去多余的工作表和空行空列后另存，或分成几个文件导入"
    ),
    "import.too_big.strings": (
        "工作簿“{name}”中的文字共 {found} 字节，超过导入上限 {bound} 字节，未读取："
        "请检查是否有异常长的单元格，或分成几个文件导入"
    ),
    "import.too_big.cells": (
        "工作簿“{name}”的工作表有 {found} 个单元格（行数×列数），超过导入上限 {bound} 个，未读取："
        "请删去多余的空行空列后另存，或分成几个文件导入"
    ),
    "import.encoding": "无法识别文件“{name}”的文字编码：请另存为 UTF-8 或 GBK 编码的 CSV",
    "import.no_sheet": "工作簿中没有名为“{name}”的工作表，现有：{sheets}",
    "import.no_header": "找不到表头：前 20 行中没有“姓名”“身份证号”等列名",
    "import.no_name_column": "没有找到“姓名”列，请在列对应中指定",
    "import.no_household_column": "选择了按户号分户，但没有找到“户号”列，请在列对应中指定",
    "import.has_failures": "有 {count} 行不能导入；选择了“全部成功才导入”，因此没有导入任何数据",
    "import.mapping_file": "无法读取列对应文件 {path}：{detail}",
    "import.cancelled": "导入已取消，没有写入任何数据",
    "import.row_refused": "第 {row} 行不能导入：{detail}",
    "import.registered_since": (
        "第 {rows} 行的身份证号在预览之后已登记为其他居民（有人同时录入或导入了同一人）："
        "一个身份证号只能登记一位居民，本次导入未写入任何内容；请重新预览后再导入"
    ),
    "import.outside_grids": (
        "第 {rows} 行的住户属于“{grid}”，不在{name}负责的网格内：网格员只能导入本人网格的"
        "住户和居民，本次导入未写入任何内容；请删去这些行，或请社区工作者导入"
    ),
    "registry.erase_reason": "请填写清除个人信息的原因（如：本人申请删除）",
    "registry.erased": "这位居民的个人信息已经清除过",
    "registry.erase_fund_open": "不能清除：这位居民的红色基金救助申请 {number} 尚未办结，"
    "按《社会救助暂行办法》须办结归档后才能清除个人信息",
    "registry.erase_correction": "不能清除：这位居民正在社区矫正期内，"
    "按《中华人民共和国社区矫正法》须保留其档案，矫正期满后才能清除个人信息",
}
