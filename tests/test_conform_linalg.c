/* Products, einsum and np.linalg checked from outside against NumPy, on both backends.
 * tests/golden/conform_linalg/conform_linalg.npys (made by make_conform_linalg.py) holds
 * for each case a label that is its own recipe, `op arg... key=value...`, and NumPy's
 * result(s) or its exception and message.  An arg `<dtype>[<shape>]s<seed>[+K][TRHni]`
 * is built here by the same formula as the script's mk().  Dtypes and shapes must match
 * exactly; integer and bool values exactly; float values to a norm-wise tolerance (LAPACK
 * values differ from NumPy's by rounding only).  Factors whose signs or phases NumPy
 * leaves to LAPACK (svd's U/Vh, eigenvectors, Q/R) are compared after each column (row)
 * is scaled so that its first large entry is real positive; the native backend's eig
 * gives eigenvalues in its own order, so they are compared sorted, and its vectors and
 * qr's raw Householder data only by dtype and shape.
 *
 * NumPy 2.x where 1.24 differs (the script computes these by hand): solve's b is a vector
 * only when 1-d; cholesky(upper=True); pinv/matrix_rank rtol=; vecdot; matrix_transpose;
 * svdvals. */
#include "golden.h"

#include <complex.h>
#include <ctype.h>
#include <math.h>

static bool native; /* the pass running now */

/* ------------------------------------------------------------- inputs */

static nd_array *mk(const char *spec) {
    char code[4] = { 0 };
    int i = 0;
    while (isalnum((unsigned char)spec[i]) && i < 3) { code[i] = spec[i]; i++; }
    const nd_dtype_t *dt = dt_of(code);
    if (!dt || spec[i] != '[') return NULL;
    const char *p = spec + i + 1;
    int64_t dims[ND_MAXDIMS];
    int nd = 0;
    while (*p != ']') {
        dims[nd++] = strtoll(p, (char **)&p, 10);
        if (*p == ',') p++;
    }
    p++;
    if (*p++ != 's') return NULL;
    long seed = strtol(p, (char **)&p, 10), shift = 0;
    if (*p == '+' || *p == '-') shift = strtol(p, (char **)&p, 10);
    const char *flags = p;
    int64_t n = 1;
    for (int k = 0; k < nd; k++) n *= dims[k];
    double *v = calloc((size_t)(n ? n : 1) * 2, sizeof(double));
    char kind = nd_dtype_kind(dt);
    bool herm = strchr(flags, 'H') != NULL;
    for (int64_t k = 0; k < n; k++) {
        int64_t kk = k, sgn = 1;
        if (herm) {
            int64_t nn = dims[nd - 1], r = (k / nn) % nn, c = k % nn;
            kk = (k / (nn * nn)) * nn * nn + (r < c ? r : c) * nn + (r < c ? c : r);
            sgn = (c > r) - (c < r);
        }
        int64_t a = (kk * 7 + seed * 13 + 3) % 11, b = (kk * 5 + seed * 3 + 1) % 7;
        double re = kind == 'b' ? (double)(a % 2) : kind == 'i' ? (double)(a - 5) : kind == 'u' ? (double)a
                                                                                   : (double)(a - 5) * 0.5 + (double)(b % 4) * 0.125;
        double im = kind == 'c' ? (double)(b - 3) * 0.5 * (double)sgn : 0;
        if (shift && nd >= 2 && (k / dims[nd - 1]) % dims[nd - 2] == k % dims[nd - 1]) re += (double)shift;
        v[2 * k] = re;
        v[2 * k + 1] = im;
    }
    for (int64_t k = 0; k < 2 * n; k++) v[k] *= strchr(flags, 'B') ? 1e300 : strchr(flags, 'S') ? 1e-300 : 1;
    if (n && strchr(flags, 'n')) v[0] = NAN;
    if (n && strchr(flags, 'i')) v[0] = INFINITY;
    nd_array *c = nd_from_data(v, (nd_shape_t){ nd, dims }, ND_COMPLEX128);
    free(v);
    nd_array *r = NULL;
    if (kind == 'c') r = nd_astype(c, dt);
    else {
        nd_array *re = nd_real(c), *f = re ? nd_astype(re, ND_FLOAT64) : NULL;
        r = f ? nd_astype(f, dt) : NULL;
        nd_free(re);
        nd_free(f);
    }
    nd_free(c);
    if (r && strchr(flags, 'T')) { nd_array *t = nd_swapaxes(r, -1, -2); nd_free(r); r = t; }
    if (r && strchr(flags, 'R')) { nd_array *t = nd_get(r, "..., ::-1"); nd_free(r); r = t; }
    return r;
}

