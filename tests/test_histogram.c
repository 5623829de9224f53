/* histogram, histogram_bin_edges, histogram2d, histogramdd, bincount, digitize against
 * NumPy: the cases in tests/golden/histogram/cases.txt (made by make_histogram.py, which
 * says where NumPy 2 differs from the 1.24 that made the file and how those cases were
 * computed).  Every case runs twice: on the arrays as read, and on views with negative
 * strides of reversed copies (the same values in the same logical order). */
#include "check.h"

#include <inttypes.h>

#define MAXKEYS 16

typedef struct {
    char key[64];
    nd_array *a;
} named;

typedef struct {
    char op[64], name[64];
    named in[MAXKEYS], out[MAXKEYS];
    int nin, nout;
    char optk[MAXKEYS][64], optv[MAXKEYS][128];
    int nopt;
    char err_name[64], err_msg[512];
} tcase;

static named shared[64];
static int nshared;

/* ------------------------------------------------------------- parsing */

static nd_array *parse_array(char *s) {
    while (*s == ' ') s++;
    if (*s == '@') {
        char nm[32];
        sscanf(s + 1, "%31s", nm);
        for (int i = 0; i < nshared; i++)
            if (!strcmp(shared[i].key, nm)) return nd_ref(shared[i].a);
        return NULL;
    }
    char dname[32];
    int ndim, used;
    if (sscanf(s, "%31s %d%n", dname, &ndim, &used) != 2) return NULL;
    s += used;
    int64_t dims[8] = { 0 };
    int64_t size = 1;
    for (int i = 0; i < ndim; i++) {
        dims[i] = strtoll(s, &s, 10);
        size *= dims[i];
    }
    s = strchr(s, '|');
    if (!s) return NULL;
    s++;
    const nd_dtype_t *dt = nd_dtype_parse(dname);
    if (!dt) return NULL;
    char kind = nd_dtype_kind(dt);
    const nd_dtype_t *base = kind == 'f' ? ND_FLOAT64 : kind == 'c' ? ND_COMPLEX128 : kind == 'u' ? ND_UINT64 : ND_INT64;
    nd_array *b = nd_empty(ND_SHAPE(size), .dtype = base);
    char *p = nd_data(b);
    for (int64_t k = 0; k < size; k++) {
        while (*s == ' ') s++;
        if (kind == 'f') {
            ((double *)p)[k] = strtod(s, &s);
        } else if (kind == 'c') {
            double re = strtod(s, &s);
            s++; /* ':' */
            double im = strtod(s, &s);
            ((double *)p)[2 * k] = re;
            ((double *)p)[2 * k + 1] = im;
        } else if (kind == 'u') {
            ((uint64_t *)p)[k] = strtoull(s, &s, 10);
        } else {
            ((int64_t *)p)[k] = strtoll(s, &s, 10);
        }
    }
    nd_array *c = nd_astype(b, dt);
    nd_free(b);
    nd_dtype_free(dt);
    nd_array *r = nd_reshape_ex(c, (nd_shape_t){ ndim, dims }, 'C');
    nd_free(c);
    return r;
}

static const char *opt(const tcase *c, const char *k) {
    for (int i = 0; i < c->nopt; i++)
        if (!strcmp(c->optk[i], k)) return c->optv[i];
    return NULL;
}
static int64_t opt_int(const tcase *c, const char *k) { const char *v = opt(c, k); return v ? strtoll(v, NULL, 10) : 0; }
static nd_array *in(const tcase *c, const char *k) {
    for (int i = 0; i < c->nin; i++)
        if (!strcmp(c->in[i].key, k)) return c->in[i].a;
    return NULL;
}
static nd_array *expected(const tcase *c, const char *k) {
    for (int i = 0; i < c->nout; i++)
        if (!strcmp(c->out[i].key, k)) return c->out[i].a;
    return NULL;
}

/* ------------------------------------------------------------- comparing */

