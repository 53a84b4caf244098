# -*- coding: utf-8 -*-
"""Pure-Python planning arithmetic of Sales MIS: target decomposition, KPI scores,
commission statements and the plan completion workbook.

Nothing in this package imports Odoo, so the models stay thin wrappers and the
maths is unit-tested in milliseconds.
"""
