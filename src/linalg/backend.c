/* The backend switch and, when BLAS/LAPACK were found, the Fortran entry points nd
 * calls (declared here: any BLAS/LAPACK has them, no header needed). */
#include "linalg/la_internal.h"

#include <limits.h>

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

nd_array *nd__la_contig(const nd_array *a, const nd_dtype_t *dt) {
    if (a->dtype == dt && (a->flags & ND_C_CONTIGUOUS) && (a->flags & ND_ALIGNED)) return nd_ref((nd_array *)a);
    return nd_astype_ex(a, dt, &(nd_astype_opts){ .order = 'C' });
}

/* Tiles of 16 x 16 items keep the strided side within a few pages (TLB) and L1. */
#define LA_TILE 16

void nd__la_gather(size_t e, int64_t m, int64_t n, const char *src, int64_t rs, int64_t cs, void *dst) {
    for (int64_t j0 = 0; j0 < n; j0 += LA_TILE) {
        int64_t je = j0 + LA_TILE < n ? j0 + LA_TILE : n;
        for (int64_t i0 = 0; i0 < m; i0 += LA_TILE) {
            int64_t ie = i0 + LA_TILE < m ? i0 + LA_TILE : m;
            if (e == 8) {
                double *d = dst;
                for (int64_t j = j0; j < je; j++)
                    for (int64_t i = i0; i < ie; i++) memcpy(d + j * m + i, src + i * rs + j * cs, 8);
            } else {
                char *d = dst;
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
