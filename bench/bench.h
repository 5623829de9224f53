/* bench/bench.h: the timing harness every bench_<area>.c program shares.
 *
 * A program declares a table of benchmark definitions (operation, dtype, layout, the
 * shapes it runs at, and setup/run/teardown callbacks) and calls bench_main().  The
 * harness owns everything else, so every area times the same way:
 *
 *   --list            print the rows (JSON) without running them: bench/run.py hands
 *                     this list to bench/numpy_bench.py, so both sides run exactly the
 *                     same sizes, dtypes and layouts
 *   --filter S[,S]    keep rows whose id contains one of the substrings (S$: ends with S)
 *   --rows ID[|ID]    keep exactly these row ids (ids may contain commas)
 *   --smoke           tiny shapes, one call per row, and dump each result
 *   --json            machine-readable output (else a short text table)
 *   --tmpdir DIR      where file benchmarks write (default: $TMPDIR or /tmp)
 *   --min-time S      seconds of samples per row (default 0.2)
 *
 * Timing: one warm-up call, one calibration call, then samples of `inner` calls each
 * (inner chosen so a sample lasts about 1 ms: per-call overhead rows are not at the
 * mercy of the clock's resolution) until at least --min-time seconds and 5 samples.
 * Median, min and max are per call.  Every result is touched and released inside the
 * timed loop, as NumPy releases its result when a statement's value is dropped.
 *
 * Input data is a deterministic formula that bench/numpy_bench.py reproduces bit for
 * bit (see bench_fill_f64 / bench_fill_i32). */
#ifndef ND_BENCH_H
#define ND_BENCH_H

#include <nd.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef ND_BENCH_COMPILER
#define ND_BENCH_COMPILER "unknown"
#endif
#ifndef ND_BENCH_FLAGS
#define ND_BENCH_FLAGS "unknown"
#endif

#define BENCH_MAXSHAPES 8

typedef struct bench_shape { int ndim; int64_t d[4]; } bench_shape;

typedef struct bench_case bench_case;

/* One benchmark: runs at each of `shapes` (or `smoke` with --smoke).  Shapes are the
 * shapes of the *result* / the work; the setup derives its inputs from them. */
typedef struct bench_def {
    const char *op;      /* operation name, also the key numpy_bench.py looks up */
    const char *dtype;   /* "float64", "float64->float32" ... (display and key) */
    const char *layout;  /* "C", "a.T", "a[::2]" ... (display and key) */
    int (*setup)(bench_case *c);     /* build inputs; 0 or -1 */
    int (*run)(bench_case *c);       /* one call; leaves its result in c->res / c->text */
    void (*teardown)(bench_case *c); /* free inputs (may be NULL: a, b are freed anyway) */
    bench_shape shapes[BENCH_MAXSHAPES];
    bench_shape smoke[BENCH_MAXSHAPES];
    double tol;          /* relative tolerance of the smoke comparison (0: exact) */
} bench_def;

struct bench_case {
    const bench_def *def;
    bench_shape shape;
    int64_t size;         /* elements of the shape */
    const char *tmpdir;
    char path[1024];      /* a file name for I/O benchmarks */
    nd_array *a, *b;      /* inputs (freed by the harness) */
    nd_array *res;        /* result of the last call (freed by the harness unless borrowed) */
    bool res_borrowed;    /* res is an input (in-place operations) */
    char *text;           /* text result (freed with nd_free_bytes) */
    bool text_is_file;    /* text is a file name the call wrote (not freed) */
};

/* ------------------------------------------------------------------ clock */

static inline double bench_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static volatile unsigned bench_sink;

/* Touch and release the result of one call. */
static inline void bench_consume(bench_case *c) {
    if (c->res) {
        if (nd_nbytes(c->res) > 0) bench_sink += *(volatile unsigned char *)nd_data(c->res);
        if (!c->res_borrowed) nd_free(c->res);
        c->res = NULL;
    }
    if (c->text) {
        bench_sink += (unsigned char)c->text[0];
        if (!c->text_is_file) nd_free_bytes(c->text);
        c->text = NULL;
    }
}

/* ------------------------------------------------------------- input data */

