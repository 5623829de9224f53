/* np.histogramdd and np.histogram2d: per-dimension edges, the right-side bin of each
 * coordinate (values on a last edge moved into the last bin), one flat count over the
 * grid with an outlier bin at both ends of every dimension, then the inner block. */
#include "stats/hist_complex.h"

#include <stdio.h>

static const nd_dtype_t *ct_dtype(nd__ct ct) {
    return ct == ND__CT16 ? ND_FLOAT16 : ct == ND__CT32 ? ND_FLOAT32 : ND_FLOAT64;
}

/* The edges of dimension i from the options (NumPy's checks and messages). */
static nd_array *dim_edges(int i, const nd_array *col, const nd_histogramdd_opts *o) {
    const nd_array *e = o->edges[i];
    if (e) {
        if (e->ndim != 1)
            return nd__err(ND_ERR_VALUE, "`bins[%d]` must be a scalar or 1d array", i);
        if (!nd__is_numeric(e->dtype))
            return nd__err(ND_ERR_NOT_SUPPORTED, "histogramdd: edges of dtype %s are not supported",
                           nd_dtype_name(e->dtype));
        bool ok = true;
        if (nd_dtype_is_complex(e->dtype)) {
            int dec = nd__hist_cdecreasing(e);
            if (dec < 0) return NULL;
            ok = !dec;
        } else {
            nd_array *d = nd__hist_flat(e, ND_FLOAT64);
            if (!d) return NULL;
            const double *v = (const double *)d->data;
            for (int64_t k = 0, n = nd_size(d); k + 1 < n && ok; k++) ok = !(v[k] > v[k + 1]);
            nd_free(d);
        }
        if (!ok) return nd__err(ND_ERR_VALUE, "`bins[%d]` must be monotonically increasing, when an array", i);
        return nd_copy(e, 'C');
    }
    int64_t c = o->bins_dim[i] ? o->bins_dim[i] : o->bins ? o->bins : 10;
    if (c < 1) return nd__err(ND_ERR_VALUE, "`bins[%d]` must be positive, when an integer", i);
    nd__outer out;
    if (nd__hist_outer(col, o->range[i], &out) < 0) return NULL;
    /* np.linspace(smin, smax, n + 1): its own result type (complex for complex data
     * without a range) */
    const nd_dtype_t *edt = out.cedges ? (out.cct == ND__CT32 ? ND_COMPLEX64 : ND_COMPLEX128) : ct_dtype(out.ct);
    return nd__hist_outer_edges(&out, c + 1, edt);
}

typedef struct {
    bool ints, flip;
    const double *ed;
    const int64_t *ei;
    int64_t len;         /* edges */
    int64_t stride;      /* of this dimension in the flat grid */
    int64_t *xy;         /* flat grid index per sample */
} dd_state;

static int dd_chunk_f(const void *vals, int64_t m, int64_t pos, void *ud) {
    dd_state *s = ud;
    const double *v = vals;
    double last = s->ed[s->len - 1];
    for (int64_t k = 0; k < m; k++) {
        int64_t i = nd__hist_upper_f(s->ed, s->len, v[k]);
        i -= v[k] == last;
        s->xy[pos + k] += i * s->stride;
    }
    return 0;
}

static int dd_chunk_i(const void *vals, int64_t m, int64_t pos, void *ud) {
    dd_state *s = ud;
    const int64_t *v = vals;
    uint64_t fl = s->flip ? UINT64_C(1) << 63 : 0;
    int64_t last = s->ei[s->len - 1];
    for (int64_t k = 0; k < m; k++) {
        int64_t x = (int64_t)((uint64_t)v[k] ^ fl);
        int64_t i = nd__hist_upper_i(s->ei, s->len, x);
        i -= x == last;
        s->xy[pos + k] += i * s->stride;
    }
    return 0;
}

/* np.sum of the (non-contiguous) core as NumPy reduces it: buffered, so a pairwise sum
 * over the values in C order (in chunks of NumPy's buffer size). */
