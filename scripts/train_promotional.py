#!/usr/bin/env python3
"""Trains the promotional check's logistic regression (docs/checks.md "Promotional").

Reads the feature vectors the REAL extractor computes (build/ci/tests/corpus/corpus_features,
which runs checks::check_promotional on every post of tests/corpus/posts/*.jsonl), keeps the
TRAIN split only (scripts/corpus_split.py; the test split is never read here), fits an
L2-regularised logistic regression by Newton's method, picks the decision threshold by
5-fold cross-validation on the train split (the threshold that maximises the out-of-fold
F1, averaged over +-0.05 around it), and writes host/lib/checks/promotional_model.inc. It also prints two generalisation
estimates at that threshold, leave-one-genre-out and leave-one-platform-out (each group
predicted by a model fitted on the other groups only), and writes them into the model's
header; `--report` prints the final model's figures on a reporting set it never fits on.

Retrain after changing the features, the lexicon or the corpus:

  cmake --build build/ci --target corpus_features -j2
  scripts/train_promotional.py            # writes host/lib/checks/promotional_model.inc
  cmake --build build/ci -j2 && ctest --test-dir build/ci -R 'corpus|Promotional'

Plain Python 3, standard library only.
"""
import argparse
import datetime
import json
import math
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_BIN = os.path.join(ROOT, "build", "ci", "tests", "corpus", "corpus_features")
MODEL_INC = os.path.join(ROOT, "host", "lib", "checks", "promotional_model.inc")
FOLDS = 5
L2 = 1.0  # on the weights, not the bias


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def fold_of(post_id: str) -> int:
    return fnv1a64(b"ownvoice-fold-v1:" + post_id.encode("utf-8")) % FOLDS


def sigmoid(z):
    if z < -40:
        return 0.0
    if z > 40:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


def solve(a, b):
    """Solves a x = b (a symmetric positive definite) by Gaussian elimination with pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        piv = m[c][c]
        if abs(piv) < 1e-12:
            continue
        for r in range(c + 1, n):
            f = m[r][c] / piv
            if f:
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for c in range(n - 1, -1, -1):
        s = m[c][n] - sum(m[c][k] * x[k] for k in range(c + 1, n))
        x[c] = s / m[c][c] if abs(m[c][c]) > 1e-12 else 0.0
    return x


def fit(xs, ys, l2=L2, iterations=30):
    """Newton's method on the L2-regularised log-likelihood; returns [bias, w1..wn]."""
    n = len(xs[0]) + 1
    w = [0.0] * n
    rows = [[1.0] + x for x in xs]
    for _ in range(iterations):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for r, y in zip(rows, ys):
            p = sigmoid(sum(wi * ri for wi, ri in zip(w, r)))
            d = p - y
            s = p * (1 - p)
            for i in range(n):
                if r[i]:
                    grad[i] += d * r[i]
                    ri_s = r[i] * s
                    for j in range(i, n):
                        if r[j]:
                            hess[i][j] += ri_s * r[j]
        for i in range(1, n):
            grad[i] += l2 * w[i]
            hess[i][i] += l2
        for i in range(n):
            for j in range(i):
                hess[i][j] = hess[j][i]
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return w


def predict(w, x):
    return sigmoid(w[0] + sum(wi * xi for wi, xi in zip(w[1:], x)))


def prf(probs, ys, t):
    tp = sum(1 for p, y in zip(probs, ys) if p >= t and y)
    fp = sum(1 for p, y in zip(probs, ys) if p >= t and not y)
    fn = sum(1 for p, y in zip(probs, ys) if p < t and y)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp, fp, fn


