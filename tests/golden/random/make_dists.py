#!/usr/bin/python3
"""NumPy 1.24's outputs for every distribution, Generator and legacy RandomState, as
golden text for tests/test_random_dists.c.  Run: /usr/bin/python3 make_dists.py

dists.txt, one case a line:
    V <kind> <method> <seed> <n> <params...> : <values...>
        kind: G = default_rng(seed), L = RandomState(seed), N = np.random.seed(seed)
        then np.random.<method> (the global); X, M, P, F = Generator(PCG64DXSM(seed)),
        Generator(MT19937(seed)), Generator(Philox(seed)), Generator(SFC64(seed)).  n values drawn with size=n (multinomial
        and dirichlet: size=n rows; every element listed in C order).  Parameters are
        Python reprs; multinomial's are n then pvals, dirichlet's are alpha.  Float
        values are float.hex() (exact), integers decimal.
    J <kind> <seed> <predraw> <jumps> : <pos> <10 raw words>
        MT19937.jumped(jumps) after predraw raw words; kind G: MT19937(seed),
        L: RandomState(seed)'s bit generator.
    S <kind> <method> <seed> <n> <params...> : <checksum>
        long streams: checksum() of the float64 / int64 (float32 for _f32) result.
    E <kind> <method> <size> <params...> : <exception type> <message>
        NumPy's error (or OK) for invalid parameters; size -1 is None; [x,y] is an
        array parameter.
"""
import os

import numpy as np

assert np.__version__.startswith('1.24'), np.__version__

here = os.path.dirname(os.path.abspath(__file__))

# (method, parameter sets); each set is drawn for both kinds unless noted.
CASES = [
    ('random', [()]),
    ('standard_normal', [()]),
    ('standard_exponential', [()]),
    ('standard_cauchy', [()]),
    ('uniform', [(0.0, 1.0), (-3.0, 5.5)]),
    ('normal', [(0.0, 1.0), (3.0, 2.5)]),
    ('lognormal', [(0.0, 1.0), (1.5, 0.3)]),
    ('exponential', [(1.0,), (2.5,)]),
    ('standard_gamma', [(0.3,), (1.0,), (7.5,)]),
    ('gamma', [(0.5, 2.0), (1.0, 1.0), (3.5, 1.5)]),
    ('beta', [(0.5, 0.5), (0.3, 0.9), (2.0, 3.0), (0.5, 5.0)]),
    ('chisquare', [(1.0,), (5.5,)]),
    ('standard_t', [(1.0,), (10.0,)]),
    ('f', [(3.0, 7.0), (0.5, 20.0)]),
    ('noncentral_chisquare', [(3.0, 2.0), (0.5, 1.5), (4.0, 0.0)]),
    ('noncentral_f', [(3.0, 7.0, 2.0), (0.8, 5.0, 1.0)]),
    ('vonmises', [(0.0, 1e-9), (0.5, 1e-6), (1.0, 4.0), (-2.0, 1e7)]),
    ('wald', [(1.0, 1.0), (3.0, 0.5)]),
    ('laplace', [(0.0, 1.0), (2.0, 0.5)]),
    ('gumbel', [(0.0, 1.0), (2.0, 0.5)]),
    ('logistic', [(0.0, 1.0), (2.0, 0.5)]),
    ('triangular', [(0.0, 0.3, 1.0), (-2.0, 2.0, 2.0), (-1.0, -1.0, 3.0)]),
    ('pareto', [(1.0,), (3.5,)]),
    ('power', [(0.5,), (3.0,)]),
    ('weibull', [(0.5,), (2.0,), (0.0,)]),
    ('rayleigh', [(1.0,), (2.5,)]),
    ('poisson', [(3.0,), (50.0,), (0.0,)]),
    ('binomial', [(10, 0.3), (1000, 0.4), (50, 0.9), (0, 0.5), (7, 0.0)]),
    ('negative_binomial', [(3.0, 0.4), (0.5, 0.9), (100.0, 0.1)]),
    ('geometric', [(0.5,), (0.05,), (1.0,)]),
    ('hypergeometric', [(10, 5, 3), (100, 200, 50), (1000, 10, 900), (5, 0, 5)]),
    ('zipf', [(1.5,), (3.0,)]),
    ('logseries', [(0.3,), (0.9,), (0.999,)]),
    ('multinomial', [(10, 0.2, 0.3, 0.5), (1000, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1),
                     (5, 0.0, 1.0)]),
    ('dirichlet', [(0.5, 1.0, 2.0), (0.05, 0.05, 0.02), (10.0, 3.0)]),
]

SEEDS = [42, 7]
N = 20


K1, K2 = 0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F


