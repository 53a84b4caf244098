# -*- coding: utf-8 -*-
ZH = {
    "Next Activity Deadline, Not Stored": "下一活动截止日期（不存储）",
    "Next Activity Deadline": "下一活动截止日期",
}