/* ------------------------------------------------------------- options */

static int nopt;
static char okey[16][16], oval[16][64];

static const char *opt(const char *k) {
    for (int i = 0; i < nopt; i++)
        if (!strcmp(okey[i], k)) return oval[i];
    return NULL;
}
static bool has(const char *k) { return opt(k) != NULL; }
static bool flag(const char *k) { const char *v = opt(k); return v && !strcmp(v, "1"); }

static nd_axes axes_of(const char *s) {
    nd_axes ax = { 0 };
    while (s && *s) {
        ax.v[ax.n++] = (int)strtol(s, (char **)&s, 10);
        if (*s == ',') s++;
    }
    return ax;
}

static nd_norm_ord ord_of(const char *s, double *p) {
    *p = 0;
    if (!s || !strcmp(s, "None")) return ND_NORM_DEFAULT;
    if (!strcmp(s, "fro")) return ND_NORM_FRO;
    if (!strcmp(s, "nuc")) return ND_NORM_NUC;
    if (!strcmp(s, "inf")) return ND_NORM_INF;
    if (!strcmp(s, "-inf")) return ND_NORM_NEG_INF;
    *p = strtod(s, NULL);
    return ND_NORM_P;
}

/* ------------------------------------------------------------- one case */

enum { MAXR = 4 };

/* Runs the recipe; fills res[] and returns their count (-1: failed with an error;
 * 0: a single result in res[0] that is not a sequence). */
