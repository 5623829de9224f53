/* Conformance sweep of indexing, manipulation, sorting, sets, statistics, numeric and
 * fft against NumPy, as a NumPy user would try them: every dtype, 0-d, empty,
 * transposed and reversed inputs, NaN/inf, options and the errors of bad arguments.
 * tests/golden/conform_data/conform_data.npys holds NumPy's answers, made by
 * make_conform_data.py; this file performs the same cases in the same order.
 *
 * NumPy 2.x where 1.24 differs (the script computes it): fft of float32/float16/
 * complex64 gives complex64 (float32); np.trapezoid; nonzero of a 0-d array fails.
 * FFT, cov/corrcoef, gradient, interp, histogram densities and convolutions of floats
 * compare within a few ulp (expect_close); everything else bit for bit. */
#include "golden.h"

#include <complex.h>
#include <math.h>

/* ------------------------------------------------------------------ inputs */

static int64_t shape_size(nd_shape_t s) {
    int64_t n = 1;
    for (int i = 0; i < s.ndim; i++) n *= s.dims[i];
    return n;
}

/* mk / mks / mkn of the script: kind 0 plain, 1 centred, 2 centred with NaN and inf */
static nd_array *make(nd_shape_t shape, const char *code, int kind) {
    const nd_dtype_t *d = dt_of(code);
    char k = nd_dtype_kind(d);
    int64_t n = shape_size(shape);
    double *v = calloc((size_t)(n ? n : 1) * 2, sizeof *v);
    for (int64_t i = 0; i < n; i++) {
        double x = (double)((i * 7 + 3) % 11), re = x, im = 0;
        if (k == 'b') re = fmod(x, 2);
        else if (kind && k == 'i') re = x - 5;
        else if (kind && k == 'f') re = (x - 5) / 2;
        else if (kind && k == 'c') { re = (x - 5) / 2; im = fmod(x, 3) - 1; }
        v[2 * i] = re;
        v[2 * i + 1] = im;
    }
    if (kind == 2 && (k == 'f' || k == 'c')) {
        if (n > 1) v[2] = NAN, v[3] = k == 'c' ? 0 : v[3];
        if (n > 5) v[10] = INFINITY, v[11] = 0;
    }
    /* NumPy sets z[1] = nan as complex(nan, 0) and z[5] = inf as complex(inf, 0) */
    nd_array *c = nd_from_data(v, shape, ND_COMPLEX128);
    free(v);
    nd_array *r = NULL;
    if (k == 'c') r = nd_astype(c, d);
    else {
        nd_array *re = nd_real(c);
        r = nd_astype(re, d, .casting = ND_CASTING_UNSAFE);
        nd_free(re);
    }
    nd_free(c);
    return r;
}
#define mk(shape, code) make(shape, code, 0)
#define mks(shape, code) make(shape, code, 1)
#define mkn(shape, code) make(shape, code, 2)

static nd_array *I64(int n, const int64_t *v) { return nd_from_data(v, ND_SHAPE(n), ND_INT64); }
#define IDX(...) I64((int)(sizeof((int64_t[]){ __VA_ARGS__ }) / sizeof(int64_t)), (const int64_t[]){ __VA_ARGS__ })
static nd_array *F64(int n, const double *v) { return nd_from_data(v, ND_SHAPE(n), ND_FLOAT64); }
#define DBL(...) F64((int)(sizeof((double[]){ __VA_ARGS__ }) / sizeof(double)), (const double[]){ __VA_ARGS__ })
static nd_array *BOOLS(int n, const bool *v) { return nd_from_data(v, ND_SHAPE(n), ND_BOOL); }
#define BLS(...) BOOLS((int)(sizeof((bool[]){ __VA_ARGS__ }) / sizeof(bool)), (const bool[]){ __VA_ARGS__ })
static nd_array *reshaped(nd_array *a, nd_shape_t s) {
    nd_array *r = nd_reshape(a, s);
    nd_free(a);
    return r;
}
static nd_array *sc_i64(int64_t x) { return nd_from_data(&x, ND_SHAPE(), ND_INT64); }
static nd_array *sc_f64(double x) { return nd_from_data(&x, ND_SHAPE(), ND_FLOAT64); }

/* ------------------------------------------------------------------ expectations */

/* Floating results within a few ulp of the result's precision, relative to the largest
 * value of the case (and NaN where NumPy has NaN); dtype and shape exactly. */
static const golden_tol TOL = { .abs = { 2e-3, 4e-6, 1e-13 } };

static void expect_close(const char *name, nd_array *got) { expect_near(name, got, &TOL); }

/* Several results (n of them, or n < 0: failed): the golden file has their count, then
 * each; compared exactly, or within a few ulp with close. */
static void expect_pieces(const char *name, int n, nd_array **res, bool close) {
    ncases++;
    if (!read_label(name)) exit(1);
    nd_array *exp = nd_load_file(G);
    if (!error_case(exp, n < 0, name)) {
        if (!nd_dtype_equal(nd_dtype(exp), ND_INT64) || nd_ndim(exp) != 0) { /* not a count: the script's mistake */
            fprintf(stderr, "case [%s]: golden record is not a result count\n", name);
            exit(1);
        }
        int64_t want = *(int64_t *)nd_data(exp);
        check_count_++;
        if (n != want) {
            check_failures_++;
            fprintf(stderr, "case [%s]: %d results, expected %lld (%s)\n", name, n, (long long)want,
                    n < 0 ? nd_error_message() : "");
        }
        for (int64_t i = 0; i < want; i++) {
            nd_array *e = nd_load_file(G);
            check_count_++;
            if (n >= 0 && i < n && !close_array(res[i], e, name, close ? &TOL : NULL)) check_failures_++;
            nd_free(e);
        }
    }
    nd_free(exp);
    for (int i = 0; i < n; i++) nd_free(res[i]);
    nd_error_clear();
}
#define expect_n(name, n, res) expect_pieces((name), (n), (res), false)
#define expect_n_close(name, n, res) expect_pieces((name), (n), (res), true)

static const char *const NUMERIC[] = { "b1", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8",
                                       "f2", "f4", "f8", "c8", "c16" };
static const char *const FLOATS[] = { "f2", "f4", "f8", "c8", "c16" };
#define COUNT(x) (sizeof(x) / sizeof *(x))
static char nm[256];
#define NAME(...) (snprintf(nm, sizeof nm, __VA_ARGS__), nm)

/* ------------------------------------------------------------------ sort */

static nd_array *sorted1d(nd_array *a) {
    nd_array *r = nd_sort(a);
    nd_free(a);
    return r;
}

static void sort_cases(void) {
    for (size_t t = 0; t < COUNT(NUMERIC); t++) {
        const char *dt = NUMERIC[t];
        nd_array *a = mks(ND_SHAPE(3, 4), dt);
        expect(NAME("sort %s", dt), nd_sort(a));
        expect(NAME("sort0 %s", dt), nd_sort(a, .axis = ND_AXIS(0)));
        expect(NAME("sortN %s", dt), nd_sort(a, .axis = ND_AXIS_ALL));
        nd_array *t1 = nd_T(a), *t2 = nd_get(t1, "::-1");
        expect(NAME("sortT %s", dt), nd_sort(t2));
        nd_free(t1); nd_free(t2);
        nd_array *b = mks(ND_SHAPE(3, 5), dt);
        expect(NAME("argsortS %s", dt), nd_argsort(b, .kind = ND_STABLE));
        expect(NAME("argsortS0 %s", dt), nd_argsort(b, .axis = ND_AXIS(0), .kind = ND_STABLE));
        nd_array *s = sorted1d(mks(ND_SHAPE(12), dt)), *v = mks(ND_SHAPE(2, 3), dt);
        expect(NAME("ssL %s", dt), nd_searchsorted(s, v));
        expect(NAME("ssR %s", dt), nd_searchsorted(s, v, .side = ND_SIDE_RIGHT));
        nd_array *p = mks(ND_SHAPE(12), dt), *pp = nd_partition(p, ND_INTS(2, 7));
        expect(NAME("part %s", dt), pp ? nd_get(pp, "[2, 7]") : NULL);
        nd_array *ap = nd_argpartition(p, ND_INTS(4)), *k4 = ap ? nd_get(ap, "4") : NULL;
        expect(NAME("argpart %s", dt), k4 ? nd_take(p, k4) : NULL);
        nd_array *c5 = mks(ND_SHAPE(5), dt);
        expect(NAME("sortc %s", dt), nd_sort_complex(c5));
        nd_free(c5); nd_free(ap); nd_free(k4); nd_free(pp); nd_free(p);
        nd_free(s); nd_free(v); nd_free(a); nd_free(b);
    }
    for (size_t t = 0; t < COUNT(FLOATS); t++) {
        const char *dt = FLOATS[t];
        nd_array *a = mkn(ND_SHAPE(3, 4), dt), *fl = nd_ravel(a, 'C');
        expect(NAME("sortnan %s", dt), nd_sort(a, .axis = ND_AXIS_ALL));
        expect(NAME("argsortnan %s", dt), nd_argsort(fl, .kind = ND_STABLE));
        nd_array *s = sorted1d(mkn(ND_SHAPE(12), dt)), *v = mkn(ND_SHAPE(6), dt);
        expect(NAME("ssnan %s", dt), nd_searchsorted(s, v));
        expect(NAME("ssnanR %s", dt), nd_searchsorted(s, v, .side = ND_SIDE_RIGHT));
        nd_free(a); nd_free(fl); nd_free(s); nd_free(v);
    }
    nd_array *a = mks(ND_SHAPE(3, 4), "i4"), *five = sc_i64(5);
    expect("sort 0d none", nd_sort(five, .axis = ND_AXIS_ALL));
    expect("sort 0d", nd_sort(five));
    nd_array *e03 = nd_zeros(ND_SHAPE(0, 3));
    expect("sort empty", nd_sort(e03));
    expect("sort axis2", nd_sort(a, .axis = ND_AXIS(2)));
    expect("argsort axis-3", nd_argsort(a, .axis = ND_AXIS(-3)));
    expect("sort heap", nd_sort(a, .kind = ND_HEAPSORT));
    nd_array *us = nd_from_strings((const char *[]){ "b", "abc", "", "ab" }, ND_SHAPE(4), 'U', 0);
    expect("sort strings", nd_sort(us));
    nd_array *bs = nd_from_strings((const char *[]){ "b", "abc", "", "ab", "b" }, ND_SHAPE(5), 'S', 0);
    expect("argsort strings", nd_argsort(bs, .kind = ND_STABLE));
    nd_array *k2 = mk(ND_SHAPE(8), "f8");
    nd_array *k1b = mk(ND_SHAPE(8), "i4"), *k1c = nd_remainder(k1b, 3);
    expect("lexsort", nd_lexsort(ND_ARRAYS(k2, k1c), 2));
    nd_array *kn = mkn(ND_SHAPE(8), "f8");
    expect("lexsort nan", nd_lexsort(ND_ARRAYS(kn, k1c), 2));
    nd_array *l1 = mk(ND_SHAPE(2, 4), "i4"), *l2a = mk(ND_SHAPE(2, 4), "u1"), *l2 = nd_remainder(l2a, 2);
    expect("lexsort 2d", nd_lexsort(ND_ARRAYS(l1, l2), 2));
    nd_array *k15 = nd_get(k1c, ":5");
    expect("lexsort shape", nd_lexsort(ND_ARRAYS(k1c, k15), 2));
    nd_array *p = mks(ND_SHAPE(12), "f8");
    expect("partition kth12", nd_partition(p, ND_INTS(12)));
    expect("partition kth-13", nd_partition(p, ND_INTS(-13)));
    nd_array *pn = nd_partition(p, ND_INTS(-1));
    expect("partition neg", pn ? nd_get(pn, "-1") : NULL);
    nd_array *p53 = mks(ND_SHAPE(5, 3), "i8"), *pp = nd_partition(p53, ND_INTS(2), .axis = ND_AXIS(0));
    expect("partition 2d ax0", pp ? nd_get(pp, "2") : NULL);
    nd_array *three = sc_f64(3.0);
    expect("partition 0d", nd_partition(three, ND_INTS(0)));
    nd_array *s = sorted1d(mks(ND_SHAPE(12), "i8")), *x12 = mks(ND_SHAPE(12), "i8");
    nd_array *srt = nd_argsort(x12, .kind = ND_STABLE), *q = IDX(-5, 0, 3, 9);
    expect("ss sorter", nd_searchsorted(x12, q, .sorter = srt));
    nd_array *x3 = mks(ND_SHAPE(3), "i8"), *one = IDX(1), *bad = IDX(0, 5, 1), *short2 = IDX(0, 1);
    expect("ss sorter bad", nd_searchsorted(x3, one, .sorter = bad));
    expect("ss sorter len", nd_searchsorted(x3, one, .sorter = short2));
    nd_array *x23 = mks(ND_SHAPE(2, 3), "i8");
    expect("ss 2d a", nd_searchsorted(x23, one));
    nd_array *two = sc_i64(2);
    expect("ss 0d v", nd_searchsorted(s, two));
    nd_array *si1 = nd_astype(s, ND_INT8), *fv = DBL(0.5, 1.5, -7.25);
    expect("ss mixed", nd_searchsorted(si1, fv));
    nd_array *e0 = nd_zeros(ND_SHAPE(0)), *f12 = DBL(1.0, 2.0);
    expect("ss empty a", nd_searchsorted(e0, f12));
    nd_array *u64 = nd_from_data((uint64_t[]){ 0, 5, (UINT64_C(1) << 63) + 5 }, ND_SHAPE(3), ND_UINT64);
    nd_array *i64 = IDX(-1, 3);
    expect("ss u8 i8", nd_searchsorted(u64, i64));
    nd_array *h5 = mks(ND_SHAPE(5), "f2");
    expect("sortc f2", nd_sort_complex(h5));
    nd_array *fr[] = { a, five, e03, us, bs, k2, k1b, k1c, kn, l1, l2a, l2, k15, p, pn, p53, pp, three, s, x12, srt,
                       q, x3, one, bad, short2, x23, two, si1, fv, e0, f12, u64, i64, h5 };
    for (size_t i = 0; i < COUNT(fr); i++) nd_free(fr[i]);
}

/* ------------------------------------------------------------------ index */

static nd_array *put_copy(const nd_array *a, const nd_array *ind, const nd_array *v, nd_clipmode mode) {
    nd_array *c = nd_copy(a, 'C');
    if (c && nd_put(c, ind, v, mode) < 0) { nd_free(c); return NULL; }
    return c;
}

static nd_array *pala_copy(const nd_array *a, const nd_array *ind, const nd_array *v, int axis) {
    nd_array *c = nd_copy(a, 'C');
    if (c && nd_put_along_axis(c, ind, v, ND_AXIS(axis)) < 0) { nd_free(c); return NULL; }
    return c;
}

