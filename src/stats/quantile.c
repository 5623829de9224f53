/* Order statistics: median, quantile, percentile and their nan* twins (NumPy 2).
 *
 * Every call copies the reduced axes of the input into contiguous lanes (L lanes of n
 * elements: the copy NumPy makes too), then per lane does one introselect for the
 * lowest order statistic it needs and cheaper steps for the others (a min scan when the
 * next index is the neighbour), never a full sort.  A lane holding a NaN is found by a
 * scan before selecting, so NaN results cost one pass.  The index and interpolation
 * formulas follow NumPy's arithmetic operation by operation, each rounded to the dtype
 * NumPy computes it in (q's dtype, the input's for a weak q), so float32/float16
 * results match bit for bit. */
#include "core/internal.h"
#include "sort/sort_priv.h"

/* ------------------------------------------------------------ typed lane helpers */

#define QT_RUN 8        /* sampled neighbours per run (one cache line of doubles) */
#define QT_BLOCK 4096   /* bracket pass: elements between checks of the middle's size */

#define ND_NO_NAN(x) ((void)(x), 0)
#define ND_FLT_NAN(x) ((x) != (x))
#define ND_NUM_LT(a, b) ((a) < (b))
#define ND_H16_NAN(x) (((x) & 0x7fff) > 0x7c00)
#define ND_CPLX_NAN(x) ((x).re != (x).re || (x).im != (x).im)
#define ND_CPLX_LT(a, b) ((a).re < (b).re || ((a).re == (b).re && (a).im < (b).im))
/* half order without NaNs: map the bits to a monotone unsigned key */
static inline uint16_t h16_key(uint16_t h) { return (h & 0x8000) ? (uint16_t)~h : (uint16_t)(h | 0x8000); }
#define ND_H16_LT(a, b) (h16_key(a) < h16_key(b))
typedef struct { float re, im; } qt_c64;
typedef struct { double re, im; } qt_c128;

#define SFX b
#define T uint8_t
#define ISNAN ND_NO_NAN
#define LT ND_NUM_LT
#include "stats/quantile_typed.inc"
#define SFX i8
#define T int8_t
#define ISNAN ND_NO_NAN
#define LT ND_NUM_LT
#include "stats/quantile_typed.inc"
#define SFX i16
#define T int16_t
#define ISNAN ND_NO_NAN
#define LT ND_NUM_LT
#include "stats/quantile_typed.inc"
#define SFX i32
#define T int32_t
#define ISNAN ND_NO_NAN
#define LT ND_NUM_LT
#include "stats/quantile_typed.inc"
#define SFX i64
#define T int64_t
#define ISNAN ND_NO_NAN
#define LT ND_NUM_LT
#include "stats/quantile_typed.inc"
#define SFX u16
#define T uint16_t
#define ISNAN ND_NO_NAN
#define LT ND_NUM_LT
#include "stats/quantile_typed.inc"
#define SFX u32
#define T uint32_t
#define ISNAN ND_NO_NAN
#define LT ND_NUM_LT
#include "stats/quantile_typed.inc"
#define SFX u64
#define T uint64_t
#define ISNAN ND_NO_NAN
#define LT ND_NUM_LT
#include "stats/quantile_typed.inc"
#define SFX f16
#define T uint16_t
#define ISNAN ND_H16_NAN
#define LT ND_H16_LT
#include "stats/quantile_typed.inc"
#define SFX f32
#define T float
#define ISNAN ND_FLT_NAN
#define LT ND_NUM_LT
#include "stats/quantile_typed.inc"
#define SFX f64
#define T double
#define ISNAN ND_FLT_NAN
#define LT ND_NUM_LT
#include "stats/quantile_typed.inc"
#define SFX c64
#define T qt_c64
#define ISNAN ND_CPLX_NAN
#define LT ND_CPLX_LT
#include "stats/quantile_typed.inc"
#define SFX c128
#define T qt_c128
#define ISNAN ND_CPLX_NAN
#define LT ND_CPLX_LT
#include "stats/quantile_typed.inc"

typedef struct lane_ops {
    bool (*has_nan)(const void *v, int64_t n);
    int64_t (*drop_nan)(void *v, int64_t n);
    void (*min_to)(void *v, int64_t lo, int64_t n);
    void (*sample)(const void *v, int64_t n, void *out, int64_t runs);
    int64_t (*bracket)(const void *v, int64_t n, const void *lo, const void *hi, void *mid, int64_t cap,
                       int64_t *nlo, int64_t *nnan);
} lane_ops;

#define LANE_OPS(s) { qt_has_nan_##s, qt_drop_nan_##s, qt_min_to_##s, qt_sample_##s, qt_bracket_##s }
static const lane_ops lane_table[] = {
    [ND_TYPE_BOOL] = LANE_OPS(b), [ND_TYPE_INT8] = LANE_OPS(i8), [ND_TYPE_INT16] = LANE_OPS(i16),
    [ND_TYPE_INT32] = LANE_OPS(i32), [ND_TYPE_INT64] = LANE_OPS(i64), [ND_TYPE_UINT8] = LANE_OPS(b),
    [ND_TYPE_UINT16] = LANE_OPS(u16), [ND_TYPE_UINT32] = LANE_OPS(u32), [ND_TYPE_UINT64] = LANE_OPS(u64),
    [ND_TYPE_FLOAT16] = LANE_OPS(f16), [ND_TYPE_FLOAT32] = LANE_OPS(f32), [ND_TYPE_FLOAT64] = LANE_OPS(f64),
    [ND_TYPE_COMPLEX64] = LANE_OPS(c64), [ND_TYPE_COMPLEX128] = LANE_OPS(c128),
};

/* ------------------------------------------------------------ rounding */

/* One arithmetic result rounded to the dtype NumPy computes in.  Computing in double
 * and rounding once is exact for +, -, *, / of float32 and float16 operands (double
 * has more than 2p + 2 bits). */
typedef double (*round_fn)(double);
static double r_f64(double x) { return x; }
static double r_f32(double x) { return (double)(float)x; }
static double r_f16(double x) { return nd__half_to_double(nd__double_to_half(x)); }
static round_fn rounder(const nd_dtype_t *d) {
    switch (d->type) {
    case ND_TYPE_FLOAT16: return r_f16;
    case ND_TYPE_FLOAT32: case ND_TYPE_COMPLEX64: return r_f32;
    default: return r_f64;
    }
}

/* ------------------------------------------------------------ methods */

