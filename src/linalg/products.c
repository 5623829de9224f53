/* Products: matmul and everything NumPy builds from a matrix product (dot, inner, outer,
 * tensordot, kron, vdot, vecdot, trace, multi_dot, matrix_power), plus cross and
 * matrix_transpose.  Every product ends in nd__gemm (gemm.c), called once per matrix
 * of a stack by the iterator walking the broadcast leading dimensions. */
#include "linalg/la_internal.h"

#include <stdio.h>

/* ------------------------------------------------------------ helpers */

static const nd_dtype_t *product_dtype(const char *fname, const nd_array *a, const nd_array *b) {
    if (!nd__is_numeric(a->dtype) || !nd__is_numeric(b->dtype))
        return nd__err(ND_ERR_TYPE, "%s: unsupported operand dtypes %s and %s", fname, a->dtype->name,
                       b->dtype->name);
    const nd_dtype_t *pair[2] = { a->dtype, b->dtype };
    return nd_result_type(2, pair);
}

/* An operand nd__gemm can read: dtype dt, aligned, strides multiples of the item size. */
static nd_array *operand(const nd_array *a, const nd_dtype_t *dt) {
    bool ok = a->dtype == dt && (a->flags & ND_ALIGNED);
    for (int i = 0; ok && i < a->ndim; i++) ok = a->strides[i] % dt->itemsize == 0;
    if (ok) return nd_ref((nd_array *)a);
    return nd_astype_ex(a, dt, &(nd_astype_opts){ .order = 'C' });
}

/* A view of a with a length-1 axis inserted at position pos. */
static nd_array *with_axis(const nd_array *a, int pos) {
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    int n = 0;
    for (int i = 0; i <= a->ndim; i++) {
        if (i == pos) { shape[n] = 1; strides[n] = a->dtype->itemsize; n++; }
        if (i < a->ndim) { shape[n] = a->shape[i]; strides[n] = a->strides[i]; n++; }
    }
    return nd__view(a, a->dtype, n, shape, strides, a->data);
}

/* c[...] = a[...] @ b[...] over the batch dims of c (a, b broadcast to them, right
 * aligned); a, b, c share one dtype; a is (.., n, k), b (.., k, m), c (.., n, m). */
static int matmul_into(const nd_array *a, const nd_array *b, nd_array *c) {
    int nb = c->ndim - 2;
    int64_t n = c->shape[nb], m = c->shape[nb + 1], k = a->shape[a->ndim - 1];
    int64_t rsa = a->strides[a->ndim - 2], csa = a->strides[a->ndim - 1];
    int64_t rsb = b->strides[b->ndim - 2], csb = b->strides[b->ndim - 1];
    int64_t rsc = c->strides[nb], csc = c->strides[nb + 1];
    if (nb == 0)
        return nd__gemm(c->dtype, n, m, k, a->data, rsa, csa, b->data, rsb, csb, c->data, rsc, csc);
    if (nd_size(c) == 0) return 0;
    int64_t sa[ND_MAXDIMS] = { 0 }, sb[ND_MAXDIMS] = { 0 };
    for (int i = 0; i < a->ndim - 2; i++) {
        int d = nb - (a->ndim - 2) + i;
        sa[d] = a->shape[i] == 1 ? 0 : a->strides[i];
    }
    for (int i = 0; i < b->ndim - 2; i++) {
        int d = nb - (b->ndim - 2) + i;
        sb[d] = b->shape[i] == 1 ? 0 : b->strides[i];
    }
    nd__iter *it = nd__malloc(sizeof *it);
    if (!it) { nd__nomem(); return -1; }
    char *data[3] = { c->data, a->data, b->data };
    const int64_t *st[3] = { c->strides, sa, sb };
    int r = nd__iter_prepare(it, 3, nb, c->shape, data, st, false);
    int64_t cnt;
    while (r == 0 && (cnt = nd__iter_next(it)) > 0) {
        char *pc = it->ptr[0], *pa = it->ptr[1], *pb = it->ptr[2];
        for (int64_t q = 0; q < cnt && r == 0; q++) {
            r = nd__gemm(c->dtype, n, m, k, pa, rsa, csa, pb, rsb, csb, pc, rsc, csc);
            pc += it->inner_strides[0];
            pa += it->inner_strides[1];
            pb += it->inner_strides[2];
        }
    }
    nd__free(it, sizeof *it);
    return r < 0 ? -1 : 0;
}

static char *remap_str(char *buf, size_t cap, const nd_array *a) {
    char sh[1024];
    nd__shape_str(sh, sizeof sh, a->ndim, a->shape);
    size_t k = (size_t)snprintf(buf, cap, "%s->(", sh);
    for (int i = 0; i < a->ndim - 2 && k < cap; i++) k += (size_t)snprintf(buf + k, cap - k, "%lld,", (long long)a->shape[i]);
    if (k < cap) snprintf(buf + k, cap - k, "newaxis,newaxis)");
    return buf;
}

/* The matmul of >= 2-d operands of one dtype into a new array; 1-d promotion is the
 * caller's. */
