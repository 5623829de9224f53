/* Array creation: empty/zeros/ones/full, from C data, ranges, eye/tri/diag, and
 * callback-driven constructors. */
#include "core/internal.h"
#include "ufunc/ufunc_internal.h" /* nd__scalar_to: NEP 50's bounds check of C integers */

#include <math.h>

static char creation_order(char order, char dflt) {
    if (!order) return dflt;
    if (order == 'c') return 'C';
    if (order == 'f') return 'F';
    return order;
}

static nd_array *make(nd_shape_t shape, const nd_create_opts *o, bool zero) {
    nd_create_opts d = { 0 };
    if (!o) o = &d;
    if (shape.ndim > 0 && !shape.dims) return nd__err(ND_ERR_VALUE, "shape must not be NULL");
    return nd__new(o->dtype, shape.ndim, shape.dims, creation_order(o->order, 'C'), zero);
}

nd_array *nd_empty_ex(nd_shape_t shape, const nd_create_opts *o) { return make(shape, o, false); }
nd_array *nd_zeros_ex(nd_shape_t shape, const nd_create_opts *o) { return make(shape, o, true); }

nd_array *nd_ones_ex(nd_shape_t shape, const nd_create_opts *o) {
    nd_array *a = make(shape, o, false);
    if (a && nd_fill_ex(a, nd_value_int(1)) < 0) { nd_free(a); return NULL; }
    return a;
}

/* NumPy 2 (since 2.1): an integer fill value must fit an integer dtype, else
 * OverflowError "Python integer -1 out of bounds for uint8". */
static int check_fill(const nd_dtype_t *dt, nd_value v) {
    _Alignas(16) char tmp[16];
    return dt && nd_dtype_is_integer(dt) ? nd__scalar_to(dt, v, tmp) : 0;
}

nd_array *nd_full_ex(nd_shape_t shape, nd_value fill, const nd_create_opts *o) {
    nd_create_opts d = { 0 };
    if (o) d = *o;
    if (!d.dtype) d.dtype = nd__value_dtype(fill);
    if (check_fill(d.dtype, fill) < 0) return NULL;
    nd_array *a = make(shape, &d, false);
    if (a && nd_fill_ex(a, fill) < 0) { nd_free(a); return NULL; }
    return a;
}

static nd_array *make_like(const nd_array *proto, const nd_create_opts *o, bool zero) {
    nd_create_opts d = { 0 };
    if (!o) o = &d;
    if (!proto) return nd__err(ND_ERR_VALUE, "prototype array must not be NULL");
    const nd_dtype_t *dt = o->dtype ? o->dtype : proto->dtype;
    char order = creation_order(o->order, 'K');
    if (order == 'A') order = (proto->flags & ND_F_CONTIGUOUS) && !(proto->flags & ND_C_CONTIGUOUS) ? 'F' : 'C';
    nd_array *a;
    if (order == 'K') a = nd__new_like_k(proto, dt);
    else a = nd__new(dt, proto->ndim, proto->shape, order, false);
    if (a && zero) memset(a->data, 0, (size_t)nd_nbytes(a));
    return a;
}

nd_array *nd_empty_like_ex(const nd_array *p, const nd_create_opts *o) { return make_like(p, o, false); }
nd_array *nd_zeros_like_ex(const nd_array *p, const nd_create_opts *o) { return make_like(p, o, true); }
nd_array *nd_ones_like_ex(const nd_array *p, const nd_create_opts *o) {
    nd_array *a = make_like(p, o, false);
    if (a && nd_fill_ex(a, nd_value_int(1)) < 0) { nd_free(a); return NULL; }
    return a;
}
nd_array *nd_full_like_ex(const nd_array *p, nd_value fill, const nd_create_opts *o) {
    if (p && check_fill(o && o->dtype ? o->dtype : p->dtype, fill) < 0) return NULL;
    nd_array *a = make_like(p, o, false);
    if (a && nd_fill_ex(a, fill) < 0) { nd_free(a); return NULL; }
    return a;
}

