/* np.random through the public API against NumPy 1.24.2's vectors
 * (golden/random/vectors.txt from specs/random_vectors.json), plus error cases. */
#include "check.h"
#include "golden/random/rand_test_util.h"

#define V "vectors.txt"

/* arange(12).reshape(r, c) without leaking the temporary */
static nd_array *reshaped(int64_t r, int64_t c) {
    nd_array *a = nd_arange(0, 12, 1), *b = nd_reshape(a, ND_SHAPE(r, c)), *d = nd_copy(b, 'C');
    nd_free(a);
    nd_free(b);
    return d;
}

/* Compare an array's values (as double or int64) with a vector. */
static void cmp_f(nd_array *a, const char *name) {
    double e[256];
    int n = rt_vec_f64(V, name, e, 256);
    CHECK_MSG(a && n == nd_size(a), "%s: size %lld vs %d", name, a ? (long long)nd_size(a) : -1LL, n);
    if (!a) return;
    for (int i = 0; i < n && i < nd_size(a); i++) {
        double g = nd_dtype_type(nd_dtype(a)) == ND_TYPE_FLOAT32 ? ((float *)nd_data(a))[i] : ((double *)nd_data(a))[i];
        CHECK_MSG(g == e[i], "%s[%d]: %a != %a", name, i, g, e[i]);
    }
    nd_free(a);
}
static void cmp_i(nd_array *a, const char *name) {
    int64_t e[4096];
    int n = rt_vec_i64(V, name, e, 4096);
    CHECK_MSG(a && n == nd_size(a), "%s: size %lld vs %d", name, a ? (long long)nd_size(a) : -1LL, n);
    if (!a) return;
    nd_array *c = nd_astype(a, ND_INT64);
    for (int i = 0; c && i < n && i < nd_size(a); i++)
        CHECK_MSG(((int64_t *)nd_data(c))[i] == e[i], "%s[%d]: %lld != %lld", name, i,
                  (long long)((int64_t *)nd_data(c))[i], (long long)e[i]);
    nd_free(c);
    nd_free(a);
}
static void cmp_u(nd_array *a, const char *name) {
    uint64_t e[16];
    int n = rt_vec_u64(V, name, e, 16);
    CHECK_MSG(a && n == nd_size(a), "%s: size mismatch", name);
    for (int i = 0; a && i < n && i < nd_size(a); i++)
        CHECK_MSG(((uint64_t *)nd_data(a))[i] == e[i], "%s[%d]", name, i);
    nd_free(a);
}

#define G42 (r = (nd_rng_free(r), nd_random_default_rng(42)))

