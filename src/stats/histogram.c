/* np.histogram and np.histogram_bin_edges: outer edges, NumPy's linspace in NumPy's
 * arithmetic type, the bin estimators, and the counting passes. */
#include "stats/hist_complex.h"

#include <float.h>
#include <stdio.h>

/* NumPy counts in blocks of this many values; weighted sums are per block (then added
 * to the result in its dtype), so we keep the same blocks to round the same way. */
#define BLOCK 65536

/* ------------------------------------------------------------ float arithmetic */

nd__ct nd__hist_ct_of(const nd_dtype_t *d) {
    switch (d->type) {
    case ND_TYPE_FLOAT16: return ND__CT16;
    case ND_TYPE_FLOAT32: return ND__CT32;
    default: return ND__CT64;
    }
}

double nd__hist_round(nd__ct ct, double x) {
    switch (ct) {
    case ND__CT32: return (double)(float)x;
    case ND__CT16: return nd__half_to_double(nd__float_to_half((float)x));
    default: return x;
    }
}

/* NumPy's float16 arithmetic computes in float32 and rounds to half. */
static double ct_add(nd__ct ct, double a, double b) { return nd__hist_round(ct, ct == ND__CT16 ? (double)(float)(a + b) : a + b); }
static double ct_sub(nd__ct ct, double a, double b) { return nd__hist_round(ct, ct == ND__CT16 ? (double)(float)(a - b) : a - b); }
static double ct_mul(nd__ct ct, double a, double b) { return nd__hist_round(ct, ct == ND__CT16 ? (double)(float)(a * b) : a * b); }
static double ct_div(nd__ct ct, double a, double b) { return nd__hist_round(ct, ct == ND__CT16 ? (double)(float)(a / b) : a / b); }


/* Python's repr of a float (str of a NumPy float scalar for the narrower types):
 * the shortest digits that read back to x in its type. */
