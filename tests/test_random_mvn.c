/* multivariate_normal: bit-exact with NumPy 1.24 under the LAPACK backend (nd makes the
 * same BLAS/LAPACK calls; golden
 * tests/golden/random/mvn.txt from make_mvn.py: Generator svd/eigh/cholesky, RandomState,
 * the global), moments of 10^5 draws under every backend (the native SVD may pick other
 * signs for singular vectors, so its draws differ from NumPy's while the distribution is
 * the same), the PSD check (warn/raise/ignore, tol) and NumPy's errors. */
#include "check.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static nd_array *arr(const double *v, nd_shape_t s) { return nd_from_data(v, s, ND_FLOAT64); }

/* Every case of mvn.txt; counts exact matches.  Returns the number of cases. */
static int golden(bool exact) {
    char path[1024];
    snprintf(path, sizeof path, "%s/random/mvn.txt", ND_GOLDEN_DIR);
    FILE *f = fopen(path, "r");
    CHECK_MSG(f != NULL, "cannot open %s", path);
    if (!f) return 0;
    int cases = 0;
    char kind[4], method[16], cv[16];
    unsigned seed;
    int nsize;
    while (fscanf(f, " C %3s %15s %u %15s %d", kind, method, &seed, cv, &nsize) == 5) {
        int64_t dims[8];
        int k;
        for (int i = 0; i < nsize; i++) CHECK(fscanf(f, "%" SCNd64, &dims[i]) == 1);
        CHECK(fscanf(f, "%d", &k) == 1);
        double *mean = malloc(sizeof(double) * (size_t)k), *cov = malloc(sizeof(double) * (size_t)(k * k));
        char tok[64];
        CHECK(fscanf(f, " M") == 0);
        for (int i = 0; i < k; i++) CHECK(fscanf(f, "%63s", tok) == 1 && (mean[i] = strtod(tok, NULL), 1));
        CHECK(fscanf(f, " V") == 0);
        for (int i = 0; i < k * k; i++) CHECK(fscanf(f, "%63s", tok) == 1 && (cov[i] = strtod(tok, NULL), 1));
        long cnt;
        CHECK(fscanf(f, " O %ld", &cnt) == 1);
        nd_array *m = arr(mean, ND_SHAPE(k)), *c = arr(cov, ND_SHAPE(k, k));
        nd_rng *rng = NULL;
        if (kind[0] == 'G') rng = nd_random_default_rng(seed);
        else if (kind[0] == 'L') rng = nd_random_RandomState(seed);
        else nd_random_seed(seed);
        nd_random_opts o = { .method = strcmp(method, "-") ? method : NULL, .check_valid = cv };
        if (nsize >= 0) o.size = (nd_shape_t){ .ndim = nsize, .dims = dims };
        nd_array *x = nd_random_multivariate_normal_ex(rng, m, c, &o);
        CHECK_MSG(x != NULL, "case %d (%s %s %u): %s", cases, kind, method, seed, nd_error_message());
        bool same = x && nd_size(x) == cnt && nd_ndim(x) == (nsize < 0 ? 1 : nsize + 1);
        for (int i = 0; same && i < nsize; i++) same = nd_shape(x)[i] == dims[i];
        for (long i = 0; i < cnt; i++) {
            CHECK(fscanf(f, "%63s", tok) == 1);
            double e = strtod(tok, NULL), g = same ? ((const double *)nd_data(x))[i] : NAN;
            if (exact) same = same && (g == e || (isnan(g) && isnan(e)));
        }
        CHECK_MSG(same, "case %d (%s %s %u size-ndim %d k %d) differs from NumPy", cases, kind, method, seed, nsize, k);
        nd_free(x);
        nd_free(m);
        nd_free(c);
        nd_rng_free(rng);
        free(mean);
        free(cov);
        cases++;
    }
    fclose(f);
    return cases;
}

/* Sample mean and covariance of 10^5 draws against the parameters: with N = 1e5 the
 * standard error of a mean is sqrt(C_ii / N) and of a covariance about
 * sqrt((C_ii C_jj + C_ij^2) / N); 5 standard errors fail a wrong factor (e.g. the
 * transposed one, or sqrt missing) by far and pass a correct one at these seeds. */
