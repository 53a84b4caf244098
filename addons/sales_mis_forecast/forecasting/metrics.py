"""Point-forecast accuracy metrics: MAPE, sMAPE, MASE (and RMSSE).

Pure numpy functions of arrays; they never raise on degenerate input:

* pairs where the actual or the forecast is NaN are ignored;
* a metric that is undefined for the data (MAPE with all actuals zero, MASE with a
  constant training history) is NaN, never an infinity.

Percentages are on the 0-100 scale for MAPE and the 0-200 scale for sMAPE, the
convention of the M competitions.
"""
import numpy as np

__all__ = ['mape', 'smape', 'mase', 'rmsse', 'mase_scale']


def _pairs(y_true, y_pred):
    """Float arrays of the actual/forecast pairs where both are finite."""
    y_true = np.asarray(y_true, dtype=float).ravel()
    y_pred = np.asarray(y_pred, dtype=float).ravel()
    if y_true.shape != y_pred.shape:
        raise ValueError('y_true and y_pred differ in length: %d != %d' % (y_true.size, y_pred.size))
    keep = np.isfinite(y_true) & np.isfinite(y_pred)
    return y_true[keep], y_pred[keep]


def _finite(value):
    """The value, or NaN when it overflowed (say a denormal actual in a denominator)."""
    value = float(value)
    return value if np.isfinite(value) else float('nan')


def mape(y_true, y_pred):
    """Mean absolute percentage error, in %, over the periods whose actual is not zero."""
    y_true, y_pred = _pairs(y_true, y_pred)
    nonzero = y_true != 0
    if not nonzero.any():
        return float('nan')
    with np.errstate(over='ignore', divide='ignore', invalid='ignore'):
        return _finite(100.0 * np.mean(np.abs((y_true[nonzero] - y_pred[nonzero]) / y_true[nonzero])))


def smape(y_true, y_pred):
    """Symmetric MAPE, in % (0-200): 200 |y - f| / (|y| + |f|); a period where both are 0 counts 0."""
    y_true, y_pred = _pairs(y_true, y_pred)
    if not y_true.size:
        return float('nan')
    denominator = np.abs(y_true) + np.abs(y_pred)
    # 0/0 means a perfect forecast of an empty period, not an undefined one
    with np.errstate(over='ignore', invalid='ignore'):
        ratio = np.divide(np.abs(y_true - y_pred), denominator, out=np.zeros_like(denominator),
                          where=denominator > 0)
        return _finite(200.0 * np.mean(ratio))


def mase_scale(y_train, season_length=1, power=1):
    """In-sample mean |seasonal difference| ** power of the training history.

    Uses the seasonal naive differences when the history is longer than a season, else
    the one-step naive ones (so short series still get a scale).  NaN if it is 0 or
    cannot be computed (fewer than two finite points)."""
    y_train = np.asarray(y_train, dtype=float).ravel()
    lag = season_length if season_length and y_train.size > season_length else 1
    if y_train.size <= lag:
        return float('nan')
    with np.errstate(over='ignore', invalid='ignore'):
        diffs = np.abs(y_train[lag:] - y_train[:-lag]) ** power
    diffs = diffs[np.isfinite(diffs)]
    if not diffs.size:
        return float('nan')
    scale = float(np.mean(diffs))
    return scale if scale > 0 else float('nan')


def mase(y_true, y_pred, y_train, season_length=1):
    """Mean absolute scaled error: MAE over the in-sample MAE of the seasonal naive forecast
    (Hyndman & Koehler 2006).  NaN when the training history is constant."""
    y_true, y_pred = _pairs(y_true, y_pred)
    scale = mase_scale(y_train, season_length)
    if not y_true.size or not np.isfinite(scale):
        return float('nan')
    with np.errstate(over='ignore', divide='ignore', invalid='ignore'):
        return _finite(np.mean(np.abs(y_true - y_pred)) / scale)


def rmsse(y_true, y_pred, y_train, season_length=1):
    """Root mean squared scaled error (the M5 measure); unlike MASE it does not reward a
    zero forecast of intermittent demand, so it ranks models on such series."""
    y_true, y_pred = _pairs(y_true, y_pred)
    scale = mase_scale(y_train, season_length, power=2)
    if not y_true.size or not np.isfinite(scale):
        return float('nan')
    with np.errstate(over='ignore', divide='ignore', invalid='ignore'):
        return _finite(np.sqrt(np.mean((y_true - y_pred) ** 2) / scale))
