/* Conformance sweep of the core against NumPy: every ufunc over every dtype on edge
 * values (0, -0.0, NaN, +-inf, integer extremes, division by zero, shift counts past the
 * width), dtype promotion of every pair, reductions, creation and casting.
 * tests/golden/conform_core/conform_core.npys holds, case by case, a label and NumPy's
 * result (or its exception and message), made by make_conform_core.py; this file performs
 * the same cases in the same order.  Transcendental float results may differ from NumPy's
 * by a few ulp (different libm); they are compared with a small relative tolerance.
 *
 * NumPy 2.x semantics where 1.24 differs (the script computes them): NEP 50 weak
 * scalars, np.sign of complex is z/|z|, np.bitwise_count (new in 2.0). */
#include "golden.h"

#include <complex.h>
#include <math.h>

static const char *const DT[] = { "b1", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8",
                                  "f2", "f4", "f8", "c8", "c16" };
enum { NDT = sizeof DT / sizeof *DT, NV = 16 };
static const int64_t INTV[NV] = { 0, 1, -1, 2, -3, 5, 7, 100, -128, 127, 3, -7, 64, -100, 13, 6 };
static const double FLTV[NV] = { 0.0, -0.0, 1.0, -1.5, 2.5, 0.5, -2.0, 3.0, NAN, INFINITY, -INFINITY,
                                 1e10, 1e-5, 100.0, -0.75, 7.0 };
/* Python's -1j is complex(-0.0, -1.0) */
static const double CPXV[NV][2] = { { 0, 0 }, { -0.0, 0 }, { 1, 2 }, { -1.5, 0.5 }, { 2.5, -1 }, { 0.5, 0.5 },
                                    { -2, -3 }, { 3, 0 }, { NAN, 0 }, { INFINITY, 0 }, { 0, 1 }, { -0.0, -1 },
                                    { 1e-5, 1e-5 }, { 100, -100 }, { -0.75, 2 }, { 7, 7 } };

/* vals(dt) of the script: 16 edge values of the dtype. */
static nd_array *vals(const char *code) {
    const nd_dtype_t *d = dt_of(code);
    char k = nd_dtype_kind(d);
    nd_array *src;
    if (k == 'b') {
        int64_t v[NV];
        for (int i = 0; i < NV; i++) v[i] = ((INTV[i] % 2) + 2) % 2;
        src = nd_from_data(v, ND_SHAPE(NV), ND_INT64);
    } else if (k == 'i' || k == 'u') {
        src = nd_from_data(INTV, ND_SHAPE(NV), ND_INT64);
    } else if (k == 'f') {
        src = nd_from_data(FLTV, ND_SHAPE(NV), ND_FLOAT64);
    } else {
        src = nd_from_data(CPXV, ND_SHAPE(NV), ND_COMPLEX128);
    }
    nd_array *r = nd_astype(src, d);
    nd_free(src);
    return r;
}

/* np.roll(vals(dt), 5) */
static nd_array *vals2(const char *code) {
    nd_array *v = vals(code), *r = nd_empty_like(v);
    nd_array *a = nd_get(v, "11:"), *b = nd_get(v, ":11"), *ra = nd_get(r, ":5"), *rb = nd_get(r, "5:");
    nd_copyto(ra, a, ND_CASTING_UNSAFE);
    nd_copyto(rb, b, ND_CASTING_UNSAFE);
    nd_free(a); nd_free(b); nd_free(ra); nd_free(rb); nd_free(v);
    return r;
}

/* Transcendental float results within a few ulp of the dtype, relative to each value. */
static const golden_tol TOL = { .rel = { 1e-3, 2e-6, 1e-13 }, .abs = { 1e-300, 1e-300, 1e-300 } };

/* One result (got consumed), compared exactly or with tolerance. */
static void expect_t(const char *name, nd_array *got, bool tol) { expect_near(name, got, tol ? &TOL : NULL); }

/* The two results of frexp / modf / divmod, cases "<name> <dt> 0" and "... 1" (both
 * NULL when the call failed: each case then expects NumPy's error). */
static void expect_pair(const char *fn, const char *dt, nd_array **r) {
    char name[128], msg[512];
    nd_error_code code = nd_error();
    snprintf(msg, sizeof msg, "%s", nd_error_message());
    for (int k = 0; k < 2; k++) {
        snprintf(name, sizeof name, "%s %s %d", fn, dt, k);
        if (!r[k] && code != ND_OK) nd_error_set(code, "%s", msg); /* expect_t cleared it */
        expect_t(name, r[k], true);
    }
}

static const char *const UNARY[] = { "negative", "positive", "absolute", "square", "sqrt", "logical_not", "invert",
    "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "arcsin", "arccos", "arctan",
    "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "cbrt", "reciprocal", "sign", "fabs", "rint", "floor",
    "ceil", "trunc", "degrees", "radians", "deg2rad", "rad2deg", "isnan", "isinf", "isfinite", "signbit", "spacing",
    "conjugate", "bitwise_count" };
static const char *const UNARY2[] = { "frexp", "modf" };
static const char *const BINARY[] = { "add", "subtract", "multiply", "divide", "floor_divide", "remainder", "fmod",
    "power", "equal", "not_equal", "less", "less_equal", "greater", "greater_equal", "logical_and", "logical_or",
    "logical_xor", "bitwise_and", "bitwise_or", "bitwise_xor", "left_shift", "right_shift", "maximum", "minimum",
    "fmax", "fmin", "arctan2", "hypot", "logaddexp", "logaddexp2", "copysign", "nextafter", "ldexp", "heaviside",
    "gcd", "lcm", "float_power" };

/* uf(in...) through nd_ufunc_call; returns the first output, the others in rest[]. */
static nd_array *call(const char *ufname, int nin, nd_array *x, nd_array *y, nd_array **rest) {
    const nd_ufunc *uf = nd_ufunc_find(ufname);
    if (!uf) return NULL;
    nd_operand in[2] = { ND_OPERAND(x), ND_OPERAND(y) };
    (void)nin;
    nd_array *outs[2] = { 0 };
    if (nd_ufunc_call(uf, in, outs, NULL) < 0) return NULL;
    if (rest) rest[0] = outs[1];
    else nd_free(outs[1]);
    return outs[0];
}

static void ufunc_cases(void) {
    char name[128];
    for (size_t u = 0; u < sizeof UNARY / sizeof *UNARY; u++)
        for (int t = 0; t < NDT; t++) {
            snprintf(name, sizeof name, "%s %s", UNARY[u], DT[t]);
            nd_array *x = vals(DT[t]);
            expect_t(name, call(UNARY[u], 1, x, NULL, NULL), true);
            nd_free(x);
        }
    for (size_t u = 0; u < 2; u++)
        for (int t = 0; t < NDT; t++) {
            nd_array *x = vals(DT[t]), *r[2] = { 0 };
            r[0] = call(UNARY2[u], 1, x, NULL, &r[1]);
            expect_pair(UNARY2[u], DT[t], r);
            nd_free(x);
        }
    for (size_t u = 0; u < sizeof BINARY / sizeof *BINARY; u++)
        for (int t = 0; t < NDT; t++) {
            snprintf(name, sizeof name, "%s %s", BINARY[u], DT[t]);
            nd_array *x = vals(DT[t]), *y = vals2(DT[t]);
            expect_t(name, call(BINARY[u], 2, x, y, NULL), true);
            nd_free(x);
            nd_free(y);
        }
    for (int t = 0; t < NDT; t++) {
        nd_array *x = vals(DT[t]), *y = vals2(DT[t]), *r[2] = { 0 };
        nd_divmod(x, y, &r[0], &r[1]);
        expect_pair("divmod", DT[t], r);
        nd_free(x);
        nd_free(y);
    }
    for (int t = 0; t < NDT; t++) {
        snprintf(name, sizeof name, "power abs %s", DT[t]);
        nd_array *x = vals(DT[t]), *y = vals2(DT[t]), *ay = nd_absolute(y), *m = nd_remainder(ay, 5),
                 *e = nd_astype(m, dt_of(DT[t]));
        expect_t(name, nd_power(x, e), true);
        nd_free(x); nd_free(y); nd_free(ay); nd_free(m); nd_free(e);
    }
}

static void promotion_cases(void) {
    char name[128];
    for (int op = 0; op < 2; op++) /* add on values 0:4, true divide on 4:8 */
        for (int s = 0; s < NDT; s++)
            for (int t = 0; t < NDT; t++) {
                snprintf(name, sizeof name, "%s %s %s", op ? "divide" : "add", DT[s], DT[t]);
                nd_array *x = vals(DT[s]), *y = vals2(DT[t]), *a = nd_get(x, op ? "4:8" : ":4"),
                         *b = nd_get(y, op ? "4:8" : ":4");
                expect_t(name, op ? nd_divide(a, b) : nd_add(a, b), op == 1);
                nd_free(x); nd_free(y); nd_free(a); nd_free(b);
            }
}


/* ---------------------------------------------------------------- reductions */

/* A function given .out returns out without a new reference: take one for expect. */
static nd_array *keep_out(nd_array *r) { return r ? nd_ref(r) : NULL; }

static const char *const RED[] = { "sum", "prod", "min", "max", "mean", "std", "var", "argmin", "argmax", "all",
    "any", "cumsum", "cumprod", "ptp", "count_nonzero", "nansum", "nanprod", "nanmin", "nanmax", "nanmean",
    "nanstd", "nanvar", "nanargmin", "nanargmax", "nancumsum", "nancumprod" };
typedef nd_array *(*red_fn)(const nd_array *, const nd_reduce_opts *);
typedef nd_array *(*var_fn)(const nd_array *, const nd_var_opts *);
typedef nd_array *(*arg_fn)(const nd_array *, const nd_arg_opts *);
typedef nd_array *(*acc_fn)(const nd_array *, const nd_accumulate_opts *);

