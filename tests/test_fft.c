/* np.fft: accuracy against an exact DFT (long double), round trips, NumPy golden values
 * (tests/golden/fft/make_golden.py), dtypes, layouts, errors, helpers, threads.
 * NumPy 2 semantics where 1.24 differs: float32/complex64/float16 inputs give complex64
 * (float32/float16 for real results) computed in single precision; s[i] = -1. */
#include "check.h"

#include <complex.h>
#include <pthread.h>
#include <stdint.h>

static const long double PI_L = 3.141592653589793238462643383279502884L;

/* Deterministic pseudo-random values in [-0.5, 0.5). */
static uint64_t rng_state = 88172645463325252ULL;
static double urand(void) {
    rng_state ^= rng_state << 13; rng_state ^= rng_state >> 7; rng_state ^= rng_state << 17;
    return (double)(rng_state >> 11) * 0x1p-53 - 0.5;
}

static nd_array *rand_c128(int64_t n) {
    nd_array *x = nd_empty(ND_SHAPE(n), .dtype = ND_COMPLEX128);
    double *p = nd_data(x);
    for (int64_t i = 0; i < 2 * n; i++) p[i] = urand();
    return x;
}

/* Read element k of a complex64/complex128 1-d contiguous array as long double. */
static void cget(const nd_array *a, int64_t k, long double *re, long double *im) {
    if (nd_dtype_type(nd_dtype(a)) == ND_TYPE_COMPLEX64) {
        const float *p = nd_data(a);
        *re = p[2 * k]; *im = p[2 * k + 1];
    } else {
        const double *p = nd_data(a);
        *re = p[2 * k]; *im = p[2 * k + 1];
    }
}

/* Exact DFT bin k of x (as stored in `x`, which may be complex64) in long double;
 * `tab` (may be NULL) holds cos/sin of 2 pi q / n for q < n. */
static void exact_bin(const nd_array *x, int64_t k, int sign, const long double *tab, long double *sr,
                      long double *si) {
    int64_t n = nd_size(x), q = 0;
    long double r = 0, i = 0;
    for (int64_t j = 0; j < n; j++) {
        long double xr, xi, c, s;
        cget(x, j, &xr, &xi);
        if (tab) { c = tab[2 * q]; s = sign * tab[2 * q + 1]; }
        else {
            long double ang = sign * 2 * PI_L * (long double)q / (long double)n;
            c = cosl(ang); s = sinl(ang);
        }
        r += xr * c - xi * s;
        i += xr * s + xi * c;
        q += k;                 /* q = j k mod n, without a division per term */
        if (q >= n) q -= n;
    }
    *sr = r; *si = i;
}

/* Relative RMS error of fft(x) against the exact DFT over all bins. */
static double rms_err_full(const nd_array *x, const nd_array *X) {
    int64_t n = nd_size(x);
    long double *tab = malloc((size_t)n * 2 * sizeof *tab);
    for (int64_t q = 0; q < n; q++) {
        tab[2 * q] = cosl(2 * PI_L * (long double)q / (long double)n);
        tab[2 * q + 1] = sinl(2 * PI_L * (long double)q / (long double)n);
    }
    long double num = 0, den = 0;
    for (int64_t k = 0; k < n; k++) {
        long double sr, si, yr, yi;
        exact_bin(x, k, -1, tab, &sr, &si);
        cget(X, k, &yr, &yi);
        num += (yr - sr) * (yr - sr) + (yi - si) * (yi - si);
        den += sr * sr + si * si;
    }
    free(tab);
    return (double)sqrtl(num / den);
}

static double log2n(int64_t n) { return n > 2 ? log2((double)n) : 1.0; }

