# -*- coding: utf-8 -*-
"""Chinese translations of the strings added or changed by branch h/defects1 (merged by the lead)."""
ZH = {
    # scorecards: who may compute
    "You May Compute": "可计算",
    "You may compute and publish this scorecard: you manage its team, or you are a sales director.":
        "您可以计算并发布此考核表：您是该团队的经理，或您是销售总监。",
}
