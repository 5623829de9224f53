/* Allocation failure at every point of the shape-manipulation routines: for each n,
 * the n-th allocation fails; the call must report a memory error, return cleanly and
 * leak nothing (the counting allocator checks every block comes back).  The pattern
 * of tests/test_alloc_fail.c; temporaries belong to a scope around each run. */
#include "check.h"

#include "alloc_fail.h"
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

int main(void) {
    nd_set_allocator(&alloc_fail_allocator);
    alloc_fail_scoped = true;
    run("joining", joining);
    run("padding", padding);
    run("rearranging", rearranging);
    nd_set_allocator(NULL);
    return check_done();
}
