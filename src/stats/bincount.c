/* np.bincount and np.digitize, and the chunked walk the histogram files share. */
#include "stats/hist_priv.h"

#include <stdio.h>

#define ND__HCAT_(a, b) a##b
#define ND_CAT(a, b) ND__HCAT_(a, b)

/* ---------------------------------------------------------------- shared helpers */

typedef struct {
    const nd_dtype_t *to, *from;
    nd__cast_fn cast;
    nd__hist_chunk_fn fn;
    void *ud;
    int64_t pos;
} walk_state;

static int walk_loop(char **ptrs, int64_t n, const int64_t *strides, void *ud) {
    walk_state *w = ud;
    const nd_dtype_t *to = w->to;
    int64_t isz = to->itemsize;
    if (!w->cast) { /* already the compute type and contiguous (checked by the caller) */
        if (strides[0] == isz) {
            int r = w->fn(ptrs[0], n, w->pos, w->ud);
            w->pos += n;
            return r;
        }
    }
    /* convert through a small buffer: 8-byte aligned for the kernels */
    int64_t buf[ND__HIST_CHUNK];
    nd__cast_fn f = w->cast ? w->cast : nd__get_cast(to, to);
    if (!f) return -1;
    for (int64_t k = 0; k < n; k += ND__HIST_CHUNK) {
        int64_t m = n - k < ND__HIST_CHUNK ? n - k : ND__HIST_CHUNK;
        f((char *)buf, isz, ptrs[0] + k * strides[0], strides[0], m, to, w->from);
        if (w->fn(buf, m, w->pos, w->ud) < 0) return -1;
        w->pos += m;
    }
    return 0;
}

int nd__hist_walk(const nd_array *a, const nd_dtype_t *to, nd__hist_chunk_fn fn, void *ud) {
    walk_state w = { to, a->dtype, NULL, fn, ud, 0 };
    if (a->dtype->type != to->type) {
        w.cast = nd__get_cast(to, a->dtype);
        if (!w.cast) return -1;
    }
    return nd__iter_run(1, &a, true, walk_loop, &w);
}

nd_array *nd__hist_flat(const nd_array *a, const nd_dtype_t *to) {
    int64_t n = nd_size(a);
    nd_array *out = nd__new(to, 1, &n, 'C', false);
    if (!out) return NULL;
    nd_array *view = nd_reshape_ex(out, (nd_shape_t){ a->ndim, a->shape }, 'C');
    if (!view || nd__assign(view, a) < 0) {
        nd_free(view);
        nd_free(out);
        return NULL;
    }
    nd_free(view);
    return out;
}

/* dtype('float64') for numbers, dtype('<U3') for the flexible types, as NumPy's repr. */
static const char *dtype_repr(const nd_dtype_t *d, char *buf, size_t cap) {
    snprintf(buf, cap, "%s", nd__is_numeric(d) ? nd_dtype_name(d) : nd_dtype_str_repr(d));
    return buf;
}

void *nd__hist_cast_error(const nd_dtype_t *from, const nd_dtype_t *to) {
    char a[64], b[64];
    return nd__err(ND_ERR_TYPE, "Cannot cast array data from dtype('%s') to dtype('%s') according to the rule 'safe'",
                   dtype_repr(from, a, sizeof a), dtype_repr(to, b, sizeof b));
}

int nd__hist_check_1d(const nd_array *a) {
    if (a->ndim == 1) return 0;
    nd__err(ND_ERR_VALUE, a->ndim == 0 ? "object of too small depth for desired array"
                                       : "object too deep for desired array");
    return -1;
}

/* ---------------------------------------------------------------- bincount */

int nd__hist_irange_chunk(const void *vals, int64_t n, int64_t pos, void *ud) {
    (void)pos;
    nd__hist_irange *s = ud;
    const int64_t *v = vals;
    int64_t mn = s->mn, mx = s->mx;
    for (int64_t k = 0; k < n; k++) {
        mn = v[k] < mn ? v[k] : mn;
        mx = v[k] > mx ? v[k] : mx;
    }
    s->mn = mn;
    s->mx = mx;
    return 0;
}

