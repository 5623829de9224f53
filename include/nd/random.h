/* nd/random.h: np.random — SeedSequence, the bit generators (PCG64, PCG64DXSM,
 * MT19937, Philox, SFC64), Generator and the legacy RandomState.  Include <nd.h>.
 *
 * One handle type, nd_rng, is either a Generator (default_rng, any bit generator) or a
 * legacy RandomState (MT19937 with NumPy's legacy algorithms): every distribution
 * takes it first and uses its kind's algorithm ("the handle decides").  NULL means the
 * global legacy RandomState of np.random.* (seeded by nd_random_seed; guarded by a
 * mutex, so it may be used from several threads).  A non-NULL handle must be used by
 * one thread at a time: give each thread its own (nd_rng_spawn or nd_rng_jumped).
 *
 * Streams equal NumPy 1.24's bit for bit for the same seed (see the README's cheat
 * sheet for which methods are verified bit-exact).
 *
 * Distributions:  nd_array *x = nd_random_normal(rng, 0.0, 2.0, .size = ND_SHAPE(3, 4));
 *  - parameters are C numbers or nd_array * (broadcast as in NumPy);
 *  - .size: the output shape; not given: the broadcast shape of the parameters (a 0-d
 *    array when they are all scalars);
 *  - .dtype: float32 or float64 where NumPy has dtype= (random, standard_normal,
 *    standard_exponential, standard_gamma), any integer type or bool for integers;
 *  - .out: write into this array (dtype and shape must fit) and return it (not a new
 *    reference).
 * Each returns a new array the caller frees with nd_free, or NULL with NumPy's error
 * (e.g. ValueError "scale < 0"); a failed call draws nothing. */
#ifndef ND_RANDOM_H
#define ND_RANDOM_H

#include "core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------ SeedSequence */

/** np.random.SeedSequence. Opaque; free with nd_seedseq_free. */
typedef struct nd_seedseq nd_seedseq;

typedef struct nd_seedseq_opts {
    int _;
    const uint64_t *spawn_key; /* spawn_key=(k0, k1, ...) */
    int n_spawn_key;
    int pool_size;             /* 0: 4 */
} nd_seedseq_opts;

/** SeedSequence([e0, e1, ...]) from n >= 1 integers (n == 1 is SeedSequence(e0)).
 *  NULL + ValueError on bad arguments. */
nd_seedseq *nd_seedseq_new_ex(const uint64_t *entropy, int n, const nd_seedseq_opts *o);
#define nd_seedseq_new(entropy, n, ...) nd_seedseq_new_ex((entropy), (n), &(nd_seedseq_opts){ ._ = 0, __VA_ARGS__ })
/** SeedSequence(entropy) where entropy is given as n >= 1 32-bit digits, least
 *  significant first: a big integer (2**100 + 12345 is {12345, 0, 0, 16}) or a uint32
 *  array. */
nd_seedseq *nd_seedseq_from_words_ex(const uint32_t *words, int n, const nd_seedseq_opts *o);
#define nd_seedseq_from_words(words, n, ...) nd_seedseq_from_words_ex((words), (n), &(nd_seedseq_opts){ ._ = 0, __VA_ARGS__ })
/** SeedSequence(None): 128 bits of fresh OS entropy.  Read them back with
 *  nd_seedseq_entropy and pass them to nd_seedseq_from_words to repeat a run. */
nd_seedseq *nd_seedseq_os(void);
/** The entropy as 32-bit digits (ss.entropy): writes up to cap words, returns the count. */
int nd_seedseq_entropy(const nd_seedseq *ss, uint32_t *words, int cap);
/** ss.generate_state(n, np.uint32) / (n, np.uint64) into out.  0, or -1 on NULL args. */
int nd_seedseq_generate_state_u32(const nd_seedseq *ss, uint32_t *out, int64_t n);
int nd_seedseq_generate_state_u64(const nd_seedseq *ss, uint64_t *out, int64_t n);
/** ss.spawn(n): n new children (caller frees each); the parent's counter advances. 0 / -1. */
int nd_seedseq_spawn(nd_seedseq *ss, int n, nd_seedseq **children);
nd_seedseq *nd_seedseq_copy(const nd_seedseq *ss);
void nd_seedseq_free(nd_seedseq *ss);

