# -*- coding: utf-8 -*-
"""SLA policies 服务时限: hours to respond and to resolve, per category and priority (either may
be left empty to match any). The choice and the deadline maths are service_logic/sla.py."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..service_logic import sla

PRIORITIES = [('0', 'Low'), ('1', 'Normal'), ('2', 'High'), ('3', 'Urgent')]


class ServiceSla(models.Model):
    _name = 'sales_mis_service.sla'
    _description = 'Service Level Policy'
    _order = 'company_id, category_id, priority, id'

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one('res.company', string='Company', required=True, index=True,
                                 default=lambda self: self.env.user.company_id)
    category_id = fields.Many2one('sales_mis_service.category', string='Category',
                                  help='Leave empty to apply to every category.')
    priority = fields.Selection(PRIORITIES, string='Priority', help='Leave empty to apply to every priority.')
    response_hours = fields.Float(string='Respond Within (Hours)', required=True, default=4.0)
    resolution_hours = fields.Float(string='Resolve Within (Hours)', required=True, default=48.0)

    @api.constrains('response_hours', 'resolution_hours')
    def _check_hours(self):
        for policy in self:
            if policy.response_hours < 0 or policy.resolution_hours < 0:
                raise ValidationError(_('SLA policy %s: hours cannot be negative.') % policy.name)
            if policy.response_hours and policy.resolution_hours and policy.resolution_hours < policy.response_hours:
                raise ValidationError(_('SLA policy %s: the resolution cannot be due before the response.')
                                      % policy.name)

    @api.model
    def _policy_for(self, company, category, priority):
        """The policy of `company` for a request of `category` and `priority` (empty: no SLA).
        Read as the system: the SLA applies whoever files the request (a portal customer too)."""
        records = self.sudo().search([('company_id', '=', company.id)])
        chosen = sla.pick_policy([sla.Policy(r.id, r.category_id.id, r.priority, r.response_hours,
                                             r.resolution_hours) for r in records], category.id, priority)
        return records.browse(chosen.id if chosen else [])

    def _as_logic(self):
        self.ensure_one()
        return sla.Policy(self.id, self.category_id.id, self.priority, self.response_hours, self.resolution_hours)
