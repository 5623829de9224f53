/* np.fft: the transforms.  Every transform is a walk over the lines of one axis:
 * batches of lines are copied (cast, cropped or zero-padded) into contiguous buffers,
 * transformed there with a cached plan, scaled and copied (cast) into the result. */
#include "fft_internal.h"

typedef enum { K_C2C, K_R2C, K_C2R } fft_kind;

/* What one 1-d stage does. */
typedef struct fft_job {
    fft_kind kind;
    bool inverse;     /* c2c: exp(+i...) kernel (conj in and out) */
    bool conj_in;     /* c2r: conjugate the input (hfft) */
    bool conj_out;    /* r2c: conjugate the output (ihfft) */
    nd_fft_norm norm; /* effective: BACKWARD = no scaling, ORTHO 1/sqrt(n), FORWARD 1/n */
    const char *name; /* ufunc name for type errors */
} fft_job;

static bool is_single(const nd_dtype_t *d) {
    nd_type t = d->type;
    return t == ND_TYPE_FLOAT16 || t == ND_TYPE_FLOAT32 || t == ND_TYPE_COMPLEX64;
}

/* NumPy 2 computes the scale in result_type(a.real.dtype, 1.0): float16 inputs get a
 * float16 factor. */
static double scale_factor(nd_fft_norm norm, int64_t n, const nd_dtype_t *in) {
    if (norm == ND_FFT_BACKWARD) return 1.0;
    nd_type t = in->type;
    if (t == ND_TYPE_FLOAT16) {
        double hn = nd__half_to_double(nd__double_to_half((double)n));
        if (norm == ND_FFT_ORTHO) hn = nd__half_to_double(nd__double_to_half(sqrt(hn)));
        return nd__half_to_double(nd__double_to_half(1.0 / hn));
    }
    if (t == ND_TYPE_FLOAT32 || t == ND_TYPE_COMPLEX64) {
        float fn = (float)n;
        return norm == ND_FFT_ORTHO ? (double)(1.0f / sqrtf(fn)) : (double)(1.0f / fn);
    }
    return norm == ND_FFT_ORTHO ? 1.0 / sqrt((double)n) : 1.0 / (double)n;
}

static nd_fft_norm swap_norm(nd_fft_norm n) {
    return n == ND_FFT_BACKWARD ? ND_FFT_FORWARD : n == ND_FFT_FORWARD ? ND_FFT_BACKWARD : n;
}

static int check_norm(nd_fft_norm n) {
    if (n == ND_FFT_BACKWARD || n == ND_FFT_ORTHO || n == ND_FFT_FORWARD) return 0;
    nd__err(ND_ERR_VALUE, "Invalid norm value %d; should be \"backward\",\"ortho\" or \"forward\".", (int)n);
    return -1;
}

/* Result dtype of a stage: complex for c2c/r2c, real_dtype for c2r. */
static const nd_dtype_t *result_dtype(fft_kind kind, const nd_dtype_t *in) {
    bool s = is_single(in);
    if (kind != K_C2R) return s ? ND_COMPLEX64 : ND_COMPLEX128;
    if (in->type == ND_TYPE_FLOAT16) return ND_FLOAT16;
    return s ? ND_FLOAT32 : ND_FLOAT64;
}

/* ------------------------------------------------------------ the line walk */

/* Scratch of one stage. */
typedef struct fft_bufs {
    char *in, *out, *work;
    size_t in_bytes, out_bytes, work_bytes;
} fft_bufs;

static void bufs_free(fft_bufs *b) {
    nd__free(b->in, b->in_bytes);
    nd__free(b->out, b->out_bytes);
    nd__free(b->work, b->work_bytes);
}

/* Apply conj/scale to `count` lines of `len` elements (complex when cplx) spaced
 * `ls` elements apart. */
#define POST_LOOP(T)                                                                 \
    do {                                                                             \
        T *q = (T *)buf;                                                             \
        T f = (T)fct;                                                                \
        int64_t w = cplx ? 2 * len : len, st = cplx ? 2 * ls : ls;                   \
        for (int64_t b = 0; b < count; b++, q += st) {                               \
            if (fct != 1.0)                                                          \
                for (int64_t j = 0; j < w; j++) q[j] *= f;                           \
            if (conj)                                                                \
                for (int64_t j = 1; j < w; j += 2) q[j] = -q[j];                     \
        }                                                                            \
    } while (0)

