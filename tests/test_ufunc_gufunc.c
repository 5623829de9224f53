/* Generalized ufuncs for user kernels: the signature parser and calls, checked
 * against NumPy (tests/golden/ufunc_gufunc/make_gufunc.py runs NumPy's own test
 * gufuncs, numpy.core._umath_tests, which this file rebuilds under the same names so
 * that the error texts match word for word).  NumPy 1.24 refuses where= on gufuncs
 * with "got an unexpected keyword argument"; nd keeps that text. */
#include "check.h"

#include <stdint.h>

/* The parse itself (core ndims, name indices, frozen sizes) is checked on the private
 * structure. */
#define ND_BUILDING_LIBRARY
#include "ufunc/ufunc_internal.h"

/* ------------------------------------------------------------ the kernels */

/* The gufunc loop convention: dims[0] loop count, dims[1..] core sizes, steps[0..nop)
 * loop strides, then the core strides.  One body per idea, instantiated per type. */
#define AT(T, p, off) (*(T *)((p) + (off)))

#define INNER(T, name) \
    static void name(char **a, const int64_t *d, const int64_t *s, void *u) { \
        (void)u; \
        for (int64_t i = 0; i < d[0]; i++) { \
            T acc = 0; \
            for (int64_t k = 0; k < d[1]; k++) acc += AT(T, a[0], i * s[0] + k * s[3]) * AT(T, a[1], i * s[1] + k * s[4]); \
            AT(T, a[2], i * s[2]) = acc; \
        } \
    }
INNER(int64_t, inner_l)
INNER(double, inner_d)

/* (m,n),(n,p)->(m,p): steps 3..8 = a_m a_n b_n b_p o_m o_p */
#define MATMUL(T, name) \
    static void name(char **a, const int64_t *d, const int64_t *s, void *u) { \
        (void)u; \
        for (int64_t i = 0; i < d[0]; i++) \
            for (int64_t m = 0; m < d[1]; m++) \
                for (int64_t p = 0; p < d[3]; p++) { \
                    T *o = &AT(T, a[2], i * s[2] + m * s[7] + p * s[8]); \
                    *o = 0; \
                    for (int64_t n = 0; n < d[2]; n++) \
                        *o += AT(T, a[0], i * s[0] + m * s[3] + n * s[4]) * AT(T, a[1], i * s[1] + n * s[5] + p * s[6]); \
                } \
    }
MATMUL(int64_t, matmul_l)
MATMUL(float, matmul_f)
MATMUL(double, matmul_d)

/* (m,n),(n)->(m): steps 3..6 = a_m a_n v_n o_m */
static void matvec_d(char **a, const int64_t *d, const int64_t *s, void *u) {
    (void)u;
    for (int64_t i = 0; i < d[0]; i++)
        for (int64_t m = 0; m < d[1]; m++) {
            double acc = 0;
            for (int64_t n = 0; n < d[2]; n++)
                acc += AT(double, a[0], i * s[0] + m * s[3] + n * s[4]) * AT(double, a[1], i * s[1] + n * s[5]);
            AT(double, a[2], i * s[2] + m * s[6]) = acc;
        }
}

/* (3),(3)->(3) */
static void cross_d(char **a, const int64_t *d, const int64_t *s, void *u) {
    (void)u;
    for (int64_t i = 0; i < d[0]; i++) {
#define X(k) AT(double, a[0], i * s[0] + (k) * s[3])
#define Y(k) AT(double, a[1], i * s[1] + (k) * s[4])
        AT(double, a[2], i * s[2]) = X(1) * Y(2) - X(2) * Y(1);
        AT(double, a[2], i * s[2] + s[5]) = X(2) * Y(0) - X(0) * Y(2);
        AT(double, a[2], i * s[2] + 2 * s[5]) = X(0) * Y(1) - X(1) * Y(0);
#undef X
#undef Y
    }
}

