"""Golden singular values and QR diagonals for tests/test_linalg_native.c.

Run with /usr/bin/python3 (NumPy 1.24.2): writes golden.txt beside this script.
Matrices come from a formula both sides evaluate exactly (see gen()); each line:
  svd|qr NAME M N CPLX SEED RANK COUNT v0 v1 ...
svd: singular values (descending); qr: |diag(R)| (LAPACK's R has a real diagonal).
RANK > 0 makes the matrix the product of M x RANK and RANK x N generated blocks.
"""
import os
import numpy as np

MUL = 0x9E3779B97F4A7C15


def gen(count, seed):
    # element i: splitmix64's finalizer of (i + seed * 1000003 + 1) * MUL, top 53 bits
    # scaled to [-1, 1): exact in double on both sides
    out = np.empty(count)
    M64 = (1 << 64) - 1
    for i in range(count):
        z = ((i + seed * 1000003 + 1) * MUL) & M64
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        z ^= z >> 31
        out[i] = (z >> 11) * 2.0 ** -53 * 2 - 1
    return out


def matrix(m, n, cplx, seed):
    if cplx:
        v = gen(2 * m * n, seed)
        return (v[0::2] + 1j * v[1::2]).reshape(m, n)
    return gen(m * n, seed).reshape(m, n)


def build(m, n, cplx, seed, rank):
    if rank:
        return matrix(m, rank, cplx, seed) @ matrix(rank, n, cplx, seed + 1)
    return matrix(m, n, cplx, seed)


CASES = [
    # name, m, n, complex, seed, rank
    ("sq5", 5, 5, 0, 1, 0),
    ("tall130x100", 130, 100, 0, 2, 0),
    ("wide100x130", 100, 130, 0, 3, 0),
    ("sq200", 200, 200, 0, 4, 0),
    ("rank7_90x80", 90, 80, 0, 5, 7),
    ("ctall90x70", 90, 70, 1, 6, 0),
    ("cwide70x90", 70, 90, 1, 7, 0),
    ("csq100", 100, 100, 1, 8, 0),
    ("crank5_60x60", 60, 60, 1, 9, 5),
    ("one", 1, 1, 0, 10, 0),
    ("cone", 1, 1, 1, 11, 0),
    ("row1x9", 1, 9, 0, 12, 0),
    ("col9x1", 9, 1, 1, 13, 0),
]


def fmt(v):
    return " ".join(repr(float(x)) for x in v)


def main():
    lines = []
    for name, m, n, cplx, seed, rank in CASES:
        a = build(m, n, cplx, seed, rank)
        s = np.linalg.svd(a, compute_uv=False)
        lines.append(f"svd {name} {m} {n} {cplx} {seed} {rank} {len(s)} {fmt(s)}")
        r = np.linalg.qr(a, mode="r")
        d = np.abs(np.diagonal(r))
        lines.append(f"qr {name} {m} {n} {cplx} {seed} {rank} {len(d)} {fmt(d)}")
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.txt")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
