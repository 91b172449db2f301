#pragma once
// Measures the checks on labelled posts (tests/corpus/LABELLING.md): precision, recall,
// F1 and accuracy per check, each with a 95% bootstrap confidence interval. Used by the
// corpus test (on the frozen test split) and by `ownvoice policy test --corpus` (on an IT
// sample). Also the corpus's frozen train/test split (scripts/corpus_split.py).
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/engine.hpp"

namespace ownvoice::engine {

struct LabelledPost {
  std::string id;
  std::string text;
  std::string platform = "generic";
  std::optional<bool> disclaimer;                     // expect.disclaimer_present
  std::optional<bool> promotional;                    // expect.promotional
  std::optional<std::set<std::string>> confidential;  // expect.confidential (rule ids)
};

// Parses one corpus line ({"id", "text", "platform", "expect": {...}}); nullopt when it
// is not an object with a string "text". A missing id becomes "line-<n>".
std::optional<LabelledPost> parse_labelled_post(const nlohmann::json& j, size_t line_number);

// The test split: FNV-1a-64("ownvoice-split-v1:" + id) % 100 < 30 (scripts/corpus_split.py).
bool is_test_post(std::string_view id);

// SHA-256 (hex) over the posts sorted by id, each as id TAB text LF.
std::string split_hash(std::vector<const LabelledPost*> posts);

struct Interval {
  double value = 0;
  double low = 0;
  double high = 0;
};

struct CheckFigures {
  std::string check;  // "disclaimer", "promotional", "confidential"
  int tp = 0, fp = 0, fn = 0, tn = 0;
  int labelled = 0;  // posts with a label for this check
  Interval precision, recall, f1, accuracy;
};

struct Disagreement {
  std::string id;
  std::string check;
  std::string detail;  // "expected 1 got 0", "missed codenames", ...
};

struct Evaluation {
  size_t posts = 0;
  std::vector<CheckFigures> checks;
  std::vector<Disagreement> disagreements;
  [[nodiscard]] const CheckFigures& figures(std::string_view check) const;
};

// Runs every post through `engine` and compares with its labels. The intervals come from
// `resamples` bootstrap resamples of the posts drawn with a fixed `seed` (reproducible).
Evaluation evaluate(const Engine& engine, const std::vector<LabelledPost>& posts, uint64_t seed = 20261207,
                    int resamples = 1000);

// "disclaimer    P 1.000 [0.97, 1.00]  R ..." lines, one per check.
std::string format_figures(const Evaluation& e);
nlohmann::json figures_json(const Evaluation& e);

}  // namespace ownvoice::engine
