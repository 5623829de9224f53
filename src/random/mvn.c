/* multivariate_normal (Generator: svd / eigh / cholesky; RandomState: svd), NumPy 1.24's
 * recipe on top of nd's linalg, so that with the LAPACK backend the same LAPACK and BLAS
 * calls give the same bits. */
#include "core/internal.h"
#include "nd/linalg.h"
#include "random/rng.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#ifdef ND_HAVE_BLAS
/* The BLAS/LAPACK routines NumPy calls here (Fortran interface, as src/linalg uses). */
void dgemm_(const char *, const char *, const int *, const int *, const int *, const double *, const double *,
            const int *, const double *, const int *, const double *, double *, const int *, size_t, size_t);
void dgemv_(const char *, const int *, const int *, const double *, const double *, const int *, const double *,
            const int *, const double *, double *, const int *, size_t);
void dpotrf_(const char *, const int *, double *, const int *, int *, size_t);
#endif

/* With the LAPACK backend, make NumPy's own BLAS/LAPACK calls (same routine, same
 * arguments: the same bits). */
#ifdef ND_HAVE_BLAS
static bool numpy_calls(int64_t n) {
    return n <= 46340 && !strcmp(nd_linalg_backend(), "lapack"); /* n * n fits an int */
}
#endif

static const char psd_msg[] = "covariance is not symmetric positive-semidefinite.";

/* Python's warnings.warn(..., RuntimeWarning).  Core keeps the user's warning handler
 * private (src/ufunc/fpe.c), so this does what its default handler does. */
static void warn_runtime(const char *msg) {
    char line[256];
    snprintf(line, sizeof line, "RuntimeWarning: %s", msg);
    nd__warn(line);
}

/* np.isclose(a, b, rtol=tol, atol=tol) without equal_nan. */
static bool close_to(double a, double b, double tol) {
    if (isinf(a) || isinf(b)) return a == b;
    return fabs(a - b) <= tol + tol * fabs(b);
}

/* The factor G (n x n, C order) such that x = z @ G + mean, and the PSD verdict.
 * method: 0 svd (Generator), 1 eigh, 2 cholesky, 3 svd (RandomState).  G may be a
 * transposed view, as NumPy multiplies by factor.T. */
static nd_array *factor(const nd_array *cov, int method, bool *psd, double tol, bool check) {
    int64_t n = cov->shape[0];
    const double *c = (const double *)cov->data;
    nd_array *u = NULL, *s = NULL, *vh = NULL, *f = NULL, *g = NULL;
    *psd = true;
    /* nd's LAPACK backend makes NumPy's own LAPACK calls (Fortran-order copies), so
     * svd and eigh give NumPy's bits. */
#ifdef ND_HAVE_BLAS
    if (method == 2 && numpy_calls(n)) {
        /* NumPy: potrf('L') on cov in Fortran order, upper triangle zeroed */
        int N = (int)n, info = 0;
        f = nd__new(ND_FLOAT64, 2, cov->shape, 'C', false);
        double *buf = nd__malloc(sizeof(double) * (size_t)(n * n + 1));
        if (!f || !buf) {
            bool had_f = f != NULL;
            nd_free(f);
            if (buf) nd__free(buf, sizeof(double) * (size_t)(n * n + 1));
            return had_f ? nd__nomem() : NULL;
        }
        for (int64_t i = 0; i < n; i++)
            for (int64_t j = 0; j < n; j++) buf[i + j * n] = c[i * n + j];
        dpotrf_("L", &N, buf, &N, &info, 1);
        double *fv = (double *)f->data;
        for (int64_t i = 0; i < n; i++)
            for (int64_t j = 0; j < n; j++) fv[i * n + j] = j <= i ? buf[i + j * n] : 0.0;
        nd__free(buf, sizeof(double) * (size_t)(n * n + 1));
        if (info != 0) {
            nd_free(f);
            return nd__err(ND_ERR_LINALG, "Matrix is not positive definite");
        }
        g = nd_T(f);
        nd_free(f);
        return g;
    }
#endif
    if (method == 2) {
        nd_array *up = nd_linalg_cholesky(cov, .upper = true), *ut = up ? nd_T(up) : NULL;
        f = ut ? nd_ascontiguousarray(ut) : NULL; /* L, C order, as NumPy's */
        if (f) g = nd_T(f);
        nd_free(up);
        nd_free(ut);
        nd_free(f);
        return g;
    }
    int rc;
    if (method == 1) {
        rc = nd_linalg_eigh(cov, &s, &u);
    } else {
        rc = nd_linalg_svd(cov, &u, &s, &vh);
    }
    if (rc < 0) goto done;
    nd_array *uc = u ? nd_ascontiguousarray(u) : NULL, *vc = vh ? nd_ascontiguousarray(vh) : NULL;
    nd_free(u);
    nd_free(vh);
    u = uc;
    vh = vc;
    if (!u || (method != 1 && !vh)) goto done;
    const double *sv = (const double *)s->data, *uv = (const double *)u->data;
    const double *vv = vh ? (const double *)vh->data : NULL;
    if (check && method == 1) {
        for (int64_t j = 0; j < n; j++) *psd = *psd && !(sv[j] < -tol);
    } else if (check) {
        /* allclose((vh.T * s) @ vh, cov) */
        for (int64_t i = 0; i < n && *psd; i++)
            for (int64_t k = 0; k < n && *psd; k++) {
                double acc = 0;
                for (int64_t j = 0; j < n; j++) acc += vv[j * n + i] * sv[j] * vv[j * n + k];
                *psd = close_to(acc, c[i * n + k], tol);
            }
    }
    f = nd__new(ND_FLOAT64, 2, cov->shape, 'C', false);
    if (!f) goto done;
    double *fv = (double *)f->data;
    if (method == 3) {
        /* sqrt(s)[:, None] * vh, used as is */
        for (int64_t j = 0; j < n; j++)
            for (int64_t k = 0; k < n; k++) fv[j * n + k] = sqrt(sv[j]) * vv[j * n + k];
        g = f;
        f = NULL;
    } else {
        /* u * sqrt(s) (eigh: sqrt(abs(s)), so tiny negative eigenvalues give no NaN), used as .T */
        for (int64_t i = 0; i < n; i++)
            for (int64_t j = 0; j < n; j++) fv[i * n + j] = uv[i * n + j] * sqrt(method == 1 ? fabs(sv[j]) : sv[j]);
        g = nd_T(f);
    }
done:
    nd_free(u);
    nd_free(s);
    nd_free(vh);
    nd_free(f);
    return g;
}

