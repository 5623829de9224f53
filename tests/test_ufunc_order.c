/* Reductions over reversed and strided views against NumPy bit for bit
 * (tests/golden/ufunc/make_order.py -> order.txt).  NumPy's reductions never flip a
 * negative stride, so a[::-1].sum() adds in the view's logical order (it equals
 * a[::-1].copy().sum()), and a reduced block that does not coalesce is summed
 * pairwise in buffered chunks of 8192 in iteration order.  float32, float64,
 * complex64, complex128; 1-d, 2-d reversed in either axis or both, 3-d over two axes;
 * sum, mean, prod, cumsum, cumprod, nansum, nanmean, std, var, argmax, argmin. */
#include "check.h"

#include <math.h>
#include <stdint.h>

/* the script's gen(): n values of a kind, from the same hash */
static double *gen(const char *kind, int64_t n, uint64_t salt) {
    double *x = malloc(sizeof(double) * (size_t)(n + 1));
    if (!x) return NULL;
    for (int64_t k = 0; k < n; k++) {
        uint64_t h = ((uint64_t)k * 2654435761u + salt * 40503u) % 4294967296u;
        uint64_t h2 = (h * 2246822519u + 374761393u) % 4294967296u;
        int64_t m = (int64_t)(h % 16777216u) - 8388608;
        int e = (int)(h2 % 41) - 43;
        if (!strcmp(kind, "unit")) x[k] = 1.0 + ldexp(floor((double)m / 4096.0), -23);
        else if (!strcmp(kind, "ties")) x[k] = (double)(((m % 5) + 5) % 5);
        else x[k] = (!strcmp(kind, "nan") && k % 7 == 3) ? NAN : ldexp((double)m, e);
    }
    return x;
}

static bool same(double a, double b) { return (isnan(a) && isnan(b)) || (a == b && signbit(a) == signbit(b)); }

static nd_array *base_array(const char *dtname, const char *kind, const char *shp, uint64_t salt) {
    int64_t shape[3], n = 1;
    int nd = 0;
    for (const char *p = shp; *p && nd < 3;) {
        shape[nd] = strtoll(p, (char **)&p, 10);
        n *= shape[nd++];
        if (*p == 'x') p++;
    }
    const nd_dtype_t *dt = nd_dtype_parse(dtname);
    bool cplx = nd_dtype_is_complex(dt);
    double *x = gen(kind, cplx ? 2 * n : n, salt);
    nd_array *r = NULL;
    if (x && cplx) {
        for (int64_t j = 0; j < n; j++) x[2 * j + 1] -= !strcmp(kind, "unit");
        r = nd_from_data(x, ND_SHAPE(n), ND_COMPLEX128);
    } else if (x) {
        r = nd_from_data(x, ND_SHAPE(n), ND_FLOAT64);
    }
    free(x);
    nd_array *c = r ? nd_astype(r, dt) : NULL;
    nd_array *a = c ? nd_reshape_ex(c, (nd_shape_t){ nd, shape }, 'C') : NULL;
    nd_free(r);
    nd_free(c);
    nd_dtype_free(dt);
    return a;
}

static nd_array *run_op(const char *op, const nd_array *v, nd_axes ax) {
    nd_reduce_opts ro = { .axis = ax };
    nd_var_opts vo = { .axis = ax };
    nd_accumulate_opts co = { .axis = ax };
    nd_arg_opts ao = { .axis = ax };
    if (ax.n > 1) co.axis.n = ao.axis.n = 1;
    if (!strcmp(op, "sum")) return nd_sum_ex(v, &ro);
    if (!strcmp(op, "mean")) return nd_mean_ex(v, &ro);
    if (!strcmp(op, "prod")) return nd_prod_ex(v, &ro);
    if (!strcmp(op, "nansum")) return nd_nansum_ex(v, &ro);
    if (!strcmp(op, "nanmean")) return nd_nanmean_ex(v, &ro);
    if (!strcmp(op, "std")) return nd_std_ex(v, &vo);
    if (!strcmp(op, "var")) return nd_var_ex(v, &vo);
    if (!strcmp(op, "cumsum")) return nd_cumsum_ex(v, &co);
    if (!strcmp(op, "cumprod")) return nd_cumprod_ex(v, &co);
    if (!strcmp(op, "argmax")) return nd_argmax_ex(v, &ao);
    if (!strcmp(op, "argmin")) return nd_argmin_ex(v, &ao);
    return NULL;
}

