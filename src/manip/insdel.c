/* insert and delete along an axis: the result is assembled from runs of the input
 * and slices of the values, each copied through a view. */
#include "manip/manip.h"

/* Copy the runs of arr (along axis) whose positions are marked in keep[0..n) to
 * consecutive or mapped positions of res: where[i] is the target position of i. */
static int copy_marked(nd_array *res, const nd_array *arr, int axis, const bool *mark, const int64_t *where, int64_t n) {
    for (int64_t i = 0; i < n;) {
        if (!mark[i]) { i++; continue; }
        int64_t j = i + 1;
        while (j < n && mark[j] && where[j] == where[j - 1] + 1) j++;
        if (nd__m_copy_range(res, where[i], arr, axis, i, j - i, 1) < 0) return -1;
        i = j;
    }
    return 0;
}

/* arr flattened when no axis is given; *axis receives the axis to work on. */
static nd_array *prepare(const nd_array *arr, const nd_insdel_opts *o, int *axis) {
    if (!o || o->axis.n == 0) { *axis = 0; return nd__m_flat(arr); }
    *axis = nd__check_axis(o->axis.v[0], arr->ndim);
    return *axis < 0 ? NULL : nd_ref((nd_array *)arr);
}

static int cmp_pos(const void *x, const void *y) {
    const int64_t *a = x, *b = y; /* (value, original position): a stable order */
    if (a[0] != b[0]) return a[0] < b[0] ? -1 : 1;
    return a[1] < b[1] ? -1 : a[1] > b[1];
}

nd_array *nd_insert_ex(const nd_array *arr0, int64_t index, const nd_array *values, const nd_insdel_opts *o) {
    if (!arr0 || !values) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    int axis;
    nd_array *arr = prepare(arr0, o, &axis);
    if (!arr) return NULL;
    int nd = arr->ndim;
    int64_t N = arr->shape[axis], shape[ND_MAXDIMS];
    memcpy(shape, arr->shape, (size_t)nd * sizeof(int64_t));
    bool seq = o && o->indices.v;
    int64_t k = seq ? o->indices.n : 1;
    nd_array *res = NULL, *vals = NULL, *tmp = NULL;
    bool *mark = NULL;
    int64_t *where = NULL, *pos = NULL;
    if (k == 1) {
        int64_t idx = seq ? o->indices.v[0] : index;
        if (idx < -N || idx > N) {
            if (seq) nd__err(ND_ERR_INDEX, "index [%lld] is out of bounds for axis %d with size %lld", (long long)idx, axis, (long long)N);
            else nd__err(ND_ERR_INDEX, "index %lld is out of bounds for axis %d with size %lld", (long long)idx, axis, (long long)N);
            goto done;
        }
        if (idx < 0) idx += N;
        /* values as an array of arr's ndim at least (leading unit axes), cast to arr's dtype */
        int vnd = values->ndim < nd ? nd : values->ndim, add = vnd - values->ndim;
        int64_t vsh[ND_MAXDIMS], vst[ND_MAXDIMS];
        for (int i = 0; i < vnd; i++) {
            vsh[i] = i < add ? 1 : values->shape[i - add];
            vst[i] = i < add ? 0 : values->strides[i - add];
        }
        tmp = nd__view(values, values->dtype, vnd, vsh, vst, values->data);
        if (!tmp) goto done;
        vals = nd_astype(tmp, arr->dtype);
        if (!vals) goto done;
        if (!seq) { /* a scalar index inserts the slices of values' first axis */
            nd_array *m = nd_moveaxis(vals, ND_AXIS(0), ND_AXIS(axis));
            if (!m) goto done;
            nd_free(vals);
            vals = m;
        }
        int64_t numnew = vals->shape[axis];
        shape[axis] = N + numnew;
        res = nd__new(arr->dtype, nd, shape, 'C', false);
        if (!res) goto done;
        if (nd__m_copy_range(res, 0, arr, axis, 0, idx, 1) < 0) goto fail;
        nd_array *slot = nd__m_range(res, axis, idx, numnew, 1);
        int rc = slot ? nd__assign(slot, vals) : -1;
        nd_free(slot);
        if (rc < 0) goto fail;
        if (nd__m_copy_range(res, idx + numnew, arr, axis, idx, N - idx, 1) < 0) goto fail;
        goto done;
    }
    /* several indices: stable order, each shifted by the count inserted before it */
    int64_t newN = N + k;
    shape[axis] = newN;
    pos = nd__malloc((size_t)(2 * k + 1) * sizeof(int64_t));
    where = nd__malloc((size_t)(N + 1) * sizeof(int64_t));
    mark = nd__malloc((size_t)(newN + N + 1) * sizeof(bool));
    if (!pos || !where || !mark) { nd__nomem(); goto done; }
    for (int64_t i = 0; i < k; i++) {
        int64_t v = o->indices.v[i];
        pos[2 * i] = v < 0 ? v + N : v;
        pos[2 * i + 1] = i;
    }
    qsort(pos, (size_t)k, 2 * sizeof(int64_t), cmp_pos);
    int64_t *adj = where; /* reuse: adjusted index of value i, then positions of arr */
    int64_t *adjusted = nd__malloc((size_t)k * sizeof(int64_t));
    if (!adjusted) { nd__nomem(); goto done; }
    for (int64_t r = 0; r < k; r++) adjusted[pos[2 * r + 1]] = pos[2 * r] + r;
    bool *is_new = mark; /* first newN entries */
    memset(is_new, 0, (size_t)newN);
    for (int64_t i = 0; i < k; i++) {
        int64_t v = adjusted[i];
        if (v < -newN || v >= newN) {
            nd__err(ND_ERR_INDEX, "index %lld is out of bounds for axis 0 with size %lld", (long long)v, (long long)newN);
            nd__free(adjusted, (size_t)k * sizeof(int64_t));
            goto done;
        }
        if (v < 0) adjusted[i] = v + newN;
        is_new[adjusted[i]] = true;
    }
    res = nd__new(arr->dtype, nd, shape, 'C', false);
    if (!res) { nd__free(adjusted, (size_t)k * sizeof(int64_t)); goto done; }
    /* values broadcast to the indexed shape (k along axis) */
    shape[axis] = k;
    vals = nd_broadcast_to(values, (nd_shape_t){ nd, shape });
    int rc = vals ? 0 : -1;
    for (int64_t i = 0; rc == 0 && i < k; i++) {
        nd_array *d = nd__m_range(res, axis, adjusted[i], 1, 1);
        nd_array *s = d ? nd__m_range(vals, axis, i, 1, 1) : NULL;
        rc = s ? nd__assign(d, s) : -1;
        nd_free(d);
        nd_free(s);
    }
    nd__free(adjusted, (size_t)k * sizeof(int64_t));
    if (rc < 0) goto fail;
    /* the old elements fill the other positions in order */
    bool *all = mark + newN;
    for (int64_t i = 0, p = 0; i < N; i++) {
        while (is_new[p]) p++;
        adj[i] = p++;
        all[i] = true;
    }
    if (copy_marked(res, arr, axis, all, adj, N) < 0) goto fail;
    goto done;
fail:
    nd_free(res);
    res = NULL;
done:
    if (pos) nd__free(pos, (size_t)(2 * k + 1) * sizeof(int64_t));
    if (where) nd__free(where, (size_t)(N + 1) * sizeof(int64_t));
    if (mark) nd__free(mark, (size_t)(N + k + N + 1) * sizeof(bool));
    nd_free(tmp);
    nd_free(vals);
    nd_free(arr);
    return res;
}

