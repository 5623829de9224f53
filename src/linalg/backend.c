/* The backend switch and, when BLAS/LAPACK were found, the Fortran entry points nd
 * calls (declared here: any BLAS/LAPACK has them, no header needed). */
#include "linalg/la_internal.h"

#include <limits.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#if defined(__x86_64__) && defined(__GNUC__)
#define ND_LA_X86 1
#include <immintrin.h>
#endif

static int backend_choice = ND_LINALG_AUTO; /* documented process-wide setting */

int nd_linalg_set_backend(nd_linalg_backend_kind b) {
    if (b != ND_LINALG_AUTO && b != ND_LINALG_NATIVE && b != ND_LINALG_LAPACK) {
        nd__err(ND_ERR_VALUE, "unknown linalg backend %d", (int)b);
        return -1;
    }
#ifndef ND_HAVE_BLAS
    if (b == ND_LINALG_LAPACK) {
        nd__err(ND_ERR_NOT_SUPPORTED, "nd was built without BLAS/LAPACK");
        return -1;
    }
#endif
    backend_choice = b;
    return 0;
}

bool nd__la_use_blas(void) {
#ifdef ND_HAVE_BLAS
    return backend_choice != ND_LINALG_NATIVE;
#else
    return false;
#endif
}

const char *nd_linalg_backend(void) { return nd__la_use_blas() ? "lapack" : "native"; }

bool nd_linalg_have_lapack(void) {
#ifdef ND_HAVE_BLAS
    return true;
#else
    return false;
#endif
}

const char *nd_linalg_gemm_kernel(void) { return nd__gemm_kernel_name(); }

