/* np.histogram / np.histogram_bin_edges: the bins argument (count, estimator, edges),
 * counting over given edges, density. */
#include "stats/hist_complex.h"
#include "sort/np_argsort.h"

#include <stdio.h>

#define BLOCK 65536

static const char *const method_names[] = {
    [ND_BINS_AUTO] = "auto", [ND_BINS_FD] = "fd", [ND_BINS_DOANE] = "doane",
    [ND_BINS_SCOTT] = "scott", [ND_BINS_STONE] = "stone", [ND_BINS_RICE] = "rice",
    [ND_BINS_STURGES] = "sturges", [ND_BINS_SQRT] = "sqrt",
};

int nd_bins_method_parse(const char *name) {
    if (!name) { nd__err(ND_ERR_VALUE, "None is not a valid estimator for `bins`"); return -1; }
    for (int i = ND_BINS_AUTO; i <= ND_BINS_SQRT; i++)
        if (!strcmp(name, method_names[i])) return i;
    nd__err(ND_ERR_VALUE, "'%s' is not a valid estimator for `bins`", name);
    return -1;
}

/* a as histogram reads it: NULL/flexible refused; bool becomes uint8 with NumPy 2's
 * warning.  Returns a new handle. */
static nd_array *hist_data(const nd_array *a) {
    if (!a) return nd__err(ND_ERR_VALUE, "histogram: a is NULL");
    if (!nd__is_numeric(a->dtype))
        return nd__err(ND_ERR_TYPE, "histogram: data of dtype %s is not supported", nd_dtype_name(a->dtype));
    if (a->dtype->type == ND_TYPE_BOOL) {
        nd__warn("RuntimeWarning: Converting input from bool to <class 'numpy.uint8'> for compatibility.");
        return nd_astype(a, ND_UINT8);
    }
    return nd_ref((nd_array *)a);
}

/* ---------------------------------------------------------------- estimators */

/* The data within the outer edges, flat, in a's dtype (a itself when all kept). */
static nd_array *kept_data(const nd_array *a, const nd__outer *o) {
    nd_array *flat = nd__hist_flat(a, a->dtype);
    if (!flat || !o->keep) return flat;
    nd_array *d = nd__hist_flat(flat, o->cplx ? ND_COMPLEX128 : ND_FLOAT64);
    if (!d) { nd_free(flat); return NULL; }
    const double *v = (const double *)d->data;
    const nd__cplx *cv = (const nd__cplx *)d->data, clo = { o->keep_lo, 0 }, chi = { o->keep_hi, 0 };
    int64_t n = nd_size(flat), m = 0, isz = flat->dtype->itemsize;
    char *p = flat->data;
    for (int64_t k = 0; k < n; k++) {
        bool in = o->cplx ? nd__cge(cv[k], clo) && nd__cle(cv[k], chi) : v[k] >= o->keep_lo && v[k] <= o->keep_hi;
        if (in) memmove(p + m++ * isz, p + k * isz, (size_t)isz);
    }
    nd_free(d);
    nd_array *r = nd__view(flat, flat->dtype, 1, &m, &isz, flat->data);
    nd_free(flat);
    return r;
}

/* A 0-d (or 1-element) result as double, freeing it. */
static double take_scalar(nd_array *r, bool *ok) {
    if (!r) { *ok = false; return NAN; }
    double v = nd_item_double(r, (nd_idx){ 0, NULL });
    nd_free(r);
    return v;
}

/* _ptp: max - min in the data's type (integers: exact unsigned difference). */
static double ptp_of(const nd_array *x, nd__ct *ct, bool *ok) {
    double lo, hi, span;
    bool nan;
    *ct = nd_dtype_is_float(x->dtype) ? nd__hist_ct_of(x->dtype) : ND__CT64;
    if (nd__hist_minmax(x, &lo, &hi, &span, &nan) < 0) { *ok = false; return NAN; }
    return span;
}