enum { M_DISCRETE = 1, M_INTERP = 2 };
static const struct {
    const char *name;
    int kind;
    double alpha, beta; /* _compute_virtual_index's constants (used by H&F 4-9) */
} methods[ND_METHOD_COUNT_] = {
    [ND_METHOD_LINEAR] = { "linear", M_INTERP, 1, 1 },
    [ND_METHOD_INVERTED_CDF] = { "inverted_cdf", M_DISCRETE, 0, 0 },
    [ND_METHOD_AVERAGED_INVERTED_CDF] = { "averaged_inverted_cdf", M_INTERP, 0, 0 },
    [ND_METHOD_CLOSEST_OBSERVATION] = { "closest_observation", M_DISCRETE, 0, 0 },
    [ND_METHOD_INTERPOLATED_INVERTED_CDF] = { "interpolated_inverted_cdf", M_INTERP, 0, 1 },
    [ND_METHOD_HAZEN] = { "hazen", M_INTERP, 0.5, 0.5 },
    [ND_METHOD_WEIBULL] = { "weibull", M_INTERP, 0, 0 },
    [ND_METHOD_MEDIAN_UNBIASED] = { "median_unbiased", M_INTERP, 1 / 3.0, 1 / 3.0 },
    [ND_METHOD_NORMAL_UNBIASED] = { "normal_unbiased", M_INTERP, 3 / 8.0, 3 / 8.0 },
    [ND_METHOD_LOWER] = { "lower", M_DISCRETE, 0, 0 },
    [ND_METHOD_HIGHER] = { "higher", M_DISCRETE, 0, 0 },
    [ND_METHOD_NEAREST] = { "nearest", M_DISCRETE, 0, 0 },
    [ND_METHOD_MIDPOINT] = { "midpoint", M_INTERP, 0, 0 },
};
/* NumPy's dict order, for the error message */
static const nd_quantile_method dict_order[ND_METHOD_COUNT_] = {
    ND_METHOD_INVERTED_CDF, ND_METHOD_AVERAGED_INVERTED_CDF, ND_METHOD_CLOSEST_OBSERVATION,
    ND_METHOD_INTERPOLATED_INVERTED_CDF, ND_METHOD_HAZEN, ND_METHOD_WEIBULL, ND_METHOD_LINEAR,
    ND_METHOD_MEDIAN_UNBIASED, ND_METHOD_NORMAL_UNBIASED, ND_METHOD_LOWER, ND_METHOD_HIGHER,
    ND_METHOD_MIDPOINT, ND_METHOD_NEAREST };

const char *nd_quantile_method_name(nd_quantile_method m) {
    return (unsigned)m < ND_METHOD_COUNT_ ? methods[m].name : NULL;
}

int nd_quantile_method_parse(const char *name) {
    for (int m = 0; name && m < ND_METHOD_COUNT_; m++)
        if (!strcmp(name, methods[m].name)) return m;
    char keys[400] = "";
    size_t len = 0;
    for (int k = 0; k < ND_METHOD_COUNT_; k++)
        len += (size_t)snprintf(keys + len, sizeof keys - len, "%s'%s'", k ? ", " : "",
                                methods[dict_order[k]].name);
    nd__err(ND_ERR_VALUE, "'%s' is not a valid method. Use one of: dict_keys([%s])",
            name ? name : "None", keys);
    return -1;
}

/* Where one quantile sits in a sorted lane of n: a discrete index (lo), or two
 * neighbours and NumPy's gamma (in the q precision). */
typedef struct qpoint { int64_t lo, hi; double t; bool interp; } qpoint;

static double pymod2(double f) { double m = fmod(f, 2.0); return m < 0 ? m + 2.0 : m; }

/* q is already rounded to the q precision rp rounds to; n >= 1. */
static qpoint locate(nd_quantile_method m, int64_t n, double q, bool q_int, round_fn rp) {
    qpoint p = { 0, 0, 0.0, false };
    double N = rp((double)n), N1 = rp((double)(n - 1)), vi = 0;
    switch (m) {
    case ND_METHOD_INVERTED_CDF:
    case ND_METHOD_CLOSEST_OBSERVATION: {
        double idx = rp(rp(N * q) - 1.0);
        if (m == ND_METHOD_CLOSEST_OBSERVATION) idx = rp(idx - 0.5);
        double prev = floor(idx), gamma = rp(idx - prev);
        bool cond = gamma == 0 && (m == ND_METHOD_INVERTED_CDF || pymod2(prev) == 1.0);
        double r = cond ? prev : prev + 1;
        p.lo = r < 0 ? 0 : (int64_t)r;
        if (p.lo > n - 1) p.lo = n - 1;
        return p;
    }
    case ND_METHOD_LOWER: case ND_METHOD_HIGHER: case ND_METHOD_NEAREST: {
        double x = rp(N1 * q);
        x = m == ND_METHOD_LOWER ? floor(x) : m == ND_METHOD_HIGHER ? ceil(x) : nearbyint(x);
        p.lo = x < 0 ? 0 : x > (double)(n - 1) ? n - 1 : (int64_t)x;
        return p;
    }
    case ND_METHOD_LINEAR:
        if (q_int) { p.lo = q != 0 ? n - 1 : 0; return p; } /* integer q: no interpolation */
        vi = rp(N1 * q);
        break;
    case ND_METHOD_AVERAGED_INVERTED_CDF:
        vi = rp(rp(N * q) - 1.0);
        break;
    case ND_METHOD_MIDPOINT: {
        double x = rp(N1 * q);
        vi = rp(0.5 * rp(floor(x) + ceil(x)));
        break;
    }
    default: {
        double al = rp(methods[m].alpha), c = rp(1 - methods[m].alpha - methods[m].beta);
        vi = rp(rp(rp(N * q) + rp(al + rp(q * c))) - 1.0);
        break;
    }
    }
    p.interp = true;
    double prev = floor(vi); /* _get_indexes, with its -1 / 0 clamps */
    p.lo = (int64_t)prev;
    p.hi = p.lo + 1;
    if (vi >= (double)(n - 1)) { prev = -1; p.lo = p.hi = n - 1; }
    if (vi < 0) { prev = 0; p.lo = p.hi = 0; }
    double gamma = rp(vi - prev);
    if (m == ND_METHOD_AVERAGED_INVERTED_CDF) gamma = gamma == 0 ? 0.5 : 1.0;
    if (m == ND_METHOD_MIDPOINT) gamma = fmod(vi, 1.0) == 0 ? 0.0 : 0.5;
    p.t = rp(gamma);
    return p;
}

