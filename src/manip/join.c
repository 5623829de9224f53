/* Moving axes and joining arrays: moveaxis, rollaxis, atleast_*d, concatenate,
 * stack and its relatives, append and block.  Joining allocates the result once and
 * copies every input into its slot through a view (nd__assign casts on the way). */
#include "manip/manip.h"

/* ------------------------------------------------------------- axes */

/* NumPy's normalize_axis_tuple: AxisError with prefix, ValueError when repeated. */
static int axis_tuple(nd_axes ax, int ndim, const char *argname, int *out) {
    char prefix[32];
    snprintf(prefix, sizeof prefix, "%s: ", argname);
    bool seen[ND_MAXDIMS] = { false };
    for (int i = 0; i < ax.n; i++) {
        int k = nd__m_axis(ax.v[i], ndim, prefix);
        if (k < 0) return -1;
        if (seen[k]) { nd__err(ND_ERR_VALUE, "repeated axis in `%s` argument", argname); return -1; }
        seen[k] = true;
        out[i] = k;
    }
    return 0;
}

nd_array *nd_moveaxis(const nd_array *a, nd_axes source, nd_axes destination) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (source.n < 0 || source.n > ND_MAXDIMS || destination.n < 0 || destination.n > ND_MAXDIMS)
        return nd__err(ND_ERR_VALUE, "invalid axes");
    int src[ND_MAXDIMS], dst[ND_MAXDIMS];
    if (axis_tuple(source, a->ndim, "source", src) < 0 || axis_tuple(destination, a->ndim, "destination", dst) < 0)
        return NULL;
    if (source.n != destination.n)
        return nd__err(ND_ERR_VALUE, "`source` and `destination` arguments must have the same number of elements");
    /* the axes not moved keep their order; the moved ones land at their destinations */
    int order[ND_MAXDIMS], rest[ND_MAXDIMS], nrest = 0;
    bool moved[ND_MAXDIMS] = { false }, taken[ND_MAXDIMS] = { false };
    for (int i = 0; i < source.n; i++) moved[src[i]] = true;
    for (int i = 0; i < a->ndim; i++)
        if (!moved[i]) rest[nrest++] = i;
    for (int i = 0; i < source.n; i++) { order[dst[i]] = src[i]; taken[dst[i]] = true; }
    for (int i = 0, j = 0; i < a->ndim; i++)
        if (!taken[i]) order[i] = rest[j++];
    return nd_transpose(a, order);
}

nd_array *nd_rollaxis(const nd_array *a, int axis, int start) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    int n = a->ndim;
    int ax = nd__check_axis(axis, n);
    if (ax < 0) return NULL;
    int st = start < 0 ? start + n : start;
    if (!(0 <= st && st < n + 1))
        return nd__err(ND_ERR_AXIS, "'start' arg requires %d <= start < %d, but %d was passed in", -n, n + 1, start);
    if (ax < st) st--;
    int order[ND_MAXDIMS], k = 0;
    for (int i = 0; i < n; i++) {
        if (k == st) order[k++] = ax;
        if (i != ax) order[k++] = i;
    }
    if (k == st) order[k++] = ax;
    return nd_transpose(a, order);
}

static nd_array *with_shape(const nd_array *a, int ndim, const int64_t *shape, const int64_t *strides) {
    return nd__view(a, a->dtype, ndim, shape, strides, a->data);
}

nd_array *nd_atleast_1d(const nd_array *a) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (a->ndim >= 1) return with_shape(a, a->ndim, a->shape, a->strides);
    int64_t sh[1] = { 1 }, st[1] = { 0 };
    return with_shape(a, 1, sh, st);
}

nd_array *nd_atleast_2d(const nd_array *a) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (a->ndim >= 2) return with_shape(a, a->ndim, a->shape, a->strides);
    int64_t sh[2] = { 1, a->ndim ? a->shape[0] : 1 }, st[2] = { 0, a->ndim ? a->strides[0] : 0 };
    return with_shape(a, 2, sh, st);
}

nd_array *nd_atleast_3d(const nd_array *a) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (a->ndim >= 3) return with_shape(a, a->ndim, a->shape, a->strides);
    int64_t sh[3], st[3];
    if (a->ndim == 0) { sh[0] = sh[1] = sh[2] = 1; st[0] = st[1] = st[2] = 0; }
    else if (a->ndim == 1) { sh[0] = 1; st[0] = 0; sh[1] = a->shape[0]; st[1] = a->strides[0]; sh[2] = 1; st[2] = 0; }
    else { sh[0] = a->shape[0]; st[0] = a->strides[0]; sh[1] = a->shape[1]; st[1] = a->strides[1]; sh[2] = 1; st[2] = 0; }
    return with_shape(a, 3, sh, st);
}

/* ------------------------------------------------------------- concatenate */

