#!/usr/bin/python3
"""Golden data for tests/test_linalg.c: inputs and NumPy's results as .npy files plus
cases.txt, one case per line: `op arg... -> out` (file names without .npy; ops are
interpreted by test_linalg.c).  Run: /usr/bin/python3 make_linalg.py (NumPy 1.24 here;
where NumPy 2 differs the test says so)."""
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.RandomState(1234)
cases = []
store = {}


def save(name, arr):
    arr = np.asarray(arr)
    np.save(os.path.join(HERE, name + ".npy"), arr)
    store[name] = arr
    return name


def case(op, *args, out):
    cases.append("%s %s -> %s" % (op, " ".join(args), " ".join(out) if isinstance(out, tuple) else out))


def well(n, dtype=np.float64, shift=None):
    a = rng.standard_normal((n, n))
    if np.dtype(dtype).kind == "c":
        a = a + 1j * rng.standard_normal((n, n))
    a = a + (n if shift is None else shift) * np.eye(n)
    return a.astype(dtype)


# ------------------------------------------------------------ products
f = save("f_3x4", rng.standard_normal((3, 4)))
g = save("f_4x5", rng.standard_normal((4, 5)))
v4 = save("f_4", rng.standard_normal(4))
v3 = save("f_3", rng.standard_normal(3))
s0 = save("f_0d", np.float64(2.5))
st = save("f_2x3x4", rng.standard_normal((2, 3, 4)))
st2 = save("f_2x1x4x5", rng.standard_normal((2, 1, 4, 5)))
i1 = save("i32_3x4", rng.randint(-2**31, 2**31 - 1, size=(3, 4), dtype=np.int64).astype(np.int32))
i2 = save("i32_4x2", rng.randint(-2**31, 2**31 - 1, size=(4, 2), dtype=np.int64).astype(np.int32))
u8a = save("u8_3x4", rng.randint(0, 256, size=(3, 4)).astype(np.uint8))
u8b = save("u8_4x2", rng.randint(0, 256, size=(4, 2)).astype(np.uint8))
ba = save("b_3x4", rng.rand(3, 4) > 0.6)
bb = save("b_4x2", rng.rand(4, 2) > 0.6)
c1 = save("c_3x4", (rng.standard_normal((3, 4)) + 1j * rng.standard_normal((3, 4))))
c2 = save("c_4x2", (rng.standard_normal((4, 2)) + 1j * rng.standard_normal((4, 2))).astype(np.complex64))
f32a = save("f32_3x4", rng.standard_normal((3, 4)).astype(np.float32))
i64v = save("i64_4", np.arange(4) - 1)
for nm, a, b in [("matmul", f, g), ("matmul", st, g), ("matmul", st2, "f_5"), ("matmul", v4, g), ("matmul", f, v4),
                 ("matmul", v4, v4), ("matmul", i1, i2), ("matmul", u8a, u8b), ("matmul", ba, bb),
                 ("matmul", c1, c2), ("matmul", f32a, g), ("matmul", i1, g)]:
    if b == "f_5":
        b = save("f_5", rng.standard_normal(5))
    case(nm, a, b, out=save("out_%d" % len(cases), np.matmul(store[a], store[b])))
for a, b in [(f, g), (v4, v4), (f, v4), (s0, f), (f, s0), (st, "f_3x4x2"), (v4, st2), (i1, i2), (c1, c2)]:
    if b == "f_3x4x2":
        b = save(b, rng.standard_normal((3, 4, 2)))
    case("dot", a, b, out=save("out_%d" % len(cases), np.dot(store[a], store[b])))
for a, b in [(c1, c1), (f, f), (i1, i1)]:
    case("vdot", a, b, out=save("out_%d" % len(cases), np.vdot(store[a], store[b])))
for a, b in [(f, f), (st, f), (v4, v4), (s0, v4)]:
    case("inner", a, b, out=save("out_%d" % len(cases), np.inner(store[a], store[b])))
