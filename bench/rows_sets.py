# NumPy side of bench/bench_sets.c (exec'd by numpy_bench.py with its helpers in scope).


def _sets_row(stmt, two_d=False):
    def make(row, tmpdir):
        n = row["size"]
        a = array(row["dtype"], row["shape"])
        ns = {"np": np, "a": a}
        if row["op"] == "isin":
            ns["b"] = array(row["dtype"], [n // 100])
        return stmt, ns, "value"
    return make


ROWS.update({
    ("median", "float64", "C"): _sets_row("np.median(a)"),
    ("median", "int32", "C"): _sets_row("np.median(a)"),
    ("median", "float64", "axis1"): _sets_row("np.median(a, axis=1)"),
    ("nanmedian", "float64", "C"): _sets_row("np.nanmedian(a)"),
    ("percentile", "float64", "C"): _sets_row("np.percentile(a, 90.0)"),
    ("unique", "float64", "counts"): _sets_row("np.unique(a, return_counts=True)[0]"),
    ("unique", "int32", "counts"): _sets_row("np.unique(a, return_counts=True)[0]"),
    ("unique", "float64", "values"): _sets_row("np.unique(a)"),
    # the bool result viewed as int32 on both sides (the harness dumps numbers)
    ("isin", "float64", "n in n/100"): _sets_row("np.isin(a, b).view(np.int32)"),
    ("isin", "int32", "n in n/100"): _sets_row("np.isin(a, b).view(np.int32)"),
})
