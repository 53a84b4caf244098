# -*- coding: utf-8 -*-
from . import sales_actual
from . import plan_completion
from . import plan_completion_chart
from . import competitor_winloss
from . import sales_line
from . import sales_analysis
from . import collection
from . import arrears
from . import dashboard
from . import dashboard_tile
from . import dashboard_series
