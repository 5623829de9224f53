/* unique and the set routines against NumPy: tests/golden/sets/sets.npys holds, case by
 * case, a label and NumPy's result(s) (or its exception and message), made by
 * make_sets.py.  This file performs the same cases in the same order, then checks what
 * golden files cannot (options, NULL arguments, errors).
 *
 * NumPy 2.x semantics where 1.24 differs (the script applies them): unique's inverse
 * has the input's shape for axis=None (1-d with an axis); unique_all / unique_counts /
 * unique_inverse / unique_values keep NaNs distinct (equal_nan=False). */
#include "golden.h"

#include <math.h>

static nd_array *mk(nd_shape_t shape, const char *code) {
    int64_t n = 1;
    for (int i = 0; i < shape.ndim; i++) n *= shape.dims[i];
    const nd_dtype_t *d = dt_of(code);
    if (!d) { /* S3 / U3: the integers as text */
        char (*buf)[8] = malloc((size_t)(n ? n : 1) * 8);
        const char **p = malloc((size_t)(n ? n : 1) * sizeof *p);
        for (int64_t i = 0; i < n; i++) { snprintf(buf[i], 8, "%d", (int)((i * 7 + 3) % 5)); p[i] = buf[i]; }
        nd_array *r = nd_from_strings(p, shape, code[0], 3);
        free(buf);
        free(p);
        return r;
    }
    char k = nd_dtype_kind(d);
    double *v = malloc((size_t)(n ? n : 1) * sizeof *v);
    for (int64_t i = 0; i < n; i++) {
        double x = (double)((i * 7 + 3) % 5);
        v[i] = k == 'i' ? x - 2 : (k == 'f' || k == 'c') ? x * 0.5 - 1 : k == 'b' ? fmod(x, 2) : x;
    }
    nd_array *a = nd_from_data(v, shape, ND_FLOAT64);
    free(v);
    nd_array *r = nd_astype(a, d);
    nd_free(a);
    return r;
}

/* Several results: the golden file has their count, then each. */
static void expect_n(const char *name, bool ok, int n, nd_array **res) {
    ncases++;
    if (!read_label(name)) exit(1);
    nd_array *exp = nd_load_file(G);
    if (!error_case(exp, !ok, name)) {
        int64_t want = *(int64_t *)nd_data(exp);
        check_count_++;
        if (!ok || n != want) {
            check_failures_++;
            fprintf(stderr, "case [%s]: %d results, expected %lld (%s)\n", name, ok ? n : -1, (long long)want,
                    nd_error_message());
        }
        for (int64_t i = 0; i < want; i++) {
            nd_array *e = nd_load_file(G);
            check_count_++;
            if (ok && i < n && !same_array(res[i], e, name)) check_failures_++;
            nd_free(e);
        }
    }
    nd_free(exp);
    for (int i = 0; i < n; i++) nd_free(res[i]);
    nd_error_clear();
}

/* unique with every extra result */
static void expect_unique_all(const char *name, nd_array *a, nd_axes axis, bool equal_nan) {
    nd_array *r[4] = { 0 };
    r[0] = nd_unique(a, .index = &r[1], .inverse = &r[2], .counts = &r[3], .axis = axis, .no_equal_nan = !equal_nan);
    expect_n(name, r[0] != NULL, 4, r);
}

static const char *const DTYPES[] = { "b1", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8",
                                      "f2", "f4", "f8", "c8", "c16", "S3", "U3" };

