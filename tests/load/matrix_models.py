"""The stored models of the role matrix and the policy each follows (EXPECTED tables).

Policy (the access rights of security/ir.model.access.csv and the record rules of
security/*.xml, written down as tables; letters r w u c = read write unlink create,
one cell per owner: own | teammate | other team | other company):
  - personal documents: a salesperson their own, a manager the teams they lead, a director all
    teams of their companies; nobody another company's. Where the access rights give the
    salesperson (or the manager) less than full rights, the letters say so.
  - configuration: read by every sales role of the company, changed by the group the access
    rights name (manager or MIS administrator; none of the three roles is an MIS administrator);
    never another company's.
  - Odoo's models we extend keep Odoo's own rights plus the Sales MIS rules."""
from matrix_core import PERSONAL, Record, table

# helpers for the tables ---------------------------------------------------------------------
READ_ONLY_PERSONAL = table('r|||', 'r|r||', 'r|r|r|')
SELLER_READS = table('r|||', 'rwuc|rwuc||', 'rwuc|rwuc|rwuc|')           # managers keep them
TEAM_READS = table('r|r||', 'rwuc|rwuc||', 'rwuc|rwuc|rwuc|')             # a team's document
TEAM_READ_ONLY = table('r|r||', 'r|r||', 'r|r|r|')
CONFIG_ADMIN = table('r|r|r|', 'r|r|r|', 'r|r|r|')                        # MIS administrator writes
CONFIG_MANAGER = table('r|r|r|', 'rwuc|rwuc|rwuc|', 'rwuc|rwuc|rwuc|')    # managers write


def o(ctx, owner):
    return ctx['owners'][owner]


def personal_values(ctx, owner, **extra):
    own = o(ctx, owner)
    return dict({'user_id': own['user'], 'team_id': own['team'], 'company_id': own['company']}, **extra)


def one_per_owner(kind):
    """A helper record per owner made once per run (a plan, a statement, a lead...)."""
    def get(ctx, owner):
        cache = ctx.setdefault('cache', {}).setdefault(kind, {})
        if owner not in cache:
            cache[owner] = MAKERS[kind](ctx, owner)
        return cache[owner]
    return get


def make_scheme(ctx, owner):
    return ctx['admin']('sales_mis.commission.scheme', 'create', {
        'name': 'Matrix scheme %s' % next(ctx['seq']), 'company_id': o(ctx, owner)['company'], 'default_rate': 1.0})


def make_plan(ctx, owner):
    return ctx['admin']('sales_mis.plan', 'create', dict(
        personal_values(ctx, owner), name='Matrix plan of %s' % owner, scope='salesperson', period_type='year',
        year=2001, target_amount=1200.0))


def make_statement(ctx, owner):
    return ctx['admin']('sales_mis.commission.statement', 'create', dict(
        personal_values(ctx, owner), scheme_id=scheme(ctx, owner), date_from='2001-01-01', date_to='2001-01-31'))


def make_scorecard(ctx, owner):
    own = o(ctx, owner)
    return ctx['admin']('sales_mis.scorecard', 'create', {
        'name': 'Matrix scorecard of %s' % owner, 'company_id': own['company'], 'team_id': own['team'],
        'date_from': '2001-01-01', 'date_to': '2001-01-31'})


def make_daily_report(ctx, owner):
    return ctx['admin']('sales_mis.daily.report', 'create', personal_values(ctx, owner, date=ctx['day']()))


def make_lead(ctx, owner):
    own = o(ctx, owner)
    return ctx['admin']('crm.lead', 'create', dict(
        personal_values(ctx, owner), name='Matrix opportunity of %s' % owner, type='opportunity',
        partner_id=own['partner'], planned_revenue=1000.0, probability=50.0, date_deadline='2099-06-15'))


def make_competitor(ctx, owner):
    return ctx['admin']('sales_mis.competitor', 'create', {
        'name': 'Matrix rival %d of %s %s' % (next(ctx['seq']), owner, ctx['suffix']), 'company_id': o(ctx, owner)['company']})


def make_run(ctx, owner):
    own = o(ctx, owner)
    return ctx['admin']('sales_mis_forecast.run', 'create', {
        'name': 'Matrix run of %s' % owner, 'company_id': own['company'], 'team_id': own['team'],
        'level': 'team', 'measure': 'amount', 'date_history_start': '2000-01-01', 'horizon': 3})


