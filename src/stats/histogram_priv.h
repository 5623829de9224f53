/* Private to src/stats/histogram*.c: NumPy's float arithmetic types and outer edges. */
#ifndef ND_HISTOGRAM_PRIV_H
#define ND_HISTOGRAM_PRIV_H

#include "stats/hist_priv.h"

/* The float type a NumPy expression computes in. */
typedef enum { ND__CT64 = 0, ND__CT32, ND__CT16 } nd__ct;

/* Float type of a dtype (float64 for everything but float16/float32). */
nd__ct nd__hist_ct_of(const nd_dtype_t *d);
/* x rounded to the type. */
double nd__hist_round(nd__ct ct, double x);
/* Python's repr of a float (str of a NumPy float scalar for the narrower types). */
void nd__hist_py_repr(char *buf, size_t cap, double x, nd__ct ct);

/* NumPy's _get_outer_edges and what follows from it. */
typedef struct {
    double lo, hi;       /* first_edge, last_edge */
    nd__ct ct;           /* type linspace computes in (result type of lo, hi) */
    double span;         /* _unsigned_subtract(hi, lo) */
    nd__ct span_ct;      /* its type */
    bool keep;           /* a range was given: only keep_lo <= x <= keep_hi count */
    double keep_lo, keep_hi;
    /* complex data (see hist_complex.h): lo + lo_i j .. hi + hi_i j (imaginary parts 0
     * with a range); the bin estimate ((x - lo) / den) * n divides in fct */
    bool cplx, cedges;   /* complex data; complex outer edges (from the data) */
    nd__ct cct, fct;     /* the data's precision; the division's */
    double lo_i, hi_i, den_r, den_i;
} nd__outer;

/* min, max and max - min (in a's type; exact unsigned for integers) of a non-empty a. */
int nd__hist_minmax(const nd_array *a, double *lo, double *hi, double *span, bool *nan);
int nd__hist_outer(const nd_array *a, nd_range range, nd__outer *o);
/* np.linspace(lo, hi, num) computed in ct, cast to edt. */
nd_array *nd__hist_linspace(double lo, double hi, int64_t num, nd__ct ct, const nd_dtype_t *edt);
/* The num edges of linspace over the outer edges (complex ones too), as dtype edt. */
nd_array *nd__hist_outer_edges(const nd__outer *o, int64_t num, const nd_dtype_t *edt);
/* Counts of (flat) a into n uniform bins with edges `edges`; weights NULL or same size. */
nd_array *nd__hist_uniform(const nd_array *a, const nd__outer *o, const nd_array *edges, int64_t n,
                           const nd_array *weights);

/* NumPy's pairwise sum of n float64 values (stride s bytes) added to acc: defined in
 * src/ufunc/kernels.c (declared in src/ufunc/ufunc_internal.h, which is that area's). */
double nd__pairwise_f64(double acc, const char *a, int64_t n, int64_t s);

#endif
