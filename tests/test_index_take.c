/* take and a[idx] against a naive strided reference: the direct take loop (C-contiguous
 * source, contiguous int64 indices) and the general gather must both give
 * result[pre, j, post] = a[pre, norm(idx[j]), post] for every dtype, chunk size, axis,
 * layout (transposed, negative strides), index shape and mode, and fail with NumPy's
 * IndexError naming the offending index.  Also np.choose with more choices than the
 * iterator has operands (NumPy 2 allows 63), and its limit. */
#include "check.h"

#include <complex.h>

/* A deterministic array of any dtype: byte k of the flat buffer is (k * 37 + seed). */
static nd_array *filled(nd_shape_t shape, const nd_dtype_t *dt, int seed) {
    nd_array *a = nd_empty(shape, .dtype = dt);
    if (!a) return NULL;
    unsigned char *p = nd_data(a);
    for (int64_t k = 0; k < nd_nbytes(a); k++) p[k] = (unsigned char)(k * 37 + seed);
    if (nd_dtype_is_float(dt) || nd_dtype_is_complex(dt)) { /* keep floats finite and exact: small integers */
        nd_array *v = nd_empty(shape, .dtype = ND_INT64);
        for (int64_t k = 0; k < nd_size(v); k++) ((int64_t *)nd_data(v))[k] = (k * 7 + seed) % 23 - 11;
        nd_free(a);
        a = nd_astype(v, dt);
        nd_free(v);
    }
    return a;
}

/* Coordinates of flat position f in shape (C order). */
static void unflat(int64_t f, int nd, const int64_t *shape, int64_t *c) {
    for (int d = nd - 1; d >= 0; d--) { c[d] = shape[d] ? f % shape[d] : 0; if (shape[d]) f /= shape[d]; }
}

/* Naive np.take(a, idx, axis) for in-range indices (mode raise, negatives wrap once;
 * wrap/clip applied here too).  Returns the number of mismatching elements, or -1
 * when the shape differs. */
static int64_t compare_take(const nd_array *r, const nd_array *a, const nd_array *idx, int axis, nd_clipmode mode) {
    int nd = nd_ndim(a), ni = nd_ndim(idx), rnd = nd - 1 + ni;
    int64_t want[ND_MAXDIMS], c[ND_MAXDIMS], sc[ND_MAXDIMS], ic[ND_MAXDIMS];
    for (int d = 0; d < axis; d++) want[d] = nd_shape(a)[d];
    for (int d = 0; d < ni; d++) want[axis + d] = nd_shape(idx)[d];
    for (int d = axis + 1; d < nd; d++) want[ni + d - 1] = nd_shape(a)[d];
    if (nd_ndim(r) != rnd || memcmp(nd_shape(r), want, (size_t)rnd * sizeof(int64_t))) return -1;
    int64_t len = nd_shape(a)[axis], bad = 0, isz = nd_itemsize(a);
    for (int64_t f = 0; f < nd_size(r); f++) {
        unflat(f, rnd, want, c);
        for (int d = 0; d < axis; d++) sc[d] = c[d];
        for (int d = 0; d < ni; d++) ic[d] = c[axis + d];
        for (int d = axis + 1; d < nd; d++) sc[d] = c[ni + d - 1];
        int64_t i = nd_item_int(idx, (nd_idx){ ni, ic });
        if (mode == ND_CLIPMODE_WRAP) { i %= len; if (i < 0) i += len; }
        else if (mode == ND_CLIPMODE_CLIP) i = i < 0 ? 0 : i >= len ? len - 1 : i;
        else if (i < 0) i += len;
        sc[axis] = i;
        const void *got = nd_ptr(r, (nd_idx){ rnd, c }), *exp = nd_ptr(a, (nd_idx){ nd, sc });
        if (!got || !exp || memcmp(got, exp, (size_t)isz)) bad++;
    }
    return bad;
}

static const nd_dtype_t *all_dtypes[14];

