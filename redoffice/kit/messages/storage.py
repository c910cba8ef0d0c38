"""Messages of the database file, backups, attachments and files."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, str]] = {
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
    "db.is_folder": (
        "{path} 是一个文件夹，不是数据库文件：请指定文件夹里的数据库文件本身"
        "（例如 redoffice.sqlite），未作任何修改"
    ),
    "db.empty_file": (
        "文件 {path} 是空的（0 字节），不是 RedOffice 数据库，为避免误用未作任何修改；"
        "新建数据库请用“redoffice-cli init”或首次启动时的设置"
    ),
    "db.no_tables": (
        "文件 {path} 是一个没有任何表的空 SQLite 数据库，不是 RedOffice 数据库，未作任何修改；"
        "新建数据库请用“redoffice-cli init”或首次启动时的设置"
    ),
    "db.not_redoffice": "该文件不是 RedOffice 数据库（其中已有其他数据表），为避免损坏未作任何修改",
    "db.key_missing": (
        "数据库 {path} 已加密，本机的系统密钥库中没有它的密钥（可能是从别的电脑复制来的）。"
        "请用保险柜中恢复密钥单上的恢复密钥解锁；数据库未改动"
    ),
    "db.key_wrong": (
        "密钥不对，打不开加密的数据库 {path}。请用保险柜中恢复密钥单上的恢复密钥解锁；数据库未改动"
    ),
    "db.passphrase_needed": (
        "数据库 {path} 已加密，这台电脑没有可用的系统密钥库，打不开它：请用保险柜中恢复密钥单上的"
        "恢复密钥；加密时设置过口令才能用口令；数据库未改动"
    ),
    "db.passphrase_to_encrypt": (
        "这台电脑没有可用的系统密钥库：加密数据库 {path} 要设置一个至少 8 位的数据库口令"
        "（命令行设置环境变量 REDOFFICE_DB_PASSPHRASE），数据库未加密"
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
    "db.passphrase_wrong": (
        "口令不对，请再试；数据库未改动。只有加密时设置过口令的数据库才有口令：用本机系统密钥库"
        "加密的数据库没有口令，只能用恢复密钥单上的恢复密钥打开（忘记口令时也用它）"
    ),
    "db.unlock_no_keyring": (
        "恢复密钥正确，但这台电脑没有可用的系统密钥库，无法记住密钥；请在有系统密钥库的电脑上使用"
    ),
    "db.not_encrypted": "数据库 {path} 没有加密，不需要密钥",
    "db.already_encrypted": "数据库 {path} 已经加密",
    "db.plain_backups_left": (
        "加密前用“备份到…”做的这些副本仍未加密（含完整身份证号和电话）：{paths}。"
        "请删除它们，需要时在加密后重新“备份到…”（新副本会加密）"
    ),
    "db.plain_second_left": (
        "第二备份位置 {path} 现在不在（U 盘未插上？），其中的备份仍未加密："
        "插上后请再运行一次“加密此数据库”，它会加密这些备份"
    ),
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
    ),
    # the next step at the command line (an IT person's), after the words the window shows too
    "cli.step_unlock": "命令行：redoffice-cli db unlock --recovery-key “恢复密钥单上的恢复密钥”",
    "cli.step_passphrase": (
        "命令行：把加密时设置的数据库口令放在环境变量 REDOFFICE_DB_PASSPHRASE 中再运行"
    ),
    "cli.step_restore": "命令行：redoffice-cli backup restore --newest",
    "backup.no_copies": "备份文件夹 {folder} 中没有它的备份；请勿删除此文件，联系技术支持",
    "db.damaged": "数据库文件 {path} 已损坏（{detail}），程序没有改动它。{way_out}",
    "file.cannot_write": "无法写入文件 {path}：{detail}",
    "file.no_folder": "文件夹不存在（U 盘拔下了，或文件夹被改名、删除），请另选位置",
    "file.no_permission": "没有写入这个位置的权限，请另选位置（例如“文档”文件夹或 U 盘）",
    "file.disk_full": "磁盘已满，请先腾出空间或另选位置",
    "file.read_only": "这个位置是只读的（例如写保护的 U 盘或光盘），请另选位置",
    "attachment.type": "“{name}”不是图片或PDF：只能添加照片（JPG、PNG、BMP）、扫描件（TIFF）或PDF",
    "attachment.too_large": "“{name}”太大，单个附件不能超过 {max} MB",
    "attachment.empty": "“{name}”是空文件",
    "attachment.unreadable": "无法读取文件“{name}”：{detail}",
    "attachment.cannot_store": "无法保存附件“{name}”：{detail}",
    "attachment.missing": "附件“{name}”的文件不在附件文件夹中（可能被移动或删除）",
    "attachment.damaged": (
        "附件文件 {file} 已损坏或不是用这个数据库的密钥加密的，无法读取；请从备份中恢复"
    ),
}
