# -*- coding: utf-8 -*-
"""Forecast category of an opportunity (G3): pipeline / best case / commit / closed.

It follows the probability until the salesperson chooses one; the choice is kept
(`forecast_category_manual`) and clearing it goes back to the probability's."""
from odoo import api, fields, models

from ..forecasting.pipeline import category_from_probability

FORECAST_CATEGORIES = [('pipeline', 'Pipeline'), ('best_case', 'Best Case'), ('commit', 'Commit'),
                       ('closed', 'Closed')]


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    forecast_category = fields.Selection(
        FORECAST_CATEGORIES, compute='_compute_forecast_category', inverse='_inverse_forecast_category',
        store=True, index=True, track_visibility='onchange',
        help='How sure the salesperson is that the opportunity closes in its expected month. '
             'Follows the probability (commit from 70%, best case from 40%) unless chosen here.')
    forecast_category_manual = fields.Selection(FORECAST_CATEGORIES, string='Forecast Category Chosen',
                                                copy=False)

    @api.depends('probability', 'forecast_category_manual', 'stage_id.probability')
    def _compute_forecast_category(self):
        for lead in self:
            lead.forecast_category = lead.forecast_category_manual or category_from_probability(lead.probability)

    def _inverse_forecast_category(self):
        for lead in self:
            lead.forecast_category_manual = lead.forecast_category

    @api.model
    def _create(self, vals):
        # the category of a new lead goes into its INSERT (issue 17: the recompute would UPDATE the
        # row just inserted, with an access check): the compute's value from the values inserted
        if 'forecast_category' not in vals:
            vals = dict(vals, forecast_category=vals.get('forecast_category_manual')
                        or category_from_probability(vals.get('probability') or 0.0))
        return super(CrmLead, self)._create(vals)
