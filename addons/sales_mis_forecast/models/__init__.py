# -*- coding: utf-8 -*-
from . import forecast_run
from . import forecast_series
from . import forecast_line
from . import crm_lead
from . import forecast_adjustment
from . import forecast_snapshot
from . import sales_plan
from . import plan_line_split
from . import forecast_demo
