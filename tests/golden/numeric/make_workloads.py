#!/usr/bin/python3
"""Golden data for tests/test_workloads.c (run with /usr/bin/python3, NumPy 1.24):
small end-to-end workloads, their inputs and NumPy's results, np.save'd one after
another into workloads.npys in the order the test reads them."""
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(2024)
out = []

# 1. rolling mean / std over a random walk, window 20
x = np.cumsum(rng.standard_normal(1000))
w = 20
win = np.lib.stride_tricks.sliding_window_view(x, w)
c = np.cumsum(np.concatenate((np.zeros(1), x)))
out += [x, win.mean(axis=-1), win.std(axis=-1), (c[w:] - c[:-w]) / w]

# 2. pairwise Euclidean distances by broadcasting
X = rng.standard_normal((50, 3))
d = X[:, None, :] - X[None, :, :]
out += [X, np.sqrt(np.sum(d * d, axis=-1))]

# 3. row normalization
Y = rng.standard_normal((40, 7))
out += [Y, Y / np.linalg.norm(Y, axis=1, keepdims=True)]

# 4. NaN-aware aggregation
Z = rng.standard_normal((30, 8))
Z[rng.random((30, 8)) < 0.15] = np.nan
Z[:, 5] = np.nan  # an all-NaN column
with np.errstate(all="ignore"):
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out += [Z, np.nanmean(Z, axis=0), np.nanstd(Z, axis=1), np.nanmax(Z, axis=0),
                np.atleast_1d(np.nanmean(Z)), np.nanmin(Z, axis=1)]

# 5. numeric routines chained: smoothed derivative of a noisy signal
t = np.linspace(0, 10, 200)
s = np.sin(t) + 0.05 * rng.standard_normal(200)
k = np.ones(9) / 9
sm = np.convolve(s, k, mode="same")
out += [t, s, sm, np.gradient(sm, t), np.atleast_1d(np.trapz(sm, t))]

with open(os.path.join(HERE, "workloads.npys"), "wb") as f:
    for a in out:
        np.save(f, np.asarray(a))
print(len(out), "arrays")
