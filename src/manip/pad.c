/* np.pad: the padded array is allocated once, the input copied into its middle, then
 * each axis in turn fills its two pad areas through views of the result (corners take
 * the values of the last axis, as NumPy's iterative padding gives).  Reflections are
 * strided views with a negative step; statistics are reduced rows of a contiguous
 * temporary. */
#include "manip/manip.h"

/* ------------------------------------------------------------- 2 * edge - chunk */

typedef struct { const nd_dtype_t *dt; } odd_ctx;

#define ODD_LOOP(NAME, T, EXPR)                                                           \
    static void NAME(char **p, int64_t n, const int64_t *s) {                             \
        for (int64_t i = 0; i < n; i++) {                                                 \
            T e, c, r;                                                                    \
            memcpy(&e, p[1] + i * s[1], sizeof(T));                                       \
            memcpy(&c, p[2] + i * s[2], sizeof(T));                                       \
            r = EXPR;                                                                     \
            memcpy(p[0] + i * s[0], &r, sizeof(T));                                       \
        }                                                                                 \
    }
/* integers wrap as NumPy's fixed-width arithmetic does: compute unsigned */
ODD_LOOP(odd_u8, uint8_t, (uint8_t)(2u * e - c))
ODD_LOOP(odd_u16, uint16_t, (uint16_t)(2u * e - c))
ODD_LOOP(odd_u32, uint32_t, 2u * e - c)
ODD_LOOP(odd_u64, uint64_t, 2u * e - c)
ODD_LOOP(odd_f32, float, 2.0f * e - c)
ODD_LOOP(odd_f64, double, 2.0 * e - c)
ODD_LOOP(odd_c64, float _Complex, 2.0f * e - c)
ODD_LOOP(odd_c128, double _Complex, 2.0 * e - c)
ODD_LOOP(odd_bool, bool, (2 * (int)e - (int)c) != 0)
ODD_LOOP(odd_f16, uint16_t, nd__double_to_half(2.0 * nd__half_to_double(e) - nd__half_to_double(c)))

static int odd_loop(char **p, int64_t n, const int64_t *s, void *ud) {
    switch (((odd_ctx *)ud)->dt->type) {
    case ND_TYPE_BOOL: odd_bool(p, n, s); break;
    case ND_TYPE_INT8: case ND_TYPE_UINT8: odd_u8(p, n, s); break;
    case ND_TYPE_INT16: case ND_TYPE_UINT16: odd_u16(p, n, s); break;
    case ND_TYPE_INT32: case ND_TYPE_UINT32: odd_u32(p, n, s); break;
    case ND_TYPE_INT64: case ND_TYPE_UINT64: odd_u64(p, n, s); break;
    case ND_TYPE_FLOAT16: odd_f16(p, n, s); break;
    case ND_TYPE_FLOAT32: odd_f32(p, n, s); break;
    case ND_TYPE_FLOAT64: odd_f64(p, n, s); break;
    case ND_TYPE_COMPLEX64: odd_c64(p, n, s); break;
    case ND_TYPE_COMPLEX128: odd_c128(p, n, s); break;
    default: nd__err(ND_ERR_TYPE, "reflect_type='odd' needs a numeric array"); return -1;
    }
    return 0;
}

/* ------------------------------------------------------------- geometry */

typedef struct {
    nd_array *padded;
    int ndim;
    int64_t before[ND_MAXDIMS], after[ND_MAXDIMS], n[ND_MAXDIMS];
} pad_state;

/* NumPy's region of interest while padding axis ax: axes after ax restricted to the
 * original area. */
static nd_array *roi(const pad_state *ps, int ax) {
    const nd_array *p = ps->padded;
    int64_t sh[ND_MAXDIMS];
    char *data = p->data;
    for (int i = 0; i < ps->ndim; i++) {
        sh[i] = p->shape[i];
        if (i > ax) { sh[i] = ps->n[i]; data += ps->before[i] * p->strides[i]; }
    }
    return nd__view(p, p->dtype, ps->ndim, sh, p->strides, data);
}

/* Per-axis (before, after) pairs from 1, 2 or 2 * ndim values (NumPy's _as_pairs). */
static int as_pairs_len(int n, int ndim, const char *what) {
    if (n == 1 || n == 2 || n == 2 * ndim) return 0;
    char b[64];
    snprintf(b, sizeof b, "(%d,2)", ndim);
    nd__err(ND_ERR_VALUE, "operands could not be broadcast together with remapped shapes [original->remapped]: (%d,)  and requested shape %s", n, b);
    (void)what;
    return -1;
}
static int64_t pair_i(const int64_t *v, int n, int ax, int side) { return n == 1 ? v[0] : n == 2 ? v[side] : v[2 * ax + side]; }
static double pair_d(const double *v, int n, int ax, int side) {
    if (!v || n == 0) return 0;
    return n == 1 ? v[0] : n == 2 ? v[side] : v[2 * ax + side];
}

