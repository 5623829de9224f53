/* The LAPACK backend: Fortran entry points declared here (any LAPACK has them), called
 * on nd's row-major buffers.  A row-major matrix is, to Fortran, its transpose; each
 * routine below says how it uses that. */
#include "linalg/lapack.h"

#ifdef ND_HAVE_BLAS

typedef int f_int;
#define CH const char *
#define FI const f_int *
void dgetrf_(FI, FI, double *, FI, f_int *, f_int *);
void zgetrf_(FI, FI, nd__cplx *, FI, f_int *, f_int *);
void dgetrs_(CH, FI, FI, const double *, FI, const f_int *, double *, FI, f_int *, size_t);
void zgetrs_(CH, FI, FI, const nd__cplx *, FI, const f_int *, nd__cplx *, FI, f_int *, size_t);
void dgetri_(FI, double *, FI, const f_int *, double *, FI, f_int *);
void zgetri_(FI, nd__cplx *, FI, const f_int *, nd__cplx *, FI, f_int *);
void dgesv_(FI, FI, double *, FI, f_int *, double *, FI, f_int *);
void zgesv_(FI, FI, nd__cplx *, FI, f_int *, nd__cplx *, FI, f_int *);
void dpotrf_(CH, FI, double *, FI, f_int *, size_t);
void zpotrf_(CH, FI, nd__cplx *, FI, f_int *, size_t);
void dgeqrf_(FI, FI, double *, FI, double *, double *, FI, f_int *);
void zgeqrf_(FI, FI, nd__cplx *, FI, nd__cplx *, nd__cplx *, FI, f_int *);
void dorgqr_(FI, FI, FI, double *, FI, const double *, double *, FI, f_int *);
void zungqr_(FI, FI, FI, nd__cplx *, FI, const nd__cplx *, nd__cplx *, FI, f_int *);
void dsyevd_(CH, CH, FI, double *, FI, double *, double *, FI, f_int *, FI, f_int *, size_t, size_t);
void zheevd_(CH, CH, FI, nd__cplx *, FI, double *, nd__cplx *, FI, double *, FI, f_int *, FI, f_int *, size_t, size_t);
void dgesdd_(CH, FI, FI, double *, FI, double *, double *, FI, double *, FI, double *, FI, f_int *, f_int *, size_t);
void zgesdd_(CH, FI, FI, nd__cplx *, FI, double *, nd__cplx *, FI, nd__cplx *, FI, nd__cplx *, FI, double *, f_int *,
             f_int *, size_t);
void dgeev_(CH, CH, FI, double *, FI, double *, double *, double *, FI, double *, FI, double *, FI, f_int *, size_t,
            size_t);
void zgeev_(CH, CH, FI, nd__cplx *, FI, nd__cplx *, nd__cplx *, FI, nd__cplx *, FI, nd__cplx *, FI, double *, f_int *,
            size_t, size_t);

/* scratch (nd__la_buf_get: huge pages from a megabyte up) */
typedef nd__la_buf sbuf;
static void *sget(sbuf *b, size_t n) { return nd__la_buf_get(b, n); }
static void sfree(sbuf *b) { nd__la_buf_free(b); }

/* Transpose a rows x cols row-major buffer into dst (cols x rows): dst is src in
 * column-major (Fortran) order, and the reverse call brings a Fortran result back. */
static void transpose(bool c, int64_t rows, int64_t cols, const void *src, void *dst) {
    size_t e = c ? 16 : 8;
    nd__la_gather(e, rows, cols, src, cols * (int64_t)e, (int64_t)e, dst);
}

/* Every routine below does what NumPy's umath_linalg does: copy the operands to
 * Fortran order, call the same LAPACK routine with the same arguments (workspace from
 * the size query), and copy the results back; so the bits equal NumPy's.  The one
 * exception is inv (linalg.c): NumPy's ?getrf, then ?getri rather than ?gesv against
 * I, equal to NumPy's within rounding, with the same singular verdicts. */

int nd__lapack_getrf(bool c, int64_t n, void *fa, int *piv) {
    f_int N = (f_int)n, lda = N > 0 ? N : 1, info = 0;
    if (n == 0) return 0;
    if (c) zgetrf_(&N, &N, fa, &lda, piv, &info); else dgetrf_(&N, &N, fa, &lda, piv, &info);
    return info;
}