/* np.<name>(a, axis=ax (ax.n == 0: None), keepdims=keep) */
static nd_array *red(const char *name, const nd_array *a, nd_axes ax, bool keep) {
    static const struct { const char *name; red_fn r; var_fn v; arg_fn g; acc_fn c; } T[] = {
        { "sum", nd_sum_ex, 0, 0, 0 }, { "prod", nd_prod_ex, 0, 0, 0 }, { "min", nd_min_ex, 0, 0, 0 },
        { "max", nd_max_ex, 0, 0, 0 }, { "mean", nd_mean_ex, 0, 0, 0 }, { "std", 0, nd_std_ex, 0, 0 },
        { "var", 0, nd_var_ex, 0, 0 }, { "argmin", 0, 0, nd_argmin_ex, 0 }, { "argmax", 0, 0, nd_argmax_ex, 0 },
        { "all", nd_all_ex, 0, 0, 0 }, { "any", nd_any_ex, 0, 0, 0 }, { "cumsum", 0, 0, 0, nd_cumsum_ex },
        { "cumprod", 0, 0, 0, nd_cumprod_ex }, { "ptp", nd_ptp_ex, 0, 0, 0 }, { "count_nonzero", 0, 0, 0, 0 },
        { "nansum", nd_nansum_ex, 0, 0, 0 }, { "nanprod", nd_nanprod_ex, 0, 0, 0 },
        { "nanmin", nd_nanmin_ex, 0, 0, 0 }, { "nanmax", nd_nanmax_ex, 0, 0, 0 },
        { "nanmean", nd_nanmean_ex, 0, 0, 0 }, { "nanstd", 0, nd_nanstd_ex, 0, 0 },
        { "nanvar", 0, nd_nanvar_ex, 0, 0 }, { "nanargmin", 0, 0, nd_nanargmin_ex, 0 },
        { "nanargmax", 0, 0, nd_nanargmax_ex, 0 }, { "nancumsum", 0, 0, 0, nd_nancumsum_ex },
        { "nancumprod", 0, 0, 0, nd_nancumprod_ex } };
    for (size_t i = 0; i < sizeof T / sizeof *T; i++) {
        if (strcmp(T[i].name, name)) continue;
        if (T[i].r) return T[i].r(a, &(nd_reduce_opts){ .axis = ax, .keepdims = keep });
        if (T[i].v) return T[i].v(a, &(nd_var_opts){ .axis = ax, .keepdims = keep });
        if (T[i].g) return T[i].g(a, &(nd_arg_opts){ .axis = ax, .keepdims = keep });
        if (T[i].c) return T[i].c(a, &(nd_accumulate_opts){ .axis = ax });
        return nd_count_nonzero(a, .axis = ax, .keepdims = keep);
    }
    return NULL;
}

static nd_array *r44(const char *dt) {
    nd_array *v = vals(dt), *r = nd_reshape(v, ND_SHAPE(4, 4));
    nd_free(v);
    return r;
}

static void reduction_cases(void) {
    char name[160];
    const nd_axes AX[] = { ND_AXIS_NONE, ND_AXIS(0), ND_AXIS(1), ND_AXIS(-1) };
    const char *const AXN[] = { "None", "0", "1", "-1" };
    for (size_t r = 0; r < sizeof RED / sizeof *RED; r++) {
        for (int t = 0; t < NDT; t++) {
            nd_array *a = r44(DT[t]);
            for (int k = 0; k < 4; k++) {
                snprintf(name, sizeof name, "%s %s axis=%s", RED[r], DT[t], AXN[k]);
                expect_t(name, red(RED[r], a, AX[k], false), true);
            }
            nd_array *v = nd_get(a, "::-1, ::2");
            snprintf(name, sizeof name, "%s %s view", RED[r], DT[t]);
            expect_t(name, red(RED[r], v, ND_AXIS(0), false), true);
            nd_array *e = nd_zeros(ND_SHAPE(0, 3), .dtype = dt_of(DT[t]));
            snprintf(name, sizeof name, "%s %s empty", RED[r], DT[t]);
            expect_t(name, red(RED[r], e, ND_AXIS_NONE, false), true);
            snprintf(name, sizeof name, "%s %s empty axis=0", RED[r], DT[t]);
            expect_t(name, red(RED[r], e, ND_AXIS(0), false), true);
            snprintf(name, sizeof name, "%s %s empty axis=1", RED[r], DT[t]);
            expect_t(name, red(RED[r], e, ND_AXIS(1), false), true);
            nd_array *z = nd_get(a, "0, 2");
            snprintf(name, sizeof name, "%s %s 0-d", RED[r], DT[t]);
            expect_t(name, red(RED[r], z, ND_AXIS_NONE, false), true);
            nd_free(a); nd_free(v); nd_free(e); nd_free(z);
        }
        nd_array *a = r44("f8");
        snprintf(name, sizeof name, "%s axis=2", RED[r]);
        expect_t(name, red(RED[r], a, ND_AXIS(2), false), true);
        snprintf(name, sizeof name, "%s axis=-3", RED[r]);
        expect_t(name, red(RED[r], a, ND_AXIS(-3), false), true);
        nd_free(a);
    }
    static const char *const KEEP[] = { "sum", "prod", "min", "max", "mean", "std", "var", "argmin", "argmax",
        "all", "any", "ptp", "count_nonzero", "nansum", "nanmin", "nanmean", "nanvar", "nanargmax" };
    nd_array *a = r44("i4");
    for (size_t r = 0; r < sizeof KEEP / sizeof *KEEP; r++)
        for (int k = 0; k < 3; k++) {
            int kk = k == 2 ? 3 : k;
            snprintf(name, sizeof name, "%s keepdims axis=%s", KEEP[r], AXN[kk]);
            expect_t(name, red(KEEP[r], a, AX[kk], true), true);
        }
    nd_free(a);
    nd_array *even = nd_from_data((bool[]){ 1, 0, 1, 0 }, ND_SHAPE(4), ND_BOOL);
    nd_array *lt2 = nd_from_data((bool[]){ 1, 1, 0, 0 }, ND_SHAPE(4), ND_BOOL);
    for (int t = 0; t < NDT; t++) {
        const char *dt = DT[t];
        nd_array *m = r44(dt), *e = nd_zeros(ND_SHAPE(0, 3), .dtype = dt_of(dt));
        snprintf(name, sizeof name, "sum dtype=f4 %s", dt);
        expect_t(name, nd_sum(m, .axis = ND_AXIS(0), .dtype = ND_FLOAT32), true);
        snprintf(name, sizeof name, "sum where %s", dt);
        expect_t(name, nd_sum(m, .axis = ND_AXIS(1), .where = even), true);
        snprintf(name, sizeof name, "max initial %s", dt);
        expect_t(name, nd_max(e, .axis = ND_AXIS(0), .initial = ND_VALUE(5)), true);
        snprintf(name, sizeof name, "min where initial %s", dt);
        expect_t(name, nd_min(m, .axis = ND_AXIS(1), .where = lt2, .initial = ND_VALUE(50)), true);
        snprintf(name, sizeof name, "sum initial %s", dt);
        expect_t(name, nd_sum(m, .initial = ND_VALUE(10)), true);
        snprintf(name, sizeof name, "prod dtype=i1 %s", dt);
        expect_t(name, nd_prod(m, .axis = ND_AXIS(1), .dtype = ND_INT8), true);
        snprintf(name, sizeof name, "cumsum dtype=f8 %s", dt);
        expect_t(name, nd_cumsum(m, .axis = ND_AXIS(1), .dtype = ND_FLOAT64), true);
        snprintf(name, sizeof name, "mean dtype=f4 %s", dt);
        expect_t(name, nd_mean(m, .axis = ND_AXIS(0), .dtype = ND_FLOAT32), true);
        nd_free(m);
        nd_free(e);
    }
    const double DDOF[] = { 0, 1, 2, 4, 5, 1.5 };
    const char *const DDOFN[] = { "0", "1", "2", "4", "5", "1.5" };
    for (int i = 0; i < 6; i++) {
        nd_array *v = vals("f8"), *t = nd_get(v, "11:"), *t2 = nd_reshape(t, ND_SHAPE(1, 5)),
                 *w = ND_ARRAY(double, ND_SHAPE(1, 5), 1, 2, 3, 4, 5), *p = nd_multiply(t2, w);
        snprintf(name, sizeof name, "var ddof=%s", DDOFN[i]);
        expect_t(name, nd_var(p, .axis = ND_AXIS(1), .ddof = DDOF[i]), true);
        nd_array *m = r44("i8");
        snprintf(name, sizeof name, "std ddof=%s", DDOFN[i]);
        expect_t(name, nd_std(m, .axis = ND_AXIS(0), .ddof = DDOF[i]), true);
        nd_array *f = r44("f8");
        snprintf(name, sizeof name, "nanvar ddof=%s", DDOFN[i]);
        expect_t(name, nd_nanvar(f, .axis = ND_AXIS(1), .ddof = DDOF[i]), true);
        nd_free(v); nd_free(t); nd_free(t2); nd_free(w); nd_free(p); nd_free(m); nd_free(f);
    }
    nd_array *i4 = r44("i4"), *f8 = r44("f8"), *o;
    o = nd_zeros(ND_SHAPE(4), .dtype = ND_FLOAT32);
    expect_t("sum out", keep_out(nd_sum(i4, .axis = ND_AXIS(0), .out = o)), false);
    nd_free(o);
    o = nd_zeros(ND_SHAPE(4));
    expect_t("max out", keep_out(nd_max(f8, .axis = ND_AXIS(1), .out = o)), false);
    nd_free(o);
    o = nd_zeros(ND_SHAPE(3));
    /* NumPy words this through its iterator ("operands could not be broadcast together
     * with remapped shapes ..."); the error type is what matters here. */
    CHECK_ERR(nd_sum(i4, .axis = ND_AXIS(0), .out = o), ND_ERR_VALUE, NULL);
    nd_free(o);
    o = nd_zeros(ND_SHAPE(4), .dtype = ND_INT64);
    expect_t("argmax out", keep_out(nd_argmax(i4, .axis = ND_AXIS(0), .out = o)), false);
    nd_free(o);
    expect_t("sum axis dup", nd_sum(i4, .axis = ND_AXIS(0, 0)), false);
    expect_t("sum axis (0,1)", nd_sum(i4, .axis = ND_AXIS(0, 1)), false);
    nd_array *f4 = vals("f4"), *f4r = nd_reshape(f4, ND_SHAPE(2, 2, 4));
    expect_t("max axis (1,0) keep", nd_max(f4r, .axis = ND_AXIS(2, 0), .keepdims = true), false);
    expect_t("argmax 3d axis=1", nd_argmax(f4r, .axis = ND_AXIS(1)), false);
    nd_array *b = r44("b1"), *m4 = nd_from_data((bool[]){ 1, 0, 1, 0 }, ND_SHAPE(4), ND_BOOL);
    expect_t("all where", nd_all(b, .axis = ND_AXIS(0), .where = m4), false);
    nd_free(i4); nd_free(f8); nd_free(f4); nd_free(f4r); nd_free(b); nd_free(m4); nd_free(even); nd_free(lt2);
    nd_array *x = nd_full(ND_SHAPE(1000), 255, .dtype = ND_UINT8);
    expect_t("sum big uint8", nd_sum(x), false);
    nd_free(x);
    x = nd_full(ND_SHAPE(100001), 0.1, .dtype = ND_FLOAT32);
    expect_t("sum float32 pairwise", nd_sum(x), false);
    nd_free(x);
    x = nd_full(ND_SHAPE(3000), 1.0, .dtype = ND_FLOAT16);
    expect_t("sum float16", nd_sum(x), false);
    nd_free(x);
    x = nd_full(ND_SHAPE(3000), 0.1, .dtype = ND_FLOAT16);
    expect_t("mean float16", nd_mean(x), false);
    nd_free(x);
    x = nd_arange(0, 30001, 1, .dtype = ND_FLOAT32);
    nd_array *xs = nd_get(x, "::3"), *xm = nd_multiply(xs, nd_value_typed(ND_FLOAT32, 0.1));
    expect_t("sum float32 strided", nd_sum(xm), false);
    nd_free(x); nd_free(xs); nd_free(xm);
    x = nd_full(ND_SHAPE(300), 100, .dtype = ND_INT8);
    expect_t("cumsum int8 overflow", nd_cumsum(x, .dtype = ND_INT8), false);
    nd_free(x);
    x = nd_full(ND_SHAPE(70), 3, .dtype = ND_INT64);
    expect_t("prod int64 overflow", nd_prod(x), false);
    nd_free(x);
    x = ND_ARRAY(int64_t, ND_SHAPE(3), INT64_C(1) << 62, INT64_C(1) << 62, INT64_C(1) << 62);
    expect_t("mean int64 big", nd_mean(x), false);
    nd_free(x);
}

