/* bench_histogram: np.histogram (bins as a count with the range found from the data, and
 * as an edges array), np.bincount and np.digitize.  Shapes are the input's; the NumPy
 * statements are in bench/rows_histogram.py. */
#include "bench.h"

static int setup_f64(bench_case *c) { return (c->a = bench_array(ND_FLOAT64, c->shape.ndim, c->shape.d)) ? 0 : -1; }

/* edges: np.linspace(-900, 900, 101), so some values fall outside */
static int setup_edges(bench_case *c) {
    if (setup_f64(c) < 0) return -1;
    return (c->b = nd_linspace(-900.0, 900.0, 101)) ? 0 : -1;
}

/* bincount input: (high 32 bits of the hash) % 1000, as int64 */
static int setup_counts(bench_case *c) {
    c->a = nd_empty(ND_SHAPE(c->size), .dtype = ND_INT64);
    if (!c->a) return -1;
    int64_t *p = nd_data(c->a);
    for (int64_t i = 0; i < c->size; i++) p[i] = (int64_t)((bench_hash((uint64_t)i) >> 32) % 1000);
    return 0;
}

static int run_hist100(bench_case *c) { return nd_histogram(c->a, &c->res, NULL, .bins = 100); }
static int run_hist1000(bench_case *c) { return nd_histogram(c->a, &c->res, NULL, .bins = 1000); }
static int run_hist_edges(bench_case *c) { return nd_histogram(c->a, &c->res, NULL, .edges = c->b); }
static int run_bincount(bench_case *c) { return (c->res = nd_bincount(c->a)) ? 0 : -1; }
static int run_digitize(bench_case *c) { return (c->res = nd_digitize(c->a, c->b)) ? 0 : -1; }

static const bench_def defs[] = {
    { "histogram", "float64", "bins=100", setup_f64, run_hist100, NULL,
      { BENCH_1D(1000), BENCH_1D(100000), BENCH_1D(10000000) }, { BENCH_1D(10), BENCH_1D(1000) } },
    { "histogram", "float64", "bins=1000", setup_f64, run_hist1000, NULL,
      { BENCH_1D(100000), BENCH_1D(10000000) }, { BENCH_1D(10), BENCH_1D(5000) } },
    { "histogram", "float64", "edges=101", setup_edges, run_hist_edges, NULL,
      { BENCH_1D(100000), BENCH_1D(10000000) }, { BENCH_1D(10), BENCH_1D(3000) } },
    { "bincount", "int64", "[0,1000)", setup_counts, run_bincount, NULL,
      { BENCH_1D(1000), BENCH_1D(100000), BENCH_1D(10000000) }, { BENCH_1D(10), BENCH_1D(5000) } },
    { "digitize", "float64", "bins=101", setup_edges, run_digitize, NULL,
      { BENCH_1D(100000), BENCH_1D(10000000) }, { BENCH_1D(10), BENCH_1D(3000) } },
};

int main(int argc, char **argv) {
    return bench_main(argc, argv, "bench_histogram", defs, (int)(sizeof defs / sizeof defs[0]));
}
