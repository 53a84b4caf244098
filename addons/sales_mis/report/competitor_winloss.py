# -*- coding: utf-8 -*-
"""Win/loss by competitor 竞争对手分析 (B5/F7): one row per competitor met on an
opportunity, with the outcome of that opportunity. Read with the same visibility as
the opportunities (record rules on user_id / team_id)."""
from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError

from ..models.competitor import POSITIONS
from ..lib.admin_only import admin_only
from .caller_access import check_readable
from .local_day import local_date, tz_join


class CompetitorReport(models.Model):
    _name = 'sales_mis.competitor.report'
    _description = 'Win/Loss by Competitor'
    _auto = False
    _order = 'competitor_id'

    competitor_id = fields.Many2one('sales_mis.competitor', string='Competitor', readonly=True)
    lead_id = fields.Many2one('crm.lead', string='Opportunity', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Customer', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    stage_id = fields.Many2one('crm.stage', string='Stage', readonly=True)
    lost_reason = fields.Many2one('crm.lost.reason', string='Lost Reason', readonly=True)
    outcome = fields.Selection([('open', 'Open'), ('won', 'Won'), ('lost', 'Lost')], readonly=True)
    position = fields.Selection(POSITIONS, readonly=True)
    date = fields.Date('Date', readonly=True, help='Closing date, or creation date while open.')
    opportunity_count = fields.Integer('Opportunities', readonly=True)
    won_count = fields.Integer('Won', readonly=True)
    lost_count = fields.Integer('Lost', readonly=True)
    amount = fields.Float('Expected Revenue', readonly=True)
    won_amount = fields.Float('Won Revenue', readonly=True)
    lost_amount = fields.Float('Lost Revenue', readonly=True)
    competitor_price = fields.Float('Their Price', readonly=True, group_operator='avg')
    # 100 when won, 0 when lost, empty while open: the average is the win rate of closed deals
    win_rate = fields.Float('Win Rate (%)', readonly=True, group_operator='avg')

    @admin_only
    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW %(table)s AS (
                SELECT c.id, c.competitor_id, c.lead_id, l.partner_id, l.user_id, l.team_id,
                       l.company_id, l.stage_id, l.lost_reason, c.outcome, c.position,
                       %(day)s AS date,
                       1 AS opportunity_count,
                       (c.outcome = 'won')::int AS won_count,
                       (c.outcome = 'lost')::int AS lost_count,
                       COALESCE(l.planned_revenue, 0) AS amount,
                       CASE WHEN c.outcome = 'won' THEN COALESCE(l.planned_revenue, 0) ELSE 0 END AS won_amount,
                       CASE WHEN c.outcome = 'lost' THEN COALESCE(l.planned_revenue, 0) ELSE 0 END AS lost_amount,
                       NULLIF(c.price, 0) AS competitor_price,
                       CASE c.outcome WHEN 'won' THEN 100.0 WHEN 'lost' THEN 0.0 END AS win_rate
                  FROM sales_mis_lead_competitor c
                  JOIN crm_lead l ON l.id = c.lead_id
                  %(tz_join)s
            )""" % {'table': self._table, 'day': local_date('COALESCE(l.date_closed, l.create_date)'),
                   'tz_join': tz_join('l.company_id')})

    @api.model
    def export_rows(self, domain=None):
        """Per competitor: counts and amounts (record rules applied), for the XLSX."""
        check_readable(self.env, self._name)
        if domain and not isinstance(domain, (list, tuple)):  # XML-RPC callers may send anything
            raise UserError(_('The domain must be a list of conditions, e.g. [["name", "ilike", "ABC"]].'))
        fields_ = ['competitor_id', 'opportunity_count', 'won_count', 'lost_count', 'amount',
                   'won_amount', 'lost_amount']
        groups = self.read_group(domain or [], fields_, ['competitor_id'], orderby='competitor_id')
        return [{'competitor': group['competitor_id'][1] if group['competitor_id'] else '',
                 'opportunities': group['opportunity_count'], 'won': group['won_count'],
                 'lost': group['lost_count'], 'amount': group['amount'],
                 'won_amount': group['won_amount'], 'lost_amount': group['lost_amount']}
                for group in groups]