/* ------------------------------------------------------------- statistics */

/* The statistic of chunk along ax with keepdims, as np.pad computes it: np.mean,
 * np.median, np.amax or np.amin of the chunk (so float sums, complex values and NaNs
 * behave as those functions do), rounded half to even for integer arrays (NumPy's
 * _round_if_needed).  The caller's assignment casts it to the array's dtype. */
static nd_array *chunk_stat(const nd_array *chunk, int ax, nd_pad_mode mode) {
    nd_reduce_opts ro = { .axis = ND_AXIS(ax), .keepdims = true };
    nd_array *st;
    if (mode == ND_PAD_MEDIAN) st = nd_median_ex(chunk, &(nd_median_opts){ .axis = ND_AXIS(ax), .keepdims = true });
    else if (mode == ND_PAD_MEAN) st = nd_mean_ex(chunk, &ro);
    else st = mode == ND_PAD_MAXIMUM ? nd_max_ex(chunk, &ro) : nd_min_ex(chunk, &ro);
    if (!st || !(chunk->dtype->kind == 'i' || chunk->dtype->kind == 'u') || !nd_dtype_is_float(st->dtype)) return st;
    nd_array *r = nd_rint(st);
    nd_free(st);
    return r;
}

/* ------------------------------------------------------------- the modes */

/* dst[axis: d0 .. d0+len) = src (broadcast). */
static int set_area(nd_array *r, int ax, int64_t d0, int64_t len, const nd_array *src) {
    if (len <= 0) return 0;
    nd_array *d = nd__m_range(r, ax, d0, len, 1);
    int rc = d ? nd__assign(d, src) : -1;
    nd_free(d);
    return rc;
}

static int pad_edge(nd_array *r, int ax, int64_t b, int64_t n, int64_t a) {
    int rc = 0;
    nd_array *e = nd__m_range(r, ax, b, 1, 1);
    rc = e ? set_area(r, ax, 0, b, e) : -1;
    nd_free(e);
    if (rc < 0) return -1;
    e = nd__m_range(r, ax, b + n - 1, 1, 1);
    rc = e ? set_area(r, ax, b + n, a, e) : -1;
    nd_free(e);
    return rc;
}

/* NumPy's linspace(end, edge, width, endpoint=False, dtype=a.dtype) per element of
 * the edge slice, written outward from the data: right side reversed.  As in NumPy 2
 * (NEP 50: np.pad hands linspace a float64 end value, which is not weak), the ramp
 * is computed in double (complex128) and cast to the array's dtype once; integer
 * dtypes floor first.  Complex arrays ramp each component (the end value is real);
 * linspace's "some step is zero" test looks at whole complex steps, and its complex
 * divisions by the count multiply by the reciprocal (NumPy's complex division by a
 * real-valued divisor). */
static int pad_ramp(nd_array *r, int ax, int64_t b, int64_t n, int64_t a, double endb, double enda) {
    const nd_dtype_t *dt = r->dtype;
    if (!nd__is_numeric(dt)) return nd_error_set(ND_ERR_TYPE, "linear_ramp padding needs a numeric array");
    int nc = dt->kind == 'c' ? 2 : 1; /* doubles per element */
    const nd_dtype_t *wide = nc == 2 ? ND_COMPLEX128 : ND_FLOAT64;
    for (int side = 0; side < 2; side++) {
        int64_t w = side ? a : b;
        if (w <= 0) continue;
        double end = side ? enda : endb, recip = 1.0 / (double)w;
        nd_array *edge = nd__m_range(r, ax, side ? b + n - 1 : b, 1, 1);
        nd_array *ed = edge ? nd_astype(edge, wide, .order = 'C') : NULL;
        nd_array *row = ed ? nd_empty_like(ed, .dtype = wide, .order = 'C') : NULL;
        nd_free(edge);
        if (!row) { nd_free(ed); return -1; }
        const double *E = (const double *)ed->data;
        double *Y = (double *)row->data;
        int64_t m = nd_size(ed);
#define RAMP_DIV(x) (nc == 2 ? (x) * recip : (x) / (double)w)
        bool zero_step = false;
        for (int64_t i = 0; i < m && !zero_step; i++) {
            bool z = true;
            for (int c = 0; c < nc; c++) z &= RAMP_DIV(E[i * nc + c] - (c ? 0.0 : end)) == 0;
            zero_step = z;
        }
        int rc = 0;
        for (int64_t j = 0; j < w && rc == 0; j++) {
            for (int64_t i = 0; i < m * nc; i++) {
                double e0 = i % nc ? 0.0 : end, delta = E[i] - e0;
                double y = (zero_step ? RAMP_DIV((double)j) * delta : (double)j * RAMP_DIV(delta)) + e0;
                if (dt->kind == 'i' || dt->kind == 'u') y = floor(y); /* NumPy 2's integer linspace */
                Y[i] = y;
            }
#undef RAMP_DIV
            int64_t pos = side ? b + n + (w - 1 - j) : j;
            rc = set_area(r, ax, pos, 1, row);
        }
        nd_free(ed);
        nd_free(row);
        if (rc < 0) return -1;
    }
    return 0;
}

