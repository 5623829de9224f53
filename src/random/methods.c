/* The distribution methods on arrays: one driver (dist_run) converts parameters,
 * applies NumPy's checks to every value before any draw, broadcasts against size and
 * fills the output in C order through the iterator; each method is a table entry. */
#include "core/internal.h"
#include "random/fast.h"
#include "random/kernels.h"
#include "random/rng.h"

#include <math.h>


typedef union pv { double d; int64_t i; } pv;

enum cons { C_NONE, C_NONNEG, C_POS, C_01, C_GT0_LE1, C_0_LT1, C_GT1, C_POISSON, C_NONNEG_INT, C_POS_INT, C_GE1_INT };

typedef struct dist {
    int np;
    const char *pname[3];
    unsigned char cons[3];
    bool int_param[3];
    double (*fd)(nd__rs *rs, bool leg, const pv *p);
    int64_t (*fi)(nd__rs *rs, bool leg, const pv *p);
    float (*ff)(nd__rs *rs, bool leg, const pv *p);
    /* checks on several parameters at once (only when some are arrays if scalar_ok);
     * returns a message (ValueError, or *code) or NULL */
    const char *(*check)(const pv *p, bool leg, int *code);
    unsigned char lcons[3]; /* RandomState's constraint where it differs (0: cons) */
    nd__fast_kind fast;      /* fast.c's contiguous loop for scalar parameters, if any */
} dist;

#define POISSON_LAM_MAX (9.223372036854775807e18 - 10 * sqrt(9.223372036854775807e18))

static double val_d(nd_value v) {
    switch (nd__value_dtype(v)->kind) {
    case 'b': return v.v.b;
    case 'i': return (double)v.v.i;
    case 'u': return (double)v.v.u;
    case 'c': return v.v.c.re;
    default: return v.v.f;
    }
}

static int64_t val_i(nd_value v) {
    switch (nd__value_dtype(v)->kind) {
    case 'b': return v.v.b;
    case 'i': return v.v.i;
    case 'u': return (int64_t)v.v.u;
    case 'c': return (int64_t)v.v.c.re;
    default: return (int64_t)v.v.f;
    }
}

/* NumPy's constraint check of one value; msg gets its error text. */
static bool cons_ok(int c, pv v, const char *n, bool arr, char *msg, size_t cap) {
    double x = v.d;
    const char *nan_txt = arr ? "contains NaNs" : "is NaN";
    switch (c) {
    case C_NONNEG:
        if (!isnan(x) && signbit(x)) { snprintf(msg, cap, "%s < 0", n); return false; }
        return true;
    case C_POS:
        if (x <= 0) { snprintf(msg, cap, "%s <= 0", n); return false; }
        return true;
    case C_01:
        if (!(x >= 0) || !(x <= 1)) { snprintf(msg, cap, "%s < 0, %s > 1 or %s %s", n, n, n, nan_txt); return false; }
        return true;
    case C_GT0_LE1:
        if (!(x > 0) || !(x <= 1)) { snprintf(msg, cap, "%s <= 0, %s > 1 or %s contains NaNs", n, n, n); return false; }
        return true;
    case C_0_LT1:
        if (!(x >= 0) || !(x < 1)) { snprintf(msg, cap, "%s < 0, %s >= 1 or %s %s", n, n, n, nan_txt); return false; }
        return true;
    case C_GT1:
        if (!(x > 1)) { snprintf(msg, cap, "%s <= 1 or %s %s", n, n, nan_txt); return false; }
        return true;
    case C_POISSON:
        if (!(x >= 0)) { snprintf(msg, cap, "%s < 0 or %s %s", n, n, nan_txt); return false; }
        if (x > POISSON_LAM_MAX) { snprintf(msg, cap, "%s value too large", n); return false; }
        return true;
    case C_NONNEG_INT:
        if (v.i < 0) { snprintf(msg, cap, "%s < 0", n); return false; }
        return true;
    case C_POS_INT:
        if (v.i <= 0) { snprintf(msg, cap, "%s <= 0", n); return false; }
        return true;
    case C_GE1_INT:
        if (v.i < 1) { snprintf(msg, cap, "%s < 1 or %s %s", n, n, nan_txt); return false; }
        return true;
    }
    return true;
}

