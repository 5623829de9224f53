/* The two-output math ufuncs' entry points (frexp, modf) and the functions NumPy
 * writes in Python on top of ufuncs (real, imag, angle, around, clip, nan_to_num,
 * isclose, allclose, array_equal ...), as plain functions over the ufunc calls. */
#include "ufunc/ufunc_internal.h"
#include "nd/umath.h"

/* One input, two outputs: the ufunc's results into *r0 / *r1 (either may be NULL). */
static int call_12(int id, nd_operand x, nd_array **r0, nd_array **r1, const nd_ufunc_opts *o) {
    nd_array *out[ND__UF_MAXARGS] = { NULL };
    if (r0) *r0 = NULL;
    if (r1) *r1 = NULL;
    if (nd__ufunc_call(&nd__ufuncs[id], (const nd_operand[]){ x }, out, o) < 0) return -1;
    if (r0) *r0 = out[0];
    else if (!(o && o->out)) nd_free(out[0]);
    if (r1) *r1 = out[1];
    else if (!(o && o->out2)) nd_free(out[1]);
    return 0;
}

int nd_frexp_ex(nd_operand x, nd_array **mant, nd_array **expo, const nd_ufunc_opts *o) {
    return call_12(ND__UF_frexp, x, mant, expo, o);
}

int nd_modf_ex(nd_operand x, nd_array **frac, nd_array **whole, const nd_ufunc_opts *o) {
    return call_12(ND__UF_modf, x, frac, whole, o);
}

/* ------------------------------------------------------------ composites */

#define ND__PI_D 3.141592653589793238462643383279502884

static bool is_complex(const nd_array *a) { return a->dtype->kind == 'c'; }
static const nd_dtype_t *part_dtype(const nd_array *a) {
    return a->dtype->type == ND_TYPE_COMPLEX64 ? ND_FLOAT32 : ND_FLOAT64;
}

/* Temporaries of one composite, freed together. */
typedef struct tmps { nd_array *a[16]; int n; } tmps;
static nd_array *keep(tmps *t, nd_array *a) {
    if (a) t->a[t->n++] = a;
    return a;
}
static void drop(tmps *t) {
    for (int k = 0; k < t->n; k++) nd_free(t->a[k]);
    t->n = 0;
}

nd_array *nd_real(const nd_array *a) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    return nd__view(a, is_complex(a) ? part_dtype(a) : a->dtype, a->ndim, a->shape, a->strides, a->data);
}

nd_array *nd_imag(const nd_array *a) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (is_complex(a))
        return nd__view(a, part_dtype(a), a->ndim, a->shape, a->strides, a->data + a->dtype->itemsize / 2);
    return nd__new(a->dtype, a->ndim, a->shape, 'C', true);
}

nd_array *nd_angle_ex(const nd_array *z, const nd_angle_opts *o) {
    if (!z) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_array *r;
    if (is_complex(z)) {
        tmps t = { .n = 0 };
        nd_array *re = keep(&t, nd_real(z)), *im = keep(&t, nd_imag(z));
        r = re && im ? nd_arctan2(im, re) : NULL;
        drop(&t);
    } else {
        r = nd_arctan2(0, z);
    }
    if (r && o && o->deg && !nd_multiply(r, 180.0 / ND__PI_D, .out = r)) {
        nd_free(r);
        return NULL;
    }
    return r;
}

static nd_array *bool_full(const nd_array *x, bool v) {
    nd_array *r = nd__new(ND_BOOL, x->ndim, x->shape, 'C', true);
    if (r && v) memset(r->data, 1, (size_t)nd_size(r));
    return r;
}

nd_array *nd_iscomplex(const nd_array *x) {
    if (!x) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (!is_complex(x)) return bool_full(x, false);
    nd_array *im = nd_imag(x), *r = im ? nd_not_equal(im, 0) : NULL;
    nd_free(im);
    return r;
}

