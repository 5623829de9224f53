/* bench_manip: shape manipulation (issue 5): concatenate, stack, tile, repeat, pad and
 * roll.  Shapes are the result's; bench/numpy_bench.py has the NumPy statements. */
#include "bench.h"

/* concatenate / stack inputs: 10 equal pieces of one array (views, as np.split). */
#define NPARTS 10
static nd_array *parts[NPARTS];

static int setup_parts(bench_case *c) {
    int64_t n = c->size;
    nd_array *base = bench_array(ND_FLOAT64, 1, &n);
    if (!base) return -1;
    int k = nd_split(base, NPARTS, parts);
    c->a = base;
    return k == NPARTS ? 0 : -1;
}
static void teardown_parts(bench_case *c) {
    for (int i = 0; i < NPARTS; i++) { nd_free(parts[i]); parts[i] = NULL; }
}
static int run_concat(bench_case *c) { return (c->res = nd_concatenate(parts, NPARTS)) ? 0 : -1; }
static int run_stack(bench_case *c) { return (c->res = nd_stack(parts, NPARTS)) ? 0 : -1; }

/* tile x10 / repeat x2: the input is the result's size divided by the factor */
static int setup_tenth(bench_case *c) {
    int64_t n = c->size / 10;
    return (c->a = bench_array(ND_FLOAT64, 1, &n)) ? 0 : -1;
}
static int setup_half(bench_case *c) {
    int64_t n = c->size / 2;
    return (c->a = bench_array(ND_FLOAT64, 1, &n)) ? 0 : -1;
}
static int run_tile(bench_case *c) { return (c->res = nd_tile(c->a, ND_INTS(10))) ? 0 : -1; }
static int run_repeat(bench_case *c) { return (c->res = nd_repeat(c->a, 2)) ? 0 : -1; }

/* pad 8 on every side: the input is 16 shorter on each axis */
static int setup_pad(bench_case *c) {
    int64_t d[2] = { c->shape.d[0] - 16, c->shape.d[1] - 16 };
    return (c->a = bench_array(ND_FLOAT64, 2, d)) ? 0 : -1;
}
static int run_pad_const(bench_case *c) { return (c->res = nd_pad(c->a, ND_INTS(8))) ? 0 : -1; }
static int run_pad_reflect(bench_case *c) { return (c->res = nd_pad(c->a, ND_INTS(8), .mode = ND_PAD_REFLECT)) ? 0 : -1; }

static int setup_f64(bench_case *c) { return (c->a = bench_array(ND_FLOAT64, c->shape.ndim, c->shape.d)) ? 0 : -1; }
static int run_roll(bench_case *c) { return (c->res = nd_roll(c->a, ND_INTS(12345))) ? 0 : -1; }
static int run_roll2(bench_case *c) { return (c->res = nd_roll(c->a, ND_INTS(5, 7), .axis = ND_AXIS(0, 1))) ? 0 : -1; }

static const bench_def defs[] = {
    { "concatenate", "float64", "10 parts", setup_parts, run_concat, teardown_parts,
      { BENCH_1D(1000), BENCH_1D(100000), BENCH_1D(10000000) }, { BENCH_1D(10), BENCH_1D(30) } },
    { "stack", "float64", "10 parts", setup_parts, run_stack, teardown_parts,
      { BENCH_2D(10, 100), BENCH_2D(10, 10000), BENCH_2D(10, 1000000) }, { BENCH_2D(10, 1), BENCH_2D(10, 3) } },
    { "tile", "float64", "x10", setup_tenth, run_tile, NULL,
      { BENCH_1D(1000), BENCH_1D(100000), BENCH_1D(10000000) }, { BENCH_1D(10), BENCH_1D(70) } },
    { "repeat", "float64", "x2", setup_half, run_repeat, NULL,
      { BENCH_1D(1000), BENCH_1D(100000), BENCH_1D(10000000) }, { BENCH_1D(2), BENCH_1D(14) } },
    { "pad", "float64", "constant 8", setup_pad, run_pad_const, NULL,
      { BENCH_2D(48, 48), BENCH_2D(332, 332), BENCH_2D(2016, 2016), BENCH_2D(3178, 3178) },
      { BENCH_2D(17, 17), BENCH_2D(20, 25) } },
    { "pad", "float64", "reflect 8", setup_pad, run_pad_reflect, NULL,
      { BENCH_2D(48, 48), BENCH_2D(332, 332), BENCH_2D(2016, 2016), BENCH_2D(3178, 3178) },
      { BENCH_2D(25, 25), BENCH_2D(30, 26) } },
    { "roll", "float64", "C", setup_f64, run_roll, NULL,
      { BENCH_1D(1000), BENCH_1D(100000), BENCH_1D(10000000) }, { BENCH_1D(7), BENCH_1D(20000) } },
    { "roll", "float64", "2-d (5, 7)", setup_f64, run_roll2, NULL,
      { BENCH_2D(32, 32), BENCH_2D(316, 316), BENCH_2D(3162, 3162) }, { BENCH_2D(8, 9), BENCH_2D(3, 4) } },
};

int main(int argc, char **argv) {
    return bench_main(argc, argv, "bench_manip", defs, (int)(sizeof defs / sizeof defs[0]));
}
