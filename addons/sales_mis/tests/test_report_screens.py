# -*- coding: utf-8 -*-
"""Issue 13 §7: what the report screens open with.  Target and actual side by side, a
chart that works with one month, months down the pivot, and the actuals' basis named."""
from lxml import etree

from .common import PlanningCase


def arch(env, model, view_type, user):
    """The (default) view of `model` as `user` gets it: (root element, fields)."""
    result = env[model].sudo(user).fields_view_get(view_type=view_type)
    return etree.fromstring(result['arch']), result['fields']


class TestReportScreens(PlanningCase):

    def approved_plan(self, year):
        plan = self.make_plan(name='East %s' % year, year=year, scope='team', team_id=self.team_east.id,
                              target_amount=12000.0)
        people = self.split(plan.root_line_id, 'salesperson',
                            user_ids=[(6, 0, [self.salesperson.id, self.salesperson_east2.id])])
        for person in people:
            self.split(person, 'month')
        plan.action_submit()
        plan.sudo(self.director).action_approve()
        return plan

    def test_target_vs_actual_chart_draws_both_figures_per_month(self):
        plan = self.approved_plan(2030)
        self.book_order(self.salesperson, '2030-01-20', [(self.product_a, 10, 100.0)])     # 1000
        self.book_order(self.salesperson_east2, '2030-01-05', [(self.product_b, 20, 10.0)])  # not theirs
        self.refresh_actuals()
        # the chart's graph: month and figure as groupings of one amount, bars not stacked
        graph, _fields = arch(self.env, 'sales_mis.plan.completion.chart', 'graph', self.salesperson)
        self.assertEqual(graph.get('type'), 'bar')
        self.assertEqual(graph.get('stacked'), 'False')
        self.assertEqual([f.get('name') for f in graph if f.get('type') == 'row'], ['date_from', 'kind'])
        Chart = self.env['sales_mis.plan.completion.chart'].sudo(self.salesperson)
        groups = Chart.read_group([('plan_id', '=', plan.id), ('date_from', '<', '2030-02-01')],
                                  ['date_from', 'kind', 'amount'], ['date_from:month', 'kind'], lazy=False)
        self.assertEqual({g['kind']: g['amount'] for g in groups}, {'target': 500.0, 'actual': 1000.0},
                         'their January target beside their January actual, nobody else\'s')
        # the Plan Completion graph no longer draws the actual alone
        graph, _fields = arch(self.env, 'sales_mis.plan.completion', 'graph', self.salesperson)
        self.assertEqual([f.get('name') for f in graph if f.get('type') == 'measure'], ['completion'])
        menu = self.env.ref('sales_mis.menu_sales_mis_plan_completion_chart')
        self.assertIn(menu, self.env['ir.ui.menu'].sudo(self.salesperson).search([('id', '=', menu.id)]))

    def test_actual_says_ordered_or_invoiced(self):
        for basis, word in (('order', 'confirmed orders'), ('invoice', 'invoiced')):
            self.company.sales_mis_actual_basis = basis
            label = self.env['sales_mis.plan.completion'].sudo(self.salesperson).fields_get(
                ['actual_amount'])['actual_amount']['string']
            self.assertIn(word, label)
            _pivot, fields = arch(self.env, 'sales_mis.plan.completion', 'pivot', self.salesperson)
            self.assertIn(word, fields['actual_amount']['string'], 'the pivot header too')
            kinds = dict(self.env['sales_mis.plan.completion.chart'].sudo(self.salesperson).fields_get(
                ['kind'])['kind']['selection'])
            self.assertIn(word, kinds['actual'])
        _pivot, fields = arch(self.env, 'sales_mis.sales.analysis', 'pivot', self.salesperson)
        self.assertIn('Invoiced', fields['amount']['string'])

    def test_sales_analysis_opens_as_bars_with_months_down(self):
        graph, _fields = arch(self.env, 'sales_mis.sales.analysis', 'graph', self.salesperson)
        self.assertEqual(graph.get('type'), 'bar', 'a line chart of one month says "Not enough data points"')
        pivot, _fields = arch(self.env, 'sales_mis.sales.analysis', 'pivot', self.salesperson)
        rows = [f.get('name') for f in pivot if f.get('type') == 'row']
        self.assertEqual(rows, ['month'])
        self.assertFalse([f for f in pivot if f.get('type') == 'col'], 'nothing across but the measures')
        measures = [f.get('name') for f in pivot if f.get('type') == 'measure']
        self.assertEqual(measures[0], 'amount')
        self.assertLessEqual(len(measures), 3)