nd_array *nd_isreal(const nd_array *x) {
    if (!x) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (!is_complex(x)) return bool_full(x, true);
    nd_array *im = nd_imag(x), *r = im ? nd_equal(im, 0) : NULL;
    nd_free(im);
    return r;
}

nd_array *nd_around_ex(const nd_array *a, const nd_around_opts *o) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    int dec = o ? o->decimals : 0;
    nd_array *out = o ? o->out : NULL;
    char k = a->dtype->kind;
    bool isint = k == 'i' || k == 'u' || k == 'b';
    if (!isint && k != 'f' && k != 'c')
        return nd__err(ND_ERR_TYPE, "ufunc 'rint' not supported for the input types, and the inputs could not be "
                       "safely coerced to any supported types according to the casting rule ''safe''");
    if (k == 'c') { /* the real and imaginary parts separately, as NumPy */
        nd_array *r = out ? out : nd_copy(a, 'K');
        if (!r || (out && out != a && nd_copyto(out, a, ND_CASTING_SAME_KIND) < 0)) {
            if (r != out) nd_free(r);
            return NULL;
        }
        tmps t = { .n = 0 };
        nd_array *re = keep(&t, nd_real(r)), *im = keep(&t, nd_imag(r));
        bool ok = re && im && nd_around(re, .decimals = dec, .out = re) && nd_around(im, .decimals = dec, .out = im);
        drop(&t);
        if (!ok && r != out) nd_free(r);
        return ok ? r : NULL;
    }
    if (k == 'b' && dec != 0 && !out) /* NumPy works in a bool output it cannot cast into */
        return nd__err(ND_ERR_TYPE, "Cannot cast ufunc '%s' output from dtype('float64') to dtype('bool') with "
                       "casting rule 'same_kind'", dec > 0 ? "multiply" : "divide");
    if (k == 'b' && dec == 0 && !out) return nd_rint(a); /* float16, as np.rint */
    if (isint && dec >= 0) {
        if (!out) return nd_copy(a, 'K');
        return nd_copyto(out, a, ND_CASTING_UNSAFE) < 0 ? NULL : out;
    }
    /* 10**|decimals| as a strong scalar of the working dtype (NumPy's power_of_ten) */
    double f = 1.0;
    for (int i = 0; i < (dec < 0 ? -dec : dec); i++) f *= 10.0;
    const nd_dtype_t *wd = isint ? ND_FLOAT64 : a->dtype;
    nd_operand fv = nd_operand_value_(nd_value_typed(wd, f));
    const nd_ufunc *op1 = dec >= 0 ? nd_ufunc_multiply : nd_ufunc_divide;
    const nd_ufunc *op2 = dec >= 0 ? nd_ufunc_divide : nd_ufunc_multiply;
    nd_array *r[2] = { isint ? NULL : out, NULL };
    const nd_ufunc_opts none = { 0 };
    if (nd_ufunc_call(op1, (const nd_operand[]){ nd_operand_array_(a), fv }, r, &none) < 0) return NULL;
    nd_ufunc_opts in_place = { .out = r[0] };
    nd_array *res = r[0];
    if (nd_ufunc_call(nd_ufunc_rint, (const nd_operand[]){ nd_operand_array_(res) }, r, &in_place) < 0 ||
        nd_ufunc_call(op2, (const nd_operand[]){ nd_operand_array_(res), fv }, r, &in_place) < 0) {
        if (res != out) nd_free(res);
        return NULL;
    }
    if (!isint) return res;
    /* back to the integer type: NumPy's cast reports NaN-free but out-of-range values
     * (int64 max rounded up to 2^63) as "invalid value encountered in cast"; the values
     * are the scalar conversion's (cast.c: NumPy's vectorized loops can differ there) */
    bool fpe = nd__fpe_begin();
    nd_array *back = NULL;
    if (out) back = nd_copyto(out, res, ND_CASTING_UNSAFE) < 0 ? NULL : out;
    else back = nd_astype(res, a->dtype);
    nd_free(res);
    if (back && nd__fpe_end(fpe, "cast") < 0) {
        if (back != out) nd_free(back);
        return NULL;
    }
    if (!back) nd__fpe_end(false, NULL);
    return back;
}