/* The i-th input value: u = i * 0x9E3779B97F4A7C15 (mod 2^64), 53 bits of it scaled to
 * [-1000, 1000).  numpy_bench.py computes the same with uint64 arrays. */
static inline uint64_t bench_hash(uint64_t i) { return i * UINT64_C(0x9E3779B97F4A7C15); }

static inline double bench_f64(uint64_t i) {
    return ((double)(bench_hash(i) >> 11) * 0x1p-53) * 2000.0 - 1000.0;
}

static inline int32_t bench_i32(uint64_t i) {
    uint32_t hi = (uint32_t)(bench_hash(i) >> 32);
    int32_t r;
    memcpy(&r, &hi, 4);
    return r;
}

/* A C-contiguous array of the given shape filled with the formula (flat index i). */
static inline nd_array *bench_array(const nd_dtype_t *dt, int ndim, const int64_t *dims) {
    nd_array *a = nd_empty_ex((nd_shape_t){ ndim, dims }, &(nd_create_opts){ .dtype = dt });
    if (!a) return NULL;
    int64_t n = nd_size(a);
    if (nd_dtype_type(dt) == ND_TYPE_FLOAT64) {
        double *p = nd_data(a);
        for (int64_t i = 0; i < n; i++) p[i] = bench_f64((uint64_t)i);
    } else if (nd_dtype_type(dt) == ND_TYPE_INT32) {
        int32_t *p = nd_data(a);
        for (int64_t i = 0; i < n; i++) p[i] = bench_i32((uint64_t)i);
    } else {
        nd_free(a);
        return NULL;
    }
    return a;
}

/* ------------------------------------------------------------------ output */

static inline void bench_json_str(FILE *f, const char *s) {
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\t': fputs("\\t", f); break;
        case '\r': fputs("\\r", f); break;
        default:
            if (*p < 0x20) fprintf(f, "\\u%04x", *p);
            else fputc(*p, f);
        }
    }
    fputc('"', f);
}

static inline void bench_shape_str(char *buf, size_t cap, const bench_shape *s) {
    size_t k = 0;
    buf[0] = 0;
    for (int i = 0; i < s->ndim && k < cap; i++)
        k += (size_t)snprintf(buf + k, cap - k, i ? "x%" PRId64 : "%" PRId64, s->d[i]);
}

static inline void bench_row_id(char *buf, size_t cap, const bench_def *d, const bench_shape *s) {
    char sh[96];
    bench_shape_str(sh, sizeof sh, s);
    snprintf(buf, cap, "%s/%s/%s/%s", d->op, d->dtype, d->layout, sh);
}

/* Dump a result array: dtype, shape and every value in C order. */
static inline void bench_dump_array(FILE *f, const nd_array *r) {
    nd_array *c = nd_ascontiguousarray(r);
    if (!c) {
        fputs("{\"error\": ", f);
        bench_json_str(f, nd_error_message());
        fputc('}', f);
        return;
    }
    fputs("{\"dtype\": ", f);
    bench_json_str(f, nd_dtype_name(nd_dtype(c)));
    fputs(", \"shape\": [", f);
    for (int i = 0; i < nd_ndim(c); i++) fprintf(f, i ? ", %" PRId64 : "%" PRId64, nd_shape(c)[i]);
    fputs("], \"values\": [", f);
    int64_t n = nd_size(c);
    const char *p = nd_data(c);
    nd_type t = nd_dtype_type(nd_dtype(c));
    for (int64_t i = 0; i < n; i++) {
        if (i) fputs(", ", f);
        switch (t) {
        case ND_TYPE_FLOAT64: { double v; memcpy(&v, p + 8 * i, 8); fprintf(f, "%.17g", v); break; }
        case ND_TYPE_FLOAT32: { float v; memcpy(&v, p + 4 * i, 4); fprintf(f, "%.17g", (double)v); break; }
        case ND_TYPE_INT64: { int64_t v; memcpy(&v, p + 8 * i, 8); fprintf(f, "%" PRId64, v); break; }
        case ND_TYPE_INT32: { int32_t v; memcpy(&v, p + 4 * i, 4); fprintf(f, "%" PRId32, v); break; }
        default: fputs("null", f);
        }
    }
    fputs("]}", f);
    nd_free(c);
}

/* ------------------------------------------------------------------ driver */

