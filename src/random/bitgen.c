/* SeedSequence and the five bit generators of NumPy 1.24 (specs/random.md §1-4;
 * Philox and SFC64 as NumPy's Philox4x64-10 and SFC64, checked against NumPy). */
#include "random/rng.h"

#include <string.h>

/* ------------------------------------------------------------ SeedSequence */

#define SS_INIT_A 0x43b0d7e5U
#define SS_MULT_A 0x931e8875U
#define SS_INIT_B 0x8b51f9ddU
#define SS_MULT_B 0x58f38dedU
#define SS_MIX_L 0xca01f9ddU
#define SS_MIX_R 0x4973f715U

int nd__ss_words_from_u64(const uint64_t *v, int n, uint32_t *out) {
    int k = 0;
    for (int i = 0; i < n; i++) {
        out[k++] = (uint32_t)v[i];
        if (v[i] >> 32) out[k++] = (uint32_t)(v[i] >> 32);
    }
    return k;
}

static inline uint32_t ss_hashmix(uint32_t value, uint32_t *hc) {
    value ^= *hc;
    *hc *= SS_MULT_A;
    value *= *hc;
    return value ^ (value >> 16);
}

static inline uint32_t ss_mix(uint32_t x, uint32_t y) {
    uint32_t r = SS_MIX_L * x - SS_MIX_R * y;
    return r ^ (r >> 16);
}

/* The assembled entropy word k: run words, zero padding (only with a spawn key and
 * fewer run words than the pool), then the spawn key words. */
static uint32_t ss_word(const nd__seedseq *ss, int k, int *total) {
    int run = ss->n_entropy;
    int padded = (ss->n_spawn_key > 0 && run < ss->pool_size) ? ss->pool_size : run;
    *total = padded + ss->n_spawn_key;
    if (k < run) return ss->entropy[k];
    if (k < padded) return 0;
    return ss->spawn_key[k - padded];
}

void nd__ss_mix(nd__seedseq *ss) {
    int P = ss->pool_size, total;
    uint32_t hc = SS_INIT_A;
    ss_word(ss, 0, &total);
    for (int i = 0; i < P; i++) ss->pool[i] = ss_hashmix(i < total ? ss_word(ss, i, &total) : 0, &hc);
    for (int src = 0; src < P; src++)
        for (int dst = 0; dst < P; dst++)
            if (dst != src) ss->pool[dst] = ss_mix(ss->pool[dst], ss_hashmix(ss->pool[src], &hc));
    for (int s = P; s < total; s++)
        for (int dst = 0; dst < P; dst++)
            ss->pool[dst] = ss_mix(ss->pool[dst], ss_hashmix(ss_word(ss, s, &total), &hc));
}

void nd__ss_generate_u32(const nd__seedseq *ss, uint32_t *out, size_t n) {
    uint32_t hc = SS_INIT_B;
    for (size_t i = 0; i < n; i++) {
        uint32_t v = ss->pool[i % (size_t)ss->pool_size];
        v ^= hc;
        hc *= SS_MULT_B;
        v *= hc;
        out[i] = v ^ (v >> 16);
    }
}

void nd__ss_generate_u64(const nd__seedseq *ss, uint64_t *out, size_t n) {
    uint32_t hc = SS_INIT_B;
    for (size_t i = 0; i < 2 * n; i++) {
        uint32_t v = ss->pool[i % (size_t)ss->pool_size];
        v ^= hc;
        hc *= SS_MULT_B;
        v *= hc;
        v ^= v >> 16;
        if (i & 1) out[i / 2] |= (uint64_t)v << 32;
        else out[i / 2] = v;
    }
}

/* ------------------------------------------------------------ PCG64 */

void nd__pcg64_seed(nd__bitgen *bg, const uint64_t w[4], bool dxsm) {
    nd__u128 initstate = ((nd__u128)w[0] << 64) | w[1];
    nd__u128 initseq = ((nd__u128)w[2] << 64) | w[3];
    nd__pcg64 *p = &bg->u.pcg;
    bg->kind = dxsm ? ND__BG_PCG64DXSM : ND__BG_PCG64;
    p->state = 0;
    p->inc = (initseq << 1) | 1;
    /* NumPy seeds both variants with the full 128-bit multiplier. */
    p->state = p->state * ND__PCG_MULT + p->inc;
    p->state += initstate;
    p->state = p->state * ND__PCG_MULT + p->inc;
    bg->has_uint32 = 0;
    bg->uinteger = 0;
}

static void pcg_advance(nd__pcg64 *p, nd__u128 delta, nd__u128 mult) {
    nd__u128 acc_mult = 1, acc_plus = 0, cur_mult = mult, cur_plus = p->inc;
    while (delta > 0) {
        if (delta & 1) {
            acc_mult *= cur_mult;
            acc_plus = acc_plus * cur_mult + cur_plus;
        }
        cur_plus = (cur_mult + 1) * cur_plus;
        cur_mult *= cur_mult;
        delta >>= 1;
    }
    p->state = acc_mult * p->state + acc_plus;
}

