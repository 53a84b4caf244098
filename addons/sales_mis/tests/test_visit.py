# -*- coding: utf-8 -*-
"""Customer visits: next steps become activities; each role sees its own visits."""
from odoo.exceptions import AccessError, ValidationError

from .action_defaults import opening_domain
from .common import PlanningCase


class TestVisit(PlanningCase):

    def visit(self, user, **values):
        return self.env['sales_mis.visit'].sudo(user).create(dict({
            'name': 'Review', 'partner_id': self.customer.id, 'date_start': '2030-03-01 09:00:00',
            'team_id': user.sale_team_id.id}, **values))

    def test_next_step_schedules_an_activity_on_the_opportunity(self):
        lead = self.env['crm.lead'].create({'name': 'Pumps for plant 2', 'type': 'opportunity',
                                            'partner_id': self.customer.id, 'user_id': self.salesperson.id})
        visit = self.visit(self.salesperson, lead_id=lead.id, next_step='Send the quotation',
                           next_step_date='2030-03-05')
        activity = self.env['mail.activity'].search([('res_model', '=', 'crm.lead'), ('res_id', '=', lead.id)])
        self.assertEqual(len(activity), 1)
        self.assertEqual((activity.summary, activity.date_deadline, activity.user_id),
                         ('Send the quotation', '2030-03-05', self.salesperson))
        alone = self.visit(self.salesperson, next_step='Call back', next_step_date='2030-03-09')
        self.assertEqual(alone.activity_ids.summary, 'Call back', 'without opportunity: on the visit')
        self.assertEqual(visit.date_stop, '2030-03-01 10:00:00')

    def test_bad_input_is_refused(self):
        with self.assertRaisesRegex(ValidationError, 'due date'):
            self.visit(self.salesperson, next_step='Call back')
        with self.assertRaisesRegex(ValidationError, '24 hours'):
            self.visit(self.salesperson, duration=30)

    def test_each_role_sees_its_visits(self):
        mine = self.visit(self.salesperson)
        teammate = self.visit(self.salesperson_east2)
        south = self.visit(self.salesperson_south)
        Visit = self.env['sales_mis.visit']
        ids = (mine | teammate | south).ids
        self.assertEqual(Visit.sudo(self.salesperson).search([('id', 'in', ids)]), mine)
        self.assertEqual(Visit.sudo(self.manager).search([('id', 'in', ids)]), mine | teammate)
        self.assertEqual(Visit.sudo(self.director).search([('id', 'in', ids)]), mine | teammate | south)
        with self.assertRaises(AccessError):
            teammate.sudo(self.salesperson).write({'result': 'not mine'})
        with self.assertRaises(AccessError):
            teammate.sudo(self.salesperson).unlink()
        with self.assertRaises(AccessError):
            south.sudo(self.manager).read(['name'])
        mine.sudo(self.salesperson).write({'result': 'Good meeting'})
        mine.sudo(self.salesperson).action_done()
        self.assertEqual(mine.state, 'done')

    def test_a_manager_opens_visits_on_the_team(self):
        """Issue 13 §9: "My Visits" by default left a manager an empty calendar."""
        teammate = self.visit(self.salesperson_east2)
        south = self.visit(self.salesperson_south)
        Visit = self.env['sales_mis.visit']
        for user, expected in ((self.manager, teammate), (self.salesperson_east2, teammate),
                               (self.salesperson, Visit)):
            domain = opening_domain(self.env, 'sales_mis.action_visits', user)
            shown = Visit.sudo(user).search(domain + [('id', 'in', (teammate | south).ids)])
            self.assertEqual(shown, expected, user.login)

    def test_tracking_lines_read_in_the_readers_language(self):
        """Issue 13 §10: "Status: Planned → Done" stayed English for a Chinese reader."""
        self.salesperson.lang = 'en_US'
        visit = self.visit(self.salesperson)
        visit.sudo(self.salesperson).with_context(lang='en_US').action_done()
        stored = visit.sudo().message_ids.mapped('tracking_value_ids').filtered(
            lambda t: t.field == 'state' and t.old_value_char)
        self.assertEqual((stored.field_desc, stored.new_value_char), ('State', 'Done'), 'written in English')
        for lang in ('zh_CN', 'en_US'):
            shown = stored.mail_message_id.sudo(self.manager).with_context(lang=lang).message_format()[0]
            line = [value for value in shown['tracking_value_ids'] if value['id'] == stored.id][0]
            described = self.env['sales_mis.visit'].with_context(lang=lang).fields_get(['state'])['state']
            labels = dict(described['selection'])
            self.assertEqual((line['changed_field'], line['old_value'], line['new_value']),
                             (described['string'], labels['planned'], labels['done']), lang)
        self.assertNotEqual(self.env['sales_mis.visit'].with_context(lang='zh_CN').fields_get(
            ['state'])['state']['string'], 'State', 'the label has a translation')
