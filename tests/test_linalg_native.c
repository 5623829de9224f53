/* The native linear algebra kernels (src/linalg/decomp.inc) at sizes that reach their
 * blocked paths: SVD (bidiagonalization + bidiagonal QR), blocked Householder QR and
 * its Q.  The backend is forced to native.  Checks: residuals ||A - U S V^H|| / ||A||,
 * orthogonality of U, V, Q, singular values and |diag(R)| against NumPy's
 * (tests/golden/linalg_native/golden.txt, made by make_golden.py there), plus edge
 * cases (empty, 1x1, zero, rank-deficient, zero diagonal, NaN, stacked, strided). */
#include "check.h"
#include <complex.h>
#include <float.h>

typedef double complex cplx;

/* element i of the generator shared with make_golden.py (splitmix64 finalizer) */
static double gen1(uint64_t i, uint64_t seed) {
    uint64_t z = (i + seed * 1000003u + 1) * 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return (double)(z >> 11) * 0x1p-53 * 2 - 1;
}

static nd_array *gen(int64_t m, int64_t n, bool c, uint64_t seed) {
    nd_array *a = nd_zeros(ND_SHAPE(m, n), .dtype = c ? ND_COMPLEX128 : ND_FLOAT64);
    if (!a) return NULL;
    double *p = nd_data(a);
    for (int64_t i = 0; i < m * n * (c ? 2 : 1); i++) p[i] = gen1((uint64_t)i, seed);
    return a;
}

static nd_array *build(int64_t m, int64_t n, bool c, uint64_t seed, int64_t rank) {
    if (!rank) return gen(m, n, c, seed);
    nd_array *x = gen(m, rank, c, seed), *y = gen(rank, n, c, seed + 1), *a = nd_matmul(x, y);
    nd_free(x);
    nd_free(y);
    return a;
}

/* matrix b of a (m x n) stack as a contiguous complex copy */
static cplx *cmat(const nd_array *a, int64_t b, int64_t *m, int64_t *n) {
    int nd = nd_ndim(a);
    *m = nd_shape(a)[nd - 2];
    *n = nd_shape(a)[nd - 1];
    nd_array *c = nd_astype(a, ND_COMPLEX128, .order = 'C');
    cplx *out = malloc((size_t)(*m * *n) * sizeof(cplx) + 16);
    if (c && out) memcpy(out, (cplx *)nd_data(c) + b * *m * *n, (size_t)(*m * *n) * sizeof(cplx));
    nd_free(c);
    return out;
}

static double fro(const cplx *x, int64_t len) {
    double s = 0;
    for (int64_t i = 0; i < len; i++) s += creal(x[i] * conj(x[i]));
    return sqrt(s);
}

/* ||X^H X - I||_F for the columns of X (m x n) */
static double orth_err(const cplx *x, int64_t m, int64_t n) {
    double s = 0;
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < n; j++) {
            cplx d = 0;
            for (int64_t r = 0; r < m; r++) d += conj(x[r * n + i]) * x[r * n + j];
            d -= i == j;
            s += creal(d * conj(d));
        }
    return sqrt(s);
}

/* svd of a (stack allowed) in both modes: residual, orthogonality, descending s,
 * values-only s equal to the full call's.  Returns s (first matrix) or NULL. */
