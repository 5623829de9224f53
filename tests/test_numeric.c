/* Numeric routines against NumPy (tests/golden/numeric, made by make_numeric.py):
 * cov, corrcoef, correlate, convolve, diff, ediff1d, gradient, trapezoid, interp and
 * cross.  Every golden case runs three times: with the inputs as saved, with strided
 * (non-contiguous) inputs and with negative-stride inputs.  Then the error cases.
 * NumPy 2 semantics where 1.24 differs: cov of float32 scales by a float64 1/fact
 * (NEP 50), within the float32 tolerance used here. */
#include "check.h"

#include <complex.h>

/* ------------------------------------------------------------ helpers */

/* The value of key in "k=v k2=v2" (copied into buf), or NULL. */
static const char *opt(const char *opts, const char *key, char *buf, size_t cap) {
    size_t kl = strlen(key);
    for (const char *p = opts; p && *p;) {
        while (*p == ' ') p++;
        if (!strncmp(p, key, kl) && p[kl] == '=') {
            const char *v = p + kl + 1, *e = strchr(v, ' ');
            size_t n = e ? (size_t)(e - v) : strlen(v);
            if (n >= cap) n = cap - 1;
            memcpy(buf, v, n);
            buf[n] = 0;
            return buf;
        }
        p = strchr(p, ' ');
    }
    return NULL;
}

static nd_value parse_value(const char *s) {
    double re, im;
    char j;
    if (strchr(s, 'j') && sscanf(s, "%lf%lf%c", &re, &im, &j) == 3) return nd_value_complex(re, im);
    if (strchr(s, '.') || strchr(s, 'e')) return nd_value_double(atof(s));
    return nd_value_int(atoll(s));
}

static nd_axes parse_axes(const char *s) {
    nd_axes ax = { 0 };
    while (s && *s && ax.n < ND_MAXDIMS) {
        ax.v[ax.n++] = atoi(s);
        s = strchr(s, ',');
        if (s) s++;
    }
    return ax;
}

/* A view holding a's values with the last axis strided by 2 (non-contiguous). */
static nd_array *strided_copy(const nd_array *a) {
    int nd = nd_ndim(a);
    if (nd == 0) return nd_ref((nd_array *)a);
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, nd_shape(a), (size_t)nd * sizeof(int64_t));
    shape[nd - 1] *= 2;
    nd_array *big = nd_zeros(((nd_shape_t){ nd, shape }), .dtype = nd_dtype(a));
    nd_array *v = big ? nd_get(big, "..., ::2") : NULL;
    nd_free(big);
    if (v && nd_copyto(v, a, ND_CASTING_UNSAFE) < 0) { nd_free(v); v = NULL; }
    return v;
}

/* A view holding a's values with axis 0 walked backwards (negative stride). */
static nd_array *reversed_copy(const nd_array *a) {
    if (nd_ndim(a) == 0) return nd_ref((nd_array *)a);
    nd_array *e = nd_empty_like(a);
    nd_array *v = e ? nd_get(e, "::-1") : NULL;
    nd_array *src = v ? nd_get(a, "::-1") : NULL;
    nd_free(e);
    /* v[i] = a[n-1-i] reversed again: v's elements read forwards equal a's */
    if (!src || nd_copyto(v, src, ND_CASTING_UNSAFE) < 0) { nd_free(v); nd_free(src); return NULL; }
    nd_free(src);
    nd_array *r = nd_get(v, "::-1");
    nd_free(v);
    return r;
}

static double tol_for(const nd_dtype_t *d) {
    switch (nd_dtype_type(d)) {
    case ND_TYPE_FLOAT16: return 2e-3;
    case ND_TYPE_FLOAT32: case ND_TYPE_COMPLEX64: return 2e-5;
    case ND_TYPE_FLOAT64: case ND_TYPE_COMPLEX128: return 1e-12;
    default: return 0;
    }
}

