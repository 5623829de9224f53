/* np.random for C: SeedSequence objects, the nd_rng handle (Generator or legacy
 * RandomState), the global RandomState, and the array-level driver every
 * distribution goes through (parameter conversion, NumPy's checks, broadcasting and
 * C-order filling through the iterator). */
#include "core/internal.h"
#include "random/kernels.h"
#include "random/rng.h"

#include <math.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>
#if defined(__linux__) || defined(__APPLE__)
#include <sys/random.h>
#endif

/* ------------------------------------------------------------ SeedSequence */

static void ss_release(nd__seedseq *s) {
    if (!s) return;
    nd__free(s->entropy, sizeof(uint32_t) * (size_t)s->n_entropy);
    nd__free(s->spawn_key, sizeof(uint32_t) * (size_t)s->n_spawn_key);
    nd__free(s->spawn_key64, sizeof(uint64_t) * (size_t)s->n_spawn_key);
}

void nd_seedseq_free(nd_seedseq *ss) {
    if (!ss) return;
    ss_release(&ss->s);
    nd__free(ss, sizeof *ss);
}

static nd_seedseq *ss_make(const uint32_t *words, int n, const uint64_t *spawn, int ns, int pool_size) {
    if (n < 0 || (n > 0 && !words) || ns < 0 || (ns > 0 && !spawn))
        return nd__err(ND_ERR_VALUE, "invalid SeedSequence arguments");
    if (pool_size == 0) pool_size = 4;
    if (pool_size < 4) return nd__err(ND_ERR_VALUE, "The size of the entropy pool should be at least 4");
    if (pool_size > ND__SS_POOL_MAX) return nd__err(ND_ERR_NOT_SUPPORTED, "pool_size > %d", ND__SS_POOL_MAX);
    for (int i = 0; i < ns; i++)
        if (spawn[i] > 0xFFFFFFFFULL)
            return nd__err(ND_ERR_NOT_SUPPORTED, "spawn key elements >= 2**32 are not supported");
    nd_seedseq *ss = nd__malloc(sizeof *ss);
    if (!ss) return nd__nomem();
    memset(ss, 0, sizeof *ss);
    ss->s.pool_size = pool_size;
    if (n == 0) n = 1; /* keeps entropy [0] for empty input */
    ss->s.entropy = nd__malloc(sizeof(uint32_t) * (size_t)n);
    ss->s.spawn_key = ns ? nd__malloc(sizeof(uint32_t) * (size_t)ns) : NULL;
    ss->s.spawn_key64 = ns ? nd__malloc(sizeof(uint64_t) * (size_t)ns) : NULL;
    ss->s.n_entropy = n;
    ss->s.n_spawn_key = ns;
    if (!ss->s.entropy || (ns && (!ss->s.spawn_key || !ss->s.spawn_key64))) {
        nd_seedseq_free(ss);
        return nd__nomem();
    }
    for (int i = 0; i < n; i++) ss->s.entropy[i] = words ? words[i] : 0;
    for (int i = 0; i < ns; i++) {
        ss->s.spawn_key[i] = (uint32_t)spawn[i];
        ss->s.spawn_key64[i] = spawn[i];
    }
    nd__ss_mix(&ss->s);
    return ss;
}

nd_seedseq *nd_seedseq_from_words_ex(const uint32_t *words, int n, const nd_seedseq_opts *o) {
    static const nd_seedseq_opts def = { 0 };
    if (!o) o = &def;
    if (!words || n < 1) return nd__err(ND_ERR_VALUE, "SeedSequence entropy must be at least one word");
    return ss_make(words, n, o->spawn_key, o->n_spawn_key, o->pool_size);
}

nd_seedseq *nd_seedseq_new_ex(const uint64_t *entropy, int n, const nd_seedseq_opts *o) {
    static const nd_seedseq_opts def = { 0 };
    if (!o) o = &def;
    if (!entropy || n < 1) return nd__err(ND_ERR_VALUE, "SeedSequence entropy must be at least one integer");
    uint32_t *w = nd__malloc(sizeof(uint32_t) * 2 * (size_t)n);
    if (!w) return nd__nomem();
    int nw = nd__ss_words_from_u64(entropy, n, w);
    nd_seedseq *ss = ss_make(w, nw, o->spawn_key, o->n_spawn_key, o->pool_size);
    nd__free(w, sizeof(uint32_t) * 2 * (size_t)n);
    return ss;
}

