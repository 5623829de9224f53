#!/usr/bin/python3
"""Golden data for tests/test_conform_data.c, the conformance sweep of indexing,
manipulation, sorting, sets, statistics, numeric and fft against NumPy: what a NumPy
user would try (every dtype, 0-d, empty, non-contiguous, NaN, errors).  Run with
/usr/bin/python3 (NumPy 1.24) from this directory; writes conform_data.npys (the format
of ../npys.py).  The C test performs the same cases in the same order.

Inputs are made the same way on both sides:
  mk(shape, dt):  v = (arange(n) * 7 + 3) % 11, as dt (bool: v % 2)
  mks(shape, dt): centred: signed ints v - 5, floats (v - 5) / 2, complex
                  (v - 5) / 2 + ((v % 3) - 1) j; unsigned and bool as mk
  mkn(shape, dt): mks with flat element 1 NaN and (when there are 6+) element 5 inf
NumPy 2.x semantics where 1.24 differs are computed here and marked "2.x"."""
import os
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from npys import case as _case  # noqa: E402
from npys import write  # noqa: E402

warnings.simplefilter("ignore")


def case(name, fn):
    """npys.case, with NumPy 2's UFuncTypeError reported as the TypeError it is."""
    def run():
        try:
            return fn()
        except np.core._exceptions._UFuncOutputCastingError as e:
            raise TypeError(str(e))
    _case(name, run)


def _closest_observation_2x(n, quantiles):
    """2.x: at g = 0 the nearest even order statistic, 1-based (1.24 took the odd one)."""
    index = n * quantiles - 1 - 0.5
    previous = np.floor(index)
    gamma = index - previous
    res = np.where((gamma == 0) & (previous % 2 == 1), previous, previous + 1).astype(np.intp)
    res[res < 0] = 0
    return res


np.lib.function_base._closest_observation = _closest_observation_2x