nd_array *nd_random_multivariate_normal_ex(nd_rng *rng, const nd_array *mean, const nd_array *cov,
                                           const nd_random_opts *o) {
    static const nd_random_opts def = { 0 };
    if (!o) o = &def;
    bool legacy = !nd_rng_is_generator(rng);
    int method = 0;
    if (legacy) {
        if (o->method) return nd__err(ND_ERR_TYPE, "multivariate_normal() got an unexpected keyword argument 'method'");
        method = 3;
    } else if (o->method) {
        static const char *names[3] = { "svd", "eigh", "cholesky" };
        for (method = 0; method < 3 && strcmp(o->method, names[method]); method++) {}
        if (method == 3) return nd__err(ND_ERR_VALUE, "method must be one of {'eigh', 'svd', 'cholesky'}");
    }
    if (!mean || !cov) return nd__err(ND_ERR_VALUE, "NULL mean or cov");
    bool cplx_mean = nd_dtype_is_complex(mean->dtype), cplx_cov = nd_dtype_is_complex(cov->dtype);
    if (!legacy && (cplx_mean || cplx_cov)) return nd__err(ND_ERR_TYPE, "mean and cov must not be complex");
    if (mean->ndim != 1) return nd__err(ND_ERR_VALUE, "mean must be 1 dimensional");
    if (cov->ndim != 2 || cov->shape[0] != cov->shape[1]) return nd__err(ND_ERR_VALUE, "cov must be 2 dimensional and square");
    int64_t n = mean->shape[0];
    if (n != cov->shape[0]) return nd__err(ND_ERR_VALUE, "mean and cov must have same length");
    /* NumPy draws standard_normal(size + (k,)) before anything else can fail */
    int nd = (o->size.ndim > 0 || o->size.dims) ? o->size.ndim : 0;
    if (nd < 0 || (nd > 0 && !o->size.dims)) return nd__err(ND_ERR_VALUE, "invalid size");
    if (nd >= ND_MAXDIMS)
        return nd__err(ND_ERR_VALUE, "maximum supported dimension for an ndarray is currently %d, found %d", ND_MAXDIMS, nd + 1);
    /* NumPy reshapes the normals with reshape(-1, 0), which fails for k == 0 */
    if (n == 0) return nd__err(ND_ERR_VALUE, "cannot reshape array of size 0 into shape (0)");
    /* RandomState adds a complex mean in place into float64 (NumPy's error); a complex
     * cov is cast to float64 (the imaginary part dropped), as there */
    if (cplx_mean)
        return nd__err(ND_ERR_TYPE, "Cannot cast ufunc 'add' output from dtype('complex128') to dtype('float64') with casting rule 'same_kind'");

    bool check = o->check_valid == NULL || strcmp(o->check_valid, "ignore") != 0;
    if (method == 2) check = false; /* the factorization itself fails for a bad cov */
    if (check && strcmp(o->check_valid ? o->check_valid : "warn", "warn") && strcmp(o->check_valid, "raise"))
        return nd__err(ND_ERR_VALUE, "check_valid must equal 'warn', 'raise', or 'ignore'");
    double tol = o->tol_set ? o->tol : 1e-8;

    nd_array *m = NULL, *c = NULL, *g = NULL, *z = NULL, *z2 = NULL, *y = NULL, *res = NULL;
    m = nd_astype(mean, ND_FLOAT64, .order = 'C');
    c = nd_astype(cov, ND_FLOAT64, .order = 'C');
    if (!m || !c) goto done;
    bool psd;
    if (!(g = factor(c, method, &psd, tol, check))) goto done;
    if (!psd) {
        if (o->check_valid && !strcmp(o->check_valid, "raise")) {
            nd__err(ND_ERR_VALUE, "%s", psd_msg);
            goto done;
        }
        warn_runtime(psd_msg);
    }

    /* z = standard_normal(size + (k,)), seen as (-1, k) */
    int64_t shape[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) shape[i] = o->size.dims[i];
    shape[nd] = n;
    z = nd_random_standard_normal_ex(rng, &(nd_random_opts){ .size = { .ndim = nd + 1, .dims = shape } });
    if (!z) goto done;
    z2 = nd_reshape(z, ND_SHAPE(-1, n));
    if (!z2) goto done;
    /* z @ G + mean.  Without BLAS: each entry an FMA chain in k order (what OpenBLAS's
     * dgemm kernels do on x86-64, so even this path usually matches NumPy's bits). */
    y = nd__new(ND_FLOAT64, 2, z2->shape, 'C', false);
    if (!y) goto done;
    int64_t rows = z2->shape[0];
#ifdef ND_HAVE_BLAS
    if (numpy_calls(n) && rows <= INT32_MAX && rows > 0 && n > 1) {
        /* Generator: matmul(z, F.T) -> dgemv('T') for one row, else dgemm('T', 'N') on F;
         * RandomState: dot(z, G) -> dgemv('N') for one row, else dgemm('N', 'N') on G.
         * (k == 1 is a single product per entry: the loop below gives the same.) */
        static const double one = 1.0, zero = 0.0;
        int N = (int)n, R = (int)rows, inc = 1;
        const char *t = legacy ? "N" : "T";
        if (rows == 1) dgemv_(t, &N, &N, &one, (const double *)g->data, &N, (const double *)z2->data, &inc, &zero,
                              (double *)y->data, &inc, 1);
        else dgemm_(t, "N", &N, &R, &N, &one, (const double *)g->data, &N, (const double *)z2->data, &N, &zero,
                    (double *)y->data, &N, 1, 1);
        double *yv = (double *)y->data;
        const double *mv = (const double *)m->data;
        for (int64_t r = 0; r < rows; r++, yv += n)
            for (int64_t j = 0; j < n; j++) yv[j] += mv[j];
    } else
#endif
    {
        const double *zv = (const double *)z2->data, *mv = (const double *)m->data;
        const char *gb = g->data;
        int64_t gs0 = g->strides[0], gs1 = g->strides[1];
        double *yv = (double *)y->data;
        for (int64_t r = 0; r < rows; r++, zv += n, yv += n)
            for (int64_t j = 0; j < n; j++) {
                double acc = 0;
                for (int64_t k = 0; k < n; k++) acc = fma(zv[k], *(const double *)(gb + k * gs0 + j * gs1), acc);
                yv[j] = acc + mv[j];
            }
    }
    nd_shape_t final = { .ndim = nd + 1, .dims = shape };
    res = nd_reshape(y, final);
done:
    nd_free(m);
    nd_free(c);
    nd_free(g);
    nd_free(z);
    nd_free(z2);
    nd_free(y);
    return res;
}
