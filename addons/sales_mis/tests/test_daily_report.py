# -*- coding: utf-8 -*-
"""Daily work report 工作日报: assembled from the day's records, submitted to the team
manager, approved or returned; each role sees what it should; missing days listed."""
from datetime import date


from odoo import fields
from odoo.exceptions import AccessError, UserError

from odoo.addons.sales_mis.crm_logic import daily_report

from .common import PlanningCase

TODAY = fields.Date.today()


class TestDailyReport(PlanningCase):

    def setUp(self):
        super(TestDailyReport, self).setUp()
        self.Report = self.env['sales_mis.daily.report']
        (self.salesperson | self.salesperson_east2 | self.salesperson_south).write({'tz': 'UTC'})

    def report(self, user, day=TODAY, **values):
        return self.Report.sudo(user).create(dict({'date': day, 'team_id': user.sale_team_id.id}, **values))

    def test_collects_the_day_from_the_records(self):
        seller = self.salesperson_east2  # a fresh user: no day of their own in the database
        Visit = self.env['sales_mis.visit'].sudo(seller)
        now = fields.Datetime.now()
        Visit.create({'name': 'Review', 'partner_id': self.customer.id, 'date_start': now})
        Visit.create({'name': 'Phone follow-up', 'partner_id': self.customer.id, 'date_start': now, 'visit_type': 'call'})
        Visit.create({'name': 'Yesterday', 'partner_id': self.customer.id, 'date_start': '2020-01-01 10:00:00'})
        Lead = self.env['crm.lead'].sudo(seller)
        lead = Lead.create({'name': 'Pumps for plant 2', 'type': 'opportunity', 'partner_id': self.customer.id,
                            'user_id': seller.id})
        other_stage = self.env['crm.stage'].search([('probability', '<', 100), ('id', '!=', lead.stage_id.id)], limit=1)
        lead.write({'stage_id': other_stage.id})
        lost = Lead.create({'name': 'Valves', 'type': 'opportunity', 'user_id': seller.id})
        lost.action_set_lost()
        won = Lead.create({'name': 'Spare parts', 'type': 'opportunity', 'user_id': seller.id})
        won.action_set_won()
        activity = self.env['mail.activity'].sudo(seller).create({
            'res_model_id': self.env['ir.model']._get('crm.lead').id, 'res_id': lead.id, 'user_id': seller.id,
            'activity_type_id': self.env.ref('mail.mail_activity_data_call').id, 'summary': 'Call the buyer'})
        activity.action_feedback('Reached him')

        report = self.report(seller)
        kinds = report.line_ids.mapped('kind')
        self.assertEqual(sorted(kinds), sorted(['visit', 'call', 'new_lead', 'new_lead', 'new_lead', 'stage',
                                                'lost', 'won', 'activity']))
        self.assertEqual((report.visit_count, report.call_count, report.activity_count, report.opportunity_count),
                         (1, 1, 1, 6))
        self.assertIn(other_stage.name, report.line_ids.filtered(lambda l: l.kind == 'stage').name)
        self.assertEqual(report.line_ids.filtered(lambda l: l.kind == 'won').lead_id, won)
        Visit.create({'name': 'Late visit', 'partner_id': self.customer.id, 'date_start': now})
        report.action_collect()
        self.assertEqual(report.visit_count, 2, 'collecting again rebuilds the lines')
        self.assertFalse(self.report(self.salesperson_south).line_ids, "a colleague's day is not mine")

    def test_what_the_system_created_is_nobodys_day(self):
        """Defect: the demo history (created and closed at install, as the superuser) filled
        "My Day" with "New: Demo history ..." and "Lost: ..." rows."""
        seller = self.salesperson_east2
        system = self.env['crm.lead']  # the superuser, as demo data and module installs
        system.create({'name': 'Installed deal', 'type': 'opportunity', 'user_id': seller.id})
        system.create({'name': 'Installed lost deal', 'type': 'opportunity', 'user_id': seller.id}).action_set_lost()
        mine = self.env['crm.lead'].sudo(seller).create({'name': 'My deal', 'type': 'opportunity',
                                                         'user_id': seller.id})
        installed_then_lost_by_me = system.create({'name': 'Old deal', 'type': 'opportunity', 'user_id': seller.id})
        installed_then_lost_by_me.sudo(seller).action_set_lost()
        report = self.report(seller, day=fields.Date.today())  # the seller's tz is UTC
        self.assertEqual(sorted((l.kind, l.lead_id.name) for l in report.line_ids),
                         [('lost', 'Old deal'), ('new_lead', mine.name)])

    def test_my_day_opens_the_days_report_and_a_second_is_refused_early(self):
        """Defect: a second report of the same day failed only at Save (the database constraint)."""
        seller = self.salesperson_east2
        Report = self.Report.sudo(seller)
        action = Report.action_my_day()
        self.assertFalse(action.get('res_id'))
        self.assertEqual(action['context']['default_date'], fields.Date.context_today(Report))
        report = self.report(seller, day=fields.Date.context_today(Report))
        action = Report.action_my_day()
        self.assertEqual((action['res_model'], action['res_id']), (Report._name, report.id))
        # the form of a new report warns as soon as it opens on a day that has a report
        draft = Report.new({'user_id': seller.id, 'date': report.date})
        self.assertIn('already has a daily report', draft._onchange_date_taken()['warning']['message'])
        self.assertFalse(Report.new({'user_id': seller.id, 'date': '2020-01-01'})._onchange_date_taken())
        self.assertFalse(report._onchange_date_taken(), 'the report itself is not a second one')
        with self.assertRaisesRegex(UserError, 'already has a daily report'):
            Report.create({'summary': 'again'})  # today by default
        self.env.ref('sales_mis.menu_sales_mis_daily_report_my_day')

    def test_submit_approve_return(self):
        report = self.report(self.salesperson, summary='Good day', plan_tomorrow='Visit ACME')
        report.sudo(self.salesperson).action_submit()
        self.assertEqual(report.state, 'submitted')
        review = report.activity_ids
        self.assertEqual(review.user_id, self.manager, "a to-do for the team's manager")
        with self.assertRaisesRegex(AccessError, 'can no longer be changed'):
            report.sudo(self.salesperson).write({'summary': 'Changed after submitting'})
        with self.assertRaises(AccessError):
            report.sudo(self.salesperson).action_approve()
        with self.assertRaises(AccessError):
            report.sudo(self.salesperson).write({'state': 'approved'})
        with self.assertRaises(AccessError):
            report.sudo(self.manager_south).action_approve()
        with self.assertRaisesRegex(UserError, 'comment'):
            report.sudo(self.manager).action_return()
        report.sudo(self.manager).write({'manager_comment': 'Which products did ACME ask about?'})
        report.sudo(self.manager).action_return()
        self.assertEqual((report.state, report.reviewer_id), ('returned', self.manager))
        self.assertFalse(report.activity_ids, "the manager's to-do is done")
        report.sudo(self.salesperson).write({'summary': 'Good day; ACME asked for pumps'})
        report.sudo(self.salesperson).action_submit()
        report.sudo(self.manager).action_approve()
        self.assertEqual(report.state, 'approved')
        tracked = report.sudo().message_ids.mapped('tracking_value_ids').filtered(lambda t: t.field == 'state')
        self.assertTrue(tracked, 'state changes are tracked')
        with self.assertRaisesRegex(UserError, 'already has a daily report'):
            self.report(self.salesperson)

    def test_the_review_todo_speaks_the_managers_language(self):
        """Issue 13 §10: the manager's to-do was written in the salesperson's language."""
        self.manager.lang = 'zh_CN'
        report = self.report(self.salesperson, summary='Good day', plan_tomorrow='Visit ACME')
        report.sudo(self.salesperson).with_context(lang='en_US').action_submit()
        self.assertEqual(report.activity_ids.summary, '审阅 %s 的工作日报' % self.salesperson.name)

    def test_each_role_sees_its_reports(self):
        mine = self.report(self.salesperson)
        teammate = self.report(self.salesperson_east2)
        south = self.report(self.salesperson_south)
        ids = (mine | teammate | south).ids
        self.assertEqual(self.Report.sudo(self.salesperson).search([('id', 'in', ids)]), mine)
        self.assertEqual(self.Report.sudo(self.manager).search([('id', 'in', ids)]), mine | teammate)
        self.assertEqual(self.Report.sudo(self.director).search([('id', 'in', ids)]), mine | teammate | south)
        with self.assertRaises(AccessError):
            teammate.sudo(self.salesperson).write({'summary': 'not mine'})
        with self.assertRaises(AccessError):
            teammate.sudo(self.salesperson).read(['summary'])
        with self.assertRaises(AccessError):
            south.sudo(self.manager).read(['summary'])
        with self.assertRaises(AccessError):
            south.line_ids.sudo(self.manager).read(['name']) if south.line_ids else south.sudo(self.manager).unlink()
        with self.assertRaises(AccessError):
            mine.sudo(self.salesperson).write({'manager_comment': 'Self-praise'})

    def test_missing_reports_are_working_days_without_a_submitted_report(self):
        monday, friday = '2030-03-04', '2030-03-08'
        self.report(self.salesperson, day='2030-03-05').sudo(self.salesperson).action_submit()
        self.report(self.salesperson, day='2030-03-06')  # a draft counts as missing
        wizard = self.env['sales_mis.daily.report.missing'].sudo(self.manager).create(
            {'date_from': monday, 'date_to': '2030-03-10'})
        action = wizard.action_show()
        gaps = self.env['sales_mis.daily.report.gap'].sudo(self.manager).search(action['domain'])
        seller_days = sorted(gaps.filtered(lambda g: g.user_id == self.salesperson).mapped('date'))
        self.assertEqual(seller_days, ['2030-03-04', '2030-03-06', '2030-03-07', friday], 'no weekend, not the 5th')
        self.assertEqual(set(gaps.mapped('user_id')), {self.salesperson, self.salesperson_east2, self.manager},
                         'the manager reviews the people of the teams they lead')
        mine = self.env['sales_mis.daily.report.missing'].sudo(self.salesperson).create(
            {'date_from': monday, 'date_to': friday})
        self.assertEqual(mine.compute_gaps(), 4, 'a salesperson sees only their own days')


def test_day_bounds_in_the_salespersons_time_zone():
    start, end = daily_report.day_bounds_utc('2030-03-01', 'Asia/Shanghai')
    assert (str(start), str(end)) == ('2030-02-28 16:00:00', '2030-03-01 16:00:00')


def test_working_days_skip_weekends():
    assert daily_report.working_days('2030-03-01', '2030-03-04') == [date(2030, 3, 1), date(2030, 3, 4)]


def test_lines_sorted_by_time_then_kind():
    lines = [{'kind': 'won', 'time': '2030-03-01 10:00:00'}, {'kind': 'visit', 'time': '2030-03-01 10:00:00'},
             {'kind': 'call', 'time': '2030-03-01 08:00:00'}, {'kind': 'visit', 'time': None}]
    assert [(l['kind'], l['time']) for l in daily_report.sort_lines(lines)] == [
        ('call', '2030-03-01 08:00:00'), ('visit', '2030-03-01 10:00:00'), ('won', '2030-03-01 10:00:00'),
        ('visit', None)]
