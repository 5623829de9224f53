/* Allocation failure at every point: for each n, the n-th allocation fails; the
 * scenario must then report a memory error, return cleanly and leak nothing (the
 * counting allocator checks that every byte is given back). */
#include "check.h"

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

/* One scenario: returns 0 when everything succeeded, -1 when something failed
 * (after freeing what it made). */
typedef int (*scenario_fn)(void);

#define TRY(x) do { if (!(x)) goto fail; } while (0)

static int creation(void) {
    nd_array *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL;
    int r = -1;
    TRY(a = nd_arange(0, 24, 1));
    TRY(b = nd_reshape(a, ND_SHAPE(2, 3, 4)));
    TRY(c = nd_T(b));
    TRY(d = nd_copy(c, 'C'));
    TRY(e = nd_astype(c, ND_FLOAT32));
    nd_free(f);
    TRY(f = nd_linspace(0, 1, 7, .dtype = ND_INT32));
    nd_free(f);
    TRY(f = nd_eye(4, .k = 1));
    nd_free(f);
    TRY(f = nd_tril(b, 0));
    nd_free(f);
    TRY(f = nd_get(b, "1, ::-1, None"));
    nd_free(f);
    TRY(f = nd_reshape(c, ND_SHAPE(4, 6))); /* a copy */
    nd_free(f);
    TRY(f = nd_from_strings((const char *[]){ "ab", "c" }, ND_SHAPE(2), 'U', 0));
    nd_free(f);
    TRY(f = nd_ravel(c, 'K'));
    nd_free(f);
    f = NULL;
    TRY(nd_set(e, "::-1", c) == 0);
    r = 0;
fail:
    nd_free(a); nd_free(b); nd_free(c); nd_free(d); nd_free(e); nd_free(f);
    return r;
}

static void run(const char *name, scenario_fn fn) {
    /* first a clean run to count the allocations */
    fail_at = -1;
    calls = 0;
    live_blocks = 0;
    CHECK_MSG(fn() == 0, "%s runs clean: %s", name, nd_error_message());
    long total = calls;
    CHECK_MSG(live_blocks == 0, "%s leaks %ld blocks on success", name, live_blocks);
    for (long n = 1; n <= total; n++) {
        fail_at = n;
        calls = 0;
        live_blocks = 0;
        nd_error_clear();
        int r = fn();
        CHECK_MSG(r != 0, "%s: failing allocation %ld went unnoticed", name, n);
        CHECK_MSG(nd_error() == ND_ERR_MEMORY, "%s: allocation %ld: error %s [%s]", name, n,
                  nd_error_name(nd_error()), nd_error_message());
        CHECK_MSG(live_blocks == 0, "%s: allocation %ld failed: %ld blocks leaked", name, n, live_blocks);
    }
    fprintf(stderr, "%s: %ld allocation points checked\n", name, total);
}

int main(void) {
    nd_set_allocator(&(nd_allocator){ t_malloc, t_realloc, t_free, NULL });
    run("creation", creation);
    nd_set_allocator(NULL);
    return check_done();
}
