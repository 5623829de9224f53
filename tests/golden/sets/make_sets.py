#!/usr/bin/python3
"""Golden data for tests/test_sets.c: run with /usr/bin/python3 (NumPy 1.24) from this
directory.  Writes sets.npys: a sequence of .npy records, each case a label (an 'S'
array) followed by NumPy's result, or by b"ERR:<Exception>:<message>".  Cases with
several results write the count, then one record per result.  The C test performs the
same cases in the same order.

NumPy 2.x semantics where 1.24 differs: unique's inverse has the input's shape when
axis is None (1.24 gives it 1-d; reshaped below), and unique_all / unique_counts /
unique_inverse / unique_values (2.x only) are np.unique with equal_nan=False.
Inputs: mk(shape, dtype) = ((arange(n) * 7 + 3) % 5) (- 2 for signed types, * 0.5 - 1
for floats and complex, % 2 for bool), cast to the dtype, reshaped; the C test builds
the same."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from npys import OUT, write  # noqa: E402
from npys import case as _case  # noqa: E402


def case(name, fn):
    _case(name, fn, pieces=tuple)


def mk(shape, dt):
    n = int(np.prod(shape)) if len(shape) else 1
    v = ((np.arange(n, dtype=np.int64) * 7 + 3) % 5).astype(np.float64)
    k = np.dtype(dt).kind
    if k == "i":
        v = v - 2
    elif k in "fc":
        v = v * 0.5 - 1
    elif k == "b":
        v = v % 2
    if k in "SU":
        return v.astype(np.int64).astype(dt).reshape(shape)
    return v.astype(dt).reshape(shape)



def unique2(a, **kw):
    """np.unique with NumPy 2's inverse shape (the input's, for axis=None)."""
    r = np.unique(a, **kw)
    if kw.get("return_inverse") and kw.get("axis") is None:
        r = list(r)
        k = 1 + bool(kw.get("return_index"))
        r[k] = r[k].reshape(np.shape(a))
        r = tuple(r)
    return r


DTYPES = ["b1", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16", "S3", "U3"]
ALL = dict(return_index=True, return_inverse=True, return_counts=True)

for dt in DTYPES:
    a = mk((3, 4), dt)
    b = mk((6,), dt)[1:4]
    case("unique " + dt, lambda: np.unique(a))
    case("unique all " + dt, lambda: unique2(a, **ALL))
    case("unique rev " + dt, lambda: unique2(a[:, ::-1], return_inverse=True, return_counts=True))
    case("unique ax0 " + dt, lambda: unique2(a, axis=0, **ALL))
    case("unique ax1 " + dt, lambda: unique2(a, axis=1, **ALL))
    case("isin " + dt, lambda: np.isin(a, b))
    case("isin inv " + dt, lambda: np.isin(a[::-1], b, invert=True))
    case("intersect " + dt, lambda: np.intersect1d(a, b, return_indices=True))
    case("intersect u " + dt, lambda: np.intersect1d(np.unique(a), np.unique(b), assume_unique=True))
    case("union " + dt, lambda: np.union1d(a, b))
    case("setdiff " + dt, lambda: np.setdiff1d(a, b))
    case("setdiff u " + dt, lambda: np.setdiff1d(np.unique(a)[::-1], np.unique(b), assume_unique=True))
    case("setxor " + dt, lambda: np.setxor1d(a, b))
    case("setxor u " + dt, lambda: np.setxor1d(np.unique(a), np.unique(b), assume_unique=True))

# NaNs: equal_nan folds them (complex: every NaN kind), NumPy 2's unique_* do not
for dt in ["f2", "f4", "f8", "c8", "c16"]:
    x = mk((10,), dt)
    x[[1, 4, 7]] = np.nan
    if dt[0] == "c":
        x[4] = complex(1, np.nan)
        x[7] = complex(np.nan, 2)
    case("nan unique " + dt, lambda: unique2(x, **ALL))
    case("nan unique noeq " + dt, lambda: unique2(x, equal_nan=False, **ALL))
    case("nan isin " + dt, lambda: np.isin(x, x[::-1]))
    case("nan intersect " + dt, lambda: np.intersect1d(x, x[:5]))
    case("nan setxor " + dt, lambda: np.setxor1d(x, x[:5]))

# rows with NaN and signed zeros: lexicographic, NaN rows distinct
r = np.array([[1.0, np.nan], [-1, 2], [1, np.nan], [-0.0, 3], [0.0, 3], [-1, -2], [np.nan, 0]])
case("rows nan", lambda: unique2(r, axis=0, **ALL))
case("rows 3d", lambda: unique2(mk((2, 3, 2), "i4") % 2, axis=1, **ALL))
case("rows zero cols", lambda: unique2(np.zeros((3, 0)), axis=0, return_inverse=True, return_counts=True))
case("rows zero rows", lambda: unique2(np.zeros((0, 3)), axis=0, return_inverse=True, return_counts=True))

# 0-d and empty
case("unique 0d", lambda: unique2(np.array(5), **ALL))
case("unique empty", lambda: unique2(np.zeros((0, 2)), **ALL))
case("isin empty test", lambda: np.isin(mk((4,), "i8"), np.zeros(0, dtype=np.int64)))
case("isin empty test inv", lambda: np.isin(mk((4,), "f8"), np.zeros(0), invert=True))
case("isin 0d", lambda: np.isin(np.array(2.0), mk((4,), "f8")))
case("setxor empty", lambda: np.setxor1d(np.zeros(0), np.zeros(0)))
case("intersect empty", lambda: np.intersect1d(np.zeros(0, dtype=np.int32), mk((3,), "i4"), return_indices=True))

# mixed dtypes: compared in the common dtype
case("isin int float", lambda: np.isin(mk((2, 3), "i8"), np.array([0.0, 1.5, 2.0])))
case("union i1 f4", lambda: np.union1d(np.array([1, -3], np.int8), np.array([2.5, 1.0], np.float32)))
case("isin u8 i8", lambda: np.isin(np.array([0, 2, 5], np.uint8), np.array([-1, 2], np.int8)))
case("intersect S U", lambda: np.intersect1d(np.array([b"a", b"bc"]), np.array(["bc", "d"])))
case("isin big range", lambda: np.isin(np.array([0, 10**12, 5, -7]), np.array([10**12, -7, 3])))
case("isin table", lambda: np.isin(mk((20,), "i4"), np.array([0, 1, -2], np.int16), kind="table"))
case("isin table float", lambda: np.isin(mk((3,), "f8"), mk((3,), "f8"), kind="table"))

# NumPy 2's unique_all / unique_counts / unique_inverse / unique_values
u = mk((2, 5), "f8")
u[0, 1] = np.nan
u[1, 3] = np.nan
case("unique_all", lambda: unique2(u, equal_nan=False, **ALL))
case("unique_counts", lambda: unique2(u, equal_nan=False, return_counts=True))
case("unique_inverse", lambda: unique2(u, equal_nan=False, return_inverse=True))
case("unique_values", lambda: np.unique(u, equal_nan=False))

write("sets.npys")
print(sum(1 for rec in OUT if rec.dtype.kind == "S" and rec.ndim == 0 and not rec.tobytes().startswith(b"ERR")), "records")
