/* np.gradient: NumPy's second-order central differences inside and first- or
 * second-order one-sided differences at the edges, for uniform spacing (a scalar) or
 * coordinates (non-uniform formulas).  Every step is the ufunc NumPy uses, on views,
 * so dtypes and rounding follow NumPy (NEP 50: C numbers are weak). */
#include "numeric/numeric_priv.h"

/* A scalar of the computation: a weak C number (a == NULL) or a strong 0-d array. */
typedef struct sc { nd_array *a; nd_value v; } sc;

static nd_operand sc_op(const sc *s) { return s->a ? ND_OPERAND((const nd_array *)s->a) : ND_OPERAND(s->v); }
static void sc_free(sc *s) { nd_free(s->a); s->a = NULL; }

static bool weak_real(const sc *s) { return !s->a && s->v.dtype->type != ND_TYPE_COMPLEX128; }
static double weak_double(const sc *s) { return nd__num_value_double(s->v); }

/* c OP s with c a Python float: weak arithmetic stays in C doubles, strong goes
 * through the ufunc (NumPy scalar arithmetic). */
static int sc_cdiv(double c, const sc *s, sc *r) {
    r->a = NULL;
    if (weak_real(s)) { r->v = nd_value_double(c / weak_double(s)); return 0; }
    r->a = nd_divide(c, sc_op(s));
    return r->a ? 0 : -1;
}
static int sc_cmul(double c, const sc *s, sc *r) {
    r->a = NULL;
    if (weak_real(s)) { r->v = nd_value_double(c * weak_double(s)); return 0; }
    r->a = nd_multiply(c, sc_op(s));
    return r->a ? 0 : -1;
}

/* out = a * f1 + b * f2 + c * f3, evaluated left to right as NumPy, then assigned. */
static int combine3(nd_array *out, nd_operand a, const nd_array *f1, nd_operand b, const nd_array *f2,
                    nd_operand c, const nd_array *f3) {
    nd_array *t1 = nd_multiply_ex(a, ND_OPERAND(f1), NULL);
    nd_array *t2 = t1 ? nd_multiply_ex(b, ND_OPERAND(f2), NULL) : NULL;
    nd_array *s = t2 ? nd_add(t1, t2) : NULL;
    nd_array *t3 = s ? nd_multiply_ex(c, ND_OPERAND(f3), NULL) : NULL;
    nd_array *r = t3 ? nd_add(s, t3) : NULL;
    int rc = r ? nd__assign(out, r) : -1;
    nd_free(t1); nd_free(t2); nd_free(s); nd_free(t3); nd_free(r);
    return rc;
}

/* out = (hi - lo) / d; the subtraction is in f's dtype, which is out's, so it is
 * written in place; the division casts into out as NumPy's assignment does. */
static int diff_over(nd_array *out, const nd_array *hi, const nd_array *lo, nd_operand d) {
    if (!nd_subtract(hi, lo, .out = out)) return -1;
    return nd_divide_ex(ND_OPERAND(out), d, &(nd_ufunc_opts){ .out = out, .casting = ND_CASTING_UNSAFE }) ? 0 : -1;
}

/* Element i (negative from the end) of the 1-d array x as a strong 0-d array. */
static int sc_item(const nd_array *x, int64_t i, sc *r) {
    if (i < 0) i += x->shape[0];
    r->a = nd__view(x, x->dtype, 0, NULL, NULL, x->data + i * x->strides[0]);
    return r->a ? 0 : -1;
}

/* Spacing of one axis: a scalar (uniform) or the differences of the coordinates. */
typedef struct spacing { bool uniform; sc s; nd_array *d; } spacing;

static int spacing_of(nd_operand x, int64_t len, spacing *sp) {
    memset(sp, 0, sizeof *sp);
    if (!x.array) {
        if (!x.value.dtype) { nd__err(ND_ERR_TYPE, "gradient: spacing must not be None"); return -1; }
        sp->uniform = true;
        sp->s.v = x.value;
        return 0;
    }
    const nd_array *c = x.array;
    if (c->ndim == 0) { sp->uniform = true; sp->s.a = nd_ref((nd_array *)c); return 0; }
    if (c->ndim != 1) { nd__err(ND_ERR_VALUE, "distances must be either scalars or 1d"); return -1; }
    if (c->shape[0] != len) {
        nd__err(ND_ERR_VALUE, "when 1d, distances must match the length of the corresponding dimension");
        return -1;
    }
    nd_array *cf = nd_dtype_is_integer(c->dtype) ? nd_astype(c, ND_FLOAT64) : nd_ref((nd_array *)c);
    nd_array *d = cf ? nd_diff(cf) : NULL;
    nd_free(cf);
    if (!d) return -1;
    if (d->shape[0] > 0) {
        /* uniform coordinates give the scalar diffx[0] (NumPy's (diffx == diffx[0]).all()) */
        sc first;
        if (sc_item(d, 0, &first) < 0) { nd_free(d); return -1; }
        nd_array *eq = nd_equal(d, first.a);
        nd_array *all = eq ? nd_all(eq) : NULL;
        nd_free(eq);
        if (!all) { sc_free(&first); nd_free(d); return -1; }
        bool same = *(bool *)all->data;
        nd_free(all);
        if (same) {
            sp->uniform = true;
            sp->s = first;
            nd_free(d);
            return 0;
        }
        sc_free(&first);
    }
    sp->d = d;
    return 0;
}

