/* nd/ufunc.h: universal functions (np.ufunc): elementwise operations with NumPy's
 * broadcasting, type resolution and casting, their methods (reduce, accumulate,
 * reduceat, outer, at), the reductions built on them (sum, prod, min, max, all, any,
 * cumsum, cumprod), floating-point error handling (np.seterr / np.errstate) and
 * custom ufuncs.  Include <nd.h>, not this file.
 *
 *     nd_array *c = nd_add(a, b);                    np.add(a, b)
 *     nd_array *d = nd_multiply(a, 2.0);             a * 2.0  (2.0 is a weak scalar)
 *     nd_add(a, 1, .out = a);                        a += 1   (returns a, no new reference)
 *     nd_array *s = nd_sum(a, .axis = ND_AXIS(0), .keepdims = true);
 *
 * Operands are arrays or C numbers (ND_OPERAND): C numbers are NumPy 2's "weak" Python
 * scalars (NEP 50): int8_array + 1 stays int8, float32_array * 2.0 stays float32, and
 * uint8_array + 300 fails with OverflowError "Python integer 300 out of bounds for uint8".
 * A strong typed scalar (nd_value_typed) behaves like a 0-d array of its dtype.
 *
 * Ownership: every nd_array * returned is new and owned by the caller, except when
 * `.out` is given: then `out` itself is returned (no new reference). */
#ifndef ND_UFUNC_H
#define ND_UFUNC_H

#include "nd/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ operands */

/** An operand of a ufunc: an array (array != NULL) or a scalar value. */
typedef struct nd_operand {
    const nd_array *array;
    nd_value value;
} nd_operand;

static inline nd_operand nd_operand_array_(const nd_array *a) { nd_operand o = { a, { 0, false, { 0 } } }; return o; }
static inline nd_operand nd_operand_value_(nd_value v) { nd_operand o = { 0, v }; return o; }
static inline nd_operand nd_operand_identity_(nd_operand o) { return o; }
static inline nd_operand nd_operand_bool_(_Bool x) { nd_operand o = { 0, { ND_BOOL, true, { .b = x } } }; return o; }
static inline nd_operand nd_operand_int_(long long x) { nd_operand o = { 0, { ND_INT64, true, { .i = x } } }; return o; }
static inline nd_operand nd_operand_uint_(unsigned long long x) {
    nd_operand o = { 0, { x > (unsigned long long)INT64_MAX ? ND_UINT64 : ND_INT64, true, { .u = x } } };
    return o;
}
static inline nd_operand nd_operand_double_(double x) { nd_operand o = { 0, { ND_FLOAT64, true, { .f = x } } }; return o; }
static inline nd_operand nd_operand_cdouble_(_Complex double z) {
    nd_operand o = { 0, { ND_COMPLEX128, true, { .c = { __real__ z, __imag__ z } } } };
    return o;
}

/** ND_OPERAND(x): an nd_array * (const or not), an nd_value, an nd_operand or any C
 *  number (a weak scalar). */
#define ND_OPERAND(x) _Generic((x), \
    nd_array *: nd_operand_array_, const nd_array *: nd_operand_array_, \
    nd_operand: nd_operand_identity_, nd_value: nd_operand_value_, \
    _Bool: nd_operand_bool_, \
    char: nd_operand_int_, signed char: nd_operand_int_, short: nd_operand_int_, \
    int: nd_operand_int_, long: nd_operand_int_, long long: nd_operand_int_, \
    unsigned char: nd_operand_int_, unsigned short: nd_operand_int_, \
    unsigned int: nd_operand_int_, unsigned long: nd_operand_uint_, \
    unsigned long long: nd_operand_uint_, \
    float: nd_operand_double_, double: nd_operand_double_, \
    _Complex float: nd_operand_cdouble_, _Complex double: nd_operand_cdouble_)(x)

/* ------------------------------------------------------------------ the ufunc */

/** A ufunc: name, inputs, outputs, identity and typed inner loops.  The built-ins are
 *  static (nd_ufunc_add ...); custom ones come from nd_ufunc_new / nd_ufunc_from_scalar
 *  and are released with nd_ufunc_free. */
typedef struct nd_ufunc nd_ufunc;

/** NumPy's inner-loop signature: n[0] elements; args[k] and steps[k] (bytes) are
 *  operand k's pointer and stride, inputs first then outputs; data is the loop's
 *  userdata.  A reduction is recognised as args[0] == args[nin] with steps[0] ==
 *  steps[nin] == 0 (NumPy's convention). */
typedef void (*nd_loop_fn)(char **args, const int64_t *n, const int64_t *steps, void *data);

