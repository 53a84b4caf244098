# -*- coding: utf-8 -*-
"""Win probability 赢单概率 learned from closed opportunities.

A scikit-learn ``LogisticRegression`` (L2, lbfgs: deterministic) on

* categorical features (team, salesperson, source, stage reached, revenue band...)
  one-hot encoded, levels seen fewer than ``min_level_rows`` times pooled into
  ``OTHER`` (missing values are their own level ``NONE``);
* numeric features (age, activities, competitors, past orders...) standardised,
  a missing value counting as the training mean.

The fitted model is exported as a plain dict of floats (JSON, stored on a record,
never a pickle), and :func:`predict` needs only numpy: the server that predicts
does not re-run scikit-learn. Every prediction comes with its top factors: the
contribution in log-odds of each feature compared with an average training lead
(a level's coefficient minus the frequency-weighted mean coefficient of its
feature; ``coef * z`` for a number), so the factors of a lead add up to its
logit minus the average logit.

With too little history (fewer than ``min_rows`` closed leads, or fewer than
``min_class_rows`` of either outcome) nothing is learned: the model has
``kind == 'not_enough_history'``, a ``reason`` and predicts no probability (NaN).
"""
import math

import numpy as np
import pandas as pd

OTHER = '__other__'
NONE = '__none__'
NOT_ENOUGH_HISTORY = 'not_enough_history'
LOGISTIC = 'logistic'


def _level(value):
    # an id column with a gap is read as floats (7.0): its level must still be '7', the same as
    # in a frame without gaps (one lead), or the lead falls into OTHER
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _levels(series):
    return series.astype(object).where(series.notna(), NONE).map(_level)


def _numeric(frame, feature, model):
    values = pd.to_numeric(frame[feature], errors='coerce') if feature in frame \
        else pd.Series(np.nan, index=frame.index)
    values = values.astype(float)
    if feature in model.get('log', ()):
        values = np.log1p(values.clip(lower=0.0))  # heavy-tailed counts and amounts
    return values


def effect(probability, contribution):
    """Percentage points a factor adds to ``probability`` (vs the same lead without it)."""
    logit = math.log(probability / (1.0 - probability)) if 0.0 < probability < 1.0 else \
        math.copysign(35.0, probability - 0.5)
    return 100.0 * (probability - 1.0 / (1.0 + math.exp(-(logit - contribution))))


def _design(frame, model):
    """Standardised design matrix of ``frame`` and, per column, (feature, level or None)."""
    blocks, columns = [], []
    for feature in model['categorical']:
        known = model['levels'][feature]
        values = _levels(frame[feature]) if feature in frame else pd.Series(NONE, index=frame.index)
        values = values.where(values.isin(known), OTHER if OTHER in known else NONE)
        for level in known:
            blocks.append((values == level).to_numpy(dtype=float))
            columns.append((feature, level))
    for feature in model['numeric']:
        values = _numeric(frame, feature, model).fillna(model['means'][feature]).to_numpy()
        blocks.append((values - model['means'][feature]) / model['stds'][feature])
        columns.append((feature, None))
    matrix = np.column_stack(blocks) if blocks else np.empty((len(frame), 0))
    return matrix, columns


def _not_enough(model, reason):
    model.update(kind=NOT_ENOUGH_HISTORY, reason=reason, intercept=0.0, coef={}, offsets={})
    return model