static void index_cases(void) {
    static const char *const DT[] = { "b1", "i1", "u2", "f2", "f8", "c8", "c16" };
    nd_array *i2x2 = reshaped(IDX(0, -1, 2, 1), ND_SHAPE(2, 2)), *iflat = IDX(11, 0, -12), *i20 = IDX(2, 0);
    for (size_t t = 0; t < COUNT(DT); t++) {
        nd_array *a = mks(ND_SHAPE(3, 4), DT[t]), *at = nd_T(a);
        expect(NAME("take %s", DT[t]), nd_take(a, i2x2, .axis = ND_AXIS(1)));
        expect(NAME("take flat %s", DT[t]), nd_take(a, iflat));
        expect(NAME("take T %s", DT[t]), nd_take(at, i20, .axis = ND_AXIS(1)));
        nd_free(a); nd_free(at);
    }
    nd_array *a = mks(ND_SHAPE(3, 4), "i4");
    nd_array *w = IDX(5, -7, 4), *c = IDX(5, -7, 2), *o5 = IDX(5), *on5 = IDX(-5), *o12 = IDX(12), *z1 = IDX(0);
    expect("take wrap", nd_take(a, w, .axis = ND_AXIS(1), .mode = ND_CLIPMODE_WRAP));
    expect("take clip", nd_take(a, c, .axis = ND_AXIS(1), .mode = ND_CLIPMODE_CLIP));
    expect("take oob", nd_take(a, o5, .axis = ND_AXIS(1)));
    expect("take oob neg", nd_take(a, on5, .axis = ND_AXIS(1)));
    expect("take oob flat", nd_take(a, o12));
    expect("take axis2", nd_take(a, z1, .axis = ND_AXIS(2)));
    nd_array *ie = nd_zeros(ND_SHAPE(0), .dtype = ND_INT64), *e03 = nd_zeros(ND_SHAPE(0, 3));
    expect("take empty idx", nd_take(a, ie, .axis = ND_AXIS(0)));
    expect("take from empty", nd_take(e03, z1, .axis = ND_AXIS(0)));
    expect("take empty wrap", nd_take(e03, z1, .axis = ND_AXIS(0), .mode = ND_CLIPMODE_WRAP));
    nd_array *fi = DBL(0.0, 1.0), *i0d = sc_i64(2);
    expect("take float idx", nd_take(a, fi));
    expect("take 0d idx", nd_take(a, i0d, .axis = ND_AXIS(0)));
    nd_array *u8i = nd_from_data((uint8_t[]){ 3, 1 }, ND_SHAPE(2), ND_UINT8);
    expect("take u8 idx", nd_take(a, u8i, .axis = ND_AXIS(1)));
    nd_array *pi = IDX(0, -1, 5), *pv = nd_from_data((int64_t[]){ 90, 80 }, ND_SHAPE(2), ND_INT64);
    expect("put", put_copy(a, pi, pv, ND_CLIPMODE_RAISE));
    nd_array *pw = IDX(13, -14), *pv2 = IDX(7, 6);
    expect("put wrap", put_copy(a, pw, pv2, ND_CLIPMODE_WRAP));
    expect("put clip", put_copy(a, pw, pv2, ND_CLIPMODE_CLIP));
    nd_array *one = IDX(1);
    expect("put oob", put_copy(a, o12, one, ND_CLIPMODE_RAISE));
    nd_array *f275 = DBL(2.75);
    expect("put float", put_copy(a, one, f275, ND_CLIPMODE_RAISE));
    nd_array *ev = nd_zeros(ND_SHAPE(0), .dtype = ND_INT32);
    expect("put empty v", put_copy(a, one, ev, ND_CLIPMODE_RAISE));
    nd_array *f34 = mks(ND_SHAPE(3, 4), "f8"), *ix = nd_argsort(f34, .axis = ND_AXIS(1));
    expect("tala", nd_take_along_axis(f34, ix, ND_AXIS(1)));
    nd_array *t0 = reshaped(IDX(2, 0, 1, 1), ND_SHAPE(1, 4));
    expect("tala0", nd_take_along_axis(f34, t0, ND_AXIS(0)));
    expect("tala ndim", nd_take_along_axis(a, one, ND_AXIS(1)));
    nd_array *f11 = reshaped(DBL(1.0), ND_SHAPE(1, 1)), *i4 = reshaped(IDX(4), ND_SHAPE(1, 1));
    expect("tala float", nd_take_along_axis(a, f11, ND_AXIS(1)));
    expect("tala oob", nd_take_along_axis(a, i4, ND_AXIS(1)));
    nd_array *col = reshaped(IDX(0, 1, 2), ND_SHAPE(3, 1));
    expect("tala bcast", nd_take_along_axis(a, col, ND_AXIS(1)));
    nd_array *pc = reshaped(IDX(1, 0, 3), ND_SHAPE(3, 1)), *pcv = reshaped(IDX(7, 8, 9), ND_SHAPE(3, 1));
    expect("pala", pala_copy(a, pc, pcv, 1));
    nd_array *r12 = reshaped(IDX(1, 2), ND_SHAPE(1, 2)), *m1 = sc_i64(-1), *r15 = reshaped(IDX(1, 5), ND_SHAPE(1, 2));
    expect("pala scalar", pala_copy(a, r12, m1, 0));
    expect("pala oob", pala_copy(a, r15, m1, 0));
    nd_array *ch0 = mk(ND_SHAPE(4), "i2"), *ch1a = mk(ND_SHAPE(4), "i8"), *ch1 = nd_add(ch1a, 10),
             *ch2a = mk(ND_SHAPE(4), "u1"), *ch2 = nd_add(ch2a, 20);
    const nd_array *ch[] = { ch0, ch1, ch2 };
    nd_array *s0121 = IDX(0, 1, 2, 1), *s02 = reshaped(IDX(0, 2), ND_SHAPE(2, 1)), *s0321 = IDX(0, 3, 2, 1),
             *s03m1 = IDX(0, 3, -1, 1), *s012 = IDX(0, 1, 2);
    expect("choose", nd_choose(s0121, 3, ch));
    expect("choose bcast", nd_choose(s02, 3, ch));
    expect("choose oob", nd_choose(s0321, 3, ch));
    expect("choose wrap", nd_choose(s03m1, 3, ch, .mode = ND_CLIPMODE_WRAP));
    expect("choose clip", nd_choose(s03m1, 3, ch, .mode = ND_CLIPMODE_CLIP));
    nd_array *cf = mk(ND_SHAPE(4), "f4"), *ci = mk(ND_SHAPE(4), "i1");
    const nd_array *cfi[] = { cf, ci };
    expect("choose float", nd_choose(s0121, 2, cfi));
    expect("choose shape", nd_choose(s012, 3, ch));
    nd_array *c3 = BLS(true, false, true), *c4 = BLS(true, false, true, true), *cb0 = nd_zeros(ND_SHAPE(0), .dtype = ND_BOOL);
    expect("compress0", nd_compress(c3, a, .axis = ND_AXIS(0)));
    expect("compress1", nd_compress(c3, a, .axis = ND_AXIS(1)));
    expect("compressN", nd_compress(c3, a));
    expect("compress long", nd_compress(c4, a, .axis = ND_AXIS(0)));
    expect("compress empty", nd_compress(cb0, a, .axis = ND_AXIS(0)));
    nd_array *gt = nd_greater(a, 0), *mi = mk(ND_SHAPE(3, 4), "i4"), *mi3 = nd_remainder(mi, 3);
    expect("extract", nd_extract(gt, a));
    expect("extract int cond", nd_extract(mi3, a));
    nd_array *cond = mk(ND_SHAPE(3, 4), "b1"), *x1 = mks(ND_SHAPE(3, 4), "i1"), *q1 = mks(ND_SHAPE(3, 4), "f4"),
             *q2 = mks(ND_SHAPE(4), "u1"), *x3 = mks(ND_SHAPE(3, 4), "u8"), *q3 = mks(ND_SHAPE(3, 1), "i8"),
             *x4 = mks(ND_SHAPE(3, 4), "c8"), *q4 = mks(ND_SHAPE(3, 4), "f8"), *nc = nd_logical_not(cond),
             *f3 = mks(ND_SHAPE(3), "f8"), *zero = sc_f64(0.0);
    expect("where i1 f4", nd_where(cond, x1, q1));
    expect("where i1 u1", nd_where(cond, x1, q2));
    expect("where u8 i8", nd_where(cond, x3, q3));
    expect("where c8 f8", nd_where(cond, x4, q4));
    expect("where b1 b1", nd_where(cond, cond, nc));
    expect("where bad", nd_where(cond, f3, zero));
    nd_array *tr = nd_from_data(&(bool){ true }, ND_SHAPE(), ND_BOOL), *w2 = mks(ND_SHAPE(2), "i2"), *w2r = nd_get(w2, "::-1");
    expect("where 0d", nd_where(tr, w2, w2r));
    nd_array *ct = nd_T(cond), *f43 = mks(ND_SHAPE(4, 3), "f8"), *f43r = nd_get(f43, "::-1");
    expect("where T", nd_where(ct, f43r, f43));
    nd_array *out[4];
    expect_n("nonzero", nd_nonzero(a, out), out);
    nd_array *n23 = mkn(ND_SHAPE(2, 3), "f8"), *c6 = mks(ND_SHAPE(6), "c8"), *e02 = nd_zeros(ND_SHAPE(0, 2)),
             *b223 = mk(ND_SHAPE(2, 2, 3), "b1");
    expect_n("nonzero f", nd_nonzero(n23, out), out);
    expect_n("nonzero c", nd_nonzero(c6, out), out);
    expect_n("nonzero empty", nd_nonzero(e02, out), out);
    expect_n("nonzero 3d", nd_nonzero(b223, out), out);
    nd_array *i3 = sc_i64(3), *i0 = sc_i64(0), *f34b = mks(ND_SHAPE(3, 4), "f4");
    expect("argwhere", nd_argwhere(a));
    expect("argwhere 0d", nd_argwhere(i3));
    expect("argwhere 0d0", nd_argwhere(i0));
    expect("argwhere empty", nd_argwhere(e02));
    expect("flatnonzero", nd_flatnonzero(f34b));
    nd_array *ui = IDX(22, 41, 37), *u42 = IDX(42), *um1 = IDX(-1), *u5 = sc_i64(5), *uf = DBL(1.0);
    expect_n("unravel", nd_unravel_index(ui, ND_SHAPE(7, 6), 'C', out), out);
    expect_n("unravel F", nd_unravel_index(ui, ND_SHAPE(7, 6), 'F', out), out);
    expect_n("unravel oob", nd_unravel_index(u42, ND_SHAPE(7, 6), 'C', out), out);
    expect_n("unravel neg", nd_unravel_index(um1, ND_SHAPE(7, 6), 'C', out), out);
    expect_n("unravel 0d", nd_unravel_index(u5, ND_SHAPE(2, 3), 'C', out), out);
    expect_n("unravel float", nd_unravel_index(uf, ND_SHAPE(2, 3), 'C', out), out);
    expect_n("unravel empty dims", nd_unravel_index(z1, ND_SHAPE(2, 0), 'C', out), out);
    nd_array *m0 = IDX(3, 6, 6), *m1b = IDX(4, 5, 1), *m0c = IDX(3, 9, -1), *m0o = IDX(3, 7), *m1o = IDX(4, 5),
             *m0b = reshaped(IDX(1, 2), ND_SHAPE(2, 1)), *m1c = IDX(0, 1, 2), *m36 = IDX(3, 6);
    const nd_array *mA[] = { m0, m1b }, *mB[] = { m0c, m1b }, *mC[] = { m0o, m1o }, *mD[] = { m36 }, *mE[] = { m0b, m1c };
    expect("ravel", nd_ravel_multi_index(2, mA, ND_SHAPE(7, 6)));
    expect("ravel F", nd_ravel_multi_index(2, mA, ND_SHAPE(7, 6), .order = 'F'));
    expect("ravel clip", nd_ravel_multi_index(2, mB, ND_SHAPE(7, 6), .mode = ND_CLIPMODE_CLIP));
    expect("ravel wrap", nd_ravel_multi_index(2, mB, ND_SHAPE(7, 6), .mode = ND_CLIPMODE_WRAP));
    expect("ravel oob", nd_ravel_multi_index(2, mC, ND_SHAPE(7, 6)));
    expect("ravel count", nd_ravel_multi_index(1, mD, ND_SHAPE(7, 6)));
    expect("ravel bcast", nd_ravel_multi_index(2, mE, ND_SHAPE(3, 4)));
    int r = nd_indices(ND_SHAPE(2, 3), out);
    expect("indices", r == 1 ? out[0] : NULL);
    r = nd_indices(ND_SHAPE(2, 0), out);
    expect("indices 0", r == 1 ? out[0] : NULL);
    r = nd_indices(ND_SHAPE(2, 2), out, .dtype = ND_INT16);
    expect("indices i2", r == 1 ? out[0] : NULL);
    nd_array *ix0 = IDX(0, 2), *ix1 = IDX(1, 3, 0), *ixb = BLS(true, false, true), *ix2 = IDX(2);
    const nd_array *ixA[] = { ix0, ix1 }, *ixB[] = { ixb, ix2 };
    r = nd_ix(2, ixA, out);
    expect_n("ix", r < 0 ? -1 : 2, out);
    r = nd_ix(2, ixB, out);
    expect_n("ix bool", r < 0 ? -1 : 2, out);
    nd_array *a8 = mks(ND_SHAPE(3, 4), "i8"), *g0 = reshaped(IDX(0, 2), ND_SHAPE(2, 1)), *g1 = IDX(1, 3),
             *gm = nd_greater(a8, 0), *g01 = IDX(0, 1), *g012 = IDX(0, 1, 2), *bm2 = BLS(true, false);
    expect("get fancy", nd_get(a8, "[0, 2], ::-1"));
    expect("get fancy2", nd_get(a8, "%a, %a", g0, g1));
    expect("get mixed", nd_get(a8, "1:, [0, 0, -1]"));
    expect("get mask", nd_get(a8, "%a", gm));
    expect("get mask row", nd_get(a8, "%a", c3));
    expect("get oob", nd_get(a8, "[0, 3]"));
    expect("get oob1", nd_get(a8, ":, [4]"));
    expect("get too many", nd_get(a8, "0, 0, 0"));
    expect("get mask shape", nd_get(a8, "%a", bm2));
    expect("get bcast", nd_get(a8, "%a, %a", g01, g012));
    nd_array *gf = DBL(0.0);
    expect("get float", nd_get(a8, "%a", gf));
    expect("get scalar oob", nd_get(a8, "3"));
    expect("get ellipsis", nd_get(a8, "..., [1]"));
    expect("get newaxis", nd_get(a8, "None, [1], :"));
    nd_array *a234 = mks(ND_SHAPE(2, 3, 4), "i2");
    expect("get sep", nd_get(a234, "[0, 1], :, [1, 2]"));
    expect("get empty list", nd_get(a8, "%a", ie));
    nd_array *fr[] = { i2x2, iflat, i20, a, w, c, o5, on5, o12, z1, ie, e03, fi, i0d, u8i, pi, pv, pw, pv2, one, f275,
                       ev, f34, ix, t0, f11, i4, col, pc, pcv, r12, m1, r15, ch0, ch1a, ch1, ch2a, ch2, s0121, s02,
                       s0321, s03m1, s012, cf, ci, c3, c4, cb0, gt, mi, mi3, cond, x1, q1, q2, x3, q3, x4, q4, nc,
                       f3, zero, tr, w2, w2r, ct, f43, f43r, n23, c6, e02, b223, i3, i0, f34b, ui, u42, um1, u5,
                       uf, m0, m1b, m0c, m0o, m1o, m0b, m1c, m36, ix0, ix1, ixb, ix2, a8, g0, g1, gm, g01, g012,
                       bm2, gf, a234 };
    for (size_t i = 0; i < COUNT(fr); i++) nd_free(fr[i]);
}

/* ------------------------------------------------------------------ manip */

static nd_array *cat2(const char *c1, nd_shape_t s1, int k1, const char *c2, nd_shape_t s2, int k2) {
    nd_array *x = make(s1, c1, k1), *y = make(s2, c2, k2);
    nd_array *r = nd_concatenate(ND_ARRAYS(x, y), 2);
    nd_free(x); nd_free(y);
    return r;
}

