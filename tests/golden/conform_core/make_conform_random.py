#!/usr/bin/python3
"""Golden data for tests/test_conform_core_random.c: first draws of every public
distribution of Generator(PCG64(seed)) and RandomState(seed) for a few seeds and
parameter sets (valid, edge and invalid), from NumPy 1.24 (run with /usr/bin/python3
from this directory).  Writes conform_random.npys (see ../npys.py).  Each case's label
is "<G|R> <seed> <method> <size> <params...>" (the C test parses it and makes the same
call), followed by the draw (or NumPy's error), then a case "<label> next" holding
random(2) drawn right after, which checks how many values the call consumed.
NumPy 2.x changed some Generator algorithms (geometric's inversion, wald, zipf, vonmises
for kappa > 1e6, beta for tiny a and b); nd's streams are 1.24's, as README says."""
import math
import os
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from npys import case, write  # noqa: E402

warnings.simplefilter("ignore")

INF, NAN = math.inf, math.nan
D = {
    "random": [()], "standard_normal": [()], "standard_exponential": [()], "standard_cauchy": [()],
    "exponential": [(2.0,), (0.0,), (-1.0,), (NAN,)],
    "standard_gamma": [(0.5,), (3.0,), (0.0,), (-1.0,)],
    "chisquare": [(3.0,), (0.5,), (0.0,), (-1.0,)],
    "standard_t": [(3.0,), (0.5,), (0.0,), (INF,)],
    "pareto": [(3.0,), (0.5,), (0.0,), (-1.0,)],
    "weibull": [(2.0,), (0.5,), (0.0,), (-1.0,)],
    "power": [(2.0,), (0.5,), (0.0,), (-1.0,)],
    "rayleigh": [(2.0,), (0.0,), (-1.0,)],
    "poisson": [(3.0,), (100.0,), (0.0,), (-1.0,), (1e20,), (NAN,)],
    "geometric": [(0.3,), (1.0,), (0.0,), (1.5,), (1e-20,)],
    "zipf": [(2.0,), (1.5,), (1.0,), (NAN,)],
    "logseries": [(0.5,), (0.999,), (0.0,), (1.0,), (-0.1,)],
    "integers": [(0, 10), (-5, 5), (5, 5), (0, 1), (-2**62, 2**62), (3, 2)],
    "uniform": [(0.0, 1.0), (2.0, 2.0), (1.0, 0.0), (0.0, INF), (-1e308, 1e308)],
    "normal": [(0.0, 1.0), (5.0, 0.0), (0.0, -1.0), (1e300, 1e300)],
    "gamma": [(2.0, 3.0), (0.0, 1.0), (-1.0, 1.0), (1.0, -1.0)],
    # not (1e-3, 1e-3): when both powers underflow NumPy 1.24 rejects the pair, later
    # NumPy (and nd) take logarithms
    "beta": [(0.5, 0.5), (2.0, 3.0), (0.0, 1.0), (0.1, 0.1)],
    "f": [(3.0, 5.0), (0.0, 1.0), (1.0, 0.0)],
    "noncentral_chisquare": [(3.0, 2.0), (3.0, 0.0), (0.5, 1.0), (0.0, 1.0), (1.0, -1.0)],
    "lognormal": [(0.0, 1.0), (0.0, 0.0), (0.0, -1.0)],
    "logistic": [(0.0, 1.0), (0.0, 0.0), (0.0, -1.0)],
    "laplace": [(0.0, 1.0), (0.0, 0.0), (0.0, -1.0)],
    "gumbel": [(0.0, 1.0), (0.0, 0.0), (0.0, -1.0)],
    "vonmises": [(0.0, 1.0), (1.0, 0.0), (0.0, 1e7), (0.0, -1.0), (0.0, 1e-9)],
    "wald": [(1.0, 1.0), (0.0, 1.0), (1.0, 0.0), (1e8, 1.0)],
    "binomial": [(10, 0.3), (0, 0.5), (1000, 0.9), (-1, 0.5), (10, 1.5), (10, NAN), (10, 0.0), (10, 1.0)],
    "negative_binomial": [(5.0, 0.5), (0.5, 0.3), (0.0, 0.5), (5.0, 0.0), (5.0, 1.0)],
    "noncentral_f": [(3.0, 5.0, 1.0), (3.0, 5.0, 0.0), (0.0, 5.0, 1.0), (3.0, 5.0, -1.0)],
    "triangular": [(0.0, 1.0, 3.0), (0.0, 0.0, 1.0), (1.0, 1.0, 1.0), (2.0, 1.0, 3.0), (0.0, 3.0, 1.0)],
    "hypergeometric": [(10, 5, 7), (0, 5, 3), (10, 5, 20), (-1, 5, 3), (10, 5, 0), (1000, 2000, 1500)],
}
SIZES = {"5": 5, "0": 0, "3x2": (3, 2), "none": None}


