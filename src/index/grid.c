/* Index generators: diag_indices, tril/triu_indices, unravel_index,
 * ravel_multi_index, indices, meshgrid, ix_, mgrid/ogrid. */
#include "index/index_priv.h"

#include <ctype.h>
#include <errno.h>

static nd_array *arange_i64(int64_t n) {
    nd_array *r = nd__new(ND_INT64, 1, &n, 'C', false);
    if (r) for (int64_t k = 0; k < n; k++) ((int64_t *)r->data)[k] = k;
    return r;
}

static void free_n(nd_array **a, int n) {
    for (int k = 0; k < n; k++) { nd_free(a[k]); a[k] = NULL; }
}

int nd_diag_indices(int64_t n, int ndim, nd_array **out) {
    if (!out) return nd_error_set(ND_ERR_VALUE, "diag_indices: out must not be NULL");
    if (n < 0) return nd_error_set(ND_ERR_VALUE, "negative dimensions are not allowed");
    if (ndim < 0 || ndim > ND_MAXDIMS) return nd_error_set(ND_ERR_VALUE, "diag_indices: bad ndim");
    for (int k = 0; k < ndim; k++)
        if (!(out[k] = arange_i64(n))) { free_n(out, k); return -1; }
    return ndim;
}

static int tri_indices(int64_t n, nd_array **rows, nd_array **cols, const nd_tri_indices_opts *o, bool lower) {
    if (!rows || !cols) return nd_error_set(ND_ERR_VALUE, "tri_indices: outputs must not be NULL");
    nd_tri_indices_opts d0 = { 0 };
    if (!o) o = &d0;
    int64_t m = (o->m || o->m_set) ? o->m : n, k = o->k;
    if (n < 0 || m < 0) return nd_error_set(ND_ERR_VALUE, "negative dimensions are not allowed");
    /* per row i: lower keeps j <= i + k, upper keeps j >= i + k */
    int64_t cnt = 0;
    for (int64_t i = 0; i < n; i++) {
        int64_t lo = lower ? 0 : (i + k < 0 ? 0 : i + k), hi = lower ? (i + k + 1 > m ? m : i + k + 1) : m;
        if (hi > lo) cnt += hi - lo;
    }
    nd_array *r = nd__new(ND_INT64, 1, &cnt, 'C', false), *c = nd__new(ND_INT64, 1, &cnt, 'C', false);
    if (!r || !c) { nd_free(r); nd_free(c); return -1; }
    int64_t *rp = (int64_t *)r->data, *cp = (int64_t *)c->data, t = 0;
    for (int64_t i = 0; i < n; i++) {
        int64_t lo = lower ? 0 : (i + k < 0 ? 0 : i + k), hi = lower ? (i + k + 1 > m ? m : i + k + 1) : m;
        for (int64_t j = lo; j < hi; j++) { rp[t] = i; cp[t] = j; t++; }
    }
    *rows = r;
    *cols = c;
    return 0;
}

int nd_tril_indices_ex(int64_t n, nd_array **rows, nd_array **cols, const nd_tri_indices_opts *o) {
    return tri_indices(n, rows, cols, o, true);
}
int nd_triu_indices_ex(int64_t n, nd_array **rows, nd_array **cols, const nd_tri_indices_opts *o) {
    return tri_indices(n, rows, cols, o, false);
}

/* ------------------------------------------------------ unravel / ravel */

