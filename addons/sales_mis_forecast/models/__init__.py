# -*- coding: utf-8 -*-
from . import forecast_history
from . import forecast_run
from . import forecast_series
from . import forecast_line