static void post_scale(char *buf, bool single, bool cplx, int64_t count, int64_t len, int64_t ls,
                       double fct, bool conj) {
    if (fct == 1.0 && !conj) return;
    if (single) POST_LOOP(float);
    else POST_LOOP(double);
}

/* Strided copy of n elements of es bytes (the cast when both types are the same). */
static void copy_same(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n, int64_t es) {
    if (ds == es && ss == es) { memcpy(dst, src, (size_t)(n * es)); return; }
    switch (es) {
    case 16: for (int64_t i = 0; i < n; i++) memcpy(dst + i * ds, src + i * ss, 16); break;
    case 8: for (int64_t i = 0; i < n; i++) memcpy(dst + i * ds, src + i * ss, 8); break;
    case 4: for (int64_t i = 0; i < n; i++) memcpy(dst + i * ds, src + i * ss, 4); break;
    default: for (int64_t i = 0; i < n; i++) memcpy(dst + i * ds, src + i * ss, (size_t)es); break;
    }
}

/* Copy `count` lines of `len` elements between a strided array and a buffer, cast
 * (cast == NULL: same type, plain copies): buffer lines are `lsb` bytes apart with
 * element size `esb`; array lines start `sline` bytes apart and run with stride
 * `selem`.  Column order (element-major) when the lines are closer together than
 * their elements, so a batch reads whole cache lines. */
static void copy_lines(nd__cast_fn cast, bool to_buf, char *buf, int64_t lsb, int64_t esb, char *arr,
                       int64_t sline, int64_t selem, int64_t count, int64_t len,
                       const nd_dtype_t *bd, const nd_dtype_t *ad) {
    if (count > 1 && llabs(sline) < llabs(selem)) {
        for (int64_t j = 0; j < len; j++) {
            char *b = buf + j * esb, *a = arr + j * selem;
            if (!cast) { if (to_buf) copy_same(b, lsb, a, sline, count, esb); else copy_same(a, sline, b, lsb, count, esb); }
            else if (to_buf) cast(b, lsb, a, sline, count, bd, ad);
            else cast(a, sline, b, lsb, count, ad, bd);
        }
    } else {
        for (int64_t k = 0; k < count; k++) {
            char *b = buf + k * lsb, *a = arr + k * sline;
            if (!cast) { if (to_buf) copy_same(b, esb, a, selem, len, esb); else copy_same(a, selem, b, esb, len, esb); }
            else if (to_buf) cast(b, esb, a, selem, len, bd, ad);
            else cast(a, selem, b, esb, len, ad, bd);
        }
    }
}

/* One stage: transform `a` along `axis` (normalized) with length n into `out`
 * (allocated by the caller with the right shape and a complex/real dtype). */
