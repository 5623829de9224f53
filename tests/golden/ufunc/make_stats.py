#!/usr/bin/python3
"""Golden data for tests/test_stats_reduce.c: NumPy's statistics (mean, var, std,
argmax, ..., the nan family) on every dtype, with axis None / one / several /
negative, keepdims, ddof, dtype, on strided, negative-stride, 0-d and empty inputs.

Format (one record a line, fields split by '|'):
  IN|id|dtype|shape|values            values space-separated (floats as float.hex,
                                      complex as re,im)
  CASE|func|id|index|axis|keepdims|ddof|dtype|rdtype|rshape|values
      index: NumPy index text applied to the input ('-': none); axis 'N' = None,
      else comma-separated; rdtype 'ERR' means values is the error message.
Run: /usr/bin/python3 make_stats.py > stats.txt"""
import warnings
import numpy as np

warnings.simplefilter("ignore")
np.seterr(all="ignore")
rng = np.random.default_rng(1234)

DTYPES = ["bool", "int8", "uint8", "int16", "int32", "int64", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]


def fmt(v, dt):
    dt = np.dtype(dt)
    if dt.kind == "b":
        return "1" if v else "0"
    if dt.kind in "iu":
        return str(int(v))
    if dt.kind == "c":
        return float(v.real).hex() + "," + float(v.imag).hex()
    return float(v).hex()


def vals(a):
    a = np.asarray(a)
    return " ".join(fmt(x, a.dtype) for x in a.ravel(order="C"))


def shape_txt(s):
    return ",".join(str(x) for x in s) if len(s) else "-"


