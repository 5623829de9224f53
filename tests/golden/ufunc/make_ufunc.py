#!/usr/bin/python3
"""Golden data of tests/test_ufunc.c, made with NumPy (1.24 here; NEP 50 weak-scalar
promotion is switched on with np._set_promotion_state('weak'), which is NumPy 2's rule).

    /usr/bin/python3 tests/golden/ufunc/make_ufunc.py

Writes, beside this script:
  types.txt   result dtypes of every ufunc for every pair (or single) of array dtypes
  values.txt  results of every ufunc on edge-case inputs of every dtype (exact: floats
              as hex), and the divide/invalid/overflow flags NumPy raised
  math.txt    the math ufuncs (exp ... float_power) on edge cases of every dtype:
              header "V name dtype result_dtypes flags", x, y, then one line per output
  composite.txt  real, imag, angle, around, fix, clip, nan_to_num, isclose, sinc ... in
              the same format (NEP 50 weak scalars)
  weak.txt    NEP 50 results with C (Python) scalars: dtype or the error
  reduce.txt  sum/prod/max/min/all/any/cumsum/cumprod of a 3x4 array of every dtype,
              axis None/0/1, and float sums of long arrays (pairwise, bit exact)
"""
import os
import warnings
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
         "float16", "float32", "float64", "complex64", "complex128"]
BINARY = ["add", "subtract", "multiply", "divide", "floor_divide", "remainder", "fmod", "power",
          "equal", "not_equal", "less", "less_equal", "greater", "greater_equal",
          "logical_and", "logical_or", "logical_xor", "bitwise_and", "bitwise_or", "bitwise_xor",
          "left_shift", "right_shift", "maximum", "minimum", "fmax", "fmin"]
UNARY = ["negative", "positive", "absolute", "square", "sqrt", "logical_not", "invert"]
# the math ufuncs: types.txt, and values in math.txt (tested with an ulp tolerance for
# the transcendental ones by tests/test_ufunc_math.c)
MATH_UNARY = ["exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
              "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh",
              "arctanh", "cbrt", "reciprocal", "sign", "fabs", "rint", "floor", "ceil", "trunc",
              "degrees", "radians", "deg2rad", "rad2deg", "isnan", "isinf", "isfinite",
              "signbit", "spacing", "conjugate", "frexp", "modf"]
MATH_BINARY = ["arctan2", "hypot", "logaddexp", "logaddexp2", "copysign", "nextafter", "ldexp",
               "heaviside", "gcd", "lcm", "float_power"]


def fmt(v, dt):
    dt = np.dtype(dt)
    if dt.kind == "b":
        return "1" if v else "0"
    if dt.kind in "iu":
        return str(int(v))
    if dt.kind == "f":
        return float(v).hex()
    return "%s,%s" % (float(v.real).hex(), float(v.imag).hex())


def inputs(dt):
    dt = np.dtype(dt)
    if dt.kind == "b":
        x = [False, True, True, False, True, False, True, True, False, True]
        y = [False, False, True, True, True, False, True, False, True, True]
    elif dt.kind == "i":
        info = np.iinfo(dt)
        x = [0, 1, -1, 5, -7, int(info.max), int(info.min), 3, 100 % int(info.max), -(100 % int(info.max))]
        y = [1, 2, -3, 0, 2, 1, -1, 7, -3, 0]
    elif dt.kind == "u":
        info = np.iinfo(dt)
        x = [0, 1, int(info.max), 5, 7, 200, 3, 100, 2, 9]
        y = [1, 2, 3, 0, 2, 1, int(info.max), 7, 3, 0]
    elif dt.kind == "f":
        x = [0.0, -0.0, 1.5, -2.5, np.inf, -np.inf, np.nan, 1e300, 3.0, -7.25]
        y = [0.0, 2.0, -0.5, 3.0, np.inf, 2.0, 1.0, 1e10, -0.0, 2.5]
    else:
        x = [0, 1 + 2j, -1.5 + 0.5j, complex(np.inf, 0), complex(np.nan, 1), 3 - 4j, 2j, -2, 1e300 + 1e300j, 0.5]
        y = [1, 1 - 1j, 0, 2 + 0j, 1, 3 - 4j, 1j, -2, 1e-300, 0.25 + 4j]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return np.array(x).astype(dt), np.array(y).astype(dt)


def flags(f):
    got = []
    def handler(kind, flag):
        got.append(kind)
    old = np.seterrcall(handler)
    with np.errstate(all="call"):
        r = f()
    np.seterrcall(old)
    bits = 0
    for k in got:
        bits |= {"divide by zero": 1, "overflow": 2, "underflow": 4, "invalid value": 8}[k]
    return r, bits