#define HUGE_BUF ((size_t)1 << 20)
#define HUGE_PAGE ((size_t)2 << 20)
void *nd__la_buf_get(nd__la_buf *b, size_t n) {
    size_t whole = (n + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1); /* n in whole huge pages */
    bool huge = n >= HUGE_BUF && whole <= SIZE_MAX - HUGE_PAGE;
    b->n = huge ? whole + HUGE_PAGE : n ? n : 1;
    b->base = nd__malloc(b->n);
    if (!b->base) return b->p = NULL;
    b->p = b->base;
    if (huge) {
        b->p = (void *)(((uintptr_t)b->base + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        madvise(b->p, whole, MADV_HUGEPAGE);
#endif
    }
    return b->p;
}

void nd__la_buf_free(nd__la_buf *b) {
    nd__free(b->base, b->n);
    b->p = b->base = NULL;
}

nd_array *nd__la_contig(const nd_array *a, const nd_dtype_t *dt) {
    if (a->dtype == dt && (a->flags & ND_C_CONTIGUOUS) && (a->flags & ND_ALIGNED)) return nd_ref((nd_array *)a);
    return nd_astype_ex(a, dt, &(nd_astype_opts){ .order = 'C' });
}

/* Tiles of 64 x 64 items keep the strided side within a few pages (TLB) and L2. */
#define LA_TILE 64

#ifdef ND_LA_X86
/* One tile, source rows contiguous (cs == e): 4 x 4 doubles or 2 x 2 complex doubles at
 * a time, transposed in registers. */
__attribute__((target("avx2")))
static void tile_avx2(size_t e, int64_t m, int64_t i0, int64_t ie, int64_t j0, int64_t je, const char *src, int64_t rs,
                      char *dst) {
    int64_t bi = e == 8 ? 4 : 2, i = i0;
    for (; i + bi <= ie; i += bi) {
        const char *r = src + i * rs;
        int64_t j = j0;
        if (e == 8) {
            for (; j + 4 <= je; j += 4) {
                const double *p = (const double *)(r + j * 8);
                __m256d r0 = _mm256_loadu_pd(p), r1 = _mm256_loadu_pd((const double *)((const char *)p + rs)),
                        r2 = _mm256_loadu_pd((const double *)((const char *)p + 2 * rs)),
                        r3 = _mm256_loadu_pd((const double *)((const char *)p + 3 * rs));
                __m256d t0 = _mm256_unpacklo_pd(r0, r1), t1 = _mm256_unpackhi_pd(r0, r1),
                        t2 = _mm256_unpacklo_pd(r2, r3), t3 = _mm256_unpackhi_pd(r2, r3);
                double *d = (double *)dst + j * m + i;
                _mm256_storeu_pd(d, _mm256_permute2f128_pd(t0, t2, 0x20));
                _mm256_storeu_pd(d + m, _mm256_permute2f128_pd(t1, t3, 0x20));
                _mm256_storeu_pd(d + 2 * m, _mm256_permute2f128_pd(t0, t2, 0x31));
                _mm256_storeu_pd(d + 3 * m, _mm256_permute2f128_pd(t1, t3, 0x31));
            }
        } else {
            for (; j + 2 <= je; j += 2) {
                const double *p = (const double *)(r + j * 16);
                __m256d r0 = _mm256_loadu_pd(p), r1 = _mm256_loadu_pd((const double *)((const char *)p + rs));
                double *d = (double *)(dst + (size_t)(j * m + i) * 16);
                _mm256_storeu_pd(d, _mm256_permute2f128_pd(r0, r1, 0x20));
                _mm256_storeu_pd(d + 2 * m, _mm256_permute2f128_pd(r0, r1, 0x31));
            }
        }
        for (; j < je; j++)
            for (int64_t k = 0; k < bi; k++) memcpy(dst + (size_t)(j * m + i + k) * e, r + k * rs + j * (int64_t)e, e);
    }
    for (; i < ie; i++)
        for (int64_t j = j0; j < je; j++) memcpy(dst + (size_t)(j * m + i) * e, src + i * rs + j * (int64_t)e, e);
}
#endif

void nd__la_gather(size_t e, int64_t m, int64_t n, const char *src, int64_t rs, int64_t cs, void *dst) {
    char *d = dst;
    if (rs == (int64_t)e) { /* the columns are already contiguous */
        for (int64_t j = 0; j < n; j++) memcpy(d + (size_t)(j * m) * e, src + j * cs, (size_t)m * e);
        return;
    }
#ifdef ND_LA_X86
    bool simd = cs == (int64_t)e && (e == 8 || e == 16) && nd__la_have_avx2();
#endif
    for (int64_t j0 = 0; j0 < n; j0 += LA_TILE) {
        int64_t je = j0 + LA_TILE < n ? j0 + LA_TILE : n;
        for (int64_t i0 = 0; i0 < m; i0 += LA_TILE) {
            int64_t ie = i0 + LA_TILE < m ? i0 + LA_TILE : m;
#ifdef ND_LA_X86
            if (simd) { tile_avx2(e, m, i0, ie, j0, je, src, rs, d); continue; }
#endif
            if (e == 8) {
                double *dd = dst;
                for (int64_t j = j0; j < je; j++)
                    for (int64_t i = i0; i < ie; i++) memcpy(dd + j * m + i, src + i * rs + j * cs, 8);
            } else {
                for (int64_t j = j0; j < je; j++)
                    for (int64_t i = i0; i < ie; i++) memcpy(d + (size_t)(j * m + i) * e, src + i * rs + j * cs, e);
            }
        }
    }
}

void nd__la_transpose_sq(size_t e, int64_t n, void *a) {
    char *p = a, t[16];
    for (int64_t i0 = 0; i0 < n; i0 += LA_TILE)
        for (int64_t j0 = i0; j0 < n; j0 += LA_TILE) {
            int64_t ie = i0 + LA_TILE < n ? i0 + LA_TILE : n, je = j0 + LA_TILE < n ? j0 + LA_TILE : n;
            for (int64_t i = i0; i < ie; i++)
                for (int64_t j = j0 == i0 ? i + 1 : j0; j < je; j++) {
                    char *x = p + (size_t)(i * n + j) * e, *y = p + (size_t)(j * n + i) * e;
                    memcpy(t, x, e);
                    memcpy(x, y, e);
                    memcpy(y, t, e);
                }
        }
}

#ifdef ND_HAVE_BLAS
typedef int f_int;
void dgemm_(const char *, const char *, const f_int *, const f_int *, const f_int *, const void *, const void *,
            const f_int *, const void *, const f_int *, const void *, void *, const f_int *, size_t, size_t);
void sgemm_(const char *, const char *, const f_int *, const f_int *, const f_int *, const void *, const void *,
            const f_int *, const void *, const f_int *, const void *, void *, const f_int *, size_t, size_t);
void zgemm_(const char *, const char *, const f_int *, const f_int *, const f_int *, const void *, const void *,
            const f_int *, const void *, const f_int *, const void *, void *, const f_int *, size_t, size_t);
void cgemm_(const char *, const char *, const f_int *, const f_int *, const f_int *, const void *, const void *,
            const f_int *, const void *, const f_int *, const void *, void *, const f_int *, size_t, size_t);

/* How Fortran (column-major) sees a row-major r x c operand: 'N' with ld = rs when rows
 * are contiguous (csa == 1), 'T' with ld = cs when columns are. */
static bool fortran_view(int64_t r, int64_t c, int64_t rs, int64_t cs, char *trans, int64_t *ld) {
    if (cs == 1 && (rs >= c || r == 1) && rs >= 1) { *trans = 'N'; *ld = r == 1 ? (c > 0 ? c : 1) : rs; return true; }
    if (rs == 1 && (cs >= r || c == 1) && cs >= 1) { *trans = 'T'; *ld = c == 1 ? (r > 0 ? r : 1) : cs; return true; }
    return false;
}

int nd__blas_gemm(nd_type t, int64_t M, int64_t N, int64_t K, const void *A, int64_t rsa, int64_t csa,
                  const void *B, int64_t rsb, int64_t csb, void *C, int64_t rsc, int64_t csc) {
    if (M > INT_MAX || N > INT_MAX || K > INT_MAX || M == 0 || N == 0 || K == 0) return 0;
    char ta, tb, tc;
    int64_t lda, ldb, ldc;
    /* C^T = B^T A^T in Fortran's eyes: C must be row-contiguous. */
    if (!fortran_view(M, N, rsc, csc, &tc, &ldc) || tc != 'N') return 0;
    if (!fortran_view(K, N, rsb, csb, &tb, &ldb) || !fortran_view(M, K, rsa, csa, &ta, &lda)) return 0;
    if (lda > INT_MAX || ldb > INT_MAX || ldc > INT_MAX) return 0;
    /* ld must be >= rows as Fortran sees them */
    if ((tb == 'N' && ldb < N) || (tb == 'T' && ldb < K) || (ta == 'N' && lda < K) || (ta == 'T' && lda < M) ||
        ldc < N)
        return 0;
    f_int m = (f_int)N, n = (f_int)M, k = (f_int)K, la = (f_int)lda, lb = (f_int)ldb, lc = (f_int)ldc;
    static const double one[2] = { 1, 0 }, zero[2] = { 0, 0 };
    static const float onef[2] = { 1, 0 }, zerof[2] = { 0, 0 };
    switch (t) {
    case ND_TYPE_FLOAT64: dgemm_(&tb, &ta, &m, &n, &k, one, B, &lb, A, &la, zero, C, &lc, 1, 1); return 1;
    case ND_TYPE_FLOAT32: sgemm_(&tb, &ta, &m, &n, &k, onef, B, &lb, A, &la, zerof, C, &lc, 1, 1); return 1;
    case ND_TYPE_COMPLEX128: zgemm_(&tb, &ta, &m, &n, &k, one, B, &lb, A, &la, zero, C, &lc, 1, 1); return 1;
    case ND_TYPE_COMPLEX64: cgemm_(&tb, &ta, &m, &n, &k, onef, B, &lb, A, &la, zerof, C, &lc, 1, 1); return 1;
    default: return 0;
    }
}
#endif
