/* nd/manip.h: shape manipulation (NumPy's "array manipulation routines"): moving
 * axes, joining, splitting, tiling and repeating, flipping and rolling, padding,
 * inserting and deleting, bit packing and applying C callbacks along axes.
 * Include <nd.h>, not this file.
 *
 * Lists of arrays are a C array and a count: nd_concatenate((nd_array *[]){ a, b }, 2).
 * Lists of integers (split points, shifts, pad widths, indices) are nd_ints literals:
 * ND_INTS(1, 2, 3).  As NumPy, the functions that NumPy documents as returning views
 * (moveaxis, rollaxis, atleast_*d, flip, fliplr, flipud, rot90, the pieces of split,
 * trim_zeros) return views sharing memory with their input; every other function
 * returns a new array.  All results are new handles the caller releases with nd_free,
 * except a `.out` given to concatenate/stack, which is returned as is (not a new
 * reference).  Errors: NULL (or -1) with NumPy's exception kind and message. */
#ifndef ND_MANIP_H
#define ND_MANIP_H

#include "core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A borrowed list of integers: n values at v (v may be NULL when n == 0). */
typedef struct nd_ints {
    int n;
    const int64_t *v;
} nd_ints;
/** ND_INTS(1, -2): an integer list literal. */
#define ND_INTS(...) ((nd_ints){ (int)(sizeof((int64_t[]){__VA_ARGS__}) / sizeof(int64_t)), \
                                 (const int64_t[]){__VA_ARGS__} })
#define ND_INTS0 ((nd_ints){ 0, NULL })

/* ------------------------------------------------------------- axes */

/** np.moveaxis(a, source, destination): a view.  AxisError for an axis out of range
 *  ("source: axis 2 is out of bounds ..."), ValueError for repeated axes or lists of
 *  different lengths. */
nd_array *nd_moveaxis(const nd_array *a, nd_axes source, nd_axes destination);
/** np.rollaxis(a, axis, start): a view (prefer nd_moveaxis, as NumPy says). */
nd_array *nd_rollaxis(const nd_array *a, int axis, int start);
/** np.atleast_1d / 2d / 3d of one array: a view with NumPy's added unit axes
 *  (2d: (N) -> (1, N); 3d: (N) -> (1, N, 1), (M, N) -> (M, N, 1)). */
nd_array *nd_atleast_1d(const nd_array *a);
nd_array *nd_atleast_2d(const nd_array *a);
nd_array *nd_atleast_3d(const nd_array *a);

/* ------------------------------------------------------------- joining */

/** Options of concatenate, stack and the *stack functions. */
typedef struct nd_concat_opts {
    int _;
    nd_axes axis;            /* ND_AXIS(k); default 0 (the *stack functions ignore it) */
    bool axis_none;          /* axis=None: flatten every input first (concatenate only) */
    nd_array *out;           /* write here (shape must match); returned, not a new handle */
    const nd_dtype_t *dtype; /* result dtype; default np.result_type of the inputs */
    nd_casting casting;      /* default same_kind */
} nd_concat_opts;

/** np.concatenate(arrays, axis=0, out=None, dtype=None, casting='same_kind').  The
 *  result's memory order follows the inputs, as NumPy's: F-ordered inputs give an
 *  F-ordered result, mixed layouts a C-ordered one (stack and the *stack functions
 *  likewise).  A new array, or .out. */
nd_array *nd_concatenate_ex(nd_array *const *arrays, int n, const nd_concat_opts *o);
#define nd_concatenate(arrays, n, ...) nd_concatenate_ex((arrays), (n), &(nd_concat_opts){ ._ = 0, __VA_ARGS__ })
/** np.stack(arrays, axis=0, out=None, dtype=None, casting='same_kind'). */
nd_array *nd_stack_ex(nd_array *const *arrays, int n, const nd_concat_opts *o);
#define nd_stack(arrays, n, ...) nd_stack_ex((arrays), (n), &(nd_concat_opts){ ._ = 0, __VA_ARGS__ })
/** np.vstack / np.hstack / np.dstack / np.column_stack (dtype and casting honoured). */
nd_array *nd_vstack_ex(nd_array *const *arrays, int n, const nd_concat_opts *o);
nd_array *nd_hstack_ex(nd_array *const *arrays, int n, const nd_concat_opts *o);
nd_array *nd_dstack_ex(nd_array *const *arrays, int n, const nd_concat_opts *o);
nd_array *nd_column_stack_ex(nd_array *const *arrays, int n, const nd_concat_opts *o);
#define nd_vstack(arrays, n, ...) nd_vstack_ex((arrays), (n), &(nd_concat_opts){ ._ = 0, __VA_ARGS__ })
#define nd_hstack(arrays, n, ...) nd_hstack_ex((arrays), (n), &(nd_concat_opts){ ._ = 0, __VA_ARGS__ })
#define nd_dstack(arrays, n, ...) nd_dstack_ex((arrays), (n), &(nd_concat_opts){ ._ = 0, __VA_ARGS__ })
#define nd_column_stack(arrays, n, ...) nd_column_stack_ex((arrays), (n), &(nd_concat_opts){ ._ = 0, __VA_ARGS__ })
/** np.append(arr, values, axis=None): flattened unless .axis is given. */
nd_array *nd_append_ex(const nd_array *arr, const nd_array *values, const nd_concat_opts *o);
#define nd_append(arr, values, ...) nd_append_ex((arr), (values), &(nd_concat_opts){ ._ = 0, __VA_ARGS__ })

