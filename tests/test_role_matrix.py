"""The role x model x operation matrix (tests/load/role_matrix.py, `make matrix`) on the test
database, through the session's server: every Sales MIS model, the Odoo models it extends and
its reports, as salesperson, manager and director, on records of four owners. Re-runnable: each
run makes its own users and teams (see tests/load/matrix_setup.py)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'load'))

import role_matrix  # noqa: E402


def test_role_matrix(server):
    matrix = role_matrix.run(lambda user, password: server.login(user, password))
    print('\n' + matrix.report(matrix.elapsed))
    assert not matrix.unexpected, matrix.summary(matrix.elapsed) + '\n' + '\n'.join(
        'UNEXPECTED %s %s on %s record of %s: %s expected, got %s' % (
            role, op, owner, label, 'allowed' if allowed else 'refused', got)
        for label, role, owner, op, allowed, got in matrix.unexpected)