/** ufunc.__name__ ("add"); "" for NULL. */
const char *nd_ufunc_name(const nd_ufunc *uf);
/** ufunc.nin / ufunc.nout / ufunc.nargs. */
int nd_ufunc_nin(const nd_ufunc *uf);
int nd_ufunc_nout(const nd_ufunc *uf);
/** ufunc.identity: returns true and sets *v (if v) when the ufunc has one (add: 0,
 *  multiply: 1, logical_and: True, bitwise_and: -1 ...), else false. */
bool nd_ufunc_identity(const nd_ufunc *uf, nd_value *v);
/** ufunc.ntypes and ufunc.types[k] in NumPy's "ii->i" form (borrowed text; NULL when
 *  out of range). */
int nd_ufunc_ntypes(const nd_ufunc *uf);
const char *nd_ufunc_type(const nd_ufunc *uf, int k);
/** Look a built-in up by NumPy's name ("add", "divide", "true_divide", "mod" ...);
 *  NULL + ValueError when unknown. */
const nd_ufunc *nd_ufunc_find(const char *name);

/** Options of every ufunc call. */
typedef struct nd_ufunc_opts {
    int _;
    nd_array *out;            /* out=: first output (returned without a new reference) */
    nd_array *out2;           /* second output (divmod); or use nd_ufunc_call's outs */
    const nd_array *where;    /* where=: bool mask, broadcast; outputs untouched where False */
    const nd_dtype_t *dtype;  /* dtype=: the output dtype (selects the loop) */
    nd_casting casting;       /* casting=: default same_kind */
    char order;               /* order= of new outputs: 'K' (default), 'C', 'F', 'A' */
    const nd_axes *axes;      /* generalized ufuncs, axes=: one nd_axes per operand
                                 (inputs then outputs) naming its core axes in order
                                 (negative counts from the end); operands without core
                                 dimensions take ND_AXIS_NONE.  NULL: the trailing axes */
} nd_ufunc_opts;

/** ufunc(*inputs, out=..., ...) for any ufunc.  in[0..nin) are the inputs; outs[k]
 *  (k < nout) receives output k: the array passed in `outs[k]` on entry (or o->out /
 *  o->out2) if not NULL, else a new array.  Returns 0, or -1 with an error (outputs the
 *  call allocated are freed and set to NULL then).
 *  With `where`, elements of newly allocated outputs where the mask is False are left
 *  uninitialized, as in NumPy. */
int nd_ufunc_call(const nd_ufunc *uf, const nd_operand *in, nd_array **outs, const nd_ufunc_opts *o);

/* ---------------------------------------------------- the built-in ufuncs */

extern const nd_ufunc *const nd_ufunc_add, *const nd_ufunc_subtract, *const nd_ufunc_multiply,
    *const nd_ufunc_divide, *const nd_ufunc_floor_divide, *const nd_ufunc_remainder,
    *const nd_ufunc_fmod, *const nd_ufunc_divmod, *const nd_ufunc_power, *const nd_ufunc_negative,
    *const nd_ufunc_positive, *const nd_ufunc_absolute, *const nd_ufunc_square, *const nd_ufunc_sqrt,
    *const nd_ufunc_equal, *const nd_ufunc_not_equal, *const nd_ufunc_less, *const nd_ufunc_less_equal,
    *const nd_ufunc_greater, *const nd_ufunc_greater_equal, *const nd_ufunc_logical_and,
    *const nd_ufunc_logical_or, *const nd_ufunc_logical_xor, *const nd_ufunc_logical_not,
    *const nd_ufunc_bitwise_and, *const nd_ufunc_bitwise_or, *const nd_ufunc_bitwise_xor,
    *const nd_ufunc_invert, *const nd_ufunc_left_shift, *const nd_ufunc_right_shift,
    *const nd_ufunc_maximum, *const nd_ufunc_minimum, *const nd_ufunc_fmax, *const nd_ufunc_fmin;
#define nd_ufunc_true_divide nd_ufunc_divide
#define nd_ufunc_mod nd_ufunc_remainder

/* Binary ufuncs: nd_<name>(x, y, options...) with x, y arrays or C numbers.
 * Returns a new array (or .out), NULL + error on failure: broadcast mismatch
 * (ValueError), no loop for the dtypes or a casting-rule violation (TypeError, NumPy's
 * UFuncTypeError text), weak integer out of range (OverflowError), floating-point
 * error under seterr raise (ND_ERR_FLOATING). */
#define ND_UFUNC_BINARY_(name) \
    nd_array *nd_##name##_ex(nd_operand x, nd_operand y, const nd_ufunc_opts *o);
