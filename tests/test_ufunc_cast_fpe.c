/* Floating-point flags of casts inside ufunc calls, as NumPy 1.24 raises them (values
 * checked with np.errstate(all='raise'/'warn') there):
 *   float64/float32 -> float16: overflow when a finite value becomes inf (1e5, 65520),
 *     underflow when a nonzero value loses bits below the smallest normal (1e-10 -> 0,
 *     1e-6 -> an inexact subnormal); inf, NaN, 65519 and exact subnormals raise nothing;
 *   float -> int: invalid for NaN, inf and values out of the range the x86-64
 *     conversion goes through (int8/16/32, uint8/16: int32; uint32, int64: int64;
 *     uint64: [-2^63, 2^64)); 300 -> int8 (wraps to 44) and -1 -> uint64 raise nothing;
 *   int64/uint64 -> float16 out of range: overflow.
 * A ufunc casting its result into such an output names the ufunc, as NumPy:
 * np.add(x, 0, out=f16, casting='unsafe') says "overflow encountered in add".
 * astype and copyto raise the same flags as "... encountered in cast", as NumPy.
 * Also here: np.around of integers with negative decimals at the extremes, and the
 * TypeError texts when no loop fits (dtype= / operands), from NumPy golden files. */
#include "check.h"

#include <math.h>
#include <string.h>

static char warned[4][128];
static int nwarn;
static void on_warn(const char *msg, void *ud) {
    (void)ud;
    if (nwarn < 4) snprintf(warned[nwarn], sizeof warned[0], "%s", msg);
    nwarn++;
}

/* x (3 copies, dtype src) + 0 into an output of dtype dst: the error under raise ("" if
 * none), and the warnings under warn. */
static void run(const nd_dtype_t *src, double x, const nd_dtype_t *dst, const char *expect, const char *label) {
    nd_array *a = nd_full(ND_SHAPE(3), x, .dtype = src), *o = nd_zeros(ND_SHAPE(3), .dtype = dst);
    nd_array *big = nd_full(ND_SHAPE(20000), x, .dtype = src), *bo = nd_zeros(ND_SHAPE(20000), .dtype = dst);
    nd_array *col = big ? nd_get(big, "::-3") : NULL, *co = col ? nd_zeros(ND_SHAPE(nd_size(col)), .dtype = dst) : NULL;
    nd_errstate old = nd_seterr(.all = ND_FPE_RAISE);
    /* short, long contiguous and strided loops: every cast loop shape raises alike */
    nd_array *outs[3] = { o, bo, co }, *ins[3] = { a, big, col };
    for (int k = 0; k < 3; k++) {
        nd_error_clear();
        nd_array *r = nd_add(ins[k], 0, .out = outs[k], .casting = ND_CASTING_UNSAFE);
        if (!*expect) CHECK_MSG(r != NULL, "%s [%d]: unexpected %s", label, k, nd_error_message());
        else {
            CHECK_MSG(r == NULL && nd_error() == ND_ERR_FLOATING, "%s [%d]: expected FloatingPointError", label, k);
            CHECK_EQ_STR(nd_error_message(), expect);
        }
    }
    /* astype and copyto: the same flags, reported "... in cast" */
    char cast_msg[160] = "";
    if (*expect) snprintf(cast_msg, sizeof cast_msg, "%.*s in cast", (int)(strstr(expect, " in add") - expect), expect);
    for (int k = 0; k < 3; k++) {
        nd_error_clear();
        nd_array *c = nd_astype(ins[k], dst);
        int rc = nd_copyto(outs[k], ins[k], ND_CASTING_UNSAFE);
        if (!*expect) CHECK_MSG(c && rc == 0, "%s [%d]: astype/copyto: unexpected %s", label, k, nd_error_message());
        else {
            CHECK_MSG(!c && rc < 0 && nd_error() == ND_ERR_FLOATING, "%s [%d]: astype/copyto: expected FloatingPointError", label, k);
            CHECK_EQ_STR(nd_error_message(), cast_msg);
        }
        nd_free(c);
    }
    nd_seterr(.all = ND_FPE_WARN);
    nd_set_warning_handler(on_warn, NULL);
    nwarn = 0;
    nd_array *r = nd_add(a, 0, .out = o, .casting = ND_CASTING_UNSAFE);
    CHECK_MSG(r == o, "%s: warn mode fails: %s", label, nd_error_message());
    CHECK_EQ_INT(nwarn, *expect ? 1 : 0);
    if (*expect && nwarn == 1) {
        char want[160];
        snprintf(want, sizeof want, "RuntimeWarning: %s", expect);
        CHECK_EQ_STR(warned[0], want);
    }
    nd_set_warning_handler(NULL, NULL);
    nd_errstate_restore(&old);
    nd_free(a); nd_free(o); nd_free(big); nd_free(bo); nd_free(col); nd_free(co);
}

