# -*- coding: utf-8 -*-
"""Fields no longer stored to spare every write (issue 17 §2) read and search as before: the next
activity deadline of the Sales MIS documents (the earliest of their activities) and whether an
opportunity is a key project."""
from .common import PlanningCase


class TestUnstoredWriteFields(PlanningCase):

    def visit(self, name):
        return self.env['sales_mis.visit'].sudo(self.salesperson).create({
            'name': name, 'partner_id': self.customer.id, 'date_start': '2030-03-01 09:00:00',
            'team_id': self.salesperson.sale_team_id.id})

    def activity(self, visit, deadline):
        return self.env['mail.activity'].create({
            'res_model_id': self.env['ir.model']._get('sales_mis.visit').id, 'res_id': visit.id,
            'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id, 'summary': 'x',
            'user_id': self.salesperson.id, 'date_deadline': deadline})

    def test_activity_deadline_is_the_earliest_and_searches_as_stored(self):
        early, late, none = self.visit('Early'), self.visit('Late'), self.visit('None')
        self.activity(early, '2030-01-10')
        self.activity(early, '2030-01-20')
        self.activity(late, '2030-02-01')
        self.assertEqual((early.activity_date_deadline, late.activity_date_deadline, none.activity_date_deadline),
                         ('2030-01-10', '2030-02-01', False))
        Visits = self.env['sales_mis.visit'].sudo(self.salesperson)
        mine = [('id', 'in', (early | late | none).ids)]

        def found(operator, value):
            return Visits.search(mine + [('activity_date_deadline', operator, value)])
        self.assertEqual(found('<', '2030-01-15'), early)
        self.assertEqual(found('>', '2030-01-15'), late, 'the earliest deadline counts, not any')
        self.assertEqual(found('>=', '2030-01-10'), early | late)
        self.assertEqual(found('=', '2030-01-20'), Visits.browse(), 'not the earliest')
        self.assertEqual(found('=', False), none)
        self.assertEqual(found('!=', False), early | late)
        self.assertEqual(found('!=', '2030-01-10'), late | none)
        early.activity_ids.sorted('date_deadline')[0].unlink()
        self.assertEqual(early.activity_date_deadline, '2030-01-20')
        self.assertEqual(found('<', '2030-01-15'), Visits.browse())

    def test_key_project_follows_its_level_and_searches(self):
        Leads = self.env['crm.lead'].sudo(self.salesperson)
        key = Leads.create({'name': 'Key', 'type': 'opportunity', 'user_id': self.salesperson.id,
                            'key_project_level': 'team'})
        plain = Leads.create({'name': 'Plain', 'type': 'opportunity', 'user_id': self.salesperson.id})
        both = [('id', 'in', (key | plain).ids)]
        self.assertEqual((key.key_project, plain.key_project), (True, False))
        self.assertEqual(Leads.search(both + [('key_project', '=', True)]), key)
        self.assertEqual(Leads.search(both + [('key_project', '!=', True)]), plain)
        self.assertEqual(Leads.search(both + [('key_project', '=', False)]), plain)
        plain.write({'key_project_level': 'company'})
        self.assertTrue(plain.key_project)
        self.assertEqual(Leads.search(both + [('key_project', '=', True)]), key | plain)
