/* Views that change shape: reshape, ravel, transpose, swapaxes, expand_dims,
 * squeeze, broadcasting. */
#include "core/internal.h"

/* NumPy's rule for reshaping without a copy: group old and new axes into runs of
 * equal size; each old run must be contiguous in the order asked for. */
static bool nocopy_strides(const nd_array *a, int nnew, const int64_t *newdims, bool f_order,
                           int64_t *newstrides) {
    int64_t olddims[ND_MAXDIMS], oldstrides[ND_MAXDIMS];
    int oldnd = 0;
    for (int i = 0; i < a->ndim; i++)
        if (a->shape[i] != 1) { olddims[oldnd] = a->shape[i]; oldstrides[oldnd] = a->strides[i]; oldnd++; }
    int oi = 0, oj = 1, ni = 0, nj = 1;
    while (ni < nnew && oi < oldnd) {
        int64_t np_ = newdims[ni], op = olddims[oi];
        while (np_ != op) {
            if (np_ < op) np_ *= newdims[nj++];
            else op *= olddims[oj++];
        }
        for (int ok = oi; ok < oj - 1; ok++) {
            if (f_order) { if (oldstrides[ok + 1] != olddims[ok] * oldstrides[ok]) return false; }
            else if (oldstrides[ok] != olddims[ok + 1] * oldstrides[ok + 1]) return false;
        }
        if (f_order) {
            newstrides[ni] = oldstrides[oi];
            for (int nk = ni + 1; nk < nj; nk++) newstrides[nk] = newstrides[nk - 1] * newdims[nk - 1];
        } else {
            newstrides[nj - 1] = oldstrides[oj - 1];
            for (int nk = nj - 1; nk > ni; nk--) newstrides[nk - 1] = newstrides[nk] * newdims[nk];
        }
        ni = nj++;
        oi = oj++;
    }
    /* remaining new axes have length 1: any stride will do */
    int64_t last = ni > 0 ? (f_order ? newstrides[ni - 1] * newdims[ni - 1] : newstrides[ni - 1]) : a->dtype->itemsize;
    for (int nk = ni; nk < nnew; nk++) newstrides[nk] = last;
    return true;
}

/* The requested shape as NumPy's reshape error prints it: leading unknown (negative)
 * extents left out, later ones spelled "newaxis": (3,newaxis), (0), (3,). */
static const char *reshape_str(char *buf, size_t cap, int n, const int64_t *dims) {
    int i = 0, len;
    while (i < n && dims[i] < 0) i++;
    if (i == n) { snprintf(buf, cap, "()"); return buf; }
    len = snprintf(buf, cap, "(%lld", (long long)dims[i]);
    for (i++; i < n && len > 0 && (size_t)len < cap; i++)
        len += dims[i] < 0 ? snprintf(buf + len, cap - (size_t)len, ",newaxis")
                           : snprintf(buf + len, cap - (size_t)len, ",%lld", (long long)dims[i]);
    if (len > 0 && (size_t)len < cap) snprintf(buf + len, cap - (size_t)len, n == 1 ? ",)" : ")");
    return buf;
}

