# -*- coding: utf-8 -*-
"""Grouped fields read with their groups.

Odoo 11's read_group asserts that every field it groups by is among the fields read: the web
client always sends them, an integrator over XML-RPC need not, and got a traceback.  Our
reports' read_group overrides add the missing ones (Odoo's own models are left as they are)."""


def with_groupby_fields(fields, groupby, lazy=True):
    """``fields`` plus the fields of ``groupby`` it lacks (only the first one when ``lazy``);
    an empty ``fields`` (every stored field) stays empty."""
    fields = list(fields or [])
    if not fields:
        return fields
    groupby = [groupby] if isinstance(groupby, str) else list(groupby or [])
    read = {name.split(':')[0] for name in fields}
    for spec in groupby[:1] if lazy else groupby:
        name = spec.split(':')[0]
        if name not in read:
            fields.append(name)
            read.add(name)
    return fields