static void test_accuracy_exact(void) {
    static const int64_t lens[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 25, 27, 30,
        31, 32, 49, 60, 61, 64, 67, 81, 97, 100, 101, 125, 127, 128, 243, 256, 343, 509, 512, 625, 720,
        1000, 1009, 1024, 1331, 2048, 2018, 3 * 1021, 2310, 4096 };
    for (int single = 0; single < 2; single++) {
        double eps = single ? 0x1p-23 : 0x1p-52, worst = 0;
        for (size_t t = 0; t < sizeof lens / sizeof *lens; t++) {
            int64_t n = lens[t];
            nd_array *x0 = rand_c128(n);
            nd_array *x = single ? nd_astype(x0, ND_COMPLEX64) : nd_ref(x0);
            nd_array *X = nd_fft_fft(x);
            CHECK(X != NULL);
            if (!X) { nd_free(x); nd_free(x0); continue; }
            CHECK_EQ_STR(nd_dtype_name(nd_dtype(X)), single ? "complex64" : "complex128");
            double e = n == 1 ? 0 : rms_err_full(x, X);
            double r = e / (eps * log2n(n));
            if (r > worst) worst = r;
            CHECK_MSG(r < 2.0, "n=%lld %s: rms error %.3g = %.2f eps log2 n", (long long)n,
                      single ? "single" : "double", e, r);
            /* the round trip */
            nd_array *y = nd_fft_ifft(X);
            long double num = 0, den = 0;
            for (int64_t k = 0; k < n; k++) {
                long double a, b, c, d;
                cget(y, k, &a, &b);
                cget(x, k, &c, &d);
                num += (a - c) * (a - c) + (b - d) * (b - d);
                den += c * c + d * d;
            }
            double rt = (double)sqrtl(num / den) / (eps * log2n(n));
            CHECK_MSG(rt < 3.0, "n=%lld round trip %.2f eps log2 n", (long long)n, rt);
            nd_free(y); nd_free(X); nd_free(x); nd_free(x0);
        }
        fprintf(stderr, "exact DFT, %s: worst rms error %.2f eps log2(n)\n", single ? "single" : "double", worst);
    }
}

/* Big sizes: round trip, Parseval and a few bins computed exactly. */
static void test_accuracy_big(void) {
    static const int64_t lens[] = { 1 << 16, 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3, 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5,
        7 * 7 * 7 * 7 * 7 * 7, 65537, 1009 * 1013, 1000003, 1 << 20, 1 << 22 };
    for (int single = 0; single < 2; single++) {
        double eps = single ? 0x1p-23 : 0x1p-52;
        for (size_t t = 0; t < sizeof lens / sizeof *lens; t++) {
            int64_t n = lens[t];
            if (single && n > (1 << 20)) continue;
            nd_array *x0 = rand_c128(n);
            nd_array *x = single ? nd_astype(x0, ND_COMPLEX64) : nd_ref(x0);
            nd_array *X = nd_fft_fft(x);
            nd_array *y = X ? nd_fft_ifft(X) : NULL;
            CHECK(X && y);
            if (!X || !y) { nd_free(X); nd_free(x); nd_free(x0); continue; }
            long double ex = 0, eX = 0, num = 0;
            for (int64_t k = 0; k < n; k++) {
                long double a, b, c, d, u, v;
                cget(x, k, &a, &b);
                cget(X, k, &c, &d);
                cget(y, k, &u, &v);
                ex += a * a + b * b;
                eX += c * c + d * d;
                num += (u - a) * (u - a) + (v - b) * (v - b);
            }
            double rt = (double)sqrtl(num / ex) / (eps * log2n(n));
            double pars = fabs((double)(eX / ((long double)n * ex)) - 1.0) / (eps * log2n(n));
            CHECK_MSG(rt < 3.0, "n=%lld %s: round trip %.2f eps log2 n", (long long)n, single ? "f" : "d", rt);
            CHECK_MSG(pars < 3.0, "n=%lld: Parseval %.2f eps log2 n", (long long)n, pars);
            /* spot bins: error relative to the rms magnitude sqrt(n * mean|x|^2) */
            int64_t bins[] = { 1, n / 3, n - 1 };
            double worst = 0;
            for (int b = 0; b < 3; b++) {
                long double sr, si, yr, yi;
                exact_bin(x, bins[b] % n, -1, NULL, &sr, &si);
                cget(X, bins[b], &yr, &yi);
                double e = (double)sqrtl(((yr - sr) * (yr - sr) + (yi - si) * (yi - si)) / ex);
                if (e > worst) worst = e;
            }
            CHECK_MSG(worst / (eps * log2n(n)) < 6.0, "n=%lld spot bins %.2f eps log2 n", (long long)n,
                      worst / (eps * log2n(n)));
            if (n >= (1 << 20))
                fprintf(stderr, "n=%lld %s: round trip %.2f, Parseval %.2f, bins %.2f (eps log2 n)\n",
                        (long long)n, single ? "single" : "double", rt, pars, worst / (eps * log2n(n)));
            nd_free(y); nd_free(X); nd_free(x); nd_free(x0);
        }
    }
}

