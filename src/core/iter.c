/* The iterator: the one n-d walk of nd.  Operands arrive broadcast to one shape;
 * the walk orders axes for memory locality, drops length-1 axes, merges axes that
 * are contiguous for every operand, and hands out inner loops along the fastest axis.
 * A flat sub-range can be walked on its own, so threads can split the work. */
#include "core/internal.h"

int nd__broadcast(int nop, const nd_array *const *ops, int *ndim_out, int64_t *shape,
                  int64_t (*strides)[ND_MAXDIMS]) {
    int nd = 0;
    for (int k = 0; k < nop; k++)
        if (ops[k]->ndim > nd) nd = ops[k]->ndim;
    for (int i = 0; i < nd; i++) shape[i] = 1;
    for (int k = 0; k < nop; k++) {
        const nd_array *a = ops[k];
        for (int i = 0; i < a->ndim; i++) {
            int64_t d = a->shape[i], *s = &shape[nd - a->ndim + i];
            if (d == *s || d == 1) continue;
            if (*s == 1) { *s = d; continue; }
            /* NumPy's message lists every operand's shape, each followed by a space */
            char msg[1024], buf[512];
            int n = snprintf(msg, sizeof msg, "operands could not be broadcast together with shapes ");
            for (int j = 0; j < nop && n < (int)sizeof msg; j++)
                n += snprintf(msg + n, sizeof msg - (size_t)n, "%s ",
                              nd__shape_str(buf, sizeof buf, ops[j]->ndim, ops[j]->shape));
            nd__err(ND_ERR_VALUE, "%s", msg);
            return -1;
        }
    }
    for (int k = 0; k < nop; k++) {
        const nd_array *a = ops[k];
        int off = nd - a->ndim;
        for (int i = 0; i < nd; i++)
            strides[k][i] = (i < off || a->shape[i - off] == 1) ? 0 : a->strides[i - off];
    }
    *ndim_out = nd;
    return 0;
}

/* Does axis a (prepared index) want to be inside axis b?  Decided by the first operand
 * whose strides on both are nonzero; ties keep the current order. */
static bool inner_than(const nd__iter *it, int a, int b) {
    for (int k = 0; k < it->nop; k++) {
        int64_t sa = llabs(it->strides[a][k]), sb = llabs(it->strides[b][k]);
        if (sa && sb) {
            if (sa != sb) return sa < sb;
        }
    }
    return false;
}

/* NumPy's ordering rule (nditer's best axis ordering), for ND__ITER_KEEP_DIR: should
 * axis a, being inserted, go inside axis b (placed inner already)?  Every operand with
 * nonzero strides on both votes; one for which b's stride is not larger says no and
 * wins (C order wins conflicts).  1 yes, 0 no, -1 no operand decides (look further in). */
static int numpy_outer(const nd__iter *it, int a, int b) {
    int vote = -1;
    for (int k = 0; k < it->nop; k++) {
        int64_t sa = llabs(it->strides[a][k]), sb = llabs(it->strides[b][k]);
        if (!sa || !sb) continue;
        if (sb <= sa) vote = 0;
        else if (vote < 0) vote = 1;
    }
    return vote;
}

static void swap_axes(nd__iter *it, int a, int b) {
    int64_t t = it->shape[a]; it->shape[a] = it->shape[b]; it->shape[b] = t;
    for (int k = 0; k < it->nop; k++) {
        int64_t s = it->strides[a][k]; it->strides[a][k] = it->strides[b][k]; it->strides[b][k] = s;
    }
}

