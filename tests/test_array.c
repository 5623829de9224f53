/* The array object, creation, views, reshaping and basic indexing against
 * NumPy-made golden values (tests/golden/core/make_core.py). */
#include "check.h"

static nd_array *A(void) { /* np.arange(24).reshape(2, 3, 4) */
    nd_array *r = nd_arange(0, 24, 1);
    nd_array *a = nd_reshape(r, ND_SHAPE(2, 3, 4));
    nd_free(r);
    return a;
}
static nd_array *M(void) { /* np.arange(12).reshape(3, 4) */
    nd_array *r = nd_arange(0, 12, 1);
    nd_array *a = nd_reshape(r, ND_SHAPE(3, 4));
    nd_free(r);
    return a;
}

/* Apply f to a fresh A() and free it. */
#define ON_A(expr) ({ nd_array *a_ = A(); nd_array *r_ = (expr); nd_free(a_); r_; })
#define ON_M(expr) ({ nd_array *m_ = M(); nd_array *r_ = (expr); nd_free(m_); r_; })

static nd_array *build(const char *name) {
    double step;
#define IS(s) (strcmp(name, s) == 0)
    if (IS("zeros_2x3")) return nd_zeros(ND_SHAPE(2, 3));
    if (IS("ones_i8")) return nd_ones(ND_SHAPE(4), .dtype = ND_INT8);
    if (IS("full_int")) return nd_full(ND_SHAPE(2, 2), 7);
    if (IS("full_float")) return nd_full(ND_SHAPE(3), 2.5);
    if (IS("full_bool")) return nd_full(ND_SHAPE(2), (bool)true); /* C11: `true` alone is an int */
    if (IS("full_f32")) return nd_full(ND_SHAPE(3), 1.1, .dtype = ND_FLOAT32);
    if (IS("arange_int")) return nd_arange(-3, 7, 2);
    if (IS("arange_neg")) return nd_arange(10, 0, -3);
    if (IS("arange_empty")) return nd_arange(5, 1, 1);
    if (IS("arange_float")) return nd_arange(0.1, 1, 0.1);
    if (IS("arange_mixed")) return nd_arange(-3, 7, 2.5);
    if (IS("arange_f32")) return nd_arange(0, 5, 1, .dtype = ND_FLOAT32);
    if (IS("arange_u8")) return nd_arange(250, 256, 1, .dtype = ND_UINT8);
    if (IS("linspace_5")) {
        nd_array *r = nd_linspace(0, 1, 5, .retstep = &step);
        CHECK_NEAR(step, 0.25, 0);
        return r;
    }
    if (IS("linspace_noend")) return nd_linspace(0, 1, 5, .no_endpoint = true);
    if (IS("linspace_1")) {
        nd_array *r = nd_linspace(2, 3, 1, .retstep = &step);
        CHECK(isnan(step));
        return r;
    }
    if (IS("linspace_0")) return nd_linspace(2, 3, 0);
    if (IS("linspace_odd")) return nd_linspace(-1.3, 7.9, 11);
    if (IS("linspace_int")) return nd_linspace(-5, 10, 7, .dtype = ND_INT64);
    if (IS("logspace_4")) return nd_logspace(0, 3, 4);
    if (IS("logspace_base2")) return nd_logspace(0, 10, 6, .base = 2.0);
    if (IS("geomspace_4")) return nd_geomspace(1, 1000, 4);
    if (IS("geomspace_neg")) return nd_geomspace(-1, -1000, 4);
    if (IS("geomspace_odd")) return nd_geomspace(3, 7.5, 9);
    if (IS("eye_3")) return nd_eye(3);
    if (IS("eye_3x4_k1_int")) return nd_eye(3, .M = 4, .k = 1, .dtype = ND_INT64);
    if (IS("eye_2x3_km5")) return nd_eye(2, .M = 3, .k = -5);
    if (IS("eye_4x2_km1")) return nd_eye(4, .M = 2, .k = -1);
    if (IS("identity_i32")) return nd_identity(3, ND_INT32);
    if (IS("tri_3x4_km1")) return nd_tri(3, .M = 4, .k = -1);
    if (IS("tri_4_k2")) return nd_tri(4, .k = 2);
    if (IS("diag_vec_km1")) {
        nd_array *v = ND_ARRAY(long, ND_SHAPE(2), 1, 2), *r = nd_diag(v, -1);
        nd_free(v);
        return r;
    }
    if (IS("diag_vec_k2")) {
        nd_array *v = ND_ARRAY(double, ND_SHAPE(3), 1.5, 2.5, 3.5), *r = nd_diag(v, 2);
        nd_free(v);
        return r;
    }
    if (IS("diag_mat_k2")) return ON_M(nd_diag(m_, 2));
    if (IS("diag_mat_km1")) return ON_M(nd_diag(m_, -1));
    if (IS("diag_mat_k9")) return ON_M(nd_diag(m_, 9));
    if (IS("diagflat_k1")) {
        nd_array *v = ND_ARRAY(long, ND_SHAPE(2, 2), 1, 2, 3, 4), *r = nd_diagflat(v, 1);
        nd_free(v);
        return r;
    }
    if (IS("tril_m")) return ON_M(nd_tril(m_, 0));
    if (IS("tril_m_k1")) return ON_M(nd_tril(m_, 1));
    if (IS("triu_m_km1")) return ON_M(nd_triu(m_, -1));
    if (IS("tril_vec")) {
        nd_array *v = ND_ARRAY(long, ND_SHAPE(3), 1, 2, 3), *r = nd_tril(v, 0);
        nd_free(v);
        return r;
    }
    if (IS("triu_3d")) {
        nd_array *r0 = nd_arange(0, 18, 1), *v = nd_reshape(r0, ND_SHAPE(2, 3, 3)), *r = nd_triu(v, 1);
        nd_free(r0);
        nd_free(v);
        return r;
    }
    if (IS("T")) return ON_A(nd_T(a_));
    if (IS("transpose_120")) return ON_A(nd_transpose(a_, (int[]){ 1, 2, 0 }));
    if (IS("swapaxes_0_2")) return ON_A(nd_swapaxes(a_, 0, 2));
    if (IS("reshape_4x6")) return ON_A(nd_reshape(a_, ND_SHAPE(4, 6)));
    if (IS("reshape_m1_2")) return ON_A(nd_reshape(a_, ND_SHAPE(-1, 2)));
    if (IS("reshape_F")) return ON_A(nd_reshape_ex(a_, ND_SHAPE(4, 6), 'F'));
    if (IS("reshape_T")) {
        nd_array *a = A(), *t = nd_T(a), *r = nd_reshape(t, ND_SHAPE(6, 4));
        nd_free(a);
        nd_free(t);
        return r;
    }
    if (IS("ravel_C")) return ON_A(nd_ravel(a_, 'C'));
    if (IS("ravel_F")) return ON_A(nd_ravel(a_, 'F'));
    if (IS("ravel_K_T")) {
        nd_array *a = A(), *t = nd_T(a), *r = nd_ravel(t, 'K');
        CHECK(nd_shares_memory(r, a)); /* a view, as NumPy's */
        nd_free(a);
        nd_free(t);
        return r;
    }
    if (IS("ravel_K_rev")) {
        nd_array *a = A(), *t = nd_get(a, "::-1"), *r = nd_ravel(t, 'K');
        CHECK(!nd_shares_memory(r, a)); /* a copy, as NumPy's */
        nd_free(a);
        nd_free(t);
        return r;
    }
    if (IS("flatten_F")) return ON_A(nd_flatten(a_, 'F'));
    if (IS("expand_0")) return ON_A(nd_expand_dims(a_, ND_AXIS(0)));
    if (IS("expand_m1_0")) return ON_A(nd_expand_dims(a_, ND_AXIS(-1, 0)));
    if (IS("squeeze") || IS("squeeze_ax2")) {
        nd_array *z = nd_zeros(ND_SHAPE(1, 3, 1, 2));
        nd_array *r = IS("squeeze") ? nd_squeeze(z, ND_AXIS_NONE) : nd_squeeze(z, ND_AXIS(2));
        nd_free(z);
        return r;
    }
    if (IS("broadcast_to")) {
        nd_array *v = nd_arange(0, 3, 1), *r = nd_broadcast_to(v, ND_SHAPE(2, 3));
        CHECK(!nd_is_writeable(r));
        nd_free(v);
        return r;
    }
    if (IS("copy_F_of_T")) {
        nd_array *a = A(), *t = nd_T(a), *r = nd_copy(t, 'F');
        CHECK(nd_is_f_contiguous(r));
        nd_free(a);
        nd_free(t);
        return r;
    }
    if (IS("astype_f32")) return ON_A(nd_astype(a_, ND_FLOAT32));
    if (IS("view_i32")) {
        nd_array *v = nd_arange(0, 4, 1), *r = nd_view(v, ND_INT32);
        nd_free(v);
        return r;
    }
    if (IS("view_u8")) {
        nd_array *v = ND_ARRAY(double, ND_SHAPE(2), 1.0, -2.0), *r = nd_view(v, ND_UINT8);
        nd_free(v);
        return r;
    }
    if (IS("view_c16")) {
        nd_array *v = nd_arange(0, 4, 1, .dtype = ND_FLOAT64), *r = nd_view(v, ND_COMPLEX128);
        nd_free(v);
        return r;
    }
#undef IS
    return NULL;
}

