# -*- coding: utf-8 -*-
"""What a window action shows a user when opened: its domain and the domains of the
search filters its context turns on by default (as the web client applies them)."""
import datetime
import time

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo.tools.safe_eval import safe_eval


def opening_domain(env, xmlid, user):
    action = env.ref(xmlid)
    names = {'uid': user.id, 'time': time, 'datetime': datetime, 'relativedelta': relativedelta,
             'context_today': datetime.date.today}
    context = safe_eval(action.context or '{}', names)
    domain = list(safe_eval(action.domain or '[]', names))
    view = env[action.res_model].sudo(user).fields_view_get(
        view_id=action.search_view_id.id or None, view_type='search')
    for node in etree.fromstring(view['arch']).iter('filter'):
        if context.get('search_default_%s' % node.get('name')) and node.get('domain'):
            domain += safe_eval(node.get('domain'), names)
    return domain