int nd__iter_prepare(nd__iter *it, int nop, int ndim, const int64_t *shape, char *const *data,
                     const int64_t *const *strides, int flags) {
    bool c_order = flags & ND__ITER_C_ORDER, keep_dir = flags & ND__ITER_KEEP_DIR;
    if (nop < 1 || nop > ND_ITER_MAXOP) { nd__err(ND_ERR_VALUE, "too many operands"); return -1; }
    it->nop = nop;
    it->size = 1;
    for (int i = 0; i < ndim; i++)
        if (shape[i] == 0) it->size = 0;
    for (int i = 0; i < ndim && it->size; i++) it->size *= shape[i];
    for (int k = 0; k < nop; k++) it->origin[k] = data[k];
    if (it->size == 0) { /* nothing to visit */
        it->ndim = 1;
        it->shape[0] = 0;
        for (int k = 0; k < nop; k++) it->strides[0][k] = it->inner_strides[k] = 0;
        nd__iter_set_range(it, 0, 0);
        return 0;
    }
    /* keep the non-trivial axes, innermost first (C order reversed) */
    int n = 0;
    for (int i = ndim - 1; i >= 0; i--) {
        if (shape[i] == 1) continue;
        it->shape[n] = shape[i];
        for (int k = 0; k < nop; k++) it->strides[n][k] = strides[k][i];
        n++;
    }
    if (!c_order && keep_dir) {
        /* NumPy's insertion: axis i goes inward past every axis that must be outside
         * it, skipping the pairs no operand decides */
        for (int i = 1; i < n; i++) {
            int pos = i;
            for (int j = i - 1; j >= 0; j--) {
                int v = numpy_outer(it, i, j);
                if (v == 1) pos = j;
                else if (v == 0) break;
            }
            for (int j = i; j > pos; j--) swap_axes(it, j, j - 1);
        }
    } else if (!c_order && it->size > 0) {
        /* walk reversed axes forwards when every operand runs backwards along them */
        for (int i = 0; i < n; i++) {
            bool neg = false, pos = false;
            for (int k = 0; k < nop; k++) {
                if (it->strides[i][k] < 0) neg = true;
                else if (it->strides[i][k] > 0) pos = true;
            }
            if (neg && !pos) {
                for (int k = 0; k < nop; k++) {
                    it->origin[k] += (it->shape[i] - 1) * it->strides[i][k];
                    it->strides[i][k] = -it->strides[i][k];
                }
            }
        }
        /* insertion sort, stable: smallest strides innermost */
        for (int i = 1; i < n; i++)
            for (int j = i; j > 0 && inner_than(it, j, j - 1); j--) swap_axes(it, j, j - 1);
    }
    /* merge axis i+1 into axis i when every operand steps through them as one */
    int m = 0;
    for (int i = 0; i < n; i++) {
        if (m > 0) {
            bool ok = true;
            for (int k = 0; k < nop && ok; k++)
                ok = it->strides[i][k] == it->strides[m - 1][k] * it->shape[m - 1];
            if (ok) { it->shape[m - 1] *= it->shape[i]; continue; }
        }
        if (m != i) {
            it->shape[m] = it->shape[i];
            for (int k = 0; k < nop; k++) it->strides[m][k] = it->strides[i][k];
        }
        m++;
    }
    if (m == 0) { /* 0-d or all length 1: one element */
        it->shape[0] = 1;
        for (int k = 0; k < nop; k++) it->strides[0][k] = 0;
        m = 1;
    }
    it->ndim = m;
    for (int k = 0; k < nop; k++) it->inner_strides[k] = it->strides[0][k];
    nd__iter_set_range(it, 0, it->size);
    return 0;
}

void nd__iter_set_range(nd__iter *it, int64_t start, int64_t end) {
    if (start < 0) start = 0;
    if (end > it->size) end = it->size;
    it->pos = start;
    it->end = end < start ? start : end;
    int64_t r = start;
    for (int i = 0; i < it->ndim; i++) {
        it->coord[i] = it->shape[i] ? r % it->shape[i] : 0;
        r = it->shape[i] ? r / it->shape[i] : 0;
    }
}