def checksum(v):
    """Two weighted sums mod 2^64 of the result's 64-bit words (float32 results: their
    32-bit words) with odd weights (2i+1)*K: any change of one word changes them, and
    they are cheap in an unoptimized C build (test_random_dists.c computes the same)."""
    b = np.ascontiguousarray(v)
    w = b.view(np.uint32 if b.dtype.itemsize == 4 else np.uint64).astype(np.uint64).ravel()
    i = np.arange(w.size, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    with np.errstate(over='ignore'):
        s1 = np.sum(w * (i * np.uint64(K1)), dtype=np.uint64)
        s2 = np.sum((w ^ (w >> np.uint64(29))) * (i * np.uint64(K2)), dtype=np.uint64)
    return '%016x%016x' % (int(s1), int(s2))


def fmt(a):
    a = np.asarray(a)
    if a.dtype.kind == 'f':
        return ' '.join(float(x).hex() for x in a.ravel())
    return ' '.join(str(int(x)) for x in a.ravel())


def call(obj, method, params, size):
    f = getattr(obj, method)
    if method == 'multinomial':
        return f(params[0], list(params[1:]), size=size)
    if method == 'dirichlet':
        return f(list(params), size=size)
    return f(*params, size=size)


OTHER = {'X': np.random.PCG64DXSM, 'M': np.random.MT19937, 'P': np.random.Philox, 'F': np.random.SFC64}


def rng_of(kind, seed):
    if kind in OTHER:
        return np.random.Generator(OTHER[kind](seed))
    if kind == 'G':
        return np.random.default_rng(seed)
    if kind == 'L':
        return np.random.RandomState(seed)
    np.random.seed(seed)
    return np.random


def ptxt(params):
    return ' '.join(repr(p) for p in params)


lines = []
for method, psets in CASES:
    for params in psets:
        for seed in SEEDS:
            for kind in 'GL':
                v = call(rng_of(kind, seed), method, params, N)
                # the global functions equal RandomState(seed)
                if kind == 'L':
                    w = call(rng_of('N', seed), method, params, N)
                    assert np.array_equal(v, w, equal_nan=True), method
                lines.append('V %s %s %d %d %s : %s' % (kind, method, seed, N, ptxt(params), fmt(v)))
# a few through np.random.<name> directly
for method, params in [('beta', (2.0, 3.0)), ('hypergeometric', (100, 200, 50)), ('wald', (1.0, 1.0)),
                       ('zipf', (1.5,)), ('negative_binomial', (3.0, 0.4))]:
    lines.append('V N %s 3 %d %s : %s' % (method, N, ptxt(params), fmt(call(rng_of('N', 3), method, params, N))))

# RandomState allows p == 0 in negative_binomial: Poisson(inf) gives C's cast of inf
lines.append('V L negative_binomial 5 %d 1.0 0.0 : %s' % (N, fmt(rng_of('L', 5).negative_binomial(1.0, 0.0, size=N))))
# parameters broadcast against each other (arrays in C order)
lines.append('V G normal 5 -1 [0.0,10.0,20.0] [1.0] : %s' % fmt(rng_of('G', 5).normal([0.0, 10.0, 20.0], [1.0])))
lines.append('V L binomial 5 -1 [5,50,500] 0.25 : %s' % fmt(rng_of('L', 5).binomial([5, 50, 500], 0.25)))
lines.append('V G hypergeometric 5 -1 [10,100] [20] [5,40] : %s' % fmt(rng_of('G', 5).hypergeometric([10, 100], [20], [5, 40])))

# MT19937.jumped: G = Generator(MT19937(seed)), L = RandomState(seed)'s bit generator;
# predraw 32-bit words are drawn first (the jump starts mid-block)
for kind, seed, pre, jumps in [('G', 42, 0, 1), ('G', 42, 5, 1), ('G', 7, 1000, 2), ('L', 42, 0, 1),
                               ('L', 42, 623, 1), ('L', 3, 624, 3)]:
    bg = np.random.MT19937(seed) if kind == 'G' else np.random.RandomState(seed)._bit_generator
    bg.random_raw(pre)
    j = bg.jumped(jumps)
    lines.append('J %s %d %d %d : %d %s' % (kind, seed, pre, jumps, j.state['state']['pos'],
                                            ' '.join(str(int(x)) for x in j.random_raw(10))))

# choice without replacement: Floyd's algorithm, the tail shuffle, and with p
for kind, seed, pop, n in [('G', 42, 100000, 30), ('G', 5, 10**6, 30000), ('L', 42, 1000, 20)]:
    v = rng_of(kind, seed).choice(pop, n, replace=False)
    lines.append('S %s choice_norep %d %d %d : %s' % (kind, seed, n, pop, checksum(v)))
for kind in 'GL':
    v = rng_of(kind, 3).choice(50, 40, replace=False, p=np.arange(1.0, 51.0) / 1275.0)
    lines.append('V %s choice_p_norep 3 40 50 : %s' % (kind, fmt(v)))
v = rng_of('G', 9).choice(10**9, 10**5, replace=False)
lines.append('S G choice_norep 9 %d %d : %s' % (10**5, 10**9, checksum(v)))

# the other bit generators under Generator's methods
for kind in 'XMPF':
    for method, params in [('random', ()), ('standard_normal', ()), ('exponential', (2.0,)), ('gamma', (0.5, 1.0)),
                           ('gamma', (3.0, 1.0)), ('binomial', (100, 0.4)), ('poisson', (20.0,)),
                           ('hypergeometric', (100, 200, 50)), ('beta', (0.5, 0.5))]:
        lines.append('V %s %s 42 %d %s : %s' % (kind, method, N, ptxt(params),
                                               fmt(call(rng_of(kind, 42), method, params, N))))
    for method, params in [('random', ()), ('standard_normal', ()), ('uniform', (0.0, 1.0))]:
        v = call(rng_of(kind, 42), method, params, 10**5)
        lines.append('S %s %s 42 %d %s : %s' % (kind, method, 10**5, ptxt(params), checksum(v)))

# bytes, and raw output after jumped() / advance(1000) (uint64 words)
for kind in 'GL':
    lines.append('V %s bytes 42 11 : %s' % (kind, ' '.join(str(b) for b in rng_of(kind, 42).bytes(11))))
for kind in 'XP':
    bg = OTHER[kind](42)
    lines.append('S %s jumped_raw 42 100 : %s' % (kind, checksum(bg.jumped(3).random_raw(100))))
    bg = OTHER[kind](42)
    bg.advance(1000)
    lines.append('S %s advance_raw 42 100 : %s' % (kind, checksum(bg.random_raw(100))))

# long streams: 10^6 for the main methods, 10^5 for the rest
MAIN = {'random', 'standard_normal', 'standard_exponential', 'normal', 'uniform', 'exponential'}
for method, psets in CASES:
    n = 10**6 if method in MAIN else 10**5
    params = psets[-1] if method in ('multinomial', 'dirichlet') else psets[0]
    extra = []
    if method in ('gamma', 'beta', 'binomial', 'poisson', 'hypergeometric', 'vonmises', 'logseries',
                  'negative_binomial', 'geometric', 'noncentral_chisquare', 'standard_gamma'):
        extra = psets[1:]
    for p in [params] + list(extra):
        for kind in 'GL':
            m = n // len(p) if method in ('multinomial', 'dirichlet') else n
            v = call(rng_of(kind, 42), method, p, m)
            v = np.ascontiguousarray(v, dtype=np.float64 if v.dtype.kind == 'f' else np.int64)
            lines.append('S %s %s 42 %d %s : %s' % (kind, method, m, ptxt(p), checksum(v)))
# integers over the integer dtypes (Generator integers / RandomState randint)
for kind in 'GL':
    for dt, lo, hi in [('int64', 0, 10**12), ('int64', -5, 100), ('int32', 0, 1000), ('uint8', 0, 200),
                       ('int16', -300, 300), ('bool', 0, 2), ('uint64', 0, 2**64 - 1)]:
        r = rng_of(kind, 42)
        f = r.integers if kind == 'G' else r.randint
        v = f(lo, hi, size=10**5, dtype=dt)
        lines.append('S %s integers_%s 42 %d %d %d : %s' % (kind, dt, 10**5, lo, hi,
                                                             checksum(v.astype(np.int64))))
    if kind == 'G':
        r = rng_of(kind, 42)
        v = r.integers(0, 10, size=10**5, endpoint=True)
        lines.append('S G integers_endpoint 42 %d 0 10 : %s' % (10**5, checksum(v)))
for kind in 'G':
    for dt in ('float32',):
        for method in ('random', 'standard_normal', 'standard_exponential'):
            v = getattr(rng_of(kind, 42), method)(size=10**5, dtype=dt)
            lines.append('S G %s_f32 42 %d : %s' % (method, 10**5, checksum(v)))
        v = rng_of(kind, 42).standard_gamma(2.5, size=10**5, dtype=dt)
        lines.append('S G standard_gamma_f32 42 %d 2.5 : %s' % (10**5, checksum(v)))
        v = rng_of(kind, 42).standard_gamma(0.5, size=10**5, dtype=dt)
        lines.append('S G standard_gamma_f32 42 %d 0.5 : %s' % (10**5, checksum(v)))
    v = rng_of(kind, 42).standard_exponential(size=10**5, method='inv')
    lines.append('S G standard_exponential_inv 42 %d : %s' % (10**5, checksum(v)))

# errors: (method, params[, size]) -> NumPy's exception; a list is an array parameter
inf, nan = float('inf'), float('nan')
BAD = [
    ('normal', (0.0, -1.0)), ('normal', ([0.0], -1.0)), ('exponential', (-1.0,)),
    ('normal', ([0.0, 0.0], [1.0, 1.0, 1.0])), ('normal', ([0.0, 0.0], [1.0, 1.0, 1.0]), 2),
    ('normal', (0.0, [1.0, 1.0]), 3), ('gamma', ([1.0, 1.0], -1.0)),
    ('uniform', (2.0, 1.0)), ('uniform', (0.0, inf)), ('uniform', ([0.0], inf)), ('uniform', ([2.0], 1.0)),
    ('standard_gamma', (-1.0,)), ('gamma', (1.0, -2.0)), ('gamma', (-1.0, 1.0)),
    ('beta', (0.0, 1.0)), ('beta', (1.0, -1.0)), ('chisquare', (0.0,)), ('chisquare', (-1.0,)),
    ('standard_t', (0.0,)), ('f', (0.0, 1.0)), ('f', (1.0, 0.0)),
    ('noncentral_chisquare', (0.0, 1.0)), ('noncentral_chisquare', (1.0, -1.0)),
    ('noncentral_f', (0.0, 1.0, 1.0)), ('noncentral_f', (1.0, 1.0, -1.0)),
    ('vonmises', (0.0, -1.0)), ('wald', (0.0, 1.0)), ('wald', (1.0, 0.0)),
    ('laplace', (0.0, -1.0)), ('gumbel', (0.0, -1.0)), ('logistic', (0.0, -1.0)),
    ('lognormal', (0.0, -1.0)), ('rayleigh', (-1.0,)),
    ('triangular', (1.0, 0.0, 2.0)), ('triangular', (0.0, 3.0, 2.0)), ('triangular', (1.0, 1.0, 1.0)),
    ('triangular', ([0.0, 0.0], [0.5, -1.0], 1.0)),
    ('pareto', (0.0,)), ('power', (0.0,)), ('weibull', (-1.0,)),
    ('poisson', (-1.0,)), ('poisson', (nan,)), ('poisson', (1e19,)), ('poisson', ([-1.0],)),
    ('binomial', (-1, 0.5)), ('binomial', (10, 1.5)), ('binomial', (10, nan)), ('binomial', ([10], 1.5)),
    ('binomial', ([5, -1], 0.5)),
    ('negative_binomial', (0.0, 0.5)), ('negative_binomial', (1.0, 0.0)), ('negative_binomial', (1.0, 1.5)),
    ('geometric', (0.0,)), ('geometric', (1.5,)),
    ('hypergeometric', (-1, 5, 3)), ('hypergeometric', (5, -1, 3)), ('hypergeometric', (5, 5, -1)),
    ('hypergeometric', (5, 5, 11)), ('hypergeometric', (5, 5, 0)), ('hypergeometric', ([5, 5], 5, [3, 11])),
    ('zipf', (1.0,)), ('zipf', (nan,)), ('logseries', (1.0,)), ('logseries', (-0.1,)),
    ('logseries', (nan,)),
    ('multinomial', (-1, 0.5, 0.5)), ('multinomial', (10, -0.1, 1.1)), ('multinomial', (10, nan, 0.5)),
    ('multinomial', (10, 0.6, 0.6, 0.1)),
    ('dirichlet', (0.0, 1.0)), ('dirichlet', (-1.0, 1.0)),
]


def tok(p):
    if isinstance(p, list):
        return '[' + ','.join(repr(x) for x in p) + ']'
    return repr(p)


for case in BAD:
    method, params = case[0], case[1]
    size = case[2] if len(case) > 2 else None
    for kind in 'GL':
        r = rng_of(kind, 1)
        args = [np.array(p) if isinstance(p, list) else p for p in params]
        try:
            if method == 'multinomial':
                call(r, method, args, size)
            elif method == 'dirichlet':
                call(r, method, args, size)
            else:
                getattr(r, method)(*args, size=size)
            msg = 'OK'
        except Exception as e:
            msg = '%s %s' % (type(e).__name__, e)
        lines.append('E %s %s %d %s : %s' % (kind, method, -1 if size is None else size,
                                             ' '.join(tok(p) for p in params), msg))

with open(os.path.join(here, 'dists.txt'), 'w') as f:
    f.write('\n'.join(lines) + '\n')
print(len(lines), 'lines')
