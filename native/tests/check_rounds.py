"""Checks the order of an interleaved run: ltrunner --manifest M --rounds R prints a round line as each round
begins, visits the models as listed (or as --order says), tags every samples line with its round, and ends with
a summary per model whose iterations are R x --iterations; a bad --order is refused before any model opens.
usage: check_rounds.py LTRUNNER MANIFEST SCRATCH-DIR"""
import json
import os
import subprocess
import sys

runner, manifest, scratch = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(scratch, exist_ok=True)
models = [l.strip() for l in open(manifest) if l.strip() and not l.startswith("#")]
n, rounds, iterations = len(models), 3, 2
assert n >= 3, "the manifest needs three models to tell orders apart"


def run(*extra, check=True):
    return subprocess.run([runner, "--manifest", manifest, "--backend", "cpu", "--rounds", str(rounds),
                           "--iterations", str(iterations), "--warmup", "1", *extra],
                          capture_output=True, text=True, check=check)


def visits_of(stdout):
    records = [json.loads(l) for l in stdout.splitlines()]
    assert [r["model"] for r in records if r["type"] == "header"] == models
    seen, current = [], None
    for r in records:
        if r["type"] == "round":
            assert r["round"] == (0 if current is None else current + 1), r
            current = r["round"]
        elif r["type"] == "samples":
            assert r["round"] == current, (r, current)
            assert len(r["ns"]) == iterations and r["offset"] == r["round"] * iterations, r
            seen.append((r["round"], r["model"]))
    assert current == rounds - 1
    summaries = {r["model"]: r["iterations"] for r in records if r["type"] == "summary"}
    assert summaries == {m: rounds * iterations for m in models}, summaries
    return seen


listed = visits_of(run().stdout)
assert listed == [(r, models[k]) for r in range(rounds) for k in range(n)], listed

order = [[2, 0, 1], [1, 2, 0], [0, 1, 2]]
path = os.path.join(scratch, "order.txt")
with open(path, "w") as f:
    f.write("# visiting order\n" + "\n".join(" ".join(map(str, o + list(range(3, n)))) for o in order) + "\n")
given = visits_of(run("--order", path).stdout)
assert given == [(r, models[i]) for r in range(rounds) for i in order[r] + list(range(3, n))], given

for bad, message in [("0 1\n" * rounds, "exactly once"), ("0 0 1\n" * rounds, "exactly once"),
                     (" ".join(map(str, range(n))) + "\n", "has 1 rounds, --rounds says 3"),
                     ((" ".join(map(str, range(n))) + " 9\n") * rounds, "more than the")]:
    with open(path, "w") as f:
        f.write(bad)
    out = run("--order", path, check=False)
    last = json.loads(out.stdout.splitlines()[-1])
    assert out.returncode == 2 and last["type"] == "error" and message in last["message"], (bad, out.stdout)
    assert not any(json.loads(l)["type"] == "header" for l in out.stdout.splitlines()), out.stdout
print("rounds ok:", given)
