# -*- coding: utf-8 -*-
from . import res_company
from . import sales_plan
from . import sales_plan_line
from . import kpi_scorecard
from . import kpi_measure
from . import commission_scheme
from . import commission_statement
from . import visit
from . import res_partner_profile
from . import res_partner_duplicate
from . import res_partner_class
from . import res_partner_value
from . import res_partner_care
from . import daily_report
from . import crm_lead_followup