static void manip_cases(void) {
    nd_array *out[16];
    expect("concat i1 u1", cat2("i1", ND_SHAPE(2, 3), 1, "u1", ND_SHAPE(1, 3), 0));
    expect("concat i8 u8", cat2("i8", ND_SHAPE(2, 3), 1, "u8", ND_SHAPE(1, 3), 0));
    expect("concat f2 i1", cat2("f2", ND_SHAPE(2), 1, "i1", ND_SHAPE(2), 1));
    expect("concat f2 i2", cat2("f2", ND_SHAPE(2), 1, "i2", ND_SHAPE(2), 1));
    expect("concat b1 i1", cat2("b1", ND_SHAPE(2), 0, "i1", ND_SHAPE(2), 1));
    expect("concat c8 f8", cat2("c8", ND_SHAPE(2), 1, "f8", ND_SHAPE(2), 1));
    nd_array *sa = nd_from_strings((const char *[]){ "ab" }, ND_SHAPE(1), 'U', 0),
             *sb = nd_from_strings((const char *[]){ "xyz" }, ND_SHAPE(1), 'U', 0);
    expect("concat S U", nd_concatenate(ND_ARRAYS(sa, sb), 2));
    nd_array *a23 = mk(ND_SHAPE(2, 3), "i4"), *a21 = mk(ND_SHAPE(2, 1), "i4"), *a4 = mk(ND_SHAPE(4), "i4"),
             *a22 = mk(ND_SHAPE(2, 2), "i4"), *a3 = mk(ND_SHAPE(3), "i4"), *s1 = sc_i64(1), *s2 = sc_i64(2),
             *e03 = nd_zeros(ND_SHAPE(0, 3));
    expect("concat ax1", nd_concatenate(ND_ARRAYS(a23, a21), 2, .axis = ND_AXIS(1)));
    expect("concat ax-1", nd_concatenate(ND_ARRAYS(a23, a21), 2, .axis = ND_AXIS(-1)));
    expect("concat none", nd_concatenate(ND_ARRAYS(a23, a4), 2, .axis_none = true));
    expect("concat mismatch", nd_concatenate(ND_ARRAYS(a23, a22), 2));
    expect("concat ndim", nd_concatenate(ND_ARRAYS(a23, a3), 2));
    expect("concat 0d", nd_concatenate(ND_ARRAYS(s1, s2), 2));
    expect("concat axis2", nd_concatenate(ND_ARRAYS(a23, a23), 2, .axis = ND_AXIS(2)));
    expect("concat empty", nd_concatenate(ND_ARRAYS(e03, a23), 2));
    nd_array *f32 = mk(ND_SHAPE(3, 2), "f4"), *f32t = nd_T(f32), *f23 = mk(ND_SHAPE(2, 3), "f4"), *f23r = nd_get(f23, ":, ::-1");
    expect("concat T", nd_concatenate(ND_ARRAYS(f32t, f23r), 2, .axis = ND_AXIS(1)));
    nd_array *b23 = mks(ND_SHAPE(2, 3), "i4"), *a32 = mk(ND_SHAPE(3, 2), "i4"), *h15 = sc_f64(1.5);
    expect("stack", nd_stack(ND_ARRAYS(a23, b23), 2));
    expect("stack -1", nd_stack(ND_ARRAYS(a23, b23), 2, .axis = ND_AXIS(-1)));
    expect("stack ax3", nd_stack(ND_ARRAYS(a23, b23), 2, .axis = ND_AXIS(3)));
    expect("stack shape", nd_stack(ND_ARRAYS(a23, a32), 2));
    expect("stack 0d", nd_stack(ND_ARRAYS(h15, s2), 2));
    nd_array *a2 = mk(ND_SHAPE(2), "i4"), *f3 = mk(ND_SHAPE(3), "f4"), *u22 = mk(ND_SHAPE(2, 2), "u1");
    expect("hstack 1d", nd_hstack(ND_ARRAYS(a2, a3), 2));
    expect("hstack 0d", nd_hstack(ND_ARRAYS(s1, s2), 2));
    expect("vstack 1d", nd_vstack(ND_ARRAYS(a3, f3), 2));
    expect("vstack bad", nd_vstack(ND_ARRAYS(a3, a2), 2));
    expect("dstack", nd_dstack(ND_ARRAYS(a2, a2), 2));
    expect("dstack 2d", nd_dstack(ND_ARRAYS(a22, u22), 2));
    expect("column_stack", nd_column_stack(ND_ARRAYS(a3, a32), 2));
    nd_array *a = mk(ND_SHAPE(12), "i4");
    expect_n("split3", nd_split(a, 3, out), out);
    expect_n("split5", nd_split(a, 5, out), out);
    expect_n("split idx", nd_split(a, 0, out, .indices = ND_INTS(3, 5, 20)), out);
    expect_n("split idx desc", nd_split(a, 0, out, .indices = ND_INTS(5, 3)), out);
    expect_n("array_split5", nd_array_split(a, 5, out), out);
    expect_n("array_split13", nd_array_split(a, 13, out), out);
    expect_n("array_split0", nd_array_split(a, 0, out), out);
    nd_array *a26 = mk(ND_SHAPE(2, 6), "i4");
    expect_n("split ax1", nd_split(a26, 2, out, .axis = ND_AXIS(1)), out);
    expect_n("hsplit 0d", nd_hsplit(s1, 1, out), out);
    expect_n("vsplit 1d", nd_vsplit(a, 2, out), out);
    expect_n("dsplit 2d", nd_dsplit(a22, 2, out), out);
    expect_n("hsplit 1d", nd_hsplit(a, 4, out), out);
    expect("tile", nd_tile(a3, ND_INTS(2, 1, 2)));
    expect("tile 0", nd_tile(a23, ND_INTS(0)));
    expect("tile 2d1", nd_tile(a23, ND_INTS(2)));
    expect("tile neg", nd_tile(a23, ND_INTS(-1)));
    expect("repeat", nd_repeat(a23, 2));
    expect("repeat ax0", nd_repeat(a23, 3, .axis = ND_AXIS(0)));
    expect("repeat counts", nd_repeat(a23, 0, .axis = ND_AXIS(1), .counts = ND_INTS(1, 0, 2)));
    expect("repeat neg", nd_repeat(a3, -1));
    expect("repeat counts bad", nd_repeat(a3, 0, .counts = ND_INTS(1, 2)));
    expect("repeat counts neg", nd_repeat(a3, 0, .counts = ND_INTS(1, -2, 1)));
    nd_array *s7 = sc_i64(7);
    expect("repeat 0d", nd_repeat(s7, 3));
    expect("repeat ax2", nd_repeat(a23, 2, .axis = ND_AXIS(2)));
    static const nd_pad_mode MODES[] = { ND_PAD_CONSTANT, ND_PAD_EDGE, ND_PAD_LINEAR_RAMP, ND_PAD_MAXIMUM,
                                         ND_PAD_MEAN, ND_PAD_MEDIAN, ND_PAD_MINIMUM, ND_PAD_REFLECT,
                                         ND_PAD_SYMMETRIC, ND_PAD_WRAP };
    static const char *const MNAMES[] = { "constant", "edge", "linear_ramp", "maximum", "mean", "median",
                                          "minimum", "reflect", "symmetric", "wrap" };
    static const char *const PDT[] = { "i4", "f4", "u1" };
    nd_array *p3 = mks(ND_SHAPE(3), "f8"), *p5 = mks(ND_SHAPE(5), "i8");
    for (size_t m = 0; m < COUNT(MODES); m++) {
        for (size_t t = 0; t < COUNT(PDT); t++) {
            nd_array *x = mks(ND_SHAPE(3, 4), PDT[t]);
            expect(NAME("pad %s %s", MNAMES[m], PDT[t]), nd_pad(x, ND_INTS(1, 2, 3, 1), .mode = MODES[m]));
            nd_free(x);
        }
        expect(NAME("pad1d big %s", MNAMES[m]), nd_pad(p3, ND_INTS(7, 8), .mode = MODES[m]));
        bool stat = MODES[m] == ND_PAD_MAXIMUM || MODES[m] == ND_PAD_MEAN || MODES[m] == ND_PAD_MEDIAN ||
                    MODES[m] == ND_PAD_MINIMUM;
        expect(NAME("pad stat %s", MNAMES[m]), nd_pad(p5, ND_INTS(2), .mode = MODES[m],
                                                     .stat_length = stat ? ND_INTS(2) : ND_INTS0));
    }
    nd_array *p4 = mks(ND_SHAPE(4), "f8"), *p4i = mks(ND_SHAPE(4), "i4"), *p22 = mks(ND_SHAPE(2, 2), "i4"),
             *p3i = mks(ND_SHAPE(3), "i4"), *e02 = nd_zeros(ND_SHAPE(0, 2)), *s5 = sc_i64(5);
    expect("pad odd reflect", nd_pad(p4, ND_INTS(5), .mode = ND_PAD_REFLECT, .odd = true));
    expect("pad odd symmetric", nd_pad(p4i, ND_INTS(5), .mode = ND_PAD_SYMMETRIC, .odd = true));
    expect("pad const vals", nd_pad(p22, ND_INTS(1), ND_PAD_VALUES(7, 9)));
    expect("pad const float in int", nd_pad(p22, ND_INTS(1), ND_PAD_VALUES(2.7)));
    expect("pad ramp ends", nd_pad(p3i, ND_INTS(3, 2), .mode = ND_PAD_LINEAR_RAMP, ND_PAD_END_VALUES(10, -4)));
    expect("pad empty const", nd_pad(e02, ND_INTS(1)));
    expect("pad empty reflect", nd_pad(e02, ND_INTS(1), .mode = ND_PAD_REFLECT));
    expect("pad neg", nd_pad(p3i, ND_INTS(-1)));
    expect("pad 0d", nd_pad(s5, ND_INTS(2)));
    nd_array *m12 = nd_from_data((int8_t[]){ 1, 2 }, ND_SHAPE(2), ND_INT8),
             *m1244 = nd_from_data((int16_t[]){ 1, 2, 4, 4 }, ND_SHAPE(4), ND_INT16);
    expect("pad mean int round", nd_pad(m12, ND_INTS(1), .mode = ND_PAD_MEAN));
    expect("pad median int", nd_pad(m1244, ND_INTS(1), .mode = ND_PAD_MEDIAN));
    expect("pad stat0", nd_pad(p3, ND_INTS(1), .mode = ND_PAD_MEAN, .stat_length = ND_INTS(0)));
    nd_array *b = mks(ND_SHAPE(2, 3, 4), "i4");
    expect("flip", nd_flip(b));
    expect("flip ax1", nd_flip(b, .axis = ND_AXIS(1)));
    expect("flip ax02", nd_flip(b, .axis = ND_AXIS(0, 2)));
    expect("flip ax3", nd_flip(b, .axis = ND_AXIS(3)));
    expect("fliplr 1d", nd_fliplr(a3));
    expect("flipud", nd_flipud(b));
    expect("roll", nd_roll(b, ND_INTS(5)));
    expect("roll ax", nd_roll(b, ND_INTS(1, -2), .axis = ND_AXIS(0, 2)));
    expect("roll same ax", nd_roll(b, ND_INTS(1, 2), .axis = ND_AXIS(1, 1)));
    expect("roll big", nd_roll(b, ND_INTS(-25), .axis = ND_AXIS(2)));
    expect("roll mismatch", nd_roll(b, ND_INTS(1, 2, 3), .axis = ND_AXIS(0, 1)));
    expect("roll empty", nd_roll(e03, ND_INTS(2)));
    expect("rot90", nd_rot90(a23, 1));
    expect("rot90 k2", nd_rot90(a23, 2));
    expect("rot90 k-1", nd_rot90(a23, -1));
    expect("rot90 k7", nd_rot90(a23, 7));
    expect("rot90 axes", nd_rot90(b, 1, .axes = ND_AXIS(1, 2)));
    expect("rot90 same", nd_rot90(b, 1, .axes = ND_AXIS(1, 1)));
    expect("rot90 oob", nd_rot90(b, 1, .axes = ND_AXIS(0, 3)));
    expect("rot90 1d", nd_rot90(a3, 1));
    expect("moveaxis", nd_moveaxis(b, ND_AXIS(0), ND_AXIS(-1)));
    expect("moveaxis2", nd_moveaxis(b, ND_AXIS(0, 1), ND_AXIS(2, 0)));
    expect("moveaxis count", nd_moveaxis(b, ND_AXIS(0, 1), ND_AXIS(2)));
    expect("moveaxis rep", nd_moveaxis(b, ND_AXIS(0, 0), ND_AXIS(1, 2)));
    expect("moveaxis oob", nd_moveaxis(b, ND_AXIS(3), ND_AXIS(0)));
    expect("bto", nd_broadcast_to(a3, ND_SHAPE(2, 3)));
    expect("bto bad", nd_broadcast_to(a3, ND_SHAPE(4)));
    expect("bto neg", nd_broadcast_to(a3, ND_SHAPE(-1, 3)));
    nd_array *f21 = mk(ND_SHAPE(2, 1), "f4"), *f2 = mk(ND_SHAPE(2), "f4");
    expect_n("barr", nd_broadcast_arrays(2, ND_ARRAYS(a3, f21), out) < 0 ? -1 : 2, out);
    expect_n("barr bad", nd_broadcast_arrays(2, ND_ARRAYS(a3, f2), out) < 0 ? -1 : 2, out);
    static const char *const AT[] = { "atleast_1d", "atleast_2d", "atleast_3d" };
    nd_array *(*const atf[])(const nd_array *) = { nd_atleast_1d, nd_atleast_2d, nd_atleast_3d };
    const nd_shape_t ats[] = { ND_SHAPE(), ND_SHAPE(3), ND_SHAPE(2, 3), ND_SHAPE(2, 3, 1, 1) };
    static const char *const ATS[] = { "()", "(3,)", "(2, 3)", "(2, 3, 1, 1)" };
    for (int f = 0; f < 3; f++)
        for (int k = 0; k < 4; k++) {
            nd_array *x = mk(ats[k], "i2");
            expect(NAME("%s %s", AT[f], ATS[k]), atf[f](x));
            nd_free(x);
        }
    nd_array *m2 = mk(ND_SHAPE(3, 4), "i4");
    expect("delete", nd_delete(a, 3));
    expect("delete neg", nd_delete(a, -1));
    expect("delete list", nd_delete(a, 0, .indices = ND_INTS(0, 5, 5, -1)));
    expect("delete oob", nd_delete(a, 12));
    expect("delete oob list", nd_delete(a, 0, .indices = ND_INTS(1, 12)));
    expect("delete ax1", nd_delete(m2, 1, .axis = ND_AXIS(1)));
    expect("delete ax1 list", nd_delete(m2, 0, .indices = ND_INTS(0, 3), .axis = ND_AXIS(1)));
    expect("delete none2d", nd_delete(m2, 0, .indices = ND_INTS(0, 3)));
    nd_array *d4 = mk(ND_SHAPE(4), "i4");
    expect("delete mask", nd_delete(d4, 0, .mask = (const bool[]){ true, false, true, false }));
    expect("delete ax2", nd_delete(m2, 0, .axis = ND_AXIS(2)));
    nd_array *v99 = IDX(99), *v9998 = IDX(99, 98), *v789 = IDX(7, 8, 9), *v567 = IDX(5, 6, 7), *v5 = IDX(5),
             *v29 = DBL(2.9), *v0 = sc_i64(0);
    expect("insert", nd_insert(a, 3, v99));
    expect("insert end", nd_insert(a, 12, v9998));
    expect("insert neg", nd_insert(a, -1, v99));
    expect("insert oob", nd_insert(a, 13, v99));
    expect("insert list", nd_insert(a, 0, v789, .indices = ND_INTS(1, 1, 5)));
    expect("insert ax1", nd_insert(m2, 1, v567, .axis = ND_AXIS(1)));
    expect("insert ax0 bcast", nd_insert(m2, 1, v5, .axis = ND_AXIS(0)));
    expect("insert float", nd_insert(a, 1, v29));
    expect("insert scalar 2d", nd_insert(m2, 2, v0));
    nd_array *ap2 = mk(ND_SHAPE(2), "f4"), *ap14 = mk(ND_SHAPE(1, 4), "i4");
    expect("append", nd_append(m2, ap2));
    expect("append ax0", nd_append(m2, ap14, .axis = ND_AXIS(0)));
    expect("append ax0 bad", nd_append(m2, a4, .axis = ND_AXIS(0)));
    nd_array *e0 = nd_zeros(ND_SHAPE(0));
    expect("resize", nd_resize(a3, ND_SHAPE(2, 4)));
    expect("resize small", nd_resize(m2, ND_SHAPE(5)));
    expect("resize 0", nd_resize(m2, ND_SHAPE(0)));
    expect("resize empty", nd_resize(e0, ND_SHAPE(3)));
    expect("resize neg", nd_resize(m2, ND_SHAPE(-1)));
    nd_array *z = IDX(0, 0, 1, 0, 2, 0, 0), *z4 = nd_zeros(ND_SHAPE(4)), *zf = DBL(0.0, -0.0, 1.5, 0.0);
    expect("trim", nd_trim_zeros(z));
    expect("trim f", nd_trim_zeros(z, .trim = "f"));
    expect("trim b", nd_trim_zeros(z, .trim = "b"));
    expect("trim all", nd_trim_zeros(z4));
    expect("trim float", nd_trim_zeros(zf));
    nd_array *fr[] = { sa, sb, a23, a21, a4, a22, a3, s1, s2, e03, f32, f32t, f23, f23r, b23, a32, h15, a2, f3, u22,
                       a, a26, s7, p3, p5, p4, p4i, p22, p3i, e02, s5, m12, m1244, b, f21, f2, m2, d4, v99, v9998,
                       v789, v567, v5, v29, v0, ap2, ap14, e0, z, z4, zf };
    for (size_t i = 0; i < COUNT(fr); i++) nd_free(fr[i]);
}

/* ------------------------------------------------------------------ sets */

static void sets_cases(void) {
    nd_array *z = DBL(0.0, -0.0, 1.0, -0.0), *n8 = mkn(ND_SHAPE(8), "f8");
    expect("unique f -0", nd_unique(z));
    expect("unique nan", nd_unique(n8));
    nd_array *cn = nd_from_data((double[]){ NAN, 1, 1, NAN, 1, 1, NAN, 0 }, ND_SHAPE(4), ND_COMPLEX128);
    expect("unique c nan", nd_unique(cn));
    nd_array *s3 = sc_i64(3), *e = nd_zeros(ND_SHAPE(0, 3), .dtype = ND_INT8), *m = mk(ND_SHAPE(3, 4), "i4"),
             *m3 = nd_remainder(m, 3);
    expect("unique 0d", nd_unique(s3));
    expect("unique empty", nd_unique(e));
    expect("unique ax1", nd_unique(m3, .axis = ND_AXIS(1)));
    expect("unique ax2", nd_unique(m, .axis = ND_AXIS(2)));
    nd_array *i6 = mks(ND_SHAPE(6), "i1"), *t = DBL(0.0, 1.5, -2.0), *x23 = mks(ND_SHAPE(2, 3), "i4"),
             *t4 = mks(ND_SHAPE(4), "i4");
    expect("isin i1 f8", nd_isin(i6, t));
    expect("isin 2d", nd_isin(x23, t4));
    expect("isin invert", nd_isin(x23, t4, .invert = true));
    nd_array *u = nd_from_data((uint64_t[]){ 1, UINT64_C(1) << 63 }, ND_SHAPE(2), ND_UINT64), *iv = IDX(-1, 1);
    expect("isin u8 i8", nd_isin(u, iv));
    nd_array *a6 = mks(ND_SHAPE(6), "i2"), *b5 = mks(ND_SHAPE(5), "f4"), *u23 = mk(ND_SHAPE(2, 3), "u1"),
             *i3 = mks(ND_SHAPE(3), "i1"), *d = IDX(0, -5), *f5 = mks(ND_SHAPE(5), "f8"), *f4 = mks(ND_SHAPE(4), "f8"),
             *f4p = nd_add(f4, 1), *n5 = mkn(ND_SHAPE(5), "f8"), *n4 = mkn(ND_SHAPE(4), "f8"),
             *e8 = nd_zeros(ND_SHAPE(0), .dtype = ND_INT8);
    expect("intersect mix", nd_intersect1d(a6, b5));
    expect("union mix", nd_union1d(u23, i3));
    expect("setdiff", nd_setdiff1d(x23, d));
    expect("setxor", nd_setxor1d(f5, f4p));
    expect("setxor nan", nd_setxor1d(n5, n4));
    expect("intersect nan", nd_intersect1d(n5, n4));
    expect("union empty", nd_union1d(e8, e8));
    nd_array *fr[] = { z, n8, cn, s3, e, m, m3, i6, t, x23, t4, u, iv, a6, b5, u23, i3, d, f5, f4, f4p, n5, n4, e8 };
    for (size_t i = 0; i < COUNT(fr); i++) nd_free(fr[i]);
}

/* ------------------------------------------------------------------ stats */

typedef enum { O_MEDIAN, O_NANMEDIAN, O_PCT, O_PCTQ, O_LOWER, O_NANPCT, O_NANPCTQ } out_fn;

static nd_array *with_out(out_fn f, const nd_array *a, nd_shape_t shape, nd_axes axis, bool keepdims,
                          const nd_dtype_t *dt) {
    nd_array *o = nd_zeros(shape, .dtype = dt), *q = DBL(50, 20), *r = NULL;
    switch (f) {
    case O_MEDIAN: r = nd_median(a, .axis = axis, .keepdims = keepdims, .out = o); break;
    case O_NANMEDIAN: r = nd_nanmedian(a, .axis = axis, .keepdims = keepdims, .out = o); break;
    case O_PCT: r = nd_percentile(a, 50, .axis = axis, .keepdims = keepdims, .out = o); break;
    case O_PCTQ: r = nd_percentile(a, q, .axis = axis, .keepdims = keepdims, .out = o); break;
    case O_LOWER: r = nd_percentile(a, q, .axis = axis, .keepdims = keepdims, .out = o, .method = ND_METHOD_LOWER); break;
    case O_NANPCT: r = nd_nanpercentile(a, 50, .axis = axis, .keepdims = keepdims, .out = o); break;
    case O_NANPCTQ: r = nd_nanpercentile(a, q, .axis = axis, .keepdims = keepdims, .out = o); break;
    }
    nd_free(q);
    if (r && r != o) { nd_free(r); r = NULL; CHECK(!"out= not returned"); }
    if (!r) {
        nd_error_code c = nd_error();
        char msg[1024];
        snprintf(msg, sizeof msg, "%s", nd_error_message());
        nd_free(o);
        nd_error_set(c, "%s", msg);
    }
    return r;
}

static void stats_cases(void) {
    nd_array *q5 = DBL(0, 33, 50, 99.5, 100);
    for (size_t t = 0; t < COUNT(NUMERIC); t++) {
        const char *dt = NUMERIC[t];
        nd_array *a = mks(ND_SHAPE(3, 4), dt);
        expect(NAME("median %s", dt), nd_median(a));
        expect(NAME("median0 %s", dt), nd_median(a, .axis = ND_AXIS(0)));
        expect(NAME("median-1kd %s", dt), nd_median(a, .axis = ND_AXIS(-1), .keepdims = true));
        if (strcmp(dt, "b1") && dt[0] != 'c') expect(NAME("pct %s", dt), nd_percentile(a, q5, .axis = ND_AXIS(1)));
        nd_free(a);
    }
    nd_array *q3 = DBL(10, 50, 90);
    for (size_t t = 0; t < COUNT(FLOATS); t++) {
        const char *dt = FLOATS[t];
        nd_array *a = mkn(ND_SHAPE(3, 4), dt);
        expect(NAME("mediannan %s", dt), nd_median(a, .axis = ND_AXIS(1)));
        expect(NAME("nanmedian %s", dt), nd_nanmedian(a, .axis = ND_AXIS(1)));
        if (dt[0] == 'f') {
            expect(NAME("nanpct %s", dt), nd_nanpercentile(a, q3, .axis = ND_AXIS(0)));
            expect(NAME("nanq %s", dt), nd_nanquantile(a, 0.3));
        }
        nd_free(a);
    }
    static const char *const METHODS[] = { "inverted_cdf", "averaged_inverted_cdf", "closest_observation",
                                           "interpolated_inverted_cdf", "hazen", "weibull", "linear",
                                           "median_unbiased", "normal_unbiased", "lower", "higher", "midpoint",
                                           "nearest" };
    static const char *const QDT[] = { "i8", "f4", "f8", "u1" };
    nd_array *q7 = DBL(0.0, 0.1, 1.0 / 3, 0.5, 0.75, 0.999, 1.0), *q2 = DBL(25, 50), *x45 = mks(ND_SHAPE(4, 5), "f8");
    for (size_t m = 0; m < COUNT(METHODS); m++) {
        nd_quantile_method meth = (nd_quantile_method)nd_quantile_method_parse(METHODS[m]);
        for (size_t t = 0; t < COUNT(QDT); t++) {
            nd_array *x = mks(ND_SHAPE(11), QDT[t]);
            expect(NAME("q %s %s", METHODS[m], QDT[t]), nd_quantile(x, q7, .method = meth));
            nd_free(x);
        }
        expect(NAME("q2d %s", METHODS[m]), nd_percentile(x45, q2, .axis = ND_AXIS(0), .method = meth));
    }
    nd_array *x4 = mks(ND_SHAPE(4), "f8"), *qb = DBL(50, -1), *e0 = nd_zeros(ND_SHAPE(0)), *e03 = nd_zeros(ND_SHAPE(0, 3));
    expect("q bad", nd_quantile(x4, 1.5));
    expect("pct bad", nd_percentile(x4, qb));
    expect("q nan", nd_quantile(x4, NAN));
    expect("median empty", nd_median(e0));
    expect("median empty ax", nd_median(e03, .axis = ND_AXIS(0)));
    nd_array *an = reshaped(DBL(NAN, NAN, 1.0, NAN), ND_SHAPE(2, 2)), *x234 = mks(ND_SHAPE(2, 3, 4), "f8"),
             *x23 = mks(ND_SHAPE(2, 3), "f8"), *h25 = sc_f64(2.5), *s7 = sc_i64(7), *x5 = mks(ND_SHAPE(5), "f8"),
             *qq = reshaped(DBL(10, 20, 30, 90), ND_SHAPE(2, 2)), *x43 = mks(ND_SHAPE(4, 3), "f8"), *x43t = nd_T(x43),
             *x43tr = nd_get(x43t, ":, ::-1");
    expect("nanmedian allnan", nd_nanmedian(an, .axis = ND_AXIS(1)));
    expect("median axes", nd_median(x234, .axis = ND_AXIS(0, 2)));
    expect("median axis oob", nd_median(x23, .axis = ND_AXIS(2)));
    expect("median axis rep", nd_median(x23, .axis = ND_AXIS(0, 0)));
    expect("median 0d", nd_median(h25));
    expect("pct 0d", nd_percentile(s7, 30));
    expect("pct q2d", nd_percentile(x5, qq));
    expect("q empty", nd_quantile(e0, 0.5));
    expect("median T", nd_median(x43tr, .axis = ND_AXIS(1)));
    /* out= */
    struct { nd_shape_t s; nd_axes ax; bool kd; const char *nm; } OUTS[] = {
        { ND_SHAPE(3), ND_AXIS_NONE, false, "(3,) []" },
        { ND_SHAPE(1, 1), ND_AXIS_NONE, false, "(1, 1) []" },
        { ND_SHAPE(2), ND_AXIS(0), false, "(2,) [('axis', 0)]" },
        { ND_SHAPE(4), ND_AXIS(0), false, "(4,) [('axis', 0)]" },
        { ND_SHAPE(1, 3), ND_AXIS(0), false, "(1, 3) [('axis', 0)]" },
        { ND_SHAPE(3, 1), ND_AXIS(0), false, "(3, 1) [('axis', 0)]" },
        { ND_SHAPE(1, 3), ND_AXIS(0), true, "(1, 3) [('axis', 0), ('keepdims', True)]" },
        { ND_SHAPE(3), ND_AXIS(0), true, "(3,) [('axis', 0), ('keepdims', True)]" },
        { ND_SHAPE(2, 3), ND_AXIS(0), true, "(2, 3) [('axis', 0), ('keepdims', True)]" },
        { ND_SHAPE(2, 3), ND_AXIS(0), false, "(2, 3) [('axis', 0)]" },
        { ND_SHAPE(2, 2), ND_AXIS(0), false, "(2, 2) [('axis', 0)]" },
        { ND_SHAPE(2), ND_AXIS(1), false, "(2,) [('axis', 1)]" },
        { ND_SHAPE(0, 3), ND_AXIS(0), true, "(0, 3) [('axis', 0), ('keepdims', True)]" },
    };
    static const char *const ONAMES[] = { "median", "nanmedian", "pct", "pctq", "lower", "nanpct", "nanpctq" };
    for (size_t k = 0; k < COUNT(OUTS); k++)
        for (int f = 0; f < 7; f++)
            expect(NAME("out %s %s", ONAMES[f], OUTS[k].nm),
                   with_out((out_fn)f, x23, OUTS[k].s, OUTS[k].ax, OUTS[k].kd, ND_FLOAT64));
    struct { nd_shape_t s; nd_axes ax; const char *nm; } O3[] = {
        { ND_SHAPE(2, 5), ND_AXIS(1), "(2, 5) 1" }, { ND_SHAPE(5), ND_AXIS(0, 1), "(5,) (0, 1)" },
        { ND_SHAPE(3, 5), ND_AXIS(0, 2), "(3, 5) (0, 2)" }, { ND_SHAPE(5, 4), ND_AXIS(0), "(5, 4) 0" },
        { ND_SHAPE(2, 5), ND_AXIS(2), "(2, 5) 2" }, { ND_SHAPE(5, 4), ND_AXIS(1), "(5, 4) 1" },
        { ND_SHAPE(1, 4), ND_AXIS(1), "(1, 4) 1" }, { ND_SHAPE(1), ND_AXIS(0, 1), "(1,) (0, 1)" },
        { ND_SHAPE(3, 1), ND_AXIS(0), "(3, 1) 0" },
    };
    for (size_t k = 0; k < COUNT(O3); k++)
        expect(NAME("out median3 %s", O3[k].nm), with_out(O_MEDIAN, x234, O3[k].s, O3[k].ax, false, ND_FLOAT64));
    nd_array *ones31 = nd_ones(ND_SHAPE(3, 1)), *s5 = sc_f64(5.0);
    expect("out median bcast", with_out(O_MEDIAN, ones31, ND_SHAPE(3), ND_AXIS(0), false, ND_FLOAT64));
    expect("out pct int", with_out(O_PCT, x23, ND_SHAPE(2), ND_AXIS(1), false, ND_INT64));
    expect("out median int", with_out(O_MEDIAN, x23, ND_SHAPE(2), ND_AXIS(1), false, ND_INT64));
    expect("out nanpct int", with_out(O_NANPCT, x23, ND_SHAPE(2), ND_AXIS(1), false, ND_INT64));
    expect("out median 0d", with_out(O_MEDIAN, s5, ND_SHAPE(3), ND_AXIS_NONE, false, ND_FLOAT64));
    nd_array *fr[] = { q5, q3, q7, q2, x45, x4, qb, e0, e03, an, x234, x23, h25, s7, x5, qq, x43, x43t, x43tr,
                       ones31, s5 };
    for (size_t i = 0; i < COUNT(fr); i++) nd_free(fr[i]);
}

