/* bench_linalg: products, np.linalg and einsum (issue 7).  Layout "C" runs the
 * default backend (LAPACK/BLAS when nd has it); layout "native" forces nd's own
 * kernels, timed against the same NumPy (OpenBLAS) statement. */
#include "bench.h"

static int set_backend(const bench_case *c) {
    return nd_linalg_set_backend(strcmp(c->def->layout, "native") == 0 ? ND_LINALG_NATIVE : ND_LINALG_AUTO);
}

/* a: the bench formula in the shape (float64, or float32 when the row says so) */
static int setup_sq(bench_case *c) {
    if (set_backend(c) < 0) return -1;
    nd_array *a = bench_array(ND_FLOAT64, c->shape.ndim, c->shape.d);
    if (!a) return -1;
    if (!strcmp(c->def->dtype, "float32")) {
        c->a = nd_astype(a, ND_FLOAT32);
        nd_free(a);
        return c->a ? 0 : -1;
    }
    c->a = a;
    return 0;
}

/* The bench formula is nearly low-rank (a sawtooth in i): a + 1000 n I is well
 * conditioned, so solve/inv/det compare meaningfully. */
static int setup_wc(bench_case *c) {
    if (setup_sq(c) < 0) return -1;
    int64_t n = c->shape.d[0];
    for (int64_t i = 0; i < n; i++) ((double *)nd_data(c->a))[i * n + i] += 1000.0 * (double)n;
    return 0;
}

/* b: a vector of the matrix's order for solve */
static int setup_solve(bench_case *c) {
    if (setup_wc(c) < 0) return -1;
    c->b = bench_array(ND_FLOAT64, 1, &c->shape.d[0]);
    return c->b ? 0 : -1;
}

/* a positive definite matrix for cholesky: a a^T + n I */
static int setup_spd(bench_case *c) {
    if (setup_sq(c) < 0) return -1;
    nd_array *at = nd_T(c->a), *p = nd_matmul(c->a, at);
    nd_free(at);
    if (!p) return -1;
    for (int64_t i = 0; i < c->shape.d[0]; i++) ((double *)nd_data(p))[i * c->shape.d[0] + i] += (double)c->shape.d[0];
    nd_free(c->a);
    c->a = p;
    return 0;
}

/* einsum 'bij,bjk->bik' and 'ij,ij->i': a and b of the same shape */
static int setup_pair(bench_case *c) {
    if (setup_sq(c) < 0) return -1;
    c->b = nd_ref(c->a);
    return 0;
}

static void teardown(bench_case *c) { (void)c; nd_linalg_set_backend(ND_LINALG_AUTO); }

static int run_matmul(bench_case *c) { return (c->res = nd_matmul(c->a, c->a)) ? 0 : -1; }
static int run_solve(bench_case *c) { return (c->res = nd_linalg_solve(c->a, c->b)) ? 0 : -1; }
static int run_inv(bench_case *c) { return (c->res = nd_linalg_inv(c->a)) ? 0 : -1; }
static int run_det(bench_case *c) { return (c->res = nd_linalg_det(c->a)) ? 0 : -1; }
static int run_cholesky(bench_case *c) { return (c->res = nd_linalg_cholesky(c->a)) ? 0 : -1; }
static int run_svd(bench_case *c) {
    nd_array *u = NULL, *vh = NULL;
    int r = nd_linalg_svd(c->a, &u, &c->res, &vh);
    nd_free(u);
    nd_free(vh);
    return r;
}
static int run_eigh(bench_case *c) {
    nd_array *v = NULL;
    int r = nd_linalg_eigh(c->a, &c->res, &v);
    nd_free(v);
    return r;
}
static int run_qr(bench_case *c) {
    nd_array *q = NULL;
    int r = nd_linalg_qr(c->a, &q, &c->res);
    nd_free(q);
    return r;
}
static int run_einsum_mm(bench_case *c) { return (c->res = nd_einsum("ij,jk->ik", c->a, c->a)) ? 0 : -1; }
static int run_einsum_bmm(bench_case *c) { return (c->res = nd_einsum("bij,bjk->bik", c->a, c->b)) ? 0 : -1; }
static int run_einsum_rowdot(bench_case *c) { return (c->res = nd_einsum("ij,ij->i", c->a, c->b)) ? 0 : -1; }

