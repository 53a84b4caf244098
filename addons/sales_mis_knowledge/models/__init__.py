# -*- coding: utf-8 -*-
from . import knowledge_searchable
from . import product_document
from . import product_document_version
from . import bid
from . import bid_activity_deadline
from . import bid_competitor
from . import bid_checklist
from . import sales_case
from . import crm_lead