/* ------------------------------------------------------------------ golden */

static bool parse_list(const char *v, int64_t *out, int *count) {
    *count = 0;
    while (*v) {
        char *end;
        out[(*count)++] = strtoll(v, &end, 10);
        if (end == v) return false;
        v = *end == ',' ? end + 1 : end;
    }
    return true;
}

/* Max |got - want| / max|want| over the arrays (both converted to complex128). */
static double max_rel_diff(const nd_array *got, const nd_array *want) {
    nd_array *g = nd_astype(got, ND_COMPLEX128), *w = nd_astype(want, ND_COMPLEX128);
    nd_array *gc = nd_ascontiguousarray(g), *wc = nd_ascontiguousarray(w);
    const double complex *p = nd_data(gc), *q = nd_data(wc);
    double m = 0, d = 0;
    for (int64_t i = 0; i < nd_size(wc); i++) {
        if (cabs(q[i]) > m) m = cabs(q[i]);
        if (cabs(p[i] - q[i]) > d) d = cabs(p[i] - q[i]);
    }
    nd_free(g); nd_free(w); nd_free(gc); nd_free(wc);
    return m > 0 ? d / m : d;
}

static void test_golden(void) {
    char path[1024];
    snprintf(path, sizeof path, "%s/fft/cases.txt", ND_GOLDEN_DIR);
    FILE *f = fopen(path, "r");
    CHECK_MSG(f != NULL, "missing %s", path);
    if (!f) return;
    char line[512];
    int ncases = 0;
    while (fgets(line, sizeof line, f)) {
        char *save = NULL, *name = strtok_r(line, " \n", &save), *func = strtok_r(NULL, " \n", &save);
        if (!name || !func) continue;
        nd_fft_opts o = { 0 };
        nd_fft_nd_opts on = { 0 };
        int64_t sv[8];
        int ns = 0;
        const char *dtype = "";
        for (char *kv; (kv = strtok_r(NULL, " \n", &save));) {
            char *eq = strchr(kv, '=');
            if (!eq) continue;
            *eq = 0;
            const char *v = eq + 1;
            if (!strcmp(kv, "n")) o.n = strtoll(v, NULL, 10);
            else if (!strcmp(kv, "axis")) o.axis = ND_AXIS((int)strtol(v, NULL, 10));
            else if (!strcmp(kv, "norm")) {
                nd_fft_norm nm = !strcmp(v, "ortho") ? ND_FFT_ORTHO : !strcmp(v, "forward") ? ND_FFT_FORWARD : ND_FFT_BACKWARD;
                o.norm = on.norm = nm;
            } else if (!strcmp(kv, "s")) {
                parse_list(v, sv, &ns);
                on.s = (nd_shape_t){ ns, sv };
            } else if (!strcmp(kv, "axes")) {
                int64_t t[8];
                int k;
                parse_list(v, t, &k);
                on.axes.n = k;
                for (int i = 0; i < k; i++) on.axes.v[i] = (int)t[i];
            } else if (!strcmp(kv, "dtype")) dtype = v;
        }
        snprintf(path, sizeof path, "%s/fft/%s_in.npy", ND_GOLDEN_DIR, name);
        nd_array *in = nd_load(path);
        snprintf(path, sizeof path, "%s/fft/%s_out.npy", ND_GOLDEN_DIR, name);
        nd_array *want = nd_load(path);
        CHECK_MSG(in && want, "%s: cannot load golden files", name);
        if (!in || !want) { nd_free(in); nd_free(want); continue; }
        /* NumPy 2 dtype: float32 inputs of the golden cases are stored as float32 */
        nd_array *got = NULL;
        if (!strcmp(func, "fft")) got = nd_fft_fft_ex(in, &o);
        else if (!strcmp(func, "ifft")) got = nd_fft_ifft_ex(in, &o);
        else if (!strcmp(func, "rfft")) got = nd_fft_rfft_ex(in, &o);
        else if (!strcmp(func, "irfft")) got = nd_fft_irfft_ex(in, &o);
        else if (!strcmp(func, "hfft")) got = nd_fft_hfft_ex(in, &o);
        else if (!strcmp(func, "ihfft")) got = nd_fft_ihfft_ex(in, &o);
        else if (!strcmp(func, "fftn")) got = nd_fft_fftn_ex(in, &on);
        else if (!strcmp(func, "ifftn")) got = nd_fft_ifftn_ex(in, &on);
        else if (!strcmp(func, "rfftn")) got = nd_fft_rfftn_ex(in, &on);
        else if (!strcmp(func, "irfftn")) got = nd_fft_irfftn_ex(in, &on);
        else if (!strcmp(func, "fft2")) got = nd_fft_fft2_ex(in, &on);
        else if (!strcmp(func, "ifft2")) got = nd_fft_ifft2_ex(in, &on);
        else if (!strcmp(func, "rfft2")) got = nd_fft_rfft2_ex(in, &on);
        else if (!strcmp(func, "irfft2")) got = nd_fft_irfft2_ex(in, &on);
        CHECK_MSG(got != NULL, "%s: %s", name, nd_error_message());
        if (got) {
            ncases++;
            CHECK_MSG(!strcmp(nd_dtype_name(nd_dtype(got)), dtype), "%s: dtype %s, NumPy 2 gives %s", name,
                      nd_dtype_name(nd_dtype(got)), dtype);
            bool same_shape = nd_ndim(got) == nd_ndim(want);
            for (int i = 0; same_shape && i < nd_ndim(got); i++) same_shape = nd_shape(got)[i] == nd_shape(want)[i];
            CHECK_MSG(same_shape, "%s: shape differs", name);
            if (same_shape) {
                bool single = strstr(dtype, "64") && strcmp(dtype, "complex128") && strcmp(dtype, "float64");
                if (!strcmp(dtype, "float32")) single = true;
                double tol = single ? 2e-6 : 1e-14, d = max_rel_diff(got, want);
                CHECK_MSG(d <= tol, "%s: max relative difference %.3g > %.3g", name, d, tol);
            }
        }
        nd_free(got); nd_free(in); nd_free(want);
    }
    fclose(f);
    CHECK(ncases >= 80);
}

