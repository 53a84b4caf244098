# -*- coding: utf-8 -*-
"""Pure logic of 进销存 (no odoo import): how a stock move counts for a warehouse, the
period roll-up of the summary and the VIN check."""
