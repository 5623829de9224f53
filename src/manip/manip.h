/* Private helpers shared by the files of src/manip. */
#ifndef ND_MANIP_PRIV_H
#define ND_MANIP_PRIV_H

#include "core/internal.h"

/* A view of a along `axis` restricted to [start, start + len) with step `step`
 * (step may be negative: start is then the first index visited). */
static inline nd_array *nd__m_range(const nd_array *a, int axis, int64_t start, int64_t len, int64_t step) {
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    memcpy(shape, a->shape, (size_t)a->ndim * sizeof(int64_t));
    memcpy(strides, a->strides, (size_t)a->ndim * sizeof(int64_t));
    shape[axis] = len;
    strides[axis] = a->strides[axis] * step;
    char *data = len > 0 ? a->data + start * a->strides[axis] : a->data;
    return nd__view(a, a->dtype, a->ndim, shape, strides, data);
}

/* dst[axis: dstart..dstart+len) = src[axis: sstart..sstart+len) (step sstep). 0 / -1. */
static inline int nd__m_copy_range(nd_array *dst, int64_t dstart, const nd_array *src, int axis,
                                   int64_t sstart, int64_t len, int64_t sstep) {
    if (len <= 0) return 0;
    nd_array *d = nd__m_range(dst, axis, dstart, len, 1);
    nd_array *s = d ? nd__m_range(src, axis, sstart, len, sstep) : NULL;
    int r = s ? nd__assign(d, s) : -1;
    nd_free(d);
    nd_free(s);
    return r;
}

/* axis normalisation with an optional message prefix ("source: "), as NumPy's
 * normalize_axis_index(axis, ndim, msg_prefix). */
static inline int nd__m_axis(int axis, int ndim, const char *prefix) {
    if (axis < -ndim || axis >= ndim) {
        nd__err(ND_ERR_AXIS, "%saxis %d is out of bounds for array of dimension %d", prefix ? prefix : "", axis, ndim);
        return -1;
    }
    return axis < 0 ? axis + ndim : axis;
}

/* The flattened a (a view when possible). */
static inline nd_array *nd__m_flat(const nd_array *a) { return nd_ravel(a, 'C'); }

#endif
