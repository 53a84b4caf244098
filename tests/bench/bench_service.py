#!/usr/bin/env python3
"""Benchmark of the SLA escalation cron 服务升级 (K1) over many open service requests.

    .venv/bin/python tests/bench/bench_service.py CONF DB [OPEN_REQUESTS]

Adds OPEN_REQUESTS (default 100,000) open requests with set-based SQL (spread over the
customers, service teams and states new/assigned/in progress; about 30 % past their response
deadline and 20 % more past their resolution deadline only), then times the escalation
(`_escalate`: flags + one to-do activity per escalated request for the team leader), and a
second run that finds nothing new. Goal of issue 16: <= 10 s for 100,000 open requests.
The bench requests (BENCH-n) and their activities are deleted at the end: the run can be repeated.
Figures, not pass/fail."""
import sys

from benchlib import QUICK, bench_env, odoo, timed  # noqa: E402 - sets up Odoo first


def add_requests(env, count):
    cr = env.cr
    category = env['sales_mis_service.category'].search([], limit=1) or \
        env['sales_mis_service.category'].create({'name': 'Bench'})
    cr.execute("SELECT id FROM res_partner WHERE customer AND active ORDER BY id LIMIT 500")
    partners = [row[0] for row in cr.fetchall()]
    cr.execute("SELECT id, user_id FROM crm_team ORDER BY id")
    teams = cr.fetchall()
    company = env.user.company_id.id
    # every request has somebody to escalate to: its team's leader (the activity goes there), else
    # an assigned person, so that each escalated request files an activity (the costly case)
    cr.execute("SELECT id FROM res_users WHERE active AND share IS NOT TRUE AND id > 1 ORDER BY id LIMIT 1")
    assignee = cr.fetchone()[0]
    cr.execute("""
        INSERT INTO sales_mis_service_request (name, subject, kind, partner_id, commercial_partner_id, category_id,
                    priority, team_id, user_id, company_id, state, date_request, response_deadline,
                    resolution_deadline, date_responded, escalated, escalated_response, escalated_resolution,
                    is_repeat, create_uid, create_date, write_uid, write_date)
        SELECT 'BENCH-' || n, 'Bench request ' || n, CASE WHEN n %% 4 = 0 THEN 'complaint' ELSE 'request' END,
               p.partner, p.partner, %(category)s, (n %% 4)::text, t.team, COALESCE(t.leader, %(assignee)s), %(company)s,
               (ARRAY['new', 'assigned', 'in_progress'])[1 + n %% 3],
               now() AT TIME ZONE 'UTC' - make_interval(hours => h.age), 
               now() AT TIME ZONE 'UTC' - make_interval(hours => h.age) + interval '8 hours',
               now() AT TIME ZONE 'UTC' - make_interval(hours => h.age) + interval '72 hours',
               CASE WHEN n %% 3 = 2 THEN now() AT TIME ZONE 'UTC' - make_interval(hours => h.age)
                                        + interval '1 hour' END,
               false, false, false, false, 1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC'
          FROM generate_series(1, %(count)s) n
          CROSS JOIN LATERAL (SELECT (%(partners)s::int[])[1 + n %% %(np)s] AS partner) p
          CROSS JOIN LATERAL (SELECT (%(team_ids)s::int[])[1 + n %% %(nt)s] AS team,
                                     (%(leaders)s::int[])[1 + n %% %(nt)s] AS leader) t
          -- age in hours: 30 %% past the response deadline (8 h), 20 %% more past resolution (72 h)
          CROSS JOIN LATERAL (SELECT CASE WHEN n %% 10 < 3 THEN 10 + n %% 50
                                          WHEN n %% 10 < 5 THEN 80 + n %% 100
                                          ELSE n %% 7 END AS age) h""", {
        'category': category.id, 'company': company, 'assignee': assignee, 'count': count, 'partners': partners, 'np': len(partners),
        'team_ids': [t[0] for t in teams], 'leaders': [t[1] for t in teams], 'nt': len(teams)})
    return cr.rowcount


def main(conf, db, count):
    # the requests are committed before the escalation runs, as in production (rows inserted by the
    # same transaction would make PostgreSQL re-check every foreign key of each updated row), and
    # deleted again at the end with their activities
    with bench_env(conf, db) as env:
        Request = env['sales_mis_service.request']
        try:
            seconds, added = timed(lambda: add_requests(env, count))
            env.cr.commit()
            env.cr.execute("SELECT count(*) FROM sales_mis_service_request "
                           "WHERE state IN ('new', 'assigned', 'in_progress')")
            open_count = env.cr.fetchone()[0]
            print('bench %s: %d requests added in %.1f s, %d open requests in all' % (db, added, seconds, open_count))
            env.cr.execute("ANALYZE sales_mis_service_request")
            env.cr.commit()
            now = odoo.fields.Datetime.now()
            seconds, escalated = timed(lambda: (Request._escalate(now), env.cr.commit())[0])
            env.cr.execute("SELECT count(*) FROM mail_activity WHERE res_model = %s AND create_date = %s",
                           (Request._name, now))
            activities = env.cr.fetchone()[0]
            print('  escalation, first run:  %6.2f s  (%d requests escalated, %d activities filed; committed)'
                  % (seconds, escalated, activities))
            seconds, again = timed(lambda: (Request._escalate(now), env.cr.commit())[0])
            print('  escalation, second run: %6.2f s  (%d requests escalated)' % (seconds, again))
        finally:
            env.cr.rollback()
            env.cr.execute("DELETE FROM mail_activity WHERE res_model = %s AND res_id IN "
                           "(SELECT id FROM sales_mis_service_request WHERE name LIKE 'BENCH-%%')", (Request._name,))
            env.cr.execute("DELETE FROM sales_mis_service_request WHERE name LIKE 'BENCH-%'")
            env.cr.commit()


if __name__ == '__main__':
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) == 4 else 500 if QUICK else 100000)
