/* np.cov and np.corrcoef, step for step as NumPy: X as a 2-d copy in the result dtype,
 * weighted average per variable, X -= avg, c = X @ (X * w).T.conj(), c *= 1 / fact. */
#include "numeric/numeric_priv.h"

/* np.array(m, ndmin=2, dtype=dt) (a copy), transposed for rowvar=False unless it has
 * one row. */
static nd_array *as_rows(const nd_array *m, const nd_dtype_t *dt, bool rowvar) {
    nd_array *m2 = NULL;
    if (m->ndim == 0) m2 = nd_reshape(m, ND_SHAPE(1, 1));
    else if (m->ndim == 1) m2 = nd_reshape(m, ND_SHAPE(1, m->shape[0]));
    else m2 = nd_ref((nd_array *)m);
    if (!m2) return NULL;
    nd_array *x = nd_astype(m2, dt, .order = 'C');
    nd_free(m2);
    if (x && !rowvar && x->shape[0] != 1) {
        nd_array *t = nd_transpose(x, NULL);
        nd_free(x);
        x = t;
    }
    return x;
}

/* fweights / aweights as float64 after NumPy's checks. */
static nd_array *check_weights(const nd_array *w, const char *name, int64_t nobs, bool integral) {
    nd_array *f = nd_astype(w, ND_FLOAT64);
    if (!f) return NULL;
    if (integral) {
        nd_array *r = nd_around(f);
        nd_array *eq = r ? nd_equal(f, r) : NULL;
        nd_array *all = eq ? nd_all(eq) : NULL;
        nd_free(r);
        nd_free(eq);
        if (!all) goto fail;
        bool ok = *(bool *)all->data;
        nd_free(all);
        if (!ok) { nd__err(ND_ERR_TYPE, "%s must be integer", name); goto fail; }
    }
    if (f->ndim > 1) { nd__err(ND_ERR_RUNTIME, "cannot handle multidimensional %s", name); goto fail; }
    if (f->ndim == 0) { nd__err(ND_ERR_INDEX, "tuple index out of range"); goto fail; }
    if (f->shape[0] != nobs) { nd__err(ND_ERR_RUNTIME, "incompatible numbers of samples and %s", name); goto fail; }
    nd_array *neg = nd_less(f, 0);
    nd_array *any = neg ? nd_any(neg) : NULL;
    nd_free(neg);
    if (!any) goto fail;
    bool bad = *(bool *)any->data;
    nd_free(any);
    if (bad) { nd__err(ND_ERR_VALUE, "%s cannot be negative", name); goto fail; }
    return f;
fail:
    nd_free(f);
    return NULL;
}

/* A 0-d array's value as a double (complex: the real part). */
static double scalar_double(const nd_array *a) { return nd__num_value_double(nd__value_load(a->dtype, a->data)); }

#ifdef ND_HAVE_BLAS
/* Fortran BLAS rank-k update C = alpha A^T A + beta C (lower or upper triangle). */
typedef int nd__f_int;
void dsyrk_(const char *uplo, const char *trans, const nd__f_int *n, const nd__f_int *k, const double *alpha,
            const double *a, const nd__f_int *lda, const double *beta, double *c, const nd__f_int *ldc, size_t, size_t);
void ssyrk_(const char *uplo, const char *trans, const nd__f_int *n, const nd__f_int *k, const float *alpha,
            const float *a, const nd__f_int *lda, const float *beta, float *c, const nd__f_int *ldc, size_t, size_t);
#endif

/* Copy the upper triangle of the M x M matrix at data onto the lower one, in tiles so
 * that the column reads stay in cache. */
#define MIRROR(ctype, data, M) do { \
        ctype *p_ = (ctype *)(data); \
        for (int64_t i0 = 0; i0 < (M); i0 += 32) \
            for (int64_t j0 = 0; j0 <= i0; j0 += 32) \
                for (int64_t i = i0; i < i0 + 32 && i < (M); i++) \
                    for (int64_t j = j0; j < j0 + 32 && j < i; j++) p_[i * (M) + j] = p_[j * (M) + i]; \
    } while (0)

