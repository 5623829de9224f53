"""Golden data of tests/test_ufunc_gufunc.c: NumPy's generalized ufuncs (the test
gufuncs of numpy.core._umath_tests, which the C test rebuilds under the same names)
on the same inputs, and NumPy's signature parser errors.

Run with /usr/bin/python3 (NumPy 1.24): writes gufunc.txt beside this script.
Each line is tab separated:
  SIG  <signature> <nin> <nout> OK <ndims per operand> <name index per core dim> <frozen size per name>
  SIG  <signature> <nin> <nout> ERR <message>
  CASE <name> OK <dtype> <shape> <values...>     (values in C order, repr)
  CASE <name> ERR <exception> <message>
"""
import os
import numpy as np
from numpy.core import _umath_tests as ut


def mk(shape, off=0, dtype=np.float64):
    n = int(np.prod(shape))
    return ((np.arange(n) * 7 % 11) - 5 + off * 0.25).reshape(shape).astype(dtype)


def mki(shape, off=0, dtype=np.int32):
    n = int(np.prod(shape))
    return ((np.arange(n) * 7 % 11) - 5 + off).reshape(shape).astype(dtype)


def fill(x, out):  # "()->(n)": out[..., k] = x * (k + 1)
    x = np.asarray(x, dtype=np.float64)
    k = np.arange(out.shape[-1]) + 1
    out[...] = x[..., None] * k
    return out


def matvec(a, v):  # "(m,n),(n)->(m)"
    return np.matmul(a, v[..., None])[..., 0]


CASES = {
    "inner_basic": lambda: ut.inner1d(mk((2, 3)), mk((3,), 1)),
    "inner_bcast": lambda: ut.inner1d(mk((4, 1, 3)), mk((5, 3), 1)),
    "inner_noncontig": lambda: ut.inner1d(mk((3, 6))[:, ::2], mk((3, 3), 1).T),
    "inner_negstride": lambda: ut.inner1d(mk((4, 3))[::-1, ::-1], mk((3,), 1)),
    "inner_empty_loop": lambda: ut.inner1d(mk((0, 3)), mk((3,), 1)),
    "inner_empty_core": lambda: ut.inner1d(mk((2, 0)), mk((0,), 1)),
    "inner_int32": lambda: ut.inner1d(mki((2, 3)), mki((3,), 1)),
    "inner_int8_dtype": lambda: ut.inner1d(mki((2, 3), 0, np.int8), mki((3,), 1, np.int8), dtype=np.float64),
    "inner_scalar": lambda: ut.inner1d(mk((3,)), 2.0),
    "inner_mismatch": lambda: ut.inner1d(mk((3,)), mk((4,))),
    "inner_out": lambda: ut.inner1d(mk((2, 3)), mk((3,), 1), out=np.zeros(2)),
    "inner_out_f32": lambda: ut.inner1d(mk((2, 3)), mk((3,), 1), out=np.zeros(2, np.float32)),
    "inner_out_bcast": lambda: ut.inner1d(mk((2, 3)), mk((3,), 1), out=np.zeros((3, 2))),
    "inner_out_int": lambda: ut.inner1d(mk((2, 3)), mk((3,), 1), out=np.zeros(2, np.int64)),
    "inner_out_small": lambda: ut.inner1d(mk((2, 3)), mk((3,), 1), out=np.zeros(())),
    "inner_casting_no": lambda: ut.inner1d(mk((3,), 0, np.float32), mk((3,)), casting='no'),
    "inner_complex": lambda: ut.inner1d(mk((3,), 0, np.complex128), mk((3,))),
    "inner_bcast_err": lambda: ut.inner1d(mk((2, 3)), mk((5, 3))),
    "inner_bcast_err3": lambda: ut.inner1d(mk((4, 2, 3)), mk((5, 3))),
    "inner_axes": lambda: ut.inner1d(mk((3, 2)), mk((3, 2), 1), axes=[(0,), (0,), ()]),
    "inner_axes_neg": lambda: ut.inner1d(mk((3, 2)), mk((2, 3), 1), axes=[(-2,), (-1,), ()]),
    "inner_axes_bad": lambda: ut.inner1d(mk((2, 3)), mk((2, 3)), axes=[(0,), (-3,), ()]),
    "inner_axes_len": lambda: ut.inner1d(mk((2, 3)), mk((2, 3)), axes=[(0, 1), (0,), ()]),
    "inner_inplace": lambda: (lambda a: ut.inner1d(a, a[:, ::-1], out=a[:, 0]))(mk((3, 3))),
    "matmul_basic": lambda: ut.matrix_multiply(mk((2, 3)), mk((3, 4), 1)),
    "matmul_batch": lambda: ut.matrix_multiply(mk((2, 1, 2, 3)), mk((3, 3, 2), 1)),
    "matmul_T": lambda: ut.matrix_multiply(mk((3, 2)).T, mk((4, 3), 1).T),
    "matmul_f32": lambda: ut.matrix_multiply(mk((2, 3), 0, np.float32), mk((3, 2), 1, np.float32)),
    "matmul_mismatch": lambda: ut.matrix_multiply(mk((2, 3)), mk((4, 5))),
    "matmul_bcast_err": lambda: ut.matrix_multiply(mk((2, 2, 3)), mk((3, 3, 4))),
    "matmul_out_core": lambda: ut.matrix_multiply(mk((2, 3)), mk((3, 5)), out=np.zeros((2, 4))),
    "matmul_out_ndim": lambda: ut.matrix_multiply(mk((2, 3)), mk((3, 5)), out=np.zeros(5)),
    "matmul_axes": lambda: ut.matrix_multiply(mk((3, 2, 4)), mk((3, 4, 5), 1), axes=[(1, 0), (0, 2), (1, 2)]),
    "matmul_axes_dup": lambda: ut.matrix_multiply(mk((2, 3, 4)), mk((4, 3, 5)), axes=[(1, 1), (1, 0), (0, 1)]),
    "matvec_basic": lambda: matvec(mk((2, 3, 4)), mk((4,), 1)),
    "cross_basic": lambda: ut.cross1d(mk((2, 3)), mk((3,), 1)),
    "cross_frozen": lambda: ut.cross1d(mk((4,)), mk((4,))),
    "cross_out": lambda: ut.cross1d(mk((3,)), mk((3,)), out=np.zeros(4)),
    "pdist_noout": lambda: ut.euclidean_pdist(mk((4, 3))),
    "pdist_out": lambda: ut.euclidean_pdist(mk((4, 3)), out=np.zeros(6)),
    "fill_out": lambda: fill(mk((2,)), np.zeros((2, 4))),
    "fill_scalar": lambda: fill(2.5, np.zeros(3)),
    # flexible core dimensions: np.matmul is the gufunc (n?,k),(k,m?)->(n?,m?)
    "flex_mm": lambda: np.matmul(mk((2, 3)), mk((3, 4), 1)),
    "flex_mv": lambda: np.matmul(mk((2, 3)), mk((3,), 1)),
    "flex_vm": lambda: np.matmul(mk((3,)), mk((3, 4), 1)),
    "flex_vv": lambda: np.matmul(mk((3,)), mk((3,), 1)),
    "flex_batch_mv": lambda: np.matmul(mk((2, 2, 3)), mk((3,), 1)),
    "flex_batch_vm": lambda: np.matmul(mk((3,)), mk((2, 3, 4), 1)),
    "flex_negstride_vm": lambda: np.matmul(mk((5,))[::-2], mk((4, 3), 1).T[::-1]),
    "flex_empty_mv": lambda: np.matmul(mk((0, 3)), mk((3,), 1)),
    "flex_empty_k": lambda: np.matmul(mk((0,)), mk((0, 2), 1)),
    "flex_mv_mismatch": lambda: np.matmul(mk((2, 3)), mk((4,), 1)),
    "flex_vm_mismatch": lambda: np.matmul(mk((4,)), mk((3, 2), 1)),
    "flex_vv_mismatch": lambda: np.matmul(mk((3,)), mk((4,), 1)),
    "flex_scalar": lambda: np.matmul(mk(()), mk((3,), 1)),
    "flex_scalar2": lambda: np.matmul(mk((3,)), mk(())),
    "flex_out_mv": lambda: np.matmul(mk((2, 3)), mk((3,), 1), out=np.zeros(2)),
    "flex_out_vv": lambda: np.matmul(mk((3,)), mk((3,), 1), out=np.zeros(())),
    "flex_out_bad": lambda: np.matmul(mk((2, 3)), mk((3,), 1), out=np.zeros((2, 1))),
    "flex_out_bad2": lambda: np.matmul(mk((2, 3)), mk((3,), 1), out=np.zeros(3)),
    "flex_axes_mv": lambda: np.matmul(mk((3, 2)), mk((3,), 1), axes=[(1, 0), (0,), (0,)]),
    "flex_bcast_err": lambda: np.matmul(mk((2, 2, 3)), mk((3, 3, 4), 1)),
    "reduce_err": lambda: ut.inner1d.reduce(mk((3,))),
    "accumulate_err": lambda: ut.inner1d.accumulate(mk((3,))),
    "outer_err": lambda: ut.inner1d.outer(mk((3,)), mk((3,))),
    "at_err": lambda: ut.inner1d.at(mk((3,)), [0], mk((3,))),
}