static nd_array *matmul_nd(const nd_array *a, const nd_array *b, const char *fname) {
    if (a->shape[a->ndim - 1] != b->shape[b->ndim - 2])
        return nd__err(ND_ERR_VALUE,
                       "%s: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
                       "(n?,k),(k,m?)->(n?,m?) (size %lld is different from %lld)",
                       fname, (long long)b->shape[b->ndim - 2], (long long)a->shape[a->ndim - 1]);
    int nb = (a->ndim > b->ndim ? a->ndim : b->ndim) - 2;
    int64_t shape[ND_MAXDIMS];
    for (int d = 0; d < nb; d++) {
        int ia = d - (nb - (a->ndim - 2)), ib = d - (nb - (b->ndim - 2));
        int64_t da = ia >= 0 ? a->shape[ia] : 1, db = ib >= 0 ? b->shape[ib] : 1;
        if (da != db && da != 1 && db != 1) {
            char s1[1200], s2[1200], s3[64];
            return nd__err(ND_ERR_VALUE,
                           "operands could not be broadcast together with remapped shapes [original->remapped]: "
                           "%s %s  and requested shape %s",
                           remap_str(s1, sizeof s1, a), remap_str(s2, sizeof s2, b),
                           nd__shape_str(s3, sizeof s3, 2,
                                         (int64_t[]){ a->shape[a->ndim - 2], b->shape[b->ndim - 1] }));
        }
        shape[d] = da == 1 ? db : da;
    }
    shape[nb] = a->shape[a->ndim - 2];
    shape[nb + 1] = b->shape[b->ndim - 1];
    nd_array *c = nd__new(a->dtype, nb + 2, shape, 'C', false);
    if (!c) return NULL;
    if (matmul_into(a, b, c) < 0) { nd_free(c); return NULL; }
    return c;
}

nd_array *nd_matmul_ex(const nd_array *a, const nd_array *b, const nd_matmul_opts *o) {
    if (!a || !b) return nd__err(ND_ERR_VALUE, "matmul: NULL operand");
    for (int i = 0; i < 2; i++) {
        const nd_array *x = i ? b : a;
        if (x->ndim == 0)
            return nd__err(ND_ERR_VALUE,
                           "matmul: Input operand %d does not have enough dimensions (has 0, gufunc core with "
                           "signature (n?,k),(k,m?)->(n?,m?) requires 1)", i);
    }
    const nd_dtype_t *dt = product_dtype("matmul", a, b);
    if (!dt) return NULL;
    nd_array *A = operand(a, dt), *B = A ? operand(b, dt) : NULL, *res = NULL;
    if (!B) goto done;
    bool va = A->ndim == 1, vb = B->ndim == 1;
    if (va) { nd_array *t = with_axis(A, 0); nd_free(A); A = t; if (!A) goto done; }
    if (vb) { nd_array *t = with_axis(B, 1); nd_free(B); B = t; if (!B) goto done; }
    res = matmul_nd(A, B, "matmul");
    if (res && (va || vb)) { /* drop the promoted axes */
        int64_t shape[ND_MAXDIMS];
        int n = 0;
        for (int i = 0; i < res->ndim; i++) {
            if (va && i == res->ndim - 2) continue;
            if (vb && i == res->ndim - 1) continue;
            shape[n++] = res->shape[i];
        }
        nd_array *t = nd_reshape_ex(res, (nd_shape_t){ n, shape }, 'C');
        nd_free(res);
        res = t;
    }
done:
    nd_free(A);
    nd_free(B);
    if (res && o && o->out) { /* NumPy's order: the output cast, its core dims, its loop dims */
        const nd_array *out = o->out;
        int nco = 2 - va - vb, nlr = res->ndim - nco, nlo = out->ndim - nco;
        const char *sig = "(n?,k),(k,m?)->(n?,m?)";
        char s1[1024], s2[1024];
        bool bad = true;
        if (!nd_can_cast(res->dtype, out->dtype, ND_CASTING_SAME_KIND))
            nd__err(ND_ERR_TYPE, "Cannot cast ufunc 'matmul' output from dtype('%s') to dtype('%s') with casting rule "
                    "'same_kind'", nd_dtype_name(res->dtype), nd_dtype_name(out->dtype));
        else if (nlo < 0)
            nd__err(ND_ERR_VALUE, "matmul: Output operand 0 does not have enough dimensions (has %d, gufunc core with "
                    "signature %s requires %d)", out->ndim, sig, nco);
        else {
            bad = false;
            bool said = false;
            for (int j = 0; j < nco && !bad; j++)
                if (out->shape[nlo + j] != res->shape[nlr + j]) {
                    nd__err(ND_ERR_VALUE, "matmul: Output operand 0 has a mismatch in its core dimension %d, with gufunc "
                            "signature %s (size %lld is different from %lld)", j, sig, (long long)out->shape[nlo + j],
                            (long long)res->shape[nlr + j]);
                    bad = said = true;
                }
            /* the loop dimensions broadcast to out's (never the other way) */
            for (int j = 0; j < nlr && !bad; j++) {
                int64_t r = res->shape[nlr - 1 - j], w = j < nlo ? out->shape[nlo - 1 - j] : -1;
                if (w < 0 || (r != w && r != 1)) bad = true;
            }
            if (bad && !said) {
                int64_t bs[ND_MAXDIMS];
                int nb = nlr > nlo ? nlr : nlo;
                for (int j = 0; j < nb; j++) {
                    int64_t r = j < nlr ? res->shape[nlr - 1 - j] : 1, w = j < nlo ? out->shape[nlo - 1 - j] : 1;
                    bs[nb - 1 - j] = r == 1 ? w : r;
                }
                nd__err(ND_ERR_VALUE, "non-broadcastable output operand with shape %s doesn't match the broadcast shape %s",
                        nd__shape_str(s1, sizeof s1, nlo, out->shape), nd__shape_str(s2, sizeof s2, nb, bs));
            }
        }
        if (bad) {
            nd_free(res);
            return NULL;
        }
        int r = nd_copyto(o->out, res, ND_CASTING_SAME_KIND);
        nd_free(res);
        return r < 0 ? NULL : o->out;
    }
    return res;
}

