# -*- coding: utf-8 -*-
from . import res_company
from . import sales_plan
from . import sales_plan_line
from . import kpi_scorecard
from . import kpi_measure
from . import commission_scheme
from . import commission_statement
from . import visit
from . import competitor
from . import lead_criterion
from . import crm_lead_evaluation
from . import lead_win_model
from . import crm_lead_competitor
from . import crm_lead_key_project
from . import crm_lead_demo_history
