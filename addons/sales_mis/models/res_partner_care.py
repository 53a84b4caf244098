# -*- coding: utf-8 -*-
"""Customer care 客户关怀 (C4): contacts' birthdays, company anniversaries
(customer since / founded on) and configured holidays become activities for the
customer's salesperson N days ahead. Each reminder is logged with a unique key
(customer, occasion, date), so a rerun, a later cron day or a finished activity
never creates it twice."""
from datetime import date, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

OCCASIONS = [('birthday', 'Birthday'), ('anniversary', 'Anniversary'), ('holiday', 'Holiday')]


class Holiday(models.Model):
    _name = 'sales_mis.holiday'
    _description = 'Customer Care Holiday'
    _order = 'month, day'

    name = fields.Char(required=True, translate=True)
    month = fields.Integer(required=True)
    day = fields.Integer(required=True)
    days_before = fields.Integer(string='Remind Days Before', default=7)
    customer_class = fields.Char(string='Only Class', help='Only customers of this class (e.g. A); empty = all customers with a salesperson.')
    active = fields.Boolean(default=True)
    company_id = fields.Many2one('res.company', default=lambda self: self.env.user.company_id)

    @api.constrains('month', 'day', 'days_before')
    def _check_date(self):
        for holiday in self:
            try:
                date(2000, holiday.month, holiday.day)  # 2000 is a leap year: 29 Feb is valid
            except ValueError:
                raise ValidationError(_('%s: %s/%s is not a valid month/day.') % (holiday.name, holiday.month, holiday.day))
            if not 0 <= holiday.days_before <= 90:
                raise ValidationError(_('Remind between 0 and 90 days before.'))


class CareReminder(models.Model):
    _name = 'sales_mis.care.reminder'
    _description = 'Customer Care Reminder'
    _order = 'occasion_date desc, id desc'

    partner_id = fields.Many2one('res.partner', string='Customer / Contact', required=True, ondelete='cascade', index=True)
    occasion = fields.Selection(OCCASIONS, required=True)
    holiday_id = fields.Many2one('sales_mis.holiday', ondelete='cascade')
    occasion_date = fields.Date(required=True)
    activity_id = fields.Many2one('mail.activity', ondelete='set null')
    user_id = fields.Many2one('res.users', string='Salesperson', index=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', index=True)
    company_id = fields.Many2one('res.company', index=True)

    _sql_constraints = [('reminder_uniq', 'unique (partner_id, occasion, occasion_date)',
                         'This customer was already reminded of this occasion.')]


def _on_or_after(today, month, day):
    """Next date >= today with this month/day (29 Feb on 28 Feb in common years)."""
    for year in (today.year, today.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = date(year, month, 28)
        if candidate >= today:
            return candidate


class ResPartner(models.Model):
    _inherit = 'res.partner'

    @api.model
    def _cron_sales_mis_care(self, today=None):
        today = today or fields.Date.from_string(fields.Date.context_today(self))
        days = int(self.env['ir.config_parameter'].sudo().get_param('sales_mis.care_days_before', '7'))
        horizon = today + timedelta(days=days)
        cr = self.env.cr
        found = []  # (partner, occasion, holiday, date, owner partner row)
        # Birthdays of contacts and anniversaries of companies within the horizon, one query.
        cr.execute("""
            SELECT p.id, 'birthday', p.sales_mis_birthday FROM res_partner p
             WHERE p.active AND p.sales_mis_birthday IS NOT NULL
            UNION ALL
            SELECT p.id, 'anniversary', COALESCE(p.sales_mis_customer_since, p.sales_mis_founded)
              FROM res_partner p
             WHERE p.active AND p.parent_id IS NULL
               AND COALESCE(p.sales_mis_customer_since, p.sales_mis_founded) IS NOT NULL""")
        for partner_id, occasion, when in cr.fetchall():
            when = fields.Date.from_string(when) if isinstance(when, str) else when
            due = _on_or_after(today, when.month, when.day)
            if due <= horizon and (occasion == 'birthday' or due.year > when.year):
                found.append((partner_id, occasion, False, due))
        for holiday in self.env['sales_mis.holiday'].search([]):
            due = _on_or_after(today, holiday.month, holiday.day)
            if due > today + timedelta(days=holiday.days_before):
                continue
            domain = [('customer', '=', True), ('parent_id', '=', False), ('user_id', '!=', False)]
            if holiday.customer_class:
                domain.append(('sales_mis_class', '=', holiday.customer_class))
            if holiday.company_id:
                domain += ['|', ('company_id', '=', False), ('company_id', '=', holiday.company_id.id)]
            found += [(pid, 'holiday', holiday.id, due) for pid in self.search(domain).ids]
        return self._sales_mis_remind(found)

    @api.model
    def _sales_mis_remind(self, found):
        if not found:
            return self.env['sales_mis.care.reminder']
        cr = self.env.cr
        cr.execute("SELECT partner_id, occasion, occasion_date FROM sales_mis_care_reminder "
                   "WHERE partner_id IN %s", (tuple({f[0] for f in found}),))
        done = {(p, o, str(d)) for p, o, d in cr.fetchall()}
        todo = []
        for item in found:  # one reminder per customer, occasion and day
            key = (item[0], item[1], str(item[3]))
            if key not in done:
                done.add(key)
                todo.append(item)
        partners = self.browse({f[0] for f in todo})
        Reminder = self.env['sales_mis.care.reminder'].sudo()
        Activity = self.env['mail.activity'].sudo()
        activity_type = self.env.ref('sales_mis.mail_activity_customer_care')
        model_id = self.env['ir.model']._get('res.partner').id
        holidays = {h.id: h for h in self.env['sales_mis.holiday'].browse({f[2] for f in todo if f[2]})}
        reminders = Reminder
        for partner_id, occasion, holiday_id, due in todo:
            partner = partners.browse(partner_id)
            owner = partner.user_id or partner.commercial_partner_id.user_id
            if not owner:
                continue  # nobody to remind; retried when the customer gets a salesperson
            # in the language of the salesperson reminded
            summary = partner.with_context(lang=owner.lang or self.env.lang)._care_summary(
                occasion, holidays.get(holiday_id))
            activity = Activity.create({
                'res_model_id': model_id, 'res_id': partner.id, 'activity_type_id': activity_type.id,
                'user_id': owner.id, 'date_deadline': fields.Date.to_string(due), 'summary': summary})
            commercial = partner.commercial_partner_id
            reminders |= Reminder.create({
                'partner_id': partner.id, 'occasion': occasion, 'holiday_id': holiday_id,
                'occasion_date': fields.Date.to_string(due), 'activity_id': activity.id,
                'user_id': owner.id, 'team_id': commercial.team_id.id,
                'company_id': (commercial.company_id or self.env.user.company_id).id})
        return reminders

    def _care_summary(self, occasion, holiday):
        if occasion == 'birthday':
            return _('Birthday of %s') % self.display_name
        if occasion == 'anniversary':
            return _('Anniversary of %s') % self.display_name
        return _('%s: greet %s') % (holiday.with_context(lang=self.env.lang).name, self.display_name)