/* ------------------------------------------------------------ lanes */

/* The reduced layout of a call: L lanes of n elements, the result's reduced shape with
 * and without keepdims. */
typedef struct layout {
    int64_t L, n;
    int ondim, kdim;
    int64_t oshape[ND_MAXDIMS], kshape[ND_MAXDIMS];
    int perm[ND_MAXDIMS];
} layout;

/* NumPy's normalize_axis_tuple plus _ureduce's reshaping plan. */
static int plan(const nd_array *a, nd_axes axis, layout *ly) {
    int nd = a->ndim;
    bool red[ND_MAXDIMS] = { false };
    if (axis.n <= 0) {
        for (int k = 0; k < nd; k++) red[k] = true;
    } else {
        for (int k = 0; k < axis.n; k++) {
            int ax = nd__check_axis(axis.v[k], nd);
            if (ax < 0) return -1;
            if (red[ax]) { nd__err(ND_ERR_VALUE, "repeated axis"); return -1; }
            red[ax] = true;
        }
    }
    int np_ = 0;
    ly->L = 1; ly->n = 1; ly->ondim = 0; ly->kdim = nd;
    for (int k = 0; k < nd; k++) {
        ly->kshape[k] = red[k] ? 1 : a->shape[k];
        if (!red[k]) { ly->perm[np_++] = k; ly->oshape[ly->ondim++] = a->shape[k]; ly->L *= a->shape[k]; }
    }
    for (int k = 0; k < nd; k++)
        if (red[k]) { ly->perm[np_++] = k; ly->n *= a->shape[k]; }
    return 0;
}

/* A C-contiguous copy of a (as dtype dt) with the reduced axes last: lane l starts at
 * element l * n. */
static nd_array *lanes(const nd_array *a, const layout *ly, const nd_dtype_t *dt) {
    nd_array *t = nd_transpose(a, ly->perm);
    if (!t) return NULL;
    nd_array *w = nd__new(dt, t->ndim, t->shape, 'C', false);
    if (w && nd__assign(w, t) < 0) { nd_free(w); w = NULL; }
    nd_free(t);
    return w;
}

/* Order the lane so v[k] is in sorted position for every k of ks (ascending, unique). */
static void select_all(const nd__sort_kernels *sk, const lane_ops *lo, char *v, int64_t es, int64_t n,
                       const int64_t *ks, int nk) {
    int64_t start = 0;
    for (int j = 0; j < nk; j++) {
        int64_t k = ks[j];
        if (k < start) continue;
        if (k == start && j > 0) lo->min_to(v, k, n);   /* the neighbour of the last one */
        else sk->select(v + start * es, n - start, k - start);
        start = k + 1;
    }
}

static int cmp_i64(const void *x, const void *y) {
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
    return (a > b) - (a < b);
}
static int uniq_sorted(int64_t *ks, int nk) {
    qsort(ks, (size_t)nk, sizeof *ks, cmp_i64);
    int m = 0;
    for (int j = 0; j < nk; j++)
        if (m == 0 || ks[m - 1] != ks[j]) ks[m++] = ks[j];
    return m;
}

static void warn_all_nan(void) { nd__warn("RuntimeWarning: All-NaN slice encountered"); }

/* ------------------------------------------------------------ one long lane */

/* One long contiguous lane needs only a few order statistics, and copying all of it
 * (80 MB for 10^7 doubles) costs more than finding them.  So (after Floyd and Rivest)
 * two values bracketing the wanted ranks come from a sample, one read of the input
 * counts what sorts below the lower one and keeps the values in between (a few
 * percent) in a small buffer, and the selection runs there.  When the sample misleads
 * (a wanted rank falls outside the bracket) the caller takes the general path. */
#define FAST_MIN 65536

typedef struct fastlane {
    char *mid;          /* the values from the bracket: sorted ranks off .. off + m - 1 */
    size_t bytes;
    int64_t off, m, nnan;
} fastlane;

static void fast_free(fastlane *f) { nd__free(f->mid, f->bytes); f->mid = NULL; }

/* A single C-contiguous lane of a real type the bracket pass handles. */
static bool fast_ok(const nd_array *a, const layout *ly) {
    char k = a->dtype->kind;
    return ly->L == 1 && ly->n >= FAST_MIN && (a->flags & ND_C_CONTIGUOUS) &&
           (k == 'b' || k == 'i' || k == 'u' || (k == 'f' && a->dtype->type != ND_TYPE_FLOAT16));
}

/* Bracket the ranks at fractions flo..fhi of the non-NaN values among the n at v.
 * true with *f filled; false (nothing held) when the general path must run. */
static bool fast_bracket(const lane_ops *lo, const nd__sort_kernels *sk, const char *v, int64_t n, int64_t es,
                         double flo, double fhi, fastlane *f) {
    int64_t runs = n >= (int64_t)1 << 20 ? 8192 : n / 128;
    int64_t s = runs * QT_RUN;
    size_t sbytes = (size_t)(s * es);
    char *smp = nd__malloc(sbytes);
    if (!smp) return false;
    lo->sample(v, n, smp, runs);
    int64_t ns = lo->drop_nan(smp, s);
    /* about 3 standard deviations of the sample's rank either side */
    int64_t d = (int64_t)(3.0 * sqrt((double)ns)) + QT_RUN;
    int64_t r1 = (int64_t)floor(flo * (double)ns) - d, r2 = (int64_t)ceil(fhi * (double)ns) + d;
    bool ok = 2 * ns >= s && r1 >= 0 && r2 < ns;
    char plo[16], phi[16];
    if (ok) {
        int64_t ks[2] = { r1, r2 };
        select_all(sk, lo, smp, es, ns, ks, 2);
        memcpy(plo, smp + r1 * es, (size_t)es);
        memcpy(phi, smp + r2 * es, (size_t)es);
    }
    nd__free(smp, sbytes);
    if (!ok) return false;
    int64_t cap = n / 8;
    f->bytes = (size_t)((cap + QT_BLOCK) * es);
    f->mid = nd__malloc(f->bytes);
    if (!f->mid) return false;
    f->m = lo->bracket(v, n, plo, phi, f->mid, cap, &f->off, &f->nnan);
    if (f->m < 0) { fast_free(f); return false; }
    return true;
}

