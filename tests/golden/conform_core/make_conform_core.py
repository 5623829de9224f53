#!/usr/bin/python3
"""Golden data for tests/test_conform_core.c (the conformance sweep of the core, ufuncs
and reductions): run with /usr/bin/python3 (NumPy 1.24) from this directory.  Writes
conform_core.npys (see ../npys.py); the C test performs the same cases in the same order.

Inputs (the C test builds the same): vals(dt) is a 16-element 1-d array of edge values
of the dtype: integers from INTV (cast with wrap-around), floats from FLTV (NaN, +-inf,
-0.0, ...), complex from CPXV, bool from INTV % 2.  A binary ufunc's second operand is
vals rolled by 5.

NumPy 2.x semantics where 1.24 differs (computed by hand below): NEP 50 weak scalars,
np.sign of complex is z/|z|, np.bitwise_count (2.0 only)."""
import math
import os
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from npys import OUT, write  # noqa: E402
from npys import case as _case  # noqa: E402

warnings.simplefilter("ignore")
np.seterr(all="ignore")


def np2_message(e):
    """NumPy 2's spelling of an exception: UFuncTypeError is reported as TypeError (its
    base) and dtype classes are numpy.dtypes.<Name>DType."""
    msg = str(e)
    for d in ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16",
              "float32", "float64", "complex64", "complex128"]:
        cls = d.replace("uint", "UInt").capitalize() if not d.startswith("uint") else "UInt" + d[4:]
        msg = msg.replace("<class 'numpy.dtype[%s]'>" % (d + "_" if d == "bool" else d),
                          "<class 'numpy.dtypes.%sDType'>" % cls)
    return msg


def case(name, fn):
    def run():
        try:
            return fn()
        except Exception as e:
            kind = type(e).__name__
            if kind == "UFuncTypeError":
                kind = "TypeError"
            if kind == "UnicodeEncodeError":  # a ValueError; nd has no finer code
                kind = "ValueError"
            raise type(kind, (Exception,), {})(np2_message(e))
    _case(name, run, pieces=tuple)


from conform_inputs import CPXV, DT, FLTV, INTV, vals, vals2  # noqa: E402,F401


UNARY = ["negative", "positive", "absolute", "square", "sqrt", "logical_not", "invert", "exp", "exp2",
         "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "arcsin", "arccos", "arctan",
         "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "cbrt", "reciprocal", "sign", "fabs",
         "rint", "floor", "ceil", "trunc", "degrees", "radians", "deg2rad", "rad2deg", "isnan", "isinf",
         "isfinite", "signbit", "spacing", "conjugate", "bitwise_count"]
UNARY2 = ["frexp", "modf"]
BINARY = ["add", "subtract", "multiply", "divide", "floor_divide", "remainder", "fmod", "power", "equal",
          "not_equal", "less", "less_equal", "greater", "greater_equal", "logical_and", "logical_or",
          "logical_xor", "bitwise_and", "bitwise_or", "bitwise_xor", "left_shift", "right_shift", "maximum",
          "minimum", "fmax", "fmin", "arctan2", "hypot", "logaddexp", "logaddexp2", "copysign", "nextafter",
          "ldexp", "heaviside", "gcd", "lcm", "float_power"]
BINARY2 = ["divmod"]


def bitwise_count(x):
    """np.bitwise_count (NumPy 2.0): popcount of |x| for integers, uint8 result."""
    x = np.asarray(x)
    if x.dtype.kind not in "biu":
        raise TypeError("ufunc 'bitwise_count' not supported for the input types, and the inputs could not be "
                        "safely coerced to any supported types according to the casting rule ''safe''")
    out = np.array([bin(abs(int(v))).count("1") for v in x.ravel()], dtype=np.uint8)  # bool: as int8
    return out.reshape(x.shape)


def sign2(x):
    """NumPy 2's np.sign: z / |z| for complex (NaN for NaN, the unit of the infinite
    part for infinities, 0 for 0)."""
    if x.dtype.kind != "c":
        return np.sign(x)
    ft = x.real.dtype.type
    out = np.empty_like(x)
    for i, z in enumerate(x):
        re, im = ft(z.real), ft(z.imag)
        a = np.hypot(re, im)
        if np.isnan(a):
            out[i] = complex(math.nan, math.nan)
        elif np.isinf(a):
            if np.isinf(re) and np.isinf(im):
                out[i] = complex(math.nan, math.nan)
            elif np.isinf(re):
                out[i] = complex(math.copysign(1, re), 0)
            else:
                out[i] = complex(0, math.copysign(1, im))
        elif a == 0:
            out[i] = 0
        else:
            out[i] = complex(re / a, im / a)
    return out


def unary(name, x):
    if name == "bitwise_count":
        return bitwise_count(x)
    if name == "sign":
        return sign2(x)
    return getattr(np, name)(x)


for name in UNARY:
    for dt in DT:
        case("%s %s" % (name, dt), lambda: unary(name, vals(dt)))


def pair(label, fn):
    """The two results of fn() as cases "<label> 0" and "<label> 1" (an error: both)."""
    try:
        r = fn()
    except Exception as e:  # noqa: F841 -- recorded by case() below
        r = None
    for k in range(2):
        case("%s %d" % (label, k), lambda: fn()[k] if r is None else r[k])


for name in UNARY2:
    for dt in DT:
        pair("%s %s" % (name, dt), lambda: getattr(np, name)(vals(dt)))
for name in BINARY:
    for dt in DT:
        case("%s %s" % (name, dt), lambda: getattr(np, name)(vals(dt), vals2(dt)))
for dt in DT:
    pair("divmod %s" % dt, lambda: np.divmod(vals(dt), vals2(dt)))
# power with non-negative integer exponents (the mixed case above errors for signed ints)
for dt in DT:
    case("power abs %s" % dt, lambda: np.power(vals(dt), (np.abs(vals2(dt)) % 5).astype(dt)))

# promotion: add and true divide over every pair of dtypes, on the first 4 values
for d1 in DT:
    for d2 in DT:
        case("add %s %s" % (d1, d2), lambda: np.add(vals(d1)[:4], vals2(d2)[:4]))
for d1 in DT:
    for d2 in DT:
        case("divide %s %s" % (d1, d2), lambda: np.divide(vals(d1)[4:8], vals2(d2)[4:8]))

# ---------------------------------------------------------------- reductions
# vals(dt).reshape(4, 4); axis None / 0 / 1 / -1; a 2-d non-contiguous view
# (vals.reshape(4, 4)[::-1, ::2]); empty (0, 3) and 0-d inputs.
RED = ["sum", "prod", "min", "max", "mean", "std", "var", "argmin", "argmax", "all", "any", "cumsum",
       "cumprod", "ptp", "count_nonzero", "nansum", "nanprod", "nanmin", "nanmax", "nanmean", "nanstd",
       "nanvar", "nanargmin", "nanargmax", "nancumsum", "nancumprod"]
AXES = [None, 0, 1, -1]


def red(name, a, axis=None, **kw):
    return getattr(np, name)(a, axis=axis, **kw)


