# -*- coding: utf-8 -*-
from . import res_company
from . import sales_plan
from . import sales_plan_line
from . import kpi_scorecard
from . import kpi_measure
from . import commission_scheme
from . import commission_statement
from . import visit
from . import res_company_approval
from . import sale_order_approval
from . import sale_order_tracking
from . import sale_order_delivery
from . import sales_contract
