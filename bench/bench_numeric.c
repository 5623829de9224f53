/* bench_numeric: correlate / convolve, diff, gradient, interp and cov (issue 6, part D).
 * Shapes are the work's (the long input of convolve, the queries of interp);
 * bench/rows_numeric.py has the NumPy statements. */
#include "bench.h"

static int setup_f64(bench_case *c) { return (c->a = bench_array(ND_FLOAT64, c->shape.ndim, c->shape.d)) ? 0 : -1; }

/* a: the signal (shape), b: 100 taps (the same formula) */
static int setup_taps(bench_case *c) {
    int64_t taps = c->size >= 1000 ? 100 : 3;
    c->a = bench_array(ND_FLOAT64, 1, c->shape.d);
    c->b = bench_array(ND_FLOAT64, 1, &taps);
    return c->a && c->b ? 0 : -1;
}
static int run_convolve(bench_case *c) { return (c->res = nd_convolve(c->a, c->b)) ? 0 : -1; }
static int run_correlate(bench_case *c) { return (c->res = nd_correlate(c->a, c->b)) ? 0 : -1; }
static int run_convolve_same(bench_case *c) { return (c->res = nd_convolve(c->a, c->b, .mode = ND_CONV_SAME)) ? 0 : -1; }

static int run_diff(bench_case *c) { return (c->res = nd_diff(c->a)) ? 0 : -1; }

/* np.gradient(a) of a 2-d array: both axes are computed, the last one is kept */
static int run_gradient(bench_case *c) {
    nd_array *g[2] = { 0 };
    if (nd_gradient(c->a, g, 2) != 2) return -1;
    nd_free(g[0]);
    c->res = g[1];
    return 0;
}

/* interp: queries x = (a + 1000) * 5.05 - 50 over the points xp = arange(n / 100),
 * fp = the formula */
static nd_array *interp_xp;
static int setup_interp(bench_case *c) {
    int64_t np_ = c->size / 100 > 2 ? c->size / 100 : 2;
    nd_array *a = bench_array(ND_FLOAT64, 1, c->shape.d);
    nd_array *t = a ? nd_add(a, 1000.0) : NULL, *u = t ? nd_multiply(t, 5.05 * (double)np_ / 10000.0) : NULL;
    c->a = u ? nd_subtract(u, 50.0) : NULL;
    nd_free(a); nd_free(t); nd_free(u);
    interp_xp = nd_arange(0, np_, 1, .dtype = ND_FLOAT64);
    c->b = bench_array(ND_FLOAT64, 1, &np_);
    return c->a && c->b && interp_xp ? 0 : -1;
}
static void teardown_interp(bench_case *c) { nd_free(interp_xp); interp_xp = NULL; }
static int run_interp(bench_case *c) { return (c->res = nd_interp(c->a, interp_xp, c->b)) ? 0 : -1; }

static int run_cov(bench_case *c) { return (c->res = nd_cov(c->a)) ? 0 : -1; }

static const bench_def defs[] = {
    { "convolve", "float64", "100 taps", setup_taps, run_convolve, NULL,
      { BENCH_1D(1000), BENCH_1D(100000) }, { BENCH_1D(10), BENCH_1D(31) }, 1e-12 },
    { "convolve", "float64", "100 taps same", setup_taps, run_convolve_same, NULL,
      { BENCH_1D(100000) }, { BENCH_1D(10), BENCH_1D(31) }, 1e-12 },
    { "correlate", "float64", "100 taps", setup_taps, run_correlate, NULL,
      { BENCH_1D(1000), BENCH_1D(100000) }, { BENCH_1D(10), BENCH_1D(31) }, 1e-12 },
    { "diff", "float64", "C", setup_f64, run_diff, NULL,
      { BENCH_1D(1000), BENCH_1D(100000), BENCH_1D(10000000) }, { BENCH_1D(2), BENCH_1D(17) } },
    { "gradient", "float64", "C", setup_f64, run_gradient, NULL,
      { BENCH_2D(32, 32), BENCH_2D(316, 316), BENCH_2D(3000, 3000) }, { BENCH_2D(2, 3), BENCH_2D(5, 7) } },
    { "interp", "float64", "into n/100 points", setup_interp, run_interp, teardown_interp,
      { BENCH_1D(1000), BENCH_1D(1000000) }, { BENCH_1D(10), BENCH_1D(300) } },
    { "cov", "float64", "rowvar", setup_f64, run_cov, NULL,
      { BENCH_2D(100, 100), BENCH_2D(1000, 1000) }, { BENCH_2D(3, 4), BENCH_2D(7, 5) }, 1e-9 },
};

int main(int argc, char **argv) {
    return bench_main(argc, argv, "bench_numeric", defs, (int)(sizeof defs / sizeof defs[0]));
}
