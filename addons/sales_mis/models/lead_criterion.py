# -*- coding: utf-8 -*-
"""Criteria of the opportunity evaluation score 销售机会评估标准: which signal of the
opportunity counts, with what weight, and how its value becomes 0..1."""
from odoo import _, api, fields, models, tools
from odoo.exceptions import ValidationError

#: signal code -> (label, kind); the values are read by crm.lead._sales_mis_signals()
SIGNALS = [
    ('budget_confirmed', 'Budget confirmed'),
    ('decision_maker_known', 'Decision maker known'),
    ('need_confirmed', 'Need confirmed'),
    ('timing_confirmed', 'Purchase timing agreed'),
    ('expected_revenue', 'Expected revenue'),
    ('stage_age_days', 'Days in current stage'),
    ('last_activity_days', 'Days since last activity'),
    ('activity_count', 'Number of activities'),
    ('days_to_close', 'Days to expected closing'),
    ('priority', 'Priority (stars)'),
    ('competitor_count', 'Number of competitors'),
    ('customer_orders', "Customer's past orders"),
]
BOOLEAN_SIGNALS = ('budget_confirmed', 'decision_maker_known', 'need_confirmed', 'timing_confirmed')


class LeadCriterion(models.Model):
    _name = 'sales_mis.lead.criterion'
    _description = 'Opportunity Evaluation Criterion'
    _inherit = ['mail.thread']
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one('res.company', default=lambda self: self.env.user.company_id)
    signal = fields.Selection(SIGNALS, required=True, track_visibility='onchange')
    kind = fields.Selection([('boolean', 'Yes / no'), ('range', 'Range')], compute='_compute_kind')
    weight = fields.Float(default=10.0, required=True, track_visibility='onchange',
                          help='Share of the 100 points: weight / sum of all active weights.')
    low = fields.Float(string='Worst Value', track_visibility='onchange',
                       help='Range criteria: at this value (or beyond) the criterion earns nothing.')
    high = fields.Float(string='Best Value', track_visibility='onchange',
                        help='Range criteria: at this value (or beyond) the criterion earns its full weight. '
                             'Best below worst means lower is better (e.g. days in stage).')

    @api.depends('signal')
    def _compute_kind(self):
        for criterion in self:
            criterion.kind = 'boolean' if criterion.signal in BOOLEAN_SIGNALS else 'range'

    @api.constrains('weight', 'low', 'high', 'signal')
    def _check_weight(self):
        for criterion in self:
            if criterion.weight < 0:
                raise ValidationError(_('The weight of "%s" cannot be negative.') % criterion.name)
            if criterion.kind == 'range' and criterion.low == criterion.high:
                raise ValidationError(_('"%s": the best and worst values must differ.') % criterion.name)

    @api.model
    @tools.ormcache('company_id')
    def _company_rules(self, company_id):
        """The active criteria of ``company_id`` and the shared ones, as rules (_as_rules). Cached:
        every opportunity create/write scores with them; any change to a criterion clears it. The
        rules are shared: read them, never change them."""
        return tuple(self.sudo().search(['|', ('company_id', '=', False),
                                         ('company_id', '=', company_id or False)])._as_rules())

    @api.model
    def create(self, vals):
        self.clear_caches()  # _company_rules
        return super(LeadCriterion, self).create(vals)

    @api.multi
    def write(self, vals):
        self.clear_caches()
        return super(LeadCriterion, self).write(vals)

    @api.multi
    def unlink(self):
        self.clear_caches()
        return super(LeadCriterion, self).unlink()

    def _as_rules(self):
        """The criteria in the form of crm_logic.lead_score.rule_score."""
        rules = []
        for criterion in self:
            rule = {'code': criterion.signal, 'weight': criterion.weight, 'kind': criterion.kind}
            if criterion.kind == 'range':
                ascending = criterion.high > criterion.low
                rule.update(low=min(criterion.low, criterion.high), high=max(criterion.low, criterion.high),
                            higher_is_better=ascending)
            rules.append(rule)
        return rules