NUMERIC = ["b1", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16"]
FLOATS = ["f2", "f4", "f8", "c8", "c16"]


def make(shape, dt, centred):
    """v = (arange(n) * 7 + 3) % 11 as dt (bool: v % 2); centred: signed ints v - 5,
    floats (v - 5) / 2, complex (v - 5) / 2 + ((v % 3) - 1) j."""
    n = int(np.prod(shape)) if len(shape) else 1
    v = (np.arange(n, dtype=np.int64) * 7 + 3) % 11
    k = np.dtype(dt).kind
    if k == "b":
        v = v % 2
    elif centred and k == "i":
        v = v - 5
    elif centred and k == "f":
        v = (v - 5) / 2
    elif centred and k == "c":
        v = (v - 5) / 2 + 1j * ((v % 3) - 1)
    return v.astype(dt).reshape(shape)


def mk(shape, dt):
    return make(shape, dt, False)


def mks(shape, dt):
    return make(shape, dt, True)


def mkn(shape, dt):
    a = mks(shape, dt).copy()
    f = a.reshape(-1)
    if np.dtype(dt).kind in "fc":
        if f.size > 1:
            f[1] = np.nan
        if f.size > 5:
            f[5] = np.inf
    return a


def fft2x(fn, x, *args, **kw):
    """2.x: float32/complex64 (and float16) inputs give complex64 (1.24: complex128); a
    real result has result_type(a.real.dtype, 1.0): float16 stays float16."""
    r = fn(x, *args, **kw)
    if x.dtype in (np.float32, np.complex64, np.float16):
        r = r.astype(np.complex64 if r.dtype.kind == "c" else np.float16 if x.dtype == np.float16 else np.float32)
    return r


# ------------------------------------------------------------------ sort
for dt in NUMERIC:
    a = mks((3, 4), dt)
    case("sort " + dt, lambda: np.sort(a))
    case("sort0 " + dt, lambda: np.sort(a, axis=0))
    case("sortN " + dt, lambda: np.sort(a, axis=None))
    case("sortT " + dt, lambda: np.sort(a.T[::-1]))
    b = mks((3, 5), dt)
    case("argsortS " + dt, lambda: np.argsort(b, kind="stable"))
    case("argsortS0 " + dt, lambda: np.argsort(b, axis=0, kind="stable"))
    s = np.sort(mks((12,), dt))
    v = mks((2, 3), dt)
    case("ssL " + dt, lambda: np.searchsorted(s, v))
    case("ssR " + dt, lambda: np.searchsorted(s, v, side="right"))
    p = mks((12,), dt)
    case("part " + dt, lambda: np.partition(p, (2, 7))[[2, 7]])
    case("argpart " + dt, lambda: p[np.argpartition(p, 4)[4]])
    case("sortc " + dt, lambda: np.sort_complex(mks((5,), dt)))
for dt in FLOATS:
    a = mkn((3, 4), dt)
    case("sortnan " + dt, lambda: np.sort(a, axis=None))
    case("argsortnan " + dt, lambda: np.argsort(a.reshape(-1), kind="stable"))
    s = np.sort(mkn((12,), dt))
    case("ssnan " + dt, lambda: np.searchsorted(s, mkn((6,), dt)))
    case("ssnanR " + dt, lambda: np.searchsorted(s, mkn((6,), dt), side="right"))
a = mks((3, 4), "i4")
case("sort 0d none", lambda: np.sort(np.array(5), axis=None))
case("sort 0d", lambda: np.sort(np.array(5)))
case("sort empty", lambda: np.sort(np.zeros((0, 3))))
case("sort axis2", lambda: np.sort(a, axis=2))
case("argsort axis-3", lambda: np.argsort(a, axis=-3))
case("sort heap", lambda: np.sort(a, kind="heapsort"))
case("sort strings", lambda: np.sort(np.array(["b", "abc", "", "ab"])))
case("argsort strings", lambda: np.argsort(np.array([b"b", b"abc", b"", b"ab", b"b"]), kind="stable"))
k1 = mk((8,), "i4") % 3
k2 = mk((8,), "f8")
case("lexsort", lambda: np.lexsort((k2, k1)))
case("lexsort nan", lambda: np.lexsort((mkn((8,), "f8"), k1)))
case("lexsort 2d", lambda: np.lexsort((mk((2, 4), "i4"), mk((2, 4), "u1") % 2)))
case("lexsort shape", lambda: np.lexsort((k1, k1[:5])))
p = mks((12,), "f8")
case("partition kth12", lambda: np.partition(p, 12))
case("partition kth-13", lambda: np.partition(p, -13))
case("partition neg", lambda: np.partition(p, -1)[-1])
case("partition 2d ax0", lambda: np.partition(mks((5, 3), "i8"), 2, axis=0)[2])
case("partition 0d", lambda: np.partition(np.array(3.0), 0))
s = np.sort(mks((12,), "i8"))
srt = np.argsort(mks((12,), "i8"), kind="stable")
case("ss sorter", lambda: np.searchsorted(mks((12,), "i8"), [-5, 0, 3, 9], sorter=srt))
case("ss sorter bad", lambda: np.searchsorted(mks((3,), "i8"), [1], sorter=np.array([0, 5, 1])))
case("ss sorter len", lambda: np.searchsorted(mks((3,), "i8"), [1], sorter=np.array([0, 1])))
case("ss 2d a", lambda: np.searchsorted(mks((2, 3), "i8"), [1]))
case("ss 0d v", lambda: np.searchsorted(s, np.array(2)))
case("ss mixed", lambda: np.searchsorted(s.astype("i1"), np.array([0.5, 1.5, -7.25])))
case("ss empty a", lambda: np.searchsorted(np.zeros(0), [1.0, 2.0]))
case("ss u8 i8", lambda: np.searchsorted(np.array([0, 5, 2**63 + 5], np.uint64), np.array([-1, 3], np.int64)))
case("sortc f2", lambda: np.sort_complex(mks((5,), "f2")))

# ------------------------------------------------------------------ index
for dt in ["b1", "i1", "u2", "f2", "f8", "c8", "c16"]:
    a = mks((3, 4), dt)
    case("take " + dt, lambda: np.take(a, np.array([[0, -1], [2, 1]]), axis=1))
    case("take flat " + dt, lambda: np.take(a, np.array([11, 0, -12])))
    case("take T " + dt, lambda: np.take(a.T, np.array([2, 0]), axis=1))
a = mks((3, 4), "i4")
case("take wrap", lambda: np.take(a, np.array([5, -7, 4]), axis=1, mode="wrap"))
case("take clip", lambda: np.take(a, np.array([5, -7, 2]), axis=1, mode="clip"))
case("take oob", lambda: np.take(a, np.array([5]), axis=1))
case("take oob neg", lambda: np.take(a, np.array([-5]), axis=1))
case("take oob flat", lambda: np.take(a, np.array([12])))
case("take axis2", lambda: np.take(a, np.array([0]), axis=2))
case("take empty idx", lambda: np.take(a, np.zeros(0, np.int64), axis=0))
case("take from empty", lambda: np.take(np.zeros((0, 3)), np.array([0]), axis=0))
case("take empty wrap", lambda: np.take(np.zeros((0, 3)), np.array([0]), axis=0, mode="wrap"))
case("take float idx", lambda: np.take(a, np.array([0.0, 1.0])))
case("take 0d idx", lambda: np.take(a, np.array(2), axis=0))
case("take u8 idx", lambda: np.take(a, np.array([3, 1], np.uint8), axis=1))


def put(a, ind, v, mode="raise"):
    a = a.copy()
    np.put(a, ind, v, mode=mode)
    return a


case("put", lambda: put(a, np.array([0, -1, 5]), np.array([90, 80])))
case("put wrap", lambda: put(a, np.array([13, -14]), np.array([7, 6]), mode="wrap"))
case("put clip", lambda: put(a, np.array([13, -14]), np.array([7, 6]), mode="clip"))
case("put oob", lambda: put(a, np.array([12]), np.array([1])))
case("put float", lambda: put(a, np.array([1]), np.array([2.75])))
case("put empty v", lambda: put(a, np.array([1]), np.zeros(0, np.int32)))
ix = np.argsort(mks((3, 4), "f8"), axis=1)
case("tala", lambda: np.take_along_axis(mks((3, 4), "f8"), ix, axis=1))
case("tala0", lambda: np.take_along_axis(mks((3, 4), "f8"), np.array([[2, 0, 1, 1]]), axis=0))
case("tala ndim", lambda: np.take_along_axis(a, np.array([1]), axis=1))
case("tala float", lambda: np.take_along_axis(a, np.array([[1.0]]), axis=1))
case("tala oob", lambda: np.take_along_axis(a, np.array([[4]]), axis=1))
case("tala bcast", lambda: np.take_along_axis(a, np.array([[0], [1], [2]]), axis=1))


def pala(a, ix, v, axis):
    a = a.copy()
    np.put_along_axis(a, ix, v, axis)
    return a


case("pala", lambda: pala(a, np.array([[1], [0], [3]]), np.array([[7], [8], [9]]), 1))
case("pala scalar", lambda: pala(a, np.array([[1, 2]]), np.array(-1), 0))
case("pala oob", lambda: pala(a, np.array([[1, 5]]), np.array(-1), 0))
ch = [mk((4,), "i2"), mk((4,), "i8") + 10, mk((4,), "u1") + 20]
case("choose", lambda: np.choose(np.array([0, 1, 2, 1]), ch))
case("choose bcast", lambda: np.choose(np.array([[0], [2]]), ch))
case("choose oob", lambda: np.choose(np.array([0, 3, 2, 1]), ch))
case("choose wrap", lambda: np.choose(np.array([0, 3, -1, 1]), ch, mode="wrap"))
case("choose clip", lambda: np.choose(np.array([0, 3, -1, 1]), ch, mode="clip"))
case("choose float", lambda: np.choose(np.array([0, 1, 2, 1]), [mk((4,), "f4"), mk((4,), "i1")]))
case("choose shape", lambda: np.choose(np.array([0, 1, 2]), ch))
c3 = np.array([True, False, True])
case("compress0", lambda: np.compress(c3, a, axis=0))
case("compress1", lambda: np.compress(c3, a, axis=1))
case("compressN", lambda: np.compress(c3, a))
case("compress long", lambda: np.compress(np.array([1, 0, 1, 1], bool), a, axis=0))
case("compress empty", lambda: np.compress(np.zeros(0, bool), a, axis=0))
case("extract", lambda: np.extract(a > 0, a))
case("extract int cond", lambda: np.extract(mk((3, 4), "i4") % 3, a))
cond = mk((3, 4), "b1")
case("where i1 f4", lambda: np.where(cond, mks((3, 4), "i1"), mks((3, 4), "f4")))
case("where i1 u1", lambda: np.where(cond, mks((3, 4), "i1"), mks((4,), "u1")))
case("where u8 i8", lambda: np.where(cond, mks((3, 4), "u8"), mks((3, 1), "i8")))
case("where c8 f8", lambda: np.where(cond, mks((3, 4), "c8"), mks((3, 4), "f8")))
case("where b1 b1", lambda: np.where(cond, cond, ~cond))
case("where bad", lambda: np.where(cond, mks((3,), "f8"), 0.0))
case("where 0d", lambda: np.where(np.array(True), mks((2,), "i2"), mks((2,), "i2")[::-1]))
case("where T", lambda: np.where(cond.T, mks((4, 3), "f8")[::-1], mks((4, 3), "f8").T.T))
case("nonzero", lambda: np.nonzero(mks((3, 4), "i4")))
case("nonzero f", lambda: np.nonzero(mkn((2, 3), "f8")))
case("nonzero c", lambda: np.nonzero(mks((6,), "c8")))
case("nonzero empty", lambda: np.nonzero(np.zeros((0, 2))))
case("nonzero 3d", lambda: np.nonzero(mk((2, 2, 3), "b1")))
case("argwhere", lambda: np.argwhere(mks((3, 4), "i4")))
case("argwhere 0d", lambda: np.argwhere(np.array(3)))
case("argwhere 0d0", lambda: np.argwhere(np.array(0)))
case("argwhere empty", lambda: np.argwhere(np.zeros((0, 2))))
case("flatnonzero", lambda: np.flatnonzero(mks((3, 4), "f4")))
case("unravel", lambda: np.unravel_index(np.array([22, 41, 37]), (7, 6)))
case("unravel F", lambda: np.unravel_index(np.array([22, 41, 37]), (7, 6), order="F"))
case("unravel oob", lambda: np.unravel_index(np.array([42]), (7, 6)))
case("unravel neg", lambda: np.unravel_index(np.array([-1]), (7, 6)))
case("unravel 0d", lambda: np.unravel_index(np.array(5), (2, 3)))
case("unravel float", lambda: np.unravel_index(np.array([1.0]), (2, 3)))
case("unravel empty dims", lambda: np.unravel_index(np.array([0]), (2, 0)))
mi = (np.array([3, 6, 6]), np.array([4, 5, 1]))
case("ravel", lambda: np.ravel_multi_index(mi, (7, 6)))
case("ravel F", lambda: np.ravel_multi_index(mi, (7, 6), order="F"))
case("ravel clip", lambda: np.ravel_multi_index((np.array([3, 9, -1]), np.array([4, 5, 1])), (7, 6), mode="clip"))
case("ravel wrap", lambda: np.ravel_multi_index((np.array([3, 9, -1]), np.array([4, 5, 1])), (7, 6), mode="wrap"))
case("ravel oob", lambda: np.ravel_multi_index((np.array([3, 7]), np.array([4, 5])), (7, 6)))
case("ravel count", lambda: np.ravel_multi_index((np.array([3, 6]),), (7, 6)))
case("ravel bcast", lambda: np.ravel_multi_index((np.array([[1], [2]]), np.array([0, 1, 2])), (3, 4)))
case("indices", lambda: np.indices((2, 3)))
case("indices 0", lambda: np.indices((2, 0)))
case("indices i2", lambda: np.indices((2, 2), dtype=np.int16))
case("ix", lambda: np.ix_(np.array([0, 2]), np.array([1, 3, 0])))
case("ix bool", lambda: np.ix_(np.array([True, False, True]), np.array([2])))
a = mks((3, 4), "i8")
case("get fancy", lambda: a[[0, 2], ::-1])
case("get fancy2", lambda: a[np.array([[0], [2]]), np.array([1, 3])])
case("get mixed", lambda: a[1:, [0, 0, -1]])
case("get mask", lambda: a[a > 0])
case("get mask row", lambda: a[np.array([True, False, True])])
case("get oob", lambda: a[[0, 3]])
case("get oob1", lambda: a[:, [4]])
case("get too many", lambda: a[0, 0, 0])


def mask_2x(a, m):
    """2.x words the boolean-index mismatch with 'axis' and 'size' (1.24: 'dimension')."""
    try:
        return a[m]
    except IndexError as e:
        m = str(e).replace("along dimension", "along axis").replace("; dimension is", "; size of axis is")
        raise IndexError(m.replace("but corresponding boolean dimension is", "but size of corresponding boolean axis is"))


case("get mask shape", lambda: mask_2x(a, np.array([True, False])))
case("get bcast", lambda: a[np.array([0, 1]), np.array([0, 1, 2])])
case("get float", lambda: a[np.array([0.0])])
case("get scalar oob", lambda: a[3])
case("get ellipsis", lambda: a[..., [1]])
case("get newaxis", lambda: a[None, [1], :])
case("get sep", lambda: mks((2, 3, 4), "i2")[[0, 1], :, [1, 2]])
case("get empty list", lambda: a[np.zeros(0, np.int64)])

# ------------------------------------------------------------------ manip
case("concat i1 u1", lambda: np.concatenate([mks((2, 3), "i1"), mk((1, 3), "u1")]))
case("concat i8 u8", lambda: np.concatenate([mks((2, 3), "i8"), mk((1, 3), "u8")]))
case("concat f2 i1", lambda: np.concatenate([mks((2,), "f2"), mks((2,), "i1")]))
case("concat f2 i2", lambda: np.concatenate([mks((2,), "f2"), mks((2,), "i2")]))
case("concat b1 i1", lambda: np.concatenate([mk((2,), "b1"), mks((2,), "i1")]))
case("concat c8 f8", lambda: np.concatenate([mks((2,), "c8"), mks((2,), "f8")]))
case("concat S U", lambda: np.concatenate([np.array(["ab"]), np.array(["xyz"])]))
case("concat ax1", lambda: np.concatenate([mk((2, 3), "i4"), mk((2, 1), "i4")], axis=1))
case("concat ax-1", lambda: np.concatenate([mk((2, 3), "i4"), mk((2, 1), "i4")], axis=-1))
case("concat none", lambda: np.concatenate([mk((2, 3), "i4"), mk((4,), "i4")], axis=None))
case("concat mismatch", lambda: np.concatenate([mk((2, 3), "i4"), mk((2, 2), "i4")]))
case("concat ndim", lambda: np.concatenate([mk((2, 3), "i4"), mk((3,), "i4")]))
case("concat 0d", lambda: np.concatenate([np.array(1), np.array(2)]))
case("concat axis2", lambda: np.concatenate([mk((2, 3), "i4"), mk((2, 3), "i4")], axis=2))
case("concat empty", lambda: np.concatenate([np.zeros((0, 3)), mk((2, 3), "i4")]))
case("concat T", lambda: np.concatenate([mk((3, 2), "f4").T, mk((2, 3), "f4")[:, ::-1]], axis=1))
case("stack", lambda: np.stack([mk((2, 3), "i4"), mks((2, 3), "i4")]))
case("stack -1", lambda: np.stack([mk((2, 3), "i4"), mks((2, 3), "i4")], axis=-1))
case("stack ax3", lambda: np.stack([mk((2, 3), "i4"), mks((2, 3), "i4")], axis=3))
case("stack shape", lambda: np.stack([mk((2, 3), "i4"), mk((3, 2), "i4")]))
case("stack 0d", lambda: np.stack([np.array(1.5), np.array(2)]))
case("hstack 1d", lambda: np.hstack([mk((2,), "i4"), mk((3,), "i4")]))
case("hstack 0d", lambda: np.hstack([np.array(1), np.array(2)]))
case("vstack 1d", lambda: np.vstack([mk((3,), "i4"), mk((3,), "f4")]))
case("vstack bad", lambda: np.vstack([mk((3,), "i4"), mk((2,), "i4")]))
case("dstack", lambda: np.dstack([mk((2,), "i4"), mk((2,), "i4")]))
case("dstack 2d", lambda: np.dstack([mk((2, 2), "i4"), mk((2, 2), "u1")]))
case("column_stack", lambda: np.column_stack([mk((3,), "i4"), mk((3, 2), "i4")]))
a = mk((12,), "i4")
case("split3", lambda: np.split(a, 3))
case("split5", lambda: np.split(a, 5))
case("split idx", lambda: np.split(a, [3, 5, 20]))
case("split idx desc", lambda: np.split(a, [5, 3]))
case("array_split5", lambda: np.array_split(a, 5))
case("array_split13", lambda: np.array_split(a, 13))
case("array_split0", lambda: np.array_split(a, 0))
case("split ax1", lambda: np.split(mk((2, 6), "i4"), 2, axis=1))
case("hsplit 0d", lambda: np.hsplit(np.array(1), 1))
case("vsplit 1d", lambda: np.vsplit(a, 2))
case("dsplit 2d", lambda: np.dsplit(mk((2, 2), "i4"), 2))
case("hsplit 1d", lambda: np.hsplit(a, 4))
case("tile", lambda: np.tile(mk((3,), "i4"), (2, 1, 2)))
case("tile 0", lambda: np.tile(mk((2, 3), "i4"), 0))
case("tile 2d1", lambda: np.tile(mk((2, 3), "i4"), 2))
case("tile neg", lambda: np.tile(mk((2, 3), "i4"), -1))
case("repeat", lambda: np.repeat(mk((2, 3), "i4"), 2))
case("repeat ax0", lambda: np.repeat(mk((2, 3), "i4"), 3, axis=0))
case("repeat counts", lambda: np.repeat(mk((2, 3), "i4"), [1, 0, 2], axis=1))
case("repeat neg", lambda: np.repeat(mk((3,), "i4"), -1))
case("repeat counts bad", lambda: np.repeat(mk((3,), "i4"), [1, 2]))
case("repeat counts neg", lambda: np.repeat(mk((3,), "i4"), [1, -2, 1]))
case("repeat 0d", lambda: np.repeat(np.array(7), 3))
case("repeat ax2", lambda: np.repeat(mk((2, 3), "i4"), 2, axis=2))
MODES = ["constant", "edge", "linear_ramp", "maximum", "mean", "median", "minimum", "reflect", "symmetric", "wrap"]
for m in MODES:
    for dt in ["i4", "f4", "u1"]:
        a = mks((3, 4), dt)
        case("pad %s %s" % (m, dt), lambda: np.pad(a, ((1, 2), (3, 1)), mode=m))
    case("pad1d big %s" % m, lambda: np.pad(mks((3,), "f8"), (7, 8), mode=m))
    case("pad stat %s" % m, lambda: np.pad(mks((5,), "i8"), 2, mode=m, **({"stat_length": 2} if m in ("maximum", "mean", "median", "minimum") else {})))
case("pad odd reflect", lambda: np.pad(mks((4,), "f8"), 5, mode="reflect", reflect_type="odd"))
case("pad odd symmetric", lambda: np.pad(mks((4,), "i4"), 5, mode="symmetric", reflect_type="odd"))
case("pad const vals", lambda: np.pad(mks((2, 2), "i4"), 1, constant_values=(7, 9)))
case("pad const float in int", lambda: np.pad(mks((2, 2), "i4"), 1, constant_values=2.7))
case("pad ramp ends", lambda: np.pad(mks((3,), "i4"), (3, 2), mode="linear_ramp", end_values=(10, -4)))
case("pad empty const", lambda: np.pad(np.zeros((0, 2)), 1))
case("pad empty reflect", lambda: np.pad(np.zeros((0, 2)), 1, mode="reflect"))
case("pad neg", lambda: np.pad(mks((3,), "i4"), -1))
case("pad 0d", lambda: np.pad(np.array(5), 2))
case("pad mean int round", lambda: np.pad(np.array([1, 2], np.int8), 1, mode="mean"))
case("pad median int", lambda: np.pad(np.array([1, 2, 4, 4], np.int16), 1, mode="median"))
case("pad stat0", lambda: np.pad(mks((3,), "f8"), 1, mode="mean", stat_length=0))
a = mks((2, 3, 4), "i4")
case("flip", lambda: np.flip(a))
case("flip ax1", lambda: np.flip(a, 1))
case("flip ax02", lambda: np.flip(a, (0, 2)))
case("flip ax3", lambda: np.flip(a, 3))
case("fliplr 1d", lambda: np.fliplr(mk((3,), "i4")))
case("flipud", lambda: np.flipud(a))
case("roll", lambda: np.roll(a, 5))
case("roll ax", lambda: np.roll(a, (1, -2), axis=(0, 2)))
case("roll same ax", lambda: np.roll(a, (1, 2), axis=(1, 1)))
case("roll big", lambda: np.roll(a, -25, axis=2))
case("roll mismatch", lambda: np.roll(a, (1, 2, 3), axis=(0, 1)))
case("roll empty", lambda: np.roll(np.zeros((0, 3)), 2))
case("rot90", lambda: np.rot90(mk((2, 3), "i4")))
case("rot90 k2", lambda: np.rot90(mk((2, 3), "i4"), 2))
case("rot90 k-1", lambda: np.rot90(mk((2, 3), "i4"), -1))
case("rot90 k7", lambda: np.rot90(mk((2, 3), "i4"), 7))
case("rot90 axes", lambda: np.rot90(a, 1, axes=(1, 2)))
case("rot90 same", lambda: np.rot90(a, 1, axes=(1, 1)))
case("rot90 oob", lambda: np.rot90(a, 1, axes=(0, 3)))
case("rot90 1d", lambda: np.rot90(mk((3,), "i4")))
case("moveaxis", lambda: np.moveaxis(a, 0, -1))
case("moveaxis2", lambda: np.moveaxis(a, (0, 1), (2, 0)))
case("moveaxis count", lambda: np.moveaxis(a, (0, 1), (2,)))
case("moveaxis rep", lambda: np.moveaxis(a, (0, 0), (1, 2)))
case("moveaxis oob", lambda: np.moveaxis(a, 3, 0))
case("bto", lambda: np.broadcast_to(mk((3,), "i4"), (2, 3)))
case("bto bad", lambda: np.broadcast_to(mk((3,), "i4"), (4,)))
case("bto neg", lambda: np.broadcast_to(mk((3,), "i4"), (-1, 3)))
case("barr", lambda: np.broadcast_arrays(mk((3,), "i4"), mk((2, 1), "f4")))
case("barr bad", lambda: np.broadcast_arrays(mk((3,), "i4"), mk((2,), "f4")))
for f in ["atleast_1d", "atleast_2d", "atleast_3d"]:
    for s in [(), (3,), (2, 3), (2, 3, 1, 1)]:
        case("%s %s" % (f, s), lambda: getattr(np, f)(mk(s, "i2")))
a = mk((12,), "i4")
m2 = mk((3, 4), "i4")
case("delete", lambda: np.delete(a, 3))
case("delete neg", lambda: np.delete(a, -1))
case("delete list", lambda: np.delete(a, [0, 5, 5, -1]))
case("delete oob", lambda: np.delete(a, 12))
case("delete oob list", lambda: np.delete(a, [1, 12]))
case("delete ax1", lambda: np.delete(m2, 1, axis=1))
case("delete ax1 list", lambda: np.delete(m2, [0, 3], axis=1))
case("delete none2d", lambda: np.delete(m2, [0, 3]))
case("delete mask", lambda: np.delete(mk((4,), "i4"), np.array([True, False, True, False])))
case("delete ax2", lambda: np.delete(m2, 0, axis=2))
case("insert", lambda: np.insert(a, 3, np.array([99])))
case("insert end", lambda: np.insert(a, 12, np.array([99, 98])))
case("insert neg", lambda: np.insert(a, -1, np.array([99])))
case("insert oob", lambda: np.insert(a, 13, np.array([99])))
case("insert list", lambda: np.insert(a, [1, 1, 5], np.array([7, 8, 9])))
case("insert ax1", lambda: np.insert(m2, 1, np.array([5, 6, 7]), axis=1))
case("insert ax0 bcast", lambda: np.insert(m2, 1, np.array([5]), axis=0))
case("insert float", lambda: np.insert(a, 1, np.array([2.9])))
case("insert scalar 2d", lambda: np.insert(m2, 2, np.array(0)))
case("append", lambda: np.append(m2, mk((2,), "f4")))
case("append ax0", lambda: np.append(m2, mk((1, 4), "i4"), axis=0))
case("append ax0 bad", lambda: np.append(m2, mk((4,), "i4"), axis=0))
case("resize", lambda: np.resize(mk((3,), "i4"), (2, 4)))
case("resize small", lambda: np.resize(m2, (5,)))
case("resize 0", lambda: np.resize(m2, (0,)))
case("resize empty", lambda: np.resize(np.zeros(0), (3,)))
case("resize neg", lambda: np.resize(m2, (-1,)))
z = np.array([0, 0, 1, 0, 2, 0, 0])
case("trim", lambda: np.trim_zeros(z))
case("trim f", lambda: np.trim_zeros(z, "f"))
case("trim b", lambda: np.trim_zeros(z, "b"))
case("trim all", lambda: np.trim_zeros(np.zeros(4)))
case("trim float", lambda: np.trim_zeros(np.array([0.0, -0.0, 1.5, 0.0])))

# ------------------------------------------------------------------ sets
case("unique f -0", lambda: np.unique(np.array([0.0, -0.0, 1.0, -0.0])))
case("unique nan", lambda: np.unique(mkn((8,), "f8")))
case("unique c nan", lambda: np.unique(np.array([complex(np.nan, 1), complex(1, np.nan), 1 + 1j, complex(np.nan, 0)])))
case("unique 0d", lambda: np.unique(np.array(3)))
case("unique empty", lambda: np.unique(np.zeros((0, 3), np.int8)))
case("unique ax1", lambda: np.unique(mk((3, 4), "i4") % 3, axis=1))
case("unique ax2", lambda: np.unique(mk((3, 4), "i4"), axis=2))
case("isin i1 f8", lambda: np.isin(mks((6,), "i1"), np.array([0.0, 1.5, -2.0])))
case("isin 2d", lambda: np.isin(mks((2, 3), "i4"), mks((4,), "i4")))
case("isin invert", lambda: np.isin(mks((2, 3), "i4"), mks((4,), "i4"), invert=True))
# 2.x: uint64 against int64 compares values (1.24 raised IndexError from its table path)
case("isin u8 i8", lambda: np.array([True, False]))
case("intersect mix", lambda: np.intersect1d(mks((6,), "i2"), mks((5,), "f4")))
case("union mix", lambda: np.union1d(mks((2, 3), "u1"), mks((3,), "i1")))
case("setdiff", lambda: np.setdiff1d(mks((2, 3), "i4"), np.array([0, -5])))
case("setxor", lambda: np.setxor1d(mks((5,), "f8"), mks((4,), "f8") + 1))
case("setxor nan", lambda: np.setxor1d(mkn((5,), "f8"), mkn((4,), "f8")))
case("intersect nan", lambda: np.intersect1d(mkn((5,), "f8"), mkn((4,), "f8")))
case("union empty", lambda: np.union1d(np.zeros(0, np.int8), np.zeros(0, np.int8)))

# ------------------------------------------------------------------ stats
for dt in NUMERIC:
    a = mks((3, 4), dt)
    case("median " + dt, lambda: np.median(a))
    case("median0 " + dt, lambda: np.median(a, axis=0))
    case("median-1kd " + dt, lambda: np.median(a, axis=-1, keepdims=True))
    if dt != "b1" and dt[0] != "c":
        case("pct " + dt, lambda: np.percentile(a, [0, 33, 50, 99.5, 100], axis=1))
for dt in FLOATS:
    a = mkn((3, 4), dt)
    case("mediannan " + dt, lambda: np.median(a, axis=1))
    case("nanmedian " + dt, lambda: np.nanmedian(a, axis=1))
    if dt[0] == "f":
        case("nanpct " + dt, lambda: np.nanpercentile(a, [10, 50, 90], axis=0))
        # 2.x: a Python float q is weak (NEP 50), the result keeps a's dtype
        case("nanq " + dt, lambda: np.nanquantile(a, 0.3).astype(dt))
METHODS = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf", "hazen",
           "weibull", "linear", "median_unbiased", "normal_unbiased", "lower", "higher", "midpoint", "nearest"]
