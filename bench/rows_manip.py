# NumPy side of the issue-5 rows added after numpy_bench.py's own (bench_index.c,
# bench_manip.c); exec'd by numpy_bench.py with its helpers in scope.

ROWS.update({
    ("sliding_mean", "float64", "window 100"): manip(
        "np.lib.stride_tricks.sliding_window_view(a, 100).mean(axis=-1)",
        lambda s, n: {"a": array("float64", s)}),
})
