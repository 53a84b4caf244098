"""Long data frame -> regular panel of series (one float array per series).

The caller gives ``unique_id``, ``ds`` (period start dates) and ``y`` in long format,
possibly with gaps, duplicates, NaN and text.  An infinite ``y`` (a figure beyond the
float range, about 1.8e308) is refused with a ValueError naming its series and row:
filled as "nothing sold" it would come back as a forecast of zero.  ``to_panel`` turns it into
a `Panel`: series in a fixed order, each a gap-free float array on the period grid
from its first observed period to its last (or to ``end``), plus the integer period
ordinal of its first point.  All of it is vectorised over the whole frame.

Missing periods and NaN values are filled here:

* ``fill='zero'`` (the default) reads them as "nothing sold", which is what a missing
  month means in a sales history aggregated from order lines;
* ``fill='interpolate'`` reads them as unknown: linear interpolation between the
  neighbours, carried flat past the last known value.

Rows whose ``ds`` cannot be read as a date, and rows without a ``unique_id``, cannot be
placed on any series and are dropped.  A series whose values are all NaN keeps its
dates and becomes all zeros.
"""
import collections

import numpy as np
import pandas as pd

__all__ = ['Panel', 'to_panel', 'future_dates', 'period_freq']

# pandas Period frequency of each supported ``freq`` alias (periods are named by start date)
_PERIOD_FREQ = {
    'MS': 'M', 'M': 'M', 'ME': 'M',
    'QS': 'Q', 'Q': 'Q', 'QE': 'Q', 'QS-JAN': 'Q',
    'YS': 'Y', 'AS': 'Y', 'Y': 'Y', 'A': 'Y', 'YE': 'Y', 'YS-JAN': 'Y',
    'W': 'W', 'W-MON': 'W', 'D': 'D',
}

Panel = collections.namedtuple('Panel', 'uids first values offsets freq')
Panel.__doc__ = """Series laid end to end.

uids: object array of the series ids, in output order (sorted when sortable);
first: int64 period ordinal of each series' first value;
values: float64 array of all series' values, one series after another;
offsets: int64 array of len(uids) + 1: series i is values[offsets[i]:offsets[i + 1]];
freq: the pandas Period frequency."""


def period_freq(freq):
    """The pandas Period frequency for a ``freq`` alias such as 'MS'."""
    try:
        return _PERIOD_FREQ[str(freq).upper()]
    except KeyError:
        raise ValueError('unsupported freq %r: use one of %s' % (freq, ', '.join(sorted(_PERIOD_FREQ))))


def _empty(pfreq):
    return Panel(np.array([], dtype=object), np.array([], dtype=np.int64), np.array([], dtype=float),
                 np.zeros(1, dtype=np.int64), pfreq)


def to_panel(df, freq='MS', fill='zero', end=None):
    """Regular panel of the long frame ``df`` (columns unique_id, ds, y)."""
    missing = {'unique_id', 'ds', 'y'} - set(df.columns)
    if missing:
        raise ValueError('df lacks column(s) %s' % ', '.join(sorted(missing)))
    if fill not in ('zero', 'interpolate'):
        raise ValueError("fill must be 'zero' or 'interpolate', not %r" % (fill,))
    pfreq = period_freq(freq)
    if not len(df):
        return _empty(pfreq)

    uid = df['unique_id'].to_numpy()
    ds = pd.to_datetime(df['ds'], errors='coerce')
    if getattr(ds.dt, 'tz', None) is not None:
        ds = ds.dt.tz_localize(None)
    y = pd.to_numeric(df['y'], errors='coerce').to_numpy(dtype=float)
    infinite = np.flatnonzero(np.isinf(y))
    if infinite.size:
        raise ValueError('y is beyond the float range (about 1.8e308) in %d row(s), the first in series %r '
                         '(row %d): scale the figures down' % (infinite.size, uid[infinite[0]], infinite[0] + 1))
    keep = ds.notna().to_numpy() & ~pd.isna(uid)
    if not keep.all():
        uid, ds, y = uid[keep], ds[keep], y[keep]
    if not len(y):
        return _empty(pfreq)
    ordinal = ds.dt.to_period(pfreq).array.asi8

    # series order: sorted ids when they compare, else order of first appearance
    try:
        codes, uids = pd.factorize(uid, sort=True)
    except TypeError:
        codes, uids = pd.factorize(uid, sort=False)
    uids = np.asarray(uids, dtype=object)

    # duplicates of a (series, period) are summed: two order lines of one month add up
    frame = pd.DataFrame({'c': codes, 'o': ordinal, 'y': y})
    summed = frame.groupby(['c', 'o'], sort=True)['y'].sum(min_count=1)
    c = summed.index.get_level_values(0).to_numpy()
    o = summed.index.get_level_values(1).to_numpy()
    v = summed.to_numpy(dtype=float)

    # a series starts at its first non-NaN value: leading NaN rows carry no history
    starts_at = np.where(np.isnan(v), np.iinfo(np.int64).max, o)
    first = pd.Series(starts_at).groupby(c).min().reindex(np.arange(len(uids))).to_numpy()
    last = pd.Series(o).groupby(c).max().reindex(np.arange(len(uids))).to_numpy()
    all_nan = first == np.iinfo(np.int64).max
    first = np.where(all_nan, pd.Series(o).groupby(c).min().reindex(np.arange(len(uids))).to_numpy(), first)
    if end is not None:
        end_ordinal = pd.Period(pd.Timestamp(end), freq=pfreq).ordinal
        last = np.maximum(last, end_ordinal)
    first = first.astype(np.int64)
    last = np.maximum(last.astype(np.int64), first)

    lengths = last - first + 1
    offsets = np.zeros(len(uids) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    values = np.full(offsets[-1], np.nan)
    inside = o >= first[c]
    values[offsets[c[inside]] + (o[inside] - first[c[inside]])] = v[inside]
    values[np.repeat(all_nan, lengths)] = 0.0

    if fill == 'zero':
        values[np.isnan(values)] = 0.0
    else:
        values = _interpolate(values, offsets)
    return Panel(uids, first, values, offsets, pfreq)


def _interpolate(values, offsets):
    """Linear interpolation inside each series, flat after its last known value."""
    gaps = np.flatnonzero(np.isnan(values))
    if not gaps.size:
        return values
    values = values.copy()
    for i in np.unique(np.searchsorted(offsets, gaps, side='right') - 1):
        segment = values[offsets[i]:offsets[i + 1]]
        known = np.flatnonzero(~np.isnan(segment))
        if not known.size:
            segment[:] = 0.0
        else:
            segment[:] = np.interp(np.arange(segment.size), known, segment[known])
    return values


def future_dates(last_ordinal, horizon, pfreq):
    """Start timestamps of the ``horizon`` periods after each series' last period, series by series."""
    ordinals = (np.repeat(np.asarray(last_ordinal, dtype=np.int64), horizon)
                + np.tile(np.arange(1, horizon + 1, dtype=np.int64), len(last_ordinal)))
    return pd.PeriodIndex.from_ordinals(ordinals, freq=pfreq).to_timestamp(how='start')
