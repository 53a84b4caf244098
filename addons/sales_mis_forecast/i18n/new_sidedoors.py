# -*- coding: utf-8 -*-
"""New strings of the side-door fixes (issue 12) with their 简体中文 translations, to merge into zh_CN.po."""
ZH = {
    'The forecast run to split by must be given by its id.': '用于分解的预测运行必须以其 ID 指定。',
    'The forecast run %s does not exist.': '预测运行 %s 不存在。',
}