static const char *const casting_names[] = { "same_kind", "no", "equiv", "safe", "same_kind", "unsafe" };

static const char *dtype_text(const nd_dtype_t *d) {
    /* NumPy's dtype repr: dtype('float64'), dtype('S3'), dtype('<U3') */
    return d->kind == 'S' || d->kind == 'V' ? d->str + 1 : d->kind == 'U' ? d->str : d->name;
}

/* The result of joining: memory order taken from the inputs, as NumPy's concatenate.
 * Axes are ordered outer to inner by insertion: an axis moves outward past another
 * when the first input where both have length > 1 strides it more (absolute value),
 * unless a later such input disagrees (C order wins conflicts and ties); axes no
 * input decides keep their C position.  F-ordered inputs so give an F-ordered
 * result, mixed C and F inputs a C-ordered one. */
static nd_array *new_joined(const nd_dtype_t *dt, int nd, const int64_t *shape, nd_array *const *arrays, int n) {
    int perm[ND_MAXDIMS];
    bool moved = false;
    for (int i = 0; i < nd; i++) perm[i] = i;
    for (int i = 1; i < nd; i++) {
        int ax = perm[i], pos = i;
        for (int j = i - 1; j >= 0; j--) {
            int other = perm[j];
            bool decided = false, outward = false;
            for (int k = 0; k < n; k++) {
                const nd_array *x = arrays[k];
                if (x->shape[ax] == 1 || x->shape[other] == 1) continue;
                if (llabs(x->strides[ax]) <= llabs(x->strides[other])) outward = false;
                else if (!decided) outward = true;
                decided = true;
            }
            if (!decided) continue;
            if (!outward) break;
            pos = j;
        }
        if (pos != i) {
            memmove(perm + pos + 1, perm + pos, (size_t)(i - pos) * sizeof(int));
            perm[pos] = ax;
            moved = true;
        }
    }
    if (!moved) return nd__new(dt, nd, shape, 'C', false);
    int64_t pshape[ND_MAXDIMS], st[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) pshape[i] = shape[perm[i]];
    nd_array *r = nd__new(dt, nd, pshape, 'C', false);
    if (!r) return NULL;
    /* the fresh C array of the permuted shape, seen in the original axis order */
    for (int i = 0; i < nd; i++) st[perm[i]] = r->strides[i];
    memcpy(r->shape, shape, (size_t)nd * sizeof(int64_t));
    memcpy(r->strides, st, (size_t)nd * sizeof(int64_t));
    nd__update_flags(r);
    return r;
}

/* The joining engine: arrays already have equal ndim (checked here); axis normalised. */
static nd_array *join(nd_array *const *arrays, int n, int axis, const nd_concat_opts *o) {
    const nd_array *first = arrays[0];
    int nd = first->ndim;
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, first->shape, (size_t)nd * sizeof(int64_t));
    for (int i = 1; i < n; i++) {
        const nd_array *b = arrays[i];
        if (b->ndim != nd)
            return nd__err(ND_ERR_VALUE, "all the input arrays must have same number of dimensions, but the array at index 0 has %d dimension(s) and the array at index %d has %d dimension(s)", nd, i, b->ndim);
        for (int k = 0; k < nd; k++) {
            if (k == axis) continue;
            if (b->shape[k] != shape[k])
                return nd__err(ND_ERR_VALUE, "all the input array dimensions except for the concatenation axis must match exactly, but along dimension %d, the array at index 0 has size %lld and the array at index %d has size %lld",
                               k, (long long)shape[k], i, (long long)b->shape[k]);
        }
        if (!nd__add_ok(shape[axis], b->shape[axis], &shape[axis]))
            return nd__err(ND_ERR_VALUE, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    }
    nd_casting casting = o && o->casting ? o->casting : ND_CASTING_SAME_KIND;
    nd_array *out = o ? o->out : NULL;
    const nd_dtype_t *dt;
    if (out) {
        if (out->ndim != nd || memcmp(out->shape, shape, (size_t)nd * sizeof(int64_t)) != 0)
            return nd__err(ND_ERR_VALUE, "Output array is the wrong shape");
        dt = nd_dtype_ref(out->dtype);
    } else if (o && o->dtype) {
        dt = nd_dtype_ref(o->dtype);
    } else {
        const nd_dtype_t *small[16] = { 0 }, **dts = n <= 16 ? small : nd__malloc((size_t)n * sizeof *dts);
        if (!dts) return nd__nomem();
        for (int i = 0; i < n; i++) dts[i] = arrays[i]->dtype;
        dt = nd_result_type(n, dts);
        if (dts != small) nd__free(dts, (size_t)n * sizeof *dts);
        if (!dt) return NULL;
    }
    for (int i = 0; i < n; i++)
        if (!nd_can_cast(arrays[i]->dtype, dt, casting)) {
            nd__err(ND_ERR_TYPE, "Cannot cast array data from dtype('%s') to dtype('%s') according to the rule '%s'",
                    dtype_text(arrays[i]->dtype), dtype_text(dt), casting_names[casting]);
            nd_dtype_free(dt);
            return NULL;
        }
    nd_array *res = out ? out : new_joined(dt, nd, shape, arrays, n);
    nd_dtype_free(dt);
    if (!res) return NULL;
    int64_t pos = 0;
    for (int i = 0; i < n; i++) {
        int64_t len = arrays[i]->shape[axis];
        nd_array *slot = nd__m_range(res, axis, pos, len, 1);
        if (!slot || nd__assign(slot, arrays[i]) < 0) {
            nd_free(slot);
            if (!out) nd_free(res);
            return NULL;
        }
        nd_free(slot);
        pos += len;
    }
    return res;
}