#define ND_UFUNC_UNARY_(name) nd_array *nd_##name##_ex(nd_operand x, const nd_ufunc_opts *o);

/** np.add */
ND_UFUNC_BINARY_(add)
/** np.subtract (bool - bool is a TypeError, as NumPy) */
ND_UFUNC_BINARY_(subtract)
/** np.multiply */
ND_UFUNC_BINARY_(multiply)
/** np.divide / np.true_divide: int / int gives float64 */
ND_UFUNC_BINARY_(divide)
/** np.floor_divide: integer division by zero gives 0 and the divide flag */
ND_UFUNC_BINARY_(floor_divide)
/** np.remainder / np.mod: the sign of the divisor (Python's %) */
ND_UFUNC_BINARY_(remainder)
/** np.fmod: the sign of the dividend (C's fmod) */
ND_UFUNC_BINARY_(fmod)
/** np.power: integer ** negative integer is ValueError "Integers to negative integer
 *  powers are not allowed." */
ND_UFUNC_BINARY_(power)
/** np.equal, np.not_equal, np.less, np.less_equal, np.greater, np.greater_equal:
 *  bool results; numbers, and S or U strings (NUL padding ignored). */
ND_UFUNC_BINARY_(equal)
ND_UFUNC_BINARY_(not_equal)
ND_UFUNC_BINARY_(less)
ND_UFUNC_BINARY_(less_equal)
ND_UFUNC_BINARY_(greater)
ND_UFUNC_BINARY_(greater_equal)
/** np.logical_and / or / xor: bool results from truth values */
ND_UFUNC_BINARY_(logical_and)
ND_UFUNC_BINARY_(logical_or)
ND_UFUNC_BINARY_(logical_xor)
/** np.bitwise_and / or / xor on bool and integers */
ND_UFUNC_BINARY_(bitwise_and)
ND_UFUNC_BINARY_(bitwise_or)
ND_UFUNC_BINARY_(bitwise_xor)
/** np.left_shift / np.right_shift: shifts by >= the width give 0 (right shift of a
 *  negative value: -1), negative shift counts likewise, as NumPy */
ND_UFUNC_BINARY_(left_shift)
ND_UFUNC_BINARY_(right_shift)
/** np.maximum / np.minimum (NaN propagates), np.fmax / np.fmin (NaN ignored) */
ND_UFUNC_BINARY_(maximum)
ND_UFUNC_BINARY_(minimum)
ND_UFUNC_BINARY_(fmax)
ND_UFUNC_BINARY_(fmin)
/** np.negative (bool: TypeError), np.positive, np.absolute (complex -> real), np.square,
 *  np.sqrt, np.logical_not (bool result), np.invert (bitwise not; bool: logical not) */
ND_UFUNC_UNARY_(negative)
ND_UFUNC_UNARY_(positive)
ND_UFUNC_UNARY_(absolute)
ND_UFUNC_UNARY_(square)
ND_UFUNC_UNARY_(sqrt)
ND_UFUNC_UNARY_(logical_not)
ND_UFUNC_UNARY_(invert)

#define ND_UFUNC_OPTS_(...) (&(nd_ufunc_opts){ ._ = 0, __VA_ARGS__ })
#define nd_add(x, y, ...) nd_add_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_subtract(x, y, ...) nd_subtract_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_multiply(x, y, ...) nd_multiply_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_divide(x, y, ...) nd_divide_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_true_divide nd_divide
#define nd_floor_divide(x, y, ...) nd_floor_divide_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_remainder(x, y, ...) nd_remainder_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_mod nd_remainder
#define nd_fmod(x, y, ...) nd_fmod_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_power(x, y, ...) nd_power_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_equal(x, y, ...) nd_equal_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_not_equal(x, y, ...) nd_not_equal_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_less(x, y, ...) nd_less_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_less_equal(x, y, ...) nd_less_equal_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_greater(x, y, ...) nd_greater_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_greater_equal(x, y, ...) nd_greater_equal_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_logical_and(x, y, ...) nd_logical_and_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_logical_or(x, y, ...) nd_logical_or_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_logical_xor(x, y, ...) nd_logical_xor_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_bitwise_and(x, y, ...) nd_bitwise_and_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_bitwise_or(x, y, ...) nd_bitwise_or_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_bitwise_xor(x, y, ...) nd_bitwise_xor_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_left_shift(x, y, ...) nd_left_shift_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_right_shift(x, y, ...) nd_right_shift_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_maximum(x, y, ...) nd_maximum_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_minimum(x, y, ...) nd_minimum_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_fmax(x, y, ...) nd_fmax_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_fmin(x, y, ...) nd_fmin_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_negative(x, ...) nd_negative_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_positive(x, ...) nd_positive_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_absolute(x, ...) nd_absolute_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_abs nd_absolute
#define nd_square(x, ...) nd_square_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_sqrt(x, ...) nd_sqrt_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_logical_not(x, ...) nd_logical_not_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_invert(x, ...) nd_invert_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_bitwise_not nd_invert

