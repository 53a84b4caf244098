# -*- coding: utf-8 -*-
from . import campaign
from . import campaign_cost
from . import campaign_mailing
from . import market_note
from . import sale_order
from . import account_invoice
