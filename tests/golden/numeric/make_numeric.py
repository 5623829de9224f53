#!/usr/bin/python3
"""Golden data for tests/test_numeric.c (run with /usr/bin/python3, NumPy 1.24).

Writes cases.txt (one case a line: `op nin nout key=value ...`) and cases.npys (every
case's nin input arrays then nout expected arrays, np.save'd one after another).
Where NumPy 1.24 differs from NumPy 2 the expected value is computed NumPy 2's way and
the line says so (`np2`)."""
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
lines = []
arrays = []


def case(op, ins, outs, **kw):
    if not isinstance(outs, (list, tuple)):
        outs = [outs]
    opts = " ".join("%s=%s" % (k, v) for k, v in kw.items())
    lines.append(("%s %d %d %s" % (op, len(ins), len(outs), opts)).rstrip())
    arrays.extend(np.asarray(a) for a in ins)
    arrays.extend(np.asarray(a) for a in outs)


rng = np.random.default_rng(1234)
DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]


def sample(dt, shape, lo=-5, hi=6):
    if dt == "bool":
        return rng.integers(0, 2, shape).astype(bool)
    if dt.startswith("uint"):
        return rng.integers(0, hi, shape).astype(dt)
    if dt.startswith("int"):
        return rng.integers(lo, hi, shape).astype(dt)
    if dt.startswith("complex"):
        return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(dt)
    return rng.standard_normal(shape).astype(dt)


# ------------------------------------------------------------ correlate / convolve
for dt in DTYPES:
    a, v = sample(dt, 7), sample(dt, 3)
    for mode in ("valid", "same", "full"):
        case("correlate", [a, v], np.correlate(a, v, mode), mode=mode)
        case("correlate", [v, a], np.correlate(v, a, mode), mode=mode)
        case("convolve", [a, v], np.convolve(a, v, mode), mode=mode)
        case("convolve", [v, a], np.convolve(v, a, mode), mode=mode)
# wrapping integers and mixed dtypes
a = np.array([100, 120, -128, 127, 5], np.int8)
case("convolve", [a, a], np.convolve(a, a))
case("correlate", [np.arange(10, dtype=np.uint8) * 30, np.array([200, 100], np.uint8)],
     np.correlate(np.arange(10, dtype=np.uint8) * 30, np.array([200, 100], np.uint8), "full"), mode="full")
x, y = sample("int32", 9), sample("float32", 4)
case("convolve", [x, y], np.convolve(x, y))
x, y = sample("float64", 20), sample("complex128", 6)
for mode in ("valid", "same", "full"):
    case("correlate", [x, y], np.correlate(x, y, mode), mode=mode)
    case("correlate", [y, x], np.correlate(y, x, mode), mode=mode)
# even-length kernels and length-1, and longer random ones (blocked kernel)
for n1, n2 in [(1, 1), (5, 1), (6, 4), (4, 6), (33, 8), (100, 17), (17, 100), (257, 31)]:
    a, v = sample("float64", n1), sample("float64", n2)
    for mode in ("valid", "same", "full"):
        case("correlate", [a, v], np.correlate(a, v, mode), mode=mode)
        case("convolve", [a, v], np.convolve(a, v, mode), mode=mode)
    a, v = sample("float32", n1), sample("float32", n2)
    case("convolve", [a, v], np.convolve(a, v, "same"), mode="same")
    a, v = sample("complex64", n1), sample("complex64", n2)
    case("correlate", [a, v], np.correlate(a, v, "full"), mode="full")
    a, v = sample("int64", n1, -1000, 1000), sample("int64", n2, -1000, 1000)
    case("convolve", [a, v], np.convolve(a, v, "full"), mode="full")
case("convolve", [np.array([np.nan, 1, np.inf, 2, 3]), np.array([1.0, 0.0, -1.0])],
     np.convolve(np.array([np.nan, 1, np.inf, 2, 3]), np.array([1.0, 0.0, -1.0])))
