# -*- coding: utf-8 -*-
"""Plan completion analysis 销售计划完成情况分析表 (A4 = F6).

One row per leaf plan line (its target) with the actual of its scope and
period read from the monthly actuals, and a run-rate projection to the end of
the line's period.  Completion % and gap are ratios of sums, so `read_group`
recomputes them per group instead of summing row values (pivot and graph
views then show them right at every level)."""
from odoo import _, api, fields, models, tools

from ..models.sales_plan import STATES
from ..lib.admin_only import admin_only
from ..lib.read_group_fields import with_groupby_fields
from .caller_access import check_readable
from .freshness import with_as_of
from .local_day import local_today, tz_join


def actual_label(self):
    """The label of "Actual" naming the company's basis (`self`: any model, for `_`):
    without it an ordered actual here and an invoiced one in Sales Analysis look alike."""
    if self.env.user.company_id.sales_mis_actual_basis == 'invoice':
        return _('Actual (invoiced, net of refunds)')
    return _('Actual (confirmed orders)')


class PlanCompletion(models.Model):
    _name = 'sales_mis.plan.completion'
    _description = 'Sales Plan Completion'
    _auto = False
    _rec_name = 'line_id'
    _order = 'date_from, line_id'

    line_id = fields.Many2one('sales_mis.plan.line', string='Plan Line', readonly=True)
    plan_id = fields.Many2one('sales_mis.plan', string='Plan', readonly=True)
    state = fields.Selection(STATES, string='Plan Status', readonly=True)
    is_current = fields.Boolean(string='Current Revision', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    categ_id = fields.Many2one('product.category', string='Product Category', readonly=True)
    date_from = fields.Date(string='Month', readonly=True)
    date_to = fields.Date(readonly=True)
    target_amount = fields.Float(string='Target', readonly=True)
    actual_amount = fields.Float(string='Actual', readonly=True)
    gap_amount = fields.Float(string='Gap', readonly=True, help='Target minus actual.')
    completion = fields.Float(string='Completion (%)', readonly=True, group_operator='avg',
                              help='Actual / target; per group it is the ratio of the sums.')
    projected_amount = fields.Float(string='Projection', readonly=True,
                                    help='Actual so far plus the plan-to-date daily run-rate of this '
                                         'scope times the days left in the period.')
    projected_completion = fields.Float(string='Projected Completion (%)', readonly=True,
                                        group_operator='avg')

    @admin_only
    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # scope match: a line without a salesperson/team/category takes them all; a category
        # takes its sub-categories (parent_left/parent_right of the category tree)
        self.env.cr.execute("""
            CREATE VIEW %(table)s AS
            WITH leaf AS (
                SELECT l.id, l.plan_id, p.state, p.is_current, p.company_id, l.team_id, l.user_id,
                       l.categ_id, l.date_from, l.date_to, l.target_amount, p.date_from AS plan_from,
                       c.sales_mis_actual_basis AS basis, lc.parent_left AS cat_left,
                       lc.parent_right AS cat_right, %(today)s AS today
                  FROM sales_mis_plan_line l
                  JOIN sales_mis_plan p ON p.id = l.plan_id
                  JOIN res_company c ON c.id = p.company_id
                  %(tz_join)s
                  LEFT JOIN product_category lc ON lc.id = l.categ_id
                 WHERE NOT EXISTS (SELECT 1 FROM sales_mis_plan_line ch WHERE ch.parent_id = l.id)
            ),
            measured AS (
                SELECT leaf.*, COALESCE(actual.amount, 0) AS actual_amount
                  FROM leaf
                  LEFT JOIN LATERAL (
                      -- one branch per kind of target, each an index lookup by equality; the
                      -- "leaf..." conditions are constants per line, so only one branch runs
                      SELECT sum(amount) AS amount FROM (
                          SELECT a.amount FROM sales_mis_actual_person a
                           WHERE leaf.categ_id IS NULL AND leaf.user_id IS NOT NULL
                             AND a.basis = leaf.basis AND a.company_id = leaf.company_id
                             AND a.user_id = leaf.user_id
                             AND a.month BETWEEN date_trunc('month', leaf.date_from) AND leaf.date_to
                             AND (leaf.team_id IS NULL OR a.team_id = leaf.team_id)
                          UNION ALL
                          SELECT a.amount FROM sales_mis_actual_person a
                           WHERE leaf.categ_id IS NULL AND leaf.user_id IS NULL AND leaf.team_id IS NOT NULL
                             AND a.basis = leaf.basis AND a.company_id = leaf.company_id
                             AND a.team_id = leaf.team_id
                             AND a.month BETWEEN date_trunc('month', leaf.date_from) AND leaf.date_to
                          UNION ALL
                          SELECT a.amount FROM sales_mis_actual_person a
                           WHERE leaf.categ_id IS NULL AND leaf.user_id IS NULL AND leaf.team_id IS NULL
                             AND a.basis = leaf.basis AND a.company_id = leaf.company_id
                             AND a.month BETWEEN date_trunc('month', leaf.date_from) AND leaf.date_to
                          UNION ALL
                          SELECT a.amount FROM sales_mis_actual a
                           WHERE leaf.categ_id IS NOT NULL AND leaf.user_id IS NOT NULL
                             AND a.basis = leaf.basis AND a.company_id = leaf.company_id
                             AND a.user_id = leaf.user_id
                             AND a.month BETWEEN date_trunc('month', leaf.date_from) AND leaf.date_to
                             AND a.categ_left >= leaf.cat_left AND a.categ_left < leaf.cat_right
                             AND (leaf.team_id IS NULL OR a.team_id = leaf.team_id)
                          UNION ALL
                          SELECT a.amount FROM sales_mis_actual a
                           WHERE leaf.categ_id IS NOT NULL AND leaf.user_id IS NULL AND leaf.team_id IS NOT NULL
                             AND a.basis = leaf.basis AND a.company_id = leaf.company_id
                             AND a.team_id = leaf.team_id
                             AND a.categ_left >= leaf.cat_left AND a.categ_left < leaf.cat_right
                             AND a.month BETWEEN date_trunc('month', leaf.date_from) AND leaf.date_to
                          UNION ALL
                          SELECT a.amount FROM sales_mis_actual a
                           WHERE leaf.categ_id IS NOT NULL AND leaf.user_id IS NULL AND leaf.team_id IS NULL
                             AND a.basis = leaf.basis AND a.company_id = leaf.company_id
                             AND a.categ_left >= leaf.cat_left AND a.categ_left < leaf.cat_right
                             AND a.month BETWEEN date_trunc('month', leaf.date_from) AND leaf.date_to
                      ) matched
                  ) actual ON true
            ),
            projected AS (
                -- run-rate of a scope = what its lines that have started sold, per elapsed day of
                -- the plan (the lines of one scope split the plan period, e.g. into months)
                SELECT measured.*,
                       CASE WHEN today > date_to THEN actual_amount
                            WHEN today < plan_from THEN actual_amount
                            ELSE actual_amount
                                 + sum(actual_amount) FILTER (WHERE date_from <= today)
                                       OVER (PARTITION BY plan_id, user_id, team_id, categ_id)
                                   / (today - plan_from + 1)
                                   * (date_to - GREATEST(today, date_from - 1))
                       END AS projected_amount
                  FROM measured
            )
            SELECT id, id AS line_id, plan_id, state, is_current, company_id, team_id, user_id, categ_id,
                   date_from, date_to, target_amount, actual_amount,
                   target_amount - actual_amount AS gap_amount,
                   CASE WHEN target_amount > 0 THEN 100.0 * actual_amount / target_amount END AS completion,
                   projected_amount,
                   CASE WHEN target_amount > 0 THEN 100.0 * projected_amount / target_amount END
                       AS projected_completion
              FROM projected
        """ % {'table': self._table, 'today': local_today(), 'tz_join': tz_join('p.company_id')})

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        """Pivot, graph and list headers say whether the actual counts ordered or invoiced sales,
        and how fresh it is."""
        result = super(PlanCompletion, self).fields_get(allfields, attributes)
        if 'string' in result.get('actual_amount', {}):
            result['actual_amount']['string'] = with_as_of(self.env, actual_label(self))
        return result

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        """Completion and projected completion of a group are ratios of its sums."""
        needed = {'target_amount', 'actual_amount', 'projected_amount'}
        wanted = [f.split(':')[0] for f in fields]
        extra = [f for f in needed if f not in wanted] if {'completion', 'projected_completion'} & set(wanted) else []
        groups = super(PlanCompletion, self).read_group(domain, with_groupby_fields(fields + extra, groupby, lazy),
                                                        groupby, offset=offset,
                                                        limit=limit, orderby=orderby, lazy=lazy)
        for group in groups:
            target = group.get('target_amount') or 0.0
            if 'completion' in wanted:
                group['completion'] = 100.0 * (group.get('actual_amount') or 0.0) / target if target else False
            if 'projected_completion' in wanted:
                group['projected_completion'] = (100.0 * (group.get('projected_amount') or 0.0) / target
                                                 if target else False)
            if 'gap_amount' in wanted:
                group['gap_amount'] = target - (group.get('actual_amount') or 0.0)
        return groups

    @api.model
    def _export_rows(self, plan):
        """Rows for the XLSX report of `plan`, as the current user may see them:
        (DataFrame[team, salesperson, month, target, actual, projection], months).
        Targets and projections come from the leaf lines, month actuals from the
        monthly actuals of the same salespeople/teams."""
        check_readable(self.env, self._name, 'sales_mis.actual', 'sales_mis.plan')
        plan.check_access_rule('read')
        import pandas as pd
        from dateutil.relativedelta import relativedelta

        leaves = self.search_read([('plan_id', '=', plan.id)],
                                  ['team_id', 'user_id', 'date_from', 'target_amount', 'projected_amount'])
        name = lambda value: value[1] if value else ''
        rows = [{'team': name(leaf['team_id']), 'salesperson': name(leaf['user_id']),
                 'month': fields.Date.from_string(leaf['date_from']).replace(day=1),
                 'target': leaf['target_amount'], 'actual': 0.0, 'projection': leaf['projected_amount']}
                for leaf in leaves]
        # month actuals: a salesperson's own; for a team target without salespeople, the team's
        people = {leaf['user_id'][0] for leaf in leaves if leaf['user_id']}
        teams = {leaf['team_id'][0] for leaf in leaves if leaf['team_id'] and not leaf['user_id']}
        domain = [('basis', '=', plan.company_id.sales_mis_actual_basis), ('company_id', '=', plan.company_id.id),
                  ('month', '>=', plan.date_from), ('month', '<=', plan.date_to)]
        if all(leaf['user_id'] or leaf['team_id'] for leaf in leaves):  # else a company-wide target
            domain += ['|', ('user_id', 'in', list(people)), ('team_id', 'in', list(teams))]
        if plan.categ_id:
            domain.append(('categ_id', 'child_of', plan.categ_id.id))
        groups = self.env['sales_mis.actual'].read_group(
            domain, ['user_id', 'team_id', 'month', 'amount'], ['user_id', 'team_id', 'month:month'], lazy=False)
        for group in groups:
            start = next(term[2] for term in group['__domain'] if term[0] == 'month' and term[1] == '>=')
            own = group['user_id'] and group['user_id'][0] in people
            rows.append({'team': name(group['team_id']), 'salesperson': name(group['user_id']) if own else '',
                         'month': fields.Date.from_string(start), 'target': 0.0, 'actual': group['amount'],
                         'projection': 0.0})
        first = fields.Date.from_string(plan.date_from)
        months = [first + relativedelta(months=i) for i in range(
            (fields.Date.from_string(plan.date_to).year - first.year) * 12
            + fields.Date.from_string(plan.date_to).month - first.month + 1)]
        frame = pd.DataFrame(rows, columns=['team', 'salesperson', 'month', 'target', 'actual', 'projection'])
        return frame, months
