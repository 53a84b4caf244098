# -*- coding: utf-8 -*-
from . import dealer_level, dealer_area, res_partner_dealer, stock_report, grading, rebate