static nd_array *check_svd(const char *name, const nd_array *a) {
    int nd = nd_ndim(a);
    int64_t m = nd_shape(a)[nd - 2], n = nd_shape(a)[nd - 1], k = m < n ? m : n, nb = nd_size(a) / (m * n > 0 ? m * n : 1);
    if (m * n == 0) nb = 1;
    nd_array *first = NULL;
    for (int full = 0; full < 2; full++) {
        nd_array *u = NULL, *s = NULL, *vh = NULL;
        int rc = nd_linalg_svd(a, &u, &s, &vh, .reduced = !full);
        CHECK_MSG(rc == 0, "%s: svd failed: %s", name, nd_error_message());
        if (rc) continue;
        CHECK(nd_shape(u)[nd - 2] == m && nd_shape(u)[nd - 1] == (full ? m : k));
        CHECK(nd_shape(vh)[nd - 2] == (full ? n : k) && nd_shape(vh)[nd - 1] == n && nd_shape(s)[nd - 2] == k);
        nd_array *sv = nd_linalg_svdvals(a), *sd = nd_astype(s, ND_FLOAT64, .order = 'C');
        nd_array *svd2 = sv ? nd_astype(sv, ND_FLOAT64, .order = 'C') : NULL;
        for (int64_t b = 0; b < nb && m * n > 0; b++) {
            int64_t mm, nn, um, un, vm, vn;
            cplx *A = cmat(a, b, &mm, &nn), *U = cmat(u, b, &um, &un), *V = cmat(vh, b, &vm, &vn);
            const double *S = (const double *)nd_data(sd) + b * k, *S2 = svd2 ? (const double *)nd_data(svd2) + b * k : NULL;
            double an = fro(A, m * n), rs = 0;
            for (int64_t i = 0; i < m; i++)
                for (int64_t j = 0; j < n; j++) {
                    cplx z = A[i * n + j];
                    for (int64_t q = 0; q < k; q++) z -= U[i * un + q] * S[q] * V[q * n + j];
                    rs += creal(z * conj(z));
                }
            rs = sqrt(rs) / (an > 0 ? an : 1);
            CHECK_MSG(rs <= 1e-12, "%s full=%d b=%lld: residual %g", name, full, (long long)b, rs);
            /* orthonormal columns of U and rows of Vh (columns of Vh^T) */
            cplx *Vt = malloc((size_t)(vm * vn) * sizeof(cplx) + 16);
            for (int64_t i = 0; i < vm; i++)
                for (int64_t j = 0; j < vn; j++) Vt[j * vm + i] = V[i * vn + j];
            double ou = orth_err(U, um, un), ov = orth_err(Vt, vn, vm);
            CHECK_MSG(ou <= 1e-12 && ov <= 1e-12, "%s full=%d: orthogonality %g %g", name, full, ou, ov);
            bool desc = true, same = S2 != NULL;
            for (int64_t q = 0; q < k; q++) {
                if (q && S[q] > S[q - 1]) desc = false;
                if (!(S[q] >= 0)) desc = false;
                if (S2 && fabs(S2[q] - S[q]) > 1e-13 * S[0]) same = false;
            }
            CHECK_MSG(desc && same, "%s: descending %d, values-only equal %d", name, desc, same);
            free(A); free(U); free(V); free(Vt);
        }
        if (!first) first = s;
        else nd_free(s);
        nd_free(u); nd_free(vh); nd_free(sv); nd_free(sd); nd_free(svd2);
    }
    return first;
}

/* qr of a (one matrix) in reduced and complete modes: Q R = A, Q orthonormal, R upper
 * triangular.  Returns |diag(R)| as a malloc'ed array of min(m, n). */
static double *check_qr(const char *name, const nd_array *a) {
    int64_t m = nd_shape(a)[0], n = nd_shape(a)[1], k = m < n ? m : n;
    double *diag = calloc((size_t)k + 1, sizeof(double));
    for (int complete = 0; complete < 2; complete++) {
        nd_array *q = NULL, *r = NULL;
        int rc = nd_linalg_qr(a, &q, &r, .mode = complete ? ND_QR_COMPLETE : ND_QR_REDUCED);
        CHECK_MSG(rc == 0, "%s: qr failed: %s", name, nd_error_message());
        if (rc) continue;
        int64_t qm, qn, rm, rn, am, an;
        cplx *Q = cmat(q, 0, &qm, &qn), *R = cmat(r, 0, &rm, &rn), *A = cmat(a, 0, &am, &an);
        CHECK(qm == m && qn == (complete ? m : k) && rm == qn && rn == n);
        double rs = 0, low = 0;
        for (int64_t i = 0; i < m; i++)
            for (int64_t j = 0; j < n; j++) {
                cplx z = A[i * n + j];
                for (int64_t q2 = 0; q2 < qn; q2++) z -= Q[i * qn + q2] * R[q2 * n + j];
                rs += creal(z * conj(z));
            }
        for (int64_t i = 0; i < rm; i++)
            for (int64_t j = 0; j < i && j < rn; j++) low += cabs(R[i * rn + j]);
        double nrm = fro(A, m * n);
        rs = sqrt(rs) / (nrm > 0 ? nrm : 1);
        double oq = orth_err(Q, qm, qn);
        CHECK_MSG(rs <= 1e-12 && oq <= 1e-12 && low == 0, "%s complete=%d: residual %g orth %g lower %g", name, complete,
                  rs, oq, low);
        for (int64_t i = 0; i < k; i++) diag[i] = cabs(R[i * rn + i]);
        free(Q); free(R); free(A);
        nd_free(q); nd_free(r);
    }
    return diag;
}

