# -*- coding: utf-8 -*-
"""The pure cores: ROI arithmetic, segment and feed domains, the campaign workbook."""
import io
import unittest

import openpyxl

from odoo.addons.sales_mis_marketing.marketing_logic import feed, roi, segment
from odoo.addons.sales_mis_marketing.marketing_logic.campaign_xlsx import build_campaign_workbook, campaign_table


class TestRoi(unittest.TestCase):

    def test_roi_is_margin_minus_cost_over_cost(self):
        self.assertAlmostEqual(roi.roi(15000.0, 10000.0), 0.5)
        self.assertAlmostEqual(roi.roi(2000.0, 10000.0), -0.8)
        self.assertAlmostEqual(roi.roi(0, 500.0), -1.0)

    def test_no_cost_no_roi(self):
        self.assertIsNone(roi.roi(1000.0, 0))
        self.assertIsNone(roi.roi(1000.0, None))
        self.assertIsNone(roi.roi(1000.0, -5.0))

    def test_group_roi_comes_from_the_sums_not_the_members(self):
        rows = [{'margin': 300.0, 'cost': 100.0}, {'margin': 0.0, 'cost': 900.0}]
        # members: +200 % and -100 %; the group: (300 - 1000) / 1000
        self.assertAlmostEqual(roi.group_roi(rows), -0.7)
        self.assertIsNone(roi.group_roi([{'margin': 5.0, 'cost': 0}]))

    def test_budget_use(self):
        self.assertAlmostEqual(roi.budget_use(4500.0, 6000.0), 0.75)
        self.assertIsNone(roi.budget_use(10.0, 0))


class TestSegment(unittest.TestCase):

    def test_class_codes_are_normalised(self):
        self.assertEqual(segment.class_codes(' a, B ，c;a '), ['A', 'B', 'C'])
        self.assertEqual(segment.class_codes(''), [])
        self.assertEqual(segment.class_codes(None), [])

    def test_only_set_criteria_restrict(self):
        self.assertEqual(segment.segment_domain(), [])
        domain = segment.segment_domain(['A'], 'loyal', 'east', [3], [7, 8])
        self.assertEqual(domain, [('sales_mis_class', 'in', ['A']), ('sales_mis_segment', '=', 'loyal'),
                                  ('sales_mis_region', '=', 'east'), ('state_id', 'in', [3]),
                                  ('industry_id', 'in', [7, 8])])

    def test_mailable_respects_opt_out(self):
        domain = segment.mailable_domain([('sales_mis_region', '=', 'east')])
        self.assertIn(('opt_out', '=', False), domain)
        self.assertIn(('email', '!=', False), domain)
        self.assertIn(('customer', '=', True), domain)
        self.assertEqual(eval(segment.mailing_domain([5, 2])), [('id', 'in', [2, 5]), ('opt_out', '=', False)])


class TestFeed(unittest.TestCase):

    def test_no_interest_is_an_empty_feed(self):
        self.assertEqual(feed.feed_domain(), [('id', '=', 0)])

    def test_interests_are_ored(self):
        self.assertEqual(feed.feed_domain(industry_ids={2}), [('industry_id', 'in', [2])])
        domain = feed.feed_domain(industry_ids={2}, regions={'east'}, competitor_ids={9, 4}, lead_ids=[1])
        self.assertEqual(domain, ['|', '|', '|', ('industry_id', 'in', [2]), ('region', 'in', ['east']),
                                  ('competitor_ids', 'in', [4, 9]), ('lead_ids', 'in', [1])])


class TestCampaignWorkbook(unittest.TestCase):

    ROWS = [
        {'campaign': '=HYPERLINK("http://x")', 'channel': '邮件', 'team': '华东区', 'state': '进行中',
         'date_start': None, 'date_end': None, 'budget': 8000.0, 'cost': 2500.0, 'lead_count': 0,
         'opportunity_count': 0, 'order_count': 1, 'order_amount': 18000.0, 'invoiced_amount': 0.0, 'margin': 7200.0},
        {'campaign': '2026 展会', 'channel': '', 'team': '', 'state': '进行中', 'date_start': '2026-10-01',
         'date_end': False,
         'budget': 60000.0, 'cost': 42700.0, 'lead_count': 2, 'opportunity_count': 1, 'order_count': 2,
         'order_amount': 97200.0, 'invoiced_amount': 48000.0, 'margin': 40500.0},
        {'campaign': '研讨会', 'channel': '', 'team': '', 'state': '草稿', 'date_start': None, 'date_end': None,
         'budget': 25000.0, 'cost': 0.0, 'lead_count': 0, 'opportunity_count': 0, 'order_count': 0,
         'order_amount': 0.0, 'invoiced_amount': 0.0, 'margin': 0.0},
    ]

    def test_table_sorts_by_roi_and_leaves_no_cost_empty(self):
        table = campaign_table(self.ROWS)
        self.assertEqual(list(table['campaign'])[-1], '研讨会')
        self.assertAlmostEqual(table['roi'][0], (7200.0 - 2500.0) / 2500.0)
        self.assertTrue(table['roi'].isna().iloc[-1])

    def test_workbook_totals_recompute_roi_and_keep_text(self):
        data = build_campaign_workbook(self.ROWS, '活动效果分析表')
        sheet = openpyxl.load_workbook(io.BytesIO(data)).active
        values = [[cell.value for cell in row] for row in sheet.iter_rows()]
        flat = [v for row in values for v in row]
        self.assertIn('=HYPERLINK("http://x")', flat)  # text, not a formula
        self.assertEqual(sheet.cell(row=1, column=1).value, '活动效果分析表')
        totals = values[-1]
        self.assertEqual(totals[0], '合计')
        margin, cost = 7200.0 + 40500.0, 2500.0 + 42700.0
        self.assertAlmostEqual(totals[-1], (margin - cost) / cost)
        self.assertAlmostEqual(totals[7], cost)
        expo = next(row for row in values if row[0] == '2026 展会')
        self.assertEqual(expo[4].date().isoformat(), '2026-10-01')  # a real date cell
        self.assertIsNone(expo[5])