static double p_linear(const double *s, int64_t n, double q, nd_type t) {
    double v = (double)(n - 1) * q;
    double prev = floor(v);
    int64_t i = (int64_t)prev, j = i + 1;
    if (v >= (double)(n - 1)) i = j = n - 1;
    if (v < 0) i = j = 0;
    double g = v - prev;
    double a = s[i], b = s[j];
    /* b - a in the data's type (integers wrap, as NumPy's subtract) */
    double d = b - a;
    switch (t) {
    case ND_TYPE_INT8: d = (double)(int8_t)(int64_t)d; break;
    case ND_TYPE_INT16: d = (double)(int16_t)(int64_t)d; break;
    case ND_TYPE_INT32: d = (double)(int32_t)(int64_t)d; break;
    case ND_TYPE_UINT8: d = (double)(uint8_t)(int64_t)d; break;
    case ND_TYPE_UINT16: d = (double)(uint16_t)(int64_t)d; break;
    case ND_TYPE_UINT32: d = (double)(uint32_t)(int64_t)d; break;
    case ND_TYPE_FLOAT32: d = (double)(float)d; break;
    case ND_TYPE_FLOAT16: d = nd__hist_round(ND__CT16, d); break;
    default: break;
    }
    double r = a + d * g;
    if (g >= 0.5) r = b - d * (1 - g);
    return r;
}

static int cmp_double(const void *x, const void *y) {
    double a = *(const double *)x, b = *(const double *)y;
    return nd__hist_lt(a, b) ? -1 : nd__hist_lt(b, a) ? 1 : 0;
}

/* fd: 2 IQR n^(-1/3), the IQR by NumPy's linear percentile. */
static double width_fd(const nd_array *x, bool *ok) {
    nd_array *d = nd__hist_flat(x, ND_FLOAT64);
    if (!d) { *ok = false; return 0; }
    int64_t n = nd_size(d);
    double *v = (double *)d->data;
    qsort(v, (size_t)n, sizeof(double), cmp_double);
    double iqr = p_linear(v, n, 0.75, x->dtype->type) - p_linear(v, n, 0.25, x->dtype->type);
    nd_free(d);
    return 2.0 * iqr * pow((double)n, -1.0 / 3.0);
}

static double width_sturges(double ptp, int64_t n) { return ptp / (log2((double)n) + 1.0); }

/* np.std(x) as a double, and its type */
static double std_of(const nd_array *x, nd__ct *ct, bool *ok) {
    nd_array *s = nd_std(x);
    if (!s) { *ok = false; return NAN; }
    *ct = nd__hist_ct_of(s->dtype);
    return take_scalar(s, ok);
}

static double width_doane(const nd_array *x, double ptp, bool *ok) {
    int64_t n = nd_size(x);
    if (n <= 2) return 0.0;
    double sg1 = sqrt(6.0 * (double)(n - 2) / (((double)n + 1.0) * (double)(n + 3)));
    nd__ct sct;
    double sigma = std_of(x, &sct, ok);
    if (!*ok || !(sigma > 0.0)) return 0.0;
    double g1 = NAN;
    nd_scope_begin();
    nd_array *sg = nd_std(x);
    nd_array *mu = nd_mean(x);
    nd_array *t = mu && sg ? nd_subtract(x, mu) : NULL;
    nd_array *t2 = t ? nd_divide(t, sg) : NULL;
    nd_array *t3 = t2 ? nd_power(t2, 3) : NULL;
    nd_array *m = t3 ? nd_mean(t3) : NULL;
    if (m) g1 = nd_item_double(m, (nd_idx){ 0, NULL });
    else *ok = false;
    nd_scope_end();
    if (!*ok) return 0.0;
    return ptp / (1.0 + log2((double)n) + log2(1.0 + fabs(g1) / sg1));
}

