# -*- coding: utf-8 -*-
"""Dealer grading 经销商评级 (I4): for a period, every dealer the grader may see (of a team, or
all of a director's) gets a score from sales, growth, payment behaviour and stock health, a grade
(configurable thresholds, sales_mis_dealer.grade) and a rank (dealer_logic/grading.py).

The measures come from four SQL aggregates (orders, the period before, invoices due, the stock
reports confirmed in the period) and the lines are inserted with one statement: grading 1,000
dealers is a handful of queries. Workflow: draft -> published by a manager (the dealers' latest
grade is then set); lines are written only by the computation."""
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.sales_mis.workflow_logic.rules import EVERYTHING, Transition, WorkflowSpec

from ..dealer_logic import grading

GRADING_WORKFLOW = WorkflowSpec(
    protected={'state', 'computed_on', 'published_by_id'}, frozen_states=('published',), deletable_states=('draft',),
    transitions=[Transition('action_compute', ('draft',), None, 'a sales manager (the team\'s) or a director'),
                 Transition('action_publish', ('draft',), 'published', 'the same, once computed'),
                 Transition('action_reset', ('published',), 'draft', 'the same')])
GRADING_LINE_WORKFLOW = WorkflowSpec(protected=EVERYTHING, parent_field='grading_id', frozen_states={'published'})


class DealerGrade(models.Model):
    _name = 'sales_mis_dealer.grade'
    _description = 'Dealer Grade'
    _order = 'min_score desc'

    name = fields.Char(string='Grade', required=True, translate=True)
    min_score = fields.Float(string='From Score', required=True, help='A dealer scoring at least this (0-100) gets '
                                                                     'this grade, unless a higher grade applies.')
    company_id = fields.Many2one('res.company', string='Company', index=True,
                                 default=lambda self: self.env.user.company_id)

    _sql_constraints = [('score_company_uniq', 'unique(min_score, company_id)', 'Two grades cannot start at the same score.'),
                        ('score_range', 'CHECK(min_score >= 0 AND min_score <= 100)', 'Scores go from 0 to 100.')]


