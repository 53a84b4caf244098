# -*- coding: utf-8 -*-
"""Customer visits 客户拜访记录 (B1): who met which customer, when, why, with what
result, and the next step, which becomes an activity (to-do) for the salesperson
on the linked opportunity, or on the visit itself when there is none."""
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..crm_logic.daily_report import day_bounds_utc

VISIT_TYPES = [('visit', 'On-site visit'), ('call', 'Phone call'), ('demo', 'Demonstration'),
               ('other', 'Other')]


class Visit(models.Model):
    _name = 'sales_mis.visit'
    _description = 'Customer Visit'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'date_start desc, id desc'

    name = fields.Char(string='Subject', required=True, track_visibility='onchange')
    user_id = fields.Many2one('res.users', string='Salesperson', required=True, index=True,
                              default=lambda self: self.env.user, track_visibility='onchange')
    team_id = fields.Many2one('crm.team', string='Sales Team', index=True,
                              default=lambda self: self.env.user.sale_team_id)
    company_id = fields.Many2one('res.company', required=True, default=lambda self: self.env.user.company_id)
    partner_id = fields.Many2one('res.partner', string='Customer', required=True, index=True,
                                 domain=[('is_company', '=', True)], track_visibility='onchange')
    contact_ids = fields.Many2many('res.partner', string='Contacts Met',
                                   domain="[('parent_id', '=', partner_id)]")
    lead_id = fields.Many2one('crm.lead', string='Opportunity', index=True,
                              domain="[('partner_id', 'child_of', partner_id)]")
    visit_type = fields.Selection(VISIT_TYPES, string='Type', required=True, default='visit')
    date_start = fields.Datetime(string='Start', required=True, default=fields.Datetime.now)
    duration = fields.Float(string='Duration (hours)', default=1.0)
    date_stop = fields.Datetime(string='End', compute='_compute_date_stop', store=True)
    purpose = fields.Text()
    result = fields.Text(track_visibility='onchange')
    next_step = fields.Char(string='Next Step', track_visibility='onchange')
    next_step_date = fields.Date(string='Next Step Due')
    state = fields.Selection([('planned', 'Planned'), ('done', 'Done'), ('cancelled', 'Cancelled')],
                             default='planned', required=True, track_visibility='onchange')
    offline_key = fields.Char(string='Offline Key', readonly=True, copy=False, index=True,
                              help='Key of the row this visit was imported from (offline import); '
                                   'importing the same row again creates no duplicate.')

    is_today = fields.Boolean(string='Today', compute='_compute_is_today', search='_search_is_today',
                              help="Starts on the user's local day (their time zone).")

    _sql_constraints = [
        ('offline_key_unique', 'unique (company_id, offline_key)',
         'This offline row has already been imported.'),
    ]

    @api.depends('date_start', 'duration')
    def _compute_date_stop(self):
        for visit in self.filtered('date_start'):
            start = fields.Datetime.from_string(visit.date_start)
            visit.date_stop = fields.Datetime.to_string(start + timedelta(hours=visit.duration or 0.0))

    def _today_bounds(self):
        # the user's local day, in naive UTC like the stored datetimes
        tz = self.env.context.get('tz') or self.env.user.tz
        return [fields.Datetime.to_string(bound) for bound in day_bounds_utc(fields.Date.context_today(self), tz)]

    def _compute_is_today(self):
        start, end = self._today_bounds()
        for visit in self:
            visit.is_today = bool(visit.date_start) and start <= visit.date_start < end

    def _search_is_today(self, operator, value):
        start, end = self._today_bounds()
        inside = ['&', ('date_start', '>=', start), ('date_start', '<', end)]
        if (operator == '=') == bool(value):
            return inside
        return ['|', ('date_start', '<', start), ('date_start', '>=', end)]

    @api.onchange('partner_id', 'visit_type')
    def _onchange_default_subject(self):
        # a visit logged on a phone needs no typed subject: "On-site visit: <customer>" until one is typed
        labels = dict(self._fields['visit_type']._description_selection(self.env))
        pattern = _('%(type)s: %(customer)s')
        automatic = not self.name or any(self.name.startswith(pattern % {'type': label, 'customer': ''})
                                         for label in labels.values())
        if self.partner_id and self.visit_type and automatic:
            self.name = pattern % {'type': labels[self.visit_type], 'customer': self.partner_id.display_name}

    @api.constrains('duration')
    def _check_duration(self):
        if self.filtered(lambda v: v.duration < 0 or v.duration > 24):
            raise ValidationError(_('A visit lasts between 0 and 24 hours.'))

    @api.constrains('next_step', 'next_step_date')
    def _check_next_step(self):
        if self.filtered(lambda v: v.next_step and not v.next_step_date):
            raise ValidationError(_('Give the next step a due date.'))

    @api.constrains('company_id', 'partner_id', 'contact_ids', 'lead_id')
    def _check_links_company(self):
        # a visit of one company never points at another company's customer or opportunity
        for visit in self.sudo():
            linked = list(visit.partner_id | visit.contact_ids) + list(visit.lead_id)
            foreign = [record.display_name for record in linked
                       if record.company_id and record.company_id != visit.company_id]
            if foreign:
                raise ValidationError(_('A visit of %s cannot refer to %s: it belongs to another company.')
                                      % (visit.company_id.name, ', '.join(foreign)))

    @api.onchange('partner_id')
    def _onchange_partner_id(self):
        if self.lead_id and self.lead_id.partner_id.commercial_partner_id != self.partner_id:
            self.lead_id = False

    @api.model
    def create(self, values):
        visit = super(Visit, self).create(values)
        visit._schedule_next_step()
        return visit

    @api.multi
    def write(self, values):
        result = super(Visit, self).write(values)
        if {'next_step', 'next_step_date'} & set(values):
            self._schedule_next_step()
        return result

    def _schedule_next_step(self):
        """One open activity per visit's next step, on the opportunity when there is one."""
        todo = self.env.ref('mail.mail_activity_data_todo')
        Activity = self.env['mail.activity'].sudo()
        for visit in self.filtered(lambda v: v.next_step and v.next_step_date):
            target = visit.lead_id or visit
            note = _('Next step after the visit "%s" (%s)') % (visit.name, visit.partner_id.display_name)
            Activity.create({
                'res_model_id': self.env['ir.model']._get(target._name).id, 'res_id': target.id,
                'activity_type_id': todo.id, 'summary': visit.next_step, 'note': note,
                'date_deadline': visit.next_step_date, 'user_id': visit.user_id.id,
            })

    @api.multi
    def action_done(self):
        self.write({'state': 'done'})
        return True  # XML-RPC cannot marshal None

    @api.multi
    def action_cancel(self):
        self.write({'state': 'cancelled'})
        return True