static int pad_stat(nd_array *r, int ax, int64_t b, int64_t n, int64_t a, int64_t lb, int64_t la, nd_pad_mode mode) {
    if (!nd__is_numeric(r->dtype))
        return nd_error_set(ND_ERR_TYPE, "statistic padding needs a numeric array");
    if (lb < 0 || lb > n) lb = n;
    if (la < 0 || la > n) la = n;
    if ((lb == 0 || la == 0) && (mode == ND_PAD_MAXIMUM || mode == ND_PAD_MINIMUM))
        return nd_error_set(ND_ERR_VALUE, "stat_length of 0 yields no value for padding");
    nd_array *c = nd__m_range(r, ax, b, lb, 1);
    nd_array *s1 = c ? chunk_stat(c, ax, mode) : NULL;
    nd_free(c);
    if (!s1) return -1;
    nd_array *s2 = NULL;
    if (!(lb == la && la == n)) {
        c = nd__m_range(r, ax, b + n - la, la, 1);
        s2 = c ? chunk_stat(c, ax, mode) : NULL;
        nd_free(c);
        if (!s2) { nd_free(s1); return -1; }
    }
    int rc = set_area(r, ax, 0, b, s1);
    if (rc == 0) rc = set_area(r, ax, b + n, a, s2 ? s2 : s1);
    nd_free(s1);
    nd_free(s2);
    return rc;
}

/* dst area = chunk, or 2 * edge - chunk for the odd reflection. */
static int put_chunk(nd_array *r, int ax, int64_t d0, int64_t len, int64_t s0, int64_t step, int64_t edge, bool odd) {
    nd_array *d = nd__m_range(r, ax, d0, len, 1);
    nd_array *s = d ? nd__m_range(r, ax, s0, len, step) : NULL;
    int rc = -1;
    if (s && !odd) rc = nd__assign(d, s);
    else if (s) {
        nd_array *e = nd__m_range(r, ax, edge, 1, 1);
        if (e) {
            odd_ctx ctx = { r->dtype };
            const nd_array *ops[3] = { d, e, s };
            rc = nd__iter_run(3, ops, false, odd_loop, &ctx);
        }
        nd_free(e);
    }
    nd_free(d);
    nd_free(s);
    return rc;
}

/* NumPy's iterative reflection: each round mirrors at most the valid length. */
static int pad_reflect(nd_array *r, int ax, int64_t b, int64_t n, int64_t a, bool symmetric, bool odd) {
    int64_t P = r->shape[ax], lp = b, rp = a, eo = symmetric ? 1 : 0;
    while (lp > 0 || rp > 0) {
        int64_t old = P - lp - rp - (symmetric ? 0 : 1);
        if (lp > 0) {
            int64_t L = old < lp ? old : lp;
            if (put_chunk(r, ax, lp - L, L, lp - eo + L, -1, lp, odd) < 0) return -1;
            lp -= L;
        }
        if (rp > 0) {
            int64_t L = old < rp ? old : rp;
            if (put_chunk(r, ax, P - rp, L, P - rp + eo - 2, -1, P - rp - 1, odd) < 0) return -1;
            rp -= L;
        }
    }
    return 0;
}

/* Periodic extension, whole periods of the original data at a time (NumPy 2). */
static int pad_wrap(nd_array *r, int ax, int64_t b, int64_t n, int64_t a) {
    for (int64_t end = b; end > 0;) {
        int64_t L = n < end ? n : end;
        if (put_chunk(r, ax, end - L, L, b + n - L, 1, 0, false) < 0) return -1;
        end -= L;
    }
    for (int64_t start = b + n, stop = b + n + a; start < stop;) {
        int64_t L = n < stop - start ? n : stop - start;
        if (put_chunk(r, ax, start, L, b, 1, 0, false) < 0) return -1;
        start += L;
    }
    return 0;
}

/* ------------------------------------------------------------- np.pad */