/* The bin width an estimator picks for the kept data x (not empty), with its type. */
static double estimator_width(int method, const nd_array *x, const nd__outer *o, nd__ct *wct, bool *ok) {
    int64_t n = nd_size(x);
    nd__ct pct;
    double ptp = ptp_of(x, &pct, ok);
    if (!*ok) return 0;
    *wct = ND__CT64;
    switch (method) {
    case ND_BINS_SQRT: return ptp / sqrt((double)n);
    case ND_BINS_STURGES: return width_sturges(ptp, n);
    case ND_BINS_RICE:
        /* ptp / Python float: the data's float type (NEP 50) */
        *wct = pct;
        return nd__hist_round(pct, ptp / nd__hist_round(pct, 2.0 * pow((double)n, 1.0 / 3)));
    case ND_BINS_SCOTT: {
        nd__ct sct = ND__CT64; /* std_of sets it unless it fails */
        double sd = std_of(x, &sct, ok);
        double c = pow(24.0 * pow(M_PI, 0.5) / (double)n, 1.0 / 3.0);
        *wct = sct;
        return nd__hist_round(sct, nd__hist_round(sct, c) * sd);
    }
    case ND_BINS_DOANE: return width_doane(x, ptp, ok);
    case ND_BINS_FD: return width_fd(x, ok);
    case ND_BINS_AUTO: {
        double fd = width_fd(x, ok), st = width_sturges(ptp, n);
        return fd != 0 ? (st < fd ? st : fd) : st;
    }
    case ND_BINS_STONE: {
        if (n <= 1 || ptp == 0) return 0;
        int64_t upper = (int64_t)sqrt((double)n);
        if (upper < 100) upper = 100;
        double best = INFINITY;
        int64_t best_k = 1;
        for (int64_t k = 1; k <= upper; k++) {
            double hh = nd__hist_round(pct, ptp / nd__hist_round(pct, (double)k));
            nd_array *e = nd__hist_linspace(o->lo, o->hi, k + 1, o->ct,
                                            nd_dtype_is_float(x->dtype) ? x->dtype : ND_FLOAT64);
            nd_array *h = e ? nd__hist_uniform(x, o, e, k, NULL) : NULL;
            nd_free(e);
            if (!h) { *ok = false; return 0; }
            const int64_t *c = (const int64_t *)h->data;
            double dot = 0;
            for (int64_t i = 0; i < k; i++) {
                double p = (double)c[i] / (double)n;
                dot += p * p;
            }
            nd_free(h);
            double j = (2 - (double)(n + 1) * dot) / hh;
            if (j < best) { best = j; best_k = k; }
        }
        if (best_k == upper) nd__warn("RuntimeWarning: The number of bins estimated may be suboptimal.");
        *wct = pct;
        return nd__hist_round(pct, ptp / nd__hist_round(pct, (double)best_k));
    }
    default: *ok = false; nd__err(ND_ERR_VALUE, "invalid bins method"); return 0;
    }
}

/* ---------------------------------------------------------------- the bins argument */

typedef struct {
    nd_array *edges;     /* new reference */
    bool uniform;
    int64_t n;           /* uniform bins */
    nd__outer outer;
} bin_spec;

static bool edges_monotonic(const nd_array *e) {
    nd_array *d = nd__hist_flat(e, ND_FLOAT64);
    if (!d) return false;
    const double *v = (const double *)d->data;
    bool ok = true;
    for (int64_t i = 0, n = nd_size(d); i + 1 < n && ok; i++) ok = !(v[i] > v[i + 1]);
    nd_free(d);
    return ok;
}