static void test_freq(void) {
    char path[1024];
    snprintf(path, sizeof path, "%s/fft/freq.txt", ND_GOLDEN_DIR);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f) return;
    char fn[32];
    long long n;
    double d;
    while (fscanf(f, "%31s %lld %lf", fn, &n, &d) == 3) {
        bool r = !strcmp(fn, "rfftfreq");
        nd_array *a = r ? nd_fft_rfftfreq(n, .d = d) : nd_fft_fftfreq(n, .d = d);
        CHECK(a != NULL);
        int64_t m = r ? n / 2 + 1 : n;
        for (int64_t i = 0; i < m; i++) {
            double want;
            if (fscanf(f, "%lf", &want) != 1) break;
            if (a) CHECK_NEAR(nd_item_double(a, ND_IDX(i)), want, 0);
        }
        if (a) CHECK_EQ_STR(nd_dtype_name(nd_dtype(a)), "float64");
        nd_free(a);
    }
    fclose(f);
    CHECK_ERR(nd_fft_fftfreq(0), ND_ERR_ZERO_DIVISION, "float division by zero");
    CHECK_ERR(nd_fft_fftfreq(-3), ND_ERR_VALUE, "negative dimensions are not allowed");
    nd_array *rf = nd_fft_rfftfreq(-3); /* NumPy: arange(-3 // 2 + 1), empty */
    CHECK(rf && nd_size(rf) == 0);
    nd_free(rf);
}