static void spacing_free(spacing *sp) { sc_free(&sp->s); nd_free(sp->d); sp->d = NULL; }

/* a = -(dx2) / (dx1 * (dx1 + dx2)) and friends, in NumPy's order of operations;
 * inputs are arrays or 0-d arrays (strong).  which: 0 interior/left-inner coefficient
 * sets as named at the call sites. */
static nd_array *coef(int which, const nd_array *dx1, const nd_array *dx2) {
    nd_array *t1 = NULL, *t2 = NULL, *t3 = NULL, *r = NULL;
    switch (which) {
    case 0: /* -(dx2) / (dx1 * (dx1 + dx2)) */
        if ((t1 = nd_negative(dx2)) && (t2 = nd_add(dx1, dx2)) && (t3 = nd_multiply(dx1, t2))) r = nd_divide(t1, t3);
        break;
    case 1: /* (dx2 - dx1) / (dx1 * dx2) */
        if ((t1 = nd_subtract(dx2, dx1)) && (t2 = nd_multiply(dx1, dx2))) r = nd_divide(t1, t2);
        break;
    case 2: /* dx1 / (dx2 * (dx1 + dx2)) */
        if ((t2 = nd_add(dx1, dx2)) && (t3 = nd_multiply(dx2, t2))) r = nd_divide(dx1, t3);
        break;
    case 3: /* -(2. * dx1 + dx2) / (dx1 * (dx1 + dx2)) */
        if ((t1 = nd_multiply(2.0, dx1)) && (t2 = nd_add(t1, dx2))) {
            nd_free(t1);
            if ((t1 = nd_negative(t2))) {
                nd_free(t2);
                if ((t2 = nd_add(dx1, dx2)) && (t3 = nd_multiply(dx1, t2))) r = nd_divide(t1, t3);
            }
        }
        break;
    case 4: /* (dx1 + dx2) / (dx1 * dx2) */
        if ((t1 = nd_add(dx1, dx2)) && (t2 = nd_multiply(dx1, dx2))) r = nd_divide(t1, t2);
        break;
    case 5: /* -dx1 / (dx2 * (dx1 + dx2)) */
        if ((t1 = nd_negative(dx1)) && (t2 = nd_add(dx1, dx2)) && (t3 = nd_multiply(dx2, t2))) r = nd_divide(t1, t3);
        break;
    case 6: /* (dx2) / (dx1 * (dx1 + dx2)) */
        if ((t2 = nd_add(dx1, dx2)) && (t3 = nd_multiply(dx1, t2))) r = nd_divide(dx2, t3);
        break;
    case 7: /* -(dx2 + dx1) / (dx1 * dx2) */
        if ((t1 = nd_add(dx2, dx1)) && (t2 = nd_negative(t1))) {
            nd_free(t1);
            if ((t1 = nd_multiply(dx1, dx2))) r = nd_divide(t2, t1);
        }
        break;
    case 8: /* (2. * dx2 + dx1) / (dx2 * (dx1 + dx2)) */
        if ((t1 = nd_multiply(2.0, dx2)) && (t2 = nd_add(t1, dx1))) {
            nd_free(t1);
            if ((t1 = nd_add(dx1, dx2)) && (t3 = nd_multiply(dx2, t1))) r = nd_divide(t2, t3);
        }
        break;
    default: break;
    }
    nd_free(t1); nd_free(t2); nd_free(t3);
    return r;
}

