#!/usr/bin/python3
"""Golden data for tests/test_quantile.c: run with /usr/bin/python3 (NumPy 1.24) from
this directory.  Writes quantile.npys: a sequence of .npy records, each case a label
(an 'S' array) followed by NumPy's result, or by b"ERR:<Exception>:<message>".  The C
test performs the same cases in the same order.

NumPy 2.x semantics where 1.24 differs, computed here by NumPy 2's documented rules:
 - method='closest_observation' rounds to the nearest *odd* 0-based index at gamma == 0
   (NumPy 2 fixed 1.24's even choice): _closest_observation is replaced below;
 - weights= (NumPy 2 only; inverted_cdf): weighted_inverted_cdf() below is NumPy 2's
   algorithm (sort, cumulative weights normalised to 1, searchsorted left, clip);
 - a Python-number q is "weak" (2.x's weak_q: gamma becomes a Python float), so float32
   and float16 data keep their dtype: _lerp is wrapped to pass a one-element gamma as a
   Python float (and NumPy scalars as 0-d arrays; every golden case with a one-element q uses a Python number);
 - gamma keeps the dtype of the virtual indexes (2.x's _get_gamma), so a float32 q
   array gives float32 gammas;
 - complex input raises TypeError "a must be an array of real numbers";
 - an empty axis fails at arr[-1] on the interpolating path: IndexError "index -1 is
   out of bounds for axis 0 with size 0".
Inputs: mk(shape, dtype) = ((arange(n) * 7 + 3) % 11) (- 4 for signed types, * 1.25 - 4
for floats), cast to the dtype, reshaped; the C test builds the same."""
import os
import sys

import numpy as np
import numpy.lib.function_base as fb

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from npys import OUT, write  # noqa: E402
from npys import case as _case  # noqa: E402


def _closest_observation_np2(n, quantiles):
    gamma_fun = lambda gamma, index: (gamma == 0) & (np.floor(index) % 2 == 1)
    return fb._discret_interpolation_to_boundaries((n * quantiles) - 1 - 0.5, gamma_fun)


fb._closest_observation = _closest_observation_np2

_lerp_124 = fb._lerp


def _lerp_np2(a, b, t, out=None):
    """2.x's _lerp with a weak (Python float) gamma, for float data: every operation
    in the data's dtype, 1 - t in double (1.24 would promote 0-d float32 * Python float
    to float64)."""
    a, b = np.asarray(a), np.asarray(b)
    if np.size(t) != 1 or a.dtype.kind != "f" or out is not None:
        return _lerp_124(a, b, t, out)
    t = float(np.asarray(t).ravel()[0])
    k = a.dtype.type
    diff = b - a
    if t >= 0.5:
        r = b - diff * k(1.0 - t)
    else:
        r = a + diff * k(t)
    return r[()] if np.ndim(r) == 0 else r


fb._lerp = _lerp_np2
_get_gamma_124 = fb._get_gamma


def _get_gamma_np2(virtual_indexes, previous_indexes, method):
    return np.asanyarray(_get_gamma_124(virtual_indexes, previous_indexes, method),
                         dtype=np.asanyarray(virtual_indexes).dtype)


fb._get_gamma = _get_gamma_np2


def mk(shape, dt):
    n = int(np.prod(shape)) if len(shape) else 1
    v = ((np.arange(n, dtype=np.int64) * 7 + 3) % 11).astype(np.float64)
    k = np.dtype(dt).kind
    if k == "i":
        v = v - 4
    elif k == "f":
        v = v * 1.25 - 4
    elif k == "b":
        v = v % 2
    return v.astype(dt).reshape(shape)


def case(name, fn):
    _case(name, fn, pieces=())


METHODS = ["linear", "inverted_cdf", "averaged_inverted_cdf", "closest_observation",
           "interpolated_inverted_cdf", "hazen", "weibull", "median_unbiased",
           "normal_unbiased", "lower", "higher", "nearest", "midpoint"]
REAL = ["i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8"]
QS = [0.0, 0.1, 0.25, 0.5, 0.62, 0.9, 1.0]

