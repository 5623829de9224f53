#!/usr/bin/python3
"""Golden cases for tests/test_histogram.c (np.histogram, histogram_bin_edges,
histogram2d, histogramdd, bincount, digitize), from NumPy 1.24.

Run:  /usr/bin/python3 tests/golden/histogram/make_histogram.py > tests/golden/histogram/cases.txt

Format (one item per line):
    case <op> <name>
    data <name> <dtype> <ndim> <dims...> | <values...>  a large array, used by name below
    in <key> <dtype> <ndim> <dims...> | <values...>     an input array (or: in <key> @<name>)
    opt <key> <value>                                   an option
    out <key> <dtype> <ndim> <dims...> | <values...>    an expected result (or @<name>)
    err <ExceptionName> <message>                       the expected error instead
    end
Floats are written with float.hex ("nan", "inf", "-inf" as such), complex values as
"re:im", integers in decimal.

NumPy 2 differences (nd follows NumPy 2; computed here by formula, not by 1.24):
  - float16/float32 data with an autodetected range: NumPy 2's linspace computes the
    edges in the data's float type (the range is a pair of float32 scalars and NEP 50
    keeps them float32); 1.24 computes them in float64 and casts.  `edges_np2` below
    emulates it with float32 arrays, and the counts follow from those edges by the
    edge rule (a value goes in the bin whose left edge is <= it, the last bin closed),
    which is what NumPy's corrected index computes.
  - histogramdd/histogram2d of float32 samples without a range: float32 edges
    (np.linspace(np.float32, np.float32, n) is float32 in NumPy 2).
"""
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")
out = sys.stdout


def fmt_val(v, kind):
    if kind == "c":
        return "%s:%s" % (fmt_val(float(v.real), "f"), fmt_val(float(v.imag), "f"))
    if kind == "f":
        v = float(v)
        if np.isnan(v):
            return "nan"
        if np.isinf(v):
            return "inf" if v > 0 else "-inf"
        return v.hex()
    if kind == "b":
        return "1" if v else "0"
    return str(int(v))


_shared = {}


def arr_line(tag, key, a):
    a = np.asarray(a)
    kind = a.dtype.kind
    dims = " ".join(str(d) for d in a.shape)
    if a.size > 64:  # large inputs are written once ("data") and referenced ("@name")
        sig = (a.dtype.str, a.shape, a.tobytes())
        if sig not in _shared:
            _shared[sig] = "d%d" % len(_shared)
            vals = " ".join(fmt_val(v, kind) for v in a.ravel())
            out.write("data %s %s %d %s | %s\n" % (_shared[sig], a.dtype.name, a.ndim, dims, vals))
        out.write("%s %s @%s\n" % (tag, key, _shared[sig]))
        return
    vals = " ".join(fmt_val(v, kind) for v in a.ravel())
    out.write("%s %s %s %d %s | %s\n" % (tag, key, a.dtype.name, a.ndim, dims, vals))


def case(op, name, inputs, opts, fn):
    out.write("case %s %s\n" % (op, name))
    for k, v in inputs.items():
        arr_line("in", k, v)
    for k, v in opts.items():
        out.write("opt %s %s\n" % (k, v))
    try:
        res = fn()
    except Exception as e:  # the expected error
        out.write("err %s %s\n" % (type(e).__name__, e))
    else:
        for k, v in res.items():
            arr_line("out", k, v)
    out.write("end\n")


# ------------------------------------------------------------------ NumPy 2 edges

def edges_np2(lo, hi, num, ftype):
    """np.linspace(ftype(lo), ftype(hi), num) as NumPy 2 computes it (in ftype)."""
    lo = np.array([lo], ftype)
    hi = np.array([hi], ftype)
    div = num - 1
    delta = (hi - lo) if lo[0] != hi[0] else np.zeros(1, ftype)
    step = delta / np.array([div], ftype)
    y = np.arange(num).astype(ftype)
    if step[0] == 0:
        y = (y / np.array([div], ftype)) * delta
    else:
        y = y * step
    y = y + lo
    y[-1] = hi[0]
    return y