/* The gradient of f along axis into out (f's shape, otype). */
static int gradient_axis(const nd_array *f, nd_array *out, int axis, const spacing *sp, int edge_order) {
    int64_t len = f->shape[axis];
    nd_array *v[8] = { 0 };
    sc k[3] = { { 0 } };
    nd_array *ca[3] = { 0 };
    int rc = -1;
    /* interior: out[1:-1] */
    nd_array *o_in = v[0] = nd__num_range(out, axis, 1, len - 2);
    nd_array *f_lo = v[1] = nd__num_range(f, axis, 0, len - 2);
    nd_array *f_mid = v[2] = nd__num_range(f, axis, 1, len - 2);
    nd_array *f_hi = v[3] = nd__num_range(f, axis, 2, len - 2);
    if (!o_in || !f_lo || !f_mid || !f_hi) goto done;
    if (sp->uniform) {
        if (sc_cmul(2.0, &sp->s, &k[0]) < 0 || diff_over(o_in, f_hi, f_lo, sc_op(&k[0])) < 0) goto done;
        sc_free(&k[0]);
    } else {
        int64_t m = sp->d->shape[0];
        nd_array *dx1 = nd__num_range(sp->d, 0, 0, m - 1), *dx2 = dx1 ? nd__num_range(sp->d, 0, 1, m - 1) : NULL;
        if (dx2) for (int i = 0; i < 3; i++) if (!(ca[i] = coef(i, dx1, dx2))) break;
        nd_free(dx1); nd_free(dx2);
        if (!ca[2]) goto done;
        /* shape (1, .., -1, .., 1) along the axis */
        int64_t shape[ND_MAXDIMS];
        for (int i = 0; i < f->ndim; i++) shape[i] = 1;
        shape[axis] = m - 1;
        for (int i = 0; i < 3; i++) {
            nd_array *r = nd_reshape(ca[i], ((nd_shape_t){ f->ndim, shape }));
            nd_free(ca[i]);
            if (!(ca[i] = r)) goto done;
        }
        if (combine3(o_in, ND_OPERAND((const nd_array *)ca[0]), f_lo, ND_OPERAND((const nd_array *)ca[1]), f_mid,
                     ND_OPERAND((const nd_array *)ca[2]), f_hi) < 0) goto done;
        for (int i = 0; i < 3; i++) { nd_free(ca[i]); ca[i] = NULL; }
    }
    for (int i = 0; i < 4; i++) { nd_free(v[i]); v[i] = NULL; }
    /* the edges */
    nd_array *o0 = v[0] = nd__num_range(out, axis, 0, 1), *on = v[1] = nd__num_range(out, axis, len - 1, 1);
    nd_array *f0 = v[2] = nd__num_range(f, axis, 0, 1), *f1 = v[3] = nd__num_range(f, axis, 1, 1);
    nd_array *f2 = v[4] = nd__num_range(f, axis, 2 < len ? 2 : 0, 1);
    nd_array *fn = v[5] = nd__num_range(f, axis, len - 1, 1), *fn1 = v[6] = nd__num_range(f, axis, len - 2, 1);
    nd_array *fn2 = v[7] = nd__num_range(f, axis, len >= 3 ? len - 3 : 0, 1);
    for (int i = 0; i < 8; i++) if (!v[i]) goto done;
    if (edge_order == 1) {
        sc d0 = { 0 }, dn = { 0 };
        if (!sp->uniform && (sc_item(sp->d, 0, &d0) < 0 || sc_item(sp->d, -1, &dn) < 0)) { sc_free(&d0); goto done; }
        int r1 = diff_over(o0, f1, f0, sp->uniform ? sc_op(&sp->s) : sc_op(&d0));
        int r2 = r1 < 0 ? -1 : diff_over(on, fn, fn1, sp->uniform ? sc_op(&sp->s) : sc_op(&dn));
        sc_free(&d0); sc_free(&dn);
        if (r2 < 0) goto done;
    } else {
        if (sp->uniform) {
            if (sc_cdiv(-1.5, &sp->s, &k[0]) < 0 || sc_cdiv(2.0, &sp->s, &k[1]) < 0 || sc_cdiv(-0.5, &sp->s, &k[2]) < 0)
                goto done;
            if (combine3(o0, sc_op(&k[0]), f0, sc_op(&k[1]), f1, sc_op(&k[2]), f2) < 0) goto done;
            for (int i = 0; i < 3; i++) sc_free(&k[i]);
            if (sc_cdiv(0.5, &sp->s, &k[0]) < 0 || sc_cdiv(-2.0, &sp->s, &k[1]) < 0 || sc_cdiv(1.5, &sp->s, &k[2]) < 0)
                goto done;
            if (combine3(on, sc_op(&k[0]), fn2, sc_op(&k[1]), fn1, sc_op(&k[2]), fn) < 0) goto done;
        } else {
            sc a1 = { 0 }, a2 = { 0 };
            int ok = sc_item(sp->d, 0, &a1) == 0 && sc_item(sp->d, 1, &a2) == 0;
            for (int i = 0; ok && i < 3; i++) ok = (ca[i] = coef(3 + i, a1.a, a2.a)) != NULL;
            sc_free(&a1); sc_free(&a2);
            if (!ok || combine3(o0, ND_OPERAND((const nd_array *)ca[0]), f0, ND_OPERAND((const nd_array *)ca[1]), f1,
                                ND_OPERAND((const nd_array *)ca[2]), f2) < 0) goto done;
            for (int i = 0; i < 3; i++) { nd_free(ca[i]); ca[i] = NULL; }
            ok = sc_item(sp->d, -2, &a1) == 0 && sc_item(sp->d, -1, &a2) == 0;
            for (int i = 0; ok && i < 3; i++) ok = (ca[i] = coef(6 + i, a1.a, a2.a)) != NULL;
            sc_free(&a1); sc_free(&a2);
            if (!ok || combine3(on, ND_OPERAND((const nd_array *)ca[0]), fn2, ND_OPERAND((const nd_array *)ca[1]), fn1,
                                ND_OPERAND((const nd_array *)ca[2]), fn) < 0) goto done;
        }
    }
    rc = 0;
done:
    for (int i = 0; i < 8; i++) nd_free(v[i]);
    for (int i = 0; i < 3; i++) { sc_free(&k[i]); nd_free(ca[i]); }
    return rc;
}

