/* The math ufuncs (nd/umath.h) against NumPy golden data (tests/golden/ufunc/math.txt,
 * made by make_ufunc.py): every dtype with a loop, contiguous / reversed / strided
 * operands, signed zeros, inf, NaN, complex branch cuts, and NumPy's fp flags.
 * Functions computed by libm differently from NumPy's own code may differ in the last
 * bits: those are compared within 4 ulp (of the result's dtype; complex: of the larger
 * part), the others exactly (signed zeros included).
 * Then: accuracy of the vector-math paths (exp, log, sin, cos, tanh; float64 and
 * float32) on 10^6 values against long double, empty / 0-d / in-place calls, the
 * two-output API, NumPy 2 behaviours 1.24 lacks (complex sign, bitwise_count), errors. */
#include "check.h"

#include <complex.h>
#include <float.h>
#include <math.h>
#include <stdint.h>

static void put(nd_array *a, int64_t i, const char *tok) {
    char kind = nd_dtype_kind(nd_dtype(a));
    nd_value v;
    if (kind == 'b') v = nd_value_bool(tok[0] == '1');
    else if (kind == 'i') v = nd_value_int(strtoll(tok, NULL, 10));
    else if (kind == 'u') v = nd_value_uint(strtoull(tok, NULL, 10));
    else if (kind == 'f') v = nd_value_double(strtod(tok, NULL));
    else {
        char *e;
        double re = strtod(tok, &e);
        v = nd_value_complex(re, strtod(e + 1, NULL));
    }
    nd_itemset_ex(a, ND_IDX(i), v);
}

/* spacing of the result dtype's floats at x (item size 2, 4, 8) */
static double ulp_at(double x, int size) {
    int mant = size == 2 ? 10 : size == 4 ? 23 : 52, emin = size == 2 ? -14 : size == 4 ? -126 : -1022;
    x = fabs(x);
    if (!isfinite(x)) return 0;
    int e = x > 0 ? ilogb(x) : emin;
    if (e < emin) e = emin;
    return ldexp(1.0, e - mant);
}

static int close_part(double got, double want, double tol) {
    if (isnan(want)) return isnan(got);
    if (isinf(want) || tol == 0) return got == want && (want != 0 || signbit(got) == signbit(want));
    return fabs(got - want) <= tol;
}

/* element i of a against the text value; ulps == 0: exact */
static int same(const nd_array *a, int64_t i, const char *tok, int ulps) {
    nd_value v;
    if (nd_item(a, ND_IDX(i), &v) < 0) return 0;
    const nd_dtype_t *d = nd_dtype(a);
    char kind = nd_dtype_kind(d);
    if (kind == 'b') return v.v.b == (tok[0] == '1');
    if (kind == 'i') return v.v.i == strtoll(tok, NULL, 10);
    if (kind == 'u') return v.v.u == strtoull(tok, NULL, 10);
    char *e;
    double re = strtod(tok, &e);
    if (kind == 'f') return close_part(v.v.f, re, ulps * ulp_at(re, (int)nd_dtype_itemsize(d)));
    double im = strtod(e + 1, NULL);
    int ps = (int)nd_dtype_itemsize(d) / 2;
    double big = fmax(isfinite(re) ? fabs(re) : 0, isfinite(im) ? fabs(im) : 0);
    double tol = ulps * fmax(ulp_at(big, ps), 0);
    return close_part(v.v.c.re, re, ulps ? fmax(tol, ulps * ulp_at(re, ps)) : 0) &&
           close_part(v.v.c.im, im, ulps ? fmax(tol, ulps * ulp_at(im, ps)) : 0);
}

static int split(char *line, char **tok, int cap) {
    int n = 0;
    for (char *t = strtok(line, " \n"); t && n < cap; t = strtok(NULL, " \n")) tok[n++] = t;
    return n;
}

static nd_array *make(const char *dt, char **tok, int n, int layout) {
    nd_array *base = nd_empty(ND_SHAPE(layout == 2 ? 2 * n : n), .dtype = nd_dtype_parse(dt));
    for (int i = 0; i < n; i++) put(base, layout == 1 ? n - 1 - i : layout == 2 ? 2 * i : i, tok[i]);
    if (layout == 0) return base;
    nd_array *v = nd_get(base, layout == 1 ? "::-1" : "::2");
    nd_free(base);
    return v;
}

static int flags_seen;
static void on_fpe(const char *msg, int flag, void *ud) { (void)msg; (void)ud; flags_seen |= flag; }

static int is_exact(const char *name) {
    static const char *const exact[] = { "sign", "fabs", "rint", "floor", "ceil", "trunc", "degrees",
        "radians", "deg2rad", "rad2deg", "isnan", "isinf", "isfinite", "signbit", "copysign", "nextafter",
        "spacing", "ldexp", "frexp", "modf", "heaviside", "gcd", "lcm", "conjugate", NULL };
    for (int k = 0; exact[k]; k++)
        if (!strcmp(exact[k], name)) return 1;
    return 0;
}

