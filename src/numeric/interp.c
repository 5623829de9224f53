/* np.interp: NumPy's compiled interpolation (a bisection that starts from the last
 * interval found, slopes precomputed when there are fewer points than queries, the
 * exact value at x == xp[j], and a second try from the right end of the interval when
 * the first formula gives NaN), for real and complex fp; period normalizes first. */
#include "numeric/numeric_priv.h"

#include <complex.h>

/* The interval j with xp[j] <= key < xp[j + 1] (-1 below, n above), searched near
 * `guess` first: consecutive queries are usually close. */
static int64_t search_near(double key, const double *xp, int64_t n, int64_t guess) {
    enum { CACHE = 8 };
    int64_t lo = 0, hi = n;
    if (key > xp[n - 1]) return n;
    if (key < xp[0]) return -1;
    if (n <= 4) { /* a short table: scan from the start */
        int64_t i = 1;
        while (i < n && key >= xp[i]) i++;
        return i - 1;
    }
    if (guess > n - 3) guess = n - 3;
    if (guess < 1) guess = 1;
    if (key < xp[guess]) {
        if (key >= xp[guess - 1]) return guess - 1;
        hi = guess - 1;
        if (guess > CACHE && key >= xp[guess - CACHE]) lo = guess - CACHE;
    } else {
        if (key < xp[guess + 1]) return guess;
        if (key < xp[guess + 2]) return guess + 1;
        lo = guess + 2;
        if (guess < n - CACHE - 1 && key < xp[guess + CACHE]) hi = guess + CACHE;
    }
    while (lo < hi) {
        int64_t mid = lo + ((hi - lo) >> 1);
        if (key >= xp[mid]) lo = mid + 1;
        else hi = mid;
    }
    return lo - 1;
}

/* The same interval for a non-decreasing xp, where every search order gives the last
 * j with xp[j] <= key: the previous interval first (sorted queries), then a bisection
 * without data-dependent branches (random queries). */
static inline int64_t search_sorted(double key, const double *xp, int64_t n, int64_t guess) {
    if (key > xp[n - 1]) return n;
    if (key < xp[0]) return -1;
    if (guess >= 0 && guess < n - 1 && xp[guess] <= key && key < xp[guess + 1]) return guess;
    const double *base = xp;
    int64_t len = n;
    while (len > 1) {
        int64_t half = len >> 1;
        base = base[half] <= key ? base + half : base;
        len -= half;
    }
    return base - xp;
}

/* One component (real or imaginary part) of the interpolated value in [xp[j], xp[j+1]). */
static inline double lerp_part(double x, const double *xp, int64_t j, double y0, double y1, double slope) {
    double r = slope * (x - xp[j]) + y0;
    if (isnan(r)) {
        r = slope * (x - xp[j + 1]) + y1;
        if (isnan(r) && y0 == y1) r = y0;
    }
    return r;
}

/* NumPy's slope: real fp divides by the step, complex fp multiplies by its inverse. */
static inline double slope_of(double y0, double y1, double x0, double x1, int parts) {
    return parts == 2 ? (y1 - y0) * (1.0 / (x1 - x0)) : (y1 - y0) / (x1 - x0);
}

/* The interpolation proper: x (nx values), xp/fp (n points, fp with `parts` doubles per
 * point: 1 real, 2 complex), results into out; lval/rval per part. */
