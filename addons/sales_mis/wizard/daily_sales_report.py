# -*- coding: utf-8 -*-
"""The daily reports wizard: pick a report and a day, see it as a list or download it.

F2 (product sales) and F4 (collection summary) are computed into lines with
the day, month-to-date and year-to-date columns; F1, F3 and F5 open their
analysis views filtered on the day."""
from odoo import api, fields, models

from ..models.report_export import REPORT_TYPES


class DailyReport(models.TransientModel):
    _name = 'sales_mis.daily.sales.report'
    _description = 'Daily Sales Reports'
    _rec_name = 'name'

    report_type = fields.Selection(REPORT_TYPES, string='Report', required=True, default='product_daily')
    date = fields.Date(string='Day', required=True, default=fields.Date.context_today)
    name = fields.Char(compute='_compute_name')
    line_ids = fields.One2many('sales_mis.daily.sales.report.line', 'report_id', string='Lines', readonly=True)

    @api.depends('report_type', 'date')
    def _compute_name(self):
        labels = dict(self._fields['report_type']._description_selection(self.env))
        for report in self:
            report.name = '%s %s' % (labels.get(report.report_type, ''), report.date or '')

    @api.multi
    def action_download(self):
        self.ensure_one()
        return {'type': 'ir.actions.act_url', 'target': 'new',
                'url': '/sales_mis/report/%s.xlsx?day=%s' % (self.report_type, self.date)}

    def _line_values(self):
        """The lines of a list report (F2, F4) of the day; none for the others."""
        Export = self.env['sales_mis.report.export']
        if self.report_type == 'product_daily' and self.date:
            return [{'product_id': row['product_id'], 'day_qty': row['day_qty'],
                     'day_amount': row['day_amount'], 'mtd_qty': row['mtd_qty'],
                     'mtd_amount': row['mtd_amount'], 'ytd_qty': row['ytd_qty'],
                     'ytd_amount': row['ytd_amount']} for row in Export.product_daily_rows(self.date)]
        if self.report_type == 'collection_summary' and self.date:
            return [{'team_id': row['team_id'], 'user_id': row['user_id'], 'day_amount': row['day_amount'],
                     'mtd_amount': row['mtd_amount'], 'ytd_amount': row['ytd_amount']}
                    for row in Export.collection_summary_rows(self.date)]
        return []

    @api.onchange('report_type', 'date')
    def _onchange_lines(self):
        # also runs when the form opens: the figures of today show at once, no "Show" first
        self.line_ids = [(5, 0, 0)] + [(0, 0, value) for value in self._line_values()]

    @api.multi
    def action_show(self):
        self.ensure_one()
        if self.report_type in ('product_daily', 'collection_summary'):
            self.write({'line_ids': [(5, 0, 0)] + [(0, 0, value) for value in self._line_values()]})
            return True   # the form reloads with the lines
        action = {
            'sales_analysis': ('sales_mis.action_sales_analysis', []),
            'collection_detail': ('sales_mis.action_collections', [('date', '=', self.date)]),
            'arrears': ('sales_mis.action_arrears', []),
        }[self.report_type]
        result = self.env.ref(action[0]).read()[0]
        result['domain'] = action[1]
        return result


class DailyReportLine(models.TransientModel):
    _name = 'sales_mis.daily.sales.report.line'
    _description = 'Daily Sales Report Line'
    _order = 'day_amount desc, mtd_amount desc, id'

    report_id = fields.Many2one('sales_mis.daily.sales.report', required=True, ondelete='cascade')
    product_id = fields.Many2one('product.product', string='Product', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    day_qty = fields.Float(string='Quantity of the Day', readonly=True)
    day_amount = fields.Float(string='Amount of the Day', readonly=True)
    mtd_qty = fields.Float(string='Quantity Month to Date', readonly=True)
    mtd_amount = fields.Float(string='Month to Date', readonly=True)
    ytd_qty = fields.Float(string='Quantity Year to Date', readonly=True)
    ytd_amount = fields.Float(string='Year to Date', readonly=True)
