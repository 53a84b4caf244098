# -*- coding: utf-8 -*-
"""New strings of the helper "libs" (issue 17 §3) with their 简体中文, merged into zh_CN.po at the end."""
ZH = {
    'The domain must be a list of conditions, e.g. [["name", "ilike", "ABC"]].':
        '筛选条件（domain）必须是条件列表，例如 [["name", "ilike", "ABC"]]。',
}