static void test_generator(void) {
    nd_rng *r = NULL;
    cmp_f(nd_random_random(G42, .size = ND_SHAPE(3)), "g_random3");
    cmp_f(nd_random_random(G42, .size = ND_SHAPE(3), .dtype = ND_FLOAT32), "g_random3_f32");
    cmp_i(nd_random_integers(G42, 0, 10, .size = ND_SHAPE(5)), "g_int_0_10_5");
    cmp_i(nd_random_integers(G42, 0, 1LL << 40, .size = ND_SHAPE(3)), "g_int_0_2p40_3");
    cmp_i(nd_random_integers(G42, -5, 5, .size = ND_SHAPE(5), .dtype = ND_INT32), "g_int_m5_5_5_i32");
    cmp_i(nd_random_integers(G42, 0, 256, .size = ND_SHAPE(6), .dtype = ND_UINT8), "g_int_0_256_6_u8");
    cmp_i(nd_random_integers(G42, 0, 10, .size = ND_SHAPE(6), .dtype = ND_UINT8), "g_int_0_10_6_u8");
    cmp_i(nd_random_integers(G42, 0, 1000, .size = ND_SHAPE(5), .dtype = ND_INT16), "g_int_0_1000_5_i16");
    cmp_i(nd_random_integers(G42, 0, 2, .size = ND_SHAPE(40), .dtype = ND_BOOL), "g_int_bool_40");
    cmp_i(nd_random_integers(G42, 0, 10, .size = ND_SHAPE(5), .endpoint = true), "g_int_0_10_endpoint_5");
    cmp_u(nd_random_integers(G42, 0, UINT64_MAX, .size = ND_SHAPE(2), .dtype = ND_UINT64, .endpoint = true), "g_int_full_u64_2");
    cmp_i(nd_random_integers(G42, 0, 1LL << 32, .size = ND_SHAPE(3)), "g_int_0_2p32_3");
    {
        /* scalar calls: 0-d arrays, and the interleaving of the 32-bit buffer */
        G42;
        nd_array *a = nd_random_integers(r, 0, 10), *b = nd_random_random(r), *c = nd_random_integers(r, 0, 10);
        int64_t e[3];
        double ed[3];
        rt_vec_i64(V, "g_interleave", e, 3);
        rt_vec_f64(V, "g_interleave", ed, 3);
        CHECK(a && nd_ndim(a) == 0 && *(int64_t *)nd_data(a) == e[0]);
        CHECK(b && *(double *)nd_data(b) == ed[1]);
        CHECK(c && *(int64_t *)nd_data(c) == e[2]);
        nd_free(a); nd_free(b); nd_free(c);
    }
    cmp_f(nd_random_standard_normal(G42, .size = ND_SHAPE(5)), "g_stdnorm5");
    cmp_f(nd_random_standard_normal(G42, .size = ND_SHAPE(5), .dtype = ND_FLOAT32), "g_stdnorm5_f32");
    cmp_f(nd_random_normal(G42, 10, 2, .size = ND_SHAPE(3)), "g_normal_10_2_3");
    cmp_f(nd_random_uniform(G42, 1, 3, .size = ND_SHAPE(3)), "g_uniform_1_3_3");
    cmp_f(nd_random_standard_exponential(G42, .size = ND_SHAPE(3)), "g_stdexp3");
    cmp_f(nd_random_standard_exponential(G42, .size = ND_SHAPE(3), .dtype = ND_FLOAT32), "g_stdexp3_f32");
    cmp_f(nd_random_standard_exponential(G42, .size = ND_SHAPE(3), .method = "inv"), "g_stdexp3_inv");
    cmp_f(nd_random_exponential(G42, 2.0, .size = ND_SHAPE(3)), "g_exp_2_3");
    cmp_i(nd_random_choice(G42, 10, .size = ND_SHAPE(5)), "g_choice_10_5");
    cmp_i(nd_random_choice(G42, 10, .size = ND_SHAPE(5), .no_replace = true), "g_choice_10_5_norep");
    cmp_i(nd_random_choice(G42, 10, .size = ND_SHAPE(5), .no_replace = true, .no_shuffle = true), "g_choice_10_5_norep_noshuf");
    nd_array *p = ND_ARRAY(double, ND_SHAPE(5), .1, .2, .3, .25, .15);
    cmp_i(nd_random_choice(G42, 5, .size = ND_SHAPE(6), .p = p), "g_choice_p");
    cmp_i(nd_random_choice(G42, 5, .size = ND_SHAPE(3), .p = p, .no_replace = true), "g_choice_p_norep");
    cmp_i(nd_random_choice(G42, 20000, .size = ND_SHAPE(500), .no_replace = true), "g_choice_tail");
    cmp_i(nd_random_choice(G42, 20000, .size = ND_SHAPE(1001), .no_replace = true, .no_shuffle = true), "g_choice_tail_noshuf");
    cmp_i(nd_random_permutation(G42, 10), "g_perm10");
    nd_array *x = nd_arange(0, 10, 1);
    CHECK(nd_random_shuffle(G42, x) == 0);
    cmp_i(x, "g_shuffle10");
    nd_array *m = reshaped(4, 3);
    nd_array *m3 = reshaped(3, 4);
    cmp_i(nd_random_permutation_array(G42, m), "g_perm_2d");
    cmp_i(nd_random_permutation_array(G42, m3, .axis = ND_AXIS(1)), "g_perm_2d_ax1");
    nd_array *m2 = nd_copy(m, 'C');
    CHECK(nd_random_shuffle(G42, m2) == 0);
    cmp_i(m2, "g_shuffle_2d");
    cmp_i(nd_random_permuted(G42, m3, .axis = ND_AXIS(1)), "g_permuted_ax1");
    cmp_i(nd_random_permuted(G42, m3), "g_permuted_none");
    cmp_f(nd_random_gamma(G42, 2.0, 1.0, .size = ND_SHAPE(3)), "g_gamma_2_3");
    cmp_f(nd_random_gamma(G42, 0.5, 1.0, .size = ND_SHAPE(3)), "g_gamma_05_3");
    cmp_i(nd_random_binomial(G42, 10, 0.3, .size = ND_SHAPE(5)), "g_binom_10_03_5");
    cmp_i(nd_random_binomial(G42, 100, 0.5, .size = ND_SHAPE(5)), "g_binom_100_05_5");
    cmp_i(nd_random_poisson(G42, 3.0, .size = ND_SHAPE(5)), "g_poisson_3_5");
    cmp_i(nd_random_poisson(G42, 50.0, .size = ND_SHAPE(5)), "g_poisson_50_5");
    unsigned char b[6];
    CHECK(nd_random_bytes(G42, b, 6) == 0);
    CHECK(b[0] == 0x88 && b[1] == 0x26 && b[2] == 0xd9 && b[3] == 0x16 && b[4] == 0xcd && b[5] == 0xfb);
    /* MT19937 in a Generator */
    nd_rng_free(r);
    uint64_t s42 = 42;
    nd_seedseq *ss = nd_seedseq_new(&s42, 1);
    r = nd_random_generator(ND_BITGEN_MT19937, ss);
    cmp_f(nd_random_random(r, .size = ND_SHAPE(3)), "gmt_random3");
    nd_rng_free(r);
    r = nd_random_generator(ND_BITGEN_MT19937, ss);
    cmp_i(nd_random_integers(r, 0, 10, .size = ND_SHAPE(5)), "gmt_int_0_10_5");
    nd_rng_free(r);
    r = nd_random_generator(ND_BITGEN_MT19937, ss);
    cmp_i(nd_random_random_raw(r, .size = ND_SHAPE(3)), "mt_42_raw3");
    nd_seedseq_free(ss);
    nd_rng_free(r);
    nd_free(p); nd_free(m); nd_free(m3);
}