class DealerGrading(models.Model):
    _name = 'sales_mis_dealer.grading'
    _description = 'Dealer Grading'
    _inherit = ['sales_mis.workflow.mixin', 'mail.thread']
    _order = 'date_to desc, id desc'
    _workflow = GRADING_WORKFLOW

    name = fields.Char(string='Name', required=True, track_visibility='onchange')
    date_from = fields.Date(string='Period From', required=True, track_visibility='onchange')
    date_to = fields.Date(string='Period To', required=True, track_visibility='onchange')
    team_id = fields.Many2one('crm.team', string='Sales Team', index=True, track_visibility='onchange',
                              help='Grade the dealers of this team; empty: every dealer of the company (directors).')
    user_id = fields.Many2one('res.users', string='Graded By', default=lambda self: self.env.user, readonly=True)
    company_id = fields.Many2one('res.company', string='Company', required=True, index=True,
                                 default=lambda self: self.env.user.company_id)
    weight_sales = fields.Float(string='Weight of Sales', default=40.0)
    weight_growth = fields.Float(string='Weight of Growth', default=20.0)
    weight_payment = fields.Float(string='Weight of Payment', default=20.0)
    weight_stock = fields.Float(string='Weight of Stock Health', default=20.0)
    state = fields.Selection([('draft', 'Draft'), ('published', 'Published')], string='Status', default='draft',
                             required=True, readonly=True, copy=False, track_visibility='onchange')
    computed_on = fields.Datetime(string='Computed On', readonly=True, copy=False)
    published_by_id = fields.Many2one('res.users', string='Published By', readonly=True, copy=False)
    line_ids = fields.One2many('sales_mis_dealer.grading.line', 'grading_id', string='Dealers', readonly=True)

    _sql_constraints = [('period_order', 'CHECK(date_to >= date_from)', 'A period ends on or after its start.')]

    @api.constrains('weight_sales', 'weight_growth', 'weight_payment', 'weight_stock')
    def _check_weights(self):
        for record in self:
            weights = record._weights()
            if min(weights) < 0 or sum(weights) <= 0:
                raise ValidationError(_('Grading weights are at least 0 and not all 0.'))

    def _weights(self):
        return grading.Weights(self.weight_sales, self.weight_growth, self.weight_payment, self.weight_stock)

    def _check_grader(self):
        user = self.env.user
        for record in self:
            if user.has_group('sales_mis.group_director'):
                continue
            if not (user.has_group('sales_mis.group_manager') and record.team_id and
                    (record.team_id.user_id == user or record.team_id == user.sale_team_id)):
                raise AccessError(_('Only the manager of the team or a sales director grades dealers (%s).')
                                  % record.name)

    def _dealers(self):
        """The graded dealers: those the grader reads (record rules), of the team if one is set."""
        domain = [('is_dealer', '=', True), ('parent_id', '=', False),
                  '|', ('company_id', '=', False), ('company_id', '=', self.company_id.id)]
        if self.team_id:
            domain += ['|', ('team_id', '=', self.team_id.id), ('user_id.sale_team_id', '=', self.team_id.id)]
        return self.env['res.partner'].search(domain)

    def _measures(self, dealers):
        """{dealer id: Measures} from four SQL aggregates."""
        cr = self.env.cr
        start, end = fields.Date.from_string(self.date_from), fields.Date.from_string(self.date_to)
        before_end = start - datetime.timedelta(days=1)
        before_start = before_end - (end - start)
        ids = tuple(dealers.ids)
        sales_sql = """
            SELECT p.commercial_partner_id, SUM(so.amount_untaxed)
              FROM sale_order so JOIN res_partner p ON p.id = so.partner_id
             WHERE p.commercial_partner_id IN %s AND so.state IN ('sale', 'done') AND so.company_id = %s
               AND so.confirmation_date >= %s AND so.confirmation_date < %s::date + 1
             GROUP BY 1"""
        cr.execute(sales_sql, (ids, self.company_id.id, str(start), str(end)))
        sales = dict(cr.fetchall())
        cr.execute(sales_sql, (ids, self.company_id.id, str(before_start), str(before_end)))
        previous = dict(cr.fetchall())
        cr.execute("""
            SELECT commercial_partner_id, SUM(amount_total_company_signed - residual_company_signed),
                   SUM(amount_total_company_signed)
              FROM account_invoice
             WHERE commercial_partner_id IN %s AND type = 'out_invoice' AND state IN ('open', 'paid')
               AND company_id = %s AND date_due BETWEEN %s AND %s
             GROUP BY 1""", (ids, self.company_id.id, str(start), str(end)))
        paid = {partner: (done / due if due else None) for partner, done, due in cr.fetchall()}
        cr.execute("""
            SELECT l.partner_id, AVG(CASE WHEN l.stock_status = 'ok' THEN 1.0 ELSE 0.0 END)
              FROM sales_mis_dealer_stock_report_line l JOIN sales_mis_dealer_stock_report r ON r.id = l.report_id
             WHERE l.partner_id IN %s AND r.state = 'confirmed' AND r.date_to BETWEEN %s AND %s
             GROUP BY 1""", (ids, str(start), str(end)))
        health = {partner: float(share) for partner, share in cr.fetchall()}
        return {dealer_id: grading.Measures(float(sales.get(dealer_id) or 0.0), float(previous.get(dealer_id) or 0.0),
                                            paid.get(dealer_id), health.get(dealer_id)) for dealer_id in dealers.ids}

    @api.multi
    def action_compute(self):
        self._check_grader()
        for record in self:
            if record.state != 'draft':
                raise UserError(_('Only a draft grading is computed.'))
            record._compute_lines()
            record._workflow_transition({'computed_on': fields.Datetime.now()})
        return True

    def _compute_lines(self):
        # the lines are the system's conclusion: written below with one statement
        dealers = self._dealers()
        grades = self.env['sales_mis_dealer.grade'].search(['|', ('company_id', '=', False),
                                                            ('company_id', '=', self.company_id.id)])
        measures = self._measures(dealers) if dealers else {}
        try:
            result = grading.grade_dealers(measures, self._weights(),
                                           [(grade.min_score, grade.id) for grade in grades])
        except ValueError as error:
            raise UserError(_('The grading cannot be computed: %s') % error)
        cr = self.env.cr
        cr.execute('DELETE FROM sales_mis_dealer_grading_line WHERE grading_id = %s', (self.id,))
        owners = {dealer.id: (dealer.user_id.id or None, (dealer.team_id or dealer.user_id.sale_team_id).id or None)
                  for dealer in dealers.sudo()}
        rows = []
        for dealer_id, (score, grade_id, rank, scores) in result.items():
            m = measures[dealer_id]
            rise = grading.growth(m.sales, m.previous_sales)
            rows.append((dealer_id, owners[dealer_id][0], owners[dealer_id][1], m.sales, m.previous_sales,
                         None if rise is None else rise * 100.0, None if m.paid_ratio is None else m.paid_ratio * 100.0,
                         None if m.stock_health is None else m.stock_health * 100.0, score, grade_id, rank))
        if rows:
            columns = list(zip(*rows))
            cr.execute("""
                INSERT INTO sales_mis_dealer_grading_line
                       (grading_id, company_id, partner_id, user_id, team_id, sales_amount, previous_amount, growth_pct,
                        paid_pct, stock_health_pct, score, grade_id, rank, create_uid, write_uid, create_date, write_date)
                SELECT %s, %s, r.*, %s, %s, now() at time zone 'UTC', now() at time zone 'UTC'
                  FROM unnest(%s::int[], %s::int[], %s::int[], %s::float8[], %s::float8[], %s::float8[], %s::float8[],
                              %s::float8[], %s::float8[], %s::int[], %s::int[]) AS r""",
                       [self.id, self.company_id.id, self.env.uid, self.env.uid] + [list(c) for c in columns])
        self.env['sales_mis_dealer.grading.line'].invalidate_cache()
        self.invalidate_cache(['line_ids'])

    @api.multi
    def action_publish(self):
        self._check_grader()
        for record in self:
            if record.state != 'draft' or not record.computed_on:
                raise UserError(_('Compute the grading before publishing it.'))
        self._workflow_transition({'state': 'published', 'published_by_id': self.env.uid})
        # the dealers' latest grade: the system's conclusion from the published grading
        for record in self:
            self.env.cr.execute("""
                UPDATE res_partner p SET dealer_grade = g.name
                  FROM sales_mis_dealer_grading_line l LEFT JOIN sales_mis_dealer_grade g ON g.id = l.grade_id
                 WHERE l.grading_id = %s AND (p.id = l.partner_id OR p.commercial_partner_id = l.partner_id)""",
                                (record.id,))
        self.env['res.partner'].invalidate_cache(['dealer_grade'])
        return True

    @api.multi
    def action_reset(self):
        self._check_grader()
        if self.filtered(lambda record: record.state != 'published'):
            raise UserError(_('Only a published grading goes back to draft.'))
        self._workflow_transition({'state': 'draft', 'published_by_id': False})
        return True


