"""Golden data for reductions over reversed and strided views (tests/test_ufunc_order.c):
NumPy's reductions never flip a negative stride (its iterator runs them with
DONT_NEGATE_STRIDES), so a[::-1].sum() adds in the view's logical order and equals
a[::-1].copy().sum() bit for bit; a reduced block that does not coalesce (reversed
rows) is summed pairwise in buffered chunks of 8192 in iteration order.  The cases
pin that order for sum, mean, prod, cumsum, cumprod, nansum, nanmean, std, var,
argmax and argmin.  Writes order.txt.  Run with /usr/bin/python3 (NumPy 1.24.2).

Format, one case per three lines:
  case <dtype> <gen> <shape> <view> <op> <axis>
        shape "20000" or "40x300" or "3x50x200"; view '-' or NumPy index text,
        "|T" after it: then transposed;
        axis 'none' or comma-separated integers; gen: mix (mixed magnitudes), unit
        (within 2**-12 of 1, for products), ties (few distinct values), nan (mix with
        NaN at k % 7 == 3)
  in <salt>     the test regenerates the base array (C order) with the same hash
  out <...>     the result in C order: float.hex per real (re im for complex),
                integers in decimal
"""
import numpy as np

lines = []
salt = [0]


def stream(n, s):
    """n integers m in [-2**23, 2**23) and exponents e in [-43, -3], from a hash."""
    k = np.arange(n, dtype=np.uint64)
    h = (k * np.uint64(2654435761) + np.uint64(s) * np.uint64(40503)) % np.uint64(2**32)
    h2 = (h * np.uint64(2246822519) + np.uint64(374761393)) % np.uint64(2**32)
    m = (h % np.uint64(2**24)).astype(np.int64) - 2**23
    e = (h2 % np.uint64(41)).astype(np.int64) - 43
    return m, e


def gen(kind, n, s):
    m, e = stream(n, s)
    if kind == "mix" or kind == "nan":
        x = np.ldexp(m.astype(np.float64), e)
        if kind == "nan":
            x[np.arange(n) % 7 == 3] = np.nan
    elif kind == "unit":
        x = 1.0 + np.ldexp((m >> 12).astype(np.float64), -23)   # |m>>12| < 2**11: exact
    else:  # ties
        x = (m % 5).astype(np.float64)
    return x


def hexes(r):
    r = np.asarray(r)
    if r.dtype.kind in "iu":
        return " ".join(str(int(v)) for v in r.ravel())
    if r.dtype.kind == "c":
        return " ".join(f"{float(v.real).hex()} {float(v.imag).hex()}" for v in r.ravel())
    return " ".join(float(v).hex() for v in r.ravel())


def case(dt, kind, shape, view, op, axis):
    dt = np.dtype(dt)
    n = int(np.prod(shape))
    salt[0] += 1
    cplx = dt.kind == "c"
    x = gen(kind, 2 * n if cplx else n, salt[0])
    # complex: re, im from consecutive values (unit: the imaginary part minus 1)
    base = (x[0::2] + 1j * (x[1::2] - (kind == "unit"))) if cplx else x
    a = base.astype(dt)
    assert (a.astype(base.dtype) == base)[~np.isnan(base)].all()
    a = a.reshape(shape)
    idx, _, tr = view.partition("|")
    v = a if idx == "-" else eval(f"a[{idx}]")
    if tr == "T":
        v = v.T
    ax = None if axis == "none" else tuple(int(t) for t in axis.split(","))
    if ax is not None and op in ("cumsum", "cumprod", "argmax", "argmin"):
        ax = ax[0]
    with np.errstate(all="ignore"):
        r = getattr(np, op)(v, axis=ax)
    if not tr and (op in ("sum", "prod", "cumsum", "cumprod", "nansum") and ax is None or (ax is not None and op == "sum")):
        # the property itself: NumPy reduces the view as it reduces its C-order copy
        rc = getattr(np, op)(v.copy(), axis=ax)
        assert (np.asarray(r) == np.asarray(rc))[~np.isnan(np.asarray(rc))].all(), (dt, shape, view, op, axis)
    shp = "x".join(str(d) for d in shape)
    lines.append(f"case {dt.name} {kind} {shp} {view} {op} {axis}")
    lines.append(f"in {salt[0]}")
    lines.append("out " + hexes(r))


REAL = ("float32", "float64")
CPLX = ("complex64", "complex128")
for dt in REAL + CPLX:
    # 1-d: a[::-1] over several 8192 chunks
    for op in ("sum", "mean", "nansum", "std", "var"):
        case(dt, "nan" if op == "nansum" else "mix", (20000,), "::-1", op, "none")
    case(dt, "mix", (300,), "::-1", "cumsum", "none")
    case(dt, "unit", (1000,), "::-1", "prod", "none")
    case(dt, "unit", (300,), "::-1", "cumprod", "none")
    case(dt, "mix", (999,), "::-3", "sum", "none")
    # 2-d reversed in either axis or both, every axis
    for shape in ((40, 300), (3, 10000), (300, 40)):
        for view in ("::-1", ":, ::-1", "::-1, ::-1", "::-1, ::2"):
            for axis in ("none", "0", "1"):
                if shape == (3, 10000) and axis == "0":
                    continue  # 10000 sequential sums: covered by (40, 300)
                case(dt, "mix", shape, view, "sum", axis)
                if shape == (40, 300):
                    case(dt, "mix", shape, view, "mean", axis)
                    case(dt, "mix", shape, view, "std", axis)
                    case(dt, "nan", shape, view, "nansum", axis)
                    case(dt, "nan", shape, view, "nanmean", axis)
                    case(dt, "unit", shape, view, "prod", axis)
                    case(dt, "ties", shape, view, "argmax", axis)
                    case(dt, "ties", shape, view, "argmin", axis)
                if shape == (300, 40) and axis != "none":
                    case(dt, "mix", (6, 21), view, "cumsum", axis)
                    case(dt, "unit", (6, 21), view, "cumprod", axis)
    # the transpose of a reversed view; a 3-d block of two reduced axes
    case(dt, "mix", (40, 300), "::-1|T", "sum", "none")
    case(dt, "mix", (40, 300), "::-1|T", "sum", "0")
    for view in (":, ::-1", ":, :, ::-1", "::-1, ::-1"):
        case(dt, "mix", (3, 50, 200), view, "sum", "1,2")
        case(dt, "mix", (3, 50, 200), view, "sum", "0,2")
        case(dt, "mix", (3, 50, 200), view, "mean", "none")

with open("order.txt", "w") as f:
    f.write("\n".join(lines) + "\n")