static void test_shift(void) {
    nd_array *x = nd_arange(0, 10, 1);
    nd_array *s = nd_fft_fftshift(x), *u = nd_fft_ifftshift(s);
    static const int64_t want[] = { 5, 6, 7, 8, 9, 0, 1, 2, 3, 4 };
    for (int i = 0; i < 10; i++) CHECK_EQ_INT(nd_item_int(s, ND_IDX(i)), want[i]);
    for (int i = 0; i < 10; i++) CHECK_EQ_INT(nd_item_int(u, ND_IDX(i)), i);
    nd_free(s); nd_free(u); nd_free(x);
    /* odd length, 2-d, one axis, repeated axis */
    nd_array *b = nd_arange(0, 15, 1), *m = nd_reshape(b, ND_SHAPE(3, 5));
    nd_array *t = nd_fft_fftshift(m);          /* rows roll 1, columns roll 2 */
    CHECK_EQ_INT(nd_item_int(t, ND_IDX(0, 0)), 13);
    CHECK_EQ_INT(nd_item_int(t, ND_IDX(1, 2)), 0);
    CHECK_EQ_INT(nd_item_int(t, ND_IDX(2, 4)), 7);
    nd_array *t1 = nd_fft_ifftshift(m, .axes = ND_AXIS(1));
    CHECK_EQ_INT(nd_item_int(t1, ND_IDX(0, 0)), 2);
    CHECK_EQ_INT(nd_item_int(t1, ND_IDX(2, 4)), 11);
    nd_array *t2 = nd_fft_fftshift(m, .axes = ND_AXIS(-1, -1)); /* rolled by 2 + 2 */
    CHECK_EQ_INT(nd_item_int(t2, ND_IDX(0, 0)), 1);
    CHECK_ERR(nd_fft_fftshift(m, .axes = ND_AXIS(2)), ND_ERR_AXIS, "out of bounds");
    nd_array *z = nd_zeros(ND_SHAPE(0, 3));
    nd_array *zs = nd_fft_fftshift(z);
    CHECK(zs && nd_size(zs) == 0);
    nd_free(zs); nd_free(z); nd_free(t); nd_free(t1); nd_free(t2); nd_free(m); nd_free(b);
}

/* ------------------------------------------------------------- properties */

/* Compare two complex arrays of the same shape: max |a - b| / max |b|. */
static void check_close(const nd_array *a, const nd_array *b, double tol, const char *what) {
    CHECK_MSG(a && b, "%s: %s", what, nd_error_message());
    if (!a || !b) return;
    bool same = nd_ndim(a) == nd_ndim(b);
    for (int i = 0; same && i < nd_ndim(a); i++) same = nd_shape(a)[i] == nd_shape(b)[i];
    CHECK_MSG(same, "%s: shapes differ", what);
    if (!same) return;
    double d = max_rel_diff(a, b);
    CHECK_MSG(d <= tol, "%s: %.3g > %.3g", what, d, tol);
}

