# -*- coding: utf-8 -*-
"""Field work on a phone (issue 13): today's visits are those of the user's local day, a logged
visit names itself after its type and customer, a to-do links to its readable document only."""
from datetime import timedelta

from odoo import fields

from ..crm_logic.daily_report import day_bounds_utc
from .common import PlanningCase


class TestVisitPhone(PlanningCase):

    def visit(self, start, **values):
        return self.env['sales_mis.visit'].sudo(self.salesperson).create(dict({
            'name': 'Review', 'partner_id': self.customer.id, 'date_start': fields.Datetime.to_string(start),
            'team_id': self.salesperson.sale_team_id.id}, **values))

    def test_today_is_the_local_day_of_the_user(self):
        Visit = self.env['sales_mis.visit'].sudo(self.salesperson).with_context(tz='Asia/Shanghai')
        today = fields.Date.context_today(Visit)
        start, end = day_bounds_utc(today, 'Asia/Shanghai')  # 16:00 UTC the evening before, in Beijing
        second = timedelta(seconds=1)
        before, first, last, after = [self.visit(moment) for moment in (start - second, start, end - second, end)]
        ids = (before | first | last | after).ids
        self.assertEqual(Visit.search([('id', 'in', ids), ('is_today', '=', True)]), first | last)
        self.assertEqual(Visit.search([('id', 'in', ids), ('is_today', '=', False)]), before | after)
        self.assertEqual(Visit.search([('id', 'in', ids), ('is_today', '!=', True)]), before | after)
        self.assertEqual([v.is_today for v in Visit.browse(ids)], [False, True, True, False])

    def test_a_logged_visit_names_itself_until_a_subject_is_typed(self):
        form = self.env['sales_mis.visit'].sudo(self.salesperson).new({'visit_type': 'call'})
        form.partner_id = self.customer
        form._onchange_default_subject()
        self.assertEqual(form.name, 'Phone call: %s' % self.customer.display_name)
        form.visit_type = 'visit'
        form._onchange_default_subject()
        self.assertEqual(form.name, 'On-site visit: %s' % self.customer.display_name)
        form.name = 'Price talk with the buyer'
        form.visit_type = 'demo'
        form._onchange_default_subject()
        self.assertEqual(form.name, 'Price talk with the buyer', 'a typed subject is kept')

    def test_a_todo_links_to_its_document_only_when_readable(self):
        own = self.visit(fields.Datetime.from_string('2030-03-01 09:00:00'),
                         next_step='Call back', next_step_date='2030-03-05')
        todo = own.activity_ids
        self.assertEqual(todo.sudo(self.salesperson).document_ref, own)
        # a to-do of the salesperson on a visit of another team: the card shows no link into it
        south = self.env['sales_mis.visit'].sudo(self.salesperson_south).create({
            'name': 'South review', 'partner_id': self.customer.id, 'date_start': '2030-03-01 09:00:00',
            'team_id': self.salesperson_south.sale_team_id.id})
        foreign = self.env['mail.activity'].create({
            'res_model_id': self.env['ir.model']._get('sales_mis.visit').id, 'res_id': south.id,
            'summary': 'Look at it', 'user_id': self.salesperson.id,
            'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id})
        self.assertFalse(foreign.sudo(self.salesperson).document_ref)
        self.assertEqual(foreign.sudo(self.salesperson_south).document_ref, south)
