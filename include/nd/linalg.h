/* nd/linalg.h: products (matmul, dot, tensordot, einsum ...) and np.linalg.
 * Include <nd.h>, not this file.
 *
 * Two backends compute the same functions: nd's own C (always built: a blocked GEMM
 * with run-time SIMD dispatch, blocked LU and Cholesky, blocked Householder QR,
 * tridiagonal QL for eigh, Householder bidiagonalization and implicit-shift QR for svd,
 * Hessenberg QR for eig) and BLAS/LAPACK when CMake found them.  The LAPACK
 * backend makes NumPy's own LAPACK calls (Fortran-order copies, the same routines,
 * jobz/UPLO and workspace queries), so factors whose signs NumPy leaves to LAPACK (svd's
 * U/Vh, eigenvectors, Q/R) equal NumPy's to rounding; the native backend gives the same
 * values where they are unique and valid factors otherwise.  As in NumPy (1.x and 2.x),
 * float32 and complex64 factorizations run in double precision and are rounded to the
 * input's precision (products stay in single precision).  Integer and bool inputs of
 * np.linalg are promoted to float64 as NumPy does; integer matmul/dot are exact and wrap.
 *
 * Every function returns new arrays the caller owns (nd_free), or NULL / -1 with
 * NumPy's error recorded (LinAlgError -> ND_ERR_LINALG). */
#ifndef ND_LINALG_H
#define ND_LINALG_H

#include "nd/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------- backend */

typedef enum nd_linalg_backend_kind {
    ND_LINALG_AUTO = 0, /* LAPACK/BLAS when built with them, else native */
    ND_LINALG_NATIVE,   /* nd's own kernels even when LAPACK is there */
    ND_LINALG_LAPACK    /* error if nd was built without LAPACK */
} nd_linalg_backend_kind;
/** Choose the backend (process-wide setting; set it before using linalg from threads).
 *  Returns 0, or -1 (ND_ERR_NOT_SUPPORTED when LAPACK is asked for but absent). */
int nd_linalg_set_backend(nd_linalg_backend_kind b);
/** The backend in use now: "lapack" or "native". */
const char *nd_linalg_backend(void);
/** Was nd built with BLAS/LAPACK? */
bool nd_linalg_have_lapack(void);
/** The native GEMM micro-kernel the CPU runs: "avx2+fma" or "generic". */
const char *nd_linalg_gemm_kernel(void);

/* ------------------------------------------------------------- products */

typedef struct nd_matmul_opts {
    int _;
    nd_array *out; /* write the result here (returned, not a new reference); NumPy's checks
                    * in NumPy's order: the 'same_kind' cast, the core dimensions, then
                    * the result broadcasts to out's leading dimensions */
} nd_matmul_opts;
nd_array *nd_matmul_ex(const nd_array *a, const nd_array *b, const nd_matmul_opts *o);
/** np.matmul(a, b) / a @ b: stacked over broadcast leading dimensions, 1-d operands
 *  promoted and the added axis removed; scalars (0-d) are a ValueError. */
#define nd_matmul(a, b, ...) nd_matmul_ex((a), (b), &(nd_matmul_opts){ ._ = 0, __VA_ARGS__ })
/** np.dot(a, b): every case (0-d scales, 1-d inner product, 2-d matmul, N-d sum over the
 *  last axis of a and the second-to-last of b). */
nd_array *nd_dot(const nd_array *a, const nd_array *b);
/** np.vdot(a, b): flattened, a conjugated; a 0-d array. */
nd_array *nd_vdot(const nd_array *a, const nd_array *b);
/** np.inner(a, b): sum over the last axes. */
nd_array *nd_inner(const nd_array *a, const nd_array *b);
/** np.outer(a, b): both flattened. */
nd_array *nd_outer(const nd_array *a, const nd_array *b);

typedef struct nd_tensordot_opts {
    int _;
    int axes;            /* integer form (sum over the last `axes` of a and first of b); */
    bool axes_set;       /* ... used when set; default 2 */
    nd_axes a_axes, b_axes; /* pair form, used when a_axes.n > 0 (or both given empty via axes_set/axes = 0) */
} nd_tensordot_opts;
nd_array *nd_tensordot_ex(const nd_array *a, const nd_array *b, const nd_tensordot_opts *o);
/** np.tensordot(a, b, axes=2): .axes = k (with .axes_set = true), or
 *  .a_axes = ND_AXIS(1, 0), .b_axes = ND_AXIS(0, 1). */
