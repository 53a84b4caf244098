# -*- coding: utf-8 -*-
from . import campaign
from . import campaign_cost
from . import campaign_mailing
from . import market_note
