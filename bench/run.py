#!/usr/bin/env python3
"""Run nd's benchmarks side by side with NumPy and print one table.

    python3 bench/run.py [--build build-bench] [--filter sum] [--smoke]

For every bench_<area> program in BUILD/bench: ask it for its rows (--list), run each
operation group with nd, then the same rows with bench/numpy_bench.py, join them by
row id, print the table and write bench/results/latest.json.  With --smoke every row
runs once at tiny shapes and nd's results are compared with NumPy's; the exit status
is 1 if any differ or fail (no timing is checked).

Both sides run with OPENBLAS_NUM_THREADS / OMP_NUM_THREADS / MKL_NUM_THREADS set to
nd's thread count (--threads, 1 for now; nd's BLAS backend is the same OpenBLAS), and
without OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE (the run says so when it removes them).
"""
import argparse
import glob
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def python_with_numpy():
    """sys.executable if it has NumPy, else the first candidate that does."""
    for cand in [sys.executable, "/usr/bin/python3", shutil.which("python3")]:
        if cand and subprocess.run([cand, "-c", "import numpy"], capture_output=True).returncode == 0:
            return cand
    return None


# ----------------------------------------------------------------- environment


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def read_first(path):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return None


def fmt_time(t):
    if t is None:
        return "-"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9)):
        if t >= scale or unit == "ns":
            v = t / scale
            return ("%.3g" % v if v < 100 else "%.0f" % v) + " " + unit
    return "-"


def fmt_size(n):
    e = int(round(math.log10(n))) if n > 0 else 0
    if n >= 1000 and 10 ** e == n:
        return "10^%d" % e
    return str(n)


# ----------------------------------------------------------------- running


def run_json(cmd, env=None):
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if p.stderr.strip():
        sys.stderr.write(p.stderr)
    try:
        return json.loads(p.stdout)
    except ValueError:
        raise SystemExit("bench: %s printed no valid JSON (exit %d):\n%s" % (cmd[0], p.returncode, p.stdout[-2000:]))


def groups_of(rows):
    """Rows grouped by operation, in listing order."""
    order, groups = [], {}
    for r in rows:
        if r["op"] not in groups:
            groups[r["op"]] = []
            order.append(r["op"])
        groups[r["op"]].append(r)
    return [groups[k] for k in order]


def numpy_env(threads):
    env = dict(os.environ)
    removed = [k for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if k in env]
    for k in removed:
        del env[k]
    for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[k] = str(threads)
    return env, removed