/* ------------------------------------------------------------ NEP 50 scalars, options */

static nd_array *scal(const char *op, nd_array *a, int which) {
    const nd_ufunc *uf = nd_ufunc_find(op);
    nd_operand s[] = { ND_OPERAND(1), ND_OPERAND(300), ND_OPERAND(-1), ND_OPERAND(2.5), ND_OPERAND((bool)true),
                       ND_OPERAND(1.0 + 2.0 * I), ND_OPERAND(1e300) };
    nd_operand in[2] = { ND_OPERAND(a), s[which] };
    nd_array *out[1] = { 0 };
    return nd_ufunc_call(uf, in, out, NULL) < 0 ? NULL : out[0];
}

static nd_array *A(const char *dt, const char *idx) {
    nd_array *v = vals(dt), *r = nd_get(v, idx);
    nd_free(v);
    return r;
}
#define F(x) nd_from_data((double[])x, ND_SHAPE(sizeof((double[])x) / sizeof(double)), ND_FLOAT64)
#define ARR(ct, dt, ...) nd_from_data((ct[]){ __VA_ARGS__ }, ND_SHAPE(sizeof((ct[]){ __VA_ARGS__ }) / sizeof(ct)), dt)
#define D(...) ARR(double, ND_FLOAT64, __VA_ARGS__)
#define Z(...) ARR(double _Complex, ND_COMPLEX128, __VA_ARGS__)
#define L(...) ARR(int64_t, ND_INT64, __VA_ARGS__)

/* expect with every array argument freed afterwards (the scope collects them). */
#define EX(name, expr) do { nd_scope_begin(); nd_array *r_ = nd_keep(expr); nd_scope_end(); expect_t(name, r_, true); } while (0)

static nd_array *alias_add(void) {
    nd_array *a = vals("i8"), *x = nd_get(a, ":-1"), *y = nd_get(a, "1:");
    nd_add(x, y, .out = y);
    nd_free(x); nd_free(y);
    return a;
}

static void option_cases(void) {
    char name[128];
    static const char *const SN[] = { "1", "300", "-1", "2.5", "True", "1+2j", "1e300" };
    static const char *const OPS[] = { "add", "multiply", "subtract", "true_divide", "maximum" };
    for (int t = 0; t < NDT; t++) {
        nd_array *a = A(DT[t], ":6");
        for (int k = 0; k < 7; k++)
            for (int o = 0; o < 5; o++) {
                snprintf(name, sizeof name, "%s %s %s", OPS[o], DT[t], SN[k]);
                expect_t(name, scal(OPS[o], a, k), true);
            }
        nd_free(a);
    }
    EX("add out", keep_out(nd_add(A("f8", ":"), 1.0, .out = nd_zeros(ND_SHAPE(16)))));
    EX("add out same_kind err", keep_out(nd_add(A("f8", ":"), A("f8", ":"), .out = nd_zeros(ND_SHAPE(16), .dtype = ND_INT32))));
    EX("add out unsafe", keep_out(nd_add(A("f4", ":8"), A("f4", "8:"), .out = nd_zeros(ND_SHAPE(8), .dtype = ND_INT16),
                                         .casting = ND_CASTING_UNSAFE)));
    EX("add where", keep_out(nd_add(A("i4", ":"), 1, .out = nd_full(ND_SHAPE(16), -9, .dtype = ND_INT32),
                                    .where = nd_equal(nd_remainder(nd_arange(0, 16, 1), 3), 0))));
    EX("add dtype f4", nd_add(A("i4", ":"), vals2("i4"), .dtype = ND_FLOAT32));
    EX("add dtype i1 err", nd_add(A("f8", ":"), vals2("f8"), .dtype = ND_INT8));
    EX("add casting no err", nd_add(A("i4", ":"), vals2("i2"), .casting = ND_CASTING_NO));
    EX("add broadcast", nd_add(nd_reshape(A("i8", ":4"), ND_SHAPE(4, 1)), nd_get(vals2("i8"), ":3")));
    EX("add broadcast err", nd_add(A("i8", ":4"), nd_get(vals2("i8"), ":3")));
    EX("add broadcast err 2d", nd_add(nd_reshape(A("i8", ":12"), ND_SHAPE(4, 3)), nd_reshape(nd_get(vals2("i8"), ":8"), ND_SHAPE(2, 4))));
    EX("add 0d 1d", nd_add(A("f4", "3"), A("f4", ":")));
    EX("add 0d 0d", nd_add(A("i2", "3"), A("i2", "5")));
    EX("add empty", nd_add(A("f8", ":0"), 1.0));
    EX("add empty bcast", nd_add(nd_reshape(A("f8", ":0"), ND_SHAPE(0, 1)), A("f8", ":3")));
    EX("add neg stride", nd_add(A("i4", "::-1"), nd_repeat(A("i4", "::2"), 2)));
    EX("add inplace alias", alias_add());
    EX("multiply 3d transposed", nd_multiply(nd_transpose(nd_reshape(vals("f8"), ND_SHAPE(2, 2, 4)), (int[]){ 2, 0, 1 }), 2.0));
    EX("less mixed u8 i8", nd_less(vals("u8"), vals("i8")));
    EX("equal u8 i8", nd_equal(vals("u8"), vals2("i8")));
    EX("add u8 i8", nd_add(A("u8", ":4"), nd_get(vals2("i8"), ":4")));
    EX("floor_divide i8 min -1", nd_floor_divide(L(INT64_MIN, 7, -7), L(-1, -2, 2)));
    EX("remainder i8 min -1", nd_remainder(L(INT64_MIN, 7, -7), L(-1, -2, 2)));
    EX("power i8 neg", nd_power(L(2, 3), L(1, -1)));
    EX("power u8 big", nd_power(ARR(uint8_t, ND_UINT8, 2, 3), ARR(uint8_t, ND_UINT8, 7, 9)));
    EX("power f8 neg", nd_power(D(2., 0., -8.), D(-1., -1., 1. / 3)));
    EX("left_shift i8 64", nd_left_shift(L(1, 1, -1), L(63, 64, 65)));
    EX("right_shift i8 64", nd_right_shift(L(-8, 8, -1), L(64, 70, 1)));
    EX("sqrt neg", nd_sqrt(D(-1.0, -0.0, 4.0)));
    EX("sqrt complex neg", nd_sqrt(Z(-4, CMPLX(-4, -0.0))));
    EX("log complex", nd_log(Z(-1, 0, I)));
    EX("arccos complex", nd_arccos(Z(2, -2, 0.5 + I)));
    EX("arctanh complex", nd_arctanh(Z(2, 0.5, I)));
    EX("power complex", nd_power(Z(I, 2 + I, 0), Z(2, 0.5 + I, 0)));
    EX("exp complex inf", nd_exp(Z(CMPLX(-INFINITY, 1), CMPLX(INFINITY, 0), CMPLX(0, INFINITY))));
    EX("maximum nan", nd_maximum(D(NAN, 1, 2), D(0, NAN, 1)));
    EX("fmax nan", nd_fmax(D(NAN, 1, NAN), D(0, NAN, NAN)));
    EX("maximum complex nan", nd_maximum(Z(CMPLX(NAN, 0), 1 + I), Z(1, 1 + 2 * I)));
    EX("heaviside nan", nd_heaviside(D(-1., 0., 2., NAN), 0.5));
    EX("ldexp i4", nd_ldexp(ARR(float, ND_FLOAT32, 1, 2), ARR(int32_t, ND_INT32, 3, -200)));
    EX("ldexp f8 f8 err", nd_ldexp(D(1.0), D(1.0)));
    EX("gcd neg", nd_gcd(L(-12, 0, 7, INT64_MIN), L(18, 0, -21, 6)));
    EX("lcm neg", nd_lcm(L(-4, 0, 6), L(6, 5, -4)));
    EX("divide i8 by 0", nd_divide(L(1, 0, -1), L(0, 0, 0)));
    EX("floor_divide f8 by 0", nd_floor_divide(D(1., 0., -1.), D(0., 0., 0.)));
    EX("remainder f8 signs", nd_remainder(D(5., -5., 5., -5., 0., -0.), D(3., 3., -3., -3., -3., 3.)));
    EX("fmod f8 signs", nd_fmod(D(5., -5., 5., -5., 0., -0.), D(3., 3., -3., -3., -3., 3.)));
    EX("floor_divide f8 signs", nd_floor_divide(D(5., -5., 5., -5., 0., -0.), D(3., 3., -3., -3., -3., 3.)));
    EX("remainder inf", nd_remainder(D(5., INFINITY, -5.), D(INFINITY, 3., INFINITY)));
    EX("rint halves", nd_rint(ARR(float, ND_FLOAT32, 0.5, 1.5, 2.5, -0.5, -2.5)));
    EX("reciprocal int", nd_reciprocal(ARR(int32_t, ND_INT32, 1, 2, -1, 0)));
    EX("negative uint", nd_negative(ARR(uint8_t, ND_UINT8, 1, 0, 255)));
    EX("absolute i8 min", nd_absolute(ARR(int8_t, ND_INT8, -128, -1)));
    EX("float16 add round", nd_add(nd_astype(D(2048, 0.1), ND_FLOAT16), nd_astype(D(1, 0.2), ND_FLOAT16)));
    EX("float16 exp overflow", nd_exp(nd_astype(D(11, 12), ND_FLOAT16)));
    EX("nextafter f2", nd_nextafter(nd_astype(D(0, 1, 65504), ND_FLOAT16), nd_astype(D(1, 2, INFINITY), ND_FLOAT16)));
    EX("spacing f2", nd_spacing(nd_astype(D(0, 1, -1, 65504), ND_FLOAT16)));
    EX("logical_and f8", nd_logical_and(D(0., NAN, -0.), D(1., 1., 1.)));
    EX("invert bool", nd_invert(ARR(bool, ND_BOOL, 1, 0)));
    EX("bitwise_and bool int", nd_bitwise_and(ARR(bool, ND_BOOL, 1, 0), ARR(int8_t, ND_INT8, 3, 3)));
    EX("bitwise_and f8 err", nd_bitwise_and(D(1.0), D(1.0)));
    EX("subtract bool err", nd_subtract(ARR(bool, ND_BOOL, 1), ARR(bool, ND_BOOL, 0)));
    EX("negative bool err", nd_negative(ARR(bool, ND_BOOL, 1)));
    EX("left_shift f8 err", nd_left_shift(D(1.0), 1));
    EX("outer add", nd_ufunc_outer(nd_ufunc_add, A("i4", ":3"), A("i4", ":4")));
    EX("accumulate multiply", nd_ufunc_accumulate(nd_ufunc_multiply, nd_reshape(A("f8", ":8"), ND_SHAPE(2, 4)), .axis = ND_AXIS(1)));
    EX("reduce maximum axis None", nd_ufunc_reduce(nd_ufunc_maximum, r44("i4"), .axis = ND_AXIS_ALL));
    EX("reduce subtract", nd_ufunc_reduce(nd_ufunc_subtract, r44("i4"), .axis = ND_AXIS(1)));
    EX("reduce minimum empty", nd_ufunc_reduce(nd_ufunc_minimum, A("i4", ":0")));
    EX("reduceat add", nd_ufunc_reduceat(nd_ufunc_add, nd_arange(0, 8, 1), L(0, 4, 1, 5, 7)));
    EX("reduce logical_and", nd_ufunc_reduce(nd_ufunc_logical_and, r44("f8"), .axis = ND_AXIS(0)));
    EX("reduce bitwise_or u1", nd_ufunc_reduce(nd_ufunc_bitwise_or, vals("u1")));
    EX("reduce add bool", nd_ufunc_reduce(nd_ufunc_add, vals("b1")));
    EX("reduce multiply i1", nd_ufunc_reduce(nd_ufunc_multiply, vals("i1")));
    EX("reduce arctan2 err", nd_ufunc_reduce(nd_ufunc_arctan2, A("f8", ":0")));
}

