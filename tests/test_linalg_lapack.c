/* NumPy's factors, element by element (tests/golden/linalg_lapack, made by
 * make_lapack.py): on the LAPACK backend nd makes NumPy's own LAPACK calls, so U, S, Vh,
 * eigenvectors, Q/R, raw h/tau and eig's vectors equal NumPy's to rounding.  The native
 * backend is held to the unique parts (singular values, eigenvalues, Cholesky factors,
 * Q/R under LAPACK's sign rule, inv, det, pinv, cond); its vectors are checked by the
 * residual tests in test_linalg.c. */
#include "check.h"

#include <complex.h>

static nd_array *load(const char *name) {
    char path[512];
    snprintf(path, sizeof path, "%s/linalg_lapack/%s.npy", ND_GOLDEN_DIR, name);
    nd_array *a = nd_load(path);
    if (!a) fprintf(stderr, "cannot load %s: %s\n", path, nd_error_message());
    return a;
}

/* same shape and dtype, |got - exp| <= tol * max(1, max|exp|) elementwise; NaN == NaN */
static bool same(const char *what, const nd_array *got, const nd_array *exp) {
    if (!got || !exp) {
        fprintf(stderr, "%s: missing result (%s)\n", what, nd_error_message());
        return false;
    }
    if (nd_ndim(got) != nd_ndim(exp) || memcmp(nd_shape(got), nd_shape(exp), 8 * (size_t)nd_ndim(got)) != 0) {
        fprintf(stderr, "%s: shape mismatch\n", what);
        return false;
    }
    if (!nd_dtype_equal(nd_dtype(got), nd_dtype(exp))) {
        fprintf(stderr, "%s: dtype %s vs %s\n", what, nd_dtype_name(nd_dtype(got)), nd_dtype_name(nd_dtype(exp)));
        return false;
    }
    const nd_dtype_t *d = nd_dtype(exp);
    double tol = (d == ND_FLOAT32 || d == ND_COMPLEX64) ? 4e-6 : 1e-12;
    nd_array *g = nd_astype(got, ND_COMPLEX128, .order = 'C'), *e = nd_astype(exp, ND_COMPLEX128, .order = 'C');
    const double complex *pg = nd_data(g), *pe = nd_data(e);
    double scale = 1;
    for (int64_t i = 0; i < nd_size(e); i++) if (isfinite(cabs(pe[i]))) scale = fmax(scale, cabs(pe[i]));
    bool ok = true;
    for (int64_t i = 0; i < nd_size(e) && ok; i++) {
        double complex x = pg[i], y = pe[i];
        bool nan_x = isnan(creal(x)) || isnan(cimag(x)), nan_y = isnan(creal(y)) || isnan(cimag(y));
        if (nan_x || nan_y) ok = nan_x == nan_y;
        else if (isinf(creal(y)) || isinf(creal(x))) ok = x == y;
        else ok = cabs(x - y) <= tol * scale;
        if (!ok)
            fprintf(stderr, "%s: element %lld: got %.17g%+.17gj expected %.17g%+.17gj\n", what, (long long)i, creal(x),
                    cimag(x), creal(y), cimag(y));
    }
    nd_free(g);
    nd_free(e);
    return ok;
}

/* Runs op; fills out[] (up to 3 results); returns how many, -1 on error. */
static int run(const char *op, const nd_array *a, nd_array **out) {
#define IS(s) (strcmp(op, (s)) == 0)
    if (IS("svd")) return nd_linalg_svd(a, &out[0], &out[1], &out[2]) < 0 ? -1 : 3;
    if (IS("svd_reduced")) return nd_linalg_svd(a, &out[0], &out[1], &out[2], .reduced = true) < 0 ? -1 : 3;
    if (IS("qr_reduced")) return nd_linalg_qr(a, &out[0], &out[1]) < 0 ? -1 : 2;
    if (IS("qr_complete")) return nd_linalg_qr(a, &out[0], &out[1], .mode = ND_QR_COMPLETE) < 0 ? -1 : 2;
    if (IS("qr_r")) return nd_linalg_qr(a, NULL, &out[0], .mode = ND_QR_R) < 0 ? -1 : 1;
    if (IS("qr_raw")) return nd_linalg_qr(a, &out[0], &out[1], .mode = ND_QR_RAW) < 0 ? -1 : 2;
    if (IS("pinv")) return (out[0] = nd_linalg_pinv(a)) ? 1 : -1;
    if (IS("pinv_rtolnone")) return (out[0] = nd_linalg_pinv(a, .rtol_none = true)) ? 1 : -1;
    if (IS("pinv_rtol0.3")) return (out[0] = nd_linalg_pinv(a, .rtol = 0.3, .rtol_set = true)) ? 1 : -1;
    if (IS("eigh")) return nd_linalg_eigh(a, &out[0], &out[1]) < 0 ? -1 : 2;
    if (IS("eigh_U")) return nd_linalg_eigh(a, &out[0], &out[1], .UPLO = 'U') < 0 ? -1 : 2;
    if (IS("cholesky")) return (out[0] = nd_linalg_cholesky(a)) ? 1 : -1;
    if (IS("cholesky_upper")) return (out[0] = nd_linalg_cholesky(a, .upper = true)) ? 1 : -1;
    if (IS("eig")) return nd_linalg_eig(a, &out[0], &out[1]) < 0 ? -1 : 2;
    if (IS("det")) return (out[0] = nd_linalg_det(a)) ? 1 : -1;
    if (IS("inv")) return (out[0] = nd_linalg_inv(a)) ? 1 : -1;
    if (IS("cond_None")) return (out[0] = nd_linalg_cond(a)) ? 1 : -1;
    if (IS("cond_fro")) return (out[0] = nd_linalg_cond(a, .ord = ND_NORM_FRO)) ? 1 : -1;
    if (IS("cond_1")) return (out[0] = nd_linalg_cond(a, .ord = ND_NORM_P, .p = 1)) ? 1 : -1;
    if (IS("cond_-2")) return (out[0] = nd_linalg_cond(a, .ord = ND_NORM_P, .p = -2)) ? 1 : -1;
    if (IS("cond_inf")) return (out[0] = nd_linalg_cond(a, .ord = ND_NORM_INF)) ? 1 : -1;
#undef IS
    fprintf(stderr, "unknown op %s\n", op);
    return -1;
}

