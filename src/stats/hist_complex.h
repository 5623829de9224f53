/* Private to src/stats/histogram*.c: complex data in histograms.  NumPy bins complex
 * values through its ordinary code: lexicographic min/max and comparisons, edges from
 * a complex linspace, and a bin estimate from the real part of a complex division (the
 * "ComplexWarning" cast to intp), corrected by one step against the edges.  These are
 * that arithmetic, operation by operation in the data's precision (ct: ND__CT64 for
 * complex128, ND__CT32 for complex64). */
#ifndef ND_HIST_COMPLEX_H
#define ND_HIST_COMPLEX_H

#include "stats/histogram_priv.h"

#define ND__COMPLEX_WARNING "ComplexWarning: Casting complex values to real discards the imaginary part"

typedef struct { double re, im; } nd__cplx;

/* One operation's result rounded to ct. */
static inline double nd__cr(nd__ct ct, double x) { return ct == ND__CT32 ? (double)(float)x : x; }

/* NumPy's complex comparison ufuncs (>=, <=, <, ==): lexicographic; a NaN real part
 * never compares, a NaN imaginary part only through the equal-real branch. */
static inline bool nd__cge(nd__cplx x, nd__cplx y) {
    return (x.re > y.re && x.im == x.im && y.im == y.im) || (x.re == y.re && x.im >= y.im);
}
static inline bool nd__cle(nd__cplx x, nd__cplx y) {
    return (x.re < y.re && x.im == x.im && y.im == y.im) || (x.re == y.re && x.im <= y.im);
}
static inline bool nd__clt(nd__cplx x, nd__cplx y) {
    return (x.re < y.re && x.im == x.im && y.im == y.im) || (x.re == y.re && x.im < y.im);
}
static inline bool nd__cgt(nd__cplx x, nd__cplx y) { return nd__clt(y, x); }

/* The sort order of np.sort / searchsorted: lexicographic, values with a NaN part after
 * the others ([R + Rj, R + nanj, nan + Rj, nan + nanj]). */
static inline bool nd__csort_lt(nd__cplx a, nd__cplx b) {
    if (a.re < b.re) return a.im == a.im || b.im != b.im;
    if (a.re > b.re) return b.im != b.im && a.im == a.im;
    if (a.re == b.re || (a.re != a.re && b.re != b.re)) return a.im < b.im || (b.im != b.im && a.im == a.im);
    return b.re != b.re;
}

/* x / y by NumPy's complex division (Smith's method), in ct. */
static inline nd__cplx nd__cdiv(nd__ct ct, nd__cplx x, nd__cplx y) {
    double ar = fabs(y.re), ai = fabs(y.im);
    nd__cplx r;
    if (ar >= ai) {
        if (ar == 0 && ai == 0) {
            r.re = nd__cr(ct, x.re / ar);
            r.im = nd__cr(ct, x.im / ar);
            return r;
        }
        double rat = nd__cr(ct, y.im / y.re);
        double scl = nd__cr(ct, 1.0 / nd__cr(ct, y.re + nd__cr(ct, y.im * rat)));
        r.re = nd__cr(ct, nd__cr(ct, x.re + nd__cr(ct, x.im * rat)) * scl);
        r.im = nd__cr(ct, nd__cr(ct, x.im - nd__cr(ct, x.re * rat)) * scl);
    } else {
        double rat = nd__cr(ct, y.re / y.im);
        double scl = nd__cr(ct, 1.0 / nd__cr(ct, y.im + nd__cr(ct, y.re * rat)));
        r.re = nd__cr(ct, nd__cr(ct, nd__cr(ct, x.re * rat) + x.im) * scl);
        r.im = nd__cr(ct, nd__cr(ct, nd__cr(ct, x.im * rat) - x.re) * scl);
    }
    return r;
}

/* x * y, in ct. */
static inline nd__cplx nd__cmul(nd__ct ct, nd__cplx x, nd__cplx y) {
    nd__cplx r = { nd__cr(ct, nd__cr(ct, x.re * y.re) - nd__cr(ct, x.im * y.im)),
                   nd__cr(ct, nd__cr(ct, x.re * y.im) + nd__cr(ct, x.im * y.re)) };
    return r;
}

/* Complex min and max of a non-empty complex array as NumPy reduces them (the first
 * value holding a NaN wins both).  0 / -1. */
int nd__hist_cminmax(const nd_array *a, nd__cplx *lo, nd__cplx *hi);
/* Python's str of a complex scalar of type ct ("(nan+2j)", "infj"). */
void nd__hist_crepr(char *buf, size_t cap, nd__cplx z, nd__ct ct);
/* np.linspace(lo, hi, num) of complex values, computed in ct (NumPy 2), as dtype edt. */
nd_array *nd__hist_clinspace(nd__cplx lo, nd__cplx hi, int64_t num, nd__ct ct, const nd_dtype_t *edt);
/* np.searchsorted(edges, x, side='right') - (x == edges[-1]) per value of col, times
 * stride, added into xy (histogramdd's rule), for a complex common dtype.  0 / -1. */
int nd__hist_cdigitize(const nd_array *col, const nd_array *edges, int64_t stride, int64_t *xy);
/* Any edges[i] > edges[i + 1] by the complex comparison (histogram's monotonic check).
 * 1 / 0, or -1 on error. */
int nd__hist_cdecreasing(const nd_array *edges);

#endif