for m in METHODS:
    for dt in ["i8", "f4", "f8", "u1"]:
        x = mks((11,), dt)
        case("q %s %s" % (m, dt), lambda: np.quantile(x, [0.0, 0.1, 1 / 3, 0.5, 0.75, 0.999, 1.0], method=m))
    case("q2d %s" % m, lambda: np.percentile(mks((4, 5), "f8"), [25, 50], axis=0, method=m))
case("q bad", lambda: np.quantile(mks((4,), "f8"), 1.5))
case("pct bad", lambda: np.percentile(mks((4,), "f8"), [50, -1]))
case("q nan", lambda: np.quantile(mks((4,), "f8"), np.nan))
case("median empty", lambda: np.median(np.zeros(0)))
case("median empty ax", lambda: np.median(np.zeros((0, 3)), axis=0))
case("nanmedian allnan", lambda: np.nanmedian(np.array([[np.nan, np.nan], [1.0, np.nan]]), axis=1))
case("median axes", lambda: np.median(mks((2, 3, 4), "f8"), axis=(0, 2)))
case("median axis oob", lambda: np.median(mks((2, 3), "f8"), axis=2))
case("median axis rep", lambda: np.median(mks((2, 3), "f8"), axis=(0, 0)))
case("median 0d", lambda: np.median(np.array(2.5)))
case("pct 0d", lambda: np.percentile(np.array(7), 30))
case("pct q2d", lambda: np.percentile(mks((5,), "f8"), [[10, 20], [30, 90]]))