static int get_bin_edges(const nd_array *a, const nd_histogram_opts *o, bin_spec *b) {
    memset(b, 0, sizeof *b);
    int64_t nbins = 0;
    bool have_outer = false;
    if (o->edges) {
        const nd_array *e = o->edges;
        if (e->ndim == 0) {
            if (!nd_dtype_is_integer(e->dtype)) {
                nd__err(ND_ERR_TYPE, "`bins` must be an integer, a string, or an array");
                return -1;
            }
            nbins = nd_item_int(e, (nd_idx){ 0, NULL });
            if (nbins < 1) { nd__err(ND_ERR_VALUE, "`bins` must be positive, when an integer"); return -1; }
        } else if (e->ndim > 1) {
            nd__err(ND_ERR_VALUE, "`bins` must be 1d, when an array");
            return -1;
        } else {
            if (!nd__is_numeric(e->dtype)) {
                nd__err(ND_ERR_NOT_SUPPORTED, "histogram: edges of dtype %s are not supported", nd_dtype_name(e->dtype));
                return -1;
            }
            int dec = nd_dtype_is_complex(e->dtype) ? nd__hist_cdecreasing(e) : !edges_monotonic(e);
            if (dec < 0) return -1;
            if (dec) {
                if (nd_error() == ND_OK || nd_error() == ND_ERR_VALUE)
                    nd__err(ND_ERR_VALUE, "`bins` must increase monotonically, when an array");
                return -1;
            }
            b->edges = nd_copy(e, 'C');
            return b->edges ? 0 : -1;
        }
    } else if (o->method != ND_BINS_COUNT) {
        if (o->method < 0) {
            if (nd_error() == ND_OK) nd__err(ND_ERR_VALUE, "invalid estimator for `bins`");
            return -1;
        }
        if (o->method > ND_BINS_SQRT) { nd__err(ND_ERR_VALUE, "%d is not a valid estimator for `bins`", o->method); return -1; }
        if (o->weights) {
            nd__err(ND_ERR_TYPE, "Automated estimation of the number of bins is not supported for weighted data");
            return -1;
        }
        if (nd__hist_outer(a, o->range, &b->outer) < 0) return -1;
        have_outer = true;
        nd_array *x = kept_data(a, &b->outer);
        if (!x) return -1;
        nbins = 1;
        if (nd_size(x) > 0 && b->outer.cplx) {
            /* NumPy 2: fd (and auto, which starts with it) take a percentile, which
             * refuses complex data; the others give a complex width, whose bin count
             * np.ceil refuses, unless the width is 0 (every kept value equal; doane
             * also for n <= 2): then one bin */
            if (o->method == ND_BINS_FD || o->method == ND_BINS_AUTO) {
                nd_free(x);
                nd__err(ND_ERR_TYPE, "a must be an array of real numbers");
                return -1;
            }
            nd__cplx lo, hi;
            if (nd__hist_cminmax(x, &lo, &hi) < 0) { nd_free(x); return -1; }
            bool zero = (lo.re == hi.re && lo.im == hi.im) || (o->method == ND_BINS_DOANE && nd_size(x) <= 2);
            if (!zero) {
                if (o->method == ND_BINS_STONE) nd__warn(ND__COMPLEX_WARNING);
                nd_free(x);
                nd__err(ND_ERR_TYPE, "ufunc 'ceil' not supported for the input types, and the inputs could not be "
                                     "safely coerced to any supported types according to the casting rule ''safe''");
                return -1;
            }
        } else if (nd_size(x) > 0) {
            bool ok = true;
            nd__ct wct;
            double w = estimator_width(o->method, x, &b->outer, &wct, &ok);
            if (!ok) { nd_free(x); return -1; }
            if (w != 0) {
                /* span / width in their common type, then ceil */
                nd__ct sct = b->outer.span_ct;
                nd__ct dct = (sct == ND__CT64 || wct == ND__CT64) ? ND__CT64
                           : (sct == ND__CT32 || wct == ND__CT32) ? ND__CT32 : ND__CT16;
                double q = ceil(nd__hist_round(dct, b->outer.span / w));
                if (isnan(q)) { nd_free(x); nd__err(ND_ERR_VALUE, "cannot convert float NaN to integer"); return -1; }
                if (isinf(q)) { nd_free(x); nd__err(ND_ERR_OVERFLOW, "cannot convert float infinity to integer"); return -1; }
                nbins = (int64_t)q;
                if (nbins < 1) nbins = 1;
            }
        }
        nd_free(x);
    } else {
        nbins = o->bins ? o->bins : 10;
        if (nbins < 1) { nd__err(ND_ERR_VALUE, "`bins` must be positive, when an integer"); return -1; }
    }
    if (!have_outer && nd__hist_outer(a, o->range, &b->outer) < 0) return -1;
    if (nbins >= INT64_MAX / 8) { nd__err(ND_ERR_MEMORY, "histogram: too many bins"); return -1; }
    const nd_dtype_t *edt = nd_dtype_is_float(a->dtype) || nd_dtype_is_complex(a->dtype) ? a->dtype : ND_FLOAT64;
    b->edges = nd__hist_outer_edges(&b->outer, nbins + 1, edt);
    b->uniform = true;
    b->n = nbins;
    return b->edges ? 0 : -1;
}

/* ---------------------------------------------------------------- given edges */

/* Keys compare as int64 when the common dtype of data and edges is an integer type
 * (uint64 with the sign bit flipped keeps its order), else as float64. */
typedef struct {
    bool ints;
    bool flip;           /* uint64 */
    const double *ed;    /* n + 1 edges */
    const int64_t *ei;
    int64_t n;
    int64_t *counts;
} edge_state;

static int edge_chunk_f(const void *vals, int64_t m, int64_t pos, void *ud) {
    edge_state *s = ud;
    const double *v = vals, *e = s->ed;
    int64_t n = s->n;
    for (int64_t k = 0; k < m; k++) {
        double x = v[k];
        /* lo = number of the first n edges not above x */
        int64_t lo = nd__hist_upper_f(e, n, x);
        if (lo == 0) continue;
        if (lo < n) s->counts[lo - 1]++;
        else if (!nd__hist_lt(e[n], x)) s->counts[n - 1]++;
    }
    return 0;
}