/* ------------------------------------------------------------ handles */

typedef struct nd_rng nd_rng;

/** The bit generators of numpy.random. */
typedef enum nd_bitgen {
    ND_BITGEN_PCG64 = 0, /* default_rng's */
    ND_BITGEN_PCG64DXSM,
    ND_BITGEN_MT19937,
    ND_BITGEN_PHILOX,
    ND_BITGEN_SFC64
} nd_bitgen;

/** np.random.default_rng(seed): Generator(PCG64(SeedSequence(seed))). */
nd_rng *nd_random_default_rng(uint64_t seed);
/** default_rng([s0, s1, ...]). */
nd_rng *nd_random_default_rng_list(const uint64_t *seed, int n);
/** default_rng(None): fresh OS entropy; nd_rng_seedseq + nd_seedseq_entropy read it back. */
nd_rng *nd_random_default_rng_os(void);
/** np.random.Generator(BitGen(seed_seq)): any bit generator seeded from a SeedSequence
 *  (copied; NULL: fresh OS entropy). */
nd_rng *nd_random_generator(nd_bitgen kind, const nd_seedseq *ss);
/** Generator(Philox(key=key, counter=counter)): key 128 bits {lo, hi}, counter 256 bits
 *  (NULL: 0). */
nd_rng *nd_random_philox_key(const uint64_t key[2], const uint64_t counter[4]);
/** np.random.RandomState(seed) (MT19937, init_genrand). */
nd_rng *nd_random_RandomState(uint32_t seed);
/** RandomState([s0, ...]) (init_by_array; n >= 1). */
nd_rng *nd_random_RandomState_list(const uint32_t *seed, int n);
/** RandomState(None): seeded from OS entropy. */
nd_rng *nd_random_RandomState_os(void);
/** Release a handle (NULL is fine; never the global). */
void nd_rng_free(nd_rng *rng);

/** np.random.seed(seed): reseeds the global RandomState (and clears its Gaussian cache). */
int nd_random_seed(uint32_t seed);
/** np.random.seed([s0, ...]). */
int nd_random_seed_list(const uint32_t *seed, int n);
/** np.random.seed(None). */
int nd_random_seed_os(void);

/** True for a Generator, false for a RandomState (or the global, NULL). */
bool nd_rng_is_generator(const nd_rng *rng);
nd_bitgen nd_rng_bitgen(const nd_rng *rng);
/** The SeedSequence the handle was seeded from (borrowed), NULL if none (legacy seeding,
 *  Philox key, set_state). */
const nd_seedseq *nd_rng_seedseq(const nd_rng *rng);
/** Generator.spawn(n) (NumPy >= 1.25): n independent Generators of the same bit
 *  generator kind from spawned SeedSequences.  0, or -1 (no SeedSequence: ValueError). */
int nd_rng_spawn(nd_rng *rng, int n, nd_rng **children);
/** bit_generator.jumped(jumps) as a new handle of the same kind: PCG64/PCG64DXSM (jumps * 0x9e37...),
 *  Philox (jumps * 2**128), MT19937 (2**128 words per jump, NumPy's jump polynomial; a
 *  RandomState handle gives a RandomState).  SFC64: ND_ERR_NOT_SUPPORTED (NumPy has none). */
nd_rng *nd_rng_jumped(const nd_rng *rng, uint64_t jumps);
/** bit_generator.advance(delta) for PCG64, PCG64DXSM and Philox. 0 or -1. */
int nd_rng_advance(nd_rng *rng, uint64_t delta);
/** advance with a big delta: n little-endian 64-bit words (mod 2**128 / 2**256). */
int nd_rng_advance_words(nd_rng *rng, const uint64_t *delta, int n);

/** The state of a handle (bit_generator.state / RandomState.get_state()), a plain
 *  struct to save and restore. */
