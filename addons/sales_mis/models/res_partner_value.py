# -*- coding: utf-8 -*-
"""Customer value and churn 价值/问题客户 (C5): RFM scores and segment stored on
the customer, and a "buying dropped" flag with an activity for the owner.

A daily cron reads the sales of all customers in one SQL query, scores them with
crm_logic.rfm / rfm_segments and writes everything back in one UPDATE ... FROM
(VALUES ...). Settings (ir.config_parameter): sales_mis.churn_drop_threshold
(0.5 = revenue down more than 50 %), sales_mis.churn_window_months (3),
sales_mis.churn_compare ('previous' months or same months last 'year'),
sales_mis.churn_min_base (smallest base revenue worth an alert)."""

from dateutil.relativedelta import relativedelta
import pandas as pd
from psycopg2.extras import execute_values

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from ..crm_logic.rfm import churn_flags, rfm_scores
from ..crm_logic.rfm_segments import segments
from ..report.local_day import local_date, tz_join

SEGMENTS = [('champion', 'Champion'), ('loyal', 'Loyal'), ('new', 'New Customer'), ('at_risk', 'At Risk'),
            ('lost', 'Lost Customer'), ('promising', 'Promising'), ('need_attention', 'Needs Attention')]

# the day of an order is its company's local day
SALES_SQL = """
    SELECT c.commercial_partner_id AS partner_id,
           %s AS date, o.amount_untaxed AS amount
      FROM sale_order o JOIN res_partner c ON c.id = o.partner_id %s
     WHERE o.state IN ('sale', 'done') AND COALESCE(o.confirmation_date, o.date_order) >= %%s
""" % (local_date('COALESCE(o.confirmation_date, o.date_order)'), tz_join('o.company_id'))