/* ------------------------------------------------------------ from C data */

nd_array *nd_from_data(const void *data, nd_shape_t shape, const nd_dtype_t *dtype) {
    if (!dtype) dtype = ND_FLOAT64;
    nd_array *a = nd__new(dtype, shape.ndim, shape.dims, 'C', false);
    if (!a) return NULL;
    int64_t n = nd_nbytes(a);
    if (n > 0) {
        if (!data) { nd_free(a); return nd__err(ND_ERR_VALUE, "data must not be NULL"); }
        memcpy(a->data, data, (size_t)n);
    }
    return a;
}

nd_array *nd_from_values_(const void *data, int64_t count, nd_shape_t shape, const nd_dtype_t *dtype) {
    int64_t size = nd__shape_size(shape.ndim, shape.dims);
    if (size < 0) return NULL;
    if (size != count) {
        char b[512];
        return nd__err(ND_ERR_VALUE, "cannot reshape array of size %lld into shape %s", (long long)count,
                       nd__shape_str(b, sizeof b, shape.ndim, shape.dims));
    }
    return nd_from_data(data, shape, dtype);
}

/* Decode one UTF-8 code point; returns bytes consumed or 0 on malformed input. */
static int utf8_decode(const unsigned char *s, uint32_t *cp) {
    if (s[0] < 0x80) { *cp = s[0]; return 1; }
    int n = (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (!n) return 0;
    uint32_t c = s[0] & (0x7F >> n);
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    *cp = c;
    return n;
}

static int64_t utf8_length(const char *s) {
    int64_t n = 0;
    uint32_t cp;
    for (const unsigned char *p = (const unsigned char *)s; *p; n++) {
        int k = utf8_decode(p, &cp);
        if (!k) return -1;
        p += k;
    }
    return n;
}

nd_array *nd_from_strings(const char *const *strs, nd_shape_t shape, char kind, int64_t width) {
    if (kind != 'S' && kind != 'U') return nd__err(ND_ERR_VALUE, "kind must be 'S' or 'U'");
    int64_t size = nd__shape_size(shape.ndim, shape.dims);
    if (size < 0) return NULL;
    if (size > 0 && !strs) return nd__err(ND_ERR_VALUE, "strings must not be NULL");
    if (width <= 0) {
        width = 0;
        for (int64_t i = 0; i < size; i++) {
            if (!strs[i]) return nd__err(ND_ERR_VALUE, "string %lld is NULL", (long long)i);
            int64_t l = kind == 'S' ? (int64_t)strlen(strs[i]) : utf8_length(strs[i]);
            if (l < 0) return nd__err(ND_ERR_VALUE, "string %lld is not valid UTF-8", (long long)i);
            if (l > width) width = l;
        }
        if (width == 0) width = 1; /* NumPy never makes S0/U0 from strings */
    }
    const nd_dtype_t *dt = kind == 'S' ? nd_dtype_bytes(width) : nd_dtype_str(width);
    if (!dt) return NULL;
    nd_array *a = nd__new(dt, shape.ndim, shape.dims, 'C', true);
    nd_dtype_free(dt);
    if (!a) return NULL;
    for (int64_t i = 0; i < size; i++) {
        if (!strs[i]) { nd_free(a); return nd__err(ND_ERR_VALUE, "string %lld is NULL", (long long)i); }
        char *dst = a->data + i * a->dtype->itemsize;
        if (kind == 'S') {
            size_t l = strlen(strs[i]);
            memcpy(dst, strs[i], l < (size_t)width ? l : (size_t)width);
        } else {
            const unsigned char *p = (const unsigned char *)strs[i];
            for (int64_t k = 0; *p && k < width; k++) {
                uint32_t cp;
                int n = utf8_decode(p, &cp);
                if (!n) { nd_free(a); return nd__err(ND_ERR_VALUE, "string %lld is not valid UTF-8", (long long)i); }
                memcpy(dst + 4 * k, &cp, 4);
                p += n;
            }
        }
    }
    return a;
}

/* ------------------------------------------------------------ external memory */

nd_array *nd_wrap(void *data, nd_shape_t shape, const int64_t *strides, const nd_dtype_t *dtype,
                  bool writeable, nd_release_fn release, void *ctx) {
    nd_array *a = NULL;
    if (!dtype) dtype = ND_FLOAT64;
    int64_t size = nd__shape_size(shape.ndim, shape.dims);
    if (size < 0) goto fail;
    if (!data && size > 0) { nd__err(ND_ERR_VALUE, "data must not be NULL"); goto fail; }
    if (shape.ndim > ND_MAXDIMS) { nd__err(ND_ERR_VALUE, "too many dimensions"); goto fail; }
    a = nd__array_struct(shape.ndim);
    if (!a) goto fail;
    a->dtype = nd_dtype_ref(dtype);
    a->data = data;
    a->mem = data;
    a->release = release;
    a->release_ctx = ctx;
    if (shape.ndim) memcpy(a->shape, shape.dims, (size_t)shape.ndim * sizeof(int64_t));
    if (strides) memcpy(a->strides, strides, (size_t)shape.ndim * sizeof(int64_t));
    else {
        int64_t s = dtype->itemsize;
        for (int i = shape.ndim - 1; i >= 0; i--) { a->strides[i] = s; __builtin_mul_overflow(s, shape.dims[i] ? shape.dims[i] : 1, &s); }
    }
    a->flags = writeable ? ND_WRITEABLE : ND__READONLY_MEMORY;
    nd__update_flags(a);
    return a;
fail:
    if (release) release(data, ctx);
    return NULL;
}

/* release hook used when nd_frombuffer must not call the user's callback */
nd_array *nd_frombuffer(void *buf, int64_t nbytes, const nd_dtype_t *dtype, int64_t count,
                        int64_t offset, bool writeable, nd_release_fn release, void *ctx) {
    if (!dtype) dtype = ND_FLOAT64;
    const char *err = NULL;
    int64_t isz = dtype->itemsize;
    if (!buf && nbytes > 0) err = "buffer must not be NULL";
    else if (nbytes < 0) err = "buffer length must be non-negative";
    else if (offset < 0 || offset > nbytes) {
        nd__err(ND_ERR_VALUE, "offset must be non-negative and no greater than buffer length (%lld)", (long long)nbytes);
        goto fail;
    } else if (isz == 0) err = "itemsize cannot be zero in type";
    if (err) { nd__err(ND_ERR_VALUE, "%s", err); goto fail; }
    int64_t avail = nbytes - offset;
    if (count < 0) {
        if (avail % isz) { nd__err(ND_ERR_VALUE, "buffer size must be a multiple of element size"); goto fail; }
        count = avail / isz;
    } else if (count > avail / isz) {
        nd__err(ND_ERR_VALUE, "buffer is smaller than requested size");
        goto fail;
    }
    nd_array *a = nd_wrap((char *)buf + offset, ND_SHAPE(count), NULL, dtype, writeable, NULL, NULL);
    if (!a) goto fail;
    a->mem = buf; /* the release callback receives the caller's pointer, not the offset one */
    a->release = release;
    a->release_ctx = ctx;
    return a;
fail:
    if (release) release(buf, ctx);
    return NULL;
}

/* ------------------------------------------------------------ ranges */

static bool value_is_int(nd_value v) { return v.dtype->kind == 'i' || v.dtype->kind == 'u' || v.dtype->kind == 'b'; }

static double value_as_double(nd_value v) {
    switch (v.dtype->kind) {
    case 'b': return v.v.b;
    case 'i': return (double)v.v.i;
    case 'u': return (double)v.v.u;
    case 'c': return v.v.c.re;
    default: return v.v.f;
    }
}

/* NumPy 2's arange writes start and start + step into the dtype first: a bool
 * result may have at most 2 values, and integers must fit (OverflowError). */
static int arange_check(const nd_dtype_t *dt, int64_t len, int64_t start, int64_t step) {
    if (dt == ND_BOOL && len > 2)
        return nd_error_set(ND_ERR_TYPE, "arange() is only supported for booleans when the result has at most length 2.");
    _Alignas(16) char tmp[16];
    if (!nd_dtype_is_integer(dt)) return 0;
    if (len > 0 && nd__scalar_to(dt, nd_value_int(start), tmp) < 0) return -1;
    int64_t next;
    if (len > 1 && !__builtin_add_overflow(start, step, &next) && nd__scalar_to(dt, nd_value_int(next), tmp) < 0)
        return -1;
    return 0;
}

nd_array *nd_arange_ex(nd_value start, nd_value stop, nd_value step, const nd_arange_opts *o) {
    nd_arange_opts d = { 0 };
    if (!o) o = &d;
    if (!start.dtype || !stop.dtype || !step.dtype) return nd__err(ND_ERR_TYPE, "arange: invalid value");
    bool ints = value_is_int(start) && value_is_int(stop) && value_is_int(step) &&
                start.dtype->kind != 'u' && stop.dtype->kind != 'u' && step.dtype->kind != 'u';
    if (start.dtype->kind == 'c' || stop.dtype->kind == 'c' || step.dtype->kind == 'c')
        return nd__err(ND_ERR_NOT_SUPPORTED, "arange with complex values is not supported");
    const nd_dtype_t *dt = o->dtype ? o->dtype : ints ? ND_INT64 : ND_FLOAT64;
    int64_t len;
    if (ints) {
        int64_t a = start.dtype->kind == 'b' ? start.v.b : start.v.i;
        int64_t b = stop.dtype->kind == 'b' ? stop.v.b : stop.v.i;
        int64_t s = step.dtype->kind == 'b' ? step.v.b : step.v.i;
        if (s == 0) return nd__err(ND_ERR_ZERO_DIVISION, "division by zero");
        /* ceil((b - a) / s) in 128-bit to avoid overflow */
        __int128 diff = (__int128)b - a, q = diff / s;
        if (diff % s != 0 && ((diff > 0) == (s > 0))) q++;
        len = q <= 0 ? 0 : q > INT64_MAX ? -1 : (int64_t)q;
        if (len < 0) return nd__err(ND_ERR_VALUE, "Maximum allowed size exceeded");
        if (arange_check(dt, len, a, s) < 0) return NULL;
        nd_array *r = nd__new(dt, 1, &len, 'C', false);
        if (!r) return NULL;
        if (dt == ND_INT64) {
            int64_t *p = (int64_t *)(void *)r->data;
            const int64_t n = len; /* len's address escaped: a local lets the loop vectorize */
            /* a running sum, not start + i * step: SSE/AVX2 have no 64-bit multiply,
             * and the compiler vectorizes the induction as lanes of adds */
            uint64_t v = (uint64_t)a;
            const uint64_t us = (uint64_t)s;
            for (int64_t i = 0; i < n; i++) { p[i] = (int64_t)v; v += us; }
            return r;
        }
        nd__cast_fn cast = nd__get_cast(dt, ND_INT64);
        if (!cast) { nd_free(r); return NULL; }
        for (int64_t i = 0; i < len; i++) {
            int64_t v = (int64_t)((uint64_t)a + (uint64_t)i * (uint64_t)s);
            cast(r->data + i * dt->itemsize, 0, (const char *)&v, 0, 1, dt, ND_INT64);
        }
        return r;
    }
    double a = value_as_double(start), b = value_as_double(stop), s = value_as_double(step);
    if (s == 0) return nd__err(ND_ERR_ZERO_DIVISION, "division by zero");
    double q = ceil((b - a) / s);
    if (isnan(q)) return nd__err(ND_ERR_VALUE, "arange: cannot compute length");
    if (q > (double)INT64_MAX / 2) return nd__err(ND_ERR_VALUE, "Maximum allowed size exceeded");
    len = q <= 0 ? 0 : (int64_t)q;
    if (dt == ND_BOOL && arange_check(dt, len, 0, 0) < 0) return NULL;
    nd_array *r = nd__new(dt, 1, &len, 'C', false);
    if (!r) return NULL;
    /* NumPy extrapolates from the first two values: start + i * ((start + step) - start) */
    double delta = (a + s) - a;
    const int64_t n = len;
    if (dt == ND_FLOAT64) {
        double *p = (double *)(void *)r->data;
        /* (double)i as a block base plus an int32 offset: both exact, and int32 ->
         * double converts in vector registers */
        for (int64_t blk = 0; blk < n; blk += INT32_MAX) {
            int32_t m = (int32_t)(n - blk < INT32_MAX ? n - blk : INT32_MAX);
            double base = (double)blk, *q = p + blk;
            for (int32_t j = 0; j < m; j++) q[j] = a + ((double)j + base) * delta;
        }
        if (n > 0) p[0] = a; /* exactly start, even for -0.0 or an infinite step */
        return r;
    }
    nd__cast_fn cast = nd__get_cast(dt, ND_FLOAT64);
    if (!cast) { nd_free(r); return NULL; }
    for (int64_t i = 0; i < n; i++) {
        double v = i ? a + (double)i * delta : a;
        cast(r->data + i * dt->itemsize, 0, (const char *)&v, 0, 1, dt, ND_FLOAT64);
    }
    return r;
}

/* Fill a float64 vector with linspace values; returns the step. */
static double linspace_fill(double *y, double start, double stop, int64_t num, bool endpoint) {
    int64_t div = endpoint ? num - 1 : num;
    double delta = stop - start, step = NAN;
    if (div > 0) {
        step = delta / (double)div;
        double ddiv = (double)div;
        /* (double)i as block base + int32 offset: exact, and vectorizable */
        for (int64_t blk = 0; blk < num; blk += INT32_MAX) {
            int32_t m = (int32_t)(num - blk < INT32_MAX ? num - blk : INT32_MAX);
            double base = (double)blk, *q = y + blk;
            if (step == 0)
                for (int32_t j = 0; j < m; j++) q[j] = (((double)j + base) / ddiv) * delta + start;
            else
                for (int32_t j = 0; j < m; j++) q[j] = ((double)j + base) * step + start;
        }
    } else {
        for (int64_t i = 0; i < num; i++) y[i] = (double)i * delta + start;
    }
    if (endpoint && num > 1) y[num - 1] = stop;
    return step;
}

/* Convert a float64 result to the requested dtype (integer dtypes floor first: NumPy 2). */
static nd_array *finish_space(nd_array *y, const nd_dtype_t *dt) {
    if (!dt || dt == ND_FLOAT64) return y;
    if (nd_dtype_is_integer(dt)) {
        double *p = (double *)(void *)y->data;
        for (int64_t i = 0; i < y->shape[0]; i++) p[i] = floor(p[i]);
    }
    nd_array *r = nd_astype(y, dt);
    nd_free(y);
    return r;
}

static nd_array *space_alloc(int64_t num) {
    if (num < 0) return nd__err(ND_ERR_VALUE, "Number of samples, %lld, must be non-negative.", (long long)num);
    return nd__new(ND_FLOAT64, 1, &num, 'C', false);
}

nd_array *nd_linspace_ex(double start, double stop, int64_t num, const nd_linspace_opts *o) {
    nd_linspace_opts d = { 0 };
    if (!o) o = &d;
    nd_array *y = space_alloc(num);
    if (!y) return NULL;
    double step = linspace_fill((double *)(void *)y->data, start, stop, num, !o->no_endpoint);
    if (o->retstep) *o->retstep = step;
    return finish_space(y, o->dtype);
}

nd_array *nd_logspace_ex(double start, double stop, int64_t num, const nd_linspace_opts *o) {
    nd_linspace_opts d = { 0 };
    if (!o) o = &d;
    nd_array *y = space_alloc(num);
    if (!y) return NULL;
    double *p = (double *)(void *)y->data, base = o->base != 0 ? o->base : 10.0;
    linspace_fill(p, start, stop, num, !o->no_endpoint);
    for (int64_t i = 0; i < num; i++) p[i] = pow(base, p[i]);
    return finish_space(y, o->dtype);
}

nd_array *nd_geomspace_ex(double start, double stop, int64_t num, const nd_linspace_opts *o) {
    nd_linspace_opts d = { 0 };
    if (!o) o = &d;
    if (start == 0 || stop == 0) return nd__err(ND_ERR_VALUE, "Geometric sequence cannot include zero");
    nd_array *y = space_alloc(num);
    if (!y) return NULL;
    double *p = (double *)(void *)y->data, sign = 1;
    if (start < 0 && stop < 0) { sign = -1; start = -start; stop = -stop; }
    linspace_fill(p, log10(start), log10(stop), num, !o->no_endpoint);
    for (int64_t i = 0; i < num; i++) p[i] = pow(10.0, p[i]);
    /* the ends are exact, as NumPy makes them */
    if (num > 0) p[0] = start;
    if (num > 1 && !o->no_endpoint) p[num - 1] = stop;
    if (sign < 0)
        for (int64_t i = 0; i < num; i++) p[i] = -p[i];
    return finish_space(y, o->dtype);
}

/* ------------------------------------------------------------ matrices */

/* Set one diagonal of a 2-d array to the value `one` (0-d, same dtype). */
static int set_diagonal_one(nd_array *m, int64_t k, const nd_array *one) {
    int64_t N = m->shape[0], M = m->shape[1];
    int64_t i0 = k >= 0 ? 0 : -k, j0 = k >= 0 ? k : 0;
    int64_t n = (N - i0 < M - j0) ? N - i0 : M - j0;
    if (n <= 0) return 0;
    nd_array *diag = nd__view(m, m->dtype, 1, &n, (int64_t[]){ m->strides[0] + m->strides[1] },
                              m->data + i0 * m->strides[0] + j0 * m->strides[1]);
    if (!diag) return -1;
    int r = nd__fill_from(diag, one);
    nd_free(diag);
    return r;
}

nd_array *nd_eye_ex(int64_t N, const nd_eye_opts *o) {
    nd_eye_opts d = { 0 };
    if (!o) o = &d;
    int64_t M = o->M || o->M_zero ? o->M : N;
    nd_array *m = nd__new(o->dtype, 2, (int64_t[]){ N, M }, creation_order(o->order, 'C'), true);
    if (!m) return NULL;
    nd_array *one = nd__new(m->dtype, 0, NULL, 'C', true);
    if (!one || nd__value_store(m->dtype, one->data, nd_value_int(1)) < 0 || set_diagonal_one(m, o->k, one) < 0) {
        nd_free(one);
        nd_free(m);
        return NULL;
    }
    nd_free(one);
    return m;
}

nd_array *nd_identity(int64_t n, const nd_dtype_t *dtype) {
    return nd_eye_ex(n, &(nd_eye_opts){ .dtype = dtype });
}

nd_array *nd_tri_ex(int64_t N, const nd_eye_opts *o) {
    nd_eye_opts d = { 0 };
    if (!o) o = &d;
    int64_t M = o->M || o->M_zero ? o->M : N;
    nd_array *m = nd__new(o->dtype, 2, (int64_t[]){ N, M }, creation_order(o->order, 'C'), true);
    if (!m) return NULL;
    nd_array *one = nd__new(m->dtype, 0, NULL, 'C', true);
    if (!one || nd__value_store(m->dtype, one->data, nd_value_int(1)) < 0) goto fail;
    for (int64_t i = 0; i < N; i++) { /* row i: columns 0 .. i + k */
        int64_t n = i + o->k + 1 < M ? i + o->k + 1 : M;
        if (n <= 0) continue;
        nd_array *row = nd__view(m, m->dtype, 1, &n, &m->strides[1], m->data + i * m->strides[0]);
        if (!row || nd__fill_from(row, one) < 0) { nd_free(row); goto fail; }
        nd_free(row);
    }
    nd_free(one);
    return m;
fail:
    nd_free(one);
    nd_free(m);
    return NULL;
}

nd_array *nd_diag(const nd_array *v, int64_t k) {
    if (!v) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (v->ndim == 1) {
        int64_t n = v->shape[0], ak = k < 0 ? -k : k, N;
        if (!nd__add_ok(n, ak, &N)) return nd__err(ND_ERR_VALUE, "Maximum allowed size exceeded");
        nd_array *m = nd__new(v->dtype, 2, (int64_t[]){ N, N }, 'C', true);
        if (!m) return NULL;
        int64_t i0 = k >= 0 ? 0 : -k, j0 = k >= 0 ? k : 0;
        nd_array *dg = nd__view(m, m->dtype, 1, &n, (int64_t[]){ m->strides[0] + m->strides[1] },
                                m->data + i0 * m->strides[0] + j0 * m->strides[1]);
        if (!dg || nd__assign(dg, v) < 0) { nd_free(dg); nd_free(m); return NULL; }
        nd_free(dg);
        return m;
    }
    if (v->ndim != 2) return nd__err(ND_ERR_VALUE, "Input must be 1- or 2-d.");
    int64_t N = v->shape[0], M = v->shape[1];
    int64_t i0 = k >= 0 ? 0 : -k, j0 = k >= 0 ? k : 0;
    int64_t n = (N - i0 < M - j0) ? N - i0 : M - j0;
    if (n < 0) n = 0;
    char *start = n > 0 ? v->data + i0 * v->strides[0] + j0 * v->strides[1] : v->data;
    nd_array *dg = nd__view(v, v->dtype, 1, &n, (int64_t[]){ v->strides[0] + v->strides[1] }, start);
    if (dg) { dg->flags &= ~ND_WRITEABLE; }
    return dg;
}

nd_array *nd_diagflat(const nd_array *v, int64_t k) {
    nd_array *flat = nd_ravel(v, 'C');
    if (!flat) return NULL;
    nd_array *r = nd_diag(flat, k);
    nd_free(flat);
    return r;
}

/* Zero the part of m (last two axes) where keep(i, j) is false. */
static nd_array *triangle(const nd_array *m, int64_t k, bool lower) {
    if (!m) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    /* NumPy's tril/triu call tri(*m.shape[-2:]): a 0-d input gives tri() no N */
    if (m->ndim == 0) return nd__err(ND_ERR_TYPE, "tri() missing 1 required positional argument: 'N'");
    nd_array *src = NULL, *r = NULL;
    if (m->ndim == 1) { /* NumPy broadcasts a vector against an (n, n) mask */
        int64_t n = m->shape[0];
        src = nd_broadcast_to(m, ND_SHAPE(n, n));
    } else src = nd_ref((nd_array *)m);
    if (!src) return NULL;
    r = nd_copy(src, 'K');
    nd_free(src);
    if (!r) return NULL;
    int nd = r->ndim;
    int64_t N = r->shape[nd - 2], M = r->shape[nd - 1];
    nd_array *zero = nd__new(r->dtype, 0, NULL, 'C', true);
    if (!zero) { nd_free(r); return NULL; }
    for (int64_t i = 0; i < N; i++) {
        /* lower keeps j <= i + k: zero columns [i+k+1, M); upper keeps j >= i + k: zero [0, i+k) */
        int64_t lo = lower ? i + k + 1 : 0, hi = lower ? M : i + k;
        if (lo < 0) lo = 0;
        if (hi > M) hi = M;
        if (hi <= lo) continue;
        int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
        memcpy(shape, r->shape, (size_t)nd * sizeof(int64_t));
        memcpy(strides, r->strides, (size_t)nd * sizeof(int64_t));
        shape[nd - 2] = 1;
        shape[nd - 1] = hi - lo;
        nd_array *part = nd__view(r, r->dtype, nd, shape, strides,
                                  r->data + i * r->strides[nd - 2] + lo * r->strides[nd - 1]);
        if (!part || nd__fill_from(part, zero) < 0) { nd_free(part); nd_free(zero); nd_free(r); return NULL; }
        nd_free(part);
    }
    nd_free(zero);
    return r;
}

nd_array *nd_tril(const nd_array *m, int64_t k) { return triangle(m, k, true); }
nd_array *nd_triu(const nd_array *m, int64_t k) { return triangle(m, k, false); }

/* ------------------------------------------------------------ callbacks */

nd_array *nd_fromfunction(nd_index_fn f, nd_shape_t shape, const nd_dtype_t *dtype, void *userdata) {
    if (!f) return nd__err(ND_ERR_VALUE, "function must not be NULL");
    nd_array *a = nd__new(dtype ? dtype : ND_FLOAT64, shape.ndim, shape.dims, 'C', true);
    if (!a) return NULL;
    int64_t size = nd_size(a), idx[ND_MAXDIMS] = { 0 };
    for (int64_t n = 0; n < size; n++) {
        if (f(idx, a->ndim, a->data + n * a->dtype->itemsize, userdata) != 0) {
            if (nd_error() == ND_OK) nd__err(ND_ERR_RUNTIME, "fromfunction: the callback reported an error");
            nd_free(a);
            return NULL;
        }
        for (int i = a->ndim - 1; i >= 0 && ++idx[i] == a->shape[i]; i--) idx[i] = 0;
    }
    return a;
}

nd_array *nd_fromiter(nd_next_fn next, const nd_dtype_t *dtype, int64_t count, void *userdata) {
    if (!next) return nd__err(ND_ERR_VALUE, "iterator function must not be NULL");
    if (!dtype) return nd__err(ND_ERR_VALUE, "Must specify length when using variable-size data-type.");
    int64_t isz = dtype->itemsize, cap = count >= 0 ? count : 16, n = 0;
    nd_array *a = nd__new(dtype, 1, &cap, 'C', true);
    if (!a) return NULL;
    for (;;) {
        if (count >= 0 && n == count) break;
        if (n == cap) { /* grow by half, as a list would */
            int64_t ncap = cap + cap / 2 + 16;
            nd_array *b = nd__new(dtype, 1, &ncap, 'C', true);
            if (!b) { nd_free(a); return NULL; }
            memcpy(b->data, a->data, (size_t)(n * isz));
            nd_free(a);
            a = b;
            cap = ncap;
        }
        int r = next(a->data + n * isz, userdata);
        if (r < 0) {
            if (nd_error() == ND_OK) nd__err(ND_ERR_RUNTIME, "fromiter: the callback reported an error");
            nd_free(a);
            return NULL;
        }
        if (r == 0) break;
        n++;
    }
    if (count >= 0 && n < count) {
        nd_free(a);
        return nd__err(ND_ERR_VALUE, "iterator too short: Expected %lld but iterator had only %lld items.",
                       (long long)count, (long long)n);
    }
    a->shape[0] = n;
    nd__update_flags(a);
    return a;
}
