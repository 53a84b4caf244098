# -*- coding: utf-8 -*-
"""Collections 回款 (D6, F3/F4): money received against customer invoices.

One row per reconciliation (account.partial.reconcile) between a customer
invoice's receivable line and a payment line: the amount is what the payment
settled of that invoice, on the payment's date, for the invoice's customer,
salesperson and team.  Money paid back against a customer refund (red-letter
invoice) counts negative, so refunds net out.  An invoice reconciled with a
refund is no collection at all (no money moved)."""
from odoo import api, fields, models, tools
from ..lib.admin_only import admin_only


class Collection(models.Model):
    _name = 'sales_mis.collection'
    _description = 'Collections'
    _auto = False
    _order = 'date desc, id desc'

    date = fields.Date(string='Collection Date', readonly=True)
    invoice_id = fields.Many2one('account.invoice', string='Invoice', readonly=True)
    invoice_type = fields.Selection([('out_invoice', 'Customer Invoice'), ('out_refund', 'Customer Refund')],
                                    string='Document Type', readonly=True)
    invoice_date = fields.Date(string='Invoice Date', readonly=True)
    payment_id = fields.Many2one('account.payment', string='Payment', readonly=True)
    journal_id = fields.Many2one('account.journal', string='Payment Journal', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Customer', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    company_id = fields.Many2one('res.company', string='Company', readonly=True)
    amount = fields.Float(string='Collected Amount', readonly=True,
                          help='In company currency; negative when money was paid back on a refund.')

    @admin_only
    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # two branches, each an index lookup from the invoice side: an invoice's receivable line
        # is the debit of its reconciliations, a refund's the credit
        self.env.cr.execute("""
            CREATE VIEW %s AS
            SELECT apr.id, pl.date, inv.id AS invoice_id, inv.type AS invoice_type,
                   inv.date_invoice AS invoice_date, pl.payment_id, pl.journal_id,
                   inv.commercial_partner_id AS partner_id, inv.user_id, inv.team_id, inv.company_id,
                   apr.amount
              FROM account_invoice inv
              JOIN account_move_line il ON il.invoice_id = inv.id
              JOIN account_partial_reconcile apr ON apr.debit_move_id = il.id
              JOIN account_move_line pl ON pl.id = apr.credit_move_id
             WHERE inv.type = 'out_invoice' AND (pl.payment_id IS NOT NULL OR pl.invoice_id IS NULL)
            UNION ALL
            SELECT apr.id, pl.date, inv.id, inv.type, inv.date_invoice, pl.payment_id, pl.journal_id,
                   inv.commercial_partner_id, inv.user_id, inv.team_id, inv.company_id,
                   -apr.amount
              FROM account_invoice inv
              JOIN account_move_line il ON il.invoice_id = inv.id
              JOIN account_partial_reconcile apr ON apr.credit_move_id = il.id
              JOIN account_move_line pl ON pl.id = apr.debit_move_id
             WHERE inv.type = 'out_refund' AND (pl.payment_id IS NOT NULL OR pl.invoice_id IS NULL)
        """ % self._table)