/** np.divmod(x, y): *quot and *rem receive floor_divide and remainder (new arrays, or
 *  o->out / o->out2 when given).  Returns 0 or -1 (both set to NULL). */
int nd_divmod_ex(nd_operand x, nd_operand y, nd_array **quot, nd_array **rem, const nd_ufunc_opts *o);
#define nd_divmod(x, y, quot, rem, ...) nd_divmod_ex(ND_OPERAND(x), ND_OPERAND(y), (quot), (rem), ND_UFUNC_OPTS_(__VA_ARGS__))

/* ------------------------------------------------------------------ methods */

/** ND_AXIS_ALL: axis=None where a function's default is another axis (ufunc.reduce). */
#define ND_AXIS_ALL ((nd_axes){ .n = -1 })

/** Options of reductions (ufunc.reduce, sum, prod, min, max, all, any). */
typedef struct nd_reduce_opts {
    int _;
    nd_axes axis;             /* ND_AXIS(...); n == 0: the function's default (reduce: 0,
                                 sum etc.: all axes); ND_AXIS_ALL: all axes */
    bool keepdims;
    const nd_dtype_t *dtype;  /* accumulation and result dtype */
    nd_array *out;            /* returned without a new reference */
    const nd_array *where;    /* bool mask broadcast to the input; needs an identity or initial */
    nd_value initial;         /* initial=: used when .initial.dtype != NULL (ND_VALUE(x)) */
} nd_reduce_opts;

/** ufunc.reduce(a, axis=0, dtype, out, keepdims, initial, where) for binary ufuncs with
 *  one output.  Empty reductions use the identity (or initial); without one they fail
 *  with "zero-size array to reduction operation maximum which has no identity". */
nd_array *nd_ufunc_reduce_ex(const nd_ufunc *uf, const nd_array *a, const nd_reduce_opts *o);
#define nd_ufunc_reduce(uf, a, ...) nd_ufunc_reduce_ex((uf), (a), &(nd_reduce_opts){ ._ = 0, __VA_ARGS__ })

/** Options of accumulations (ufunc.accumulate, cumsum, cumprod). */
typedef struct nd_accumulate_opts {
    int _;
    nd_axes axis;             /* one axis; n == 0: default (accumulate: 0, cumsum: flattened) */
    const nd_dtype_t *dtype;
    nd_array *out;            /* returned without a new reference */
} nd_accumulate_opts;
/** ufunc.accumulate(a, axis=0, dtype, out). */
nd_array *nd_ufunc_accumulate_ex(const nd_ufunc *uf, const nd_array *a, const nd_accumulate_opts *o);
#define nd_ufunc_accumulate(uf, a, ...) nd_ufunc_accumulate_ex((uf), (a), &(nd_accumulate_opts){ ._ = 0, __VA_ARGS__ })

/** ufunc.reduceat(a, indices, axis, dtype, out): indices is a 1-d integer array;
 *  o->axis one axis (default 0). */
nd_array *nd_ufunc_reduceat_ex(const nd_ufunc *uf, const nd_array *a, const nd_array *indices,
                               const nd_accumulate_opts *o);
#define nd_ufunc_reduceat(uf, a, indices, ...) nd_ufunc_reduceat_ex((uf), (a), (indices), \
    &(nd_accumulate_opts){ ._ = 0, __VA_ARGS__ })

/** ufunc.outer(x, y): result shape x.shape + y.shape.  Options as a call. */
nd_array *nd_ufunc_outer_ex(const nd_ufunc *uf, nd_operand x, nd_operand y, const nd_ufunc_opts *o);
#define nd_ufunc_outer(uf, x, y, ...) nd_ufunc_outer_ex((uf), ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))

/** ufunc.at(a, indices, b): unbuffered in place a[indices] = uf(a[indices], b), so
 *  repeated indices accumulate.  indices: integer array indexing a's first axis
 *  (negative wraps).  For unary ufuncs pass b = ND_OPERAND(0) (ignored).  0 or -1. */
int nd_ufunc_at_ex(const nd_ufunc *uf, nd_array *a, const nd_array *indices, nd_operand b);
#define nd_ufunc_at(uf, a, indices, b) nd_ufunc_at_ex((uf), (a), (indices), ND_OPERAND(b))

/* ------------------------------------------------------------ reductions */

