/* Private to the library: the layouts of nd_array and nd_dtype_t, the error and
 * allocation helpers, and the iterator engine every module walks arrays with. */
#ifndef ND_INTERNAL_H
#define ND_INTERNAL_H

#ifndef ND_BUILDING_LIBRARY
#error "src/core/internal.h is private to the nd library"
#endif

#include "nd.h"

#include <stdatomic.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ dtype layout */

/* One named field of a structured dtype. */
typedef struct nd__field {
    char *name;
    const nd_dtype_t *dtype;
    int64_t offset;
} nd__field;

struct nd_dtype_t {
    nd_type type;
    char kind;          /* b i u f c S U V */
    char code;          /* NumPy's type char */
    int alignment;
    int64_t itemsize;
    atomic_long refcount; /* < 0: static, never freed */
    char name[24];      /* "float64", "S5", "<U5" ... */
    char str[24];       /* "<f8", "|S5" */
    /* structured dtypes (a later issue fills these; NULL/0 otherwise) */
    int nfields;
    nd__field *fields;
    const nd_dtype_t *sub_base; /* sub-array dtype: element dtype and shape */
    int sub_ndim;
    int64_t *sub_shape;
};

static inline bool nd__is_numeric(const nd_dtype_t *d) { return d->type <= ND_TYPE_COMPLEX128; }

/* --------------------------------------------------------- array layout */

/* Private flag: the memory itself is read-only (caller said so); views of it can
 * never become writeable. */
#define ND__READONLY_MEMORY (1 << 8)

struct nd_array {
    atomic_long refcount;
    const nd_dtype_t *dtype;  /* owned reference */
    int ndim;
    int flags;
    char *data;
    int64_t *shape;         /* -> dims[0 .. ndim) */
    int64_t *strides;       /* -> dims[ndim .. 2 ndim) */
    nd_array *base;         /* owner of the memory (a strong reference), NULL if self */
    void *mem;              /* owner only: the allocation or the caller's buffer */
    size_t mem_size;        /* bytes allocated by nd (0 for external memory) */
    nd_release_fn release;  /* external memory: called once with (mem, release_ctx) */
    void *release_ctx;
    size_t extra;           /* bytes allocated after dims (small arrays' data) */
    int64_t dims[];
};

/* ----------------------------------------------------------- errors */

