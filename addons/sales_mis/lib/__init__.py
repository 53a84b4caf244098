# -*- coding: utf-8 -*-
"""Library code of the addons' ORM glue (no models): guards and argument checks imported by
models/, report/ and the sales_mis_forecast addon (`odoo.addons.sales_mis.lib.admin_only`)."""
