# -*- coding: utf-8 -*-
from . import forecast_accuracy
