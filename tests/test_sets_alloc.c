/* Allocation failure at every point of unique and the set routines: for each n, the
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

static int uniques(void) {
    nd_array *a, *t, *ix, *inv, *cnt, *f;
    TRY(t = nd_arange(0, 24, 1, .dtype = ND_FLOAT64));
    TRY(f = nd_remainder(t, 5));
    TRY(a = nd_reshape(f, ND_SHAPE(4, 6)));
    TRY(nd_set_value(a, "1, 1", NAN) == 0);
    TRY(nd_unique(a));
    TRY(nd_unique(a, .index = &ix, .inverse = &inv, .counts = &cnt));
    TRY(nd_unique(a, .axis = ND_AXIS(1), .index = &ix, .inverse = &inv, .counts = &cnt));
    nd_unique_result r;
    TRY(nd_unique_all(a, &r) == 0);
    return 0;
fail:
    return -1;
}

static int setops(void) {
    nd_array *a, *b, *t, *i1, *i2;
    TRY(t = nd_arange(0, 40, 1, .dtype = ND_INT32));
    TRY(a = nd_remainder(t, 7));
    TRY(b = nd_arange(3, 12, 2, .dtype = ND_FLOAT64));
    TRY(nd_isin(a, b));
    TRY(nd_isin(a, t, .invert = true));
    TRY(nd_isin(b, a, .kind = ND_ISIN_SORT));
    TRY(nd_intersect1d(a, b, .indices1 = &i1, .indices2 = &i2));
    TRY(nd_union1d(a, b));
    TRY(nd_setdiff1d(a, b));
    TRY(nd_setxor1d(a, b));
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
    run("uniques", uniques);
    run("setops", setops);
    nd_set_allocator(NULL);
    return check_done();
}
