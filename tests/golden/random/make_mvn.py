#!/usr/bin/python3
"""NumPy 1.24's multivariate_normal outputs as golden text for tests/test_random_mvn.c.
Run: /usr/bin/python3 make_mvn.py   (writes mvn.txt beside this script)

Exact equality is expected only when nd uses the LAPACK backend (the same gesdd /
syevd / potrf and dgemm / dgemv as NumPy's OpenBLAS); the test says so.

mvn.txt, one case as four lines:
    C <kind> <method> <seed> <check_valid> <nsize> <dims...> <k>
        kind: G = default_rng(seed), L = RandomState(seed), N = np.random.seed(seed)
        then np.random.multivariate_normal; method '-' = not given; nsize -1 = size None
    M <k mean values>
    V <k*k cov values, C order>
    O <count> <values, C order>
Values are float.hex() (exact).
"""
import os
import warnings

import numpy as np

assert np.__version__.startswith('1.24'), np.__version__
here = os.path.dirname(os.path.abspath(__file__))


def spd(k, seed):
    a = np.random.RandomState(seed).standard_normal((k, k))
    return a @ a.T + 0.1 * np.eye(k)


m3 = np.array([1.0, -2.0, 0.5])
c3 = np.array([[2.0, 0.5, 0.3], [0.5, 1.0, -0.2], [0.3, -0.2, 0.7]])
CASES = [
    # (mean, cov, size, generator methods)
    (m3, c3, None),
    (m3, c3, 1),
    (m3, c3, 7),
    (m3, c3, (2, 3)),
    (m3, c3, 200),
    (np.array([0.0]), np.array([[4.0]]), None),
    (np.array([0.0]), np.array([[4.0]]), 6),
    (np.zeros(2), np.array([[1.0, 1.0], [1.0, 1.0]]), 5),   # singular PSD
    (np.zeros(2), np.eye(2), 5),                             # equal singular values
    (np.arange(5.0), spd(5, 3), 40),
    (np.linspace(-1, 1, 9), spd(9, 4), 30),
    (np.zeros(3), c3, (0,)),
    (np.ones(4), spd(4, 5), None),
    (np.ones(5), spd(5, 6), None),
    (np.ones(2), spd(2, 7), None),
    (np.ones(16), spd(16, 8), 50),
    (np.ones(33), spd(33, 9), 20),
    (np.ones(33), spd(33, 9), None),
]
NOT_PSD = (np.zeros(2), np.array([[1.0, 2.0], [2.0, 1.0]]), 4)


def h(v):
    return ' '.join(float(x).hex() for x in np.ravel(v))


def draw(kind, method, seed, mean, cov, size, check_valid='warn'):
    kw = {} if method == '-' else {'method': method}
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        if kind == 'G':
            return np.random.default_rng(seed).multivariate_normal(mean, cov, size, check_valid, **kw)
        if kind == 'L':
            return np.random.RandomState(seed).multivariate_normal(mean, cov, size, check_valid)
        np.random.seed(seed)
        return np.random.multivariate_normal(mean, cov, size, check_valid)


def main():
    lines = []

    def case(kind, method, seed, mean, cov, size, check_valid='warn'):
        out = draw(kind, method, seed, mean, cov, size, check_valid)
        dims = [] if size is None else list(np.atleast_1d(size))
        ns = -1 if size is None else len(dims)
        lines.append('C %s %s %d %s %d %s%d' % (kind, method, seed, check_valid, ns,
                                               ''.join('%d ' % d for d in dims), len(mean)))
        lines.append('M ' + h(mean))
        lines.append('V ' + h(cov))
        lines.append('O %d %s' % (out.size, h(out)))

    for i, (mean, cov, size) in enumerate(CASES):
        seed = 100 + i
        for method in ('-', 'eigh', 'cholesky'):
            if method == 'cholesky' and np.linalg.eigvalsh(cov).min() <= 0:
                continue
            case('G', method, seed, mean, cov, size)
        case('L', '-', seed, mean, cov, size)
    case('N', '-', 7, m3, c3, 4)
    mean, cov, size = NOT_PSD
    for method in ('-', 'eigh'):
        case('G', method, 9, mean, cov, size, 'ignore')
    case('L', '-', 9, mean, cov, size, 'ignore')
    with open(os.path.join(here, 'mvn.txt'), 'w') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
