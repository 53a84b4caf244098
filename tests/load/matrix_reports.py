"""The report models of the role matrix (SQL views and materialized views).

A report row cannot be made per owner, so the administrator makes the data under it per owner
(a confirmed order, a validated and half-paid invoice, a plan, an opportunity with a competitor,
a done forecast run with a past line, a pipeline snapshot), refreshes the materialized views
the way the addon does (`refresh()`), and each role's search_read tells which owners' rows it
gets. Reports are read-only for everybody: write / unlink / create must be refused.

Dates are in 2001 (and the opportunities' in 2099): the other tests' periods do not see them.
The other company has no chart of accounts: its owner's invoice is validated in the main company
and then moved to the other company (the reports read the invoice's company)."""
from matrix_core import OWNERS, Report, attempt, table
from matrix_models import lead, make_run, o, plan, scorecard, statement

READ_ONLY_PERSONAL = table('r|||', 'r|r||', 'r|r|r|')
# the Sales MIS manager rule of the invoice-based reports also covers the teams the manager belongs to
TEAM_READ_ONLY = table('r|r||', 'r|r||', 'r|r|r|')
COMPANY_READ = table('r|r|r|', 'r|r|r|', 'r|r|r|')


def prepare_data(ctx):
    admin, ref = ctx['admin'], ctx['ref']
    main = ctx['main_company']
    product = admin('product.product', 'search', [('sale_ok', '=', True), ('type', '=', 'product')], limit=1)[0]
    sale_journal = admin('account.journal', 'search_read', [('type', '=', 'sale'), ('company_id', '=', main)],
                         ['default_credit_account_id'], limit=1)[0]
    bank = admin('account.journal', 'search', [('type', '=', 'bank'), ('company_id', '=', main)], limit=1)[0]
    method = ref('account.account_payment_method_manual_in')
    data = ctx['report_data'] = {}
    for owner in OWNERS:
        own = o(ctx, owner)
        # order basis actuals: a confirmed order (state written: no stock moves needed)
        order = admin('sale.order', 'create', {
            'partner_id': own['partner'], 'user_id': own['user'], 'team_id': own['team'],
            'company_id': own['company'], 'date_order': '2001-06-15 10:00:00',
            'order_line': [(0, 0, {'product_id': product, 'product_uom_qty': 1.0, 'price_unit': 100.0})]})
        admin('sale.order', 'write', [order], {'state': 'sale', 'confirmation_date': '2001-06-15 10:00:00'})
        # invoices: sales lines, analysis, collections (40 paid), arrears (60 open)
        invoice = admin('account.invoice', 'create', {
            'partner_id': own['partner'], 'user_id': own['user'], 'team_id': own['team'], 'type': 'out_invoice',
            'company_id': main, 'journal_id': sale_journal['id'], 'date_invoice': '2001-06-15',
            'invoice_line_ids': [(0, 0, {'name': 'Matrix', 'product_id': product, 'quantity': 1.0,
                                         'price_unit': 100.0,
                                         'account_id': sale_journal['default_credit_account_id'][0]})]})
        admin('account.invoice', 'action_invoice_open', [invoice])
        payment = admin('account.payment', 'create', {
            'payment_type': 'inbound', 'partner_type': 'customer', 'partner_id': own['partner'],
            'amount': 40.0, 'journal_id': bank, 'payment_date': '2001-06-20', 'payment_method_id': method,
            'invoice_ids': [(6, 0, [invoice])]})
        admin('account.payment', 'post', [payment])
        if own['company'] != main:
            admin('account.invoice', 'write', [invoice], {'company_id': own['company']})
        # plan completion: the plan's root line; competitor report and pipeline: the opportunity
        plan(ctx, owner)
        opportunity = lead(ctx, owner)
        rival = admin('sales_mis.competitor', 'create', {'name': 'Matrix report rival %s %s' % (owner, ctx['suffix']),
                                                         'company_id': own['company']})
        admin('sales_mis.lead.competitor', 'create', {'lead_id': opportunity, 'competitor_id': rival})
        # forecast accuracy: a done team run with a line of a past month
        run = make_run(ctx, owner)
        series = admin('sales_mis_forecast.series', 'create', {
            'run_id': run, 'company_id': own['company'], 'scope_team_id': own['team'], 'team_id': own['team'],
            'name': 'Matrix report series'})
        admin('sales_mis_forecast.line', 'create', {
            'run_id': run, 'series_id': series, 'company_id': own['company'], 'scope_team_id': own['team'],
            'team_id': own['team'], 'date': '2001-06-01', 'mean': 90.0, 'lo_80': 50.0, 'hi_80': 150.0})
        admin('sales_mis_forecast.run', 'write', [run], {'state': 'done', 'date_started': '2001-01-05 00:00:00',
                                                        'date_finished': '2001-01-05 00:01:00'})
        # snapshot accuracy: a snapshot of a past month
        admin('sales_mis_forecast.snapshot', 'create', {
            'snapshot_date': '2001-05-01', 'date': '2001-06-01', 'company_id': own['company'], 'team_id': own['team'],
            'user_id': own['user'], 'expected_revenue': 100.0, 'weighted_amount': 50.0})
        # field secrets: a statement with its amount, a commission line, a scorecard line
        own_statement = statement(ctx, owner)
        admin('sales_mis.commission.statement', 'write', [own_statement], {'amount_total': 123.0})
        admin('sales_mis.commission.line', 'create', {
            'statement_id': own_statement, 'user_id': own['user'], 'team_id': own['team'],
            'company_id': own['company'], 'base_amount': 1000.0, 'rate': 2.0, 'amount': 20.0})
        card = scorecard(ctx, owner)
        score = admin('sales_mis.scorecard.line', 'create', {
            'scorecard_id': card, 'user_id': own['user'], 'team_id': own['team'], 'company_id': own['company'],
            'score': 77.0})
        data[owner] = {'order': order, 'invoice': invoice, 'statement': own_statement, 'scorecard': card,
                       'score': score, 'lead': opportunity, 'run': run}
    # stock warnings: the latest done product run of each company; the main company's is the demo's
    # (left alone), the other company gets one that runs short
    stocked = admin('product.product', 'search', [('type', '=', 'product')], limit=1)[0]
    other = ctx['other_company']
    run = admin('sales_mis_forecast.run', 'create', {
        'name': 'Matrix product run', 'company_id': other, 'level': 'product', 'measure': 'quantity',
        'date_history_start': '2000-01-01', 'horizon': 3})
    series = admin('sales_mis_forecast.series', 'create', {'run_id': run, 'company_id': other,
                                                           'product_id': stocked, 'name': 'Matrix stock series'})
    for months_ahead in range(3):
        admin('sales_mis_forecast.line', 'create', {
            'run_id': run, 'series_id': series, 'company_id': other, 'product_id': stocked,
            'date': next_month(months_ahead), 'mean': 1e6})
    admin('sales_mis_forecast.run', 'write', [run], {'state': 'done', 'date_finished': '2099-01-01 00:00:00'})
    ctx['report_cleanup'] = {'product_run': run, 'bank': bank, 'method': method, 'main': main}
    admin('sales_mis.actual', 'refresh')
    admin('sales_mis.sales.analysis', 'refresh')


