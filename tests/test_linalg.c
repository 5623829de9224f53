/* Linear algebra against NumPy's values (tests/golden/linalg, made by make_linalg.py)
 * and by residuals, run once per backend: native always, LAPACK when nd has it.
 * Sign conventions checked loosely where NumPy leaves them to LAPACK (eigenvectors,
 * singular vectors, Q/R of qr): those are tested by residuals and orthogonality. */
#include "check.h"

#include <complex.h>
#include <float.h>

/* ------------------------------------------------------------ helpers */

static nd_array *load(const char *name) {
    char path[512];
    snprintf(path, sizeof path, "%s/linalg/%s.npy", ND_GOLDEN_DIR, name);
    nd_array *a = nd_load(path);
    if (!a) fprintf(stderr, "cannot load %s: %s\n", path, nd_error_message());
    return a;
}

/* element i (C order) as complex double */
static double complex at(const nd_array *a, int64_t i) {
    nd_array *c = nd_astype(a, ND_COMPLEX128, .order = 'C');
    double complex v = c ? ((double complex *)nd_data(c))[i] : NAN;
    nd_free(c);
    return v;
}

/* got ~ expected: same shape and dtype, values within rtol of the largest value */
static int same(const char *what, const nd_array *got, const nd_array *exp, double rtol) {
    if (!got || !exp) {
        fprintf(stderr, "%s: missing result (%s)\n", what, nd_error_message());
        return 0;
    }
    if (nd_ndim(got) != nd_ndim(exp) || memcmp(nd_shape(got), nd_shape(exp), 8 * (size_t)nd_ndim(got)) != 0) {
        fprintf(stderr, "%s: shape mismatch (ndim %d vs %d)\n", what, nd_ndim(got), nd_ndim(exp));
        return 0;
    }
    if (!nd_dtype_equal(nd_dtype(got), nd_dtype(exp))) {
        fprintf(stderr, "%s: dtype %s vs %s\n", what, nd_dtype_name(nd_dtype(got)), nd_dtype_name(nd_dtype(exp)));
        return 0;
    }
    nd_array *g = nd_astype(got, ND_COMPLEX128, .order = 'C'), *e = nd_astype(exp, ND_COMPLEX128, .order = 'C');
    int64_t n = nd_size(g);
    double scale = 0;
    const double complex *pg = nd_data(g), *pe = nd_data(e);
    for (int64_t i = 0; i < n; i++) scale = fmax(scale, cabs(pe[i]));
    bool exact = nd_dtype_is_integer(nd_dtype(exp)) || nd_dtype_is_bool(nd_dtype(exp));
    int ok = 1;
    for (int64_t i = 0; i < n && ok; i++) {
        double d = cabs(pg[i] - pe[i]);
        if (exact ? d != 0 : !(d <= rtol * (scale > 1 ? scale : 1))) {
            fprintf(stderr, "%s: element %lld: got %.17g%+.17gj expected %.17g%+.17gj\n", what, (long long)i,
                    creal(pg[i]), cimag(pg[i]), creal(pe[i]), cimag(pe[i]));
            ok = 0;
        }
    }
    nd_free(g);
    nd_free(e);
    return ok;
}

static double tol_for(const nd_array *a) {
    const nd_dtype_t *d = nd_dtype(a);
    return (d == ND_FLOAT32 || d == ND_COMPLEX64) ? 2e-5 : 1e-10;
}

/* max |a - b| / (max|b| n eps) over complex elements: a residual in units of eps n */
static double resid(const nd_array *a, const nd_array *b, double eps) {
    nd_array *x = nd_astype(a, ND_COMPLEX128, .order = 'C'), *y = nd_astype(b, ND_COMPLEX128, .order = 'C');
    if (!x || !y || nd_size(x) != nd_size(y)) { nd_free(x); nd_free(y); return INFINITY; }
    const double complex *p = nd_data(x), *q = nd_data(y);
    double m = 0, s = 0;
    for (int64_t i = 0; i < nd_size(x); i++) { m = fmax(m, cabs(p[i] - q[i])); s = fmax(s, cabs(q[i])); }
    int64_t n = nd_ndim(b) ? nd_shape(b)[nd_ndim(b) - 1] : 1;
    nd_free(x);
    nd_free(y);
    return m / ((s > 1 ? s : 1) * eps * (double)(n > 1 ? n : 1));
}

static nd_array *conjT(const nd_array *a) { /* conj(a).swapaxes(-1,-2), a copy */
    nd_array *t = nd_matrix_transpose(a);
    nd_array *c = nd_astype(t, nd_dtype(a), .order = 'C');
    nd_free(t);
    if (c && nd_dtype_is_complex(nd_dtype(c))) {
        int64_t n = nd_size(c);
        if (nd_dtype(c) == ND_COMPLEX128) { double *p = nd_data(c); for (int64_t i = 0; i < n; i++) p[2 * i + 1] = -p[2 * i + 1]; }
        else { float *p = nd_data(c); for (int64_t i = 0; i < n; i++) p[2 * i + 1] = -p[2 * i + 1]; }
    }
    return c;
}

/* ------------------------------------------------------- golden cases */