static nd_array *numpy_sum(const nd_array *v) {
    nd_array *c = nd_copy(v, 'C');
    if (!c) return NULL;
    double acc = nd__pairwise_f64(0.0, c->data, nd_size(c), 8);
    nd_free(c);
    nd_array *r = nd__new(ND_FLOAT64, 0, NULL, 'C', false);
    if (r) *(double *)r->data = acc;
    return r;
}

/* Add dimension `col`'s bin numbers (times stride) into xy. */
static int dd_digitize(const nd_array *col, const nd_array *edges, int64_t stride, int64_t *xy) {
    const nd_dtype_t *common = nd_promote_types(col->dtype, edges->dtype);
    if (!common) return -1;
    if (nd_dtype_is_complex(common)) {
        nd_dtype_free(common);
        return nd__hist_cdigitize(col, edges, stride, xy);
    }
    dd_state s = { .len = nd_size(edges), .stride = stride, .xy = xy };
    s.ints = nd_dtype_is_integer(common) || nd_dtype_is_bool(common);
    s.flip = common->type == ND_TYPE_UINT64;
    nd_dtype_free(common);
    const nd_dtype_t *kt = s.ints ? (s.flip ? ND_UINT64 : ND_INT64) : ND_FLOAT64;
    nd_array *ek = nd__hist_flat(edges, kt);
    if (!ek) return -1;
    int rc;
    if (s.ints) {
        int64_t *e = (int64_t *)ek->data;
        if (s.flip) for (int64_t j = 0; j < s.len; j++) e[j] = (int64_t)((uint64_t)e[j] ^ (UINT64_C(1) << 63));
        s.ei = e;
        rc = nd__hist_walk(col, kt, dd_chunk_i, &s);
    } else {
        s.ed = (const double *)ek->data;
        rc = nd__hist_walk(col, kt, dd_chunk_f, &s);
    }
    nd_free(ek);
    return rc;
}