for name in RED:
    for dt in DT:
        for ax in AXES:
            case("%s %s axis=%s" % (name, dt, ax), lambda: red(name, vals(dt).reshape(4, 4), ax))
        case("%s %s view" % (name, dt), lambda: red(name, vals(dt).reshape(4, 4)[::-1, ::2], 0))
        case("%s %s empty" % (name, dt), lambda: red(name, vals(dt)[:0].reshape(0, 3)))
        case("%s %s empty axis=0" % (name, dt), lambda: red(name, vals(dt)[:0].reshape(0, 3), 0))
        case("%s %s empty axis=1" % (name, dt), lambda: red(name, vals(dt)[:0].reshape(0, 3), 1))
        case("%s %s 0-d" % (name, dt), lambda: red(name, vals(dt)[2].reshape(())))
    case("%s axis=2" % name, lambda: red(name, vals("f8").reshape(4, 4), 2))
    case("%s axis=-3" % name, lambda: red(name, vals("f8").reshape(4, 4), -3))
KEEP = ["sum", "prod", "min", "max", "mean", "std", "var", "argmin", "argmax", "all", "any", "ptp",
        "count_nonzero", "nansum", "nanmin", "nanmean", "nanvar", "nanargmax"]
for name in KEEP:
    for ax in [None, 0, -1]:
        case("%s keepdims axis=%s" % (name, ax),
             lambda: red(name, vals("i4").reshape(4, 4), ax, keepdims=True))
# options: dtype, where, initial, ddof, out
for dt in DT:
    case("sum dtype=f4 %s" % dt, lambda: np.sum(vals(dt).reshape(4, 4), axis=0, dtype=np.float32))
    case("sum where %s" % dt, lambda: np.sum(vals(dt).reshape(4, 4), axis=1, where=np.arange(4) % 2 == 0))
    case("max initial %s" % dt, lambda: np.max(vals(dt)[:0].reshape(0, 3), axis=0, initial=5))
    case("min where initial %s" % dt,
         lambda: np.min(vals(dt).reshape(4, 4), axis=1, where=np.arange(4) < 2, initial=50))
    case("sum initial %s" % dt, lambda: np.sum(vals(dt).reshape(4, 4), initial=10))
    case("prod dtype=i1 %s" % dt, lambda: np.prod(vals(dt).reshape(4, 4), axis=1, dtype=np.int8))
    case("cumsum dtype=f8 %s" % dt, lambda: np.cumsum(vals(dt).reshape(4, 4), axis=1, dtype=np.float64))
    case("mean dtype=f4 %s" % dt, lambda: np.mean(vals(dt).reshape(4, 4), axis=0, dtype=np.float32))
for ddof in [0, 1, 2, 4, 5, 1.5]:
    case("var ddof=%s" % ddof, lambda: np.var(vals("f8")[11:].reshape(1, 5) * [[1, 2, 3, 4, 5]], axis=1, ddof=ddof))
    case("std ddof=%s" % ddof, lambda: np.std(vals("i8").reshape(4, 4), axis=0, ddof=ddof))
    case("nanvar ddof=%s" % ddof, lambda: np.nanvar(vals("f8").reshape(4, 4), axis=1, ddof=ddof))
case("sum out", lambda: np.sum(vals("i4").reshape(4, 4), axis=0, out=np.zeros(4, np.float32)))
case("max out", lambda: np.max(vals("f8").reshape(4, 4), axis=1, out=np.zeros(4)))
case("argmax out", lambda: np.argmax(vals("i4").reshape(4, 4), axis=0, out=np.zeros(4, np.int64)))
case("sum axis dup", lambda: np.sum(vals("i4").reshape(4, 4), axis=(0, 0)))
case("sum axis (0,1)", lambda: np.sum(vals("i4").reshape(4, 4), axis=(0, 1)))
case("max axis (1,0) keep", lambda: np.max(vals("f4").reshape(2, 2, 4), axis=(2, 0), keepdims=True))
case("argmax 3d axis=1", lambda: np.argmax(vals("f4").reshape(2, 2, 4), axis=1))
case("all where", lambda: np.all(vals("b1").reshape(4, 4), axis=0, where=[True, False, True, False]))
case("sum big uint8", lambda: np.sum(np.full(1000, 255, np.uint8)))
case("sum float32 pairwise", lambda: np.sum(np.full(100001, 0.1, np.float32)))
case("sum float16", lambda: np.sum(np.full(3000, 1.0, np.float16)))
case("mean float16", lambda: np.mean(np.full(3000, 0.1, np.float16)))
case("sum float32 strided", lambda: np.sum(np.arange(30001, dtype=np.float32)[::3] * np.float32(0.1)))
case("cumsum int8 overflow", lambda: np.cumsum(np.full(300, 100, np.int8), dtype=np.int8))
case("prod int64 overflow", lambda: np.prod(np.full(70, 3, np.int64)))
case("mean int64 big", lambda: np.mean(np.array([2**62, 2**62, 2**62], np.int64)))

# ------------------------------------------------------------ NEP 50 scalars
NAMES = {"b1": "bool", "i1": "int8", "i2": "int16", "i4": "int32", "i8": "int64", "u1": "uint8", "u2": "uint16",
         "u4": "uint32", "u8": "uint64", "f2": "float16", "f4": "float32", "f8": "float64", "c8": "complex64",
         "c16": "complex128"}


def weak(op, a, s):
    """op(a, s) with s a Python scalar under NumPy 2's rules (NEP 50): the scalar takes
    the array's dtype when of the same or a lower kind (an out-of-range int is an
    OverflowError), else the default dtype of its kind (complex: the array's precision)."""
    k = a.dtype.kind
    if op is np.true_divide and k in "iu" and isinstance(s, int) and not isinstance(s, bool):
        return op(a, np.array(s, dtype=np.float64))  # the loop is float64: no bounds check
    if isinstance(s, bool):
        dt = a.dtype
    elif isinstance(s, int):
        if k == "b":
            dt = np.dtype(np.int64)
        elif k in "iu":
            info = np.iinfo(a.dtype)
            if not info.min <= s <= info.max:
                raise OverflowError("Python integer %d out of bounds for %s" % (s, a.dtype.name))
            dt = a.dtype
        else:
            dt = a.dtype
    elif isinstance(s, float):
        dt = np.dtype(np.float64) if k in "biu" else a.dtype
    else:
        dt = {"f2": np.dtype("c8"), "f4": np.dtype("c8")}.get(a.dtype.str[1:], np.dtype("c16")) \
            if k in "f" else (a.dtype if k == "c" else np.dtype("c16"))
    return op(a, np.array(s, dtype=dt))


SCAL = [("1", 1), ("300", 300), ("-1", -1), ("2.5", 2.5), ("True", True), ("1+2j", 1 + 2j), ("1e300", 1e300)]
for dt in DT:
    for sn, sv in SCAL:
        for opn in ["add", "multiply", "subtract", "true_divide", "maximum"]:
            case("%s %s %s" % (opn, dt, sn), lambda: weak(getattr(np, opn), vals(dt)[:6], sv))

