# -*- coding: utf-8 -*-
"""Opportunity evaluation 销售机会评估 (B4) on crm.lead: the qualification answers
(BANT), the weighted rule score with its breakdown and the learned win probability
with the factors that drove it.

Both are computed in bulk: one SQL query reads the signals of all the leads, the
pure modules (crm_logic.lead_score, crm_logic.win_model) do the maths and one
UPDATE writes the results back (no chatter noise for a recomputed figure).

A brand-new open opportunity is scored before its INSERT, from the values being inserted,
and its figures go into that INSERT (issue 17: no query and no UPDATE of our own on an
everyday create): such a lead has no age, no messages, no activities and no competitors yet,
so the signal query would only read back the values we already hold, plus the customer's
past orders (one count)."""
import json
from datetime import date, datetime

import pandas as pd

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.tools import html_escape

from ..crm_logic import lead_score, win_model
from .lead_criterion import SIGNALS

#: features of the win model; the categorical ones are ids or labels
WIN_CATEGORICAL = ['team_id', 'user_id', 'source_id', 'medium_id', 'stage_reached', 'revenue_band',
                   'priority']
WIN_NUMERIC = ['age_days', 'activity_count', 'competitor_count', 'customer_orders', 'budget_confirmed',
               'decision_maker_known', 'need_confirmed', 'timing_confirmed']
WIN_LOG = ['age_days', 'activity_count', 'customer_orders']
#: signals read as numbers with gaps (NULL -> NaN in a frame, None in a row)
FLOAT_SIGNALS = ('expected_revenue', 'age_days', 'stage_age_days', 'last_activity_days', 'days_to_close',
                 'priority_stars')
#: many2one features: feature -> model of the id, for the names shown in the factors
WIN_RELATIONS = {'team_id': 'crm.team', 'user_id': 'res.users', 'source_id': 'utm.source',
                 'medium_id': 'utm.medium', 'stage_reached': 'crm.stage'}

# One row per lead: every signal of the score and every feature of the win model, as of
# the closing date for a closed lead (what was known then) and as of now for an open one.
SIGNAL_QUERY = """
WITH leads AS (
    SELECT l.*,
           CASE WHEN l.active AND l.probability >= 100 THEN 'won'
                WHEN NOT l.active AND l.probability = 0 THEN 'lost' ELSE 'open' END AS outcome
      FROM crm_lead l
     WHERE {where}
), dated AS (
    SELECT leads.*,
           CASE WHEN outcome = 'open' THEN %(now)s::timestamp
                ELSE COALESCE(date_closed, write_date) END AS ref
      FROM leads
)
SELECT l.id, l.outcome, l.outcome = 'won' AS won, l.company_id, l.ref AS ref_date,
       l.team_id, l.user_id, l.source_id, l.medium_id, l.stage_id,
       -- a won lead sits in the won stage: what counts is the stage it was won from
       CASE WHEN l.outcome = 'won' THEN COALESCE(prev.stage_id, l.stage_id) ELSE l.stage_id END
           AS stage_reached,
       COALESCE(l.eval_budget_confirmed, false)::int AS budget_confirmed,
       COALESCE(l.eval_decision_maker_known, false)::int AS decision_maker_known,
       COALESCE(l.eval_need_confirmed, false)::int AS need_confirmed,
       COALESCE(l.eval_timing_confirmed, false)::int AS timing_confirmed,
       l.planned_revenue AS expected_revenue,
       NULLIF(l.priority, '') AS priority,
       NULLIF(l.priority, '')::int AS priority_stars,
       GREATEST(EXTRACT(EPOCH FROM l.ref - l.create_date) / 86400.0, 0) AS age_days,
       GREATEST(EXTRACT(EPOCH FROM l.ref - l.date_last_stage_update) / 86400.0, 0) AS stage_age_days,
       GREATEST(EXTRACT(EPOCH FROM l.ref - COALESCE(msg.last_date, l.create_date)) / 86400.0, 0)
           AS last_activity_days,
       COALESCE(msg.n, 0) + COALESCE(act.n, 0) AS activity_count,
       l.date_deadline - l.ref::date AS days_to_close,
       COALESCE(comp.n, 0) AS competitor_count,
       COALESCE(orders.n, 0) AS customer_orders
  FROM dated l
  LEFT JOIN LATERAL (
        SELECT count(*) AS n, max(m.date) AS last_date FROM mail_message m
         WHERE m.model = 'crm.lead' AND m.res_id = l.id AND m.message_type IN ('comment', 'email')
           AND m.date <= l.ref) msg ON true
  LEFT JOIN LATERAL (
        SELECT count(*) AS n FROM mail_activity a
         WHERE a.res_model = 'crm.lead' AND a.res_id = l.id) act ON true
  LEFT JOIN LATERAL (
        SELECT count(*) AS n FROM sales_mis_lead_competitor c WHERE c.lead_id = l.id) comp ON true
  LEFT JOIN LATERAL (
        SELECT v.old_value_integer AS stage_id FROM mail_tracking_value v
          JOIN mail_message m ON m.id = v.mail_message_id
         WHERE l.outcome = 'won' AND m.model = 'crm.lead' AND m.res_id = l.id
           AND v.field = 'stage_id' AND v.new_value_integer = l.stage_id
         ORDER BY m.date DESC, m.id DESC LIMIT 1) prev ON true
  LEFT JOIN LATERAL (
        SELECT count(*) AS n FROM sale_order o
         WHERE l.partner_id IS NOT NULL AND o.partner_id = l.partner_id
           AND o.state IN ('sale', 'done') AND o.date_order < l.create_date) orders ON true
"""