/* ------------------------------------------------------- tensordot family */

static void *not_aligned(const nd_array *a, const nd_array *b, int ia, int ib) {
    char s1[1024], s2[1024];
    return nd__err(ND_ERR_VALUE, "shapes %s and %s not aligned: %lld (dim %d) != %lld (dim %d)",
                   nd__shape_str(s1, sizeof s1, a->ndim, a->shape), nd__shape_str(s2, sizeof s2, b->ndim, b->shape),
                   (long long)a->shape[ia], ia, (long long)b->shape[ib], ib);
}

/* sum over a's axes ax[0..n) paired with b's bx[0..n): result a's free axes then b's.
 * Axes are already normalized and checked. */
static nd_array *contract(const nd_array *a, const nd_array *b, int n, const int *ax, const int *bx) {
    if (a->ndim + b->ndim - 2 * n > ND_MAXDIMS) /* NumPy's reshape to the result shape */
        return nd__err(ND_ERR_VALUE, "maximum supported dimension for an ndarray is currently %d, found %d", ND_MAXDIMS,
                       a->ndim + b->ndim - 2 * n);
    const nd_dtype_t *dt = product_dtype("tensordot", a, b);
    if (!dt) return NULL;
    int pa[ND_MAXDIMS], pb[ND_MAXDIMS], na = 0, nbf = 0;
    bool used[ND_MAXDIMS] = { false };
    int64_t rshape[ND_MAXDIMS], M = 1, N = 1, K = 1;
    int rn = 0;
    for (int i = 0; i < n; i++) used[ax[i]] = true;
    for (int i = 0; i < a->ndim; i++)
        if (!used[i]) { pa[na++] = i; M *= a->shape[i]; rshape[rn++] = a->shape[i]; }
    for (int i = 0; i < n; i++) { pa[na + i] = ax[i]; K *= a->shape[ax[i]]; }
    memset(used, 0, sizeof used);
    for (int i = 0; i < n; i++) { used[bx[i]] = true; pb[i] = bx[i]; }
    for (int i = 0; i < b->ndim; i++)
        if (!used[i]) { pb[n + nbf++] = i; N *= b->shape[i]; rshape[rn++] = b->shape[i]; }
    nd_array *at = nd_transpose(a, pa), *bt = nd_transpose(b, pb), *A2 = NULL, *B2 = NULL, *A = NULL, *B = NULL,
             *c = NULL;
    if (!at || !bt) goto done;
    A2 = nd_reshape_ex(at, (nd_shape_t){ 2, (int64_t[]){ M, K } }, 'C');
    B2 = A2 ? nd_reshape_ex(bt, (nd_shape_t){ 2, (int64_t[]){ K, N } }, 'C') : NULL;
    if (!B2) goto done;
    A = operand(A2, dt);
    B = A ? operand(B2, dt) : NULL;
    if (!B) goto done;
    c = nd__new(dt, rn, rshape, 'C', false);
    if (!c) goto done;
    if (M * N > 0) {
        int64_t e = dt->itemsize;
        if (nd__gemm(dt, M, N, K, A->data, A->strides[0], A->strides[1], B->data, B->strides[0], B->strides[1],
                     c->data, N * e, e) < 0) {
            nd_free(c);
            c = NULL;
        }
    }
done:
    nd_free(at); nd_free(bt); nd_free(A2); nd_free(B2); nd_free(A); nd_free(B);
    return c;
}

nd_array *nd_tensordot_ex(const nd_array *a, const nd_array *b, const nd_tensordot_opts *o) {
    if (!a || !b) return nd__err(ND_ERR_VALUE, "tensordot: NULL operand");
    int ax[ND_MAXDIMS], bx[ND_MAXDIMS], n;
    /* NumPy pairs the axes one by one: indexing a's or b's shape past its end is an
     * IndexError, the first unequal pair (or unequal counts) a shape mismatch */
    if (o && o->a_axes.n > 0) {
        if (o->a_axes.n != o->b_axes.n) return nd__err(ND_ERR_VALUE, "shape-mismatch for sum");
        n = o->a_axes.n;
        for (int i = 0; i < n; i++) {
            ax[i] = o->a_axes.v[i];
            bx[i] = o->b_axes.v[i];
        }
    } else {
        n = o && o->axes_set ? o->axes : 2;
        if (n < 0) return nd__err(ND_ERR_VALUE, "shape-mismatch for sum");
        if (n > ND_MAXDIMS) return nd__err(ND_ERR_INDEX, "tuple index out of range"); /* a's shape[-n] */
        for (int i = 0; i < n; i++) { ax[i] = i - n; bx[i] = i; }
    }
    for (int i = 0; i < n; i++) {
        if (ax[i] < -a->ndim || ax[i] >= a->ndim || bx[i] < -b->ndim || bx[i] >= b->ndim)
            return nd__err(ND_ERR_INDEX, "tuple index out of range");
        ax[i] = ax[i] < 0 ? ax[i] + a->ndim : ax[i];
        bx[i] = bx[i] < 0 ? bx[i] + b->ndim : bx[i];
        if (a->shape[ax[i]] != b->shape[bx[i]]) return nd__err(ND_ERR_VALUE, "shape-mismatch for sum");
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < i; j++)
            if (ax[j] == ax[i] || bx[j] == bx[i]) return nd__err(ND_ERR_VALUE, "repeated axis in tensordot");
    return contract(a, b, n, ax, bx);
}

