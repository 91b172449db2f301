// PhraseMatcher: an Aho-Corasick automaton over "compact" phrases (normalised, with the
// word separators ' ', '-' and '_' removed). The text is fed to it with its separators
// skipped too, so one pass finds "projet edelweiss", "projet-edelweiss" and
// "projetedelweiss" alike; each candidate is then checked against the word rules:
//   (a) the character before the match and (unless the phrase is a prefix "acqui*") the
//       one after it are not word characters;
//   (b) a separator skipped inside the match may only sit where the phrase has a word
//       break ("Ori on" is not "Orion").
// Memory: one node per distinct phrase prefix, numbered breadth-first (the shallow states
// a scan visits most sit together), and full DFA rows for the root and the states of
// depth <= 2 (where a scan spends most of its time). Breadth-first, a node's children are
// consecutive states in label order, so an edge is just its label: `labels[s]` is the
// byte that leads into state s, and a node keeps only its first child and their count.
// Build: the compact phrases are sorted, so each one shares a known prefix with the one
// before it and the trie grows along that path without searching any node's children.
#include "text/phrase_matcher.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <mutex>
#include <limits>
#include <stdexcept>

namespace ownvoice::text {
namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

bool is_separator(char c) { return c == ' ' || c == '-' || c == '_'; }

struct Node {
  uint32_t first_child = 0;  // children are states [first_child, first_child + child_count)
  uint32_t child_count = 0;
  uint32_t fail = 0;
  uint32_t out = kNone;   // first entry in `outputs` for phrases ending here
  uint32_t dict = kNone;  // nearest state on the fail chain with outputs
};

// States up to this depth get a full DFA row over the phrase alphabet: a scan spends
// nearly all its time there, and their many children made edge searches the hot spot.
constexpr uint32_t kDenseDepth = 2;

struct Output {
  uint32_t phrase;
  uint32_t next;
};

struct Phrase {
  uint32_t compact_len = 0;
  uint32_t breaks_begin = 0;  // into Impl::breaks: compact offsets where a new word starts
  uint16_t breaks_count = 0;
  bool prefix = false;
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
  // Build time only: each phrase's compact form, all in one string (cleared by build()).
  std::string compact_text;
  std::vector<uint32_t> compact_begin;
  std::vector<Node> nodes;
  std::vector<uint8_t> labels;  // labels[s]: the byte on the edge into state s
  std::vector<Output> outputs;
  std::vector<Phrase> phrases;
  std::vector<uint16_t> breaks;  // every phrase's word breaks, one after the other
  std::array<uint32_t, 256> root_next{};
  std::array<uint8_t, 256> byte_class{};  // 0: a byte no phrase contains
  uint32_t classes = 1;
  std::vector<uint32_t> dense;  // rows of `classes` targets
  uint32_t dense_states = 0;    // states [0, dense_states) have a full row each, row = state
  bool built = false;

  uint32_t next(uint32_t state, uint8_t c) const {
    const uint32_t cls = byte_class[c];
    if (cls == 0) return 0;
    while (true) {
      if (state < dense_states) return dense[static_cast<size_t>(state) * classes + cls];
      const uint32_t t = child(state, c);
      if (t != kNone) return t;
      if (state == 0) return 0;
      state = nodes[state].fail;
    }
  }

