// PhraseMatcher: an Aho-Corasick automaton over "compact" phrases (normalised, with the
// word separators ' ', '-' and '_' removed). The text is fed to it with its separators
// skipped too, so one pass finds "projet edelweiss", "projet-edelweiss" and
// "projetedelweiss" alike; each candidate is then checked against the word rules:
//   (a) the character before the match and (unless the phrase is a prefix "acqui*") the
//       one after it are not word characters;
//   (b) a separator skipped inside the match may only sit where the phrase has a word
//       break ("Ori on" is not "Orion").
// Memory: one node per distinct phrase prefix, edges in one sorted array, and a dense
// 256-entry table for the root only (where a scan spends most of its time).
#include "text/phrase_matcher.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <queue>
#include <stdexcept>

namespace ownvoice::text {
namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

bool is_separator(char c) { return c == ' ' || c == '-' || c == '_'; }

struct Node {
  uint32_t edge_begin = 0;
  uint32_t edge_count = 0;
  uint32_t fail = 0;
  uint32_t out = kNone;   // first entry in `outputs` for phrases ending here
  uint32_t dict = kNone;  // nearest state on the fail chain with outputs
  uint32_t dense = kNone; // row in Impl::dense for shallow states (a full DFA row)
  uint32_t depth = 0;
};

// States up to this depth get a full DFA row over the phrase alphabet: a scan spends
// nearly all its time there, and their many children made edge searches the hot spot.
constexpr uint32_t kDenseDepth = 2;

struct Edge {
  uint8_t label;
  uint32_t target;
};

struct Output {
  uint32_t phrase;
  uint32_t next;
};

struct Phrase {
  uint32_t compact_len = 0;
  bool prefix = false;
  std::vector<uint16_t> breaks;  // compact offsets where a new word of the phrase starts
};

// Code point that ends just before byte `pos` (pos > 0).
char32_t codepoint_before(const std::string& s, size_t pos) {
  size_t b = pos - 1;
  while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  char32_t cp = 0;
  decode_utf8(s, b, cp);
  return cp;
}

}  // namespace

struct PhraseMatcher::Impl {
  // Build-time trie (children per node); flattened into nodes/edges by build().
  std::vector<std::vector<Edge>> children{1};
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  std::vector<Output> outputs;
  std::vector<uint32_t> terminal_of_phrase;  // build time: node where each phrase ends
  std::vector<Phrase> phrases;
  std::array<uint32_t, 256> root_next{};
  std::array<uint8_t, 256> byte_class{};  // 0: a byte no phrase contains
  uint32_t classes = 1;
  std::vector<uint32_t> dense;            // rows of `classes` targets
  bool built = false;

  uint32_t next(uint32_t state, uint8_t c) const {
    const uint32_t cls = byte_class[c];
    if (cls == 0) return 0;
    while (true) {
      const Node& n = nodes[state];
      if (n.dense != kNone) return dense[n.dense * classes + cls];
      const uint32_t t = child(state, c);
      if (t != kNone) return t;
      if (state == 0) return 0;
      state = n.fail;
    }
  }

  uint32_t child(uint32_t state, uint8_t c) const {
    const Node& n = nodes[state];
    const Edge* e = edges.data() + n.edge_begin;
    if (n.edge_count <= 8) {
      for (uint32_t i = 0; i < n.edge_count; ++i)
        if (e[i].label == c) return e[i].target;
      return kNone;
    }
    const Edge* end = e + n.edge_count;
    const Edge* it = std::lower_bound(e, end, c, [](const Edge& x, uint8_t v) { return x.label < v; });
    return (it != end && it->label == c) ? it->target : kNone;
  }
};

PhraseMatcher::PhraseMatcher() : impl_(std::make_unique<Impl>()) {}
PhraseMatcher::~PhraseMatcher() = default;
PhraseMatcher::PhraseMatcher(PhraseMatcher&&) noexcept = default;
PhraseMatcher& PhraseMatcher::operator=(PhraseMatcher&&) noexcept = default;

