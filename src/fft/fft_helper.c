/* np.fft helpers: fftfreq, rfftfreq, fftshift, ifftshift. */
#include "fft_internal.h"

static nd_array *freq(int64_t n, const nd_fft_freq_opts *o, bool half) {
    double d = o && o->d != 0 ? o->d : 1.0;
    double den = (double)n * d;
    if (den == 0) return nd__err(ND_ERR_ZERO_DIVISION, "float division by zero");
    double val = 1.0 / den;
    if (n < 0 && !half) return nd__err(ND_ERR_VALUE, "negative dimensions are not allowed");
    /* rfftfreq: arange(n // 2 + 1), empty for every negative n */
    int64_t m = half ? (n < 0 ? 0 : n / 2 + 1) : n, N = (n - 1) / 2 + 1;
    nd_array *r = nd__new(ND_FLOAT64, 1, &m, 'C', false);
    if (!r) return NULL;
    double *p = (double *)r->data;
    /* NumPy multiplies the integer frequencies by val */
    for (int64_t i = 0; i < m; i++) {
        int64_t k = half || i < N ? i : i - n;
        p[i] = (double)k * val;
    }
    return r;
}

nd_array *nd_fft_fftfreq_ex(int64_t n, const nd_fft_freq_opts *o) { return freq(n, o, false); }
nd_array *nd_fft_rfftfreq_ex(int64_t n, const nd_fft_freq_opts *o) { return freq(n, o, true); }

/* dst = src rolled by k (0 < k < d) along axis: dst[k:] = src[:d-k], dst[:k] = src[d-k:]. */
static int roll_axis(nd_array *dst, const nd_array *src, int axis, int64_t k) {
    int64_t d = src->shape[axis];
    int64_t shp[ND_MAXDIMS];
    memcpy(shp, src->shape, (size_t)src->ndim * sizeof *shp);
    for (int part = 0; part < 2; part++) {
        int64_t len = part ? k : d - k;
        int64_t s0 = part ? d - k : 0, d0 = part ? 0 : k;
        shp[axis] = len;
        nd_array *vs = nd__view(src, src->dtype, src->ndim, shp, src->strides, src->data + s0 * src->strides[axis]);
        nd_array *vd = vs ? nd__view(dst, dst->dtype, dst->ndim, shp, dst->strides,
                                     dst->data + d0 * dst->strides[axis]) : NULL;
        int r = vd ? nd__assign(vd, vs) : -1;
        nd_free(vs);
        nd_free(vd);
        if (r < 0) return -1;
    }
    return 0;
}

static nd_array *shift(const nd_array *x, const nd_fft_shift_opts *o, bool inverse) {
    if (!x) return nd__err(ND_ERR_VALUE, "input array must not be NULL");
    int64_t sh[ND_MAXDIMS] = { 0 };
    if (o && o->axes.n > 0) {
        for (int i = 0; i < o->axes.n; i++) {
            int ax = nd__check_axis(o->axes.v[i], x->ndim);
            if (ax < 0) return NULL;
            sh[ax] += x->shape[ax] / 2;   /* repeated axes add up, as np.roll */
        }
    } else {
        /* NumPy's np.roll(x, [], ()) of a 0-d x fails in its Python code */
        if (x->ndim == 0) return nd__err(ND_ERR_VALUE, "not enough values to unpack (expected 2, got 0)");
        for (int i = 0; i < x->ndim; i++) sh[i] = x->shape[i] / 2;
    }
    nd_array *cur = nd_copy(x, 'C');
    if (!cur) return NULL;
    for (int i = 0; i < x->ndim; i++) {
        int64_t d = x->shape[i];
        if (d == 0) continue;
        int64_t k = (inverse ? -sh[i] : sh[i]) % d;
        if (k < 0) k += d;
        if (k == 0) continue;
        nd_array *nx = nd__new(x->dtype, x->ndim, x->shape, 'C', false);
        if (!nx || roll_axis(nx, cur, i, k) < 0) {
            nd_free(nx);
            nd_free(cur);
            return NULL;
        }
        nd_free(cur);
        cur = nx;
    }
    return cur;
}

nd_array *nd_fft_fftshift_ex(const nd_array *x, const nd_fft_shift_opts *o) { return shift(x, o, false); }
nd_array *nd_fft_ifftshift_ex(const nd_array *x, const nd_fft_shift_opts *o) { return shift(x, o, true); }
