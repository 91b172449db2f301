// The personal disclaimer check (see disclaimer.hpp and docs/checks.md).
//
// Presence: the disclaimer grammar (disclaimer_table.cpp: word classes and forms, French
// and English, legal long forms and hashtags), plus the policy's own long and short forms,
// plus one RE2 expression for "RT ≠ endorsement" and its variants, whose symbols
// normalisation would erase (≠ loses its stroke and becomes '='). A form inside a
// quotation of someone else is not the author's. Opinion markers ("in my opinion",
// "à mon avis", "mon avis perso : ...") and an employment statement ("I work at X") are
// not disclaimers.
//
// Proposal: the whole post, a blank line, then the disclaimer in the post's language;
// the short form when the long one would break the platform's length rule.
#include "checks/disclaimer.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>

#include "checks/disclaimer_grammar.hpp"
#include "checks/urls.hpp"
#include "text/phrase_matcher.hpp"

namespace ownvoice::checks {
namespace {

// "RT ≠ endorsement" and friends, on the original text (normalisation would turn ≠ into =).
const RE2& retweet_form() {
  static const RE2 re(
      "(?i)\\b(?:rts?|retweets?|reposts?|likes?|shares?|boosts?|partages?)[\\s\\x{00A0}\\x{202F}]*"
      "(?:\\x{2260}|!=|=/=|=\\\\=|<>|are\\s+not|is\\s+not|aren['\\x{2019}]t|isn['\\x{2019}]t|"
      "do\\s+not\\s+(?:equal|mean)|don['\\x{2019}]t\\s+(?:equal|mean)|ne\\s+valent\\s+pas|ne\\s+vaut\\s+pas|"
      "n['\\x{2019}]est\\s+pas|ne\\s+sont\\s+pas)"
      "[\\s\\x{00A0}\\x{202F}]*(?:an?\\s+|une?\\s+)?"
      "(?:endorsements?|approbation|adh[eé]sion|soutien|caution)\\b");
  return re;
}

// The expression above ends in one of these nouns; whatever case or accents the original
// gives it, the normalised text holds it lower case and unaccented. A post without any of
// them (nearly every post) skips the expression, which costs a full pass with Unicode
// word boundaries.
bool may_hold_retweet_form(std::string_view normalized) {
  for (std::string_view noun : {"endorsement", "approbation", "adhesion", "soutien", "caution"})
    if (normalized.find(noun) != std::string_view::npos) return true;
  return false;
}

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The word before normalised byte `b` (skipping spaces), or "".
std::string word_before(const std::string& s, size_t b) {
  size_t e = b;
  while (e > 0 && s[e - 1] == ' ') --e;
  size_t st = e;
  while (st > 0 && (std::isalnum(static_cast<unsigned char>(s[st - 1])) != 0)) --st;
  return s.substr(st, e - st);
}

bool nominal_is_opinion_marker(const std::string& s, size_t b, size_t e) {
  static const std::array<std::string_view, 9> markers = {"mon", "ma",    "mes",   "ton",  "son",
                                                          "my",  "selon", "notre", "votre"};
  const std::string before = word_before(s, b);
  bool possessive = false;
  for (auto m : markers) possessive = possessive || before == m;
  if (!possessive) return false;
  // "Mon avis perso." closes the post; "mon avis perso : ..." opens an opinion.
  size_t i = e;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i >= s.size()) return false;
  const char c = s[i];
  return c == ':' || c == ',' || (std::isalnum(static_cast<unsigned char>(c)) != 0);
}

struct Found {
  uint32_t start;
  uint32_t end;
  std::string form;
};

// The policy's own wordings, whatever they are (an employee's custom disclaimer too),
// without their closing punctuation; numbered as Lexicon::DisclaimerWordings numbers them.
std::vector<std::string> policy_wordings(const policy::Policy& policy) {
  std::vector<std::string> wordings;
  for (const auto* forms : {&policy.disclaimers, &policy.short_disclaimers}) {
    for (const auto& [lang, form] : *forms) {
      std::string_view f = form;
      while (!f.empty() && std::string_view(".!;:,… \n").find(f.back()) != std::string_view::npos) f.remove_suffix(1);
      if (!f.empty()) wordings.emplace_back(f);
    }
  }
  return wordings;
}

// Without the engine's shared automaton: the wordings through the cache of short lists.
std::vector<text::PhraseMatch> scan_wordings_alone(const text::NormalizedText& norm, const policy::Policy& policy) {
  const auto wordings = policy_wordings(policy);
  if (wordings.empty()) return {};
  return text::cached_matcher(wordings).matches(norm);
}

std::optional<Found> find_disclaimer(std::string_view original, const text::NormalizedText& norm,
                                     const policy::Policy& policy, const PostTokens& post,
                                     const std::vector<text::PhraseMatch>& wording_matches) {
  std::optional<Found> best;
  auto consider = [&best](uint32_t s, uint32_t e, std::string form) {
    if (!best || s < best->start) best = Found{s, e, std::move(form)};
  };
  if (auto g = find_disclaimer_form(post, policy.company))
    consider(norm.original_begin(g->begin), norm.original_end(g->end), g->form);
  if (!wording_matches.empty()) {
    // A wording of one or two words ("Avis perso") is nominal: it disclaims only at the
    // end of its sentence or line.
    const auto wordings = policy_wordings(policy);
    for (const auto& m : wording_matches) {
      const std::string& w = wordings[m.phrase];
      const bool short_wording = std::count(w.begin(), w.end(), ' ') < 2;
      // A short form such as "Avis perso." is an opinion marker in "mon avis perso : ...".
      if (nominal_is_opinion_marker(norm.text, m.begin, m.end)) continue;
      if (short_wording && !sentence_ends_after(post, static_cast<uint32_t>(m.end))) continue;
      if (inside_quotation(post, static_cast<uint32_t>(m.begin), static_cast<uint32_t>(m.end))) continue;
      consider(norm.original_begin(m.begin), norm.original_end(m.end), "policy_wording");
    }
  }
  re2::StringPiece input(original.data(), original.size());
  re2::StringPiece match;
  size_t pos = 0;
  if (may_hold_retweet_form(norm.text) &&
      retweet_form().Match(input, pos, original.size(), RE2::UNANCHORED, &match, 1)) {
    const auto b = static_cast<size_t>(match.data() - original.data());
    consider(utf16_offset(original, b), utf16_offset(original, b + match.size()), "retweets_not_endorsements");
  }
  return best;
}

std::string builtin_long(const std::string& lang) {
  return lang == "fr" ? "Ces propos n'engagent que moi." : "Opinions are my own.";
}
std::string builtin_short(const std::string& lang) { return lang == "fr" ? "Avis perso." : "Views my own."; }

std::string pick(const std::map<std::string, std::string>& forms, const std::string& lang, std::string fallback) {
  auto it = forms.find(lang);
  if (it != forms.end() && !it->second.empty()) return it->second;
  return fallback;
}

}  // namespace

