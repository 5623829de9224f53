/* np.diff, np.ediff1d and np.trapezoid: differences of neighbours along an axis,
 * written with the ufuncs on views (a[1:] - a[:-1]) as NumPy writes them. */
#include "numeric/numeric_priv.h"

/* a[1:] and a[:-1] along axis (both of length max(len - 1, 0)). */
static int neighbours(const nd_array *a, int axis, nd_array **hi, nd_array **lo) {
    int64_t m = a->shape[axis] > 0 ? a->shape[axis] - 1 : 0;
    *hi = nd__num_range(a, axis, m > 0 ? 1 : 0, m);
    *lo = *hi ? nd__num_range(a, axis, 0, m) : NULL;
    if (!*lo) { nd_free(*hi); *hi = NULL; return -1; }
    return 0;
}

/* prepend / append as NumPy: arrays as given, scalars broadcast to a's shape with
 * length 1 along the axis. */
static nd_array *edge_piece(nd_operand x, const nd_array *a, int axis) {
    nd_array *p = nd__num_operand_array(x);
    if (!p || p->ndim > 0) return p;
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, a->shape, (size_t)a->ndim * sizeof(int64_t));
    shape[axis] = 1;
    nd_array *b = nd_broadcast_to(p, (nd_shape_t){ a->ndim, shape });
    nd_free(p);
    return b;
}

nd_array *nd_diff_ex(const nd_array *a, const nd_diff_opts *o) {
    if (!a) return nd__err(ND_ERR_VALUE, "diff: array must not be NULL");
    int64_t n = 1;
    if (o && o->n_zero) n = 0;
    else if (o && o->n) n = o->n;
    if (n == 0) return nd_ref((nd_array *)a);
    if (n < 0) return nd__err(ND_ERR_VALUE, "order must be non-negative but got %lld", (long long)n);
    if (a->ndim == 0) return nd__err(ND_ERR_VALUE, "diff requires input that is at least one dimensional");
    int axis = nd__check_axis(o && o->axis.n ? o->axis.v[0] : -1, a->ndim);
    if (axis < 0) return NULL;
    nd_array *cur = NULL, *parts[3] = { 0 };
    int np_ = 0;
    bool pre = o && !nd__num_is_none(o->prepend), app = o && !nd__num_is_none(o->append);
    if (pre || app) {
        if (pre && !(parts[np_++] = edge_piece(o->prepend, a, axis))) goto fail;
        parts[np_++] = nd_ref((nd_array *)a);
        if (app && !(parts[np_++] = edge_piece(o->append, a, axis))) goto fail;
        cur = nd_concatenate(parts, np_, .axis = ND_AXIS(axis));
        for (int i = 0; i < np_; i++) nd_free(parts[i]);
        if (!cur) return NULL;
    } else {
        cur = nd_ref((nd_array *)a);
    }
    bool is_bool = cur->dtype->type == ND_TYPE_BOOL;
    for (int64_t k = 0; k < n; k++) {
        nd_array *hi, *lo;
        if (neighbours(cur, axis, &hi, &lo) < 0) { nd_free(cur); return NULL; }
        nd_array *next = is_bool ? nd_not_equal(hi, lo) : nd_subtract(hi, lo);
        nd_free(hi);
        nd_free(lo);
        nd_free(cur);
        if (!next) return NULL;
        cur = next;
    }
    return cur;
fail:
    for (int i = 0; i < np_; i++) nd_free(parts[i]);
    return NULL;
}

/* to_begin / to_end flattened, after NumPy 2's same_kind check. */
static nd_array *extra_values(nd_operand x, const nd_dtype_t *dt, const char *name) {
    nd_array *p = nd__num_operand_array(x);
    if (!p) return NULL;
    if (!nd_can_cast(p->dtype, dt, ND_CASTING_SAME_KIND)) {
        nd_free(p);
        return nd__err(ND_ERR_TYPE, "dtype of `%s` must be compatible with input `ary` under the `same_kind` rule.", name);
    }
    nd_array *f = nd_ravel(p, 'C');
    nd_free(p);
    return f;
}

