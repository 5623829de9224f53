/* nd/numeric.h: covariance and correlation coefficients, correlation and convolution of
 * sequences, differences, gradients, the trapezoidal rule and linear interpolation
 * (np.cov, np.corrcoef, np.correlate, np.convolve, np.diff, np.ediff1d, np.gradient,
 * np.trapezoid, np.interp).  np.cross lives in nd/linalg.h (nd_cross).
 * Include <nd.h>, not this file.
 *
 *     nd_array *c = nd_cov(m);                                   np.cov(m)
 *     nd_array *r = nd_convolve(a, v, .mode = ND_CONV_SAME);     np.convolve(a, v, 'same')
 *     nd_array *d = nd_diff(a, .n = 2, .axis = ND_AXIS(0));      np.diff(a, n=2, axis=0)
 *     nd_array *g[2]; int k = nd_gradient(f, g, 2);              gy, gx = np.gradient(f)
 *     nd_array *y = nd_interp(x, xp, fp, .period = ND_VALUE(360.0));
 *
 * Every nd_array * returned is a new array owned by the caller (nd_free), except
 * nd_diff with n = 0, which returns a new handle on its input, as NumPy returns the
 * input itself.  Failures return NULL (nd_gradient: -1) and record NumPy's exception
 * kind and message.  Results follow NumPy 2 (NEP 50: C numbers are weak scalars). */
#ifndef ND_NUMERIC_H
#define ND_NUMERIC_H

#include "nd/ufunc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------- cov and corrcoef */

/** Options of nd_cov. */
typedef struct nd_cov_opts {
    int _;
    const nd_array *y;        /* y=: more variables, stacked below m's */
    bool no_rowvar;           /* rowvar=False: each column is a variable */
    bool bias;                /* bias=True: normalize by N (default N - 1) */
    int64_t ddof;             /* ddof=, used when ddof_set (overrides bias) */
    bool ddof_set;
    const nd_array *fweights; /* 1-d integer frequency weights, one per observation */
    const nd_array *aweights; /* 1-d observation weights */
    const nd_dtype_t *dtype;  /* default result_type(m, y, float64) */
} nd_cov_opts;
/** np.cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights, aweights, dtype):
 *  the covariance matrix of the variables in m (1-d or 2-d), as NumPy computes it
 *  (X - mean, then X @ X.T.conj() times 1/fact); a 0-d array for one variable.
 *  fact <= 0 warns "RuntimeWarning: Degrees of freedom <= 0 for slice" (through
 *  nd_set_warning_handler) and gives inf/NaN.  Errors as NumPy: ValueError "m has more
 *  than 2 dimensions", TypeError "fweights must be integer", ValueError "fweights
 *  cannot be negative", RuntimeError "incompatible numbers of samples and fweights",
 *  "cannot handle multidimensional aweights" ... */
nd_array *nd_cov_ex(const nd_array *m, const nd_cov_opts *o);
#define nd_cov(m, ...) nd_cov_ex((m), &(nd_cov_opts){ ._ = 0, __VA_ARGS__ })

/** Options of nd_corrcoef. */
typedef struct nd_corrcoef_opts {
    int _;
    const nd_array *y;        /* y=: more variables */
    bool no_rowvar;           /* rowvar=False */
    const nd_dtype_t *dtype;
} nd_corrcoef_opts;
/** np.corrcoef(x, y=None, rowvar=True, dtype): cov / outer(stddev, stddev), the real
 *  part (and the imaginary part of complex results) clipped to [-1, 1].  One variable
 *  gives c / c (1.0, or NaN). */
nd_array *nd_corrcoef_ex(const nd_array *x, const nd_corrcoef_opts *o);
#define nd_corrcoef(x, ...) nd_corrcoef_ex((x), &(nd_corrcoef_opts){ ._ = 0, __VA_ARGS__ })

/* ------------------------------------------------- correlate and convolve */

