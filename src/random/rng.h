/* Private to src/random: the bit generators, SeedSequence and the scalar
 * distribution kernels (NumPy 1.24's algorithms, specs/random.md).  Nothing here
 * touches arrays, so the engine is tested on its own (tests/test_random_engine.c). */
#ifndef ND_RANDOM_RNG_H
#define ND_RANDOM_RNG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef unsigned __int128 nd__u128;

/* ------------------------------------------------------------ SeedSequence */

#define ND__SS_POOL_MAX 64

typedef struct nd__seedseq {
    uint32_t *entropy;      /* run words (the entropy integer(s) as u32 digits) */
    int n_entropy;
    uint32_t *spawn_key;    /* spawn key words, one per key element (each < 2^32) */
    uint64_t *spawn_key64;  /* the spawn key as given */
    int n_spawn_key;
    int pool_size;
    uint32_t pool[ND__SS_POOL_MAX];
    uint64_t n_children_spawned;
} nd__seedseq;

/* Words of a list of integers: each becomes 1 or 2 u32 digits (0 -> one word).
 * out must hold 2n words; returns the count. */
int nd__ss_words_from_u64(const uint64_t *v, int n, uint32_t *out);
/* Mix entropy and spawn words into ss->pool (ss->entropy/spawn_key must be set). */
void nd__ss_mix(nd__seedseq *ss);
void nd__ss_generate_u32(const nd__seedseq *ss, uint32_t *out, size_t n);
void nd__ss_generate_u64(const nd__seedseq *ss, uint64_t *out, size_t n);

/* ------------------------------------------------------------ bit generators */

typedef enum nd__bg_kind {
    ND__BG_PCG64, ND__BG_PCG64DXSM, ND__BG_MT19937, ND__BG_PHILOX, ND__BG_SFC64
} nd__bg_kind;

typedef struct nd__pcg64 { nd__u128 state, inc; } nd__pcg64;
typedef struct nd__mt19937 { uint32_t key[624]; int pos; } nd__mt19937;
typedef struct nd__philox {
    uint64_t ctr[4], key[2], buffer[4];
    int buffer_pos;
} nd__philox;
typedef struct nd__sfc64 { uint64_t s[4]; } nd__sfc64;

typedef struct nd__bitgen {
    nd__bg_kind kind;
    union {
        nd__pcg64 pcg;
        nd__mt19937 mt;
        nd__philox philox;
        nd__sfc64 sfc;
    } u;
    /* 32-bit buffer of the 64-bit generators (upper half of the last word) */
    int has_uint32;
    uint32_t uinteger;
} nd__bitgen;

void nd__pcg64_seed(nd__bitgen *bg, const uint64_t w[4], bool dxsm);
void nd__mt19937_seed_legacy(nd__mt19937 *mt, uint32_t seed);
void nd__mt19937_seed_by_array(nd__mt19937 *mt, const uint32_t *init, int n);
void nd__mt19937_seed_ss(nd__mt19937 *mt, const uint32_t w[624]);
void nd__mt19937_gen(nd__mt19937 *mt);
/* One jump of 2^128 words (NumPy's MT19937.jumped()). */
void nd__mt19937_jump(nd__mt19937 *mt);
void nd__philox_seed(nd__bitgen *bg, const uint64_t key[2], const uint64_t ctr[4]);
void nd__sfc64_seed(nd__bitgen *bg, const uint64_t w[3]);
void nd__philox_block(nd__philox *p);

/* Seed bg of a kind from a SeedSequence (NumPy's BitGenerator(seed_seq)). -1 on
 * allocation failure (MT19937 draws 624 words). */
int nd__bitgen_seed_ss(nd__bitgen *bg, nd__bg_kind kind, const nd__seedseq *ss);
/* advance by delta (little-endian u64 words, n <= 4, reduced mod the period size). */
void nd__bitgen_advance(nd__bitgen *bg, const uint64_t *delta, int n);
/* jumped: PCG (JUMP * jumps), Philox (2^128 * jumps); MT19937: 2^128 jumps' polynomial. */
void nd__bitgen_jump(nd__bitgen *bg, uint64_t jumps);

