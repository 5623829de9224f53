/* Ufunc engine tests against NumPy golden data (tests/golden/ufunc/make_ufunc.py):
 * result dtypes of every ufunc for every dtype pair, values on edge cases for every
 * dtype (contiguous, negative-stride and strided operands), NEP 50 weak scalars
 * (NumPy 2 semantics; 1.24 generated them with _set_promotion_state('weak')),
 * reductions, exact pairwise float sums; then out/where/casting/overlap, methods,
 * errors, errstate and custom ufuncs. */
#include "check.h"

#include <stdint.h>

static const nd_dtype_t *dt_of(const char *name) { return nd_dtype_parse(name); }

/* Store the text value tok into element i of a (1-d). */
static void put(nd_array *a, int64_t i, const char *tok) {
    const nd_dtype_t *d = nd_dtype(a);
    char kind = nd_dtype_kind(d);
    nd_value v;
    if (kind == 'b') v = nd_value_bool(tok[0] == '1');
    else if (kind == 'i') v = nd_value_int(strtoll(tok, NULL, 10));
    else if (kind == 'u') v = nd_value_uint(strtoull(tok, NULL, 10));
    else if (kind == 'f') v = nd_value_double(strtod(tok, NULL));
    else {
        char *e;
        double re = strtod(tok, &e);
        v = nd_value_complex(re, strtod(e + 1, NULL));
    }
    nd_itemset_ex(a, ND_IDX(i), v);
}

/* Does element i of a equal the text value (NaN equals NaN, -0.0 differs from 0.0)? */
static int same(const nd_array *a, int64_t i, const char *tok) {
    nd_value v;
    if (nd_item(a, ND_IDX(i), &v) < 0) return 0;
    char kind = nd_dtype_kind(nd_dtype(a));
    if (kind == 'b') return v.v.b == (tok[0] == '1');
    if (kind == 'i') return v.v.i == strtoll(tok, NULL, 10);
    if (kind == 'u') return v.v.u == strtoull(tok, NULL, 10);
    double re, im = 0, gr, gi = 0;
    char *e;
    re = strtod(tok, &e);
    if (kind == 'c') { im = strtod(e + 1, NULL); gr = v.v.c.re; gi = v.v.c.im; }
    else gr = v.v.f;
    int ok = (isnan(re) ? isnan(gr) : (gr == re && signbit(gr) == signbit(re)));
    if (kind == 'c') ok &= isnan(im) ? isnan(gi) : (gi == im && signbit(gi) == signbit(im));
    return ok;
}

static int split(char *line, char **tok, int cap) {
    int n = 0;
    for (char *t = strtok(line, " \n"); t && n < cap; t = strtok(NULL, " \n")) tok[n++] = t;
    return n;
}

static char *golden(const char *name) {
    char path[512];
    snprintf(path, sizeof path, "%s/ufunc/%s", ND_GOLDEN_DIR, name);
    char *s = check_read_file(path, NULL);
    if (!s) fprintf(stderr, "missing golden file %s\n", path);
    return s;
}

static nd_array *call(const nd_ufunc *uf, nd_operand x, nd_operand y) {
    nd_array *out[2] = { NULL, NULL };
    nd_operand in[2] = { x, y };
    if (nd_ufunc_call(uf, in, out, NULL) < 0) return NULL;
    nd_free(out[1]);
    return out[0];
}

/* ------------------------------------------------------------ types */