/* ------------------------------------------------------------------ histograms */

static int hist2(int r, nd_array **h, nd_array **e, nd_array **out) {
    if (r < 0) return -1;
    out[0] = *h;
    out[1] = *e;
    return 2;
}

static void hist_cases(void) {
    nd_array *out[8], *h = NULL, *e = NULL;
    nd_array *base = mks(ND_SHAPE(50), "f8"), *sc = nd_multiply(base, 1.7), *ar = nd_arange(0, 50, 1), *sn = nd_sin(ar),
             *x = nd_add(sc, sn), *i30 = mks(ND_SHAPE(30), "i4");
    static const char *const BINS[] = { "auto", "fd", "doane", "scott", "stone", "rice", "sturges", "sqrt" };
    for (size_t b = 0; b < COUNT(BINS); b++) {
        int m = nd_bins_method_parse(BINS[b]);
        expect_n_close(NAME("hist %s", BINS[b]), hist2(nd_histogram(x, &h, &e, .method = m), &h, &e, out), out);
        expect_close(NAME("hist int %s", BINS[b]), nd_histogram_bin_edges(i30, .method = m));
    }
    nd_array *w4 = mks(ND_SHAPE(50), "f4"), *w2 = mks(ND_SHAPE(50), "i2"), *ed = DBL(-3.0, -1, 0, 0.5, 4),
             *i20 = mks(ND_SHAPE(20), "i4"), *edi = nd_from_data((int32_t[]){ -5, 0, 1, 5 }, ND_SHAPE(4), ND_INT32),
             *n10 = mkn(ND_SHAPE(10), "f8"), *dec = DBL(1.0, 0.0, 2.0), *e0 = nd_zeros(ND_SHAPE(0)),
             *c5 = nd_full(ND_SHAPE(5), 3.0), *u20 = mk(ND_SHAPE(20), "u1"), *b20 = mk(ND_SHAPE(20), "b1"),
             *h20 = mks(ND_SHAPE(20), "f2"), *m45 = mks(ND_SHAPE(4, 5), "f8");
    expect_n_close("hist", hist2(nd_histogram(x, &h, &e), &h, &e, out), out);
    expect_n_close("hist range", hist2(nd_histogram(x, &h, &e, .bins = 4, .range = ND_RANGE(-2, 2)), &h, &e, out), out);
    expect_n_close("hist density", hist2(nd_histogram(x, &h, &e, .bins = 5, .density = true), &h, &e, out), out);
    expect_n_close("hist weights", hist2(nd_histogram(x, &h, &e, .bins = 5, .weights = w4), &h, &e, out), out);
    expect_n_close("hist weights int", hist2(nd_histogram(x, &h, &e, .bins = 5, .weights = w2), &h, &e, out), out);
    expect_n_close("hist edges", hist2(nd_histogram(x, &h, &e, .edges = ed), &h, &e, out), out);
    expect_n_close("hist edges int", hist2(nd_histogram(i20, &h, &e, .edges = edi), &h, &e, out), out);
    expect_n_close("hist bad range", hist2(nd_histogram(x, &h, &e, .range = ND_RANGE(2, 1)), &h, &e, out), out);
    expect_n_close("hist nan range", hist2(nd_histogram(x, &h, &e, .range = ND_RANGE(NAN, 1)), &h, &e, out), out);
    expect_n_close("hist nan data", hist2(nd_histogram(n10, &h, &e), &h, &e, out), out);
    expect_n_close("hist bins-1", hist2(nd_histogram(x, &h, &e, .bins = -1), &h, &e, out), out);
    expect_n_close("hist edges dec", hist2(nd_histogram(x, &h, &e, .edges = dec), &h, &e, out), out);
    expect_n_close("hist empty", hist2(nd_histogram(e0, &h, &e), &h, &e, out), out);
    expect_n_close("hist const", hist2(nd_histogram(c5, &h, &e), &h, &e, out), out);
    expect_n_close("hist u1", hist2(nd_histogram(u20, &h, &e, .bins = 3), &h, &e, out), out);
    expect_n_close("hist bool", hist2(nd_histogram(b20, &h, &e, .bins = 3), &h, &e, out), out);
    expect_n_close("hist f2", hist2(nd_histogram(h20, &h, &e, .bins = 3), &h, &e, out), out);
    expect_n_close("hist 2d input", hist2(nd_histogram(m45, &h, &e, .bins = 3), &h, &e, out), out);
    nd_array *hx = mks(ND_SHAPE(20), "f8"), *hy = mk(ND_SHAPE(20), "f8"), *hy19 = mk(ND_SHAPE(19), "f8"), *xe, *ye;
    int r = nd_histogram2d(hx, hy, &h, &xe, &ye, .bins_xy = { 3, 4 });
    out[0] = h; out[1] = xe; out[2] = ye;
    expect_n_close("hist2d", r < 0 ? -1 : 3, out);
    r = nd_histogram2d(hx, hy, &h, &xe, &ye, .bins = 3, .range = { ND_RANGE(-1, 1), ND_RANGE(0, 5) }, .density = true);
    out[0] = h; out[1] = xe; out[2] = ye;
    expect_n_close("hist2d range", r < 0 ? -1 : 3, out);
    r = nd_histogram2d(hx, hy19, &h, &xe, &ye);
    out[0] = h; out[1] = xe; out[2] = ye;
    expect_n_close("hist2d len", r < 0 ? -1 : 3, out);
    nd_array *s203 = mks(ND_SHAPE(20, 3), "f8"), *s202 = mks(ND_SHAPE(20, 2), "f8");
    r = nd_histogramdd(s203, &out[0], out + 1, .bins_dim = { 2, 3, 2 });
    expect_n_close("histdd", r < 0 ? -1 : 4, out);
    r = nd_histogramdd(s202, &out[0], out + 1, .bins = 3, .weights = hy);
    expect_n_close("histdd weights", r < 0 ? -1 : 3, out);
    nd_array *bi = mk(ND_SHAPE(10), "i8"), *bu = mk(ND_SHAPE(10), "u1"), *bi4 = mk(ND_SHAPE(10), "i4"),
             *bw = mks(ND_SHAPE(10), "f4"), *bn = mks(ND_SHAPE(10), "i4"), *bf = mk(ND_SHAPE(10), "f8"),
             *b2d = mk(ND_SHAPE(2, 5), "i4"), *be = nd_zeros(ND_SHAPE(0), .dtype = ND_INT64),
             *bw9 = mk(ND_SHAPE(9), "f8"), *bu8 = mk(ND_SHAPE(10), "u8");
    expect("bincount", nd_bincount(bi));
    expect("bincount min", nd_bincount(bu, .minlength = 15));
    expect("bincount w", nd_bincount(bi4, .weights = bw));
    expect("bincount neg", nd_bincount(bn));
    expect("bincount float", nd_bincount(bf));
    expect("bincount minneg", nd_bincount(bi4, .minlength = -1));
    expect("bincount 2d", nd_bincount(b2d));
    expect("bincount empty", nd_bincount(be));
    expect("bincount wlen", nd_bincount(bi4, .weights = bw9));
    expect("bincount u8", nd_bincount(bu8));
    nd_array *dx = mks(ND_SHAPE(10), "f8"), *inc = DBL(-1.0, 0.0, 1.5), *decb = DBL(1.5, 0.0, -1.0),
             *bad = DBL(1.0, 0.0, 1.5), *di = mks(ND_SHAPE(2, 5), "i4"),
             *dib = nd_from_data((int64_t[]){ -2, 0, 3 }, ND_SHAPE(3), ND_INT64), *d5 = mks(ND_SHAPE(5), "i4"),
             *b12 = reshaped(IDX(0, 1), ND_SHAPE(1, 2)), *dc = mks(ND_SHAPE(5), "c16"), *b01 = DBL(0.0, 1.0);
    expect("digitize", nd_digitize(dx, inc));
    expect("digitize right", nd_digitize(dx, inc, .right = true));
    expect("digitize dec", nd_digitize(dx, decb));
    expect("digitize dec right", nd_digitize(dx, decb, .right = true));
    expect("digitize nan", nd_digitize(n10, inc));
    expect("digitize bad", nd_digitize(dx, bad));
    expect("digitize int", nd_digitize(di, dib));
    expect("digitize 2d bins", nd_digitize(d5, b12));
    expect("digitize c", nd_digitize(dc, b01));
    nd_array *fr[] = { base, sc, ar, sn, x, i30, w4, w2, ed, i20, edi, n10, dec, e0, c5, u20, b20, h20, m45, hx, hy,
                       hy19, s203, s202, bi, bu, bi4, bw, bn, bf, b2d, be, bw9, bu8, dx, inc, decb, bad, di, dib,
                       d5, b12, dc, b01 };
    for (size_t i = 0; i < COUNT(fr); i++) nd_free(fr[i]);
}

/* ------------------------------------------------------------------ numeric */

static int grad(int r, nd_array **out) { return r; }

static void numeric_cases(void) {
    nd_array *out[8];
    for (size_t t = 0; t < COUNT(NUMERIC); t++) {
        const char *dt = NUMERIC[t];
        nd_array *a = mks(ND_SHAPE(3, 5), dt);
        expect(NAME("diff %s", dt), nd_diff(a));
        expect(NAME("diff2 ax0 %s", dt), nd_diff(a, .n = 2, .axis = ND_AXIS(0)));
        nd_free(a);
    }
    nd_array *i3 = mks(ND_SHAPE(3), "i4"), *s3 = sc_i64(3), *i23 = mks(ND_SHAPE(2, 3), "i4"),
             *ap = reshaped(IDX(9, 8), ND_SHAPE(2, 1)), *h3 = mks(ND_SHAPE(3), "i2"), *u5 = mk(ND_SHAPE(5), "u1");
    expect("diff n>len", nd_diff(i3, .n = 5));
    expect("diff n0", nd_diff(i3, .n_zero = true));
    expect("diff neg", nd_diff(i3, .n = -1));
    expect("diff 0d", nd_diff(s3));
    expect("diff prepend", nd_diff(i23, .prepend = ND_OPERAND(0), .append = ND_OPERAND(ap)));
    expect("diff prepend f", nd_diff(h3, .prepend = ND_OPERAND(1.5)));
    expect("diff ax oob", nd_diff(i23, .axis = ND_AXIS(2)));
    expect("diff u1 wrap", nd_diff(u5));
    nd_array *i4 = mks(ND_SHAPE(4), "i4"), *tb = IDX(-99, 5), *te = sc_i64(100), *tf = DBL(1.5), *e0 = nd_zeros(ND_SHAPE(0)),
             *b4 = mk(ND_SHAPE(4), "b1");
    expect("ediff1d", nd_ediff1d(i23));
    expect("ediff1d ends", nd_ediff1d(i4, .to_begin = ND_OPERAND(tb), .to_end = ND_OPERAND(te)));
    expect("ediff1d bad", nd_ediff1d(i4, .to_begin = ND_OPERAND(tf)));
    expect("ediff1d empty", nd_ediff1d(e0));
    expect("ediff1d b1", nd_ediff1d(b4));
    nd_array *f6 = mks(ND_SHAPE(6), "f8"), *f6sq = nd_square(f6), *i6 = mks(ND_SHAPE(6), "i4"),
             *f34 = mks(ND_SHAPE(3, 4), "f4"), *d34 = mks(ND_SHAPE(3, 4), "f8"), *f5 = mks(ND_SHAPE(5), "f8"),
             *f5sq = nd_square(f5), *f5cu = nd_power(f5, 3.0), *xc = DBL(0.0, 1, 1.5, 3.5, 4.0),
             *f1 = mks(ND_SHAPE(1), "f8"), *f2 = mks(ND_SHAPE(2), "f8"), *h5 = mks(ND_SHAPE(5), "f2");
    expect_n_close("gradient", grad(nd_gradient(f6sq, out, 8), out), out);
    expect_n_close("gradient int", grad(nd_gradient(i6, out, 8), out), out);
    expect_n_close("gradient 2d", grad(nd_gradient(f34, out, 8), out), out);
    nd_operand sp2[] = { ND_OPERAND(0.5), ND_OPERAND(2.0) }, spx[] = { ND_OPERAND(xc) },
               sp3[] = { ND_OPERAND(1.0), ND_OPERAND(2.0), ND_OPERAND(3.0) };
    expect_n_close("gradient sp", grad(nd_gradient(d34, out, 8, .spacing = sp2, .nspacing = 2), out), out);
    expect_n_close("gradient coords", grad(nd_gradient(f5sq, out, 8, .spacing = spx, .nspacing = 1), out), out);
    expect_n_close("gradient e2", grad(nd_gradient(f5cu, out, 8, .edge_order = 2), out), out);
    expect_n_close("gradient e2 coords", grad(nd_gradient(f5cu, out, 8, .spacing = spx, .nspacing = 1, .edge_order = 2), out), out);
    expect_n_close("gradient small", grad(nd_gradient(f1, out, 8), out), out);
    expect_n_close("gradient small e2", grad(nd_gradient(f2, out, 8, .edge_order = 2), out), out);
    expect_n_close("gradient axis", grad(nd_gradient(d34, out, 8, .axis = ND_AXIS(-1)), out), out);
    expect_n_close("gradient u1", grad(nd_gradient(u5, out, 8), out), out);
    expect_n_close("gradient bad sp", grad(nd_gradient(d34, out, 8, .spacing = sp3, .nspacing = 3), out), out);
    expect_n_close("gradient f2", grad(nd_gradient(h5, out, 8), out), out);
    static const nd_conv_mode CM[] = { ND_CONV_FULL, ND_CONV_SAME, ND_CONV_VALID };
    static const char *const CMN[] = { "full", "same", "valid" };
    nd_array *v3 = DBL(1.0, -2.0, 0.5), *ci5 = mks(ND_SHAPE(5), "i4"), *c5 = mks(ND_SHAPE(5), "c16"),
             *c3 = mks(ND_SHAPE(3), "c16"), *r3 = mks(ND_SHAPE(3), "f8");
    for (int m = 0; m < 3; m++) {
        expect_close(NAME("convolve %s", CMN[m]), nd_convolve(f6, v3, .mode = CM[m]));
        expect(NAME("convolve int %s", CMN[m]), nd_convolve(i3, ci5, .mode = CM[m]));
        expect_close(NAME("correlate %s", CMN[m]), nd_correlate(f6, v3, .mode = CM[m]));
        expect_close(NAME("correlate c %s", CMN[m]), nd_correlate(c5, c3, .mode = CM[m]));
        expect_close(NAME("correlate rev %s", CMN[m]), nd_correlate(r3, f5, .mode = CM[m]));
    }
    nd_array *l4 = mks(ND_SHAPE(4), "i8"), *l2 = mks(ND_SHAPE(2), "i8"), *g2 = mks(ND_SHAPE(2), "f8"),
             *m4 = mks(ND_SHAPE(4), "i1"), *m3 = mks(ND_SHAPE(3), "f4"), *bb4 = mk(ND_SHAPE(4), "b1"),
             *bb3 = mk(ND_SHAPE(3), "b1"), *q22 = mks(ND_SHAPE(2, 2), "f8");
    expect("convolve default", nd_convolve(l4, l2));
    expect("correlate default", nd_correlate(l4, l2));
    expect("convolve empty", nd_convolve(e0, g2));
    expect("convolve empty v", nd_convolve(g2, e0));
    expect_close("convolve mix", nd_convolve(m4, m3));
    expect("convolve b1", nd_convolve(bb4, bb3));
    expect("convolve 2d", nd_convolve(q22, g2));
    nd_array *xp = DBL(0.0, 1.0, 2.5, 4.0), *fp = DBL(1.0, -1.0, 3.0, 0.5),
             *xs = DBL(-1.0, 0.0, 0.5, 2.5, 3.0, 4.0, 5.0, NAN), *px = DBL(-1.0, 5.5, 370.0),
             *pxp = DBL(0.0, 90, 180, 270), *fpr = DBL(0.5, 3.0, -1.0, 1.0),
             *fc = nd_from_data((double[]){ 1.0, 0.5, -1.0, 3.0, 3.0, -1.0, 0.5, 1.0 }, ND_SHAPE(4), ND_COMPLEX128),
             *fp3 = nd_get(fp, ":3"), *x23 = mks(ND_SHAPE(2, 3), "f8"), *xi = mks(ND_SHAPE(4), "i4"),
             *xpi = IDX(0, 1, 2), *fpi = IDX(5, 6, 8), *one = DBL(1.0), *seven = DBL(7.0),
             *xp22 = reshaped(DBL(0.0, 1.0, 2.5, 4.0), ND_SHAPE(2, 2)), *x4f = mks(ND_SHAPE(4), "f4"),
             *xpf = nd_astype(xp, ND_FLOAT32), *fpf = nd_astype(fp, ND_FLOAT32);
    (void)fpr;
    expect("interp", nd_interp(xs, xp, fp));
    expect("interp lr", nd_interp(xs, xp, fp, .left = ND_VALUE(-9.0), .right = ND_VALUE(9.0)));
    expect_close("interp period", nd_interp(px, pxp, fp, .period = ND_VALUE(360.0)));
    expect("interp c", nd_interp(xs, xp, fc));
    expect("interp len", nd_interp(xs, xp, fp3));
    expect("interp empty", nd_interp(xs, e0, e0));
    expect("interp period0", nd_interp(xs, xp, fp, .period = ND_VALUE(0.0)));
    expect("interp 2d x", nd_interp(x23, xp, fp));
    expect("interp int", nd_interp(xi, xpi, fpi));
    expect("interp one", nd_interp(xs, one, seven));
    expect("interp xp2d", nd_interp(xs, xp22, fp));
    expect("interp f4", nd_interp(x4f, xpf, fpf));
    nd_array *i5 = mks(ND_SHAPE(5), "i4"), *y25 = mks(ND_SHAPE(2, 5), "f8"), *x25 = mk(ND_SHAPE(2, 5), "f8"),
             *f5f = mks(ND_SHAPE(5), "f4"), *ones1 = nd_ones(ND_SHAPE(1));
    expect_close("trapz", nd_trapezoid(f5));
    expect_close("trapz int", nd_trapezoid(i5));
    expect_close("trapz x", nd_trapezoid(f5, .x = xc));
    expect_close("trapz dx", nd_trapezoid(y25, .dx = ND_VALUE(0.25), .axis = ND_AXIS(0)));
    expect_close("trapz 2dx", nd_trapezoid(y25, .x = x25));
    expect_close("trapz f4", nd_trapezoid(f5f));
    expect_close("trapz empty", nd_trapezoid(e0));
    expect_close("trapz 1", nd_trapezoid(ones1));
    nd_array *c35 = mks(ND_SHAPE(3, 5), "f8"), *c35i = mks(ND_SHAPE(3, 5), "i4"), *c35f = mks(ND_SHAPE(3, 5), "f4"),
             *c53 = mks(ND_SHAPE(5, 3), "f8"), *c25 = mks(ND_SHAPE(2, 5), "f8"), *m5 = mk(ND_SHAPE(5), "f8"),
             *z25 = mks(ND_SHAPE(2, 5), "c16"), *fw = IDX(1, 2, 1, 3, 1), *aw = DBL(0.5, 1, 2, 1, 0.25),
             *fwf = DBL(1.0, 2, 1, 3, 1), *fwn = IDX(1, -2, 1, 3, 1), *awn = DBL(1, -2, 1, 3, 1.0), *fw2 = IDX(1, 2),
             *c222 = mks(ND_SHAPE(2, 2, 2), "f8"), *c21 = mks(ND_SHAPE(2, 1), "f8"), *i25 = mks(ND_SHAPE(2, 5), "i8");
    expect_close("cov", nd_cov(c35));
    expect_close("cov int", nd_cov(c35i));
    expect_close("cov f4", nd_cov(c35f));
    expect_close("cov 1d", nd_cov(f5));
    expect_close("cov rowvar", nd_cov(c53, .no_rowvar = true));
    expect_close("cov bias", nd_cov(c35, .bias = true));
    expect_close("cov ddof", nd_cov(c35, .ddof = 2, .ddof_set = true));
    expect_close("cov y", nd_cov(c25, .y = m5));
    expect_close("cov c", nd_cov(z25));
    expect_close("cov fw", nd_cov(c25, .fweights = fw));
    expect_close("cov aw", nd_cov(c25, .aweights = aw));
    expect_close("cov fw float", nd_cov(c25, .fweights = fwf));
    expect_close("cov fw neg", nd_cov(c25, .fweights = fwn));
    expect_close("cov aw neg", nd_cov(c25, .aweights = awn));
    expect_close("cov fw len", nd_cov(c25, .fweights = fw2));
    expect_close("cov 3d", nd_cov(c222));
    expect_close("cov 1obs", nd_cov(c21));
    expect_close("corrcoef", nd_corrcoef(c35));
    expect_close("corrcoef xy", nd_corrcoef(f5, .y = m5));
    expect_close("corrcoef c", nd_corrcoef(z25));
    expect_close("corrcoef 1d", nd_corrcoef(f5));
    expect_close("corrcoef int", nd_corrcoef(i25));
    nd_array *fr[] = { i3, s3, i23, ap, h3, u5, i4, tb, te, tf, e0, b4, f6, f6sq, i6, f34, d34, f5, f5sq, f5cu, xc,
                       f1, f2, h5, v3, ci5, c5, c3, r3, l4, l2, g2, m4, m3, bb4, bb3, q22, xp, fp, xs, px, pxp, fpr,
                       fc, fp3, x23, xi, xpi, fpi, one, seven, xp22, x4f, xpf, fpf, i5, y25, x25, f5f, ones1, c35,
                       c35i, c35f, c53, c25, m5, z25, fw, aw, fwf, fwn, awn, fw2, c222, c21, i25 };
    for (size_t i = 0; i < COUNT(fr); i++) nd_free(fr[i]);
}

