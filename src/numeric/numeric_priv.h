/* Private helpers shared by the files of src/numeric. */
#ifndef ND_NUMERIC_PRIV_H
#define ND_NUMERIC_PRIV_H

#include "core/internal.h"

/* Hot loops compiled for several x86-64 levels, picked at run time. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__ELF__) && !defined(ND_NO_CLONES)
#define ND__NUM_CLONES __attribute__((target_clones("default", "avx2", "avx512f")))
#else
#define ND__NUM_CLONES
#endif

/* A view of a along `axis` restricted to [start, start + len) (step 1). */
static inline nd_array *nd__num_range(const nd_array *a, int axis, int64_t start, int64_t len) {
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, a->shape, (size_t)a->ndim * sizeof(int64_t));
    shape[axis] = len;
    char *data = len > 0 ? a->data + start * a->strides[axis] : a->data;
    return nd__view(a, a->dtype, a->ndim, shape, a->strides, data);
}

/* An operand as an array: arrays get a new handle, C numbers become 0-d arrays of
 * their default dtype (np.asanyarray of a Python scalar). */
static inline nd_array *nd__num_operand_array(nd_operand x) {
    if (x.array) return nd_ref((nd_array *)x.array);
    if (!x.value.dtype) return nd__err(ND_ERR_VALUE, "missing operand");
    const nd_dtype_t *dt = nd__value_dtype(x.value);
    nd_array *r = nd__new(dt, 0, NULL, 'C', false);
    if (r && nd__value_store(dt, r->data, x.value) < 0) { nd_free(r); return NULL; }
    return r;
}

/* A scalar's value as a double (complex: the real part). */
static inline double nd__num_value_double(nd_value v) {
    if (nd_dtype_is_complex(v.dtype)) return v.v.c.re;
    if (nd_dtype_is_float(v.dtype)) return v.v.f;
    if (nd_dtype_is_unsigned(v.dtype)) return (double)v.v.u;
    if (nd_dtype_is_bool(v.dtype)) return v.v.b;
    return (double)v.v.i;
}

/* Is the operand None (ND_NONE)? */
static inline bool nd__num_is_none(nd_operand x) { return !x.array && !x.value.dtype; }

/* Python's warnings.warn(msg, RuntimeWarning). */
static inline void nd__num_warn_runtime(const char *msg) {
    char line[256];
    snprintf(line, sizeof line, "RuntimeWarning: %s", msg);
    nd__warn(line);
}

#endif
