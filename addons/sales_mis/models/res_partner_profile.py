# -*- coding: utf-8 -*-
"""Customer profile 客户档案 (C1) on Odoo's res.partner: region, the role of each
contact in the buying decision 决策关系, the dates customer care needs, and the
counts shown on the "Sales MIS" tab. Industry (industry_id), owner (user_id),
team (team_id) and credit limit (credit_limit) are Odoo's own fields, reused."""
from odoo import api, fields, models

REGIONS = [('east', 'East China'), ('south', 'South China'), ('north', 'North China'),
           ('central', 'Central China'), ('southwest', 'Southwest China'),
           ('northwest', 'Northwest China'), ('northeast', 'Northeast China'),
           ('overseas', 'Overseas')]
DECISION_ROLES = [('decision_maker', 'Decision Maker'), ('influencer', 'Influencer'),
                  ('user', 'User'), ('gatekeeper', 'Gatekeeper')]


class ResPartner(models.Model):
    _inherit = 'res.partner'

    sales_mis_region = fields.Selection(REGIONS, string='Sales Region', track_visibility='onchange')
    sales_mis_decision_role = fields.Selection(
        DECISION_ROLES, string='Decision Role', track_visibility='onchange',
        help='Role of this contact in the customer\'s buying decision.')
    sales_mis_key_contact_ids = fields.One2many(
        'res.partner', 'parent_id', string='Key Contacts',
        domain=[('sales_mis_decision_role', '!=', False)])
    sales_mis_birthday = fields.Date(string='Birthday')
    sales_mis_customer_since = fields.Date(string='Customer Since')
    sales_mis_founded = fields.Date(string='Founded On')
    sales_mis_visit_count = fields.Integer(string='Visits', compute='_compute_sales_mis_visit_count')

    def _compute_sales_mis_visit_count(self):
        # One read_group for all displayed partners; visits hang on the company.
        counts = {}
        if self.ids:
            groups = self.env['sales_mis.visit'].read_group(
                [('partner_id', 'in', self.ids)], ['partner_id'], ['partner_id'])
            counts = {group['partner_id'][0]: group['partner_id_count'] for group in groups}
        for partner in self:
            partner.sales_mis_visit_count = counts.get(partner.id, 0)

    @api.multi
    def action_sales_mis_visits(self):
        self.ensure_one()
        action = self.env.ref('sales_mis.action_visits').read()[0]
        action['domain'] = [('partner_id', '=', self.id)]
        action['context'] = {'default_partner_id': self.id}
        # The history of one customer reads best as a list (the menu opens the calendar).
        views = action.get('views') or []
        action['views'] = [view for view in views if view[1] == 'tree'] + [view for view in views if view[1] != 'tree']
        return action
