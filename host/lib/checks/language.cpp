// French or English from two kinds of evidence: function words (articles, pronouns,
// prepositions, auxiliaries, which every sentence has and which rarely cross languages)
// and accented letters (é, è, à, ç... are French in posts that are French or English).
// Words that both languages use ("a", "on", "me", "son", "plus") are left out.
#include "checks/language.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace ownvoice::checks {
namespace {

enum class Lang { Fr, En };

// The function words, looked up for every word of every post: an open-addressing table of
// views of the literals below (static storage), probed with a short hash. A post's words
// are views into the normalised text; one longer than the longest function word is not
// looked up at all. (std::unordered_map's string hash and modulo cost several times more.)
class FunctionWords {
 public:
  // The first entry of a word wins, as std::unordered_map::emplace did.
  void emplace(std::string_view word, Lang lang) {
    longest_ = std::max(longest_, word.size());
    for (size_t i = hash(word);; i = (i + 1) & (kSlots - 1)) {
      if (slots_[i].word.empty()) {
        slots_[i] = Slot{word, lang};
        return;
      }
      if (slots_[i].word == word) return;
    }
  }

  [[nodiscard]] const Lang* find(std::string_view word) const {
    if (word.size() > longest_) return nullptr;
    for (size_t i = hash(word);; i = (i + 1) & (kSlots - 1)) {
      if (slots_[i].word.empty()) return nullptr;
      if (slots_[i].word == word) return &slots_[i].lang;
    }
  }

 private:
  static constexpr size_t kSlots = 1024;  // a power of two, over four times the words
  struct Slot {
    std::string_view word;
    Lang lang = Lang::Fr;
  };
  static size_t hash(std::string_view word) {  // FNV-1a
    uint32_t h = 2166136261u;
    for (char c : word) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h & (kSlots - 1);
  }
  std::array<Slot, kSlots> slots_{};
  size_t longest_ = 0;
};

const FunctionWords& function_words() {
  static const FunctionWords words = [] {
    FunctionWords w;
    // The text is normalised (lower case, accents stripped): "été" is "ete", "à" is "a".
    for (const char* f :
         {"le",       "la",       "les",      "des",       "du",       "de",       "un",     "une",      "et",
          "est",      "sont",     "pour",     "avec",      "dans",     "sur",      "pas",    "que",      "qui",
          "nous",     "vous",     "je",       "j",         "l",        "d",        "c",      "qu",       "n",
          "ce",       "cette",    "ces",      "mon",       "ma",       "mes",      "notre",  "nos",      "votre",
          "vos",      "tres",     "aussi",    "mais",      "ou",       "au",       "aux",    "chez",     "ete",
          "etre",     "avoir",    "ai",       "avons",     "tout",     "tous",     "toute",  "bien",     "merci",
          "bonjour",  "leur",     "leurs",    "il",        "elle",     "ils",      "elles",  "sont",     "etait",
          "fait",     "faire",    "quand",    "comme",     "entre",    "apres",    "avant",  "encore",   "toujours",
          "depuis",   "cette",    "mais",     "donc",      "alors",    "chaque",   "quel",   "quelle",   "nouveau",
          "nouvelle", "notre",    "hier",     "demain",    "aujourd",  "semaine",  "equipe", "travail",  "lundi",
          "mardi",    "mercredi", "jeudi",    "vendredi",  "samedi",   "dimanche", "rien",   "personne", "parce",
          "pourquoi", "jamais",   "toujours", "seulement", "vraiment", "beaucoup", "peu",    "sans",     "sous",
          "vers",     "moi",      "toi"})
      w.emplace(f, Lang::Fr);
    for (const char* e :
         {"the",      "and",     "is",      "are",       "was",      "were",   "to",       "of",     "in",
          "for",      "with",    "this",    "that",      "it",       "we",     "you",      "i",      "my",
          "our",      "your",    "have",    "has",       "had",      "be",     "been",     "at",     "by",
          "from",     "not",     "but",     "just",      "so",       "about",  "will",     "can",    "what",
          "how",      "an",      "they",    "their",     "there",    "here",   "all",      "would",  "could",
          "should",   "if",      "when",    "who",       "which",    "very",   "more",     "into",   "over",
          "after",    "today",   "week",    "team",      "work",     "proud",  "thanks",   "thank",  "ve",
          "ll",       "isn",     "doesn",   "didn",      "wasn",     "its",    "out",      "up",     "get",
          "got",      "new",     "some",    "any",       "than",     "them",   "these",    "those",  "yesterday",
          "tomorrow", "excited", "great",   "love",      "went",     "well",   "done",     "lol",    "wrong",
          "bad",      "monday",  "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "people",
          "everyone", "anyone",  "nothing", "something", "because",  "while",  "where",    "why",    "only",
          "still",    "never",   "again"})
      w.emplace(e, Lang::En);
    return w;
  }();
  return words;
}

bool is_french_letter(char32_t cp) {
  switch (cp) {
    case U'é':
    case U'è':
    case U'ê':
    case U'ë':
    case U'à':
    case U'â':
    case U'ç':
    case U'ù':
    case U'û':
    case U'ô':
    case U'î':
    case U'ï':
    case U'œ':
    case U'É':
    case U'È':
    case U'Ê':
    case U'À':
    case U'Ç':
    case U'Ô':
    case U'Î':
    case U'Œ': return true;
    default: return false;
  }
}

}  // namespace

