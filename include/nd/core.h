/* nd/core.h: errors, the allocator, dtypes, scalars, the array object, creation,
 * views, basic indexing, casting and the iterator.  Include <nd.h>, not this file.
 *
 * Conventions (see the README):
 *  - every nd_array * returned is a new handle owned by the caller; release it with
 *    nd_free (which accepts NULL).  Functions given `.out` return `out` itself and do
 *    NOT hand out a new reference: do not free that return value separately.
 *  - on failure a function returns NULL (pointers) or a negative int and records an
 *    error: nd_error() gives its code, nd_error_message() NumPy's text.
 *  - optional arguments are designated initializers: nd_zeros(ND_SHAPE(3), .dtype = ND_INT32).
 *    Each such macro calls nd_<name>_ex(..., const nd_<name>_opts *), the stable ABI;
 *    a NULL options pointer means all defaults.
 *  - a type whose name a function already has takes a _t suffix: nd_dtype_t (the
 *    descriptor) beside nd_dtype(a) (the accessor), nd_shape_t beside nd_shape(a). */
#ifndef ND_CORE_H
#define ND_CORE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ND_VERSION_MAJOR 0
#define ND_VERSION_MINOR 1
#define ND_VERSION_PATCH 0
/** Version string of the linked library, e.g. "0.1.0". */
const char *nd_version(void);

/** Maximum number of dimensions, as NumPy 2 (np.MAXDIMS). */
#define ND_MAXDIMS 64

/* ------------------------------------------------------------------ errors */

/** Error codes; each mirrors a Python/NumPy exception. */
typedef enum nd_error_code {
    ND_OK = 0,
    ND_ERR_VALUE,          /* ValueError */
    ND_ERR_TYPE,           /* TypeError */
    ND_ERR_INDEX,          /* IndexError */
    ND_ERR_AXIS,           /* numpy.exceptions.AxisError */
    ND_ERR_MEMORY,         /* MemoryError */
    ND_ERR_LINALG,         /* numpy.linalg.LinAlgError */
    ND_ERR_IO,             /* OSError */
    ND_ERR_OVERFLOW,       /* OverflowError */
    ND_ERR_FLOATING,       /* FloatingPointError (np.seterr raise) */
    ND_ERR_NOT_SUPPORTED,  /* NotImplementedError */
    ND_ERR_RUNTIME,        /* RuntimeError */
    ND_ERR_ZERO_DIVISION   /* ZeroDivisionError (np.arange with step 0, ...) */
} nd_error_code;