static int run_stage(const nd_array *a, int axis, int64_t n, const fft_job *job, nd_array *out) {
    bool single = is_single(a->dtype);
    size_t cs = single ? sizeof(nd__cf) : sizeof(nd__cd), rs = cs / 2;
    const nd_dtype_t *cdt = single ? ND_COMPLEX64 : ND_COMPLEX128;
    const nd_dtype_t *rdt = single ? ND_FLOAT32 : ND_FLOAT64;
    int64_t nh = n / 2 + 1;
    int64_t need = job->kind == K_C2R ? nh : n;                  /* input points used */
    int64_t nout = job->kind == K_R2C ? nh : n;                  /* output points */
    int64_t ls = job->kind == K_C2C ? n : nh;                    /* buffer line, complex elems */
    int64_t L = a->shape[axis], used = L < need ? L : need;
    const nd_dtype_t *in_dt = job->kind == K_R2C ? rdt : cdt;    /* gathered element */
    const nd_dtype_t *res_dt = job->kind == K_C2R ? rdt : cdt;   /* computed result */
    size_t in_es = job->kind == K_R2C ? rs : cs, res_es = job->kind == K_C2R ? rs : cs;
    double fct = scale_factor(job->norm, n, a->dtype);

    int64_t nlines = 1;
    for (int i = 0; i < a->ndim; i++)
        if (i != axis) nlines *= out->shape[i];
    if (nlines == 0) return 0;

    nd__fft_plan *plan = nd__fft_plan_get(job->kind == K_C2C ? ND__PLAN_C : ND__PLAN_R, single, n);
    if (!plan) return -1;
    /* batch lines so a column walk reads whole cache lines, within ~1 MiB of buffer */
    int64_t B = (int64_t)((size_t)(1 << 20) / ((size_t)ls * cs));
    if (B > 16) B = 16;
    if (B < 1) B = 1;
    if (B > nlines) B = nlines;
    /* direct: the result line is contiguous and of the computed type, so transform
     * in the output itself (no scatter copy, one buffer less) */
    int64_t so = out->strides[axis];
    bool direct = nd_dtype_equal(out->dtype, res_dt) && so == (int64_t)res_es && job->kind != K_C2R;
    if (direct) B = 1;
    fft_bufs bf = { 0 };
    bf.in_bytes = direct && job->kind == K_C2C ? 0 : (size_t)(B * ls) * cs;
    bf.out_bytes = job->kind == K_C2C || direct ? 0 : (size_t)(B * ls) * cs;
    bf.work_bytes = (size_t)(plan->work > 0 ? plan->work : 1) * cs;
    if ((bf.in_bytes && !(bf.in = nd__malloc(bf.in_bytes))) || (bf.out_bytes && !(bf.out = nd__malloc(bf.out_bytes))) ||
        !(bf.work = nd__malloc(bf.work_bytes))) {
        bufs_free(&bf);
        nd__fft_plan_release(plan);
        return -1;
    }
    char *resbuf = job->kind == K_C2C ? bf.in : bf.out;
    nd__cast_fn cin = nd_dtype_equal(in_dt, a->dtype) ? NULL : nd__get_cast(in_dt, a->dtype);
    nd__cast_fn cout = nd_dtype_equal(out->dtype, res_dt) ? NULL : nd__get_cast(out->dtype, res_dt);

    /* lines: the shape with the axis collapsed to 1 */
    int64_t shape[ND_MAXDIMS];
    for (int i = 0; i < a->ndim; i++) shape[i] = i == axis ? 1 : out->shape[i];
    char *data[2] = { a->data, out->data };
    const int64_t *strides[2] = { a->strides, out->strides };
    nd__iter it;
    if (nd__iter_prepare(&it, 2, a->ndim, shape, data, strides, false) < 0) {
        bufs_free(&bf);
        nd__fft_plan_release(plan);
        return -1;
    }
    int64_t sa = a->strides[axis];
    int64_t cnt;
    while ((cnt = nd__iter_next(&it)) > 0) {
        char *pa = it.ptr[0], *po = it.ptr[1];
        int64_t ia = it.inner_strides[0], io = it.inner_strides[1];
        for (int64_t b0 = 0; b0 < cnt; b0 += B) {
            int64_t nb = cnt - b0 < B ? cnt - b0 : B;
            char *lin = direct && job->kind == K_C2C ? po + b0 * io : bf.in;
            char *rb = direct ? po + b0 * io : resbuf;
            copy_lines(cin, true, lin, ls * (int64_t)cs, (int64_t)in_es, pa + b0 * ia, ia, sa, nb, used,
                       in_dt, a->dtype);
            /* zero padding, conjugation of the input */
            for (int64_t b = 0; b < nb; b++) {
                char *l = lin + b * ls * (int64_t)cs;
                int64_t pad_from = used, pad_to = need;
                if (job->kind == K_R2C && pad_to > pad_from)
                    memset(l + pad_from * (int64_t)in_es, 0, (size_t)(pad_to - pad_from) * in_es);
                else if (pad_to > pad_from)
                    memset(l + pad_from * (int64_t)cs, 0, (size_t)(pad_to - pad_from) * cs);
            }
            if (job->inverse || job->conj_in) post_scale(lin, single, true, nb, used, ls, 1.0, true);
            for (int64_t b = 0; b < nb; b++) {
                char *x = lin + b * ls * (int64_t)cs, *y = rb + b * ls * (int64_t)cs;
                if (single) {
                    if (job->kind == K_C2C) nd__fft_exec_cf(plan, (nd__cf *)x, (nd__cf *)bf.work);
                    else if (job->kind == K_R2C) nd__fft_rexec_cf(plan, (nd__cf *)x, (nd__cf *)y, (nd__cf *)bf.work);
                    else nd__fft_irexec_cf(plan, (nd__cf *)x, (nd__cf *)y, (nd__cf *)bf.work);
                } else {
                    if (job->kind == K_C2C) nd__fft_exec_cd(plan, (nd__cd *)x, (nd__cd *)bf.work);
                    else if (job->kind == K_R2C) nd__fft_rexec_cd(plan, (nd__cd *)x, (nd__cd *)y, (nd__cd *)bf.work);
                    else nd__fft_irexec_cd(plan, (nd__cd *)x, (nd__cd *)y, (nd__cd *)bf.work);
                }
            }
            bool conj = job->kind == K_C2R ? false : (job->inverse || job->conj_out);
            int64_t rls = job->kind == K_C2R ? 2 * ls : ls; /* line stride in result elements */
            post_scale(rb, single, job->kind != K_C2R, nb, nout, job->kind == K_C2R ? rls : ls, fct, conj);
            if (!direct)
                copy_lines(cout, false, resbuf, ls * (int64_t)cs, (int64_t)res_es, po + b0 * io, io, so, nb, nout,
                       res_dt, out->dtype);
        }
    }
    bufs_free(&bf);
    nd__fft_plan_release(plan);
    return 0;
}