/* ------------------------------------------------------------ creation, casting, shape */

/* An empty array of dtype d (consumed: promotion results may be new S/U dtypes). */
static nd_array *empty_of(const nd_dtype_t *d) {
    nd_array *r = d ? nd_empty(ND_SHAPE(0), .dtype = d) : NULL;
    nd_dtype_free(d);
    return r;
}

static void creation_cases(void) {
    char name[128];
    for (int t = 0; t < NDT; t++) {
        const char *dt = DT[t];
        const nd_dtype_t *d = dt_of(dt);
#define NAMED(fmt) snprintf(name, sizeof name, fmt, dt)
        NAMED("zeros %s"); EX(name, nd_zeros(ND_SHAPE(2, 3), .dtype = d));
        NAMED("ones %s"); EX(name, nd_ones(ND_SHAPE(3), .dtype = d));
        NAMED("full 7 %s"); EX(name, nd_full(ND_SHAPE(2, 2), 7, .dtype = d));
        NAMED("full 2.5 %s"); EX(name, nd_full(ND_SHAPE(2), 2.5, .dtype = d));
        NAMED("full -1 %s"); EX(name, nd_full(ND_SHAPE(2), -1, .dtype = d));
        NAMED("full 300 %s"); EX(name, nd_full(ND_SHAPE(2), 300, .dtype = d));
        NAMED("full nan %s"); EX(name, nd_full(ND_SHAPE(2), NAN, .dtype = d));
        NAMED("full 1+2j %s"); EX(name, nd_full(ND_SHAPE(2), 1.0 + 2.0 * I, .dtype = d));
        NAMED("zeros_like %s"); EX(name, nd_zeros_like(nd_get(r44(dt), "::2")));
        NAMED("ones_like f4 %s"); EX(name, nd_ones_like(vals(dt), .dtype = ND_FLOAT32));
        NAMED("full_like 3 %s"); EX(name, nd_full_like(A(dt, ":3"), 3));
        NAMED("full_like 2.7 %s"); EX(name, nd_full_like(A(dt, ":3"), 2.7));
        NAMED("identity %s"); EX(name, nd_identity(3, d));
        NAMED("eye k=1 %s"); EX(name, nd_eye(3, .M = 4, .k = 1, .dtype = d));
        NAMED("tri %s"); EX(name, nd_tri(3, .M = 2, .k = -1, .dtype = d));
        NAMED("arange 5 %s"); EX(name, nd_arange(0, 5, 1, .dtype = d));
        NAMED("linspace %s"); EX(name, nd_linspace(-2.5, 7, 6, .dtype = d));
#undef NAMED
    }
    EX("full default int", nd_full(ND_SHAPE(2), 7));
    EX("full default float", nd_full(ND_SHAPE(2), 7.5));
    EX("full default bool", nd_full(ND_SHAPE(2), (bool)true));
    EX("full default complex", nd_full(ND_SHAPE(2), 1.0 + 2.0 * I));
    EX("full default big uint", nd_full(ND_SHAPE(2), UINT64_MAX));
    EX("zeros 0-d", nd_zeros(ND_SHAPE0));
    EX("zeros (0,3)", nd_zeros(ND_SHAPE(0, 3)));
    EX("zeros negative", nd_zeros(ND_SHAPE(2, -1)));
    EX("zeros too big", nd_zeros(ND_SHAPE(INT64_C(1) << 40, INT64_C(1) << 40)));
    EX("zeros too big empty", nd_zeros(ND_SHAPE(INT64_C(1) << 40, 0, INT64_C(1) << 40), .dtype = ND_UINT8));
    EX("zeros big empty ok", nd_zeros(ND_SHAPE(INT64_C(1) << 31, 0, INT64_C(1) << 31), .dtype = ND_UINT8));
    EX("zeros empty f8 too big", nd_zeros(ND_SHAPE(0, INT64_C(1) << 62)));
    EX("zeros no memory", nd_zeros(ND_SHAPE(INT64_C(1) << 62), .dtype = ND_UINT8));
    EX("zeros no memory f8", nd_zeros(ND_SHAPE(INT64_C(1) << 30, INT64_C(1) << 29)));
    EX("zeros F", nd_zeros(ND_SHAPE(2, 3), .order = 'F'));
    EX("arange int", nd_arange(0, 10, 3));
    EX("arange neg", nd_arange(10, 0, -3));
    EX("arange empty", nd_arange(10, 0, 1));
    EX("arange float", nd_arange(0.0, 1.0, 0.1));
    EX("arange float neg", nd_arange(1.0, -1.0, -0.3));
    EX("arange float mixed", nd_arange(0, 5, 0.5));
    EX("arange step 0", nd_arange(0, 10, 0));
    EX("arange f4", nd_arange(0, 1, 0.25, .dtype = ND_FLOAT32));
    EX("arange i1 overflow", nd_astype(nd_arange(120, 130, 1), ND_INT8));
    EX("arange inf", nd_arange(0, INFINITY, 1.0));
    EX("arange nan", nd_arange(0, NAN, 1.0));
    EX("arange big", nd_arange(INT64_C(1) << 62, (INT64_C(1) << 62) + 3, 1));
    EX("arange u8 huge", nd_arange(0, 3, 1, .dtype = ND_UINT64));
    EX("linspace 5", nd_linspace(0, 1, 5));
    EX("linspace 0", nd_linspace(0, 1, 0));
    EX("linspace 1", nd_linspace(2, 3, 1));
    EX("linspace 1 noend", nd_linspace(2, 3, 1, .no_endpoint = true));
    EX("linspace noend", nd_linspace(0, 1, 4, .no_endpoint = true));
    EX("linspace rev", nd_linspace(5, -5, 7));
    EX("linspace neg num", nd_linspace(0, 1, -1));
    EX("linspace same", nd_linspace(3, 3, 4));
    EX("linspace inf", nd_linspace(0, INFINITY, 3));
    EX("linspace int floor", nd_linspace(-3, 3, 4, .dtype = ND_INT64));
    EX("logspace", nd_logspace(0, 3, 4));
    EX("logspace base2", nd_logspace(0, 10, 6, .base = 2.0));
    EX("logspace noend", nd_logspace(1, 2, 3, .no_endpoint = true));
    EX("logspace f4", nd_logspace(0, 2, 3, .dtype = ND_FLOAT32));
    EX("geomspace", nd_geomspace(1, 1000, 4));
    EX("geomspace neg", nd_geomspace(-1, -1000, 4));
    EX("geomspace zero", nd_geomspace(0, 10, 3));
    EX("geomspace sign", nd_geomspace(-1, 10, 3));
    EX("geomspace rev", nd_geomspace(1000, 1, 4));
    EX("geomspace noend", nd_geomspace(1, 16, 4, .no_endpoint = true));
    EX("geomspace 1", nd_geomspace(5, 7, 1));
    EX("eye 3", nd_eye(3));
    EX("eye 3x5 k=-1", nd_eye(3, .M = 5, .k = -1));
    EX("eye k=5", nd_eye(3, .k = 5));
    EX("eye 0", nd_eye(0));
    EX("eye M=0", nd_eye(2, .M_zero = true));
    EX("eye neg", nd_eye(-1));
    EX("tri 4", nd_tri(4));
    EX("tri k=1", nd_tri(3, .M = 5, .k = 1));
    EX("tril 2d", nd_tril(r44("i4"), 0));
    EX("tril k=-1", nd_tril(r44("i4"), -1));
    EX("triu k=1", nd_triu(r44("f8"), 1));
    EX("triu 3d", nd_triu(nd_reshape(vals("u1"), ND_SHAPE(2, 2, 4)), 0));
    EX("tril 1d", nd_tril(A("i8", ":3"), 0));
    EX("triu wide k=-5", nd_triu(nd_reshape(vals("i4"), ND_SHAPE(2, 8)), -5));
    EX("tril 0d", nd_tril(A("i4", "0"), 0));
    EX("diag 1d", nd_diag(A("i4", ":3"), 0));
    EX("diag 1d k=-1", nd_diag(A("i4", ":3"), -1));
    EX("diag 1d k=2", nd_diag(A("c8", ":2"), 2));
    EX("diag 2d", nd_diag(r44("i4"), 0));
    EX("diag 2d k=1", nd_diag(r44("i4"), 1));
    EX("diag 2d k=-3", nd_diag(r44("i4"), -3));
    EX("diag 2d k=9", nd_diag(r44("i4"), 9));
    EX("diag 2d rect", nd_diag(nd_reshape(vals("f4"), ND_SHAPE(2, 8)), 3));
    EX("diag 3d", nd_diag(nd_reshape(vals("i4"), ND_SHAPE(2, 2, 4)), 0));
    EX("diag 0d", nd_diag(A("i4", "0"), 0));
    EX("diag empty", nd_diag(A("i4", ":0"), 0));
    EX("diagflat 2d", nd_diagflat(nd_reshape(A("i4", ":4"), ND_SHAPE(2, 2)), 1));
    EX("diagflat 0d", nd_diagflat(A("f8", "2"), -1));
    EX("arange -5 u1", nd_arange(-5, 0, 1, .dtype = ND_UINT8));
    EX("arange 250 u1", nd_arange(250, 260, 1, .dtype = ND_UINT8));
    EX("arange bool 2", nd_arange(0, 2, 1, .dtype = ND_BOOL));
    EX("arange bool float", nd_arange(0.0, 2.5, 1.0, .dtype = ND_BOOL));
    EX("full_like -1 u1", nd_full_like(nd_zeros(ND_SHAPE(3), .dtype = ND_UINT8), -1));

    for (int s = 0; s < NDT; s++)
        for (int t = 0; t < NDT; t++) {
            /* NaN, inf and out-of-range floats -> uint32 differ by position in NumPy's SIMD loop */
            bool u4 = !strcmp(DT[t], "u4") && strchr("fc", nd_dtype_kind(dt_of(DT[s])));
            snprintf(name, sizeof name, "astype %s %s", DT[s], DT[t]);
            EX(name, nd_astype(A(DT[s], u4 ? ":8" : ":"), dt_of(DT[t])));
        }
    for (int s = 0; s < NDT; s++)
        for (int t = 0; t < NDT; t++) {
            snprintf(name, sizeof name, "astype safe %s %s", DT[s], DT[t]);
            EX(name, nd_astype(A(DT[s], ":2"), dt_of(DT[t]), .casting = ND_CASTING_SAFE));
            snprintf(name, sizeof name, "astype same_kind %s %s", DT[s], DT[t]);
            EX(name, nd_astype(A(DT[s], ":2"), dt_of(DT[t]), .casting = ND_CASTING_SAME_KIND));
        }
    for (int s = 0; s < NDT; s++)
        for (int t = 0; t < NDT; t++) {
            const nd_dtype_t *a = dt_of(DT[s]), *b = dt_of(DT[t]);
            bool c[5];
            for (int k = 0; k < 5; k++) c[k] = nd_can_cast(a, b, (nd_casting)(ND_CASTING_NO + k));
            snprintf(name, sizeof name, "can_cast %s %s", DT[s], DT[t]);
            EX(name, nd_from_data(c, ND_SHAPE(5), ND_BOOL));
            snprintf(name, sizeof name, "promote %s %s", DT[s], DT[t]);
            EX(name, empty_of(nd_promote_types(a, b)));
        }
    EX("result_type 3", empty_of(nd_result_type(3, (const nd_dtype_t *[]){ ND_INT8, ND_UINT16, ND_FLOAT16 })));
    EX("result_type i8 u8", empty_of(nd_result_type(2, (const nd_dtype_t *[]){ ND_INT64, ND_UINT64 })));
    EX("astype f8 i4 big", nd_astype(D(3e9, -3e9, 2.5, -2.5, 1e300), ND_INT32));
    EX("astype f8 u1", nd_astype(D(-1.0, 256.0, 255.9, 1e10), ND_UINT8));
    EX("astype f8 i8 edge", nd_astype(D(9.3e18, -9.3e18, 0x1p63), ND_INT64));
    EX("astype f8 u8 edge", nd_astype(D(0x1p64, 0x1p63, -1.0, 1.8e19), ND_UINT64));
    EX("astype f8 f2", nd_astype(D(65520.0, 65519.0, 1e-8, 6e-8, 2.9802322387695312e-08, -1e-9), ND_FLOAT16));
    EX("astype f8 f4 round", nd_astype(D(1.0000000596046448, 3.4028235677973366e38, 1e-46), ND_FLOAT32));
    EX("astype c16 f8", nd_astype(Z(1 + 2 * I, -3 * I), ND_FLOAT64));
    EX("astype c16 i4", nd_astype(Z(1.7 + 2 * I, -3.2 - 3 * I), ND_INT32));
    EX("astype c16 b1", nd_astype(Z(0, I, CMPLX(0, -0.0)), ND_BOOL));
    EX("astype F order", nd_T(nd_astype(r44("i4"), ND_FLOAT32, .order = 'F')));
    EX("copy F", nd_copy(nd_get(r44("i4"), "::2, ::-1"), 'F'));

    EX("reshape -1", nd_reshape(vals("i4"), ND_SHAPE(2, -1, 4)));
    EX("reshape bad", nd_reshape(vals("i4"), ND_SHAPE(3, 5)));
    EX("reshape two -1", nd_reshape(vals("i4"), ND_SHAPE(-1, -1)));
    EX("reshape -1 bad", nd_reshape(vals("i4"), ND_SHAPE(3, -1)));
    EX("reshape F", nd_reshape_ex(vals("i4"), ND_SHAPE(2, 8), 'F'));
    EX("reshape neg", nd_reshape(vals("i4"), ND_SHAPE(-2, 8)));
    EX("reshape empty -1", nd_reshape(A("i4", ":0"), ND_SHAPE(0, -1)));
    EX("reshape empty -1 err", nd_reshape(A("i4", ":0"), ND_SHAPE(-1, 0)));
    EX("reshape 0d", nd_reshape(A("i4", ":1"), ND_SHAPE0));
    EX("reshape view", nd_reshape(nd_get(r44("i4"), ":, ::2"), ND_SHAPE(8)));
    EX("ravel F", nd_ravel(r44("i4"), 'F'));
    EX("ravel view", nd_ravel(nd_get(r44("i4"), "::-1, 1:3"), 'C'));
    EX("flatten F", nd_flatten(nd_reshape(vals("i4"), ND_SHAPE(2, 8)), 'F'));
    nd_array *v = vals("i4"), *v3 = nd_reshape(v, ND_SHAPE(2, 2, 4)), *v2 = nd_reshape(v, ND_SHAPE(2, 8)),
             *v116 = nd_reshape(v, ND_SHAPE(1, 16, 1));
    nd_free(v);
    EX("transpose", nd_transpose(v3, (int[]){ 1, 2, 0 }));
    EX("transpose bad", nd_transpose(v3, (int[]){ 1, 1, 0 }));
    EX("transpose axis oob", nd_transpose(v3, (int[]){ 1, 3, 0 }));
    EX("transpose neg", nd_transpose(v3, (int[]){ -1, 0, 1 }));
    EX("swapaxes", nd_swapaxes(v3, 0, -1));
    EX("swapaxes bad", nd_swapaxes(v2, 0, 2));
    EX("expand_dims 0", nd_expand_dims(v2, ND_AXIS(0)));
    EX("expand_dims -1", nd_expand_dims(v2, ND_AXIS(-1)));
    EX("expand_dims (0,3)", nd_expand_dims(v2, ND_AXIS(0, 3)));
    EX("expand_dims bad", nd_expand_dims(v2, ND_AXIS(4)));
    EX("expand_dims dup", nd_expand_dims(v2, ND_AXIS(1, 1)));
    EX("squeeze", nd_squeeze(v116, ND_AXIS_NONE));
    EX("squeeze axis", nd_squeeze(v116, ND_AXIS(-1)));
    EX("squeeze bad", nd_squeeze(v116, ND_AXIS(1)));
    EX("squeeze oob", nd_squeeze(v116, ND_AXIS(3)));
    EX("broadcast_to", nd_broadcast_to(A("i4", ":4"), ND_SHAPE(3, 4)));
    EX("broadcast_to bad", nd_broadcast_to(A("i4", ":3"), ND_SHAPE(4)));
    EX("broadcast_to 2d bad", nd_broadcast_to(nd_reshape(A("i4", ":8"), ND_SHAPE(2, 4)), ND_SHAPE(3, 4)));
    EX("broadcast_to neg", nd_broadcast_to(A("i4", ":3"), ND_SHAPE(-1, 3)));
    EX("broadcast_to fewer dims", nd_broadcast_to(nd_reshape(A("i4", ":6"), ND_SHAPE(2, 3)), ND_SHAPE(3)));
    EX("broadcast_to fewer dims 3d", nd_broadcast_to(nd_reshape(A("i4", ":6"), ND_SHAPE(2, 1, 3)), ND_SHAPE(2, 3)));
    EX("broadcast_to to 0-d", nd_broadcast_to(A("i4", ":3"), ND_SHAPE0));
    EX("broadcast_to 0-d", nd_broadcast_to(A("i4", "0"), ND_SHAPE(2, 3)));
    EX("broadcast_to 0-d to 0-d", nd_broadcast_to(A("i4", "0"), ND_SHAPE0));
    EX("broadcast_to empty", nd_broadcast_to(A("i4", ":1"), ND_SHAPE(2, 0)));
    EX("broadcast_to empty bad", nd_broadcast_to(A("i4", ":0"), ND_SHAPE(2, 3)));
    EX("broadcast_to neg fewer dims", nd_broadcast_to(nd_reshape(A("i4", ":6"), ND_SHAPE(2, 3)), ND_SHAPE(-1)));
    EX("broadcast_to more dims bad", nd_broadcast_to(nd_reshape(A("i4", ":6"), ND_SHAPE(2, 3)), ND_SHAPE(1, 2, 4, 3)));
    EX("view u1", nd_view(A("i4", ":2"), ND_UINT8));
    EX("view i8 from i2", nd_view(nd_reshape(A("i2", ":8"), ND_SHAPE(2, 4)), ND_INT64));
    EX("view bad size", nd_view(A("i2", ":3"), ND_INT32));
    EX("view noncontig", nd_view(nd_get(r44("i4"), ":, ::2"), ND_INT16));
    EX("view 0d", nd_view(A("i4", "0"), ND_INT16));
    EX("view c16 f8", nd_view(A("c16", ":2"), ND_FLOAT64));
    nd_free(v3); nd_free(v2); nd_free(v116);
}

