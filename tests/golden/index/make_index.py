#!/usr/bin/python3
"""Golden data for tests/test_index.c (run: /usr/bin/python3 make_index.py > index_cases.txt).

Each line: kind<TAB>array<TAB>index<TAB>[value<TAB>]expected
  kind   get: expected = arr[index]; set: arr[index] = value, expected = the whole array after
  array  a name from ARRAYS (built the same way in the C test)
  index  NumPy index text, also valid for nd_get (lists, True/False, slices, None, ...)
expected is "dtype;shape;v0 v1 ..." or "ERR Name: message".
NumPy 1.24 is the oracle; where NumPy 2.x words an error differently the 2.x text is
written (boolean index mismatch: 'along axis ...; size of axis is ...')."""
import re
import numpy as np

ARRAYS = {
    "a1": lambda: np.arange(10),
    "a2": lambda: np.arange(12).reshape(3, 4),
    "a3": lambda: np.arange(24).reshape(2, 3, 4),
    "t2": lambda: np.arange(12).reshape(3, 4).T,                   # non-contiguous
    "r1": lambda: np.arange(20)[::-2],                             # negative stride
    "e2": lambda: np.zeros((0, 3), dtype=np.int64),                # empty
    "z0": lambda: np.array(7),                                     # 0-d
}
DTYPES = ["bool", "int8", "uint16", "int32", "int64", "float16", "float32", "float64", "complex128"]
for dt in DTYPES:  # a3 in every dtype: (arange(24) * 0.5 - 3).astype(dt); unsigned: no "- 3"
    ARRAYS["d_" + dt] = (lambda dt=dt: (np.arange(24).reshape(2, 3, 4) * 0.5 - (0 if dt[0] == "u" else 3)).astype(dt))

GET = {
    "a1": ["[0, 2, -1]", "[[1, 2], [3, 4]]", "[]", "[10]", "[-11]", "[True, False]", "True", "False",
           "[0, 0, 3]", "..., [1]", "None, [2, 3]", "[2, 3], None", "2:8, ", "[1], [1]"],
    "a2": ["[0, 2]", "[0, 2], 1", "1, [0, 2]", "[0, 2], 1:3", "1:3, [0, 3]", "[0, 2], [1, 3]",
           "[[0], [2]], [1, 3]", "[True, False, True]", "[True, False, True], 2", "[True, False]",
           "[[True, False, True, False], [False, True, False, True], [True, True, False, False]]",
           "[0, 1], [0, 1, 2]", "..., [0, 3]", "[0, 2], ...", "[5]", ":, [4]", ":, [-5]", "[0], None, [1]",
           "None, [0, 1], [1, 2]", "True, [0, 1]", "[1, 2], True", "False, 0", "::-1, [3, 0]",
           "[0, 2], ::-2", "[[0, 1], [2, 2]]", "[[True, False, True]]", "[-1, -3]"],
    "a3": ["[0, 1], :, [0, 1]", ":, [0, 1], [0, 1]", "0, :, [0, 1]", ":, 0, [0, 1]", "[0], ..., 0",
           "[0], ..., [1], :", ":, [0], ..., [1]", ":, [0], None, [1]", "True, True, [0]",
           "[True, False], 1:, [3, 2, 1]", "1, [True, False, True]", "..., [True, False, False, True]",
           "[[True, False, True, False], [False, True, False, True], [True, True, False, False]]",
           "[[[0]]], [[1], [2]], [0, 1, 2, 3]", "..., None, [0, 1]", "[1, 0], [2, 0], [3, 0]",
           "[0, 1], [0, 1], [0, 1], [0]", "1:, [2, 1], ::2"],
    "t2": ["[0, 3]", ":, [2, 0]", "[1, 2], [0, 2]", "[True, False, True, False]", "[[0], [1]], ::-1"],
    "r1": ["[0, 9, -1]", "[True, False, True, False, True, False, True, False, True, False]", "[[1, 2]]"],
    "e2": ["[]", "[0]", ":, [0, 2]", "[], [1]"],
    "z0": ["True", "False", "None, True", "[0]"],
}
for dt in DTYPES:
    GET["d_" + dt] = ["[1, 0], :, [3, -1]", ":, [2, 0]", "[True, False], [0, 2]", "..., [0, 0, 3]"]