def merge_rounds(runs):
    """Rows by id; with several rounds, the median of the round medians, the min of the
    mins and the max of the maxes (an error in any round is kept)."""
    out = {}
    for run in runs:
        for r in run["rows"]:
            out.setdefault(r["id"], []).append(r)
    merged = {}
    for i, rs in out.items():
        bad = [r for r in rs if "error" in r or "median" not in r]
        if bad or len(rs) == 1:
            merged[i] = bad[0] if bad else rs[0]
            continue
        m = sorted(r["median"] for r in rs)
        k = len(m)
        merged[i] = dict(rs[0], median=m[k // 2] if k % 2 else 0.5 * (m[k // 2 - 1] + m[k // 2]),
                         min=min(r["min"] for r in rs), max=max(r["max"] for r in rs),
                         samples=sum(r["samples"] for r in rs), rounds=k)
    return merged


# ----------------------------------------------------------------- smoke comparison


def same_values(a, b, tol):
    if len(a) != len(b):
        return "length %d != %d" % (len(a), len(b))
    for i, (x, y) in enumerate(zip(a, b)):
        if x == y or (isinstance(x, float) and isinstance(y, float) and math.isnan(x) and math.isnan(y)):
            continue
        if tol and isinstance(x, (int, float)) and isinstance(y, (int, float)) and \
                abs(x - y) <= tol * max(abs(x), abs(y)):
            continue
        return "element %d: nd %r, NumPy %r" % (i, x, y)
    return None


def compare(row, nd, npy):
    """None if nd's result agrees with NumPy's, else a description."""
    if "error" in nd:
        return "nd failed: " + nd["error"]
    if "error" in npy:
        return "NumPy side failed: " + npy["error"]
    a, b = nd.get("result"), npy.get("result")
    if a is None or b is None:
        return None if a == b else "one side returned nothing"
    if "error" in a:
        return "nd result unreadable: " + a["error"]
    if "file" in a:
        import numpy as np
        x, y = np.load(a["file"]), np.load(b["file"])
        if x.dtype != y.dtype or x.shape != y.shape or not np.array_equal(x, y):
            return "file %s loads as %s %s, NumPy's as %s %s" % (a["file"], x.dtype, x.shape, y.dtype, y.shape)
        with open(a["file"], "rb") as f1, open(b["file"], "rb") as f2:
            if f1.read() != f2.read():
                return "file %s is not byte-identical to np.save's %s" % (a["file"], b["file"])
        return None
    if "text" in a or "text" in b:
        if a.get("text") != b.get("text"):
            ta, tb = a.get("text") or "", b.get("text") or ""
            k = next((i for i in range(min(len(ta), len(tb))) if ta[i] != tb[i]), min(len(ta), len(tb)))
            return "text differs at char %d:\n  nd:    %r\n  NumPy: %r" % (k, ta[max(0, k - 30):k + 40], tb[max(0, k - 30):k + 40])
        return None
    if a["dtype"] != b["dtype"]:
        return "dtype nd %s, NumPy %s" % (a["dtype"], b["dtype"])
    if a["shape"] != b["shape"]:
        return "shape nd %s, NumPy %s" % (a["shape"], b["shape"])
    return same_values(a["values"], b["values"], row.get("tol", 0))


# ----------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build-bench"), help="CMake build dir with bench/")
    ap.add_argument("--filter", default="", help="comma-separated substrings of row ids (e.g. astype,copy/)")
    ap.add_argument("--smoke", action="store_true", help="tiny sizes, one call, compare results with NumPy")
    ap.add_argument("--min-time", type=float, default=0.1, help="seconds of samples per row, side and round")
    ap.add_argument("--rounds", type=int, default=3, help="alternating nd/NumPy runs per row (median of medians)")
    ap.add_argument("--threads", type=int, default=1, help="nd's thread count; NumPy's BLAS is pinned to it")
    ap.add_argument("--block-cache", type=int, default=None, metavar="BYTES",
                    help="size of nd's cache of freed large blocks (default: nd's own, 256 MiB; 0 measures without it)")
    ap.add_argument("--tmpdir", default=None, help="scratch dir for file rows (default: a new dir in /dev/shm or /tmp)")
    ap.add_argument("--out", default=os.path.join(HERE, "results", "latest.json"),
                    help="JSON written after an unfiltered timing run (and the same table as .md beside it)")
    args = ap.parse_args()

    programs = sorted(p for p in glob.glob(os.path.join(args.build, "bench", "bench_*"))
                      if os.access(p, os.X_OK) and os.path.isfile(p))
    if not programs:
        raise SystemExit("bench: no bench_* programs in %s/bench (configure with -DND_BENCH=ON)" % args.build)
    py = python_with_numpy()
    if py is None:
        print("bench: NumPy is not installed; nothing to compare with (skipped)")
        return 0
    if py != sys.executable:   # the comparison of .npy files needs NumPy here too
        os.execv(py, [py] + sys.argv)

    npenv, removed = numpy_env(args.threads)
    # nd's BLAS backend is the same OpenBLAS: pin it exactly as NumPy's, or nd's
    # linalg rows would run on every core against NumPy's one.
    ndenv, _ = numpy_env(args.threads)
    ndenv["ND_NUM_THREADS"] = str(args.threads)
    if args.block_cache is not None:
        ndenv["ND_BLOCK_CACHE"] = str(args.block_cache)
    import numpy as np
    if int(np.__version__.split(".")[0]) < 2:
        ndenv["ND_BENCH_PRINT_LEGACY"] = "1.25"   # compare text with NumPy 1.x's
    own_tmp = args.tmpdir is None
    tmpdir = args.tmpdir or tempfile.mkdtemp(prefix="nd-bench-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)

    env = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "cpu": cpu_model(),
        "cpus": os.cpu_count(),
        "kernel": platform.release(),
        "loadavg_at_start": os.getloadavg(),
        "transparent_hugepage": read_first("/sys/kernel/mm/transparent_hugepage/enabled"),
        "threads": args.threads,
        "tmpdir": tmpdir,
        "unset_for_numpy": removed,
    }
    t_start = time.time()
    joined, failures = [], []
    for prog in programs:
        cmd = [prog, "--json", "--tmpdir", tmpdir] + (["--smoke"] if args.smoke else [])
        listing = run_json([prog, "--list", "--json"] + (["--smoke"] if args.smoke else [])
                           + (["--filter", args.filter] if args.filter else []))
        env["compiler"] = listing.get("compiler")
        env["flags"] = listing.get("flags")
        env["nd_version"] = listing.get("nd_version")
        for group in groups_of(listing["rows"]):
            ids = "|".join(r["id"] for r in group)
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
                json.dump({"rows": group}, f)
                rows_file = f.name
            # nd and NumPy alternate, `rounds` times each, so that a burst of other
            # work on the machine hits both sides alike; each round is a fresh process.
            nd_runs, np_runs = [], []
            try:
                for _ in range(1 if args.smoke else args.rounds):
                    nd_runs.append(run_json(cmd + ["--rows", ids, "--min-time", str(args.min_time)], env=ndenv))
                    np_runs.append(run_json([py, os.path.join(HERE, "numpy_bench.py"), rows_file, "--tmpdir", tmpdir,
                                             "--min-time", str(args.min_time)] + (["--smoke"] if args.smoke else []),
                                            env=npenv))
            finally:
                os.remove(rows_file)
            env["numpy"] = np_runs[0]["env"].get("numpy")
            env["blas"] = np_runs[0]["env"].get("blas")
            nd_by_id = merge_rounds(nd_runs)
            np_by_id = merge_rounds(np_runs)
            for r in group:
                a = nd_by_id.get(r["id"], {"error": "row missing from nd's output"})
                b = np_by_id.get(r["id"], {"error": "row missing from NumPy's output"})
                rec = {k: r[k] for k in ("id", "op", "dtype", "layout", "shape", "size")}
                rec["program"] = os.path.basename(prog)
                for side, res in (("nd", a), ("numpy", b)):
                    rec[side] = {k: res[k] for k in ("median", "min", "max", "samples", "inner", "rounds", "error") if k in res}
                if args.smoke:
                    why = compare(r, a, b)
                    if why:
                        failures.append((r["id"], why))
                elif "median" in a and "median" in b:
                    rec["ratio"] = a["median"] / b["median"]
                    if r["size"] >= 100000:
                        rec["bar"] = "ok" if rec["ratio"] <= 1.0 else "SLOW"
                    elif r["size"] <= 10:
                        rec["bar"] = "ok" if rec["ratio"] <= 0.2 else "SLOW"
                joined.append(rec)
    if own_tmp:
        shutil.rmtree(tmpdir, ignore_errors=True)

    print_env(env)
    if args.smoke:
        for rec in joined:
            status = next((w for i, w in failures if i == rec["id"]), None)
            print("%-60s %s" % (rec["id"], "ok" if status is None else "FAIL: " + status))
        print("\nbench-smoke: %d rows, %d failed (%.1f s)" % (len(joined), len(failures), time.time() - t_start))
        return 1 if failures else 0
    print_table(joined)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    if args.filter and os.path.abspath(args.out) == os.path.abspath(os.path.join(HERE, "results", "latest.json")):
        print("\n(filtered run: %s not updated)" % args.out)
    else:
        with open(args.out, "w") as f:
            json.dump({"env": env, "rows": joined}, f, indent=1)
            f.write("\n")
        with open(os.path.splitext(args.out)[0] + ".md", "w") as f:
            f.write(markdown(env, joined))
        print("\nwritten: %s (%.0f s)" % (os.path.relpath(args.out), time.time() - t_start))
    return 0


def print_env(env):
    print("machine : %s, %s CPUs, Linux %s, THP %s" % (env["cpu"], env["cpus"], env["kernel"], env["transparent_hugepage"]))
    print("load    : %.2f %.2f %.2f at start (other work on the machine skews both sides)" % tuple(env["loadavg_at_start"]))
    print("nd      : %s, %s, flags: %s" % (env.get("nd_version"), env.get("compiler"), env.get("flags")))
    print("NumPy   : %s, BLAS %s" % (env.get("numpy"), env.get("blas")))
    print("threads : %d on both sides (OPENBLAS_NUM_THREADS=OMP_NUM_THREADS=MKL_NUM_THREADS=%d for NumPy)"
          % (env["threads"], env["threads"]))
    for k in env["unset_for_numpy"]:
        print("note    : %s was set in the environment; unset it for the NumPy side" % k)
    print("files   : %s" % env["tmpdir"])


def table_lines(rows):
    head = ["operation", "size", "dtype", "layout", "nd median", "NumPy median", "ratio", "nd min..max", "NumPy min..max", "bar"]
    body = []
    for r in rows:
        a, b = r["nd"], r["numpy"]
        ratio = "%.2f" % r["ratio"] if "ratio" in r else ("nd error" if "error" in a else "np error" if "error" in b else "-")
        body.append([r["op"], fmt_size(r["size"]), r["dtype"], r["layout"] if len(r["shape"]) < 2 else
                     "%s %s" % (r["layout"], "x".join(map(str, r["shape"]))),
                     fmt_time(a.get("median")), fmt_time(b.get("median")), ratio,
                     "%s..%s" % (fmt_time(a.get("min")), fmt_time(a.get("max"))) if "min" in a else "-",
                     "%s..%s" % (fmt_time(b.get("min")), fmt_time(b.get("max"))) if "min" in b else "-",
                     r.get("bar", "")])
    return head, body


def markdown(env, rows):
    """The environment and the table as Markdown (bench/results/latest.md, for the README)."""
    head, body = table_lines(rows)
    out = ["Machine: %s, %s CPUs, Linux %s; load %.2f at start; %s." % (
               env["cpu"], env["cpus"], env["kernel"], env["loadavg_at_start"][0], env["date"]),
           "nd %s, %s, `%s`; NumPy %s with %s; %d thread(s) each." % (
               env.get("nd_version"), env.get("compiler"), env.get("flags"), env.get("numpy"),
               env.get("blas"), env["threads"]), ""]
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "|".join("---:" if i in (1, 4, 5, 6, 7, 8) else "---" for i in range(len(head))) + "|")
    for b in body:
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in b) + " |")
    return "\n".join(out) + "\n"


def print_table(rows):
    head, body = table_lines(rows)
    w = [max(len(x[i]) for x in [head] + body) for i in range(len(head))]
    right = {1, 4, 5, 6, 7, 8}
    line = lambda cells: "  ".join(c.rjust(w[i]) if i in right else c.ljust(w[i]) for i, c in enumerate(cells)).rstrip()
    print()
    print(line(head))
    print(line(["-" * x for x in w]))
    for b in body:
        print(line(b))
    errors = [(r["id"], r[s]["error"]) for r in rows for s in ("nd", "numpy") if "error" in r[s]]
    for i, e in errors:
        print("error: %s: %s" % (i, e))
    print("\nratio = nd median / NumPy median (< 1: nd faster).  bar: <= 1.00 at >= 10^5 elements, "
          "<= 0.20 at 10 elements.")


if __name__ == "__main__":
    sys.exit(main())
