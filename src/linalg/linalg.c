/* np.linalg: stacked drivers over the factorizations.  Inputs are promoted as NumPy
 * does (ints and bool -> float64; float16 refused), copied to contiguous double or
 * double-complex stacks, factored one matrix at a time by LAPACK (lapack.c) or the
 * native kernels (decomp.c), and the results rounded to float32/complex64 when the
 * input was single precision. */
#include "linalg/decomp.h"
#include "linalg/lapack.h"

#include <float.h>

/* ------------------------------------------------------------ dtypes */

/* The dtype NumPy's linalg computes in for d (NULL + TypeError for float16 etc.). */
static const nd_dtype_t *la_type(const nd_dtype_t *d) {
    switch (d->type) {
    case ND_TYPE_FLOAT32: return ND_FLOAT32;
    case ND_TYPE_COMPLEX64: return ND_COMPLEX64;
    case ND_TYPE_COMPLEX128: return ND_COMPLEX128;
    case ND_TYPE_FLOAT64: return ND_FLOAT64;
    case ND_TYPE_FLOAT16: return nd__err(ND_ERR_TYPE, "array type float16 is unsupported in linalg");
    default:
        if (d->type <= ND_TYPE_UINT64) return ND_FLOAT64;
        return nd__err(ND_ERR_TYPE, "array type %s is unsupported in linalg", d->name);
    }
}
static const nd_dtype_t *la_type2(const nd_dtype_t *a, const nd_dtype_t *b) {
    const nd_dtype_t *x = la_type(a), *y = x ? la_type(b) : NULL;
    if (!y) return NULL;
    bool c = nd_dtype_is_complex(x) || nd_dtype_is_complex(y);
    bool single = (x == ND_FLOAT32 || x == ND_COMPLEX64) && (y == ND_FLOAT32 || y == ND_COMPLEX64);
    return c ? (single ? ND_COMPLEX64 : ND_COMPLEX128) : (single ? ND_FLOAT32 : ND_FLOAT64);
}
static bool is_cplx(const nd_dtype_t *t) { return t == ND_COMPLEX64 || t == ND_COMPLEX128; }
static const nd_dtype_t *work_type(const nd_dtype_t *t) { return is_cplx(t) ? ND_COMPLEX128 : ND_FLOAT64; }
static const nd_dtype_t *real_of(const nd_dtype_t *t) {
    return (t == ND_FLOAT32 || t == ND_COMPLEX64) ? ND_FLOAT32 : ND_FLOAT64;
}

/* Round a double/complex128 result to the target dtype (consumes r). */
static nd_array *finish(nd_array *r, const nd_dtype_t *t) {
    if (!r || r->dtype == t) return r;
    nd_array *c = nd_astype_ex(r, t, NULL);
    nd_free(r);
    return c;
}

static void *err_ndim(int nd) {
    return nd__err(ND_ERR_LINALG, "%d-dimensional array given. Array must be at least two-dimensional", nd);
}

/* Checks of np.linalg's _assert_stacked_2d / _assert_stacked_square; returns the
 * compute dtype. */
static const nd_dtype_t *check_stack(const nd_array *a, bool square) {
    if (!a) return nd__err(ND_ERR_VALUE, "linalg: NULL array");
    if (a->ndim < 2) return err_ndim(a->ndim);
    if (square && a->shape[a->ndim - 1] != a->shape[a->ndim - 2])
        return nd__err(ND_ERR_LINALG, "Last 2 dimensions of the array must be square");
    return la_type(a->dtype);
}

static int64_t batch_count(const nd_array *a, int core) {
    int64_t b = 1;
    for (int i = 0; i < a->ndim - core; i++) b *= a->shape[i];
    return b;
}

/* scratch memory (la_internal.h) */
typedef nd__la_buf buf;
static void *buf_get(buf *b, size_t n) { return nd__la_buf_get(b, n); }
static void buf_free(buf *b) { nd__la_buf_free(b); }

/* ------------------------------------------------- one-matrix operations */

/* The source of a stack for the factorizations: a itself when it has the work dtype
 * and its matrices can be addressed directly (no stack, any strides; or C-contiguous),
 * else a C-contiguous copy in the work dtype.  The factorizations then gather each
 * matrix once into the order they need (Fortran order for LAPACK, as NumPy does). */
static nd_array *stack_src(const nd_array *a, const nd_dtype_t *wt, int core) {
    if (a->dtype == wt && (a->flags & ND_ALIGNED) && (a->ndim == core || (a->flags & ND_C_CONTIGUOUS)))
        return nd_ref((nd_array *)a);
    return nd_astype_ex(a, wt, &(nd_astype_opts){ .order = 'C' });
}
/* The first element of core block i (of `items` elements) of such a source. */
static const char *stack_at(const nd_array *s, int64_t i, int64_t items) {
    return s->data + (size_t)(i * items) * (size_t)s->dtype->itemsize;
}

/* sign and log|det| of the n x n matrix at src (byte strides rs, cs); a: n*n scratch,
 * piv: n int64 of scratch. */
static int det_one(bool c, int64_t n, const char *src, int64_t rs, int64_t cs, void *a, void *piv, nd__cplx *sign,
                   double *logabs) {
    size_t e = c ? 16 : 8;
    nd__cplx s = 1;
    double l = 0;
#ifdef ND_HAVE_BLAS
    if (nd__la_use_blas() && n <= INT32_MAX) { /* NumPy: ?getrf on the Fortran-order copy */
        nd__la_gather(e, n, n, src, rs, cs, a);
        if (nd__lapack_getrf(c, n, a, piv) < 0) { nd__err(ND_ERR_VALUE, "getrf: bad argument"); return -1; }
        for (int64_t k = 0; k < n; k++)
            if (((int *)piv)[k] != k + 1) s = -s;
    } else
#endif
    {
        nd__la_gather(e, n, n, src, cs, rs, a); /* row-major */
        if ((c ? nd__lu_z(n, a, piv) : nd__lu_d(n, a, piv)) < 0) return -1;
        for (int64_t k = 0; k < n; k++)
            if (((int64_t *)piv)[k] != k) s = -s;
    }
    for (int64_t k = 0; k < n; k++) { /* the diagonal is the same in either order */
        nd__cplx d = c ? ((nd__cplx *)a)[k * n + k] : ((double *)a)[k * n + k];
        double ad = cabs(d);
        if (ad == 0) { s = 0; l = -INFINITY; break; } /* exactly singular, as NumPy */
        if (c) s *= d / ad;
        else if (creal(d) < 0) s = -s; /* NumPy flips the real sign by comparison: NaN/inf keep it */
        l += log(ad);
    }
    *sign = s;
    *logabs = l;
    return 0;
}

/* The n x n identity (the same in C and Fortran order). */
static void set_identity(bool c, int64_t n, void *x) {
    memset(x, 0, (size_t)(n * n) * (c ? 16 : 8));
    for (int64_t i = 0; i < n; i++) {
        if (c) ((nd__cplx *)x)[i * n + i] = 1; else ((double *)x)[i * n + i] = 1;
    }
}

/* Solve a x = b for one system: A (n x n) at a with byte strides ars/acs; B (n x k) at
 * b with brs/bcs, or b NULL for B = I (inv); x receives X row-major (n x k).  fa is
 * n*n scratch, fb n*k scratch (used by LAPACK unless B is one column), piv n int64.
 * NumPy's solve and inv: ?gesv on Fortran copies.  1 when singular, -1 on error. */
static int solve_one(bool c, int64_t n, int64_t k, const char *a, int64_t ars, int64_t acs, const char *b,
                     int64_t brs, int64_t bcs, void *x, void *fa, void *fb, void *piv) {
    size_t e = c ? 16 : 8;
#ifdef ND_HAVE_BLAS
    if (nd__la_use_blas() && n <= INT32_MAX && k <= INT32_MAX) {
        nd__la_gather(e, n, n, a, ars, acs, fa);
        if (!b) {
            /* inv: NumPy's ?getrf of A (so singular verdicts equal NumPy's), then ?getri
             * in place instead of solving against I: 2n^3 flops against 8n^3/3 */
            int info = nd__lapack_getrf(c, n, fa, piv);
            if (info == 0) info = nd__lapack_getri(c, n, fa, piv, fb, n * n);
            if (info < 0) { nd__err(ND_ERR_VALUE, "getri: bad argument"); return -1; }
            if (info > 0) return 1;
            nd__la_gather(e, n, n, fa, n * (int64_t)e, (int64_t)e, x);
            return 0;
        }
        void *fB = k == 1 ? x : fb; /* a column is its own Fortran copy */
        nd__la_gather(e, n, k, b, brs, bcs, fB);
        int info = nd__lapack_gesv(c, n, k, fa, piv, fB);
        if (info < 0) { nd__err(ND_ERR_VALUE, "gesv: bad argument"); return -1; }
        if (info > 0) return 1;
        if (fB != x) nd__la_gather(e, k, n, fb, n * (int64_t)e, (int64_t)e, x);
        return 0;
    }
#endif
    if (!b) set_identity(c, n, x);
    (void)fb;
    nd__la_gather(e, n, n, a, acs, ars, fa); /* row-major */
    if (b) nd__la_gather(e, k, n, b, bcs, brs, x);
    int r = c ? nd__lu_z(n, fa, piv) : nd__lu_d(n, fa, piv);
    if (r != 0) return r > 0 ? 1 : -1;
    return (c ? nd__lu_solve_z(n, fa, piv, k, x) : nd__lu_solve_d(n, fa, piv, k, x)) < 0 ? -1 : 0;
}

