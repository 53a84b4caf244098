"""The role matrix's engine: expected tables, one check, running every spec, printing.

Roles are the demo salesperson's groups (a fresh salesperson of this run), the demo manager
(leader of that salesperson's team) and the demo director. Owners are relative to the
salesperson: OWN (the salesperson), TEAMMATE (same team), OTHER_TEAM (a team the manager does
not lead) and OTHER_COMPANY (a team of a company none of the roles is allowed)."""
import concurrent.futures
import threading
import time
import xmlrpc.client

ROLES = ['salesperson', 'manager', 'director']
OWNERS = ['own', 'teammate', 'other_team', 'other_company']
OPS = ['read', 'write', 'unlink', 'create']
REFUSALS = ('AccessError', 'access', 'Access', 'restrictions', 'not allowed',
            # the workflow mechanism (models/workflow_mixin.py) refusing a protected field or a frozen record
            'workflow buttons', 'can no longer be changed', 'cannot be deleted')


def table(salesperson, manager, director):
    """An expected table from one string per role: letters per owner, '|' between owners,
    e.g. table('rwuc|||', 'rwuc|rwuc||', 'rwuc|rwuc|rwuc|')."""
    result = {}
    for role, text in zip(ROLES, (salesperson, manager, director)):
        cells = text.split('|')
        assert len(cells) == len(OWNERS), text
        result[role] = dict(zip(OWNERS, cells))
    return result


# Personal documents: own, the teams a manager leads, all of the director's companies.
PERSONAL = table('rwuc|||', 'rwuc|rwuc||', 'rwuc|rwuc|rwuc|')


def classify(fault):
    """False for a refusal by the access rights / record rules, else the error's last line."""
    text = fault.faultString
    if any(word in text for word in REFUSALS):
        return False
    return 'error: %s' % text.strip().splitlines()[-1][:160]


def attempt(call):
    """True: done; False: refused by the access rights / record rules; str: another error."""
    try:
        call()
        return True
    except xmlrpc.client.Fault as fault:
        return classify(fault)


class Record:
    """A stored model: the administrator makes one record per owner; each role reads, writes,
    unlinks it and creates one for each owner."""

    def __init__(self, model, values, write, expected, label=None, create=None, cleanup=True):
        self.model, self.values, self.write, self.expected = model, values, write, expected
        self.label = label or model
        self.create_values = create or values   # what a role creates (may differ: e.g. no readonly fields)
        self.cleanup = cleanup

    def run(self, admin, clients, ctx, check):
        def make(owner):
            values = self.values(ctx, owner)
            return values if isinstance(values, int) else admin(self.model, 'create', values)

        records = {owner: make(owner) for owner in OWNERS}
        made = []
        for role in ROLES:
            rpc = clients[role]
            for owner in OWNERS:
                allowed = self.expected[role][owner]
                record = records[owner]
                check(self.label, role, owner, 'read', lambda: rpc(self.model, 'read', [record], ['display_name']))
                check(self.label, role, owner, 'write', lambda: rpc(self.model, 'write', [record], self.write))
                # an unlink that is expected to work gets a record of its own, so it hides nothing
                target = make(owner) if 'u' in allowed else record
                if not check(self.label, role, owner, 'unlink', lambda: rpc(self.model, 'unlink', [target])):
                    made.append(target)
                elif target == record:  # unexpectedly deleted: the next roles need it
                    records[owner] = make(owner)
                created = []
                check(self.label, role, owner, 'create',
                      lambda: created.append(rpc(self.model, 'create', self.create_values(ctx, owner))))
                made.extend(created)
        if self.cleanup:
            leftovers = sorted(set(made) | set(records.values()))
            attempt(lambda: admin(self.model, 'unlink', leftovers))


class Report:
    """A report model (SQL view): rows come from data the setup made per owner (identified by
    `key`, the owner's user or team); a role reads the rows it may, and may change none."""

    def __init__(self, model, expected, key='user_id', label=None, domain=None):
        self.model, self.expected, self.key = model, expected, key
        self.label = label or model
        self.domain = domain or []

    def run(self, admin, clients, ctx, check):
        kind = 'team' if self.key.endswith('team_id') else 'company' if self.key == 'company_id' else 'user'
        keys = {owner: ctx['owners'][owner][kind] for owner in OWNERS}
        domain = self.domain + [(self.key, 'in', sorted(set(keys.values())))]
        rows = admin(self.model, 'search_read', domain, [self.key])
        by_owner = {owner: [r['id'] for r in rows if r[self.key] and r[self.key][0] == keys[owner]]
                    for owner in OWNERS}
        for role in ROLES:
            rpc = clients[role]
            seen = {}
            try:
                visible = rpc(self.model, 'search_read', domain, [self.key])
                seen = {r[self.key][0] for r in visible if r[self.key]}
                failure = None
            except xmlrpc.client.Fault as fault:
                failure = classify(fault)
            for owner in OWNERS:
                ids = by_owner[owner]
                if not ids:
                    check(self.label, role, owner, 'read', lambda: 'error: no %s row of the %s owner' % (
                        self.model, owner), raw=True)
                elif failure is not None:
                    check(self.label, role, owner, 'read', lambda: failure, raw=True)
                else:
                    check(self.label, role, owner, 'read', lambda: keys[owner] in seen, raw=True)
                first = ids[:1] or [0]
                check(self.label, role, owner, 'write', lambda: rpc(self.model, 'write', first, {self.key: False}))
                check(self.label, role, owner, 'unlink', lambda: rpc(self.model, 'unlink', first))
                check(self.label, role, owner, 'create', lambda: rpc(self.model, 'create', {self.key: keys[owner]}))