static nd_array *run_case(const char *op, int na, nd_array **in, nd_array **second, const char *sub) {
    nd_array *a = na > 0 ? in[0] : NULL, *b = na > 1 ? in[1] : NULL;
    *second = NULL;
#define IS(s) (strcmp(op, (s)) == 0)
    if (IS("matmul")) return nd_matmul(a, b);
    if (IS("dot")) return nd_dot(a, b);
    if (IS("vdot")) return nd_vdot(a, b);
    if (IS("inner")) return nd_inner(a, b);
    if (IS("outer")) return nd_outer(a, b);
    if (IS("kron")) return nd_kron(a, b);
    if (IS("tensordot_pairs")) return nd_tensordot(a, b, .a_axes = ND_AXIS(1, 0), .b_axes = ND_AXIS(0, 1));
    if (IS("tensordot1")) return nd_tensordot(a, b, .axes = 1, .axes_set = true);
    if (IS("tensordot0")) return nd_tensordot(a, b, .axes = 0, .axes_set = true);
    if (IS("tensordot2")) return nd_tensordot(a, b);
    if (IS("trace")) return nd_trace(a);
    if (IS("trace_off1")) return nd_trace(a, .offset = 1);
    if (IS("trace_offm2")) return nd_trace(a, .offset = -2);
    if (IS("trace_axes12")) return nd_trace(a, .axes = ND_AXIS(1, 2));
    if (IS("cross")) {
        if (nd_shape(a)[0] == 5 && nd_shape(b)[0] == 5 && nd_shape(a)[1] == 2 && nd_shape(b)[1] == 2) {
            nd_array *rev = nd_get(b, "::-1");
            nd_array *r = nd_cross(a, rev);
            nd_free(rev);
            return r;
        }
        return nd_cross(a, b);
    }
    if (IS("cross_axis0")) return nd_cross(a, b, .axisa = ND_AXIS(0));
    if (IS("multi_dot")) return nd_linalg_multi_dot(na, (const nd_array *const *)in);
    if (!strncmp(op, "matrix_power", 12)) return nd_linalg_matrix_power(a, atoi(op + 12));
    if (IS("vecdot")) return nd_vecdot(a, b);
    if (IS("det")) return nd_linalg_det(a);
    if (IS("inv")) return nd_linalg_inv(a);
    if (IS("slogdet")) { nd_array *s = NULL; nd_linalg_slogdet(a, &s, second); return s; }
    if (IS("eigvalsh")) return nd_linalg_eigvalsh(a);
    if (IS("svdvals")) return nd_linalg_svdvals(a);
    if (IS("cholesky")) return nd_linalg_cholesky(a);
    if (IS("solve")) return nd_linalg_solve(a, b);
    if (IS("pinv")) return nd_linalg_pinv(a);
    if (IS("lstsq")) { nd_array *x = NULL; nd_linalg_lstsq(a, b, &x, second, NULL, NULL); return x; }
    if (IS("matrix_rank")) return nd_linalg_matrix_rank(a);
    if (!strncmp(op, "norm_", 5) || !strncmp(op, "cond_", 5)) {
        const char *o = strrchr(op, '_') + 1;
        nd_norm_opts no = { 0 };
        if (!strcmp(o, "fro")) no.ord = ND_NORM_FRO;
        else if (!strcmp(o, "nuc")) no.ord = ND_NORM_NUC;
        else if (!strcmp(o, "inf")) no.ord = ND_NORM_INF;
        else if (!strcmp(o, "-inf")) no.ord = ND_NORM_NEG_INF;
        else if (strcmp(o, "None") && strcmp(o, "axis1") && strcmp(o, "keep")) { no.ord = ND_NORM_P; no.p = atof(o); }
        if (!strncmp(op, "cond_", 5)) return nd_linalg_cond(a, .ord = no.ord, .p = no.p);
        if (IS("norm_axis1")) no.axis = ND_AXIS(1);
        if (IS("norm_axis12_keep")) { no.axis = ND_AXIS(1, 2); no.keepdims = true; }
        return nd_linalg_norm_ex(a, &no);
    }
    if (IS("einsum")) return nd_einsum_ex(sub, na, (const nd_array *const *)in, NULL);
#undef IS
    fprintf(stderr, "unknown op %s\n", op);
    return NULL;
}

static void golden(const char *backend) {
    char path[512];
    snprintf(path, sizeof path, "%s/linalg/cases.txt", ND_GOLDEN_DIR);
    char *text = check_read_file(path, NULL);
    CHECK(text != NULL);
    if (!text) return;
    int count = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char buf[1024];
        snprintf(buf, sizeof buf, "%s", line);
        char *arrow = strstr(buf, " -> ");
        if (!arrow) continue;
        *arrow = 0;
        char *outs = arrow + 4;
        char *words[16];
        int nw = 0;
        for (char *s = buf; nw < 16;) {
            while (*s == ' ') s++;
            if (!*s) break;
            words[nw++] = s;
            while (*s && *s != ' ') s++;
            if (*s) *s++ = 0;
        }
        const char *op = words[0], *sub = NULL;
        int first = 1;
        if (!strcmp(op, "einsum") || !strcmp(op, "einsum_path")) { sub = words[1]; first = 2; }
        nd_array *in[16] = { 0 };
        int na = 0;
        for (int i = first; i < nw; i++) in[na++] = load(words[i]);
        char label[1100];
        snprintf(label, sizeof label, "[%s] %s", backend, line);
        if (!strcmp(op, "einsum_path")) {
            char *p = nd_einsum_path(sub, na, (const nd_array *const *)in);
            /* the golden text has no spaces */
            char compact[512] = "";
            if (p) { int k = 0; for (const char *q = p; *q && k < 511; q++) if (*q != ' ') compact[k++] = *q; compact[k] = 0; }
            check_count_++;
            if (!p || strcmp(compact, outs) != 0) { check_failures_++; fprintf(stderr, "%s: got %s\n", label, p ? p : nd_error_message()); }
            nd_free_bytes(p);
        } else if (!strcmp(op, "lstsq_rank")) { /* lstsq's rank (rank-deficient inputs) */
            int64_t rk = -1;
            check_count_++;
            if (nd_linalg_lstsq(in[0], in[1], NULL, NULL, &rk, NULL) < 0 || rk != atoll(outs)) {
                check_failures_++;
                fprintf(stderr, "%s: got rank %lld (%s)\n", label, (long long)rk, nd_error_message());
            }
        } else {
            char ob[256];
            snprintf(ob, sizeof ob, "%s", outs);
            char *o2 = strchr(ob, ' ');
            if (o2) *o2++ = 0;
            nd_array *e1 = load(ob), *e2 = o2 ? load(o2) : NULL, *g2 = NULL;
            nd_error_clear();
            nd_array *g1 = run_case(op, na, in, &g2, sub);
            double tol = e1 ? tol_for(e1) : 1e-10;
            if (!strncmp(op, "cond", 4) || !strcmp(op, "pinv") || !strcmp(op, "lstsq")) tol *= 100;
            check_count_++;
            if (!same(label, g1, e1, tol)) check_failures_++;
            if (o2) { check_count_++; if (!same(label, g2, e2, tol)) check_failures_++; }
            nd_free(e1); nd_free(e2); nd_free(g1); nd_free(g2);
        }
        for (int i = 0; i < na; i++) nd_free(in[i]);
        count++;
    }
    free(text);
    CHECK(count > 150);
}

