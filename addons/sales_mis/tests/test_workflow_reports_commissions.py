# -*- coding: utf-8 -*-
"""Issue 12: the forged approvals of daily reports, commission statements and scorecards, each
tried as the tester did (plain write/create/unlink, the old context flags, tracking_disable),
and the transitions that must keep working for the people they belong to."""
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import SavepointCase

from .common import SALESPERSON, new_user

REFUSED = (AccessError, UserError)


class WorkflowDocumentsCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(WorkflowDocumentsCase, cls).setUpClass()
        env = cls.env
        cls.salesperson = env.ref('sales_mis.user_salesperson')
        cls.manager = env.ref('sales_mis.user_manager')
        cls.director = env.ref('sales_mis.user_director')
        cls.misadmin = env.ref('sales_mis.user_mis_admin')
        cls.team_east = env.ref('sales_mis.team_east_china')
        cls.teammate = new_user(env, 'WF Teammate', 'wf_teammate', SALESPERSON, sale_team_id=cls.team_east.id)
        (cls.salesperson | cls.teammate).write({'tz': 'UTC'})


class TestDailyReportWorkflow(WorkflowDocumentsCase):

    @classmethod
    def setUpClass(cls):
        super(TestDailyReportWorkflow, cls).setUpClass()
        Report = cls.env['sales_mis.daily.report']
        cls.draft = Report.create({'user_id': cls.salesperson.id, 'team_id': cls.team_east.id,
                                   'date': '2031-05-05', 'summary': 'Draft day'})
        cls.submitted = Report.create({'user_id': cls.salesperson.id, 'team_id': cls.team_east.id,
                                       'date': '2031-05-06', 'summary': 'Submitted day'})
        cls.approved = Report.create({'user_id': cls.salesperson.id, 'team_id': cls.team_east.id,
                                      'date': '2031-05-07', 'summary': 'Approved day'})
        Line = cls.env['sales_mis.daily.report.line']
        for report in (cls.draft, cls.submitted, cls.approved):
            Line.create({'report_id': report.id, 'kind': 'visit', 'name': 'Visit ACME'})
        (cls.submitted | cls.approved).write({'state': 'submitted'})
        cls.approved.write({'state': 'approved', 'reviewer_id': cls.manager.id})

    def test_author_cannot_approve_her_own_report_with_the_old_flag(self):
        mine = self.submitted.sudo(self.salesperson)
        for context in ({'daily_report_workflow': True}, {'tracking_disable': True}, {}):
            with self.assertRaises(AccessError):
                mine.with_context(**context).write({'state': 'approved', 'reviewer_id': self.manager.id})
        self.assertEqual((self.submitted.state, self.submitted.reviewer_id.id), ('submitted', False))
        with self.assertRaises(AccessError):
            self.env['sales_mis.daily.report'].sudo(self.salesperson).with_context(daily_report_workflow=True).create(
                {'date': '2031-05-08', 'team_id': self.team_east.id, 'state': 'approved',
                 'reviewer_id': self.manager.id})
        with self.assertRaises(AccessError):
            self.draft.sudo(self.salesperson).with_context(daily_report_workflow=True).write(
                {'user_id': self.teammate.id})

    def test_lines_of_submitted_and_approved_reports_are_frozen(self):
        Line = self.env['sales_mis.daily.report.line'].sudo(self.salesperson)
        for report in (self.submitted, self.approved):
            line = report.line_ids.sudo(self.salesperson)
            for context in ({}, {'daily_report_workflow': True}):
                with self.assertRaises(AccessError):
                    line.with_context(**context).write({'name': 'Signed a 1M contract'})
                with self.assertRaises(AccessError):
                    Line.with_context(**context).create({'report_id': report.id, 'kind': 'won', 'name': 'Big win'})
                with self.assertRaises(AccessError):
                    line.with_context(**context).unlink()
                with self.assertRaises(AccessError):
                    report.sudo(self.salesperson).with_context(**context).write(
                        {'line_ids': [(0, 0, {'kind': 'won', 'name': 'Big win'})]})
            # a line given through a context default, or moved over from a draft report
            with self.assertRaises(AccessError):
                Line.with_context(default_report_id=report.id).create({'kind': 'won', 'name': 'Big win'})
            with self.assertRaises(AccessError):
                self.draft.line_ids.sudo(self.salesperson).write({'report_id': report.id})
            self.assertEqual(report.line_ids.mapped('name'), ['Visit ACME'])
        self.assertEqual(len(self.draft.line_ids), 1)

    def test_draft_lines_and_collect_still_work_for_the_author(self):
        draft = self.draft.sudo(self.salesperson)
        draft.line_ids.write({'name': 'Visit ACME (plant 2)'})
        draft.write({'line_ids': [(0, 0, {'kind': 'call', 'name': 'Called the buyer'})]})
        self.assertEqual(len(draft.line_ids), 2)
        draft.action_collect()  # rebuilt from the records of the day: none in 2031
        self.assertFalse(draft.line_ids)
        with self.assertRaises(AccessError):
            self.draft.sudo(self.teammate).action_collect()
        with self.assertRaises(UserError):
            self.submitted.sudo(self.salesperson).action_collect()
        self.assertEqual(len(self.submitted.line_ids), 1)
        report = self.env['sales_mis.daily.report'].sudo(self.teammate).create(
            {'date': '2031-05-05', 'team_id': self.team_east.id, 'summary': 'Collected on creation'})
        self.assertEqual(report.state, 'draft')

    def test_review_by_the_manager_tracked_whatever_the_context(self):
        report = self.env['sales_mis.daily.report'].sudo(self.salesperson).create(
            {'date': '2031-05-09', 'team_id': self.team_east.id, 'summary': 'Good day'})
        with self.assertRaises(AccessError):
            report.write({'manager_comment': 'Self-praise'})
        report.with_context(tracking_disable=True).action_submit()
        self.assertEqual(report.state, 'submitted')
        report.sudo(self.manager).write({'manager_comment': 'Which products?'})
        report.sudo(self.manager).with_context(tracking_disable=True, daily_report_workflow=True).action_return()
        self.assertEqual((report.state, report.reviewer_id), ('returned', self.manager))
        report.write({'summary': 'Good day; pumps'})
        report.action_collect()
        report.action_submit()
        report.sudo(self.manager).action_approve()
        self.assertEqual(report.state, 'approved')
        tracked = report.sudo().message_ids.filtered(
            lambda m: m.tracking_value_ids.filtered(lambda t: t.field == 'state' and t.new_value_char == 'Approved'))
        self.assertEqual(tracked.mapped('author_id'), self.manager.partner_id,
                         'the approval is tracked with the manager as its author')
        with self.assertRaises(AccessError):
            report.unlink()