typedef struct nd_rng_state {
    nd_bitgen kind;
    bool legacy;                    /* RandomState */
    /* PCG64 / PCG64DXSM: 128-bit state and inc as {hi, lo} words */
    uint64_t pcg_state[2], pcg_inc[2];
    /* MT19937 */
    uint32_t mt_key[624];
    int mt_pos;
    /* Philox */
    uint64_t philox_counter[4], philox_key[2], philox_buffer[4];
    int philox_buffer_pos;
    /* SFC64: a, b, c, counter */
    uint64_t sfc64[4];
    /* 32-bit buffer of the 64-bit generators */
    int has_uint32;
    uint32_t uinteger;
    /* legacy Gaussian cache */
    int has_gauss;
    double gauss;
} nd_rng_state;
/** Copy the state out (NULL rng: the global). 0 or -1. */
int nd_rng_get_state(const nd_rng *rng, nd_rng_state *state);
/** Restore a state; its kind must match the handle's bit generator (ValueError). */
int nd_rng_set_state(nd_rng *rng, const nd_rng_state *state);

/** The bit generator's primitives for C code (no arrays): random_raw, next_uint32
 *  (buffered halves), next_double (53 bits), next_float (24 bits).  NULL: global. */
uint64_t nd_rng_next_uint64(nd_rng *rng);
uint32_t nd_rng_next_uint32(nd_rng *rng);
double nd_rng_next_double(nd_rng *rng);
float nd_rng_next_float(nd_rng *rng);

/* ------------------------------------------------------------ parameters and options */

/** A distribution parameter: a C number or an array (see ND_RPARAM). */
typedef struct nd_rparam {
    const nd_array *a; /* non-NULL: array-valued */
    nd_value v;        /* otherwise this scalar */
} nd_rparam;
nd_rparam nd_rparam_array_(const nd_array *a);
nd_rparam nd_rparam_int_(long long x);
nd_rparam nd_rparam_uint_(unsigned long long x);
nd_rparam nd_rparam_double_(double x);
nd_rparam nd_rparam_value_(nd_value v);
nd_rparam nd_rparam_id_(nd_rparam p);
/** Any C number, nd_value or nd_array * as a parameter. */
#define ND_RPARAM(x) _Generic((x), \
    nd_array *: nd_rparam_array_, const nd_array *: nd_rparam_array_, \
    nd_rparam: nd_rparam_id_, nd_value: nd_rparam_value_, \
    _Bool: nd_rparam_int_, char: nd_rparam_int_, signed char: nd_rparam_int_, short: nd_rparam_int_, \
    int: nd_rparam_int_, long: nd_rparam_int_, long long: nd_rparam_int_, \
    unsigned char: nd_rparam_uint_, unsigned short: nd_rparam_uint_, unsigned int: nd_rparam_uint_, \
    unsigned long: nd_rparam_uint_, unsigned long long: nd_rparam_uint_, \
    float: nd_rparam_double_, double: nd_rparam_double_)(x)

/** Options shared by every method (each uses the fields NumPy's method has). */
typedef struct nd_random_opts {
    int _;
    nd_shape_t size;         /* size=: ndim 0 with dims NULL means None */
    const nd_dtype_t *dtype; /* dtype= (NULL: NumPy's default) */
    nd_array *out;           /* out= */
    bool endpoint;           /* integers: endpoint=True */
    bool no_replace;         /* choice: replace=False */
    bool no_shuffle;         /* choice: shuffle=False */
    const nd_array *p;       /* choice: p= (1-d float64-convertible) */
    nd_axes axis;            /* choice / permutation / shuffle / permuted: axis= */
    const char *method;      /* standard_exponential: "zig" (default) / "inv";
                                multivariate_normal: "svd" (default), "eigh", "cholesky" */
    const char *check_valid; /* multivariate_normal: "warn" (default), "raise", "ignore" */
    double tol;              /* multivariate_normal: tol= when tol_set (default 1e-8) */
    bool tol_set;
} nd_random_opts;
#define ND_RANDOM_OPTS_(...) (&(nd_random_opts){ ._ = 0, __VA_ARGS__ })

/* ------------------------------------------------------------ methods
 * NumPy: Generator.<name> for a Generator handle, RandomState.<name> otherwise. */

/** random(size, dtype=float64|float32) / random_sample. */
nd_array *nd_random_random_ex(nd_rng *rng, const nd_random_opts *o);
#define nd_random_random(rng, ...) nd_random_random_ex((rng), ND_RANDOM_OPTS_(__VA_ARGS__))
/** integers(low, high, size, dtype=int64, endpoint) (Generator, Lemire) or
 *  randint(low, high, size, dtype) (RandomState, masked).  high not wanted: use
 *  nd_random_integers1 (interval [0, low)). */