/* ---------------------------------------------------------- det family */

static int slogdet_impl(const nd_array *a, nd_array **sign, nd_array **logabs, nd_array **det) {
    const nd_dtype_t *t = check_stack(a, true);
    if (!t) return -1;
    bool c = is_cplx(t);
    int64_t n = a->shape[a->ndim - 1], nb = batch_count(a, 2);
    nd_array *w = stack_src(a, work_type(t), 2);
    nd_array *s = w ? nd__new(work_type(t), a->ndim - 2, a->shape, 'C', false) : NULL;
    nd_array *l = s ? nd__new(ND_FLOAT64, a->ndim - 2, a->shape, 'C', false) : NULL;
    buf pv = { 0 }, sc = { 0 };
    int rc = -1;
    if (!l || !buf_get(&pv, (size_t)n * 8) || !buf_get(&sc, (size_t)(n * n) * (c ? 16 : 8))) goto done;
    for (int64_t b = 0; b < nb; b++) {
        nd__cplx sg;
        double la;
        if (det_one(c, n, stack_at(w, b, n * n), w->strides[w->ndim - 2], w->strides[w->ndim - 1], sc.p, pv.p, &sg,
                    &la) < 0)
            goto done;
        if (c) ((nd__cplx *)s->data)[b] = sg; else ((double *)s->data)[b] = creal(sg);
        ((double *)l->data)[b] = la;
    }
    if (det) { /* det = sign * exp(logdet), as NumPy computes it */
        for (int64_t b = 0; b < nb; b++) {
            double e = exp(((double *)l->data)[b]);
            if (c) ((nd__cplx *)s->data)[b] *= e; else ((double *)s->data)[b] *= e;
        }
        *det = finish(s, t);
        s = NULL;
        rc = *det ? 0 : -1;
    } else {
        *sign = finish(s, t);
        *logabs = finish(l, real_of(t));
        s = l = NULL;
        rc = (*sign && *logabs) ? 0 : -1;
        if (rc) { nd_free(*sign); nd_free(*logabs); *sign = *logabs = NULL; }
    }
done:
    if (pv.p) buf_free(&pv);
    if (sc.p) buf_free(&sc);
    nd_free(w); nd_free(s); nd_free(l);
    return rc;
}

nd_array *nd_linalg_det(const nd_array *a) {
    nd_array *d = NULL;
    return slogdet_impl(a, NULL, NULL, &d) < 0 ? NULL : d;
}

int nd_linalg_slogdet(const nd_array *a, nd_array **sign, nd_array **logabsdet) {
    if (!sign || !logabsdet) { nd__err(ND_ERR_VALUE, "slogdet: NULL output"); return -1; }
    *sign = *logabsdet = NULL;
    return slogdet_impl(a, sign, logabsdet, NULL);
}

/* ---------------------------------------------------------- solve / inv */

/* X[i] = solve(A[i], B[i]) over a stack of nb systems: as and bs are stack sources
 * (stack_src) of A (n x n) and B (n x k, or vectors when bcore is 1), bs NULL for B = I;
 * x is the C-contiguous (nb, n, k) result buffer. */
static int solve_stack(bool c, int64_t nb, int64_t n, int64_t k, const nd_array *as, const nd_array *bs, int bcore,
                       char *x, bool nan_singular) {
    size_t e = c ? 16 : 8;
    if (n == 0 || k == 0) return 0;
    buf pv = { 0 }, fa = { 0 }, fb = { 0 };
    int rc = -1;
    if (!buf_get(&pv, (size_t)n * 8) || !buf_get(&fa, (size_t)(n * n) * e) ||
        !buf_get(&fb, (!bs || k > 1) && nd__la_use_blas() ? (size_t)(n * k) * e : 1))
        goto done;
    int64_t ars = as->strides[as->ndim - 2], acs = as->strides[as->ndim - 1], brs = 0, bcs = 0;
    if (bs) {
        brs = bcore == 1 ? bs->strides[bs->ndim - 1] : bs->strides[bs->ndim - 2];
        bcs = bcore == 1 ? (int64_t)e : bs->strides[bs->ndim - 1];
    }
    rc = 0;
    for (int64_t i = 0; i < nb && rc == 0; i++) {
        char *xi = x + (size_t)(i * n * k) * e;
        int r = solve_one(c, n, k, stack_at(as, i, n * n), ars, acs, bs ? stack_at(bs, i, n * k) : NULL, brs, bcs, xi,
                          fa.p, fb.p, pv.p);
        if (r > 0 && nan_singular) { /* as NumPy's gufunc with errors ignored: a NaN result */
            for (int64_t j = 0; j < n * k; j++) {
                if (c) ((nd__cplx *)xi)[j] = CMPLX(NAN, NAN); else ((double *)xi)[j] = NAN;
            }
        } else if (r > 0) { nd__err(ND_ERR_LINALG, "Singular matrix"); rc = -1; }
        else if (r < 0) rc = -1;
    }
done:
    if (pv.p) buf_free(&pv);
    if (fa.p) buf_free(&fa);
    if (fb.p) buf_free(&fb);
    return rc;
}

/* The inverse in the work dtype (double / complex double); nan_singular: a singular
 * matrix's inverse is all NaN instead of an error (cond). */
static nd_array *inv_work(const nd_array *a, const nd_dtype_t *t, bool nan_singular) {
    bool c = is_cplx(t);
    int64_t n = a->shape[a->ndim - 1], nb = batch_count(a, 2);
    nd_array *w = stack_src(a, work_type(t), 2);
    nd_array *x = w ? nd__new(work_type(t), a->ndim, a->shape, 'C', false) : NULL;
    if (!x) { nd_free(w); return NULL; }
    int r = solve_stack(c, nb, n, n, w, NULL, 2, x->data, nan_singular);
    nd_free(w);
    if (r < 0) { nd_free(x); return NULL; }
    return x;
}

nd_array *nd_linalg_inv(const nd_array *a) {
    const nd_dtype_t *t = check_stack(a, true);
    return t ? finish(inv_work(a, t, false), t) : NULL;
}

nd_array *nd_linalg_solve(const nd_array *a, const nd_array *b) {
    if (!a || !b) return nd__err(ND_ERR_VALUE, "solve: NULL array");
    if (!check_stack(a, true)) return NULL;
    const nd_dtype_t *t = la_type2(a->dtype, b->dtype);
    if (!t) return NULL;
    bool c = is_cplx(t), vec = b->ndim == 1; /* NumPy 2: only a 1-d b is a vector */
    int64_t n = a->shape[a->ndim - 1];
    if (b->ndim == 0) /* a 0-d b meets the (m,n) gufunc core */
        return nd__err(ND_ERR_VALUE, "solve: Input operand 1 does not have enough dimensions (has 0, gufunc core with "
                       "signature (m,m),(m,n)->(m,n) requires 2)");
    int64_t bm = vec ? b->shape[0] : b->shape[b->ndim - 2];
    if (bm != n) {
        if (vec)
            return nd__err(ND_ERR_VALUE, "solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
                           "signature (m,m),(m)->(m) (size %lld is different from %lld)", (long long)bm, (long long)n);
        return nd__err(ND_ERR_VALUE, "solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
                       "signature (m,m),(m,n)->(m,n) (size %lld is different from %lld)", (long long)bm, (long long)n);
    }
    int64_t k = vec ? 1 : b->shape[b->ndim - 1];
    int bcore = vec ? 1 : 2;
    nd_shape_t shs[2] = { { a->ndim - 2, a->shape }, { b->ndim - bcore, b->shape } };
    int64_t shape[ND_MAXDIMS + 2];
    int nbd = nd_broadcast_shapes(2, shs, shape);
    if (nbd < 0) return NULL;
    int64_t nb = 1;
    for (int i = 0; i < nbd; i++) nb *= shape[i];
    shape[nbd] = n;
    shape[nbd + 1] = n;
    nd_array *ab = nd_broadcast_to(a, (nd_shape_t){ nbd + 2, shape }), *aw = NULL, *bb = NULL, *bw = NULL;
    shape[nbd + 1] = k;
    if (ab) aw = stack_src(ab, work_type(t), 2);
    if (aw) bb = nd_broadcast_to(b, (nd_shape_t){ nbd + bcore, shape });
    if (bb) bw = stack_src(bb, work_type(t), bcore);
    nd_array *res = bw ? nd__new(work_type(t), nbd + bcore, shape, 'C', false) : NULL;
    if (res && solve_stack(c, nb, n, k, aw, bw, bcore, res->data, false) < 0) { nd_free(res); res = NULL; }
    nd_free(ab); nd_free(aw); nd_free(bb); nd_free(bw);
    return finish(res, t);
}