static void compare(const char *label, const nd_array *got, const nd_array *exp) {
    check_count_++;
    if (!got) {
        check_failures_++;
        fprintf(stderr, "%s: failed: %s: %s\n", label, nd_error_name(nd_error()), nd_error_message());
        return;
    }
    if (!nd_dtype_equal(nd_dtype(got), nd_dtype(exp))) {
        check_failures_++;
        fprintf(stderr, "%s: dtype %s, expected %s\n", label, nd_dtype_name(nd_dtype(got)), nd_dtype_name(nd_dtype(exp)));
        return;
    }
    if (nd_ndim(got) != nd_ndim(exp) || memcmp(nd_shape(got), nd_shape(exp), (size_t)nd_ndim(got) * 8)) {
        char b1[128], b2[128];
        check_failures_++;
        snprintf(b1, sizeof b1, "%d-d", nd_ndim(got));
        snprintf(b2, sizeof b2, "%d-d", nd_ndim(exp));
        fprintf(stderr, "%s: shape differs (%s [%lld...] vs %s [%lld...])\n", label, b1,
                nd_ndim(got) ? (long long)nd_shape(got)[0] : -1LL, b2, nd_ndim(exp) ? (long long)nd_shape(exp)[0] : -1LL);
        return;
    }
    double tol = tol_for(nd_dtype(exp));
    int64_t n = nd_size(exp);
    if (tol == 0) { /* integers and bool: exact bytes */
        nd_array *g = nd_copy(got, 'C'), *e = nd_copy(exp, 'C');
        bool same = g && e && !memcmp(nd_data(g), nd_data(e), (size_t)nd_nbytes(e));
        nd_free(g);
        nd_free(e);
        if (!same) { check_failures_++; fprintf(stderr, "%s: integer values differ\n", label); }
        return;
    }
    nd_array *g = nd_astype(got, ND_COMPLEX128, .order = 'C'), *e = nd_astype(exp, ND_COMPLEX128, .order = 'C');
    if (!g || !e) { check_failures_++; fprintf(stderr, "%s: cast failed\n", label); nd_free(g); nd_free(e); return; }
    const double *gp = nd_data(g), *ep = nd_data(e);
    for (int64_t i = 0; i < 2 * n; i++) {
        double a = gp[i], b = ep[i];
        bool ok = (isnan(a) && isnan(b)) || a == b || fabs(a - b) <= tol * (1 + fabs(b));
        if (!ok) {
            check_failures_++;
            fprintf(stderr, "%s: element %lld (%s): %.17g vs %.17g\n", label, (long long)(i / 2), i % 2 ? "imag" : "real", a, b);
            break;
        }
    }
    nd_free(g);
    nd_free(e);
}

/* ------------------------------------------------------------ one case */

/* Runs op on in[] with the options text; results into res[] (up to cap).  Returns the
 * number of results or -1. */
