# -*- coding: utf-8 -*-
"""Service health 服务健康度 on the role dashboards' key-figure tiles: SLA met this month and the
overdue open requests, read as the viewer (report/service_health.py)."""
from odoo import api, fields, models

SERVICE_CODES = ('service_sla_met', 'service_overdue')


class DashboardTile(models.Model):
    _inherit = 'sales_mis.dashboard.tile'

    code = fields.Selection(selection_add=[('service_sla_met', 'Service SLA Met This Month (%)'),
                                           ('service_overdue', 'Overdue Service Requests')])
    kind = fields.Selection(selection_add=[('count', 'Count')])

    @api.multi
    def _compute_value(self):
        service = self.filtered(lambda tile: tile.code in SERVICE_CODES)
        super(DashboardTile, self - service)._compute_value()
        if not service:
            return
        figures = self.env['sales_mis_service.health'].figures()
        currency = self.env.user.company_id.currency_id
        for tile in service:
            tile.value = figures.get(tile.code) or 0.0
            tile.currency_id = currency
