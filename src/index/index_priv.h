/* Private to the library: the advanced-indexing engine shared by src/core/index.c
 * (the parser and nd_index_get/set) and src/index (take, put, where ...). */
#ifndef ND_INDEX_PRIV_H
#define ND_INDEX_PRIV_H

#include "core/internal.h"

/* True when an item list holds an index array (so the result is a copy). */
bool nd__index_has_array(int n, const nd_index *items);
/* a[items] with at least one ND_INDEX_ARRAY item: a new array. */
nd_array *nd__adv_get(const nd_array *a, int n, const nd_index *items);
/* a[items] = value (value already an array; cast unsafe, broadcast). 0 or -1. */
int nd__adv_set(nd_array *a, int n, const nd_index *items, const nd_array *value);
/* Truth value of every element as a bool array (a new handle on a when a is bool). */
nd_array *nd__truth(const nd_array *a);
/* Number of nonzero bytes of a bool array. */
int64_t nd__count_true(const nd_array *mask);
/* A 0-d array holding one value (its own dtype unless d is given). */
nd_array *nd__scalar_array(nd_value v, const nd_dtype_t *d);

/* take along `axis` when src and idx (int64) are both C-contiguous: the result
 * src.shape[:axis] + idx.shape + src.shape[axis+1:], bounds checked in the copy loop
 * (IndexError naming msg_axis; np.take's own message for an empty axis).  NULL
 * without error when the layouts do not allow it; *fail is set when NULL means an
 * error. */
nd_array *nd__take_fast(const nd_array *src, const nd_array *idx, int axis, int msg_axis, bool *fail);

/* Check every index of an int64 array against [-len, len); IndexError names `axis`. */
int nd__check_indices(const nd_array *idx, int64_t len, int axis);

#endif