nd_array *nd_reshape_ex(const nd_array *a, nd_shape_t shape, char order) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (shape.ndim < 0 || shape.ndim > ND_MAXDIMS || (shape.ndim && !shape.dims))
        return nd__err(ND_ERR_VALUE, "invalid shape");
    if (order == 'A') order = (a->flags & ND_F_CONTIGUOUS) && !(a->flags & ND_C_CONTIGUOUS) ? 'F' : 'C';
    if (order != 'C' && order != 'F') return nd__err(ND_ERR_VALUE, "order must be one of 'C', 'F', 'A'");
    int64_t dims[ND_MAXDIMS], known = 1, size = nd_size(a);
    int unknown = -1;
    char buf[512];
    for (int i = 0; i < shape.ndim; i++) {
        dims[i] = shape.dims[i];
        if (dims[i] < 0) { /* NumPy takes any negative extent as the unknown one */
            if (unknown >= 0) return nd__err(ND_ERR_VALUE, "can only specify one unknown dimension");
            unknown = i;
        } else if (!nd__mul_ok(known, dims[i], &known)) {
            return nd__err(ND_ERR_VALUE, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
        }
    }
    if (unknown >= 0) {
        if (known == 0 || size % known)
            return nd__err(ND_ERR_VALUE, "cannot reshape array of size %lld into shape %s", (long long)size,
                           reshape_str(buf, sizeof buf, shape.ndim, shape.dims));
        dims[unknown] = size / known;
        known = size;
    }
    if (known != size)
        return nd__err(ND_ERR_VALUE, "cannot reshape array of size %lld into shape %s", (long long)size,
                       reshape_str(buf, sizeof buf, shape.ndim, shape.dims));
    int64_t strides[ND_MAXDIMS];
    if (size == 0 || nocopy_strides(a, shape.ndim, dims, order == 'F', strides)) {
        if (size == 0) { /* fresh contiguous strides */
            int64_t s = a->dtype->itemsize;
            if (order == 'F') for (int i = 0; i < shape.ndim; i++) { strides[i] = s; __builtin_mul_overflow(s, dims[i] ? dims[i] : 1, &s); }
            else for (int i = shape.ndim - 1; i >= 0; i--) { strides[i] = s; __builtin_mul_overflow(s, dims[i] ? dims[i] : 1, &s); }
        }
        return nd__view(a, a->dtype, shape.ndim, dims, strides, a->data);
    }
    nd_array *c = nd_copy(a, order);
    if (!c) return NULL;
    nd_array *r = nd_reshape_ex(c, (nd_shape_t){ shape.ndim, dims }, order);
    nd_free(c);
    return r;
}

/* If a's elements fill a contiguous block in some order of its axes with positive
 * strides, the 1-d view of that block in memory order; else NULL (no error). */
static nd_array *memory_order_view(const nd_array *a) {
    int64_t size = nd_size(a), isz = a->dtype->itemsize;
    int64_t st[ND_MAXDIMS], sh[ND_MAXDIMS];
    int n = 0;
    for (int i = 0; i < a->ndim; i++) {
        if (a->shape[i] == 1) continue;
        if (a->strides[i] <= 0) return NULL;
        st[n] = a->strides[i];
        sh[n++] = a->shape[i];
    }
    for (int i = 1; i < n; i++) /* sort by stride ascending */
        for (int j = i; j > 0 && st[j] < st[j - 1]; j--) {
            int64_t t = st[j]; st[j] = st[j - 1]; st[j - 1] = t;
            t = sh[j]; sh[j] = sh[j - 1]; sh[j - 1] = t;
        }
    int64_t expect = isz;
    for (int i = 0; i < n; i++) {
        if (st[i] != expect) return NULL;
        expect *= sh[i];
    }
    return nd__view(a, a->dtype, 1, &size, &isz, a->data);
}

nd_array *nd_ravel(const nd_array *a, char order) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    int64_t size = nd_size(a), isz = a->dtype->itemsize;
    if (!order) order = 'C';
    if (order == 'A') order = (a->flags & ND_F_CONTIGUOUS) && !(a->flags & ND_C_CONTIGUOUS) ? 'F' : 'C';
    if (order == 'C' && (a->flags & ND_C_CONTIGUOUS)) return nd__view(a, a->dtype, 1, &size, &isz, a->data);
    if (order == 'F' && (a->flags & ND_F_CONTIGUOUS)) return nd__view(a, a->dtype, 1, &size, &isz, a->data);
    if (order == 'K') {
        nd_array *v = memory_order_view(a);
        if (v || nd_error() == ND_ERR_MEMORY) return v;
    } else if (order != 'C' && order != 'F') {
        return nd__err(ND_ERR_VALUE, "order must be one of 'C', 'F', 'A', or 'K' (got '%c')", order);
    }
    nd_array *c = nd_copy(a, order);
    if (!c) return NULL;
    nd_array *r = order == 'K' ? memory_order_view(c) : nd__view(c, c->dtype, 1, &size, &isz, c->data);
    nd_free(c);
    return r;
}

nd_array *nd_flatten(const nd_array *a, char order) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (!order) order = 'C';
    nd_array *c = nd_copy(a, order);
    if (!c) return NULL;
    nd_array *r = order == 'K' ? memory_order_view(c) : nd_ravel(c, order == 'A' ? 'A' : order);
    nd_free(c);
    return r;
}

