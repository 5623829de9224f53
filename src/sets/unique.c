/* np.unique and NumPy 2's unique_all / unique_counts / unique_inverse / unique_values.
 *
 * As NumPy: sort a flat copy (an index sort when indices are asked for: stable for
 * return_index, so each value's index is its first occurrence), mark where a value
 * differs from its left neighbour, and derive values, indices, inverse and counts from
 * that mask.  equal_nan folds the NaNs (sorted last) into one.  With an axis the slices
 * are ordered lexicographically element by element (NumPy's structured-dtype view) by a
 * stable lexsort of their columns. */
#include "sets/sets_priv.h"

static nd_array *new_i64(int64_t n) { return nd__new(ND_INT64, 1, &n, 'C', false); }

/* From the sorted data's "new value" mask (n entries, u set) and the permutation
 * (NULL: identity) build index / inverse / counts. */
static int extras(const uint8_t *mask, int64_t n, int64_t u, const int64_t *perm, nd_array **index,
                  nd_array **inverse, nd_array **counts) {
    if (index) {
        if (!(*index = new_i64(u))) return -1;
        int64_t *ix = (int64_t *)(*index)->data, k = 0;
        for (int64_t i = 0; i < n; i++)
            if (mask[i]) ix[k++] = perm ? perm[i] : i;
    }
    if (inverse) {
        if (!(*inverse = new_i64(n))) return -1;
        int64_t *inv = (int64_t *)(*inverse)->data, c = -1;
        for (int64_t i = 0; i < n; i++) {
            c += mask[i];
            inv[perm ? perm[i] : i] = c;
        }
    }
    if (counts) {
        if (!(*counts = new_i64(u))) return -1;
        int64_t *cn = (int64_t *)(*counts)->data, k = -1;
        for (int64_t i = 0; i < n; i++) {
            if (mask[i]) cn[++k] = 0;
            cn[k]++;
        }
    }
    return 0;
}

static void drop(nd_array **p) { if (p) { nd_free(*p); *p = NULL; } }

nd_array *nd__unique_flat(nd_array *flat, bool equal_nan, nd_array **index, nd_array **inverse,
                          nd_array **counts) {
    const nd_dtype_t *d = flat->dtype;
    const nd__set_ops *ops = nd__set_ops_for(d);
    if (!ops) { nd_free(flat); return NULL; }
    int64_t n = flat->shape[0], es = d->itemsize;
    nd_array *perm = NULL, *aux = flat, *values = NULL;
    uint8_t *mask = NULL;
    size_t mb = (size_t)(n ? n : 1);
    if (index || inverse) {
        perm = new_i64(n);
        if (!perm) goto fail;
        int64_t *p = (int64_t *)perm->data;
        for (int64_t i = 0; i < n; i++) p[i] = i;
        if (nd__argsort_1d(d, flat->data, p, n, index ? ND_STABLE : ND_QUICKSORT) < 0) goto fail;
        aux = nd__set_gather(d, flat->data, p, n);
        if (!aux) goto fail;
        nd_free(flat);
        flat = NULL;
    } else if (nd__sort_1d(d, flat->data, n, ND_QUICKSORT) < 0) {
        goto fail;
    }
    mask = nd__malloc(mb);
    if (!mask) { nd__nomem(); goto fail; }
    ops->neq_adj(aux->data, n, mask, es);
    if (equal_nan && n > 0 && (d->kind == 'f' || d->kind == 'c')) {
        int64_t fn = ops->first_nan(aux->data, n, es);
        if (fn < n) {
            mask[fn] = 1;
            if (n - fn - 1 > 0) memset(mask + fn + 1, 0, (size_t)(n - fn - 1));
        }
    }
    int64_t u = 0;
    for (int64_t i = 0; i < n; i++) u += mask[i];
    values = nd__set_compress(d, aux->data, mask, n, u);
    if (!values) goto fail;
    if (extras(mask, n, u, perm ? (const int64_t *)perm->data : NULL, index, inverse, counts) < 0) goto fail;
    nd__free(mask, mb);
    nd_free(perm);
    nd_free(aux);
    return values;
fail:
    nd__free(mask, mb);
    nd_free(perm);
    if (aux != flat) nd_free(aux);
    nd_free(flat);
    nd_free(values);
    drop(index);
    drop(inverse);
    drop(counts);
    return NULL;
}

