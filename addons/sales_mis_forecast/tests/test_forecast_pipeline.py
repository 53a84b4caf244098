# -*- coding: utf-8 -*-
"""Pipeline forecast (G3): categories on opportunities, the pipeline report, manager
adjustments rolled up in the forecast call, weekly snapshots vs actuals."""
from unittest.mock import patch

from odoo import fields

from .forecast_common import ForecastCase, month_start


class TestForecastPipeline(ForecastCase):

    def setUp(self):
        super(TestForecastPipeline, self).setUp()
        self.month = month_start(-1).isoformat()
        Leads = self.env['crm.lead']
        self.lead = Leads.create({'name': 'Big pump deal', 'type': 'opportunity', 'planned_revenue': 1000.0,
                                  'probability': 30.0, 'user_id': self.salesperson_south.id,
                                  'team_id': self.team_south.id, 'date_deadline': self.month[:8] + '20'})
        self.lead2 = Leads.create({'name': 'Valve refit', 'type': 'opportunity', 'planned_revenue': 400.0,
                                   'probability': 80.0, 'user_id': self.salesperson_south.id,
                                   'team_id': self.team_south.id, 'date_deadline': self.month})

    def test_category_defaults_from_probability_and_keeps_the_choice(self):
        self.assertEqual(self.lead.forecast_category, 'pipeline')
        self.lead.probability = 50.0
        self.assertEqual(self.lead.forecast_category, 'best_case')
        self.lead.forecast_category = 'commit'
        self.lead.probability = 20.0
        self.assertEqual(self.lead.forecast_category, 'commit')
        self.assertEqual(self.lead2.forecast_category, 'commit')

    def test_a_new_leads_category_goes_into_its_insert(self):
        """Issue 17: the category of a new lead is in its INSERT (no recompute UPDATE after it), and
        it is the compute's: the choice if made, otherwise the probability's."""
        statements = []
        execute = self.env.cr.execute

        def logged(query, params=None, log_exceptions=None):
            statements.append(str(query))
            return execute(query, params)
        self.env.cr.execute = logged
        self.addCleanup(delattr, self.env.cr, 'execute')
        cases = [(10.0, False, 'pipeline'), (45.0, False, 'best_case'), (75.0, False, 'commit'),
                 (100.0, False, 'closed'), (10.0, 'commit', 'commit'), (90.0, 'pipeline', 'pipeline')]
        for probability, chosen, expected in cases:
            del statements[:]
            lead = self.env['crm.lead'].create({
                'name': 'New deal', 'type': 'opportunity', 'probability': probability,
                'forecast_category_manual': chosen, 'user_id': self.salesperson_south.id,
                'team_id': self.team_south.id})
            self.assertFalse([q for q in statements if q.startswith('UPDATE') and 'forecast_category' in q])
            lead.invalidate_cache()
            self.assertEqual(lead.forecast_category, expected, (probability, chosen))
            lead._compute_forecast_category()
            self.assertEqual(lead.forecast_category, expected)

    def test_pipeline_report_weights_by_probability(self):
        rows = self.env['sales_mis_forecast.pipeline'].read_group(
            [('team_id', '=', self.team_south.id)],
            ['date', 'weighted_amount', 'commit_amount', 'best_case_amount', 'expected_revenue'],
            ['date:day'], lazy=False)
        self.assertEqual(len(rows), 1)
        self.assertAlmostEqual(rows[0]['weighted_amount'], 1000 * 0.3 + 400 * 0.8)
        self.assertAlmostEqual(rows[0]['commit_amount'], 400.0)
        self.assertAlmostEqual(rows[0]['best_case_amount'], 400.0)
        combined = self.env['sales_mis_forecast.combined'].search(
            [('team_id', '=', self.team_south.id), ('date', '=', self.month)])
        self.assertAlmostEqual(sum(combined.mapped('weighted_amount')), 620.0)

    def test_adjustments_roll_up_in_the_forecast_call(self):
        Adjustments = self.env['sales_mis_forecast.adjustment'].sudo(self.manager_south)
        Adjustments.create({'date': self.month, 'user_id': self.salesperson_south.id, 'amount': 900.0,
                            'comment': 'Signed letter of intent'})
        call = self.env['sales_mis_forecast.call'].sudo(self.director).create({'date': self.month})
        call.action_compute()
        person = call.line_ids.filtered(lambda l: l.user_id == self.salesperson_south)
        team = call.line_ids.filtered(lambda l: l.level == 'team' and l.team_id == self.team_south)
        company = call.line_ids.filtered(lambda l: l.level == 'company')
        self.assertAlmostEqual(person.weighted_amount, 620.0)
        self.assertTrue(person.adjusted)
        self.assertAlmostEqual(person.forecast_amount, 900.0)
        self.assertAlmostEqual(team.forecast_amount, 900.0)
        Adjustments.create({'date': self.month, 'team_id': self.team_south.id, 'amount': 1500.0,
                            'comment': 'Team call'})
        call.action_compute()
        team = call.line_ids.filtered(lambda l: l.level == 'team' and l.team_id == self.team_south)
        self.assertAlmostEqual(team.forecast_amount, 1500.0)
        company = call.line_ids.filtered(lambda l: l.level == 'company')
        self.assertAlmostEqual(company.forecast_amount, sum(
            call.line_ids.filtered(lambda l: l.level == 'team').mapped('forecast_amount')))

    def test_weekly_snapshot_compared_with_what_happened(self):
        past = month_start(1).isoformat()
        self.lead.date_deadline = past[:8] + '10'
        Snapshots = self.env['sales_mis_forecast.snapshot']
        with patch.object(fields.Date, 'context_today', lambda *args, **kwargs: past):
            Snapshots.take_snapshot()
        said = Snapshots.search([('snapshot_date', '=', past), ('team_id', '=', self.team_south.id),
                                 ('date', '=', past)])
        self.assertAlmostEqual(sum(said.mapped('weighted_amount')), 300.0)
        self.book_order(self.salesperson_south, past[:8] + '12', [(self.product_a, 2, 100.0)])
        report = self.env['sales_mis_forecast.snapshot.accuracy'].search(
            [('snapshot_date', '=', past), ('team_id', '=', self.team_south.id), ('date', '=', past)])
        self.assertEqual(len(report), 1)
        self.assertAlmostEqual(report.weighted_amount, 300.0)
        self.assertAlmostEqual(report.actual, 200.0)
        self.assertAlmostEqual(report.error, -100.0)
