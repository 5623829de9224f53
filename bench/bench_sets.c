/* bench_sets: order statistics and set routines (issue 6 part B): median, percentile,
 * unique with counts, isin.  bench/rows_sets.py has the NumPy statements. */
#include "bench.h"

static int setup_1d(bench_case *c) {
    const nd_dtype_t *dt = strcmp(c->def->dtype, "int32") ? ND_FLOAT64 : ND_INT32;
    return (c->a = bench_array(dt, 1, &c->size)) ? 0 : -1;
}

/* isin: the size's elements tested against the first size/100 of the same formula
 * (so about 1% are found) */
static int setup_isin(bench_case *c) {
    if (setup_1d(c) < 0) return -1;
    int64_t m = c->size / 100;
    nd_array *t = bench_array(nd_dtype(c->a), 1, &m);
    c->b = t;
    return t ? 0 : -1;
}

static int run_median(bench_case *c) { return (c->res = nd_median(c->a)) ? 0 : -1; }
static int run_percentile(bench_case *c) { return (c->res = nd_percentile(c->a, 90.0)) ? 0 : -1; }
static int run_nanmedian(bench_case *c) { return (c->res = nd_nanmedian(c->a)) ? 0 : -1; }
static int run_median_ax1(bench_case *c) { return (c->res = nd_median(c->a, .axis = ND_AXIS(1))) ? 0 : -1; }
static int setup_2d(bench_case *c) { return (c->a = bench_array(ND_FLOAT64, 2, c->shape.d)) ? 0 : -1; }

static int run_unique_counts(bench_case *c) {
    nd_array *counts = NULL;
    c->res = nd_unique(c->a, .counts = &counts);
    nd_free(counts);
    return c->res ? 0 : -1;
}
static int run_unique(bench_case *c) { return (c->res = nd_unique(c->a)) ? 0 : -1; }

/* the bool result viewed as int32 (O(1)) so smoke mode can dump and compare it */
static int run_isin(bench_case *c) {
    nd_array *r = nd_isin(c->a, c->b);
    c->res = r ? nd_view(r, ND_INT32) : NULL;
    nd_free(r);
    return c->res ? 0 : -1;
}

#define SIZES { BENCH_1D(1000), BENCH_1D(100000), BENCH_1D(10000000) }
static const bench_def defs[] = {
    { "median", "float64", "C", setup_1d, run_median, NULL,
      { BENCH_1D(10), BENCH_1D(1000), BENCH_1D(100000), BENCH_1D(10000000) }, { BENCH_1D(7), BENCH_1D(100) } },
    { "median", "int32", "C", setup_1d, run_median, NULL, SIZES, { BENCH_1D(8), BENCH_1D(101) } },
    { "median", "float64", "axis1", setup_2d, run_median_ax1, NULL,
      { BENCH_2D(1000, 1000), BENCH_2D(100, 100000) }, { BENCH_2D(3, 5), BENCH_2D(4, 6) } },
    { "nanmedian", "float64", "C", setup_1d, run_nanmedian, NULL, SIZES, { BENCH_1D(9) } },
    { "percentile", "float64", "C", setup_1d, run_percentile, NULL,
      { BENCH_1D(10), BENCH_1D(1000), BENCH_1D(100000), BENCH_1D(10000000) }, { BENCH_1D(7), BENCH_1D(100) } },
    { "unique", "float64", "counts", setup_1d, run_unique_counts, NULL,
      { BENCH_1D(1000), BENCH_1D(100000), BENCH_1D(1000000) }, { BENCH_1D(10), BENCH_1D(100) } },
    { "unique", "int32", "counts", setup_1d, run_unique_counts, NULL,
      { BENCH_1D(1000), BENCH_1D(100000), BENCH_1D(1000000) }, { BENCH_1D(10), BENCH_1D(100) } },
    { "unique", "float64", "values", setup_1d, run_unique, NULL,
      { BENCH_1D(1000), BENCH_1D(1000000) }, { BENCH_1D(10) } },
    { "isin", "float64", "n in n/100", setup_isin, run_isin, NULL,
      { BENCH_1D(100000), BENCH_1D(1000000) }, { BENCH_1D(400), BENCH_1D(800) } },
    { "isin", "int32", "n in n/100", setup_isin, run_isin, NULL,
      { BENCH_1D(100000), BENCH_1D(1000000) }, { BENCH_1D(400), BENCH_1D(800) } },
};

int main(int argc, char **argv) {
    return bench_main(argc, argv, "bench_sets", defs, (int)(sizeof defs / sizeof defs[0]));
}
