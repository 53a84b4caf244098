# -*- coding: utf-8 -*-
from . import sales_actual
from . import plan_completion
from . import competitor_winloss