#define nd_tensordot(a, b, ...) nd_tensordot_ex((a), (b), &(nd_tensordot_opts){ ._ = 0, __VA_ARGS__ })
/** np.kron(a, b). */
nd_array *nd_kron(const nd_array *a, const nd_array *b);

typedef struct nd_trace_opts {
    int _;
    int64_t offset;
    nd_axes axes;            /* (axis1, axis2); n == 0: (0, 1) */
    const nd_dtype_t *dtype; /* NULL: NumPy's sum dtype (small ints -> int64, bool -> int64) */
} nd_trace_opts;
nd_array *nd_trace_ex(const nd_array *a, const nd_trace_opts *o);
/** np.trace(a, offset=0, axis1=0, axis2=1, dtype=None). */
#define nd_trace(a, ...) nd_trace_ex((a), &(nd_trace_opts){ ._ = 0, __VA_ARGS__ })

/** np.linalg.multi_dot(arrays): n >= 2; first/last may be 1-d; the multiplication order
 *  minimizes the scalar multiplications (dynamic programming, as NumPy).  Two arrays are
 *  nd_dot(a, b), without dimension checks, as in NumPy. */
nd_array *nd_linalg_multi_dot(int n, const nd_array *const *arrays);
/** np.linalg.matrix_power(a, n): repeated squaring; n < 0 inverts first (LinAlgError
 *  "Singular matrix"); n == 0 gives the identity (of a's dtype). */
nd_array *nd_linalg_matrix_power(const nd_array *a, int64_t n);

typedef struct nd_vecdot_opts { int _; nd_axes axis; /* n == 0: -1 */ } nd_vecdot_opts;
nd_array *nd_vecdot_ex(const nd_array *a, const nd_array *b, const nd_vecdot_opts *o);
/** np.vecdot(a, b, axis=-1) (NumPy 2): sum(conj(a) * b) over the axis, broadcast. */
#define nd_vecdot(a, b, ...) nd_vecdot_ex((a), (b), &(nd_vecdot_opts){ ._ = 0, __VA_ARGS__ })
/** np.matrix_transpose(a) (NumPy 2): swap the last two axes (a view); ndim < 2 is a
 *  ValueError. */
nd_array *nd_matrix_transpose(const nd_array *a);

typedef struct nd_cross_opts {
    int _;
    nd_axes axisa, axisb, axisc; /* each n == 0: -1 */
    nd_axes axis;                /* when n == 1: overrides the three */
} nd_cross_opts;
nd_array *nd_cross_ex(const nd_array *a, const nd_array *b, const nd_cross_opts *o);
/** np.cross(a, b): vectors of 2 or 3 components (2-component vectors give the z value;
 *  NumPy 2 deprecates them but still computes them).  0-d operands are NumPy 2's
 *  ValueError "At least one array has zero dimension"; bad axes are AxisErrors naming
 *  the argument ("axisa: axis 2 is out of bounds ..."). */
#define nd_cross(a, b, ...) nd_cross_ex((a), (b), &(nd_cross_opts){ ._ = 0, __VA_ARGS__ })

/* ------------------------------------------------------------- einsum */

