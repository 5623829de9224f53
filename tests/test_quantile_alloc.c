/* Allocation failure at every point of median, quantile and percentile: for each n, the
 * n-th allocation fails; the call must report a memory error, return cleanly and leak
 * nothing (the counting allocator checks every block comes back).  The pattern of
 * tests/test_manip_alloc.c; temporaries belong to a scope around each run. */
#include "check.h"

#include <math.h>

#include "alloc_fail.h"

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

int main(void) {
    nd_set_allocator(&alloc_fail_allocator);
    alloc_fail_scoped = true;
    run("quantiles", quantiles);
    nd_set_allocator(NULL);
    return check_done();
}