/* The histogram of D columns of N values each (one dtype). */
static int dd_core(int D, nd_array *const *cols, int64_t N, const nd_histogramdd_opts *o,
                   nd_array **hist_out, nd_array **edges_out) {
    nd_array *edges[ND_MAXDIMS] = { 0 };
    int64_t nbin[ND_MAXDIMS], total = 1;
    int64_t *xy = NULL;
    nd_array *full = NULL, *hist = NULL, *wf = NULL;
    int rc = -1;
    for (int i = 0; i < D; i++) {
        edges[i] = dim_edges(i, cols[i], o);
        if (!edges[i]) goto done;
        nbin[i] = nd_size(edges[i]) + 1;
    }
    /* np.ravel_multi_index(Ncount, nbin): its iterator takes D + 1 operands (at most 64) */
    if (D + 1 > ND_MAXDIMS) {
        nd__err(ND_ERR_VALUE, "too many dimensions passed to ravel_multi_index");
        goto done;
    }
    for (int i = 0; i < D; i++)
        if (!nd__mul_ok(total, nbin[i], &total)) {
            nd__err(ND_ERR_VALUE, "invalid dims: array size defined by dims is larger than the maximum possible size.");
            goto done;
        }
    for (int i = 0; i < D; i++)
        if (nbin[i] < 2) { nd__err(ND_ERR_RUNTIME, "Internal Shape Error"); goto done; }
    xy = nd__calloc(N ? (size_t)N : 1, sizeof(int64_t));
    if (!xy) { nd__nomem(); goto done; }
    int64_t stride = 1;
    for (int i = D - 1; i >= 0; i--) {
        if (dd_digitize(cols[i], edges[i], stride, xy) < 0) goto done;
        stride *= nbin[i];
    }
    /* np.bincount(xy, weights, minlength=prod(nbin)) */
    const nd_array *w = o->weights;
    if (w && N > 0) {
        if (!nd__is_numeric(w->dtype) || nd_dtype_is_complex(w->dtype)) { nd__hist_cast_error(w->dtype, ND_FLOAT64); goto done; }
        if (nd__hist_check_1d(w) < 0) goto done;
        if (nd_size(w) != N) { nd__err(ND_ERR_VALUE, "The weights and list don't have the same length."); goto done; }
        wf = nd__hist_flat(w, ND_FLOAT64);
        if (!wf) goto done;
    }
    full = nd__new(ND_FLOAT64, D, nbin, 'C', true);
    if (!full) goto done;
    double *f = (double *)full->data;
    if (wf) {
        const double *wv = (const double *)wf->data;
        for (int64_t r = 0; r < N; r++) f[xy[r]] += wv[r];
    } else {
        /* integer counts are exact in float64 up to 2^53 samples per bin */
        for (int64_t r = 0; r < N; r++) f[xy[r]] += 1.0;
    }
    /* the inner block (outlier bins dropped) */
    nd_index idx[ND_MAXDIMS];
    for (int i = 0; i < D; i++) idx[i] = ND_S(1, -1, 1);
    nd_array *core = nd_index_get(full, D, idx);
    if (!core) goto done;
    if (o->density) {
        nd_array *s = numpy_sum(core);
        hist = s ? nd_copy(core, 'C') : NULL;
        for (int i = 0; i < D && hist; i++) {
            nd_array *hi = nd_get(edges[i], "1:"), *lo = nd_get(edges[i], ":-1");
            nd_array *de = hi && lo ? nd_subtract(hi, lo) : NULL;
            int64_t shp[ND_MAXDIMS];
            for (int k = 0; k < D; k++) shp[k] = k == i ? nbin[i] - 2 : 1;
            nd_array *der = de ? nd_reshape_ex(de, (nd_shape_t){ D, shp }, 'C') : NULL;
            nd_array *q = der ? nd_divide(hist, der) : NULL;
            nd_free(hi); nd_free(lo); nd_free(de); nd_free(der);
            nd_free(hist);
            hist = q;
        }
        if (hist && !nd_divide(hist, s, .out = hist)) { nd_free(hist); hist = NULL; }
        nd_free(s);
    } else {
        hist = nd_copy(core, 'C');
    }
    nd_free(core);
    if (!hist) goto done;
    rc = 0;
done:
    if (xy) nd__free(xy, N ? (size_t)N * sizeof(int64_t) : sizeof(int64_t));
    nd_free(full);
    nd_free(wf);
    for (int i = 0; i < D; i++) {
        if (rc == 0 && edges_out) edges_out[i] = edges[i];
        else nd_free(edges[i]);
    }
    if (rc == 0) *hist_out = hist;
    return rc;
}

static int check_sample_dtype(const nd_dtype_t *d) {
    if (!nd__is_numeric(d)) {
        nd__err(ND_ERR_TYPE, "histogram: data of dtype %s is not supported", nd_dtype_name(d));
        return -1;
    }
    return 0;
}

int nd_histogramdd_ex(const nd_array *sample, nd_array **hist, nd_array **edges, const nd_histogramdd_opts *o) {
    static const nd_histogramdd_opts defaults = { 0 };
    if (!o) o = &defaults;
    if (!sample || !hist) { nd__err(ND_ERR_VALUE, "histogramdd: sample and hist must not be NULL"); return -1; }
    if (check_sample_dtype(sample->dtype) < 0) return -1;
    if (sample->ndim > 2 || sample->ndim == 0) {
        nd__err(ND_ERR_VALUE, sample->ndim ? "too many values to unpack (expected 2)" : "not enough values to unpack (expected 2, got 1)");
        return -1;
    }
    int64_t N = sample->shape[0];
    int64_t D = sample->ndim == 2 ? sample->shape[1] : 1;
    if (D > ND_MAXDIMS) { /* NumPy's np.ravel_multi_index(..., dims=nbin) rejects the dims */
        nd__err(ND_ERR_VALUE, "maximum supported dimension for an ndarray is currently %d, found %lld", ND_MAXDIMS,
                (long long)D);
        return -1;
    }
    if (D == 0) { nd__err(ND_ERR_VALUE, "histogramdd: the sample has no dimensions"); return -1; }
    nd_array *cols[ND_MAXDIMS] = { 0 };
    int rc = -1;
    for (int i = 0; i < D; i++) {
        cols[i] = sample->ndim == 2 ? nd_get(sample, ":, %d", i) : nd_ref((nd_array *)sample);
        if (!cols[i]) goto done;
    }
    rc = dd_core((int)D, cols, N, o, hist, edges);
done:
    for (int i = 0; i < D; i++) nd_free(cols[i]);
    return rc;
}

