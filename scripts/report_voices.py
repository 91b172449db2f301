#!/usr/bin/env python3
"""Figures on the unusual-voices REPORTING set (tests/corpus/voices/*.jsonl, docs/checks.md).

These posts (other trades, regions, registers: Québécois and Belgian French, Nigerian and
Indian English, all caps, emoji-heavy, short X posts) were written after the grammar and
the features, to see how the checks carry over to writing the corpus does not hold. They are
never used to fit, to choose a threshold or to pick a phrase: this script only reads what
the real engine decides (corpus_features on the directory) and prints the figures and
every disagreement.

  cmake --build build/ci --target corpus_features -j2
  scripts/report_voices.py

Plain Python 3, standard library only.
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "ci", "tests", "corpus", "corpus_features"))
    ap.add_argument("--dir", default=os.path.join(ROOT, "tests", "corpus", "voices"))
    args = ap.parse_args()
    out = subprocess.run([args.bin, args.dir], check=True, capture_output=True, text=True).stdout
    rows = [json.loads(l) for l in out.splitlines() if l.strip()]
    texts = {}
    for name in sorted(os.listdir(args.dir)):
        if name.endswith(".jsonl"):
            for line in open(os.path.join(args.dir, name), encoding="utf-8"):
                if line.strip():
                    p = json.loads(line)
                    texts[p["id"]] = p["text"]

    def figures(check, got_key):
        tp = fp = fn = tn = 0
        wrong = []
        for r in rows:
            if check not in r["expect"]:
                continue
            e, g = bool(r["expect"][check]), bool(r["got"][got_key])
            tp += e and g
            fp += g and not e
            fn += e and not g
            tn += not e and not g
            if e != g:
                wrong.append((r["id"], e, g))
        p = tp / (tp + fp) if tp + fp else 1.0
        rc = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
        n = tp + fp + fn + tn
        print(f"{check:19s} P {p:.3f}  R {rc:.3f}  F1 {f1:.3f}  accuracy {(tp + tn) / n:.3f}  "
              f"(tp {tp}, fp {fp}, fn {fn}, tn {tn}; {n} posts)")
        return wrong

    print(f"reporting set {os.path.relpath(args.dir, ROOT)}: {len(rows)} posts (never used to fit or choose)")
    wrong = [("disclaimer",) + w for w in figures("disclaimer_present", "disclaimer")]
    wrong += [("promotional",) + w for w in figures("promotional", "promotional")]
    for check, pid, e, g in wrong:
        print(f"  {check:12s} {pid}: expected {int(e)} got {int(g)}  {texts.get(pid, '')[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