static int run(char *label, nd_array **res) {
    char *toks[24] = { 0 };
    int nt = 0;
    for (char *t = strtok(label, " "); t && nt < 24; t = strtok(NULL, " ")) toks[nt++] = t;
    const char *op = toks[0];
    nd_array *A[12] = { 0 };
    int na = 0;
    nopt = 0;
    for (int i = 1; i < nt; i++) {
        char *eq = strchr(toks[i], '=');
        if (eq) {
            snprintf(okey[nopt], 16, "%.*s", (int)(eq - toks[i]), toks[i]);
            snprintf(oval[nopt], 64, "%s", eq + 1);
            nopt++;
        } else A[na++] = mk(toks[i]);
    }
    const nd_array *a = A[0], *b = A[1];
    int count = 0;
    double p;
#define ONE(x) (res[0] = (x), count = res[0] ? 0 : -1)
    if (!strcmp(op, "matmul")) ONE(nd_matmul(a, b));
    else if (!strcmp(op, "dot")) ONE(nd_dot(a, b));
    else if (!strcmp(op, "vdot")) ONE(nd_vdot(a, b));
    else if (!strcmp(op, "inner")) ONE(nd_inner(a, b));
    else if (!strcmp(op, "outer")) ONE(nd_outer(a, b));
    else if (!strcmp(op, "kron")) ONE(nd_kron(a, b));
    else if (!strcmp(op, "tensordot")) {
        if (has("pa") || has("pb")) {
            nd_axes pa = axes_of(opt("pa")), pb = axes_of(opt("pb"));
            if (pa.n == 0 && pb.n == 0) ONE(nd_tensordot(a, b, .axes = 0, .axes_set = true));
            else ONE(nd_tensordot(a, b, .a_axes = pa, .b_axes = pb));
        } else if (has("ax")) ONE(nd_tensordot(a, b, .axes = atoi(opt("ax")), .axes_set = true));
        else ONE(nd_tensordot(a, b));
    } else if (!strcmp(op, "trace")) {
        nd_axes ax = has("a1") ? ND_AXIS(atoi(opt("a1")), atoi(opt("a2"))) : ND_AXIS_NONE;
        ONE(nd_trace(a, .offset = has("off") ? atoi(opt("off")) : 0, .axes = ax, .dtype = has("dt") ? dt_of(opt("dt")) : NULL));
    } else if (!strcmp(op, "multi_dot")) ONE(nd_linalg_multi_dot(na, (const nd_array *const *)A));
    else if (!strcmp(op, "matrix_power")) ONE(nd_linalg_matrix_power(a, atoll(opt("n"))));
    else if (!strcmp(op, "vecdot")) ONE(nd_vecdot(a, b, .axis = has("axis") ? axes_of(opt("axis")) : ND_AXIS_NONE));
    else if (!strcmp(op, "matrix_transpose")) ONE(nd_matrix_transpose(a));
    else if (!strcmp(op, "cross")) {
        nd_cross_opts o = { 0 };
        if (has("axa")) o.axisa = axes_of(opt("axa"));
        if (has("axb")) o.axisb = axes_of(opt("axb"));
        if (has("axc")) o.axisc = axes_of(opt("axc"));
        if (has("axis")) o.axis = axes_of(opt("axis"));
        ONE(nd_cross_ex(a, b, &o));
    } else if (!strcmp(op, "einsum")) {
        const char *o = opt("opt");
        nd_einsum_opts eo = { .optimize = !o ? ND_EINSUM_AUTO : !strcmp(o, "none") ? ND_EINSUM_NONE : ND_EINSUM_GREEDY,
                              .dtype = has("dt") ? dt_of(opt("dt")) : NULL };
        ONE(nd_einsum_ex(opt("sub"), na, (const nd_array *const *)A, &eo));
    } else if (!strcmp(op, "einsum_path") || !strcmp(op, "einsum_report")) {
        char *report = NULL;
        const char *o = opt("opt");
        nd_einsum_path_opts po = { .optimize = o && !strcmp(o, "none") ? ND_EINSUM_NONE : ND_EINSUM_GREEDY,
                                   .report = !strcmp(op, "einsum_report") ? &report : NULL };
        char *s = nd_einsum_path_ex(opt("sub"), na, (const nd_array *const *)A, &po), *t = report ? report : s;
        res[0] = t ? nd_from_strings((const char *[]){ t }, ND_SHAPE0, 'S', (int64_t)strlen(t)) : NULL;
        count = res[0] ? 0 : -1;
        nd_free_bytes(s);
        nd_free_bytes(report);
    } else if (!strcmp(op, "det")) ONE(nd_linalg_det(a));
    else if (!strcmp(op, "slogdet")) count = nd_linalg_slogdet(a, &res[0], &res[1]) ? -1 : 2;
    else if (!strcmp(op, "inv")) ONE(nd_linalg_inv(a));
    else if (!strcmp(op, "solve")) ONE(nd_linalg_solve(a, b));
    else if (!strcmp(op, "cholesky")) ONE(nd_linalg_cholesky(a, .upper = flag("upper")));
    else if (!strcmp(op, "qr")) {
        const char *m = opt("mode");
        nd_qr_mode mode = !m || !strcmp(m, "reduced") ? ND_QR_REDUCED : !strcmp(m, "complete") ? ND_QR_COMPLETE
                                                                         : !strcmp(m, "r")      ? ND_QR_R
                                                                                                : ND_QR_RAW;
        if (mode == ND_QR_R) count = nd_linalg_qr(a, NULL, &res[0], .mode = mode) ? -1 : 1;
        else count = nd_linalg_qr(a, &res[0], &res[1], .mode = mode) ? -1 : 2;
    } else if (!strcmp(op, "eigh")) count = nd_linalg_eigh(a, &res[0], &res[1], .UPLO = has("uplo") ? opt("uplo")[0] : 0) ? -1 : 2;
    else if (!strcmp(op, "eigvalsh")) ONE(nd_linalg_eigvalsh(a, .UPLO = has("uplo") ? opt("uplo")[0] : 0));
    else if (!strcmp(op, "eig")) count = nd_linalg_eig(a, &res[0], &res[1]) ? -1 : 2;
    else if (!strcmp(op, "eigvals")) ONE(nd_linalg_eigvals(a));
    else if (!strcmp(op, "svd")) {
        nd_svd_opts o = { .reduced = has("full") && !flag("full"), .hermitian = flag("herm") };
        if (has("uv") && !flag("uv")) count = nd_linalg_svd_ex(a, NULL, &res[0], NULL, &o) ? -1 : 1;
        else count = nd_linalg_svd_ex(a, &res[0], &res[1], &res[2], &o) ? -1 : 3;
    } else if (!strcmp(op, "svdvals")) ONE(nd_linalg_svdvals(a));
    else if (!strcmp(op, "lstsq")) {
        int64_t rank = -7;
        nd_lstsq_opts o = { .rcond = has("rcond") ? atof(opt("rcond")) : 0, .rcond_set = has("rcond") };
        count = nd_linalg_lstsq_ex(a, b, &res[0], &res[1], &rank, &res[3], &o) ? -1 : 4;
        if (count == 4) res[2] = nd_from_data(&rank, ND_SHAPE0, ND_INT64);
    } else if (!strcmp(op, "pinv")) {
        nd_pinv_opts o = { .hermitian = flag("herm") };
        if (has("rcond")) { o.rcond = atof(opt("rcond")); o.rcond_set = true; }
        if (has("rtol")) { o.rtol = atof(opt("rtol")); o.rtol_set = true; }
        if (has("rtolnone")) o.rtol_none = true;
        ONE(nd_linalg_pinv_ex(a, &o));
    } else if (!strcmp(op, "matrix_rank")) {
        nd_matrix_rank_opts o = { .hermitian = flag("herm") };
        if (has("tol")) { o.tol = atof(opt("tol")); o.tol_set = true; }
        if (has("rtol")) { o.rtol = atof(opt("rtol")); o.rtol_set = true; }
        ONE(nd_linalg_matrix_rank_ex(a, &o));
    } else if (!strcmp(op, "norm")) {
        nd_norm_ord ord = ord_of(opt("ord"), &p);
        ONE(nd_linalg_norm(a, .ord = ord, .p = p, .axis = has("axis") ? axes_of(opt("axis")) : ND_AXIS_NONE, .keepdims = flag("keep")));
    } else if (!strcmp(op, "cond")) {
        nd_norm_ord ord = ord_of(opt("p"), &p);
        ONE(nd_linalg_cond(a, .ord = ord, .p = p));
    } else {
        fprintf(stderr, "unknown op %s\n", op);
        count = -1;
    }
#undef ONE
    for (int i = 0; i < na; i++) nd_free(A[i]);
    return count;
}