/* One golden case: the ufunc of that name, or a composite (composite.txt). */
static int run_math(const char *name, nd_array *x, nd_array *y, nd_array **out) {
    const nd_ufunc *uf = nd_ufunc_find(name);
    CHECK_MSG(uf != NULL, "no ufunc %s", name);
    return uf ? nd_ufunc_call(uf, (nd_operand[]){ ND_OPERAND(x), ND_OPERAND(y) }, out, NULL) : -1;
}

static int run_composite(const char *name, nd_array *x, nd_array *y, nd_array **out) {
    nd_array *r = NULL;
    if (!strcmp(name, "real")) r = nd_real(x);
    else if (!strcmp(name, "imag")) r = nd_imag(x);
    else if (!strcmp(name, "angle")) r = nd_angle(x);
    else if (!strcmp(name, "angle_deg")) r = nd_angle(x, .deg = true);
    else if (!strcmp(name, "iscomplex")) r = nd_iscomplex(x);
    else if (!strcmp(name, "isreal")) r = nd_isreal(x);
    else if (!strcmp(name, "around")) r = nd_around(x);
    else if (!strcmp(name, "around_2")) r = nd_around(x, .decimals = 2);
    else if (!strcmp(name, "around_m1")) r = nd_around(x, .decimals = -1);
    else if (!strcmp(name, "fix")) r = nd_fix(x);
    else if (!strcmp(name, "clip")) r = nd_clip(x, y, 3);
    else if (!strcmp(name, "nan_to_num")) r = nd_nan_to_num(x);
    else if (!strcmp(name, "isclose")) r = nd_isclose(x, y);
    else if (!strcmp(name, "isclose_nan")) r = nd_isclose(x, y, .rtol = 0.1, .tol_given = true, .equal_nan = true);
    else if (!strcmp(name, "sinc")) r = nd_sinc(x);
    else CHECK_MSG(0, "unknown composite %s", name);
    out[0] = r;
    return r ? 0 : -1;
}

typedef int (*run_fn)(const char *name, nd_array *x, nd_array *y, nd_array **out);

static void test_golden(const char *file, run_fn run, int min_blocks) {
    char path[512];
    snprintf(path, sizeof path, "%s/ufunc/%s", ND_GOLDEN_DIR, file);
    char *s = check_read_file(path, NULL);
    CHECK_MSG(s != NULL, "missing %s", path);
    if (!s) return;
    char *save, *lines[5];
    int blocks = 0;
    lines[0] = strtok_r(s, "\n", &save);
    while (lines[0]) {
        char name[32], dt[16], rdt[40];
        int bits;
        sscanf(lines[0], "V %31s %15s %39s %d", name, dt, rdt, &bits);
        int nout = strchr(rdt, ',') ? 2 : 1;
        for (int k = 1; k < 3 + nout; k++) lines[k] = strtok_r(NULL, "\n", &save);
        if (!lines[2 + nout]) break;
        char *xt[32], *yt[32], *rt[2][32];
        int n = split(lines[1], xt, 32);
        split(lines[2], yt, 32);
        for (int k = 0; k < nout; k++) split(lines[3 + k], rt[k], 32);
        /* NumPy 2 changed the sign of complex numbers to z/|z| (tested below) */
        bool skip = !strcmp(name, "sign") && dt[0] == 'c';
        /* around: NumPy 1.24 rounds bool through a bool "10**d" (float16 or errors);
         * nd treats bool like the integers.  uint32 max / 10 rounds to 4294967300,
         * out of range for the cast back (NumPy's cast gives 0, nd's core cast 4) */
        if (!strncmp(name, "around", 6) && (!strcmp(dt, "bool") || (!strcmp(name, "around_m1") && !strcmp(dt, "uint32"))))
            skip = true;
        /* complex reciprocal: NumPy's formula, last bits may differ */
        int ulps = is_exact(name) ? 0 : 4;
        if (run == run_composite) ulps = strncmp(name, "angle", 5) && strcmp(name, "sinc") ? 0 : 4;
        const char *ydt = !strcmp(name, "ldexp") ? "int64" : dt;
        for (int layout = 0; layout < 3 && !skip; layout++) {
            nd_array *x = make(dt, xt, n, layout), *y = make(ydt, yt, n, layout);
            nd_array *out[2] = { NULL, NULL };
            flags_seen = 0;
            int rc;
            ND_ERRSTATE(.all = ND_FPE_CALL, .call = on_fpe) {
                rc = run(name, x, y, out);
            }
            CHECK_MSG(rc == 0, "%s %s: %s", name, dt, nd_error_message());
            for (int k = 0; k < nout && rc == 0; k++) {
                char want[16];
                snprintf(want, sizeof want, "%.*s", (int)strcspn(k ? strchr(rdt, ',') + 1 : rdt, ","),
                         k ? strchr(rdt, ',') + 1 : rdt);
                CHECK_MSG(!strcmp(nd_dtype_name(nd_dtype(out[k])), want), "%s %s dtype %s, NumPy %s", name, dt,
                          nd_dtype_name(nd_dtype(out[k])), want);
                for (int i = 0; i < n; i++) {
                    nd_value g;
                    nd_item(out[k], ND_IDX(i), &g);
                    CHECK_MSG(same(out[k], i, rt[k][i], ulps), "%s(%s) out %d layout %d element %d: x=%s y=%s expected %s got %a %a",
                              name, dt, k, layout, i, xt[i], yt[i], rt[k][i], nd_dtype_kind(nd_dtype(out[k])) == 'c' ? g.v.c.re : nd_item_double(out[k], ND_IDX(i)),
                              nd_dtype_kind(nd_dtype(out[k])) == 'c' ? g.v.c.im : 0.0);
                }
            }
            /* NumPy's flags must be raised (nd may raise more); float16: NumPy's
             * float -> half cast raises underflow / overflow, nd's strided cast
             * does not (core) */
            if (strstr(rdt, "float16")) bits &= ~(ND_FPE_UNDERFLOW | ND_FPE_OVERFLOW);
            /* NumPy's float32 SIMD sin/cos raise underflow on their own inputs */
            if (ulps) bits &= ~ND_FPE_UNDERFLOW;
            CHECK_MSG(rc != 0 || (flags_seen & bits) == bits, "%s(%s) layout %d: flags %d, NumPy %d", name, dt, layout, flags_seen, bits);
            nd_free(out[0]);
            nd_free(out[1]);
            nd_free(x);
            nd_free(y);
        }
        blocks++;
        lines[0] = strtok_r(NULL, "\n", &save);
    }
    CHECK_MSG(blocks >= min_blocks, "%s: %d cases", file, blocks);
    free(s);
}