std::string proposal_language(std::string_view language, const policy::Policy& policy) {
  std::string lang(language);
  if (lang == "fr" || lang == "en" || (!lang.empty() && policy.disclaimers.count(lang) > 0)) return lang;
  if (!policy.default_language.empty()) return policy.default_language;
  return "en";
}

std::string with_disclaimer(std::string_view original, std::string_view disclaimer) {
  size_t end = original.size();
  while (end > 0 && is_space_byte(original[end - 1])) --end;
  std::string out(original.substr(0, end));
  if (!out.empty()) out += "\n\n";
  out += disclaimer;
  return out;
}

DisclaimerResult check_disclaimer(std::string_view original, const text::NormalizedText& norm, Platform platform,
                                  std::string_view language, const policy::Policy& policy) {
  return check_disclaimer(original, norm, platform, language, policy, PostTokens(original, norm));
}

DisclaimerResult check_disclaimer(std::string_view original, const text::NormalizedText& norm, Platform platform,
                                  std::string_view language, const policy::Policy& policy, const PostTokens& post) {
  LexiconHits alone;
  alone.by_lexicon[static_cast<size_t>(Lexicon::DisclaimerWordings)] = scan_wordings_alone(norm, policy);
  return check_disclaimer(original, norm, platform, language, policy, post, alone);
}

void add_disclaimer_lexicons(const policy::Policy& policy, Lexicons& lexicons) {
  const auto wordings = policy_wordings(policy);
  for (uint32_t i = 0; i < wordings.size(); ++i) lexicons.add(Lexicon::DisclaimerWordings, wordings[i], i);
}

DisclaimerResult check_disclaimer(std::string_view original, const text::NormalizedText& norm, Platform platform,
                                  std::string_view language, const policy::Policy& policy, const PostTokens& post,
                                  const LexiconHits& lexicons) {
  DisclaimerResult r;
  r.language = proposal_language(language, policy);
  r.limit = length_rule(platform).limit;

  if (auto found = find_disclaimer(original, norm, policy, post, lexicons.of(Lexicon::DisclaimerWordings))) {
    r.present = true;
    r.found_start = found->start;
    r.found_end = found->end;
    r.form = "present";
    r.matched = std::move(found->form);
    const auto measured = measure(original, platform);
    r.length = measured.length;
    r.fits = measured.fits;
    return r;
  }

  // Adding a line never shortens a post: when the post alone breaks the rule, so does
  // every proposal (and a megabyte post is not measured three times).
  if (!fits(with_disclaimer(original, ""), platform)) {
    r.form = "none";
    r.fits = false;
    r.length = measure_length(original, platform);
    return r;
  }
  const std::string long_form = pick(policy.disclaimers, r.language, builtin_long(r.language));
  const std::string short_form = pick(policy.short_disclaimers, r.language, builtin_short(r.language));
  for (const auto& [form, name] : {std::pair{long_form, "long"}, std::pair{short_form, "short"}}) {
    std::string proposal = with_disclaimer(original, form);
    const auto measured = measure(proposal, platform);
    if (measured.fits) {
      r.form = name;
      r.fits = true;
      r.length = measured.length;
      r.proposed_text = std::move(proposal);
      return r;
    }
  }
  r.form = "none";
  r.fits = false;
  r.length = measure_length(original, platform);
  return r;
}

}  // namespace ownvoice::checks
