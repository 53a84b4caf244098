# -*- coding: utf-8 -*-
"""Customer value and churn 价值/变动/问题客户: RFM scores from order history and
flags for customers whose revenue is falling away.

RFM (:func:`rfm_scores`), from orders up to ``as_of`` (later ones are ignored):

* recency_days — days from the last *sale* (amount > 0) to ``as_of``;
* frequency — number of sales (refunds, amount < 0, are not purchases);
* monetary — net amount, refunds included.

Each measure is scored 1..``quantiles`` (5 = best; for recency, fewest days) by
its percentile rank among the customers: ``ceil(rank / n * quantiles)`` with
average ranks, so equal values always get equal scores and a handful of
customers still spreads over the scale (5 customers → 1, 2, 3, 4, 5; one
customer → 5). A customer with refunds only in the period has no recency and
frequency 0 and gets r = f = 1. ``rfm`` is the three digits as text ('545'),
ready for segment tables.

Churn (:func:`churn_flags`) compares the revenue of the last ``window`` months
(``recent``) with a comparable earlier period (``base``): the ``window`` months
just before (``compare='previous'``), or the same months one year earlier
(``compare='year'``, for seasonal trades around the Spring Festival 春节). Months
without a row count as 0. A customer is flagged when ``base >= min_base``,
``base > 0`` and ``change = recent / base - 1 < -drop_threshold``. ``min_base``
(default 0) is in currency and keeps small customers from being flagged over a
few hundred yuan; ``change`` is NaN when ``base <= 0`` (new or dormant customer).
"""
import numpy as np
import pandas as pd

RFM_COLUMNS = ('partner_id', 'recency_days', 'frequency', 'monetary', 'r', 'f', 'm', 'rfm')
CHURN_COLUMNS = ('partner_id', 'base', 'recent', 'change', 'flagged')


def quantile_scores(values, quantiles=5, higher_is_better=True):
    """Scores 1..quantiles by percentile rank; ties share a score, NaN scores 1."""
    values = pd.Series(values, dtype=float)
    ranks = values.rank(method='average', ascending=higher_is_better)
    count = values.notna().sum()
    if not count:
        return pd.Series(1, index=values.index, dtype=int)
    # The small epsilon keeps exact multiples (rank/n = k/q) on the lower score.
    scores = np.ceil(ranks / count * quantiles - 1e-9).clip(1, quantiles)
    return scores.fillna(1).astype(int)


def rfm_scores(orders, as_of, quantiles=5):
    """One row per customer with recency, frequency, monetary and their scores.

    :param orders: DataFrame with ``partner_id``, ``date`` and ``amount``.
    :param as_of: reference date (anything ``pd.Timestamp`` accepts).
    :return: DataFrame with :data:`RFM_COLUMNS`, sorted by ``partner_id``.
    """
    as_of = pd.Timestamp(as_of).normalize()
    dates = pd.to_datetime(orders['date']).dt.normalize()
    data = pd.DataFrame({'partner_id': orders['partner_id'].to_numpy(),
                         'date': dates.to_numpy(),
                         'amount': pd.to_numeric(orders['amount']).astype(float).to_numpy()})
    data = data[data['date'] <= as_of]
    if data.empty:
        return pd.DataFrame({column: pd.Series(dtype=float if column in ('recency_days', 'monetary')
                                               else object if column == 'rfm' else int)
                             for column in RFM_COLUMNS})
    sales = data[data['amount'] > 0]
    grouped = data.groupby('partner_id', sort=True)
    table = pd.DataFrame({'monetary': grouped['amount'].sum()})
    table['frequency'] = sales.groupby('partner_id').size().reindex(table.index, fill_value=0)
    last_sale = sales.groupby('partner_id')['date'].max().reindex(table.index)
    table['recency_days'] = (as_of - last_sale).dt.days.astype(float)
    table['r'] = quantile_scores(table['recency_days'], quantiles, higher_is_better=False)
    table['f'] = quantile_scores(table['frequency'].where(table['frequency'] > 0), quantiles)
    table['m'] = quantile_scores(table['monetary'], quantiles)
    table['rfm'] = table['r'].astype(str) + table['f'].astype(str) + table['m'].astype(str)
    table['frequency'] = table['frequency'].astype(int)
    return table.reset_index()[list(RFM_COLUMNS)]


def _months(column):
    """Monthly periods of a column of Periods, dates or 'YYYY-MM' strings."""
    if isinstance(column.dtype, pd.PeriodDtype):
        return pd.PeriodIndex(column).asfreq('M')
    if pd.api.types.is_datetime64_any_dtype(column):
        return pd.PeriodIndex(column.dt.to_period('M'))
    # date objects and 'YYYY-MM' / 'YYYY-MM-DD' strings, possibly mixed
    return pd.PeriodIndex(pd.to_datetime(column.astype(str), format='mixed').dt.to_period('M'))


def churn_flags(monthly, drop_threshold=0.5, window=3, min_base=0.0, last_month=None,
                compare='previous'):
    """Customers whose recent monthly revenue fell sharply.

    :param monthly: DataFrame with ``partner_id``, ``month`` (date, 'YYYY-MM' or
        Period) and ``amount``; several rows per month are summed.
    :param last_month: last month of the recent window; default the latest month
        in ``monthly``.
    :param compare: ``'previous'`` (the ``window`` months before) or ``'year'``
        (the same months a year earlier).
    :return: DataFrame with :data:`CHURN_COLUMNS`, one row per customer of
        ``monthly``, sorted by ``partner_id``.
    """
    if window < 1:
        raise ValueError('window must be >= 1')
    if compare not in ('previous', 'year'):
        raise ValueError("compare must be 'previous' or 'year', got %r" % (compare,))
    if monthly.empty:
        return pd.DataFrame({'partner_id': pd.Series(dtype=object), 'base': pd.Series(dtype=float),
                             'recent': pd.Series(dtype=float), 'change': pd.Series(dtype=float),
                             'flagged': pd.Series(dtype=bool)})
    if compare == 'year' and window > 12:
        raise ValueError("compare='year' needs window <= 12")
    months = _months(monthly['month'])
    last = pd.Period(last_month, freq='M') if last_month is not None else months.max()
    # Month offsets counted back from ``last``: 0 is the last month itself.
    back = last.ordinal - months.asi8
    shift = window if compare == 'previous' else 12
    amount = pd.to_numeric(monthly['amount']).astype(float).to_numpy()
    partner = monthly['partner_id'].to_numpy()
    in_recent = (back >= 0) & (back < window)
    in_base = (back >= shift) & (back < shift + window)
    table = pd.DataFrame({
        'partner_id': partner,
        'base': np.where(in_base, amount, 0.0),
        'recent': np.where(in_recent, amount, 0.0),
    }).groupby('partner_id', sort=True).sum().reset_index()
    usable = table['base'] > 0
    table['change'] = (table['recent'] / table['base'].where(usable)) - 1.0
    table['flagged'] = (usable & (table['base'] >= min_base)
                        & (table['change'] < -drop_threshold)).astype(bool)
    return table[list(CHURN_COLUMNS)]
