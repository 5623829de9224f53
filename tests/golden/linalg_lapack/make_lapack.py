#!/usr/bin/python3
"""Golden data for tests/test_linalg_lapack.c: NumPy's factors where NumPy leaves the
signs/phases to LAPACK (svd's U/Vh, eigh's and eig's vectors, qr's Q/R and raw h/tau),
plus cholesky (both triangles), pinv's rtol and cond on singular/NaN input.  nd's LAPACK
backend makes NumPy's LAPACK calls, so these match to rounding there; the native
backend is held to what is unique (values, residuals).  cases.txt: `op in -> out...`.
Run: /usr/bin/python3 make_lapack.py (NumPy 1.24; NumPy 2 behaviour built by hand where
it differs: cholesky(upper=True), pinv(rtol=...), svd of empty stacks)."""
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.RandomState(7)
cases = []


def save(name, arr):
    np.save(os.path.join(HERE, name + ".npy"), np.asarray(arr))
    return name


def case(op, inp, *outs):
    names = []
    for i, o in enumerate(outs):
        names.append(save("o%d_%d" % (len(cases), i), o))
    cases.append("%s %s -> %s" % (op, inp, " ".join(names)))


def rnd(shape, dt):
    a = rng.standard_normal(shape)
    if np.dtype(dt).kind == "c":
        a = a + 1j * rng.standard_normal(shape)
    return a.astype(dt)


for dt in [np.float64, np.complex128, np.float32, np.complex64]:
    tn = np.dtype(dt).name
    for shape in [(5, 5), (6, 4), (3, 7), (2, 4, 3)]:
        nm = save("a_%s_%s" % (tn, "x".join(map(str, shape))), rnd(shape, dt))
        a = np.load(os.path.join(HERE, nm + ".npy"))
        case("svd", nm, *np.linalg.svd(a))
        case("svd_reduced", nm, *np.linalg.svd(a, full_matrices=False))
        for mode in ["reduced", "complete"]:
            case("qr_" + mode, nm, *np.linalg.qr(a, mode=mode))
        case("qr_r", nm, np.linalg.qr(a, mode="r"))
        if a.ndim == 2:
            case("qr_raw", nm, *np.linalg.qr(a, mode="raw"))
        case("pinv", nm, np.linalg.pinv(a))
        # NumPy 2: rtol=None means max(M, N) * eps of the input's dtype
        m, n = a.shape[-2:]
        eps = np.finfo(a.dtype).eps
        case("pinv_rtolnone", nm, np.linalg.pinv(a, rcond=max(m, n) * eps))
        case("pinv_rtol0.3", nm, np.linalg.pinv(a, rcond=0.3))
    for n in [1, 4, 6]:
        b = rnd((n, n), dt)
        h = b @ b.conj().T + n * np.eye(n, dtype=dt)
        # a different strict lower/upper triangle shows which one is read
        junk = h.copy()
        junk[np.triu_indices(n, 1)] = 99
        nm = save("h_%s_%d" % (tn, n), h)
        nj = save("hl_%s_%d" % (tn, n), junk)
        ju = h.copy()
        ju[np.tril_indices(n, -1)] = -99
        nu = save("hu_%s_%d" % (tn, n), ju)
        case("eigh", nj, *np.linalg.eigh(h, UPLO="L"))
        case("eigh_U", nu, *np.linalg.eigh(h, UPLO="U"))
        case("cholesky", nj, np.linalg.cholesky(h))
        # NumPy 2: cholesky(upper=True) is the conjugate transpose of the lower factor
        case("cholesky_upper", nu, np.linalg.cholesky(h).conj().swapaxes(-1, -2))
        g = save("g_%s_%d" % (tn, n), rnd((n, n), dt))
        w, v = np.linalg.eig(np.load(os.path.join(HERE, g + ".npy")))
        case("eig", g, w, v)
        case("det", g, np.linalg.det(np.load(os.path.join(HERE, g + ".npy"))))
        case("inv", g, np.linalg.inv(np.load(os.path.join(HERE, g + ".npy"))))

# real input with complex eigenvalues (rotation) and with only real ones
rot = save("rot", np.array([[0.0, -1.0, 0.5], [1.0, 0.0, 0.2], [0.0, 0.0, 2.0]]))
case("eig", rot, *np.linalg.eig(np.load(os.path.join(HERE, rot + ".npy"))))
tri = save("tri", np.array([[2.0, 1.0, 0.0], [0.0, 3.0, 1.0], [0.0, 0.0, -1.0]]))
case("eig", tri, *np.linalg.eig(np.load(os.path.join(HERE, tri + ".npy"))))
# cond: singular -> inf (NumPy: NaN from inv turned into inf), NaN input stays NaN
sing = save("sing", np.array([[1.0, 2.0], [2.0, 4.0]]))
for p in [None, "fro", 1, np.inf, -2]:
    with np.errstate(all="ignore"):
        case("cond_%s" % p, sing, np.linalg.cond(np.load(os.path.join(HERE, sing + ".npy")), p))
stk = np.array([[[1.0, 2.0], [2.0, 4.0]], [[2.0, 0.0], [0.0, 1.0]], [[np.nan, 0.0], [0.0, 1.0]]])
stk_n = save("stk", stk)
for p in ["fro", 1]:  # the NaN matrix stays NaN, the singular one is inf
    with np.errstate(all="ignore"):
        case("cond_%s" % p, stk_n, np.linalg.cond(stk, p))
stk2_n = save("stk2", stk[:2])
with np.errstate(all="ignore"):
    case("cond_None", stk2_n, np.linalg.cond(stk[:2]))

with open(os.path.join(HERE, "cases.txt"), "w") as fh:
    fh.write("\n".join(cases) + "\n")
print(len(cases), "cases")