def make_series(ctx, owner):
    own = o(ctx, owner)
    return ctx['admin']('sales_mis_forecast.series', 'create', {
        'run_id': run(ctx, owner), 'company_id': own['company'], 'scope_team_id': own['team'],
        'team_id': own['team'], 'name': 'Matrix series of %s' % owner})


MAKERS = {'scheme': make_scheme, 'plan': make_plan, 'statement': make_statement, 'scorecard': make_scorecard,
          'daily_report': make_daily_report, 'lead': make_lead, 'competitor': make_competitor, 'run': make_run,
          'series': make_series}
scheme, plan, statement, scorecard, daily_report, lead, competitor, run, series = (
    one_per_owner(kind) for kind in ('scheme', 'plan', 'statement', 'scorecard', 'daily_report', 'lead',
                                     'competitor', 'run', 'series'))


def specs(ctx):
    admin = ctx['admin']

    def partner_pair(ctx, owner):
        make = lambda: admin('res.partner', 'create', {  # noqa: E731
            'name': 'Matrix twin %d' % next(ctx['seq']), 'customer': True, 'user_id': o(ctx, owner)['user'],
            'company_id': o(ctx, owner)['company']})
        first, second = make(), make()
        return personal_values(ctx, owner, partner_a_id=min(first, second), partner_b_id=max(first, second))

    def kpi_values(ctx, owner):
        # one KPI per code and company: the company's existing one (made in the other company)
        company = o(ctx, owner)['company']
        found = admin('sales_mis.kpi', 'search', [('company_id', '=', company), ('code', '=', 'visits')])
        return found[0] if found else admin('sales_mis.kpi', 'create', {
            'name': 'Matrix KPI', 'code': 'visits', 'weight': 1.0, 'target': 10.0, 'company_id': company})

    def kpi_create(ctx, owner):
        return {'name': 'Matrix KPI', 'code': 'win_rate', 'weight': 1.0, 'target': 10.0,
                'company_id': o(ctx, owner)['company']}

    def report_type(ctx, owner):
        return admin('sales_mis.report.type', 'search', [], limit=1)[0]

    return [
        # --- B: activities ------------------------------------------------------------------
        Record('sales_mis.visit', lambda c, w: personal_values(c, w, name='Matrix visit', partner_id=o(c, w)['partner']),
               {'result': 'matrix'}, PERSONAL),
        # a report is created by its author only (the workflow: author and team set at creation)
        Record('sales_mis.daily.report', lambda c, w: personal_values(c, w, date=c['day']()),
               {'summary': 'matrix'}, table('rwuc|||', 'rwu|rwu||', 'rwu|rwu|rwu|')),
        Record('sales_mis.daily.report.line', lambda c, w: {'report_id': daily_report(c, w), 'kind': 'work',
                                                            'name': 'Matrix work'},
               {'name': 'matrix'}, PERSONAL),
        Record('crm.lead', lambda c, w: personal_values(c, w, name='Matrix opportunity', type='opportunity',
                                                        partner_id=o(c, w)['partner']),
               # Odoo's salesmen may not delete opportunities; only its sales managers (directors)
               {'description': 'matrix'}, table('rwc|||', 'rwc|rwc||', 'rwuc|rwuc|rwuc|')),
        Record('sales_mis.lead.competitor', lambda c, w: {'lead_id': lead(c, w), 'competitor_id': make_competitor(c, w)},
               {'note': 'matrix'}, PERSONAL),
        # --- C: customers -------------------------------------------------------------------
        Record('sales_mis.partner.duplicate', partner_pair, {'reasons': 'matrix'},
               table('r|||', 'rw|rw||', 'rw|rw|rw|')),
        Record('sales_mis.customer.class.history', lambda c, w: personal_values(
            c, w, partner_id=o(c, w)['partner'], date='2001-01-01', old_class='B', new_class='A'),
            {'reason': 'matrix'}, READ_ONLY_PERSONAL),
        Record('sales_mis.care.reminder', lambda c, w: personal_values(
            c, w, partner_id=o(c, w)['partner'], occasion='birthday', occasion_date=c['day']()),
            {'occasion': 'anniversary'}, READ_ONLY_PERSONAL),
        # --- M1: knowledge (sales_mis_knowledge): bids and case drafts are personal; product
        # documents are read by every sales role of the company, filed by managers, deleted by directors
        Record('sales_mis.bid', lambda c, w: personal_values(
            c, w, name='Matrix bid', partner_id=o(c, w)['partner'], currency_id=o(c, w)['currency']),
            {'description': 'matrix'}, PERSONAL),
        Record('sales_mis.sales.case', lambda c, w: personal_values(
            c, w, name='Matrix case', currency_id=o(c, w)['currency']), {'lessons': 'matrix'}, PERSONAL),
        Record('sales_mis.product.document', lambda c, w: {
            'name': 'Matrix document', 'company_id': o(c, w)['company'],
            'product_tmpl_id': c['admin']('product.template', 'search', [('company_id', '=', False)], limit=1)[0]},
            {'description': 'matrix'}, table('r|r|r|', 'rwc|rwc|rwc|', 'rwuc|rwuc|rwuc|')),
        # --- D: orders and contracts ----------------------------------------------------------
        Record('sale.order', lambda c, w: personal_values(c, w, partner_id=o(c, w)['partner']),
               {'note': 'matrix'}, table('rwc|||', 'rwc|rwc||', 'rwuc|rwuc|rwuc|')),
        Record('sales_mis.contract', lambda c, w: personal_values(
            c, w, title='Matrix contract', partner_id=o(c, w)['partner'], amount=1000.0, currency_id=o(c, w)['currency']),
            # contracts are cancelled, not deleted, by salespeople
            {'terms': 'matrix'}, table('rwc|||', 'rwuc|rwuc||', 'rwuc|rwuc|rwuc|')),
        # Odoo shares customers inside a company: every salesperson reads, changes and adds the
        # company's partners (Odoo's rights, kept); deleting needs Odoo's partner managers (none of
        # the roles); another company's customers: nobody (Sales MIS rule)
        Record('res.partner', lambda c, w: {'name': 'Matrix partner %d' % next(c['seq']), 'customer': True,
                                            'user_id': o(c, w)['user'], 'company_id': o(c, w)['company']},
               {'comment': 'matrix'}, table('rwc|rwc|rwc|', 'rwc|rwc|rwc|', 'rwc|rwc|rwc|')),
        Record('account.invoice', lambda c, w: personal_values(
            c, w, partner_id=o(c, w)['partner'], type='out_invoice', journal_id=c['sale_journal'],
            # given, so that Odoo does not look for the other company's chart of accounts (it has none)
            account_id=c['receivable'], payment_term_id=False, fiscal_position_id=False, partner_bank_id=False,
            currency_id=o(c, w)['currency']),
            # draft customer invoices follow the orders: own, teams led, all; Odoo's salesmen do not delete
            {'comment': 'matrix'}, table('rwc|||', 'rwc|rwc||', 'rwuc|rwuc|rwuc|')),
        # --- A: plans -----------------------------------------------------------------------------
        Record('sales_mis.plan', lambda c, w: personal_values(
            c, w, name='Matrix plan', scope='salesperson', period_type='year', year=2001, target_amount=100.0),
            {'target_qty': 2.0}, SELLER_READS),
        Record('sales_mis.plan.line', lambda c, w: personal_values(
            c, w, plan_id=plan(c, w), date_from='2001-02-01', date_to='2001-02-28', target_amount=10.0),
            {'target_qty': 2.0}, SELLER_READS),
        # --- E: performance -----------------------------------------------------------------
        Record('sales_mis.scorecard', lambda c, w: {
            'name': 'Matrix scorecard', 'company_id': o(c, w)['company'], 'team_id': o(c, w)['team'],
            'date_from': '2001-01-01', 'date_to': '2001-01-31'},
            # a team's scorecard: every salesperson of the company sees the header (the scores are
            # the lines'), its team's manager changes it
            {'name': 'matrix'}, table('r|r|r|', 'rwuc|rwuc|r|', 'rwuc|rwuc|rwuc|')),
        # scores and commission lines: only the computation writes them (the workflow)
        Record('sales_mis.scorecard.line', lambda c, w: personal_values(c, w, scorecard_id=scorecard(c, w), score=50.0),
               {'score': 60.0}, READ_ONLY_PERSONAL),
        Record('sales_mis.commission.statement', lambda c, w: personal_values(
            c, w, scheme_id=scheme(c, w), date_from='2001-02-01', date_to='2001-02-28'),
            {'date_to': '2001-02-27'}, SELLER_READS),
        Record('sales_mis.commission.line', lambda c, w: personal_values(
            c, w, statement_id=statement(c, w), base_amount=1000.0, rate=2.0, amount=20.0),
            {'amount': 21.0}, READ_ONLY_PERSONAL),
        # --- configuration --------------------------------------------------------------------
        Record('sales_mis.kpi', kpi_values, {'weight': 2.0}, CONFIG_ADMIN, create=kpi_create, cleanup=False),
        # report types exist once (no company): everybody reads them, the MIS administrator edits
        Record('sales_mis.report.type', report_type, {'sequence': 5}, table('r|r|r|r', 'r|r|r|r', 'r|r|r|r'),
               create=lambda c, w: {'name': 'Matrix report', 'code': 'arrears'}, cleanup=False),
        Record('sales_mis.commission.scheme', lambda c, w: {'name': 'Matrix scheme', 'company_id': o(c, w)['company']},
               {'default_rate': 3.0}, CONFIG_ADMIN),
        Record('sales_mis.commission.tier', lambda c, w: {'scheme_id': make_scheme(c, w), 'min_completion': 80.0,
                                                          'multiplier': 1.0},
               {'multiplier': 1.5}, CONFIG_ADMIN),
        Record('sales_mis.commission.rate', lambda c, w: {'scheme_id': make_scheme(c, w), 'rate': 1.0,
                                                          'categ_id': c['ref']('product.product_category_all')},
               {'rate': 1.5}, CONFIG_ADMIN),
        Record('sales_mis.customer.class.rule', lambda c, w: {'code': 'MX%d' % next(c['seq']),
                                                              'company_id': o(c, w)['company']},
               {'min_revenue': 1.0}, CONFIG_ADMIN),
        Record('sales_mis.holiday', lambda c, w: {'name': 'Matrix day', 'month': 5, 'day': 1,
                                                  'company_id': o(c, w)['company']},
               {'days_before': 3}, CONFIG_MANAGER),
        Record('sales_mis.competitor', lambda c, w: {'name': 'Matrix rival %d' % next(c['seq']),
                                                     'company_id': o(c, w)['company']},
               {'notes': 'matrix'}, CONFIG_MANAGER),
        Record('sales_mis.lead.criterion', lambda c, w: {'name': 'Matrix criterion', 'signal': 'priority',
                                                         'weight': 1.0, 'low': 0.0, 'high': 3.0, 'company_id': o(c, w)['company']},
               {'weight': 2.0}, CONFIG_MANAGER),
        Record('sales_mis.win.model', lambda c, w: {'name': 'Matrix win model', 'company_id': o(c, w)['company'],
                                                    'state': 'not_enough'},
               # win models are retrained, never deleted below the MIS administrator
               {'name': 'matrix'}, table('r|r|r|', 'rwc|rwc|rwc|', 'rwc|rwc|rwc|')),
        Record('sales_mis.report.schedule', lambda c, w: {
            'name': 'Matrix schedule', 'company_id': o(c, w)['company'], 'user_id': o(c, w)['user'],
            'report_type_ids': [(6, 0, admin('sales_mis.report.type', 'search', [], limit=1))], 'lang': 'en_US'},
            # "figures visible to" decides what the mails contain: only an administrator sets another
            # user than oneself (issue 12), so nobody creates or edits these (owned by the sellers);
            # managers see and delete those of the teams they lead, a director all of their companies
            {'name': 'matrix'}, table('|||', 'ru|ru||', 'ru|ru|ru|')),
        # --- forecasts --------------------------------------------------------------------------
        Record('sales_mis_forecast.run', lambda c, w: {
            'name': 'Matrix run', 'company_id': o(c, w)['company'], 'team_id': o(c, w)['team'], 'level': 'team',
            'measure': 'amount', 'date_history_start': '2000-01-01', 'horizon': 3},
            # a team's run: its salespeople read it, its manager runs it
            {'horizon': 4}, TEAM_READS),
        Record('sales_mis_forecast.series', lambda c, w: {
            'run_id': run(c, w), 'company_id': o(c, w)['company'], 'scope_team_id': o(c, w)['team'],
            'team_id': o(c, w)['team'], 'name': 'Matrix series'},
            {'name': 'matrix'}, TEAM_READ_ONLY),
        Record('sales_mis_forecast.line', lambda c, w: {
            'run_id': run(c, w), 'series_id': series(c, w), 'company_id': o(c, w)['company'],
            'scope_team_id': o(c, w)['team'], 'team_id': o(c, w)['team'], 'date': '2001-01-01', 'mean': 1.0},
            {'mean': 2.0}, TEAM_READ_ONLY),
        Record('sales_mis_forecast.adjustment', lambda c, w: personal_values(
            c, w, date=c['month'](), amount=100.0, comment='Matrix', level='salesperson'),
            {'comment': 'matrix'}, SELLER_READS),
        Record('sales_mis_forecast.snapshot', lambda c, w: personal_values(
            c, w, snapshot_date='2001-01-01', date='2001-02-01', expected_revenue=1.0, weighted_amount=1.0),
            {'weighted_amount': 2.0}, READ_ONLY_PERSONAL),
        # --- service and complaints (K1): a seller's customers' requests and those assigned to them
        # (salespeople do not delete requests); their fees follow the request
        Record('sales_mis_service.request', service_request_values, {'description': 'matrix'},
               table('rwc|||', 'rwuc|rwuc||', 'rwuc|rwuc|rwuc|')),
        Record('sales_mis_service.fee.line', lambda c, w: {
            'request_id': c['admin']('sales_mis_service.request', 'create', service_request_values(c, w)),
            'product_id': c['admin']('product.product', 'search', [('sale_ok', '=', True)], limit=1)[0],
            'name': 'Matrix fee', 'price_unit': 1.0},
            {'name': 'matrix'}, PERSONAL),
    ] + marketing_records()


