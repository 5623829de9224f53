#!/usr/bin/python3
"""Golden data for tests/test_sort.c, from NumPy (run with /usr/bin/python3, NumPy 1.24).

Writes <name>.npy inputs and expected outputs plus manifest.txt, one case a line:
  sort NAME AXIS            NAME.npy sorted / argsorted stably along AXIS ('N': None):
                            NAME.sort.AXIS.npy, NAME.argsort.AXIS.npy
  search A V SIDE SORTER OUT    np.searchsorted(A, V, side, sorter) == OUT ('-': no sorter)
  lexsort OUT AXIS K1 K2 ...    np.lexsort((K1, K2, ...), axis) == OUT
  sortcx IN OUT                 np.sort_complex(IN) == OUT
Stable results are unique, so the C side compares them exactly; the other kinds are
checked there by properties against the stable result."""
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
lines = []


def save(name, arr):
    np.save(os.path.join(HERE, name + '.npy'), arr, allow_pickle=False)


def sortcase(name, a, axes):
    save(name, a)
    for ax in axes:
        tag = 'N' if ax is None else str(ax)
        save('%s.sort.%s' % (name, tag), np.sort(a, axis=ax, kind='stable'))
        save('%s.argsort.%s' % (name, tag), np.argsort(a, axis=ax, kind='stable'))
        lines.append('sort %s %s' % (name, tag))


rng = np.random.default_rng(1234)

# floats with NaN, infinities, signed zeros and many ties
f = rng.integers(-20, 20, 300).astype(np.float64) / 4
f[rng.integers(0, 300, 25)] = np.nan
f[rng.integers(0, 300, 5)] = np.inf
f[rng.integers(0, 300, 5)] = -np.inf
f[rng.integers(0, 300, 10)] = -0.0
sortcase('f64', f, [-1, None])
sortcase('f32', f.astype(np.float32), [-1])
sortcase('f16', f.astype(np.float16), [-1])
big = rng.standard_normal(5000)
big[rng.integers(0, 5000, 50)] = np.nan
big[rng.integers(0, 5000, 50)] = -0.0
big[rng.integers(0, 5000, 50)] = 0.0
big[::3] = np.round(big[::3], 1)   # ties
sortcase('f64big', big, [-1])
sortcase('f32big', big.astype(np.float32), [-1])
sortcase('f16big', big.astype(np.float16), [-1])
sortcase('f64big_2d', big.reshape(2, 2500), [0, 1])
g = f[:240].reshape(4, 6, 10)
sortcase('f64_3d', g, [-1, 0, 1, None])
# a non-contiguous, negative-stride input (saved contiguous; the C side re-strides it)
sortcase('f64_2d', rng.integers(-5, 5, (37, 23)).astype(np.float64), [0, 1, None])

for dt in ['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64']:
    info = np.iinfo(dt)
    x = rng.integers(info.min, info.max, 2000, dtype=dt, endpoint=True)
    x[::7] = x[3]               # ties
    x[5] = info.min
    x[9] = info.max
    sortcase(dt, x, [-1])
    sortcase(dt + '_2d', rng.integers(0, 9, (20, 30)).astype(dt), [0, -1])
sortcase('bool', rng.integers(0, 2, 1500).astype(np.bool_), [-1])
sortcase('bool_2d', rng.integers(0, 2, (9, 40)).astype(np.bool_), [0, -1])

c = (rng.integers(-3, 3, 200) + 1j * rng.integers(-3, 3, 200)).astype(np.complex128)
c[rng.integers(0, 200, 10)] = complex(np.nan, 1)
c[rng.integers(0, 200, 10)] = complex(1, np.nan)
c[rng.integers(0, 200, 5)] = complex(np.nan, np.nan)
c[rng.integers(0, 200, 5)] = complex(np.inf, -np.inf)
sortcase('c128', c, [-1])
sortcase('c64', c.astype(np.complex64), [-1])
sortcase('c128_2d', c.reshape(10, 20), [0, 1, None])

words = ['', 'a', 'ab', 'abc', 'b', 'ba', 'zz', 'A', 'a b', 'abd', 'aa', 'z']
s = np.array([words[i] for i in rng.integers(0, len(words), 150)], dtype='S3')
sortcase('bytes', s, [-1])
sortcase('bytes_2d', s.reshape(10, 15), [0, None])
uw = words + ['\u00e9', '\u4e2d\u6587', '\U0001f600', 'e\u0301']
u = np.array([uw[i] for i in rng.integers(0, len(uw), 150)], dtype='U4')
sortcase('str', u, [-1])
sortcase('str_2d', u.reshape(15, 10), [0, 1])

# empty and 0-d
sortcase('empty', np.zeros(0), [-1, None])
sortcase('empty_2d', np.zeros((3, 0)), [0, 1, None])
sortcase('one', np.array([7.5]), [-1])
save('zerod', np.array(3.5))
save('zerod.sort.N', np.sort(np.array(3.5), axis=None))

