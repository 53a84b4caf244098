# -*- coding: utf-8 -*-
"""Chinese of the strings of issue 13's phone-first field work (for the lead to merge into zh_CN.po)."""
ZH = {
    # section menu button (views/assets.xml)
    "Menu": "菜单",
    # visits (models/visit.py, views/visit_views.xml)
    "Today": "今天",
    "Starts on the user's local day (their time zone).": "开始于用户所在时区的当天。",
    "%(type)s: %(customer)s": "%(type)s：%(customer)s",
    "Log a Visit": "记录拜访",
    "Start": "开始",
    "Result": "结果",
    "Next Step": "下一步",
    "Mark Done": "标记为完成",
    "What came out of it?": "结果如何？",
    "e.g. Send the revised quotation": "例如：发送修订后的报价单",
    "Today's Visits": "今日拜访",
    "No visit today yet: log one.": "今天还没有拜访：记录一次吧。",
    "Pick the customer and the type, write the result and the next step, then \"Mark Done\".":
        "选择客户和类型，填写结果和下一步，然后点击“标记为完成”。",
    # to-dos (models/mail_activity_todo.py, views/todo_views.xml)
    "Document": "单据",
    "To-do": "待办",
    "Type": "类型",
    "Open the document to mark the to-do done or to reschedule it.": "打开单据以将待办标记为完成或重新安排。",
    "Due Today or Late": "今天到期或已逾期",
    "Late": "已延迟",
    "Group By": "分组",
    "Due Date": "到期日",
    "My To-dos": "我的待办",
    "Nothing due today. Next steps of visits, follow-ups and approvals appear here on their day.":
        "今天没有到期的待办。拜访的下一步、跟进和审批会在到期当天出现在这里。",
    # daily report cards (views/daily_report_views.xml)
    "Visits": "拜访",
    "Calls": "电话",
    "Activities Done": "已完成活动",
    "Opportunity Changes": "商机变化",
    # plan completion cards (views/plan_completion_views.xml)
    "Target": "目标",
    "Actual": "实际",
    "Gap": "差额",
}
