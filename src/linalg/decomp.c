/* Native factorizations: the template decomp.inc for double and double complex, and
 * the nonsymmetric eigenproblem (Hessenberg reduction, shifted QR, eigenvectors). */
#include "linalg/decomp.h"

#include <float.h>

#if defined(__x86_64__) && defined(__GNUC__)
#define ND_DECOMP_X86 1 /* an AVX2+FMA clone of the rotation kernel */
#endif

/* A sequence of plane rotations on rows of doubles (leading dimension ld, len each):
 * for q = 0..cnt-1, rows q and q+1 become c_q r_q + s_q r_{q+1} and -s_q r_q +
 * c_q r_{q+1} (dlasr's job for the SVD's and eigh's accumulated vectors).  Blocks of 16
 * columns run through the whole sequence with the carried row in four vector
 * registers: each element is loaded and stored once per sequence. */
typedef double nd__v4d __attribute__((vector_size(32), aligned(8))); /* unaligned loads */
static inline __attribute__((always_inline)) void rot_rows_body(double *x, int64_t ld, int64_t len, int64_t cnt,
                                                                const double *c, const double *s) {
    int64_t j0 = 0;
    for (; j0 + 16 <= len; j0 += 16) {
        nd__v4d *x0 = (nd__v4d *)(x + j0);
        nd__v4d t0 = x0[0], t1 = x0[1], t2 = x0[2], t3 = x0[3];
        for (int64_t q = 0; q < cnt; q++) {
            nd__v4d *xq = (nd__v4d *)(x + q * ld + j0), *y = (nd__v4d *)(x + (q + 1) * ld + j0);
            nd__v4d cq = { c[q], c[q], c[q], c[q] }, sq = { s[q], s[q], s[q], s[q] };
            nd__v4d y0 = y[0], y1 = y[1], y2 = y[2], y3 = y[3];
            xq[0] = cq * t0 + sq * y0;
            xq[1] = cq * t1 + sq * y1;
            xq[2] = cq * t2 + sq * y2;
            xq[3] = cq * t3 + sq * y3;
            t0 = cq * y0 - sq * t0;
            t1 = cq * y1 - sq * t1;
            t2 = cq * y2 - sq * t2;
            t3 = cq * y3 - sq * t3;
        }
        nd__v4d *xl = (nd__v4d *)(x + cnt * ld + j0);
        xl[0] = t0; xl[1] = t1; xl[2] = t2; xl[3] = t3;
    }
    for (; j0 < len; j0++) {
        double t = x[j0];
        for (int64_t q = 0; q < cnt; q++) {
            double *xq = x + q * ld + j0, yv = xq[ld];
            *xq = c[q] * t + s[q] * yv;
            t = c[q] * yv - s[q] * t;
        }
        x[cnt * ld + j0] = t;
    }
}
#ifdef ND_DECOMP_X86
__attribute__((target("avx2,fma"))) static void rot_rows_avx2(double *x, int64_t ld, int64_t len, int64_t cnt,
                                                               const double *c, const double *s) {
    rot_rows_body(x, ld, len, cnt, c, s);
}
#endif
static void rot_rows(double *x, int64_t ld, int64_t len, int64_t cnt, const double *c, const double *s) {
#ifdef ND_DECOMP_X86
    if (nd__la_have_avx2()) { rot_rows_avx2(x, ld, len, cnt, c, s); return; }
#endif
    rot_rows_body(x, ld, len, cnt, c, s);
}

/* C -= A B for the blocked factorizations (element strides); 0 or -1 (memory). */
static int gemm_sub_d(int64_t M, int64_t N, int64_t K, const double *A, int64_t rsa, int64_t csa, const double *B,
                      int64_t rsb, int64_t csb, double *C, int64_t rsc, int64_t csc) {
    if (M <= 0 || N <= 0 || K <= 0) return 0;
    return nd__gemm_f64(M, N, K, -1, A, rsa, csa, B, rsb, csb, 1, C, rsc, csc);
}
/* complex: four real products on the interleaved parts (strides doubled) */
static int gemm_sub_z(int64_t M, int64_t N, int64_t K, const nd__cplx *A, int64_t rsa, int64_t csa,
                      const nd__cplx *B, int64_t rsb, int64_t csb, nd__cplx *C, int64_t rsc, int64_t csc) {
    if (M <= 0 || N <= 0 || K <= 0) return 0;
    const double *ar = (const double *)A, *ai = ar + 1, *br = (const double *)B, *bi = br + 1;
    double *cr = (double *)C, *ci = cr + 1;
    rsa *= 2; csa *= 2; rsb *= 2; csb *= 2; rsc *= 2; csc *= 2;
    if (nd__gemm_f64(M, N, K, -1, ar, rsa, csa, br, rsb, csb, 1, cr, rsc, csc) < 0 ||
        nd__gemm_f64(M, N, K, 1, ai, rsa, csa, bi, rsb, csb, 1, cr, rsc, csc) < 0 ||
        nd__gemm_f64(M, N, K, -1, ar, rsa, csa, bi, rsb, csb, 1, ci, rsc, csc) < 0 ||
        nd__gemm_f64(M, N, K, -1, ai, rsa, csa, br, rsb, csb, 1, ci, rsc, csc) < 0)
        return -1;
    return 0;
}

