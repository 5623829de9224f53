#!/usr/bin/python3
"""Golden .npy files for tests/test_npy.c, written by NumPy (1.24; the .npy format
and the bytes np.save writes are the same in 2.x).

Writes, beside this script, <name>.npy for every case and manifest.txt, one case a line:
  name  dtype  shape  order  op  hex
  dtype  NumPy's native type string of the loaded array ('<f8', '|S5', '<U3' ...)
  shape  extents joined by 'x' ('3x4'); '-' is the 0-d shape ()
  order  C or F: how the data is laid out in the file (fortran_order)
  op     how test_npy.c rebuilds the array np.save was given, to save it with nd and
         compare the two files byte for byte:
           C              the array made from hex (C order)
           F:<base>       np.asfortranarray(<base>)
           V:<base>:<ix>  <base>[ix] (a non-contiguous view; ix in NumPy's syntax)
           T:<base>       <base>.T
           L              load only (byte-swapped, other format versions)
  hex    the array's values, C order, native (little-endian) bytes
Run with /usr/bin/python3 from anywhere."""
import io
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240607)
lines = []


def shape_text(shape):
    return 'x'.join(str(n) for n in shape) if shape else '-'


def save(name, arr, op, version=None):
    path = os.path.join(HERE, name + '.npy')
    if version is None:
        np.save(path, arr)
    else:
        with open(path, 'wb') as f:
            np.lib.format.write_array(f, arr, version=version)
    back = np.load(path)
    assert back.dtype == arr.dtype and back.shape == arr.shape
    order = 'F' if (arr.flags.f_contiguous and not arr.flags.c_contiguous) else 'C'
    native = back.astype(back.dtype.newbyteorder('<')) if back.dtype.byteorder == '>' else back
    data = np.ascontiguousarray(native).tobytes().hex()
    lines.append(' '.join([name, native.dtype.str, shape_text(arr.shape), order, op, data or '-']))


def values(dt, shape):
    n = int(np.prod(shape))
    k = np.dtype(dt).kind
    if k == 'b':
        v = rng.integers(0, 2, n).astype(bool)
    elif k in 'iu':
        info = np.iinfo(dt)
        v = rng.integers(info.min, info.max, n, dtype=dt, endpoint=True)
        v[:2] = [info.min, info.max] if n >= 2 else v[:2]
    elif k == 'f':
        v = (rng.standard_normal(n) * 100).astype(dt)
        special = np.array([np.nan, np.inf, -np.inf, -0.0, np.finfo(dt).tiny / 4], dtype=dt)
        v[:min(n, 5)] = special[:min(n, 5)]
    elif k == 'c':
        v = (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(dt)
        if n >= 2:
            v[0] = complex(np.nan, 1.0)
            v[1] = complex(-0.0, np.inf)
    elif k == 'S':
        words = [b'', b'a', b'hello', b'ab\x00c', b'\xff\xfe', b'xyz', b'12345', b'q']
        v = np.array([words[i % len(words)] for i in range(n)], dtype=dt)
    elif k == 'U':
        words = ['', 'a', 'é', '€😀', 'xyz', 'ok', '日本']
        v = np.array([words[i % len(words)] for i in range(n)], dtype=dt)
    elif k == 'V':
        v = np.frombuffer(rng.integers(0, 256, n * np.dtype(dt).itemsize, dtype=np.uint8).tobytes(), dtype=dt).copy()
    return v.reshape(shape)


DTYPES = ['b1', 'i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8', 'f2', 'f4', 'f8', 'c8', 'c16', 'S5', 'U3', 'V4']
for dt in DTYPES:
    tag = dt.lower()
    base = values(dt, (3, 4))
    save(tag + '_c', base, 'C')
    save(tag + '_f', np.asfortranarray(base), 'F:' + tag + '_c')
    save(tag + '_v', base[::2, ::-1], 'V:' + tag + '_c:::2,::-1')
    if np.dtype(dt).itemsize > 1 and dt[0] not in 'SV':
        save(tag + '_be', base.astype(np.dtype(dt).newbyteorder('>')), 'L')

# shapes: 0-d, empty, 1-d, 3-d (F and transposed), long extents (header padding)
save('f8_0d', values('f8', ()), 'C')
save('i4_0d', np.array(-7, dtype='i4'), 'C')
save('u3_0d', np.array('€x', dtype='U3'), 'C')
save('b1_0d', np.array(True), 'C')
save('f8_empty', np.zeros((0,)), 'C')
save('i2_empty3', np.zeros((2, 0, 3), dtype='i2'), 'C')
e3 = np.zeros((2, 0, 3), dtype='f4')
save('f4_empty3', e3, 'C')
save('f4_emptyf', np.asfortranarray(e3), 'F:f4_empty3')
save('c16_bigdims', np.zeros((0, 12345678901234, 3), dtype='c16'), 'C')
save('i8_1d', values('i8', (7,)), 'C')
base3 = values('f4', (2, 3, 4))
save('f4_3d', base3, 'C')
save('f4_3d_f', np.asfortranarray(base3), 'F:f4_3d')
save('f4_3d_t', base3.T, 'T:f4_3d')
save('f4_3d_v', base3[:, ::-2, 1:3], 'V:f4_3d::,::-2,1:3')
col = values('u2', (5, 1))
save('u2_col', col, 'C')
save('u2_col_f', np.asfortranarray(col), 'F:u2_col')   # both contiguous: written as C
save('s1_1d', np.array([b'x', b'', b'z'], dtype='S1'), 'C')
long_ = np.arange(300, dtype='u1').reshape(300, 1)
save('u1_long', long_, 'C')
save('u1_long_rev', long_[::-1], 'V:u1_long:::-1')
# other format versions (np.load reads them; nd writes 1.0)
save('f8_v2', values('f8', (2, 3)), 'L', version=(2, 0))
save('u3_v3', values('U3', (4,)), 'L', version=(3, 0))
save('i2_v3_be', values('i2', (3,)).astype('>i2'), 'L', version=(3, 0))

with open(os.path.join(HERE, 'manifest.txt'), 'w') as f:
    f.write('\n'.join(lines) + '\n')
print('wrote', len(lines), 'cases')