/* (n,d)->(p): distances of every pair i < j, in order */
static void pdist_d(char **a, const int64_t *d, const int64_t *s, void *u) {
    (void)u;
    for (int64_t i = 0; i < d[0]; i++) {
        int64_t q = 0;
        for (int64_t m = 0; m < d[1]; m++)
            for (int64_t n = m + 1; n < d[1]; n++, q++) {
                double acc = 0;
                for (int64_t k = 0; k < d[2]; k++) {
                    double t = AT(double, a[0], i * s[0] + m * s[2] + k * s[3]) - AT(double, a[0], i * s[0] + n * s[2] + k * s[3]);
                    acc += t * t;
                }
                AT(double, a[1], i * s[1] + q * s[4]) = sqrt(acc);
            }
    }
}

/* ()->(n): out[k] = x * (k + 1) */
static void fill_d(char **a, const int64_t *d, const int64_t *s, void *u) {
    (void)u;
    for (int64_t i = 0; i < d[0]; i++)
        for (int64_t k = 0; k < d[1]; k++) AT(double, a[1], i * s[1] + k * s[2]) = AT(double, a[0], i * s[0]) * (double)(k + 1);
}

#define T3(a, b, c) ((const nd_dtype_t *[]){ (a), (b), (c) })

static nd_ufunc *inner1d, *matrix_multiply, *matvec, *cross1d, *pdist, *fillf, *flexmm;

static void make_ufuncs(void) {
    inner1d = nd_ufunc_new("inner1d", 2, 1, .signature = "(i),(i)->()");
    CHECK(inner1d && nd_ufunc_add_loop(inner1d, T3(ND_INT64, ND_INT64, ND_INT64), inner_l, NULL) == 0);
    CHECK(nd_ufunc_add_loop(inner1d, T3(ND_FLOAT64, ND_FLOAT64, ND_FLOAT64), inner_d, NULL) == 0);
    matrix_multiply = nd_ufunc_new("matrix_multiply", 2, 1, .signature = "(m,n),(n,p)->(m,p)");
    CHECK(matrix_multiply && nd_ufunc_add_loop(matrix_multiply, T3(ND_INT64, ND_INT64, ND_INT64), matmul_l, NULL) == 0);
    CHECK(nd_ufunc_add_loop(matrix_multiply, T3(ND_FLOAT32, ND_FLOAT32, ND_FLOAT32), matmul_f, NULL) == 0);
    CHECK(nd_ufunc_add_loop(matrix_multiply, T3(ND_FLOAT64, ND_FLOAT64, ND_FLOAT64), matmul_d, NULL) == 0);
    matvec = nd_ufunc_new("matvec", 2, 1, .signature = "(m,n),(n)->(m)");
    CHECK(matvec && nd_ufunc_add_loop(matvec, T3(ND_FLOAT64, ND_FLOAT64, ND_FLOAT64), matvec_d, NULL) == 0);
    cross1d = nd_ufunc_new("cross1d", 2, 1, .signature = "(3),(3)->(3)");
    CHECK(cross1d && nd_ufunc_add_loop(cross1d, T3(ND_FLOAT64, ND_FLOAT64, ND_FLOAT64), cross_d, NULL) == 0);
    pdist = nd_ufunc_new("euclidean_pdist", 1, 1, .signature = "(n,d)->(p)");
    CHECK(pdist && nd_ufunc_add_loop(pdist, (const nd_dtype_t *[]){ ND_FLOAT64, ND_FLOAT64 }, pdist_d, NULL) == 0);
    /* np.matmul's own signature, flexible dimensions: the same kernel as matrix_multiply
     * (a missing n or m arrives as size 1, stride 0) */
    flexmm = nd_ufunc_new("matmul", 2, 1, .signature = "(n?,k),(k,m?)->(n?,m?)");
    CHECK(flexmm && nd_ufunc_add_loop(flexmm, T3(ND_FLOAT64, ND_FLOAT64, ND_FLOAT64), matmul_d, NULL) == 0);
    fillf = nd_ufunc_new("fill", 1, 1, .signature = "()->(n)");
    CHECK(fillf && nd_ufunc_add_loop(fillf, (const nd_dtype_t *[]){ ND_FLOAT64, ND_FLOAT64 }, fill_d, NULL) == 0);
}

/* ------------------------------------------------------------ inputs */