def q_empty_2x():
    """2.x looks at arr[-1] for NaNs first (1.24: 'cannot do a non-empty take ...')."""
    raise IndexError("index -1 is out of bounds for axis 0 with size 0")


case("q empty", q_empty_2x)
case("median T", lambda: np.median(mks((4, 3), "f8").T[:, ::-1], axis=1))
# out=: NumPy's code path decides what shapes it takes and what it says
A = mks((2, 3), "f8")
OUTS = [((3,), {}), ((1, 1), {}), ((2,), {"axis": 0}), ((4,), {"axis": 0}), ((1, 3), {"axis": 0}),
        ((3, 1), {"axis": 0}), ((1, 3), {"axis": 0, "keepdims": True}), ((3,), {"axis": 0, "keepdims": True}),
        ((2, 3), {"axis": 0, "keepdims": True}), ((2, 3), {"axis": 0}), ((2, 2), {"axis": 0}),
        ((2,), {"axis": 1}), ((0, 3), {"axis": 0, "keepdims": True})]


def with_out(fn, shape, kw, dt="f8"):
    o = np.zeros(shape, dt)
    r = fn(o, **kw)
    assert r is o
    return o


for shp, kw in OUTS:
    nm = "%s %s" % (shp, sorted(kw.items()))
    case("out median " + nm, lambda: with_out(lambda o, **k: np.median(A, out=o, **k), shp, kw))
    case("out nanmedian " + nm, lambda: with_out(lambda o, **k: np.nanmedian(A, out=o, **k), shp, kw))
    case("out pct " + nm, lambda: with_out(lambda o, **k: np.percentile(A, 50, out=o, **k), shp, kw))
    case("out pctq " + nm, lambda: with_out(lambda o, **k: np.percentile(A, [50, 20], out=o, **k), shp, kw))
    case("out lower " + nm, lambda: with_out(lambda o, **k: np.percentile(A, [50, 20], out=o, method="lower", **k), shp, kw))
    case("out nanpct " + nm, lambda: with_out(lambda o, **k: np.nanpercentile(A, 50, out=o, **k), shp, kw))
    case("out nanpctq " + nm, lambda: with_out(lambda o, **k: np.nanpercentile(A, [50, 20], out=o, **k), shp, kw))
B = mks((2, 3, 4), "f8")
for shp, ax in [((2, 5), 1), ((5,), (0, 1)), ((3, 5), (0, 2)), ((5, 4), 0), ((2, 5), 2), ((5, 4), 1), ((1, 4), 1),
                ((1,), (0, 1)), ((3, 1), 0)]:
    case("out median3 %s %s" % (shp, ax), lambda: with_out(lambda o, **k: np.median(B, out=o, axis=ax), shp, {}))
case("out median bcast", lambda: with_out(lambda o, **k: np.median(np.ones((3, 1)), out=o, axis=0), (3,), {}))
case("out pct int", lambda: with_out(lambda o, **k: np.percentile(A, 50, out=o, axis=1), (2,), {}, "i8"))
case("out median int", lambda: with_out(lambda o, **k: np.median(A, out=o, axis=1), (2,), {}, "i8"))
case("out nanpct int", lambda: with_out(lambda o, **k: np.nanpercentile(A, 50, out=o, axis=1), (2,), {}, "i8"))
case("out median 0d", lambda: with_out(lambda o, **k: np.median(np.array(5.0), out=o), (3,), {}))

# histograms
x = mks((50,), "f8") * 1.7 + np.sin(np.arange(50))
for b in ["auto", "fd", "doane", "scott", "stone", "rice", "sturges", "sqrt"]:
    case("hist %s" % b, lambda: np.histogram(x, bins=b))
    case("hist int %s" % b, lambda: np.histogram_bin_edges(mks((30,), "i4"), bins=b))
case("hist", lambda: np.histogram(x))
case("hist range", lambda: np.histogram(x, bins=4, range=(-2, 2)))
case("hist density", lambda: np.histogram(x, bins=5, density=True))
case("hist weights", lambda: np.histogram(x, bins=5, weights=mks((50,), "f4")))
case("hist weights int", lambda: np.histogram(x, bins=5, weights=mks((50,), "i2")))
case("hist edges", lambda: np.histogram(x, bins=np.array([-3.0, -1, 0, 0.5, 4])))
case("hist edges int", lambda: np.histogram(mks((20,), "i4"), bins=np.array([-5, 0, 1, 5], np.int32)))
case("hist bad range", lambda: np.histogram(x, range=(2, 1)))
case("hist nan range", lambda: np.histogram(x, range=(np.nan, 1.0)))
case("hist nan data", lambda: np.histogram(mkn((10,), "f8")))
case("hist bins-1", lambda: np.histogram(x, bins=-1))
case("hist edges dec", lambda: np.histogram(x, bins=np.array([1.0, 0.0, 2.0])))
case("hist empty", lambda: np.histogram(np.zeros(0)))
case("hist const", lambda: np.histogram(np.full(5, 3.0)))
case("hist u1", lambda: np.histogram(mk((20,), "u1"), bins=3))
case("hist bool", lambda: np.histogram(mk((20,), "b1"), bins=3))
case("hist f2", lambda: np.histogram(mks((20,), "f2"), bins=3))
case("hist 2d input", lambda: np.histogram(mks((4, 5), "f8"), bins=3))
case("hist2d", lambda: np.histogram2d(mks((20,), "f8"), mk((20,), "f8"), bins=(3, 4)))
case("hist2d range", lambda: np.histogram2d(mks((20,), "f8"), mk((20,), "f8"), bins=3, range=[[-1, 1], [0, 5]], density=True))
case("hist2d len", lambda: np.histogram2d(mks((20,), "f8"), mk((19,), "f8")))


def dd(r):
    return [r[0]] + list(r[1])


case("histdd", lambda: dd(np.histogramdd(mks((20, 3), "f8"), bins=(2, 3, 2))))
case("histdd weights", lambda: dd(np.histogramdd(mks((20, 2), "f8"), bins=3, weights=mk((20,), "f8"))))
case("bincount", lambda: np.bincount(mk((10,), "i8")))
case("bincount min", lambda: np.bincount(mk((10,), "u1"), minlength=15))
case("bincount w", lambda: np.bincount(mk((10,), "i4"), weights=mks((10,), "f4")))
case("bincount neg", lambda: np.bincount(mks((10,), "i4")))
case("bincount float", lambda: np.bincount(mk((10,), "f8")))
case("bincount minneg", lambda: np.bincount(mk((10,), "i4"), minlength=-1))
case("bincount 2d", lambda: np.bincount(mk((2, 5), "i4")))
case("bincount empty", lambda: np.bincount(np.zeros(0, np.int64)))
case("bincount wlen", lambda: np.bincount(mk((10,), "i4"), weights=mk((9,), "f8")))
# 2.x (2.2.4 on): unsigned input is cast to intp like indexing (1.24: TypeError)
case("bincount u8", lambda: np.bincount(mk((10,), "u8").astype(np.intp)))
case("digitize", lambda: np.digitize(mks((10,), "f8"), np.array([-1.0, 0.0, 1.5])))
case("digitize right", lambda: np.digitize(mks((10,), "f8"), np.array([-1.0, 0.0, 1.5]), right=True))
case("digitize dec", lambda: np.digitize(mks((10,), "f8"), np.array([1.5, 0.0, -1.0])))
case("digitize dec right", lambda: np.digitize(mks((10,), "f8"), np.array([1.5, 0.0, -1.0]), right=True))
case("digitize nan", lambda: np.digitize(mkn((10,), "f8"), np.array([-1.0, 0.0, 1.5])))
case("digitize bad", lambda: np.digitize(mks((10,), "f8"), np.array([1.0, 0.0, 1.5])))
case("digitize int", lambda: np.digitize(mks((2, 5), "i4"), np.array([-2, 0, 3])))
case("digitize 2d bins", lambda: np.digitize(mks((5,), "i4"), np.array([[0, 1]])))
case("digitize c", lambda: np.digitize(mks((5,), "c16"), np.array([0.0, 1.0])))

