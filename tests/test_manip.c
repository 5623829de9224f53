/* Shape manipulation against NumPy: tests/golden/manip/manip.npys holds, case by case,
 * a label and NumPy's result (or its exception and message), made by make_manip.py.
 * This file performs the same cases in the same order.
 *
 * NumPy 2.x semantics followed where 1.24 differs: np.pad wrap with pads longer than
 * the axis uses whole periods (1.25+; see the extra checks at the end); linear_ramp
 * floors on integers (2.0 linspace) and computes float16/float32/complex64 ramps in
 * double (NEP 50), golden values from make_manip.py's patched np.linspace; trim_zeros
 * has NumPy 2.2's axis and n-d input, golden values from its trim_zeros_2x. */
#include "golden.h"

#include <complex.h>

/* ((arange(n) * 7 + 3) % 11) as dtype code (bool: % 2), reshaped; the same as mk() in
 * make_manip.py.  Arrays made here are owned by the scope of main. */
static nd_array *mk(nd_shape_t shape, const char *code) {
    int64_t n = 1;
    for (int i = 0; i < shape.ndim; i++) n *= shape.dims[i];
    int64_t *v = malloc((size_t)(n ? n : 1) * sizeof *v);
    for (int64_t i = 0; i < n; i++) v[i] = (i * 7 + 3) % 11 % (strcmp(code, "b1") ? 1000 : 2);
    nd_array *a = nd_from_data(v, shape, ND_INT64);
    free(v);
    const nd_dtype_t *d = dt_of(code);
    const nd_dtype_t *own = d ? NULL : nd_dtype_parse(code);
    nd_array *r = nd_astype(a, d ? d : own);
    nd_dtype_free(own);
    nd_free(a);
    return r;
}

/* Complex input: mk() real parts, ((i * 5 + 1) % 7) imaginary parts (mkc in make_manip.py). */
static nd_array *mkc(nd_shape_t shape, const char *code) {
    nd_array *re = mk(shape, "f8"), *z = nd_empty(shape, .dtype = ND_COMPLEX128);
    int64_t n = nd_size(re);
    for (int64_t i = 0; i < n; i++)
        ((double _Complex *)nd_data(z))[i] = ((double *)nd_data(re))[i] + (double)((i * 5 + 1) % 7) * I;
    return nd_astype(z, dt_of(code));
}

/* Cases whose result is a list of pieces (split). */
static void expect_list(const char *name, int count, nd_array **pieces) {
    ncases++;
    if (!read_label(name)) exit(1);
    nd_array *exp = nd_load_file(G);
    if (!error_case(exp, count < 0, name)) {
        int64_t want = *(int64_t *)nd_data(exp);
        check_count_++;
        if (count != want) { check_failures_++; fprintf(stderr, "case [%s]: %d pieces, expected %lld (%s)\n", name, count, (long long)want, nd_error_message()); }
        for (int64_t i = 0; i < want; i++) {
            nd_array *e = nd_load_file(G);
            check_count_++;
            if (i < count && !same_array(pieces[i], e, name)) check_failures_++;
            nd_free(e);
        }
    }
    nd_free(exp);
    for (int i = 0; i < count; i++) nd_free(pieces[i]);
    nd_error_clear();
}

#define A(...) (nd_array *[]){ __VA_ARGS__ }
#define SPLIT(name, call) do { nd_array *p_[16] = { 0 }; int c_ = call; expect_list(name, c_, p_); } while (0)

static char nm_[128];
static const char *nm(const char *what, const char *dt) { snprintf(nm_, sizeof nm_, "%s %s", what, dt); return nm_; }

