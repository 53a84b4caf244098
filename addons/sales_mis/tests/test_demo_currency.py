# -*- coding: utf-8 -*-
"""The demo company sells in CNY (issue 13, defect 5: one demo quotation showed 57,000.00 € on its
lines and $ 57,000.00 in its totals and approval banner).  Checks the installed demo data: company
currency, one currency per demo order, and how a Chinese user reads the amounts."""
from odoo.tests.common import TransactionCase
from odoo.tools.misc import formatLang

from odoo.addons.sales_mis.models.demo_company_currency import PENDING_PARAM


class TestDemoCurrency(TransactionCase):

    def setUp(self):
        super(TestDemoCurrency, self).setUp()
        self.company = self.env.ref('base.main_company')
        self.cny = self.env.ref('base.CNY')
        self.order = self.env.ref('sales_mis.demo_order_awaiting_approval', raise_if_not_found=False)
        if not self.order:
            self.skipTest('needs the demo data')

    def test_company_and_public_pricelist_in_cny(self):
        self.assertEqual(self.company.currency_id, self.cny)
        self.assertEqual(self.env.ref('product.list0').currency_id, self.cny)
        self.assertFalse(self.env['ir.config_parameter'].sudo().get_param(PENDING_PARAM),
                         'the demo currency step ran to its end')
        # no journal item of the company is in another currency than the company's
        self.env.cr.execute("SELECT count(*) FROM account_move_line WHERE company_id = %s "
                            "AND company_currency_id <> %s", (self.company.id, self.cny.id))
        self.assertEqual(self.env.cr.fetchone()[0], 0)

    def test_one_currency_per_demo_order(self):
        orders = self.env['sale.order'].search([('company_id', '=', self.company.id)])
        self.assertTrue(orders)
        # one row per (order currency, line currency) pair over all order lines
        self.env.cr.execute("""
            SELECT DISTINCT p.currency_id, l.currency_id FROM sale_order_line l
              JOIN sale_order o ON o.id = l.order_id JOIN product_pricelist p ON p.id = o.pricelist_id
             WHERE o.company_id = %s""", (self.company.id,))
        self.assertEqual(self.env.cr.fetchall(), [(self.cny.id, self.cny.id)])
        self.assertFalse(self.env['purchase.order'].search_count([
            ('company_id', '=', self.company.id), ('currency_id', '!=', self.cny.id), ('state', 'in', ('draft', 'sent'))]))
        journal_currencies = self.env['account.journal'].search(
            [('company_id', '=', self.company.id), ('type', 'in', ('sale', 'bank', 'cash'))]).mapped('currency_id')
        self.assertFalse(journal_currencies - self.cny, 'journals book in the company currency')

    def test_approval_amounts_read_in_yuan(self):
        order = self.order
        self.assertEqual(order.currency_id, self.cny)
        self.assertEqual(order.order_line.mapped('currency_id'), self.cny)
        self.assertEqual(order.amount_total, 57000.0)
        zh = self.env(context=dict(self.env.context, lang='zh_CN'))
        lang = zh['res.lang']._lang_get('zh_CN')
        self.assertTrue(lang, 'zh_CN is installed with the demo')
        self.assertEqual(formatLang(zh, order.amount_total, currency_obj=order.currency_id), u'¥ 57,000.00')
        # the threshold is a company amount, so in CNY, and the reason says so in the reader's format
        self.assertEqual(self.company.sales_mis_approval_amount, 50000.0)
        text = order.with_context(lang='zh_CN').approval_reasons
        self.assertIn(u'¥ 57,000.00', text)
        self.assertIn(u'¥ 50,000.00', text)
        self.assertNotIn('$', text)
        self.assertNotIn(u'€', text)