static void hex_of(const nd_array *a, char *out, size_t cap) {
    int64_t n = 0;
    unsigned char *b = nd_tobytes(a, 'C', &n);
    size_t k = 0;
    if (!b || n == 0) { snprintf(out, cap, "-"); nd_free_bytes(b); return; }
    for (int64_t i = 0; i < n && k + 3 < cap; i++) k += (size_t)snprintf(out + k, cap - k, "%02x", b[i]);
    nd_free_bytes(b);
}

static void shape_of(const nd_array *a, char *out, size_t cap) {
    if (nd_ndim(a) == 0) { snprintf(out, cap, "-"); return; }
    size_t k = 0;
    for (int i = 0; i < nd_ndim(a); i++) k += (size_t)snprintf(out + k, cap - k, i ? ",%lld" : "%lld", (long long)nd_shape(a)[i]);
}

static void golden(void) {
    char *text = check_read_file(ND_GOLDEN_DIR "/core/core.txt", NULL);
    char *cases = check_read_file(ND_GOLDEN_DIR "/core/index_cases.txt", NULL);
    CHECK(text && cases);
    if (!text || !cases) return;
    const char *idx[64];
    int nidx = 0;
    for (char *s = strtok(cases, "\n"); s && nidx < 64; s = strtok(NULL, "\n")) idx[nidx++] = s;
    static char got[1 << 16];
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next) *next++ = 0;
        char name[64], dt[16], shape[256], *hex = malloc(strlen(line) + 1);
        if (sscanf(line, "%63s %15s %255s %s", name, dt, shape, hex) != 4) { free(hex); continue; }
        nd_array *r;
        int k;
        if (sscanf(name, "index_%d", &k) == 1) {
            nd_array *a = A();
            r = nd_get(a, idx[k]);
            CHECK_MSG(r && nd_base(r) == (nd_base(a) ? nd_base(a) : a), "a[%s] is a view", idx[k]);
            nd_free(a);
        } else {
            r = build(name);
        }
        CHECK_MSG(r != NULL, "%s: built (%s)", name, nd_error_message());
        if (r) {
            CHECK_MSG(strcmp(nd_dtype_str_repr(nd_dtype(r)), dt) == 0, "%s dtype %s vs %s", name,
                      nd_dtype_str_repr(nd_dtype(r)), dt);
            shape_of(r, got, sizeof got);
            CHECK_MSG(strcmp(got, shape) == 0, "%s shape %s vs %s", name, got, shape);
            hex_of(r, got, sizeof got);
            CHECK_MSG(strcmp(got, hex) == 0, "%s data\n  got %s\n  exp %s", name, got, hex);
        }
        nd_free(r);
        free(hex);
    }
    free(text);
    free(cases);
}

