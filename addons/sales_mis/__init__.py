# -*- coding: utf-8 -*-
from . import models
from . import report
from . import wizard
from . import controllers
from . import rpc_faults


def post_load():
    """Server-wide part of the addon, run once per process when Odoo imports it: clear
    XML-RPC faults for bad input (see rpc_faults.py, off switch SALES_MIS_RPC_PATCHES=0)."""
    rpc_faults.install()
