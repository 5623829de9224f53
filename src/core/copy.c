/* Copies, casts and assignment: everything that moves elements from one array into
 * another goes through nd__assign, which walks both with the iterator and converts
 * chunk by chunk with the cast loops of cast.c (no full-size temporaries). */
#include "core/internal.h"
#include "ufunc/ufunc_internal.h" /* nd__scalar_to: NEP 50 bounds of C integers */
#include "core/cast.h"

/* --------------------------------------------------------- the copy loop */

typedef struct { nd__cast_fn cast; const nd_dtype_t *dd, *sd; } assign_ctx;

static int copy_same(char **p, int64_t n, const int64_t *s, void *ud) {
    int64_t isz = ((assign_ctx *)ud)->dd->itemsize;
    char *d = p[0], *src = p[1];
    int64_t ds = s[0], ss = s[1];
    if (ds == isz && ss == isz) { memmove(d, src, (size_t)(n * isz)); return 0; }
    switch (isz) { /* fixed sizes let the compiler emit plain loads and stores */
    case 1: for (int64_t i = 0; i < n; i++) d[i * ds] = src[i * ss]; break;
    case 2: for (int64_t i = 0; i < n; i++) memcpy(d + i * ds, src + i * ss, 2); break;
    case 4: for (int64_t i = 0; i < n; i++) memcpy(d + i * ds, src + i * ss, 4); break;
    case 8:
        if (ds == 8 && ss % 8 == 0 && ((uintptr_t)d % 8 | (uintptr_t)src % 8) == 0) {
            /* gather into a contiguous run: typed, unrolled, independent loads */
            uint64_t *q = (uint64_t *)(void *)d;
            const uint64_t *r = (const uint64_t *)(const void *)src;
            int64_t k = ss / 8, i = 0;
            for (; i + 4 <= n; i += 4) {
                uint64_t a0 = r[i * k], a1 = r[(i + 1) * k], a2 = r[(i + 2) * k], a3 = r[(i + 3) * k];
                q[i] = a0; q[i + 1] = a1; q[i + 2] = a2; q[i + 3] = a3;
            }
            for (; i < n; i++) q[i] = r[i * k];
        } else {
            for (int64_t i = 0; i < n; i++) memcpy(d + i * ds, src + i * ss, 8);
        }
        break;
    case 16: for (int64_t i = 0; i < n; i++) memcpy(d + i * ds, src + i * ss, 16); break;
    default: for (int64_t i = 0; i < n; i++) memmove(d + i * ds, src + i * ss, (size_t)isz);
    }
    return 0;
}

static int copy_cast(char **p, int64_t n, const int64_t *s, void *ud) {
    assign_ctx *c = ud;
    c->cast(p[0], s[0], p[1], s[1], n, c->dd, c->sd);
    return nd__cast_failed(); /* text that does not parse as a number */
}

/* Is src assignable into dst's shape?  Leading length-1 axes of src beyond dst's
 * ndim are dropped, as NumPy does. Returns a view to use (a new handle) or NULL. */
static nd_array *fit_source(const nd_array *dst, const nd_array *src) {
    int drop = 0;
    while (src->ndim - drop > dst->ndim && src->shape[drop] == 1) drop++;
    int sn = src->ndim - drop;
    bool ok = sn <= dst->ndim;
    for (int i = 0; ok && i < sn; i++) {
        int64_t a = src->shape[drop + i], b = dst->shape[dst->ndim - sn + i];
        ok = a == b || a == 1;
    }
    if (!ok) {
        char b1[512], b2[512];
        return nd__err(ND_ERR_VALUE, "could not broadcast input array from shape %s into shape %s",
                       nd__shape_str(b1, sizeof b1, src->ndim, src->shape),
                       nd__shape_str(b2, sizeof b2, dst->ndim, dst->shape));
    }
    return nd__view(src, src->dtype, sn, src->shape + drop, src->strides + drop, src->data);
}

