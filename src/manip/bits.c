/* packbits / unpackbits: the axis is moved last and made contiguous (as bool for
 * packing), rows are packed or unpacked into a contiguous temporary, which is then
 * assigned back through a moved view of the result. */
#include "manip/manip.h"

/* The input as rows along the chosen axis: a C-contiguous array of dtype dt whose
 * last axis is the work axis.  *axis receives the normalised axis (-1: flattened). */
static nd_array *rows_of(const nd_array *a, const nd_bits_opts *o, const nd_dtype_t *dt, int *axis) {
    if (!o || o->axis.n == 0) {
        *axis = -1;
        nd_array *f = nd_ravel(a, 'C');
        nd_array *r = f ? nd_astype(f, dt, .order = 'C') : NULL;
        nd_free(f);
        return r;
    }
    *axis = nd__check_axis(o->axis.v[0], a->ndim);
    if (*axis < 0) return NULL;
    nd_array *m = nd_moveaxis(a, ND_AXIS(*axis), ND_AXIS(-1));
    nd_array *r = m ? nd_astype(m, dt, .order = 'C') : NULL;
    nd_free(m);
    return r;
}

/* Put the contiguous rows P (work axis last) into a new uint8 array whose `axis` has
 * the rows' length. */
static nd_array *place(const nd_array *a, nd_array *P, int axis) {
    if (axis < 0) return nd_ref(P);
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, a->shape, (size_t)a->ndim * sizeof(int64_t));
    shape[axis] = P->shape[P->ndim - 1];
    nd_array *res = nd__new(ND_UINT8, a->ndim, shape, 'C', false);
    nd_array *v = res ? nd_moveaxis(res, ND_AXIS(axis), ND_AXIS(-1)) : NULL;
    int rc = v ? nd__assign(v, P) : -1;
    nd_free(v);
    if (rc < 0) { nd_free(res); return NULL; }
    return res;
}

nd_array *nd_packbits_ex(const nd_array *a, const nd_bits_opts *o) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (a->dtype->kind != 'b' && a->dtype->kind != 'i' && a->dtype->kind != 'u')
        return nd__err(ND_ERR_TYPE, "Expected an input array of integer or boolean data type");
    int axis;
    nd_array *B = rows_of(a, o, ND_BOOL, &axis);
    if (!B) return NULL;
    int nd = B->ndim;
    int64_t L = B->shape[nd - 1], nb = (L + 7) / 8, shape[ND_MAXDIMS];
    memcpy(shape, B->shape, (size_t)nd * sizeof(int64_t));
    shape[nd - 1] = nb;
    nd_array *P = nd__new(ND_UINT8, nd, shape, 'C', true), *res = NULL;
    if (P) {
        int64_t rows = L ? nd_size(B) / L : 0;
        bool little = o && o->little;
        const uint8_t *s = (const uint8_t *)B->data;
        uint8_t *d = (uint8_t *)P->data;
        for (int64_t r = 0; r < rows; r++, s += L, d += nb)
            for (int64_t i = 0; i < L; i++)
                if (s[i]) d[i >> 3] |= (uint8_t)(little ? 1u << (i & 7) : 0x80u >> (i & 7));
        res = place(a, P, axis);
    }
    nd_free(P);
    nd_free(B);
    return res;
}

nd_array *nd_unpackbits_ex(const nd_array *a, const nd_bits_opts *o) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (a->dtype->type != ND_TYPE_UINT8)
        return nd__err(ND_ERR_TYPE, "Expected an input array of unsigned byte data type");
    int axis;
    nd_array *B = rows_of(a, o, ND_UINT8, &axis);
    if (!B) return NULL;
    int nd = B->ndim;
    int64_t L = B->shape[nd - 1], nbits = 8 * L, shape[ND_MAXDIMS];
    if (o && o->has_count) {
        if (o->count < 0) {
            if (-o->count > nbits) { nd_free(B); return nd__err(ND_ERR_VALUE, "-count larger than number of elements"); }
            nbits += o->count;
        } else {
            nbits = o->count;
        }
    }
    memcpy(shape, B->shape, (size_t)nd * sizeof(int64_t));
    shape[nd - 1] = nbits;
    nd_array *P = nd__new(ND_UINT8, nd, shape, 'C', true), *res = NULL;
    if (P) {
        int64_t rows = 1;
        for (int i = 0; i < nd - 1; i++) rows *= B->shape[i];
        bool little = o && o->little;
        int64_t keep = nbits < 8 * L ? nbits : 8 * L;
        const uint8_t *s = (const uint8_t *)B->data;
        uint8_t *d = (uint8_t *)P->data;
        for (int64_t r = 0; r < rows && nbits; r++, s += L, d += nbits)
            for (int64_t i = 0; i < keep; i++)
                d[i] = (s[i >> 3] >> (little ? (i & 7) : 7 - (i & 7))) & 1;
        res = place(a, P, axis);
    }
    nd_free(P);
    nd_free(B);
    return res;
}
