"""Golden data for the TypeError when a ufunc has no loop for the operands or for the
requested dtype= (tests/test_ufunc_cast_fpe.c).  NumPy 1.24's texts, with one change:
where 1.24 names DType classes as <class 'numpy.dtype[float64]'>, NumPy 2 (nd's target,
DESIGN 9) writes <class 'numpy.dtypes.Float64DType'>; the script rewrites them so.
Writes noloop.txt, tab separated: ufunc, operand dtypes (comma separated), dtype= or
'-', casting or '-', then OK <result dtype> or the message.
Run with /usr/bin/python3 (NumPy 1.24.2)."""
import re
import numpy as np

CLASS = {"bool_": "Bool", "str_": "Str", "bytes_": "Bytes", "float16": "Float16", "float32": "Float32",
         "float64": "Float64", "complex64": "Complex64", "complex128": "Complex128", "int8": "Int8",
         "int16": "Int16", "int32": "Int32", "int64": "Int64", "uint8": "UInt8", "uint16": "UInt16",
         "uint32": "UInt32", "uint64": "UInt64"}


def to2(msg):
    return re.sub(r"numpy\.dtype\[(\w+)\]", lambda m: f"numpy.dtypes.{CLASS[m.group(1)]}DType", msg)


def arr(code):
    return np.array(["a"]) if code == "U1" else np.array([b"x"]) if code == "S1" else np.ones(2, code)


CASES = [
    ("sin", "f8", "i8", "-"), ("sin", "i8", "i8", "-"), ("sin", "f8", "i8", "unsafe"), ("sqrt", "i8", "i4", "-"),
    ("add", "f8,f8", "i1", "-"), ("add", "f8,f8", "i1", "unsafe"), ("add", "i8,i8", "?", "-"),
    ("add", "i8,i8", "f2", "-"), ("bitwise_and", "f8,f8", "i8", "-"), ("bitwise_and", "i8,i8", "f8", "-"),
    ("invert", "f8", "i8", "unsafe"), ("maximum", "c16,c16", "f8", "-"), ("add", "c16,c16", "f8", "-"),
    ("equal", "i8,i8", "i8", "-"), ("less", "i8,i8", "f8", "-"), ("logical_and", "f8,f8", "f8", "-"),
    ("divide", "i8,i8", "i8", "-"), ("divide", "i8,i8", "i8", "unsafe"), ("divide", "i8,i8", "f4", "-"),
    ("rint", "i8", "i8", "-"), ("add", "f8,i1", "i1", "-"), ("spacing", "i8", "f2", "-"),
    # no loop for the operands themselves
    ("add", "U1,U1", "-", "-"), ("add", "U1,i8", "-", "-"), ("subtract", "S1,f8", "-", "-"),
    ("multiply", "i8,U1", "-", "-"), ("maximum", "U1,S1", "-", "-"), ("gcd", "U1,i8", "-", "-"),
    ("gcd", "f8,f8", "-", "-"), ("lcm", "f4,i8", "-", "-"),
    ("logical_and", "U1,U1", "-", "-"), ("logical_or", "S1,f8", "-", "-"), ("equal", "U1,i8", "-", "-"),
    ("less", "i8,S1", "-", "-"), ("negative", "U1", "-", "-"), ("absolute", "S1", "-", "-"),
    ("sign", "U1", "-", "-"), ("sin", "U1", "-", "-"), ("power", "U1,i8", "-", "-"),
    ("bitwise_and", "f8,f8", "-", "-"), ("invert", "f8", "-", "-"), ("floor", "c16", "-", "-"),
    ("arctan2", "c16,c16", "-", "-"), ("isnan", "U1", "-", "-"),
]
lines = []
for name, ops, dt, casting in CASES:
    kw = {}
    if dt != "-":
        kw["dtype"] = np.dtype(dt)
    if casting != "-":
        kw["casting"] = casting
    try:
        with np.errstate(all="ignore"):
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                r = getattr(np, name)(*[arr(c) for c in ops.split(",")], **kw)
        res = f"OK {r.dtype.name}"
    except TypeError as e:
        res = to2(str(e))
    lines.append("\t".join([name, ops, dt, casting, res]))
with open("noloop.txt", "w") as f:
    f.write("\n".join(lines) + "\n")