/** mode= of correlate / convolve. */
typedef enum nd_conv_mode {
    ND_CONV_DEFAULT = 0, /* the function's default: correlate 'valid', convolve 'full' */
    ND_CONV_VALID,       /* max(M, N) - min(M, N) + 1 points where the sequences fully overlap */
    ND_CONV_SAME,        /* max(M, N) points centred on the 'full' result */
    ND_CONV_FULL         /* M + N - 1 points: every overlap */
} nd_conv_mode;
typedef struct nd_convolve_opts { int _; nd_conv_mode mode; } nd_convolve_opts;

/** np.correlate(a, v, mode='valid'): c[k] = sum_n a[n + k] * conj(v[n]) (NumPy 2
 *  conjugates v).  a and v are 1-d (0-d: ValueError "object of too small depth for
 *  desired array"; 2-d: "object too deep for desired array"); the result dtype is
 *  result_type(a, v): integers wrap as NumPy's, bool gives any(a & v).  Empty inputs:
 *  ValueError "first array argument cannot be empty" / "second array argument cannot
 *  be empty". */
nd_array *nd_correlate_ex(const nd_array *a, const nd_array *v, const nd_convolve_opts *o);
#define nd_correlate(a, v, ...) nd_correlate_ex((a), (v), &(nd_convolve_opts){ ._ = 0, __VA_ARGS__ })
/** np.convolve(a, v, mode='full'): (a * v)[k] = sum_m a[m] * v[k - m]; the inputs
 *  are swapped when v is longer; 0-d inputs act as 1-element sequences.  Empty:
 *  ValueError "a cannot be empty" / "v cannot be empty" (NumPy's order of checks). */
nd_array *nd_convolve_ex(const nd_array *a, const nd_array *v, const nd_convolve_opts *o);
#define nd_convolve(a, v, ...) nd_convolve_ex((a), (v), &(nd_convolve_opts){ ._ = 0, __VA_ARGS__ })

/* ------------------------------------------------------------ differences */

/** Options of nd_diff. */
typedef struct nd_diff_opts {
    int _;
    int64_t n;            /* order; 0 means the default 1 (set .n_zero for n = 0) */
    bool n_zero;          /* n=0: return the input unchanged */
    nd_axes axis;         /* ND_AXIS(k); default -1 */
    nd_operand prepend;   /* ND_NONE (default), an array or a C number (broadcast) */
    nd_operand append;
} nd_diff_opts;
/** np.diff(a, n=1, axis=-1, prepend, append): a[1:] - a[:-1] along the axis, n times
 *  (bool input: not_equal).  Errors: ValueError "order must be non-negative but got
 *  -1", "diff requires input that is at least one dimensional", AxisError. */
nd_array *nd_diff_ex(const nd_array *a, const nd_diff_opts *o);
#define nd_diff(a, ...) nd_diff_ex((a), &(nd_diff_opts){ ._ = 0, __VA_ARGS__ })

/** Options of nd_ediff1d. */
typedef struct nd_ediff1d_opts {
    int _;
    nd_operand to_end;    /* ND_NONE (default), an array or a C number */
    nd_operand to_begin;
} nd_ediff1d_opts;
/** np.ediff1d(ary, to_end=None, to_begin=None): differences of the flattened ary,
 *  with to_begin / to_end (flattened) around them, in ary's dtype.  TypeError "dtype
 *  of `to_begin` must be compatible with input `ary` under the `same_kind` rule." when
 *  the extra values cannot be cast same_kind (NumPy 2's rule). */
nd_array *nd_ediff1d_ex(const nd_array *ary, const nd_ediff1d_opts *o);
#define nd_ediff1d(ary, ...) nd_ediff1d_ex((ary), &(nd_ediff1d_opts){ ._ = 0, __VA_ARGS__ })