/* 128 bits from the OS (getentropy), with a time/address fallback. */
static void os_entropy(uint32_t w[4]) {
#if defined(__linux__) || defined(__APPLE__)
    if (getentropy(w, 16) == 0) return;
#endif
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t a = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ (uint64_t)(uintptr_t)w;
    w[0] = (uint32_t)a; w[1] = (uint32_t)(a >> 32); w[2] = (uint32_t)getpid(); w[3] = 0x9e3779b9U;
}

nd_seedseq *nd_seedseq_os(void) {
    uint32_t w[4];
    os_entropy(w);
    int n = 4;
    while (n > 1 && w[n - 1] == 0) n--; /* the entropy is an integer: no leading zero digits */
    return ss_make(w, n, NULL, 0, 4);
}

int nd_seedseq_entropy(const nd_seedseq *ss, uint32_t *words, int cap) {
    if (!ss) return nd_error_set(ND_ERR_VALUE, "NULL SeedSequence");
    for (int i = 0; i < ss->s.n_entropy && i < cap; i++) words[i] = ss->s.entropy[i];
    return ss->s.n_entropy;
}

int nd_seedseq_generate_state_u32(const nd_seedseq *ss, uint32_t *out, int64_t n) {
    if (!ss || (!out && n > 0) || n < 0) return nd_error_set(ND_ERR_VALUE, "invalid generate_state arguments");
    nd__ss_generate_u32(&ss->s, out, (size_t)n);
    return 0;
}

int nd_seedseq_generate_state_u64(const nd_seedseq *ss, uint64_t *out, int64_t n) {
    if (!ss || (!out && n > 0) || n < 0) return nd_error_set(ND_ERR_VALUE, "invalid generate_state arguments");
    nd__ss_generate_u64(&ss->s, out, (size_t)n);
    return 0;
}

static nd_seedseq *ss_child(const nd__seedseq *p, uint64_t index) {
    int ns = p->n_spawn_key + 1;
    uint64_t *key = nd__malloc(sizeof(uint64_t) * (size_t)ns);
    if (!key) return nd__nomem();
    for (int i = 0; i < p->n_spawn_key; i++) key[i] = p->spawn_key64[i];
    key[ns - 1] = index;
    nd_seedseq *c = ss_make(p->entropy, p->n_entropy, key, ns, p->pool_size);
    nd__free(key, sizeof(uint64_t) * (size_t)ns);
    return c;
}

int nd_seedseq_spawn(nd_seedseq *ss, int n, nd_seedseq **children) {
    if (!ss || n < 0 || (n > 0 && !children)) return nd_error_set(ND_ERR_VALUE, "invalid spawn arguments");
    for (int i = 0; i < n; i++) {
        children[i] = ss_child(&ss->s, ss->s.n_children_spawned + (uint64_t)i);
        if (!children[i]) {
            for (int j = 0; j < i; j++) nd_seedseq_free(children[j]);
            return -1;
        }
    }
    ss->s.n_children_spawned += (uint64_t)n;
    return 0;
}

nd_seedseq *nd_seedseq_copy(const nd_seedseq *ss) {
    if (!ss) return nd__err(ND_ERR_VALUE, "NULL SeedSequence");
    nd_seedseq *c = ss_make(ss->s.entropy, ss->s.n_entropy, ss->s.spawn_key64, ss->s.n_spawn_key, ss->s.pool_size);
    if (c) c->s.n_children_spawned = ss->s.n_children_spawned;
    return c;
}

/* ------------------------------------------------------------ handles */

static nd_rng g_global;
static bool g_global_ready;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

static nd_rng *rng_alloc(bool legacy) {
    nd_rng *r = nd__malloc(sizeof *r);
    if (!r) return nd__nomem();
    memset(r, 0, sizeof *r);
    r->legacy = legacy;
    return r;
}

void nd_rng_free(nd_rng *rng) {
    if (!rng || rng == &g_global) return;
    nd_seedseq_free(rng->ss);
    nd__free(rng, sizeof *rng);
}