std::string detect_language(std::string_view original, const text::NormalizedText& norm, std::string_view fallback) {
  double fr = 0;
  double en = 0;
  const auto& words = function_words();
  const std::string& s = norm.text;
  // Word endings that one language has and the other hardly ever: English -ing and
  // -ed; French -eux, -eau(x), -aient. Weaker than a function word.
  auto ends_with = [](std::string_view w, std::string_view suffix, size_t min_len) {
    return w.size() >= min_len && w.substr(w.size() - suffix.size()) == suffix;
  };
  auto count = [&](std::string_view word) {
    if (word.empty()) return;
    if (const Lang* lang = words.find(word)) {
      (*lang == Lang::Fr ? fr : en) += 1.0;
    } else if (ends_with(word, "ing", 5) || ends_with(word, "ed", 5)) {
      en += 0.5;
    } else if (ends_with(word, "eux", 4) || ends_with(word, "eau", 4) || ends_with(word, "eaux", 5) ||
               ends_with(word, "aient", 6)) {
      fr += 0.5;
    }
  };
  // A word is a run of word code points, so its bytes are contiguous in the text.
  size_t word_begin = 0;
  size_t word_end = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const size_t n = text::decode_utf8(s, i, cp);
    if (text::is_word_codepoint(cp)) {
      if (word_end != i) word_begin = i;
      word_end = i + n;
    } else if (word_end > word_begin) {
      count(std::string_view(s).substr(word_begin, word_end - word_begin));
      word_begin = word_end;
    }
    i += n;
  }
  if (word_end > word_begin) count(std::string_view(s).substr(word_begin, word_end - word_begin));
  // Accented letters: half a word each, at most four words' worth, so that one French
  // name in an English post does not turn it French.
  double accents = 0;
  for (size_t i = 0; i < original.size();) {
    if (static_cast<unsigned char>(original[i]) < 0x80) {  // no accented letter is ASCII
      ++i;
      continue;
    }
    char32_t cp = 0;
    i += text::decode_utf8(original, i, cp);
    if (is_french_letter(cp)) accents += 0.5;
  }
  fr += accents > 4.0 ? 4.0 : accents;

  std::string fb = fallback == "fr" || fallback == "en" ? std::string(fallback) : std::string("en");
  if (fr + en < 2.0) return fb;  // too little to go on: a link, a hashtag, "Bravo !"
  if (fr > en * 1.2) return "fr";
  if (en > fr * 1.2) return "en";
  return fb;
}

}  // namespace ownvoice::checks
