#pragma once
// The result of checking one post, as typed data. The engine fills it (engine.cpp); the
// host and `ownvoice check --json` write it as the JSON of docs/result-format.md through
// one serializer (result_json.hpp); the terminal report (cli/terminal.cpp), the corpus
// evaluation and `policy test` read the fields themselves. A new field is added here,
// filled in engine.cpp and written in result_json.cpp.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "checks/disclaimer.hpp"
#include "checks/disclaimer_recommendation.hpp"
#include "checks/promotional.hpp"
#include "policy/policy.hpp"

namespace ownvoice::engine {

enum class Verdict { Ok = 0, Warn = 1, Block = 2 };
const char* to_string(Verdict v);

// Which check a finding comes from.
enum class CheckKind { Confidential, Promotional, Disclaimer };
const char* to_string(CheckKind c);

// One thing the employee is shown about the post, with the span it is about (UTF-16
// offsets in the original text; 0/0 when it is about the whole post).
struct Finding {
  CheckKind check = CheckKind::Confidential;
  policy::Severity severity = policy::Severity::Info;
  std::string rule;         // rule id; "promotional", "own_share" or "disclaimer" for the built-in checks
  std::string description;  // a sentence in the post's language
  std::string kind;         // confidential only: "term", "pattern", "near" or a pack detector
  std::string excerpt;
  uint32_t start = 0;
  uint32_t end = 0;
};

struct LengthResult {
  std::size_t value = 0;  // as the platform counts (docs/checks.md)
  std::size_t limit = 0;
  std::string unit;  // "graphemes", "weighted", "utf16", ...
  bool fits = true;
};

struct DisclaimerOutcome {
  checks::DisclaimerResult found;                   // present, proposal, fit
  checks::DisclaimerRecommendation recommendation;  // ticked by default or not
};

// The employee's own promotional share over the window, from the local log.
struct OwnShare {
  bool available = false;  // false until the log exists (then nothing else is set)
  int window_days = 0;
  int shared = 0;  // before this post
  int promotional = 0;
  double share = 0;        // promotional / shared before this post
  double share_after = 0;  // if this post is shared
  double threshold = 0;
  bool over_threshold = false;
};

struct PromotionalOutcome {
  checks::PromotionalResult model;  // decision, score, reasons, explanation, disclosure
  double threshold = 0;             // the policy's share threshold (for own_share)
  OwnShare own_share;
};

// Is the post about work? Compared by the extension with the employee's own "keep work
// out of" list, which never leaves the browser.
struct WorkSignals {
  bool about_work = false;
  bool names_company = false;
  std::string company;
};

struct RejectedLayer {
  std::string source;  // "system", "user", "managed", ...
  std::string path;    // "" when the layer is not a file
  std::string error;
};

struct CheckResult {
  Verdict verdict = Verdict::Ok;
  std::string check_id;  // what the employee's `confirm` must present
  std::string platform;
  std::string language;  // "en" or "fr"
  LengthResult length;
  std::vector<Finding> findings;  // sorted by start
  DisclaimerOutcome disclaimer;
  PromotionalOutcome promotional;
  WorkSignals work;
  bool consent_required = true;
  std::string consent_statement;
  std::string policy_version;
  std::vector<RejectedLayer> rejected_layers;

  [[nodiscard]] bool is_promotional() const { return promotional.model.promotional; }
};

}  // namespace ownvoice::engine