class DealerGradingLine(models.Model):
    _name = 'sales_mis_dealer.grading.line'
    _description = 'Dealer Grading Line'
    _inherit = ['sales_mis.workflow.mixin']
    _order = 'grading_id, rank, id'
    _workflow = GRADING_LINE_WORKFLOW

    grading_id = fields.Many2one('sales_mis_dealer.grading', string='Grading', required=True, ondelete='cascade',
                                 index=True)
    company_id = fields.Many2one('res.company', string='Company', index=True)
    partner_id = fields.Many2one('res.partner', string='Dealer', required=True, index=True)
    user_id = fields.Many2one('res.users', string='Owner', index=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', index=True)
    sales_amount = fields.Float(string='Sales', digits=(16, 2))
    previous_amount = fields.Float(string='Sales Before', digits=(16, 2), help='Sales of the period just before, as long.')
    growth_pct = fields.Float(string='Growth (%)', digits=(16, 1))
    paid_pct = fields.Float(string='Paid When Due (%)', digits=(16, 1))
    stock_health_pct = fields.Float(string='Healthy Stock (%)', digits=(16, 1))
    score = fields.Float(string='Score', digits=(16, 2), group_operator='avg')
    grade_id = fields.Many2one('sales_mis_dealer.grade', string='Grade')
    rank = fields.Integer(string='Rank', group_operator='min')