/** np.sum(a, axis=None, dtype, out, keepdims, initial, where): bool and small
 *  integers accumulate in int64 (uint64 for unsigned), floats pairwise as NumPy. */
nd_array *nd_sum_ex(const nd_array *a, const nd_reduce_opts *o);
/** np.prod, same rules as sum. */
nd_array *nd_prod_ex(const nd_array *a, const nd_reduce_opts *o);
/** np.max / np.amax and np.min / np.amin (NaN propagates; empty: ValueError unless initial). */
nd_array *nd_max_ex(const nd_array *a, const nd_reduce_opts *o);
nd_array *nd_min_ex(const nd_array *a, const nd_reduce_opts *o);
/** np.all / np.any: bool results. */
nd_array *nd_all_ex(const nd_array *a, const nd_reduce_opts *o);
nd_array *nd_any_ex(const nd_array *a, const nd_reduce_opts *o);
#define nd_sum(a, ...) nd_sum_ex((a), &(nd_reduce_opts){ ._ = 0, __VA_ARGS__ })
#define nd_prod(a, ...) nd_prod_ex((a), &(nd_reduce_opts){ ._ = 0, __VA_ARGS__ })
#define nd_max(a, ...) nd_max_ex((a), &(nd_reduce_opts){ ._ = 0, __VA_ARGS__ })
#define nd_min(a, ...) nd_min_ex((a), &(nd_reduce_opts){ ._ = 0, __VA_ARGS__ })
#define nd_amax nd_max
#define nd_amin nd_min
#define nd_all(a, ...) nd_all_ex((a), &(nd_reduce_opts){ ._ = 0, __VA_ARGS__ })
#define nd_any(a, ...) nd_any_ex((a), &(nd_reduce_opts){ ._ = 0, __VA_ARGS__ })

/** np.cumsum / np.cumprod(a, axis=None (flattened), dtype, out). */
nd_array *nd_cumsum_ex(const nd_array *a, const nd_accumulate_opts *o);
nd_array *nd_cumprod_ex(const nd_array *a, const nd_accumulate_opts *o);
#define nd_cumsum(a, ...) nd_cumsum_ex((a), &(nd_accumulate_opts){ ._ = 0, __VA_ARGS__ })
#define nd_cumprod(a, ...) nd_cumprod_ex((a), &(nd_accumulate_opts){ ._ = 0, __VA_ARGS__ })

/* ------------------------------------------------------------ statistics */

/** np.mean(a, axis=None, dtype, out, keepdims, where) (nd_reduce_opts; initial is
 *  ignored).  bool and integers average in float64, float16 in float32 (result
 *  float16), others in their own type.  An empty slice gives NaN and raises the
 *  invalid flag (NumPy's "Mean of empty slice" warning; see nd_seterr).  New array,
 *  or out; NULL + error (AxisError ...). */
nd_array *nd_mean_ex(const nd_array *a, const nd_reduce_opts *o);
#define nd_mean(a, ...) nd_mean_ex((a), &(nd_reduce_opts){ ._ = 0, __VA_ARGS__ })

/** Options of var / std / nanvar / nanstd: nd_reduce_opts' fields plus ddof. */
typedef struct nd_var_opts {
    int _;
    nd_axes axis;             /* n == 0: all axes */
    bool keepdims;
    const nd_dtype_t *dtype;  /* accumulation dtype (default float64 for bool/ints) */
    nd_array *out;            /* returned without a new reference */
    const nd_array *where;
    double ddof;              /* divisor is N - ddof (clamped at 0: inf/NaN result) */
} nd_var_opts;
/** np.var / np.std: mean of |x - x.mean()|^2 (complex input gives a real result),
 *  divided by max(N - ddof, 0). */
nd_array *nd_var_ex(const nd_array *a, const nd_var_opts *o);
nd_array *nd_std_ex(const nd_array *a, const nd_var_opts *o);
/** np.nanvar / np.nanstd: NaNs ignored; slices with N - ddof <= 0 give NaN. */
nd_array *nd_nanvar_ex(const nd_array *a, const nd_var_opts *o);
nd_array *nd_nanstd_ex(const nd_array *a, const nd_var_opts *o);
#define nd_var(a, ...) nd_var_ex((a), &(nd_var_opts){ ._ = 0, __VA_ARGS__ })
#define nd_std(a, ...) nd_std_ex((a), &(nd_var_opts){ ._ = 0, __VA_ARGS__ })
#define nd_nanvar(a, ...) nd_nanvar_ex((a), &(nd_var_opts){ ._ = 0, __VA_ARGS__ })
#define nd_nanstd(a, ...) nd_nanstd_ex((a), &(nd_var_opts){ ._ = 0, __VA_ARGS__ })