static bool check_list(nd_array *const *arrays, int n, const char *what) {
    if (n <= 0 || !arrays) { nd__err(ND_ERR_VALUE, "need at least one array to %s", what); return false; }
    for (int i = 0; i < n; i++)
        if (!arrays[i]) { nd__err(ND_ERR_VALUE, "array %d must not be NULL", i); return false; }
    return true;
}

static bool check_out_dtype(const nd_concat_opts *o, const char *fn) {
    if (o && o->out && o->dtype) {
        nd__err(ND_ERR_TYPE, "%s() only takes `out` or `dtype` as an argument, but both were provided.", fn);
        return false;
    }
    return true;
}

/* Apply f (a view maker) to each array, join along axis, release the views. */
static nd_array *join_mapped(nd_array *const *arrays, int n, nd_array *(*f)(const nd_array *), int axis_or_hstack,
                             const nd_concat_opts *o) {
    nd_array *small[16], **v = n <= 16 ? small : nd__malloc((size_t)n * sizeof *v);
    if (!v) return nd__nomem();
    int made = 0;
    nd_array *res = NULL;
    for (; made < n; made++)
        if (!(v[made] = f ? f(arrays[made]) : nd_ref(arrays[made]))) goto done;
    int axis = axis_or_hstack;
    if (axis == -100) axis = v[0]->ndim == 1 ? 0 : 1; /* hstack */
    if (v[0]->ndim == 0) { nd__err(ND_ERR_VALUE, "zero-dimensional arrays cannot be concatenated"); goto done; }
    axis = nd__check_axis(axis, v[0]->ndim);
    if (axis >= 0) res = join(v, n, axis, o);
done:
    for (int i = 0; i < made; i++) nd_free(v[i]);
    if (v != small) nd__free(v, (size_t)n * sizeof *v);
    return res;
}

static nd_array *ravel_view(const nd_array *a) { return nd__m_flat(a); }

nd_array *nd_concatenate_ex(nd_array *const *arrays, int n, const nd_concat_opts *o) {
    if (!check_list(arrays, n, "concatenate") || !check_out_dtype(o, "concatenate")) return NULL;
    if (o && o->axis_none) return join_mapped(arrays, n, ravel_view, 0, o);
    int axis = o && o->axis.n ? o->axis.v[0] : 0;
    return join_mapped(arrays, n, NULL, axis, o);
}

nd_array *nd_stack_ex(nd_array *const *arrays, int n, const nd_concat_opts *o) {
    if (!check_list(arrays, n, "stack") || !check_out_dtype(o, "stack")) return NULL;
    for (int i = 1; i < n; i++)
        if (arrays[i]->ndim != arrays[0]->ndim ||
            memcmp(arrays[i]->shape, arrays[0]->shape, (size_t)arrays[0]->ndim * sizeof(int64_t)) != 0)
            return nd__err(ND_ERR_VALUE, "all input arrays must have the same shape");
    int axis = nd__check_axis(o && o->axis.n ? o->axis.v[0] : 0, arrays[0]->ndim + 1);
    if (axis < 0) return NULL;
    nd_array *small[16], **v = n <= 16 ? small : nd__malloc((size_t)n * sizeof *v);
    if (!v) return nd__nomem();
    int made = 0;
    nd_array *res = NULL;
    for (; made < n; made++)
        if (!(v[made] = nd_expand_dims(arrays[made], ND_AXIS(axis)))) goto done;
    res = join(v, n, axis, o);
done:
    for (int i = 0; i < made; i++) nd_free(v[i]);
    if (v != small) nd__free(v, (size_t)n * sizeof *v);
    return res;
}

nd_array *nd_vstack_ex(nd_array *const *arrays, int n, const nd_concat_opts *o) {
    if (!check_list(arrays, n, "concatenate") || !check_out_dtype(o, "concatenate")) return NULL;
    return join_mapped(arrays, n, nd_atleast_2d, 0, o);
}