static void run_case(char *head, char *in, char *out) {
    char dtname[32], kind[16], shp[32], view[64], op[16], axis[16];
    /* the view may hold blanks ("::-1, ::2"): op and axis are the last two words */
    CHECK(sscanf(head, "case %31s %15s %31s", dtname, kind, shp) == 3);
    char *vstart = strstr(head + 5, shp) + strlen(shp) + 1, *sp2 = strrchr(head, ' '), *sp1 = sp2;
    while (sp1 > vstart && sp1[-1] != ' ') sp1--;
    if (sp1 <= vstart || sscanf(sp1, "%15s %15s", op, axis) != 2 || (size_t)(sp1 - 1 - vstart) >= sizeof view) {
        CHECK_MSG(0, "%s: bad line", head);
        return;
    }
    memcpy(view, vstart, (size_t)(sp1 - 1 - vstart));
    view[sp1 - 1 - vstart] = 0;
    nd_array *a = base_array(dtname, kind, shp, strtoull(in + 3, NULL, 10));
    char *bar = strchr(view, '|');
    if (bar) *bar = 0;
    nd_array *v0 = a ? (strcmp(view, "-") ? nd_get(a, view) : nd_ref(a)) : NULL;
    nd_array *v = v0 && bar ? nd_T(v0) : nd_ref(v0);
    nd_axes ax = ND_AXIS_NONE;
    if (strcmp(axis, "none"))
        for (char *p = axis; *p; p += *p == ',') ax.v[ax.n++] = (int)strtol(p, &p, 10);
    nd_array *r = v ? run_op(op, v, ax) : NULL;
    CHECK_MSG(r != NULL, "%s: %s", head, nd_error_message());
    bool ints = r && nd_dtype_is_integer(nd_dtype(r));
    bool cplx = r && nd_dtype_is_complex(nd_dtype(r));
    nd_array *r2 = r ? nd_astype(r, ints ? ND_INT64 : cplx ? ND_COMPLEX128 : ND_FLOAT64) : NULL;
    nd_array *flat = r2 ? nd_reshape(r2, ND_SHAPE(-1)) : NULL;
    int64_t i = 0, bad = 0;
    char *save = NULL;
    for (char *t = strtok_r(out + 4, " ", &save); t && flat; t = strtok_r(NULL, " ", &save), i++) {
        nd_value x;
        if (nd_item(flat, ND_IDX(i), &x) < 0) { bad++; break; }
        bool ok;
        double re = strtod(t, NULL), im = 0;
        if (cplx) {
            t = strtok_r(NULL, " ", &save);
            im = t ? strtod(t, NULL) : NAN;
            ok = same(x.v.c.re, re) && same(x.v.c.im, im);
        } else if (ints) {
            ok = x.v.i == strtoll(t, NULL, 10);
        } else {
            ok = same(x.v.f, re);
        }
        if (!ok && !bad++)
            fprintf(stderr, "%s: item %lld: got %a %a (%lld), NumPy %s\n", head, (long long)i, cplx ? x.v.c.re : x.v.f,
                    cplx ? x.v.c.im : 0.0, ints ? (long long)x.v.i : 0LL, t ? t : "?");
    }
    CHECK_MSG(bad == 0, "%s: %lld items differ", head, (long long)bad);
    CHECK_MSG(flat && i == nd_size(flat), "%s: item count %lld vs %lld", head, (long long)i, (long long)nd_size(flat));
    nd_free(flat);
    nd_free(r2);
    nd_free(r);
    nd_free(v);
    nd_free(v0);
    nd_free(a);
}

int main(void) {
    char path[1024];
    snprintf(path, sizeof path, "%s/ufunc/order.txt", ND_GOLDEN_DIR);
    char *txt = check_read_file(path, NULL);
    CHECK_MSG(txt != NULL, "missing %s", path);
    if (!txt) return check_done();
    int ncase = 0;
    char *save = NULL;
    for (char *l = strtok_r(txt, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        if (strncmp(l, "case ", 5)) continue;
        char *in = strtok_r(NULL, "\n", &save), *out = in ? strtok_r(NULL, "\n", &save) : NULL;
        if (!out) break;
        run_case(l, in, out);
        ncase++;
    }
    CHECK(ncase > 600);
    free(txt);
    return check_done();
}
