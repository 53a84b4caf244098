# -*- coding: utf-8 -*-
"""The campaign x month SQL view: attributed leads, opportunities, orders, invoiced revenue,
margin and costs, the ROI of every group recomputed from its sums, the campaign's own
figures and the 活动效果分析表 rows read as the caller."""
import io

import openpyxl

from odoo.exceptions import AccessError

from odoo.addons.sales_mis_marketing.marketing_logic.campaign_xlsx import build_campaign_workbook

from .marketing_common import MarketingCase


class TestCampaignRoi(MarketingCase):

    @classmethod
    def setUpClass(cls):
        super(TestCampaignRoi, cls).setUpClass()
        cls.campaign = cls.approve(cls.make_campaign(name='Mkt ROI Expo'))
        cls.add_cost(cls.campaign, 1000.0, '2030-03-05')
        cls.add_cost(cls.campaign, 500.0, '2030-04-02')
        Lead = cls.env['crm.lead']
        for kind in ('lead', 'lead', 'opportunity'):
            Lead.create({'name': 'Mkt %s' % kind, 'type': kind, 'campaign_id': cls.campaign.id,
                         'team_id': cls.team_east.id})
        # March: 10 x 1000 with a cost of 600 each -> margin 4000; April: 2 x 1000 -> margin 800
        cls.march = cls.book_order(cls.campaign, 10, 1000.0, '2030-03-20')
        cls.april = cls.book_order(cls.campaign, 2, 1000.0, '2030-04-10')
        invoice = cls.env['account.invoice'].browse(cls.march.action_invoice_create())
        invoice.write({'date_invoice': '2030-03-25'})
        invoice.action_invoice_open()
        cls.invoice = invoice
        cls.south = cls.approve(cls.make_campaign(user=cls.manager_south, name='Mkt South Fair',
                                                  team_id=cls.team_south.id,
                                                  user_id=cls.manager_south.id))
        cls.add_cost(cls.south, 100.0, '2030-03-06', user=cls.manager_south)
        cls.Roi = cls.env['sales_mis_marketing.campaign.roi']

    def test_view_attributes_documents_by_month(self):
        rows = self.Roi.search_read([('campaign_id', '=', self.campaign.id)], order='month')
        by_month = {row['month'][:7]: row for row in rows}
        march = by_month['2030-03']
        self.assertEqual((march['order_count'], march['order_amount'], march['margin'], march['cost']),
                         (1, 10000.0, 4000.0, 1000.0))
        self.assertEqual(march['invoiced_amount'], 10000.0)
        self.assertAlmostEqual(march['roi'], 300.0)
        april = by_month['2030-04']
        self.assertEqual((april['order_count'], april['margin'], april['cost']), (1, 800.0, 500.0))
        self.assertEqual(sum(r['lead_count'] for r in rows), 2)
        self.assertEqual(sum(r['opportunity_count'] for r in rows), 1)

    def test_group_roi_is_recomputed_not_summed(self):
        groups = self.Roi.read_group([('campaign_id', '=', self.campaign.id)], ['campaign_id', 'roi', 'margin', 'cost'],
                                     ['campaign_id'])
        self.assertEqual(len(groups), 1)
        # (4800 - 1500) / 1500, not 300 % + 60 %
        self.assertAlmostEqual(groups[0]['roi'], 220.0)
        by_month = self.Roi.read_group([('campaign_id', '=', self.campaign.id)], ['roi', 'month'],
                                      ['month:month'])
        # March 300 %, April 60 %; the month of the leads (today) has no cost, so no ROI
        self.assertEqual(sorted(round(g['roi'], 6) for g in by_month if g['roi'] is not False), [60.0, 300.0])
        self.assertEqual([g['roi'] for g in by_month if g['cost'] == 0], [False])

    def test_campaign_figures_and_credit_note(self):
        campaign = self.campaign.sudo(self.manager)
        self.assertEqual((campaign.lead_count, campaign.opportunity_count, campaign.order_count),
                         (2, 1, 2))
        self.assertEqual((campaign.order_amount, campaign.margin, campaign.cost_total), (12000.0, 4800.0, 1500.0))
        self.assertAlmostEqual(campaign.roi, 220.0)
        self.assertAlmostEqual(campaign.budget_use, 15.0)
        refund = self.invoice.refund(date_invoice='2030-03-28', description='return')
        refund.action_invoice_open()
        self.campaign.invalidate_cache()
        self.assertEqual(self.campaign.sudo(self.manager).invoiced_amount, 10000.0 - refund.amount_untaxed)

    def test_who_sees_which_figures(self):
        ids = (self.campaign | self.south).ids
        seen = lambda user: set(self.Roi.sudo(user).search([('campaign_id', 'in', ids)]).mapped('campaign_id').ids)
        self.assertEqual(seen(self.salesperson), {self.campaign.id})
        self.assertEqual(seen(self.seller_south), {self.south.id})
        self.assertEqual(seen(self.manager), {self.campaign.id})
        self.assertEqual(seen(self.director), set(ids))
        for outsider in (self.internal, self.portal):
            with self.assertRaises(AccessError):
                self.Roi.sudo(outsider).search([])
            with self.assertRaises(AccessError):
                self.Roi.sudo(outsider).export_rows()

    def test_export_rows_and_workbook(self):
        rows = self.Roi.sudo(self.salesperson).export_rows([('campaign_id', 'in', (self.campaign | self.south).ids)])
        self.assertEqual([row['campaign'] for row in rows], ['Mkt ROI Expo'])
        row = rows[0]
        self.assertEqual((row['margin'], row['cost'], row['budget']), (4800.0, 1500.0, 10000.0))
        sheet = openpyxl.load_workbook(io.BytesIO(build_campaign_workbook(rows, 'Campaigns'))).active
        values = [[cell.value for cell in row] for row in sheet.iter_rows()]
        header = next(row for row in values if '投资回报率' in row)
        first = next(row for row in values if row[0] == 'Mkt ROI Expo')
        self.assertAlmostEqual(first[header.index('投资回报率')], 2.2)
        director_rows = self.Roi.sudo(self.director).export_rows([('campaign_id', 'in', (self.campaign | self.south).ids)])
        self.assertEqual(len(director_rows), 2)

    def test_other_company_is_invisible(self):
        other = self.env['res.company'].create({'name': 'Mkt Other Co'})
        foreign = self.env['utm.campaign'].create({'name': 'Mkt Foreign', 'company_id': other.id})
        self.env['sales_mis_marketing.campaign.cost'].create({
            'campaign_id': foreign.id, 'name': 'x', 'amount': 5.0, 'company_id': other.id,
            'currency_id': other.currency_id.id})
        self.assertFalse(self.env['utm.campaign'].sudo(self.director).search([('id', '=', foreign.id)]))
        self.assertFalse(self.Roi.sudo(self.director).search([('campaign_id', '=', foreign.id)]))