/** Code of the last error recorded on this thread (ND_OK if none). */
nd_error_code nd_error(void);
/** Message of the last error on this thread, NumPy's wording; "" if none. Never NULL. */
const char *nd_error_message(void);
/** Name of the Python exception a code mirrors ("ValueError"...). */
const char *nd_error_name(nd_error_code code);
/** Forget the last error on this thread. */
void nd_error_clear(void);
/** Record an error (for extension authors); printf-style message. Returns -1. */
int nd_error_set(nd_error_code code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* --------------------------------------------------------------- allocator */

/** The one allocator every allocation of nd goes through.  `malloc` and `free` are
 *  required; `realloc` may be NULL (nd then uses malloc+copy+free).  `ctx` is passed
 *  back unchanged.  nd aligns array data to 64 bytes itself. */
typedef struct nd_allocator {
    void *(*malloc)(size_t size, void *ctx);
    void *(*realloc)(void *ptr, size_t old_size, size_t new_size, void *ctx);
    void (*free)(void *ptr, size_t size, void *ctx);
    void *ctx;
} nd_allocator;

/** Replace the allocator (NULL restores the C library's).  Call it before creating
 *  any object: memory must be freed by the allocator that made it. */
void nd_set_allocator(const nd_allocator *a);
/** The allocator in use. */
nd_allocator nd_get_allocator(void);
/** The default allocator keeps up to `bytes` of recently freed large blocks (4 MiB and
 *  up) to reuse them, which saves the kernel's clearing of fresh pages when big arrays
 *  come and go in a loop.  Default 256 MiB; 0 frees the kept blocks and turns the cache
 *  off.  Returns the previous limit (0 where the cache is not built: non-glibc, ASan). */
size_t nd_set_block_cache(size_t bytes);

/* ------------------------------------------------------------------ dtypes */

/** The kinds of dtype; each nd_dtype_t has one. */
typedef enum nd_type {
    ND_TYPE_BOOL,
    ND_TYPE_INT8, ND_TYPE_INT16, ND_TYPE_INT32, ND_TYPE_INT64,
    ND_TYPE_UINT8, ND_TYPE_UINT16, ND_TYPE_UINT32, ND_TYPE_UINT64,
    ND_TYPE_FLOAT16, ND_TYPE_FLOAT32, ND_TYPE_FLOAT64,
    ND_TYPE_COMPLEX64, ND_TYPE_COMPLEX128,
    ND_TYPE_BYTES,   /* 'S': fixed-width bytes, NUL padded */
    ND_TYPE_STR,     /* 'U': fixed-width UCS-4 unicode, NUL padded */
    ND_TYPE_VOID,    /* 'V': raw bytes and structured dtypes */
    ND_NTYPES
} nd_type;

/** A dtype descriptor: immutable and reference counted.  The built-in ones
 *  (ND_FLOAT64 ...) are static; descriptors made by nd_dtype_bytes/str/parse are
 *  owned by the caller and released with nd_dtype_free.  Functions that take a
 *  dtype only borrow it; arrays keep their own reference. */
typedef struct nd_dtype_t nd_dtype_t;

extern const struct nd_dtype_t nd_dtype_bool_, nd_dtype_int8_, nd_dtype_int16_,
    nd_dtype_int32_, nd_dtype_int64_, nd_dtype_uint8_, nd_dtype_uint16_,
    nd_dtype_uint32_, nd_dtype_uint64_, nd_dtype_float16_, nd_dtype_float32_,
    nd_dtype_float64_, nd_dtype_complex64_, nd_dtype_complex128_;

#define ND_BOOL (&nd_dtype_bool_)
#define ND_INT8 (&nd_dtype_int8_)
#define ND_INT16 (&nd_dtype_int16_)
#define ND_INT32 (&nd_dtype_int32_)
#define ND_INT64 (&nd_dtype_int64_)
#define ND_UINT8 (&nd_dtype_uint8_)
#define ND_UINT16 (&nd_dtype_uint16_)
#define ND_UINT32 (&nd_dtype_uint32_)
#define ND_UINT64 (&nd_dtype_uint64_)
#define ND_FLOAT16 (&nd_dtype_float16_)
#define ND_FLOAT32 (&nd_dtype_float32_)
#define ND_FLOAT64 (&nd_dtype_float64_)
#define ND_COMPLEX64 (&nd_dtype_complex64_)
#define ND_COMPLEX128 (&nd_dtype_complex128_)
/* NumPy's aliases */
#define ND_INTP ND_INT64
#define ND_UINTP ND_UINT64

/** The built-in descriptor of a numeric type (NULL for BYTES/STR/VOID). */
const nd_dtype_t *nd_dtype_from_type(nd_type t);
/** 'S<n>': fixed-width bytes of n characters (n >= 0).  Caller frees. */
const nd_dtype_t *nd_dtype_bytes(int64_t n);
/** 'U<n>': fixed-width unicode of n characters (4 bytes each).  Caller frees. */
const nd_dtype_t *nd_dtype_str(int64_t n);
/** np.dtype(text): a name ("float64", "int", "complex", "bool", "S5", "U3") or a type
 *  string ("<f8", "|b1", ">i4", "<U5").  Non-native byte order is accepted and gives
 *  the native descriptor (see nd_dtype_parse_byteorder).  Caller frees. */
const nd_dtype_t *nd_dtype_parse(const char *text);
/** Like nd_dtype_parse; *swapped is set true when the text names the non-native order. */
const nd_dtype_t *nd_dtype_parse_byteorder(const char *text, bool *swapped);
/** Take another reference (returns d).  No-op for the built-ins. */
const nd_dtype_t *nd_dtype_ref(const nd_dtype_t *d);
/** Release a reference; accepts NULL and the built-ins. */
void nd_dtype_free(const nd_dtype_t *d);

nd_type nd_dtype_type(const nd_dtype_t *d);
/** NumPy's dtype.name: "float64", "bool", "bytes40" for S5, "str160" for U5. */
const char *nd_dtype_name(const nd_dtype_t *d);
/** NumPy's kind character: b i u f c S U V. */
char nd_dtype_kind(const nd_dtype_t *d);
/** NumPy's single-character code: '?', 'b', 'h', 'i', 'l', 'B', ..., 'e', 'f', 'd', 'F', 'D', 'S', 'U', 'V'. */
char nd_dtype_char(const nd_dtype_t *d);
int64_t nd_dtype_itemsize(const nd_dtype_t *d);
int nd_dtype_alignment(const nd_dtype_t *d);
/** NumPy's type string (dtype.str), native order: "<f8", "|b1", "<U5", "|S3". */
const char *nd_dtype_str_repr(const nd_dtype_t *d);
/** True when two descriptors describe the same type (np.dtype ==). */
bool nd_dtype_equal(const nd_dtype_t *a, const nd_dtype_t *b);

/* Kind predicates (np.issubdtype with bool/signedinteger/unsignedinteger/integer/
 * floating/complexfloating/number/flexible). */
bool nd_dtype_is_bool(const nd_dtype_t *d);
bool nd_dtype_is_signed(const nd_dtype_t *d);   /* signed integer */
bool nd_dtype_is_unsigned(const nd_dtype_t *d); /* unsigned integer */
bool nd_dtype_is_integer(const nd_dtype_t *d);
bool nd_dtype_is_float(const nd_dtype_t *d);
bool nd_dtype_is_complex(const nd_dtype_t *d);
bool nd_dtype_is_number(const nd_dtype_t *d);   /* integer, float or complex (not bool) */
bool nd_dtype_is_flexible(const nd_dtype_t *d); /* S, U, V */

/** Casting rules of np.can_cast. */
typedef enum nd_casting {
    ND_CASTING_DEFAULT = 0, /* whatever the function's NumPy default is */
    ND_CASTING_NO,
    ND_CASTING_EQUIV,
    ND_CASTING_SAFE,
    ND_CASTING_SAME_KIND,
    ND_CASTING_UNSAFE
} nd_casting;

/** np.can_cast(from, to, casting); ND_CASTING_DEFAULT means "safe". */
bool nd_can_cast(const nd_dtype_t *from, const nd_dtype_t *to, nd_casting casting);
/** np.promote_types(a, b).  New reference (caller frees); NULL + TypeError when no
 *  common type exists (void with anything else).  Numbers with S/U give the string
 *  type wide enough for the number (int64 + S5 -> S21), as NumPy. */
const nd_dtype_t *nd_promote_types(const nd_dtype_t *a, const nd_dtype_t *b);
/** np.min_scalar_type-free result_type of n dtypes (all treated as array dtypes). */
const nd_dtype_t *nd_result_type(int n, const nd_dtype_t *const *dtypes);

/** np.finfo. */
typedef struct nd_finfo_t {
    int bits;             /* 16, 32, 64 */
    double eps, epsneg, max, min, tiny, smallest_normal, smallest_subnormal, resolution;
    int precision, iexp, nmant, nexp, machep, negep, minexp, maxexp;
    const nd_dtype_t *dtype; /* the real float type described (float64 for complex128) */
} nd_finfo_t;
/** np.finfo(dtype) for float16/32/64 and complex64/128. Returns 0, or -1 (ValueError). */
int nd_finfo(const nd_dtype_t *d, nd_finfo_t *out);
/** np.iinfo. min/max are exact: use imin for signed and umax for unsigned. */
typedef struct nd_iinfo_t {
    int bits;
    int64_t min;    /* 0 for unsigned */
    int64_t max;    /* INT64_MAX-clamped for uint64: read umax */
    uint64_t umax;
    char kind;      /* 'i' or 'u' */
    const nd_dtype_t *dtype;
} nd_iinfo_t;
/** np.iinfo(dtype) for the integer types. Returns 0, or -1 (ValueError). */
int nd_iinfo(const nd_dtype_t *d, nd_iinfo_t *out);

/* ------------------------------------------------------------------ scalars */

/** A scalar value with a dtype.  C literals passed where NumPy takes Python scalars
 *  become "weak" values (NEP 50): bool, int64, float64 or complex128 with weak=true. */
typedef struct nd_value {
    const nd_dtype_t *dtype; /* built-in numeric dtype */
    bool weak;
    union {
        bool b;
        int64_t i;
        uint64_t u;
        double f;
        struct { double re, im; } c;
    } v;
} nd_value;

nd_value nd_value_bool(bool x);
nd_value nd_value_int(long long x);
nd_value nd_value_uint(unsigned long long x);
nd_value nd_value_double(double x);
nd_value nd_value_complex(double re, double im);
nd_value nd_value_cdouble(_Complex double z);
/** A strong (typed) scalar: the value x converted to dtype d, as np.float32(x). */
nd_value nd_value_typed(const nd_dtype_t *d, double x);

/** ND_VALUE(x): any C number as a weak nd_value (an nd_value passes through). */
#define ND_VALUE(x) _Generic((x), \
    nd_value: nd_v_same_, \
    _Bool: nd_v_bool_, \
    char: nd_v_int_, signed char: nd_v_int_, short: nd_v_int_, \
    int: nd_v_int_, long: nd_v_int_, long long: nd_v_int_, \
    unsigned char: nd_v_uint_, unsigned short: nd_v_uint_, \
    unsigned int: nd_v_uint_, unsigned long: nd_v_uint_, \
    unsigned long long: nd_v_uint_, \
    float: nd_v_double_, double: nd_v_double_, \
    _Complex float: nd_v_cdouble_, _Complex double: nd_v_cdouble_)(x)
