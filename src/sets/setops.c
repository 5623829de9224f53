/* isin, intersect1d, union1d, setdiff1d, setxor1d.
 *
 * isin puts the test elements in a hash set (values made canonical first: -0 as +0,
 * NaNs excluded, so byte equality is NumPy's ==) and looks every element up: O(n + m)
 * where NumPy's kind='sort' sorts both inputs.  Integers spanning a small range use a
 * table of that range, as NumPy's kind='table'.  The others follow NumPy's definitions on top of unique. */
#include "sets/sets_priv.h"

/* The common dtype of two inputs (new reference to a built-in or string dtype). */
static const nd_dtype_t *common(const nd_array *a, const nd_array *b) {
    return nd_promote_types(a->dtype, b->dtype);
}

static bool int_kind(const nd_dtype_t *d) { return d->kind == 'i' || d->kind == 'u' || d->kind == 'b'; }

/* Table lookup for integer inputs (both as int64; lo..lo+range holds t's values). */
static int isin_table(const int64_t *t, int64_t m, int64_t lo, uint64_t range, const int64_t *keys, int64_t n,
                      bool *out, bool invert) {
    size_t tb = (size_t)range + 1;
    uint8_t *tab = nd__malloc(tb);
    if (!tab) { nd__nomem(); return -1; }
    memset(tab, 0, tb);
    for (int64_t i = 0; i < m; i++) tab[(uint64_t)t[i] - (uint64_t)lo] = 1;
    for (int64_t j = 0; j < n; j++) {
        uint64_t off = (uint64_t)keys[j] - (uint64_t)lo;
        out[j] = (off <= range && tab[off]) != invert;
    }
    nd__free(tab, tb);
    return 0;
}

/* A hash of es bytes (es > 0). */
static inline __attribute__((always_inline)) uint64_t hash_bytes(const char *p, int64_t es) {
    uint64_t h = (uint64_t)es * UINT64_C(0x9E3779B97F4A7C15);
    int64_t k = 0;
    for (; k + 8 <= es; k += 8) {
        uint64_t w;
        memcpy(&w, p + k, 8);
        h = (h ^ w) * UINT64_C(0xbf58476d1ce4e5b9);
        h ^= h >> 31;
    }
    if (k < es) {
        uint64_t w = 0;
        memcpy(&w, p + k, (size_t)(es - k));
        h = (h ^ w) * UINT64_C(0xbf58476d1ce4e5b9);
        h ^= h >> 31;
    }
    return h;
}

/* Membership through a hash set of t's canonical bytes (open addressing, linear
 * probing).  Elements equal to the canonical NaN `nan` (if any) never match. */
static inline __attribute__((always_inline)) int isin_hash(const char *t, int64_t m, const char *keys, int64_t n,
                                                         int64_t es, const char *nan, bool *out, bool invert) {
    uint64_t cap = 16;
    while (cap < (uint64_t)m * 2) cap <<= 1;
    uint64_t mask = cap - 1;
    size_t sb = (size_t)cap * sizeof(int64_t);
    int64_t *slot = nd__malloc(sb);
    if (!slot) { nd__nomem(); return -1; }
    memset(slot, 0xff, sb); /* -1: empty */
    for (int64_t i = 0; i < m; i++) {
        const char *x = t + i * es;
        if (nan && !memcmp(x, nan, (size_t)es)) continue;
        for (uint64_t h = hash_bytes(x, es) & mask;; h = (h + 1) & mask) {
            if (slot[h] < 0) { slot[h] = i; break; }
            if (!memcmp(t + slot[h] * es, x, (size_t)es)) break;
        }
    }
    for (int64_t j = 0; j < n; j++) {
        const char *x = keys + j * es;
        bool found = false;
        if (!nan || memcmp(x, nan, (size_t)es)) {
            for (uint64_t h = hash_bytes(x, es) & mask; slot[h] >= 0; h = (h + 1) & mask)
                if (!memcmp(t + slot[h] * es, x, (size_t)es)) { found = true; break; }
        }
        out[j] = found != invert;
    }
    nd__free(slot, sb);
    return 0;
}

