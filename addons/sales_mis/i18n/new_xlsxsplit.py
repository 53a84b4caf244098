# -*- coding: utf-8 -*-
"""New strings of the plan split service (helper xlsxsplit), merged into zh_CN.po at the end."""
ZH = {
    'What to split into must be given as a list of ids (got %s).': '分解对象必须以 ID 列表给出（收到 %s）。',
    'Some of what to split into does not exist: %s.': '部分分解对象不存在：%s。',
    'Unknown split dimension "%s": use team, salesperson, month or category.':
        '未知的分解维度“%s”：请使用 team（销售团队）、salesperson（销售员）、month（月份）或 category（产品类别）。',
    'Unknown split method "%s".': '未知的分解方法“%s”。',
}
