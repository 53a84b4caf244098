# -*- coding: utf-8 -*-
"""Opportunity evaluation 销售机会评估: a transparent rule score and a learned win
probability, both with the factors that explain them.

Rule score (:func:`rule_score`): each criterion turns one field of the lead into a
fraction in [0, 1] and the score is ``100 * sum(weight * fraction) / sum(weight)``.
Kinds:

* ``boolean`` — truthy value → 1, else 0 (BANT: budget 预算, authority 决策权,
  need 需求, timing 时间);
* ``range`` — linear from ``low`` (0) to ``high`` (1), clipped; with
  ``higher_is_better: False`` the scale is inverted (``stage_age_days``: a deal
  that has been sitting in its stage for long is worth less). ``low == high`` is a
  step at that value. A missing value scores 0 whatever the direction;
* ``choice`` — ``values`` maps a field value to its fraction, anything else gets
  ``default`` (0).

Win model (:func:`fit_win_model`): L2-regularised logistic regression on
standardised features, fitted by Newton's method (IRLS) with step halving — no
randomness, so the same data always gives the same model. The model is a plain
dict of floats (JSON-serialisable, to be stored on a record) and carries its
training metrics (AUC, log loss, Brier score, accuracy).
With fewer than ``min_rows`` rows or only one class there is nothing to learn:
the model predicts the smoothed base rate ``(wins + 1) / (n + 2)`` (0.5 without
data) for every lead, all coefficients are 0 and ``top_factors`` are empty.
"""
import math

import numpy as np
import pandas as pd

KINDS = ('boolean', 'range', 'choice')


def _missing(value):
    return value is None or value is False or (isinstance(value, float) and math.isnan(value))


def _fraction(lead, criterion):
    kind, code = criterion.get('kind'), criterion['code']
    value = lead.get(code)
    if kind == 'boolean':
        return 1.0 if value and not _missing(value) else 0.0
    if kind == 'range':
        if _missing(value):
            return 0.0
        low, high = float(criterion['low']), float(criterion['high'])
        value = float(value)
        if high == low:
            fraction = 1.0 if value >= high else 0.0
        else:
            fraction = min(max((value - low) / (high - low), 0.0), 1.0)
        return fraction if criterion.get('higher_is_better', True) else 1.0 - fraction
    if kind == 'choice':
        values = criterion.get('values') or {}
        fraction = values.get(value, criterion.get('default', 0.0)) if not _missing(value) \
            else criterion.get('default', 0.0)
        return min(max(float(fraction), 0.0), 1.0)
    raise ValueError('criterion %r: kind must be one of %s, got %r' % (code, KINDS, kind))


def rule_score(lead, criteria):
    """Weighted rule score of one lead.

    :param lead: mapping field code → value (a dict read from the lead).
    :param criteria: list of ``{'code', 'weight', 'kind', ...}`` (weight defaults
        to 1; negative weights are refused).
    :return: ``(score, factors)``: score in [0, 100]; factors is a list of
        ``(code, points)`` whose points add up to the score, largest first (ties in
        criteria order). Without any positive weight the score is 0.
    """
    weights = []
    for criterion in criteria:
        weight = float(criterion.get('weight', 1.0))
        if weight < 0 or math.isnan(weight):
            raise ValueError('criterion %r: weight must be >= 0' % criterion.get('code'))
        weights.append(weight)
    total = sum(weights)
    factors = []
    for criterion, weight in zip(criteria, weights):
        fraction = _fraction(lead, criterion)
        factors.append((criterion['code'], 100.0 * weight * fraction / total if total else 0.0))
    score = min(max(sum(points for _code, points in factors), 0.0), 100.0)
    factors.sort(key=lambda factor: -factor[1])  # stable: ties keep criteria order
    return score, factors


def _sigmoid(z):
    # Split by sign so that exp never overflows.
    out = np.empty_like(z, dtype=float)
    positive = z >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-z[positive]))
    exp = np.exp(z[~positive])
    out[~positive] = exp / (1.0 + exp)
    return out


def auc(y_true, score):
    """Area under the ROC curve (Mann-Whitney U with average ranks for ties).

    None when one class is missing (AUC undefined).
    """
    y_true = np.asarray(y_true, dtype=bool)
    positives, negatives = int(y_true.sum()), int((~y_true).sum())
    if not positives or not negatives:
        return None
    ranks = pd.Series(np.asarray(score, dtype=float)).rank(method='average').to_numpy()
    u = ranks[y_true].sum() - positives * (positives + 1) / 2.0
    return float(u / (positives * negatives))


def _metrics(y, probability):
    clipped = np.clip(probability, 1e-12, 1 - 1e-12)
    return {
        'n': int(len(y)),
        'positives': int(y.sum()),
        'auc': auc(y, probability),
        'log_loss': float(-np.mean(y * np.log(clipped) + (1 - y) * np.log(1 - clipped)))
        if len(y) else None,
        'brier': float(np.mean((probability - y) ** 2)) if len(y) else None,
        'accuracy': float(np.mean((probability >= 0.5) == (y == 1))) if len(y) else None,
    }


