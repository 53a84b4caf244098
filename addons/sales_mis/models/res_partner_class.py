# -*- coding: utf-8 -*-
"""Automatic customer classes 客户分类 (C2): ordered rules (class code and
thresholds on trailing 12-month revenue, order count, margin, overdue
receivables), applied to all customers at once by a daily cron or a button.

One SQL query reads the metrics of every customer, crm_logic.customer_class
applies the rules on a DataFrame, then one UPDATE per class writes the changed
customers and one INSERT writes their class history. No per-customer loop."""
import json
import time
from datetime import timedelta

import pandas as pd
from psycopg2.extras import execute_values

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..crm_logic.customer_class import classify

METRICS_SQL = """
    SELECT p.id AS partner_id, p.sales_mis_class AS old_class, p.user_id, p.team_id,
           COALESCE(s.revenue, 0) AS revenue, COALESCE(s.order_count, 0) AS order_count,
           CASE WHEN s.revenue > 0 THEN 100.0 * s.margin / s.revenue END AS margin_pct,
           COALESCE(i.overdue_amount, 0) AS overdue_amount,
           COALESCE(i.overdue_days, 0) AS overdue_days
      FROM res_partner p
      LEFT JOIN (SELECT c.commercial_partner_id AS partner_id, sum(o.amount_untaxed) AS revenue,
                        count(*) AS order_count, sum(o.margin) AS margin
                   FROM sale_order o JOIN res_partner c ON c.id = o.partner_id
                  WHERE o.state IN ('sale', 'done') AND o.company_id = %(company)s
                    AND COALESCE(o.confirmation_date, o.date_order) >= %(since)s
                  GROUP BY c.commercial_partner_id) s ON s.partner_id = p.id
      LEFT JOIN (SELECT commercial_partner_id AS partner_id,
                        sum(residual_company_signed) AS overdue_amount,
                        max(%(today)s::date - date_due) AS overdue_days
                   FROM account_invoice
                  WHERE type = 'out_invoice' AND state = 'open' AND date_due < %(today)s
                    AND company_id = %(company)s
                  GROUP BY commercial_partner_id) i ON i.partner_id = p.id
     WHERE p.active AND p.customer AND p.parent_id IS NULL
       AND (p.company_id IS NULL OR p.company_id = %(company)s)
"""


