/* The random engine on its own (no arrays): SeedSequence, the bit generators, the
 * ziggurat tables and the scalar kernels against NumPy 1.24.2's values
 * (tests/golden/specs/random_vectors.json via golden/random/vectors.txt, and
 * golden/random/golden.txt made by golden/random/gen_golden.py). */
#include "check.h"
#include "random/rng.h"
#include "golden/random/rand_test_util.h"

#define V "vectors.txt"
#define G "golden.txt"

static nd__u128 parse_u128(const char *s) {
    nd__u128 v = 0;
    for (; *s >= '0' && *s <= '9'; s++) v = v * 10 + (unsigned)(*s - '0');
    return v;
}

static void ss_init(nd__seedseq *ss, uint32_t *ent, int n, uint32_t *spawn, int ns) {
    memset(ss, 0, sizeof *ss);
    ss->entropy = ent;
    ss->n_entropy = n;
    ss->spawn_key = spawn;
    ss->n_spawn_key = ns;
    ss->pool_size = 4;
    nd__ss_mix(ss);
}

static void check_u32(const char *file, const char *name, const uint32_t *got, int n) {
    uint64_t exp[1024];
    int m = rt_vec_u64(file, name, exp, 1024);
    CHECK_MSG(m == n, "%s: %d values in file, %d computed", name, m, n);
    for (int i = 0; i < n && i < m; i++) CHECK_MSG(got[i] == exp[i], "%s[%d]: %u != %llu", name, i, got[i], (unsigned long long)exp[i]);
}
static void check_u64(const char *file, const char *name, const uint64_t *got, int n) {
    uint64_t exp[1024];
    int m = rt_vec_u64(file, name, exp, 1024);
    CHECK_MSG(m == n, "%s: %d values in file, %d computed", name, m, n);
    for (int i = 0; i < n && i < m; i++)
        CHECK_MSG(got[i] == exp[i], "%s[%d]: %llu != %llu", name, i, (unsigned long long)got[i], (unsigned long long)exp[i]);
}
static void check_f64(const char *file, const char *name, const double *got, int n) {
    double exp[1024];
    int m = rt_vec_f64(file, name, exp, 1024);
    CHECK_MSG(m == n, "%s: %d values in file, %d computed", name, m, n);
    for (int i = 0; i < n && i < m; i++) CHECK_MSG(got[i] == exp[i], "%s[%d]: %a != %a", name, i, got[i], exp[i]);
}

static void test_seedseq(void) {
    struct { const char *name; uint64_t ent[4]; int n; } cases[] = {
        { "ss_42", { 42 }, 1 },
        { "ss_0", { 0 }, 1 },
        { "ss_list123", { 1, 2, 3 }, 3 },
        { "ss_mixed", { 12345, 0x10deadbeefULL }, 2 },
    };
    char name[64];
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        uint32_t w[16];
        int nw = nd__ss_words_from_u64(cases[c].ent, cases[c].n, w);
        nd__seedseq ss;
        ss_init(&ss, w, nw, NULL, 0);
        snprintf(name, sizeof name, "%s_pool", cases[c].name);
        check_u32(V, name, ss.pool, 4);
        uint32_t o32[9];
        uint64_t o64[4];
        nd__ss_generate_u32(&ss, o32, 4);
        snprintf(name, sizeof name, "%s_u32x4", cases[c].name);
        check_u32(V, name, o32, 4);
        nd__ss_generate_u32(&ss, o32, 9);
        snprintf(name, sizeof name, "%s_u32x9", cases[c].name);
        check_u32(V, name, o32, 9);
        nd__ss_generate_u64(&ss, o64, 4);
        snprintf(name, sizeof name, "%s_u64x4", cases[c].name);
        check_u64(V, name, o64, 4);
    }
    /* 2**100 + 12345 as digits; [1..6] takes the phase-3 path */
    uint32_t big[4] = { 12345, 0, 0, 16 }, six[6] = { 1, 2, 3, 4, 5, 6 }, o[4];
    nd__seedseq ss;
    ss_init(&ss, big, 4, NULL, 0);
    check_u32(V, "ss_big_pool", ss.pool, 4);
    nd__ss_generate_u32(&ss, o, 4);
    check_u32(V, "ss_big_u32x4", o, 4);
    ss_init(&ss, six, 6, NULL, 0);
    nd__ss_generate_u32(&ss, o, 4);
    check_u32(V, "ss_six_u32x4", o, 4);
    /* spawn keys */
    uint32_t e42 = 42, k0 = 0, k1 = 1, k2 = 2, k11[2] = { 1, 1 }, k12[2] = { 1, 2 };
    ss_init(&ss, &e42, 1, &k0, 1); nd__ss_generate_u32(&ss, o, 4); check_u32(V, "ss_42_child0_u32x4", o, 4);
    ss_init(&ss, &e42, 1, &k1, 1); nd__ss_generate_u32(&ss, o, 4); check_u32(V, "ss_42_child1_u32x4", o, 4);
    ss_init(&ss, &e42, 1, &k2, 1); nd__ss_generate_u32(&ss, o, 4); check_u32(V, "ss_42_child2_u32x4", o, 4);
    ss_init(&ss, &e42, 1, k11, 2); nd__ss_generate_u32(&ss, o, 4); check_u32(V, "ss_42_child1_child1_u32x4", o, 4);
    ss_init(&ss, &e42, 1, k12, 2); nd__ss_generate_u32(&ss, o, 4); check_u32(V, "ss_42_spawn_1_2_u32x4", o, 4);
    ss_init(&ss, big, 4, &k0, 1); nd__ss_generate_u32(&ss, o, 4); check_u32(V, "ss_big_child0_u32x4", o, 4);
    ss_init(&ss, six, 6, &k0, 1); nd__ss_generate_u32(&ss, o, 4); check_u32(V, "ss_six_child0_u32x4", o, 4);
    /* padding rule: SeedSequence([42,0,0,0,1]) == SeedSequence(42, spawn_key=(1,)) */
    uint32_t pad[5] = { 42, 0, 0, 0, 1 };
    ss_init(&ss, pad, 5, NULL, 0); nd__ss_generate_u32(&ss, o, 4); check_u32(V, "ss_42_child1_u32x4", o, 4);
}