nd_array *nd_fix(const nd_array *x) {
    if (!x) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_array *r = nd_ceil(x);
    if (!r) return NULL;
    nd_array *m = nd_greater_equal(x, 0);
    if (!m || !nd_floor(x, .out = r, .where = m)) {
        nd_free(m);
        nd_free(r);
        return NULL;
    }
    nd_free(m);
    return r;
}

static bool given(nd_operand v) { return v.array || v.value.dtype; }

nd_array *nd_clip_ex(const nd_array *a, nd_operand lo, nd_operand hi, const nd_clip_opts *o) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_array *out = o ? o->out : NULL;
    if (!given(lo) && !given(hi)) return nd__err(ND_ERR_VALUE, "One of max or min must be given");
    if (!given(hi)) return nd_maximum(a, lo, .out = out);
    if (!given(lo)) return nd_minimum(a, hi, .out = out);
    /* maximum and minimum both propagate NaN, from a or from a bound (NumPy 2) */
    nd_array *t = nd_maximum(a, lo);
    nd_array *r = t ? nd_minimum(t, hi, .out = out) : NULL;
    nd_free(t);
    return r;
}

/* part[m] = v where m = cmp(part, key) (isnan when cmp is NULL). */
static int replace_where(nd_array *part, nd_array *(*cmp)(nd_operand, nd_operand, const nd_ufunc_opts *),
                         double key, nd_value v) {
    nd_array *m = cmp ? cmp(nd_operand_array_(part), nd_operand_double_(key), NULL) : nd_isnan(part);
    if (!m) return -1;
    nd_array *r = nd_positive(v, .out = part, .where = m);
    nd_free(m);
    return r ? 0 : -1;
}

nd_array *nd_nan_to_num_ex(const nd_array *x, const nd_nan_to_num_opts *o) {
    if (!x) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_nan_to_num_opts none = { 0 };
    if (!o) o = &none;
    nd_array *r = nd_copy(x, 'K');
    if (!r || (x->dtype->kind != 'f' && x->dtype->kind != 'c')) return r;
    nd_finfo_t fi;
    if (nd_finfo(x->dtype, &fi) < 0) { nd_free(r); return NULL; }
    nd_value pos = o->posinf.dtype ? o->posinf : nd_value_double(fi.max);
    nd_value neg = o->neginf.dtype ? o->neginf : nd_value_double(-fi.max);
    tmps t = { .n = 0 };
    nd_array *parts[2] = { r, NULL };
    if (is_complex(r)) {
        parts[0] = keep(&t, nd_real(r));
        parts[1] = keep(&t, nd_imag(r));
    }
    int rc = 0;
    for (int k = 0; k < 2 && rc == 0; k++) {
        if (!parts[k]) { rc = k == 0 || is_complex(r) ? -1 : 0; break; }
        if (replace_where(parts[k], NULL, 0, nd_value_double(o->nan)) < 0 ||
            replace_where(parts[k], nd_equal_ex, INFINITY, pos) < 0 ||
            replace_where(parts[k], nd_equal_ex, -INFINITY, neg) < 0)
            rc = -1;
    }
    drop(&t);
    if (rc < 0) { nd_free(r); return NULL; }
    return r;
}