# ------------------------------------------------------------ ufunc options and layouts
case("add out", lambda: np.add(vals("f8"), 1.0, out=np.zeros(16)))
case("add out same_kind err", lambda: np.add(vals("f8"), vals("f8"), out=np.zeros(16, np.int32)))
case("add out unsafe", lambda: np.add(vals("f4")[:8], vals("f4")[8:], out=np.zeros(8, np.int16), casting="unsafe"))
case("add where", lambda: np.add(vals("i4"), 1, out=np.full(16, -9, np.int32), where=np.arange(16) % 3 == 0))
case("add dtype f4", lambda: np.add(vals("i4"), vals2("i4"), dtype=np.float32))
case("add dtype i1 err", lambda: np.add(vals("f8"), vals2("f8"), dtype=np.int8))
case("add casting no err", lambda: np.add(vals("i4"), vals2("i2"), casting="no"))
case("add broadcast", lambda: np.add(vals("i8")[:4].reshape(4, 1), vals2("i8")[:3]))
case("add broadcast err", lambda: np.add(vals("i8")[:4], vals2("i8")[:3]))
case("add broadcast err 2d", lambda: np.add(vals("i8")[:12].reshape(4, 3), vals2("i8")[:8].reshape(2, 4)))
case("add 0d 1d", lambda: np.add(vals("f4")[3].reshape(()), vals("f4")))
case("add 0d 0d", lambda: np.add(vals("i2")[3].reshape(()), vals("i2")[5].reshape(())))
case("add empty", lambda: np.add(vals("f8")[:0], 1.0))
case("add empty bcast", lambda: np.add(vals("f8")[:0].reshape(0, 1), vals("f8")[:3]))
case("add neg stride", lambda: np.add(vals("i4")[::-1], vals("i4")[::2].repeat(2)))


def alias_add():
    a = vals("i8").copy()
    np.add(a[:-1], a[1:], out=a[1:])
    return a


case("add inplace alias", alias_add)
case("multiply 3d transposed", lambda: np.multiply(vals("f8").reshape(2, 2, 4).transpose(2, 0, 1), 2.0))
case("less mixed u8 i8", lambda: np.less(vals("u8"), vals("i8")))
case("equal u8 i8", lambda: np.equal(vals("u8"), vals2("i8")))
case("add u8 i8", lambda: np.add(vals("u8")[:4], vals2("i8")[:4]))
case("floor_divide i8 min -1", lambda: np.floor_divide(np.array([-2**63, 7, -7], np.int64), np.array([-1, -2, 2])))
case("remainder i8 min -1", lambda: np.remainder(np.array([-2**63, 7, -7], np.int64), np.array([-1, -2, 2])))
case("power i8 neg", lambda: np.power(np.array([2, 3], np.int64), np.array([1, -1], np.int64)))
case("power u8 big", lambda: np.power(np.array([2, 3], np.uint8), np.array([7, 9], np.uint8)))
case("power f8 neg", lambda: np.power(np.array([2., 0., -8.]), np.array([-1., -1., 1. / 3])))
case("left_shift i8 64", lambda: np.left_shift(np.array([1, 1, -1], np.int64), np.array([63, 64, 65], np.int64)))
case("right_shift i8 64", lambda: np.right_shift(np.array([-8, 8, -1], np.int64), np.array([64, 70, 1], np.int64)))
case("sqrt neg", lambda: np.sqrt(np.array([-1.0, -0.0, 4.0])))
case("sqrt complex neg", lambda: np.sqrt(np.array([-4 + 0j, complex(-4, -0.0)])))
case("log complex", lambda: np.log(np.array([-1 + 0j, 0j, 1j])))
case("arccos complex", lambda: np.arccos(np.array([2 + 0j, -2 + 0j, 0.5 + 1j])))
case("arctanh complex", lambda: np.arctanh(np.array([2 + 0j, 0.5 + 0j, 1j])))
case("power complex", lambda: np.power(np.array([1j, 2 + 1j, 0j]), np.array([2, 0.5 + 1j, 0])))
case("exp complex inf", lambda: np.exp(np.array([complex(-math.inf, 1), complex(math.inf, 0), complex(0, math.inf)])))
case("maximum nan", lambda: np.maximum(np.array([np.nan, 1, 2]), np.array([0, np.nan, 1])))
case("fmax nan", lambda: np.fmax(np.array([np.nan, 1, np.nan]), np.array([0, np.nan, np.nan])))
case("maximum complex nan", lambda: np.maximum(np.array([complex(np.nan, 0), 1 + 1j]), np.array([1 + 0j, 1 + 2j])))
case("heaviside nan", lambda: np.heaviside(np.array([-1., 0., 2., np.nan]), 0.5))
case("ldexp i4", lambda: np.ldexp(np.array([1.0, 2.0], np.float32), np.array([3, -200], np.int32)))
case("ldexp f8 f8 err", lambda: np.ldexp(np.array([1.0]), np.array([1.0])))
case("gcd neg", lambda: np.gcd(np.array([-12, 0, 7, -2**63], np.int64), np.array([18, 0, -21, 6], np.int64)))
case("lcm neg", lambda: np.lcm(np.array([-4, 0, 6], np.int64), np.array([6, 5, -4], np.int64)))
case("divide i8 by 0", lambda: np.divide(np.array([1, 0, -1]), np.array([0, 0, 0])))
case("floor_divide f8 by 0", lambda: np.floor_divide(np.array([1., 0., -1.]), np.array([0., 0., 0.])))
case("remainder f8 signs", lambda: np.remainder(np.array([5., -5., 5., -5., 0., -0.]), np.array([3., 3., -3., -3., -3., 3.])))
case("fmod f8 signs", lambda: np.fmod(np.array([5., -5., 5., -5., 0., -0.]), np.array([3., 3., -3., -3., -3., 3.])))
case("floor_divide f8 signs", lambda: np.floor_divide(np.array([5., -5., 5., -5., 0., -0.]), np.array([3., 3., -3., -3., -3., 3.])))
case("remainder inf", lambda: np.remainder(np.array([5., math.inf, -5.]), np.array([math.inf, 3., math.inf])))
case("rint halves", lambda: np.rint(np.array([0.5, 1.5, 2.5, -0.5, -2.5], np.float32)))
case("reciprocal int", lambda: np.reciprocal(np.array([1, 2, -1, 0], np.int32)))
case("negative uint", lambda: np.negative(np.array([1, 0, 255], np.uint8)))
case("absolute i8 min", lambda: np.absolute(np.array([-128, -1], np.int8)))
case("float16 add round", lambda: np.add(np.array([2048, 0.1], np.float16), np.array([1, 0.2], np.float16)))
case("float16 exp overflow", lambda: np.exp(np.array([11, 12], np.float16)))
case("nextafter f2", lambda: np.nextafter(np.array([0, 1, 65504], np.float16), np.array([1, 2, math.inf], np.float16)))
case("spacing f2", lambda: np.spacing(np.array([0, 1, -1, 65504], np.float16)))
case("logical_and f8", lambda: np.logical_and(np.array([0., np.nan, -0.]), np.array([1., 1., 1.])))
case("invert bool", lambda: np.invert(np.array([True, False])))
case("bitwise_and bool int", lambda: np.bitwise_and(np.array([True, False]), np.array([3, 3], np.int8)))
case("bitwise_and f8 err", lambda: np.bitwise_and(np.array([1.0]), np.array([1.0])))
case("subtract bool err", lambda: np.subtract(np.array([True]), np.array([False])))
case("negative bool err", lambda: np.negative(np.array([True])))
case("left_shift f8 err", lambda: np.left_shift(np.array([1.0]), 1))
case("outer add", lambda: np.add.outer(vals("i4")[:3], vals("i4")[:4]))
case("accumulate multiply", lambda: np.multiply.accumulate(vals("f8")[:8].reshape(2, 4), axis=1))
case("reduce maximum axis None", lambda: np.maximum.reduce(vals("i4").reshape(4, 4), axis=None))
case("reduce subtract", lambda: np.subtract.reduce(vals("i4").reshape(4, 4), axis=1))
case("reduce minimum empty", lambda: np.minimum.reduce(vals("i4")[:0]))
case("reduceat add", lambda: np.add.reduceat(np.arange(8), [0, 4, 1, 5, 7]))
case("reduce logical_and", lambda: np.logical_and.reduce(vals("f8").reshape(4, 4), axis=0))
case("reduce bitwise_or u1", lambda: np.bitwise_or.reduce(vals("u1")))
case("reduce add bool", lambda: np.add.reduce(vals("b1")))
case("reduce multiply i1", lambda: np.multiply.reduce(vals("i1")))
case("reduce arctan2 err", lambda: np.arctan2.reduce(vals("f8")[:0]))