/* The golden script's mk(): element i = (7 i mod 11) - 5 + off / 4, as dtype. */
static nd_array *mkd(nd_shape_t shape, int off, const nd_dtype_t *dt) {
    nd_array *a = nd_empty(shape, .dtype = ND_FLOAT64);
    if (!a) return NULL;
    double *p = nd_data(a);
    for (int64_t i = 0; i < nd_size(a); i++) p[i] = (double)(i * 7 % 11) - 5 + off * 0.25;
    if (dt == ND_FLOAT64) return a;
    nd_array *b = nd_astype(a, dt);
    nd_free(a);
    return b;
}
#define mk(shape, off) mkd(shape, off, ND_FLOAT64)
/* mki(): (7 i mod 11) - 5 + off, as an integer dtype. */
static nd_array *mki(nd_shape_t shape, int off, const nd_dtype_t *dt) {
    nd_array *a = nd_empty(shape, .dtype = ND_INT64);
    if (!a) return NULL;
    int64_t *p = nd_data(a);
    for (int64_t i = 0; i < nd_size(a); i++) p[i] = i * 7 % 11 - 5 + off;
    nd_array *b = nd_astype(a, dt);
    nd_free(a);
    return b;
}

/* ------------------------------------------------------------ golden lines */

static char *golden;

static char *find_line(const char *kind, const char *name) {
    size_t kn = strlen(kind), nn = strlen(name);
    for (char *p = golden; p && *p;) {
        char *e = strchr(p, '\n');
        if (!strncmp(p, kind, kn) && p[kn] == '\t' && !strncmp(p + kn + 1, name, nn) && p[kn + 1 + nn] == '\t')
            return p + kn + 2 + nn;
        p = e ? e + 1 : NULL;
    }
    return NULL;
}

/* Next tab-separated field of a line, copied into buf. */
static const char *field(const char *p, char *buf, size_t cap) {
    size_t n = 0;
    while (*p && *p != '\t' && *p != '\n') {
        if (n + 1 < cap) buf[n++] = *p;
        p++;
    }
    buf[n] = 0;
    return *p == '\t' ? p + 1 : p;
}

static const char *err_name(const char *py) {
    if (!strcmp(py, "UFuncTypeError")) return "TypeError";
    return py;
}

/* Compare the result r of case `name` (NULL: the call failed) with NumPy's.  Frees r
 * unless it is `keep` (an out= array). */
static void check_case(const char *name, nd_array *r, const nd_array *keep) {
    const char *p = find_line("CASE", name);
    CHECK_MSG(p != NULL, "no golden line for %s", name);
    if (!p) { if (r != keep) nd_free(r); return; }
    char status[8], dtype[32], shape[128];
    p = field(p, status, sizeof status);
    if (!strcmp(status, "ERR")) {
        char exc[64], msg[1024];
        p = field(p, exc, sizeof exc);
        field(p, msg, sizeof msg);
        CHECK_MSG(r == NULL, "%s: expected %s: %s", name, exc, msg);
        if (!r) {
            CHECK_EQ_STR(nd_error_name(nd_error()), err_name(exc));
            CHECK_EQ_STR(nd_error_message(), msg);
        }
        if (r != keep) nd_free(r);
        nd_error_clear();
        return;
    }
    CHECK_MSG(r != NULL, "%s failed: %s", name, nd_error_message());
    if (!r) return;
    p = field(p, dtype, sizeof dtype);
    p = field(p, shape, sizeof shape);
    CHECK_EQ_STR(nd_dtype_name(nd_dtype(r)), dtype);
    char got[128] = "";
    size_t len = 0;
    for (int i = 0; i < nd_ndim(r); i++)
        len += (size_t)snprintf(got + len, sizeof got - len, i ? ",%lld" : "%lld", (long long)nd_shape(r)[i]);
    CHECK_MSG(!strcmp(got, shape), "%s: shape %s, expected %s", name, got, shape);
    if (!strcmp(got, shape)) {
        nd_array *c = nd_astype(r, ND_FLOAT64, .order = 'C');
        const double *v = nd_data(c);
        char *end;
        for (int64_t i = 0; i < nd_size(c); i++) {
            double want = strtod(p, &end);
            CHECK_MSG(end != p && v[i] == want, "%s[%lld]: %.17g, expected %.17g", name, (long long)i, v[i], want);
            p = end;
        }
        nd_free(c);
    }
    if (r != keep) nd_free(r);
}

