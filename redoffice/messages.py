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
    "id.length": "身份证号应为18位（或15位旧号码）",
    "id.format": "身份证号只能由数字和末位X组成",
    "id.checksum": "身份证号校验位错误，请核对每一位数字",
    "id.birth_date": "身份证号中的出生日期无效",
    "id.birth_future": "身份证号中的出生日期晚于今天",
    "id.birth_too_old": "身份证号中的出生年份早于1900年",
    "id.region": "身份证号前两位“{prefix}”不是有效的省级行政区代码",
    "id.legacy_invalid": "15位旧身份证号中的出生日期无效",
    "id.duplicate": "该身份证号已登记在居民“{name}”名下{where}",
    "id.birth_mismatch": "出生日期与身份证号不一致（身份证号为 {expected}）",
    "id.gender_mismatch": "性别与身份证号不一致（身份证号为{expected}性）",
    "phone.invalid": "电话号码无效：手机号为1开头的11位数字，固话须带区号（如 010-65123456）",
    "grid.code_duplicate": "网格编码“{code}”已被“{name}”使用",
    "household.head_exists": "该户已有户主“{name}”",
    "household.not_found": "找不到该户（可能已被删除）",
    "resident.not_found": "找不到该居民（可能已被删除）",
    "record.not_found": "找不到该记录（可能已被删除）",
    "record.changed_elsewhere": "该记录已被其他人修改，请重新打开后再保存",
    "resident.same_household": "该居民已在此户中",
    "resident.status_invalid": "“{status}”不是有效的人员状态",
    "tag.unknown": "未知的人群类别“{tag}”",
    "community.not_initialized": "数据库尚未初始化，请先设置社区信息（redoffice-cli init）",
    "community.already_initialized": "数据库已初始化（社区：{name}）",
    "db.too_new": "该数据库由更新版本的 RedOffice 创建（数据库版本 {found}），请升级本软件后再打开",
    "db.cannot_open": "无法打开数据库：{detail}",
    "db.not_redoffice": "该文件不是 RedOffice 数据库（其中已有其他数据表），为避免损坏未作任何修改",
    "db.unknown_grid": "找不到网格编码“{code}”",
    "db.unknown_tag": "未知的人群类别“{tag}”",
    "operator.required": "请先设置经办人",
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
