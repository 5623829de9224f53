#!/usr/bin/python3
"""Golden data for float16 conversions (tests/test_half.c), made with NumPy.

half_double.txt: lines "<double bits hex> <half bits hex>" = np.float64(x).astype(float16)
half_float.txt:  lines "<float bits hex> <half bits hex>"  = np.float32(x).astype(float16)
Cases: special values, values just around every 41st half's rounding midpoints (where
double rounding through float would go wrong) and random values over the whole range."""
import os
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240611)

specials = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 65504.0, 65519.99, 65520.0, 65536.0,
            -65520.0, 1e20, -1e20, 6e-8, 5.960464477539063e-08, 2.9802322387695312e-08,
            2.98023223876953125e-08 * (1 + 2**-50), 1e-8, 6.103515625e-05, 6.1e-05,
            np.inf, -np.inf, np.nan, -np.nan, 1e-300, 5e-324, 1e300, 0.1, 1 / 3, 2049.0,
            2050.0, 2051.0, 4097.0, 1e-5, 1e-6, 1e-7, 3.14159, 1e4, 255.0, 256.5]

halves = np.arange(0, 0x7c00, 41, dtype=np.uint16).view(np.float16).astype(np.float64)
nexts = (np.arange(0, 0x7c00, 41, dtype=np.uint16) + 1).view(np.float16).astype(np.float64)
mids = (halves + nexts) / 2
cases = list(specials)
for m in mids:
    cases += [m, np.nextafter(m, 0), np.nextafter(m, np.inf), m * (1 + 2**-30), m * (1 - 2**-30)]
cases += list(rng.uniform(-70000, 70000, 800))
cases += list(np.exp(rng.uniform(np.log(1e-9), np.log(7e4), 800)))
cases += list(-np.exp(rng.uniform(np.log(1e-9), np.log(7e4), 200)))
d = np.array(cases, dtype=np.float64)
# Also a NaN with a payload.
d = np.concatenate([d, np.array([0x7ff4000000000000, 0xfff8000000000001, 0x7ff0000000000001],
                                dtype=np.uint64).view(np.float64)])
h = d.astype(np.float16)
with open(os.path.join(here, "half_double.txt"), "w") as f:
    for x, y in zip(d.view(np.uint64), h.view(np.uint16)):
        f.write("%016x %04x\n" % (x, y))

fl = d.astype(np.float32)
fl = np.concatenate([fl, np.array([0x7fc00000, 0xffc00001, 0x7f802000, 0x7f800001],
                                  dtype=np.uint32).view(np.float32)])
hf = fl.astype(np.float16)
with open(os.path.join(here, "half_float.txt"), "w") as f:
    for x, y in zip(fl.view(np.uint32), hf.view(np.uint16)):
        f.write("%08x %04x\n" % (x, y))