static void moments(nd_rng *rng, const char *method, const double *mu, const double *cv, int k) {
    enum { N = 100000 };
    nd_array *m = arr(mu, ND_SHAPE(k)), *c = arr(cv, ND_SHAPE(k, k));
    nd_array *x = nd_random_multivariate_normal(rng, m, c, .size = ND_SHAPE(N), .method = method);
    CHECK_MSG(x != NULL, "%s: %s", method ? method : "default", nd_error_message());
    if (x) {
        CHECK(nd_ndim(x) == 2 && nd_shape(x)[0] == N && nd_shape(x)[1] == k);
        const double *v = nd_data(x);
        double sm[8] = { 0 }, sc[64] = { 0 };
        for (int r = 0; r < N; r++)
            for (int i = 0; i < k; i++) sm[i] += v[r * k + i];
        for (int i = 0; i < k; i++) sm[i] /= N;
        for (int r = 0; r < N; r++)
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++) sc[i * k + j] += (v[r * k + i] - sm[i]) * (v[r * k + j] - sm[j]);
        for (int i = 0; i < k; i++) {
            CHECK_MSG(fabs(sm[i] - mu[i]) < 5 * sqrt(cv[i * k + i] / N), "%s mean[%d] %g vs %g", method ? method : "svd", i, sm[i], mu[i]);
            for (int j = 0; j < k; j++) {
                double s = sc[i * k + j] / (N - 1), se = sqrt((cv[i * k + i] * cv[j * k + j] + cv[i * k + j] * cv[i * k + j]) / N);
                CHECK_MSG(fabs(s - cv[i * k + j]) < 5 * se, "%s cov[%d,%d] %g vs %g", method ? method : "svd", i, j, s, cv[i * k + j]);
            }
        }
    }
    nd_free(x);
    nd_free(m);
    nd_free(c);
}

