#!/usr/bin/python3
"""Golden text for tests/test_linalg_einsum.c: np.einsum_path's two results (path and
printed report) for operand shapes only (values do not matter), and einsum's out= /
casting= errors.  reports.txt holds blocks: `subscripts|shape;shape...|optimize`, the
path line, the report lines, then a line `====`.  No '...' cases: NumPy names the
broadcast dimensions in Python's (varying) set order.
Run: /usr/bin/python3 make_einsum.py (NumPy 1.24; einsum_path is the same in 2.x)."""
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = [
    ("ij,jk->ik", [(3, 4), (4, 5)], "greedy"),
    ("ij,jk", [(3, 4), (4, 5)], "greedy"),
    ("ij,jk,kl->il", [(2, 2), (2, 5), (5, 2)], "greedy"),
    ("ij,jk,kl->il", [(30, 40), (40, 5), (5, 60)], "greedy"),
    ("ab,bc,cd,de->ae", [(3, 4), (4, 5), (5, 2), (2, 7)], "greedy"),
    ("ea,fb,abcd,gc,hd->efgh", [(10, 10), (10, 10), (10, 10, 10, 10), (10, 10), (10, 10)], "greedy"),
    ("ii->i", [(3, 3)], "greedy"),
    ("ii", [(3, 3)], "greedy"),
    ("ij,ij->i", [(3, 4), (3, 4)], "greedy"),
    ("i,i", [(4,), (4,)], "greedy"),
    ("i,j->ij", [(4,), (3,)], "greedy"),
    ("bij,bjk->bik", [(2, 3, 4), (2, 4, 6)], "greedy"),
    ("ijk->", [(2, 3, 4)], "greedy"),
    ("ij,jk,kl->il", [(3, 4), (4, 5), (5, 2)], False),
    ("ij,jk,kl,lm->im", [(8, 9), (9, 2), (2, 30), (30, 4)], "greedy"),
    ("abc,cd,de,ea->b", [(4, 5, 6), (6, 7), (7, 3), (3, 4)], "greedy"),
    ("ij,ji,kk->", [(3, 3), (3, 3), (2, 2)], "greedy"),
    ("ij,jk,ik->", [(3, 4), (4, 5), (3, 5)], "greedy"),
]

with open(os.path.join(HERE, "reports.txt"), "w") as fh:
    for subs, shapes, opt in CASES:
        ops = [np.ones(s) for s in shapes]
        path, report = np.einsum_path(subs, *ops, optimize=opt)
        fh.write("%s|%s|%s\n" % (subs, ";".join(",".join(map(str, s)) for s in shapes), "none" if opt is False else opt))
        fh.write(str(path) + "\n")
        fh.write(report + "\n====\n")
print(len(CASES), "cases")
