/* Rearranging elements: flip, fliplr, flipud, rot90 (views), roll, tile, repeat,
 * resize (copies) and trim_zeros (a view). */
#include "manip/manip.h"

/* ------------------------------------------------------------- flip, rot90 */

static nd_array *flip_axes(const nd_array *m, const bool *which) {
    int64_t st[ND_MAXDIMS];
    char *data = m->data;
    for (int i = 0; i < m->ndim; i++) {
        st[i] = m->strides[i];
        if (which[i] && m->shape[i] > 0) { data += (m->shape[i] - 1) * m->strides[i]; st[i] = -st[i]; }
    }
    return nd__view(m, m->dtype, m->ndim, m->shape, st, data);
}

nd_array *nd_flip_ex(const nd_array *m, const nd_flip_opts *o) {
    if (!m) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    bool which[ND_MAXDIMS] = { false };
    if (!o || o->axis.n == 0) {
        for (int i = 0; i < m->ndim; i++) which[i] = true;
    } else {
        if (o->axis.n > ND_MAXDIMS) return nd__err(ND_ERR_VALUE, "invalid axes");
        for (int i = 0; i < o->axis.n; i++) {
            int ax = nd__check_axis(o->axis.v[i], m->ndim);
            if (ax < 0) return NULL;
            if (which[ax]) return nd__err(ND_ERR_VALUE, "repeated axis");
            which[ax] = true;
        }
    }
    return flip_axes(m, which);
}

nd_array *nd_fliplr(const nd_array *m) {
    if (m && m->ndim < 2) return nd__err(ND_ERR_VALUE, "Input must be >= 2-d.");
    return nd_flip(m, .axis = ND_AXIS(1));
}

nd_array *nd_flipud(const nd_array *m) {
    if (m && m->ndim < 1) return nd__err(ND_ERR_VALUE, "Input must be >= 1-d.");
    return nd_flip(m, .axis = ND_AXIS(0));
}

nd_array *nd_rot90_ex(const nd_array *m, int64_t k, const nd_rot90_opts *o) {
    if (!m) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    int n = m->ndim;
    int a0 = 0, a1 = 1;
    if (o && o->axes.n) {
        if (o->axes.n != 2) return nd__err(ND_ERR_VALUE, "len(axes) must be 2.");
        a0 = o->axes.v[0];
        a1 = o->axes.v[1];
    }
    if (a0 == a1 || abs(a0 - a1) == n) return nd__err(ND_ERR_VALUE, "Axes must be different.");
    if (a0 >= n || a0 < -n || a1 >= n || a1 < -n)
        return nd__err(ND_ERR_VALUE, "Axes=(%d, %d) out of range for array of ndim=%d.", a0, a1, n);
    if (a0 < 0) a0 += n;
    if (a1 < 0) a1 += n;
    k = ((k % 4) + 4) % 4;
    bool which[ND_MAXDIMS] = { false };
    if (k == 0) return flip_axes(m, which);
    if (k == 2) { which[a0] = which[a1] = true; return flip_axes(m, which); }
    int perm[ND_MAXDIMS];
    for (int i = 0; i < n; i++) perm[i] = i;
    perm[a0] = a1;
    perm[a1] = a0;
    which[a1] = true;
    if (k == 1) { /* transpose(flip(m, a1), perm) */
        nd_array *f = flip_axes(m, which);
        nd_array *r = f ? nd_transpose(f, perm) : NULL;
        nd_free(f);
        return r;
    }
    nd_array *t = nd_transpose(m, perm); /* flip(transpose(m, perm), a1) */
    nd_array *r = t ? flip_axes(t, which) : NULL;
    nd_free(t);
    return r;
}

/* ------------------------------------------------------------- roll */

/* Copy src into dst rolled by off[ax] along each axis in axes[i..k): two pieces per
 * axis, so 2^k block assignments in all. */
static int roll_rec(nd_array *dst, const nd_array *src, const int *axes, const int64_t *off, int i, int k) {
    if (i == k) return nd__assign(dst, src);
    int ax = axes[i];
    int64_t n = src->shape[ax], o = off[i];
    for (int part = 0; part < 2; part++) {
        int64_t d0 = part ? 0 : o, s0 = part ? n - o : 0, len = part ? o : n - o;
        if (len == 0) continue;
        nd_array *d = nd__m_range(dst, ax, d0, len, 1);
        nd_array *s = d ? nd__m_range(src, ax, s0, len, 1) : NULL;
        int r = s ? roll_rec(d, s, axes, off, i + 1, k) : -1;
        nd_free(d);
        nd_free(s);
        if (r < 0) return -1;
    }
    return 0;
}