static void test_layouts(void) {
    /* every axis of a 3-d array, strided and reversed inputs, against contiguous 1-d */
    nd_array *base = nd_empty(ND_SHAPE(6, 10, 7), .dtype = ND_COMPLEX128);
    double *p = nd_data(base);
    for (int64_t i = 0; i < 2 * 420; i++) p[i] = urand();
    nd_array *v = nd_get(base, "::-1, 1::2, ::-2");   /* (6, 5, 4), negative strides */
    nd_array *vc = nd_copy(v, 'C');
    for (int ax = -3; ax < 3; ax++) {
        nd_array *A = nd_fft_fft(v, .axis = ND_AXIS(ax)), *B = nd_fft_fft(vc, .axis = ND_AXIS(ax));
        check_close(A, B, 0, "strided vs contiguous");
        /* one line by hand */
        nd_array *ts = nd_swapaxes(vc, ax < 0 ? ax + 3 : ax, 2);
        nd_array *tc = nd_copy(ts, 'C');
        int64_t len = nd_shape(tc)[2];
        nd_array *line = nd_get(tc, "1, 2, :"), *lc = nd_copy(line, 'C');
        nd_array *L = nd_fft_fft(lc);
        nd_array *As = nd_swapaxes(A, ax < 0 ? ax + 3 : ax, 2), *Al = nd_get(As, "1, 2, :");
        check_close(Al, L, 1e-15, "a line of an axis");
        CHECK_EQ_INT(nd_size(L), len);
        nd_free(A); nd_free(B); nd_free(ts); nd_free(tc); nd_free(line); nd_free(lc); nd_free(L);
        nd_free(As); nd_free(Al);
    }
    /* the n-d transforms on a strided view */
    nd_array *F1 = nd_fft_fftn(v), *F2 = nd_fft_fftn(vc);
    check_close(F1, F2, 0, "fftn strided");
    nd_array *G = nd_fft_ifftn(F1);
    check_close(G, vc, 1e-15, "ifftn(fftn)");
    nd_free(F1); nd_free(F2); nd_free(G);
    /* real transforms along axis 0 and 1 of a strided float array */
    nd_array *re = nd_astype(v, ND_FLOAT64), *rv = nd_get(re, ":, ::-1, :");
    nd_array *rc = nd_copy(rv, 'C');
    for (int ax = 0; ax < 3; ax++) {
        nd_array *R1 = nd_fft_rfft(rv, .axis = ND_AXIS(ax)), *R2 = nd_fft_rfft(rc, .axis = ND_AXIS(ax));
        check_close(R1, R2, 0, "rfft strided");
        int64_t n = nd_shape(rv)[ax];
        nd_array *back = nd_fft_irfft(R1, .n = n, .axis = ND_AXIS(ax));
        check_close(back, rc, 1e-15, "irfft(rfft)");
        nd_array *full = nd_fft_fft(rc, .axis = ND_AXIS(ax));
        nd_array *hfull = nd_fft_hfft(R1, .n = n, .axis = ND_AXIS(ax));   /* hfft(rfft x) = n x (real x) */
        nd_array *ih = nd_fft_ihfft(rc, .axis = ND_AXIS(ax));
        nd_array *ihc = nd_fft_ifft(rc, .axis = ND_AXIS(ax));
        (void)hfull;
        CHECK(full && ih && ihc);
        nd_free(R1); nd_free(R2); nd_free(back); nd_free(full); nd_free(hfull); nd_free(ih); nd_free(ihc);
    }
    nd_free(re); nd_free(rv); nd_free(rc);
    nd_free(v); nd_free(vc); nd_free(base);
}

static void test_real_vs_complex(void) {
    for (int64_t n = 1; n <= 40; n++) {
        nd_array *x = nd_empty(ND_SHAPE(n));
        double *p = nd_data(x);
        for (int64_t i = 0; i < n; i++) p[i] = urand();
        nd_array *R = nd_fft_rfft(x), *C = nd_fft_fft(x);
        char buf[64];
        snprintf(buf, sizeof buf, "0:%lld", (long long)(n / 2 + 1));
        nd_array *Ch = nd_get(C, buf);
        check_close(R, Ch, 4e-16, "rfft = fft[:n//2+1]");
        nd_array *y = nd_fft_irfft(R, .n = n);
        check_close(y, x, 1e-15, "irfft(rfft(x), n) = x");
        /* ihfft = conj(ifft(x))[:n//2+1]; hfft(ihfft(x), n) = x */
        nd_array *ih = nd_fft_ihfft(x), *back = nd_fft_hfft(ih, .n = n);
        check_close(back, x, 1e-15, "hfft(ihfft(x), n) = x");
        nd_free(x); nd_free(R); nd_free(C); nd_free(Ch); nd_free(y); nd_free(ih); nd_free(back);
    }
}