/** Options of nd_gradient. */
typedef struct nd_gradient_opts {
    int _;
    const nd_operand *spacing; /* *varargs: nspacing entries; each a C number (weak
                                  scalar), a 0-d array (a typed scalar) or a 1-d array of
                                  coordinates along that axis */
    int nspacing;              /* 0: unit spacing; 1 scalar: every axis; else one per axis */
    nd_axes axis;              /* n == 0: every axis */
    int edge_order;            /* 1 (0 means 1) or 2 */
} nd_gradient_opts;
/** np.gradient(f, *varargs, axis=None, edge_order=1): central differences inside,
 *  one-sided (first or second order) at the edges, NumPy's formulas for uniform and
 *  non-uniform spacing.  out[0 .. k) receive one new array per axis (integer f gives
 *  float64); cap is out's capacity.  Returns k, or -1 (out untouched) with NumPy's
 *  error: ValueError "Shape of array too small to calculate a numerical gradient, at
 *  least (edge_order + 1) elements are required.", "'edge_order' greater than 2 not
 *  supported", "distances must be either scalars or 1d", TypeError "invalid number of
 *  arguments"; cap too small: ValueError. */
int nd_gradient_ex(const nd_array *f, nd_array **out, int cap, const nd_gradient_opts *o);
#define nd_gradient(f, out, cap, ...) nd_gradient_ex((f), (out), (cap), &(nd_gradient_opts){ ._ = 0, __VA_ARGS__ })

/* ------------------------------------------------------------ integration */

/** Options of nd_trapezoid. */
typedef struct nd_trapezoid_opts {
    int _;
    const nd_array *x;    /* sample points (1-d along the axis, or y's shape); NULL: dx */
    nd_value dx;          /* spacing when x is NULL; used when dx.dtype != NULL (ND_VALUE(0.5)); default 1.0 */
    nd_axes axis;         /* ND_AXIS(k); default -1 */
} nd_trapezoid_opts;
/** np.trapezoid(y, x=None, dx=1.0, axis=-1) (NumPy 2's name of np.trapz): the sum of
 *  d * (y[1:] + y[:-1]) / 2.0 along the axis.  A new array of y's shape without the
 *  axis (0-d for 1-d y). */
nd_array *nd_trapezoid_ex(const nd_array *y, const nd_trapezoid_opts *o);
#define nd_trapezoid(y, ...) nd_trapezoid_ex((y), &(nd_trapezoid_opts){ ._ = 0, __VA_ARGS__ })
/** np.trapz (NumPy 1.x name). */
#define nd_trapz nd_trapezoid

/* ------------------------------------------------------------ interpolation */

/** Options of nd_interp; each value is used when its .dtype != NULL (ND_VALUE(x)). */
typedef struct nd_interp_opts {
    int _;
    nd_value left;        /* value for x < xp[0]; default fp[0] */
    nd_value right;       /* value for x > xp[-1]; default fp[-1] */
    nd_value period;      /* period of the x-coordinates; left/right are then ignored */
} nd_interp_opts;
/** np.interp(x, xp, fp, left, right, period): piecewise linear interpolation of the
 *  points (xp, fp) (xp increasing) at x (array or C number), float64 result, or
 *  complex128 for complex fp.  NumPy's formula slope * (x - xp[j]) + fp[j] and its
 *  handling of x == xp[j], NaN x and repeated xp.  With a period, x and xp are reduced
 *  modulo it and xp sorted (stably) first.  Errors: ValueError "fp and xp are not of
 *  the same length.", "array of sample points is empty", "period must be a non-zero
 *  value", "object too deep for desired array" (xp or fp not 1-d). */
nd_array *nd_interp_ex(nd_operand x, const nd_array *xp, const nd_array *fp, const nd_interp_opts *o);
#define nd_interp(x, xp, fp, ...) nd_interp_ex(ND_OPERAND(x), (xp), (fp), &(nd_interp_opts){ ._ = 0, __VA_ARGS__ })

#ifdef __cplusplus
}
#endif
#endif