SET = [  # (array, index, scalar value)
    ("a1", "[0, 2, -1]", "-5"), ("a1", "[1, 1, 1]", "9"), ("a1", "[True, False, True, False, True, False, True, False, True, False]", "0"),
    ("a2", "[0, 2], 1:3", "-1"), ("a2", ":, [0, 3]", "8"), ("a2", "[[True, False, True, False], [False, True, False, True], [True, True, False, False]]", "100"),
    ("a3", "[0, 1], :, [0, 1]", "-7"), ("a3", "1, [True, False, True]", "3"), ("t2", "[1, 2], [0, 2]", "-2"),
    ("a1", "[10]", "1"), ("a2", "[True, False]", "1"), ("a1", "[2, 5], [1]", "1"),
    ("d_float32", "[1, 0], :, [3, -1]", "2.5"), ("d_int8", "..., [0, 0, 3]", "-100"),
    ("d_complex128", "[True, False], [0, 2]", "1.5"), ("d_bool", ":, [2, 0]", "0"),
]


def fmt_val(x, dt):
    if dt.kind == "b":
        return "1" if x else "0"
    if dt.kind in "iu":
        return str(int(x))
    if dt.kind == "c":
        return "%.17g,%.17g" % (x.real, x.imag)
    return "%.17g" % float(x)


def fmt(r):
    r = np.asarray(r)
    vals = " ".join(fmt_val(x, r.dtype) for x in r.ravel())
    return "%s;%s;%s" % (r.dtype.name, ",".join(str(s) for s in r.shape), vals)


def to2x(msg):
    m = re.match(r"boolean index did not match indexed array along dimension (\d+); dimension is (\d+) "
                 r"but corresponding boolean dimension is (\d+)", msg)
    if m:
        return ("boolean index did not match indexed array along axis %s; size of axis is %s but size of "
                "corresponding boolean axis is %s" % m.groups())
    return msg


def attempt(f):
    try:
        return fmt(f())
    except Exception as e:
        return "ERR %s: %s" % (type(e).__name__, to2x(str(e)))


A3 = np.arange(24).reshape(2, 3, 4)
X = np.array([3.5, -1.0, 0.0, 2.0, np.nan, -0.0, 7.25])


