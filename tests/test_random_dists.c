/* Every distribution, Generator and legacy RandomState, bit for bit against NumPy 1.24.2
 * (golden/random/dists.txt, made by make_dists.py): short vectors at several parameter
 * sets and seeds, checksums of long streams (10^6 / 10^5 values), and NumPy's error
 * messages for invalid parameters. */
#include "check.h"

#include <inttypes.h>
#include <time.h>

typedef nd_array *(*fn0)(nd_rng *, const nd_random_opts *);
typedef nd_array *(*fn1)(nd_rng *, nd_rparam, const nd_random_opts *);
typedef nd_array *(*fn2)(nd_rng *, nd_rparam, nd_rparam, const nd_random_opts *);
typedef nd_array *(*fn3)(nd_rng *, nd_rparam, nd_rparam, nd_rparam, const nd_random_opts *);

typedef struct meth { const char *name; int np; void (*f)(void); } meth;

#define M1_(name) { #name, 1, (void (*)(void))nd_random_##name##_ex },
#define M2_(name) { #name, 2, (void (*)(void))nd_random_##name##_ex },
#define M3_(name) { #name, 3, (void (*)(void))nd_random_##name##_ex },
static const meth METHODS[] = {
    { "random", 0, (void (*)(void))nd_random_random_ex },
    { "standard_normal", 0, (void (*)(void))nd_random_standard_normal_ex },
    { "standard_exponential", 0, (void (*)(void))nd_random_standard_exponential_ex },
    { "standard_cauchy", 0, (void (*)(void))nd_random_standard_cauchy_ex },
    { "uniform", 2, (void (*)(void))nd_random_uniform_ex },
    { "normal", 2, (void (*)(void))nd_random_normal_ex },
    ND_RANDOM_DIST1_(M1_) ND_RANDOM_DIST2_(M2_) ND_RANDOM_DIST3_(M3_)
    { "multinomial", -1, NULL },
    { "dirichlet", -2, NULL },
};

/* A parameter token: a number, or "[x,y,...]" for a 1-d array. */
typedef struct ptok { bool arr; int n; double v[8]; } ptok;

static ptok parse_tok(const char *t) {
    ptok p = { 0 };
    if (*t != '[') {
        p.n = 1;
        p.v[0] = strtod(t, NULL);
        return p;
    }
    p.arr = true;
    for (const char *c = t + 1; *c && *c != ']' && p.n < 8;) {
        char *e;
        p.v[p.n++] = strtod(c, &e);
        c = *e == ',' ? e + 1 : e;
    }
    return p;
}

/* Integer-valued parameters (n of binomial, hypergeometric's three) go in as C integers. */
static nd_rparam par(const char *method, int j, const ptok *t, nd_array **keep) {
    bool is_int = strcmp(method, "hypergeometric") == 0 || (strcmp(method, "binomial") == 0 && j == 0);
    if (t->arr) {
        int64_t iv[8];
        for (int i = 0; i < t->n; i++) iv[i] = (int64_t)t->v[i];
        *keep = is_int ? nd_from_data(iv, ND_SHAPE(t->n), ND_INT64) : nd_from_data(t->v, ND_SHAPE(t->n), ND_FLOAT64);
        return nd_rparam_array_(*keep);
    }
    return is_int ? nd_rparam_int_((long long)t->v[0]) : nd_rparam_double_(t->v[0]);
}