class TestCommissionWorkflow(WorkflowDocumentsCase):

    @classmethod
    def setUpClass(cls):
        super(TestCommissionWorkflow, cls).setUpClass()
        env = cls.env
        cls.scheme = env['sales_mis.commission.scheme'].create({
            'name': 'WF scheme', 'default_rate': 2.0,
            'tier_ids': [(0, 0, {'min_completion': 0, 'multiplier': 1.0})]})
        cls.categ = env['product.category'].create({'name': 'WF Pumps'})
        Statement = env['sales_mis.commission.statement']

        def statement(user, state):
            record = Statement.create({'user_id': user.id, 'team_id': cls.team_east.id, 'scheme_id': cls.scheme.id,
                                       'date_from': '2031-01-01', 'date_to': '2031-01-31'})
            record.write({'line_ids': [(0, 0, {'user_id': user.id, 'team_id': cls.team_east.id,
                                               'company_id': record.company_id.id, 'categ_id': cls.categ.id,
                                               'base_amount': 1000.0, 'rate': 2.0, 'multiplier': 1.0,
                                               'amount': 20.0})],
                          'amount_total': 20.0, 'completion': 100.0, 'multiplier': 1.0})
            if state == 'approved':
                record.write({'state': 'approved', 'approved_by_id': cls.director.id})
            return record

        cls.managers_own = statement(cls.manager, 'draft')
        cls.sellers = statement(cls.salesperson, 'draft')
        cls.approved = statement(cls.teammate, 'approved')

    def test_manager_cannot_raise_and_approve_his_own_statement(self):
        own = self.managers_own.sudo(self.manager)
        for context in ({}, {'tracking_disable': True}, {'mail_notrack': True}):
            with self.assertRaises(AccessError):
                own.with_context(**context).write({'amount_total': 99999.0})
            with self.assertRaises(AccessError):
                own.with_context(**context).write({'state': 'approved', 'approved_by_id': self.director.id})
            with self.assertRaises(AccessError):
                own.with_context(**context).write({'completion': 300.0, 'multiplier': 3.0})
        with self.assertRaises(AccessError):
            own.action_approve()
        with self.assertRaises(AccessError):
            self.env['sales_mis.commission.statement'].sudo(self.manager).create({
                'user_id': self.manager.id, 'scheme_id': self.scheme.id, 'date_from': '2031-02-01',
                'date_to': '2031-02-28', 'amount_total': 99999.0, 'state': 'approved'})
        self.assertEqual((self.managers_own.amount_total, self.managers_own.state), (20.0, 'draft'))
        # nobody approves their own statement, not even a director
        directors = self.managers_own.copy({'user_id': self.director.id, 'team_id': False})
        directors.write({'line_ids': [(0, 0, {'user_id': self.director.id, 'team_id': self.team_east.id,
                                              'amount': 1.0})]})
        with self.assertRaises(AccessError):
            directors.sudo(self.director).action_approve()
        self.assertEqual(directors.state, 'draft')

    def test_lines_are_written_only_by_the_computation(self):
        for statement in (self.sellers, self.approved):
            line = statement.line_ids
            for user in (self.manager, self.director, self.misadmin):
                with self.assertRaises(AccessError):
                    line.sudo(user).write({'amount': 5000.0})
                with self.assertRaises(AccessError):
                    self.env['sales_mis.commission.line'].sudo(user).create({
                        'statement_id': statement.id, 'user_id': statement.user_id.id,
                        'team_id': self.team_east.id, 'amount': 5000.0})
                with self.assertRaises(AccessError):
                    line.sudo(user).unlink()
            self.assertEqual(statement.line_ids.mapped('amount'), [20.0])
        with self.assertRaises(AccessError):
            self.approved.sudo(self.director).write({'date_to': '2031-02-28'})
        with self.assertRaises(AccessError):
            self.approved.sudo(self.director).unlink()

    def test_team_manager_computes_approves_and_resets(self):
        statement = self.sellers.sudo(self.manager)
        statement.action_compute()  # no sales in 2031: no lines, nothing to approve
        self.assertEqual((statement.amount_total, len(statement.line_ids)), (0.0, 0))
        with self.assertRaises(UserError):
            statement.action_approve()
        statement.write({'date_from': '2031-01-02'})  # an ordinary draft field stays editable
        self.sellers.write({'line_ids': [(0, 0, {'user_id': self.salesperson.id, 'team_id': self.team_east.id,
                                                 'amount': 7.0})],
                            'amount_total': 7.0})
        with self.assertRaises(AccessError):
            self.sellers.sudo(self.salesperson).action_approve()
        statement.with_context(tracking_disable=True).action_approve()
        self.assertEqual((self.sellers.state, self.sellers.approved_by_id), ('approved', self.manager))
        tracked = self.sellers.message_ids.filtered(lambda m: m.tracking_value_ids.filtered(
            lambda t: t.field == 'state' and t.new_value_char == 'Approved'))
        self.assertEqual(tracked.mapped('author_id'), self.manager.partner_id,
                         'the approval is tracked with the manager as its author')
        statement.action_reset()
        self.assertEqual((self.sellers.state, self.sellers.approved_by_id.id), ('draft', False))

    def test_a_manager_cannot_file_another_teams_salesperson_under_his_team(self):
        outsider = new_user(self.env, 'WF Outsider', 'wf_outsider', ['sales_mis.group_salesperson'])
        with self.assertRaises(ValidationError):
            self.env['sales_mis.commission.statement'].sudo(self.manager).create({
                'user_id': outsider.id, 'team_id': self.team_east.id, 'scheme_id': self.scheme.id,
                'date_from': '2031-01-01', 'date_to': '2031-01-31'})
        with self.assertRaises(ValidationError):
            self.sellers.sudo(self.manager).write({'user_id': outsider.id})

    def test_changing_what_was_computed_voids_the_figures(self):
        statement = self.sellers.sudo(self.manager)
        statement.write({'date_to': '2031-03-31'})
        self.assertEqual((self.sellers.amount_total, len(self.sellers.line_ids)), (0.0, 0),
                         'figures of another period are not kept')


