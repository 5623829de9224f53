/* nd/histogram.h: histograms and counting (NumPy's histogram, histogram_bin_edges,
 * histogram2d, histogramdd, bincount, digitize).  Include <nd.h>, not this file.
 *
 * NumPy 2 semantics: the same bins, edges (bit for bit: the edges are NumPy's linspace
 * in NumPy's arithmetic type), counts, result dtypes and error messages.  Data of any
 * numeric dtype (complex: see nd_histogram) and layout (n-d data is flattened, strides
 * may be negative); bool data is counted as uint8 with NumPy 2's RuntimeWarning.
 * Results are new arrays the caller frees with nd_free; on failure the functions return
 * NULL / -1, set nothing in the out-pointers and record NumPy's exception and message. */
#ifndef ND_HISTOGRAM_H
#define ND_HISTOGRAM_H

#include "core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How histogram chooses its equal-width bins when no edges are given: a count
 *  (.bins, NumPy's bins=int), or an estimator (NumPy's bins='auto', 'fd', ...). */
typedef enum nd_bins_method {
    ND_BINS_COUNT = 0, /* .bins bins (10 when .bins is 0) */
    ND_BINS_AUTO,      /* 'auto': min(fd, sturges) width; sturges when the IQR is 0 */
    ND_BINS_FD,        /* 'fd': Freedman-Diaconis, 2 IQR n^(-1/3) */
    ND_BINS_DOANE,     /* 'doane' */
    ND_BINS_SCOTT,     /* 'scott' */
    ND_BINS_STONE,     /* 'stone': cross-validation over 1..max(100, sqrt(n)) bins */
    ND_BINS_RICE,      /* 'rice' */
    ND_BINS_STURGES,   /* 'sturges' */
    ND_BINS_SQRT       /* 'sqrt' */
} nd_bins_method;

/** The estimator named "auto", "fd", "doane", "scott", "stone", "rice", "sturges" or
 *  "sqrt" (as NumPy's bins='...').  Unknown names return -1 with NumPy's ValueError
 *  "'foo' is not a valid estimator for `bins`"; passing that -1 on as .method makes
 *  nd_histogram fail with the same error, so `.method = nd_bins_method_parse(s)` is safe. */
int nd_bins_method_parse(const char *name);

/** An optional (lower, upper) range; the all-zero value means NumPy's range=None. */
typedef struct nd_range {
    bool set;
    double lo, hi;
} nd_range;
/** ND_RANGE(0, 10): range=(0, 10). */
#define ND_RANGE(lo, hi) ((nd_range){ true, (double)(lo), (double)(hi) })

/** Options of nd_histogram and nd_histogram_bin_edges (NumPy's defaults when zero). */
typedef struct nd_histogram_opts {
    int _;
    int64_t bins;              /* number of equal-width bins; 0: 10; < 0: ValueError */
    const nd_array *edges;     /* bins=array: 1-d, monotonically increasing edges (any
                                  real dtype; borrowed); overrides .bins and .method */
    int method;                /* an nd_bins_method (ND_BINS_COUNT: use .bins) */
    nd_range range;            /* range=(lo, hi); unset: the data's min and max */
    bool density;              /* density=True: float64 values of the density */
    const nd_array *weights;   /* same shape as a (any real or complex dtype) */
} nd_histogram_opts;

/** np.histogram(a, bins=10, range=None, density=None, weights=None).
 *  *hist receives the counts (int64; weights' dtype with weights; float64 with density),
 *  *edges the bin edges (float64 for integer data, the data's float type for float
 *  data; the given edges' own dtype with .edges).  Either pointer may be NULL when that
 *  result is not wanted.  Values outside the range are ignored; the last bin is
 *  closed.  Returns 0, or -1 with NumPy's errors: "`bins` must be positive, when an
 *  integer", "`bins` must increase monotonically, when an array", "`bins` must be 1d,
 *  when an array", "max must be larger than min in range parameter.", "supplied range
 *  of [0.0, inf] is not finite", "autodetected range of [nan, nan] is not finite",
 *  "weights should have the same shape as a.", the estimators' TypeError with weights.
 *  Complex data is binned as NumPy bins it: lexicographic min/max and comparisons,
 *  complex edges (the data's complex dtype), and a bin index from the real part of the
 *  complex estimate, with NumPy's warning "ComplexWarning: Casting complex values to
 *  real discards the imaginary part" (once per call); values whose imaginary parts
 *  dominate land where NumPy puts them, or fail as NumPy does (IndexError "index 20 is
 *  out of bounds for axis 0 with size 11", ValueError "'list' argument must have no
 *  negative elements").  Estimators refuse non-constant complex data: TypeError "a must
 *  be an array of real numbers" (fd, auto) or np.ceil's "ufunc 'ceil' not supported for
 *  the input types, ...".  Weighted histograms with .edges add the weights of equal
 *  values in the order of NumPy's generic np.argsort (its introsort), so the sums match
 *  NumPy's bit for bit where NumPy uses that sort (always for complex data; a NumPy 2
 *  built with x86-simd-sort argsort for real keys may differ in the last bit). */
int nd_histogram_ex(const nd_array *a, nd_array **hist, nd_array **edges, const nd_histogram_opts *o);
#define nd_histogram(a, hist, edges, ...) \
    nd_histogram_ex((a), (hist), (edges), &(nd_histogram_opts){ ._ = 0, __VA_ARGS__ })

/** np.histogram_bin_edges(a, bins=10, range=None, weights=None): the edges nd_histogram
 *  would use (.density is ignored).  A new array (with .edges: a copy of them). */