/* unique slices along `axis` (0 <= axis < ndim). */
static nd_array *unique_axis(const nd_array *ar, int axis, nd_array **index, nd_array **inverse,
                             nd_array **counts) {
    const nd_dtype_t *d = ar->dtype;
    const nd__set_ops *ops = nd__set_ops_for(d);
    if (!ops) return NULL;
    nd_array *mv = nd_moveaxis(ar, ND_AXIS(axis), ND_AXIS(0));
    if (!mv) return NULL;
    int64_t n = mv->shape[0], m = 1, es = d->itemsize;
    for (int k = 1; k < mv->ndim; k++) m *= mv->shape[k];
    nd_array *c = nd__new(d, mv->ndim, mv->shape, 'C', false);
    if (c && nd__assign(c, mv) < 0) { nd_free(c); c = NULL; }
    nd_array *m2 = c ? nd_reshape(c, ND_SHAPE(n, m)) : NULL;
    nd_array *perm = NULL, *sorted = NULL, *values = NULL, *res = NULL;
    nd_array **keys = NULL;
    size_t kb = (size_t)(m > 0 ? m : 1) * sizeof(nd_array *);
    uint8_t *mask = NULL;
    size_t mb = (size_t)(n ? n : 1);
    if (!m2) goto done;
    if (m > 0 && n > 0) {
        /* lexsort: the last key is primary, so column 0 goes last */
        keys = nd__malloc(kb);
        if (!keys) { nd__nomem(); goto done; }
        memset(keys, 0, kb);
        for (int64_t j = 0; j < m; j++) {
            nd_index ix[2] = { ND_ALL, ND_I(j) };
            if (!(keys[m - 1 - j] = nd_index_get(m2, 2, ix))) goto done;
        }
        if (m > INT32_MAX) { nd__err(ND_ERR_VALUE, "too many columns"); goto done; }
        perm = nd_lexsort_ex(keys, (int)m, &(nd_sort_opts){ .axis = ND_AXIS(0) });
        if (!perm) goto done;
    } else {
        perm = new_i64(n);
        if (!perm) goto done;
        for (int64_t i = 0; i < n; i++) ((int64_t *)perm->data)[i] = i;
    }
    const int64_t *p = (const int64_t *)perm->data;
    /* rows in sorted order */
    sorted = nd__new(d, 2, (int64_t[]){ n, m }, 'C', false);
    if (!sorted) goto done;
    int64_t rb = m * es;
    for (int64_t i = 0; i < n; i++) memcpy(sorted->data + i * rb, m2->data + p[i] * rb, (size_t)rb);
    mask = nd__malloc(mb);
    if (!mask) { nd__nomem(); goto done; }
    int64_t u = 0;
    for (int64_t i = 0; i < n; i++) {
        mask[i] = i == 0 || (m > 0 && ops->row_neq(sorted->data + i * rb, sorted->data + (i - 1) * rb, m, es));
        u += mask[i];
    }
    values = nd__new(d, 2, (int64_t[]){ u, m }, 'C', false);
    if (!values) goto done;
    for (int64_t i = 0, k = 0; i < n; i++)
        if (mask[i]) memcpy(values->data + (k++) * rb, sorted->data + i * rb, (size_t)rb);
    if (extras(mask, n, u, p, index, inverse, counts) < 0) goto done;
    {
        int64_t shp[ND_MAXDIMS];
        shp[0] = u;
        for (int k = 1; k < mv->ndim; k++) shp[k] = mv->shape[k];
        nd_array *r = nd_reshape(values, ((nd_shape_t){ mv->ndim, shp }));
        res = r ? nd_moveaxis(r, ND_AXIS(0), ND_AXIS(axis)) : NULL;
        nd_free(r);
    }
done:
    if (keys)
        for (int64_t j = 0; j < m; j++) nd_free(keys[j]);
    nd__free(keys, kb);
    nd__free(mask, mb);
    nd_free(values);
    nd_free(sorted);
    nd_free(perm);
    nd_free(m2);
    nd_free(c);
    nd_free(mv);
    if (!res) { drop(index); drop(inverse); drop(counts); }
    return res;
}

nd_array *nd_unique_ex(const nd_array *ar, const nd_unique_opts *o) {
    static const nd_unique_opts none = { 0 };
    if (!o) o = &none;
    if (o->index) *o->index = NULL;
    if (o->inverse) *o->inverse = NULL;
    if (o->counts) *o->counts = NULL;
    if (!ar) return nd__err(ND_ERR_VALUE, "unique: the array must not be NULL");
    if (o->axis.n > 1) return nd__err(ND_ERR_TYPE, "unique: axis must be a single integer");
    if (o->axis.n == 1) {
        int ax = nd__check_axis(o->axis.v[0], ar->ndim);
        if (ax < 0) return NULL;
        if (ar->ndim > 1) return unique_axis(ar, ax, o->index, o->inverse, o->counts);
    }
    nd_array *flat = nd__set_flat(ar, NULL);
    if (!flat) return NULL;
    nd_array *r = nd__unique_flat(flat, !o->no_equal_nan, o->index, o->inverse, o->counts);
    if (r && o->inverse && o->axis.n != 1) {
        /* NumPy 2: the inverse has the input's shape */
        nd_array *inv = nd_reshape(*o->inverse, nd_shape_of(ar));
        nd_free(*o->inverse);
        *o->inverse = inv;
        if (!inv) {
            nd_free(r);
            drop(o->index);
            drop(o->counts);
            return NULL;
        }
    }
    return r;
}

void nd_unique_result_free(nd_unique_result *r) {
    if (!r) return;
    nd_free(r->values);
    nd_free(r->indices);
    nd_free(r->inverse_indices);
    nd_free(r->counts);
    memset(r, 0, sizeof *r);
}

static int unique_into(const nd_array *x, nd_unique_result *r, bool idx, bool inv, bool cnt) {
    if (!r) { nd__err(ND_ERR_VALUE, "unique: the result pointer must not be NULL"); return -1; }
    memset(r, 0, sizeof *r);
    r->values = nd_unique_ex(x, &(nd_unique_opts){ .index = idx ? &r->indices : NULL,
                                                   .inverse = inv ? &r->inverse_indices : NULL,
                                                   .counts = cnt ? &r->counts : NULL, .no_equal_nan = true });
    return r->values ? 0 : -1;
}

int nd_unique_all(const nd_array *x, nd_unique_result *r) { return unique_into(x, r, true, true, true); }
int nd_unique_counts(const nd_array *x, nd_unique_result *r) { return unique_into(x, r, false, false, true); }
int nd_unique_inverse(const nd_array *x, nd_unique_result *r) { return unique_into(x, r, false, true, false); }
nd_array *nd_unique_values(const nd_array *x) { return nd_unique(x, .no_equal_nan = true); }