/* Run one region of a tiled walk: C-order geometry (outermost first). */
static int run_region(int nd, const int64_t *shape, char *const *data, int64_t (*st)[ND_MAXDIMS],
                      nd__loop_fn loop, void *ud) {
    for (int i = 0; i < nd; i++)
        if (shape[i] == 0) return 0;
    nd__iter it;
    const int64_t *sp[2] = { st[0], st[1] };
    if (nd__iter_prepare(&it, 2, nd, shape, data, sp, true) < 0) return -1;
    int64_t n;
    while ((n = nd__iter_next(&it)) > 0)
        if (loop(it.ptr, n, it.inner_strides, ud) < 0) return -1;
    return 0;
}

/* Walk dst and src together.  When they disagree on which axis is contiguous (a
 * transpose), the two inner axes are cut into B x B tiles so that both sides stay in
 * cache; the tiles are just another geometry handed to the iterator. */
static int assign_walk(const nd_array *const *ops, nd__loop_fn loop, void *ud) {
    int nd;
    int64_t shape[ND_MAXDIMS], st[2][ND_MAXDIMS];
    if (nd__broadcast(2, ops, &nd, shape, st) < 0) return -1;
    char *data[2] = { ops[0]->data, ops[1]->data };
    const int64_t *sp[2] = { st[0], st[1] };
    nd__iter it;
    if (nd__iter_prepare(&it, 2, nd, shape, data, sp, false) < 0) return -1;
    enum { B = 32 };
    int64_t L0 = it.shape[0], L1 = it.ndim >= 2 ? it.shape[1] : 0;
    bool tile = it.ndim >= 2 && it.ndim <= 16 && L0 >= 2 * B && L1 >= 2 * B &&
                llabs(it.strides[1][1]) < llabs(it.strides[0][1]) && /* src runs along axis 1 */
                llabs(it.strides[0][0]) < llabs(it.strides[1][0]);   /* dst runs along axis 0 */
    if (!tile) {
        int64_t n;
        while ((n = nd__iter_next(&it)) > 0)
            if (loop(it.ptr, n, it.inner_strides, ud) < 0) return -1;
        return 0;
    }
    /* C-order geometry: the outer axes (it.ndim-1 .. 2), then the tiled pair */
    int no = it.ndim - 2;
    int64_t g[ND_MAXDIMS], gs[2][ND_MAXDIMS];
    for (int i = 0; i < no; i++) {
        g[i] = it.shape[it.ndim - 1 - i];
        for (int k = 0; k < 2; k++) gs[k][i] = it.strides[it.ndim - 1 - i][k];
    }
    int64_t m0 = L0 / B, m1 = L1 / B;
    int64_t s0[2] = { it.strides[0][0], it.strides[0][1] }, s1[2] = { it.strides[1][0], it.strides[1][1] };
    /* full tiles: (m1, m0, B, B) */
    g[no] = m1; g[no + 1] = m0; g[no + 2] = B; g[no + 3] = B;
    for (int k = 0; k < 2; k++) {
        gs[k][no] = B * s1[k]; gs[k][no + 1] = B * s0[k]; gs[k][no + 2] = s1[k]; gs[k][no + 3] = s0[k];
    }
    if (run_region(no + 4, g, it.origin, gs, loop, ud) < 0) return -1;
    /* the strip of axis 0 past the last full tile: (L1, L0 - m0 B) */
    char *d2[2];
    g[no] = L1; g[no + 1] = L0 - m0 * B;
    for (int k = 0; k < 2; k++) { gs[k][no] = s1[k]; gs[k][no + 1] = s0[k]; d2[k] = it.origin[k] + m0 * B * s0[k]; }
    if (run_region(no + 2, g, d2, gs, loop, ud) < 0) return -1;
    /* the strip of axis 1 past the last full tile: (L1 - m1 B, m0 B) */
    g[no] = L1 - m1 * B; g[no + 1] = m0 * B;
    for (int k = 0; k < 2; k++) d2[k] = it.origin[k] + m1 * B * s1[k];
    return run_region(no + 2, g, d2, gs, loop, ud);
}

