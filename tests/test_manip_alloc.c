/* Allocation failure at every point of the shape-manipulation routines: for each n,
 * the n-th allocation fails; the call must report a memory error, return cleanly and
 * leak nothing (the counting allocator checks every block comes back).  The pattern
 * of tests/test_alloc_fail.c; temporaries belong to a scope around each run. */
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

typedef int (*scenario_fn)(void);

#define TRY(x) do { if (!(x)) goto fail; } while (0)
#define STEP(x) do { nd_array *t_ = (x); TRY(t_); nd_free(t_); } while (0)

static int joining(void) {
    nd_array *a, *f, *t, *parts[3];
    TRY(t = nd_arange(0, 12, 1, .dtype = ND_FLOAT64));
    TRY(a = nd_reshape(t, ND_SHAPE(3, 4)));
    TRY(f = nd_asfortranarray(a));
    TRY(nd_concatenate(ND_ARRAYS(a, f), 2));
    TRY(nd_concatenate(ND_ARRAYS(f, f), 2, .axis = ND_AXIS(1)));
    TRY(nd_concatenate(ND_ARRAYS(a, f), 2, .axis_none = true, .dtype = ND_FLOAT32));
    TRY(nd_stack(ND_ARRAYS(f, f, a), 3, .axis = ND_AXIS(2)));
    TRY(nd_vstack(ND_ARRAYS(a, f), 2));
    TRY(nd_hstack(ND_ARRAYS(a, f), 2));
    TRY(nd_dstack(ND_ARRAYS(a, f), 2));
    TRY(nd_column_stack(ND_ARRAYS(a, f), 2));
    TRY(nd_append(a, f, .axis = ND_AXIS(0)));
    TRY(nd_block(ND_BLOCK(ND_BLOCK(ND_LEAF(a), ND_LEAF(f)), ND_BLOCK(ND_LEAF(f), ND_LEAF(a)))));
    TRY(nd_array_split(a, 3, parts, .axis = ND_AXIS(1)) == 3);
    TRY(nd_split(a, 0, parts, .indices = ND_INTS(1, 2)) == 3);
    TRY(nd_moveaxis(a, ND_AXIS(0), ND_AXIS(-1)));
    return 0;
fail:
    return -1;
}

static int padding(void) {
    nd_array *a, *z, *t;
    TRY(t = nd_arange(0, 12, 1, .dtype = ND_FLOAT64));
    TRY(a = nd_reshape(t, ND_SHAPE(3, 4)));
    TRY(z = nd_astype(a, ND_COMPLEX128));
    for (int m = ND_PAD_CONSTANT; m <= ND_PAD_EMPTY; m++) {
        TRY(nd_pad(a, ND_INTS(1, 2), .mode = (nd_pad_mode)m));
        TRY(nd_pad(z, ND_INTS(2, 1, 0, 3), .mode = (nd_pad_mode)m));
    }
    TRY(nd_pad(a, ND_INTS(2), .mode = ND_PAD_MEAN, .stat_length = ND_INTS(2)));
    return 0;
fail:
    return -1;
}

static int rearranging(void) {
    nd_array *a, *t;
    TRY(t = nd_arange(0, 12, 1, .dtype = ND_INT32));
    TRY(a = nd_reshape(t, ND_SHAPE(3, 4)));
    TRY(nd_tile(a, ND_INTS(2, 1, 2)));
    TRY(nd_repeat(a, 2, .axis = ND_AXIS(1)));
    TRY(nd_repeat(a, 0, .counts = ND_INTS(1, 0, 2), .axis = ND_AXIS(0)));
    TRY(nd_roll(a, ND_INTS(1, -2), .axis = ND_AXIS(0, 1)));
    TRY(nd_roll(a, ND_INTS(5)));
    TRY(nd_flip(a));
    TRY(nd_rot90(a, 3));
    TRY(nd_resize(a, ND_SHAPE(5, 5)));
    TRY(t = nd_full(ND_SHAPE0, 9));
    TRY(nd_insert(a, 1, t, .axis = ND_AXIS(1), .indices = ND_INTS(0, 2, 2)));
    TRY(nd_insert(a, 1, t, .axis = ND_AXIS(0)));
    TRY(nd_delete(a, 0, .indices = ND_INTS(0, 2), .axis = ND_AXIS(1)));
    TRY(nd_trim_zeros(a));
    TRY(nd_trim_zeros(a, .axis = ND_AXIS(1), .trim = "b"));
    TRY(nd_packbits(a, .axis = ND_AXIS(1)));
    TRY(t = nd_astype(a, ND_UINT8));
    TRY(nd_unpackbits(t, .axis = ND_AXIS(0), .little = true));
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
    run("joining", joining);
    run("padding", padding);
    run("rearranging", rearranging);
    nd_set_allocator(NULL);
    return check_done();
}
