#!/usr/bin/env python3
"""Time of the host's first check when it arrives some time after `hello`, as in the
browser (the extension starts the host when a composer appears; the Post comes later).
docs/benchmarks.md "## Host".

Usage: tests/bench/first_check_after_hello.py HOST_BIN POLICY SESSION [--delay-ms 150] [--runs 15]
SESSION: frames from `ownvoice-host-bench --write-session FILE` (hello, then checks); the
first two frames are used.
"""
import argparse
import os
import statistics
import struct
import subprocess
import tempfile
import time

EXTENSION = "chrome-extension://hgbilnnlaipdipmikldinehbbgmdkebn/"


def read_frame(proc):
    header = proc.stdout.read(4)
    if len(header) != 4:
        raise SystemExit("the host closed its output")
    return proc.stdout.read(struct.unpack("<I", header)[0])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    parser.add_argument("policy")
    parser.add_argument("session")
    parser.add_argument("--delay-ms", type=float, default=150)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    data = open(args.session, "rb").read()
    n = struct.unpack("<I", data[:4])[0]
    hello = data[: 4 + n]
    m = struct.unpack("<I", data[4 + n : 8 + n])[0]
    check = data[4 + n : 8 + n + m]
    env = dict(os.environ, OWNVOICE_SYSTEM_POLICY=args.policy, OWNVOICE_STATE_DIR=tempfile.mkdtemp(),
               OWNVOICE_DATA_DIR=tempfile.mkdtemp(), HOME=tempfile.mkdtemp())
    times = []
    for _ in range(args.runs):
        proc = subprocess.Popen([args.host, EXTENSION], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        proc.stdin.write(hello)
        proc.stdin.flush()
        read_frame(proc)
        time.sleep(args.delay_ms / 1000)
        start = time.perf_counter()
        proc.stdin.write(check)
        proc.stdin.flush()
        read_frame(proc)
        times.append((time.perf_counter() - start) * 1000)
        proc.stdin.close()
        proc.wait()
    print(f"first check sent {args.delay_ms:.0f} ms after hello: median {statistics.median(times):.1f} ms, "
          f"min {min(times):.1f}, max {max(times):.1f} ({args.runs} runs, load {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