/* ------------------------------------------------------ native GEMM */

static nd_array *randn(int64_t r, int64_t c, const nd_dtype_t *dt, uint64_t seed) {
    nd_rng *g = nd_random_default_rng(seed);
    nd_array *a = nd_random_standard_normal(g, .size = ND_SHAPE(r, c));
    nd_rng_free(g);
    if (nd_dtype_is_complex(dt)) {
        nd_array *z = nd_astype(a, dt);
        g = nd_random_default_rng(seed + 99);
        nd_array *im = nd_random_standard_normal(g, .size = ND_SHAPE(r, c));
        nd_rng_free(g);
        int64_t n = r * c;
        for (int64_t i = 0; i < n; i++) {
            double v = ((double *)nd_data(im))[i];
            if (dt == ND_COMPLEX128) ((double *)nd_data(z))[2 * i + 1] = v;
            else ((float *)nd_data(z))[2 * i + 1] = (float)v;
        }
        nd_free(im);
        nd_free(a);
        return z;
    }
    nd_array *b = nd_astype(a, dt);
    nd_free(a);
    return b;
}

/* naive reference product in complex double */
static nd_array *naive(const nd_array *a, const nd_array *b) {
    int64_t M = nd_shape(a)[0], K = nd_shape(a)[1], N = nd_shape(b)[1];
    nd_array *x = nd_astype(a, ND_COMPLEX128, .order = 'C'), *y = nd_astype(b, ND_COMPLEX128, .order = 'C');
    nd_array *c = nd_zeros(ND_SHAPE(M, N), .dtype = ND_COMPLEX128);
    const double complex *p = nd_data(x), *q = nd_data(y);
    double complex *r = nd_data(c);
    for (int64_t i = 0; i < M; i++)
        for (int64_t k = 0; k < K; k++)
            for (int64_t j = 0; j < N; j++) r[i * N + j] += p[i * K + k] * q[k * N + j];
    nd_free(x);
    nd_free(y);
    return c;
}

static void test_gemm(void) {
    const nd_dtype_t *types[] = { ND_FLOAT64, ND_FLOAT32, ND_COMPLEX128, ND_COMPLEX64 };
    int64_t sizes[][3] = { { 1, 1, 1 }, { 7, 5, 3 }, { 33, 17, 65 }, { 97, 130, 101 }, { 200, 300, 257 }, { 6, 520, 8 }, { 1, 700, 1 } };
    for (int t = 0; t < 4; t++)
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            int64_t M = sizes[s][0], K = sizes[s][1], N = sizes[s][2];
            nd_array *a = randn(M, K, types[t], 1 + s), *b = randn(K, N, types[t], 50 + s);
            nd_array *ref = naive(a, b), *c = nd_matmul(a, b);
            double eps = (types[t] == ND_FLOAT32 || types[t] == ND_COMPLEX64) ? FLT_EPSILON : DBL_EPSILON;
            /* error bound of a dot product of length K, relative to sqrt(K)-sized sums */
            CHECK_MSG(c && resid(c, ref, eps) * (double)N / (double)K < 4 * sqrt((double)K), "%s %lldx%lldx%lld: %g",
                      nd_dtype_name(types[t]), (long long)M, (long long)K, (long long)N, c ? resid(c, ref, eps) : -1.0);
            CHECK(c && nd_dtype(c) == types[t]);
            /* transposed and reversed operands: every layout through the packing */
            nd_array *at = nd_T(a), *atc = nd_copy(at, 'C'), *att = nd_T(atc); /* F-ordered a */
            nd_array *brev = nd_get(b, "::-1, ::-1"), *brc = nd_copy(brev, 'C'), *brr = nd_get(brc, "::-1, ::-1");
            nd_array *c2 = nd_matmul(att, brr);
            CHECK(c2 && resid(c2, ref, eps) * (double)N / (double)K < 4 * sqrt((double)K));
            nd_free(at); nd_free(atc); nd_free(att); nd_free(brev); nd_free(brc); nd_free(brr); nd_free(c2);
            nd_free(a); nd_free(b); nd_free(ref); nd_free(c);
        }
    /* integers wrap exactly as NumPy: int8 100*100*3 */
    nd_array *i8 = nd_full(ND_SHAPE(2, 3), 100, .dtype = ND_INT8);
    nd_array *i8t = nd_full(ND_SHAPE(3, 2), 100, .dtype = ND_INT8);
    nd_array *p = nd_matmul(i8, i8t);
    CHECK(p && nd_dtype(p) == ND_INT8 && nd_item_int(p, ND_IDX(0, 0)) == (int8_t)(30000 & 0xff));
    nd_free(i8); nd_free(i8t); nd_free(p);
    nd_array *big = nd_full(ND_SHAPE(1, 2), INT64_MAX), *bt = nd_full(ND_SHAPE(2, 1), 3);
    p = nd_matmul(big, bt);
    CHECK(p && nd_item_int(p, ND_IDX(0, 0)) == (int64_t)((uint64_t)INT64_MAX * 6));
    nd_free(big); nd_free(bt); nd_free(p);
    /* float16 */
    nd_array *h = nd_ones(ND_SHAPE(3, 3), .dtype = ND_FLOAT16);
    p = nd_matmul(h, h);
    CHECK(p && nd_dtype(p) == ND_FLOAT16 && nd_item_double(p, ND_IDX(1, 1)) == 3.0);
    nd_free(h); nd_free(p);
}

