/* Advanced indexing, the indexing routines and stride tricks against NumPy golden data
 * (tests/golden/index/make_index.py), plus the C-only parts: placeholders, the
 * structured form, ownership, as_strided's bounds check. */
#include "check.h"

#include <stdint.h>

/* ------------------------------------------------------------ formatting */

/* "dtype;shape;values" exactly as make_index.py prints it. */
static char *fmt(const nd_array *r) {
    size_t cap = 1 << 16, n = 0;
    char *s = malloc(cap);
    const nd_dtype_t *dt = nd_dtype(r);
    n += (size_t)snprintf(s + n, cap - n, "%s;", nd_dtype_name(dt));
    for (int d = 0; d < nd_ndim(r); d++) n += (size_t)snprintf(s + n, cap - n, d ? ",%lld" : "%lld", (long long)nd_shape(r)[d]);
    n += (size_t)snprintf(s + n, cap - n, ";");
    char k = nd_dtype_kind(dt);
    const nd_dtype_t *to = k == 'c' ? ND_COMPLEX128 : k == 'f' ? ND_FLOAT64 : k == 'u' ? ND_UINT64 : ND_INT64;
    nd_array *c = nd_astype(r, to, .order = 'C');
    int64_t size = nd_size(r);
    for (int64_t i = 0; i < size && n + 64 < cap; i++) {
        const char *sep = i ? " " : "";
        if (k == 'c') { double *p = (double *)nd_data(c) + 2 * i; n += (size_t)snprintf(s + n, cap - n, "%s%.17g,%.17g", sep, p[0], p[1]); }
        else if (k == 'f') n += (size_t)snprintf(s + n, cap - n, "%s%.17g", sep, ((double *)nd_data(c))[i]);
        else if (k == 'u') n += (size_t)snprintf(s + n, cap - n, "%s%llu", sep, (unsigned long long)((uint64_t *)nd_data(c))[i]);
        else n += (size_t)snprintf(s + n, cap - n, "%s%lld", sep, (long long)((int64_t *)nd_data(c))[i]);
    }
    nd_free(c);
    return s;
}

static char *fmt_err(void) {
    char *s = malloc(4096);
    snprintf(s, 4096, "ERR %s: %s", nd_error_name(nd_error()), nd_error_message());
    return s;
}

static char *result(nd_array *r) {
    if (!r) return fmt_err();
    char *s = fmt(r);
    nd_free(r);
    return s;
}

static void expect(const char *what, char *got, const char *want) {
    check_count_++;
    if (strcmp(got, want) != 0) {
        check_failures_++;
        fprintf(stderr, "%s:\n  got:      [%s]\n  expected: [%s]\n", what, got, want);
    }
    free(got);
}

/* ------------------------------------------------------------ the arrays */

static nd_array *make(const char *name) {
    nd_array *t, *r;
    if (!strcmp(name, "a1")) return nd_arange(0, 10, 1);
    if (!strcmp(name, "a2")) { t = nd_arange(0, 12, 1); r = nd_reshape(t, ND_SHAPE(3, 4)); nd_free(t); return r; }
    if (!strcmp(name, "a3")) { t = nd_arange(0, 24, 1); r = nd_reshape(t, ND_SHAPE(2, 3, 4)); nd_free(t); return r; }
    if (!strcmp(name, "t2")) { t = make("a2"); r = nd_T(t); nd_free(t); return r; }
    if (!strcmp(name, "r1")) { t = nd_arange(0, 20, 1); r = nd_get(t, "::-2"); nd_free(t); return r; }
    if (!strcmp(name, "e2")) return nd_zeros(ND_SHAPE(0, 3), .dtype = ND_INT64);
    if (!strcmp(name, "z0")) return nd_full(ND_SHAPE0, 7);
    if (!strncmp(name, "d_", 2)) {
        const nd_dtype_t *dt = nd_dtype_parse(name + 2);
        bool uns = name[2] == 'u';
        t = nd_arange(0.0, 12.0, 0.5); /* arange(24) * 0.5 */
        double *p = nd_data(t);
        for (int i = 0; i < 24; i++) p[i] = i * 0.5 - (uns ? 0 : 3);
        nd_array *c = nd_astype(t, dt);
        r = nd_reshape(c, ND_SHAPE(2, 3, 4));
        nd_free(t); nd_free(c); nd_dtype_free(dt);
        return r;
    }
    return NULL;
}

/* ------------------------------------------------------------ functions */

