/* Complex data in np.histogram / histogramdd: NumPy runs its ordinary code on it, so
 * the outer edges are the lexicographic min and max, the edges a complex linspace, and
 * sorting and searching use the complex order.  See hist_complex.h. */
#include "stats/hist_complex.h"

#include <stdio.h>

/* ------------------------------------------------------------ min, max, repr */

typedef struct {
    nd__cplx lo, hi;
    bool nan, any;
} cmm_state;

static int cmm_chunk(const void *vals, int64_t n, int64_t pos, void *ud) {
    cmm_state *s = ud;
    const nd__cplx *v = vals;
    for (int64_t k = 0; k < n && !s->nan; k++) {
        nd__cplx x = v[k];
        if (x.re != x.re || x.im != x.im) { s->lo = s->hi = x; s->nan = true; break; }
        if (!s->any) { s->lo = s->hi = x; s->any = true; continue; }
        if (nd__clt(x, s->lo)) s->lo = x;
        if (nd__cgt(x, s->hi)) s->hi = x;
    }
    return 0;
}

int nd__hist_cminmax(const nd_array *a, nd__cplx *lo, nd__cplx *hi) {
    cmm_state s = { { 0, 0 }, { 0, 0 }, false, false };
    if (nd__hist_walk(a, ND_COMPLEX128, cmm_chunk, &s) < 0) return -1;
    *lo = s.lo;
    *hi = s.hi;
    return 0;
}

/* Python's repr of a float without a trailing ".0" (as inside a complex repr). */
static void part_repr(char *buf, size_t cap, double x, nd__ct ct) {
    nd__hist_py_repr(buf, cap, x, ct);
    size_t n = strlen(buf);
    if (n > 2 && !strcmp(buf + n - 2, ".0")) buf[n - 2] = 0;
}

void nd__hist_crepr(char *buf, size_t cap, nd__cplx z, nd__ct ct) {
    char re[48], im[48];
    part_repr(im, sizeof im, fabs(z.im), ct);
    if (z.im != z.im) snprintf(im, sizeof im, "nan");
    if (z.re == 0 && !signbit(z.re)) {
        snprintf(buf, cap, "%s%sj", z.im < 0 || (z.im == 0 && signbit(z.im)) ? "-" : "", im);
        return;
    }
    part_repr(re, sizeof re, z.re, ct);
    snprintf(buf, cap, "(%s%s%sj)", re, z.im < 0 || (z.im == 0 && signbit(z.im)) ? "-" : "+", im);
}

/* ------------------------------------------------------------ edges */

nd_array *nd__hist_clinspace(nd__cplx lo, nd__cplx hi, int64_t num, nd__ct ct, const nd_dtype_t *edt) {
    nd_array *e = nd__new(ND_COMPLEX128, 1, &num, 'C', false);
    if (!e) return NULL;
    nd__cplx *y = (nd__cplx *)e->data;
    int64_t div = num - 1;
    nd__cplx delta = { nd__cr(ct, hi.re - lo.re), nd__cr(ct, hi.im - lo.im) };
    nd__cplx dv = { nd__cr(ct, (double)div), 0 };
    if (div > 0) {
        nd__cplx step = nd__cdiv(ct, delta, dv);
        bool zero = step.re == 0 && step.im == 0;
        for (int64_t i = 0; i < num; i++) {
            nd__cplx t = { nd__cr(ct, (double)i), 0 };
            t = zero ? nd__cmul(ct, nd__cdiv(ct, t, dv), delta) : nd__cmul(ct, t, step);
            y[i].re = nd__cr(ct, t.re + lo.re);
            y[i].im = nd__cr(ct, t.im + lo.im);
        }
    } else {
        for (int64_t i = 0; i < num; i++) y[i] = lo;
    }
    if (num > 1) y[num - 1] = hi;
    if (edt->type == ND_TYPE_COMPLEX128) return e;
    nd_array *r = nd_astype(e, edt);
    nd_free(e);
    return r;
}

int nd__hist_cdecreasing(const nd_array *edges) {
    nd_array *d = nd__hist_flat(edges, ND_COMPLEX128);
    if (!d) return -1;
    const nd__cplx *v = (const nd__cplx *)d->data;
    int bad = 0;
    for (int64_t i = 0, n = nd_size(d); i + 1 < n && !bad; i++) bad = nd__cgt(v[i], v[i + 1]);
    nd_free(d);
    return bad;
}

/* ------------------------------------------------------------ searching */

/* searchsorted(e[0..n), x): left counts the edges sorting before x, right those not
 * sorting after it. */
static int64_t csearch(const nd__cplx *e, int64_t n, nd__cplx x, bool right) {
    int64_t lo = 0, hi = n;
    while (lo < hi) {
        int64_t mid = lo + ((hi - lo) >> 1);
        bool go = right ? !nd__csort_lt(x, e[mid]) : nd__csort_lt(e[mid], x);
        if (go) lo = mid + 1; else hi = mid;
    }
    return lo;
}

typedef struct {
    const nd__cplx *e;
    int64_t len, stride;
    int64_t *xy;
} cdd_state;

static int cdd_chunk(const void *vals, int64_t m, int64_t pos, void *ud) {
    cdd_state *s = ud;
    const nd__cplx *v = vals;
    nd__cplx last = s->e[s->len - 1];
    for (int64_t k = 0; k < m; k++) {
        int64_t i = csearch(s->e, s->len, v[k], true);
        i -= v[k].re == last.re && v[k].im == last.im;
        s->xy[pos + k] += i * s->stride;
    }
    return 0;
}

int nd__hist_cdigitize(const nd_array *col, const nd_array *edges, int64_t stride, int64_t *xy) {
    nd_array *ek = nd__hist_flat(edges, ND_COMPLEX128);
    if (!ek) return -1;
    cdd_state s = { (const nd__cplx *)ek->data, nd_size(ek), stride, xy };
    int rc = nd__hist_walk(col, ND_COMPLEX128, cdd_chunk, &s);
    nd_free(ek);
    return rc;
}

