# -*- coding: utf-8 -*-
"""Opportunity evaluation 销售机会评估 on crm.lead: the score follows the criteria,
the win model learns from closed history and explains each prediction, and each
role sees and changes only what it may."""
import json
from unittest.mock import patch

from lxml import etree

from odoo.exceptions import AccessError, ValidationError

from .common import PlanningCase


class TestOpportunityEvaluation(PlanningCase):

    def setUp(self):
        super(TestOpportunityEvaluation, self).setUp()
        Criterion = self.env['sales_mis.lead.criterion']
        Criterion.search([]).write({'active': False})  # a known set of criteria
        self.criteria = Criterion.create({'name': 'Budget', 'signal': 'budget_confirmed', 'weight': 30}) \
            | Criterion.create({'name': 'Decision maker', 'signal': 'decision_maker_known', 'weight': 20}) \
            | Criterion.create({'name': 'Amount', 'signal': 'expected_revenue', 'weight': 50,
                                'low': 0, 'high': 100000})
        self.stages = self.env['crm.stage'].search([('probability', '<', 100)], order='sequence')
        self.won_stage = self.env['crm.stage'].search([('probability', '=', 100)], limit=1)

    def lead(self, user=None, **values):
        user = user or self.salesperson
        return self.env['crm.lead'].sudo(user).create(dict({
            'name': 'Deal', 'type': 'opportunity', 'partner_id': self.customer.id, 'user_id': user.id,
            'team_id': user.sale_team_id.id, 'planned_revenue': 50000.0}, **values))

    def test_score_and_breakdown_follow_the_criteria(self):
        lead = self.lead(eval_budget_confirmed=True)
        self.assertAlmostEqual(lead.eval_score, 30 + 25)
        breakdown = dict(json.loads(lead.eval_breakdown))
        self.assertEqual(breakdown, {'budget_confirmed': 30.0, 'expected_revenue': 25.0, 'decision_maker_known': 0.0})
        self.assertIn('Budget confirmed', lead.eval_breakdown_html)
        lead.sudo(self.salesperson).write({'eval_decision_maker_known': True, 'planned_revenue': 200000.0})
        self.assertAlmostEqual(lead.eval_score, 100.0)
        self.criteria[2].sudo(self.manager).write({'weight': 150})  # managers tune the weights
        lead.action_sales_mis_evaluate()
        self.assertAlmostEqual(lead.eval_score, 100.0)
        lead.write({'planned_revenue': 0.0})
        self.assertAlmostEqual(lead.eval_score, 100.0 * 50 / 200)

    def test_a_callers_context_does_not_skip_the_scoring(self):
        lead = self.env['crm.lead'].sudo(self.salesperson).with_context(sales_mis_no_evaluate=True).create({
            'name': 'Deal', 'type': 'opportunity', 'partner_id': self.customer.id, 'user_id': self.salesperson.id,
            'team_id': self.salesperson.sale_team_id.id, 'planned_revenue': 50000.0, 'eval_budget_confirmed': True})
        self.assertAlmostEqual(lead.eval_score, 30 + 25)

    def test_a_new_opportunity_is_scored_in_its_insert_as_the_query_scores_it(self):
        """Issue 17: a new open opportunity is scored from the values inserted (no signal query, no
        UPDATE); its figures equal those of the signal query read right after, with a trained win
        model and a criterion on every signal. Leads with children, closed ones and plain leads
        still go through the query."""
        misadmin = self.env.ref('sales_mis.user_mis_admin')
        model = self.env['sales_mis.win.model'].sudo(misadmin).train()
        self.assertEqual(model.state, 'trained')
        Criterion = self.env['sales_mis.lead.criterion']
        for signal, low, high in [('need_confirmed', 0, 0), ('timing_confirmed', 0, 0), ('stage_age_days', 30, 0),
                                  ('last_activity_days', 14, 0), ('activity_count', 0, 5), ('days_to_close', 90, 0),
                                  ('priority', 0, 3), ('competitor_count', 3, 0), ('customer_orders', 0, 3)]:
            Criterion.create({'name': signal, 'signal': signal, 'weight': 10, 'low': low, 'high': high})
        ordered = self.env['sale.order'].search([('state', 'in', ('sale', 'done'))], limit=1).partner_id
        self.assertTrue(ordered)
        Lead = type(self.env['crm.lead'])
        cases = [{}, {'eval_budget_confirmed': True, 'eval_need_confirmed': True, 'priority': '2'},
                 {'partner_id': ordered.id, 'date_deadline': '2030-06-30', 'planned_revenue': 0.0},
                 {'partner_id': False, 'planned_revenue': 120000.0, 'stage_id': self.stages[-1].id},
                 {'eval_score': 99.0, 'win_probability': 99.0}]  # a caller's figures never stand
        for values in cases:
            with patch.object(Lead, '_sales_mis_signal_rows', side_effect=AssertionError('queried')):
                lead = self.lead(**values)
            lead.invalidate_cache()
            inserted = lead.read(['eval_score', 'eval_breakdown', 'win_probability', 'win_factors',
                                  'win_model_id'])[0]
            self.assertEqual(inserted['win_model_id'][0], model.id)
            lead._sales_mis_evaluate()
            lead.invalidate_cache()
            self.assertAlmostEqual(inserted['eval_score'], lead.eval_score, places=1, msg=values)
            self.assertAlmostEqual(inserted['win_probability'], lead.win_probability, places=1, msg=values)
            self.assertEqual(dict(json.loads(inserted['eval_breakdown'])).keys(),
                             dict(json.loads(lead.eval_breakdown)).keys())
            for (code, points), (code2, points2) in zip(sorted(json.loads(inserted['eval_breakdown'])),
                                                        sorted(json.loads(lead.eval_breakdown))):
                self.assertAlmostEqual(points, points2, places=1, msg=(values, code))
            self.assertEqual([f[:2] for f in json.loads(inserted['win_factors'])],
                             [f[:2] for f in json.loads(lead.win_factors)], values)
        self.assertLess(self.lead(eval_score=99.0).eval_score, 99.0)

        competitor = self.env['sales_mis.competitor'].create({'name': 'Rival'})
        queried = []
        original = Lead._sales_mis_signal_rows

        def spy(leads, where, params=None):
            queried.append(params['ids'])
            return original(leads, where, params)
        with patch.object(Lead, '_sales_mis_signal_rows', spy):
            with_rival = self.lead(sales_mis_competitor_line_ids=[(0, 0, {'competitor_id': competitor.id})])
            won = self.lead(stage_id=self.won_stage.id, probability=100.0)
            plain = self.lead(type='lead')
        self.assertEqual(queried, [[with_rival.id], [won.id]])
        self.assertFalse(plain.eval_date)

    def test_bad_criteria_are_refused(self):
        with self.assertRaisesRegex(ValidationError, 'negative'):
            self.criteria[0].write({'weight': -1})
        with self.assertRaisesRegex(ValidationError, 'must differ'):
            self.criteria[2].write({'high': 0})

    def close_history(self, count):
        """Closed deals: budget confirmed wins, otherwise lost (a signal the model must find)."""
        for index in range(count):
            budget = index % 2 == 0
            lead = self.lead(self.salesperson if index % 3 else self.salesperson_east2,
                             name='History %d' % index, eval_budget_confirmed=budget,
                             stage_id=self.stages[index % len(self.stages)].id)
            if budget or index % 7 == 1:
                lead.write({'stage_id': self.won_stage.id})
            else:
                lead.action_set_lost()

    def test_win_model_learns_from_history_and_explains(self):
        self.env.cr.execute("UPDATE crm_lead SET probability = 50 WHERE type = 'opportunity'")  # nothing closed
        model = self.env['sales_mis.win.model']._train(self.company)
        self.assertEqual(model.state, 'not_enough')
        self.assertIn('no closed', model.message)
        open_lead = self.lead(eval_budget_confirmed=True)
        self.assertFalse(open_lead.win_probability)
        self.assertIn('Not enough history', open_lead.win_factors_html)

        self.close_history(60)
        model = self.env['sales_mis.win.model'].sudo(self.manager).browse().action_train()
        model = self.env['sales_mis.win.model'].browse(model['res_id'])
        self.assertEqual(model.state, 'trained')
        self.assertEqual((model.closed_count, model.won_count), (60, 30 + 5))  # budget, plus indices 1, 15, 29, 43, 57
        self.assertGreater(model.train_auc, 0.8)
        self.assertGreater(json.loads(model.model_json)['coef']['budget_confirmed'], 0.5)
        self.assertIn('Budget confirmed', model.coefficient_html)
        weak = self.lead(eval_budget_confirmed=False)
        open_lead.invalidate_cache()
        self.assertGreater(open_lead.win_probability, weak.win_probability + 20)
        factors = json.loads(open_lead.win_factors)
        self.assertEqual(factors[0][0], 'budget_confirmed')
        self.assertGreater(factors[0][3], 0)
        self.assertIn('Budget confirmed', open_lead.win_factors_html)
        self.assertEqual(open_lead.win_model_id, model)

    def test_demo_win_model_opens_and_predicts_one_lead_as_in_bulk(self):
        """Defect: a model trained from the demo history could not be opened ('1.0' read as an
        id) and its id levels ('1.0') missed the same lead evaluated alone ('1')."""
        misadmin = self.env.ref('sales_mis.user_mis_admin')
        model = self.env['sales_mis.win.model'].sudo(misadmin).train()
        self.assertEqual(model.state, 'trained')
        levels = json.loads(model.model_json)['levels']['source_id']
        known = [level for level in levels if level.isdigit()]
        self.assertTrue(known, levels)
        source = self.env['utm.source'].browse(int(known[0]))
        self.assertIn(source.display_name, model.sudo(misadmin).coefficient_html)
        alone = self.lead(source_id=source.id)          # evaluated on create, alone
        alone_probability = alone.win_probability
        (alone | self.lead())._sales_mis_evaluate()      # with a lead without source
        alone.invalidate_cache()
        self.assertAlmostEqual(alone.win_probability, alone_probability)

    def test_the_form_says_what_each_figure_is_and_which_one_forecasts(self):
        """Defect: stage 70 %, score 81/100 and win probability 17 % side by side, unexplained."""
        arch = self.env['crm.lead'].sudo(self.salesperson).fields_view_get(
            self.env.ref('crm.crm_case_form_view_oppor').id, 'form')['arch']
        block = etree.fromstring(arch).xpath("//div[contains(@class, 'o_sales_mis_figures_explained')]")
        self.assertEqual(len(block), 1)
        terms = [term.text.strip() for term in block[0].iter('dt')]
        self.assertEqual(terms, ['Probability', 'Score', 'Win Probability'])
        self.assertIn('pipeline forecast uses', ' '.join(block[0].itertext()))

    def test_cron_trains_and_scores_every_open_opportunity(self):
        self.close_history(40)
        lead = self.lead()
        self.env.cr.execute("UPDATE crm_lead SET eval_score = NULL, win_probability = NULL WHERE id = %s", (lead.id,))
        self.env['crm.lead']._cron_sales_mis_evaluate()
        lead.invalidate_cache()
        self.assertTrue(lead.eval_score and lead.win_probability)

    def test_config_rights(self):
        Criterion = self.env['sales_mis.lead.criterion']
        self.assertTrue(Criterion.sudo(self.salesperson).search([]))
        with self.assertRaises(AccessError):
            self.criteria[0].sudo(self.salesperson).write({'weight': 99})
        with self.assertRaises(AccessError):
            Criterion.sudo(self.salesperson).create({'name': 'x', 'signal': 'need_confirmed'})
        model = self.env['sales_mis.win.model']._train(self.company)
        model.sudo(self.salesperson).read(['state'])
        with self.assertRaises(AccessError):
            model.sudo(self.salesperson).action_train()

    def test_salesperson_cannot_touch_another_salespersons_evaluation(self):
        theirs = self.lead(self.salesperson_south)
        with self.assertRaises(AccessError):
            theirs.sudo(self.salesperson).read(['eval_score'])
        with self.assertRaises(AccessError):
            theirs.sudo(self.salesperson).write({'eval_budget_confirmed': True})
        mine = self.lead()
        mine.sudo(self.salesperson).write({'eval_budget_confirmed': True})
        self.assertTrue(mine.eval_budget_confirmed)
