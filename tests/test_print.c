/* Printing: the option API, NumPy 2.x output (the default; the 1.24 golden vectors
 * run under legacy "1.25" in test_print_vectors.c), scalars, errors, FILE output and
 * allocation failures.  The 2.x expectations are derived from the spec
 * (printing.md section 11), as no NumPy 2 is installed here: NumPy 1.24 prints
 * differently where noted. */
#include "check.h"
#include <complex.h>
#include <pthread.h>

#define REPR_IS(arr, want) do { nd_array *a_ = (arr); char *s_ = nd_array_repr(a_); \
    CHECK_EQ_STR(s_, want); nd_free_bytes(s_); nd_free(a_); } while (0)
#define STR_IS(arr, want) do { nd_array *a_ = (arr); char *s_ = nd_array_str(a_); \
    CHECK_EQ_STR(s_, want); nd_free_bytes(s_); nd_free(a_); } while (0)
/* f(tmp) then free tmp: keeps the expressions below leak-free. */
static nd_array *take_(nd_array *tmp, nd_array *result) { nd_free(tmp); return result; }
#define THEN(tmp, expr_of_t) ({ nd_array *t = (tmp); take_(t, (expr_of_t)); })
#define VREPR_IS(v, want) do { char *s_ = nd_value_repr(v); CHECK_EQ_STR(s_, want); nd_free_bytes(s_); } while (0)
#define VSTR_IS(v, want) do { char *s_ = nd_value_str(v); CHECK_EQ_STR(s_, want); nd_free_bytes(s_); } while (0)

static void options_api(void) {
    nd_reset_printoptions();
    nd_printoptions o = nd_get_printoptions();
    CHECK_EQ_INT(o.precision, 8);
    CHECK_EQ_INT(o.threshold, 1000);
    CHECK_EQ_INT(o.edgeitems, 3);
    CHECK_EQ_INT(o.linewidth, 75);
    CHECK_EQ_INT(o.suppress, 0);
    CHECK_EQ_INT(o.sign, '-');
    CHECK_EQ_INT(o.floatmode, ND_FLOATMODE_MAXPREC);
    CHECK_EQ_STR(o.nanstr, "nan");
    CHECK_EQ_STR(o.infstr, "inf");
    CHECK_EQ_STR(o.legacy, "false");
    /* only the given fields change, and 0 is a value like any other */
    CHECK(nd_set_printoptions(.precision = 0) == 0);
    CHECK(nd_set_printoptions(.suppress = true, .nanstr = "NaN") == 0);
    o = nd_get_printoptions();
    CHECK_EQ_INT(o.precision, 0);
    CHECK_EQ_INT(o.suppress, 1);
    CHECK_EQ_STR(o.nanstr, "NaN");
    CHECK_EQ_INT(o.threshold, 1000);
    CHECK(nd_set_printoptions() == 0); /* nothing given: nothing changes */
    CHECK_EQ_INT(nd_get_printoptions().precision, 0);
    /* restoring a saved set (np.printoptions context) */
    nd_printoptions saved = nd_get_printoptions();
    CHECK(nd_set_printoptions(.precision = 3, .legacy = "1.25", .threshold = 0) == 0);
    CHECK(nd_set_printoptions_ex(&saved) == 0);
    o = nd_get_printoptions();
    CHECK_EQ_INT(o.precision, 0);
    CHECK_EQ_STR(o.legacy, "false");
    CHECK_EQ_INT(o.threshold, 1000);
    CHECK(nd_set_printoptions_ex(NULL) == 0);
    /* bad values: NumPy's errors, nothing changed */
    CHECK_ERR(nd_set_printoptions(.sign = 'x'), ND_ERR_VALUE, "sign option must be one of ' ', '+', or '-'");
    CHECK_ERR(nd_set_printoptions(.floatmode = (nd_floatmode)42), ND_ERR_VALUE, "floatmode option must be one of");
    CHECK_ERR(nd_set_printoptions(.legacy = "3.0"), ND_ERR_VALUE, "legacy printing option can currently only be");
    CHECK_ERR(nd_set_printoptions(.legacy = "1.13"), ND_ERR_NOT_SUPPORTED, "1.13");
    CHECK_ERR(nd_set_printoptions(.precision = -1), ND_ERR_VALUE, "precision must be >= 0");
    CHECK_ERR(nd_set_printoptions(.edgeitems = -2, .precision = 5), ND_ERR_VALUE, "edgeitems must be >= 0");
    CHECK_EQ_INT(nd_get_printoptions().precision, 0);
    nd_printoptions bad = ND_PRINTOPTIONS_KEEP;
    memset(bad.nanstr, 'x', sizeof bad.nanstr); /* not terminated */
    CHECK_ERR(nd_set_printoptions_ex(&bad), ND_ERR_VALUE, "nanstr must be at most 31 bytes");
    CHECK(nd_set_printoptions(.legacy = "False") == 0);
    CHECK_EQ_STR(nd_get_printoptions().legacy, "false");
    nd_reset_printoptions();
}