int nd__assign(nd_array *dst, const nd_array *src) {
    if (!nd__check_writeable(dst)) return -1;
    bool same_shape = dst->ndim == src->ndim &&
                      memcmp(dst->shape, src->shape, (size_t)dst->ndim * sizeof(int64_t)) == 0;
    /* s is either src itself (borrowed) or a view/copy this function owns */
    nd_array *s = same_shape ? (nd_array *)src : fit_source(dst, src);
    if (!s) return -1;
    bool own = !same_shape;
    /* overlapping memory: read from a private copy first.  A destination that owns
     * nd-allocated memory and has no other handle or view cannot overlap anything. */
    bool sole = !dst->base && (dst->mem_size || dst->extra) && atomic_load(&dst->refcount) == 1 && dst != s;
    if (!sole && nd_may_share_memory(dst, s) && nd_shares_memory(dst, s)) {
        nd_array *c = nd_copy(s, 'K');
        if (own) nd_free(s);
        if (!c) return -1;
        s = c;
        own = true;
    }
    /* both contiguous in the same layout and of one dtype: one block copy */
    if (same_shape && nd_dtype_equal(dst->dtype, s->dtype) &&
        (((dst->flags & s->flags) & ND_C_CONTIGUOUS) || ((dst->flags & s->flags) & ND_F_CONTIGUOUS))) {
        memmove(dst->data, s->data, (size_t)nd_nbytes(dst));
        if (own) nd_free(s);
        return 0;
    }
    assign_ctx ctx = { NULL, dst->dtype, s->dtype };
    int r;
    if (nd_dtype_equal(dst->dtype, s->dtype)) {
        r = assign_walk((const nd_array *[]){ dst, s }, copy_same, &ctx);
    } else if (!(ctx.cast = nd__get_cast(dst->dtype, s->dtype))) {
        r = -1;
    } else {
        /* NumPy's "overflow encountered in cast"; inside a ufunc, its own check sees
         * the flags and names the ufunc instead */
        bool outer = !nd__fpe_nested(), fpe = outer && nd__fpe_begin();
        if (same_shape && (((dst->flags & s->flags) & ND_C_CONTIGUOUS) || ((dst->flags & s->flags) & ND_F_CONTIGUOUS))) {
            /* both contiguous in one layout: a single flat loop */
            char *p[2] = { dst->data, s->data };
            int64_t st[2] = { dst->dtype->itemsize, s->dtype->itemsize };
            r = copy_cast(p, nd_size(dst), st, &ctx);
        } else {
            r = assign_walk((const nd_array *[]){ dst, s }, copy_cast, &ctx);
        }
        if (outer) {
            if (r == 0) r = nd__fpe_end(fpe, "cast");
            else nd__fpe_end(false, NULL);
        }
    }
    if (own) nd_free(s);
    return r;
}

static int cast_error(const nd_dtype_t *from, const nd_dtype_t *to, nd_casting casting) {
    static const char *const names[] = { "same_kind", "no", "equiv", "safe", "same_kind", "unsafe" };
    return nd_error_set(ND_ERR_TYPE, "Cannot cast array data from dtype('%s') to dtype('%s') according to the rule '%s'",
                        nd__is_numeric(from) ? from->name : from->str + (from->str[0] == '|'),
                        nd__is_numeric(to) ? to->name : to->str + (to->str[0] == '|'),
                        names[casting]);
}

int nd_copyto(nd_array *dst, const nd_array *src, nd_casting casting) {
    if (!dst || !src) return nd_error_set(ND_ERR_VALUE, "copyto: arrays must not be NULL");
    if (casting == ND_CASTING_DEFAULT) casting = ND_CASTING_SAME_KIND;
    if (!nd_can_cast(src->dtype, dst->dtype, casting)) return cast_error(src->dtype, dst->dtype, casting);
    return nd__assign(dst, src);
}

/* ----------------------------------------------------------- copy and cast */

static char resolve_order(const nd_array *a, char order) {
    switch (order) {
    case 0: case 'K': case 'k': return 'K';
    case 'C': case 'c': return 'C';
    case 'F': case 'f': return 'F';
    case 'A': case 'a': return (a->flags & ND_F_CONTIGUOUS) && !(a->flags & ND_C_CONTIGUOUS) ? 'F' : 'C';
    default: return 0;
    }
}

