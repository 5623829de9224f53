/* Private to src/linalg: the native factorization kernels (decomp.c), on dense
 * row-major double (suffix d) and double complex (suffix z) matrices. */
#ifndef ND_LA_DECOMP_H
#define ND_LA_DECOMP_H

#include "linalg/la_internal.h"

/* LU with partial pivoting in place (a = P L U); 0, k+1 for an exact zero pivot, or
 * -1 (memory error recorded). */
int nd__lu_d(int64_t n, double *a, int64_t *piv);
int nd__lu_z(int64_t n, nd__cplx *a, int64_t *piv);
/* Solve with that LU: b (n x nrhs) overwritten by the solution; 0 or -1 (memory). */
int nd__lu_solve_d(int64_t n, const double *lu, const int64_t *piv, int64_t nrhs, double *b);
int nd__lu_solve_z(int64_t n, const nd__cplx *lu, const int64_t *piv, int64_t nrhs, nd__cplx *b);
/* Cholesky from the lower triangle, in place; -1 when not positive definite, -2 on a
 * memory error (recorded). */
int nd__cholesky_d(int64_t n, double *a);
int nd__cholesky_z(int64_t n, nd__cplx *a);
/* Householder QR of A (m x n) stored transposed (at: n x m); tau[min(m, n)].  Blocked
 * (compact WY panels, trailing update by GEMM); without scratch memory it runs
 * unblocked, so it cannot fail. */
void nd__qr_d(int64_t m, int64_t n, double *at, double *tau);
void nd__qr_z(int64_t m, int64_t n, nd__cplx *at, nd__cplx *tau);
/* The first ncols columns of Q, as rows of qt (ncols x m); blocked likewise. */
void nd__qr_q_d(int64_t m, int64_t n, const double *at, const double *tau, int64_t ncols, double *qt);
void nd__qr_q_z(int64_t m, int64_t n, const nd__cplx *at, const nd__cplx *tau, int64_t ncols, nd__cplx *qt);
/* Hermitian eigenproblem of the full matrix a (destroyed): w ascending, v (n x n,
 * columns = eigenvectors) when non-NULL; e is n doubles of scratch.
 * 0, -1 (no convergence) or -2 (memory error recorded). */
int nd__eigh_d(int64_t n, double *a, double *w, double *v, double *e);
int nd__eigh_z(int64_t n, nd__cplx *a, double *w, nd__cplx *v, double *e);
/* SVD of A (L x k, L >= k) stored transposed (at: k x L, destroyed): s[k] descending;
 * when ut is non-NULL, ut (ucols x L, k <= ucols <= L) gets the first ucols columns of U
 * as rows and vt (k x k) the columns of V as rows (A = U diag(s) V^H).  Householder
 * bidiagonalization, then implicit shifted QR on the bidiagonal.
 * Inf input (no NaN) gives NaN values, as NumPy.
 * 0, -1 (no convergence; NaN input) or -2 (memory error recorded). */
int nd__svd_d(int64_t L, int64_t k, double *at, double *s, double *ut, int64_t ucols, double *vt);
int nd__svd_z(int64_t L, int64_t k, nd__cplx *at, double *s, nd__cplx *ut, int64_t ucols, nd__cplx *vt);
/* General eigenproblem of h (n x n, destroyed): eigenvalues w, eigenvectors v
 * (columns, unit norm) when non-NULL.  0, -1 (no convergence), -2 (memory). */
int nd__eig_z(int64_t n, nd__cplx *h, nd__cplx *w, nd__cplx *v);

#endif