nd_array *nd_dot(const nd_array *a, const nd_array *b) {
    if (!a || !b) return nd__err(ND_ERR_VALUE, "dot: NULL operand");
    if (a->ndim == 0 || b->ndim == 0) /* scaling: a contraction over nothing */
        return contract(a, b, 0, NULL, NULL);
    int ia = a->ndim - 1, ib = b->ndim >= 2 ? b->ndim - 2 : 0;
    if (a->shape[ia] != b->shape[ib]) return not_aligned(a, b, ia, ib);
    if (a->ndim + b->ndim - 2 > ND_MAXDIMS) return nd__err(ND_ERR_VALUE, "dot: too many dimensions in result");
    return contract(a, b, 1, &ia, &ib);
}

nd_array *nd_inner(const nd_array *a, const nd_array *b) {
    if (!a || !b) return nd__err(ND_ERR_VALUE, "inner: NULL operand");
    if (a->ndim == 0 || b->ndim == 0) return contract(a, b, 0, NULL, NULL);
    int ia = a->ndim - 1, ib = b->ndim - 1;
    if (a->shape[ia] != b->shape[ib]) {
        nd_array *bt = b->ndim >= 2 ? nd_swapaxes(b, -1, -2) : nd_ref((nd_array *)b);
        if (bt) not_aligned(a, bt, ia, b->ndim >= 2 ? b->ndim - 2 : 0);
        nd_free(bt);
        return NULL;
    }
    if (a->ndim + b->ndim - 2 > ND_MAXDIMS) return nd__err(ND_ERR_VALUE, "dot: too many dimensions in result");
    return contract(a, b, 1, &ia, &ib);
}

nd_array *nd_outer(const nd_array *a, const nd_array *b) {
    if (!a || !b) return nd__err(ND_ERR_VALUE, "outer: NULL operand");
    nd_array *x = nd_ravel(a, 'C'), *y = x ? nd_ravel(b, 'C') : NULL, *r = NULL;
    if (y) r = contract(x, y, 0, NULL, NULL);
    nd_free(x);
    nd_free(y);
    return r;
}

nd_array *nd_kron(const nd_array *a, const nd_array *b) {
    if (!a || !b) return nd__err(ND_ERR_VALUE, "kron: NULL operand");
    int nd = a->ndim > b->ndim ? a->ndim : b->ndim;
    if (2 * nd > ND_MAXDIMS) /* NumPy builds the (a dims, b dims) outer product first */
        return nd__err(ND_ERR_VALUE, "maximum supported dimension for an ndarray is currently %d, found %d", ND_MAXDIMS, 2 * nd);
    int64_t sa[ND_MAXDIMS], sb[ND_MAXDIMS], rs[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) {
        int ia = i - (nd - a->ndim), ib = i - (nd - b->ndim);
        sa[i] = ia >= 0 ? a->shape[ia] : 1;
        sb[i] = ib >= 0 ? b->shape[ib] : 1;
        if (!nd__mul_ok(sa[i], sb[i], &rs[i])) return nd__err(ND_ERR_VALUE, "array is too big");
    }
    /* outer product shaped (a dims..., b dims...), axes interleaved, then merged */
    nd_array *a2 = nd_reshape_ex(a, (nd_shape_t){ nd, sa }, 'C'), *b2 = a2 ? nd_reshape_ex(b, (nd_shape_t){ nd, sb }, 'C') : NULL;
    nd_array *o = b2 ? contract(a2, b2, 0, NULL, NULL) : NULL, *t = NULL, *r = NULL;
    if (o) {
        int perm[2 * ND_MAXDIMS];
        for (int i = 0; i < nd; i++) { perm[2 * i] = i; perm[2 * i + 1] = nd + i; }
        if (2 * nd <= ND_MAXDIMS) {
            t = nd_transpose(o, perm);
            if (t) r = nd_reshape_ex(t, (nd_shape_t){ nd, rs }, 'C');
        } else {
            nd__err(ND_ERR_VALUE, "kron: too many dimensions");
        }
    }
    nd_free(a2); nd_free(b2); nd_free(o); nd_free(t);
    return r;
}

/* conj(x) as a new contiguous array (x itself, referenced, when not complex). */
static nd_array *conj_copy(const nd_array *x, const nd_dtype_t *dt) {
    nd_array *c = nd_astype_ex(x, dt, &(nd_astype_opts){ .order = 'C' });
    if (!c || !nd_dtype_is_complex(dt)) return c;
    int64_t n = nd_size(c);
    if (dt->type == ND_TYPE_COMPLEX128) {
        double *p = (double *)c->data;
        for (int64_t i = 0; i < n; i++) p[2 * i + 1] = -p[2 * i + 1];
    } else {
        float *p = (float *)c->data;
        for (int64_t i = 0; i < n; i++) p[2 * i + 1] = -p[2 * i + 1];
    }
    return c;
}

nd_array *nd_vdot(const nd_array *a, const nd_array *b) {
    if (!a || !b) return nd__err(ND_ERR_VALUE, "vdot: NULL operand");
    const nd_dtype_t *dt = product_dtype("vdot", a, b);
    if (!dt) return NULL;
    int64_t na = nd_size(a), nb = nd_size(b);
    if (na != nb) return nd__err(ND_ERR_VALUE, "cannot reshape array of size %lld into shape (%lld,)", (long long)nb, (long long)na);
    nd_array *x = conj_copy(a, dt), *y = x ? nd_astype_ex(b, dt, &(nd_astype_opts){ .order = 'C' }) : NULL, *r = NULL;
    if (y) {
        r = nd__new(dt, 0, NULL, 'C', false);
        int64_t e = dt->itemsize;
        if (r && nd__gemm(dt, 1, 1, na, x->data, na * e, e, y->data, e, e, r->data, e, e) < 0) { nd_free(r); r = NULL; }
    }
    nd_free(x);
    nd_free(y);
    return r;
}

