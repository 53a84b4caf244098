# -*- coding: utf-8 -*-
from . import stock_upload