def fit(frame, categorical=(), numeric=(), target='won', c=1.0, min_rows=30, min_class_rows=5,
        min_level_rows=10, max_levels=200, log=()):
    """Learn the win model from closed opportunities.

    :param frame: one row per closed opportunity, the feature columns and ``target``
        (truthy = won).
    :param c: inverse L2 strength of scikit-learn (smaller = simpler model).
    :param log: numeric features taken as ``log1p`` (counts, amounts).
    :return: JSON-serialisable dict: ``kind`` ('logistic' or 'not_enough_history'),
        ``reason`` (why not, else ''), ``n``, ``wins``, ``base_rate``, ``categorical``,
        ``numeric``, ``levels``, ``means``, ``stds``, ``coef`` ({feature: {level: w}}
        for categories, {feature: w} for numbers), ``offsets``, ``intercept``,
        ``metrics`` (training ``auc``, ``brier``, ``log_loss``).
    """
    categorical, numeric = list(categorical), list(numeric)
    missing = [f for f in categorical + numeric + [target] if f not in frame.columns]
    if missing:
        raise ValueError('win model: missing column(s) %s' % ', '.join(missing))
    y = frame[target].fillna(False).astype(bool).to_numpy()
    n, wins = int(len(y)), int(y.sum())
    model = {
        'kind': LOGISTIC, 'reason': '', 'n': n, 'wins': wins,
        'base_rate': float(wins / n) if n else None,
        'categorical': categorical, 'numeric': numeric, 'log': [f for f in log if f in numeric],
        'c': float(c),
        'levels': {}, 'means': {}, 'stds': {}, 'metrics': {},
    }
    if n == 0:
        return _not_enough(model, 'no closed opportunities')
    if n < min_rows:
        return _not_enough(model, 'only %d closed opportunities (at least %d needed)' % (n, min_rows))
    if min(wins, n - wins) < min_class_rows:
        return _not_enough(model, '%d won and %d lost: at least %d of each needed'
                           % (wins, n - wins, min_class_rows))
    for feature in categorical:
        counts = _levels(frame[feature]).value_counts()
        frequent = counts[counts >= min_level_rows].index[:max_levels]
        model['levels'][feature] = sorted(frequent) + ([OTHER] if len(frequent) < len(counts) else [])
    for feature in numeric:
        values = _numeric(frame, feature, model)
        mean = values.mean()
        mean = 0.0 if math.isnan(mean) else float(mean)
        std = float(values.fillna(mean).std(ddof=0))
        # (almost) constant: z stays ~0 instead of blowing tiny differences up
        model['means'][feature], model['stds'][feature] = mean, (std if std > 1e-3 else 1.0)
    matrix, columns = _design(frame, model)
    if not columns:
        return _not_enough(model, 'no features')

    from sklearn.linear_model import LogisticRegression  # training only: predict needs numpy alone
    estimator = LogisticRegression(C=c, solver='lbfgs', max_iter=2000)
    estimator.fit(matrix, y)
    weights = estimator.coef_[0]
    coef = {feature: {} for feature in categorical}
    offsets = {}
    for (feature, level), weight in zip(columns, weights):
        if level is None:
            coef[feature] = float(weight)
        else:
            coef[feature][level] = float(weight)
    # centre each categorical feature on the average training lead (see module docstring)
    intercept = float(estimator.intercept_[0])
    for feature in categorical:
        block = [j for j, (f, _level) in enumerate(columns) if f == feature]
        offsets[feature] = float(matrix[:, block].mean(axis=0) @ weights[block])
    model.update(coef=coef, offsets=offsets, intercept=intercept)
    model['metrics'] = evaluate(y, estimator.predict_proba(matrix)[:, 1])
    return model


def predict(model, frame, top=3):
    """Win probability and top factors of each row of ``frame``.

    :return: DataFrame indexed like ``frame``: ``probability`` (float in [0, 1], NaN
        when the model is ``not_enough_history``) and ``factors``: up to ``top``
        ``(feature, value, contribution)`` sorted by ``|contribution|`` (log-odds,
        positive = pushes towards winning); zero contributions are left out.
    """
    if model['kind'] != LOGISTIC or not len(frame):
        return pd.DataFrame({'probability': np.full(len(frame), np.nan),
                             'factors': [[] for _ in range(len(frame))]}, index=frame.index)
    matrix, columns = _design(frame, model)
    features = model['categorical'] + model['numeric']
    contributions = np.zeros((len(frame), len(features)))
    values = []
    for index, feature in enumerate(features):
        block = [j for j, (f, _level) in enumerate(columns) if f == feature]
        if feature in model['categorical']:
            weights = np.array([model['coef'][feature][columns[j][1]] for j in block])
            contributions[:, index] = matrix[:, block] @ weights - model['offsets'][feature]
            raw = frame[feature] if feature in frame else pd.Series(None, index=frame.index)
            values.append(raw.astype(object).where(raw.notna(), None).tolist())
        else:
            contributions[:, index] = matrix[:, block[0]] * model['coef'][feature]
            raw = pd.to_numeric(frame[feature], errors='coerce') if feature in frame \
                else pd.Series(np.nan, index=frame.index)
            values.append([None if math.isnan(v) else float(v) for v in raw.astype(float)])
    logit = model['intercept'] + sum(model['offsets'].values()) + contributions.sum(axis=1)
    probability = 1.0 / (1.0 + np.exp(-np.clip(logit, -35, 35)))
    order = np.argsort(-np.abs(contributions), axis=1, kind='stable')[:, :top]
    factors = [
        [(features[j], values[j][i], float(contributions[i, j])) for j in ranked
         if abs(contributions[i, j]) > 1e-9]
        for i, ranked in enumerate(order)
    ]
    return pd.DataFrame({'probability': probability, 'factors': factors}, index=frame.index)


