#!/usr/bin/python3
"""Golden data for casts (tests/test_cast.c), made with NumPy.

cast_numeric.txt: "<src> <src bytes hex> <bytes hex of the value cast to each of the 14
  numeric dtypes, in nd_type order>".  Every cast is of a one-element array: NumPy's
  auto-vectorized loops give other values for some out-of-range float -> uint32 inputs in
  the middle of long arrays; its scalar code (and nd) give these.
cast_text.txt: "<src> <src bytes hex> <text>": str() of the element as astype('S') and
  astype('U') write it (the test checks both).
parse.txt: "<kind S|U> <dst> <hex of the utf-8 text> <result bytes hex | ValueError |
  OverflowError>".  NumPy 2 raises OverflowError for text whose integer is out of the
  target's range (NumPy 1.24, which made this file, wrapped); this script computes
  that case itself."""
import os
import warnings
import numpy as np

warnings.simplefilter("ignore")
here = os.path.dirname(os.path.abspath(__file__))
numeric = ["?", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16"]

ints = [0, 1, -1, 2, 127, 128, -128, -129, 255, 256, 32767, 32768, -32769, 65535, 65536,
        2**31 - 1, 2**31, -2**31 - 1, 2**32 - 1, 2**32, 2**53 + 1, 2**63 - 1, -2**63,
        2**64 - 1, 2**24 + 1, 65504, 65520, 2049, 12345678901234567]
floats = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, -0.5, 127.0, 128.0, 255.0, 256.0,
          65535.0, 65504.0, 65519.0, 65520.0, 2.0**31, 2.0**32, 2.0**63, 2.0**64, -2.0**63,
          1e20, -1e20, 300.7, -300.7, -1.5, 4e9, -4e9, 1e10, -1e10, 1e-8, 6e-8, 6.1e-5,
          3e-5, 0.1, 1 / 3, 1e16, 1e15, 1e-4, 1e-5, 123456789.0, 16777217.0,
          2.0**31 - 0.5, -2.0**31 - 1, np.nan, np.inf, -np.inf, 5e-324, 1.7976931348623157e308]
complexes = [1j, -1j, 1.5 - 2.5j, complex(-0.0, 0.0), complex(0.0, -0.0), complex(1, np.nan),
             complex(np.inf, -np.inf), complex(0, 1e20), complex(1e-5, 1), complex(300.7, 2)]


def source_values(t):
    dt = np.dtype(t)
    if dt.kind in "biu":
        info = None if dt.kind == "b" else np.iinfo(dt)
        out = []
        for v in ints:
            if dt.kind == "b":
                out.append(np.array(v != 0, dtype=dt))
            else:
                w = v % (info.max - info.min + 1)
                if dt.kind == "i" and w > info.max:
                    w -= info.max - info.min + 1
                out.append(np.array(w, dtype=dt))
        return out
    vals = floats + (complexes if dt.kind == "c" else [])
    return [np.array([v]).astype(dt)[0:1].reshape(()) for v in vals]


def hexof(a):
    return np.ascontiguousarray(a).tobytes().hex()


with open(os.path.join(here, "cast_numeric.txt"), "w") as f, \
        open(os.path.join(here, "cast_text.txt"), "w") as g:
    for t in numeric:
        seen = set()
        for v in source_values(t):
            h = hexof(v)
            if h in seen:
                continue
            seen.add(h)
            outs = [hexof(v.reshape(1).astype(np.dtype(d))) for d in numeric]
            f.write("%s %s %s\n" % (np.dtype(t).str, h, " ".join(outs)))
            s = v.reshape(1).astype("S")[0].decode()
            assert s == str(v.reshape(1).astype("U")[0])
            g.write("%s %s %s\n" % (np.dtype(t).str, h, s))

texts = ["0", "1", "-1", "+5", " 12 ", "\t-7\n", "1_000", "1__0", "_1", "1_", "007", "-0",
         "127", "128", "-128", "-129", "255", "256", "65535", "65536", "4294967295",
         "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
         "-9223372036854775809", "18446744073709551615", "18446744073709551616",
         "99999999999999999999", "1.5", "-2.5", "1e3", "1E-3", ".5", "5.", "1_0.2_5",
         "inf", "-inf", "Infinity", " nan ", "NaN", "-nan", "1e400", "1e-400", "0x10", "",
         " ", "abc", "1+2j", "(1+2j)", "( 3-4j )", "2j", "-j", "j", "1e3j", "1+j", "1.5e+2-0.5J",
         "é", "1 2", "--1", "+-1", "0.1", "65504", "65520", "3.4028235e38", "3.5e38"]

with open(os.path.join(here, "parse.txt"), "w") as f:
    for kind in "SU":
        for text in texts:
            if kind == "S":
                try:
                    src = np.array([text.encode("ascii")], dtype="S40")
                except UnicodeEncodeError:
                    src = np.array([text.encode("utf-8")], dtype="S40")
            else:
                src = np.array([text], dtype="U40")
            for d in numeric:
                dt = np.dtype(d)
                try:
                    r = hexof(src.astype(dt))
                    if dt.kind in "iu":
                        v = int(text.encode() if kind == "S" else text)
                        info = np.iinfo(dt)
                        if v < info.min or v > info.max:
                            r = "OverflowError"
                except OverflowError:
                    r = "OverflowError"
                except (ValueError, UnicodeDecodeError):
                    r = "ValueError"
                f.write("%s %s %s %s\n" % (kind, dt.str, text.encode("utf-8").hex() or "-", r))
