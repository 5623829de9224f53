#!/usr/bin/env python3
"""NumPy's side of nd's benchmarks.

Reads the row list that a bench_<area> program prints with --list --json (so both
sides run exactly the same operations, shapes, dtypes and layouts), builds the same
inputs bit for bit (the formula of bench/bench.h), times each row the way bench.h does
and prints JSON in the same format.  bench/run.py drives it; run by hand:

    build-bench/bench/bench_core --list --json > rows.json
    python3 bench/numpy_bench.py rows.json [--smoke] [--tmpdir DIR] [--min-time S]

Timing: one warm-up call, one calibration call, then samples of `inner` executions
(about 1 ms each) of the statement compiled by timeit (no Python function call around
it) until --min-time seconds and at least 5 samples.  The statement's result is
dropped (and so freed) inside the timed loop, as nd's harness frees its results.
"""
import argparse
import json
import os
import sys
import timeit

import numpy as np

# ----------------------------------------------------------------- inputs


def data_f64(n):
    """bench_f64(i) of bench.h: 53 bits of i * 0x9E3779B97F4A7C15 scaled to [-1000, 1000)."""
    u = np.arange(n, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    return ((u >> np.uint64(11)).astype(np.float64) * 2.0**-53) * 2000.0 - 1000.0


def data_i32(n):
    """bench_i32(i): the high 32 bits of the same hash, as int32."""
    u = np.arange(n, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    return (u >> np.uint64(32)).astype(np.uint32).view(np.int32)


def array(dtype, shape):
    n = int(np.prod(shape)) if shape else 1
    flat = data_f64(n) if dtype == "float64" else data_i32(n)
    return flat.reshape(shape)


# ----------------------------------------------------------------- the rows
# Each entry: (op, dtype, layout) -> function(row, tmpdir) returning
# (statement, namespace, result_kind).  result_kind tells what --smoke dumps:
# "value" (the statement's value), "a" (the array `a` after the statement, for
# in-place operations), "file" (the file `path` the statement wrote), "text".


def input_for(layout, dtype, shape):
    if layout == "C":
        return array(dtype, shape)
    if layout == "a.T":
        return array(dtype, shape[::-1]).T
    if layout == "a[::2]":
        return array(dtype, [2 * shape[0]])[::2]
    if layout == "a[::2,::2]":
        return array(dtype, [2 * shape[0], 2 * shape[1]])[::2, ::2]
    raise KeyError(layout)


def simple(stmt, dtype_in=None, kind="value"):
    def make(row, tmpdir):
        ns = {"np": np}
        if dtype_in:
            ns["a"] = input_for(row["layout"], dtype_in, row["shape"])
        ns["n"] = row["size"]
        return stmt, ns, kind
    return make


def repr_int64(row, tmpdir):
    """The int32 input widened to int64 (setup_i64 in bench_core.c)."""
    return "repr(a)", {"np": np, "a": array("int32", row["shape"]).astype(np.int64)}, "text"


def repr_cast(dtype):
    """The float64 input cast to dtype (setup_cast in bench_core.c)."""
    def make(row, tmpdir):
        return "repr(a)", {"np": np, "a": array("float64", row["shape"]).astype(dtype)}, "text"
    return make


def save_npy(row, tmpdir):
    path = os.path.join(tmpdir, "np_save_%d.npy" % row["size"])
    return "np.save(path, a)", {"np": np, "a": array("float64", row["shape"]), "path": path}, "file"


def load_npy(row, tmpdir):
    path = os.path.join(tmpdir, "np_load_%d.npy" % row["size"])
    np.save(path, array("float64", row["shape"]))
    return "np.load(path)", {"np": np, "path": path}, "value"


def rng_stmt(stmt, legacy=False, inplace=False):
    """A np.random row: a fresh default_rng(42) (or np.random.seed(42)) per row, as
    bench_random.c's setup, so the smoke run compares the numbers exactly."""
    def make(row, tmpdir):
        n = row["size"]
        ns = {"np": np, "n": n, "p": np.arange(1.0, 1001.0) / 500500.0}
        if legacy:
            np.random.seed(42)
        else:
            ns["rng"] = np.random.default_rng(42)
        if inplace:
            ns["a"] = np.arange(n)
        return stmt, ns, "a" if inplace else "value"
    return make


ROWS = {
    ("random.random", "float64", "C"): rng_stmt("rng.random(n)"),
    ("random.random", "float32", "C"): rng_stmt("rng.random(n, dtype=np.float32)"),
    ("random.standard_normal", "float64", "C"): rng_stmt("rng.standard_normal(n)"),
    ("random.normal", "float64", "C"): rng_stmt("rng.normal(1.0, 2.0, n)"),
    ("random.uniform", "float64", "C"): rng_stmt("rng.uniform(-1.0, 3.0, n)"),
    ("random.exponential", "float64", "C"): rng_stmt("rng.exponential(2.0, n)"),
    ("random.integers", "int64 [0,1000)", "C"): rng_stmt("rng.integers(0, 1000, n)"),
    ("random.integers", "int64 [0,2^40)", "C"): rng_stmt("rng.integers(0, 2**40, n)"),
    ("random.integers", "int32 [0,1000)", "C"): rng_stmt("rng.integers(0, 1000, n, dtype=np.int32)"),
    ("random.choice", "int64 1000", "C"): rng_stmt("rng.choice(1000, n)"),
    ("random.choice", "int64 1000 p", "C"): rng_stmt("rng.choice(1000, n, p=p)"),
    ("random.shuffle", "int64", "C"): rng_stmt("rng.shuffle(a)", inplace=True),
    ("random.rand", "float64", "legacy"): rng_stmt("np.random.rand(n)", legacy=True),
    ("random.randn", "float64", "legacy"): rng_stmt("np.random.randn(n)", legacy=True),

    ("copy", "float64", "C"): simple("a.copy()", "float64"),
    ("ascontiguousarray", "float64", "a.T"): simple("np.ascontiguousarray(a)", "float64"),
    ("copy", "float64", "a[::2]"): simple("a.copy()", "float64"),
    ("copy", "float64", "a[::2,::2]"): simple("a.copy()", "float64"),
    ("astype", "float64->float32", "C"): simple("a.astype(np.float32)", "float64"),
    ("astype", "int32->float64", "C"): simple("a.astype(np.float64)", "int32"),
    ("fill", "float64", "C"): simple("a.fill(1.5)", "float64", kind="a"),
    ("arange", "int64", "C"): simple("np.arange(n)"),
    ("arange", "float64", "C"): simple("np.arange(0.0, float(n), 1.0)"),
    ("linspace", "float64", "C"): simple("np.linspace(0.0, 1.0, n)"),
    ("save_npy", "float64", "C"): save_npy,
    ("load_npy", "float64", "C"): load_npy,
    ("repr", "float64", "C"): simple("repr(a)", "float64", kind="text"),
    ("repr", "int64", "C"): repr_int64,
    ("repr", "float32", "C"): repr_cast("float32"),
    ("repr", "float16", "C"): repr_cast("float16"),
    ("repr", "complex128", "C"): repr_cast("complex128"),
}

# ----------------------------------------------------------------- ufunc rows (bench_ufunc.c)


def uf_array(dtype, shape):
    """bench_ufunc.c's inputs: the float64 / int32 formula cast to the row's dtype."""
    base = array("float64" if dtype.startswith("float") else "int32", list(shape))
    return base.astype(dtype)


def uf(stmt, kind="value", b="same"):
    def make(row, tmpdir):
        dts = row["dtype"].split("+")
        shape = row["shape"]
        ns = {"np": np, "a": uf_array(dts[0], shape)}
        if b == "same":
            ns["b"] = uf_array(dts[-1], shape)
        elif b == "row":
            ns["b"] = uf_array(dts[0], shape[1:])
        elif b == "col":
            ns["b"] = uf_array(dts[0], [shape[0], 1])
        return stmt, ns, kind
    return make


for _t in ("float64", "float32", "int64", "int32"):
    ROWS[("add", _t, "C")] = uf("np.add(a, b)")
ROWS.update({
    ("multiply", "float64", "C"): uf("np.multiply(a, b)"),
    ("divide", "float64", "C"): uf("np.divide(a, b)"),
    ("multiply", "float64", "a*2.5"): uf("a * 2.5", b=None),
    ("multiply", "float32", "a*2.5"): uf("a * 2.5", b=None),
    ("add", "float64", "a+=b"): uf("np.add(a, b, out=a)", kind="a"),
    ("add", "float64", "row"): uf("np.add(a, b)", b="row"),
    ("add", "float64", "col"): uf("np.add(a, b)", b="col"),
    ("add", "float32+float64", "C"): uf("np.add(a, b)"),
    ("add", "int32+float64", "C"): uf("np.add(a, b)"),
    ("less", "float64", "C"): uf("np.less(a, b)", kind="a"),
    ("less", "int32", "C"): uf("np.less(a, b)", kind="a"),
    ("sum", "float64", "C"): uf("np.sum(a)", b=None),
    ("sum", "float32", "C"): uf("np.sum(a)", b=None),
    ("max", "float64", "C"): uf("np.max(a)", b=None),
    ("min", "float32", "C"): uf("np.min(a)", b=None),
    ("sum", "int64", "C"): uf("np.sum(a)", b=None),
    ("sum", "float64", "axis0"): uf("np.sum(a, axis=0)", b=None),
    ("sum", "float64", "axis1"): uf("np.sum(a, axis=1)", b=None),
    ("max", "float32", "C"): uf("np.max(a)", b=None),
    ("min", "float64", "C"): uf("np.min(a)", b=None),
    ("mean", "float64", "C"): uf("np.mean(a)", b=None),
    ("mean", "float32", "C"): uf("np.mean(a)", b=None),
    ("std", "float64", "C"): uf("np.std(a)", b=None),
    ("argmax", "float64", "C"): uf("np.argmax(a)", b=None),
    ("argmax", "float32", "C"): uf("np.argmax(a)", b=None),
})
for _ax in ("0", "1"):
    for _f in ("mean", "std", "max", "min", "argmax"):
        ROWS[(_f, "float64", "axis" + _ax)] = uf("np.%s(a, axis=%s)" % (_f, _ax), b=None)


def uf_scaled(stmt, scale):
    """bench_ufunc.c's math rows: the input divided by 100 ("a/100") or its absolute value ("abs")."""
    def make(row, tmpdir):
        a = uf_array(row["dtype"], row["shape"])
        a = a / 100 if scale == "a/100" else np.abs(a)
        return stmt, {"np": np, "a": a}, "value"
    return make


for _t in ("float64", "float32"):
    ROWS[("exp", _t, "a/100")] = uf_scaled("np.exp(a)", "a/100")
    ROWS[("log", _t, "abs")] = uf_scaled("np.log(a)", "abs")
    ROWS[("sin", _t, "C")] = uf("np.sin(a)", b=None)
    ROWS[("cos", _t, "C")] = uf("np.cos(a)", b=None)
    ROWS[("tanh", _t, "a/100")] = uf_scaled("np.tanh(a)", "a/100")
    ROWS[("sqrt", _t, "abs")] = uf_scaled("np.sqrt(a)", "abs")
    ROWS[("power", _t, "abs-2.5")] = uf_scaled("np.power(a, 2.5)", "abs")


def uf_bool(stmt):
    """bench_ufunc.c's bool rows: m = (a > 1000) for the float64 input a; smoke compares a."""
    def make(row, tmpdir):
        a = uf_array("float64", row["shape"])
        ns = {"np": np, "a": a, "m": a > 1000}
        return stmt, ns, "a"
    return make


ROWS.update({
    ("all", "bool", "m=a>1000"): uf_bool("np.all(m)"),
    ("any", "bool", "m=a>1000"): uf_bool("np.any(m)"),
    ("any", "bool", "m:axis0"): uf_bool("np.any(m, axis=0)"),
    ("any", "bool", "m:axis1"): uf_bool("np.any(m, axis=1)"),
})

# bench_manip (issue 5): shape manipulation.


def manip(stmt, make_input):
    def make(row, tmpdir):
        return stmt, {"np": np, **make_input(row["shape"], row["size"])}, "value"
    return make


def _parts(shape, size):
    return {"parts": np.split(array("float64", [size]), 10)}


def _padded(shape, size):
    return {"a": array("float64", [shape[0] - 16, shape[1] - 16])}


ROWS.update({
    ("concatenate", "float64", "10 parts"): manip("np.concatenate(parts)", _parts),
    ("stack", "float64", "10 parts"): manip("np.stack(parts)", _parts),
    ("tile", "float64", "x10"): manip("np.tile(a, 10)", lambda s, n: {"a": array("float64", [n // 10])}),
    ("repeat", "float64", "x2"): manip("np.repeat(a, 2)", lambda s, n: {"a": array("float64", [n // 2])}),
    ("pad", "float64", "constant 8"): manip("np.pad(a, 8)", _padded),
    ("pad", "float64", "reflect 8"): manip("np.pad(a, 8, mode='reflect')", _padded),
    ("roll", "float64", "C"): manip("np.roll(a, 12345)", lambda s, n: {"a": array("float64", s)}),
    ("roll", "float64", "2-d (5, 7)"): manip("np.roll(a, (5, 7), axis=(0, 1))", lambda s, n: {"a": array("float64", s)}),
})

# bench_index (issue 5): advanced indexing.


def _take_input(shape, size):
    src = 10 * size
    u = (np.arange(size, dtype=np.uint64) + np.uint64(12345)) * np.uint64(0x9E3779B97F4A7C15)
    return {"a": array("float64", [src]), "idx": ((u >> np.uint64(20)) % np.uint64(src)).astype(np.int64)}


def _mask_input(shape, size):
    a = array("float64", shape)
    return {"a": a, "m": a > 0, "b": -a}


def index_row(stmt, make_input, kind="value"):
    def make(row, tmpdir):
        return stmt, {"np": np, **make_input(row["shape"], row["size"])}, kind
    return make


ROWS.update({
    ("take", "float64", "10^6 of 10^7"): index_row("np.take(a, idx)", _take_input),
    ("mask_get", "float64", "a[a > 0]"): index_row("a[m]", _mask_input),
    ("mask_set", "float64", "a[a > 0] = 0"): index_row("a[m] = 0.0", _mask_input, kind="a"),
    ("where", "float64", "where(a > 0, a, -a)"): index_row("np.where(m, a, b)", _mask_input),
})

# linalg (bench_linalg.c): "native" rows time nd's own kernels against the same NumPy call.


def linalg_row(stmt, setup=None):
    def make(row, tmpdir):
        a = array("float64", row["shape"])
        if row["dtype"] == "float32":
            a = a.astype(np.float32)
        n = row["shape"][-1]
        ns = {"np": np, "a": a, "b": array("float64", [n]), "n": n}
        if setup:
            exec(setup, ns)
        return stmt, ns, "value"
    return make


WC = "a = a + 1000.0 * n * np.eye(n)"  # the formula is nearly low-rank: well conditioned
for _layout in ("C", "native"):
    for _dt in ("float64", "float32"):
        ROWS[("matmul", _dt, _layout)] = linalg_row("a @ a")
    ROWS.update({
        ("solve", "float64", _layout): linalg_row("np.linalg.solve(a, b)", WC),
        ("inv", "float64", _layout): linalg_row("np.linalg.inv(a)", WC),
        # nd's dump makes 0-d results 1-d (ascontiguousarray): compare the same
        ("det", "float64", _layout): linalg_row("np.atleast_1d(np.linalg.det(a))", WC),
        ("cholesky", "float64", _layout): linalg_row("np.linalg.cholesky(a)", "a = a @ a.T + n * np.eye(n)"),
        ("qr", "float64", _layout): linalg_row("np.linalg.qr(a)[1]"),
        ("svd", "float64", _layout): linalg_row("np.linalg.svd(a)[1]"),
        ("eigh", "float64", _layout): linalg_row("np.linalg.eigh(a)[0]"),
    })
ROWS.update({
    ("einsum_ij,jk->ik", "float64", "C"): linalg_row("np.einsum('ij,jk->ik', a, a, optimize=True)"),
    ("einsum_bij,bjk->bik", "float64", "C"): linalg_row("np.einsum('bij,bjk->bik', a, a, optimize=True)"),
    ("einsum_ij,ij->i", "float64", "C"): linalg_row("np.einsum('ij,ij->i', a, a)"),
})

# np.fft rows (bench/bench_fft.c).  The harness dumps real arrays only: in --smoke
# mode complex results are compared through their real view (nd's side returns that
# view always; it costs ~100 ns).  NumPy 1.x transforms float32 in double; nd follows
# NumPy 2 (complex64), so the smoke comparison casts NumPy 1.x's result down.
def fft_row(stmt, dtype_in, real_view=None):
    def make(row, tmpdir):
        shape = list(row["shape"])
        if dtype_in == "complex128":
            shape[-1] *= 2
            a = array("float64", shape).view(np.complex128)
        elif dtype_in == "irfft":
            a = np.fft.rfft(array("float64", shape))
        else:
            a = array("float64", shape).astype(dtype_in)
        s = stmt
        if "--smoke" in sys.argv and real_view:
            if real_view == "float32" and int(np.__version__.split(".")[0]) < 2:
                s = "(%s).astype(np.complex64)" % s
            s = "np.ascontiguousarray(%s).view(np.%s)" % (s, real_view)
        return s, {"np": np, "a": a, "n": row["shape"][-1]}, "value"
    return make


ROWS.update({
    ("fft", "complex128", "C"): fft_row("np.fft.fft(a)", "complex128", "float64"),
    ("rfft", "float64", "C"): fft_row("np.fft.rfft(a)", "float64", "float64"),
    ("irfft", "complex128->float64", "C"): fft_row("np.fft.irfft(a, n)", "irfft"),
    ("fft2", "complex128", "C"): fft_row("np.fft.fft2(a)", "complex128", "float64"),
    ("rfft", "float32", "C"): fft_row("np.fft.rfft(a)", "float32", "float32"),
})


# ----------------------------------------------------------------- timing


def time_row(stmt, ns, min_time):
    timer = timeit.Timer(stmt, globals=ns)
    timer.timeit(1)                      # warm-up
    once = timer.timeit(1)               # calibration
    inner = 1 if once >= 1e-3 else max(1, min(1000000, int(1e-3 / once) if once > 0 else 1000000))
    samples, total = [], 0.0
    while len(samples) < 4096 and (len(samples) < 5 or total < min_time):
        dt = timer.timeit(inner)
        total += dt
        samples.append(dt / inner)
    samples.sort()
    k = len(samples)
    med = samples[k // 2] if k % 2 else 0.5 * (samples[k // 2 - 1] + samples[k // 2])
    return {"median": med, "min": samples[0], "max": samples[-1], "samples": k, "inner": inner}


def dump(value):
    if isinstance(value, np.generic):  # a reduction's scalar: nd's 0-d result is dumped
        value = np.atleast_1d(value)   # through ascontiguousarray, which makes it 1-d
    if isinstance(value, str):
        return {"text": value}
    if isinstance(value, np.ndarray):
        return {"dtype": value.dtype.name, "shape": list(value.shape), "values": value.ravel().tolist()}
    return None


def environment():
    env = {"numpy": np.__version__, "python": sys.version.split()[0]}
    blas = blas_info()
    if blas:
        env["blas"] = blas
    return env


# Each later area keeps its NumPy statements in bench/rows_<area>.py beside this file,
# run here with this module's helpers (array, uf_array, ...) in scope; a file adds to ROWS.
for _f in sorted(os.listdir(os.path.dirname(os.path.abspath(__file__)))):
    if _f.startswith("rows_") and _f.endswith(".py"):
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), _f)) as _src:
            exec(compile(_src.read(), _f, "exec"))


def blas_info():
    """The BLAS NumPy really loaded: the shared object mapped into this process
    (Debian picks it with update-alternatives), and OpenBLAS's own config string."""
    import numpy.linalg  # noqa: F401  (maps the BLAS/LAPACK libraries)
    libs = set()
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                p = line.split()[-1]
                base = os.path.basename(p)
                if p.startswith("/") and ("blas" in base or "lapack" in base or "mkl" in base):
                    libs.add(os.path.realpath(p))
    except OSError:
        pass
    info = ", ".join(sorted(libs))
    for lib in sorted(libs):
        if "openblas" in os.path.basename(lib):
            try:
                import ctypes
                h = ctypes.CDLL(lib)
                h.openblas_get_config.restype = ctypes.c_char_p
                h.openblas_get_corename.restype = ctypes.c_char_p
                info += " [%s; core %s; threads %d]" % (
                    h.openblas_get_config().decode(), h.openblas_get_corename().decode(),
                    h.openblas_get_num_threads())
            except (OSError, AttributeError):
                pass
    return info


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rows", help="JSON from bench_<area> --list --json ('-' for stdin)")
    ap.add_argument("--smoke", action="store_true", help="one call per row, dump results")
    ap.add_argument("--tmpdir", default=os.environ.get("TMPDIR", "/tmp"))
    ap.add_argument("--min-time", type=float, default=0.2)
    args = ap.parse_args()
    src = sys.stdin if args.rows == "-" else open(args.rows)
    listing = json.load(src)
    out = {"program": "numpy", "env": environment(), "rows": []}
    for row in listing["rows"]:
        rec = {k: row[k] for k in ("id", "op", "dtype", "layout", "shape", "size")}
        make = ROWS.get((row["op"], row["dtype"], row["layout"]))
        if make is None:
            rec["error"] = "no NumPy counterpart in bench/numpy_bench.py"
            out["rows"].append(rec)
            continue
        try:
            stmt, ns, kind = make(row, args.tmpdir)
            if args.smoke:
                if kind == "a":  # the statement may be an assignment: run it, then read `a`
                    exec(stmt, ns)
                    value = ns["a"]
                else:
                    value = eval(stmt, ns)
                rec["result"] = {"file": ns["path"]} if kind == "file" else dump(value)
            else:
                rec.update(time_row(stmt, ns, args.min_time))
            if row["op"] == "load_npy" and not args.smoke:
                os.remove(ns["path"])
        except Exception as e:  # report, keep going
            rec["error"] = "%s: %s" % (type(e).__name__, e)
        out["rows"].append(rec)
        ns = None
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
