# -*- coding: utf-8 -*-
"""New strings of the side-door fixes (issue 12) with their 简体中文 translations, to merge into zh_CN.po."""
ZH = {
    'Download refused: %s': '下载被拒绝：%s',
    'You are not allowed to schedule the figures of another user: a scheduled report contains your own figures; '
    'only an administrator may choose another user under "Figures Visible To".':
        '您无权为其他用户的数据设置定时报表：定时报表只包含您自己可见的数据；只有管理员才能在“数据可见范围（按用户）”中选择其他用户。',
    '%s belongs to the user %s: only an administrator may merge the contact of a user.':
        '%s 属于用户 %s：只有管理员才能合并用户的联系人。',
    "%s is a customer of %s (%s): only its team's manager or a sales director may merge it.":
        '%s 是 %s（%s）的客户：只有该团队的经理或销售总监才能合并它。',
    'Only a sales manager of %s or an administrator may train its win model.':
        '只有 %s 的销售经理或管理员才能训练其赢单概率模型。',
    'A visit of %s cannot refer to %s: it belongs to another company.':
        '%s 的拜访记录不能关联 %s：它属于其他公司。',
    'You may not read these %s: they belong to records you cannot read.':
        '您不能读取这些%s：它们所属的记录您无权读取。',
    'Readable Only With Its Record': '随所属记录可读',
}