static int same_array(const nd_array *got, const nd_array *exp) {
    if (!got || !exp) return 0;
    if (strcmp(nd_dtype_name(nd_dtype(got)), nd_dtype_name(nd_dtype(exp)))) return 0;
    if (nd_ndim(got) != nd_ndim(exp)) return 0;
    for (int i = 0; i < nd_ndim(got); i++)
        if (nd_shape(got)[i] != nd_shape(exp)[i]) return 0;
    char kind = nd_dtype_kind(nd_dtype(exp));
    const nd_dtype_t *as = kind == 'f' ? ND_FLOAT64 : kind == 'c' ? ND_COMPLEX128 : ND_UINT64;
    nd_array *g = nd_astype(got, as, .order = 'C'), *e = nd_astype(exp, as, .order = 'C');
    int ok = g && e;
    int64_t n = nd_size(e) * (kind == 'c' ? 2 : 1);
    for (int64_t k = 0; ok && k < n; k++) {
        if (kind == 'u' || kind == 'i' || kind == 'b') {
            ok = ((uint64_t *)nd_data(g))[k] == ((uint64_t *)nd_data(e))[k];
        } else {
            double x = ((double *)nd_data(g))[k], y = ((double *)nd_data(e))[k];
            ok = (isnan(x) && isnan(y)) || (x == y && signbit(x) == signbit(y));
        }
    }
    nd_free(g);
    nd_free(e);
    return ok;
}

static void show(const char *what, const nd_array *a) {
    char *s = a ? nd_array_repr(a) : NULL;
    fprintf(stderr, "  %s: %s\n", what, s ? s : "(null)");
    nd_free_bytes(s);
}

static void check_out(const tcase *c, const char *variant, const char *key, const nd_array *got) {
    const nd_array *exp = expected(c, key);
    check_count_++;
    if (!exp) {
        check_failures_++;
        fprintf(stderr, "%s/%s [%s]: no expected '%s'\n", c->op, c->name, variant, key);
        return;
    }
    if (!same_array(got, exp)) {
        check_failures_++;
        fprintf(stderr, "%s/%s [%s]: '%s' differs (%s)\n", c->op, c->name, variant, key,
                got ? "" : nd_error_message());
        show("got     ", got);
        show("expected", exp);
    }
}

/* ------------------------------------------------------------- running */

static nd_range parse_range(const char *s) {
    nd_range r = { 0 };
    if (!s) return r;
    char *e;
    r.set = true;
    r.lo = strtod(s, &e);
    r.hi = strtod(e, NULL);
    return r;
}

static int method_of(const char *m) { return m ? nd_bins_method_parse(m) : ND_BINS_COUNT; }