#define B3(a, b, c) { 3, { (a), (b), (c) } }
#define SQ(n) BENCH_2D(n, n)
#define TOL 1e-6

static const bench_def defs[] = {
    { "matmul", "float64", "C", setup_sq, run_matmul, teardown, { SQ(256), SQ(1024), SQ(2048) }, { SQ(3), SQ(70) }, TOL },
    { "matmul", "float32", "C", setup_sq, run_matmul, teardown, { SQ(256), SQ(1024), SQ(2048) }, { SQ(3), SQ(70) }, 1e-3 },
    { "matmul", "float64", "native", setup_sq, run_matmul, teardown, { SQ(256), SQ(1024), SQ(2048) }, { SQ(3), SQ(70) }, TOL },
    { "matmul", "float32", "native", setup_sq, run_matmul, teardown, { SQ(1024) }, { SQ(70) }, 1e-3 },
    { "matmul", "float64", "C", setup_sq, run_matmul, teardown, { B3(100000, 4, 4), B3(100000, 16, 16) }, { B3(3, 4, 4) }, TOL },
    { "solve", "float64", "C", setup_solve, run_solve, teardown, { SQ(500) }, { SQ(4) }, TOL },
    { "solve", "float64", "native", setup_solve, run_solve, teardown, { SQ(500) }, { SQ(4) }, TOL },
    { "inv", "float64", "C", setup_wc, run_inv, teardown, { SQ(500) }, { SQ(4) }, TOL },
    { "inv", "float64", "native", setup_wc, run_inv, teardown, { SQ(500) }, { SQ(4) }, TOL },
    { "det", "float64", "C", setup_wc, run_det, teardown, { SQ(500) }, { SQ(4) }, TOL },
    { "det", "float64", "native", setup_wc, run_det, teardown, { SQ(500) }, { SQ(4) }, TOL },
    { "cholesky", "float64", "C", setup_spd, run_cholesky, teardown, { SQ(500) }, { SQ(4) }, TOL },
    { "cholesky", "float64", "native", setup_spd, run_cholesky, teardown, { SQ(500) }, { SQ(4) }, TOL },
    { "qr", "float64", "C", setup_sq, run_qr, teardown, { SQ(500) }, { SQ(4) }, TOL },
    { "qr", "float64", "native", setup_sq, run_qr, teardown, { SQ(500) }, { SQ(4) }, TOL },
    { "svd", "float64", "C", setup_sq, run_svd, teardown, { SQ(500) }, { SQ(4) }, TOL },
    { "svd", "float64", "native", setup_sq, run_svd, teardown, { SQ(500) }, { SQ(4) }, TOL },
    { "eigh", "float64", "C", setup_sq, run_eigh, teardown, { SQ(500) }, { SQ(4) }, TOL },
    { "eigh", "float64", "native", setup_sq, run_eigh, teardown, { SQ(500) }, { SQ(4) }, TOL },
    { "einsum_ij,jk->ik", "float64", "C", setup_sq, run_einsum_mm, teardown, { SQ(1024) }, { SQ(5) }, TOL },
    { "einsum_bij,bjk->bik", "float64", "C", setup_pair, run_einsum_bmm, teardown, { B3(100, 64, 64) }, { B3(2, 3, 3) }, TOL },
    { "einsum_ij,ij->i", "float64", "C", setup_pair, run_einsum_rowdot, teardown, { SQ(1000) }, { SQ(5) }, TOL },
};

int main(int argc, char **argv) {
    return bench_main(argc, argv, "bench_linalg", defs, (int)(sizeof defs / sizeof defs[0]));
}
