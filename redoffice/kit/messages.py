"""Chinese wording of every user-facing error code and field name (CLI and GUI share it)."""

from __future__ import annotations

from typing import Any, Final

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
    "grid.code_duplicate": "网格编码“{code}”已被“{name}”使用",
    "household.head_exists": "该户已有户主“{name}”",
    "household.not_found": "找不到该户（可能已被删除）",
    "resident.not_found": "找不到该居民（可能已被删除）",
    "record.not_found": "找不到该记录（可能已被删除）",
    "record.append_only": "已入账的记录不能修改或删除；如有差错，请登记冲正",
    "record.changed_elsewhere": "该记录已被其他人修改，请重新打开后再保存",
    "resident.same_household": "该居民已在此户中",
    "resident.status_invalid": "“{status}”不是有效的人员状态",
    "tag.unknown": "未知的人群类别“{tag}”",
    "community.not_initialized": "数据库尚未初始化，请先设置社区信息（redoffice-cli init）",
    "community.already_initialized": "数据库已初始化（社区：{name}）",
    "community.code_digits": "应为{digits}位数字的统计用区划代码，“{value}”不是",
    "community.code_province": "前两位“{prefix}”不是有效的省级区划代码",
    "community.street_not_prefix": "街道代码应为社区代码的前9位（{prefix}）",
    "db.too_new": "该数据库由更新版本的 RedOffice 创建（数据库版本 {found}），请升级本软件后再打开",
    "db.too_new_release": (
        "该数据库已由 RedOffice {needed} 打开并升级（数据库版本 {found}），"
        "本软件版本过旧，请安装 RedOffice {needed} 或更新版本后再打开；数据库未改动"
    ),
    "db.cannot_open": "无法打开数据库：{detail}",
    "db.not_a_database": (
        "无法打开数据库：该文件不是 RedOffice 数据库，或已损坏，或已加密而本机没有它的密钥；"
        "未作任何修改"
    ),
    "db.busy": "另一项操作正在进行，请稍后再试（本次操作未保存任何内容）",
    "db.read_only": (
        "数据库文件是只读的（文件属性或所在文件夹不允许写入），本次操作未保存任何内容；"
        "请检查文件权限，或把数据库复制到可写的文件夹"
    ),
    "db.disk_full": "磁盘空间已满，本次操作未保存任何内容；请清理磁盘空间后再试",
    "db.not_found": (
        "找不到数据库文件 {path}：请检查路径是否写错；新建数据库请用“redoffice-cli init”"
        "或首次启动时的设置，未创建任何文件"
    ),
    "db.empty_file": (
        "文件 {path} 是空的（0 字节），不是 RedOffice 数据库，为避免误用未作任何修改；"
        "新建数据库请用“redoffice-cli init”或首次启动时的设置"
    ),
    "db.no_tables": (
        "文件 {path} 是一个没有任何表的空 SQLite 数据库，不是 RedOffice 数据库，未作任何修改；"
        "新建数据库请用“redoffice-cli init”或首次启动时的设置"
    ),
    "audit.head_missing": (
        "审计记录的链头在程序之外被删除了，为保护审计记录暂不能保存；"
        "请用“redoffice-cli audit verify”检查并联系技术支持"
    ),
    "db.not_redoffice": "该文件不是 RedOffice 数据库（其中已有其他数据表），为避免损坏未作任何修改",
    "db.key_missing": (
        "数据库 {path} 已加密，本机的系统密钥库中没有它的密钥（可能是从别的电脑复制来的）。"
        "请用保险柜中恢复密钥单上的恢复密钥解锁（打开时输入，或 redoffice-cli db unlock "
        "--recovery-key）；数据库未改动"
    ),
    "db.key_wrong": (
        "密钥不对，打不开加密的数据库 {path}。请用保险柜中恢复密钥单上的恢复密钥解锁；数据库未改动"
    ),
    "db.passphrase_needed": (
        "这台电脑没有可用的系统密钥库，加密数据库 {path} 要用口令打开（或加密），"
        "请输入口令（命令行可设置环境变量 REDOFFICE_DB_PASSPHRASE）"
    ),
    "db.passphrase_short": "数据库口令至少要 {min} 位",
    "db.passphrase_mismatch": "两次输入的数据库口令不一致，数据库未加密；请重新操作",
    "db.sheet_needed": "请指定恢复密钥单的保存位置（--recovery-sheet，例如U盘上的文件）",
    "db.sheet_beside_database": (
        "恢复密钥单不能保存在数据库所在的文件夹 {folder} 里（电脑丢失时会被一起拿走）；"
        "请保存到U盘等别处，打印后封存于保险柜，再删除电子文件"
    ),
    "db.key_not_typed": "请输入恢复密钥单上的恢复密钥，或加密时设置的数据库口令",
    "db.recovery_key_invalid": (
        "恢复密钥有误：应为 14 组、每组 4 位的数字和字母，请对照恢复密钥单逐组核对"
    ),
    "db.recovery_key_wrong": (
        "恢复密钥不对（格式正确，但不能打开此数据库）：请对照恢复密钥单逐组核对，"
        "并确认这张恢复密钥单属于此数据库；数据库未改动"
    ),
    "db.passphrase_wrong": "口令不对，请再试；忘记口令时可用恢复密钥单上的恢复密钥",
    "db.unlock_no_keyring": (
        "恢复密钥正确，但这台电脑没有可用的系统密钥库，无法记住密钥；请在有系统密钥库的电脑上使用"
    ),
    "db.not_encrypted": "数据库 {path} 没有加密，不需要密钥",
    "db.already_encrypted": "数据库 {path} 已经加密",
    "db.encrypt_not_file": (
        "只有本机的 SQLite 数据库文件可以加密；服务器数据库请在数据库服务器上加密"
    ),
    "db.encrypt_busy": (
        "数据库 {path} 正被其他程序使用，请关闭其他 RedOffice 窗口后再加密；数据库未改动"
    ),
    "db.encrypt_verify_failed": "加密后的副本校验不一致（{detail}），已放弃加密；原数据库未改动",
    "db.encrypt_not_allowed": (
        "当前登录账号的角色无权加密数据库，请由书记/管理员办理；数据库未改动"
    ),
    "backup.restore_not_allowed": (
        "当前登录账号的角色无权从备份恢复数据库，请由书记/管理员办理；数据库未改动"
    ),
    "db.encrypt_disk_full": (
        "磁盘空间已满，写不下数据库 {path} 加密后的副本；已放弃加密，未做任何修改，"
        "请清理磁盘空间后再试"
    ),
    "db.unknown_grid": "找不到网格编码“{code}”",
    "db.unknown_tag": "未知的人群类别“{tag}”",
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
    "calendar.bad_lines": "节假日清单有 {count} 行无法读取，未导入任何日期：\n{lines}",
    "calendar.empty": "节假日清单中没有日期（每行如：2027-01-01,元旦,休）",
    "calendar.cannot_read": "无法读取文件 {path}：{detail}",
    "calendar.line_date": "第{line}行：“{value}”不是有效日期（应如 2027-01-01 或 2027年1月1日）",
    "calendar.line_kind": "第{line}行：缺少“休”或“班”（放假写“休”，调休上班写“班”）",
    "calendar.line_range": "第{line}行：结束日期早于开始日期，或跨度超过31天",
    "calendar.line_twice": "第{line}行：{day} 在第{first}行已列为“{kind}”",
    "calendar.line_name": "第{line}行：名称不能超过32个字",
    "calendar.line_notice": "第{line}行：“{name}”中找不到放假的日期",
    "backup.not_sqlite": "只有本机的 SQLite 数据库可以在这里备份和恢复；服务器数据库请由管理员备份",
    "backup.same_file": "不能备份到正在使用的数据库文件本身，请另选文件名",
    "backup.to_not_allowed": (
        "备份到其他位置的副本含全部居民的完整身份证号和电话，只有可以导出完整信息的账号"
        "（书记/管理员）才能操作；未写入任何文件"
    ),
    "backup.not_found": "找不到备份文件 {path}",
    "backup.unreadable": "无法读取备份文件 {path}：{detail}",
    "backup.not_redoffice": "{path} 不是 RedOffice 的数据库备份",
    "backup.damaged": "备份文件 {path} 已损坏，不能用来恢复",
    "backup.unverified": "备份副本 {path} 与数据库的记录数不一致（{detail}），已删除这份副本",
    "backup.second_absent": (
        "第二备份位置 {path} 不存在（U 盘未插入？），本次只备份到本机备份文件夹"
    ),
    "backup.second_not_folder": "第二备份位置 {path} 不是一个文件夹，请重新选择",
    "backup.same_disk": (
        "备份文件夹 {folder} 与数据库在同一块磁盘上，且没有第二份备份：硬盘损坏或电脑丢失时，"
        "数据和备份会一起丢失。请在“设置 → 备份”中选择另一块磁盘或 U 盘作为第二备份位置"
    ),
    "backup.none_good": (
        "没有找到完好的备份（每一份都未通过完整性检查）；请勿删除任何文件，联系技术支持"
    ),
    "backup.way_out": (
        "可以用最新的备份恢复：{path}（{made}）。恢复时当前的数据库文件会先另存到备份文件夹。"
        "命令行：redoffice-cli backup restore --newest"
    ),
    "backup.no_copies": "备份文件夹 {folder} 中没有它的备份；请勿删除此文件，联系技术支持",
    "db.damaged": "数据库文件 {path} 已损坏（{detail}），程序没有改动它。{way_out}",
    "print.failed": "无法开始打印，请检查打印机是否可用",
    "job.cancelled": "已取消，没有打印或保存任何内容",
    "file.cannot_write": "无法写入文件 {path}：{detail}",
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
    "money.invalid": "金额无效，请填写数字（如 120 或 99.50）",
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
    "import.outside_grids": (
        "第 {rows} 行的住户属于“{grid}”，不在{name}负责的网格内：网格员只能导入本人网格的"
        "住户和居民，本次导入未写入任何内容；请删去这些行，或请社区工作者导入"
    ),
    "attachment.type": "“{name}”不是图片或PDF：只能添加照片（JPG、PNG、BMP）、扫描件（TIFF）或PDF",
    "attachment.too_large": "“{name}”太大，单个附件不能超过 {max} MB",
    "attachment.empty": "“{name}”是空文件",
    "attachment.unreadable": "无法读取文件“{name}”：{detail}",
    "attachment.cannot_store": "无法保存附件“{name}”：{detail}",
    "attachment.missing": "附件“{name}”的文件不在附件文件夹中（可能被移动或删除）",
    "attachment.damaged": (
        "附件文件 {file} 已损坏或不是用这个数据库的密钥加密的，无法读取；请从备份中恢复"
    ),
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
    # 同步
    "sync.no_keyring": (
        "这台电脑没有可用的系统密钥库，无法安全保存同步密钥。"
        "可以改用口令保护的密钥文件（命令行加 --key-file，并设置至少 8 位的口令），请牢记口令"
    ),
    "sync.keyring_failed": "无法使用系统密钥库：{detail}",
    "sync.keys_missing": (
        "本机找不到这个数据库的同步密钥（数据库可能是从别的电脑复制来的）。"
        "请重新生成密钥（sync rekey），再把新的登记文件交给对方重新登记"
    ),
    "sync.no_keys": "还没有生成同步密钥，请先导出登记文件（sync enrol-export）",
    "sync.passphrase_needed": "同步密钥保存在口令保护的文件 {path} 中，请输入口令",
    "sync.passphrase_short": "密钥文件的口令至少要 8 位",
    "sync.passphrase_wrong": "密钥文件的口令不对",
    "sync.street_only": "只有街道办的数据库才能做这一步",
    "sync.community_only": "只有社区的数据库才能做这一步",
    "sync.enrol_unreadable": "“{name}”不是有效的登记文件：{detail}",
    "sync.enrol_signature": "登记文件“{name}”的签名不对，文件可能被改动过，请对方重新导出",
    "sync.enrol_self": "这是本机自己的登记文件，应导入对方的登记文件",
    "sync.enrol_role": "“{name}”是{role}的登记文件，这里不能导入",
    "sync.enrol_other_street": ("“{name}”属于街道 {code}，不属于本街道 {own}，不能登记"),
    "sync.enrol_one_street": "本社区已登记街道办“{name}”，如需更换请先撤销（sync revoke）",
    "sync.fingerprint_needed": ("请与对方核对指纹后再导入。登记文件中的指纹是：{fingerprint}。"),
    "sync.fingerprint_mismatch": (
        "指纹不符：{groups}。登记文件中的是 {fingerprint}，输入的是 {typed}。"
        "请勿登记，并与对方电话核实。"
    ),
    "sync.fingerprint_short": (
        "指纹只输入了 {typed} 位，应为 {wanted} 位。请对照对方读出的指纹补全后再登记。"
    ),
    "sync.fingerprint_long": (
        "指纹输入了 {typed} 位，多了 {extra} 位，应为 {wanted} 位。请核对后重新输入。"
    ),
    "sync.enrol_revoked_key": "这个密钥已被撤销，不能再次登记，请对方重新生成密钥",
    "sync.unknown_partner": "没有登记过节点 {node}",
    "sync.no_street": "还没有登记街道办，请先导入街道办的登记文件（sync enrol-import）",
    "sync.partner_revoked": "{name} 已被撤销登记，不能再和它交换数据",
    "sync.file_unreadable": "无法读取文件“{name}”：{detail}",
    "sync.too_large": "文件“{name}”太大（超过 {max} MB），不是有效的数据包",
    "sync.truncated": "文件“{name}”不完整或已损坏（可能拷贝时中途拔出了U盘），请重新拷贝或重新导出",
    "sync.bad_member": "数据包“{name}”含有不允许的内容“{member}”，已拒收",
    "sync.bad_zip": "数据包“{name}”的结构不对（{detail}），已拒收",
    "sync.bad_manifest": "数据包“{name}”的清单无效（{detail}），已拒收",
    "sync.not_a_package": "“{name}”不是数据同步文件",
    "sync.unknown_sender": (
        "数据包来自未登记的社区（{who}），已拒收。请先导入该社区的登记文件并核对指纹"
    ),
    "sync.unknown_street": (
        "回执来自未登记的街道办（{who}），未导入。请先导入街道办的登记文件并核对指纹"
    ),
    "sync.sender_revoked": "数据包来自已撤销登记的 {name}，已拒收",
    "sync.key_revoked": "数据包是用 {name} 已作废的密钥签名的，已拒收。请对方用新密钥重新导出",
    "sync.unknown_key": "数据包的签名密钥不是 {name} 登记的密钥，已拒收。请核实后重新登记",
    "sync.bad_signature": "数据包“{name}”的签名不对，内容可能被改动过，已拒收",
    "sync.wrong_recipient": "这个数据包是发给另一个单位的（{recipient}），不是本单位，已拒收",
    "sync.wrong_key": (
        "这个数据包是用本单位已更换的旧密钥加密的，已拒收。请对方导入本单位新的登记文件后重新导出"
    ),
    "sync.tampered": "数据包“{name}”中的“{member}”与清单不符（被改动或损坏），已拒收",
    "sync.schema_newer": (
        "数据包来自更新版本的红色工作台（数据版本 {found}），请先升级本机软件再导入"
    ),
    "sync.schema_older": (
        "数据包来自过旧版本的红色工作台（数据版本 {found}，本机最早能读 {oldest}），"
        "请对方升级后重新导出"
    ),
    "sync.decrypt_failed": "数据包无法解密（内容被改动，或不是加密给本单位的），已拒收",
    "sync.bad_line": "数据包第 {line} 行无效：{detail}，已拒收",
    "sync.count_mismatch": (
        "数据包的记录数与清单不符（清单 {expected} 条，实际 {found} 条），已拒收"
    ),
    "sync.gap": (
        "缺少第 {first}–{last} 号数据，本包已暂存，补齐后自动导入。"
        "请社区导入这次的回执后重新导出（新的数据包会包含缺少的部分）"
    ),
    "sync.new_epoch_gap": (
        "{name} 的数据已重新编号，本机缺少新编号的开头部分，本包已暂存。"
        "请社区导入这次的回执后重新导出（新的数据包会从头包含全部数据）"
    ),
    "sync.old_epoch": "这是 {name} 旧编号的数据包（已被更新的数据取代），未导入",
    "sync.fork": (
        "第 {first}–{last} 号数据与已导入的内容不同（对方数据库可能是从备份恢复或复制的），已拒收。"
        "请联系 {name} 核实"
    ),
    "sync.not_owner": "数据包要修改不属于 {name} 的记录（{table} {row}），已拒收",
    "sync.audit_rewritten": (
        "{name} 的操作记录与上次收到的不一致（第 {id} 条被改动或删除），已拒收，请核查对方电脑"
    ),
    "sync.ack_unreadable": "“{name}”不是有效的回执：{detail}",
    "sync.ack_signature": "回执“{name}”的签名不对，文件可能被改动过",
    "sync.ack_other": "这张回执是发给另一个单位的，不是本单位",
    "sync.ack_ahead": "回执确认到第 {seq} 号，但本单位只发出到第 {sent} 号，回执无效",
    "sync.import_cancelled": "已取消，这个数据包的数据没有导入",
    "sync.export_cancelled": "已取消，没有生成数据包",
    "sync.ack_old_epoch": "这张回执属于本单位以前的数据编号，已不再有效",
    "sync.out_exists": "导出文件夹 {path} 不存在",
    "sync.street_init_needs": "初始化街道办需要 --street-name 和 --street-code",
    "sync.community_init_needs": (
        "初始化社区需要 --community-name、--community-code、--street-name 和 --street-code"
    ),
    "sync.conflict_unknown": "没有第 {id} 号冲突记录",
    "sync.conflict_resolved": "第 {id} 号冲突已处理过",
    "sync.held_stored": (
        "数据包已暂存在本机，补齐缺少的部分或升级软件后自动导入（也可用 sync held --retry 重试）"
    ),
    "registry.erase_reason": "请填写清除个人信息的原因（如：本人申请删除）",
    "registry.erased": "这位居民的个人信息已经清除过",
    "registry.erase_fund_open": "不能清除：这位居民的红色基金救助申请 {number} 尚未办结，"
    "按《社会救助暂行办法》须办结归档后才能清除个人信息",
    "registry.erase_correction": "不能清除：这位居民正在社区矫正期内，"
    "按《中华人民共和国社区矫正法》须保留其档案，矫正期满后才能清除个人信息",
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
    "account.no_password": "请输入密码（或设置环境变量 REDOFFICE_PASSWORD）",
    "account.edit_not_allowed": "当前登录账号（{name}，{role}）无权修改住户、居民、走访和民情诉求",
    "account.street_roles_only": (
        "这是街道办的数据库，{role}是社区的角色：街道办只能使用街道管理员或街道工作人员的账号"
    ),
    "account.community_roles_only": (
        "这是社区的数据库，{role}是街道办的角色：社区只能使用社区的角色（书记/管理员、社区工作者、网格员、会计、出纳）"
    ),
    "account.grid_needs_staff": "网格员账号须对应一名工作人员（其所在或负责的网格）",
    "account.records_not_allowed": "当前登录账号（{name}，{role}）无权办理{what}，请由{who}办理",
    "account.outside_grids": "{name}是网格员，只能修改本人网格内的住户、居民、走访和民情诉求",
    "account.settings_not_allowed": (
        "当前登录账号（{name}，{role}）无权修改本单位的设置，请由书记/管理员办理"
    ),
    "fund.account_no_staff": (
        "账号“{name}”未关联工作人员，不能办理红色基金事务；请管理员在 设置 → 账号 中关联"
    ),
    "fund.step_not_allowed": "当前登录账号（{name}，{role}）无权办理“{step}”",
    "fund.step_as_other": "当前登录的是{name}，不能以{staff}的名义办理；请{staff}用本人账号登录",
    "privacy.not_allowed": "当前登录账号的角色无权查看或导出完整的身份证号和电话",
    "privacy.subject_not_allowed": "当前登录账号的角色无权办理个人信息查询或删除，"
    "请由书记/管理员办理",
    "privacy.retention_none": "没有迁出或去世已满 {years} 年、尚未清除个人信息的居民",
    # issue 15: the street's decisions, replies and notices (redoffice/street/)
    "street.application_not_found": "没有找到救助申请“{ref}”",
    "street.case_not_found": "没有找到诉求“{ref}”",
    "street.ambiguous": "“{ref}”在多个社区都有（{communities}），请用记录编号（ID）指明",
    "street.not_awaiting": "申请 {number} 现在是“{status}”，不是待上级审批，不能审批",
    "street.already_decided": "申请 {number} 已经审批过，一份申请只审批一次",
    "street.not_escalated": "诉求 {number} 没有转街道，不能答复",
    "street.unknown_community": "没有登记名为“{name}”的社区（请用社区编号或节点编号）",
    "street.no_recipient": "请指定通知发给哪些社区（--to），或发给全部社区（--all）",
    "sync.state.applied": "已导入",
    "sync.state.duplicate": "重复",
    "sync.state.held": "暂存",
    "sync.state.refused": "拒绝",
    "sync.state.current": "街道主动发送，不对应数据包",
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