def _matrix(frame, features, means):
    """Feature matrix as floats, missing values replaced by the training mean."""
    columns = []
    for feature in features:
        column = pd.to_numeric(frame[feature], errors='coerce').astype(float)
        columns.append(column.fillna(means[feature]).to_numpy())
    return np.column_stack(columns) if columns else np.empty((len(frame), 0))


def fit_win_model(frame, features, target='won', l2=1.0, min_rows=20, max_iter=100):
    """Fit a win-probability model on closed opportunities.

    :param frame: one row per closed opportunity; ``features`` numeric columns
        (booleans are fine, missing values get the column mean) and ``target``
        (truthy = won).
    :param l2: penalty ``l2/2 * |w|^2`` on the standardised coefficients (not on the
        intercept), added to the summed log loss.
    :return: dict with ``kind`` ('logistic' or 'base_rate'), ``features``,
        ``coef``/``means``/``stds`` (dicts by feature), ``intercept``,
        ``base_rate``, ``l2``, ``iterations``, ``converged`` and ``metrics``
        (training-set ``n``, ``positives``, ``auc``, ``log_loss``, ``brier``,
        ``accuracy``).
    """
    features = list(features)
    won = frame[target]
    y = (won.notna() & won.astype(bool)).to_numpy(dtype=float)
    n, wins = len(y), float(y.sum())
    base_rate = (wins + 1.0) / (n + 2.0)
    means = {f: float(pd.to_numeric(frame[f], errors='coerce').astype(float).mean())
             if n else 0.0 for f in features}
    means = {f: (0.0 if math.isnan(m) else m) for f, m in means.items()}
    x = _matrix(frame, features, means)
    stds = x.std(axis=0) if n else np.ones(len(features))
    stds = np.where(stds > 0, stds, 1.0)  # constant feature: z = 0, coefficient 0
    model = {
        'kind': 'base_rate', 'features': features, 'l2': float(l2),
        'coef': {f: 0.0 for f in features}, 'means': means,
        'stds': {f: float(s) for f, s in zip(features, stds)},
        'intercept': float(math.log(base_rate / (1.0 - base_rate))),
        'base_rate': float(base_rate), 'iterations': 0, 'converged': True,
    }
    if n < min_rows or wins in (0.0, n) or not features:
        model['metrics'] = _metrics(y, np.full(n, base_rate))
        return model

    z = np.column_stack([np.ones(n), (x - np.array([means[f] for f in features])) / stds])
    penalty = np.full(z.shape[1], float(l2))
    penalty[0] = 1e-8  # intercept practically free, but keeps the Hessian invertible

    def objective(w):
        p = np.clip(_sigmoid(z @ w), 1e-15, 1 - 1e-15)
        return -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)) + 0.5 * np.sum(penalty * w * w)

    w = np.zeros(z.shape[1])
    w[0] = math.log(base_rate / (1.0 - base_rate))
    current, converged, iteration = objective(w), False, 0
    for iteration in range(1, max_iter + 1):
        p = _sigmoid(z @ w)
        gradient = z.T @ (p - y) + penalty * w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        scale = 1.0
        while scale > 1e-6:  # step halving: never increase the objective
            candidate = w - scale * step
            value = objective(candidate)
            if value <= current + 1e-12:
                break
            scale /= 2.0
        else:
            converged = True
            break
        w, improvement, current = candidate, current - value, value
        if np.max(np.abs(scale * step)) < 1e-8 or improvement < 1e-10 * max(1.0, abs(current)):
            converged = True
            break

    model.update({
        'kind': 'logistic', 'intercept': float(w[0]),
        'coef': {f: float(c) for f, c in zip(features, w[1:])},
        'iterations': iteration, 'converged': converged,
    })
    model['metrics'] = _metrics(y, _sigmoid(z @ w))
    return model


def predict_win(model, frame, top=3):
    """Win probability of each row of ``frame`` and what drives it.

    :return: DataFrame indexed like ``frame`` with ``probability`` in [0, 1] and
        ``top_factors``: list of up to ``top`` ``(feature, contribution)`` with the
        largest ``|coef * z|`` — contributions in log-odds, positive = pushes
        towards winning; zero contributions are left out. Missing feature values
        count as the training mean (contribution 0).
    """
    features = model['features']
    if not len(frame):
        return pd.DataFrame({'probability': pd.Series(dtype=float),
                             'top_factors': pd.Series(dtype=object)}, index=frame.index)
    coef = np.array([model['coef'][f] for f in features], dtype=float)
    x = _matrix(frame, features, model['means'])
    stds = np.array([model['stds'][f] for f in features], dtype=float)
    means = np.array([model['means'][f] for f in features], dtype=float)
    contributions = (x - means) / stds * coef
    probability = _sigmoid(model['intercept'] + contributions.sum(axis=1))
    # Stable sort of -|c|: ties keep the feature order, so explanations are reproducible.
    order = np.argsort(-np.abs(contributions), axis=1, kind='stable')[:, :top]
    factors = [
        [(features[j], float(row[j])) for j in ranked if row[j] != 0.0]
        for row, ranked in zip(contributions, order)
    ]
    return pd.DataFrame({'probability': probability, 'top_factors': factors}, index=frame.index)