/* ------------------------------------------------------------ .npy */

static nd_array *saved(const nd_array *a) {
    int64_t n = 0;
    void *b = a ? nd_save_buffer(a, &n) : NULL;
    if (!b) return NULL;
    nd_array *r = nd_from_data(b, ND_SHAPE(n), ND_UINT8);
    nd_free_bytes(b);
    return r;
}

/* The "npy bytes" record: a file image for the next case. */
static nd_array *raw_record(const char *name) {
    ncases++;
    if (!read_label(name)) exit(1);
    return nd_load_file(G);
}

static const char *const NPY_FILES[] = { "ok", "be f8", "be c8 F", "be U2", "be i2 0d", "eq f4", "pipe u1", "no pad",
    "spaces", "v2", "v3", "trailing", "bad version", "truncated", "truncated header",
    "missing key", "extra key", "bad shape", "shape list", "bad descr", "bad fortran", "not dict",
    "zero size big", "bool", "f2", "S3" };

static void npy_cases(void) {
    char name[128];
    for (int t = 0; t < NDT; t++) {
        const char *dt = DT[t];
        snprintf(name, sizeof name, "npy save %s", dt); EX(name, saved(vals(dt)));
        snprintf(name, sizeof name, "npy save F %s", dt); EX(name, saved(nd_asfortranarray(r44(dt))));
        snprintf(name, sizeof name, "npy save view %s", dt); EX(name, saved(nd_get(r44(dt), "::-1, ::2")));
        snprintf(name, sizeof name, "npy save 0d %s", dt); EX(name, saved(A(dt, "3")));
        snprintf(name, sizeof name, "npy save empty %s", dt); EX(name, saved(nd_reshape(A(dt, ":0"), ND_SHAPE(0, 3))));
    }
    EX("npy save U", saved(nd_from_strings((const char *[]){ "ab", "c", "h\xc3\xa9llo" }, ND_SHAPE(3), 'U', 0)));
    EX("npy save S", saved(nd_from_strings((const char *[]){ "ab", "c" }, ND_SHAPE(2), 'S', 0)));
    EX("npy save 3d F", saved(nd_asfortranarray(nd_reshape(vals("i2"), ND_SHAPE(2, 2, 4)))));
    EX("npy save big shape", saved(nd_zeros(ND_SHAPE(1, 0, INT64_C(1) << 40), .dtype = ND_UINT8)));
    for (size_t i = 0; i < sizeof NPY_FILES / sizeof *NPY_FILES; i++) {
        snprintf(name, sizeof name, "npy bytes %s", NPY_FILES[i]);
        nd_array *raw = raw_record(name);
        snprintf(name, sizeof name, "npy load %s", NPY_FILES[i]);
        expect_t(name, raw ? nd_load_buffer(nd_data(raw), (size_t)nd_size(raw)) : NULL, false);
        nd_free(raw);
    }
    /* inputs NumPy answers in Python-only ways: only the error type is compared */
    static const struct { const char *header; nd_error_code code; } BAD[] = {
        { "{'descr': '<i4', 'fortran_order': False, 'shape': (3,), ", ND_ERR_VALUE },
        { "{'descr': '<M8[s]', 'fortran_order': False, 'shape': (1,), }", ND_ERR_NOT_SUPPORTED },
        { "{'descr': [('x', '<i4')], 'fortran_order': False, 'shape': (1,), }", ND_ERR_NOT_SUPPORTED },
        { "{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4), }", ND_ERR_VALUE },
        { "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", ND_ERR_NOT_SUPPORTED },
    };
    for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++) {
        unsigned char buf[256] = { 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0 };
        size_t hl = strlen(BAD[i].header);
        memcpy(buf + 10, BAD[i].header, hl);
        buf[10 + hl] = '\n';
        buf[8] = (unsigned char)(hl + 1);
        CHECK_ERR(nd_load_buffer(buf, 10 + hl + 1 + 16), BAD[i].code, NULL);
    }
    CHECK_ERR(nd_load_buffer(NULL, 10), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_load_buffer("\x93NUMPX\x01\x00", 8), ND_ERR_VALUE, "magic string is not correct");
    CHECK_ERR(nd_load_buffer("", 0), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_save_buffer(NULL, NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_load("/nonexistent/dir/x.npy"), ND_ERR_IO, "No such file or directory");
}