static void *thread_main(void *arg) {
    (void)arg;
    nd_printoptions o = nd_get_printoptions(); /* a new thread starts from the defaults */
    return (void *)(intptr_t)(o.precision == 8 && o.threshold == 1000);
}

static void per_thread(void) {
    CHECK(nd_set_printoptions(.precision = 2, .threshold = 5) == 0);
    pthread_t th;
    void *ok = NULL;
    CHECK(pthread_create(&th, NULL, thread_main, NULL) == 0);
    pthread_join(th, &ok);
    CHECK(ok != NULL);
    CHECK_EQ_INT(nd_get_printoptions().precision, 2);
    nd_reset_printoptions();
}

/* NumPy 2.x defaults, spec section 11. */
static void numpy2(void) {
    nd_reset_printoptions();
    /* 2.2: a summarized repr shows the shape (1.24: array([   0, ..., 1000])) */
    REPR_IS(nd_arange(0, 1001, 1), "array([   0,    1,    2, ...,  998,  999, 1000], shape=(1001,))");
    STR_IS(nd_arange(0, 1001, 1), "[   0    1    2 ...  998  999 1000]");
    CHECK(nd_set_printoptions(.threshold = 5) == 0);
    REPR_IS(nd_arange(0, 10, 1), "array([0, 1, 2, ..., 7, 8, 9], shape=(10,))");
    /* size > threshold shows the shape even when no axis is shortened */
    REPR_IS(nd_arange(0, 6, 1, .dtype = ND_INT8), "array([0, 1, 2, 3, 4, 5], shape=(6,), dtype=int8)");
    CHECK(nd_set_printoptions(.threshold = 0) == 0);
    REPR_IS(ND_ARRAY(double, ND_SHAPE0, 1.5), "array(1.5, shape=())");
    /* the extras move to their own line together */
    CHECK(nd_set_printoptions(.threshold = 5, .linewidth = 40) == 0);
    REPR_IS(nd_arange(0, 10, 1, .dtype = ND_INT16),
            "array([0, 1, 2, ..., 7, 8, 9],\n      shape=(10,), dtype=int16)");
    /* legacy 2.1 and 2.2 hide the shape */
    CHECK(nd_set_printoptions(.legacy = "2.1", .linewidth = 75) == 0);
    REPR_IS(nd_arange(0, 10, 1), "array([0, 1, 2, ..., 7, 8, 9])");
    nd_reset_printoptions();

    /* 2.0: sign applies to integers (1.24: array([ 1,  2, -3])) */
    CHECK(nd_set_printoptions(.sign = '+') == 0);
    REPR_IS(ND_ARRAY(long, ND_SHAPE(3), 1, 2, -3), "array([+1, +2, -3])");
    REPR_IS(ND_ARRAY(unsigned char, ND_SHAPE(2), 0, 200), "array([  +0, +200], dtype=uint8)");
    CHECK(nd_set_printoptions(.sign = ' ') == 0);
    REPR_IS(ND_ARRAY(signed char, ND_SHAPE(3), 1, 2, 3), "array([ 1,  2,  3], dtype=int8)");
    REPR_IS(ND_ARRAY(long, ND_SHAPE(2), -1, 2), "array([-1,  2])");
    CHECK(nd_set_printoptions(.legacy = "1.25") == 0);
    REPR_IS(ND_ARRAY(long, ND_SHAPE(3), 1, 2, 3), "array([1, 2, 3])");
    nd_reset_printoptions();

    /* 2.0 (NEP 50): the small-value test is made in float32 (1.24: array([1.e-04], ...)) */
    REPR_IS(ND_ARRAY(float, ND_SHAPE(1), 1e-4f), "array([0.0001], dtype=float32)");
    /* 2.3: float16 >= 1e3 and float32 >= 1e6 are scientific in arrays */
    REPR_IS(ND_ARRAY(float, ND_SHAPE(1), 1e6f), "array([1.e+06], dtype=float32)");
    REPR_IS(ND_ARRAY(float, ND_SHAPE(1), 999999.f), "array([999999.], dtype=float32)");
    nd_array *h = THEN(ND_ARRAY(double, ND_SHAPE(2), 1000., 1.5), nd_astype(t, ND_FLOAT16));
    REPR_IS(nd_ref(h), "array([1.0e+03, 1.5e+00], dtype=float16)");
    CHECK(nd_set_printoptions(.legacy = "2.2") == 0);
    REPR_IS(nd_ref(h), "array([1000. ,    1.5], dtype=float16)");
    CHECK(nd_set_printoptions(.legacy = "1.25") == 0);
    REPR_IS(ND_ARRAY(float, ND_SHAPE(1), 1e6f), "array([1000000.], dtype=float32)");
    REPR_IS(ND_ARRAY(float, ND_SHAPE(1), 1e-4f), "array([1.e-04], dtype=float32)");
    nd_reset_printoptions();
    nd_free(h);
}