static void test_dtypes_and_edges(void) {
    /* float16 -> complex64 (NumPy 2); irfft of float16 -> float16; ints and bool -> double */
    nd_array *h0 = ND_ARRAY(double, ND_SHAPE(4), 1, 2, 3, 4), *h = nd_astype(h0, ND_FLOAT16);
    nd_free(h0);
    nd_array *H = nd_fft_fft(h), *Hr = nd_fft_irfft(h), *Hh = nd_fft_hfft(h);
    CHECK_EQ_STR(nd_dtype_name(nd_dtype(H)), "complex64");
    CHECK_EQ_STR(nd_dtype_name(nd_dtype(Hr)), "float16");
    CHECK_EQ_STR(nd_dtype_name(nd_dtype(Hh)), "float16");
    CHECK_NEAR(nd_item_double(H, ND_IDX(0)), 10, 0);
    /* hfft([1,2,3,4]) = [15, -4, 0, -1, 0, -4] as NumPy's docstring example */
    CHECK_EQ_INT(nd_size(Hh), 6);
    CHECK_NEAR(nd_item_double(Hh, ND_IDX(0)), 15, 0);
    CHECK_NEAR(nd_item_double(Hh, ND_IDX(3)), -1, 1e-3);
    nd_free(h); nd_free(H); nd_free(Hr); nd_free(Hh);
    nd_array *i = ND_ARRAY(int, ND_SHAPE(3), 1, 2, 3);
    nd_array *Ri = nd_fft_rfft(i);
    CHECK_EQ_STR(nd_dtype_name(nd_dtype(Ri)), "complex128");
    CHECK_NEAR(nd_item_double(Ri, ND_IDX(0)), 6, 0);
    nd_free(i); nd_free(Ri);
    /* length 1 and n = 1 */
    nd_array *one = ND_ARRAY(double, ND_SHAPE(1), 3.5);
    nd_array *O = nd_fft_ifft(one, .norm = ND_FFT_ORTHO);
    CHECK_NEAR(nd_item_double(O, ND_IDX(0)), 3.5, 0);
    nd_array *ir = nd_fft_irfft(one, .n = 1);
    CHECK(ir && nd_size(ir) == 1);
    if (ir) CHECK_NEAR(nd_item_double(ir, ND_IDX(0)), 3.5, 0);
    nd_free(O); nd_free(ir);
    /* errors, NumPy's text */
    nd_array *e = nd_zeros(ND_SHAPE(0));
    CHECK_ERR(nd_fft_fft(e), ND_ERR_VALUE, "Invalid number of FFT data points (0) specified.");
    CHECK_ERR(nd_fft_irfft(one), ND_ERR_VALUE, "Invalid number of FFT data points (0) specified.");
    CHECK_ERR(nd_fft_fft(one, .n = -2), ND_ERR_VALUE, "Invalid number of FFT data points (-2) specified.");
    CHECK_ERR(nd_fft_fft(one, .axis = ND_AXIS(1)), ND_ERR_INDEX, "tuple index out of range"); /* a.shape[axis] */
    CHECK_ERR(nd_fft_fft(one, .n = 4, .axis = ND_AXIS(1)), ND_ERR_AXIS, "axis 1 is out of bounds for array of dimension 1");
    CHECK_ERR(nd_fft_fft(one, .norm = (nd_fft_norm)7), ND_ERR_VALUE, "Invalid norm value");
    CHECK_ERR(nd_fft_fft(NULL), ND_ERR_VALUE, NULL);
    nd_array *c = nd_astype(one, ND_COMPLEX128);
    CHECK_ERR(nd_fft_rfft(c), ND_ERR_TYPE, "rfft_n_odd");
    CHECK_ERR(nd_fft_fft2(one), ND_ERR_INDEX, "index -2 is out of bounds for axis 0 with size 1");
    nd_array *m = nd_zeros(ND_SHAPE(3, 4));
    CHECK_ERR(nd_fft_fftn(m, .s = ND_SHAPE(2, 2), .axes = ND_AXIS(0)), ND_ERR_VALUE,
              "Shape and axes have different lengths.");
    const char *strs[] = { "a" };
    nd_array *sa = nd_from_strings(strs, ND_SHAPE(1), 'S', 0);
    CHECK_ERR(nd_fft_fft(sa), ND_ERR_TYPE, NULL);
    /* empty along another axis: an empty result of the right shape */
    nd_array *e2 = nd_zeros(ND_SHAPE(0, 4));
    nd_array *E2 = nd_fft_rfft(e2);
    CHECK(E2 && nd_ndim(E2) == 2 && nd_shape(E2)[0] == 0 && nd_shape(E2)[1] == 3);
    CHECK_ERR(nd_fft_fft(e2, .axis = ND_AXIS(0)), ND_ERR_VALUE, "(0) specified");
    nd_free(E2); nd_free(e2); nd_free(sa); nd_free(m); nd_free(c); nd_free(e); nd_free(one);
}