/* ------------------------------------------------------------ composites */

static nd_array *at_case(const nd_ufunc *uf, nd_array *a, nd_array *idx, nd_operand b) {
    if (nd_ufunc_at_ex(uf, a, idx, b) < 0) { nd_free(a); return NULL; }
    return a;
}

static void composite_cases(void) {
    char name[128];
    for (int t = 0; t < NDT; t++) {
        const char *dt = DT[t];
        bool fc = strchr("fc", nd_dtype_kind(dt_of(dt))) != NULL;
#define NAMED(fmt) snprintf(name, sizeof name, fmt, dt)
        NAMED("real %s"); EX(name, nd_real(vals(dt)));
        NAMED("imag %s"); EX(name, nd_imag(vals(dt)));
        NAMED("angle %s"); EX(name, nd_angle(vals(dt)));
        NAMED("angle deg %s"); EX(name, nd_angle(vals(dt), .deg = true));
        NAMED("iscomplex %s"); EX(name, nd_iscomplex(vals(dt)));
        NAMED("isreal %s"); EX(name, nd_isreal(vals(dt)));
        NAMED("round %s"); EX(name, nd_round(vals(dt)));
        NAMED("round 2 %s"); EX(name, nd_round(fc ? nd_divide(vals(dt), 3) : vals(dt), .decimals = 2));
        NAMED("round -1 %s"); EX(name, nd_round(A(dt, strcmp(dt, "u4") ? ":" : ":2"), .decimals = -1));
        NAMED("fix %s"); EX(name, nd_fix(vals(dt)));
        NAMED("clip %s"); EX(name, nd_clip(vals(dt), 1, 5));
        NAMED("clip float %s"); EX(name, nd_clip(vals(dt), 0.5, 2.5));
        NAMED("nan_to_num %s"); EX(name, nd_nan_to_num(vals(dt)));
        NAMED("isclose %s"); EX(name, nd_isclose(vals(dt), vals2(dt)));
        NAMED("isclose self %s"); EX(name, nd_isclose(vals(dt), vals(dt), .equal_nan = true));
        NAMED("sinc %s"); EX(name, nd_sinc(vals(dt)));
        NAMED("average %s"); EX(name, nd_average(r44(dt), .axis = ND_AXIS(0)));
        NAMED("average w %s"); EX(name, nd_average(r44(dt), .axis = ND_AXIS(1), .weights = L(1, 2, 3, 4)));
#undef NAMED
    }
    EX("unwrap", nd_unwrap(D(0.0, 3.0, 6.5, 0.2, -3.1, 3.0)));
    EX("unwrap period", nd_unwrap(L(0, 5, 10, 2, 9), .period = 8));
    EX("unwrap 2d", nd_unwrap(nd_reshape(D(0.0, 4.0, 6.0, 0.5), ND_SHAPE(2, 2)), .axis = ND_AXIS(0)));
    EX("clip nan bound", nd_clip(D(1.0, 2.0, NAN), NAN, 1.5));
    EX("clip lo>hi", nd_clip(nd_arange(0, 5, 1), 3, 1));
    EX("nan_to_num opts", nd_nan_to_num(D(NAN, INFINITY, -INFINITY, 1.0), .nan = -1.0, .posinf = ND_VALUE(9.0),
                                        .neginf = ND_VALUE(-9.0)));
    EX("nan_to_num c16", nd_nan_to_num(Z(CMPLX(NAN, INFINITY), CMPLX(-INFINITY, 1))));
    EX("nan_to_num f4 inf", nd_nan_to_num(ARR(float, ND_FLOAT32, INFINITY, -INFINITY)));
    EX("isclose inf", nd_isclose(D(INFINITY, -INFINITY, INFINITY, 1e10), D(INFINITY, INFINITY, 1e308, 1.00001e10)));
    EX("isclose atol", nd_isclose(D(1e-9, 0.0), D(0.0, 1e-7), .atol = 1e-8));
    EX("round half even", nd_round(D(0.5, 1.5, 2.5, -0.5, 0.125, 0.375), .decimals = 2));
    EX("round f4", nd_round(ARR(float, ND_FLOAT32, 1.2345f, 2.5e10f), .decimals = 3));
    EX("round big decimals", nd_round(D(1.5, 2.25), .decimals = 400));
    EX("round i8 -2", nd_round(L(149, 150, 250, -150), .decimals = -2));
    EX("round u1 -1", nd_round(ARR(uint8_t, ND_UINT8, 15, 25, 250), .decimals = -1));
    EX("average empty", nd_average(nd_zeros(ND_SHAPE(0, 3)), .axis = ND_AXIS(0)));
    EX("average w0", nd_average(nd_arange(0.0, 3.0, 1.0), .weights = L(0, 0, 0)));
    EX("ptp f8", nd_ptp(r44("f8"), .axis = ND_AXIS(1)));
    EX("ptp i1", nd_ptp(r44("i1"), .axis = ND_AXIS(0)));
    EX("ptp b1", nd_ptp(vals("b1")));
    EX("count_nonzero c8", nd_count_nonzero(vals("c8")));
    EX("at add", at_case(nd_ufunc_add, A("i4", ":5"), L(0, 1, 0, 3, -1), ND_OPERAND(5)));
    EX("at negative", at_case(nd_ufunc_negative, A("f8", ":4"), L(0, 0, 2), ND_OPERAND(0)));
    EX("at oob", at_case(nd_ufunc_add, A("i4", ":5"), L(7), ND_OPERAND(1)));
    EX("reduceat f8 2d", nd_ufunc_reduceat(nd_ufunc_add, nd_reshape(A("f8", "11:"), ND_SHAPE(1, 5)), L(0, 2), .axis = ND_AXIS(1)));
    EX("reduceat bad", nd_ufunc_reduceat(nd_ufunc_add, nd_arange(0, 5, 1), L(0, 9)));
    EX("accumulate empty", nd_ufunc_accumulate(nd_ufunc_add, nd_zeros(ND_SHAPE(0), .dtype = ND_INT8)));
    EX("accumulate bool", nd_ufunc_accumulate(nd_ufunc_add, vals("b1")));
    EX("cumsum bool", nd_cumsum(vals("b1")));
    EX("cumprod u1", nd_cumprod(A("u1", ":6")));
    EX("outer 2d", nd_ufunc_outer(nd_ufunc_multiply, nd_reshape(A("i2", ":4"), ND_SHAPE(2, 2)), A("i2", ":3")));
    EX("maximum.reduce nan", nd_ufunc_reduce(nd_ufunc_maximum, D(1.0, NAN, 3.0)));
    EX("fmax.reduce nan", nd_ufunc_reduce(nd_ufunc_fmax, D(1.0, NAN, 3.0)));
    EX("fmin.reduce allnan", nd_ufunc_reduce(nd_ufunc_fmin, D(NAN, NAN)));
}