/* Runs the case's call; fills got[] (keys as the expected ones). Returns the call's rc. */
static int run(const tcase *c, named *got, int *ngot) {
    *ngot = 0;
    int rc = 0;
    if (!strcmp(c->op, "histogram") || !strcmp(c->op, "bin_edges")) {
        nd_histogram_opts o = { .bins = opt_int(c, "bins"), .edges = in(c, "edges"), .method = method_of(opt(c, "method")),
                                .range = parse_range(opt(c, "range")), .density = opt_int(c, "density") != 0,
                                .weights = in(c, "weights") };
        nd_array *fa = NULL, *fw = NULL;
        if (opt(c, "formula")) { /* a and weights by formula (see make_histogram.py) */
            int64_t n = opt_int(c, "formula");
            fa = nd_empty(ND_SHAPE(n));
            fw = nd_empty(ND_SHAPE(n));
            for (int64_t i = 0; i < n; i++) {
                ((double *)nd_data(fa))[i] = (double)((i * 7919) % 37) * 0.5;
                ((double *)nd_data(fw))[i] = (double)((i * 104729) % 1000 + 1) / 1000.0;
            }
            if (opt_int(c, "formula_w32")) { nd_array *t = nd_astype(fw, ND_FLOAT32); nd_free(fw); fw = t; }
            o.weights = fw;
            nd_array *h = NULL, *e = NULL;
            rc = nd_histogram_ex(fa, &h, &e, &o);
            got[(*ngot)++] = (named){ "hist", h };
            got[(*ngot)++] = (named){ "edges", e };
            nd_free(fa);
            nd_free(fw);
            return rc;
        }
        if (!strcmp(c->op, "bin_edges")) {
            nd_array *e = nd_histogram_bin_edges_ex(in(c, "a"), &o);
            rc = e ? 0 : -1;
            got[(*ngot)++] = (named){ "edges", e };
        } else {
            nd_array *h = NULL, *e = NULL;
            rc = nd_histogram_ex(in(c, "a"), &h, &e, &o);
            got[(*ngot)++] = (named){ "hist", h };
            got[(*ngot)++] = (named){ "edges", e };
        }
    } else if (!strcmp(c->op, "bincount")) {
        nd_array *r = nd_bincount(in(c, "x"), .weights = in(c, "weights"), .minlength = opt_int(c, "minlength"));
        rc = r ? 0 : -1;
        got[(*ngot)++] = (named){ "out", r };
    } else if (!strcmp(c->op, "digitize")) {
        nd_array *r = nd_digitize(in(c, "x"), in(c, "bins"), .right = opt_int(c, "right") != 0);
        rc = r ? 0 : -1;
        got[(*ngot)++] = (named){ "out", r };
    } else if (!strcmp(c->op, "hist2d")) {
        nd_histogram2d_opts o = { .bins = opt_int(c, "bins"), .bins_xy = { opt_int(c, "bins_x"), opt_int(c, "bins_y") },
                                  .edges = in(c, "edges"), .edges_xy = { in(c, "edges_x"), in(c, "edges_y") },
                                  .density = opt_int(c, "density") != 0, .weights = in(c, "weights") };
        const char *r2 = opt(c, "range2");
        if (r2) {
            char *e;
            double v[4];
            v[0] = strtod(r2, &e);
            for (int i = 1; i < 4; i++) v[i] = strtod(e, &e);
            o.range[0] = ND_RANGE(v[0], v[1]);
            o.range[1] = ND_RANGE(v[2], v[3]);
        }
        nd_array *h = NULL, *xe = NULL, *ye = NULL;
        rc = nd_histogram2d_ex(in(c, "x"), in(c, "y"), &h, &xe, &ye, &o);
        got[(*ngot)++] = (named){ "hist", h };
        got[(*ngot)++] = (named){ "xedges", xe };
        got[(*ngot)++] = (named){ "yedges", ye };
    } else if (!strcmp(c->op, "histdd")) {
        nd_histogramdd_opts o = { .bins = opt_int(c, "bins"), .density = opt_int(c, "density") != 0,
                                  .weights = in(c, "weights") };
        const char *bd = opt(c, "bins_dim");
        if (bd) {
            char *e = (char *)bd;
            for (int i = 0; i < 8 && *e; i++) o.bins_dim[i] = strtoll(e, &e, 10);
        }
        nd_array *h = NULL, *edges[ND_MAXDIMS] = { 0 };
        const nd_array *s = in(c, "sample");
        int D = nd_ndim(s) == 2 ? (int)nd_shape(s)[1] : 1;
        rc = nd_histogramdd_ex(s, &h, edges, &o);
        got[(*ngot)++] = (named){ "hist", h };
        for (int i = 0; i < D; i++) {
            got[*ngot] = (named){ "", edges[i] };
            snprintf(got[*ngot].key, sizeof got[*ngot].key, "edges%d", i);
            (*ngot)++;
        }
    } else {
        fprintf(stderr, "unknown op %s\n", c->op);
        return -1;
    }
    return rc;
}

static void run_variant(const tcase *c, const char *variant) {
    named got[MAXKEYS + ND_MAXDIMS];
    int ngot;
    nd_error_clear();
    int rc = run(c, got, &ngot);
    if (c->err_name[0]) {
        check_count_++;
        if (rc == 0 || strcmp(nd_error_name(nd_error()), c->err_name) || strcmp(nd_error_message(), c->err_msg)) {
            check_failures_++;
            fprintf(stderr, "%s/%s [%s]: expected %s: %s\n  got %s: %s\n", c->op, c->name, variant, c->err_name,
                    c->err_msg, rc == 0 ? "success" : nd_error_name(nd_error()), nd_error_message());
        }
    } else {
        check_count_++;
        if (rc < 0) {
            check_failures_++;
            fprintf(stderr, "%s/%s [%s]: failed: %s\n", c->op, c->name, variant, nd_error_message());
        } else {
            for (int i = 0; i < ngot; i++) check_out(c, variant, got[i].key, got[i].a);
        }
    }
    for (int i = 0; i < ngot; i++) nd_free(got[i].a);
}

/* The same values through negative strides: reverse a copy, then view it reversed. */
static nd_array *reversed_view(nd_array *a) {
    if (nd_ndim(a) == 0) return nd_ref(a);
    char idx[64] = "";
    for (int i = 0; i < nd_ndim(a); i++) strcat(idx, i ? ", ::-1" : "::-1");
    nd_array *r = nd_get(a, idx);
    nd_array *c = nd_copy(r, 'C');
    nd_array *v = nd_get(c, idx);
    nd_free(r);
    nd_free(c);
    return v;
}