def make_input(dt, shape, nan=True):
    n = int(np.prod(shape))
    dt = np.dtype(dt)
    if dt.kind == "b":
        a = rng.integers(0, 2, n).astype(bool)
    elif dt.kind in "iu":
        lo = 0 if dt.kind == "u" else -20
        a = rng.integers(lo, 20, n).astype(dt)
    else:
        x = rng.standard_normal(n) * 3 + 0.5
        if dt.kind == "c":
            x = x + 1j * rng.standard_normal(n)
        a = x.astype(dt)
        if nan and n > 5:
            a[rng.integers(0, n, max(1, n // 8))] = np.nan
    return a.reshape(shape)


inputs = {}
lines = []


def add_input(name, a):
    inputs[name] = a
    lines.append("IN|%s|%s|%s|%s" % (name, a.dtype.name, shape_txt(a.shape), vals(a)))


for dt in DTYPES:
    add_input(dt + "_234", make_input(dt, (2, 3, 4)))
    add_input(dt + "_0d", make_input(dt, ()))
    add_input(dt + "_e", make_input(dt, (0, 3)))
    if np.dtype(dt).kind in "fc":
        add_input(dt + "_clean", make_input(dt, (3, 5), nan=False))
        allnan = make_input(dt, (3, 4), nan=False)
        allnan[1, :] = np.nan
        add_input(dt + "_allnan", allnan)
# a long run for the blocked argmax / min / max paths: NaN late, ties
for dt in ("float64", "float32"):
    big = make_input(dt, (5000,), nan=False)
    big[4321] = big.max()
    big[777] = big.max()
    add_input(dt + "_big", big)
    bn = big.copy()
    bn[3001] = np.nan
    bn[4999] = np.nan
    add_input(dt + "_bignan", bn)
add_input("float64_wide", make_input("float64", (7, 300), nan=False))
add_input("wfull", np.abs(make_input("float64", (2, 3, 4), nan=False)))
add_input("w3", np.array([1, 2, 5], dtype=np.int32))


def call(func, a, axis, keepdims, ddof, dtype):
    # average: _w weights of a's shape, _w1 1-d weights along axis 1, _r the sum of
    # weights (returned=True) of the _w call
    if func == "average":
        return np.average(a, axis=axis, keepdims=keepdims)
    if func in ("average_w", "average_r"):
        r = np.average(a, axis=axis, weights=inputs["wfull"], keepdims=keepdims, returned=True)
        return r[0] if func == "average_w" else r[1]
    if func == "average_w1":
        return np.average(a, axis=axis, weights=inputs["w3"], keepdims=keepdims)
    f = getattr(np, func)
    kw = {}
    if func in ("argmax", "argmin", "nanargmax", "nanargmin", "nancumsum", "nancumprod"):
        if func.startswith("nancum"):
            return f(a, axis=axis)
        return f(a, axis=axis, keepdims=keepdims)
    if func == "count_nonzero":
        return f(a, axis=axis, keepdims=keepdims)
    kw["keepdims"] = keepdims
    if func in ("var", "std", "nanvar", "nanstd"):
        kw["ddof"] = ddof
    if dtype is not None:
        kw["dtype"] = dtype
    return f(a, axis=axis, **kw)


def case(func, name, index="-", axis=None, keepdims=False, ddof=0, dtype=None):
    a = inputs[name]
    if index != "-":
        a = eval("a[%s]" % index)
    ax = "N" if axis is None else ",".join(str(x) for x in (axis if isinstance(axis, tuple) else (axis,)))
    head = "CASE|%s|%s|%s|%s|%d|%s|%s" % (func, name, index, ax, int(keepdims), ddof, dtype or "-")
    try:
        r = np.asarray(call(func, a, axis, keepdims, ddof, dtype))
    except Exception as e:  # noqa
        lines.append(head + "|ERR|-|" + str(e))
        return
    lines.append(head + "|%s|%s|%s" % (r.dtype.name, shape_txt(r.shape), vals(r)))


RED = ["mean", "var", "std", "ptp", "nansum", "nanprod", "nanmean", "nanvar", "nanstd",
       "nanmin", "nanmax", "count_nonzero"]
ARG = ["argmax", "argmin", "nanargmax", "nanargmin"]
CUM = ["nancumsum", "nancumprod"]

for dt in DTYPES:
    kind = np.dtype(dt).kind
    n234 = dt + "_234"
    for func in RED + ARG + CUM:
        if func == "ptp" and kind == "b":
            continue  # NumPy: TypeError (bool subtract)
        axes = [None, 0, -1] if func in ARG + CUM else [None, 0, 1, -1, (0, 2), (1, 2)]
        for axis in axes:
            case(func, n234, axis=axis)
        for index in ("::-1, :, ::2", ":, 1:, ::-3"):
            case(func, n234, index=index, axis=None if func in CUM else 1)
        case(func, n234, axis=-1 if func in ARG + CUM else (0, 2), keepdims=func not in CUM)
        case(func, dt + "_0d")
        case(func, dt + "_e", axis=1)
        if func not in ARG + CUM:
            case(func, dt + "_e")
            case(func, dt + "_e", axis=0)
        if kind in "fc":
            case(func, dt + "_clean", axis=None)
            case(func, dt + "_clean", axis=0)
            case(func, dt + "_allnan", axis=1)
            case(func, dt + "_allnan", axis=0)
    for func in ("var", "std", "nanvar", "nanstd"):
        case(func, n234, axis=1, ddof=1)
        case(func, n234, axis=(0, 2), ddof=3)
        case(func, n234, axis=0, ddof=2)
    if kind in "biu":
        case("mean", n234, axis=1, dtype="float32")
        case("var", n234, axis=0, dtype="float32")
for name in ("float64_big", "float64_bignan", "float32_big", "float32_bignan"):
    for func in ("argmax", "argmin", "nanargmax", "nanargmin", "mean", "std", "nanmax", "nanmin", "ptp"):
        case(func, name)
    case("argmax", name, index="::-1")
    case("argmin", name, index="::3")
for func in ("argmax", "argmin", "mean", "std", "var", "ptp", "nanargmax"):
    for axis in (0, 1):
        case(func, "float64_wide", axis=axis)
        case(func, "float64_wide", index="::-1, 1::2", axis=axis)

for dt in DTYPES:
    n234 = dt + "_234"
    for axis in (None, 1, (0, 2), -1):
        case("average", n234, axis=axis)
        case("average_w", n234, axis=axis)
        case("average_r", n234, axis=axis)
    case("average_w", n234, axis=1, keepdims=True)
    case("average_w1", n234, axis=1)
    case("average_w1", n234, axis=-2, keepdims=True)
    case("average_w1", n234)
    case("average_w1", n234, axis=0)
    case("average", dt + "_e", axis=0)

print("\n".join(lines))
