# -*- coding: utf-8 -*-
"""Configuration > Nightly Jobs: the jobs the crons run every night (duplicate scan, customer classes and value,
win model) on demand, as buttons with a word on each, instead of menu entries that act
when clicked.  The buttons run the server actions of the jobs; nothing is stored."""
from odoo import models


class NightlyJobs(models.TransientModel):
    _name = 'sales_mis.nightly.jobs'
    _description = 'Nightly Jobs'