int nd_gradient_ex(const nd_array *f, nd_array **out, int cap, const nd_gradient_opts *o) {
    if (!f || (!out && cap > 0)) { nd__err(ND_ERR_VALUE, "gradient: array must not be NULL"); return -1; }
    int N = f->ndim, axes[ND_MAXDIMS], nax = 0;
    if (o && o->axis.n > 0) {
        bool seen[ND_MAXDIMS] = { false };
        for (int i = 0; i < o->axis.n; i++) {
            int ax = nd__check_axis(o->axis.v[i], N);
            if (ax < 0) return -1;
            if (seen[ax]) { nd__err(ND_ERR_VALUE, "repeated axis"); return -1; }
            seen[ax] = true;
            axes[nax++] = ax;
        }
    } else {
        for (int i = 0; i < N; i++) axes[nax++] = i;
    }
    int ns = o ? o->nspacing : 0;
    const nd_operand *sps = o ? o->spacing : NULL;
    if (ns > 0 && !sps) { nd__err(ND_ERR_VALUE, "gradient: spacing must not be NULL"); return -1; }
    bool one_scalar = ns == 1 && (!sps[0].array || sps[0].array->ndim == 0);
    if (ns < 0 || (ns > 0 && !one_scalar && ns != nax)) { nd__err(ND_ERR_TYPE, "invalid number of arguments"); return -1; }
    int edge_order = o && o->edge_order ? o->edge_order : 1;
    if (edge_order > 2) { nd__err(ND_ERR_VALUE, "'edge_order' greater than 2 not supported"); return -1; }
    if (cap < nax) {
        nd__err(ND_ERR_VALUE, "gradient: out has room for %d arrays, %d are needed", cap, nax);
        return -1;
    }
    spacing sp[ND_MAXDIMS];
    int nsp = 0, rc = -1, made = 0;
    nd_array *res[ND_MAXDIMS] = { 0 }, *ff = NULL;
    for (; nsp < nax; nsp++) {
        nd_operand x = ns == 0 ? ND_OPERAND(1.0) : sps[one_scalar ? 0 : nsp];
        if (spacing_of(x, f->shape[axes[nsp]], &sp[nsp]) < 0) goto done;
    }
    /* integers are differenced in float64; bool stays bool (and fails in subtract) */
    const nd_dtype_t *otype = f->dtype;
    if (!nd_dtype_is_float(otype) && !nd_dtype_is_complex(otype)) otype = ND_FLOAT64;
    ff = nd_dtype_is_integer(f->dtype) ? nd_astype(f, ND_FLOAT64) : nd_ref((nd_array *)f);
    if (!ff) goto done;
    for (; made < nax; made++) {
        if (f->shape[axes[made]] < edge_order + 1) {
            nd__err(ND_ERR_VALUE, "Shape of array too small to calculate a numerical gradient, at least "
                                  "(edge_order + 1) elements are required.");
            goto done;
        }
        if (!(res[made] = nd__new_like_k(ff, otype))) goto done;
        if (gradient_axis(ff, res[made], axes[made], &sp[made], edge_order) < 0) { made++; goto done; }
    }
    for (int i = 0; i < nax; i++) out[i] = res[i];
    rc = nax;
done:
    if (rc < 0) for (int i = 0; i < made; i++) nd_free(res[i]);
    for (int i = 0; i < nsp; i++) spacing_free(&sp[i]);
    nd_free(ff);
    return rc;
}
