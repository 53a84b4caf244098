# -*- coding: utf-8 -*-
"""Pure business logic of the knowledge addon (no odoo import): search terms and the SQL that
finds them, bid rules, who may move a bid or a case."""
