# -*- coding: utf-8 -*-
"""The current user's record rules of a report model as SQL, for the few report
queries that aggregate in one statement what read_group would need several for."""


def visible_rows_sql(model):
    """(sql, params): a SELECT of the rows of `model`'s table the current user may read
    (its record rules applied), with named params (rule_0, rule_1, ...) so that callers can add
    their own named params."""
    query = model._where_calc([])
    model._apply_ir_rules(query, 'read')
    from_clause, where, params = query.get_sql()
    named = {}
    for number, value in enumerate(params):
        named['rule_%d' % number] = value
        where = where.replace('%s', '%%(rule_%d)s' % number, 1)
    sql = 'SELECT "{0}".* FROM {1} WHERE {2}'.format(model._table, from_clause, where or 'TRUE')
    return sql, named