/* ------------------------------------------------------------- comparison */

/* c128 C-order copy */
static nd_array *as_c(const nd_array *x) { return nd_astype(x, ND_COMPLEX128, .order = 'C'); }

/* Scale each column (rows: each row) of every matrix so that its first entry at least
 * half the largest in magnitude is real positive. */
static void normalize(nd_array *x, bool rows) {
    int nd = nd_ndim(x);
    if (nd < 2) return;
    int64_t m = nd_shape(x)[nd - 2], n = nd_shape(x)[nd - 1], nmat = (m && n) ? nd_size(x) / (m * n) : 0;
    double complex *d = nd_data(x);
    int64_t lines = rows ? m : n, len = rows ? n : m, step = rows ? 1 : n, lstep = rows ? n : 1;
    for (int64_t s = 0; s < nmat; s++)
        for (int64_t l = 0; l < lines; l++) {
            double complex *v = d + s * m * n + l * lstep;
            double big = 0;
            for (int64_t i = 0; i < len; i++) big = fmax(big, cabs(v[i * step]));
            if (!(big > 0)) continue;
            for (int64_t i = 0; i < len; i++)
                if (cabs(v[i * step]) >= 0.5 * big) {
                    double complex ph = conj(v[i * step]) / cabs(v[i * step]);
                    for (int64_t j = 0; j < len; j++) v[j * step] *= ph;
                    break;
                }
        }
}

static int cmp_c(const void *x, const void *y) {
    double complex a = *(const double complex *)x, b = *(const double complex *)y;
    double tol = 1e-5 * (1 + fabs(creal(a)));
    if (fabs(creal(a) - creal(b)) > tol) return creal(a) < creal(b) ? -1 : 1;
    return cimag(a) < cimag(b) ? -1 : cimag(a) > cimag(b);
}
static void sort_last(nd_array *x) {
    int nd = nd_ndim(x);
    int64_t n = nd ? nd_shape(x)[nd - 1] : 1;
    for (int64_t s = 0; n && s < nd_size(x) / n; s++) qsort((double complex *)nd_data(x) + s * n, (size_t)n, sizeof(double complex), cmp_c);
}

enum { PLAIN, COLS, ROWS, SORTED, SHAPE_ONLY };