/* Interleaved counters per value for the unweighted count (see bincount_fused). */
#define NSUB 4

/* Weighted: one running float64 sum per bin, in C order of x (NumPy's order). */
typedef struct {
    const double *w;
    double *sums;
} wsum_state;

static int wsum_chunk(const void *vals, int64_t n, int64_t pos, void *ud) {
    wsum_state *s = ud;
    const int64_t *v = vals;
    const double *w = s->w + pos;
    double *d = s->sums;
    for (int64_t k = 0; k < n; k++) d[v[k]] += w[k];
    return 0;
}

/* Unweighted counting in one pass: the table grows as larger values appear (the
 * result is trimmed to the largest value seen), so no separate min/max pass.  While
 * small the table keeps NSUB interleaved counters per value (lane k % NSUB), so runs
 * of one value do not wait on their own stores. */
#define LANES_MAX_CAP (1 << 16)

typedef struct {
    int64_t *tab;
    int64_t cap;        /* values 0 .. cap-1 fit */
    int lanes;          /* NSUB or 1 */
    size_t bytes;
    bool negative;
} grow_state;

static int grow_to(grow_state *g, int64_t need) {
    int64_t cap = g->cap > 0 ? g->cap : 1;
    while (cap < need) cap = cap > INT64_MAX / 2 ? need : cap * 2;
    if (g->lanes > 1 && cap > LANES_MAX_CAP) {
        /* fold the lanes: one counter per value from now on */
        for (int64_t v = 0; v < g->cap; v++) {
            int64_t t = 0;
            for (int l = 0; l < g->lanes; l++) t += g->tab[v * g->lanes + l];
            g->tab[v] = t;
        }
        g->lanes = 1;
    }
    int64_t cells;
    if (!nd__mul_ok(cap, g->lanes, &cells) || cells > INT64_MAX / 8) { nd__nomem(); return -1; }
    size_t nb = (size_t)cells * sizeof(int64_t);
    int64_t *t = nd__realloc(g->tab, g->bytes, nb);
    if (!t) { nd__nomem(); return -1; }
    size_t used = (size_t)(g->cap * g->lanes) * sizeof(int64_t);
    memset((char *)t + used, 0, nb - used);
    g->tab = t;
    g->bytes = nb;
    g->cap = cap;
    return 0;
}

static int grow_chunk(const void *vals, int64_t n, int64_t pos, void *ud) {
    grow_state *g = ud;
    const int64_t *v = vals;
    int64_t k = 0;
    while (k < n) {
        int64_t *t = g->tab;
        uint64_t cap = (uint64_t)g->cap;
        if (g->lanes == NSUB) {
            for (; k + 4 <= n; k += 4) {
                uint64_t a = (uint64_t)v[k], b = (uint64_t)v[k + 1], c = (uint64_t)v[k + 2], d = (uint64_t)v[k + 3];
                if ((a | b | c | d) >= cap) break; /* any too large or negative */
                t[a * NSUB]++;
                t[b * NSUB + 1]++;
                t[c * NSUB + 2]++;
                t[d * NSUB + 3]++;
            }
        } else {
            for (; k < n && (uint64_t)v[k] < cap; k++) t[v[k]]++;
        }
        /* the element(s) the fast loop stopped at, one by one */
        int64_t stop = k + 4 < n ? k + 4 : n;
        for (; k < stop; k++) {
            int64_t x = v[k];
            if (x < 0) { g->negative = true; return -1; }
            if (x >= g->cap && grow_to(g, x + 1) < 0) return -1;
            g->tab[x * g->lanes + (g->lanes > 1 ? (pos + k) % NSUB : 0)]++;
        }
    }
    return 0;
}