nd_value nd_value_identity_(nd_value x);
/* Inline twins of the nd_value_* constructors for ND_VALUE (no call on hot paths). */
static inline nd_value nd_v_same_(nd_value x) { return x; }
static inline nd_value nd_v_bool_(bool x) { nd_value v = { ND_BOOL, true, { .b = x } }; return v; }
static inline nd_value nd_v_int_(long long x) { nd_value v = { ND_INT64, true, { .i = x } }; return v; }
static inline nd_value nd_v_uint_(unsigned long long x) {
    nd_value v = { x <= (unsigned long long)INT64_MAX ? ND_INT64 : ND_UINT64, true, { .u = x } };
    return v;
}
static inline nd_value nd_v_double_(double x) { nd_value v = { ND_FLOAT64, true, { .f = x } }; return v; }
static inline nd_value nd_v_cdouble_(_Complex double z) {
    nd_value v = { ND_COMPLEX128, true, { .c = { __real__ z, __imag__ z } } };
    return v;
}

/* ------------------------------------------------------- shapes and axes */

/** A borrowed shape: ndim extents at dims (dims may be NULL when ndim == 0). */
typedef struct nd_shape_t {
    int ndim;
    const int64_t *dims;
} nd_shape_t;

/** ND_SHAPE(3, 4): a shape literal.  ND_SHAPE0 is the 0-d shape (). */
#define ND_SHAPE(...) ((nd_shape_t){ (int)(sizeof((int64_t[]){__VA_ARGS__}) / sizeof(int64_t)), \
                                   (const int64_t[]){__VA_ARGS__} })