nd_array *nd_roll_ex(const nd_array *a, nd_ints shift, const nd_roll_opts *o) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (shift.n < 0 || (shift.n && !shift.v)) return nd__err(ND_ERR_VALUE, "invalid shift");
    bool none = !o || o->axis.n == 0;
    int nax = none ? 1 : o->axis.n;
    if (shift.n != nax && shift.n != 1 && nax != 1)
        return nd__err(ND_ERR_VALUE, "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (%d,) and arg 1 with shape (%d,).",
                       shift.n, nax);
    nd_array *src = none ? nd__m_flat(a) : nd_ref((nd_array *)a);
    if (!src) return NULL;
    int64_t total[ND_MAXDIMS] = { 0 };
    int count = shift.n == 0 ? 0 : (shift.n > nax ? shift.n : nax);
    for (int i = 0; i < count; i++) {
        int ax = none ? 0 : nd__check_axis(o->axis.v[nax == 1 ? 0 : i], src->ndim);
        if (ax < 0) { nd_free(src); return NULL; }
        int64_t s = shift.v[shift.n == 1 ? 0 : i], n = src->shape[ax];
        if (n) total[ax] = (total[ax] + (s % n + n) % n) % n;
    }
    int axes[ND_MAXDIMS], k = 0;
    int64_t off[ND_MAXDIMS];
    for (int i = 0; i < src->ndim; i++)
        if (total[i]) { axes[k] = i; off[k] = total[i]; k++; }
    nd_array *res = nd__new(a->dtype, src->ndim, src->shape, 'C', false);
    if (res && roll_rec(res, src, axes, off, 0, k) < 0) { nd_free(res); res = NULL; }
    nd_free(src);
    if (res && none) {
        nd_array *r = nd_reshape(res, nd_shape_of(a));
        nd_free(res);
        res = r;
    }
    return res;
}

/* ------------------------------------------------------------- tile */

