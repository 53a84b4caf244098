# -*- coding: utf-8 -*-
"""Chinese of the strings of the role dashboards (issue 13), for the lead to merge into zh_CN.po."""
ZH = {
    # models, fields, selections
    "Dashboard Chart Series": "仪表盘图表数据",
    "Dashboard Tile": "仪表盘指标卡",
    "Series": "数据系列",
    "Period End": "期间截止",
    "Amount": "金额",
    "Target": "目标",
    "Actual": "实际",
    "This Year": "本年度",
    "Last Year": "去年",
    "Figure": "指标",
    "Kind": "类型",
    "Percentage": "百分比",
    "Opens": "打开报表",
    "Filter": "筛选",
    "Name of the filter of the search view that the report opens with; it selects the tile's figure.":
        "打开报表时预先选用的搜索筛选项名称，用于筛出该指标卡的数字。",
    "Value": "数值",
    "Today's Sales": "今日销售额",
    "Sales Month to Date": "本月累计销售额",
    "Target of the Month": "本月目标",
    "Month Completion (%)": "本月完成率（%）",
    "Plan Completion of the Month (%)": "本月计划完成率（%）",
    "Actual / target of the approved plans of this month, on the actuals basis of Plan Completion "
    "(ordered or invoiced).": "本月已批准计划的实际 / 目标，按计划完成情况的实际口径（订单或发票）计算。",
    "Today's Collections": "今日回款",
    "Collections Month to Date": "本月累计回款",
    "Customer Arrears": "顾客欠款表",
    "Overdue Arrears": "逾期欠款",
    "Over 90 Days": "超过90天",
    # tiles (data, translated field name)
    "Plan Completion of the Month": "本月计划完成率",
    # views, actions, menus
    "Key Figures": "关键指标",
    "Dashboard Tiles": "仪表盘指标卡",
    "Target vs Actual": "目标与实际",
    "Target vs Actual by Team (This Month)": "各团队目标与实际（本月）",
    "Target vs Actual by Salesperson (This Month)": "各销售员目标与实际（本月）",
    "My Target vs Actual by Month": "我的每月目标与实际",
    "This Year vs Last Year": "本年与去年对比",
    "Pipeline Funnel": "销售漏斗",
    "My Pipeline Funnel": "我的销售漏斗",
    "Arrears Aging": "欠款账龄",
    "Ranking": "业绩排名",
    "Director Dashboard": "总监仪表盘",
    "Manager Dashboard": "经理仪表盘",
    "My Sales Dashboard": "我的销售仪表盘",
    "Dashboard": "仪表盘",
    "Users": "用户",  # res.users, which Sales MIS now extends
}
