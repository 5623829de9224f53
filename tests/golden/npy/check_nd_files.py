#!/usr/bin/python3
"""Run by tests/test_npy.c after it has written .npy files with nd into DIR:
checks that NumPy loads each of them as the array NumPy itself saved.

  DIR/<name>.npy     nd_save of the array np.save wrote to <name>.npy here: the
                     files must be identical and load to equal arrays
  DIR/rt_<name>.npy  nd_load of the fixture <name>.npy, saved again by nd: loads in
                     NumPy to the fixture's values, in native byte order

Usage: check_nd_files.py DIR.  Exit status 0 when every file checks out."""
import os
import sys
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1]
failures = 0
checked = 0


def fail(msg):
    global failures
    failures += 1
    print('check_nd_files:', msg)


def same(a, b):
    return (a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes())


for line in open(os.path.join(HERE, 'manifest.txt')):
    name, dtype, shape, order, op, data = line.split()
    ref = np.load(os.path.join(HERE, name + '.npy'))
    native = ref.astype(ref.dtype.newbyteorder('<')) if ref.dtype.byteorder == '>' else ref
    rt = os.path.join(out, 'rt_' + name + '.npy')
    if not os.path.exists(rt):
        fail('missing ' + rt)
    else:
        got = np.load(rt)
        checked += 1
        if not same(np.ascontiguousarray(got), np.ascontiguousarray(native)):
            fail('%s: values differ from the fixture (%r %r vs %r %r)'
                 % (rt, got.dtype, got.shape, native.dtype, native.shape))
        if got.flags.f_contiguous != native.flags.f_contiguous:
            fail('%s: memory order differs from the fixture' % rt)
    if op == 'L':
        continue
    path = os.path.join(out, name + '.npy')
    if not os.path.exists(path):
        fail('missing ' + path)
        continue
    checked += 1
    got = np.load(path)
    if not same(np.ascontiguousarray(got), np.ascontiguousarray(ref)):
        fail('%s: values differ' % path)
    with open(path, 'rb') as f, open(os.path.join(HERE, name + '.npy'), 'rb') as g:
        if f.read() != g.read():
            fail('%s: bytes differ from what np.save wrote' % path)

print('check_nd_files: %d files checked, %d failures' % (checked, failures))
sys.exit(1 if failures or not checked else 0)
