# -*- coding: utf-8 -*-
# Translations of the strings added by branch h/defects2 (issue 13 §10), for bin/po-merge.
ZH = {
    "Method": "预测方法",
    "Baseline Method": "基准方法",
    "The chosen model in words; its technical name is \"Model Chosen\".":
        "所选模型的通俗说明；技术名称见“所选模型”。",
    "last month repeated": "沿用上月",
    "seasonal naive (same month last year repeated)": "季节朴素法（沿用去年同月）",
    "average of the history": "历史平均值",
    "trend line (Theta method)": "趋势线（Theta 法）",
    "seasonal decomposition": "季节分解",
    "exponential smoothing": "指数平滑",
    "intermittent demand (Croston)": "间歇需求（Croston 法）",
    "intermittent demand with fading demand (TSB)": "间歇需求，考虑需求衰减（TSB 法）",
    "intermittent demand by aggregation (ADIDA)": "间歇需求，时间聚合（ADIDA 法）",
    "intermittent demand by several aggregations (IMAPA)": "间歇需求，多重时间聚合（IMAPA 法）",
    "no sales expected": "预计无销售",
    "constant value": "固定值",
    "Combination of %s and %s": "%s与%s的组合",
    "Combination of %s": "%s的组合",
}