static void seed_kind(nd__bitgen *bg, nd__bg_kind kind, uint64_t seed) {
    uint32_t w[2];
    int n = nd__ss_words_from_u64(&seed, 1, w);
    nd__seedseq ss;
    ss_init(&ss, w, n, NULL, 0);
    nd__bitgen_seed_ss(bg, kind, &ss);
}

static void test_pcg(void) {
    nd__bitgen bg;
    char *t[4];
    seed_kind(&bg, ND__BG_PCG64, 42);
    CHECK(rt_vec(V, "pcg64_42_state", t, 4) == 1 && bg.u.pcg.state == parse_u128(t[0]));
    CHECK(rt_vec(V, "pcg64_42_inc", t, 4) == 1 && bg.u.pcg.inc == parse_u128(t[0]));
    uint64_t r[3];
    for (int i = 0; i < 3; i++) r[i] = nd__next_u64(&bg);
    check_u64(V, "pcg64_42_raw3", r, 3);
    seed_kind(&bg, ND__BG_PCG64, 12345);
    for (int i = 0; i < 3; i++) r[i] = nd__next_u64(&bg);
    check_u64(V, "pcg64_12345_raw3", r, 3);
    seed_kind(&bg, ND__BG_PCG64, 42);
    uint64_t d = 1000;
    nd__bitgen_advance(&bg, &d, 1);
    for (int i = 0; i < 2; i++) r[i] = nd__next_u64(&bg);
    check_u64(V, "pcg64_42_adv1000_raw2", r, 2);
    seed_kind(&bg, ND__BG_PCG64, 42);
    nd__bitgen_jump(&bg, 1);
    CHECK(rt_vec(V, "pcg64_42_jumped_state", t, 4) == 1 && bg.u.pcg.state == parse_u128(t[0]));
    for (int i = 0; i < 2; i++) r[i] = nd__next_u64(&bg);
    check_u64(V, "pcg64_42_jumped_raw2", r, 2);
    seed_kind(&bg, ND__BG_PCG64, 42);
    nd__bitgen_jump(&bg, 3);
    CHECK(rt_vec(V, "pcg64_42_jumped3_state", t, 4) == 1 && bg.u.pcg.state == parse_u128(t[0]));

    seed_kind(&bg, ND__BG_PCG64DXSM, 42);
    CHECK(rt_vec(V, "dxsm_42_state", t, 4) == 1 && bg.u.pcg.state == parse_u128(t[0]));
    CHECK(rt_vec(V, "dxsm_42_inc", t, 4) == 1 && bg.u.pcg.inc == parse_u128(t[0]));
    for (int i = 0; i < 3; i++) r[i] = nd__next_u64(&bg);
    check_u64(V, "dxsm_42_raw3", r, 3);
    seed_kind(&bg, ND__BG_PCG64DXSM, 42);
    nd__bitgen_advance(&bg, &d, 1);
    for (int i = 0; i < 2; i++) r[i] = nd__next_u64(&bg);
    check_u64(V, "dxsm_42_adv1000_raw2", r, 2);
}