static const char *const DTYPES[] = { "b1", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16", "S3", "U3" };

static void per_dtype(void) {
    for (int k = 0; k < 16; k++) {
        const char *dt = DTYPES[k];
        nd_array *a = mk(ND_SHAPE(2, 3), dt), *b = mk(ND_SHAPE(1, 3), dt), *c = mk(ND_SHAPE(2, 2), dt);
        nd_array *ar = nd_get(a, "::-1"), *aT = nd_T(a);
        expect(nm("concat0", dt), nd_concatenate(A(a, b), 2));
        expect(nm("concat1", dt), nd_concatenate(A(a, c), 2, .axis = ND_AXIS(1)));
        expect(nm("concatN", dt), nd_concatenate(A(a, b), 2, .axis_none = true));
        expect(nm("stack1", dt), nd_stack(A(a, ar), 2, .axis = ND_AXIS(1)));
        expect(nm("flip", dt), nd_flip(a));
        expect(nm("roll", dt), nd_roll(a, ND_INTS(1, -4), .axis = ND_AXIS(0, 1)));
        expect(nm("tile", dt), nd_tile(aT, ND_INTS(2, 1, 2)));
        expect(nm("repeat", dt), nd_repeat(a, 0, .counts = ND_INTS(2, 0, 1), .axis = ND_AXIS(1)));
        nd_array *as = nd_get(a, ":, ::-2");
        expect(nm("repeatN", dt), nd_repeat(as, 3));
        nd_free(as);
        expect(nm("pad_edge", dt), nd_pad(a, ND_INTS(1, 2, 2, 1), .mode = ND_PAD_EDGE));
        expect(nm("pad_reflect", dt), nd_pad(a, ND_INTS(4), .mode = ND_PAD_REFLECT));
        expect(nm("pad_symmetric", dt), nd_pad(a, ND_INTS(2, 5), .mode = ND_PAD_SYMMETRIC));
        expect(nm("pad_wrap", dt), nd_pad(a, ND_INTS(1, 1, 2, 3), .mode = ND_PAD_WRAP));
        expect(nm("insert", dt), nd_insert(a, 1, b, .axis = ND_AXIS(0)));
        nd_array *col = nd_get(a, ":, :1");
        expect(nm("insertseq", dt), nd_insert(a, 0, col, .indices = ND_INTS(0, 2, 2), .axis = ND_AXIS(1)));
        nd_free(col);
        expect(nm("delete", dt), nd_delete(a, 0, .indices = ND_INTS(0, -1), .axis = ND_AXIS(1)));
        expect(nm("append", dt), nd_append(a, b));
        expect(nm("resize", dt), nd_resize(a, ND_SHAPE(4, 4)));
        SPLIT(nm("split", dt), nd_array_split(aT, 2, p_));
        nd_free(a); nd_free(b); nd_free(c); nd_free(ar); nd_free(aT);
    }
    for (int k = 0; k < 14; k++) {
        const char *dt = DTYPES[k];
        nd_array *a = mk(ND_SHAPE(2, 3), dt);
        expect(nm("pad_const", dt), nd_pad(a, ND_INTS(1, 0, 2, 1), ND_PAD_VALUES(5, 6, 7, 1)));
        expect(nm("pad_max", dt), nd_pad(a, ND_INTS(2), .mode = ND_PAD_MAXIMUM));
        expect(nm("pad_min", dt), nd_pad(a, ND_INTS(1, 2), .mode = ND_PAD_MINIMUM, .stat_length = ND_INTS(2)));
        expect(nm("pad_mean", dt), nd_pad(a, ND_INTS(2), .mode = ND_PAD_MEAN));
        expect(nm("pad_median", dt), nd_pad(a, ND_INTS(1, 1, 2, 2), .mode = ND_PAD_MEDIAN, .stat_length = ND_INTS(1, 2, 2, 3)));
        expect(nm("pad_ramp", dt), nd_pad(a, ND_INTS(2, 1, 1, 3), .mode = ND_PAD_LINEAR_RAMP, ND_PAD_END_VALUES(1, 2, 3, 4)));
        expect(nm("pad_reflect_odd", dt), nd_pad(a, ND_INTS(3, 2), .mode = ND_PAD_REFLECT, .odd = true));
        expect(nm("pad_symmetric_odd", dt), nd_pad(a, ND_INTS(2, 4), .mode = ND_PAD_SYMMETRIC, .odd = true));
        nd_free(a);
    }
    const char *bits[] = { "b1", "i1", "u1", "i8", "u8" };
    for (int k = 0; k < 5; k++) {
        nd_array *a = mk(ND_SHAPE(3, 10), bits[k]);
        expect(nm("packbits", bits[k]), nd_packbits(a));
        expect(nm("packbits_ax0", bits[k]), nd_packbits(a, .axis = ND_AXIS(0), .little = true));
        expect(nm("packbits_ax1", bits[k]), nd_packbits(a, .axis = ND_AXIS(1)));
        nd_free(a);
    }
}

static void promotion(void) {
    nd_scope_begin();
    expect("concat i1+u1", nd_concatenate(A(mk(ND_SHAPE(2), "i1"), mk(ND_SHAPE(3), "u1")), 2));
    expect("concat f4+i8", nd_concatenate(A(mk(ND_SHAPE(2), "f4"), mk(ND_SHAPE(3), "i8")), 2));
    expect("concat S3+U5", nd_concatenate(A(mk(ND_SHAPE(2), "S3"), mk(ND_SHAPE(1), "U5")), 2));
    expect("concat b1+f2", nd_concatenate(A(mk(ND_SHAPE(2), "b1"), mk(ND_SHAPE(2), "f2")), 2));
    nd_array *i8 = mk(ND_SHAPE(2), "i8"), *f8 = mk(ND_SHAPE(2), "f8");
    expect("concat dtype f4", nd_concatenate(A(i8, f8), 2, .dtype = ND_FLOAT32));
    expect("concat dtype i4 same_kind", nd_concatenate(A(i8, f8), 2, .dtype = ND_INT32));
    nd_array *half = nd_full(ND_SHAPE(2), 0.5);
    nd_array *f8h = nd_empty(ND_SHAPE(2));
    double *h = nd_data(f8h), *src = nd_data(f8);
    h[0] = src[0] + 0.5; h[1] = src[1] + 0.5;
    expect("concat dtype i4 unsafe", nd_concatenate(A(i8, f8h), 2, .dtype = ND_INT32, .casting = ND_CASTING_UNSAFE));
    expect("concat safe", nd_concatenate(A(i8, mk(ND_SHAPE(2), "i4")), 2, .dtype = ND_INT32, .casting = ND_CASTING_SAFE));
    expect("concat empty", nd_concatenate(A(nd_zeros(ND_SHAPE(0, 3)), mk(ND_SHAPE(2, 3), "i2")), 2));
    nd_array *p = nd_get(mk(ND_SHAPE(4, 3), "f8"), "::-2"), *q = nd_get(nd_T(mk(ND_SHAPE(3, 4), "f8")), "2:, ::-1");
    expect("concat noncontig", nd_concatenate(A(p, q), 2, .axis = ND_AXIS(1)));
    (void)half;
    nd_scope_end();
}

static void joining(void) {
    nd_scope_begin();
    nd_array *a = mk(ND_SHAPE(2, 3), "i8"), *v = mk(ND_SHAPE(3), "i8"), *s = mk(ND_SHAPE0, "i8");
    expect("vstack", nd_vstack(A(a, v, v), 3));
    expect("vstack 0d", nd_vstack(A(s, s), 2));
    expect("hstack 1d", nd_hstack(A(v, nd_get(v, "::-1"), s), 3));
    expect("hstack 2d", nd_hstack(A(a, nd_get(a, ":, :1")), 2));
    expect("dstack", nd_dstack(A(a, a), 2));
    expect("dstack 1d", nd_dstack(A(v, v), 2));
    expect("column_stack", nd_column_stack(A(v, nd_T(a), v), 3));
    expect("stack -1", nd_stack(A(v, v, v), 3, .axis = ND_AXIS(-1)));
    expect("stack 0d", nd_stack(A(s, s), 2));
    expect("append axis0", nd_append(a, a, .axis = ND_AXIS(0)));
    nd_array *m22 = mk(ND_SHAPE(2, 2), "i8"), *m21 = mk(ND_SHAPE(2, 1), "i8"), *m12 = mk(ND_SHAPE(1, 2), "i8"),
             *m11 = mk(ND_SHAPE(1, 1), "f8");
    expect("block 2x2", nd_block(ND_BLOCK(ND_BLOCK(ND_LEAF(m22), ND_LEAF(m21)), ND_BLOCK(ND_LEAF(m12), ND_LEAF(m11)))));
    expect("block 1d", nd_block(ND_BLOCK(ND_LEAF(v), ND_LEAF(s), ND_LEAF(v))));
    expect("block 3lvl", nd_block(ND_BLOCK(ND_BLOCK(ND_BLOCK(ND_LEAF(v)), ND_BLOCK(ND_LEAF(v))),
                                           ND_BLOCK(ND_BLOCK(ND_LEAF(v)), ND_BLOCK(ND_LEAF(v))))));
    expect("block promote", nd_block(ND_BLOCK(ND_BLOCK(ND_LEAF(a)), ND_BLOCK(ND_LEAF(v)))));
    expect("block leaf", nd_block(ND_LEAF(a)));
    { /* layout as NumPy: all-F blocks give an F result, a lone leaf a C copy */
        nd_array *f = nd_copy(m22, 'F'), *fv = nd_copy(nd_T(m22), 'F');
        nd_array *bf = nd_block(ND_BLOCK(ND_BLOCK(ND_LEAF(f), ND_LEAF(f)), ND_BLOCK(ND_LEAF(f), ND_LEAF(f))));
        CHECK(bf && nd_is_f_contiguous(bf) && !nd_is_c_contiguous(bf));
        nd_array *bl = nd_block(ND_LEAF(fv));
        CHECK(bl && nd_is_c_contiguous(bl));
        nd_free(bf); nd_free(bl); nd_free(f); nd_free(fv);
    }
    expect("atleast_1d", nd_atleast_1d(s));
    expect("atleast_2d", nd_atleast_2d(v));
    expect("atleast_3d 1d", nd_atleast_3d(v));
    expect("atleast_3d 2d", nd_atleast_3d(a));
    nd_array *y = mk(ND_SHAPE(2, 3, 4), "i8");
    expect("moveaxis", nd_moveaxis(y, ND_AXIS(0, 1), ND_AXIS(-1, 0)));
    expect("rollaxis", nd_rollaxis(y, 2, 1));
    expect("rollaxis end", nd_rollaxis(y, 0, 3));
    nd_scope_end();
}

static void splitting(void) {
    nd_scope_begin();
    nd_array *x = mk(ND_SHAPE(6, 4), "i8");
    SPLIT("split 3", nd_split(x, 3, p_));
    SPLIT("split idx", nd_split(x, 0, p_, .indices = ND_INTS(1, -2, 10), .axis = ND_AXIS(0)));
    SPLIT("split idx rev", nd_split(x, 0, p_, .indices = ND_INTS(3, 1), .axis = ND_AXIS(1)));
    SPLIT("array_split 4", nd_array_split(nd_arange(0, 10, 1), 4, p_));
    SPLIT("array_split 7", nd_array_split(nd_arange(0, 3, 1), 7, p_));
    SPLIT("hsplit", nd_hsplit(x, 2, p_));
    SPLIT("hsplit 1d", nd_hsplit(nd_arange(0, 6, 1), 0, p_, .indices = ND_INTS(2)));
    SPLIT("vsplit", nd_vsplit(x, 3, p_));
    SPLIT("dsplit", nd_dsplit(mk(ND_SHAPE(2, 2, 4), "i8"), 0, p_, .indices = ND_INTS(1, 3)));
    SPLIT("split empty", nd_array_split(nd_zeros(ND_SHAPE(0, 2)), 2, p_));
    nd_scope_end();
}

static void rearranging(void) {
    nd_scope_begin();
    nd_array *a = mk(ND_SHAPE(2, 3), "i8"), *v = mk(ND_SHAPE(3), "i8"), *s = mk(ND_SHAPE0, "i8");
    nd_array *y = mk(ND_SHAPE(2, 3, 4), "i8");
    expect("flip 1", nd_flip(y, .axis = ND_AXIS(1)));
    expect("flip 0 2", nd_flip(y, .axis = ND_AXIS(0, 2)));
    expect("fliplr", nd_fliplr(a));
    expect("flipud", nd_flipud(v));
    int ks[] = { -1, 0, 1, 2, 3, 5 };
    for (int i = 0; i < 6; i++) {
        char name[32];
        snprintf(name, sizeof name, "rot90 %d", ks[i]);
        expect(name, nd_rot90(a, ks[i]));
    }
    expect("rot90 axes", nd_rot90(y, 1, .axes = ND_AXIS(2, 0)));
    expect("rot90 axes neg", nd_rot90(y, 3, .axes = ND_AXIS(-1, -2)));
    expect("roll none", nd_roll(a, ND_INTS(2)));
    expect("roll none neg", nd_roll(a, ND_INTS(-7)));
    expect("roll multi", nd_roll(a, ND_INTS(1, 1), .axis = ND_AXIS(1, 1)));
    expect("roll bcast", nd_roll(y, ND_INTS(1), .axis = ND_AXIS(0, 2)));
    expect("roll empty", nd_roll(nd_zeros(ND_SHAPE(0, 3)), ND_INTS(2), .axis = ND_AXIS(1)));
    expect("roll 0d", nd_roll(s, ND_INTS(1)));
    expect("roll big", nd_roll(v, ND_INTS(1000000000001)));
    expect("tile 1", nd_tile(v, ND_INTS(2)));
    expect("tile 0d", nd_tile(s, ND_INTS(2, 3)));
    expect("tile zero", nd_tile(a, ND_INTS(2, 0)));
    expect("tile short", nd_tile(y, ND_INTS(2)));
    expect("repeat scalar ax0", nd_repeat(a, 3, .axis = ND_AXIS(0)));
    expect("repeat 0d", nd_repeat(s, 4));
    expect("repeat one", nd_repeat(a, 0, .counts = ND_INTS(2), .axis = ND_AXIS(0)));
    expect("repeat zero", nd_repeat(a, 0, .axis = ND_AXIS(1)));
    expect("repeat T", nd_repeat(nd_T(a), 0, .counts = ND_INTS(1, 2), .axis = ND_AXIS(1)));
    expect("resize grow", nd_resize(v, ND_SHAPE(2, 5)));
    expect("resize shrink", nd_resize(nd_T(a), ND_SHAPE(4)));
    expect("resize empty", nd_resize(nd_zeros(ND_SHAPE(0), .dtype = ND_INT32), ND_SHAPE(2, 2)));
    expect("resize 0d", nd_resize(s, ND_SHAPE(3)));
    nd_scope_end();
}

static void padding(void) {
    nd_scope_begin();
    nd_array *a = mk(ND_SHAPE(2, 3), "i8"), *s = mk(ND_SHAPE0, "i8");
    nd_array *f = nd_empty(ND_SHAPE(5));
    { nd_array *m = mk(ND_SHAPE(5), "f8"); for (int i = 0; i < 5; i++) ((double *)nd_data(f))[i] = ((double *)nd_data(m))[i] * 1.5 - 4; }
    nd_array *v3 = mk(ND_SHAPE(3), "i8");
    expect("pad const scalar", nd_pad(f, ND_INTS(3), ND_PAD_VALUES(2.5)));
    expect("pad reflect big", nd_pad(v3, ND_INTS(10, 9), .mode = ND_PAD_REFLECT));
    expect("pad symmetric big", nd_pad(v3, ND_INTS(10, 9), .mode = ND_PAD_SYMMETRIC));
    expect("pad reflect odd big", nd_pad(v3, ND_INTS(7, 8), .mode = ND_PAD_REFLECT, .odd = true));
    expect("pad symmetric odd big", nd_pad(v3, ND_INTS(7, 8), .mode = ND_PAD_SYMMETRIC, .odd = true));
    expect("pad wrap big", nd_pad(v3, ND_INTS(7, 3), .mode = ND_PAD_WRAP));
    expect("pad wrap big2", nd_pad(a, ND_INTS(4, 4, 0, 7), .mode = ND_PAD_WRAP));
    expect("pad reflect single", nd_pad(mk(ND_SHAPE(1, 3), "i8"), ND_INTS(2), .mode = ND_PAD_REFLECT));
    expect("pad mean f", nd_pad(f, ND_INTS(2, 3), .mode = ND_PAD_MEAN, .stat_length = ND_INTS(3, 2)));
    expect("pad median f", nd_pad(f, ND_INTS(2, 3), .mode = ND_PAD_MEDIAN));
    expect("pad mean round", nd_pad(ND_ARRAY(int, ND_SHAPE(4), 1, 2, 2, 3), ND_INTS(2), .mode = ND_PAD_MEAN, .stat_length = ND_INTS(2)));
    expect("pad ramp f", nd_pad(f, ND_INTS(4, 3), .mode = ND_PAD_LINEAR_RAMP, ND_PAD_END_VALUES(-1.5, 7)));
    expect("pad ramp zero step", nd_pad(ND_ARRAY(double, ND_SHAPE(2), 5, 1), ND_INTS(3, 2), .mode = ND_PAD_LINEAR_RAMP, ND_PAD_END_VALUES(5, 0)));
    expect("pad 0d", nd_pad(s, ND_INTS(1)));
    expect("pad empty const", nd_pad(nd_zeros(ND_SHAPE(0, 2), .dtype = ND_INT32), ND_INTS(1), ND_PAD_VALUES(3)));
    expect("pad empty edge ok", nd_pad(nd_zeros(ND_SHAPE(0, 2), .dtype = ND_INT32), ND_INTS(0, 0, 1, 1), .mode = ND_PAD_EDGE));
    expect("pad zero width", nd_pad(a, ND_INTS(0), .mode = ND_PAD_REFLECT));
    expect("pad noncontig", nd_pad(nd_get(mk(ND_SHAPE(4, 6), "f4"), "::-2, 1::2"), ND_INTS(1, 2, 3, 0), .mode = ND_PAD_SYMMETRIC));
    expect("pad nan max", nd_pad(ND_ARRAY(double, ND_SHAPE(3), 1, NAN, 3), ND_INTS(1), .mode = ND_PAD_MAXIMUM));
    const char *cdts[] = { "c8", "c16" };
    for (int k = 0; k < 2; k++) {
        nd_array *z = mkc(ND_SHAPE(3, 4), cdts[k]);
        expect(nm("pad cmax", cdts[k]), nd_pad(z, ND_INTS(2, 1), .mode = ND_PAD_MAXIMUM));
        expect(nm("pad cmin", cdts[k]), nd_pad(z, ND_INTS(1), .mode = ND_PAD_MINIMUM, .stat_length = ND_INTS(2)));
        expect(nm("pad cmean", cdts[k]), nd_pad(z, ND_INTS(1, 2, 2, 1), .mode = ND_PAD_MEAN));
        expect(nm("pad cmedian", cdts[k]), nd_pad(z, ND_INTS(2), .mode = ND_PAD_MEDIAN, .stat_length = ND_INTS(3)));
        expect(nm("pad cramp", cdts[k]), nd_pad(z, ND_INTS(2, 1, 3, 2), .mode = ND_PAD_LINEAR_RAMP, ND_PAD_END_VALUES(1, 2, -3, 0.5)));
    }
    expect("pad cramp zero step", nd_pad(ND_ARRAY(double _Complex, ND_SHAPE(2), 5, 1 + 1 * I), ND_INTS(3, 2),
                                         .mode = ND_PAD_LINEAR_RAMP, ND_PAD_END_VALUES(5, 0)));
    expect("pad cmax nan", nd_pad(ND_ARRAY(double _Complex, ND_SHAPE(3), 1 + 1 * I, NAN, 3), ND_INTS(1), .mode = ND_PAD_MAXIMUM));
    const char *sdts[] = { "f2", "f4", "f8", "i4", "u8", "c16" };
    for (int k = 0; k < 6; k++) {
        nd_array *m = mk(ND_SHAPE(11, 19), "f8"), *big = nd_empty(ND_SHAPE(11, 19));
        for (int i = 0; i < 11 * 19; i++) ((double *)nd_data(big))[i] = ((double *)nd_data(m))[i] / 7;
        big = nd_astype(big, dt_of(sdts[k]));
        if (k != 5) expect(nm("pad bigmean", sdts[k]), nd_pad(big, ND_INTS(3), .mode = ND_PAD_MEAN));
        expect(nm("pad bigmedian", sdts[k]), nd_pad(big, ND_INTS(2, 4), .mode = ND_PAD_MEDIAN));
    }
    nd_scope_end();
}

static void insdel(void) {
    nd_scope_begin();
    nd_array *a = mk(ND_SHAPE(2, 3), "i8"), *v = mk(ND_SHAPE(3), "i8");
    expect("insert none", nd_insert(a, 2, nd_full(ND_SHAPE0, 9)));
    expect("insert none seq", nd_insert(a, 0, ND_ARRAY(long, ND_SHAPE(3), 7, 8, 9), .indices = ND_INTS(1, 1, 6)));
    expect("insert neg", nd_insert(a, -1, ND_ARRAY(long, ND_SHAPE(2), 7, 8), .axis = ND_AXIS(0)));
    expect("insert scalar vals2d", nd_insert(a, 1, ND_ARRAY(long, ND_SHAPE(2, 2), 7, 8, 5, 6), .axis = ND_AXIS(1)));
    expect("insert seq1 vals2d", nd_insert(a, 0, ND_ARRAY(long, ND_SHAPE(2, 1), 7, 8), .indices = ND_INTS(1), .axis = ND_AXIS(1)));
    expect("insert cast", nd_insert(a, 0, nd_full(ND_SHAPE0, 2.7), .axis = ND_AXIS(1)));
    expect("insert end", nd_insert(v, 3, nd_full(ND_SHAPE0, 1)));
    expect("insert seq unsorted", nd_insert(v, 0, ND_ARRAY(long, ND_SHAPE(3), 10, 20, 30), .indices = ND_INTS(3, 0, 1)));
    expect("delete none", nd_delete(a, 4));
    expect("delete neg", nd_delete(a, -1, .axis = ND_AXIS(0)));
    expect("delete seq dup", nd_delete(v, 0, .indices = ND_INTS(0, 0, -3)));
    expect("delete mask", nd_delete(v, 0, .mask = (const bool[]){ true, false, true }));
    expect("delete empty", nd_delete(v, 0, .indices = { 0, (const int64_t[]){ 0 } }));
    expect("trim fb", nd_trim_zeros(ND_ARRAY(long, ND_SHAPE(6), 0, 0, 1, 0, 2, 0)));
    expect("trim f", nd_trim_zeros(ND_ARRAY(double, ND_SHAPE(4), 0.0, -0.0, 1.5, 0.0), .trim = "f"));
    expect("trim b", nd_trim_zeros(ND_ARRAY(long, ND_SHAPE(3), 0, 3, 0), .trim = "b"));
    expect("trim all", nd_trim_zeros(nd_zeros(ND_SHAPE(4)), .trim = "fb"));
    expect("trim nan", nd_trim_zeros(ND_ARRAY(double, ND_SHAPE(3), 0.0, NAN, 0.0), .trim = "fb"));
    /* NumPy 2.2's axis and n-d input (the golden values follow its documented rule) */
    nd_array *tz = ND_ARRAY(int, ND_SHAPE(3, 6), 0, 0, 2, 3, 0, 0, 0, 1, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0);
    expect("trim2 nd", nd_trim_zeros(tz));
    expect("trim2 nd ax-1", nd_trim_zeros(tz, .axis = ND_AXIS(-1)));
    expect("trim2 nd ax0 f", nd_trim_zeros(tz, .trim = "f", .axis = ND_AXIS(0)));
    expect("trim2 nd B", nd_trim_zeros(tz, .trim = "B"));
    expect("trim2 nd T", nd_trim_zeros(nd_flipud(nd_T(tz))));
    expect("trim2 3d", nd_trim_zeros(nd_pad(mk(ND_SHAPE(2, 1, 3), "f8"), ND_INTS(1, 0, 2, 3, 0, 1))));
    expect("trim2 allzero", nd_trim_zeros(nd_zeros(ND_SHAPE(3, 4))));
    expect("trim2 allzero ax1 f", nd_trim_zeros(nd_zeros(ND_SHAPE(3, 4)), .trim = "f", .axis = ND_AXIS(1)));
    expect("trim2 empty", nd_trim_zeros(nd_zeros(ND_SHAPE(0, 4))));
    expect("trim2 1d axis", nd_trim_zeros(ND_ARRAY(long, ND_SHAPE(3), 0, 1, 0), .axis = ND_AXIS(3)));
    expect("trim2 c16", nd_trim_zeros(ND_ARRAY(double _Complex, ND_SHAPE(3, 2), 0, 0, 0, 1 * I, 0, 0)));
    {
        const char *strs[] = { "", "", "", "x" };
        expect("trim2 S", nd_trim_zeros(nd_from_strings(strs, ND_SHAPE(2, 2), 'S', 1)));
    }
    expect("E trim2 chars", nd_trim_zeros(tz, .trim = "fx"));
    expect("E trim2 axis", nd_trim_zeros(tz, .axis = ND_AXIS(2)));
    nd_array *u = ND_ARRAY(unsigned char, ND_SHAPE(2, 2), 0xA5, 0x0F, 0xFF, 0x01);
    expect("unpack", nd_unpackbits(u));
    expect("unpack ax1", nd_unpackbits(u, .axis = ND_AXIS(1)));
    expect("unpack ax0 little", nd_unpackbits(u, .axis = ND_AXIS(0), .little = true));
    expect("unpack count", nd_unpackbits(u, .axis = ND_AXIS(1), .has_count = true, .count = 5));
    expect("unpack count big", nd_unpackbits(u, .axis = ND_AXIS(1), .has_count = true, .count = 20));
    expect("unpack count neg", nd_unpackbits(u, .has_count = true, .count = -3));
    expect("pack empty", nd_packbits(nd_zeros(ND_SHAPE(0), .dtype = ND_BOOL)));
    expect("pack 0d", nd_packbits(nd_full(ND_SHAPE0, 1)));
    nd_scope_end();
}

static void errors(void) {
    nd_scope_begin();
    nd_array *a = mk(ND_SHAPE(2, 3), "i8"), *v = mk(ND_SHAPE(3), "i8"), *s = mk(ND_SHAPE0, "i8");
    expect("E concat 0d", nd_concatenate(A(s, s), 2));
    expect("E concat ndim", nd_concatenate(A(a, v), 2));
    expect("E concat dims", nd_concatenate(A(a, mk(ND_SHAPE(3, 3), "i8")), 2, .axis = ND_AXIS(1)));
    expect("E concat axis", nd_concatenate(A(a, a), 2, .axis = ND_AXIS(2)));
    expect("E concat cast", nd_concatenate(A(a, nd_astype(a, ND_FLOAT64)), 2, .dtype = ND_INT64));
    expect("E concat S num", nd_concatenate(A(mk(ND_SHAPE(2), "S3"), mk(ND_SHAPE(2), "f8")), 2, .dtype = ND_FLOAT64));
    expect("E stack shape", nd_stack(A(a, nd_T(a)), 2));
    expect("E stack axis", nd_stack(A(a, a), 2, .axis = ND_AXIS(3)));
    expect("E block empty", nd_block(ND_BLOCK0));
    expect("E block depth", nd_block(ND_BLOCK(ND_BLOCK(ND_LEAF(a)), ND_LEAF(a))));
    expect("E block empty inner", nd_block(ND_BLOCK(ND_BLOCK(ND_LEAF(a)), ND_BLOCK0)));
    expect("E block dims", nd_block(ND_BLOCK(ND_BLOCK(ND_LEAF(a), ND_LEAF(a)), ND_BLOCK(ND_LEAF(a)))));
    SPLIT("E split equal", nd_split(nd_arange(0, 5, 1), 2, p_));
    SPLIT("E split zero", nd_array_split(nd_arange(0, 5, 1), 0, p_));
    SPLIT("E split axis", nd_array_split(nd_arange(0, 5, 1), 2, p_, .axis = ND_AXIS(1)));
    SPLIT("E hsplit", nd_hsplit(s, 2, p_));
    SPLIT("E vsplit", nd_vsplit(v, 2, p_));
    SPLIT("E dsplit", nd_dsplit(a, 2, p_));
    expect("E tile neg", nd_tile(a, ND_INTS(-1)));
    expect("E repeat neg", nd_repeat(a, -1));
    expect("E repeat len", nd_repeat(a, 0, .counts = ND_INTS(1, 2), .axis = ND_AXIS(1)));
    expect("E repeat negs", nd_repeat(a, 0, .counts = ND_INTS(1, -2), .axis = ND_AXIS(0)));
    expect("E repeat axis", nd_repeat(a, 2, .axis = ND_AXIS(2)));
    expect("E flip axis", nd_flip(a, .axis = ND_AXIS(2)));
    expect("E flip repeated", nd_flip(a, .axis = ND_AXIS(0, 0)));
    expect("E fliplr", nd_fliplr(v));
    expect("E flipud", nd_flipud(s));
    expect("E rot90 len", nd_rot90(a, 1, .axes = ND_AXIS(0)));
    expect("E rot90 same", nd_rot90(a, 1, .axes = ND_AXIS(0, -2)));
    expect("E rot90 range", nd_rot90(a, 1, .axes = ND_AXIS(0, 3)));
    expect("E roll mismatch", nd_roll(a, ND_INTS(1, 2), .axis = ND_AXIS(0, 1, 0)));
    expect("E roll axis", nd_roll(a, ND_INTS(1), .axis = ND_AXIS(3)));
    expect("E moveaxis len", nd_moveaxis(a, ND_AXIS(0, 1), ND_AXIS(0)));
    expect("E moveaxis rep", nd_moveaxis(a, ND_AXIS(0, 0), ND_AXIS(0, 1)));
    expect("E moveaxis rep dst", nd_moveaxis(a, ND_AXIS(0, 1), ND_AXIS(1, 1)));
    expect("E moveaxis range", nd_moveaxis(a, ND_AXIS(2), ND_AXIS(0)));
    expect("E moveaxis range dst", nd_moveaxis(a, ND_AXIS(0), ND_AXIS(-3)));
    expect("E rollaxis start", nd_rollaxis(a, 0, 4));
    expect("E rollaxis axis", nd_rollaxis(a, 2, 0));
    expect("E pad neg", nd_pad(a, ND_INTS(-1)));
    expect("E pad shape", nd_pad(a, ND_INTS(1, 2, 3)));
    expect("E pad empty axis", nd_pad(nd_zeros(ND_SHAPE(0, 3)), ND_INTS(1), .mode = ND_PAD_EDGE));
    expect("E pad stat 0", nd_pad(a, ND_INTS(1), .mode = ND_PAD_MAXIMUM, .stat_length = ND_INTS(0)));
    nd_array *one = nd_full(ND_SHAPE0, 1);
    expect("E insert oob", nd_insert(a, 10, one, .axis = ND_AXIS(0)));
    expect("E insert oob seq1", nd_insert(a, 0, one, .indices = ND_INTS(10), .axis = ND_AXIS(0)));
    expect("E insert oob seq", nd_insert(a, 0, one, .indices = ND_INTS(0, 10), .axis = ND_AXIS(0)));
    expect("E insert axis", nd_insert(a, 1, one, .axis = ND_AXIS(3)));
    expect("E delete oob", nd_delete(a, 10, .axis = ND_AXIS(0)));
    expect("E delete oob seq", nd_delete(a, 0, .indices = ND_INTS(0, 10), .axis = ND_AXIS(0)));
    expect("E delete axis", nd_delete(a, 1, .axis = ND_AXIS(3)));
    expect("E resize neg", nd_resize(a, ND_SHAPE(-1, 2)));
    expect("E packbits float", nd_packbits(nd_zeros(ND_SHAPE(3))));
    expect("E unpackbits int8", nd_unpackbits(nd_zeros(ND_SHAPE(3), .dtype = ND_INT8)));
    expect("E packbits axis", nd_packbits(a, .axis = ND_AXIS(3)));
    expect("E unpack count", nd_unpackbits(ND_ARRAY(unsigned char, ND_SHAPE(2, 2), 1, 2, 3, 4), .has_count = true, .count = -33));
    expect("trim 0d", nd_trim_zeros(s)); /* NumPy 2.2: the 0-d array itself */
    nd_scope_end();
}

/* Views where NumPy returns views; NULL arguments never crash. */
static void views_and_nulls(void) {
    nd_scope_begin();
    nd_array *a = mk(ND_SHAPE(4, 6), "f8");
    nd_array *f = nd_flip(a), *m = nd_moveaxis(a, ND_AXIS(0), ND_AXIS(1)), *r = nd_rot90(a, 1);
    CHECK(nd_shares_memory(f, a) && nd_shares_memory(m, a) && nd_shares_memory(r, a));
    nd_array *p[3];
    CHECK(nd_split(a, 3, p, .axis = ND_AXIS(1)) == 3);
    CHECK(nd_shares_memory(p[0], a));
    nd_itemset(p[2], ND_IDX(0, 0), 99.0);
    CHECK(nd_item_double(a, ND_IDX(0, 4)) == 99.0);
    for (int i = 0; i < 3; i++) nd_free(p[i]);
    nd_array *t = nd_tile(a, ND_INTS(1));
    CHECK(!nd_shares_memory(t, a));
    /* .out is used and returned */
    nd_array *out = nd_zeros(ND_SHAPE(8, 6));
    CHECK(nd_concatenate(A(a, a), 2, .out = out) == out);
    CHECK(nd_item_double(out, ND_IDX(4, 4)) == 99.0);
    CHECK_ERR(nd_concatenate(A(a, a), 2, .out = out, .dtype = ND_FLOAT32), ND_ERR_TYPE, "only takes `out` or `dtype`");
    CHECK_ERR(nd_concatenate(A(a, a, a), 3, .out = out), ND_ERR_VALUE, "Output array is the wrong shape");
    CHECK_ERR(nd_concatenate(NULL, 0), ND_ERR_VALUE, "need at least one array to concatenate");
    CHECK_ERR(nd_stack(A(a, NULL), 2), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_pad(NULL, ND_INTS(1)), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_flip(NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_tile(NULL, ND_INTS(1)), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_repeat(NULL, 1), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_roll(NULL, ND_INTS(1)), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_insert(a, 0, NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_delete(NULL, 0), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_split(NULL, 2, p), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_packbits(NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_apply_along_axis(NULL, 0, a, NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_pad(a, ND_INTS(1), .mode = (nd_pad_mode)42), ND_ERR_VALUE, "not supported");
    /* NumPy 2 wrap: whole periods (1.24 differs for a long left pad with a right pad) */
    nd_array *w = nd_pad(ND_ARRAY(long, ND_SHAPE(3), 1, 2, 3), ND_INTS(5, 1), .mode = ND_PAD_WRAP);
    long want[] = { 2, 3, 1, 2, 3, 1, 2, 3, 1 };
    CHECK(w && nd_size(w) == 9 && !memcmp(nd_data(w), want, sizeof want));
    /* NumPy 2 linspace floors integer ramps: -2 + (1 - (-2)) * j / 2 -> -2, -0.5 -> -1 */
    nd_array *rp = nd_pad(ND_ARRAY(long, ND_SHAPE(1), 1), ND_INTS(2, 0), .mode = ND_PAD_LINEAR_RAMP, ND_PAD_END_VALUES(-2, 0));
    CHECK(rp && ((long *)nd_data(rp))[0] == -2 && ((long *)nd_data(rp))[1] == -1);
    nd_scope_end();
}

/* apply_along_axis: f(x) = [sum(x), max(x)] as float64; apply_over_axes: sum keepdims. */
static nd_array *sum_max(const nd_array *x, void *ud) {
    (void)ud;
    double s = 0, m = -INFINITY;
    for (int64_t i = 0; i < nd_dim(x, 0); i++) {
        double v = nd_item_double(x, ND_IDX(i));
        s += v;
        if (v > m) m = v;
    }
    return ND_ARRAY(double, ND_SHAPE(2), s, m);
}

static nd_array *sum_axis(const nd_array *a, int axis, void *ud) {
    (void)ud;
    nd_array *parts[64];
    int64_t n = nd_dim(a, axis);
    if (n > 64) return NULL;
    int k = nd_split(a, n, parts, .axis = ND_AXIS(axis));
    nd_array *acc = nd_zeros_like(parts[0]);
    for (int i = 0; i < k; i++) {
        nd_array *t = nd_astype(parts[i], ND_FLOAT64);
        double *ap = nd_data(acc);
        nd_array *tc = nd_ascontiguousarray(t);
        for (int64_t j = 0; j < nd_size(acc); j++) ap[j] += ((double *)nd_data(tc))[j];
        nd_free(t); nd_free(tc); nd_free(parts[i]);
    }
    return acc; /* keeps the summed axis with length 1 */
}

static void callbacks(void) {
    nd_scope_begin();
    nd_array *y = mk(ND_SHAPE(2, 3, 4), "f8");
    nd_array *r = nd_apply_along_axis(sum_max, 1, y, NULL);
    CHECK(r && nd_ndim(r) == 3 && nd_dim(r, 0) == 2 && nd_dim(r, 1) == 2 && nd_dim(r, 2) == 4);
    /* y[1, :, 2] = mk values at flat 12 + 4 j + 2 */
    double s = 0, m = -1;
    for (int j = 0; j < 3; j++) { double v = (double)(((12 + 4 * j + 2) * 7 + 3) % 11); s += v; if (v > m) m = v; }
    CHECK(r && nd_item_double(r, ND_IDX(1, 0, 2)) == s && nd_item_double(r, ND_IDX(1, 1, 2)) == m);
    CHECK_ERR(nd_apply_along_axis(sum_max, 3, y, NULL), ND_ERR_AXIS, "axis 3 is out of bounds");
    CHECK_ERR(nd_apply_along_axis(sum_max, 0, nd_zeros(ND_SHAPE(3, 0)), NULL), ND_ERR_VALUE,
              "Cannot apply_along_axis when any iteration dimensions are 0");
    nd_array *o = nd_apply_over_axes(sum_axis, y, ND_AXIS(0, 2), NULL);
    CHECK(o && nd_ndim(o) == 3 && nd_dim(o, 0) == 1 && nd_dim(o, 1) == 3 && nd_dim(o, 2) == 1);
    double tot = 0;
    for (int i = 0; i < 2; i++) for (int k = 0; k < 4; k++) tot += (double)(((i * 12 + 4 + k) * 7 + 3) % 11);
    CHECK(o && nd_item_double(o, ND_IDX(0, 1, 0)) == tot);
    nd_scope_end();
}

/* The memory order of joined results follows the inputs, as NumPy's concatenate: the
 * expected strides are NumPy 1.24's (the same in 2.x). */
static bool strides_are(nd_array *r, int nd, const int64_t *want) {
    bool ok = r && nd_ndim(r) == nd && !memcmp(nd_strides(r), want, (size_t)nd * sizeof(int64_t));
    nd_free(r);
    return ok;
}

static void layouts(void) {
    nd_scope_begin();
    nd_array *c = nd_reshape(nd_arange(0, 6, 1, .dtype = ND_FLOAT64), ND_SHAPE(2, 3));
    nd_array *f = nd_asfortranarray(c);
    CHECK(strides_are(nd_concatenate(A(f, f), 2), 2, (int64_t[]){ 8, 32 }));
    CHECK(strides_are(nd_concatenate(A(f, f), 2, .axis = ND_AXIS(1)), 2, (int64_t[]){ 8, 16 }));
    CHECK(strides_are(nd_concatenate(A(f, c), 2), 2, (int64_t[]){ 24, 8 }));  /* mixed: C wins */
    CHECK(strides_are(nd_concatenate(A(c, f), 2), 2, (int64_t[]){ 24, 8 }));
    CHECK(strides_are(nd_concatenate(A(nd_get(f, ":, ::-1"), f), 2), 2, (int64_t[]){ 8, 32 }));
    CHECK(strides_are(nd_concatenate(A(f, f), 2, .axis_none = true), 1, (int64_t[]){ 8 }));
    CHECK(strides_are(nd_stack(A(f, f), 2), 3, (int64_t[]){ 48, 8, 16 }));
    CHECK(strides_are(nd_stack(A(f, f), 2, .axis = ND_AXIS(2)), 3, (int64_t[]){ 16, 32, 8 }));
    CHECK(strides_are(nd_vstack(A(f, f), 2), 2, (int64_t[]){ 8, 32 }));
    nd_array *x = nd_transpose(nd_reshape(nd_arange(0, 24, 1, .dtype = ND_FLOAT64), ND_SHAPE(2, 3, 4)), (int[]){ 1, 2, 0 });
    nd_array *xx = nd_concatenate(A(x, x), 2, .axis = ND_AXIS(1));
    CHECK(xx && nd_item_double(xx, ND_IDX(2, 5, 1)) == 12 + 4 * 2 + 1);
    CHECK(strides_are(xx, 3, (int64_t[]){ 64, 8, 192 }));
    nd_array *ff = nd_concatenate(A(f, f), 2);
    CHECK(ff && (nd_flags(ff) & ND_F_CONTIGUOUS) && (nd_flags(ff) & ND_OWNDATA) && nd_item_double(ff, ND_IDX(3, 1)) == 4);
    nd_free(ff);
    nd_scope_end();
}

int main(void) {
    G = fopen(ND_GOLDEN_DIR "/manip/manip.npys", "rb");
    if (!G) { fprintf(stderr, "missing golden file\n"); return 1; }
    per_dtype();
    promotion();
    joining();
    splitting();
    rearranging();
    padding();
    insdel();
    errors();
    fclose(G);
    views_and_nulls();
    callbacks();
    layouts();
    fprintf(stderr, "%d golden cases\n", ncases);
    return check_done();
}