def cleanup(ctx):
    """What would change the other tests' figures stops counting: the invoices are paid (no open
    receivable), the opportunities archived (no pipeline), the run's statements, scorecards, plans,
    daily reports, forecast runs and schemes deleted."""
    admin, info = ctx['admin'], ctx.get('report_cleanup')
    if not info:
        return
    for owner, data in ctx['report_data'].items():
        own = o(ctx, owner)
        admin('account.invoice', 'write', [data['invoice']], {'company_id': info['main']})
        payment = admin('account.payment', 'create', {
            'payment_type': 'inbound', 'partner_type': 'customer', 'partner_id': own['partner'],
            'amount': 60.0, 'journal_id': info['bank'], 'payment_date': '2001-06-25',
            'payment_method_id': info['method'], 'invoice_ids': [(6, 0, [data['invoice']])]})
        admin('account.payment', 'post', [payment])
        if own['company'] != info['main']:
            admin('account.invoice', 'write', [data['invoice']], {'company_id': own['company']})
        admin('crm.lead', 'write', [data['lead']], {'active': False})
    # the run's documents that other tests would list (a manager's statements, scorecards, plans)
    cache = ctx.get('cache', {})
    runs = [data['run'] for data in ctx['report_data'].values()] + [info['product_run']]
    for model, ids in (('sales_mis.commission.statement', cache.get('statement', {}).values()),
                       ('sales_mis.scorecard', cache.get('scorecard', {}).values()),
                       ('sales_mis.plan', cache.get('plan', {}).values()),
                       ('sales_mis.daily.report', cache.get('daily_report', {}).values()),
                       ('sales_mis_forecast.run', list(cache.get('run', {}).values()) + runs),
                       ('sales_mis.commission.scheme', cache.get('scheme', {}).values())):
        if ids:
            attempt(lambda: admin(model, 'unlink', sorted(set(ids))))
    admin('sales_mis.actual', 'refresh')
    admin('sales_mis.sales.analysis', 'refresh')


def next_month(offset):
    import datetime
    today = datetime.date.today()
    month = today.month - 1 + offset
    return '%04d-%02d-01' % (today.year + month // 12, month % 12 + 1)


def specs(ctx):
    return [
        Report('sales_mis.actual', READ_ONLY_PERSONAL),
        Report('sales_mis.plan.completion', READ_ONLY_PERSONAL),
        Report('sales_mis.sales.line', READ_ONLY_PERSONAL),
        Report('sales_mis.sales.analysis', READ_ONLY_PERSONAL),
        Report('sales_mis.sales.analysis.team', READ_ONLY_PERSONAL),
        Report('sales_mis.collection', READ_ONLY_PERSONAL),
        Report('sales_mis.arrears', READ_ONLY_PERSONAL),
        Report('sales_mis.competitor.report', READ_ONLY_PERSONAL),
        Report('sales_mis_forecast.pipeline', READ_ONLY_PERSONAL),
        Report('sales_mis_forecast.combined', READ_ONLY_PERSONAL),
        Report('sales_mis_forecast.snapshot.accuracy', READ_ONLY_PERSONAL),
        Report('sales_mis_forecast.accuracy', TEAM_READ_ONLY, key='scope_team_id'),
        # stock warnings are per company and product: every sales role of the company reads them
        Report('sales_mis_forecast.stock.warning', COMPANY_READ, key='company_id'),
    ]