static int interp_run(const double *x, int64_t nx, const double *xp, const double *fp, int64_t n, int parts,
                      const double *lval, const double *rval, double *out) {
    if (n == 1) {
        for (int64_t i = 0; i < nx; i++)
            for (int p = 0; p < parts; p++)
                out[i * parts + p] = x[i] < xp[0] ? lval[p] : x[i] > xp[0] ? rval[p] : fp[p];
        return 0;
    }
    double *slopes = NULL;
    size_t sbytes = (size_t)(n - 1) * (size_t)parts * sizeof(double);
    bool sorted = false;
    if (n <= nx) { /* precompute slopes (and look at the order) only when there are few points */
        sorted = true;
        for (int64_t i = 0; i < n - 1; i++) sorted &= xp[i] <= xp[i + 1];
        if (!(slopes = nd__malloc(sbytes))) { nd__nomem(); return -1; }
        for (int64_t i = 0; i < n - 1; i++)
            for (int p = 0; p < parts; p++)
                slopes[i * parts + p] = slope_of(fp[i * parts + p], fp[(i + 1) * parts + p], xp[i], xp[i + 1], parts);
    }
    int64_t j = 0;
    for (int64_t i = 0; i < nx; i++) {
        double xv = x[i];
        double *o = out + i * parts;
        if (isnan(xv)) {
            o[0] = xv;
            if (parts == 2) o[1] = 0.0;
            continue;
        }
        j = sorted ? search_sorted(xv, xp, n, j) : search_near(xv, xp, n, j);
        if (j == -1) { for (int p = 0; p < parts; p++) o[p] = lval[p]; continue; }
        if (j == n) { for (int p = 0; p < parts; p++) o[p] = rval[p]; continue; }
        if (j == n - 1 || xp[j] == xv) { /* exact hit: no arithmetic that could give NaN */
            for (int p = 0; p < parts; p++) o[p] = fp[j * parts + p];
            continue;
        }
        for (int p = 0; p < parts; p++) {
            double y0 = fp[j * parts + p], y1 = fp[(j + 1) * parts + p];
            double slope = slopes ? slopes[j * parts + p] : slope_of(y0, y1, xp[j], xp[j + 1], parts);
            o[p] = lerp_part(xv, xp, j, y0, y1, slope);
        }
    }
    if (slopes) nd__free(slopes, sbytes);
    return 0;
}

/* Stable sort of idx[0..n) by key (merge sort; ties keep their order). */
static int argsort_stable(const double *key, int64_t *idx, int64_t n) {
    int64_t *tmp = n > 1 ? nd__malloc((size_t)n * sizeof(int64_t)) : NULL;
    if (n > 1 && !tmp) { nd__nomem(); return -1; }
    for (int64_t i = 0; i < n; i++) idx[i] = i;
    for (int64_t w = 1; w < n; w *= 2) {
        for (int64_t lo = 0; lo < n; lo += 2 * w) {
            int64_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            int64_t a = lo, b = mid, k = lo;
            while (a < mid && b < hi) tmp[k++] = key[idx[b]] < key[idx[a]] ? idx[b++] : idx[a++];
            while (a < mid) tmp[k++] = idx[a++];
            while (b < hi) tmp[k++] = idx[b++];
        }
        memcpy(idx, tmp, (size_t)n * sizeof(int64_t));
    }
    if (tmp) nd__free(tmp, (size_t)n * sizeof(int64_t));
    return 0;
}

static bool value_is_complex(nd_value v) { return v.dtype && nd_dtype_is_complex(v.dtype); }
static void value_parts(nd_value v, double *p) {
    p[0] = nd__num_value_double(v);
    p[1] = value_is_complex(v) ? v.v.c.im : 0.0;
}

