#!/usr/bin/python3
"""Golden tables for nd_can_cast / nd_promote_types / nd_finfo / nd_iinfo
(tests/test_dtype_rules.c), made with NumPy (1.24 here; for these dtypes NumPy 2.x gives
the same tables: the casting implementations and the number/string promotion rules
are unchanged between them).

can_cast.txt: "<from> <to> <no> <equiv> <safe> <same_kind> <unsafe>" (0/1), dtype.str names
promote.txt:  "<a> <b> <result dtype.str>" or "<a> <b> TypeError"
finfo.txt:    "<dtype> bits eps epsneg max min tiny smallest_normal smallest_subnormal
               resolution precision iexp nmant nexp machep negep minexp maxexp" (floats as hex)
iinfo.txt:    "<dtype> bits min max" """
import os
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
numeric = ["?", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16"]
widths = [1, 3, 4, 5, 6, 10, 11, 12, 20, 21, 32, 33, 64]
types = [np.dtype(t) for t in numeric] + [np.dtype("S%d" % w) for w in widths] + \
        [np.dtype("U%d" % w) for w in widths]
rules = ["no", "equiv", "safe", "same_kind", "unsafe"]

with open(os.path.join(here, "can_cast.txt"), "w") as f:
    for a in types:
        for b in types:
            f.write("%s %s %s\n" % (a.str, b.str,
                    " ".join(str(int(np.can_cast(a, b, r))) for r in rules)))

with open(os.path.join(here, "promote.txt"), "w") as f:
    for a in types:
        for b in types:
            try:
                r = np.promote_types(a, b).str
            except TypeError:
                r = "TypeError"
            f.write("%s %s %s\n" % (a.str, b.str, r))

def hx(x):
    return float(x).hex()

with open(os.path.join(here, "finfo.txt"), "w") as f:
    for t in ["f2", "f4", "f8", "c8", "c16"]:
        i = np.finfo(np.dtype(t))
        f.write("%s %d %s %d %d %d %d %d %d %d %d\n" % (
            np.dtype(t).str, i.bits,
            " ".join(hx(v) for v in [i.eps, i.epsneg, i.max, i.min, i.tiny, i.smallest_normal,
                                     i.smallest_subnormal, i.resolution]),
            i.precision, i.iexp, i.nmant, i.nexp, i.machep, i.negep, i.minexp, i.maxexp))

with open(os.path.join(here, "iinfo.txt"), "w") as f:
    for t in ["i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8"]:
        i = np.iinfo(np.dtype(t))
        f.write("%s %d %d %d\n" % (np.dtype(t).str, i.bits, i.min, i.max))

# result_type of three numeric dtypes (NumPy's sequence promotion is not a left fold)
with open(os.path.join(here, "result_type3.txt"), "w") as f:
    for a in numeric:
        for b in numeric:
            for c in numeric:
                f.write("%s %s %s %s\n" % (np.dtype(a).str, np.dtype(b).str, np.dtype(c).str,
                                           np.result_type(a, b, c).str))
