# -*- coding: utf-8 -*-
"""Market information 市场信息 (M2): what salespeople and managers learn about industries,
regions, competitors and policy, linked to competitors and opportunities.

Market information is shared intelligence: every Sales MIS role reads the notes of their
companies; a salesperson edits their own notes, a manager those of the teams they lead, a
director all (security/). Each salesperson has a feed (`for_me`): the notes about the
industries and regions of their customers, the competitors met on their opportunities and
those opportunities themselves (marketing_logic/feed.py), gathered with grouped reads as the
caller."""
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_mis.models.res_partner_profile import REGIONS

from ..marketing_logic.feed import feed_domain

NOTE_KINDS = [('industry', 'Industry News'), ('region', 'Regional News'), ('competitor', 'Competitor News'),
              ('policy', 'Policy and Regulation')]


class MarketNote(models.Model):
    _name = 'sales_mis_marketing.market.note'
    _description = 'Market Information'
    _inherit = ['mail.thread']
    _order = 'date desc, id desc'

    name = fields.Char(string='Title', required=True, track_visibility='onchange')
    body = fields.Html(string='Content')
    kind = fields.Selection(NOTE_KINDS, string='Kind', required=True, default='industry', track_visibility='onchange')
    date = fields.Date(string='Date', required=True, default=fields.Date.context_today, index=True)
    source = fields.Char(string='Source', help='Where the information comes from (publication, customer, website).')
    industry_id = fields.Many2one('res.partner.industry', string='Industry', index=True, track_visibility='onchange')
    region = fields.Selection(REGIONS, string='Sales Region', index=True, track_visibility='onchange')
    state_id = fields.Many2one('res.country.state', string='Province', index=True)
    competitor_ids = fields.Many2many('sales_mis.competitor', 'sales_mis_marketing_note_competitor_rel',
                                      'note_id', 'competitor_id', string='Competitors')
    lead_ids = fields.Many2many('crm.lead', 'sales_mis_marketing_note_lead_rel', 'note_id', 'lead_id',
                                string='Opportunities', domain=[('type', '=', 'opportunity')])
    author_id = fields.Many2one('res.users', string='Author', required=True, index=True, readonly=True,
                                default=lambda self: self.env.user)
    team_id = fields.Many2one('crm.team', string='Sales Team', index=True, readonly=True,
                              default=lambda self: self.env.user.sale_team_id)
    company_id = fields.Many2one('res.company', string='Company', required=True, index=True,
                                 default=lambda self: self.env.user.company_id)
    for_me = fields.Boolean(string='My Feed', compute='_compute_for_me', search='_search_for_me',
                            help='About the industries and regions of my customers, the competitors of my '
                                 'opportunities and those opportunities.')

    @api.model
    def create(self, values):
        # the author is whoever writes the note (a manager's note is theirs, not their team's)
        if self.env.uid != SUPERUSER_ID:
            values = dict(values, author_id=self.env.uid, team_id=self.env.user.sale_team_id.id)
        return super(MarketNote, self).create(values)

    @api.multi
    def write(self, values):
        if self.env.uid != SUPERUSER_ID and ({'author_id', 'team_id'} & set(values)):
            raise UserError(_('The author and team of a market note are those of whoever wrote it.'))
        return super(MarketNote, self).write(values)

    def _compute_for_me(self):
        mine = set(self.search([('id', 'in', self.ids), ('for_me', '=', True)]).ids) if self.ids else set()
        for note in self:
            note.for_me = note.id in mine

    @api.model
    def _feed_interests(self, user=None):
        """(industry ids, regions, province ids, competitor ids, opportunity ids) of `user`'s
        customers and open opportunities, read as the caller."""
        user = user or self.env.user
        Partner = self.env['res.partner']
        customers = [('user_id', '=', user.id), ('customer', '=', True)]
        industries = {g['industry_id'][0] for g in Partner.read_group(
            customers + [('industry_id', '!=', False)], ['industry_id'], ['industry_id']) if g['industry_id']}
        regions = {g['sales_mis_region'] for g in Partner.read_group(
            customers + [('sales_mis_region', '!=', False)], ['sales_mis_region'], ['sales_mis_region'])
            if g['sales_mis_region']}
        states = {g['state_id'][0] for g in Partner.read_group(
            customers + [('state_id', '!=', False)], ['state_id'], ['state_id']) if g['state_id']}
        leads = self.env['crm.lead'].search([('user_id', '=', user.id), ('type', '=', 'opportunity'),
                                             ('probability', '<', 100)]).ids
        competitors = set()
        if leads:
            competitors = {g['competitor_id'][0] for g in self.env['sales_mis.lead.competitor'].read_group(
                [('lead_id', 'in', leads)], ['competitor_id'], ['competitor_id']) if g['competitor_id']}
        return industries, regions, states, competitors, set(leads)

    def _search_for_me(self, operator, value):
        if operator not in ('=', '!=') or not isinstance(value, bool):
            raise UserError(_('The feed filter takes "= True" or "= False".'))
        domain = feed_domain(*self._feed_interests())
        ids = self.search(domain).ids
        inside = (operator == '=') == value
        return [('id', 'in' if inside else 'not in', ids)]