typedef enum nd_einsum_optimize {
    ND_EINSUM_AUTO = 0,  /* greedy pairwise contraction when it is safe (beyond NumPy) */
    ND_EINSUM_NONE,      /* optimize=False: one nested sum over every index */
    ND_EINSUM_GREEDY     /* optimize='greedy' / True */
} nd_einsum_optimize;
typedef struct nd_einsum_opts {
    int _;
    nd_einsum_optimize optimize; /* also picks the error texts: NONE and AUTO give NumPy's
                                  * C einsum's (optimize=False), GREEDY its Python parser's */
    const nd_dtype_t *dtype; /* NULL: result_type of the operands */
    nd_array *out;           /* write the result here (returned, not a new reference) */
    nd_casting casting;      /* operands -> dtype and result -> out; DEFAULT: 'safe' */
} nd_einsum_opts;
/** np.einsum(subscripts, *operands, out=None, dtype=None, casting='safe'): explicit
 *  ('ij,jk->ik') or implicit ('ij,jk') output, '...' broadcasting, repeated indices
 *  (diagonals, traces), any number of operands.  Casts that break .casting are NumPy's
 *  TypeErrors ("Iterator operand 0 dtype could not be cast from dtype('float64') to
 *  dtype('int32') according to the rule 'safe'"); .out must have the result's shape.
 *  nd_einsum(subscripts, a, b, ...) takes no options: use nd_einsum_ex for them. */
nd_array *nd_einsum_ex(const char *subscripts, int n, const nd_array *const *ops, const nd_einsum_opts *o);
#define nd_einsum(subscripts, ...) nd_einsum_ex((subscripts), \
    (int)(sizeof((const nd_array *[]){__VA_ARGS__}) / sizeof(const nd_array *)), \
    (const nd_array *const[]){__VA_ARGS__}, NULL)
/** np.einsum_path(subscripts, *operands, optimize='greedy'): the contraction path as
 *  NumPy prints its first result, e.g. "['einsum_path', (0, 1), (0, 1)]".  A string to
 *  release with nd_free_bytes, or NULL + error (the messages of NumPy's Python parser,
 *  which lets an output label repeat). */
char *nd_einsum_path(const char *subscripts, int n, const nd_array *const *ops);
typedef struct nd_einsum_path_opts {
    int _;
    nd_einsum_optimize optimize; /* AUTO / GREEDY: 'greedy' (NumPy's default); NONE: False */
    char **report;               /* when set: receives NumPy's printed report (the second
                                  * result: "  Complete contraction:  ..."), to release
                                  * with nd_free_bytes */
} nd_einsum_path_opts;
/** np.einsum_path(subscripts, *operands, optimize=...) with both results: the path text
 *  is returned, the report goes to *o->report.  NULL + error on failure (nothing to
 *  release then). */
char *nd_einsum_path_ex(const char *subscripts, int n, const nd_array *const *ops, const nd_einsum_path_opts *o);

/* ------------------------------------------------------------- np.linalg */

/** np.linalg.det(a): (..., M, M) -> (...). */
nd_array *nd_linalg_det(const nd_array *a);
/** np.linalg.slogdet(a): *sign and *logabsdet receive new arrays. 0 or -1. */
int nd_linalg_slogdet(const nd_array *a, nd_array **sign, nd_array **logabsdet);
/** np.linalg.inv(a); LinAlgError "Singular matrix".  On LAPACK: NumPy's ?getrf (so the
 *  same matrices are singular), then ?getri (a quarter fewer flops than NumPy's ?gesv
 *  against I; results equal to rounding). */
nd_array *nd_linalg_inv(const nd_array *a);
/** np.linalg.solve(a, b) with NumPy 2's rule: b is a vector (..., M) only when it is
 *  1-d; otherwise (..., M, K), broadcast over the leading dimensions. */
nd_array *nd_linalg_solve(const nd_array *a, const nd_array *b);

typedef struct nd_cholesky_opts { int _; bool upper; } nd_cholesky_opts;
nd_array *nd_linalg_cholesky_ex(const nd_array *a, const nd_cholesky_opts *o);
/** np.linalg.cholesky(a, upper=False) (upper: NumPy 2); "Matrix is not positive
 *  definite".  Only the lower (upper) triangle of a is read; LAPACK: ?potrf('L'/'U').
 *  A NaN pivot gives NaNs, not the error, on both backends (as NumPy on OpenBLAS). */
#define nd_linalg_cholesky(a, ...) nd_linalg_cholesky_ex((a), &(nd_cholesky_opts){ ._ = 0, __VA_ARGS__ })