/* ------------------------------------------------------------- cholesky */

nd_array *nd_linalg_cholesky_ex(const nd_array *a, const nd_cholesky_opts *o) {
    const nd_dtype_t *t = check_stack(a, true);
    if (!t) return NULL;
    bool c = is_cplx(t), upper = o && o->upper;
    int64_t n = a->shape[a->ndim - 1], nb = batch_count(a, 2);
    size_t e = c ? 16 : 8;
    nd_array *w = stack_src(a, work_type(t), 2);
    nd_array *res = w ? nd__new(work_type(t), a->ndim, a->shape, 'C', false) : NULL;
    buf fa = { 0 }; /* LAPACK's Fortran copy, on huge pages when large (TLB) */
    if (!res || (nd__la_use_blas() && !buf_get(&fa, (size_t)(n * n) * e))) { nd_free(w); nd_free(res); return NULL; }
    int64_t rs = w->strides[w->ndim - 2], cs = w->strides[w->ndim - 1];
    for (int64_t b = 0; b < nb; b++) {
        const char *src = stack_at(w, b, n * n);
        char *m = res->data + (size_t)(b * n * n) * e;
        int r;
#ifdef ND_HAVE_BLAS
        if (nd__la_use_blas() && n <= INT32_MAX) { /* NumPy: ?potrf('L'/'U') on the Fortran copy */
            nd__la_gather(e, n, n, src, rs, cs, fa.p);
            r = nd__lapack_potrf(c, n, fa.p, upper);
            if (r == 0) {
                nd__la_gather(e, n, n, fa.p, n * (int64_t)e, (int64_t)e, m); /* back to row-major */
                for (int64_t i = 0; i < n; i++) /* the other triangle still holds a: zero it */
                    if (upper) memset(m + (size_t)(i * n) * e, 0, (size_t)i * e);
                    else memset(m + (size_t)(i * n + i + 1) * e, 0, (size_t)(n - i - 1) * e);
            }
            r = r > 0 ? -1 : r < 0 ? -2 : 0;
            if (r == -2) nd__err(ND_ERR_VALUE, "potrf: bad argument");
        } else
#endif
        {
            /* native: upper=True factors the conjugate transpose's lower triangle, returns L^H */
            if (upper) {
                nd__la_gather(e, n, n, src, rs, cs, m); /* a^T row-major */
                if (c) for (int64_t i = 0; i < n * n; i++) ((nd__cplx *)m)[i] = conj(((nd__cplx *)m)[i]);
            } else {
                nd__la_gather(e, n, n, src, cs, rs, m);
            }
            r = c ? nd__cholesky_z(n, (nd__cplx *)m) : nd__cholesky_d(n, (double *)m);
            if (r == 0 && upper) { /* U = L^H */
                for (int64_t i = 0; i < n; i++)
                    for (int64_t j = i; j < n; j++) {
                        if (c) {
                            nd__cplx *p = (nd__cplx *)m, x = conj(p[j * n + i]);
                            p[j * n + i] = i == j ? x : 0;
                            p[i * n + j] = x;
                        } else {
                            double *p = (double *)m, x = p[j * n + i];
                            p[j * n + i] = i == j ? x : 0;
                            p[i * n + j] = x;
                        }
                    }
            }
        }
        if (r != 0) {
            nd_free(w);
            nd_free(res);
            if (fa.p) buf_free(&fa);
            if (r == -1) nd__err(ND_ERR_LINALG, "Matrix is not positive definite");
            return NULL;
        }
    }
    nd_free(w);
    if (fa.p) buf_free(&fa);
    return finish(res, t);
}

/* ------------------------------------------------------------------ qr */

int nd_linalg_qr_ex(const nd_array *a, nd_array **q, nd_array **r, const nd_qr_opts *o) {
    nd_qr_mode mode = o ? o->mode : ND_QR_REDUCED;
    if (q) *q = NULL;
    if (r) *r = NULL;
    if (!r || (mode != ND_QR_R && !q)) { nd__err(ND_ERR_VALUE, "qr: NULL output"); return -1; }
    const nd_dtype_t *t = check_stack(a, false);
    if (!t) return -1;
    bool c = is_cplx(t);
    size_t e = c ? 16 : 8;
    int64_t m = a->shape[a->ndim - 2], n = a->shape[a->ndim - 1], k = m < n ? m : n, nb = batch_count(a, 2);
    /* at: each matrix transposed (LAPACK's column-major layout) */
    nd_array *tr = nd_swapaxes(a, -1, -2);
    nd_array *at = tr ? nd_astype_ex(tr, work_type(t), &(nd_astype_opts){ .order = 'C' }) : NULL;
    nd_free(tr);
    if (!at) return -1;
    int64_t tshape[ND_MAXDIMS];
    memcpy(tshape, a->shape, (size_t)(a->ndim - 2) * 8);
    tshape[a->ndim - 2] = k;
    nd_array *tau = nd__new(work_type(t), a->ndim - 1, tshape, 'C', false);
    if (!tau) { nd_free(at); return -1; }
    for (int64_t b = 0; b < nb; b++) {
        char *m1 = at->data + (size_t)(b * m * n) * e, *t1 = tau->data + (size_t)(b * k) * e;
#ifdef ND_HAVE_BLAS
        if (nd__la_use_blas() && m <= INT32_MAX && n <= INT32_MAX) {
            if (nd__lapack_qr(c, m, n, m1, t1) < 0) { nd_free(at); nd_free(tau); return -1; }
        } else
#endif
        if (c) nd__qr_z(m, n, (nd__cplx *)m1, (nd__cplx *)t1);
        else nd__qr_d(m, n, (double *)m1, (double *)t1);
    }
    if (mode == ND_QR_RAW) { /* h: the transposed factored matrix, as NumPy returns */
        *q = finish(at, t);
        *r = finish(tau, t);
        if (!*q || !*r) { nd_free(*q); nd_free(*r); *q = *r = NULL; return -1; }
        return 0;
    }
    int64_t rrows = mode == ND_QR_COMPLETE ? m : k, qcols = mode == ND_QR_COMPLETE ? m : k;
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, a->shape, (size_t)a->ndim * 8);
    shape[a->ndim - 2] = rrows;
    nd_array *R = nd__new(work_type(t), a->ndim, shape, 'C', true), *Q = NULL;
    if (!R) goto fail;
    for (int64_t b = 0; b < nb; b++) {
        char *src = at->data + (size_t)(b * m * n) * e, *dst = R->data + (size_t)(b * rrows * n) * e;
        for (int64_t i = 0; i < rrows && i < m; i++)
            for (int64_t j = i; j < n; j++) memcpy(dst + (size_t)(i * n + j) * e, src + (size_t)(j * m + i) * e, e);
    }
    if (mode != ND_QR_R) {
        shape[a->ndim - 2] = m;
        shape[a->ndim - 1] = qcols;
        Q = nd__new(work_type(t), a->ndim, shape, 'C', false);
        buf qt = { 0 };
        if (!Q || !buf_get(&qt, (size_t)(qcols * m) * e)) { nd_free(Q); Q = NULL; goto fail; }
        for (int64_t b = 0; b < nb; b++) {
            char *m1 = at->data + (size_t)(b * m * n) * e, *t1 = tau->data + (size_t)(b * k) * e;
            int rc = 0;
#ifdef ND_HAVE_BLAS
            if (nd__la_use_blas() && m <= INT32_MAX && n <= INT32_MAX) rc = nd__lapack_qr_q(c, m, n, m1, t1, qcols, qt.p);
            else
#endif
            if (c) nd__qr_q_z(m, n, (nd__cplx *)m1, (nd__cplx *)t1, qcols, qt.p);
            else nd__qr_q_d(m, n, (double *)m1, (double *)t1, qcols, qt.p);
            if (rc < 0) { buf_free(&qt); goto fail; }
            char *dst = Q->data + (size_t)(b * m * qcols) * e;
            for (int64_t i = 0; i < m; i++)
                for (int64_t j = 0; j < qcols; j++) memcpy(dst + (size_t)(i * qcols + j) * e, (char *)qt.p + (size_t)(j * m + i) * e, e);
        }
        buf_free(&qt);
        *q = finish(Q, t);
        Q = NULL;
        if (!*q) goto fail;
    }
    *r = finish(R, t);
    R = NULL;
    nd_free(at);
    nd_free(tau);
    if (!*r) { nd_free(q ? *q : NULL); if (q) *q = NULL; return -1; }
    return 0;