typedef struct fill_ud {
    nd__rs *rs;
    bool leg;
    const dist *d;
    pv sc[3];
    int op[3];  /* operand index of an array parameter, -1 for a scalar */
    int kind;   /* 0 float64, 1 float32, 2 int64 */
} fill_ud;

static int fill_loop(char **ptrs, int64_t n, const int64_t *strides, void *vud) {
    fill_ud *u = vud;
    const dist *d = u->d;
    pv p[3] = { u->sc[0], u->sc[1], u->sc[2] };
    char *o = ptrs[0];
    for (int64_t k = 0; k < n; k++, o += strides[0]) {
        for (int j = 0; j < d->np; j++)
            if (u->op[j] >= 0) memcpy(&p[j], ptrs[u->op[j]] + k * strides[u->op[j]], sizeof(pv));
        if (u->kind == 0) *(double *)o = d->fd(u->rs, u->leg, p);
        else if (u->kind == 1) *(float *)o = d->ff(u->rs, u->leg, p);
        else *(int64_t *)o = d->fi(u->rs, u->leg, p);
    }
    return 0;
}

static bool size_given(const nd_random_opts *o) { return o->size.ndim > 0 || o->size.dims; }

/* Output shape from size and the parameter arrays; checks NumPy's broadcast rules. */
static int out_shape(const nd_random_opts *o, int na, nd_array *const *arrs, const int *argpos, int *ndim,
                     int64_t *shape) {
    nd_shape_t shapes[4];
    int k = 0, pos[4]; /* pos: NumPy's "arg" number (size's output is arg 0) */
    if (size_given(o)) {
        if (o->size.ndim < 0 || o->size.ndim > ND_MAXDIMS) return nd_error_set(ND_ERR_VALUE, "invalid size");
        for (int i = 0; i < o->size.ndim; i++)
            if (o->size.dims[i] < 0) return nd_error_set(ND_ERR_VALUE, "negative dimensions are not allowed");
        pos[k] = 0;
        shapes[k++] = o->size;
    }
    for (int i = 0; i < na; i++) {
        pos[k] = argpos[i] + (size_given(o) ? 1 : 0);
        shapes[k++] = (nd_shape_t){ arrs[i]->ndim, arrs[i]->shape };
    }
    if (k == 0) {
        *ndim = 0;
        return 0;
    }
    int nd = nd_broadcast_shapes(k, shapes, shape);
    bool ok = nd >= 0;
    if (ok && size_given(o)) {
        ok = nd == o->size.ndim;
        for (int i = 0; ok && i < nd; i++) ok = shape[i] == o->size.dims[i];
    }
    if (!ok) {
        /* NumPy names the first pair that fails */
        char s0[256], s1[256];
        int i0 = 0;
        while (i0 < k - 1 && shapes[i0].ndim == 0) i0++; /* the first operand with dimensions */
        int j = i0 + 1;
        for (; j < k; j++) {
            int64_t tmp[ND_MAXDIMS];
            nd_shape_t two[2] = { shapes[i0], shapes[j] };
            int r = nd_broadcast_shapes(2, two, tmp);
            if (r < 0 || (size_given(o) && (r != shapes[0].ndim || memcmp(tmp, shapes[0].dims, sizeof(int64_t) * (size_t)r))))
                break;
        }
        if (j >= k) j = k - 1;
        nd__shape_str(s0, sizeof s0, shapes[i0].ndim, shapes[i0].dims);
        nd__shape_str(s1, sizeof s1, shapes[j].ndim, shapes[j].dims);
        return nd_error_set(ND_ERR_VALUE, "shape mismatch: objects cannot be broadcast to a single shape.  "
                            "Mismatch is between arg %d with shape %s and arg %d with shape %s.", pos[i0], s0, pos[j], s1);
    }
    *ndim = nd;
    return 0;
}