  uint32_t child(uint32_t state, uint8_t c) const {
    const Node& n = nodes[state];
    const uint8_t* first = labels.data() + n.first_child;
    if (n.child_count <= 8) {
      for (uint32_t i = 0; i < n.child_count; ++i)
        if (first[i] == c) return n.first_child + i;
      return kNone;
    }
    const uint8_t* end = first + n.child_count;
    const uint8_t* it = std::lower_bound(first, end, c);
    return (it != end && *it == c) ? n.first_child + static_cast<uint32_t>(it - first) : kNone;
  }
};

PhraseMatcher::PhraseMatcher() : impl_(std::make_unique<Impl>()) {}
PhraseMatcher::~PhraseMatcher() = default;
PhraseMatcher::PhraseMatcher(PhraseMatcher&&) noexcept = default;
PhraseMatcher& PhraseMatcher::operator=(PhraseMatcher&&) noexcept = default;

uint32_t PhraseMatcher::add(std::string_view raw) {
  Impl& m = *impl_;
  if (m.built) throw std::logic_error("PhraseMatcher::add after build");
  std::string norm = normalize_plain(raw);
  Phrase phrase;
  if (!norm.empty() && norm.back() == '*') {
    phrase.prefix = true;
    norm.pop_back();
  }
  const size_t text_begin = m.compact_text.size();
  const size_t breaks_begin = m.breaks.size();
  bool at_break = false;
  for (char c : norm) {
    if (is_separator(c)) {
      at_break = m.compact_text.size() != text_begin;
      continue;
    }
    if (at_break) {
      m.breaks.push_back(static_cast<uint16_t>(m.compact_text.size() - text_begin));
      at_break = false;
    }
    m.compact_text.push_back(c);
  }
  const size_t len = m.compact_text.size() - text_begin;
  if (len == 0 || len > std::numeric_limits<uint16_t>::max()) {
    m.compact_text.resize(text_begin);
    m.breaks.resize(breaks_begin);
    return kNone;
  }
  phrase.compact_len = static_cast<uint32_t>(len);
  phrase.breaks_begin = static_cast<uint32_t>(breaks_begin);
  phrase.breaks_count = static_cast<uint16_t>(m.breaks.size() - breaks_begin);
  m.phrases.push_back(phrase);
  m.compact_begin.push_back(static_cast<uint32_t>(text_begin));
  return static_cast<uint32_t>(m.phrases.size() - 1);
}

void PhraseMatcher::build() {
  Impl& m = *impl_;
  if (m.built) return;
  const auto phrase_text = [&m](uint32_t p) {
    return std::string_view(m.compact_text).substr(m.compact_begin[p], m.phrases[p].compact_len);
  };

  // 1. The trie in sorted (depth-first) order: a phrase shares with the one before it a
  //    known prefix, so it only adds the nodes past that prefix, at the end of the path.
  std::vector<std::pair<std::string_view, uint32_t>> sorted(m.phrases.size());
  for (uint32_t p = 0; p < sorted.size(); ++p) sorted[p] = {phrase_text(p), p};
  std::sort(sorted.begin(), sorted.end());
  // Count the nodes first, so the build's arrays are allocated once at their size (the
  // host builds this at every start; its peak memory is this build).
  const auto common_prefix = [](std::string_view a, std::string_view b) {
    size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
    return n;
  };
  size_t count = 1;
  for (size_t i = 0; i < sorted.size(); ++i)
    count += sorted[i].first.size() - (i == 0 ? 0 : common_prefix(sorted[i].first, sorted[i - 1].first));
  std::vector<uint32_t> parent{0}, depth{0};
  std::vector<uint8_t> label{0};
  parent.reserve(count);
  depth.reserve(count);
  label.reserve(count);
  std::vector<uint32_t> terminal(m.phrases.size(), 0);  // preorder node where each phrase ends
  std::vector<uint32_t> path{0};                        // nodes along the previous phrase
  std::string_view previous;
  for (const auto& [t, p] : sorted) {
    const size_t common = common_prefix(t, previous);
    path.resize(common + 1);
    for (size_t k = common; k < t.size(); ++k) {
      const auto id = static_cast<uint32_t>(parent.size());
      parent.push_back(path.back());
      depth.push_back(static_cast<uint32_t>(k + 1));
      label.push_back(static_cast<uint8_t>(t[k]));
      path.push_back(id);
    }
    terminal[p] = path.back();
    previous = t;
  }
  decltype(sorted)().swap(sorted);
  decltype(path)().swap(path);

  // 2. Breadth-first numbering: within one depth, preorder is already lexicographic, which
  //    is the breadth-first order, so a stable counting sort by depth gives it.
  uint32_t max_depth = 0;
  for (uint32_t d : depth) max_depth = std::max(max_depth, d);
  std::vector<uint32_t> first_of_depth(max_depth + 2, 0);
  for (uint32_t d : depth) ++first_of_depth[d + 1];
  for (size_t d = 1; d < first_of_depth.size(); ++d) first_of_depth[d] += first_of_depth[d - 1];
  std::vector<uint32_t> bfs_of(count);
  for (size_t v = 0; v < count; ++v) bfs_of[v] = first_of_depth[depth[v]]++;

  // 3. Nodes and their children: in breadth-first order every node's children are
  //    consecutive and already in label order. Each preorder array is freed as soon as
  //    its breadth-first copy is made.
  m.labels.assign(count, 0);
  for (size_t v = 0; v < count; ++v) m.labels[bfs_of[v]] = label[v];
  decltype(label)().swap(label);
  std::vector<uint32_t> depth_bfs(count, 0);
  for (size_t v = 0; v < count; ++v) depth_bfs[bfs_of[v]] = depth[v];
  decltype(depth)().swap(depth);
  std::vector<uint32_t> parent_bfs(count, 0);
  for (size_t v = 0; v < count; ++v) parent_bfs[bfs_of[v]] = bfs_of[parent[v]];
  decltype(parent)().swap(parent);
  m.nodes.assign(count, Node{});
  for (uint32_t b = 1; b < count; ++b) {
    Node& up = m.nodes[parent_bfs[b]];
    if (up.child_count == 0) up.first_child = b;
    ++up.child_count;
  }
  m.outputs.reserve(m.phrases.size());
  for (uint32_t p = 0; p < m.phrases.size(); ++p) {
    Node& n = m.nodes[bfs_of[terminal[p]]];
    m.outputs.push_back(Output{p, n.out});
    n.out = static_cast<uint32_t>(m.outputs.size() - 1);
  }
  decltype(terminal)().swap(terminal);
  decltype(bfs_of)().swap(bfs_of);

  // 4. Fail and dictionary links in breadth-first order (a node's fail target is
  //    shallower, so it is always done first), and full DFA rows for the root and the
  //    shallow states as soon as their depth is done: the deeper states' fail links then
  //    read a row instead of walking the fail chain.
  m.root_next.fill(0);
  m.byte_class.fill(0);
  m.classes = 1;
  for (uint32_t b = 1; b < count; ++b)
    if (m.byte_class[m.labels[b]] == 0)
      m.byte_class[m.labels[b]] = static_cast<uint8_t>(std::min<uint32_t>(m.classes++, 255));
  std::vector<uint8_t> class_byte(m.classes, 0);
  for (unsigned b = 0; b < 256; ++b)
    if (m.byte_class[b] != 0) class_byte[m.byte_class[b]] = static_cast<uint8_t>(b);
  for (uint32_t i = 0; i < m.nodes[0].child_count; ++i) {
    const uint32_t target = m.nodes[0].first_child + i;
    m.root_next[m.labels[target]] = target;
  }
  const bool rows = m.classes < 256;
  auto add_row = [&m, &class_byte](uint32_t s) {
    const size_t row = static_cast<size_t>(s) * m.classes;  // rows are added in state order
    m.dense.resize(row + m.classes, 0);
    for (uint32_t cls = 1; cls < m.classes; ++cls) {
      const uint8_t b = class_byte[cls];
      uint32_t t = s == 0 ? m.root_next[b] : m.child(s, b);
      if (t == kNone) t = m.dense[static_cast<size_t>(m.nodes[s].fail) * m.classes + cls];
      m.dense[row + cls] = t;
    }
  };
  uint32_t shallow = 0;  // states of depth <= kDenseDepth come first
  while (shallow < count && depth_bfs[shallow] <= kDenseDepth) ++shallow;
  if (rows) m.dense.reserve(static_cast<size_t>(shallow) * m.classes);
  for (uint32_t v = 1; v < count; ++v) {
    if (rows && v == shallow) {
      for (uint32_t s = 0; s < shallow; ++s) add_row(s);
      m.dense_states = shallow;
    }
    if (depth_bfs[v] == 1) continue;  // fail = root, dict = none
    const uint8_t c = m.labels[v];
    uint32_t f = m.nodes[parent_bfs[v]].fail;
    uint32_t target = kNone;
    while (true) {
      if (f < m.dense_states) {
        target = m.dense[static_cast<size_t>(f) * m.classes + m.byte_class[c]];
        break;
      }
      target = f == 0 ? m.root_next[c] : m.child(f, c);
      if (target != kNone || f == 0) break;
      f = m.nodes[f].fail;
    }
    if (target == kNone || target == v) target = 0;
    m.nodes[v].fail = target;
    m.nodes[v].dict = m.nodes[target].out != kNone ? target : m.nodes[target].dict;
  }
  if (rows && shallow == count) {
    for (uint32_t s = 0; s < shallow; ++s) add_row(s);
    m.dense_states = shallow;
  }
  std::string().swap(m.compact_text);
  std::vector<uint32_t>().swap(m.compact_begin);
  m.breaks.shrink_to_fit();
  m.built = true;
}

size_t PhraseMatcher::phrase_count() const { return impl_->phrases.size(); }

size_t PhraseMatcher::memory_bytes() const {
  const Impl& m = *impl_;
  size_t bytes = m.nodes.capacity() * sizeof(Node) + m.labels.capacity() + m.outputs.capacity() * sizeof(Output) +
                 sizeof(m.root_next) + m.dense.capacity() * sizeof(uint32_t);
  return bytes + m.phrases.capacity() * sizeof(Phrase) + m.breaks.capacity() * sizeof(uint16_t);
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
        const uint16_t* breaks = m.breaks.data() + p.breaks_begin;
        size_t next_break = 0;
        for (size_t j = st + 1; j <= k && ok; ++j) {
          if (!sep_before[j]) continue;
          const auto off = static_cast<uint16_t>(j - st);
          while (next_break < p.breaks_count && breaks[next_break] < off) ++next_break;
          ok = next_break < p.breaks_count && breaks[next_break] == off;
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

std::vector<PhraseMatch> CachedMatcher::matches(const NormalizedText& text) const {
  std::vector<PhraseMatch> out;
  matcher.for_each(text, [&](const PhraseMatch& m) {
    out.push_back(PhraseMatch{input_of[m.phrase], m.begin, m.end});
    return true;
  });
  return out;
}

const CachedMatcher& cached_matcher(const std::vector<std::string>& phrases) {
  // One cache for the process, not one per thread: MinGW-w64 (winpthreads) crashes when a
  // thread that used a thread_local cache exits (tests/checks/test_concurrency.cpp under
  // Wine), and the host's compiling thread and its main thread share the work anyway.
  // Entries are never removed, so a returned reference stays valid while other threads
  // add theirs; there are a handful of lists per policy (brands, disclaimer wordings,
  // industry words), and a new list only comes with a changed policy.
  static std::mutex mutex;
  static std::deque<std::pair<std::vector<std::string>, CachedMatcher>> cache;
  const std::lock_guard lock(mutex);
  for (const auto& [key, value] : cache)
    if (key == phrases) return value;
  CachedMatcher entry;
  for (uint32_t i = 0; i < phrases.size(); ++i)
    if (entry.matcher.add(phrases[i]) != kNone) entry.input_of.push_back(i);
  entry.matcher.build();
  return cache.emplace_back(phrases, std::move(entry)).second;
}

}  // namespace ownvoice::text