static nd_array *bincount_fused(const nd_array *x, int64_t minlength) {
    grow_state g = { .lanes = NSUB };
    if (grow_to(&g, minlength > 1024 ? minlength : 1024) < 0) return NULL;
    int rc = nd__hist_walk(x, ND_INT64, grow_chunk, &g);
    nd_array *res = NULL;
    if (rc == 0) {
        int64_t mx = g.cap - 1;
        for (; mx >= 0; mx--) {
            int64_t t = 0;
            for (int l = 0; l < g.lanes; l++) t |= g.tab[mx * g.lanes + l];
            if (t) break;
        }
        int64_t size = mx + 1 > minlength ? mx + 1 : minlength;
        res = nd__new(ND_INT64, 1, &size, 'C', false);
        if (res) {
            int64_t *r = (int64_t *)res->data;
            for (int64_t v = 0; v < size; v++) {
                int64_t t = 0;
                for (int l = 0; l < g.lanes; l++) t += g.tab[v * g.lanes + l];
                r[v] = t;
            }
        }
    } else if (g.negative) {
        nd__err(ND_ERR_VALUE, "'list' argument must have no negative elements");
    }
    nd__free(g.tab, g.bytes);
    return res;
}

nd_array *nd_bincount_ex(const nd_array *x, const nd_bincount_opts *o) {
    static const nd_bincount_opts defaults = { 0 };
    if (!o) o = &defaults;
    if (!x) return nd__err(ND_ERR_VALUE, "bincount: x is NULL");
    /* NumPy converts x to intp: integers (and bool) are forced, anything else must cast safely */
    if (nd__hist_check_1d(x) < 0) return NULL; /* the depth first, as NumPy */
    if (!nd_dtype_is_integer(x->dtype) && !nd_dtype_is_bool(x->dtype))
        return nd__hist_cast_error(x->dtype, ND_INT64);
    if (o->minlength < 0) return nd__err(ND_ERR_VALUE, "'minlength' must not be negative");
    int64_t len = nd_size(x);
    if (len == 0) return nd_zeros(ND_SHAPE(o->minlength), .dtype = ND_INT64);
    if (!o->weights) return bincount_fused(x, o->minlength);

    nd__hist_irange mm = { INT64_MAX, INT64_MIN };
    if (nd__hist_walk(x, ND_INT64, nd__hist_irange_chunk, &mm) < 0) return NULL;
    if (mm.mn < 0) return nd__err(ND_ERR_VALUE, "'list' argument must have no negative elements");
    int64_t size = mm.mx + 1 > o->minlength ? mm.mx + 1 : o->minlength;
    /* weights: cast safely to float64, 1-d, as long as x */
    const nd_array *w = o->weights;
    if (!nd__is_numeric(w->dtype) || nd_dtype_is_complex(w->dtype))
        return nd__hist_cast_error(w->dtype, ND_FLOAT64);
    if (nd__hist_check_1d(w) < 0) return NULL;
    if (nd_size(w) != len) return nd__err(ND_ERR_VALUE, "The weights and list don't have the same length.");
    nd_array *wflat = nd__hist_flat(w, ND_FLOAT64);
    if (!wflat) return NULL;
    nd_array *res = nd_zeros(ND_SHAPE(size), .dtype = ND_FLOAT64);
    wsum_state ws = { (const double *)wflat->data, res ? (double *)res->data : NULL };
    if (res && nd__hist_walk(x, ND_INT64, wsum_chunk, &ws) < 0) { nd_free(res); res = NULL; }
    nd_free(wflat);
    return res;
}

/* ---------------------------------------------------------------- digitize */

/* searchsorted in the three compare types NumPy's common dtype can come down to */
#define HT int64_t
#define HS i64
#define HLT(a, b) ((a) < (b))
#include "stats/hist_search.inc"
#define HT uint64_t
#define HS u64
#define HLT(a, b) ((a) < (b))
#include "stats/hist_search.inc"
#define HT double
#define HS f64
#define HLT(a, b) nd__hist_lt((a), (b))
#include "stats/hist_search.inc"

/* NumPy's monotonicity test on the bins as float64: 1 increasing, -1 decreasing, 0
 * neither (repeated leading values are skipped; NaN compares false both ways). */
static int monotonicity(const double *a, int64_t n) {
    if (n == 0) return 1;
    double last = a[0];
    int64_t i = 1;
    while (i < n && a[i] == last) i++;
    if (i == n) return 1;
    double next = a[i];
    if (last < next) {
        for (i++; i < n; i++) {
            last = next;
            next = a[i];
            if (last > next) return 0;
        }
        return 1;
    }
    for (i++; i < n; i++) {
        last = next;
        next = a[i];
        if (last < next) return 0;
    }
    return -1;
}

