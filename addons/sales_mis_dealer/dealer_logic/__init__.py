# -*- coding: utf-8 -*-
"""Pure business logic of the dealer addon (no Odoo ORM): stock health of dealer-reported
stock, validation of stock report uploads, dealer grading and rebate tiers."""
