# -*- coding: utf-8 -*-
"""Invoiced sales per invoice line and day, net of refunds (F2 and the dashboard).

Customer invoices and refunds (red-letter invoices) that are validated (open
or paid); refund lines count negative in amount and quantity, so every sum over
this view is net of refunds.  Amounts are untaxed, in company currency."""
from odoo import api, fields, models, tools
from ..lib.admin_only import admin_only

INVOICE_TYPES = [('out_invoice', 'Customer Invoice'), ('out_refund', 'Customer Refund')]


class SalesLine(models.Model):
    _name = 'sales_mis.sales.line'
    _description = 'Invoiced Sales Lines'
    _auto = False
    _order = 'date desc, id desc'

    date = fields.Date(string='Invoice Date', readonly=True)
    invoice_id = fields.Many2one('account.invoice', string='Invoice', readonly=True)
    invoice_type = fields.Selection(INVOICE_TYPES, string='Document Type', readonly=True)
    product_id = fields.Many2one('product.product', string='Product', readonly=True)
    categ_id = fields.Many2one('product.category', string='Product Category', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Customer', readonly=True)
    country_id = fields.Many2one('res.country', string='Country', readonly=True)
    state_id = fields.Many2one('res.country.state', string='Region', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    company_id = fields.Many2one('res.company', string='Company', readonly=True)
    quantity = fields.Float(string='Quantity', readonly=True)
    amount = fields.Float(string='Untaxed Amount', readonly=True)

    @admin_only
    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW %s AS
            SELECT l.id, inv.date_invoice AS date, inv.id AS invoice_id, inv.type AS invoice_type,
                   l.product_id, t.categ_id, inv.commercial_partner_id AS partner_id,
                   cp.country_id, cp.state_id, inv.user_id, inv.team_id, inv.company_id,
                   CASE WHEN inv.type = 'out_refund' THEN -l.quantity ELSE l.quantity END AS quantity,
                   l.price_subtotal_signed AS amount
              FROM account_invoice_line l
              JOIN account_invoice inv ON inv.id = l.invoice_id
              JOIN res_partner cp ON cp.id = inv.commercial_partner_id
              LEFT JOIN product_product p ON p.id = l.product_id
              LEFT JOIN product_template t ON t.id = p.product_tmpl_id
             WHERE inv.type IN ('out_invoice', 'out_refund') AND inv.state IN ('open', 'paid')
        """ % self._table)