nd_rng *nd_random_generator(nd_bitgen kind, const nd_seedseq *ss) {
    if ((unsigned)kind > ND_BITGEN_SFC64) return nd__err(ND_ERR_VALUE, "unknown bit generator");
    nd_rng *r = rng_alloc(false);
    if (!r) return NULL;
    r->ss = ss ? nd_seedseq_copy(ss) : nd_seedseq_os();
    if (!r->ss) {
        nd_rng_free(r);
        return NULL;
    }
    nd__bitgen_seed_ss(&r->rs.bg, (nd__bg_kind)kind, &r->ss->s);
    return r;
}

static nd_rng *generator_take(nd_bitgen kind, nd_seedseq *ss) {
    if (!ss) return NULL;
    nd_rng *r = nd_random_generator(kind, ss);
    nd_seedseq_free(ss);
    return r;
}

nd_rng *nd_random_default_rng(uint64_t seed) {
    return generator_take(ND_BITGEN_PCG64, nd_seedseq_new(&seed, 1));
}

nd_rng *nd_random_default_rng_list(const uint64_t *seed, int n) {
    return generator_take(ND_BITGEN_PCG64, nd_seedseq_new(seed, n));
}

nd_rng *nd_random_default_rng_os(void) { return nd_random_generator(ND_BITGEN_PCG64, NULL); }

nd_rng *nd_random_philox_key(const uint64_t key[2], const uint64_t counter[4]) {
    if (!key) return nd__err(ND_ERR_VALUE, "NULL key");
    nd_rng *r = rng_alloc(false);
    if (r) nd__philox_seed(&r->rs.bg, key, counter);
    return r;
}

static void legacy_seed(nd_rng *r, uint32_t seed) {
    memset(&r->rs, 0, sizeof r->rs);
    r->rs.bg.kind = ND__BG_MT19937;
    nd__mt19937_seed_legacy(&r->rs.bg.u.mt, seed);
}

static int legacy_seed_list(nd_rng *r, const uint32_t *seed, int n) {
    if (!seed || n < 1) return nd_error_set(ND_ERR_VALUE, "Seed must be non-empty");
    memset(&r->rs, 0, sizeof r->rs);
    r->rs.bg.kind = ND__BG_MT19937;
    nd__mt19937_seed_by_array(&r->rs.bg.u.mt, seed, n);
    return 0;
}

static int legacy_seed_os(nd_rng *r) {
    nd_seedseq *ss = nd_seedseq_os();
    if (!ss) return -1;
    uint32_t w[624];
    nd__ss_generate_u32(&ss->s, w, 624);
    nd_seedseq_free(ss);
    return legacy_seed_list(r, w, 624);
}

nd_rng *nd_random_RandomState(uint32_t seed) {
    nd_rng *r = rng_alloc(true);
    if (r) legacy_seed(r, seed);
    return r;
}

nd_rng *nd_random_RandomState_list(const uint32_t *seed, int n) {
    nd_rng *r = rng_alloc(true);
    if (r && legacy_seed_list(r, seed, n) < 0) {
        nd_rng_free(r);
        return NULL;
    }
    return r;
}

nd_rng *nd_random_RandomState_os(void) {
    nd_rng *r = rng_alloc(true);
    if (r && legacy_seed_os(r) < 0) {
        nd_rng_free(r);
        return NULL;
    }
    return r;
}

/* The handle a call works on: NULL is the global RandomState, locked for the call
 * and seeded from OS entropy on first use (as NumPy does at import). */
nd_rng *nd__rng_acquire(nd_rng *rng) {
    if (rng) return rng;
    pthread_mutex_lock(&g_lock);
    if (!g_global_ready) {
        g_global.legacy = true;
        if (legacy_seed_os(&g_global) < 0) legacy_seed(&g_global, (uint32_t)time(NULL));
        g_global_ready = true;
    }
    return &g_global;
}

void nd__rng_release(nd_rng *rng) {
    if (!rng) pthread_mutex_unlock(&g_lock);
}

int nd_random_seed(uint32_t seed) {
    nd_rng *r = nd__rng_acquire(NULL);
    legacy_seed(r, seed);
    nd__rng_release(NULL);
    return 0;
}

int nd_random_seed_list(const uint32_t *seed, int n) {
    nd_rng *r = nd__rng_acquire(NULL);
    int rc = legacy_seed_list(r, seed, n);
    nd__rng_release(NULL);
    return rc;
}