#define ND_SHAPE0 ((nd_shape_t){ 0, NULL })

/** A set of axes; n == 0 means NumPy's axis=None. */
typedef struct nd_axes {
    int n;
    int v[ND_MAXDIMS];
} nd_axes;
/** ND_AXIS(0) or ND_AXIS(0, -1): an axis option (negative counts from the end). */
#define ND_AXIS(...) ((nd_axes){ (int)(sizeof((int[]){__VA_ARGS__}) / sizeof(int)), {__VA_ARGS__} })
/** axis=None, spelled out (the same as leaving the option out). */
#define ND_AXIS_NONE ((nd_axes){ 0 })

/* ---------------------------------------------------------- the array */

typedef struct nd_array nd_array;

/** Flags (nd_flags): */
enum {
    ND_C_CONTIGUOUS = 1 << 0,
    ND_F_CONTIGUOUS = 1 << 1,
    ND_OWNDATA = 1 << 2,
    ND_WRITEABLE = 1 << 3,
    ND_ALIGNED = 1 << 4
};

/** ND_ARRAYS(a, b, c): a list of arrays for functions that take (arrays, n).  Inside a
 *  macro call a bare `(nd_array *[]){a, b}` would split at its commas; this does not. */
#define ND_ARRAYS(...) ((nd_array *[]){ __VA_ARGS__ })

/** Release a handle (NULL is fine).  Memory goes when the last view of it goes. */
void nd_free(nd_array *a);
/** Another handle on the same array (cheap; free both). */
nd_array *nd_ref(nd_array *a);

/** Temporaries without leaks.  nd_scope_begin() opens a scope on this thread: every
 *  array handle created (or nd_ref'd) until the matching nd_scope_end() is released by
 *  it, except handles passed to nd_keep(), which move to the enclosing scope (or to
 *  the caller when none).  Scopes nest; nd_free inside a scope is still fine.
 *  Returns the new depth, or -1 (MemoryError). */
int nd_scope_begin(void);
/** Release every handle recorded in the innermost scope and close it. */
void nd_scope_end(void);
/** Move a out of the innermost scope so it survives nd_scope_end. Returns a. */
nd_array *nd_keep(nd_array *a);
/** Number of open scopes on this thread. */
int nd_scope_depth(void);

int nd_ndim(const nd_array *a);
/** Shape and strides (bytes) arrays of ndim entries; valid while a lives. */
const int64_t *nd_shape(const nd_array *a);
const int64_t *nd_strides(const nd_array *a);
/** Extent of one axis (negative counts from the end); -1 + AxisError if out of range. */
int64_t nd_dim(const nd_array *a, int axis);
int64_t nd_size(const nd_array *a);
int64_t nd_itemsize(const nd_array *a);
int64_t nd_nbytes(const nd_array *a);
/** The dtype (borrowed from the array). */
const nd_dtype_t *nd_dtype(const nd_array *a);
/** Pointer to the first element (may point inside a buffer; NULL never for valid a). */
void *nd_data(const nd_array *a);
int nd_flags(const nd_array *a);
bool nd_is_c_contiguous(const nd_array *a);
bool nd_is_f_contiguous(const nd_array *a);
bool nd_is_writeable(const nd_array *a);
/** NumPy's .base: the array owning the memory this view looks at (borrowed), or
 *  NULL when a owns its data. */
const nd_array *nd_base(const nd_array *a);
/** Make a read-only (a.flags.writeable = False).  Making writeable again is refused
 *  for views of read-only memory.  Returns 0 or -1. */
int nd_set_writeable(nd_array *a, bool writeable);
/** The array's shape as an nd_shape_t (borrowed). */
nd_shape_t nd_shape_of(const nd_array *a);

/* ---------------------------------------------------------- creation */

/** Options of empty/zeros/ones/full and their _like forms. */
typedef struct nd_create_opts {
    int _;
    const nd_dtype_t *dtype; /* NULL: float64 (full: the value's dtype; _like: the prototype's) */
    char order;            /* 'C' (default), 'F'; _like also 'A', 'K' (default 'K') */
} nd_create_opts;

