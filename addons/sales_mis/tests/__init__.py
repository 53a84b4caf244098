# -*- coding: utf-8 -*-
from . import test_dashboard_board
