/* Allocation failure at every point, for the *_alloc tests: a counting allocator that
 * fails the n-th allocation, and run(name, scenario), which runs the scenario once
 * cleanly to count its allocations and then once per allocation point with that one
 * failing.  Each failing run must return nonzero with a memory error and leak nothing.
 * Set alloc_fail_scoped to run scenarios inside a scope (nd_keep'd temporaries are then
 * released with it).  Include after check.h; install with
 * nd_set_allocator(&alloc_fail_allocator). */
#ifndef ND_TEST_ALLOC_FAIL_H
#define ND_TEST_ALLOC_FAIL_H

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
static nd_allocator alloc_fail_allocator = { t_malloc, t_realloc, t_free, NULL };

/* One scenario: 0 when everything succeeded, -1 when something failed (after freeing
 * what it made). */
typedef int (*scenario_fn)(void);

#define TRY(x) do { if (!(x)) goto fail; } while (0)

static bool alloc_fail_scoped = false;

static int alloc_fail_call(scenario_fn fn) {
    if (!alloc_fail_scoped) return fn();
    if (nd_scope_begin() < 0) return -1;
    int r = fn();
    nd_scope_end();
    return r;
}

static void run(const char *name, scenario_fn fn) {
    fail_at = -1;
    calls = 0;
    live_blocks = 0;
    CHECK_MSG(alloc_fail_call(fn) == 0, "%s runs clean: %s", name, nd_error_message());
    long total = calls;
    CHECK_MSG(live_blocks == 0, "%s leaks %ld blocks on success", name, live_blocks);
    for (long n = 1; n <= total; n++) {
        fail_at = n;
        calls = 0;
        live_blocks = 0;
        nd_error_clear();
        int r = alloc_fail_call(fn);
        CHECK_MSG(r != 0, "%s: failing allocation %ld went unnoticed", name, n);
        CHECK_MSG(nd_error() == ND_ERR_MEMORY, "%s: allocation %ld: error %s [%s]", name, n,
                  nd_error_name(nd_error()), nd_error_message());
        CHECK_MSG(live_blocks == 0, "%s: allocation %ld failed: %ld blocks leaked", name, n, live_blocks);
    }
    fprintf(stderr, "%s: %ld allocation points checked\n", name, total);
}

#endif
