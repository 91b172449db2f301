#!/usr/bin/env python3
"""Round trip of a `check` through a running host over its stdin/stdout pipes: the Linux
ownvoice-host and ownvoice-host.exe under Wine, same post, same policy, same run.
  tests/windows/bench_roundtrip.py [--runs N] -- HOST_COMMAND...
Prints the median and p90 in ms (one request in flight at a time, after 20 warm-up)."""
import json, os, statistics, struct, subprocess, sys, time

def main():
    argv = sys.argv[1:]
    runs = 300
    if argv[:1] == ["--runs"]:
        runs = int(argv[1]); argv = argv[2:]
    if argv[:1] == ["--"]:
        argv = argv[1:]
    post = ("Ravie de partager notre nouveau projet avec l'équipe ! We are proud of this launch. " * 40)[:3000]
    req = json.dumps({"id": 1, "type": "check", "platform": "linkedin", "lang": "fr", "text": post}).encode()
    frame = struct.pack("<I", len(req)) + req
    p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    def once():
        p.stdin.write(frame); p.stdin.flush()
        (n,) = struct.unpack("<I", p.stdout.read(4))
        body = p.stdout.read(n)
        assert json.loads(body)["ok"], body[:200]
    for _ in range(20):
        once()
    times = []
    for _ in range(runs):
        t = time.perf_counter(); once(); times.append((time.perf_counter() - t) * 1000)
    p.stdin.close(); p.wait()
    times.sort()
    print(f"median {statistics.median(times):.2f} ms, p90 {times[int(len(times) * 0.9)]:.2f} ms ({runs} runs)")

if __name__ == "__main__":
    main()
