#!/usr/bin/python3
"""Golden data for the float digit primitives of src/print (spec printing.md 6.1).

Writes digits.txt: one case per line, tab separated:
  kind(16/32/64)  bits(hex)  mode(p/s)  precision  min_digits  unique(0/1)  trim
  sign(0/1)  pad_left  pad_right  exp_digits  expected
(-1 = not given).  Made with NumPy's np.format_float_positional/_scientific
(1.24; the digit rules are unchanged in 2.x)."""
import random
import numpy as np

random.seed(12345)
types = {16: (np.float16, np.uint16), 32: (np.float32, np.uint32), 64: (np.float64, np.uint64)}


def values(bits):
    ft, ut = types[bits]
    out = []
    if bits == 16:
        out += [ut(i).view(ft) for i in range(0, 0x7c00, 13)]
    else:
        for e in range(-1074 if bits == 64 else -149, 1024 if bits == 64 else 128, 11):
            p = ft(np.ldexp(1.0, e)) if bits == 64 else ft(np.ldexp(np.float64(1.0), e))
            if np.isfinite(p) and p != 0:
                out += [p, np.nextafter(p, ft(np.inf)), np.nextafter(p, ft(0))]
        nb = bits // 4
        for _ in range(700):
            v = ut(random.getrandbits(bits - 1)).view(ft)
            if np.isfinite(v):
                out.append(v)
    out += [ft(x) for x in (0.1, 0.2, 0.3, 1 / 3, 2 / 3, 0.5, 1.5, 2.5, 1e-4, 9.9e-5, 1e-5,
                            123.456, 65504 if bits == 16 else 1e8, 1.0, 10.0, 0.0)]
    return [v for v in out if np.isfinite(v)]


settings = [  # precision, min_digits, unique, trim
    (None, None, True, 'k'), (None, None, True, '.'), (None, None, True, '0'),
    (None, None, True, '-'), (8, None, True, '.'), (3, None, True, '.'), (0, None, True, '.'),
    (8, 0, True, '.'), (4, 4, True, 'k'), (20, None, False, 'k'), (2, None, False, 'k'),
    (6, 3, True, 'k'), (None, 10, True, 'k'), (1, None, False, '.'),
]

lines = []
for bits in (16, 32, 64):
    ft, ut = types[bits]
    for v in values(bits):
        for k, (P, m, uq, trim) in enumerate(settings):
            for mode in 'ps':
                if random.random() < 0.85:
                    continue
                sign = random.random() < 0.2
                x = -v if random.random() < 0.3 else v
                padl = random.choice([-1, -1, 0, 3, 6])
                padr = random.choice([-1, -1, 0, 4]) if mode == 'p' else -1
                expd = random.choice([-1, -1, 1, 3]) if mode == 's' else -1
                kw = dict(precision=P, unique=uq, trim=trim, sign=sign,
                          pad_left=None if padl < 0 else padl)
                if m is not None:
                    kw['min_digits'] = m
                if mode == 'p':
                    kw['pad_right'] = None if padr < 0 else padr
                    s = np.format_float_positional(x, fractional=True, **kw)
                else:
                    kw['exp_digits'] = None if expd < 0 else expd
                    s = np.format_float_scientific(x, **kw)
                bitsv = int(np.array(x, ft).view(ut))
                lines.append('\t'.join(map(str, [bits, '%x' % bitsv, mode,
                                                 -1 if P is None else P, -1 if m is None else m,
                                                 int(uq), trim, int(sign), padl, padr, expd, s])))

with open(__file__.rsplit('/', 1)[0] + '/digits.txt', 'w') as f:
    f.write('\n'.join(lines) + '\n')
print(len(lines), 'cases')