static nd_array *I64(int n, const int64_t *v) { int64_t d[1] = { n }; return nd_from_data(v, ((nd_shape_t){ 1, d }), ND_INT64); }
#define IV(...) I64((int)(sizeof((int64_t[]){__VA_ARGS__}) / 8), (int64_t[]){__VA_ARGS__})
#define BV(...) ND_ARRAY(_Bool, ND_SHAPE((int64_t)(sizeof((_Bool[]){__VA_ARGS__}))), __VA_ARGS__)

static nd_array *neg_fn(const nd_array *x, void *ud) { (void)ud; nd_array *r = nd_copy(x, 'C'); double *p = nd_data(r); for (int64_t i = 0; i < nd_size(r); i++) p[i] = -p[i]; return r; }
static nd_array *ten_fn(const nd_array *x, void *ud) { (void)ud; nd_array *r = nd_copy(x, 'C'); double *p = nd_data(r); for (int64_t i = 0; i < nd_size(r); i++) p[i] *= 10; return r; }

/* a2 % m == r as a bool array of a2's (or t's) shape */
static nd_array *mod_mask(const nd_array *a, int64_t m, int64_t rem, bool ne) {
    nd_array *c = nd_astype(a, ND_INT64, .order = 'C'), *r = nd_empty_like(c, .dtype = ND_BOOL);
    for (int64_t i = 0; i < nd_size(c); i++) {
        int64_t v = ((int64_t *)nd_data(c))[i] % m;
        ((bool *)nd_data(r))[i] = ne ? v != rem : v == rem;
    }
    nd_free(c);
    return r;
}
static nd_array *cmp_mask(const nd_array *a, int64_t t, bool greater) {
    nd_array *c = nd_astype(a, ND_INT64, .order = 'C'), *r = nd_empty_like(c, .dtype = ND_BOOL);
    for (int64_t i = 0; i < nd_size(c); i++) {
        int64_t v = ((int64_t *)nd_data(c))[i];
        ((bool *)nd_data(r))[i] = greater ? v > t : v < t;
    }
    nd_free(c);
    return r;
}