def functions():
    """fn<TAB>id<TAB>expected: the C test runs the same call for each id."""
    F = {}
    a2 = np.arange(12).reshape(3, 4)
    F["take_flat"] = lambda: np.take(A3, [0, 5, -1, 23])
    F["take_axis1"] = lambda: np.take(A3, [[2, 0], [1, 1]], axis=1)
    F["take_axis_neg"] = lambda: np.take(A3, [3, 0], axis=-1)
    F["take_wrap"] = lambda: np.take(a2, [-13, 5, 25], axis=1, mode="wrap")
    F["take_clip"] = lambda: np.take(a2, [-13, 5, 2], axis=0, mode="clip")
    F["take_raise"] = lambda: np.take(a2, [0, 3], axis=0)
    F["take_empty_axis"] = lambda: np.take(np.zeros((2, 0)), [1], axis=1, mode="clip")
    F["take_float_idx"] = lambda: np.take(a2, np.array([1.0]))
    F["take_T"] = lambda: np.take(a2.T, [2, 1], axis=0)

    def put1():
        b = np.arange(6.0); np.put(b, [0, -1, 2], [9, 8]); return b
    F["put"] = put1

    def put2():
        b = np.arange(6.0).reshape(2, 3); np.put(b, [7, -9], [1], mode="wrap"); return b
    F["put_wrap"] = put2

    def put3():
        b = np.arange(6.0); np.put(b, [6], [1]); return b
    F["put_raise"] = put3
    idx = np.array([[0, 2, 1, 3], [3, 3, 0, 0], [1, 0, 2, 2]])
    F["take_along"] = lambda: np.take_along_axis(a2, idx, axis=1)
    F["take_along0"] = lambda: np.take_along_axis(a2, np.array([[2, 0, 1, 1]]), axis=0)
    F["take_along_none"] = lambda: np.take_along_axis(a2, np.array([11, 0, 5]), axis=None)
    F["take_along_ndim"] = lambda: np.take_along_axis(a2, np.array([1]), axis=0)

    def pal():
        b = a2.copy(); np.put_along_axis(b, np.array([[1], [0], [3]]), -1, axis=1); return b
    F["put_along"] = pal
    ch = [np.arange(4), np.arange(4) * 10, np.arange(4) * 100.0]
    F["choose"] = lambda: np.choose([2, 0, 1, 2], ch)
    F["choose_wrap"] = lambda: np.choose([5, -1, 1, 3], ch, mode="wrap")
    F["choose_clip"] = lambda: np.choose([5, -1, 1, 3], ch, mode="clip")
    F["choose_raise"] = lambda: np.choose([5, -1, 1, 3], ch)
    F["choose_bcast"] = lambda: np.choose([[0], [1]], [np.arange(3), np.array(7)])
    F["compress0"] = lambda: np.compress([False, True, True], a2, axis=0)
    F["compress1"] = lambda: np.compress([True, False, False, True], a2, axis=1)
    F["compress_none"] = lambda: np.compress([1, 0, 1], a2)
    F["compress_long"] = lambda: np.compress([0, 0, 0, 1], a2, axis=0)
    F["extract"] = lambda: np.extract(a2 % 3 == 0, a2)

    def place1():
        b = a2.copy(); np.place(b, b > 6, [-1, -2]); return b
    F["place"] = place1

    def place2():
        b = a2.copy(); np.place(b, b > 6, []); return b
    F["place_empty"] = place2

    def putmask1():
        b = a2.copy(); np.putmask(b, b % 2 == 1, [100, 200, 300]); return b
    F["putmask"] = putmask1

    def copyto1():
        b = np.zeros((3, 4)); np.copyto(b, np.arange(4.0), where=a2 > 4); return b
    F["copyto_where"] = copyto1

    def copyto2():
        b = np.zeros(4, dtype=np.int64); np.copyto(b, np.arange(4.0), where=np.array([True, False, True, True])); return b
    F["copyto_cast"] = copyto2
    F["where3"] = lambda: np.where(a2 > 5, a2, np.array([-1.5, 0, 1, 2]))
    F["where_i8_f4"] = lambda: np.where(np.array([True, False]), np.array([1, 2], np.int8), np.array([0.5, 0.25], np.float32))
    F["where_bad"] = lambda: np.where(np.array([True, False, True]), np.arange(2), 0)
    F["nonzero1"] = lambda: np.nonzero(X)[0]
    F["nonzero2_0"] = lambda: np.nonzero(a2 % 5 == 1)[0]
    F["nonzero2_1"] = lambda: np.nonzero(a2 % 5 == 1)[1]
    F["argwhere"] = lambda: np.argwhere(A3 % 7 == 0)
    F["argwhere0"] = lambda: np.argwhere(np.array(3))
    F["flatnonzero"] = lambda: np.flatnonzero(a2.T % 3)
    F["select"] = lambda: np.select([a2 < 3, a2 > 8], [a2, a2 * 10], default=-1)
    F["select_nodefault"] = lambda: np.select([a2 < 3, a2 < 5], [a2 * 1.5, -a2])
    F["diagonal"] = lambda: np.diagonal(A3)
    F["diagonal_off"] = lambda: np.diagonal(A3, offset=1, axis1=1, axis2=2)
    F["diagonal_neg"] = lambda: np.diagonal(A3, offset=-1, axis1=2, axis2=1)
    F["diagonal_big"] = lambda: np.diagonal(a2, offset=7)

    def fd1():
        b = np.zeros((5, 3), dtype=np.int32); np.fill_diagonal(b, 4, wrap=True); return b
    F["fill_diag_wrap"] = fd1

    def fd2():
        b = np.zeros((5, 3), dtype=np.int32); np.fill_diagonal(b, [1, 2]); return b
    F["fill_diag"] = fd2

    def fd3():
        b = np.zeros((3, 3, 3)); np.fill_diagonal(b, 2.5); return b
    F["fill_diag3"] = fd3
    F["tril_indices_r"] = lambda: np.tril_indices(4, k=-1, m=3)[0]
    F["tril_indices_c"] = lambda: np.tril_indices(4, k=-1, m=3)[1]
    F["triu_indices_r"] = lambda: np.triu_indices(3, k=1)[0]
    F["triu_indices_c"] = lambda: np.triu_indices(3, k=1)[1]
    F["unravel_C"] = lambda: np.unravel_index([22, 41, 37], (7, 6))[0]
    F["unravel_F"] = lambda: np.unravel_index([22, 41, 37], (7, 6), order="F")[1]
    F["unravel_bad"] = lambda: np.unravel_index([42], (7, 6))
    F["ravel_multi"] = lambda: np.ravel_multi_index(([3, 6, 6], [4, 5, 1]), (7, 6))
    F["ravel_multi_F"] = lambda: np.ravel_multi_index(([3, 6, 6], [4, 5, 1]), (7, 6), order="F")
    F["ravel_multi_clip"] = lambda: np.ravel_multi_index(([3, 9, -6], [4, 5, 1]), (7, 6), mode="clip")
    F["ravel_multi_modes"] = lambda: np.ravel_multi_index(([3, 9, -6], [4, 8, 1]), (7, 6), mode=("wrap", "clip"))
    F["ravel_multi_raise"] = lambda: np.ravel_multi_index(([3, 9], [4, 5]), (7, 6))
    F["indices"] = lambda: np.indices((2, 3))
    F["indices_sparse1"] = lambda: np.indices((2, 3), sparse=True)[1]
    F["meshgrid_xy0"] = lambda: np.meshgrid(np.arange(3), np.arange(2.0))[0]
    F["meshgrid_xy1"] = lambda: np.meshgrid(np.arange(3), np.arange(2.0))[1]
    F["meshgrid_ij0"] = lambda: np.meshgrid(np.arange(3), np.arange(2.0), indexing="ij")[0]
    F["meshgrid_sparse1"] = lambda: np.meshgrid(np.arange(3), np.arange(2.0), np.arange(2), sparse=True)[1]
    F["ix0"] = lambda: np.ix_([0, 1], np.array([True, False, True]))[0]
    F["ix1"] = lambda: np.ix_([0, 1], np.array([True, False, True]))[1]
    F["mgrid"] = lambda: np.mgrid[0:2, 1:4:2]
    F["mgrid_c"] = lambda: np.mgrid[-1:1:5j]
    F["mgrid_f"] = lambda: np.mgrid[0:1:0.25, 0:2]
    F["ogrid1"] = lambda: np.ogrid[0:2, 1:4:2][1]
    F["sliding"] = lambda: np.lib.stride_tricks.sliding_window_view(np.arange(6), 3)
    F["sliding_axis"] = lambda: np.lib.stride_tricks.sliding_window_view(a2, 2, axis=1)
    F["sliding_2d"] = lambda: np.lib.stride_tricks.sliding_window_view(a2, (2, 2))
    F["sliding_big"] = lambda: np.lib.stride_tricks.sliding_window_view(a2, (4, 2))
    F["sliding_none"] = lambda: np.lib.stride_tricks.sliding_window_view(a2, 2)
    F["as_strided"] = lambda: np.lib.stride_tricks.as_strided(np.arange(10), (4, 3), (16, 8))

    def pw():
        x = np.arange(-3.0, 4.0)
        return np.piecewise(x, [x < 0, x > 1], [lambda v: -v, lambda v: v * 10, 0.5])
    F["piecewise"] = pw
    res = []
    for k, f in F.items():
        res.append("fn\t%s\t%s" % (k, attempt(f)))
    return res


def main():
    out = []
    for name, idxs in GET.items():
        for ix in idxs:
            a = ARRAYS[name]()
            out.append("get\t%s\t%s\t%s" % (name, ix, attempt(lambda: eval("a[%s]" % ix, {"a": a}))))
    for name, ix, val in SET:
        a = ARRAYS[name]().copy() if name not in ("t2", "r1") else ARRAYS[name]()

        def do():
            exec("a[%s] = %s" % (ix, val), {"a": a})
            return a
        out.append("set\t%s\t%s\t%s\t%s" % (name, ix, val, attempt(do)))
    out += functions()
    print("\n".join(out))


main()
