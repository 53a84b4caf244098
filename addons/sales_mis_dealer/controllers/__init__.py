# -*- coding: utf-8 -*-
from . import portal, rebate_export