static nd_array *new_in_order(const nd_array *a, const nd_dtype_t *dt, char order) {
    char o = resolve_order(a, order);
    if (!o) return nd__err(ND_ERR_VALUE, "order must be one of 'C', 'F', 'A', or 'K' (got '%c')", order);
    if (o == 'K') return nd__new_like_k(a, dt);
    return nd__new(dt, a->ndim, a->shape, o, false);
}

nd_array *nd_copy(const nd_array *a, char order) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_array *r = new_in_order(a, a->dtype, order);
    if (r && nd__assign(r, a) < 0) { nd_free(r); return NULL; }
    return r;
}

nd_array *nd_ascontiguousarray(const nd_array *a) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if ((a->flags & ND_C_CONTIGUOUS) && a->ndim > 0) return nd_ref((nd_array *)a);
    if (a->ndim == 0) { /* NumPy returns at least 1-d */
        nd_array *r = nd__new(a->dtype, 1, (int64_t[]){ 1 }, 'C', false);
        if (r) memcpy(r->data, a->data, (size_t)a->dtype->itemsize);
        return r;
    }
    return nd_copy(a, 'C');
}

nd_array *nd_asfortranarray(const nd_array *a) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if ((a->flags & ND_F_CONTIGUOUS) && a->ndim > 0) return nd_ref((nd_array *)a);
    if (a->ndim == 0) {
        nd_array *r = nd__new(a->dtype, 1, (int64_t[]){ 1 }, 'F', false);
        if (r) memcpy(r->data, a->data, (size_t)a->dtype->itemsize);
        return r;
    }
    return nd_copy(a, 'F');
}

static bool order_ok(const nd_array *a, char order) {
    switch (order) {
    case 'C': case 'c': return a->flags & ND_C_CONTIGUOUS;
    case 'F': case 'f': return a->flags & ND_F_CONTIGUOUS;
    case 'A': case 'a': return a->flags & (ND_C_CONTIGUOUS | ND_F_CONTIGUOUS);
    default: return true;
    }
}

nd_array *nd_astype_ex(const nd_array *a, const nd_dtype_t *dtype, const nd_astype_opts *o) {
    nd_astype_opts d = { 0 };
    if (!o) o = &d;
    if (!a || !dtype) return nd__err(ND_ERR_VALUE, "astype: array and dtype must not be NULL");
    /* astype('S') / astype('U'): the width NumPy picks for the source */
    const nd_dtype_t *sized = NULL;
    if ((dtype->type == ND_TYPE_BYTES || dtype->type == ND_TYPE_STR) && dtype->itemsize == 0) {
        int64_t w = nd__cast_string_width(a->dtype);
        sized = dtype->type == ND_TYPE_BYTES ? nd_dtype_bytes(w) : nd_dtype_str(w);
        if (!sized) return NULL;
        dtype = sized;
    }
    nd_array *r = NULL;
    nd_casting c = o->casting ? o->casting : ND_CASTING_UNSAFE;
    if (!nd_can_cast(a->dtype, dtype, c)) cast_error(a->dtype, dtype, c);
    else if (o->no_copy && nd_dtype_equal(a->dtype, dtype) && order_ok(a, o->order)) r = nd_ref((nd_array *)a);
    else if ((r = new_in_order(a, dtype, o->order)) && nd__assign(r, a) < 0) { nd_free(r); r = NULL; }
    nd_dtype_free(sized);
    return r;
}

nd_array *nd_asarray_ex(nd_array *a, const nd_asarray_opts *o) {
    nd_asarray_opts d = { 0 };
    if (!o) o = &d;
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    const nd_dtype_t *dt = o->dtype ? o->dtype : a->dtype;
    bool needed = !nd_dtype_equal(dt, a->dtype) || !order_ok(a, o->order);
    if (o->copy < 0 && needed)
        return nd__err(ND_ERR_VALUE, "Unable to avoid copy while creating an array as requested.");
    if (!needed && o->copy <= 0) return nd_ref(a);
    nd_array *r = new_in_order(a, dt, o->order);
    if (r && nd__assign(r, a) < 0) { nd_free(r); return NULL; }
    return r;
}