static void test_types(void) {
    char *s = golden("types.txt");
    if (!s) { CHECK(0); return; }
    char *save, *line;
    int n = 0;
    for (line = strtok_r(s, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char name[32], a[16], b[16], r[16];
        if (sscanf(line, "%31s %15s %15s %15s", name, a, b, r) != 4) continue;
        const nd_ufunc *uf = nd_ufunc_find(name);
        CHECK(uf != NULL);
        if (!uf) continue;
        nd_array *x = nd_ones(ND_SHAPE(2), .dtype = dt_of(a));
        nd_array *y = strcmp(b, "-") ? nd_ones(ND_SHAPE(2), .dtype = dt_of(b)) : nd_ones(ND_SHAPE(2), .dtype = dt_of(a));
        nd_error_clear();
        ND_ERRSTATE(.all = ND_FPE_IGNORE) {
            nd_array *res = call(uf, ND_OPERAND(x), ND_OPERAND(y));
            const char *got = res ? nd_dtype_name(nd_dtype(res)) : nd_error_name(nd_error());
            CHECK_MSG(!strcmp(got, r), "%s(%s, %s): %s, NumPy %s (%s)", name, a, b, got, r, nd_error_message());
            nd_free(res);
        }
        nd_free(x);
        nd_free(y);
        n++;
    }
    CHECK(n > 5000);
    free(s);
}

/* ------------------------------------------------------------ values */

static int flags_seen;
static void on_fpe(const char *msg, int flag, void *ud) { (void)msg; (void)ud; flags_seen |= flag; }

static nd_array *make(const char *dt, char **tok, int n, int layout) {
    /* layout 0: contiguous; 1: reversed memory seen through ::-1; 2: every other element */
    nd_array *base = nd_empty(ND_SHAPE(layout == 2 ? 2 * n : n), .dtype = dt_of(dt));
    for (int i = 0; i < n; i++) put(base, layout == 1 ? n - 1 - i : layout == 2 ? 2 * i : i, tok[i]);
    if (layout == 0) return base;
    nd_array *v = nd_get(base, layout == 1 ? "::-1" : "::2");
    nd_free(base);
    return v;
}

static void test_values(void) {
    char *s = golden("values.txt");
    if (!s) { CHECK(0); return; }
    char *lines[4], *save;
    int blocks = 0;
    lines[0] = strtok_r(s, "\n", &save);
    while (lines[0]) {
        for (int k = 1; k < 4; k++) lines[k] = strtok_r(NULL, "\n", &save);
        if (!lines[3]) break;
        char name[32], dt[16], rdt[16];
        int bits;
        sscanf(lines[0], "V %31s %15s %15s %d", name, dt, rdt, &bits);
        char *xt[16], *yt[16], *rt[16];
        int n = split(lines[1], xt, 16);
        split(lines[2], yt, 16);
        split(lines[3], rt, 16);
        bool dm = !strncmp(name, "divmod", 6);
        const nd_ufunc *uf = nd_ufunc_find(dm ? "divmod" : name);
        for (int layout = 0; layout < 3 && uf; layout++) {
            nd_array *x = make(dt, xt, n, layout), *y = make(dt, yt, n, layout);
            nd_array *out[2] = { NULL, NULL };
            flags_seen = 0;
            int rc;
            ND_ERRSTATE(.all = ND_FPE_CALL, .call = on_fpe) {
                rc = nd_ufunc_call(uf, (nd_operand[]){ ND_OPERAND(x), ND_OPERAND(y) }, out, NULL);
            }
            CHECK_MSG(rc == 0, "%s %s: %s", name, dt, nd_error_message());
            nd_array *r = dm && !strcmp(name, "divmod_r") ? out[1] : out[0];
            if (rc == 0) {
                CHECK_MSG(!strcmp(nd_dtype_name(nd_dtype(r)), rdt), "%s %s dtype %s", name, dt, nd_dtype_name(nd_dtype(r)));
                for (int i = 0; i < n; i++)
                    CHECK_MSG(same(r, i, rt[i]), "%s(%s) layout %d element %d: x=%s y=%s expected %s got %.17g", name, dt,
                              layout, i, xt[i], yt[i], rt[i], nd_item_double(r, ND_IDX(i)));
                /* NumPy's flags must be raised (nd may raise more for float16 casts: not checked) */
                CHECK_MSG((flags_seen & bits) == bits, "%s(%s): flags %d, NumPy %d", name, dt, flags_seen, bits);
            }
            nd_free(out[0]);
            nd_free(out[1]);
            nd_free(x);
            nd_free(y);
        }
        blocks++;
        lines[0] = strtok_r(NULL, "\n", &save);
    }
    CHECK(blocks > 400);
    free(s);
}

/* ------------------------------------------------------------ weak scalars */

static void test_weak(void) {
    char *s = golden("weak.txt");
    if (!s) { CHECK(0); return; }
    char *save;
    for (char *line = strtok_r(s, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *t[8];
        int n = split(line, t, 8);
        if (n < 5) continue;
        const nd_ufunc *uf = nd_ufunc_find(t[0]);
        nd_value v;
        char k = t[2][0];
        if (k == 'i') v = nd_value_int(strtoll(t[3], NULL, 10));
        else if (k == 'f') v = nd_value_double(strtod(t[3], NULL));
        else if (k == 'b') v = nd_value_bool(t[3][0] == '1');
        else { char *e; double re = strtod(t[3], &e); v = nd_value_complex(re, strtod(e + 1, NULL)); }
        nd_array *x = nd_ones(ND_SHAPE(2), .dtype = dt_of(t[1]));
        nd_error_clear();
        nd_array *r = NULL;
        ND_ERRSTATE(.all = ND_FPE_IGNORE) { r = call(uf, ND_OPERAND(x), ND_OPERAND(v)); }
        if (n == 5) {
            CHECK_MSG(!r && !strcmp(nd_error_name(nd_error()), t[4]), "%s(%s, %s): expected %s, got %s %s", t[0], t[1],
                      t[3], t[4], r ? nd_dtype_name(nd_dtype(r)) : nd_error_name(nd_error()), nd_error_message());
        } else {
            CHECK_MSG(r && !strcmp(nd_dtype_name(nd_dtype(r)), t[4]), "%s(%s, %s): expected %s, got %s %s", t[0], t[1],
                      t[3], t[4], r ? nd_dtype_name(nd_dtype(r)) : "error", nd_error_message());
            if (r) CHECK_MSG(same(r, 0, t[5]), "%s(%s, %s): value %s", t[0], t[1], t[3], t[5]);
        }
        nd_free(r);
        nd_free(x);
    }
    free(s);
}

/* ------------------------------------------------------------ reductions */

static nd_array *grid(const char *dt) {
    nd_array *i = nd_arange(0, 12, 1), *m = nd_remainder(i, 5), *s = nd_subtract(m, 1);
    nd_array *r = nd_reshape(s, ND_SHAPE(3, 4)), *a = nd_astype(r, dt_of(dt));
    nd_free(i); nd_free(m); nd_free(s); nd_free(r);
    return a;
}

static double bench_f64(uint64_t i) {
    return ((double)((i * UINT64_C(0x9E3779B97F4A7C15)) >> 11) * 0x1p-53) * 2000.0 - 1000.0;
}

static void test_reduce_golden(void) {
    char *s = golden("reduce.txt");
    if (!s) { CHECK(0); return; }
    char *save, *line = strtok_r(s, "\n", &save);
    while (line) {
        if (line[0] == 'S') {
            char dt[16], e1[64], e2[64];
            long n;
            sscanf(line, "S %15s %ld %63s %63s", dt, &n, e1, e2);
            nd_array *a = nd_empty(ND_SHAPE(n));
            for (long i = 0; i < n; i++) ((double *)nd_data(a))[i] = bench_f64((uint64_t)i);
            nd_array *b = nd_astype(a, dt_of(dt)), *v = nd_get(b, "::3");
            nd_array *s1 = nd_sum(b), *s2 = nd_sum(v);
            CHECK_MSG(s1 && same(s1, 0, e1), "sum %s n=%ld: %.17g expected %s", dt, n, nd_item_double(s1, ND_IDX(0)), e1);
            CHECK_MSG(s2 && same(s2, 0, e2), "sum %s[::3] n=%ld: %.17g expected %s", dt, n, nd_item_double(s2, ND_IDX(0)), e2);
            nd_free(a); nd_free(b); nd_free(v); nd_free(s1); nd_free(s2);
            line = strtok_r(NULL, "\n", &save);
            continue;
        }
        char fn[16], dt[16], ax[8], rdt[16], shp[32] = "";
        sscanf(line, "R %15s %15s %7s %15s %31s", fn, dt, ax, rdt, shp);
        char *vals = strtok_r(NULL, "\n", &save);
        char *t[64];
        int n = vals ? split(vals, t, 64) : 0;
        nd_array *a = grid(dt), *r = NULL;
        nd_reduce_opts ro = { 0 };
        nd_accumulate_opts ao = { 0 };
        if (ax[0] != 'N') { ro.axis = ND_AXIS(atoi(ax)); ao.axis = ND_AXIS(atoi(ax)); }
        ND_ERRSTATE(.all = ND_FPE_IGNORE) {
            if (!strcmp(fn, "sum")) r = nd_sum_ex(a, &ro);
            else if (!strcmp(fn, "prod")) r = nd_prod_ex(a, &ro);
            else if (!strcmp(fn, "max")) r = nd_max_ex(a, &ro);
            else if (!strcmp(fn, "min")) r = nd_min_ex(a, &ro);
            else if (!strcmp(fn, "all")) r = nd_all_ex(a, &ro);
            else if (!strcmp(fn, "any")) r = nd_any_ex(a, &ro);
            else if (!strcmp(fn, "cumsum")) r = nd_cumsum_ex(a, &ao);
            else if (!strcmp(fn, "cumprod")) r = nd_cumprod_ex(a, &ao);
        }
        CHECK_MSG(r != NULL, "%s(%s, axis=%s): %s", fn, dt, ax, nd_error_message());
        if (r) {
            CHECK_MSG(!strcmp(nd_dtype_name(nd_dtype(r)), rdt), "%s(%s, axis=%s) dtype %s expected %s", fn, dt, ax,
                      nd_dtype_name(nd_dtype(r)), rdt);
            nd_array *f = nd_ravel(r, 'C');
            CHECK_EQ_INT(nd_size(f), n);
            for (int i = 0; i < n && i < nd_size(f); i++)
                CHECK_MSG(same(f, i, t[i]), "%s(%s, axis=%s)[%d]: expected %s got %g", fn, dt, ax, i, t[i],
                          nd_item_double(f, ND_IDX(i)));
            nd_free(f);
        }
        nd_free(r);
        nd_free(a);
        line = strtok_r(NULL, "\n", &save);
    }
    free(s);
}

/* ------------------------------------------------------------ engine behaviour */

static double at(const nd_array *a, int64_t i) { return nd_item_double(a, ND_IDX(i)); }

static void test_options(void) {
    nd_array *a = nd_arange(0.0, 6.0, 1.0), *m = nd_reshape(a, ND_SHAPE(2, 3));
    /* broadcasting: row and column */
    nd_array *row = ND_ARRAY(double, ND_SHAPE(3), 10, 20, 30), *col = ND_ARRAY(double, ND_SHAPE(2, 1), 100, 200);
    nd_array *r1 = nd_add(m, row), *r2 = nd_add(m, col);
    CHECK(r1 && nd_ndim(r1) == 2 && nd_item_double(r1, ND_IDX(1, 2)) == 35);
    nd_array *f2 = nd_ravel(r2, 'C');
    CHECK(f2 && at(f2, 0) == 100 && at(f2, 5) == 205);
    nd_free(f2);
    /* broadcast error, NumPy's text */
    nd_array *four = nd_zeros(ND_SHAPE(4));
    CHECK_ERR(nd_add(a, four), ND_ERR_VALUE, "operands could not be broadcast together with shapes (6,) (4,) ");
    /* out: returned without a new reference; casting checks */
    nd_array *o = nd_zeros(ND_SHAPE(2, 3));
    CHECK(nd_multiply(m, 2, .out = o) == o);
    nd_array *oi = nd_zeros(ND_SHAPE(6), .dtype = ND_INT64);
    CHECK_ERR(nd_add(a, a, .out = oi), ND_ERR_TYPE,
              "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'");
    CHECK(nd_add(a, a, .out = oi, .casting = ND_CASTING_UNSAFE) == oi && at(oi, 5) == 10);
    nd_array *i8 = nd_astype(a, ND_INT8);
    CHECK_ERR(nd_add(i8, a, .casting = ND_CASTING_NO), ND_ERR_TYPE,
              "Cannot cast ufunc 'add' input 0 from dtype('int8') to dtype('float64') with casting rule 'no'");
    CHECK_ERR(nd_add(a, a, .out = four), ND_ERR_VALUE, "operands could not be broadcast together");
    nd_array *big = nd_zeros(ND_SHAPE(2, 6));
    CHECK(nd_add(a, 1.0, .out = big) == big && nd_item_double(big, ND_IDX(1, 5)) == 6);
    /* dtype= */
    nd_array *d = nd_add(i8, i8, .dtype = ND_FLOAT32);
    CHECK(d && nd_dtype(d) == ND_FLOAT32);
    CHECK_ERR(nd_add(a, a, .dtype = ND_INT64), ND_ERR_TYPE, "input 0 from dtype('float64') to dtype('int64')");
    /* where: untouched where False */
    nd_array *w = nd_greater(a, 2.5), *ow = nd_full(ND_SHAPE(6), -1.0);
    CHECK(nd_add(a, 100.0, .where = w, .out = ow) == ow);
    CHECK(at(ow, 0) == -1 && at(ow, 3) == 103 && at(ow, 5) == 105);
    /* where with a cast (int8 + float64 out) */
    nd_array *ow2 = nd_full(ND_SHAPE(6), -1.0);
    CHECK(nd_add(i8, 1, .where = w, .out = ow2, .casting = ND_CASTING_UNSAFE) == ow2 && at(ow2, 2) == -1 && at(ow2, 4) == 5);
    /* in place and overlapping views */
    nd_array *x = nd_arange(0.0, 6.0, 1.0);
    nd_add(x, 1.0, .out = x);
    CHECK(at(x, 0) == 1 && at(x, 5) == 6);
    nd_array *lo = nd_get(x, ":5"), *hi = nd_get(x, "1:");
    nd_add(lo, 0.0, .out = hi); /* x[1:] = x[:5]: NumPy copies, giving 1 1 2 3 4 5 */
    CHECK(at(x, 0) == 1 && at(x, 1) == 1 && at(x, 2) == 2 && at(x, 5) == 5);
    nd_array *rv = nd_get(x, "::-1");
    nd_add(rv, 0.0, .out = x); /* x = x[::-1] */
    CHECK(at(x, 0) == 5 && at(x, 5) == 1);
    /* empty and 0-d */
    nd_array *e = nd_zeros(ND_SHAPE(0, 3)), *er = nd_add(e, row);
    CHECK(er && nd_size(er) == 0 && nd_ndim(er) == 2);
    nd_array *z = nd_full(ND_SHAPE0, 2.5), *zr = nd_multiply(z, z);
    CHECK(zr && nd_ndim(zr) == 0 && at(zr, 0) == 6.25);
    nd_array *ss = call(nd_ufunc_add, ND_OPERAND(1), ND_OPERAND(2.5));
    CHECK(ss && nd_ndim(ss) == 0 && nd_dtype(ss) == ND_FLOAT64 && nd_item_double(ss, ND_IDX(0)) == 3.5);
    /* non-contiguous 2-d (transpose) with a cast */
    nd_array *t = nd_T(m), *ti = nd_add(t, 1);
    CHECK(ti && nd_item_double(ti, ND_IDX(2, 1)) == 6);
    /* bad arguments */
    CHECK_ERR(nd_add((nd_array *)NULL, 1), ND_ERR_TYPE, "input 0 is NULL");
    CHECK_ERR(nd_bitwise_and(a, a), ND_ERR_TYPE, "ufunc 'bitwise_and' not supported for the input types");
    CHECK_ERR(nd_negative(w), ND_ERR_TYPE, "The numpy boolean negative");
    CHECK_ERR(nd_power(oi, -2), ND_ERR_VALUE, "Integers to negative integer powers are not allowed.");
    nd_array *u8 = nd_astype(a, ND_UINT8);
    CHECK_ERR(nd_add(u8, 300), ND_ERR_OVERFLOW, "Python integer 300 out of bounds for uint8");
    CHECK_ERR(nd_multiply(u8, -1), ND_ERR_OVERFLOW, "Python integer -1 out of bounds for uint8");
    nd_array *ro = nd_broadcast_to(a, ND_SHAPE(2, 6));
    CHECK_ERR(nd_add(a, 1.0, .out = ro), ND_ERR_VALUE, "read-only");
    CHECK_ERR(nd_add(a, 1.0, .order = 'X'), ND_ERR_VALUE, "order must be one of");
    /* strings */
    const char *sa[] = { "abc", "ab", "b", "" }, *sb[] = { "abc", "abd", "a", "" };
    nd_array *S1 = nd_from_strings(sa, ND_SHAPE(4), 'S', 0), *S2 = nd_from_strings(sb, ND_SHAPE(4), 'S', 5);
    nd_array *lt = nd_less(S1, S2), *eq = nd_equal(S1, S2);
    CHECK(lt && at(lt, 0) == 0 && at(lt, 1) == 1 && at(lt, 2) == 0 && at(lt, 3) == 0);
    CHECK(eq && at(eq, 0) == 1 && at(eq, 3) == 1 && at(eq, 1) == 0);
    nd_array *U1 = nd_from_strings(sa, ND_SHAPE(4), 'U', 0), *U2 = nd_from_strings(sb, ND_SHAPE(4), 'U', 0);
    nd_array *ge = nd_greater_equal(U1, U2);
    CHECK(ge && at(ge, 0) == 1 && at(ge, 1) == 0 && at(ge, 2) == 1);
    nd_array *arrs[] = { a, m, row, col, r1, r2, four, o, oi, i8, big, d, w, ow, ow2, x, lo, hi, rv, e, er, z, zr, ss,
                         t, ti, u8, ro, S1, S2, lt, eq, U1, U2, ge };
    for (size_t k = 0; k < sizeof arrs / sizeof *arrs; k++) nd_free(arrs[k]);
}

static void test_methods(void) {
    nd_array *a = nd_arange(1, 13, 1), *m = nd_reshape(a, ND_SHAPE(3, 4));
    /* reduce: axis 0 default, several axes, keepdims, initial, where */
    nd_array *r0 = nd_ufunc_reduce(nd_ufunc_add, m);
    CHECK(r0 && nd_ndim(r0) == 1 && at(r0, 0) == 15);
    nd_array *rall = nd_ufunc_reduce(nd_ufunc_multiply, m, .axis = ND_AXIS_ALL);
    CHECK(rall && nd_ndim(rall) == 0 && nd_item_int(rall, ND_IDX(0)) == 479001600);
    nd_array *r01 = nd_sum(m, .axis = ND_AXIS(0, -1), .keepdims = true);
    CHECK(r01 && nd_ndim(r01) == 2 && nd_item_int(r01, ND_IDX(0, 0)) == 78);
    nd_array *ri = nd_sum(m, .initial = ND_VALUE(100));
    CHECK(ri && nd_item_int(ri, ND_IDX(0)) == 178);
    nd_array *mask = nd_greater(m, 6);
    nd_array *rw = nd_sum(m, .where = mask, .axis = ND_AXIS(1));
    CHECK(rw && at(rw, 0) == 0 && at(rw, 1) == 7 + 8 && at(rw, 2) == 42);
    CHECK_ERR(nd_max(m, .where = mask), ND_ERR_VALUE, "reduction operation 'maximum' does not have an identity, so to use a where mask one has to specify 'initial'");
    nd_array *mw = nd_max(m, .where = mask, .initial = ND_VALUE(-1), .axis = ND_AXIS(1));
    CHECK(mw && at(mw, 0) == -1 && at(mw, 2) == 12);
    nd_array *empty = nd_zeros(ND_SHAPE(0, 3));
    CHECK_ERR(nd_max(empty), ND_ERR_VALUE, "zero-size array to reduction operation maximum which has no identity");
    nd_array *es = nd_sum(empty, .axis = ND_AXIS(0));
    CHECK(es && nd_size(es) == 3 && at(es, 2) == 0);
    nd_array *em = nd_max(empty, .axis = ND_AXIS(1));
    CHECK(em && nd_size(em) == 0);
    CHECK_ERR(nd_sum(m, .axis = ND_AXIS(2)), ND_ERR_AXIS, "axis 2 is out of bounds for array of dimension 2");
    CHECK_ERR(nd_ufunc_reduce(nd_ufunc_subtract, m, .axis = ND_AXIS(0, 1)), ND_ERR_VALUE, "not reorderable");
    nd_array *sub = nd_ufunc_reduce(nd_ufunc_subtract, m, .axis = ND_AXIS(1));
    CHECK(sub && at(sub, 0) == 1 - 2 - 3 - 4);
    nd_array *os = nd_zeros(ND_SHAPE(4), .dtype = ND_FLOAT32);
    CHECK(nd_sum(m, .axis = ND_AXIS(0), .out = os) == os && at(os, 3) == 4 + 8 + 12);
    nd_array *f16 = nd_astype(m, ND_FLOAT16), *s16 = nd_sum(f16, .axis = ND_AXIS(0));
    CHECK(s16 && nd_dtype(s16) == ND_FLOAT16 && at(s16, 0) == 15);
    /* accumulate, cumsum on an axis, cumprod with dtype */
    nd_array *acc = nd_ufunc_accumulate(nd_ufunc_add, m, .axis = ND_AXIS(1));
    CHECK(acc && nd_item_int(acc, ND_IDX(2, 3)) == 9 + 10 + 11 + 12);
    nd_array *cs0 = nd_cumsum(m, .axis = ND_AXIS(0));
    CHECK(cs0 && nd_item_int(cs0, ND_IDX(2, 0)) == 15);
    nd_array *cp = nd_cumprod(f16);
    CHECK(cp && nd_dtype(cp) == ND_FLOAT16 && at(cp, 3) == 24);
    nd_array *rev = nd_get(a, "::-1"), *crev = nd_cumsum(rev);
    CHECK(crev && at(crev, 0) == 12 && at(crev, 11) == 78);
    /* reduceat */
    nd_array *idx = ND_ARRAY(long, ND_SHAPE(4), 0, 4, 1, 10);
    nd_array *ra = nd_ufunc_reduceat(nd_ufunc_add, a, idx);
    CHECK(ra && at(ra, 0) == 1 + 2 + 3 + 4 && at(ra, 1) == 5 && at(ra, 2) == 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 && at(ra, 3) == 11 + 12);
    /* outer */
    nd_array *r3 = nd_arange(0, 3, 1), *ou = nd_ufunc_outer(nd_ufunc_multiply, r3, m);
    CHECK(ou && nd_ndim(ou) == 3 && nd_item_int(ou, ND_IDX(2, 2, 3)) == 2 * 12);
    /* at: repeated indices accumulate */
    nd_array *z = nd_zeros(ND_SHAPE(5), .dtype = ND_INT32), *ix = ND_ARRAY(long, ND_SHAPE(5), 0, 0, 0, 4, -1);
    CHECK(nd_ufunc_at(nd_ufunc_add, z, ix, 2) == 0);
    CHECK(at(z, 0) == 6 && at(z, 4) == 4 && at(z, 1) == 0);
    nd_array *bv = ND_ARRAY(int, ND_SHAPE(5), 1, 2, 3, 4, 5);
    CHECK(nd_ufunc_at(nd_ufunc_add, z, ix, bv) == 0 && at(z, 0) == 12 && at(z, 4) == 13);
    CHECK(nd_ufunc_at(nd_ufunc_negative, z, ix, 0) == 0 && at(z, 0) == -12 && at(z, 4) == 13);
    nd_array *bad = ND_ARRAY(long, ND_SHAPE(1), 7);
    CHECK_ERR(nd_ufunc_at(nd_ufunc_add, z, bad, 1), ND_ERR_INDEX, "index 7 is out of bounds for axis 0 with size 5");
    /* divmod */
    nd_array *q, *rr;
    CHECK(nd_divmod(a, -5, &q, &rr) == 0 && at(q, 0) == -1 && at(rr, 0) == -4);
    nd_free(q);
    nd_free(rr);
    nd_array *arrs[] = { a, m, r0, rall, r01, ri, mask, rw, mw, empty, es, em, sub, os, f16, s16, acc, cs0, cp, rev,
                         crev, idx, ra, r3, ou, z, ix, bv, bad };
    for (size_t k = 0; k < sizeof arrs / sizeof *arrs; k++) nd_free(arrs[k]);
}

/* ------------------------------------------------------------ errors */

static char last_warning[256];
static void on_warning(const char *msg, void *ud) {
    (void)ud;
    if (!last_warning[0]) snprintf(last_warning, sizeof last_warning, "%s", msg);
}

static void test_errstate(void) {
    nd_array *a = ND_ARRAY(double, ND_SHAPE(3), 1, 0, -1), *zero = nd_zeros(ND_SHAPE(3));
    nd_errstate st = nd_geterr();
    CHECK(st.divide == ND_FPE_IGNORE && st.invalid == ND_FPE_IGNORE);
    nd_array *r = nd_divide(a, zero);
    CHECK(r != NULL); /* ignored by default */
    nd_free(r);
    ND_ERRSTATE(.divide = ND_FPE_RAISE) {
        CHECK_ERR(nd_divide(a, zero), ND_ERR_FLOATING, "divide by zero encountered in divide");
        nd_array *ok = nd_divide(zero, zero); /* only invalid: not raised */
        CHECK(ok != NULL);
        nd_free(ok);
    }
    CHECK(nd_geterr().divide == ND_FPE_IGNORE);
    ND_ERRSTATE(.all = ND_FPE_RAISE) {
        CHECK_ERR(nd_sqrt(a), ND_ERR_FLOATING, "invalid value encountered in sqrt");
        nd_array *ia = ND_ARRAY(long, ND_SHAPE(2), 1, 2), *iz = nd_zeros(ND_SHAPE(2), .dtype = ND_INT64);
        CHECK_ERR(nd_floor_divide(ia, iz), ND_ERR_FLOATING, "divide by zero encountered in floor_divide");
        CHECK_ERR(nd_remainder(ia, iz), ND_ERR_FLOATING, "divide by zero encountered in remainder");
        nd_array *big = ND_ARRAY(double, ND_SHAPE(1), 1e300);
        CHECK_ERR(nd_multiply(big, big), ND_ERR_FLOATING, "overflow encountered in multiply");
        nd_array *inf = ND_ARRAY(double, ND_SHAPE(2), 1e308, 1e308);
        CHECK_ERR(nd_sum(inf), ND_ERR_FLOATING, "overflow encountered in add");
        nd_free(inf);
        nd_free(ia); nd_free(iz); nd_free(big);
    }
    nd_set_warning_handler(on_warning, NULL);
    ND_ERRSTATE(.all = ND_FPE_WARN) {
        nd_array *w = nd_divide(a, zero);
        CHECK(w != NULL);
        CHECK_EQ_STR(last_warning, "RuntimeWarning: divide by zero encountered in divide");
        nd_free(w);
    }
    nd_set_warning_handler(NULL, NULL);
    nd_free(a);
    nd_free(zero);
}

/* ------------------------------------------------------------ custom ufuncs */

static int hypot_fn(const void *const *in, void *const *out, void *ud) {
    double x = *(const double *)in[0], y = *(const double *)in[1];
    if (x < -1000) return nd_error_set(ND_ERR_VALUE, "too negative");
    *(double *)out[0] = sqrt(x * x + y * y) + *(double *)ud;
    return 0;
}

static void int_max_loop(char **args, const int64_t *n, const int64_t *s, void *d) {
    for (int64_t i = 0; i < *n; i++) {
        int32_t a = *(int32_t *)(args[0] + i * s[0]), b = *(int32_t *)(args[1] + i * s[1]);
        *(int32_t *)(args[2] + i * s[2]) = a > b ? a : b;
    }
}

static void test_custom(void) {
    double off = 0.5;
    nd_ufunc *h = nd_ufunc_from_scalar("myhypot", 2, 1, (const nd_dtype_t *[]){ ND_FLOAT64, ND_FLOAT64, ND_FLOAT64 },
                                       hypot_fn, &off, NULL);
    CHECK(h && !strcmp(nd_ufunc_name(h), "myhypot") && nd_ufunc_ntypes(h) == 1 && !strcmp(nd_ufunc_type(h, 0), "dd->d"));
    nd_array *x = ND_ARRAY(int, ND_SHAPE(2), 3, 5), *y = ND_ARRAY(double, ND_SHAPE(2, 1), 4, 12);
    nd_array *out[1] = { NULL };
    CHECK(nd_ufunc_call(h, (nd_operand[]){ ND_OPERAND(x), ND_OPERAND(y) }, out, NULL) == 0);
    CHECK(out[0] && nd_ndim(out[0]) == 2 && nd_item_double(out[0], ND_IDX(0, 0)) == 5.5 &&
          nd_item_double(out[0], ND_IDX(1, 1)) == 13.5);
    nd_free(out[0]);
    out[0] = NULL;
    CHECK_ERR(nd_ufunc_call(h, (nd_operand[]){ ND_OPERAND(-5000.0), ND_OPERAND(y) }, out, NULL), ND_ERR_VALUE, "too negative");
    nd_array *red = nd_ufunc_reduce(h, y, .initial = ND_VALUE(0.0));
    CHECK(red && fabs(nd_item_double(red, ND_IDX(0)) - (sqrt(4.5 * 4.5 + 144.0) + 0.5)) < 1e-12);
    CHECK_ERR(nd_ufunc_reduce(h, y, .axis = ND_AXIS_ALL), ND_ERR_VALUE, "reduction operation 'myhypot' is not reorderable");
    nd_free(red);
    nd_ufunc *mx = nd_ufunc_new("imax", 2, 1, .identity = ND_VALUE(INT32_MIN));
    CHECK(nd_ufunc_add_loop(mx, (const nd_dtype_t *[]){ ND_INT32, ND_INT32, ND_INT32 }, int_max_loop, NULL) == 0);
    nd_array *v = ND_ARRAY(int, ND_SHAPE(2, 3), 1, 9, 3, 7, 2, 8);
    nd_array *m0 = nd_ufunc_reduce(mx, v, .axis = ND_AXIS(0, 1));
    CHECK(m0 && nd_item_int(m0, ND_IDX(0)) == 9);
    nd_array *acc = nd_ufunc_accumulate(mx, v, .axis = ND_AXIS(1));
    CHECK(acc && nd_item_int(acc, ND_IDX(1, 2)) == 8 && nd_item_int(acc, ND_IDX(1, 1)) == 7);
    nd_array *i8 = nd_astype(v, ND_INT8), *cm = NULL;
    out[0] = NULL;
    CHECK(nd_ufunc_call(mx, (nd_operand[]){ ND_OPERAND(i8), ND_OPERAND(5) }, out, NULL) == 0);
    cm = out[0];
    CHECK(cm && nd_dtype(cm) == ND_INT32 && nd_item_int(cm, ND_IDX(0, 0)) == 5 && nd_item_int(cm, ND_IDX(0, 1)) == 9);
    nd_array *f = nd_astype(v, ND_FLOAT64);
    out[0] = NULL;
    CHECK_ERR(nd_ufunc_call(mx, (nd_operand[]){ ND_OPERAND(f), ND_OPERAND(f) }, out, NULL), ND_ERR_TYPE, "ufunc 'imax' not supported");
    nd_ufunc_free(h);
    nd_ufunc_free(mx);
    nd_ufunc_free((nd_ufunc *)nd_ufunc_add); /* ignored */
    nd_array *arrs[] = { x, y, v, m0, acc, i8, cm, f };
    for (size_t k = 0; k < sizeof arrs / sizeof *arrs; k++) nd_free(arrs[k]);
}

int main(void) {
    test_types();
    test_values();
    test_weak();
    test_reduce_golden();
    test_options();
    test_methods();
    test_errstate();
    test_custom();
    return check_done();
}
