# -*- coding: utf-8 -*-
"""Scheduled reports: the day's XLSX reports e-mailed every day to users and partners.

Each schedule names the reports, the recipients, the language of the captions
and the user whose visibility the figures follow (record rules), so that a
schedule made by a manager never mails more than that manager may see."""
import base64

from odoo import _, api, fields, models
from odoo.tools import pycompat

from ..workflow_logic.rules import Transition, WorkflowSpec
from .report_export import REPORT_TYPES
from .admin_only import admin_only


def _lang_selection(model):
    return model.env['res.lang'].get_installed()


class ReportType(models.Model):
    _name = 'sales_mis.report.type'
    _description = 'Sales MIS Report'
    _order = 'sequence, id'

    name = fields.Char(string='Report', required=True, translate=True)
    code = fields.Selection(REPORT_TYPES, string='Code', required=True)
    sequence = fields.Integer(default=10)

    _sql_constraints = [('code_unique', 'unique(code)', 'Each report exists once.')]


class ReportSchedule(models.Model):
    _name = 'sales_mis.report.schedule'
    _description = 'Scheduled Sales Reports'
    _inherit = ['sales_mis.workflow.mixin', 'mail.thread']
    _order = 'name'
    # no states: only "last sent" is the schedule's own record of what it did
    _workflow = WorkflowSpec(state_field='active', protected={'last_sent'}, transitions=[
        Transition('send', (True, False), None, 'whoever may write the schedule; the daily cron')])

    name = fields.Char(string='Name', required=True, track_visibility='onchange')
    active = fields.Boolean(default=True, track_visibility='onchange')
    report_type_ids = fields.Many2many('sales_mis.report.type', string='Reports', required=True)
    user_ids = fields.Many2many('res.users', string='Recipient Users')
    partner_ids = fields.Many2many('res.partner', string='Recipient Partners')
    lang = fields.Selection(_lang_selection, string='Language', required=True,
                            default=lambda self: self.env.user.lang or 'en_US', track_visibility='onchange')
    user_id = fields.Many2one('res.users', string='Figures Visible To', required=True,
                              default=lambda self: self.env.user, track_visibility='onchange',
                              help='The reports contain what this user may see.')
    company_id = fields.Many2one('res.company', string='Company', required=True,
                                 default=lambda self: self.env.user.company_id)
    last_sent = fields.Datetime(string='Last Sent', readonly=True)

    @api.multi
    def send(self, day=None):
        """E-mail the reports of `day` (default today) to the recipients: one mail.mail per schedule."""
        for schedule in self:
            partners = schedule.partner_ids | schedule.user_ids.mapped('partner_id')
            if not partners:
                continue
            export = self.env['sales_mis.report.export'].sudo(schedule.user_id).with_context(lang=schedule.lang)
            attachments = self.env['ir.attachment']
            day = day or fields.Date.context_today(export)
            for report in schedule.report_type_ids:
                filename, data = export.build(report.code, day)
                attachments |= self.env['ir.attachment'].create({
                    'name': filename, 'datas_fname': filename, 'datas': base64.b64encode(data),
                    'res_model': self._name, 'res_id': schedule.id,
                    'mimetype': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'})
            names = ', '.join(schedule.report_type_ids.with_context(lang=schedule.lang).mapped('name'))
            subject = _('%s: reports of %s') % (schedule.name, day)
            mail = self.env['mail.mail'].create({
                'subject': subject,
                'body_html': '<p>%s</p>' % pycompat.to_text(names),
                'recipient_ids': [(6, 0, partners.ids)],
                'email_from': schedule.company_id.email or self.env.user.email or False,
                'attachment_ids': [(6, 0, attachments.ids)],
                'auto_delete': True,
            })
            schedule._workflow_transition({'last_sent': fields.Datetime.now()})  # the mail queue cron sends it
        return True

    @admin_only
    @api.model
    def cron_send_daily(self):
        self.search([]).send()
        return True