static void test_golden(void) {
    char path[600];
    snprintf(path, sizeof path, "%s/linalg_native/golden.txt", ND_GOLDEN_DIR);
    FILE *f = fopen(path, "r");
    CHECK_MSG(f != NULL, "cannot open %s", path);
    if (!f) return;
    char kind[8], name[64];
    long long m, n, c, seed, rank, cnt;
    int cases = 0;
    while (fscanf(f, "%7s %63s %lld %lld %lld %lld %lld %lld", kind, name, &m, &n, &c, &seed, &rank, &cnt) == 8) {
        double *g = malloc((size_t)cnt * sizeof(double) + 8);
        for (long long i = 0; i < cnt; i++)
            if (fscanf(f, "%lf", &g[i]) != 1) g[i] = NAN;
        nd_array *a = build(m, n, c, (uint64_t)seed, rank);
        if (!strcmp(kind, "svd")) {
            nd_array *s = check_svd(name, a);
            const double *sv = s ? nd_data(s) : NULL;
            for (long long i = 0; sv && i < cnt; i++) /* rtol 1e-12, and eps-level noise of tiny values */
                CHECK_MSG(fabs(sv[i] - g[i]) <= 1e-12 * g[i] + 16 * DBL_EPSILON * g[0], "%s s[%lld] %.17g vs %.17g", name, i,
                          sv[i], g[i]);
            nd_free(s);
        } else {
            double *d = check_qr(name, a);
            for (long long i = 0; i < cnt; i++)
                CHECK_MSG(fabs(d[i] - g[i]) <= 1e-10 * g[i] + 64 * DBL_EPSILON * g[0], "%s |R[%lld,%lld]| %.17g vs %.17g", name, i, i,
                          d[i], g[i]);
            free(d);
        }
        nd_free(a);
        free(g);
        cases++;
    }
    fclose(f);
    CHECK(cases >= 20);
}

static void test_edges(void) {
    /* empty: s of length 0, U and V identities of the full shapes */
    int64_t shapes[][2] = { { 0, 0 }, { 0, 3 }, { 3, 0 } };
    for (int i = 0; i < 3; i++) {
        nd_array *a = nd_zeros(ND_SHAPE(shapes[i][0], shapes[i][1])), *u = NULL, *s = NULL, *vh = NULL;
        CHECK(nd_linalg_svd(a, &u, &s, &vh) == 0);
        CHECK(s && nd_size(s) == 0 && u && nd_shape(u)[0] == shapes[i][0] && vh && nd_shape(vh)[0] == shapes[i][1]);
        if (u && nd_size(u) == 9) CHECK(((double *)nd_data(u))[0] == 1 && ((double *)nd_data(u))[4] == 1);
        if (vh && nd_size(vh) == 9) CHECK(((double *)nd_data(vh))[8] == 1);
        nd_free(u); nd_free(s); nd_free(vh); nd_free(a);
    }
    /* zero matrix: all-zero s, orthonormal U and V */
    nd_array *z = nd_zeros(ND_SHAPE(70, 50)), *s = check_svd("zeros", z);
    CHECK(s && ((double *)nd_data(s))[0] == 0);
    nd_free(s); nd_free(z);
    /* 1x1 complex: s = |a| */
    nd_array *c1 = ND_ARRAY(double complex, ND_SHAPE(1, 1), 3 - 4 * I);
    s = check_svd("c1x1", c1);
    CHECK(s && fabs(((double *)nd_data(s))[0] - 5) < 1e-15);
    nd_free(s); nd_free(c1);
    /* already bidiagonal with zeros on the diagonal (the deflation paths) */
    nd_array *b1 = ND_ARRAY(double, ND_SHAPE(4, 4), 0, 1, 0, 0, 0, 2, 1, 0, 0, 0, 0, 3, 0, 0, 0, 0);
    s = check_svd("zero diagonal", b1);
    if (s) { /* B^T B has eigenvalues from the 2x2 blocks: singular values known */
        const double *sv = nd_data(s);
        CHECK(sv[3] < 1e-15 && fabs(sv[0] * sv[0] + sv[1] * sv[1] + sv[2] * sv[2] - 15) < 1e-12);
    }
    nd_free(s); nd_free(b1);
    nd_array *b2 = ND_ARRAY(double, ND_SHAPE(3, 3), 2, 1, 0, 0, 0, 1, 0, 0, 5);
    s = check_svd("middle zero", b2);
    nd_free(s); nd_free(b2);
    /* repeated singular values: 3 I (150 x 150), and a diagonal with mixed signs */
    nd_array *e3 = nd_eye(150);
    nd_array *three = nd_multiply(e3, 3.0);
    s = check_svd("3I", three);
    CHECK(s && ((double *)nd_data(s))[149] == 3 && ((double *)nd_data(s))[0] == 3);
    nd_free(s); nd_free(three); nd_free(e3);
    /* graded columns (1 .. 1e-12): small values keep their relative accuracy roughly */
    nd_array *g = gen(80, 60, false, 77);
    double *gp = nd_data(g);
    for (int64_t i = 0; i < 80; i++)
        for (int64_t j = 0; j < 60; j++) gp[i * 60 + j] *= pow(10.0, -12.0 * (double)j / 59);
    s = check_svd("graded", g);
    nd_free(s); nd_free(g);
    /* NaN input: LinAlgError as NumPy (LAPACK does not converge) */
    nd_array *nn = gen(6, 5, false, 3);
    ((double *)nd_data(nn))[7] = NAN;
    nd_array *u = NULL, *vh = NULL;
    s = NULL;
    CHECK_ERR(nd_linalg_svd(nn, &u, &s, &vh), ND_ERR_LINALG, "SVD did not converge");
    CHECK_ERR(nd_linalg_svdvals(nn), ND_ERR_LINALG, "SVD did not converge");
    /* inf without NaN: NumPy (LAPACK) returns NaN singular values, no error; the
     * kernel does so, the caller may still refuse non-finite input: either, no crash */
    ((double *)nd_data(nn))[7] = INFINITY;
    nd_array *si = nd_linalg_svdvals(nn);
    CHECK(si ? nd_size(si) == 5 && isnan(((double *)nd_data(si))[0]) && isnan(((double *)nd_data(si))[4])
             : nd_error() == ND_ERR_LINALG);
    nd_error_clear();
    nd_free(si);
    nd_free(nn);
}