# ------------------------------------------------------------------ numeric
for dt in NUMERIC:
    a = mks((3, 5), dt)
    case("diff " + dt, lambda: np.diff(a))
    case("diff2 ax0 " + dt, lambda: np.diff(a, n=2, axis=0))
case("diff n>len", lambda: np.diff(mks((3,), "i4"), n=5))
case("diff n0", lambda: np.diff(mks((3,), "i4"), n=0))
case("diff neg", lambda: np.diff(mks((3,), "i4"), n=-1))
case("diff 0d", lambda: np.diff(np.array(3)))
case("diff prepend", lambda: np.diff(mks((2, 3), "i4"), prepend=0, append=np.array([[9], [8]])))
case("diff prepend f", lambda: np.diff(mks((3,), "i2"), prepend=1.5))
case("diff ax oob", lambda: np.diff(mks((2, 3), "i4"), axis=2))
case("diff u1 wrap", lambda: np.diff(mk((5,), "u1")))
case("ediff1d", lambda: np.ediff1d(mks((2, 3), "i4")))
case("ediff1d ends", lambda: np.ediff1d(mks((4,), "i4"), to_begin=np.array([-99, 5]), to_end=np.array(100)))
case("ediff1d bad", lambda: np.ediff1d(mks((4,), "i4"), to_begin=np.array([1.5])))
case("ediff1d empty", lambda: np.ediff1d(np.zeros(0)))
case("ediff1d b1", lambda: np.ediff1d(mk((4,), "b1")))


def grads(g):
    """np.gradient gives one array for 1-d input, a list otherwise: always a list here."""
    return list(g) if isinstance(g, (list, tuple)) else [g]


case("gradient", lambda: grads(np.gradient(mks((6,), "f8") ** 2)))
case("gradient int", lambda: grads(np.gradient(mks((6,), "i4"))))
case("gradient 2d", lambda: grads(np.gradient(mks((3, 4), "f4"))))
case("gradient sp", lambda: grads(np.gradient(mks((3, 4), "f8"), 0.5, 2.0)))
case("gradient coords", lambda: grads(np.gradient(mks((5,), "f8") ** 2, np.array([0.0, 1, 1.5, 3.5, 4.0]))))
case("gradient e2", lambda: grads(np.gradient(mks((5,), "f8") ** 3, edge_order=2)))
case("gradient e2 coords", lambda: grads(np.gradient(mks((5,), "f8") ** 3, np.array([0.0, 1, 1.5, 3.5, 4.0]), edge_order=2)))
case("gradient small", lambda: grads(np.gradient(mks((1,), "f8"))))
case("gradient small e2", lambda: grads(np.gradient(mks((2,), "f8"), edge_order=2)))
case("gradient axis", lambda: grads(np.gradient(mks((3, 4), "f8"), axis=-1)))
case("gradient u1", lambda: grads(np.gradient(mk((5,), "u1"))))
case("gradient bad sp", lambda: grads(np.gradient(mks((3, 4), "f8"), 1.0, 2.0, 3.0)))
case("gradient f2", lambda: grads(np.gradient(mks((5,), "f2"))))
for m in ["full", "same", "valid"]:
    case("convolve %s" % m, lambda: np.convolve(mks((6,), "f8"), np.array([1.0, -2.0, 0.5]), mode=m))
    case("convolve int %s" % m, lambda: np.convolve(mks((3,), "i4"), mks((5,), "i4"), mode=m))
    case("correlate %s" % m, lambda: np.correlate(mks((6,), "f8"), np.array([1.0, -2.0, 0.5]), mode=m))
    case("correlate c %s" % m, lambda: np.correlate(mks((5,), "c16"), mks((3,), "c16"), mode=m))
    case("correlate rev %s" % m, lambda: np.correlate(mks((3,), "f8"), mks((5,), "f8"), mode=m))
case("convolve default", lambda: np.convolve(mks((4,), "i8"), mks((2,), "i8")))
case("correlate default", lambda: np.correlate(mks((4,), "i8"), mks((2,), "i8")))
case("convolve empty", lambda: np.convolve(np.zeros(0), mks((2,), "f8")))
case("convolve empty v", lambda: np.convolve(mks((2,), "f8"), np.zeros(0)))
case("convolve mix", lambda: np.convolve(mks((4,), "i1"), mks((3,), "f4")))
case("convolve b1", lambda: np.convolve(mk((4,), "b1"), mk((3,), "b1")))
case("convolve 2d", lambda: np.convolve(mks((2, 2), "f8"), mks((2,), "f8")))
xp = np.array([0.0, 1.0, 2.5, 4.0])
fp = np.array([1.0, -1.0, 3.0, 0.5])
xs = np.array([-1.0, 0.0, 0.5, 2.5, 3.0, 4.0, 5.0, np.nan])
case("interp", lambda: np.interp(xs, xp, fp))
case("interp lr", lambda: np.interp(xs, xp, fp, left=-9.0, right=9.0))
case("interp period", lambda: np.interp(np.array([-1.0, 5.5, 370.0]), np.array([0.0, 90, 180, 270]), fp, period=360))
case("interp c", lambda: np.interp(xs, xp, fp + 1j * fp[::-1]))
case("interp len", lambda: np.interp(xs, xp, fp[:3]))
case("interp empty", lambda: np.interp(xs, np.zeros(0), np.zeros(0)))
case("interp period0", lambda: np.interp(xs, xp, fp, period=0))
case("interp 2d x", lambda: np.interp(mks((2, 3), "f8"), xp, fp))
case("interp int", lambda: np.interp(mks((4,), "i4"), np.array([0, 1, 2]), np.array([5, 6, 8])))
case("interp one", lambda: np.interp(xs, np.array([1.0]), np.array([7.0])))
case("interp xp2d", lambda: np.interp(xs, xp.reshape(2, 2), fp))
case("interp f4", lambda: np.interp(mks((4,), "f4"), xp.astype("f4"), fp.astype("f4")))
# 2.x: np.trapezoid (1.24: np.trapz)
case("trapz", lambda: np.trapz(mks((5,), "f8")))
case("trapz int", lambda: np.trapz(mks((5,), "i4")))
case("trapz x", lambda: np.trapz(mks((5,), "f8"), np.array([0.0, 1, 1.5, 3.5, 4.0])))
case("trapz dx", lambda: np.trapz(mks((2, 5), "f8"), dx=0.25, axis=0))
case("trapz 2dx", lambda: np.trapz(mks((2, 5), "f8"), mk((2, 5), "f8")))
case("trapz f4", lambda: np.trapz(mks((5,), "f4")))
case("trapz empty", lambda: np.trapz(np.zeros(0)))
case("trapz 1", lambda: np.trapz(np.ones(1)))
case("cov", lambda: np.cov(mks((3, 5), "f8")))
case("cov int", lambda: np.cov(mks((3, 5), "i4")))
case("cov f4", lambda: np.cov(mks((3, 5), "f4")))
case("cov 1d", lambda: np.cov(mks((5,), "f8")))
case("cov rowvar", lambda: np.cov(mks((5, 3), "f8"), rowvar=False))
case("cov bias", lambda: np.cov(mks((3, 5), "f8"), bias=True))
case("cov ddof", lambda: np.cov(mks((3, 5), "f8"), ddof=2))
case("cov y", lambda: np.cov(mks((2, 5), "f8"), mk((5,), "f8")))
case("cov c", lambda: np.cov(mks((2, 5), "c16")))
case("cov fw", lambda: np.cov(mks((2, 5), "f8"), fweights=np.array([1, 2, 1, 3, 1])))
case("cov aw", lambda: np.cov(mks((2, 5), "f8"), aweights=np.array([0.5, 1, 2, 1, 0.25])))
case("cov fw float", lambda: np.cov(mks((2, 5), "f8"), fweights=np.array([1.0, 2, 1, 3, 1])))
case("cov fw neg", lambda: np.cov(mks((2, 5), "f8"), fweights=np.array([1, -2, 1, 3, 1])))
case("cov aw neg", lambda: np.cov(mks((2, 5), "f8"), aweights=np.array([1, -2, 1, 3, 1.0])))
case("cov fw len", lambda: np.cov(mks((2, 5), "f8"), fweights=np.array([1, 2])))
case("cov 3d", lambda: np.cov(mks((2, 2, 2), "f8")))
case("cov 1obs", lambda: np.cov(mks((2, 1), "f8")))
case("corrcoef", lambda: np.corrcoef(mks((3, 5), "f8")))
case("corrcoef xy", lambda: np.corrcoef(mks((5,), "f8"), mk((5,), "f8")))
case("corrcoef c", lambda: np.corrcoef(mks((2, 5), "c16")))
case("corrcoef 1d", lambda: np.corrcoef(mks((5,), "f8")))
case("corrcoef int", lambda: np.corrcoef(mks((2, 5), "i8")))

# ------------------------------------------------------------------ fft
for dt in ["b1", "i4", "u1", "f2", "f4", "f8", "c8", "c16"]:
    x = mks((8,), dt)
    case("fft " + dt, lambda: fft2x(np.fft.fft, x))
    case("ifft " + dt, lambda: fft2x(np.fft.ifft, x))
    if dt[0] != "c":
        case("rfft " + dt, lambda: fft2x(np.fft.rfft, x))
        case("ihfft " + dt, lambda: fft2x(np.fft.ihfft, x))
    case("irfft " + dt, lambda: fft2x(np.fft.irfft, x))
    case("hfft " + dt, lambda: fft2x(np.fft.hfft, x))
x = mks((3, 7), "f8")
z = mks((3, 7), "c16")
for n in [1, 5, 7, 12]:
    case("fft n%d" % n, lambda: np.fft.fft(z, n=n))
    case("rfft n%d" % n, lambda: np.fft.rfft(x, n=n))
    case("irfft n%d" % n, lambda: np.fft.irfft(z, n=n))
    case("hfft n%d" % n, lambda: np.fft.hfft(z, n=n))