/* X @ X.T for a real float, C-contiguous X.  With BLAS, NumPy's own route: one
 * triangle by syrk (X row-major is X.T column-major, so the row-major upper triangle
 * is the column-major lower one), then mirrored, so the result is exactly symmetric
 * and has NumPy's bits.  Otherwise the general product. */
static nd_array *gram(const nd_array *X0) {
#ifdef ND_HAVE_BLAS
    int64_t M = X0->shape[0], K = X0->shape[1];
    if (!strcmp(nd_linalg_backend(), "lapack") && M > 0 && K > 0 && M <= INT32_MAX && K <= INT32_MAX) {
        nd_array *X = nd_ascontiguousarray(X0);
        nd_array *c = X ? nd__new(X->dtype, 2, (int64_t[]){ M, M }, 'C', false) : NULL;
        if (!c) { nd_free(X); return NULL; }
        nd__f_int n = (nd__f_int)M, k = (nd__f_int)K;
        if (X->dtype->type == ND_TYPE_FLOAT64) {
            const double one = 1.0, zero = 0.0;
            dsyrk_("L", "T", &n, &k, &one, (const double *)X->data, &k, &zero, (double *)c->data, &n, 1, 1);
            MIRROR(double, c->data, M);
        } else {
            const float one = 1.0f, zero = 0.0f;
            ssyrk_("L", "T", &n, &k, &one, (const float *)X->data, &k, &zero, (float *)c->data, &n, 1, 1);
            MIRROR(float, c->data, M);
        }
        nd_free(X);
        return c;
    }
#endif
    nd_array *XT = nd_transpose(X0, NULL);
    nd_array *c = XT ? nd_dot(X0, XT) : NULL;
    nd_free(XT);
    return c;
}

