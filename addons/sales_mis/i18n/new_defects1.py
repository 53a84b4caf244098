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
}