/* ------------------------------------------------------------------ fft */

static void fft_cases(void) {
    static const char *const FDT[] = { "b1", "i4", "u1", "f2", "f4", "f8", "c8", "c16" };
    for (size_t t = 0; t < COUNT(FDT); t++) {
        const char *dt = FDT[t];
        nd_array *x = mks(ND_SHAPE(8), dt);
        expect_close(NAME("fft %s", dt), nd_fft_fft(x));
        expect_close(NAME("ifft %s", dt), nd_fft_ifft(x));
        if (dt[0] != 'c') {
            expect_close(NAME("rfft %s", dt), nd_fft_rfft(x));
            expect_close(NAME("ihfft %s", dt), nd_fft_ihfft(x));
        }
        expect_close(NAME("irfft %s", dt), nd_fft_irfft(x));
        expect_close(NAME("hfft %s", dt), nd_fft_hfft(x));
        nd_free(x);
    }
    nd_array *x = mks(ND_SHAPE(3, 7), "f8"), *z = mks(ND_SHAPE(3, 7), "c16");
    static const int64_t NS[] = { 1, 5, 7, 12 };
    for (int k = 0; k < 4; k++) {
        int64_t n = NS[k];
        expect_close(NAME("fft n%lld", (long long)n), nd_fft_fft(z, .n = n));
        expect_close(NAME("rfft n%lld", (long long)n), nd_fft_rfft(x, .n = n));
        expect_close(NAME("irfft n%lld", (long long)n), nd_fft_irfft(z, .n = n));
        expect_close(NAME("hfft n%lld", (long long)n), nd_fft_hfft(z, .n = n));
    }
    static const nd_fft_norm NORMS[] = { ND_FFT_BACKWARD, ND_FFT_ORTHO, ND_FFT_FORWARD };
    static const char *const NN[] = { "backward", "ortho", "forward" };
    for (int k = 0; k < 3; k++) {
        expect_close(NAME("fft %s", NN[k]), nd_fft_fft(z, .norm = NORMS[k]));
        expect_close(NAME("ifft %s", NN[k]), nd_fft_ifft(z, .norm = NORMS[k]));
        expect_close(NAME("rfft %s", NN[k]), nd_fft_rfft(x, .norm = NORMS[k]));
        expect_close(NAME("irfft %s", NN[k]), nd_fft_irfft(z, .norm = NORMS[k]));
        expect_close(NAME("hfft %s", NN[k]), nd_fft_hfft(z, .norm = NORMS[k]));
        expect_close(NAME("ihfft %s", NN[k]), nd_fft_ihfft(x, .norm = NORMS[k]));
        expect_close(NAME("fftn %s", NN[k]), nd_fft_fftn(z, .norm = NORMS[k]));
        expect_close(NAME("irfftn %s", NN[k]), nd_fft_irfftn(z, .norm = NORMS[k]));
    }
    nd_array *zt = nd_T(z), *ztr = nd_get(zt, "::-1"), *c1 = nd_from_data((double[]){ 1.0, 0.0 }, ND_SHAPE(1), ND_COMPLEX128),
             *e0 = nd_zeros(ND_SHAPE(0)), *s1 = sc_f64(1.0), *z234 = mks(ND_SHAPE(2, 3, 4), "c16"),
             *x234 = mks(ND_SHAPE(2, 3, 4), "f8"), *f34 = mks(ND_SHAPE(3, 4), "f4");
    expect_close("fft ax0", nd_fft_fft(z, .axis = ND_AXIS(0)));
    expect_close("fft T", nd_fft_fft(ztr, .axis = ND_AXIS(0)));
    expect_close("rfft ax0", nd_fft_rfft(x, .axis = ND_AXIS(0)));
    /* (np.fft.fft(z, n=0) has no nd spelling: .n = 0 is the default) */
    expect_close("fft n-1", nd_fft_fft(z, .n = -1));
    expect_close("fft ax2", nd_fft_fft(z, .axis = ND_AXIS(2)));
    nd_array *ones3 = nd_ones(ND_SHAPE(3));
    expect_close("fft ax2 n", nd_fft_fft(z, .n = 4, .axis = ND_AXIS(2)));
    expect_close("fftn axes oob", nd_fft_fftn(z, .axes = ND_AXIS(2)));
    expect_close("fft2 1d", nd_fft_fft2(ones3));
    expect_close("fft2 0d", nd_fft_fft2(s1));
    nd_free(ones3);
    expect_close("irfft 1", nd_fft_irfft(c1));
    expect_close("fft empty", nd_fft_fft(e0));
    expect_close("fft 0d", nd_fft_fft(s1));
    expect_close("fft2", nd_fft_fft2(z));
    expect_close("ifft2", nd_fft_ifft2(z));
    expect_close("fft2 s", nd_fft_fft2(z, .s = ND_SHAPE(2, 9)));
    expect_close("fftn axes", nd_fft_fftn(z, .axes = ND_AXIS(0)));
    expect_close("fftn s axes", nd_fft_fftn(z, .s = ND_SHAPE(4), .axes = ND_AXIS(1)));
    expect_close("fftn s axes bad", nd_fft_fftn(z, .s = ND_SHAPE(4, 2), .axes = ND_AXIS(1)));
    expect_close("fftn rep axes", nd_fft_fftn(z, .axes = ND_AXIS(1, 1)));
    expect_close("rfft2", nd_fft_rfft2(x));
    expect_close("rfftn s", nd_fft_rfftn(x, .s = ND_SHAPE(4, 6)));
    expect_close("irfft2", nd_fft_irfft2(z));
    expect_close("irfftn s", nd_fft_irfftn(z, .s = ND_SHAPE(3, 9)));
    expect_close("fftn 3d", nd_fft_fftn(z234));
    expect_close("rfftn 3d", nd_fft_rfftn(x234, .axes = ND_AXIS(0, 2)));
    expect_close("fftn f4", nd_fft_fftn(f34));
    expect_close("fftfreq8", nd_fft_fftfreq(8, .d = 0.1));
    expect_close("fftfreq7", nd_fft_fftfreq(7));
    expect_close("fftfreq1", nd_fft_fftfreq(1));
    expect_close("rfftfreq8", nd_fft_rfftfreq(8, .d = 0.1));
    expect_close("rfftfreq7", nd_fft_rfftfreq(7, .d = 2.0));
    expect_close("fftfreq0", nd_fft_fftfreq(0));
    expect_close("rfftfreq0", nd_fft_rfftfreq(0));
    nd_array *m35 = mk(ND_SHAPE(3, 5), "i4"), *m35f = mk(ND_SHAPE(3, 5), "f4"), *s3 = sc_i64(3);
    expect("fftshift", nd_fft_fftshift(m35));
    expect("fftshift ax", nd_fft_fftshift(m35, .axes = ND_AXIS(1)));
    expect("ifftshift", nd_fft_ifftshift(m35));
    expect("ifftshift ax0", nd_fft_ifftshift(m35f, .axes = ND_AXIS(0)));
    /* (np.fft.fftshift of a 0-d array fails in NumPy with a Python unpacking error; nd
     * returns the 0-d copy) */
    nd_array *fr[] = { x, z, zt, ztr, c1, e0, s1, z234, x234, f34, m35, m35f, s3 };
    for (size_t i = 0; i < COUNT(fr); i++) nd_free(fr[i]);
}

/* ------------------------------------------------------------------ edge shapes */

#define ONE(expr) do { out[0] = (expr); return out[0] ? 1 : -1; } while (0)
static int e_sort(const nd_array *x, nd_array **out) { ONE(nd_sort(x)); }
static int e_sortN(const nd_array *x, nd_array **out) { ONE(nd_sort(x, .axis = ND_AXIS_ALL)); }
static int e_argsort(const nd_array *x, nd_array **out) { ONE(nd_argsort(x, .kind = ND_STABLE)); }
static int e_partition(const nd_array *x, nd_array **out) {
    nd_array *p = nd_partition(x, ND_INTS(0));
    out[0] = p ? nd_sort(p) : NULL;
    nd_free(p);
    return out[0] ? 1 : -1;
}
static int e_lexsort(const nd_array *x, nd_array **out) { ONE(nd_lexsort((nd_array *const[]){ (nd_array *)x }, 1)); }
static int e_searchsorted(const nd_array *x, nd_array **out) { ONE(nd_searchsorted(x, x)); }
static int e_sort_complex(const nd_array *x, nd_array **out) { ONE(nd_sort_complex(x)); }
static int e_unique(const nd_array *x, nd_array **out) {
    out[0] = nd_unique(x, .index = &out[1], .inverse = &out[2], .counts = &out[3]);
    return out[0] ? 4 : -1;
}
static nd_array *d2(double a, double b) { return nd_from_data((double[]){ a, b }, ND_SHAPE(2), ND_FLOAT64); }
static nd_array *d1(double a) { return nd_from_data(&a, ND_SHAPE(1), ND_FLOAT64); }
#define WITH(tmp, expr) do { nd_array *t_ = (tmp); out[0] = (expr); nd_free(t_); return out[0] ? 1 : -1; } while (0)
static int e_isin(const nd_array *x, nd_array **out) { WITH(d2(1.5, 2.0), nd_isin(x, t_)); }
static int e_union1d(const nd_array *x, nd_array **out) { ONE(nd_union1d(x, x)); }
static int e_setdiff1d(const nd_array *x, nd_array **out) { WITH(d1(1.5), nd_setdiff1d(x, t_)); }
static int e_intersect1d(const nd_array *x, nd_array **out) { ONE(nd_intersect1d(x, x)); }
static int e_setxor1d(const nd_array *x, nd_array **out) { WITH(d1(1.5), nd_setxor1d(x, t_)); }
static int e_median(const nd_array *x, nd_array **out) { ONE(nd_median(x)); }
static int e_nanmedian(const nd_array *x, nd_array **out) { ONE(nd_nanmedian(x)); }
static int e_median0(const nd_array *x, nd_array **out) { ONE(nd_median(x, .axis = ND_AXIS(0))); }
static int e_percentile(const nd_array *x, nd_array **out) { ONE(nd_percentile(x, 30)); }
static int e_quantile(const nd_array *x, nd_array **out) { WITH(d2(0.25, 0.5), nd_quantile(x, t_, .axis = ND_AXIS(-1))); }
static int e_nanquantile(const nd_array *x, nd_array **out) { ONE(nd_nanquantile(x, 0.5)); }
static int e_histogram(const nd_array *x, nd_array **out) {
    return nd_histogram(x, &out[0], &out[1], .bins = 3, .range = ND_RANGE(0, 3)) < 0 ? -1 : 2;
}
static int e_bincount(const nd_array *x, nd_array **out) { ONE(nd_bincount(x)); }
static int e_digitize(const nd_array *x, nd_array **out) { WITH(d2(0.0, 2.0), nd_digitize(x, t_)); }
static int e_diff(const nd_array *x, nd_array **out) { ONE(nd_diff(x)); }
static int e_diff0(const nd_array *x, nd_array **out) { ONE(nd_diff(x, .axis = ND_AXIS(0))); }
static int e_ediff1d(const nd_array *x, nd_array **out) { ONE(nd_ediff1d(x)); }
static int e_gradient(const nd_array *x, nd_array **out) { return nd_gradient(x, out, 8); }
static int e_trapezoid(const nd_array *x, nd_array **out) { ONE(nd_trapezoid(x)); }
static int e_cov(const nd_array *x, nd_array **out) { ONE(nd_cov(x)); }
static int e_corrcoef(const nd_array *x, nd_array **out) { ONE(nd_corrcoef(x)); }
static int e_convolve(const nd_array *x, nd_array **out) { WITH(d2(1.0, 2.0), nd_convolve(x, t_)); }
static int e_interp(const nd_array *x, nd_array **out) {
    nd_array *xp = d2(0.0, 3.0), *fp = d2(1.0, 2.0);
    out[0] = nd_interp(x, xp, fp);
    nd_free(xp); nd_free(fp);
    return out[0] ? 1 : -1;
}
static int e_fft(const nd_array *x, nd_array **out) { ONE(nd_fft_fft(x)); }
static int e_rfft(const nd_array *x, nd_array **out) { ONE(nd_fft_rfft(x)); }
static int e_irfft(const nd_array *x, nd_array **out) { ONE(nd_fft_irfft(x)); }
static int e_fftn(const nd_array *x, nd_array **out) { ONE(nd_fft_fftn(x)); }
static int e_fftshift(const nd_array *x, nd_array **out) { ONE(nd_fft_fftshift(x)); }
static int e_flip(const nd_array *x, nd_array **out) { ONE(nd_flip(x)); }
static int e_roll(const nd_array *x, nd_array **out) { ONE(nd_roll(x, ND_INTS(1))); }
static int e_roll0(const nd_array *x, nd_array **out) { ONE(nd_roll(x, ND_INTS(1), .axis = ND_AXIS(0))); }
static int e_rot90(const nd_array *x, nd_array **out) { ONE(nd_rot90(x, 1)); }
static int e_tile(const nd_array *x, nd_array **out) { ONE(nd_tile(x, ND_INTS(2))); }
static int e_repeat(const nd_array *x, nd_array **out) { ONE(nd_repeat(x, 2)); }
static int e_pad(const nd_array *x, nd_array **out) { ONE(nd_pad(x, ND_INTS(1))); }
static int e_padedge(const nd_array *x, nd_array **out) { ONE(nd_pad(x, ND_INTS(1), .mode = ND_PAD_EDGE)); }
static int e_trim_zeros(const nd_array *x, nd_array **out) { ONE(nd_trim_zeros(x)); }
static int e_flatnonzero(const nd_array *x, nd_array **out) { ONE(nd_flatnonzero(x)); }
static int e_argwhere(const nd_array *x, nd_array **out) { ONE(nd_argwhere(x)); }
static int e_nonzero(const nd_array *x, nd_array **out) { return nd_nonzero(x, out); }
static int e_take(const nd_array *x, nd_array **out) { WITH(IDX(0), nd_take(x, t_)); }
static int e_take0(const nd_array *x, nd_array **out) { WITH(IDX(0), nd_take(x, t_, .axis = ND_AXIS(0))); }
static int e_compress(const nd_array *x, nd_array **out) { WITH(BLS(true), nd_compress(t_, x)); }
static int e_delete(const nd_array *x, nd_array **out) { ONE(nd_delete(x, 0)); }
static int e_insert(const nd_array *x, nd_array **out) { WITH(sc_f64(5.0), nd_insert(x, 0, t_)); }
static int e_append(const nd_array *x, nd_array **out) { ONE(nd_append(x, x)); }
static int e_resize(const nd_array *x, nd_array **out) { ONE(nd_resize(x, ND_SHAPE(2, 2))); }
static int e_atleast_3d(const nd_array *x, nd_array **out) { ONE(nd_atleast_3d(x)); }
static int e_moveaxis(const nd_array *x, nd_array **out) { ONE(nd_moveaxis(x, ND_AXIS(0), ND_AXIS(-1))); }
static int e_split(const nd_array *x, nd_array **out) { return nd_array_split(x, 2, out); }
static int e_concat(const nd_array *x, nd_array **out) { ONE(nd_concatenate(ND_ARRAYS((nd_array *)x, (nd_array *)x), 2)); }
static int e_stack(const nd_array *x, nd_array **out) {
    ONE(nd_stack(ND_ARRAYS((nd_array *)x, (nd_array *)x), 2, .axis = ND_AXIS(-1)));
}
static int e_vstack(const nd_array *x, nd_array **out) { ONE(nd_vstack(ND_ARRAYS((nd_array *)x, (nd_array *)x), 2)); }
static int e_column_stack(const nd_array *x, nd_array **out) {
    ONE(nd_column_stack(ND_ARRAYS((nd_array *)x, (nd_array *)x), 2));
}
static int e_where(const nd_array *x, nd_array **out) {
    nd_array *c = nd_greater(x, 1), *n = nd_negative(x);
    out[0] = c && n ? nd_where(c, x, n) : NULL;
    nd_free(c); nd_free(n);
    return out[0] ? 1 : -1;
}
static int e_choose(const nd_array *x, nd_array **out) {
    nd_array *z = nd_zeros(((nd_shape_t){ nd_ndim(x), (int64_t *)nd_shape(x) }), .dtype = ND_INT64);
    out[0] = nd_choose(z, 1, (const nd_array *const[]){ x });
    nd_free(z);
    return out[0] ? 1 : -1;
}
static int e_unravel(const nd_array *x, nd_array **out) {
    nd_array *z = nd_zeros(((nd_shape_t){ nd_ndim(x), (int64_t *)nd_shape(x) }), .dtype = ND_INT64);
    int r = nd_unravel_index(z, ND_SHAPE(2, 3), 'C', out);
    nd_free(z);
    return r;
}
static int e_take_along(const nd_array *x, nd_array **out) {
    nd_array *z = nd_zeros(((nd_shape_t){ nd_ndim(x), (int64_t *)nd_shape(x) }), .dtype = ND_INT64);
    out[0] = nd_take_along_axis(x, z, ND_AXIS(0));
    nd_free(z);
    return out[0] ? 1 : -1;
}