/* ------------------------------------------------------------ MT19937 */

void nd__mt19937_seed_legacy(nd__mt19937 *mt, uint32_t seed) {
    mt->key[0] = seed;
    for (int i = 1; i < 624; i++)
        mt->key[i] = 1812433253U * (mt->key[i - 1] ^ (mt->key[i - 1] >> 30)) + (uint32_t)i;
    mt->pos = 624;
}

void nd__mt19937_seed_by_array(nd__mt19937 *mt, const uint32_t *init, int n) {
    nd__mt19937_seed_legacy(mt, 19650218U);
    uint32_t *k = mt->key;
    int i = 1, j = 0;
    for (int c = n > 624 ? n : 624; c > 0; c--) {
        k[i] = (k[i] ^ ((k[i - 1] ^ (k[i - 1] >> 30)) * 1664525U)) + init[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= 624) { k[0] = k[623]; i = 1; }
        if (j >= n) j = 0;
    }
    for (int c = 623; c > 0; c--) {
        k[i] = (k[i] ^ ((k[i - 1] ^ (k[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= 624) { k[0] = k[623]; i = 1; }
    }
    k[0] = 0x80000000U;
    mt->pos = 624;
}

void nd__mt19937_seed_ss(nd__mt19937 *mt, const uint32_t w[624]) {
    mt->key[0] = 0x80000000U;
    for (int i = 1; i < 624; i++) mt->key[i] = w[i];
    mt->pos = 623; /* NumPy's quirk: the first output is key[623] without regeneration */
}

static inline uint32_t mt_twist(uint32_t a, uint32_t b, uint32_t c) {
    uint32_t y = (a & 0x80000000U) | (b & 0x7fffffffU);
    return c ^ (y >> 1) ^ (-(y & 1) & 0x9908b0dfU);
}

/* The next block of 624 words: three runs, so no index wraps inside a loop. */
void nd__mt19937_gen(nd__mt19937 *mt) {
    uint32_t *k = mt->key;
    int i = 0;
    for (; i < 624 - 397; i++) k[i] = mt_twist(k[i], k[i + 1], k[i + 397]);
    for (; i < 623; i++) k[i] = mt_twist(k[i], k[i + 1], k[i + 397 - 624]);
    k[623] = mt_twist(k[623], k[0], k[396]);
    mt->pos = 0;
}

/* Jump ahead 2^128 words: the state becomes q(T) state, T the one-word step and q the
 * jump polynomial (mt19937_jump.c), evaluated by Horner's rule on states in NumPy's
 * "incremental" form: key[pos] is the oldest word, which one step replaces. */
static void mt_step(nd__mt19937 *s) {
    int i = s->pos, i1 = i + 1 == 624 ? 0 : i + 1, im = i + 397 >= 624 ? i + 397 - 624 : i + 397;
    uint32_t y = (s->key[i] & 0x80000000U) | (s->key[i1] & 0x7fffffffU);
    s->key[i] = s->key[im] ^ (y >> 1) ^ ((y & 1) ? 0x9908b0dfU : 0);
    s->pos = i1;
}

/* a += b, word j of each counted from its own pos */
static void mt_add(nd__mt19937 *a, const nd__mt19937 *b) {
    for (int j = 0, ia = a->pos, ib = b->pos; j < 624; j++) {
        a->key[ia] ^= b->key[ib];
        if (++ia == 624) ia = 0;
        if (++ib == 624) ib = 0;
    }
}

extern const uint32_t nd__mt_jump_poly[624];

void nd__mt19937_jump(nd__mt19937 *mt) {
    if (mt->pos >= 624) mt->pos = 0; /* a fully used block is the incremental form at 0 */
    int i = 624 * 32 - 1;
    while (i >= 0 && !((nd__mt_jump_poly[i >> 5] >> (i & 31)) & 1)) i--;
    if (i <= 0) return; /* (the polynomial has degree > 0) */
    nd__mt19937 t = *mt;
    mt_step(&t);
    for (i--; i > 0; i--) {
        if ((nd__mt_jump_poly[i >> 5] >> (i & 31)) & 1) mt_add(&t, mt);
        mt_step(&t);
    }
    if (nd__mt_jump_poly[0] & 1) mt_add(&t, mt);
    *mt = t;
}

/* ------------------------------------------------------------ Philox4x64-10 */

static inline void mulhilo64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo) {
    nd__u128 p = (nd__u128)a * b;
    *hi = (uint64_t)(p >> 64);
    *lo = (uint64_t)p;
}

/* Increment the 256-bit counter, then encrypt it into the 4-word buffer. */
void nd__philox_block(nd__philox *p) {
    for (int i = 0; i < 4 && ++p->ctr[i] == 0; i++) {}
    uint64_t c0 = p->ctr[0], c1 = p->ctr[1], c2 = p->ctr[2], c3 = p->ctr[3];
    uint64_t k0 = p->key[0], k1 = p->key[1];
    for (int r = 0; r < 10; r++) {
        uint64_t hi0, lo0, hi1, lo1;
        mulhilo64(0xD2E7470EE14C6C93ULL, c0, &hi0, &lo0);
        mulhilo64(0xCA5A826395121157ULL, c2, &hi1, &lo1);
        uint64_t n0 = hi1 ^ c1 ^ k0, n2 = hi0 ^ c3 ^ k1;
        c0 = n0; c1 = lo1; c2 = n2; c3 = lo0;
        k0 += 0x9E3779B97F4A7C15ULL;
        k1 += 0xBB67AE8584CAA73BULL;
    }
    p->buffer[0] = c0; p->buffer[1] = c1; p->buffer[2] = c2; p->buffer[3] = c3;
    p->buffer_pos = 0;
}

static void philox_reset(nd__bitgen *bg) {
    bg->has_uint32 = 0;
    bg->uinteger = 0;
    bg->u.philox.buffer_pos = 4;
    memset(bg->u.philox.buffer, 0, sizeof bg->u.philox.buffer);
}

void nd__philox_seed(nd__bitgen *bg, const uint64_t key[2], const uint64_t ctr[4]) {
    bg->kind = ND__BG_PHILOX;
    for (int i = 0; i < 4; i++) bg->u.philox.ctr[i] = ctr ? ctr[i] : 0;
    bg->u.philox.key[0] = key[0];
    bg->u.philox.key[1] = key[1];
    philox_reset(bg);
}

/* ------------------------------------------------------------ SFC64 */

void nd__sfc64_seed(nd__bitgen *bg, const uint64_t w[3]) {
    bg->kind = ND__BG_SFC64;
    uint64_t *s = bg->u.sfc.s;
    s[0] = w[0]; s[1] = w[1]; s[2] = w[2]; s[3] = 1;
    for (int i = 0; i < 12; i++) (void)nd__sfc64_next(s);
    bg->has_uint32 = 0;
    bg->uinteger = 0;
}

/* ------------------------------------------------------------ common */

int nd__bitgen_seed_ss(nd__bitgen *bg, nd__bg_kind kind, const nd__seedseq *ss) {
    uint64_t w[4];
    memset(bg, 0, sizeof *bg);
    switch (kind) {
    case ND__BG_PCG64:
    case ND__BG_PCG64DXSM:
        nd__ss_generate_u64(ss, w, 4);
        nd__pcg64_seed(bg, w, kind == ND__BG_PCG64DXSM);
        return 0;
    case ND__BG_MT19937: {
        uint32_t words[624];
        nd__ss_generate_u32(ss, words, 624);
        bg->kind = ND__BG_MT19937;
        nd__mt19937_seed_ss(&bg->u.mt, words);
        return 0;
    }
    case ND__BG_PHILOX:
        nd__ss_generate_u64(ss, w, 2);
        nd__philox_seed(bg, w, NULL);
        return 0;
    case ND__BG_SFC64:
        nd__ss_generate_u64(ss, w, 3);
        nd__sfc64_seed(bg, w);
        return 0;
    }
    return -1;
}

void nd__bitgen_advance(nd__bitgen *bg, const uint64_t *delta, int n) {
    if (bg->kind == ND__BG_PCG64 || bg->kind == ND__BG_PCG64DXSM) {
        nd__u128 d = (n > 0 ? delta[0] : 0) | (n > 1 ? (nd__u128)delta[1] << 64 : 0);
        pcg_advance(&bg->u.pcg, d, bg->kind == ND__BG_PCG64 ? ND__PCG_MULT : (nd__u128)ND__PCG_CHEAP);
        bg->has_uint32 = 0;
        bg->uinteger = 0;
    } else if (bg->kind == ND__BG_PHILOX) {
        unsigned carry = 0;
        for (int i = 0; i < 4; i++) {
            uint64_t d = i < n ? delta[i] : 0;
            nd__u128 s = (nd__u128)bg->u.philox.ctr[i] + d + carry;
            bg->u.philox.ctr[i] = (uint64_t)s;
            carry = (unsigned)(s >> 64);
        }
        philox_reset(bg);
    }
}

void nd__bitgen_jump(nd__bitgen *bg, uint64_t jumps) {
    if (bg->kind == ND__BG_PCG64 || bg->kind == ND__BG_PCG64DXSM) {
        const nd__u128 jump = ((nd__u128)0x9e3779b97f4a7c15ULL << 64) | 0xf39cc0605cedc835ULL;
        nd__u128 d = jump * jumps;
        uint64_t w[2] = { (uint64_t)d, (uint64_t)(d >> 64) };
        nd__bitgen_advance(bg, w, 2);
    } else if (bg->kind == ND__BG_PHILOX) {
        uint64_t w[4] = { 0, 0, jumps, 0 };
        nd__bitgen_advance(bg, w, 4);
    } else if (bg->kind == ND__BG_MT19937) {
        for (uint64_t j = 0; j < jumps; j++) nd__mt19937_jump(&bg->u.mt);
    }
}
