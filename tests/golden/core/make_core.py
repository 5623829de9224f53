#!/usr/bin/env python3
"""Golden values for tests/test_array.c, made with NumPy.

Each line: <case> <dtype.str> <shape as 3,4 or - for 0-d> <C-order bytes in hex or ->
Run: /usr/bin/python3 make_core.py > core.txt
NumPy 1.24 made these; where NumPy 2 differs the case is computed the 2.x way
(linspace with an integer dtype floors, noted below)."""
import numpy as np

cases = []

def add(name, a):
    a = np.asarray(a)
    shape = ",".join(str(d) for d in a.shape) if a.ndim else "-"
    data = np.ascontiguousarray(a).tobytes().hex() or "-"
    cases.append(f"{name} {a.dtype.str} {shape} {data}")

# creation
add("zeros_2x3", np.zeros((2, 3)))
add("ones_i8", np.ones(4, dtype=np.int8))
add("full_int", np.full((2, 2), 7))
add("full_float", np.full(3, 2.5))
add("full_bool", np.full(2, True))
add("full_f32", np.full(3, 1.1, dtype=np.float32))
add("arange_int", np.arange(-3, 7, 2))
add("arange_neg", np.arange(10, 0, -3))
add("arange_empty", np.arange(5, 1, 1))
add("arange_float", np.arange(0.1, 1, 0.1))
add("arange_mixed", np.arange(-3, 7, 2.5))
add("arange_f32", np.arange(0, 5, 1, dtype=np.float32))
add("arange_u8", np.arange(250, 256, 1, dtype=np.uint8))
add("linspace_5", np.linspace(0, 1, 5))
add("linspace_noend", np.linspace(0, 1, 5, endpoint=False))
add("linspace_1", np.linspace(2, 3, 1))
add("linspace_0", np.linspace(2, 3, 0))
add("linspace_odd", np.linspace(-1.3, 7.9, 11))
# NumPy 2 floors for integer dtypes (1.24 truncates): computed the 2.x way
add("linspace_int", np.floor(np.linspace(-5, 10, 7)).astype(np.int64))
add("logspace_4", np.logspace(0, 3, 4))
add("logspace_base2", np.logspace(0, 10, 6, base=2.0))
add("geomspace_4", np.geomspace(1, 1000, 4))
add("geomspace_neg", np.geomspace(-1, -1000, 4))
add("geomspace_odd", np.geomspace(3, 7.5, 9))
add("eye_3", np.eye(3))
add("eye_3x4_k1_int", np.eye(3, 4, k=1, dtype=np.int64))
add("eye_2x3_km5", np.eye(2, 3, k=-5))
add("eye_4x2_km1", np.eye(4, 2, k=-1))
add("identity_i32", np.identity(3, dtype=np.int32))
add("tri_3x4_km1", np.tri(3, 4, k=-1))
add("tri_4_k2", np.tri(4, k=2))
add("diag_vec_km1", np.diag(np.array([1, 2]), k=-1))
add("diag_vec_k2", np.diag(np.array([1.5, 2.5, 3.5]), k=2))
m = np.arange(12).reshape(3, 4)
add("diag_mat_k2", np.diag(m, k=2))
add("diag_mat_km1", np.diag(m, k=-1))
add("diag_mat_k9", np.diag(m, k=9))
add("diagflat_k1", np.diagflat(np.array([[1, 2], [3, 4]]), 1))
add("tril_m", np.tril(m))
add("tril_m_k1", np.tril(m, 1))
add("triu_m_km1", np.triu(m, -1))
add("tril_vec", np.tril(np.array([1, 2, 3])))
add("triu_3d", np.triu(np.arange(18).reshape(2, 3, 3), 1))

# shape manipulation of a = arange(24).reshape(2, 3, 4)
a = np.arange(24).reshape(2, 3, 4)
add("T", a.T)
add("transpose_120", np.transpose(a, (1, 2, 0)))
add("swapaxes_0_2", np.swapaxes(a, 0, 2))
add("reshape_4x6", a.reshape(4, 6))
add("reshape_m1_2", a.reshape(-1, 2))
add("reshape_F", a.reshape((4, 6), order="F"))
add("reshape_T", a.T.reshape(6, 4))
add("ravel_C", np.ravel(a))
add("ravel_F", np.ravel(a, order="F"))
add("ravel_K_T", np.ravel(a.T, order="K"))
add("ravel_K_rev", np.ravel(a[::-1], order="K"))
add("flatten_F", a.flatten(order="F"))
add("expand_0", np.expand_dims(a, 0))
add("expand_m1_0", np.expand_dims(a, (-1, 0)))
add("squeeze", np.squeeze(np.zeros((1, 3, 1, 2))))
add("squeeze_ax2", np.squeeze(np.zeros((1, 3, 1, 2)), axis=2))
add("broadcast_to", np.broadcast_to(np.arange(3), (2, 3)))
add("copy_F_of_T", np.copy(a.T, order="F"))
add("astype_f32", a.astype(np.float32))
add("view_i32", np.arange(4, dtype=np.int64).view(np.int32))
add("view_u8", np.array([1.0, -2.0]).view(np.uint8))
add("view_c16", np.arange(4.0).view(np.complex128))

# basic indexing: same index text evaluated by NumPy and by nd_get
index_cases = [
    "1", "-1", "1, 2", "1, 2, 3", ":", "...", "..., 1", "1, ...", "::-1", "::2", "1::-2",
    ":, ::-1, 1:3", "None", "None, 1", ":, None, :", "..., None", "-2:", ":-1", "5:1:-1",
    "10:", "-100:100", ":, 1:100:3", "1, None, ::-1, 2", "::-1, ::-1, ::-1", "0:0", "1,",
    "-1, -1, -1", "..., ::3", ":, :, :", "None, ..., None",
]
for k, s in enumerate(index_cases):
    add(f"index_{k}", eval(f"a[{s}]"))

with open("core.txt", "w") as f:
    f.write("\n".join(cases) + "\n")
with open("index_cases.txt", "w") as f:
    f.write("\n".join(index_cases) + "\n")