static void edge_cases(void) {
    static const struct { const char *name; int (*fn)(const nd_array *, nd_array **); } FN[] = {
        { "sort", e_sort }, { "sortN", e_sortN }, { "argsort", e_argsort }, { "partition", e_partition },
        { "lexsort", e_lexsort }, { "searchsorted", e_searchsorted }, { "sort_complex", e_sort_complex },
        { "unique", e_unique }, { "isin", e_isin }, { "union1d", e_union1d }, { "setdiff1d", e_setdiff1d },
        { "intersect1d", e_intersect1d }, { "setxor1d", e_setxor1d }, { "median", e_median },
        { "nanmedian", e_nanmedian }, { "median0", e_median0 }, { "percentile", e_percentile },
        { "quantile-1", e_quantile }, { "nanquantile", e_nanquantile }, { "histogram", e_histogram },
        { "bincount", e_bincount }, { "digitize", e_digitize }, { "diff", e_diff }, { "diff0", e_diff0 },
        { "ediff1d", e_ediff1d }, { "gradient", e_gradient }, { "trapezoid", e_trapezoid }, { "cov", e_cov },
        { "corrcoef", e_corrcoef }, { "convolve", e_convolve }, { "interp", e_interp }, { "fft", e_fft },
        { "rfft", e_rfft }, { "irfft", e_irfft }, { "fftn", e_fftn }, { "fftshift", e_fftshift },
        { "flip", e_flip }, { "roll", e_roll }, { "roll0", e_roll0 }, { "rot90", e_rot90 }, { "tile", e_tile },
        { "repeat", e_repeat }, { "pad", e_pad }, { "padedge", e_padedge }, { "trim_zeros", e_trim_zeros },
        { "flatnonzero", e_flatnonzero }, { "argwhere", e_argwhere }, { "nonzero", e_nonzero }, { "take", e_take },
        { "take0", e_take0 }, { "compress", e_compress }, { "delete", e_delete }, { "insert", e_insert },
        { "append", e_append }, { "resize", e_resize }, { "atleast_3d", e_atleast_3d }, { "moveaxis", e_moveaxis },
        { "split", e_split }, { "concat", e_concat }, { "stack", e_stack }, { "vstack", e_vstack },
        { "column_stack", e_column_stack }, { "where", e_where }, { "choose", e_choose }, { "unravel", e_unravel },
        { "take_along", e_take_along },
    };
    nd_array *r34 = mks(ND_SHAPE(3, 4), "i4");
    nd_array *in[] = { sc_f64(2.5), nd_zeros(ND_SHAPE(0)), nd_zeros(ND_SHAPE(0, 3)), d1(1.5), nd_get(r34, "::-1, ::-2") };
    static const char *const IN[] = { "0d", "e0", "e03", "one", "rev" };
    nd_array *out[ND_MAXDIMS + 1];
    for (int i = 0; i < 5; i++)
        for (size_t f = 0; f < COUNT(FN); f++) {
            for (int k = 0; k <= ND_MAXDIMS; k++) out[k] = NULL;
            int n = FN[f].fn(in[i], out);
            if (n < 0) for (int k = 0; k <= ND_MAXDIMS; k++) nd_free(out[k]); /* partial results */
            expect_n_close(NAME("edge %s %s", FN[f].name, IN[i]), n, out);
        }
    for (int i = 0; i < 5; i++) nd_free(in[i]);
    nd_free(r34);
}

/* ------------------------------------------------------------------ bad arguments */

/* NULL for every array argument and for every option pointer: an error, never a
 * crash (the _ex functions take NULL options as the defaults). */