# ------------------------------------------------------------ creation
def full2(shape, v, dtype=None):
    """np.full with NumPy 2's check of Python integers against the dtype."""
    if dtype is not None and isinstance(v, int) and not isinstance(v, bool) and np.dtype(dtype).kind in "iu":
        info = np.iinfo(dtype)
        if not info.min <= v <= info.max:
            raise OverflowError("Python integer %d out of bounds for %s" % (v, np.dtype(dtype).name))
    return np.full(shape, v, dtype=dtype)


for dt in DT:
    case("zeros %s" % dt, lambda: np.zeros((2, 3), dt))
    case("ones %s" % dt, lambda: np.ones((3,), dt))
    case("full 7 %s" % dt, lambda: full2((2, 2), 7, dt))
    case("full 2.5 %s" % dt, lambda: full2((2,), 2.5, dt))
    case("full -1 %s" % dt, lambda: full2((2,), -1, dt))
    case("full 300 %s" % dt, lambda: full2((2,), 300, dt))
    case("full nan %s" % dt, lambda: full2((2,), math.nan, dt))
    case("full 1+2j %s" % dt, lambda: full2((2,), 1 + 2j, dt))
    case("zeros_like %s" % dt, lambda: np.zeros_like(vals(dt).reshape(4, 4)[::2]))
    case("ones_like f4 %s" % dt, lambda: np.ones_like(vals(dt), dtype=np.float32))
    case("full_like 3 %s" % dt, lambda: np.full_like(vals(dt)[:3], 3))
    case("full_like 2.7 %s" % dt, lambda: np.full_like(vals(dt)[:3], 2.7))
    case("identity %s" % dt, lambda: np.identity(3, dt))
    case("eye k=1 %s" % dt, lambda: np.eye(3, 4, k=1, dtype=dt))
    case("tri %s" % dt, lambda: np.tri(3, 2, -1, dtype=dt))
    case("arange 5 %s" % dt, lambda: np.arange(0, 5, 1, dtype=dt))
    case("linspace %s" % dt, lambda: np.floor(np.linspace(-2.5, 7, 6)).astype(dt) if np.dtype(dt).kind in "iu"
         else np.linspace(-2.5, 7, 6, dtype=dt))  # NumPy 2 floors for integer dtypes
case("full default int", lambda: np.full((2,), 7))
case("full default float", lambda: np.full((2,), 7.5))
case("full default bool", lambda: np.full((2,), True))
case("full default complex", lambda: np.full((2,), 1 + 2j))
case("full default big uint", lambda: np.full((2,), 2**64 - 1))
case("zeros 0-d", lambda: np.zeros(()))
case("zeros (0,3)", lambda: np.zeros((0, 3)))
case("zeros negative", lambda: np.zeros((2, -1)))
case("zeros too big", lambda: np.zeros((2**40, 2**40)))
case("zeros too big empty", lambda: np.zeros((2**40, 0, 2**40), np.uint8))
case("zeros big empty ok", lambda: np.zeros((2**31, 0, 2**31), np.uint8))
case("zeros empty f8 too big", lambda: np.zeros((0, 2**62)))
case("zeros no memory", lambda: np.zeros(2**62, np.uint8))
case("zeros no memory f8", lambda: np.zeros((2**30, 2**29), np.float64))
case("zeros F", lambda: np.zeros((2, 3), order="F"))
case("arange int", lambda: np.arange(0, 10, 3))
case("arange neg", lambda: np.arange(10, 0, -3))
case("arange empty", lambda: np.arange(10, 0, 1))
case("arange float", lambda: np.arange(0.0, 1.0, 0.1))
case("arange float neg", lambda: np.arange(1.0, -1.0, -0.3))
case("arange float mixed", lambda: np.arange(0, 5, 0.5))
case("arange step 0", lambda: np.arange(0, 10, 0))
case("arange f4", lambda: np.arange(0, 1, 0.25, dtype=np.float32))
case("arange i1 overflow", lambda: np.arange(120, 130, 1, dtype=np.int64).astype(np.int8))
case("arange inf", lambda: np.arange(0, math.inf, 1.0))
case("arange nan", lambda: np.arange(0, math.nan, 1.0))
case("arange big", lambda: np.arange(2**62, 2**62 + 3, 1))
case("arange u8 huge", lambda: np.arange(0, 3, 1, dtype=np.uint64))
case("linspace 5", lambda: np.linspace(0, 1, 5))
case("linspace 0", lambda: np.linspace(0, 1, 0))
case("linspace 1", lambda: np.linspace(2, 3, 1))
case("linspace 1 noend", lambda: np.linspace(2, 3, 1, endpoint=False))
case("linspace noend", lambda: np.linspace(0, 1, 4, endpoint=False))
case("linspace rev", lambda: np.linspace(5, -5, 7))
case("linspace neg num", lambda: np.linspace(0, 1, -1))
case("linspace same", lambda: np.linspace(3, 3, 4))
case("linspace inf", lambda: np.linspace(0, math.inf, 3))
case("linspace int floor", lambda: np.floor(np.linspace(-3, 3, 4)).astype(np.int64))  # NumPy 2 floors
case("logspace", lambda: np.logspace(0, 3, 4))
case("logspace base2", lambda: np.logspace(0, 10, 6, base=2.0))
case("logspace noend", lambda: np.logspace(1, 2, 3, endpoint=False))
case("logspace f4", lambda: np.logspace(0, 2, 3, dtype=np.float32))
case("geomspace", lambda: np.geomspace(1, 1000, 4))
case("geomspace neg", lambda: np.geomspace(-1, -1000, 4))
case("geomspace zero", lambda: np.geomspace(0, 10, 3))
case("geomspace sign", lambda: np.geomspace(-1, 10, 3))
case("geomspace rev", lambda: np.geomspace(1000, 1, 4))
case("geomspace noend", lambda: np.geomspace(1, 16, 4, endpoint=False))
case("geomspace 1", lambda: np.geomspace(5, 7, 1))
case("eye 3", lambda: np.eye(3))
case("eye 3x5 k=-1", lambda: np.eye(3, 5, k=-1))
case("eye k=5", lambda: np.eye(3, k=5))
case("eye 0", lambda: np.eye(0))
case("eye M=0", lambda: np.eye(2, 0))
case("eye neg", lambda: np.eye(-1))
case("tri 4", lambda: np.tri(4))
case("tri k=1", lambda: np.tri(3, 5, 1))
case("tril 2d", lambda: np.tril(vals("i4").reshape(4, 4)))
case("tril k=-1", lambda: np.tril(vals("i4").reshape(4, 4), -1))
case("triu k=1", lambda: np.triu(vals("f8").reshape(4, 4), 1))
case("triu 3d", lambda: np.triu(vals("u1").reshape(2, 2, 4)))
case("tril 1d", lambda: np.tril(vals("i8")[:3]))
case("triu wide k=-5", lambda: np.triu(vals("i4").reshape(2, 8), -5))
case("tril 0d", lambda: np.tril(vals("i4")[0].reshape(())))
case("diag 1d", lambda: np.diag(vals("i4")[:3]))
case("diag 1d k=-1", lambda: np.diag(vals("i4")[:3], -1))
case("diag 1d k=2", lambda: np.diag(vals("c8")[:2], 2))
case("diag 2d", lambda: np.diag(vals("i4").reshape(4, 4)))
case("diag 2d k=1", lambda: np.diag(vals("i4").reshape(4, 4), 1))
case("diag 2d k=-3", lambda: np.diag(vals("i4").reshape(4, 4), -3))
case("diag 2d k=9", lambda: np.diag(vals("i4").reshape(4, 4), 9))
case("diag 2d rect", lambda: np.diag(vals("f4").reshape(2, 8), 3))
case("diag 3d", lambda: np.diag(vals("i4").reshape(2, 2, 4)))
case("diag 0d", lambda: np.diag(vals("i4")[0].reshape(())))
case("diag empty", lambda: np.diag(vals("i4")[:0]))
case("diagflat 2d", lambda: np.diagflat(vals("i4")[:4].reshape(2, 2), 1))
# NumPy 2 wraps a 0-d input's result as an array (1.24 returned array(0.))
case("diagflat 0d", lambda: np.diagflat(vals("f8")[2].reshape(()).ravel(), -1))


