/* bench_core: the first table (issue 3): copies, casts, fill, arange, linspace, .npy
 * save/load and repr.  bench/numpy_bench.py runs the same rows with NumPy; see bench.h
 * for the harness and bench/README.md for how to read the table. */
#include "bench.h"

/* ------------------------------------------------------------------ inputs */

static int setup_f64(bench_case *c) { return (c->a = bench_array(ND_FLOAT64, c->shape.ndim, c->shape.d)) ? 0 : -1; }
static int setup_i32(bench_case *c) { return (c->a = bench_array(ND_INT32, c->shape.ndim, c->shape.d)) ? 0 : -1; }

/* int64: the int32 input widened (numpy_bench.py does the same). */
static int setup_i64(bench_case *c) {
    nd_array *a32 = bench_array(ND_INT32, c->shape.ndim, c->shape.d);
    if (!a32) return -1;
    c->a = nd_astype(a32, ND_INT64);
    nd_free(a32);
    return c->a ? 0 : -1;
}

/* The float64 input cast to another float type (numpy_bench.py: .astype). */
static int setup_cast(bench_case *c, const nd_dtype_t *dt) {
    nd_array *a = bench_array(ND_FLOAT64, c->shape.ndim, c->shape.d);
    if (!a) return -1;
    c->a = nd_astype(a, dt);
    nd_free(a);
    return c->a ? 0 : -1;
}
static int setup_f32(bench_case *c) { return setup_cast(c, ND_FLOAT32); }
static int setup_f16(bench_case *c) { return setup_cast(c, ND_FLOAT16); }
static int setup_c128(bench_case *c) { return setup_cast(c, ND_COMPLEX128); }

/* a.T of a (cols x rows) array: the result shape is the bench shape. */
static int setup_T(bench_case *c) {
    int64_t d[2] = { c->shape.d[1], c->shape.d[0] };
    nd_array *base = bench_array(ND_FLOAT64, 2, d);
    if (!base) return -1;
    c->a = nd_T(base);
    nd_free(base);
    return c->a ? 0 : -1;
}

/* a[::2] of a 1-d array twice as long. */
static int setup_step2(bench_case *c) {
    int64_t d[1] = { 2 * c->shape.d[0] };
    nd_array *base = bench_array(ND_FLOAT64, 1, d);
    if (!base) return -1;
    c->a = nd_get(base, "::2");
    nd_free(base);
    return c->a ? 0 : -1;
}

/* a[::2, ::2] of a 2-d array twice as large on each axis. */
static int setup_step2_2d(bench_case *c) {
    int64_t d[2] = { 2 * c->shape.d[0], 2 * c->shape.d[1] };
    nd_array *base = bench_array(ND_FLOAT64, 2, d);
    if (!base) return -1;
    c->a = nd_get(base, "::2, ::2");
    nd_free(base);
    return c->a ? 0 : -1;
}

/* ------------------------------------------------------------------ calls */

static int run_copy(bench_case *c) { return (c->res = nd_copy(c->a, 'C')) ? 0 : -1; }
static int run_ascontig(bench_case *c) { return (c->res = nd_ascontiguousarray(c->a)) ? 0 : -1; }
static int run_astype_f4(bench_case *c) { return (c->res = nd_astype(c->a, ND_FLOAT32)) ? 0 : -1; }
static int run_astype_f8(bench_case *c) { return (c->res = nd_astype(c->a, ND_FLOAT64)) ? 0 : -1; }

static int run_fill(bench_case *c) {
    c->res = c->a;
    c->res_borrowed = true;
    return nd_fill(c->a, 1.5);
}

static int run_arange_i8(bench_case *c) { return (c->res = nd_arange(0, c->size, 1)) ? 0 : -1; }
static int run_arange_f8(bench_case *c) { return (c->res = nd_arange(0.0, (double)c->size, 1.0)) ? 0 : -1; }
static int run_linspace(bench_case *c) { return (c->res = nd_linspace(0.0, 1.0, c->size)) ? 0 : -1; }

/* .npy files go to --tmpdir (bench/run.py: a fresh directory in /dev/shm when it
 * exists, so the rows time nd and NumPy rather than the disk). */
static int setup_save(bench_case *c) {
    snprintf(c->path, sizeof c->path, "%s/nd_save_%" PRId64 ".npy", c->tmpdir, c->size);
    return setup_f64(c);
}
static int run_save(bench_case *c) {
    c->text = c->path;
    c->text_is_file = true;
    return nd_save(c->path, c->a);
}
static int setup_load(bench_case *c) {
    snprintf(c->path, sizeof c->path, "%s/nd_load_%" PRId64 ".npy", c->tmpdir, c->size);
    if (setup_f64(c) < 0) return -1;
    int r = nd_save(c->path, c->a);
    nd_free(c->a);
    c->a = NULL;
    return r;
}
static int run_load(bench_case *c) { return (c->res = nd_load(c->path)) ? 0 : -1; }
static void teardown_load(bench_case *c) { remove(c->path); }