def auc(y_true, score):
    """ROC AUC, None when one class is missing."""
    y_true = np.asarray(y_true, dtype=bool)
    if y_true.all() or not y_true.any():
        return None
    from sklearn.metrics import roc_auc_score
    return float(roc_auc_score(y_true, np.asarray(score, dtype=float)))


def reliability(y_true, probability, bins=10):
    """Calibration table by decile of predicted probability.

    :return: DataFrame with ``bin`` (1..bins), ``n``, ``predicted`` (mean
        probability) and ``observed`` (win rate); equal-count bins, ties kept together.
    """
    frame = pd.DataFrame({'y': np.asarray(y_true, dtype=float),
                          'p': np.asarray(probability, dtype=float)}).dropna()
    if frame.empty:
        return pd.DataFrame(columns=['bin', 'n', 'predicted', 'observed'])
    ranks = frame['p'].rank(method='average', pct=True)
    frame['bin'] = np.minimum(np.ceil(ranks * bins), bins).astype(int).clip(lower=1)
    table = frame.groupby('bin').agg(n=('y', 'size'), predicted=('p', 'mean'), observed=('y', 'mean'))
    return table.reset_index()


def evaluate(y_true, probability):
    """AUC, Brier score, log loss and expected calibration error (by decile)."""
    y = np.asarray(y_true, dtype=float)
    p = np.clip(np.asarray(probability, dtype=float), 1e-12, 1 - 1e-12)
    if not len(y):
        return {'n': 0, 'auc': None, 'brier': None, 'log_loss': None, 'ece': None}
    table = reliability(y, p)
    ece = float((table['n'] * (table['predicted'] - table['observed']).abs()).sum() / len(y))
    return {
        'n': int(len(y)), 'auc': auc(y, p),
        'brier': float(np.mean((p - y) ** 2)),
        'log_loss': float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))),
        'ece': ece,
    }


#: upper bounds of the expected revenue bands (a categorical feature: the effect is rarely linear)
REVENUE_BANDS = (10000.0, 50000.0, 200000.0, 1000000.0)


def _short(amount):
    for divisor, suffix in ((1e6, 'M'), (1e3, 'k')):
        if amount >= divisor:
            return '%g%s' % (amount / divisor, suffix)
    return '%g' % amount


def revenue_band(amounts, edges=REVENUE_BANDS):
    """Band label of each amount ('0-10k', '10k-50k', ..., '1M+'); None when missing or <= 0."""
    amounts = pd.to_numeric(pd.Series(amounts), errors='coerce').astype(float)
    bounds = [0.0] + list(edges)
    labels = ['%s-%s' % (_short(low), _short(high)) for low, high in zip(bounds, bounds[1:])] \
        + ['%s+' % _short(edges[-1])]
    index = np.searchsorted(np.asarray(edges), amounts.fillna(0.0).to_numpy(), side='right')
    result = [labels[i] for i in index]
    return pd.Series([label if amount > 0 else None for label, amount in zip(result, amounts.fillna(0.0))],
                     index=amounts.index, dtype=object)
