# -*- coding: utf-8 -*-
"""Forecast -> plan (G4): the plan split wizard offers the method "Latest forecast",
whose weights come from the split service (models/plan_line_split.py)."""
from odoo import fields, models


class PlanSplit(models.TransientModel):
    _inherit = 'sales_mis.plan.split'

    method = fields.Selection(selection_add=[('forecast', 'Latest forecast')])