/* How NumPy's Python code writes into out=, which decides what shapes it accepts and
 * which error it raises: median through np.mean's add.reduce (OUT_REDUCE), the
 * interpolating quantiles through np.add(..., out=) (OUT_UFUNC), the discrete ones
 * through take(out=) (OUT_TAKE), the nan* versions by out[...] = result (OUT_ASSIGN). */
typedef enum { OUT_REDUCE, OUT_UFUNC, OUT_TAKE, OUT_ASSIGN } out_mode;

/* add.reduce(part, axis, out=out) of the iterator: part is the result with the reduced
 * axis (m middle values) where the axis was; out must fit it exactly. */
static int reduce_out_check(const nd_array *out, const nd_array *res, const nd_array *a, const layout *ly, int64_t m) {
    if (out->ndim != res->ndim)
        return nd__err(ND_ERR_VALUE, "output parameter for reduction operation add has the wrong number of "
                                     "dimensions: Found %d but expected %d", out->ndim, res->ndim), -1;
    /* the iterator's shapes: part's, and out's with a newaxis for the reduced one */
    int64_t part[ND_MAXDIMS + 1];
    int rax = -1, np_ = 0;
    if (a->ndim - ly->ondim == 1) rax = ly->perm[ly->ondim]; /* one axis stays in place; several go last */
    for (int k = 0, j = 0; k <= res->ndim; k++) {
        if (k == (rax < 0 ? res->ndim : rax)) part[np_++] = m;
        if (k < res->ndim) part[np_++] = res->shape[j++];
    }
    int pos = rax < 0 ? res->ndim : rax; /* out's newaxis */
    int bad = -1, red = -1, bc = -1;
    for (int k = 0, j = 0; k < np_; k++) {
        if (k == pos) continue;
        int64_t o = out->shape[j], p = part[k];
        if (o != p && o != 1 && p != 1 && bad < 0) bad = k;
        else if (o != p && o == 1 && red < 0) red = j;
        else if (o != p && p == 1 && bc < 0) bc = k;
        j++;
    }
    char b1[512], b2[512], b3[512];
    if (bad >= 0) {
        /* remapped out: its dims with "newaxis" at the reduced place, leading ones dropped */
        size_t len = 0;
        b2[len++] = '(';
        bool first = true;
        for (int k = 0, j = 0; k < np_ && len < sizeof b2 - 32; k++) {
            if (k == pos && first) continue;
            len += (size_t)snprintf(b2 + len, sizeof b2 - len, "%s", first ? "" : ",");
            if (k == pos) len += (size_t)snprintf(b2 + len, sizeof b2 - len, "newaxis");
            else len += (size_t)snprintf(b2 + len, sizeof b2 - len, "%lld", (long long)out->shape[j++]);
            first = false;
        }
        snprintf(b2 + len, sizeof b2 - len, ")");
        return nd__err(ND_ERR_VALUE, "operands could not be broadcast together with remapped shapes "
                                     "[original->remapped]: %s->%s %s ",
                       nd__shape_str(b1, sizeof b1, out->ndim, out->shape), b2,
                       nd__shape_str(b3, sizeof b3, np_, part)), -1;
    }
    if (red >= 0)
        return nd__err(ND_ERR_VALUE, "output operand requires a reduction along dimension %d, but the reduction "
                                     "is not enabled. The dimension size of 1 does not match the expected output "
                                     "shape.", red), -1;
    if (bc >= 0) {
        int64_t b[ND_MAXDIMS + 1];
        for (int k = 0, j = 0; k < np_; k++) b[k] = k == pos ? part[k] : out->shape[j++];
        return nd__err(ND_ERR_VALUE, "non-broadcastable operand with shape %s doesn't match the broadcast shape %s",
                       nd__shape_str(b1, sizeof b1, np_, part), nd__shape_str(b3, sizeof b3, np_, b)), -1;
    }
    return 0;
}

/* np.add(prev, diff * t, out=out): the result broadcast against out must give out's shape,
 * and its dtype must cast same_kind. */
static int ufunc_out_check(const nd_array *out, const nd_array *res) {
    int nd = out->ndim > res->ndim ? out->ndim : res->ndim;
    int64_t b[ND_MAXDIMS + 2];
    bool ok = true;
    for (int k = 0; k < nd; k++) {
        int ko = k - (nd - out->ndim), kr = k - (nd - res->ndim);
        int64_t x = ko >= 0 ? out->shape[ko] : 1, y = kr >= 0 ? res->shape[kr] : 1;
        ok = ok && (x == y || x == 1 || y == 1);
        b[k] = x == 1 ? y : x;
    }
    char b1[512], b2[512];
    if (!ok) {
        nd__shape_str(b1, sizeof b1, res->ndim, res->shape);
        return nd__err(ND_ERR_VALUE, "operands could not be broadcast together with shapes %s %s %s ", b1, b1,
                       nd__shape_str(b2, sizeof b2, out->ndim, out->shape)), -1;
    }
    bool same = nd == out->ndim;
    for (int k = 0; same && k < nd; k++) same = b[k] == out->shape[k];
    if (!same)
        return nd__err(ND_ERR_VALUE, "non-broadcastable output operand with shape %s doesn't match the broadcast "
                                     "shape %s", nd__shape_str(b1, sizeof b1, out->ndim, out->shape),
                       nd__shape_str(b2, sizeof b2, nd, b)), -1;
    if (!nd_can_cast(res->dtype, out->dtype, ND_CASTING_SAME_KIND))
        return nd__err(ND_ERR_TYPE, "Cannot cast ufunc 'add' output from dtype('%s') to dtype('%s') with casting "
                                    "rule 'same_kind'", nd_dtype_name(res->dtype), nd_dtype_name(out->dtype)), -1;
    return 0;
}

/* Write the (q..., reduced...) result into out as NumPy's code path for this call
 * would, or reshape it for keepdims and hand it over.  Consumes res.  m is the number of
 * middle values median averaged (its error text shows them). */