static char *run_fn(const char *id) {
    nd_array *a2 = make("a2"), *a3 = make("a3"), *r = NULL, *o[ND_MAXDIMS] = { 0 }, *t1 = NULL, *t2 = NULL, *t3 = NULL;
    char *s = NULL;
    int rc = 0;
#define IS(x) (!strcmp(id, x))
#define DONE_INT(expr) do { rc = (expr); r = rc < 0 ? NULL : nd_ref(t1); } while (0)
    if (IS("take_flat")) r = nd_take(a3, t1 = IV(0, 5, -1, 23));
    else if (IS("take_axis1")) { t1 = nd_get(a3, "0, :2, :2"); nd_array *ix = ND_ARRAY(long, ND_SHAPE(2, 2), 2, 0, 1, 1); r = nd_take(a3, ix, .axis = ND_AXIS(1)); nd_free(ix); }
    else if (IS("take_axis_neg")) r = nd_take(a3, t1 = IV(3, 0), .axis = ND_AXIS(-1));
    else if (IS("take_wrap")) r = nd_take(a2, t1 = IV(-13, 5, 25), .axis = ND_AXIS(1), .mode = ND_CLIPMODE_WRAP);
    else if (IS("take_clip")) r = nd_take(a2, t1 = IV(-13, 5, 2), .axis = ND_AXIS(0), .mode = ND_CLIPMODE_CLIP);
    else if (IS("take_raise")) r = nd_take(a2, t1 = IV(0, 3), .axis = ND_AXIS(0));
    else if (IS("take_empty_axis")) { t2 = nd_zeros(ND_SHAPE(2, 0)); r = nd_take(t2, t1 = IV(1), .axis = ND_AXIS(1), .mode = ND_CLIPMODE_CLIP); }
    else if (IS("take_float_idx")) r = nd_take(a2, t1 = ND_ARRAY(double, ND_SHAPE(1), 1.0));
    else if (IS("take_T")) { t2 = nd_T(a2); r = nd_take(t2, t1 = IV(2, 1), .axis = ND_AXIS(0)); }
    else if (IS("put")) { t1 = nd_arange(0.0, 6.0, 1.0); t2 = IV(0, -1, 2); t3 = ND_ARRAY(double, ND_SHAPE(2), 9, 8); DONE_INT(nd_put(t1, t2, t3, ND_CLIPMODE_RAISE)); }
    else if (IS("put_wrap")) { nd_array *b = nd_arange(0.0, 6.0, 1.0); t1 = nd_reshape(b, ND_SHAPE(2, 3)); nd_free(b); t2 = IV(7, -9); t3 = ND_ARRAY(double, ND_SHAPE(1), 1); DONE_INT(nd_put(t1, t2, t3, ND_CLIPMODE_WRAP)); }
    else if (IS("put_raise")) { t1 = nd_arange(0.0, 6.0, 1.0); t2 = IV(6); t3 = ND_ARRAY(double, ND_SHAPE(1), 1); DONE_INT(nd_put(t1, t2, t3, ND_CLIPMODE_RAISE)); }
    else if (IS("take_along")) { t1 = ND_ARRAY(long, ND_SHAPE(3, 4), 0, 2, 1, 3, 3, 3, 0, 0, 1, 0, 2, 2); r = nd_take_along_axis(a2, t1, ND_AXIS(1)); }
    else if (IS("take_along0")) { t1 = ND_ARRAY(long, ND_SHAPE(1, 4), 2, 0, 1, 1); r = nd_take_along_axis(a2, t1, ND_AXIS(0)); }
    else if (IS("take_along_none")) r = nd_take_along_axis(a2, t1 = IV(11, 0, 5), ND_AXIS_NONE);
    else if (IS("take_along_ndim")) r = nd_take_along_axis(a2, t1 = IV(1), ND_AXIS(0));
    else if (IS("put_along")) { t1 = nd_copy(a2, 'C'); t2 = ND_ARRAY(long, ND_SHAPE(3, 1), 1, 0, 3); t3 = nd_full(ND_SHAPE0, -1); DONE_INT(nd_put_along_axis(t1, t2, t3, ND_AXIS(1))); }
    else if (!strncmp(id, "choose", 6)) {
        nd_array *c0 = nd_arange(0, 4, 1), *c1 = nd_arange(0, 40, 10), *c2 = nd_arange(0.0, 400.0, 100.0);
        const nd_array *ch[3] = { c0, c1, c2 };
        if (IS("choose")) r = nd_choose(t1 = IV(2, 0, 1, 2), 3, ch);
        else if (IS("choose_wrap")) r = nd_choose(t1 = IV(5, -1, 1, 3), 3, ch, .mode = ND_CLIPMODE_WRAP);
        else if (IS("choose_clip")) r = nd_choose(t1 = IV(5, -1, 1, 3), 3, ch, .mode = ND_CLIPMODE_CLIP);
        else if (IS("choose_raise")) r = nd_choose(t1 = IV(5, -1, 1, 3), 3, ch);
        else if (IS("choose_bcast")) {
            nd_array *s0 = nd_arange(0, 3, 1), *s1 = nd_full(ND_SHAPE0, 7);
            t1 = ND_ARRAY(long, ND_SHAPE(2, 1), 0, 1);
            r = nd_choose(t1, 2, ((const nd_array *[]){ s0, s1 }));
            nd_free(s0); nd_free(s1);
        }
        nd_free(c0); nd_free(c1); nd_free(c2);
    }
    else if (IS("compress0")) r = nd_compress(t1 = BV(0, 1, 1), a2, .axis = ND_AXIS(0));
    else if (IS("compress1")) r = nd_compress(t1 = BV(1, 0, 0, 1), a2, .axis = ND_AXIS(1));
    else if (IS("compress_none")) r = nd_compress(t1 = IV(1, 0, 1), a2);
    else if (IS("compress_long")) r = nd_compress(t1 = IV(0, 0, 0, 1), a2, .axis = ND_AXIS(0));
    else if (IS("extract")) r = nd_extract(t1 = mod_mask(a2, 3, 0, false), a2);
    else if (IS("place")) { t1 = nd_copy(a2, 'C'); t2 = cmp_mask(a2, 6, true); t3 = IV(-1, -2); DONE_INT(nd_place(t1, t2, t3)); }
    else if (IS("place_empty")) { t1 = nd_copy(a2, 'C'); t2 = cmp_mask(a2, 6, true); t3 = IV(); DONE_INT(nd_place(t1, t2, t3)); }
    else if (IS("putmask")) { t1 = nd_copy(a2, 'C'); t2 = mod_mask(a2, 2, 1, false); t3 = IV(100, 200, 300); DONE_INT(nd_putmask(t1, t2, t3)); }
    else if (IS("copyto_where")) { t1 = nd_zeros(ND_SHAPE(3, 4)); t2 = nd_arange(0.0, 4.0, 1.0); t3 = cmp_mask(a2, 4, true); DONE_INT(nd_copyto_where(t1, t2, ND_CASTING_DEFAULT, t3)); }
    else if (IS("copyto_cast")) { t1 = nd_zeros(ND_SHAPE(4), .dtype = ND_INT64); t2 = nd_arange(0.0, 4.0, 1.0); t3 = BV(1, 0, 1, 1); DONE_INT(nd_copyto_where(t1, t2, ND_CASTING_DEFAULT, t3)); }
    else if (IS("where3")) { t1 = cmp_mask(a2, 5, true); t2 = ND_ARRAY(double, ND_SHAPE(4), -1.5, 0, 1, 2); r = nd_where(t1, a2, t2); }
    else if (IS("where_i8_f4")) { t1 = BV(1, 0); t2 = ND_ARRAY(signed char, ND_SHAPE(2), 1, 2); t3 = ND_ARRAY(float, ND_SHAPE(2), 0.5f, 0.25f); r = nd_where(t1, t2, t3); }
    else if (IS("where_bad")) { t1 = BV(1, 0, 1); t2 = nd_arange(0, 2, 1); t3 = nd_full(ND_SHAPE0, 0); r = nd_where(t1, t2, t3); }
    else if (IS("nonzero1")) { t1 = ND_ARRAY(double, ND_SHAPE(7), 3.5, -1.0, 0.0, 2.0, NAN, -0.0, 7.25); if (nd_nonzero(t1, o) == 1) r = o[0]; }
    else if (IS("nonzero2_0") || IS("nonzero2_1")) { t1 = mod_mask(a2, 5, 1, false); if (nd_nonzero(t1, o) == 2) { r = o[id[9] - '0']; nd_free(o[1 - (id[9] - '0')]); } }
    else if (IS("argwhere")) r = nd_argwhere(t1 = mod_mask(a3, 7, 0, false));
    else if (IS("argwhere0")) r = nd_argwhere(t1 = nd_full(ND_SHAPE0, 3));
    else if (IS("flatnonzero")) { t1 = mod_mask(a2, 3, 0, true); t2 = nd_T(t1); r = nd_flatnonzero(t2); } /* non-contiguous */
    else if (IS("select")) {
        nd_array *c0 = cmp_mask(a2, 3, false), *c1 = cmp_mask(a2, 8, true), *x10 = nd_astype(a2, ND_INT64);
        for (int i = 0; i < 12; i++) ((int64_t *)nd_data(x10))[i] *= 10;
        t1 = nd_full(ND_SHAPE0, -1);
        r = nd_select(2, ((const nd_array *[]){ c0, c1 }), ((const nd_array *[]){ a2, x10 }), .default_value = t1);
        nd_free(c0); nd_free(c1); nd_free(x10);
    } else if (IS("select_nodefault")) {
        nd_array *c0 = cmp_mask(a2, 3, false), *c1 = cmp_mask(a2, 5, false), *x15 = nd_astype(a2, ND_FLOAT64), *neg = nd_astype(a2, ND_INT64);
        for (int i = 0; i < 12; i++) { ((double *)nd_data(x15))[i] *= 1.5; ((int64_t *)nd_data(neg))[i] *= -1; }
        r = nd_select(2, ((const nd_array *[]){ c0, c1 }), ((const nd_array *[]){ x15, neg }));
        nd_free(c0); nd_free(c1); nd_free(x15); nd_free(neg);
    }
    else if (IS("diagonal")) r = nd_diagonal(a3);
    else if (IS("diagonal_off")) r = nd_diagonal(a3, .offset = 1, .axes = ND_AXIS(1, 2));
    else if (IS("diagonal_neg")) r = nd_diagonal(a3, .offset = -1, .axes = ND_AXIS(2, 1));
    else if (IS("diagonal_big")) r = nd_diagonal(a2, .offset = 7);
    else if (IS("fill_diag_wrap")) { t1 = nd_zeros(ND_SHAPE(5, 3), .dtype = ND_INT32); DONE_INT(nd_fill_diagonal(t1, 4, true)); }
    else if (IS("fill_diag")) { t1 = nd_zeros(ND_SHAPE(5, 3), .dtype = ND_INT32); t2 = IV(1, 2); DONE_INT(nd_fill_diagonal_array(t1, t2, false)); }
    else if (IS("fill_diag3")) { t1 = nd_zeros(ND_SHAPE(3, 3, 3)); DONE_INT(nd_fill_diagonal(t1, 2.5, false)); }
    else if (!strncmp(id, "tril_indices", 12)) { if (nd_tril_indices(4, &o[0], &o[1], .k = -1, .m = 3) == 0) { r = o[id[13] == 'c']; nd_free(o[id[13] != 'c']); } }
    else if (!strncmp(id, "triu_indices", 12)) { if (nd_triu_indices(3, &o[0], &o[1], .k = 1) == 0) { r = o[id[13] == 'c']; nd_free(o[id[13] != 'c']); } }
    else if (IS("unravel_C")) { if (nd_unravel_index(t1 = IV(22, 41, 37), ND_SHAPE(7, 6), 'C', o) == 2) { r = o[0]; nd_free(o[1]); } }
    else if (IS("unravel_F")) { if (nd_unravel_index(t1 = IV(22, 41, 37), ND_SHAPE(7, 6), 'F', o) == 2) { r = o[1]; nd_free(o[0]); } }
    else if (IS("unravel_bad")) { if (nd_unravel_index(t1 = IV(42), ND_SHAPE(7, 6), 'C', o) == 2) { r = o[1]; nd_free(o[0]); } }
    else if (!strncmp(id, "ravel_multi", 11)) {
        bool big = IS("ravel_multi_clip") || IS("ravel_multi_modes") ;
        t1 = big ? IV(3, 9, -6) : IS("ravel_multi_raise") ? IV(3, 9) : IV(3, 6, 6);
        t2 = IS("ravel_multi_modes") ? IV(4, 8, 1) : IS("ravel_multi_raise") ? IV(4, 5) : IV(4, 5, 1);
        const nd_array *mi[2] = { t1, t2 };
        if (IS("ravel_multi")) r = nd_ravel_multi_index(2, mi, ND_SHAPE(7, 6));
        else if (IS("ravel_multi_F")) r = nd_ravel_multi_index(2, mi, ND_SHAPE(7, 6), .order = 'F');
        else if (IS("ravel_multi_clip")) r = nd_ravel_multi_index(2, mi, ND_SHAPE(7, 6), .mode = ND_CLIPMODE_CLIP);
        else if (IS("ravel_multi_modes")) r = nd_ravel_multi_index(2, mi, ND_SHAPE(7, 6), .modes = (nd_clipmode[]){ ND_CLIPMODE_WRAP, ND_CLIPMODE_CLIP });
        else r = nd_ravel_multi_index(2, mi, ND_SHAPE(7, 6));
    }
    else if (IS("indices")) { if (nd_indices(ND_SHAPE(2, 3), o) == 1) r = o[0]; }
    else if (IS("indices_sparse1")) { if (nd_indices(ND_SHAPE(2, 3), o, .sparse = true) == 2) { r = o[1]; nd_free(o[0]); } }
    else if (!strncmp(id, "meshgrid", 8)) {
        t1 = nd_arange(0, 3, 1); t2 = nd_arange(0.0, 2.0, 1.0); t3 = nd_arange(0, 2, 1);
        const nd_array *xi[3] = { t1, t2, t3 };
        int n = IS("meshgrid_sparse1") ? 3 : 2, want = IS("meshgrid_xy1") || IS("meshgrid_sparse1");
        if (nd_meshgrid(n, xi, o, .indexing = IS("meshgrid_ij0") ? 'i' : 'x', .sparse = IS("meshgrid_sparse1")) == 0) {
            r = o[want];
            for (int k = 0; k < n; k++) if (k != want) nd_free(o[k]);
        }
    }
    else if (IS("ix0") || IS("ix1")) { t1 = IV(0, 1); t2 = BV(1, 0, 1); if (nd_ix(2, ((const nd_array *[]){ t1, t2 }), o) == 0) { r = o[id[2] - '0']; nd_free(o[1 - (id[2] - '0')]); } }
    else if (IS("mgrid")) r = nd_mgrid("0:2, 1:4:2");
    else if (IS("mgrid_c")) r = nd_mgrid("-1:1:5j");
    else if (IS("mgrid_f")) r = nd_mgrid("0:1:0.25, 0:2");
    else if (IS("ogrid1")) { if (nd_ogrid("0:2, 1:4:2", o) == 2) { r = o[1]; nd_free(o[0]); } }
    else if (IS("sliding")) { t1 = nd_arange(0, 6, 1); r = nd_sliding_window_view(t1, ND_SHAPE(3)); }
    else if (IS("sliding_axis")) r = nd_sliding_window_view(a2, ND_SHAPE(2), .axis = ND_AXIS(1));
    else if (IS("sliding_2d")) r = nd_sliding_window_view(a2, ND_SHAPE(2, 2));
    else if (IS("sliding_big")) r = nd_sliding_window_view(a2, ND_SHAPE(4, 2));
    else if (IS("sliding_none")) r = nd_sliding_window_view(a2, ND_SHAPE(2));
    else if (IS("as_strided")) { t1 = nd_arange(0, 10, 1); r = nd_as_strided(t1, ND_SHAPE(4, 3), ND_STRIDES(16, 8)); }
    else if (IS("piecewise")) {
        t1 = nd_arange(-3.0, 4.0, 1.0);
        t2 = cmp_mask(t1, 0, false); t3 = cmp_mask(t1, 1, true);
        nd_piece f[3] = { { neg_fn, NULL, { 0 } }, { ten_fn, NULL, { 0 } }, { NULL, NULL, nd_value_double(0.5) } };
        r = nd_piecewise(t1, 2, ((const nd_array *[]){ t2, t3 }), 3, f);
    } else {
        s = malloc(64);
        snprintf(s, 64, "(no C case)");
    }
    if (!s) s = result(r);
    nd_free(a2); nd_free(a3); nd_free(t1); nd_free(t2); nd_free(t3);
    return s;
}

