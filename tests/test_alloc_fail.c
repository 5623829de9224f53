/* Allocation failure at every point: for each n, the n-th allocation fails; the
 * scenario must then report a memory error, return cleanly and leak nothing (the
 * counting allocator checks that every byte is given back). */
#include "check.h"

#include "alloc_fail.h"

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

int main(void) {
    nd_set_allocator(&alloc_fail_allocator);
    run("creation", creation);
    nd_set_allocator(NULL);
    return check_done();
}