static void run_case(tcase *c) {
    run_variant(c, "contiguous");
    named saved[MAXKEYS];
    memcpy(saved, c->in, sizeof saved);
    for (int i = 0; i < c->nin; i++) c->in[i].a = reversed_view(saved[i].a);
    run_variant(c, "reversed");
    for (int i = 0; i < c->nin; i++) { nd_free(c->in[i].a); c->in[i].a = saved[i].a; }
}

static int run_file(const char *path) {
    char *text = check_read_file(path, NULL);
    if (!text) { fprintf(stderr, "cannot read %s\n", path); return -1; }
    tcase *c = calloc(1, sizeof *c);
    int ncases = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char tag[16], key[64];
        int used = 0;
        if (sscanf(line, "%15s %63s%n", tag, key, &used) < 1) continue;
        char *rest = line + used;
        if (!strcmp(tag, "data")) {
            shared[nshared].a = parse_array(rest);
            snprintf(shared[nshared].key, sizeof shared[nshared].key, "%s", key);
            CHECK(shared[nshared].a != NULL);
            nshared++;
        } else if (!strcmp(tag, "case")) {
            memset(c, 0, sizeof *c);
            snprintf(c->op, sizeof c->op, "%s", key);
            sscanf(rest, "%63s", c->name);
        } else if (!strcmp(tag, "in") || !strcmp(tag, "out")) {
            named *t = tag[0] == 'i' ? &c->in[c->nin++] : &c->out[c->nout++];
            snprintf(t->key, sizeof t->key, "%s", key);
            t->a = parse_array(rest);
            CHECK_MSG(t->a != NULL, "%s/%s: cannot parse %s", c->op, c->name, key);
        } else if (!strcmp(tag, "opt")) {
            snprintf(c->optk[c->nopt], sizeof c->optk[0], "%s", key);
            snprintf(c->optv[c->nopt], sizeof c->optv[0], "%s", rest + (*rest == ' '));
            c->nopt++;
        } else if (!strcmp(tag, "err")) {
            snprintf(c->err_name, sizeof c->err_name, "%s", key);
            snprintf(c->err_msg, sizeof c->err_msg, "%s", rest + (*rest == ' '));
        } else if (!strcmp(tag, "end")) {
            run_case(c);
            ncases++;
            for (int i = 0; i < c->nin; i++) nd_free(c->in[i].a);
            for (int i = 0; i < c->nout; i++) nd_free(c->out[i].a);
        }
    }
    free(c);
    free(text);
    for (int i = 0; i < nshared; i++) nd_free(shared[i].a);
    fprintf(stderr, "%d golden cases\n", ncases);
    return ncases;
}

/* ------------------------------------------------------------- by hand */

static char warned[256];
static void on_warning(const char *msg, void *ud) { (void)ud; snprintf(warned, sizeof warned, "%s", msg); }

