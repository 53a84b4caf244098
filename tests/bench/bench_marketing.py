#!/usr/bin/env python3
"""Benchmark of the campaign effect analysis 活动效果分析 (J1, issue 16 goal: ROI pivot over
the 1M-line bench data with 200 campaigns <= 1 s warm).

    .venv/bin/python tests/bench/bench_marketing.py CONF DB [CAMPAIGNS]

Inside one transaction that is rolled back at the end (the run can be repeated): makes
CAMPAIGNS campaigns (200 by default) spread over the teams, attributes every fifth confirmed
order and every third lead to them (raw SQL: no ORM write per row), books two cost lines per
campaign and month of orders, and times as a director (record rules applied):
- the pivot: campaign x quarter with cost, margin and ROI (read_group of the SQL view),
- the graph of the director's dashboard: ROI by campaign for the whole period,
- the campaign list: the results of 80 campaigns (one grouped read),
- the rows of the 活动效果分析表.
Figures, not pass/fail."""
import sys

from benchlib import QUICK, bench_env, odoo, timed, warm_median  # noqa: E402 - sets up Odoo first


def main(conf, db, campaigns=200):
    campaigns = int(campaigns)
    with bench_env(conf, db) as env:
        cr = env.cr
        cr.execute("SELECT count(*) FROM sale_order_line")
        lines = cr.fetchone()[0]
        company = env.user.company_id
        teams = env['crm.team'].search([]).ids or [False]
        director = env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Bench Marketing Director', 'login': 'bench_marketing_director',
            'groups_id': [(6, 0, [env.ref('base.group_user').id, env.ref('sales_mis.group_director').id])]})
        Campaign = env['utm.campaign']
        made = Campaign.browse([Campaign.create({
            'name': 'Bench campaign %03d' % number, 'team_id': teams[number % len(teams)],
            'budget': 10000.0 + number, 'date_start': '2020-01-01', 'date_end': '2030-12-31'}).id
            for number in range(campaigns)])
        ids = made.ids
        cr.execute("""
            UPDATE sale_order s SET campaign_id = (%s::int[])[1 + s.id %% %s]
             WHERE s.state IN ('sale', 'done') AND s.id %% 5 = 0""", (ids, len(ids)))
        orders = cr.rowcount
        cr.execute("UPDATE crm_lead l SET campaign_id = (%s::int[])[1 + l.id %% %s] WHERE l.id %% 3 = 0",
                   (ids, len(ids)))
        leads = cr.rowcount
        cr.execute("""
            INSERT INTO sales_mis_marketing_campaign_cost
                   (campaign_id, name, kind, date, amount, currency_id, company_id, team_id)
            SELECT c.id, 'bench', 'event', m.month + k * 10, 500.0 + k * 100, %s, %s, c.team_id
              FROM utm_campaign c
              JOIN (SELECT DISTINCT campaign_id, date_trunc('month', date_order)::date AS month
                      FROM sale_order WHERE campaign_id = ANY(%s)) m ON m.campaign_id = c.id
             CROSS JOIN generate_series(0, 1) k""", (company.currency_id.id, company.id, ids))
        costs = cr.rowcount
        cr.execute('ANALYZE sale_order, crm_lead, sales_mis_marketing_campaign_cost, utm_campaign')
        print('bench %s: %d order lines; %d campaigns, %d attributed orders, %d leads, %d cost lines'
              % (db, lines, campaigns, orders, leads, costs))
        Roi = env['sales_mis_marketing.campaign.roi'].sudo(director)

        def pivot():
            return Roi.read_group([], ['campaign_id', 'month', 'cost', 'margin', 'roi'],
                                  ['campaign_id', 'month:quarter'], lazy=False)

        def graph():
            return Roi.read_group([], ['campaign_id', 'roi'], ['campaign_id'])

        def campaign_list():
            records = Campaign.sudo(director).browse(ids[:80])
            records.invalidate_cache()
            return [record.roi for record in records]

        seconds, cells = timed(pivot)
        print('  pivot campaign x quarter (cold): %6.3f s  (%d cells)' % (seconds, len(cells)))
        print('  pivot campaign x quarter (warm): %6.3f s' % warm_median(pivot))
        print('  dashboard graph ROI by campaign: %6.3f s  (%d bars)' % (warm_median(graph), len(graph())))
        print('  campaign list, 80 campaigns:     %6.3f s' % warm_median(campaign_list))
        print('  活动效果分析表 rows:              %6.3f s  (%d rows)'
              % (warm_median(lambda: Roi.export_rows()), len(Roi.export_rows())))
        cr.rollback()


if __name__ == '__main__':
    main(*(sys.argv[1:4] if len(sys.argv) > 3 or not QUICK else sys.argv[1:3] + [5]))