/* ------------------------------------------------------------ 1-d entry */

static bool numeric_ok(const nd_array *a, const char *name) {
    if (!nd__is_numeric(a->dtype)) {
        nd__err(ND_ERR_TYPE, "ufunc '%s' did not contain a loop with signature matching types", name);
        return false;
    }
    return true;
}

/* Check a user's out: same ndim and shape, a dtype of the result's kind, writeable. */
static bool out_ok(const nd_array *out, int ndim, const int64_t *shape, const nd_dtype_t *rd,
                   const char *name) {
    if (out->ndim != ndim) { nd__err(ND_ERR_VALUE, "output array has wrong shape."); return false; }
    for (int i = 0; i < ndim; i++)
        if (out->shape[i] != shape[i]) { nd__err(ND_ERR_VALUE, "output array has wrong shape."); return false; }
    if (!nd_can_cast(rd, out->dtype, ND_CASTING_SAME_KIND) || nd_dtype_kind(out->dtype) != nd_dtype_kind(rd)) {
        nd__err(ND_ERR_TYPE, "Cannot cast ufunc '%s' output from dtype('%s') to dtype('%s') with casting rule 'same_kind'",
                name, nd_dtype_name(rd), nd_dtype_name(out->dtype));
        return false;
    }
    return nd__check_writeable(out);
}

/* Transform a along one axis (n: the transform length, already validated). */
static nd_array *stage(const nd_array *a, int axis, int64_t n, const fft_job *job, nd_array *out) {
    if (n < 1) return nd__err(ND_ERR_VALUE, "Invalid number of FFT data points (%lld) specified.", (long long)n);
    if (job->kind == K_R2C && nd_dtype_is_complex(a->dtype))
        return nd__err(ND_ERR_TYPE, "ufunc '%s' did not contain a loop with signature matching types", job->name);
    const nd_dtype_t *rd = result_dtype(job->kind, a->dtype);
    int64_t shape[ND_MAXDIMS];
    for (int i = 0; i < a->ndim; i++) shape[i] = a->shape[i];
    shape[axis] = job->kind == K_R2C ? n / 2 + 1 : n;
    nd_array *res;
    nd_array *src = NULL;
    if (out) {
        if (!out_ok(out, a->ndim, shape, rd, job->name)) return NULL;
        res = out;
        if (nd_may_share_memory(a, out)) {     /* read a whole before writing */
            if (!(src = nd_copy(a, 'K'))) return NULL;
            a = src;
        }
    } else if (!(res = nd__new(rd, a->ndim, shape, 'C', false))) {
        return NULL;
    }
    int r = run_stage(a, axis, n, job, res);
    nd_free(src);
    if (r < 0) {
        if (res != out) nd_free(res);
        return NULL;
    }
    return res;
}

