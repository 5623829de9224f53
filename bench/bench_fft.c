/* bench_fft: np.fft (issue 9).  bench/numpy_bench.py runs the same rows with NumPy.
 *
 * Complex results are returned as their float64/float32 view (the harness dumps real
 * arrays only; a view costs ~100 ns, nothing next to a transform); numpy_bench.py
 * takes the same view in --smoke mode.  Complex inputs are the float64 formula of bench.h read as complex128
 * (element k = values 2k, 2k+1), so both sides transform the same bits. */
#include "bench.h"

static int setup_c128(bench_case *c) {
    int64_t d[4];
    for (int i = 0; i < c->shape.ndim; i++) d[i] = c->shape.d[i];
    d[c->shape.ndim - 1] *= 2;
    nd_array *f = bench_array(ND_FLOAT64, c->shape.ndim, d);
    if (!f) return -1;
    c->a = nd_view(f, ND_COMPLEX128);
    nd_free(f);
    return c->a ? 0 : -1;
}
static int setup_f64(bench_case *c) { return (c->a = bench_array(ND_FLOAT64, c->shape.ndim, c->shape.d)) ? 0 : -1; }
static int setup_f32(bench_case *c) {
    nd_array *f = bench_array(ND_FLOAT64, c->shape.ndim, c->shape.d);
    if (!f) return -1;
    c->a = nd_astype(f, ND_FLOAT32);
    nd_free(f);
    return c->a ? 0 : -1;
}
/* irfft's input: rfft of the float64 formula (the row's shape is irfft's output). */
static int setup_irfft(bench_case *c) {
    if (setup_f64(c) < 0) return -1;
    nd_array *x = nd_fft_rfft(c->a);
    nd_free(c->a);
    c->a = x;
    return x ? 0 : -1;
}

/* A complex result as its real view (see the top). */
static int as_real(bench_case *c, nd_array *r) {
    if (!r) return -1;
    c->res = nd_view(r, nd_dtype_type(nd_dtype(r)) == ND_TYPE_COMPLEX64 ? ND_FLOAT32 : ND_FLOAT64);
    nd_free(r);
    return c->res ? 0 : -1;
}

static int run_fft(bench_case *c) { return as_real(c, nd_fft_fft(c->a)); }
static int run_rfft(bench_case *c) { return as_real(c, nd_fft_rfft(c->a)); }
static int run_fft2(bench_case *c) { return as_real(c, nd_fft_fft2(c->a)); }
static int run_irfft(bench_case *c) {
    return (c->res = nd_fft_irfft(c->a, .n = c->shape.d[c->shape.ndim - 1])) ? 0 : -1;
}

#define TOL 1e-9

static const bench_def defs[] = {
    { "fft", "complex128", "C", setup_c128, run_fft, NULL,
      { BENCH_1D(1024), BENCH_1D(65536), BENCH_1D(1048576), BENCH_1D(1000), BENCH_1D(1000003) },
      { BENCH_1D(1), BENCH_1D(8), BENCH_1D(12), BENCH_1D(97), BENCH_1D(1000) }, TOL },
    { "rfft", "float64", "C", setup_f64, run_rfft, NULL,
      { BENCH_1D(1048576) }, { BENCH_1D(1), BENCH_1D(16), BENCH_1D(15) }, TOL },
    { "irfft", "complex128->float64", "C", setup_irfft, run_irfft, NULL,
      { BENCH_1D(1048576) }, { BENCH_1D(2), BENCH_1D(16), BENCH_1D(15) }, TOL },
    { "fft2", "complex128", "C", setup_c128, run_fft2, NULL,
      { BENCH_2D(1024, 1024), BENCH_2D(1000, 1000) }, { BENCH_2D(4, 8), BENCH_2D(5, 3) }, TOL },
    { "rfft", "float32", "C", setup_f32, run_rfft, NULL,
      { BENCH_1D(1048576) }, { BENCH_1D(16), BENCH_1D(15) }, 1e-5 },
};

int main(int argc, char **argv) {
    return bench_main(argc, argv, "bench_fft", defs, (int)(sizeof defs / sizeof defs[0]));
}
