/* bench_ufunc: elementwise ufuncs and reductions (issue 4) side by side with NumPy.
 * bench/numpy_bench.py runs the same rows; see bench.h and bench/README.md. */
#include "bench.h"

/* inputs: a (and b) of the row's dtype; float32 / int64 are the float64 / int32
 * formulas cast (numpy_bench.py does the same) */
static int make(bench_case *c, const char *dt, nd_array **dst, int ndim, const int64_t *dims) {
    bool f = !strcmp(dt, "float64") || !strcmp(dt, "float32");
    nd_array *base = bench_array(f ? ND_FLOAT64 : ND_INT32, ndim, dims);
    if (!base) return -1;
    const nd_dtype_t *d = nd_dtype_parse(dt);
    *dst = nd_astype(base, d);
    nd_free(base);
    return *dst ? 0 : -1;
}

/* the element dtype of a row: "float64" or the first of "float32+float64" */
static void first_dtype(const bench_case *c, char *buf) {
    snprintf(buf, 16, "%s", c->def->dtype);
    char *p = strchr(buf, '+');
    if (p) *p = 0;
}

static int setup_ab(bench_case *c) {
    char dt[16];
    first_dtype(c, dt);
    const char *p = strchr(c->def->dtype, '+');
    if (make(c, dt, &c->a, c->shape.ndim, c->shape.d) < 0) return -1;
    return make(c, p ? p + 1 : dt, &c->b, c->shape.ndim, c->shape.d);
}
static int setup_a(bench_case *c) {
    char dt[16];
    first_dtype(c, dt);
    return make(c, dt, &c->a, c->shape.ndim, c->shape.d);
}
/* b is one row (shape (n,)) or one column (shape (m, 1)) of a 2-d a */
static int setup_row(bench_case *c) {
    if (setup_a(c) < 0) return -1;
    return make(c, c->def->dtype, &c->b, 1, &c->shape.d[1]);
}
static int setup_col(bench_case *c) {
    if (setup_a(c) < 0) return -1;
    int64_t d[2] = { c->shape.d[0], 1 };
    return make(c, c->def->dtype, &c->b, 2, d);
}

static int run_add(bench_case *c) { return (c->res = nd_add(c->a, c->b)) ? 0 : -1; }
static int run_mul(bench_case *c) { return (c->res = nd_multiply(c->a, c->b)) ? 0 : -1; }
static int run_div(bench_case *c) { return (c->res = nd_divide(c->a, c->b)) ? 0 : -1; }
static int run_mul_scalar(bench_case *c) { return (c->res = nd_multiply(c->a, 2.5)) ? 0 : -1; }
static int run_add_inplace(bench_case *c) {
    c->res = c->a;
    c->res_borrowed = true;
    return nd_add(c->a, c->b, .out = c->a) ? 0 : -1;
}
/* bool results are released inside the call and `a` is what smoke mode compares
 * (the harness dumps numeric dtypes only) */
static int run_less(bench_case *c) {
    nd_array *r = nd_less(c->a, c->b);
    if (!r) return -1;
    bench_sink += *(volatile unsigned char *)nd_data(r);
    nd_free(r);
    c->res = c->a;
    c->res_borrowed = true;
    return 0;
}
static int run_sum(bench_case *c) { return (c->res = nd_sum(c->a)) ? 0 : -1; }
static int run_max(bench_case *c) { return (c->res = nd_max(c->a)) ? 0 : -1; }
static int run_min(bench_case *c) { return (c->res = nd_min(c->a)) ? 0 : -1; }
static int run_sum0(bench_case *c) { return (c->res = nd_sum(c->a, .axis = ND_AXIS(0))) ? 0 : -1; }
static int run_sum1(bench_case *c) { return (c->res = nd_sum(c->a, .axis = ND_AXIS(1))) ? 0 : -1; }
/* statistics (stats.c) and more reductions: `ax` is the axis (-9: None) */
#define RED_RUN(name, call)                                                      \
    static int run_##name(bench_case *c) { return (c->res = (call)) ? 0 : -1; }
