# -*- coding: utf-8 -*-
"""Service analysis 服务分析 (K1): one row per request for pivot and graph, by category, product,
salesperson, team and month: response and resolution time, SLA met, satisfaction, repeat
complaints. An SQL view: the sums and averages are computed by PostgreSQL in read_group.

SLA met is 100 (resolved by the resolution deadline), 0 (resolved late, or open and past it)
or empty (no deadline, or open and not yet due): its average is the SLA met percentage of the
decided requests. Times and satisfaction are empty until known, so averages skip them. The
month is the company's local month (its partner's time zone, Asia/Shanghai for the demo)."""
from odoo import fields, models, tools
from odoo.addons.sales_mis.lib.admin_only import admin_only

from ..models.service_request import KINDS, STATES
from ..models.service_sla import PRIORITIES


class ServiceAnalysis(models.Model):
    _name = 'sales_mis_service.analysis'
    _description = 'Service Analysis'
    _auto = False
    _order = 'date desc'

    name = fields.Char(string='Reference', readonly=True)
    date = fields.Date(string='Received', readonly=True)
    kind = fields.Selection(KINDS, string='Type', readonly=True)
    state = fields.Selection(STATES, string='Status', readonly=True)
    priority = fields.Selection(PRIORITIES, readonly=True)
    category_id = fields.Many2one('sales_mis_service.category', string='Category', readonly=True)
    product_id = fields.Many2one('product.product', string='Product', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Customer', readonly=True)
    salesperson_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    user_id = fields.Many2one('res.users', string='Assigned To', readonly=True)
    team_id = fields.Many2one('crm.team', string='Service Team', readonly=True)
    company_id = fields.Many2one('res.company', string='Company', readonly=True)
    request_count = fields.Integer(string='Requests', readonly=True)
    response_hours = fields.Float(string='Response Time (Hours)', readonly=True, group_operator='avg')
    resolution_hours = fields.Float(string='Resolution Time (Hours)', readonly=True, group_operator='avg')
    sla_met = fields.Float(string='SLA Met (%)', readonly=True, group_operator='avg')
    satisfaction = fields.Float(string='Satisfaction (1-5)', readonly=True, group_operator='avg')
    repeat_count = fields.Integer(string='Repeat Complaints', readonly=True)
    escalated_count = fields.Integer(string='Escalated', readonly=True)
    overdue_count = fields.Integer(string='Overdue', readonly=True)
    fee_total = fields.Float(string='Fees', readonly=True)

    @admin_only
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW {table} AS
            SELECT r.id, r.name,
                   (r.date_request AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(NULLIF(cp.tz, ''), 'UTC'))::date AS date,
                   r.kind, r.state, r.priority, r.category_id, r.product_id,
                   r.commercial_partner_id AS partner_id, r.salesperson_id, r.user_id, r.team_id, r.company_id,
                   1 AS request_count,
                   CASE WHEN r.date_responded IS NOT NULL
                        THEN extract(epoch FROM r.date_responded - r.date_request) / 3600.0 END AS response_hours,
                   CASE WHEN r.date_resolved IS NOT NULL
                        THEN extract(epoch FROM r.date_resolved - r.date_request) / 3600.0 END AS resolution_hours,
                   CASE WHEN r.resolution_deadline IS NULL OR r.state = 'cancel' THEN NULL
                        WHEN r.date_resolved IS NOT NULL
                             THEN CASE WHEN r.date_resolved <= r.resolution_deadline THEN 100.0 ELSE 0.0 END
                        WHEN r.resolution_deadline < (now() AT TIME ZONE 'UTC') THEN 0.0
                   END AS sla_met,
                   NULLIF(r.satisfaction, 0) AS satisfaction,
                   CASE WHEN r.is_repeat THEN 1 ELSE 0 END AS repeat_count,
                   CASE WHEN r.escalated THEN 1 ELSE 0 END AS escalated_count,
                   CASE WHEN r.state IN ('new', 'assigned', 'in_progress')
                         AND ((r.date_responded IS NULL AND r.response_deadline < (now() AT TIME ZONE 'UTC'))
                           OR (r.date_resolved IS NULL AND r.resolution_deadline < (now() AT TIME ZONE 'UTC')))
                        THEN 1 ELSE 0 END AS overdue_count,
                   COALESCE(r.fee_total, 0.0) AS fee_total
              FROM sales_mis_service_request r
              JOIN res_company c ON c.id = r.company_id
              LEFT JOIN res_partner cp ON cp.id = c.partner_id
        """.format(table=self._table))