def counts_by_edges(a, e, weights=None):
    a = np.asarray(a).ravel().astype(np.float64)
    e64 = e.astype(np.float64)
    n = len(e) - 1
    keep = (a >= e64[0]) & (a <= e64[-1])
    idx = np.searchsorted(e64, a[keep], side="right") - 1
    idx[idx == n] = n - 1
    if weights is None:
        return np.bincount(idx, minlength=n).astype(np.int64)
    return np.bincount(idx, weights=np.asarray(weights).ravel()[keep], minlength=n)


def hist_np2_auto_float(a, bins):
    """histogram of float16/32 data with autodetected range, NumPy 2 style."""
    ft = a.dtype.type
    lo, hi = a.min(), a.max()
    if lo == hi:
        lo = (np.array([lo], ft) - np.array([0.5], ft))[0]
        hi = (np.array([hi], ft) + np.array([0.5], ft))[0]
    e = edges_np2(lo, hi, bins + 1, ft)
    return {"hist": counts_by_edges(a, e), "edges": e}


rng = np.random.default_rng(20261125)
normal = rng.normal(3.0, 2.0, 500)
small = np.array([1.0, 2.0, 2.0, 3.0, 5.0, 10.0])
ints = rng.integers(-50, 200, 500)
skew = rng.exponential(1.5, 700)
edge_hits = np.linspace(0.0, 1.0, 11)  # values exactly on the edges of 10 bins over [0, 1]


def H(**kw):
    def run(a, **extra):
        k = dict(kw)
        k.update(extra)
        h, e = np.histogram(a, **k)
        return {"hist": h, "edges": e}
    return run


# ------------------------------------------------------------------ histogram

def hist_case(name, a, bins=None, rng_=None, density=False, weights=None, edges=None, method=None):
    inputs = {"a": a}
    opts = {}
    kw = {}
    if bins is not None:
        opts["bins"] = bins
        kw["bins"] = bins
    if method is not None:
        opts["method"] = method
        kw["bins"] = method
    if edges is not None:
        inputs["edges"] = edges
        kw["bins"] = edges
    if rng_ is not None:
        opts["range"] = "%s %s" % (float(rng_[0]).hex(), float(rng_[1]).hex())
        kw["range"] = rng_
    if density:
        opts["density"] = 1
        kw["density"] = True
    if weights is not None:
        inputs["weights"] = weights
        kw["weights"] = weights

    def fn():
        h, e = np.histogram(a, **kw)
        return {"hist": h, "edges": e}
    case("histogram", name, inputs, opts, fn)


hist_case("default10", normal)
hist_case("bins100", normal, bins=100)
hist_case("bins1", normal, bins=1)
hist_case("bins7_small", small, bins=7)
hist_case("range", normal, bins=20, rng_=(0.0, 5.0))
hist_case("range_wide", small, bins=4, rng_=(-100.0, 100.0))
hist_case("range_equal", small, bins=3, rng_=(2.0, 2.0))
hist_case("edge_hits", edge_hits, bins=10)
hist_case("edge_hits_range", edge_hits, bins=10, rng_=(0.0, 1.0))
hist_case("density", normal, bins=15, density=True)
hist_case("density_edges", small, edges=np.array([0.0, 2.5, 4.0, 10.0]), density=True)
hist_case("weights_f64", normal, bins=12, weights=rng.random(500))
hist_case("weights_i64", small, bins=3, weights=np.array([1, 2, 3, 4, 5, 6]))
hist_case("weights_f32", normal, bins=8, weights=rng.random(500).astype(np.float32))
hist_case("weights_c128", small, bins=3, weights=np.array([1 + 2j, 2, 3j, 4, 5, 6 - 1j]))
hist_case("weights_density", normal, bins=9, weights=rng.random(500), density=True)
hist_case("edges_f64", normal, edges=np.array([-5.0, 0.0, 1.0, 2.5, 3.0, 8.0]))
hist_case("edges_dup", small, edges=np.array([0.0, 2.0, 2.0, 5.0, 10.0]))
hist_case("edges_int", small, edges=np.array([0, 2, 3, 10]))
hist_case("edges_int_data", ints, edges=np.array([-100, -10, 0, 7, 50, 199]))
hist_case("edges_weights", normal, edges=np.array([-5.0, 0.0, 1.0, 2.5, 3.0, 8.0]),
          weights=np.arange(500, dtype=np.float64))
