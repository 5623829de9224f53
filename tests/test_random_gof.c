/* Goodness of fit at fixed seeds: checks of the distributions that do not lean on NumPy
 * (every method is also bit-exact with NumPy, test_random_dists.c; these would still
 * catch a wrong algorithm copied consistently into both the kernel and the golden
 * data's interpretation).  multivariate_normal: test_random_mvn.c.  Thresholds are p ~ 1e-4, so a correct sampler
 * passes at these seeds and a wrong one fails. */
#include "check.h"

/* Kolmogorov-Smirnov statistic sqrt(n) * D of sorted x against the CDF F. */
static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}
static double ks(double *x, int64_t n, double (*F)(double)) {
    qsort(x, (size_t)n, sizeof *x, cmp_d);
    double d = 0;
    for (int64_t i = 0; i < n; i++) {
        double f = F(x[i]), lo = f - (double)i / n, hi = (double)(i + 1) / n - f;
        d = fmax(d, fmax(lo, hi));
    }
    return sqrt((double)n) * d;
}
static double phi(double x) { return 0.5 * erfc(-x / sqrt(2.0)); }
static double expcdf(double x) { return x < 0 ? 0 : 1 - exp(-x); }
static double unif(double x) { return x < 0 ? 0 : x > 1 ? 1 : x; }

/* Pearson's chi-square of integer draws against a pmf on [0, k), bins with expected
 * count < 5 merged into their neighbour; returns (chi2 - df) / sqrt(2 df), ~N(0,1). */
static double chi2_z(const int64_t *v, int64_t n, const double *pmf, int k) {
    double *obs = calloc((size_t)k, sizeof(double));
    for (int64_t i = 0; i < n; i++)
        if (v[i] >= 0 && v[i] < k) obs[v[i]]++;
    double chi = 0, e = 0, o = 0;
    int df = -1;
    for (int j = 0; j < k; j++) {
        e += n * pmf[j];
        o += obs[j];
        if (e >= 5 || j == k - 1) {
            chi += (o - e) * (o - e) / e;
            df++;
            e = o = 0;
        }
    }
    free(obs);
    return (chi - df) / sqrt(2.0 * df);
}

static double lchoose(int64_t n, int64_t k) { return lgamma(n + 1.0) - lgamma(k + 1.0) - lgamma(n - k + 1.0); }

int main(void) {
    const int64_t n = 100000;
    nd_rng *g = nd_random_default_rng(2024), *l = nd_random_RandomState(2024);

    /* continuous: KS at the 1e-4 level (critical value ~1.95) */
    struct { nd_array *a; double (*F)(double); const char *what; } cont[] = {
        { nd_random_standard_normal(g, .size = ND_SHAPE(n)), phi, "Generator standard_normal" },
        { nd_random_standard_normal(l, .size = ND_SHAPE(n)), phi, "RandomState standard_normal" },
        { nd_random_standard_exponential(g, .size = ND_SHAPE(n)), expcdf, "Generator standard_exponential" },
        { nd_random_random(g, .size = ND_SHAPE(n), .dtype = ND_FLOAT64), unif, "Generator random" },
    };
    for (size_t i = 0; i < sizeof cont / sizeof *cont; i++) {
        CHECK(cont[i].a != NULL);
        if (!cont[i].a) continue;
        double s = ks((double *)nd_data(cont[i].a), n, cont[i].F);
        CHECK_MSG(s < 1.95, "%s: KS sqrt(n) D = %g", cont[i].what, s);
        nd_free(cont[i].a);
    }
    /* a KS that must fail: exponential draws against the normal CDF */
    nd_array *e = nd_random_standard_exponential(g, .size = ND_SHAPE(n));
    CHECK(e && ks((double *)nd_data(e), n, phi) > 10);
    nd_free(e);

    /* discrete: chi-square against exact pmfs, |z| < 4 */
    double pmf[64];
    for (int j = 0; j < 64; j++) pmf[j] = j <= 50 ? exp(lchoose(100, j) + lchoose(200, 50 - j) - lchoose(300, 50)) : 0;
    for (int which = 0; which < 2; which++) {
        nd_array *h = nd_random_hypergeometric(which ? l : g, 100, 200, 50, .size = ND_SHAPE(n));
        CHECK(h != NULL);
        if (!h) continue;
        double z = chi2_z((const int64_t *)nd_data(h), n, pmf, 51);
        CHECK_MSG(fabs(z) < 4, "%s hypergeometric(100, 200, 50): z = %g", which ? "RandomState" : "Generator", z);
        nd_free(h);
    }
    for (int j = 0; j < 64; j++) pmf[j] = exp(lchoose(40, j) + j * log(0.3) + (40 - j) * log(0.7));
    for (int which = 0; which < 2; which++) {
        nd_array *b = nd_random_binomial(which ? l : g, 40, 0.3, .size = ND_SHAPE(n));
        CHECK(b != NULL);
        if (!b) continue;
        double z = chi2_z((const int64_t *)nd_data(b), n, pmf, 41);
        CHECK_MSG(fabs(z) < 4, "binomial(40, 0.3): z = %g", z);
        /* and against the wrong p it must fail */
        double bad[64];
        for (int j = 0; j <= 40; j++) bad[j] = exp(lchoose(40, j) + j * log(0.31) + (40 - j) * log(0.69));
        CHECK(chi2_z((const int64_t *)nd_data(b), n, bad, 41) > 4);
        nd_free(b);
    }
    for (int j = 0; j < 64; j++) pmf[j] = exp(-7.5 + j * log(7.5) - lgamma(j + 1.0));
    nd_array *pz = nd_random_poisson(g, 7.5, .size = ND_SHAPE(n));
    CHECK(pz && fabs(chi2_z((const int64_t *)nd_data(pz), n, pmf, 40)) < 4);
    nd_free(pz);

    /* multivariate_normal: moments and bit-exactness in test_random_mvn.c */
    nd_rng_free(g);
    nd_rng_free(l);
    return check_done();
}