int nd__lapack_getri(bool c, int64_t n, void *fa, const int *piv, void *work, int64_t lwork) {
    f_int N = (f_int)n, ld = N > 0 ? N : 1, lw = (f_int)(lwork < INT32_MAX ? lwork : INT32_MAX), info = 0;
    if (n == 0) return 0;
    if (c) zgetri_(&N, fa, &ld, piv, work, &lw, &info); else dgetri_(&N, fa, &ld, piv, work, &lw, &info);
    return info;
}

int nd__lapack_gesv(bool c, int64_t n, int64_t nrhs, void *fa, int *piv, void *fb) {
    f_int N = (f_int)n, R = (f_int)nrhs, ld = N > 0 ? N : 1, info = 0;
    if (n == 0 || nrhs == 0) return 0;
    if (c) zgesv_(&N, &R, fa, &ld, piv, fb, &ld, &info); else dgesv_(&N, &R, fa, &ld, piv, fb, &ld, &info);
    return info;
}

int nd__lapack_potrf(bool c, int64_t n, void *fa, bool upper) {
    f_int N = (f_int)n, ld = N > 0 ? N : 1, info = 0;
    if (n == 0) return 0;
    const char *uplo = upper ? "U" : "L";
    if (c) zpotrf_(uplo, &N, fa, &ld, &info, 1); else dpotrf_(uplo, &N, fa, &ld, &info, 1);
    return info;
}

int nd__lapack_qr(bool c, int64_t m, int64_t n, void *at, void *tau) {
    f_int M = (f_int)m, N = (f_int)n, ld = M > 0 ? M : 1, info = 0, lw = -1;
    if (m == 0 || n == 0) return 0;
    nd__cplx q = 0;
    if (c) zgeqrf_(&M, &N, at, &ld, tau, &q, &lw, &info); else dgeqrf_(&M, &N, at, &ld, tau, (double *)&q, &lw, &info);
    lw = (f_int)creal(q) > 1 ? (f_int)creal(q) : 1;
    sbuf w;
    if (!sget(&w, (size_t)lw * (c ? 16 : 8))) return -1;
    if (c) zgeqrf_(&M, &N, at, &ld, tau, w.p, &lw, &info); else dgeqrf_(&M, &N, at, &ld, tau, w.p, &lw, &info);
    sfree(&w);
    return info == 0 ? 0 : -1;
}

int nd__lapack_qr_q(bool c, int64_t m, int64_t n, const void *at, const void *tau, int64_t qcols, void *qt) {
    size_t e = c ? 16 : 8;
    int64_t k = m < n ? m : n;
    if (m == 0 || qcols == 0) return 0;
    /* the reflectors, in an m x qcols column-major array (qt itself) */
    memset(qt, 0, (size_t)(m * qcols) * e);
    memcpy(qt, at, (size_t)(m * (qcols < n ? qcols : n)) * e);
    if (k == 0) { /* Q = I */
        for (int64_t j = 0; j < qcols && j < m; j++) memcpy((char *)qt + (size_t)(j * m + j) * e, c ? (const void *)&(nd__cplx){ 1 } : (const void *)&(double){ 1 }, e);
        return 0;
    }
    f_int M = (f_int)m, Q = (f_int)qcols, K = (f_int)k, info = 0, lw = -1;
    nd__cplx q = 0;
    if (c) zungqr_(&M, &Q, &K, qt, &M, tau, &q, &lw, &info); else dorgqr_(&M, &Q, &K, qt, &M, tau, (double *)&q, &lw, &info);
    lw = (f_int)creal(q) > 1 ? (f_int)creal(q) : 1;
    sbuf w;
    if (!sget(&w, (size_t)lw * e)) return -1;
    if (c) zungqr_(&M, &Q, &K, qt, &M, tau, w.p, &lw, &info); else dorgqr_(&M, &Q, &K, qt, &M, tau, w.p, &lw, &info);
    sfree(&w);
    return info == 0 ? 0 : -1;
}

