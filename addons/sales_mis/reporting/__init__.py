# -*- coding: utf-8 -*-
"""Pure report logic (no odoo import): aging buckets, trend ratios, the frames of
the standard reports and their XLSX layout."""
