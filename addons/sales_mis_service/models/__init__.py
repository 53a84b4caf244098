# -*- coding: utf-8 -*-
from . import service_category
from . import service_sla
from . import service_request
from . import service_escalation
from . import service_fee_line
from . import service_callback
from . import dashboard_tile
