# -*- coding: utf-8 -*-
from . import forecast_accuracy
from . import pipeline_forecast
from . import forecast_combined
from . import snapshot_accuracy
from . import stock_warning