uint32_t PhraseMatcher::add(std::string_view raw) {
  if (impl_->built) throw std::logic_error("PhraseMatcher::add after build");
  std::string norm = normalize_plain(raw);
  Phrase phrase;
  if (!norm.empty() && norm.back() == '*') {
    phrase.prefix = true;
    norm.pop_back();
  }
  std::string compact;
  bool at_break = false;
  for (char c : norm) {
    if (is_separator(c)) {
      at_break = !compact.empty();
      continue;
    }
    if (at_break) {
      phrase.breaks.push_back(static_cast<uint16_t>(compact.size()));
      at_break = false;
    }
    compact.push_back(c);
  }
  if (compact.empty() || compact.size() > std::numeric_limits<uint16_t>::max()) return kNone;
  phrase.compact_len = static_cast<uint32_t>(compact.size());

  auto& ch = impl_->children;
  uint32_t state = 0;
  for (char cc : compact) {
    const auto c = static_cast<uint8_t>(cc);
    uint32_t next = kNone;
    for (const Edge& e : ch[state])
      if (e.label == c) next = e.target;
    if (next == kNone) {
      next = static_cast<uint32_t>(ch.size());
      ch[state].push_back(Edge{c, next});
      ch.emplace_back();
    }
    state = next;
  }
  impl_->phrases.push_back(std::move(phrase));
  impl_->terminal_of_phrase.push_back(state);
  return static_cast<uint32_t>(impl_->phrases.size() - 1);
}

void PhraseMatcher::build() {
  Impl& m = *impl_;
  if (m.built) return;
  const size_t count = m.children.size();
  m.nodes.assign(count, Node{});
  m.edges.clear();
  for (size_t s = 0; s < count; ++s) {
    auto& kids = m.children[s];
    std::sort(kids.begin(), kids.end(), [](const Edge& a, const Edge& b) { return a.label < b.label; });
    m.nodes[s].edge_begin = static_cast<uint32_t>(m.edges.size());
    m.nodes[s].edge_count = static_cast<uint32_t>(kids.size());
    m.edges.insert(m.edges.end(), kids.begin(), kids.end());
  }
  for (uint32_t p = 0; p < m.phrases.size(); ++p) {
    Node& n = m.nodes[m.terminal_of_phrase[p]];
    m.outputs.push_back(Output{p, n.out});
    n.out = static_cast<uint32_t>(m.outputs.size() - 1);
  }
  // Breadth-first: fail links and dictionary links.
  m.root_next.fill(0);
  m.byte_class.fill(0);
  m.classes = 1;
  for (const Edge& e : m.edges)
    if (m.byte_class[e.label] == 0) m.byte_class[e.label] = static_cast<uint8_t>(std::min<uint32_t>(m.classes++, 255));
  std::vector<uint8_t> class_byte(m.classes, 0);
  for (unsigned b = 0; b < 256; ++b)
    if (m.byte_class[b] != 0) class_byte[m.byte_class[b]] = static_cast<uint8_t>(b);
  std::queue<uint32_t> queue;
  std::vector<uint32_t> order;  // breadth-first order, for the dense rows
  for (uint32_t i = 0; i < m.nodes[0].edge_count; ++i) {
    const Edge& e = m.edges[m.nodes[0].edge_begin + i];
    m.root_next[e.label] = e.target;
    m.nodes[e.target].fail = 0;
    m.nodes[e.target].depth = 1;
    queue.push(e.target);
  }
  while (!queue.empty()) {
    const uint32_t s = queue.front();
    queue.pop();
    for (uint32_t i = 0; i < m.nodes[s].edge_count; ++i) {
      const Edge e = m.edges[m.nodes[s].edge_begin + i];
      uint32_t f = m.nodes[s].fail;
      uint32_t target = kNone;
      while (true) {
        target = f == 0 ? m.root_next[e.label] : m.child(f, e.label);
        if (target != kNone || f == 0) break;
        f = m.nodes[f].fail;
      }
      if (target == kNone || target == e.target) target = 0;
      m.nodes[e.target].fail = target;
      m.nodes[e.target].dict = m.nodes[target].out != kNone ? target : m.nodes[target].dict;
      m.nodes[e.target].depth = m.nodes[s].depth + 1;
      queue.push(e.target);
    }
    order.push_back(s);
  }
  // Full DFA rows for the root and shallow states, in breadth-first order so that a
  // state's fail target (always shallower) already has its row.
  if (m.classes < 256) {
    auto add_row = [&m, &class_byte](uint32_t s) {
      m.nodes[s].dense = static_cast<uint32_t>(m.dense.size() / m.classes);
      m.dense.resize(m.dense.size() + m.classes, 0);
      const size_t row = static_cast<size_t>(m.nodes[s].dense) * m.classes;
      for (uint32_t cls = 1; cls < m.classes; ++cls) {
        const uint8_t b = class_byte[cls];
        uint32_t t = s == 0 ? m.root_next[b] : m.child(s, b);
        if (t == kNone) t = m.dense[static_cast<size_t>(m.nodes[m.nodes[s].fail].dense) * m.classes + cls];
        m.dense[row + cls] = t;
      }
    };
    add_row(0);
    for (uint32_t s : order)
      if (m.nodes[s].depth <= kDenseDepth) add_row(s);
  }
  m.children.clear();
  m.children.shrink_to_fit();
  m.terminal_of_phrase.clear();
  m.terminal_of_phrase.shrink_to_fit();
  m.built = true;
}

