# -*- coding: utf-8 -*-
"""Forecast -> plan (G4): the plan split service of sales_mis (models/plan_line_split.py)
gets the method "Latest forecast": the shares of the forecast of the latest done run
matching the line (its company, team, category) over the line's period.  The context
key `sales_mis_forecast_run_id` pins the run (the run's "Create plan" button).

Runs and lines are read as the caller (access rights and record rules): the weights
never reveal the shape of a forecast the caller may not read, and a pinned run is a
run the caller may read, whatever the context says."""
from odoo import _, fields, models
from odoo.exceptions import UserError


class SalesPlanLine(models.Model):
    _inherit = 'sales_mis.plan.line'

    def _split_forecast_run(self, level=None):
        """The run the weights come from: pinned by context, else the latest done one."""
        Runs = self.env['sales_mis_forecast.run']
        Runs.check_access_rights('read')
        pinned = self.env.context.get('sales_mis_forecast_run_id')
        if pinned:
            if not isinstance(pinned, int) or isinstance(pinned, bool):
                raise UserError(_('The forecast run to split by must be given by its id.'))
            run = Runs.browse(pinned).exists()
            if not run:
                raise UserError(_('The forecast run %s does not exist.') % pinned)
            run.check_access_rule('read')
            return run
        domain = [('state', '=', 'done'), ('measure', '=', 'amount'), ('company_id', '=', self.company_id.id)]
        if level:
            domain += [('level', '=', level), ('team_id', 'in', (self.team_id.id, False))]
        elif self.team_id:
            domain += ['|', ('team_id', '=', self.team_id.id), '&', ('team_id', '=', False), ('level', '=', 'team')]
        else:
            domain += [('team_id', '=', False)]
        run = Runs.search(domain, order='date_finished desc, id desc', limit=1)
        if not run:
            raise UserError(_('There is no done forecast for "%s" yet: run one first (Sales MIS > Forecast).')
                            % self.name)
        return run

    def _split_forecast_domain(self, run):
        domain = [('run_id', '=', run.id), ('date', '>=', self.date_from[:8] + '01'), ('date', '<=', self.date_to)]
        if self.team_id and not run.team_id and run.level == 'team':
            domain.append(('team_id', '=', self.team_id.id))
        if self.categ_id and run.level == 'category':
            domain.append(('categ_id', 'child_of', self.categ_id.id))
        return domain

    def _weights_forecast(self, keys, dimension):
        if dimension == 'salesperson':
            raise UserError(_('Forecasts are not made per salesperson: split by team, month or category.'))
        level = {'team': 'team', 'category': 'category'}.get(dimension)
        run = self._split_forecast_run(level)
        Lines = self.env['sales_mis_forecast.line']
        Lines.check_access_rights('read')
        domain = self._split_forecast_domain(run)
        if dimension == 'month':
            query = Lines._where_calc(domain)
            Lines._apply_ir_rules(query, 'read')
            from_clause, where_clause, params = query.get_sql()
            self.env.cr.execute('SELECT "sales_mis_forecast_line".date, sum("sales_mis_forecast_line".mean) '
                                'FROM %s WHERE %s GROUP BY 1' % (from_clause, where_clause), params)
            by_month = dict(self.env.cr.fetchall())
            return [max(0.0, by_month[fields.Date.to_string(key)]) if fields.Date.to_string(key) in by_month
                    else None for key, _label in keys]
        if dimension == 'team':
            groups = Lines.read_group(domain, ['team_id', 'mean'], ['team_id'])
            by_team = {g['team_id'][0]: g['mean'] for g in groups if g['team_id']}
            return [max(0.0, by_team[key]) if key in by_team else None for key, _label in keys]
        weights = []
        for key, _label in keys:  # a category collects its sub-categories' forecasts
            groups = Lines.read_group(domain + [('categ_id', 'child_of', key)], ['mean'], [])
            weights.append(max(0.0, groups[0]['mean'] or 0.0) if groups and groups[0]['__count'] else None)
        return weights