hist_case("edges_weights_int", small, edges=np.array([0.0, 2.0, 5.0, 10.0]), weights=np.array([1, 2, 3, 4, 5, 6]))
hist_case("edges_one", small, edges=np.array([1.0]))
hist_case("int64", ints, bins=13)
hist_case("int8", ints.astype(np.int8), bins=13)
hist_case("uint8", (ints % 256).astype(np.uint8), bins=6)
hist_case("uint64", np.array([2**63 + 5, 3, 2**64 - 1, 7], dtype=np.uint64), bins=4)
hist_case("int_equal", np.array([4, 4, 4], dtype=np.int32), bins=3)
hist_case("float_equal", np.array([2.5, 2.5]), bins=4)
hist_case("bool", np.array([True, False, True, True]), bins=3)
hist_case("f32_range", normal.astype(np.float32), bins=10, rng_=(0.1, 4.7))
hist_case("f16_range", normal.astype(np.float16), bins=10, rng_=(0.3, 5.1))
hist_case("nan_range", np.array([1.0, np.nan, 2.0, np.inf, 3.0, -np.inf]), bins=4, rng_=(0.0, 4.0))
hist_case("empty", np.zeros(0), bins=5)
hist_case("empty_f32", np.zeros(0, np.float32), bins=2)
hist_case("zero_d", np.array(3.5), bins=2)
hist_case("two_d", normal.reshape(25, 20), bins=11)
# errors
hist_case("err_nan", np.array([1.0, np.nan]))
hist_case("err_inf", np.array([1.0, np.inf]))
hist_case("err_range_inf", small, rng_=(0.0, np.inf))
hist_case("err_range_order", small, rng_=(2.0, 1.0))
hist_case("err_bins_neg", small, bins=-3)
hist_case("err_edges_order", small, edges=np.array([0.0, 3.0, 2.0]))
hist_case("err_edges_2d", small, edges=np.array([[0.0, 3.0]]))
hist_case("err_weights_shape", small, weights=np.ones(5))
hist_case("err_method_weights", small, method="auto", weights=np.ones(6))
hist_case("err_method_name", small, method="foo")

# NumPy 2: float32/float16 data, autodetected range (edges in the data's type)
for nm, a, b in [("f32_auto", normal.astype(np.float32), 10), ("f32_auto_3", np.array([1.0, 2.0], np.float32), 3),
                 ("f32_equal", np.array([1.0, 1.0], np.float32), 3), ("f16_auto", normal[:200].astype(np.float16), 7),
                 ("f32_auto_100", skew.astype(np.float32), 100)]:
    case("histogram", nm, {"a": a}, {"bins": b}, lambda a=a, b=b: hist_np2_auto_float(a, b))

# estimators (float64 and integer data: 1.24 and 2.x agree there)
for method in ["auto", "fd", "doane", "scott", "stone", "rice", "sturges", "sqrt"]:
    for nm, a in [("normal", normal), ("small", small), ("skew", skew), ("ints", ints),
                  ("const", np.full(50, 3.0)), ("one", np.array([7.0])), ("three", np.array([1.0, 5.0, 2.0])),
                  ("mostly_const", np.r_[np.zeros(90), np.arange(10.0)])]:
        hist_case("%s_%s" % (method, nm), a, method=method)
    hist_case("%s_range" % method, normal, method=method, rng_=(0.0, 4.0))
    hist_case("%s_empty" % method, np.zeros(0), method=method)
    out.write("case bin_edges %s_normal\n" % method)
    arr_line("in", "a", skew)
    out.write("opt method %s\n" % method)
    arr_line("out", "edges", np.histogram_bin_edges(skew, bins=method))
    out.write("end\n")

case("bin_edges", "count", {"a": normal}, {"bins": 5}, lambda: {"edges": np.histogram_bin_edges(normal, 5)})
case("bin_edges", "edges", {"a": normal, "edges": np.array([1, 2, 4])}, {},
     lambda: {"edges": np.histogram_bin_edges(normal, np.array([1, 2, 4]))})

