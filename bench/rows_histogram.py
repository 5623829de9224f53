# NumPy's side of bench/bench_histogram.c (exec'd by numpy_bench.py with its helpers).


def _counts_input(n):
    """(high 32 bits of i * 0x9E3779B97F4A7C15) % 1000 as int64 (setup_counts)."""
    u = np.arange(n, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    return ((u >> np.uint64(32)) % np.uint64(1000)).astype(np.int64)


def hist_row(stmt, make_input):
    def make(row, tmpdir):
        return stmt, {"np": np, **make_input(row["size"])}, "value"
    return make


ROWS.update({
    ("histogram", "float64", "bins=100"): hist_row("np.histogram(a, bins=100)[0]", lambda n: {"a": array("float64", [n])}),
    ("histogram", "float64", "bins=1000"): hist_row("np.histogram(a, bins=1000)[0]", lambda n: {"a": array("float64", [n])}),
    ("histogram", "float64", "edges=101"): hist_row(
        "np.histogram(a, bins=e)[0]", lambda n: {"a": array("float64", [n]), "e": np.linspace(-900.0, 900.0, 101)}),
    ("bincount", "int64", "[0,1000)"): hist_row("np.bincount(x)", lambda n: {"x": _counts_input(n)}),
    ("digitize", "float64", "bins=101"): hist_row(
        "np.digitize(a, e)", lambda n: {"a": array("float64", [n]), "e": np.linspace(-900.0, 900.0, 101)}),
})
