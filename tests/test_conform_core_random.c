/* Random streams against NumPy: the first draws of every distribution of
 * Generator(PCG64(seed)) and RandomState(seed) for a few seeds and parameter sets,
 * including edge (scale 0, size 0, size None) and invalid parameters (NumPy's error),
 * then random(2) drawn next, which checks how many values each call consumed (a failed
 * call draws nothing).  tests/golden/conform_core/conform_random.npys (made by
 * make_conform_random.py) labels each case "<G|R> <seed> <method> <size> <params...>";
 * this test parses the label and makes the same call. */
#include "golden.h"

#include <math.h>

typedef nd_array *(*fn0)(nd_rng *, const nd_random_opts *);
typedef nd_array *(*fn1)(nd_rng *, nd_rparam, const nd_random_opts *);
typedef nd_array *(*fn2)(nd_rng *, nd_rparam, nd_rparam, const nd_random_opts *);
typedef nd_array *(*fn3)(nd_rng *, nd_rparam, nd_rparam, nd_rparam, const nd_random_opts *);

#define M0(n) { #n, 0, (void (*)(void))nd_random_##n##_ex }
#define M1(n) { #n, 1, (void (*)(void))nd_random_##n##_ex }
#define M2(n) { #n, 2, (void (*)(void))nd_random_##n##_ex }
#define M3(n) { #n, 3, (void (*)(void))nd_random_##n##_ex }
static const struct { const char *name; int np; void (*fn)(void); } METHODS[] = {
    M0(random), M0(standard_normal), M0(standard_exponential), M0(standard_cauchy),
    M1(exponential), M1(standard_gamma), M1(chisquare), M1(standard_t), M1(pareto), M1(weibull), M1(power),
    M1(rayleigh), M1(poisson), M1(geometric), M1(zipf), M1(logseries),
    M2(integers), M2(uniform), M2(normal), M2(gamma), M2(beta), M2(f), M2(noncentral_chisquare), M2(lognormal),
    M2(logistic), M2(laplace), M2(gumbel), M2(vonmises), M2(wald), M2(binomial), M2(negative_binomial),
    M3(noncentral_f), M3(triangular), M3(hypergeometric),
};

/* A parameter as Python wrote it: "10" an int, "0.5" / "inf" / "nan" / "1e+20" a float. */
static nd_rparam param(const char *t) {
    if (!strcmp(t, "inf")) return ND_RPARAM(INFINITY);
    if (!strcmp(t, "nan")) return ND_RPARAM(NAN);
    if (strpbrk(t, ".e")) return ND_RPARAM(strtod(t, NULL));
    return ND_RPARAM(strtoll(t, NULL, 10));
}

static nd_array *call(nd_rng *rng, char *label) {
    char *save = NULL, *tok[8];
    int n = 0;
    for (char *t = strtok_r(label, " ", &save); t && n < 8; t = strtok_r(NULL, " ", &save)) tok[n++] = t;
    const char *name = tok[2], *size = tok[3];
    int64_t dims[2] = { 0, 0 };
    nd_random_opts o = { 0 };
    if (!strcmp(size, "3x2")) { dims[0] = 3; dims[1] = 2; o.size = (nd_shape_t){ 2, dims }; }
    else if (strcmp(size, "none")) { dims[0] = atoll(size); o.size = (nd_shape_t){ 1, dims }; }
    nd_rparam p[3];
    for (int i = 4; i < n; i++) p[i - 4] = param(tok[i]);
    for (size_t m = 0; m < sizeof METHODS / sizeof *METHODS; m++) {
        if (strcmp(METHODS[m].name, name)) continue;
        CHECK(METHODS[m].np == n - 4);
        switch (METHODS[m].np) {
        case 0: return ((fn0)METHODS[m].fn)(rng, &o);
        case 1: return ((fn1)METHODS[m].fn)(rng, p[0], &o);
        case 2: return ((fn2)METHODS[m].fn)(rng, p[0], p[1], &o);
        default: return ((fn3)METHODS[m].fn)(rng, p[0], p[1], p[2], &o);
        }
    }
    fprintf(stderr, "unknown method %s\n", name);
    return NULL;
}