static bool same(const nd_array *got, const nd_array *exp, const char *name, int piece, int how) {
    bool ok = nd_dtype_equal(nd_dtype(got), nd_dtype(exp)) && nd_ndim(got) == nd_ndim(exp) &&
              !memcmp(nd_shape(got), nd_shape(exp), (size_t)nd_ndim(got) * sizeof(int64_t));
    char k = nd_dtype_kind(nd_dtype(exp));
    double worst = 0;
    if (ok && how != SHAPE_ONLY && (k == 'f' || k == 'c')) {
        nd_array *g = as_c(got), *e = as_c(exp);
        if (how == COLS || how == ROWS) { normalize(g, how == ROWS); normalize(e, how == ROWS); }
        if (how == SORTED) { sort_last(g); sort_last(e); }
        const double complex *gv = nd_data(g), *ev = nd_data(e);
        int64_t n = nd_size(e);
        double scale = 0;
        for (int64_t i = 0; i < n; i++)
            if (isfinite(cabs(ev[i]))) scale = fmax(scale, cabs(ev[i]));
        const nd_dtype_t *d = nd_dtype(exp);
        double rtol = d == ND_FLOAT16 ? 2e-3 : (d == ND_FLOAT32 || d == ND_COMPLEX64) ? 2e-5 : native ? 1e-10 : 1e-12;
        if (getenv("ND_CONFORM_EXACT")) rtol = 0; /* to list the values that are not bit-equal */
        for (int64_t i = 0; ok && i < n; i++) {
            double xr = creal(gv[i]), xi = cimag(gv[i]), yr = creal(ev[i]), yi = cimag(ev[i]);
            bool nan_g = isnan(xr) || isnan(xi), nan_e = isnan(yr) || isnan(yi);
            if (nan_g || nan_e) { ok = nan_g && nan_e; continue; }
            if (!isfinite(yr) || !isfinite(yi) || !isfinite(xr) || !isfinite(xi)) { ok = xr == yr && xi == yi; continue; }
            double diff = cabs(gv[i] - ev[i]);
            worst = fmax(worst, diff / (scale > 0 ? scale : 1));
            ok = diff <= rtol * scale + 1e-25; /* residuals of exact fits are rounding noise */
        }
        nd_free(g);
        nd_free(e);
    } else if (ok && how != SHAPE_ONLY) {
        int64_t n1, n2;
        char *b1 = nd_tobytes(got, 'C', &n1), *b2 = nd_tobytes(exp, 'C', &n2);
        ok = b1 && b2 && n1 == n2 && !memcmp(b1, b2, (size_t)n1);
        nd_free_bytes(b1);
        nd_free_bytes(b2);
    }
    if (!ok) {
        char *g = nd_array_repr(got), *e = nd_array_repr(exp);
        fprintf(stderr, "[%s] %s piece %d (rel err %.3g):\n  got      %s %s\n  expected %s %s\n", native ? "native" : "lapack", name,
                piece, worst, nd_dtype_str_repr(nd_dtype(got)), g, nd_dtype_str_repr(nd_dtype(exp)), e);
        nd_free_bytes(g);
        nd_free_bytes(e);
    }
    return ok;
}

/* How piece i of op's result is compared. */
static int how_of(const char *label, int i) {
    char op[32];
    sscanf(label, "%31s", op);
    bool raw = strstr(label, "mode=raw") != NULL;
    if (!strcmp(op, "svd")) {
        /* full_matrices: the columns beyond the rank span a subspace only, the native
         * backend's basis of it is its own */
        if (native && !strstr(label, "full=0") && (i == 0 || i == 2)) return SHAPE_ONLY;
        return i == 0 ? COLS : i == 2 ? ROWS : PLAIN;
    }
    if (!strcmp(op, "eigh")) return i == 1 ? COLS : PLAIN;
    if (!strcmp(op, "eig")) return !native ? (i == 1 ? COLS : PLAIN) : i == 1 ? SHAPE_ONLY : SORTED;
    if (!strcmp(op, "eigvals")) return native ? SORTED : PLAIN;
    if (!strcmp(op, "qr")) {
        size_t L = strlen(label);
        if (raw) return native ? SHAPE_ONLY : PLAIN;
        if (L >= 7 && !strcmp(label + L - 7, "mode=r")) return ROWS;
        return i == 0 ? COLS : ROWS;
    }
    return PLAIN;
}