nd_array *nd_transpose(const nd_array *a, const int *axes) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    int nd = a->ndim, perm[ND_MAXDIMS];
    bool seen[ND_MAXDIMS] = { false };
    for (int i = 0; i < nd; i++) {
        if (!axes) { perm[i] = nd - 1 - i; continue; }
        int ax = nd__check_axis(axes[i], nd);
        if (ax < 0) return NULL;
        if (seen[ax]) return nd__err(ND_ERR_VALUE, "repeated axis in transpose");
        seen[ax] = true;
        perm[i] = ax;
    }
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) { shape[i] = a->shape[perm[i]]; strides[i] = a->strides[perm[i]]; }
    return nd__view(a, a->dtype, nd, shape, strides, a->data);
}

nd_array *nd_swapaxes(const nd_array *a, int axis1, int axis2) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    int x = nd__check_axis(axis1, a->ndim), y = x < 0 ? -1 : nd__check_axis(axis2, a->ndim);
    if (x < 0 || y < 0) { /* NumPy names the argument: "axis2: axis 2 is out of bounds ..." */
        char msg[256];
        snprintf(msg, sizeof msg, "%s", nd_error_message());
        return nd__err(ND_ERR_AXIS, "%s: %s", x < 0 ? "axis1" : "axis2", msg);
    }
    int perm[ND_MAXDIMS];
    for (int i = 0; i < a->ndim; i++) perm[i] = i;
    perm[x] = y;
    perm[y] = x;
    return nd_transpose(a, perm);
}

nd_array *nd_expand_dims(const nd_array *a, nd_axes axis) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (axis.n <= 0) return nd__err(ND_ERR_TYPE, "expand_dims: an axis is required");
    int out = a->ndim + axis.n;
    if (out > ND_MAXDIMS) return nd__err(ND_ERR_VALUE, "too many dimensions");
    bool is_new[ND_MAXDIMS] = { false };
    for (int i = 0; i < axis.n; i++) {
        int ax = nd__check_axis(axis.v[i], out);
        if (ax < 0) return NULL;
        if (is_new[ax]) return nd__err(ND_ERR_VALUE, "repeated axis");
        is_new[ax] = true;
    }
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    for (int i = 0, j = 0; i < out; i++) {
        if (is_new[i]) { shape[i] = 1; strides[i] = 0; }
        else { shape[i] = a->shape[j]; strides[i] = a->strides[j]; j++; }
    }
    return nd__view(a, a->dtype, out, shape, strides, a->data);
}

nd_array *nd_squeeze(const nd_array *a, nd_axes axis) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    bool drop[ND_MAXDIMS] = { false };
    if (axis.n == 0) {
        for (int i = 0; i < a->ndim; i++) drop[i] = a->shape[i] == 1;
    } else {
        for (int i = 0; i < axis.n; i++) {
            int ax = nd__check_axis(axis.v[i], a->ndim);
            if (ax < 0) return NULL;
            if (a->shape[ax] != 1)
                return nd__err(ND_ERR_VALUE, "cannot select an axis to squeeze out which has size not equal to one");
            drop[ax] = true;
        }
    }
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    int n = 0;
    for (int i = 0; i < a->ndim; i++)
        if (!drop[i]) { shape[n] = a->shape[i]; strides[n] = a->strides[i]; n++; }
    return nd__view(a, a->dtype, n, shape, strides, a->data);
}

nd_array *nd_broadcast_to(const nd_array *a, nd_shape_t shape) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (shape.ndim < 0 || (shape.ndim && !shape.dims)) return nd__err(ND_ERR_VALUE, "invalid shape");
    /* NumPy's checks in its order: Python's scalar test, the shape's signs, then nditer's */
    if (shape.ndim == 0 && a->ndim > 0) return nd__err(ND_ERR_VALUE, "cannot broadcast a non-scalar to a scalar array");
    for (int i = 0; i < shape.ndim; i++)
        if (shape.dims[i] < 0) return nd__err(ND_ERR_VALUE, "all elements of broadcast shape must be non-negative");
    if (shape.ndim > ND_MAXDIMS)
        return nd__err(ND_ERR_VALUE, "maximum supported dimension for an ndarray is currently %d, found %d", ND_MAXDIMS,
                       shape.ndim);
    if (a->ndim > shape.ndim)
        return nd__err(ND_ERR_VALUE, "input operand has more dimensions than allowed by the axis remapping");
    bool ok = true;
    int64_t strides[ND_MAXDIMS];
    int off = shape.ndim - a->ndim;
    for (int i = 0; ok && i < shape.ndim; i++) {
        if (i < off) { strides[i] = 0; continue; }
        int64_t d = a->shape[i - off];
        if (d == shape.dims[i]) strides[i] = a->strides[i - off];
        else if (d == 1) strides[i] = 0;
        else ok = false;
    }
    if (!ok) {
        char b1[512], b2[512];
        return nd__err(ND_ERR_VALUE, "operands could not be broadcast together with remapped shapes [original->remapped]: %s  and requested shape %s",
                       nd__shape_str(b1, sizeof b1, a->ndim, a->shape),
                       nd__shape_str(b2, sizeof b2, shape.ndim, shape.dims));
    }
    nd_array *v = nd__view(a, a->dtype, shape.ndim, shape.dims, strides, a->data);
    if (v) v->flags = (v->flags & ~ND_WRITEABLE) | ND__READONLY_MEMORY;
    return v;
}