nd_array *nd_empty_ex(nd_shape_t shape, const nd_create_opts *o);
nd_array *nd_zeros_ex(nd_shape_t shape, const nd_create_opts *o);
nd_array *nd_ones_ex(nd_shape_t shape, const nd_create_opts *o);
nd_array *nd_full_ex(nd_shape_t shape, nd_value fill, const nd_create_opts *o);
nd_array *nd_empty_like_ex(const nd_array *proto, const nd_create_opts *o);
nd_array *nd_zeros_like_ex(const nd_array *proto, const nd_create_opts *o);
nd_array *nd_ones_like_ex(const nd_array *proto, const nd_create_opts *o);
nd_array *nd_full_like_ex(const nd_array *proto, nd_value fill, const nd_create_opts *o);
/** np.empty(shape, dtype=, order=): uninitialized. */
#define nd_empty(shape, ...) nd_empty_ex((shape), &(nd_create_opts){ ._ = 0, __VA_ARGS__ })
/** np.zeros. */
#define nd_zeros(shape, ...) nd_zeros_ex((shape), &(nd_create_opts){ ._ = 0, __VA_ARGS__ })
/** np.ones. */
#define nd_ones(shape, ...) nd_ones_ex((shape), &(nd_create_opts){ ._ = 0, __VA_ARGS__ })
/** np.full(shape, value): dtype defaults to the value's (int64, float64, bool, complex128). */
#define nd_full(shape, value, ...) nd_full_ex((shape), ND_VALUE(value), &(nd_create_opts){ ._ = 0, __VA_ARGS__ })
#define nd_empty_like(a, ...) nd_empty_like_ex((a), &(nd_create_opts){ ._ = 0, __VA_ARGS__ })
#define nd_zeros_like(a, ...) nd_zeros_like_ex((a), &(nd_create_opts){ ._ = 0, __VA_ARGS__ })
#define nd_ones_like(a, ...) nd_ones_like_ex((a), &(nd_create_opts){ ._ = 0, __VA_ARGS__ })
#define nd_full_like(a, value, ...) nd_full_like_ex((a), ND_VALUE(value), &(nd_create_opts){ ._ = 0, __VA_ARGS__ })

/** np.array(data).reshape(shape) for C data: copies size*itemsize bytes from `data`
 *  (C order).  `data` may be NULL only when the size is 0. */
nd_array *nd_from_data(const void *data, nd_shape_t shape, const nd_dtype_t *dtype);
/** ND_ARRAY(double, ND_SHAPE(2, 3), 1, 2, 3, 4, 5, 6): an array literal.  The element
 *  count must equal the shape's size (else ValueError). */
#define ND_ARRAY(ctype, shape, ...) nd_from_values_((const ctype[]){__VA_ARGS__}, \
    (int64_t)(sizeof((ctype[]){__VA_ARGS__}) / sizeof(ctype)), (shape), ND_CTYPE_DTYPE_(ctype))
#define ND_CTYPE_DTYPE_(ctype) _Generic((ctype){0}, _Bool: ND_BOOL, \
    signed char: ND_INT8, short: ND_INT16, int: ND_INT32, long: ND_INT64, long long: ND_INT64, \
    unsigned char: ND_UINT8, unsigned short: ND_UINT16, unsigned int: ND_UINT32, \
    unsigned long: ND_UINT64, unsigned long long: ND_UINT64, \
    float: ND_FLOAT32, double: ND_FLOAT64, \
    _Complex float: ND_COMPLEX64, _Complex double: ND_COMPLEX128)
nd_array *nd_from_values_(const void *data, int64_t count, nd_shape_t shape, const nd_dtype_t *dtype);

/** Arrays of strings: n C strings into an 'S' (bytes) or 'U' (unicode, from UTF-8)
 *  array of shape; width 0 means the longest string's length. */
nd_array *nd_from_strings(const char *const *strs, nd_shape_t shape, char kind, int64_t width);

/** Release callback for nd_frombuffer: called once when the last view goes. */
typedef void (*nd_release_fn)(void *data, void *ctx);
/** np.frombuffer: wrap caller memory zero-copy as a 1-d array of `count` items
 *  (count < 0: as many as fit in nbytes) starting at byte `offset`.  `release`
 *  (may be NULL) is called with (buf, ctx) when the last view is freed, and also
 *  when this call fails.  writeable=false gives a read-only array, as NumPy for bytes. */
nd_array *nd_frombuffer(void *buf, int64_t nbytes, const nd_dtype_t *dtype, int64_t count,
                        int64_t offset, bool writeable, nd_release_fn release, void *ctx);
/** Wrap caller memory with explicit shape and strides (bytes), zero-copy. */
nd_array *nd_wrap(void *data, nd_shape_t shape, const int64_t *strides, const nd_dtype_t *dtype,
                  bool writeable, nd_release_fn release, void *ctx);

/** np.arange options (dtype NULL: int64 when start/stop/step are all integral C
 *  integers, else float64). */
typedef struct nd_arange_opts { int _; const nd_dtype_t *dtype; } nd_arange_opts;
nd_array *nd_arange_ex(nd_value start, nd_value stop, nd_value step, const nd_arange_opts *o);
/** np.arange(start, stop, step): NumPy's length rule ceil((stop - start) / step). */
#define nd_arange(start, stop, step, ...) nd_arange_ex(ND_VALUE(start), ND_VALUE(stop), ND_VALUE(step), \
    &(nd_arange_opts){ ._ = 0, __VA_ARGS__ })

typedef struct nd_linspace_opts {
    int _;
    bool no_endpoint;      /* endpoint=False */
    double *retstep;       /* if set, receives the step (linspace) */
    const nd_dtype_t *dtype; /* default float64; integer dtypes floor the values (NumPy 2) */
    double base;           /* logspace base; 0 means 10 */
} nd_linspace_opts;
nd_array *nd_linspace_ex(double start, double stop, int64_t num, const nd_linspace_opts *o);
nd_array *nd_logspace_ex(double start, double stop, int64_t num, const nd_linspace_opts *o);
nd_array *nd_geomspace_ex(double start, double stop, int64_t num, const nd_linspace_opts *o);
/** np.linspace(start, stop, num, endpoint=True, retstep=False, dtype=None).  num is
 *  required in C (NumPy's default is 50). */