case("convolve", [np.array(3.0), np.array([1.0, 2.0])], np.convolve(np.array(3.0), np.array([1.0, 2.0])))

# ------------------------------------------------------------------ diff / ediff1d
for dt in DTYPES:
    a = sample(dt, (3, 5))
    if dt == "bool":
        case("diff", [a], np.diff(a))
        case("diff", [a], np.diff(a, n=2, axis=0), n=2, axis=0)
        continue
    case("diff", [a], np.diff(a))
    case("diff", [a], np.diff(a, axis=0), axis=0)
    case("diff", [a], np.diff(a, n=3), n=3)
    case("diff", [a], np.diff(a, n=7), n=7)
    a1 = sample(dt, 6)
    case("ediff1d", [a1], np.ediff1d(a1))
a = sample("float64", (4, 3))
pre, app = sample("float64", (4, 1)), sample("float64", (4, 2))
case("diff", [a, pre, app], np.diff(a, prepend=pre, append=app), pre=1, app=1)
case("diff", [a], np.diff(a, axis=0, prepend=2.5), axis=0, prescalar=2.5)
ai = sample("int8", 5)
case("diff", [ai], np.diff(ai, append=1000), appscalar=1000)   # weak int: int64 array
case("diff", [np.zeros((0, 3))], np.diff(np.zeros((0, 3))))
case("diff", [np.zeros((0, 3))], np.diff(np.zeros((0, 3)), axis=0), axis=0)
case("diff", [np.array([1.0, np.nan, np.inf, -np.inf, 2.0])], np.diff(np.array([1.0, np.nan, np.inf, -np.inf, 2.0])))
a = sample("int16", 6)
case("ediff1d", [a, np.array([7, 8], np.int16), np.array([-1], np.int8)],
     np.ediff1d(a, to_begin=np.array([7, 8], np.int16), to_end=np.array([-1], np.int8)), tb=1, te=1)
a = sample("float32", (2, 3))
case("ediff1d", [a, np.array(5.5)], np.ediff1d(a, to_end=np.array(5.5)), te=1)
case("ediff1d", [np.zeros(0)], np.ediff1d(np.zeros(0)))
case("ediff1d", [np.array([4.0])], np.ediff1d(np.array([4.0])))

# ----------------------------------------------------------------------- gradient
f = sample("float64", (5, 6))
case("gradient", [f], list(np.gradient(f)))
case("gradient", [f], list(np.gradient(f, edge_order=2)), edge=2)
case("gradient", [f], list(np.gradient(f, 0.5)), sp="0.5")
case("gradient", [f], list(np.gradient(f, 0.5, 3.0)), sp="0.5,3.0")
case("gradient", [f], [np.gradient(f, axis=1)], axis=1)
case("gradient", [f], list(np.gradient(f, axis=(1, 0))), axis="1,0")
xs = np.cumsum(rng.random(5) + 0.1)
ys = np.arange(6) * 2.0
case("gradient", [f, xs, ys], list(np.gradient(f, xs, ys)), sp="A,A")
case("gradient", [f, xs, ys], list(np.gradient(f, xs, ys, edge_order=2)), sp="A,A", edge=2)
case("gradient", [f, xs], list(np.gradient(f, xs, 2.0, edge_order=2)), sp="A,2.0", edge=2)
xi = np.array([0, 1, 3, 4, 8])
case("gradient", [f, xi], [np.gradient(f, xi, axis=0)], sp="A", axis=0)
case("gradient", [f, xi], [np.gradient(f, xi, axis=0, edge_order=2)], sp="A", axis=0, edge=2)
for dt in ["int8", "int32", "uint8", "int64", "float16", "float32", "complex64", "complex128"]:
    g = sample(dt, 7)
    case("gradient", [g], [np.gradient(g)])
    case("gradient", [g], [np.gradient(g, edge_order=2)], edge=2)
