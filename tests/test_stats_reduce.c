/* Statistics on reductions (mean, var, std, argmax/argmin, ptp, count_nonzero, the nan
 * family) against NumPy golden data (tests/golden/ufunc/make_stats.py -> stats.txt):
 * every dtype, axis None / one / several / negative, keepdims, ddof, dtype, strided and
 * negative-stride views, 0-d, empty and all-NaN inputs.  Then out=, where=, errors,
 * floating-point flags, and the fast min/max/sum paths against a naive reference. */
#include "check.h"

#include <math.h>
#include <stdint.h>

#define MAXIN 128

static struct { char id[48]; nd_array *a; } inputs[MAXIN];
static int ninputs;

static int parse_shape(char *txt, int64_t *dims) {
    if (!strcmp(txt, "-")) return 0;
    int n = 0;
    for (char *t = strtok(txt, ","); t; t = strtok(NULL, ",")) dims[n++] = strtoll(t, NULL, 10);
    return n;
}

static nd_value parse_value(const nd_dtype_t *d, const char *tok) {
    char kind = nd_dtype_kind(d);
    if (kind == 'b') return nd_value_bool(tok[0] == '1');
    if (kind == 'i') return nd_value_int(strtoll(tok, NULL, 10));
    if (kind == 'u') return nd_value_uint(strtoull(tok, NULL, 10));
    char *e;
    double re = strtod(tok, &e);
    if (kind == 'c') return nd_value_complex(re, strtod(e + 1, NULL));
    return nd_value_double(re);
}

/* Split s at '|' into at most cap fields (the last one takes the rest). */
static int fields(char *s, char **f, int cap) {
    int n = 0;
    f[n++] = s;
    while (n < cap && (s = strchr(s, '|'))) { *s++ = 0; f[n++] = s; }
    return n;
}

static nd_array *make_array(const char *dtname, char *shape_txt, char *values) {
    const nd_dtype_t *d = nd_dtype_parse(dtname);
    int64_t dims[ND_MAXDIMS];
    int nd = parse_shape(shape_txt, dims);
    nd_shape_t sh = { nd, dims };
    nd_array *a = nd_zeros(sh, .dtype = d);
    nd_array *flat = a ? nd_reshape(a, ND_SHAPE(-1)) : NULL;
    int64_t i = 0;
    for (char *t = strtok(values, " "); t && flat; t = strtok(NULL, " "), i++)
        nd_itemset_ex(flat, ND_IDX(i), parse_value(d, t));
    nd_free(flat);
    nd_dtype_free(d);
    return a;
}

static nd_array *input(const char *id) {
    for (int k = 0; k < ninputs; k++)
        if (!strcmp(inputs[k].id, id)) return inputs[k].a;
    return NULL;
}

static nd_axes parse_axes(char *txt) {
    nd_axes ax = { 0 };
    if (!strcmp(txt, "N")) return ax;
    for (char *t = strtok(txt, ","); t; t = strtok(NULL, ",")) ax.v[ax.n++] = atoi(t);
    return ax;
}

static nd_array *run(const char *f, const nd_array *a, nd_axes ax, bool kd, double ddof, const nd_dtype_t *dt) {
    nd_reduce_opts ro = { .axis = ax, .keepdims = kd, .dtype = dt };
    nd_var_opts vo = { .axis = ax, .keepdims = kd, .dtype = dt, .ddof = ddof };
    nd_arg_opts ao = { .axis = ax, .keepdims = kd };
    nd_accumulate_opts co = { .axis = ax, .dtype = dt };
    nd_count_nonzero_opts cn = { .axis = ax, .keepdims = kd };
    if (!strcmp(f, "mean")) return nd_mean_ex(a, &ro);
    if (!strcmp(f, "var")) return nd_var_ex(a, &vo);
    if (!strcmp(f, "std")) return nd_std_ex(a, &vo);
    if (!strcmp(f, "nanvar")) return nd_nanvar_ex(a, &vo);
    if (!strcmp(f, "nanstd")) return nd_nanstd_ex(a, &vo);
    if (!strcmp(f, "ptp")) return nd_ptp_ex(a, &ro);
    if (!strcmp(f, "nansum")) return nd_nansum_ex(a, &ro);
    if (!strcmp(f, "nanprod")) return nd_nanprod_ex(a, &ro);
    if (!strcmp(f, "nanmean")) return nd_nanmean_ex(a, &ro);
    if (!strcmp(f, "nanmin")) return nd_nanmin_ex(a, &ro);
    if (!strcmp(f, "nanmax")) return nd_nanmax_ex(a, &ro);
    if (!strcmp(f, "count_nonzero")) return nd_count_nonzero_ex(a, &cn);
    if (!strcmp(f, "argmax")) return nd_argmax_ex(a, &ao);
    if (!strcmp(f, "argmin")) return nd_argmin_ex(a, &ao);
    if (!strcmp(f, "nanargmax")) return nd_nanargmax_ex(a, &ao);
    if (!strcmp(f, "nanargmin")) return nd_nanargmin_ex(a, &ao);
    if (!strcmp(f, "nancumsum")) return nd_nancumsum_ex(a, &co);
    if (!strcmp(f, "nancumprod")) return nd_nancumprod_ex(a, &co);
    if (!strcmp(f, "average")) return nd_average(a, .axis = ax, .keepdims = kd);
    if (!strcmp(f, "average_w")) return nd_average(a, .axis = ax, .keepdims = kd, .weights = input("wfull"));
    if (!strcmp(f, "average_w1")) return nd_average(a, .axis = ax, .keepdims = kd, .weights = input("w3"));
    if (!strcmp(f, "average_r")) {
        nd_array *sw = NULL;
        nd_array *r = nd_average(a, .axis = ax, .keepdims = kd, .weights = input("wfull"), .returned = &sw);
        nd_free(r);
        return r ? sw : NULL;
    }
    return NULL;
}