static void golden(void) {
    char name[128];
    for (size_t t = 0; t < sizeof DTYPES / sizeof *DTYPES; t++) {
        const char *dt = DTYPES[t];
        nd_array *a = mk(ND_SHAPE(3, 4), dt), *b6 = mk(ND_SHAPE(6), dt), *b = nd_get(b6, "1:4");
        snprintf(name, sizeof name, "unique %s", dt);
        expect(name, nd_unique(a));
        snprintf(name, sizeof name, "unique all %s", dt);
        expect_unique_all(name, a, ND_AXIS_NONE, true);
        nd_array *rev = nd_get(a, ":, ::-1");
        nd_array *r[4] = { 0 };
        r[0] = nd_unique(rev, .inverse = &r[1], .counts = &r[2]);
        snprintf(name, sizeof name, "unique rev %s", dt);
        expect_n(name, r[0] != NULL, 3, r);
        snprintf(name, sizeof name, "unique ax0 %s", dt);
        expect_unique_all(name, a, ND_AXIS(0), true);
        snprintf(name, sizeof name, "unique ax1 %s", dt);
        expect_unique_all(name, a, ND_AXIS(1), true);
        snprintf(name, sizeof name, "isin %s", dt);
        expect(name, nd_isin(a, b));
        nd_array *ar = nd_get(a, "::-1");
        snprintf(name, sizeof name, "isin inv %s", dt);
        expect(name, nd_isin(ar, b, .invert = true));
        r[0] = nd_intersect1d(a, b, .indices1 = &r[1], .indices2 = &r[2]);
        snprintf(name, sizeof name, "intersect %s", dt);
        expect_n(name, r[0] != NULL, 3, r);
        nd_array *ua = nd_unique(a), *ub = nd_unique(b), *uar = nd_get(ua, "::-1");
        snprintf(name, sizeof name, "intersect u %s", dt);
        expect(name, nd_intersect1d(ua, ub, .assume_unique = true));
        snprintf(name, sizeof name, "union %s", dt);
        expect(name, nd_union1d(a, b));
        snprintf(name, sizeof name, "setdiff %s", dt);
        expect(name, nd_setdiff1d(a, b));
        snprintf(name, sizeof name, "setdiff u %s", dt);
        expect(name, nd_setdiff1d(uar, ub, .assume_unique = true));
        snprintf(name, sizeof name, "setxor %s", dt);
        expect(name, nd_setxor1d(a, b));
        snprintf(name, sizeof name, "setxor u %s", dt);
        expect(name, nd_setxor1d(ua, ub, .assume_unique = true));
        nd_free(ua); nd_free(ub); nd_free(uar); nd_free(ar); nd_free(rev);
        nd_free(a); nd_free(b6); nd_free(b);
    }
    const char *fl[] = { "f2", "f4", "f8", "c8", "c16" };
    for (int t = 0; t < 5; t++) {
        nd_array *x = mk(ND_SHAPE(10), fl[t]);
        nd_set_value(x, "1", NAN);
        nd_set_value(x, "4", NAN);
        nd_set_value(x, "7", NAN);
        if (fl[t][0] == 'c') {
            nd_set_value(x, "4", nd_value_complex(1, NAN));
            nd_set_value(x, "7", nd_value_complex(NAN, 2));
        }
        snprintf(name, sizeof name, "nan unique %s", fl[t]);
        expect_unique_all(name, x, ND_AXIS_NONE, true);
        snprintf(name, sizeof name, "nan unique noeq %s", fl[t]);
        expect_unique_all(name, x, ND_AXIS_NONE, false);
        nd_array *xr = nd_get(x, "::-1"), *x5 = nd_get(x, ":5");
        snprintf(name, sizeof name, "nan isin %s", fl[t]);
        expect(name, nd_isin(x, xr));
        snprintf(name, sizeof name, "nan intersect %s", fl[t]);
        expect(name, nd_intersect1d(x, x5));
        snprintf(name, sizeof name, "nan setxor %s", fl[t]);
        expect(name, nd_setxor1d(x, x5));
        nd_free(x); nd_free(xr); nd_free(x5);
    }
    nd_array *rows = ND_ARRAY(double, ND_SHAPE(7, 2), 1.0, NAN, -1, 2, 1, NAN, -0.0, 3, 0.0, 3, -1, -2, NAN, 0);
    expect_unique_all("rows nan", rows, ND_AXIS(0), true);
    nd_array *m3 = mk(ND_SHAPE(2, 3, 2), "i4"), *m3b = nd_remainder(m3, 2);
    expect_unique_all("rows 3d", m3b, ND_AXIS(1), true);
    nd_array *z30 = nd_zeros(ND_SHAPE(3, 0)), *z03 = nd_zeros(ND_SHAPE(0, 3));
    nd_array *r[4] = { 0 };
    r[0] = nd_unique(z30, .axis = ND_AXIS(0), .inverse = &r[1], .counts = &r[2]);
    expect_n("rows zero cols", r[0] != NULL, 3, r);
    r[0] = nd_unique(z03, .axis = ND_AXIS(0), .inverse = &r[1], .counts = &r[2]);
    expect_n("rows zero rows", r[0] != NULL, 3, r);
    nd_free(rows); nd_free(m3); nd_free(m3b); nd_free(z30); nd_free(z03);

    nd_array *five = ND_ARRAY(long, ND_SHAPE0, 5), *z02 = nd_zeros(ND_SHAPE(0, 2));
    expect_unique_all("unique 0d", five, ND_AXIS_NONE, true);
    expect_unique_all("unique empty", z02, ND_AXIS_NONE, true);
    nd_array *i4 = mk(ND_SHAPE(4), "i8"), *f4 = mk(ND_SHAPE(4), "f8");
    nd_array *ei = nd_zeros(ND_SHAPE(0), .dtype = ND_INT64), *ef = nd_zeros(ND_SHAPE(0));
    expect("isin empty test", nd_isin(i4, ei));
    expect("isin empty test inv", nd_isin(f4, ef, .invert = true));
    nd_array *two = ND_ARRAY(double, ND_SHAPE0, 2.0);
    expect("isin 0d", nd_isin(two, f4));
    expect("setxor empty", nd_setxor1d(ef, ef));
    nd_array *e32 = nd_zeros(ND_SHAPE(0), .dtype = ND_INT32), *i3 = mk(ND_SHAPE(3), "i4");
    r[0] = nd_intersect1d(e32, i3, .indices1 = &r[1], .indices2 = &r[2]);
    expect_n("intersect empty", r[0] != NULL, 3, r);
    nd_free(five); nd_free(z02); nd_free(i4); nd_free(f4); nd_free(ei); nd_free(ef); nd_free(two);
    nd_free(e32); nd_free(i3);

    nd_array *i23 = mk(ND_SHAPE(2, 3), "i8"), *fv = ND_ARRAY(double, ND_SHAPE(3), 0.0, 1.5, 2.0);
    expect("isin int float", nd_isin(i23, fv));
    nd_array *a8 = ND_ARRAY(signed char, ND_SHAPE(2), 1, -3), *b32 = ND_ARRAY(float, ND_SHAPE(2), 2.5f, 1.0f);
    expect("union i1 f4", nd_union1d(a8, b32));
    nd_array *u8 = ND_ARRAY(unsigned char, ND_SHAPE(3), 0, 2, 5), *s8 = ND_ARRAY(signed char, ND_SHAPE(2), -1, 2);
    expect("isin u8 i8", nd_isin(u8, s8));
    const char *sa[] = { "a", "bc" }, *sb[] = { "bc", "d" };
    nd_array *S = nd_from_strings(sa, ND_SHAPE(2), 'S', 0), *U = nd_from_strings(sb, ND_SHAPE(2), 'U', 0);
    expect("intersect S U", nd_intersect1d(S, U));
    nd_array *bigk = ND_ARRAY(long, ND_SHAPE(4), 0, 1000000000000L, 5, -7);
    nd_array *bigt = ND_ARRAY(long, ND_SHAPE(3), 1000000000000L, -7, 3);
    expect("isin big range", nd_isin(bigk, bigt));
    nd_array *k20 = mk(ND_SHAPE(20), "i4"), *t16 = ND_ARRAY(short, ND_SHAPE(3), 0, 1, -2);
    expect("isin table", nd_isin(k20, t16, .kind = ND_ISIN_TABLE));
    nd_array *f3 = mk(ND_SHAPE(3), "f8");
    expect("isin table float", nd_isin(f3, f3, .kind = ND_ISIN_TABLE));
    nd_free(i23); nd_free(fv); nd_free(a8); nd_free(b32); nd_free(u8); nd_free(s8); nd_free(S); nd_free(U);
    nd_free(bigk); nd_free(bigt); nd_free(k20); nd_free(t16); nd_free(f3);

    nd_array *u = mk(ND_SHAPE(2, 5), "f8");
    nd_set_value(u, "0, 1", NAN);
    nd_set_value(u, "1, 3", NAN);
    nd_unique_result ur;
    int rc = nd_unique_all(u, &ur);
    r[0] = ur.values; r[1] = ur.indices; r[2] = ur.inverse_indices; r[3] = ur.counts;
    expect_n("unique_all", rc == 0, 4, r);
    rc = nd_unique_counts(u, &ur);
    CHECK(ur.indices == NULL && ur.inverse_indices == NULL);
    r[0] = ur.values; r[1] = ur.counts;
    expect_n("unique_counts", rc == 0, 2, r);
    rc = nd_unique_inverse(u, &ur);
    r[0] = ur.values; r[1] = ur.inverse_indices;
    expect_n("unique_inverse", rc == 0, 2, r);
    expect("unique_values", nd_unique_values(u));
    nd_free(u);
}

