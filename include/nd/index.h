/* nd/index.h: advanced indexing (integer arrays, boolean masks, every mix with the
 * basic items), the indexing routines of NumPy (take, put, where, nonzero, choose,
 * diagonal, meshgrid, ...) and stride tricks.  Include <nd.h>, not this file.
 *
 * Indexing from C, two ways (both give a view for basic indices and a copy as soon
 * as an array takes part, as NumPy):
 *
 *  1. The string form parses NumPy's own syntax.  Placeholders take C arguments in
 *     the order they appear, as printf:
 *         %a           an nd_array * index (integer or boolean array, any shape)
 *         %d %ld %lld  an int / long / long long, wherever an integer may stand,
 *                      also inside slices: "%d:%d:%d"
 *         %zd          a ptrdiff_t
 *     Literal lists are integer (or boolean) index arrays: "[0, 2, -1]",
 *     "[[0, 1], [1, 0]]", "[True, False, True]"; True / False alone are 0-d masks.
 *
 *         nd_get(a, "%a, 1:3", idx)             a[idx, 1:3]
 *         nd_get(a, "..., %d", k)               a[..., k]
 *         nd_get(a, "[0, 2], ::-1")             a[[0, 2], ::-1]
 *         nd_set(a, "%a", v, mask)              a[mask] = v      (value first, then the placeholders)
 *         nd_set_value(a, "%a, :", 0.0, rows)   a[rows, :] = 0.0
 *
 *  2. The structured form: nd_index items, with ND_A(arr) for an index array:
 *         nd_index_get(a, 2, (nd_index[]){ ND_A(idx), ND_S(1, 3, 1) })
 *
 * Result shapes follow NumPy: integer scalars count as advanced indices once an array
 * is present; the broadcast shape of the index arrays replaces the indexed axes in
 * place when the advanced items are adjacent, and goes first when a slice, newaxis or
 * ellipsis separates them.  Assignment broadcasts the value to that shape and casts
 * it (unsafe, as NumPy's setitem); with repeated indices the last write wins. */
#ifndef ND_INDEX_H
#define ND_INDEX_H

#include <stdarg.h>
#include "nd/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------ index items */

/* ---------------------------------------------------------- take and put */

/** NumPy's mode= of take/put/choose/ravel_multi_index. */
typedef enum nd_clipmode { ND_CLIPMODE_RAISE = 0, ND_CLIPMODE_WRAP, ND_CLIPMODE_CLIP } nd_clipmode;

typedef struct nd_take_opts {
    int _;
    nd_axes axis;      /* n == 0: None (take from the flattened array) */
    nd_clipmode mode;  /* raise (default), wrap, clip (clip: negatives become 0) */
    nd_array *out;     /* optional destination of the result's shape */
} nd_take_opts;
nd_array *nd_take_ex(const nd_array *a, const nd_array *indices, const nd_take_opts *o);
/** np.take(a, indices, axis=None, out=None, mode='raise').  A 0-d a takes axis 0 or -1 as a 1-d
 *  one (NumPy's rule).  New array (or .out). */
#define nd_take(a, indices, ...) nd_take_ex((a), (indices), &(nd_take_opts){ ._ = 0, __VA_ARGS__ })

/** np.put(a, ind, v, mode): a.flat[ind] = v, v repeated as needed.  0 or -1. */
int nd_put(nd_array *a, const nd_array *ind, const nd_array *v, nd_clipmode mode);
/** np.take_along_axis(arr, indices, axis): axis ND_AXIS(k), or ND_AXIS_NONE to
 *  flatten arr (indices then 1-d). */
nd_array *nd_take_along_axis(const nd_array *arr, const nd_array *indices, nd_axes axis);
/** np.put_along_axis(arr, indices, values, axis).  0 or -1. */
int nd_put_along_axis(nd_array *arr, const nd_array *indices, const nd_array *values, nd_axes axis);

typedef struct nd_choose_opts { int _; nd_clipmode mode; nd_array *out; } nd_choose_opts;
nd_array *nd_choose_ex(const nd_array *a, int n, const nd_array *const *choices, const nd_choose_opts *o);
/** np.choose(a, choices, out=None, mode='raise'): up to 63 choices, as NumPy 2 (more:
 *  ValueError "Need at least 0 and at most 64 array objects."). */
#define nd_choose(a, n, choices, ...) nd_choose_ex((a), (n), (choices), &(nd_choose_opts){ ._ = 0, __VA_ARGS__ })

typedef struct nd_compress_opts { int _; nd_axes axis; nd_array *out; } nd_compress_opts;
nd_array *nd_compress_ex(const nd_array *condition, const nd_array *a, const nd_compress_opts *o);
/** np.compress(condition, a, axis=None, out=None). */
#define nd_compress(condition, a, ...) nd_compress_ex((condition), (a), &(nd_compress_opts){ ._ = 0, __VA_ARGS__ })
/** np.extract(condition, arr): ravel(arr)[ravel(condition) != 0]. */
nd_array *nd_extract(const nd_array *condition, const nd_array *arr);
/** np.place(arr, mask, vals): true places take vals in order, cycled; vals must cast safely
 *  to arr's dtype (NumPy's TypeError).  0 or -1. */
