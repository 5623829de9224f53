# NumPy side of the ufunc rows added after numpy_bench.py's own (bench_ufunc.c);
# exec'd by numpy_bench.py with its helpers (uf, uf_array, ROWS ...) in scope.

ROWS.update({
    # reductions of a reversed view: NumPy adds in the view's logical order
    ("sum", "float64", "rev"): uf("np.sum(a[::-1])", b=None),
    ("sum", "float64", "rev:axis1"): uf("np.sum(a[::-1], axis=1)", b=None),
})