/** One node of the nested list np.block takes: either an array (leaf) or a list of
 *  n nodes.  Build it with ND_BLOCK(...) and ND_LEAF(a):
 *      nd_block(ND_BLOCK(ND_BLOCK(ND_LEAF(A), ND_LEAF(B)),
 *                        ND_BLOCK(ND_LEAF(C), ND_LEAF(D))))     np.block([[A, B], [C, D]]) */
typedef struct nd_block_item {
    const nd_array *array;              /* leaf when non-NULL */
    int n;                              /* list: n items */
    const struct nd_block_item *items;
} nd_block_item;
#define ND_LEAF(a) ((nd_block_item){ (a), 0, NULL })
#define ND_BLOCK(...) ((nd_block_item){ NULL, \
    (int)(sizeof((nd_block_item[]){__VA_ARGS__}) / sizeof(nd_block_item)), (const nd_block_item[]){__VA_ARGS__} })
#define ND_BLOCK0 ((nd_block_item){ NULL, 0, NULL })
/** np.block(arrays): a new array; NumPy's errors for empty lists and mismatched depths. */
nd_array *nd_block(nd_block_item arrays);

/* ------------------------------------------------------------- splitting */

typedef struct nd_split_opts {
    int _;
    nd_axes axis;   /* default 0 (hsplit/vsplit/dsplit fix their own axis) */
    nd_ints indices; /* split points: used instead of the section count when n > 0 */
} nd_split_opts;
/** np.split(a, sections_or_indices, axis): writes the pieces (views) to out, which
 *  must have room for `sections` handles (or indices.n + 1).  Returns the number of
 *  pieces, or -1 (ValueError "array split does not result in an equal division"). */
int nd_split_ex(const nd_array *a, int64_t sections, nd_array **out, const nd_split_opts *o);
#define nd_split(a, sections, out, ...) nd_split_ex((a), (sections), (out), &(nd_split_opts){ ._ = 0, __VA_ARGS__ })
/** np.array_split: sections need not divide the axis (the first pieces are longer). */
int nd_array_split_ex(const nd_array *a, int64_t sections, nd_array **out, const nd_split_opts *o);
#define nd_array_split(a, sections, out, ...) nd_array_split_ex((a), (sections), (out), &(nd_split_opts){ ._ = 0, __VA_ARGS__ })
/** np.hsplit / np.vsplit / np.dsplit (axis 1, or 0 for 1-d / axis 0 / axis 2). */
int nd_hsplit_ex(const nd_array *a, int64_t sections, nd_array **out, const nd_split_opts *o);
int nd_vsplit_ex(const nd_array *a, int64_t sections, nd_array **out, const nd_split_opts *o);
int nd_dsplit_ex(const nd_array *a, int64_t sections, nd_array **out, const nd_split_opts *o);
#define nd_hsplit(a, sections, out, ...) nd_hsplit_ex((a), (sections), (out), &(nd_split_opts){ ._ = 0, __VA_ARGS__ })
#define nd_vsplit(a, sections, out, ...) nd_vsplit_ex((a), (sections), (out), &(nd_split_opts){ ._ = 0, __VA_ARGS__ })
#define nd_dsplit(a, sections, out, ...) nd_dsplit_ex((a), (sections), (out), &(nd_split_opts){ ._ = 0, __VA_ARGS__ })

/* ------------------------------------------------------------- tiling, repeating */

/** np.tile(A, reps): a new array. */
nd_array *nd_tile(const nd_array *a, nd_ints reps);

