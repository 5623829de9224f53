/* Splitting into views: split, array_split, hsplit, vsplit, dsplit. */
#include "manip/manip.h"

/* Python slicing of [start, stop) on an axis of length n (step 1): clamped bounds. */
static void py_slice(int64_t n, int64_t *start, int64_t *stop) {
    int64_t s = *start, e = *stop;
    if (s < 0) { s += n; if (s < 0) s = 0; } else if (s > n) s = n;
    if (e < 0) { e += n; if (e < 0) e = 0; } else if (e > n) e = n;
    if (e < s) e = s;
    *start = s;
    *stop = e;
}

static int fail_pieces(nd_array **out, int made) {
    for (int i = 0; i < made; i++) { nd_free(out[i]); out[i] = NULL; }
    return -1;
}

/* equal: np.split's divisibility rule. */
static int do_split(const nd_array *a, int64_t sections, nd_array **out, const nd_split_opts *o, int axis_in, bool equal) {
    if (!a || !out) { nd_error_set(ND_ERR_VALUE, "array and out must not be NULL"); return -1; }
    int axis = axis_in;
    if (axis < -a->ndim || axis >= a->ndim) { nd_error_set(ND_ERR_INDEX, "tuple index out of range"); return -1; }
    if (axis < 0) axis += a->ndim;
    int64_t n = a->shape[axis];
    if (o && o->indices.n > 0) {
        if (!o->indices.v) { nd_error_set(ND_ERR_VALUE, "indices must not be NULL"); return -1; }
        int k = o->indices.n;
        for (int i = 0; i <= k; i++) {
            int64_t s = i ? o->indices.v[i - 1] : 0, e = i < k ? o->indices.v[i] : n;
            py_slice(n, &s, &e);
            if (!(out[i] = nd__m_range(a, axis, s, e - s, 1))) return fail_pieces(out, i);
        }
        return k + 1;
    }
    if (sections <= 0) { nd_error_set(ND_ERR_VALUE, "number sections must be larger than 0."); return -1; }
    if (sections > INT32_MAX) { nd_error_set(ND_ERR_VALUE, "too many sections"); return -1; }
    if (equal && n % sections) { nd_error_set(ND_ERR_VALUE, "array split does not result in an equal division"); return -1; }
    int64_t each = n / sections, extra = n % sections, pos = 0;
    for (int64_t i = 0; i < sections; i++) {
        int64_t len = each + (i < extra);
        if (!(out[i] = nd__m_range(a, axis, pos, len, 1))) return fail_pieces(out, (int)i);
        pos += len;
    }
    return (int)sections;
}

static int opt_axis(const nd_split_opts *o) { return o && o->axis.n ? o->axis.v[0] : 0; }

int nd_split_ex(const nd_array *a, int64_t sections, nd_array **out, const nd_split_opts *o) {
    return do_split(a, sections, out, o, opt_axis(o), true);
}

int nd_array_split_ex(const nd_array *a, int64_t sections, nd_array **out, const nd_split_opts *o) {
    return do_split(a, sections, out, o, opt_axis(o), false);
}

int nd_hsplit_ex(const nd_array *a, int64_t sections, nd_array **out, const nd_split_opts *o) {
    if (a && a->ndim == 0) { nd_error_set(ND_ERR_VALUE, "hsplit only works on arrays of 1 or more dimensions"); return -1; }
    return do_split(a, sections, out, o, a && a->ndim > 1 ? 1 : 0, true);
}

int nd_vsplit_ex(const nd_array *a, int64_t sections, nd_array **out, const nd_split_opts *o) {
    if (a && a->ndim < 2) { nd_error_set(ND_ERR_VALUE, "vsplit only works on arrays of 2 or more dimensions"); return -1; }
    return do_split(a, sections, out, o, 0, true);
}

int nd_dsplit_ex(const nd_array *a, int64_t sections, nd_array **out, const nd_split_opts *o) {
    if (a && a->ndim < 3) { nd_error_set(ND_ERR_VALUE, "dsplit only works on arrays of 3 or more dimensions"); return -1; }
    return do_split(a, sections, out, o, 2, true);
}
