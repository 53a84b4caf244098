# -*- coding: utf-8 -*-
from . import plan_split
from . import daily_report