class ResPartner(models.Model):
    _inherit = 'res.partner'

    sales_mis_rfm_r = fields.Integer(string='Recency Score', readonly=True)
    sales_mis_rfm_f = fields.Integer(string='Frequency Score', readonly=True)
    sales_mis_rfm_m = fields.Integer(string='Monetary Score', readonly=True)
    sales_mis_rfm = fields.Char(string='RFM', size=3, readonly=True, index=True)
    sales_mis_segment = fields.Selection(SEGMENTS, string='Value Segment', readonly=True, index=True)
    sales_mis_last_sale_days = fields.Integer(string='Days Since Last Sale', readonly=True)
    sales_mis_buying_dropped = fields.Boolean(string='Buying Dropped', readonly=True, index=True,
                                              help='Recent revenue fell below the comparison period by more than the threshold.')
    sales_mis_revenue_change = fields.Float(string='Revenue Change %', readonly=True)

    @api.model
    def action_sales_mis_value(self):
        if not self.env.user.has_group('sales_mis.group_manager'):
            raise AccessError(_('Only sales managers can recompute customer values.'))
        self.sudo()._sales_mis_compute_value()
        return {'type': 'ir.actions.client', 'tag': 'reload'}

    @api.model
    def _sales_mis_compute_value(self, today=None):
        """RFM over the last 2 years, churn flags, alerts. Returns the flagged ids."""
        today = today or fields.Date.from_string(fields.Date.context_today(self))
        param = self.env['ir.config_parameter'].sudo().get_param
        threshold = float(param('sales_mis.churn_drop_threshold', '0.5'))
        window = int(param('sales_mis.churn_window_months', '3'))
        compare = param('sales_mis.churn_compare', 'previous')
        min_base = float(param('sales_mis.churn_min_base', '0'))
        since = today - relativedelta(years=2)
        self.env.cr.execute(SALES_SQL, (since.strftime('%Y-%m-%d'),))
        sales = pd.DataFrame(self.env.cr.fetchall(), columns=['partner_id', 'date', 'amount'])
        sales['amount'] = pd.to_numeric(sales['amount']).astype(float)

        table = rfm_scores(sales, today)
        table['segment'] = segments(table) if len(table) else pd.Series(dtype=object)
        monthly = sales.assign(month=pd.to_datetime(sales['date']).dt.to_period('M'))[['partner_id', 'month', 'amount']]
        # The last complete month ends the recent window: a running month would look like a drop.
        last_month = pd.Period(today, freq='M') - 1
        churn = churn_flags(monthly, drop_threshold=threshold, window=window, min_base=min_base,
                            last_month=last_month, compare=compare)
        table = table.merge(churn[['partner_id', 'change', 'flagged']], on='partner_id', how='left')

        cr = self.env.cr
        # Customers without sales lose their old scores.
        cr.execute("""UPDATE res_partner SET sales_mis_rfm_r = NULL, sales_mis_rfm_f = NULL, sales_mis_rfm_m = NULL,
                             sales_mis_rfm = NULL, sales_mis_segment = NULL, sales_mis_last_sale_days = NULL,
                             sales_mis_buying_dropped = false, sales_mis_revenue_change = NULL
                       WHERE sales_mis_rfm IS NOT NULL AND NOT (id = ANY(%s))""",
                   ([int(i) for i in table['partner_id']],))
        rows = [(int(row.partner_id), int(row.r), int(row.f), int(row.m), row.rfm, row.segment,
                 None if pd.isna(row.recency_days) else int(row.recency_days),
                 bool(row.flagged) if not pd.isna(row.flagged) else False,
                 None if pd.isna(row.change) else round(float(row.change) * 100, 1))
                for row in table.itertuples(index=False)]
        execute_values(cr, """
            UPDATE res_partner p SET sales_mis_rfm_r = v.r, sales_mis_rfm_f = v.f, sales_mis_rfm_m = v.m,
                   sales_mis_rfm = v.rfm, sales_mis_segment = v.segment, sales_mis_last_sale_days = v.days,
                   sales_mis_buying_dropped = v.dropped, sales_mis_revenue_change = v.change
              FROM (VALUES %s) AS v(id, r, f, m, rfm, segment, days, dropped, change)
             WHERE p.id = v.id""", rows,
            template='(%s, %s, %s, %s, %s, %s, %s::int, %s, %s::float)', page_size=1000)
        self.invalidate_cache()
        flagged = self.browse([row[0] for row in rows if row[7]])
        flagged._sales_mis_alert_dropped()
        return flagged

    def _sales_mis_alert_dropped(self):
        """One open activity per flagged customer for its owner; none if one is open.

        Inserted in one statement: mail.activity.create subscribes the owner and
        notifies per record (~0.3 s each), far too slow for the first run on
        thousands of customers. The owners are told once each on the bus."""
        activity_type = self.env.ref('sales_mis.mail_activity_buying_dropped')
        cr = self.env.cr
        cr.execute("""SELECT p.id, p.user_id, p.display_name, p.sales_mis_revenue_change
                        FROM res_partner p
                       WHERE p.id = ANY(%s) AND p.user_id IS NOT NULL
                         AND NOT EXISTS (SELECT 1 FROM mail_activity a
                                          WHERE a.res_model = 'res.partner' AND a.res_id = p.id
                                            AND a.activity_type_id = %s)""",
                   (self.ids, activity_type.id))
        rows = cr.fetchall()
        if not rows:
            return
        model_id = self.env['ir.model']._get('res.partner').id
        today = fields.Date.context_today(self)
        values = [(model_id, 'res.partner', partner_id, name, activity_type.id,
                   _('Buying dropped: %s %%') % change,
                   _('Revenue of %s fell compared with the previous period. Call the customer.') % name,
                   today, user_id, self.env.uid, self.env.uid)
                  for partner_id, user_id, name, change in rows]
        execute_values(cr, """
            INSERT INTO mail_activity (res_model_id, res_model, res_id, res_name, activity_type_id,
                                       summary, note, date_deadline, user_id, create_uid, write_uid,
                                       create_date, write_date)
            VALUES %s""", values,
            template="(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, now() at time zone 'UTC', now() at time zone 'UTC')",
            page_size=1000)
        self.env['mail.activity'].invalidate_cache()
        self.invalidate_cache(['activity_ids'])
        for user in self.env['res.users'].browse({row[1] for row in rows}):
            self.env['bus.bus'].sendone((cr.dbname, 'res.partner', user.partner_id.id),
                                        {'type': 'activity_updated', 'activity_created': True})