static void test_mt(void) {
    nd__bitgen bg;
    seed_kind(&bg, ND__BG_MT19937, 42);
    check_u32(V, "mt_42_key0_4", bg.u.mt.key, 4);
    uint64_t e[1];
    CHECK(rt_vec_u64(V, "mt_42_key_last", e, 1) == 1 && bg.u.mt.key[623] == e[0]);
    CHECK(rt_vec_u64(V, "mt_42_pos", e, 1) == 1 && (uint64_t)bg.u.mt.pos == e[0]);
    uint32_t r[4];
    for (int i = 0; i < 3; i++) r[i] = nd__next_u32(&bg);
    check_u32(V, "mt_42_raw3", r, 3);
    seed_kind(&bg, ND__BG_MT19937, 42);
    double d[3];
    for (int i = 0; i < 3; i++) d[i] = nd__next_double(&bg);
    check_f64(V, "gmt_random3", d, 3);
    seed_kind(&bg, ND__BG_MT19937, 42);
    uint64_t u[2] = { nd__bounded_u64(&bg, UINT64_MAX, false), nd__bounded_u64(&bg, UINT64_MAX, false) };
    check_u64(V, "gmt_u64full_2", u, 2);
    seed_kind(&bg, ND__BG_MT19937, 42);
    for (int i = 0; i < 3; i++) d[i] = nd__std_normal(&bg);
    check_f64(V, "gmt_stdnorm3", d, 3);

    nd__mt19937 mt;
    nd__mt19937_seed_legacy(&mt, 42);
    check_u32(V, "l_42_key0_4", mt.key, 4);
    uint32_t init[3] = { 1, 2, 3 };
    nd__mt19937_seed_by_array(&mt, init, 3);
    check_u32(V, "l_123_key0_4", mt.key, 4);
}

static void test_tables(void) {
    struct { const char *name; const void *p; size_t sz; const char *sha; } t[] = {
        { "ki_d", nd__zig_ki_d, 8, "565295797825931547a1036f5b012a247be54abbe077c39fe06c8ed1e9d0a5a9" },
        { "wi_d", nd__zig_wi_d, 8, "33c6472209e1d09ea3548f0291e5e1ad67fb4f1d0305e9f1086689584b7bb7fa" },
        { "fi_d", nd__zig_fi_d, 8, "acd898d9d87e212f657755ba43b21e40958090a7ff2103c9e79f4ea1b0fe2bc5" },
        { "ki_f", nd__zig_ki_f, 4, "b00c1701b8ee9b5e5bb285bef552e979942af25328141d131b0ad8183643fd39" },
        { "wi_f", nd__zig_wi_f, 4, "7e876b6f831f031c494d3f21c00f1845928d7ba8984b207e08b3fcba766a67fd" },
        { "fi_f", nd__zig_fi_f, 4, "3ec75aef4fc5308b6f948d1fd8d0eef691a752eebbaa91914fc111948aea6ad8" },
        { "ke_d", nd__zig_ke_d, 8, "785bcf5a662793cf25870d33474a750da43f0e903fa734292e1eeefb38e8efce" },
        { "we_d", nd__zig_we_d, 8, "12751415cc5c2d3a76783f682d265bbfdd63c8775b4d3ded9926d3bb673871a1" },
        { "fe_d", nd__zig_fe_d, 8, "1f4b2a07fcf8396e73fc378ce2199c83cf46da21f0d6469f43375c29cb2d8635" },
        { "ke_f", nd__zig_ke_f, 4, "845568c71f3b5cb1fa9401e172926e44cd7a6708ba91d4d822a4183d479ffce9" },
        { "we_f", nd__zig_we_f, 4, "f9d0fef3cfaec38259420b4f2e30d9a18da8e6bb190050e1ac87fd1c5ad224d0" },
        { "fe_f", nd__zig_fe_f, 4, "ead9e6f988f291049e31d43b12f3090edf221c7f6bc9a6dcb60e678912cd2eaf" },
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        char hex[65];
        rt_sha_buf(t[i].p, 256 * t[i].sz, hex); /* little-endian host */
        CHECK_MSG(strcmp(hex, t[i].sha) == 0, "table %s sha256 %s", t[i].name, hex);
    }
}

