/* Private to src/linalg: the LAPACK path (lapack.c, built with ND_HAVE_BLAS).  Every
 * function takes row-major double / double-complex buffers (c: complex), as the
 * native kernels do, and makes the Fortran-order copies NumPy makes. */
#ifndef ND_LA_LAPACK_H
#define ND_LA_LAPACK_H

#include "linalg/la_internal.h"

#ifdef ND_HAVE_BLAS
/* Fortran-order buffers (nd__la_gather), as NumPy's linearized copies; each returns
 * LAPACK's info (> 0: exactly singular / not positive definite; < 0: bad argument).
 * ?getrf of the n x n fa in place, piv[n]. */
int nd__lapack_getrf(bool c, int64_t n, void *fa, int *piv);
/* ?getri: the inverse of A from fa = ?getrf's factors, in place; work holds lwork
 * items (>= n; n * 64 lets LAPACK block). */
int nd__lapack_getri(bool c, int64_t n, void *fa, const int *piv, void *work, int64_t lwork);
/* ?gesv: fa (n x n) factored, fb (n x nrhs) receives X. */
int nd__lapack_gesv(bool c, int64_t n, int64_t nrhs, void *fa, int *piv, void *fb);
/* ?potrf('L' or 'U') of fa in place (the other triangle untouched). */
int nd__lapack_potrf(bool c, int64_t n, void *fa, bool upper);
/* QR of A stored transposed (at: n x m = LAPACK's column-major A). 0 or -1. */
int nd__lapack_qr(bool c, int64_t m, int64_t n, void *at, void *tau);
/* The first qcols columns of Q as rows of qt (qcols x m). 0 or -1. */
int nd__lapack_qr_q(bool c, int64_t m, int64_t n, const void *at, const void *tau, int64_t qcols, void *qt);
/* Hermitian a (only the uplo triangle read): w ascending, v (columns) when non-NULL;
 * 0, -1 (no convergence), -2 (memory). */
int nd__lapack_eigh(bool c, int64_t n, const void *a, char uplo, double *w, void *v);
/* SVD of a (m x n, destroyed): s descending, u (m x ucols), vh (vrows x n), both
 * NULL or both set, ucols/vrows = m/n (full) or min(m, n). 0, -1 (no convergence), -2. */
int nd__lapack_svd(bool c, int64_t m, int64_t n, void *a, double *s, void *u, int64_t ucols, void *vh, int64_t vrows);
/* General eigenproblem: a (complex128 copy of the input, destroyed); real_input picks
 * dgeev; w and v (columns, unit norm) complex. 0, -1, -2. */
int nd__lapack_eig(nd__cplx *a, bool complex_input, int64_t n, nd__cplx *w, nd__cplx *v);
#endif

#endif