def math_inputs(dt):
    """Edge cases of the math ufuncs: signed zeros, domain edges, overflow, subnormals,
    and for complex the branch cuts approached from both sides (signed zeros)."""
    dt = np.dtype(dt)
    if dt.kind == "f":
        x = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.5, -3.75, 1e-3, 100.0, 710.0, -750.0, 1e300,
             np.inf, -np.inf, np.nan, 1e-310, 3.0, 0.75, -1e10, 0.99999, 89.5, -2.0, 1e-20]
        y = [0.0, 2.0, -0.5, 3.0, 0.5, -0.0, np.inf, 1.0, -2.0, 100.0, 3.0, -750.0, 1.0,
             np.inf, 1.0, 2.0, 0.0, -3.0, np.nan, 10.0, 1.0, -90.0, 4.0, -1e-20]
    elif dt.kind == "c":
        x = [0j, complex(-0.0, -0.0), complex(-2, 0.0), complex(-2, -0.0), complex(2, 0.0),
             complex(2, -0.0), complex(0.0, 2), complex(-0.0, 2), complex(0.0, -2),
             complex(-0.0, -2), 0.5 + 0.5j, -1.5 + 0.5j, complex(np.inf, 1), complex(-np.inf, 1),
             complex(1, np.inf), complex(np.nan, 0), complex(0, np.nan), 3 - 4j,
             complex(1e300, 1e300), 1e-3 + 1e-3j, complex(1, 0.0), complex(-1, 0.0),
             complex(0.0, 1), 100 + 1j]
        y = [1 + 0j] * len(x)
    else:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return np.array(x).astype(dt), np.array(y).astype(dt)


def math_values():
    with open(os.path.join(HERE, "math.txt"), "w") as out:
        for name in MATH_UNARY + MATH_BINARY:
            uf = getattr(np, name)
            for dt in TYPES:
                xy = math_inputs(dt) or inputs(dt)
                x, y = xy
                if name == "ldexp":
                    y = np.array([0, 1, -1, 3, 1000, -1000, 2, 5, -3, 7, 2000, 1, 0, 4, -2, 1, 9, 0, 1, 2,
                                  3, -5, 6, 60][:len(x)], dtype=np.int64)
                if name == "float_power" and dt in ("float16", "float32"):
                    pass
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        r, bits = flags(lambda: uf(x) if uf.nin == 1 else uf(x, y))
                except TypeError:
                    continue
                rs = r if isinstance(r, tuple) else (r,)
                out.write("V %s %s %s %d\n" % (name, dt, ",".join(v.dtype.name for v in rs), bits))
                out.write(" ".join(fmt(v, x.dtype) for v in x) + "\n")
                out.write(" ".join(fmt(v, y.dtype) for v in y) + "\n")
                for v in rs:
                    out.write(" ".join(fmt(e, v.dtype) for e in v) + "\n")


COMPOSITES = {
    "real": lambda x, y: np.real(x).copy(),
    "imag": lambda x, y: np.imag(x).copy(),
    "angle": lambda x, y: np.angle(x),
    "angle_deg": lambda x, y: np.angle(x, deg=True),
    "iscomplex": lambda x, y: np.iscomplex(x),
    "isreal": lambda x, y: np.isreal(x),
    "around": lambda x, y: np.around(x),
    "around_2": lambda x, y: np.around(x, 2),
    "around_m1": lambda x, y: np.around(x, -1),
    "fix": lambda x, y: np.fix(x),
    "clip": lambda x, y: np.clip(x, y, 3),
    "nan_to_num": lambda x, y: np.nan_to_num(x),
    "isclose": lambda x, y: np.isclose(x, y),
    "isclose_nan": lambda x, y: np.isclose(x, y, rtol=0.1, atol=0.0, equal_nan=True),
    "sinc": lambda x, y: sinc2(x),
}


def sinc2(x):
    """NumPy 2's np.sinc (1.24's np.where ignores weak scalars): y = pi * x in x's float
    type (float64 for integers), zeros replaced by finfo(dtype).eps (1e-20 for complex),
    then sin(y) / y."""
    dt = x.dtype if x.dtype.kind in "fc" else np.dtype(np.float64)
    y = x.astype(dt) * np.array(np.pi, dtype=np.empty(0, dt).real.dtype)
    eps = np.finfo(dt).eps if dt.kind == "f" else 1e-20
    y = np.where(y != 0, y, np.array(eps, dt))
    return np.sin(y) / y


def composite_values():
    """composite.txt: the functions built on ufuncs (same format as math.txt), with
    NEP 50 weak scalars (NumPy 2)."""
    np._set_promotion_state("weak")
    with open(os.path.join(HERE, "composite.txt"), "w") as out:
        for name, f in COMPOSITES.items():
            for dt in TYPES:
                x, y = math_inputs(dt) or inputs(dt)
                if dt in ("complex64", "complex128") and name.startswith("isclose"):
                    y = x[::-1].copy()
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        with np.errstate(all="ignore"):
                            r = np.asarray(f(x, y))
                except (TypeError, OverflowError, ValueError):
                    continue
                out.write("V %s %s %s 0\n" % (name, dt, r.dtype.name))
                out.write(" ".join(fmt(v, x.dtype) for v in x) + "\n")
                out.write(" ".join(fmt(v, y.dtype) for v in y) + "\n")
                out.write(" ".join(fmt(e, r.dtype) for e in r) + "\n")
    np._set_promotion_state("legacy")


