# -*- coding: utf-8 -*-
"""Callbacks 回访: the call to the customer after a request is resolved, with a satisfaction
score from 1 (very unsatisfied) to 5 (very satisfied).

A record of its own rather than Odoo's rating.rating: in Odoo 11 every internal and portal user
may read and write every rating (rating.rating has access rights for base.group_user and
base.group_portal and no record rule), so a salesperson could read or change the scores of other
teams' customers; its scale is three smileys (1/5/10) where service reviews use 1-5. Callbacks
follow their request's record rules and workflow: they are recorded while the request is
resolved (not yet closed), by the caller themselves, and are not edited afterwards."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_mis.workflow_logic.rules import WorkflowSpec

SCORES = [('1', 'Very Unsatisfied'), ('2', 'Unsatisfied'), ('3', 'Neutral'), ('4', 'Satisfied'),
          ('5', 'Very Satisfied')]
CALLBACK_WORKFLOW = WorkflowSpec(parent_field='request_id', protected={'user_id', 'date'},
                                 frozen_states=('new', 'assigned', 'in_progress', 'closed', 'cancel'))


class ServiceCallback(models.Model):
    _name = 'sales_mis_service.callback'
    _description = 'Service Callback'
    _inherit = ['sales_mis.workflow.mixin']
    _order = 'date desc, id desc'
    _workflow = CALLBACK_WORKFLOW

    request_id = fields.Many2one('sales_mis_service.request', string='Request', required=True, index=True,
                                 ondelete='cascade')
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    user_id = fields.Many2one('res.users', string='Called By', required=True, default=lambda self: self.env.user,
                              readonly=True)
    score = fields.Selection(SCORES, string='Satisfaction', required=True)
    feedback = fields.Text(string='Customer Feedback')
    company_id = fields.Many2one('res.company', related='request_id.company_id', store=True, readonly=True)

    @api.multi
    def write(self, values):
        if self._workflow_guarded() and set(values) - {'feedback'}:
            raise UserError(_('A callback is a record of what the customer said: add a new one instead '
                              'of changing it.'))
        return super(ServiceCallback, self).write(values)

    @api.model
    def create(self, values):
        callback = super(ServiceCallback, self).create(values)
        callback.request_id.message_post(body=_('Callback: %s. %s') % (
            dict(SCORES)[callback.score], callback.feedback or ''))
        return callback