static void test_legacy(void) {
    nd_random_seed(42); cmp_f(nd_random_rand(ND_SHAPE(3)), "l_rand3");
    nd_random_seed(42); cmp_f(nd_random_randn(ND_SHAPE(3)), "l_randn3");
    nd_random_seed(42); cmp_i(nd_random_randint(NULL, 0, 100, .size = ND_SHAPE(5)), "l_randint_0_100_5");
    nd_random_seed(42); cmp_i(nd_random_randint(NULL, 0, 1LL << 40, .size = ND_SHAPE(3)), "l_randint_0_2p40_3");
    nd_random_seed(42); cmp_i(nd_random_randint(NULL, 0, 10, .size = ND_SHAPE(6), .dtype = ND_UINT8), "l_randint_0_10_6_u8");
    nd_random_seed(42); cmp_i(nd_random_randint(NULL, -5, 5, .size = ND_SHAPE(5), .dtype = ND_INT32), "l_randint_m5_5_5_i32");
    nd_random_seed(42); cmp_f(nd_random_standard_normal(NULL, .size = ND_SHAPE(3)), "l_stdnorm3");
    nd_random_seed(42); cmp_f(nd_random_normal(NULL, 10, 2, .size = ND_SHAPE(3)), "l_normal_10_2_3");
    nd_random_seed(42); cmp_f(nd_random_uniform(NULL, 1, 3, .size = ND_SHAPE(3)), "l_uniform_1_3_3");
    nd_random_seed(42); cmp_i(nd_random_choice(NULL, 10, .size = ND_SHAPE(5)), "l_choice_10_5");
    nd_random_seed(42); cmp_i(nd_random_choice(NULL, 10, .size = ND_SHAPE(5), .no_replace = true), "l_choice_10_5_norep");
    nd_array *p = ND_ARRAY(double, ND_SHAPE(5), .1, .2, .3, .25, .15);
    nd_random_seed(42); cmp_i(nd_random_choice(NULL, 5, .size = ND_SHAPE(6), .p = p), "l_choice_p");
    nd_random_seed(42); cmp_i(nd_random_choice(NULL, 5, .size = ND_SHAPE(3), .p = p, .no_replace = true), "l_choice_p_norep");
    nd_random_seed(42); cmp_i(nd_random_permutation(NULL, 10), "l_perm10");
    nd_array *m = reshaped(4, 3);
    nd_random_seed(42); cmp_i(nd_random_permutation_array(NULL, m), "l_perm_2d");
    nd_random_seed(42); cmp_f(nd_random_standard_exponential(NULL, .size = ND_SHAPE(3)), "l_stdexp3");
    nd_random_seed(42); cmp_f(nd_random_gamma(NULL, 2.0, 1.0, .size = ND_SHAPE(3)), "l_gamma_2_3");
    nd_random_seed(42); cmp_i(nd_random_binomial(NULL, 10, 0.3, .size = ND_SHAPE(5)), "l_binom_10_03_5");
    nd_random_seed(42); cmp_i(nd_random_poisson(NULL, 3.0, .size = ND_SHAPE(5)), "l_poisson_3_5");
    nd_random_seed(0); cmp_f(nd_random_rand(ND_SHAPE(3)), "l_seed0_rand3");
    nd_random_seed_list((const uint32_t[]){ 1, 2, 3 }, 3); cmp_f(nd_random_rand(ND_SHAPE(3)), "l_seed123_rand3");
    nd_random_seed(UINT32_MAX); cmp_f(nd_random_rand(ND_SHAPE(2)), "l_seedmax_rand2");
    nd_rng *rs = nd_random_RandomState(42);
    cmp_u(nd_random_randint(rs, 0, UINT64_MAX, .size = ND_SHAPE(2), .dtype = ND_UINT64, .endpoint = true), "l_rs42_randint_u64");
    nd_rng_free(rs);
    unsigned char b[6];
    nd_random_seed(42);
    CHECK(nd_random_bytes(NULL, b, 6) == 0);
    CHECK(b[0] == 0x66 && b[1] == 0xdc && b[2] == 0xe1 && b[3] == 0x5f && b[4] == 0xb3 && b[5] == 0x3d);
    nd_free(p);
    nd_free(m);
}

