#!/usr/bin/python3
"""Golden values for tests/test_fft.c, from NumPy (run with /usr/bin/python3).

Writes <case>_in.npy (input) and <case>_out.npy (NumPy's result) per case, and
cases.txt: one line per case, `case func key=value...`, with the options of the call
(n, axis, norm, s, axes) and `dtype=` the result dtype NumPy 2 gives (NumPy 1.x
computed float32/complex64 in double: the values here are double, the test compares
them at single precision and checks the NumPy 2 dtype).
"""
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240509)


def real(*shape):
    return rng.standard_normal(shape)


def cplx(*shape):
    return rng.standard_normal(shape) + 1j * rng.standard_normal(shape)


def np2_dtype(func, a):
    single = a.dtype in (np.float16, np.float32, np.complex64)
    if func in ("irfft", "hfft", "irfft2", "irfftn"):
        if a.dtype == np.float16:
            return "float16"
        return "float32" if single else "float64"
    return "complex64" if single else "complex128"


lines = []


def case(name, func, a, **kw):
    f = getattr(np.fft, func)
    args = dict(kw)
    if "s" in args:  # s[i] == -1 (whole input) is NumPy 2; spell it out for 1.x
        args["s"] = [a.shape[ax] if v == -1 else v for v, ax in zip(args["s"], args["axes"])]
    res = f(a, **args)
    np.save(os.path.join(HERE, name + "_in.npy"), a)
    np.save(os.path.join(HERE, name + "_out.npy"), np.asarray(res))
    parts = [name, func]
    for k, v in kw.items():
        if isinstance(v, (tuple, list)):
            v = ",".join(str(x) for x in v)
        parts.append("%s=%s" % (k, v))
    parts.append("dtype=" + np2_dtype(func, a))
    lines.append(" ".join(parts))


# one-dimensional transforms, n padding / cropping, axes, norms
for func in ("fft", "ifft"):
    case(func + "_c16", func, cplx(16))
    case(func + "_c7_ortho", func, cplx(7), norm="ortho")
    case(func + "_c12_forward", func, cplx(12), norm="forward")
    case(func + "_pad", func, cplx(5), n=8)
    case(func + "_crop", func, cplx(10), n=6)
    case(func + "_axis0", func, cplx(6, 4), axis=0)
    case(func + "_axis1_n5", func, cplx(3, 4), axis=1, n=5)
    case(func + "_real_in", func, real(9))
    case(func + "_prime", func, cplx(101))
    case(func + "_bluestein", func, cplx(2 * 67))
for func in ("rfft", "ihfft"):
    case(func + "_r16", func, real(16))
    case(func + "_r15", func, real(15))
    case(func + "_pad_odd", func, real(6), n=9)
    case(func + "_crop_even", func, real(11), n=8)
    case(func + "_axis0_ortho", func, real(7, 3), axis=0, norm="ortho")
    case(func + "_forward", func, real(10), norm="forward")
    case(func + "_n1", func, real(4), n=1)
    case(func + "_int", func, np.arange(12, dtype=np.int32) ** 2 % 7)
for func in ("irfft", "hfft"):
    case(func + "_c9", func, cplx(9))
    case(func + "_odd_n", func, cplx(9), n=17)
    case(func + "_pad", func, cplx(5), n=16)
    case(func + "_crop", func, cplx(12), n=9)
    case(func + "_axis0_ortho", func, cplx(5, 3), axis=0, norm="ortho")
    case(func + "_forward", func, cplx(6), norm="forward")
    case(func + "_n1", func, cplx(3), n=1)
    case(func + "_n2", func, cplx(2))
# n-dimensional
a3 = cplx(4, 5, 6)
r3 = real(4, 5, 6)
for func in ("fftn", "ifftn"):
    case(func + "_all", func, a3)
    case(func + "_axes", func, a3, axes=(0, 2))
    case(func + "_s_axes", func, a3, s=(3, 8), axes=(2, 0), norm="ortho")
    case(func + "_repeat", func, a3, axes=(1, 1))
    case(func + "_s_minus1", func, a3, s=(-1, 4), axes=(0, 1))
for func in ("fft2", "ifft2"):
    case(func + "_def", func, a3)
    case(func + "_s", func, cplx(5, 6), s=(8, 3), axes=(0, 1), norm="forward")
    case(func + "_axes", func, a3, axes=(2, 0))
case("rfftn_all", "rfftn", r3)
case("rfftn_s_axes", "rfftn", r3, s=(6, 7), axes=(0, 1), norm="ortho")
case("rfftn_axes", "rfftn", r3, axes=(2, 1))
case("rfft2_def", "rfft2", r3)
case("rfft2_s", "rfft2", real(6, 5), s=(4, 9), axes=(0, 1))
case("irfftn_all", "irfftn", np.fft.rfftn(r3))
case("irfftn_s_axes", "irfftn", a3, s=(5, 9), axes=(0, 2), norm="forward")
case("irfftn_axes", "irfftn", a3, axes=(2, 1))
case("irfft2_def", "irfft2", a3)
case("irfft2_s", "irfft2", cplx(6, 5), s=(4, 7), axes=(0, 1), norm="ortho")
# single precision and other dtypes (NumPy 2 keeps float32 / complex64)
case("fft_f32", "fft", real(24).astype(np.float32))
case("fft_c64", "fft", cplx(20).astype(np.complex64))
case("rfft_f32", "rfft", real(32).astype(np.float32))
case("irfft_c64", "irfft", cplx(17).astype(np.complex64))
case("fft_bool", "fft", np.array([True, False, True, True, False]))
case("fft_i64", "fft", np.arange(-3, 9, dtype=np.int64))
case("fft_u8", "fft", np.arange(250, 256, dtype=np.uint8))

with open(os.path.join(HERE, "cases.txt"), "w") as f:
    f.write("\n".join(lines) + "\n")

# fftfreq / rfftfreq / shifts
with open(os.path.join(HERE, "freq.txt"), "w") as f:
    for n, d in ((1, 1.0), (2, 1.0), (7, 1.0), (8, 0.1), (9, 2.5), (10, 1 / 3)):
        f.write("fftfreq %d %r %s\n" % (n, d, " ".join(repr(float(x)) for x in np.fft.fftfreq(n, d))))
        f.write("rfftfreq %d %r %s\n" % (n, d, " ".join(repr(float(x)) for x in np.fft.rfftfreq(n, d))))
print(len(lines), "cases")