static int run(const char *op, nd_array **in, int nin, const char *opts, nd_array **res, int cap) {
    char b[128];
    int k = 1;
    nd_array *r = NULL;
#define O(key) opt(opts, key, b, sizeof b)
    if (!strcmp(op, "correlate") || !strcmp(op, "convolve")) {
        nd_conv_mode mode = ND_CONV_DEFAULT;
        if (O("mode")) mode = !strcmp(b, "valid") ? ND_CONV_VALID : !strcmp(b, "same") ? ND_CONV_SAME : ND_CONV_FULL;
        r = op[2] == 'r' ? nd_correlate(in[0], in[1], .mode = mode) : nd_convolve(in[0], in[1], .mode = mode);
    } else if (!strcmp(op, "diff")) {
        nd_diff_opts o = { 0 };
        int next = 1;
        if (O("n")) o.n = atoi(b);
        if (O("axis")) o.axis = ND_AXIS(atoi(b));
        if (O("pre")) o.prepend = ND_OPERAND(in[next++]);
        if (O("app")) o.append = ND_OPERAND(in[next++]);
        if (O("prescalar")) o.prepend = ND_OPERAND(parse_value(b));
        if (O("appscalar")) o.append = ND_OPERAND(parse_value(b));
        r = nd_diff_ex(in[0], &o);
    } else if (!strcmp(op, "ediff1d")) {
        nd_ediff1d_opts o = { 0 };
        int next = 1;
        if (O("tb")) o.to_begin = ND_OPERAND(in[next++]);
        if (O("te")) o.to_end = ND_OPERAND(in[next++]);
        r = nd_ediff1d_ex(in[0], &o);
    } else if (!strcmp(op, "gradient")) {
        nd_gradient_opts o = { 0 };
        nd_operand sp[8];
        int next = 1;
        if (O("sp")) {
            for (const char *s = b; s && *s && o.nspacing < 8;) {
                sp[o.nspacing++] = *s == 'A' ? ND_OPERAND(in[next++]) : ND_OPERAND(atof(s));
                s = strchr(s, ',');
                if (s) s++;
            }
            o.spacing = sp;
        }
        if (O("axis")) o.axis = parse_axes(b);
        if (O("edge")) o.edge_order = atoi(b);
        return nd_gradient_ex(in[0], res, cap, &o);
    } else if (!strcmp(op, "trapezoid")) {
        nd_trapezoid_opts o = { 0 };
        if (O("x")) o.x = in[1];
        if (O("axis")) o.axis = ND_AXIS(atoi(b));
        if (O("dx")) o.dx = parse_value(b);
        r = nd_trapezoid_ex(in[0], &o);
    } else if (!strcmp(op, "interp")) {
        nd_interp_opts o = { 0 };
        if (O("left")) o.left = parse_value(b);
        if (O("right")) o.right = parse_value(b);
        if (O("period")) o.period = parse_value(b);
        r = nd_interp_ex(ND_OPERAND(in[0]), in[1], in[2], &o);
    } else if (!strcmp(op, "cov") || !strcmp(op, "corrcoef")) {
        int next = 1;
        const nd_array *y = NULL, *fw = NULL, *aw = NULL;
        if (O("y")) y = in[next++];
        if (O("fw")) fw = in[next++];
        if (O("aw")) aw = in[next++];
        bool norow = O("rowvar") && atoi(b) == 0;
        if (!strcmp(op, "corrcoef")) {
            r = nd_corrcoef(in[0], .y = y, .no_rowvar = norow);
        } else {
            nd_cov_opts o = { .y = y, .no_rowvar = norow, .fweights = fw, .aweights = aw };
            if (O("bias")) o.bias = atoi(b);
            if (O("ddof")) { o.ddof = atoi(b); o.ddof_set = true; }
            r = nd_cov_ex(in[0], &o);
        }
    } else if (!strcmp(op, "cross")) {
        nd_cross_opts o = { 0 };
        if (O("axisa")) o.axisa = ND_AXIS(atoi(b));
        if (O("axis")) o.axis = ND_AXIS(atoi(b));
        r = nd_cross_ex(in[0], in[1], &o);
    } else {
        fprintf(stderr, "unknown op %s\n", op);
        return -1;
    }
#undef O
    if (!r) return -1;
    if (cap < 1) { nd_free(r); return -1; }
    res[0] = r;
    return k;
}

static void golden(void) {
    char path[512];
    snprintf(path, sizeof path, "%s/numeric/cases.txt", ND_GOLDEN_DIR);
    char *text = check_read_file(path, NULL);
    snprintf(path, sizeof path, "%s/numeric/cases.npys", ND_GOLDEN_DIR);
    FILE *f = fopen(path, "rb");
    CHECK(text && f);
    if (!text || !f) { free(text); if (f) fclose(f); return; }
    int line_no = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        line_no++;
        char op[32];
        int nin, nout, used = 0;
        if (sscanf(line, "%31s %d %d%n", op, &nin, &nout, &used) != 3 || nin > 8 || nout > 8) {
            CHECK_MSG(0, "bad line %s", line);
            break;
        }
        const char *opts = line + used;
        nd_array *in[8] = { 0 }, *exp[8] = { 0 };
        for (int i = 0; i < nin; i++) in[i] = nd_load_file(f);
        for (int i = 0; i < nout; i++) exp[i] = nd_load_file(f);
        for (int variant = 0; variant < 3; variant++) {
            nd_array *vin[8] = { 0 }, *got[8] = { 0 };
            for (int i = 0; i < nin; i++)
                vin[i] = variant == 0 ? nd_ref(in[i]) : variant == 1 ? strided_copy(in[i]) : reversed_copy(in[i]);
            nd_error_clear();
            int k = run(op, vin, nin, opts, got, 8);
            char label[600];
            snprintf(label, sizeof label, "case %d [%s%s] %s", line_no, line,
                     variant == 0 ? "" : variant == 1 ? ", strided" : ", reversed", "");
            if (k != nout) {
                check_count_++;
                check_failures_++;
                fprintf(stderr, "%s: %d results, expected %d (%s)\n", label, k, nout, nd_error_message());
            } else {
                for (int i = 0; i < nout; i++) compare(label, got[i], exp[i]);
            }
            for (int i = 0; i < 8; i++) { nd_free(vin[i]); if (k > 0 && i < k) nd_free(got[i]); }
        }
        for (int i = 0; i < nin; i++) nd_free(in[i]);
        for (int i = 0; i < nout; i++) nd_free(exp[i]);
    }
    fprintf(stderr, "%d golden cases\n", line_no);
    free(text);
    fclose(f);
}


