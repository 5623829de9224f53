/* Allocation failure at every point of unique and the set routines: for each n, the
 * n-th allocation fails; the call must report a memory error, return cleanly and leak
 * nothing (the counting allocator checks every block comes back).  The pattern of
 * tests/test_manip_alloc.c; temporaries belong to a scope around each run. */
#include "check.h"

#include <math.h>

#include "alloc_fail.h"

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

int main(void) {
    nd_set_allocator(&alloc_fail_allocator);
    alloc_fail_scoped = true;
    run("uniques", uniques);
    run("setops", setops);
    nd_set_allocator(NULL);
    return check_done();
}