/* Record an error; always returns NULL so `return nd__err(...)` works for pointers. */
void *nd__err(nd_error_code code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Emit a warning line ("RuntimeWarning: ...") through the user's warning handler
 * (nd_set_warning_handler), or the default one, which writes it to stderr. */
void nd__warn(const char *line);
/* The standard out-of-memory error. */
void *nd__nomem(void);
/* Normalize axis into [0, ndim); on failure records NumPy's AxisError and returns -1. */
int nd__check_axis(int axis, int ndim);
/* "(3,4)"-style shape text into buf (NumPy's tuple repr). Returns buf. */
char *nd__shape_str(char *buf, size_t cap, int ndim, const int64_t *shape);

/* ----------------------------------------------------------- memory */

void *nd__malloc(size_t n);
void *nd__calloc(size_t count, size_t size);
void *nd__realloc(void *p, size_t old_n, size_t new_n);
void nd__free(void *p, size_t n);
/* Small allocations whose size the caller does not track (strings, tables):
 * a header remembers the size. */
void *nd__alloc(size_t n);
void *nd__alloc_realloc(void *p, size_t n);
void nd__dealloc(void *p);
char *nd__strdup(const char *s);

/* Checked a*b and a+b for sizes; false on overflow. */
static inline bool nd__mul_ok(int64_t a, int64_t b, int64_t *r) { return !__builtin_mul_overflow(a, b, r); }
static inline bool nd__add_ok(int64_t a, int64_t b, int64_t *r) { return !__builtin_add_overflow(a, b, r); }

/* ----------------------------------------------------------- arrays */

/* A new handle struct for ndim dimensions: refcount 1, every field empty, recorded in
 * the open scope if any.  If unused, nd__scope_forget it and nd__free(a, sizeof(nd_array)
 * + 2 ndim 8). */
nd_array *nd__array_struct(int ndim);
/* Drop one reference without touching scopes (the engine of nd_free). */
void nd__release(nd_array *a);
/* Scopes (scope.c): record a new handle in the open scope (0, or -1 on memory error);
 * forget one record of a handle being freed by hand. */
int nd__scope_add(nd_array *a);
void nd__scope_forget(nd_array *a);

/* Product of a shape with overflow check (ValueError "array is too big..."); -1 on error. */
int64_t nd__shape_size(int ndim, const int64_t *shape);
/* A new owning array with uninitialized (zeroed if `zero`) 64-byte aligned memory.
 * order 'C' or 'F'. */
nd_array *nd__new(const nd_dtype_t *dtype, int ndim, const int64_t *shape, char order, bool zero);
/* A new array with the same shape as proto and strides following proto's memory
 * order (NumPy's order='K'). */
nd_array *nd__new_like_k(const nd_array *proto, const nd_dtype_t *dtype);
/* A view of base's memory with the given geometry (base's owner is referenced). */
nd_array *nd__view(const nd_array *base, const nd_dtype_t *dtype, int ndim, const int64_t *shape,
                   const int64_t *strides, char *data);
/* Recompute C/F contiguity and alignment flags. */
void nd__update_flags(nd_array *a);
/* Is the array writeable? If not, records NumPy's "assignment destination is read-only". */
bool nd__check_writeable(const nd_array *a);
/* Byte span [lo, hi) touched by the array (lo <= hi; empty arrays give lo == hi). */
void nd__extent(const nd_array *a, char **lo, char **hi);

/* ----------------------------------------------------------- the iterator */

#define ND_ITER_MAXOP 16

/* The engine: iterate nop strided operands over one shape.  Callers fill the
 * operand strides (0 on broadcast axes) and data pointers; nd__iter_prepare orders the
 * axes for memory locality (unless C order is asked for), drops length-1 axes and
 * coalesces contiguous ones.  The walk hands out inner loops along axis 0 of the
 * prepared layout. */
typedef struct nd__iter {
    int nop, ndim;
    int64_t size;                            /* product of the shape */
    int64_t shape[ND_MAXDIMS];               /* prepared; [0] is the inner axis */
    int64_t strides[ND_MAXDIMS][ND_ITER_MAXOP];
    char *origin[ND_ITER_MAXOP];             /* data pointer at coordinate 0 */
    char *ptr[ND_ITER_MAXOP];                /* handed out by next */
    int64_t inner_strides[ND_ITER_MAXOP];
    int64_t coord[ND_MAXDIMS];
    int64_t pos, end;                        /* flat position of the next inner loop */
} nd__iter;

/* Flags of nd__iter_prepare (true/false still mean C order / memory order). */
enum {
    ND__ITER_C_ORDER = 1,   /* keep C order: no reordering, no flipping */
    ND__ITER_KEEP_DIR = 2   /* order axes for memory (NumPy's rule over every operand) but
                             * never flip a negative stride: reductions whose result
                             * depends on the order (float sums) visit the elements in the
                             * operands' logical order, as NumPy (DONT_NEGATE_STRIDES) */
};
/* Set up from operand geometries already broadcast to `shape`.
 * strides[k] points at ndim strides of operand k.  flags: ND__ITER_*. */
int nd__iter_prepare(nd__iter *it, int nop, int ndim, const int64_t *shape, char *const *data,
                     const int64_t *const *strides, int flags);
/* Restrict to flat range [start, end) of the prepared iteration order. */
void nd__iter_set_range(nd__iter *it, int64_t start, int64_t end);
/* Next inner loop; returns the count (> 0), or 0 when done.  it->ptr and
 * it->inner_strides describe the loop. */
int64_t nd__iter_next(nd__iter *it);

/* Broadcast the arrays' shapes; writes shape and per-operand strides (zeros on
 * broadcast axes).  Records NumPy's broadcast error and returns -1 on mismatch. */
int nd__broadcast(int nop, const nd_array *const *ops, int *ndim, int64_t *shape,
                  int64_t (*strides)[ND_MAXDIMS]);

/* An inner-loop kernel: n elements, one pointer and one byte stride per operand. */
typedef int (*nd__loop_fn)(char **ptrs, int64_t n, const int64_t *strides, void *ud);
/* Broadcast ops together and run loop over the whole space. Returns 0 or -1. */
int nd__iter_run(int nop, const nd_array *const *ops, bool c_order, nd__loop_fn loop, void *ud);

/* Copy src into dst (broadcast, cast unsafe; overlap handled). 0 or -1. */
int nd__assign(nd_array *dst, const nd_array *src);
/* Fill a with the one element of the 0-d array `one` (same dtype). 0 or -1. */
int nd__fill_from(nd_array *a, const nd_array *one);

/* ----------------------------------------------------------- casting */

/* Strided cast loop: ptrs[0] destination (dst dtype), ptrs[1] source. */
typedef void (*nd__cast_fn)(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n,
                            const nd_dtype_t *dd, const nd_dtype_t *sd);
/* The loop that converts sd values to dd values (never NULL for a valid pair). */
nd__cast_fn nd__get_cast(const nd_dtype_t *dd, const nd_dtype_t *sd);
/* Write value into one element of dtype d (unsafe cast). */
int nd__value_store(const nd_dtype_t *d, void *dst, nd_value v);
/* Read one element of dtype d into a strong nd_value. */
nd_value nd__value_load(const nd_dtype_t *d, const void *src);
/* Dtype a weak/strong value would have as an array (NEP 50 default: int64, float64, ...). */
const nd_dtype_t *nd__value_dtype(nd_value v);

/* ----------------------------------------------------------- float16 */

uint16_t nd__double_to_half(double x);
uint16_t nd__float_to_half(float x);
float nd__half_to_float(uint16_t h);
double nd__half_to_double(uint16_t h);

/* Floating-point error check around loops (fpe.c).  nd__fpe_begin clears the flags when
 * any category is not ignored and returns that; nd__fpe_end reports per the settings:
 * 0, or -1 when a category raises (error recorded) or a callback asked to stop. */
bool nd__fpe_begin(void);
int nd__fpe_end(bool active, const char *ufunc_name);
/* Is a check open on this thread (a cast inside a ufunc)?  Every begin is paired with
 * exactly one end, also on failure paths (end(false, NULL)). */
bool nd__fpe_nested(void);

#endif