#: the columns of SIGNAL_QUERY, in its order (a new lead's row is built in Python with them)
SIGNAL_COLUMNS = ('id', 'outcome', 'won', 'company_id', 'ref_date', 'team_id', 'user_id', 'source_id',
                  'medium_id', 'stage_id', 'stage_reached', 'budget_confirmed', 'decision_maker_known',
                  'need_confirmed', 'timing_confirmed', 'expected_revenue', 'priority', 'priority_stars',
                  'age_days', 'stage_age_days', 'last_activity_days', 'activity_count', 'days_to_close',
                  'competitor_count', 'customer_orders')
#: one2many of crm.lead whose rows feed the signals: a create carrying them is scored by the query
SIGNAL_CHILD_MODELS = ('mail.message', 'mail.activity', 'sales_mis.lead.competitor')
#: cursor cache key: ids of the leads of this transaction scored in their INSERT
SCORED_AT_INSERT = 'sales_mis_scored_at_insert'


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    # qualification answers (BANT) 预算 / 决策人 / 需求 / 时间
    eval_budget_confirmed = fields.Boolean('Budget Confirmed', track_visibility='onchange')
    eval_decision_maker_known = fields.Boolean('Decision Maker Known', track_visibility='onchange')
    eval_need_confirmed = fields.Boolean('Need Confirmed', track_visibility='onchange')
    eval_timing_confirmed = fields.Boolean('Purchase Timing Agreed', track_visibility='onchange')
    eval_score = fields.Float('Evaluation Score', readonly=True, copy=False, group_operator='avg',
                              help='0-100 from the weighted evaluation criteria (Configuration > '
                                   'Evaluation Criteria).')
    eval_breakdown = fields.Text('Score Breakdown Data', readonly=True, copy=False)
    eval_breakdown_html = fields.Html('Score Breakdown', compute='_compute_eval_html', sanitize=False)
    eval_date = fields.Datetime('Evaluated On', readonly=True, copy=False)
    win_probability = fields.Float('Win Probability (%)', readonly=True, copy=False, group_operator='avg',
                                   help='Learned from the won and lost opportunities of the company.')
    win_factors = fields.Text('Win Factors Data', readonly=True, copy=False)
    win_factors_html = fields.Html('Top Factors', compute='_compute_eval_html', sanitize=False)
    win_model_id = fields.Many2one('sales_mis.win.model', string='Win Model', readonly=True, copy=False)

    # ---- reading the signals -------------------------------------------------------------

    def _sales_mis_outcome(self):
        self.ensure_one()
        if self.active and self.probability >= 100:
            return 'won'
        return 'lost' if not self.active and self.probability == 0 else 'open'

    @api.model
    def _sales_mis_signal_rows(self, where, params=None):
        """(column names, row tuples) of SIGNAL_QUERY for the leads matching ``where`` (SQL on l)."""
        params = dict(params or {}, now=fields.Datetime.now())
        self.env.cr.execute(SIGNAL_QUERY.format(where=where), params)
        return [column[0] for column in self.env.cr.description], self.env.cr.fetchall()

    @api.model
    def _sales_mis_signals(self, where, params=None):
        """DataFrame of signals (see SIGNAL_QUERY) of the leads matching ``where`` (SQL on l)."""
        return self._sales_mis_signal_frame(*self._sales_mis_signal_rows(where, params))

    @api.model
    def _sales_mis_signal_frame(self, columns, rows):
        frame = pd.DataFrame(rows, columns=columns)
        for column in FLOAT_SIGNALS:
            frame[column] = pd.to_numeric(frame[column], errors='coerce').astype(float)
        frame['revenue_band'] = win_model.revenue_band(frame['expected_revenue']).values
        frame.index = frame['id'].to_numpy()
        return frame

    # ---- evaluation score ----------------------------------------------------------------

    def action_sales_mis_evaluate(self):
        """Recompute the score and the win probability of these opportunities (computed as
        superuser, so only for opportunities the caller may change)."""
        self.check_access_rights('write')
        self.check_access_rule('write')
        self._sales_mis_evaluate()
        return True

    def _sales_mis_evaluate(self):
        # the demo history load (run by the system) scores its leads once at the end; a caller's
        # context cannot switch the scoring off
        if not self.ids or self._sales_mis_evaluation_off():
            return
        leads = self.sudo()
        columns, rows = leads._sales_mis_signal_rows('l.id = ANY(%(ids)s)', {'ids': self.ids})
        figures = leads._sales_mis_figures(columns, rows)
        ids = list(figures)
        # one UPDATE for both figures: this runs on every write of an opportunity's signals
        self.env.cr.execute("""
            UPDATE crm_lead l SET eval_score = v.score, eval_breakdown = v.breakdown, eval_date = %s,
                                  win_probability = v.probability, win_factors = v.factors,
                                  win_model_id = v.model_id
              FROM (SELECT unnest(%s::int[]) AS id, unnest(%s::float8[]) AS score,
                           unnest(%s::text[]) AS breakdown, unnest(%s::float8[]) AS probability,
                           unnest(%s::text[]) AS factors, unnest(%s::int[]) AS model_id) v
             WHERE l.id = v.id""", (fields.Datetime.now(), ids, [figures[i]['eval_score'] for i in ids],
                                    [figures[i]['eval_breakdown'] for i in ids],
                                    [figures[i]['win_probability'] for i in ids],
                                    [figures[i]['win_factors'] for i in ids],
                                    [figures[i]['win_model_id'] for i in ids]))
        self.invalidate_cache(['eval_score', 'eval_breakdown', 'eval_date', 'win_probability', 'win_factors',
                               'win_model_id'], ids)

    def _sales_mis_evaluation_off(self):
        return bool(self.env.context.get('sales_mis_no_evaluate') and self.env.uid == SUPERUSER_ID)

    def _sales_mis_figures(self, columns, rows):
        """{lead id: {eval_score, eval_breakdown, win_probability, win_factors, win_model_id}} of
        these rows of SIGNAL_QUERY (as superuser: figures derived from the leads only)."""
        # plain dicts for the score; a DataFrame only for a trained win model (pandas costs more
        # than the scoring itself on the one lead of an everyday write)
        records = []
        for row in rows:
            record = dict(zip(columns, row))
            for column in FLOAT_SIGNALS:
                record[column] = None if record[column] is None else float(record[column])
            record['priority'] = record.pop('priority_stars')
            records.append(record)
        scores = self._sales_mis_scores(records)
        wins = self._sales_mis_wins(columns, rows)
        return {lead_id: {'eval_score': score, 'eval_breakdown': breakdown, 'win_probability': wins[lead_id][0],
                          'win_factors': wins[lead_id][1], 'win_model_id': wins[lead_id][2]}
                for lead_id, (score, breakdown) in scores.items()}

    @api.model
    def _sales_mis_new_signal_row(self, vals):
        """The row of SIGNAL_QUERY (id 0) of the lead ``vals`` are about to insert (the values of
        _create, defaults included), or None when the query must read it after the INSERT: not an
        open opportunity, or children (messages, activities, competitors) created with it."""
        if vals.get('type') != 'opportunity' or 'active' in vals and not vals['active'] \
                or (vals.get('probability') or 0.0) >= 100:
            return None
        for name in vals:
            field = self._fields.get(name)
            if field is not None and field.type == 'one2many' and field.comodel_name in SIGNAL_CHILD_MODELS:
                return None

        def column(name):
            return self._fields[name].convert_to_column(vals[name], self, vals) if name in vals else None

        priority = column('priority') or None
        if priority is not None and not str(priority).isdigit():
            return None  # _create refuses it with its own message
        ref = fields.Datetime.from_string(fields.Datetime.now())
        staged = column('date_last_stage_update')
        staged = staged if isinstance(staged, datetime) else fields.Datetime.from_string(staged)
        deadline = column('date_deadline')
        deadline = deadline if isinstance(deadline, date) else fields.Date.from_string(deadline)
        partner_id = column('partner_id')
        customer_orders = 0
        if partner_id:
            # as SIGNAL_QUERY: the customer's orders confirmed before the lead's create_date
            self.env.cr.execute("""
                SELECT count(*) FROM sale_order
                 WHERE partner_id = %s AND state IN ('sale', 'done')
                   AND date_order < (now() at time zone 'UTC')""", (partner_id,))
            customer_orders = self.env.cr.fetchone()[0]
        row = {
            'id': 0, 'outcome': 'open', 'won': False, 'company_id': column('company_id'), 'ref_date': ref,
            'team_id': column('team_id'), 'user_id': column('user_id'), 'source_id': column('source_id'),
            'medium_id': column('medium_id'), 'stage_id': column('stage_id'), 'stage_reached': column('stage_id'),
            'budget_confirmed': int(bool(vals.get('eval_budget_confirmed'))),
            'decision_maker_known': int(bool(vals.get('eval_decision_maker_known'))),
            'need_confirmed': int(bool(vals.get('eval_need_confirmed'))),
            'timing_confirmed': int(bool(vals.get('eval_timing_confirmed'))),
            'expected_revenue': column('planned_revenue'),
            'priority': priority, 'priority_stars': int(priority) if priority is not None else None,
            # created now: no age, and no message yet (the last activity is the creation)
            'age_days': 0.0, 'last_activity_days': 0.0, 'activity_count': 0, 'competitor_count': 0,
            'stage_age_days': max((ref - staged).total_seconds() / 86400.0, 0.0) if staged else None,
            'days_to_close': ((deadline.date() if isinstance(deadline, datetime) else deadline) - ref.date()).days
            if deadline else None,
            'customer_orders': customer_orders,
        }
        return tuple(row[name] for name in SIGNAL_COLUMNS)

    def _sales_mis_scores(self, records):
        """{lead id: (score, breakdown JSON)} of these signal rows, by their company's criteria."""
        Criterion = self.env['sales_mis.lead.criterion']
        by_company = {company_id: Criterion._company_rules(company_id)
                      for company_id in {record['company_id'] for record in records}}
        result = {}
        for record in records:
            score, factors = lead_score.rule_score(record, by_company[record['company_id']])
            result[record['id']] = (round(score, 2),
                                    json.dumps([[code, round(points, 2)] for code, points in factors]))
        return result

    # ---- win probability -----------------------------------------------------------------

    def _sales_mis_wins(self, columns, rows):
        """{lead id: (probability in %, factors JSON, win model id)}; None without a trained model."""
        by_company = {}
        company = columns.index('company_id')
        for row in rows:
            by_company.setdefault(row[company] or False, []).append(row)
        result = {}
        for company_id, company_rows in by_company.items():
            model_id, model = self.env['sales_mis.win.model']._latest_model(company_id or False)
            if not model or model['kind'] != win_model.LOGISTIC:
                for row in company_rows:  # not enough history: no prediction to make
                    result[row[0]] = (None, None, model_id)
                continue
            frame = self._sales_mis_signal_frame(columns, company_rows)
            prediction = win_model.predict(model, frame, top=3)
            for lead_id, probability, top in zip(frame['id'], prediction['probability'], prediction['factors']):
                if pd.isna(probability):
                    result[int(lead_id)] = (None, None, model_id)
                    continue
                result[int(lead_id)] = (round(100.0 * probability, 2), json.dumps([
                    [feature, value, round(contribution, 4), round(win_model.effect(probability, contribution), 1)]
                    for feature, value, contribution in top]), model_id)
        return result

    @api.model
    def _cron_sales_mis_evaluate(self):
        """Daily: relearn the win model of each company, then score every open opportunity."""
        for company in self.env['res.company'].search([]):
            self.env['sales_mis.win.model']._train(company)
        self.env.cr.execute("SELECT id FROM crm_lead WHERE active AND type = 'opportunity' "
                            "AND probability < 100")
        ids = [row[0] for row in self.env.cr.fetchall()]
        for start in range(0, len(ids), 20000):
            self.browse(ids[start:start + 20000])._sales_mis_evaluate()

    # ---- display -------------------------------------------------------------------------

    def _sales_mis_feature_labels(self):
        signals = dict(self.env['sales_mis.lead.criterion']._fields['signal']._description_selection(self.env))
        labels = dict(signals)
        labels.update({
            'team_id': _('Sales Team'), 'user_id': _('Salesperson'), 'source_id': _('Source'),
            'medium_id': _('Medium'), 'stage_reached': _('Stage'), 'revenue_band': _('Expected revenue'),
            'priority': _('Priority (stars)'), 'age_days': _('Age (days)'),
        })
        return labels

    def _sales_mis_value_label(self, feature, value):
        if value is None:
            return _('none')
        if feature in WIN_RELATIONS:
            # levels come back from the model's JSON as strings, '7' or '7.0' (a float column)
            try:
                record_id = int(float(value))
            except (TypeError, ValueError):
                return str(value)
            record = self.env[WIN_RELATIONS[feature]].sudo().browse(record_id).exists()
            return record.display_name if record else _('none')
        if feature in ('budget_confirmed', 'decision_maker_known', 'need_confirmed', 'timing_confirmed'):
            return _('yes') if value else _('no')
        if isinstance(value, float):
            return '%.0f' % value
        return str(value)

    @api.depends('eval_breakdown', 'win_factors', 'win_model_id')
    def _compute_eval_html(self):
        labels = self._sales_mis_feature_labels() if self else {}
        for lead in self:
            rows = []
            for code, points in json.loads(lead.eval_breakdown or '[]'):
                rows.append('<tr><td>%s</td><td class="text-right">%.1f</td></tr>'
                            % (html_escape(labels.get(code, code)), points))
            lead.eval_breakdown_html = ('<table class="table table-condensed o_sales_mis_breakdown">'
                                        '<tr><th>%s</th><th class="text-right">%s</th></tr>%s</table>'
                                        % (_('Criterion'), _('Points'), ''.join(rows))) if rows else False
            factors = json.loads(lead.win_factors or 'null')
            if factors is None:
                reason = lead.win_model_id.message if lead.win_model_id else _('No win model trained yet.')
                lead.win_factors_html = '<p class="text-muted">%s</p>' % html_escape(
                    _('Not enough history: %s') % reason if lead.win_model_id else reason)
                continue
            items = []
            for feature, value, _contribution, points in factors:
                up = points >= 0
                items.append('<li class="%s">%s %s: <b>%s</b> (%+.0f %s)</li>' % (
                    'text-success' if up else 'text-danger', '&#9650;' if up else '&#9660;',
                    html_escape(labels.get(feature, feature)),
                    html_escape(self._sales_mis_value_label(feature, value)), points, _('pts')))
            lead.win_factors_html = '<ul class="list-unstyled o_sales_mis_factors">%s</ul>' % ''.join(items) \
                if items else '<p class="text-muted">%s</p>' % html_escape(_('An average opportunity.'))

    # ---- keep the score current ----------------------------------------------------------

    _SALES_MIS_EVAL_FIELDS = {'eval_budget_confirmed', 'eval_decision_maker_known', 'eval_need_confirmed',
                              'eval_timing_confirmed', 'planned_revenue', 'stage_id', 'priority',
                              'date_deadline', 'partner_id', 'user_id', 'team_id', 'type'}

    @api.model
    def _create(self, vals):
        # a new open opportunity: scored from the values being inserted, its figures inserted with them
        row = None if self._sales_mis_evaluation_off() else self._sales_mis_new_signal_row(vals)
        if row is None:
            return super(CrmLead, self)._create(vals)
        figures = dict(self.sudo()._sales_mis_figures(SIGNAL_COLUMNS, [row])[0], eval_date=fields.Datetime.now())
        # a figure given by the caller never stands; a missing one stays NULL (a Float column would
        # turn None into 0.0, which averages and filters would count)
        vals = {name: value for name, value in vals.items() if name not in figures}
        vals.update((name, value) for name, value in figures.items() if value is not None)
        lead_id = super(CrmLead, self)._create(vals)
        self.env.cr.cache.setdefault(SCORED_AT_INSERT, set()).add(lead_id)
        return lead_id

    @api.model
    def create(self, vals):
        lead = super(CrmLead, self).create(vals)
        scored = self.env.cr.cache.get(SCORED_AT_INSERT)
        if scored and lead.id in scored:
            scored.discard(lead.id)
        elif lead.type == 'opportunity':
            lead._sales_mis_evaluate()
        return lead

    @api.multi
    def write(self, vals):
        result = super(CrmLead, self).write(vals)
        if self._SALES_MIS_EVAL_FIELDS.intersection(vals) and len(self) <= 1000:
            self.filtered(lambda l: l.type == 'opportunity')._sales_mis_evaluate()
        return result