nd_array *nd_random_integers_ex(nd_rng *rng, nd_rparam low, nd_rparam high, const nd_random_opts *o);
#define nd_random_integers(rng, low, high, ...) nd_random_integers_ex((rng), ND_RPARAM(low), ND_RPARAM(high), ND_RANDOM_OPTS_(__VA_ARGS__))
#define nd_random_integers1(rng, high, ...) nd_random_integers_ex((rng), ND_RPARAM(0), ND_RPARAM(high), ND_RANDOM_OPTS_(__VA_ARGS__))
#define nd_random_randint nd_random_integers
/** uniform(low=0, high=1). */
nd_array *nd_random_uniform_ex(nd_rng *rng, nd_rparam low, nd_rparam high, const nd_random_opts *o);
#define nd_random_uniform(rng, low, high, ...) nd_random_uniform_ex((rng), ND_RPARAM(low), ND_RPARAM(high), ND_RANDOM_OPTS_(__VA_ARGS__))
/** standard_normal(size, dtype). */
nd_array *nd_random_standard_normal_ex(nd_rng *rng, const nd_random_opts *o);
#define nd_random_standard_normal(rng, ...) nd_random_standard_normal_ex((rng), ND_RANDOM_OPTS_(__VA_ARGS__))
/** normal(loc, scale). */
nd_array *nd_random_normal_ex(nd_rng *rng, nd_rparam loc, nd_rparam scale, const nd_random_opts *o);
#define nd_random_normal(rng, loc, scale, ...) nd_random_normal_ex((rng), ND_RPARAM(loc), ND_RPARAM(scale), ND_RANDOM_OPTS_(__VA_ARGS__))
/** standard_exponential(size, dtype, method). */
nd_array *nd_random_standard_exponential_ex(nd_rng *rng, const nd_random_opts *o);
#define nd_random_standard_exponential(rng, ...) nd_random_standard_exponential_ex((rng), ND_RANDOM_OPTS_(__VA_ARGS__))

/* One-, two- and three-parameter distributions: nd_random_<name>(rng, params..., opts). */
#define ND_RANDOM_DIST1_(X) \
    X(exponential) X(standard_gamma) X(chisquare) X(standard_t) X(pareto) X(weibull) \
    X(power) X(rayleigh) X(poisson) X(geometric) X(zipf) X(logseries)
#define ND_RANDOM_DIST2_(X) \
    X(gamma) X(beta) X(f) X(noncentral_chisquare) X(lognormal) X(logistic) X(laplace) \
    X(gumbel) X(vonmises) X(wald) X(binomial) X(negative_binomial)
#define ND_RANDOM_DIST3_(X) X(noncentral_f) X(triangular) X(hypergeometric)

#define ND_RANDOM_DECL1_(name) nd_array *nd_random_##name##_ex(nd_rng *rng, nd_rparam a, const nd_random_opts *o);
#define ND_RANDOM_DECL2_(name) nd_array *nd_random_##name##_ex(nd_rng *rng, nd_rparam a, nd_rparam b, const nd_random_opts *o);
#define ND_RANDOM_DECL3_(name) nd_array *nd_random_##name##_ex(nd_rng *rng, nd_rparam a, nd_rparam b, nd_rparam c, const nd_random_opts *o);
ND_RANDOM_DIST1_(ND_RANDOM_DECL1_)
ND_RANDOM_DIST2_(ND_RANDOM_DECL2_)
ND_RANDOM_DIST3_(ND_RANDOM_DECL3_)

