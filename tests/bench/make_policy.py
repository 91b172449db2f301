#!/usr/bin/env python3
"""Writes a large but realistic system policy for the host benchmarks: the example
policy plus rules holding N confidential terms in total (default 10,000).

Usage: tests/bench/make_policy.py [--terms N] [--out FILE]   (default: a temp dir)
Prints the path of the file written. Deterministic: the same N gives the same file.
"""
import argparse
import json
import os
import random
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "..", "examples", "policy.example.json")

SYLLABLES = ["lu", "me", "tra", "ko", "ri", "an", "del", "weiss", "nor", "licht", "vo", "ta", "zen", "pho",
             "ton", "ka", "sel", "mar", "qui", "bo", "ste", "lar", "fen", "dra", "gi", "ol", "um", "ex"]


def term(rng: random.Random, i: int) -> str:
    words = rng.choice([1, 1, 2, 2, 3])
    parts = []
    for _ in range(words):
        parts.append("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize())
    return " ".join(parts) + f" {i}" if i % 10 == 0 else " ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--terms", type=int, default=10000)
    parser.add_argument("--out")
    args = parser.parse_args()

    with open(EXAMPLE, encoding="utf-8") as f:
        policy = json.load(f)
    policy.pop("$schema", None)
    policy["version"] = f"bench-{args.terms}-terms"
    rng = random.Random(args.terms)
    per_rule = 500
    seen = set()
    terms = []
    while len(terms) < args.terms:
        t = term(rng, len(terms))
        if t.lower() not in seen:
            seen.add(t.lower())
            terms.append(t)
    for start in range(0, len(terms), per_rule):
        policy["rules"].append({
            "id": f"bench-terms-{start // per_rule:03d}",
            "description": "Generated confidential terms (benchmark)",
            "severity": "block" if (start // per_rule) % 2 == 0 else "warn",
            "terms": terms[start:start + per_rule],
        })

    out = args.out or os.path.join(tempfile.mkdtemp(prefix="ownvoice-bench-"), f"policy-{args.terms}.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(policy, f, ensure_ascii=False, indent=1)
    print(out)


if __name__ == "__main__":
    main()