/* ------------------------------------------------------------ strings, copyto, asarray */

static nd_array *U(const char *const *s, int n) { return nd_from_strings(s, ND_SHAPE(n), 'U', 0); }
static nd_array *S(const char *const *s, int n) { return nd_from_strings(s, ND_SHAPE(n), 'S', 0); }
#define STRS(...) (const char *const[]){ __VA_ARGS__ }, (int)(sizeof((const char *[]){ __VA_ARGS__ }) / sizeof(char *))

static nd_array *copyto_case(nd_array *dst, const nd_array *src, nd_casting c) {
    return nd_copyto(dst, src, c) < 0 ? NULL : nd_ref(dst);
}

static void string_cases(void) {
    char name[128];
    const nd_dtype_t *u = nd_dtype_parse("U"), *s12 = nd_dtype_parse("S12"), *u3 = nd_dtype_parse("U3"),
                     *s0 = nd_dtype_parse("S"), *u2 = nd_dtype_parse("U2");
    for (int t = 0; t < NDT; t++) {
        snprintf(name, sizeof name, "astype U %s", DT[t]); EX(name, nd_astype(A(DT[t], ":8"), u));
        snprintf(name, sizeof name, "astype S12 %s", DT[t]); EX(name, nd_astype(A(DT[t], ":8"), s12));
        snprintf(name, sizeof name, "astype U3 %s", DT[t]); EX(name, nd_astype(A(DT[t], ":8"), u3));
    }
    static const char *const FROM[] = { "b1", "i1", "i8", "u2", "f4", "f8", "c16" };
    for (int t = 0; t < 7; t++) {
        snprintf(name, sizeof name, "from U %s", FROM[t]);
        EX(name, nd_astype(U(STRS("1", "0", "7", "12")), dt_of(FROM[t])));
    }
    EX("from U float text", nd_astype(U(STRS("1.5", "-2e3", "nan", "inf", " 3 ")), ND_FLOAT64));
    EX("from U bad int", nd_astype(U(STRS("1.5")), ND_INT64));
    EX("from U bad float", nd_astype(U(STRS("abc")), ND_FLOAT64));
    EX("from U complex", nd_astype(U(STRS("1+2j", "3")), ND_COMPLEX128));
    EX("from U bool", nd_astype(U(STRS("True", "False", "", "0")), ND_BOOL));
    EX("from S int", nd_astype(S(STRS("42", "-7")), ND_INT16));
    EX("U to S", nd_astype(U(STRS("ab", "c")), s0));
    EX("S to U", nd_astype(S(STRS("ab", "c")), u));
    EX("U to S non-ascii", nd_astype(U(STRS("\xc3\xa9")), s0));
    EX("U truncate", nd_astype(U(STRS("abcdef")), u2));
    const nd_dtype_t *pu3 = nd_dtype_parse("U3"), *ps5 = nd_dtype_parse("S5"), *pu2 = nd_dtype_parse("U2"),
                     *pu1 = nd_dtype_parse("U1"), *ps1 = nd_dtype_parse("S1"), *pu21 = nd_dtype_parse("U21"),
                     *pu20 = nd_dtype_parse("U20"), *pu32 = nd_dtype_parse("U32");
    EX("promote U i4", empty_of(nd_promote_types(pu3, ND_INT32)));
    EX("promote S U", empty_of(nd_promote_types(ps5, pu2)));
    EX("promote U f8", empty_of(nd_promote_types(pu1, ND_FLOAT64)));
    EX("promote b1 S", empty_of(nd_promote_types(ND_BOOL, ps1)));
    bool cc[6] = { nd_can_cast(ND_INT64, pu21, ND_CASTING_SAFE), nd_can_cast(ND_INT64, pu20, ND_CASTING_SAFE),
                   nd_can_cast(ND_UINT8, pu3, ND_CASTING_SAFE), nd_can_cast(ND_INT8, pu3, ND_CASTING_SAFE),
                   nd_can_cast(ND_FLOAT64, pu32, ND_CASTING_SAFE), nd_can_cast(pu3, ND_INT64, ND_CASTING_SAME_KIND) };
    EX("can_cast i8 U", nd_from_data(cc, ND_SHAPE(6), ND_BOOL));
    EX("add U err", nd_add(U(STRS("a")), U(STRS("b"))));
    EX("copyto bcast", copyto_case(nd_zeros(ND_SHAPE(3, 4)), A("i4", ":4"), ND_CASTING_DEFAULT));
    EX("copyto same_kind err", copyto_case(nd_zeros(ND_SHAPE(4), .dtype = ND_INT32), A("f8", ":4"), ND_CASTING_DEFAULT));
    EX("copyto unsafe", copyto_case(nd_zeros(ND_SHAPE(4), .dtype = ND_INT32), A("f8", ":4"), ND_CASTING_UNSAFE));
    EX("copyto bad shape", copyto_case(nd_zeros(ND_SHAPE(3, 4)), A("i4", ":3"), ND_CASTING_DEFAULT));
    nd_array *six = nd_arange(0, 6, 1), *hi = nd_get(six, "1:"), *lo = nd_get(six, ":-1");
    EX("copyto overlap", copyto_case(hi, lo, ND_CASTING_DEFAULT));
    nd_free(six); nd_free(hi); nd_free(lo);
    EX("copyto no", copyto_case(nd_zeros(ND_SHAPE(4), .dtype = ND_INT64), A("i4", ":4"), ND_CASTING_NO));
    EX("astype no err", nd_astype(vals("i4"), ND_INT64, .casting = ND_CASTING_NO));
    EX("astype equiv ok", nd_astype(vals("i4"), ND_INT32, .casting = ND_CASTING_EQUIV));
    EX("astype safe u8 i8 err", nd_astype(vals("u8"), ND_INT64, .casting = ND_CASTING_SAFE));
    const nd_dtype_t *all[] = { u, s12, u3, s0, u2, pu3, ps5, pu2, pu1, ps1, pu21, pu20, pu32 };
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) nd_dtype_free(all[i]);
}

/* ------------------------------------------------------------ more errors */

static void error_cases(void) {
    nd_array *even = ARR(bool, ND_BOOL, 1, 0, 1, 0);
    EX("add out shape", keep_out(nd_add(A("f8", ":4"), 1.0, .out = nd_zeros(ND_SHAPE(3)))));
    EX("add out shape 2d", keep_out(nd_add(A("f8", ":4"), 1.0, .out = nd_zeros(ND_SHAPE(2, 4)))));
    EX("add out bcast ok", keep_out(nd_add(A("f8", ":4"), nd_reshape(A("f8", "4:8"), ND_SHAPE(4, 1)), .out = nd_zeros(ND_SHAPE(4, 4)))));
    EX("sqrt out int err", keep_out(nd_sqrt(A("f8", ":4"), .out = nd_zeros(ND_SHAPE(4), .dtype = ND_INT64))));
    EX("sqrt dtype i8 err", nd_sqrt(A("i8", ":4"), .dtype = ND_INT64));
    EX("equal dtype f8", nd_equal(A("i8", ":4"), A("i8", ":4"), .dtype = ND_FLOAT64));
    EX("add where bcast", keep_out(nd_add(r44("i4"), 1, .out = nd_zeros(ND_SHAPE(4, 4), .dtype = ND_INT32), .where = even)));
    EX("cumsum axis oob", nd_cumsum(r44("i4"), .axis = ND_AXIS(2)));
    EX("argmax axis tuple", nd_argmax(r44("i4"), .axis = ND_AXIS(-3)));
    EX("mean keepdims out", keep_out(nd_mean(r44("f8"), .axis = ND_AXIS(1), .keepdims = true, .out = nd_zeros(ND_SHAPE(4, 1)))));
    EX("sum out dtype i1", keep_out(nd_sum(r44("i8"), .axis = ND_AXIS(0), .out = nd_zeros(ND_SHAPE(4), .dtype = ND_INT8))));
    EX("max out wrong ndim", keep_out(nd_max(r44("f8"), .axis = ND_AXIS(0), .out = nd_zeros(ND_SHAPE(1, 4)))));
    EX("var complex", nd_var(A("c16", ":8")));
    EX("std f2", nd_std(A("f2", "11:")));
    EX("mean f2 axis", nd_mean(nd_get(r44("f2"), ":, ::2"), .axis = ND_AXIS(1)));
    EX("nanmean all nan", nd_nanmean(nd_reshape(D(NAN, 1.0, NAN, NAN), ND_SHAPE(2, 2)), .axis = ND_AXIS(1)));
    EX("nanstd ddof big", nd_nanstd(D(1.0, NAN, 3.0), .ddof = 2));
    EX("nansum ints", nd_nansum(vals("i2")));
    EX("nanprod empty", nd_nanprod(nd_zeros(ND_SHAPE(0), .dtype = ND_FLOAT32)));
    EX("nancumprod nan", nd_nancumprod(D(NAN, 2.0, NAN, 3.0)));
    EX("min empty axis1", nd_min(nd_zeros(ND_SHAPE(3, 0)), .axis = ND_AXIS(1)));
    EX("argmin empty axis1", nd_argmin(nd_zeros(ND_SHAPE(3, 0)), .axis = ND_AXIS(1)));
    EX("argmin empty axis0", nd_argmin(nd_zeros(ND_SHAPE(3, 0)), .axis = ND_AXIS(0)));
    EX("all empty", nd_all(nd_zeros(ND_SHAPE(0, 3)), .axis = ND_AXIS(1)));
    EX("prod empty f2", nd_prod(nd_zeros(ND_SHAPE(0, 3), .dtype = ND_FLOAT16), .axis = ND_AXIS(0)));
    nd_free(even);
}

/* ------------------------------------------------------------ fill and item assignment */

static nd_array *filled(nd_array *a, int rc) {
    if (rc < 0) { nd_free(a); return NULL; }
    return a;
}