fail:
    nd_free(at); nd_free(tau); nd_free(R); nd_free(Q);
    if (q) { nd_free(*q); *q = NULL; }
    return -1;
}

/* ----------------------------------------------------------------- eigh */

/* Eigenproblem of the Hermitian stack: the UPLO triangle of each matrix is mirrored
 * into the other before factoring (the other triangle is never read). */
static int eigh_impl(const nd_array *a, char uplo, nd_array **wout, nd_array **vout) {
    if (uplo == 0) uplo = 'L';
    if (uplo == 'l' || uplo == 'u') uplo = (char)(uplo - 'a' + 'A'); /* NumPy upper-cases UPLO */
    if (uplo != 'L' && uplo != 'U') { nd__err(ND_ERR_VALUE, "UPLO argument must be 'L' or 'U'"); return -1; }
    const nd_dtype_t *t = check_stack(a, true);
    if (!t) return -1;
    bool c = is_cplx(t);
    size_t e = c ? 16 : 8;
    int64_t n = a->shape[a->ndim - 1], nb = batch_count(a, 2);
    nd_array *w = nd__la_contig(a, work_type(t));
    nd_array *W = w ? nd__new(ND_FLOAT64, a->ndim - 1, a->shape, 'C', false) : NULL;
    nd_array *V = W && vout ? nd__new(work_type(t), a->ndim, a->shape, 'C', false) : NULL;
    buf sc = { 0 }, eb = { 0 };
    int rc = -1;
    if (!W || (vout && !V) || !buf_get(&sc, (size_t)(n * n) * e) || !buf_get(&eb, (size_t)n * 8 + 8)) goto done;
    for (int64_t b = 0; b < nb; b++) {
        char *src = w->data + (size_t)(b * n * n) * e;
        double *wv = (double *)W->data + b * n;
        char *vv = V ? V->data + (size_t)(b * n * n) * e : NULL;
#ifdef ND_HAVE_BLAS
        if (nd__la_use_blas() && n <= INT32_MAX) { /* NumPy's syevd/heevd call: UPLO's triangle only */
            int r = nd__lapack_eigh(c, n, src, uplo, wv, vv);
            if (r == -1) { nd__err(ND_ERR_LINALG, "Eigenvalues did not converge"); goto done; }
            if (r < 0) goto done;
            continue;
        }
#endif
        memcpy(sc.p, src, (size_t)(n * n) * e);
        for (int64_t i = 0; i < n; i++) /* mirror the chosen triangle */
            for (int64_t j = 0; j < i; j++) {
                int64_t from = uplo == 'L' ? i * n + j : j * n + i, to = uplo == 'L' ? j * n + i : i * n + j;
                if (c) ((nd__cplx *)sc.p)[to] = conj(((nd__cplx *)sc.p)[from]);
                else ((double *)sc.p)[to] = ((double *)sc.p)[from];
            }
        if (c) for (int64_t i = 0; i < n; i++) ((nd__cplx *)sc.p)[i * n + i] = creal(((nd__cplx *)sc.p)[i * n + i]);
        int r = c ? nd__eigh_z(n, sc.p, wv, (nd__cplx *)vv, eb.p) : nd__eigh_d(n, sc.p, wv, (double *)vv, eb.p);
        if (r == -1) { nd__err(ND_ERR_LINALG, "Eigenvalues did not converge"); goto done; }
        if (r < 0) goto done;
    }
    *wout = finish(W, real_of(t));
    W = NULL;
    if (!*wout) goto done;
    if (vout) {
        *vout = finish(V, t);
        V = NULL;
        if (!*vout) { nd_free(*wout); *wout = NULL; goto done; }
    }
    rc = 0;
done:
    buf_free(&sc);
    buf_free(&eb);
    nd_free(w); nd_free(W); nd_free(V);
    return rc;
}

int nd_linalg_eigh_ex(const nd_array *a, nd_array **w, nd_array **v, const nd_eigh_opts *o) {
    if (!w || !v) { nd__err(ND_ERR_VALUE, "eigh: NULL output"); return -1; }
    *w = *v = NULL;
    return eigh_impl(a, o ? o->UPLO : 'L', w, v);
}

nd_array *nd_linalg_eigvalsh_ex(const nd_array *a, const nd_eigh_opts *o) {
    nd_array *w = NULL;
    return eigh_impl(a, o ? o->UPLO : 'L', &w, NULL) < 0 ? NULL : w;
}

/* ------------------------------------------------------------------ svd */

/* Native SVD of one m x n matrix a (row-major, not modified): s[k] descending; u
 * (m x ucols) and vh (vrows x n) when non-NULL.  A wide matrix is factored as A^H.
 * 0, -1 (no convergence, NaN input; inf gives NaN values), -2 (memory). */
static int svd_native(bool c, int64_t m, int64_t n, const void *a, double *s, void *u, int64_t ucols, void *vh,
                      int64_t vrows) {
    size_t e = c ? 16 : 8;
    bool tall = m >= n, want = u && vh;
    int64_t L = tall ? m : n, k = tall ? n : m, lrows = want ? (tall ? ucols : vrows) : 0;
    buf at = { 0 }, ut = { 0 }, vt = { 0 };
    int rc = -2;
    if (!buf_get(&at, (size_t)(k * L) * e + e) || !buf_get(&ut, (size_t)(lrows * L) * e + e) ||
        !buf_get(&vt, (size_t)(k * k) * e + e))
        goto done;
    /* at's rows: the columns of A (tall) or of A^H, the conjugated rows of A (wide) */
    if (tall) nd__la_gather(e, m, n, a, n * (int64_t)e, (int64_t)e, at.p);
    else memcpy(at.p, a, (size_t)(m * n) * e);
    if (!tall && c)
        for (int64_t i = 0; i < m * n; i++) ((nd__cplx *)at.p)[i] = conj(((nd__cplx *)at.p)[i]);
    rc = c ? nd__svd_z(L, k, at.p, s, want ? ut.p : NULL, lrows, want ? vt.p : NULL)
           : nd__svd_d(L, k, at.p, s, want ? ut.p : NULL, lrows, want ? vt.p : NULL);
    if (rc < 0 || !want) goto done;
    /* tall: U = ut^T, Vh = conj(vt).  wide (A^H = U' S V'^H): U = vt^T, Vh = conj(ut) */
    void *lt = tall ? vt.p : ut.p, *ur = tall ? ut.p : vt.p;
    int64_t ul = tall ? m : k;
    nd__la_gather(e, ucols, m, ur, ul * (int64_t)e, (int64_t)e, u);
    memcpy(vh, lt, (size_t)(vrows * n) * e);
    if (c)
        for (int64_t i = 0; i < vrows * n; i++) ((nd__cplx *)vh)[i] = conj(((nd__cplx *)vh)[i]);
done:
    buf_free(&at); buf_free(&ut); buf_free(&vt);
    return rc;
}

static int svd_one(bool c, int64_t m, int64_t n, void *a, double *s, void *u, int64_t ucols, void *vh, int64_t vrows) {
#ifdef ND_HAVE_BLAS
    if (nd__la_use_blas() && m <= INT32_MAX && n <= INT32_MAX) return nd__lapack_svd(c, m, n, a, s, u, ucols, vh, vrows);
#endif
    /* LAPACK's ?gesdd fails to converge on NaN (NumPy's "SVD did not converge"); inf
     * without NaN gives NaN values, as the native kernel does */
    for (int64_t i = 0; i < (c ? 2 : 1) * m * n; i++)
        if (isnan(((const double *)a)[i])) return -1;
    return svd_native(c, m, n, a, s, u, ucols, vh, vrows);
}

static int svd_hermitian(const nd_array *a, nd_array **u, nd_array **s, nd_array **vh, const nd_dtype_t *t);