typedef struct nd_repeat_opts {
    int _;
    nd_axes axis;   /* ND_AXIS(k); default None: the flattened array */
    nd_ints counts; /* per-element repeat counts (length 1 or the axis length); overrides repeats */
} nd_repeat_opts;
/** np.repeat(a, repeats, axis=None). */
nd_array *nd_repeat_ex(const nd_array *a, int64_t repeats, const nd_repeat_opts *o);
#define nd_repeat(a, repeats, ...) nd_repeat_ex((a), (repeats), &(nd_repeat_opts){ ._ = 0, __VA_ARGS__ })

/** np.resize(a, new_shape): repeats a's flattened elements to fill the new shape. */
nd_array *nd_resize(const nd_array *a, nd_shape_t new_shape);

/* ------------------------------------------------------------- flipping, rolling */

typedef struct nd_flip_opts { int _; nd_axes axis; /* default: every axis */ } nd_flip_opts;
/** np.flip(m, axis=None): a view. */
nd_array *nd_flip_ex(const nd_array *m, const nd_flip_opts *o);
#define nd_flip(m, ...) nd_flip_ex((m), &(nd_flip_opts){ ._ = 0, __VA_ARGS__ })
/** np.fliplr (>= 2-d) and np.flipud (>= 1-d): views. */
nd_array *nd_fliplr(const nd_array *m);
nd_array *nd_flipud(const nd_array *m);

typedef struct nd_rot90_opts { int _; nd_axes axes; /* two axes; default (0, 1) */ } nd_rot90_opts;
/** np.rot90(m, k=1, axes=(0, 1)): a view. */
nd_array *nd_rot90_ex(const nd_array *m, int64_t k, const nd_rot90_opts *o);
#define nd_rot90(m, k, ...) nd_rot90_ex((m), (k), &(nd_rot90_opts){ ._ = 0, __VA_ARGS__ })

typedef struct nd_roll_opts { int _; nd_axes axis; /* default None: the flattened array */ } nd_roll_opts;
/** np.roll(a, shift, axis=None): shift and axis broadcast together (a shift per
 *  axis, shifts of a repeated axis add up).  A new array. */
nd_array *nd_roll_ex(const nd_array *a, nd_ints shift, const nd_roll_opts *o);
#define nd_roll(a, shift, ...) nd_roll_ex((a), (shift), &(nd_roll_opts){ ._ = 0, __VA_ARGS__ })

/* ------------------------------------------------------------- padding */

typedef enum nd_pad_mode {
    ND_PAD_CONSTANT = 0, ND_PAD_EDGE, ND_PAD_LINEAR_RAMP, ND_PAD_MAXIMUM, ND_PAD_MEAN,
    ND_PAD_MEDIAN, ND_PAD_MINIMUM, ND_PAD_REFLECT, ND_PAD_SYMMETRIC, ND_PAD_WRAP, ND_PAD_EMPTY
} nd_pad_mode;

/** Per-axis values as NumPy accepts them: 1 value (every side), 2 values (before,
 *  after for every axis) or 2 * ndim values ((before, after) per axis). */
typedef struct nd_pad_opts {
    int _;
    nd_pad_mode mode;         /* default constant */
    const double *constant_values; int n_constant_values; /* default 0 */
    const double *end_values; int n_end_values;           /* linear_ramp; default 0 */
    nd_ints stat_length;      /* maximum/mean/median/minimum; default: the whole axis */
    bool odd;                 /* reflect_type='odd' (reflect, symmetric) */
} nd_pad_opts;
/** ND_PAD_VALUES(1.0, 2.0): sets .constant_values and its count together. */
#define ND_PAD_VALUES(...) .constant_values = (const double[]){__VA_ARGS__}, \
    .n_constant_values = (int)(sizeof((double[]){__VA_ARGS__}) / sizeof(double))
#define ND_PAD_END_VALUES(...) .end_values = (const double[]){__VA_ARGS__}, \
    .n_end_values = (int)(sizeof((double[]){__VA_ARGS__}) / sizeof(double))
/** np.pad(array, pad_width, mode, **kwargs): pad_width is 1, 2 or 2 * ndim integers
 *  (see nd_pad_opts).  Every mode takes every numeric dtype, complex included:
 *  maximum/minimum/mean/median are nd_max/nd_min/nd_mean/nd_median of the
 *  stat_length values (so NaN propagates and complex compares lexicographically, as
 *  NumPy), rounded half to even for integer arrays; linear_ramp is NumPy 2's
 *  linspace (computed in double, complex per component, cast once; integers floored).
 *  A new array; NULL + ValueError for bad widths. */
