# -*- coding: utf-8 -*-
"""Bids and sales cases on the opportunity: its bids (bid management on an open opportunity) and
the write-up of a won one as a sales case."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    sales_mis_bid_ids = fields.One2many('sales_mis.bid', 'lead_id', string='Bids')
    sales_mis_bid_count = fields.Integer(string='Bid Count', compute='_compute_sales_mis_knowledge_counts')
    sales_mis_case_count = fields.Integer(string='Sales Case Count', compute='_compute_sales_mis_knowledge_counts')

    def _compute_sales_mis_knowledge_counts(self):
        # grouped reads through the caller's record rules: counts of what the caller can open
        bids, cases = {}, {}
        if self.ids and self.env['sales_mis.bid'].check_access_rights('read', raise_exception=False):
            for group in self.env['sales_mis.bid'].read_group([('lead_id', 'in', self.ids)], ['lead_id'], ['lead_id']):
                bids[group['lead_id'][0]] = group['lead_id_count']
        if self.ids and self.env['sales_mis.sales.case'].check_access_rights('read', raise_exception=False):
            for group in self.env['sales_mis.sales.case'].read_group([('lead_id', 'in', self.ids)], ['lead_id'],
                                                                      ['lead_id']):
                cases[group['lead_id'][0]] = group['lead_id_count']
        for lead in self:
            lead.sales_mis_bid_count = bids.get(lead.id, 0)
            lead.sales_mis_case_count = cases.get(lead.id, 0)

    @api.multi
    def action_sales_mis_bids(self):
        """The bids of this opportunity; a new one starts from it."""
        self.ensure_one()
        action = self.env.ref('sales_mis_knowledge.action_bid').read()[0]
        action['domain'] = [('lead_id', '=', self.id)]
        action['context'] = {'default_lead_id': self.id, 'default_name': self.name,
                             'default_partner_id': self.partner_id.commercial_partner_id.id,
                             'default_user_id': (self.user_id or self.env.user).id,
                             'default_team_id': self.team_id.id}
        return action

    @api.multi
    def action_sales_mis_write_case(self):
        """A sales case written up from this won opportunity, prefilled."""
        self.ensure_one()
        self.check_access_rule('read')
        if self._sales_mis_outcome() != 'won':
            raise UserError(_('Only a won opportunity can be written up as a sales case.'))
        return self.env['sales_mis.sales.case']._prefilled_action(lead=self)
