/* nd/sets.h: NumPy's set routines: unique (and NumPy 2's unique_all, unique_counts,
 * unique_inverse, unique_values), isin, intersect1d, union1d, setdiff1d and setxor1d.
 * Include <nd.h>, not this file.
 *
 * Every dtype works (bool, integers, floats, complex, S and U strings).  Inputs of any
 * shape and layout are flattened (except unique with an axis); two inputs are compared
 * in their common dtype (np.promote_types).  Values come out sorted as NumPy's (NaNs
 * last).  Index arrays are int64.  Results are new arrays the caller frees with
 * nd_free; errors give NULL (or -1) with NumPy's exception kind and message. */
#ifndef ND_SETS_H
#define ND_SETS_H

#include "core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options of nd_unique: each extra result is asked for by giving where to put it. */
typedef struct nd_unique_opts {
    int _;
    nd_array **index;      /* return_index: first occurrences (int64, into the flattened
                              input, or along the axis) */
    nd_array **inverse;    /* return_inverse: positions in the result rebuilding the input
                              (NumPy 2: the input's shape for axis=None; 1-d with an axis) */
    nd_array **counts;     /* return_counts: occurrences of each unique value (int64) */
    nd_axes axis;          /* n == 0 (or ND_AXIS_ALL): flattened; else one axis: unique
                              slices, in the lexicographic order of their elements */
    bool no_equal_nan;     /* equal_nan=False: every NaN is its own value */
} nd_unique_opts;

/** np.unique(ar, return_index, return_inverse, return_counts, axis, equal_nan=True):
 *  the sorted unique values (1-d for axis=None).  The extra results go to the
 *  pointers given in the options (set to NULL on failure).  Errors: AxisError, TypeError
 *  for dtypes without an order.  Caller frees everything returned. */
nd_array *nd_unique_ex(const nd_array *ar, const nd_unique_opts *o);
#define nd_unique(ar, ...) nd_unique_ex((ar), &(nd_unique_opts){ ._ = 0, __VA_ARGS__ })

/** The results of NumPy 2's unique_all / unique_counts / unique_inverse (fields not
 *  produced stay NULL).  Release all of them with nd_unique_result_free. */
typedef struct nd_unique_result {
    nd_array *values;
    nd_array *indices;
    nd_array *inverse_indices;
    nd_array *counts;
} nd_unique_result;

/** np.unique_all(x): values, indices, inverse_indices (x's shape), counts; NaNs are
 *  distinct (equal_nan=False, as NumPy 2).  Returns 0, or -1 (r zeroed). */
int nd_unique_all(const nd_array *x, nd_unique_result *r);
/** np.unique_counts(x): values and counts. 0 / -1. */
int nd_unique_counts(const nd_array *x, nd_unique_result *r);
/** np.unique_inverse(x): values and inverse_indices (x's shape). 0 / -1. */
int nd_unique_inverse(const nd_array *x, nd_unique_result *r);
/** np.unique_values(x): the sorted unique values, NaNs distinct.  Caller frees. */
nd_array *nd_unique_values(const nd_array *x);
/** Free every array of r and zero it (r may be NULL). */
void nd_unique_result_free(nd_unique_result *r);

/** kind= of isin: chosen by NumPy (default), 'sort', or 'table' (integers and bool
 *  only).  The results are the same; nd picks the fastest itself. */
typedef enum nd_isin_kind { ND_ISIN_DEFAULT = 0, ND_ISIN_SORT, ND_ISIN_TABLE } nd_isin_kind;

/** Options of nd_isin. */
typedef struct nd_isin_opts {
    int _;
    bool assume_unique;    /* accepted (a promise NumPy may use for speed) */
    bool invert;           /* not in */
    nd_isin_kind kind;
} nd_isin_opts;

/** np.isin(element, test_elements, assume_unique=False, invert=False, kind=None): a bool
 *  array of element's shape, true where the element equals one of test_elements (NaN
 *  equals nothing).  Errors: ValueError "The 'table' method is only supported for
 *  boolean or integer arrays. Please select 'sort' or None for kind.", TypeError when
 *  the dtypes have no common type.  Caller frees. */
nd_array *nd_isin_ex(const nd_array *element, const nd_array *test_elements, const nd_isin_opts *o);
#define nd_isin(element, test_elements, ...) nd_isin_ex((element), (test_elements), \
    &(nd_isin_opts){ ._ = 0, __VA_ARGS__ })

/** Options of nd_intersect1d. */
typedef struct nd_intersect1d_opts {
    int _;
    bool assume_unique;
    nd_array **indices1;   /* return_indices: where the common values first occur in ar1 */
    nd_array **indices2;   /* ... and in ar2 (give both or neither) */
} nd_intersect1d_opts;

/** np.intersect1d(ar1, ar2, assume_unique=False, return_indices=False): the sorted
 *  values found in both.  Caller frees. */
nd_array *nd_intersect1d_ex(const nd_array *ar1, const nd_array *ar2, const nd_intersect1d_opts *o);
#define nd_intersect1d(ar1, ar2, ...) nd_intersect1d_ex((ar1), (ar2), \
    &(nd_intersect1d_opts){ ._ = 0, __VA_ARGS__ })

/** Options of setdiff1d / setxor1d. */
typedef struct nd_setop_opts {
    int _;
    bool assume_unique;
} nd_setop_opts;

/** np.union1d(ar1, ar2): the sorted values in either.  Caller frees. */
nd_array *nd_union1d(const nd_array *ar1, const nd_array *ar2);
/** np.setdiff1d(ar1, ar2, assume_unique=False): the sorted unique values of ar1 not in
 *  ar2 (with assume_unique: ar1's values in their order).  Keeps ar1's dtype. */
nd_array *nd_setdiff1d_ex(const nd_array *ar1, const nd_array *ar2, const nd_setop_opts *o);
#define nd_setdiff1d(ar1, ar2, ...) nd_setdiff1d_ex((ar1), (ar2), &(nd_setop_opts){ ._ = 0, __VA_ARGS__ })
/** np.setxor1d(ar1, ar2, assume_unique=False): the sorted values in exactly one. */
nd_array *nd_setxor1d_ex(const nd_array *ar1, const nd_array *ar2, const nd_setop_opts *o);
#define nd_setxor1d(ar1, ar2, ...) nd_setxor1d_ex((ar1), (ar2), &(nd_setop_opts){ ._ = 0, __VA_ARGS__ })

#ifdef __cplusplus
}
#endif
#endif
