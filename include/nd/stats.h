/* nd/stats.h: order statistics (NumPy's median, percentile, quantile and their nan*
 * twins).  Include <nd.h>, not this file.
 *
 * q is either a C number (NumPy's Python float: a "weak" scalar, so a float32 input
 * keeps float32 results) or an nd_array * of quantiles (the result's leading axes are
 * q's shape, as NumPy).  Results are new arrays the caller frees with nd_free, except
 * when `.out` is given: then `out` itself is returned (no new reference).
 *
 * Result dtypes follow NumPy 2: bool and integers give float64 for the interpolating
 * methods and keep their dtype for the discrete ones (inverted_cdf, closest_observation,
 * lower, higher, nearest); floats keep their dtype with a C-number q and promote with
 * the dtype of an array q.  A slice holding a NaN gives NaN (the nan* functions ignore
 * NaNs; a slice of only NaNs gives NaN with the warning "RuntimeWarning: All-NaN slice
 * encountered").  Errors: NULL with NumPy's exception kind and message. */
#ifndef ND_STATS_H
#define ND_STATS_H

#include "core.h"
#include "ufunc.h"   /* nd_operand, ND_OPERAND, ND_AXIS_ALL */

#ifdef __cplusplus
extern "C" {
#endif

/** method= of quantile/percentile: NumPy's 13 methods (H&F 1996 plus lower, higher,
 *  nearest and midpoint).  ND_METHOD_LINEAR (0) is the default. */
typedef enum nd_quantile_method {
    ND_METHOD_LINEAR = 0,
    ND_METHOD_INVERTED_CDF,
    ND_METHOD_AVERAGED_INVERTED_CDF,
    ND_METHOD_CLOSEST_OBSERVATION,
    ND_METHOD_INTERPOLATED_INVERTED_CDF,
    ND_METHOD_HAZEN,
    ND_METHOD_WEIBULL,
    ND_METHOD_MEDIAN_UNBIASED,
    ND_METHOD_NORMAL_UNBIASED,
    ND_METHOD_LOWER,
    ND_METHOD_HIGHER,
    ND_METHOD_NEAREST,
    ND_METHOD_MIDPOINT,
    ND_METHOD_COUNT_
} nd_quantile_method;

/** The method named `name` ("linear", "hazen", ...), or -1 with NumPy's ValueError
 *  "'foo' is not a valid method. Use one of: dict_keys([...])". */
int nd_quantile_method_parse(const char *name);
/** NumPy's name of a method ("linear"); NULL when out of range. */
const char *nd_quantile_method_name(nd_quantile_method m);

/** Options of median / nanmedian. */
typedef struct nd_median_opts {
    int _;
    nd_axes axis;          /* n == 0 or ND_AXIS_ALL: all axes (flattened); else one or several */
    bool keepdims;
    nd_array *out;         /* write here; returned without a new reference.  median: the result's
                              shape exactly (NumPy's add.reduce errors); nanmedian: any shape the
                              result broadcasts to.  keepdims: out[..., 0 on the reduced axes] */
    bool overwrite_input;  /* accepted; nd never modifies the input */
} nd_median_opts;

/** np.median(a, axis=None, out=None, overwrite_input=False, keepdims=False): the mean
 *  of the middle element(s) (dtype as np.mean: ints -> float64, floats keep theirs;
 *  complex allowed).  A slice holding a NaN gives NaN.  An empty slice gives NaN and
 *  NumPy's "Mean of empty slice" invalid-value flag (see nd_seterr).  New array or out;
 *  NULL + AxisError/ValueError. */
nd_array *nd_median_ex(const nd_array *a, const nd_median_opts *o);
#define nd_median(a, ...) nd_median_ex((a), &(nd_median_opts){ ._ = 0, __VA_ARGS__ })
/** np.nanmedian: NaNs ignored; an all-NaN slice gives NaN and the warning
 *  "RuntimeWarning: All-NaN slice encountered"; an empty a gives np.nanmean's result. */
nd_array *nd_nanmedian_ex(const nd_array *a, const nd_median_opts *o);
#define nd_nanmedian(a, ...) nd_nanmedian_ex((a), &(nd_median_opts){ ._ = 0, __VA_ARGS__ })

/** Options of quantile / percentile and their nan* twins. */
typedef struct nd_quantile_opts {
    int _;
    nd_axes axis;               /* n == 0 or ND_AXIS_ALL: all axes; else one or several */
    bool keepdims;
    nd_array *out;              /* q.shape + the reduced shape, returned without a new reference; as
                                   NumPy: interpolating methods broadcast the result into out (np.add's
                                   errors, same_kind cast), discrete ones need the exact shape (take's
                                   error), the nan* versions assign (broadcast, unsafe cast) */
    nd_quantile_method method;  /* default linear */
    const nd_array *weights;    /* NumPy 2 weights= (a's shape, or 1-d along one axis);
                                   only with ND_METHOD_INVERTED_CDF */
    bool overwrite_input;       /* accepted; nd never modifies the input */
} nd_quantile_opts;

/** np.quantile(a, q, axis=None, out=None, overwrite_input=False, method='linear',
 *  keepdims=False, weights=None): q in [0, 1], a C number or an array of ndim <= 2
 *  ("q must be a scalar or 1d" beyond).  Errors: ValueError "Quantiles must be in the range [0, 1]", TypeError
 *  "a must be an array of real numbers" (complex), ValueError "Only method
 *  'inverted_cdf' supports weights. Got: linear.", "Weights must be non-negative.",
 *  IndexError for an empty axis, AxisError.  New array or out. */
nd_array *nd_quantile_ex(const nd_array *a, nd_operand q, const nd_quantile_opts *o);
#define nd_quantile(a, q, ...) nd_quantile_ex((a), ND_OPERAND(q), &(nd_quantile_opts){ ._ = 0, __VA_ARGS__ })
/** np.percentile(a, q, ...): q in [0, 100] ("Percentiles must be in the range [0, 100]"). */
nd_array *nd_percentile_ex(const nd_array *a, nd_operand q, const nd_quantile_opts *o);
#define nd_percentile(a, q, ...) nd_percentile_ex((a), ND_OPERAND(q), &(nd_quantile_opts){ ._ = 0, __VA_ARGS__ })
/** np.nanquantile / np.nanpercentile: NaNs ignored; an all-NaN slice gives NaN and the
 *  warning "RuntimeWarning: All-NaN slice encountered"; an empty a gives np.nanmean's
 *  result. */
nd_array *nd_nanquantile_ex(const nd_array *a, nd_operand q, const nd_quantile_opts *o);
#define nd_nanquantile(a, q, ...) nd_nanquantile_ex((a), ND_OPERAND(q), &(nd_quantile_opts){ ._ = 0, __VA_ARGS__ })
nd_array *nd_nanpercentile_ex(const nd_array *a, nd_operand q, const nd_quantile_opts *o);
#define nd_nanpercentile(a, q, ...) nd_nanpercentile_ex((a), ND_OPERAND(q), &(nd_quantile_opts){ ._ = 0, __VA_ARGS__ })

#ifdef __cplusplus
}
#endif
#endif