/* Element-wise comparison with a tolerance by dtype (integers and indices exact). */
static bool same_values(const nd_array *got, const nd_array *exp, const char *func) {
    int64_t n = nd_size(exp);
    nd_array *gc = nd_ascontiguousarray(got);
    nd_array *g = gc ? nd_reshape(gc, ND_SHAPE(-1)) : NULL;
    nd_free(gc);
    nd_array *e = nd_reshape((nd_array *)exp, ND_SHAPE(-1));
    char kind = nd_dtype_kind(nd_dtype(exp));
    int64_t isz = nd_dtype_itemsize(nd_dtype(exp));
    /* sums over few elements: a few ulp of the type */
    int64_t part = kind == 'c' ? isz / 2 : isz;
    double tol = kind == 'f' || kind == 'c' ? (part == 2 ? 4e-3 : part == 4 ? 2e-6 : 1e-13) : 0;
    (void)func;
    bool ok = g && e;
    for (int64_t i = 0; ok && i < n; i++) {
        nd_value a, b;
        if (nd_item(g, ND_IDX(i), &a) < 0 || nd_item(e, ND_IDX(i), &b) < 0) { ok = false; break; }
        if (kind == 'b') ok = a.v.b == b.v.b;
        else if (kind == 'i') ok = a.v.i == b.v.i;
        else if (kind == 'u') ok = a.v.u == b.v.u;
        else {
            double ar = kind == 'c' ? a.v.c.re : a.v.f, br = kind == 'c' ? b.v.c.re : b.v.f;
            double ai = kind == 'c' ? a.v.c.im : 0, bi = kind == 'c' ? b.v.c.im : 0;
            ok = ((isnan(ar) && isnan(br)) || ar == br || fabs(ar - br) <= tol * (1 + fabs(br))) &&
                 ((isnan(ai) && isnan(bi)) || ai == bi || fabs(ai - bi) <= tol * (1 + fabs(bi)));
        }
    }
    nd_free(g);
    nd_free(e);
    return ok;
}

static void test_golden(void) {
    char path[512];
    snprintf(path, sizeof path, "%s/ufunc/stats.txt", ND_GOLDEN_DIR);
    char *text = check_read_file(path, NULL);
    CHECK_MSG(text != NULL, "missing %s", path);
    if (!text) return;
    int ncases = 0;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *f[12];
        if (!strncmp(line, "IN|", 3)) {
            int n = fields(line, f, 5);
            if (n == 5 && ninputs < MAXIN) {
                snprintf(inputs[ninputs].id, sizeof inputs[ninputs].id, "%s", f[1]);
                inputs[ninputs++].a = make_array(f[2], f[3], f[4]);
            }
            continue;
        }
        if (fields(line, f, 11) != 11) continue;
        char desc[256];
        snprintf(desc, sizeof desc, "%s(%s[%s], axis=%s, keepdims=%s, ddof=%s, dtype=%s)", f[1], f[2], f[3], f[4],
                 f[5], f[6], f[7]);
        nd_array *a = input(f[2]);
        if (!a) { CHECK_MSG(0, "no input %s", f[2]); continue; }
        nd_array *v = strcmp(f[3], "-") ? nd_get(a, f[3]) : nd_ref(a);
        CHECK_MSG(v != NULL, "%s: index failed: %s", desc, nd_error_message());
        if (!v) continue;
        const nd_dtype_t *dt = strcmp(f[7], "-") ? nd_dtype_parse(f[7]) : NULL;
        nd_error_clear();
        nd_array *r = run(f[1], v, parse_axes(f[4]), f[5][0] == '1', strtod(f[6], NULL), dt);
        ncases++;
        if (!strcmp(f[8], "ERR")) {
            CHECK_MSG(r == NULL && !strcmp(nd_error_message(), f[10]), "%s: expected error [%s], got [%s]", desc, f[10],
                      r ? "a result" : nd_error_message());
        } else if (!r) {
            CHECK_MSG(0, "%s failed: %s", desc, nd_error_message());
        } else {
            nd_array *e = make_array(f[8], f[9], f[10]);
            bool shape_ok = nd_ndim(r) == nd_ndim(e) &&
                            !memcmp(nd_shape(r), nd_shape(e), sizeof(int64_t) * (size_t)nd_ndim(e));
            CHECK_MSG(!strcmp(nd_dtype_name(nd_dtype(r)), f[8]), "%s: dtype %s, expected %s", desc,
                      nd_dtype_name(nd_dtype(r)), f[8]);
            CHECK_MSG(shape_ok, "%s: wrong shape", desc);
            if (shape_ok) CHECK_MSG(same_values(r, e, f[1]), "%s: wrong values", desc);
            nd_free(e);
        }
        nd_free(r);
        nd_free(v);
        nd_dtype_free(dt);
    }
    free(text);
    CHECK(ncases > 3000);
    for (int k = 0; k < ninputs; k++) nd_free(inputs[k].a);
}