def arange2(start, stop, step, dtype):
    """np.arange as NumPy 2: start and start + step must fit an integer dtype."""
    n = len(range(start, stop, step))
    for v in [start, start + step][:n]:
        full2((), v, dtype)
    return np.arange(start, stop, step, dtype=dtype)


case("arange -5 u1", lambda: arange2(-5, 0, 1, np.uint8))
case("arange 250 u1", lambda: arange2(250, 260, 1, np.uint8))
case("arange bool 2", lambda: np.arange(0, 2, 1, dtype=bool))
case("arange bool float", lambda: np.arange(0.0, 2.5, 1.0, dtype=bool))
case("full_like -1 u1", lambda: full2((3,), -1, np.uint8))

# ------------------------------------------------------------ casting
def src(d1, d2):
    """vals(d1), without the values whose float -> uint32 cast NumPy gives differently
    by position in its SIMD loop (NaN, inf, out of range)."""
    v = vals(d1)
    return v[:8] if np.dtype(d1).kind in "fc" and d2 == "u4" else v


for d1 in DT:
    for d2 in DT:
        case("astype %s %s" % (d1, d2), lambda: src(d1, d2).astype(d2))
for d1 in DT:
    for d2 in DT:
        case("astype safe %s %s" % (d1, d2), lambda: vals(d1)[:2].astype(d2, casting="safe"))
        case("astype same_kind %s %s" % (d1, d2), lambda: vals(d1)[:2].astype(d2, casting="same_kind"))
for d1 in DT:
    for d2 in DT:
        case("can_cast %s %s" % (d1, d2), lambda: np.array(
            [np.can_cast(d1, d2, c) for c in ["no", "equiv", "safe", "same_kind", "unsafe"]]))
        case("promote %s %s" % (d1, d2), lambda: np.empty(0, np.promote_types(d1, d2)))
case("result_type 3", lambda: np.empty(0, np.result_type(np.int8, np.uint16, np.float16)))
case("result_type i8 u8", lambda: np.empty(0, np.result_type(np.int64, np.uint64)))
case("astype f8 i4 big", lambda: np.array([3e9, -3e9, 2.5, -2.5, 1e300]).astype(np.int32))
case("astype f8 u1", lambda: np.array([-1.0, 256.0, 255.9, 1e10]).astype(np.uint8))
case("astype f8 i8 edge", lambda: np.array([9.3e18, -9.3e18, 2.0**63]).astype(np.int64))
case("astype f8 u8 edge", lambda: np.array([2.0**64, 2.0**63, -1.0, 1.8e19]).astype(np.uint64))
case("astype f8 f2", lambda: np.array([65520.0, 65519.0, 1e-8, 6e-8, 2.9802322387695312e-08, -1e-9]).astype(np.float16))
case("astype f8 f4 round", lambda: np.array([1.0000000596046448, 3.4028235677973366e38, 1e-46]).astype(np.float32))
case("astype c16 f8", lambda: np.array([1 + 2j, -3j]).astype(np.float64))
case("astype c16 i4", lambda: np.array([1.7 + 2j, -3.2 - 3j]).astype(np.int32))
case("astype c16 b1", lambda: np.array([0j, 1j, complex(0, -0.0)]).astype(bool))
case("astype F order", lambda: vals("i4").reshape(4, 4).astype(np.float32, order="F").T)
case("copy F", lambda: np.copy(vals("i4").reshape(4, 4)[::2, ::-1], order="F"))

# ------------------------------------------------------------ shape
V = lambda: vals("i4")  # noqa: E731
case("reshape -1", lambda: V().reshape(2, -1, 4))
case("reshape bad", lambda: V().reshape(3, 5))
case("reshape two -1", lambda: V().reshape(-1, -1))
case("reshape -1 bad", lambda: V().reshape(3, -1))
case("reshape F", lambda: V().reshape((2, 8), order="F"))
case("reshape neg", lambda: V().reshape(-2, 8))
case("reshape empty -1", lambda: V()[:0].reshape(0, -1))
case("reshape empty -1 err", lambda: V()[:0].reshape(-1, 0))
case("reshape 0d", lambda: V()[:1].reshape(()))
case("reshape view", lambda: V().reshape(4, 4)[:, ::2].reshape(8))
case("ravel F", lambda: V().reshape(4, 4).ravel("F"))
case("ravel view", lambda: V().reshape(4, 4)[::-1, 1:3].ravel())
case("flatten F", lambda: V().reshape(2, 8).flatten("F"))
case("transpose", lambda: V().reshape(2, 2, 4).transpose(1, 2, 0))
case("transpose bad", lambda: V().reshape(2, 2, 4).transpose(1, 1, 0))
case("transpose axis oob", lambda: V().reshape(2, 2, 4).transpose(1, 3, 0))
case("transpose neg", lambda: V().reshape(2, 2, 4).transpose(-1, 0, 1))
case("swapaxes", lambda: V().reshape(2, 2, 4).swapaxes(0, -1))
case("swapaxes bad", lambda: V().reshape(2, 8).swapaxes(0, 2))
case("expand_dims 0", lambda: np.expand_dims(V().reshape(2, 8), 0))
case("expand_dims -1", lambda: np.expand_dims(V().reshape(2, 8), -1))
case("expand_dims (0,3)", lambda: np.expand_dims(V().reshape(2, 8), (0, 3)))
case("expand_dims bad", lambda: np.expand_dims(V().reshape(2, 8), 4))
case("expand_dims dup", lambda: np.expand_dims(V().reshape(2, 8), (1, 1)))
case("squeeze", lambda: np.squeeze(V().reshape(1, 16, 1)))
case("squeeze axis", lambda: np.squeeze(V().reshape(1, 16, 1), -1))
case("squeeze bad", lambda: np.squeeze(V().reshape(1, 16, 1), 1))
case("squeeze oob", lambda: np.squeeze(V().reshape(1, 16, 1), 3))
case("broadcast_to", lambda: np.broadcast_to(V()[:4], (3, 4)))
case("broadcast_to bad", lambda: np.broadcast_to(V()[:3], (4,)))
case("broadcast_to 2d bad", lambda: np.broadcast_to(V()[:8].reshape(2, 4), (3, 4)))
case("broadcast_to neg", lambda: np.broadcast_to(V()[:3], (-1, 3)))
case("broadcast_to fewer dims", lambda: np.broadcast_to(V()[:6].reshape(2, 3), (3,)))
case("broadcast_to fewer dims 3d", lambda: np.broadcast_to(V()[:6].reshape(2, 1, 3), (2, 3)))
case("broadcast_to to 0-d", lambda: np.broadcast_to(V()[:3], ()))
case("broadcast_to 0-d", lambda: np.broadcast_to(V()[0], (2, 3)))
case("broadcast_to 0-d to 0-d", lambda: np.broadcast_to(V()[0], ()))
case("broadcast_to empty", lambda: np.broadcast_to(V()[:1], (2, 0)))
case("broadcast_to empty bad", lambda: np.broadcast_to(V()[:0], (2, 3)))
case("broadcast_to neg fewer dims", lambda: np.broadcast_to(V()[:6].reshape(2, 3), (-1,)))
case("broadcast_to more dims bad", lambda: np.broadcast_to(V()[:6].reshape(2, 3), (1, 2, 4, 3)))
case("view u1", lambda: vals("i4")[:2].view(np.uint8))
case("view i8 from i2", lambda: vals("i2")[:8].reshape(2, 4).view(np.int64))
case("view bad size", lambda: vals("i2")[:3].view(np.int32))
case("view noncontig", lambda: vals("i4").reshape(4, 4)[:, ::2].view(np.int16))
case("view 0d", lambda: vals("i4")[0].reshape(()).view(np.int16))
case("view c16 f8", lambda: vals("c16")[:2].view(np.float64))