def bootstrap(probs, ys, t, seed=20261207, resamples=1000):
    """95% percentile intervals of P, R, F1 over resamples of the posts (splitmix64)."""
    state = seed

    def nxt():
        nonlocal state
        state = (state + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        return z ^ (z >> 31)

    n = len(ys)
    samples = [[], [], []]
    for _ in range(resamples):
        idx = [nxt() % n for _ in range(n)]
        p, r, f, *_ = prf([probs[i] for i in idx], [ys[i] for i in idx], t)
        samples[0].append(p)
        samples[1].append(r)
        samples[2].append(f)
    out = []
    for s in samples:
        s.sort()
        out.append((s[int(0.025 * (len(s) - 1) + 0.5)], s[int(0.975 * (len(s) - 1) + 0.5)]))
    return out


def post_groups(posts_dir):
    """id -> (genre, platform), read from the posts themselves (corpus_features does not print them)."""
    out = {}
    for name in sorted(os.listdir(posts_dir)):
        if not name.endswith(".jsonl"):
            continue
        for line in open(os.path.join(posts_dir, name), encoding="utf-8"):
            if line.strip():
                p = json.loads(line)
                out[p["id"]] = (p.get("genre") or name[:-6], p.get("platform", "generic"))
    return out


def leave_one_group_out(train, xs, ys, group_of, threshold):
    """Generalisation estimate: each group (a genre, a platform) predicted by a model fitted
    on the OTHER groups only, at the CV threshold. A kind of writing the model never saw is
    what the held-out sets are made of; a random fold always has its siblings in training."""
    groups = sorted({group_of(r) for r in train})
    probs = [0.0] * len(train)
    per_group = {}
    for g in groups:
        fit_idx = [i for i, r in enumerate(train) if group_of(r) != g]
        w = fit([xs[i] for i in fit_idx], [ys[i] for i in fit_idx])
        idx = [i for i, r in enumerate(train) if group_of(r) == g]
        for i in idx:
            probs[i] = predict(w, xs[i])
        per_group[g] = prf([probs[i] for i in idx], [ys[i] for i in idx], threshold)
    return probs, per_group


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--features", help="a corpus_features output file (default: run the tool)")
    ap.add_argument("--bin", default=DEFAULT_BIN, help="the corpus_features tool")
    ap.add_argument("--out", default=MODEL_INC)
    ap.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    ap.add_argument("--posts", default=os.path.join(ROOT, "tests", "corpus", "posts"),
                    help="the corpus posts, for genre and platform (leave-one-group-out figures)")
    ap.add_argument("--errors", action="store_true",
                    help="print the TRAIN posts the cross-validation gets wrong (out-of-fold), to find kinds of miss")
    ap.add_argument("--report", metavar="FEATURES",
                    help="a corpus_features output of a REPORTING set (tests/corpus/voices): its figures are "
                         "printed with the final model and never used to fit or to choose anything")
    args = ap.parse_args()

    if args.features:
        lines = open(args.features, encoding="utf-8").read().splitlines()
    else:
        lines = subprocess.run([args.bin], check=True, capture_output=True, text=True).stdout.splitlines()
    rows = [json.loads(l) for l in lines if l.strip()]
    train = [r for r in rows if r["split"] == "train" and "promotional" in r["expect"]]
    if not train:
        sys.exit("no train posts")
    names = list(train[0]["features"].keys())
    xs = [[float(r["features"][n]) for n in names] for r in train]
    ys = [1 if r["expect"]["promotional"] else 0 for r in train]

    # Out-of-fold probabilities: each post predicted by a model that never saw it.
    oof = [0.0] * len(train)
    for k in range(FOLDS):
        fit_idx = [i for i, r in enumerate(train) if fold_of(r["id"]) != k]
        w = fit([xs[i] for i in fit_idx], [ys[i] for i in fit_idx])
        for i, r in enumerate(train):
            if fold_of(r["id"]) == k:
                oof[i] = predict(w, xs[i])
    # The out-of-fold F1 is flat over a wide band of thresholds and a single point within it is
    # noise (one post more or less): each threshold is scored by the mean F1 over +-0.05 around it.
    best = None
    f_at = {step: prf(oof, ys, step / 100)[2] for step in range(0, 101)}
    for step in range(5, 96):
        t = step / 100
        f = sum(f_at[s] for s in range(step - 5, step + 6)) / 11
        key = (round(f, 6), -abs(t - 0.5))
        if best is None or key > best[0]:
            best = (key, t)
    threshold = best[1]
    p, r, f, tp, fp, fn = prf(oof, ys, threshold)
    ci = bootstrap(oof, ys, threshold)
    summary = (f"{FOLDS}-fold CV on the train split ({len(train)} posts, {sum(ys)} promotional): threshold {threshold:.2f}, "
               f"P {p:.3f} [{ci[0][0]:.3f}, {ci[0][1]:.3f}], R {r:.3f} [{ci[1][0]:.3f}, {ci[1][1]:.3f}], "
               f"F1 {f:.3f} [{ci[2][0]:.3f}, {ci[2][1]:.3f}] (tp {tp}, fp {fp}, fn {fn})")
    print(summary)
    if args.errors:
        for i, r in enumerate(train):
            if (oof[i] >= threshold) != bool(ys[i]):
                print(f"  oof {'fp' if ys[i] == 0 else 'fn'} {oof[i]:.2f} {r['id']}")

    groups = post_groups(args.posts)
    generalisation = []
    for label, key in (("genre", 0), ("platform", 1)):
        probs, per_group = leave_one_group_out(train, xs, ys, lambda r, k=key: groups.get(r["id"], ("?", "?"))[k],
                                               threshold)
        gp, gr, gf, gtp, gfp, gfn = prf(probs, ys, threshold)
        line = (f"leave-one-{label}-out on the train split ({len(per_group)} {label}s): P {gp:.3f}, R {gr:.3f}, "
                f"F1 {gf:.3f} (tp {gtp}, fp {gfp}, fn {gfn})")
        generalisation.append(line)
        print(line)
        worst = sorted(per_group.items(), key=lambda kv: kv[1][2] if kv[1][3] + kv[1][5] else 2)[:4]
        print("  weakest: " + ", ".join(f"{g} F1 {v[2]:.2f} (fp {v[4]}, fn {v[5]})" for g, v in worst))

    w = fit(xs, ys)
    if args.report:
        rep = [json.loads(l) for l in open(args.report, encoding="utf-8") if l.strip()]
        rep = [r for r in rep if "promotional" in r["expect"]]
        rp = [predict(w, [float(r["features"][n]) for n in names]) for r in rep]
        ry = [1 if r["expect"]["promotional"] else 0 for r in rep]
        p2, r2, f2, tp2, fp2, fn2 = prf(rp, ry, threshold)
        print(f"reporting set ({len(rep)} posts, {sum(ry)} promotional; not used to fit): P {p2:.3f}, R {r2:.3f}, "
              f"F1 {f2:.3f} (tp {tp2}, fp {fp2}, fn {fn2})")
    if not args.dry_run:
        with open(args.out, "w", encoding="utf-8") as out:
            out.write("// Generated by scripts/train_promotional.py: do not edit, retrain (see the script's help).\n")
            out.write(f"// Trained {datetime.date.today().isoformat()} on the corpus's train split.\n")
            out.write(f"// {summary}\n")
            for line in generalisation:
                out.write(f"// {line}\n")
            out.write(f"constexpr double kPromoBias = {w[0]:.6f};\n")
            out.write(f"constexpr double kPromoThreshold = {threshold:.2f};\n")
            out.write("constexpr NamedWeight kPromoWeights[] = {\n")
            for name, weight in zip(names, w[1:]):
                out.write(f'    {{"{name}", {weight:.6f}}},\n')
            out.write("};\n")
        print(f"wrote {os.path.relpath(args.out, ROOT)}")
    for name, weight in sorted(zip(names, w[1:]), key=lambda nw: -abs(nw[1])):
        print(f"  {name:22s} {weight:+.3f}")
    print(f"  {'(bias)':22s} {w[0]:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