/* ------------------------------------------------ accuracy of the fast paths */

typedef long double (*ref_fn)(long double);

/* max error in ulps of the result over n values spread across [lo, hi] (contiguous
 * arrays, so the vector path runs) */
static double max_ulps(const nd_ufunc *uf, const nd_dtype_t *dt, ref_fn ref, double lo, double hi, int64_t n) {
    nd_array *x = nd_empty(ND_SHAPE(n), .dtype = dt);
    bool f32 = nd_dtype_itemsize(dt) == 4;
    uint64_t st = 88172645463325252ull;
    for (int64_t i = 0; i < n; i++) {
        st ^= st << 13; st ^= st >> 7; st ^= st << 17;
        double u = (double)(st >> 11) * 0x1p-53;
        /* half uniform, half log-uniform in magnitude (small arguments matter too) */
        double v = (i & 1) ? lo + (hi - lo) * u : copysign(exp(log(fmax(fabs(lo), fabs(hi))) * u - 20 * (1 - u)), lo < 0 && (st & 2) ? -1.0 : 1.0);
        if (v < lo) v = lo;
        if (v > hi) v = hi;
        if (f32) ((float *)nd_data(x))[i] = (float)v;
        else ((double *)nd_data(x))[i] = v;
    }
    nd_array *y = NULL;
    nd_ufunc_call(uf, (nd_operand[]){ ND_OPERAND(x) }, &y, NULL);
    double worst = y ? 0 : 1e9;
    for (int64_t i = 0; i < n && y; i++) {
        long double xi = f32 ? ((float *)nd_data(x))[i] : ((double *)nd_data(x))[i];
        double got = f32 ? ((float *)nd_data(y))[i] : ((double *)nd_data(y))[i];
        long double r = ref(xi);
        double rr = f32 ? (double)(float)r : (double)r;
        double err = (double)fabsl((long double)got - r) / ulp_at(rr, f32 ? 4 : 8);
        if (err > worst) worst = err;
    }
    nd_free(x);
    nd_free(y);
    return worst;
}

static void test_accuracy(void) {
    struct { const char *name; ref_fn ref; double lo, hi; } c[] = {
        { "exp", expl, -700, 700 }, { "log", logl, 1e-300, 1e300 }, { "sin", sinl, -1e4, 1e4 },
        { "cos", cosl, -1e4, 1e4 }, { "tanh", tanhl, -30, 30 },
    };
    struct { const char *name; ref_fn ref; double lo, hi; } c32[] = {
        { "exp", expl, -87, 88 }, { "log", logl, 1e-37, 1e37 }, { "sin", sinl, -1e4, 1e4 },
        { "cos", cosl, -1e4, 1e4 }, { "tanh", tanhl, -15, 15 },
    };
    for (int k = 0; k < 5; k++) {
        double e64 = max_ulps(nd_ufunc_find(c[k].name), ND_FLOAT64, c[k].ref, c[k].lo, c[k].hi, 1000000);
        double e32 = max_ulps(nd_ufunc_find(c32[k].name), ND_FLOAT32, c32[k].ref, c32[k].lo, c32[k].hi, 1000000);
        CHECK_MSG(e64 <= 4, "%s float64: %.2f ulp", c[k].name, e64);
        CHECK_MSG(e32 <= 4, "%s float32: %.2f ulp", c[k].name, e32);
    }
}