static void test_errors(void) {
    nd_rng *r = nd_random_default_rng(1);
    CHECK_ERR(nd_random_normal(r, 0, -1), ND_ERR_VALUE, "scale < 0");
    CHECK_ERR(nd_random_normal(r, 0, -0.0), ND_ERR_VALUE, "scale < 0");
    CHECK_ERR(nd_random_binomial(r, 10, 1.5), ND_ERR_VALUE, "p < 0, p > 1 or p is NaN");
    CHECK_ERR(nd_random_binomial(r, -1, .5), ND_ERR_VALUE, "n < 0");
    CHECK_ERR(nd_random_poisson(r, -1), ND_ERR_VALUE, "lam < 0 or lam is NaN");
    CHECK_ERR(nd_random_poisson(r, 1e20), ND_ERR_VALUE, "lam value too large");
    CHECK_ERR(nd_random_integers(r, 5, 5), ND_ERR_VALUE, "low >= high");
    CHECK_ERR(nd_random_integers(r, 5, 4, .endpoint = true), ND_ERR_VALUE, "low > high");
    CHECK_ERR(nd_random_integers(r, 0, 300, .dtype = ND_UINT8), ND_ERR_VALUE, "high is out of bounds for uint8");
    CHECK_ERR(nd_random_integers(r, -1, 3, .dtype = ND_UINT8), ND_ERR_VALUE, "low is out of bounds for uint8");
    CHECK_ERR(nd_random_choice(r, 5, .size = ND_SHAPE(6), .no_replace = true), ND_ERR_VALUE,
              "Cannot take a larger sample than population when replace is False");
    nd_array *p = ND_ARRAY(double, ND_SHAPE(5), .5, .6, 0, 0, 0);
    CHECK_ERR(nd_random_choice(r, 5, .p = p), ND_ERR_VALUE, "probabilities do not sum to 1");
    CHECK_ERR(nd_random_uniform(r, 1, 0), ND_ERR_VALUE, "high - low < 0");
    CHECK_ERR(nd_random_random(r, .dtype = ND_INT32), ND_ERR_TYPE, "Unsupported dtype");
    nd_array *loc = ND_ARRAY(double, ND_SHAPE(3), 1, 2, 3);
    CHECK_ERR(nd_random_normal(r, loc, 1, .size = ND_SHAPE(2)), ND_ERR_VALUE, "shape mismatch");
    CHECK_ERR(nd_random_triangular(r, 1, 0, 2), ND_ERR_VALUE, "left > mode");
    CHECK_ERR(nd_random_geometric(r, 0), ND_ERR_VALUE, "p <= 0, p > 1 or p contains NaNs");
    /* broadcasting parameters: shape (3,) with size (2, 3) */
    nd_array *a = nd_random_normal(r, loc, 0.0, .size = ND_SHAPE(2, 3));
    CHECK(a && nd_ndim(a) == 2 && ((double *)nd_data(a))[4] == 2.0);
    nd_free(a);
    nd_free(p);
    nd_free(loc);
    nd_rng_free(r);
}

int main(void) {
    test_generator();
    test_legacy();
    test_errors();
    return check_done();
}