static void take_matrix(void) {
    const nd_dtype_t *dts[] = { ND_BOOL, ND_INT8, ND_INT16, ND_INT32, ND_INT64, ND_UINT8, ND_UINT16, ND_UINT32,
                                ND_UINT64, ND_FLOAT16, ND_FLOAT32, ND_FLOAT64, ND_COMPLEX64, ND_COMPLEX128 };
    memcpy(all_dtypes, dts, sizeof dts);
    const nd_dtype_t *s3 = nd_dtype_bytes(3);
    nd_array *idx1 = ND_ARRAY(long, ND_SHAPE(7), 0, -1, 3, 2, -4, 1, 3);
    nd_array *idx2 = ND_ARRAY(long, ND_SHAPE(2, 3), 1, 0, -2, 3, 3, -3);
    nd_array *wild = ND_ARRAY(long, ND_SHAPE(5), 9, -9, 4, -5, 100);
    nd_array *idx32 = nd_astype(idx1, ND_INT32);
    nd_array *sbase = ND_ARRAY(long, ND_SHAPE(8), 0, 9, 3, 9, -1, 9, 2, 9), *strided = nd_get(sbase, "::2");
    for (int k = 0; k < 15; k++) {
        const nd_dtype_t *dt = k < 14 ? dts[k] : s3;
        nd_array *a = filled(ND_SHAPE(4, 4, 3), dt, k); /* every axis has length >= 4 */
        nd_array *views[4] = { nd_ref(a), nd_transpose(a, (int[]){ 2, 0, 1 }), nd_get(a, "::-1, :, ::-2"),
                               nd_get(a, "1:, ..., 1") };
        for (int v = 0; v < 4; v++) {
            nd_array *x = views[v];
            for (int ax = 0; ax < nd_ndim(x); ax++) {
                const nd_array *ids[] = { idx1, idx2, idx32, strided };
                for (int q = 0; q < 4; q++) {
                    if (nd_shape(x)[ax] < 4) continue;
                    nd_array *r = nd_take(x, ids[q], .axis = ND_AXIS(ax));
                    nd_array *i64 = nd_astype(ids[q], ND_INT64);
                    CHECK_MSG(r && compare_take(r, x, i64, ax, ND_CLIPMODE_RAISE) == 0, "take dtype %d view %d axis %d idx %d: %s",
                              k, v, ax, q, nd_error_message());
                    nd_free(r);
                    nd_free(i64);
                }
                for (int m = 1; m <= 2; m++) {
                    nd_array *r = nd_take(x, wild, .axis = ND_AXIS(ax), .mode = (nd_clipmode)m);
                    CHECK_MSG(r && compare_take(r, x, wild, ax, (nd_clipmode)m) == 0, "take mode %d dtype %d view %d axis %d", m, k, v, ax);
                    nd_free(r);
                }
            }
            /* axis None: the flattened array */
            nd_array *flat = nd_ravel(x, 'C'), *r = nd_take(x, idx2);
            CHECK_MSG(r && compare_take(r, flat, idx2, 0, ND_CLIPMODE_RAISE) == 0, "take flat dtype %d view %d", k, v);
            nd_free(r);
            nd_free(flat);
            /* a[idx] and a[:, idx] through the indexing engine (same loop when contiguous) */
            if (nd_shape(x)[0] >= 4) {
                r = nd_get(x, "%a", idx2);
                CHECK_MSG(r && compare_take(r, x, idx2, 0, ND_CLIPMODE_RAISE) == 0, "a[idx] dtype %d view %d", k, v);
                nd_free(r);
            }
            r = nd_get(x, ":, %a", idx1);
            CHECK_MSG(r && compare_take(r, x, idx1, 1, ND_CLIPMODE_RAISE) == 0, "a[:, idx] dtype %d view %d", k, v);
            nd_free(r);
            /* out-of-bounds: NumPy's message names the index as given and the axis */
            CHECK_ERR(nd_take(x, wild, .axis = ND_AXIS(1)), ND_ERR_INDEX, "index 9 is out of bounds for axis 1 with size");
            CHECK_ERR(nd_get(x, ":, %a", wild), ND_ERR_INDEX, "index 9 is out of bounds for axis 1 with size 4");
            CHECK_ERR(nd_get(x, "None, 0, %a", wild), ND_ERR_INDEX, "index 9 is out of bounds for axis 1 with size 4");
            nd_free(x);
        }
        nd_free(a);
    }
    nd_dtype_free(s3);
    nd_free(idx1); nd_free(idx2); nd_free(wild); nd_free(idx32); nd_free(strided); nd_free(sbase);
}