/** exponential(scale=1). */
#define nd_random_exponential(rng, scale, ...) nd_random_exponential_ex((rng), ND_RPARAM(scale), ND_RANDOM_OPTS_(__VA_ARGS__))
/** standard_gamma(shape, dtype). */
#define nd_random_standard_gamma(rng, shape, ...) nd_random_standard_gamma_ex((rng), ND_RPARAM(shape), ND_RANDOM_OPTS_(__VA_ARGS__))
/** chisquare(df). */
#define nd_random_chisquare(rng, df, ...) nd_random_chisquare_ex((rng), ND_RPARAM(df), ND_RANDOM_OPTS_(__VA_ARGS__))
/** standard_t(df). */
#define nd_random_standard_t(rng, df, ...) nd_random_standard_t_ex((rng), ND_RPARAM(df), ND_RANDOM_OPTS_(__VA_ARGS__))
/** pareto(a). */
#define nd_random_pareto(rng, a, ...) nd_random_pareto_ex((rng), ND_RPARAM(a), ND_RANDOM_OPTS_(__VA_ARGS__))
/** weibull(a). */
#define nd_random_weibull(rng, a, ...) nd_random_weibull_ex((rng), ND_RPARAM(a), ND_RANDOM_OPTS_(__VA_ARGS__))
/** power(a). */
#define nd_random_power(rng, a, ...) nd_random_power_ex((rng), ND_RPARAM(a), ND_RANDOM_OPTS_(__VA_ARGS__))
/** rayleigh(scale=1). */
#define nd_random_rayleigh(rng, scale, ...) nd_random_rayleigh_ex((rng), ND_RPARAM(scale), ND_RANDOM_OPTS_(__VA_ARGS__))
/** poisson(lam) -> int64. */
#define nd_random_poisson(rng, lam, ...) nd_random_poisson_ex((rng), ND_RPARAM(lam), ND_RANDOM_OPTS_(__VA_ARGS__))
/** geometric(p) -> int64. */
#define nd_random_geometric(rng, p, ...) nd_random_geometric_ex((rng), ND_RPARAM(p), ND_RANDOM_OPTS_(__VA_ARGS__))
/** zipf(a) -> int64. */
#define nd_random_zipf(rng, a, ...) nd_random_zipf_ex((rng), ND_RPARAM(a), ND_RANDOM_OPTS_(__VA_ARGS__))
/** logseries(p) -> int64. */
#define nd_random_logseries(rng, p, ...) nd_random_logseries_ex((rng), ND_RPARAM(p), ND_RANDOM_OPTS_(__VA_ARGS__))
/** gamma(shape, scale). */
#define nd_random_gamma(rng, shape, scale, ...) nd_random_gamma_ex((rng), ND_RPARAM(shape), ND_RPARAM(scale), ND_RANDOM_OPTS_(__VA_ARGS__))
/** beta(a, b). */
#define nd_random_beta(rng, a, b, ...) nd_random_beta_ex((rng), ND_RPARAM(a), ND_RPARAM(b), ND_RANDOM_OPTS_(__VA_ARGS__))
/** f(dfnum, dfden). */
#define nd_random_f(rng, dfnum, dfden, ...) nd_random_f_ex((rng), ND_RPARAM(dfnum), ND_RPARAM(dfden), ND_RANDOM_OPTS_(__VA_ARGS__))
/** noncentral_chisquare(df, nonc). */
#define nd_random_noncentral_chisquare(rng, df, nonc, ...) nd_random_noncentral_chisquare_ex((rng), ND_RPARAM(df), ND_RPARAM(nonc), ND_RANDOM_OPTS_(__VA_ARGS__))
/** lognormal(mean, sigma). */
#define nd_random_lognormal(rng, mean, sigma, ...) nd_random_lognormal_ex((rng), ND_RPARAM(mean), ND_RPARAM(sigma), ND_RANDOM_OPTS_(__VA_ARGS__))
/** logistic(loc, scale). */
#define nd_random_logistic(rng, loc, scale, ...) nd_random_logistic_ex((rng), ND_RPARAM(loc), ND_RPARAM(scale), ND_RANDOM_OPTS_(__VA_ARGS__))
/** laplace(loc, scale). */
#define nd_random_laplace(rng, loc, scale, ...) nd_random_laplace_ex((rng), ND_RPARAM(loc), ND_RPARAM(scale), ND_RANDOM_OPTS_(__VA_ARGS__))
/** gumbel(loc, scale). */
#define nd_random_gumbel(rng, loc, scale, ...) nd_random_gumbel_ex((rng), ND_RPARAM(loc), ND_RPARAM(scale), ND_RANDOM_OPTS_(__VA_ARGS__))
/** vonmises(mu, kappa). */
#define nd_random_vonmises(rng, mu, kappa, ...) nd_random_vonmises_ex((rng), ND_RPARAM(mu), ND_RPARAM(kappa), ND_RANDOM_OPTS_(__VA_ARGS__))
/** wald(mean, scale). */
#define nd_random_wald(rng, mean, scale, ...) nd_random_wald_ex((rng), ND_RPARAM(mean), ND_RPARAM(scale), ND_RANDOM_OPTS_(__VA_ARGS__))
/** binomial(n, p) -> int64. */
#define nd_random_binomial(rng, n, p, ...) nd_random_binomial_ex((rng), ND_RPARAM(n), ND_RPARAM(p), ND_RANDOM_OPTS_(__VA_ARGS__))
/** negative_binomial(n, p) -> int64. */
#define nd_random_negative_binomial(rng, n, p, ...) nd_random_negative_binomial_ex((rng), ND_RPARAM(n), ND_RPARAM(p), ND_RANDOM_OPTS_(__VA_ARGS__))
/** noncentral_f(dfnum, dfden, nonc). */
#define nd_random_noncentral_f(rng, dfnum, dfden, nonc, ...) nd_random_noncentral_f_ex((rng), ND_RPARAM(dfnum), ND_RPARAM(dfden), ND_RPARAM(nonc), ND_RANDOM_OPTS_(__VA_ARGS__))
/** triangular(left, mode, right). */
#define nd_random_triangular(rng, left, mode, right, ...) nd_random_triangular_ex((rng), ND_RPARAM(left), ND_RPARAM(mode), ND_RPARAM(right), ND_RANDOM_OPTS_(__VA_ARGS__))
/** hypergeometric(ngood, nbad, nsample) -> int64. */
#define nd_random_hypergeometric(rng, ngood, nbad, nsample, ...) nd_random_hypergeometric_ex((rng), ND_RPARAM(ngood), ND_RPARAM(nbad), ND_RPARAM(nsample), ND_RANDOM_OPTS_(__VA_ARGS__))