for a, b in [(v4, v3), (f, v3), (i1, i64v)]:
    case("outer", a, b, out=save("out_%d" % len(cases), np.outer(store[a], store[b])))
for a, b in [(f, f32a), (v4, f), (i1, i2), (st, v4)]:
    case("kron", a, b, out=save("out_%d" % len(cases), np.kron(store[a], store[b])))
t1 = save("f_3x4x5", rng.standard_normal((3, 4, 5)))
t2 = save("f_4x3x2", rng.standard_normal((4, 3, 2)))
case("tensordot_pairs", t1, t2, out=save("out_%d" % len(cases), np.tensordot(store[t1], store[t2], axes=([1, 0], [0, 1]))))
t5 = save("f_5x2t", rng.standard_normal((5, 2)))
case("tensordot1", t1, t5, out=save("out_%d" % len(cases), np.tensordot(store[t1], store[t5], axes=1)))
case("tensordot0", v4, v3, out=save("out_%d" % len(cases), np.tensordot(store[v4], store[v3], axes=0)))
case("tensordot2", st, f, out=save("out_%d" % len(cases), np.tensordot(store[st], store[f], axes=2)))
for a in [f, st, i1, ba, u8a, c1]:
    case("trace", a, out=save("out_%d" % len(cases), np.trace(store[a])))
case("trace_off1", f, out=save("out_%d" % len(cases), np.trace(store[f], offset=1)))
case("trace_offm2", f, out=save("out_%d" % len(cases), np.trace(store[f], offset=-2)))
case("trace_axes12", st, out=save("out_%d" % len(cases), np.trace(store[st], axis1=1, axis2=2)))
x3 = save("f_5x3", rng.standard_normal((5, 3)))
y3 = save("f_3", store[v3])
case("cross", x3, y3, out=save("out_%d" % len(cases), np.cross(store[x3], store[y3])))
x2 = save("f_5x2", rng.standard_normal((5, 2)))
case("cross", x2, x2, out=save("out_%d" % len(cases), np.cross(store[x2], store[x2][::-1])))
case("cross", x2, x3, out=save("out_%d" % len(cases), np.cross(store[x2], store[x3])))
ci = save("i64_2x3", np.array([[1, 2, 3], [4, 5, 6]]))
case("cross", ci, save("i64_3", np.array([7, -8, 9])), out=save("out_%d" % len(cases), np.cross(store[ci], np.array([7, -8, 9]))))
case("cross_axis0", save("f_3x5c", store[x3].T.copy()), y3, out=save("out_%d" % len(cases), np.cross(store[x3].T, store[y3], axisa=0)))
md = [save("md_%d" % i, rng.standard_normal(s)) for i, s in enumerate([(10,), (10, 100), (100, 5), (5, 50)])]
case("multi_dot", *md, out=save("out_%d" % len(cases), np.linalg.multi_dot([store[m] for m in md])))
sq = save("f_4x4", rng.standard_normal((4, 4)) / 2)
sqi = save("i64_3x3", np.array([[1, 2, 0], [3, 1, 1], [0, 1, 2]]))
for p in [0, 1, 2, 3, 7, -1, -3]:
    case("matrix_power%d" % p, sq, out=save("out_%d" % len(cases), np.linalg.matrix_power(store[sq], p)))
for p in [0, 5, 13]:
    case("matrix_power%d" % p, sqi, out=save("out_%d" % len(cases), np.linalg.matrix_power(store[sqi], p)))
# vecdot (NumPy 2): sum(conj(a) * b, axis=-1)
case("vecdot", c1, save("c_4", store[c1][1]), out=save("out_%d" % len(cases), np.sum(np.conj(store[c1]) * store[c1][1], axis=-1)))
case("vecdot", st, f, out=save("out_%d" % len(cases), np.sum(store[st] * store[f], axis=-1)))