/* Which results the native backend must reproduce: bit i set = result i. */
static unsigned native_mask(const char *op, const char *in, const nd_array *a) {
    /* singular: the smallest singular value is rounding noise (LAPACK's gives NumPy's
     * 2.5e16, the native one exactly 0 -> inf) */
    if (!strcmp(op, "cond_None") && (!strcmp(in, "sing") || !strcmp(in, "stk2"))) return 0;
    int64_t m = nd_shape(a)[nd_ndim(a) - 2], n = nd_shape(a)[nd_ndim(a) - 1];
    if (!strncmp(op, "svd", 3)) return 2;             /* S */
    if (!strncmp(op, "eigh", 4)) return 1;            /* w */
    if (!strcmp(op, "eig")) return 0;                 /* order left to the algorithm */
    if (!strcmp(op, "qr_complete")) return m > n ? 2 : 3; /* Q's extra columns are free */
    return 7;
}

static void golden(bool lapack) {
    char path[512];
    snprintf(path, sizeof path, "%s/linalg_lapack/cases.txt", ND_GOLDEN_DIR);
    char *text = check_read_file(path, NULL);
    CHECK(text != NULL);
    if (!text) return;
    int count = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char buf[512], op[64], in[128], outs[3][64];
        snprintf(buf, sizeof buf, "%s", line);
        int no = sscanf(buf, "%63s %127s -> %63s %63s %63s", op, in, outs[0], outs[1], outs[2]) - 2;
        if (no < 1) continue;
        nd_array *a = load(in), *got[3] = { 0 };
        nd_error_clear();
        int ng = run(op, a, got);
        CHECK_MSG(ng == no, "[%s] %s: %d results (%s)", lapack ? "lapack" : "native", line, ng, nd_error_message());
        unsigned mask = lapack ? 7 : native_mask(op, in, a);
        for (int i = 0; i < no && ng == no; i++) {
            if (!(mask & (1u << i))) continue;
            nd_array *e = load(outs[i]);
            char label[600];
            snprintf(label, sizeof label, "[%s] %s (result %d)", lapack ? "lapack" : "native", line, i);
            CHECK_MSG(same(label, got[i], e), "%s", label);
            nd_free(e);
        }
        for (int i = 0; i < 3; i++) nd_free(got[i]);
        nd_free(a);
        count++;
    }
    free(text);
    CHECK(count > 200);
}

static void test_errors(void) {
    nd_array *a = nd_eye(3), *e0 = nd_zeros(ND_SHAPE(0, 0));
    CHECK_ERR(nd_linalg_pinv(a, .rcond = 0.1, .rcond_set = true, .rtol = 0.1, .rtol_set = true), ND_ERR_VALUE,
              "`rtol` and `rcond` can't be both set.");
    CHECK_ERR(nd_linalg_cond(e0), ND_ERR_LINALG, "cond is not defined on empty arrays");
    /* pinv of an empty matrix: the transposed empty shape */
    nd_array *e23 = nd_zeros(ND_SHAPE(2, 0, 3)), *p = nd_linalg_pinv(e23);
    CHECK(p && nd_ndim(p) == 3 && nd_shape(p)[0] == 2 && nd_shape(p)[1] == 3 && nd_shape(p)[2] == 0);
    nd_free(p); nd_free(e23); nd_free(a); nd_free(e0);
}

/* max |x - y| / max(1, max |y|) */
static double rel(const nd_array *x, const nd_array *y) {
    nd_array *p = nd_astype(x, ND_COMPLEX128, .order = 'C'), *q = nd_astype(y, ND_COMPLEX128, .order = 'C');
    double m = 0, s = 1;
    for (int64_t i = 0; i < nd_size(q); i++) {
        double complex u = ((double complex *)nd_data(p))[i], v = ((double complex *)nd_data(q))[i];
        m = fmax(m, cabs(u - v));
        s = fmax(s, cabs(v));
    }
    nd_free(p);
    nd_free(q);
    return m / s;
}

