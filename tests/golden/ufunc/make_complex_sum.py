"""Golden data for complex sum/mean (tests/test_ufunc_csum.c): NumPy sums complex
pairwise over the interleaved re/im stream, so the bits depend on the summation tree.
Writes complex_sum.txt.  Run with /usr/bin/python3 (NumPy 1.24.2).

Format, one case per three lines:
  case <dtype> <rows> <cols> <view> <op> <axis>   rows 0: a 1-d array of cols items;
                                                  view '-' or a slice of axis 0;
                                                  axis 'none' or an integer
  in <salt>         the base array, C order, from gen() below (the test has the
                    same generator: exact values, so no input data is stored)
  out <re im ...>   the result, C order, float.hex of each part
"""
import numpy as np

lines = []
salt = [0]


def gen(n, s):
    """n complex of mixed magnitude, each part m * 2**e with |m| < 2**23 (exact in
    float32): k-th part from an integer hash of (k, s)."""
    k = np.arange(2 * n, dtype=np.uint64)
    h = (k * np.uint64(2654435761) + np.uint64(s) * np.uint64(40503)) % np.uint64(2**32)
    h2 = (h * np.uint64(2246822519) + np.uint64(374761393)) % np.uint64(2**32)
    m = (h % np.uint64(2**24)).astype(np.int64) - 2**23
    e = (h2 % np.uint64(41)).astype(np.int64) - 20 - 23
    x = np.ldexp(m.astype(np.float64), e)
    return x[0::2] + 1j * x[1::2]


def hexes(z):
    z = np.asarray(z).astype(np.complex128).ravel()
    return " ".join(f"{float(v.real).hex()} {float(v.imag).hex()}" for v in z)


def case(dt, rows, cols, view, op, axis):
    n = cols if rows == 0 else rows * cols
    salt[0] += 1
    base = gen(n, salt[0]).astype(dt)
    assert (base.astype(np.complex128) == gen(n, salt[0])).all()
    a = base if rows == 0 else base.reshape(rows, cols)
    v = a if view == "-" else eval(f"a[{view}]")
    ax = None if axis == "none" else int(axis)
    with np.errstate(all="ignore"):
        r = getattr(v, op)(axis=ax)
    lines.append(f"case {np.dtype(dt).name} {rows} {cols} {view} {op} {axis}")
    lines.append(f"in {salt[0]}")
    lines.append("out " + hexes(r))
    return v, r


for dt in (np.complex64, np.complex128):
    for n in (19, 1000, 20000):
        for op in ("sum", "mean"):
            v, r = case(dt, 0, n, "-", op, "none")
            if n == 1000 and op == "sum":
                seq = dt(0)
                for x in v:
                    seq = dt(seq + x)
                assert seq != r, "a left-to-right sum would pass too: pick other data"
    # (reversed views: make_order.py)
    for view in ("::2", "1::3"):
        case(dt, 0, 2000, view, "sum", "none")
    case(dt, 0, 3, "-", "sum", "none")
    case(dt, 0, 0, "-", "mean", "none")
    for op in ("sum", "mean"):
        case(dt, 8, 300, "-", op, "1")
        case(dt, 300, 8, "-", op, "0")
        case(dt, 16, 150, "-", op, "none")

with open("complex_sum.txt", "w") as f:
    f.write("\n".join(lines) + "\n")
