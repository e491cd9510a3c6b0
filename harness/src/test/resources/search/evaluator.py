"""A test evaluator for bench search's fitness protocol (test code, not a model): fitness = the number of 7s in
the arch string, or a misbehaviour chosen by the first argument."""
import json
import sys
import time

mode = sys.argv[1] if len(sys.argv) > 1 else "ok"
if mode == "bad-hello":
    print(json.dumps({"type": "hello", "protocol": 99}), flush=True)
    time.sleep(5)
    sys.exit(0)
if mode == "silent":
    time.sleep(30)
    sys.exit(0)
print(json.dumps({"type": "hello", "protocol": 1}), flush=True)
for line in sys.stdin:
    req = json.loads(line)
    if mode == "crash":
        sys.exit(3)
    if mode == "garbage":
        print("loading weights... done", flush=True)
        continue
    if mode == "nan":
        print('{"id": %d, "fitness": NaN}' % req["id"], flush=True)
        continue
    if mode == "error":
        print(json.dumps({"id": req["id"], "error": "CUDA out of memory"}), flush=True)
        continue
    print(json.dumps({"id": req["id"], "fitness": req["arch"].count("7")}), flush=True)