static nd_array *fft1(const nd_array *a, const nd_fft_opts *o, fft_kind kind, bool inverse, const char *name) {
    static const nd_fft_opts def = { 0 };
    if (!a) return nd__err(ND_ERR_VALUE, "input array must not be NULL");
    if (!o) o = &def;
    if (!numeric_ok(a, name)) return NULL;
    if (o->axis.n > 1) return nd__err(ND_ERR_TYPE, "'tuple' object cannot be interpreted as an integer");
    int ax0 = o->axis.n ? o->axis.v[0] : -1;
    /* NumPy reads a.shape[axis] for the default n before it checks the axis */
    if (o->n == 0 && (ax0 < -a->ndim || ax0 >= a->ndim)) return nd__err(ND_ERR_INDEX, "tuple index out of range");
    int ax = nd__check_axis(ax0, a->ndim);
    if (ax < 0) return NULL;
    if (check_norm(o->norm) < 0) return NULL;
    if (o->n < 0) return nd__err(ND_ERR_VALUE, "Invalid number of FFT data points (%lld) specified.", (long long)o->n);
    bool herm_in = kind == K_C2R;      /* irfft, hfft: default n = 2 (m - 1) */
    int64_t n = o->n ? o->n : herm_in ? 2 * (a->shape[ax] - 1) : a->shape[ax];
    fft_job job = { .kind = kind, .inverse = inverse, .name = name };
    bool is_h = !strcmp(name, "hfft") || !strcmp(name, "ihfft");
    /* forward-type stages scale by norm; inverse-type by the swapped norm; hfft/ihfft
     * are the swapped versions of irfft/rfft */
    bool inv_dir = inverse || (kind == K_C2R && !is_h) || (kind == K_R2C && is_h);
    job.norm = inv_dir ? swap_norm(o->norm) : o->norm;
    if (!strcmp(name, "hfft")) { job.conj_in = true; job.name = "irfft"; }
    if (!strcmp(name, "ihfft")) { job.conj_out = true; job.name = n % 2 ? "rfft_n_odd" : "rfft_n_even"; }
    if (kind == K_R2C && !is_h) job.name = n % 2 ? "rfft_n_odd" : "rfft_n_even";
    return stage(a, ax, n, &job, o->out);
}

nd_array *nd_fft_fft_ex(const nd_array *a, const nd_fft_opts *o) { return fft1(a, o, K_C2C, false, "fft"); }
nd_array *nd_fft_ifft_ex(const nd_array *a, const nd_fft_opts *o) { return fft1(a, o, K_C2C, true, "ifft"); }
nd_array *nd_fft_rfft_ex(const nd_array *a, const nd_fft_opts *o) { return fft1(a, o, K_R2C, false, "rfft"); }
nd_array *nd_fft_irfft_ex(const nd_array *a, const nd_fft_opts *o) { return fft1(a, o, K_C2R, false, "irfft"); }
nd_array *nd_fft_hfft_ex(const nd_array *a, const nd_fft_opts *o) { return fft1(a, o, K_C2R, false, "hfft"); }
nd_array *nd_fft_ihfft_ex(const nd_array *a, const nd_fft_opts *o) { return fft1(a, o, K_R2C, false, "ihfft"); }

/* ------------------------------------------------------------ n-d entry */

typedef enum { ND_C, ND_IC, ND_R, ND_IR } nd_kind;

