/* searchsorted: a and v meet in their common dtype; the kernels (kernels.c) search
 * contiguous buffers. */
#include "sort/sort_priv.h"

/* arr as a C-contiguous array of dtype d: a new handle on arr itself when it already is. */
static nd_array *contiguous_as(const nd_array *arr, const nd_dtype_t *d) {
    if (nd_dtype_equal(arr->dtype, d) && (arr->flags & ND_C_CONTIGUOUS)) return nd_ref((nd_array *)arr);
    return nd_astype(arr, d, .order = 'C');
}

/* The sorter as contiguous int64 with every entry checked to lie in [0, n). */
static nd_array *check_sorter(const nd_array *s, int64_t n) {
    if (s->ndim != 1) return nd__err(ND_ERR_TYPE, "could not parse sorter argument");
    if (!nd_dtype_is_integer(s->dtype) && !nd_dtype_is_bool(s->dtype))
        return nd__err(ND_ERR_TYPE, "sorter must only contain integers");
    if (!nd_can_cast(s->dtype, ND_INT64, ND_CASTING_SAFE))
        return nd__err(ND_ERR_TYPE, "sorter must only contain integers");
    if (s->shape[0] != n) return nd__err(ND_ERR_VALUE, "sorter.size must equal a.size");
    nd_array *r = contiguous_as(s, ND_INT64);
    if (!r) return NULL;
    const int64_t *p = (const int64_t *)r->data;
    for (int64_t i = 0; i < n; i++)
        if ((uint64_t)p[i] >= (uint64_t)n) { nd_free(r); return nd__err(ND_ERR_VALUE, "Sorter index out of range."); }
    return r;
}

nd_array *nd_searchsorted_ex(const nd_array *a, const nd_array *v, const nd_searchsorted_opts *o) {
    if (!a || !v) return nd__err(ND_ERR_VALUE, "arrays must not be NULL");
    if (a->ndim == 0) return nd__err(ND_ERR_VALUE, "object of too small depth for desired array");
    if (a->ndim > 1) return nd__err(ND_ERR_VALUE, "object too deep for desired array");
    nd_side side = o ? o->side : ND_SIDE_LEFT;
    if (side != ND_SIDE_LEFT && side != ND_SIDE_RIGHT)
        return nd__err(ND_ERR_VALUE, "side must be 'left' or 'right' (got %d)", (int)side);
    const nd_dtype_t *d = nd_dtype_equal(a->dtype, v->dtype) ? nd_dtype_ref(a->dtype)
                                                              : nd_promote_types(a->dtype, v->dtype);
    if (!d) return NULL;
    const nd__sort_kernels *k = nd__sort_kernels_for(d);
    nd_array *ac = NULL, *vc = NULL, *sc = NULL, *out = NULL;
    if (!k) goto fail;
    if (o && o->sorter && !(sc = check_sorter(o->sorter, a->shape[0]))) goto fail;
    if (!(ac = contiguous_as(a, d)) || !(vc = contiguous_as(v, d))) goto fail;
    if (!(out = nd__new(ND_INT64, v->ndim, v->shape, 'C', false))) goto fail;
    if (k->search(ac->data, ac->shape[0], sc ? (const int64_t *)sc->data : NULL, vc->data, nd_size(vc),
                  (int64_t *)out->data, side == ND_SIDE_RIGHT, d->itemsize) < 0) {
        nd_free(out);
        goto fail;
    }
    nd_free(ac);
    nd_free(vc);
    nd_free(sc);
    nd_dtype_free(d);
    return out;
fail:
    nd_free(ac);
    nd_free(vc);
    nd_free(sc);
    nd_dtype_free(d);
    return NULL;
}