/* power on contiguous operands (the vector path for positive normal bases with
 * moderate results, libm elsewhere): max error in ulps against powl over n pairs; the
 * exponent is an array, or the scalar ys when ys != 0 */
static double pow_ulps(const nd_dtype_t *dt, double xlo, double xhi, double ylo, double yhi, double ys, int64_t n) {
    bool f32 = nd_dtype_itemsize(dt) == 4;
    nd_array *x = nd_empty(ND_SHAPE(n), .dtype = dt), *y = nd_empty(ND_SHAPE(n), .dtype = dt);
    uint64_t st = 0x9E3779B97F4A7C15ull;
    for (int64_t i = 0; i < n; i++) {
        st ^= st << 13; st ^= st >> 7; st ^= st << 17;
        double u = (double)(st >> 11) * 0x1p-53;
        st ^= st << 13; st ^= st >> 7; st ^= st << 17;
        double w = (double)(st >> 11) * 0x1p-53;
        double xv = exp(log(xlo) + (log(xhi) - log(xlo)) * u), yv = ylo + (yhi - ylo) * w;
        if (f32) { ((float *)nd_data(x))[i] = (float)xv; ((float *)nd_data(y))[i] = (float)yv; }
        else { ((double *)nd_data(x))[i] = xv; ((double *)nd_data(y))[i] = yv; }
    }
    nd_array *r = ys != 0 ? nd_power(x, f32 ? (double)(float)ys : ys) : nd_power(x, y);
    double worst = r ? 0 : 1e9;
    for (int64_t i = 0; i < n && r; i++) {
        long double xi = f32 ? ((float *)nd_data(x))[i] : ((double *)nd_data(x))[i];
        long double yi = ys != 0 ? (f32 ? (long double)(float)ys : ys) : f32 ? ((float *)nd_data(y))[i] : ((double *)nd_data(y))[i];
        double got = f32 ? ((float *)nd_data(r))[i] : ((double *)nd_data(r))[i];
        long double ref = powl(xi, yi);
        double rr = f32 ? (double)(float)ref : (double)ref;
        if (!isfinite(rr) || rr == 0) { if (got != rr) worst = 1e9; continue; }
        double err = (double)fabsl((long double)got - ref) / ulp_at(rr, f32 ? 4 : 8);
        if (err > worst) worst = err;
    }
    nd_free(x);
    nd_free(y);
    nd_free(r);
    return worst;
}

