# -*- coding: utf-8 -*-
"""Demo data of the standard reports: an order-to-cash flow of the demo salesperson
(delivered, invoiced, partly paid, partly refunded) and an older overdue invoice, so
that collections, arrears and every daily report have figures out of the box."""
import datetime

from odoo import api, fields, models

from ..lib.admin_only import admin_only

#: set once the demo flow is booked (it must run once only)
DONE_PARAM = 'sales_mis.report_demo_booked'


class ReportDemo(models.AbstractModel):
    _name = 'sales_mis.report.demo'
    _description = 'Sales MIS Report Demo Data'

    @api.model
    def _sell(self, user, partner, lines, day):
        order = self.env['sale.order'].create({
            'partner_id': partner.id, 'user_id': user.id, 'team_id': user.sale_team_id.id,
            'order_line': [(0, 0, {'product_id': product.id, 'product_uom_qty': qty, 'price_unit': price,
                                   'tax_id': [(5, 0, 0)]}) for product, qty, price in lines]})
        order.action_confirm()
        for picking in order.picking_ids:
            for move in picking.move_lines:
                move.quantity_done = move.product_uom_qty
            picking.button_validate()
        invoice = self.env['account.invoice'].browse(order.action_invoice_create())
        invoice.write({'date_invoice': day, 'date_due': False})
        invoice.action_invoice_open()
        return invoice

    @api.model
    def _pay(self, invoice, amount, day):
        journal = self.env['account.journal'].search([('type', '=', 'bank'), ('company_id', '=', invoice.company_id.id)],
                                                     limit=1)
        payment = self.env['account.payment'].create({
            'payment_type': 'inbound', 'partner_type': 'customer', 'partner_id': invoice.partner_id.id,
            'amount': amount, 'journal_id': journal.id, 'payment_date': day,
            'payment_method_id': self.env.ref('account.account_payment_method_manual_in').id,
            'invoice_ids': [(6, 0, invoice.ids)]})
        payment.post()

    @admin_only
    @api.model
    def create_demo_flow(self):
        """Book the demo flow once.  On a fresh install the chart of accounts (and so the sales
        and bank journals) comes after this module's demo data: then a one-shot cron books it
        at the server's first cron run."""
        Param = self.env['ir.config_parameter'].sudo()
        if Param.get_param(DONE_PARAM):
            return False
        company = self.env.user.company_id
        journals = self.env['account.journal'].search([('company_id', '=', company.id)]).mapped('type')
        if 'sale' not in journals or 'bank' not in journals:
            self.env['ir.cron'].sudo().create({
                'name': 'Sales MIS: book the reports demo flow', 'model_id': self.env.ref(
                    'sales_mis.model_sales_mis_report_demo').id, 'state': 'code',
                'code': 'model.create_demo_flow()', 'numbercall': 1, 'interval_number': 1,
                'interval_type': 'minutes', 'nextcall': fields.Datetime.now(), 'doall': True})
            return False
        Param.set_param(DONE_PARAM, fields.Datetime.now())
        salesperson = self.env.ref('sales_mis.user_salesperson')
        manager = self.env.ref('sales_mis.user_manager')
        products = self.env['product.product'].search([('sale_ok', '=', True), ('type', 'in', ('consu', 'product')),
                                                       ('list_price', '>', 0)], order='id', limit=2)
        if len(products) < 2 or not salesperson.sale_team_id:
            return False
        today = fields.Date.from_string(fields.Date.context_today(self))
        day = fields.Date.to_string(today)
        first, second = products
        invoice = self._sell(salesperson, self.env.ref('base.res_partner_3'),
                             [(first, 10, 500.0), (second, 20, 50.0)], day)
        self._pay(invoice, 2500.0, day)
        refund = invoice.refund(date_invoice=day, date=day, description='Returned goods')
        refund.invoice_line_ids[1:].unlink()
        refund.invoice_line_ids.write({'quantity': 2})
        refund.compute_taxes()
        refund.action_invoice_open()
        # an older invoice of the manager's, 40 days past due and a third paid
        old_day = fields.Date.to_string(today - datetime.timedelta(days=40))
        old = self._sell(manager, self.env.ref('base.res_partner_2'), [(second, 30, 50.0)], old_day)
        self._pay(old, 500.0, day)
        self.env['sales_mis.sales.analysis'].refresh()
        return True