/* ------------------------------------------------------------ golden file */

static void golden(void) {
    char *text = check_read_file(ND_GOLDEN_DIR "/index/index_cases.txt", NULL);
    CHECK(text != NULL);
    if (!text) return;
    int lines = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char *f[5] = { 0 };
        int nf = 0;
        for (char *p = line; nf < 5; ) {
            f[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab) break;
            *tab = 0;
            p = tab + 1;
        }
        char what[512];
        lines++;
        if (!strcmp(f[0], "get") && nf == 4) {
            nd_array *a = make(f[1]);
            snprintf(what, sizeof what, "%s[%s]", f[1], f[2]);
            expect(what, result(nd_get(a, f[2])), f[3]);
            nd_free(a);
        } else if (!strcmp(f[0], "set") && nf == 5) {
            nd_array *a0 = make(f[1]), *a = (!strcmp(f[1], "t2") || !strcmp(f[1], "r1")) ? nd_ref(a0) : nd_copy(a0, 'C');
            snprintf(what, sizeof what, "%s[%s] = %s", f[1], f[2], f[3]);
            int rc = strchr(f[3], '.') ? nd_set_value(a, f[2], atof(f[3])) : nd_set_value(a, f[2], atoll(f[3]));
            expect(what, rc < 0 ? fmt_err() : fmt(a), f[4]);
            nd_free(a); nd_free(a0);
        } else if (!strcmp(f[0], "fn") && nf == 3) {
            expect(f[1], run_fn(f[1]), f[2]);
        } else {
            CHECK_MSG(0, "bad golden line %d", lines);
        }
    }
    CHECK(lines > 200);
    free(text);
}

