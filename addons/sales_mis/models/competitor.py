# -*- coding: utf-8 -*-
"""Competitors 竞争对手 (B5): who we meet on opportunities, their strengths and
products, and on each opportunity their price and position against us."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

POSITIONS = [('ahead', 'Ahead of us'), ('level', 'Level with us'), ('behind', 'Behind us'),
             ('unknown', 'Unknown')]


class Competitor(models.Model):
    _name = 'sales_mis.competitor'
    _description = 'Competitor'
    _inherit = ['mail.thread']
    _order = 'name'

    name = fields.Char(required=True, track_visibility='onchange')
    active = fields.Boolean(default=True)
    company_id = fields.Many2one('res.company', default=lambda self: self.env.user.company_id,
                                 help='Leave empty to share the competitor between companies.')
    website = fields.Char()
    strengths = fields.Text(track_visibility='onchange')
    weaknesses = fields.Text(track_visibility='onchange')
    products = fields.Text(string='Competing Products')
    notes = fields.Text()
    line_ids = fields.One2many('sales_mis.lead.competitor', 'competitor_id', string='Opportunities')
    opportunity_count = fields.Integer(compute='_compute_outcomes', string='Opportunities Met')
    won_count = fields.Integer(compute='_compute_outcomes', string='Won Against')
    lost_count = fields.Integer(compute='_compute_outcomes', string='Lost To')

    _sql_constraints = [('name_company_uniq', 'unique(name, company_id)',
                         'A competitor with this name already exists.')]

    def _compute_outcomes(self):
        # one grouped read, filtered by the user's record rules on the lines
        counts = {}
        groups = self.env['sales_mis.lead.competitor'].read_group(
            [('competitor_id', 'in', self.ids)], ['competitor_id', 'outcome'],
            ['competitor_id', 'outcome'], lazy=False)
        for group in groups:
            counts[(group['competitor_id'][0], group['outcome'])] = group['__count']
        for competitor in self:
            by_outcome = {o: counts.get((competitor.id, o), 0) for o in ('open', 'won', 'lost')}
            competitor.opportunity_count = sum(by_outcome.values())
            competitor.won_count, competitor.lost_count = by_outcome['won'], by_outcome['lost']

    def action_view_opportunities(self):
        self.ensure_one()
        action = self.env.ref('crm.crm_lead_opportunities').read()[0]
        action.update(domain=[('sales_mis_competitor_line_ids.competitor_id', '=', self.id)],
                      context={'active_test': False})
        return action


class LeadCompetitor(models.Model):
    _name = 'sales_mis.lead.competitor'
    _description = 'Competitor on an Opportunity'
    _order = 'lead_id, sequence, id'

    lead_id = fields.Many2one('crm.lead', string='Opportunity', required=True, index=True,
                              ondelete='cascade')
    competitor_id = fields.Many2one('sales_mis.competitor', required=True, index=True,
                                    ondelete='restrict')
    sequence = fields.Integer(default=10)
    price = fields.Float(string='Their Price', help='What the competitor offers the customer.')
    position = fields.Selection(POSITIONS, default='unknown', required=True,
                                help='Where the customer ranks them against us.')
    note = fields.Char()
    # plain fields set from the opportunity (not related: record rules read them)
    outcome = fields.Selection([('open', 'Open'), ('won', 'Won'), ('lost', 'Lost')],
                               compute='_compute_outcome', store=True)

    _sql_constraints = [('lead_competitor_uniq', 'unique(lead_id, competitor_id)',
                         'This competitor is already on the opportunity.')]

    @api.depends('lead_id.active', 'lead_id.probability')
    def _compute_outcome(self):
        for line in self:
            line.outcome = line.lead_id._sales_mis_outcome()

    @api.constrains('price')
    def _check_price(self):
        if self.filtered(lambda l: l.price < 0):
            raise ValidationError(_('A competitor price cannot be negative.'))

    @api.model
    def _demo_on_history(self):
        """Demo: competitors on part of the closed demo history (Huagong wins more often)."""
        leads = self.env['crm.lead'].with_context(active_test=False).search(
            [('name', '=like', 'Demo history %')], order='id')
        huagong = self.env.ref('sales_mis.competitor_huagong')
        deltaflow = self.env.ref('sales_mis.competitor_deltaflow')
        for index, lead in enumerate(leads):
            lost = lead._sales_mis_outcome() == 'lost'
            if index % 3 == 0 or (lost and index % 2 == 0):
                self.create({'lead_id': lead.id, 'competitor_id': (huagong if lost else deltaflow).id,
                             'position': 'ahead' if lost else 'behind'})
            elif index % 5 == 0:
                self.create({'lead_id': lead.id, 'competitor_id': deltaflow.id, 'position': 'level'})
        return True