#define nd_linspace(start, stop, num, ...) nd_linspace_ex((start), (stop), (num), &(nd_linspace_opts){ ._ = 0, __VA_ARGS__ })
/** np.logspace(start, stop, num, endpoint=True, base=10.0, dtype=None). */
#define nd_logspace(start, stop, num, ...) nd_logspace_ex((start), (stop), (num), &(nd_linspace_opts){ ._ = 0, __VA_ARGS__ })
/** np.geomspace(start, stop, num, endpoint=True, dtype=None). */
#define nd_geomspace(start, stop, num, ...) nd_geomspace_ex((start), (stop), (num), &(nd_linspace_opts){ ._ = 0, __VA_ARGS__ })

typedef struct nd_eye_opts {
    int _;
    int64_t M;             /* columns; 0 means N (use .M_zero for an explicit 0) */
    bool M_zero;
    int64_t k;             /* diagonal offset */
    const nd_dtype_t *dtype; /* default float64 */
    char order;
} nd_eye_opts;
nd_array *nd_eye_ex(int64_t N, const nd_eye_opts *o);
/** np.eye(N, M=None, k=0, dtype=float64). */
#define nd_eye(N, ...) nd_eye_ex((N), &(nd_eye_opts){ ._ = 0, __VA_ARGS__ })
/** np.identity(n, dtype=float64). */
nd_array *nd_identity(int64_t n, const nd_dtype_t *dtype);
/** np.tri(N, M, k, dtype) with the same options as nd_eye (default dtype float64). */
#define nd_tri(N, ...) nd_tri_ex((N), &(nd_eye_opts){ ._ = 0, __VA_ARGS__ })
nd_array *nd_tri_ex(int64_t N, const nd_eye_opts *o);
/** np.diag(v, k): 1-d -> 2-d matrix (new array); 2-d -> the k-th diagonal as a
 *  read-only view, as NumPy returns it. */
nd_array *nd_diag(const nd_array *v, int64_t k);
/** np.diagflat(v, k). */
nd_array *nd_diagflat(const nd_array *v, int64_t k);
/** np.tril(m, k) / np.triu(m, k): copies with the other triangle zeroed (last two axes). */
nd_array *nd_tril(const nd_array *m, int64_t k);
nd_array *nd_triu(const nd_array *m, int64_t k);

/** Callback of nd_fromfunction: writes the value at index idx[0..ndim) to *out
 *  (one element of the requested dtype).  Returns 0, or nonzero to stop with an error. */
typedef int (*nd_index_fn)(const int64_t *idx, int ndim, void *out, void *userdata);
/** np.fromfunction(f, shape, dtype) with a C callback called once per element in C order. */
nd_array *nd_fromfunction(nd_index_fn f, nd_shape_t shape, const nd_dtype_t *dtype, void *userdata);
/** Callback of nd_fromiter: writes the next item to *out and returns 1, returns 0 when
 *  exhausted, negative on error. */
typedef int (*nd_next_fn)(void *out, void *userdata);
/** np.fromiter(it, dtype, count=-1). */
nd_array *nd_fromiter(nd_next_fn next, const nd_dtype_t *dtype, int64_t count, void *userdata);

/* ------------------------------------------------------ copies and casts */

/** np.copy(a, order='K') / a.copy(order): order 'C', 'F', 'A', 'K' (0: 'K' as np.copy). */
nd_array *nd_copy(const nd_array *a, char order);
nd_array *nd_ascontiguousarray(const nd_array *a);
nd_array *nd_asfortranarray(const nd_array *a);

typedef struct nd_asarray_opts {
    int _;
    const nd_dtype_t *dtype; /* NULL: keep */
    char order;            /* 0 'K' */
    int copy;              /* NumPy 2 copy=: 0 None (if needed), 1 True (always), -1 False (never; error if needed) */
} nd_asarray_opts;
nd_array *nd_asarray_ex(nd_array *a, const nd_asarray_opts *o);
/** np.asarray(a, dtype=, order=, copy=): a new handle on a itself when nothing is needed. */
#define nd_asarray(a, ...) nd_asarray_ex((a), &(nd_asarray_opts){ ._ = 0, __VA_ARGS__ })

typedef struct nd_astype_opts {
    int _;
    char order;          /* 0 'K' */
    nd_casting casting;  /* default unsafe */
    bool no_copy;        /* copy=False: return a new handle on a when no cast is needed */
} nd_astype_opts;
nd_array *nd_astype_ex(const nd_array *a, const nd_dtype_t *dtype, const nd_astype_opts *o);
/** a.astype(dtype, order='K', casting='unsafe', copy=True). */
#define nd_astype(a, dtype, ...) nd_astype_ex((a), (dtype), &(nd_astype_opts){ ._ = 0, __VA_ARGS__ })

/** a.view(dtype): reinterpret the bytes (NumPy's last-axis rule when sizes differ). */
nd_array *nd_view(const nd_array *a, const nd_dtype_t *dtype);
/** Copy src into dst with broadcasting (np.copyto(dst, src, casting)); casting
 *  DEFAULT means same_kind as NumPy.  Overlapping memory is handled. Returns 0 or -1. */
