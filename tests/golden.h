/* The .npys golden files of tests/golden/<area>/ (written by each area's make_*.py):
 * a label record, then NumPy's result or b"ERR:<Exception>:<message>".  expect() reads
 * the next case and compares a result with it: dtype, shape and bytes must match (NaNs:
 * any NaN).  Shared by every test that reads .npys golden data. */
#ifndef TEST_GOLDEN_H
#define TEST_GOLDEN_H

#include "check.h"

static FILE *G;
static int ncases;

static inline const nd_dtype_t *dt_of(const char *code) {
    static const char *const codes[] = { "b1", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16" };
    static const nd_dtype_t *const dts[] = { ND_BOOL, ND_INT8, ND_INT16, ND_INT32, ND_INT64, ND_UINT8, ND_UINT16, ND_UINT32,
                                             ND_UINT64, ND_FLOAT16, ND_FLOAT32, ND_FLOAT64, ND_COMPLEX64, ND_COMPLEX128 };
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
        if (!strcmp(code, codes[i])) return dts[i];
    return NULL;
}

static inline char *label_text(nd_array *l) {
    static char buf[256];
    int64_t n = nd_itemsize(l);
    if (n > 255) n = 255;
    memcpy(buf, nd_data(l), (size_t)n);
    buf[n] = 0;
    return buf;
}

/* Element-wise equality with NaN == NaN, through float64/complex128 (float kinds). */
static inline bool same_values_nan(nd_array *got, nd_array *exp) {
    const nd_dtype_t *d = nd_dtype_kind(nd_dtype(got)) == 'c' ? ND_COMPLEX128 : ND_FLOAT64;
    nd_array *g = nd_astype(got, d, .order = 'C'), *e = nd_astype(exp, d, .order = 'C');
    bool ok = g && e;
    int64_t n = ok ? nd_size(g) * (d == ND_COMPLEX128 ? 2 : 1) : 0;
    for (int64_t i = 0; ok && i < n; i++) {
        double x = ((double *)nd_data(g))[i], y = ((double *)nd_data(e))[i];
        ok = (isnan(x) && isnan(y)) || (x == y && signbit(x) == signbit(y));
    }
    nd_free(g);
    nd_free(e);
    return ok;
}

static inline bool same_array(nd_array *got, nd_array *exp, const char *name) {
    bool ok = nd_dtype_equal(nd_dtype(got), nd_dtype(exp)) && nd_ndim(got) == nd_ndim(exp) &&
              !memcmp(nd_shape(got), nd_shape(exp), (size_t)nd_ndim(got) * sizeof(int64_t));
    if (ok) {
        int64_t n1, n2;
        char *b1 = nd_tobytes(got, 'C', &n1), *b2 = nd_tobytes(exp, 'C', &n2);
        ok = b1 && b2 && n1 == n2 && !memcmp(b1, b2, (size_t)n1);
        nd_free_bytes(b1);
        nd_free_bytes(b2);
        char k = nd_dtype_kind(nd_dtype(got));
        if (!ok && (k == 'f' || k == 'c')) ok = same_values_nan(got, exp);
    }
    if (!ok) {
        char *g = nd_array_repr(got), *e = nd_array_repr(exp);
        fprintf(stderr, "case [%s]:\n  got      %s %s\n  expected %s %s\n", name, nd_dtype_str_repr(nd_dtype(got)), g,
                nd_dtype_str_repr(nd_dtype(exp)), e);
        nd_free_bytes(g);
        nd_free_bytes(e);
    }
    return ok;
}

static inline bool read_label(const char *name) {
    nd_array *l = nd_load_file(G);
    check_count_++;
    if (!l || strcmp(label_text(l), name)) {
        check_failures_++;
        fprintf(stderr, "golden out of step at [%s] (file has [%s])\n", name, l ? label_text(l) : "EOF");
        nd_free(l);
        return false;
    }
    nd_free(l);
    return true;
}

static inline bool error_case(nd_array *exp, bool failed, const char *name) {
    if (!(nd_dtype_kind(nd_dtype(exp)) == 'S' && nd_ndim(exp) == 0 && !strncmp(nd_data(exp), "ERR:", 4))) return false;
    char want[512];
    int64_t n = nd_itemsize(exp) < 511 ? nd_itemsize(exp) : 511;
    memcpy(want, nd_data(exp), (size_t)n);
    want[n] = 0;
    char *type = want + 4, *msg = strchr(type, ':');
    *msg++ = 0;
    check_count_++;
    if (!failed || strcmp(nd_error_name(nd_error()), type) || strcmp(nd_error_message(), msg)) {
        check_failures_++;
        fprintf(stderr, "case [%s]: expected %s [%s], got %s [%s]\n", name, type, msg,
                failed ? nd_error_name(nd_error()) : "success", failed ? nd_error_message() : "");
    }
    return true;
}

/* Tolerances of the tolerant comparison, per float precision (0 half, 1 single, 2
 * double): an element passes when |got - exp| <= rel[p] * |exp| + abs[p] * scale, scale
 * being the largest finite |exp| of the case (at least 1).  NaN must meet NaN and an
 * infinity the same infinity; complex parts are compared one by one. */
typedef struct golden_tol {
    double rel[3], abs[3];
} golden_tol;

/* Float results within tol (dtype and shape exactly); anything else as same_array. */
static inline bool close_array(nd_array *got, nd_array *exp, const char *name, const golden_tol *tol) {
    char k = nd_dtype_kind(nd_dtype(got));
    if (!tol || (k != 'f' && k != 'c') || !nd_dtype_equal(nd_dtype(got), nd_dtype(exp)) || nd_ndim(got) != nd_ndim(exp) ||
        memcmp(nd_shape(got), nd_shape(exp), (size_t)nd_ndim(got) * sizeof(int64_t)))
        return same_array(got, exp, name); /* exact, and reports a difference */
    int64_t isz = nd_itemsize(got) / (k == 'c' ? 2 : 1);
    int p = isz == 2 ? 0 : isz == 4 ? 1 : 2;
    nd_array *g = nd_astype(got, ND_COMPLEX128, .order = 'C'), *e = nd_astype(exp, ND_COMPLEX128, .order = 'C');
    bool ok = g && e;
    int64_t n = ok ? nd_size(g) * 2 : 0;
    const double *x = ok ? nd_data(g) : NULL, *y = ok ? nd_data(e) : NULL;
    double scale = 1;
    for (int64_t i = 0; i < n; i++)
        if (isfinite(y[i]) && fabs(y[i]) > scale) scale = fabs(y[i]);
    for (int64_t i = 0; i < n && ok; i++) {
        if (isnan(x[i]) || isnan(y[i])) ok = isnan(x[i]) && isnan(y[i]);
        else if (isinf(x[i]) || isinf(y[i])) ok = x[i] == y[i];
        else ok = fabs(x[i] - y[i]) <= tol->rel[p] * fabs(y[i]) + tol->abs[p] * scale;
    }
    nd_free(g);
    nd_free(e);
    return ok || same_array(got, exp, name);
}

/* Compare got (consumed) with the next golden case, which must be labelled name:
 * float results within tol (NULL: bit for bit, as everything else). */
static inline void expect_near(const char *name, nd_array *got, const golden_tol *tol) {
    ncases++;
    if (!read_label(name)) { nd_free(got); exit(1); }
    nd_array *exp = nd_load_file(G);
    if (!exp) { CHECK(!"golden record"); nd_free(got); return; }
    if (!error_case(exp, got == NULL, name)) {
        check_count_++;
        if (!got) { check_failures_++; fprintf(stderr, "case [%s] failed: %s\n", name, nd_error_message()); }
        else if (!close_array(got, exp, name, tol)) check_failures_++;
    }
    nd_free(exp);
    nd_free(got);
    nd_error_clear();
}

/* Compare got (consumed) with the next golden case exactly. */
static inline void expect(const char *name, nd_array *got) { expect_near(name, got, NULL); }

/* Counts warnings instead of printing them. */
static int nwarn;
static char last_warning[256];
static inline void count_warning(const char *msg, void *ud) {
    (void)ud;
    nwarn++;
    snprintf(last_warning, sizeof last_warning, "%s", msg);
}

#endif