nd_array *nd_isin_ex(const nd_array *element, const nd_array *test_elements, const nd_isin_opts *o) {
    static const nd_isin_opts none = { 0 };
    if (!o) o = &none;
    if (!element || !test_elements) return nd__err(ND_ERR_VALUE, "isin: the arrays must not be NULL");
    if ((unsigned)o->kind > ND_ISIN_TABLE)
        return nd__err(ND_ERR_VALUE, "Invalid kind: '%d'. Please use None, 'sort' or 'table'.", (int)o->kind);
    bool ints = int_kind(element->dtype) && int_kind(test_elements->dtype);
    if (o->kind == ND_ISIN_TABLE && !ints)
        return nd__err(ND_ERR_VALUE, "The 'table' method is only supported for boolean or integer arrays. "
                                     "Please select 'sort' or None for kind.");
    const nd_dtype_t *d = common(element, test_elements);
    if (!d) return NULL;
    const nd__set_ops *ops = nd__set_ops_for(d);
    nd_array *res = NULL, *keys = NULL, *t = NULL;
    if (!ops) goto done;
    int64_t n = nd_size(element), m = nd_size(test_elements);
    res = nd__new(ND_BOOL, element->ndim, element->shape, 'C', false);
    if (!res) goto done;
    bool *out = (bool *)res->data;
    if (m == 0 || n == 0) {
        for (int64_t j = 0; j < n; j++) out[j] = o->invert;
        goto done;
    }
    /* integers exactly as int64 (uint64 beyond int64 takes the hash path) */
    bool table = ints && d->type != ND_TYPE_UINT64 && d->kind != 'f';
    t = nd__set_flat(test_elements, table ? ND_INT64 : d);
    keys = t ? nd__set_flat(element, table ? ND_INT64 : d) : NULL;
    if (!keys) goto fail;
    if (table) {
        const int64_t *tv = (const int64_t *)t->data;
        int64_t lo = tv[0], hi = tv[0];
        for (int64_t i = 1; i < m; i++) { lo = tv[i] < lo ? tv[i] : lo; hi = tv[i] > hi ? tv[i] : hi; }
        uint64_t range = (uint64_t)hi - (uint64_t)lo;
        /* NumPy's memory rule; a forced table is capped so it cannot exhaust memory */
        bool small = range <= (uint64_t)(6 * (n + m)) || (o->kind == ND_ISIN_TABLE && range < ((uint64_t)1 << 32));
        if (small && o->kind != ND_ISIN_SORT) {
            if (isin_table(tv, m, lo, range, (const int64_t *)keys->data, n, out, o->invert) < 0) goto fail;
            goto done;
        }
    }
    /* equal values as equal bytes, then a hash set of the test elements */
    const nd__set_ops *to = nd__set_ops_for(t->dtype);
    int64_t es = t->dtype->itemsize;
    to->canon(t->data, m, es);
    to->canon(keys->data, n, es);
    char nanbuf[16];
    const char *nan = NULL;
    if (t->dtype->kind == 'f' || t->dtype->kind == 'c') {
        nd__value_store(t->dtype, nanbuf, t->dtype->kind == 'c' ? nd_value_complex(NAN, NAN) : nd_value_double(NAN));
        to->canon(nanbuf, 1, es);
        nan = nanbuf;
    }
    int rc;
    switch (es) { /* the common widths with the size known to the compiler */
    case 1: rc = isin_hash(t->data, m, keys->data, n, 1, nan, out, o->invert); break;
    case 2: rc = isin_hash(t->data, m, keys->data, n, 2, nan, out, o->invert); break;
    case 4: rc = isin_hash(t->data, m, keys->data, n, 4, nan, out, o->invert); break;
    case 8: rc = isin_hash(t->data, m, keys->data, n, 8, nan, out, o->invert); break;
    case 16: rc = isin_hash(t->data, m, keys->data, n, 16, nan, out, o->invert); break;
    default: rc = isin_hash(t->data, m, keys->data, n, es, nan, out, o->invert); break;
    }
    if (rc < 0) goto fail;
    goto done;
fail:
    nd_free(res);
    res = NULL;
done:
    nd_free(keys);
    nd_free(t);
    nd_dtype_free(d);
    return res;
}