/* One call; size < 0 means size=None. */
static nd_array *draw(nd_rng *r, const char *method, int np, const ptok *pt, int64_t size) {
    nd_random_opts o = { 0 };
    int64_t dims[1] = { size }; /* (outlives the call: ND_SHAPE's literal would not) */
    if (size >= 0) o.size = (nd_shape_t){ 1, dims };
    double p[16];
    for (int i = 0; i < np && i < 16; i++) p[i] = pt[i].v[0];
    for (size_t k = 0; k < sizeof METHODS / sizeof *METHODS; k++) {
        const meth *m = &METHODS[k];
        if (strcmp(m->name, method) != 0) continue;
        nd_array *keep[3] = { NULL, NULL, NULL }, *res = NULL;
        if (m->np == -1 || m->np == -2) {
            double *pv = m->np == -1 ? p + 1 : p;
            int k_ = m->np == -1 ? np - 1 : np;
            nd_array *v = nd_from_data(pv, ND_SHAPE(k_), ND_FLOAT64);
            res = m->np == -1 ? nd_random_multinomial_ex(r, (int64_t)p[0], v, &o) : nd_random_dirichlet_ex(r, v, &o);
            nd_free(v);
            return res;
        }
        if (m->np != np) return NULL;
        switch (np) {
        case 0: res = ((fn0)m->f)(r, &o); break;
        case 1: res = ((fn1)m->f)(r, par(method, 0, &pt[0], &keep[0]), &o); break;
        case 2: res = ((fn2)m->f)(r, par(method, 0, &pt[0], &keep[0]), par(method, 1, &pt[1], &keep[1]), &o); break;
        case 3: res = ((fn3)m->f)(r, par(method, 0, &pt[0], &keep[0]), par(method, 1, &pt[1], &keep[1]),
                                  par(method, 2, &pt[2], &keep[2]), &o); break;
        }
        for (int j = 0; j < 3; j++) nd_free(keep[j]);
        return res;
    }
    if (strncmp(method, "integers_", 9) == 0) {
        const struct { const char *n; const nd_dtype_t *dt; } T[] = {
            { "int64", ND_INT64 }, { "int32", ND_INT32 }, { "uint8", ND_UINT8 }, { "int16", ND_INT16 },
            { "bool", ND_BOOL }, { "uint64", ND_UINT64 } };
        if (strcmp(method + 9, "endpoint") == 0)
            return nd_random_integers(r, (long long)p[0], (long long)p[1], .size = ND_SHAPE(size), .endpoint = true);
        for (size_t k = 0; k < sizeof T / sizeof *T; k++)
            if (strcmp(method + 9, T[k].n) == 0) {
                /* 2**64 - 1 does not survive a double: that row is uint64's full range */
                nd_rparam hi = p[1] >= 1.8e19 ? nd_rparam_uint_(UINT64_MAX) : nd_rparam_int_((long long)p[1]);
                return nd_random_integers_ex(r, nd_rparam_int_((long long)p[0]), hi,
                                             &(nd_random_opts){ .size = ND_SHAPE(size), .dtype = T[k].dt });
            }
        return NULL;
    }
    const char *sfx = strrchr(method, '_');
    if (sfx && strcmp(sfx, "_f32") == 0) {
        o.dtype = ND_FLOAT32;
        if (strncmp(method, "random", 6) == 0) return nd_random_random_ex(r, &o);
        if (strncmp(method, "standard_normal", 15) == 0) return nd_random_standard_normal_ex(r, &o);
        if (strncmp(method, "standard_exponential", 20) == 0) return nd_random_standard_exponential_ex(r, &o);
        if (strncmp(method, "standard_gamma", 14) == 0) return nd_random_standard_gamma_ex(r, ND_RPARAM(p[0]), &o);
    }
    if (strcmp(method, "choice_norep") == 0) return nd_random_choice(r, (int64_t)p[0], .size = ND_SHAPE(size), .no_replace = true);
    if (strcmp(method, "choice_p_norep") == 0) {
        /* p = arange(1, pop + 1) / sum */
        int64_t pop = (int64_t)p[0];
        double pv[64], s = 0;
        for (int64_t i = 0; i < pop && i < 64; i++) s += (pv[i] = (double)(i + 1));
        for (int64_t i = 0; i < pop && i < 64; i++) pv[i] /= s;
        nd_array *pa = nd_from_data(pv, ND_SHAPE(pop), ND_FLOAT64);
        nd_array *res = nd_random_choice(r, pop, .size = ND_SHAPE(size), .no_replace = true, .p = pa);
        nd_free(pa);
        return res;
    }
    if (strcmp(method, "bytes") == 0) {
        uint8_t b[64];
        if (size > 64 || nd_random_bytes(r, b, size) < 0) return NULL;
        int64_t v[64];
        for (int64_t i = 0; i < size; i++) v[i] = b[i];
        return nd_from_data(v, ND_SHAPE(size), ND_INT64);
    }
    if (strcmp(method, "jumped_raw") == 0 || strcmp(method, "advance_raw") == 0) {
        nd_rng *j = method[0] == 'j' ? nd_rng_jumped(r, 3) : r;
        if (method[0] == 'a' && nd_rng_advance(r, 1000) < 0) return NULL;
        nd_array *res = j ? nd_random_random_raw(j, .size = ND_SHAPE(size)) : NULL;
        if (j != r) nd_rng_free(j);
        return res;
    }
    if (strcmp(method, "standard_exponential_inv") == 0) {
        o.method = "inv";
        return nd_random_standard_exponential_ex(r, &o);
    }
    return NULL;
}

