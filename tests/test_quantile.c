/* Order statistics against NumPy: tests/golden/quantile/quantile.npys holds, case by case,
 * a label and NumPy's result (or its exception and message), made by make_quantile.py.
 * This file performs the same cases in the same order, then checks what golden files
 * cannot (warnings, out=, option errors).
 *
 * NumPy 2.x semantics where 1.24 differs (the script computes them by NumPy 2's rules):
 * closest_observation picks the odd 0-based index at gamma == 0; weights= with
 * method inverted_cdf; a C-number q is a "weak" Python float (float32 data keeps
 * float32 results, as 2.x's weak_q). */
#include "golden.h"

#include <complex.h>
#include <math.h>

static nd_array *mk(nd_shape_t shape, const char *code) {
    int64_t n = 1;
    for (int i = 0; i < shape.ndim; i++) n *= shape.dims[i];
    const nd_dtype_t *d = dt_of(code);
    char k = nd_dtype_kind(d);
    double *v = malloc((size_t)(n ? n : 1) * sizeof *v);
    for (int64_t i = 0; i < n; i++) {
        double x = (double)((i * 7 + 3) % 11);
        v[i] = k == 'i' ? x - 4 : k == 'f' ? x * 1.25 - 4 : k == 'b' ? fmod(x, 2) : x;
    }
    nd_array *a = nd_from_data(v, shape, ND_FLOAT64);
    free(v);
    nd_array *r = nd_astype(a, d);
    nd_free(a);
    return r;
}

static const char *const METHODS[] = { "linear", "inverted_cdf", "averaged_inverted_cdf", "closest_observation",
                                       "interpolated_inverted_cdf", "hazen", "weibull", "median_unbiased",
                                       "normal_unbiased", "lower", "higher", "nearest", "midpoint" };
static const char *const REAL[] = { "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8" };

