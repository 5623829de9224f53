# NumPy side of bench/bench_sort.c (exec'd by numpy_bench.py with its helpers in scope).


def _sort_input(dtype, n):
    if dtype == "float64":
        return data_f64(n)
    if dtype == "float32":
        return data_f64(n).astype(np.float32)
    if dtype == "int64":
        return (np.arange(n, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)).view(np.int64)
    return data_i32(n)


def _sort_row(stmt):
    def make(row, tmpdir):
        a = _sort_input(row["dtype"], row["size"])
        if row["layout"] in ("sorted", "reversed"):
            a = np.sort(a)
            if row["layout"] == "reversed":
                a = a[::-1].copy()
        return stmt, {"np": np, "a": a, "k": row["size"] // 2}, "value"
    return make


def _search_row(stmt):
    def make(row, tmpdir):
        x = _sort_input(row["dtype"], row["size"] + 1)
        a = np.sort(x[:-1])
        v = x[1:].copy()
        if row["layout"] == "sorted keys":
            v = np.sort(v)
        return stmt, {"np": np, "a": a, "v": v}, "value"
    return make


for _dt in ("float64", "float32", "int64", "int32"):
    ROWS[("sort", _dt, "random")] = _sort_row("np.sort(a)")
    ROWS[("argsort", _dt, "random")] = _sort_row("np.argsort(a)")
for _dt in ("float64", "int64"):
    for _l in ("sorted", "reversed"):
        ROWS[("sort", _dt, _l)] = _sort_row("np.sort(a)")
        ROWS[("argsort", _dt, _l)] = _sort_row("np.argsort(a)")
    ROWS[("sort", _dt, "stable")] = _sort_row("np.sort(a, kind='stable')")
    ROWS[("argsort", _dt, "stable")] = _sort_row("np.argsort(a, kind='stable')")
    ROWS[("partition", _dt, "random, [k]")] = _sort_row("np.partition(a, k)[k]")
    ROWS[("searchsorted", _dt, "random keys")] = _search_row("np.searchsorted(a, v)")
ROWS[("argpartition", "float64", "random, a[i[k]]")] = _sort_row("a[np.argpartition(a, k)[k]]")
ROWS[("searchsorted", "float64", "sorted keys")] = _search_row("np.searchsorted(a, v)")