static nd_rng *rng_of(char kind, uint32_t seed) {
    if (kind == 'G') return nd_random_default_rng(seed);
    const char *other = strchr("XMPF", kind);
    if (kind && other) {
        static const nd_bitgen K[] = { ND_BITGEN_PCG64DXSM, ND_BITGEN_MT19937, ND_BITGEN_PHILOX, ND_BITGEN_SFC64 };
        nd_seedseq *ss = nd_seedseq_new((uint64_t[]){ seed }, 1);
        nd_rng *r = nd_random_generator(K[other - "XMPF"], ss);
        nd_seedseq_free(ss);
        return r;
    }
    if (kind == 'L') return nd_random_RandomState(seed);
    nd_random_seed(seed);
    return NULL;
}

/* The values of a as text in make_dists.py's format, compared token by token. */
static int cmp_vals(nd_array *a, char *exp, char *why, size_t cap) {
    nd_type t = nd_dtype_type(nd_dtype(a));
    int64_t n = nd_size(a), i = 0;
    char *save = NULL;
    for (char *tok = strtok_r(exp, " ", &save); tok; tok = strtok_r(NULL, " ", &save), i++) {
        if (i >= n) { snprintf(why, cap, "more expected values than %lld", (long long)n); return 0; }
        if (t == ND_TYPE_FLOAT64) {
            double g = ((double *)nd_data(a))[i], e = strtod(tok, NULL);
            if (memcmp(&g, &e, 8) != 0) { snprintf(why, cap, "[%lld] %a != %a", (long long)i, g, e); return 0; }
        } else {
            int64_t g = ((int64_t *)nd_data(a))[i], e = strtoll(tok, NULL, 10);
            if (g != e) { snprintf(why, cap, "[%lld] %" PRId64 " != %" PRId64, (long long)i, g, e); return 0; }
        }
    }
    if (i != n) { snprintf(why, cap, "%lld values, expected %lld", (long long)n, (long long)i); return 0; }
    return 1;
}

/* make_dists.py's checksum: two weighted sums mod 2^64 of the 64-bit words (32-bit
 * words for float32) with odd weights (2i+1)*K. */
static void checksum_of(nd_array *a, char hex[33]) {
    const uint64_t K1 = 0x9E3779B97F4A7C15ULL, K2 = 0xC2B2AE3D27D4EB4FULL;
    nd_type t = nd_dtype_type(nd_dtype(a));
    nd_array *c = t == ND_TYPE_FLOAT64 || t == ND_TYPE_INT64 || t == ND_TYPE_FLOAT32 ? nd_ref(a) : nd_astype(a, ND_INT64);
    int64_t n = nd_size(c);
    uint64_t s1 = 0, s2 = 0;
    for (int64_t i = 0; i < n; i++) {
        uint64_t w;
        if (t == ND_TYPE_FLOAT32) {
            uint32_t w32;
            memcpy(&w32, (const char *)nd_data(c) + 4 * i, 4);
            w = w32;
        } else {
            memcpy(&w, (const char *)nd_data(c) + 8 * i, 8);
        }
        uint64_t m = 2 * (uint64_t)i + 1;
        s1 += w * (m * K1);
        s2 += (w ^ (w >> 29)) * (m * K2);
    }
    snprintf(hex, 33, "%016" PRIx64 "%016" PRIx64, s1, s2);
    nd_free(c);
}