nd_array *nd_view(const nd_array *a, const nd_dtype_t *dtype) {
    if (!a || !dtype) return nd__err(ND_ERR_VALUE, "view: array and dtype must not be NULL");
    int64_t old = a->dtype->itemsize, new_ = dtype->itemsize;
    if (old == new_) return nd__view(a, dtype, a->ndim, a->shape, a->strides, a->data);
    if (a->ndim == 0)
        return nd__err(ND_ERR_VALUE, "Changing the dtype of a 0d array is only supported if the itemsize is unchanged");
    int last = a->ndim - 1;
    if (a->strides[last] != old && !(a->shape[last] == 1))
        return nd__err(ND_ERR_VALUE, "To change to a dtype of a different size, the last axis must be contiguous");
    if (new_ == 0) return nd__err(ND_ERR_VALUE, "Changing the dtype to a 0-size dtype is not supported");
    int64_t bytes = a->shape[last] * old;
    if (new_ > old && bytes % new_)
        return nd__err(ND_ERR_VALUE, "When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.");
    if (new_ < old && old % new_)
        return nd__err(ND_ERR_VALUE, "When changing to a smaller dtype, its size must be a divisor of the size of original dtype");
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    memcpy(shape, a->shape, (size_t)a->ndim * sizeof(int64_t));
    memcpy(strides, a->strides, (size_t)a->ndim * sizeof(int64_t));
    shape[last] = bytes / new_;
    strides[last] = new_;
    return nd__view(a, dtype, a->ndim, shape, strides, a->data);
}

/* ----------------------------------------------------------- fill */

typedef struct { const char *elem; int64_t isz; } fill_ctx;

static int fill_loop(char **p, int64_t n, const int64_t *s, void *ud) {
    const fill_ctx *f = ud;
    char *d = p[0];
    switch (f->isz) { /* fixed sizes become plain stores the compiler can vectorize */
    case 1: { uint8_t v; memcpy(&v, f->elem, 1); for (int64_t i = 0; i < n; i++) d[i * s[0]] = (char)v; break; }
    case 2: { uint16_t v; memcpy(&v, f->elem, 2); for (int64_t i = 0; i < n; i++) memcpy(d + i * s[0], &v, 2); break; }
    case 4: { uint32_t v; memcpy(&v, f->elem, 4); for (int64_t i = 0; i < n; i++) memcpy(d + i * s[0], &v, 4); break; }
    case 8: {
        uint64_t v; memcpy(&v, f->elem, 8);
        if (s[0] == 8) { uint64_t *q = (uint64_t *)(void *)d; for (int64_t i = 0; i < n; i++) q[i] = v; }
        else for (int64_t i = 0; i < n; i++) memcpy(d + i * s[0], &v, 8);
        break;
    }
    default: for (int64_t i = 0; i < n; i++) memcpy(d + i * s[0], f->elem, (size_t)f->isz);
    }
    return 0;
}

/* Fill a with one element `elem` of a's dtype. */
static int fill_elem(nd_array *a, const char *elem) {
    fill_ctx f = { elem, a->dtype->itemsize };
    if (a->flags & (ND_C_CONTIGUOUS | ND_F_CONTIGUOUS)) { /* one flat run */
        char *p[1] = { a->data };
        return fill_loop(p, nd_size(a), &f.isz, &f);
    }
    const nd_array *ops[1] = { a };
    return nd__iter_run(1, ops, false, fill_loop, &f);
}

int nd__fill_from(nd_array *a, const nd_array *one) { return fill_elem(a, one->data); }