int64_t nd__iter_next(nd__iter *it) {
    if (it->pos >= it->end) return 0;
    for (int k = 0; k < it->nop; k++) {
        char *p = it->origin[k];
        for (int i = 0; i < it->ndim; i++) p += it->coord[i] * it->strides[i][k];
        it->ptr[k] = p;
    }
    int64_t n = it->shape[0] - it->coord[0];
    if (n > it->end - it->pos) n = it->end - it->pos;
    it->pos += n;
    it->coord[0] += n;
    for (int i = 0; i < it->ndim - 1 && it->coord[i] == it->shape[i]; i++) {
        it->coord[i] = 0;
        it->coord[i + 1]++;
    }
    return n;
}

int nd__iter_run(int nop, const nd_array *const *ops, bool c_order, nd__loop_fn loop, void *ud) {
    int nd;
    int64_t shape[ND_MAXDIMS], st[ND_ITER_MAXOP][ND_MAXDIMS];
    if (nop > ND_ITER_MAXOP) return nd_error_set(ND_ERR_VALUE, "too many operands");
    if (nd__broadcast(nop, ops, &nd, shape, st) < 0) return -1;
    char *data[ND_ITER_MAXOP];
    const int64_t *sp[ND_ITER_MAXOP];
    for (int k = 0; k < nop; k++) { data[k] = ops[k]->data; sp[k] = st[k]; }
    nd__iter it;
    if (nd__iter_prepare(&it, nop, nd, shape, data, sp, c_order) < 0) return -1;
    int64_t n;
    while ((n = nd__iter_next(&it)) > 0)
        if (loop(it.ptr, n, it.inner_strides, ud) < 0) return -1;
    return 0;
}

/* ---------------------------------------------------------- public face */

struct nd_iter {
    nd__iter it;
    nd_array *ops[ND_ITER_MAXOP];
};

nd_iter *nd_iter_new(int nop, nd_array *const *ops, int flags) {
    if (nop < 1 || nop > ND_ITER_MAXOP || !ops)
        return nd__err(ND_ERR_VALUE, "nd_iter_new: between 1 and %d operands are supported", ND_ITER_MAXOP);
    for (int k = 0; k < nop; k++)
        if (!ops[k]) return nd__err(ND_ERR_VALUE, "nd_iter_new: operand %d is NULL", k);
    int nd;
    int64_t shape[ND_MAXDIMS], st[ND_ITER_MAXOP][ND_MAXDIMS];
    if (nd__broadcast(nop, (const nd_array *const *)ops, &nd, shape, st) < 0) return NULL;
    nd_iter *x = nd__malloc(sizeof *x);
    if (!x) return NULL;
    char *data[ND_ITER_MAXOP];
    const int64_t *sp[ND_ITER_MAXOP];
    for (int k = 0; k < nop; k++) { data[k] = ops[k]->data; sp[k] = st[k]; x->ops[k] = nd_ref(ops[k]); }
    nd__iter_prepare(&x->it, nop, nd, shape, data, sp, flags & ND_ITER_C_ORDER);
    return x;
}

int nd_iter_range(nd_iter *x, int64_t start, int64_t end) {
    if (!x) return nd_error_set(ND_ERR_VALUE, "iterator must not be NULL");
    if (start < 0 || end < start || end > x->it.size)
        return nd_error_set(ND_ERR_VALUE, "iterator range [%lld, %lld) is outside [0, %lld)",
                            (long long)start, (long long)end, (long long)x->it.size);
    nd__iter_set_range(&x->it, start, end);
    return 0;
}

int64_t nd_iter_size(const nd_iter *x) { return x ? x->it.size : 0; }

int nd_iter_next(nd_iter *x, char ***ptrs, int64_t *count, const int64_t **strides) {
    if (!x) return 0;
    int64_t n = nd__iter_next(&x->it);
    if (n <= 0) return 0;
    if (ptrs) *ptrs = x->it.ptr;
    if (count) *count = n;
    if (strides) *strides = x->it.inner_strides;
    return 1;
}

void nd_iter_free(nd_iter *x) {
    if (!x) return;
    for (int k = 0; k < x->it.nop; k++) nd_free(x->ops[k]);
    nd__free(x, sizeof *x);
}
