/* Allocation failure at every point of median, quantile and percentile: for each n, the
 * n-th allocation fails; the call must report a memory error, return cleanly and leak
 * nothing (the counting allocator checks every block comes back).  The pattern of
 * tests/test_manip_alloc.c; temporaries belong to a scope around each run. */
#include "check.h"

#include <math.h>

static long live_blocks = 0, calls = 0, fail_at = -1;

static void *t_malloc(size_t n, void *ctx) {
    (void)ctx;
    if (++calls == fail_at) return NULL;
    void *p = malloc(n);
    if (p) live_blocks++;
    return p;
}
static void *t_realloc(void *p, size_t o, size_t n, void *ctx) {
    (void)ctx; (void)o;
    if (++calls == fail_at) return NULL;
    if (!p) live_blocks++;
    return realloc(p, n);
}
static void t_free(void *p, size_t n, void *ctx) {
    (void)ctx; (void)n;
    if (p) { live_blocks--; free(p); }
}

typedef int (*scenario_fn)(void);

#define TRY(x) do { if (!(x)) goto fail; } while (0)

static int quantiles(void) {
    nd_array *a, *t, *f, *q, *w, *out;
    TRY(t = nd_arange(0, 24, 1, .dtype = ND_FLOAT64));
    TRY(f = nd_remainder(t, 7));
    TRY(a = nd_reshape(f, ND_SHAPE(4, 6)));
    TRY(nd_set_value(a, "2, 3", NAN) == 0);
    TRY(q = nd_linspace(0, 1, 5));
    TRY(nd_median(a));
    TRY(nd_median(a, .axis = ND_AXIS(1), .keepdims = true));
    TRY(nd_nanmedian(a, .axis = ND_AXIS(0)));
    TRY(nd_quantile(a, q, .axis = ND_AXIS(1)));
    TRY(nd_percentile(a, 30.0, .method = ND_METHOD_HAZEN));
    TRY(nd_nanquantile(a, q, .axis = ND_AXIS(0, 1), .method = ND_METHOD_NEAREST));
    TRY(w = nd_ones_like(a));
    TRY(nd_quantile(a, 0.5, .axis = ND_AXIS(1), .method = ND_METHOD_INVERTED_CDF, .weights = w));
    TRY(out = nd_empty(ND_SHAPE(4)));
    TRY(nd_median(a, .axis = ND_AXIS(1), .out = out));
    return 0;
fail:
    return -1;
}

/* Scenarios run inside a scope so nd_keep'd temporaries are released with it. */
static scenario_fn current;
static int scoped(void) {
    if (nd_scope_begin() < 0) return -1;
    int r = current();
    nd_scope_end();
    return r;
}

static void run(const char *name, scenario_fn fn) {
    current = fn;
    fail_at = -1;
    calls = 0;
    live_blocks = 0;
    CHECK_MSG(scoped() == 0, "%s runs clean: %s", name, nd_error_message());
    long total = calls;
    CHECK_MSG(live_blocks == 0, "%s leaks %ld blocks on success", name, live_blocks);
    for (long n = 1; n <= total; n++) {
        fail_at = n;
        calls = 0;
        live_blocks = 0;
        nd_error_clear();
        int r = scoped();
        CHECK_MSG(r != 0, "%s: failing allocation %ld went unnoticed", name, n);
        CHECK_MSG(nd_error() == ND_ERR_MEMORY, "%s: allocation %ld: error %s [%s]", name, n,
                  nd_error_name(nd_error()), nd_error_message());
        CHECK_MSG(live_blocks == 0, "%s: allocation %ld failed: %ld blocks leaked", name, n, live_blocks);
    }
    fprintf(stderr, "%s: %ld allocation points checked\n", name, total);
}

int main(void) {
    nd_set_allocator(&(nd_allocator){ t_malloc, t_realloc, t_free, NULL });
    run("quantiles", quantiles);
    nd_set_allocator(NULL);
    return check_done();
}