/* A new output of dtype dt and the shape, or the user's .out after checking it. */
static nd_array *make_out(const nd_random_opts *o, const nd_dtype_t *dt, int ndim, const int64_t *shape) {
    if (o->out) {
        nd_array *out = o->out;
        if (!nd_dtype_equal(out->dtype, dt))
            return nd__err(ND_ERR_TYPE, "Supplied output array has the wrong type. Expected %s, got %s",
                           nd_dtype_name(dt), nd_dtype_name(out->dtype));
        if (size_given(o) || ndim) {
            bool same = out->ndim == ndim;
            for (int i = 0; same && i < ndim; i++) same = out->shape[i] == shape[i];
            if (!same) return nd__err(ND_ERR_VALUE, "size must match out.shape when used together");
        }
        if (!nd__check_writeable(out)) return NULL;
        return out;
    }
    return nd__new(dt, ndim, shape, 'C', false);
}

static nd_array *dist_run(nd_rng *rng, const dist *d, const nd_rparam *par, const nd_random_opts *o,
                          const nd_dtype_t *dt) {
    static const nd_random_opts def = { 0 };
    if (!o) o = &def;
    nd_array *arrs[3] = { NULL, NULL, NULL }, *out = NULL, *res = NULL;
    fill_ud u = { .d = d, .op = { -1, -1, -1 } };
    u.kind = dt == ND_FLOAT64 ? 0 : dt == ND_FLOAT32 ? 1 : 2;
    int na = 0, argpos[3] = { 0, 0, 0 };
    char msg[256];
    for (int j = 0; j < d->np; j++) {
        if (par[j].a) {
            arrs[na] = nd_astype(par[j].a, d->int_param[j] ? ND_INT64 : ND_FLOAT64, .order = 'C');
            if (!arrs[na]) goto done;
            argpos[na] = j;
            u.op[j] = 1 + na++;
        } else if (!par[j].v.dtype) { /* ND_RPARAM of a NULL array */
            nd_error_set(ND_ERR_VALUE, "%s must not be NULL", d->pname[j]);
            goto done;
        } else if (d->int_param[j]) {
            u.sc[j].i = val_i(par[j].v);
        } else {
            u.sc[j].d = val_d(par[j].v);
        }
    }
    /* every value is checked before anything is drawn; with any array parameter NumPy
     * checks them all as arrays ("contains NaNs") */
    bool leg = !rng || rng->legacy;
    for (int j = 0; j < d->np; j++) {
        int c = leg && d->lcons[j] ? d->lcons[j] : d->cons[j];
        if (!c) continue;
        if (u.op[j] < 0) {
            if (!cons_ok(c, u.sc[j], d->pname[j], na > 0, msg, sizeof msg)) {
                nd_error_set(ND_ERR_VALUE, "%s", msg);
                goto done;
            }
        } else {
            nd_array *a = arrs[u.op[j] - 1];
            const pv *v = (const pv *)a->data;
            for (int64_t k = 0, n = nd_size(a); k < n; k++)
                if (!cons_ok(c, v[k], d->pname[j], true, msg, sizeof msg)) {
                    nd_error_set(ND_ERR_VALUE, "%s", msg);
                    goto done;
                }
        }
    }
    if (d->check) {
        if (na == 0) {
            int code = ND_ERR_VALUE;
            const char *m = d->check(u.sc, leg, &code);
            if (m) { nd_error_set(code, "%s", m); goto done; }
        } else {
            /* walk the broadcast parameters once */
            int nd;
            int64_t shape[ND_MAXDIMS];
            if (out_shape(&(nd_random_opts){ 0 }, na, arrs, argpos, &nd, shape) < 0) goto done;
            int64_t n = nd__shape_size(nd, shape);
            for (int64_t k = 0; k < n; k++) {
                pv p[3];
                int64_t rem = k;
                for (int j = 0; j < d->np; j++) p[j] = u.sc[j];
                int64_t idx[ND_MAXDIMS];
                for (int ax = nd - 1; ax >= 0; ax--) { idx[ax] = rem % shape[ax]; rem /= shape[ax]; }
                for (int j = 0; j < d->np; j++) {
                    if (u.op[j] < 0) continue;
                    nd_array *a = arrs[u.op[j] - 1];
                    int64_t off = 0, mul = 1;
                    for (int ax = a->ndim - 1; ax >= 0; ax--) {
                        int64_t i = a->shape[ax] == 1 ? 0 : idx[nd - a->ndim + ax];
                        off += i * mul;
                        mul *= a->shape[ax];
                    }
                    p[j] = ((const pv *)a->data)[off];
                }
                int code = ND_ERR_VALUE;
                const char *m = d->check(p, leg, &code);
                if (m) { nd_error_set(code, "%s", m); goto done; }
            }
        }
    }
    int ndim;
    int64_t shape[ND_MAXDIMS];
    if (out_shape(o, na, arrs, argpos, &ndim, shape) < 0) goto done;
    out = make_out(o, dt, ndim, shape);
    if (!out) goto done;
    nd_rng *r = nd__rng_acquire(rng);
    u.rs = &r->rs;
    u.leg = r->legacy;
    int rc;
    if (na == 0 && d->fast && nd_is_c_contiguous(out) && (dt == ND_FLOAT64 || d->fast == ND__FAST_RANDOM)) {
        nd__fast_kind f = d->fast == ND__FAST_RANDOM && dt == ND_FLOAT32 ? ND__FAST_RANDOM_F32 : d->fast;
        double a = u.sc[0].d, b = f == ND__FAST_UNIFORM ? u.sc[1].d - u.sc[0].d : f == ND__FAST_NORMAL ? u.sc[1].d : a;
        nd__fast_floats(u.rs, u.leg, f, a, b, out->data, nd_size(out));
        rc = 0;
    } else if (na == 0 && nd_is_c_contiguous(out)) {
        char *ptrs[1] = { out->data };
        int64_t st[1] = { nd_dtype_itemsize(dt) };
        rc = fill_loop(ptrs, nd_size(out), st, &u);
    } else {
        const nd_array *ops[4] = { out, arrs[0], arrs[1], arrs[2] };
        rc = nd__iter_run(1 + na, ops, true, fill_loop, &u);
    }
    nd__rng_release(rng);
    if (rc == 0) res = out;
done:
    for (int j = 0; j < na; j++) nd_free(arrs[j]);
    if (!res && out && out != o->out) nd_free(out);
    return res;
}