static void test_out(void) {
    nd_array *x = rand_c128(12);
    nd_array *out = nd_empty(ND_SHAPE(12), .dtype = ND_COMPLEX128);
    nd_array *r = nd_fft_fft(x, .out = out);
    CHECK(r == out);
    nd_array *ref = nd_fft_fft(x);
    check_close(out, ref, 0, "out=");
    /* in place: out is the input */
    nd_array *xc = nd_copy(x, 'C');
    CHECK(nd_fft_fft(xc, .out = xc) == xc);
    check_close(xc, ref, 0, "out = input");
    /* complex64 out of a double transform (same kind) */
    nd_array *o64 = nd_empty(ND_SHAPE(12), .dtype = ND_COMPLEX64);
    CHECK(nd_fft_fft(x, .out = o64) == o64);
    check_close(o64, ref, 1e-6, "complex64 out");
    nd_array *bad = nd_empty(ND_SHAPE(11), .dtype = ND_COMPLEX128);
    CHECK_ERR(nd_fft_fft(x, .out = bad), ND_ERR_VALUE, "output array has wrong shape.");
    nd_array *fo = nd_empty(ND_SHAPE(12));
    CHECK_ERR(nd_fft_fft(x, .out = fo), ND_ERR_TYPE, "Cannot cast");
    nd_array *ro = nd_empty(ND_SHAPE(7), .dtype = ND_COMPLEX128);
    nd_array *xr = nd_astype(x, ND_FLOAT64);
    CHECK(nd_fft_rfft(xr, .out = ro) == ro);
    nd_free(ro); nd_free(xr);
    nd_free(x); nd_free(out); nd_free(ref); nd_free(xc); nd_free(o64); nd_free(bad); nd_free(fo);
}

/* Plans shared between threads while the cache is cleared under them. */
static void *thread_body(void *arg) {
    intptr_t id = (intptr_t)arg;
    int bad = 0;
    for (int it = 0; it < 30; it++) {
        int64_t n = 64 + 37 * ((id + it) % 5);
        nd_array *x = nd_ones(ND_SHAPE(n), .dtype = ND_COMPLEX128);
        nd_array *X = nd_fft_fft(x);
        if (!X || fabs(nd_item_double(X, ND_IDX(0)) - (double)n) > 1e-9) bad++;
        if (id == 0 && it % 7 == 0) nd_fft_cache_clear();
        nd_free(X); nd_free(x);
    }
    return (void *)(intptr_t)bad;
}

static void test_threads(void) {
    pthread_t th[4];
    for (intptr_t i = 0; i < 4; i++) pthread_create(&th[i], NULL, thread_body, (void *)i);
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(th[i], &r);
        CHECK_EQ_INT((intptr_t)r, 0);
    }
    nd_fft_cache_clear();
}

int main(void) {
    test_accuracy_exact();
    test_accuracy_big();
    test_golden();
    test_freq();
    test_shift();
    test_layouts();
    test_real_vs_complex();
    test_dtypes_and_edges();
    test_out();
    test_threads();
    return check_done();
}