for dt in REAL:
    a = mk((3, 5), dt)
    case("median " + dt, lambda: np.median(a))
    case("median0 " + dt, lambda: np.median(a, axis=0))
    case("median1k " + dt, lambda: np.median(a, axis=1, keepdims=True))
    case("median01 " + dt, lambda: np.median(a, axis=(0, 1)))
    case("medianT " + dt, lambda: np.median(a.T[::-1], axis=0))
    for m in METHODS:
        case("q03 %s %s" % (m, dt), lambda: np.quantile(a, 0.3, axis=1, method=m))
        case("qarr %s %s" % (m, dt), lambda: np.quantile(a, np.array(QS), axis=0, method=m))
        case("p %s %s" % (m, dt), lambda: np.percentile(a[:, ::-2], 37.5, method=m, keepdims=True))
    case("qf32 " + dt, lambda: np.quantile(a, np.array([0.2, 0.7], dtype=np.float32), axis=1))

# booleans: the discrete methods and median work, interpolation does not
b = mk((2, 5), "b1")
case("median b1", lambda: np.median(b, axis=1))
case("lower b1", lambda: np.quantile(b, 0.5, axis=1, method="lower"))
case("linear b1", lambda: np.quantile(b, 0.5))

# int8 wraps in b - a, as NumPy
case("int8 wrap", lambda: np.percentile(np.array([-100, 100], dtype=np.int8), 50))
case("int8 wrap q", lambda: np.quantile(np.array([-100, 100, 90], dtype=np.int8), [0.25, 0.75]))

# NaNs
for dt in ["f2", "f4", "f8"]:
    x = mk((4, 6), dt)
    x[1, 2] = np.nan
    x[3, :] = np.nan
    case("nan median " + dt, lambda: np.median(x, axis=1))
    case("nan median all " + dt, lambda: np.median(x))
    case("nan quantile " + dt, lambda: np.quantile(x, [0.2, 0.5], axis=1))
    case("nan lower " + dt, lambda: np.quantile(x, 0.5, axis=1, method="lower"))
    case("nanmedian " + dt, lambda: np.nanmedian(x, axis=1))
    case("nanmedian0 " + dt, lambda: np.nanmedian(x, axis=0))
    case("nanquantile " + dt, lambda: np.nanquantile(x, [0.2, 0.5], axis=1))
    case("nanpercentile " + dt, lambda: np.nanpercentile(x, 90, axis=1, method="nearest"))
    case("nanmedian flat " + dt, lambda: np.nanmedian(x))

# large lane: the selection paths
big = ((np.arange(10001, dtype=np.int64) * 7919) % 10007).astype(np.float64) / 7.0
case("big median", lambda: np.median(big))
case("big median even", lambda: np.median(big[1:]))
case("big q", lambda: np.quantile(big, [0.001, 0.25, 0.5, 0.75, 0.999]))
case("big p", lambda: np.percentile(big[::-3], 12.5, method="hazen"))

# 0-d, one element, out of range, errors
case("median 0d", lambda: np.median(np.array(3.5)))
case("quantile 0d", lambda: np.quantile(np.array(2.0), 0.5))
case("quantile 1", lambda: np.quantile(np.array([4.0]), [0.0, 0.5, 1.0]))
case("q bad", lambda: np.quantile(mk((4,), "f8"), 1.5))
case("q bad arr", lambda: np.quantile(mk((4,), "f8"), [0.5, -0.1]))
case("p bad", lambda: np.percentile(mk((4,), "f8"), 101))
def np2_error(exc, msg):
    def f():
        raise exc(msg)
    return f


case("q complex", np2_error(TypeError, "a must be an array of real numbers"))
case("q empty", np2_error(IndexError, "index -1 is out of bounds for axis 0 with size 0"))
case("q empty lower int", lambda: np.quantile(np.zeros(0, dtype=np.int64), 0.5, method="lower"))
case("q axis", lambda: np.quantile(mk((2, 3), "f8"), 0.5, axis=2))
case("median empty axis", lambda: np.median(np.zeros((0, 3)), axis=1))
case("median complex", lambda: np.median(np.array([3 + 1j, 1 - 1j, 2, 2 + 5j])))
case("nanmedian empty", lambda: np.nanmedian(np.zeros((0, 3)), axis=0))