static void golden(void) {
    char name[128];
    nd_array *qs = ND_ARRAY(double, ND_SHAPE(7), 0.0, 0.1, 0.25, 0.5, 0.62, 0.9, 1.0);
    nd_array *q32 = ND_ARRAY(float, ND_SHAPE(2), 0.2f, 0.7f);
    for (size_t t = 0; t < sizeof REAL / sizeof *REAL; t++) {
        const char *dt = REAL[t];
        nd_array *a = mk(ND_SHAPE(3, 5), dt);
        snprintf(name, sizeof name, "median %s", dt);
        expect(name, nd_median(a));
        snprintf(name, sizeof name, "median0 %s", dt);
        expect(name, nd_median(a, .axis = ND_AXIS(0)));
        snprintf(name, sizeof name, "median1k %s", dt);
        expect(name, nd_median(a, .axis = ND_AXIS(1), .keepdims = true));
        snprintf(name, sizeof name, "median01 %s", dt);
        expect(name, nd_median(a, .axis = ND_AXIS(0, 1)));
        nd_array *at = nd_T(a), *atr = nd_get(at, "::-1");
        snprintf(name, sizeof name, "medianT %s", dt);
        expect(name, nd_median(atr, .axis = ND_AXIS(0)));
        nd_free(at);
        nd_free(atr);
        nd_array *sub = nd_get(a, ":, ::-2");
        for (size_t m = 0; m < sizeof METHODS / sizeof *METHODS; m++) {
            int me = nd_quantile_method_parse(METHODS[m]);
            snprintf(name, sizeof name, "q03 %s %s", METHODS[m], dt);
            expect(name, nd_quantile(a, 0.3, .axis = ND_AXIS(1), .method = me));
            snprintf(name, sizeof name, "qarr %s %s", METHODS[m], dt);
            expect(name, nd_quantile(a, qs, .axis = ND_AXIS(0), .method = me));
            snprintf(name, sizeof name, "p %s %s", METHODS[m], dt);
            expect(name, nd_percentile(sub, 37.5, .method = me, .keepdims = true));
        }
        snprintf(name, sizeof name, "qf32 %s", dt);
        expect(name, nd_quantile(a, q32, .axis = ND_AXIS(1)));
        nd_free(sub);
        nd_free(a);
    }
    nd_array *b = mk(ND_SHAPE(2, 5), "b1");
    expect("median b1", nd_median(b, .axis = ND_AXIS(1)));
    expect("lower b1", nd_quantile(b, 0.5, .axis = ND_AXIS(1), .method = ND_METHOD_LOWER));
    expect("linear b1", nd_quantile(b, 0.5));
    nd_free(b);

    nd_array *w8 = ND_ARRAY(signed char, ND_SHAPE(2), -100, 100);
    expect("int8 wrap", nd_percentile(w8, 50));
    nd_array *w83 = ND_ARRAY(signed char, ND_SHAPE(3), -100, 100, 90);
    nd_array *q2 = ND_ARRAY(double, ND_SHAPE(2), 0.25, 0.75);
    expect("int8 wrap q", nd_quantile(w83, q2));
    nd_free(w8);
    nd_free(w83);

    const char *fl[] = { "f2", "f4", "f8" };
    nd_array *q25 = ND_ARRAY(double, ND_SHAPE(2), 0.2, 0.5);
    for (int t = 0; t < 3; t++) {
        nd_array *x = mk(ND_SHAPE(4, 6), fl[t]);
        nd_set_value(x, "1, 2", NAN);
        nd_set_value(x, "3, :", NAN);
        int w0 = nwarn;
        snprintf(name, sizeof name, "nan median %s", fl[t]);
        expect(name, nd_median(x, .axis = ND_AXIS(1)));
        snprintf(name, sizeof name, "nan median all %s", fl[t]);
        expect(name, nd_median(x));
        snprintf(name, sizeof name, "nan quantile %s", fl[t]);
        expect(name, nd_quantile(x, q25, .axis = ND_AXIS(1)));
        snprintf(name, sizeof name, "nan lower %s", fl[t]);
        expect(name, nd_quantile(x, 0.5, .axis = ND_AXIS(1), .method = ND_METHOD_LOWER));
        CHECK_EQ_INT(nwarn, w0); /* median/quantile do not warn about NaN */
        snprintf(name, sizeof name, "nanmedian %s", fl[t]);
        expect(name, nd_nanmedian(x, .axis = ND_AXIS(1)));
        CHECK_EQ_INT(nwarn, w0 + 1);
        CHECK_EQ_STR(last_warning, "RuntimeWarning: All-NaN slice encountered");
        snprintf(name, sizeof name, "nanmedian0 %s", fl[t]);
        expect(name, nd_nanmedian(x, .axis = ND_AXIS(0)));
        snprintf(name, sizeof name, "nanquantile %s", fl[t]);
        expect(name, nd_nanquantile(x, q25, .axis = ND_AXIS(1)));
        snprintf(name, sizeof name, "nanpercentile %s", fl[t]);
        expect(name, nd_nanpercentile(x, 90, .axis = ND_AXIS(1), .method = ND_METHOD_NEAREST));
        snprintf(name, sizeof name, "nanmedian flat %s", fl[t]);
        expect(name, nd_nanmedian(x));
        nd_free(x);
    }

    int64_t nb = 10001;
    double *bv = malloc((size_t)nb * sizeof *bv);
    for (int64_t i = 0; i < nb; i++) bv[i] = (double)((i * 7919) % 10007) / 7.0;
    nd_array *big = nd_from_data(bv, ND_SHAPE(nb), ND_FLOAT64);
    free(bv);
    nd_array *big1 = nd_get(big, "1:"), *big3 = nd_get(big, "::-3");
    nd_array *bq = ND_ARRAY(double, ND_SHAPE(5), 0.001, 0.25, 0.5, 0.75, 0.999);
    expect("big median", nd_median(big));
    expect("big median even", nd_median(big1));
    expect("big q", nd_quantile(big, bq));
    expect("big p", nd_percentile(big3, 12.5, .method = ND_METHOD_HAZEN));
    nd_free(big); nd_free(big1); nd_free(big3); nd_free(bq);

    nd_array *z = ND_ARRAY(double, ND_SHAPE0, 3.5), *z2 = ND_ARRAY(double, ND_SHAPE0, 2.0);
    expect("median 0d", nd_median(z));
    expect("quantile 0d", nd_quantile(z2, 0.5));
    nd_array *one = ND_ARRAY(double, ND_SHAPE(1), 4.0), *q3 = ND_ARRAY(double, ND_SHAPE(3), 0.0, 0.5, 1.0);
    expect("quantile 1", nd_quantile(one, q3));
    nd_array *f4 = mk(ND_SHAPE(4), "f8"), *qbad = ND_ARRAY(double, ND_SHAPE(2), 0.5, -0.1);
    expect("q bad", nd_quantile(f4, 1.5));
    expect("q bad arr", nd_quantile(f4, qbad));
    expect("p bad", nd_percentile(f4, 101));
    nd_array *c4 = mk(ND_SHAPE(4), "c16");
    expect("q complex", nd_quantile(c4, 0.5));
    nd_array *e0 = nd_zeros(ND_SHAPE(0)), *e0i = nd_zeros(ND_SHAPE(0), .dtype = ND_INT64);
    expect("q empty", nd_quantile(e0, 0.5));
    expect("q empty lower int", nd_quantile(e0i, 0.5, .method = ND_METHOD_LOWER));
    nd_array *f23 = mk(ND_SHAPE(2, 3), "f8");
    expect("q axis", nd_quantile(f23, 0.5, .axis = ND_AXIS(2)));
    nd_array *e03 = nd_zeros(ND_SHAPE(0, 3));
    expect("median empty axis", nd_median(e03, .axis = ND_AXIS(1)));
    nd_array *cm = ND_ARRAY(double _Complex, ND_SHAPE(4), 3 + 1 * I, 1 - 1 * I, 2, 2 + 5 * I);
    expect("median complex", nd_median(cm));
    expect("nanmedian empty", nd_nanmedian(e03, .axis = ND_AXIS(0)));
    nd_free(z); nd_free(z2); nd_free(one); nd_free(q3); nd_free(f4); nd_free(qbad); nd_free(c4);
    nd_free(e0); nd_free(e0i); nd_free(f23); nd_free(e03); nd_free(cm);

    nd_array *wa = mk(ND_SHAPE(3, 6), "f8");
    double wv[18];
    for (int i = 0; i < 18; i++) wv[i] = (double)((i * 5 + 1) % 7);
    nd_array *ww = nd_from_data(wv, ND_SHAPE(3, 6), ND_FLOAT64);
    nd_array *wq = ND_ARRAY(double, ND_SHAPE(3), 0.1, 0.5, 0.8);
    expect("weighted", nd_quantile(wa, wq, .axis = ND_AXIS(1), .method = ND_METHOD_INVERTED_CDF, .weights = ww));
    nd_array *w1 = nd_get(ww, "0");
    nd_array *q04 = nd_full(ND_SHAPE0, 0.4);
    expect("weighted 1d w", nd_quantile(wa, q04, .axis = ND_AXIS(1), .method = ND_METHOD_INVERTED_CDF, .weights = w1));
    nd_array *wi = mk(ND_SHAPE(3, 6), "i4");
    nd_array *q05 = nd_full(ND_SHAPE0, 0.5);
    expect("weighted int", nd_quantile(wi, q05, .axis = ND_AXIS(1), .method = ND_METHOD_INVERTED_CDF, .weights = ww));
    nd_free(wa); nd_free(ww); nd_free(wq); nd_free(w1); nd_free(q04); nd_free(wi); nd_free(q05);
    nd_free(qs); nd_free(q32); nd_free(q2); nd_free(q25);

    /* 0-d input with out=: the result lands in out, which is returned */
    const char *const fn0[] = { "median", "nanmedian", "percentile", "nanpercentile", "quantile", "nanquantile",
                                "quantile q2" };
    const char *const tag0[] = { "f8", "i8", "nan" };
    nd_array *q2v = ND_ARRAY(double, ND_SHAPE(2), 0.3, 0.5);
    for (int f = 0; f < 7; f++)
        for (int t = 0; t < 3; t++) {
            nd_array *z0 = t == 1 ? nd_full(ND_SHAPE0, 3) : nd_full(ND_SHAPE0, t == 0 ? 3.5 : NAN);
            nd_array *o = f == 6 ? nd_zeros(ND_SHAPE(2)) : nd_full(ND_SHAPE0, -1.0), *r = NULL;
            switch (f) {
            case 0: r = nd_median(z0, .out = o); break;
            case 1: r = nd_nanmedian(z0, .out = o); break;
            case 2: r = nd_percentile(z0, 50, .out = o); break;
            case 3: r = nd_nanpercentile(z0, 50, .out = o); break;
            case 4: r = nd_quantile(z0, 0.3, .out = o); break;
            case 5: r = nd_nanquantile(z0, 0.3, .out = o, .method = ND_METHOD_LOWER); break;
            default: r = nd_quantile(z0, q2v, .out = o); break;
            }
            CHECK(r == o);
            if (r && r != o) nd_free(r);
            snprintf(name, sizeof name, "out0d %s %s", fn0[f], tag0[t]);
            expect(name, r ? o : (nd_free(o), (nd_array *)NULL));
            nd_free(z0);
        }
    nd_free(q2v);
    nd_array *z3 = nd_full(ND_SHAPE0, 3);
    expect("median 0d i8", nd_median(z3));
    nd_free(z3);

    /* one long contiguous lane (the bracketing path) */
    int64_t nf = 200003;
    double *fv = malloc((size_t)nf * sizeof *fv);
    for (int64_t i = 0; i < nf; i++) fv[i] = (double)((i * 7919) % 100003) / 7.0;
    nd_array *fb2 = nd_from_data(fv, ND_SHAPE(nf), ND_FLOAT64);
    for (int64_t i = 0; i < nf; i += 1000) fv[i] = NAN;
    nd_array *fn2 = nd_from_data(fv, ND_SHAPE(nf), ND_FLOAT64);
    free(fv);
    nd_array *fv1 = nd_get(fb2, "1:"), *fe = nd_copy(fv1, 'C');
    nd_array *fq = ND_ARRAY(double, ND_SHAPE(2), 0.3, 0.31);
    expect("fast median", nd_median(fb2));
    expect("fast median even", nd_median(fe));
    expect("fast p90", nd_percentile(fb2, 90.0));
    expect("fast q", nd_quantile(fb2, fq, .method = ND_METHOD_HAZEN));
    expect("fast median nan", nd_median(fn2));
    expect("fast nanmedian", nd_nanmedian(fn2));
    expect("fast nanpercentile", nd_nanpercentile(fn2, 12.5, .method = ND_METHOD_LOWER));
    nd_array *f7 = nd_multiply(fb2, 7.0), *fi = nd_astype(f7, ND_INT32), *ff = nd_astype(fb2, ND_FLOAT32);
    expect("fast median i4", nd_median(fi));
    expect("fast p f4", nd_percentile(ff, 77.0));
    nd_free(fb2); nd_free(fn2); nd_free(fv1); nd_free(fe); nd_free(fq); nd_free(f7); nd_free(fi); nd_free(ff);
}