static int failures_here;

static void one_case(void) {
    nd_array *l = nd_load_file(G);
    if (!l) return;
    char label[256], work[256];
    snprintf(label, sizeof label, "%s", label_text(l));
    snprintf(work, sizeof work, "%s", label);
    nd_free(l);
    ncases++;
    nd_array *res[MAXR] = { 0 };
    int count = run(work, res);
    nd_array *exp = nd_load_file(G);
    if (!exp) { CHECK(!"golden record"); return; }
    int before = check_failures_;
    char op[32];
    sscanf(label, "%31s", op);
    bool seq = !strcmp(op, "slogdet") || !strcmp(op, "qr") || !strcmp(op, "eigh") || !strcmp(op, "eig") ||
               !strcmp(op, "svd") || !strcmp(op, "lstsq");
    if (!error_case(exp, count < 0, label)) {
        check_count_++;
        if (count < 0) {
            check_failures_++;
            fprintf(stderr, "[%s] %s failed: %s: %s\n", native ? "native" : "lapack", label, nd_error_name(nd_error()),
                    nd_error_message());
        }
        if (seq) {
            int64_t want = *(int64_t *)nd_data(exp);
            if (count >= 0 && want != count) {
                check_failures_++;
                fprintf(stderr, "%s: %d results, expected %lld\n", label, count, (long long)want);
            }
            for (int64_t i = 0; i < want; i++) {
                nd_array *e = nd_load_file(G);
                check_count_++;
                if (i < count && !same(res[i], e, label, (int)i, how_of(label, (int)i))) check_failures_++;
                nd_free(e);
            }
        } else if (count == 0 && !same(res[0], exp, label, 0, how_of(label, 0))) check_failures_++;
    }
    if (check_failures_ != before) failures_here++;
    nd_free(exp);
    for (int i = 0; i < MAXR; i++) nd_free(res[i]);
    nd_error_clear();
}

static void pass(bool nat) {
    native = nat;
    CHECK(nd_linalg_set_backend(nat ? ND_LINALG_NATIVE : ND_LINALG_LAPACK) == 0);
    char path[512];
    snprintf(path, sizeof path, "%s/conform_linalg/conform_linalg.npys", ND_GOLDEN_DIR);
    G = fopen(path, "rb");
    CHECK(G != NULL);
    if (!G) return;
    ncases = 0;
    failures_here = 0;
    for (;;) {
        int c = fgetc(G);
        if (c == EOF) break;
        ungetc(c, G);
        one_case();
    }
    fclose(G);
    fprintf(stderr, "%s: %d cases, %d failing\n", nat ? "native" : "lapack", ncases, failures_here);
}

/* Bad arguments: NULLs, out= errors (NumPy's messages), 64-d inputs: an error or a
 * result, never a crash. */
