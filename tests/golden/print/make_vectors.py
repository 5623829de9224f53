#!/usr/bin/python3
"""Convert tests/golden/specs/print_vectors.json (NumPy 1.24 output) into
vectors.txt, a simple format the C test reads, keeping the vectors whose dtype nd
has (bool, ints, floats 16/32/64, complex 64/128, S, U).  Each input array is
dumped as dtype, shape and raw C-order native bytes, so the C test rebuilds it
exactly.  A few extra cases (views: reversed, transposed, strided) are appended,
their expected text also made by NumPy.

Record format (all lines end with \\n):
  vector <id>
  options <precision> <threshold> <edgeitems> <linewidth> <suppress> <sign> <floatmode> <nanstr> <infstr>
  dtype <name>             e.g. float64, U3, S3
  shape <ndim> <d0> ...
  data <hex bytes>         ('-' when empty)
  view <index>             ('-': none, 'T': transpose, else nd_get text)
  repr <nbytes>
  <bytes>
  str <nbytes>
  <bytes>
"""
import json
import os
import sys
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
spec = os.path.join(here, '..', 'specs', 'print_vectors.json')
vectors = json.load(open(spec))
KINDS = set('biufcSU')
DEF = dict(precision=8, threshold=1000, edgeitems=3, linewidth=75, suppress=False,
           sign='-', floatmode='maxprec', nanstr='nan', infstr='inf')


def enc_sign(s):
    return {'-': 'minus', '+': 'plus', ' ': 'space'}[s]


def record(out, vid, opts, a, view, r, s):
    o = dict(DEF)
    o.update(opts)
    base = np.array(a, order='C')  # (ascontiguousarray would make 0-d arrays 1-d)
    if base.dtype.byteorder == '>':
        base = base.astype(base.dtype.newbyteorder('='))
    kind = base.dtype.kind
    name = base.dtype.name if kind not in 'SU' else '%s%d' % (kind, base.dtype.itemsize // (4 if kind == 'U' else 1))
    out.append('vector %s' % vid)
    out.append('options %d %d %d %d %d %s %s %s %s' % (
        o['precision'], min(o['threshold'], 2**62), o['edgeitems'], o['linewidth'], int(o['suppress']),
        enc_sign(o['sign']), o['floatmode'], o['nanstr'], o['infstr']))
    out.append('dtype %s' % name)
    out.append('shape %d %s' % (base.ndim, ' '.join(map(str, base.shape))))
    out.append('data %s' % (base.tobytes().hex() or '-'))
    out.append('view %s' % view)
    for key, text in (('repr', r), ('str', s)):
        b = text.encode('utf-8')
        out.append('%s %d' % (key, len(b)))
        out.append(text)


out = []
kept = 0
for v in vectors:
    opts = v['options']
    if 'legacy' in opts:
        continue
    a = eval(v['expr'])
    if 'longlong' in v['expr']:
        continue  # nd has one int64 type: np.longlong's separate (non-implied) type is NumPy-only
    if a.dtype.names is not None or a.dtype.kind not in KINDS or a.dtype.itemsize > 16 \
            or a.dtype == np.longdouble or a.dtype == np.clongdouble:
        continue
    record(out, v['id'], opts, a, '-', v['repr'], v['str'])
    kept += 1

# Views, computed by NumPy here (same text in 1.24 and 2.x: no summarization).
extra = [
    ('np.arange(12.).reshape(3, 4)', '::-1, ::2', lambda a: a[::-1, ::2], {}),
    ('np.arange(12).reshape(3, 4)', 'T', lambda a: a.T, {}),
    ('np.array([1.5, -2., 3.25, np.nan])', '::-1', lambda a: a[::-1], {}),
    ('np.arange(60).reshape(3, 4, 5)', '1:, ::-2, 1::2', lambda a: a[1:, ::-2, 1::2], {}),
    ('np.array(["abc", "d\'e", "x\\ny"])', '-', lambda a: a, {}),
    ('np.array([b"ab\\x00", b"\\xff\\\\", b""])', '-', lambda a: a, {}),
    ('np.array(["héllo", "日本"])', '-', lambda a: a, {}),
    ('np.array("日本")', '-', lambda a: a, {}),
    ('np.array(b"ab")', '-', lambda a: a, {}),
    ('np.array([[1+2j, -1e-8j], [np.nan, 3]], dtype=np.complex64)', '-', lambda a: a, {}),
    ('np.arange(30, dtype=np.uint16).reshape(5, 6) * 1000', '-', lambda a: a, {'linewidth': 30}),
    ('np.linspace(-1, 1, 50).astype(np.float16)', '-', lambda a: a, {}),
    ('np.array([1e-300, 1e300])', '-', lambda a: a, {'precision': 3}),
    ('np.arange(2000.).reshape(2, 10, 100)', '-', lambda a: a, {'edgeitems': 2}),
    ('np.arange(10.)', '-', lambda a: a, {'threshold': 3, 'edgeitems': 0}),
    ('np.array([1, 2, 3], dtype=np.int8)', '-', lambda a: a, {'sign': ' '}),
]
for k, (expr, view, f, opts) in enumerate(extra):
    base = eval(expr)
    with np.printoptions(**opts):
        shown = f(base)
        r, s = repr(shown), str(shown)
    record(out, 'x%d' % k, opts, base, view, r, s)
    kept += 1

with open(os.path.join(here, 'vectors.txt'), 'w', encoding='utf-8') as f:
    f.write('\n'.join(out) + '\n')
print(kept, 'vectors')