for norm in ["backward", "ortho", "forward"]:
    case("fft " + norm, lambda: np.fft.fft(z, norm=norm))
    case("ifft " + norm, lambda: np.fft.ifft(z, norm=norm))
    case("rfft " + norm, lambda: np.fft.rfft(x, norm=norm))
    case("irfft " + norm, lambda: np.fft.irfft(z, norm=norm))
    case("hfft " + norm, lambda: np.fft.hfft(z, norm=norm))
    case("ihfft " + norm, lambda: np.fft.ihfft(x, norm=norm))
    case("fftn " + norm, lambda: np.fft.fftn(z, norm=norm))
    case("irfftn " + norm, lambda: np.fft.irfftn(z, norm=norm))
case("fft ax0", lambda: np.fft.fft(z, axis=0))
case("fft T", lambda: np.fft.fft(z.T[::-1], axis=0))
case("rfft ax0", lambda: np.fft.rfft(x, axis=0))
case("fft n-1", lambda: np.fft.fft(z, n=-1))
case("fft ax2", lambda: np.fft.fft(z, axis=2))
case("fft ax2 n", lambda: np.fft.fft(z, n=4, axis=2))
case("fftn axes oob", lambda: np.fft.fftn(z, axes=(2,)))
case("fft2 1d", lambda: np.fft.fft2(np.ones(3)))
case("fft2 0d", lambda: np.fft.fft2(np.array(1.0)))
case("irfft 1", lambda: np.fft.irfft(np.array([1.0 + 0j])))
case("fft empty", lambda: np.fft.fft(np.zeros(0)))
case("fft 0d", lambda: np.fft.fft(np.array(1.0)))
case("fft2", lambda: np.fft.fft2(z))
case("ifft2", lambda: np.fft.ifft2(z))
case("fft2 s", lambda: np.fft.fft2(z, s=(2, 9)))
case("fftn axes", lambda: np.fft.fftn(z, axes=(0,)))
case("fftn s axes", lambda: np.fft.fftn(z, s=(4,), axes=(1,)))
case("fftn s axes bad", lambda: np.fft.fftn(z, s=(4, 2), axes=(1,)))
case("fftn rep axes", lambda: np.fft.fftn(z, axes=(1, 1)))
case("rfft2", lambda: np.fft.rfft2(x))
case("rfftn s", lambda: np.fft.rfftn(x, s=(4, 6)))
case("irfft2", lambda: np.fft.irfft2(z))
case("irfftn s", lambda: np.fft.irfftn(z, s=(3, 9)))
case("fftn 3d", lambda: np.fft.fftn(mks((2, 3, 4), "c16")))
case("rfftn 3d", lambda: np.fft.rfftn(mks((2, 3, 4), "f8"), axes=(0, 2)))
case("fftn f4", lambda: fft2x(np.fft.fftn, mks((3, 4), "f4")))
case("fftfreq8", lambda: np.fft.fftfreq(8, 0.1))
case("fftfreq7", lambda: np.fft.fftfreq(7))
case("fftfreq1", lambda: np.fft.fftfreq(1))
case("rfftfreq8", lambda: np.fft.rfftfreq(8, 0.1))
case("rfftfreq7", lambda: np.fft.rfftfreq(7, 2.0))
case("fftfreq0", lambda: np.fft.fftfreq(0))
case("rfftfreq0", lambda: np.fft.rfftfreq(0))
case("fftshift", lambda: np.fft.fftshift(mk((3, 5), "i4")))
case("fftshift ax", lambda: np.fft.fftshift(mk((3, 5), "i4"), axes=1))
case("ifftshift", lambda: np.fft.ifftshift(mk((3, 5), "i4")))
case("ifftshift ax0", lambda: np.fft.ifftshift(mk((3, 5), "f4"), axes=0))



# ------------------------------------------------------------------ options, round 3
a = mks((3, 4), "f8")
i = mks((3, 4), "i4")
case("r3 sort desc view", lambda: np.sort(a[:, ::-1][::2], axis=0))
case("r3 argsort T ax0", lambda: np.argsort(i.T, axis=0, kind="stable"))
case("r3 partition kths", lambda: np.partition(mks((12,), "i8"), (1, 5, 9))[[1, 5, 9]])
case("r3 partition kth dup", lambda: np.partition(mks((12,), "f4"), (3, 3))[3])
case("r3 argpartition axN", lambda: mks((3, 4), "i4").reshape(-1)[np.argpartition(mks((3, 4), "i4"), 5, axis=None)[5]])
case("r3 lexsort ax0", lambda: np.lexsort((mk((3, 4), "i4") % 2, mk((3, 4), "u1") % 3), axis=0))
case("r3 lexsort 3keys", lambda: np.lexsort((mk((8,), "f4"), mk((8,), "i2") % 2, mk((8,), "b1"))))
case("r3 ss sorter desc", lambda: np.searchsorted(np.array([3.0, 1.0, 2.0]), [2.0, 0.5], side="right", sorter=[1, 2, 0]))
case("r3 ss strided", lambda: np.searchsorted(np.arange(20.0)[::3], np.array([[4.0, 9.5], [-1.0, 100.0]])))
case("r3 ss strings", lambda: np.searchsorted(np.array(["a", "bb", "c"]), np.array(["b", "c", "zz", ""])))
case("r3 ss bool", lambda: np.searchsorted(np.array([False, True, True]), np.array([True, False])))
case("r3 unique ax0 all", lambda: np.unique(mk((4, 3), "i4") % 2, axis=0, return_index=True, return_inverse=True, return_counts=True))
case("r3 unique ax-1", lambda: np.unique(mk((2, 5), "f4") % 3, axis=-1))
case("r3 unique strings", lambda: np.unique(np.array(["b", "a", "b", ""]), return_counts=True))
case("r3 unique bool", lambda: np.unique(mk((7,), "b1"), return_index=True))
case("r3 isin strings", lambda: np.isin(np.array(["a", "bb", "c"]), np.array(["bb", "x"])))
case("r3 isin kind table", lambda: np.isin(mks((6,), "i2"), mks((3,), "i2"), kind="table"))
case("r3 isin 2d test", lambda: np.isin(mks((4,), "i4"), mks((2, 2), "i4")))
case("r3 intersect idx", lambda: np.intersect1d(mk((6,), "i4"), mk((5,), "i4") + 1, return_indices=True))
case("r3 setdiff assume", lambda: np.setdiff1d(np.array([5, 1, 3]), np.array([1]), assume_unique=True))
case("r3 setxor assume", lambda: np.setxor1d(np.array([5, 1, 3]), np.array([1, 7]), assume_unique=True))
# 2.x: np.quantile(mks((5,), "f8"), [0.5, 0.2], weights=[1, 2, 1, 1, 3], method="inverted_cdf"), by hand:
# sorted -1.5 -1 0.5 2 2.5 with weights 1 1 1 3 2, cdf .125 .25 .375 .75 1
case("r3 q weights", lambda: np.array([2.0, -1.0]))
case("r3 q method ax", lambda: np.quantile(mks((4, 5), "i4"), 0.4, axis=1, method="nearest"))
case("r3 q keepdims", lambda: np.quantile(mks((2, 3, 4), "f8"), [0.1, 0.9], axis=(0, 2), keepdims=True))
case("r3 nanq methods", lambda: np.nanquantile(mkn((3, 5), "f8"), 0.5, axis=1, method="median_unbiased"))
case("r3 nanpct lower", lambda: np.nanpercentile(mkn((3, 5), "f4"), 40, axis=0, method="lower"))
case("r3 median c", lambda: np.median(mks((5,), "c16")))
case("r3 median bool", lambda: np.median(mk((4,), "b1")))
# 2.x: q / 100.0 stays float16 (weak 100.0), and so does the result (1.24: float64)
case("r3 pct f2", lambda: np.percentile(mks((7,), "f2"), np.array([10, 90], np.float16)).astype("f2"))
case("r3 hist weights c", lambda: np.histogram(mks((10,), "f8"), bins=3, weights=mks((10,), "c16")))
case("r3 hist range int", lambda: np.histogram(mks((10,), "i1"), bins=4, range=(-3, 3)))
case("r3 hist u8 big", lambda: np.histogram(np.array([0, 2**64 - 1], np.uint64), bins=2))
case("r3 hist density edges", lambda: np.histogram(mks((10,), "f8"), bins=np.array([-3.0, 0.0, 1.0, 3.0]), density=True))
case("r3 digitize u8", lambda: np.digitize(np.array([0, 5, 2**63], np.uint64), np.array([1, 2**63], np.uint64)))
case("r3 bincount bool", lambda: np.bincount(mk((6,), "b1")))
case("r3 bincount w int", lambda: np.bincount(mk((6,), "i4"), weights=mk((6,), "i8")))
case("r3 cov ddof fw aw", lambda: np.cov(mks((2, 5), "f8"), ddof=0, fweights=np.array([1, 2, 1, 3, 1]), aweights=np.array([0.5, 1, 2, 1, 0.25])))
case("r3 cov dtype", lambda: np.cov(mks((2, 5), "f8"), dtype=np.float32))
case("r3 corr rowvar", lambda: np.corrcoef(mks((5, 2), "f8"), rowvar=False))
case("r3 diff n2 bool", lambda: np.diff(mk((6,), "b1"), n=2))
case("r3 diff c", lambda: np.diff(mks((4,), "c8")))
case("r3 diff f2", lambda: np.diff(mks((4,), "f2")))
case("r3 ediff1d 2d begin", lambda: np.ediff1d(mks((4,), "f8"), to_begin=np.array([[1.0, 2.0]])))
case("r3 grad axes", lambda: grads(np.gradient(mks((3, 4, 2), "f8"), axis=(0, 2))))
case("r3 grad c", lambda: grads(np.gradient(mks((4,), "c16"))))
case("r3 grad e2 3", lambda: grads(np.gradient(mks((3,), "f8"), edge_order=2)))
case("r3 grad 0d sp", lambda: grads(np.gradient(mks((4,), "f8"), np.array(2.0))))
case("r3 grad u8", lambda: grads(np.gradient(np.array([1, 0, 3], np.uint8))))
case("r3 grad f4 sp", lambda: grads(np.gradient(mks((4,), "f4"), 2.0)))
case("r3 interp right only", lambda: np.interp(np.array([-5.0, 5.0]), [0.0, 1.0], [2.0, 3.0], right=-1.0))
case("r3 interp nan fp", lambda: np.interp(np.array([0.5, 1.5]), [0.0, 1.0, 2.0], [np.nan, 1.0, np.inf]))
case("r3 interp inf x", lambda: np.interp(np.array([np.inf, -np.inf]), [0.0, 1.0], [2.0, 3.0]))
case("r3 interp period neg", lambda: np.interp(np.array([-30.0, 400.0]), np.array([350.0, 10.0, 180.0]), np.array([1.0, 2.0, 3.0]), period=-360))
case("r3 trapz x2", lambda: np.trapz(mks((3, 4), "f8"), x=np.array([0.0, 0.5, 2.0]), axis=0))
case("r3 trapz c", lambda: np.trapz(mks((4,), "c16")))
case("r3 trapz bool", lambda: np.trapz(mk((4,), "b1")))
case("r3 conv c", lambda: np.convolve(mks((4,), "c8"), mks((2,), "c8")))
case("r3 conv u1", lambda: np.convolve(mk((4,), "u1") * 30, mk((3,), "u1") * 30))
case("r3 corr same even", lambda: np.correlate(mks((6,), "f8"), mks((4,), "f8"), mode="same"))
case("r3 conv same even", lambda: np.convolve(mks((3,), "f8"), mks((6,), "f8"), mode="same"))
# 2.x: the default, an int64 0-d array, takes part in the result type (1.24: value-based, int32)
case("r3 select", lambda: np.select([mks((5,), "i4") < 0, mks((5,), "i4") > 2], [mks((5,), "i4"), mks((5,), "i4") * 10],
                                    default=-7).astype(np.int64))
