// The confidential screener (see confidential.hpp).
//
// Compile time: every term, exception phrase and near-clause term of every rule goes
// into ONE PhraseMatcher, tagged with what it is for; every pattern into one RE2::Set
// (to learn in one pass which patterns match at all) plus one RE2 each (to find where),
// compiled the first time the set says that pattern matched: most never do, and
// compiling 200 of them up front was a third of the policy's compile time and memory.
// The rules' term lists are not kept once they are in the automaton.
// Check time: one automaton pass, one RE2::Set pass, then per-rule bookkeeping over the
// few candidates found. Nothing here loops over the policy's terms.
#include "checks/confidential.hpp"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <limits>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "checks/confidential_packs.hpp"
#include "text/phrase_matcher.hpp"

namespace ownvoice::checks {
namespace {

enum class TagKind : uint8_t { Term, Exception, NearLeft, NearRight };

struct Tag {
  TagKind kind;
  uint32_t rule;
  uint32_t clause;
};

struct Span {
  size_t b;
  size_t e;
};

struct RawHit {
  uint32_t rule;
  const char* kind;
  Span span;  // normalised bytes
};

// What a check needs of a rule once its terms and patterns are compiled.
struct RuleInfo {
  std::string id;
  std::string description;
  policy::Severity severity = policy::Severity::Warn;
  std::vector<std::string> platforms;  // empty = every platform
  std::vector<int> near_within;        // by clause
};

// One pattern of the RE2::Set, with its own RE2 built on first use (thread-safe).
struct Pattern {
  std::string source;
  uint32_t rule = 0;
  mutable std::once_flag once;
  mutable std::unique_ptr<RE2> re;

  const RE2& compiled(const RE2::Options& options) const {
    std::call_once(once, [&] { re = std::make_unique<RE2>(source, options); });
    return *re;
  }
};

constexpr size_t kMaxHitsPerPattern = 100;
constexpr size_t kMaxNearCandidates = 200;

}  // namespace

struct Screener::Impl {
  std::vector<RuleInfo> rules;
  std::unique_ptr<Lexicons> own_lexicons;  // the standalone screener's automaton
  const Lexicons* lexicons = nullptr;      // the automaton its terms are in (own or shared)
  std::vector<Tag> tags;                   // by the id given to Lexicons::add
  RE2::Options options;
  std::unique_ptr<RE2::Set> pattern_set;
  std::vector<std::unique_ptr<Pattern>> patterns;  // by set index
  std::vector<PackInfo> packs;
  ScreenerStats stats;

  bool applies(const RuleInfo& r, std::string_view platform) const {
    if (r.platforms.empty()) return true;
    return std::find(r.platforms.begin(), r.platforms.end(), platform) != r.platforms.end();
  }
};

Screener::Screener(const policy::Policy& policy) : Screener(policy, std::make_unique<Lexicons>()) {}

Screener::Screener(const policy::Policy& policy, std::unique_ptr<Lexicons> own) : Screener(policy, *own) {
  impl_->own_lexicons = std::move(own);
  impl_->own_lexicons->build();
}

Screener::Screener(const policy::Policy& policy, Lexicons& shared) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.lexicons = &shared;
  m.rules.reserve(policy.rules.size());
  for (const auto& rule : policy.rules) {
    RuleInfo info{rule.id, rule.description, rule.severity, rule.platforms, {}};
    for (const auto& clause : rule.near) info.near_within.push_back(clause.within);
    m.rules.push_back(std::move(info));
  }
  auto add = [&m, &shared](const std::string& phrase, TagKind kind, uint32_t rule, uint32_t clause) {
    const auto id = static_cast<uint32_t>(m.tags.size());
    m.tags.push_back(Tag{kind, rule, clause});
    shared.add(Lexicon::Confidential, phrase, id);
    if (kind == TagKind::Term) ++m.stats.terms;
  };

  RE2::Options& opt = m.options;
  opt.set_case_sensitive(false);
  opt.set_log_errors(false);
  opt.set_max_mem(8 << 20);
  m.pattern_set = std::make_unique<RE2::Set>(opt, RE2::UNANCHORED);

