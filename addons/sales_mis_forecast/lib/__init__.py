# -*- coding: utf-8 -*-
"""Library code of the forecast addon's ORM glue (no models): the monthly sales history SQL."""
