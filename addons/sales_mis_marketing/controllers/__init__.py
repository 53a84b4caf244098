# -*- coding: utf-8 -*-
from . import campaign_export