# --- marketing addon (issue 16): campaigns are a team's (or company-wide) marketing objects ----
def make_campaign(ctx, owner):
    own = o(ctx, owner)
    return ctx['admin']('utm.campaign', 'create', {
        'name': 'Matrix campaign of %s' % owner, 'team_id': own['team'], 'company_id': own['company'],
        'user_id': own['user'], 'budget': 100.0})


MAKERS['campaign'] = make_campaign
campaign = one_per_owner('campaign')


def marketing_records():
    return [
        # salespeople read their team's campaigns and change none; the manager leading the team
        # changes them; the director all of their companies
        Record('utm.campaign', lambda c, w: {'name': 'Matrix campaign', 'team_id': o(c, w)['team'],
                                             'company_id': o(c, w)['company'], 'user_id': o(c, w)['user'],
                                             'budget': 100.0},
               {'objective': 'matrix'}, TEAM_READS),
        Record('sales_mis_marketing.campaign.cost', lambda c, w: {
            'campaign_id': campaign(c, w), 'name': 'Matrix cost', 'amount': 1.0, 'date': '2001-01-05',
            'company_id': o(c, w)['company'], 'currency_id': o(c, w)['currency']},
            {'amount': 2.0}, TEAM_READS),
        # market information: read by every role of the company; changed by its author, the
        # manager of the author's team, a director; anybody with a role adds notes (as author)
        Record('sales_mis_marketing.market.note', lambda c, w: {
            'name': 'Matrix note', 'company_id': o(c, w)['company'], 'author_id': o(c, w)['user'],
            'team_id': o(c, w)['team']},
            {'source': 'matrix'}, table('rwuc|rc|rc|', 'rwuc|rwuc|rc|', 'rwuc|rwuc|rwuc|')),
    ]


def service_request_values(ctx, owner):
    category = ctx.setdefault('cache', {}).get('service_category')
    if category is None:
        found = ctx['admin']('sales_mis_service.category', 'search', [('company_id', '=', False)], limit=1)
        category = ctx['cache']['service_category'] = found[0] if found else ctx['admin'](
            'sales_mis_service.category', 'create', {'name': 'Matrix service'})
    return personal_values(ctx, owner, subject='Matrix request', partner_id=o(ctx, owner)['partner'],
                           category_id=category)