/* ------------------------------------------------------------ kernels by table */

static double kd_random(nd__rs *rs, bool leg, const pv *p) { return nd__next_double(&rs->bg); }
static float kf_random(nd__rs *rs, bool leg, const pv *p) { return nd__next_float(&rs->bg); }
static double kd_stdnorm(nd__rs *rs, bool leg, const pv *p) { return leg ? nd__legacy_gauss(rs) : nd__std_normal(&rs->bg); }
static float kf_stdnorm(nd__rs *rs, bool leg, const pv *p) { return nd__std_normal_f(&rs->bg); }
static double kd_normal(nd__rs *rs, bool leg, const pv *p) { return p[0].d + p[1].d * kd_stdnorm(rs, leg, p); }
static double kd_stdexp(nd__rs *rs, bool leg, const pv *p) { return leg ? nd__legacy_std_exp(rs) : nd__std_exp(&rs->bg); }
static float kf_stdexp(nd__rs *rs, bool leg, const pv *p) { return nd__std_exp_f(&rs->bg); }
static double kd_stdexp_inv(nd__rs *rs, bool leg, const pv *p) { return -log1p(-nd__next_double(&rs->bg)); }
static float kf_stdexp_inv(nd__rs *rs, bool leg, const pv *p) { return (float)-log1p(-(double)nd__next_float(&rs->bg)); }
static double kd_exponential(nd__rs *rs, bool leg, const pv *p) { return p[0].d * kd_stdexp(rs, leg, p); }
static double kd_uniform(nd__rs *rs, bool leg, const pv *p) {
    return p[0].d + (p[1].d - p[0].d) * nd__next_double(&rs->bg);
}
static double kd_stdgamma(nd__rs *rs, bool leg, const pv *p) {
    return leg ? nd__legacy_std_gamma(rs, p[0].d) : nd__std_gamma(&rs->bg, p[0].d);
}
static float kf_stdgamma(nd__rs *rs, bool leg, const pv *p) { return nd__std_gamma_f(&rs->bg, (float)p[0].d); }
static double kd_gamma(nd__rs *rs, bool leg, const pv *p) { return p[1].d * kd_stdgamma(rs, leg, p); }
static double kd_beta(nd__rs *rs, bool leg, const pv *p) { return nd__k_beta(rs, leg, p[0].d, p[1].d); }
static double kd_chisquare(nd__rs *rs, bool leg, const pv *p) { return nd__k_chisquare(rs, leg, p[0].d); }
static double kd_ncchisq(nd__rs *rs, bool leg, const pv *p) { return nd__k_noncentral_chisquare(rs, leg, p[0].d, p[1].d); }
static double kd_f(nd__rs *rs, bool leg, const pv *p) { return nd__k_f(rs, leg, p[0].d, p[1].d); }
static double kd_ncf(nd__rs *rs, bool leg, const pv *p) { return nd__k_noncentral_f(rs, leg, p[0].d, p[1].d, p[2].d); }
static double kd_t(nd__rs *rs, bool leg, const pv *p) { return nd__k_standard_t(rs, leg, p[0].d); }
static double kd_cauchy(nd__rs *rs, bool leg, const pv *p) { return nd__k_standard_cauchy(rs, leg); }
static double kd_pareto(nd__rs *rs, bool leg, const pv *p) { return nd__k_pareto(rs, leg, p[0].d); }
static double kd_weibull(nd__rs *rs, bool leg, const pv *p) { return nd__k_weibull(rs, leg, p[0].d); }
static double kd_power(nd__rs *rs, bool leg, const pv *p) { return nd__k_power(rs, leg, p[0].d); }
static double kd_rayleigh(nd__rs *rs, bool leg, const pv *p) { return nd__k_rayleigh(rs, leg, p[0].d); }
static double kd_lognormal(nd__rs *rs, bool leg, const pv *p) { return exp(kd_normal(rs, leg, p)); }
static double kd_logistic(nd__rs *rs, bool leg, const pv *p) { return nd__k_logistic(rs, p[0].d, p[1].d); }
static double kd_laplace(nd__rs *rs, bool leg, const pv *p) { return nd__k_laplace(rs, p[0].d, p[1].d); }
static double kd_gumbel(nd__rs *rs, bool leg, const pv *p) { return nd__k_gumbel(rs, p[0].d, p[1].d); }
static double kd_vonmises(nd__rs *rs, bool leg, const pv *p) { return nd__k_vonmises(rs, leg, p[0].d, p[1].d); }
static double kd_wald(nd__rs *rs, bool leg, const pv *p) { return nd__k_wald(rs, leg, p[0].d, p[1].d); }
static double kd_triangular(nd__rs *rs, bool leg, const pv *p) { return nd__k_triangular(rs, p[0].d, p[1].d, p[2].d); }
static int64_t ki_binomial(nd__rs *rs, bool leg, const pv *p) {
    return leg ? nd__legacy_binomial(rs, p[0].i, p[1].d) : nd__binomial(rs, p[0].i, p[1].d);
}
static int64_t ki_negbin(nd__rs *rs, bool leg, const pv *p) { return nd__k_negative_binomial(rs, leg, p[0].d, p[1].d); }
static int64_t ki_poisson(nd__rs *rs, bool leg, const pv *p) { return nd__poisson(&rs->bg, p[0].d); }
static int64_t ki_geometric(nd__rs *rs, bool leg, const pv *p) { return nd__k_geometric(rs, leg, p[0].d); }
static int64_t ki_zipf(nd__rs *rs, bool leg, const pv *p) { return nd__k_zipf(rs, p[0].d); }
static int64_t ki_logseries(nd__rs *rs, bool leg, const pv *p) { return nd__k_logseries(rs, p[0].d); }
static int64_t ki_hyper(nd__rs *rs, bool leg, const pv *p) { return nd__k_hypergeometric(rs, leg, p[0].i, p[1].i, p[2].i); }