# ------------------------------------------------------------ np.linalg
for n, dt in [(1, np.float64), (4, np.float64), (6, np.complex128), (5, np.float32), (3, np.complex64)]:
    a = save("sq_%d_%s" % (n, np.dtype(dt).name), well(n, dt))
    case("det", a, out=save("out_%d" % len(cases), np.linalg.det(store[a])))
    case("inv", a, out=save("out_%d" % len(cases), np.linalg.inv(store[a])))
    s_, l_ = np.linalg.slogdet(store[a])
    case("slogdet", a, out=(save("out_%d" % len(cases), s_), save("out_%db" % len(cases), l_)))
    h = store[a] + store[a].conj().T
    hh = save("herm_%d_%s" % (n, np.dtype(dt).name), h)
    case("eigvalsh", hh, out=save("out_%d" % len(cases), np.linalg.eigvalsh(store[hh])))
    case("svdvals", a, out=save("out_%d" % len(cases), np.linalg.svd(store[a], compute_uv=False)))
ai = save("i64_sq3", np.array([[2, 1, 0], [1, 3, 1], [0, 1, 4]]))
case("det", ai, out=save("out_%d" % len(cases), np.linalg.det(store[ai])))
case("inv", ai, out=save("out_%d" % len(cases), np.linalg.inv(store[ai])))
case("cholesky", ai, out=save("out_%d" % len(cases), np.linalg.cholesky(store[ai])))
stk = save("stack_2x3x3", np.stack([well(3), well(3)]))
case("det", stk, out=save("out_%d" % len(cases), np.linalg.det(store[stk])))
bv = save("f_3b", rng.standard_normal(3))
case("solve", stk, bv, out=save("out_%d" % len(cases), np.linalg.solve(store[stk], store[bv][None, :, None])[..., 0]))
bm = save("f_2x3x2", rng.standard_normal((2, 3, 2)))
case("solve", stk, bm, out=save("out_%d" % len(cases), np.linalg.solve(store[stk], store[bm])))
rect = save("f_6x4", rng.standard_normal((6, 4)))
wide = save("f_3x5", rng.standard_normal((3, 5)))
case("svdvals", rect, out=save("out_%d" % len(cases), np.linalg.svd(store[rect], compute_uv=False)))
case("svdvals", wide, out=save("out_%d" % len(cases), np.linalg.svd(store[wide], compute_uv=False)))
case("pinv", rect, out=save("out_%d" % len(cases), np.linalg.pinv(store[rect])))
case("pinv", wide, out=save("out_%d" % len(cases), np.linalg.pinv(store[wide])))
lb = save("f_6", rng.standard_normal(6))
x_, r_, k_, s_ = np.linalg.lstsq(store[rect], store[lb], rcond=None)
case("lstsq", rect, lb, out=(save("out_%d" % len(cases), x_), save("out_%db" % len(cases), r_)))
sing = save("sing_4", np.outer(np.arange(1.0, 5), np.arange(2.0, 6)) + np.outer(np.ones(4), np.arange(4.0)))
case("matrix_rank", sing, out=save("out_%d" % len(cases), np.linalg.matrix_rank(store[sing])))
case("matrix_rank", stk, out=save("out_%d" % len(cases), np.linalg.matrix_rank(store[stk])))
case("det", sing, out=save("out_%d" % len(cases), np.linalg.det(store[sing])))
for o in ["None", "fro", "nuc", "inf", "-inf", "1", "-1", "2", "-2"]:
    ordv = None if o == "None" else (o if o in ("fro", "nuc") else float(o))
    case("norm_mat_" + o, f, out=save("out_%d" % len(cases), np.linalg.norm(store[f], ord=ordv)))
for o in ["None", "inf", "-inf", "0", "1", "-1", "2", "3", "0.5"]:
    ordv = None if o == "None" else float(o)
    case("norm_vec_" + o, v4, out=save("out_%d" % len(cases), np.linalg.norm(store[v4], ord=ordv)))