/* ----------------------------------------------------------- object basics */

static int released = 0;
static void on_release(void *data, void *ctx) { (void)data; released += *(int *)ctx; }

static void object_basics(void) {
    nd_array *a = nd_zeros(ND_SHAPE(3, 4), .dtype = ND_INT32);
    CHECK_EQ_INT(nd_ndim(a), 2);
    CHECK_EQ_INT(nd_size(a), 12);
    CHECK_EQ_INT(nd_itemsize(a), 4);
    CHECK_EQ_INT(nd_nbytes(a), 48);
    CHECK_EQ_INT(nd_strides(a)[0], 16);
    CHECK_EQ_INT(nd_strides(a)[1], 4);
    CHECK(nd_flags(a) & ND_OWNDATA);
    CHECK(nd_is_c_contiguous(a) && !nd_is_f_contiguous(a));
    CHECK(((uintptr_t)nd_data(a) % 64) == 0);
    CHECK(nd_base(a) == NULL);
    nd_array *t = nd_T(a);
    CHECK(nd_is_f_contiguous(t) && !nd_is_c_contiguous(t));
    CHECK(nd_base(t) == a);
    CHECK(!(nd_flags(t) & ND_OWNDATA));
    /* views outlive their base handle */
    nd_free(a);
    CHECK_EQ_INT(nd_itemset(t, ND_IDX(1, 2), 5), 0);
    CHECK_EQ_INT(nd_item_int(t, ND_IDX(1, 2)), 5);
    CHECK_EQ_INT(nd_item_int(t, ND_IDX(-3, -1)), 5);
    nd_free(t);

    /* 1-element and empty arrays are both C and F contiguous */
    nd_array *e = nd_empty(ND_SHAPE(0, 3));
    CHECK(nd_is_c_contiguous(e) && nd_is_f_contiguous(e));
    CHECK_EQ_INT(nd_size(e), 0);
    nd_free(e);
    nd_array *z = nd_full(ND_SHAPE0, 3.5);
    CHECK_EQ_INT(nd_ndim(z), 0);
    CHECK_NEAR(nd_item_double(z, ND_IDX(0)), 3.5, 0);
    nd_free(z);

    /* frombuffer: zero copy; the release callback runs once, after the last view */
    double buf[6] = { 1, 2, 3, 4, 5, 6 };
    int one = 1;
    released = 0;
    nd_array *w = nd_frombuffer(buf, sizeof buf, ND_FLOAT64, -1, 8, true, on_release, &one);
    CHECK(w && nd_size(w) == 5 && nd_data(w) == (void *)&buf[1]);
    nd_array *wv = nd_get(w, "::2");
    nd_free(w);
    CHECK_EQ_INT(released, 0);
    CHECK_NEAR(nd_item_double(wv, ND_IDX(2)), 6, 0);
    buf[5] = 60;
    CHECK_NEAR(nd_item_double(wv, ND_IDX(2)), 60, 0);
    nd_free(wv);
    CHECK_EQ_INT(released, 1);
    CHECK_ERR(nd_frombuffer(buf, 20, ND_FLOAT64, -1, 0, true, on_release, &one), ND_ERR_VALUE,
              "buffer size must be a multiple of element size");
    CHECK_EQ_INT(released, 2); /* released on failure too */
    CHECK_ERR(nd_frombuffer(buf, 16, ND_INT16, 9, 0, true, NULL, NULL), ND_ERR_VALUE, "buffer is smaller than requested size");
    CHECK_ERR(nd_frombuffer(buf, 4, ND_INT16, -1, 5, true, NULL, NULL), ND_ERR_VALUE,
              "offset must be non-negative and no greater than buffer length (4)");
    nd_array *ro = nd_frombuffer(buf, sizeof buf, ND_FLOAT64, -1, 0, false, NULL, NULL);
    CHECK_ERR(nd_fill(ro, 1.0), ND_ERR_VALUE, "assignment destination is read-only");
    nd_free(ro);

    /* shape errors */
    CHECK_ERR(nd_zeros(ND_SHAPE(-1)), ND_ERR_VALUE, "negative dimensions are not allowed");
    CHECK_ERR(nd_zeros(ND_SHAPE(INT64_MAX, 4)), ND_ERR_VALUE, "array is too big");
    CHECK_ERR(nd_zeros(ND_SHAPE(1LL << 40, 1LL << 40)), ND_ERR_VALUE, "array is too big");
    /* size 0, but NumPy still requires the nonzero extents times the itemsize to fit */
    CHECK_ERR(nd_zeros(ND_SHAPE(INT64_MAX, INT64_MAX, 0)), ND_ERR_VALUE, "array is too big");
    nd_array *huge0 = nd_zeros(ND_SHAPE(INT64_C(1) << 31, 0, INT64_C(1) << 31), .dtype = ND_UINT8);
    CHECK(huge0 && nd_size(huge0) == 0);
    nd_free(huge0);
    CHECK_ERR(nd_empty(ND_SHAPE(2), .order = 'X'), ND_ERR_VALUE, "order");
    CHECK_ERR(ND_ARRAY(double, ND_SHAPE(2, 2), 1, 2, 3), ND_ERR_VALUE, "cannot reshape array of size 3 into shape (2,2)");
    nd_free(NULL);
    CHECK_EQ_INT(nd_ndim(NULL), 0);
    CHECK_ERR(nd_copy(NULL, 'C'), ND_ERR_VALUE, "NULL");
}