nd_array *nd_cov_ex(const nd_array *m, const nd_cov_opts *o) {
    nd_cov_opts none = { 0 };
    if (!o) o = &none;
    if (!m) return nd__err(ND_ERR_VALUE, "cov: array must not be NULL");
    if (m->ndim > 2) return nd__err(ND_ERR_VALUE, "m has more than 2 dimensions");
    if (o->y && o->y->ndim > 2) return nd__err(ND_ERR_VALUE, "y has more than 2 dimensions");
    const nd_dtype_t *dt = o->dtype;
    if (!dt) {
        const nd_dtype_t *ds[3] = { m->dtype, o->y ? o->y->dtype : ND_FLOAT64, ND_FLOAT64 };
        if (!(dt = nd_result_type(3, ds))) return NULL;
    } else {
        nd_dtype_ref(dt);
    }
    bool rowvar = !o->no_rowvar;
    nd_array *X = as_rows(m, dt, rowvar), *Y = NULL, *fw = NULL, *aw = NULL, *w = NULL;
    nd_array *avg = NULL, *wsum = NULL, *avgc = NULL, *XT = NULL, *Xw = NULL, *c = NULL, *res = NULL;
    if (!X) goto done;
    if (X->shape[0] == 0) { /* np.array([]).reshape(0, 0) */
        res = nd_empty(ND_SHAPE(0, 0));
        goto done;
    }
    if (o->y) {
        if (!(Y = as_rows(o->y, dt, rowvar))) goto done;
        nd_array *cat = nd_concatenate(ND_ARRAYS(X, Y), 2);
        if (!cat) goto done;
        nd_free(X);
        X = cat;
    }
    int64_t ddof = o->ddof_set ? o->ddof : (o->bias ? 0 : 1);
    int64_t nobs = X->shape[1];
    if (o->fweights && !(fw = check_weights(o->fweights, "fweights", nobs, true))) goto done;
    if (o->aweights && !(aw = check_weights(o->aweights, "aweights", nobs, false))) goto done;
    if (fw && aw) { if (!(w = nd_multiply(fw, aw))) goto done; }
    else if (fw || aw) w = nd_ref(fw ? fw : aw);
    double fact;
    if (w) {
        if (!(avg = nd_average(X, .axis = ND_AXIS(1), .weights = w, .returned = &wsum))) goto done;
        nd_array *w0 = nd_get(wsum, "0");
        if (!w0) goto done;
        double ws = scalar_double(w0);
        nd_free(w0);
        if (ddof == 0) fact = ws;
        else if (!aw) fact = ws - (double)ddof;
        else {
            nd_array *wa = nd_multiply(w, aw), *s = wa ? nd_sum(wa) : NULL;
            nd_free(wa);
            if (!s) goto done;
            fact = ws - (double)ddof * scalar_double(s) / ws;
            nd_free(s);
        }
    } else {
        if (!(avg = nd_mean(X, .axis = ND_AXIS(1)))) goto done;
        fact = (double)(nobs - ddof);
    }
    if (fact <= 0) {
        nd__num_warn_runtime("Degrees of freedom <= 0 for slice");
        fact = 0.0;
    }
    if (!(avgc = nd_reshape(avg, ND_SHAPE(-1, 1))) || !nd_subtract(X, avgc, .out = X)) goto done;
    if (!w && (X->dtype->type == ND_TYPE_FLOAT64 || X->dtype->type == ND_TYPE_FLOAT32)) {
        if (!(c = gram(X))) goto done;
        goto scale;
    }
    if (w) {
        if (!(Xw = nd_multiply(X, w))) goto done;
        XT = nd_transpose(Xw, NULL);
    } else {
        XT = nd_transpose(X, NULL);
    }
    if (!XT) goto done;
    if (nd_dtype_is_complex(XT->dtype)) {
        nd_array *cj = nd_conjugate(XT);
        nd_free(XT);
        if (!(XT = cj)) goto done;
    }
    if (!(c = nd_dot(X, XT))) goto done;
scale:
    /* c *= np.true_divide(1, fact): a strong float64 scalar (NumPy 2) */
    if (!nd_multiply(c, nd_value_typed(ND_FLOAT64, 1.0 / fact), .out = c)) goto done;
    res = nd_squeeze(c, ND_AXIS_NONE);
done:
    nd_dtype_free(dt);
    nd_free(X); nd_free(Y); nd_free(fw); nd_free(aw); nd_free(w);
    nd_free(avg); nd_free(wsum); nd_free(avgc); nd_free(XT); nd_free(Xw); nd_free(c);
    return res;
}

nd_array *nd_corrcoef_ex(const nd_array *x, const nd_corrcoef_opts *o) {
    nd_corrcoef_opts none = { 0 };
    if (!o) o = &none;
    nd_array *c = nd_cov(x, .y = o->y, .no_rowvar = o->no_rowvar, .dtype = o->dtype);
    if (!c) return NULL;
    if (c->ndim == 0) { /* one variable: NumPy's c / c */
        nd_array *r = nd_divide(c, c);
        nd_free(c);
        return r;
    }
    nd_array *d = nd_diag(c, 0), *dr = NULL, *sd = NULL, *col = NULL, *part = NULL;
    nd_array *res = NULL;
    if (!d || !(dr = nd_real(d)) || !(sd = nd_sqrt(dr))) goto done;
    if (!(col = nd_reshape(sd, ND_SHAPE(-1, 1)))) goto done;
    if (!nd_divide(c, col, .out = c) || !nd_divide(c, sd, .out = c)) goto done;
    if (!(part = nd_real(c)) || !nd_clip(part, -1, 1, .out = part)) goto done;
    if (nd_dtype_is_complex(c->dtype)) {
        nd_free(part);
        if (!(part = nd_imag(c)) || !nd_clip(part, -1, 1, .out = part)) goto done;
    }
    res = c;
    c = NULL;
done:
    nd_free(c); nd_free(d); nd_free(dr); nd_free(sd); nd_free(col); nd_free(part);
    return res;
}
