# NumPy's side of bench/bench_numeric.c (exec'd by numpy_bench.py: ROWS, np, array in scope).


def numeric_row(stmt, make_input):
    def make(row, tmpdir):
        return stmt, {"np": np, **make_input(row["shape"], row["size"])}, "value"
    return make


def _taps(shape, size):
    return {"a": array("float64", list(shape)), "v": array("float64", [100 if size >= 1000 else 3])}


def _interp(shape, size):
    n = max(size // 100, 2)
    a = array("float64", list(shape))
    return {"x": (a + 1000.0) * (5.05 * n / 10000.0) - 50.0, "xp": np.arange(0, n, 1, dtype=np.float64),
            "fp": array("float64", [n])}


def _plain(shape, size):
    return {"a": array("float64", list(shape))}


ROWS.update({
    ("convolve", "float64", "100 taps"): numeric_row("np.convolve(a, v)", _taps),
    ("convolve", "float64", "100 taps same"): numeric_row("np.convolve(a, v, 'same')", _taps),
    ("correlate", "float64", "100 taps"): numeric_row("np.correlate(a, v)", _taps),
    ("diff", "float64", "C"): numeric_row("np.diff(a)", _plain),
    ("gradient", "float64", "C"): numeric_row("np.gradient(a)[1]", _plain),
    ("interp", "float64", "into n/100 points"): numeric_row("np.interp(x, xp, fp)", _interp),
    ("cov", "float64", "rowvar"): numeric_row("np.cov(a)", _plain),
})