static void bad_inputs(void) {
    nd_array *a = nd_ones(ND_SHAPE(3, 3)), *v = nd_ones(ND_SHAPE(3)), *x = NULL, *y = NULL, *z = NULL;
    int64_t rk;
    CHECK_ERR(nd_matmul(NULL, a), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_dot(a, NULL), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_vdot(NULL, a), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_inner(a, NULL), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_outer(NULL, a), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_kron(a, NULL), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_tensordot(NULL, a), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_trace(NULL), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_linalg_multi_dot(2, NULL), ND_ERR_VALUE, "Expecting at least two arrays.");
    CHECK_ERR(nd_linalg_multi_dot(1, (const nd_array *[]){ a }), ND_ERR_VALUE, "Expecting at least two arrays.");
    CHECK_ERR(nd_linalg_matrix_power(NULL, 2), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_vecdot(NULL, a), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_matrix_transpose(NULL), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_cross(NULL, v), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_einsum_ex(NULL, 1, (const nd_array *[]){ a }, NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_einsum_ex("ij", 1, (const nd_array *[]){ NULL }, NULL), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_einsum_path(NULL, 0, NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_linalg_det(NULL), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_linalg_slogdet(a, NULL, &y), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_linalg_solve(a, NULL), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_linalg_qr(a, NULL, NULL), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_linalg_eigh(a, NULL, &y), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_linalg_eig(a, NULL, NULL), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_linalg_svd(a, &x, &y, NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_linalg_lstsq(NULL, v, &x, &y, &rk, &z), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_linalg_pinv(NULL), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_linalg_matrix_rank(NULL), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_linalg_norm(NULL), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_linalg_cond(NULL), ND_ERR_VALUE, "NULL");
    CHECK_ERR(nd_linalg_norm(a, .ord = (nd_norm_ord)99), ND_ERR_VALUE, "Invalid norm order");
    CHECK_ERR(nd_linalg_cond(a, .ord = (nd_norm_ord)99), ND_ERR_VALUE, "Invalid norm order");
    CHECK(nd_linalg_lstsq(a, v, NULL, NULL, NULL, NULL) == 0); /* every output optional */
    /* matmul out=: np.matmul(np.ones((3, 3)), np.ones((3, 3)), out=...) */
    nd_array *o32 = nd_zeros(ND_SHAPE(3, 3), .dtype = ND_INT32), *o2 = nd_zeros(ND_SHAPE(2, 2)),
             *o4 = nd_zeros(ND_SHAPE(4, 3, 3)), *o0 = nd_zeros(ND_SHAPE(2));
    CHECK_ERR(nd_matmul(a, a, .out = o32), ND_ERR_TYPE,
              "Cannot cast ufunc 'matmul' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'");
    CHECK_ERR(nd_matmul(a, a, .out = o2), ND_ERR_VALUE,
              "matmul: Output operand 0 has a mismatch in its core dimension 0, with gufunc signature "
              "(n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)");
    CHECK(nd_matmul(a, a, .out = o4) == o4 && ((double *)nd_data(o4))[35] == 3); /* broadcast to out */
    CHECK(nd_matmul(v, v, .out = o0) == o0 && ((double *)nd_data(o0))[1] == 3);
    nd_free(o32); nd_free(o2); nd_free(o4); nd_free(o0);
    /* ND_MAXDIMS-d (64-d, as NumPy 2) inputs */
    int64_t d32[ND_MAXDIMS];
    for (int i = 0; i < ND_MAXDIMS; i++) d32[i] = 1;
    nd_shape_t s32 = { ND_MAXDIMS, d32 };
    nd_array *big = nd_ones(s32);
    nd_array *r;
    CHECK((r = nd_matmul(big, big)) != NULL); nd_free(r);
    /* np.dot / np.inner / np.kron of two 64-d arrays: the result would have 126 / 128 axes */
    CHECK_ERR(nd_dot(big, big), ND_ERR_VALUE, "dot: too many dimensions in result");
    CHECK_ERR(nd_inner(big, big), ND_ERR_VALUE, "dot: too many dimensions in result");
    CHECK_ERR(nd_kron(big, big), ND_ERR_VALUE, "maximum supported dimension for an ndarray is currently 64, found 128");
    CHECK_ERR(nd_tensordot(big, big, .axes = 0, .axes_set = true), ND_ERR_VALUE,
              "maximum supported dimension for an ndarray is currently 64, found 128");
    CHECK((r = nd_outer(big, big)) != NULL); nd_free(r);
    CHECK((r = nd_linalg_det(big)) != NULL); nd_free(r);
    CHECK((r = nd_linalg_inv(big)) != NULL); nd_free(r);
    CHECK((r = nd_linalg_solve(big, big)) != NULL); nd_free(r);
    CHECK((r = nd_linalg_pinv(big)) != NULL); nd_free(r);
    CHECK((r = nd_einsum("...,...", big, big)) != NULL); nd_free(r);
    CHECK((r = nd_trace(big)) != NULL); nd_free(r);
    CHECK((r = nd_linalg_matrix_power(big, 3)) != NULL); nd_free(r);
    CHECK((r = nd_linalg_norm(big)) != NULL); nd_free(r);
    nd_free(big);
    /* tensordot axes beyond any shape: NumPy indexes a's shape tuple past its start */
    CHECK_ERR(nd_tensordot(a, a, .axes = 1000, .axes_set = true), ND_ERR_INDEX, "tuple index out of range");
    nd_free(a);
    nd_free(v);
    nd_error_clear();
}

int main(void) {
    bad_inputs();
    (void)expect;
    if (nd_linalg_have_lapack()) pass(false);
    pass(true);
    nd_linalg_set_backend(ND_LINALG_AUTO);
    return check_done();
}