/* Both inputs as one flat array of their common dtype (np.concatenate of ravels). */
static nd_array *concat_flat(const nd_array *a, const nd_array *b) {
    const nd_dtype_t *d = common(a, b);
    if (!d) return NULL;
    int64_t na = nd_size(a), nb = nd_size(b), n = na + nb;
    nd_array *fa = nd__set_flat(a, d), *fb = fa ? nd__set_flat(b, d) : NULL;
    nd_array *r = fb ? nd__new(d, 1, &n, 'C', false) : NULL;
    if (r) {
        memcpy(r->data, fa->data, (size_t)(na * d->itemsize));
        memcpy(r->data + na * d->itemsize, fb->data, (size_t)(nb * d->itemsize));
    }
    nd_free(fa);
    nd_free(fb);
    nd_dtype_free(d);
    return r;
}

nd_array *nd_union1d(const nd_array *ar1, const nd_array *ar2) {
    if (!ar1 || !ar2) return nd__err(ND_ERR_VALUE, "union1d: the arrays must not be NULL");
    nd_array *c = concat_flat(ar1, ar2);
    return c ? nd__unique_flat(c, true, NULL, NULL, NULL) : NULL;
}

nd_array *nd_intersect1d_ex(const nd_array *ar1, const nd_array *ar2, const nd_intersect1d_opts *o) {
    static const nd_intersect1d_opts none = { 0 };
    if (!o) o = &none;
    if (o->indices1) *o->indices1 = NULL;
    if (o->indices2) *o->indices2 = NULL;
    if (!ar1 || !ar2) return nd__err(ND_ERR_VALUE, "intersect1d: the arrays must not be NULL");
    bool want = o->indices1 || o->indices2;
    nd_array *u1 = NULL, *u2 = NULL, *i1 = NULL, *i2 = NULL, *aux = NULL, *perm = NULL, *sorted = NULL;
    nd_array *res = NULL, *r1 = NULL, *r2 = NULL;
    uint8_t *mask = NULL;
    size_t mb = 0;
    if (!o->assume_unique) {
        nd_array *f1 = nd__set_flat(ar1, NULL);
        u1 = f1 ? nd__unique_flat(f1, true, want ? &i1 : NULL, NULL, NULL) : NULL;
        nd_array *f2 = u1 ? nd__set_flat(ar2, NULL) : NULL;
        u2 = f2 ? nd__unique_flat(f2, true, want ? &i2 : NULL, NULL, NULL) : NULL;
    } else {
        u1 = nd__set_flat(ar1, NULL);
        u2 = u1 ? nd__set_flat(ar2, NULL) : NULL;
    }
    if (!u2) goto done;
    aux = concat_flat(u1, u2);
    if (!aux) goto done;
    const nd_dtype_t *d = aux->dtype;
    const nd__set_ops *ops = nd__set_ops_for(d);
    if (!ops) goto done;
    int64_t n = aux->shape[0], n1 = u1->shape[0], es = d->itemsize;
    const int64_t *p = NULL;
    if (want) {
        if (!(perm = nd__new(ND_INT64, 1, &n, 'C', false))) goto done;
        int64_t *pp = (int64_t *)perm->data;
        for (int64_t i = 0; i < n; i++) pp[i] = i;
        if (nd__argsort_1d(d, aux->data, pp, n, ND_STABLE) < 0) goto done;
        if (!(sorted = nd__set_gather(d, aux->data, pp, n))) goto done;
        p = pp;
    } else {
        if (nd__sort_1d(d, aux->data, n, ND_QUICKSORT) < 0) goto done;
        sorted = nd_ref(aux);
    }
    mb = (size_t)(n ? n : 1);
    mask = nd__malloc(mb);
    if (!mask) { nd__nomem(); goto done; }
    ops->neq_adj(sorted->data, n, mask, es);
    /* keep[i] for i < n - 1: sorted[i] == sorted[i + 1] */
    int64_t u = 0;
    for (int64_t i = 0; i + 1 < n; i++) { mask[i] = !mask[i + 1]; u += mask[i]; }
    if (n > 0) mask[n - 1] = 0;
    res = nd__set_compress(d, sorted->data, mask, n, u);
    if (!res || !want) goto done;
    r1 = nd__new(ND_INT64, 1, &u, 'C', false);
    r2 = nd__new(ND_INT64, 1, &u, 'C', false);
    if (!r1 || !r2) { nd_free(res); res = NULL; goto done; }
    for (int64_t i = 0, k = 0; i + 1 < n; i++) {
        if (!mask[i]) continue;
        int64_t a = p[i], b = p[i + 1] - n1;
        ((int64_t *)r1->data)[k] = i1 ? ((const int64_t *)i1->data)[a] : a;
        ((int64_t *)r2->data)[k] = i2 ? ((const int64_t *)i2->data)[b] : b;
        k++;
    }
    if (o->indices1) { *o->indices1 = r1; r1 = NULL; }
    if (o->indices2) { *o->indices2 = r2; r2 = NULL; }
done:
    nd__free(mask, mb);
    nd_free(u1); nd_free(u2); nd_free(i1); nd_free(i2);
    nd_free(aux); nd_free(perm); nd_free(sorted); nd_free(r1); nd_free(r2);
    return res;
}

