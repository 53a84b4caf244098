# -*- coding: utf-8 -*-
from . import service_analysis
from . import service_health
