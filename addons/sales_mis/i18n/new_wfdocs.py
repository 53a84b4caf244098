# -*- coding: utf-8 -*-
"""New strings of the workflow of daily reports, commission statements and scorecards (wfdocs)."""
ZH = {
    'Only %s collects the activities of this daily report.': '只有%s可以汇总此工作日报的活动。',
    'Only the manager of %s or a sales director computes and publishes this scorecard.':
        '只有%s的经理或销售总监可以计算和发布此考核表。',
    'Only a sales director computes and publishes a company-wide scorecard.': '只有销售总监可以计算和发布全公司的考核表。',
    'Only draft scorecards are published.': '只能发布草稿状态的考核表。',
    'Only approved statements are reset to draft.': '只有已批准的提成单可以重置为草稿。',
    'A commission statement belongs to the team of its salesperson (%s).': '提成单属于其销售员所在的团队（%s）。',
    'no team': '无团队',
}
