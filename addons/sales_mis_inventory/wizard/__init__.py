# -*- coding: utf-8 -*-
from . import summary_wizard
