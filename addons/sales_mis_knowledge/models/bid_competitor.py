# -*- coding: utf-8 -*-
"""Competitors on a bid and their prices (the sales_mis competitor records); lines follow their
bid's workflow: frozen once the bid is decided."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.sales_mis.workflow_logic.rules import WorkflowSpec


class BidCompetitor(models.Model):
    _name = 'sales_mis.bid.competitor'
    _description = 'Competitor on a Bid'
    _inherit = ['sales_mis.workflow.mixin']
    _order = 'bid_id, price, id'
    _workflow = WorkflowSpec(parent_field='bid_id', frozen_states=('won', 'lost', 'cancel'))

    bid_id = fields.Many2one('sales_mis.bid', string='Bid', required=True, index=True, ondelete='cascade')
    competitor_id = fields.Many2one('sales_mis.competitor', string='Competitor', required=True, index=True,
                                    ondelete='restrict')
    price = fields.Monetary(string='Their Price')
    currency_id = fields.Many2one(related='bid_id.currency_id', readonly=True)
    is_winner = fields.Boolean(string='Won the Bid')
    note = fields.Char(string='Note')
    company_id = fields.Many2one(related='bid_id.company_id', store=True, readonly=True, index=True)

    _sql_constraints = [('bid_competitor_uniq', 'unique(bid_id, competitor_id)',
                         'This competitor is already on the bid.')]

    @api.constrains('price')
    def _check_price(self):
        if self.filtered(lambda line: line.price < 0):
            raise ValidationError(_('A competitor price cannot be negative.'))