static void test_power_accuracy(void) {
    const nd_dtype_t *dts[2] = { ND_FLOAT64, ND_FLOAT32 };
    for (int k = 0; k < 2; k++) {
        bool f32 = k == 1;
        /* moderate: every chunk vectorized; wide: chunks mix vector and libm */
        double e1 = pow_ulps(dts[k], 1e-3, 1e3, -20, 20, 0, 1000000);
        double e2 = pow_ulps(dts[k], f32 ? 1e-30 : 1e-300, f32 ? 1e30 : 1e300, -3, 3, 0, 1000000);
        double e3 = pow_ulps(dts[k], 1e-6, 1e6, 0, 0, 2.5, 1000000);
        double e4 = pow_ulps(dts[k], 0.5, 2, f32 ? -120 : -1000, f32 ? 120 : 1000, 0, 1000000);
        CHECK_MSG(e1 <= 4 && e2 <= 4 && e3 <= 4 && e4 <= 4, "power %s: %.2f %.2f %.2f %.2f ulp",
                  f32 ? "float32" : "float64", e1, e2, e3, e4);
    }
    /* NumPy's special cases inside long contiguous arrays (so the vector path runs
     * beside them): pow(x, 0) = 1 even for NaN, pow(1, y) = 1 even for NaN, negative
     * bases with integer exponents, NaN for a negative base and a fractional one,
     * inf/0 results, with the flags libm gives */
    for (int k = 0; k < 2; k++) {
        int64_t n = 100;
        nd_array *x = nd_full(ND_SHAPE(n), 1.5, .dtype = dts[k]), *y = nd_full(ND_SHAPE(n), 3.25, .dtype = dts[k]);
        double xs[] = { NAN, 1.0, -8.0, -8.0, -2.0, 0.0, 0.0, INFINITY, -INFINITY, 2.0, 1e-30, 7.0 };
        double yv[] = { 0.0, NAN, 3.0, 1.0 / 3.0, -3.0, -1.0, 0.5, 0.5, 3.0, 1e6, 1e6, 0.0 };
        for (int i = 0; i < 12; i++) {
            nd_itemset(x, ND_IDX(40 + i), xs[i]);
            nd_itemset(y, ND_IDX(40 + i), yv[i]);
        }
        nd_errstate old = nd_seterr(.all = ND_FPE_IGNORE);
        nd_array *r = nd_power(x, y);
        nd_errstate_restore(&old);
        CHECK(r != NULL);
        double want[] = { 1, 1, -512, NAN, -0.125, INFINITY, 0, INFINITY, -INFINITY, INFINITY, 0, 1 };
        for (int i = 0; r && i < 12; i++) {
            double g = nd_item_double(r, ND_IDX(40 + i));
            CHECK_MSG((isnan(want[i]) && isnan(g)) || g == want[i], "power special %d (%s): %g", i, k ? "f32" : "f64", g);
        }
        double g0 = r ? nd_item_double(r, ND_IDX(0)) : 0, w0 = pow(k ? (double)1.5f : 1.5, 3.25);
        CHECK_NEAR(g0, w0, k ? 1e-6 : 1e-15);
        nd_free(r);
        /* flags: divide by zero (0 ** -1), invalid (-8 ** 1/3), overflow (2 ** 1e6) */
        old = nd_seterr(.all = ND_FPE_CALL, .call = on_fpe);
        flags_seen = 0;
        r = nd_power(x, y);
        nd_errstate_restore(&old);
        CHECK_MSG((flags_seen & (ND_FPE_DIVIDEBYZERO | ND_FPE_INVALID | ND_FPE_OVERFLOW)) ==
                  (ND_FPE_DIVIDEBYZERO | ND_FPE_INVALID | ND_FPE_OVERFLOW), "power flags %#x", flags_seen);
        nd_free(r);
        /* a moderate array raises nothing (the vector path discards inexact only) */
        nd_array *m = nd_full(ND_SHAPE(1000), 1.75, .dtype = dts[k]);
        old = nd_seterr(.all = ND_FPE_CALL, .call = on_fpe);
        flags_seen = 0;
        r = nd_power(m, 2.5);
        nd_errstate_restore(&old);
        CHECK_EQ_INT(flags_seen, 0);
        CHECK(r && nd_item_double(r, ND_IDX(999)) == nd_item_double(r, ND_IDX(0)));
        nd_free(r);
        nd_free(m);
        nd_free(x);
        nd_free(y);
    }
}

/* ------------------------------------------------ shapes, options, API */

static void test_shapes(void) {
    /* empty and 0-d */
    nd_array *e = nd_empty(ND_SHAPE(0, 3));
    nd_array *r = nd_exp(e);
    CHECK(r && nd_ndim(r) == 2 && nd_size(r) == 0);
    nd_free(r);
    nd_free(e);
    nd_array *z = nd_full(ND_SHAPE(), 1.0);
    r = nd_log(z);
    CHECK(r && nd_ndim(r) == 0 && nd_item_double(r, ND_IDX()) == 0.0);
    nd_free(r);
    /* C scalars: weak, float64 */
    r = nd_sin(0.5);
    CHECK(r && nd_dtype(r) == ND_FLOAT64 && nd_item_double(r, ND_IDX()) == sin(0.5));
    nd_free(r);
    nd_free(z);
    /* in place, vector path with and without a tail; every element matches libm
     * within 4 ulp, and NaN/inf in a chunk go through libm */
    for (int n = 4; n <= 1027; n += 341) {
        nd_array *a = nd_empty(ND_SHAPE(n)), *b;
        double *p = nd_data(a);
        for (int i = 0; i < n; i++) p[i] = (i % 97 == 5) ? NAN : (i % 89 == 3) ? INFINITY : i * 0.01 - 3;
        b = nd_copy(a, 'C');
        CHECK(nd_exp(a, .out = a) == a);
        const double *q = nd_data(b);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            double w = exp(q[i]);
            bad += !(isnan(w) ? isnan(p[i]) : p[i] == w || fabs(p[i] - w) <= 4 * ulp_at(w, 8));
        }
        CHECK_MSG(bad == 0, "in-place exp n=%d: %d bad", n, bad);
        nd_free(a);
        nd_free(b);
    }
    /* float32 vector path over a float64 input via dtype= and a strided out */
    nd_array *x = nd_arange(0, 20, 1, .dtype = ND_FLOAT32);
    nd_array *o = nd_zeros(ND_SHAPE(40), .dtype = ND_FLOAT32);
    nd_array *ov = nd_get(o, "::2");
    CHECK(nd_cos(x, .out = ov) == ov);
    CHECK_NEAR(nd_item_double(o, ND_IDX(6)), cosf(3.0f), 1e-6);
    CHECK(nd_item_double(o, ND_IDX(7)) == 0.0);
    nd_free(ov);
    nd_free(o);
    nd_free(x);
}