# ------------------------------------------------------------ .npy
# "npy save X": np.save's bytes (uint8) for an array the C test builds and saves.
# "npy bytes X" then "npy load X": a file image (uint8), then np.load's result or error.
import io  # noqa: E402


def saved(a):
    f = io.BytesIO()
    np.save(f, a)
    return np.frombuffer(f.getvalue(), np.uint8)


def load(raw):
    return np.load(io.BytesIO(bytes(raw)))


for dt in DT:
    case("npy save %s" % dt, lambda: saved(vals(dt)))
    case("npy save F %s" % dt, lambda: saved(np.asfortranarray(vals(dt).reshape(4, 4))))
    case("npy save view %s" % dt, lambda: saved(vals(dt).reshape(4, 4)[::-1, ::2]))
    case("npy save 0d %s" % dt, lambda: saved(vals(dt)[3:4].reshape(())))
    case("npy save empty %s" % dt, lambda: saved(vals(dt)[:0].reshape(0, 3)))
case("npy save U", lambda: saved(np.array(["ab", "c", "héllo"])))
case("npy save S", lambda: saved(np.array([b"ab", b"c"])))
case("npy save 3d F", lambda: saved(np.asfortranarray(vals("i2").reshape(2, 2, 4))))
case("npy save big shape", lambda: saved(np.zeros((1, 0, 2**40), np.uint8)))


def header(d, version=(1, 0), pad=True):
    """A .npy header for the dict text d (NumPy's layout, or unpadded)."""
    h = d.encode("latin1")
    hl = 2 if version == (1, 0) else 4
    total = 6 + 2 + hl + len(h) + 1
    if pad:
        h += b" " * ((64 - total % 64) % 64)
    h += b"\n"
    return b"\x93NUMPY" + bytes(version) + len(h).to_bytes(hl, "little") + h


NPY_FILES = {
    "ok": header("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }") + np.arange(3, dtype="<i4").tobytes(),
    "be f8": header("{'descr': '>f8', 'fortran_order': False, 'shape': (2, 2), }") + np.arange(4, dtype=">f8").tobytes(),
    "be c8 F": header("{'descr': '>c8', 'fortran_order': True, 'shape': (2, 3), }") + np.arange(6, dtype=">c8").tobytes(),
    "be U2": header("{'descr': '>U2', 'fortran_order': False, 'shape': (2,), }") + np.array(["ab", "c"], ">U2").tobytes(),
    "be i2 0d": header("{'descr': '>i2', 'fortran_order': False, 'shape': (), }") + np.array(-2, ">i2").tobytes(),
    "eq f4": header("{'descr': '=f4', 'fortran_order': False, 'shape': (2,), }") + np.arange(2, dtype="<f4").tobytes(),
    "pipe u1": header("{'descr': '|u1', 'fortran_order': False, 'shape': (3,), }") + bytes([1, 2, 255]),
    "no pad": header("{'descr': '<i2', 'fortran_order': False, 'shape': (2,)}", pad=False) + bytes([1, 0, 2, 0]),
    "spaces": header("{ 'shape' : ( 2 , ) , 'fortran_order' : False , 'descr' : '<i2' }") + bytes([1, 0, 2, 0]),
    "v2": header("{'descr': '<u2', 'fortran_order': False, 'shape': (2,), }", (2, 0)) + bytes([1, 0, 2, 0]),
    "v3": header("{'descr': '<U1', 'fortran_order': False, 'shape': (1,), }", (3, 0)) + "é".encode("utf-32-le"),
    "trailing": header("{'descr': '<i1', 'fortran_order': False, 'shape': (2,), }") + bytes([1, 2, 3, 4]),
    "bad version": header("{'descr': '<i1', 'fortran_order': False, 'shape': (2,), }", (4, 0)) + bytes(2),
    "truncated": header("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }") + bytes(8),
    "truncated header": header("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }")[:20],
    "missing key": header("{'descr': '<i4', 'shape': (3,), }") + bytes(12),
    "extra key": header("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), 'x': 1, }") + bytes(12),
    "bad shape": header("{'descr': '<i4', 'fortran_order': False, 'shape': (-1,), }") + bytes(12),
    "shape list": header("{'descr': '<i4', 'fortran_order': False, 'shape': [3], }") + bytes(12),
    "bad descr": header("{'descr': '<q9', 'fortran_order': False, 'shape': (3,), }") + bytes(12),
    "bad fortran": header("{'descr': '<i4', 'fortran_order': 0, 'shape': (3,), }") + bytes(12),
    "not dict": header("['descr', '<i4']") + bytes(12),
    "zero size big": header("{'descr': '<f8', 'fortran_order': False, 'shape': (0, 4611686018427387904), }"),
    "bool": header("{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }") + bytes([0, 1, 2]),
    "f2": header("{'descr': '<f2', 'fortran_order': False, 'shape': (2,), }") + np.array([1.5, -np.inf], "<f2").tobytes(),
    "S3": header("{'descr': '|S3', 'fortran_order': False, 'shape': (2,), }") + b"ab\x00xyz",
}
# Not here (the C test checks the error type only): a bad magic string or an empty
# file (nd answers as np.lib.format.read_array, np.load tries pickle), an object dtype
# (nd: NotImplementedError), a header with a syntax error
# (NumPy: tokenize's TokenError), datetime and structured dtypes (nd lacks them:
# NotImplementedError), a shape whose size overflows int64 (NumPy wraps the count).
for nm, raw in NPY_FILES.items():
    case("npy bytes %s" % nm, lambda: np.frombuffer(raw, np.uint8))
    case("npy load %s" % nm, lambda: load(raw))

# ------------------------------------------------------------ composites


