# -*- coding: utf-8 -*-
from . import test_sla_logic
from . import test_service_workflow
from . import test_service_security