/* ------------------------------------------------------------ views, errors */

static void views(void) {
    nd_array *a = A();
    CHECK_ERR(nd_get(a, "5"), ND_ERR_INDEX, "index 5 is out of bounds for axis 0 with size 2");
    CHECK_ERR(nd_get(a, ":, -4"), ND_ERR_INDEX, "index -4 is out of bounds for axis 1 with size 3");
    CHECK_ERR(nd_get(a, "1, 2, 3, 0"), ND_ERR_INDEX, "too many indices for array: array is 3-dimensional, but 4 were indexed");
    CHECK_ERR(nd_get(a, "..., ..."), ND_ERR_INDEX, "an index can only have a single ellipsis ('...')");
    CHECK_ERR(nd_get(a, "::0"), ND_ERR_VALUE, "slice step cannot be zero");
    CHECK_ERR(nd_get(a, "abc"), ND_ERR_INDEX, "only integers, slices");
    CHECK_ERR(nd_get(a, "1;2"), ND_ERR_INDEX, "only integers, slices");
    CHECK_ERR(nd_get(a, "99999999999999999999"), ND_ERR_INDEX, "cannot fit 'int' into an index-sized integer");
    CHECK_ERR(nd_get(a, NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_reshape(a, ND_SHAPE(5, 5)), ND_ERR_VALUE, "cannot reshape array of size 24 into shape (5,5)");
    CHECK_ERR(nd_reshape(a, ND_SHAPE(-1, -1)), ND_ERR_VALUE, "can only specify one unknown dimension");
    CHECK_ERR(nd_reshape(a, ND_SHAPE(-1, 5)), ND_ERR_VALUE, "cannot reshape array of size 24 into shape (5)"); /* NumPy leaves out a leading unknown */
    CHECK_ERR(nd_transpose(a, (int[]){ 0, 0, 1 }), ND_ERR_VALUE, "repeated axis in transpose");
    CHECK_ERR(nd_transpose(a, (int[]){ 0, 3, 1 }), ND_ERR_AXIS, "axis 3 is out of bounds for array of dimension 3");
    CHECK_ERR(nd_swapaxes(a, 0, -4), ND_ERR_AXIS, "axis -4 is out of bounds for array of dimension 3");
    CHECK_ERR(nd_squeeze(a, ND_AXIS(0)), ND_ERR_VALUE, "cannot select an axis to squeeze out which has size not equal to one");
    CHECK_ERR(nd_expand_dims(a, ND_AXIS(0, 0)), ND_ERR_VALUE, "repeated axis");
    CHECK_ERR(nd_expand_dims(a, ND_AXIS(4)), ND_ERR_AXIS, "axis 4 is out of bounds for array of dimension 4");
    CHECK_ERR(nd_broadcast_to(a, ND_SHAPE(3, 4)), ND_ERR_VALUE,
              "input operand has more dimensions than allowed by the axis remapping");
    nd_array *t = nd_T(a);
    CHECK_ERR(nd_view(t, ND_FLOAT32), ND_ERR_VALUE, "To change to a dtype of a different size, the last axis must be contiguous");
    nd_free(t);
    nd_array *v3 = nd_get(a, ":, :, :3");
    CHECK_ERR(nd_view(v3, ND_COMPLEX128), ND_ERR_VALUE, "When changing to a larger dtype");
    nd_free(v3);
    nd_array *i32 = nd_arange(0, 6, 1, .dtype = ND_INT32);
    CHECK_ERR(nd_view(i32, ND_COMPLEX128), ND_ERR_VALUE,
              "When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.");
    nd_free(i32);
    nd_array *s0 = nd_full(ND_SHAPE0, 1.0);
    CHECK_ERR(nd_view(s0, ND_FLOAT32), ND_ERR_VALUE, "Changing the dtype of a 0d array is only supported if the itemsize is unchanged");
    nd_free(s0);

    /* reshape is a view exactly when NumPy's is */
    nd_array *sl = nd_get(a, ":, :, ::2"); /* (2, 3, 2) non-contiguous */
    nd_array *r1 = nd_reshape(sl, ND_SHAPE(6, 2)), *r2 = nd_reshape(sl, ND_SHAPE(12)), *r3 = nd_ravel(sl, 'C');
    CHECK(nd_shares_memory(r1, a));
    CHECK(nd_shares_memory(r2, a));
    CHECK(!nd_shares_memory(r3, a)); /* ravel copies here, as NumPy does */
    int64_t expect[12] = { 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22 };
    for (int i = 0; i < 12; i++) {
        CHECK_EQ_INT(nd_item_int(r2, ND_IDX(i)), expect[i]);
        CHECK_EQ_INT(nd_item_int(r3, ND_IDX(i)), expect[i]);
    }
    nd_free(r1); nd_free(r2); nd_free(r3);
    nd_array *r4 = nd_reshape(sl, ND_SHAPE(3, 4)); /* evenly strided: still a view */
    CHECK(r4 && nd_shares_memory(r4, a));
    nd_array *part = nd_get(a, ":, :2"), *r5 = nd_reshape(part, ND_SHAPE(16)); /* must copy */
    CHECK(r5 && !nd_shares_memory(r5, a));
    CHECK_EQ_INT(nd_item_int(r5, ND_IDX(8)), 12);
    nd_free(part);
    nd_free(r5);
    CHECK_EQ_INT(nd_item_int(r4, ND_IDX(2, 3)), 22);
    nd_free(r4);
    nd_free(sl);

    /* shares_memory is exact; may_share_memory looks at bounds only */
    nd_array *even = nd_get(a, "..., ::2"), *odd = nd_get(a, "..., 1::2");
    CHECK(!nd_shares_memory(even, odd));
    CHECK(nd_may_share_memory(even, odd));
    nd_array *x0 = nd_get(a, "0"), *x1 = nd_get(a, "1"), *xr = nd_get(a, "::-1");
    CHECK(!nd_may_share_memory(x0, x1));
    CHECK(nd_shares_memory(xr, x1));
    nd_free(even); nd_free(odd); nd_free(x0); nd_free(x1); nd_free(xr);

    /* broadcast_shapes and broadcast_arrays */
    int64_t out[ND_MAXDIMS];
    nd_shape_t shapes[3] = { ND_SHAPE(2, 1), ND_SHAPE(3), ND_SHAPE(4, 1, 1) };
    CHECK_EQ_INT(nd_broadcast_shapes(3, shapes, out), 3);
    CHECK(out[0] == 4 && out[1] == 2 && out[2] == 3);
    nd_shape_t bad[2] = { ND_SHAPE(2, 3), ND_SHAPE(4) };
    CHECK_ERR(nd_broadcast_shapes(2, bad, out), ND_ERR_VALUE,
              "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (2, 3) and arg 1 with shape (4,).");
    nd_array *col = nd_zeros(ND_SHAPE(3, 1)), *row = nd_zeros(ND_SHAPE(4)), *bo[2];
    CHECK_EQ_INT(nd_broadcast_arrays(2, (nd_array *[]){ col, row }, bo), 0);
    CHECK(nd_ndim(bo[0]) == 2 && nd_shape(bo[0])[1] == 4 && nd_shape(bo[1])[0] == 3);
    CHECK_EQ_INT(nd_strides(bo[1])[0], 0);
    nd_free(bo[0]); nd_free(bo[1]); nd_free(col); nd_free(row);

    /* assignment through views, broadcasting, casting, overlap */
    nd_array *z = nd_zeros(ND_SHAPE(3, 4));
    nd_array *r = nd_arange(0, 4, 1);
    CHECK_EQ_INT(nd_set(z, "1:", r), 0);
    CHECK_NEAR(nd_item_double(z, ND_IDX(2, 3)), 3, 0);
    CHECK_NEAR(nd_item_double(z, ND_IDX(0, 3)), 0, 0);
    CHECK_EQ_INT(nd_set_value(z, ":, ::-2", -1.5), 0);
    CHECK_NEAR(nd_item_double(z, ND_IDX(0, 3)), -1.5, 0);
    CHECK_NEAR(nd_item_double(z, ND_IDX(1, 1)), -1.5, 0);
    CHECK_NEAR(nd_item_double(z, ND_IDX(1, 2)), 2, 0);
    nd_array *bad_v = nd_zeros(ND_SHAPE(3));
    CHECK_ERR(nd_set(z, "...", bad_v), ND_ERR_VALUE, "could not broadcast input array from shape (3,) into shape (3,4)");
    nd_free(bad_v);
    nd_free(r);
    /* overlapping self-assignment z[1:] = z[:-1] reads the old values */
    nd_array *seq = nd_arange(0, 5, 1), *src = nd_get(seq, ":-1");
    CHECK_EQ_INT(nd_set(seq, "1:", src), 0);
    int64_t sexp[5] = { 0, 0, 1, 2, 3 };
    for (int i = 0; i < 5; i++) CHECK_EQ_INT(nd_item_int(seq, ND_IDX(i)), sexp[i]);
    nd_free(src); nd_free(seq);
    /* read-only views refuse writes */
    nd_array *bc = nd_broadcast_to(z, ND_SHAPE(2, 3, 4));
    CHECK_ERR(nd_set_value(bc, "0", 1), ND_ERR_VALUE, "assignment destination is read-only");
    CHECK_ERR(nd_set_writeable(bc, true), ND_ERR_VALUE, NULL);
    nd_free(bc);
    nd_array *dg = nd_diag(z, 0);
    CHECK(!nd_is_writeable(dg));
    nd_free(dg);
    /* copyto casting rule */
    nd_array *ints = nd_zeros(ND_SHAPE(4), .dtype = ND_INT64), *fl = nd_full(ND_SHAPE(4), 2.7);
    CHECK_ERR(nd_copyto(ints, fl, ND_CASTING_DEFAULT), ND_ERR_TYPE,
              "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'same_kind'");
    CHECK_EQ_INT(nd_copyto(ints, fl, ND_CASTING_UNSAFE), 0);
    CHECK_EQ_INT(nd_item_int(ints, ND_IDX(3)), 2);
    nd_free(ints); nd_free(fl);
    nd_free(z);
    nd_free(a);
}

/* ------------------------------------------------------------ iterator */

static void iterator(void) {
    /* sum a transposed, sliced, reversed view with a broadcast operand */
    nd_array *a = A();
    nd_array *v = nd_get(a, "::-1, :, 1::2"), *t = nd_T(v);  /* (2,3,2) -> (2,3,2) reversed dims */
    nd_array *b = nd_full(ND_SHAPE(1), 10);
    nd_iter *it = nd_iter_new(2, (nd_array *[]){ t, b }, 0);
    CHECK(it && nd_iter_size(it) == 12);
    char **p;
    int64_t n, total = 0, seen = 0;
    const int64_t *s;
    while (nd_iter_next(it, &p, &n, &s)) {
        for (int64_t k = 0; k < n; k++) {
            int64_t x, y;
            memcpy(&x, p[0] + k * s[0], 8);
            memcpy(&y, p[1] + k * s[1], 8);
            total += x + y;
        }
        seen += n;
    }
    CHECK_EQ_INT(seen, 12);
    CHECK_EQ_INT(total, (1 + 3 + 5 + 7 + 9 + 11 + 13 + 15 + 17 + 19 + 21 + 23) + 120);
    /* a sub-range */
    CHECK_EQ_INT(nd_iter_range(it, 5, 9), 0);
    seen = 0;
    while (nd_iter_next(it, &p, &n, &s)) seen += n;
    CHECK_EQ_INT(seen, 4);
    CHECK_ERR(nd_iter_range(it, 5, 13), ND_ERR_VALUE, "outside");
    nd_iter_free(it);
    /* C order walks elements in C order of the broadcast shape */
    it = nd_iter_new(1, (nd_array *[]){ t }, ND_ITER_C_ORDER);
    int64_t prev = -1, order_ok = 1, idx = 0;
    int64_t expect[12];
    for (int i = 0; i < 12; i++) { /* t[i,j,k] = a[1 - k, j, 1 + 2 i] */
        int ii = i / 6, j = (i / 2) % 3, k = i % 2;
        expect[i] = (1 - k) * 12 + j * 4 + 1 + 2 * ii;
    }
    while (nd_iter_next(it, &p, &n, &s))
        for (int64_t k = 0; k < n; k++, idx++) {
            int64_t x;
            memcpy(&x, p[0] + k * s[0], 8);
            if (x != expect[idx]) order_ok = 0;
        }
    (void)prev;
    CHECK(order_ok && idx == 12);
    nd_iter_free(it);
    /* empty and 0-d operands */
    nd_array *e = nd_zeros(ND_SHAPE(0, 4)), *z0 = nd_full(ND_SHAPE0, 1.0);
    it = nd_iter_new(2, (nd_array *[]){ e, z0 }, 0);
    CHECK(it && nd_iter_next(it, &p, &n, &s) == 0);
    nd_iter_free(it);
    it = nd_iter_new(1, (nd_array *[]){ z0 }, 0);
    CHECK(nd_iter_next(it, &p, &n, &s) == 1 && n == 1);
    nd_iter_free(it);
    CHECK_ERR(nd_iter_new(2, (nd_array *[]){ a, e }, 0), ND_ERR_VALUE,
              "operands could not be broadcast together with shapes (2,3,4) (0,4) ");
    nd_free(e); nd_free(z0); nd_free(b); nd_free(t); nd_free(v); nd_free(a);
}

/* Transposed copies take the tiled walk: check every element, with a cast too. */
static void tiled_copies(void) {
    nd_array *r = nd_arange(0, 3 * 67 * 130, 1);
    nd_array *a = nd_reshape(r, ND_SHAPE(3, 67, 130));
    nd_array *t = nd_transpose(a, (int[]){ 2, 1, 0 });     /* (130, 67, 3) */
    nd_array *c = nd_copy(t, 'C');
    nd_array *f = nd_astype(t, ND_FLOAT32, .order = 'C');
    nd_array *t2 = nd_get(a, "1, ::-1, ::2"), *t2t = nd_T(t2); /* (65, 67) reversed rows */
    nd_array *c2 = nd_ascontiguousarray(t2t);
    int bad = 0;
    for (int64_t i = 0; i < 130; i++)
        for (int64_t j = 0; j < 67; j++)
            for (int64_t k = 0; k < 3; k++) {
                int64_t want = k * 67 * 130 + j * 130 + i;
                if (nd_item_int(c, ND_IDX(i, j, k)) != want) bad++;
                if (nd_item_double(f, ND_IDX(i, j, k)) != (double)want) bad++;
            }
    for (int64_t i = 0; i < 65; i++)
        for (int64_t j = 0; j < 67; j++)
            if (nd_item_int(c2, ND_IDX(i, j)) != 67 * 130 + (66 - j) * 130 + 2 * i) bad++;
    nd_array *r3 = nd_arange(0, 2 * 100 * 90, 1), *a3 = nd_reshape(r3, ND_SHAPE(2, 100, 90));
    nd_array *t3 = nd_transpose(a3, (int[]){ 0, 2, 1 }), *c3 = nd_astype(t3, ND_INT32, .order = 'C');
    for (int64_t i = 0; i < 2; i++)       /* outer axis + remainders on both tiled axes */
        for (int64_t j = 0; j < 90; j++)
            for (int64_t k = 0; k < 100; k++)
                if (nd_item_int(c3, ND_IDX(i, j, k)) != i * 9000 + k * 90 + j) bad++;
    nd_free(c3); nd_free(t3); nd_free(a3); nd_free(r3);
    CHECK_EQ_INT(bad, 0);
    CHECK(nd_is_c_contiguous(c) && nd_is_c_contiguous(f) && nd_is_c_contiguous(c2));
    nd_free(c2); nd_free(t2t); nd_free(t2);
    nd_free(f); nd_free(c); nd_free(t); nd_free(a); nd_free(r);
}

static void strings(void) {
    nd_array *s = nd_from_strings((const char *[]){ "ab", "", "xyz" }, ND_SHAPE(3), 'S', 0);
    CHECK(s && strcmp(nd_dtype_str_repr(nd_dtype(s)), "|S3") == 0);
    CHECK(memcmp(nd_data(s), "ab\0\0\0\0xyz", 9) == 0);
    nd_free(s);
    nd_array *u = nd_from_strings((const char *[]){ "h\xc3\xa9", "\xe2\x82\xac" }, ND_SHAPE(2), 'U', 0);
    CHECK(u && strcmp(nd_dtype_str_repr(nd_dtype(u)), "<U2") == 0);
    uint32_t cps[4];
    memcpy(cps, nd_data(u), 16);
    CHECK(cps[0] == 'h' && cps[1] == 0xe9 && cps[2] == 0x20ac && cps[3] == 0);
    nd_free(u);
    CHECK_ERR(nd_from_strings((const char *[]){ "\xff" }, ND_SHAPE(1), 'U', 0), ND_ERR_VALUE, "UTF-8");
    const nd_dtype_t *d = nd_dtype_parse(">U5");
    CHECK(d && nd_dtype_itemsize(d) == 20 && strcmp(nd_dtype_name(d), "str160") == 0);
    nd_dtype_free(d);
    CHECK(nd_dtype_parse("float64") == ND_FLOAT64 && nd_dtype_parse("<i4") == ND_INT32 && nd_dtype_parse("?") == ND_BOOL);
    CHECK_ERR(nd_dtype_parse("float65"), ND_ERR_TYPE, "data type 'float65' not understood");
}

static int fn_val(const int64_t *idx, int nd, void *out, void *ud) {
    (void)ud;
    double v = (double)(idx[0] * 10 + (nd > 1 ? idx[1] : 0));
    memcpy(out, &v, 8);
    return 0;
}
static int next_val(void *out, void *ud) {
    int *k = ud;
    if (*k >= 5) return 0;
    int32_t v = (*k)++ * 3;
    memcpy(out, &v, 4);
    return 1;
}

static void callbacks(void) {
    nd_array *f = nd_fromfunction(fn_val, ND_SHAPE(2, 3), ND_FLOAT64, NULL);
    CHECK_NEAR(nd_item_double(f, ND_IDX(1, 2)), 12, 0);
    nd_free(f);
    int k = 0;
    nd_array *it = nd_fromiter(next_val, ND_INT32, -1, &k);
    CHECK(it && nd_size(it) == 5 && nd_item_int(it, ND_IDX(4)) == 12);
    nd_free(it);
    k = 0;
    CHECK_ERR(nd_fromiter(next_val, ND_INT32, 7, &k), ND_ERR_VALUE, "iterator too short: Expected 7 but iterator had only 5 items.");
}

/* The default allocator keeps recently freed large blocks: the same size comes back
 * without a fresh mapping; zeros never take a kept block unzeroed. */
static void block_cache(void) {
    size_t old = nd_set_block_cache((size_t)256 << 20);
    if (old == 0) return; /* not built here (non-glibc, sanitizers) */
    CHECK(old == (size_t)256 << 20);
    int64_t n = (int64_t)1 << 20; /* 8 MiB of float64 */
    nd_array *a = nd_full(ND_SHAPE(n), 7.0);
    void *pa = nd_data(a);
    nd_free(a);
    nd_array *b = nd_empty(ND_SHAPE(n - 1000));       /* a little smaller: reused */
    CHECK(b && nd_data(b) == pa);
    nd_array *c = nd_empty(ND_SHAPE(n / 2));          /* half the size: not reused */
    CHECK(c && nd_data(c) != nd_data(b));
    nd_free(b);
    nd_array *z = nd_zeros(ND_SHAPE(n));              /* zeros read back zero */
    double *zd = nd_data(z);
    int bad = 0;
    for (int64_t i = 0; i < n; i++) bad += zd[i] != 0.0;
    CHECK(bad == 0);
    nd_free(z);
    nd_free(c);
    CHECK(nd_set_block_cache(0) == (size_t)256 << 20); /* frees what was kept */
    nd_array *d = nd_full(ND_SHAPE(n), 1.0);
    CHECK(d && nd_item_double(d, ND_IDX(n - 1)) == 1.0);
    nd_free(d);
    CHECK(nd_set_block_cache(old) == 0);
}

int main(void) {
    golden();
    object_basics();
    views();
    iterator();
    tiled_copies();
    strings();
    callbacks();
    block_cache();
    return check_done();
}