static void test_product_edges(void) {
    /* empty operands */
    nd_array *a = nd_zeros(ND_SHAPE(3, 0)), *b = nd_zeros(ND_SHAPE(0, 4));
    nd_array *c = nd_matmul(a, b);
    CHECK(c && nd_shape(c)[0] == 3 && nd_shape(c)[1] == 4 && nd_item_double(c, ND_IDX(2, 3)) == 0);
    nd_free(c);
    c = nd_matmul(b, nd_zeros(ND_SHAPE(4, 0)));
    CHECK(c && nd_size(c) == 0);
    nd_free(c); nd_free(a); nd_free(b);
    /* stacked with zero batch */
    a = nd_zeros(ND_SHAPE(0, 2, 3)); b = nd_ones(ND_SHAPE(3, 2));
    c = nd_matmul(a, b);
    CHECK(c && nd_ndim(c) == 3 && nd_shape(c)[0] == 0);
    nd_free(a); nd_free(b); nd_free(c);
    /* errors */
    a = nd_ones(ND_SHAPE(2, 3)); b = nd_ones(ND_SHAPE(2, 3));
    CHECK_ERR(nd_matmul(a, b), ND_ERR_VALUE,
              "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)");
    CHECK_ERR(nd_dot(a, b), ND_ERR_VALUE, "shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)");
    nd_array *s = nd_full(ND_SHAPE0, 2.0);
    CHECK_ERR(nd_matmul(a, s), ND_ERR_VALUE, "matmul: Input operand 1 does not have enough dimensions");
    nd_array *x = nd_ones(ND_SHAPE(2, 2, 3)), *y = nd_ones(ND_SHAPE(3, 3, 2));
    CHECK_ERR(nd_matmul(x, y), ND_ERR_VALUE,
              "operands could not be broadcast together with remapped shapes [original->remapped]: (2,2,3)->(2,newaxis,newaxis) (3,3,2)->(3,newaxis,newaxis)  and requested shape (2,2)");
    CHECK_ERR(nd_matmul(NULL, a), ND_ERR_VALUE, NULL);
    nd_array *v4 = nd_ones(ND_SHAPE(4)), *v3 = nd_ones(ND_SHAPE(3));
    CHECK_ERR(nd_cross(v4, v3), ND_ERR_VALUE, "incompatible dimensions for cross product");
    CHECK_ERR(nd_vdot(v4, v3), ND_ERR_VALUE, "cannot reshape array of size 3 into shape (4,)");
    CHECK_ERR(nd_tensordot(a, v3), ND_ERR_VALUE, "shape-mismatch for sum");
    CHECK_ERR(nd_linalg_multi_dot(1, (const nd_array *const[]){ a }), ND_ERR_VALUE, "Expecting at least two arrays.");
    CHECK_ERR(nd_linalg_matrix_power(a, 2), ND_ERR_LINALG, "Last 2 dimensions of the array must be square");
    CHECK_ERR(nd_matrix_transpose(v3), ND_ERR_VALUE, "Input array must be at least 2-dimensional");
    CHECK_ERR(nd_trace(v3), ND_ERR_VALUE, "diag requires an array of at least two dimensions");
    /* matmul .out */
    nd_array *o = nd_empty(ND_SHAPE(2, 2));
    nd_array *bt = nd_T(b);
    CHECK(nd_matmul(a, bt, .out = o) == o && nd_item_double(o, ND_IDX(1, 1)) == 3.0);
    nd_free(o); nd_free(bt);
    /* matrix_transpose is a view */
    nd_array *t = nd_matrix_transpose(x);
    CHECK(t && nd_shape(t)[1] == 3 && nd_shape(t)[2] == 2 && nd_base(t) != NULL);
    nd_free(t);
    nd_free(a); nd_free(b); nd_free(s); nd_free(x); nd_free(y); nd_free(v4); nd_free(v3);
}

/* ------------------------------------------------- residual tests */