int nd_random_seed_os(void) {
    nd_rng *r = nd__rng_acquire(NULL);
    int rc = legacy_seed_os(r);
    nd__rng_release(NULL);
    return rc;
}

bool nd_rng_is_generator(const nd_rng *rng) { return rng && !rng->legacy; }
nd_bitgen nd_rng_bitgen(const nd_rng *rng) { return rng ? (nd_bitgen)rng->rs.bg.kind : ND_BITGEN_MT19937; }
const nd_seedseq *nd_rng_seedseq(const nd_rng *rng) { return rng ? rng->ss : NULL; }

int nd_rng_spawn(nd_rng *rng, int n, nd_rng **children) {
    if (!rng || rng->legacy || !rng->ss)
        return nd_error_set(ND_ERR_VALUE, "The underlying SeedSequence does not implement spawning.");
    if (n < 0 || (n > 0 && !children)) return nd_error_set(ND_ERR_VALUE, "invalid spawn arguments");
    for (int i = 0; i < n; i++) {
        nd_seedseq *c = ss_child(&rng->ss->s, rng->ss->s.n_children_spawned + (uint64_t)i);
        children[i] = c ? generator_take((nd_bitgen)rng->rs.bg.kind, c) : NULL;
        if (!children[i]) {
            for (int j = 0; j < i; j++) nd_rng_free(children[j]);
            return -1;
        }
    }
    rng->ss->s.n_children_spawned += (uint64_t)n;
    return 0;
}

static bool can_advance(const nd_rng *rng) {
    nd__bg_kind k = rng->rs.bg.kind;
    return k == ND__BG_PCG64 || k == ND__BG_PCG64DXSM || k == ND__BG_PHILOX;
}

nd_rng *nd_rng_jumped(const nd_rng *rng, uint64_t jumps) {
    if (!rng) return nd__err(ND_ERR_VALUE, "NULL generator");
    if (!can_advance(rng) && rng->rs.bg.kind != ND__BG_MT19937)
        return nd__err(ND_ERR_NOT_SUPPORTED, "jumped is not supported for this bit generator");
    nd_rng *r = rng_alloc(rng->legacy);
    if (!r) return NULL;
    r->rs = rng->rs;
    memset(&r->rs.binom, 0, sizeof r->rs.binom);
    r->rs.has_gauss = 0; /* a fresh bit generator: no cached legacy Gaussian */
    r->rs.gauss = 0.0;
    nd__bitgen_jump(&r->rs.bg, jumps);
    return r;
}

int nd_rng_advance_words(nd_rng *rng, const uint64_t *delta, int n) {
    if (!rng || (!delta && n > 0) || n < 0) return nd_error_set(ND_ERR_VALUE, "invalid advance arguments");
    if (!can_advance(rng)) return nd_error_set(ND_ERR_NOT_SUPPORTED, "advance is not supported for this bit generator");
    nd__bitgen_advance(&rng->rs.bg, delta, n);
    return 0;
}

int nd_rng_advance(nd_rng *rng, uint64_t delta) { return nd_rng_advance_words(rng, &delta, 1); }

int nd_rng_get_state(const nd_rng *rng, nd_rng_state *st) {
    if (!st) return nd_error_set(ND_ERR_VALUE, "NULL state");
    nd_rng *r = nd__rng_acquire((nd_rng *)rng);
    memset(st, 0, sizeof *st);
    const nd__bitgen *bg = &r->rs.bg;
    st->kind = (nd_bitgen)bg->kind;
    st->legacy = r->legacy;
    switch (bg->kind) {
    case ND__BG_PCG64:
    case ND__BG_PCG64DXSM:
        st->pcg_state[0] = (uint64_t)(bg->u.pcg.state >> 64);
        st->pcg_state[1] = (uint64_t)bg->u.pcg.state;
        st->pcg_inc[0] = (uint64_t)(bg->u.pcg.inc >> 64);
        st->pcg_inc[1] = (uint64_t)bg->u.pcg.inc;
        break;
    case ND__BG_MT19937:
        memcpy(st->mt_key, bg->u.mt.key, sizeof st->mt_key);
        st->mt_pos = bg->u.mt.pos;
        break;
    case ND__BG_PHILOX:
        memcpy(st->philox_counter, bg->u.philox.ctr, sizeof st->philox_counter);
        memcpy(st->philox_key, bg->u.philox.key, sizeof st->philox_key);
        memcpy(st->philox_buffer, bg->u.philox.buffer, sizeof st->philox_buffer);
        st->philox_buffer_pos = bg->u.philox.buffer_pos;
        break;
    case ND__BG_SFC64:
        memcpy(st->sfc64, bg->u.sfc.s, sizeof st->sfc64);
        break;
    }
    st->has_uint32 = bg->has_uint32;
    st->uinteger = bg->uinteger;
    st->has_gauss = r->rs.has_gauss;
    st->gauss = r->rs.gauss;
    nd__rng_release((nd_rng *)rng);
    return 0;
}

