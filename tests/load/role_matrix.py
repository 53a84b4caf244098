#!/usr/bin/env python3
"""Role x model x operation matrix over XML-RPC (issue 7, L1), against a real server.

    .venv/bin/python tests/load/role_matrix.py        (make matrix)

On a fresh copy of the demo database (the template of the load test) the administrator
creates, for every model of the table below, one record owned by each of: the demo
salesperson (OWN), a teammate in the same team (TEAMMATE), a salesperson of another team
(OTHER_TEAM) and a salesperson of another company (OTHER_COMPANY). Then the demo
salesperson, manager (leader of the salesperson's team) and director each try to read,
write and unlink every one of those records, and to create one for each owner. Every
outcome is compared with EXPECTED; the run prints the matrix and the count of unexpected
outcomes (exit code 1 when there is any)."""
import os
import sys
import time
import xmlrpc.client

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, 'tests'))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'load'))

from conftest import load_ctl  # noqa: E402
from run_load import fresh_database, login, serving  # noqa: E402

ROLES = ['salesperson', 'manager', 'director']
OWNERS = ['own', 'teammate', 'other_team', 'other_company']
OPS = ['read', 'write', 'unlink', 'create']

# What each role may do with a record of each owner: a string of the letters r, w, u, c.
# "Personal" documents: a salesperson's own, the teams a manager leads, all of the director's
# companies; nobody sees another company's.
PERSONAL = {
    'salesperson': {'own': 'rwuc', 'teammate': '', 'other_team': '', 'other_company': ''},
    'manager': {'own': 'rwuc', 'teammate': 'rwuc', 'other_team': '', 'other_company': ''},
    'director': {'own': 'rwuc', 'teammate': 'rwuc', 'other_team': 'rwuc', 'other_company': ''},
}


def personal(**changes):
    """PERSONAL with some cells changed: personal(salesperson={'own': 'rwc'})."""
    table = {role: dict(cells) for role, cells in PERSONAL.items()}
    for role, cells in changes.items():
        table[role].update(cells)
    return table


NO_UNLINK_BELOW_DIRECTOR = personal(salesperson={'own': 'rwc'}, manager={'own': 'rwc', 'teammate': 'rwc'})