static void test_residuals(const char *backend) {
    const nd_dtype_t *types[] = { ND_FLOAT64, ND_COMPLEX128, ND_FLOAT32, ND_COMPLEX64 };
    for (int t = 0; t < 4; t++) {
        const nd_dtype_t *dt = types[t];
        bool single = dt == ND_FLOAT32 || dt == ND_COMPLEX64;
        double eps = single ? FLT_EPSILON : DBL_EPSILON, lim = single ? 50 : 50;
        for (int64_t n = 1; n <= 40; n += 13) {
            nd_array *a0 = randn(n, n, dt, 7 + n), *eye = nd_eye(n, .dtype = dt);
            nd_array *sc = nd_full(ND_SHAPE0, (double)n, .dtype = dt);
            nd_array *se = nd_matmul(nd_keep(eye), nd_ones(ND_SHAPE(n, n), .dtype = dt)); /* only to exercise */
            nd_free(se);
            /* a = a0 + n I: well conditioned */
            nd_array *a = nd_copy(a0, 'C');
            for (int64_t i = 0; i < n; i++) {
                nd_value v;
                nd_item(a, ND_IDX(i, i), &v);
                if (nd_dtype_is_complex(dt)) nd_itemset(a, ND_IDX(i, i), nd_value_complex(v.v.c.re + (double)n, v.v.c.im));
                else nd_itemset(a, ND_IDX(i, i), v.v.f + (double)n);
            }
            nd_array *b = randn(n, 3, dt, 100 + n);
            /* solve */
            nd_array *x = nd_linalg_solve(a, b), *ax = nd_matmul(a, x);
            CHECK_MSG(x && nd_dtype(x) == dt && resid(ax, b, eps) < lim, "[%s] solve %s n=%lld: %g", backend, nd_dtype_name(dt), (long long)n, resid(ax, b, eps));
            /* inv */
            nd_array *ai = nd_linalg_inv(a), *aai = nd_matmul(a, ai);
            CHECK_MSG(ai && resid(aai, eye, eps) < lim, "[%s] inv %s n=%lld", backend, nd_dtype_name(dt), (long long)n);
            /* det vs product of eigen... vs slogdet */
            nd_array *d = nd_linalg_det(a), *sg = NULL, *ld = NULL;
            CHECK(nd_linalg_slogdet(a, &sg, &ld) == 0);
            double complex dv = at(d, 0), sv = at(sg, 0);
            CHECK_MSG(cabs(dv - sv * exp(creal(at(ld, 0)))) <= 1e-4 * cabs(dv), "[%s] det/slogdet", backend);
            /* qr: A = Q R, Q^H Q = I, R upper */
            nd_array *q = NULL, *r = NULL;
            CHECK(nd_linalg_qr(a, &q, &r) == 0);
            nd_array *qr = nd_matmul(q, r), *qh = conjT(q), *qhq = nd_matmul(qh, q);
            CHECK_MSG(resid(qr, a, eps) < lim && resid(qhq, eye, eps) < lim, "[%s] qr %s n=%lld", backend, nd_dtype_name(dt), (long long)n);
            bool upper = true;
            for (int64_t i = 0; i < n; i++) for (int64_t j = 0; j < i; j++) if (at(r, i * n + j) != 0) upper = false;
            CHECK(upper);
            /* hermitian h = a + a^H: eigh residual and orthogonality */
            nd_array *ah = conjT(a);
            nd_array *h = NULL;
            {
                nd_array *hh = nd_astype(a, dt, .order = 'C');
                int64_t cnt = n * n;
                nd_array *ahc = nd_astype(ah, dt, .order = 'C');
                for (int64_t i = 0; i < cnt; i++) {
                    if (dt == ND_COMPLEX128) ((double complex *)nd_data(hh))[i] += ((double complex *)nd_data(ahc))[i];
                    else if (dt == ND_COMPLEX64) ((float complex *)nd_data(hh))[i] += ((float complex *)nd_data(ahc))[i];
                    else if (dt == ND_FLOAT64) ((double *)nd_data(hh))[i] += ((double *)nd_data(ahc))[i];
                    else ((float *)nd_data(hh))[i] += ((float *)nd_data(ahc))[i];
                }
                nd_free(ahc);
                h = hh;
            }
            nd_array *w = NULL, *v = NULL;
            CHECK(nd_linalg_eigh(h, &w, &v) == 0);
            if (w && v) {
                nd_array *hv = nd_matmul(h, v), *vw = nd_copy(v, 'C');
                for (int64_t i = 0; i < n; i++)
                    for (int64_t j = 0; j < n; j++) {
                        double complex z = at(v, i * n + j) * creal(at(w, j));
                        nd_itemset(vw, ND_IDX(i, j), nd_value_complex(creal(z), cimag(z)));
                    }
                nd_array *vh = conjT(v), *vhv = nd_matmul(vh, v);
                CHECK_MSG(resid(hv, vw, eps) < 4 * lim && resid(vhv, eye, eps) < lim, "[%s] eigh %s n=%lld: %g %g", backend,
                          nd_dtype_name(dt), (long long)n, resid(hv, vw, eps), resid(vhv, eye, eps));
                bool asc = true;
                for (int64_t i = 1; i < n; i++) if (creal(at(w, i)) < creal(at(w, i - 1))) asc = false;
                CHECK(asc && nd_dtype(w) == (single ? ND_FLOAT32 : ND_FLOAT64));
                nd_free(hv); nd_free(vw); nd_free(vh); nd_free(vhv);
            }
            /* upper Cholesky of h + 4n I... use a a^H + I (positive definite) */
            nd_array *aah = nd_matmul(a, ah);
            nd_array *L = nd_linalg_cholesky(aah), *U = nd_linalg_cholesky(aah, .upper = true);
            nd_array *Lh = conjT(L), *llh = nd_matmul(L, Lh), *Uh = conjT(U), *uhu = nd_matmul(Uh, U);
            CHECK_MSG(L && U && resid(llh, aah, eps) < lim && resid(uhu, aah, eps) < lim, "[%s] cholesky %s", backend, nd_dtype_name(dt));
            /* eig: A v = v diag(w) */
            nd_array *ew = NULL, *ev = NULL;
            CHECK(nd_linalg_eig(a, &ew, &ev) == 0);
            if (ew && ev) {
                nd_array *av = nd_matmul(a, ev), *vl = nd_astype(ev, ND_COMPLEX128, .order = 'C');
                for (int64_t i = 0; i < n; i++)
                    for (int64_t j = 0; j < n; j++) ((double complex *)nd_data(vl))[i * n + j] *= at(ew, j);
                CHECK_MSG(resid(av, vl, eps) < 20 * lim, "[%s] eig %s n=%lld: %g", backend, nd_dtype_name(dt), (long long)n, resid(av, vl, eps));
                nd_free(av); nd_free(vl);
            }
            nd_free(ew); nd_free(ev);
            nd_free(a0); nd_free(eye); nd_free(sc); nd_free(a); nd_free(b); nd_free(x); nd_free(ax); nd_free(ai);
            nd_free(aai); nd_free(d); nd_free(sg); nd_free(ld); nd_free(q); nd_free(r); nd_free(qr); nd_free(qh);
            nd_free(qhq); nd_free(ah); nd_free(h); nd_free(w); nd_free(v); nd_free(aah); nd_free(L); nd_free(U);
            nd_free(Lh); nd_free(llh); nd_free(Uh); nd_free(uhu);
        }
        /* svd of tall, wide and rank-deficient matrices, full and reduced */
        int64_t shapes[][2] = { { 7, 4 }, { 4, 7 }, { 5, 5 }, { 1, 3 }, { 3, 1 } };
        for (int s = 0; s < 5; s++) {
            int64_t m = shapes[s][0], n = shapes[s][1], k = m < n ? m : n;
            nd_array *a = randn(m, n, dt, 300 + s);
            if (s == 2) { /* rank 3: last two rows copies */
                for (int64_t j = 0; j < n; j++) { nd_value v; nd_item(a, ND_IDX(0, j), &v); nd_itemset_ex(a, ND_IDX(3, j), v); nd_itemset_ex(a, ND_IDX(4, j), v); }
            }
            for (int full = 0; full < 2; full++) {
                nd_array *u = NULL, *sv = NULL, *vh = NULL;
                CHECK(nd_linalg_svd(a, &u, &sv, &vh, .reduced = !full) == 0);
                if (!u) continue;
                CHECK(nd_shape(u)[1] == (full ? m : k) && nd_shape(vh)[0] == (full ? n : k) && nd_shape(sv)[0] == k);
                /* U[:, :k] diag(s) Vh[:k] == A */
                nd_array *us = nd_astype(u, ND_COMPLEX128, .order = 'C');
                int64_t uc = nd_shape(u)[1];
                nd_array *usk = nd_zeros(ND_SHAPE(m, n), .dtype = ND_COMPLEX128);
                for (int64_t i = 0; i < m; i++)
                    for (int64_t j = 0; j < n; j++) {
                        double complex z = 0;
                        for (int64_t q2 = 0; q2 < k; q2++) z += ((double complex *)nd_data(us))[i * uc + q2] * creal(at(sv, q2)) * at(vh, q2 * n + j);
                        ((double complex *)nd_data(usk))[i * n + j] = z;
                    }
                CHECK_MSG(resid(usk, a, eps) < lim, "[%s] svd %s %lldx%lld: %g", backend, nd_dtype_name(dt), (long long)m, (long long)n, resid(usk, a, eps));
                nd_array *uh = conjT(u), *uhu = nd_matmul(uh, u), *e1 = nd_eye(nd_shape(u)[1], .dtype = dt);
                nd_array *vv = conjT(vh), *vhv = nd_matmul(vh, vv), *e2 = nd_eye(nd_shape(vh)[0], .dtype = dt);
                CHECK_MSG(resid(uhu, e1, eps) < lim && resid(vhv, e2, eps) < lim, "[%s] svd orthogonality %s %lldx%lld full=%d", backend, nd_dtype_name(dt), (long long)m, (long long)n, full);
                bool desc = true;
                for (int64_t i = 1; i < k; i++) if (creal(at(sv, i)) > creal(at(sv, i - 1))) desc = false;
                CHECK(desc);
                nd_free(us); nd_free(usk); nd_free(uh); nd_free(uhu); nd_free(e1); nd_free(vv); nd_free(vhv); nd_free(e2);
                nd_free(u); nd_free(sv); nd_free(vh);
            }
            nd_free(a);
        }
    }
}

