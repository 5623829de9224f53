/* bench_index: advanced indexing (issue 5): fancy take, boolean-mask selection and
 * masked assignment, three-argument where, and a reduction over a sliding window
 * view.  The NumPy side: bench/numpy_bench.py and bench/rows_manip.py (new rows). */
#include "bench.h"

/* Index i of the take rows: the hash of (i + 12345), >> 20, modulo the source length
 * (numpy_bench.py builds the same). */
static int setup_take(bench_case *c) {
    int64_t src[1] = { 10 * c->size };
    if (!(c->a = bench_array(ND_FLOAT64, 1, src))) return -1;
    if (!(c->b = nd_empty(ND_SHAPE(c->size), .dtype = ND_INT64))) return -1;
    int64_t *p = nd_data(c->b);
    for (int64_t i = 0; i < c->size; i++) p[i] = (int64_t)((bench_hash((uint64_t)i + 12345) >> 20) % (uint64_t)src[0]);
    return 0;
}
static int run_take(bench_case *c) { return (c->res = nd_take(c->a, c->b)) ? 0 : -1; }

/* a and the mask a > 0 (about half true, in random places). */
static int setup_mask(bench_case *c) {
    if (!(c->a = bench_array(ND_FLOAT64, c->shape.ndim, c->shape.d))) return -1;
    if (!(c->b = nd_empty_like(c->a, .dtype = ND_BOOL))) return -1;
    const double *a = nd_data(c->a);
    bool *m = nd_data(c->b);
    for (int64_t i = 0; i < c->size; i++) m[i] = a[i] > 0;
    return 0;
}
static int run_mask_get(bench_case *c) { return (c->res = nd_get(c->a, "%a", c->b)) ? 0 : -1; }
static int run_mask_set(bench_case *c) {
    c->res = c->a;
    c->res_borrowed = true;
    return nd_set_value(c->a, "%a", 0.0, c->b);
}

/* where(m, a, b) with b = -a: the mask is kept in res-free storage of the case. */
static nd_array *where_neg;
static int setup_where(bench_case *c) {
    if (setup_mask(c) < 0) return -1;
    if (!(where_neg = nd_copy(c->a, 'C'))) return -1;
    double *p = nd_data(where_neg);
    for (int64_t i = 0; i < c->size; i++) p[i] = -p[i];
    return 0;
}
static int run_where(bench_case *c) { return (c->res = nd_where(c->b, c->a, where_neg)) ? 0 : -1; }
static void teardown_where(bench_case *c) { nd_free(where_neg); where_neg = NULL; }

/* Moving mean: sliding_window_view(a, 100).mean(axis=-1), a reduction over a view
 * whose two axes overlap in memory (strides 8, 8).  The shape is the input's. */
#define WINDOW 100
static int setup_window(bench_case *c) { return (c->a = bench_array(ND_FLOAT64, 1, c->shape.d)) ? 0 : -1; }
static int run_window_mean(bench_case *c) {
    nd_array *w = nd_sliding_window_view(c->a, ND_SHAPE(WINDOW));
    c->res = w ? nd_mean(w, .axis = ND_AXIS(-1)) : NULL;
    nd_free(w);
    return c->res ? 0 : -1;
}

static const bench_def defs[] = {
    { "take", "float64", "10^6 of 10^7", setup_take, run_take, NULL,
      { BENCH_1D(1000), BENCH_1D(1000000) }, { BENCH_1D(5) } },
    { "mask_get", "float64", "a[a > 0]", setup_mask, run_mask_get, NULL,
      { BENCH_1D(1000), BENCH_1D(10000000) }, { BENCH_1D(9) } },
    { "mask_set", "float64", "a[a > 0] = 0", setup_mask, run_mask_set, NULL,
      { BENCH_1D(1000), BENCH_1D(10000000) }, { BENCH_1D(9) } },
    { "where", "float64", "where(a > 0, a, -a)", setup_where, run_where, teardown_where,
      { BENCH_1D(1000), BENCH_1D(10000000) }, { BENCH_1D(9) } },
    { "sliding_mean", "float64", "window 100", setup_window, run_window_mean, NULL,
      { BENCH_1D(1000), BENCH_1D(100000), BENCH_1D(1000000) }, { BENCH_1D(100), BENCH_1D(237) }, 1e-12 },
};

int main(int argc, char **argv) {
    return bench_main(argc, argv, "bench_index", defs, (int)(sizeof defs / sizeof defs[0]));
}
