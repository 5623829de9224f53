#!/usr/bin/python3
"""Golden data for tests/test_conform_linalg.c: products, einsum and np.linalg checked
from outside against NumPy.  Each case's label is its own recipe, read by both sides:
`op arg... key=value...`, an arg being `<dtype>[<shape>]s<seed>` with optional diagonal
shift `+K`/`-K` and flags (T: swap the last two axes after building, R: reverse the last
axis, H: Hermitian, n/i: element 0 NaN/inf, B/S: values times 1e300 / 1e-300).  The values come from a formula both sides
compute (see mk below and mk() in the test).  Run with /usr/bin/python3 (NumPy 1.24);
NumPy 2.x results are computed by hand where 1.24 differs (marked "2.x")."""
import os
import re
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import npys  # noqa: E402

ARG = re.compile(r"^(b1|i1|i2|i4|i8|u1|u2|u4|u8|f2|f4|f8|c8|c16)\[([\d,]*)\]s(\d+)([+-]\d+)?([TRHniBS]*)$")


class BadRecipe(BaseException):
    """A label the recipe grammar does not accept (not caught by npys.case)."""


def mk(spec):
    m = ARG.match(spec)
    if not m:
        raise BadRecipe(spec)
    code, shp, seed, shift, flags = m.group(1), m.group(2), int(m.group(3)), m.group(4), m.group(5)
    shape = tuple(int(x) for x in shp.split(",")) if shp else ()
    n = int(np.prod(shape))
    k = np.arange(n)
    if "H" in flags:  # Hermitian: element (r, c) made from (min, max), imaginary part odd
        nn = shape[-1]
        r = (k // nn) % nn
        c = k % nn
        kk = (k // (nn * nn)) * nn * nn + np.minimum(r, c) * nn + np.maximum(r, c)
        sgn = np.sign(c - r)
    else:
        kk, sgn = k, np.ones(n)
    a = (kk * 7 + seed * 13 + 3) % 11
    b = (kk * 5 + seed * 3 + 1) % 7
    kind = code[0]
    if kind == "b":
        re_ = (a % 2).astype(float)
    elif kind == "i":
        re_ = (a - 5).astype(float)
    elif kind == "u":
        re_ = a.astype(float)
    else:
        re_ = (a - 5) * 0.5 + (b % 4) * 0.125
    im = (b - 3) * 0.5 * sgn if kind == "c" else np.zeros(n)
    if shift and len(shape) >= 2:
        nc = shape[-1]
        nr = shape[-2]
        diag = ((k // nc) % nr) == (k % nc)
        re_ = re_ + diag * int(shift)
    if "n" in flags and n:
        re_[0] = np.nan
    if "i" in flags and n:
        re_[0] = np.inf
    if "B" in flags:  # huge / tiny values (scaled in float64, then cast)
        re_, im = re_ * 1e300, im * 1e300
    if "S" in flags:
        re_, im = re_ * 1e-300, im * 1e-300
    x = re_ + 1j * im if kind == "c" else re_
    arr = np.asarray(x).reshape(shape).astype(np.dtype(code))
    if "T" in flags:
        arr = np.swapaxes(arr, -1, -2)
    if "R" in flags:
        arr = arr[..., ::-1]
    return arr


def ints(s):
    return [int(x) for x in s.split(",")] if s else []


def ordv(s):
    if s in ("fro", "nuc"):
        return s
    if s == "None":
        return None
    return float(s)


# ------------------------------------------------------------- NumPy 2.x by hand
def vecdot2(a, b, axis=-1):
    # 2.x: a gufunc (n),(n)->() of the operands' common dtype (bool: any(a & b))
    if a.ndim == 0 or b.ndim == 0:
        raise ValueError("vecdot: Input operand %d does not have enough dimensions (has 0, gufunc core with "
                         "signature (n),(n)->() requires 1)" % (0 if a.ndim == 0 else 1))
    for x in (a, b):
        if not -x.ndim <= axis < x.ndim:
            raise np.AxisError(axis, x.ndim)
    a = np.moveaxis(a, axis, -1)
    b = np.moveaxis(b, axis, -1)
    if a.shape[-1] != b.shape[-1]:
        raise ValueError("vecdot: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
                         "(n),(n)->() (size %d is different from %d)" % (b.shape[-1], a.shape[-1]))
    t = np.result_type(a, b)
    if t.kind == "b":
        return np.any(a & b, axis=-1)
    return np.sum(np.conj(a) * b, axis=-1, dtype=t)


def solve2(a, b):
    # 2.x: b is a vector only when it is 1-d; otherwise (..., M, K) broadcast
    if b.ndim == 1 and a.ndim > 2:
        if a.shape[-1] != a.shape[-2]:
            return np.linalg.solve(a, b)  # the square check comes first
        if a.shape[-1] != b.shape[0]:
            raise ValueError("solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
                             "(m,m),(m)->(m) (size %d is different from %d)" % (b.shape[0], a.shape[-1]))
        return np.linalg.solve(a, np.broadcast_to(b[:, None], a.shape[:-2] + (b.shape[0], 1)))[..., 0]
    if a.ndim < 2 or b.ndim < 2:
        return np.linalg.solve(a, b)
    batch = np.broadcast_shapes(a.shape[:-2], b.shape[:-2])
    a2 = np.broadcast_to(a, batch + a.shape[-2:])
    b2 = np.broadcast_to(b, batch + b.shape[-2:])
    return np.linalg.solve(a2, b2)


def cholesky2(a, upper=False):
    if not upper:
        return np.linalg.cholesky(a)
    # 2.x upper=True reads the upper triangle: U = cholesky(A)^H for Hermitian A
    return np.swapaxes(np.linalg.cholesky(np.swapaxes(a, -1, -2).conj()), -1, -2).conj()


def svdvals2(a):
    return np.linalg.svd(a, compute_uv=False)


def pinv2(a, o):
    herm = o.get("herm") == "1"
    if "rtol" in o and "rcond" in o:
        raise ValueError("`rtol` and `rcond` can't be both set.")
    if "rtol" in o:
        return np.linalg.pinv(a, rcond=float(o["rtol"]), hermitian=herm)
    if "rtolnone" in o:  # 2.x rtol=None: max(M, N) * eps
        rc = max(a.shape[-2:]) * np.finfo(np.linalg.inv(np.eye(1, dtype=a.dtype)).dtype if a.dtype.kind in "fc" else np.float64).eps
        return np.linalg.pinv(a, rcond=rc, hermitian=herm)
    if "rcond" in o:
        return np.linalg.pinv(a, rcond=float(o["rcond"]), hermitian=herm)
    return np.linalg.pinv(a, hermitian=herm)


def matrix_rank2(a, o):
    herm = o.get("herm") == "1"
    if "rtol" in o:  # 2.x: tol = rtol * S.max(axis=-1)
        if a.ndim < 2:
            return np.linalg.matrix_rank(a)
        S = np.linalg.svd(a, compute_uv=False, hermitian=herm)
        if herm:
            S = np.abs(S)
        tol = S.max(axis=-1, keepdims=True) * float(o["rtol"])
        return np.count_nonzero(S > tol, axis=-1)
    tol = float(o["tol"]) if "tol" in o else None
    return np.linalg.matrix_rank(a, tol=tol, hermitian=herm)


def cond2(a, p):
    # 2.3+: always the real dtype (gh-18304); 1.24 gave complex for some p
    r = np.linalg.cond(a, p)
    return np.abs(r) if np.iscomplexobj(r) else r


def tensordot(a, b, o):
    if "pa" in o or "pb" in o:
        return np.tensordot(a, b, axes=(ints(o.get("pa", "")), ints(o.get("pb", ""))))
    if "ax" in o:
        return np.tensordot(a, b, axes=int(o["ax"]))
    return np.tensordot(a, b)


def trace(a, o):
    kw = {}
    if "off" in o:
        kw["offset"] = int(o["off"])
    if "a1" in o:
        kw["axis1"] = int(o["a1"])
    if "a2" in o:
        kw["axis2"] = int(o["a2"])
    if "dt" in o:
        kw["dtype"] = np.dtype(o["dt"])
    return np.trace(a, **kw)


def cross(a, b, o):
    if a.ndim == 0 or b.ndim == 0:  # 2.x
        raise ValueError("At least one array has zero dimension")
    kw = {}
    for k, nm in [("axa", "axisa"), ("axb", "axisb"), ("axc", "axisc"), ("axis", "axis")]:
        if k in o:
            kw[nm] = int(o[k])
    return np.cross(a, b, **kw)


def einsum(ops, o):
    kw = {}
    opt = o.get("opt", "auto")
    kw["optimize"] = {"none": False, "greedy": "greedy", "auto": False}[opt]
    if "dt" in o:
        kw["dtype"] = np.dtype(o["dt"])
    return np.einsum(o["sub"].replace("_", " "), *ops, **kw)


def einsum_path(ops, o, report=False):
    opt = o.get("opt", "greedy")
    p = np.einsum_path(o["sub"], *ops, optimize={"none": False, "greedy": "greedy"}[opt])
    return np.array((p[1] if report else repr(p[0])).encode())


def qr(a, o):
    mode = o.get("mode", "reduced")
    r = np.linalg.qr(a, mode=mode)
    return r if isinstance(r, tuple) else (r,)


def svd(a, o):
    full = o.get("full", "1") == "1"
    uv = o.get("uv", "1") == "1"
    herm = o.get("herm") == "1"
    r = np.linalg.svd(a, full_matrices=full, compute_uv=uv, hermitian=herm)
    return r if uv else (r,)


def lstsq(a, b, o):
    rc = float(o["rcond"]) if "rcond" in o else None
    x, res, rank, s = np.linalg.lstsq(a, b, rcond=rc)
    return (x, res, np.int64(rank), s)


def norm(a, o):
    kw = {}
    if "ord" in o:
        kw["ord"] = ordv(o["ord"])
    if "axis" in o:
        ax = ints(o["axis"])
        kw["axis"] = ax[0] if len(ax) == 1 else tuple(ax)
    if o.get("keep") == "1":
        kw["keepdims"] = True
    return np.linalg.norm(a, **kw)


OPS = {
    "matmul": lambda A, o: np.matmul(*A),
    "dot": lambda A, o: np.dot(*A),
    "vdot": lambda A, o: np.vdot(*A),
    "inner": lambda A, o: np.inner(*A),
    "outer": lambda A, o: np.outer(*A),
    "kron": lambda A, o: np.kron(*A),
    "tensordot": lambda A, o: tensordot(*A, o),
    "trace": lambda A, o: trace(*A, o),
    "multi_dot": lambda A, o: np.linalg.multi_dot(A),
    "matrix_power": lambda A, o: np.linalg.matrix_power(A[0], int(o["n"])),
    "vecdot": lambda A, o: vecdot2(*A, axis=int(o.get("axis", -1))),
    "matrix_transpose": lambda A, o: np.swapaxes(A[0], -1, -2).copy() if A[0].ndim >= 2 else
    (_ for _ in ()).throw(ValueError("Input array must be at least 2-dimensional, but it is %d" % A[0].ndim)),
    "cross": lambda A, o: cross(*A, o),
    "einsum": lambda A, o: einsum(A, o),
    "einsum_path": lambda A, o: einsum_path(A, o),
    "einsum_report": lambda A, o: einsum_path(A, o, True),
    "det": lambda A, o: np.linalg.det(A[0]),
    "slogdet": lambda A, o: tuple(np.linalg.slogdet(A[0])),
    "inv": lambda A, o: np.linalg.inv(A[0]),
    "solve": lambda A, o: solve2(*A),
    "cholesky": lambda A, o: cholesky2(A[0], o.get("upper") == "1"),
    "qr": lambda A, o: qr(A[0], o),
    "eigh": lambda A, o: tuple(np.linalg.eigh(A[0], UPLO=o.get("uplo", "L"))),
    "eigvalsh": lambda A, o: np.linalg.eigvalsh(A[0], UPLO=o.get("uplo", "L")),
    "eig": lambda A, o: tuple(np.linalg.eig(A[0])),
    "eigvals": lambda A, o: np.linalg.eigvals(A[0]),
    "svd": lambda A, o: svd(A[0], o),
    "svdvals": lambda A, o: svdvals2(A[0]),
    "lstsq": lambda A, o: lstsq(*A, o),
    "pinv": lambda A, o: pinv2(A[0], o),
    "matrix_rank": lambda A, o: matrix_rank2(A[0], o),
    "norm": lambda A, o: norm(A[0], o),
    "cond": lambda A, o: cond2(A[0], ordv(o["p"]) if "p" in o else None),
}

LABELS = []


def C(label):
    LABELS.append(label)


def run(label):
    toks = label.split(" ")
    op = toks[0]
    arrs = [mk(t) for t in toks[1:] if "=" not in t]
    opts = dict(t.split("=", 1) for t in toks[1:] if "=" in t)
    if op not in OPS:
        raise BadRecipe(op)
    return OPS[op](arrs, opts)


# ------------------------------------------------------------- the cases
DT = ["b1", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16"]
LA = ["f4", "f8", "c8", "c16", "i4", "i8", "b1", "f2"]

# products, every dtype
for d in DT:
    C(f"matmul {d}[2,3]s1 {d}[3,4]s2")
    C(f"dot {d}[2,3]s1 {d}[3]s2")
    C(f"vdot {d}[2,3]s1 {d}[2,3]s2")
    C(f"inner {d}[2,3]s1 {d}[4,3]s2")
    C(f"outer {d}[3]s1 {d}[2,2]s2")
    C(f"kron {d}[2,2]s1 {d}[2,3]s2")
    C(f"tensordot {d}[2,3,4]s1 {d}[3,4,2]s2")
    C(f"trace {d}[3,4]s1")
    C(f"vecdot {d}[2,3]s1 {d}[3]s2")
    C(f"matrix_power {d}[3,3]s1 n=3")
    C(f"einsum {d}[2,3]s1 {d}[3,4]s2 sub=ij,jk->ik")
    C(f"einsum {d}[3,3]s1 sub=ii")
    if d != "b1":
        C(f"cross {d}[2,3]s1 {d}[2,3]s2")
# mixed dtypes (promotion)
for d1, d2 in [("i4", "f4"), ("u8", "i8"), ("b1", "i1"), ("f2", "f4"), ("c8", "f8"), ("i1", "u1"), ("u4", "i4"),
               ("f2", "i2"), ("c8", "i8"), ("b1", "f2"), ("u1", "b1")]:
    for op in ["matmul", "dot", "vdot", "inner", "outer", "kron", "tensordot", "vecdot"]:
        if op in ("matmul", "dot", "tensordot"):
            C(f"{op} {d1}[2,3]s1 {d2}[3,2]s2" + (" ax=1" if op == "tensordot" else ""))
        else:
            C(f"{op} {d1}[3]s1 {d2}[3]s2")
    C(f"einsum {d1}[2,3]s1 {d2}[3,2]s2 sub=ij,jk->ik")
    C(f"einsum {d1}[2,3]s1 {d2}[3,2]s2 sub=ij,jk->ik opt=greedy")
    if "b1" not in (d1, d2):
        C(f"cross {d1}[3]s1 {d2}[3]s2")

# matmul shapes and errors
for a, b in [("[3]", "[3]"), ("[3]", "[3,4]"), ("[2,3]", "[3]"), ("[2,3,4]", "[4]"), ("[3]", "[2,3,4]"),
             ("[2,1,3,4]", "[5,4,2]"), ("[0,3]", "[3,4]"), ("[3,0]", "[0,4]"), ("[2,0,3]", "[3,4]"), ("[0]", "[0]"),
             ("[1,3]", "[3,1]"), ("[1]", "[1]"), ("[2,3]", "[4]"), ("[3]", "[4,2]"), ("[2,3]", "[2,3]"), ("[]", "[3]"),
             ("[3]", "[]"), ("[2,2,3]", "[3,3,2]"), ("[3,3]", "[0,3,3]"), ("[1]", "[3]"), ("[3]", "[1]"), ("[2,3,4]", "[5,4]")]:
    for d in ["f8", "i8"]:
        C(f"matmul {d}{a}s1 {d}{b}s2")
        C(f"dot {d}{a}s1 {d}{b}s2")
        C(f"inner {d}{a}s1 {d}{b}s2")
for fl in ["T", "R", "TR"]:
    for d in ["f8", "f4", "c16", "i4"]:
        C(f"matmul {d}[3,4]s1{fl} {d}[3,5]s2{fl}")
        C(f"dot {d}[4,3]s1{fl} {d}[5,4]s2")
        C(f"vdot {d}[4,3]s1{fl} {d}[3,4]s2")
C("matmul f8[4,3]s1n f8[3,2]s2")
C("matmul f8[4,3]s1i f8[3,2]s2")
C("matmul f8[2,3]s1i f8[3,2]s2")
C("matmul i1[4,8]s1+100 i1[8,4]s2+100")
C("matmul u8[3,3]s1+1000000000000 u8[3,3]s2+1000000000000")
C("matmul i8[3,3]s1+3037000500 i8[3,3]s2+3037000500")
C("matmul f8[64,65]s1 f8[65,63]s2")
C("matmul f4[33,70]s1 f4[70,17]s2T")
C("matmul c8[17,9]s1 c8[9,20]s2")
C("matmul i4[40,50]s1 i4[50,30]s2")
C("matmul f2[6,7]s1 f2[7,5]s2")

# dot with 0-d and N-d
for a, b in [("[]", "[]"), ("[]", "[2,3]"), ("[2,3]", "[]"), ("[2,3,4]", "[4,5]"), ("[2,3,4]", "[3,4,2]"),
             ("[4]", "[2,4,3]"), ("[2,3,4]", "[4]"), ("[0,3]", "[3]"), ("[3,0]", "[0]"), ("[2,3,4]", "[5,2]")]:
    C(f"dot f8{a}s1 f8{b}s2")
    C(f"dot i4{a}s1 i2{b}s2")
    C(f"inner f8{a}s1 f8{b}s2")
    C(f"outer f8{a}s1 f8{b}s2")
    C(f"kron f8{a}s1 f8{b}s2")
    C(f"vdot f8{a}s1 f8{b}s2")
C("vdot c16[3]s1 c16[3]s2")
C("vdot c8[2,2]s1T c8[4]s2")
C("vdot f8[3]s1 f8[4]s2")
C("vdot f8[2,2]s1 f8[4]s2")
C("inner c16[2,3]s1 c16[3]s2")
C("kron f8[2]s1 f8[2,2,2]s2")
C("kron i8[2,2,2]s1 i8[3]s2")
C("kron f8[2,0]s1 f8[2,3]s2")
C("kron c16[2,2]s1R f8[2,2]s2T")
C("outer c16[3]s1 c16[2]s2")
C("outer f8[0]s1 f8[3]s2")

# tensordot
for ab, opt in [(("[3,4,5]", "[4,3,2]"), "pa=1,0 pb=0,1"), (("[3,4,5]", "[5,2]"), "ax=1"), (("[4]", "[3]"), "ax=0"),
                (("[2,3,4]", "[3,4]"), "ax=2"), (("[2,3,4]", "[2,3,4]"), "ax=3"), (("[3,4,5]", "[5,4,2]"), "pa=-1,-2 pb=0,1"),
                (("[3,4]", "[4,3]"), "pa=0 pb=1"), (("[3,4]", "[5,3]"), "pa=0 pb=0"), (("[3,4]", "[3,5]"), "pa=0 pb=1"),
                (("[2,3]", "[3,2]"), "ax=3"), (("[2,3]", "[3,2]"), "pa=0,1 pb=0"), (("[2,3]", "[4,2]"), "pa=2 pb=1"),
                (("[2,3]", "[3]"), ""), (("[3,4]", "[3,4]"), ""), (("[0,3]", "[3,2]"), "ax=1"), (("[2,3]", "[3,2]"), "pa= pb="),
                (("[2,3]", "[2,3]"), "pa=0,0 pb=0,1")]:
    a, b = ab
    C(f"tensordot f8{a}s1 f8{b}s2 {opt}".rstrip())
    C(f"tensordot i2{a}s1 u2{b}s2 {opt}".rstrip())

# trace
for d in DT:
    C(f"trace {d}[2,3,3]s1 a1=1 a2=2")
C("trace f8[3,4]s1 off=1")
C("trace f8[3,4]s1 off=-2")
C("trace f8[3,4]s1 off=5")
C("trace f8[3,4]s1 off=-5")
C("trace f8[3,4,5]s1 a1=2 a2=0")
C("trace f8[3,4,5]s1 a1=-1 a2=-3 off=1")
C("trace f8[3,4,5]s1")
C("trace f8[3]s1")
C("trace f8[]s1")
C("trace f8[3,4]s1 a1=0 a2=0")
C("trace f8[3,4]s1 a1=0 a2=2")
C("trace f8[0,0]s1")
C("trace i1[3,3]s1 dt=f4")
C("trace f8[3,3]s1 dt=i4")
C("trace u1[3,3]s1+250")
C("trace f8[4,4]s1R")
C("trace f8[4,5]s1T off=2")

# multi_dot
C("multi_dot f8[10]s1 f8[10,20]s2 f8[20,5]s3 f8[5]s4")
C("multi_dot f8[3,4]s1 f8[4,5]s2")
C("multi_dot f8[3,4]s1 f8[4,5]s2 f8[5,2]s3")
C("multi_dot f8[3,4]s1 f8[4,5]s2 f8[5,2]s3 f8[2,6]s4 f8[6,3]s5")
C("multi_dot i8[3,4]s1 i8[4,5]s2 i8[5,2]s3")
C("multi_dot f8[4]s1 f8[4]s2")
C("multi_dot f8[4]s1 f8[4,3]s2 f8[3]s3")
C("multi_dot f8[3,4]s1 f8[5,2]s2")
C("multi_dot f8[3,4]s1 f8[4,5]s2 f8[5,2,2]s3")
C("multi_dot f8[2,3,4]s1 f8[4,5]s2")
C("multi_dot f4[3,4]s1 c8[4,5]s2 f8[5,2]s3")
C("multi_dot f8[3,0]s1 f8[0,5]s2 f8[5,2]s3")

# matrix_power
for d in ["f8", "f4", "c16", "i8", "i4", "b1", "u1", "i1", "f2"]:
    for n in [0, 1, 2, 3, 5, -1, -2]:
        C(f"matrix_power {d}[3,3]s1+4 n={n}")
for n in [0, 2, -1, 4]:
    C(f"matrix_power f8[2,3,3]s1+4 n={n}")
    C(f"matrix_power f8[0,0]s1 n={n}")
    C(f"matrix_power f8[2,0,0]s1 n={n}")
C("matrix_power f8[3,4]s1 n=2")
C("matrix_power f8[3]s1 n=2")
C("matrix_power f8[]s1 n=2")
C("matrix_power f8[3,3]s1 n=-1")
C("matrix_power i8[3,3]s1 n=-1")
C("matrix_power f8[3,3]s1T n=3")
C("matrix_power f8[3,3]s1R n=2")
C("matrix_power i8[2,2]s1+1000 n=7")

# vecdot / matrix_transpose
C("vecdot c16[2,3]s1 c16[2,3]s2")
C("vecdot f8[3,2]s1 f8[3,2]s2 axis=0")
C("vecdot f8[2,1,3]s1 f8[4,3]s2")
C("vecdot f8[2,3]s1 f8[4]s2")
C("vecdot f8[2,3]s1 f8[2,3]s2 axis=2")
C("vecdot f8[]s1 f8[]s2")
C("vecdot f8[0]s1 f8[0]s2")
C("vecdot f8[2,3]s1T f8[2]s2")
for d in ["f8", "i4", "c8", "b1"]:
    C(f"matrix_transpose {d}[2,3,4]s1")
C("matrix_transpose f8[3,4]s1R")
C("matrix_transpose f8[3]s1")
C("matrix_transpose f8[]s1")

# cross
for a, b, o in [("[3]", "[3]", ""), ("[2]", "[2]", ""), ("[2]", "[3]", ""), ("[3]", "[2]", ""), ("[4,3]", "[3]", ""),
                ("[4,2]", "[4,2]", ""), ("[4,3]", "[4,2]", ""), ("[2,1,3]", "[4,3]", ""), ("[3,4]", "[3,4]", "axa=0 axb=0"),
                ("[3,4]", "[4,3]", "axa=0"), ("[3,4]", "[3,4]", "axis=0"), ("[4,3]", "[4,3]", "axc=0"),
                ("[2,4]", "[2,4]", "axis=0"), ("[4,2]", "[4,2]", "axc=0"), ("[4]", "[4]", ""), ("[3]", "[4]", ""),
                ("[4,3]", "[3]", "axa=2"), ("[4,3]", "[3,4]", "axb=0 axc=5"), ("[0,3]", "[0,3]", ""), ("[0,3]", "[3]", ""),
                ("[3,3]", "[3,3]", "axa=-2 axb=-1 axc=-2"), ("[]", "[3]", ""), ("[2,3]", "[3,3]", "")]:
    C(f"cross f8{a}s1 f8{b}s2 {o}".rstrip())
    C(f"cross i8{a}s1 i4{b}s2 {o}".rstrip())
C("cross c16[3]s1 c16[3]s2")
C("cross f8[4,3]s1R f8[4,3]s2T")
C("cross u1[3]s1 u1[3]s2")
C("cross b1[3]s1 b1[3]s2")

# einsum
E = [("ij,jk->ik", ["[2,3]", "[3,4]"]), ("ij,jk", ["[2,3]", "[3,4]"]), ("ii->i", ["[3,3]"]), ("ii", ["[3,3]"]),
     ("ij->ji", ["[2,3]"]), ("ij", ["[2,3]"]), ("ji", ["[2,3]"]), ("bij,bjk->bik", ["[2,3,4]", "[2,4,5]"]),
     ("...j,jk->...k", ["[2,3,4]", "[4,5]"]), ("ij,ij->i", ["[2,3]", "[2,3]"]), ("i,i", ["[3]", "[3]"]),
     ("i,j->ij", ["[3]", "[2]"]), ("ijk->", ["[2,3,4]"]), ("ijk->k", ["[2,3,4]"]), ("ij,jk,kl->il", ["[2,3]", "[3,4]", "[4,2]"]),
     ("ii->", ["[3,3]"]), ("iij->j", ["[3,3,2]"]), ("iji->j", ["[3,2,3]"]), ("...,...", ["[]", "[2,3]"]), ("i...->...", ["[2,3,4]"]),
     ("...ii->...i", ["[2,3,3]"]), ("ab,bc,cd,de->ae", ["[2,3]", "[3,4]", "[4,2]", "[2,5]"]), ("i,i,i->", ["[4]", "[4]", "[4]"]),
     ("i,i,i", ["[4]", "[4]", "[4]"]), ("ij,kl->ijkl", ["[2,2]", "[3,2]"]), (",i->i", ["[]", "[3]"]), ("->", ["[]"]),
     ("i->", ["[0]"]), ("ij,jk->ik", ["[2,0]", "[0,3]"]), ("ij,j->i", ["[0,3]", "[3]"]), ("...ij,...jk->...ik", ["[2,1,2,3]", "[4,3,2]"]),
     ("ij...,jk...->ik...", ["[2,3,4]", "[3,2,4]"]), ("iii->i", ["[2,2,2]"]), ("ijk,ikj->i", ["[2,3,4]", "[2,4,3]"]),
     ("a,b,c,d,e->abcde", ["[2]", "[1]", "[2]", "[1]", "[2]"]), ("ab,ab,ab->", ["[2,3]", "[2,3]", "[2,3]"]),
     ("ij,ji->", ["[3,3]", "[3,3]"]), ("i,ij,j->", ["[3]", "[3,4]", "[4]"]), ("bn,anm,bm->ba", ["[2,3]", "[4,3,5]", "[2,5]"]),
     ("ijk,jil->kl", ["[3,4,5]", "[4,3,2]"]), ("i,j,k->ijk", ["[2]", "[3]", "[2]"]), ("...,...->...", ["[3,1]", "[4]"]),
     ("ij->i", ["[0,3]"]), ("ij->j", ["[0,3]"]), ("Ab,bC->AC", ["[2,3]", "[3,2]"]),
     # errors
     ("ij,jk->ik", ["[2,3]", "[4,5]"]), ("ij->ik", ["[2,3]"]), ("ij->ii", ["[2,3]"]), ("ij", ["[2,3,4]"]),
     ("ij,jk->ik", ["[2,3]"]), ("i->i->i", ["[3]"]), ("ij.->i", ["[2,3]"]), ("i$->i", ["[3]"]), ("ii", ["[2,3]"]),
     ("...i,...i->...i", ["[2,3]", "[3,3]"]), ("ijk", ["[2,3]"]), ("ij,jk->ik", ["[2,3]", "[4,3]"]),
     ("ij...,j->i.", ["[2,3]", "[3]"]), ("ij,j->i..", ["[2,3]", "[3]"]), ("ij,j-i", ["[2,3]", "[3]"]),
     ("iij,jk->ik", ["[2,3,4]", "[4,5]"]), ("ij,jk,kl->il", ["[2,3]", "[3,4]", "[5,2]"]), ("i..j->i", ["[2,3]"]),
     ("i,j", ["[2]", "[3]", "[4]"]), ("ij,ji->", ["[2,3]", "[2,3]"]), ("ij,jk->ik", ["[2,3]", "[3,4]", "[4]"]), ("i,i->", ["[3]", "[4]"])]
for sub, shapes in E:
    rand = sub == "...i,...i->...i"  # greedy's message names '...' by a random letter
    for d in ["f8", "i4", "c16"]:
        for opt in ["none"] if rand else ["none", "greedy"]:
            ops = " ".join(f"{d}{s}s{k + 1}" for k, s in enumerate(shapes))
            C(f"einsum {ops} sub={sub} opt={opt}")
    ops = " ".join(f"f8{s}s{k + 1}" for k, s in enumerate(shapes))
    if not rand:
        C(f"einsum_path {ops} sub={sub}")
        C(f"einsum_path {ops} sub={sub} opt=none")
        if "..." not in sub:  # '...' dimensions get random letters in the report
            C(f"einsum_report {ops} sub={sub}")
            C(f"einsum_report {ops} sub={sub} opt=none")
for d in DT:
    C(f"einsum {d}[2,3]s1 {d}[3]s2 sub=ij,j->i opt=greedy")
    C(f"einsum {d}[2,3,3]s1 sub=bii->b opt=none")
    C(f"einsum {d}[2,3]s1 sub=ij->")
C("einsum f8[3,4]s1T f8[3,5]s2R sub=ji,jk->ik opt=greedy")
C("einsum f8[3,4]s1T f8[3,5]s2R sub=ji,jk->ik opt=none")
C("einsum i4[2,3]s1 f4[3,4]s2 sub=ij,jk->ik opt=greedy")
C("einsum i4[2,3]s1 i4[3,4]s2 sub=ij,jk->ik dt=f8")
C("einsum f8[2,3]s1 sub=ij->i dt=f4")
C("einsum f8[2,3]s1 sub=ij->i dt=i4")
C("einsum f8[2,3]s1n f8[3]s2 sub=ij,j->i opt=greedy")
C("einsum f8[2,3]s1i f8[3]s2 sub=ij,j->i opt=none")
C("einsum i1[4,8]s1+100 i1[8,4]s2 sub=ij,jk->ik opt=greedy")
C("einsum i1[4,8]s1+100 i1[8,4]s2 sub=ij,jk->ik opt=none")

# ------------------------------------------------------------- np.linalg
for d in LA:
    sh = "+6"
    C(f"det {d}[3,3]s1{sh}")
    C(f"slogdet {d}[3,3]s1{sh}")
    C(f"inv {d}[3,3]s1{sh}")
    C(f"solve {d}[3,3]s1{sh} {d}[3]s2")
    C(f"solve {d}[3,3]s1{sh} {d}[3,2]s2")
    C(f"cholesky {d}[3,3]s1+12H")
    C(f"cholesky {d}[3,3]s1+12H upper=1")
    C(f"qr {d}[4,3]s1")
    C(f"eigh {d}[3,3]s1H")
    C(f"eigvalsh {d}[3,3]s1H")
    C(f"eig {d}[3,3]s1+4")
    C(f"eigvals {d}[3,3]s1+4")
    C(f"svd {d}[4,3]s1")
    C(f"svdvals {d}[4,3]s1")
    C(f"lstsq {d}[4,3]s1 {d}[4]s2")
    C(f"pinv {d}[4,3]s1")
    C(f"matrix_rank {d}[4,3]s1")
    C(f"norm {d}[4,3]s1")
    C(f"norm {d}[4,3]s1 ord=2")
    C(f"cond {d}[3,3]s1{sh}")
# shapes, stacks, empties, errors
for sh in ["[0,0]", "[2,0,0]", "[1,1]", "[2,3,3]", "[3,4]", "[3]", "[]", "[2,2,3,3]", "[0,3,3]"]:
    for op in ["det", "slogdet", "inv", "eigvals", "eigvalsh", "cholesky", "matrix_rank", "pinv", "svdvals", "cond", "norm"]:
        flag = "H" if op in ("eigvalsh", "cholesky") and sh.count(",") >= 1 and sh not in ("[3,4]",) else ""
        C(f"{op} f8{sh}s1+7{flag}")
    C(f"eig f8{sh}s1+7")
    C(f"eigh f8{sh}s1+7H" if sh.count(",") >= 1 and sh != "[3,4]" else f"eigh f8{sh}s1")
    C(f"svd f8{sh}s1")
    C(f"qr f8{sh}s1")
for sh in ["[3,0]", "[0,3]", "[2,3,0]"]:
    C(f"svd f8{sh}s1")
    C(f"svd f8{sh}s1 full=0")
    C(f"svd f8{sh}s1 uv=0")
    C(f"svdvals f8{sh}s1")
    C(f"pinv f8{sh}s1")
    C(f"matrix_rank f8{sh}s1")
    C(f"norm f8{sh}s1")
    C(f"norm f8{sh}s1 ord=fro")
    C(f"norm f8{sh}s1 ord=1")
    C(f"norm f8{sh}s1 ord=2")
    C(f"norm f8{sh}s1 ord=nuc")
    C(f"lstsq f8{sh}s1 f8[{sh[1]}]s2" if sh.count(",") == 1 else f"lstsq f8{sh}s1 f8[2,3]s2")
    for m in ["reduced", "complete", "r", "raw"]:
        C(f"qr f8{sh}s1 mode={m}")
C("det f8[3,3]s1n")
C("det f8[3,3]s1i")
C("det f8[3,3]s1")
C("det i8[3,3]s1")
C("det f4[3,3]s1")
C("det c16[3,3]s1")
C("det b1[3,3]s1")
C("det f8[4,4]s1+5T")
C("det f8[4,4]s1+5R")
C("slogdet f8[3,3]s1")
C("slogdet f8[3,3]s1n")
C("slogdet c16[3,3]s1")
C("slogdet f8[2,3,3]s1+7")
C("inv f8[3,3]s1")
C("inv f8[3,3]s1n")
C("inv f8[2,3,3]s1+7")
C("inv f8[4,4]s1+5R")
C("inv c8[2,3,3]s1+7T")
# solve (2.x rules for b)
for a, b in [("[3,3]", "[3]"), ("[3,3]", "[3,1]"), ("[3,3]", "[3,4]"), ("[2,3,3]", "[3]"), ("[2,3,3]", "[2,3]"),
             ("[2,3,3]", "[2,3,1]"), ("[2,3,3]", "[3,2]"), ("[2,1,3,3]", "[4,3,2]"), ("[3,3]", "[2,3,2]"),
             ("[3,3]", "[4]"), ("[3,3]", "[4,2]"), ("[3,4]", "[3]"), ("[3]", "[3]"), ("[0,0]", "[0]"), ("[0,0]", "[0,2]"),
             ("[3,3]", "[3,0]"), ("[2,3,3]", "[3,3]"), ("[3,3]", "[]"), ("[2,3,3]", "[4,3]")]:
    C(f"solve f8{a}s1+7 f8{b}s2")
C("solve f8[3,3]s1 f8[3]s2")
C("solve f8[3,3]s1n f8[3]s2")
C("solve i8[3,3]s1+7 i8[3]s2")
C("solve f4[3,3]s1+7 f8[3]s2")
C("solve c8[3,3]s1+7 f4[3]s2")
C("solve f8[3,3]s1+7T f8[3,2]s2R")
# cholesky
C("cholesky f8[3,3]s1H")
C("cholesky f8[3,3]s1H upper=1")
C("cholesky f8[2,3,3]s1+12H")
C("cholesky f8[2,3,3]s1+12H upper=1")
C("cholesky f8[3,3]s1+12")
C("cholesky f8[3,3]s1+12 upper=1")
# native: NaN input is "not positive definite"; NumPy (OpenBLAS potrf) returns NaNs
C("cholesky f8[3,3]s1+12nH")
C("cholesky c16[4,4]s2+20H upper=1")
# qr
for sh in ["[4,3]", "[3,4]", "[3,3]", "[2,4,3]", "[1,1]", "[5,1]", "[1,5]"]:
    for d in ["f8", "c16", "f4", "c8", "i8"]:
        for m in ["reduced", "complete", "r", "raw"]:
            if d not in ("f8", "c16") and m in ("complete", "raw"):
                continue
            C(f"qr {d}{sh}s1 mode={m}")
C("qr f8[4,3]s1T")
C("qr f8[4,3]s1R mode=r")
C("qr f8[3]s1")
# eigh / eigvalsh
for d in ["f8", "f4", "c16", "c8", "i8"]:
    C(f"eigh {d}[4,4]s2H uplo=U")
    C(f"eigh {d}[4,4]s2 uplo=U")
    C(f"eigh {d}[4,4]s2")
    C(f"eigvalsh {d}[4,4]s2 uplo=U")
    C(f"eigvalsh {d}[2,4,4]s3H")
C("eigh f8[3,3]s1 uplo=X")
C("eigvalsh f8[3,3]s1 uplo=u")
C("eigh f8[3,3]s1nH")
C("eigvalsh f8[4,4]s1T")
# eig
for d in ["f8", "f4", "c16", "c8", "i8"]:
    C(f"eig {d}[4,4]s2")
    C(f"eig {d}[4,4]s2H")
    C(f"eigvals {d}[2,4,4]s3")
C("eig f8[3,3]s1n")
C("eigvals f8[3,3]s1i")
C("eig f8[4,4]s1T")
# svd
for sh in ["[4,3]", "[3,4]", "[3,3]", "[2,4,3]", "[1,1]", "[5,1]"]:
    for d in ["f8", "c16", "f4", "c8", "i8"]:
        C(f"svd {d}{sh}s1")
        C(f"svd {d}{sh}s1 full=0")
        C(f"svd {d}{sh}s1 uv=0")
C("svd f8[3,3]s1H herm=1")
C("svd f8[3,3]s1+9H herm=1 uv=0")
C("svd c16[3,3]s1H herm=1 uv=0")
C("svd f8[3,3]s1n")
C("svd f8[3,3]s1n uv=0")
C("svd f8[4,3]s1R full=0")
C("svdvals c16[2,3,4]s1")
# lstsq
for a, b in [("[4,3]", "[4]"), ("[4,3]", "[4,2]"), ("[3,4]", "[3]"), ("[3,4]", "[3,2]"), ("[3,3]", "[3]"), ("[4,3]", "[5]"),
             ("[4,3]", "[4,2,2]"), ("[2,4,3]", "[2,4]"), ("[4]", "[4]"), ("[4,3]", "[0]"), ("[4,3]", "[4,0]")]:
    C(f"lstsq f8{a}s1 f8{b}s2")
C("lstsq f8[4,4]s1 f8[4]s2")
C("lstsq c16[4,3]s1 c16[4]s2")
C("lstsq f4[4,3]s1 f4[4,2]s2")
C("lstsq c8[3,4]s1 c8[3]s2")
C("lstsq i8[4,3]s1 i8[4]s2")
C("lstsq f8[4,3]s1 f8[4]s2 rcond=0.5")
C("lstsq f8[4,3]s1 f8[4]s2 rcond=-1")
C("lstsq f8[4,3]s1 f4[4]s2")
# pinv / matrix_rank
for o in ["", "rcond=0.3", "rtol=0.3", "rtolnone=1", "herm=1"]:
    C(f"pinv f8[4,4]s1H {o}".rstrip())
    C(f"pinv f4[3,5]s1 {o}".rstrip())
    C(f"pinv c16[2,4,3]s1 {o}".rstrip())
C("pinv f8[3,3]s1 rcond=0.1 rtol=0.1")
for o in ["", "tol=1", "tol=0.1", "rtol=0.3", "herm=1", "tol=100"]:
    C(f"matrix_rank f8[4,4]s1H {o}".rstrip())
    C(f"matrix_rank f8[2,4,3]s1 {o}".rstrip())
    C(f"matrix_rank f8[4]s1 {o}".rstrip())
C("matrix_rank f8[4]s1n")
C("matrix_rank f8[]s1")
C("matrix_rank f8[0]s1")
C("matrix_rank f8[3,3]s1n")
C("matrix_rank i8[4,4]s1")
C("matrix_rank c8[3,3]s1")
# norm
for d in ["f8", "f4", "c16", "c8", "i8", "b1", "f2", "u1"]:
    for o in ["None", "inf", "-inf", "0", "1", "-1", "2", "-2", "3", "0.5", "fro", "nuc"]:
        C(f"norm {d}[5]s1 ord={o}")
    for o in ["None", "fro", "nuc", "inf", "-inf", "1", "-1", "2", "-2", "3"]:
        C(f"norm {d}[3,4]s1 ord={o}")
for o in ["None", "fro", "nuc", "inf", "-inf", "1", "-1", "2", "-2"]:
    for ax in ["0,1", "1,0", "-1,0", "2,0", "0,0", "0,3"]:
        C(f"norm f8[2,3,4]s1 ord={o} axis={ax}")
        C(f"norm f8[2,3,4]s1 ord={o} axis={ax} keep=1")
for o in ["None", "inf", "-inf", "0", "1", "-1", "2", "-2", "3", "0.5", "fro"]:
    for ax in ["0", "-1", "2", "3"]:
        C(f"norm f8[2,3,4]s1 ord={o} axis={ax}")
    C(f"norm f8[2,3,4]s1 ord={o} axis=1 keep=1")
C("norm f8[2,3,4]s1")
C("norm f8[2,3,4]s1 keep=1")
C("norm f8[2,3,4]s1 ord=2")
C("norm f8[2,3,4]s1 ord=fro")
C("norm f8[]s1")
C("norm f8[]s1 ord=2")
C("norm f8[0]s1")
C("norm f8[0]s1 ord=inf")
C("norm f8[0]s1 ord=-inf")
C("norm f8[0]s1 ord=-1")
C("norm f8[0]s1 ord=0")
C("norm f8[0,3]s1 ord=inf")
C("norm f8[0,3]s1 ord=-1")
C("norm f8[3,0]s1 ord=-inf")
C("norm f8[0,3]s1 ord=inf axis=0")
C("norm f8[0,3]s1 ord=inf axis=1")
C("norm f8[0,3]s1 axis=0")
C("norm f8[5]s1n")
C("norm f8[5]s1i")
C("norm f8[5]s1n ord=inf")
C("norm f8[5]s1i ord=-1")
C("norm f8[3,3]s1n ord=2")
C("norm f8[3,3]s1n ord=nuc")
C("norm f8[4,5]s1T ord=1")
C("norm f8[4,5]s1R ord=inf")
C("norm i8[5]s1 ord=-0.5")
C("norm f8[5]s1R ord=4")
# cond
for d in ["f8", "f4", "c16", "c8", "i8"]:
    for p in ["None", "fro", "nuc", "inf", "-inf", "1", "-1", "2", "-2"]:
        C(f"cond {d}[3,3]s1+4 p={p}")
for p in ["None", "fro", "nuc", "inf", "1", "2", "-2", "3"]:
    C(f"cond f8[3,3]s1 p={p}")
    C(f"cond f8[4,3]s1 p={p}")
    C(f"cond f8[2,3,3]s1+4 p={p}")
    C(f"cond f8[3,3]s1n p={p}")
    C(f"cond f8[0,0]s1 p={p}")
C("cond f8[3]s1")
C("cond f8[3,3]s2H")
# every dtype through np.linalg (ints and bools promoted to float64, float16 a TypeError)
for d in DT:
    for op in ["det", "inv", "eigvals", "svdvals", "pinv", "matrix_rank", "cond", "norm"]:
        C(f"{op} {d}[3,3]s2+3")
    C(f"solve {d}[3,3]s2+3 {d}[3]s1")
    C(f"lstsq {d}[4,3]s2 {d}[4]s1")
    C(f"cholesky {d}[3,3]s2+9H")
    C(f"eigvalsh {d}[3,3]s2H")
    C(f"qr {d}[3,2]s2 mode=r")
    C(f"slogdet {d}[3,3]s2+3")
    C(f"matrix_power {d}[2,2]s2+1 n=-1")
    C(f"norm {d}[2,3]s2 ord=nuc")
    C(f"norm {d}[2,3]s2 axis=1 ord=1")
# stacks of empty matrices and empty stacks
for sh in ["[0,2,2]", "[2,0,0]", "[0,0,0]", "[3,0,2]", "[3,2,0]"]:
    for op in ["det", "inv", "eigvals", "eigvalsh", "svdvals", "pinv", "cholesky", "matrix_rank"]:
        C(f"{op} f8{sh}s1")
    C(f"slogdet f8{sh}s1")
    C(f"eig f8{sh}s1")
    C(f"eigh f8{sh}s1")
    C(f"svd f8{sh}s1")
    C(f"svd f8{sh}s1 full=0")
    C(f"qr f8{sh}s1")
    C(f"qr f8{sh}s1 mode=complete")
    C(f"solve f8{sh}s1 f8{sh}s2")
    C(f"norm f8{sh}s1 axis=1,2")
    C(f"matrix_power f8{sh}s1 n=2")
    C(f"matmul f8{sh}s1 f8{sh}s2T")
    C(f"einsum f8{sh}s1 sub=...ij->...ji")
    C(f"einsum f8{sh}s1 f8{sh}s2 sub=bij,bkj->bik opt=greedy")
# hermitian variants, stacked
C("svd f8[2,3,3]s1H herm=1")
C("svd c16[2,3,3]s1+5H herm=1")
C("pinv c16[2,3,3]s1H herm=1")
C("matrix_rank c16[2,3,3]s1H herm=1")
C("matrix_rank f8[3,3]s1H herm=1 tol=2")
C("eig f8[2,3,3]s1H")
C("eig c16[2,3,3]s1H")
C("eigh c8[2,3,3]s1H uplo=U")
C("cholesky c8[2,3,3]s1+12H upper=1")
C("qr c8[2,4,3]s1 mode=complete")
C("qr c16[2,3,4]s1 mode=raw")
C("lstsq c16[4,2]s1 c16[4,3]s2 rcond=0.01")
C("det c8[2,2,2]s1")
C("inv c16[2,2,2]s1")
C("solve c16[2,2,2]s1+3 c16[2]s2")

# long sums: float16 accumulation, bool or-of-ands, integer wrapping
for d in ["f2", "b1", "i1", "u1", "i2", "f4", "c8"]:
    C(f"matmul {d}[6,300]s1 {d}[300,5]s2")
    C(f"dot {d}[300]s1 {d}[300]s2")
    C(f"vdot {d}[300]s1 {d}[300]s2")
    C(f"inner {d}[4,300]s1 {d}[300]s2")
    C(f"einsum {d}[6,300]s1 {d}[300,5]s2 sub=ij,jk->ik opt=none")
    C(f"einsum {d}[6,300]s1 {d}[300,5]s2 sub=ij,jk->ik opt=greedy")
    C(f"einsum {d}[6,300]s1 sub=ij->i opt=none")
    C(f"trace {d}[300,300]s1")
    C(f"vecdot {d}[4,300]s1 {d}[300]s2")
    C(f"tensordot {d}[6,300]s1 {d}[300,5]s2 ax=1")

# a few more shapes
C("tensordot f8[]s1 f8[2,3]s2 ax=0")
C("tensordot f8[2,3]s1 f8[]s2 ax=0")
C("tensordot f8[]s1 f8[]s2 ax=0")
C("tensordot f8[]s1 f8[2]s2")
C("kron f2[2,2]s1 f2[2]s2")
C("kron b1[2,2]s1 i1[2]s2")
C("trace f8[2,3,4]s1 off=1 a1=2 a2=1")
C("trace c16[3,3]s1R off=-1")
C("vecdot f8[3,1,4]s1 f8[2,4]s2")
C("vecdot c8[4]s1 c16[4]s2")
C("cross f8[2,1,3]s1 f8[4,3]s2 axc=1")
C("cross f8[3,2]s1 f8[3,2]s2 axa=0 axb=0")
C("matmul f8[1,1,3,4]s1 f8[2,1,4,2]s2")
C("matmul b1[3,2]s1 f2[2,3]s2")
C("matmul u8[2,2]s1 i1[2,2]s2")
C("dot f8[2,3,4]s1 f8[5,4,6]s2")
C("inner f8[2,3]s1 f8[4,5,3]s2")
C("einsum f8[2,2,2,2]s1 sub=ijji->")
C("einsum f8[2,2,2,2]s1 sub=ijij->ij opt=greedy")
C("einsum f8[2,3]s1 f8[3,2]s2 f8[2,3]s3 f8[3,2]s4 f8[2]s5 sub=ab,bc,cd,de,e->a opt=greedy")
C("einsum f8[2,3]s1 f8[3,2]s2 f8[2,3]s3 f8[3,2]s4 f8[2]s5 sub=ab,bc,cd,de,e->a opt=none")
C("einsum_path f8[2,3]s1 f8[3,2]s2 f8[2,3]s3 f8[3,2]s4 f8[2]s5 sub=ab,bc,cd,de,e->a")
C("einsum_report f8[2,3]s1 f8[3,2]s2 f8[2,3]s3 f8[3,2]s4 f8[2]s5 sub=ab,bc,cd,de,e->a")
C("einsum f8[10,10]s1 f8[10,10]s2 f8[10,10]s3 sub=ij,jk,ki->")
C("einsum_report f8[10,10]s1 f8[10,10]s2 f8[10,10]s3 sub=ij,jk,ki->")
C("einsum_report f8[4,5,6]s1 f8[6,5]s2 f8[4]s3 f8[7,4]s4 sub=ijk,kj,i,li->l")

# huge and tiny values: NumPy's norms overflow / underflow (no scaling)
for d in ["f8", "c16"]:
    for fl in ["B", "S"]:
        for o in ["None", "fro", "2", "inf", "1", "3", "-1", "0", "nuc"]:
            C(f"norm {d}[5]s1{fl} ord={o}" if o not in ("fro", "nuc") else f"norm {d}[2,3]s1{fl} ord={o}")
        C(f"norm {d}[2,3]s1{fl} axis=1")
        C(f"det {d}[3,3]s1+4{fl}")
        C(f"slogdet {d}[3,3]s1+4{fl}")
        C(f"inv {d}[3,3]s1+4{fl}")
        C(f"svdvals {d}[3,3]s1+4{fl}")
        C(f"matmul {d}[2,3]s1{fl} {d}[3,2]s2")
        C(f"dot {d}[3]s1{fl} {d}[3]s2{fl}")
        C(f"einsum {d}[2,3]s1{fl} {d}[3]s2 sub=ij,j->i opt=greedy")
        C(f"cond {d}[3,3]s1+4{fl}")
for d, big in [("f4", "[5,5]s1+9000000000000000000"), ("f2", "[5,5]s1+300"), ("c8", "[5,5]s1+9000000000000000000"),
               ("f4", "[5,5]s1+8000000000000000000"), ("f2", "[2,2]s1+200")]:
    C(f"norm {d}{big}")
    C(f"norm {d}{big} ord=2")

# float16 is unsupported in linalg (TypeError), bool/int promoted
for op in ["det", "inv", "eigvals", "svdvals", "pinv", "matrix_rank", "cond", "eigvalsh"]:
    C(f"{op} f2[3,3]s1+4")


# ------------------------------------------------------------- write
if __name__ == "__main__":
    seen = set()
    for lab in LABELS:
        if lab in seen:
            continue
        seen.add(lab)
        npys.case(lab, lambda lab=lab: run(lab))
    here = os.path.dirname(os.path.abspath(__file__))
    npys.write(os.path.join(here, "conform_linalg.npys"))
    print(len(seen), "cases")
