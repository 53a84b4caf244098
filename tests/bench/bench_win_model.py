#!/usr/bin/env python3
"""Benchmark of the win probability model (B4) against the stage probability.

    .venv/bin/python tests/bench/bench_win_model.py CONF DB

On a bench database with opportunities (tests/bench/generate_leads.py): reads the
closed opportunities with the same SQL the cron uses, trains on the older 80 %
(by closing date) and scores the newer 20 %, then prints AUC, Brier score, log loss
and expected calibration error of our model and of the stage probability (the
probability of the stage the deal was in before it closed), with the reliability
table by decile of each. Also times the production path: training on everything and
scoring every open opportunity in bulk. Figures, not pass/fail."""
import sys
import time

from benchlib import bench_env  # noqa: E402 - sets up Odoo first

CLOSED = ("l.type = 'opportunity' AND ((l.active AND l.probability >= 100) "
          "OR (NOT l.active AND l.probability = 0))")


def table(title, reliability):
    print('  %s' % title)
    print('    %4s %7s %10s %10s' % ('bin', 'n', 'predicted', 'observed'))
    for row in reliability.itertuples():
        print('    %4d %7d %10.3f %10.3f' % (row.bin, row.n, row.predicted, row.observed))


def main(conf, db):
    with bench_env(conf, db) as env:
        cr = env.cr
        from odoo.addons.sales_mis.crm_logic import win_model
        from odoo.addons.sales_mis.models.crm_lead_evaluation import WIN_CATEGORICAL, WIN_LOG, WIN_NUMERIC
        started = time.perf_counter()
        frame = env['crm.lead']._sales_mis_signals(CLOSED)
        read_s = time.perf_counter() - started
        print('closed opportunities: %d (%d won), read in %.1f s' % (len(frame), frame['won'].sum(), read_s))
        frame = frame.sort_values(['ref_date', 'id'], kind='stable')
        cut = int(len(frame) * 0.8)
        train, test = frame.iloc[:cut], frame.iloc[cut:]
        print('train: %d closed up to %s; test: %d closed from %s to %s' % (
            len(train), train['ref_date'].iloc[-1], len(test), test['ref_date'].iloc[0], test['ref_date'].iloc[-1]))
        started = time.perf_counter()
        model = win_model.fit(train, WIN_CATEGORICAL, WIN_NUMERIC, log=WIN_LOG)
        fit_s = time.perf_counter() - started
        started = time.perf_counter()
        ours = win_model.predict(model, test)['probability'].to_numpy()
        predict_s = time.perf_counter() - started
        cr.execute("SELECT id, probability / 100.0 FROM crm_stage")
        stage_probability = dict(cr.fetchall())
        baseline = test['stage_reached'].map(stage_probability).astype(float).to_numpy()
        y = test['won'].astype(bool).to_numpy()
        print('model: %s, %d coefficients, trained in %.2f s, %d predictions in %.3f s' % (
            model['kind'], sum(len(c) if isinstance(c, dict) else 1 for c in model['coef'].values()),
            fit_s, len(test), predict_s))
        print('\n%-28s %7s %7s %9s %7s' % ('on the newer 20 %', 'AUC', 'Brier', 'log loss', 'ECE'))
        results = {}
        for name, probability in (('win model (ours)', ours), ('stage probability', baseline),
                                  ('base rate of training', [train['won'].mean()] * len(test))):
            metrics = win_model.evaluate(y, probability)
            results[name] = metrics
            print('%-28s %7s %7.4f %9.4f %7.4f' % (
                name, '%.3f' % metrics['auc'] if metrics['auc'] is not None else 'n/a',
                metrics['brier'], metrics['log_loss'], metrics['ece']))
        print('\nreliability by decile of the predicted probability (newer 20 %):')
        table('win model (ours)', win_model.reliability(y, ours))
        table('stage probability (3 distinct values: ties share a bin)', win_model.reliability(y, baseline))

        # the production path: cron training on all closed deals, bulk scoring of the open ones
        started = time.perf_counter()
        record = env['sales_mis.win.model']._train(env.user.company_id)
        train_s = time.perf_counter() - started
        cr.execute("SELECT id FROM crm_lead WHERE active AND type = 'opportunity' AND probability < 100")
        open_ids = [row[0] for row in cr.fetchall()]
        started = time.perf_counter()
        env['crm.lead'].browse(open_ids)._sales_mis_evaluate()
        score_s = time.perf_counter() - started
        print('\nproduction path: train on %d closed in %.1f s (%s, training AUC %.3f); '
              'score + win probability of %d open opportunities in %.1f s' % (
                  record.closed_count, train_s, record.state, record.train_auc, len(open_ids), score_s))
        cr.rollback()  # figures only: leave the database as it was
        return results


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