int nd__lapack_eigh(bool c, int64_t n, const void *a, char uplo, double *w, void *v) {
    /* NumPy: ?syevd / ?heevd(jobz, UPLO) on the Fortran copy; eigenvectors come back
     * as Fortran columns */
    if (n == 0) return 0;
    f_int N = (f_int)n, info = 0, lw = -1, liw = -1, lrw = -1, iq = 0;
    const char *job = v ? "V" : "N", *ul = uplo == 'U' ? "U" : "L";
    size_t e = c ? 16 : 8;
    nd__cplx q = 0;
    double rq = 0;
    sbuf fa, wk, iw, rw = { 0 };
    if (!sget(&fa, (size_t)(n * n) * e)) return -2;
    transpose(c, n, n, a, fa.p);
    if (c) zheevd_(job, ul, &N, fa.p, &N, w, &q, &lw, &rq, &lrw, &iq, &liw, &info, 1, 1);
    else dsyevd_(job, ul, &N, fa.p, &N, w, (double *)&q, &lw, &iq, &liw, &info, 1, 1);
    lw = (f_int)creal(q) > 1 ? (f_int)creal(q) : 1;
    liw = iq > 1 ? iq : 1;
    lrw = (f_int)rq > 1 ? (f_int)rq : 1;
    if (!sget(&wk, (size_t)lw * e)) { sfree(&fa); return -2; }
    if (!sget(&iw, (size_t)liw * sizeof(f_int))) { sfree(&fa); sfree(&wk); return -2; }
    if (c && !sget(&rw, (size_t)lrw * 8)) { sfree(&fa); sfree(&wk); sfree(&iw); return -2; }
    if (c) zheevd_(job, ul, &N, fa.p, &N, w, wk.p, &lw, rw.p, &lrw, iw.p, &liw, &info, 1, 1);
    else dsyevd_(job, ul, &N, fa.p, &N, w, wk.p, &lw, iw.p, &liw, &info, 1, 1);
    sfree(&wk); sfree(&iw);
    if (c) sfree(&rw);
    if (info == 0 && v) transpose(c, n, n, fa.p, v);
    sfree(&fa);
    return info == 0 ? 0 : -1;
}

/* Identity (rows x cols, row-major) for the empty SVD's factors. */
static void eye_rm(bool c, int64_t rows, int64_t cols, void *p) {
    size_t e = c ? 16 : 8;
    memset(p, 0, (size_t)(rows * cols) * e);
    for (int64_t i = 0; i < rows && i < cols; i++) {
        if (c) ((nd__cplx *)p)[i * cols + i] = 1; else ((double *)p)[i * cols + i] = 1;
    }
}

int nd__lapack_svd(bool c, int64_t m, int64_t n, void *a, double *s, void *u, int64_t ucols, void *vh, int64_t vrows) {
    /* NumPy: ?gesdd(jobz) on the Fortran copy of A (m x n): U is m x ucols (ldu m), VT
     * vrows x n (ldvt vrows), both Fortran; jobz 'A' full, 'S' reduced, 'N' values */
    int64_t k = m < n ? m : n, mx = m > n ? m : n;
    size_t e = c ? 16 : 8;
    if (k == 0) {
        if (u) eye_rm(c, m, ucols, u);
        if (vh) eye_rm(c, vrows, n, vh);
        return 0;
    }
    f_int M = (f_int)m, N = (f_int)n, lda = M, info = 0, lw = -1;
    const char *job = !u ? "N" : (ucols == m && vrows == n ? "A" : "S");
    f_int ldu = u ? M : 1, ldvt = u ? (f_int)vrows : 1;
    nd__cplx dummy[2];
    sbuf fa, fu = { 0 }, fv = { 0 }, iw, rw = { 0 }, wk;
    if (!sget(&fa, (size_t)(m * n) * e)) return -2;
    if (!sget(&iw, (size_t)(8 * k) * sizeof(f_int))) { sfree(&fa); return -2; }
    int rc = -2;
    if (u && (!sget(&fu, (size_t)(m * ucols) * e) || !sget(&fv, (size_t)(vrows * n) * e))) goto done;
    if (c) {
        size_t lr = *job == 'N' ? (size_t)(7 * k)
                  : (size_t)(5 * k * k + 5 * k > 2 * mx * k + 2 * k * k + k ? 5 * k * k + 5 * k : 2 * mx * k + 2 * k * k + k);
        if (!sget(&rw, lr * 8)) goto done;
    }
    transpose(c, m, n, a, fa.p);
    void *U1 = u ? fu.p : (void *)dummy, *VT1 = u ? fv.p : (void *)dummy;
    nd__cplx q = 0;
    if (c) zgesdd_(job, &M, &N, fa.p, &lda, s, U1, &ldu, VT1, &ldvt, &q, &lw, rw.p, iw.p, &info, 1);
    else dgesdd_(job, &M, &N, fa.p, &lda, s, U1, &ldu, VT1, &ldvt, (double *)&q, &lw, iw.p, &info, 1);
    lw = (f_int)creal(q) > 1 ? (f_int)creal(q) : 1;
    if (!sget(&wk, (size_t)lw * e)) goto done;
    if (c) zgesdd_(job, &M, &N, fa.p, &lda, s, U1, &ldu, VT1, &ldvt, wk.p, &lw, rw.p, iw.p, &info, 1);
    else dgesdd_(job, &M, &N, fa.p, &lda, s, U1, &ldu, VT1, &ldvt, wk.p, &lw, iw.p, &info, 1);
    sfree(&wk);
    rc = info == 0 ? 0 : -1;
    if (rc == 0 && u) {
        transpose(c, ucols, m, fu.p, u);
        transpose(c, n, vrows, fv.p, vh);
    }
done:
    sfree(&fa); sfree(&iw);
    if (fu.p) sfree(&fu);
    if (fv.p) sfree(&fv);
    if (rw.p) sfree(&rw);
    return rc;
}

