# -*- coding: utf-8 -*-
"""Pure-Python CRM arithmetic of Sales MIS: customer name/contact normalisation and
duplicate detection 客户合并, opportunity scoring 销售机会评估, customer classes
客户分类 and RFM value / churn analysis 价值/变动/问题客户.

Nothing in this package imports Odoo (only numpy and pandas), so the models stay
thin wrappers and the maths is unit-tested in milliseconds.
"""
