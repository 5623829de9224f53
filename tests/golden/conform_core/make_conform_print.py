#!/usr/bin/python3
"""Golden text for tests/test_conform_core_print.c: repr() and str() of many arrays
under several print options, from NumPy 1.24 (run with /usr/bin/python3 from this
directory).  Writes conform_print.npys: per case a label "name|opt=value|..." (the
options the C test sets), the array, then repr(a) and str(a) as bytes.  The C test
prints with legacy="1.25" (NumPy 1.x text), the oracle here."""
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from npys import OUT, write  # noqa: E402

from conform_inputs import DT, vals  # noqa: E402


def rec(name, a, **opts):
    label = "|".join([name] + ["%s=%s" % kv for kv in sorted(opts.items())])
    OUT.append(np.array(label.encode()))
    OUT.append(a)
    with np.printoptions(**opts):
        OUT.append(np.array(repr(a).encode()))
        OUT.append(np.array(str(a).encode()))


for dt in DT:
    v = vals(dt)
    rec("vals " + dt, v)
    rec("finite " + dt, v[[0, 2, 3, 4, 5, 6, 7, 13, 14, 15]])
    rec("2d " + dt, v.reshape(4, 4))
    rec("3d " + dt, v.reshape(2, 2, 4))
    rec("0d " + dt, v[3:4].reshape(()))
    rec("empty " + dt, v[:0])
    rec("empty (0,3) " + dt, v[:0].reshape(0, 3))
    rec("empty (3,0) " + dt, v[:0].reshape(3, 0))
    rec("p3 " + dt, v, precision=3)
    rec("sup " + dt, v, suppress=True)
    rec("plus " + dt, v, sign="+")
    rec("space " + dt, v, sign=" ")
    rec("fixed " + dt, v, floatmode="fixed")
    rec("unique " + dt, v, floatmode="unique")
    rec("mpe " + dt, v, floatmode="maxprec_equal")
    rec("lw30 " + dt, v, linewidth=30)
    rec("thr5 " + dt, v, threshold=5)
    rec("thr5 e1 " + dt, v.reshape(4, 4), threshold=5, edgeitems=1)
    rec("big " + dt, np.arange(2000).astype(dt))
    rec("big2d " + dt, np.arange(2500).reshape(50, 50).astype(dt))
rec("big3d", np.arange(24000).reshape(20, 30, 40) * 0.5)
rec("e small", np.array([1e-10, 1.0, 1e10]))
rec("e 1e16", np.array([1e16, 1.0]))
rec("e tiny", np.array([1.5e-300, 1.0]))
rec("e 1e-5", np.array([1e-5, 1e-4]))
rec("e 1e-5 sup", np.array([1e-5, 1e-4]), suppress=True)
rec("e big ratio", np.array([0.001, 1000.0]))
rec("e ratio 1e3", np.array([0.0001, 1000.0]))
rec("e ratio 1e8", np.array([1.0, 1e8]))
rec("e ratio 1e8+", np.array([1.0, 1.1e8]))
rec("f thirds", np.array([1 / 3, 2 / 3]))
rec("f32 thirds", np.array([1 / 3, 2 / 3], np.float32))
rec("f16 thirds", np.array([1 / 3, 2 / 3, 1000], np.float16))
rec("f16 big", np.array([65504, 1e-4], np.float16))
rec("f32 0.1", np.array([0.1, 0.2, 0.3], np.float32))
rec("f64 0.1+0.2", np.array([0.1 + 0.2, 0.3]))
rec("f max", np.array([np.finfo(np.float64).max, np.finfo(np.float64).tiny]))
rec("f32 max", np.array([np.finfo(np.float32).max, -1], np.float32))
rec("f nan only", np.array([math.nan, math.nan]))
rec("f inf only", np.array([math.inf, -math.inf]))
rec("f ints", np.array([1.0, 2.0, 300.0]))
rec("f neg zero", np.array([-0.0, 0.0]))
rec("f 0d nan", np.array(math.nan))
rec("f 0d", np.array(0.1))
rec("f 0d 1e20", np.array(1e20))
rec("c nan inf", np.array([complex(math.nan, math.inf), complex(-math.inf, -0.0), complex(0, math.nan)]))
rec("c small", np.array([1e-10 + 1j, 1 + 1e-10j]))
rec("c big", np.array([1e10 + 1j, 1 + 1e10j]))
rec("c 0d", np.array(1.5 - 2j))
rec("c64 0d", np.array(1.5 - 2j, np.complex64))
rec("i8 extremes", np.array([-2**63, 2**63 - 1]))
rec("u8 max", np.array([0, 2**64 - 1], np.uint64))
rec("b 0d", np.array(True))
rec("b 2d", np.array([[True, False], [False, True]]))
rec("nested", np.arange(16).reshape(2, 2, 2, 2))
rec("nested wide", np.arange(40).reshape(2, 20) * 1000)
rec("wrap ints", np.arange(30), linewidth=40)
rec("wrap floats", np.linspace(0, 1, 20), linewidth=50)
rec("wrap 2d", np.arange(60).reshape(3, 20) * 1.5, linewidth=40)
rec("lw 10", np.arange(10), linewidth=10)
rec("S", np.array([b"ab", b"c", b""]))
rec("U", np.array(["ab", "c", ""]))
rec("U quotes", np.array(["it's", 'say "hi"', "back\\slash"]))
rec("U 2d", np.array([["a", "bb"], ["ccc", "d"]]))
rec("U 0d", np.array("hello"))
rec("S 0d", np.array(b"hi"))
rec("U empty", np.array([], dtype="U3"))
rec("U unicode", np.array(["héllo", "日本"]))
rec("S escape", np.array([b"a\nb", b"\x00\xff"]))
rec("nanstr", np.array([math.nan, math.inf, 1.0]), nanstr="NaN", infstr="Inf")
rec("p0", np.array([1.5, 2.5, -0.5]), precision=0)
rec("p0 fixed", np.array([1.5, 2.5, -0.5]), precision=0, floatmode="fixed")
rec("p1 sup", np.array([1e-8, 123.456]), precision=1, suppress=True)
rec("thr0", np.arange(5), threshold=0)
rec("edge0", np.arange(2000), edgeitems=0)
rec("2d 1 col", np.arange(5).reshape(5, 1))
rec("2d 1 row", np.arange(5).reshape(1, 5))
rec("size1 3d", np.array([[[7.5]]]))
rec("f ratio p3", np.array([123456.789, 0.001]), precision=3)
rec("f exp p3", np.array([1.23456789e-7, 1.0]), precision=3)
rec("f exp 3 digits", np.array([1e-100, 1e100]))
rec("f exp fixed", np.array([1e-100, 1e100]), floatmode="fixed", precision=2)

print(write("conform_print.npys"), "records")