int nd_unravel_index(const nd_array *indices, nd_shape_t shape, char order, nd_array **out) {
    if (!indices || !out) return nd_error_set(ND_ERR_VALUE, "unravel_index: arguments must not be NULL");
    if (order == 0) order = 'C';
    if (order != 'C' && order != 'F') return nd_error_set(ND_ERR_VALUE, "only 'C' or 'F' order is permitted");
    if (!nd_dtype_is_integer(indices->dtype)) return nd_error_set(ND_ERR_TYPE, "only int indices permitted");
    int nd = shape.ndim;
    if (nd < 0 || nd > ND_MAXDIMS || (nd && !shape.dims)) return nd_error_set(ND_ERR_VALUE, "unravel_index: bad shape");
    for (int d = 0; d < nd; d++)
        if (shape.dims[d] < 0) return nd_error_set(ND_ERR_VALUE, "dimensions must be non-negative");
    int64_t size = nd__shape_size(nd, shape.dims);
    if (size < 0) return -1;
    nd_array *idx = nd_astype(indices, ND_INT64, .order = 'C');
    if (!idx) return -1;
    int64_t n = nd_size(idx);
    const int64_t *ip = (const int64_t *)idx->data;
    for (int64_t k = 0; k < n; k++)
        if (ip[k] < 0 || ip[k] >= size) {
            long long bad = (long long)ip[k];
            nd_free(idx);
            return nd_error_set(ND_ERR_VALUE, "index %lld is out of bounds for array with size %lld", bad, (long long)size);
        }
    for (int d = 0; d < nd; d++)
        if (!(out[d] = nd__new(ND_INT64, idx->ndim, idx->shape, 'C', false))) { free_n(out, d); nd_free(idx); return -1; }
    for (int64_t k = 0; k < n; k++) {
        int64_t v = ip[k];
        for (int e = 0; e < nd; e++) {
            int d = order == 'C' ? nd - 1 - e : e;
            ((int64_t *)out[d]->data)[k] = v % shape.dims[d];
            v /= shape.dims[d];
        }
    }
    nd_free(idx);
    return nd;
}

typedef struct rmi_ctx {
    int n;
    int64_t dims[ND_MAXDIMS], mult[ND_MAXDIMS];
    nd_clipmode modes[ND_MAXDIMS];
} rmi_ctx;

/* ptrs: 0 out, 1.. the coordinates (int64). */
static int rmi_loop(char **p, int64_t cnt, const int64_t *s, void *ud) {
    const rmi_ctx *c = ud;
    for (int64_t k = 0; k < cnt; k++) {
        int64_t flat = 0;
        for (int d = 0; d < c->n; d++) {
            int64_t v = *(const int64_t *)(p[1 + d] + k * s[1 + d]), m = c->dims[d];
            if (v < 0 || v >= m) {
                if (c->modes[d] == ND_CLIPMODE_RAISE) return nd_error_set(ND_ERR_VALUE, "invalid entry in coordinates array");
                if (c->modes[d] == ND_CLIPMODE_WRAP) { v %= m; if (v < 0) v += m; }
                else v = v < 0 ? 0 : m - 1;
            }
            flat += v * c->mult[d];
        }
        *(int64_t *)(p[0] + k * s[0]) = flat;
    }
    return 0;
}

nd_array *nd_ravel_multi_index_ex(int n, const nd_array *const *multi_index, nd_shape_t dims,
                                  const nd_ravel_multi_index_opts *o) {
    nd_ravel_multi_index_opts d0 = { 0 };
    if (!o) o = &d0;
    if (n < 0 || (n && !multi_index) || dims.ndim < 0 || (dims.ndim && !dims.dims))
        return nd__err(ND_ERR_VALUE, "ravel_multi_index: bad arguments");
    if (n != dims.ndim) return nd__err(ND_ERR_VALUE, "parameter multi_index must be a sequence of length %d", dims.ndim);
    if (n + 1 > ND_ITER_MAXOP) return nd__err(ND_ERR_NOT_SUPPORTED, "ravel_multi_index: at most %d dimensions", ND_ITER_MAXOP - 1);
    char order = o->order ? o->order : 'C';
    if (order != 'C' && order != 'F') return nd__err(ND_ERR_VALUE, "only 'C' or 'F' order is permitted");
    rmi_ctx c = { n };
    int64_t m = 1;
    for (int e = 0; e < n; e++) {
        int d = order == 'C' ? n - 1 - e : e;
        if (dims.dims[d] < 0) return nd__err(ND_ERR_VALUE, "dimensions must be non-negative");
        c.dims[d] = dims.dims[d];
        c.mult[d] = m;
        if (!nd__mul_ok(m, dims.dims[d], &m))
            return nd__err(ND_ERR_VALUE, "invalid dims: array size defined by dims is larger than the maximum possible size.");
        c.modes[d] = o->modes ? o->modes[d] : o->mode;
        if (c.modes[d] != ND_CLIPMODE_RAISE && c.modes[d] != ND_CLIPMODE_WRAP && c.modes[d] != ND_CLIPMODE_CLIP)
            return nd__err(ND_ERR_VALUE, "clipmode must be one of 'clip', 'raise', or 'wrap'");
    }
    nd_array *ops[ND_ITER_MAXOP] = { NULL }, *r = NULL;
    bool ok = true;
    for (int d = 0; ok && d < n; d++) {
        if (!multi_index[d]) { nd__err(ND_ERR_VALUE, "ravel_multi_index: NULL array"); ok = false; break; }
        if (!nd_dtype_is_integer(multi_index[d]->dtype)) { nd__err(ND_ERR_TYPE, "only int indices permitted"); ok = false; break; }
        ok = (ops[1 + d] = nd_astype(multi_index[d], ND_INT64)) != NULL;
    }
    int nd;
    int64_t shape[ND_MAXDIMS], st[ND_ITER_MAXOP][ND_MAXDIMS];
    if (ok && nd__broadcast(n, (const nd_array *const *)ops + 1, &nd, shape, st) == 0 &&
        (r = nd__new(ND_INT64, nd, shape, 'C', false))) {
        ops[0] = r;
        if (nd__iter_run(n + 1, (const nd_array *const *)ops, false, rmi_loop, &c) < 0) { nd_free(r); r = NULL; }
    }
    for (int d = 1; d <= n; d++) nd_free(ops[d]);
    return r;
}

