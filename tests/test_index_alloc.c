/* Allocation failure at every point of the index parser and the indexing engine: for
 * each n, the n-th allocation fails; the call must report a memory error, return
 * cleanly and leak nothing (the counting allocator checks every block comes back).
 * The pattern of tests/test_alloc_fail.c. */
#include "check.h"

#include "alloc_fail.h"
#define STEP(x) do { nd_array *t_ = (x); TRY(t_); nd_free(t_); } while (0)

/* The string parser: slices, placeholders, list literals, masks, newaxis, ellipsis. */
static int parser(void) {
    nd_array *a = NULL, *ix = NULL, *m = NULL, *v = NULL, *tmp = NULL;
    int r = -1;
    TRY(tmp = nd_arange(0, 60, 1, .dtype = ND_FLOAT64));
    TRY(a = nd_reshape(tmp, ND_SHAPE(3, 4, 5)));
    TRY(ix = ND_ARRAY(long, ND_SHAPE(2), 2, -1));
    TRY(m = nd_get(a, "..., 0"));
    STEP(nd_get(a, "1:3, ::-1, None, %d", 2));
    STEP(nd_get(a, "%a, 1:3", ix));
    STEP(nd_get(a, "[0, 2], ..., [[1], [3]]"));
    STEP(nd_get(a, "[True, False, True], :, %lld", (long long)-1));
    STEP(nd_get(a, ":, %a, None, %a", ix, ix));
    STEP(nd_get(a, "True"));
    nd_array *mask = NULL;
    TRY(mask = nd_get(m, "::1"));
    nd_free(mask);
    TRY(v = nd_full(ND_SHAPE0, 7.5));
    TRY(nd_set(a, "%a, ::2", v, ix) == 0);
    TRY(nd_set_value(a, "1, [0, 3], 1:", -1.0) == 0);
    TRY(nd_set_value(a, "..., %d", 0, 4) == 0);
    r = 0;
fail:
    nd_free(a); nd_free(ix); nd_free(m); nd_free(v); nd_free(tmp);
    return r;
}

/* The engine and the routines built on it.  Temporaries (t) belong to the scope
 * the scenario runs in; each is checked before use so that a failed allocation is
 * reported as such rather than as a NULL argument. */
static int engine(void) {
    nd_array *a, *ix, *big, *t, *t2, *out[2], *ch[20];
    TRY(t = nd_arange(0, 24, 1, .dtype = ND_FLOAT64));
    TRY(a = nd_reshape(t, ND_SHAPE(4, 6)));
    TRY(ix = ND_ARRAY(long, ND_SHAPE(2, 2), 0, -1, 3, 2));
    TRY(nd_take(a, ix));                                /* flat, direct loop */
    TRY(nd_take(a, ix, .axis = ND_AXIS(1)));            /* along an axis */
    TRY(t = nd_T(a));
    TRY(nd_take(t, ix, .axis = ND_AXIS(0), .mode = ND_CLIPMODE_WRAP)); /* general gather */
    TRY(t = ND_ARRAY(long, ND_SHAPE(4, 1), 0, 5, -1, 2));
    TRY(nd_take_along_axis(a, t, ND_AXIS(1)));
    TRY(t = ND_ARRAY(bool, ND_SHAPE(3), true, false, true));
    TRY(nd_compress(t, a, .axis = ND_AXIS(0)));
    TRY(big = nd_empty(ND_SHAPE(4, 6), .dtype = ND_BOOL));
    for (int i = 0; i < 24; i++) ((bool *)nd_data(big))[i] = i % 3 == 0;
    TRY(nd_get(a, "%a", big));                          /* mask fast path */
    TRY(nd_set_value(a, "%a", 1.0, big) == 0);
    TRY(t = nd_full(ND_SHAPE0, 0.5));
    TRY(nd_where(big, a, t));
    TRY(nd_argwhere(big));
    TRY(nd_flatnonzero(big));
    TRY(nd_nonzero(big, out) == 2);
    TRY(t = ND_ARRAY(double, ND_SHAPE(2), 1.5, 2.5));
    TRY(nd_put(a, ix, t, ND_CLIPMODE_RAISE) == 0);
    TRY(nd_putmask(a, big, t) == 0);
    for (int k = 0; k < 20; k++) TRY(ch[k] = nd_full(ND_SHAPE(6), (double)k));
    TRY(t = ND_ARRAY(long, ND_SHAPE(4, 1), 0, 19, 13, 14));
    TRY(nd_choose(t, 20, (const nd_array *const *)ch));
    TRY(nd_sliding_window_view(a, ND_SHAPE(2, 3)));
    TRY(nd_diagonal(a, .offset = 1));
    TRY(nd_meshgrid(2, (const nd_array *const *)ch, out) == 0);
    TRY(nd_mgrid("0:3, -1:1:5j"));
    TRY(t2 = nd_get(a, "::-1, 1::2"));
    TRY(nd_get(t2, "%a, None", ix));                   /* a non-contiguous view */
    return 0;
fail:
    return -1;
}

int main(void) {
    nd_set_allocator(&alloc_fail_allocator);
    alloc_fail_scoped = true;
    run("index parser", parser);
    run("index engine", engine);
    nd_set_allocator(NULL);
    return check_done();
}