typedef struct bench_opts {
    const char *filter, *rows, *tmpdir;
    int smoke, json, list;
    double min_time;
} bench_opts;

/* Does id match any item of `set` separated by `sep` (substring, or exact when `exact`)? */
static inline int bench_match(const char *id, const char *set, char sep, int exact) {
    if (!set || !*set) return 1;
    const char *s = set;
    while (*s) {
        const char *e = strchr(s, sep);
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n) {
            if (exact) {
                if (strlen(id) == n && !strncmp(id, s, n)) return 1;
            } else if (s[n - 1] == '$') { /* "sum/10$": a suffix */
                size_t m = strlen(id);
                if (m >= n - 1 && !strncmp(id + m - (n - 1), s, n - 1)) return 1;
            } else {
                for (const char *p = id; *p; p++)
                    if (!strncmp(p, s, n)) return 1;
            }
        }
        if (!e) break;
        s = e + 1;
    }
    return 0;
}

static inline int bench_cmp_double(const void *x, const void *y) {
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

static inline void bench_error_fields(FILE *f, const char *what) {
    fputs("\"error\": ", f);
    char msg[1200];
    snprintf(msg, sizeof msg, "%s: %s: %s", what, nd_error_name(nd_error()), nd_error_message());
    bench_json_str(f, msg);
}

/* Run one row; prints one JSON object (or one text line).  Returns 0, or 1 on error. */
static inline int bench_run_row(const bench_def *d, const bench_shape *s, const bench_opts *o, int first) {
    bench_case c = { .def = d, .shape = *s, .tmpdir = o->tmpdir };
    c.size = 1;
    for (int i = 0; i < s->ndim; i++) c.size *= s->d[i];
    char id[256];
    bench_row_id(id, sizeof id, d, s);
    FILE *f = stdout;
    if (o->json) {
        fputs(first ? "  {" : ",\n  {", f);
        fputs("\"id\": ", f); bench_json_str(f, id);
        fputs(", \"op\": ", f); bench_json_str(f, d->op);
        fputs(", \"dtype\": ", f); bench_json_str(f, d->dtype);
        fputs(", \"layout\": ", f); bench_json_str(f, d->layout);
        fputs(", \"shape\": [", f);
        for (int i = 0; i < s->ndim; i++) fprintf(f, i ? ", %" PRId64 : "%" PRId64, s->d[i]);
        fprintf(f, "], \"size\": %" PRId64 ", \"tol\": %g", c.size, d->tol);
    }
    if (o->list) {
        if (o->json) fputs("}", f);
        else printf("%s\n", id);
        return 0;
    }
    int err = 0;
    nd_error_clear();
    if (d->setup && d->setup(&c) < 0) {
        if (o->json) { fputs(", ", f); bench_error_fields(f, "setup"); fputs("}", f); }
        else printf("%-50s setup failed: %s\n", id, nd_error_message());
        err = 1;
        goto done;
    }
    if (o->smoke) {
        int r = d->run(&c);
        if (o->json) {
            fputs(", ", f);
            if (r < 0) bench_error_fields(f, "run");
            else if (c.res) { fputs("\"result\": ", f); bench_dump_array(f, c.res); }
            else if (c.text && c.text_is_file) { fputs("\"result\": {\"file\": ", f); bench_json_str(f, c.text); fputs("}", f); }
            else if (c.text) { fputs("\"result\": {\"text\": ", f); bench_json_str(f, c.text); fputs("}", f); }
            else fputs("\"result\": null", f);
            fputs("}", f);
        } else {
            printf("%-50s %s\n", id, r < 0 ? nd_error_message() : "ok");
        }
        err = r < 0;
        bench_consume(&c);
        goto done;
    }
    /* warm-up, then calibrate the number of calls per sample */
    if (d->run(&c) < 0) goto run_failed;
    bench_consume(&c);
    double t0 = bench_now();
    if (d->run(&c) < 0) goto run_failed;
    bench_consume(&c);
    double once = bench_now() - t0;
    int64_t inner = 1;
    if (once < 1e-3) inner = once > 0 ? (int64_t)(1e-3 / once) : 1000000;
    if (inner < 1) inner = 1;
    if (inner > 1000000) inner = 1000000;
    enum { MAXS = 4096 };
    static double samples[MAXS];
    int ns = 0;
    double total = 0;
    while (ns < MAXS && (ns < 5 || total < o->min_time)) {
        double s0 = bench_now();
        for (int64_t k = 0; k < inner; k++) {
            if (d->run(&c) < 0) goto run_failed;
            bench_consume(&c);
        }
        double dt = bench_now() - s0;
        total += dt;
        samples[ns++] = dt / (double)inner;
    }
    qsort(samples, (size_t)ns, sizeof(double), bench_cmp_double);
    double med = ns % 2 ? samples[ns / 2] : 0.5 * (samples[ns / 2 - 1] + samples[ns / 2]);
    if (o->json)
        fprintf(f, ", \"median\": %.6e, \"min\": %.6e, \"max\": %.6e, \"samples\": %d, \"inner\": %" PRId64 "}",
                med, samples[0], samples[ns - 1], ns, inner);
    else
        printf("%-50s median %12.3f us  min %12.3f  max %12.3f  (%d x %" PRId64 ")\n", id, med * 1e6,
               samples[0] * 1e6, samples[ns - 1] * 1e6, ns, inner);
    goto done;
run_failed:
    if (o->json) { fputs(", ", f); bench_error_fields(f, "run"); fputs("}", f); }
    else printf("%-50s failed: %s\n", id, nd_error_message());
    bench_consume(&c);
    err = 1;
done:
    if (d->teardown) d->teardown(&c);
    nd_free(c.a);
    nd_free(c.b);
    fflush(f);
    return err;
}

static inline int bench_main(int argc, char **argv, const char *program, const bench_def *defs, int ndefs) {
    bench_opts o = { .min_time = 0.2 };
    o.tmpdir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    /* ND_BLOCK_CACHE=bytes: size nd's cache of freed large blocks (0: measure without) */
    if (getenv("ND_BLOCK_CACHE")) nd_set_block_cache((size_t)strtoull(getenv("ND_BLOCK_CACHE"), NULL, 10));
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--smoke")) o.smoke = 1;
        else if (!strcmp(a, "--json")) o.json = 1;
        else if (!strcmp(a, "--list")) o.list = 1;
        else if (!strcmp(a, "--filter") && i + 1 < argc) o.filter = argv[++i];
        else if (!strcmp(a, "--rows") && i + 1 < argc) o.rows = argv[++i];
        else if (!strcmp(a, "--tmpdir") && i + 1 < argc) o.tmpdir = argv[++i];
        else if (!strcmp(a, "--min-time") && i + 1 < argc) o.min_time = atof(argv[++i]);
        else {
            fprintf(stderr, "usage: %s [--list] [--smoke] [--json] [--filter S,S] [--rows ID,ID] "
                            "[--tmpdir DIR] [--min-time SECONDS]\n", argv[0]);
            return 2;
        }
    }
    if (o.json) {
        printf("{\"program\": \"%s\", \"nd_version\": ", program);
        bench_json_str(stdout, nd_version());
        fputs(", \"compiler\": ", stdout);
        bench_json_str(stdout, ND_BENCH_COMPILER);
        fputs(", \"flags\": ", stdout);
        bench_json_str(stdout, ND_BENCH_FLAGS);
        fputs(", \"rows\": [\n", stdout);
    }
    int errors = 0, first = 1;
    for (int k = 0; k < ndefs; k++) {
        const bench_shape *sh = o.smoke ? defs[k].smoke : defs[k].shapes;
        for (int j = 0; j < BENCH_MAXSHAPES && sh[j].ndim > 0; j++) {
            char id[256];
            bench_row_id(id, sizeof id, &defs[k], &sh[j]);
            if (!bench_match(id, o.filter, ',', 0) || !bench_match(id, o.rows, '|', 1)) continue;
            errors += bench_run_row(&defs[k], &sh[j], &o, first);
            first = 0;
        }
    }
    if (o.json) fputs("\n]}\n", stdout);
    return errors ? 1 : 0;
}

/* Shape list helpers for the tables. */
#define BENCH_1D(n) { 1, { (n) } }
#define BENCH_2D(r, c) { 2, { (r), (c) } }

#endif
