"""The people and teams of one role-matrix run, made by the administrator over XML-RPC.

Every run makes its own users and teams (names carry a run suffix), so it can run again on the
same database and leaves the demo data as it was:
  own            a new salesperson (the demo salesperson's groups) in a new team led by the
                 demo manager -- this user is the SALESPERSON role of the run
  teammate       a new salesperson in that team
  other_team     a new salesperson of a new team led by a new manager
  other_company  a new salesperson of a new team of the company "Matrix Other Co" (made once,
                 reused), which none of the roles is allowed
The MANAGER and DIRECTOR roles are the demo users `manager` and `director`."""
import datetime
import itertools
import uuid

from matrix_core import OWNERS

OTHER_COMPANY = 'Matrix Other Co'


def prepare(admin, suffix=None):
    suffix = suffix or uuid.uuid4().hex[:6]
    ref = lambda xmlid: admin('ir.model.data', 'xmlid_to_res_id', xmlid)  # noqa: E731
    main_company = admin('res.users', 'read', [admin.uid], ['company_id'])[0]['company_id'][0]
    currency = admin('res.company', 'read', [main_company], ['currency_id'])[0]['currency_id'][0]
    other = admin('res.company', 'search', [('name', '=', OTHER_COMPANY)])
    other_company = other[0] if other else admin('res.company', 'create', {
        'name': OTHER_COMPANY, 'currency_id': currency})
    demo_seller = ref('sales_mis.user_salesperson')
    seller_groups = admin('res.users', 'read', [demo_seller], ['groups_id'])[0]['groups_id']
    manager = ref('sales_mis.user_manager') or admin('res.users', 'search', [('login', '=', 'manager')])[0]

    def user(name, company, groups):
        login = 'matrix_%s_%s' % (name, suffix)
        return admin('res.users', 'create', {
            'name': 'Matrix %s %s' % (name, suffix), 'login': login, 'password': login,
            'email': '%s@example.com' % login, 'company_id': company, 'company_ids': [(6, 0, [company])],
            'groups_id': [(6, 0, groups)]}, context={'no_reset_password': True})

    def team(name, leader, company):
        return admin('crm.team', 'create', {'name': 'Matrix %s %s' % (name, suffix), 'user_id': leader,
                                            'company_id': company})

    west_manager = user('west_manager', main_company, [ref('base.group_user'), ref('sales_mis.group_manager')])
    teams = {'own': team('East', manager, main_company), 'other_team': team('West', west_manager, main_company),
             'other_company': team('Foreign', False, other_company)}
    teams['teammate'] = teams['own']
    companies = {owner: main_company for owner in OWNERS}
    companies['other_company'] = other_company
    owners = {}
    for owner in OWNERS:
        uid = user(owner, companies[owner], seller_groups)
        admin('res.users', 'write', [uid], {'sale_team_id': teams[owner]})
        admin('crm.team', 'write', [teams[owner]], {'member_ids': [(4, uid)]})
        partner = admin('res.partner', 'create', {'name': 'Matrix customer of %s %s' % (owner, suffix),
                                                  'customer': True, 'user_id': uid, 'team_id': teams[owner],
                                                  'company_id': companies[owner]})
        owners[owner] = {'user': uid, 'team': teams[owner], 'company': companies[owner], 'partner': partner,
                         'currency': currency, 'login': 'matrix_%s_%s' % (owner, suffix)}
    days, months = itertools.count(), itertools.count()
    sale_journal = admin('account.journal', 'search', [('type', '=', 'sale'), ('company_id', '=', main_company)],
                         limit=1)[0]
    start = datetime.date(2001, 1, 1)
    return {
        'admin': admin, 'suffix': suffix, 'owner_names': {owner: 'Matrix %s %s' % (owner, suffix) for owner in OWNERS}, 'ref': ref, 'owners': owners, 'main_company': main_company,
        'other_company': other_company, 'currency': currency, 'sale_journal': sale_journal,
        'receivable': admin('account.account', 'search', [('internal_type', '=', 'receivable'),
                                                          ('company_id', '=', main_company)], limit=1)[0], 'manager': manager, 'west_manager': west_manager,
        # a new day for every record that is unique per person and day (daily reports, adjustments)
        'day': lambda: (start + datetime.timedelta(days=next(days))).isoformat(),
        'month': lambda: next('%04d-%02d-01' % (2001 + n // 12, 1 + n % 12) for n in [next(months)]),
        'seq': itertools.count(1),
    }


def cleanup(ctx):
    """The run's users and teams are archived: they stop counting in the other tests (scorecards
    and commissions of every salesperson, team lists); nothing is deleted."""
    admin = ctx['admin']
    users = [own['user'] for own in ctx['owners'].values()] + [ctx['west_manager']]
    teams = sorted({own['team'] for own in ctx['owners'].values()})
    admin('crm.team', 'write', teams, {'active': False})
    admin('res.users', 'write', users, {'active': False})


def clients_for(login, ctx):
    """The three roles' clients: `login(name, password)` -> an execute_kw callable."""
    own = ctx['owners']['own']['login']
    return {'salesperson': login(own, own), 'manager': login('manager', 'manager'),
            'director': login('director', 'director')}
