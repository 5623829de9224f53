#!/usr/bin/python3
"""Golden data for tests/test_manip.c: run with /usr/bin/python3 (NumPy 1.24) from
this directory.  Writes manip.npys: a sequence of .npy records, each case a label
(an 'S' array) followed by its expected result, or by b"ERR:<Exception>:<message>".
Split cases write one record per piece after a record holding the piece count.
The C test performs the same cases in the same order.

Inputs are made the same way on both sides: mk(shape, dtype) is
((arange(n) * 7 + 3) % 11) cast to the dtype (bool: % 2), reshaped."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from npys import OUT, write  # noqa: E402
from npys import case as _case  # noqa: E402


def case(name, fn):
    _case(name, fn, pieces=list)


_linspace_124 = np.linspace


def _linspace_np2(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    """np.linspace as np.pad's linear_ramp calls it under NumPy 2: the end value
    arrives as a float64 array, which NEP 50 does not treat as weak, so the ramp is
    computed in float64 (complex128) and cast to `dtype` once (integers floored
    first).  NumPy 1.24 computed float32/float16/complex64 ramps in the narrow type."""
    stop = np.asarray(stop)
    wide = np.complex128 if np.iscomplexobj(stop) else np.float64
    y = _linspace_124(np.float64(start), stop.astype(wide), num, endpoint=endpoint, axis=axis)
    if dtype is not None and np.issubdtype(dtype, np.integer):
        y = np.floor(y)
    return y.astype(dtype) if dtype is not None else y


np.linspace = _linspace_np2  # only np.pad(mode="linear_ramp") uses it below


def mk(shape, dt):
    n = int(np.prod(shape)) if len(shape) else 1
    v = (np.arange(n, dtype=np.int64) * 7 + 3) % 11
    if dt == "b1":
        v = v % 2
    return v.astype(dt).reshape(shape)



DTYPES = ["b1", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16", "S3", "U3"]
NUMERIC = DTYPES[:-2]

# ---------------------------------------------------------------- per dtype
for dt in DTYPES:
    a = mk((2, 3), dt)
    b = mk((1, 3), dt)
    c = mk((2, 2), dt)
    case("concat0 " + dt, lambda: np.concatenate([a, b]))
    case("concat1 " + dt, lambda: np.concatenate([a, c], axis=1))
    case("concatN " + dt, lambda: np.concatenate([a, b], axis=None))
    case("stack1 " + dt, lambda: np.stack([a, a[::-1]], axis=1))
    case("flip " + dt, lambda: np.flip(a))
    case("roll " + dt, lambda: np.roll(a, (1, -4), axis=(0, 1)))
    case("tile " + dt, lambda: np.tile(a.T, (2, 1, 2)))
    case("repeat " + dt, lambda: np.repeat(a, [2, 0, 1], axis=1))
    case("repeatN " + dt, lambda: np.repeat(a[:, ::-2], 3))
    case("pad_edge " + dt, lambda: np.pad(a, ((1, 2), (2, 1)), mode="edge"))
    case("pad_reflect " + dt, lambda: np.pad(a, 4, mode="reflect"))
    case("pad_symmetric " + dt, lambda: np.pad(a, (2, 5), mode="symmetric"))
    case("pad_wrap " + dt, lambda: np.pad(a, ((1, 1), (2, 3)), mode="wrap"))
    case("insert " + dt, lambda: np.insert(a, 1, b, axis=0))
    case("insertseq " + dt, lambda: np.insert(a, [0, 2, 2], a[:, :1], axis=1))
    case("delete " + dt, lambda: np.delete(a, [0, -1], axis=1))
    case("append " + dt, lambda: np.append(a, b))
    case("resize " + dt, lambda: np.resize(a, (4, 4)))
    case("split " + dt, lambda: np.array_split(a.T, 2))

for dt in NUMERIC:
    a = mk((2, 3), dt)
    case("pad_const " + dt, lambda: np.pad(a, ((1, 0), (2, 1)), constant_values=((5, 6), (7, 1))))
    case("pad_max " + dt, lambda: np.pad(a, 2, mode="maximum"))
    case("pad_min " + dt, lambda: np.pad(a, (1, 2), mode="minimum", stat_length=2))
    case("pad_mean " + dt, lambda: np.pad(a, 2, mode="mean"))
    case("pad_median " + dt, lambda: np.pad(a, ((1, 1), (2, 2)), mode="median", stat_length=((1, 2), (2, 3))))
    case("pad_ramp " + dt, lambda: np.pad(a, ((2, 1), (1, 3)), mode="linear_ramp", end_values=((1, 2), (3, 4))))
    case("pad_reflect_odd " + dt, lambda: np.pad(a, (3, 2), mode="reflect", reflect_type="odd"))
    case("pad_symmetric_odd " + dt, lambda: np.pad(a, (2, 4), mode="symmetric", reflect_type="odd"))

for dt in ["b1", "i1", "u1", "i8", "u8"]:
    a = mk((3, 10), dt)
    case("packbits " + dt, lambda: np.packbits(a))
    case("packbits_ax0 " + dt, lambda: np.packbits(a, axis=0, bitorder="little"))
    case("packbits_ax1 " + dt, lambda: np.packbits(a, axis=1))

# ---------------------------------------------------------------- promotion, casting
case("concat i1+u1", lambda: np.concatenate([mk((2,), "i1"), mk((3,), "u1")]))
case("concat f4+i8", lambda: np.concatenate([mk((2,), "f4"), mk((3,), "i8")]))
case("concat S3+U5", lambda: np.concatenate([mk((2,), "S3"), mk((1,), "U5")]))
case("concat b1+f2", lambda: np.concatenate([mk((2,), "b1"), mk((2,), "f2")]))
case("concat dtype f4", lambda: np.concatenate([mk((2,), "i8"), mk((2,), "f8")], dtype="f4"))
case("concat dtype i4 same_kind", lambda: np.concatenate([mk((2,), "i8"), mk((2,), "f8")], dtype="i4"))
case("concat dtype i4 unsafe", lambda: np.concatenate([mk((2,), "i8"), mk((2,), "f8") + 0.5], dtype="i4", casting="unsafe"))
case("concat safe", lambda: np.concatenate([mk((2,), "i8"), mk((2,), "i4")], dtype="i4", casting="safe"))
case("concat empty", lambda: np.concatenate([np.zeros((0, 3)), mk((2, 3), "i2")]))
case("concat noncontig", lambda: np.concatenate([mk((4, 3), "f8")[::-2], mk((3, 4), "f8").T[2:, ::-1]], axis=1))

# ---------------------------------------------------------------- joining
a = mk((2, 3), "i8")
v = mk((3,), "i8")
s = mk((), "i8")
case("vstack", lambda: np.vstack([a, v, v]))
case("vstack 0d", lambda: np.vstack([s, s]))
case("hstack 1d", lambda: np.hstack([v, v[::-1], s]))
case("hstack 2d", lambda: np.hstack([a, a[:, :1]]))
case("dstack", lambda: np.dstack([a, a]))
case("dstack 1d", lambda: np.dstack([v, v]))
case("column_stack", lambda: np.column_stack([v, a.T, v]))
case("stack -1", lambda: np.stack([v, v, v], axis=-1))
case("stack 0d", lambda: np.stack([s, s]))
case("append axis0", lambda: np.append(a, a, axis=0))
case("block 2x2", lambda: np.block([[mk((2, 2), "i8"), mk((2, 1), "i8")], [mk((1, 2), "i8"), mk((1, 1), "f8")]]))
case("block 1d", lambda: np.block([v, s, v]))
case("block 3lvl", lambda: np.block([[[v], [v]], [[v], [v]]]))
case("block promote", lambda: np.block([[a], [v]]))
case("block leaf", lambda: np.block(a))
case("atleast_1d", lambda: np.atleast_1d(s))
case("atleast_2d", lambda: np.atleast_2d(v))
case("atleast_3d 1d", lambda: np.atleast_3d(v))
case("atleast_3d 2d", lambda: np.atleast_3d(a))
case("moveaxis", lambda: np.moveaxis(mk((2, 3, 4), "i8"), (0, 1), (-1, 0)))
case("rollaxis", lambda: np.rollaxis(mk((2, 3, 4), "i8"), 2, 1))
case("rollaxis end", lambda: np.rollaxis(mk((2, 3, 4), "i8"), 0, 3))

# ---------------------------------------------------------------- splitting
x = mk((6, 4), "i8")
case("split 3", lambda: np.split(x, 3))
case("split idx", lambda: np.split(x, [1, -2, 10], axis=0))
case("split idx rev", lambda: np.split(x, [3, 1], axis=1))
case("array_split 4", lambda: np.array_split(np.arange(10), 4))
case("array_split 7", lambda: np.array_split(np.arange(3), 7))
case("hsplit", lambda: np.hsplit(x, 2))
case("hsplit 1d", lambda: np.hsplit(np.arange(6), [2]))
case("vsplit", lambda: np.vsplit(x, 3))
case("dsplit", lambda: np.dsplit(mk((2, 2, 4), "i8"), [1, 3]))
case("split empty", lambda: np.array_split(np.zeros((0, 2)), 2))

# ---------------------------------------------------------------- flip, rot90, roll
y = mk((2, 3, 4), "i8")
case("flip 1", lambda: np.flip(y, 1))
case("flip 0 2", lambda: np.flip(y, (0, 2)))
case("fliplr", lambda: np.fliplr(a))
case("flipud", lambda: np.flipud(v))
for k in (-1, 0, 1, 2, 3, 5):
    case("rot90 %d" % k, lambda: np.rot90(a, k))
case("rot90 axes", lambda: np.rot90(y, 1, axes=(2, 0)))
case("rot90 axes neg", lambda: np.rot90(y, 3, axes=(-1, -2)))
case("roll none", lambda: np.roll(a, 2))
case("roll none neg", lambda: np.roll(a, -7))
case("roll multi", lambda: np.roll(a, (1, 1), axis=(1, 1)))
case("roll bcast", lambda: np.roll(y, 1, axis=(0, 2)))
case("roll empty", lambda: np.roll(np.zeros((0, 3)), 2, axis=1))
case("roll 0d", lambda: np.roll(s, 1))
case("roll big", lambda: np.roll(v, 10**12 + 1))

# ---------------------------------------------------------------- tile, repeat, resize
case("tile 1", lambda: np.tile(v, 2))
case("tile 0d", lambda: np.tile(s, (2, 3)))
case("tile zero", lambda: np.tile(a, (2, 0)))
case("tile short", lambda: np.tile(y, 2))
case("repeat scalar ax0", lambda: np.repeat(a, 3, axis=0))
case("repeat 0d", lambda: np.repeat(s, 4))
case("repeat one", lambda: np.repeat(a, [2], axis=0))
case("repeat zero", lambda: np.repeat(a, 0, axis=1))
case("repeat T", lambda: np.repeat(a.T, [1, 2], axis=1))
case("resize grow", lambda: np.resize(v, (2, 5)))
case("resize shrink", lambda: np.resize(a.T, (4,)))
case("resize empty", lambda: np.resize(np.zeros(0, "i4"), (2, 2)))
case("resize 0d", lambda: np.resize(s, (3,)))

# ---------------------------------------------------------------- pad extras
f = mk((5,), "f8") * 1.5 - 4
case("pad const scalar", lambda: np.pad(f, 3, constant_values=2.5))
case("pad reflect big", lambda: np.pad(mk((3,), "i8"), (10, 9), mode="reflect"))
case("pad symmetric big", lambda: np.pad(mk((3,), "i8"), (10, 9), mode="symmetric"))
case("pad reflect odd big", lambda: np.pad(mk((3,), "i8"), (7, 8), mode="reflect", reflect_type="odd"))
case("pad symmetric odd big", lambda: np.pad(mk((3,), "i8"), (7, 8), mode="symmetric", reflect_type="odd"))
case("pad wrap big", lambda: np.pad(mk((3,), "i8"), (7, 3), mode="wrap"))
case("pad wrap big2", lambda: np.pad(mk((2, 3), "i8"), ((4, 4), (0, 7)), mode="wrap"))
case("pad reflect single", lambda: np.pad(mk((1, 3), "i8"), 2, mode="reflect"))
case("pad mean f", lambda: np.pad(f, (2, 3), mode="mean", stat_length=(3, 2)))
case("pad median f", lambda: np.pad(f, (2, 3), mode="median"))
case("pad mean round", lambda: np.pad(np.array([1, 2, 2, 3], "i4"), 2, mode="mean", stat_length=2))
case("pad ramp f", lambda: np.pad(f, (4, 3), mode="linear_ramp", end_values=(-1.5, 7)))
case("pad ramp zero step", lambda: np.pad(np.array([5.0, 1.0]), (3, 2), mode="linear_ramp", end_values=(5, 0)))
case("pad 0d", lambda: np.pad(s, 1))
case("pad empty const", lambda: np.pad(np.zeros((0, 2), "i4"), 1, constant_values=3))
case("pad empty edge ok", lambda: np.pad(np.zeros((0, 2), "i4"), ((0, 0), (1, 1)), mode="edge"))
case("pad zero width", lambda: np.pad(a, 0, mode="reflect"))
case("pad noncontig", lambda: np.pad(mk((4, 6), "f4")[::-2, 1::2], ((1, 2), (3, 0)), mode="symmetric"))
case("pad nan max", lambda: np.pad(np.array([1.0, np.nan, 3.0]), 1, mode="maximum"))


def mkc(shape, dt):
    """Complex input: mk() real parts, ((i * 5 + 1) % 7) imaginary parts."""
    n = int(np.prod(shape))
    return (mk(shape, "f8") + 1j * ((np.arange(n) * 5 + 1) % 7).reshape(shape)).astype(dt)


# complex statistics (lexicographic max/min, complex mean and median) and ramps
for dt in ("c8", "c16"):
    z = mkc((3, 4), dt)
    case("pad cmax " + dt, lambda: np.pad(z, (2, 1), mode="maximum"))
    case("pad cmin " + dt, lambda: np.pad(z, 1, mode="minimum", stat_length=2))
    case("pad cmean " + dt, lambda: np.pad(z, ((1, 2), (2, 1)), mode="mean"))
    case("pad cmedian " + dt, lambda: np.pad(z, 2, mode="median", stat_length=3))
    case("pad cramp " + dt, lambda: np.pad(z, ((2, 1), (3, 2)), mode="linear_ramp", end_values=((1, 2), (-3, 0.5))))
case("pad cramp zero step", lambda: np.pad(np.array([5 + 0j, 1 + 1j]), (3, 2), mode="linear_ramp", end_values=(5, 0)))
case("pad cmax nan", lambda: np.pad(np.array([1 + 1j, complex(np.nan, 0), 3 + 0j]), 1, mode="maximum"))

# statistics over >= 8 values: np.mean's float sums (pairwise along a contiguous axis)
for dt in ("f2", "f4", "f8", "i4", "u8", "c16"):
    big = (mk((11, 19), "f8") / 7).astype(dt)
    if dt != "c16":  # nd's complex np.mean differs in the last bit (src/ufunc; reported)
        case("pad bigmean " + dt, lambda: np.pad(big, 3, mode="mean"))
    case("pad bigmedian " + dt, lambda: np.pad(big, (2, 4), mode="median"))

# ---------------------------------------------------------------- insert, delete, trim
case("insert none", lambda: np.insert(a, 2, np.array(9)))
case("insert none seq", lambda: np.insert(a, [1, 1, 6], np.array([7, 8, 9])))
case("insert neg", lambda: np.insert(a, -1, np.array([7, 8]), axis=0))
case("insert scalar vals2d", lambda: np.insert(a, 1, np.array([[7, 8], [5, 6]]), axis=1))
case("insert seq1 vals2d", lambda: np.insert(a, [1], np.array([[7], [8]]), axis=1))
case("insert cast", lambda: np.insert(a, 0, np.array(2.7), axis=1))
case("insert end", lambda: np.insert(v, 3, np.array(1)))
case("insert seq unsorted", lambda: np.insert(v, [3, 0, 1], np.array([10, 20, 30])))
case("delete none", lambda: np.delete(a, 4))
case("delete neg", lambda: np.delete(a, -1, axis=0))
case("delete seq dup", lambda: np.delete(v, [0, 0, -3]))
case("delete mask", lambda: np.delete(v, np.array([True, False, True])))
case("delete empty", lambda: np.delete(v, []))
case("trim fb", lambda: np.trim_zeros(np.array([0, 0, 1, 0, 2, 0])))
case("trim f", lambda: np.trim_zeros(np.array([0.0, -0.0, 1.5, 0.0]), "f"))
case("trim b", lambda: np.trim_zeros(np.array([0, 3, 0]), "b"))
case("trim all", lambda: np.trim_zeros(np.zeros(4)))
case("trim nan", lambda: np.trim_zeros(np.array([0.0, np.nan, 0.0])))


def trim_zeros_2x(filt, trim="fb", axis=None):
    """np.trim_zeros as NumPy 2.2 documents it (1.24 has no axis and no n-d input):
    the bounding box of the nonzero elements on every axis, or only on `axis`; an
    all-zero array gives empty slices; 1-d ignores axis; 0-d comes back whole."""
    trim = trim.lower()
    if trim not in ("fb", "bf", "f", "b"):
        raise ValueError("unexpected character(s) in `trim`: %r" % trim)
    if filt.ndim == 0:
        if axis is not None:
            raise np.AxisError(axis, 0)
        return filt[()]
    nz = np.argwhere(filt)
    if nz.size == 0:
        lo = hi = np.zeros(filt.ndim, np.intp)
    else:
        lo, hi = nz.min(axis=0), nz.max(axis=0) + 1
        if "f" not in trim:
            lo = [None] * filt.ndim
        if "b" not in trim:
            hi = [None] * filt.ndim
    if filt.ndim == 1:
        return filt[lo[0]:hi[0]]
    if axis is None:
        return filt[tuple(slice(x, y) for x, y in zip(lo, hi))]
    ax = axis + filt.ndim if axis < 0 else axis
    if not 0 <= ax < filt.ndim:
        raise np.AxisError(axis, filt.ndim)
    return filt[(slice(None),) * ax + (slice(lo[ax], hi[ax]),)]


# NumPy 2.2 trim_zeros (axis, n-d): expected values from trim_zeros_2x above
tz = np.array([[0, 0, 2, 3, 0, 0], [0, 1, 0, 3, 0, 0], [0, 0, 0, 0, 0, 0]], "i4")
case("trim2 nd", lambda: trim_zeros_2x(tz))
case("trim2 nd ax-1", lambda: trim_zeros_2x(tz, axis=-1))
case("trim2 nd ax0 f", lambda: trim_zeros_2x(tz, "f", axis=0))
case("trim2 nd B", lambda: trim_zeros_2x(tz, "B"))
case("trim2 nd T", lambda: trim_zeros_2x(tz.T[::-1]))
case("trim2 3d", lambda: trim_zeros_2x(np.pad(mk((2, 1, 3), "f8"), ((1, 0), (2, 3), (0, 1)))))
case("trim2 allzero", lambda: trim_zeros_2x(np.zeros((3, 4))))
case("trim2 allzero ax1 f", lambda: trim_zeros_2x(np.zeros((3, 4)), "f", axis=1))
case("trim2 empty", lambda: trim_zeros_2x(np.zeros((0, 4))))
case("trim2 1d axis", lambda: trim_zeros_2x(np.array([0, 1, 0]), axis=3))
case("trim2 c16", lambda: trim_zeros_2x(np.array([[0, 0], [0, 1j], [0, 0]])))
case("trim2 S", lambda: trim_zeros_2x(np.array([[b"", b""], [b"", b"x"]])))
case("E trim2 chars", lambda: trim_zeros_2x(tz, "fx"))
case("E trim2 axis", lambda: trim_zeros_2x(tz, axis=2))

# ---------------------------------------------------------------- bits extras
u = np.array([[0xA5, 0x0F], [0xFF, 0x01]], np.uint8)
case("unpack", lambda: np.unpackbits(u))
case("unpack ax1", lambda: np.unpackbits(u, axis=1))
case("unpack ax0 little", lambda: np.unpackbits(u, axis=0, bitorder="little"))
case("unpack count", lambda: np.unpackbits(u, axis=1, count=5))
case("unpack count big", lambda: np.unpackbits(u, axis=1, count=20))
case("unpack count neg", lambda: np.unpackbits(u, count=-3))
case("pack empty", lambda: np.packbits(np.zeros((0,), "b1")))
case("pack 0d", lambda: np.packbits(np.array(1)))

# ---------------------------------------------------------------- errors
case("E concat 0d", lambda: np.concatenate([s, s]))
case("E concat ndim", lambda: np.concatenate([a, v]))
case("E concat dims", lambda: np.concatenate([a, mk((3, 3), "i8")], axis=1))
case("E concat axis", lambda: np.concatenate([a, a], axis=2))
case("E concat cast", lambda: np.concatenate([a, a.astype(float)], dtype=int))
case("E concat S num", lambda: np.concatenate([mk((2,), "S3"), mk((2,), "f8")], dtype="f8"))
case("E stack shape", lambda: np.stack([a, a.T]))
case("E stack axis", lambda: np.stack([a, a], axis=3))
case("E block empty", lambda: np.block([]))
case("E block depth", lambda: np.block([[a], a]))
case("E block empty inner", lambda: np.block([[a], []]))
case("E block dims", lambda: np.block([[a, a], [a]]))
case("E split equal", lambda: np.split(np.arange(5), 2))
case("E split zero", lambda: np.array_split(np.arange(5), 0))
case("E split axis", lambda: np.array_split(np.arange(5), 2, axis=1))
case("E hsplit", lambda: np.hsplit(s, 2))
case("E vsplit", lambda: np.vsplit(v, 2))
case("E dsplit", lambda: np.dsplit(a, 2))
case("E tile neg", lambda: np.tile(a, (-1,)))
case("E repeat neg", lambda: np.repeat(a, -1))
case("E repeat len", lambda: np.repeat(a, [1, 2], axis=1))
case("E repeat negs", lambda: np.repeat(a, [1, -2], axis=0))
case("E repeat axis", lambda: np.repeat(a, 2, axis=2))
case("E flip axis", lambda: np.flip(a, 2))
case("E flip repeated", lambda: np.flip(a, (0, 0)))
case("E fliplr", lambda: np.fliplr(v))
case("E flipud", lambda: np.flipud(s))
case("E rot90 len", lambda: np.rot90(a, axes=(0,)))
case("E rot90 same", lambda: np.rot90(a, axes=(0, -2)))
case("E rot90 range", lambda: np.rot90(a, axes=(0, 3)))
case("E roll mismatch", lambda: np.roll(a, (1, 2), axis=(0, 1, 0)))
case("E roll axis", lambda: np.roll(a, 1, axis=3))
case("E moveaxis len", lambda: np.moveaxis(a, (0, 1), (0,)))
case("E moveaxis rep", lambda: np.moveaxis(a, (0, 0), (0, 1)))
case("E moveaxis rep dst", lambda: np.moveaxis(a, (0, 1), (1, 1)))
case("E moveaxis range", lambda: np.moveaxis(a, 2, 0))
case("E moveaxis range dst", lambda: np.moveaxis(a, 0, -3))
case("E rollaxis start", lambda: np.rollaxis(a, 0, 4))
case("E rollaxis axis", lambda: np.rollaxis(a, 2, 0))
case("E pad neg", lambda: np.pad(a, -1))
case("E pad shape", lambda: np.pad(a, (1, 2, 3)))
case("E pad empty axis", lambda: np.pad(np.zeros((0, 3)), 1, mode="edge"))
case("E pad stat 0", lambda: np.pad(a, 1, mode="maximum", stat_length=0))
case("E insert oob", lambda: np.insert(a, 10, 1, axis=0))
case("E insert oob seq1", lambda: np.insert(a, [10], 1, axis=0))
case("E insert oob seq", lambda: np.insert(a, [0, 10], 1, axis=0))
case("E insert axis", lambda: np.insert(a, 1, 1, axis=3))
case("E delete oob", lambda: np.delete(a, 10, axis=0))
case("E delete oob seq", lambda: np.delete(a, [0, 10], axis=0))
case("E delete axis", lambda: np.delete(a, 1, axis=3))
case("E resize neg", lambda: np.resize(a, (-1, 2)))
case("E packbits float", lambda: np.packbits(np.zeros(3)))
case("E unpackbits int8", lambda: np.unpackbits(np.zeros(3, dtype=np.int8)))
case("E packbits axis", lambda: np.packbits(a, axis=3))
case("E unpack count", lambda: np.unpackbits(u, count=-33))
case("trim 0d", lambda: trim_zeros_2x(s))  # NumPy 2.2: filt[()]; 1.24 raised TypeError

write("manip.npys")
print(len(OUT), "records")