int nd_place(nd_array *arr, const nd_array *mask, const nd_array *vals);
/** np.putmask(a, mask, values): a.flat[n] = values.flat[n % len] where mask; values must
 *  cast safely to a's dtype (NumPy's TypeError).  0 or -1. */
int nd_putmask(nd_array *a, const nd_array *mask, const nd_array *values);
/** np.copyto(dst, src, casting, where): copy where `where` (broadcast) is true;
 *  where NULL copies everything.  casting DEFAULT means same_kind.  0 or -1. */
int nd_copyto_where(nd_array *dst, const nd_array *src, nd_casting casting, const nd_array *where);

/* ------------------------------------------------------- where and nonzero */

/** np.where(condition, x, y): x where condition else y, broadcast, dtype
 *  result_type(x, y).  New array.  (The one-argument form is nd_nonzero.) */
nd_array *nd_where(const nd_array *condition, const nd_array *x, const nd_array *y);
/** np.nonzero(a): writes a.ndim int64 arrays to out (room for max(ndim, 1)) and
 *  returns ndim, or -1.  0-d input is an error, as NumPy 2. */
int nd_nonzero(const nd_array *a, nd_array **out);
/** np.argwhere(a): int64 (N, a.ndim). */
nd_array *nd_argwhere(const nd_array *a);
/** np.flatnonzero(a): int64 indices into ravel(a). */
nd_array *nd_flatnonzero(const nd_array *a);

typedef struct nd_select_opts { int _; const nd_array *default_value; /* NULL: 0 */ } nd_select_opts;
nd_array *nd_select_ex(int n, const nd_array *const *condlist, const nd_array *const *choicelist,
                       const nd_select_opts *o);
/** np.select(condlist, choicelist, default=0). */
#define nd_select(n, condlist, choicelist, ...) nd_select_ex((n), (condlist), (choicelist), \
    &(nd_select_opts){ ._ = 0, __VA_ARGS__ })

/** One piece of nd_piecewise: fn(x_selected, userdata) returns a new array (or 0-d)
 *  of values for the selected elements (NULL = error); when fn is NULL, `value`. */
typedef struct nd_piece {
    nd_array *(*fn)(const nd_array *x, void *userdata);
    void *userdata;
    nd_value value;
} nd_piece;
/** np.piecewise(x, condlist, funclist): nfuncs == ncond, or ncond + 1 with the last
 *  piece for "otherwise".  Result has x's dtype and shape; unselected places are 0. */
nd_array *nd_piecewise(const nd_array *x, int ncond, const nd_array *const *condlist, int nfuncs,
                       const nd_piece *funclist);

/* ------------------------------------------------------------- diagonals */

typedef struct nd_diagonal_opts { int _; int64_t offset; nd_axes axes; /* n == 0: (0, 1) */ } nd_diagonal_opts;
nd_array *nd_diagonal_ex(const nd_array *a, const nd_diagonal_opts *o);
/** np.diagonal(a, offset=0, axis1=0, axis2=1): a read-only view, as NumPy.  Axes:
 *  .axes = ND_AXIS(axis1, axis2). */
#define nd_diagonal(a, ...) nd_diagonal_ex((a), &(nd_diagonal_opts){ ._ = 0, __VA_ARGS__ })
/** np.fill_diagonal(a, val, wrap): val an array (cycled) or use nd_fill_diagonal. 0 or -1. */
int nd_fill_diagonal_array(nd_array *a, const nd_array *val, bool wrap);
int nd_fill_diagonal_ex(nd_array *a, nd_value val, bool wrap);
#define nd_fill_diagonal(a, val, wrap) nd_fill_diagonal_ex((a), ND_VALUE(val), (wrap))
/** np.diag_indices(n, ndim): ndim int64 arrays into out.  Returns ndim or -1. */
int nd_diag_indices(int64_t n, int ndim, nd_array **out);

typedef struct nd_tri_indices_opts { int _; int64_t k; int64_t m; bool m_set; } nd_tri_indices_opts;
int nd_tril_indices_ex(int64_t n, nd_array **rows, nd_array **cols, const nd_tri_indices_opts *o);
int nd_triu_indices_ex(int64_t n, nd_array **rows, nd_array **cols, const nd_tri_indices_opts *o);
/** np.tril_indices(n, k=0, m=None) / np.triu_indices: .m = 3 (or .m_set with 0). 0 or -1. */
#define nd_tril_indices(n, rows, cols, ...) nd_tril_indices_ex((n), (rows), (cols), \
    &(nd_tri_indices_opts){ ._ = 0, __VA_ARGS__ })
#define nd_triu_indices(n, rows, cols, ...) nd_triu_indices_ex((n), (rows), (cols), \
    &(nd_tri_indices_opts){ ._ = 0, __VA_ARGS__ })