int nd_copyto(nd_array *dst, const nd_array *src, nd_casting casting);
/** a.fill(value): the value is cast to a's dtype (unsafe, as NumPy), except that a C
 *  integer must fit an integer dtype (NumPy 2: OverflowError "Python integer 300 out
 *  of bounds for int8"; pass nd_value_typed for a wrapping cast).  Returns 0 or -1. */
int nd_fill_ex(nd_array *a, nd_value value);
#define nd_fill(a, value) nd_fill_ex((a), ND_VALUE(value))
/** a.tobytes(order='C'): a new malloc'd-by-nd buffer of *nbytes bytes; release it with
 *  nd_free_bytes. */
void *nd_tobytes(const nd_array *a, char order, int64_t *nbytes);
/** Free memory nd handed out (strings from printing, nd_tobytes). */
void nd_free_bytes(void *p);

/* ------------------------------------------------------- elements */

/** Index for element access: ND_IDX(1, 2). */
typedef struct nd_idx { int n; const int64_t *i; } nd_idx;
#define ND_IDX(...) ((nd_idx){ (int)(sizeof((int64_t[]){__VA_ARGS__}) / sizeof(int64_t)), \
                               (const int64_t[]){__VA_ARGS__} })
/** Pointer to one element (negative indices wrap); NULL + IndexError when out of range. */
void *nd_ptr(const nd_array *a, nd_idx idx);
/** a.item(*idx) as an nd_value (strong, of a's dtype).  Returns 0 or -1. */
int nd_item(const nd_array *a, nd_idx idx, nd_value *out);
/** a.item(*idx) converted to double / int64 (complex: real part).  Errors give NaN / 0
 *  and set the error. */
double nd_item_double(const nd_array *a, nd_idx idx);
int64_t nd_item_int(const nd_array *a, nd_idx idx);
/** a[idx] = value, cast to a's dtype (unsafe; a C integer must fit an integer dtype,
 *  as in nd_fill). Returns 0 or -1. */
int nd_itemset_ex(nd_array *a, nd_idx idx, nd_value value);
#define nd_itemset(a, idx, value) nd_itemset_ex((a), (idx), ND_VALUE(value))

/* ------------------------------------------------------- views and shape */

/** a.reshape(shape, order): a view when NumPy's would be, else a copy; one -1 allowed. */
nd_array *nd_reshape_ex(const nd_array *a, nd_shape_t shape, char order);
#define nd_reshape(a, shape) nd_reshape_ex((a), (shape), 'C')
/** np.ravel(a, order): a view when possible. */
nd_array *nd_ravel(const nd_array *a, char order);
/** a.flatten(order): always a copy. */
nd_array *nd_flatten(const nd_array *a, char order);
/** np.transpose(a, axes): axes NULL reverses them. A view. */
nd_array *nd_transpose(const nd_array *a, const int *axes);
/** np.permute_dims (NumPy 2 name of transpose). */
#define nd_permute_dims nd_transpose
/** a.T / np.matrix_transpose is in the linalg issue; this is the full reversal. */
#define nd_T(a) nd_transpose((a), NULL)
nd_array *nd_swapaxes(const nd_array *a, int axis1, int axis2);
/** np.expand_dims(a, axis) with one or several axes. */
nd_array *nd_expand_dims(const nd_array *a, nd_axes axis);
/** np.squeeze(a, axis): axis.n == 0 removes every length-1 axis. */
nd_array *nd_squeeze(const nd_array *a, nd_axes axis);
/** np.broadcast_to(a, shape): a read-only view.  NumPy's errors, in its order: "cannot
 *  broadcast a non-scalar to a scalar array", "all elements of broadcast shape must be
 *  non-negative", the 64-dimension limit, "input operand has more dimensions than
 *  allowed by the axis remapping", "operands could not be broadcast together with
 *  remapped shapes ...". */
nd_array *nd_broadcast_to(const nd_array *a, nd_shape_t shape);
/** np.broadcast_shapes: writes the result into out (ND_MAXDIMS entries) and returns
 *  its ndim, or -1 with NumPy's error text. */
int nd_broadcast_shapes(int n, const nd_shape_t *shapes, int64_t *out);
/** np.broadcast_arrays: out[i] receives a new (read-only when broadcast) view. 0 / -1. */
int nd_broadcast_arrays(int n, nd_array *const *arrays, nd_array **out);
/** np.shares_memory (exact) and np.may_share_memory (bounds only). */
bool nd_shares_memory(const nd_array *a, const nd_array *b);
bool nd_may_share_memory(const nd_array *a, const nd_array *b);

/* ------------------------------------------------------- basic indexing */

