"""The NumPy side of examples/tour.c: the same steps, printing what NumPy prints.
python3 examples/tour.py > expected.txt; ./build/tour > got.txt; diff them."""
import os
import numpy as np

def step(s):
    print(">>> " + s)

def show(a):
    # NumPy >= 2.2 adds shape= to the repr of a summarized array; this NumPy may be
    # older, so add it the 2.2 way (nd follows NumPy 2.x).
    text = repr(a)
    if a.size > np.get_printoptions()["threshold"] and "shape=" not in text:
        text = text[:-1] + ", shape=%s)" % (a.shape,)
    print(text)

step("a = np.arange(12).reshape(3, 4)")
a = np.arange(12).reshape(3, 4)
step("a"); show(a)
step("np.linspace(0, 1, 5)"); show(np.linspace(0, 1, 5))
step("np.eye(3, dtype=np.int32)"); show(np.eye(3, dtype=np.int32))
step("np.full((2, 3), 1.5, dtype=np.float32)"); show(np.full((2, 3), 1.5, dtype=np.float32))
step("b = a[1:, ::-1]          # a view"); b = a[1:, ::-1]
step("b[0, 0] = 100"); b[0, 0] = 100
step("a"); show(a)
step("c = a.T.copy()           # a copy"); c = a.T.copy()
step("c[...] = 0"); c[...] = 0
step("a[0]"); show(a[0])
step("z = np.zeros((3, 4)); z[...] = np.arange(4); z")
z = np.zeros((3, 4)); z[...] = np.arange(4); show(z)
step("np.broadcast_to(np.arange(3)[:, None], (3, 4))"); show(np.broadcast_to(np.arange(3)[:, None], (3, 4)))
step("np.arange(5).astype(np.float32) * 0.5 -> via linspace"); show(np.linspace(0, 2, 5, dtype=np.float32))
step("np.array([1.7, -2.5, 300.0]).astype(np.uint8)"); show(np.array([1.7, -2.5, 300.0]).astype(np.uint8))
step("np.promote_types(np.int8, np.uint8)"); print(repr(np.promote_types(np.int8, np.uint8)))
step("np.arange(2000)"); show(np.arange(2000))
step("np.set_printoptions(precision=3); np.linspace(0, 1, 4)")
np.set_printoptions(precision=3); show(np.linspace(0, 1, 4)); np.set_printoptions(precision=8)
step("np.save('tour.npy', a); np.load('tour.npy')")
np.save("tour.npy", a); show(np.load("tour.npy")); os.remove("tour.npy")