int main(void) {
    bool lapack = !strcmp(nd_linalg_backend(), "lapack");
    int n = golden(lapack);
    CHECK(n >= 70);
    if (!lapack) printf("native linalg backend: golden values not compared exactly (moments only)\n");

    /* moments, every method and kind, under whichever backend is built */
    double mu[4] = { 1.0, -2.0, 0.5, 3.0 };
    double cv[16] = { 2.0, 0.5, 0.3, -0.4, 0.5, 1.0, -0.2, 0.1, 0.3, -0.2, 0.7, 0.0, -0.4, 0.1, 0.0, 1.5 };
    nd_rng *g = nd_random_default_rng(2024), *l = nd_random_RandomState(2024);
    moments(g, NULL, mu, cv, 4);
    moments(g, "eigh", mu, cv, 4);
    moments(g, "cholesky", mu, cv, 4);
    moments(l, NULL, mu, cv, 4);
    nd_random_seed(5);
    moments(NULL, NULL, mu, cv, 4);
    /* singular PSD (x0 == x1): svd and eigh still give the distribution */
    double mu2[2] = { 0, 1 }, cv2[4] = { 1, 1, 1, 1 };
    moments(g, NULL, mu2, cv2, 2);
    moments(g, "eigh", mu2, cv2, 2);
    {
        nd_array *m = arr(mu2, ND_SHAPE(2)), *c = arr(cv2, ND_SHAPE(2, 2));
        nd_array *x = nd_random_multivariate_normal(g, m, c, .size = ND_SHAPE(100), .check_valid = "raise");
        CHECK(x != NULL);
        for (int r = 0; x && r < 100; r++) {
            const double *v = (const double *)nd_data(x) + 2 * r;
            CHECK_NEAR(v[1] - v[0], 1.0, 1e-12);
        }
        nd_free(x);
        nd_free(m);
        nd_free(c);
    }

    /* shapes: size None -> (k,), size () -> (k,), size (2, 3) -> (2, 3, k), size (0,) -> (0, k) */
    nd_array *m3 = arr(mu, ND_SHAPE(3)), *c3 = NULL;
    double cv3[9] = { 2.0, 0.5, 0.3, 0.5, 1.0, -0.2, 0.3, -0.2, 0.7 };
    c3 = arr(cv3, ND_SHAPE(3, 3));
    nd_array *x = nd_random_multivariate_normal(g, m3, c3);
    CHECK(x && nd_ndim(x) == 1 && nd_shape(x)[0] == 3 && nd_dtype_equal(nd_dtype(x), ND_FLOAT64));
    nd_free(x);
    x = nd_random_multivariate_normal(g, m3, c3, .size = { 0, (int64_t[]){ 0 } });
    CHECK(x && nd_ndim(x) == 1 && nd_shape(x)[0] == 3);
    nd_free(x);
    x = nd_random_multivariate_normal(g, m3, c3, .size = ND_SHAPE(2, 3));
    CHECK(x && nd_ndim(x) == 3 && nd_shape(x)[0] == 2 && nd_shape(x)[1] == 3 && nd_shape(x)[2] == 3);
    nd_free(x);
    x = nd_random_multivariate_normal(g, m3, c3, .size = ND_SHAPE(0));
    CHECK(x && nd_ndim(x) == 2 && nd_shape(x)[0] == 0 && nd_shape(x)[1] == 3);
    nd_free(x);
    /* integer and non-contiguous inputs are cast / copied (values as for float64) */
    {
        int32_t mi[2] = { 1, 2 }, ci[8] = { 2, 9, 1, 9, 1, 9, 3, 9 }; /* every other column: [[2,1],[1,3]] */
        double mf[2] = { 1, 2 }, cf[4] = { 2, 1, 1, 3 };
        nd_array *ma = nd_from_data(mi, ND_SHAPE(2), ND_INT32), *cbig = nd_from_data(ci, ND_SHAPE(2, 4), ND_INT32);
        nd_array *cs = nd_get(cbig, ":, ::2");
        nd_array *mb = arr(mf, ND_SHAPE(2)), *cb = arr(cf, ND_SHAPE(2, 2));
        nd_rng *a = nd_random_default_rng(3), *b = nd_random_default_rng(3);
        nd_array *xa = nd_random_multivariate_normal(a, ma, cs, .size = ND_SHAPE(5));
        nd_array *xb = nd_random_multivariate_normal(b, mb, cb, .size = ND_SHAPE(5));
        CHECK(xa && xb && !memcmp(nd_data(xa), nd_data(xb), 10 * sizeof(double)));
        nd_free(xa); nd_free(xb); nd_free(ma); nd_free(cbig); nd_free(cs); nd_free(mb); nd_free(cb);
        nd_rng_free(a); nd_rng_free(b);
    }

    /* not PSD: warn (default) goes on and warns, raise fails, ignore is silent; tol */
    double bad[4] = { 1, 2, 2, 1 }, zero2[2] = { 0, 0 };
    nd_array *mb = arr(zero2, ND_SHAPE(2)), *cb = arr(bad, ND_SHAPE(2, 2));
    const char *psd = "covariance is not symmetric positive-semidefinite.";
    CHECK_ERR(nd_random_multivariate_normal(g, mb, cb, .check_valid = "raise"), ND_ERR_VALUE, psd);
    CHECK_ERR(nd_random_multivariate_normal(g, mb, cb, .check_valid = "raise", .method = "eigh"), ND_ERR_VALUE, psd);
    CHECK_ERR(nd_random_multivariate_normal(l, mb, cb, .check_valid = "raise"), ND_ERR_VALUE, psd);
    CHECK_ERR(nd_random_multivariate_normal(g, mb, cb, .method = "cholesky"), ND_ERR_LINALG, "Matrix is not positive definite");
    /* cholesky never looks at check_valid (NumPy) */
    CHECK_ERR(nd_random_multivariate_normal(g, mb, cb, .method = "cholesky", .check_valid = "foo"), ND_ERR_LINALG, "Matrix is not positive definite");
    x = nd_random_multivariate_normal(g, mb, cb, .check_valid = "ignore", .size = ND_SHAPE(3));
    CHECK(x && nd_size(x) == 6);
    nd_free(x);
    x = nd_random_multivariate_normal(g, mb, cb, .check_valid = "ignore", .method = "eigh", .size = ND_SHAPE(3));
    CHECK(x && nd_size(x) == 6 && !isnan(((const double *)nd_data(x))[0])); /* sqrt(abs(s)) */
    nd_free(x);
    x = nd_random_multivariate_normal(g, mb, cb, .size = ND_SHAPE(3)); /* warns on stderr */
    CHECK(x != NULL);
    nd_free(x);
    /* a large tol accepts it; eigh's eigenvalue -1 passes with tol 1 only at >= 1 */
    x = nd_random_multivariate_normal(g, mb, cb, .check_valid = "raise", .tol = 10, .tol_set = true);
    CHECK(x != NULL);
    nd_free(x);
    x = nd_random_multivariate_normal(g, mb, cb, .check_valid = "raise", .method = "eigh", .tol = 1, .tol_set = true);
    CHECK(x != NULL);
    nd_free(x);
    CHECK_ERR(nd_random_multivariate_normal(g, mb, cb, .check_valid = "raise", .method = "eigh", .tol = 0.99, .tol_set = true), ND_ERR_VALUE, psd);
    /* tol = 0 is honoured (not the default): a cov off by 1e-12 passes tol 1e-8, fails tol 0
     * only if the reconstruction is inexact, so test the default on a clearly-close case */
    double nearly[4] = { 1, 0, 0, -1e-10 };
    nd_array *cn = arr(nearly, ND_SHAPE(2, 2));
    x = nd_random_multivariate_normal(g, mb, cn, .check_valid = "raise");
    CHECK(x != NULL); /* |-1e-10| within the default tol */
    nd_free(x);
    CHECK_ERR(nd_random_multivariate_normal(g, mb, cn, .check_valid = "raise", .tol = 0, .tol_set = true), ND_ERR_VALUE, psd);
    nd_free(cn);
    CHECK_ERR(nd_random_multivariate_normal(g, mb, cb, .check_valid = "foo"), ND_ERR_VALUE,
              "check_valid must equal 'warn', 'raise', or 'ignore'");

    /* errors, with NumPy's messages, and nothing drawn */
    double one = 1, row[3] = { 1, 2, 3 };
    nd_array *m0 = arr(&one, ND_SHAPE0), *r3 = arr(row, ND_SHAPE(3)), *c23 = arr(cv3, ND_SHAPE(2, 3));
    nd_rng_state before, after;
    nd_rng_get_state(g, &before);
    CHECK_ERR(nd_random_multivariate_normal(g, m0, c3), ND_ERR_VALUE, "mean must be 1 dimensional");
    CHECK_ERR(nd_random_multivariate_normal(g, c3, c3), ND_ERR_VALUE, "mean must be 1 dimensional");
    CHECK_ERR(nd_random_multivariate_normal(g, m3, r3), ND_ERR_VALUE, "cov must be 2 dimensional and square");
    CHECK_ERR(nd_random_multivariate_normal(g, m3, c23), ND_ERR_VALUE, "cov must be 2 dimensional and square");
    CHECK_ERR(nd_random_multivariate_normal(g, mb, c3), ND_ERR_VALUE, "mean and cov must have same length");
    CHECK_ERR(nd_random_multivariate_normal(g, m3, c3, .method = "qr"), ND_ERR_VALUE,
              "method must be one of {'eigh', 'svd', 'cholesky'}");
    CHECK_ERR(nd_random_multivariate_normal(l, m3, c3, .method = "svd"), ND_ERR_TYPE,
              "multivariate_normal() got an unexpected keyword argument 'method'");
    CHECK_ERR(nd_random_multivariate_normal(g, NULL, c3), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_random_multivariate_normal(g, m3, NULL), ND_ERR_VALUE, "NULL");
    double nanc[4] = { NAN, 2, 2, 1 };
    nd_array *cnan = arr(nanc, ND_SHAPE(2, 2));
    nd_array *e0 = nd_zeros(ND_SHAPE(0), ND_FLOAT64), *e00 = nd_zeros(ND_SHAPE(0, 0), ND_FLOAT64);
    CHECK_ERR(nd_random_multivariate_normal(g, e0, e00, .size = ND_SHAPE(3)), ND_ERR_VALUE,
              "cannot reshape array of size 0 into shape (0)");
    nd_array *cx = nd_zeros(ND_SHAPE(2, 2), ND_COMPLEX128), *mx = nd_zeros(ND_SHAPE(2), ND_COMPLEX128);
    CHECK_ERR(nd_random_multivariate_normal(g, mb, cx), ND_ERR_TYPE, "mean and cov must not be complex");
    CHECK_ERR(nd_random_multivariate_normal(g, mx, cb), ND_ERR_TYPE, "mean and cov must not be complex");
    CHECK_ERR(nd_random_multivariate_normal(l, mx, cb), ND_ERR_TYPE, "Cannot cast ufunc 'add' output");
    nd_rng_get_state(g, &after);
    CHECK(!memcmp(&before, &after, sizeof before));
    if (lapack) CHECK_ERR(nd_random_multivariate_normal(g, mb, cnan), ND_ERR_LINALG, "SVD did not converge");
    else nd_free(nd_random_multivariate_normal(g, mb, cnan)); /* native: any outcome, no crash */
    nd_error_clear();

    nd_free(m0); nd_free(r3); nd_free(c23); nd_free(cnan); nd_free(e0); nd_free(e00); nd_free(cx); nd_free(mx);
    nd_free(mb); nd_free(cb); nd_free(m3); nd_free(c3);
    nd_rng_free(g);
    nd_rng_free(l);
    return check_done();
}