def weak_dt(a, s):
    """The dtype a Python scalar s takes next to array a under NEP 50."""
    k = a.dtype.kind
    if isinstance(s, float):
        return np.dtype(np.float64) if k in "biu" else a.dtype
    return np.dtype(np.int64) if k == "b" else a.dtype


def clip2(a, lo, hi):
    return np.clip(a, np.array(lo, weak_dt(a, lo)), np.array(hi, weak_dt(a, hi)))


def sinc2(x):
    """NumPy 2's sinc: y = pi * x in x's float type (float64 for integers), zeros
    replaced by finfo(dtype).eps (1e-20 for complex), sin(y) / y."""
    dt = x.dtype if x.dtype.kind in "fc" else np.dtype(np.float64)
    y = x.astype(dt) * np.array(np.pi, dtype=np.empty(0, dt).real.dtype)
    eps = np.finfo(dt).eps if dt.kind == "f" else 1e-20
    y = np.where(y != 0, y, np.array(eps, dt))
    return np.sin(y) / y


for dt in DT:
    case("real %s" % dt, lambda: np.real(vals(dt)))
    case("imag %s" % dt, lambda: np.imag(vals(dt)))
    case("angle %s" % dt, lambda: np.angle(vals(dt)))
    case("angle deg %s" % dt, lambda: np.angle(vals(dt), deg=True))
    case("iscomplex %s" % dt, lambda: np.iscomplex(vals(dt)))
    case("isreal %s" % dt, lambda: np.isreal(vals(dt)))
    case("round %s" % dt, lambda: np.round(vals(dt)))
    case("round 2 %s" % dt, lambda: np.round(vals(dt) / 3 if dt[0] in "fc" else vals(dt), 2))
    # uint32: -1 rounds to 2**32, whose cast back NumPy's SIMD loop gives by position
    case("round -1 %s" % dt, lambda: np.round(vals(dt)[:2] if dt == "u4" else vals(dt), -1))
    case("fix %s" % dt, lambda: np.fix(vals(dt)))
    case("clip %s" % dt, lambda: clip2(vals(dt), 1, 5))
    case("clip float %s" % dt, lambda: clip2(vals(dt), 0.5, 2.5))
    case("nan_to_num %s" % dt, lambda: np.nan_to_num(vals(dt)))
    case("isclose %s" % dt, lambda: np.isclose(vals(dt), vals2(dt)))
    case("isclose self %s" % dt, lambda: np.isclose(vals(dt), vals(dt), equal_nan=True))
    case("sinc %s" % dt, lambda: sinc2(vals(dt)))
    case("average %s" % dt, lambda: np.average(vals(dt).reshape(4, 4), axis=0))
    case("average w %s" % dt, lambda: np.average(vals(dt).reshape(4, 4), axis=1, weights=[1, 2, 3, 4]))
case("unwrap", lambda: np.unwrap(np.array([0.0, 3.0, 6.5, 0.2, -3.1, 3.0])))
# nd's period is a double: integer input gives float64 (NumPy: int64 for an int period)
case("unwrap period", lambda: np.unwrap(np.array([0, 5, 10, 2, 9]), period=8.0))
case("unwrap 2d", lambda: np.unwrap(np.array([[0.0, 4.0], [6.0, 0.5]]), axis=0))
# NumPy 2: a NaN bound gives NaN (1.24 took a scalar NaN for "no bound"; arrays show 2.x)
case("clip nan bound", lambda: np.clip(np.array([1.0, 2.0, np.nan]), np.full(3, np.nan), 1.5))
case("clip lo>hi", lambda: np.clip(np.arange(5), 3, 1))
case("nan_to_num opts", lambda: np.nan_to_num(np.array([np.nan, np.inf, -np.inf, 1.0]), nan=-1.0, posinf=9.0, neginf=-9.0))
case("nan_to_num c16", lambda: np.nan_to_num(np.array([complex(np.nan, np.inf), complex(-np.inf, 1)])))
case("nan_to_num f4 inf", lambda: np.nan_to_num(np.array([np.inf, -np.inf], np.float32)))
case("isclose inf", lambda: np.isclose(np.array([np.inf, -np.inf, np.inf, 1e10]), np.array([np.inf, np.inf, 1e308, 1.00001e10])))
case("isclose atol", lambda: np.isclose(np.array([1e-9, 0.0]), np.array([0.0, 1e-7]), atol=1e-8))
case("round half even", lambda: np.round(np.array([0.5, 1.5, 2.5, -0.5, 0.125, 0.375]), 2))
case("round f4", lambda: np.round(np.array([1.2345, 2.5e10], np.float32), 3))
case("round big decimals", lambda: np.round(np.array([1.5, 2.25]), 400))
case("round i8 -2", lambda: np.round(np.array([149, 150, 250, -150], np.int64), -2))
case("round u1 -1", lambda: np.round(np.array([15, 25, 250], np.uint8), -1))
case("average empty", lambda: np.average(np.zeros((0, 3)), axis=0))
case("average w0", lambda: np.average(np.arange(3.0), weights=[0, 0, 0]))
case("ptp f8", lambda: np.ptp(vals("f8").reshape(4, 4), axis=1))
case("ptp i1", lambda: np.ptp(vals("i1").reshape(4, 4), axis=0))
case("ptp b1", lambda: np.ptp(vals("b1")))
case("count_nonzero c8", lambda: np.count_nonzero(vals("c8")))
case("at add", lambda: (lambda a: (np.add.at(a, [0, 1, 0, 3, -1], 5), a)[1])(vals("i4")[:5].copy()))
case("at negative", lambda: (lambda a: (np.negative.at(a, [0, 0, 2]), a)[1])(vals("f8")[:4].copy()))
case("at oob", lambda: np.add.at(vals("i4")[:5].copy(), [7], 1))
case("reduceat f8 2d", lambda: np.add.reduceat(vals("f8")[11:].reshape(1, 5), [0, 2], axis=1))
case("reduceat bad", lambda: np.add.reduceat(np.arange(5), [0, 9]))
case("accumulate empty", lambda: np.add.accumulate(np.zeros((0,), np.int8)))
case("accumulate bool", lambda: np.add.accumulate(vals("b1")))
case("cumsum bool", lambda: np.cumsum(vals("b1")))
case("cumprod u1", lambda: np.cumprod(vals("u1")[:6]))
case("outer 2d", lambda: np.multiply.outer(vals("i2")[:4].reshape(2, 2), vals("i2")[:3]))
case("maximum.reduce nan", lambda: np.maximum.reduce(np.array([1.0, np.nan, 3.0])))
case("fmax.reduce nan", lambda: np.fmax.reduce(np.array([1.0, np.nan, 3.0])))
case("fmin.reduce allnan", lambda: np.fmin.reduce(np.array([np.nan, np.nan])))

# ------------------------------------------------------------ strings, copyto, asarray
for dt in DT:
    case("astype U %s" % dt, lambda: vals(dt)[:8].astype("U"))
    case("astype S12 %s" % dt, lambda: vals(dt)[:8].astype("S12"))
    case("astype U3 %s" % dt, lambda: vals(dt)[:8].astype("U3"))
for dt in ["b1", "i1", "i8", "u2", "f4", "f8", "c16"]:
    case("from U %s" % dt, lambda: np.array(["1", "0", "7", "12"]).astype(dt))