case("r3 select f", lambda: np.select([mk((4,), "b1")], [mks((4,), "f4")]))
case("r3 diagonal", lambda: np.diagonal(mks((3, 4), "i4"), 1))
case("r3 diagonal neg", lambda: np.diagonal(mks((3, 4), "i4"), -2))
case("r3 diagonal 3d", lambda: np.diagonal(mks((2, 3, 4), "i4"), 0, 2, 0))
case("r3 diagonal far", lambda: np.diagonal(mks((3, 4), "i4"), 7))
case("r3 diagonal same", lambda: np.diagonal(mks((3, 4), "i4"), 0, 1, 1))


def place(a, m, v):
    a = a.copy()
    np.place(a, m, v)
    return a


def putmask(a, m, v):
    a = a.copy()
    np.putmask(a, m, v)
    return a


def fill_diag(shape, val, wrap=False):
    x = np.zeros(shape, np.int32)
    np.fill_diagonal(x, val, wrap=wrap)
    return x


case("r3 fill_diag", lambda: fill_diag((3, 4), 5))
case("r3 fill_diag wrap", lambda: fill_diag((7, 3), 5, True))
case("r3 fill_diag nowrap", lambda: fill_diag((7, 3), 5))
case("r3 fill_diag cube", lambda: fill_diag((3, 3, 3), 2))
case("r3 fill_diag bad", lambda: fill_diag((3, 3, 2), 2))
case("r3 fill_diag arr", lambda: fill_diag((4, 4), np.array([1, 2])))
case("r3 tril_indices", lambda: np.tril_indices(3, 1, 4))
case("r3 triu_indices", lambda: np.triu_indices(4, -1))
case("r3 diag_indices", lambda: np.diag_indices(3, 3))
case("r3 meshgrid", lambda: np.meshgrid(mk((2,), "i4"), mk((3,), "f4")))
case("r3 meshgrid ij sparse", lambda: np.meshgrid(mk((2,), "i4"), mk((3,), "f4"), indexing="ij", sparse=True))
case("r3 meshgrid 3", lambda: np.meshgrid(mk((2,), "i4"), mk((3,), "i4"), mk((1,), "i4")))
case("r3 mgrid", lambda: np.mgrid[0:3, 1:2:0.5])
case("r3 mgrid j", lambda: np.mgrid[-1:1:5j])
case("r3 ogrid", lambda: np.ogrid[0:3, 0:4:2])
case("r3 swv", lambda: np.lib.stride_tricks.sliding_window_view(mk((6,), "i4"), 3))
case("r3 swv 2d ax", lambda: np.lib.stride_tricks.sliding_window_view(mk((3, 4), "i4"), 2, axis=1))
case("r3 swv too big", lambda: np.lib.stride_tricks.sliding_window_view(mk((3,), "i4"), 4))
case("r3 block", lambda: np.block([[mk((2, 2), "i4"), mk((2, 1), "i4")], [mk((1, 3), "f4")]]))
case("r3 block bad", lambda: np.block([[mk((2, 2), "i4"), mk((1, 1), "i4")]]))
case("r3 rollaxis", lambda: np.rollaxis(mk((2, 3, 4), "i4"), 2))
case("r3 rollaxis start", lambda: np.rollaxis(mk((2, 3, 4), "i4"), 0, 2))
case("r3 rollaxis bad", lambda: np.rollaxis(mk((2, 3, 4), "i4"), 0, 5))
case("r3 packbits", lambda: np.packbits(mk((2, 5), "b1")))
case("r3 packbits ax little", lambda: np.packbits(mk((2, 9), "u1") % 2, axis=1, bitorder="little"))
case("r3 packbits float", lambda: np.packbits(mk((4,), "f4")))
case("r3 unpackbits", lambda: np.unpackbits(np.array([3, 255], np.uint8)))
case("r3 unpackbits count", lambda: np.unpackbits(np.array([[3, 255]], np.uint8), axis=1, count=-3, bitorder="little"))
case("r3 unpackbits i1", lambda: np.unpackbits(np.array([3], np.int8)))
case("r3 split neg idx", lambda: np.split(mk((6,), "i4"), [-2, 2]))
case("r3 array_split ax1", lambda: np.array_split(mk((2, 7), "i4"), 3, axis=1))
case("r3 hsplit 2d", lambda: np.hsplit(mk((2, 4), "i4"), 2))
case("r3 tile 0d", lambda: np.tile(np.array(3), (2, 2)))
case("r3 repeat empty", lambda: np.repeat(np.zeros((0, 2)), 3, axis=0))
case("r3 roll 0d", lambda: np.roll(np.array(3), 1))
case("r3 flip 0d", lambda: np.flip(np.array(3)))
case("r3 pad maximum empty", lambda: np.pad(np.zeros((2, 0)), ((1, 1), (0, 0)), mode="maximum"))


def pad_wrap_2x(a, widths):
    """2.x pads 'wrap' periodically however wide the pads (1.24 shifted the period when
    one side was wider than the array and the other was not)."""
    for ax, (lo, hi) in enumerate(widths):
        a = np.take(a, np.arange(-lo, a.shape[ax] + hi), axis=ax, mode="wrap")
    return a


case("r3 pad wrap 2d", lambda: pad_wrap_2x(mk((2, 3), "i4"), ((3, 4), (5, 1))))
case("r3 pad reflect 1", lambda: np.pad(np.array([7]), 3, mode="reflect"))
case("r3 pad symmetric big", lambda: np.pad(mk((3,), "i4"), (8, 7), mode="symmetric"))
case("r3 pad linear f", lambda: np.pad(mks((2, 2), "f4"), 2, mode="linear_ramp", end_values=((1, 2), (3, 4))))
case("r3 pad empty mode", lambda: np.array(np.pad(mk((2,), "i4"), 1, mode="empty").shape[0]))
case("r3 insert multi 2d", lambda: np.insert(mk((2, 3), "i4"), [0, 2], np.array([[7], [8]]), axis=1))
case("r3 insert neg list", lambda: np.insert(mk((4,), "i4"), [-1, -4], np.array([9, 8])))
case("r3 delete slice all", lambda: np.delete(mk((4,), "i4"), [0, 1, 2, 3]))
case("r3 delete neg oob", lambda: np.delete(mk((4,), "i4"), -5))
case("r3 append 0d", lambda: np.append(np.array(1), np.array(2.5)))
case("r3 resize 0d", lambda: np.resize(np.array(4), (2, 3)))
case("r3 trim ax", lambda: np.array([[0, 0, 1], [0, 2, 0], [0, 0, 0]])[:, 1:])  # 2.x: trim_zeros(m, axis=1), by hand
case("r3 apply", lambda: np.apply_along_axis(np.sort, 1, mks((3, 4), "i4")))
case("r3 apply axis0", lambda: np.apply_along_axis(np.sort, 0, mks((3, 4), "i4")))
case("r3 where 1arg", lambda: np.where(mks((2, 3), "i4")))
case("r3 put_along none", lambda: pala(mk((2, 3), "i4"), np.array([0, 5]), np.array([8, 9]), None))
case("r3 take_along none", lambda: np.take_along_axis(mk((2, 3), "i4"), np.array([5, 0]), axis=None))
case("r3 choose 2d sel", lambda: np.choose(np.array([[0, 1], [1, 0]]), [np.array([[1, 2], [3, 4]]), np.array(9)]))
case("r3 take out mode", lambda: np.take(mk((5,), "i4"), np.array([[7, -8]]), mode="clip"))
case("r3 place", lambda: place(mks((2, 3), "f8"), mks((2, 3), "f8") > 0, np.array([7.0, 8.0])))
case("r3 place empty vals", lambda: place(mks((2, 3), "f8"), mks((2, 3), "f8") > 0, np.zeros(0)))
case("r3 place cast", lambda: place(mks((2, 3), "i4"), mks((2, 3), "i4") > 0, np.array([1.5])))
case("r3 putmask i1", lambda: putmask(mks((2, 3), "i4"), mks((2, 3), "i4") > 0, np.array([7, 8], np.int8)))
case("r3 putmask", lambda: putmask(mks((2, 3), "i4"), mks((2, 3), "i4") > 0, np.array([70, 80])))
# 2.x: an s entry of -1 keeps that axis' length (1.24: an error)
case("r3 fftn s -1", lambda: np.fft.fftn(mks((3, 4), "c16"), s=(3, 6)))
case("r3 irfftn odd", lambda: np.fft.irfftn(mks((3, 4), "c16"), s=(3, 7)))
case("r3 hfft odd n", lambda: np.fft.hfft(mks((4,), "c16"), n=7))
case("r3 ihfft c", lambda: np.fft.ihfft(mks((5,), "f8"), n=4, norm="ortho"))
case("r3 rfft i2 ortho", lambda: np.fft.rfft(mks((6,), "i2"), norm="ortho"))
case("r3 fft prime", lambda: np.fft.fft(mks((17,), "c16")))
case("r3 fft big prime", lambda: np.fft.fft(mks((1009,), "f8")))
case("r3 ifftshift odd", lambda: np.fft.ifftshift(mk((5,), "i4")))
case("r3 fftshift neg axes", lambda: np.fft.fftshift(mk((3, 4), "i4"), axes=(-1, -1)))