nd_array *nd_isclose_ex(nd_operand a, nd_operand b, const nd_isclose_opts *o) {
    nd_isclose_opts none = { 0 };
    if (!o) o = &none;
    double rtol = (o->rtol != 0 || o->tol_given) ? o->rtol : 1e-5;
    double atol = (o->atol != 0 || o->tol_given) ? o->atol : 1e-8;
    tmps t = { .n = 0 };
    /* NumPy 2: an integer (or bool) y becomes float64; Python scalars stay weak */
    nd_operand y = b;
    if (b.array && strchr("biu", b.array->dtype->kind)) {
        nd_array *yc = keep(&t, nd_astype(b.array, ND_FLOAT64));
        if (!yc) return NULL;
        y = nd_operand_array_(yc);
    } else if (!b.array && b.value.dtype && b.value.weak && strchr("biu", b.value.dtype->kind)) {
        nd_value v = b.value;
        y = nd_operand_double_(v.dtype->kind == 'b' ? (double)v.v.b : v.dtype->kind == 'u' ? (double)v.v.u : (double)v.v.i);
    }
    nd_errstate old = nd_seterr(.invalid = ND_FPE_IGNORE);
    nd_array *r = NULL, *d, *ad, *ay, *tol, *le, *fin, *eq, *c;
    if ((d = keep(&t, nd_subtract(a, y))) && (ad = keep(&t, nd_absolute(d))) && (ay = keep(&t, nd_absolute(y))) &&
        (tol = keep(&t, nd_multiply(ay, rtol))) && nd_add(tol, atol, .out = tol) && (le = keep(&t, nd_less_equal(ad, tol))) &&
        (fin = keep(&t, nd_isfinite(y))) && nd_logical_and(le, fin, .out = le) && (eq = keep(&t, nd_equal(a, y))) &&
        (c = nd_logical_or(le, eq))) {
        r = c;
        if (o->equal_nan) {
            nd_array *n1, *n2;
            if (!((n1 = keep(&t, nd_isnan(a))) && (n2 = keep(&t, nd_isnan(y))) && nd_logical_and(n1, n2, .out = n1) &&
                  nd_logical_or(r, n1, .out = r))) {
                nd_free(r);
                r = NULL;
            }
        }
    }
    nd_errstate_restore(&old);
    drop(&t);
    return r;
}

/* 1 if every element of a bool array is true, 0 if not, -1 on error */
static int all_true(nd_array *m) {
    if (!m) return -1;
    nd_array *s = nd_all(m);
    nd_free(m);
    if (!s) return -1;
    nd_value v;
    int rc = nd_item(s, ND_IDX(), &v) < 0 ? -1 : v.v.b != 0;
    nd_free(s);
    return rc;
}

int nd_allclose_ex(nd_operand a, nd_operand b, const nd_isclose_opts *o) {
    return all_true(nd_isclose_ex(a, b, o));
}

int nd_array_equal_ex(const nd_array *a1, const nd_array *a2, const nd_array_equal_opts *o) {
    if (!a1 || !a2) return nd_error_set(ND_ERR_VALUE, "array must not be NULL");
    if (a1->ndim != a2->ndim || memcmp(a1->shape, a2->shape, (size_t)a1->ndim * sizeof(int64_t))) return 0;
    nd_array *eq = nd_equal(a1, a2);
    if (!eq || !(o && o->equal_nan)) return all_true(eq);
    /* NaN matches NaN; a NaN against a number already compares unequal */
    tmps t = { .n = 0 };
    keep(&t, eq);
    nd_array *n1, *n2;
    int rc = -1;
    if ((n1 = keep(&t, nd_isnan(a1))) && (n2 = keep(&t, nd_isnan(a2))) && nd_logical_and(n1, n2, .out = n1) &&
        nd_logical_or(eq, n1, .out = eq)) {
        t.n = 0;  /* eq goes to all_true, the rest freed here */
        nd_free(n1);
        nd_free(n2);
        return all_true(eq);
    }
    drop(&t);
    return rc;
}

int nd_array_equiv(const nd_array *a1, const nd_array *a2) {
    if (!a1 || !a2) return nd_error_set(ND_ERR_VALUE, "array must not be NULL");
    const nd_array *arrs[2] = { a1, a2 };
    int ndim;
    int64_t shape[ND_MAXDIMS], st[2][ND_MAXDIMS];
    if (nd__broadcast(2, arrs, &ndim, shape, st) < 0) {
        nd_error_clear();
        return 0;
    }
    return all_true(nd_equal(a1, a2));
}