RED_RUN(mean, nd_mean(c->a))
RED_RUN(std, nd_std(c->a))
RED_RUN(argmax, nd_argmax(c->a))
RED_RUN(mean0, nd_mean(c->a, .axis = ND_AXIS(0)))
RED_RUN(mean1, nd_mean(c->a, .axis = ND_AXIS(1)))
RED_RUN(std0, nd_std(c->a, .axis = ND_AXIS(0)))
RED_RUN(std1, nd_std(c->a, .axis = ND_AXIS(1)))
RED_RUN(max0, nd_max(c->a, .axis = ND_AXIS(0)))
RED_RUN(max1, nd_max(c->a, .axis = ND_AXIS(1)))
RED_RUN(min0, nd_min(c->a, .axis = ND_AXIS(0)))
RED_RUN(min1, nd_min(c->a, .axis = ND_AXIS(1)))
RED_RUN(argmax0, nd_argmax(c->a, .axis = ND_AXIS(0)))
RED_RUN(argmax1, nd_argmax(c->a, .axis = ND_AXIS(1)))
/* all/any of a > 1000: every element false (the inputs lie in [-1000, 1000)), so any
 * reads everything */
static int setup_bool_pos(bench_case *c) {
    if (make(c, "float64", &c->a, c->shape.ndim, c->shape.d) < 0) return -1;
    c->b = nd_greater(c->a, 1000.0);
    return c->b ? 0 : -1;
}
/* the bool result is released inside the call; smoke mode compares `a` (the harness
 * dumps numeric dtypes only) */
static int bool_res(bench_case *c, nd_array *r) {
    if (!r) return -1;
    bench_sink += *(volatile unsigned char *)nd_data(r);
    nd_free(r);
    c->res = c->a;
    c->res_borrowed = true;
    return 0;
}
static int run_all(bench_case *c) { return bool_res(c, nd_all(c->b)); }
static int run_any(bench_case *c) { return bool_res(c, nd_any(c->b)); }
static int run_any0(bench_case *c) { return bool_res(c, nd_any(c->b, .axis = ND_AXIS(0))); }
static int run_any1(bench_case *c) { return bool_res(c, nd_any(c->b, .axis = ND_AXIS(1))); }

/* math rows: inputs scaled into each function's useful range ("a/100": [-10, 10),
 * "abs": [0, 1000)), numpy_bench.py does the same */
static int setup_div100(bench_case *c) {
    if (setup_a(c) < 0) return -1;
    nd_array *a = nd_divide(c->a, 100);
    nd_free(c->a);
    return (c->a = a) ? 0 : -1;
}
static int setup_abs(bench_case *c) {
    if (setup_a(c) < 0) return -1;
    nd_array *a = nd_absolute(c->a);
    nd_free(c->a);
    return (c->a = a) ? 0 : -1;
}
RED_RUN(exp, nd_exp(c->a))
RED_RUN(log, nd_log(c->a))
RED_RUN(sin, nd_sin(c->a))
RED_RUN(cos, nd_cos(c->a))
RED_RUN(tanh, nd_tanh(c->a))
RED_RUN(sqrt, nd_sqrt(c->a))
RED_RUN(pow25, nd_power(c->a, 2.5))
/* reductions of a reversed view (a[::-1]): NumPy adds in the view's logical order,
 * and so does nd (reversed rows of a 2-d array: pairwise in buffered chunks) */
static int run_sum_rev_ax(bench_case *c, nd_axes ax) {
    nd_array *v = nd_get(c->a, "::-1");
    c->res = v ? nd_sum(v, .axis = ax) : NULL;
    nd_free(v);
    return c->res ? 0 : -1;
}
static int run_sum_rev(bench_case *c) { return run_sum_rev_ax(c, ND_AXIS_NONE); }
static int run_sum_rev1(bench_case *c) { return run_sum_rev_ax(c, ND_AXIS(1)); }

#define BIG BENCH_1D(100000), BENCH_1D(10000000)
#define ALL BENCH_1D(10), BENCH_1D(1000), BENCH_1D(100000), BENCH_1D(10000000)
#define SM BENCH_1D(1), BENCH_1D(7), BENCH_1D(100)

