"""The .npys golden format that tests/golden.h reads: np.save records one after the
other; each case is a label (bytes), then NumPy's result, or b"ERR:<Exception>:<message>"
when NumPy raises, or for a sequence of results their count (int64) and each piece.
Imported by the make_*.py scripts beside it (sys.path gets this folder)."""
import numpy as np

OUT = []


def label(s):
    OUT.append(np.array(s.encode()))


def case(name, fn, pieces=(list, tuple)):
    """Record NumPy's answer to fn() under name; results of a type in `pieces` are
    sequences of arrays."""
    label(name)
    try:
        r = fn()
    except Exception as e:  # the error NumPy raises, with its message
        OUT.append(np.array(("ERR:%s:%s" % (type(e).__name__, e)).encode()))
        return
    if isinstance(r, pieces):
        OUT.append(np.array(len(r), dtype=np.int64))
        for p in r:
            OUT.append(np.array(p, order="C"))
    else:
        OUT.append(np.array(r, order="C"))


def write(path):
    with open(path, "wb") as f:
        for rec in OUT:
            np.save(f, rec)
    return len(OUT)