/* Python's tuple repr with ", " separators, as NumPy's broadcast_shapes prints it. */
static char *tuple_str(char *buf, size_t cap, int ndim, const int64_t *shape) {
    size_t n = (size_t)snprintf(buf, cap, "(");
    for (int i = 0; i < ndim && n < cap; i++)
        n += (size_t)snprintf(buf + n, cap - n, i ? ", %lld" : "%lld", (long long)shape[i]);
    if (ndim == 1 && n < cap) n += (size_t)snprintf(buf + n, cap - n, ",");
    if (n < cap) snprintf(buf + n, cap - n, ")");
    return buf;
}

int nd_broadcast_shapes(int n, const nd_shape_t *shapes, int64_t *out) {
    if (n < 0 || (n > 0 && !shapes) || !out) return nd_error_set(ND_ERR_VALUE, "broadcast_shapes: invalid arguments");
    int nd = 0;
    for (int k = 0; k < n; k++) {
        if (shapes[k].ndim < 0 || shapes[k].ndim > ND_MAXDIMS || (shapes[k].ndim && !shapes[k].dims))
            return nd_error_set(ND_ERR_VALUE, "invalid shape");
        if (shapes[k].ndim > nd) nd = shapes[k].ndim;
    }
    for (int i = 0; i < nd; i++) out[i] = 1;
    int first[ND_MAXDIMS]; /* which argument set each extent, for the message */
    for (int i = 0; i < nd; i++) first[i] = -1;
    for (int k = 0; k < n; k++) {
        int off = nd - shapes[k].ndim;
        for (int i = 0; i < shapes[k].ndim; i++) {
            int64_t d = shapes[k].dims[i], *s = &out[off + i];
            if (d < 0) return nd_error_set(ND_ERR_VALUE, "negative dimensions are not allowed");
            if (d == *s || d == 1) continue;
            if (*s == 1) { *s = d; first[off + i] = k; continue; }
            int j = first[off + i];
            char b1[512], b2[512];
            return nd_error_set(ND_ERR_VALUE, "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg %d with shape %s and arg %d with shape %s.",
                                j, tuple_str(b1, sizeof b1, shapes[j].ndim, shapes[j].dims), k,
                                tuple_str(b2, sizeof b2, shapes[k].ndim, shapes[k].dims));
        }
    }
    return nd;
}

int nd_broadcast_arrays(int n, nd_array *const *arrays, nd_array **out) {
    if (n < 0 || n > 1024 || (n > 0 && (!arrays || !out))) return nd_error_set(ND_ERR_VALUE, "broadcast_arrays: invalid arguments");
    nd_shape_t shapes[1024] = { { 0 } };
    for (int k = 0; k < n; k++) {
        if (!arrays[k]) return nd_error_set(ND_ERR_VALUE, "broadcast_arrays: array %d is NULL", k);
        shapes[k] = nd_shape_of(arrays[k]);
    }
    int64_t shape[ND_MAXDIMS];
    int nd = nd_broadcast_shapes(n, shapes, shape);
    if (nd < 0) return -1;
    for (int k = 0; k < n; k++) {
        const nd_array *a = arrays[k];
        bool same = a->ndim == nd;
        for (int i = 0; same && i < nd; i++) same = a->shape[i] == shape[i];
        /* NumPy returns unchanged arrays as they are (still writeable) */
        out[k] = same ? nd__view(a, a->dtype, a->ndim, a->shape, a->strides, a->data)
                      : nd_broadcast_to(a, (nd_shape_t){ nd, shape });
        if (!out[k]) {
            for (int j = 0; j < k; j++) { nd_free(out[j]); out[j] = NULL; }
            return -1;
        }
    }
    return 0;
}