typedef enum nd_qr_mode { ND_QR_REDUCED = 0, ND_QR_COMPLETE, ND_QR_R, ND_QR_RAW } nd_qr_mode;
typedef struct nd_qr_opts { int _; nd_qr_mode mode; } nd_qr_opts;
int nd_linalg_qr_ex(const nd_array *a, nd_array **q, nd_array **r, const nd_qr_opts *o);
/** np.linalg.qr(a, mode): reduced/complete fill *q and *r; mode R fills only *r (q may
 *  be NULL); mode RAW fills *q with h and *r with tau (LAPACK's layout: h is the
 *  transposed Householder storage, as NumPy returns it).  R's diagonal signs follow
 *  LAPACK (Householder with beta = -sign(alpha)|x|) on both backends.  0 or -1. */
#define nd_linalg_qr(a, q, r, ...) nd_linalg_qr_ex((a), (q), (r), &(nd_qr_opts){ ._ = 0, __VA_ARGS__ })

typedef struct nd_eigh_opts { int _; char UPLO; /* 'L' (default) or 'U' */ } nd_eigh_opts;
int nd_linalg_eigh_ex(const nd_array *a, nd_array **w, nd_array **v, const nd_eigh_opts *o);
/** np.linalg.eigh(a, UPLO='L'): ascending real eigenvalues *w and eigenvectors (columns)
 *  *v; only the UPLO triangle is read.  LAPACK backend: NumPy's ?syevd/?heevd call, so
 *  the vectors are NumPy's; native: each vector's sign/phase is the native solver's.
 *  0 or -1. */
#define nd_linalg_eigh(a, w, v, ...) nd_linalg_eigh_ex((a), (w), (v), &(nd_eigh_opts){ ._ = 0, __VA_ARGS__ })
nd_array *nd_linalg_eigvalsh_ex(const nd_array *a, const nd_eigh_opts *o);
/** np.linalg.eigvalsh(a, UPLO='L'). */
#define nd_linalg_eigvalsh(a, ...) nd_linalg_eigvalsh_ex((a), &(nd_eigh_opts){ ._ = 0, __VA_ARGS__ })

/** np.linalg.eig(a): *w eigenvalues, *v eigenvectors (columns, unit 2-norm).  Real input
 *  gives real results when every eigenvalue is real, else complex (as NumPy 2).  LAPACK
 *  backend: NumPy's ?geev call (same order and vectors).  Native: Hessenberg reduction +
 *  complex shifted QR; the eigenvalues come in the order of its Schur form's diagonal
 *  (like LAPACK's, whose shifts differ, so the order may differ from NumPy's for the same
 *  matrix; NumPy documents no order either: sort w if you need one), each vector scaled
 *  to unit norm with its largest component real, as zgeev.  NaN/inf in a: LinAlgError
 *  "Array must not contain infs or NaNs".  0/-1. */
int nd_linalg_eig(const nd_array *a, nd_array **w, nd_array **v);
/** np.linalg.eigvals(a). */
nd_array *nd_linalg_eigvals(const nd_array *a);

typedef struct nd_svd_opts {
    int _;
    bool reduced;   /* full_matrices=False */
    bool hermitian;
} nd_svd_opts;
int nd_linalg_svd_ex(const nd_array *a, nd_array **u, nd_array **s, nd_array **vh, const nd_svd_opts *o);
/** np.linalg.svd(a, full_matrices=True, compute_uv=True, hermitian=False): u and vh both
 *  NULL means compute_uv=False.  Singular values descending.  LAPACK backend: NumPy's
 *  ?gesdd call (jobz 'A'/'S'/'N'), so U and Vh are NumPy's; native: one-sided Jacobi
 *  (valid singular vectors, signs its own).  0 or -1 ("SVD did not converge"). */
#define nd_linalg_svd(a, u, s, vh, ...) nd_linalg_svd_ex((a), (u), (s), (vh), &(nd_svd_opts){ ._ = 0, __VA_ARGS__ })
/** np.linalg.svdvals(a) (NumPy 2). */
nd_array *nd_linalg_svdvals(const nd_array *a);

typedef struct nd_lstsq_opts {
    int _;
    double rcond;   /* used when rcond_set; default (NumPy 2) eps * max(M, N) */
    bool rcond_set;
} nd_lstsq_opts;
int nd_linalg_lstsq_ex(const nd_array *a, const nd_array *b, nd_array **x, nd_array **residuals,
                       int64_t *rank, nd_array **s, const nd_lstsq_opts *o);