  for (uint32_t r = 0; r < policy.rules.size(); ++r) {
    const auto& rule = policy.rules[r];
    for (const auto& t : rule.terms) add(t, TagKind::Term, r, 0);
    for (const auto& t : rule.exceptions) add(t, TagKind::Exception, r, 0);
    for (uint32_t c = 0; c < rule.near.size(); ++c) {
      for (const auto& t : rule.near[c].left) add(t, TagKind::NearLeft, r, c);
      for (const auto& t : rule.near[c].right) add(t, TagKind::NearRight, r, c);
    }
    for (const auto& p : rule.patterns) {
      // Patterns were validated with the policy; one that still fails to parse is
      // skipped here rather than taking the whole policy down.
      std::string err;
      if (m.pattern_set->Add(p, &err) < 0) continue;
      auto pattern = std::make_unique<Pattern>();
      pattern->source = p;
      pattern->rule = r;
      m.patterns.push_back(std::move(pattern));
    }
  }
  if (!m.patterns.empty() && !m.pattern_set->Compile()) {
    // The combined set is over its memory budget: fall back to running each pattern.
    m.pattern_set.reset();
  }
  if (m.patterns.empty()) m.pattern_set.reset();
  for (const auto& p : policy.packs)
    if (is_known_pack(p)) m.packs.push_back(pack_info(p));
  m.stats.patterns = m.patterns.size();
}

Screener::~Screener() = default;
Screener::Screener(Screener&&) noexcept = default;
Screener& Screener::operator=(Screener&&) noexcept = default;

ScreenerStats Screener::stats() const {
  ScreenerStats stats = impl_->stats;
  stats.automaton_bytes = impl_->lexicons->memory_bytes();  // the shared one is built after the screener
  return stats;
}

std::vector<ConfidentialHit> Screener::screen(std::string_view original, const text::NormalizedText& norm,
                                              std::string_view platform) const {
  if (!impl_->own_lexicons) throw std::logic_error("Screener::screen: this screener's terms are in a shared automaton");
  return screen(original, norm, platform, impl_->own_lexicons->scan(norm).of(Lexicon::Confidential));
}

