#!/usr/bin/python3
"""Convert tests/golden/specs/random_vectors.json (NumPy 1.24.2's values) into
vectors.txt: one line per vector, `name v1 v2 ...`.  Integers stay decimal, floats
stay C99 hex floats, booleans become 0/1, strings are written as-is.
Run: /usr/bin/python3 tests/golden/random/convert_vectors.py"""
import json
import os

here = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(here, '..', 'specs', 'random_vectors.json')
with open(src) as f:
    vec = json.load(f)
with open(os.path.join(here, 'vectors.txt'), 'w') as out:
    for name, v in vec.items():
        vals = v if isinstance(v, list) else [v]
        out.write(name + ' ' + ' '.join(str(int(x)) if isinstance(x, bool) else str(x) for x in vals) + '\n')
