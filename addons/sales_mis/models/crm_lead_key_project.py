# -*- coding: utf-8 -*-
"""Key projects 重点项目 and key accounts 重点客户 (B6): flagged opportunities and
customers that management follows closely."""
from odoo import api, fields, models

KEY_PROJECT_LEVELS = [('company', 'Company key project'), ('team', 'Team key project')]


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    key_project_level = fields.Selection(KEY_PROJECT_LEVELS, string='Key Project', index=True,
                                         track_visibility='onchange',
                                         help='Company key projects are followed by the directors, '
                                              'team key projects by the sales manager.')
    # not stored: a stored copy of `bool(key_project_level)` cost every lead create an UPDATE and
    # an access check; the search reads the (indexed) level itself
    key_project = fields.Boolean('Is Key Project', compute='_compute_key_project', search='_search_key_project')
    key_project_reason = fields.Char('Why Key', track_visibility='onchange')
    # not tracked here (a related field would inherit the partner's tracking): the lead's chatter
    # already logs a change of customer, and tracking it made every lead write read the customer
    key_account = fields.Boolean(related='partner_id.commercial_partner_id.key_account', string='Key Account',
                                 readonly=True, track_visibility=False)

    @api.depends('key_project_level')
    def _compute_key_project(self):
        for lead in self:
            lead.key_project = bool(lead.key_project_level)

    def _search_key_project(self, operator, value):
        if operator not in ('=', '!='):
            raise ValueError('Unsupported search on key_project: %s %r' % (operator, value))
        positive = (operator == '=') == bool(value)
        return [('key_project_level', '!=' if positive else '=', False)]


class ResPartner(models.Model):
    _inherit = 'res.partner'

    key_account = fields.Boolean('Key Account', track_visibility='onchange',
                                 help='A strategic customer: its opportunities are followed as key projects.')