def weighted_inverted_cdf(a, q, w, axis):
    """NumPy 2's weighted quantile (method='inverted_cdf'), for one axis."""
    a = np.moveaxis(np.asarray(a), axis, -1)
    w = np.broadcast_to(np.moveaxis(np.asarray(w, dtype=float), axis, -1) if np.ndim(w) == a.ndim
                        else np.asarray(w, dtype=float), a.shape)
    q = np.asarray(q)
    out = np.empty(q.shape + a.shape[:-1], dtype=a.dtype)
    for ii in np.ndindex(a.shape[:-1]):
        v, ww = a[ii], w[ii]
        order = np.argsort(v, kind="stable")
        v, ww = v[order], ww[order]
        cdf = ww.cumsum(dtype=np.float64)
        cdf /= cdf[-1]
        if np.any(cdf[0] == 0):
            cdf[cdf == 0] = -1
        idx = np.minimum(np.searchsorted(cdf, q, side="left"), len(v) - 1)
        r = v[idx]
        if np.issubdtype(v.dtype, np.floating) and np.isnan(v[-1]):
            r = np.full(q.shape, np.nan, dtype=v.dtype) if q.ndim else v[-1]
        out[(...,) + ii] = r
    return out


wa = mk((3, 6), "f8")
ww = ((np.arange(18) * 5 + 1) % 7).reshape(3, 6).astype(float)
case("weighted", lambda: weighted_inverted_cdf(wa, np.array([0.1, 0.5, 0.8]), ww, 1))
case("weighted 1d w", lambda: weighted_inverted_cdf(wa, np.array(0.4), ww[0], 1))
case("weighted int", lambda: weighted_inverted_cdf(mk((3, 6), "i4"), np.array(0.5), ww, 1))

# 0-d input with out=: the result is written into out, which NumPy returns
OUT0D = [("median", lambda z, o: np.median(z, out=o)),
         ("nanmedian", lambda z, o: np.nanmedian(z, out=o)),
         ("percentile", lambda z, o: np.percentile(z, 50, out=o)),
         ("nanpercentile", lambda z, o: np.nanpercentile(z, 50, out=o)),
         ("quantile", lambda z, o: np.quantile(z, 0.3, out=o)),
         ("nanquantile", lambda z, o: np.nanquantile(z, 0.3, out=o, method="lower")),
         ("quantile q2", lambda z, o: np.quantile(z, np.array([0.3, 0.5]), out=o))]


def out_case(fn, z, o):
    def run():
        r = fn(z, o)
        assert r is o
        return o
    return run


for nm, fn in OUT0D:
    for tag, z in [("f8", np.array(3.5)), ("i8", np.array(3)), ("nan", np.array(np.nan))]:
        o = np.zeros(2) if nm.endswith("q2") else np.array(-1.0)
        case("out0d %s %s" % (nm, tag), out_case(fn, z, o))
case("median 0d i8", lambda: np.median(np.array(3)))

# one long contiguous lane (nd's bracketing path, from 65536 values on)
fb2 = ((np.arange(200003, dtype=np.int64) * 7919) % 100003).astype(np.float64) / 7.0
fn2 = fb2.copy()
fn2[::1000] = np.nan
case("fast median", lambda: np.median(fb2))
case("fast median even", lambda: np.median(fb2[1:].copy()))
case("fast p90", lambda: np.percentile(fb2, 90.0))
case("fast q", lambda: np.quantile(fb2, np.array([0.3, 0.31]), method="hazen"))
case("fast median nan", lambda: np.median(fn2))
case("fast nanmedian", lambda: np.nanmedian(fn2))
case("fast nanpercentile", lambda: np.nanpercentile(fn2, 12.5, method="lower"))
case("fast median i4", lambda: np.median((fb2 * 7).astype(np.int32)))
case("fast p f4", lambda: np.percentile(fb2.astype(np.float32), 77.0))

write("quantile.npys")
print(len(OUT) // 2, "cases")