static void assign_cases(void) {
    char name[128];
    for (int t = 0; t < NDT; t++) {
        const nd_dtype_t *d = dt_of(DT[t]);
        nd_array *a;
        snprintf(name, sizeof name, "fill 300 %s", DT[t]);
        a = nd_zeros(ND_SHAPE(3), .dtype = d); expect_t(name, filled(a, nd_fill(a, 300)), false);
        snprintf(name, sizeof name, "fill -1 %s", DT[t]);
        a = nd_zeros(ND_SHAPE(3), .dtype = d); expect_t(name, filled(a, nd_fill(a, -1)), false);
        snprintf(name, sizeof name, "fill 2.5 %s", DT[t]);
        a = nd_zeros(ND_SHAPE(3), .dtype = d); expect_t(name, filled(a, nd_fill(a, 2.5)), false);
        snprintf(name, sizeof name, "setitem 300 %s", DT[t]);
        a = nd_zeros(ND_SHAPE(3), .dtype = d); expect_t(name, filled(a, nd_itemset(a, ND_IDX(1), 300)), false);
        snprintf(name, sizeof name, "setitem slice -1 %s", DT[t]);
        a = nd_zeros(ND_SHAPE(3), .dtype = d); expect_t(name, filled(a, nd_set_value(a, ":2", -1)), false);
        /* advanced indexing converts the value with NumPy 2's bounds check too */
        snprintf(name, sizeof name, "setitem fancy 300 %s", DT[t]);
        a = nd_zeros(ND_SHAPE(3), .dtype = d); expect_t(name, filled(a, nd_set_value(a, "[0, 1]", 300)), false);
        snprintf(name, sizeof name, "setitem mask -300 %s", DT[t]);
        a = nd_zeros(ND_SHAPE(3), .dtype = d); expect_t(name, filled(a, nd_set_value(a, "[True, False, True]", -300)), false);
        snprintf(name, sizeof name, "setitem fancy 2d -1 %s", DT[t]);
        a = nd_zeros(ND_SHAPE(2, 3), .dtype = d); expect_t(name, filled(a, nd_set_value(a, ":, [2, 0]", -1)), false);
    }
}

/* ------------------------------------------------------------ complex special values */

static nd_array *cspecial(const char *dt) {
    static const double SP[] = { 0.0, -0.0, 1.0, -1.0, INFINITY, -INFINITY, NAN };
    double v[49][2];
    for (int r = 0; r < 7; r++)
        for (int i = 0; i < 7; i++) { v[r * 7 + i][0] = SP[r]; v[r * 7 + i][1] = SP[i]; }
    nd_array *a = nd_from_data(v, ND_SHAPE(49), ND_COMPLEX128), *b = nd_astype(a, dt_of(dt));
    nd_free(a);
    return b;
}

static void complex_special_cases(void) {
    static const char *const CU[] = { "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sqrt", "sin", "cos",
        "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "square",
        "reciprocal", "absolute", "negative", "conjugate", "isnan", "isinf", "isfinite", "sign" };
    char name[128];
    for (size_t u = 0; u < sizeof CU / sizeof *CU; u++)
        for (int k = 0; k < 2; k++) {
            const char *dt = k ? "c16" : "c8";
            snprintf(name, sizeof name, "special %s %s", CU[u], dt);
            nd_array *x = cspecial(dt);
            expect_t(name, call(CU[u], 1, x, NULL, NULL), true);
            nd_free(x);
        }
    static const char *const CB[] = { "add", "multiply", "divide", "power", "equal", "maximum", "fmin", "less",
                                      "greater_equal" };
    for (size_t u = 0; u < sizeof CB / sizeof *CB; u++) {
        snprintf(name, sizeof name, "special %s c16", CB[u]);
        nd_array *x = cspecial("c16"), *y = nd_get(x, "::-1");
        expect_t(name, call(CB[u], 2, x, y, NULL), true);
        nd_free(x);
        nd_free(y);
    }
}

/* ------------------------------------------------------------ bad input: never a crash */

#define BAD(expr) do { nd_error_clear(); check_count_++; const void *r_ = (expr); \
    if (r_ || nd_error() == ND_OK) { check_failures_++; fprintf(stderr, "%s:%d: %s did not fail\n", __FILE__, __LINE__, #expr); } } while (0)
#define BADI(expr) do { nd_error_clear(); check_count_++; int r_ = (expr); \
    if (r_ >= 0 || nd_error() == ND_OK) { check_failures_++; fprintf(stderr, "%s:%d: %s did not fail\n", __FILE__, __LINE__, #expr); } } while (0)

static void bad_input_cases(void) {
    nd_array *x = vals("f8"), *o = NULL, *q = NULL;
    const nd_array *nul = NULL;
    BAD(nd_zeros_like(NULL));
    BAD(nd_full_like(NULL, 1));
    BAD(nd_copy(NULL, 'C'));
    BAD(nd_astype(NULL, ND_INT8));
    BAD(nd_astype(x, NULL));
    BAD(nd_view(NULL, ND_INT8));
    BAD(nd_reshape(NULL, ND_SHAPE(2)));
    BAD(nd_reshape_ex(x, ((nd_shape_t){ 2, NULL }), 'C'));
    BAD(nd_ravel(NULL, 'C'));
    BAD(nd_transpose(NULL, NULL));
    BAD(nd_squeeze(NULL, ND_AXIS_NONE));
    BAD(nd_expand_dims(NULL, ND_AXIS(0)));
    BAD(nd_broadcast_to(NULL, ND_SHAPE(3)));
    BAD(nd_diag(NULL, 0));
    BAD(nd_tril(NULL, 0));
    const nd_shape_t s65 = { 65, NULL }, sneg = { -1, NULL }, snull = { 2, NULL };
    BAD(nd_zeros(s65));
    BAD(nd_zeros(sneg));
    BAD(nd_zeros(snull));
    BADI(nd_copyto(NULL, x, ND_CASTING_DEFAULT));
    BADI(nd_copyto(x, NULL, ND_CASTING_DEFAULT));
    BADI(nd_fill(NULL, 1));
    BAD(nd_add(nul, 1));
    BAD(nd_add(x, nul));
    BAD(nd_sqrt(nul));
    BAD(nd_sum(NULL));
    BAD(nd_mean(NULL));
    BAD(nd_std(NULL));
    BAD(nd_argmax(NULL));
    BAD(nd_cumsum(NULL));
    BAD(nd_count_nonzero(NULL));
    BAD(nd_nanmax(NULL));
    BAD(nd_ufunc_reduce(NULL, x));
    BAD(nd_ufunc_reduce(nd_ufunc_add, NULL));
    BAD(nd_ufunc_accumulate(nd_ufunc_add, NULL));
    BAD(nd_ufunc_outer(nd_ufunc_add, nul, x));
    CHECK(nd_divmod(x, x, NULL, NULL) == 0); /* results not wanted: computed and released */
    BADI(nd_divmod(nul, x, &o, &q));
    BADI(nd_ufunc_call(NULL, NULL, NULL, NULL));
    BAD(nd_ufunc_find("no_such_ufunc"));
    BAD(nd_ufunc_find(NULL));
    BAD(nd_array_repr(NULL));
    BAD(nd_array_str(NULL));
    BADI(nd_fprint(NULL, x));
    BAD(nd_load(NULL));
    BADI(nd_save(NULL, x));
    BADI(nd_save("/nonexistent/dir/x.npy", x));
    BAD(nd_random_normal(NULL, nul, 1.0));
    BAD(nd_random_integers(NULL, 0, nul));
    BAD(nd_random_normal(NULL, 0.0, 1.0, .size = ND_SHAPE(-1)));
    BAD(nd_random_integers(NULL, 0, 10, .dtype = ND_FLOAT64));
    BAD(nd_random_random(NULL, .dtype = ND_INT32));
    BAD(nd_random_choice(NULL, -1));
    nd_free(x);

    /* ND_MAXDIMS (64) dimensions work end to end; 65 fail cleanly */
    int64_t dims[ND_MAXDIMS + 1];
    for (int i = 0; i <= ND_MAXDIMS; i++) dims[i] = i < 2 ? 2 : 1;
    const nd_shape_t s64 = { ND_MAXDIMS, dims }, s65d = { ND_MAXDIMS + 1, dims };
    nd_array *big = nd_ones(s64, .dtype = ND_INT32);
    CHECK(big && nd_ndim(big) == ND_MAXDIMS);
    nd_array *s = nd_sum(big), *t = nd_add(big, big), *m = nd_max(big, .axis = ND_AXIS(-1), .keepdims = true);
    CHECK(s && *(int64_t *)nd_data(s) == 4);
    CHECK(t && nd_ndim(t) == ND_MAXDIMS && ((int32_t *)nd_data(t))[3] == 2);
    CHECK(m && nd_ndim(m) == ND_MAXDIMS);
    char *text = nd_array_repr(big);
    CHECK(text && strstr(text, "[[[[") && strstr(text, "dtype=int32"));
    nd_free_bytes(text);
    nd_array *rev = nd_get(big, "..., ::-1"), *c = nd_copy(rev, 'F');
    CHECK(c != NULL);
    nd_free(c);
    nd_free(rev);
    int64_t nb = 0;
    void *buf = nd_save_buffer(big, &nb);
    nd_array *back = buf ? nd_load_buffer(buf, (size_t)nb) : NULL;
    CHECK(back && nd_ndim(back) == ND_MAXDIMS);
    nd_free_bytes(buf);
    nd_free(back);
    BAD(nd_expand_dims(big, ND_AXIS(0)));
    BAD(nd_reshape(big, s65d));
    BAD(nd_zeros(s65d));
    /* np.broadcast_to's nditer takes at most 64 dimensions (its shape check comes first) */
    CHECK_ERR(nd_broadcast_to(big, s65d), ND_ERR_VALUE, "maximum supported dimension for an ndarray is currently 64, found 65");
    dims[ND_MAXDIMS] = -1;
    CHECK_ERR(nd_broadcast_to(big, s65d), ND_ERR_VALUE, "all elements of broadcast shape must be non-negative");
    dims[ND_MAXDIMS] = 1;
    nd_free(big); nd_free(s); nd_free(t); nd_free(m);
    nd_error_clear();
}

int main(void) {
    G = fopen(ND_GOLDEN_DIR "/conform_core/conform_core.npys", "rb");
    if (!G) { fprintf(stderr, "no golden file\n"); return 1; }
    ufunc_cases();
    promotion_cases();
    reduction_cases();
    option_cases();
    creation_cases();
    npy_cases();
    composite_cases();
    string_cases();
    error_cases();
    assign_cases();
    complex_special_cases();
    bad_input_cases();
    nd_array *end = nd_load_file(G);
    CHECK(end == NULL);
    nd_free(end);
    nd_error_clear();
    fclose(G);
    fprintf(stderr, "%d cases\n", ncases);
    return check_done();
}