void nd__hist_py_repr(char *buf, size_t cap, double x, nd__ct ct) {
    if (isnan(x)) { snprintf(buf, cap, "nan"); return; }
    if (isinf(x)) { snprintf(buf, cap, x < 0 ? "-inf" : "inf"); return; }
    char tmp[40];
    int p = 1;
    for (; p < 17; p++) {
        snprintf(tmp, sizeof tmp, "%.*e", p - 1, x);
        if (nd__hist_round(ct, strtod(tmp, NULL)) == x) break;
    }
    snprintf(tmp, sizeof tmp, "%.*e", p - 1, x);
    /* split "-d.ddde+XX" into sign, digits, exponent */
    char digits[24];
    int nd = 0, neg = tmp[0] == '-';
    const char *s = tmp + neg;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9') digits[nd++] = *s;
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    digits[nd] = 0;
    int e = atoi(s + 1);
    size_t k = 0;
    char out[64];
    if (neg) out[k++] = '-';
    if (e >= -4 && e < 16) {
        if (e < 0) {
            out[k++] = '0'; out[k++] = '.';
            for (int i = -1; i > e; i--) out[k++] = '0';
            for (int i = 0; i < nd; i++) out[k++] = digits[i];
        } else {
            for (int i = 0; i <= e; i++) out[k++] = i < nd ? digits[i] : '0';
            out[k++] = '.';
            if (nd > e + 1) for (int i = e + 1; i < nd; i++) out[k++] = digits[i];
            else out[k++] = '0';
        }
        out[k] = 0;
    } else {
        out[k++] = digits[0];
        if (nd > 1) { out[k++] = '.'; for (int i = 1; i < nd; i++) out[k++] = digits[i]; }
        snprintf(out + k, sizeof out - k, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    }
    snprintf(buf, cap, "%s", out);
}

/* ------------------------------------------------------------ min and max */

typedef struct {
    double mn, mx;
    bool nan, any;
} range_state;

static int range_chunk(const void *vals, int64_t n, int64_t pos, void *ud) {
    range_state *s = ud;
    const double *v = vals;
    double mn = s->mn, mx = s->mx;
    int nan = 0;
    for (int64_t k = 0; k < n; k++) {
        double x = v[k];
        nan |= x != x;
        mn = x < mn ? x : mn;
        mx = x > mx ? x : mx;
    }
    s->mn = mn;
    s->mx = mx;
    s->nan |= nan != 0;
    if (n) s->any = true;
    return 0;
}

/* min, max and max - min of a (not empty) as NumPy computes them in a's type:
 * floats round the difference to their type; integers give the exact unsigned
 * difference (_unsigned_subtract).  *nan is set when a float array holds a NaN. */
int nd__hist_minmax(const nd_array *a, double *lo, double *hi, double *span, bool *nan) {
    const nd_dtype_t *dt = a->dtype;
    *nan = false;
    if (nd_dtype_is_float(dt)) {
        range_state rs = { INFINITY, -INFINITY, false, false };
        if (nd__hist_walk(a, ND_FLOAT64, range_chunk, &rs) < 0) return -1;
        *nan = rs.nan;
        *lo = rs.nan ? NAN : rs.mn;
        *hi = rs.nan ? NAN : rs.mx;
        *span = nd__hist_round(nd__hist_ct_of(dt), *hi - *lo);
        return 0;
    }
    if (dt->type == ND_TYPE_UINT64) {
        uint64_t mn = UINT64_MAX, mx = 0;
        nd_array *c = nd__hist_flat(a, ND_UINT64);
        if (!c) return -1;
        const uint64_t *v = (const uint64_t *)c->data;
        for (int64_t k = 0, n = nd_size(c); k < n; k++) {
            mn = v[k] < mn ? v[k] : mn;
            mx = v[k] > mx ? v[k] : mx;
        }
        nd_free(c);
        *lo = (double)mn; *hi = (double)mx; *span = (double)(mx - mn);
        return 0;
    }
    nd__hist_irange rs = { INT64_MAX, INT64_MIN };
    if (nd__hist_walk(a, ND_INT64, nd__hist_irange_chunk, &rs) < 0) return -1;
    *lo = (double)rs.mn; *hi = (double)rs.mx;
    *span = (double)((uint64_t)rs.mx - (uint64_t)rs.mn);
    return 0;
}

/* The outer edges of NumPy's _get_outer_edges for data a (any real dtype) and an
 * optional range; also the arithmetic types the later steps use. */
int nd__hist_outer(const nd_array *a, nd_range range, nd__outer *o) {
    memset(o, 0, sizeof *o);
    const nd_dtype_t *dt = a->dtype;
    bool isfloat = nd_dtype_is_float(dt);
    nd__ct dct = nd__hist_ct_of(dt);
    o->keep_lo = -INFINITY;
    o->keep_hi = INFINITY;
    if (nd_dtype_is_complex(dt)) {
        o->cplx = true;
        o->cct = o->fct = dt->type == ND_TYPE_COMPLEX64 ? ND__CT32 : ND__CT64;
        dct = o->cct;
        isfloat = true;
        if (!range.set && nd_size(a) > 0) {
            nd__cplx lo, hi;
            if (nd__hist_cminmax(a, &lo, &hi) < 0) return -1;
            if (!isfinite(lo.re) || !isfinite(lo.im) || !isfinite(hi.re) || !isfinite(hi.im)) {
                char b1[100], b2[100];
                nd__hist_crepr(b1, sizeof b1, lo, o->cct);
                nd__hist_crepr(b2, sizeof b2, hi, o->cct);
                nd__err(ND_ERR_VALUE, "autodetected range of [%s, %s] is not finite", b1, b2);
                return -1;
            }
            /* first_edge - 0.5 moves the real part only */
            if (lo.re == hi.re && lo.im == hi.im) { lo.re = nd__cr(o->cct, lo.re - 0.5); hi.re = nd__cr(o->cct, hi.re + 0.5); }
            o->lo = lo.re; o->lo_i = lo.im; o->hi = hi.re; o->hi_i = hi.im;
            o->ct = o->span_ct = o->cct;
            o->den_r = nd__cr(o->cct, hi.re - lo.re);
            o->den_i = nd__cr(o->cct, hi.im - lo.im);
            o->span = o->den_r;
            o->cedges = true;
            return 0;
        }
        /* a range (Python floats; NumPy 2 divides by their float64 difference in
         * complex128) or empty data: real outer edges */
        o->fct = ND__CT64;
    }
    if (range.set) {
        double lo = range.lo, hi = range.hi;
        if (lo > hi) { nd__err(ND_ERR_VALUE, "max must be larger than min in range parameter."); return -1; }
        if (!isfinite(lo) || !isfinite(hi)) {
            char b1[40], b2[40];
            nd__hist_py_repr(b1, sizeof b1, lo, ND__CT64);
            nd__hist_py_repr(b2, sizeof b2, hi, ND__CT64);
            nd__err(ND_ERR_VALUE, "supplied range of [%s, %s] is not finite", b1, b2);
            return -1;
        }
        if (lo == hi) { lo -= 0.5; hi += 0.5; }
        o->lo = lo;
        o->hi = hi;
        o->ct = ND__CT64;          /* Python floats */
        o->span = hi - lo;
        o->span_ct = ND__CT64;
        o->keep = true;
        /* NEP 50: a Python float compares with float data in the data's type */
        o->keep_lo = isfloat ? nd__hist_round(dct, lo) : lo;
        o->keep_hi = isfloat ? nd__hist_round(dct, hi) : hi;
        o->den_r = o->span;
        return 0;
    }
    if (nd_size(a) == 0) {
        o->lo = 0; o->hi = 1; o->ct = ND__CT64; o->span = 1; o->span_ct = ND__CT64;
        return 0;
    }
    double lo, hi, span;
    bool nan;
    if (nd__hist_minmax(a, &lo, &hi, &span, &nan) < 0) return -1;
    if (isfloat) {
        if (!isfinite(lo) || !isfinite(hi)) {
            char b1[40], b2[40];
            nd__hist_py_repr(b1, sizeof b1, lo, dct);
            nd__hist_py_repr(b2, sizeof b2, hi, dct);
            nd__err(ND_ERR_VALUE, "autodetected range of [%s, %s] is not finite", b1, b2);
            return -1;
        }
        if (lo == hi) { lo = ct_sub(dct, lo, 0.5); hi = ct_add(dct, hi, 0.5); span = ct_sub(dct, hi, lo); }
        o->lo = lo; o->hi = hi; o->ct = dct; o->span = span; o->span_ct = dct;
        return 0;
    }
    /* integers (bool counted as uint8); np.int64(v) - 0.5 is float64 */
    if (span == 0) { lo -= 0.5; hi += 0.5; span = hi - lo; }
    o->lo = lo; o->hi = hi; o->ct = ND__CT64; o->span = span; o->span_ct = ND__CT64;
    return 0;
}

/* ------------------------------------------------------------ edges */

/* np.linspace(lo, hi, num, dtype=edt) computed in ct, as NumPy 2. */
nd_array *nd__hist_linspace(double lo, double hi, int64_t num, nd__ct ct, const nd_dtype_t *edt) {
    nd_array *e = nd__new(ND_FLOAT64, 1, &num, 'C', false);
    if (!e) return NULL;
    double *y = (double *)e->data;
    int64_t div = num - 1;
    double delta = lo == hi ? 0.0 : ct_sub(ct, hi, lo);
    double dv = nd__hist_round(ct, (double)div);
    double step = ct_div(ct, delta, dv);
    for (int64_t i = 0; i < num; i++) {
        double t = nd__hist_round(ct, (double)i);
        t = step == 0 ? ct_mul(ct, ct_div(ct, t, dv), delta) : ct_mul(ct, t, step);
        y[i] = ct_add(ct, t, lo);
    }
    if (num > 1) y[num - 1] = hi;
    if (edt->type == ND_TYPE_FLOAT64) return e;
    nd_array *r = nd_astype(e, edt);
    nd_free(e);
    return r;
}

nd_array *nd__hist_outer_edges(const nd__outer *o, int64_t num, const nd_dtype_t *edt) {
    if (o->cedges)
        return nd__hist_clinspace((nd__cplx){ o->lo, o->lo_i }, (nd__cplx){ o->hi, o->hi_i }, num, o->ct, edt);
    return nd__hist_linspace(o->lo, o->hi, num, o->ct, edt);
}

/* ------------------------------------------------------------ uniform counting */

#define NSUB 4

typedef struct {
    const double *e;      /* edges as float64 (exact for every edge dtype used) */
    int64_t n;            /* bins */
    double lo, scale;     /* the index estimate (x - lo) * scale, then the correction */
    double klo, khi;      /* values kept: klo <= x <= khi */
    int64_t *tab;         /* NSUB interleaved count tables */
    /* weighted: per-block sums in float64 */
    const double *w, *wi; /* weights (real / imaginary parts), flat C order */
    double *bs, *bsi;
    int64_t block_end;
    int (*flush)(void *ctx);
    void *flush_ctx;
    /* complex data: edges ce, the estimate ((x - first) / den) * n, the value range
     * kept, and NumPy's block order of errors (an index error in a block before a
     * negative index of that block) */
    const nd__cplx *ce;
    nd__cplx first, den, klo_c, khi_c;
    nd__ct cct, fct;
    bool neg;
    int64_t cblock_end;
} uni_state;

/* The bin of x (kept) by NumPy's rule: estimate, then one step down or up so the
 * answer agrees with the edges. */
static inline int64_t uni_bin(const uni_state *s, double x) {
    int64_t n = s->n;
    double f = (x - s->lo) * s->scale;
    f = f >= 0 ? f : 0;                   /* NaN too */
    f = f < (double)n ? f : (double)(n - 1);
    int64_t i = (int64_t)f;
    const double *e = s->e;
    i -= x < e[i];
    i += (i != n - 1) & (x >= e[i + 1]);
    return i < 0 ? 0 : i;
}

static int uni_chunk(const void *vals, int64_t n, int64_t pos, void *ud) {
    uni_state *s = ud;
    const double *v = vals;
    double klo = s->klo, khi = s->khi;
    int64_t nb = s->n;
    int64_t *t0 = s->tab, *t1 = t0 + nb, *t2 = t1 + nb, *t3 = t2 + nb;
    int64_t k = 0;
    for (; k + 4 <= n; k += 4) {
        double x0 = v[k], x1 = v[k + 1], x2 = v[k + 2], x3 = v[k + 3];
        if (x0 >= klo && x0 <= khi) t0[uni_bin(s, x0)]++;
        if (x1 >= klo && x1 <= khi) t1[uni_bin(s, x1)]++;
        if (x2 >= klo && x2 <= khi) t2[uni_bin(s, x2)]++;
        if (x3 >= klo && x3 <= khi) t3[uni_bin(s, x3)]++;
    }
    for (; k < n; k++) {
        double x = v[k];
        if (x >= klo && x <= khi) t0[uni_bin(s, x)]++;
    }
    return 0;
}

/* The bin of a kept complex x as NumPy computes it: the real part of the complex
 * estimate cast to intp (INT64_MIN when out of range, as x86 converts), the top value
 * moved down, then one step down or up by the complex comparisons with the edges,
 * which a negative index reads from the end.  Returns the bin, -1 for a negative bin
 * (bincount's error), or -2 after recording the IndexError of bin_edges[index]. */
static int64_t uni_cbin(const uni_state *s, nd__cplx x) {
    int64_t n = s->n;
    nd__cplx d = { nd__cr(s->cct, x.re - s->first.re), nd__cr(s->cct, x.im - s->first.im) };
    nd__cplx q = nd__cdiv(s->fct, d, s->den);
    double f = nd__cmul(s->fct, q, (nd__cplx){ nd__cr(s->fct, (double)n), 0 }).re;
    int64_t i = f >= -9223372036854775808.0 && f < 9223372036854775808.0 ? (int64_t)f : INT64_MIN;
    if (i == n) i--;
    if (i < -(n + 1) || i > n) {
        nd__err(ND_ERR_INDEX, "index %lld is out of bounds for axis 0 with size %lld", (long long)i, (long long)(n + 1));
        return -2;
    }
    i -= nd__clt(x, s->ce[i < 0 ? i + n + 1 : i]);
    int64_t j = i + 1;
    i += i != n - 1 && nd__cge(x, s->ce[j < 0 ? j + n + 1 : j]);
    return i < 0 ? -1 : i;
}

/* np.bincount's error for the negative bins of a block. */
static int neg_bins(void) {
    nd__err(ND_ERR_VALUE, "'list' argument must have no negative elements");
    return -1;
}

static int uni_cchunk(const void *vals, int64_t m, int64_t pos, void *ud) {
    uni_state *s = ud;
    const nd__cplx *v = vals;
    for (int64_t k = 0; k < m; k++) {
        int64_t p = pos + k;
        if (p >= s->cblock_end) {
            if (s->neg) return neg_bins();
            if (s->flush && s->flush(s->flush_ctx) < 0) return -1;
            s->cblock_end += BLOCK;
        }
        nd__cplx x = v[k];
        if (!(nd__cge(x, s->klo_c) && nd__cle(x, s->khi_c))) continue;
        int64_t i = uni_cbin(s, x);
        if (i == -2) return -1;
        if (i == -1) { s->neg = true; continue; }
        if (!s->w) { s->tab[i]++; continue; }
        s->bs[i] += s->w[p];
        if (s->bsi) s->bsi[i] += s->wi[p];
    }
    return 0;
}

static int uni_wchunk(const void *vals, int64_t n, int64_t pos, void *ud) {
    uni_state *s = ud;
    const double *v = vals;
    for (int64_t k = 0; k < n; k++) {
        int64_t p = pos + k;
        if (p >= s->block_end) {
            if (s->flush(s->flush_ctx) < 0) return -1;
            s->block_end += BLOCK;
        }
        double x = v[k];
        if (!(x >= s->klo && x <= s->khi)) continue;
        int64_t i = uni_bin(s, x);
        s->bs[i] += s->w[p];
        if (s->bsi) s->bsi[i] += s->wi[p];
    }
    return 0;
}

/* Weighted: hist += block sums, in the weights' dtype (NumPy's
 * `n += bincount(...).astype(ntype)`; complex: real and imaginary parts in float64). */
typedef struct {
    nd_array *hist;       /* ntype */
    nd_array *bs, *bsi;   /* float64 block sums */
} flush_ctx;

static int flush_sums(void *p) {
    flush_ctx *f = p;
    int rc = 0;
    if (f->bsi) {
        nd_array *re = nd_real(f->hist), *im = nd_imag(f->hist);
        if (!re || !im || !nd_add(re, f->bs, .out = re) || !nd_add(im, f->bsi, .out = im)) rc = -1;
        nd_free(re);
        nd_free(im);
    } else {
        nd_array *t = nd_astype(f->bs, f->hist->dtype);
        if (!t || !nd_add(f->hist, t, .out = f->hist)) rc = -1;
        nd_free(t);
    }
    memset(f->bs->data, 0, (size_t)nd_nbytes(f->bs));
    if (f->bsi) memset(f->bsi->data, 0, (size_t)nd_nbytes(f->bsi));
    return rc;
}

/* Counts of data a (flat) over the uniform edges e (n + 1 of them, dtype any float)
 * with outer edges o.  weights (flat float64 / complex128 as re/im) may be NULL.
 * Returns the hist array (int64, or wdtype). */
nd_array *nd__hist_uniform(const nd_array *a, const nd__outer *o, const nd_array *edges, int64_t n,
                           const nd_array *weights) {
    nd_array *ed = nd__hist_flat(edges, o->cplx ? ND_COMPLEX128 : ND_FLOAT64);
    if (!ed) return NULL;
    uni_state s = { .e = (const double *)ed->data, .n = n, .lo = o->lo };
    nd__hist_chunk_fn count_fn = uni_chunk, wcount_fn = uni_wchunk;
    const nd_dtype_t *walk_dt = ND_FLOAT64;
    if (o->cplx) {
        s.ce = (const nd__cplx *)ed->data;
        s.cct = o->cct;
        s.fct = o->fct;
        s.first = (nd__cplx){ nd__cr(o->cct, o->lo), nd__cr(o->cct, o->lo_i) };
        s.den = (nd__cplx){ o->den_r, o->den_i };
        s.klo_c = o->keep ? (nd__cplx){ o->keep_lo, 0 } : s.first;
        s.khi_c = o->keep ? (nd__cplx){ o->keep_hi, 0 } : (nd__cplx){ o->hi, o->hi_i };
        s.cblock_end = BLOCK;
        count_fn = wcount_fn = uni_cchunk;
        walk_dt = ND_COMPLEX128;
        if (nd_size(a) > 0) nd__warn(ND__COMPLEX_WARNING);
    }
    double denom = o->span;
    s.scale = (double)n / denom;
    if (!isfinite(s.scale)) s.scale = 0;
    s.klo = o->keep ? o->keep_lo : -INFINITY;
    s.khi = o->keep ? o->keep_hi : INFINITY;
    nd_array *hist = NULL;
    if (!weights) {
        size_t bytes = (size_t)(NSUB * n) * sizeof(int64_t);
        s.tab = nd__calloc((size_t)(NSUB * n), sizeof(int64_t));
        if (!s.tab) { nd_free(ed); return nd__nomem(); }
        int rc = nd__hist_walk(a, walk_dt, count_fn, &s);
        if (rc == 0 && s.neg) rc = neg_bins();
        if (rc == 0) hist = nd__new(ND_INT64, 1, &n, 'C', false);
        if (hist) {
            int64_t *h = (int64_t *)hist->data;
            for (int64_t i = 0; i < n; i++) h[i] = s.tab[i] + s.tab[n + i] + s.tab[2 * n + i] + s.tab[3 * n + i];
        }
        nd__free(s.tab, bytes);
        nd_free(ed);
        return hist;
    }
    /* weighted */
    bool cplx = nd_dtype_is_complex(weights->dtype);
    nd_array *wr = NULL, *wi = NULL, *bs = NULL, *bsi = NULL;
    hist = nd_zeros(ND_SHAPE(n), .dtype = weights->dtype);
    bs = nd_zeros(ND_SHAPE(n));
    if (!hist || !bs) goto fail;
    if (cplx) {
        nd_array *r = nd_real(weights), *i = nd_imag(weights);
        if (r && i) { wr = nd__hist_flat(r, ND_FLOAT64); wi = nd__hist_flat(i, ND_FLOAT64); }
        nd_free(r);
        nd_free(i);
        bsi = nd_zeros(ND_SHAPE(n));
        if (!wr || !wi || !bsi) goto fail;
    } else {
        wr = nd__hist_flat(weights, ND_FLOAT64);
        if (!wr) goto fail;
    }
    flush_ctx fc = { hist, bs, bsi };
    s.w = (const double *)wr->data;
    s.wi = wi ? (const double *)wi->data : NULL;
    s.bs = (double *)bs->data;
    s.bsi = bsi ? (double *)bsi->data : NULL;
    s.block_end = BLOCK;
    s.flush = flush_sums;
    s.flush_ctx = &fc;
    if (nd__hist_walk(a, walk_dt, wcount_fn, &s) < 0) goto fail;
    if (s.neg && neg_bins() < 0) goto fail;
    if (flush_sums(&fc) < 0) goto fail;
    nd_free(wr); nd_free(wi); nd_free(bs); nd_free(bsi); nd_free(ed);
    return hist;
fail:
    nd_free(hist); nd_free(wr); nd_free(wi); nd_free(bs); nd_free(bsi); nd_free(ed);
    return NULL;
}