static void extra(void) {
    nd_array *a = mk(ND_SHAPE(3, 5), "f8");
    /* out= */
    nd_array *out = nd_empty(ND_SHAPE(3));
    nd_array *r = nd_median(a, .axis = ND_AXIS(1), .out = out);
    CHECK(r == out);
    nd_array *r2 = nd_median(a, .axis = ND_AXIS(1));
    CHECK(r2 && nd_array_equal(r2, out));
    nd_free(r2);
    nd_array *bad = nd_empty(ND_SHAPE(4));
    CHECK_ERR(nd_quantile(a, 0.5, .axis = ND_AXIS(1), .out = bad), ND_ERR_VALUE,
              "operands could not be broadcast together with shapes (3,) (3,) (4,) ");
    nd_free(bad);
    nd_free(out);
    /* option errors */
    CHECK_ERR(nd_quantile(a, 0.5, .method = ND_METHOD_LINEAR, .weights = a), ND_ERR_VALUE,
              "Only method 'inverted_cdf' supports weights. Got: linear.");
    nd_array *neg = nd_negative(a);
    CHECK_ERR(nd_quantile(a, 0.5, .method = ND_METHOD_INVERTED_CDF, .weights = neg), ND_ERR_VALUE,
              "Weights must be non-negative.");
    nd_free(neg);
    nd_array *w5 = nd_ones(ND_SHAPE(5));
    CHECK_ERR(nd_quantile(a, 0.5, .method = ND_METHOD_INVERTED_CDF, .weights = w5), ND_ERR_TYPE,
              "Axis must be specified when shapes of a and weights differ.");
    CHECK_ERR(nd_quantile(a, 0.5, .axis = ND_AXIS(0), .method = ND_METHOD_INVERTED_CDF, .weights = w5), ND_ERR_VALUE,
              "Shape of weights must be consistent with shape of a along specified axis.");
    nd_free(w5);
    nd_array *z = nd_zeros(ND_SHAPE(3, 5));
    CHECK_ERR(nd_quantile(a, 0.5, .axis = ND_AXIS(1), .method = ND_METHOD_INVERTED_CDF, .weights = z), ND_ERR_VALUE,
              "Weights included NaN, inf or were all zero.");
    nd_free(z);
    CHECK_ERR(nd_quantile_method_parse("foo"), ND_ERR_VALUE, "'foo' is not a valid method. Use one of: dict_keys(['inverted_cdf'");
    CHECK_EQ_INT(nd_quantile_method_parse("median_unbiased"), ND_METHOD_MEDIAN_UNBIASED);
    CHECK_EQ_STR(nd_quantile_method_name(ND_METHOD_NEAREST), "nearest");
    CHECK_ERR(nd_median(NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_quantile(NULL, 0.5), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_median(a, .axis = ND_AXIS(0, 0)), ND_ERR_VALUE, "repeated axis");
    CHECK_ERR(nd_median(a, .axis = ND_AXIS(-3)), ND_ERR_AXIS, NULL);
    /* a float32 array with a C-number q stays float32 (NumPy 2 weak q); an array q promotes */
    nd_array *a32 = mk(ND_SHAPE(7), "f4");
    nd_array *m = nd_quantile(a32, 0.3);
    CHECK(m && nd_dtype(m) == ND_FLOAT32);
    nd_free(m);
    nd_array *q = ND_ARRAY(double, ND_SHAPE0, 0.3);
    m = nd_quantile(a32, q);
    CHECK(m && nd_dtype(m) == ND_FLOAT64);
    nd_free(m);
    nd_free(q);
    /* scalar q with keepdims and axis=None: all ones */
    m = nd_percentile(a, 50, .keepdims = true);
    CHECK(m && nd_ndim(m) == 2 && nd_shape(m)[0] == 1 && nd_shape(m)[1] == 1);
    nd_free(m);
    /* a median of an empty array: NaN (NumPy warns "Mean of empty slice") */
    nd_array *e = nd_zeros(ND_SHAPE(0));
    m = nd_median(e);
    CHECK(m && isnan(nd_item_double(m, ND_IDX())));
    nd_free(m);
    nd_free(e);
    nd_free(a32);
    nd_free(a);
}

/* One long contiguous lane takes the bracketing path; a non-contiguous view of the same
 * values (the general path, checked against NumPy above) must give the same bytes. */
static nd_array *noncontig(nd_array *a) {
    nd_array *r = nd_get(a, "::-1"), *c = nd_copy(r, 'C'), *v = nd_get(c, "::-1");
    nd_free(r);
    nd_free(c);
    return v;
}

static void same_result(const char *what, int kind, int64_t n, nd_array *x, nd_array *y) {
    bool ok = x && y && nd_dtype_equal(nd_dtype(x), nd_dtype(y)) && nd_ndim(x) == nd_ndim(y) &&
              nd_size(x) == nd_size(y) && same_values_nan(x, y);
    CHECK_MSG(ok, "fast path %s: data kind %d, n %lld", what, kind, (long long)n);
    nd_free(x);
    nd_free(y);
}

static void fast_path(void) {
    const int64_t sizes[] = { 65536, 100001, 300007 };
    const nd_dtype_t *dts[] = { ND_FLOAT64, ND_FLOAT32, ND_INT32, ND_INT64, ND_UINT8, ND_INT16 };
    nd_array *q2 = ND_ARRAY(double, ND_SHAPE(3), 0.5, 0.51, 0.52);
    for (size_t si = 0; si < sizeof sizes / sizeof *sizes; si++)
        for (int kind = 0; kind < 7; kind++) {
            int64_t n = sizes[si];
            double *v = malloc((size_t)n * sizeof *v);
            for (int64_t i = 0; i < n; i++) {
                uint64_t h = (uint64_t)i * 0x9E3779B97F4A7C15u;
                double r = (double)(h >> 11) * 0x1p-53;
                switch (kind) {
                case 0: v[i] = r * 2000 - 1000; break;           /* random */
                case 1: v[i] = (double)i; break;                   /* sorted */
                case 2: v[i] = (double)(n - i); break;             /* reversed */
                case 3: v[i] = (double)(h >> 61); break;           /* 8 distinct values */
                case 4: v[i] = i % 1000 == 7 ? NAN : r * 100; break; /* some NaN */
                case 5: v[i] = i % 3 ? NAN : r; break;             /* mostly NaN */
                default: v[i] = (double)((i / 4096) % 97); break;  /* locally constant */
                }
            }
            nd_array *base = nd_from_data(v, ND_SHAPE(n), ND_FLOAT64);
            free(v);
            for (size_t d = 0; d < sizeof dts / sizeof *dts; d++) {
                if ((kind == 4 || kind == 5) && nd_dtype_kind(dts[d]) != 'f') continue;
                if (si != 1 && d > 2) continue; /* the other sizes: float64, float32, int32 */
                nd_array *a = nd_astype(base, dts[d]), *b = noncontig(a);
                same_result("median", kind, n, nd_median(a), nd_median(b));
                same_result("nanmedian", kind, n, nd_nanmedian(a), nd_nanmedian(b));
                same_result("p90", kind, n, nd_percentile(a, 90.0), nd_percentile(b, 90.0));
                same_result("nanp10", kind, n, nd_nanpercentile(a, 10.0), nd_nanpercentile(b, 10.0));
                same_result("q array", kind, n, nd_quantile(a, q2), nd_quantile(b, q2));
                same_result("nearest", kind, n, nd_quantile(a, 0.3, .method = ND_METHOD_NEAREST),
                            nd_quantile(b, 0.3, .method = ND_METHOD_NEAREST));
                same_result("midpoint keepdims", kind, n, nd_quantile(a, 0.7, .method = ND_METHOD_MIDPOINT, .keepdims = true),
                            nd_quantile(b, 0.7, .method = ND_METHOD_MIDPOINT, .keepdims = true));
                nd_free(a);
                nd_free(b);
            }
            nd_free(base);
        }
    nd_free(q2);
}

int main(void) {
    nd_set_warning_handler(count_warning, NULL);
    G = fopen(ND_GOLDEN_DIR "/quantile/quantile.npys", "rb");
    if (!G) { fprintf(stderr, "missing golden file\n"); return 1; }
    golden();
    fclose(G);
    fprintf(stderr, "%d golden cases\n", ncases);
    extra();
    fast_path();
    return check_done();
}
