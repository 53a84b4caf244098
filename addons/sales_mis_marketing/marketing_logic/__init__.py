# -*- coding: utf-8 -*-
"""Pure business logic of the marketing addon (no Odoo import): ROI arithmetic, the target
segment of a campaign as a partner domain, the market-information feed of a salesperson and
the 活动效果分析表 workbook."""
