# -*- coding: utf-8 -*-
"""Fixtures of the standard report tests: the order-to-cash flow of a salesperson's
customer (order, delivery, invoice, partial payment, refund) on chosen dates."""
import datetime

import xlrd

from odoo import fields

from .common import PlanningCase


def read_xlsx(data):
    """Rows of the first sheet as lists of values (title, subtitle, header, data..., totals)."""
    sheet = xlrd.open_workbook(file_contents=data).sheet_by_index(0)
    return [sheet.row_values(row) for row in range(sheet.nrows)]


def table(data):
    """{first column: {header: value}} of the data and totals rows of a report."""
    rows = read_xlsx(data)
    header = rows[2]
    return {tuple(row[:1])[0]: dict(zip(header, row)) for row in rows[3:]}


class ReportCase(PlanningCase):

    def setUp(self):
        super(ReportCase, self).setUp()
        env = self.env
        # a seller of the East team without demo data: the demo flow books today's sales too
        self.seller = self.salesperson_east2
        self.today = fields.Date.from_string(fields.Date.context_today(env['res.users']))
        self.day = fields.Date.to_string(self.today)
        # untaxed products: invoice totals equal the sales amounts
        self.pump = env['product.product'].create({'name': 'Report Pump', 'default_code': 'RP1', 'type': 'consu',
                                                   'list_price': 100.0, 'taxes_id': [(5, 0, 0)],
                                                   'categ_id': self.categ_a.id})
        self.valve = env['product.product'].create({'name': 'Report Valve', 'default_code': 'RV1', 'type': 'consu',
                                                    'list_price': 10.0, 'taxes_id': [(5, 0, 0)],
                                                    'categ_id': self.categ_b.id})
        self.east_customer = env['res.partner'].create({'name': 'East Buyer Ltd', 'customer': True,
                                                        'user_id': self.seller.id,
                                                        'country_id': env.ref('base.cn').id})
        self.south_customer = env['res.partner'].create({'name': 'South Buyer Ltd', 'customer': True,
                                                         'user_id': self.salesperson_south.id})
        self.bank = env['account.journal'].search([('type', '=', 'bank'), ('company_id', '=', self.company.id)],
                                                  limit=1)

    def days_ago(self, days):
        return fields.Date.to_string(self.today - datetime.timedelta(days=days))

    def sell(self, user, partner, lines, day=None):
        """Order, deliver and invoice `lines` [(product, qty, price)]; returns the open invoice."""
        order = self.env['sale.order'].create({
            'partner_id': partner.id, 'user_id': user.id, 'team_id': user.sale_team_id.id,
            'order_line': [(0, 0, {'product_id': p.id, 'product_uom_qty': q, 'price_unit': price, 'tax_id': [(5, 0, 0)]})
                           for p, q, price in lines]})
        order.action_confirm()
        for picking in order.picking_ids:
            for move in picking.move_lines:
                move.quantity_done = move.product_uom_qty
            picking.button_validate()
        invoice = self.env['account.invoice'].browse(order.action_invoice_create())
        invoice.write({'date_invoice': day or self.day, 'date_due': False})
        invoice.action_invoice_open()
        return invoice

    def pay(self, invoice, amount, day=None):
        payment = self.env['account.payment'].create({
            'payment_type': 'inbound' if invoice.type == 'out_invoice' else 'outbound',
            'partner_type': 'customer', 'partner_id': invoice.partner_id.id,
            'amount': amount, 'journal_id': self.bank.id, 'payment_date': day or self.day,
            'payment_method_id': self.env.ref('account.account_payment_method_manual_in').id
            if invoice.type == 'out_invoice' else self.env.ref('account.account_payment_method_manual_out').id,
            'invoice_ids': [(6, 0, invoice.ids)]})
        payment.post()
        return payment

    def refund(self, invoice, quantity, day=None):
        """An open credit note of `quantity` of the invoice's first line."""
        refund = invoice.refund(date_invoice=day or self.day, date=day or self.day, description='Return')
        refund.invoice_line_ids[1:].unlink()
        refund.invoice_line_ids.write({'quantity': quantity})
        refund.compute_taxes()
        refund.action_invoice_open()
        return refund

    def refresh_reports(self):
        self.env['sales_mis.sales.analysis'].refresh()

    def build(self, report_type, user=None, day=None, lang=None):
        export = self.env['sales_mis.report.export'].sudo(user or self.director)
        if lang:
            export = export.with_context(lang=lang)
        return export.build(report_type, day or self.day)[1]