/** np.linalg.lstsq(a, b, rcond=None): any output pointer may be NULL. 0 or -1. */
#define nd_linalg_lstsq(a, b, x, residuals, rank, s, ...) \
    nd_linalg_lstsq_ex((a), (b), (x), (residuals), (rank), (s), &(nd_lstsq_opts){ ._ = 0, __VA_ARGS__ })

typedef struct nd_pinv_opts {
    int _;
    double rcond;   /* used when rcond_set; default (neither rcond nor rtol) 1e-15 */
    bool rcond_set;
    bool hermitian;
    double rtol;    /* NumPy 2's rtol=: used when rtol_set */
    bool rtol_set;
    bool rtol_none; /* rtol=None: max(M, N) * eps of a's dtype */
} nd_pinv_opts;
nd_array *nd_linalg_pinv_ex(const nd_array *a, const nd_pinv_opts *o);
/** np.linalg.pinv(a, rcond=None, hermitian=False, *, rtol=<unset>) (NumPy 2): singular
 *  values at or below rtol * max(s) are dropped.  Setting both rcond and rtol is a
 *  ValueError.  Empty matrices give an empty (..., N, M) result. */
#define nd_linalg_pinv(a, ...) nd_linalg_pinv_ex((a), &(nd_pinv_opts){ ._ = 0, __VA_ARGS__ })

typedef struct nd_matrix_rank_opts {
    int _;
    double tol;     /* used when tol_set */
    bool tol_set;
    double rtol;    /* used when rtol_set (NumPy 2) */
    bool rtol_set;
    bool hermitian;
} nd_matrix_rank_opts;
nd_array *nd_linalg_matrix_rank_ex(const nd_array *a, const nd_matrix_rank_opts *o);
/** np.linalg.matrix_rank(A, tol=None, hermitian=False): int64 array (0-d for a matrix). */
#define nd_linalg_matrix_rank(a, ...) nd_linalg_matrix_rank_ex((a), &(nd_matrix_rank_opts){ ._ = 0, __VA_ARGS__ })

typedef enum nd_norm_ord {
    ND_NORM_DEFAULT = 0, /* ord=None: 2-norm of vectors, Frobenius of matrices */
    ND_NORM_FRO, ND_NORM_NUC, ND_NORM_INF, ND_NORM_NEG_INF,
    ND_NORM_P            /* a number: .p */
} nd_norm_ord;
typedef struct nd_norm_opts {
    int _;
    nd_norm_ord ord;
    double p;            /* with ND_NORM_P: 0, 1, -1, 2, -2, any p for vectors */
    nd_axes axis;        /* n == 0: None; 1 axis: vector norm; 2 axes: matrix norm */
    bool keepdims;
} nd_norm_opts;
nd_array *nd_linalg_norm_ex(const nd_array *x, const nd_norm_opts *o);
/** np.linalg.norm(x, ord=None, axis=None, keepdims=False).  The 2-norm and Frobenius
 *  norm are NumPy's sqrt of the plain sum of squares (float32/float16 sums in float), so
 *  they overflow to inf / underflow to 0 where NumPy's do; NaN propagates through the
 *  inf/-inf/1/-1 orders as np.maximum/np.minimum. */
#define nd_linalg_norm(x, ...) nd_linalg_norm_ex((x), &(nd_norm_opts){ ._ = 0, __VA_ARGS__ })

typedef struct nd_cond_opts { int _; nd_norm_ord ord; double p; } nd_cond_opts;
nd_array *nd_linalg_cond_ex(const nd_array *x, const nd_cond_opts *o);
/** np.linalg.cond(x, p=None) (NumPy 2): a singular matrix gives inf (NaN from its
 *  failed inverse or 0/0 becomes inf) unless the matrix itself holds NaN; empty
 *  matrices are a LinAlgError "cond is not defined on empty arrays". */
#define nd_linalg_cond(x, ...) nd_linalg_cond_ex((x), &(nd_cond_opts){ ._ = 0, __VA_ARGS__ })

#ifdef __cplusplus
}
#endif
#endif
