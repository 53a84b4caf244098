# -*- coding: utf-8 -*-
"""The document checklist of a bid: what the tender asks for and whether it is ready. A bid is
submitted only when every required document is done; the lines follow their bid's workflow."""
from odoo import api, fields, models

from odoo.addons.sales_mis.workflow_logic.rules import WorkflowSpec


class BidChecklist(models.Model):
    _name = 'sales_mis.bid.checklist'
    _description = 'Bid Document Checklist Line'
    _inherit = ['sales_mis.workflow.mixin']
    _order = 'bid_id, sequence, id'
    _workflow = WorkflowSpec(parent_field='bid_id', frozen_states=('submitted', 'won', 'lost', 'cancel'))

    bid_id = fields.Many2one('sales_mis.bid', string='Bid', required=True, index=True, ondelete='cascade')
    sequence = fields.Integer(default=10)
    name = fields.Char(string='Document', required=True)
    required = fields.Boolean(string='Required', default=True)
    done = fields.Boolean(string='Done')
    done_date = fields.Date(string='Done On', readonly=True)
    note = fields.Char(string='Note')
    company_id = fields.Many2one(related='bid_id.company_id', store=True, readonly=True, index=True)

    @api.model
    def create(self, values):
        if values.get('done'):
            values = dict(values, done_date=fields.Date.context_today(self))
        return super(BidChecklist, self).create(values)

    @api.multi
    def write(self, values):
        if 'done' in values:
            values = dict(values, done_date=fields.Date.context_today(self) if values['done'] else False)
        return super(BidChecklist, self).write(values)