nd_array *nd_pad_ex(const nd_array *a, nd_ints pad_width, const nd_pad_opts *o);
#define nd_pad(a, pad_width, ...) nd_pad_ex((a), (pad_width), &(nd_pad_opts){ ._ = 0, __VA_ARGS__ })

/* ------------------------------------------------------------- insert, delete, trim */

typedef struct nd_insdel_opts {
    int _;
    nd_axes axis;   /* default None: the flattened array */
    nd_ints indices; /* a list of indices (NumPy's obj as a sequence); overrides the scalar */
    const bool *mask; /* delete: a boolean mask, one entry per position of the axis (overrides both) */
} nd_insdel_opts;
/** np.insert(arr, index, values, axis=None); .indices gives the sequence form
 *  (values then broadcast to one slice per index, NumPy's rule).  values is cast
 *  to arr's dtype.  A new array. */
nd_array *nd_insert_ex(const nd_array *arr, int64_t index, const nd_array *values, const nd_insdel_opts *o);
#define nd_insert(arr, index, values, ...) nd_insert_ex((arr), (index), (values), &(nd_insdel_opts){ ._ = 0, __VA_ARGS__ })
/** np.delete(arr, index, axis=None); .indices / .mask give the other forms. */
nd_array *nd_delete_ex(const nd_array *arr, int64_t index, const nd_insdel_opts *o);
#define nd_delete(arr, index, ...) nd_delete_ex((arr), (index), &(nd_insdel_opts){ ._ = 0, __VA_ARGS__ })
typedef struct nd_trim_zeros_opts {
    int _;
    const char *trim; /* "fb" (default, also NULL), "bf", "f" or "b"; any case */
    nd_axes axis;     /* n == 0: None (every axis); ND_AXIS(k): that axis only */
} nd_trim_zeros_opts;
/** np.trim_zeros(filt, trim='fb', axis=None), NumPy 2.2: cuts filt to the bounding box
 *  of its nonzero elements (NaN is nonzero, -0.0 is zero) on every axis, or only on
 *  .axis; trim "f"/"b" keeps the back/front.  An all-zero array gives an empty slice;
 *  1-d input ignores .axis and 0-d input is returned whole.  A view of filt.  NULL +
 *  ValueError "unexpected character(s) in `trim`: 'x'" or AxisError. */
nd_array *nd_trim_zeros_ex(const nd_array *filt, const nd_trim_zeros_opts *o);
#define nd_trim_zeros(filt, ...) nd_trim_zeros_ex((filt), &(nd_trim_zeros_opts){ ._ = 0, __VA_ARGS__ })

/* ------------------------------------------------------------- bits */

typedef struct nd_bits_opts {
    int _;
    nd_axes axis;       /* default None: the flattened array */
    bool little;        /* bitorder='little' */
    bool has_count;     /* unpackbits: count given */
    int64_t count;      /* unpackbits: bits to keep (negative: drop from the end) */
} nd_bits_opts;
/** np.packbits(a, axis=None, bitorder='big'): uint8 result; a integer or bool. */
nd_array *nd_packbits_ex(const nd_array *a, const nd_bits_opts *o);
#define nd_packbits(a, ...) nd_packbits_ex((a), &(nd_bits_opts){ ._ = 0, __VA_ARGS__ })
/** np.unpackbits(a, axis=None, count=None, bitorder='big'): a must be uint8. */
nd_array *nd_unpackbits_ex(const nd_array *a, const nd_bits_opts *o);
#define nd_unpackbits(a, ...) nd_unpackbits_ex((a), &(nd_bits_opts){ ._ = 0, __VA_ARGS__ })

/* ------------------------------------------------------------- callbacks */

/** Callback of nd_apply_along_axis: receives a 1-d read-only view (borrowed) and
 *  returns a new array (nd takes it and frees it) or NULL after setting an error. */
typedef nd_array *(*nd_apply_fn)(const nd_array *x, void *userdata);
/** np.apply_along_axis(func1d, axis, arr): the first result fixes the dtype and the
 *  shape of the values put where the axis was. */
nd_array *nd_apply_along_axis(nd_apply_fn func1d, int axis, const nd_array *arr, void *userdata);
/** Callback of nd_apply_over_axes: func(a, axis) returning a new array (nd frees it)
 *  with a's ndim or one less. */
typedef nd_array *(*nd_apply_axis_fn)(const nd_array *a, int axis, void *userdata);
/** np.apply_over_axes(func, a, axes). */
nd_array *nd_apply_over_axes(nd_apply_axis_fn func, const nd_array *a, nd_axes axes, void *userdata);

#ifdef __cplusplus
}
#endif
#endif