static const char *chk_triangular(const pv *p, bool leg, int *code) {
    if (p[0].d > p[1].d) return "left > mode";
    if (p[1].d > p[2].d) return "mode > right";
    if (p[0].d == p[2].d) return "left == right";
    return NULL;
}
/* array-valued low/high (the scalar case has its own messages in nd_random_uniform_ex) */
static const char *chk_uniform(const pv *p, bool leg, int *code) {
    double range = p[1].d - p[0].d;
    if (!isfinite(range)) {
        *code = ND_ERR_OVERFLOW;
        return "Range exceeds valid bounds";
    }
    return !leg && range < 0 ? "high - low < 0" : NULL;
}
static const char *chk_hyper(const pv *p, bool leg, int *code) {
    if (p[0].i + p[1].i < p[2].i) return "ngood + nbad < nsample";
    return NULL;
}

static const dist D_random = { 0, { 0 }, { 0 }, { 0 }, kd_random, NULL, kf_random, NULL, .fast = ND__FAST_RANDOM };
static const dist D_stdnorm = { 0, { 0 }, { 0 }, { 0 }, kd_stdnorm, NULL, kf_stdnorm, NULL, .fast = ND__FAST_STD_NORMAL };
static const dist D_normal = { 2, { "loc", "scale" }, { C_NONE, C_NONNEG }, { 0 }, kd_normal, NULL, NULL, NULL, .fast = ND__FAST_NORMAL };
static const dist D_stdexp = { 0, { 0 }, { 0 }, { 0 }, kd_stdexp, NULL, kf_stdexp, NULL, .fast = ND__FAST_STD_EXP };
static const dist D_stdexp_inv = { 0, { 0 }, { 0 }, { 0 }, kd_stdexp_inv, NULL, kf_stdexp_inv, NULL };
static const dist D_exponential = { 1, { "scale" }, { C_NONNEG }, { 0 }, kd_exponential, NULL, NULL, NULL, .fast = ND__FAST_EXP };
static const dist D_uniform = { 2, { "low", "high" }, { 0 }, { 0 }, kd_uniform, NULL, NULL, chk_uniform, .fast = ND__FAST_UNIFORM };
static const dist D_stdgamma = { 1, { "shape" }, { C_NONNEG }, { 0 }, kd_stdgamma, NULL, kf_stdgamma, NULL };
static const dist D_gamma = { 2, { "shape", "scale" }, { C_NONNEG, C_NONNEG }, { 0 }, kd_gamma, NULL, NULL, NULL };
static const dist D_beta = { 2, { "a", "b" }, { C_POS, C_POS }, { 0 }, kd_beta, NULL, NULL, NULL };
static const dist D_chisquare = { 1, { "df" }, { C_POS }, { 0 }, kd_chisquare, NULL, NULL, NULL };
static const dist D_ncchisq = { 2, { "df", "nonc" }, { C_POS, C_NONNEG }, { 0 }, kd_ncchisq, NULL, NULL, NULL };
static const dist D_f = { 2, { "dfnum", "dfden" }, { C_POS, C_POS }, { 0 }, kd_f, NULL, NULL, NULL };
static const dist D_ncf = { 3, { "dfnum", "dfden", "nonc" }, { C_POS, C_POS, C_NONNEG }, { 0 }, kd_ncf, NULL, NULL, NULL };
static const dist D_t = { 1, { "df" }, { C_POS }, { 0 }, kd_t, NULL, NULL, NULL };
static const dist D_cauchy = { 0, { 0 }, { 0 }, { 0 }, kd_cauchy, NULL, NULL, NULL };
static const dist D_pareto = { 1, { "a" }, { C_POS }, { 0 }, kd_pareto, NULL, NULL, NULL };
static const dist D_weibull = { 1, { "a" }, { C_NONNEG }, { 0 }, kd_weibull, NULL, NULL, NULL };
static const dist D_power = { 1, { "a" }, { C_POS }, { 0 }, kd_power, NULL, NULL, NULL };
static const dist D_rayleigh = { 1, { "scale" }, { C_NONNEG }, { 0 }, kd_rayleigh, NULL, NULL, NULL };
static const dist D_lognormal = { 2, { "mean", "sigma" }, { C_NONE, C_NONNEG }, { 0 }, kd_lognormal, NULL, NULL, NULL };
static const dist D_logistic = { 2, { "loc", "scale" }, { C_NONE, C_NONNEG }, { 0 }, kd_logistic, NULL, NULL, NULL };
static const dist D_laplace = { 2, { "loc", "scale" }, { C_NONE, C_NONNEG }, { 0 }, kd_laplace, NULL, NULL, NULL };
static const dist D_gumbel = { 2, { "loc", "scale" }, { C_NONE, C_NONNEG }, { 0 }, kd_gumbel, NULL, NULL, NULL };
static const dist D_vonmises = { 2, { "mu", "kappa" }, { C_NONE, C_NONNEG }, { 0 }, kd_vonmises, NULL, NULL, NULL };
static const dist D_wald = { 2, { "mean", "scale" }, { C_POS, C_POS }, { 0 }, kd_wald, NULL, NULL, NULL };
static const dist D_triangular = { 3, { "left", "mode", "right" }, { 0 }, { 0 }, kd_triangular, NULL, NULL, chk_triangular };
static const dist D_binomial = { 2, { "n", "p" }, { C_NONNEG_INT, C_01 }, { true, false }, NULL, ki_binomial, NULL, NULL };
static const dist D_negbin = { 2, { "n", "p" }, { C_POS, C_GT0_LE1 }, { 0 }, NULL, ki_negbin, NULL, NULL, { 0, C_01 } };
static const dist D_poisson = { 1, { "lam" }, { C_POISSON }, { 0 }, NULL, ki_poisson, NULL, NULL };
static const dist D_geometric = { 1, { "p" }, { C_GT0_LE1 }, { 0 }, NULL, ki_geometric, NULL, NULL };
static const dist D_zipf = { 1, { "a" }, { C_GT1 }, { 0 }, NULL, ki_zipf, NULL, NULL };
static const dist D_logseries = { 1, { "p" }, { C_0_LT1 }, { 0 }, NULL, ki_logseries, NULL, NULL };
static const dist D_hyper = { 3, { "ngood", "nbad", "nsample" }, { C_NONNEG_INT, C_NONNEG_INT, C_NONNEG_INT },
                              { true, true, true }, NULL, ki_hyper, NULL, chk_hyper, { 0, 0, C_GE1_INT } };