g = sample("float32", 7)
case("gradient", [g], [np.gradient(g, 0.1)], sp="0.1")
case("gradient", [np.array([1.0, 4.0])], [np.gradient(np.array([1.0, 4.0]))])
case("gradient", [np.array([1.0, np.nan, 4.0, np.inf, 5.0])], [np.gradient(np.array([1.0, np.nan, 4.0, np.inf, 5.0]))])
f3 = sample("float64", (3, 4, 5))
case("gradient", [f3], list(np.gradient(f3, edge_order=2)), edge=2)

# --------------------------------------------------------------------- trapezoid
trapz = getattr(np, "trapezoid", None) or np.trapz
y = sample("float64", (4, 6))
case("trapezoid", [y], trapz(y))
case("trapezoid", [y], trapz(y, axis=0), axis=0)
case("trapezoid", [y], trapz(y, dx=0.25), dx=0.25)
xx = np.cumsum(rng.random(6))
case("trapezoid", [y, xx], trapz(y, xx), x=1)
xx2 = np.cumsum(rng.random((4, 6)), axis=0)
case("trapezoid", [y, xx2], trapz(y, xx2, axis=0), x=1, axis=0)
for dt in ["bool", "int8", "int64", "uint16", "float16", "float32", "complex128"]:
    yy = sample(dt, 9)
    case("trapezoid", [yy], trapz(yy))
case("trapezoid", [np.zeros(0)], trapz(np.zeros(0)))
case("trapezoid", [np.array([1.0])], trapz(np.array([1.0])))

# ------------------------------------------------------------------------ interp
xp = np.array([0.0, 1.0, 2.5, 3.0, 7.0, 8.0])
fp = sample("float64", 6)
xq = np.array([-1.0, 0.0, 0.5, 1.0, 2.0, 2.5, 2.99, 3.0, 6.0, 7.0, 8.0, 9.0, np.nan, np.inf, -np.inf])
case("interp", [xq, xp, fp], np.interp(xq, xp, fp))
case("interp", [xq, xp, fp], np.interp(xq, xp, fp, left=-7.0, right=99.0), left=-7.0, right=99.0)
xq2 = rng.uniform(-1, 9, 50)
case("interp", [xq2, xp, fp], np.interp(xq2, xp, fp))
case("interp", [xq2.reshape(5, 10), xp[:3], fp[:3]], np.interp(xq2.reshape(5, 10), xp[:3], fp[:3]))
case("interp", [xq, xp[:1], fp[:1]], np.interp(xq, xp[:1], fp[:1]))
# repeated xp and infinities in fp
xpd = np.array([0.0, 1.0, 1.0, 1.0, 2.0, 3.0, 3.0, 4.0, 5.0, 6.0])
fpd = np.array([0.0, 1.0, 2.0, 3.0, np.inf, 1.0, -np.inf, 2.0, 2.0, 2.0])
xqd = np.linspace(-0.5, 6.5, 57)
case("interp", [xqd, xpd, fpd], np.interp(xqd, xpd, fpd))
case("interp", [xqd[:5], xpd, fpd], np.interp(xqd[:5], xpd, fpd))
big = np.sort(rng.uniform(0, 100, 300))
fb = np.sin(big)
xb = rng.uniform(-5, 105, 40)
case("interp", [xb, big, fb], np.interp(xb, big, fb))
xb2 = np.sort(rng.uniform(-5, 105, 1000))
case("interp", [xb2, big, fb], np.interp(xb2, big, fb))
fc = sample("complex128", 6)
case("interp", [xq, xp, fc], np.interp(xq, xp, fc))
case("interp", [xq, xp, fc], np.interp(xq, xp, fc, left=1 + 2j, right=-3j), left="1+2j", right="0-3j")
xpp = np.array([190.0, -190.0, 350.0, -350.0])
fpp = np.array([5.0, 10.0, 3.0, 4.0])
xqp = np.array([-180.0, -170.0, -185.0, 185.0, -10.0, -5.0, 0.0, 5.0, 10.0, 720.0])
case("interp", [xqp, xpp, fpp], np.interp(xqp, xpp, fpp, period=360), period=360.0)
case("interp", [xqp, xpp, fpp], np.interp(xqp, xpp, fpp, period=-360), period=-360.0)
case("interp", [np.array(2.2), xp, fp], np.asarray(np.interp(np.array(2.2), xp, fp)))
case("interp", [xq, xp.astype(np.int32), fp.astype(np.float32)], np.interp(xq, xp.astype(np.int32), fp.astype(np.float32)))