/* --------------------------------------------------------------- indices */

/* arange(n) of dtype dt shaped (1, .., n, .., 1) with n at axis `ax` of nd. */
static nd_array *axis_arange(int64_t n, int ax, int nd, const nd_dtype_t *dt) {
    nd_array *r0 = arange_i64(n), *r = NULL;
    if (!r0) return NULL;
    nd_array *rc = nd_dtype_equal(dt, ND_INT64) ? nd_ref(r0) : nd_astype(r0, dt);
    nd_free(r0);
    if (!rc) return NULL;
    int64_t shape[ND_MAXDIMS];
    for (int d = 0; d < nd; d++) shape[d] = d == ax ? n : 1;
    r = nd_reshape(rc, ((nd_shape_t){ nd, shape }));
    nd_free(rc);
    return r;
}

int nd_indices_ex(nd_shape_t dimensions, nd_array **out, const nd_indices_opts *o) {
    if (!out) return nd_error_set(ND_ERR_VALUE, "indices: out must not be NULL");
    nd_indices_opts d0 = { 0 };
    if (!o) o = &d0;
    const nd_dtype_t *dt = o->dtype ? o->dtype : ND_INT64;
    int nd = dimensions.ndim;
    if (nd < 0 || nd >= ND_MAXDIMS || (nd && !dimensions.dims)) return nd_error_set(ND_ERR_VALUE, "indices: bad dimensions");
    for (int d = 0; d < nd; d++)
        if (dimensions.dims[d] < 0) return nd_error_set(ND_ERR_VALUE, "negative dimensions are not allowed");
    if (o->sparse) {
        for (int d = 0; d < nd; d++)
            if (!(out[d] = axis_arange(dimensions.dims[d], d, nd, dt))) { free_n(out, d); return -1; }
        return nd;
    }
    int64_t shape[ND_MAXDIMS];
    shape[0] = nd;
    for (int d = 0; d < nd; d++) shape[d + 1] = dimensions.dims[d];
    nd_array *r = nd__new(dt, nd + 1, shape, 'C', false);
    if (!r) return -1;
    for (int d = 0; d < nd; d++) {
        nd_index it = ND_I(d);
        nd_array *dst = nd_index_get(r, 1, &it), *src = axis_arange(dimensions.dims[d], d, nd, dt);
        int rc = dst && src ? nd__assign(dst, src) : -1;
        nd_free(dst); nd_free(src);
        if (rc < 0) { nd_free(r); return -1; }
    }
    out[0] = r;
    return 1;
}

/* -------------------------------------------------------- meshgrid, ix_ */

