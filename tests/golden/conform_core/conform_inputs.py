"""The inputs shared by make_conform_core.py and make_conform_print.py (the C tests
build the same): vals(dt) is a 16-element 1-d array of edge values of the dtype,
integers from INTV (cast with wrap-around), floats from FLTV (NaN, +-inf, -0.0, ...),
complex from CPXV, bool from INTV % 2; vals2(dt) is vals rolled by 5."""
import math

import numpy as np

DT = ["b1", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16"]
INTV = [0, 1, -1, 2, -3, 5, 7, 100, -128, 127, 3, -7, 64, -100, 13, 6]
FLTV = [0.0, -0.0, 1.0, -1.5, 2.5, 0.5, -2.0, 3.0, math.nan, math.inf, -math.inf, 1e10, 1e-5, 100.0, -0.75, 7.0]
CPXV = [0j, complex(-0.0, 0.0), 1 + 2j, -1.5 + 0.5j, 2.5 - 1j, 0.5 + 0.5j, -2 - 3j, 3 + 0j,
        complex(math.nan, 0), complex(math.inf, 0), 1j, -1j, 1e-5 + 1e-5j, 100 - 100j, -0.75 + 2j, 7 + 7j]


def vals(dt):
    k = np.dtype(dt).kind
    if k == "b":
        return (np.array(INTV, dtype=np.int64) % 2).astype(bool)
    if k in "iu":
        return np.array(INTV, dtype=np.int64).astype(dt)
    if k == "f":
        return np.array(FLTV, dtype=np.float64).astype(dt)
    return np.array(CPXV, dtype=np.complex128).astype(dt)


def vals2(dt):
    return np.roll(vals(dt), 5)