/* One call of a two-input gufunc with options. */
#define CALL2(uf, x, y, ...) call2_((uf), (x), (y), &(nd_ufunc_opts){ ._ = 0, __VA_ARGS__ })
static nd_array *call2_(nd_ufunc *uf, nd_array *x, nd_array *y, const nd_ufunc_opts *o) {
    nd_array *out[1] = { NULL };
    int rc = nd_ufunc_call(uf, (nd_operand[]){ ND_OPERAND(x), ND_OPERAND(y) }, out, o);
    nd_free(x);
    nd_free(y);
    if (rc < 0) return NULL;
    return out[0] ? out[0] : o->out;
}
#define CALL1(uf, x, ...) call1_((uf), (x), &(nd_ufunc_opts){ ._ = 0, __VA_ARGS__ })
static nd_array *call1_(nd_ufunc *uf, nd_array *x, const nd_ufunc_opts *o) {
    nd_array *out[1] = { NULL };
    int rc = nd_ufunc_call(uf, (nd_operand[]){ ND_OPERAND(x) }, out, o);
    nd_free(x);
    if (rc < 0) return NULL;
    return out[0] ? out[0] : o->out;
}

static nd_array *sl(nd_array *a, const char *idx) {
    nd_array *v = nd_get(a, idx);
    nd_free(a);
    return v;
}

/* ------------------------------------------------------------ tests */

static void test_signatures(void) {
    for (char *p = golden; p && *p;) {
        char *e = strchr(p, '\n');
        if (!strncmp(p, "SIG\t", 4)) {
            char sig[128], nin[8], nout[8], status[8], a[256], b[256], c[256];
            const char *q = field(p + 4, sig, sizeof sig);
            q = field(q, nin, sizeof nin);
            q = field(q, nout, sizeof nout);
            q = field(q, status, sizeof status);
            q = field(q, a, sizeof a);
            nd_error_clear();
            nd_ufunc *uf = nd_ufunc_new("t", atoi(nin), atoi(nout), .signature = sig);
            if (!strcmp(status, "ERR")) {
                CHECK_MSG(uf == NULL, "signature [%s] accepted, NumPy says: %s", sig, a);
                CHECK_EQ_STR(nd_error_message(), a);
                CHECK(nd_error() == ND_ERR_VALUE);
            } else if (!strcmp(a, "none")) {
                CHECK_MSG(uf && nd_ufunc_signature(uf) == NULL, "[%s] should be elementwise", sig);
            } else {
                CHECK_MSG(uf != NULL, "signature [%s] refused: %s", sig, nd_error_message());
                q = field(q, b, sizeof b);
                field(q, c, sizeof c);
                if (uf) {
                    const nd__coresig *cs = uf->core;
                    char g1[256] = "", g2[256] = "", g3[256] = "";
                    size_t l1 = 0, l2 = 0, l3 = 0;
                    int ncore = 0;
                    for (int k = 0; k < atoi(nin) + atoi(nout); k++) {
                        l1 += (size_t)snprintf(g1 + l1, sizeof g1 - l1, k ? " %d" : "%d", cs->ndims[k]);
                        ncore += cs->ndims[k];
                    }
                    for (int k = 0; k < ncore; k++) l2 += (size_t)snprintf(g2 + l2, sizeof g2 - l2, k ? " %d" : "%d", cs->ix[k]);
                    for (int k = 0; k < cs->nnames; k++)
                        l3 += (size_t)snprintf(g3 + l3, sizeof g3 - l3, k ? " %lld" : "%lld", (long long)cs->frozen[k]);
                    CHECK_EQ_STR(nd_ufunc_signature(uf), sig);
                    CHECK_EQ_STR(g1, a);
                    CHECK_EQ_STR(g2, b);
                    CHECK_EQ_STR(g3, c);
                }
            }
            nd_ufunc_free(uf);
        }
        p = e ? e + 1 : NULL;
    }
}

static nd_array *tr(nd_array *a) {
    nd_array *v = nd_transpose(a, NULL);
    nd_free(a);
    return v;
}

