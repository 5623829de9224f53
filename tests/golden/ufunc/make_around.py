"""Golden data for np.around of integers with negative decimals at the extremes
(tests/test_ufunc_cast_fpe.c): NumPy (1.24 and 2.x alike, numpy issue 11881 is open)
divides by 10**-decimals in float64, rints, multiplies back and casts to the integer
type, so values beyond the type wrap or become the "integer indefinite" pattern and the
cast reports "invalid value encountered in cast".  Arrays of at most 3 elements: NumPy's
vectorized cast loops (4 and more elements) give other bits for some out-of-range
uint32 values; nd always gives the scalar conversion's.  Writes around.txt, one case a
line:  <dtype> <decimals> <values...> -> <results...> | <error under errstate raise>
Run with /usr/bin/python3 (NumPy 1.24.2)."""
import numpy as np

CASES = [
    (np.uint32, [4294967295], (-1, -2, -9, -10, -11)),
    (np.uint32, [4294967294, 5, 25], (-1, -2)),
    (np.int64, [2**63 - 1, -2**63, 123456789], (-1, -2, -18, -19, -20)),
    (np.int64, [5, -5, 15], (-1,)),
    (np.uint64, [2**64 - 1, 2**63, 15], (-1, -2, -19, -20)),
    (np.int8, [127, -128, 25], (-1, -2, -3)),
    (np.int8, [-25, 5, -5], (-1,)),
    (np.uint8, [255, 250, 15], (-1, -2, -3)),
    (np.int16, [32767, -32768, 15], (-1, -4, -5)),
    (np.int32, [2**31 - 1, -2**31, -35], (-1, -9, -10)),
    (np.uint16, [65535, 65525, 5], (-1, -5)),
    (np.int64, [5, 15], (2,)),
]
lines = []
for dt, vals, decs in CASES:
    a = np.array(vals, dt)
    for d in decs:
        with np.errstate(all="ignore"):
            r = np.around(a, d)
        err = ""
        with np.errstate(all="raise"):
            try:
                np.around(a, d)
            except FloatingPointError as e:
                err = str(e)
        assert r.dtype == a.dtype
        lines.append(f"{a.dtype.name} {d} {' '.join(map(str, vals))} -> "
                     f"{' '.join(str(int(x)) for x in r)} | {err}")
with open("around.txt", "w") as f:
    f.write("\n".join(lines) + "\n")