FIELDS: Final[dict[str, str]] = {
    "name": "姓名",
    "gender": "性别",
    "id_number": "身份证号",
    "birth_date": "出生日期",
    "ethnicity": "民族",
    "phone": "联系电话",
    "political_status": "政治面貌",
    "party_org": "所在党组织",
    "party_join_date": "入党日期",
    "hukou_place": "户籍地",
    "current_address": "现住址",
    "residence_type": "人员类别",
    "household_id": "所属户",
    "relation": "与户主关系",
    "notes": "备注",
    "tags": "特殊人群",
    "tag": "人群类别",
    "since": "开始日期",
    "until": "结束日期",
    "code": "编码",
    "leader_id": "网格长",
    "kind": "类型",
    "contact_person": "联系人",
    "address": "地址",
    "estate_id": "小区",
    "building": "楼栋",
    "unit": "单元",
    "room": "室",
    "address_text": "地址",
    "grid_id": "网格",
    "residence_status": "人户状态",
    "role": "岗位",
    "property_company_id": "物业服务企业",
    "owners_committee_id": "业主委员会",
    "community_name": "社区名称",
    "community_code": "社区代码",
    "street_name": "所属街道名称",
    "street_code": "街道代码",
    "operator": "经办人",
    "status": "人员状态",
    "status_date": "变动日期",
    "status_reason": "变动原因",
    "category": "类别",
    "description": "诉求内容",
    "urgency": "紧急程度",
    "source": "来源",
    "reporter_resident_id": "诉求人",
    "reporter_name": "诉求人姓名",
    "reporter_phone": "诉求人电话",
    "place": "地点",
    "assignee_staff_id": "承办人",
    "assignee_org_id": "承办单位",
    "note": "说明",
    "to": "新状态",
    "satisfaction": "满意度",
    "escalation_reason": "上报原因",
    "visit_date": "走访日期",
    "start_time": "开始时间",
    "end_time": "结束时间",
    "visitors": "走访人",
    "purposes": "走访目的",
    "situation": "情况记录",
    "resolved_on_spot": "现场解决问题数",
    "next_visit_date": "下次走访日期",
    "issues": "发现的问题",
    "attachments": "附件",
    "visit.purposes": "走访目的",
    "case.categories": "诉求类别",
    "case.normal_working_days": "一般诉求办理时限（工作日）",
    "attachment.max_mb": "单个附件大小上限（MB）",
    "visit.intervals": "走访频次（天）",
    "day": "日期",
    "period": "统计期间",
    "meeting.types": "会议类型",
    "title": "会议名称",
    "convener": "召集人",
    "host": "主持人",
    "recorder": "记录人",
    "notice_date": "通知日期",
    "estate_ids": "小区",
    "case_ids": "民情诉求",
    "attendees": "参会人员",
    "items": "议题",
    "verifier": "核验人",
    "feedback": "居民反馈",
    "text": "心愿内容",
    "beneficiary_id": "心愿人",
    "estimated_value": "估价",
    "collected_on": "征集日期",
    "collected_by": "征集人",
    "group_tag": "人群类别",
    "guardian": "监护人",
    "consent_on": "同意公开日期",
    "verified_by": "核实人",
    "verified_on": "核实日期",
    "verify_method": "核实方式",
    "verify_note": "核实情况",
    "reject_reason": "不予发布理由",
    "round_name": "批次名称",
    "cancel_reason": "取消理由",
    "actual_value": "实际价值",
    "fulfilled_on": "兑现日期",
    "feedback_on": "回访日期",
    "resident_id": "居民",
    "workplace": "工作单位",
    "unit_id": "共建单位",
    "reported_on": "报到日期",
    "commitments": "服务承诺",
    "activity": "服务内容",
    "hours": "服务时长",
    "service_date": "服务日期",
    "wish_id": "心愿",
    "case": "关联诉求",
    "completed_on": "完成日期",
    "meeting_date": "会议日期",
    "cancelled_on": "取消日期",
    "by": "统计维度",
    # 红色基金
    "account_id": "基金账户",
    "account_name": "账户名称",
    "account_kind": "账户类型",
    "holder": "托管慈善组织/开户单位",
    "bank_account": "银行账号",
    "opened_on": "开立日期",
    "amount": "金额",
    "entry_date": "记账日期",
    "donor_kind": "捐赠方类型",
    "donor_name": "捐赠方",
    "donor_resident_id": "捐赠居民",
    "donor_member_id": "捐赠党员",
    "donor_org_id": "捐赠单位",
    "channel": "经由慈善组织",
    "voucher_no": "凭证号",
    "handled_by": "经办人",
    "checked_by": "复核人",
    "reason": "原因",
    "fund_roles": "基金角色",
    "fund_applicant": "申请人",
    "fund_hardship": "困难类型",
    "fund_use": "资金用途",
    "fund_amount_asked": "申请金额",
    "fund_amount_approved": "批准金额",
    "fund_amount_paid": "发放金额",
    "fund_reason": "申请理由",
    "fund_family_size": "家庭人口",
    "fund_income_per_capita": "家庭人均月收入",
    "fund_applied_on": "申请日期",
    "fund_repeat_override": "再次救助的特殊情况说明",
    "fund_opinion": "意见",
    "fund_acted_on": "办理日期",
    "fund_notice_title": "公示标题",
    "fund_notice_basis": "公示依据",
    "fund_notice_days": "公示天数（工作日）",
    "fund_notice_phone": "监督电话",
    "fund_notice_late_reason": "补录原因",
    "fund_notice_issuer": "公示单位",
    "fund_notice_applications": "公示的申请",
    "fund_starts_on": "公示开始日期",
    "fund_objection_text": "异议内容",
    "fund_received_on": "收到日期",
    "fund_outcome": "处理结果",
    "fund_resolution": "处理情况",
    "fund_pay_method": "发放方式",
    "fund_pay_place": "发放地点",
    "fund_voucher_no": "凭证号",
    "fund_entry_date": "发放日期",
    "fund.higher_approval_yuan": "需上级审批的金额（元）",
    "fund.notice_working_days": "公示期（工作日）",
    "fund.yearly_cap_yuan": "每人每年救助上限（元）",
    "fund.repeat_months": "不重复救助的间隔（月）",
    "fund.honour_yuan": "颁发荣誉证书的捐赠额（元）",
    "fund.supervision_phone": "监督电话",
    "privacy.retention_years": "迁出或去世后个人信息保存年限",
    "street_outcome": "审批结果",
    "street_opinion": "审批意见",
    "street_department": "承办部门",
    "street_reply": "答复内容",
    "street_notice_kind": "类别",
    "street_notice_title": "通知标题",
    "street_notice_body": "通知内容",
    "street_notice_due": "完成期限",
    "street_notice_note": "完成情况",
}


def message(code: str, /, **params: Any) -> str:
    """The Chinese text for ``code`` (a field name for ``field.<name>``), never raising."""
    if code.startswith("field."):
        return FIELDS.get(code[6:], code[6:])
    template = MESSAGES.get(code)
    if template is None:
        return code
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
