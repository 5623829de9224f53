/* Private helpers shared by the files of src/sets. */
#ifndef ND_SETS_PRIV_H
#define ND_SETS_PRIV_H

#include "core/internal.h"
#include "sort/sort_priv.h"

/* The typed loops of one dtype (see sets_typed.inc); es is the element size. */
typedef struct nd__set_ops {
    void (*neq_adj)(const void *v, int64_t n, uint8_t *mask, int64_t es);
    int64_t (*first_nan)(const void *v, int64_t n, int64_t es);
    void (*eq_at)(const void *t, int64_t m, const void *keys, int64_t n, const int64_t *idx,
                  bool *out, bool invert, int64_t es);
    bool (*row_neq)(const void *x, const void *y, int64_t m, int64_t es);
    /* equal values become equal bytes (-0 -> +0, every NaN -> one NaN pattern) */
    void (*canon)(void *v, int64_t n, int64_t es);
} nd__set_ops;

/* The loops for a dtype (NULL + TypeError for dtypes nd cannot compare). */
const nd__set_ops *nd__set_ops_for(const nd_dtype_t *d);

/* A new contiguous 1-d copy of a's elements in C order, as dtype d (a's when NULL). */
nd_array *nd__set_flat(const nd_array *a, const nd_dtype_t *d);
/* A new 1-d array of v[perm[i]] (n elements of dtype d). */
nd_array *nd__set_gather(const nd_dtype_t *d, const char *v, const int64_t *perm, int64_t n);
/* A new 1-d array of the v[i] with mask[i] (u of them). */
nd_array *nd__set_compress(const nd_dtype_t *d, const char *v, const uint8_t *mask, int64_t n, int64_t u);

/* np.unique of a 1-d contiguous array `flat` the caller hands over (it is sorted in place
 * and released).  index/inverse/counts may be NULL.  The inverse is 1-d. */
nd_array *nd__unique_flat(nd_array *flat, bool equal_nan, nd_array **index, nd_array **inverse,
                          nd_array **counts);

#endif
