# -*- coding: utf-8 -*-
# Translations of the strings added by branch h/defects2 (issue 13 §7, §9, §10), for bin/po-merge.
ZH = {
    "Actual (confirmed orders)": "实际（已确认订单）",
    "Actual (invoiced, net of refunds)": "实际（已开票，扣除红字发票）",
    "Amount": "金额",
    "Figure": "数据项",
    "Sales Plan Target vs Actual": "销售计划目标与实际对比",
    "Target vs Actual": "目标与实际对比",
    "Targets of the approved sales plans beside their actuals, month by month.\n"
    "               Actuals count confirmed orders or invoices, as set for the company.":
        "已审批销售计划的目标与实际逐月对比。实际按公司设置统计已确认订单或发票。",
    "Invoiced Sales": "开票销售额",
    "Invoiced untaxed amount net of refunds, whatever the actuals basis of the plan completion "
    "(confirmed orders or invoices).":
        "已开票的不含税金额（扣除红字发票），与计划完成情况所用的实际统计口径（已确认订单或发票）无关。",
    "Invoiced sales net of refunds by month, with the previous month and the same month last year "
    "(refreshed hourly). Plan Completion counts the actuals basis set for the company (confirmed orders "
    "or invoices).":
        "按月统计的开票销售额（扣除红字发票），并列上月及去年同月（每小时刷新）。计划完成情况按公司设置的"
        "实际统计口径（已确认订单或发票）计算。",
    "Nightly Jobs": "夜间任务",
    "These jobs run every night. Run one now after changing its rules or data.":
        "这些任务每晚自动运行。修改相关规则或数据后，可在此立即运行。",
    "Compare the customers for likely duplicates (Customers &gt; Duplicate Customers).":
        "比对客户，找出可能重复的客户（客户 &gt; 重复客户）。",
    "Give every customer the class its revenue, orders and arrears earn.":
        "按销售额、订单数和欠款为每个客户重新分类。",
    "Recompute recency, frequency and monetary value of the customers.":
        "重新计算客户的最近购买、购买频率和消费金额（RFM）。",
    "Learn the win probability of opportunities from the won and lost ones.":
        "根据已赢单和已丢单的商机学习商机赢单概率。",
}
