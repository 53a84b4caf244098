# -*- coding: utf-8 -*-
from . import forecast_call
from . import plan_split