/** standard_cauchy(size). */
nd_array *nd_random_standard_cauchy_ex(nd_rng *rng, const nd_random_opts *o);
#define nd_random_standard_cauchy(rng, ...) nd_random_standard_cauchy_ex((rng), ND_RANDOM_OPTS_(__VA_ARGS__))

/** choice(a, size, replace, p, axis, shuffle) where a is an integer (np.arange(a)).
 *  Result int64. */
nd_array *nd_random_choice_ex(nd_rng *rng, int64_t a, const nd_random_opts *o);
#define nd_random_choice(rng, a, ...) nd_random_choice_ex((rng), (a), ND_RANDOM_OPTS_(__VA_ARGS__))
/** choice(array, ...): picks along .axis (default 0). */
nd_array *nd_random_choice_array_ex(nd_rng *rng, const nd_array *a, const nd_random_opts *o);
#define nd_random_choice_array(rng, a, ...) nd_random_choice_array_ex((rng), (a), ND_RANDOM_OPTS_(__VA_ARGS__))
/** shuffle(x, axis=0) in place (RandomState: axis 0 only).  0 or -1. */
int nd_random_shuffle_ex(nd_rng *rng, nd_array *x, const nd_random_opts *o);
#define nd_random_shuffle(rng, x, ...) nd_random_shuffle_ex((rng), (x), ND_RANDOM_OPTS_(__VA_ARGS__))
/** permutation(n): a shuffled arange(n) (int64). */
nd_array *nd_random_permutation_ex(nd_rng *rng, int64_t n, const nd_random_opts *o);
#define nd_random_permutation(rng, n, ...) nd_random_permutation_ex((rng), (n), ND_RANDOM_OPTS_(__VA_ARGS__))
/** permutation(array, axis=0): a shuffled copy. */
nd_array *nd_random_permutation_array_ex(nd_rng *rng, const nd_array *x, const nd_random_opts *o);
#define nd_random_permutation_array(rng, x, ...) nd_random_permutation_array_ex((rng), (x), ND_RANDOM_OPTS_(__VA_ARGS__))
/** permuted(x, axis=None, out=None) (Generator only). */
nd_array *nd_random_permuted_ex(nd_rng *rng, const nd_array *x, const nd_random_opts *o);
#define nd_random_permuted(rng, x, ...) nd_random_permuted_ex((rng), (x), ND_RANDOM_OPTS_(__VA_ARGS__))
/** bytes(length): writes `length` random bytes to buf. 0 or -1. */
int nd_random_bytes(nd_rng *rng, void *buf, int64_t length);
/** random_raw(size): raw 64-bit outputs (uint64; MT19937: 32-bit words). */
nd_array *nd_random_random_raw_ex(nd_rng *rng, const nd_random_opts *o);
#define nd_random_random_raw(rng, ...) nd_random_random_raw_ex((rng), ND_RANDOM_OPTS_(__VA_ARGS__))

