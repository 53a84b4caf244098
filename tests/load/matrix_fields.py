"""Field-level secrets and the report methods an integrator can call, as role-matrix rows.

Each probe asks, as a role, for one owner's figure through one path and answers whether the
figure came back: commission amounts through read_group sums and search_read, the scores a
readable scorecard header lists, the figures of the public report methods (XLSX rows,
aged receivables), the grouped completion and sales analysis (their read_group is overridden).
The data comes from matrix_reports.prepare_data (a statement with an amount, a commission line,
a scorecard line, a half-paid invoice per owner)."""
import xmlrpc.client

from matrix_core import Probe, classify, table
from matrix_models import o

SECRET = table('r|||', 'r|r||', 'r|r|r|')   # the owner's figures: own, teams led, all of the companies


def refused_is_hidden(probe):
    """An access error hides the figure as well as an empty answer."""
    def wrapped(rpc, ctx, owner, op):
        try:
            return bool(probe(rpc, ctx, owner))
        except xmlrpc.client.Fault as fault:
            if classify(fault) is False:
                return False
            raise
    return wrapped


def names_in(rows, key, ctx, owner):
    return any(row.get(key) == ctx['owner_names'][owner] for row in rows)


def specs(ctx):
    data = ctx['report_data']

    def statement_sum(rpc, ctx, owner):
        groups = rpc('sales_mis.commission.statement', 'read_group', [('user_id', '=', o(ctx, owner)['user'])],
                     ['amount_total', 'user_id'], ['user_id'])
        return any(g.get('amount_total') for g in groups)

    def statement_amount(rpc, ctx, owner):
        return rpc('sales_mis.commission.statement', 'read', [data[owner]['statement']], ['amount_total'])

    def line_amounts(rpc, ctx, owner):
        return rpc('sales_mis.commission.line', 'search_read', [('user_id', '=', o(ctx, owner)['user'])], ['amount'])

    def scorecard_lines(rpc, ctx, owner):
        # the header of the owner's team scorecard may be readable; its scores must not all be
        read = rpc('sales_mis.scorecard', 'read', [data[owner]['scorecard']], ['line_ids'])
        return data[owner]['score'] in read[0]['line_ids']

    def collection_detail(rpc, ctx, owner):
        return names_in(rpc('sales_mis.report.export', 'collection_detail_rows', '2001-06-20'), 'salesperson',
                        ctx, owner)

    def collection_summary(rpc, ctx, owner):
        return any(row['user_id'] == o(ctx, owner)['user']
                   for row in rpc('sales_mis.report.export', 'collection_summary_rows', '2001-06-20'))

    def aged_rows(rpc, ctx, owner):
        return names_in(rpc('sales_mis.arrears', 'aged_rows', '2001-06-30'), 'salesperson', ctx, owner)

    def grouped(model, measure):
        def probe(rpc, ctx, owner):
            groups = rpc(model, 'read_group', [('user_id', '=', o(ctx, owner)['user'])], [measure, 'user_id'],
                         ['user_id'], lazy=False)
            return any(g.get(measure) for g in groups)
        return probe

    return [
        Probe('field: statement amount_total (read)', SECRET, refused_is_hidden(statement_amount)),
        Probe('field: statement amount_total (read_group)', SECRET, refused_is_hidden(statement_sum)),
        Probe('field: commission line amount (search_read)', SECRET, refused_is_hidden(line_amounts)),
        Probe('field: scorecard line_ids (header read)', SECRET, refused_is_hidden(scorecard_lines)),
        Probe('method: export collection_detail_rows', SECRET, refused_is_hidden(collection_detail)),
        Probe('method: export collection_summary_rows', SECRET, refused_is_hidden(collection_summary)),
        Probe('method: arrears aged_rows', SECRET, refused_is_hidden(aged_rows)),
        Probe('read_group: plan completion target', SECRET,
              refused_is_hidden(grouped('sales_mis.plan.completion', 'target_amount'))),
        Probe('read_group: sales analysis amount', SECRET,
              refused_is_hidden(grouped('sales_mis.sales.analysis', 'amount'))),
        Probe('read_group: actual margin', SECRET, refused_is_hidden(grouped('sales_mis.actual', 'margin'))),
    ]
