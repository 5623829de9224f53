/* Sorting under allocation failure: for each n the n-th allocation fails; every
 * function must report MemoryError, return cleanly and leak nothing.  The scenarios
 * reach every scratch buffer: strided lanes, strings, radix buffers (>= 1024 elements),
 * the stable merge buffers, lexsort's per-key buffers and searchsorted's sorted visit. */
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

#define TRY(x) do { if (!(x)) goto fail; } while (0)

static int scenario(void) {
    nd_array *a = NULL, *t = NULL, *s = NULL, *r = NULL, *u = NULL, *big = NULL, *keys = NULL, *m = NULL;
    int rc = -1;
    TRY(a = nd_arange(0, 60, 1));
    TRY(t = nd_reshape(a, ND_SHAPE(6, 10)));
    TRY(s = nd_T(t)); /* strided lanes */
    TRY(r = nd_sort(s)); nd_free(r); r = NULL;
    TRY(r = nd_sort(s, .kind = ND_STABLE, .axis = ND_AXIS_ALL)); nd_free(r); r = NULL;
    TRY(r = nd_argsort(s, .kind = ND_STABLE, .axis = ND_AXIS(0))); nd_free(r); r = NULL;
    TRY(r = nd_partition(s, ND_INTS(1, 3))); nd_free(r); r = NULL;
    TRY(r = nd_argpartition(s, ND_INTS(-1))); nd_free(r); r = NULL;
    TRY(r = nd_lexsort(ND_ARRAYS(s, s), 2)); nd_free(r); r = NULL;
    TRY(r = nd_sort_complex(s)); nd_free(r); r = NULL;
    TRY(u = nd_from_strings((const char *[]){ "b", "ab", "a", "" }, ND_SHAPE(4), 'U', 0));
    TRY(r = nd_sort(u)); nd_free(r); r = NULL;
    TRY(big = nd_arange(6000, 0, -2)); /* reversed, then shuffled by a multiplier */
    TRY(m = nd_multiply(big, 7919));
    TRY(keys = nd_remainder(m, 4999));
    TRY(r = nd_sort(keys)); nd_free(r); r = NULL;
    TRY(r = nd_argsort(keys)); nd_free(r); r = NULL;
    TRY(r = nd_argsort(keys, .kind = ND_STABLE)); nd_free(r); r = NULL;
    TRY(r = nd_sort(keys, .kind = ND_STABLE)); nd_free(r); r = NULL;
    nd_free(s); s = NULL;
    TRY(s = nd_sort(keys));
    TRY(r = nd_searchsorted(s, keys, .side = ND_SIDE_RIGHT)); nd_free(r); r = NULL;
    rc = 0;
fail:
    nd_free(a); nd_free(t); nd_free(s); nd_free(r); nd_free(u); nd_free(big); nd_free(keys); nd_free(m);
    return rc;
}

int main(void) {
    nd_set_allocator(&(nd_allocator){ t_malloc, t_realloc, t_free, NULL });
    fail_at = -1;
    calls = 0;
    live_blocks = 0;
    CHECK_MSG(scenario() == 0, "runs clean: %s", nd_error_message());
    long total = calls;
    CHECK_MSG(live_blocks == 0, "leaks %ld blocks on success", live_blocks);
    for (long n = 1; n <= total; n++) {
        fail_at = n;
        calls = 0;
        live_blocks = 0;
        nd_error_clear();
        int r = scenario();
        CHECK_MSG(r != 0, "failing allocation %ld went unnoticed", n);
        CHECK_MSG(nd_error() == ND_ERR_MEMORY, "allocation %ld: error %s [%s]", n, nd_error_name(nd_error()),
                  nd_error_message());
        CHECK_MSG(live_blocks == 0, "allocation %ld failed: %ld blocks leaked", n, live_blocks);
    }
    fprintf(stderr, "%ld allocation points checked\n", total);
    nd_set_allocator(NULL);
    return check_done();
}