nd_array *nd_sinc(const nd_array *x) {
    if (!x) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    /* NumPy 2: y = pi * x; y = where(y, y, eps); sin(y) / y, in x's own float type
     * (float64 for bool and integers); eps is finfo(dtype).eps for floats, 1e-20
     * otherwise, so sinc(0) is 1 in every precision */
    char k = x->dtype->kind;
    const nd_dtype_t *dt = k == 'f' || k == 'c' ? x->dtype : ND_FLOAT64;
    nd_finfo_t fi;
    double eps = k == 'f' && nd_finfo(dt, &fi) == 0 ? fi.eps : 1.0e-20;
    nd_array *y = nd_multiply(x, ND__PI_D, .dtype = dt), *m = y ? nd_equal(y, 0) : NULL, *r = NULL;
    if (m && nd_positive(nd_value_typed(dt, eps), .out = y, .where = m) && (r = nd_sin(y)) &&
        !nd_divide(r, y, .out = r)) {
        nd_free(r);
        r = NULL;
    }
    nd_free(m);
    nd_free(y);
    return r;
}

/* "a[:, 1:, :]"-style index text selecting `sel` on axis ax of an ndim-d array */
static void axis_index(char *buf, size_t cap, int ndim, int ax, const char *sel) {
    size_t n = 0;
    buf[0] = 0;
    for (int i = 0; i < ndim && n < cap; i++)
        n += (size_t)snprintf(buf + n, cap - n, "%s%s", i ? "," : "", i == ax ? sel : ":");
}

nd_array *nd_unwrap_ex(const nd_array *p, const nd_unwrap_opts *o) {
    if (!p) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_unwrap_opts none = { 0 };
    if (!o) o = &none;
    int ax = o->axis.n ? o->axis.v[0] : -1;
    if (ax < -p->ndim || ax >= p->ndim)
        return nd__err(ND_ERR_AXIS, "axis %d is out of bounds for array of dimension %d", ax, p->ndim);
    if (ax < 0) ax += p->ndim;
    double period = o->period != 0 ? o->period : 2 * ND__PI_D;
    double discont = o->discont != 0 ? o->discont : period / 2;
    double high = period / 2, low = -high;
    if (p->ndim > 32) return nd__err(ND_ERR_VALUE, "unwrap: too many dimensions");
    char hi_sel[160], lo_sel[160];
    axis_index(hi_sel, sizeof hi_sel, p->ndim, ax, "1:");
    axis_index(lo_sel, sizeof lo_sel, p->ndim, ax, ":-1");
    tmps t = { .n = 0 };
    nd_array *r = NULL, *p1, *p0, *dd, *dm, *m, *m2, *ph, *adm, *up, *cs, *view;
    nd_errstate old = nd_seterr(.invalid = ND_FPE_IGNORE);
    /* dd = diff(p); ddmod = mod(dd - low, period) + low, with +high (not low) for
     * positive jumps landing on the boundary; corrections where |dd| >= discont */
    if ((p1 = keep(&t, nd_get(p, hi_sel))) && (p0 = keep(&t, nd_get(p, lo_sel))) &&
        (dd = keep(&t, nd_subtract(p1, p0))) && (dm = keep(&t, nd_subtract(dd, low))) &&
        nd_remainder(dm, period, .out = dm) && nd_add(dm, low, .out = dm) &&
        (m = keep(&t, nd_equal(dm, low))) && (m2 = keep(&t, nd_greater(dd, 0))) &&
        nd_logical_and(m, m2, .out = m) && nd_positive(high, .out = dm, .where = m) &&
        (ph = keep(&t, nd_subtract(dm, dd))) && (adm = keep(&t, nd_absolute(dd))) &&
        nd_less(adm, discont, .out = m) && nd_positive(0.0, .out = ph, .where = m) &&
        (up = nd_astype(p, nd_dtype(ph)))) {
        if ((cs = keep(&t, nd_cumsum(ph, .axis = ND_AXIS(ax)))) && (view = keep(&t, nd_get(up, hi_sel))) &&
            nd_add(p1, cs, .out = view))
            r = up;
        else
            nd_free(up);
    }
    nd_errstate_restore(&old);
    drop(&t);
    return r;
}