static nd_array *finish(nd_array *res, int qndim, const int64_t *qshape, const nd_array *a, const layout *ly,
                        bool keepdims, nd_array *out, out_mode mode, int64_t m) {
    if (!out && keepdims) {
        int64_t shp[ND_MAXDIMS];
        int nd = 0;
        for (int k = 0; k < qndim; k++) shp[nd++] = qshape[k];
        for (int k = 0; k < ly->kdim; k++) shp[nd++] = ly->kshape[k];
        nd_array *r = nd_reshape(res, ((nd_shape_t){ nd, shp }));
        nd_free(res);
        return r;
    }
    if (!out) return res;
    /* _ureduce with keepdims writes into out[..., 0 on each reduced axis] */
    nd_array *dst = out;
    if (keepdims) {
        if (out->ndim < a->ndim) {
            nd_free(res);
            return nd__err(ND_ERR_INDEX, "too many indices for array: array is %d-dimensional, but %d were indexed",
                           out->ndim, a->ndim);
        }
        nd_index ix[ND_MAXDIMS + 1];
        ix[0] = ND_ELLIPSIS;
        for (int k = 0; k < a->ndim; k++) {
            bool red = true;
            for (int j = 0; j < ly->ondim; j++) red = red && ly->perm[j] != k;
            ix[k + 1] = red ? ND_I(0) : ND_ALL;
        }
        dst = nd_index_get(out, a->ndim + 1, ix);
        if (!dst) { nd_free(res); return NULL; }
    }
    int r = 0;
    switch (mode) {
    case OUT_REDUCE: r = reduce_out_check(dst, res, a, ly, m); break;
    case OUT_UFUNC: r = ufunc_out_check(dst, res); break;
    case OUT_TAKE: {
        bool same = dst->ndim == res->ndim;
        for (int k = 0; same && k < res->ndim; k++) same = dst->shape[k] == res->shape[k];
        if (!same) r = (nd__err(ND_ERR_VALUE, "output array does not match result of ndarray.take"), -1);
        break;
    }
    case OUT_ASSIGN: break; /* copyto's broadcast and its message */
    }
    if (r == 0) r = nd_copyto(dst, res, ND_CASTING_UNSAFE);
    nd_free(res);
    if (dst != out) nd_free(dst);
    return r < 0 ? NULL : out;
}

/* ------------------------------------------------------------ median */

/* np.mean of the one or two middle values: the sum and the division in mean's dtype
 * (float32 for float16, float64 for bool and integers). */
static void store_mean(const nd_dtype_t *R, char *dst, const nd_dtype_t *A, const char *x, const char *y) {
    nd_value a = nd__value_load(A, x), b = y ? nd__value_load(A, y) : a;
    if (A->kind == 'c') {
        round_fn r = rounder(A);
        nd_value v = a;
        v.v.c.re = 0.0 + a.v.c.re;
        v.v.c.im = 0.0 + a.v.c.im;
        if (y) {
            v.v.c.re = r(r(a.v.c.re + (0.0 + b.v.c.re)) / 2.0);
            v.v.c.im = r(r(a.v.c.im + (0.0 + b.v.c.im)) / 2.0);
        }
        nd__value_store(R, dst, v);
        return;
    }
    double da = A->kind == 'f' ? a.v.f : A->kind == 'u' ? (double)a.v.u : A->kind == 'b' ? (double)a.v.b : (double)a.v.i;
    double db = A->kind == 'f' ? b.v.f : A->kind == 'u' ? (double)b.v.u : A->kind == 'b' ? (double)b.v.b : (double)b.v.i;
    round_fn r = (A->type == ND_TYPE_FLOAT16 || A->type == ND_TYPE_FLOAT32) ? r_f32 : r_f64;
    /* np.mean's add.reduce starts from 0.0: -0.0 middles give +0.0 */
    double m = y ? r(r(da + (0.0 + db)) / 2.0) : 0.0 + da;
    nd__value_store(R, dst, nd_value_double(m));
}

static void store_nan(const nd_dtype_t *R, char *dst) {
    if (R->kind == 'c') nd__value_store(R, dst, nd_value_complex(NAN, 0.0)); /* NumPy stores np.nan */
    else nd__value_store(R, dst, nd_value_double(NAN));
}

static nd_array *median_impl(const nd_array *a, const nd_median_opts *o, bool skip_nan) {
    static const nd_median_opts none = { 0 };
    if (!o) o = &none;
    if (!a) return nd__err(ND_ERR_VALUE, "median: the array must not be NULL");
    const nd_dtype_t *A = a->dtype;
    if (!nd__is_numeric(A)) return nd__err(ND_ERR_TYPE, "cannot perform reduce with flexible type");
    layout ly;
    if (plan(a, o->axis, &ly) < 0) return NULL;
    bool inexact = A->kind == 'f' || A->kind == 'c';
    nd_reduce_opts mo = { .axis = o->axis.n > 0 ? o->axis : ND_AXIS_ALL, .keepdims = o->keepdims, .out = o->out };
    int64_t size = ly.L * ly.n;
    /* empty slices: np.mean's (np.nanmean's) NaN, dtype and warnings */
    if (ly.n == 0 || (skip_nan && size == 0))
        return skip_nan ? nd_nanmean_ex(a, &mo) : nd_mean_ex(a, &mo);
    /* the result dtype is np.mean's */
    const nd_dtype_t *R = A->kind == 'f' || A->kind == 'c' ? A : ND_FLOAT64;
    const nd__sort_kernels *sk = nd__sort_kernels_for(A);
    if (!sk) return NULL;
    const lane_ops *lo = &lane_table[A->type];
    int64_t es = A->itemsize, rs = R->itemsize;
    fastlane f;
    if (fast_ok(a, &ly) && fast_bracket(lo, sk, a->data, ly.n, es, 0.5, 0.5, &f)) {
        int64_t n = skip_nan ? ly.n - f.nnan : ly.n;
        int64_t ks[2] = { (n - 1) / 2, n / 2 };
        bool nan = f.nnan && !skip_nan;
        if (nan || (n > 0 && ks[0] >= f.off && ks[1] < f.off + f.m)) {
            nd_array *res = nd__new(R, ly.ondim, ly.oshape, 'C', false);
            if (res && nan) store_nan(R, res->data);
            else if (res) {
                ks[0] -= f.off;
                ks[1] -= f.off;
                select_all(sk, lo, f.mid, es, f.m, ks, n % 2 ? 1 : 2);
                store_mean(R, res->data, A, f.mid + ks[0] * es, n % 2 ? NULL : f.mid + ks[1] * es);
            }
            fast_free(&f);
            return res ? finish(res, 0, NULL, a, &ly, o->keepdims, o->out, skip_nan ? OUT_ASSIGN : OUT_REDUCE, 2 - n % 2) : NULL;
        }
        fast_free(&f);
    }
    nd_array *w = lanes(a, &ly, A);
    nd_array *res = w ? nd__new(R, ly.ondim, ly.oshape, 'C', false) : NULL;
    if (!res) { nd_free(w); return NULL; }
    int warned = 0;
    for (int64_t l = 0; l < ly.L; l++) {
        char *v = w->data + l * ly.n * es, *dst = res->data + l * rs;
        int64_t n = ly.n;
        if (inexact && lo->has_nan(v, n)) {
            if (!skip_nan) { store_nan(R, dst); continue; }
            n = lo->drop_nan(v, n);
            if (n == 0) { store_nan(R, dst); warned++; continue; }
        }
        int64_t ks[2] = { (n - 1) / 2, n / 2 };
        select_all(sk, lo, v, es, n, ks, n % 2 ? 1 : 2);
        store_mean(R, dst, A, v + ks[0] * es, n % 2 ? NULL : v + ks[1] * es);
    }
    nd_free(w);
    for (int k = 0; k < warned; k++) warn_all_nan();
    return finish(res, 0, NULL, a, &ly, o->keepdims, o->out, skip_nan ? OUT_ASSIGN : OUT_REDUCE, 2 - ly.n % 2);
}