static void scalars(void) {
    nd_reset_printoptions();
    /* NEP 51 reprs (NumPy 2) */
    VREPR_IS(nd_value_double(1.5), "np.float64(1.5)");
    VREPR_IS(nd_value_double(1.0), "np.float64(1.0)");
    VREPR_IS(nd_value_double(NAN), "np.float64(nan)");
    VREPR_IS(nd_value_typed(ND_FLOAT32, 0.1), "np.float32(0.1)");
    VREPR_IS(nd_value_typed(ND_FLOAT16, 0.1), "np.float16(0.1)");
    VREPR_IS(nd_value_int(5), "np.int64(5)");
    VREPR_IS(nd_value_typed(ND_UINT8, 3), "np.uint8(3)");
    VREPR_IS(nd_value_typed(ND_INT16, -7), "np.int16(-7)");
    VREPR_IS(nd_value_bool(true), "np.True_");
    VREPR_IS(nd_value_bool(false), "np.False_");
    VREPR_IS(nd_value_complex(1, 2), "np.complex128(1+2j)");
    VREPR_IS(nd_value_complex(0, 1), "np.complex128(1j)");
    VREPR_IS(nd_value_complex(-0.0, -1), "np.complex128(-0-1j)");
    VREPR_IS(nd_value_typed(ND_COMPLEX64, 0.5), "np.complex64(0.5+0j)");
    /* str is unchanged */
    VSTR_IS(nd_value_double(1.5), "1.5");
    VSTR_IS(nd_value_double(1e16), "1e+16");
    VSTR_IS(nd_value_double(1e15), "1000000000000000.0");
    VSTR_IS(nd_value_double(-0.0), "-0.0");
    VSTR_IS(nd_value_double(-INFINITY), "-inf");
    VSTR_IS(nd_value_double(1e-5), "1e-05");
    VSTR_IS(nd_value_complex(1, 2), "(1+2j)");
    VSTR_IS(nd_value_complex(NAN, -INFINITY), "(nan-infj)");
    VSTR_IS(nd_value_complex(0, 1), "1j");
    VSTR_IS(nd_value_bool(true), "True");
    VSTR_IS(nd_value_uint(18446744073709551615ULL), "18446744073709551615");
    /* 2.3: scalar float16 >= 1e3 and float32 >= 1e6 print in scientific notation */
    VSTR_IS(nd_value_typed(ND_FLOAT16, 65504), "6.55e+04");
    VSTR_IS(nd_value_typed(ND_FLOAT32, 1e6), "1e+06");
    VSTR_IS(nd_value_typed(ND_FLOAT32, 99999992.), "9.999999e+07");
    CHECK(nd_set_printoptions(.legacy = "1.25") == 0);
    VREPR_IS(nd_value_double(1.5), "1.5");
    VREPR_IS(nd_value_bool(true), "True");
    VREPR_IS(nd_value_complex(1, 2), "(1+2j)");
    VREPR_IS(nd_value_int(5), "5");
    VSTR_IS(nd_value_typed(ND_FLOAT16, 65504), "65500.0");
    VSTR_IS(nd_value_typed(ND_FLOAT32, 99999992.), "99999990.0");
    nd_reset_printoptions();
    /* str of a 0-d array is the scalar's str */
    STR_IS(ND_ARRAY(float, ND_SHAPE0, 1e6f), "1e+06");
    STR_IS(ND_ARRAY(double, ND_SHAPE0, 1.5), "1.5");
    nd_value bad = { 0 };
    CHECK_ERR(nd_value_repr(bad), ND_ERR_TYPE, NULL);
}