int nd_fill_ex(nd_array *a, nd_value value) {
    if (!a) return nd_error_set(ND_ERR_VALUE, "array must not be NULL");
    if (!nd__check_writeable(a)) return -1;
    if (a->dtype->itemsize <= 64) { /* the common case: the element lives on the stack */
        _Alignas(64) char elem[64] = { 0 };
        if (nd__scalar_to(a->dtype, value, elem) < 0) return -1;
        return fill_elem(a, elem);
    }
    nd_array *one = nd__new(a->dtype, 0, NULL, 'C', true);
    if (!one) return -1;
    int r = nd__scalar_to(a->dtype, value, one->data);
    if (r == 0) r = fill_elem(a, one->data);
    nd_free(one);
    return r;
}

void *nd_tobytes(const nd_array *a, char order, int64_t *nbytes) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    char o = order ? order : 'C';
    if (o == 'K') o = 'C';
    nd_array *c = nd_copy(a, o == 'A' ? 'A' : o);
    if (!c) return NULL;
    int64_t n = nd_nbytes(c);
    void *buf = nd__alloc((size_t)n);
    if (buf) memcpy(buf, c->data, (size_t)n);
    nd_free(c);
    if (buf && nbytes) *nbytes = n;
    return buf;
}

/* ----------------------------------------------------------- elements */

void *nd_ptr(const nd_array *a, nd_idx idx) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (idx.n > 0 && !idx.i) return nd__err(ND_ERR_VALUE, "index must not be NULL");
    int64_t size = nd_size(a);
    if (idx.n == a->ndim) {
        char *p = a->data;
        for (int i = 0; i < idx.n; i++) {
            int64_t k = idx.i[i];
            if (k < -a->shape[i] || k >= a->shape[i])
                return nd__err(ND_ERR_INDEX, "index %lld is out of bounds for axis %d with size %lld",
                               (long long)k, i, (long long)a->shape[i]);
            if (k < 0) k += a->shape[i];
            p += k * a->strides[i];
        }
        return p;
    }
    if (idx.n == 0) {
        if (size != 1) return nd__err(ND_ERR_VALUE, "can only convert an array of size 1 to a Python scalar");
        return a->data;
    }
    if (idx.n == 1) { /* flat index, C order */
        int64_t k = idx.i[0];
        if (k < -size || k >= size)
            return nd__err(ND_ERR_INDEX, "index %lld is out of bounds for size %lld", (long long)k, (long long)size);
        if (k < 0) k += size;
        char *p = a->data;
        for (int i = a->ndim - 1; i >= 0; i--) {
            p += (k % a->shape[i]) * a->strides[i];
            k /= a->shape[i];
        }
        return p;
    }
    return nd__err(ND_ERR_VALUE, "incorrect number of indices for array");
}

int nd_item(const nd_array *a, nd_idx idx, nd_value *out) {
    const char *p = nd_ptr(a, idx);
    if (!p) return -1;
    if (!nd__is_numeric(a->dtype)) return nd_error_set(ND_ERR_TYPE, "nd_item reads numeric dtypes only; use nd_ptr");
    if (out) *out = nd__value_load(a->dtype, p);
    return 0;
}

double nd_item_double(const nd_array *a, nd_idx idx) {
    nd_value v;
    if (nd_item(a, idx, &v) < 0) return NAN;
    switch (v.dtype->kind) {
    case 'b': return v.v.b;
    case 'i': return (double)v.v.i;
    case 'u': return (double)v.v.u;
    case 'c': return v.v.c.re;
    default: return v.v.f;
    }
}

int64_t nd_item_int(const nd_array *a, nd_idx idx) {
    nd_value v;
    if (nd_item(a, idx, &v) < 0) return 0;
    nd_array *one = nd__new(ND_INT64, 0, NULL, 'C', true);
    if (!one) return 0;
    int64_t r = 0;
    if (nd__value_store(ND_INT64, one->data, v) == 0) memcpy(&r, one->data, 8);
    nd_free(one);
    return r;
}

int nd_itemset_ex(nd_array *a, nd_idx idx, nd_value value) {
    void *p = nd_ptr(a, idx);
    if (!p) return -1;
    if (!nd__check_writeable(a)) return -1;
    return nd__scalar_to(a->dtype, value, p);
}
