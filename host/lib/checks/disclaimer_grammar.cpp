// The disclaimer grammar's engine (see disclaimer_grammar.hpp). The table is compiled
// once per process: every phrase is normalised and tokenised like a post, and each form
// is indexed by the words it can start with, so a check only tries the forms whose first
// word occurs in the post.
#include "checks/disclaimer_grammar.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <map>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "checks/disclaimer_table.hpp"

namespace ownvoice::checks {
namespace {

// "$company" in the table: a word no post contains, replaced by the company's tokens.
constexpr std::string_view kCompanyMarker = "zzownvoicecompanyzz";

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using WordMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

using Phrase = std::vector<std::string>;

struct WordClass {
  std::string name;
  std::vector<Phrase> phrases;
  WordMap<std::vector<uint16_t>> by_first;  // first word -> phrases starting with it
  std::vector<uint16_t> company_first;      // phrases starting with the company
  WordSet singles;                          // one-word phrases (for NAME*N)
  WordSet firsts;                           // first words (for clause-continuation tests)
};

enum class ElemType : uint8_t {
  Literal,
  Class,
  ClassRepeat,
  Gap,
  Boundary,
  StrictEnd,
  NotBefore,
  NeedBefore,
  AfterClass
};

struct Elem {
  ElemType type = ElemType::Literal;
  std::string literal;
  int cls = -1;
  int max = 1;
  bool optional = false;
};

struct CompiledForm {
  const char* id;
  std::vector<Elem> elems;
};

// Words and clause punctuation are matched; sentence ends only by a literal ("Views? Mine."); promo5: "%"
// too, for "views are 100% my own", "avis 100% perso".
bool matchable(const Token& t) {
  return t.kind == TokenKind::Word || t.kind == TokenKind::Punct || t.kind == TokenKind::SentenceEnd ||
         (t.kind == TokenKind::Other && t.text == "%");
}

// promo5: one typo in a key word of 5 or more letters (one letter left out, added, changed, or two
// neighbours swapped: "opinons", "engagment", "peronal"), or two neighbours swapped in a short key word
// ("onw"). `typed` is the post's word, `key` the grammar's.
bool one_typo(std::string_view typed, std::string_view key) {
  if (typed == key) return false;
  const size_t n = typed.size();
  const size_t m = key.size();
  if (m < 5) {  // short words: a swap of two neighbours only ("onw" for "own")
    if (n != m) return false;
    size_t i = 0;
    while (i < n && typed[i] == key[i]) ++i;
    return i + 1 < n && typed[i] == key[i + 1] && typed[i + 1] == key[i] && typed.substr(i + 2) == key.substr(i + 2);
  }
  if (n + 1 < m || m + 1 < n) return false;
  size_t i = 0;
  while (i < n && i < m && typed[i] == key[i]) ++i;
  if (n == m) {
    if (typed.substr(i + 1) == key.substr(i + 1)) return true;  // one letter changed
    return i + 1 < n && typed[i] == key[i + 1] && typed[i + 1] == key[i] && typed.substr(i + 2) == key.substr(i + 2);
  }
  if (n + 1 == m) return typed.substr(i) == key.substr(i + 1);  // one letter left out
  return typed.substr(i + 1) == key.substr(i);                  // one letter added
}

Phrase phrase_tokens(std::string_view written) {
  std::string s(written);
  for (size_t at = s.find("$company"); at != std::string::npos; at = s.find("$company"))
    s.replace(at, 8, kCompanyMarker);
  const std::string norm = text::normalize_plain(s);
  Phrase out;
  for (const auto& t : tokenize(norm))
    if (matchable(t)) out.emplace_back(t.text);
  return out;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

struct Grammar {
  std::vector<WordClass> classes;
  std::map<std::string, int, std::less<>> class_index;
  std::vector<CompiledForm> forms;
  WordMap<std::vector<uint16_t>> forms_by_first;
  // Cheap tests before the hash lookup: most words of a post anchor no form.
  std::bitset<256> anchor_first_byte;
  std::bitset<256> anchor_last_byte;
  std::bitset<64> anchor_length;
  WordSet hashtags;
  int clause_cont = -1;
  int nominal_cont = -1;
  int report = -1;
  int possessive = -1;
  int third_possessive = -1;
  int reported_by = -1;
  int first_person = -1;
  int reported_after = -1;
  // promo5: the key words a typo is tolerated in (TYPO_KEYS), and a cheap filter on the post's words:
  // a typo leaves the first two or the last two letters of a word of 5 or more letters as they were.
  std::vector<std::string> typo_keys;
  WordSet vocabulary;  // every word the table writes: a word of it is no typo ("view" is not "views" mistyped)
  // Keys by a 12-bit hash of (first two bytes, length) and of (last two bytes, length), as flat tables: the
  // keys of hash h are keys[start[h]..start[h + 1]).
  struct TypoTable {
    std::array<uint16_t, 4097> start{};
    std::vector<uint8_t> keys;
  };
  TypoTable typo_by_prefix;
  TypoTable typo_by_suffix;
  static size_t typo_hash(unsigned char a, unsigned char b, size_t len) {
    return ((static_cast<size_t>(a) * 131U + b) * 31U + len) & 0xFFFU;
  }
  // The key word `w` may be a typo of, if any.
  [[nodiscard]] const std::string* typo_of(std::string_view w) const {
    if (w.size() < 3 || w.size() > 15) return nullptr;
    const auto& p = typo_by_prefix;
    const auto& q = typo_by_suffix;
    const size_t hp = typo_hash(static_cast<unsigned char>(w[0]), static_cast<unsigned char>(w[1]), w.size());
    const size_t hs =
        typo_hash(static_cast<unsigned char>(w[w.size() - 2]), static_cast<unsigned char>(w.back()), w.size());
    for (size_t k = p.start[hp]; k < p.start[hp + 1]; ++k)
      if (one_typo(w, typo_keys[p.keys[k]])) return vocabulary.count(w) > 0 ? nullptr : &typo_keys[p.keys[k]];
    for (size_t k = q.start[hs]; k < q.start[hs + 1]; ++k)
      if (one_typo(w, typo_keys[q.keys[k]])) return vocabulary.count(w) > 0 ? nullptr : &typo_keys[q.keys[k]];
    return nullptr;
  }

  int cls(std::string_view name) const {
    auto it = class_index.find(name);
    if (it == class_index.end()) throw std::logic_error("disclaimer grammar: unknown class " + std::string(name));
    return it->second;
  }

  // The words an element can start with (false when it may match nothing: optional).
  bool add_firsts(const Elem& e, std::vector<std::string>& out) const {
    switch (e.type) {
      case ElemType::Literal: out.push_back(e.literal); return !e.optional;
      case ElemType::Class:
        for (const auto& p : classes[static_cast<size_t>(e.cls)].phrases) out.push_back(p.front());
        return !e.optional;
      default: return false;
    }
  }

  Grammar() {
    for (const auto& c : disclaimer_table::classes()) {
      WordClass wc;
      wc.name = c.name;
      for (auto written : split(c.phrases, '|')) {
        auto p = phrase_tokens(written);
        if (p.empty()) continue;
        const auto idx = static_cast<uint16_t>(wc.phrases.size());
        if (p.front() == kCompanyMarker)
          wc.company_first.push_back(idx);
        else
          wc.by_first[p.front()].push_back(idx);
        if (p.size() == 1) wc.singles.insert(p.front());
        wc.firsts.insert(p.front());
        for (const auto& w : p) vocabulary.insert(w);
        wc.phrases.push_back(std::move(p));
      }
      class_index.emplace(wc.name, static_cast<int>(classes.size()));
      classes.push_back(std::move(wc));
    }
    clause_cont = cls("CLAUSE_CONT");
    nominal_cont = cls("NOMINAL_CONT");
    report = cls("REPORT");
    possessive = cls("POSS");
    third_possessive = cls("THIRD_POSS");
    reported_by = cls("REPORTED_BY");
    first_person = cls("FIRST_PERSON");
    reported_after = cls("REPORTED_AFTER");
    for (const auto& k : classes[static_cast<size_t>(cls("TYPO_KEYS"))].singles) typo_keys.push_back(k);
    std::sort(typo_keys.begin(), typo_keys.end());
    std::array<std::vector<uint8_t>, 4096> by_prefix;
    std::array<std::vector<uint8_t>, 4096> by_suffix;
    for (size_t key_index = 0; key_index < typo_keys.size(); ++key_index) {
      const std::string& key = typo_keys[key_index];
      // A swap in a short word may change both its first and its last two letters: each swapped form is a filter key.
      std::vector<std::string> spelt{key};
      for (size_t i = 0; key.size() < 5 && i + 1 < key.size(); ++i) {
        spelt.push_back(key);
        std::swap(spelt.back()[i], spelt.back()[i + 1]);
      }
      for (const auto& k : spelt) {
        const auto a = static_cast<unsigned char>(k[0]);
        const auto b = static_cast<unsigned char>(k[1]);
        const auto y = static_cast<unsigned char>(k[k.size() - 2]);
        const auto z = static_cast<unsigned char>(k.back());
        for (size_t len = k.size() - (k.size() >= 5 ? 1 : 0); len <= k.size() + (k.size() >= 5 ? 1 : 0); ++len) {
          for (auto [table, h] :
               {std::pair{&by_prefix, typo_hash(a, b, len)}, std::pair{&by_suffix, typo_hash(y, z, len)}}) {
            auto& bucket = (*table)[h];
            if (std::find(bucket.begin(), bucket.end(), key_index) == bucket.end())
              bucket.push_back(static_cast<uint8_t>(key_index));
          }
        }
      }
    }
    for (auto [from, to] : {std::pair{&by_prefix, &typo_by_prefix}, std::pair{&by_suffix, &typo_by_suffix}}) {
      for (size_t h = 0; h < from->size(); ++h) {
        to->start[h] = static_cast<uint16_t>(to->keys.size());
        to->keys.insert(to->keys.end(), (*from)[h].begin(), (*from)[h].end());
      }
      to->start[4096] = static_cast<uint16_t>(to->keys.size());
    }
    for (const auto& f : disclaimer_table::forms()) {
      CompiledForm cf{f.id, {}};
      for (auto part : split(f.elements, ' ')) {
        if (part.empty()) continue;
        Elem e;
        if (part == ">") {
          e.type = ElemType::Boundary;
        } else if (part == ">>") {
          e.type = ElemType::StrictEnd;
        } else if (part.front() == '!' || part.front() == '^' || part.front() == '&') {
          // "!NAME<N": no phrase of NAME among the N words before the form (promo4); "^NAME<N": the form
          // opens its clause, or a phrase of NAME is among the N words before it (promo5).
          const auto lt = part.find('<');
          if (lt == std::string_view::npos)
            throw std::logic_error(std::string("disclaimer grammar: bad element in ") + f.id);
          e.type = part.front() == '!'   ? ElemType::NotBefore
                   : part.front() == '^' ? ElemType::NeedBefore
                                         : ElemType::AfterClass;
          e.cls = cls(part.substr(1, lt - 1));
          e.max = std::atoi(std::string(part.substr(lt + 1)).c_str());
        } else if (part.front() == '~') {
          e.type = ElemType::Gap;
          e.max = std::atoi(std::string(part.substr(1)).c_str());
        } else if (part.front() >= 'A' && part.front() <= 'Z') {
          const auto star = part.find('*');
          if (star != std::string_view::npos) {
            e.type = ElemType::ClassRepeat;
            e.cls = cls(part.substr(0, star));
            e.max = std::atoi(std::string(part.substr(star + 1)).c_str());
          } else {
            e.optional = part.back() == '?';
            e.type = ElemType::Class;
            e.cls = cls(e.optional ? part.substr(0, part.size() - 1) : part);
          }
        } else {
          e.optional = part.size() > 1 && part.back() == '?';
          auto word = phrase_tokens(e.optional ? part.substr(0, part.size() - 1) : part);
          // A written word the tokeniser splits ("n'appartiennent") becomes several literals.
          for (size_t k = 0; k < word.size(); ++k) {
            Elem lit;
            lit.type = ElemType::Literal;
            lit.literal = word[k];
            vocabulary.insert(word[k]);
            lit.optional = e.optional;
            cf.elems.push_back(std::move(lit));
          }
          continue;
        }
        cf.elems.push_back(std::move(e));
      }
      std::vector<std::string> firsts;
      if (cf.elems.empty() || !add_firsts(cf.elems.front(), firsts))
        throw std::logic_error(std::string("disclaimer grammar: form without an anchor: ") + f.id);
      const auto idx = static_cast<uint16_t>(forms.size());
      std::sort(firsts.begin(), firsts.end());
      firsts.erase(std::unique(firsts.begin(), firsts.end()), firsts.end());
      for (auto& w : firsts) {
        anchor_first_byte.set(static_cast<unsigned char>(w.front()));
        anchor_last_byte.set(static_cast<unsigned char>(w.back()));
        anchor_length.set(std::min<size_t>(w.size(), 63));
        forms_by_first[w].push_back(idx);
      }
      forms.push_back(std::move(cf));
    }
    for (const auto& h : disclaimer_table::hashtag_parts()) {
      for (auto who : split(h.who, '|'))
        for (auto what : split(h.what, '|'))
          for (auto be : split(h.be, '|'))
            for (auto mine : split(h.mine, '|'))
              hashtags.insert(std::string(who) + std::string(what) + std::string(be) + std::string(mine));
    }
    for (auto whole : split(disclaimer_table::hashtag_whole(), '|')) hashtags.insert(std::string(whole));
  }
};

const Grammar& grammar() {
  static const Grammar g;
  return g;
}

class Matcher {
 public:
  Matcher(const Grammar& g, const PostTokens& post, const Phrase& company)
      : g_(g), post_(post), t_(post.tokens()), company_(company) {}

  bool phrase_at(const Phrase& ph, size_t i, size_t& end) const {
    size_t j = i;
    for (const auto& w : ph) {
      if (w == kCompanyMarker) {
        if (company_.empty()) return false;
        for (const auto& cw : company_) {
          if (j >= t_.size() || !matchable(t_[j]) || word(j) != cw) return false;
          ++j;
        }
        continue;
      }
      if (j >= t_.size() || !matchable(t_[j]) || word(j) != w) return false;
      ++j;
    }
    end = j;
    return true;
  }

  // Does class `cls` hold a phrase at token i? (any of them; `fn` decides whether to go on)
  template <typename F>
  bool each_phrase(int cls, size_t i, F&& fn) const {
    if (i >= t_.size() || !matchable(t_[i])) return false;
    const auto& c = g_.classes[static_cast<size_t>(cls)];
    size_t end = 0;
    if (auto it = c.by_first.find(word(i)); it != c.by_first.end())
      for (auto p : it->second)
        if (phrase_at(c.phrases[p], i, end) && fn(end)) return true;
    for (auto p : c.company_first)
      if (phrase_at(c.phrases[p], i, end) && fn(end)) return true;
    return false;
  }

  bool starts_with_class_word(int cls, size_t i) const {
    return t_[i].kind == TokenKind::Word && g_.classes[static_cast<size_t>(cls)].firsts.count(word(i)) > 0;
  }

  // A clause ends before token i: end of post, a line break, any symbol, or a word that
  // goes on without adding to the phrase ("and", "not", "only").
  bool boundary(size_t i) const {
    if (i >= t_.size() || post_.line_break_before(i)) return true;
    if (t_[i].kind != TokenKind::Word) return true;
    return starts_with_class_word(g_.clause_cont, i);
  }
  // The sentence or line ends before token i ("Avis perso." but not "avis perso : ...").
  bool strict_end(size_t i) const {
    if (i >= t_.size() || post_.line_break_before(i)) return true;
    switch (t_[i].kind) {
      case TokenKind::SentenceEnd:
      case TokenKind::QuoteClose:
      case TokenKind::Hashtag:
      case TokenKind::Other: return true;
      case TokenKind::Punct: return t_[i].text == ")" || t_[i].text == "]";
      default: return starts_with_class_word(g_.nominal_cont, i);
    }
  }

  bool match(const CompiledForm& f, size_t ei, size_t i, size_t& end) const {
    if (ei == f.elems.size()) {
      end = i;
      return true;
    }
    const Elem& e = f.elems[ei];
    switch (e.type) {
      case ElemType::Literal:
        if (i < t_.size() && matchable(t_[i]) && word(i) == e.literal && match(f, ei + 1, i + 1, end)) return true;
        return e.optional && match(f, ei + 1, i, end);
      case ElemType::Class:
        if (each_phrase(e.cls, i, [&](size_t after) { return match(f, ei + 1, after, end); })) return true;
        return e.optional && match(f, ei + 1, i, end);
      case ElemType::ClassRepeat: {
        const auto& singles = g_.classes[static_cast<size_t>(e.cls)].singles;
        for (int k = 0;; ++k) {
          if (match(f, ei + 1, i + static_cast<size_t>(k), end)) return true;
          const size_t j = i + static_cast<size_t>(k);
          if (k >= e.max || j >= t_.size() || !matchable(t_[j]) || singles.count(word(j)) == 0) return false;
        }
      }
      case ElemType::Gap:
        for (int k = 0;; ++k) {
          if (match(f, ei + 1, i + static_cast<size_t>(k), end)) return true;
          const size_t j = i + static_cast<size_t>(k);
          if (k >= e.max || j >= t_.size() || (t_[j].kind != TokenKind::Word && t_[j].kind != TokenKind::Punct))
            return false;
        }
      case ElemType::Boundary: return boundary(i) && match(f, ei + 1, i, end);
      case ElemType::StrictEnd: return (!after_possessive() || strict_end(i)) && match(f, ei + 1, i, end);
      case ElemType::NotBefore: return !class_before(e.cls, static_cast<size_t>(e.max)) && match(f, ei + 1, i, end);
      case ElemType::AfterClass:
        return class_in_sentence_before(e.cls, static_cast<size_t>(e.max)) && match(f, ei + 1, i, end);
      case ElemType::NeedBefore:
        return (opens_clause() || class_in_sentence_before(e.cls, static_cast<size_t>(e.max))) &&
               match(f, ei + 1, i, end);
    }
    return false;
  }

  // The form being tried starts at token `i` (for the nominal rule).
  void start_at(size_t i) const { start_ = i; }
  // promo5: tokens read as key words (typos tolerated), for one pass of the forms.
  void read_as(std::vector<std::pair<size_t, std::string_view>> typos) const { typos_ = std::move(typos); }
  [[nodiscard]] std::string_view word(size_t i) const {
    if (typos_.empty()) [[likely]]
      return t_[i].text;
    for (const auto& [at, w] : typos_)
      if (at == i) return w;
    return t_[i].text;
  }
  // The form starts its sentence or a parenthesis: a sentence end, a quote, a bracket, an emoji or a line break
  // before it ("(mine, not my employer's)", "Mine, not my employer's").
  [[nodiscard]] bool opens_clause() const {
    if (start_ == 0 || post_.line_break_before(start_)) return true;
    const Token& before = t_[start_ - 1];
    switch (before.kind) {
      case TokenKind::Word: return false;
      // ", pas celle de mon équipe" goes on with what came before ("la faute était la mienne")
      case TokenKind::Punct: return before.text == "(" || before.text == "[";
      default: return true;
    }
  }
  bool after_possessive() const {
    return start_ > 0 && t_[start_ - 1].kind == TokenKind::Word &&
           g_.classes[static_cast<size_t>(g_.possessive)].singles.count(t_[start_ - 1].text) > 0;
  }

  // A phrase of `cls` starts among the n words before the form's start, in the same clause: the
  // look-back stops at any token that is not a word and at a line break ("cette décision n'engage
  // pas l'entreprise": the subject is a decision, not what the author writes).
  bool class_before(int cls, size_t n) const {
    size_t i = start_;
    for (size_t k = 0; k < n && i > 0; ++k) {
      if (post_.line_break_before(i)) return false;
      --i;
      if (t_[i].kind != TokenKind::Word) return false;
      if (each_phrase(cls, i, [&](size_t after) { return after <= start_; })) return true;
    }
    return false;
  }

  // promo5: a phrase of `cls` starts among the n words before the form's start, in its sentence (commas crossed:
  // "Mes opinions, pas celles de mon employeur").
  bool class_in_sentence_before(int cls, size_t n) const {
    size_t i = start_;
    for (size_t k = 0; k < n && i > 0;) {
      if (post_.line_break_before(i)) return false;
      --i;
      if (t_[i].kind == TokenKind::Punct) continue;
      if (t_[i].kind != TokenKind::Word) return false;
      ++k;
      if (each_phrase(cls, i, [&](size_t after) { return after <= start_; })) return true;
    }
    return false;
  }

  bool hashtag(const Token& t) const {
    return g_.hashtags.count(t.joined.empty() ? t.text : std::string_view(t.joined)) > 0;
  }

  // A phrase of `cls` anywhere in tokens [from, to).
  bool class_in(int cls, size_t from, size_t to) const {
    size_t end = 0;
    for (size_t i = from; i < to && i < t_.size(); ++i)
      if (each_phrase(cls, i, [&](size_t after) { return (end = after), true; })) return true;
    return false;
  }

 private:
  const Grammar& g_;
  const PostTokens& post_;
  const std::vector<Token>& t_;
  const Phrase& company_;
  mutable size_t start_ = 0;
  mutable std::vector<std::pair<size_t, std::string_view>> typos_;
};

size_t token_at(const std::vector<Token>& t, uint32_t byte) {
  auto it = std::lower_bound(t.begin(), t.end(), byte, [](const Token& tok, uint32_t b) { return tok.end <= b; });
  return static_cast<size_t>(it - t.begin());
}

}  // namespace

PostTokens::PostTokens(std::string_view original, const text::NormalizedText& norm)
    : original_(original), norm_(norm), tokens_(tokenize(norm.text)) {}

std::vector<bool> PostTokens::line_starts() const {
  std::vector<bool> out(tokens_.size(), false);
  const auto breaks = line_breaks_utf16(original_);
  size_t b = 0;
  for (size_t i = 1; i < tokens_.size() && b < breaks.size(); ++i) {
    const uint32_t to = norm_.original_begin(tokens_[i].begin);
    if (breaks[b] >= to) continue;
    const uint32_t from = norm_.original_end(tokens_[i - 1].end);
    while (b < breaks.size() && breaks[b] < from) ++b;
    if (b < breaks.size() && breaks[b] < to) out[i] = true;
    while (b < breaks.size() && breaks[b] < to) ++b;
  }
  return out;
}

bool PostTokens::line_break_before(size_t i) const {
  if (i == 0 || i >= tokens_.size()) return false;
  if (!breaks_ready_) {
    breaks_ = line_breaks_utf16(original_);
    breaks_ready_ = true;
  }
  if (breaks_.empty()) return false;
  const uint32_t from = norm_.original_end(tokens_[i - 1].end);
  const uint32_t to = norm_.original_begin(tokens_[i].begin);
  auto it = std::lower_bound(breaks_.begin(), breaks_.end(), from);
  return it != breaks_.end() && *it < to;
}

bool inside_quotation(const PostTokens& post, uint32_t b, uint32_t e) {
  const auto& t = post.tokens();
  const size_t first = token_at(t, b);
  // The nearest opening quote before the span, with no closing one between them.
  size_t open = t.size();
  for (size_t i = first; i-- > 0;) {
    if (t[i].kind == TokenKind::QuoteClose) return false;
    if (t[i].kind == TokenKind::QuoteOpen) {
      open = i;
      break;
    }
  }
  if (open == t.size()) return false;
  size_t close = token_at(t, e);
  while (close < t.size() && t[close].kind != TokenKind::QuoteClose) {
    if (t[close].kind == TokenKind::QuoteOpen) return false;
    ++close;
  }
  if (close >= t.size()) return false;  // an unclosed quote: not a quotation we can trust

  static const Phrase no_company;
  const Matcher m(grammar(), post, no_company);
  const size_t window = 6;
  const size_t before = open > window ? open - window : 0;
  bool attributed =
      m.class_in(grammar().report, before, open) || m.class_in(grammar().report, close + 1, close + 1 + window);
  // "— Jane Doe" or "@someone" right after the quotation.
  if (close + 2 < t.size() + 1 && close + 1 < t.size()) {
    const auto& next = t[close + 1];
    if (next.kind == TokenKind::Punct && next.text == "-" && close + 2 < t.size() &&
        t[close + 2].kind == TokenKind::Word)
      attributed = true;
    if (next.kind == TokenKind::Other && next.text == "@") attributed = true;
  }
  if (attributed) return true;
  // Not attributed: the author's own line when the quotation stands alone as a sentence.
  auto edge = [&](size_t i) {
    return t[i].kind == TokenKind::SentenceEnd || t[i].kind == TokenKind::Hashtag || t[i].kind == TokenKind::Other;
  };
  const bool alone_before = open == 0 || post.line_break_before(open) || edge(open - 1);
  const bool alone_after = close + 1 >= t.size() || post.line_break_before(close + 1) || edge(close + 1);
  return !(alone_before && alone_after);
}

bool sentence_ends_after(const PostTokens& post, uint32_t e) {
  static const Phrase no_company;
  const Matcher m(grammar(), post, no_company);
  return m.strict_end(token_at(post.tokens(), e));
}

namespace {

// promo5: the form speaks of someone else's views: a third-person possessive just before it ("his personal
// views and not the council's", "son avis perso"), or a verb of report with a third-person subject earlier in
// its sentence, with no quotation marks ("The spokesperson said the comments were personal views", "selon son
// avocat, ces propos n'engagent pas son employeur"); "as I said, views are my own" is the author's.
bool reported_of_someone_else(const Matcher& m, const Grammar& g, const PostTokens& post, size_t start, size_t end) {
  const auto& t = post.tokens();
  auto first_person = [&](size_t k) {
    return t[k].kind == TokenKind::Word && g.classes[static_cast<size_t>(g.first_person)].singles.count(t[k].text) > 0;
  };
  // The report after the form, in its sentence: "..., a précisé son avocat", "..., a-t-il ajouté", "..., the
  // spokesperson said"; not "..., as I said".
  {
    constexpr size_t kLookAhead = 20;
    size_t words = 0;
    for (size_t k = end; k < t.size() && words < kLookAhead; ++k) {
      if (post.line_break_before(k) || t[k].kind == TokenKind::SentenceEnd || t[k].kind == TokenKind::QuoteOpen ||
          t[k].kind == TokenKind::QuoteClose)
        break;
      if (t[k].kind != TokenKind::Word) continue;
      ++words;
      size_t after = 0;
      if (!m.each_phrase(g.reported_after, k, [&](size_t a) { return (after = a), true; })) continue;
      bool mine = after < t.size() && first_person(after);
      for (size_t b = k, n = 0; b > end && n < 3 && !mine; ++n) mine = first_person(--b);
      if (!mine) return true;
      break;
    }
  }
  if (start > 0 && t[start - 1].kind == TokenKind::Word && !post.line_break_before(start) &&
      g.classes[static_cast<size_t>(g.third_possessive)].singles.count(t[start - 1].text) > 0)
    return true;
  constexpr size_t kLookBack = 24;
  size_t i = start;
  for (size_t k = 0; k < kLookBack && i > 0; ++k) {
    if (post.line_break_before(i)) return false;
    --i;
    if (t[i].kind == TokenKind::SentenceEnd || t[i].kind == TokenKind::QuoteOpen || t[i].kind == TokenKind::QuoteClose)
      return false;
    if (t[i].kind != TokenKind::Word) continue;
    if (!m.each_phrase(g.reported_by, i, [&](size_t after) { return after <= start; })) continue;
    // The author reporting themself: "as I said", "comme je l'ai dit", "I told my boss".
    for (size_t b = i, n = 0; b > 0 && n < 3; ++n) {
      --b;
      if (t[b].kind != TokenKind::Word) break;
      if (first_person(b)) return false;
    }
    return true;
  }
  return false;
}

// Tries every form anchored at the tokens [from, to); a match must cover token `must` when it is set.
std::optional<GrammarMatch> match_forms(const Grammar& g, const Matcher& m, const PostTokens& post, size_t from,
                                        size_t to, size_t must) {
  const auto& t = post.tokens();
  for (size_t i = from; i < to && i < t.size(); ++i) {
    if (t[i].kind == TokenKind::Hashtag) {
      if (must == SIZE_MAX && m.hashtag(t[i]) && !inside_quotation(post, t[i].begin, t[i].end))
        return GrammarMatch{t[i].begin, t[i].end, "hashtag"};
      continue;
    }
    const auto w = m.word(i);
    if (!matchable(t[i]) || !g.anchor_length.test(std::min<size_t>(w.size(), 63)) ||
        !g.anchor_first_byte.test(static_cast<unsigned char>(w.front())) ||
        !g.anchor_last_byte.test(static_cast<unsigned char>(w.back())))
      continue;
    auto it = g.forms_by_first.find(w);
    if (it == g.forms_by_first.end()) continue;
    m.start_at(i);
    for (auto fi : it->second) {
      size_t end = 0;
      if (!m.match(g.forms[fi], 0, i, end) || end <= i || (must != SIZE_MAX && end <= must)) continue;
      const GrammarMatch found{t[i].begin, t[end - 1].end, g.forms[fi].id};
      if (inside_quotation(post, found.begin, found.end)) continue;
      if (reported_of_someone_else(m, g, post, i, end)) continue;
      return found;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<GrammarMatch> find_disclaimer_form(const PostTokens& post, std::string_view company) {
  const Grammar& g = grammar();
  Phrase company_tokens;
  if (!company.empty()) company_tokens = phrase_tokens(company);
  const Matcher m(g, post, company_tokens);
  const auto& t = post.tokens();
  if (auto found = match_forms(g, m, post, 0, t.size(), SIZE_MAX)) return found;
  // promo5: none as written; then each word that is one typo away from a key word of 5 or more letters
  // ("opinons", "n'engagnet", "prso"), read as that word while the rest of a form matches as written; a swap
  // of two letters in a short key word ("my onw") is read with it, and alone.
  constexpr size_t kBack = 12;  // a form covering the typo starts at most this many tokens before it
  std::vector<std::pair<size_t, const std::string*>> typos;
  for (size_t i = 0; i < t.size(); ++i)
    if (t[i].kind == TokenKind::Word)
      if (const std::string* key = g.typo_of(t[i].text)) typos.emplace_back(i, key);
  for (const auto& [i, key] : typos) {
    std::vector<std::pair<size_t, std::string_view>> read{{i, *key}};
    if (key->size() >= 5)
      for (const auto& [j, other] : typos)
        if (other->size() < 5 && j + kBack >= i && j <= i + kBack) read.emplace_back(j, *other);
    m.read_as(std::move(read));
    auto found = match_forms(g, m, post, i > kBack ? i - kBack : 0, i + 1, i);
    m.read_as({});
    if (found) return found;
  }
  return std::nullopt;
}

}  // namespace ownvoice::checks