#define NULL_FAILS(expr) do { nd_error_clear(); check_count_++; \
        void *p_ = (void *)(intptr_t)(expr); \
        if (p_ && (intptr_t)p_ != -1) { check_failures_++; fprintf(stderr, "%s:%d: %s did not fail\n", __FILE__, __LINE__, #expr); } \
        else if (!nd_error()) { check_failures_++; fprintf(stderr, "%s:%d: %s set no error\n", __FILE__, __LINE__, #expr); } \
    } while (0)

static void null_cases(void) {
    nd_array *a = mks(ND_SHAPE(3, 4), "f8"), *o[8] = { 0 }, *h = NULL, *e = NULL;
    nd_array *i1 = IDX(0);
    NULL_FAILS(nd_take_ex(NULL, i1, NULL)); NULL_FAILS(nd_take_ex(a, NULL, NULL));
    NULL_FAILS(nd_put(NULL, i1, i1, ND_CLIPMODE_RAISE)); NULL_FAILS(nd_put(a, NULL, i1, ND_CLIPMODE_RAISE));
    NULL_FAILS(nd_put(a, i1, NULL, ND_CLIPMODE_RAISE));
    NULL_FAILS(nd_take_along_axis(NULL, i1, ND_AXIS(0))); NULL_FAILS(nd_take_along_axis(a, NULL, ND_AXIS(0)));
    NULL_FAILS(nd_put_along_axis(NULL, i1, i1, ND_AXIS(0))); NULL_FAILS(nd_put_along_axis(a, i1, NULL, ND_AXIS(0)));
    NULL_FAILS(nd_choose_ex(NULL, 1, (const nd_array *const[]){ a }, NULL)); NULL_FAILS(nd_choose_ex(i1, 1, NULL, NULL));
    NULL_FAILS(nd_choose_ex(i1, 1, (const nd_array *const[]){ NULL }, NULL));
    NULL_FAILS(nd_compress_ex(NULL, a, NULL)); NULL_FAILS(nd_compress_ex(i1, NULL, NULL));
    NULL_FAILS(nd_extract(NULL, a)); NULL_FAILS(nd_extract(a, NULL));
    NULL_FAILS(nd_place(NULL, a, a)); NULL_FAILS(nd_place(a, NULL, a)); NULL_FAILS(nd_place(a, a, NULL));
    NULL_FAILS(nd_putmask(NULL, a, a)); NULL_FAILS(nd_putmask(a, NULL, a)); NULL_FAILS(nd_putmask(a, a, NULL));
    NULL_FAILS(nd_copyto_where(NULL, a, ND_CASTING_UNSAFE, NULL)); NULL_FAILS(nd_copyto_where(a, NULL, ND_CASTING_UNSAFE, NULL));
    NULL_FAILS(nd_where(NULL, a, a)); NULL_FAILS(nd_where(a, NULL, a)); NULL_FAILS(nd_where(a, a, NULL));
    NULL_FAILS(nd_nonzero(NULL, o)); NULL_FAILS(nd_nonzero(a, NULL));
    NULL_FAILS(nd_argwhere(NULL)); NULL_FAILS(nd_flatnonzero(NULL));
    NULL_FAILS(nd_select_ex(1, NULL, NULL, NULL)); NULL_FAILS(nd_select_ex(1, (const nd_array *const[]){ NULL }, (const nd_array *const[]){ a }, NULL));
    NULL_FAILS(nd_piecewise(NULL, 0, NULL, 0, NULL)); NULL_FAILS(nd_piecewise(a, 1, NULL, 1, NULL));
    NULL_FAILS(nd_diagonal_ex(NULL, NULL)); NULL_FAILS(nd_fill_diagonal_array(NULL, a, false));
    NULL_FAILS(nd_fill_diagonal_array(a, NULL, false)); NULL_FAILS(nd_fill_diagonal_ex(NULL, ND_VALUE(1.0), false));
    NULL_FAILS(nd_diag_indices(3, 2, NULL)); NULL_FAILS(nd_tril_indices_ex(3, NULL, NULL, NULL));
    NULL_FAILS(nd_triu_indices_ex(3, NULL, NULL, NULL));
    NULL_FAILS(nd_unravel_index(NULL, ND_SHAPE(2), 'C', o)); NULL_FAILS(nd_unravel_index(i1, ND_SHAPE(2), 'C', NULL));
    NULL_FAILS(nd_ravel_multi_index_ex(1, NULL, ND_SHAPE(2), NULL));
    NULL_FAILS(nd_ravel_multi_index_ex(1, (const nd_array *const[]){ NULL }, ND_SHAPE(2), NULL));
    NULL_FAILS(nd_indices_ex(ND_SHAPE(2), NULL, NULL)); NULL_FAILS(nd_meshgrid_ex(1, NULL, o, NULL));
    NULL_FAILS(nd_meshgrid_ex(1, (const nd_array *const[]){ NULL }, o, NULL)); NULL_FAILS(nd_ix(1, NULL, o));
    NULL_FAILS(nd_ix(1, (const nd_array *const[]){ NULL }, o)); NULL_FAILS(nd_mgrid(NULL)); NULL_FAILS(nd_ogrid(NULL, o));
    NULL_FAILS(nd_ogrid("0:2", NULL)); NULL_FAILS(nd_mgrid("0:2,,"));
    NULL_FAILS(nd_as_strided_ex(NULL, ND_SHAPE(2), ND_STRIDES(8), NULL));
    NULL_FAILS(nd_sliding_window_view_ex(NULL, ND_SHAPE(2), NULL));
    NULL_FAILS(nd_moveaxis(NULL, ND_AXIS(0), ND_AXIS(1))); NULL_FAILS(nd_rollaxis(NULL, 0, 1));
    NULL_FAILS(nd_atleast_1d(NULL)); NULL_FAILS(nd_atleast_2d(NULL)); NULL_FAILS(nd_atleast_3d(NULL));
    NULL_FAILS(nd_concatenate_ex(NULL, 2, NULL)); NULL_FAILS(nd_concatenate_ex(ND_ARRAYS(a, NULL), 2, NULL));
    NULL_FAILS(nd_concatenate_ex(ND_ARRAYS(a), 0, NULL)); NULL_FAILS(nd_stack_ex(ND_ARRAYS(NULL, a), 2, NULL));
    NULL_FAILS(nd_vstack_ex(NULL, 1, NULL)); NULL_FAILS(nd_hstack_ex(ND_ARRAYS(NULL), 1, NULL));
    NULL_FAILS(nd_dstack_ex(ND_ARRAYS(NULL), 1, NULL)); NULL_FAILS(nd_column_stack_ex(ND_ARRAYS(NULL), 1, NULL));
    NULL_FAILS(nd_append_ex(NULL, a, NULL)); NULL_FAILS(nd_append_ex(a, NULL, NULL));
    NULL_FAILS(nd_block(ND_BLOCK0)); NULL_FAILS(nd_block(ND_BLOCK(ND_LEAF(NULL))));
    NULL_FAILS(nd_split_ex(NULL, 2, o, NULL)); NULL_FAILS(nd_split_ex(a, 3, NULL, NULL));
    NULL_FAILS(nd_array_split_ex(NULL, 2, o, NULL)); NULL_FAILS(nd_hsplit_ex(NULL, 2, o, NULL));
    NULL_FAILS(nd_vsplit_ex(NULL, 2, o, NULL)); NULL_FAILS(nd_dsplit_ex(NULL, 2, o, NULL));
    NULL_FAILS(nd_tile(NULL, ND_INTS(2))); NULL_FAILS(nd_tile(a, ((nd_ints){ 2, NULL })));
    NULL_FAILS(nd_repeat_ex(NULL, 2, NULL)); NULL_FAILS(nd_resize(NULL, ND_SHAPE(2)));
    NULL_FAILS(nd_flip_ex(NULL, NULL)); NULL_FAILS(nd_fliplr(NULL)); NULL_FAILS(nd_flipud(NULL));
    NULL_FAILS(nd_rot90_ex(NULL, 1, NULL)); NULL_FAILS(nd_roll_ex(NULL, ND_INTS(1), NULL));
    NULL_FAILS(nd_roll_ex(a, ((nd_ints){ 1, NULL }), NULL)); NULL_FAILS(nd_pad_ex(NULL, ND_INTS(1), NULL));
    NULL_FAILS(nd_pad_ex(a, ((nd_ints){ 1, NULL }), NULL));
    NULL_FAILS(nd_pad(a, ND_INTS(1), .constant_values = NULL, .n_constant_values = 2));
    NULL_FAILS(nd_insert_ex(NULL, 0, a, NULL)); NULL_FAILS(nd_insert_ex(a, 0, NULL, NULL));
    NULL_FAILS(nd_delete_ex(NULL, 0, NULL)); NULL_FAILS(nd_trim_zeros_ex(NULL, NULL));
    NULL_FAILS(nd_packbits_ex(NULL, NULL)); NULL_FAILS(nd_unpackbits_ex(NULL, NULL));
    NULL_FAILS(nd_apply_along_axis(NULL, 0, a, NULL)); NULL_FAILS(nd_apply_over_axes(NULL, a, ND_AXIS(0), NULL));
    NULL_FAILS(nd_sort_ex(NULL, NULL)); NULL_FAILS(nd_sort_inplace_ex(NULL, NULL)); NULL_FAILS(nd_argsort_ex(NULL, NULL));
    NULL_FAILS(nd_lexsort_ex(NULL, 1, NULL)); NULL_FAILS(nd_lexsort_ex(ND_ARRAYS(NULL), 1, NULL));
    NULL_FAILS(nd_sort_complex(NULL)); NULL_FAILS(nd_partition_ex(NULL, ND_INTS(0), NULL));
    NULL_FAILS(nd_partition_ex(a, ((nd_ints){ 1, NULL }), NULL)); NULL_FAILS(nd_argpartition_ex(NULL, ND_INTS(0), NULL));
    NULL_FAILS(nd_searchsorted_ex(NULL, a, NULL)); NULL_FAILS(nd_searchsorted_ex(i1, NULL, NULL));
    NULL_FAILS(nd_unique_ex(NULL, NULL)); NULL_FAILS(nd_unique_all(NULL, &(nd_unique_result){ 0 }));
    NULL_FAILS(nd_unique_all(a, NULL)); NULL_FAILS(nd_unique_counts(NULL, &(nd_unique_result){ 0 }));
    NULL_FAILS(nd_unique_inverse(a, NULL)); NULL_FAILS(nd_unique_values(NULL));
    nd_unique_result_free(NULL);
    NULL_FAILS(nd_isin_ex(NULL, a, NULL)); NULL_FAILS(nd_isin_ex(a, NULL, NULL));
    NULL_FAILS(nd_intersect1d_ex(NULL, a, NULL)); NULL_FAILS(nd_union1d(a, NULL));
    NULL_FAILS(nd_setdiff1d_ex(NULL, a, NULL)); NULL_FAILS(nd_setxor1d_ex(a, NULL, NULL));
    NULL_FAILS(nd_median_ex(NULL, NULL)); NULL_FAILS(nd_nanmedian_ex(NULL, NULL));
    NULL_FAILS(nd_quantile_ex(NULL, ND_OPERAND(0.5), NULL)); NULL_FAILS(nd_percentile_ex(NULL, ND_OPERAND(50), NULL));
    NULL_FAILS(nd_nanquantile_ex(NULL, ND_OPERAND(0.5), NULL)); NULL_FAILS(nd_nanpercentile_ex(NULL, ND_OPERAND(50), NULL));
    NULL_FAILS(nd_quantile_ex(a, ND_NONE, NULL));
    CHECK(nd_quantile_method_parse(NULL) < 0); CHECK(nd_quantile_method_name((nd_quantile_method)99) == NULL ||
                                                    nd_quantile_method_name((nd_quantile_method)99)[0] != 0);
    CHECK(nd_bins_method_parse(NULL) < 0); CHECK(nd_bins_method_parse("nope") < 0);
    NULL_FAILS(nd_histogram_ex(NULL, &h, &e, NULL)); /* (hist = NULL is allowed: the counts are dropped) */
    NULL_FAILS(nd_histogram_bin_edges_ex(NULL, NULL)); NULL_FAILS(nd_histogramdd_ex(NULL, &h, o, NULL));
    NULL_FAILS(nd_histogramdd_ex(a, NULL, o, NULL)); NULL_FAILS(nd_histogram2d_ex(NULL, a, &h, &e, &e, NULL));
    NULL_FAILS(nd_histogram2d_ex(a, NULL, &h, &e, &e, NULL)); NULL_FAILS(nd_bincount_ex(NULL, NULL));
    NULL_FAILS(nd_digitize_ex(NULL, a, NULL)); NULL_FAILS(nd_digitize_ex(a, NULL, NULL));
    NULL_FAILS(nd_cov_ex(NULL, NULL)); NULL_FAILS(nd_corrcoef_ex(NULL, NULL));
    NULL_FAILS(nd_correlate_ex(NULL, a, NULL)); NULL_FAILS(nd_convolve_ex(a, NULL, NULL));
    NULL_FAILS(nd_diff_ex(NULL, NULL)); NULL_FAILS(nd_ediff1d_ex(NULL, NULL));
    NULL_FAILS(nd_gradient_ex(NULL, o, 8, NULL)); NULL_FAILS(nd_gradient_ex(a, NULL, 8, NULL));
    NULL_FAILS(nd_gradient_ex(a, o, 0, NULL)); NULL_FAILS(nd_gradient(a, o, 8, .spacing = NULL, .nspacing = 2));
    NULL_FAILS(nd_trapezoid_ex(NULL, NULL)); NULL_FAILS(nd_interp_ex(ND_OPERAND(a), NULL, a, NULL));
    NULL_FAILS(nd_interp_ex(ND_OPERAND(a), a, NULL, NULL)); NULL_FAILS(nd_interp_ex(ND_NONE, a, a, NULL));
    NULL_FAILS(nd_fft_fft_ex(NULL, NULL)); NULL_FAILS(nd_fft_ifft_ex(NULL, NULL)); NULL_FAILS(nd_fft_rfft_ex(NULL, NULL));
    NULL_FAILS(nd_fft_irfft_ex(NULL, NULL)); NULL_FAILS(nd_fft_hfft_ex(NULL, NULL)); NULL_FAILS(nd_fft_ihfft_ex(NULL, NULL));
    NULL_FAILS(nd_fft_fftn_ex(NULL, NULL)); NULL_FAILS(nd_fft_ifftn_ex(NULL, NULL)); NULL_FAILS(nd_fft_rfftn_ex(NULL, NULL));
    NULL_FAILS(nd_fft_irfftn_ex(NULL, NULL)); NULL_FAILS(nd_fft_fft2_ex(NULL, NULL)); NULL_FAILS(nd_fft_ifft2_ex(NULL, NULL));
    NULL_FAILS(nd_fft_rfft2_ex(NULL, NULL)); NULL_FAILS(nd_fft_irfft2_ex(NULL, NULL));
    NULL_FAILS(nd_fft_fftn(a, .s = ((nd_shape_t){ 2, NULL })));
    NULL_FAILS(nd_fft_fftshift_ex(NULL, NULL)); NULL_FAILS(nd_fft_ifftshift_ex(NULL, NULL));
    nd_fft_cache_clear();
    /* the option-less _ex calls work */
    nd_array *r = nd_sort_ex(a, NULL);
    CHECK(r != NULL);
    nd_free(r);
    r = nd_fft_fft_ex(a, NULL);
    CHECK(r != NULL);
    nd_free(r);
    nd_free(a);
    nd_free(i1);
}

/* Shapes and sizes at the limits: ND_MAXDIMS dimensions, products that overflow int64,
 * huge counts; each a clear error or a result, never a crash. */
static void limit_cases(void) {
    int64_t dims[ND_MAXDIMS];
    for (int i = 0; i < ND_MAXDIMS; i++) dims[i] = 1;
    nd_array *m = nd_zeros(((nd_shape_t){ ND_MAXDIMS, dims })), *r, *o[ND_MAXDIMS + 1];
    CHECK(m != NULL);
    r = nd_sort(m); CHECK(r != NULL); nd_free(r);
    r = nd_median(m); CHECK(r != NULL); nd_free(r);
    r = nd_flip(m); CHECK(r != NULL); nd_free(r);
    r = nd_fft_fftn(m); CHECK(r != NULL); nd_free(r);
    r = nd_unique(m); CHECK(r != NULL); nd_free(r);
    r = nd_argwhere(m); CHECK(r != NULL && nd_shape(r)[1] == ND_MAXDIMS); nd_free(r);
    int n = nd_nonzero(m, o);
    CHECK(n == ND_MAXDIMS);
    for (int i = 0; i < n; i++) nd_free(o[i]);
    r = nd_atleast_3d(m); /* 64-d: fine, a view */
    CHECK(r != NULL);
    nd_free(r);
    r = nd_expand_dims(m, ND_AXIS(0)); /* a 65th dimension */
    CHECK(r == NULL);
    nd_error_clear();
    r = nd_stack(ND_ARRAYS(m, m), 2); /* 65 dimensions */
    CHECK(r == NULL && nd_error());
    nd_error_clear();
    nd_array *v = nd_ones(ND_SHAPE(3));
    r = nd_tile(v, ND_INTS(INT64_MAX / 2)); /* 1.5 * 2^63 elements */
    CHECK(r == NULL && nd_error());
    nd_error_clear();
    r = nd_repeat(v, INT64_MAX / 2);
    CHECK(r == NULL && nd_error());
    nd_error_clear();
    r = nd_resize(v, ND_SHAPE(INT64_MAX / 2, 4));
    CHECK(r == NULL && nd_error());
    nd_error_clear();
    r = nd_pad(v, ND_INTS(INT64_MAX / 2));
    CHECK(r == NULL && nd_error());
    nd_error_clear();
    r = nd_fft_fft(v, .n = INT64_MAX / 4);
    CHECK(r == NULL && nd_error());
    nd_error_clear();
    r = nd_bincount(v, .minlength = INT64_MAX / 2);
    CHECK(r == NULL && nd_error());
    nd_error_clear();
    int k = nd_indices(ND_SHAPE(INT64_MAX / 2, 4), o);
    CHECK(k < 0 && nd_error());
    nd_error_clear();
    r = nd_fft_fftfreq(INT64_MAX / 2);
    CHECK(r == NULL && nd_error());
    nd_error_clear();
    nd_array *idx = IDX(INT64_MAX, INT64_MIN);
    r = nd_take(v, idx, .mode = ND_CLIPMODE_WRAP);
    CHECK(r != NULL);
    nd_free(r);
    r = nd_take(v, idx);
    CHECK(r == NULL && nd_error() == ND_ERR_INDEX);
    nd_error_clear();
    k = nd_unravel_index(idx, ND_SHAPE(INT64_MAX / 2, 4), 'C', o);
    CHECK(k < 0);
    nd_error_clear();
    nd_free(idx);
    nd_free(v);
    nd_free(m);
    /* histogramdd's dimension limits are those of np.ravel_multi_index(Ncount, nbin) in
     * NumPy 2 (64 dimensions, 64 iterator operands; 1.24 says 32) */
    nd_array *h = NULL, *s;
    s = nd_zeros(ND_SHAPE(2, 65));
    CHECK_ERR(nd_histogramdd(s, &h, NULL), ND_ERR_VALUE, "maximum supported dimension for an ndarray is currently 64, found 65");
    nd_free(s);
    s = nd_zeros(ND_SHAPE(2, 64));
    CHECK_ERR(nd_histogramdd(s, &h, NULL), ND_ERR_VALUE, "too many dimensions passed to ravel_multi_index");
    CHECK_ERR(nd_histogramdd(s, &h, NULL, .bins = -1), ND_ERR_VALUE, "`bins[0]` must be positive, when an integer");
    nd_free(s);
    s = nd_zeros(ND_SHAPE(2, 20)); /* 12**20 bins overflow int64 */
    CHECK_ERR(nd_histogramdd(s, &h, NULL), ND_ERR_VALUE,
              "invalid dims: array size defined by dims is larger than the maximum possible size.");
    nd_free(s);
    CHECK(h == NULL);
    /* np.fill_diagonal writes through a.flat: NumPy 2's bounds check of Python integers */
    s = nd_zeros(ND_SHAPE(2, 2), .dtype = ND_UINT8);
    CHECK_ERR(nd_fill_diagonal(s, 256, false), ND_ERR_OVERFLOW, "Python integer 256 out of bounds for uint8");
    CHECK_ERR(nd_fill_diagonal(s, -1, false), ND_ERR_OVERFLOW, "Python integer -1 out of bounds for uint8");
    CHECK(nd_fill_diagonal(s, 255, false) == 0 && nd_item_int(s, ND_IDX(1, 1)) == 255 && nd_item_int(s, ND_IDX(0, 1)) == 0);
    nd_free(s);
}

/* ------------------------------------------------------------------ options, round 3 */

static nd_array *fill_diag(nd_shape_t shape, const nd_array *arr, int64_t val, bool wrap) {
    nd_array *x = nd_zeros(shape, .dtype = ND_INT32);
    int r = arr ? nd_fill_diagonal_array(x, arr, wrap) : nd_fill_diagonal(x, val, wrap);
    if (r < 0) { nd_free(x); return NULL; }
    return x;
}

static nd_array *sort_cb(const nd_array *x, void *ud) { (void)ud; return nd_sort(x); }
static nd_array *rem(nd_array *a, int64_t m) { nd_array *r = nd_remainder(a, m); nd_free(a); return r; }
static nd_array *mul(nd_array *a, double m) { nd_array *r = nd_multiply(a, m); nd_free(a); return r; }

static void round3_cases(void) {
    nd_scope_begin(); /* every handle made here is released at the end */
    nd_array *out[ND_MAXDIMS + 1], *h, *e;
    nd_array *a = mks(ND_SHAPE(3, 4), "f8"), *i = mks(ND_SHAPE(3, 4), "i4");
    expect("r3 sort desc view", nd_sort(nd_get(a, "::2, ::-1"), .axis = ND_AXIS(0)));
    expect("r3 argsort T ax0", nd_argsort(nd_T(i), .axis = ND_AXIS(0), .kind = ND_STABLE));
    nd_array *p12 = mks(ND_SHAPE(12), "i8"), *pp = nd_partition(p12, ND_INTS(1, 5, 9));
    expect("r3 partition kths", pp ? nd_get(pp, "[1, 5, 9]") : NULL);
    nd_array *pf = nd_partition(mks(ND_SHAPE(12), "f4"), ND_INTS(3, 3));
    expect("r3 partition kth dup", pf ? nd_get(pf, "3") : NULL);
    nd_array *ap = nd_argpartition(i, ND_INTS(5), .axis = ND_AXIS_ALL), *fl = nd_ravel(i, 'C');
    expect("r3 argpartition axN", ap ? nd_take(fl, nd_get(ap, "5")) : NULL);
    nd_array *lk1 = rem(mk(ND_SHAPE(3, 4), "i4"), 2), *lk2 = rem(mk(ND_SHAPE(3, 4), "u1"), 3);
    expect("r3 lexsort ax0", nd_lexsort(ND_ARRAYS(lk1, lk2), 2, .axis = ND_AXIS(0)));
    nd_array *l1 = mk(ND_SHAPE(8), "f4"), *l2 = rem(mk(ND_SHAPE(8), "i2"), 2), *l3 = mk(ND_SHAPE(8), "b1");
    expect("r3 lexsort 3keys", nd_lexsort(ND_ARRAYS(l1, l2, l3), 3));
    expect("r3 ss sorter desc", nd_searchsorted(DBL(3.0, 1.0, 2.0), DBL(2.0, 0.5), .side = ND_SIDE_RIGHT, .sorter = IDX(1, 2, 0)));
    expect("r3 ss strided", nd_searchsorted(nd_get(nd_arange(0.0, 20.0, 1.0), "::3"), reshaped(DBL(4.0, 9.5, -1.0, 100.0), ND_SHAPE(2, 2))));
    expect("r3 ss strings", nd_searchsorted(nd_from_strings((const char *[]){ "a", "bb", "c" }, ND_SHAPE(3), 'U', 0),
                                            nd_from_strings((const char *[]){ "b", "c", "zz", "" }, ND_SHAPE(4), 'U', 0)));
    expect("r3 ss bool", nd_searchsorted(BLS(false, true, true), BLS(true, false)));
    out[0] = nd_unique(rem(mk(ND_SHAPE(4, 3), "i4"), 2), .axis = ND_AXIS(0), .index = &out[1], .inverse = &out[2], .counts = &out[3]);
    expect_n("r3 unique ax0 all", out[0] ? 4 : -1, out);
    expect("r3 unique ax-1", nd_unique(rem(mk(ND_SHAPE(2, 5), "f4"), 3), .axis = ND_AXIS(-1)));
    out[0] = nd_unique(nd_from_strings((const char *[]){ "b", "a", "b", "" }, ND_SHAPE(4), 'U', 0), .counts = &out[1]);
    expect_n("r3 unique strings", out[0] ? 2 : -1, out);
    out[0] = nd_unique(mk(ND_SHAPE(7), "b1"), .index = &out[1]);
    expect_n("r3 unique bool", out[0] ? 2 : -1, out);
    expect("r3 isin strings", nd_isin(nd_from_strings((const char *[]){ "a", "bb", "c" }, ND_SHAPE(3), 'U', 0),
                                      nd_from_strings((const char *[]){ "bb", "x" }, ND_SHAPE(2), 'U', 0)));
    expect("r3 isin kind table", nd_isin(mks(ND_SHAPE(6), "i2"), mks(ND_SHAPE(3), "i2"), .kind = ND_ISIN_TABLE));
    expect("r3 isin 2d test", nd_isin(mks(ND_SHAPE(4), "i4"), mks(ND_SHAPE(2, 2), "i4")));
    out[0] = nd_intersect1d(mk(ND_SHAPE(6), "i4"), nd_add(mk(ND_SHAPE(5), "i4"), 1), .indices1 = &out[1], .indices2 = &out[2]);
    expect_n("r3 intersect idx", out[0] ? 3 : -1, out);
    expect("r3 setdiff assume", nd_setdiff1d(IDX(5, 1, 3), IDX(1), .assume_unique = true));
    expect("r3 setxor assume", nd_setxor1d(IDX(5, 1, 3), IDX(1, 7), .assume_unique = true));
    expect("r3 q weights", nd_quantile(mks(ND_SHAPE(5), "f8"), DBL(0.5, 0.2), .method = ND_METHOD_INVERTED_CDF,
                                       .weights = DBL(1, 2, 1, 1, 3)));
    expect("r3 q method ax", nd_quantile(mks(ND_SHAPE(4, 5), "i4"), 0.4, .axis = ND_AXIS(1), .method = ND_METHOD_NEAREST));
    expect("r3 q keepdims", nd_quantile(mks(ND_SHAPE(2, 3, 4), "f8"), DBL(0.1, 0.9), .axis = ND_AXIS(0, 2), .keepdims = true));
    expect("r3 nanq methods", nd_nanquantile(mkn(ND_SHAPE(3, 5), "f8"), 0.5, .axis = ND_AXIS(1), .method = ND_METHOD_MEDIAN_UNBIASED));
    expect("r3 nanpct lower", nd_nanpercentile(mkn(ND_SHAPE(3, 5), "f4"), 40, .axis = ND_AXIS(0), .method = ND_METHOD_LOWER));
    expect("r3 median c", nd_median(mks(ND_SHAPE(5), "c16")));
    expect("r3 median bool", nd_median(mk(ND_SHAPE(4), "b1")));
    expect("r3 pct f2", nd_percentile(mks(ND_SHAPE(7), "f2"), nd_astype(DBL(10, 90), ND_FLOAT16)));
    expect_n_close("r3 hist weights c", nd_histogram(mks(ND_SHAPE(10), "f8"), &out[0], &out[1], .bins = 3,
                                                     .weights = mks(ND_SHAPE(10), "c16")) < 0 ? -1 : 2, out);
    expect_n_close("r3 hist range int", nd_histogram(mks(ND_SHAPE(10), "i1"), &out[0], &out[1], .bins = 4,
                                                     .range = ND_RANGE(-3, 3)) < 0 ? -1 : 2, out);
    expect_n_close("r3 hist u8 big", nd_histogram(nd_from_data((uint64_t[]){ 0, UINT64_MAX }, ND_SHAPE(2), ND_UINT64),
                                                  &out[0], &out[1], .bins = 2) < 0 ? -1 : 2, out);
    expect_n_close("r3 hist density edges", nd_histogram(mks(ND_SHAPE(10), "f8"), &out[0], &out[1],
                                                         .edges = DBL(-3.0, 0.0, 1.0, 3.0), .density = true) < 0 ? -1 : 2, out);
    expect("r3 digitize u8", nd_digitize(nd_from_data((uint64_t[]){ 0, 5, UINT64_C(1) << 63 }, ND_SHAPE(3), ND_UINT64),
                                         nd_from_data((uint64_t[]){ 1, UINT64_C(1) << 63 }, ND_SHAPE(2), ND_UINT64)));
    expect("r3 bincount bool", nd_bincount(mk(ND_SHAPE(6), "b1")));
    expect("r3 bincount w int", nd_bincount(mk(ND_SHAPE(6), "i4"), .weights = mk(ND_SHAPE(6), "i8")));
    expect_close("r3 cov ddof fw aw", nd_cov(mks(ND_SHAPE(2, 5), "f8"), .ddof = 0, .ddof_set = true,
                                             .fweights = IDX(1, 2, 1, 3, 1), .aweights = DBL(0.5, 1, 2, 1, 0.25)));
    expect_close("r3 cov dtype", nd_cov(mks(ND_SHAPE(2, 5), "f8"), .dtype = ND_FLOAT32));
    expect_close("r3 corr rowvar", nd_corrcoef(mks(ND_SHAPE(5, 2), "f8"), .no_rowvar = true));
    expect("r3 diff n2 bool", nd_diff(mk(ND_SHAPE(6), "b1"), .n = 2));
    expect("r3 diff c", nd_diff(mks(ND_SHAPE(4), "c8")));
    expect("r3 diff f2", nd_diff(mks(ND_SHAPE(4), "f2")));
    expect("r3 ediff1d 2d begin", nd_ediff1d(mks(ND_SHAPE(4), "f8"), .to_begin = ND_OPERAND(reshaped(DBL(1.0, 2.0), ND_SHAPE(1, 2)))));
    nd_array *g3 = mks(ND_SHAPE(3, 4, 2), "f8");
    expect_n_close("r3 grad axes", nd_gradient(g3, out, 8, .axis = ND_AXIS(0, 2)), out);
    expect_n_close("r3 grad c", nd_gradient(mks(ND_SHAPE(4), "c16"), out, 8), out);
    expect_n_close("r3 grad e2 3", nd_gradient(mks(ND_SHAPE(3), "f8"), out, 8, .edge_order = 2), out);
    nd_operand sp0[] = { ND_OPERAND(sc_f64(2.0)) }, sp2[] = { ND_OPERAND(2.0) };
    expect_n_close("r3 grad 0d sp", nd_gradient(mks(ND_SHAPE(4), "f8"), out, 8, .spacing = sp0, .nspacing = 1), out);
    expect_n_close("r3 grad u8", nd_gradient(nd_from_data((uint8_t[]){ 1, 0, 3 }, ND_SHAPE(3), ND_UINT8), out, 8), out);
    expect_n_close("r3 grad f4 sp", nd_gradient(mks(ND_SHAPE(4), "f4"), out, 8, .spacing = sp2, .nspacing = 1), out);
    expect("r3 interp right only", nd_interp(DBL(-5.0, 5.0), DBL(0.0, 1.0), DBL(2.0, 3.0), .right = ND_VALUE(-1.0)));
    expect("r3 interp nan fp", nd_interp(DBL(0.5, 1.5), DBL(0.0, 1.0, 2.0), DBL(NAN, 1.0, INFINITY)));
    expect("r3 interp inf x", nd_interp(DBL(INFINITY, -INFINITY), DBL(0.0, 1.0), DBL(2.0, 3.0)));
    expect_close("r3 interp period neg", nd_interp(DBL(-30.0, 400.0), DBL(350.0, 10.0, 180.0), DBL(1.0, 2.0, 3.0),
                                                   .period = ND_VALUE(-360.0)));
    expect_close("r3 trapz x2", nd_trapezoid(mks(ND_SHAPE(3, 4), "f8"), .x = DBL(0.0, 0.5, 2.0), .axis = ND_AXIS(0)));
    expect_close("r3 trapz c", nd_trapezoid(mks(ND_SHAPE(4), "c16")));
    expect_close("r3 trapz bool", nd_trapezoid(mk(ND_SHAPE(4), "b1")));
    expect_close("r3 conv c", nd_convolve(mks(ND_SHAPE(4), "c8"), mks(ND_SHAPE(2), "c8")));
    expect("r3 conv u1", nd_convolve(nd_multiply(mk(ND_SHAPE(4), "u1"), 30), nd_multiply(mk(ND_SHAPE(3), "u1"), 30)));
    expect_close("r3 corr same even", nd_correlate(mks(ND_SHAPE(6), "f8"), mks(ND_SHAPE(4), "f8"), .mode = ND_CONV_SAME));
    expect_close("r3 conv same even", nd_convolve(mks(ND_SHAPE(3), "f8"), mks(ND_SHAPE(6), "f8"), .mode = ND_CONV_SAME));
    nd_array *s5 = mks(ND_SHAPE(5), "i4"), *dflt = sc_i64(-7);
    const nd_array *cl[] = { nd_less(s5, 0), nd_greater(s5, 2) }, *chl[] = { s5, nd_multiply(s5, 10) };
    expect("r3 select", nd_select(2, cl, chl, .default_value = dflt));
    const nd_array *cl1[] = { mk(ND_SHAPE(4), "b1") }, *ch1[] = { mks(ND_SHAPE(4), "f4") };
    expect("r3 select f", nd_select(1, cl1, ch1));
    expect("r3 diagonal", nd_diagonal(i, .offset = 1));
    expect("r3 diagonal neg", nd_diagonal(i, .offset = -2));
    expect("r3 diagonal 3d", nd_diagonal(mks(ND_SHAPE(2, 3, 4), "i4"), .offset = 0, .axes = ND_AXIS(2, 0)));
    expect("r3 diagonal far", nd_diagonal(i, .offset = 7));
    expect("r3 diagonal same", nd_diagonal(i, .axes = ND_AXIS(1, 1)));
    expect("r3 fill_diag", fill_diag(ND_SHAPE(3, 4), NULL, 5, false));
    expect("r3 fill_diag wrap", fill_diag(ND_SHAPE(7, 3), NULL, 5, true));
    expect("r3 fill_diag nowrap", fill_diag(ND_SHAPE(7, 3), NULL, 5, false));
    expect("r3 fill_diag cube", fill_diag(ND_SHAPE(3, 3, 3), NULL, 2, false));
    expect("r3 fill_diag bad", fill_diag(ND_SHAPE(3, 3, 2), NULL, 2, false));
    expect("r3 fill_diag arr", fill_diag(ND_SHAPE(4, 4), IDX(1, 2), 0, false));
    int r = nd_tril_indices(3, &out[0], &out[1], .k = 1, .m = 4, .m_set = true);
    expect_n("r3 tril_indices", r < 0 ? -1 : 2, out);
    r = nd_triu_indices(4, &out[0], &out[1], .k = -1);
    expect_n("r3 triu_indices", r < 0 ? -1 : 2, out);
    r = nd_diag_indices(3, 3, out);
    expect_n("r3 diag_indices", r < 0 ? -1 : 3, out);
    const nd_array *mg[] = { mk(ND_SHAPE(2), "i4"), mk(ND_SHAPE(3), "f4"), mk(ND_SHAPE(1), "i4") };
    r = nd_meshgrid(2, mg, out);
    expect_n("r3 meshgrid", r < 0 ? -1 : 2, out);
    r = nd_meshgrid(2, mg, out, .indexing = 'i', .sparse = true);
    expect_n("r3 meshgrid ij sparse", r < 0 ? -1 : 2, out);
    const nd_array *mg3[] = { mg[0], mk(ND_SHAPE(3), "i4"), mg[2] };
    r = nd_meshgrid(3, mg3, out);
    expect_n("r3 meshgrid 3", r < 0 ? -1 : 3, out);
    expect("r3 mgrid", nd_mgrid("0:3, 1:2:0.5"));
    expect("r3 mgrid j", nd_mgrid("-1:1:5j"));
    expect_n("r3 ogrid", nd_ogrid("0:3, 0:4:2", out), out);
    expect("r3 swv", nd_sliding_window_view(mk(ND_SHAPE(6), "i4"), ND_SHAPE(3)));
    expect("r3 swv 2d ax", nd_sliding_window_view(mk(ND_SHAPE(3, 4), "i4"), ND_SHAPE(2), .axis = ND_AXIS(1)));
    expect("r3 swv too big", nd_sliding_window_view(mk(ND_SHAPE(3), "i4"), ND_SHAPE(4)));
    nd_array *b22 = mk(ND_SHAPE(2, 2), "i4"), *b21 = mk(ND_SHAPE(2, 1), "i4"), *b13 = mk(ND_SHAPE(1, 3), "f4"),
             *b11 = mk(ND_SHAPE(1, 1), "i4");
    expect("r3 block", nd_block(ND_BLOCK(ND_BLOCK(ND_LEAF(b22), ND_LEAF(b21)), ND_BLOCK(ND_LEAF(b13)))));
    expect("r3 block bad", nd_block(ND_BLOCK(ND_BLOCK(ND_LEAF(b22), ND_LEAF(b11)))));
    nd_array *r234 = mk(ND_SHAPE(2, 3, 4), "i4");
    expect("r3 rollaxis", nd_rollaxis(r234, 2, 0));
    expect("r3 rollaxis start", nd_rollaxis(r234, 0, 2));
    expect("r3 rollaxis bad", nd_rollaxis(r234, 0, 5));
    expect("r3 packbits", nd_packbits(mk(ND_SHAPE(2, 5), "b1")));
    expect("r3 packbits ax little", nd_packbits(rem(mk(ND_SHAPE(2, 9), "u1"), 2), .axis = ND_AXIS(1), .little = true));
    expect("r3 packbits float", nd_packbits(mk(ND_SHAPE(4), "f4")));
    expect("r3 unpackbits", nd_unpackbits(nd_from_data((uint8_t[]){ 3, 255 }, ND_SHAPE(2), ND_UINT8)));
    expect("r3 unpackbits count", nd_unpackbits(nd_from_data((uint8_t[]){ 3, 255 }, ND_SHAPE(1, 2), ND_UINT8),
                                                .axis = ND_AXIS(1), .has_count = true, .count = -3, .little = true));
    expect("r3 unpackbits i1", nd_unpackbits(nd_from_data((int8_t[]){ 3 }, ND_SHAPE(1), ND_INT8)));
    expect_n("r3 split neg idx", nd_split(mk(ND_SHAPE(6), "i4"), 0, out, .indices = ND_INTS(-2, 2)), out);
    expect_n("r3 array_split ax1", nd_array_split(mk(ND_SHAPE(2, 7), "i4"), 3, out, .axis = ND_AXIS(1)), out);
    expect_n("r3 hsplit 2d", nd_hsplit(mk(ND_SHAPE(2, 4), "i4"), 2, out), out);
    expect("r3 tile 0d", nd_tile(sc_i64(3), ND_INTS(2, 2)));
    expect("r3 repeat empty", nd_repeat(nd_zeros(ND_SHAPE(0, 2)), 3, .axis = ND_AXIS(0)));
    expect("r3 roll 0d", nd_roll(sc_i64(3), ND_INTS(1)));
    expect("r3 flip 0d", nd_flip(sc_i64(3)));
    expect("r3 pad maximum empty", nd_pad(nd_zeros(ND_SHAPE(2, 0)), ND_INTS(1, 1, 0, 0), .mode = ND_PAD_MAXIMUM));
    expect("r3 pad wrap 2d", nd_pad(mk(ND_SHAPE(2, 3), "i4"), ND_INTS(3, 4, 5, 1), .mode = ND_PAD_WRAP));
    expect("r3 pad reflect 1", nd_pad(IDX(7), ND_INTS(3), .mode = ND_PAD_REFLECT));
    expect("r3 pad symmetric big", nd_pad(mk(ND_SHAPE(3), "i4"), ND_INTS(8, 7), .mode = ND_PAD_SYMMETRIC));
    expect("r3 pad linear f", nd_pad(mks(ND_SHAPE(2, 2), "f4"), ND_INTS(2), .mode = ND_PAD_LINEAR_RAMP, ND_PAD_END_VALUES(1, 2, 3, 4)));
    nd_array *pe = nd_pad(mk(ND_SHAPE(2), "i4"), ND_INTS(1), .mode = ND_PAD_EMPTY);
    expect("r3 pad empty mode", pe ? sc_i64(nd_shape(pe)[0]) : NULL);
    expect("r3 insert multi 2d", nd_insert(mk(ND_SHAPE(2, 3), "i4"), 0, reshaped(IDX(7, 8), ND_SHAPE(2, 1)),
                                           .indices = ND_INTS(0, 2), .axis = ND_AXIS(1)));
    expect("r3 insert neg list", nd_insert(mk(ND_SHAPE(4), "i4"), 0, IDX(9, 8), .indices = ND_INTS(-1, -4)));
    expect("r3 delete slice all", nd_delete(mk(ND_SHAPE(4), "i4"), 0, .indices = ND_INTS(0, 1, 2, 3)));
    expect("r3 delete neg oob", nd_delete(mk(ND_SHAPE(4), "i4"), -5));
    expect("r3 append 0d", nd_append(sc_i64(1), sc_f64(2.5)));
    expect("r3 resize 0d", nd_resize(sc_i64(4), ND_SHAPE(2, 3)));
    nd_array *tz = reshaped(IDX(0, 0, 1, 0, 2, 0, 0, 0, 0), ND_SHAPE(3, 3));
    expect("r3 trim ax", nd_trim_zeros(tz, .axis = ND_AXIS(1)));
    expect("r3 apply", nd_apply_along_axis(sort_cb, 1, i, NULL));
    expect("r3 apply axis0", nd_apply_along_axis(sort_cb, 0, i, NULL));
    expect_n("r3 where 1arg", nd_nonzero(mks(ND_SHAPE(2, 3), "i4"), out), out);
    nd_array *pn = nd_copy(mk(ND_SHAPE(2, 3), "i4"), 'C');
    expect("r3 put_along none", nd_put_along_axis(pn, IDX(0, 5), IDX(8, 9), ND_AXIS_NONE) < 0 ? NULL : nd_ref(pn));
    expect("r3 take_along none", nd_take_along_axis(mk(ND_SHAPE(2, 3), "i4"), IDX(5, 0), ND_AXIS_NONE));
    const nd_array *cc[] = { reshaped(IDX(1, 2, 3, 4), ND_SHAPE(2, 2)), sc_i64(9) };
    expect("r3 choose 2d sel", nd_choose(reshaped(IDX(0, 1, 1, 0), ND_SHAPE(2, 2)), 2, cc));
    expect("r3 take out mode", nd_take(mk(ND_SHAPE(5), "i4"), reshaped(IDX(7, -8), ND_SHAPE(1, 2)), .mode = ND_CLIPMODE_CLIP));
    nd_array *pl = nd_copy(mks(ND_SHAPE(2, 3), "f8"), 'C');
    expect("r3 place", nd_place(pl, nd_greater(pl, 0), DBL(7.0, 8.0)) < 0 ? NULL : nd_ref(pl));
    nd_array *pl2 = nd_copy(mks(ND_SHAPE(2, 3), "f8"), 'C');
    expect("r3 place empty vals", nd_place(pl2, nd_greater(pl2, 0), nd_zeros(ND_SHAPE(0))) < 0 ? NULL : nd_ref(pl2));
    nd_array *pc = nd_copy(mks(ND_SHAPE(2, 3), "i4"), 'C');
    expect("r3 place cast", nd_place(pc, nd_greater(pc, 0), DBL(1.5)) < 0 ? NULL : nd_ref(pc));
    nd_array *pm8 = nd_copy(mks(ND_SHAPE(2, 3), "i4"), 'C');
    expect("r3 putmask i1", nd_putmask(pm8, nd_greater(pm8, 0), nd_from_data((int8_t[]){ 7, 8 }, ND_SHAPE(2), ND_INT8)) < 0
                                ? NULL : nd_ref(pm8));
    nd_array *pm = nd_copy(mks(ND_SHAPE(2, 3), "i4"), 'C');
    expect("r3 putmask", nd_putmask(pm, nd_greater(pm, 0), IDX(70, 80)) < 0 ? NULL : nd_ref(pm));
    expect_close("r3 fftn s -1", nd_fft_fftn(mks(ND_SHAPE(3, 4), "c16"), .s = ND_SHAPE(-1, 6)));
    expect_close("r3 irfftn odd", nd_fft_irfftn(mks(ND_SHAPE(3, 4), "c16"), .s = ND_SHAPE(3, 7)));
    expect_close("r3 hfft odd n", nd_fft_hfft(mks(ND_SHAPE(4), "c16"), .n = 7));
    expect_close("r3 ihfft c", nd_fft_ihfft(mks(ND_SHAPE(5), "f8"), .n = 4, .norm = ND_FFT_ORTHO));
    expect_close("r3 rfft i2 ortho", nd_fft_rfft(mks(ND_SHAPE(6), "i2"), .norm = ND_FFT_ORTHO));
    expect_close("r3 fft prime", nd_fft_fft(mks(ND_SHAPE(17), "c16")));
    expect_close("r3 fft big prime", nd_fft_fft(mks(ND_SHAPE(1009), "f8")));
    expect("r3 ifftshift odd", nd_fft_ifftshift(mk(ND_SHAPE(5), "i4")));
    expect("r3 fftshift neg axes", nd_fft_fftshift(mk(ND_SHAPE(3, 4), "i4"), .axes = ND_AXIS(-1, -1)));
    (void)h; (void)e; (void)mul;
    nd_scope_end();
}

/* ------------------------------------------------------------------ special values, round 4 */

static void round4_cases(void) {
    nd_scope_begin();
    nd_array *out[4];
    nd_array *spec = DBL(0.0, -0.0, INFINITY, -INFINITY, NAN, 1e308, -1e-308, 5e-324, -NAN, 2.0);
    static const char *const SDT[] = { "f2", "f4", "f8" };
    for (int t = 0; t < 3; t++) {
        nd_array *x = nd_astype(spec, dt_of(SDT[t]), .casting = ND_CASTING_UNSAFE);
        expect(NAME("r4 sort %s", SDT[t]), nd_sort(x));
        expect(NAME("r4 argsort %s", SDT[t]), nd_argsort(x, .kind = ND_STABLE));
        out[0] = nd_unique(x, .counts = &out[1]);
        expect_n(NAME("r4 unique %s", SDT[t]), out[0] ? 2 : -1, out);
        expect(NAME("r4 median %s", SDT[t]), nd_median(nd_get(x, "[0, 1, 2, 3, 5, 6]")));
        expect(NAME("r4 pct %s", SDT[t]), nd_percentile(nd_get(x, "[0, 1, 2, 5, 6, 7, 9]"), DBL(0, 50, 100)));
        expect(NAME("r4 ss %s", SDT[t]), nd_searchsorted(nd_sort(x), x));
        expect(NAME("r4 diff %s", SDT[t]), nd_diff(x));
        expect(NAME("r4 nanmedian %s", SDT[t]), nd_nanmedian(x));
        expect(NAME("r4 nanpct %s", SDT[t]), nd_nanpercentile(x, DBL(25, 75)));
    }
    nd_array *big = IDX(INT64_C(1) << 62, -(INT64_C(1) << 62), INT64_MAX, INT64_MIN, 0, 7);
    expect("r4 diff i8 overflow", nd_diff(big));
    expect("r4 sort i8", nd_sort(big));
    expect("r4 median i8", nd_median(nd_get(big, "[0, 2]")));
    expect("r4 pct i8", nd_percentile(big, DBL(10, 90)));
    expect("r4 q i8 lower", nd_quantile(big, 0.3, .method = ND_METHOD_LOWER));
    expect_close("r4 cov i8", nd_cov(nd_reshape(big, ND_SHAPE(2, 3))));
    expect("r4 conv i8", nd_convolve(nd_get(big, ":3"), IDX(2, 3)));
    expect("r4 bincount big w", nd_bincount(IDX(0, 1, 1), .weights = DBL(1e308, 1e308, 1e308)));
    expect_n_close("r4 hist inf", nd_histogram(DBL(1.0, INFINITY), &out[0], &out[1]) < 0 ? -1 : 2, out);
    expect_n_close("r4 hist inf range", nd_histogram(DBL(1.0, INFINITY, -INFINITY, 2.0), &out[0], &out[1], .bins = 2,
                                                     .range = ND_RANGE(0, 3)) < 0 ? -1 : 2, out);
    expect_n_close("r4 hist tiny range", nd_histogram(DBL(1.0, 1.0 + 0x1p-52), &out[0], &out[1], .bins = 3) < 0 ? -1 : 2, out);
    expect("r4 digitize inf", nd_digitize(DBL(-INFINITY, INFINITY, NAN), DBL(0.0, INFINITY)));
    expect("r4 interp inf xp", nd_interp(DBL(0.5, 2.0), DBL(0.0, 1.0, INFINITY), DBL(1.0, 2.0, 3.0)));
    expect("r4 unique u8 i8", nd_unique(nd_from_data((uint64_t[]){ UINT64_C(1) << 63, 1, UINT64_C(1) << 63 }, ND_SHAPE(3), ND_UINT64)));
    expect("r4 union u8 i8", nd_union1d(nd_from_data((uint64_t[]){ UINT64_C(1) << 63 }, ND_SHAPE(1), ND_UINT64), IDX(-1)));
    expect_n_close("r4 gradient inf", nd_gradient(DBL(1.0, INFINITY, 3.0, 4.0), out, 4), out);
    expect("r4 fft inf", nd_fft_fft(DBL(1.0, INFINITY, 0.0, 0.0)));
    expect("r4 median -0", nd_median(DBL(-0.0, -0.0)));
    expect("r4 median -0 odd", nd_median(DBL(-0.0, -0.0, 1.0), .axis = ND_AXIS(0)));
    expect("r4 median -0 c", nd_median(nd_from_data((double[]){ -0.0, -0.0 }, ND_SHAPE(1), ND_COMPLEX128)));
    expect("r4 nanmedian -0", nd_nanmedian(DBL(-0.0, NAN)));
    expect("r4 pct -0", nd_percentile(DBL(-0.0, 0.0, -0.0), 50));
    expect("r4 sort c special", nd_sort(nd_from_data((double[]){ NAN, 0, 0, NAN, 1, -INFINITY, -INFINITY, 1, 0, 0, -0.0, -0.0 },
                                                     ND_SHAPE(6), ND_COMPLEX128)));
    expect("r4 unique c -0", nd_unique(nd_from_data((double[]){ 0, 0, -0.0, 0.0, 0.0, -0.0 }, ND_SHAPE(3), ND_COMPLEX128)));
    expect("r4 isin nan", nd_isin(DBL(NAN, 1.0), DBL(NAN, 1.0)));
    expect("r4 intersect -0", nd_intersect1d(DBL(-0.0, 1.0), DBL(0.0)));
    nd_scope_end();
}

int main(void) {
    char path[1024];
    snprintf(path, sizeof path, "%s/conform_data/conform_data.npys", ND_GOLDEN_DIR);
    G = fopen(path, "rb");
    if (!G) { fprintf(stderr, "cannot open %s\n", path); return 1; }
    nd_set_warning_handler(count_warning, NULL);
    sort_cases();
    index_cases();
    manip_cases();
    sets_cases();
    stats_cases();
    hist_cases();
    numeric_cases();
    fft_cases();
    round3_cases();
    round4_cases();
    edge_cases();
    null_cases();
    limit_cases();
    fclose(G);
    fprintf(stderr, "%d golden cases\n", ncases);
    return check_done();
}