/* float64 or float32 (methods with dtype=); anything else is NumPy's TypeError. */
static const nd_dtype_t *float_dtype(const nd_random_opts *o, const char *method) {
    const nd_dtype_t *dt = o && o->dtype ? o->dtype : ND_FLOAT64;
    if (dt->type == ND_TYPE_FLOAT64) return ND_FLOAT64;
    if (dt->type == ND_TYPE_FLOAT32) return ND_FLOAT32;
    return nd__err(ND_ERR_TYPE, "Unsupported dtype dtype('%s') for %s", nd_dtype_name(dt), method);
}

nd_array *nd_random_random_ex(nd_rng *rng, const nd_random_opts *o) {
    const nd_dtype_t *dt = float_dtype(o, "random");
    return dt ? dist_run(rng, &D_random, NULL, o, dt) : NULL;
}

nd_array *nd_random_standard_normal_ex(nd_rng *rng, const nd_random_opts *o) {
    const nd_dtype_t *dt = float_dtype(o, "standard_normal");
    if (dt == ND_FLOAT32 && (!rng || rng->legacy)) return nd__err(ND_ERR_TYPE, "RandomState has no dtype= argument");
    return dt ? dist_run(rng, &D_stdnorm, NULL, o, dt) : NULL;
}

nd_array *nd_random_standard_exponential_ex(nd_rng *rng, const nd_random_opts *o) {
    const nd_dtype_t *dt = float_dtype(o, "standard_exponential");
    if (!dt) return NULL;
    bool inv = o && o->method && strcmp(o->method, "inv") == 0;
    if (o && o->method && !inv && strcmp(o->method, "zig") != 0)
        return nd__err(ND_ERR_VALUE, "method must be either 'inv' or 'zig'");
    return dist_run(rng, inv ? &D_stdexp_inv : &D_stdexp, NULL, o, dt);
}

