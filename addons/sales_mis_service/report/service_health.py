# -*- coding: utf-8 -*-
"""Service health 服务健康度 of the director's dashboard (and of every role's tiles, each reading
their own requests): open, overdue and escalated requests, SLA met and satisfaction of the month,
repeat complaints of the month. Read with read_group as the caller: record rules apply."""
from odoo import api, fields, models

from odoo.addons.sales_mis.report.caller_access import check_readable

from ..models.service_request import OPEN_STATES


class ServiceHealth(models.AbstractModel):
    _name = 'sales_mis_service.health'
    _description = 'Service Health'

    @api.model
    def figures(self):
        """{figure: value} of the service requests the caller may read: open, overdue, escalated;
        this month's SLA met %, satisfaction, repeat complaints and requests."""
        check_readable(self.env, 'sales_mis_service.request', 'sales_mis_service.analysis')
        today = fields.Date.context_today(self)
        month_start = today[:8] + '01'
        Request = self.env['sales_mis_service.request']
        month = self.env['sales_mis_service.analysis'].read_group(
            [('date', '>=', month_start), ('date', '<=', today)],
            ['sla_met', 'satisfaction', 'repeat_count', 'request_count'], [])
        month = month[0] if month else {}
        return {
            'service_open': Request.search_count([('state', 'in', OPEN_STATES)]),
            'service_overdue': Request.search_count([('overdue', '=', True)]),
            'service_escalated': Request.search_count([('state', 'in', OPEN_STATES), ('escalated', '=', True)]),
            'service_sla_met': month.get('sla_met') or 0.0,
            'service_satisfaction': month.get('satisfaction') or 0.0,
            'service_repeats': month.get('repeat_count') or 0,
            'service_month_count': month.get('request_count') or 0,
        }
