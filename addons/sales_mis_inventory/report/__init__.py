# -*- coding: utf-8 -*-
from . import inventory_summary
from . import lot_sale
from . import lot_trace
from . import summary_export