nd_array *nd_random_standard_cauchy_ex(nd_rng *rng, const nd_random_opts *o) {
    return dist_run(rng, &D_cauchy, NULL, o, ND_FLOAT64);
}

nd_array *nd_random_normal_ex(nd_rng *rng, nd_rparam loc, nd_rparam scale, const nd_random_opts *o) {
    return dist_run(rng, &D_normal, (nd_rparam[]){ loc, scale }, o, ND_FLOAT64);
}

nd_array *nd_random_uniform_ex(nd_rng *rng, nd_rparam low, nd_rparam high, const nd_random_opts *o) {
    if (!low.a && !high.a) {
        double lo = val_d(low.v), hi = val_d(high.v), range = hi - lo;
        bool leg = !rng || rng->legacy;
        if (!isfinite(range))
            return nd__err(ND_ERR_OVERFLOW, leg ? "Range exceeds valid bounds" : "high - low range exceeds valid bounds");
        if (range < 0 && !leg) return nd__err(ND_ERR_VALUE, "high - low < 0");
    }
    return dist_run(rng, &D_uniform, (nd_rparam[]){ low, high }, o, ND_FLOAT64);
}

nd_array *nd_random_standard_gamma_ex(nd_rng *rng, nd_rparam shape, const nd_random_opts *o) {
    const nd_dtype_t *dt = float_dtype(o, "standard_gamma");
    return dt ? dist_run(rng, &D_stdgamma, (nd_rparam[]){ shape }, o, dt) : NULL;
}

