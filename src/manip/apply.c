/* apply_along_axis and apply_over_axes with C callbacks. */
#include "manip/manip.h"

nd_array *nd_apply_along_axis(nd_apply_fn func1d, int axis, const nd_array *arr, void *userdata) {
    if (!func1d || !arr) return nd__err(ND_ERR_VALUE, "function and array must not be NULL");
    int nd = arr->ndim;
    int ax = nd__check_axis(axis, nd);
    if (ax < 0) return NULL;
    /* the input with the work axis last, read-only for the callback */
    nd_array *in = nd_moveaxis(arr, ND_AXIS(ax), ND_AXIS(-1));
    if (!in) return NULL;
    in->flags &= ~ND_WRITEABLE;
    int64_t outer[ND_MAXDIMS], count = 1;
    for (int i = 0; i < nd - 1; i++) { outer[i] = in->shape[i]; count *= outer[i]; }
    if (count == 0) { nd_free(in); return nd__err(ND_ERR_VALUE, "Cannot apply_along_axis when any iteration dimensions are 0"); }
    nd_array *buf = NULL, *res = NULL;
    int rnd = 0;
    int64_t idx[ND_MAXDIMS] = { 0 };
    for (int64_t k = 0; k < count; k++) {
        /* the 1-d view at the current outer index (C order) */
        char *p = in->data;
        for (int i = 0; i < nd - 1; i++) p += idx[i] * in->strides[i];
        nd_array *x = nd__view(in, in->dtype, 1, in->shape + nd - 1, in->strides + nd - 1, p);
        if (!x) goto fail;
        x->flags &= ~ND_WRITEABLE;
        nd_array *r = func1d(x, userdata);
        nd_free(x);
        if (!r) {
            if (nd_error() == ND_OK) nd__err(ND_ERR_VALUE, "apply_along_axis: the function returned NULL");
            goto fail;
        }
        if (k == 0) { /* buffer: outer shape + the result's shape */
            rnd = r->ndim;
            if (nd - 1 + rnd > ND_MAXDIMS) { nd_free(r); nd__err(ND_ERR_VALUE, "too many dimensions"); goto fail; }
            int64_t bs[ND_MAXDIMS];
            memcpy(bs, outer, (size_t)(nd - 1) * sizeof(int64_t));
            memcpy(bs + nd - 1, r->shape, (size_t)rnd * sizeof(int64_t));
            buf = nd__new(r->dtype, nd - 1 + rnd, bs, 'C', false);
            if (!buf) { nd_free(r); goto fail; }
        }
        int64_t cell = nd_size(buf) / count;
        nd_array *slot = nd__view(buf, buf->dtype, rnd, buf->shape + nd - 1, buf->strides + nd - 1,
                                  buf->data + k * cell * buf->dtype->itemsize);
        int rc = slot ? nd__assign(slot, r) : -1;
        nd_free(slot);
        nd_free(r);
        if (rc < 0) goto fail;
        for (int i = nd - 2; i >= 0; i--) { if (++idx[i] < outer[i]) break; idx[i] = 0; }
    }
    /* the result's axes go where the input axis was */
    int perm[ND_MAXDIMS], q = 0;
    for (int i = 0; i < ax; i++) perm[q++] = i;
    for (int i = 0; i < rnd; i++) perm[q++] = nd - 1 + i;
    for (int i = ax; i < nd - 1; i++) perm[q++] = i;
    res = nd_transpose(buf, perm);
fail:
    nd_free(buf);
    nd_free(in);
    return res;
}

nd_array *nd_apply_over_axes(nd_apply_axis_fn func, const nd_array *a, nd_axes axes, void *userdata) {
    if (!func || !a) return nd__err(ND_ERR_VALUE, "function and array must not be NULL");
    nd_array *cur = nd_ref((nd_array *)a);
    int N = a->ndim;
    for (int i = 0; i < axes.n; i++) {
        int axis = axes.v[i] < 0 ? axes.v[i] + N : axes.v[i];
        nd_array *res = func(cur, axis, userdata);
        if (!res) {
            if (nd_error() == ND_OK) nd__err(ND_ERR_VALUE, "apply_over_axes: the function returned NULL");
            nd_free(cur);
            return NULL;
        }
        if (res->ndim != cur->ndim) {
            nd_array *e = nd_expand_dims(res, ND_AXIS(axis));
            nd_free(res);
            if (!e) { nd_free(cur); return NULL; }
            res = e;
            if (res->ndim != cur->ndim) {
                nd_free(res);
                nd_free(cur);
                return nd__err(ND_ERR_VALUE, "function is not returning an array of the correct shape");
            }
        }
        nd_free(cur);
        cur = res;
    }
    return cur;
}