static void test_kernels(void) {
    nd__rs rs;
    memset(&rs, 0, sizeof rs);
    double d[5];
    float f[5];
    seed_kind(&rs.bg, ND__BG_PCG64, 42);
    for (int i = 0; i < 5; i++) d[i] = nd__std_normal(&rs.bg);
    check_f64(V, "g_stdnorm5", d, 5);
    seed_kind(&rs.bg, ND__BG_PCG64, 42);
    for (int i = 0; i < 5; i++) f[i] = nd__std_normal_f(&rs.bg);
    for (int i = 0; i < 5; i++) d[i] = f[i];
    check_f64(V, "g_stdnorm5_f32", d, 5);
    seed_kind(&rs.bg, ND__BG_PCG64, 42);
    for (int i = 0; i < 3; i++) d[i] = nd__std_exp(&rs.bg);
    check_f64(V, "g_stdexp3", d, 3);
    seed_kind(&rs.bg, ND__BG_PCG64, 42);
    for (int i = 0; i < 3; i++) d[i] = nd__std_exp_f(&rs.bg);
    check_f64(V, "g_stdexp3_f32", d, 3);
    seed_kind(&rs.bg, ND__BG_PCG64, 42);
    for (int i = 0; i < 3; i++) d[i] = nd__std_gamma(&rs.bg, 2.0);
    check_f64(V, "g_gamma_2_3", d, 3);
    seed_kind(&rs.bg, ND__BG_PCG64, 42);
    for (int i = 0; i < 3; i++) d[i] = nd__std_gamma(&rs.bg, 0.5);
    check_f64(V, "g_gamma_05_3", d, 3);
    uint64_t u[5];
    seed_kind(&rs.bg, ND__BG_PCG64, 42);
    for (int i = 0; i < 5; i++) u[i] = (uint64_t)nd__binomial(&rs, 10, 0.3);
    check_u64(V, "g_binom_10_03_5", u, 5);
    seed_kind(&rs.bg, ND__BG_PCG64, 42);
    for (int i = 0; i < 5; i++) u[i] = (uint64_t)nd__binomial(&rs, 100, 0.5);
    check_u64(V, "g_binom_100_05_5", u, 5);
    seed_kind(&rs.bg, ND__BG_PCG64, 42);
    for (int i = 0; i < 5; i++) u[i] = (uint64_t)nd__poisson(&rs.bg, 3.0);
    check_u64(V, "g_poisson_3_5", u, 5);
    seed_kind(&rs.bg, ND__BG_PCG64, 42);
    for (int i = 0; i < 5; i++) u[i] = (uint64_t)nd__poisson(&rs.bg, 50.0);
    check_u64(V, "g_poisson_50_5", u, 5);
    seed_kind(&rs.bg, ND__BG_PCG64, 42);
    for (int i = 0; i < 5; i++) u[i] = nd__bounded_u64(&rs.bg, 9, false);
    check_u64(V, "g_int_0_10_5", u, 5);

    /* legacy */
    memset(&rs, 0, sizeof rs);
    rs.bg.kind = ND__BG_MT19937;
    nd__mt19937_seed_legacy(&rs.bg.u.mt, 42);
    for (int i = 0; i < 3; i++) d[i] = nd__legacy_gauss(&rs);
    check_f64(V, "l_randn3", d, 3);
    nd__mt19937_seed_legacy(&rs.bg.u.mt, 42);
    rs.has_gauss = 0;
    for (int i = 0; i < 3; i++) d[i] = nd__legacy_std_gamma(&rs, 2.0);
    check_f64(V, "l_gamma_2_3", d, 3);
    nd__mt19937_seed_legacy(&rs.bg.u.mt, 42);
    rs.has_gauss = 0;
    for (int i = 0; i < 5; i++) u[i] = (uint64_t)nd__legacy_binomial(&rs, 10, 0.3);
    check_u64(V, "l_binom_10_03_5", u, 5);
    nd__mt19937_seed_legacy(&rs.bg.u.mt, 42);
    for (int i = 0; i < 5; i++) u[i] = nd__bounded_u64(&rs.bg, 99, true);
    check_u64(V, "l_randint_0_100_5", u, 5);
    nd__mt19937_seed_legacy(&rs.bg.u.mt, 42);
    for (int i = 0; i < 3; i++) d[i] = nd__legacy_std_exp(&rs);
    check_f64(V, "l_stdexp3", d, 3);
}

int main(void) {
    test_tables();
    test_seedseq();
    test_pcg();
    test_mt();
    test_kernels();
    return check_done();
}
