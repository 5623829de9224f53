/* Views with computed strides: diagonal, fill_diagonal, as_strided,
 * sliding_window_view. */
#include "index/index_priv.h"

/* ------------------------------------------------------------- diagonal */

nd_array *nd_diagonal_ex(const nd_array *a, const nd_diagonal_opts *o) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_diagonal_opts d0 = { 0 };
    if (!o) o = &d0;
    if (a->ndim < 2) return nd__err(ND_ERR_VALUE, "diag requires an array of at least two dimensions");
    if (o->axes.n != 0 && o->axes.n != 2) return nd__err(ND_ERR_VALUE, "diagonal: .axes takes two axes (axis1, axis2)");
    int a1 = o->axes.n ? o->axes.v[0] : 0, a2 = o->axes.n ? o->axes.v[1] : 1;
    if ((a1 = nd__check_axis(a1, a->ndim)) < 0 || (a2 = nd__check_axis(a2, a->ndim)) < 0) return NULL;
    if (a1 == a2) return nd__err(ND_ERR_VALUE, "axis1 and axis2 cannot be the same");
    int64_t n1 = a->shape[a1], n2 = a->shape[a2], off = o->offset, len;
    char *data = a->data;
    if (off >= 0) {
        len = off >= n2 ? 0 : (n1 < n2 - off ? n1 : n2 - off);
        if (len > 0) data += off * a->strides[a2];
    } else {
        len = -off >= n1 ? 0 : (n1 + off < n2 ? n1 + off : n2);
        if (len > 0) data -= off * a->strides[a1];
    }
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    int nd = 0;
    for (int k = 0; k < a->ndim; k++) {
        if (k == a1 || k == a2) continue;
        shape[nd] = a->shape[k];
        strides[nd++] = a->strides[k];
    }
    shape[nd] = len;
    strides[nd++] = a->strides[a1] + a->strides[a2];
    nd_array *v = nd__view(a, a->dtype, nd, shape, strides, data);
    if (v) nd_set_writeable(v, false);
    return v;
}

/* ---------------------------------------------------------- fill_diagonal */

int nd_fill_diagonal_array(nd_array *a, const nd_array *val, bool wrap) {
    if (!a || !val) return nd_error_set(ND_ERR_VALUE, "fill_diagonal: arrays must not be NULL");
    if (a->ndim < 2) return nd_error_set(ND_ERR_VALUE, "array must be at least 2-d");
    if (!nd__check_writeable(a)) return -1;
    int64_t size = nd_size(a), step, end;
    if (a->ndim == 2) {
        step = a->shape[1] + 1;
        end = wrap ? size : a->shape[1] * a->shape[1];
        if (end > size) end = size;
    } else {
        for (int k = 1; k < a->ndim; k++)
            if (a->shape[k] != a->shape[0]) return nd_error_set(ND_ERR_VALUE, "All dimensions of input must be of equal length");
        step = 1;
        int64_t p = 1;
        for (int k = 0; k < a->ndim - 1; k++) { p *= a->shape[k]; step += p; }
        end = size;
    }
    nd_array *vc = nd_dtype_equal(val->dtype, a->dtype) ? nd_ref((nd_array *)val) : nd_astype(val, a->dtype);
    nd_array *vf = vc ? nd_flatten(vc, 'C') : NULL;
    nd_free(vc);
    if (!vf) return -1;
    int64_t nv = nd_size(vf), isz = a->dtype->itemsize, j = 0;
    if (nv == 0) { nd_free(vf); return 0; }
    for (int64_t f = 0; f < end; f += step, j++) {
        char *dst = a->data;
        int64_t g = f;
        for (int d = a->ndim - 1; d >= 0; d--) { dst += (g % a->shape[d]) * a->strides[d]; g /= a->shape[d]; }
        memcpy(dst, vf->data + (j % nv) * isz, (size_t)isz);
    }
    nd_free(vf);
    return 0;
}

int nd_fill_diagonal_ex(nd_array *a, nd_value val, bool wrap) {
    if (!a) return nd_error_set(ND_ERR_VALUE, "fill_diagonal: array must not be NULL");
    nd_array *v = nd__scalar_array(val, a->dtype);
    if (!v) return -1;
    int r = nd_fill_diagonal_array(a, v, wrap);
    nd_free(v);
    return r;
}

/* ------------------------------------------------------------ as_strided */

/* Byte span [lo, hi) relative to data of a view of that geometry; false on overflow. */
static bool span_of(int ndim, const int64_t *shape, const int64_t *strides, int64_t isz, int64_t *lo, int64_t *hi) {
    int64_t l = 0, h = 0;
    for (int k = 0; k < ndim; k++) {
        if (shape[k] == 0) { *lo = *hi = 0; return true; }
        int64_t span;
        if (!nd__mul_ok(shape[k] - 1, strides[k], &span)) return false;
        if (span < 0) { if (!nd__add_ok(l, span, &l)) return false; }
        else if (!nd__add_ok(h, span, &h)) return false;
    }
    *lo = l;
    return nd__add_ok(h, isz, hi);
}

