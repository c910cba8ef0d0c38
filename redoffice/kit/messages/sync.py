"""Messages of the file sync (同步) between a community and its street office."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, str]] = {
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
    "sync.state.applied": "已导入",
    "sync.state.duplicate": "重复",
    "sync.state.held": "暂存",
    "sync.state.refused": "拒绝",
    "sync.state.current": "街道主动发送，不对应数据包",
}