# Weighted histograms over given edges sum the weights of equal values in np.argsort's
# order (cumulative sums of the sorted weights): ties with weights that do not add
# exactly, over several blocks of 65536.  Inputs by formula (opt formula N), so the
# file stays small: a[i] = ((i * 7919) % 37) * 0.5, w[i] = ((i * 104729) % 1000 + 1) / 1000.
def formula_inputs(n):
    i = np.arange(n, dtype=np.int64)
    return ((i * 7919) % 37).astype(np.float64) * 0.5, ((i * 104729) % 1000 + 1).astype(np.float64) / 1000.0


for nm, n_, e_ in [("ties_weights_3blocks", 150000, np.array([-1.0, 3.3, 8.0, 12.5, 20.0])),
                   ("ties_weights_small", 5000, np.array([0.0, 0.5, 4.0, 4.5, 9.0, 18.0]))]:
    fa, fw = formula_inputs(n_)
    case("histogram", nm, {"edges": e_}, {"formula": n_},
         lambda fa=fa, fw=fw, e_=e_: dict(zip(("hist", "edges"), np.histogram(fa, bins=e_, weights=fw))))
    case("histogram", nm + "_f32w", {"edges": e_}, {"formula": n_, "formula_w32": 1},
         lambda fa=fa, fw=fw, e_=e_: dict(zip(("hist", "edges"), np.histogram(fa, bins=e_, weights=fw.astype(np.float32)))))

# ------------------------------------------------------------------ complex data
# NumPy bins complex data through its ordinary code: lexicographic min/max and
# comparisons, a complex linspace, and the bin estimate from the real part of a complex
# division (cast to intp with a ComplexWarning), corrected by one step against the
# edges; searchsorted in the complex order for given edges and histogramdd.
# complex128: 1.24 and 2.x agree.  complex64 without a range: NumPy 2 computes the edges
# in complex64 (NEP 50; 1.24 in complex128), emulated by hist_complex_np2, which is
# checked against np.histogram on complex128 data.  Estimators: NumPy 2's percentile
# refuses complex data, so fd and auto raise its TypeError (1.24 got to np.ceil's).

def hist_complex_np2(a, bins, range_=None):
    ct = a.dtype.type
    if range_ is None:
        first, last = a.min(), a.max()
        if first == last:
            first, last = ct(first - ct(0.5)), ct(last + ct(0.5))
        first, last = np.array([first], ct), np.array([last], ct)
        delta = last - first
        div = np.array([bins], ct)
        step = delta / div
        y = np.arange(bins + 1).astype(ct)
        y = (y * step) if step[0] != 0 else (y / div) * delta
        edges = y + first
        edges[-1] = last[0]
        denom = last - first
        klo, khi = first[0], last[0]
    else:
        lo, hi = float(range_[0]), float(range_[1])
        edges = np.linspace(lo, hi, bins + 1).astype(ct)
        first = np.array([lo], ct)
        denom = np.array([hi - lo], np.complex128)  # np.float64: a strong type in NumPy 2
        klo, khi = ct(lo), ct(hi)
    n = np.zeros(bins, np.int64)
    for i in range(0, len(a), 65536):
        t = a[i:i + 65536]
        t = t[(t >= klo) & (t <= khi)]
        f = ((t - first) / denom) * np.array([bins], denom.dtype)
        idx = f.real.astype(np.intp)
        idx[idx == bins] -= 1
        idx[t < edges[idx]] -= 1
        idx[(t >= edges[idx + 1]) & (idx != bins - 1)] += 1
        n += np.bincount(idx, minlength=bins)
    return {"hist": n, "edges": edges}


crng = np.random.default_rng(6)  # its own stream: the cases after keep their data
cx = np.array([1 + 2j, 3 - 1j, 2 + 0j, 5 + 5j, 0.5 + 1j, 3 + 0j])
crand = crng.normal(0, 2, 300) + 1j * crng.normal(0, 2, 300)
cties = crng.integers(0, 5, 200) + 1j * crng.integers(-2, 3, 200)
for a_, b_, r_ in [(cx, 3, None), (crand, 17, None), (cties, 6, None), (crand, 8, (-1.0, 2.5))]:
    h_, e_ = np.histogram(a_, bins=b_, range=r_)
    chk = hist_complex_np2(a_, b_, r_)
    assert (chk["hist"] == h_).all() and (chk["edges"] == e_).all()
