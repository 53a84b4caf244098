# -*- coding: utf-8 -*-
"""Lead follow-up 线索跟进: overdue and stale open leads flagged in bulk, one reminder each."""
from datetime import datetime, timedelta

from odoo import fields

from .common import PlanningCase


def days_ago(days):
    return fields.Datetime.to_string(datetime.utcnow() - timedelta(days=days))


class TestLeadFollowup(PlanningCase):

    def setUp(self):
        super(TestLeadFollowup, self).setUp()
        self.Lead = self.env['crm.lead']
        self.company.followup_stale_days = 10
        yesterday = fields.Date.to_string(datetime.utcnow().date() - timedelta(days=1))
        self.overdue = self.lead('Overdue', date_deadline=yesterday)
        self.stale = self.lead('Stale', age=30)
        self.fresh = self.lead('Fresh', age=30, touched=2)
        self.won = self.lead('Won long ago', age=30)
        self.won.write({'probability': 100})
        self.lost = self.lead('Lost long ago', age=30)
        self.lost.action_set_lost()
        self.backdate(self.won | self.lost, 30)

    def lead(self, name, age=0, touched=None, **values):
        lead = self.Lead.create(dict({'name': name, 'type': 'opportunity', 'user_id': self.salesperson.id,
                                      'partner_id': self.customer.id}, **values))
        self.backdate(lead, age)
        if touched is not None:
            lead.message_post(body='Called them')
            self.env.cr.execute("UPDATE mail_message SET date = %s WHERE model = 'crm.lead' AND res_id = %s "
                                "AND date > %s", (days_ago(touched), lead.id, days_ago(1)))
        return lead

    def backdate(self, leads, age):
        if age:
            self.env.cr.execute("UPDATE crm_lead SET create_date = %s WHERE id = ANY(%s)", (days_ago(age), leads.ids))
            self.env.cr.execute("UPDATE mail_message SET date = %s WHERE model = 'crm.lead' AND res_id = ANY(%s)",
                                (days_ago(age), leads.ids))
        leads.invalidate_cache()

    def test_flags_and_lists(self):
        self.Lead.followup_refresh()
        ours = self.overdue | self.stale | self.fresh | self.won | self.lost
        self.assertEqual(self.Lead.search([('id', 'in', ours.ids), ('followup_stale', '=', True)]), self.stale)
        self.assertEqual(self.Lead.search([('id', 'in', ours.ids), ('followup_overdue', '=', True)]), self.overdue)
        self.assertEqual(self.Lead.search([('id', 'in', ours.ids), ('followup_overdue', '=', False)]),
                         self.stale | self.fresh | self.won)
        self.assertEqual((self.overdue.followup_overdue, self.stale.followup_overdue), (True, False))
        self.assertEqual(self.fresh.followup_last_touch[:10], days_ago(2)[:10])
        self.company.followup_stale_days = 60
        self.Lead.followup_refresh()
        self.assertFalse(self.stale.followup_stale, 'N comes from the company')
        groups = self.Lead.sudo(self.salesperson).read_group(
            [('id', 'in', ours.ids), '|', ('followup_overdue', '=', True), ('followup_stale', '=', True)],
            ['user_id'], ['user_id'])
        self.assertEqual([(g['user_id'][0], g['user_id_count']) for g in groups], [(self.salesperson.id, 1)])

    def test_cron_reminds_once(self):
        followup = self.env.ref('sales_mis.mail_activity_type_followup')
        self.Lead.cron_followup()
        reminded = self.env['mail.activity'].search([('res_model', '=', 'crm.lead'),
                                                     ('activity_type_id', '=', followup.id)])
        ours = reminded.filtered(lambda a: a.res_id in (self.overdue | self.stale | self.fresh | self.won | self.lost).ids)
        self.assertEqual(sorted(ours.mapped('res_id')), sorted((self.overdue | self.stale).ids))
        self.assertEqual(ours.mapped('user_id'), self.salesperson)
        self.assertIn('overdue since', ours.filtered(lambda a: a.res_id == self.overdue.id).summary)
        self.Lead.cron_followup()
        self.assertEqual(ours.filtered(lambda a: a.res_id == self.overdue.id).summary[:15],
                         'Follow up: over', 'the salesperson reads English')
        again = self.env['mail.activity'].search([('res_model', '=', 'crm.lead'), ('activity_type_id', '=', followup.id)])
        self.assertEqual(again, reminded, 'an open reminder is not duplicated')
        self.Lead.followup_refresh()
        self.assertFalse(self.stale.followup_stale, 'the reminder itself is a touch')

    def test_reminders_speak_the_salespersons_language(self):
        """Issue 13 §10: the cron wrote every to-do in its own (the system's) language."""
        self.salesperson.lang = 'zh_CN'
        self.Lead.with_context(lang='en_US').cron_followup()
        reminder = self.env['mail.activity'].search([('res_model', '=', 'crm.lead'), ('res_id', '=', self.overdue.id)])
        self.assertTrue(reminder.summary.startswith('跟进：自 '), reminder.summary)