/** Options of argmax / argmin / nanargmax / nanargmin. */
typedef struct nd_arg_opts {
    int _;
    nd_axes axis;             /* one axis; n == 0: axis=None (flat C-order index) */
    bool keepdims;
    nd_array *out;            /* int64, the result's shape; returned without a new reference */
} nd_arg_opts;
/** np.argmax / np.argmin: int64 indices of the first extreme; the first NaN wins.
 *  Empty: ValueError "attempt to get argmax of an empty sequence". */
nd_array *nd_argmax_ex(const nd_array *a, const nd_arg_opts *o);
nd_array *nd_argmin_ex(const nd_array *a, const nd_arg_opts *o);
/** np.nanargmax / np.nanargmin: NaNs ignored; a slice of only NaNs is ValueError
 *  "All-NaN slice encountered". */
nd_array *nd_nanargmax_ex(const nd_array *a, const nd_arg_opts *o);
nd_array *nd_nanargmin_ex(const nd_array *a, const nd_arg_opts *o);
#define nd_argmax(a, ...) nd_argmax_ex((a), &(nd_arg_opts){ ._ = 0, __VA_ARGS__ })
#define nd_argmin(a, ...) nd_argmin_ex((a), &(nd_arg_opts){ ._ = 0, __VA_ARGS__ })
#define nd_nanargmax(a, ...) nd_nanargmax_ex((a), &(nd_arg_opts){ ._ = 0, __VA_ARGS__ })
#define nd_nanargmin(a, ...) nd_nanargmin_ex((a), &(nd_arg_opts){ ._ = 0, __VA_ARGS__ })

/** np.ptp(a, axis, out, keepdims): max - min in a's dtype (integers wrap, as NumPy). */
nd_array *nd_ptp_ex(const nd_array *a, const nd_reduce_opts *o);
#define nd_ptp(a, ...) nd_ptp_ex((a), &(nd_reduce_opts){ ._ = 0, __VA_ARGS__ })

/** Options of count_nonzero. */
typedef struct nd_count_nonzero_opts {
    int _;
    nd_axes axis;             /* n == 0: all axes */
    bool keepdims;
} nd_count_nonzero_opts;
/** np.count_nonzero(a, axis, keepdims): int64 counts (0-d for axis=None). */
nd_array *nd_count_nonzero_ex(const nd_array *a, const nd_count_nonzero_opts *o);
#define nd_count_nonzero(a, ...) nd_count_nonzero_ex((a), &(nd_count_nonzero_opts){ ._ = 0, __VA_ARGS__ })

/** np.nansum / np.nanprod (NaN counts as 0 / 1), np.nanmin / np.nanmax (fmin/fmax
 *  reduce: an all-NaN slice gives NaN), np.nanmean (NaN ignored; all-NaN slice gives
 *  NaN and the invalid flag).  Options and results as nd_sum. */
nd_array *nd_nansum_ex(const nd_array *a, const nd_reduce_opts *o);
nd_array *nd_nanprod_ex(const nd_array *a, const nd_reduce_opts *o);
nd_array *nd_nanmin_ex(const nd_array *a, const nd_reduce_opts *o);
nd_array *nd_nanmax_ex(const nd_array *a, const nd_reduce_opts *o);
nd_array *nd_nanmean_ex(const nd_array *a, const nd_reduce_opts *o);
#define nd_nansum(a, ...) nd_nansum_ex((a), &(nd_reduce_opts){ ._ = 0, __VA_ARGS__ })
#define nd_nanprod(a, ...) nd_nanprod_ex((a), &(nd_reduce_opts){ ._ = 0, __VA_ARGS__ })
#define nd_nanmin(a, ...) nd_nanmin_ex((a), &(nd_reduce_opts){ ._ = 0, __VA_ARGS__ })
#define nd_nanmax(a, ...) nd_nanmax_ex((a), &(nd_reduce_opts){ ._ = 0, __VA_ARGS__ })
#define nd_nanmean(a, ...) nd_nanmean_ex((a), &(nd_reduce_opts){ ._ = 0, __VA_ARGS__ })
/** np.nancumsum / np.nancumprod: NaN counts as 0 / 1. */
nd_array *nd_nancumsum_ex(const nd_array *a, const nd_accumulate_opts *o);
nd_array *nd_nancumprod_ex(const nd_array *a, const nd_accumulate_opts *o);
#define nd_nancumsum(a, ...) nd_nancumsum_ex((a), &(nd_accumulate_opts){ ._ = 0, __VA_ARGS__ })
#define nd_nancumprod(a, ...) nd_nancumprod_ex((a), &(nd_accumulate_opts){ ._ = 0, __VA_ARGS__ })