static void test_api(void) {
    nd_array *x = ND_ARRAY(double, ND_SHAPE(4), 8.0, -0.75, 0.0, 3.5), *m, *e;
    CHECK(nd_frexp(x, &m, &e) == 0);
    CHECK(nd_dtype(e) == ND_INT32 && nd_item_double(m, ND_IDX(0)) == 0.5 && nd_item_int(e, ND_IDX(0)) == 4);
    CHECK(nd_item_double(m, ND_IDX(1)) == -0.75 && nd_item_int(e, ND_IDX(1)) == 0);
    nd_free(m);
    nd_free(e);
    CHECK(nd_frexp(x, NULL, &e) == 0 && nd_item_int(e, ND_IDX(3)) == 2);
    nd_free(e);
    nd_array *f, *w;
    CHECK(nd_modf(x, &f, &w) == 0);
    CHECK(nd_item_double(f, ND_IDX(3)) == 0.5 && nd_item_double(w, ND_IDX(3)) == 3.0);
    CHECK(nd_item_double(f, ND_IDX(1)) == -0.75 && signbit(nd_item_double(w, ND_IDX(1))));
    nd_free(f);
    nd_free(w);
    CHECK(nd_modf(x, NULL, NULL) == 0);
    nd_array *l = nd_ldexp(x, 2);
    CHECK(l && nd_dtype(l) == ND_FLOAT64 && nd_item_double(l, ND_IDX(0)) == 32.0);
    nd_free(l);
    /* frexp on ints: float64 (safe cast) as NumPy */
    nd_array *xi = ND_ARRAY(int, ND_SHAPE(2), 3, 4);
    CHECK(nd_frexp(xi, &m, &e) == 0 && nd_dtype(m) == ND_FLOAT64);
    nd_free(m);
    nd_free(e);
    nd_free(xi);
    nd_free(x);

    /* NumPy 2: sign(z) = z/|z| */
    nd_array *z = ND_ARRAY(double _Complex, ND_SHAPE(4), 3 + 4 * I, 0, -2 * I, INFINITY + 1 * I);
    nd_array *s = nd_sign(z);
    nd_value v;
    nd_item(s, ND_IDX(0), &v);
    CHECK_NEAR(v.v.c.re, 0.6, 1e-15);
    CHECK_NEAR(v.v.c.im, 0.8, 1e-15);
    nd_item(s, ND_IDX(1), &v);
    CHECK(v.v.c.re == 0 && v.v.c.im == 0);
    nd_item(s, ND_IDX(2), &v);
    CHECK(v.v.c.re == 0 && v.v.c.im == -1);
    nd_item(s, ND_IDX(3), &v);
    CHECK(v.v.c.re == 1 && v.v.c.im == 0);
    nd_free(s);
    nd_free(z);

    /* NumPy 2: bitwise_count of |x|, uint8 */
    nd_array *b = ND_ARRAY(long, ND_SHAPE(4), 0, 7, -1, INT64_MIN);
    nd_array *c = nd_bitwise_count(b);
    CHECK(c && nd_dtype(c) == ND_UINT8);
    CHECK(nd_item_int(c, ND_IDX(1)) == 3 && nd_item_int(c, ND_IDX(2)) == 1 && nd_item_int(c, ND_IDX(3)) == 1);
    nd_free(c);
    nd_free(b);
    CHECK_ERR(nd_bitwise_count(1.5), ND_ERR_TYPE, "ufunc 'bitwise_count' not supported for the input types");

    /* errors */
    nd_array *bb = ND_ARRAY(bool, ND_SHAPE(2), true, false);
    CHECK_ERR(nd_sign(bb), ND_ERR_TYPE, "ufunc 'sign' did not contain a loop with signature matching types "
              "<class 'numpy.dtypes.BoolDType'> -> None");
    CHECK_ERR(nd_gcd(bb, bb), ND_ERR_TYPE, "(<class 'numpy.dtypes.BoolDType'>, <class 'numpy.dtypes.BoolDType'>) -> None");
    nd_free(bb);
    CHECK_ERR(nd_arctan2((double _Complex)I, 1.0), ND_ERR_TYPE, "ufunc 'arctan2' not supported for the input types");
    CHECK_ERR(nd_exp((nd_array *)NULL), ND_ERR_TYPE, NULL);
    nd_array *big = ND_ARRAY(double, ND_SHAPE(2), 1.0, 1000.0);
    ND_ERRSTATE(.over = ND_FPE_RAISE) {
        CHECK_ERR(nd_exp(big), ND_ERR_FLOATING, "overflow encountered in exp");
    }
    ND_ERRSTATE(.divide = ND_FPE_RAISE) {
        CHECK_ERR(nd_log(0.0), ND_ERR_FLOATING, "divide by zero encountered in log");
    }
    nd_free(big);
    /* lookup and introspection */
    CHECK(nd_ufunc_find("conjugate") == nd_ufunc_conjugate);
    CHECK_EQ_STR(nd_ufunc_type(nd_ufunc_frexp, 2), "d->di");
    CHECK(nd_ufunc_nout(nd_ufunc_modf) == 2);
}

