#!/usr/bin/env bash
# Batch throughput of OwnVoice's confidential screen beside ripgrep, same run, same data:
# ~30 MB of posts and the same 10,000 terms (docs/benchmarks.md "## Engine").
#   tests/bench/compare_rg.sh [build/tests/bench/bench_engine]
# ripgrep: `rg -i -F -w -c -f terms.txt posts.txt` (literal, case-insensitive, whole words).
# OwnVoice: NFKC + case fold + accent strip + separator-insensitive terms, every post.
set -euo pipefail
bench=${1:-build/tests/bench/bench_engine}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bench" --write-fixtures "$dir" >/dev/null
size=$(stat -c %s "$dir/posts.txt")
hyperfine --warmup 1 --runs 5 --export-json "$dir/rg.json" \
  "rg -i -F -w -c -f $dir/terms.txt $dir/posts.txt" >/dev/null
"$bench" --benchmark_filter='BM_Batch' --benchmark_format=json >"$dir/ov.json" 2>/dev/null
python3 - "$dir" "$size" <<'PY'
import json, sys
d, size = sys.argv[1], int(sys.argv[2])
rg = json.load(open(f"{d}/rg.json"))["results"][0]
mb = size / 1e6
rg_wall = mb / rg["median"]
rg_cpu = mb / (rg["user"] + rg["system"])
print(f"data: {mb:.1f} MB, 10,000 terms")
print(f"ripgrep 'rg -i -F -w -f terms.txt': {rg_wall:8.1f} MB/s wall (median of 5), {rg_cpu:8.1f} MB/s per CPU second")
for b in json.load(open(f"{d}/ov.json"))["benchmarks"]:
    cpu_s = b["cpu_time"] / 1e3   # benchmarks report milliseconds
    wall_s = b["real_time"] / 1e3
    print(f"ownvoice {b['name']:<28} {mb / wall_s:8.1f} MB/s wall, {mb / cpu_s:8.1f} MB/s per CPU second"
          f"  -> {(mb / cpu_s) / rg_cpu:5.2f}x ripgrep (CPU)")
PY
