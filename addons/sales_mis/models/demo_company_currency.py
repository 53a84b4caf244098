# -*- coding: utf-8 -*-
"""Demo only: the demo company keeps its books and sells in CNY.

Why a step after the install rather than a field in the demo XML: account installs the generic
chart of accounts (l10n_generic_coa) *after* every module asked for, and loading that chart
writes its own currency (USD) onto the company and the public pricelist, then books Odoo's
account demo (a few invoices and a bank statement of an American story) in USD.  Odoo refuses a
new company currency once journal items exist.  So the demo XML sets CNY early (its orders are
made in CNY) and raises a flag (PENDING_PARAM); when the registry is ready (end of the install,
chart loaded) this step

1. cancels Odoo's generic demo entries with Odoo's own cancel flows (the invoices stay, cancelled,
   in their USD; no journal item is left),
2. sets the public pricelist's and the company's currency (Odoo's guard passes),
3. puts the draft documents (vendor bill, requests for quotation) in CNY and the sale order lines'
   stored currency back in line with their order's pricelist.

Odoo's sale demo orders and ours are then in CNY, one currency per document."""
import logging

from odoo import api, models

_logger = logging.getLogger(__name__)

#: set by demo/sales_mis_company_demo.xml to the code of the demo company's currency
PENDING_PARAM = 'sales_mis.demo_company_currency'


class ReportDemo(models.AbstractModel):
    _inherit = 'sales_mis.report.demo'

    def _register_hook(self):
        super(ReportDemo, self)._register_hook()
        Param = self.env['ir.config_parameter'].sudo()
        code = Param.get_param(PENDING_PARAM)
        if code and self.env.ref('base.main_company').chart_template_id:
            self.sudo()._demo_company_currency(code)
            Param.set_param(PENDING_PARAM, False)
            # the journals exist now: the reports' demo flow is booked with the install (in CNY)
            # instead of at the first cron run, so a new database shows figures at once
            self.sudo().create_demo_flow()

    @api.model
    def _demo_company_currency(self, code):
        company = self.env.ref('base.main_company')
        currency = self.env['res.currency'].with_context(active_test=False).search([('name', '=', code)])
        currency.active = True
        # the public pricelist first: product's res.company.write then finds a pricelist in the
        # new currency and creates no second one (it would with two companies, as in the demo)
        public = self.env.ref('product.list0', raise_if_not_found=False)
        if public and public.currency_id != currency:
            public.currency_id = currency
        if company.currency_id != currency:
            self._demo_cancel_entries(company)
            company.write({'currency_id': currency.id})
        drafts = self.env['account.invoice'].search([('company_id', '=', company.id), ('state', '=', 'draft'),
                                                     ('currency_id', '!=', currency.id)])
        drafts.write({'currency_id': currency.id})
        # Odoo's purchase demo made its requests for quotation in the base company's EUR
        self.env['purchase.order'].search([('company_id', '=', company.id), ('state', 'in', ('draft', 'sent')),
                                           ('currency_id', '!=', currency.id)]).write({'currency_id': currency.id})
        # the line's currency is stored; a pricelist's new currency does not reach it
        lines = self.env['sale.order.line'].search([('company_id', '=', company.id)])
        self.env.add_todo(lines._fields['currency_id'], lines)
        lines.recompute()
        _logger.info('Demo company %s now in %s', company.name, code)

    @api.model
    def _demo_cancel_entries(self, company):
        """Cancel every journal entry of the company (Odoo's generic demo) the way a user with
        'Allow Cancelling Entries' would; nothing else books before the demo is complete."""
        journals = self.env['account.journal'].search([('company_id', '=', company.id),
                                                       ('update_posted', '=', False)])
        journals.write({'update_posted': True})
        invoices = self.env['account.invoice'].search([('company_id', '=', company.id),
                                                       ('state', 'in', ('open', 'paid'))])
        invoices.mapped('payment_move_line_ids').remove_move_reconcile()
        invoices.action_invoice_cancel()
        statement_lines = self.env['account.bank.statement.line'].search([('company_id', '=', company.id),
                                                                          ('journal_entry_ids', '!=', False)])
        statement_lines.button_cancel_reconciliation()
        moves = self.env['account.move'].search([('company_id', '=', company.id), ('line_ids', '!=', False)])
        moves.mapped('line_ids').remove_move_reconcile()
        moves.button_cancel()
        moves.unlink()
        journals.write({'update_posted': False})