static void test_linalg_errors(const char *backend) {
    nd_array *v = nd_ones(ND_SHAPE(3)), *r = nd_ones(ND_SHAPE(2, 3)), *z = nd_zeros(ND_SHAPE(2, 2));
    CHECK_ERR(nd_linalg_inv(v), ND_ERR_LINALG, "1-dimensional array given. Array must be at least two-dimensional");
    CHECK_ERR(nd_linalg_det(r), ND_ERR_LINALG, "Last 2 dimensions of the array must be square");
    CHECK_ERR(nd_linalg_inv(z), ND_ERR_LINALG, "Singular matrix");
    nd_array *e2 = nd_eye(2);
    CHECK_ERR(nd_linalg_solve(e2, v), ND_ERR_VALUE, "solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m) (size 3 is different from 2)");
    CHECK_ERR(nd_linalg_solve(z, e2), ND_ERR_LINALG, "Singular matrix");
    nd_array *neg = nd_full(ND_SHAPE(2, 2), -1.0);
    CHECK_ERR(nd_linalg_cholesky(neg), ND_ERR_LINALG, "Matrix is not positive definite");
    nd_array *h = nd_ones(ND_SHAPE(2, 2), .dtype = ND_FLOAT16);
    CHECK_ERR(nd_linalg_inv(h), ND_ERR_TYPE, "array type float16 is unsupported in linalg");
    nd_array *w = NULL, *vv = NULL;
    CHECK_ERR(nd_linalg_eigh(e2, &w, &vv, .UPLO = 'X'), ND_ERR_VALUE, "UPLO argument must be 'L' or 'U'");
    CHECK_ERR(nd_linalg_norm(r, .ord = ND_NORM_P, .p = 3), ND_ERR_VALUE, "Invalid norm order for matrices.");
    CHECK_ERR(nd_linalg_norm(v, .ord = ND_NORM_FRO), ND_ERR_VALUE, "Invalid norm order 'fro' for vectors");
    nd_array *s = NULL, *u = NULL, *vh = NULL;
    CHECK_ERR(nd_linalg_svd(v, &u, &s, &vh), ND_ERR_LINALG, "1-dimensional array given");
    nd_array *x = NULL;
    CHECK_ERR(nd_linalg_lstsq(r, v, &x, NULL, NULL, NULL), ND_ERR_LINALG, "Incompatible dimensions");
    CHECK_ERR(nd_linalg_det(NULL), ND_ERR_VALUE, NULL);
    /* empty matrices: det 1, inv empty */
    nd_array *e0 = nd_zeros(ND_SHAPE(0, 0));
    nd_array *d0 = nd_linalg_det(e0), *i0 = nd_linalg_inv(e0);
    CHECK(d0 && nd_item_double(d0, ND_IDX()) == 1.0 && i0 && nd_size(i0) == 0);
    /* singular det is exactly 0, slogdet (0, -inf) */
    nd_array *dz = nd_linalg_det(z), *sg = NULL, *ld = NULL;
    CHECK(dz && nd_item_double(dz, ND_IDX()) == 0.0);
    CHECK(nd_linalg_slogdet(z, &sg, &ld) == 0 && nd_item_double(sg, ND_IDX()) == 0 && isinf(nd_item_double(ld, ND_IDX())));
    /* NaN input propagates (no crash) */
    nd_array *nn = nd_full(ND_SHAPE(3, 3), NAN);
    nd_array *dn = nd_linalg_det(nn);
    CHECK(dn == NULL || isnan(nd_item_double(dn, ND_IDX())) || nd_item_double(dn, ND_IDX()) == 0);
    nd_array *sn = nd_linalg_svdvals(nn);
    (void)sn;
    nd_free(sn);
    nd_error_clear();
    nd_free(dn); nd_free(nn);
    nd_free(v); nd_free(r); nd_free(z); nd_free(e2); nd_free(neg); nd_free(h); nd_free(e0); nd_free(d0); nd_free(i0);
    nd_free(dz); nd_free(sg); nd_free(ld);
    (void)backend;
}