nd_array *nd_histogram_bin_edges_ex(const nd_array *a, const nd_histogram_opts *o);
#define nd_histogram_bin_edges(a, ...) \
    nd_histogram_bin_edges_ex((a), &(nd_histogram_opts){ ._ = 0, __VA_ARGS__ })

/** Options of nd_histogramdd: per-dimension bins, edges and ranges.  Entries past the
 *  sample's dimension count are ignored. */
typedef struct nd_histogramdd_opts {
    int _;
    int64_t bins;                          /* bins in every dimension (NumPy's bins=int); 0: 10 */
    int64_t bins_dim[ND_MAXDIMS];          /* per dimension (bins=(nx, ny, ...)); 0: .bins */
    const nd_array *edges[ND_MAXDIMS];     /* per dimension edge arrays; NULL: counts */
    nd_range range[ND_MAXDIMS];            /* per dimension (lo, hi); unset: min and max */
    bool density;
    const nd_array *weights;               /* (N,) */
} nd_histogramdd_opts;

/** np.histogramdd(sample, bins=10, range=None, density=None, weights=None): sample is
 *  (N, D) (a 1-d sample is D = 1).  *hist receives the float64 (D-dimensional) counts;
 *  edges, when not NULL, points at D slots that receive each dimension's edges (float64
 *  for counts, the given arrays' dtype for .edges; complex for complex samples without
 *  a range, whose density is then complex as NumPy's).  Values equal to a last edge go
 *  in the last bin.  Returns 0, or -1: "`bins[0]` must be positive, when an integer",
 *  "`bins[1]` must be monotonically increasing, when an array", the range errors of
 *  nd_histogram, "The weights and list don't have the same length.", and NumPy's
 *  ravel_multi_index limits: D > 64 "maximum supported dimension for an ndarray is
 *  currently 64, found D", D = 64 "too many dimensions passed to ravel_multi_index",
 *  too many bins in all "invalid dims: ...". */
int nd_histogramdd_ex(const nd_array *sample, nd_array **hist, nd_array **edges,
                      const nd_histogramdd_opts *o);
#define nd_histogramdd(sample, hist, edges, ...) \
    nd_histogramdd_ex((sample), (hist), (edges), &(nd_histogramdd_opts){ ._ = 0, __VA_ARGS__ })

/** Options of nd_histogram2d (NumPy's bins= forms: an int, [nx, ny], one edges array for
 *  both, or [x_edges, y_edges]). */
typedef struct nd_histogram2d_opts {
    int _;
    int64_t bins;                 /* both dimensions; 0: 10 */
    int64_t bins_xy[2];           /* bins=[nx, ny]; 0 entries: .bins */
    const nd_array *edges;        /* bins=array: the same edges for x and y */
    const nd_array *edges_xy[2];  /* bins=[x_edges, y_edges]; NULL entries: counts */
    nd_range range[2];            /* range=[[xmin, xmax], [ymin, ymax]] */
    bool density;
    const nd_array *weights;      /* same length as x */
} nd_histogram2d_opts;

/** np.histogram2d(x, y, bins=10, range=None, density=None, weights=None): x and y are
 *  1-d of one length (their dtypes are promoted together, as NumPy stacks them).
 *  *hist receives the float64 (nx, ny) counts; *xedges / *yedges (may be NULL) the
 *  edges.  Returns 0, or -1 with nd_histogramdd's errors. */
int nd_histogram2d_ex(const nd_array *x, const nd_array *y, nd_array **hist, nd_array **xedges,
                      nd_array **yedges, const nd_histogram2d_opts *o);
#define nd_histogram2d(x, y, hist, xedges, yedges, ...) \
    nd_histogram2d_ex((x), (y), (hist), (xedges), (yedges), &(nd_histogram2d_opts){ ._ = 0, __VA_ARGS__ })

/** Options of nd_bincount. */
typedef struct nd_bincount_opts {
    int _;
    const nd_array *weights;  /* 1-d, same length as x, cast safely to float64 */
    int64_t minlength;        /* at least this many bins */
} nd_bincount_opts;

/** np.bincount(x, weights=None, minlength=0): x is 1-d of non-negative integers (bool
 *  and every integer dtype; a float x is NumPy's TypeError "Cannot cast array data from
 *  dtype('float64') to dtype('int64') according to the rule 'safe'").  The result has
 *  max(x) + 1 (at least minlength) entries: int64 counts, or float64 sums of the
 *  weights.  Errors: "'list' argument must have no negative elements", "'minlength'
 *  must not be negative", "The weights and list don't have the same length.", "object
 *  too deep for desired array" (x not 1-d).  Caller frees. */
nd_array *nd_bincount_ex(const nd_array *x, const nd_bincount_opts *o);
#define nd_bincount(x, ...) nd_bincount_ex((x), &(nd_bincount_opts){ ._ = 0, __VA_ARGS__ })

/** Options of nd_digitize. */
typedef struct nd_digitize_opts {
    int _;
    bool right;   /* right=True: bins[i-1] < x <= bins[i] */
} nd_digitize_opts;

/** np.digitize(x, bins, right=False): for each value of x (any shape, 0-d too) the int64
 *  index of the bin it falls in; bins is 1-d and monotonically increasing or
 *  decreasing (else "bins must be monotonically increasing or decreasing").  NaN sorts
 *  after every number, as NumPy's searchsorted.  Complex x: TypeError "x may not be
 *  complex".  Caller frees. */
nd_array *nd_digitize_ex(const nd_array *x, const nd_array *bins, const nd_digitize_opts *o);
#define nd_digitize(x, bins, ...) nd_digitize_ex((x), (bins), &(nd_digitize_opts){ ._ = 0, __VA_ARGS__ })

#ifdef __cplusplus
}
#endif
#endif
