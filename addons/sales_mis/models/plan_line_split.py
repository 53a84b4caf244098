# -*- coding: utf-8 -*-
"""Target decomposition 目标分解 (A2) as a service of plan lines: split a line into
children by sales team, salesperson, month or product category.  The wizard
(wizard/plan_split.py, thin UI), XML-RPC and data files (`split`) and the forecast
addon all call it; the numbers are split by the pure `planning.decompose`.

    line._split_choices(dimension) -> what is offered by default (the company's teams,
                                      the line team's members)
    line._split_keys(dimension, records=None) -> [(key, label)] of the children
    line._split_weights(method, keys, dimension, custom=None) -> one weight per key
    line._split_apply(dimension, keys, weights) -> the children, replacing the old ones
    line._split_by(dimension, method, records=None, custom=None) -> the three above

Extension hook for other modules (the forecast addon uses it): a split method `m`
is a method `_weights_m(self, keys, dimension)` of sales_mis.plan.line returning one
weight per key (None = no basis for that key; it then gets the documented fallback
of `split_amount`); add `m` to the wizard's `method` with `selection_add`.  Weights
are computed as the caller, from data the caller may read."""
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..planning.decompose import equal_weights, split_amount, weights_from_history

#: split dimension -> the model of its keys (months are dates of the line's period)
DIMENSION_MODELS = {'team': 'crm.team', 'salesperson': 'res.users', 'category': 'product.category', 'month': None}


class SalesPlanLineSplit(models.Model):
    _inherit = 'sales_mis.plan.line'

    @api.multi
    def split(self, dimension, method='equal', keys=None, weights=None):
        """Split each line without the form (XML-RPC, data files): `keys` are the ids of the
        teams / salespeople / categories (default: all teams, the line team's members);
        `weights` a list matching `keys` for method 'custom'."""
        model = self._split_model(dimension)
        if keys and (not isinstance(keys, (list, tuple))
                     or not all(isinstance(key, int) and not isinstance(key, bool) for key in keys)):
            raise UserError(_('What to split into must be given as a list of ids (got %s).') % repr(keys)[:100])
        custom = {str(key): weight for key, weight in zip(keys or [], weights or [])}
        for line in self:
            records = None
            if model and keys:
                records = self.env[model].browse(keys)
                missing = set(keys) - set(records.exists().ids)
                if missing:
                    raise UserError(_('Some of what to split into does not exist: %s.')
                                    % ', '.join(map(str, sorted(missing))))
            line._split_by(dimension, method, records, custom)
        return True

    def _split_model(self, dimension):
        """The model of the keys of `dimension` (None for months); refuses unknown dimensions."""
        if not isinstance(dimension, str) or dimension not in DIMENSION_MODELS:
            raise UserError(_('Unknown split dimension "%s": use team, salesperson, month or category.')
                            % (dimension,))
        return DIMENSION_MODELS[dimension]

    def _split_choices(self, dimension):
        """What a split by `dimension` offers when the user chose nothing yet."""
        self.ensure_one()
        model = self._split_model(dimension)
        if dimension == 'team':
            return self.env[model].search([('company_id', 'in', (self.company_id.id, False))])
        if dimension == 'salesperson':
            return self.team_id.member_ids
        return self.env[model] if model else None  # categories: none; months come from the period

    def _split_keys(self, dimension, records=None):
        """[(key, label)] of the children, in a stable order: the ids of `records` (default
        `_split_choices`), or the first days of the months of the line's period."""
        self.ensure_one()
        if self._split_model(dimension) is None:
            start = fields.Date.from_string(self.date_from).replace(day=1)
            end = fields.Date.from_string(self.date_to)
            months = []
            while start <= end:
                months.append((start, start.strftime('%Y-%m')))
                start += relativedelta(months=1)
            return months
        if records is None:
            records = self._split_choices(dimension)
        return [(record.id, record.display_name if dimension == 'category' else record.name)
                for record in records.sorted('id')]

    def _split_weights(self, method, keys, dimension, custom=None):
        """One weight per key: `custom` {str(key): weight} for method 'custom', else the
        hook `_weights_<method>` (see the module doc)."""
        self.ensure_one()
        if method == 'custom':
            custom = custom or {}
            return [custom.get(str(key), 0.0) for key, _label in keys]
        hook = getattr(self, '_weights_%s' % method, None) if isinstance(method, str) else None
        if hook is None:
            raise UserError(_('Unknown split method "%s".') % (method,))
        return hook(keys, dimension) if keys else []

    def _split_apply(self, dimension, keys, weights):
        """Replaces the line's children by one child per key, the target split by `weights`
        exactly (deterministic rounding residue); their sum is checked once, at the end."""
        self.ensure_one()
        if not keys:
            raise UserError(_('Choose what to split "%s" into.') % self.name)
        try:
            amounts = split_amount(self.target_amount, weights, self.currency_id.decimal_places)
        except ValueError as error:
            raise UserError(_('Cannot split "%s": %s') % (self.name, error))
        self.child_ids.unlink()  # a new split replaces the previous one
        children = Lines = self.env['sales_mis.plan.line']
        for (key, _label), amount in zip(keys, amounts):  # Odoo 11 creates one record per call
            children |= Lines.create(self._split_child_values(dimension, key, float(amount)))
        self._check_children_sum()
        return children

    def _split_by(self, dimension, method='equal', records=None, custom=None):
        """The whole split: keys, weights, children."""
        keys = self._split_keys(dimension, records)
        return self._split_apply(dimension, keys, self._split_weights(method, keys, dimension, custom))

    def _split_child_values(self, dimension, key, amount):
        values = {'plan_id': self.plan_id.id, 'parent_id': self.id, 'team_id': self.team_id.id,
                  'user_id': self.user_id.id, 'categ_id': self.categ_id.id,
                  'date_from': self.date_from, 'date_to': self.date_to, 'target_amount': amount}
        if dimension == 'team':
            values['team_id'] = key
        elif dimension == 'salesperson':
            values['user_id'] = key
            if not self.team_id:
                values['team_id'] = self.env['res.users'].browse(key).sale_team_id.id
        elif dimension == 'category':
            values['categ_id'] = key
        else:
            last = key + relativedelta(months=1, days=-1)
            values['date_from'] = fields.Date.to_string(max(key, fields.Date.from_string(self.date_from)))
            values['date_to'] = fields.Date.to_string(min(last, fields.Date.from_string(self.date_to)))
        return values

    # --- weights: one method per way of splitting (the documented hook) ----------------

    def _weights_equal(self, keys, dimension):
        return equal_weights(len(keys))

    def _weights_last_year(self, keys, dimension):
        # as the caller: only the actuals they may read (_history_by checks it)
        history = self.env['sales_mis.actual']._history_by(self, dimension)
        if dimension == 'month' and history:
            # a month that sold nothing last year is seasonality, not a newcomer: weight 0
            return [history.get(key, 0.0) for key, _label in keys]
        return weights_from_history(history, [key for key, _label in keys])