def models(ctx):
    """model -> (values for an owner, values of a write, expected table). `ctx` has the ids."""
    days = ('%04d-01-%02d' % (2000 + n // 28, 1 + n % 28) for n in range(10000))
    return {
        'sales_mis.visit': (
            lambda o: {'name': 'Matrix visit', 'user_id': o['user'], 'team_id': o['team'],
                       'company_id': o['company'], 'partner_id': o['partner']},
            {'result': 'matrix'}, PERSONAL),
        'sales_mis.contract': (
            lambda o: {'title': 'Matrix contract', 'user_id': o['user'], 'team_id': o['team'],
                       'company_id': o['company'], 'partner_id': o['partner'], 'amount': 1000.0,
                       'currency_id': o['currency']},
            {'terms': 'matrix'},
            # contracts are not deleted by salespeople (only cancelled), managers may
            personal(salesperson={'own': 'rwc'})),
        'sales_mis.daily.report': (
            # one report per salesperson and day: each record gets a day of its own
            lambda o: {'user_id': o['user'], 'team_id': o['team'], 'company_id': o['company'],
                       'date': next(days)},
            {'summary': 'matrix'}, PERSONAL),
        'crm.lead': (
            lambda o: {'name': 'Matrix opportunity', 'type': 'opportunity', 'user_id': o['user'],
                       'team_id': o['team'], 'company_id': o['company'], 'partner_id': o['partner']},
            # Odoo's salesmen may not delete opportunities or orders; only its sales managers
            {'description': 'matrix'}, NO_UNLINK_BELOW_DIRECTOR),
        'sale.order': (
            lambda o: {'partner_id': o['partner'], 'user_id': o['user'], 'team_id': o['team'],
                       'company_id': o['company']},
            {'note': 'matrix'}, NO_UNLINK_BELOW_DIRECTOR),
    }


def prepare(admin):
    """Users, teams and a second company for the four owners; returns {owner: ids}."""
    ref = lambda xmlid: admin('ir.model.data', 'xmlid_to_res_id', xmlid)  # noqa: E731
    east = ref('sales_mis.team_east_china')
    groups = [ref('base.group_user'), ref('sales_mis.group_salesperson')]
    main_company = admin('res.users', 'read', [admin.uid], ['company_id'])[0]['company_id'][0]
    currency = admin('res.company', 'read', [main_company], ['currency_id'])[0]['currency_id'][0]
    other_company = admin('res.company', 'create', {'name': 'Matrix Other Co', 'currency_id': currency})

    def user(login, team, company, extra_groups=()):
        return admin('res.users', 'create', {
            'name': login, 'login': login, 'password': login, 'email': '%s@example.com' % login,
            'sale_team_id': team, 'company_id': company, 'company_ids': [(6, 0, [company])],
            'groups_id': [(6, 0, groups + list(extra_groups))]}, context={'no_reset_password': True})

    other_manager = user('matrix_west_manager', False, main_company, [ref('sales_mis.group_manager')])
    west = admin('crm.team', 'create', {'name': 'Matrix West', 'user_id': other_manager})
    foreign_team = admin('crm.team', 'create', {'name': 'Matrix Foreign', 'company_id': other_company})
    owners = {
        'own': (ref('sales_mis.user_salesperson'), east, main_company),
        'teammate': (user('matrix_teammate', east, main_company), east, main_company),
        'other_team': (user('matrix_west_seller', west, main_company), west, main_company),
        'other_company': (user('matrix_foreign_seller', foreign_team, other_company), foreign_team, other_company),
    }
    result = {}
    for owner, (uid, team, company) in owners.items():
        partner = admin('res.partner', 'create', {'name': 'Matrix customer of %s' % owner, 'customer': True,
                                                  'user_id': uid, 'company_id': company})
        result[owner] = {'user': uid, 'team': team, 'company': company, 'partner': partner,
                         'currency': currency}
    return result


def attempt(call):
    try:
        call()
        return True
    except xmlrpc.client.Fault as fault:
        text = fault.faultString
        if any(word in text for word in ('AccessError', 'access', 'Access', 'restrictions', 'not allowed')):
            return False
        return 'error: %s' % text.strip().splitlines()[-1][:120]


def run_matrix(url, owners):
    admin = login(url, 'admin', 'admin')
    clients = {role: login(url, role, role) for role in ROLES}
    specs = models(owners)
    rows, unexpected = [], []
    for model, (values, write, expected) in specs.items():
        for role in ROLES:
            rpc = clients[role]
            for owner in OWNERS:
                # a fresh record per (role, owner), so an unlink does not hide later checks
                record = admin(model, 'create', values(owners[owner]))
                outcome = {
                    'read': attempt(lambda: rpc(model, 'read', [record], ['display_name'])),
                    'write': attempt(lambda: rpc(model, 'write', [record], write)),
                    'unlink': attempt(lambda: rpc(model, 'unlink', [record])),
                    'create': attempt(lambda: admin(model, 'unlink', [rpc(model, 'create', values(owners[owner]))])),
                }
                cells = ''
                for op in OPS:
                    allowed = op[0] in expected[role][owner]
                    got = outcome[op]
                    cells += (op[0] if got is True else '-') if not isinstance(got, str) else '!'
                    if got is not allowed:
                        unexpected.append((model, role, owner, op, allowed, got))
                rows.append((model, role, owner, cells))
                admin(model, 'search', [('id', '=', record)]) and attempt(lambda: admin(model, 'unlink', [record]))
    return rows, unexpected


def main():
    sys.path.insert(0, os.path.join(ROOT, 'runtime'))
    ctl = load_ctl()
    pg = ctl.find_postgres()
    conf = fresh_database(ctl, pg)
    with serving(ctl, conf, 'matrix-server.log', '--workers=0') as url:
        started = time.time()
        owners = prepare(login(url, 'admin', 'admin'))
        rows, unexpected = run_matrix(url, owners)
    print('\nRole matrix (r read, w write, u unlink, c create; - refused, ! error):')
    print('  %-26s %-12s %s' % ('model', 'role', '  '.join('%-13s' % o for o in OWNERS)))
    table = {}
    for model, role, owner, cells in rows:
        table.setdefault((model, role), {})[owner] = cells
    for (model, role), cells in table.items():
        print('  %-26s %-12s %s' % (model, role, '  '.join('%-13s' % cells[o] for o in OWNERS)))
    checks = len(rows) * len(OPS)
    print('\n%d models x %d roles x %d owners x %d operations = %d checks in %.0f s; unexpected: %d' % (
        len(table) // len(ROLES), len(ROLES), len(OWNERS), len(OPS), checks, time.time() - started, len(unexpected)))
    for model, role, owner, op, allowed, got in unexpected:
        print('  UNEXPECTED %s %s on %s record: %s expected %s, got %s' % (
            role, op, owner, model, 'allowed' if allowed else 'refused', got))
    sys.exit(1 if unexpected else 0)


if __name__ == '__main__':
    main()
