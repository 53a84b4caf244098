# -*- coding: utf-8 -*-
"""Lead follow-up 线索跟进 (B3): open leads and opportunities past their expected
closing date (overdue) or without a message or activity for N days (stale, N per
company), listed per salesperson, with a daily reminder to-do for each of them."""

from odoo import _, api, fields, models

from ..lib.admin_only import admin_only

DEFAULT_STALE_DAYS = 14
#: open = not lost (active) and not won
OPEN_SQL = "l.active AND coalesce(l.probability, 0) < 100"


class ResCompany(models.Model):
    _inherit = 'res.company'

    followup_stale_days = fields.Integer(
        string='Stale after (days)', default=DEFAULT_STALE_DAYS,
        help='An open lead or opportunity without any message or activity for this many days is stale '
             'and gets a follow-up reminder.')


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    followup_last_touch = fields.Datetime(
        string='Last Touch', readonly=True, copy=False,
        help='Last message, logged note or activity on the lead (refreshed daily).')
    followup_stale = fields.Boolean(string='Stale', readonly=True, copy=False, index=True,
                                    help='Open, and untouched for the number of days set on the company.')
    followup_overdue = fields.Boolean(string='Overdue', compute='_compute_followup_overdue',
                                      search='_search_followup_overdue',
                                      help='Open, and its expected closing date has passed.')

    @api.depends('date_deadline', 'active', 'probability')
    def _compute_followup_overdue(self):
        today = fields.Date.context_today(self)
        for lead in self:
            lead.followup_overdue = bool(lead.active and (lead.probability or 0) < 100 and lead.date_deadline
                                         and lead.date_deadline < today)

    def _search_followup_overdue(self, operator, value):
        # explicit '&': Odoo 11 substitutes the leaf by this domain without normalising it
        domain = ['&', ('date_deadline', '<', fields.Date.context_today(self)), ('probability', '<', 100)]
        positive = (operator == '=') == bool(value)
        return domain if positive else ['|', '|', ('date_deadline', '=', False),
                                        ('date_deadline', '>=', fields.Date.context_today(self)),
                                        ('probability', '>=', 100)]

    @admin_only
    @api.model
    def followup_refresh(self):
        """Maintenance entry point of :meth:`_followup_refresh` (every lead of every company)."""
        return self._followup_refresh()

    @api.model
    def _followup_refresh(self):
        """Last touch and staleness of every lead in one statement: the latest message and
        the latest activity per lead are aggregated once, not looked up per lead."""
        self.env.cr.execute("""
            WITH touch AS (
                SELECT res_id, max(date) AS last FROM mail_message
                 WHERE model = 'crm.lead' AND res_id IS NOT NULL GROUP BY res_id
                UNION ALL
                SELECT res_id, max(create_date) FROM mail_activity
                 WHERE res_model = 'crm.lead' GROUP BY res_id
            ), last_touch AS (
                SELECT res_id, max(last) AS last FROM touch GROUP BY res_id
            ), computed AS (
                SELECT l.id, greatest(l.create_date, t.last) AS last,
                       ({open}) AND greatest(l.create_date, t.last)
                           < (now() at time zone 'UTC') - make_interval(days => coalesce(c.followup_stale_days, %s))
                           AS stale
                  FROM crm_lead l
                  LEFT JOIN last_touch t ON t.res_id = l.id
                  LEFT JOIN res_company c ON c.id = l.company_id
            )
            UPDATE crm_lead l SET followup_last_touch = computed.last, followup_stale = computed.stale
              FROM computed
             WHERE computed.id = l.id
               AND (l.followup_last_touch IS DISTINCT FROM computed.last
                    OR l.followup_stale IS DISTINCT FROM computed.stale)
        """.format(open=OPEN_SQL), (DEFAULT_STALE_DAYS,))
        updated = self.env.cr.rowcount
        self.invalidate_cache(['followup_last_touch', 'followup_stale'])
        return updated

    @api.model
    def _followup_leads_to_remind(self):
        """{lead id: salesperson id} of open stale or overdue leads with a salesperson and
        no open follow-up reminder yet (one query)."""
        activity_type = self.env.ref('sales_mis.mail_activity_type_followup')
        self.env.cr.execute("""
            SELECT l.id, l.user_id FROM crm_lead l
             WHERE {open} AND l.user_id IS NOT NULL
               AND (l.followup_stale OR l.date_deadline < %s)
               AND NOT EXISTS (SELECT 1 FROM mail_activity a WHERE a.res_model = 'crm.lead'
                               AND a.res_id = l.id AND a.activity_type_id = %s)
        """.format(open=OPEN_SQL), (fields.Date.context_today(self), activity_type.id))
        return dict(self.env.cr.fetchall())

    @admin_only
    @api.model
    def cron_followup(self):
        """Daily: refresh the flags, then one "Follow up" to-do per lead needing one."""
        self._followup_refresh()
        activity_type = self.env.ref('sales_mis.mail_activity_type_followup')
        to_remind = self._followup_leads_to_remind()
        leads = self.browse(sorted(to_remind)).with_context(prefetch_fields=False)
        today = fields.Date.context_today(self)
        model_id = self.env['ir.model']._get(self._name).id
        Activity = self.env['mail.activity'].with_context(mail_activity_quick_update=True)
        # each to-do in the language of the salesperson it is for
        langs = {user.id: user.lang for user in self.env['res.users'].browse(set(to_remind.values()))}
        for lead in leads:
            Activity.create({
                'res_model_id': model_id, 'res_id': lead.id, 'activity_type_id': activity_type.id,
                'user_id': to_remind[lead.id], 'date_deadline': today,
                'summary': lead.with_context(lang=langs[to_remind[lead.id]] or self.env.lang)._followup_summary(today),
            })
        return len(leads)

    def _followup_summary(self, today):
        reason = _('overdue since %s') % self.date_deadline if self.date_deadline and self.date_deadline < today \
            else _('no news since %s') % (self.followup_last_touch or '')[:10]
        return _('Follow up: %s') % reason

    @api.model
    def action_followup_list(self):
        """The follow-up list, with fresh flags (refreshed as superuser: only for those who may
        read opportunities)."""
        self.check_access_rights('read')
        self.sudo()._followup_refresh()
        action = self.env.ref('sales_mis.action_lead_followup').read()[0]
        return action
