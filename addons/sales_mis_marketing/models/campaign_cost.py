# -*- coding: utf-8 -*-
"""Cost lines of a campaign 活动费用: what was actually spent (venue, printing, advertising,
gifts...), dated, in the company currency. Their sum is the cost of the ROI. Lines follow
their campaign through the workflow mechanism: a closed campaign takes no more costs."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.sales_mis.workflow_logic.rules import WorkflowSpec

COST_KINDS = [('advertising', 'Advertising'), ('event', 'Event and Venue'), ('printing', 'Printing and Samples'),
              ('gifts', 'Gifts'), ('travel', 'Travel'), ('mailing', 'Mailing'), ('other', 'Other')]


class CampaignCost(models.Model):
    _name = 'sales_mis_marketing.campaign.cost'
    _description = 'Campaign Cost'
    _inherit = ['sales_mis.workflow.mixin']
    _workflow = WorkflowSpec(parent_field='campaign_id', frozen_states=('closed',))
    _order = 'date desc, id desc'

    campaign_id = fields.Many2one('utm.campaign', string='Campaign', required=True, index=True, ondelete='cascade')
    name = fields.Char(string='Description', required=True)
    kind = fields.Selection(COST_KINDS, string='Kind', required=True, default='other')
    date = fields.Date(string='Date', required=True, default=fields.Date.context_today, index=True)
    amount = fields.Monetary(string='Amount', required=True)
    currency_id = fields.Many2one('res.currency', string='Currency', required=True,
                                  default=lambda self: self.env.user.company_id.currency_id)
    # the campaign's scope, stored so that the record rules and the ROI view read it directly
    company_id = fields.Many2one('res.company', string='Company', index=True, required=True,
                                 default=lambda self: self.env.user.company_id)
    team_id = fields.Many2one('crm.team', related='campaign_id.team_id', store=True, readonly=True,
                              related_sudo=True, string='Sales Team')
    partner_id = fields.Many2one('res.partner', string='Supplier')

    _sql_constraints = [('amount_positive', 'CHECK(amount >= 0)', 'A campaign cost cannot be negative.')]

    @api.constrains('campaign_id', 'company_id', 'currency_id')
    def _check_campaign(self):
        for cost in self.sudo():
            company = cost.campaign_id.company_id
            if company and company != cost.company_id:
                raise ValidationError(_('Cost "%s" and campaign %s belong to different companies.')
                                      % (cost.name, cost.campaign_id.name))
            if cost.currency_id != cost.company_id.currency_id:
                raise ValidationError(_('Enter cost "%s" in the company currency (%s).')
                                      % (cost.name, cost.company_id.currency_id.name))

    @api.onchange('campaign_id')
    def _onchange_campaign_id(self):
        if self.campaign_id.company_id:
            self.company_id = self.campaign_id.company_id