/* ------------------------------------------------------------ C-only parts */

static void placeholders(void) {
    nd_array *a = make("a3"), *idx = IV(2, 0), *m = BV(1, 0);
    nd_array *r = nd_get(a, "%a, %d:%ld, %a", m, 1, 3L, idx);      /* a[[T,F], 1:3, [2,0]] */
    CHECK(r && nd_ndim(r) == 2 && nd_shape(r)[0] == 2 && nd_shape(r)[1] == 2);
    if (r) { CHECK_EQ_INT(nd_item_int(r, ND_IDX(0, 0)), 6); CHECK_EQ_INT(nd_item_int(r, ND_IDX(1, 1)), 8); }
    nd_free(r);
    nd_array *basic = nd_get(a, "%lld, ..., %zd", 1LL, (ptrdiff_t)-1);  /* view a[1, ..., -1] */
    CHECK(basic && nd_base(basic) == nd_base(a) && nd_item_int(basic, ND_IDX(2)) == 23);
    nd_free(basic);
    /* structured form */
    nd_array *s = nd_index_get(a, 3, (nd_index[]){ ND_I(1), ND_A(idx), ND_S(0, 4, 3) });
    CHECK(s && nd_ndim(s) == 2 && nd_item_int(s, ND_IDX(0, 1)) == 23 && nd_item_int(s, ND_IDX(1, 0)) == 12);
    nd_free(s);
    /* set: the value comes first, then the placeholder arguments */
    nd_array *b = nd_copy(a, 'C'), *v = ND_ARRAY(long, ND_SHAPE(2), -1, -2);
    CHECK_EQ_INT(nd_set(b, "0, %a, %d", v, idx, 3), 0);
    CHECK_EQ_INT(nd_item_int(b, ND_IDX(0, 2, 3)), -1);
    CHECK_EQ_INT(nd_item_int(b, ND_IDX(0, 0, 3)), -2);
    CHECK_EQ_INT(nd_set_value(b, "%a", 5.9, m), 0);
    CHECK_EQ_INT(nd_item_int(b, ND_IDX(0, 1, 1)), 5);
    CHECK_EQ_INT(nd_item_int(b, ND_IDX(1, 1, 1)), 17);
    /* a[idx] = a[...] overlapping */
    nd_array *c = nd_arange(0, 6, 1);
    nd_array *src = nd_get(c, ":3");
    CHECK_EQ_INT(nd_set(c, "[1, 2, 3]", src), 0);
    CHECK_EQ_INT(nd_item_int(c, ND_IDX(3)), 2);
    CHECK_EQ_INT(nd_item_int(c, ND_IDX(1)), 0);
    nd_free(src); nd_free(c);
    /* errors */
    CHECK_ERR(nd_get(a, "%a", NULL), ND_ERR_VALUE, "must not be NULL");
    nd_array *f = ND_ARRAY(double, ND_SHAPE(1), 1.0);
    CHECK_ERR(nd_get(a, "%a", f), ND_ERR_INDEX, "arrays used as indices must be of integer (or boolean) type");
    CHECK_ERR(nd_get(a, "[1, [2]]"), ND_ERR_VALUE, "inhomogeneous");
    CHECK_ERR(nd_get(a, "[1, 2"), ND_ERR_INDEX, "only integers");
    CHECK_ERR(nd_index_get(a, 1, (nd_index[]){ ND_A(NULL) }), ND_ERR_VALUE, NULL);
    nd_array *ro = nd_broadcast_to(idx, ND_SHAPE(3, 2));
    CHECK_ERR(nd_set_value(ro, "[0]", 1), ND_ERR_VALUE, "assignment destination is read-only");
    CHECK_ERR(nd_set(b, "[0, 1]", v, 0), ND_ERR_VALUE, "shape mismatch: value array of shape (2,) could not be broadcast to indexing result of shape (2,3,4)");
    nd_array *v3 = IV(1, 2, 3), *mm = BV(1, 1, 0, 0, 0, 0, 0, 0, 0, 0);
    nd_array *ten = nd_arange(0, 10, 1);
    CHECK_ERR(nd_set(ten, "%a", v3, mm), ND_ERR_VALUE, "NumPy boolean array indexing assignment cannot assign 3 input values to the 2 output values where the mask is true");
    nd_free(ten); nd_free(v3); nd_free(mm);
    nd_free(ro); nd_free(f); nd_free(b); nd_free(v); nd_free(a); nd_free(idx); nd_free(m);
}