SIGS = [
    "(i),(i)->()", "(i),(i)->(", "(i)(i)->()", "(i),(i)", "(i,),(i)->()", "(3),(3)->(3)",
    "(i),(i)->(j)", "( i ),(i)->()", "(i),(i)->()x", "(i?),(i)->()", "(1a),(i)->()",
    "(i),(i),->()", "(i,j),(i)->(i)", "(i),(i)->(),()", "(0),(i)->()", "(-1),(i)->()",
    "(i),(i)->(i?)", "(i),(i)->()(i)", " (i) , ( i,j ) -> ( ) ", "(i),(i)->(),", "(i),(i)-()",
    "(i) (i)->()", "(3?),(i)->()", "(i_1),(i)->()", "", "->", "(i),(i)->(i)->(i)",
    "(m?,n),(n,p?)->(m?,p?)", "(i),(j)->(i,j)", "(i,i),(i)->()",
]


def fmt(v):
    return repr(complex(v)) if np.iscomplexobj(v) else repr(float(v))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    lines = []
    for s in SIGS:
        try:
            r = ut.test_signature(2, 1, s)
            if r[0] == 0:
                lines.append(f"SIG\t{s}\t2\t1\tOK\tnone")
            else:
                lines.append("\t".join(["SIG", s, "2", "1", "OK", " ".join(map(str, r[1])),
                                        " ".join(map(str, r[2])), " ".join(map(str, r[4]))]))
        except ValueError as e:
            lines.append(f"SIG\t{s}\t2\t1\tERR\t{e}")
    for name, f in CASES.items():
        try:
            r = np.asarray(f())
            vals = " ".join(fmt(v) for v in r.ravel(order="C"))
            shape = ",".join(map(str, r.shape))
            lines.append(f"CASE\t{name}\tOK\t{r.dtype.name}\t{shape}\t{vals}")
        except Exception as e:  # noqa: BLE001 - every exception is a golden result
            kind = type(e).__name__
            lines.append(f"CASE\t{name}\tERR\t{kind}\t{e}")
    with open(os.path.join(here, "gufunc.txt"), "w") as fh:
        fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