int nd_meshgrid_ex(int n, const nd_array *const *xi, nd_array **out, const nd_meshgrid_opts *o) {
    if (n < 0 || (n && (!xi || !out))) return nd_error_set(ND_ERR_VALUE, "meshgrid: bad arguments");
    nd_meshgrid_opts d0 = { 0 };
    if (!o) o = &d0;
    char ix = o->indexing ? o->indexing : 'x';
    if (ix != 'x' && ix != 'i') return nd_error_set(ND_ERR_VALUE, "Valid values for `indexing` are 'xy' and 'ij'.");
    if (n > ND_MAXDIMS) return nd_error_set(ND_ERR_VALUE, "meshgrid: too many arrays");
    nd_array *tmp[ND_MAXDIMS] = { NULL };
    int64_t shape[ND_MAXDIMS];
    for (int i = 0; i < n; i++) {
        if (!xi[i]) { free_n(tmp, i); return nd_error_set(ND_ERR_VALUE, "meshgrid: NULL array"); }
        for (int d = 0; d < n; d++) shape[d] = 1;
        int pos = i;
        if (ix == 'x' && n > 1 && i < 2) pos = 1 - i;
        shape[pos] = -1;
        if (!(tmp[i] = nd_reshape(xi[i], ((nd_shape_t){ n, shape })))) { free_n(tmp, i); return -1; }
    }
    int rc = 0;
    if (!o->sparse) {
        nd_array *b[ND_MAXDIMS];
        rc = nd_broadcast_arrays(n, tmp, b);
        free_n(tmp, n);
        if (rc < 0) return -1;
        for (int i = 0; i < n; i++) tmp[i] = b[i];
    }
    for (int i = 0; i < n; i++) {
        if (o->no_copy) { out[i] = tmp[i]; tmp[i] = NULL; continue; }
        if (!(out[i] = nd_copy(tmp[i], 'C'))) { free_n(out, i); free_n(tmp, n); return -1; }
    }
    free_n(tmp, n);
    return 0;
}

int nd_ix(int n, const nd_array *const *seqs, nd_array **out) {
    if (n < 0 || (n && (!seqs || !out))) return nd_error_set(ND_ERR_VALUE, "ix_: bad arguments");
    if (n > ND_MAXDIMS) return nd_error_set(ND_ERR_VALUE, "ix_: too many arrays");
    for (int k = 0; k < n; k++) {
        const nd_array *s = seqs[k];
        nd_array *v = NULL;
        if (!s) { free_n(out, k); return nd_error_set(ND_ERR_VALUE, "ix_: NULL array"); }
        if (s->ndim != 1) { free_n(out, k); return nd_error_set(ND_ERR_VALUE, "Cross index must be 1 dimensional"); }
        if (s->dtype->type == ND_TYPE_BOOL) { if (nd_nonzero(s, &v) < 0) v = NULL; }
        else if (nd_size(s) == 0) v = nd_astype(s, ND_INT64);
        else v = nd_ref((nd_array *)s);
        int64_t shape[ND_MAXDIMS];
        for (int d = 0; d < n; d++) shape[d] = d == k ? -1 : 1;
        out[k] = v ? nd_reshape(v, ((nd_shape_t){ n, shape })) : NULL;
        nd_free(v);
        if (!out[k]) { free_n(out, k); return -1; }
    }
    return 0;
}

/* ------------------------------------------------------------ mgrid */

typedef struct grid_axis { double start, stop, step; bool count; } grid_axis;

static bool grid_num(const char **sp, double *v, bool *present, bool *is_float, bool *imag, const char *text) {
    const char *s = *sp;
    while (isspace((unsigned char)*s)) s++;
    *present = false;
    if (*s && (isdigit((unsigned char)*s) || *s == '-' || *s == '+' || *s == '.')) {
        char *end;
        errno = 0;
        *v = strtod(s, &end);
        if (end == s) { nd__err(ND_ERR_VALUE, "mgrid: cannot parse \"%s\"", text); return false; }
        for (const char *t = s; t < end; t++)
            if (*t == '.' || *t == 'e' || *t == 'E' || *t == 'n' || *t == 'i') *is_float = true;
        s = end;
        if (*s == 'j' || *s == 'J') { if (imag) *imag = true; else { nd__err(ND_ERR_VALUE, "mgrid: only the step may be complex (\"%s\")", text); return false; } s++; }
        *present = true;
    }
    while (isspace((unsigned char)*s)) s++;
    *sp = s;
    return true;
}