static nd_array *reduce_call(nd_array *a) {
    nd_array *r = nd_ufunc_reduce(inner1d, a);
    nd_free(a);
    return r;
}

static void test_calls(void) {
    nd_array *o;
    check_case("inner_basic", CALL2(inner1d, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(3), 1)), NULL);
    check_case("inner_bcast", CALL2(inner1d, mk(ND_SHAPE(4, 1, 3), 0), mk(ND_SHAPE(5, 3), 1)), NULL);
    check_case("inner_noncontig", CALL2(inner1d, sl(mk(ND_SHAPE(3, 6), 0), ":, ::2"), tr(mk(ND_SHAPE(3, 3), 1))), NULL);
    check_case("inner_negstride", CALL2(inner1d, sl(mk(ND_SHAPE(4, 3), 0), "::-1, ::-1"), mk(ND_SHAPE(3), 1)), NULL);
    check_case("inner_empty_loop", CALL2(inner1d, mk(ND_SHAPE(0, 3), 0), mk(ND_SHAPE(3), 1)), NULL);
    check_case("inner_empty_core", CALL2(inner1d, mk(ND_SHAPE(2, 0), 0), mk(ND_SHAPE(0), 1)), NULL);
    check_case("inner_int32", CALL2(inner1d, mki(ND_SHAPE(2, 3), 0, ND_INT32), mki(ND_SHAPE(3), 1, ND_INT32)), NULL);
    check_case("inner_int8_dtype", CALL2(inner1d, mki(ND_SHAPE(2, 3), 0, ND_INT8), mki(ND_SHAPE(3), 1, ND_INT8),
                                         .dtype = ND_FLOAT64), NULL);
    {   /* a C scalar is a 0-d operand: not enough dimensions for (i) */
        nd_array *x = mk(ND_SHAPE(3), 0), *out[1] = { NULL };
        int rc = nd_ufunc_call(inner1d, (nd_operand[]){ ND_OPERAND(x), ND_OPERAND(2.0) }, out, NULL);
        check_case("inner_scalar", rc < 0 ? NULL : out[0], NULL);
        nd_free(x);
    }
    check_case("inner_mismatch", CALL2(inner1d, mk(ND_SHAPE(3), 0), mk(ND_SHAPE(4), 0)), NULL);
    o = nd_zeros(ND_SHAPE(2));
    check_case("inner_out", CALL2(inner1d, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(3), 1), .out = o), o);
    nd_free(o);
    o = nd_zeros(ND_SHAPE(2), .dtype = ND_FLOAT32);
    check_case("inner_out_f32", CALL2(inner1d, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(3), 1), .out = o), o);
    nd_free(o);
    o = nd_zeros(ND_SHAPE(3, 2));
    check_case("inner_out_bcast", CALL2(inner1d, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(3), 1), .out = o), o);
    nd_free(o);
    o = nd_zeros(ND_SHAPE(2), .dtype = ND_INT64);
    check_case("inner_out_int", CALL2(inner1d, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(3), 1), .out = o), o);
    nd_free(o);
    o = nd_zeros(ND_SHAPE0);
    check_case("inner_out_small", CALL2(inner1d, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(3), 1), .out = o), o);
    nd_free(o);
    check_case("inner_casting_no", CALL2(inner1d, mkd(ND_SHAPE(3), 0, ND_FLOAT32), mk(ND_SHAPE(3), 0),
                                         .casting = ND_CASTING_NO), NULL);
    check_case("inner_complex", CALL2(inner1d, mkd(ND_SHAPE(3), 0, ND_COMPLEX128), mk(ND_SHAPE(3), 0)), NULL);
    check_case("inner_bcast_err", CALL2(inner1d, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(5, 3), 0)), NULL);
    check_case("inner_bcast_err3", CALL2(inner1d, mk(ND_SHAPE(4, 2, 3), 0), mk(ND_SHAPE(5, 3), 0)), NULL);
    check_case("inner_axes", CALL2(inner1d, mk(ND_SHAPE(3, 2), 0), mk(ND_SHAPE(3, 2), 1),
                                   .axes = (nd_axes[]){ ND_AXIS(0), ND_AXIS(0), ND_AXIS_NONE }), NULL);
    check_case("inner_axes_neg", CALL2(inner1d, mk(ND_SHAPE(3, 2), 0), mk(ND_SHAPE(2, 3), 1),
                                       .axes = (nd_axes[]){ ND_AXIS(-2), ND_AXIS(-1), ND_AXIS_NONE }), NULL);
    check_case("inner_axes_bad", CALL2(inner1d, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(2, 3), 0),
                                       .axes = (nd_axes[]){ ND_AXIS(0), ND_AXIS(-3), ND_AXIS_NONE }), NULL);
    check_case("inner_axes_len", CALL2(inner1d, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(2, 3), 0),
                                       .axes = (nd_axes[]){ ND_AXIS(0, 1), ND_AXIS(0), ND_AXIS_NONE }), NULL);
    {   /* out= a column of an input; inputs overlapping it are read from copies */
        nd_array *a = mk(ND_SHAPE(3, 3), 0), *col = nd_get(a, ":, 0");
        nd_array *r = CALL2(inner1d, nd_ref(a), nd_get(a, ":, ::-1"), .out = col);
        check_case("inner_inplace", r, col);
        nd_free(col);
        nd_free(a);
    }
    check_case("matmul_basic", CALL2(matrix_multiply, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(3, 4), 1)), NULL);
    check_case("matmul_batch", CALL2(matrix_multiply, mk(ND_SHAPE(2, 1, 2, 3), 0), mk(ND_SHAPE(3, 3, 2), 1)), NULL);
    check_case("matmul_T", CALL2(matrix_multiply, tr(mk(ND_SHAPE(3, 2), 0)), tr(mk(ND_SHAPE(4, 3), 1))), NULL);
    check_case("matmul_f32", CALL2(matrix_multiply, mkd(ND_SHAPE(2, 3), 0, ND_FLOAT32), mkd(ND_SHAPE(3, 2), 1, ND_FLOAT32)), NULL);
    check_case("matmul_mismatch", CALL2(matrix_multiply, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(4, 5), 0)), NULL);
    check_case("matmul_bcast_err", CALL2(matrix_multiply, mk(ND_SHAPE(2, 2, 3), 0), mk(ND_SHAPE(3, 3, 4), 0)), NULL);
    o = nd_zeros(ND_SHAPE(2, 4));
    check_case("matmul_out_core", CALL2(matrix_multiply, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(3, 5), 0), .out = o), o);
    nd_free(o);
    o = nd_zeros(ND_SHAPE(5));
    check_case("matmul_out_ndim", CALL2(matrix_multiply, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(3, 5), 0), .out = o), o);
    nd_free(o);
    check_case("matmul_axes", CALL2(matrix_multiply, mk(ND_SHAPE(3, 2, 4), 0), mk(ND_SHAPE(3, 4, 5), 1),
                                    .axes = (nd_axes[]){ ND_AXIS(1, 0), ND_AXIS(0, 2), ND_AXIS(1, 2) }), NULL);
    check_case("matmul_axes_dup", CALL2(matrix_multiply, mk(ND_SHAPE(2, 3, 4), 0), mk(ND_SHAPE(4, 3, 5), 0),
                                        .axes = (nd_axes[]){ ND_AXIS(1, 1), ND_AXIS(1, 0), ND_AXIS(0, 1) }), NULL);
    check_case("matvec_basic", CALL2(matvec, mk(ND_SHAPE(2, 3, 4), 0), mk(ND_SHAPE(4), 1)), NULL);
    check_case("cross_basic", CALL2(cross1d, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(3), 1)), NULL);
    check_case("cross_frozen", CALL2(cross1d, mk(ND_SHAPE(4), 0), mk(ND_SHAPE(4), 0)), NULL);
    o = nd_zeros(ND_SHAPE(4));
    check_case("cross_out", CALL2(cross1d, mk(ND_SHAPE(3), 0), mk(ND_SHAPE(3), 0), .out = o), o);
    nd_free(o);
    check_case("pdist_noout", CALL1(pdist, mk(ND_SHAPE(4, 3), 0)), NULL);
    o = nd_zeros(ND_SHAPE(6));
    check_case("pdist_out", CALL1(pdist, mk(ND_SHAPE(4, 3), 0), .out = o), o);
    nd_free(o);
    o = nd_zeros(ND_SHAPE(2, 4));
    check_case("fill_out", CALL1(fillf, mk(ND_SHAPE(2), 0), .out = o), o);
    nd_free(o);
    {   /* a weak C scalar for a "()" core input */
        o = nd_zeros(ND_SHAPE(3));
        int rc = nd_ufunc_call(fillf, (nd_operand[]){ ND_OPERAND(2.5) }, (nd_array *[]){ o }, NULL);
        check_case("fill_scalar", rc < 0 ? NULL : o, o);
        nd_free(o);
    }
    /* flexible core dimensions against np.matmul */
    check_case("flex_mm", CALL2(flexmm, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(3, 4), 1)), NULL);
    check_case("flex_mv", CALL2(flexmm, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(3), 1)), NULL);
    check_case("flex_vm", CALL2(flexmm, mk(ND_SHAPE(3), 0), mk(ND_SHAPE(3, 4), 1)), NULL);
    check_case("flex_vv", CALL2(flexmm, mk(ND_SHAPE(3), 0), mk(ND_SHAPE(3), 1)), NULL);
    check_case("flex_batch_mv", CALL2(flexmm, mk(ND_SHAPE(2, 2, 3), 0), mk(ND_SHAPE(3), 1)), NULL);
    check_case("flex_batch_vm", CALL2(flexmm, mk(ND_SHAPE(3), 0), mk(ND_SHAPE(2, 3, 4), 1)), NULL);
    check_case("flex_negstride_vm", CALL2(flexmm, sl(mk(ND_SHAPE(5), 0), "::-2"), sl(tr(mk(ND_SHAPE(4, 3), 1)), "::-1")), NULL);
    check_case("flex_empty_mv", CALL2(flexmm, mk(ND_SHAPE(0, 3), 0), mk(ND_SHAPE(3), 1)), NULL);
    check_case("flex_empty_k", CALL2(flexmm, mk(ND_SHAPE(0), 0), mk(ND_SHAPE(0, 2), 1)), NULL);
    check_case("flex_mv_mismatch", CALL2(flexmm, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(4), 1)), NULL);
    check_case("flex_vm_mismatch", CALL2(flexmm, mk(ND_SHAPE(4), 0), mk(ND_SHAPE(3, 2), 1)), NULL);
    check_case("flex_vv_mismatch", CALL2(flexmm, mk(ND_SHAPE(3), 0), mk(ND_SHAPE(4), 1)), NULL);
    check_case("flex_scalar", CALL2(flexmm, mk(ND_SHAPE0, 0), mk(ND_SHAPE(3), 1)), NULL);
    check_case("flex_scalar2", CALL2(flexmm, mk(ND_SHAPE(3), 0), mk(ND_SHAPE0, 0)), NULL);
    o = nd_zeros(ND_SHAPE(2));
    check_case("flex_out_mv", CALL2(flexmm, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(3), 1), .out = o), o);
    nd_free(o);
    o = nd_zeros(ND_SHAPE0);
    check_case("flex_out_vv", CALL2(flexmm, mk(ND_SHAPE(3), 0), mk(ND_SHAPE(3), 1), .out = o), o);
    nd_free(o);
    o = nd_zeros(ND_SHAPE(2, 1));
    check_case("flex_out_bad", CALL2(flexmm, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(3), 1), .out = o), o);
    nd_free(o);
    o = nd_zeros(ND_SHAPE(3));
    check_case("flex_out_bad2", CALL2(flexmm, mk(ND_SHAPE(2, 3), 0), mk(ND_SHAPE(3), 1), .out = o), o);
    nd_free(o);
    check_case("flex_axes_mv", CALL2(flexmm, mk(ND_SHAPE(3, 2), 0), mk(ND_SHAPE(3), 1),
                                     .axes = (nd_axes[]){ ND_AXIS(1, 0), ND_AXIS(0), ND_AXIS(0) }), NULL);
    check_case("flex_bcast_err", CALL2(flexmm, mk(ND_SHAPE(2, 2, 3), 0), mk(ND_SHAPE(3, 3, 4), 1)), NULL);
    check_case("reduce_err", reduce_call(mk(ND_SHAPE(3), 0)), NULL);
    {
        nd_array *a = mk(ND_SHAPE(3), 0);
        check_case("accumulate_err", nd_ufunc_accumulate(inner1d, a), NULL);
        check_case("outer_err", nd_ufunc_outer(inner1d, a, a), NULL);
        nd_array *idx = ND_ARRAY(long, ND_SHAPE(1), 0);
        int rc = nd_ufunc_at(inner1d, a, idx, a);
        check_case("at_err", rc < 0 ? NULL : a, a);
        nd_free(idx);
        nd_free(a);
    }
}