case("norm_axis1", st, out=save("out_%d" % len(cases), np.linalg.norm(store[st], axis=1)))
case("norm_axis12_keep", st, out=save("out_%d" % len(cases), np.linalg.norm(store[st], axis=(1, 2), keepdims=True)))
case("norm_vec_None", c1, out=save("out_%d" % len(cases), np.linalg.norm(store[c1])))
case("norm_vec_None", i1, out=save("out_%d" % len(cases), np.linalg.norm(store[i1])))
case("norm_vec_None", f32a, out=save("out_%d" % len(cases), np.linalg.norm(store[f32a])))
for o in ["None", "fro", "inf", "1", "-2"]:
    ordv = None if o == "None" else (o if o == "fro" else float(o))
    case("cond_" + o, sq, out=save("out_%d" % len(cases), np.linalg.cond(store[sq], ordv)))

# einsum
e1 = save("e_2x3x4", rng.standard_normal((2, 3, 4)))
e2 = save("e_4x5", rng.standard_normal((4, 5)))
e3 = save("e_3x3", rng.standard_normal((3, 3)))
e4 = save("e_2x4x6", rng.standard_normal((2, 4, 6)))
e5 = save("e_5x2", rng.standard_normal((5, 2)))
ei = save("e_i_3x3", np.arange(9).reshape(3, 3))
for sub, ops in [("ij,jk->ik", [f, g]), ("ij,jk", [f, g]), ("ii->i", [e3]), ("ii", [e3]), ("ij->ji", [f]), ("ij", [f]),
                 ("bij,bjk->bik", [e1, e4]), ("ijk,kl->ijl", [e1, e2]), ("...j,jk->...k", [e1, e2]),
                 ("ij,ij->i", [f, f]), ("i,i", [v4, v4]), ("i,j->ij", [v4, v3]), ("ijk->", [e1]), ("ijk->k", [e1]),
                 ("ij,jk,kl->il", [f, g, e5]), ("ba,ac->bc", [f, g]), ("ii->", [ei]), ("iij->j", [save("e_3x3x2", rng.standard_normal((3, 3, 2)))]),
                 ("...,...", [s0, f]), ("i...->...", [st]), ("ij,ij", [f, f]), ("ab,bc,cd,de->ae", [f, g, e5, save("e_2x7", rng.standard_normal((2, 7)))]),
                 ("ij,jk->ik", [i1, i2]), ("ij,jk->ik", [c1, c2])]:
    res = np.einsum(sub, *[store[o] for o in ops])
    case("einsum", sub, *ops, out=save("out_%d" % len(cases), res))
    path = np.einsum_path(sub, *[store[o] for o in ops], optimize="greedy")[0]
    cases.append("einsum_path %s %s -> %s" % (sub, " ".join(ops), repr(path).replace(" ", "")))

# lstsq on rank-deficient inputs (NumPy's gelsd: minimum-norm x, residuals empty when
# rank < N): sing_4 has rank 2; a tall 6x4 of rank 2 with two right-hand sides; a wide
# 3x5 of rank 2 (rows dependent)
lb4 = save("lf_4", rng.standard_normal(4))
lt = save("lt_6x4", np.outer(np.arange(1.0, 7), [1.0, 2, 0, -1]) + np.outer(np.ones(6), [0.5, 0, 1, 1]))
lt2 = save("lb_6x2", rng.standard_normal((6, 2)))
lw = save("lw_3x5", np.vstack([rng.standard_normal(5), rng.standard_normal(5)]).T.dot([[1.0, 0, 1], [0, 1, 1]]).T)
lb3 = save("lf_3", rng.standard_normal(3))
for A, B in [(sing, lb4), (lt, lt2), (lw, lb3)]:
    x_, r_, k_, s_ = np.linalg.lstsq(store[A], store[B], rcond=None)
    n0 = len(cases)
    case("lstsq", A, B, out=(save("out_%d" % n0, x_), save("out_%db" % n0, r_)))
    cases.append("lstsq_rank %s %s -> %d" % (A, B, k_))

with open(os.path.join(HERE, "cases.txt"), "w") as fh:
    fh.write("\n".join(cases) + "\n")
print(len(cases), "cases")