# ------------------------------------------------------------------ cov / corrcoef
for dt in ["int32", "float32", "float64", "complex128", "bool", "uint8"]:
    m = sample(dt, (3, 6))
    case("cov", [m], np.cov(m))
    case("corrcoef", [m], np.corrcoef(m))
m = sample("float64", (3, 6))
case("cov", [m], np.cov(m, bias=True), bias=1)
case("cov", [m], np.cov(m, ddof=3), ddof=3)
case("cov", [m.T.copy()], np.cov(m.T, rowvar=False), rowvar=0)
case("corrcoef", [m.T.copy()], np.corrcoef(m.T, rowvar=False), rowvar=0)
y2 = sample("float64", (2, 6))
case("cov", [m, y2], np.cov(m, y2), y=1)
case("corrcoef", [m, y2], np.corrcoef(m, y2), y=1)
v1 = sample("float64", 8)
case("cov", [v1], np.cov(v1))
case("corrcoef", [v1], np.asarray(np.corrcoef(v1)))
fw = np.array([1, 2, 0, 3, 1, 1])
aw = np.array([0.5, 1.0, 2.0, 0.1, 1.0, 3.0])
case("cov", [m, fw], np.cov(m, fweights=fw), fw=1)
case("cov", [m, aw], np.cov(m, aweights=aw), aw=1)
case("cov", [m, fw, aw], np.cov(m, fweights=fw, aweights=aw), fw=1, aw=1)
case("cov", [m, fw, aw], np.cov(m, fweights=fw, aweights=aw, ddof=0), fw=1, aw=1, ddof=0)
case("cov", [m, fw, aw], np.cov(m, fweights=fw, aweights=aw, bias=True), fw=1, aw=1, bias=1)
mc = sample("complex128", (2, 5))
case("cov", [mc, aw[:5]], np.cov(mc, aweights=aw[:5]), aw=1)
case("corrcoef", [mc], np.corrcoef(mc))
big = sample("float64", (20, 50))
case("cov", [big], np.cov(big))
case("corrcoef", [big], np.corrcoef(big))

# ----------------------------------------------------------------------- cross
a3, b3 = sample("float64", (4, 3)), sample("float64", (4, 3))
case("cross", [a3, b3], np.cross(a3, b3))
case("cross", [a3, b3[0]], np.cross(a3, b3[0]))
a2 = sample("float64", (4, 2))
case("cross", [a2, b3], np.cross(a2, b3))
case("cross", [a2, a2[::-1].copy()], np.cross(a2, a2[::-1]))
case("cross", [a3.T.copy(), b3], np.cross(a3.T, b3, axisa=0), axisa=0)
case("cross", [a3.T.copy(), b3.T.copy()], np.cross(a3.T, b3.T, axis=0), axis=0)
ai3, bi3 = sample("int32", (5, 3)), sample("int32", (5, 3))
case("cross", [ai3, bi3], np.cross(ai3, bi3))
ac3 = sample("complex128", (2, 3))
case("cross", [ac3, b3[:2].copy()], np.cross(ac3, b3[:2]))

with open(os.path.join(HERE, "cases.txt"), "w") as f:
    f.write("\n".join(lines) + "\n")
with open(os.path.join(HERE, "cases.npys"), "wb") as f:
    for a in arrays:
        np.save(f, a)
print(len(lines), "cases,", len(arrays), "arrays")
