/* Private to src/linalg: the GEMM engine, the backend switch and the LAPACK hooks. */
#ifndef ND_LA_INTERNAL_H
#define ND_LA_INTERNAL_H

#include "core/internal.h"

#include <complex.h>

typedef double complex nd__cplx;

/* Which backend the linalg routines use now (nd_linalg_set_backend). */
bool nd__la_use_blas(void);

/* C = A B for one matrix (M x N x K), byte strides, C overwritten.  Every numeric dtype;
 * float/complex go to BLAS when it is in use, else to the native blocked kernels;
 * integers wrap, bool is or-of-ands, float16 accumulates in float.  0 or -1 (memory). */
int nd__gemm(const nd_dtype_t *dt, int64_t M, int64_t N, int64_t K,
             const char *A, int64_t rsa, int64_t csa,
             const char *B, int64_t rsb, int64_t csb,
             char *C, int64_t rsc, int64_t csc);

/* Native real GEMM: C = alpha A B + beta C (beta 0: C is not read).  Element strides. */
int nd__gemm_f64(int64_t M, int64_t N, int64_t K, double alpha,
                 const double *A, int64_t rsa, int64_t csa,
                 const double *B, int64_t rsb, int64_t csb, double beta,
                 double *C, int64_t rsc, int64_t csc);
int nd__gemm_f32(int64_t M, int64_t N, int64_t K, float alpha,
                 const float *A, int64_t rsa, int64_t csa,
                 const float *B, int64_t rsb, int64_t csb, float beta,
                 float *C, int64_t rsc, int64_t csc);
/* The CPU runs AVX2 and FMA (checked once; x86-64 builds only). */
bool nd__la_have_avx2(void);
/* Which native micro-kernel runs ("avx2+fma" or "generic"). */
const char *nd__gemm_kernel_name(void);

#ifdef ND_HAVE_BLAS
/* BLAS GEMM on row-major operands (element strides, one of each pair must be 1);
 * returns 1 when done, 0 when the layout does not fit (caller falls back). */
int nd__blas_gemm(nd_type t, int64_t M, int64_t N, int64_t K,
                  const void *A, int64_t rsa, int64_t csa,
                  const void *B, int64_t rsb, int64_t csb,
                  void *C, int64_t rsc, int64_t csc);
#endif

/* Scratch memory with its size remembered.  Buffers of a megabyte and more start on a
 * 2 MiB boundary with huge pages asked for: LAPACK walks their columns a page apart, and
 * on 4 KiB pages those walks cost TLB misses (inv 500x500: 19-21 ms against 15). */
typedef struct { void *p; size_t n; void *base; } nd__la_buf;
/* b->p (NULL when out of memory: nothing recorded) */
void *nd__la_buf_get(nd__la_buf *b, size_t n);
void nd__la_buf_free(nd__la_buf *b);

/* A C-contiguous copy (or new handle) of a with dtype dt. */
nd_array *nd__la_contig(const nd_array *a, const nd_dtype_t *dt);

/* dst[j*m + i] = src[i*rs + j*cs] (byte strides) for i < m, j < n: an m x n matrix
 * gathered into column-major (Fortran) order, in cache tiles.  e: item size (8: double,
 * 16: double complex).  With (n, m, cs, rs) it gathers row-major order instead. */
void nd__la_gather(size_t e, int64_t m, int64_t n, const char *src, int64_t rs, int64_t cs, void *dst);
/* Transpose the n x n matrix a (item size e) in place. */
void nd__la_transpose_sq(size_t e, int64_t n, void *a);

#endif