static int edge_chunk_i(const void *vals, int64_t m, int64_t pos, void *ud) {
    edge_state *s = ud;
    const int64_t *v = vals, *e = s->ei;
    int64_t n = s->n;
    uint64_t fl = s->flip ? UINT64_C(1) << 63 : 0;
    for (int64_t k = 0; k < m; k++) {
        int64_t x = (int64_t)((uint64_t)v[k] ^ fl);
        int64_t lo = nd__hist_upper_i(e, n, x);
        if (lo == 0) continue;
        if (lo < n) s->counts[lo - 1]++;
        else if (!(e[n] < x)) s->counts[n - 1]++;
    }
    return 0;
}

/* The key type of the sorted path: float64, int64 (uint64 with the sign bit flipped),
 * or complex128 (the complex sort order). */
typedef enum { HK_F64, HK_I64, HK_C128 } hist_key;

/* In np.argsort's order, is sorted key k of the block before edge j (go right)?  The
 * left side for every edge but the last, which takes the right side. */
static inline bool key_before(hist_key kind, const void *kk, int64_t k, const void *e, int64_t j, bool right) {
    switch (kind) {
    case HK_I64: {
        int64_t x = ((const nd__i64_pos *)kk)[k].k, y = ((const int64_t *)e)[j];
        return right ? !(y < x) : x < y;
    }
    case HK_F64: {
        double x = ((const nd__f64_pos *)kk)[k].k, y = ((const double *)e)[j];
        return right ? !nd__hist_lt(y, x) : nd__hist_lt(x, y);
    }
    default: {
        nd__c128_key c = ((const nd__c128_pos *)kk)[k].k;
        nd__cplx x = { c.re, c.im }, y = ((const nd__cplx *)e)[j];
        return right ? !nd__csort_lt(y, x) : nd__csort_lt(x, y);
    }
    }
}

/* NumPy's cumulative path: per block of BLOCK values, sort the block in np.argsort's
 * order, find each of the n1 edges in it and add the count below it, or
 * concatenate((0, cumsum(the block's weights in sorted order)))[that count].  keys: the
 * flat values as the key type (int64 already flipped for uint64); e: the n1 edges as the
 * key type.  Returns the n1 cumulative values (int64, or the weights' dtype). */