/* ----------------------------------------------------------- vecdot */

nd_array *nd_vecdot_ex(const nd_array *a, const nd_array *b, const nd_vecdot_opts *o) {
    if (!a || !b) return nd__err(ND_ERR_VALUE, "vecdot: NULL operand");
    int axis = o && o->axis.n ? o->axis.v[0] : -1;
    for (int i = 0; i < 2; i++) {
        const nd_array *x = i ? b : a;
        if (x->ndim == 0)
            return nd__err(ND_ERR_VALUE, "vecdot: Input operand %d does not have enough dimensions (has 0, gufunc "
                           "core with signature (n),(n)->() requires 1)", i);
    }
    int xa = nd__check_axis(axis, a->ndim);
    if (xa < 0) return NULL;
    int xb = nd__check_axis(axis, b->ndim);
    if (xb < 0) return NULL;
    if (a->shape[xa] != b->shape[xb])
        return nd__err(ND_ERR_VALUE, "vecdot: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
                       "signature (n),(n)->() (size %lld is different from %lld)", (long long)b->shape[xb],
                       (long long)a->shape[xa]);
    const nd_dtype_t *dt = product_dtype("vecdot", a, b);
    if (!dt) return NULL;
    nd_array *ac = conj_copy(a, dt), *am = NULL, *bm = NULL, *a4 = NULL, *b4 = NULL, *r = NULL, *res = NULL;
    if (!ac) return NULL;
    am = nd_swapaxes(ac, xa, -1);
    bm = am ? nd_swapaxes(b, xb, -1) : NULL;
    if (bm) { a4 = with_axis(am, am->ndim - 1); b4 = a4 ? with_axis(bm, bm->ndim) : NULL; }
    if (b4) r = nd_matmul_ex(a4, b4, NULL); /* (..., 1, n) @ (..., n, 1) */
    if (r) res = nd_reshape_ex(r, (nd_shape_t){ r->ndim - 2, r->shape }, 'C');
    nd_free(ac); nd_free(am); nd_free(bm); nd_free(a4); nd_free(b4); nd_free(r);
    return res;
}

nd_array *nd_matrix_transpose(const nd_array *a) {
    if (!a) return nd__err(ND_ERR_VALUE, "matrix_transpose: NULL operand");
    if (a->ndim < 2) return nd__err(ND_ERR_VALUE, "Input array must be at least 2-dimensional, but it is %d", a->ndim);
    return nd_swapaxes(a, -2, -1);
}

/* ------------------------------------------------------------ trace */

/* axis normalized against ndim, or -1 with NumPy's AxisError naming the argument. */
static int named_axis(int axis, int ndim, const char *name) {
    if (axis < -ndim || axis >= ndim) {
        nd__err(ND_ERR_AXIS, "%s: axis %d is out of bounds for array of dimension %d", name, axis, ndim);
        return -1;
    }
    return axis < 0 ? axis + ndim : axis;
}

nd_array *nd_trace_ex(const nd_array *a, const nd_trace_opts *o) {
    if (!a) return nd__err(ND_ERR_VALUE, "trace: NULL operand");
    if (a->ndim < 2) return nd__err(ND_ERR_VALUE, "diag requires an array of at least two dimensions");
    int ax1 = o && o->axes.n >= 1 ? o->axes.v[0] : 0, ax2 = o && o->axes.n >= 2 ? o->axes.v[1] : 1;
    int64_t off = o ? o->offset : 0;
    if ((ax1 = named_axis(ax1, a->ndim, "axis1")) < 0 || (ax2 = named_axis(ax2, a->ndim, "axis2")) < 0) return NULL;
    if (ax1 == ax2) return nd__err(ND_ERR_VALUE, "axis1 and axis2 cannot be the same");
    if (!nd__is_numeric(a->dtype)) return nd__err(ND_ERR_TYPE, "trace: unsupported dtype %s", a->dtype->name);
    /* the diagonal as a view: the two axes replaced by one last axis */
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS], n1 = a->shape[ax1], n2 = a->shape[ax2];
    char *data = a->data;
    int64_t len;
    if (off >= 0) { len = n2 - off < n1 ? n2 - off : n1; if (len > 0) data += off * a->strides[ax2]; }
    else { len = n1 + off < n2 ? n1 + off : n2; if (len > 0) data -= off * a->strides[ax1]; }
    if (len < 0) len = 0;
    int n = 0;
    for (int i = 0; i < a->ndim; i++)
        if (i != ax1 && i != ax2) { shape[n] = a->shape[i]; strides[n] = a->strides[i]; n++; }
    shape[n] = len;
    strides[n] = a->strides[ax1] + a->strides[ax2];
    n++;
    const nd_dtype_t *dt = o && o->dtype ? o->dtype : a->dtype;
    if (!(o && o->dtype)) {
        if (nd_dtype_is_bool(dt) || (nd_dtype_is_signed(dt) && dt->itemsize < 8)) dt = ND_INT64;
        else if (nd_dtype_is_unsigned(dt) && dt->itemsize < 8) dt = ND_UINT64;
    }
    nd_array *d = nd__view(a, a->dtype, n, shape, strides, len > 0 ? data : a->data);
    nd_array *ones = d ? nd__new(dt, 1, &len, 'C', false) : NULL, *r = NULL;
    if (ones) {
        nd_value one = nd_value_int(1);
        if (nd_fill_ex(ones, one) == 0) {
            nd_array *dc = nd_astype_ex(d, dt, &(nd_astype_opts){ .order = 'C' });
            if (dc) r = nd_matmul_ex(dc, ones, NULL);
            nd_free(dc);
        }
    }
    nd_free(d);
    nd_free(ones);
    return r;
}