/* ---------------------------------------------------- index conversions */

/** np.unravel_index(indices, shape, order): shape.ndim int64 arrays into out.
 *  Returns shape.ndim or -1. */
int nd_unravel_index(const nd_array *indices, nd_shape_t shape, char order, nd_array **out);

typedef struct nd_ravel_multi_index_opts {
    int _;
    nd_clipmode mode;         /* one mode for every axis ... */
    const nd_clipmode *modes; /* ... or one per axis (dims.ndim entries) */
    char order;               /* 'C' (default) or 'F' */
} nd_ravel_multi_index_opts;
nd_array *nd_ravel_multi_index_ex(int n, const nd_array *const *multi_index, nd_shape_t dims,
                                  const nd_ravel_multi_index_opts *o);
/** np.ravel_multi_index(multi_index, dims, mode='raise', order='C'). */
#define nd_ravel_multi_index(n, multi_index, dims, ...) nd_ravel_multi_index_ex((n), (multi_index), (dims), \
    &(nd_ravel_multi_index_opts){ ._ = 0, __VA_ARGS__ })

typedef struct nd_indices_opts { int _; const nd_dtype_t *dtype; /* default int64 */ bool sparse; } nd_indices_opts;
int nd_indices_ex(nd_shape_t dimensions, nd_array **out, const nd_indices_opts *o);
/** np.indices(dimensions, dtype=int, sparse=False): dense writes one array of shape
 *  (ndim, *dimensions) to out[0] and returns 1; sparse writes ndim arrays, returns ndim. */
#define nd_indices(dimensions, out, ...) nd_indices_ex((dimensions), (out), &(nd_indices_opts){ ._ = 0, __VA_ARGS__ })

typedef struct nd_meshgrid_opts {
    int _;
    char indexing;   /* 'x' ("xy", default) or 'i' ("ij") */
    bool sparse;
    bool no_copy;    /* copy=False: read-only broadcast views */
} nd_meshgrid_opts;
int nd_meshgrid_ex(int n, const nd_array *const *xi, nd_array **out, const nd_meshgrid_opts *o);
/** np.meshgrid(*xi, indexing='xy', sparse=False, copy=True): n arrays into out.  0 / -1. */
#define nd_meshgrid(n, xi, out, ...) nd_meshgrid_ex((n), (xi), (out), &(nd_meshgrid_opts){ ._ = 0, __VA_ARGS__ })
/** np.ix_(*args): n open-mesh arrays (boolean inputs become their nonzero indices). 0 / -1. */
int nd_ix(int n, const nd_array *const *seqs, nd_array **out);

/** np.mgrid[...] / np.ogrid[...] with the slice text of NumPy: "0:5, 0:3",
 *  "-1:1:5j" (a complex step is a point count, endpoint included), "0:1:0.25".
 *  int64 when every number is an integer, else float64.  mgrid returns the dense
 *  (n, ...) array; ogrid writes n open arrays to out and returns n (or -1). */
nd_array *nd_mgrid(const char *slices);
int nd_ogrid(const char *slices, nd_array **out);

/* ---------------------------------------------------------- stride tricks */

/** Byte strides for nd_as_strided (an nd_shape_t literal, so commas are macro-safe). */
#define ND_STRIDES(...) ND_SHAPE(__VA_ARGS__)
#define ND_STRIDES_KEEP ((nd_shape_t){ -1, NULL })
typedef struct nd_as_strided_opts {
    int _;
    bool readonly;   /* writeable=False */
    bool unchecked;  /* allow a view reaching outside x's memory (NumPy's behaviour) */
} nd_as_strided_opts;
nd_array *nd_as_strided_ex(const nd_array *x, nd_shape_t shape, nd_shape_t strides,
                           const nd_as_strided_opts *o);
/** np.lib.stride_tricks.as_strided(x, shape, strides, writeable=True): a view, no copy.
 *  Strides in bytes, written ND_STRIDES(16, 8); ND_STRIDES_KEEP keeps x's.  Unlike NumPy, a view reaching outside the memory of x is
 *  refused (ValueError) unless .unchecked = true. */
#define nd_as_strided(x, shape, strides, ...) nd_as_strided_ex((x), (shape), (strides), \
    &(nd_as_strided_opts){ ._ = 0, __VA_ARGS__ })

typedef struct nd_sliding_window_opts { int _; nd_axes axis; /* n == 0: every axis */ bool writeable; } nd_sliding_window_opts;
nd_array *nd_sliding_window_view_ex(const nd_array *x, nd_shape_t window_shape, const nd_sliding_window_opts *o);
/** np.lib.stride_tricks.sliding_window_view(x, window_shape, axis=None,
 *  writeable=False): a read-only view of shape (x's shape shrunk by the windows, then
 *  the window axes). */
#define nd_sliding_window_view(x, window_shape, ...) nd_sliding_window_view_ex((x), (window_shape), \
    &(nd_sliding_window_opts){ ._ = 0, __VA_ARGS__ })

#ifdef __cplusplus
}
#endif
#endif
