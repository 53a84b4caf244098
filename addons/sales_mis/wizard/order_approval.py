# -*- coding: utf-8 -*-
"""The manager's decision on an order awaiting approval, with a comment for the salesperson."""
from odoo import api, fields, models


class OrderApprovalDecision(models.TransientModel):
    _name = 'sales_mis.order.approval'
    _description = 'Order Approval Decision'

    order_id = fields.Many2one('sale.order', string='Order', required=True, ondelete='cascade')
    decision = fields.Selection([('approve', 'Approve'), ('reject', 'Reject')], string='Decision',
                                required=True, default='approve')
    approval_reasons = fields.Text(related='order_id.approval_reasons', string='Approval Reasons', readonly=True)
    comment = fields.Text(string='Comment', help='Shown to the salesperson in the order\'s chatter; required to reject.')

    @api.multi
    def action_decide(self):
        self.ensure_one()
        if self.decision == 'approve':
            self.order_id.action_approve(self.comment)
        else:
            self.order_id.action_reject(self.comment)
        return {'type': 'ir.actions.act_window_close'}
