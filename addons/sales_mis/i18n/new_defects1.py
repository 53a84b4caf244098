# -*- coding: utf-8 -*-
"""Chinese translations of the strings added or changed by branch h/defects1 (merged by the lead)."""
ZH = {
    # scorecards: who may compute
    "You May Compute": "可计算",
    "You may compute and publish this scorecard: you manage its team, or you are a sales director.":
        "您可以计算并发布此考核表：您是该团队的经理，或您是销售总监。",
    # daily reports: one per day, My Day opens it
    "My Day": "我的一天",
    "A report for this day exists": "该日日报已存在",
    "%s already has a daily report for %s: open it (Daily Work Reports, or My Day for today) instead of "
    "writing a second one.": "%s 在 %s 已有工作日报：请打开它（工作日报，今天的可用“我的一天”），不要再写第二份。",
    # scorecards: counts, KPI breakdown, ranked population
    "Weighted mean of the KPI achievements x 100 (each capped at 150%): the points of the KPI breakdown add up to it.":
        "各 KPI 达成率的加权平均 x 100（每项最高 150%）：KPI 明细的得分合计即为总分。",
    "Position by score among all the salespeople this scorecard ranks (see \"Out Of\"), even where you see only some of them; equal scores share a rank.":
        "按得分在本考核表所排名的全部销售员中的名次（见“参评人数”），即使您只能看到其中部分人；得分相同则名次相同。",
    "Out Of": "参评人数",
    "How many salespeople this scorecard ranks: its team, or every salesperson of the company for a company-wide scorecard.":
        "本考核表参与排名的销售员人数：团队考核表为该团队，全公司考核表为公司全部销售员。",
    "Per KPI: [code, actual, target, weight, achievement, points] (JSON).":
        "每项 KPI：[代码, 实际, 目标, 权重, 达成率, 得分]（JSON）。",
    "KPI Breakdown": "KPI 明细",
    "KPI": "KPI",
    "Actual": "实际",
    "Target": "目标",
    "Achievement": "达成率",
    "Weight": "权重",
    "Points": "得分",
    "Score": "得分",
    "Achievement = actual / target, capped at 150% so that one KPI cannot hide the others; points = 100 x weight x achievement / total weight. The points add up to the score.":
        "达成率 = 实际 / 目标，最高 150%，以免单项 KPI 掩盖其他项；得分 = 100 x 权重 x 达成率 / 总权重。各项得分合计即为总分。",
    # opportunity form: which figure is which
    "Probability": "概率",
    "The stage's default chance (Odoo), which the salesperson may change. This is the figure the pipeline forecast uses (weighted amount, forecast category).":
        "阶段的默认成交概率（Odoo），销售员可以修改。管道预测（加权金额、预测类别）使用的就是这个数字。",
    "The qualification checklist: the weighted criteria this opportunity meets, out of 100. It says how well the deal is qualified, not how likely it is to be won.":
        "资格评估清单：该机会满足的加权评估标准，满分 100。它说明商机的确认程度，而不是赢单的可能性。",
    "Win Probability": "赢单概率",
    "What the model learned from the company's won and lost opportunities gives deals like this one. A second opinion on the probability: when they differ much, review the stage or the probability.":
        "根据公司已赢、已输机会学习得到的模型对类似商机给出的概率。它是对“概率”的第二意见：两者相差较大时，请复核阶段或概率。",
}