/* ------------------------------------------------------------ errors and edges */

static int nwarn = 0;
static char last_warn[256];
static void on_warn(const char *m, void *ud) { (void)ud; nwarn++; snprintf(last_warn, sizeof last_warn, "%s", m); }

static void errors(void) {
    nd_scope_begin(); /* frees the ND_ARRAY literals made inside the checks */
    nd_array *a = ND_ARRAY(double, ND_SHAPE(4), 1, 2, 4, 7), *e = nd_zeros(ND_SHAPE(0));
    nd_array *z = nd_full(ND_SHAPE0, 2.0), *m2 = nd_ones(ND_SHAPE(2, 2)), *r;
    /* correlate / convolve */
    CHECK_ERR(nd_correlate(e, a), ND_ERR_VALUE, "first array argument cannot be empty");
    CHECK_ERR(nd_correlate(a, e), ND_ERR_VALUE, "second array argument cannot be empty");
    CHECK_ERR(nd_convolve(e, a), ND_ERR_VALUE, "v cannot be empty");
    CHECK_ERR(nd_convolve(a, e), ND_ERR_VALUE, "v cannot be empty");
    CHECK_ERR(nd_convolve(e, e), ND_ERR_VALUE, "a cannot be empty");
    CHECK_ERR(nd_correlate(z, a), ND_ERR_VALUE, "object of too small depth for desired array");
    CHECK_ERR(nd_correlate(m2, a), ND_ERR_VALUE, "object too deep for desired array");
    CHECK_ERR(nd_convolve(m2, a), ND_ERR_VALUE, "object too deep for desired array");
    CHECK_ERR(nd_correlate(a, a, .mode = (nd_conv_mode)9), ND_ERR_VALUE, "mode must be one of 'valid', 'same', or 'full'");
    CHECK_ERR(nd_correlate(NULL, a), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_convolve(a, NULL), ND_ERR_VALUE, NULL);
    r = nd_convolve(z, z); /* 0-d inputs are 1-element sequences */
    CHECK(r && nd_ndim(r) == 1 && nd_item_double(r, ND_IDX(0)) == 4.0);
    nd_free(r);
    /* diff */
    CHECK_ERR(nd_diff(a, .n = -1), ND_ERR_VALUE, "order must be non-negative but got -1");
    CHECK_ERR(nd_diff(z), ND_ERR_VALUE, "diff requires input that is at least one dimensional");
    CHECK_ERR(nd_diff(a, .axis = ND_AXIS(1)), ND_ERR_AXIS, "axis 1 is out of bounds for array of dimension 1");
    CHECK_ERR(nd_diff(NULL), ND_ERR_VALUE, NULL);
    r = nd_diff(a, .n_zero = true, .prepend = ND_OPERAND(1.0));
    CHECK(r && nd_data(r) == nd_data(a));
    nd_free(r);
    r = nd_diff(a, .n = 10); /* more than the length: empty */
    CHECK(r && nd_size(r) == 0 && nd_ndim(r) == 1);
    nd_free(r);
    nd_array *bl = ND_ARRAY(bool, ND_SHAPE(3), true, true, false);
    r = nd_diff(bl);
    CHECK(r && nd_dtype(r) == ND_BOOL && !nd_item_int(r, ND_IDX(0)) && nd_item_int(r, ND_IDX(1)));
    nd_free(r);
    /* ediff1d */
    nd_array *ai = nd_arange(0, 5, 1);
    CHECK_ERR(nd_ediff1d(ai, .to_begin = ND_OPERAND(1.5)), ND_ERR_TYPE,
              "dtype of `to_begin` must be compatible with input `ary` under the `same_kind` rule.");
    CHECK_ERR(nd_ediff1d(ai, .to_end = ND_OPERAND(1.5)), ND_ERR_TYPE, "dtype of `to_end` must be compatible");
    CHECK_ERR(nd_ediff1d(bl), ND_ERR_TYPE, "numpy boolean subtract");
    r = nd_ediff1d(ai, .to_begin = ND_OPERAND(-1), .to_end = ND_OPERAND(9));
    CHECK(r && nd_size(r) == 6 && nd_item_int(r, ND_IDX(0)) == -1 && nd_item_int(r, ND_IDX(5)) == 9);
    nd_free(r);
    /* gradient */
    nd_array *g[4] = { 0 };
    CHECK_ERR(nd_gradient(ND_ARRAY(double, ND_SHAPE(2), 1, 2), g, 4, .edge_order = 2), ND_ERR_VALUE,
              "Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required.");
    CHECK_ERR(nd_gradient(a, g, 4, .edge_order = 3), ND_ERR_VALUE, "'edge_order' greater than 2 not supported");
    CHECK_ERR(nd_gradient(a, g, 4, .spacing = (nd_operand[]){ ND_OPERAND(m2) }, .nspacing = 1), ND_ERR_VALUE,
              "distances must be either scalars or 1d");
    CHECK_ERR(nd_gradient(a, g, 4, .spacing = (nd_operand[]){ ND_OPERAND(ai) }, .nspacing = 1), ND_ERR_VALUE,
              "when 1d, distances must match the length of the corresponding dimension");
    CHECK_ERR(nd_gradient(a, g, 4, .spacing = (nd_operand[]){ ND_OPERAND(1.0), ND_OPERAND(2.0) }, .nspacing = 2),
              ND_ERR_TYPE, "invalid number of arguments");
    CHECK_ERR(nd_gradient(m2, g, 1), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_gradient(bl, g, 4), ND_ERR_TYPE, "numpy boolean subtract");
    CHECK_ERR(nd_gradient(a, g, 4, .axis = ND_AXIS(0, 0)), ND_ERR_VALUE, "repeated axis");
    CHECK_ERR(nd_gradient(NULL, g, 4), ND_ERR_VALUE, NULL);
    CHECK(nd_gradient(z, g, 4) == 0);
    /* trapezoid */
    CHECK_ERR(nd_trapezoid(z), ND_ERR_INDEX, "list assignment index out of range");
    r = nd_trapz(a, .dx = ND_VALUE(2));
    CHECK(r && nd_ndim(r) == 0 && nd_item_double(r, ND_IDX()) == 2 * (1.5 + 3 + 5.5));
    nd_free(r);
    /* interp */
    CHECK_ERR(nd_interp(a, a, ai), ND_ERR_VALUE, "fp and xp are not of the same length.");
    CHECK_ERR(nd_interp(a, e, e), ND_ERR_VALUE, "array of sample points is empty");
    CHECK_ERR(nd_interp(a, a, a, .period = ND_VALUE(0.0)), ND_ERR_VALUE, "period must be a non-zero value");
    CHECK_ERR(nd_interp(a, a, ai, .period = ND_VALUE(2.0)), ND_ERR_VALUE, "fp and xp are not of the same length");
    CHECK_ERR(nd_interp(a, m2, a), ND_ERR_VALUE, "object too deep for desired array");
    CHECK_ERR(nd_interp(a, NULL, a), ND_ERR_VALUE, NULL);
    r = nd_interp(3.0, a, a);
    CHECK(r && nd_ndim(r) == 0 && nd_item_double(r, ND_IDX()) == 3.0);
    nd_free(r);
    /* cov */
    nd_array *m = ND_ARRAY(double, ND_SHAPE(2, 3), 1, 2, 4, 2, 1, 0);
    CHECK_ERR(nd_cov(m, .fweights = ND_ARRAY(double, ND_SHAPE(3), 1.5, 1, 1)), ND_ERR_TYPE, "fweights must be integer");
    CHECK_ERR(nd_cov(m, .fweights = ND_ARRAY(int, ND_SHAPE(3), -1, 1, 1)), ND_ERR_VALUE, "fweights cannot be negative");
    CHECK_ERR(nd_cov(m, .aweights = ND_ARRAY(double, ND_SHAPE(3), -1, 1, 1)), ND_ERR_VALUE, "aweights cannot be negative");
    CHECK_ERR(nd_cov(m, .fweights = ND_ARRAY(int, ND_SHAPE(2), 1, 1)), ND_ERR_RUNTIME, "incompatible numbers of samples and fweights");
    CHECK_ERR(nd_cov(m, .aweights = m2), ND_ERR_RUNTIME, "cannot handle multidimensional aweights");
    CHECK_ERR(nd_cov(nd_ones(ND_SHAPE(2, 2, 2))), ND_ERR_VALUE, "m has more than 2 dimensions");
    CHECK_ERR(nd_cov(NULL), ND_ERR_VALUE, NULL);
    nwarn = 0;
    nd_set_warning_handler(on_warn, NULL);
    r = nd_cov(m, .ddof = 3, .ddof_set = true);
    CHECK(r && nwarn == 1 && !strcmp(last_warn, "RuntimeWarning: Degrees of freedom <= 0 for slice"));
    CHECK(r && isinf(nd_item_double(r, ND_IDX(0, 0))));
    nd_free(r);
    nd_set_warning_handler(NULL, NULL);
    r = nd_cov(nd_zeros(ND_SHAPE(0, 3)));
    CHECK(r && nd_ndim(r) == 2 && nd_size(r) == 0 && nd_dtype(r) == ND_FLOAT64);
    nd_free(r);
    r = nd_corrcoef(ND_ARRAY(double, ND_SHAPE(3), 1, 2, 4));
    CHECK(r && nd_ndim(r) == 0 && nd_item_double(r, ND_IDX()) == 1.0);
    nd_free(r);
    /* cross */
    CHECK_ERR(nd_cross(a, ND_ARRAY(double, ND_SHAPE(3), 1, 2, 3)), ND_ERR_VALUE,
              "incompatible dimensions for cross product\n(dimension must be 2 or 3)");
    nd_free(a); nd_free(e); nd_free(z); nd_free(m2); nd_free(bl); nd_free(ai); nd_free(m);
    nd_scope_end();
}