/* around.txt (make_around.py): np.around of integers with negative decimals at the
 * extremes, values and the error under errstate raise. */
static void test_around(void) {
    char path[1024];
    snprintf(path, sizeof path, "%s/ufunc/around.txt", ND_GOLDEN_DIR);
    char *txt = check_read_file(path, NULL);
    CHECK_MSG(txt != NULL, "missing %s", path);
    if (!txt) return;
    int ncase = 0;
    char *save = NULL;
    for (char *l = strtok_r(txt, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        char dtname[16], *p = l;
        int dec, used;
        if (sscanf(p, "%15s %d%n", dtname, &dec, &used) != 2) continue;
        p += used;
        const nd_dtype_t *dt = nd_dtype_parse(dtname);
        bool uns = nd_dtype_is_unsigned(dt);
        uint64_t in[8], want[8];
        int n = 0, m = 0;
        while (*p == ' ') p++;
        while (*p && !(p[0] == '-' && p[1] == '>') && n < 8) {  /* values up to "->" */
            in[n++] = uns ? strtoull(p, &p, 10) : (uint64_t)strtoll(p, &p, 10);
            while (*p == ' ') p++;
        }
        if (*p) p += 2;
        while (*p == ' ') p++;
        while (*p && *p != '|' && m < 8) {
            want[m++] = uns ? strtoull(p, &p, 10) : (uint64_t)strtoll(p, &p, 10);
            while (*p == ' ') p++;
        }
        const char *err = *p == '|' ? p + 1 : "";
        while (*err == ' ') err++;
        nd_array *a64 = nd_from_data(in, ND_SHAPE(n), uns ? ND_UINT64 : ND_INT64);
        nd_array *a = a64 ? nd_astype(a64, dt) : NULL;
        nd_array *r = a ? nd_around(a, .decimals = dec) : NULL;
        CHECK_MSG(r && nd_dtype(r) == dt && nd_size(r) == m, "%s: %s", l, nd_error_message());
        for (int k = 0; r && k < m && k < nd_size(r); k++) {
            nd_value v;
            nd_item(r, ND_IDX(k), &v);
            CHECK_MSG(v.v.u == want[k] || (!uns && v.v.i == (int64_t)want[k]), "%s: item %d is %lld", l, k, (long long)v.v.i);
        }
        nd_errstate old = nd_seterr(.all = ND_FPE_RAISE);
        nd_error_clear();
        nd_array *r2 = a ? nd_around(a, .decimals = dec) : NULL;
        if (*err) {
            CHECK_MSG(!r2 && nd_error() == ND_ERR_FLOATING, "%s: expected FloatingPointError", l);
            CHECK_EQ_STR(nd_error_message(), err);
        } else {
            CHECK_MSG(r2 != NULL, "%s: unexpected %s", l, nd_error_message());
        }
        nd_errstate_restore(&old);
        nd_free(r2);
        nd_free(r);
        nd_free(a);
        nd_free(a64);
        nd_dtype_free(dt);
        ncase++;
    }
    CHECK(ncase >= 30);
    free(txt);
}

/* noloop.txt (make_noloop.py): the TypeError texts when no loop fits the operands or
 * the requested dtype=. */
static nd_array *operand(const char *code) {
    if (!strcmp(code, "U1") || !strcmp(code, "S1")) {
        const char *a[1] = { "a" };
        return nd_from_strings(a, ND_SHAPE(1), code[0], 0);
    }
    const nd_dtype_t *d = nd_dtype_parse(code);
    nd_array *r = d ? nd_ones(ND_SHAPE(2), .dtype = d) : NULL;
    nd_dtype_free(d);
    return r;
}

static void test_noloop(void) {
    char path[1024];
    snprintf(path, sizeof path, "%s/ufunc/noloop.txt", ND_GOLDEN_DIR);
    char *txt = check_read_file(path, NULL);
    CHECK_MSG(txt != NULL, "missing %s", path);
    if (!txt) return;
    int ncase = 0;
    char *save = NULL;
    for (char *l = strtok_r(txt, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        char *f[5], *q = l;
        int nf = 0;
        for (; nf < 5 && q; nf++) {
            f[nf] = q;
            q = strchr(q, '\t');
            if (q) *q++ = 0;
        }
        if (nf != 5) continue;
        const nd_ufunc *uf = nd_ufunc_find(f[0]);
        nd_array *ops[2] = { NULL, NULL };
        char *c2 = strchr(f[1], ',');
        if (c2) *c2++ = 0;
        ops[0] = operand(f[1]);
        if (c2) ops[1] = operand(c2);
        const nd_dtype_t *dt = strcmp(f[2], "-") ? nd_dtype_parse(f[2]) : NULL;
        nd_ufunc_opts o = { .dtype = dt, .casting = !strcmp(f[3], "unsafe") ? ND_CASTING_UNSAFE : ND_CASTING_DEFAULT };
        nd_array *out[2] = { NULL, NULL };
        nd_error_clear();
        CHECK_MSG(uf && ops[0] && (!c2 || ops[1]), "%s: setup", f[0]);
        int rc = uf ? nd_ufunc_call(uf, (nd_operand[]){ nd_operand_array_(ops[0]), nd_operand_array_(ops[1]) }, out, &o) : -1;
        if (!strncmp(f[4], "OK ", 3)) {
            CHECK_MSG(rc == 0 && out[0] && !strcmp(nd_dtype_name(nd_dtype(out[0])), f[4] + 3), "%s %s dtype=%s: %s",
                      f[0], f[1], f[2], nd_error_message());
        } else {
            CHECK_MSG(rc < 0 && nd_error() == ND_ERR_TYPE, "%s %s dtype=%s: expected TypeError", f[0], f[1], f[2]);
            CHECK_EQ_STR(nd_error_message(), f[4]);
        }
        nd_free(out[0]);
        nd_free(out[1]);
        nd_free(ops[0]);
        nd_free(ops[1]);
        nd_dtype_free(dt);
        ncase++;
    }
    CHECK(ncase >= 40);
    /* reductions of strings say the same as add on the two dtypes */
    const char *a[1] = { "a" };
    nd_array *s = nd_from_strings(a, ND_SHAPE(1), 'U', 0);
    CHECK_ERR(nd_sum(s), ND_ERR_TYPE,
              "ufunc 'add' did not contain a loop with signature matching types (dtype('<U1'), dtype('<U1')) -> None");
    nd_free(s);
    free(txt);
}

int main(void) {
    test_around();
    test_noloop();
    /* float -> float16 */
    run(ND_FLOAT64, 1e5, ND_FLOAT16, "overflow encountered in add", "f64->f16 1e5");
    run(ND_FLOAT32, 1e5, ND_FLOAT16, "overflow encountered in add", "f32->f16 1e5");
    run(ND_FLOAT64, 65520, ND_FLOAT16, "overflow encountered in add", "f64->f16 65520");
    run(ND_FLOAT64, -65520, ND_FLOAT16, "overflow encountered in add", "f64->f16 -65520");
    run(ND_FLOAT64, 65519, ND_FLOAT16, "", "f64->f16 65519");
    run(ND_FLOAT64, INFINITY, ND_FLOAT16, "", "f64->f16 inf");
    run(ND_FLOAT64, NAN, ND_FLOAT16, "", "f64->f16 nan");
    run(ND_FLOAT64, 1e-10, ND_FLOAT16, "underflow encountered in add", "f64->f16 1e-10");
    run(ND_FLOAT64, 1e-6, ND_FLOAT16, "underflow encountered in add", "f64->f16 1e-6");
    run(ND_FLOAT64, ldexp(1, -20), ND_FLOAT16, "", "f64->f16 2^-20 (exact subnormal)");
    run(ND_FLOAT64, ldexp(1, -25), ND_FLOAT16, "underflow encountered in add", "f64->f16 2^-25");
    run(ND_FLOAT64, 0.0, ND_FLOAT16, "", "f64->f16 0");
    run(ND_FLOAT32, 1e-30f, ND_FLOAT16, "underflow encountered in add", "f32->f16 1e-30");
    /* float -> float32 (the hardware's flags) */
    run(ND_FLOAT64, 1e300, ND_FLOAT32, "overflow encountered in add", "f64->f32 1e300");
    run(ND_FLOAT64, 1e-300, ND_FLOAT32, "underflow encountered in add", "f64->f32 1e-300");
    /* float -> int */
    run(ND_FLOAT64, NAN, ND_INT32, "invalid value encountered in add", "f64->i32 nan");
    run(ND_FLOAT64, 1e300, ND_INT32, "invalid value encountered in add", "f64->i32 1e300");
    run(ND_FLOAT64, NAN, ND_INT64, "invalid value encountered in add", "f64->i64 nan");
    run(ND_FLOAT64, INFINITY, ND_INT64, "invalid value encountered in add", "f64->i64 inf");
    run(ND_FLOAT64, 1e19, ND_INT64, "invalid value encountered in add", "f64->i64 1e19");
    run(ND_FLOAT64, 300, ND_INT8, "", "f64->i8 300");
    run(ND_FLOAT64, 1e20, ND_INT8, "invalid value encountered in add", "f64->i8 1e20");
    run(ND_FLOAT64, 300, ND_UINT8, "", "f64->u8 300");
    run(ND_FLOAT64, 1e5, ND_INT16, "", "f64->i16 1e5");
    run(ND_FLOAT64, -1, ND_UINT64, "", "f64->u64 -1");
    run(ND_FLOAT64, 1e19, ND_UINT64, "", "f64->u64 1e19");
    run(ND_FLOAT64, 2e19, ND_UINT64, "invalid value encountered in add", "f64->u64 2e19");
    run(ND_FLOAT64, NAN, ND_UINT64, "invalid value encountered in add", "f64->u64 nan");
    run(ND_FLOAT64, -1e10, ND_UINT32, "", "f64->u32 -1e10");
    run(ND_FLOAT32, NAN, ND_INT32, "invalid value encountered in add", "f32->i32 nan");
    run(ND_FLOAT16, INFINITY, ND_INT8, "invalid value encountered in add", "f16->i8 inf");
    run(ND_FLOAT16, 1000, ND_UINT8, "", "f16->u8 1000");
    run(ND_COMPLEX128, NAN, ND_INT64, "invalid value encountered in add", "c128->i64 nan");
    run(ND_FLOAT64, NAN, ND_BOOL, "", "f64->bool nan");
    /* int -> float16 */
    run(ND_INT64, 100000, ND_FLOAT16, "overflow encountered in add", "i64->f16 1e5");
    run(ND_UINT64, 1e19, ND_FLOAT16, "overflow encountered in add", "u64->f16 1e19");
    run(ND_INT64, 65504, ND_FLOAT16, "", "i64->f16 65504");
    /* the values themselves are unchanged: inf, 0, INT_MIN patterns */
    nd_array *hs = ND_ARRAY(double, ND_SHAPE(4), 1e5, -65520, 1e-10, 65519), *h = nd_astype(hs, ND_FLOAT16);
    nd_array *hd = h ? nd_astype(h, ND_FLOAT64) : NULL;
    CHECK(hd && isinf(nd_item_double(hd, ND_IDX(0))) && nd_item_double(hd, ND_IDX(0)) > 0);
    CHECK(hd && isinf(nd_item_double(hd, ND_IDX(1))) && nd_item_double(hd, ND_IDX(1)) < 0);
    CHECK(hd && nd_item_double(hd, ND_IDX(2)) == 0 && nd_item_double(hd, ND_IDX(3)) == 65504);
    nd_free(hs);
    nd_free(h);
    nd_free(hd);
    nd_array *is = ND_ARRAY(double, ND_SHAPE(3), NAN, 300, 1e20), *i = nd_astype(is, ND_INT8);
    CHECK(i && nd_item_int(i, ND_IDX(0)) == 0 && nd_item_int(i, ND_IDX(1)) == 44 && nd_item_int(i, ND_IDX(2)) == 0);
    nd_free(is);
    nd_free(i);
    return check_done();
}
