/* Shared by src/stats/histogram*.c and bincount.c: walking an array in C order as
 * chunks of one compute type, and the messages NumPy gives for array conversions. */
#ifndef ND_HIST_PRIV_H
#define ND_HIST_PRIV_H

#include "core/internal.h"

/* Elements converted per chunk when the data is not already in the compute type. */
#define ND__HIST_CHUNK 1024

/* Called with n values of the compute type; pos is the flat C-order index of vals[0].
 * Returns 0, or -1 to stop the walk. */
typedef int (*nd__hist_chunk_fn)(const void *vals, int64_t n, int64_t pos, void *ud);

/* Walk a in C order, handing fn chunks of its values cast (unsafe, as astype) to `to`.
 * Contiguous runs already of dtype `to` are handed over without a copy. 0 or -1. */
int nd__hist_walk(const nd_array *a, const nd_dtype_t *to, nd__hist_chunk_fn fn, void *ud);

/* A chunk function for nd__hist_walk to int64: the running min and max (start them at
 * INT64_MAX, INT64_MIN). */
typedef struct { int64_t mn, mx; } nd__hist_irange;
int nd__hist_irange_chunk(const void *vals, int64_t n, int64_t pos, void *ud);

/* A new contiguous 1-d copy of a's values (C order) cast to `to`. */
nd_array *nd__hist_flat(const nd_array *a, const nd_dtype_t *to);

/* NumPy's "Cannot cast array data from dtype('float64') to dtype('int64') according to
 * the rule 'safe'" (TypeError).  Returns NULL. */
void *nd__hist_cast_error(const nd_dtype_t *from, const nd_dtype_t *to);

/* NumPy's depth errors for an array that must be 1-d ("object too deep for desired
 * array" / "object of too small depth for desired array").  0 if a is 1-d, else -1. */
int nd__hist_check_1d(const nd_array *a);

/* NaN-aware order of NumPy's sorts and searchsorted: NaN after every number. */
static inline bool nd__hist_lt(double a, double b) { return a < b || (b != b && a == a); }

/* searchsorted(e[0..n), x, side='right') on sorted e: the number of edges that do not
 * sort after x.  Branch-free halving (the loads, not mispredicted branches, set the
 * pace); for sorted edges it gives what any bisection gives. */
static inline int64_t nd__hist_upper_f(const double *e, int64_t n, double x) {
    if (n == 0) return 0;
    int64_t pos = 0;
    while (n > 1) {
        int64_t half = n >> 1;
        pos = nd__hist_lt(x, e[pos + half - 1]) ? pos : pos + half;
        n -= half;
    }
    return pos + !nd__hist_lt(x, e[pos]);
}
static inline int64_t nd__hist_upper_i(const int64_t *e, int64_t n, int64_t x) {
    if (n == 0) return 0;
    int64_t pos = 0;
    while (n > 1) {
        int64_t half = n >> 1;
        pos = x < e[pos + half - 1] ? pos : pos + half;
        n -= half;
    }
    return pos + !(x < e[pos]);
}

#endif
