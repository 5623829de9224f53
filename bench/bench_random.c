/* bench_random: np.random (issue 8): Generator methods on default_rng(42) and the
 * legacy global functions after np.random.seed(42).  Each row's setup seeds a fresh
 * generator, so the smoke run (one call) compares nd's numbers with NumPy's exactly.
 * bench/numpy_bench.py has the NumPy statements of the same rows. */
#include "bench.h"

/* The generator of the row being run (the harness runs one row at a time). */
static nd_rng *rng;

static int setup_rng(bench_case *c) {
    nd_rng_free(rng);
    rng = nd_random_default_rng(42);
    return rng ? 0 : -1;
}
static void teardown_rng(bench_case *c) {
    nd_rng_free(rng);
    rng = NULL;
}
static int setup_legacy(bench_case *c) { return nd_random_seed(42); }

/* choice's p: p[i] proportional to i + 1 over 1000 outcomes. */
static int setup_choice_p(bench_case *c) {
    if (setup_rng(c) < 0) return -1;
    double p[1000], s = 0;
    for (int i = 0; i < 1000; i++) s += (p[i] = i + 1);
    for (int i = 0; i < 1000; i++) p[i] /= s;
    c->b = nd_from_data(p, ND_SHAPE(1000), ND_FLOAT64);
    return c->b ? 0 : -1;
}

/* shuffle works in place on arange(n). */
static int setup_shuffle(bench_case *c) {
    if (setup_rng(c) < 0) return -1;
    c->a = nd_arange(0, c->size, 1);
    return c->a ? 0 : -1;
}

#define SZ(c) .size = ND_SHAPE((c)->size)
#define RES(expr) return (c->res = (expr)) ? 0 : -1

static int run_random(bench_case *c) { RES(nd_random_random(rng, SZ(c))); }
static int run_random_f32(bench_case *c) { RES(nd_random_random(rng, SZ(c), .dtype = ND_FLOAT32)); }
static int run_stdnorm(bench_case *c) { RES(nd_random_standard_normal(rng, SZ(c))); }
static int run_normal(bench_case *c) { RES(nd_random_normal(rng, 1.0, 2.0, SZ(c))); }
static int run_uniform(bench_case *c) { RES(nd_random_uniform(rng, -1.0, 3.0, SZ(c))); }
static int run_exponential(bench_case *c) { RES(nd_random_exponential(rng, 2.0, SZ(c))); }
static int run_int_small(bench_case *c) { RES(nd_random_integers(rng, 0, 1000, SZ(c))); }
static int run_int_big(bench_case *c) { RES(nd_random_integers(rng, 0, 1LL << 40, SZ(c))); }
static int run_int_i32(bench_case *c) { RES(nd_random_integers(rng, 0, 1000, SZ(c), .dtype = ND_INT32)); }
static int run_choice(bench_case *c) { RES(nd_random_choice(rng, 1000, SZ(c))); }
static int run_choice_p(bench_case *c) { RES(nd_random_choice(rng, 1000, SZ(c), .p = c->b)); }
static int run_shuffle(bench_case *c) {
    c->res = c->a;
    c->res_borrowed = true;
    return nd_random_shuffle(rng, c->a);
}
static int run_rand(bench_case *c) { RES(nd_random_rand(ND_SHAPE(c->size))); }
static int run_randn(bench_case *c) { RES(nd_random_randn(ND_SHAPE(c->size))); }

#define BIG BENCH_1D(100000), BENCH_1D(10000000)
#define MID BENCH_1D(100000), BENCH_1D(1000000)
#define SMOKE BENCH_1D(1), BENCH_1D(7), BENCH_1D(1000)

static const bench_def defs[] = {
    { "random.random", "float64", "C", setup_rng, run_random, teardown_rng, { BIG }, { SMOKE } },
    { "random.random", "float32", "C", setup_rng, run_random_f32, teardown_rng, { BIG }, { SMOKE } },
    { "random.standard_normal", "float64", "C", setup_rng, run_stdnorm, teardown_rng, { BIG }, { SMOKE } },
    { "random.normal", "float64", "C", setup_rng, run_normal, teardown_rng, { MID }, { SMOKE } },
    { "random.uniform", "float64", "C", setup_rng, run_uniform, teardown_rng, { BIG }, { SMOKE } },
    { "random.exponential", "float64", "C", setup_rng, run_exponential, teardown_rng, { BIG }, { SMOKE } },
    { "random.integers", "int64 [0,1000)", "C", setup_rng, run_int_small, teardown_rng, { BIG }, { SMOKE } },
    { "random.integers", "int64 [0,2^40)", "C", setup_rng, run_int_big, teardown_rng, { BIG }, { SMOKE } },
    { "random.integers", "int32 [0,1000)", "C", setup_rng, run_int_i32, teardown_rng, { BIG }, { SMOKE } },
    { "random.choice", "int64 1000", "C", setup_rng, run_choice, teardown_rng, { MID }, { SMOKE } },
    { "random.choice", "int64 1000 p", "C", setup_choice_p, run_choice_p, teardown_rng, { MID }, { SMOKE } },
    { "random.shuffle", "int64", "C", setup_shuffle, run_shuffle, teardown_rng, { BIG }, { SMOKE } },
    { "random.rand", "float64", "legacy", setup_legacy, run_rand, NULL, { BIG }, { SMOKE } },
    { "random.randn", "float64", "legacy", setup_legacy, run_randn, NULL, { BIG }, { SMOKE } },
};

int main(int argc, char **argv) {
    int r = bench_main(argc, argv, "bench_random", defs, (int)(sizeof defs / sizeof defs[0]));
    nd_rng_free(rng);
    return r;
}