size_t PhraseMatcher::phrase_count() const { return impl_->phrases.size(); }

size_t PhraseMatcher::memory_bytes() const {
  const Impl& m = *impl_;
  size_t bytes = m.nodes.capacity() * sizeof(Node) + m.edges.capacity() * sizeof(Edge) +
                 m.outputs.capacity() * sizeof(Output) + sizeof(m.root_next) + m.dense.capacity() * sizeof(uint32_t);
  for (const auto& p : m.phrases) bytes += sizeof(Phrase) + p.breaks.capacity() * sizeof(uint16_t);
  return bytes;
}

std::vector<PhraseMatch> PhraseMatcher::find_all(const NormalizedText& text) const {
  std::vector<PhraseMatch> out;
  for_each(text, [&out](const PhraseMatch& m) {
    out.push_back(m);
    return true;
  });
  return out;
}

void PhraseMatcher::scan(const NormalizedText& text, bool (*cb)(void*, const PhraseMatch&), void* ctx) const {
  const Impl& m = *impl_;
  if (!m.built) throw std::logic_error("PhraseMatcher::scan before build");
  if (m.phrases.empty()) return;
  const std::string& s = text.text;
  const auto& compact = text.compact();
  const std::vector<uint32_t>& cpos = compact.pos;
  const std::vector<uint8_t>& sep_before = compact.sep_before;
  const size_t n_compact = compact.bytes.size();

  uint32_t state = 0;
  for (size_t k = 0; k < n_compact; ++k) {
    state = m.next(state, static_cast<uint8_t>(compact.bytes[k]));
    uint32_t hit = m.nodes[state].out != kNone ? state : m.nodes[state].dict;
    if (hit == kNone) continue;
    const size_t i = cpos[k];  // normalised index of the match's last byte
    for (; hit != kNone; hit = m.nodes[hit].dict) {
      for (uint32_t o = m.nodes[hit].out; o != kNone; o = m.outputs[o].next) {
        const uint32_t pid = m.outputs[o].phrase;
        const Phrase& p = m.phrases[pid];
        const size_t st = k + 1 - p.compact_len;
        const size_t b = cpos[st];
        size_t e = i + 1;
        // (a) word boundary before
        if (b > 0 && is_word_codepoint(codepoint_before(s, b))) continue;
        // (b) separators inside the match only at the phrase's word breaks
        bool ok = true;
        size_t next_break = 0;
        for (size_t j = st + 1; j <= k && ok; ++j) {
          if (!sep_before[j]) continue;
          const auto off = static_cast<uint16_t>(j - st);
          while (next_break < p.breaks.size() && p.breaks[next_break] < off) ++next_break;
          ok = next_break < p.breaks.size() && p.breaks[next_break] == off;
        }
        if (!ok) continue;
        // (a) word boundary after, or a prefix phrase runs to the end of its word
        if (e < s.size()) {
          char32_t after = 0;
          const size_t n = decode_utf8(s, e, after);
          if (is_word_codepoint(after)) {
            if (!p.prefix) continue;
            e += n;
            while (e < s.size()) {
              const size_t n2 = decode_utf8(s, e, after);
              if (!is_word_codepoint(after)) break;
              e += n2;
            }
          }
        }
        if (!cb(ctx, PhraseMatch{pid, b, e})) return;
      }
    }
  }
}

}  // namespace ownvoice::text

namespace ownvoice::text {

const CachedMatcher& cached_matcher(const std::vector<std::string>& phrases) {
  // Keyed by the phrases themselves; a handful of lists per policy, so a tiny cache.
  thread_local std::vector<std::pair<std::vector<std::string>, std::unique_ptr<CachedMatcher>>> cache;
  for (const auto& [key, value] : cache)
    if (key == phrases) return *value;
  if (cache.size() >= 16) cache.erase(cache.begin());
  auto entry = std::make_unique<CachedMatcher>();
  for (uint32_t i = 0; i < phrases.size(); ++i)
    if (entry->matcher.add(phrases[i]) != kNone) entry->input_of.push_back(i);
  entry->matcher.build();
  cache.emplace_back(phrases, std::move(entry));
  return *cache.back().second;
}

}  // namespace ownvoice::text