#define ONE_(name, D, T) \
    nd_array *nd_random_##name##_ex(nd_rng *rng, nd_rparam a, const nd_random_opts *o) { \
        return dist_run(rng, &D, (nd_rparam[]){ a }, o, T); }
#define TWO_(name, D, T) \
    nd_array *nd_random_##name##_ex(nd_rng *rng, nd_rparam a, nd_rparam b, const nd_random_opts *o) { \
        return dist_run(rng, &D, (nd_rparam[]){ a, b }, o, T); }
#define THREE_(name, D, T) \
    nd_array *nd_random_##name##_ex(nd_rng *rng, nd_rparam a, nd_rparam b, nd_rparam c, const nd_random_opts *o) { \
        return dist_run(rng, &D, (nd_rparam[]){ a, b, c }, o, T); }

ONE_(exponential, D_exponential, ND_FLOAT64)
ONE_(chisquare, D_chisquare, ND_FLOAT64)
ONE_(standard_t, D_t, ND_FLOAT64)
ONE_(pareto, D_pareto, ND_FLOAT64)
ONE_(weibull, D_weibull, ND_FLOAT64)
ONE_(power, D_power, ND_FLOAT64)
ONE_(rayleigh, D_rayleigh, ND_FLOAT64)
ONE_(poisson, D_poisson, ND_INT64)
ONE_(geometric, D_geometric, ND_INT64)
ONE_(zipf, D_zipf, ND_INT64)
ONE_(logseries, D_logseries, ND_INT64)
TWO_(gamma, D_gamma, ND_FLOAT64)
TWO_(beta, D_beta, ND_FLOAT64)
TWO_(f, D_f, ND_FLOAT64)
TWO_(noncentral_chisquare, D_ncchisq, ND_FLOAT64)
TWO_(lognormal, D_lognormal, ND_FLOAT64)
TWO_(logistic, D_logistic, ND_FLOAT64)
TWO_(laplace, D_laplace, ND_FLOAT64)
TWO_(gumbel, D_gumbel, ND_FLOAT64)
TWO_(vonmises, D_vonmises, ND_FLOAT64)
TWO_(wald, D_wald, ND_FLOAT64)
TWO_(binomial, D_binomial, ND_INT64)
TWO_(negative_binomial, D_negbin, ND_INT64)
THREE_(noncentral_f, D_ncf, ND_FLOAT64)
THREE_(triangular, D_triangular, ND_FLOAT64)
THREE_(hypergeometric, D_hyper, ND_INT64)
