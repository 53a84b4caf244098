# -*- coding: utf-8 -*-
"""Chinese of the strings the forecast addon adds to the role dashboards (issue 13)."""
ZH = {
    "Pipeline Forecast": "管道预测",
    "My Pipeline Forecast": "我的管道预测",
}