static void take_edges(void) {
    nd_array *a = filled(ND_SHAPE(3, 5), ND_FLOAT64, 1), *r;
    nd_array *none = nd_empty(ND_SHAPE(0), .dtype = ND_INT64), *neg = ND_ARRAY(long, ND_SHAPE(1), -6);
    /* empty index list: shape (3, 0) */
    r = nd_take(a, none, .axis = ND_AXIS(1));
    CHECK(r && nd_ndim(r) == 2 && nd_shape(r)[0] == 3 && nd_shape(r)[1] == 0);
    nd_free(r);
    /* a 0-d index removes the axis */
    nd_array *zero_d = nd_full(ND_SHAPE0, -1, .dtype = ND_INT64);
    r = nd_take(a, zero_d, .axis = ND_AXIS(1));
    CHECK(r && nd_ndim(r) == 1 && nd_shape(r)[0] == 3 && nd_item_double(r, ND_IDX(2)) == nd_item_double(a, ND_IDX(2, 4)));
    nd_free(r);
    CHECK_ERR(nd_take(a, neg, .axis = ND_AXIS(1)), ND_ERR_INDEX, "index -6 is out of bounds for axis 1 with size 5");
    /* empty source axis: np.take's own message; an empty result along another axis
     * still checks (NumPy 1.24 and 2.x agree) */
    nd_array *e = nd_zeros(ND_SHAPE(2, 0)), *one = ND_ARRAY(long, ND_SHAPE(1), 0);
    CHECK_ERR(nd_take(e, one, .axis = ND_AXIS(1)), ND_ERR_INDEX, "cannot do a non-empty take from an empty axes.");
    nd_array *e2 = nd_zeros(ND_SHAPE(3, 0)), *five = ND_ARRAY(long, ND_SHAPE(1), 5);
    CHECK_ERR(nd_take(e2, five, .axis = ND_AXIS(0)), ND_ERR_INDEX, "index 5 is out of bounds for axis 0 with size 3");
    nd_array *e3 = nd_zeros(ND_SHAPE(0, 3));
    r = nd_take(e3, five, .axis = ND_AXIS(1)); /* nothing to copy: no check, as NumPy */
    CHECK(r && nd_shape(r)[0] == 0 && nd_shape(r)[1] == 1);
    nd_free(r);
    /* .out */
    nd_array *out = nd_zeros(ND_SHAPE(3, 1)), *two = ND_ARRAY(long, ND_SHAPE(1), 2);
    CHECK(nd_take(a, two, .axis = ND_AXIS(1), .out = out) == out && nd_item_double(out, ND_IDX(1, 0)) == nd_item_double(a, ND_IDX(1, 2)));
    /* a large gather (prefetch distance and tail) against the reference */
    nd_array *big = nd_arange(0, 100000, 1, .dtype = ND_FLOAT64), *ix = nd_empty(ND_SHAPE(1001), .dtype = ND_INT64);
    for (int64_t k = 0; k < 1001; k++) ((int64_t *)nd_data(ix))[k] = (k * 7919) % 200001 - 100000;
    r = nd_take(big, ix);
    CHECK(r && compare_take(r, big, ix, 0, ND_CLIPMODE_RAISE) == 0);
    nd_free(r);
    nd_free(big); nd_free(ix); nd_free(out); nd_free(two);
    nd_free(e); nd_free(one); nd_free(e2); nd_free(five); nd_free(e3); nd_free(zero_d);
    nd_free(a); nd_free(none); nd_free(neg);
}

/* np.choose with 40 choices: choice k holds 100 k + position; NumPy 2 allows 63. */
static void choose_many(void) {
    enum { N = 40, L = 9 };
    nd_array *ch[64];
    for (int k = 0; k < 64; k++) {
        ch[k] = nd_empty(ND_SHAPE(L), .dtype = k % 2 ? ND_INT32 : ND_INT16);
        for (int i = 0; i < L; i++) nd_itemset(ch[k], ND_IDX(i), 100 * k + i);
    }
    nd_array *sel = ND_ARRAY(long, ND_SHAPE(L), 0, 39, 13, 14, 15, 27, 28, 1, 20);
    nd_array *r = nd_choose(sel, N, (const nd_array *const *)ch);
    CHECK(r && nd_dtype(r) == ND_INT32 && nd_shape(r)[0] == L);
    for (int i = 0; r && i < L; i++) CHECK_EQ_INT(nd_item_int(r, ND_IDX(i)), 100 * nd_item_int(sel, ND_IDX(i)) + i);
    nd_free(r);
    /* broadcasting a (3, 1) selector against the (L,) choices, wrap and clip */
    nd_array *sel2 = ND_ARRAY(long, ND_SHAPE(3, 1), -1, 41, 16);
    r = nd_choose(sel2, N, (const nd_array *const *)ch, .mode = ND_CLIPMODE_WRAP);
    CHECK(r && nd_shape(r)[0] == 3 && nd_shape(r)[1] == L);
    CHECK(r && nd_item_int(r, ND_IDX(0, 2)) == 3902 && nd_item_int(r, ND_IDX(1, 3)) == 103 && nd_item_int(r, ND_IDX(2, 8)) == 1608);
    nd_free(r);
    r = nd_choose(sel2, N, (const nd_array *const *)ch, .mode = ND_CLIPMODE_CLIP);
    CHECK(r && nd_item_int(r, ND_IDX(0, 2)) == 2 && nd_item_int(r, ND_IDX(1, 3)) == 3903);
    nd_free(r);
    CHECK_ERR(nd_choose(sel2, N, (const nd_array *const *)ch), ND_ERR_VALUE, "invalid entry in choice array");
    r = nd_choose(sel, 63, (const nd_array *const *)ch);
    CHECK(r != NULL);
    nd_free(r);
    CHECK_ERR(nd_choose(sel, 64, (const nd_array *const *)ch), ND_ERR_VALUE, "Need at least 0 and at most 64 array objects.");
    for (int k = 0; k < 64; k++) nd_free(ch[k]);
    nd_free(sel);
    nd_free(sel2);
}

int main(void) {
    take_matrix();
    take_edges();
    choose_many();
    return check_done();
}