static inline uint64_t nd__rotr64(uint64_t v, unsigned k) { return (v >> k) | (v << ((64 - k) & 63)); }

#define ND__PCG_MULT (((nd__u128)0x2360ed051fc65da4ULL << 64) | 0x4385df649fccf645ULL)
#define ND__PCG_CHEAP 0xda942042e4dd58b5ULL

static inline uint32_t nd__mt_draw(nd__mt19937 *mt) {
    if (mt->pos == 624) nd__mt19937_gen(mt);
    uint32_t y = mt->key[mt->pos++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

static inline uint64_t nd__sfc64_next(uint64_t *s) {
    uint64_t tmp = s[0] + s[1] + s[3]++;
    s[0] = s[1] ^ (s[1] >> 11);
    s[1] = s[2] + (s[2] << 3);
    s[2] = ((s[2] << 24) | (s[2] >> 40)) + tmp;
    return tmp;
}

/* The primitives every distribution uses.  The _k forms take the generator kind as an
 * argument: called with a constant (fast.c's loops), the switch folds away and the
 * generator's step is inlined into the loop; the plain forms pass bg->kind. */
#define ND__ALWAYS_INLINE static inline __attribute__((always_inline))

ND__ALWAYS_INLINE uint64_t nd__next_u64_k(nd__bitgen *bg, nd__bg_kind kind) {
    switch (kind) {
    case ND__BG_PCG64: {
        nd__pcg64 *p = &bg->u.pcg;
        p->state = p->state * ND__PCG_MULT + p->inc;
        uint64_t hi = (uint64_t)(p->state >> 64), lo = (uint64_t)p->state;
        return nd__rotr64(hi ^ lo, (unsigned)(hi >> 58));
    }
    case ND__BG_PCG64DXSM: {
        nd__pcg64 *p = &bg->u.pcg;
        uint64_t hi = (uint64_t)(p->state >> 64), lo = (uint64_t)p->state | 1;
        hi ^= hi >> 32;
        hi *= ND__PCG_CHEAP;
        hi ^= hi >> 48;
        hi *= lo;
        p->state = p->state * ND__PCG_CHEAP + p->inc;
        return hi;
    }
    case ND__BG_MT19937: {
        uint64_t a = nd__mt_draw(&bg->u.mt);
        return (a << 32) | nd__mt_draw(&bg->u.mt);
    }
    case ND__BG_PHILOX: {
        nd__philox *p = &bg->u.philox;
        if (p->buffer_pos >= 4) nd__philox_block(p);
        return p->buffer[p->buffer_pos++];
    }
    default:
        return nd__sfc64_next(bg->u.sfc.s);
    }
}

ND__ALWAYS_INLINE uint32_t nd__next_u32_k(nd__bitgen *bg, nd__bg_kind kind) {
    if (kind == ND__BG_MT19937) return nd__mt_draw(&bg->u.mt);
    if (bg->has_uint32) {
        bg->has_uint32 = 0;
        return bg->uinteger;
    }
    uint64_t v = nd__next_u64_k(bg, kind);
    bg->has_uint32 = 1;
    bg->uinteger = (uint32_t)(v >> 32);
    return (uint32_t)v;
}

ND__ALWAYS_INLINE double nd__next_double_k(nd__bitgen *bg, nd__bg_kind kind) {
    if (kind == ND__BG_MT19937) {
        int32_t a = (int32_t)(nd__mt_draw(&bg->u.mt) >> 5), b = (int32_t)(nd__mt_draw(&bg->u.mt) >> 6);
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }
    return (double)(nd__next_u64_k(bg, kind) >> 11) * (1.0 / 9007199254740992.0);
}

ND__ALWAYS_INLINE float nd__next_float_k(nd__bitgen *bg, nd__bg_kind kind) {
    return (float)(nd__next_u32_k(bg, kind) >> 8) * (1.0f / 16777216.0f);
}

static inline uint64_t nd__next_u64(nd__bitgen *bg) { return nd__next_u64_k(bg, bg->kind); }
static inline uint32_t nd__next_u32(nd__bitgen *bg) { return nd__next_u32_k(bg, bg->kind); }
static inline double nd__next_double(nd__bitgen *bg) { return nd__next_double_k(bg, bg->kind); }
static inline float nd__next_float(nd__bitgen *bg) { return nd__next_float_k(bg, bg->kind); }

/* ------------------------------------------------------------ ziggurat tables */

extern const uint64_t nd__zig_ki_d[256];
extern const double nd__zig_wi_d[256], nd__zig_fi_d[256];
extern const uint32_t nd__zig_ki_f[256];
extern const float nd__zig_wi_f[256], nd__zig_fi_f[256];
extern const uint64_t nd__zig_ke_d[256];
extern const double nd__zig_we_d[256], nd__zig_fe_d[256];
extern const uint32_t nd__zig_ke_f[256];
extern const float nd__zig_we_f[256], nd__zig_fe_f[256];

/* ------------------------------------------------------------ distributions */

/* The state a distribution needs: the bit generator plus the legacy Gaussian cache
 * and the binomial setup cache. */
typedef struct nd__binom_cache {
    int has;
    int64_t n;
    double p;
    int64_t m;
    double r, q, fm, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4;
} nd__binom_cache;

typedef struct nd__rs {
    nd__bitgen bg;
    int has_gauss;
    double gauss;
    nd__binom_cache binom;
} nd__rs;

/* Integers in [0, rng] (closed), by width; `masked` selects RandomState's rejection,
 * otherwise Lemire (Generator). The 8/16/bool forms share a per-call buffer. */
typedef struct nd__intbuf { uint32_t buf; int bcnt; } nd__intbuf;
uint64_t nd__bounded_u64(nd__bitgen *bg, uint64_t rng, bool masked);
uint32_t nd__bounded_u32(nd__bitgen *bg, uint32_t rng, bool masked);
uint16_t nd__bounded_u16(nd__bitgen *bg, uint16_t rng, bool masked, nd__intbuf *b);
uint8_t nd__bounded_u8(nd__bitgen *bg, uint8_t rng, bool masked, nd__intbuf *b);
bool nd__bounded_bool(nd__bitgen *bg, bool rng, nd__intbuf *b);
/* Masked rejection on [0, max] (shuffle/permutation). */
uint64_t nd__random_interval(nd__bitgen *bg, uint64_t max);

double nd__std_normal(nd__bitgen *bg);
float nd__std_normal_f(nd__bitgen *bg);
double nd__std_exp(nd__bitgen *bg);
float nd__std_exp_f(nd__bitgen *bg);
double nd__std_gamma(nd__bitgen *bg, double shape);
float nd__std_gamma_f(nd__bitgen *bg, float shape);
int64_t nd__binomial(nd__rs *rs, int64_t n, double p);
int64_t nd__poisson(nd__bitgen *bg, double lam);
double nd__loggam(double x);

/* legacy (RandomState) */
double nd__legacy_gauss(nd__rs *rs);
double nd__legacy_std_exp(nd__rs *rs);
double nd__legacy_std_gamma(nd__rs *rs, double shape);
int64_t nd__legacy_binomial(nd__rs *rs, int64_t n, double p);

/* ------------------------------------------------------------ handles */

struct nd_seedseq {
    nd__seedseq s;
};

/* nd_rng: a Generator (legacy false) or a RandomState on MT19937. */
struct nd_rng {
    bool legacy;
    nd__rs rs;
    struct nd_seedseq *ss; /* owned; NULL when seeded otherwise */
};

/* The handle a call works on: NULL is the global RandomState, locked until release. */
struct nd_rng *nd__rng_acquire(struct nd_rng *rng);
void nd__rng_release(struct nd_rng *rng);

#endif
