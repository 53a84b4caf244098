# -*- coding: utf-8 -*-
"""What a guarded create really stores: Odoo fills missing values from `default_<field>` context
keys after the workflow guard of sales_mis.workflow.mixin has judged the values, so a caller could
set a protected field (`default_state`, `default_approved_by_id`) or put a line under a frozen
header (`default_report_id`) through the context. For an ordinary caller these keys are dropped
(protected fields) or moved into the values (a line's header), so the guard sees them."""
from odoo import SUPERUSER_ID

from ..workflow_logic import rules


def guarded_create_args(model, values):
    """(model, values) to call the mixin's create with."""
    spec = model._workflow
    if spec is None or model.env.uid == SUPERUSER_ID:
        return model, values
    context = dict(model.env.context)
    parent_key = 'default_%s' % spec.parent_field if spec.parent_field else None
    if parent_key and parent_key in context and spec.parent_field not in values:
        values = dict(values, **{spec.parent_field: context[parent_key]})
    protected = set(model._fields) if spec.protected == rules.EVERYTHING else spec.protected
    for name in protected:
        context.pop('default_%s' % name, None)
    return model.with_context(context), values