static const bench_def defs[] = {
    { "add", "float64", "C", setup_ab, run_add, NULL, { ALL }, { SM } },
    { "add", "float32", "C", setup_ab, run_add, NULL, { BIG }, { SM } },
    { "add", "int64", "C", setup_ab, run_add, NULL, { BIG }, { SM } },
    { "add", "int32", "C", setup_ab, run_add, NULL, { BIG }, { SM } },
    { "multiply", "float64", "C", setup_ab, run_mul, NULL, { BENCH_1D(10), BIG }, { SM } },
    { "divide", "float64", "C", setup_ab, run_div, NULL, { BIG }, { SM } },
    { "multiply", "float64", "a*2.5", setup_a, run_mul_scalar, NULL, { BIG }, { SM } },
    { "multiply", "float32", "a*2.5", setup_a, run_mul_scalar, NULL, { BIG }, { SM } },
    { "add", "float64", "a+=b", setup_ab, run_add_inplace, NULL, { BIG }, { SM } },
    { "add", "float64", "row", setup_row, run_add, NULL, { BENCH_2D(316, 316), BENCH_2D(3162, 3162) }, { BENCH_2D(3, 4) } },
    { "add", "float64", "col", setup_col, run_add, NULL, { BENCH_2D(316, 316), BENCH_2D(3162, 3162) }, { BENCH_2D(3, 4) } },
    { "add", "float32+float64", "C", setup_ab, run_add, NULL, { BIG }, { SM } },
    { "add", "int32+float64", "C", setup_ab, run_add, NULL, { BIG }, { SM } },
    { "less", "float64", "C", setup_ab, run_less, NULL, { BENCH_1D(10), BIG }, { SM } },
    { "less", "int32", "C", setup_ab, run_less, NULL, { BIG }, { SM } },
    { "sum", "float64", "C", setup_a, run_sum, NULL, { ALL }, { SM }, 1e-12 },
    { "sum", "float32", "C", setup_a, run_sum, NULL, { BIG }, { SM }, 1e-5 },
    { "max", "float64", "C", setup_a, run_max, NULL, { BIG }, { SM } },
    { "min", "float32", "C", setup_a, run_min, NULL, { BIG }, { SM } },
    { "sum", "int64", "C", setup_a, run_sum, NULL, { BIG }, { SM } },
    { "sum", "float64", "axis0", setup_a, run_sum0, NULL, { BENCH_2D(3000, 3000) }, { BENCH_2D(3, 4) }, 1e-12 },
    { "sum", "float64", "axis1", setup_a, run_sum1, NULL, { BENCH_2D(3000, 3000) }, { BENCH_2D(3, 4) }, 1e-12 },
    { "max", "float32", "C", setup_a, run_max, NULL, { BIG }, { SM } },
    { "min", "float64", "C", setup_a, run_min, NULL, { BIG }, { SM } },
    { "mean", "float64", "C", setup_a, run_mean, NULL, { BIG }, { SM }, 1e-12 },
    { "mean", "float32", "C", setup_a, run_mean, NULL, { BIG }, { SM }, 1e-5 },
    { "std", "float64", "C", setup_a, run_std, NULL, { BIG }, { SM }, 1e-12 },
    { "argmax", "float64", "C", setup_a, run_argmax, NULL, { BIG }, { SM } },
    { "argmax", "float32", "C", setup_a, run_argmax, NULL, { BIG }, { SM } },
    { "all", "bool", "m=a>1000", setup_bool_pos, run_all, NULL, { BIG }, { SM } },
    { "any", "bool", "m=a>1000", setup_bool_pos, run_any, NULL, { BIG }, { SM } },
    { "mean", "float64", "axis0", setup_a, run_mean0, NULL, { BENCH_2D(3000, 3000) }, { BENCH_2D(3, 4) }, 1e-12 },
    { "mean", "float64", "axis1", setup_a, run_mean1, NULL, { BENCH_2D(3000, 3000) }, { BENCH_2D(3, 4) }, 1e-12 },
    { "std", "float64", "axis0", setup_a, run_std0, NULL, { BENCH_2D(3000, 3000) }, { BENCH_2D(3, 4) }, 1e-12 },
    { "std", "float64", "axis1", setup_a, run_std1, NULL, { BENCH_2D(3000, 3000) }, { BENCH_2D(3, 4) }, 1e-12 },
    { "max", "float64", "axis0", setup_a, run_max0, NULL, { BENCH_2D(3000, 3000) }, { BENCH_2D(3, 4) } },
    { "max", "float64", "axis1", setup_a, run_max1, NULL, { BENCH_2D(3000, 3000) }, { BENCH_2D(3, 4) } },
    { "min", "float64", "axis0", setup_a, run_min0, NULL, { BENCH_2D(3000, 3000) }, { BENCH_2D(3, 4) } },
    { "min", "float64", "axis1", setup_a, run_min1, NULL, { BENCH_2D(3000, 3000) }, { BENCH_2D(3, 4) } },
    { "argmax", "float64", "axis0", setup_a, run_argmax0, NULL, { BENCH_2D(3000, 3000) }, { BENCH_2D(3, 4) } },
    { "argmax", "float64", "axis1", setup_a, run_argmax1, NULL, { BENCH_2D(3000, 3000) }, { BENCH_2D(3, 4) } },
    { "any", "bool", "m:axis0", setup_bool_pos, run_any0, NULL, { BENCH_2D(3000, 3000) }, { BENCH_2D(3, 4) } },
    { "any", "bool", "m:axis1", setup_bool_pos, run_any1, NULL, { BENCH_2D(3000, 3000) }, { BENCH_2D(3, 4) } },
    { "exp", "float64", "a/100", setup_div100, run_exp, NULL, { BIG }, { SM }, 1e-15 },
    { "exp", "float32", "a/100", setup_div100, run_exp, NULL, { BIG }, { SM }, 1e-6 },
    { "log", "float64", "abs", setup_abs, run_log, NULL, { BIG }, { SM }, 1e-15 },
    { "log", "float32", "abs", setup_abs, run_log, NULL, { BIG }, { SM }, 1e-6 },
    { "sin", "float64", "C", setup_a, run_sin, NULL, { BIG }, { SM }, 1e-15 },
    { "sin", "float32", "C", setup_a, run_sin, NULL, { BIG }, { SM }, 1e-6 },
    { "cos", "float64", "C", setup_a, run_cos, NULL, { BIG }, { SM }, 1e-15 },
    { "cos", "float32", "C", setup_a, run_cos, NULL, { BIG }, { SM }, 1e-6 },
    { "tanh", "float64", "a/100", setup_div100, run_tanh, NULL, { BIG }, { SM }, 1e-15 },
    { "tanh", "float32", "a/100", setup_div100, run_tanh, NULL, { BIG }, { SM }, 1e-6 },
    { "sqrt", "float64", "abs", setup_abs, run_sqrt, NULL, { BIG }, { SM } },
    { "sqrt", "float32", "abs", setup_abs, run_sqrt, NULL, { BIG }, { SM } },
    { "power", "float64", "abs-2.5", setup_abs, run_pow25, NULL, { BIG }, { SM }, 1e-15 },
    { "power", "float32", "abs-2.5", setup_abs, run_pow25, NULL, { BIG }, { SM }, 1e-6 },
    /* NumPy statements of the rows below: bench/rows_ufunc.py */
    { "sum", "float64", "rev", setup_a, run_sum_rev, NULL, { BENCH_1D(10000000), BENCH_2D(3000, 3000) },
      { BENCH_1D(100), BENCH_2D(3, 4) }, 1e-12 },
    { "sum", "float64", "rev:axis1", setup_a, run_sum_rev1, NULL, { BENCH_2D(3000, 3000) }, { BENCH_2D(3, 4) }, 1e-12 },
};

int main(int argc, char **argv) {
    return bench_main(argc, argv, "bench_ufunc", defs, (int)(sizeof defs / sizeof defs[0]));
}