def main():
    with open(os.path.join(HERE, "types.txt"), "w") as out:
        for name in BINARY + MATH_BINARY:
            uf = getattr(np, name)
            for a in TYPES:
                for b in TYPES:
                    try:
                        with np.errstate(all="ignore"):
                            r = uf(np.ones(2, a), np.ones(2, b)).dtype.name
                    except TypeError:
                        r = "TypeError"
                    out.write("%s %s %s %s\n" % (name, a, b, r))
        for name in UNARY + MATH_UNARY + ["divmod"]:
            uf = getattr(np, name)
            for a in TYPES:
                try:
                    with np.errstate(all="ignore"):
                        r = uf(np.ones(2, a), np.ones(2, a)) if name == "divmod" else uf(np.ones(2, a))
                    r = r[0].dtype.name if isinstance(r, tuple) else r.dtype.name
                except TypeError:
                    r = "TypeError"
                out.write("%s %s - %s\n" % (name, a, r))

    with open(os.path.join(HERE, "values.txt"), "w") as out:
        for name in BINARY + UNARY + ["divmod_q", "divmod_r"]:
            for dt in TYPES:
                x, y = inputs(dt)
                if name == "power" and np.dtype(dt).kind == "i":
                    y = np.abs(y).astype(dt)
                uf = getattr(np, name.split("_")[0] if name.startswith("divmod") else name)
                try:
                    if name.startswith("divmod"):
                        r, bits = flags(lambda: uf(x, y)[0 if name.endswith("q") else 1])
                    elif name in UNARY:
                        r, bits = flags(lambda: uf(x))
                    else:
                        r, bits = flags(lambda: uf(x, y))
                except TypeError:
                    continue
                out.write("V %s %s %s %d\n" % (name, dt, r.dtype.name, bits))
                out.write(" ".join(fmt(v, dt) for v in x) + "\n")
                out.write(" ".join(fmt(v, dt) for v in y) + "\n")
                out.write(" ".join(fmt(v, r.dtype) for v in r) + "\n")

    math_values()
    composite_values()

    np._set_promotion_state("weak")
    scalars = [("i", 1), ("i", -1), ("i", 300), ("i", 70000), ("f", 2.0), ("f", 1e300), ("c", 1j), ("b", True)]
    with open(os.path.join(HERE, "weak.txt"), "w") as out:
        for name in ["add", "multiply", "divide", "less", "maximum", "floor_divide", "power"]:
            uf = getattr(np, name)
            for dt in TYPES:
                for kind, v in scalars:
                    try:
                        with np.errstate(all="ignore"):
                            r = uf(np.ones(2, dt), v)
                            res = "%s %s" % (r.dtype.name, fmt(r[0], r.dtype))
                    except ValueError:
                        res = "ValueError"
                    except OverflowError:
                        res = "OverflowError"
                    except TypeError:
                        res = "TypeError"
                    sv = fmt(v, {"i": "int64", "f": "float64", "c": "complex128", "b": "bool"}[kind])
                    out.write("%s %s %s %s %s\n" % (name, dt, kind, sv, res))
    np._set_promotion_state("legacy")

    with open(os.path.join(HERE, "reduce.txt"), "w") as out:
        for dt in TYPES:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                a = (np.arange(12).reshape(3, 4) % 5 - 1).astype(dt)
            for fn in ["sum", "prod", "max", "min", "all", "any", "cumsum", "cumprod"]:
                for axis in [None, 0, 1]:
                    try:
                        with np.errstate(all="ignore"):
                            r = np.asarray(getattr(np, fn)(a, axis=axis))
                    except TypeError:
                        continue
                    out.write("R %s %s %s %s %s\n" % (fn, dt, "N" if axis is None else axis, r.dtype.name,
                                                      ",".join(map(str, r.shape))))
                    out.write(" ".join(fmt(v, r.dtype) for v in r.ravel()) + "\n")
        # long float sums: element i is the bench formula (exact in C)
        for dt in ["float32", "float64"]:
            for n in [7, 100, 1000, 8192, 8193, 20000, 100003]:
                u = np.arange(n, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
                x = (((u >> np.uint64(11)).astype(np.float64) * 2.0**-53) * 2000.0 - 1000.0).astype(dt)
                out.write("S %s %d %s %s\n" % (dt, n, fmt(np.sum(x), dt), fmt(np.sum(x[::3]), dt)))


if __name__ == "__main__":
    main()