static void extra(void) {
    nd_array *a = mk(ND_SHAPE(3, 4), "i4");
    nd_array *ix = (nd_array *)1;
    CHECK_ERR(nd_unique(a, .axis = ND_AXIS(2), .index = &ix), ND_ERR_AXIS, "axis 2 is out of bounds for array of dimension 2");
    CHECK(ix == NULL);
    CHECK_ERR(nd_unique(NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_isin(a, NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_intersect1d(NULL, a), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_union1d(a, NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_setdiff1d(NULL, a), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_setxor1d(a, NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_unique_all(a, NULL), ND_ERR_VALUE, NULL);
    nd_unique_result_free(NULL);
    const char *s[] = { "x" };
    nd_array *S = nd_from_strings(s, ND_SHAPE(1), 'S', 0);
    nd_array *rs = nd_isin(a, S); /* compared as strings (common dtype S11), as NumPy */
    CHECK(rs && nd_size(rs) == 12);
    nd_free(rs);
    nd_free(S);
    /* the inverse rebuilds the input: a == values[inverse] (NumPy 2 shape) */
    nd_array *inv = NULL;
    nd_array *v = nd_unique(a, .inverse = &inv);
    CHECK(v && inv && nd_ndim(inv) == 2);
    nd_array *back = v && inv ? nd_get(v, "%a", inv) : NULL;
    CHECK(back && nd_array_equal(back, a));
    nd_free(back); nd_free(v); nd_free(inv);
    /* a large isin through the search path and the table path agree */
    nd_array *big = nd_arange(0, 100000, 1), *t = nd_arange(-50, 200000, 7);
    nd_array *r1 = nd_isin(big, t, .kind = ND_ISIN_SORT), *r2 = nd_isin(big, t, .kind = ND_ISIN_TABLE);
    CHECK(r1 && r2 && nd_array_equal(r1, r2));
    nd_array *cnt = r1 ? nd_count_nonzero(r1) : NULL;
    CHECK(cnt && nd_item_int(cnt, ND_IDX()) == 14285);
    nd_free(cnt); nd_free(r1); nd_free(r2); nd_free(big); nd_free(t);
    nd_free(a);
}

int main(void) {
    G = fopen(ND_GOLDEN_DIR "/sets/sets.npys", "rb");
    if (!G) { fprintf(stderr, "missing golden file\n"); return 1; }
    golden();
    fclose(G);
    fprintf(stderr, "%d golden cases\n", ncases);
    extra();
    return check_done();
}