static int grid_parse(const char *text, grid_axis *ax, bool *is_float) {
    if (!text) return nd_error_set(ND_ERR_VALUE, "mgrid: text must not be NULL");
    const char *s = text;
    int n = 0;
    *is_float = false;
    for (;;) {
        if (n >= ND_MAXDIMS) return nd_error_set(ND_ERR_VALUE, "mgrid: too many slices");
        grid_axis g = { 0, 0, 1, false };
        bool has, imag = false;
        if (!grid_num(&s, &g.start, &has, is_float, NULL, text)) return -1;
        if (*s != ':') return nd_error_set(ND_ERR_VALUE, "mgrid: expected start:stop[:step] in \"%s\"", text);
        s++;
        if (!grid_num(&s, &g.stop, &has, is_float, NULL, text)) return -1;
        if (!has) return nd_error_set(ND_ERR_VALUE, "mgrid: a stop is required in \"%s\"", text);
        if (*s == ':') {
            s++;
            if (!grid_num(&s, &g.step, &has, is_float, &imag, text)) return -1;
            if (!has) g.step = 1;
            if (imag) { g.count = true; *is_float = true; }
        }
        ax[n++] = g;
        if (*s == 0) break;
        if (*s != ',') return nd_error_set(ND_ERR_VALUE, "mgrid: cannot parse \"%s\"", text);
        s++;
    }
    return n;
}

/* Length and the value at k of one axis (NumPy's rule: k * step + start). */
static int64_t grid_len(grid_axis *g) {
    if (g->count) {
        int64_t num = (int64_t)fabs(g->step);
        if (num != 1) g->step = (g->stop - g->start) / (double)(num - 1);
        else g->step = 1;
        return num;
    }
    if (g->step == 0) return 0;
    double len = ceil((g->stop - g->start) / g->step);
    return len > 0 ? (int64_t)len : 0;
}

static nd_array *grid_axis_array(const grid_axis *g, int64_t len, int ax, int nd, bool is_float, bool open) {
    int64_t shape[ND_MAXDIMS];
    for (int d = 0; d < nd; d++) shape[d] = open && d != ax ? 1 : (d == ax ? len : 1);
    nd_array *r = nd__new(is_float ? ND_FLOAT64 : ND_INT64, nd, shape, 'C', false);
    if (!r) return NULL;
    for (int64_t k = 0; k < len; k++) {
        if (is_float) ((double *)r->data)[k] = (double)k * g->step + g->start;
        else ((int64_t *)r->data)[k] = k * (int64_t)g->step + (int64_t)g->start;
    }
    return r;
}

nd_array *nd_mgrid(const char *slices) {
    grid_axis ax[ND_MAXDIMS];
    bool is_float;
    int n = grid_parse(slices, ax, &is_float);
    if (n < 0) return NULL;
    int64_t len[ND_MAXDIMS], shape[ND_MAXDIMS + 1];
    for (int d = 0; d < n; d++) len[d] = grid_len(&ax[d]);
    if (n == 1) return grid_axis_array(&ax[0], len[0], 0, 1, is_float, false);
    shape[0] = n;
    memcpy(shape + 1, len, (size_t)n * sizeof(int64_t));
    nd_array *r = nd__new(is_float ? ND_FLOAT64 : ND_INT64, n + 1, shape, 'C', false);
    if (!r) return NULL;
    for (int d = 0; d < n; d++) {
        nd_index it = ND_I(d);
        nd_array *dst = nd_index_get(r, 1, &it), *src = grid_axis_array(&ax[d], len[d], d, n, is_float, true);
        int rc = dst && src ? nd__assign(dst, src) : -1;
        nd_free(dst); nd_free(src);
        if (rc < 0) { nd_free(r); return NULL; }
    }
    return r;
}

int nd_ogrid(const char *slices, nd_array **out) {
    if (!out) return nd_error_set(ND_ERR_VALUE, "ogrid: out must not be NULL");
    grid_axis ax[ND_MAXDIMS];
    bool is_float;
    int n = grid_parse(slices, ax, &is_float);
    if (n < 0) return -1;
    for (int d = 0; d < n; d++) {
        int64_t len = grid_len(&ax[d]);
        if (!(out[d] = grid_axis_array(&ax[d], len, d, n, is_float, true))) { free_n(out, d); return -1; }
    }
    return n;
}