nd_array *nd_pad_ex(const nd_array *a, nd_ints pw, const nd_pad_opts *o) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_pad_opts def = { 0 };
    if (!o) o = &def;
    nd_pad_mode mode = o->mode;
    if ((unsigned)mode > ND_PAD_EMPTY) return nd__err(ND_ERR_VALUE, "mode '%d' is not supported", (int)mode);
    int nd = a->ndim;
    if (pw.n < 0 || (pw.n && !pw.v)) return nd__err(ND_ERR_VALUE, "invalid pad_width");
    if (nd > 0 && as_pairs_len(pw.n, nd, "pad_width") < 0) return NULL;
    for (int i = 0; i < pw.n; i++)
        if (pw.v[i] < 0) return nd__err(ND_ERR_VALUE, "index can't contain negative values");
    if ((o->n_constant_values && !o->constant_values) || (o->n_end_values && !o->end_values))
        return nd__err(ND_ERR_VALUE, "pad: constant_values / end_values must not be NULL when counted");
    if (o->n_constant_values && as_pairs_len(o->n_constant_values, nd, "constant_values") < 0) return NULL;
    if (o->n_end_values && as_pairs_len(o->n_end_values, nd, "end_values") < 0) return NULL;
    if (o->stat_length.n) {
        if (as_pairs_len(o->stat_length.n, nd, "stat_length") < 0) return NULL;
        for (int i = 0; i < o->stat_length.n; i++)
            if (o->stat_length.v[i] < 0) return nd__err(ND_ERR_VALUE, "index can't contain negative values");
    }
    pad_state ps = { .ndim = nd };
    int64_t shape[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) {
        ps.before[i] = pair_i(pw.v, pw.n, i, 0);
        ps.after[i] = pair_i(pw.v, pw.n, i, 1);
        ps.n[i] = a->shape[i];
        if (!nd__add_ok(a->shape[i], ps.before[i], &shape[i]) || !nd__add_ok(shape[i], ps.after[i], &shape[i]))
            return nd__err(ND_ERR_VALUE, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    }
    bool simple = mode == ND_PAD_CONSTANT || mode == ND_PAD_EMPTY;
    if (!simple && nd_size(a) == 0) {
        for (int i = 0; i < nd; i++)
            if (a->shape[i] == 0 && (ps.before[i] || ps.after[i]))
                return nd__err(ND_ERR_VALUE, "can't extend empty axis %d using modes other than 'constant' or 'empty'", i);
    }
    nd_array *r = nd__new(a->dtype, nd, shape, 'C', false);
    if (!r) return NULL;
    ps.padded = r;
    /* the original values in the middle */
    {
        char *data = r->data;
        for (int i = 0; i < nd; i++) data += ps.before[i] * r->strides[i];
        nd_array *mid = nd__view(r, r->dtype, nd, a->shape, r->strides, data);
        int rc = mid ? nd__assign(mid, a) : -1;
        nd_free(mid);
        if (rc < 0) goto fail;
    }
    if (mode == ND_PAD_EMPTY || nd_size(r) == 0 || (!simple && nd_size(a) == 0)) return r;
    for (int ax = 0; ax < nd; ax++) {
        int64_t b = ps.before[ax], n = ps.n[ax], af = ps.after[ax];
        nd_array *v = roi(&ps, ax);
        if (!v) goto fail;
        int rc = 0;
        switch (mode) {
        case ND_PAD_CONSTANT:
            for (int side = 0; side < 2 && rc == 0; side++) {
                int64_t w = side ? af : b;
                if (!w) continue;
                nd_array *area = nd__m_range(v, ax, side ? b + n : 0, w, 1);
                rc = area ? nd_fill_ex(area, nd_value_double(pair_d(o->constant_values, o->n_constant_values, ax, side))) : -1;
                nd_free(area);
            }
            break;
        case ND_PAD_EDGE: rc = pad_edge(v, ax, b, n, af); break;
        case ND_PAD_LINEAR_RAMP:
            rc = pad_ramp(v, ax, b, n, af, pair_d(o->end_values, o->n_end_values, ax, 0),
                          pair_d(o->end_values, o->n_end_values, ax, 1));
            break;
        case ND_PAD_MAXIMUM: case ND_PAD_MINIMUM: case ND_PAD_MEAN: case ND_PAD_MEDIAN:
            rc = pad_stat(v, ax, b, n, af, o->stat_length.n ? pair_i(o->stat_length.v, o->stat_length.n, ax, 0) : -1,
                          o->stat_length.n ? pair_i(o->stat_length.v, o->stat_length.n, ax, 1) : -1, mode);
            break;
        case ND_PAD_REFLECT: case ND_PAD_SYMMETRIC:
            if (b == 0 && af == 0) break;
            if (n == 1) rc = pad_edge(v, ax, b, n, af); /* NumPy's legacy rule for a singleton axis */
            else rc = pad_reflect(v, ax, b, n, af, mode == ND_PAD_SYMMETRIC, o->odd);
            break;
        case ND_PAD_WRAP: rc = pad_wrap(v, ax, b, n, af); break;
        default: break;
        }
        nd_free(v);
        if (rc < 0) goto fail;
    }
    return r;
fail:
    nd_free(r);
    return NULL;
}