int nd_linalg_svd_ex(const nd_array *a, nd_array **u, nd_array **s, nd_array **vh, const nd_svd_opts *o) {
    if (!s || (!u) != (!vh)) { nd__err(ND_ERR_VALUE, "svd: give s, and u and vh together (or neither)"); return -1; }
    *s = NULL;
    if (u) *u = *vh = NULL;
    const nd_dtype_t *t = check_stack(a, false);
    if (!t) return -1;
    if (o && o->hermitian) {
        if (a->shape[a->ndim - 1] != a->shape[a->ndim - 2]) {
            nd__err(ND_ERR_LINALG, "Last 2 dimensions of the array must be square");
            return -1;
        }
        return svd_hermitian(a, u, s, vh, t);
    }
    bool c = is_cplx(t), full = !(o && o->reduced);
    size_t e = c ? 16 : 8;
    int64_t m = a->shape[a->ndim - 2], n = a->shape[a->ndim - 1], k = m < n ? m : n, nb = batch_count(a, 2);
    int64_t ucols = full ? m : k, vrows = full ? n : k;
    nd_array *w = nd__la_contig(a, work_type(t)), *S = NULL, *U = NULL, *V = NULL;
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, a->shape, (size_t)a->ndim * 8);
    shape[a->ndim - 2] = k;
    if (!w || !(S = nd__new(ND_FLOAT64, a->ndim - 1, shape, 'C', false))) goto fail;
    if (u) {
        shape[a->ndim - 2] = m;
        shape[a->ndim - 1] = ucols;
        U = nd__new(work_type(t), a->ndim, shape, 'C', false);
        shape[a->ndim - 2] = vrows;
        shape[a->ndim - 1] = n;
        V = U ? nd__new(work_type(t), a->ndim, shape, 'C', false) : NULL;
        if (!V) goto fail;
    }
    buf sc = { 0 };
    if (!buf_get(&sc, (size_t)(m * n) * e)) goto fail;
    for (int64_t b = 0; b < nb; b++) {
        memcpy(sc.p, w->data + (size_t)(b * m * n) * e, (size_t)(m * n) * e);
        int r = svd_one(c, m, n, sc.p, (double *)S->data + b * k, U ? U->data + (size_t)(b * m * ucols) * e : NULL, ucols,
                        V ? V->data + (size_t)(b * vrows * n) * e : NULL, vrows);
        if (r < 0) {
            if (r == -1) nd__err(ND_ERR_LINALG, "SVD did not converge");
            buf_free(&sc);
            goto fail;
        }
    }
    buf_free(&sc);
    nd_free(w);
    w = NULL;
    *s = finish(S, real_of(t));
    S = NULL;
    if (!*s) goto fail;
    if (u) {
        *u = finish(U, t);
        *vh = finish(V, t);
        U = V = NULL;
        if (!*u || !*vh) goto fail;
    }
    return 0;
fail:
    nd_free(w); nd_free(S); nd_free(U); nd_free(V);
    nd_free(*s);
    *s = NULL;
    if (u) { nd_free(*u); nd_free(*vh); *u = *vh = NULL; }
    return -1;
}

nd_array *nd_linalg_svdvals(const nd_array *a) {
    nd_array *s = NULL;
    return nd_linalg_svd_ex(a, NULL, &s, NULL, NULL) < 0 ? NULL : s;
}

/* hermitian=True: from eigh, as NumPy: s = |w| descending, u = v, vh = (v sign(w))^H. */
static int svd_hermitian(const nd_array *a, nd_array **u, nd_array **s, nd_array **vh, const nd_dtype_t *t) {
    nd_array *w = NULL, *v = NULL;
    if (eigh_impl(a, 'L', &w, u ? &v : NULL) < 0) return -1;
    nd_array *wd = nd_astype_ex(w, ND_FLOAT64, &(nd_astype_opts){ .order = 'C' });
    nd_array *vd = v ? nd_astype_ex(v, work_type(t), &(nd_astype_opts){ .order = 'C' }) : NULL;
    nd_free(w);
    nd_free(v);
    if (!wd || (u && !vd)) { nd_free(wd); nd_free(vd); return -1; }
    bool c = is_cplx(t);
    int64_t n = a->shape[a->ndim - 1], nb = batch_count(a, 2);
    nd_array *U = u ? nd__new(work_type(t), a->ndim, a->shape, 'C', false) : NULL;
    nd_array *V = u ? nd__new(work_type(t), a->ndim, a->shape, 'C', false) : NULL;
    int64_t *o = nd__malloc((size_t)n * 8 + 8);
    if (!o || (u && (!U || !V))) { nd__nomem(); goto fail; }
    for (int64_t b = 0; b < nb; b++) {
        double *wb = (double *)wd->data + b * n;
        for (int64_t i = 0; i < n; i++) o[i] = i;
        /* NumPy: argsort(|w|)[::-1] -- a stable ascending sort reversed */
        for (int64_t i = 1; i < n; i++) {
            int64_t x = o[i], j = i;
            while (j > 0 && fabs(wb[o[j - 1]]) > fabs(wb[x])) { o[j] = o[j - 1]; j--; }
            o[j] = x;
        }
        for (int64_t i = 0; i < n / 2; i++) { int64_t t2 = o[i]; o[i] = o[n - 1 - i]; o[n - 1 - i] = t2; }
        double *sv = nd__malloc((size_t)n * 8 + 8);
        if (!sv) { nd__nomem(); goto fail; }
        for (int64_t i = 0; i < n; i++) sv[i] = wb[o[i]];
        if (u)
            for (int64_t i = 0; i < n; i++)
                for (int64_t j = 0; j < n; j++) {
                    double sg = sv[j] > 0 ? 1 : sv[j] < 0 ? -1 : 0;
                    if (c) {
                        nd__cplx x = ((nd__cplx *)vd->data)[(b * n + i) * n + o[j]];
                        ((nd__cplx *)U->data)[(b * n + i) * n + j] = x;
                        ((nd__cplx *)V->data)[(b * n + j) * n + i] = conj(x * sg);
                    } else {
                        double x = ((double *)vd->data)[(b * n + i) * n + o[j]];
                        ((double *)U->data)[(b * n + i) * n + j] = x;
                        ((double *)V->data)[(b * n + j) * n + i] = x * sg;
                    }
                }
        for (int64_t i = 0; i < n; i++) wb[i] = fabs(sv[i]);
        nd__free(sv, (size_t)n * 8 + 8);
    }
    nd__free(o, (size_t)n * 8 + 8);
    o = NULL;
    nd_free(vd);
    vd = NULL;
    *s = finish(wd, real_of(t));
    wd = NULL;
    if (!*s) goto fail;
    if (u) {
        *u = finish(U, t);
        *vh = finish(V, t);
        U = V = NULL;
        if (!*u || !*vh) goto fail;
    }
    return 0;
fail:
    if (o) nd__free(o, (size_t)n * 8 + 8);
    nd_free(wd); nd_free(vd); nd_free(U); nd_free(V);
    nd_free(*s);
    *s = NULL;
    if (u) { nd_free(*u); nd_free(*vh); *u = *vh = NULL; }
    return -1;
}

/* ------------------------------------------------------------------ eig */

static int eig_impl(const nd_array *a, nd_array **wout, nd_array **vout) {
    const nd_dtype_t *t = check_stack(a, true);
    if (!t) return -1;
    bool c = is_cplx(t);
    int64_t n = a->shape[a->ndim - 1], nb = batch_count(a, 2);
    nd_array *w = nd_astype_ex(a, ND_COMPLEX128, &(nd_astype_opts){ .order = 'C' }); /* destroyed below */
    nd_array *W = w ? nd__new(ND_COMPLEX128, a->ndim - 1, a->shape, 'C', false) : NULL;
    nd_array *V = W && vout ? nd__new(ND_COMPLEX128, a->ndim, a->shape, 'C', false) : NULL;
    int rc = -1;
    if (!W || (vout && !V)) goto done;
    bool all_real = true;
    double anorm = 0;
    for (int64_t i = 0; i < nb * n * n; i++) {
        nd__cplx z = ((nd__cplx *)w->data)[i];
        if (!isfinite(creal(z)) || !isfinite(cimag(z))) { /* NumPy's _assert_finite */
            nd__err(ND_ERR_LINALG, "Array must not contain infs or NaNs");
            goto done;
        }
        anorm = fmax(anorm, cabs(z));
    }
    for (int64_t b = 0; b < nb; b++) {
        nd__cplx *wb = (nd__cplx *)W->data + b * n, *vb = V ? (nd__cplx *)V->data + b * n * n : NULL;
        int r;
#ifdef ND_HAVE_BLAS
        if (nd__la_use_blas() && n <= INT32_MAX)
            r = nd__lapack_eig((nd__cplx *)w->data + b * n * n, c, n, wb, vb);
        else
#endif
            r = nd__eig_z(n, (nd__cplx *)w->data + b * n * n, wb, vb);
        if (r == -1) { nd__err(ND_ERR_LINALG, "Eigenvalues did not converge"); goto done; }
        if (r < 0) goto done;
        if (!c && nd__la_use_blas()) { /* dgeev's real eigenvalues have exact zero imaginary parts */
            for (int64_t i = 0; i < n; i++) if (cimag(wb[i]) != 0) all_real = false;
        } else if (!c) {
            /* real input: eigenvalues whose imaginary part is rounding noise are real;
             * their vectors are real up to the phase already removed */
            double tol = 64 * n * DBL_EPSILON * (anorm > 0 ? anorm : 1);
            for (int64_t i = 0; i < n; i++) {
                if (fabs(cimag(wb[i])) <= tol) {
                    bool paired = false; /* a genuine conjugate pair stays complex */
                    for (int64_t j = 0; j < n && !paired; j++)
                        if (j != i && fabs(cimag(wb[j])) > 0 && cabs(wb[j] - conj(wb[i])) <= tol && cabs(wb[j] - wb[i]) > tol)
                            paired = true;
                    if (!paired) {
                        wb[i] = creal(wb[i]);
                        if (vb) for (int64_t r2 = 0; r2 < n; r2++) vb[r2 * n + i] = creal(vb[r2 * n + i]);
                    }
                }
                if (cimag(wb[i]) != 0) all_real = false;
            }
        }
    }
    const nd_dtype_t *rt = c ? t : (all_real ? real_of(t) : (t == ND_FLOAT32 ? ND_COMPLEX64 : ND_COMPLEX128));
    if (!c && all_real && V && !nd__la_use_blas()) { /* renormalize the real parts */
        int64_t cnt = nb * n;
        for (int64_t q = 0; q < cnt; q++) {
            int64_t b = q / n, j = q % n;
            nd__cplx *vb = (nd__cplx *)V->data + b * n * n;
            double s2 = 0;
            for (int64_t r2 = 0; r2 < n; r2++) s2 += creal(vb[r2 * n + j]) * creal(vb[r2 * n + j]);
            s2 = s2 > 0 ? 1 / sqrt(s2) : 1;
            for (int64_t r2 = 0; r2 < n; r2++) vb[r2 * n + j] *= s2;
        }
    }
    *wout = finish(W, rt);
    W = NULL;
    if (!*wout) goto done;
    if (vout) {
        *vout = finish(V, rt);
        V = NULL;
        if (!*vout) { nd_free(*wout); *wout = NULL; goto done; }
    }
    rc = 0;
done:
    nd_free(w); nd_free(W); nd_free(V);
    return rc;
}

