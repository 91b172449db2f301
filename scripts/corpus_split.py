#!/usr/bin/env python3
"""The corpus's frozen 70/30 train/test split (tests/corpus/posts/*.jsonl).

A post is in the TEST split when FNV-1a-64("ownvoice-split-v1:" + id) % 100 < 30, so the
split depends only on each post's id: adding posts never moves an existing one. The test
split is never used to choose features, phrases or thresholds (scripts/train_promotional.py
reads the train split only).

  scripts/corpus_split.py --write   # after the corpus grows: rewrite tests/corpus/test_split.sha256
  scripts/corpus_split.py --check   # exit 1 when the committed hash no longer matches
  scripts/corpus_split.py --list train|test   # the ids of one split

The hash is SHA-256 over the test posts sorted by id, each as id TAB text LF (UTF-8); the
CTest test corpus_split_hash recomputes it in C++ (tests/corpus/test_corpus.cpp).
"""
import argparse
import glob
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
POSTS = os.path.join(ROOT, "tests", "corpus", "posts")
HASH_FILE = os.path.join(ROOT, "tests", "corpus", "test_split.sha256")
SALT = b"ownvoice-split-v1:"
TEST_PERCENT = 30


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def is_test(post_id: str) -> bool:
    return fnv1a64(SALT + post_id.encode("utf-8")) % 100 < TEST_PERCENT


def load_posts(posts_dir=POSTS):
    posts = []
    for path in sorted(glob.glob(os.path.join(posts_dir, "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    try:
                        posts.append(json.loads(line))
                    except json.JSONDecodeError as e:
                        sys.exit(f"{path}:{n}: {e}")
    return posts


def split(posts):
    train = [p for p in posts if not is_test(p["id"])]
    test = [p for p in posts if is_test(p["id"])]
    return train, test


def test_hash(test):
    h = hashlib.sha256()
    for p in sorted(test, key=lambda p: p["id"].encode("utf-8")):
        h.update(p["id"].encode("utf-8") + b"\t" + p["text"].encode("utf-8") + b"\n")
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--write", action="store_true")
    g.add_argument("--check", action="store_true")
    g.add_argument("--list", choices=["train", "test"])
    args = ap.parse_args()
    train, test = split(load_posts())
    if args.list:
        for p in train if args.list == "train" else test:
            print(p["id"])
        return 0
    digest = test_hash(test)
    line = f"{digest}  {len(test)} test posts of {len(train) + len(test)}\n"
    if args.write:
        with open(HASH_FILE, "w", encoding="utf-8") as f:
            f.write(line)
        print(line, end="")
        return 0
    committed = open(HASH_FILE, encoding="utf-8").read().split()[0]
    if committed != digest:
        print(f"test split changed: committed {committed}, now {digest}", file=sys.stderr)
        return 1
    print(line, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
