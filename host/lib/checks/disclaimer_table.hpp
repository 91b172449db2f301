#pragma once
// The disclaimer grammar as data (docs/checks.md "Disclaimer"): word classes, forms over
// them, and the parts hashtags are made of. disclaimer_grammar.cpp compiles and runs it.
#include <span>

namespace ownvoice::checks::disclaimer_table {

// A class of interchangeable phrases, '|'-separated. Phrases are written as people type
// them; they go through the same normalisation and tokeniser as posts ("n'engagent",
// "employer's", "boîte" are fine). "$company" stands for the policy's company name.
struct WordClass {
  const char* name;
  const char* phrases;
};

// A form: a sequence of elements separated by spaces.
//   NAME       one phrase of class NAME        NAME?   optional
//   NAME*N     0..N single words of class NAME ~N      0..N words of any kind (no sentence end)
//   word       that word ("=" ":" "," too)     word?   optional
//   >          a clause ends here (punctuation, line break, hashtag, end, "and", "not"...)
//   >>         the post's line or sentence ends here (for nominal forms: "Avis perso.")
//   !NAME<N    (promo4) no phrase of NAME starts among the N words before the form, in the same
//              clause (no punctuation or line break between): "cette décision n'engage pas ..."
//   ^NAME<N    (promo5) the form opens its sentence or a bracket, or a phrase of NAME is among the N words
//              before it in its sentence (commas crossed): "the views are mine, not my team's"
//   &NAME<N    (promo5) a phrase of NAME is among the N words before the form in its sentence: "... my own, my
//              opinions too"
// The first element is never optional: it anchors the search.
struct Form {
  const char* id;    // reported in the result as disclaimer.matched
  const char* lang;  // "en", "fr"
  const char* elements;
};

std::span<const WordClass> classes();
std::span<const Form> forms();

// Hashtags: a hashtag body (letters and digits, case and '_' ignored) is a disclaimer when
// it is WHO? + WHAT + BE? + MINE (each list '|'-separated, "" allowed) or one of `whole`.
struct HashtagParts {
  const char* who;
  const char* what;
  const char* be;
  const char* mine;
};
std::span<const HashtagParts> hashtag_parts();
const char* hashtag_whole();

}  // namespace ownvoice::checks::disclaimer_table