class Probe:
    """Any other check: `probe(rpc, ctx, owner)` returns True (allowed/visible) or False,
    e.g. whether a field of another's record can be read through some path."""

    def __init__(self, label, expected, probe, ops=('read',)):
        self.label, self.expected, self.probe, self.ops = label, expected, probe, ops

    def run(self, admin, clients, ctx, check):
        for role in ROLES:
            for owner in OWNERS:
                for op in self.ops:
                    check(self.label, role, owner, op,
                          lambda: self.probe(clients[role], ctx, owner, op), raw=True)


class PerThread:
    """An execute_kw client per thread (an xmlrpc.client proxy is not thread-safe)."""

    def __init__(self, factory):
        self.factory, self.local = factory, threading.local()
        self.uid = self._client().uid

    def _client(self):
        if not hasattr(self.local, 'client'):
            self.local.client = self.factory()
        return self.local.client

    def __call__(self, *args, **kwargs):
        return self._client()(*args, **kwargs)


class Matrix:
    def __init__(self, expected_of, labels):
        self.expected_of, self.labels = expected_of, labels
        self.cells = {}        # (label, role) -> {owner: {op: char}}
        self.unexpected = []
        self.checks = 0
        self.lock = threading.Lock()

    def check(self, label, role, owner, op, call, raw=False):
        """Runs `call` (raw: its result is the outcome) and records it; True when it was allowed."""
        if raw:
            try:
                got = call()
            except xmlrpc.client.Fault as fault:
                got = 'error: %s' % fault.faultString.strip().splitlines()[-1][:160]
        else:
            got = attempt(call)
        allowed = op[0] in self.expected_of(label)[role][owner]
        char = '!' if isinstance(got, str) else (op[0] if got else '-')
        with self.lock:
            self.checks += 1
            self.cells.setdefault((label, role), {}).setdefault(owner, {})[op] = char
            if got is not allowed:
                self.unexpected.append((label, role, owner, op, allowed, got))
        return got is True

    def report(self, elapsed):
        lines = ['Role matrix (r read, w write, u unlink, c create; - refused, ! error; '
                 '* marks a cell with an unexpected outcome):',
                 '  %-44s %-12s %s' % ('model / check', 'role', '  '.join('%-13s' % o for o in OWNERS))]
        bad = {(label, role, owner) for label, role, owner, _op, _a, _g in self.unexpected}
        order = {label: n for n, label in enumerate(self.labels)}
        self.unexpected.sort(key=lambda u: (order[u[0]], ROLES.index(u[1]), OWNERS.index(u[2]), OPS.index(u[3])))
        for (label, role), owners in sorted(self.cells.items(), key=lambda i: (order[i[0][0]], ROLES.index(i[0][1]))):
            cells = []
            for owner in OWNERS:
                ops = owners.get(owner, {})
                text = ''.join(ops.get(op, ' ') for op in OPS) + ('*' if (label, role, owner) in bad else '')
                cells.append('%-13s' % text)
            lines.append('  %-44s %-12s %s' % (label, role, '  '.join(cells)))
        lines.append('')
        lines.append(self.summary(elapsed))
        for label, role, owner, op, allowed, got in self.unexpected:
            lines.append('  UNEXPECTED %s %s on %s record of %s: %s expected, got %s' % (
                role, op, owner, label, 'allowed' if allowed else 'refused', got))
        return '\n'.join(lines)

    def summary(self, elapsed):
        return ('%d models and checks x %d roles x %d owners x up to %d operations = %d checks in %.0f s; '
                'unexpected: %d' % (len(self.labels), len(ROLES), len(OWNERS), len(OPS), self.checks, elapsed,
                                     len(self.unexpected)))


def run_matrix(admin, clients, ctx, specs, workers=4):
    """Runs every spec (`workers` at a time: most of the time is spent waiting for the server);
    returns the Matrix (cells, unexpected, checks)."""
    by_label = {spec.label: spec.expected for spec in specs}
    assert len(by_label) == len(specs), 'two specs with one label'
    matrix = Matrix(lambda label: by_label[label], [spec.label for spec in specs])
    started = time.time()

    def run_one(spec):
        try:
            spec.run(admin, clients, ctx, matrix.check)
        except xmlrpc.client.Fault as fault:  # the setup of a spec failed: every cell is an error
            text = 'error: setup: %s' % fault.faultString.strip().splitlines()[-1][:160]
            for role in ROLES:
                for owner in OWNERS:
                    for op in getattr(spec, 'ops', OPS):
                        if op not in matrix.cells.get((spec.label, role), {}).get(owner, {}):
                            matrix.check(spec.label, role, owner, op, lambda: text, raw=True)

    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(run_one, specs))
    matrix.elapsed = time.time() - started
    return matrix