static char warned[256];
static void on_warning(const char *msg, void *ud) { (void)ud; snprintf(warned, sizeof warned, "%s", msg); }

/* NumPy 2.0: cross of 2-vectors warns (DeprecationWarning) and still computes a x b */
static void test_cross_deprecation(void) {
    nd_set_warning_handler(on_warning, NULL);
    nd_array *a = ND_ARRAY(double, ND_SHAPE(2), 1, 2), *b = ND_ARRAY(double, ND_SHAPE(2), 3, 4);
    nd_array *c = nd_cross(a, b);
    CHECK(c && nd_ndim(c) == 0 && nd_item_double(c, ND_IDX()) == -2.0);
    CHECK_EQ_STR(warned, "DeprecationWarning: Arrays of 2-dimensional vectors are deprecated. Use arrays of "
                         "3-dimensional vectors instead. (deprecated in NumPy 2.0)");
    warned[0] = 0;
    nd_array *a3 = ND_ARRAY(double, ND_SHAPE(3), 1, 0, 0), *b3 = ND_ARRAY(double, ND_SHAPE(3), 0, 1, 0);
    nd_array *c3 = nd_cross(a3, b3);
    CHECK(c3 && nd_item_double(c3, ND_IDX(2)) == 1.0 && warned[0] == 0);
    nd_set_warning_handler(NULL, NULL);
    nd_free(a); nd_free(b); nd_free(c); nd_free(a3); nd_free(b3); nd_free(c3);
}

/* Strided, reversed, transposed and stacked inputs give bit for bit the results of
 * their contiguous copies: det, slogdet, inv, solve and cholesky gather every matrix
 * themselves (into Fortran order for LAPACK, as NumPy's copies). */
static bool identical(const nd_array *x, const nd_array *y) {
    if (!x || !y || nd_ndim(x) != nd_ndim(y) || !nd_dtype_equal(nd_dtype(x), nd_dtype(y))) return false;
    if (memcmp(nd_shape(x), nd_shape(y), 8 * (size_t)nd_ndim(x)) != 0) return false;
    nd_array *a = nd_ascontiguousarray(x), *b = nd_ascontiguousarray(y);
    bool ok = a && b && memcmp(nd_data(a), nd_data(b), (size_t)(nd_size(a) * nd_dtype_itemsize(nd_dtype(a)))) == 0;
    nd_free(a);
    nd_free(b);
    return ok;
}