/* J lines: MT19937 jumped after some raw draws: the new position and 10 raw words. */
static void check_jump(char kind, char *rest, char *exp, const char *head) {
    char *s2 = NULL;
    uint32_t seed = (uint32_t)strtoul(strtok_r(rest, " ", &s2), NULL, 10);
    int pre = atoi(strtok_r(NULL, " ", &s2));
    uint64_t jumps = strtoull(strtok_r(NULL, " ", &s2), NULL, 10);
    nd_rng *r = NULL;
    if (kind == 'G') {
        nd_seedseq *ss = nd_seedseq_new((uint64_t[]){ seed }, 1);
        r = nd_random_generator(ND_BITGEN_MT19937, ss);
        nd_seedseq_free(ss);
    } else {
        r = nd_random_RandomState(seed);
    }
    for (int i = 0; i < pre; i++) nd_rng_next_uint32(r);
    nd_rng *j = nd_rng_jumped(r, jumps);
    nd_rng_state st;
    CHECK_MSG(j && nd_rng_get_state(j, &st) == 0, "%s: %s", head, nd_error_message());
    char *e2 = NULL;
    if (j) {
        CHECK_MSG(st.mt_pos == atoi(strtok_r(exp, " ", &e2)), "%s: pos %d", head, st.mt_pos);
        for (int i = 0; i < 10; i++) {
            uint32_t w = nd_rng_next_uint32(j);
            uint32_t e = (uint32_t)strtoul(strtok_r(NULL, " ", &e2), NULL, 10);
            CHECK_MSG(w == e, "%s: raw[%d] %u != %u", head, i, w, e);
        }
    }
    nd_rng_free(j);
    nd_rng_free(r);
}

int main(void) {
    char path[1024];
    snprintf(path, sizeof path, "%s/random/dists.txt", ND_GOLDEN_DIR);
    char *text = check_read_file(path, NULL);
    CHECK_MSG(text != NULL, "missing %s", path);
    if (!text) return check_done();
    int nv = 0, ns = 0, ne = 0, nj = 0;
    bool timing = getenv("ND_TEST_TIMING") != NULL; /* per-case times, to keep the test fast */
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *colon = strstr(line, " : ");
        if (!colon) continue;
        *colon = 0;
        char *exp = colon + 3, *s2 = NULL;
        char head[512];
        snprintf(head, sizeof head, "%s", line);
        char *rec = strtok_r(line, " ", &s2), *kind = strtok_r(NULL, " ", &s2);
        if (rec[0] == 'J') {
            nj++;
            check_jump(kind[0], s2, exp, head);
            continue;
        }
        char *method = strtok_r(NULL, " ", &s2);
        ptok p[16];
        int np = 0;
        uint32_t seed = 1;
        int64_t n = -1;
        if (rec[0] != 'E') seed = (uint32_t)strtoul(strtok_r(NULL, " ", &s2), NULL, 10);
        n = strtoll(strtok_r(NULL, " ", &s2), NULL, 10);
        for (char *t = strtok_r(NULL, " ", &s2); t && np < 16; t = strtok_r(NULL, " ", &s2)) p[np++] = parse_tok(t);
        clock_t t0 = clock();
        nd_rng *r = rng_of(kind[0], seed);
        nd_error_clear();
        nd_array *a = draw(r, method, np, p, n);
        char why[256] = "";
        if (rec[0] == 'V') {
            nv++;
            CHECK_MSG(a && cmp_vals(a, exp, why, sizeof why), "%s: %s %s", head, a ? why : "failed:", a ? "" : nd_error_message());
        } else if (rec[0] == 'S') {
            ns++;
            char hex[33] = "";
            if (a) checksum_of(a, hex);
            CHECK_MSG(a && strcmp(hex, exp) == 0, "%s: stream hash differs %s", head, a ? "" : nd_error_message());
        } else {
            ne++;
            char got[512];
            if (a) snprintf(got, sizeof got, "OK");
            else snprintf(got, sizeof got, "%s %s", nd_error_name(nd_error()), nd_error_message());
            CHECK_MSG(strcmp(got, exp) == 0, "%s:\n  got      [%s]\n  expected [%s]", head, got, exp);
        }
        nd_free(a);
        nd_rng_free(r);
        if (timing) fprintf(stderr, "%8.1f ms  %s\n", 1e3 * (double)(clock() - t0) / CLOCKS_PER_SEC, head);
    }
    CHECK(nv > 300 && ns > 100 && ne > 100 && nj >= 6);
    free(text);
    return check_done();
}