hist_case("complex_default", cx)
hist_case("complex_bins3", cx, bins=3)
hist_case("complex_rand", crand, bins=17)
hist_case("complex_ties", cties, bins=6)
hist_case("complex_range", crand, bins=8, rng_=(-1.0, 2.5))
hist_case("complex_edges", crand, edges=np.array([-3.0, -1.0, 0.0, 0.5, 4.0]))
hist_case("complex_edges_weights", cties, edges=np.array([0.0, 1.0, 2.5, 4.0]), weights=crng.random(200))
hist_case("complex_weights", crand, bins=5, weights=crng.random(300))
hist_case("complex_cweights", cx, bins=3, weights=cx * 2)
hist_case("complex_density", crand, bins=7, density=True)
hist_case("complex_density_edges", cx, edges=np.array([0, 1, 2, 6]), density=True)
hist_case("complex_equal", np.full(4, 2 + 1j), bins=3)
hist_case("complex_equal_re", np.array([2 + 1j, 2 + 3j]), bins=3)
hist_case("complex_imag_dominated", np.array([0.5 + 5j, 0.5 + 1j, 5 + 5j, 5 + 1j, 1 + 0j]), bins=10)
hist_case("complex_empty", np.zeros(0, complex), bins=3)
hist_case("complex_edges_of_real", small, edges=np.array([0, 1 + 1j, 3, 10]))
hist_case("err_complex_nan", np.array([1 + 1j, np.nan + 2j, 3]), bins=3)
hist_case("err_complex_nanimag", np.array([1 + 1j, complex(3, np.nan), 3]), bins=3)
hist_case("err_complex_index", np.array([0.5 + 5j, 0.5 + 1j, 5 + 5j, 5 + 1j, 1 + 0j, 0.5 + 1e9j]), bins=10)
hist_case("complex_range_imag", np.array([0.5 + 1j, 5 + 5j, 0.5 + 3j, 1 + 1j]), bins=10, rng_=(0.5, 5.0))
hist_case("err_complex_edges_order", small, edges=np.array([0, 1 + 1j, 1]))
for method in ["auto", "fd", "doane", "scott", "stone", "rice", "sturges", "sqrt"]:
    if method in ("auto", "fd"):
        case("histogram", "complex_" + method, {"a": cx}, {"method": method},
             lambda: (_ for _ in ()).throw(TypeError("a must be an array of real numbers")))
    else:
        hist_case("complex_" + method, cx, method=method)
    if method not in ("auto", "fd"):
        hist_case("complex_%s_const" % method, np.full(4, 2 + 1j), method=method)
    hist_case("complex_%s_empty" % method, np.zeros(0, complex), method=method)
hist_case("complex_doane_two", np.array([1 + 1j, 2 + 2j]), method="doane")
c64 = crand.astype(np.complex64)
for nm, a_, b_, r_ in [("c64", c64, 9, None), ("c64_cx", cx.astype(np.complex64), 3, None),
                       ("c64_range", c64, 6, (-1.5, 2.25)), ("c64_equal", np.full(3, 1.5 - 1j, np.complex64), 2, None)]:
    opts = {"bins": b_}
    if r_ is not None:
        opts["range"] = "%s %s" % (float(r_[0]).hex(), float(r_[1]).hex())
    case("histogram", "complex_" + nm, {"a": a_}, opts, lambda a_=a_, b_=b_, r_=r_: hist_complex_np2(a_, b_, r_))
case("bin_edges", "complex", {"a": cx}, {"bins": 4}, lambda: {"edges": np.histogram_bin_edges(cx, 4)})
case("bin_edges", "complex64", {"a": cx.astype(np.complex64)}, {"bins": 4},
     lambda: {"edges": hist_complex_np2(cx.astype(np.complex64), 4)["edges"]})

# ------------------------------------------------------------------ bincount

