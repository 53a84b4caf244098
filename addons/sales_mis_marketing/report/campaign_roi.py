# -*- coding: utf-8 -*-
"""Campaign effect analysis 活动效果分析 (J1): one row per campaign x month x company of what
the campaign brought and cost: leads and opportunities created, confirmed orders (untaxed
amount and margin, in company currency), invoiced revenue net of credit notes, and the costs
booked. Attribution is Odoo's own campaign_id on crm.lead, sale.order and account.invoice.

A plain SQL view (always current): each source is read through a partial index on its
campaign_id (created by init), so only attributed documents are scanned. The ROI of any group
(a pivot cell, a campaign, a team) is recomputed from its summed margin and cost in
read_group: a ratio is never summed. Record rules follow the campaign's team and company."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_mis.lib.admin_only import admin_only
from odoo.addons.sales_mis.lib.read_group_fields import with_groupby_fields
from odoo.addons.sales_mis.models.res_partner_value import SEGMENTS
from odoo.addons.sales_mis.report.caller_access import check_readable
from odoo.addons.sales_mis.report.order_currency import RATE_JOINS, TO_COMPANY
from odoo.addons.sales_mis.report.local_day import local_date, tz_join

from ..marketing_logic.roi import ADDITIVE, roi
from ..models.campaign import CAMPAIGN_STATES

#: partial indexes on Odoo's tables: only attributed rows, so everyday writes of the others
#: do not maintain them
INDEXES = {
    'crm_lead': 'sales_mis_marketing_lead_campaign_idx',
    'sale_order': 'sales_mis_marketing_order_campaign_idx',
    'account_invoice': 'sales_mis_marketing_invoice_campaign_idx',
}


class CampaignRoi(models.Model):
    _name = 'sales_mis_marketing.campaign.roi'
    _description = 'Campaign Effect Analysis'
    _auto = False
    _order = 'month desc, campaign_id'

    campaign_id = fields.Many2one('utm.campaign', string='Campaign', readonly=True)
    month = fields.Date(string='Month', readonly=True)
    company_id = fields.Many2one('res.company', string='Company', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    medium_id = fields.Many2one('utm.medium', string='Channel', readonly=True)
    state = fields.Selection(CAMPAIGN_STATES, string='Status', readonly=True)
    segment_rfm = fields.Selection(SEGMENTS, string='Value Segment', readonly=True)
    lead_count = fields.Integer(string='Leads', readonly=True)
    opportunity_count = fields.Integer(string='Opportunities', readonly=True)
    order_count = fields.Integer(string='Orders', readonly=True)
    order_amount = fields.Float(string='Ordered', readonly=True)
    invoiced_amount = fields.Float(string='Invoiced Revenue', readonly=True)
    margin = fields.Float(string='Margin', readonly=True)
    cost = fields.Float(string='Cost', readonly=True)
    roi = fields.Float(string='ROI (%)', readonly=True, group_operator='sum',
                       help='(Margin - Cost) / Cost in percent, recomputed for every group from its sums.')

    def _query(self):
        rates = self.env['res.currency']._select_companies_rates()
        month = "date_trunc('month', %s)::date"
        return """
            WITH currency_rate AS ({rates}),
            src AS (
                SELECT l.campaign_id, {lead_month} AS month, l.company_id,
                       CASE WHEN l.type = 'lead' THEN 1 ELSE 0 END AS lead_count,
                       CASE WHEN l.type = 'opportunity' THEN 1 ELSE 0 END AS opportunity_count,
                       0 AS order_count, 0.0 AS order_amount, 0.0 AS invoiced_amount, 0.0 AS margin, 0.0 AS cost
                  FROM crm_lead l {lead_tz}
                 WHERE l.campaign_id IS NOT NULL
                UNION ALL
                SELECT s.campaign_id, {order_month}, s.company_id, 0, 0, 1,
                       s.amount_untaxed * {to_company}, 0.0, COALESCE(s.margin, 0.0) * {to_company}, 0.0
                  FROM sale_order s
                  JOIN res_company co ON co.id = s.company_id
                  {order_tz}
                  {rate_joins}
                 WHERE s.campaign_id IS NOT NULL AND s.state IN ('sale', 'done')
                UNION ALL
                -- amount_untaxed_signed: company currency, negative on credit notes
                SELECT i.campaign_id, date_trunc('month', i.date_invoice)::date, i.company_id, 0, 0, 0, 0.0,
                       i.amount_untaxed_signed, 0.0, 0.0
                  FROM account_invoice i
                 WHERE i.campaign_id IS NOT NULL AND i.state IN ('open', 'paid')
                   AND i.type IN ('out_invoice', 'out_refund')
                UNION ALL
                SELECT k.campaign_id, date_trunc('month', k.date)::date, k.company_id, 0, 0, 0, 0.0, 0.0, 0.0,
                       k.amount
                  FROM sales_mis_marketing_campaign_cost k
            )
            -- the id is the (campaign, month, company) key itself, not row_number(): a window
            -- function would stop PostgreSQL from pushing a campaign or team filter (a form, the
            -- record rules) down into the sources
            SELECT (src.campaign_id::bigint * 100000
                    + COALESCE(extract(year FROM src.month)::int * 12 + extract(month FROM src.month)::int, 0))
                   * 10000 + COALESCE(src.company_id, 0) AS id,
                   src.campaign_id, src.month, src.company_id,
                   c.team_id, c.medium_id, c.state, c.segment_rfm,
                   sum(src.lead_count) AS lead_count, sum(src.opportunity_count) AS opportunity_count,
                   sum(src.order_count) AS order_count, sum(src.order_amount) AS order_amount,
                   sum(src.invoiced_amount) AS invoiced_amount, sum(src.margin) AS margin,
                   sum(src.cost) AS cost,
                   CASE WHEN sum(src.cost) > 0 THEN 100.0 * (sum(src.margin) - sum(src.cost)) / sum(src.cost)
                   END AS roi
              FROM src JOIN utm_campaign c ON c.id = src.campaign_id
             GROUP BY src.campaign_id, src.month, src.company_id, c.team_id, c.medium_id, c.state, c.segment_rfm
        """.format(
            rates=rates,
            lead_month=month % local_date('l.create_date', 'ltz.tz'), lead_tz=tz_join('l.company_id', 'ltz'),
            order_month=month % local_date('COALESCE(s.confirmation_date, s.date_order)'),
            order_tz=tz_join('s.company_id'), to_company=TO_COMPANY, rate_joins=RATE_JOINS)

    @admin_only
    @api.model_cr
    def init(self):
        for table, index in INDEXES.items():
            self.env.cr.execute('CREATE INDEX IF NOT EXISTS {0} ON {1} (campaign_id) WHERE campaign_id IS NOT NULL'
                                .format(index, table))
        self.env.cr.execute('DROP VIEW IF EXISTS %s CASCADE' % self._table)
        self.env.cr.execute('CREATE VIEW %s AS %s' % (self._table, self._query()))

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        """ROI of each group from its summed margin and cost (a ratio is never summed)."""
        wants_roi = any(name.split(':')[0] == 'roi' for name in fields or [])
        extra = [name for name in ('margin', 'cost') if wants_roi and name not in fields]
        groups = super(CampaignRoi, self).read_group(domain, with_groupby_fields(list(fields or []) + extra, groupby,
                                                                                  lazy), groupby, offset=offset,
                                                     limit=limit, orderby=orderby, lazy=lazy)
        if wants_roi:
            for group in groups:
                ratio = roi(group.get('margin'), group.get('cost'))
                group['roi'] = 100.0 * ratio if ratio is not None else False
        return groups

    @api.model
    def export_rows(self, domain=None):
        """One row per campaign for the 活动效果分析表, read as the caller (record rules); dates as
        'YYYY-MM-DD' or False (XML-RPC carries no None)."""
        check_readable(self.env, self._name, 'utm.campaign')
        if domain and not isinstance(domain, (list, tuple)):  # XML-RPC callers may send anything
            raise UserError(_('The domain must be a list of conditions, e.g. [["month", ">=", "2026-01-01"]].'))
        groups = self.read_group(list(domain or []), ['campaign_id'] + list(ADDITIVE), ['campaign_id'],
                                 orderby='campaign_id')
        campaigns = self.env['utm.campaign'].browse([g['campaign_id'][0] for g in groups if g['campaign_id']])
        campaigns.check_access_rule('read')
        states = dict(campaigns._fields['state']._description_selection(self.env))
        info = {c.id: c for c in campaigns}
        rows = []
        for group in groups:
            if not group['campaign_id']:
                continue
            campaign = info[group['campaign_id'][0]]
            row = {name: group.get(name) or 0 for name in ADDITIVE}
            row.update(campaign=campaign.name, channel=campaign.medium_id.name or '',
                       team=campaign.team_id.name or '', state=states.get(campaign.state, ''),
                       date_start=campaign.date_start or False, date_end=campaign.date_end or False,
                       budget=campaign.approved_budget or campaign.budget)
            rows.append(row)
        return rows