int nd_linalg_eig(const nd_array *a, nd_array **w, nd_array **v) {
    if (!w || !v) { nd__err(ND_ERR_VALUE, "eig: NULL output"); return -1; }
    *w = *v = NULL;
    return eig_impl(a, w, v);
}

nd_array *nd_linalg_eigvals(const nd_array *a) {
    nd_array *w = NULL;
    return eig_impl(a, &w, NULL) < 0 ? NULL : w;
}

/* ------------------------------------------------- lstsq, pinv, rank */

int nd_linalg_lstsq_ex(const nd_array *a, const nd_array *b, nd_array **x, nd_array **residuals, int64_t *rank,
                       nd_array **s, const nd_lstsq_opts *o) {
    nd_array **outs[3] = { x, residuals, s };
    for (int i = 0; i < 3; i++) if (outs[i]) *outs[i] = NULL;
    if (!a || !b) { nd__err(ND_ERR_VALUE, "lstsq: NULL array"); return -1; }
    if (a->ndim != 2) { nd__err(ND_ERR_LINALG, "%d-dimensional array given. Array must be two-dimensional", a->ndim); return -1; }
    if (b->ndim != 1 && b->ndim != 2) { nd__err(ND_ERR_LINALG, "%d-dimensional array given. Array must be two-dimensional", b->ndim); return -1; }
    const nd_dtype_t *t = la_type2(a->dtype, b->dtype);
    if (!t) return -1;
    bool c = is_cplx(t), vec = b->ndim == 1;
    size_t e = c ? 16 : 8;
    int64_t m = a->shape[0], n = a->shape[1], k = m < n ? m : n, nrhs = vec ? 1 : b->shape[1];
    if (b->shape[0] != m) { nd__err(ND_ERR_LINALG, "Incompatible dimensions"); return -1; }
    nd_array *aw = nd__la_contig(a, work_type(t)), *bw = aw ? nd__la_contig(b, work_type(t)) : NULL;
    nd_array *X = NULL, *S = NULL, *R = NULL;
    buf U = { 0 }, VH = { 0 }, sc = { 0 };
    int rc = -1;
    if (!bw) goto done;
    X = nd__new(work_type(t), vec ? 1 : 2, (int64_t[]){ n, nrhs }, 'C', true);
    S = X ? nd__new(ND_FLOAT64, 1, &k, 'C', false) : NULL;
    if (!S || !buf_get(&U, (size_t)(m * k) * e) || !buf_get(&VH, (size_t)(k * n) * e) || !buf_get(&sc, (size_t)(m * n) * e))
        goto done;
    memcpy(sc.p, aw->data, (size_t)(m * n) * e);
    double *sv = (double *)S->data;
    int r = svd_one(c, m, n, sc.p, sv, U.p, k, VH.p, k);
    if (r < 0) { if (r == -1) nd__err(ND_ERR_LINALG, "SVD did not converge in Linear Least Squares"); goto done; }
    double rcond = o && o->rcond_set ? o->rcond : DBL_EPSILON * (double)(m > n ? m : n);
    if (t == ND_FLOAT32 || t == ND_COMPLEX64) {
        if (!(o && o->rcond_set)) rcond = FLT_EPSILON * (double)(m > n ? m : n);
    }
    if (rcond < 0) rcond = DBL_EPSILON; /* LAPACK: negative rcond means machine precision */
    double cut = k ? rcond * sv[0] : 0;
    int64_t rk = 0;
    for (int64_t i = 0; i < k; i++) if (sv[i] > cut) rk++;
    /* x = V diag(1/s) U^H b over the kept singular values */
    for (int64_t q = 0; q < nrhs; q++)
        for (int64_t i = 0; i < rk; i++) {
            nd__cplx d = 0;
            for (int64_t r2 = 0; r2 < m; r2++) {
                nd__cplx uu = c ? conj(((nd__cplx *)U.p)[r2 * k + i]) : ((double *)U.p)[r2 * k + i];
                nd__cplx bb = c ? ((nd__cplx *)bw->data)[r2 * nrhs + q] : ((double *)bw->data)[r2 * nrhs + q];
                d += uu * bb;
            }
            d /= sv[i];
            for (int64_t j = 0; j < n; j++) {
                nd__cplx vv = c ? conj(((nd__cplx *)VH.p)[i * n + j]) : ((double *)VH.p)[i * n + j];
                if (c) ((nd__cplx *)X->data)[j * nrhs + q] += vv * d;
                else ((double *)X->data)[j * nrhs + q] += creal(vv * d);
            }
        }
    int64_t nres = (rk == n && m > n) ? nrhs : 0;
    R = nd__new(ND_FLOAT64, 1, &nres, 'C', true);
    if (!R) goto done;
    for (int64_t q = 0; q < nres; q++) {
        double acc = 0;
        for (int64_t r2 = 0; r2 < m; r2++) {
            nd__cplx d = c ? -((nd__cplx *)bw->data)[r2 * nrhs + q] : -((double *)bw->data)[r2 * nrhs + q];
            for (int64_t j = 0; j < n; j++) {
                if (c) d += ((nd__cplx *)aw->data)[r2 * n + j] * ((nd__cplx *)X->data)[j * nrhs + q];
                else d += ((double *)aw->data)[r2 * n + j] * ((double *)X->data)[j * nrhs + q];
            }
            acc += creal(d * conj(d));
        }
        ((double *)R->data)[q] = acc;
    }
    if (rank) *rank = rk;
    if (x) { *x = finish(X, t); X = NULL; if (!*x) goto done; }
    if (residuals) { *residuals = finish(R, real_of(t)); R = NULL; if (!*residuals) goto done; }
    if (s) { *s = finish(S, real_of(t)); S = NULL; if (!*s) goto done; }
    rc = 0;
done:
    if (rc < 0) for (int i = 0; i < 3; i++) if (outs[i]) { nd_free(*outs[i]); *outs[i] = NULL; }
    buf_free(&U); buf_free(&VH); buf_free(&sc);
    nd_free(aw); nd_free(bw); nd_free(X); nd_free(S); nd_free(R);
    return rc;
}