# ------------------------------------------------------------------ special values, round 4
SPEC = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, 1e308, -1e-308, 5e-324, -np.nan, 2.0])
for dt in ["f2", "f4", "f8"]:
    x = SPEC.astype(dt)
    case("r4 sort " + dt, lambda: np.sort(x))
    case("r4 argsort " + dt, lambda: np.argsort(x, kind="stable"))
    case("r4 unique " + dt, lambda: np.unique(x, return_counts=True))
    case("r4 median " + dt, lambda: np.median(x[[0, 1, 2, 3, 5, 6]]))
    case("r4 pct " + dt, lambda: np.percentile(x[[0, 1, 2, 5, 6, 7, 9]], [0, 50, 100]))
    case("r4 ss " + dt, lambda: np.searchsorted(np.sort(x), x))
    case("r4 diff " + dt, lambda: np.diff(x))
    case("r4 nanmedian " + dt, lambda: np.nanmedian(x))
    case("r4 nanpct " + dt, lambda: np.nanpercentile(x, [25, 75]))
BIG = np.array([2**62, -2**62, 2**63 - 1, -2**63, 0, 7], np.int64)
case("r4 diff i8 overflow", lambda: np.diff(BIG))
case("r4 sort i8", lambda: np.sort(BIG))
case("r4 median i8", lambda: np.median(BIG[[0, 2]]))
case("r4 pct i8", lambda: np.percentile(BIG, [10, 90]))
case("r4 q i8 lower", lambda: np.quantile(BIG, 0.3, method="lower"))
case("r4 cov i8", lambda: np.cov(BIG.reshape(2, 3)))
case("r4 conv i8", lambda: np.convolve(BIG[:3], np.array([2, 3], np.int64)))
case("r4 bincount big w", lambda: np.bincount(np.array([0, 1, 1]), weights=np.array([1e308, 1e308, 1e308])))
case("r4 hist inf", lambda: np.histogram(np.array([1.0, np.inf])))
case("r4 hist inf range", lambda: np.histogram(np.array([1.0, np.inf, -np.inf, 2.0]), bins=2, range=(0, 3)))
case("r4 hist tiny range", lambda: np.histogram(np.array([1.0, 1.0 + 2**-52]), bins=3))
case("r4 digitize inf", lambda: np.digitize(np.array([-np.inf, np.inf, np.nan]), np.array([0.0, np.inf])))
case("r4 interp inf xp", lambda: np.interp(np.array([0.5, 2.0]), np.array([0.0, 1.0, np.inf]), np.array([1.0, 2.0, 3.0])))
case("r4 unique u8 i8", lambda: np.unique(np.array([2**63, 1, 2**63], np.uint64)))
case("r4 union u8 i8", lambda: np.union1d(np.array([2**63], np.uint64), np.array([-1], np.int64)))
case("r4 gradient inf", lambda: grads(np.gradient(np.array([1.0, np.inf, 3.0, 4.0]))))
case("r4 fft inf", lambda: np.fft.fft(np.array([1.0, np.inf, 0.0, 0.0])))
case("r4 median -0", lambda: np.median(np.array([-0.0, -0.0])))
case("r4 median -0 odd", lambda: np.median(np.array([-0.0, -0.0, 1.0]), axis=0))
case("r4 median -0 c", lambda: np.median(np.array([complex(-0.0, -0.0)])))
case("r4 nanmedian -0", lambda: np.nanmedian(np.array([-0.0, np.nan])))
case("r4 pct -0", lambda: np.percentile(np.array([-0.0, 0.0, -0.0]), 50))
case("r4 sort c special", lambda: np.sort(np.array([complex(np.nan, 0), complex(0, np.nan), complex(1, -np.inf), complex(-np.inf, 1), 0j, -0j])))
case("r4 unique c -0", lambda: np.unique(np.array([0j, complex(-0.0, 0.0), complex(0.0, -0.0)])))
case("r4 isin nan", lambda: np.isin(np.array([np.nan, 1.0]), np.array([np.nan, 1.0])))
case("r4 intersect -0", lambda: np.intersect1d(np.array([-0.0, 1.0]), np.array([0.0])))

# ------------------------------------------------------------------ edge shapes
# Every function of the area on a 0-d, an empty, an empty 2-d, a one-element and a
# reversed 2-d input, with its defaults: results (always as a list) or errors.


def L(r):
    return list(r) if isinstance(r, (list, tuple)) else [r]


def trim_zeros_2x(filt):
    """2.x (2.2): trims every axis by the bounding box of the nonzero elements (1.24
    iterated over a 1-d sequence only)."""
    f = np.asarray(filt)
    nz = np.argwhere(f)
    if nz.size == 0:
        start = stop = np.zeros(f.ndim, np.intp)
    else:
        start, stop = nz.min(axis=0), nz.max(axis=0) + 1
    return f[tuple(slice(a, b) for a, b in zip(start, stop))]


def quantile_2x(fn, x, *args, **kw):
    """2.x: interpolating methods on an empty float axis fail at arr[-1] (1.24: in take)."""
    try:
        return fn(x, *args, **kw)
    except IndexError as e:
        if str(e) == "cannot do a non-empty take from an empty axes." and np.asarray(x).dtype.kind == "f":
            raise IndexError("index -1 is out of bounds for axis 0 with size 0")
        raise


def unique_2x(x):
    """2.x: the inverse has the input's shape (1.24: flat)."""
    u, i, inv, c = np.unique(x, return_index=True, return_inverse=True, return_counts=True)
    return u, i, inv.reshape(np.shape(x)), c


def nonzero_2x(x):
    """2.x: nonzero of a 0-d array is an error (1.24: a deprecation warning)."""
    if np.ndim(x) == 0:
        raise ValueError("Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() "
                         "instead. If the context of this error is of the form `arr[nonzero(cond)]`, just use "
                         "`arr[cond]`.")
    return np.nonzero(x)


EDGE_IN = [("0d", lambda: np.array(2.5)), ("e0", lambda: np.zeros(0)), ("e03", lambda: np.zeros((0, 3))),
           ("one", lambda: np.array([1.5])), ("rev", lambda: mks((3, 4), "i4")[::-1, ::-2])]
EDGE_FN = [
    ("sort", lambda x: np.sort(x)), ("sortN", lambda x: np.sort(x, axis=None)), ("argsort", lambda x: np.argsort(x, kind="stable")),
    ("partition", lambda x: np.sort(np.partition(x, 0))), ("lexsort", lambda x: np.lexsort([x])),
    ("searchsorted", lambda x: np.searchsorted(x, x)), ("sort_complex", lambda x: np.sort_complex(x)),
    ("unique", lambda x: unique_2x(x)),
    ("isin", lambda x: np.isin(x, np.array([1.5, 2.0]))), ("union1d", lambda x: np.union1d(x, x)),
    ("setdiff1d", lambda x: np.setdiff1d(x, np.array([1.5]))), ("intersect1d", lambda x: np.intersect1d(x, x)),
    ("setxor1d", lambda x: np.setxor1d(x, np.array([1.5]))),
    ("median", lambda x: np.median(x)), ("nanmedian", lambda x: np.nanmedian(x)),
    ("median0", lambda x: np.median(x, axis=0)), ("percentile", lambda x: quantile_2x(np.percentile, x, 30)),
    ("quantile-1", lambda x: quantile_2x(np.quantile, x, [0.25, 0.5], axis=-1)), ("nanquantile", lambda x: np.nanquantile(x, 0.5)),
    ("histogram", lambda x: np.histogram(x, bins=3, range=(0, 3))), ("bincount", lambda x: np.bincount(x)),
    ("digitize", lambda x: np.digitize(x, np.array([0.0, 2.0]))), ("diff", lambda x: np.diff(x)),
    ("diff0", lambda x: np.diff(x, axis=0)), ("ediff1d", lambda x: np.ediff1d(x)), ("gradient", lambda x: np.gradient(x)),
    ("trapezoid", lambda x: np.trapz(x)), ("cov", lambda x: np.cov(x)), ("corrcoef", lambda x: np.corrcoef(x)),
    ("convolve", lambda x: np.convolve(x, np.array([1.0, 2.0]))), ("interp", lambda x: np.interp(x, [0.0, 3.0], [1.0, 2.0])),
    ("fft", lambda x: np.fft.fft(x)), ("rfft", lambda x: np.fft.rfft(x)), ("irfft", lambda x: np.fft.irfft(x)),
    ("fftn", lambda x: np.fft.fftn(x)), ("fftshift", lambda x: np.fft.fftshift(x)),
    ("flip", lambda x: np.flip(x)), ("roll", lambda x: np.roll(x, 1)), ("roll0", lambda x: np.roll(x, 1, axis=0)),
    ("rot90", lambda x: np.rot90(x)), ("tile", lambda x: np.tile(x, 2)), ("repeat", lambda x: np.repeat(x, 2)),
    ("pad", lambda x: np.pad(x, 1)), ("padedge", lambda x: np.pad(x, 1, mode="edge")), ("trim_zeros", lambda x: trim_zeros_2x(x)),
    ("flatnonzero", lambda x: np.flatnonzero(x)), ("argwhere", lambda x: np.argwhere(x)), ("nonzero", lambda x: nonzero_2x(x)),
    ("take", lambda x: np.take(x, [0])), ("take0", lambda x: np.take(x, [0], axis=0)),
    ("compress", lambda x: np.compress([True], x)), ("delete", lambda x: np.delete(x, 0)), ("insert", lambda x: np.insert(x, 0, 5.0)),
    ("append", lambda x: np.append(x, x)), ("resize", lambda x: np.resize(x, (2, 2))), ("atleast_3d", lambda x: np.atleast_3d(x)),
    ("moveaxis", lambda x: np.moveaxis(x, 0, -1)), ("split", lambda x: np.array_split(x, 2)), ("concat", lambda x: np.concatenate([x, x])),
    ("stack", lambda x: np.stack([x, x], axis=-1)), ("vstack", lambda x: np.vstack([x, x])), ("column_stack", lambda x: np.column_stack([x, x])),
    ("where", lambda x: np.where(x > 1, x, -x)), ("choose", lambda x: np.choose(np.zeros(np.shape(x), np.int64), [x])),
    ("unravel", lambda x: np.unravel_index(np.zeros(np.shape(x), np.int64), (2, 3))),
    ("take_along", lambda x: np.take_along_axis(x, np.zeros(np.shape(x), np.int64), axis=0)),
]
for iname, mkx in EDGE_IN:
    for fname, fn in EDGE_FN:
        case("edge %s %s" % (fname, iname), lambda: L(fn(mkx())))

print(write(os.path.join(os.path.dirname(os.path.abspath(__file__)), "conform_data.npys")), "records")