/* ------------------------------------------------------------ multi_dot */

nd_array *nd_linalg_multi_dot(int n, const nd_array *const *arrays) {
    if (n < 2 || !arrays) return nd__err(ND_ERR_VALUE, "Expecting at least two arrays.");
    for (int i = 0; i < n; i++)
        if (!arrays[i]) return nd__err(ND_ERR_VALUE, "multi_dot: NULL operand");
    if (n == 2) return nd_dot(arrays[0], arrays[1]); /* as NumPy: no dimension checks */
    for (int i = 0; i < n; i++) {
        int want = (i == 0 || i == n - 1) ? -1 : 2;
        int nd = arrays[i]->ndim;
        if ((want == 2 && nd != 2) || (want == -1 && nd != 1 && nd != 2))
            return nd__err(ND_ERR_LINALG, "%d-dimensional array given. Array must be two-dimensional", nd);
    }
    nd_array **m = nd__calloc((size_t)n, sizeof *m);
    int64_t *dims = nd__calloc((size_t)n + 1, sizeof *dims);
    int64_t *cost = nd__calloc((size_t)n * (size_t)n, sizeof *cost);
    int *split = nd__calloc((size_t)n * (size_t)n, sizeof *split);
    nd_array *res = NULL;
    bool first1 = arrays[0]->ndim == 1, last1 = arrays[n - 1]->ndim == 1;
    if (!m || !dims || !cost || !split) { nd__nomem(); goto done; }
    for (int i = 0; i < n; i++) {
        if (i == 0 && first1) m[i] = with_axis(arrays[i], 0);
        else if (i == n - 1 && last1) m[i] = with_axis(arrays[i], 1);
        else m[i] = nd_ref((nd_array *)arrays[i]);
        if (!m[i]) goto done;
    }
    for (int i = 0; i < n; i++) dims[i] = m[i]->shape[0];
    dims[n] = m[n - 1]->shape[1];
    /* the classic matrix-chain order by dynamic programming */
    for (int len = 1; len < n; len++)
        for (int i = 0; i + len < n; i++) {
            int j = i + len;
            cost[i * n + j] = INT64_MAX;
            for (int k = i; k < j; k++) {
                int64_t c = cost[i * n + k] + cost[(k + 1) * n + j] + dims[i] * dims[k + 1] * dims[j + 1];
                if (c < cost[i * n + j]) { cost[i * n + j] = c; split[i * n + j] = k; }
            }
        }
    /* evaluate the parenthesization bottom-up by interval length */
    nd_array **prod = nd__calloc((size_t)n * (size_t)n, sizeof *prod);
    if (!prod) { nd__nomem(); goto done; }
    for (int i = 0; i < n; i++) prod[i * n + i] = nd_ref(m[i]);
    bool ok = true;
    /* recursive evaluation through an explicit stack of intervals */
    {
        int top = 0;
        int *stk = nd__calloc((size_t)4 * (size_t)n, sizeof *stk);
        if (!stk) { nd__nomem(); ok = false; }
        if (ok) { stk[top++] = 0; stk[top++] = n - 1; }
        while (ok && top > 0) {
            int j = stk[top - 1], i = stk[top - 2];
            if (prod[i * n + j]) { top -= 2; continue; }
            int k = split[i * n + j];
            nd_array *L = prod[i * n + k], *R = prod[(k + 1) * n + j];
            if (L && R) {
                prod[i * n + j] = nd_matmul_ex(L, R, NULL);
                if (!prod[i * n + j]) ok = false;
                top -= 2;
            } else {
                if (!L) { stk[top++] = i; stk[top++] = k; }
                if (!R) { stk[top++] = k + 1; stk[top++] = j; }
            }
        }
        nd__free(stk, (size_t)4 * (size_t)n * sizeof *stk);
    }
    if (ok) {
        nd_array *full = prod[n - 1];
        if (first1 || last1) {
            int64_t shape[2];
            int k = 0;
            if (!first1) shape[k++] = full->shape[0];
            if (!last1) shape[k++] = full->shape[1];
            res = nd_reshape_ex(full, (nd_shape_t){ k, shape }, 'C');
        } else {
            res = nd_ref(full);
        }
    }
    for (int i = 0; i < n * n; i++) nd_free(prod[i]);
    nd__free(prod, (size_t)n * (size_t)n * sizeof *prod);
done:
    if (m) for (int i = 0; i < n; i++) nd_free(m[i]);
    nd__free(m, (size_t)n * sizeof *m);
    nd__free(dims, ((size_t)n + 1) * sizeof *dims);
    nd__free(cost, (size_t)n * (size_t)n * sizeof *cost);
    nd__free(split, (size_t)n * (size_t)n * sizeof *split);
    return res;
}

/* --------------------------------------------------------- matrix_power */