nd_array *nd_interp_ex(nd_operand x, const nd_array *xp, const nd_array *fp, const nd_interp_opts *o) {
    if (!xp || !fp) return nd__err(ND_ERR_VALUE, "interp: array must not be NULL");
    bool cplx = nd_dtype_is_complex(fp->dtype);
    const nd_dtype_t *in_dt = cplx ? ND_COMPLEX128 : ND_FLOAT64;
    int parts = cplx ? 2 : 1;
    nd_array *xa = nd__num_operand_array(x), *xc = NULL, *xpc = NULL, *fpc = NULL, *res = NULL;
    double *sx = NULL, *sf = NULL;
    size_t sxb = 0, sfb = 0;
    int64_t *idx = NULL;
    size_t idxb = 0;
    if (!xa) return NULL;
    bool periodic = o && o->period.dtype;
    double period = 0;
    if (periodic) {
        double pp[2];
        value_parts(o->period, pp);
        period = pp[0];
        if (period == 0) { nd__err(ND_ERR_VALUE, "period must be a non-zero value"); goto done; }
        period = fabs(period);
        if (xp->ndim != 1 || fp->ndim != 1) { nd__err(ND_ERR_VALUE, "Data points must be 1-D sequences"); goto done; }
        if (xp->shape[0] != fp->shape[0]) { nd__err(ND_ERR_VALUE, "fp and xp are not of the same length"); goto done; }
    }
    if (xp->ndim > 1 || fp->ndim > 1) { nd__err(ND_ERR_VALUE, "object too deep for desired array"); goto done; }
    if (xp->ndim == 0 || fp->ndim == 0) { nd__err(ND_ERR_VALUE, "object of too small depth for desired array"); goto done; }
    if (!(xc = nd_astype(xa, ND_FLOAT64, .order = 'C'))) goto done;
    if (!(xpc = nd_astype(xp, ND_FLOAT64, .order = 'C'))) goto done;
    if (!(fpc = nd_astype(fp, in_dt, .order = 'C'))) goto done;
    int64_t n = nd_size(xpc), nx = nd_size(xc);
    if (n == 0) { nd__err(ND_ERR_VALUE, "array of sample points is empty"); goto done; }
    if (nd_size(fpc) != n) { nd__err(ND_ERR_VALUE, "fp and xp are not of the same length."); goto done; }
    const double *xpd = (const double *)xpc->data, *fpd = (const double *)fpc->data;
    double lval[2], rval[2];
    for (int p = 0; p < parts; p++) { lval[p] = fpd[p]; rval[p] = fpd[(n - 1) * parts + p]; }
    if (periodic) {
        /* x % period and xp % period (Python's modulo), xp sorted with fp, one point
         * wrapped around on each side */
        double *xd = (double *)xc->data;
        for (int64_t i = 0; i < nx; i++) {
            double r = fmod(xd[i], period);
            if (r != 0 && (r < 0) != (period < 0)) r += period;
            else if (r == 0) r = copysign(0.0, period);
            xd[i] = r;
        }
        double *kp = nd__malloc((size_t)n * sizeof(double));
        idxb = (size_t)n * sizeof(int64_t);
        idx = kp ? nd__malloc(idxb) : NULL;
        sxb = (size_t)(n + 2) * sizeof(double);
        sfb = (size_t)(n + 2) * (size_t)parts * sizeof(double);
        sx = idx ? nd__malloc(sxb) : NULL;
        sf = sx ? nd__malloc(sfb) : NULL;
        if (!sf) {
            if (kp) nd__free(kp, (size_t)n * sizeof(double));
            nd__nomem();
            goto done;
        }
        for (int64_t i = 0; i < n; i++) {
            double r = fmod(xpd[i], period);
            if (r != 0 && (r < 0) != (period < 0)) r += period;
            else if (r == 0) r = copysign(0.0, period);
            kp[i] = r;
        }
        int rc = argsort_stable(kp, idx, n);
        if (rc == 0) {
            for (int64_t i = 0; i < n; i++) {
                sx[i + 1] = kp[idx[i]];
                for (int p = 0; p < parts; p++) sf[(i + 1) * parts + p] = fpd[idx[i] * parts + p];
            }
            sx[0] = sx[n] - period;
            sx[n + 1] = sx[1] + period;
            for (int p = 0; p < parts; p++) {
                sf[p] = sf[n * parts + p];
                sf[(n + 1) * parts + p] = sf[parts + p];
            }
        }
        nd__free(kp, (size_t)n * sizeof(double));
        if (rc < 0) goto done;
        xpd = sx;
        fpd = sf;
        n += 2;
        for (int p = 0; p < parts; p++) { lval[p] = fpd[p]; rval[p] = fpd[(n - 1) * parts + p]; }
    } else {
        if (o && o->left.dtype) value_parts(o->left, lval);
        if (o && o->right.dtype) value_parts(o->right, rval);
    }
    res = nd__new(in_dt, xc->ndim, xc->shape, 'C', false);
    if (!res) goto done;
    if (interp_run((const double *)xc->data, nx, xpd, fpd, n, parts, lval, rval, (double *)res->data) < 0) {
        nd_free(res);
        res = NULL;
    }
done:
    if (sx) nd__free(sx, sxb);
    if (sf) nd__free(sf, sfb);
    if (idx) nd__free(idx, idxb);
    nd_free(xa);
    nd_free(xc);
    nd_free(xpc);
    nd_free(fpc);
    return res;
}