# searchsorted
def search(name, a, v, side='left', sorter=None):
    an, vn = name + '.a', name + '.v'
    save(an, a)
    save(vn, v)
    sn = '-'
    if sorter is not None:
        sn = name + '.sorter'
        save(sn, sorter)
    out = name + '.out.' + side
    save(out, np.searchsorted(a, v, side=side, sorter=sorter))
    lines.append('search %s %s %s %s %s' % (an, vn, side, sn, out))


a = np.sort(rng.integers(0, 50, 200).astype(np.float64))
a[-10:] = np.nan
v = np.concatenate([rng.integers(-5, 55, 300).astype(np.float64) / 1, [np.nan, np.inf, -np.inf]])
perm = rng.permutation(a.size)
cases = [
    ('ss_f64', a, v, None),
    ('ss_f64_sorted_v', a, np.sort(v), None),
    ('ss_sorter', a[perm], v, np.argsort(a[perm], kind='stable')),
    ('ss_i8_f', np.array([1, 2, 2, 3, 100], dtype=np.int8), np.array([2.5, 300., -1., 2.]), None),
    ('ss_u64_i', np.array([0, 5, 2**63, 2**64 - 1], dtype=np.uint64), np.array([-1, 2, 5], dtype=np.int64), None),
    ('ss_i32', np.sort(rng.integers(-100, 100, 1000).astype(np.int32)), rng.integers(-120, 120, (7, 9)).astype(np.int32), None),
    ('ss_0d', np.arange(10), np.array(4), None),
    ('ss_empty_a', np.zeros(0), np.array([1.0, 2.0]), None),
    ('ss_empty_v', np.arange(5.0), np.zeros((2, 0)), None),
    ('ss_str', np.array(['', 'a', 'ab', 'b', 'b', 'ca']), np.array(['b', 'a', 'abc', 'zzz', '']), None),
    ('ss_bytes_str', np.array([b'a', b'bb', b'c']), np.array(['bb', 'b']), None),
    ('ss_c128', np.sort(c), c[:50], None),
    ('ss_f16', np.sort(f.astype(np.float16)), f[:60].astype(np.float16), None),
    # many keys (the sorted-visit path): ties, NaN, keys outside a, with and without sorter
    ('ss_many', np.sort(big[:3000]), np.concatenate([big, [np.inf, -np.inf, 9.0, -9.0]]), None),
    ('ss_many_sorter', big[:3000], big[::-1].copy(), np.argsort(big[:3000], kind='stable')),
    ('ss_many_i16', np.sort(rng.integers(-50, 50, 4000).astype(np.int16)), rng.integers(-60, 60, (50, 80)).astype(np.int16), None),
    ('ss_many_str', np.sort(u), np.concatenate([u] * 20), None),
]
for side in ['left', 'right']:
    for name, sa, sv, so in cases:
        search(name, sa, sv, side, sorter=so)

# lexsort
def lexsort(name, keys, axis=-1):
    names = []
    for i, k in enumerate(keys):
        save('%s.k%d' % (name, i), k)
        names.append('%s.k%d' % (name, i))
    save(name + '.out', np.lexsort(keys, axis=axis))
    lines.append('lexsort %s.out %d %s' % (name, axis, ' '.join(names)))


surn = np.array(['Hertz', 'Galilei', 'Hertz', 'Curie', 'Curie', 'Galilei'])
first = np.array(['Heinrich', 'Galileo', 'Gustav', 'Marie', 'Pierre', 'Vincenzo'])
lexsort('lex_names', [first, surn])
lexsort('lex_mixed', [rng.integers(0, 3, 100), rng.integers(0, 3, 100).astype(np.float32),
                      rng.integers(0, 2, 100).astype(np.bool_)])
k1 = rng.integers(0, 4, (6, 30)).astype(np.float64)
k1[0, :5] = np.nan
lexsort('lex_2d', [k1, rng.integers(0, 3, (6, 30)).astype(np.int16)], axis=-1)
lexsort('lex_2d0', [k1, rng.integers(0, 3, (6, 30)).astype(np.int16)], axis=0)
lexsort('lex_one', [rng.integers(0, 5, 50)])
lexsort('lex_empty', [np.zeros(0), np.zeros(0)])


def sortcx(name, a):
    save(name + '.in', a)
    save(name + '.out', np.sort_complex(a))
    lines.append('sortcx %s.in %s.out' % (name, name))


sortcx('scx_i16', rng.integers(-9, 9, (3, 7)).astype(np.int16))
sortcx('scx_u8', rng.integers(0, 9, 20).astype(np.uint8))
sortcx('scx_f32', f[:50].astype(np.float32))
sortcx('scx_i64', rng.integers(-9, 9, 20))
sortcx('scx_c64', c[:40].astype(np.complex64))
sortcx('scx_bool', rng.integers(0, 2, 20).astype(np.bool_))

with open(os.path.join(HERE, 'manifest.txt'), 'w') as fh:
    fh.write('\n'.join(lines) + '\n')