nd_array *nd_ediff1d_ex(const nd_array *ary, const nd_ediff1d_opts *o) {
    if (!ary) return nd__err(ND_ERR_VALUE, "ediff1d: array must not be NULL");
    nd_array *flat = nd_ravel(ary, 'C'), *beg = NULL, *end = NULL, *res = NULL;
    nd_array *hi = NULL, *lo = NULL, *dst = NULL;
    if (!flat) return NULL;
    const nd_dtype_t *dt = flat->dtype;
    if (o && !nd__num_is_none(o->to_begin) && !(beg = extra_values(o->to_begin, dt, "to_begin"))) goto done;
    if (o && !nd__num_is_none(o->to_end) && !(end = extra_values(o->to_end, dt, "to_end"))) goto done;
    int64_t lb = beg ? beg->shape[0] : 0, le = end ? end->shape[0] : 0;
    int64_t ld = flat->shape[0] > 0 ? flat->shape[0] - 1 : 0, total = lb + ld + le;
    nd_array *r = nd__new(dt, 1, &total, 'C', false);
    if (!r) goto done;
    if (lb > 0) {
        dst = nd__num_range(r, 0, 0, lb);
        if (!dst || nd__assign(dst, beg) < 0) goto fail;
        nd_free(dst);
        dst = NULL;
    }
    if (le > 0) {
        dst = nd__num_range(r, 0, lb + ld, le);
        if (!dst || nd__assign(dst, end) < 0) goto fail;
        nd_free(dst);
        dst = NULL;
    }
    dst = nd__num_range(r, 0, lb, ld);
    if (!dst || neighbours(flat, 0, &hi, &lo) < 0 || !nd_subtract(hi, lo, .out = dst)) goto fail;
    res = r;
    goto done;
fail:
    nd_free(r);
done:
    nd_free(dst);
    nd_free(hi);
    nd_free(lo);
    nd_free(flat);
    nd_free(beg);
    nd_free(end);
    return res;
}

nd_array *nd_trapezoid_ex(const nd_array *y, const nd_trapezoid_opts *o) {
    if (!y) return nd__err(ND_ERR_VALUE, "trapezoid: array must not be NULL");
    int axis = o && o->axis.n ? o->axis.v[0] : -1;
    const nd_array *x = o ? o->x : NULL;
    nd_array *d = NULL, *hi = NULL, *lo = NULL, *s = NULL, *t = NULL, *u = NULL, *res = NULL;
    if (x && x->ndim > 1) {
        d = nd_diff(x, .axis = ND_AXIS(axis)); /* AxisError from here, as NumPy */
        if (!d) return NULL;
    }
    /* NumPy indexes a list of y.ndim slices with the raw axis */
    if (axis < -y->ndim || axis >= y->ndim) {
        nd_free(d);
        return nd__err(ND_ERR_INDEX, "list assignment index out of range");
    }
    if (axis < 0) axis += y->ndim;
    if (x && x->ndim <= 1) {
        nd_array *dx = nd_diff(x);
        if (!dx) return NULL;
        int64_t shape[ND_MAXDIMS];
        for (int i = 0; i < y->ndim; i++) shape[i] = 1;
        shape[axis] = dx->shape[0];
        d = nd_reshape(dx, ((nd_shape_t){ y->ndim, shape }));
        nd_free(dx);
        if (!d) return NULL;
    }
    if (neighbours(y, axis, &hi, &lo) < 0 || !(s = nd_add(hi, lo))) goto done;
    if (d) t = nd_multiply(d, s);
    else if (o && o->dx.dtype) t = nd_multiply(o->dx, s);
    else t = nd_multiply(1.0, s);
    if (!t || !(u = nd_divide(t, 2.0))) goto done;
    res = nd_sum(u, .axis = ND_AXIS(axis));
done:
    nd_free(d);
    nd_free(hi);
    nd_free(lo);
    nd_free(s);
    nd_free(t);
    nd_free(u);
    return res;
}