static void misc(void) {
    nd_reset_printoptions();
    /* empty arrays of every shape */
    REPR_IS(nd_zeros(ND_SHAPE(0, 3)), "array([], shape=(0, 3), dtype=float64)");
    REPR_IS(nd_zeros(ND_SHAPE(0)), "array([], dtype=float64)");
    REPR_IS(nd_zeros(ND_SHAPE(2, 0), .dtype = ND_BOOL), "array([], shape=(2, 0), dtype=bool)");
    STR_IS(nd_zeros(ND_SHAPE(2, 0, 4)), "[]");
    /* non-contiguous: a broadcast (zero-stride) view */
    REPR_IS(THEN(ND_ARRAY(double, ND_SHAPE(2), 1.5, -2), nd_broadcast_to(t, ND_SHAPE(2, 2))),
            "array([[ 1.5, -2. ],\n       [ 1.5, -2. ]])");
    /* every dtype prints */
    const nd_dtype_t *all[] = { ND_BOOL, ND_INT8, ND_INT16, ND_INT32, ND_INT64, ND_UINT8, ND_UINT16,
        ND_UINT32, ND_UINT64, ND_FLOAT16, ND_FLOAT32, ND_FLOAT64, ND_COMPLEX64, ND_COMPLEX128 };
    const char *want[] = { "array([False,  True])", "array([0, 1], dtype=int8)",
        "array([0, 1], dtype=int16)", "array([0, 1], dtype=int32)", "array([0, 1])",
        "array([0, 1], dtype=uint8)", "array([0, 1], dtype=uint16)", "array([0, 1], dtype=uint32)",
        "array([0, 1], dtype=uint64)", "array([0., 1.], dtype=float16)",
        "array([0., 1.], dtype=float32)", "array([0., 1.])",
        "array([0.+0.j, 1.+0.j], dtype=complex64)", "array([0.+0.j, 1.+0.j])" };
    for (int k = 0; k < 14; k++) REPR_IS(THEN(nd_arange(0, 2, 1), nd_astype(t, all[k])), want[k]);
    const char *strs[] = { "a", "bc" };
    REPR_IS(nd_from_strings(strs, ND_SHAPE(2), 'U', 0), "array(['a', 'bc'], dtype='<U2')");
    REPR_IS(nd_from_strings(strs, ND_SHAPE(2), 'S', 0), "array([b'a', b'bc'], dtype='|S2')");
    /* bad arguments */
    CHECK_ERR(nd_array_repr(NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_array_str(NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_print(NULL), ND_ERR_VALUE, NULL);
    nd_array *a = ND_ARRAY(double, ND_SHAPE(3), 1, 2.5, 3);
    CHECK_ERR(nd_fprint(NULL, a), ND_ERR_VALUE, NULL);
    /* FILE output */
    char path[512];
    snprintf(path, sizeof path, "%s/print_out.txt", ND_TMP_DIR);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        CHECK(nd_fprint(f, a) == 0);
        fclose(f);
        char *got = check_read_file(path, NULL);
        CHECK_EQ_STR(got, "[1.  2.5 3. ]\n");
        free(got);
        remove(path);
    }
    nd_free(a);
}

/* Float arrays whose digits take the other paths of src/print/digits.c: digits
 * beyond the shortest (float32 exact expansion), float16, complex, summaries with
 * edgeitems 0/1 (the layout walk meets other elements than the width walk).
 * Expected text: NumPy 1.24, the same as 2.x for these arrays. */
static void digit_paths(void) {
    nd_reset_printoptions();
    REPR_IS(ND_ARRAY(float, ND_SHAPE(5), 0.1f, 1e-5f, 3.0f, 123.456f, 7e10f),
            "array([1.00000e-01, 1.00000e-05, 3.00000e+00, 1.23456e+02, 7.00000e+10],\n      dtype=float32)");
    REPR_IS(THEN(ND_ARRAY(double, ND_SHAPE(5), 0.1, 2.5, 1.0 / 3, 65504, 6e-8), nd_astype(t, ND_FLOAT16)),
            "array([9.998e-02, 2.500e+00, 3.333e-01, 6.550e+04, 5.960e-08],\n      dtype=float16)");
    REPR_IS(THEN(ND_ARRAY(double _Complex, ND_SHAPE(3), 0.1 + 0.2 * I, 1e-5 - 3 * I, 1.0 / 3 + 1e6 * I),
                 nd_astype(t, ND_COMPLEX64)),
            "array([1.0000000e-01+2.e-01j, 9.9999997e-06-3.e+00j,\n       3.3333334e-01+1.e+06j], dtype=complex64)");
    nd_array *d = nd_empty(ND_SHAPE(5, 8));
    CHECK(d != NULL);
    if (!d) return;
    for (int i = 0; i < 40; i++) ((double *)nd_data(d))[i] = i / 7.0;
    CHECK(nd_set_printoptions(.threshold = 10, .edgeitems = 1, .legacy = "1.25") == 0);
    REPR_IS(nd_ref(d), "array([[0.        , ..., 1.        ],\n       ...,\n       [4.57142857, ..., 5.57142857]])");
    CHECK(nd_set_printoptions(.edgeitems = 0) == 0);
    REPR_IS(nd_ref(d), "array([...,\n       [..., 5.57142857]])");
    nd_free(d);
    nd_reset_printoptions();
    CHECK(nd_set_printoptions(.floatmode = ND_FLOATMODE_FIXED, .precision = 20) == 0);
    REPR_IS(ND_ARRAY(float, ND_SHAPE(3), 0.1f, 1.0f / 3, 2.5e-7f),
            "array([1.00000001490116119385e-01, 3.33333343267440795898e-01,\n"
            "       2.49999999368810676970e-07], dtype=float32)");
    CHECK(nd_set_printoptions(.floatmode = ND_FLOATMODE_MAXPREC_EQUAL, .precision = 8) == 0);
    REPR_IS(ND_ARRAY(double, ND_SHAPE(4), 0.1, 0.25, 1.0 / 3, 1e-3), "array([0.10000000, 0.25000000, 0.33333333, 0.00100000])");
    nd_reset_printoptions();
    /* integer extremes (digits written by hand, not printf) */
    REPR_IS(ND_ARRAY(int64_t, ND_SHAPE(3), INT64_MIN, INT64_MAX, 0),
            "array([-9223372036854775808,  9223372036854775807,                    0])");
    REPR_IS(ND_ARRAY(uint64_t, ND_SHAPE(2), UINT64_MAX, 7), "array([18446744073709551615,                    7], dtype=uint64)");
    CHECK(nd_set_printoptions(.sign = '+') == 0);
    REPR_IS(ND_ARRAY(int8_t, ND_SHAPE(3), -128, 127, 0), "array([-128, +127,   +0], dtype=int8)");
    nd_reset_printoptions();
}

/* Every allocation of repr/str may fail: a memory error, nothing leaked (ASan). */
static int64_t fail_at_, calls_;
static void *fail_malloc(size_t n, void *ctx) { (void)ctx; return ++calls_ == fail_at_ ? NULL : malloc(n); }
static void *fail_realloc(void *p, size_t o, size_t n, void *ctx) {
    (void)ctx; (void)o; return ++calls_ == fail_at_ ? NULL : realloc(p, n);
}
static void fail_free(void *p, size_t n, void *ctx) { (void)ctx; (void)n; free(p); }

static void alloc_failures(void) {
    nd_array *a = THEN(nd_arange(0, 2000, 1, .dtype = ND_FLOAT64), nd_reshape(t, ND_SHAPE(20, 100)));
    nd_array *c = ND_ARRAY(double _Complex, ND_SHAPE(2), 1.5, 2.0);
    CHECK(a && c);
    nd_allocator fa = { fail_malloc, fail_realloc, fail_free, NULL };
    for (int which = 0; which < 3; which++) {
        bool done = false;
        for (fail_at_ = 1; !done && fail_at_ < 10000; fail_at_++) {
            calls_ = 0;
            nd_set_allocator(&fa);
            nd_error_clear();
            char *s = which == 0 ? nd_array_repr(a) : which == 1 ? nd_array_str(c) : nd_value_repr(nd_value_double(0.1));
            nd_set_allocator(NULL);
            if (s) { done = true; nd_free_bytes(s); }
            else CHECK_EQ_INT(nd_error(), ND_ERR_MEMORY);
        }
        CHECK(done);
    }
    nd_free(a);
    nd_free(c);
}

int main(void) {
    options_api();
    per_thread();
    numpy2();
    scalars();
    misc();
    digit_paths();
    alloc_failures();
    return check_done();
}