x = rng.integers(0, 20, 300)
case("bincount", "basic", {"x": x}, {}, lambda: {"out": np.bincount(x)})
case("bincount", "minlength", {"x": x}, {"minlength": 40}, lambda: {"out": np.bincount(x, minlength=40)})
case("bincount", "minlength_small", {"x": x}, {"minlength": 3}, lambda: {"out": np.bincount(x, minlength=3)})
w = rng.random(300)
case("bincount", "weights", {"x": x, "weights": w}, {}, lambda: {"out": np.bincount(x, weights=w)})
wi = rng.integers(-5, 5, 300).astype(np.int32)
case("bincount", "weights_int", {"x": x, "weights": wi}, {}, lambda: {"out": np.bincount(x, weights=wi)})
case("bincount", "uint8", {"x": x.astype(np.uint8)}, {}, lambda: {"out": np.bincount(x.astype(np.uint8))})
case("bincount", "int16", {"x": x.astype(np.int16)}, {}, lambda: {"out": np.bincount(x.astype(np.int16))})
case("bincount", "bool", {"x": np.array([True, False, True])}, {}, lambda: {"out": np.bincount(np.array([True, False, True]))})
case("bincount", "empty", {"x": np.zeros(0, np.int64)}, {"minlength": 4},
     lambda: {"out": np.bincount(np.zeros(0, np.int64), minlength=4)})
case("bincount", "empty0", {"x": np.zeros(0, np.int64)}, {}, lambda: {"out": np.bincount(np.zeros(0, np.int64))})
xl = rng.integers(0, 1000, 20000)
case("bincount", "long", {"x": xl}, {}, lambda: {"out": np.bincount(xl)})
xr = np.repeat(np.arange(5), 3000)
case("bincount", "runs", {"x": xr}, {}, lambda: {"out": np.bincount(xr)})
case("bincount", "err_neg", {"x": np.array([1, -1, 2])}, {}, lambda: {"out": np.bincount(np.array([1, -1, 2]))})
case("bincount", "err_float", {"x": np.array([1.0, 2.0])}, {}, lambda: {"out": np.bincount(np.array([1.0, 2.0]))})
case("bincount", "err_f32", {"x": np.array([1.0], np.float32)}, {}, lambda: {"out": np.bincount(np.array([1.0], np.float32))})
case("bincount", "err_minlength", {"x": x}, {"minlength": -1}, lambda: {"out": np.bincount(x, minlength=-1)})
case("bincount", "err_2d", {"x": np.ones((2, 2), np.int64)}, {}, lambda: {"out": np.bincount(np.ones((2, 2), np.int64))})
case("bincount", "err_0d", {"x": np.array(3)}, {}, lambda: {"out": np.bincount(np.array(3))})
case("bincount", "err_wlen", {"x": x, "weights": w[:10]}, {}, lambda: {"out": np.bincount(x, weights=w[:10])})
case("bincount", "err_wcomplex", {"x": x, "weights": w.astype(complex)}, {},
     lambda: {"out": np.bincount(x, weights=w.astype(complex))})

# ------------------------------------------------------------------ digitize

xd = np.r_[rng.normal(0, 3, 200), [np.nan, np.inf, -np.inf, 0.0, 1.0, -2.0]]
inc = np.array([-4.0, -1.0, 0.0, 1.0, 1.0, 2.5, 7.0])
dec = inc[::-1].copy()
for nm, b in [("inc", inc), ("dec", dec), ("one", np.array([0.5])), ("empty", np.zeros(0)),
              ("const", np.array([1.0, 1.0, 1.0])), ("nan_end", np.array([0.0, 1.0, np.nan])),
              ("int", np.array([-3, 0, 2, 5]))]:
    for right in (False, True):
        case("digitize", "%s_%s" % (nm, "right" if right else "left"), {"x": xd, "bins": b},
             {"right": int(right)}, lambda b=b, right=right: {"out": np.digitize(xd, b, right=right)})
xi = rng.integers(-10, 10, 50)
case("digitize", "int_x", {"x": xi, "bins": np.array([-5, 0, 3, 3, 8])}, {},
     lambda: {"out": np.digitize(xi, np.array([-5, 0, 3, 3, 8]))})