static nd_array *fftnd(const nd_array *a, const nd_fft_nd_opts *o, nd_kind kind, bool two) {
    static const nd_fft_nd_opts def = { 0 };
    if (!a) return nd__err(ND_ERR_VALUE, "input array must not be NULL");
    if (!o) o = &def;
    const char *name = kind == ND_C ? "fft" : kind == ND_IC ? "ifft" : kind == ND_R ? "rfft" : "irfft";
    if (!numeric_ok(a, name)) return NULL;
    if (check_norm(o->norm) < 0) return NULL;
    int naxes;
    int axes[ND_MAXDIMS];
    int64_t s[ND_MAXDIMS];
    bool shapeless = o->s.ndim == 0;
    if (o->s.ndim < 0 || o->s.ndim > ND_MAXDIMS || (o->s.ndim && !o->s.dims))
        return nd__err(ND_ERR_VALUE, "invalid shape s");
    if (o->axes.n > 0) {
        naxes = o->axes.n;
        for (int i = 0; i < naxes; i++) axes[i] = o->axes.v[i];
    } else if (two && shapeless) {
        naxes = 2;
        axes[0] = -2;
        axes[1] = -1;
    } else {
        naxes = shapeless ? a->ndim : o->s.ndim;
        for (int i = 0; i < naxes; i++) axes[i] = i - naxes;
    }
    if (!shapeless && o->s.ndim != naxes) return nd__err(ND_ERR_VALUE, "Shape and axes have different lengths.");
    /* without s NumPy takes the lengths with take(a.shape, axes): its IndexErrors */
    if (shapeless && naxes > 0 && a->ndim == 0)
        return nd__err(ND_ERR_INDEX, "cannot do a non-empty take from an empty axes.");
    for (int i = 0; shapeless && i < naxes; i++)
        if (axes[i] < -a->ndim || axes[i] >= a->ndim)
            return nd__err(ND_ERR_INDEX, "index %d is out of bounds for axis 0 with size %d", axes[i], a->ndim);
    for (int i = 0; i < naxes; i++) {
        int ax = nd__check_axis(axes[i], a->ndim);
        if (ax < 0) return NULL;
        axes[i] = ax;
        s[i] = shapeless ? a->shape[ax] : o->s.dims[i];
        if (s[i] == -1) s[i] = a->shape[ax];
    }
    if (naxes == 0) return nd_copy(a, 'K');   /* nothing to transform (0-d, fftn) */
    if ((kind == ND_IR) && shapeless) s[naxes - 1] = 2 * (a->shape[axes[naxes - 1]] - 1);

    /* the order of NumPy's stages: c2c last axis first; rfftn: rfft on the last axis,
     * then the others backwards; irfftn: ifft on the others forwards, irfft last */
    int order[ND_MAXDIMS];
    int k = 0;
    if (kind == ND_C || kind == ND_IC) {
        for (int i = naxes - 1; i >= 0; i--) order[k++] = i;
    } else if (kind == ND_R) {
        for (int i = naxes - 1; i >= 0; i--) order[k++] = i;
    } else {
        for (int i = 0; i < naxes; i++) order[k++] = i;
    }
    nd_array *cur = NULL;
    for (int t = 0; t < naxes; t++) {
        int i = order[t];
        fft_job job = { 0 };
        if (kind == ND_C) { job.kind = K_C2C; job.norm = o->norm; job.name = "fft"; }
        else if (kind == ND_IC) { job.kind = K_C2C; job.inverse = true; job.norm = swap_norm(o->norm); job.name = "ifft"; }
        else if (kind == ND_R) {
            bool first = t == 0;
            job.kind = first ? K_R2C : K_C2C;
            job.norm = o->norm;
            job.name = first ? (s[i] % 2 ? "rfft_n_odd" : "rfft_n_even") : "fft";
        } else {
            bool last = t == naxes - 1;
            job.kind = last ? K_C2R : K_C2C;
            job.inverse = !last;
            job.norm = swap_norm(o->norm);
            job.name = last ? "irfft" : "ifft";
        }
        nd_array *next = stage(cur ? cur : a, axes[i], s[i], &job, t == naxes - 1 ? o->out : NULL);
        nd_free(cur);
        if (!next) return NULL;
        cur = next;
    }
    return cur;
}

nd_array *nd_fft_fftn_ex(const nd_array *a, const nd_fft_nd_opts *o) { return fftnd(a, o, ND_C, false); }
nd_array *nd_fft_ifftn_ex(const nd_array *a, const nd_fft_nd_opts *o) { return fftnd(a, o, ND_IC, false); }
nd_array *nd_fft_rfftn_ex(const nd_array *a, const nd_fft_nd_opts *o) { return fftnd(a, o, ND_R, false); }
nd_array *nd_fft_irfftn_ex(const nd_array *a, const nd_fft_nd_opts *o) { return fftnd(a, o, ND_IR, false); }
nd_array *nd_fft_fft2_ex(const nd_array *a, const nd_fft_nd_opts *o) { return fftnd(a, o, ND_C, true); }
nd_array *nd_fft_ifft2_ex(const nd_array *a, const nd_fft_nd_opts *o) { return fftnd(a, o, ND_IC, true); }
nd_array *nd_fft_rfft2_ex(const nd_array *a, const nd_fft_nd_opts *o) { return fftnd(a, o, ND_R, true); }
nd_array *nd_fft_irfft2_ex(const nd_array *a, const nd_fft_nd_opts *o) { return fftnd(a, o, ND_IR, true); }