static nd_array *cum_sorted(const nd_array *keys, const void *e, int64_t n1, hist_key kind,
                            const nd_array *weights) {
    int64_t N = nd_size(keys);
    nd_array *wf = weights ? nd__hist_flat(weights, weights->dtype) : NULL;
    nd_array *cum = nd_zeros(ND_SHAPE(n1), .dtype = weights ? weights->dtype : ND_INT64);
    size_t bytes = (size_t)(N < BLOCK ? N : BLOCK) * sizeof(nd__c128_pos) + 1;
    size_t ibytes = (size_t)n1 * sizeof(int64_t) + 1;
    void *buf = nd__malloc(bytes);
    int64_t *idx = nd__malloc(ibytes);
    nd_array *res = NULL;
    if ((weights && !wf) || !cum || !buf || !idx) { if (!buf || !idx) nd__nomem(); goto done; }
    for (int64_t b0 = 0; b0 < N; b0 += BLOCK) {
        int64_t m = N - b0 < BLOCK ? N - b0 : BLOCK;
        if (kind == HK_I64) {
            nd__i64_pos *kk = buf;
            const int64_t *v = (const int64_t *)keys->data + b0;
            for (int64_t k = 0; k < m; k++) kk[k] = (nd__i64_pos){ v[k], b0 + k };
            nd__np_argsort_i64(kk, m);
        } else if (kind == HK_F64) {
            nd__f64_pos *kk = buf;
            const double *v = (const double *)keys->data + b0;
            for (int64_t k = 0; k < m; k++) kk[k] = (nd__f64_pos){ v[k], b0 + k };
            nd__np_argsort_f64(kk, m);
        } else {
            nd__c128_pos *kk = buf;
            const nd__cplx *v = (const nd__cplx *)keys->data + b0;
            for (int64_t k = 0; k < m; k++) kk[k] = (nd__c128_pos){ { v[k].re, v[k].im }, b0 + k };
            nd__np_argsort_c128(kk, m);
        }
        for (int64_t j = 0; j < n1; j++) {
            int64_t lo = 0, hi = m;
            bool right = j == n1 - 1;
            while (lo < hi) {
                int64_t mid = (lo + hi) >> 1;
                if (key_before(kind, buf, mid, e, j, right)) lo = mid + 1;
                else hi = mid;
            }
            idx[j] = lo;
        }
        if (!weights) {
            int64_t *c = (int64_t *)cum->data;
            for (int64_t j = 0; j < n1; j++) c[j] += idx[j];
            continue;
        }
        /* the block's weights in sorted order, their cumulative sum (NumPy's cumsum dtype) */
        int64_t isz = wf->dtype->itemsize;
        nd_array *sw = nd__new(wf->dtype, 1, &m, 'C', false);
        if (!sw) goto done;
        for (int64_t k = 0; k < m; k++) {
            int64_t src = kind == HK_I64 ? ((nd__i64_pos *)buf)[k].i
                        : kind == HK_F64 ? ((nd__f64_pos *)buf)[k].i : ((nd__c128_pos *)buf)[k].i;
            memcpy(sw->data + k * isz, wf->data + src * isz, (size_t)isz);
        }
        nd_array *cs = nd_cumsum(sw);
        nd_free(sw);
        if (!cs) goto done;
        nd_array *g = nd_zeros(ND_SHAPE(n1), .dtype = cs->dtype);
        if (!g) { nd_free(cs); goto done; }
        int64_t gsz = cs->dtype->itemsize;
        for (int64_t j = 0; j < n1; j++)
            if (idx[j] > 0) memcpy(g->data + j * gsz, cs->data + (idx[j] - 1) * gsz, (size_t)gsz);
        nd_free(cs);
        nd_array *r = nd_add(cum, g, .out = cum);
        nd_free(g);
        if (!r) goto done;
    }
    res = nd_ref(cum);
done:
    nd_free(wf);
    nd_free(cum);
    nd__free(buf, bytes);
    nd__free(idx, ibytes);
    return res;
}

/* Counts (or weight sums) per bin over given edges, NumPy's sorted path: the
 * differences of the cumulative values at the edges. */
static nd_array *hist_sorted(const nd_array *a, const nd_array *edges, hist_key kind, bool flip,
                             const nd_array *weights) {
    const nd_dtype_t *kt = kind == HK_I64 ? (flip ? ND_UINT64 : ND_INT64) : kind == HK_F64 ? ND_FLOAT64 : ND_COMPLEX128;
    nd_array *keys = nd__hist_flat(a, kt), *ek = keys ? nd__hist_flat(edges, kt) : NULL;
    nd_array *cum = NULL, *res = NULL;
    if (ek && flip) /* uint64: flip the sign bit so int64 order is uint64 order */
        for (int64_t j = 0, n = nd_size(keys), ne = nd_size(ek); j < n || j < ne; j++) {
            if (j < n) ((uint64_t *)keys->data)[j] ^= UINT64_C(1) << 63;
            if (j < ne) ((uint64_t *)ek->data)[j] ^= UINT64_C(1) << 63;
        }
    if (ek) cum = cum_sorted(keys, ek->data, nd_size(ek), kind, weights);
    nd_array *hi = cum ? nd_get(cum, "1:") : NULL, *lo = cum ? nd_get(cum, ":-1") : NULL;
    if (hi && lo) res = nd_subtract(hi, lo);
    nd_free(hi); nd_free(lo); nd_free(cum); nd_free(keys); nd_free(ek);
    return res;
}