int nd_rng_set_state(nd_rng *rng, const nd_rng_state *st) {
    if (!st) return nd_error_set(ND_ERR_VALUE, "NULL state");
    nd_rng *r = nd__rng_acquire(rng);
    int rc = 0;
    nd__bitgen *bg = &r->rs.bg;
    if ((nd__bg_kind)st->kind != bg->kind || (st->mt_pos < 0 || st->mt_pos > 624) ||
        st->philox_buffer_pos < 0 || st->philox_buffer_pos > 4) {
        rc = nd_error_set(ND_ERR_VALUE, "state must be for a %s PRNG",
                          (const char *[]){ "PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64" }[bg->kind]);
    } else {
        switch (bg->kind) {
        case ND__BG_PCG64:
        case ND__BG_PCG64DXSM:
            bg->u.pcg.state = ((nd__u128)st->pcg_state[0] << 64) | st->pcg_state[1];
            bg->u.pcg.inc = ((nd__u128)st->pcg_inc[0] << 64) | st->pcg_inc[1];
            break;
        case ND__BG_MT19937:
            memcpy(bg->u.mt.key, st->mt_key, sizeof st->mt_key);
            bg->u.mt.pos = st->mt_pos;
            break;
        case ND__BG_PHILOX:
            memcpy(bg->u.philox.ctr, st->philox_counter, sizeof st->philox_counter);
            memcpy(bg->u.philox.key, st->philox_key, sizeof st->philox_key);
            memcpy(bg->u.philox.buffer, st->philox_buffer, sizeof st->philox_buffer);
            bg->u.philox.buffer_pos = st->philox_buffer_pos;
            break;
        case ND__BG_SFC64:
            memcpy(bg->u.sfc.s, st->sfc64, sizeof st->sfc64);
            break;
        }
        bg->has_uint32 = st->has_uint32;
        bg->uinteger = st->uinteger;
        r->rs.has_gauss = st->has_gauss;
        r->rs.gauss = st->gauss;
    }
    nd__rng_release(rng);
    return rc;
}

uint64_t nd_rng_next_uint64(nd_rng *rng) {
    nd_rng *r = nd__rng_acquire(rng);
    uint64_t v = nd__next_u64(&r->rs.bg);
    nd__rng_release(rng);
    return v;
}
uint32_t nd_rng_next_uint32(nd_rng *rng) {
    nd_rng *r = nd__rng_acquire(rng);
    uint32_t v = nd__next_u32(&r->rs.bg);
    nd__rng_release(rng);
    return v;
}
double nd_rng_next_double(nd_rng *rng) {
    nd_rng *r = nd__rng_acquire(rng);
    double v = nd__next_double(&r->rs.bg);
    nd__rng_release(rng);
    return v;
}
float nd_rng_next_float(nd_rng *rng) {
    nd_rng *r = nd__rng_acquire(rng);
    float v = nd__next_float(&r->rs.bg);
    nd__rng_release(rng);
    return v;
}

/* ------------------------------------------------------------ parameters */

nd_rparam nd_rparam_array_(const nd_array *a) { return (nd_rparam){ .a = a }; }
nd_rparam nd_rparam_int_(long long x) { return (nd_rparam){ .v = nd_value_int(x) }; }
nd_rparam nd_rparam_uint_(unsigned long long x) { return (nd_rparam){ .v = nd_value_uint(x) }; }
nd_rparam nd_rparam_double_(double x) { return (nd_rparam){ .v = nd_value_double(x) }; }
nd_rparam nd_rparam_value_(nd_value v) { return (nd_rparam){ .v = v }; }
nd_rparam nd_rparam_id_(nd_rparam p) { return p; }