case("from U float text", lambda: np.array(["1.5", "-2e3", "nan", "inf", " 3 "]).astype(np.float64))
case("from U bad int", lambda: np.array(["1.5"]).astype(np.int64))
case("from U bad float", lambda: np.array(["abc"]).astype(np.float64))
case("from U complex", lambda: np.array(["1+2j", "3"]).astype(np.complex128))
case("from U bool", lambda: np.array(["True", "False", "", "0"]).astype(bool))
case("from S int", lambda: np.array([b"42", b"-7"]).astype(np.int16))
case("U to S", lambda: np.array(["ab", "c"]).astype("S"))
case("S to U", lambda: np.array([b"ab", b"c"]).astype("U"))
case("U to S non-ascii", lambda: np.array(["\u00e9"]).astype("S"))
case("U truncate", lambda: np.array(["abcdef"]).astype("U2"))
case("promote U i4", lambda: np.empty(0, np.promote_types("U3", "i4")))
case("promote S U", lambda: np.empty(0, np.promote_types("S5", "U2")))
case("promote U f8", lambda: np.empty(0, np.promote_types("U1", "f8")))
case("promote b1 S", lambda: np.empty(0, np.promote_types("b1", "S1")))
case("can_cast i8 U", lambda: np.array([np.can_cast("i8", "U21"), np.can_cast("i8", "U20"),
                                         np.can_cast("u1", "U3"), np.can_cast("i1", "U3"),
                                         np.can_cast("f8", "U32"), np.can_cast("U3", "i8", "same_kind")]))
case("add U err", lambda: np.add(np.array(["a"]), np.array(["b"])))


def copyto(dst, src, casting="same_kind"):
    np.copyto(dst, src, casting=casting)
    return dst


case("copyto bcast", lambda: copyto(np.zeros((3, 4)), vals("i4")[:4]))
case("copyto same_kind err", lambda: copyto(np.zeros(4, np.int32), vals("f8")[:4]))
case("copyto unsafe", lambda: copyto(np.zeros(4, np.int32), vals("f8")[:4], "unsafe"))
case("copyto bad shape", lambda: copyto(np.zeros((3, 4)), vals("i4")[:3]))
case("copyto overlap", lambda: (lambda a: copyto(a[1:], a[:-1]))(np.arange(6)))
case("copyto no", lambda: copyto(np.zeros(4, np.int64), vals("i4")[:4], "no"))
case("astype no err", lambda: vals("i4").astype(np.int64, casting="no"))
case("astype equiv ok", lambda: vals("i4").astype(np.int32, casting="equiv"))
case("astype safe u8 i8 err", lambda: vals("u8").astype(np.int64, casting="safe"))

# ------------------------------------------------------------ more errors
case("add out shape", lambda: np.add(vals("f8")[:4], 1.0, out=np.zeros(3)))
case("add out shape 2d", lambda: np.add(vals("f8")[:4], 1.0, out=np.zeros((2, 4))))
case("add out bcast ok", lambda: np.add(vals("f8")[:4], vals("f8")[4:8].reshape(4, 1), out=np.zeros((4, 4))))
case("sqrt out int err", lambda: np.sqrt(vals("f8")[:4], out=np.zeros(4, np.int64)))
case("sqrt dtype i8 err", lambda: np.sqrt(vals("i8")[:4], dtype=np.int64))
case("equal dtype f8", lambda: np.equal(vals("i8")[:4], vals("i8")[:4], dtype=np.float64))
case("add where bcast", lambda: np.add(vals("i4").reshape(4, 4), 1, out=np.zeros((4, 4), np.int32), where=[True, False, True, False]))
case("cumsum axis oob", lambda: np.cumsum(vals("i4").reshape(4, 4), axis=2))
case("argmax axis tuple", lambda: np.argmax(vals("i4").reshape(4, 4), axis=-3))
case("mean keepdims out", lambda: np.mean(vals("f8").reshape(4, 4), axis=1, keepdims=True, out=np.zeros((4, 1))))
case("sum out dtype i1", lambda: np.sum(vals("i8").reshape(4, 4), axis=0, out=np.zeros(4, np.int8)))
case("max out wrong ndim", lambda: np.max(vals("f8").reshape(4, 4), axis=0, out=np.zeros((1, 4))))
case("var complex", lambda: np.var(vals("c16")[:8]))
case("std f2", lambda: np.std(vals("f2")[11:]))
case("mean f2 axis", lambda: np.mean(vals("f2").reshape(4, 4)[:, ::2], axis=1))
case("nanmean all nan", lambda: np.nanmean(np.array([[np.nan, 1.0], [np.nan, np.nan]]), axis=1))
case("nanstd ddof big", lambda: np.nanstd(np.array([1.0, np.nan, 3.0]), ddof=2))
case("nansum ints", lambda: np.nansum(vals("i2")))
case("nanprod empty", lambda: np.nanprod(np.zeros((0,), np.float32)))
case("nancumprod nan", lambda: np.nancumprod(np.array([np.nan, 2.0, np.nan, 3.0])))
case("min empty axis1", lambda: np.min(np.zeros((3, 0)), axis=1))
case("argmin empty axis1", lambda: np.argmin(np.zeros((3, 0)), axis=1))
case("argmin empty axis0", lambda: np.argmin(np.zeros((3, 0)), axis=0))
case("all empty", lambda: np.all(np.zeros((0, 3)), axis=1))
case("prod empty f2", lambda: np.prod(np.zeros((0, 3), np.float16), axis=0))


def setitem(a, idx, v):
    """a[idx] = v with NumPy 2's bounds check of Python integers."""
    if isinstance(v, int) and a.dtype.kind in "iu":
        full2((), v, a.dtype)
    a[idx] = v
    return a


def fill(a, v):
    if isinstance(v, int) and a.dtype.kind in "iu":
        full2((), v, a.dtype)
    a.fill(v)
    return a


for dt in DT:
    case("fill 300 %s" % dt, lambda: fill(np.zeros(3, dt), 300))
    case("fill -1 %s" % dt, lambda: fill(np.zeros(3, dt), -1))
    case("fill 2.5 %s" % dt, lambda: fill(np.zeros(3, dt), 2.5))
    case("setitem 300 %s" % dt, lambda: setitem(np.zeros(3, dt), 1, 300))
    case("setitem slice -1 %s" % dt, lambda: setitem(np.zeros(3, dt), slice(None, 2), -1))
    case("setitem fancy 300 %s" % dt, lambda: setitem(np.zeros(3, dt), [0, 1], 300))
    case("setitem mask -300 %s" % dt, lambda: setitem(np.zeros(3, dt), np.array([True, False, True]), -300))
    case("setitem fancy 2d -1 %s" % dt, lambda: setitem(np.zeros((2, 3), dt), (slice(None), [2, 0]), -1))

# ------------------------------------------------------------ complex special values
SPECIAL = [0.0, -0.0, 1.0, -1.0, math.inf, -math.inf, math.nan]
CSPECIAL = np.array([complex(r, i) for r in SPECIAL for i in SPECIAL])
CUNARY = ["exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sqrt", "sin", "cos", "tan", "arcsin",
          "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "square", "reciprocal",
          "absolute", "negative", "conjugate", "isnan", "isinf", "isfinite", "sign"]
for name in CUNARY:
    for dt in ["c8", "c16"]:
        case("special %s %s" % (name, dt), lambda: unary(name, CSPECIAL.astype(dt)))
for name in ["add", "multiply", "divide", "power", "equal", "maximum", "fmin", "less", "greater_equal"]:
    case("special %s c16" % name, lambda: getattr(np, name)(CSPECIAL, CSPECIAL[::-1]))

n = write("conform_core.npys")
print(n, "records")