static void test_by_hand(void) {
    nd_set_warning_handler(on_warning, NULL);
    /* NumPy 2: bool data is counted as uint8 with a RuntimeWarning */
    nd_array *b = ND_ARRAY(bool, ND_SHAPE(3), true, false, true);
    nd_array *h = NULL, *e = NULL;
    warned[0] = 0;
    CHECK(nd_histogram(b, &h, &e, .bins = 2) == 0);
    CHECK_EQ_STR(warned, "RuntimeWarning: Converting input from bool to <class 'numpy.uint8'> for compatibility.");
    CHECK(h && ((int64_t *)nd_data(h))[0] == 1 && ((int64_t *)nd_data(h))[1] == 2);
    nd_free(h); nd_free(e); nd_free(b);

    /* NULL and bad arguments never crash */
    CHECK_ERR(nd_histogram(NULL, &h, &e), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_bincount(NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_digitize(NULL, NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_histogramdd(NULL, &h, NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_bins_method_parse("bogus"), ND_ERR_VALUE, "'bogus' is not a valid estimator for `bins`");
    nd_array *a = ND_ARRAY(double, ND_SHAPE(4), 1, 2, 3, 4);
    CHECK_ERR(nd_histogram(a, &h, &e, .method = nd_bins_method_parse("nope")), ND_ERR_VALUE,
              "'nope' is not a valid estimator for `bins`");
    nd_array *z = ND_ARRAY(double, ND_SHAPE(2), 1, 2);
    nd_array *zc = nd_astype(z, ND_COMPLEX128);
    /* complex data: NumPy's arithmetic on complex values, with its ComplexWarning */
    warned[0] = 0;
    CHECK(nd_histogram(zc, &h, &e, .bins = 2) == 0);
    CHECK_EQ_STR(warned, "ComplexWarning: Casting complex values to real discards the imaginary part");
    CHECK(h && ((int64_t *)nd_data(h))[0] == 1 && ((int64_t *)nd_data(h))[1] == 1);
    CHECK(e && nd_dtype(e) == ND_COMPLEX128);
    nd_free(h); nd_free(e);
    CHECK_ERR(nd_bincount(zc), ND_ERR_TYPE, "Cannot cast array data from dtype('complex128') to dtype('int64')");
    /* results are optional */
    CHECK(nd_histogram(a, NULL, NULL, .bins = 3) == 0);
    /* float16 data and int edges */
    nd_array *a16 = nd_astype(a, ND_FLOAT16);
    nd_array *ie = ND_ARRAY(long, ND_SHAPE(3), 0, 2, 4);
    CHECK(nd_histogram(a16, &h, &e, .edges = ie) == 0);
    CHECK(h && ((int64_t *)nd_data(h))[0] == 1 && ((int64_t *)nd_data(h))[1] == 3);
    nd_free(h); nd_free(e);
    /* hist2d: the same edges for x and y given as an array of 2 counts (NumPy reads [nx, ny]) */
    nd_array *two = ND_ARRAY(long, ND_SHAPE(2), 2, 3);
    CHECK(nd_histogram2d(a, a, &h, NULL, NULL, .edges = two) == 0);
    CHECK(h && nd_shape(h)[0] == 2 && nd_shape(h)[1] == 3);
    nd_free(h);
    nd_array *one = ND_ARRAY(long, ND_SHAPE(1), 2);
    CHECK_ERR(nd_histogram2d(a, a, &h, NULL, NULL, .edges = one), ND_ERR_VALUE,
              "The dimension of bins must be equal to the dimension of the sample x.");
    nd_array *b3 = ND_ARRAY(double, ND_SHAPE(3), 1, 2, 3);
    CHECK_ERR(nd_histogram2d(a, b3, &h, NULL, NULL), ND_ERR_VALUE, "x and y must have the same length.");
    /* bincount's table grows past its interleaved size; negatives found after growing */
    nd_array *big = ND_ARRAY(long, ND_SHAPE(7), 3, 70000, 1, 70000, 5, 2000, 0);
    nd_array *bc = nd_bincount(big, .minlength = 5);
    CHECK(bc && nd_size(bc) == 70001);
    if (bc) {
        const int64_t *r = nd_data(bc);
        CHECK(r[70000] == 2 && r[2000] == 1 && r[0] == 1 && r[1] == 1 && r[3] == 1 && r[5] == 1 && r[4] == 0);
        int64_t tot = 0;
        for (int64_t i = 0; i < 70001; i++) tot += r[i];
        CHECK_EQ_INT(tot, 7);
    }
    nd_free(bc);
    nd_array *neg = ND_ARRAY(long, ND_SHAPE(9), 5, 2000, 1, 1, 1, 1, 1, 1, -1);
    CHECK_ERR(nd_bincount(neg), ND_ERR_VALUE, "'list' argument must have no negative elements");
    nd_array *u64 = ND_ARRAY(unsigned long, ND_SHAPE(2), 1, UINT64_MAX);
    CHECK_ERR(nd_bincount(u64), ND_ERR_VALUE, "'list' argument must have no negative elements");
    nd_free(big); nd_free(neg); nd_free(u64);
    nd_set_warning_handler(NULL, NULL);
    nd_free(a); nd_free(z); nd_free(zc); nd_free(a16); nd_free(ie); nd_free(two); nd_free(one); nd_free(b3);
}

int main(void) {
    nd_set_warning_handler(on_warning, NULL); /* the golden cases warn (complex, bool data) */
    int n = run_file(ND_GOLDEN_DIR "/histogram/cases.txt");
    CHECK(n > 150);
    test_by_hand();
    return check_done();
}