nd_array *nd_linalg_matrix_power(const nd_array *a, int64_t n) {
    if (!a) return nd__err(ND_ERR_VALUE, "matrix_power: NULL operand");
    if (a->ndim < 2)
        return nd__err(ND_ERR_LINALG, "%d-dimensional array given. Array must be at least two-dimensional", a->ndim);
    if (a->shape[a->ndim - 1] != a->shape[a->ndim - 2])
        return nd__err(ND_ERR_LINALG, "Last 2 dimensions of the array must be square");
    if (!nd__is_numeric(a->dtype)) return nd__err(ND_ERR_TYPE, "matrix_power: unsupported dtype %s", a->dtype->name);
    if (n == 0) { /* identity stacked like a, of a's dtype */
        nd_array *r = nd__new(a->dtype, a->ndim, a->shape, 'C', true);
        if (!r) return NULL;
        int64_t m = a->shape[a->ndim - 1], cnt = m ? nd_size(r) / (m * m) : 0, e = a->dtype->itemsize;
        nd_value one = nd_value_int(1);
        for (int64_t b = 0; b < cnt; b++)
            for (int64_t i = 0; i < m; i++) nd__value_store(a->dtype, r->data + ((b * m + i) * m + i) * e, one);
        return r;
    }
    nd_array *base;
    uint64_t k;
    if (n < 0) {
        base = nd_linalg_inv(a);
        if (!base) return NULL;
        k = (uint64_t)(-(n + 1)) + 1;
    } else {
        base = nd_ref((nd_array *)a);
        k = (uint64_t)n;
    }
    if (k == 1) {
        nd_array *r = nd_copy(base, 'C');
        nd_free(base);
        return r;
    }
    /* binary powering: result *= base for each set bit, base squared each step */
    nd_array *result = NULL;
    while (k) {
        if (k & 1) {
            if (!result) result = nd_ref(base);
            else {
                nd_array *t = nd_matmul_ex(result, base, NULL);
                nd_free(result);
                result = t;
                if (!result) break;
            }
        }
        k >>= 1;
        if (k) {
            nd_array *t = nd_matmul_ex(base, base, NULL);
            nd_free(base);
            base = t;
            if (!base) { nd_free(result); result = NULL; break; }
        }
    }
    nd_free(base);
    if (result && result == a) { nd_array *t = nd_copy(result, 'C'); nd_free(result); result = t; }
    return result;
}

/* ------------------------------------------------------------- cross */

/* out = x1*y2 - x2*y1 elementwise over broadcast operands, one typed loop per dtype. */
#define CROSS_LOOP(name, ctype, ops)                                                              \
    static int name(char **p, int64_t n, const int64_t *s, void *ud) {                            \
        (void)ud;                                                                                 \
        for (int64_t i = 0; i < n; i++) {                                                         \
            ctype x1 = *(const ctype *)(p[1] + i * s[1]), y2 = *(const ctype *)(p[2] + i * s[2]); \
            ctype x2 = *(const ctype *)(p[3] + i * s[3]), y1 = *(const ctype *)(p[4] + i * s[4]); \
            *(ctype *)(p[0] + i * s[0]) = ops;                                                    \
        }                                                                                         \
        return 0;                                                                                 \
    }
#define WRAP(ut, ctype) (ctype)((ut)x1 * (ut)y2 - (ut)x2 * (ut)y1)
CROSS_LOOP(cross_i8, int8_t, WRAP(uint32_t, int8_t))
CROSS_LOOP(cross_i16, int16_t, WRAP(uint32_t, int16_t))
CROSS_LOOP(cross_i32, int32_t, WRAP(uint32_t, int32_t))
CROSS_LOOP(cross_i64, int64_t, WRAP(uint64_t, int64_t))
CROSS_LOOP(cross_u8, uint8_t, WRAP(uint32_t, uint8_t))
CROSS_LOOP(cross_u16, uint16_t, WRAP(uint32_t, uint16_t))
CROSS_LOOP(cross_u32, uint32_t, WRAP(uint32_t, uint32_t))
CROSS_LOOP(cross_u64, uint64_t, WRAP(uint64_t, uint64_t))
CROSS_LOOP(cross_f32, float, x1 * y2 - x2 * y1)
CROSS_LOOP(cross_f64, double, x1 * y2 - x2 * y1)
CROSS_LOOP(cross_c64, float complex, x1 * y2 - x2 * y1)
CROSS_LOOP(cross_c128, double complex, x1 * y2 - x2 * y1)
/* float16 as NumPy's multiply and subtract: each product rounded to half, then the
 * difference (exact in double) rounded once more */
#define HMUL(x, y) nd__half_to_double(nd__float_to_half(nd__half_to_float(x) * nd__half_to_float(y)))
CROSS_LOOP(cross_f16, uint16_t, nd__double_to_half(HMUL(x1, y2) - HMUL(x2, y1)))
#undef HMUL
#undef WRAP
#undef CROSS_LOOP

static nd__loop_fn cross_loop(nd_type t) {
    switch (t) {
    case ND_TYPE_INT8: return cross_i8;
    case ND_TYPE_INT16: return cross_i16;
    case ND_TYPE_INT32: return cross_i32;
    case ND_TYPE_INT64: return cross_i64;
    case ND_TYPE_UINT8: return cross_u8;
    case ND_TYPE_UINT16: return cross_u16;
    case ND_TYPE_UINT32: return cross_u32;
    case ND_TYPE_UINT64: return cross_u64;
    case ND_TYPE_FLOAT16: return cross_f16;
    case ND_TYPE_FLOAT32: return cross_f32;
    case ND_TYPE_FLOAT64: return cross_f64;
    case ND_TYPE_COMPLEX64: return cross_c64;
    case ND_TYPE_COMPLEX128: return cross_c128;
    default: return NULL;
    }
}

