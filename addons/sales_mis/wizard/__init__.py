# -*- coding: utf-8 -*-
from . import plan_split
from . import partner_merge_guard
from . import visit_import
from . import order_approval
from . import daily_sales_report
from . import nightly_jobs