/** One item of a structured index. */
typedef enum nd_index_kind {
    ND_INDEX_INT = 1, ND_INDEX_SLICE, ND_INDEX_NEWAXIS, ND_INDEX_ELLIPSIS,
    ND_INDEX_ARRAY               /* an integer or boolean index array (advanced indexing) */
} nd_index_kind;
typedef struct nd_index {
    nd_index_kind kind;
    int64_t i;                   /* ND_INDEX_INT */
    int64_t start, stop, step;   /* ND_INDEX_SLICE */
    bool has_start, has_stop;    /* false: omitted (the default for the step's sign) */
    const nd_array *array;       /* ND_INDEX_ARRAY (borrowed for the call) */
} nd_index;
/** Index item builders: ND_I(k), ND_S(start, stop, step), ND_ALL (:), ND_NEWAXIS, ND_ELLIPSIS. */
#define ND_I(k) ((nd_index){ .kind = ND_INDEX_INT, .i = (k) })
#define ND_S(a, b, c) ((nd_index){ .kind = ND_INDEX_SLICE, .start = (a), .stop = (b), .step = (c), \
                                   .has_start = true, .has_stop = true })
#define ND_ALL ((nd_index){ .kind = ND_INDEX_SLICE, .step = 1 })
#define ND_NEWAXIS ((nd_index){ .kind = ND_INDEX_NEWAXIS })
#define ND_ELLIPSIS ((nd_index){ .kind = ND_INDEX_ELLIPSIS })
/** ND_A(arr): an integer or boolean index array (NumPy's advanced indexing). */
#define ND_A(arr) ((nd_index){ .kind = ND_INDEX_ARRAY, .array = (arr) })
/** The array an ND_INDEX_ARRAY item carries (NULL for other kinds). */
const nd_array *nd_index_array(const nd_index *item);

/** a[index]: a view for basic indices; a new array (a copy) as soon as an index
 *  array takes part (NumPy's advanced indexing rules). */
nd_array *nd_index_get(const nd_array *a, int n, const nd_index *index);
/** a[index] = value (array broadcast, cast unsafe as NumPy assignment). 0 or -1. */
int nd_index_set(nd_array *a, int n, const nd_index *index, const nd_array *value);
/** a[index] = scalar (cast unsafe, as NumPy).  Returns 0 or -1. */
int nd_index_set_value(nd_array *a, int n, const nd_index *index, nd_value value);
/** Parse NumPy's index syntax ("1:3, ::-1, None, ...") into at most `cap` items.
 *  Returns the count, or -1 with an IndexError/ValueError describing the text.
 *  (Placeholders and list literals need nd_get; this form takes basic indices.) */
int nd_index_parse(const char *text, nd_index *items, int cap);
/** a["..."] with NumPy's syntax: nd_get(a, "1:3, ::-1, None").  Placeholders, in order:
 *  %a an nd_array * index array, %d / %ld / %lld / %zd an integer (also inside slices,
 *  "%d:%d"); NumPy's list literals ("[0, 2, -1]", "[True, False]") work too:
 *  nd_get(a, "%a, 1:3", idx).  A view for basic indices, else a copy.  Caller frees. */
nd_array *nd_get(const nd_array *a, const char *index, ...);
nd_array *nd_getv(const nd_array *a, const char *index, va_list ap);
/** a["..."] = value (array, broadcast); placeholder arguments follow the value:
 *  nd_set(a, "%a", v, mask).  Returns 0 or -1 (nothing written on error). */
int nd_set(nd_array *a, const char *index, const nd_array *value, ...);
int nd_setv(nd_array *a, const char *index, const nd_array *value, va_list ap);
/** a["..."] = scalar; placeholder arguments follow the value:
 *  nd_set_value(a, "%a, :", 0.0, rows).  Returns 0 or -1. */
int nd_set_value_ex(nd_array *a, const char *index, nd_value value, ...);
#define nd_set_value(a, index, ...) nd_set_value_ex((a), (index), ND_VALUE(ND_HEAD_(__VA_ARGS__, 0)), \
                                                    ND_TAIL_(__VA_ARGS__, 0))
#define ND_HEAD_(x, ...) x
#define ND_TAIL_(x, ...) __VA_ARGS__

/* ------------------------------------------------------- the iterator */

/** The public face of the engine for kernel authors: walks n operands broadcast
 *  together, handing out inner loops (pointers, count, byte strides).
 *
 *      nd_iter *it = nd_iter_new(2, (nd_array *[]){ out, in }, 0);
 *      char **p; int64_t n; const int64_t *s;
 *      while (nd_iter_next(it, &p, &n, &s) > 0)
 *          for (int64_t k = 0; k < n; k++) ... p[0] + k * s[0] ...
 *      nd_iter_free(it);
 */
typedef struct nd_iter nd_iter;
enum {
    ND_ITER_C_ORDER = 1 << 0 /* visit in C order of the broadcast shape (no reordering) */
};
/** Operands broadcast against each other (operand 0 must not be broadcast-expanded
 *  if you write to it: that is checked by the caller).  NULL + error on mismatch. */
nd_iter *nd_iter_new(int nop, nd_array *const *ops, int flags);
/** Restrict to the flat range [start, end) of the iteration space (for threads). */
int nd_iter_range(nd_iter *it, int64_t start, int64_t end);
/** Total iteration size. */
int64_t nd_iter_size(const nd_iter *it);
/** Next inner loop: returns 1 and sets ptrs, count, strides; 0 when done. */
int nd_iter_next(nd_iter *it, char ***ptrs, int64_t *count, const int64_t **strides);
void nd_iter_free(nd_iter *it);

#ifdef __cplusplus
}
#endif
#endif