nd_array *nd_median_ex(const nd_array *a, const nd_median_opts *o) { return median_impl(a, o, false); }
nd_array *nd_nanmedian_ex(const nd_array *a, const nd_median_opts *o) { return median_impl(a, o, true); }

/* ------------------------------------------------------------ quantile */

/* NumPy's _lerp for one point: diff = b - a in a's dtype A (integers wrap), then
 * a + diff * t, or b - diff * (1 - t) where t >= 0.5, in the result dtype C.  omt is
 * 1 - t computed in t's precision. */
static double lerp(const nd_dtype_t *A, round_fn rc, nd_value a, nd_value b, double t, double omt) {
    double da, db, diff;
    if (A->kind == 'f') {
        da = a.v.f; db = b.v.f;
        diff = rounder(A)(db - da);
    } else {
        int bits = (int)A->itemsize * 8;
        uint64_t d = (A->kind == 'u' ? b.v.u - a.v.u : (uint64_t)b.v.i - (uint64_t)a.v.i);
        if (bits < 64) d &= (UINT64_C(1) << bits) - 1;
        if (A->kind == 'i' && bits < 64 && (d >> (bits - 1)) & 1) d |= ~((UINT64_C(1) << bits) - 1);
        da = A->kind == 'u' ? (double)a.v.u : (double)a.v.i;
        db = A->kind == 'u' ? (double)b.v.u : (double)b.v.i;
        diff = A->kind == 'u' ? (double)d : (double)(int64_t)d;
    }
    double dc = rc(diff), ac = rc(da), bc = rc(db);
    if (t >= 0.5) return rc(bc - rc(dc * rc(omt)));
    return rc(ac + rc(dc * rc(t)));
}

typedef struct qreq {
    nd_quantile_method method;
    int64_t nq;
    const double *q;        /* nq values in [0, 1], rounded to the q precision */
    bool q_int, weak;
    round_fn rp, rt;        /* q precision; t's precision (double for a weak q) */
    const nd_dtype_t *R;    /* result dtype */
} qreq;

/* Fill res[iq * L + l] for one lane of n values (n > 0, no NaN) of which v holds the m
 * whose sorted ranks are off .. off + m - 1 (all of them: off 0, m n).  pts: nq points
 * for this n.  Returns 1 (nothing written) when a wanted rank is not in v. */
static int quantile_lane(const qreq *rq, const nd_dtype_t *A, const nd__sort_kernels *sk, const lane_ops *lo,
                         char *v, int64_t n, int64_t off, int64_t m, qpoint *pts, int64_t *ks, char *res,
                         int64_t L, int64_t l) {
    int64_t es = A->itemsize, rs = rq->R->itemsize;
    int nk = 0;
    for (int64_t j = 0; j < rq->nq; j++) {
        pts[j] = locate(rq->method, n, rq->q[j], rq->q_int, rq->rp);
        ks[nk++] = pts[j].lo;
        if (pts[j].interp && pts[j].hi != pts[j].lo) ks[nk++] = pts[j].hi;
    }
    nk = uniq_sorted(ks, nk);
    if (ks[0] < off || ks[nk - 1] >= off + m) return 1;
    for (int j = 0; j < nk; j++) ks[j] -= off;
    select_all(sk, lo, v, es, m, ks, nk);
    round_fn rc = rounder(rq->R);
    for (int64_t j = 0; j < rq->nq; j++) {
        char *dst = res + (j * L + l) * rs;
        const char *px = v + (pts[j].lo - off) * es;
        if (!pts[j].interp) { memcpy(dst, px, (size_t)es); continue; }
        nd_value x = nd__value_load(A, px), y = nd__value_load(A, v + (pts[j].hi - off) * es);
        double t = pts[j].t, omt = rq->rt(1.0 - t);
        nd__value_store(rq->R, dst, nd_value_double(lerp(A, rc, x, y, t, omt)));
    }
    return 0;
}

/* The weighted inverted_cdf of one lane: sort by value, cumulative weights in float64
 * normalised to 1 (cast to q's float dtype), first index whose cdf reaches q. */
static int weighted_lane(const qreq *rq, const nd_dtype_t *A, char *v, double *wt, int64_t n,
                         char *res, int64_t L, int64_t l, int64_t *idx, double *cdf) {
    int64_t es = A->itemsize, rs = rq->R->itemsize;
    for (int64_t i = 0; i < n; i++) idx[i] = i;
    if (nd__argsort_1d(A, v, idx, n, ND_QUICKSORT) < 0) return -1;
    double acc = 0;
    for (int64_t i = 0; i < n; i++) { acc += wt[idx[i]]; cdf[i] = acc; }
    double total = cdf[n - 1];
    for (int64_t i = 0; i < n; i++) cdf[i] = rq->rp(cdf[i] / total);
    if (isnan(cdf[n - 1])) { nd__err(ND_ERR_VALUE, "Weights included NaN, inf or were all zero."); return -1; }
    if (cdf[0] == 0)
        for (int64_t i = 0; i < n; i++) if (cdf[i] == 0) cdf[i] = -1;
    for (int64_t j = 0; j < rq->nq; j++) {
        double q = rq->q[j];
        int64_t lo_ = 0, hi_ = n; /* searchsorted left */
        while (lo_ < hi_) { int64_t mid = lo_ + (hi_ - lo_) / 2; if (cdf[mid] < q) lo_ = mid + 1; else hi_ = mid; }
        if (lo_ > n - 1) lo_ = n - 1;
        memcpy(res + (j * L + l) * rs, v + idx[lo_] * es, (size_t)es);
    }
    return 0;
}