/* out=, where=, errors, flags */
static void test_options(void) {
    nd_array *a = nd_arange(0, 12, 1, .dtype = ND_FLOAT64);
    nd_array *m = nd_reshape(a, ND_SHAPE(3, 4));
    /* out= returns out itself */
    nd_array *out = nd_zeros(ND_SHAPE(4));
    CHECK(nd_mean(m, .axis = ND_AXIS(0), .out = out) == out);
    CHECK_NEAR(nd_item_double(out, ND_IDX(1)), 5.0, 0);
    CHECK(nd_std(m, .axis = ND_AXIS(0), .out = out) == out);
    CHECK_NEAR(nd_item_double(out, ND_IDX(0)), sqrt(32.0 / 3.0), 1e-15);
    nd_array *iout = nd_zeros(ND_SHAPE(3), .dtype = ND_INT64);
    CHECK(nd_argmax(m, .axis = ND_AXIS(1), .out = iout) == iout);
    CHECK_EQ_INT(nd_item_int(iout, ND_IDX(2)), 3);
    CHECK_ERR(nd_argmax(m, .axis = ND_AXIS(0), .out = iout), ND_ERR_VALUE, "output array does not match result of np.argmax");
    /* where=: np.mean(m, axis=1, where=[[T,F,T,F]]) -> [1, 5, 9] */
    nd_array *w = ND_ARRAY(bool, ND_SHAPE(1, 4), true, false, true, false);
    nd_array *r = nd_mean(m, .axis = ND_AXIS(1), .where = w);
    CHECK(r && nd_ndim(r) == 1);
    if (r) CHECK_NEAR(nd_item_double(r, ND_IDX(2)), 9.0, 0);
    nd_free(r);
    /* np.var(m, axis=1, where=w) -> [1, 1, 1] */
    r = nd_var(m, .axis = ND_AXIS(1), .where = w);
    if (r) CHECK_NEAR(nd_item_double(r, ND_IDX(1)), 1.0, 0);
    CHECK(r != NULL);
    nd_free(r);
    r = nd_nansum(m, .where = w, .initial = ND_VALUE(100));
    if (r) CHECK_NEAR(nd_item_double(r, ND_IDX()), 100.0 + 0 + 2 + 4 + 6 + 8 + 10, 0);
    CHECK(r != NULL);
    nd_free(r);
    /* errors */
    nd_array *e = nd_zeros(ND_SHAPE(0, 3));
    CHECK_ERR(nd_argmax(e), ND_ERR_VALUE, "attempt to get argmax of an empty sequence");
    CHECK_ERR(nd_argmin(e, .axis = ND_AXIS(0)), ND_ERR_VALUE, "attempt to get argmin of an empty sequence");
    CHECK_ERR(nd_mean(m, .axis = ND_AXIS(2)), ND_ERR_AXIS, "axis 2 is out of bounds for array of dimension 2");
    CHECK_ERR(nd_argmax(m, .axis = ND_AXIS(-3)), ND_ERR_AXIS, "axis -3 is out of bounds for array of dimension 2");
    CHECK_ERR(nd_var(m, .axis = ND_AXIS(0, 0)), ND_ERR_VALUE, "duplicate value in 'axis'");
    CHECK_ERR(nd_mean(NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_argmax(NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_nanargmax(NULL), ND_ERR_VALUE, NULL);
    /* mean of empty: NaN with the invalid flag (NumPy: RuntimeWarning) */
    r = nd_mean(e);
    CHECK(r && isnan(nd_item_double(r, ND_IDX())));
    nd_free(r);
    ND_ERRSTATE(.invalid = ND_FPE_RAISE) {
        CHECK_ERR(nd_mean(e), ND_ERR_FLOATING, "invalid value encountered in divide");
        nd_array *nn = nd_full(ND_SHAPE(2), NAN);
        CHECK_ERR(nd_nanmean(nn), ND_ERR_FLOATING, "invalid value");
        nd_free(nn);
    }
    nd_free(e);
    nd_free(w);
    nd_free(iout);
    nd_free(out);
    nd_free(m);
    nd_free(a);
}

/* min/max/sum/argmax fast paths against a naive loop, NaN anywhere, every length. */
static void test_fast_paths(void) {
    for (int64_t n = 1; n < 300; n += 7) {
        for (int nanpos = -1; nanpos < n; nanpos += n / 3 + 1) {
            nd_array *a = nd_empty(ND_SHAPE(n));
            nd_array *f = nd_empty(ND_SHAPE(n), .dtype = ND_FLOAT32);
            double *p = nd_data(a);
            float *q = nd_data(f);
            for (int64_t i = 0; i < n; i++) p[i] = q[i] = (float)((i * 37 % 101) - 50);
            if (nanpos >= 0) p[nanpos] = q[nanpos] = NAN;
            double mx = p[0], mn = p[0];
            int64_t am = 0;
            for (int64_t i = 1; i < n; i++) {
                if (isnan(mx)) break;
                if (isnan(p[i]) || p[i] > mx) { mx = p[i]; am = i; }
                if (isnan(p[i]) || p[i] < mn) mn = p[i];
            }
            if (isnan(mx)) mn = mx;
            nd_array *r1 = nd_max(a), *r2 = nd_min(a), *r3 = nd_max(f), *r4 = nd_min(f), *r5 = nd_argmax(a),
                     *r6 = nd_argmax(f);
            CHECK_NEAR(nd_item_double(r1, ND_IDX()), mx, 0);
            CHECK_NEAR(nd_item_double(r2, ND_IDX()), mn, 0);
            CHECK_NEAR(nd_item_double(r3, ND_IDX()), mx, 0);
            CHECK_NEAR(nd_item_double(r4, ND_IDX()), mn, 0);
            CHECK_EQ_INT(nd_item_int(r5, ND_IDX()), isnan(mx) && nanpos >= 0 ? nanpos : am);
            CHECK_EQ_INT(nd_item_int(r6, ND_IDX()), isnan(mx) && nanpos >= 0 ? nanpos : am);
            nd_free(r1); nd_free(r2); nd_free(r3); nd_free(r4); nd_free(r5); nd_free(r6);
            nd_free(a);
            nd_free(f);
        }
    }
}

/* average's own errors and returned= without weights; ptp of bool (NumPy: TypeError) */
static void test_average_misc(void) {
    nd_array *a = nd_arange(0, 6, 1, .dtype = ND_FLOAT64);
    nd_array *m = nd_reshape(a, ND_SHAPE(2, 3));
    nd_array *w0 = nd_zeros(ND_SHAPE(2, 3));
    CHECK_ERR(nd_average(m, .weights = w0), ND_ERR_ZERO_DIVISION, "Weights sum to zero, can't be normalized");
    nd_array *sw = NULL;
    nd_array *r = nd_average(m, .axis = ND_AXIS(1), .returned = &sw);
    CHECK(r && sw);
    if (r && sw) {
        CHECK_NEAR(nd_item_double(r, ND_IDX(1)), 4.0, 0);
        CHECK_EQ_INT(nd_ndim(sw), 1);
        CHECK_NEAR(nd_item_double(sw, ND_IDX(0)), 3.0, 0);
    }
    nd_free(r);
    nd_free(sw);
    nd_array *w2 = nd_ones(ND_SHAPE(2, 2));
    CHECK_ERR(nd_average(m, .axis = ND_AXIS(1), .weights = w2), ND_ERR_TYPE, "1D weights expected when shapes of a and weights differ.");
    CHECK_ERR(nd_average(NULL), ND_ERR_VALUE, NULL);
    nd_array *b = nd_astype(m, ND_BOOL);
    CHECK_ERR(nd_ptp(b), ND_ERR_TYPE, NULL);
    nd_free(b);
    nd_free(w2);
    nd_free(w0);
    nd_free(m);
    nd_free(a);
}

int main(void) {
    test_average_misc();
    test_golden();
    test_options();
    test_fast_paths();
    return check_done();
}
