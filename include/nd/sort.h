/* nd/sort.h: sorting, partitioning and searching (NumPy's "Sorting, searching, and
 * counting" routines): sort, argsort, lexsort, sort_complex, partition, argpartition
 * and searchsorted.  Include <nd.h>, not this file.
 *
 * Every dtype sorts: bool, the integers, float16/32/64 and complex64/128 (NaNs last, as
 * NumPy: complex orders by real part then imaginary part, with NaN parts after the
 * numbers), and the S and U string types (byte / code point order).  Results are new
 * handles the caller frees with nd_free.  Errors: NULL (or -1) with NumPy's exception
 * kind and message. */
#ifndef ND_SORT_H
#define ND_SORT_H

#include "core.h"
#include "ufunc.h"   /* ND_AXIS_ALL */
#include "manip.h"   /* nd_ints */

#ifdef __cplusplus
extern "C" {
#endif

/** NumPy's kind=: 'quicksort' (introsort; NumPy's default), 'heapsort', 'stable' /
 *  'mergesort' (a stable sort: equal elements keep their order). */
typedef enum nd_sort_kind { ND_QUICKSORT = 0, ND_HEAPSORT, ND_STABLE, ND_MERGESORT = ND_STABLE } nd_sort_kind;

/** Options of the sorting functions. */
typedef struct nd_sort_opts {
    int _;
    nd_axes axis;        /* one axis; n == 0: the default -1; ND_AXIS_ALL: flattened (axis=None) */
    nd_sort_kind kind;   /* partition: only ND_QUICKSORT ('introselect') is valid */
} nd_sort_opts;

/** np.sort(a, axis=-1, kind): a sorted copy (same shape; 1-d with ND_AXIS_ALL).
 *  A 0-d a needs ND_AXIS_ALL (else AxisError, as NumPy).  Caller frees. */
nd_array *nd_sort_ex(const nd_array *a, const nd_sort_opts *o);
#define nd_sort(a, ...) nd_sort_ex((a), &(nd_sort_opts){ ._ = 0, __VA_ARGS__ })

/** a.sort(axis=-1, kind): sorts a in place.  ND_AXIS_ALL is not accepted (NumPy's method
 *  has no axis=None).  Returns 0, or -1 ("sort array is read-only" for read-only a). */
int nd_sort_inplace_ex(nd_array *a, const nd_sort_opts *o);
#define nd_sort_inplace(a, ...) nd_sort_inplace_ex((a), &(nd_sort_opts){ ._ = 0, __VA_ARGS__ })

/** np.argsort(a, axis=-1, kind): int64 indices that sort a along the axis (same shape as
 *  a; 1-d with ND_AXIS_ALL; a 0-d a gives [0] as NumPy).  ND_STABLE keeps equal
 *  elements in index order; the other kinds may order ties differently from NumPy.
 *  Caller frees. */
nd_array *nd_argsort_ex(const nd_array *a, const nd_sort_opts *o);
#define nd_argsort(a, ...) nd_argsort_ex((a), &(nd_sort_opts){ ._ = 0, __VA_ARGS__ })

/** np.lexsort(keys, axis=-1): int64 indices sorting by n keys of one shape, the LAST key
 *  primary (stable).  keys[i] may have different dtypes.  0-d keys give a 0-d 0.
 *  Errors: TypeError for n == 0 or ND_AXIS_ALL, ValueError "all keys need to be the
 *  same shape", AxisError.  Caller frees. */
nd_array *nd_lexsort_ex(nd_array *const *keys, int n, const nd_sort_opts *o);
#define nd_lexsort(keys, n, ...) nd_lexsort_ex((keys), (n), &(nd_sort_opts){ ._ = 0, __VA_ARGS__ })

/** np.sort_complex(a): sorted along the last axis, as complex (int8/uint8/int16/uint16
 *  give complex64, other real types complex128; complex keeps its type).  Caller frees. */
nd_array *nd_sort_complex(const nd_array *a);

/** np.partition(a, kth, axis=-1): a copy where each element at a kth position is the one
 *  a full sort puts there, smaller-or-equal elements before it and larger-or-equal
 *  after (in unspecified order).  kth: one or several indices, negative from the end;
 *  out of range: ValueError "kth(=5) out of bounds (5)".  Caller frees. */
nd_array *nd_partition_ex(const nd_array *a, nd_ints kth, const nd_sort_opts *o);
#define nd_partition(a, kth, ...) nd_partition_ex((a), (kth), &(nd_sort_opts){ ._ = 0, __VA_ARGS__ })

/** np.argpartition(a, kth, axis=-1): int64 indices that partition a (see nd_partition).
 *  Caller frees. */
nd_array *nd_argpartition_ex(const nd_array *a, nd_ints kth, const nd_sort_opts *o);
#define nd_argpartition(a, kth, ...) nd_argpartition_ex((a), (kth), &(nd_sort_opts){ ._ = 0, __VA_ARGS__ })

/** side= of searchsorted: 'left' (first suitable index) or 'right' (last). */
typedef enum nd_side { ND_SIDE_LEFT = 0, ND_SIDE_RIGHT } nd_side;

/** Options of nd_searchsorted: side, and sorter (int indices that sort a, as
 *  np.argsort(a) gives; borrowed). */
typedef struct nd_searchsorted_opts { int _; nd_side side; const nd_array *sorter; } nd_searchsorted_opts;

/** np.searchsorted(a, v, side, sorter): for each value of v the index where it would be
 *  inserted into the 1-d sorted a to keep it sorted.  a and v are compared in their
 *  common dtype (np.promote_types); NaNs sort last.  An int64 array of v's shape (0-d v
 *  gives a 0-d result).  Errors as NumPy ("object too deep for desired array",
 *  "sorter.size must equal a.size", "Sorter index out of range.").  Caller frees. */
nd_array *nd_searchsorted_ex(const nd_array *a, const nd_array *v, const nd_searchsorted_opts *o);
#define nd_searchsorted(a, v, ...) nd_searchsorted_ex((a), (v), &(nd_searchsorted_opts){ ._ = 0, __VA_ARGS__ })

#ifdef __cplusplus
}
#endif
#endif