nd_array *nd_delete_ex(const nd_array *arr0, int64_t index, const nd_insdel_opts *o) {
    if (!arr0) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    int axis;
    nd_array *arr = prepare(arr0, o, &axis);
    if (!arr) return NULL;
    int64_t N = arr->shape[axis];
    nd_array *res = NULL;
    bool *keep = nd__malloc((size_t)N + 1);
    int64_t *where = nd__malloc((size_t)(N + 1) * sizeof(int64_t));
    if (!keep || !where) { nd__nomem(); goto done; }
    memset(keep, 1, (size_t)N);
    if (o && o->mask) {
        for (int64_t i = 0; i < N; i++) keep[i] = !o->mask[i];
    } else if (o && o->indices.v) {
        for (int i = 0; i < o->indices.n; i++) {
            int64_t v = o->indices.v[i];
            if (v < -N || v >= N) {
                nd__err(ND_ERR_INDEX, "index %lld is out of bounds for axis 0 with size %lld", (long long)v, (long long)N);
                goto done;
            }
            keep[v < 0 ? v + N : v] = false;
        }
    } else {
        if (index < -N || index >= N) {
            nd__err(ND_ERR_INDEX, "index %lld is out of bounds for axis %d with size %lld", (long long)index, axis, (long long)N);
            goto done;
        }
        keep[index < 0 ? index + N : index] = false;
    }
    int64_t m = 0;
    for (int64_t i = 0; i < N; i++) where[i] = keep[i] ? m++ : m;
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, arr->shape, (size_t)arr->ndim * sizeof(int64_t));
    shape[axis] = m;
    res = nd__new(arr->dtype, arr->ndim, shape, 'C', false);
    if (res && copy_marked(res, arr, axis, keep, where, N) < 0) { nd_free(res); res = NULL; }
done:
    if (keep) nd__free(keep, (size_t)N + 1);
    if (where) nd__free(where, (size_t)(N + 1) * sizeof(int64_t));
    nd_free(arr);
    return res;
}