/* Component k of the vectors along the last axis, or a 0-d zero when k >= len. */
static nd_array *component(const nd_array *v, int k, nd_array *zero) {
    if (k >= v->shape[v->ndim - 1]) return nd_ref(zero);
    nd_index idx[2] = { ND_ELLIPSIS, ND_I(k) };
    return nd_index_get(v, 2, idx);
}

nd_array *nd_cross_ex(const nd_array *a, const nd_array *b, const nd_cross_opts *o) {
    if (!a || !b) return nd__err(ND_ERR_VALUE, "cross: NULL operand");
    int axa = -1, axb = -1, axc = -1;
    if (o) {
        if (o->axis.n) axa = axb = axc = o->axis.v[0];
        else {
            if (o->axisa.n) axa = o->axisa.v[0];
            if (o->axisb.n) axb = o->axisb.v[0];
            if (o->axisc.n) axc = o->axisc.v[0];
        }
    }
    if (a->ndim == 0 || b->ndim == 0) /* NumPy 2 */
        return nd__err(ND_ERR_VALUE, "At least one array has zero dimension");
    if ((axa = named_axis(axa, a->ndim, "axisa")) < 0 || (axb = named_axis(axb, b->ndim, "axisb")) < 0) return NULL;
    int64_t la = a->shape[axa], lb = b->shape[axb];
    if ((la != 2 && la != 3) || (lb != 2 && lb != 3))
        return nd__err(ND_ERR_VALUE, "incompatible dimensions for cross product\n(dimension must be 2 or 3)");
    if (la == 2 || lb == 2) /* NumPy 2.0 deprecates 2-vectors; they still work */
        nd__warn("DeprecationWarning: Arrays of 2-dimensional vectors are deprecated. Use arrays of "
                 "3-dimensional vectors instead. (deprecated in NumPy 2.0)");
    const nd_dtype_t *dt = product_dtype("cross", a, b);
    if (!dt) return NULL;
    nd__loop_fn loop = cross_loop(dt->type);
    if (!loop)
        return nd__err(ND_ERR_TYPE, "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, "
                       "the `^` operator, or the logical_xor function instead.");
    nd_array *am = nd_swapaxes(a, axa, -1), *bm = am ? nd_swapaxes(b, axb, -1) : NULL;
    nd_array *ac = NULL, *bc = NULL, *zero = NULL, *res = NULL, *out = NULL, *comp[6] = { 0 };
    /* moveaxis, not swapaxes: keep the other axes in order */
    nd_free(am); nd_free(bm);
    {
        int pa[ND_MAXDIMS], pb[ND_MAXDIMS], k = 0;
        for (int i = 0; i < a->ndim; i++) if (i != axa) pa[k++] = i;
        pa[k] = axa;
        k = 0;
        for (int i = 0; i < b->ndim; i++) if (i != axb) pb[k++] = i;
        pb[k] = axb;
        am = nd_transpose(a, pa);
        bm = am ? nd_transpose(b, pb) : NULL;
    }
    if (!bm) goto done;
    ac = nd_astype_ex(am, dt, NULL);
    bc = ac ? nd_astype_ex(bm, dt, NULL) : NULL;
    zero = bc ? nd__new(dt, 0, NULL, 'C', true) : NULL;
    if (!zero) goto done;
    for (int i = 0; i < 3; i++) {
        comp[i] = component(ac, i, zero);
        comp[3 + i] = comp[i] ? component(bc, i, zero) : NULL;
        if (!comp[3 + i]) goto done;
    }
    /* broadcast shape of the vector-less parts */
    int64_t bshape[ND_MAXDIMS + 1];
    nd_shape_t shs[2] = { { ac->ndim - 1, ac->shape }, { bc->ndim - 1, bc->shape } };
    int bn = nd_broadcast_shapes(2, shs, bshape);
    if (bn < 0) goto done;
    bool two = la == 2 && lb == 2;
    if (two) {
        out = nd__new(dt, bn, bshape, 'C', false);
        if (!out) goto done;
        /* z = a0 b1 - a1 b0 */
        const nd_array *ops[5] = { out, comp[0], comp[4], comp[1], comp[3] };
        if (nd__iter_run(5, ops, false, loop, NULL) < 0) goto done;
        res = out;
        out = NULL;
        goto done;
    }
    bshape[bn] = 3;
    out = nd__new(dt, bn + 1, bshape, 'C', false);
    if (!out) goto done;
    for (int c = 0; c < 3; c++) {
        int i = (c + 1) % 3, j = (c + 2) % 3; /* out_c = a_i b_j - a_j b_i */
        nd_index idx[2] = { ND_ELLIPSIS, ND_I(c) };
        nd_array *oc = nd_index_get(out, 2, idx);
        if (!oc) goto done;
        const nd_array *ops[5] = { oc, comp[i], comp[3 + j], comp[j], comp[3 + i] };
        int r = nd__iter_run(5, ops, false, loop, NULL);
        nd_free(oc);
        if (r < 0) goto done;
    }
    if ((axc = named_axis(axc, out->ndim, "axisc")) < 0) goto done;
    {
        int perm[ND_MAXDIMS], k = 0;
        for (int i = 0; i < out->ndim; i++) perm[i] = i;
        /* move the last axis to axc */
        for (int i = 0; i < out->ndim; i++) {
            if (i == axc) perm[i] = out->ndim - 1;
            else perm[i] = k++;
        }
        res = nd_transpose(out, perm);
    }
done:
    nd_free(am); nd_free(bm); nd_free(ac); nd_free(bc); nd_free(zero); nd_free(out);
    for (int i = 0; i < 6; i++) nd_free(comp[i]);
    return res;
}