case("digitize", "int_x_float_bins", {"x": xi, "bins": np.array([-5.5, 0.0, 3.2])}, {},
     lambda: {"out": np.digitize(xi, np.array([-5.5, 0.0, 3.2]))})
case("digitize", "uint64", {"x": np.array([2**63 + 1, 2**64 - 1, 5], np.uint64), "bins": np.array([0, 2**63 + 1], np.uint64)},
     {}, lambda: {"out": np.digitize(np.array([2**63 + 1, 2**64 - 1, 5], np.uint64), np.array([0, 2**63 + 1], np.uint64))})
case("digitize", "two_d", {"x": xd[:200].reshape(10, 20), "bins": inc}, {},
     lambda: {"out": np.digitize(xd[:200].reshape(10, 20), inc)})
case("digitize", "zero_d", {"x": np.array(0.7), "bins": inc}, {}, lambda: {"out": np.asarray(np.digitize(np.array(0.7), inc))})
case("digitize", "f32", {"x": xd.astype(np.float32), "bins": inc.astype(np.float32)}, {},
     lambda: {"out": np.digitize(xd.astype(np.float32), inc.astype(np.float32))})
case("digitize", "err_mono", {"x": xd, "bins": np.array([1.0, 0.0, 2.0])}, {},
     lambda: {"out": np.digitize(xd, np.array([1.0, 0.0, 2.0]))})
case("digitize", "err_complex", {"x": np.array([1j]), "bins": inc}, {}, lambda: {"out": np.digitize(np.array([1j]), inc)})
case("digitize", "err_2d_bins", {"x": xd, "bins": np.ones((2, 2))}, {}, lambda: {"out": np.digitize(xd, np.ones((2, 2)))})

# ------------------------------------------------------------------ histogram2d / histogramdd

px = rng.normal(0, 1, 400)
py = rng.normal(1, 2, 400)
pw = rng.random(400)


def h2(**kw):
    def fn():
        H_, xe, ye = np.histogram2d(px, py, **kw)
        return {"hist": H_, "xedges": xe, "yedges": ye}
    return fn


case("hist2d", "default", {"x": px, "y": py}, {}, h2())
case("hist2d", "bins5", {"x": px, "y": py}, {"bins": 5}, h2(bins=5))
case("hist2d", "bins_xy", {"x": px, "y": py}, {"bins_x": 3, "bins_y": 7}, h2(bins=[3, 7]))
ex = np.array([-3.0, -1.0, 0.0, 0.5, 3.0])
ey = np.array([-5.0, 0.0, 1.0, 6.0])
case("hist2d", "edges_xy", {"x": px, "y": py, "edges_x": ex, "edges_y": ey}, {}, h2(bins=[ex, ey]))
case("hist2d", "edges_same", {"x": px, "y": py, "edges": ex}, {}, h2(bins=ex))
case("hist2d", "range", {"x": px, "y": py}, {"bins": 4, "range2": "%s %s %s %s" % ((-1.0).hex(), (1.0).hex(), (0.0).hex(), (2.0).hex())},
     h2(bins=4, range=[[-1, 1], [0, 2]]))
case("hist2d", "density", {"x": px, "y": py}, {"bins": 6, "density": 1}, h2(bins=6, density=True))
case("hist2d", "weights", {"x": px, "y": py, "weights": pw}, {"bins": 6}, h2(bins=6, weights=pw))
case("hist2d", "weights_density", {"x": px, "y": py, "weights": pw}, {"bins": 4, "density": 1},
     h2(bins=4, weights=pw, density=True))
case("hist2d", "err_bins_neg", {"x": px, "y": py}, {"bins": -2}, h2(bins=-2))
case("hist2d", "err_edges_order", {"x": px, "y": py, "edges_x": ex[::-1].copy(), "edges_y": ey}, {},
     h2(bins=[ex[::-1].copy(), ey]))
case("hist2d", "err_weights_len", {"x": px, "y": py, "weights": pw[:5]}, {"bins": 3}, h2(bins=3, weights=pw[:5]))

sample = np.c_[rng.normal(0, 1, 300), rng.integers(0, 5, 300), rng.random(300)]