static void test_layouts(void) {
    /* stacked (3 x 45 x 70 complex), transposed and reversed views, float32 */
    nd_array *a = gen(3 * 45, 70, true, 21), *st = nd_reshape(a, ND_SHAPE(3, 45, 70));
    nd_array *s = check_svd("stack", st);
    nd_free(s);
    nd_array *tr = nd_swapaxes(st, -1, -2); /* 3 x 70 x 45, non-contiguous */
    s = check_svd("stack^T", tr);
    nd_free(s); nd_free(tr);
    nd_array *b = gen(90, 120, false, 22);
    nd_array *rev = nd_index_get(b, 2, (nd_index[]){ ND_S(89, 0, -2), ND_S(119, 0, -3) }); /* 45 x 40, negative strides */
    s = check_svd("reversed", rev);
    double *d = rev ? check_qr("reversed", rev) : NULL;
    free(d);
    nd_free(s);
    nd_array *f = nd_astype(b, ND_FLOAT32);
    nd_array *u = NULL, *sv = NULL, *vh = NULL;
    CHECK(nd_linalg_svd(f, &u, &sv, &vh) == 0 && nd_dtype(sv) == ND_FLOAT32 && nd_dtype(u) == ND_FLOAT32);
    nd_free(u); nd_free(sv); nd_free(vh); nd_free(f);
    /* qr raw of a tall complex matrix beyond the block size: h has the reflectors */
    nd_array *cq = gen(150, 100, true, 23), *h = NULL, *tau = NULL;
    CHECK(nd_linalg_qr(cq, &h, &tau, .mode = ND_QR_RAW) == 0 && h && nd_shape(h)[0] == 100 && nd_shape(tau)[0] == 100);
    double *dq = check_qr("cq150x100", cq);
    free(dq);
    nd_free(h); nd_free(tau); nd_free(cq);
    nd_free(rev); nd_free(b); nd_free(st); nd_free(a);
}

/* eigh at sizes where the QL rotations are queued (many sweeps): A V = V diag(w) */
static void test_eigh(void) {
    for (int c = 0; c < 2; c++) {
        int64_t n = 150;
        nd_array *g = gen(n, n, c, 31 + (uint64_t)c), *gh = nd_matrix_transpose(g);
        nd_array *gc = c ? nd_conj(gh) : nd_astype(gh, nd_dtype(g)), *a = nd_add(g, gc);
        nd_array *w = NULL, *v = NULL;
        CHECK(nd_linalg_eigh(a, &w, &v) == 0);
        if (w && v) {
            int64_t m1, n1;
            cplx *A = cmat(a, 0, &m1, &n1), *V = cmat(v, 0, &m1, &n1);
            const double *W = nd_data(w);
            double rs = 0, an = fro(A, n * n);
            bool asc = true;
            for (int64_t j = 0; j < n; j++) {
                if (j && W[j] < W[j - 1]) asc = false;
                for (int64_t i = 0; i < n; i++) {
                    cplx z = -W[j] * V[i * n + j];
                    for (int64_t q = 0; q < n; q++) z += A[i * n + q] * V[q * n + j];
                    rs += creal(z * conj(z));
                }
            }
            rs = sqrt(rs) / an;
            double ov = orth_err(V, n, n);
            CHECK_MSG(asc && rs <= 1e-12 && ov <= 1e-12, "eigh %s: residual %g orth %g ascending %d", c ? "complex" : "real",
                      rs, ov, asc);
            free(A); free(V);
        }
        nd_free(w); nd_free(v); nd_free(a); nd_free(gc); nd_free(gh); nd_free(g);
    }
}

int main(void) {
    if (nd_linalg_set_backend(ND_LINALG_NATIVE) < 0) return CHECK_SKIP;
    test_golden();
    test_edges();
    test_layouts();
    test_eigh();
    return check_done();
}
