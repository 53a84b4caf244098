# -*- coding: utf-8 -*-
"""Who sees and runs which forecasts: salesperson reads the runs of their team and
their own pipeline, never runs; manager runs for the teams they lead; director
everything of their companies."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .forecast_common import ForecastCase, month_start


class TestForecastSecurity(ForecastCase):

    def setUp(self):
        super(TestForecastSecurity, self).setUp()
        self.book_history(self.salesperson_south, 4, [(self.product_a, 1, 100.0)])
        self.south_run = self.make_run(horizon=1)
        self.south_run.action_run_now()
        self.east_run = self.make_run(team_id=self.team_east.id, name='East')
        self.company_run = self.make_run(team_id=False, level='company', name='Company')

    def visible_runs(self, user):
        return self.env['sales_mis_forecast.run'].sudo(user).search(
            [('id', 'in', (self.south_run | self.east_run | self.company_run).ids)])

    def test_salesperson_reads_own_team_forecasts_only(self):
        seller = self.salesperson_south
        self.assertEqual(self.visible_runs(seller), self.south_run)
        with self.assertRaises(AccessError):
            self.east_run.sudo(seller).read(['name'])
        lines = self.env['sales_mis_forecast.line'].sudo(seller).search([])
        self.assertEqual(lines.mapped('run_id'), self.south_run)
        self.assertTrue(self.south_run.sudo(seller).series_ids.chart_html)
        with self.assertRaises(AccessError):
            self.make_run(user=seller)
        with self.assertRaises(UserError):
            self.south_run.sudo(seller).action_queue()
        with self.assertRaises(AccessError):
            self.south_run.sudo(seller).write({'name': 'mine'})

    def test_manager_runs_for_the_teams_they_lead(self):
        manager = self.manager_south
        self.assertEqual(self.visible_runs(manager), self.south_run)
        run = self.make_run(user=manager, horizon=1)
        run.sudo(manager).action_run_now()
        self.assertEqual(run.state, 'done')
        with self.assertRaises(AccessError):
            self.make_run(user=manager, team_id=self.team_east.id)
        with self.assertRaises(AccessError):
            self.make_run(user=manager, team_id=False, level='company')
        self.assertEqual(self.visible_runs(self.manager), self.east_run)

    def test_director_sees_all_of_own_companies(self):
        self.assertEqual(self.visible_runs(self.director), self.south_run | self.east_run | self.company_run)
        other = self.env['res.company'].create({'name': 'Other Forecast Co'})
        foreign = self.env['sales_mis_forecast.run'].create({'name': 'Foreign', 'company_id': other.id})
        self.assertFalse(self.env['sales_mis_forecast.run'].sudo(self.director).search([('id', '=', foreign.id)]))

    def test_pipeline_and_adjustments_follow_the_team(self):
        month = month_start(-1).isoformat()
        Leads = self.env['crm.lead']
        mine = Leads.create({'name': 'South deal', 'type': 'opportunity', 'planned_revenue': 100.0, 'probability': 50,
                             'user_id': self.salesperson_south.id, 'team_id': self.team_south.id,
                             'date_deadline': month})
        east = Leads.create({'name': 'East deal', 'type': 'opportunity', 'planned_revenue': 100.0, 'probability': 50,
                             'user_id': self.salesperson.id, 'team_id': self.team_east.id, 'date_deadline': month})
        Pipeline = self.env['sales_mis_forecast.pipeline']
        seen = Pipeline.sudo(self.salesperson_south).search([('lead_id', 'in', (mine | east).ids)])
        self.assertEqual(seen.mapped('lead_id'), mine)
        seen = Pipeline.sudo(self.manager).search([('lead_id', 'in', (mine | east).ids)])
        self.assertEqual(seen.mapped('lead_id'), east)
        Adjustments = self.env['sales_mis_forecast.adjustment']
        with self.assertRaises(AccessError):
            Adjustments.sudo(self.salesperson_south).create({'date': month, 'user_id': self.salesperson_south.id,
                                                            'amount': 1.0, 'comment': 'more please'})
        with self.assertRaises(AccessError):
            Adjustments.sudo(self.manager_south).create({'date': month, 'team_id': self.team_east.id,
                                                        'amount': 1.0, 'comment': 'not mine'})
        with self.assertRaises(ValidationError):
            Adjustments.sudo(self.manager_south).create({'date': month, 'amount': 1.0, 'comment': 'company'})
        adjustment = Adjustments.sudo(self.director).create({'date': month, 'amount': 1.0, 'comment': 'company'})
        self.assertEqual(adjustment.level, 'company')
