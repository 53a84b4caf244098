# -*- coding: utf-8 -*-
"""Scheduled reports: the day's XLSX reports e-mailed every day to users and partners.

Each schedule names the reports, the recipients, the language of the captions
and the user whose visibility the figures follow (record rules), so that a
schedule made by a manager never mails more than that manager may see: only an
administrator may let a schedule show another user's figures; everybody else's
schedules show their own (set on create and on every write, refused otherwise)."""
import base64

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import pycompat

from ..workflow_logic.rules import Transition, WorkflowSpec
from .report_export import REPORT_TYPES
from ..lib.admin_only import admin_only


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

    def _check_figures_owner(self, user_id):
        """A schedule mails what its "Figures Visible To" user may see: a non-administrator may
        only choose themselves (else a manager mails himself a director's figures)."""
        if self.env.user._is_admin() or user_id in (False, None, self.env.uid):
            return
        raise AccessError(_('You are not allowed to schedule the figures of another user: a scheduled report '
                            'contains your own figures; only an administrator may choose another user under '
                            '"Figures Visible To".'))

    @api.model
    def create(self, values):
        self._check_figures_owner(values.get('user_id'))
        return super(ReportSchedule, self).create(values)

    @api.multi
    def write(self, values):
        if 'user_id' in values:
            self._check_figures_owner(values['user_id'])
        for schedule in self:  # editing another user's schedule (its recipients) is using their figures
            self._check_figures_owner(schedule.user_id.id)
        return super(ReportSchedule, self).write(values)

    @api.multi
    def send(self, day=None):
        """E-mail the reports of `day` (default today) to the recipients: one mail.mail per schedule.
        A non-administrator sends only the schedules of their own figures."""
        for schedule in self:
            schedule._check_figures_owner(schedule.user_id.id)
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