/* histogram2d's bins=array of two entries: per-dimension counts (NumPy reads it so). */
static int count_from(const nd_array *e, int i, int64_t *c) {
    int64_t at[1] = { i };
    nd_idx idx = { e->ndim ? 1 : 0, at };
    double x = nd_item_double(e, idx);
    if (x < 1) { nd__err(ND_ERR_VALUE, "`bins[%d]` must be positive, when an integer", i); return -1; }
    if (!nd_dtype_is_integer(e->dtype) && !nd_dtype_is_bool(e->dtype)) {
        nd__err(ND_ERR_TYPE, "`bins[%d]` must be an integer, when a scalar", i);
        return -1;
    }
    *c = nd_item_int(e, idx);
    return 0;
}

int nd_histogram2d_ex(const nd_array *x, const nd_array *y, nd_array **hist, nd_array **xedges,
                      nd_array **yedges, const nd_histogram2d_opts *o) {
    static const nd_histogram2d_opts defaults = { 0 };
    if (!o) o = &defaults;
    if (!x || !y || !hist) { nd__err(ND_ERR_VALUE, "histogram2d: x, y and hist must not be NULL"); return -1; }
    if (x->ndim != 1 || y->ndim != 1) { nd__err(ND_ERR_VALUE, "histogram2d: x and y must be 1-d"); return -1; }
    if (x->shape[0] != y->shape[0]) {
        nd__err(ND_ERR_VALUE, "x and y must have the same length.");
        return -1;
    }
    if (check_sample_dtype(x->dtype) < 0 || check_sample_dtype(y->dtype) < 0) return -1;
    nd_histogramdd_opts d = { .bins = o->bins, .density = o->density, .weights = o->weights };
    d.range[0] = o->range[0];
    d.range[1] = o->range[1];
    for (int i = 0; i < 2; i++) {
        d.bins_dim[i] = o->bins_xy[i];
        d.edges[i] = o->edges_xy[i];
    }
    if (o->edges) {
        const nd_array *e = o->edges;
        int64_t L = e->ndim == 0 ? -1 : nd_size(e);
        if (e->ndim > 1 || L > 2 || L == 0) {
            d.edges[0] = d.edges[1] = e;
        } else if (L == 1) {
            nd__err(ND_ERR_VALUE, "The dimension of bins must be equal to the dimension of the sample x.");
            return -1;
        } else {
            for (int i = 0; i < 2; i++)
                if (count_from(e, L == 2 ? i : 0, &d.bins_dim[i]) < 0) return -1;
        }
    }
    /* NumPy stacks x and y into one array: one common dtype */
    const nd_dtype_t *common = nd_promote_types(x->dtype, y->dtype);
    if (!common) return -1;
    nd_array *cols[2] = { nd_astype(x, common, .no_copy = true), nd_astype(y, common, .no_copy = true) };
    nd_dtype_free(common);
    int rc = -1;
    nd_array *edges[2] = { 0 };
    if (cols[0] && cols[1]) rc = dd_core(2, cols, x->shape[0], &d, hist, edges);
    nd_free(cols[0]);
    nd_free(cols[1]);
    if (rc < 0) return -1;
    if (xedges) *xedges = edges[0]; else nd_free(edges[0]);
    if (yedges) *yedges = edges[1]; else nd_free(edges[1]);
    return 0;
}