nd_array *nd_as_strided_ex(const nd_array *x, nd_shape_t shape, nd_shape_t strides, const nd_as_strided_opts *o) {
    if (!x) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_as_strided_opts d0 = { 0 };
    if (!o) o = &d0;
    if (shape.ndim < 0 || shape.ndim > ND_MAXDIMS || (shape.ndim && !shape.dims))
        return nd__err(ND_ERR_VALUE, "as_strided: invalid shape");
    bool keep = strides.ndim < 0;
    if ((keep ? x->ndim : strides.ndim) != shape.ndim || (!keep && strides.ndim && !strides.dims))
        return nd__err(ND_ERR_VALUE, "mismatch in length of strides and shape");
    const int64_t *st = keep ? x->strides : strides.dims;
    for (int k = 0; k < shape.ndim; k++)
        if (shape.dims[k] < 0) return nd__err(ND_ERR_VALUE, "negative dimensions are not allowed");
    if (nd__shape_size(shape.ndim, shape.dims) < 0) return NULL;
    if (!o->unchecked) {
        /* the view's bytes must lie inside the memory the array belongs to */
        const nd_array *owner = x->base ? x->base : x;
        char *blo, *bhi;
        nd__extent(owner, &blo, &bhi);
        int64_t lo, hi, off = x->data - blo, cap = bhi - blo;
        bool ok = span_of(shape.ndim, shape.dims, st, x->dtype->itemsize, &lo, &hi);
        if (ok && hi > lo) ok = off + lo >= 0 && off + hi <= cap;
        if (!ok) {
            char b1[512], b2[512];
            return nd__err(ND_ERR_VALUE, "as_strided: a view of shape %s and strides %s would reach outside the "
                           "array's memory (%lld bytes); pass .unchecked = true to allow it",
                           nd__shape_str(b1, sizeof b1, shape.ndim, shape.dims),
                           nd__shape_str(b2, sizeof b2, shape.ndim, st), (long long)cap);
        }
    }
    nd_array *v = nd__view(x, x->dtype, shape.ndim, shape.dims, st, x->data);
    if (v && o->readonly) nd_set_writeable(v, false);
    return v;
}

/* ------------------------------------------------------ sliding windows */

nd_array *nd_sliding_window_view_ex(const nd_array *x, nd_shape_t window_shape, const nd_sliding_window_opts *o) {
    if (!x) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_sliding_window_opts d0 = { 0 };
    if (!o) o = &d0;
    int nw = window_shape.ndim;
    if (nw < 0 || (nw && !window_shape.dims)) return nd__err(ND_ERR_VALUE, "sliding_window_view: invalid window_shape");
    int axes[ND_MAXDIMS];
    if (o->axis.n == 0) {
        if (nw != x->ndim)
            return nd__err(ND_ERR_VALUE, "Since axis is `None`, must provide window_shape for all dimensions of `x`; "
                           "got %d window_shape elements and `x.ndim` is %d.", nw, x->ndim);
        for (int k = 0; k < nw; k++) axes[k] = k;
    } else {
        if (o->axis.n != nw)
            return nd__err(ND_ERR_VALUE, "Must provide matching length window_shape and axis; got %d window_shape "
                           "elements and %d axes elements.", nw, o->axis.n);
        for (int k = 0; k < nw; k++)
            if ((axes[k] = nd__check_axis(o->axis.v[k], x->ndim)) < 0) return NULL;
    }
    for (int k = 0; k < nw; k++)
        if (window_shape.dims[k] < 0) return nd__err(ND_ERR_VALUE, "`window_shape` cannot contain negative values");
    if (x->ndim + nw > ND_MAXDIMS) return nd__err(ND_ERR_VALUE, "sliding_window_view: too many dimensions");
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    for (int k = 0; k < x->ndim; k++) { shape[k] = x->shape[k]; strides[k] = x->strides[k]; }
    for (int k = 0; k < nw; k++) {
        int64_t w = window_shape.dims[k];
        if (shape[axes[k]] < w) return nd__err(ND_ERR_VALUE, "window shape cannot be larger than input array shape");
        shape[axes[k]] -= w - 1;
        shape[x->ndim + k] = w;
        strides[x->ndim + k] = x->strides[axes[k]];
    }
    nd_array *v = nd__view(x, x->dtype, x->ndim + nw, shape, strides, x->data);
    if (v && !o->writeable) nd_set_writeable(v, false);
    return v;
}
