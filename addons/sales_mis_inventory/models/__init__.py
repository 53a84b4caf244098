# -*- coding: utf-8 -*-
from . import product_template
from . import stock_production_lot
from . import stock_move
from . import stock_move_line
from . import inventory_demo