/* The blocked native kernels (panels of 48) on orders past one block: residuals of
 * solve, inv, Cholesky and det against the LU-free identity det(Q R) checks. */
static void test_blocked(void) {
    CHECK(nd_linalg_set_backend(ND_LINALG_NATIVE) == 0);
    const nd_dtype_t *types[] = { ND_FLOAT64, ND_COMPLEX128 };
    int64_t sizes[] = { 49, 130, 197 };
    for (int t = 0; t < 2; t++)
        for (int s = 0; s < 3; s++) {
            int64_t n = sizes[s];
            nd_rng *g = nd_random_default_rng(40 + (uint64_t)n);
            nd_array *re = nd_random_standard_normal(g, .size = ND_SHAPE(n, n));
            nd_array *im = nd_random_standard_normal(g, .size = ND_SHAPE(n, n));
            nd_array *b = nd_random_standard_normal(g, .size = ND_SHAPE(n, 3));
            nd_rng_free(g);
            nd_array *a = nd_astype(re, types[t]);
            if (t == 1) { /* a = re + i im */
                double complex *p = nd_data(a);
                for (int64_t i = 0; i < n * n; i++) p[i] += I * ((double *)nd_data(im))[i];
            }
            nd_array *x = nd_linalg_solve(a, b), *ax = nd_matmul(a, x);
            CHECK_MSG(x && rel(ax, b) < 1e-10, "blocked solve %s n=%lld: %g", nd_dtype_name(types[t]), (long long)n, rel(ax, b));
            nd_array *ai = nd_linalg_inv(a), *aai = nd_matmul(a, ai), *eye = nd_eye(n);
            CHECK_MSG(ai && rel(aai, eye) < 1e-10, "blocked inv %s n=%lld", nd_dtype_name(types[t]), (long long)n);
            /* h = a a^H + n I: Cholesky residual */
            nd_array *at = nd_matrix_transpose(a), *ah = nd_conj(at), *h = nd_matmul(a, ah);
            for (int64_t i = 0; i < n; i++) {
                if (t == 1) ((double complex *)nd_data(h))[i * n + i] += (double)n;
                else ((double *)nd_data(h))[i * n + i] += (double)n;
            }
            nd_array *L = nd_linalg_cholesky(h), *Lt = L ? nd_matrix_transpose(L) : NULL, *Lh = Lt ? nd_conj(Lt) : NULL;
            nd_array *llh = Lh ? nd_matmul(L, Lh) : NULL;
            CHECK_MSG(llh && rel(llh, h) < 1e-12, "blocked cholesky %s n=%lld", nd_dtype_name(types[t]), (long long)n);
            nd_array *U = nd_linalg_cholesky(h, .upper = true), *Ut = U ? nd_matrix_transpose(U) : NULL;
            nd_array *Uh = Ut ? nd_conj(Ut) : NULL;
            CHECK(U && Uh && rel(Uh, L) < 1e-12);
            /* det = prod of the Cholesky diagonal squared, for h */
            nd_array *d = nd_linalg_det(h), *sg = NULL, *ld = NULL;
            CHECK(nd_linalg_slogdet(h, &sg, &ld) == 0);
            double logd = 0;
            for (int64_t i = 0; i < n; i++) logd += 2 * log(creal(t == 1 ? ((double complex *)nd_data(L))[i * n + i] : ((double *)nd_data(L))[i * n + i]));
            CHECK_MSG(d && ld && fabs(nd_item_double(ld, ND_IDX()) - logd) < 1e-9 * fabs(logd), "blocked slogdet n=%lld", (long long)n);
            nd_free(re); nd_free(im); nd_free(b); nd_free(a); nd_free(x); nd_free(ax); nd_free(ai); nd_free(aai); nd_free(eye);
            nd_free(at); nd_free(ah); nd_free(h); nd_free(L); nd_free(Lt); nd_free(Lh); nd_free(llh); nd_free(U); nd_free(Ut);
            nd_free(Uh); nd_free(d); nd_free(sg); nd_free(ld);
        }
    /* singular past one block: exact zero pivot -> LinAlgError, det 0 */
    nd_array *z = nd_zeros(ND_SHAPE(100, 100));
    for (int64_t i = 0; i < 100; i++) ((double *)nd_data(z))[i * 100 + i] = i == 70 ? 0 : 1;
    CHECK_ERR(nd_linalg_inv(z), ND_ERR_LINALG, "Singular matrix");
    nd_array *dz = nd_linalg_det(z);
    CHECK(dz && nd_item_double(dz, ND_IDX()) == 0);
    nd_free(z); nd_free(dz);
}

int main(void) {
    test_blocked();
    nd_scope_begin();
    CHECK(nd_linalg_set_backend(ND_LINALG_NATIVE) == 0);
    golden(false);
    test_errors();
    if (nd_linalg_have_lapack()) {
        CHECK(nd_linalg_set_backend(ND_LINALG_LAPACK) == 0);
        golden(true);
        test_errors();
    }
    nd_linalg_set_backend(ND_LINALG_AUTO);
    nd_scope_end();
    return check_done();
}
