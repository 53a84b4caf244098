# -*- coding: utf-8 -*-
"""Customer invoices by role (found by the role matrix): a salesperson reads their own,
not a teammate's; one who also keeps the books (Odoo's Billing group) reads them all."""
from odoo.exceptions import AccessError

from .report_case import ReportCase


class TestInvoiceVisibility(ReportCase):

    def test_salesperson_reads_own_invoices_only(self):
        own = self.sell(self.seller, self.customer, [(self.pump, 1, 100.0)])
        other = self.sell(self.salesperson_south, self.customer, [(self.pump, 2, 100.0)])
        Invoices = self.env['account.invoice'].sudo(self.seller)
        self.assertEqual(Invoices.search([('id', 'in', (own | other).ids)]), own)
        with self.assertRaises(AccessError):
            other.sudo(self.seller).read(['amount_total'])
        with self.assertRaises(AccessError):
            other.invoice_line_ids.sudo(self.seller).read(['price_subtotal'])

    def test_salesperson_with_billing_reads_every_invoice(self):
        other = self.sell(self.salesperson_south, self.customer, [(self.pump, 2, 100.0)])
        self.seller.write({'groups_id': [(4, self.env.ref('account.group_account_invoice').id)]})
        self.assertEqual(other.sudo(self.seller).read(['amount_total'])[0]['amount_total'], 200.0)
        self.assertTrue(other.invoice_line_ids.sudo(self.seller).read(['price_subtotal']))