/* NumPy's _weights_are_valid: a's shape, or the shape of a along the given axes; the
 * result is broadcast to a's shape (float64).  NULL + error. */
static nd_array *weights_for(const nd_array *a, const nd_array *wg, nd_axes axis) {
    bool same = wg->ndim == a->ndim;
    for (int k = 0; same && k < a->ndim; k++) same = wg->shape[k] == a->shape[k];
    if (same) return nd_astype(wg, ND_FLOAT64);
    if (axis.n <= 0)
        return nd__err(ND_ERR_TYPE, "Axis must be specified when shapes of a and weights differ.");
    int ax[ND_MAXDIMS];
    bool ok = wg->ndim == axis.n;
    for (int k = 0; k < axis.n; k++) {
        ax[k] = nd__check_axis(axis.v[k], a->ndim);
        if (ax[k] < 0) return NULL;
        if (ok) ok = wg->shape[k] == a->shape[ax[k]];
    }
    if (!ok) return nd__err(ND_ERR_VALUE, "Shape of weights must be consistent with shape of a along specified axis.");
    /* weights' axis k goes to a's axis ax[k]: order them by ax, then insert unit axes */
    int order[ND_MAXDIMS];
    for (int k = 0; k < axis.n; k++) order[k] = k;
    for (int i = 1; i < axis.n; i++)
        for (int j = i; j > 0 && ax[order[j - 1]] > ax[order[j]]; j--) { int t = order[j]; order[j] = order[j - 1]; order[j - 1] = t; }
    int64_t shp[ND_MAXDIMS], str[ND_MAXDIMS];
    for (int k = 0; k < a->ndim; k++) { shp[k] = a->shape[k]; str[k] = 0; }
    for (int k = 0; k < axis.n; k++) str[ax[order[k]]] = wg->strides[order[k]];
    nd_array *v = nd__view(wg, wg->dtype, a->ndim, shp, str, wg->data);
    if (!v) return NULL;
    nd_array *r = nd_astype(v, ND_FLOAT64);
    nd_free(v);
    return r;
}