std::vector<ConfidentialHit> Screener::screen(std::string_view original, const text::NormalizedText& norm,
                                              std::string_view platform,
                                              const std::vector<text::PhraseMatch>& term_matches) const {
  const Impl& m = *impl_;
  std::vector<RawHit> raw;
  std::vector<std::pair<uint32_t, Span>> exceptions;  // (rule, span)
  struct NearHit {
    uint32_t rule, clause;
    bool left;
    Span span;
  };
  std::vector<NearHit> near;

  // 1. Terms, exception phrases and near-clause terms, from the one automaton pass.
  for (const auto& pm : term_matches) {
    const Tag& tag = m.tags[pm.phrase];
    if (!m.applies(m.rules[tag.rule], platform)) continue;
    const Span span{pm.begin, pm.end};
    switch (tag.kind) {
      case TagKind::Term: raw.push_back(RawHit{tag.rule, "term", span}); break;
      case TagKind::Exception: exceptions.emplace_back(tag.rule, span); break;
      case TagKind::NearLeft:
      case TagKind::NearRight:
        if (near.size() < kMaxNearCandidates)
          near.push_back(NearHit{tag.rule, tag.clause, tag.kind == TagKind::NearLeft, span});
        break;
    }
  }

  // 2. Patterns: which ones match (one pass), then where.
  if (!m.patterns.empty()) {
    std::vector<int> which;
    if (m.pattern_set) {
      m.pattern_set->Match(norm.text, &which);
    } else {
      for (size_t i = 0; i < m.patterns.size(); ++i)
        if (RE2::PartialMatch(norm.text, m.patterns[i]->compiled(m.options))) which.push_back(static_cast<int>(i));
    }
    for (int idx : which) {
      const Pattern& pattern = *m.patterns[static_cast<size_t>(idx)];
      if (!m.applies(m.rules[pattern.rule], platform)) continue;
      const RE2& re = pattern.compiled(m.options);
      re2::StringPiece input(norm.text);
      re2::StringPiece match;
      size_t pos = 0, found = 0;
      while (pos <= norm.text.size() && found < kMaxHitsPerPattern &&
             re.Match(input, pos, norm.text.size(), RE2::UNANCHORED, &match, 1)) {
        const auto b = static_cast<size_t>(match.data() - norm.text.data());
        const size_t e = b + match.size();
        if (e > b) {
          raw.push_back(RawHit{pattern.rule, "pattern", Span{b, e}});
          ++found;
        }
        pos = e > b ? e : b + 1;
      }
    }
  }

  auto excepted = [&exceptions](uint32_t rule, const Span& s) {
    for (const auto& [r, ex] : exceptions)
      if (r == rule && ex.b <= s.b && s.e <= ex.e) return true;
    return false;
  };

  // 3. Near clauses: a left term and a right term within N words of each other.
  if (!near.empty()) {
    std::vector<size_t> word_starts;  // byte offsets where words start, for word distances
    bool in_word = false;
    for (size_t i = 0; i < norm.text.size();) {
      char32_t cp = 0;
      const size_t n = text::decode_utf8(norm.text, i, cp);
      const bool w = text::is_word_codepoint(cp);
      if (w && !in_word) word_starts.push_back(i);
      in_word = w;
      i += n;
    }
    auto word_index = [&word_starts](size_t pos) {
      auto it = std::upper_bound(word_starts.begin(), word_starts.end(), pos);
      return static_cast<long>(it - word_starts.begin());
    };
    for (const auto& l : near) {
      if (!l.left || excepted(l.rule, l.span)) continue;
      for (const auto& r : near) {
        if (r.left || r.rule != l.rule || r.clause != l.clause || excepted(r.rule, r.span)) continue;
        if (r.span.b < l.span.e && l.span.b < r.span.e) continue;  // the same words
        const long dl = word_index(l.span.b), dr = word_index(r.span.b);
        const long distance = dl < dr ? dr - word_index(l.span.e - 1) : dl - word_index(r.span.e - 1);
        if (distance <= m.rules[l.rule].near_within[l.clause])
          raw.push_back(RawHit{l.rule, "near", Span{std::min(l.span.b, r.span.b), std::max(l.span.e, r.span.e)}});
      }
    }
  }

  // 4. Drop hits inside an exception phrase; merge overlapping hits of one rule.
  raw.erase(std::remove_if(raw.begin(), raw.end(), [&](const RawHit& h) { return excepted(h.rule, h.span); }),
            raw.end());
  std::sort(raw.begin(), raw.end(),
            [](const RawHit& a, const RawHit& b) { return a.rule != b.rule ? a.rule < b.rule : a.span.b < b.span.b; });
  std::vector<RawHit> merged;
  for (const auto& h : raw) {
    if (!merged.empty() && merged.back().rule == h.rule && h.span.b < merged.back().span.e) {
      merged.back().span.e = std::max(merged.back().span.e, h.span.e);
      continue;
    }
    merged.push_back(h);
  }

  std::vector<ConfidentialHit> out;
  out.reserve(merged.size());
  // Excerpts through one index of the original: O(text + hits), not O(text x hits).
  std::optional<text::Utf16Index> index;
  if (!merged.empty()) index.emplace(original);
  for (const auto& h : merged) {
    const auto& rule = m.rules[h.rule];
    ConfidentialHit hit;
    hit.rule = rule.id;
    hit.severity = rule.severity;
    hit.description = rule.description;
    hit.kind = h.kind;
    hit.start = norm.original_begin(h.span.b);
    hit.end = norm.original_end(h.span.e);
    hit.excerpt = index->slice(hit.start, hit.end);
    out.push_back(std::move(hit));
  }

  // 5. Built-in packs run on the original text (key formats are case-sensitive).
  if (!m.packs.empty()) {
    std::vector<uint32_t> u16_at;  // UTF-16 offset of each byte of the original
    for (const auto& pack : m.packs) {
      const auto hits = scan_pack(pack.name, original);
      if (hits.empty()) continue;
      if (u16_at.empty()) {
        u16_at.resize(original.size() + 1);
        uint32_t u = 0;
        for (size_t i = 0; i < original.size();) {
          char32_t cp = 0;
          const size_t n = text::decode_utf8(original, i, cp);
          for (size_t k = 0; k < n; ++k) u16_at[i + k] = u;
          u += cp >= 0x10000 ? 2 : 1;
          i += n;
        }
        u16_at[original.size()] = u;
      }
      for (const auto& ph : hits) {
        ConfidentialHit hit;
        hit.rule = pack.rule_id;
        hit.severity = pack.severity;
        hit.description = pack.description;
        hit.kind = ph.detector;
        hit.start = u16_at[ph.begin];
        hit.end = u16_at[ph.end];
        hit.excerpt = std::string(original.substr(ph.begin, ph.end - ph.begin));
        out.push_back(std::move(hit));
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const ConfidentialHit& a, const ConfidentialHit& b) {
    return a.start != b.start ? a.start < b.start : a.rule < b.rule;
  });
  return out;
}

}  // namespace ownvoice::checks