/** Options of nd_average. */
typedef struct nd_average_opts {
    int _;
    nd_axes axis;             /* n == 0: all axes */
    const nd_array *weights;  /* NULL: equal weights; else a's shape, or 1-d along one axis */
    nd_array **returned;      /* returned=True: receives the sum of weights (new array,
                                 the result's shape; caller frees) */
    bool keepdims;
} nd_average_opts;
/** np.average(a, axis, weights, returned, keepdims): sum(a * w) / sum(w) in
 *  result_type(a, w) (with float64 for bool/integer a).  Errors as NumPy: TypeError
 *  "Axis must be specified when shapes of a and weights differ.", "1D weights expected
 *  when shapes of a and weights differ.", ValueError "Length of weights not compatible
 *  with specified axis."; weights summing to 0 give ZeroDivisionError
 *  "Weights sum to zero, can't be normalized". */
nd_array *nd_average_ex(const nd_array *a, const nd_average_opts *o);
#define nd_average(a, ...) nd_average_ex((a), &(nd_average_opts){ ._ = 0, __VA_ARGS__ })

/* ------------------------------------------------- floating-point errors */

/** What to do with a floating-point error (np.seterr modes). */
typedef enum nd_fpe_mode {
    ND_FPE_DEFAULT = 0,  /* in nd_seterr: leave unchanged */
    ND_FPE_IGNORE,       /* the default for every category */
    ND_FPE_WARN,         /* call the warning handler (default handler prints to stderr) */
    ND_FPE_RAISE,        /* the call fails: ND_ERR_FLOATING, "divide by zero encountered in divide" */
    ND_FPE_CALL,         /* call the errcall function */
    ND_FPE_PRINT         /* like warn (NumPy prints a warning) */
} nd_fpe_mode;

/** Categories, as flags given to callbacks. */
enum { ND_FPE_DIVIDEBYZERO = 1, ND_FPE_OVERFLOW = 2, ND_FPE_UNDERFLOW = 4, ND_FPE_INVALID = 8 };

/** np.seterrcall's function: message ("divide by zero encountered in divide"), the
 *  category flag, and the userdata given with it. */
typedef void (*nd_fpe_callback)(const char *message, int flag, void *userdata);

/** The per-thread error state (np.geterr plus np.geterrcall). */
typedef struct nd_errstate {
    nd_fpe_mode divide, over, under, invalid;
    nd_fpe_callback call;
    void *call_data;
} nd_errstate;

/** Options of nd_seterr: `all` first, then the specific ones; DEFAULT leaves a field. */
typedef struct nd_seterr_opts {
    int _;
    nd_fpe_mode all, divide, over, under, invalid;
    nd_fpe_callback call;     /* np.seterrcall (kept if NULL) */
    void *call_data;
} nd_seterr_opts;

/** np.geterr() for this thread. */
nd_errstate nd_geterr(void);
/** np.seterr(...): changes this thread's state, returns the old one. */
nd_errstate nd_seterr_ex(const nd_seterr_opts *o);
#define nd_seterr(...) nd_seterr_ex(&(nd_seterr_opts){ ._ = 0, __VA_ARGS__ })
/** Restore a state returned by nd_seterr / nd_geterr. */
void nd_errstate_restore(const nd_errstate *s);
/** with np.errstate(...): the statement or block runs with the given settings, the old
 *  state comes back after it (do not leave the block with return/goto/break).
 *      ND_ERRSTATE(.divide = ND_FPE_RAISE) { r = nd_divide(a, b); } */
#define ND_ERRSTATE(...) for (nd_errstate nd_es_old_ = nd_seterr(__VA_ARGS__), *nd_es_p_ = &nd_es_old_; \
    nd_es_p_; nd_errstate_restore(nd_es_p_), nd_es_p_ = NULL)

/** The handler of ND_FPE_WARN/PRINT (Python's warnings): receives "RuntimeWarning:
 *  divide by zero encountered in divide".  NULL restores the default, which prints the
 *  line to stderr; the library prints nothing in any other way.  Per thread. */
typedef void (*nd_warning_fn)(const char *message, void *userdata);
void nd_set_warning_handler(nd_warning_fn fn, void *userdata);

/* ------------------------------------------------------------ custom ufuncs */

/** Options of nd_ufunc_new. */
typedef struct nd_ufunc_new_opts {
    int _;
    nd_value identity;        /* used when identity.dtype != NULL */
    bool reorderable;         /* reductions over several axes allowed without identity */
    const char *signature;    /* core signature of a generalized ufunc, NumPy's syntax:
                                 "(n),(n)->()", "(m,n),(n,p)->(m,p)", "(3),(3)->(3)",
                                 flexible "(m?,n),(n,p?)->(m?,p?)".  NULL (or only "()"
                                 operands): an elementwise ufunc.  Copied. */
} nd_ufunc_new_opts;