/** multinomial(n, pvals, size) -> int64 of shape size + (len(pvals),). */
nd_array *nd_random_multinomial_ex(nd_rng *rng, int64_t n, const nd_array *pvals, const nd_random_opts *o);
#define nd_random_multinomial(rng, n, pvals, ...) nd_random_multinomial_ex((rng), (n), (pvals), ND_RANDOM_OPTS_(__VA_ARGS__))
/** dirichlet(alpha, size) -> float64 of shape size + (len(alpha),). */
nd_array *nd_random_dirichlet_ex(nd_rng *rng, const nd_array *alpha, const nd_random_opts *o);
#define nd_random_dirichlet(rng, alpha, ...) nd_random_dirichlet_ex((rng), (alpha), ND_RANDOM_OPTS_(__VA_ARGS__))
/** multivariate_normal(mean, cov, size, check_valid, tol, method) -> float64 of shape
 *  size + (k,).  mean is 1-d of length k, cov k x k (any real dtype, cast to float64).
 *  Generator: cov is factored by .method "svd" (default, np.linalg.svd), "eigh" or
 *  "cholesky" and x = mean + z @ factor.T with z = standard_normal(size + (k,)), as
 *  NumPy; RandomState (no .method: TypeError): x = z @ (sqrt(s)[:, None] * vh) + mean.
 *  With the LAPACK backend the values equal NumPy's bit for bit (the same gesdd /
 *  syevd / potrf and dgemm / dgemv calls); the native backend may choose other signs
 *  for singular vectors, so draws differ while the distribution is the same.
 *  If cov is not symmetric positive-semidefinite (svd: vh.T * s @ vh not allclose to cov
 *  with rtol = atol = tol; eigh: an eigenvalue < -tol; cholesky: never checked, the
 *  factorization fails with LinAlgError): "warn" emits "RuntimeWarning: covariance is
 *  not symmetric positive-semidefinite." through the warning handler
 *  (nd_set_warning_handler; the default writes to stderr) and continues, "raise" fails
 *  with that ValueError, "ignore" goes on.  Errors (nothing is drawn): "mean must be 1 dimensional", "cov must be 2
 *  dimensional and square", "mean and cov must have same length", "mean and cov must
 *  not be complex" (TypeError), "method must be one of {'eigh', 'svd', 'cholesky'}",
 *  "check_valid must equal 'warn', 'raise', or 'ignore'", LinAlgError of the factorization. */
nd_array *nd_random_multivariate_normal_ex(nd_rng *rng, const nd_array *mean, const nd_array *cov,
                                           const nd_random_opts *o);
#define nd_random_multivariate_normal(rng, mean, cov, ...) nd_random_multivariate_normal_ex((rng), (mean), (cov), ND_RANDOM_OPTS_(__VA_ARGS__))

/* ------------------------------------------------------------ legacy spellings */

/** np.random.rand(d0, d1, ...) on the global state: nd_random_rand(ND_SHAPE(2, 3)). */
#define nd_random_rand(shape) nd_random_random_ex(NULL, ND_RANDOM_OPTS_(.size = (shape)))
/** np.random.randn(d0, d1, ...) on the global state. */
#define nd_random_randn(shape) nd_random_standard_normal_ex(NULL, ND_RANDOM_OPTS_(.size = (shape)))
#define nd_random_random_sample nd_random_random

#ifdef __cplusplus
}
#endif
#endif
