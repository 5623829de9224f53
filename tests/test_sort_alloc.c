/* Sorting under allocation failure: for each n the n-th allocation fails; every
 * function must report MemoryError, return cleanly and leak nothing.  The scenarios
 * reach every scratch buffer: strided lanes, strings, radix buffers (>= 1024 elements),
 * the stable merge buffers, lexsort's per-key buffers and searchsorted's sorted visit. */
#include "check.h"

#include "alloc_fail.h"

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
    nd_set_allocator(&alloc_fail_allocator);
    run("sorting", scenario);
    nd_set_allocator(NULL);
    return check_done();
}