/** A new ufunc without loops (add them with nd_ufunc_add_loop).  name is copied.
 *  1 <= nin, 1 <= nout, nin + nout <= 8.  Free with nd_ufunc_free.
 *
 *  With .signature it is a generalized ufunc (NumPy's gufunc): each operand has core
 *  dimensions, the trailing ones of its shape (or the ones .axes names); the loop
 *  dimensions before them broadcast.  Its loops follow NumPy's gufunc convention:
 *  args[k] (inputs then outputs), dims[0] the number of loop iterations, dims[1 + d]
 *  the size of core dimension name d (in order of first appearance in the signature),
 *  steps[k] the loop stride of operand k, then the core strides (bytes) of every
 *  operand's core dimensions in signature order:
 *
 *      static void inner(char **args, const int64_t *dims, const int64_t *steps, void *d) {
 *          for (int64_t i = 0; i < dims[0]; i++) {          // "(n),(n)->()"
 *              double s = 0;
 *              for (int64_t k = 0; k < dims[1]; k++)
 *                  s += *(double *)(args[0] + i * steps[0] + k * steps[3]) *
 *                       *(double *)(args[1] + i * steps[1] + k * steps[4]);
 *              *(double *)(args[2] + i * steps[2]) = s;
 *          }
 *      }
 *      nd_ufunc *uf = nd_ufunc_new("inner1d", 2, 1, .signature = "(n),(n)->()");
 *      nd_ufunc_add_loop(uf, (const nd_dtype_t *[]){ ND_FLOAT64, ND_FLOAT64, ND_FLOAT64 }, inner, NULL);
 *
 *  A flexible name ("n?") may be missing: an operand with fewer dimensions than its
 *  core drops its flexible names (first to last, NumPy's rule) until it has enough, and
 *  a dropped name is gone from every operand for that call: the kernel sees size 1 and
 *  stride 0 for it and new outputs have no axis for it (np.matmul's 1-d cases).
 *
 *  A bad signature is ValueError with NumPy's text ("expect '(' at position 11 in
 *  \"(i),(i)->(),\"").  Calls check core sizes as NumPy ("inner1d: Input operand 1 has
 *  a mismatch in its core dimension 0, with gufunc signature (n),(n)->() (size 4 is
 *  different from 3)"), cast inputs that need it (whole-array copies, as NumPy),
 *  allocate outputs (loop shape + core shape, C order) and take .out, .dtype,
 *  .casting and .axes; .where is refused.  reduce/accumulate/reduceat/outer/at refuse
 *  generalized ufuncs, as NumPy. */
nd_ufunc *nd_ufunc_new_ex(const char *name, int nin, int nout, const nd_ufunc_new_opts *o);
#define nd_ufunc_new(name, nin, nout, ...) nd_ufunc_new_ex((name), (nin), (nout), \
    &(nd_ufunc_new_opts){ ._ = 0, __VA_ARGS__ })
/** Register a typed inner loop for the dtypes types[0 .. nin+nout) (numeric built-ins).
 *  Loops are searched in the order added: the first whose inputs all accept the
 *  operands under "safe" casting is used, others are cast in chunks.  0 or -1. */
int nd_ufunc_add_loop(nd_ufunc *uf, const nd_dtype_t *const *types, nd_loop_fn fn, void *data);

/** A scalar kernel: in[k] points at input k's value, out[k] at where to store output
 *  k (all of the ufunc's dtypes).  Return 0, or nonzero to stop the call with an error
 *  (record it with nd_error_set, else a generic ValueError is used). */
typedef int (*nd_scalar_fn)(const void *const *in, void *const *out, void *userdata);
/** np.frompyfunc / np.vectorize: a ufunc from a per-element C function over the given
 *  dtypes (types[0 .. nin+nout)).  Free with nd_ufunc_free. */
nd_ufunc *nd_ufunc_from_scalar(const char *name, int nin, int nout, const nd_dtype_t *const *types,
                               nd_scalar_fn fn, void *userdata, const nd_ufunc_new_opts *o);
/** ufunc.signature: the core signature of a generalized ufunc (borrowed), NULL for
 *  elementwise ufuncs (NumPy's None). */
const char *nd_ufunc_signature(const nd_ufunc *uf);
/** Release a custom ufunc (built-ins and NULL are ignored). */
void nd_ufunc_free(nd_ufunc *uf);

#ifdef __cplusplus
}
#endif
#endif