/* ------------------------------------------------------------ allocation failures */

static long live_blocks = 0, calls = 0, fail_at = -1;
static void *t_malloc(size_t n, void *ctx) {
    (void)ctx;
    if (++calls == fail_at) return NULL;
    void *p = malloc(n);
    if (p) live_blocks++;
    return p;
}
static void t_free(void *p, size_t n, void *ctx) { (void)ctx; (void)n; if (p) { live_blocks--; free(p); } }

static int scenario(void) {
    int rc = -1;
    nd_array *a = NULL, *v = NULL, *r = NULL, *g[2] = { 0 };
#define TRY(x) do { if (!(x)) goto fail; } while (0)
    TRY(a = nd_linspace(0, 1, 12));
    TRY(v = nd_reshape(a, ND_SHAPE(3, 4)));
    TRY(r = nd_convolve(a, a)); nd_free(r); r = NULL;
    TRY(r = nd_correlate(a, a, .mode = ND_CONV_SAME)); nd_free(r); r = NULL;
    TRY(r = nd_diff(v, .n = 2, .prepend = ND_OPERAND(0.5))); nd_free(r); r = NULL;
    TRY(r = nd_ediff1d(v, .to_end = ND_OPERAND(a))); nd_free(r); r = NULL;
    TRY(nd_gradient(v, g, 2, .edge_order = 2, .spacing = (nd_operand[]){ ND_OPERAND(2.0), ND_OPERAND(a) }, .nspacing = 1) == 2);
    nd_free(g[0]); nd_free(g[1]); g[0] = g[1] = NULL;
    TRY(r = nd_trapezoid(v, .axis = ND_AXIS(0))); nd_free(r); r = NULL;
    TRY(r = nd_interp(a, a, a, .period = ND_VALUE(0.7))); nd_free(r); r = NULL;
    TRY(r = nd_cov(v, .aweights = ND_ARRAY(double, ND_SHAPE(4), 1, 2, 3, 4))); nd_free(r); r = NULL;
    TRY(r = nd_corrcoef(v)); nd_free(r); r = NULL;
#undef TRY
    rc = 0;
fail:
    nd_free(a); nd_free(v); nd_free(r); nd_free(g[0]); nd_free(g[1]);
    return rc;
}

static void alloc_failures(void) {
    nd_set_allocator(&(nd_allocator){ .malloc = t_malloc, .free = t_free });
    int n;
    for (n = 1; n < 5000; n++) {
        calls = 0;
        fail_at = n;
        live_blocks = 0;
        int r = scenario();
        CHECK_MSG(live_blocks == 0, "failure at allocation %d leaked %ld blocks", n, live_blocks);
        if (r == 0) break;
        CHECK_MSG(nd_error() == ND_ERR_MEMORY, "failure at allocation %d gave %s: %s", n, nd_error_name(nd_error()), nd_error_message());
    }
    fail_at = -1;
    nd_set_allocator(NULL);
    fprintf(stderr, "allocation failure loop: %d points\n", n);
}

int main(void) {
    golden();
    errors();
    alloc_failures();
    return check_done();
}