nd_array *nd_setdiff1d_ex(const nd_array *ar1, const nd_array *ar2, const nd_setop_opts *o) {
    static const nd_setop_opts none = { 0 };
    if (!o) o = &none;
    if (!ar1 || !ar2) return nd__err(ND_ERR_VALUE, "setdiff1d: the arrays must not be NULL");
    nd_array *a1, *a2;
    if (o->assume_unique) {
        a1 = nd__set_flat(ar1, NULL);
        a2 = a1 ? nd_ref((nd_array *)ar2) : NULL;
    } else {
        nd_array *f1 = nd__set_flat(ar1, NULL);
        a1 = f1 ? nd__unique_flat(f1, true, NULL, NULL, NULL) : NULL;
        nd_array *f2 = a1 ? nd__set_flat(ar2, NULL) : NULL;
        a2 = f2 ? nd__unique_flat(f2, true, NULL, NULL, NULL) : NULL;
    }
    nd_array *keep = a2 ? nd_isin(a1, a2, .assume_unique = true, .invert = true) : NULL;
    nd_array *r = NULL;
    if (keep) {
        int64_t n = a1->shape[0], u = 0;
        for (int64_t i = 0; i < n; i++) u += ((const uint8_t *)keep->data)[i];
        r = nd__set_compress(a1->dtype, a1->data, (const uint8_t *)keep->data, n, u);
    }
    nd_free(keep);
    nd_free(a1);
    nd_free(a2);
    return r;
}

nd_array *nd_setxor1d_ex(const nd_array *ar1, const nd_array *ar2, const nd_setop_opts *o) {
    static const nd_setop_opts none = { 0 };
    if (!o) o = &none;
    if (!ar1 || !ar2) return nd__err(ND_ERR_VALUE, "setxor1d: the arrays must not be NULL");
    nd_array *aux;
    if (o->assume_unique) {
        aux = concat_flat(ar1, ar2);
    } else {
        nd_array *f1 = nd__set_flat(ar1, NULL);
        nd_array *u1 = f1 ? nd__unique_flat(f1, true, NULL, NULL, NULL) : NULL;
        nd_array *f2 = u1 ? nd__set_flat(ar2, NULL) : NULL;
        nd_array *u2 = f2 ? nd__unique_flat(f2, true, NULL, NULL, NULL) : NULL;
        aux = u2 ? concat_flat(u1, u2) : NULL;
        nd_free(u1);
        nd_free(u2);
    }
    if (!aux) return NULL;
    const nd_dtype_t *d = aux->dtype;
    const nd__set_ops *ops = nd__set_ops_for(d);
    int64_t n = aux->shape[0];
    if (!ops || n == 0) { if (!ops) { nd_free(aux); return NULL; } return aux; }
    if (nd__sort_1d(d, aux->data, n, ND_QUICKSORT) < 0) { nd_free(aux); return NULL; }
    size_t mb = (size_t)n + 1;
    uint8_t *flag = nd__malloc(mb);
    if (!flag) { nd_free(aux); return nd__nomem(); }
    ops->neq_adj(aux->data, n, flag, d->itemsize);
    flag[n] = 1;
    int64_t u = 0;
    for (int64_t i = 0; i < n; i++) { flag[i] = flag[i] && flag[i + 1]; u += flag[i]; }
    nd_array *r = nd__set_compress(d, aux->data, flag, n, u);
    nd__free(flag, mb);
    nd_free(aux);
    return r;
}