#define T double
#define SFX d
#define GEMM_SUB gemm_sub_d
#define CONJ(x) (x)
#define ABS(x) fabs(x)
#define RE(x) (x)
#include "decomp.inc"
#undef T
#undef SFX
#undef CONJ
#undef ABS
#undef RE
#undef GEMM_SUB

#define T nd__cplx
#define SFX z
#define GEMM_SUB gemm_sub_z
#define CONJ(x) conj(x)
#define ABS(x) cabs(x)
#define RE(x) creal(x)
#include "decomp.inc"
#undef T
#undef SFX
#undef CONJ
#undef ABS
#undef RE
#undef GEMM_SUB

/* Givens rotation G = [[c, s], [-conj(s), c]] with G [x; y] = [r; 0]. */
static void givens(nd__cplx x, nd__cplx y, double *c, nd__cplx *s) {
    double ax = cabs(x), ay = cabs(y);
    if (ay == 0) { *c = 1; *s = 0; return; }
    if (ax == 0) { *c = 0; *s = conj(y) / ay; return; }
    double r = hypot(ax, ay);
    *c = ax / r;
    *s = (x / ax) * conj(y) / r;
}

int nd__eig_z(int64_t n, nd__cplx *h, nd__cplx *w, nd__cplx *v) {
    if (n == 0) return 0;
    size_t zbytes = (size_t)(n * n) * sizeof(nd__cplx);
    nd__cplx *z = nd__malloc(zbytes), *x = nd__malloc((size_t)n * sizeof(nd__cplx));
    if (!z || !x) { nd__free(z, zbytes); nd__free(x, (size_t)n * sizeof(nd__cplx)); nd__nomem(); return -2; }
    memset(z, 0, zbytes);
    for (int64_t i = 0; i < n; i++) z[i * n + i] = 1;
    /* Hessenberg: reflector k zeros h[k+2.., k]; H := P^H H P, Z := Z P */
    for (int64_t k = 0; k + 2 < n; k++) {
        int64_t len = n - k - 1;
        for (int64_t i = 0; i < len; i++) x[i] = h[(k + 1 + i) * n + k];
        nd__cplx tau = reflector_z(len, x, 1);
        if (tau == 0) continue;
        nd__cplx beta = x[0];
        x[0] = 1;
        for (int64_t j = k; j < n; j++) { /* rows k+1..: h_j -= conj(tau) v (v^H h_j) */
            nd__cplx s = 0;
            for (int64_t i = 0; i < len; i++) s += conj(x[i]) * h[(k + 1 + i) * n + j];
            s *= conj(tau);
            for (int64_t i = 0; i < len; i++) h[(k + 1 + i) * n + j] -= s * x[i];
        }
        for (int64_t r = 0; r < n; r++) { /* columns k+1..: row r -= tau (row . v) v^H */
            nd__cplx *hr = h + r * n + k + 1, s = 0;
            for (int64_t i = 0; i < len; i++) s += hr[i] * x[i];
            s *= tau;
            for (int64_t i = 0; i < len; i++) hr[i] -= s * conj(x[i]);
            nd__cplx *zr = z + r * n + k + 1;
            s = 0;
            for (int64_t i = 0; i < len; i++) s += zr[i] * x[i];
            s *= tau;
            for (int64_t i = 0; i < len; i++) zr[i] -= s * conj(x[i]);
        }
        h[(k + 1) * n + k] = beta;
        for (int64_t i = 1; i < len; i++) h[(k + 1 + i) * n + k] = 0;
    }
    /* shifted QR on the active window [lo, hi], full Schur form kept for vectors */
    const double eps = 0x1p-52;
    double hnorm = 0;
    for (int64_t i = 0; i < n * n; i++) hnorm = fmax(hnorm, cabs(h[i]));
    int64_t hi = n - 1;
    int iter = 0, total = 0;
    while (hi >= 0) {
        int64_t l;
        for (l = hi; l > 0; l--) {
            double sd = cabs(h[l * n + l - 1]);
            double dd = cabs(h[(l - 1) * n + l - 1]) + cabs(h[l * n + l]);
            if (dd == 0) dd = hnorm;
            if (sd <= eps * dd) { h[l * n + l - 1] = 0; break; }
        }
        if (l == hi) { hi--; iter = 0; continue; }
        if (++total > 100 * n) { nd__free(z, zbytes); nd__free(x, (size_t)n * sizeof(nd__cplx)); return -1; }
        iter++;
        nd__cplx mu;
        if (iter % 10 == 0) { /* exceptional shift */
            mu = h[hi * n + hi] + 0.75 * cabs(h[hi * n + hi - 1]);
        } else { /* Wilkinson: eigenvalue of the trailing 2x2 nearer h[hi][hi] */
            nd__cplx a = h[(hi - 1) * n + hi - 1], b = h[(hi - 1) * n + hi], c = h[hi * n + hi - 1], d = h[hi * n + hi];
            nd__cplx tr = (a + d) / 2, disc = csqrt((a - d) * (a - d) / 4 + b * c);
            nd__cplx m1 = tr + disc, m2 = tr - disc;
            mu = cabs(m1 - d) < cabs(m2 - d) ? m1 : m2;
        }
        for (int64_t k = l; k < hi; k++) {
            nd__cplx xv, yv;
            if (k == l) { xv = h[l * n + l] - mu; yv = h[(l + 1) * n + l]; }
            else { xv = h[k * n + k - 1]; yv = h[(k + 1) * n + k - 1]; }
            double c;
            nd__cplx s;
            givens(xv, yv, &c, &s);
            for (int64_t j = k > l ? k - 1 : l; j < n; j++) { /* rows k, k+1 */
                nd__cplx t1 = h[k * n + j], t2 = h[(k + 1) * n + j];
                h[k * n + j] = c * t1 + s * t2;
                h[(k + 1) * n + j] = -conj(s) * t1 + c * t2;
            }
            if (k > l) h[(k + 1) * n + k - 1] = 0;
            int64_t rmax = k + 2 < hi ? k + 2 : hi;
            for (int64_t r = 0; r <= rmax; r++) { /* columns k, k+1 */
                nd__cplx t1 = h[r * n + k], t2 = h[r * n + k + 1];
                h[r * n + k] = t1 * c + t2 * conj(s);
                h[r * n + k + 1] = -t1 * s + t2 * c;
            }
            for (int64_t r = 0; r < n; r++) {
                nd__cplx t1 = z[r * n + k], t2 = z[r * n + k + 1];
                z[r * n + k] = t1 * c + t2 * conj(s);
                z[r * n + k + 1] = -t1 * s + t2 * c;
            }
        }
    }
    for (int64_t i = 0; i < n; i++) w[i] = h[i * n + i];
    if (v) {
        /* eigenvectors of the triangular T by back substitution, then V = Z X */
        double smin = fmax(eps * hnorm, 0x1p-1022);
        for (int64_t k = 0; k < n; k++) {
            for (int64_t i = 0; i < n; i++) x[i] = 0;
            x[k] = 1;
            for (int64_t i = k - 1; i >= 0; i--) {
                nd__cplx s = 0;
                for (int64_t j = i + 1; j <= k; j++) s += h[i * n + j] * x[j];
                nd__cplx d = h[i * n + i] - w[k];
                if (cabs(d) < smin) d = smin;
                x[i] = -s / d;
            }
            double nrm = 0;
            for (int64_t r = 0; r < n; r++) {
                nd__cplx s = 0;
                for (int64_t j = 0; j <= k; j++) s += z[r * n + j] * x[j];
                v[r * n + k] = s;
                nrm += creal(s * conj(s));
            }
            /* unit 2-norm, largest component real and positive (as LAPACK's zgeev) */
            nrm = sqrt(nrm);
            int64_t big = 0;
            for (int64_t r = 1; r < n; r++) if (cabs(v[r * n + k]) > cabs(v[big * n + k])) big = r;
            nd__cplx ph = v[big * n + k] == 0 ? 1 : conj(v[big * n + k]) / cabs(v[big * n + k]);
            double scl = nrm > 0 ? 1 / nrm : 1;
            for (int64_t r = 0; r < n; r++) v[r * n + k] *= ph * scl;
            v[big * n + k] = creal(v[big * n + k]);
        }
    }
    nd__free(z, zbytes);
    nd__free(x, (size_t)n * sizeof(nd__cplx));
    return 0;
}
