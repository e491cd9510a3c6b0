"""Checks the order of an interleaved run: ltrunner --manifest M --rounds R prints, per round r, the models in
the order r, r+1, ... (mod n), every samples line tagged with its round, and a summary per model at the end
whose iterations are R x --iterations. usage: check_rounds.py LTRUNNER MANIFEST"""
import json
import subprocess
import sys

runner, manifest = sys.argv[1], sys.argv[2]
models = [l.strip() for l in open(manifest) if l.strip() and not l.startswith("#")]
rounds, iterations = 3, 2
out = subprocess.run([runner, "--manifest", manifest, "--backend", "cpu", "--rounds", str(rounds),
                      "--iterations", str(iterations), "--warmup", "1"], capture_output=True, text=True, check=True)
records = [json.loads(l) for l in out.stdout.splitlines()]
headers = [r["model"] for r in records if r["type"] == "header"]
assert headers == models, headers
visits = [(r["round"], r["model"]) for r in records if r["type"] == "samples"]
n = len(models)
expected = [(r, models[(r + k) % n]) for r in range(rounds) for k in range(n)]
assert visits == expected, visits
for r in records:
    if r["type"] == "samples":
        assert len(r["ns"]) == iterations and r["offset"] == r["round"] * iterations, r
summaries = {r["model"]: r["iterations"] for r in records if r["type"] == "summary"}
assert summaries == {m: rounds * iterations for m in models}, summaries
assert records.index(next(r for r in records if r["type"] == "summary")) > len(records) - 1 - n - 8
print("rounds ok:", visits)