static void views_and_strides(void) {
    nd_array *a = nd_arange(0, 10, 1);
    /* as_strided: in bounds is a view; outside is refused unless unchecked */
    nd_array *v = nd_as_strided(a, ND_SHAPE(5, 2), ND_STRIDES(16, 8));
    CHECK(v && nd_base(v) == a && nd_is_writeable(v));
    nd_free(v);
    CHECK_ERR(nd_as_strided(a, ND_SHAPE(5, 3), ND_STRIDES(16, 8)), ND_ERR_VALUE, "outside");
    CHECK_ERR(nd_as_strided(a, ND_SHAPE(2), ND_STRIDES(-8)), ND_ERR_VALUE, "outside");
    nd_array *tail = nd_get(a, "5:");
    v = nd_as_strided(tail, ND_SHAPE(2), ND_STRIDES(-8));  /* reaches back into a's memory: fine */
    CHECK(v && nd_item_int(v, ND_IDX(1)) == 4);
    nd_free(v);
    v = nd_as_strided(tail, ND_SHAPE(3), ND_STRIDES(0), .readonly = true);
    CHECK(v && !nd_is_writeable(v) && nd_item_int(v, ND_IDX(2)) == 5);
    nd_free(v);
    v = nd_as_strided(a, ND_SHAPE(0, 100), ND_STRIDES(800, 8));
    CHECK(v && nd_size(v) == 0);
    nd_free(v);
    v = nd_as_strided(a, ND_SHAPE(20), ND_STRIDES(8), .unchecked = true);
    CHECK(v && nd_shape(v)[0] == 20);
    nd_free(v);
    CHECK_ERR(nd_as_strided(a, ND_SHAPE(2), ND_STRIDES(INT64_MAX)), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_as_strided(a, ND_SHAPE(-1), ND_STRIDES_KEEP), ND_ERR_VALUE, NULL);
    nd_free(tail);
    /* sliding_window_view: read-only view */
    nd_array *w = nd_sliding_window_view(a, ND_SHAPE(3));
    CHECK(w && !nd_is_writeable(w) && nd_base(w) == a);
    CHECK_ERR(nd_set_value(w, "0, 0", 1), ND_ERR_VALUE, "read-only");
    nd_free(w);
    CHECK_ERR(nd_sliding_window_view(a, ND_SHAPE(-1)), ND_ERR_VALUE, "`window_shape` cannot contain negative values");
    CHECK_ERR(nd_sliding_window_view(a, ND_SHAPE(2, 2), .axis = ND_AXIS(0)), ND_ERR_VALUE,
              "Must provide matching length window_shape and axis; got 2 window_shape elements and 1 axes elements.");
    /* diagonal: read-only view */
    nd_array *m = nd_reshape(a, ND_SHAPE(2, 5)), *d = nd_diagonal(m);
    CHECK(d && !nd_is_writeable(d) && nd_base(d) == a);
    CHECK_ERR(nd_diagonal(a), ND_ERR_VALUE, "diag requires an array of at least two dimensions");
    CHECK_ERR(nd_diagonal(m, .axes = ND_AXIS(1, -1)), ND_ERR_VALUE, "axis1 and axis2 cannot be the same");
    CHECK_ERR(nd_diagonal(m, .axes = ND_AXIS(0, 2)), ND_ERR_AXIS, NULL);
    nd_free(d); nd_free(m); nd_free(a);
}