static void test_composites(void) {
    /* real / imag are views: writing through them changes z */
    nd_array *z = ND_ARRAY(double _Complex, ND_SHAPE(2), 1 + 2 * I, 3 - 4 * I);
    nd_array *re = nd_real(z), *im = nd_imag(z);
    CHECK(re && im && nd_dtype(re) == ND_FLOAT64 && nd_item_double(im, ND_IDX(1)) == -4);
    CHECK(nd_multiply(im, 10, .out = im) == im);
    nd_value v;
    nd_item(z, ND_IDX(0), &v);
    CHECK(v.v.c.re == 1 && v.v.c.im == 20);
    nd_free(re);
    nd_free(im);
    nd_array *ang = nd_angle(z, .deg = true);
    CHECK_NEAR(nd_item_double(ang, ND_IDX(1)), atan2(-40, 3) * 180 / M_PI, 1e-12);
    nd_free(ang);
    nd_free(z);

    /* clip: one bound None, array bounds, both None, NaN bounds (NumPy 2) */
    nd_array *a = ND_ARRAY(double, ND_SHAPE(5), -3, -0.5, 0.5, 3, NAN);
    nd_array *c = nd_clip(a, ND_NONE, 1);
    CHECK(c && nd_item_double(c, ND_IDX(0)) == -3 && nd_item_double(c, ND_IDX(3)) == 1 && isnan(nd_item_double(c, ND_IDX(4))));
    nd_free(c);
    nd_array *lo = ND_ARRAY(double, ND_SHAPE(5), 0, 0, 0, 0, 0);
    c = nd_clip(a, lo, NAN);
    CHECK(c && isnan(nd_item_double(c, ND_IDX(0))) && isnan(nd_item_double(c, ND_IDX(2))));
    nd_free(c);
    CHECK_ERR(nd_clip(a, ND_NONE, ND_NONE), ND_ERR_VALUE, "One of max or min must be given");
    nd_array *o = nd_empty(ND_SHAPE(5));
    CHECK(nd_clip(a, lo, 1, .out = o) == o && nd_item_double(o, ND_IDX(3)) == 1 && nd_item_double(o, ND_IDX(0)) == 0);
    nd_free(o);
    nd_free(lo);

    /* nan_to_num with given replacements */
    nd_array *b = ND_ARRAY(float, ND_SHAPE(4), NAN, INFINITY, -INFINITY, 2);
    nd_array *n = nd_nan_to_num(b, .nan = -1, .posinf = ND_VALUE(9.0), .neginf = ND_VALUE(-9.0));
    CHECK(n && nd_dtype(n) == ND_FLOAT32 && nd_item_double(n, ND_IDX(0)) == -1 && nd_item_double(n, ND_IDX(1)) == 9 &&
          nd_item_double(n, ND_IDX(2)) == -9 && nd_item_double(n, ND_IDX(3)) == 2);
    nd_free(n);
    n = nd_nan_to_num(b);
    CHECK(n && nd_item_double(n, ND_IDX(1)) == FLT_MAX && nd_item_double(b, ND_IDX(1)) == INFINITY);
    nd_free(n);
    nd_free(b);

    /* isclose / allclose / array_equal / array_equiv */
    nd_array *x = ND_ARRAY(double, ND_SHAPE(3), 1.0, NAN, INFINITY);
    nd_array *y = ND_ARRAY(double, ND_SHAPE(3), 1.0 + 1e-9, NAN, INFINITY);
    CHECK_EQ_INT(nd_allclose(x, y), 0);
    CHECK_EQ_INT(nd_allclose(x, y, .equal_nan = true), 1);
    CHECK_EQ_INT(nd_allclose(x, y, .equal_nan = true, .tol_given = true), 0);
    CHECK_EQ_INT(nd_array_equal(x, x), 0);
    CHECK_EQ_INT(nd_array_equal(x, x, .equal_nan = true), 1);
    CHECK_EQ_INT(nd_array_equal(x, y, .equal_nan = true), 0);
    nd_array *row = ND_ARRAY(int, ND_SHAPE(1, 2), 1, 2), *two = ND_ARRAY(long, ND_SHAPE(2, 2), 1, 2, 1, 2);
    CHECK_EQ_INT(nd_array_equal(row, two), 0);
    CHECK_EQ_INT(nd_array_equiv(row, two), 1);
    CHECK_EQ_INT(nd_array_equiv(row, x), 0);
    CHECK(nd_error() == ND_OK);
    nd_array *ic = nd_isclose(x, 1.0);
    CHECK(ic && nd_dtype(ic) == ND_BOOL && nd_item_int(ic, ND_IDX(0)) == 1 && nd_item_int(ic, ND_IDX(2)) == 0);
    nd_free(ic);
    nd_free(row);
    nd_free(two);
    nd_free(x);
    nd_free(y);

    /* around with out=, negative decimals on ints, 0-d fix, sinc at 0 */
    nd_array *r = ND_ARRAY(double, ND_SHAPE(3), 1.25, 2.5, -1234.5);
    o = nd_empty(ND_SHAPE(3));
    CHECK(nd_around(r, .decimals = 1, .out = o) == o && nd_item_double(o, ND_IDX(0)) == 1.2);
    CHECK(nd_around(r, .decimals = -2, .out = o) == o && nd_item_double(o, ND_IDX(2)) == -1200);
    nd_free(o);
    nd_free(r);
    nd_array *iv = ND_ARRAY(long, ND_SHAPE(3), 15, 25, -1234);
    nd_array *ir = nd_around(iv, .decimals = -1);
    CHECK(ir && nd_dtype(ir) == ND_INT64 && nd_item_int(ir, ND_IDX(0)) == 20 && nd_item_int(ir, ND_IDX(1)) == 20 &&
          nd_item_int(ir, ND_IDX(2)) == -1230);
    nd_free(ir);
    nd_free(iv);
    nd_array *zd = nd_full(ND_SHAPE(), -2.5);
    nd_array *f = nd_fix(zd);
    CHECK(f && nd_ndim(f) == 0 && nd_item_double(f, ND_IDX()) == -2.0);
    nd_free(f);
    nd_free(zd);
    nd_array *s0 = ND_ARRAY(double, ND_SHAPE(2), 0.0, 0.5);
    nd_array *sc = nd_sinc(s0);
    CHECK(sc && nd_item_double(sc, ND_IDX(0)) == 1.0);
    CHECK_NEAR(nd_item_double(sc, ND_IDX(1)), 2 / M_PI, 1e-15);
    nd_free(sc);
    nd_free(s0);
    /* unwrap along both axes (values from NumPy 1.24) */
    nd_array *pw = ND_ARRAY(double, ND_SHAPE(2, 5), 0., 1, 5, 12, -3, 3, 2.9, -3.2, 7, 100);
    static const double last[] = { 0x0.0p+0, 0x1.0p+0, -0x1.487ed5110b460p+0, -0x1.21fb54442d180p-1, -0x1.8p+1,
                                   0x1.8p+1, 0x1.7333333333333p+1, 0x1.8aa5d0eeec096p+1, 0x1.6f0255dde9740p-1,
                                   -0x1.0fdaa22168c00p-1 };
    static const double first[] = { 0x0.0p+0, 0x1.0p+0, 0x1.4p+2, 0x1.8p+3, -0x1.8p+1, 0x1.8p+1, 0x1.7333333333333p+1,
                                    0x1.8aa5d0eeec096p+1, 0x1.a90fdaa22168cp+3, -0x1.0fdaa22168c00p-1 };
    for (int ax = 0; ax < 2; ax++) {
        nd_array *u = ax ? nd_unwrap(pw, .axis = ND_AXIS(0)) : nd_unwrap(pw);
        CHECK(u != NULL);
        for (int i = 0; i < 10 && u; i++)
            CHECK_MSG(nd_item_double(u, ND_IDX(i / 5, i % 5)) == (ax ? first : last)[i], "unwrap axis %d element %d: %a", ax,
                      i, nd_item_double(u, ND_IDX(i / 5, i % 5)));
        nd_free(u);
    }
    nd_array *pn = nd_get(pw, "::-1, ::-2");
    nd_array *u = nd_unwrap(pn, .period = 6.0, .discont = 4);
    CHECK(u && nd_ndim(u) == 2 && nd_shape_of(u).dims[1] == 3);
    nd_free(u);
    nd_free(pn);
    CHECK_ERR(nd_unwrap(pw, .axis = ND_AXIS(2)), ND_ERR_AXIS, "axis 2 is out of bounds for array of dimension 2");
    nd_free(pw);
    /* NULL arguments */
    CHECK_ERR(nd_real(NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_sinc(NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_array_equal(NULL, NULL), ND_ERR_VALUE, NULL);
    nd_free(a);
}

int main(void) {
    test_golden("math.txt", run_math, 400);
    test_golden("composite.txt", run_composite, 200);
    test_shapes();
    test_api();
    test_composites();
    test_accuracy();
    test_power_accuracy();
    return check_done();
}