nd_array *nd_tile(const nd_array *a, nd_ints reps) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (reps.n < 0 || reps.n > ND_MAXDIMS || (reps.n && !reps.v)) return nd__err(ND_ERR_VALUE, "invalid reps");
    int nd = a->ndim > reps.n ? a->ndim : reps.n;
    int64_t r[ND_MAXDIMS], s[ND_MAXDIMS], ss[ND_MAXDIMS], out[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) {
        int ia = i - (nd - a->ndim), ir = i - (nd - reps.n);
        r[i] = ir >= 0 ? reps.v[ir] : 1;
        s[i] = ia >= 0 ? a->shape[ia] : 1;
        ss[i] = ia >= 0 ? a->strides[ia] : 0;
        if (r[i] < 0 || !nd__mul_ok(r[i], s[i], &out[i]))
            return nd__err(ND_ERR_VALUE, r[i] < 0 ? "negative dimensions are not allowed" : "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    }
    nd_array *res = nd__new(a->dtype, nd, out, 'C', false);
    if (!res || nd_size(res) == 0) return res;
    /* result as (r0, s0, r1, s1, ...), the source broadcast along every r axis;
     * axes repeated once are not split */
    int64_t vsh[ND_MAXDIMS], dst[ND_MAXDIMS], sst[ND_MAXDIMS];
    int v = 0;
    for (int i = 0; i < nd; i++) {
        if (r[i] != 1) {
            if (v == ND_MAXDIMS) { nd_free(res); return nd__err(ND_ERR_VALUE, "tile: too many dimensions"); }
            vsh[v] = r[i]; dst[v] = s[i] * res->strides[i]; sst[v] = 0; v++;
        }
        if (v == ND_MAXDIMS) { nd_free(res); return nd__err(ND_ERR_VALUE, "tile: too many dimensions"); }
        vsh[v] = s[i]; dst[v] = res->strides[i]; sst[v] = ss[i]; v++;
    }
    nd_array *dv = nd__view(res, res->dtype, v, vsh, dst, res->data);
    nd_array *sv = dv ? nd__view(a, a->dtype, v, vsh, sst, a->data) : NULL;
    int rc = sv ? nd__assign(dv, sv) : -1;
    nd_free(dv);
    nd_free(sv);
    if (rc < 0) { nd_free(res); return NULL; }
    return res;
}

/* ------------------------------------------------------------- repeat */

/* Copy `times` copies of a chunk of isz bytes; fixed sizes become plain stores. */
static inline char *put_copies(char *d, const char *s, int64_t isz, int64_t times) {
    switch (isz) {
    case 1: memset(d, *s, (size_t)times); return d + times;
    case 2: for (int64_t c = 0; c < times; c++, d += 2) memcpy(d, s, 2); return d;
    case 4: for (int64_t c = 0; c < times; c++, d += 4) memcpy(d, s, 4); return d;
    case 8: for (int64_t c = 0; c < times; c++, d += 8) memcpy(d, s, 8); return d;
    case 16: for (int64_t c = 0; c < times; c++, d += 16) memcpy(d, s, 16); return d;
    default: for (int64_t c = 0; c < times; c++, d += isz) memcpy(d, s, (size_t)isz); return d;
    }
}

nd_array *nd_repeat_ex(const nd_array *a, int64_t repeats, const nd_repeat_opts *o) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_ints counts = o ? o->counts : ND_INTS0;
    if (counts.n < 0 || (counts.n && !counts.v)) return nd__err(ND_ERR_VALUE, "invalid counts");
    bool none = !o || o->axis.n == 0;
    /* a C-contiguous source: the flattened array, or a itself */
    nd_array *src = none ? nd_ravel(a, 'C') : nd_ascontiguousarray(a);
    if (!src) return NULL;
    nd_array *res = NULL;
    int axis = none ? 0 : nd__check_axis(o->axis.v[0], src->ndim);
    if (axis < 0) goto done;
    if (src->ndim == 0) { nd_free(src); src = nd_reshape(a, ND_SHAPE(1)); if (!src) return NULL; }
    int64_t n = src->shape[axis];
    bool per = counts.n > 0 || (o && o->counts.v);
    if (per && counts.n != 1 && counts.n != n) {
        nd__err(ND_ERR_VALUE, "operands could not be broadcast together with shape (%lld,) (%d,)", (long long)n, counts.n);
        goto done;
    }
    int64_t total = 0;
    if (per) {
        for (int64_t i = 0; i < n; i++) {
            int64_t c = counts.v[counts.n == 1 ? 0 : i];
            if (c < 0) { nd__err(ND_ERR_VALUE, "repeats may not contain negative values."); goto done; }
            if (!nd__add_ok(total, c, &total)) { nd__err(ND_ERR_VALUE, "array is too big"); goto done; }
        }
    } else {
        if (repeats < 0) { nd__err(ND_ERR_VALUE, "negative dimensions are not allowed"); goto done; }
        if (!nd__mul_ok(repeats, n, &total)) { nd__err(ND_ERR_VALUE, "array is too big"); goto done; }
    }
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, src->shape, (size_t)src->ndim * sizeof(int64_t));
    shape[axis] = total;
    res = nd__new(a->dtype, src->ndim, shape, 'C', false);
    if (!res || nd_size(res) == 0) goto done;
    int64_t outer = 1, chunk = src->dtype->itemsize;
    for (int i = 0; i < axis; i++) outer *= src->shape[i];
    for (int i = axis + 1; i < src->ndim; i++) chunk *= src->shape[i];
    /* a flat walk over contiguous memory: (outer, n) chunks of `chunk` bytes */
    const char *s = src->data;
    char *d = res->data;
    for (int64_t q = 0; q < outer; q++)
        for (int64_t i = 0; i < n; i++, s += chunk)
            d = put_copies(d, s, chunk, per ? counts.v[counts.n == 1 ? 0 : i] : repeats);
done:
    nd_free(src);
    return res;
}

/* ------------------------------------------------------------- resize */

nd_array *nd_resize(const nd_array *a, nd_shape_t new_shape) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (new_shape.ndim < 0 || new_shape.ndim > ND_MAXDIMS || (new_shape.ndim && !new_shape.dims))
        return nd__err(ND_ERR_VALUE, "invalid shape");
    for (int i = 0; i < new_shape.ndim; i++)
        if (new_shape.dims[i] < 0) return nd__err(ND_ERR_VALUE, "all elements of `new_shape` must be non-negative");
    nd_array *res = nd__new(a->dtype, new_shape.ndim, new_shape.dims, 'C', false);
    if (!res) return NULL;
    int64_t total = nd_size(res), n = nd_size(a);
    if (total == 0) return res;
    if (n == 0) { memset(res->data, 0, (size_t)(total * a->dtype->itemsize)); return res; }
    nd_array *flat = nd_ravel(a, 'C');
    int64_t one[1] = { total }, st[1] = { a->dtype->itemsize };
    nd_array *rf = flat ? nd__view(res, res->dtype, 1, one, st, res->data) : NULL;
    int rc = rf ? 0 : -1;
    for (int64_t pos = 0; rc == 0 && pos < total; pos += n) /* whole copies, the last one cut */
        rc = nd__m_copy_range(rf, pos, flat, 0, 0, total - pos < n ? total - pos : n, 1);
    nd_free(rf);
    nd_free(flat);
    if (rc < 0) { nd_free(res); return NULL; }
    return res;
}