static nd_array *quantile_impl(const nd_array *a, nd_operand qop, const nd_quantile_opts *o, bool percent,
                               bool skip_nan) {
    static const nd_quantile_opts none = { 0 };
    if (!o) o = &none;
    if (!a) return nd__err(ND_ERR_VALUE, "quantile: the array must not be NULL");
    const nd_dtype_t *A = a->dtype;
    if (A->kind == 'c') return nd__err(ND_ERR_TYPE, "a must be an array of real numbers");
    if (!nd__is_numeric(A)) return nd__err(ND_ERR_TYPE, "cannot perform reduce with flexible type");
    if ((unsigned)o->method >= ND_METHOD_COUNT_) return nd__err(ND_ERR_VALUE, "invalid quantile method %d", (int)o->method);

    /* q as a float array in its precision (percent: q / 100 as np.true_divide) */
    qreq rq = { .method = o->method };
    nd_array *qa = NULL;
    if (qop.array) {
        qa = nd_ref((nd_array *)qop.array);
        rq.weak = false;
    } else {
        if (!qop.value.dtype) return nd__err(ND_ERR_TYPE, "q must be a number or an array");
        rq.weak = qop.value.weak;
        qa = nd_full(ND_SHAPE0, qop.value, .dtype = qop.value.weak ? nd__value_dtype(qop.value) : qop.value.dtype);
        if (!qa) return NULL;
    }
    const nd_dtype_t *Q = qa->dtype;
    if (Q->kind == 'c' || !nd__is_numeric(Q)) { nd_free(qa); return nd__err(ND_ERR_TYPE, "q must be real numbers"); }
    if (qa->ndim > 2) { nd_free(qa); return nd__err(ND_ERR_VALUE, "q must be a scalar or 1d"); }
    rq.q_int = !percent && (Q->kind == 'i' || Q->kind == 'u' || Q->kind == 'b');
    const nd_dtype_t *P = Q->kind == 'f' ? Q : ND_FLOAT64;
    rq.rp = rounder(P);
    rq.rt = rq.weak ? r_f64 : rq.rp;
    rq.nq = nd_size(qa);
    int qndim = qa->ndim;
    int64_t qshape[2] = { qndim > 0 ? qa->shape[0] : 1, qndim > 1 ? qa->shape[1] : 1 };
    size_t qbytes = (size_t)(rq.nq ? rq.nq : 1) * sizeof(double);
    double *qv = nd__malloc(qbytes);
    nd_array *qd = qv ? nd_astype(qa, ND_FLOAT64, .order = 'C') : NULL;
    nd_free(qa);
    if (!qd) { nd__free(qv, qbytes); return qv ? NULL : nd__nomem(); }
    bool valid = true;
    for (int64_t j = 0; j < rq.nq; j++) {
        double x = ((const double *)qd->data)[j];
        if (percent) x = rq.rp(x / 100.0);
        qv[j] = x;
        if (!(x >= 0 && x <= 1)) valid = false;
    }
    nd_free(qd);
    rq.q = qv;
    nd_array *res = NULL, *w = NULL, *wt = NULL;
    int64_t *ks = NULL, *idx = NULL;
    qpoint *pts = NULL;
    double *cdf = NULL;
    size_t ksb = 0, ptsb = 0, idxb = 0, cdfb = 0;
    bool discrete = false;
    if (!valid) {
        nd__err(ND_ERR_VALUE, percent ? "Percentiles must be in the range [0, 100]" : "Quantiles must be in the range [0, 1]");
        goto done;
    }
    if (o->weights) {
        if (o->method != ND_METHOD_INVERTED_CDF) {
            nd__err(ND_ERR_VALUE, "Only method 'inverted_cdf' supports weights. Got: %s.", methods[o->method].name);
            goto done;
        }
        wt = weights_for(a, o->weights, o->axis);
        if (!wt) goto done;
        nd_array *neg = nd_less(wt, 0.0), *anyneg = neg ? nd_any(neg) : NULL;
        bool bad = anyneg && *(const bool *)anyneg->data;
        nd_free(neg);
        nd_free(anyneg);
        if (!anyneg) goto done;
        if (bad) { nd__err(ND_ERR_VALUE, "Weights must be non-negative."); goto done; }
    }
    layout ly;
    if (plan(a, o->axis, &ly) < 0) goto done;
    if (skip_nan && ly.L * ly.n == 0) { /* NumPy: np.nanmean of the empty input */
        nd_free(wt);
        nd__free(qv, qbytes);
        nd_reduce_opts mo = { .axis = o->axis.n > 0 ? o->axis : ND_AXIS_ALL, .keepdims = o->keepdims, .out = o->out };
        return nd_nanmean_ex(a, &mo);
    }
    discrete = o->weights || (methods[o->method].kind == M_DISCRETE) ||
                    (o->method == ND_METHOD_LINEAR && rq.q_int);
    if (ly.n == 0) {
        nd__err(ND_ERR_INDEX, discrete && A->kind != 'f' ? "cannot do a non-empty take from an empty axes."
                                                        : "index -1 is out of bounds for axis 0 with size 0");
        goto done;
    }
    if (!discrete && A->kind == 'b') {
        nd__err(ND_ERR_TYPE, "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, "
                             "the `^` operator, or the logical_xor function instead.");
        goto done;
    }
    if (discrete) rq.R = A;
    else if (rq.weak) rq.R = A->kind == 'f' ? A : ND_FLOAT64;
    else {
        rq.R = nd_promote_types(A, P);
        if (!rq.R) goto done;
        nd_dtype_free(rq.R); /* built-in */
    }
    const nd__sort_kernels *sk = nd__sort_kernels_for(A);
    if (!sk) goto done;
    const lane_ops *lo = &lane_table[A->type];
    int64_t shp[ND_MAXDIMS + 2];
    int nd = 0;
    for (int k = 0; k < qndim; k++) shp[nd++] = qshape[k];
    for (int k = 0; k < ly.ondim; k++) shp[nd++] = ly.oshape[k];
    res = nd__new(rq.R, nd, shp, 'C', false);
    ksb = (size_t)(2 * rq.nq + 1) * sizeof(int64_t);
    ptsb = (size_t)(rq.nq + 1) * sizeof(qpoint);
    ks = nd__malloc(ksb);
    pts = nd__malloc(ptsb);
    if (wt) {
        idxb = (size_t)ly.n * sizeof(int64_t);
        cdfb = (size_t)ly.n * sizeof(double);
        idx = nd__malloc(idxb);
        cdf = nd__malloc(cdfb);
    }
    if (!res || !ks || !pts || (wt && (!idx || !cdf))) {
        if (res) nd__nomem();
        nd_free(res);
        res = NULL;
        goto done;
    }
    int64_t es = A->itemsize, rs = rq.R->itemsize;
    if (!wt && fast_ok(a, &ly)) { /* one long lane, quantiles close together */
        double qmin = 1, qmax = 0;
        for (int64_t j = 0; j < rq.nq; j++) {
            qmin = rq.q[j] < qmin ? rq.q[j] : qmin;
            qmax = rq.q[j] > qmax ? rq.q[j] : qmax;
        }
        fastlane f;
        if (qmax - qmin <= 0.05 && fast_bracket(lo, sk, a->data, ly.n, es, qmin, qmax, &f)) {
            int64_t n = skip_nan ? ly.n - f.nnan : ly.n;
            int r = 1;
            if (f.nnan && !skip_nan) {
                for (int64_t j = 0; j < rq.nq; j++) store_nan(rq.R, res->data + j * rs);
                r = 0;
            } else if (n > 0) {
                r = quantile_lane(&rq, A, sk, lo, f.mid, n, f.off, f.m, pts, ks, res->data, 1, 0);
            }
            fast_free(&f);
            if (r == 0) goto done;
        }
    }
    w = lanes(a, &ly, A);
    if (!w) { nd_free(res); res = NULL; goto done; }
    if (wt) {
        nd_array *wl = lanes(wt, &ly, ND_FLOAT64);
        nd_free(wt);
        wt = wl;
        if (!wt) { nd_free(res); res = NULL; goto done; }
    }
    int warned = 0;
    for (int64_t l = 0; l < ly.L; l++) {
        char *v = w->data + l * ly.n * es;
        double *wv = wt ? (double *)wt->data + l * ly.n : NULL;
        int64_t n = ly.n;
        if (A->kind == 'f' && lo->has_nan(v, n)) {
            if (!skip_nan) {
                for (int64_t j = 0; j < rq.nq; j++) store_nan(rq.R, res->data + (j * ly.L + l) * rs);
                continue;
            }
            if (!wv) {
                n = lo->drop_nan(v, n);
            } else { /* drop NaNs and their weights */
                int64_t k = 0;
                for (int64_t i = 0; i < n; i++) {
                    if (lo->has_nan(v + i * es, 1)) continue;
                    if (k != i) { memcpy(v + k * es, v + i * es, (size_t)es); wv[k] = wv[i]; }
                    k++;
                }
                n = k;
            }
            if (n == 0) {
                for (int64_t j = 0; j < rq.nq; j++) store_nan(rq.R, res->data + (j * ly.L + l) * rs);
                warned++;
                continue;
            }
        }
        int r = wv ? weighted_lane(&rq, A, v, wv, n, res->data, ly.L, l, idx, cdf)
                   : quantile_lane(&rq, A, sk, lo, v, n, 0, n, pts, ks, res->data, ly.L, l);
        if (r < 0) { nd_free(res); res = NULL; goto done; }
    }
    for (int k = 0; k < warned; k++) warn_all_nan();
done:
    nd_free(w);
    nd_free(wt);
    nd__free(ks, ksb);
    nd__free(pts, ptsb);
    nd__free(idx, idxb);
    nd__free(cdf, cdfb);
    nd__free(qv, qbytes);
    if (!res) return NULL;
    return finish(res, qndim, qshape, a, &ly, o->keepdims, o->out,
                  skip_nan ? OUT_ASSIGN : discrete ? OUT_TAKE : OUT_UFUNC, 0);
}

nd_array *nd_quantile_ex(const nd_array *a, nd_operand q, const nd_quantile_opts *o) {
    return quantile_impl(a, q, o, false, false);
}
nd_array *nd_percentile_ex(const nd_array *a, nd_operand q, const nd_quantile_opts *o) {
    return quantile_impl(a, q, o, true, false);
}
nd_array *nd_nanquantile_ex(const nd_array *a, nd_operand q, const nd_quantile_opts *o) {
    return quantile_impl(a, q, o, false, true);
}
nd_array *nd_nanpercentile_ex(const nd_array *a, nd_operand q, const nd_quantile_opts *o) {
    return quantile_impl(a, q, o, true, true);
}
