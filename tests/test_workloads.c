/* Seed workloads: short end-to-end computations written with nd the way they are
 * written with NumPy, compared with NumPy's results (tests/golden/numeric/
 * workloads.npys, made by make_workloads.py).  Each runs inside a scope, so the
 * temporaries of the expression chains are released without bookkeeping. */
#include "check.h"

static FILE *golden_file;
static nd_array *next(void) { return nd_load_file(golden_file); }

static void same(const char *what, const nd_array *got, nd_array *exp, double tol) {
    check_count_++;
    if (!got || !exp) {
        check_failures_++;
        fprintf(stderr, "%s: missing result (%s)\n", what, nd_error_message());
        return;
    }
    if (nd_ndim(got) != nd_ndim(exp) || memcmp(nd_shape(got), nd_shape(exp), 8 * (size_t)nd_ndim(got)) ||
        !nd_dtype_equal(nd_dtype(got), nd_dtype(exp))) {
        check_failures_++;
        fprintf(stderr, "%s: shape or dtype differs\n", what);
        return;
    }
    nd_array *g = nd_astype(got, ND_FLOAT64, .order = 'C'), *e = nd_astype(exp, ND_FLOAT64, .order = 'C');
    const double *gp = nd_data(g), *ep = nd_data(e);
    for (int64_t i = 0; i < nd_size(e); i++) {
        double a = gp[i], b = ep[i];
        if (!((isnan(a) && isnan(b)) || a == b || fabs(a - b) <= tol * (1 + fabs(b)))) {
            check_failures_++;
            fprintf(stderr, "%s: element %lld: %.17g vs %.17g\n", what, (long long)i, a, b);
            break;
        }
    }
    nd_free(g);
    nd_free(e);
}

/* rolling mean and std over a window of 20: sliding windows + mean/std, and the
 * cumulative-sum form (c[w:] - c[:-w]) / w */
static void rolling(void) {
    nd_scope_begin();
    nd_array *x = next(), *mean_e = next(), *std_e = next(), *cs_e = next();
    int64_t w = 20;
    nd_array *win = nd_sliding_window_view(x, ND_SHAPE(w));
    same("rolling mean", nd_mean(win, .axis = ND_AXIS(-1)), mean_e, 1e-12);
    same("rolling std", nd_std(win, .axis = ND_AXIS(-1)), std_e, 1e-12);
    nd_array *c = nd_cumsum(nd_concatenate(ND_ARRAYS(nd_zeros(ND_SHAPE(1)), x), 2));
    nd_array *d = nd_subtract(nd_get(c, "%lld:", (long long)w), nd_get(c, ":%lld", (long long)-w));
    same("rolling mean (cumsum)", nd_divide(d, (double)w), cs_e, 1e-12);
    nd_scope_end();
}

/* D[i, j] = |X[i] - X[j]| via X[:, None, :] - X[None, :, :] */
static void distances(void) {
    nd_scope_begin();
    nd_array *X = next(), *D_e = next();
    nd_array *d = nd_subtract(nd_get(X, ":, None, :"), nd_get(X, "None, :, :"));
    nd_array *D = nd_sqrt(nd_sum(nd_multiply(d, d), .axis = ND_AXIS(-1)));
    same("pairwise distances", D, D_e, 1e-13);
    nd_scope_end();
}

/* Y / norm(Y, axis=1, keepdims=True) */
static void normalize_rows(void) {
    nd_scope_begin();
    nd_array *Y = next(), *N_e = next();
    nd_array *n = nd_linalg_norm(Y, .axis = ND_AXIS(1), .keepdims = true);
    same("row normalization", nd_divide(Y, n), N_e, 1e-14);
    nd_scope_end();
}

/* nanmean / nanstd / nanmax / nanmin along axes, with an all-NaN column */
static void nan_aggregates(void) {
    nd_scope_begin();
    nd_array *Z = next(), *m0 = next(), *s1 = next(), *x0 = next(), *mall = next(), *n1 = next();
    same("nanmean axis 0", nd_nanmean(Z, .axis = ND_AXIS(0)), m0, 1e-13);
    same("nanstd axis 1", nd_nanstd(Z, .axis = ND_AXIS(1)), s1, 1e-13);
    same("nanmax axis 0", nd_nanmax(Z, .axis = ND_AXIS(0)), x0, 0);
    same("nanmean all", nd_atleast_1d(nd_nanmean(Z)), mall, 1e-13);
    same("nanmin axis 1", nd_nanmin(Z, .axis = ND_AXIS(1)), n1, 0);
    nd_scope_end();
}

/* moving-average smoothing, derivative against the sample times, integral */
static void smooth_derivative(void) {
    nd_scope_begin();
    nd_array *t = next(), *s = next(), *sm_e = next(), *g_e = next(), *area_e = next();
    nd_array *k = nd_divide(nd_ones(ND_SHAPE(9)), 9.0);
    nd_array *sm = nd_convolve(s, k, .mode = ND_CONV_SAME);
    same("smoothing", sm, sm_e, 1e-13);
    nd_array *g = NULL;
    CHECK(nd_gradient(sm, &g, 1, .spacing = (nd_operand[]){ ND_OPERAND(t) }, .nspacing = 1) == 1);
    same("derivative", g, g_e, 1e-10);
    nd_keep(g);
    nd_free(g);
    same("integral", nd_atleast_1d(nd_trapezoid(sm, .x = t)), area_e, 1e-13);
    nd_scope_end();
}

int main(void) {
    char path[512];
    snprintf(path, sizeof path, "%s/numeric/workloads.npys", ND_GOLDEN_DIR);
    golden_file = fopen(path, "rb");
    CHECK(golden_file != NULL);
    if (!golden_file) return check_done();
    rolling();
    distances();
    normalize_rows();
    nan_aggregates();
    smooth_derivative();
    fclose(golden_file);
    return check_done();
}