nd_array *nd_linalg_pinv_ex(const nd_array *a, const nd_pinv_opts *o) {
    const nd_dtype_t *t = check_stack(a, false);
    if (!t) return NULL;
    bool rc_set = o && o->rcond_set, rt_set = o && (o->rtol_set || o->rtol_none);
    if (rc_set && rt_set) return nd__err(ND_ERR_VALUE, "`rtol` and `rcond` can't be both set.");
    int64_t m = a->shape[a->ndim - 2], n = a->shape[a->ndim - 1];
    double eps = (a->dtype == ND_FLOAT32 || a->dtype == ND_COMPLEX64) ? FLT_EPSILON : DBL_EPSILON;
    double rcond = rc_set ? o->rcond : (o && o->rtol_set) ? o->rtol : rt_set ? (double)(m > n ? m : n) * eps : 1e-15;
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, a->shape, (size_t)a->ndim * 8);
    shape[a->ndim - 2] = n;
    shape[a->ndim - 1] = m;
    if (m == 0 || n == 0) return nd__new(a->dtype, a->ndim, shape, 'C', true); /* NumPy: empty of a's dtype */
    /* NumPy 2: svd of conj(a); 1/s where s > rcond * max(s) else 0;
     * vt^T @ (s[..., None] * u^T), the products in the result dtype */
    nd_array *ac = nd_conj(a), *u = NULL, *sv = NULL, *vt = NULL, *res = NULL;
    if (!ac) return NULL;
    int r = nd_linalg_svd_ex(ac, &u, &sv, &vt, &(nd_svd_opts){ .reduced = true, .hermitian = o && o->hermitian });
    nd_free(ac);
    if (r < 0) return NULL;
    nd_array *s = nd_ascontiguousarray(sv);
    nd_free(sv);
    if (s) {
        int64_t k = s->shape[s->ndim - 1], nb = k ? nd_size(s) / k : 0;
        for (int64_t q = 0; q < nb; q++) {
            if (s->dtype == ND_FLOAT32) {
                float *p = (float *)s->data + q * k, mx = p[0];
                for (int64_t i = 1; i < k; i++) if (!(p[i] <= mx)) mx = p[i]; /* NaN wins, as amax */
                double cut = rcond * mx;
                for (int64_t i = 0; i < k; i++) p[i] = p[i] > cut ? 1.0f / p[i] : 0.0f;
            } else {
                double *p = (double *)s->data + q * k, mx = p[0];
                for (int64_t i = 1; i < k; i++) if (!(p[i] <= mx)) mx = p[i];
                double cut = rcond * mx;
                for (int64_t i = 0; i < k; i++) p[i] = p[i] > cut ? 1.0 / p[i] : 0.0;
            }
        }
        nd_array *s2 = nd_expand_dims(s, ND_AXIS(-1)), *ut = nd_matrix_transpose(u);
        nd_array *prod = s2 && ut ? nd_multiply(s2, ut) : NULL, *vtt = prod ? nd_matrix_transpose(vt) : NULL;
        res = vtt ? nd_matmul(vtt, prod) : NULL;
        nd_free(s2); nd_free(ut); nd_free(prod); nd_free(vtt);
    }
    nd_free(s); nd_free(u); nd_free(vt);
    return res;
}

nd_array *nd_linalg_matrix_rank_ex(const nd_array *a, const nd_matrix_rank_opts *o) {
    if (!a) return nd__err(ND_ERR_VALUE, "matrix_rank: NULL array");
    if (a->ndim < 2) { /* NumPy: int(not all(M == 0)) */
        nd_array *d = nd_astype_ex(a, ND_COMPLEX128, &(nd_astype_opts){ .order = 'C' });
        if (!d) return NULL;
        int64_t any = 0, n = nd_size(d);
        for (int64_t i = 0; i < n; i++) if (((nd__cplx *)d->data)[i] != 0) any = 1;
        nd_free(d);
        nd_array *r = nd__new(ND_INT64, 0, NULL, 'C', false);
        if (r) *(int64_t *)r->data = any;
        return r;
    }
    nd_array *s = NULL;
    if (o && o->hermitian) {
        nd_array *u = NULL, *vh = NULL;
        if (nd_linalg_svd_ex(a, &u, &s, &vh, &(nd_svd_opts){ .hermitian = true }) < 0) return NULL;
        nd_free(u);
        nd_free(vh);
    } else {
        s = nd_linalg_svdvals(a);
    }
    if (!s) return NULL;
    const nd_dtype_t *st = s->dtype;
    nd_array *sd = nd__la_contig(s, ND_FLOAT64);
    nd_free(s);
    if (!sd) return NULL;
    int64_t m = a->shape[a->ndim - 2], n = a->shape[a->ndim - 1], k = m < n ? m : n, nb = batch_count(a, 2);
    if (k == 0 && !(o && o->tol_set)) { /* NumPy takes S.max() of no singular values */
        nd_free(sd);
        return nd__err(ND_ERR_VALUE, "zero-size array to reduction operation maximum which has no identity");
    }
    nd_array *r = nd__new(ND_INT64, a->ndim - 2, a->shape, 'C', false);
    if (r) {
        double eps = st == ND_FLOAT32 ? FLT_EPSILON : DBL_EPSILON;
        for (int64_t b = 0; b < nb; b++) {
            double *sv = (double *)sd->data + b * k, smax = 0;
            for (int64_t i = 0; i < k; i++) smax = fmax(smax, sv[i]);
            double tol;
            if (o && o->tol_set) tol = o->tol;
            else if (o && o->rtol_set) tol = o->rtol * smax;
            else tol = smax * (double)(m > n ? m : n) * eps;
            int64_t cnt = 0;
            for (int64_t i = 0; i < k; i++) if (sv[i] > tol) cnt++;
            ((int64_t *)r->data)[b] = cnt;
        }
    }
    nd_free(sd);
    return r;
}

/* ---------------------------------------------------------------- norm */

/* np.maximum / np.minimum: a NaN wins. */
static double nan_minmax(double a, double b, bool mx) {
    if (isnan(a) || isnan(b)) return a + b;
    return mx ? fmax(a, b) : fmin(a, b);
}