/* Things NumPy cannot show through _umath_tests: where= refused, zero loop size with
 * allocated outputs, 0-d loop space, bad arguments, frompyfunc-style with a signature. */
static void test_edges(void) {
    nd_array *a = mk(ND_SHAPE(3), 0), *b = mk(ND_SHAPE(3), 1);
    nd_array *m = nd_ones(ND_SHAPE(3), .dtype = ND_BOOL);
    CHECK_ERR(CALL2(inner1d, nd_ref(a), nd_ref(b), .where = m), ND_ERR_TYPE,
              "inner1d() got an unexpected keyword argument 'where'");
    nd_free(m);
    nd_array *r = CALL2(inner1d, nd_ref(a), nd_ref(b));    /* 0-d result */
    CHECK(r && nd_ndim(r) == 0);
    nd_free(r);
    /* loop size 0 with an output-only... core: (0,4) x (4,3) -> (0,?) */
    r = CALL2(matrix_multiply, mk(ND_SHAPE(0, 2, 4), 0), mk(ND_SHAPE(4, 3), 0));
    CHECK(r && nd_ndim(r) == 3 && nd_shape(r)[0] == 0 && nd_shape(r)[1] == 2 && nd_shape(r)[2] == 3);
    nd_free(r);
    CHECK_ERR(nd_ufunc_from_scalar("f", 1, 1, (const nd_dtype_t *[]){ ND_FLOAT64, ND_FLOAT64 }, NULL, NULL,
                                   &(nd_ufunc_new_opts){ .signature = "(n)->()" }), ND_ERR_VALUE, NULL);
    CHECK(nd_ufunc_signature(nd_ufunc_add) == NULL);
    CHECK(nd_ufunc_signature(NULL) == NULL);
    /* "(),()->()" is an elementwise ufunc: broadcasting and reduce work as usual */
    nd_ufunc *ew = nd_ufunc_new("ew", 2, 1, .signature = "(),()->()", .identity = ND_VALUE(0.0));
    CHECK(ew && nd_ufunc_signature(ew) == NULL);
    nd_ufunc_free(ew);
    /* out given through nd_ufunc_call's outs: returned as is */
    nd_array *o = nd_zeros(ND_SHAPE0), *outs[1] = { o };
    CHECK(nd_ufunc_call(inner1d, (nd_operand[]){ ND_OPERAND(a), ND_OPERAND(b) }, outs, NULL) == 0 && outs[0] == o);
    CHECK_NEAR(nd_item_double(o, ND_IDX()), -5 * -4.75 + 2 * 2.25 + -2 * -1.75, 0); /* mk() values */
    nd_free(o);
    nd_free(a);
    nd_free(b);
}

int main(void) {
    char path[1024];
    snprintf(path, sizeof path, "%s/ufunc_gufunc/gufunc.txt", ND_GOLDEN_DIR);
    golden = check_read_file(path, NULL);
    if (!golden) { fprintf(stderr, "missing %s\n", path); return 1; }
    make_ufuncs();
    test_signatures();
    test_calls();
    test_edges();
    nd_ufunc_free(inner1d);
    nd_ufunc_free(matrix_multiply);
    nd_ufunc_free(matvec);
    nd_ufunc_free(cross1d);
    nd_ufunc_free(pdist);
    nd_ufunc_free(fillf);
    nd_ufunc_free(flexmm);
    free(golden);
    return check_done();
}
