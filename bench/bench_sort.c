/* bench_sort: sorting, partitioning and searching (issue 6, part A): sort and argsort of
 * random, sorted and reversed float64/float32/int64/int32, stable sorts, partition at
 * the middle and searchsorted.  Shapes are the result's; bench/rows_sort.py has the
 * NumPy statements. */
#include "bench.h"

/* Inputs: float64 from bench_f64, float32 its rounding, int32 bench_i32, int64 the whole
 * 64-bit hash (rows_sort.py builds the same). */
static nd_array *input(const char *dtype, int64_t n) {
    const nd_dtype_t *dt = !strcmp(dtype, "float64") ? ND_FLOAT64 : !strcmp(dtype, "float32") ? ND_FLOAT32
                         : !strcmp(dtype, "int64") ? ND_INT64 : ND_INT32;
    nd_array *a = nd_empty(ND_SHAPE(n), .dtype = dt);
    if (!a) return NULL;
    void *p = nd_data(a);
    for (int64_t i = 0; i < n; i++) {
        if (dt == ND_FLOAT64) ((double *)p)[i] = bench_f64((uint64_t)i);
        else if (dt == ND_FLOAT32) ((float *)p)[i] = (float)bench_f64((uint64_t)i);
        else if (dt == ND_INT64) ((int64_t *)p)[i] = (int64_t)bench_hash((uint64_t)i);
        else ((int32_t *)p)[i] = bench_i32((uint64_t)i);
    }
    return a;
}

/* layout: "random", "sorted" or "reversed" */
static int setup(bench_case *c) {
    nd_array *a = input(c->def->dtype, c->size);
    if (!a) return -1;
    if (strcmp(c->def->layout, "random") && strncmp(c->def->layout, "stable", 6)) {
        nd_array *s = nd_sort(a);
        nd_free(a);
        if (!s) return -1;
        a = s;
        if (!strcmp(c->def->layout, "reversed")) {
            nd_array *r = nd_flip(s), *rc = nd_copy(r, 'C');
            nd_free(r);
            nd_free(s);
            a = rc;
        }
    }
    c->a = a;
    return a ? 0 : -1;
}

static int run_sort(bench_case *c) { return (c->res = nd_sort(c->a)) ? 0 : -1; }
static int run_sort_stable(bench_case *c) { return (c->res = nd_sort(c->a, .kind = ND_STABLE)) ? 0 : -1; }
static int run_argsort(bench_case *c) { return (c->res = nd_argsort(c->a)) ? 0 : -1; }
static int run_argsort_stable(bench_case *c) { return (c->res = nd_argsort(c->a, .kind = ND_STABLE)) ? 0 : -1; }
/* Partitions: the rest of the result is in unspecified order (NumPy's and nd's differ),
 * so the rows return the element at kth, as np.partition(a, k)[k] (an O(1) step). */
static int run_partition(bench_case *c) {
    int64_t k = c->size / 2;
    nd_array *p = nd_partition(c->a, ND_INTS(k));
    c->res = p ? nd_index_get(p, 1, (nd_index[]){ ND_I(k) }) : NULL;
    nd_free(p);
    return c->res ? 0 : -1;
}
static int run_argpartition(bench_case *c) { /* a[np.argpartition(a, k)[k]] */
    int64_t k = c->size / 2;
    nd_array *p = nd_argpartition(c->a, ND_INTS(k));
    c->res = p ? nd_index_get(c->a, 1, (nd_index[]){ ND_I(((const int64_t *)nd_data(p))[k]) }) : NULL;
    nd_free(p);
    return c->res ? 0 : -1;
}

/* searchsorted: a = sort(input(n)), v = input(n) shifted by one hash position (random
 * queries), or v sorted ("sorted keys"). */
static int setup_search(bench_case *c) {
    nd_array *a = input(c->def->dtype, c->size + 1);
    if (!a) return -1;
    nd_array *v = nd_get(a, "1:"), *h = nd_get(a, ":-1");
    nd_array *s = h ? nd_sort(h) : NULL;
    nd_free(h);
    nd_free(a);
    c->a = s;
    c->b = v ? nd_copy(v, 'C') : NULL;
    nd_free(v);
    if (c->b && !strcmp(c->def->layout, "sorted keys")) {
        nd_array *t = nd_sort(c->b);
        nd_free(c->b);
        c->b = t;
    }
    return c->a && c->b ? 0 : -1;
}
static int run_search(bench_case *c) { return (c->res = nd_searchsorted(c->a, c->b)) ? 0 : -1; }

#define SIZES { BENCH_1D(10), BENCH_1D(1000), BENCH_1D(100000), BENCH_1D(10000000) }
#define SMOKE { BENCH_1D(1), BENCH_1D(17), BENCH_1D(300) }
#define ROW(op, dt, layout, fn) { op, dt, layout, setup, fn, NULL, SIZES, SMOKE }
/* the stable rows also at 10^6, where the radix sort changes strategy (cache-sized ranges) */
#define ROW_STABLE(op, dt, fn) { op, dt, "stable", setup, fn, NULL, \
    { BENCH_1D(10), BENCH_1D(1000), BENCH_1D(100000), BENCH_1D(1000000), BENCH_1D(10000000) }, SMOKE }

static const bench_def defs[] = {
    ROW("sort", "float64", "random", run_sort),
    ROW("sort", "float32", "random", run_sort),
    ROW("sort", "int64", "random", run_sort),
    ROW("sort", "int32", "random", run_sort),
    ROW("sort", "float64", "sorted", run_sort),
    ROW("sort", "float64", "reversed", run_sort),
    ROW("sort", "int64", "sorted", run_sort),
    ROW("sort", "int64", "reversed", run_sort),
    ROW_STABLE("sort", "float64", run_sort_stable),
    ROW_STABLE("sort", "int64", run_sort_stable),
    ROW("argsort", "float64", "random", run_argsort),
    ROW("argsort", "float32", "random", run_argsort),
    ROW("argsort", "int64", "random", run_argsort),
    ROW("argsort", "int32", "random", run_argsort),
    ROW("argsort", "float64", "sorted", run_argsort),
    ROW("argsort", "float64", "reversed", run_argsort),
    ROW_STABLE("argsort", "float64", run_argsort_stable),
    ROW_STABLE("argsort", "int64", run_argsort_stable),
    ROW("partition", "float64", "random, [k]", run_partition),
    ROW("partition", "int64", "random, [k]", run_partition),
    ROW("argpartition", "float64", "random, a[i[k]]", run_argpartition),
    { "searchsorted", "float64", "random keys", setup_search, run_search, NULL,
      { BENCH_1D(10), BENCH_1D(1000), BENCH_1D(1000000) }, SMOKE },
    { "searchsorted", "float64", "sorted keys", setup_search, run_search, NULL,
      { BENCH_1D(10), BENCH_1D(1000), BENCH_1D(1000000) }, SMOKE },
    { "searchsorted", "int64", "random keys", setup_search, run_search, NULL,
      { BENCH_1D(1000000) }, SMOKE },
};

int main(int argc, char **argv) {
    return bench_main(argc, argv, "bench_sort", defs, (int)(sizeof defs / sizeof defs[0]));
}