static nd_array *hist_edges(const nd_array *a, const nd_array *edges, const nd_array *weights) {
    int64_t ne = nd_size(edges);
    int64_t n = ne > 0 ? ne - 1 : 0;
    if (n == 0) return nd_zeros(ND_SHAPE(0), .dtype = weights ? weights->dtype : ND_INT64);
    const nd_dtype_t *common = nd_promote_types(a->dtype, edges->dtype);
    if (!common) return NULL;
    if (nd_dtype_is_complex(common)) { /* sort and search in the complex order */
        nd_dtype_free(common);
        return hist_sorted(a, edges, HK_C128, false, weights);
    }
    edge_state s = { .n = n };
    s.ints = nd_dtype_is_integer(common) || nd_dtype_is_bool(common);
    s.flip = common->type == ND_TYPE_UINT64;
    nd_dtype_free(common);
    nd_array *ek = nd__hist_flat(edges, s.ints ? (s.flip ? ND_UINT64 : ND_INT64) : ND_FLOAT64);
    if (!ek) return NULL;
    bool sorted = true;
    if (s.ints) {
        int64_t *e = (int64_t *)ek->data;
        if (s.flip) for (int64_t j = 0; j < ne; j++) e[j] = (int64_t)((uint64_t)e[j] ^ (UINT64_C(1) << 63));
        s.ei = e;
    } else {
        s.ed = (const double *)ek->data;
        for (int64_t j = 0; j + 1 < ne; j++)
            if (nd__hist_lt(s.ed[j + 1], s.ed[j])) sorted = false;
    }
    nd_array *res = NULL;
    if (!weights && sorted) {
        res = nd_zeros(ND_SHAPE(n), .dtype = ND_INT64);
        if (res) {
            s.counts = (int64_t *)res->data;
            const nd_dtype_t *kt = s.ints ? (s.flip ? ND_UINT64 : ND_INT64) : ND_FLOAT64;
            if (nd__hist_walk(a, kt, s.ints ? edge_chunk_i : edge_chunk_f, &s) < 0) { nd_free(res); res = NULL; }
        }
    } else {
        res = hist_sorted(a, edges, s.ints ? HK_I64 : HK_F64, s.flip, weights);
    }
    nd_free(ek);
    return res;
}

/* ---------------------------------------------------------------- entry points */

static int check_weights(const nd_array *a, const nd_array *w) {
    if (!w) return 0;
    if (!nd__is_numeric(w->dtype)) {
        nd__err(ND_ERR_TYPE, "histogram: weights of dtype %s are not supported", nd_dtype_name(w->dtype));
        return -1;
    }
    bool same = a->ndim == w->ndim;
    for (int i = 0; same && i < a->ndim; i++) same = a->shape[i] == w->shape[i];
    if (!same) { nd__err(ND_ERR_VALUE, "weights should have the same shape as a."); return -1; }
    return 0;
}

nd_array *nd_histogram_bin_edges_ex(const nd_array *a, const nd_histogram_opts *o) {
    static const nd_histogram_opts defaults = { 0 };
    if (!o) o = &defaults;
    nd_array *x = hist_data(a);
    if (!x) return NULL;
    bin_spec b;
    int rc = check_weights(x, o->weights) < 0 ? -1 : get_bin_edges(x, o, &b);
    nd_free(x);
    return rc < 0 ? NULL : b.edges;
}

int nd_histogram_ex(const nd_array *a, nd_array **hist, nd_array **edges, const nd_histogram_opts *o) {
    static const nd_histogram_opts defaults = { 0 };
    if (!o) o = &defaults;
    nd_array *x = hist_data(a);
    if (!x) return -1;
    bin_spec b = { 0 };
    nd_array *h = NULL;
    if (check_weights(x, o->weights) < 0 || get_bin_edges(x, o, &b) < 0) goto fail;
    if (b.uniform) h = nd__hist_uniform(x, &b.outer, b.edges, b.n, o->weights);
    else h = hist_edges(x, b.edges, o->weights);
    if (!h) goto fail;
    if (o->density) {
        /* n / diff(edges) as float64 / n.sum() */
        nd_scope_begin();
        nd_array *hi = nd_get(b.edges, "1:"), *lo = nd_get(b.edges, ":-1");
        nd_array *db = hi && lo ? nd_subtract(hi, lo) : NULL;
        /* np.array(np.diff(bin_edges), float): complex edges lose their imaginary part */
        if (db && nd_dtype_is_complex(db->dtype)) nd__warn(ND__COMPLEX_WARNING);
        nd_array *dbf = db ? nd_astype(db, ND_FLOAT64) : NULL;
        nd_array *s = nd_sum(h);
        nd_array *q = dbf && s ? nd_divide(h, dbf) : NULL;
        nd_array *d = q ? nd_divide(q, s) : NULL;
        if (d) nd_keep(d);
        nd_scope_end();
        nd_free(h);
        h = d;
        if (!h) goto fail;
    }
    nd_free(x);
    if (hist) *hist = h; else nd_free(h);
    if (edges) *edges = b.edges; else nd_free(b.edges);
    return 0;
fail:
    nd_free(x);
    nd_free(h);
    nd_free(b.edges);
    return -1;
}