static void edge_cases(void) {
    /* empty selections keep dtype and trailing shape */
    nd_array *a = make("d_float32"), *none = BV(0, 0);
    nd_array *r = nd_get(a, "%a", none);
    CHECK(r && nd_shape(r)[0] == 0 && nd_shape(r)[1] == 3 && nd_dtype(r) == ND_FLOAT32);
    nd_free(r);
    /* every integer index dtype */
    const nd_dtype_t *its[] = { ND_INT8, ND_UINT8, ND_INT16, ND_UINT16, ND_INT32, ND_UINT32, ND_UINT64 };
    nd_array *i64 = IV(1, 0);
    for (int k = 0; k < 7; k++) {
        nd_array *ix = nd_astype(i64, its[k]);
        r = nd_get(a, "%a, 2, 3", ix);
        CHECK(r && nd_shape(r)[0] == 2 && nd_item_double(r, ND_IDX(0)) == 8.5);
        nd_free(r); nd_free(ix);
    }
    nd_free(i64);
    /* put/take on a non-contiguous array */
    nd_array *t = nd_T(a), *ix = IV(-1, 0);
    r = nd_take(t, ix, .axis = ND_AXIS(0));            /* a.T[[-1, 0]]: shape (2, 3, 2) */
    CHECK(r && nd_shape(r)[0] == 2 && nd_item_double(r, ND_IDX(0, 2, 1)) == 8.5);
    nd_free(r);
    nd_free(ix); nd_free(t); nd_free(none); nd_free(a);
    /* nonzero on 0-d is NumPy 2's error */
    nd_array *z = nd_full(ND_SHAPE0, 1), *o[1];
    CHECK_ERR(nd_nonzero(z, o), ND_ERR_VALUE, "Calling nonzero on 0d arrays is not allowed");
    nd_free(z);
    /* NULL arguments never crash */
    CHECK_ERR(nd_take(NULL, NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_where(NULL, NULL, NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_mgrid("0:"), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_mgrid(NULL), ND_ERR_VALUE, NULL);
}

int main(void) {
    golden();
    placeholders();
    views_and_strides();
    edge_cases();
    return check_done();
}