static void test_layouts(const char *backend) {
    const nd_dtype_t *types[] = { ND_FLOAT64, ND_COMPLEX128, ND_FLOAT32 };
    for (int t = 0; t < 3; t++) {
        const nd_dtype_t *dt = types[t];
        nd_array *big = randn(14, 14, dt, 41 + t);
        /* symmetric positive definite: big big^H + 14 I, for cholesky */
        nd_array *bh = conjT(big), *spd = nd_matmul(big, bh), *eye = nd_eye(14, .dtype = dt);
        nd_array *e14 = nd_multiply(eye, 14.0), *spd2 = nd_add(spd, e14);
        const char *views[] = { "::2, 1::2", "::-2, ::-2", "3:10, 2:9" };
        for (int v = 0; v < 3; v++) {
            nd_array *a = nd_get(big, views[v]);
            nd_array *a_t = nd_matrix_transpose(a), *ac = nd_copy(a, 'C'), *atc = nd_copy(a_t, 'C');
            nd_array *r1 = nd_linalg_det(a), *r2 = nd_linalg_det(ac);
            CHECK_MSG(identical(r1, r2), "[%s] det %s view %s", backend, nd_dtype_name(dt), views[v]);
            nd_free(r1); nd_free(r2);
            r1 = nd_linalg_inv(a_t); r2 = nd_linalg_inv(atc);
            CHECK_MSG(identical(r1, r2), "[%s] inv %s view %s^T", backend, nd_dtype_name(dt), views[v]);
            nd_free(r1); nd_free(r2);
            nd_array *b = nd_get(big, "::-2, 2"), *bm = nd_get(big, ":7, ::-3"), *bc = nd_copy(b, 'C'), *bmc = nd_copy(bm, 'C');
            r1 = nd_linalg_solve(a, b); r2 = nd_linalg_solve(ac, bc);
            CHECK_MSG(identical(r1, r2), "[%s] solve vector %s view %s", backend, nd_dtype_name(dt), views[v]);
            nd_free(r1); nd_free(r2);
            r1 = nd_linalg_solve(a_t, bm); r2 = nd_linalg_solve(atc, bmc);
            CHECK_MSG(identical(r1, r2) && nd_shape(r1)[1] == 5, "[%s] solve matrix %s view %s", backend, nd_dtype_name(dt), views[v]);
            nd_free(r1); nd_free(r2);
            nd_free(b); nd_free(bm); nd_free(bc); nd_free(bmc);
            const char *pviews[] = { "::2, ::2", "::-2, ::-2", "3:10, 3:10" }; /* principal: still positive definite */
            nd_array *ss = nd_get(spd2, pviews[v]), *ssc = nd_copy(ss, 'C');
            for (int up = 0; up < 2; up++) {
                r1 = nd_linalg_cholesky(ss, .upper = up); r2 = nd_linalg_cholesky(ssc, .upper = up);
                CHECK_MSG(r1 && identical(r1, r2), "[%s] cholesky(upper=%d) %s view %s: %s", backend, up, nd_dtype_name(dt), pviews[v], nd_error_message());
                nd_free(r1); nd_free(r2);
            }
            nd_free(ss); nd_free(ssc);
            nd_free(a); nd_free(a_t); nd_free(ac); nd_free(atc);
        }
        /* a stack: (2, 3, 4, 4) from a non-contiguous view, and the same copied */
        nd_array *r = nd_reshape(big, ND_SHAPE(2, 7, 14)), *st0 = nd_get(r, ":, :6, ::-1"), *st1 = nd_get(st0, ":, :, 2:10");
        nd_array *st = nd_reshape(st1, ND_SHAPE(2, 6, 2, 4)), *st2 = st ? nd_swapaxes(st, 1, 2) : NULL;
        nd_array *stk = st2 ? nd_get(st2, "..., :4, :") : NULL, *stkc = nd_copy(stk, 'C');
        nd_array *r1 = nd_linalg_det(stk), *r2 = nd_linalg_det(stkc);
        CHECK_MSG(identical(r1, r2) && nd_ndim(r1) == 2, "[%s] det stack %s", backend, nd_dtype_name(dt));
        nd_free(r1); nd_free(r2);
        r1 = nd_linalg_inv(stk); r2 = nd_linalg_inv(stkc);
        CHECK_MSG(identical(r1, r2), "[%s] inv stack %s", backend, nd_dtype_name(dt));
        nd_free(r1); nd_free(r2);
        nd_array *bv = nd_get(big, "0, :4");
        r1 = nd_linalg_solve(stk, bv); r2 = nd_linalg_solve(stkc, bv);
        CHECK_MSG(identical(r1, r2) && nd_ndim(r1) == 3, "[%s] solve stack %s", backend, nd_dtype_name(dt));
        nd_free(r1); nd_free(r2); nd_free(bv);
        nd_free(r); nd_free(st0); nd_free(st1); nd_free(st); nd_free(st2); nd_free(stk); nd_free(stkc);
        nd_free(big); nd_free(bh); nd_free(spd); nd_free(eye); nd_free(e14); nd_free(spd2);
    }
    /* past the 64 x 64 gather tiles, odd sizes: the register transposes (C order), the
     * column copies (F order) and the strided walk (a view) gather the same matrix */
    for (int t = 0; t < 3; t++) {
        for (int64_t n = 67; n <= 134; n += 67) {
            nd_array *big = randn(2 * n, 2 * n, types[t], 7 + (int)n), *v = nd_get(big, "1::2, ::-2");
            nd_array *vc = nd_copy(v, 'C'), *vf = nd_copy(v, 'F');
            nd_array *d1 = nd_linalg_det(v), *d2 = nd_linalg_det(vc), *d3 = nd_linalg_det(vf);
            CHECK_MSG(identical(d1, d2) && identical(d1, d3), "[%s] det %s n=%lld layouts", backend,
                      nd_dtype_name(types[t]), (long long)n);
            nd_array *i1 = nd_linalg_inv(v), *i2 = nd_linalg_inv(vc), *i3 = nd_linalg_inv(vf);
            CHECK_MSG(identical(i1, i2) && identical(i1, i3), "[%s] inv %s n=%lld layouts", backend,
                      nd_dtype_name(types[t]), (long long)n);
            nd_free(big); nd_free(v); nd_free(vc); nd_free(vf);
            nd_free(d1); nd_free(d2); nd_free(d3); nd_free(i1); nd_free(i2); nd_free(i3);
        }
    }
    /* integers are promoted: the same as their float64 copy */
    nd_array *ia = ND_ARRAY(int32_t, ND_SHAPE(3, 3), 4, 1, 2, 1, 5, 1, 2, 1, 6), *fa = nd_astype(ia, ND_FLOAT64);
    nd_array *r1 = nd_linalg_inv(ia), *r2 = nd_linalg_inv(fa);
    CHECK_MSG(identical(r1, r2), "[%s] inv int32", backend);
    nd_free(r1); nd_free(r2);
    r1 = nd_linalg_cholesky(ia); r2 = nd_linalg_cholesky(fa);
    CHECK_MSG(identical(r1, r2), "[%s] cholesky int32", backend);
    nd_free(r1); nd_free(r2); nd_free(ia); nd_free(fa);
}

int main(void) {
    nd_scope_begin();
    test_cross_deprecation();
    printf("gemm kernel: %s, lapack: %s\n", nd_linalg_gemm_kernel(), nd_linalg_have_lapack() ? "yes" : "no");
    const nd_linalg_backend_kind kinds[2] = { ND_LINALG_NATIVE, ND_LINALG_LAPACK };
    for (int k = 0; k < 2; k++) {
        if (k == 1 && !nd_linalg_have_lapack()) break;
        CHECK(nd_linalg_set_backend(kinds[k]) == 0);
        const char *name = nd_linalg_backend();
        CHECK_EQ_STR(name, k ? "lapack" : "native");
        test_gemm();
        test_product_edges();
        golden(name);
        test_residuals(name);
        test_linalg_errors(name);
        test_layouts(name);
    }
    nd_linalg_set_backend(ND_LINALG_AUTO);
    nd_scope_end();
    return check_done();
}