class TestScorecardWorkflow(WorkflowDocumentsCase):

    @classmethod
    def setUpClass(cls):
        super(TestScorecardWorkflow, cls).setUpClass()
        env = cls.env
        company = env.user.company_id
        if not env['sales_mis.kpi'].search([('company_id', '=', company.id)]):
            env['sales_mis.kpi'].create({'name': 'Visits', 'code': 'visits', 'target': 10.0, 'company_id': company.id})
        Card = env['sales_mis.scorecard']
        cls.draft = Card.create({'name': 'WF draft', 'date_from': '2031-01-01', 'date_to': '2031-01-31',
                                 'team_id': cls.team_east.id})
        cls.published = Card.create({'name': 'WF published', 'date_from': '2031-02-01', 'date_to': '2031-02-28',
                                     'team_id': cls.team_east.id})
        cls.published.action_compute()
        cls.published.write({'state': 'done'})

    def test_published_scores_cannot_be_rewritten_or_deleted(self):
        lines = self.published.line_ids
        mine = lines.filtered(lambda l: l.user_id == self.salesperson)
        teammates = lines - mine
        self.assertTrue(mine and teammates)
        before = [(l.user_id.id, l.score, l.rank) for l in lines]
        for user in (self.salesperson, self.manager, self.director, self.misadmin):
            with self.assertRaises(REFUSED):
                mine.sudo(user).write({'score': 100.0, 'rank': 1})
            with self.assertRaises(REFUSED):
                teammates.sudo(user).unlink()
            with self.assertRaises(REFUSED):
                self.env['sales_mis.scorecard.line'].sudo(user).create({
                    'scorecard_id': self.published.id, 'user_id': user.id, 'team_id': self.team_east.id,
                    'score': 100.0, 'rank': 1})
            with self.assertRaises(REFUSED):
                self.published.sudo(user).write({'state': 'draft'})
        self.assertEqual([(l.user_id.id, l.score, l.rank) for l in self.published.line_ids], before)
        # draft lines too: only the computation writes scores
        self.draft.action_compute()
        with self.assertRaises(AccessError):
            self.draft.line_ids.sudo(self.manager).write({'score': 100.0})

    def test_publish_a_computed_card(self):
        card = self.draft.sudo(self.manager)
        card.action_compute()
        card.write({'date_to': '2031-01-30'})  # the scores' stored period follows (recomputed by the system)
        self.assertEqual(set(card.sudo().line_ids.mapped('date_to')), {'2031-01-30'})
        card.action_publish()
        self.assertEqual(card.state, 'done')
        self.assertTrue(card.line_ids)
        card.sudo(self.director).action_reset()
        self.assertEqual(card.state, 'draft')

    def test_team_manager_computes_only_his_team(self):
        card = self.draft.sudo(self.manager)
        card.action_compute()
        self.assertEqual(set(self.draft.line_ids.mapped('user_id')), {self.salesperson, self.teammate},
                         'the manager himself is not ranked among his salespeople')
        company_card = self.env['sales_mis.scorecard'].create(
            {'name': 'WF company', 'date_from': '2031-01-01', 'date_to': '2031-01-31'})
        with self.assertRaises(AccessError):
            company_card.sudo(self.manager).action_compute()
        with self.assertRaises(AccessError):
            company_card.sudo(self.salesperson).action_compute()
        company_card.sudo(self.director).action_compute()
        ranked = company_card.line_ids.mapped('user_id')
        self.assertIn(self.salesperson, ranked)
        for boss in (self.manager, self.director, self.misadmin, self.env.ref('base.user_root')):
            self.assertNotIn(boss, ranked, '%s is not a salesperson to rank' % boss.name)
