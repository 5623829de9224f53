/* Private to the library: the typed sorting kernels of src/sort, for other modules
 * (unique, quantiles, histograms) that want to sort or search raw buffers without
 * building arrays.  Include "sort/sort_priv.h". */
#ifndef ND_SORT_PRIV_H
#define ND_SORT_PRIV_H

#include "core/internal.h"
#include "nd/sort.h"

/* The kernels of one dtype.  v: contiguous elements; idx: int64 indices into v.
 * es is the element size in bytes (used by the string types).  A NULL entry means
 * "not available for this dtype" (strings have no value sorts: sort.c sorts them
 * through argsort).  Every function is total: NaNs go last, no error is possible
 * except a failed allocation (-1, error recorded). */
typedef struct nd__sort_kernels {
    int (*sort)(void *v, int64_t n, nd_sort_kind kind);
    int (*argsort)(const void *v, int64_t *idx, int64_t n, int64_t es, nd_sort_kind kind);
    /* partition v so that v[kth] is in sorted position (0 <= kth < n) */
    void (*select)(void *v, int64_t n, int64_t kth);
    void (*aselect)(const void *v, int64_t *idx, int64_t n, int64_t kth, int64_t es);
    /* out[j] = insertion index of keys[j] (m keys) into the sorted a (n elements; through
     * sorter when not NULL, whose entries the caller checked to be in [0, n)).  0 / -1 */
    int (*search)(const void *a, int64_t n, const int64_t *sorter, const void *keys, int64_t m,
                   int64_t *out, bool right, int64_t es);
} nd__sort_kernels;

/* The kernels for a dtype (NULL + TypeError for dtypes that cannot be sorted). */
const nd__sort_kernels *nd__sort_kernels_for(const nd_dtype_t *d);

/* Sort n contiguous elements of dtype d in place (any kind). 0 / -1. */
int nd__sort_1d(const nd_dtype_t *d, void *v, int64_t n, nd_sort_kind kind);
/* idx[0..n) = the indices that sort the n contiguous elements v of dtype d; the caller
 * fills idx (usually 0..n-1): ties keep idx's order with ND_STABLE. 0 / -1. */
int nd__argsort_1d(const nd_dtype_t *d, const void *v, int64_t *idx, int64_t n, nd_sort_kind kind);

#endif