def dd_res(r):
    H_, e = r
    d = {"hist": H_}
    for i, ei in enumerate(e):
        d["edges%d" % i] = ei
    return d


case("histdd", "default", {"sample": sample}, {}, lambda: dd_res(np.histogramdd(sample)))
case("histdd", "bins_dim", {"sample": sample}, {"bins_dim": "3 5 2"}, lambda: dd_res(np.histogramdd(sample, bins=(3, 5, 2))))
case("histdd", "density", {"sample": sample}, {"bins_dim": "4 5 3", "density": 1},
     lambda: dd_res(np.histogramdd(sample, bins=(4, 5, 3), density=True)))
case("histdd", "weights", {"sample": sample, "weights": pw[:300]}, {"bins": 3},
     lambda: dd_res(np.histogramdd(sample, bins=3, weights=pw[:300])))
case("histdd", "one_d", {"sample": px}, {"bins": 6}, lambda: dd_res(np.histogramdd(px, bins=6)))
isample = rng.integers(0, 10, (100, 2))
case("histdd", "ints", {"sample": isample}, {"bins": 4}, lambda: dd_res(np.histogramdd(isample, bins=4)))
case("histdd", "equal", {"sample": np.ones((5, 2))}, {"bins": 2}, lambda: dd_res(np.histogramdd(np.ones((5, 2)), bins=2)))
case("histdd", "empty", {"sample": np.zeros((0, 2))}, {"bins": 2}, lambda: dd_res(np.histogramdd(np.zeros((0, 2)), bins=2)))
case("histdd", "err_bins0", {"sample": sample}, {"bins_dim": "3 -1 2"}, lambda: dd_res(np.histogramdd(sample, bins=(3, -1, 2))))

# NumPy 2: a float32 sample gives float32 edges computed in float32
s32 = sample[:, [0, 2]].astype(np.float32)


def dd_np2_f32():
    e = [edges_np2(s32[:, i].min(), s32[:, i].max(), 5, np.float32) for i in range(2)]
    H_, _ = np.histogramdd(s32.astype(np.float64), bins=[ei.astype(np.float64) for ei in e])
    return {"hist": H_, "edges0": e[0], "edges1": e[1]}


case("histdd", "f32_np2", {"sample": s32}, {"bins": 4}, dd_np2_f32)

# complex samples (histogramdd searches in the complex order; density divides by
# complex bin widths, so the result is complex)
csample = np.c_[crand[:60], crng.normal(0, 1, 60)]
case("histdd", "complex", {"sample": cx}, {"bins": 3}, lambda: dd_res(np.histogramdd(cx, bins=3)))
case("histdd", "complex_density", {"sample": cx}, {"bins": 3, "density": 1},
     lambda: dd_res(np.histogramdd(cx, bins=3, density=True)))
case("histdd", "complex_2col", {"sample": csample}, {"bins_dim": "4 3"},
     lambda: dd_res(np.histogramdd(csample, bins=(4, 3))))
case("hist2d", "complex", {"x": cx, "y": cx.real.copy()}, {"bins": 3},
     lambda: dict(zip(("hist", "xedges", "yedges"), np.histogram2d(cx, cx.real.copy(), bins=3))))
w6 = np.arange(6.0)
case("hist2d", "complex_weights", {"x": cx, "y": cx.real.copy(), "weights": w6}, {"bins": 2},
     lambda: dict(zip(("hist", "xedges", "yedges"), np.histogram2d(cx, cx.real.copy(), bins=2, weights=w6))))
case("hist2d", "complex_edges", {"x": cx, "y": cx.real.copy(), "edges": np.array([0.0, 1.0, 2.5, 6.0])}, {},
     lambda: dict(zip(("hist", "xedges", "yedges"), np.histogram2d(cx, cx.real.copy(), bins=np.array([0.0, 1.0, 2.5, 6.0])))))
case("hist2d", "err_complex_weights", {"x": cx.real.copy(), "y": cx.real.copy(), "weights": w6 * 1j}, {"bins": 2},
     lambda: np.histogram2d(cx.real.copy(), cx.real.copy(), bins=2, weights=w6 * 1j))