def draw(rng, kind, name, params, size):
    if kind == "G" and name == "geometric":  # NumPy >= 1.25 clamps at INT64_MAX (1.24 wrapped)
        r = rng.geometric(*params, size=size)
        return np.where(r == np.iinfo(np.int64).min, np.iinfo(np.int64).max, r)
    if kind == "R" and name == "integers":
        return rng.randint(*params, size=size)
    if kind == "R" and name == "random":
        return rng.random_sample(size)
    return getattr(rng, name)(*params, size=size)


for kind in ["G", "R"]:
    for seed in [0, 12345]:
        for name, plist in D.items():
            for k, params in enumerate(plist):
                for sname in (["5", "0", "3x2", "none"] if k == 0 else ["5"]):
                    rng = np.random.Generator(np.random.PCG64(seed)) if kind == "G" else np.random.RandomState(seed)
                    label = " ".join([kind, str(seed), name, sname] + [repr(p) for p in params])
                    case(label, lambda: draw(rng, kind, name, params, SIZES[sname]))
                    case(label + " next", lambda: rng.random(2) if kind == "G" else rng.random_sample(2))

# Extra cases (labels starting with "X"; the C test has each by name): array parameters,
# dtype=, endpoint=, choice, permutation.
G = lambda: np.random.Generator(np.random.PCG64(42))  # noqa: E731
R = lambda: np.random.RandomState(42)  # noqa: E731
P = [0.1, 0.2, 0.3, 0.4]
EXTRA = [
    ("X G normal loc array", lambda: G().normal([0.0, 10.0, 20.0], 1.0)),
    ("X G normal loc array size", lambda: G().normal([0.0, 10.0, 20.0], 1.0, size=(2, 3))),
    ("X G normal size mismatch", lambda: G().normal([0.0, 10.0, 20.0], 1.0, size=(2,))),
    ("X G normal 2d params", lambda: G().normal(np.zeros((2, 1)), [1.0, 2.0, 3.0])),
    ("X G normal scale array neg", lambda: G().normal(0.0, [1.0, -1.0])),
    ("X R normal loc array", lambda: R().normal([0.0, 10.0, 20.0], 1.0)),
    ("X G random f4", lambda: G().random(5, dtype=np.float32)),
    ("X G standard_normal f4", lambda: G().standard_normal(5, dtype=np.float32)),
    ("X G standard_exponential f4", lambda: G().standard_exponential(5, dtype=np.float32)),
    ("X G standard_gamma f4", lambda: G().standard_gamma(2.5, 5, dtype=np.float32)),
    ("X G standard_exponential inv", lambda: G().standard_exponential(5, method="inv")),
    ("X G integers u1 endpoint", lambda: G().integers(0, 255, 10, dtype=np.uint8, endpoint=True)),
    ("X G integers bool", lambda: G().integers(0, 2, 10, dtype=bool)),
    ("X G integers i8 array high", lambda: G().integers(0, [5, 10, 1000], dtype=np.int8)),
    ("X G integers u1 oob", lambda: G().integers(0, 300, 3, dtype=np.uint8)),
    ("X R randint u2", lambda: R().randint(0, 10, 5, dtype=np.uint16)),
    ("X G choice", lambda: G().choice(10, 3)),
    ("X G choice noreplace", lambda: G().choice(10, 3, replace=False)),
    ("X G choice p", lambda: G().choice(4, 6, p=P)),
    ("X G choice p noreplace", lambda: G().choice(4, 3, replace=False, p=P)),
    ("X G choice too many", lambda: G().choice(4, 5, replace=False)),
    ("X G choice bad p", lambda: G().choice(4, 2, p=[0.5, 0.5, 0.5, -0.5])),
    ("X R choice p", lambda: R().choice(4, 6, p=P)),
    ("X R choice noreplace", lambda: R().choice(10, 3, replace=False)),
    ("X G permutation", lambda: G().permutation(10)),
    ("X R permutation", lambda: R().permutation(10)),
]
for label, fn in EXTRA:
    case(label, fn)
print(write("conform_random.npys"), "records")