nd_array *nd_linalg_norm_ex(const nd_array *x, const nd_norm_opts *o) {
    if (!x) return nd__err(ND_ERR_VALUE, "norm: NULL array");
    if (!nd__is_numeric(x->dtype)) return nd__err(ND_ERR_TYPE, "norm: unsupported dtype %s", x->dtype->name);
    nd_norm_ord ord = o ? o->ord : ND_NORM_DEFAULT;
    double p = o ? o->p : 0;
    bool keep = o && o->keepdims;
    if ((unsigned)ord > ND_NORM_P) return nd__err(ND_ERR_VALUE, "Invalid norm order %d", (int)ord);
    int axes[2], na;
    if (o && o->axis.n == 1 && (ord == ND_NORM_FRO || ord == ND_NORM_NUC))
        return nd__err(ND_ERR_VALUE, "Invalid norm order '%s' for vectors", ord == ND_NORM_FRO ? "fro" : "nuc");
    if (o && o->axis.n) {
        if (o->axis.n > 2) return nd__err(ND_ERR_VALUE, "Improper number of dimensions to norm.");
        na = o->axis.n;
        for (int i = 0; i < na; i++) if ((axes[i] = nd__check_axis(o->axis.v[i], x->ndim)) < 0) return NULL;
        if (na == 2 && axes[0] == axes[1]) return nd__err(ND_ERR_VALUE, "Duplicate axes given.");
    } else if (ord == ND_NORM_DEFAULT || (ord == ND_NORM_FRO && x->ndim == 2)) {
        na = -1; /* every element: sqrt(sum |x|^2) */
    } else {
        if (x->ndim != 1 && x->ndim != 2) return nd__err(ND_ERR_VALUE, "Improper number of dimensions to norm.");
        na = x->ndim;
        axes[0] = 0;
        axes[1] = 1;
    }
    if (na == 1 && (ord == ND_NORM_FRO || ord == ND_NORM_NUC))
        return nd__err(ND_ERR_VALUE, "Invalid norm order '%s' for vectors", ord == ND_NORM_FRO ? "fro" : "nuc");
    if (na == 2 && ord == ND_NORM_P && !(p == 1 || p == -1 || p == 2 || p == -2))
        return nd__err(ND_ERR_VALUE, "Invalid norm order for matrices.");
    const nd_dtype_t *rt = x->dtype->type == ND_TYPE_FLOAT16 ? ND_FLOAT16
                         : (x->dtype == ND_FLOAT32 || x->dtype == ND_COMPLEX64) ? ND_FLOAT32 : ND_FLOAT64;
    /* the reduced axes moved last, the rest kept in order */
    int perm[ND_MAXDIMS], k = 0, nred = na < 0 ? x->ndim : na;
    bool red[ND_MAXDIMS] = { false };
    if (na < 0) for (int i = 0; i < x->ndim; i++) red[i] = true;
    else for (int i = 0; i < na; i++) red[axes[i]] = true;
    for (int i = 0; i < x->ndim; i++) if (!red[i]) perm[k++] = i;
    if (na < 0) for (int i = 0; i < x->ndim; i++) perm[k++] = i;
    else for (int i = 0; i < na; i++) perm[k++] = axes[i];
    int64_t oshape[ND_MAXDIMS];
    int on = 0;
    for (int i = 0; i < x->ndim; i++) {
        if (!red[i]) oshape[on++] = x->shape[i];
        else if (keep) oshape[on++] = 1;
    }
    nd_array *xt = nd_transpose(x, perm), *res = NULL, *sv = NULL, *xa = NULL;
    if (!xt) return NULL;
    int64_t outer = 1, L = 1;
    for (int i = 0; i < x->ndim - nred; i++) outer *= xt->shape[i];
    for (int i = x->ndim - nred; i < x->ndim; i++) L *= xt->shape[i];
    bool svd_kind = na == 2 && (ord == ND_NORM_NUC || (ord == ND_NORM_P && (p == 2 || p == -2)));
    res = nd__new(ND_FLOAT64, on, oshape, 'C', false);
    if (!res) goto done;
    double *r = (double *)res->data;
    if (svd_kind) {
        if (L == 0 && ord == ND_NORM_NUC) { /* NumPy: the sum of no singular values */
            for (int64_t q = 0; q < outer; q++) r[q] = 0;
            goto done;
        }
        if (L == 0) { nd__err(ND_ERR_VALUE, "zero-size array to reduction operation %s which has no identity", p == 2 ? "maximum" : "minimum"); goto fail; }
        sv = nd_linalg_svdvals(xt);
        nd_array *sd = sv ? nd__la_contig(sv, ND_FLOAT64) : NULL;
        if (!sd) goto fail;
        int64_t kk = sd->shape[sd->ndim - 1];
        for (int64_t q = 0; q < outer; q++) {
            const double *s = (const double *)sd->data + q * kk;
            double acc = ord == ND_NORM_NUC ? 0 : s[0];
            for (int64_t i = 0; i < kk; i++) {
                if (ord == ND_NORM_NUC) acc += s[i];
                else if (p == 2) acc = fmax(acc, s[i]);
                else acc = fmin(acc, s[i]);
            }
            r[q] = acc;
        }
        nd_free(sd);
        goto done;
    }
    xa = nd_astype_ex(xt, ND_COMPLEX128, &(nd_astype_opts){ .order = 'C' });
    if (!xa) goto fail;
    const nd__cplx *v = (const nd__cplx *)xa->data;
    for (int64_t q = 0; q < outer; q++) {
        const nd__cplx *b = v + q * L;
        double acc = 0;
        if (na == 2 && ord != ND_NORM_DEFAULT && ord != ND_NORM_FRO) {
            /* induced norms: 1/-1 reduce column sums, inf/-inf row sums */
            int64_t R = xt->shape[x->ndim - 2], C = xt->shape[x->ndim - 1];
            bool cols = ord == ND_NORM_P;
            bool mx = (ord == ND_NORM_P && p == 1) || ord == ND_NORM_INF;
            int64_t cnt = cols ? C : R;
            if (cnt == 0) { nd__err(ND_ERR_VALUE, "zero-size array to reduction operation %s which has no identity", mx ? "maximum" : "minimum"); goto fail; }
            for (int64_t i = 0; i < cnt; i++) {
                double sum = 0;
                for (int64_t j = 0; j < (cols ? R : C); j++) sum += cabs(cols ? b[j * C + i] : b[i * C + j]);
                acc = i == 0 ? sum : nan_minmax(acc, sum, mx);
            }
        } else if (na == 1 && ord != ND_NORM_DEFAULT && !(ord == ND_NORM_P && p == 2)) {
            if (ord == ND_NORM_INF || ord == ND_NORM_NEG_INF) {
                if (L == 0) { nd__err(ND_ERR_VALUE, "zero-size array to reduction operation %s which has no identity", ord == ND_NORM_INF ? "maximum" : "minimum"); goto fail; }
                acc = cabs(b[0]);
                for (int64_t i = 1; i < L; i++) acc = nan_minmax(acc, cabs(b[i]), ord == ND_NORM_INF);
            } else if (p == 0) {
                for (int64_t i = 0; i < L; i++) acc += b[i] != 0;
            } else if (p == 1) {
                for (int64_t i = 0; i < L; i++) acc += cabs(b[i]);
            } else {
                for (int64_t i = 0; i < L; i++) acc += pow(cabs(b[i]), p);
                acc = pow(acc, 1 / p);
            }
        } else { /* 2-norm / Frobenius: NumPy's sqrt of the plain sum of squares (overflows
                  * to inf and underflows to 0 as NumPy does) */
            if (rt == ND_FLOAT64) {
                for (int64_t i = 0; i < L; i++) acc += creal(b[i]) * creal(b[i]) + cimag(b[i]) * cimag(b[i]);
            } else { /* float32 / float16 sums run in float; a float16 sum is rounded first */
                float sum = 0;
                for (int64_t i = 0; i < L; i++) {
                    float x = (float)creal(b[i]), y = (float)cimag(b[i]);
                    sum += x * x + y * y;
                }
                acc = rt == ND_FLOAT16 ? nd__half_to_double(nd__float_to_half(sum)) : sum;
            }
            acc = sqrt(acc);
        }
        r[q] = acc;
    }
done:
    nd_free(xt); nd_free(sv); nd_free(xa);
    return finish(res, rt);
fail:
    nd_free(res);
    res = NULL;
    goto done;
}

nd_array *nd_linalg_cond_ex(const nd_array *x, const nd_cond_opts *o) {
    nd_norm_ord ord = o ? o->ord : ND_NORM_DEFAULT;
    double p = o ? o->p : 0;
    if (!x) return nd__err(ND_ERR_VALUE, "cond: NULL array");
    if ((unsigned)ord > ND_NORM_P) return nd__err(ND_ERR_VALUE, "Invalid norm order %d", (int)ord);
    if (nd_size(x) == 0 && x->ndim >= 1 && (x->shape[x->ndim - 1] == 0 || (x->ndim >= 2 && x->shape[x->ndim - 2] == 0)))
        return nd__err(ND_ERR_LINALG, "cond is not defined on empty arrays");
    const nd_dtype_t *t = check_stack(x, false);
    if (!t) return NULL;
    nd_array *r = NULL;
    if (ord == ND_NORM_DEFAULT || (ord == ND_NORM_P && (p == 2 || p == -2))) {
        nd_array *s = nd_linalg_svdvals(x), *sd = s ? nd__la_contig(s, ND_FLOAT64) : NULL;
        if (sd) {
            int64_t k = sd->shape[sd->ndim - 1], nb = nd_size(sd) / k;
            r = nd__new(ND_FLOAT64, sd->ndim - 1, sd->shape, 'C', false);
            if (r)
                for (int64_t b = 0; b < nb; b++) {
                    const double *sv = (const double *)sd->data + b * k;
                    ((double *)r->data)[b] = (ord == ND_NORM_P && p == -2) ? sv[k - 1] / sv[0] : sv[0] / sv[k - 1];
                }
            r = finish(r, s->dtype); /* the ratio in s's precision, as NumPy divides s's */
        }
        nd_free(s);
        nd_free(sd);
    } else {
        if (x->shape[x->ndim - 1] != x->shape[x->ndim - 2])
            return nd__err(ND_ERR_LINALG, "Last 2 dimensions of the array must be square");
        /* NumPy: inv with errors ignored (NaN for a singular matrix), in double */
        nd_array *inv = inv_work(x, t, true);
        if (!inv) return NULL;
        nd_norm_opts no = { .ord = ord, .p = p, .axis = ND_AXIS(-2, -1) };
        nd_array *n1 = nd_linalg_norm_ex(x, &no), *n2 = n1 ? nd_linalg_norm_ex(inv, &no) : NULL;
        nd_array *a = n2 ? nd__la_contig(n1, ND_FLOAT64) : NULL, *b = a ? nd__la_contig(n2, ND_FLOAT64) : NULL;
        if (b) {
            r = nd__new(ND_FLOAT64, a->ndim, a->shape, 'C', false);
            if (r) for (int64_t i = 0; i < nd_size(a); i++) ((double *)r->data)[i] = ((double *)a->data)[i] * ((double *)b->data)[i];
            r = finish(r, real_of(t));
        }
        nd_free(a); nd_free(b); nd_free(inv); nd_free(n1); nd_free(n2);
    }
    if (!r) return NULL;
    /* NaN -> inf unless the matrix itself holds a NaN (NumPy 2) */
    nd_array *xd = nd__la_contig(x, work_type(t));
    if (!xd) { nd_free(r); return NULL; }
    int64_t n2 = x->shape[x->ndim - 1] * x->shape[x->ndim - 2], nb = nd_size(r);
    for (int64_t b = 0; b < nb; b++) {
        double v = r->dtype == ND_FLOAT32 ? ((float *)r->data)[b] : ((double *)r->data)[b];
        if (!isnan(v)) continue;
        bool has_nan = false;
        for (int64_t i = 0; i < n2 && !has_nan; i++) {
            nd__cplx z = is_cplx(t) ? ((nd__cplx *)xd->data)[b * n2 + i] : ((double *)xd->data)[b * n2 + i];
            has_nan = isnan(creal(z)) || isnan(cimag(z));
        }
        if (has_nan) continue;
        if (r->dtype == ND_FLOAT32) ((float *)r->data)[b] = INFINITY; else ((double *)r->data)[b] = INFINITY;
    }
    nd_free(xd);
    return r;
}
