"""What kind of series this is, which decides the candidate models it gets.

* ``zero``: nothing but zeros (no sales yet, or a history that was all NaN);
* ``constant``: one repeated value;
* ``intermittent``: many periods without demand.  The Syntetos-Boylan rule: the
  average demand interval (periods per non-zero period) is at least 1.32, i.e. at
  least about a quarter of the periods are zero;
* ``short``: fewer than two seasons plus two points, too short to estimate a seasonal
  pattern (it may still be used by a seasonal naive forecast);
* ``regular``: everything else.
"""
import numpy as np

__all__ = ['ZERO', 'CONSTANT', 'INTERMITTENT', 'SHORT', 'REGULAR', 'kind_of', 'ADI_CUTOFF']

ZERO, CONSTANT, INTERMITTENT, SHORT, REGULAR = 'zero', 'constant', 'intermittent', 'short', 'regular'
ADI_CUTOFF = 1.32


def kind_of(y, season_length):
    nonzero = np.count_nonzero(y)
    if not nonzero:
        return ZERO
    if np.all(y == y[0]):
        return CONSTANT
    if y.size >= 4 and y.size / nonzero >= ADI_CUTOFF:
        return INTERMITTENT
    if y.size < 2 * max(season_length, 1) + 2:
        return SHORT
    return REGULAR
