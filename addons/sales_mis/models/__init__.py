# -*- coding: utf-8 -*-
from . import res_company
from . import sales_plan
from . import sales_plan_line
from . import kpi_scorecard
from . import kpi_measure
from . import commission_scheme
from . import commission_statement
from . import visit
from . import report_export
from . import report_schedule
from . import report_demo