int nd__lapack_eig(nd__cplx *a, bool complex_input, int64_t n, nd__cplx *w, nd__cplx *v) {
    if (n == 0) return 0;
    f_int N = (f_int)n, info = 0, lw = -1, one = 1;
    const char *jv = v ? "V" : "N";
    int rc = -2;
    if (complex_input) {
        sbuf at, vr = { 0 }, rw, wk = { 0 };
        if (!sget(&at, (size_t)(n * n) * 16)) return -2;
        if (!sget(&rw, (size_t)(2 * n) * 8)) { sfree(&at); return -2; }
        if (v && !sget(&vr, (size_t)(n * n) * 16)) goto zdone;
        transpose(true, n, n, a, at.p);
        nd__cplx q = 0, dummy = 0;
        f_int ldvr = v ? N : 1;
        zgeev_("N", jv, &N, at.p, &N, w, &dummy, &one, v ? vr.p : &dummy, &ldvr, &q, &lw, rw.p, &info, 1, 1);
        lw = (f_int)creal(q) > 1 ? (f_int)creal(q) : 1;
        if (!sget(&wk, (size_t)lw * 16)) goto zdone;
        zgeev_("N", jv, &N, at.p, &N, w, &dummy, &one, v ? vr.p : &dummy, &ldvr, wk.p, &lw, rw.p, &info, 1, 1);
        rc = info == 0 ? 0 : -1;
        if (rc == 0 && v) transpose(true, n, n, vr.p, v);
    zdone:
        sfree(&at); sfree(&rw);
        if (vr.p) sfree(&vr);
        if (wk.p) sfree(&wk);
        return rc;
    }
    sbuf at, wr, vr = { 0 }, wk = { 0 };
    if (!sget(&at, (size_t)(n * n) * 8)) return -2;
    if (!sget(&wr, (size_t)(2 * n) * 8)) { sfree(&at); return -2; }
    if (v && !sget(&vr, (size_t)(n * n) * 8)) goto ddone;
    for (int64_t i = 0; i < n; i++) /* column-major copy of the real parts */
        for (int64_t j = 0; j < n; j++) ((double *)at.p)[j * n + i] = creal(a[i * n + j]);
    {
        double *re = wr.p, *im = re + n, q = 0, dummy = 0;
        f_int ldvr = v ? N : 1;
        dgeev_("N", jv, &N, at.p, &N, re, im, &dummy, &one, v ? vr.p : &dummy, &ldvr, &q, &lw, &info, 1, 1);
        lw = (f_int)q > 1 ? (f_int)q : 1;
        if (!sget(&wk, (size_t)lw * 8)) goto ddone;
        dgeev_("N", jv, &N, at.p, &N, re, im, &dummy, &one, v ? vr.p : &dummy, &ldvr, wk.p, &lw, &info, 1, 1);
        if (info != 0) { rc = -1; goto ddone; }
        for (int64_t j = 0; j < n; j++) w[j] = re[j] + I * im[j];
        if (v) {
            const double *V = vr.p;
            for (int64_t j = 0; j < n; j++) {
                if (im[j] != 0 && j + 1 < n) { /* a pair: columns j, j+1 hold re and im */
                    for (int64_t r = 0; r < n; r++) {
                        v[r * n + j] = V[j * n + r] + I * V[(j + 1) * n + r];
                        v[r * n + j + 1] = V[j * n + r] - I * V[(j + 1) * n + r];
                    }
                    j++;
                } else {
                    for (int64_t r = 0; r < n; r++) v[r * n + j] = V[j * n + r];
                }
            }
        }
        rc = 0;
    }
ddone:
    sfree(&at); sfree(&wr);
    if (vr.p) sfree(&vr);
    if (wk.p) sfree(&wk);
    return rc;
}

#else
typedef int nd__lapack_unused; /* ISO C: a translation unit is not empty */
#endif