/* The "X ..." cases of make_conform_random.py, by name. */
static nd_array *extra(const char *label) {
    nd_rng *g = nd_random_default_rng(42), *r = nd_random_RandomState(42);
    nd_rng *rng = label[2] == 'G' ? g : r;
    const char *n = label + 4;
    nd_array *res = NULL;
    nd_scope_begin();
    nd_array *loc = ND_ARRAY(double, ND_SHAPE(3), 0.0, 10.0, 20.0), *p = ND_ARRAY(double, ND_SHAPE(4), 0.1, 0.2, 0.3, 0.4);
    if (!strcmp(n, "normal loc array")) res = nd_random_normal(rng, loc, 1.0);
    else if (!strcmp(n, "normal loc array size")) res = nd_random_normal(rng, loc, 1.0, .size = ND_SHAPE(2, 3));
    else if (!strcmp(n, "normal size mismatch")) res = nd_random_normal(rng, loc, 1.0, .size = ND_SHAPE(2));
    else if (!strcmp(n, "normal 2d params"))
        res = nd_random_normal(rng, nd_zeros(ND_SHAPE(2, 1)), ND_ARRAY(double, ND_SHAPE(3), 1.0, 2.0, 3.0));
    else if (!strcmp(n, "normal scale array neg")) res = nd_random_normal(rng, 0.0, ND_ARRAY(double, ND_SHAPE(2), 1.0, -1.0));
    else if (!strcmp(n, "random f4")) res = nd_random_random(rng, .size = ND_SHAPE(5), .dtype = ND_FLOAT32);
    else if (!strcmp(n, "standard_normal f4")) res = nd_random_standard_normal(rng, .size = ND_SHAPE(5), .dtype = ND_FLOAT32);
    else if (!strcmp(n, "standard_exponential f4"))
        res = nd_random_standard_exponential(rng, .size = ND_SHAPE(5), .dtype = ND_FLOAT32);
    else if (!strcmp(n, "standard_gamma f4")) res = nd_random_standard_gamma(rng, 2.5, .size = ND_SHAPE(5), .dtype = ND_FLOAT32);
    else if (!strcmp(n, "standard_exponential inv"))
        res = nd_random_standard_exponential(rng, .size = ND_SHAPE(5), .method = "inv");
    else if (!strcmp(n, "integers u1 endpoint"))
        res = nd_random_integers(rng, 0, 255, .size = ND_SHAPE(10), .dtype = ND_UINT8, .endpoint = true);
    else if (!strcmp(n, "integers bool")) res = nd_random_integers(rng, 0, 2, .size = ND_SHAPE(10), .dtype = ND_BOOL);
    else if (!strcmp(n, "integers i8 array high"))
        res = nd_random_integers(rng, 0, ND_ARRAY(long long, ND_SHAPE(3), 5, 10, 1000), .dtype = ND_INT8);
    else if (!strcmp(n, "integers u1 oob")) res = nd_random_integers(rng, 0, 300, .size = ND_SHAPE(3), .dtype = ND_UINT8);
    else if (!strcmp(n, "randint u2")) res = nd_random_integers(rng, 0, 10, .size = ND_SHAPE(5), .dtype = ND_UINT16);
    else if (!strcmp(n, "choice")) res = nd_random_choice(rng, 10, .size = ND_SHAPE(3));
    else if (!strcmp(n, "choice noreplace")) res = nd_random_choice(rng, 10, .size = ND_SHAPE(3), .no_replace = true);
    else if (!strcmp(n, "choice p")) res = nd_random_choice(rng, 4, .size = ND_SHAPE(6), .p = p);
    else if (!strcmp(n, "choice p noreplace")) res = nd_random_choice(rng, 4, .size = ND_SHAPE(3), .no_replace = true, .p = p);
    else if (!strcmp(n, "choice too many")) res = nd_random_choice(rng, 4, .size = ND_SHAPE(5), .no_replace = true);
    else if (!strcmp(n, "choice bad p"))
        res = nd_random_choice(rng, 4, .size = ND_SHAPE(2), .p = ND_ARRAY(double, ND_SHAPE(4), 0.5, 0.5, 0.5, -0.5));
    else if (!strcmp(n, "permutation")) res = nd_random_permutation(rng, 10);
    else fprintf(stderr, "unknown extra case %s\n", label);
    nd_keep(res);
    nd_scope_end();
    nd_rng_free(g);
    nd_rng_free(r);
    return res;
}

int main(void) {
    G = fopen(ND_GOLDEN_DIR "/conform_core/conform_random.npys", "rb");
    if (!G) { fprintf(stderr, "no golden file\n"); return 1; }
    for (;;) {
        /* read the label to learn the call, then step back so expect() checks it */
        long at = ftell(G);
        nd_array *l = nd_load_file(G);
        if (!l) break;
        char label[256], work[256], next[300];
        snprintf(label, sizeof label, "%s", label_text(l));
        nd_free(l);
        fseek(G, at, SEEK_SET);
        if (label[0] == 'X') { /* named extra cases: no "next" record */
            expect(label, extra(label));
            continue;
        }
        snprintf(work, sizeof work, "%s", label); /* call() cuts its copy into words */
        nd_rng *rng = label[0] == 'G' ? nd_random_default_rng((uint64_t)atoll(label + 2))
                                      : nd_random_RandomState((uint32_t)atoll(label + 2));
        expect(label, call(rng, work));
        snprintf(next, sizeof next, "%s next", label);
        expect(next, nd_random_random(rng, .size = ND_SHAPE(2)));
        nd_rng_free(rng);
    }
    /* multivariate_normal draws standard_normal(size + (k,)) first: a size of 64
     * dimensions fails with NumPy 2's message before the covariance is looked at */
    int64_t dims[ND_MAXDIMS];
    for (int i = 0; i < ND_MAXDIMS; i++) dims[i] = 1;
    nd_array *mean = nd_zeros(ND_SHAPE(2)), *bad = ND_ARRAY(double, ND_SHAPE(2, 2), 1, 0, 0, -1);
    for (int k = 0; k < 2; k++) {
        nd_rng *rng = k ? nd_random_default_rng(1) : nd_random_RandomState(1);
        CHECK_ERR(nd_random_multivariate_normal(rng, mean, bad, .size = { ND_MAXDIMS, dims }, .check_valid = "raise"),
                  ND_ERR_VALUE, "maximum supported dimension for an ndarray is currently 64, found 65");
        CHECK_ERR(nd_random_multivariate_normal(rng, mean, bad, .size = { -1, dims }), ND_ERR_VALUE, "invalid size");
        nd_array *ok = nd_random_multivariate_normal(rng, mean, bad, .size = { ND_MAXDIMS - 1, dims }, .check_valid = "ignore");
        CHECK(ok && nd_ndim(ok) == ND_MAXDIMS);
        nd_free(ok);
        nd_rng_free(rng);
    }
    nd_free(mean);
    nd_free(bad);
    nd_error_clear();
    fclose(G);
    fprintf(stderr, "%d cases\n", ncases);
    return check_done();
}