nd_array *nd_hstack_ex(nd_array *const *arrays, int n, const nd_concat_opts *o) {
    if (!check_list(arrays, n, "concatenate") || !check_out_dtype(o, "concatenate")) return NULL;
    return join_mapped(arrays, n, nd_atleast_1d, -100, o);
}

nd_array *nd_dstack_ex(nd_array *const *arrays, int n, const nd_concat_opts *o) {
    if (!check_list(arrays, n, "concatenate") || !check_out_dtype(o, "concatenate")) return NULL;
    return join_mapped(arrays, n, nd_atleast_3d, 2, o);
}

/* column_stack: 1-d arrays become columns, everything else at least 2-d. */
static nd_array *as_column(const nd_array *a) {
    if (a->ndim < 2) {
        nd_array *r = nd_atleast_2d(a);
        if (!r) return NULL;
        nd_array *t = nd_transpose(r, NULL);
        nd_free(r);
        return t;
    }
    return nd_ref((nd_array *)a);
}

nd_array *nd_column_stack_ex(nd_array *const *arrays, int n, const nd_concat_opts *o) {
    if (!check_list(arrays, n, "concatenate") || !check_out_dtype(o, "concatenate")) return NULL;
    return join_mapped(arrays, n, as_column, 1, o);
}

nd_array *nd_append_ex(const nd_array *arr, const nd_array *values, const nd_concat_opts *o) {
    if (!arr || !values) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_array *two[2] = { (nd_array *)arr, (nd_array *)values };
    nd_concat_opts c = o ? *o : (nd_concat_opts){ 0 };
    c.axis_none = !(o && o->axis.n) || c.axis_none;
    return nd_concatenate_ex(two, 2, &c);
}

/* ------------------------------------------------------------- block */

/* Walk the nested list: checks depths and emptiness (NumPy's messages name the
 * position, e.g. "arrays[1][0]"), finds the list depth and the largest array ndim. */
static int block_check(const nd_block_item *it, int depth, char *path, size_t plen, int *list_depth, int *max_ndim) {
    if (it->array) {
        if (*list_depth < 0) *list_depth = depth;
        else if (*list_depth != depth) {
            nd__err(ND_ERR_VALUE, "List depths are mismatched. First element was at depth %d, but there is an element at depth %d (%s)",
                    *list_depth, depth, path);
            return -1;
        }
        if (it->array->ndim > *max_ndim) *max_ndim = it->array->ndim;
        return 0;
    }
    if (it->n <= 0 || !it->items) { nd__err(ND_ERR_VALUE, "List at %s cannot be empty", path); return -1; }
    for (int i = 0; i < it->n; i++) {
        size_t l = strlen(path);
        snprintf(path + l, plen - l, "[%d]", i);
        int r = block_check(&it->items[i], depth + 1, path, plen, list_depth, max_ndim);
        path[l] = 0;
        if (r < 0) return -1;
    }
    return 0;
}

/* Concatenate a list at `depth` along axis -(list_depth - depth) of result_ndim. */
static nd_array *block_build(const nd_block_item *it, int depth, int list_depth, int ndim) {
    if (it->array) {
        const nd_array *a = it->array;
        int add = ndim - a->ndim;
        int64_t sh[ND_MAXDIMS], st[ND_MAXDIMS];
        for (int i = 0; i < ndim; i++) {
            sh[i] = i < add ? 1 : a->shape[i - add];
            st[i] = i < add ? 0 : a->strides[i - add];
        }
        return nd__view(a, a->dtype, ndim, sh, st, a->data);
    }
    nd_array *small[16], **v = it->n <= 16 ? small : nd__malloc((size_t)it->n * sizeof *v);
    if (!v) return nd__nomem();
    int made = 0;
    nd_array *res = NULL;
    for (; made < it->n; made++)
        if (!(v[made] = block_build(&it->items[made], depth + 1, list_depth, ndim))) goto done;
    res = join(v, it->n, ndim - (list_depth - depth), NULL);
done:
    for (int i = 0; i < made; i++) nd_free(v[i]);
    if (v != small) nd__free(v, (size_t)it->n * sizeof *v);
    return res;
}

nd_array *nd_block(nd_block_item arrays) {
    char path[1024] = "arrays";
    int list_depth = -1, max_ndim = 0;
    if (block_check(&arrays, 0, path, sizeof path, &list_depth, &max_ndim) < 0) return NULL;
    int ndim = list_depth > max_ndim ? list_depth : max_ndim;
    if (ndim > ND_MAXDIMS) return nd__err(ND_ERR_VALUE, "too many dimensions");
    if (list_depth == 0) return nd_copy(arrays.array, 'C');
    return block_build(&arrays, 0, list_depth, ndim);
}