class CustomerClassRule(models.Model):
    _name = 'sales_mis.customer.class.rule'
    _description = 'Customer Class Rule'
    _order = 'company_id, sequence, id'

    sequence = fields.Integer(default=10, help='Rules are tried in this order; the first that matches wins.')
    code = fields.Char(string='Class', required=True, size=8, track_visibility='onchange',
                       help='Class given to the customers matching this rule, e.g. A, B, C.')
    name = fields.Char(string='Description', translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one('res.company', required=True, default=lambda self: self.env.user.company_id)
    min_revenue = fields.Float(string='Min. Revenue (12 months)', help='Untaxed confirmed sales of the last 12 months; 0 = no condition.')
    min_order_count = fields.Integer(string='Min. Orders (12 months)', help='0 = no condition.')
    min_margin_pct = fields.Float(string='Min. Margin %', help='0 = no condition.')
    check_overdue = fields.Boolean(string='Check Overdue', help='Also require a good payment behaviour.')
    max_overdue_amount = fields.Float(string='Max. Overdue Amount', help='Overdue open customer invoices (residual).')
    max_overdue_days = fields.Integer(string='Max. Days Overdue', help='Days past due of the oldest overdue invoice.')

    @api.constrains('min_revenue', 'min_order_count', 'max_overdue_amount', 'max_overdue_days')
    def _check_thresholds(self):
        for rule in self:
            if min(rule.min_revenue, rule.min_order_count, rule.max_overdue_amount, rule.max_overdue_days) < 0:
                raise ValidationError(_('Class rule %s: thresholds cannot be negative.') % rule.code)

    def _as_logic_rule(self):
        """The rule in crm_logic.customer_class form."""
        self.ensure_one()
        conditions = []
        if self.min_revenue:
            conditions.append({'field': 'revenue', 'op': '>=', 'value': self.min_revenue})
        if self.min_order_count:
            conditions.append({'field': 'order_count', 'op': '>=', 'value': self.min_order_count})
        if self.min_margin_pct:
            conditions.append({'field': 'margin_pct', 'op': '>=', 'value': self.min_margin_pct})
        if self.check_overdue:
            conditions.append({'field': 'overdue_amount', 'op': '<=', 'value': self.max_overdue_amount})
            conditions.append({'field': 'overdue_days', 'op': '<=', 'value': self.max_overdue_days})
        return {'class': self.code, 'conditions': conditions}


class CustomerClassHistory(models.Model):
    _name = 'sales_mis.customer.class.history'
    _description = 'Customer Class Change'
    _order = 'date desc, id desc'

    partner_id = fields.Many2one('res.partner', string='Customer', required=True, ondelete='cascade', index=True)
    old_class = fields.Char(string='Old Class')
    new_class = fields.Char(string='New Class')
    date = fields.Date(required=True, default=fields.Date.context_today)
    reason = fields.Char(string='Reason')
    metrics = fields.Text(string='Metrics', help='Figures the class was computed from (JSON).')
    # Plain fields copied at creation, for the record rules.
    user_id = fields.Many2one('res.users', string='Salesperson', index=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', index=True)
    company_id = fields.Many2one('res.company', string='Company', index=True)


class ResPartner(models.Model):
    _inherit = 'res.partner'

    sales_mis_class = fields.Char(string='Customer Class', size=8, readonly=True, index=True,
                                  help='Given by the class rules (Sales MIS > Configuration > Class Rules).')
    sales_mis_class_date = fields.Date(string='Classified On', readonly=True)
    sales_mis_class_history_ids = fields.One2many('sales_mis.customer.class.history', 'partner_id',
                                                  string='Class History')

    @api.model
    def action_sales_mis_classify(self):
        """Button: classify all customers now."""
        if not self.env.user.has_group('sales_mis.group_manager'):
            raise AccessError(_('Only sales managers can reclassify the customers.'))
        self.sudo()._sales_mis_classify(self.env.user.company_id)
        return {'type': 'ir.actions.client', 'tag': 'reload'}

    @api.model
    def _cron_sales_mis_classify(self):
        for company in self.env['res.company'].search([]):
            if self.env['sales_mis.customer.class.rule'].search_count([('company_id', '=', company.id)]):
                self._sales_mis_classify(company)

    @api.model
    def _sales_mis_metrics(self, company, today):
        since = (today - timedelta(days=365)).strftime('%Y-%m-%d')
        self.env.cr.execute(METRICS_SQL, {'company': company.id, 'since': since,
                                          'today': today.strftime('%Y-%m-%d')})
        columns = [column[0] for column in self.env.cr.description]
        frame = pd.DataFrame(self.env.cr.fetchall(), columns=columns)
        for column in ('revenue', 'margin_pct', 'overdue_amount'):
            frame[column] = pd.to_numeric(frame[column]).astype(float)
        return frame

    @api.model
    def _sales_mis_classify(self, company, today=None, reason=None):
        """Classify every customer of ``company``; returns counts and seconds."""
        started = time.perf_counter()
        today = today or fields.Date.from_string(fields.Date.context_today(self))
        rules = self.env['sales_mis.customer.class.rule'].search([('company_id', '=', company.id)])
        frame = self._sales_mis_metrics(company, today)
        frame['new_class'] = classify(frame, [rule._as_logic_rule() for rule in rules], default=None)
        frame['old_class'] = frame['old_class'].where(frame['old_class'].notna(), None)
        changed = frame[frame['new_class'].fillna('') != frame['old_class'].fillna('')]
        cr, day = self.env.cr, today.strftime('%Y-%m-%d')
        for code, group in changed.groupby(changed['new_class'].fillna(''), sort=False):
            cr.execute("UPDATE res_partner SET sales_mis_class = %s, sales_mis_class_date = %s WHERE id = ANY(%s)",
                       (code or None, day, [int(i) for i in group['partner_id']]))
        reason = reason or _('Automatic classification')
        metric_columns = ['revenue', 'order_count', 'margin_pct', 'overdue_amount', 'overdue_days']
        rows = [(int(row.partner_id), row.old_class, row.new_class, day, reason,
                 json.dumps({c: (None if pd.isna(getattr(row, c)) else round(float(getattr(row, c)), 2))
                             for c in metric_columns}),
                 None if pd.isna(row.user_id) else int(row.user_id),
                 None if pd.isna(row.team_id) else int(row.team_id), company.id, self.env.uid, self.env.uid)
                for row in changed.itertuples(index=False)]
        execute_values(cr, """
            INSERT INTO sales_mis_customer_class_history
                (partner_id, old_class, new_class, date, reason, metrics, user_id, team_id, company_id,
                 create_uid, write_uid, create_date, write_date)
            VALUES %s""", rows,
            template="(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, now() at time zone 'UTC', now() at time zone 'UTC')",
            page_size=1000)
        self.invalidate_cache(['sales_mis_class', 'sales_mis_class_date', 'sales_mis_class_history_ids'])
        return {'total': len(frame), 'changed': len(changed), 'seconds': time.perf_counter() - started}