static int run_repr(bench_case *c) { return (c->text = nd_array_repr(c->a)) ? 0 : -1; }

/* ------------------------------------------------------------------ the table */

/* 100 MB of float64 for the .npy rows. */
#define NPY_100MB 12500000

#define SIZES_OVERHEAD BENCH_1D(10), BENCH_1D(1000), BENCH_1D(100000), BENCH_1D(10000000)
#define SMOKE_1D BENCH_1D(1), BENCH_1D(7)

static const bench_def defs[] = {
    { "copy", "float64", "C", setup_f64, run_copy, NULL, { SIZES_OVERHEAD }, { SMOKE_1D } },
    { "ascontiguousarray", "float64", "a.T", setup_T, run_ascontig, NULL,
      { BENCH_2D(32, 32), BENCH_2D(316, 316), BENCH_2D(3162, 3162), BENCH_2D(4000, 4000) },
      { BENCH_2D(5, 3), BENCH_2D(1, 4) } },
    { "copy", "float64", "a[::2]", setup_step2, run_copy, NULL,
      { BENCH_1D(1000), BENCH_1D(100000), BENCH_1D(10000000) }, { SMOKE_1D } },
    { "copy", "float64", "a[::2,::2]", setup_step2_2d, run_copy, NULL,
      { BENCH_2D(32, 32), BENCH_2D(316, 316), BENCH_2D(3162, 3162) }, { BENCH_2D(3, 4) } },
    { "astype", "float64->float32", "C", setup_f64, run_astype_f4, NULL, { SIZES_OVERHEAD }, { SMOKE_1D } },
    { "astype", "int32->float64", "C", setup_i32, run_astype_f8, NULL, { SIZES_OVERHEAD }, { SMOKE_1D } },
    { "fill", "float64", "C", setup_f64, run_fill, NULL, { SIZES_OVERHEAD }, { SMOKE_1D } },
    { "arange", "int64", "C", NULL, run_arange_i8, NULL, { SIZES_OVERHEAD }, { SMOKE_1D } },
    { "arange", "float64", "C", NULL, run_arange_f8, NULL, { SIZES_OVERHEAD }, { SMOKE_1D } },
    { "linspace", "float64", "C", NULL, run_linspace, NULL, { SIZES_OVERHEAD },
      { BENCH_1D(1), BENCH_1D(2), BENCH_1D(7), BENCH_1D(50) } },
    { "save_npy", "float64", "C", setup_save, run_save, NULL,
      { BENCH_1D(1000), BENCH_1D(NPY_100MB) }, { SMOKE_1D } },
    { "load_npy", "float64", "C", setup_load, run_load, teardown_load,
      { BENCH_1D(1000), BENCH_1D(NPY_100MB) }, { SMOKE_1D } },
    /* 1000 elements: under the threshold, every value printed; 1000x1000: 6x6 shown */
    { "repr", "float64", "C", setup_f64, run_repr, NULL,
      { BENCH_1D(1000), BENCH_2D(1000, 1000) }, { BENCH_2D(4, 3), BENCH_2D(1000, 1000) } },
    { "repr", "float32", "C", setup_f32, run_repr, NULL,
      { BENCH_1D(1000), BENCH_2D(1000, 1000) }, { BENCH_2D(4, 3) } },
    { "repr", "float16", "C", setup_f16, run_repr, NULL,
      { BENCH_1D(1000), BENCH_2D(1000, 1000) }, { BENCH_2D(4, 3) } },
    { "repr", "complex128", "C", setup_c128, run_repr, NULL,
      { BENCH_1D(1000), BENCH_2D(1000, 1000) }, { BENCH_2D(4, 3) } },
    { "repr", "int64", "C", setup_i64, run_repr, NULL,
      { BENCH_1D(1000), BENCH_2D(1000, 1000) }, { BENCH_2D(4, 3), BENCH_2D(1000, 1000) } },
};

int main(int argc, char **argv) {
    /* The printed text of the NumPy we compare with: bench/run.py sets this to "1.25"
     * when the installed NumPy is 1.x (nd prints NumPy 2.x text by default). */
    const char *legacy = getenv("ND_BENCH_PRINT_LEGACY");
    if (legacy && *legacy) {
        nd_printoptions po = ND_PRINTOPTIONS_KEEP;
        snprintf(po.legacy, sizeof po.legacy, "%s", legacy);
        if (nd_set_printoptions_ex(&po) < 0) {
            fprintf(stderr, "bench_core: bad ND_BENCH_PRINT_LEGACY: %s\n", nd_error_message());
            return 2;
        }
    }
    return bench_main(argc, argv, "bench_core", defs, (int)(sizeof defs / sizeof defs[0]));
}