/* A contiguous copy of the 1-d bins in dtype `to`, reversed when asked. */
static nd_array *bins_as(const nd_array *bins, const nd_dtype_t *to, bool reverse) {
    nd_array *src = NULL;
    if (reverse) {
        src = nd_get(bins, "::-1");
        if (!src) return NULL;
    }
    nd_array *r = nd__hist_flat(src ? src : bins, to);
    nd_free(src);
    return r;
}

nd_array *nd_digitize_ex(const nd_array *x, const nd_array *bins, const nd_digitize_opts *o) {
    static const nd_digitize_opts defaults = { 0 };
    if (!o) o = &defaults;
    if (!x || !bins) return nd__err(ND_ERR_VALUE, "digitize: x and bins must not be NULL");
    if (nd_dtype_is_complex(x->dtype)) return nd__err(ND_ERR_TYPE, "x may not be complex");
    if (!nd__is_numeric(x->dtype))
        return nd__err(ND_ERR_TYPE, "digitize: x of dtype %s is not supported", nd_dtype_name(x->dtype));
    /* the monotonicity test converts the bins to float64 (safely) */
    if (!nd__is_numeric(bins->dtype) || nd_dtype_is_complex(bins->dtype))
        return nd__hist_cast_error(bins->dtype, ND_FLOAT64);
    if (nd__hist_check_1d(bins) < 0) return NULL;
    nd_array *bd = nd__hist_flat(bins, ND_FLOAT64);
    if (!bd) return NULL;
    int mono = monotonicity((const double *)bd->data, nd_size(bd));
    nd_free(bd);
    if (mono == 0) return nd__err(ND_ERR_VALUE, "bins must be monotonically increasing or decreasing");

    /* searchsorted compares in the common dtype: exact integers when that is an
     * integer type, else float64 (which holds float16/32 exactly) */
    const nd_dtype_t *common = nd_promote_types(bins->dtype, x->dtype);
    if (!common) return NULL;
    const nd_dtype_t *ct = ND_FLOAT64;
    if (nd_dtype_is_integer(common) || nd_dtype_is_bool(common))
        ct = nd_dtype_type(common) == ND_TYPE_UINT64 ? ND_UINT64 : ND_INT64;
    nd_dtype_free(common);

    nd_array *res = nd__new(ND_INT64, x->ndim, x->shape, 'C', false);
    if (!res) return NULL;
    nd_array *arr = bins_as(bins, ct, mono < 0);
    if (!arr) { nd_free(res); return NULL; }
    int64_t len = nd_size(arr);
    int rc = 0;
    if (len == 0) {
        memset(res->data, 0, (size_t)nd_size(res) * sizeof(int64_t));
    } else {
        /* side is swapped: digitize(right=False) is searchsorted(side='right') */
        bool side_right = !o->right, rev = mono < 0;
        int64_t *out = (int64_t *)res->data;
        switch (ct->type) {
        case ND_TYPE_INT64: {
            search_state_i64 s = { (const int64_t *)arr->data, len, side_right, 0, len, 0, false, out, rev };
            rc = nd__hist_walk(x, ct, search_sorted_i64(s.arr, len) ? search_fast_chunk_i64 : search_chunk_i64, &s);
            break;
        }
        case ND_TYPE_UINT64: {
            search_state_u64 s = { (const uint64_t *)arr->data, len, side_right, 0, len, 0, false, out, rev };
            rc = nd__hist_walk(x, ct, search_sorted_u64(s.arr, len) ? search_fast_chunk_u64 : search_chunk_u64, &s);
            break;
        }
        default: {
            search_state_f64 s = { (const double *)arr->data, len, side_right, 0, len, 0, false, out, rev };
            rc = nd__hist_walk(x, ct, search_sorted_f64(s.arr, len) ? search_fast_chunk_f64 : search_chunk_f64, &s);
            break;
        }
        }
    }
    nd_free(arr);
    if (rc < 0) { nd_free(res); return NULL; }
    return res;
}