/* ------------------------------------------------------------- trim_zeros */

static bool elem_nonzero(const nd_dtype_t *d, const char *p) {
    if (d->kind == 'f' || d->kind == 'c') { /* -0.0 is zero, NaN is not */
        nd_value v = nd__value_load(d, p);
        return d->kind == 'f' ? v.v.f != 0 : (v.v.c.re != 0 || v.v.c.im != 0);
    }
    for (int64_t i = 0; i < d->itemsize; i++)
        if (p[i]) return true;
    return false;
}

/* NumPy 2.2's trim_zeros: the bounding box of the nonzero elements (np.argwhere's
 * truth: NaN counts, -0.0 does not), on every axis (axis None) or on one; an all-zero
 * array gives an empty slice on those axes whatever `trim` says.  A view. */
nd_array *nd_trim_zeros_ex(const nd_array *filt, const nd_trim_zeros_opts *o) {
    if (!filt) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_trim_zeros_opts d0 = { 0 };
    if (!o) o = &d0;
    const char *trim = o->trim ? o->trim : "fb";
    char low[8] = { 0 };
    size_t tl = strlen(trim);
    for (size_t i = 0; i < tl && i < sizeof low - 1; i++) low[i] = (char)(trim[i] >= 'A' && trim[i] <= 'Z' ? trim[i] + 32 : trim[i]);
    if (tl >= sizeof low || !(!strcmp(low, "fb") || !strcmp(low, "bf") || !strcmp(low, "f") || !strcmp(low, "b")))
        return nd__err(ND_ERR_VALUE, "unexpected character(s) in `trim`: '%s'", trim);
    bool front = strchr(low, 'f'), back = strchr(low, 'b');
    int nd = filt->ndim, only = -1;
    if (o->axis.n > 1) return nd__err(ND_ERR_TYPE, "trim_zeros: axis must be a single integer or None");
    if (o->axis.n == 1 && nd != 1 && (only = nd__check_axis(o->axis.v[0], nd)) < 0) return NULL; /* 1-d ignores axis, as NumPy */
    int64_t start[ND_MAXDIMS], stop[ND_MAXDIMS];
    if (nd == 1) { /* a scan from each end */
        int64_t n = filt->shape[0], first = 0, last = n;
        while (first < n && !elem_nonzero(filt->dtype, filt->data + first * filt->strides[0])) first++;
        while (last > first && !elem_nonzero(filt->dtype, filt->data + (last - 1) * filt->strides[0])) last--;
        start[0] = first;
        stop[0] = last;
        if (first == last) start[0] = stop[0] = 0;
    } else if (nd > 1) {
        nd_array *nz = nd_argwhere(filt);
        if (!nz) return NULL;
        int64_t cnt = nz->shape[0];
        const int64_t *c = (const int64_t *)nz->data; /* a new C-contiguous (cnt, nd) array */
        for (int d = 0; d < nd; d++) { start[d] = cnt ? INT64_MAX : 0; stop[d] = -1; }
        for (int64_t k = 0; k < cnt; k++)
            for (int d = 0; d < nd; d++) {
                if (c[k * nd + d] < start[d]) start[d] = c[k * nd + d];
                if (c[k * nd + d] > stop[d]) stop[d] = c[k * nd + d];
            }
        for (int d = 0; d < nd; d++) stop[d]++;
        nd_free(nz);
    }
    int64_t shape[ND_MAXDIMS];
    char *data = filt->data;
    for (int d = 0; d < nd; d++) {
        int64_t lo = 0, hi = filt->shape[d];
        if (only < 0 || only == d) {
            bool empty = start[d] >= stop[d]; /* all zero */
            lo = empty ? 0 : front ? start[d] : 0;
            hi = empty ? 0 : back ? stop[d] : filt->shape[d];
        }
        shape[d] = hi - lo;
        if (shape[d] > 0) data += lo * filt->strides[d];
    }
    return nd__view(filt, filt->dtype, nd, shape, filt->strides, data);
}
