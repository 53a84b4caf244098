# -*- coding: utf-8 -*-
"""Pure order-to-cash logic (no `odoo` import): approval reasons, tracking status,
fulfilment of contracts. The ORM layer reads the facts in bulk and calls these."""
